/**
 * Calendar months as `YYYY-MM` strings, for the dashboard's periods and series (docs/money.md "Dashboard
 * figures"). Pure string and integer arithmetic: no `Date`, no time zone, so the server's clock and zone never
 * shift a month.
 */

const DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const SHORT_MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** Whether `value` is a month `YYYY-MM`. */
export function isMonth(value: string | null | undefined): value is string {
  return value !== null && value !== undefined && MONTH.test(value);
}

/** The month (`YYYY-MM`) of `today` (`YYYY-MM-DD`); a `today` of another shape is a programming error. */
export function monthOfToday(today: string): string {
  if (!DAY.test(today)) throw new RangeError('today must be a date YYYY-MM-DD');
  return today.slice(0, 7);
}

function index(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function fromIndex(value: number): string {
  const year = Math.floor(value / 12);
  const month = value - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** `month` moved by `count` months (negative for earlier): `addMonths('2025-01', -1)` is `2024-12`. */
export function addMonths(month: string, count: number): string {
  return fromIndex(index(month) + count);
}

/** Every month from `from` to `to`, both included, oldest first; empty when `from` is after `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let i = index(from); i <= index(to); i += 1) months.push(fromIndex(i));
  return months;
}

/** The month's short name and year for people: `Jan 2025`. */
export function monthLabel(month: string): string {
  return `${SHORT_MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;
}

/** The month's last day, `YYYY-MM-DD` (leap years included). */
export function lastDayOfMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const number = Number(month.slice(5, 7));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = number === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(number) ? 30 : 31;
  return `${month}-${days}`;
}
