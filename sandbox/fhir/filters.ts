/**
 * The EOB filters BFD applies (docs/blue-button.md §8): `type` (comma list, case-insensitive, optional
 * `eob-type|` system, a bare system meaning every type), `service-date` on the claim's service end
 * date and `_lastUpdated` on `meta.lastUpdated`, each with lt/le/gt/ge and repeatable (all must hold).
 */
import { CLAIM_TYPES, type ClaimType, type EobIndexEntry } from '../data/types';

const EOB_TYPE_SYSTEM = 'https://bluebutton.cms.gov/resources/codesystem/eob-type|';

/** A date bound that could not be parsed; BFD answers 400 with this diagnostic. */
export class BadDateError extends Error {
  constructor(readonly value: string) {
    super(`Invalid date/time format: "${value}"`);
    this.name = 'BadDateError';
  }
}

/** The claim types a `type` value selects, or undefined for "no filter". */
export function parseTypeFilter(value: string | undefined): Set<ClaimType> | undefined {
  if (value === undefined) return undefined;
  const wanted = new Set<ClaimType>();
  for (const raw of value.split(',')) {
    const token = raw.trim().toLowerCase();
    if (!token) continue;
    if (token === EOB_TYPE_SYSTEM) return undefined;
    const code = token.startsWith(EOB_TYPE_SYSTEM) ? token.slice(EOB_TYPE_SYSTEM.length) : token;
    if ((CLAIM_TYPES as readonly string[]).includes(code)) wanted.add(code as ClaimType);
  }
  return wanted;
}

const DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** The interval `[lo, hi)` in ms that a FHIR date value covers at its precision. */
function dateInterval(text: string): [number, number] {
  const m = DATE.exec(text);
  if (!m) throw new BadDateError(text);
  const [, y, mo, d, hh, mi, ss, frac, zone] = m;
  const year = Number(y);
  if (mo === undefined) return [Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)];
  const month = Number(mo) - 1;
  if (d === undefined) return [Date.UTC(year, month, 1), Date.UTC(year, month + 1, 1)];
  const day = Number(d);
  if (hh === undefined) return [Date.UTC(year, month, day), Date.UTC(year, month, day + 1)];
  const iso = `${y}-${mo}-${d}T${hh}:${mi}:${ss ?? '00'}${frac ?? ''}${zone ?? 'Z'}`;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) throw new BadDateError(text);
  const step = ss === undefined ? 60_000 : frac === undefined ? 1000 : 1;
  return [at, at + step];
}

/** A predicate on a timestamp (ms) for lt/le/gt/ge bounds; throws `BadDateError`. */
export function dateRangePredicate(bounds: readonly string[]): ((ms: number) => boolean) | undefined {
  if (bounds.length === 0) return undefined;
  const tests = bounds.map((bound) => {
    const op = bound.slice(0, 2);
    const [lo, hi] = dateInterval(bound.slice(2));
    if (op === 'gt') return (v: number) => v >= hi;
    if (op === 'ge') return (v: number) => v >= lo;
    if (op === 'lt') return (v: number) => v < lo;
    return (v: number) => v < hi;
  });
  return (ms) => tests.every((t) => t(ms));
}

/** The EOBs that pass the filters, in index order (BFD's sort: claim id as a string, then type). */
export function filterEobs(
  eobs: readonly EobIndexEntry[],
  filters: { type?: string; serviceDate: readonly string[]; lastUpdated: readonly string[] },
): readonly EobIndexEntry[] {
  const types = parseTypeFilter(filters.type);
  const service = dateRangePredicate(filters.serviceDate);
  const updated = dateRangePredicate(filters.lastUpdated);
  if (!types && !service && !updated) return eobs;
  return eobs.filter(
    (e) =>
      (!types || types.has(e.type)) &&
      (!service || service(Date.parse(`${e.serviceEnd}T00:00:00Z`))) &&
      (!updated || updated(Date.parse(e.lastUpdated))),
  );
}
