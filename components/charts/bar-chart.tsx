'use client';

import { useState, useSyncExternalStore } from 'react';
import {
  Bar,
  BarChart as Chart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDollars, formatWholeDollars } from '@/components/ui/format';

/** One series of a chart: its key in the rows, its name for people, its colour (a CSS variable). */
export interface ChartSeries {
  key: string;
  name: string;
  color: string;
}

/** One bar (or stack of bars): its label and a value per series key. */
export interface ChartRow {
  label: string;
  values: Record<string, number>;
}

/** Props of {@link BarChart}. */
export interface BarChartProps {
  rows: readonly ChartRow[];
  series: readonly ChartSeries[];
  /** Stack the series in one bar (true) or put them side by side. */
  stacked?: boolean;
  /** Bars along the vertical axis, labels on the left: for long labels such as kinds of care. */
  horizontal?: boolean;
  /** Lets the viewer hide and show each series. */
  toggleable?: boolean;
  height?: number;
}

/** Whether a media query matches, following changes; `serverValue` before the browser answers. */
function useMedia(query: string, serverValue: boolean): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
    () => serverValue,
  );
}

/**
 * A bar chart of dollar amounts, drawn from series the server prepared (it does no arithmetic). The chart is
 * hidden from screen readers: every chart on a page sits beside a table of the same numbers.
 */
export default function BarChart({
  rows,
  series,
  stacked = false,
  horizontal = false,
  toggleable = false,
  height = 320,
}: BarChartProps) {
  const reducedMotion = useMedia('(prefers-reduced-motion: reduce)', true);
  const narrow = useMedia('(max-width: 640px)', false);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  const shown = series.filter((s) => !hidden.has(s.key));
  const toggle = (key: string) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <div>
      {toggleable && (
        <fieldset className="mb-3">
          <legend className="font-semibold">Kinds of care shown</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {series.map((s) => (
              <label key={s.key} className="inline-flex items-center gap-2">
                <input
                  type="checkbox"
                  className="h-5 w-5"
                  checked={!hidden.has(s.key)}
                  onChange={() => toggle(s.key)}
                />
                <span
                  aria-hidden="true"
                  className="inline-block h-3 w-3 rounded-sm"
                  style={{ background: s.color }}
                />
                {s.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div aria-hidden="true" style={{ width: '100%', height }}>
        <ResponsiveContainer width="100%" height="100%">
          <Chart
            accessibilityLayer={false}
            data={data}
            layout={horizontal ? 'vertical' : 'horizontal'}
            margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            {horizontal ? (
              <>
                <XAxis
                  type="number"
                  tickFormatter={formatWholeDollars}
                  tick={{ fill: 'var(--foreground)' }}
                />
                <YAxis
                  type="category"
                  dataKey="label"
                  width={narrow ? 96 : 170}
                  tick={{ fill: 'var(--foreground)', fontSize: narrow ? 12 : 14 }}
                />
              </>
            ) : (
              <>
                <XAxis dataKey="label" tick={{ fill: 'var(--foreground)' }} minTickGap={12} />
                <YAxis
                  tickFormatter={formatWholeDollars}
                  width={narrow ? 64 : 80}
                  tick={{ fill: 'var(--foreground)', fontSize: narrow ? 12 : 14 }}
                />
              </>
            )}
            <Tooltip formatter={(value) => formatDollars(Number(value))} />
            <Legend />
            {shown.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                fill={s.color}
                stackId={stacked ? 'stack' : undefined}
                isAnimationActive={!reducedMotion}
              />
            ))}
          </Chart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
