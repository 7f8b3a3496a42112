/**
 * BB2's search parameter schema (WEB `apps/fhir/bluebutton/views/search.py` `QUERY_SCHEMA`,
 * docs/blue-button.md §8): the last value of each parameter counts, `count` is an alias of `_count`,
 * `_lastUpdated` and `service-date` repeat, unknown parameters are dropped, and the first invalid
 * value gives `400 {"detail": <voluptuous message>}`.
 */
import type { Params } from '../http/params';
import type { ResourceType } from '../oauth/scopes';
import { pyInt } from './py-int';

const MAX_COUNT = 50;
const DEFAULT_COUNT = 10;
const OPERATOR = /^((lt)|(le)|(gt)|(ge)).+/;
const TYPE_VALUE =
  '(carrier)|(pde)|(dme)|(hha)|(hospice)|(inpatient)|(outpatient)|(snf)|' +
  '(https://bluebutton.cms.gov/resources/codesystem/eob-type\\|)|' +
  ['carrier', 'pde', 'dme', 'hha', 'hospice', 'inpatient', 'outpatient', 'snf']
    .map((t) => `(https://bluebutton.cms.gov/resources/codesystem/eob-type\\|${t})`)
    .join('|');
const TYPE_LIST = new RegExp(`^((${TYPE_VALUE})\\s*,*\\s*)+$`, 'i');

/** Accepted parameters besides paging ones, per resource; their values are passed to the backend. */
const PASS_THROUGH: Record<ResourceType, readonly string[]> = {
  Patient: ['_id', 'identifier'],
  Coverage: ['beneficiary'],
  ExplanationOfBenefit: ['type', 'patient', '_tag', '_source', '_security:not', '_offset'],
};

/** Validated search parameters. */
export interface SearchParams {
  /** Python ints; BFD range-checks them later. */
  startIndex: bigint;
  count: number;
  lastUpdated: string[];
  serviceDate: string[];
  type?: string;
  /** Other accepted parameters (last values), in query order. */
  extra: [string, string][];
}

/** Validation result: the parameters or the `detail` of the 400. */
export type SearchParamsResult = { ok: true; params: SearchParams } | { ok: false; detail: string };

/** Validates a search query for `resource`. */
export function validateSearchParams(resource: ResourceType, query: Params): SearchParamsResult {
  const isEob = resource === 'ExplanationOfBenefit';
  const keys = query.keys().filter((k) => k !== 'count');
  if (query.has('count') && !keys.includes('_count')) keys.push('_count');
  const lastUpdated = query.getAll('_lastUpdated');
  const serviceDate = isEob ? query.getAll('service-date') : [];
  const countText = query.has('count') ? query.get('count') : query.get('_count');
  let startIndex = 0n;
  let count = DEFAULT_COUNT;
  for (const key of keys) {
    if (key === 'startIndex') {
      const v = pyInt(query.get('startIndex') ?? '');
      if (v === undefined) return { ok: false, detail: 'expected int' };
      startIndex = v;
    } else if (key === '_count') {
      const v = pyInt(countText ?? '');
      if (v === undefined) return { ok: false, detail: 'expected int' };
      if (v > BigInt(MAX_COUNT)) return { ok: false, detail: `value must be at most ${MAX_COUNT}` };
      if (v < 0n) return { ok: false, detail: 'value must be at least 0' };
      count = Number(v);
    } else if (key === '_lastUpdated') {
      if (!lastUpdated.every((v) => OPERATOR.test(v)))
        return { ok: false, detail: 'the _lastUpdated operator is not valid' };
    } else if (key === 'service-date' && isEob) {
      if (!serviceDate.every((v) => OPERATOR.test(v)))
        return { ok: false, detail: 'the service-date operator is not valid' };
    } else if (key === 'type' && isEob) {
      if (!TYPE_LIST.test(query.get('type') ?? ''))
        return { ok: false, detail: 'the type parameter value is not valid' };
    }
  }
  const extra = keys
    .filter((k) => PASS_THROUGH[resource].includes(k))
    .map((k): [string, string] => [k, query.get(k) ?? '']);
  const type = isEob ? query.get('type') : undefined;
  return {
    ok: true,
    params: { startIndex, count, lastUpdated, serviceDate, ...(type !== undefined ? { type } : {}), extra },
  };
}
