/**
 * Calendar arithmetic on UTC day numbers (days since 1970-01-01), the unit every synthetic date is
 * made in before it is written as FHIR `date` (`YYYY-MM-DD`) or `instant`.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a `YYYY-MM-DD` date; throws on anything else. */
export function parseDay(text: string): number {
  const match = ISO_DATE.exec(text);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${text}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = ms / DAY_MS;
  if (formatDay(day) !== text) throw new Error(`not a calendar date: ${text}`);
  return day;
}

const dayText = new Map<number, string>();

/** `YYYY-MM-DD` of a day number (memoized: a beneficiary's dates span a few thousand days). */
export function formatDay(day: number): string {
  let text = dayText.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayText.size < 100_000) dayText.set(day, text);
  }
  return text;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A FHIR instant for a day number plus seconds into that day, e.g. `2024-05-13T14:23:05.123+00:00`. */
export function formatInstant(day: number, secondOfDay: number, millis: number): string {
  const clock = `${two(Math.floor(secondOfDay / 3600))}:${two(Math.floor(secondOfDay / 60) % 60)}:${two(secondOfDay % 60)}`;
  return `${formatDay(day)}T${clock}.${String(millis).padStart(3, '0')}+00:00`;
}

/** Day number of a UTC calendar date (month 1–12). */
export function dayOf(year: number, month: number, dayOfMonth: number): number {
  return Date.UTC(year, month - 1, dayOfMonth) / DAY_MS;
}

/** The calendar year of a day number. */
export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** The month (1–12) of a day number. */
export function monthOf(day: number): number {
  return new Date(day * DAY_MS).getUTCMonth() + 1;
}

/** `YYYY-MM-DD` of the Monday (UTC) of the week holding `now`. */
export function mondayOf(now: Date): string {
  const day = Math.floor(now.getTime() / DAY_MS);
  const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
  return formatDay(day - weekday);
}
