'use client';

import dynamic from 'next/dynamic';
import { startTransition, useEffect, useRef, useState, type ReactNode } from 'react';
import { ScrollBox } from '@/components/ui/scroll-box';
import type { BarChartProps } from './bar-chart';

// The chart code loads after the page, and only for a chart near the screen: the numbers are in the table
// below each chart from the first paint, and a phone does not spend its first seconds drawing charts it has
// not scrolled to. (Lighthouse, mobile: drawing every chart at once blocked the main thread for 1.7–2.5 s.)
const BarChart = dynamic(() => import('./bar-chart'), { ssr: false, loading: () => null });

/** Whether the element is on screen or within a quarter of a screen of it (once true, stays true). */
function useNearScreen<T extends Element>(): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || near) return;
    const observer = new IntersectionObserver(
      (entries) => {
        // A transition: React draws the chart in short slices, so the page stays responsive meanwhile.
        if (entries.some((entry) => entry.isIntersecting)) startTransition(() => setNear(true));
      },
      { rootMargin: '25% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return [ref, near];
}

/**
 * A chart with its title, a sentence saying what it shows, and the same numbers as a table behind a
 * disclosure button (a real `<table>`, given by the page). The space the chart takes is kept from the first
 * paint, so nothing moves when it is drawn.
 */
export function ChartFigure({
  id,
  title,
  description,
  chart,
  table,
}: {
  id: string;
  title: string;
  description: string;
  chart: BarChartProps;
  table: ReactNode;
}) {
  const [ref, near] = useNearScreen<HTMLDivElement>();
  const height = (chart.height ?? 320) + (chart.toggleable ? 112 : 0);
  return (
    <section aria-labelledby={`${id}-title`} className="mt-10">
      <h2 id={`${id}-title`} className="text-2xl font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-muted">{description}</p>
      <div ref={ref} className="mt-4 print:hidden" style={{ minHeight: height }}>
        {near && <BarChart {...chart} />}
      </div>
      <details className="mt-3">
        <summary className="cursor-pointer font-semibold text-accent underline">
          Show the numbers as a table
        </summary>
        <ScrollBox label={`${title}: the numbers`} className="mt-3">
          {table}
        </ScrollBox>
      </details>
    </section>
  );
}
