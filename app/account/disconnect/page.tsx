import type { Metadata } from 'next';
import { ConfirmForm } from '@/components/ui/confirm-form';
import { requireSession } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Disconnect from Medicare · My Medicare claims' };

export default async function DisconnectPage() {
  await requireSession();
  return (
    <>
      <h1 className="text-3xl font-bold">Disconnect from Medicare</h1>
      <p className="mt-6 text-lg">If you disconnect:</p>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-lg">
        <li>this app can no longer get your Medicare information;</li>
        <li>your permission for this app is removed at Medicare;</li>
        <li>everything this app stored about you is deleted now;</li>
        <li>you are signed out.</li>
      </ul>
      <p className="mt-4 text-lg">
        You can connect again at any time; you will be asked for permission again.
      </p>
      <ConfirmForm
        action="/auth/disconnect"
        label="Disconnect and delete my data"
        cancel="Cancel, keep me connected"
      />
    </>
  );
}
