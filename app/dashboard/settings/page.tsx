import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';

export const metadata: Metadata = { title: 'Settings · My Medicare claims' };

function Choice({
  id,
  title,
  href,
  action,
  children,
}: {
  id: string;
  title: string;
  href: string;
  action: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="rounded-md border border-border p-5 sm:p-6">
      <h2 id={id} className="text-2xl font-semibold">
        {title}
      </h2>
      <div className="mt-3 space-y-2 text-lg">{children}</div>
      <p className="mt-4">
        <Link
          href={href}
          className="inline-block rounded-md border-2 border-accent px-5 py-2 text-lg font-semibold text-accent no-underline hover:bg-blue-50"
        >
          {action}
        </Link>
      </p>
    </section>
  );
}

/** Sign out, disconnect and delete, each explained; each link opens a page that asks to confirm. */
export default function SettingsPage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Settings</h1>
      <p className="mt-4 max-w-3xl text-lg">
        Each choice below asks you to confirm on the next page before anything happens.
      </p>
      <div className="mt-8 grid max-w-3xl gap-6">
        <Choice id="sign-out" title="Sign out" href="/account/sign-out" action="Sign out of this app">
          <p>
            End your visit on this device. The copy of your Medicare information kept for it is deleted. Your
            permission at Medicare stays, so you can sign in again later.
          </p>
        </Choice>
        <Choice
          id="disconnect"
          title="Disconnect from Medicare"
          href="/account/disconnect"
          action="Disconnect this app"
        >
          <p>
            Stop this app from reading your Medicare information. Your permission is removed at Medicare,
            everything this app holds about you is deleted, and you are signed out.
          </p>
        </Choice>
        <Choice id="delete" title="Delete my data now" href="/account/delete" action="Delete my data">
          <p>
            Delete everything this app holds about you right now, and cancel the keys Medicare gave it. You
            are signed out. Your permission at Medicare stays, so you can connect again later.
          </p>
        </Choice>
      </div>
      <p className="mt-8 max-w-3xl text-lg">
        Read how we handle your information in the{' '}
        <Link href="/privacy" className="text-accent underline">
          privacy policy
        </Link>
        . To keep a copy of everything, use “Download all my Medicare data” on the{' '}
        <Link href="/dashboard/profile" className="text-accent underline">
          Profile
        </Link>{' '}
        page first.
      </p>
    </>
  );
}
