import type { Metadata } from 'next';
import { DataProblem } from '@/components/claims/data-problem';
import { PageHeading } from '@/components/dashboard/page-heading';
import { DataTable } from '@/components/ui/data-table';
import { formatCount, formatDate } from '@/components/ui/format';
import { PrintButton } from '@/components/ui/print-button';
import { ScrollBox } from '@/components/ui/scroll-box';
import { DrugTable } from '@/components/dashboard/drug-table';
import { FillTimelineFigure } from '@/components/prescriptions/fill-timeline';
import { PartDYears } from '@/components/prescriptions/part-d-years';
import {
  ADHERENCE_EXPLANATION,
  LATE_REFILL_GRACE_DAYS,
  describeSwitch,
  drugLabel,
  drugHistories,
  lateRefills,
  proportionOfDaysCovered,
  switches,
} from '@/lib/claims/adherence';
import { dateOfDay, dayNumber } from '@/lib/claims/calendar';
import { partDOutOfPocket } from '@/lib/claims/deductibles';
import { fillTimeline } from '@/lib/claims/fill-timeline';
import type { Prescription } from '@/lib/claims/types';
import { getPageData, today } from '@/lib/data/page-data';
import { queryPrescriptions } from '@/lib/data/queries';

export const metadata: Metadata = { title: 'Prescriptions · My Medicare claims' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The years with fills, newest first. */
function fillYears(prescriptions: readonly Prescription[]): number[] {
  const years = new Set<number>();
  for (const p of prescriptions) if (p.date && /^\d{4}-/.test(p.date)) years.add(Number(p.date.slice(0, 4)));
  return [...years].sort((a, b) => b - a);
}

/** The fill history's window: the last 12 months (365 days to today), or one calendar year up to today. */
function timelineWindow(span: string, date: string): { from: string; to: string; title: string } {
  if (span === '12m') {
    return { from: dateOfDay(dayNumber(date)! - 364), to: date, title: 'Fill history, last 12 months' };
  }
  const end = `${span}-12-31`;
  return { from: `${span}-01-01`, to: end < date ? end : date, title: `Fill history, ${span}` };
}

export default async function PrescriptionsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const loaded = await getPageData(params.fresh === '1');
  if (!loaded.ok) return <DataProblem message={loaded.message} reference={loaded.reference} />;
  const { data, source } = loaded.value;
  const q = typeof params.q === 'string' ? params.q.trim().slice(0, 100) : '';
  const show = params.show === 'active' || params.show === 'stopped' ? params.show : 'all';
  const fills = queryPrescriptions(data.prescriptions, q ? { q } : {});
  const date = today();
  const histories = drugHistories(fills, date);
  const drugs = histories
    .filter((h) => show === 'all' || h.status === show)
    .map((history) => ({
      history,
      adherence: proportionOfDaysCovered(history, date),
      lateRefills: lateRefills(history).length,
    }));
  const switched = switches(histories).map((change) => describeSwitch(change, histories));
  const years = fillYears(data.prescriptions);
  const span =
    typeof params.span === 'string' && years.map(String).includes(params.span) ? params.span : '12m';
  const window = timelineWindow(span, date);
  const timeline = fillTimeline(
    histories.filter((h) => show === 'all' || h.status === show),
    window.from,
    window.to,
  );
  const partD = years.map((year) => partDOutOfPocket(data.prescriptions, year));
  return (
    <>
      <PageHeading
        title="Prescriptions"
        ageMs={loaded.ageMs}
        refreshedTooSoon={source === 'cooldown'}
        action="/dashboard/prescriptions"
      />
      <p className="mt-4 print:hidden">
        <a href="/api/prescriptions?format=csv" download className="font-semibold text-accent underline">
          Download all fills (CSV)
        </a>
      </p>
      <form
        method="get"
        action="/dashboard/prescriptions"
        className="mt-6 flex flex-wrap items-end gap-3 print:hidden"
      >
        <div>
          <label htmlFor="show" className="block font-semibold">
            Drugs
          </label>
          <select
            id="show"
            name="show"
            defaultValue={show}
            className="mt-1 rounded-md border border-gray-500 bg-background px-3 py-2"
          >
            <option value="all">All drugs</option>
            <option value="active">Drugs you are taking</option>
            <option value="stopped">Drugs you stopped</option>
          </select>
        </div>
        <div>
          <label htmlFor="q" className="block font-semibold">
            Drug name
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            className="mt-1 rounded-md border border-gray-500 bg-background px-3 py-2"
          />
        </div>
        <div>
          <label htmlFor="span" className="block font-semibold">
            Fill history period
          </label>
          <select
            id="span"
            name="span"
            defaultValue={span}
            className="mt-1 rounded-md border border-gray-500 bg-background px-3 py-2"
          >
            <option value="12m">Last 12 months</option>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="rounded-md bg-accent px-5 py-2 font-semibold text-white hover:opacity-90"
        >
          Show
        </button>
      </form>
      <section aria-labelledby="drugs-title" className="mt-8">
        <h2 id="drugs-title" className="text-2xl font-semibold">
          Your drugs
        </h2>
        <p className="mt-1 text-muted">
          “Days covered” is the share of days in the last 12 months your fills covered, for drugs filled at
          least twice. {ADHERENCE_EXPLANATION} A refill is late when it came more than{' '}
          {LATE_REFILL_GRACE_DAYS} days after the previous supply ran out; a drug counts as stopped when it
          was not refilled for twice its days supply.
        </p>
        {drugs.length === 0 ? <p className="mt-4">No drugs to show.</p> : <DrugTable rows={drugs} />}
        {switched.length > 0 && (
          <ul className="mt-4 list-disc pl-6">
            {switched.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        )}
      </section>
      <FillTimelineFigure timeline={timeline} title={window.title} />
      <PartDYears years={partD} />
      <h2 className="mt-10 text-2xl font-semibold">Every fill</h2>
      <p className="mt-2 text-lg" role="status">
        {fills.length === 0
          ? q
            ? 'No prescriptions match this name.'
            : 'No prescriptions found yet.'
          : `${formatCount(fills.length)} ${fills.length === 1 ? 'fill' : 'fills'}, newest first`}
      </p>
      {fills.length > 0 && (
        <ScrollBox label="Prescription fills" className="mt-4">
          <DataTable
            caption="Prescription fills"
            captionHidden
            rows={fills}
            rowKey={(p) => p.id}
            columns={[
              { label: 'Filled', value: (p) => formatDate(p.date) },
              { label: 'Drug', value: (p) => (p.drugName ? drugLabel(p.drugName) : 'Name not given') },
              { label: 'Days supply', kind: 'count', value: (p) => p.daysSupply ?? '—' },
              { label: 'Pharmacy', value: (p) => p.pharmacy?.name ?? '—' },
              { label: 'Drug cost', kind: 'dollars', value: (p) => p.totalCost },
              { label: 'Plan paid', kind: 'dollars', value: (p) => p.planPaid },
              { label: 'You paid', kind: 'dollars', value: (p) => p.youPaid },
            ]}
          />
        </ScrollBox>
      )}
      <p className="mt-10 print:hidden">
        <PrintButton />
      </p>
    </>
  );
}
