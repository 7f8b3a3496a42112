import type { Metadata } from 'next';
import { ConfirmForm } from '@/components/ui/confirm-form';
import { requireSession } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign out · My Medicare claims' };

export default async function SignOutPage() {
  await requireSession();
  return (
    <>
      <h1 className="text-3xl font-bold">Sign out</h1>
      <p className="mt-6 text-lg">If you sign out:</p>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-lg">
        <li>your visit ends on this device;</li>
        <li>the copy of your Medicare information kept for this visit is deleted;</li>
        <li>your permission at Medicare stays, so you can sign in again later.</li>
      </ul>
      <ConfirmForm
        action="/auth/sign-out"
        label="Yes, sign me out"
        cancel="Cancel, stay signed in"
        tone="plain"
      />
    </>
  );
}
