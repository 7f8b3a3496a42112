/** How the app writes amounts, counts and dates for people: `$1,234.56`, `1,234`, `May 31, 2026`. */

const dollarFormat = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const wholeDollarFormat = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

/** `$1,234.56`. */
export const formatDollars = (amount: number): string => dollarFormat.format(amount);

/** `$1,235`: for chart axes. */
export const formatWholeDollars = (amount: number): string => wholeDollarFormat.format(amount);

/** `1,234`. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** `May 31, 2026` for `2026-05-31`; an em dash when there is no date. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return '—';
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}
