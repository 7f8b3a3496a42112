import Link from 'next/link';
import { ConnectButton } from '@/components/auth/connect-button';
import { WhatWeRead } from '@/components/legal/what-we-read';
import { Notice } from '@/components/ui/notice';
import { SiteFooter } from '@/components/ui/site-footer';
import { getSession } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { retentionWords } from '@/lib/legal';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const [session, params] = await Promise.all([getSession(), searchParams]);
  return (
    <>
      <main id="main" className="mx-auto max-w-3xl px-4 pt-16 sm:px-6">
        <h1 className="text-4xl font-bold">My Medicare claims</h1>
        {params.signedOut === '1' && (
          <Notice>
            You are signed out. The copy of your Medicare information kept for your visit was deleted.
          </Notice>
        )}
        {params.disconnected === '1' && (
          <Notice>This app is disconnected from Medicare and your information here was deleted.</Notice>
        )}
        {params.deleted === '1' && (
          <Notice>
            <p className="font-semibold">Your data is deleted.</p>
            <p className="mt-2">We deleted everything this app held about you:</p>
            <ul className="mt-2 list-disc pl-6">
              <li>the copy of your claims, prescriptions, coverage and personal details;</li>
              <li>the record of loading them;</li>
              <li>the keys Medicare gave this app, which Medicare has cancelled;</li>
              <li>your sign-in on this device.</li>
            </ul>
            <p className="mt-2">
              Your permission at Medicare stays, so you can connect again later. To remove it too, remove this
              app in your account on Medicare.gov.
            </p>
          </Notice>
        )}
        {(params.signedOut === 'partial' ||
          params.disconnected === 'partial' ||
          params.deleted === 'partial') && (
          <Notice tone="warning">
            You are signed out and your information here was deleted, but Medicare could not be reached to
            confirm. You can also remove this app’s access in your Medicare.gov account.
          </Notice>
        )}
        <p className="mt-6 text-lg text-muted">
          See four years of your Medicare claims in plain language: what your care cost, what Medicare paid,
          what you paid, and every prescription you filled.
        </p>
        {session.status === 'active' ? (
          <p className="mt-8">
            <Link href="/dashboard" className="text-lg font-semibold text-accent underline">
              Go to your claims
            </Link>
          </p>
        ) : (
          <>
            <WhatWeRead retention={retentionWords(getConfig())} />
            <div className="mt-8">
              <ConnectButton explained />
            </div>
          </>
        )}
        <p className="mt-6 text-muted">
          You will sign in on Medicare’s own page. We never see your Medicare password.
        </p>
      </main>
      <SiteFooter />
    </>
  );
}
