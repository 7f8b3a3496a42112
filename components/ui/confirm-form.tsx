import Link from 'next/link';

const styles = {
  danger: 'bg-red-700 text-white hover:bg-red-800',
  plain: 'bg-accent text-white hover:opacity-90',
} as const;

/**
 * The second step of a confirmed action: a plain form POST (it works before any script has loaded) to one of
 * the `/auth/*` routes, which refuse a post from another site, and a way back that changes nothing.
 */
export function ConfirmForm({
  action,
  label,
  cancel,
  tone = 'danger',
}: {
  action: '/auth/sign-out' | '/auth/disconnect' | '/auth/delete';
  label: string;
  cancel: string;
  tone?: keyof typeof styles;
}) {
  return (
    <div className="mt-8 flex flex-wrap items-center gap-6">
      <form method="post" action={action}>
        <button type="submit" className={`rounded-md px-6 py-3 text-lg font-semibold ${styles[tone]}`}>
          {label}
        </button>
      </form>
      <Link href="/dashboard/settings" className="text-lg text-accent underline">
        {cancel}
      </Link>
    </div>
  );
}
