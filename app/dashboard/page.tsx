import type { Metadata } from 'next';
import Link from 'next/link';
import { ConnectButton } from '@/components/auth/connect-button';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { Attribution } from '@/components/ui/attribution';
import { Notice } from '@/components/ui/notice';
import { requireSession } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Your claims · My Medicare claims' };

export default async function DashboardPage() {
  const { claims } = await requireSession();
  return (
    <main id="main" className="mx-auto max-w-5xl px-6 py-12">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{claims.name ? `Hello, ${claims.name}` : 'Your Medicare claims'}</h1>
        <SignOutButton />
      </div>
      {!claims.demographics && (
        <Notice>
          <p>
            <strong>Name not shared.</strong> You chose not to share your name and other personal details, so we
            show your claims and coverage without them.
          </p>
          <div className="mt-3">
            <ConnectButton label="Connect again to share" />
          </div>
        </Notice>
      )}
      <p className="mt-8 text-muted">Your claims will appear here.</p>
      <p className="mt-12">
        <Link href="/account/disconnect" className="text-accent underline">
          Disconnect from Medicare
        </Link>
      </p>
      <Attribution />
    </main>
  );
}
