import { DataTable } from '@/components/ui/data-table';
import type { MonthPaid } from '@/lib/claims/dashboard-series';
import { ChartFigure } from './chart-figure';
import { PAID_SERIES } from './paid-series';

/** What Medicare paid and what the beneficiary may have paid, month by month: a chart and its table. */
export function PaidByMonthFigure({
  id,
  title,
  description,
  months,
  stacked = false,
}: {
  id: string;
  title: string;
  description: string;
  months: readonly MonthPaid[];
  stacked?: boolean;
}) {
  return (
    <ChartFigure
      id={id}
      title={title}
      description={description}
      chart={{
        rows: months.map((m) => ({
          label: m.label,
          values: { medicarePaid: m.medicarePaid, youPaid: m.youPaid },
        })),
        series: PAID_SERIES,
        stacked,
      }}
      table={
        <DataTable
          caption={`${title}, by month`}
          rows={months}
          rowKey={(m) => m.month}
          columns={[
            { label: 'Month', value: (m) => m.label },
            { label: 'Paid by Medicare', kind: 'dollars', value: (m) => m.medicarePaid },
            { label: 'You may have paid', kind: 'dollars', value: (m) => m.youPaid },
          ]}
        />
      }
    />
  );
}
