// The detail of one claim. It sits outside the (data) group on purpose: without a loading boundary above it,
// the whole answer waits for the data, so an unknown claim is a real 404 rather than a streamed 200.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ClaimMoneyStory } from '@/components/claims/claim-money-story';
import { CodeText } from '@/components/claims/code-text';
import { DataProblem } from '@/components/claims/data-problem';
import { PrintButton } from '@/components/ui/print-button';
import { PageHeading } from '@/components/dashboard/page-heading';
import { DataTable } from '@/components/ui/data-table';
import { formatCount, formatDate } from '@/components/ui/format';
import { ScrollBox } from '@/components/ui/scroll-box';
import { CLAIM_TYPE_CATALOGUE } from '@/lib/claims/catalogue';
import { providerOf } from '@/lib/claims/providers';
import type { Claim, Party, Prescription } from '@/lib/claims/types';
import { describeDiagnosis, describeDrug, describeRevenueCenter, describeService } from '@/lib/codes';
import { getPageData } from '@/lib/data/page-data';
import { claimIdSchema } from '@/lib/data/queries';

export const metadata: Metadata = { title: 'Claim details · My Medicare claims' };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const ROLES: Readonly<Record<string, string>> = {
  principal: 'Main reason',
  admitting: 'Reason for admission',
  'reason-for-visit': 'Reason for the visit',
  patientreasonforvisit: 'Reason for the visit',
  external: 'Cause of injury',
  'external-first': 'Cause of injury',
  externalcauseofinjury: 'Cause of injury',
};

function partyText(party: Party | null): string {
  if (!party?.name && !party?.npi) return 'Not named';
  return [party.name, party.npi && `NPI ${party.npi}`].filter(Boolean).join(', ');
}

/**
 * The provider row, and the facility row when the facility is another party: a facility with the provider's
 * NPI (a pharmacy on a drug event, a hospital billing its own claim) only adds its kind to the provider's row.
 */
function partyRows(claim: Claim, provider: Party | null): [string, string][] {
  const facility = claim.facility;
  const same = facility !== null && (!facility.npi || facility.npi === provider?.npi) && !facility.name;
  const merged = facility !== null && (same || (!!facility.npi && facility.npi === provider?.npi));
  const providerText = [partyText(provider), merged ? facility.kind : null].filter(Boolean).join(' · ');
  const rows: [string, string][] = [[claim.type === 'pde' ? 'Pharmacy' : 'Provider', providerText]];
  if (facility && !merged) {
    rows.push(['Facility', [partyText(facility), facility.kind].filter(Boolean).join(' · ')]);
  }
  return rows;
}

/** The named members of the care team other than the provider: the people a beneficiary may recognise. */
function careTeamText(claim: Claim, provider: Party | null): string | null {
  const names = new Set<string>();
  for (const member of claim.careTeam) {
    if (member.name && member.name !== provider?.name) names.add(member.name);
  }
  return names.size === 0 ? null : [...names].join('; ');
}

function datesText(claim: Claim): string {
  if (!claim.serviceStart) return 'Not given';
  if (!claim.serviceEnd || claim.serviceEnd === claim.serviceStart) return formatDate(claim.serviceStart);
  return `${formatDate(claim.serviceStart)} to ${formatDate(claim.serviceEnd)}`;
}

function Facts({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="mt-4 grid gap-x-8 gap-y-3 text-lg sm:grid-cols-[max-content_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-semibold">{term}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function PrescriptionFacts({ fill }: { fill: Prescription }) {
  const drug = describeDrug(fill.ndc, fill.drugName);
  return (
    <section aria-labelledby="fill-title" className="mt-10">
      <h2 id="fill-title" className="text-2xl font-semibold">
        The prescription
      </h2>
      <Facts
        rows={[
          ['Drug', drug?.text ?? 'Name not given'],
          ['NDC (drug product code)', fill.ndc ?? 'Not given'],
          ['Days supply', fill.daysSupply === null ? 'Not given' : formatCount(fill.daysSupply)],
          ['Quantity', fill.quantity === null ? 'Not given' : formatCount(fill.quantity)],
          [
            'Refill',
            fill.refillNumber === null
              ? 'Not given'
              : fill.refillNumber === 0
                ? 'First fill of the prescription'
                : `Refill ${fill.refillNumber}`,
          ],
          ['Pharmacy', partyText(fill.pharmacy)],
          ['Prescriber', partyText(fill.prescriber)],
        ]}
      />
    </section>
  );
}

function Diagnoses({ claim }: { claim: Claim }) {
  if (claim.diagnoses.length === 0) return null;
  return (
    <section aria-labelledby="diagnoses-title" className="mt-10">
      <h2 id="diagnoses-title" className="text-2xl font-semibold">
        What it was for
      </h2>
      <ScrollBox label="Diagnoses" className="mt-4">
        <DataTable
          caption="Diagnoses on this claim"
          captionHidden
          rows={claim.diagnoses}
          rowKey={(d) => `${d.role ?? ''}:${d.code}`}
          columns={[
            { label: 'Diagnosis', value: (d) => <CodeText described={describeDiagnosis(d)} /> },
            { label: 'Code', value: (d) => d.code },
            { label: 'Role', value: (d) => (d.role ? (ROLES[d.role] ?? 'Also noted') : 'Also noted') },
          ]}
        />
      </ScrollBox>
    </section>
  );
}

function Procedures({ claim }: { claim: Claim }) {
  if (claim.procedures.length === 0) return null;
  return (
    <section aria-labelledby="procedures-title" className="mt-10">
      <h2 id="procedures-title" className="text-2xl font-semibold">
        Procedures
      </h2>
      <ScrollBox label="Procedures" className="mt-4">
        <DataTable
          caption="Procedures on this claim"
          captionHidden
          rows={claim.procedures}
          rowKey={(p) => `${p.date ?? ''}:${p.code}`}
          columns={[
            { label: 'Procedure', value: (p) => <CodeText described={describeDiagnosis(p)} /> },
            { label: 'Code', value: (p) => p.code },
            { label: 'Date', value: (p) => formatDate(p.date) },
          ]}
        />
      </ScrollBox>
    </section>
  );
}

function Lines({ claim }: { claim: Claim }) {
  if (claim.lines.length === 0 || claim.type === 'pde') return null;
  const lines = claim.lines.map((line, i) => ({ ...line, key: `${line.sequence ?? 'n'}-${i}` }));
  const withRevenue = lines.some((line) => line.revenue !== null);
  const withAllowed = lines.some((line) => line.allowed !== null);
  const service = (line: (typeof lines)[number]) => {
    const described = describeService(line);
    const drug = line.ndc ? describeDrug(line.ndc, line.drugName) : null;
    const department = describeRevenueCenter(line.revenue)?.text ?? undefined;
    return (
      <>
        <CodeText described={described} fallback={line.category ?? department} />
        {drug?.text && <span className="block text-base text-muted">Drug given: {drug.text}</span>}
      </>
    );
  };
  const withCpt = lines.some((line) => describeService(line).kind === 'cpt');
  return (
    <section aria-labelledby="lines-title" className="mt-10">
      <h2 id="lines-title" className="text-2xl font-semibold">
        Services on this claim
      </h2>
      {withCpt && (
        <p className="mt-1 text-muted">
          The descriptions of five-digit CPT codes belong to the American Medical Association and are not
          shown here; for those, the kind of service is shown instead.
        </p>
      )}
      <ScrollBox label="Services" className="mt-4">
        <DataTable
          caption="Services on this claim"
          captionHidden
          rows={lines}
          rowKey={(line) => line.key}
          columns={[
            { label: 'Service', value: service },
            { label: 'Code', value: (line) => line.code ?? '—' },
            ...(withRevenue
              ? [
                  {
                    label: 'Hospital department',
                    value: (line: (typeof lines)[number]) =>
                      describeRevenueCenter(line.revenue)?.text ?? line.revenue ?? '—',
                  },
                ]
              : []),
            { label: 'Date', value: (line) => formatDate(line.date) },
            { label: 'Quantity', kind: 'count', value: (line) => line.quantity ?? '—' },
            { label: 'Billed', kind: 'dollars', value: (line) => line.billed ?? '—' },
            ...(withAllowed
              ? [
                  {
                    label: 'Approved',
                    kind: 'dollars' as const,
                    value: (line: (typeof lines)[number]) => line.allowed ?? '—',
                  },
                ]
              : []),
            { label: 'Medicare paid', kind: 'dollars', value: (line) => line.medicarePaid ?? '—' },
            { label: 'You may owe', kind: 'dollars', value: (line) => line.youPaid ?? '—' },
          ]}
        />
      </ScrollBox>
    </section>
  );
}

export default async function ClaimDetailPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  if (!claimIdSchema.safeParse(id).success) notFound();
  const loaded = await getPageData(query.fresh === '1');
  if (!loaded.ok) return <DataProblem message={loaded.message} reference={loaded.reference} />;
  const { data, source } = loaded.value;
  const claim = data.claims.find((c) => c.id === id);
  if (!claim) notFound();
  const fill = claim.type === 'pde' ? data.prescriptions.find((p) => p.id === id) : undefined;
  const kind = CLAIM_TYPE_CATALOGUE[claim.type];
  const provider = providerOf(claim);
  const careTeam = claim.type === 'pde' ? null : careTeamText(claim, provider);
  return (
    <>
      <p className="print:hidden">
        <Link href="/dashboard/claims" className="text-lg font-semibold text-accent underline">
          All claims
        </Link>
      </p>
      <div className="mt-4">
        <PageHeading
          title={`${kind.one}, ${datesText(claim)}`}
          ageMs={loaded.ageMs}
          refreshedTooSoon={source === 'cooldown'}
          action={`/dashboard/claims/${encodeURIComponent(claim.id)}`}
        />
      </div>
      <section aria-labelledby="about-title" className="mt-8">
        <h2 id="about-title" className="text-2xl font-semibold">
          About this claim
        </h2>
        <Facts
          rows={[
            ['Kind of care', `${kind.label} (${kind.part})`],
            [claim.type === 'pde' ? 'Date filled' : 'Dates of care', datesText(claim)],
            ...partyRows(claim, provider),
            ...(careTeam ? [['Also on the claim', careTeam] as [string, string]] : []),
            ['Claim number', claim.id],
          ]}
        />
        <p className="mt-2 text-base text-muted">{kind.description}</p>
      </section>
      <ClaimMoneyStory claim={claim} />
      {fill && <PrescriptionFacts fill={fill} />}
      <Diagnoses claim={claim} />
      <Procedures claim={claim} />
      <Lines claim={claim} />
      <section aria-labelledby="take-title" className="mt-10 print:hidden">
        <h2 id="take-title" className="text-2xl font-semibold">
          Keep a copy
        </h2>
        <ul className="mt-4 flex flex-wrap gap-4">
          <li>
            <PrintButton />
          </li>
          <li>
            <a
              href={`/api/claims/${encodeURIComponent(claim.id)}/fhir`}
              download
              className="inline-block rounded-md border border-accent px-5 py-2 text-lg font-semibold text-accent underline"
            >
              Download this claim as Medicare sent it (FHIR JSON)
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
