import type { ChartSeries } from './bar-chart';

/** Who paid: the two series of the spending charts, in the colours of app/globals.css. */
export const PAID_SERIES: readonly ChartSeries[] = [
  { key: 'medicarePaid', name: 'Paid by Medicare', color: 'var(--paid-medicare)' },
  { key: 'youPaid', name: 'You may have paid', color: 'var(--paid-you)' },
];
