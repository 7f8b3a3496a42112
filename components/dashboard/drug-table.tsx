import { DataTable } from '@/components/ui/data-table';
import { formatDate } from '@/components/ui/format';
import { ScrollBox } from '@/components/ui/scroll-box';
import { drugLabel, type DrugHistory } from '@/lib/claims/adherence';

/** One drug as the table shows it: its history with the figures computed for it. */
export interface DrugRow {
  history: DrugHistory;
  /** Proportion of days covered over the last 12 months (0–1), or null when it does not apply. */
  adherence: number | null;
  lateRefills: number;
}

const percent = (fraction: number) => `${Math.round(fraction * 100)} %`;

/** The beneficiary's drugs, one row each. */
export function DrugTable({ rows }: { rows: readonly DrugRow[] }) {
  return (
    <ScrollBox label="Your drugs" className="mt-4">
      <DataTable
        caption="Your drugs"
        captionHidden
        rows={rows}
        rowKey={(r) => r.history.key}
        columns={[
          { label: 'Drug', value: (r) => drugLabel(r.history.name) },
          { label: 'Status', value: (r) => (r.history.status === 'active' ? 'Taking' : 'Stopped') },
          { label: 'Latest fill', value: (r) => formatDate(r.history.lastFill) },
          { label: 'Fills', kind: 'count', value: (r) => r.history.fillCount },
          { label: 'Days supply', kind: 'count', value: (r) => r.history.lastDaysSupply ?? '—' },
          { label: 'You paid in all', kind: 'dollars', value: (r) => r.history.totalYouPaid },
          { label: 'Pharmacy', value: (r) => r.history.fills.at(-1)?.pharmacy ?? '—' },
          {
            label: 'Days covered, last 12 months',
            value: (r) => (r.adherence === null ? '—' : percent(r.adherence)),
          },
          {
            label: 'Late refills',
            kind: 'count',
            value: (r) => r.lateRefills,
          },
        ]}
      />
    </ScrollBox>
  );
}
