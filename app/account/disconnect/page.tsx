import type { Metadata } from 'next';
import Link from 'next/link';
import { requireSession } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Disconnect from Medicare · My Medicare claims' };

export default async function DisconnectPage() {
  await requireSession();
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-3xl font-bold">Disconnect from Medicare</h1>
      <p className="mt-6">If you disconnect:</p>
      <ul className="mt-2 list-disc pl-6">
        <li>this app can no longer get your Medicare information;</li>
        <li>everything this app stored about you is deleted now;</li>
        <li>you are signed out.</li>
      </ul>
      <p className="mt-4">You can connect again at any time; you will be asked for permission again.</p>
      <div className="mt-8 flex flex-wrap items-center gap-6">
        <form method="post" action="/auth/disconnect">
          <button
            type="submit"
            className="rounded-md bg-red-700 px-6 py-3 font-semibold text-white hover:bg-red-800"
          >
            Disconnect and delete my data
          </button>
        </form>
        <Link href="/dashboard" className="text-accent underline">
          Cancel, keep me connected
        </Link>
      </div>
    </main>
  );
}
