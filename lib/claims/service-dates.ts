/**
 * A claim's service dates, as docs/money.md "Looking values up" defines the service date:
 * `billablePeriod.start`, else the earliest `item[].servicedDate` / `item[].servicedPeriod.start`.
 * https://hl7.org/fhir/R4/explanationofbenefit-definitions.html#ExplanationOfBenefit.billablePeriod
 */
import type { Eob } from './fhir-eob-schema';

const MONTH = /^\d{4}-\d{2}$/;

function day(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value.slice(0, 10);
}

/**
 * Service start and end (`YYYY-MM-DD`, or less precise when the data is) and the month (`YYYY-MM`).
 * docs/money.md "service date".
 */
export function serviceDatesOf(eob: Eob): { start: string | null; end: string | null; month: string | null } {
  let start = day(eob.billablePeriod?.start);
  let end = day(eob.billablePeriod?.end);
  if (start === undefined || end === undefined) {
    let earliest: string | undefined;
    let latest: string | undefined;
    for (const item of eob.item ?? []) {
      for (const date of [day(item.servicedDate), day(item.servicedPeriod?.start)]) {
        if (date !== undefined && (earliest === undefined || date < earliest)) earliest = date;
      }
      for (const date of [day(item.servicedDate), day(item.servicedPeriod?.end)]) {
        if (date !== undefined && (latest === undefined || date > latest)) latest = date;
      }
    }
    start ??= earliest;
    end ??= latest;
  }
  const month = start?.slice(0, 7);
  return { start: start ?? null, end: end ?? null, month: month && MONTH.test(month) ? month : null };
}
