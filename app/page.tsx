import Link from 'next/link';
import { ConnectButton } from '@/components/auth/connect-button';
import { Attribution } from '@/components/ui/attribution';
import { Notice } from '@/components/ui/notice';
import { getSession } from '@/lib/auth/session';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const [session, params] = await Promise.all([getSession(), searchParams]);
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-4xl font-bold">My Medicare claims</h1>
      {params.signedOut === '1' && <Notice>You are signed out.</Notice>}
      {params.disconnected === '1' && (
        <Notice>This app is disconnected from Medicare and your information here was deleted.</Notice>
      )}
      {(params.signedOut === 'partial' || params.disconnected === 'partial') && (
        <Notice tone="warning">
          You are signed out and your information here was deleted, but Medicare could not be reached to
          confirm. You can also remove this app’s access in your Medicare.gov account.
        </Notice>
      )}
      <p className="mt-6 text-muted">
        See four years of your Medicare claims in plain language: what your care cost, what Medicare paid,
        what you paid, and every prescription you filled.
      </p>
      <div className="mt-8">
        {session.status === 'active' ? (
          <Link href="/dashboard" className="text-lg font-semibold text-accent underline">
            Go to your claims
          </Link>
        ) : (
          <ConnectButton />
        )}
      </div>
      <p className="mt-4 text-sm text-muted">
        You will sign in on Medicare’s own page. We never see your Medicare password.
      </p>
      <Attribution />
    </main>
  );
}
