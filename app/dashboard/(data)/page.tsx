import type { Metadata } from 'next';
import { ConnectButton } from '@/components/auth/connect-button';
import { ChartFigure } from '@/components/charts/chart-figure';
import { PaidByMonthFigure } from '@/components/charts/paid-by-month';
import { DataProblem } from '@/components/claims/data-problem';
import { CoverageGlance } from '@/components/dashboard/coverage-glance';
import { PageHeading } from '@/components/dashboard/page-heading';
import { PeriodSelect } from '@/components/dashboard/period-select';
import { RecentLists } from '@/components/dashboard/recent-lists';
import { ThisYear } from '@/components/dashboard/this-year';
import { TotalsCards } from '@/components/dashboard/totals-cards';
import { DataTable } from '@/components/ui/data-table';
import { Notice } from '@/components/ui/notice';
import { PrintButton } from '@/components/ui/print-button';
import { requireSession } from '@/lib/auth/session';
import { coverageSummary } from '@/lib/claims/coverage-summary';
import { recentClaims, recentPrescriptions } from '@/lib/claims/dashboard-lists';
import { monthlySpending, spendingByKind, totalsFor } from '@/lib/claims/dashboard-series';
import { partBDeductible, partDOutOfPocket } from '@/lib/claims/deductibles';
import { parsePeriod, periodLabel, periodOptions, periodValue, yearsWithClaims } from '@/lib/claims/period';
import { getPageData, today } from '@/lib/data/page-data';
import { PAID_SERIES } from '@/components/charts/paid-series';

export const metadata: Metadata = { title: 'Overview · My Medicare claims' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const [{ claims: session }, params] = await Promise.all([requireSession(), searchParams]);
  const loaded = await getPageData(params.fresh === '1');
  if (!loaded.ok) return <DataProblem message={loaded.message} reference={loaded.reference} />;
  const { data, source } = loaded.value;
  const date = today();
  const year = Number(date.slice(0, 4));
  const period = parsePeriod(params.period, yearsWithClaims(data.claims));
  const totals = totalsFor(data.claims, period, date);
  const months = monthlySpending(data.claims, date);
  const kinds = spendingByKind(data.claims, period, date);
  return (
    <>
      <PageHeading
        title="Overview"
        ageMs={loaded.ageMs}
        refreshedTooSoon={source === 'cooldown'}
        action="/dashboard"
        period={periodValue(period)}
      />
      {!session.demographics && (
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
      {data.unreadable > 0 && (
        <Notice>
          {data.unreadable} {data.unreadable === 1 ? 'claim' : 'claims'} couldn’t be read and{' '}
          {data.unreadable === 1 ? 'is' : 'are'} not counted here.
        </Notice>
      )}
      <div className="mt-6">
        <PeriodSelect action="/dashboard" value={periodValue(period)} options={periodOptions(data.claims)} />
      </div>
      {data.claims.length === 0 ? (
        <p className="mt-8 text-lg">No claims found yet. New claims usually appear a few weeks after care.</p>
      ) : (
        <>
          <TotalsCards totals={totals} periodLabel={periodLabel(period)} />
          <PaidByMonthFigure
            id="monthly"
            title="Spending over the last 24 months"
            description="What was paid for your care each month: by Medicare, and what you may have paid."
            months={months}
            stacked
          />
          <ChartFigure
            id="kinds"
            title={`Spending by kind of care: ${periodLabel(period)}`}
            description="What was paid for each kind of care, by Medicare and by you."
            chart={{
              rows: kinds.map((k) => ({
                label: k.label,
                values: { medicarePaid: k.medicarePaid, youPaid: k.youPaid },
              })),
              series: PAID_SERIES,
              stacked: true,
              horizontal: true,
              height: Math.max(160, 56 * kinds.length + 80),
            }}
            table={
              <DataTable
                caption="Spending by kind of care"
                rows={kinds}
                rowKey={(k) => k.type}
                columns={[
                  { label: 'Kind of care', value: (k) => `${k.label} (${k.part})` },
                  { label: 'Claims', kind: 'count', value: (k) => k.count },
                  { label: 'Paid by Medicare', kind: 'dollars', value: (k) => k.medicarePaid },
                  { label: 'You may have paid', kind: 'dollars', value: (k) => k.youPaid },
                ]}
              />
            }
          />
        </>
      )}
      <ThisYear
        partB={partBDeductible(data.claims, year)}
        partD={partDOutOfPocket(data.prescriptions, year)}
      />
      <CoverageGlance parts={coverageSummary(data.coverage, date)} />
      <RecentLists
        claims={recentClaims(data.claims)}
        prescriptions={recentPrescriptions(data.prescriptions)}
      />
      <p className="mt-10 print:hidden">
        <PrintButton />
      </p>
    </>
  );
}
