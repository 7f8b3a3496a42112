import type { Metadata } from 'next';
import Link from 'next/link';
import { ClaimLink } from '@/components/claims/claim-link';
import { DataProblem } from '@/components/claims/data-problem';
import { PageHeading } from '@/components/dashboard/page-heading';
import { DataTable } from '@/components/ui/data-table';
import { formatCount } from '@/components/ui/format';
import { Notice } from '@/components/ui/notice';
import { ScrollBox } from '@/components/ui/scroll-box';
import { CLAIM_TYPE_CATALOGUE } from '@/lib/claims/catalogue';
import { CLAIM_TYPES } from '@/lib/claims/types';
import { getPageData } from '@/lib/data/page-data';
import { claimQuerySchema, queryClaims, type ClaimQuery } from '@/lib/data/queries';
import { claimsCsvHref } from '@/lib/export/tables';

export const metadata: Metadata = { title: 'Claims · My Medicare claims' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const SORTS: { value: ClaimQuery['sort']; label: string }[] = [
  { value: 'date-desc', label: 'Newest first' },
  { value: 'date-asc', label: 'Oldest first' },
  { value: 'billed-desc', label: 'Largest bill first' },
  { value: 'you-paid-desc', label: 'Most you paid first' },
];

/** The filters from the URL; values that are not valid are dropped (and the page says so). */
function readQuery(params: Record<string, string | string[] | undefined>) {
  const raw = {
    type: params.type ? [params.type].flat().filter(Boolean) : undefined,
    from: typeof params.from === 'string' && params.from ? params.from : undefined,
    to: typeof params.to === 'string' && params.to ? params.to : undefined,
    q: typeof params.q === 'string' && params.q.trim() ? params.q : undefined,
    sort: typeof params.sort === 'string' ? params.sort : undefined,
    page: typeof params.page === 'string' ? params.page : undefined,
  };
  const parsed = claimQuerySchema.safeParse(raw);
  if (parsed.success) return { query: parsed.data, ignored: false };
  return { query: claimQuerySchema.parse({}), ignored: true };
}

export default async function ClaimsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const loaded = await getPageData(params.fresh === '1');
  if (!loaded.ok) return <DataProblem message={loaded.message} reference={loaded.reference} />;
  const { data, source } = loaded.value;
  const { query, ignored } = readQuery(params);
  const result = queryClaims(data.claims, query);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const link = (page: number) => {
    const next = new URLSearchParams();
    for (const type of query.type ?? []) next.append('type', type);
    if (query.from) next.set('from', query.from);
    if (query.to) next.set('to', query.to);
    if (query.q) next.set('q', query.q);
    next.set('sort', query.sort);
    next.set('page', String(page));
    return `/dashboard/claims?${next}`;
  };
  const field = 'mt-1 rounded-md border border-gray-500 bg-background px-3 py-2';
  return (
    <>
      <PageHeading
        title="Claims"
        ageMs={loaded.ageMs}
        refreshedTooSoon={source === 'cooldown'}
        action="/dashboard/claims"
      />
      {ignored && <Notice tone="warning">Some filters were not valid and were left out.</Notice>}
      <p className="mt-4 print:hidden">
        <a href={claimsCsvHref(query)} download className="font-semibold text-accent underline">
          Download these claims (CSV)
        </a>
      </p>
      <form
        method="get"
        action="/dashboard/claims"
        className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3 print:hidden"
      >
        <div>
          <label htmlFor="type" className="block font-semibold">
            Kind of care
          </label>
          <select id="type" name="type" defaultValue={query.type?.[0] ?? ''} className={`${field} w-full`}>
            <option value="">All kinds</option>
            {CLAIM_TYPES.map((type) => (
              <option key={type} value={type}>
                {CLAIM_TYPE_CATALOGUE[type].label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="block font-semibold">
            From
          </label>
          <input
            id="from"
            name="from"
            type="date"
            defaultValue={query.from ?? ''}
            className={`${field} w-full`}
          />
        </div>
        <div>
          <label htmlFor="to" className="block font-semibold">
            To
          </label>
          <input id="to" name="to" type="date" defaultValue={query.to ?? ''} className={`${field} w-full`} />
        </div>
        <div>
          <label htmlFor="q" className="block font-semibold">
            Provider, code or description
          </label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ''} className={`${field} w-full`} />
        </div>
        <div>
          <label htmlFor="sort" className="block font-semibold">
            Order
          </label>
          <select id="sort" name="sort" defaultValue={query.sort} className={`${field} w-full`}>
            {SORTS.map((sort) => (
              <option key={sort.value} value={sort.value}>
                {sort.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end">
          <button
            type="submit"
            className="rounded-md bg-accent px-5 py-2 font-semibold text-white hover:opacity-90"
          >
            Show claims
          </button>
        </div>
      </form>
      <p className="mt-6 text-lg" role="status">
        {result.total === 0
          ? 'No claims match these filters.'
          : `${formatCount(result.total)} ${result.total === 1 ? 'claim' : 'claims'}, page ${result.page} of ${pages}`}
      </p>
      {result.items.length > 0 && (
        <ScrollBox label="Claims" className="mt-4">
          <DataTable
            caption="Claims"
            captionHidden
            rows={result.items}
            rowKey={(c) => c.id}
            columns={[
              {
                label: 'Date',
                value: (c) => (
                  <ClaimLink id={c.id} date={c.serviceStart} label={CLAIM_TYPE_CATALOGUE[c.type].label} />
                ),
              },
              { label: 'Kind of care', value: (c) => CLAIM_TYPE_CATALOGUE[c.type].label },
              { label: 'Provider', value: (c) => c.provider ?? 'Not named' },
              { label: 'What it was for', value: (c) => c.summary ?? '—' },
              { label: 'Billed', kind: 'dollars', value: (c) => c.billed },
              { label: 'Paid by Medicare', kind: 'dollars', value: (c) => c.medicarePaid },
              { label: 'You may have paid', kind: 'dollars', value: (c) => c.youPaid },
            ]}
          />
        </ScrollBox>
      )}
      {pages > 1 && (
        <nav aria-label="Pages of claims" className="mt-6 flex flex-wrap items-center gap-4">
          {result.page > 1 && (
            <Link href={link(result.page - 1)} className="font-semibold text-accent underline">
              Previous page
            </Link>
          )}
          {result.page < pages && (
            <Link href={link(result.page + 1)} className="font-semibold text-accent underline">
              Next page
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
