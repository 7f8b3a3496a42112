import type { Metadata } from 'next';
import Link from 'next/link';
import { ConnectButton } from '@/components/auth/connect-button';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { Attribution } from '@/components/ui/attribution';
import { Notice } from '@/components/ui/notice';
import { redirect } from 'next/navigation';
import { DataProblem } from '@/components/claims/data-problem';
import { SummaryOverview } from '@/components/claims/summary-overview';
import { requireSession } from '@/lib/auth/session';
import { summarize } from '@/lib/claims/summarize';
import { AppError } from '@/lib/errors';
import { getMedicareData, loadMedicareData } from '@/lib/data/medicare-data';

export const metadata: Metadata = { title: 'Your claims · My Medicare claims' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function loadSummary(fresh: boolean) {
  try {
    const { data, fetchedAt } = fresh ? await loadMedicareData({ fresh: true }) : await getMedicareData();
    return { ok: true as const, summary: summarize(data), unreadable: data.unreadable, fetchedAt };
  } catch (error) {
    // A 500 (a bug, a bad setting) is not explained here: it goes to the error page with its reference.
    if (error instanceof AppError && error.status !== 500) return { ok: false as const, problem: error };
    throw error;
  }
}

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const { claims } = await requireSession();
  const loaded = await loadSummary((await searchParams).fresh === '1');
  if (!loaded.ok && loaded.problem.code === 'reconnect_required') {
    redirect(`/auth/error?reason=${loaded.problem.reason ?? 'unknown'}`);
  }
  return (
    <main id="main" className="mx-auto max-w-5xl px-6 py-12">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">
          {claims.name ? `Hello, ${claims.name}` : 'Your Medicare claims'}
        </h1>
        <SignOutButton />
      </div>
      {!claims.demographics && (
        <Notice>
          <p>
            <strong>Name not shared.</strong> You chose not to share your name and other personal details, so
            we show your claims and coverage without them.
          </p>
          <div className="mt-3">
            <ConnectButton label="Connect again to share" />
          </div>
        </Notice>
      )}
      {!loaded.ok ? (
        <DataProblem message={loaded.problem.message} reconnect={false} />
      ) : (
        <>
          <SummaryOverview summary={loaded.summary} unreadable={loaded.unreadable} />
          <form method="get" action="/dashboard" className="mt-6 flex flex-wrap items-center gap-4">
            <input type="hidden" name="fresh" value="1" />
            <button
              type="submit"
              className="rounded-md border border-border px-4 py-2 font-semibold hover:bg-gray-50"
            >
              Refresh data
            </button>
            <span className="text-sm text-muted">
              Fetched from Medicare at{' '}
              {new Date(loaded.fetchedAt).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })}
            </span>
          </form>
        </>
      )}
      <p className="mt-12">
        <Link href="/account/disconnect" className="text-accent underline">
          Disconnect from Medicare
        </Link>
      </p>
      <Attribution />
    </main>
  );
}
