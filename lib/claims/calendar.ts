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

/**
 * The day number of a date `YYYY-MM-DD` (days since 1970-01-01), or null for anything that is not a real day.
 * Days from the civil calendar: https://howardhinnant.github.io/date_algorithms.html#days_from_civil
 */
export function dayNumber(date: string | null): number | null {
  const match = date === null ? null : DAY.exec(date);
  if (!match || date === null || date > lastDayOfMonth(date.slice(0, 7))) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The date `YYYY-MM-DD` of a day number (the inverse of {@link dayNumber}).
 * https://howardhinnant.github.io/date_algorithms.html#civil_from_days
 */
export function dateOfDay(number: number): string {
  const z = number + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
