import { ClaimLink } from '@/components/claims/claim-link';
import { DataTable } from '@/components/ui/data-table';
import { ScrollBox } from '@/components/ui/scroll-box';
import { formatDate } from '@/components/ui/format';
import type { ClaimListEntry, PrescriptionListEntry } from '@/lib/claims/dashboard-lists';

/** The latest claims and prescription fills, newest first. */
export function RecentLists({
  claims,
  prescriptions,
}: {
  claims: readonly ClaimListEntry[];
  prescriptions: readonly PrescriptionListEntry[];
}) {
  return (
    <section aria-labelledby="recent-title" className="mt-10">
      <h2 id="recent-title" className="text-2xl font-semibold">
        Most recent
      </h2>
      <div className="mt-4 grid gap-8 lg:grid-cols-2">
        <ScrollBox label="Latest claims">
          {claims.length === 0 ? (
            <p>No claims yet.</p>
          ) : (
            <DataTable
              caption="Latest claims"
              rows={claims}
              rowKey={(c) => c.id}
              columns={[
                {
                  label: 'Date',
                  value: (c) => <ClaimLink id={c.id} date={c.serviceStart} label={c.label} />,
                },
                { label: 'Kind of care', value: (c) => c.label },
                { label: 'Medicare paid', kind: 'dollars', value: (c) => c.medicarePaid },
                { label: 'You may have paid', kind: 'dollars', value: (c) => c.youPaid },
              ]}
            />
          )}
        </ScrollBox>
        <ScrollBox label="Latest prescriptions">
          {prescriptions.length === 0 ? (
            <p>No prescriptions yet.</p>
          ) : (
            <DataTable
              caption="Latest prescriptions"
              rows={prescriptions}
              rowKey={(p) => p.id}
              columns={[
                { label: 'Filled', value: (p) => formatDate(p.date) },
                { label: 'Drug', value: (p) => p.drugName ?? 'Name not given' },
                { label: 'You paid', kind: 'dollars', value: (p) => p.youPaid },
              ]}
            />
          )}
        </ScrollBox>
      </div>
    </section>
  );
}
