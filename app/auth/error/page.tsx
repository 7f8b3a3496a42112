import type { Metadata } from 'next';
import Link from 'next/link';
import { ConnectButton } from '@/components/auth/connect-button';
import { RECONNECT_REASONS } from '@/lib/auth/reasons';
import { getConfig } from '@/lib/config';
import { contactSentence } from '@/lib/errors';
import { isReconnectReason } from '@/lib/reconnect-reasons';

export const metadata: Metadata = { title: 'Connecting to Medicare · My Medicare claims' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuthErrorPage({ searchParams }: { searchParams: SearchParams }) {
  const { reason: raw } = await searchParams;
  const reason = isReconnectReason(raw) ? raw : 'unknown';
  const { title, detail, action } = RECONNECT_REASONS[reason];
  return (
    <>
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mt-6 text-lg">{detail}</p>
      <p className="mt-4 text-lg">{action}</p>
      {reason === 'app_inactive' && getConfig().contactEmail && (
        <p className="mt-4 text-lg">{contactSentence(getConfig().contactEmail).trim()}</p>
      )}
      <div className="mt-8">
        <ConnectButton label={reason === 'session_expired' ? 'Sign in again' : 'Connect again'} />
      </div>
      <p className="mt-8">
        <Link href="/" className="text-accent underline">
          Back to the home page
        </Link>
      </p>
      <p className="mt-10 text-sm text-muted">Reference: {reason}</p>
    </>
  );
}
