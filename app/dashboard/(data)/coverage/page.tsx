import type { Metadata } from 'next';
import { DataProblem } from '@/components/claims/data-problem';
import { PageHeading } from '@/components/dashboard/page-heading';
import { formatDate } from '@/components/ui/format';
import { coverageSummary } from '@/lib/claims/coverage-summary';
import type { MedicarePart } from '@/lib/claims/types';
import { getPageData, today } from '@/lib/data/page-data';

export const metadata: Metadata = { title: 'Coverage · My Medicare claims' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** What each part covers, and what it means when it is missing, in plain words. */
const PART_TEXT: Record<MedicarePart, { covers: string; missing: string }> = {
  A: {
    covers: 'Hospital stays, skilled nursing facility care, hospice and some home health care.',
    missing:
      'Most people get Part A without a premium when they turn 65. If you think you should have it, contact Social Security.',
  },
  B: {
    covers: 'Doctor visits, outpatient care, medical equipment, many tests and preventive services.',
    missing:
      'Without Part B, Medicare does not help pay for doctor visits. You can sign up during an enrollment period; a late penalty may apply.',
  },
  C: {
    covers:
      'A Medicare Advantage plan from a private company that replaces Parts A and B, and often includes drugs.',
    missing: 'Not having Part C is common: it means you have Original Medicare (Parts A and B).',
  },
  D: {
    covers: 'Prescription drugs, through a plan from a private company approved by Medicare.',
    missing:
      'Without Part D (or drug coverage through Part C or another plan), you pay full price for drugs, and a late penalty may apply if you join later.',
  },
};

export default async function CoveragePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const loaded = await getPageData(params.fresh === '1');
  if (!loaded.ok) return <DataProblem message={loaded.message} reference={loaded.reference} />;
  const { data, source } = loaded.value;
  const parts = coverageSummary(data.coverage, today());
  // Medicare–Medicaid status is the beneficiary's, repeated on each part's record: shown once.
  const dual = [...new Map(parts.flatMap((p) => p.dualMonths).map((g) => [g.code, g])).values()];
  const extraHelp = parts.find((p) => p.part === 'D')?.costSharingMonths ?? [];
  return (
    <>
      <PageHeading
        title="Coverage"
        ageMs={loaded.ageMs}
        refreshedTooSoon={source === 'cooldown'}
        action="/dashboard/coverage"
      />
      <p className="mt-6 text-lg">Which parts of Medicare cover you, as Medicare’s records show them.</p>
      <div className="mt-6 grid gap-6">
        {parts.map((part) => {
          const text = PART_TEXT[part.part];
          const known = part.status !== null;
          return (
            <section
              key={part.part}
              aria-labelledby={`part-${part.part}`}
              className="rounded-md border border-gray-400 p-5"
            >
              <h2 id={`part-${part.part}`} className="text-2xl font-semibold">
                {part.name}
              </h2>
              <p className="mt-2 text-lg">
                {part.active ? (
                  <span className="font-semibold text-green-800">Active</span>
                ) : (
                  <span className="font-semibold text-gray-700">
                    {known ? 'Not active now' : 'No record of this part'}
                  </span>
                )}
              </p>
              <p className="mt-2">{text.covers}</p>
              {known && (
                <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
                  <dt className="font-semibold">Started</dt>
                  <dd>{formatDate(part.start)}</dd>
                  <dt className="font-semibold">Ends</dt>
                  <dd>{part.end ? formatDate(part.end) : 'No end date'}</dd>
                  {part.contractIds.length > 0 && (
                    <>
                      <dt className="font-semibold">Plan contract</dt>
                      <dd>{part.contractIds.join(', ')}</dd>
                    </>
                  )}
                  {part.planIds.length > 0 && (
                    <>
                      <dt className="font-semibold">Plan</dt>
                      <dd>{part.planIds.join(', ')}</dd>
                    </>
                  )}
                </dl>
              )}
              {!part.active && <p className="mt-3 text-muted">{text.missing}</p>}
            </section>
          );
        })}
      </div>
      <section aria-labelledby="help-title" className="mt-8">
        <h2 id="help-title" className="text-2xl font-semibold">
          Help with costs
        </h2>
        <h3 className="mt-4 text-xl font-semibold">Medicare and Medicaid</h3>
        {dual.length === 0 ? (
          <p className="mt-1">Medicare’s records show no months with help from Medicaid.</p>
        ) : (
          <ul className="mt-1 list-disc pl-6">
            {dual.map((group) => (
              <li key={group.code}>
                {group.description}: {group.ranges}
              </li>
            ))}
          </ul>
        )}
        <h3 className="mt-4 text-xl font-semibold">Extra Help with drug costs</h3>
        {extraHelp.length === 0 ? (
          <p className="mt-1">Medicare’s records show no months with Extra Help.</p>
        ) : (
          <ul className="mt-1 list-disc pl-6">
            {extraHelp.map((group) => (
              <li key={group.code}>
                {group.description}: {group.ranges}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="mt-8">
        To learn more or change your coverage, visit{' '}
        <a
          href="https://www.medicare.gov/basics/get-started-with-medicare"
          className="font-semibold text-accent underline"
        >
          Medicare.gov
        </a>{' '}
        or call 1-800-MEDICARE (1-800-633-4227).
      </p>
    </>
  );
}
