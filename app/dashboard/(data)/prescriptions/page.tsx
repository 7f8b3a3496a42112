import type { Metadata } from 'next';
import { DataProblem } from '@/components/claims/data-problem';
import { PageHeading } from '@/components/dashboard/page-heading';
import { DataTable } from '@/components/ui/data-table';
import { formatCount, formatDate } from '@/components/ui/format';
import { ScrollBox } from '@/components/ui/scroll-box';
import { getPageData } from '@/lib/data/page-data';
import { queryPrescriptions } from '@/lib/data/queries';

export const metadata: Metadata = { title: 'Prescriptions · My Medicare claims' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PrescriptionsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const loaded = await getPageData(params.fresh === '1');
  if (!loaded.ok) return <DataProblem message={loaded.message} reference={loaded.reference} />;
  const { data, source } = loaded.value;
  const q = typeof params.q === 'string' ? params.q.trim().slice(0, 100) : '';
  const fills = queryPrescriptions(data.prescriptions, q ? { q } : {});
  return (
    <>
      <PageHeading
        title="Prescriptions"
        ageMs={loaded.ageMs}
        refreshedTooSoon={source === 'cooldown'}
        action="/dashboard/prescriptions"
      />
      <form method="get" action="/dashboard/prescriptions" className="mt-6 flex flex-wrap items-end gap-3">
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
        <button
          type="submit"
          className="rounded-md bg-accent px-5 py-2 font-semibold text-white hover:opacity-90"
        >
          Search
        </button>
      </form>
      <p className="mt-6 text-lg" role="status">
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
              { label: 'Drug', value: (p) => p.drugName ?? 'Name not given' },
              { label: 'Days supply', kind: 'count', value: (p) => p.daysSupply ?? '—' },
              { label: 'Pharmacy', value: (p) => p.pharmacy?.name ?? '—' },
              { label: 'Drug cost', kind: 'dollars', value: (p) => p.totalCost },
              { label: 'Plan paid', kind: 'dollars', value: (p) => p.planPaid },
              { label: 'You paid', kind: 'dollars', value: (p) => p.youPaid },
            ]}
          />
        </ScrollBox>
      )}
    </>
  );
}
