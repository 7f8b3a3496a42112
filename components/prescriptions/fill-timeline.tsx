import { DataTable } from '@/components/ui/data-table';
import { formatDate } from '@/components/ui/format';
import { ScrollBox } from '@/components/ui/scroll-box';
import { drugLabel, LATE_REFILL_GRACE_DAYS } from '@/lib/claims/adherence';
import type { FillTimeline, TimelineFill, TimelineRow } from '@/lib/claims/fill-timeline';

function lateText(fill: TimelineFill): string {
  return fill.daysLate === null ? 'No' : `Yes, ${fill.daysLate} days after the supply ran out`;
}

/** One drug's track: a bar per fill over its days supply; late refills in another colour with a marker. */
function Track({ row, months }: { row: TimelineRow; months: FillTimeline['months'] }) {
  return (
    <div className="relative h-9 rounded bg-gray-100 print:border print:border-gray-400">
      {months.map((month) => (
        <span
          key={month.month}
          className="absolute top-0 h-full w-px bg-gray-300"
          style={{ left: `${month.left}%` }}
        />
      ))}
      {row.fills.map((fill, i) => (
        <span
          key={`${fill.date}-${i}`}
          className="absolute top-1.5 h-6 rounded-sm border border-white"
          style={{
            left: `${fill.left}%`,
            width: fill.width > 0 ? `${fill.width}%` : '4px',
            background: fill.daysLate === null ? 'var(--fill-on-time)' : 'var(--fill-late)',
          }}
        />
      ))}
      {row.fills
        .filter((fill) => fill.daysLate !== null)
        .map((fill, i) => (
          <span
            key={`late-${fill.date}-${i}`}
            className="absolute -top-3 -ml-2 text-base leading-none font-bold"
            style={{ left: `${fill.left}%`, color: 'var(--fill-late)' }}
          >
            ▼
          </span>
        ))}
    </div>
  );
}

/**
 * The fill history of every drug in a window: one row per drug, each fill a bar as long as the days it
 * supplied, so the days without the drug show as gaps; late refills are red with a ▼ above. The same numbers are
 * in the table below it (the drawing itself is hidden from screen readers).
 */
export function FillTimelineFigure({ timeline, title }: { timeline: FillTimeline; title: string }) {
  const fills = timeline.rows.flatMap((row) => row.fills.map((fill) => ({ row, fill })));
  const late = fills.filter(({ fill }) => fill.daysLate !== null).length;
  return (
    <section aria-labelledby="timeline-title" className="mt-10">
      <h2 id="timeline-title" className="text-2xl font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-muted">
        Each bar is one fill, as long as the days it supplied; a gap is days without the drug. A red bar with
        ▼ is a refill that came more than {LATE_REFILL_GRACE_DAYS} days after the supply ran out.{' '}
        {late === 0
          ? 'No refill was late in this period.'
          : `${late} ${late === 1 ? 'refill was' : 'refills were'} late in this period.`}
      </p>
      {timeline.rows.length === 0 ? (
        <p className="mt-4">No fills in this period.</p>
      ) : (
        <>
          <div aria-hidden="true" className="print-colors mt-6 overflow-x-clip pt-2">
            {timeline.rows.map((row) => (
              <div
                key={row.key}
                className="grid items-center gap-x-4 gap-y-1 border-b border-border py-3 sm:grid-cols-[16rem_1fr]"
              >
                <div className="font-semibold break-words">
                  {drugLabel(row.name)}
                  {row.status === 'stopped' && <span className="font-normal text-muted"> (stopped)</span>}
                </div>
                <Track row={row} months={timeline.months} />
              </div>
            ))}
            <div className="grid gap-x-4 sm:grid-cols-[16rem_1fr]">
              <div />
              <div className="relative mt-1 h-6 text-sm text-muted">
                {timeline.months.map((month, i) => (
                  <span
                    key={month.month}
                    className={`absolute whitespace-nowrap ${i % 3 === 0 ? '' : 'hidden md:inline'}`}
                    style={{
                      left: `${month.left}%`,
                      transform: month.left > 85 ? 'translateX(-100%)' : undefined,
                    }}
                  >
                    {month.month.endsWith('-01') || i === 0 ? month.label : month.label.slice(0, 3)}
                  </span>
                ))}
              </div>
            </div>
          </div>
          <details className="mt-6">
            <summary className="cursor-pointer font-semibold text-accent underline">
              Show the fills as a table
            </summary>
            <ScrollBox label={`${title}: the fills`} className="mt-3">
              <DataTable
                caption={`${title}: every fill`}
                captionHidden
                rows={fills}
                rowKey={({ row, fill }) => `${row.key}:${fill.date}:${fill.left}`}
                columns={[
                  { label: 'Drug', value: ({ row }) => drugLabel(row.name) },
                  { label: 'Filled', value: ({ fill }) => formatDate(fill.date) },
                  { label: 'Days supply', kind: 'count', value: ({ fill }) => fill.daysSupply ?? '—' },
                  {
                    label: 'Supply lasted until',
                    value: ({ fill }) => (fill.supplyUntil ? formatDate(fill.supplyUntil) : '—'),
                  },
                  { label: 'Late refill', value: ({ fill }) => lateText(fill) },
                ]}
              />
            </ScrollBox>
          </details>
        </>
      )}
    </section>
  );
}
