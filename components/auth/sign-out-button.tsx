/** Signs out with a plain form POST, so it works before any script has loaded. */
export function SignOutButton() {
  return (
    <form method="post" action="/auth/sign-out">
      <button
        type="submit"
        className="rounded-md border border-border px-4 py-2 font-semibold hover:bg-gray-50"
      >
        Sign out
      </button>
    </form>
  );
}
