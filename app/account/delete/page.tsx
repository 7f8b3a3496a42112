import type { Metadata } from 'next';
import Link from 'next/link';
import { ConfirmForm } from '@/components/ui/confirm-form';
import { requireSession } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Delete my data now · My Medicare claims' };

export default async function DeleteDataPage() {
  await requireSession();
  return (
    <>
      <h1 className="text-3xl font-bold">Delete my data now</h1>
      <p className="mt-6 text-lg">This deletes everything this app holds about you, right now:</p>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-lg">
        <li>the copy of your claims, prescriptions, coverage and personal details;</li>
        <li>the record of loading them;</li>
        <li>
          the keys Medicare gave this app to read your information (we also ask Medicare to cancel them, so
          they can never be used again);
        </li>
        <li>your sign-in on this device, and any pages of this app your browser kept.</li>
      </ul>
      <p className="mt-4 text-lg">
        You will be signed out. Your permission at Medicare stays, so you can connect again later. To remove
        that permission as well, choose{' '}
        <Link href="/account/disconnect" className="text-accent underline">
          Disconnect from Medicare
        </Link>{' '}
        instead.
      </p>
      <p className="mt-4 text-lg">Files you downloaded are on your device: delete them there if you wish.</p>
      <ConfirmForm action="/auth/delete" label="Yes, delete my data now" cancel="Cancel, keep my data" />
    </>
  );
}
