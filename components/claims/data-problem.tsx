import Link from 'next/link';
import { ConnectButton } from '@/components/auth/connect-button';
import { Notice } from '@/components/ui/notice';

/** What the dashboard shows when Medicare data could not be loaded: the plain message and what to do. */
export function DataProblem({ message, reconnect }: { message: string; reconnect: boolean }) {
  return (
    <Notice tone="warning">
      <p>{message}</p>
      <div className="mt-3">
        {reconnect ? (
          <ConnectButton label="Connect again" />
        ) : (
          <Link href="/dashboard?fresh=1" className="font-semibold text-accent underline">
            Try again
          </Link>
        )}
      </div>
    </Notice>
  );
}
