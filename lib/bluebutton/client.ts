import 'server-only';
import { createNormalizer, type Normalizer } from '@/lib/claims/normalize';
import type { NormalizedData } from '@/lib/claims/normalized-data';
import type { ClaimType } from '@/lib/claims/types';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { isRecord } from '@/lib/json';
import { allOrAbort, throwIfAborted } from './abort';
import type {
  BlueButtonClient,
  BlueButtonClientOptions,
  Demographics,
  ExportOptions,
  ReceivedResource,
} from './client-types';
import { blueButtonEndpoints } from './endpoints';
import { createFhirHttp } from './http';
import { createLimiter, type Limiter } from './limiter';
import { createPager, type OnPage, type Pager, type SearchSpec } from './paging';
import { createStatsRecorder } from './request-stats';

/**
 * The Blue Button client: Patient, Coverage and ExplanationOfBenefit searches (v1 STU3 or v2 R4,
 * https://bluebutton.cms.gov/api-documentation/), read through the HTTP layer and the planned pager, and
 * normalized page by page into the app's own types (`NormalizedData`, lib/claims) so no vendor shape
 * leaves `lib`. Exports alone hand resources on as received, as opaque JSON to be written out, never read.
 * Every call reports what it cost in requests and round trips.
 */

export type * from './client-types';

/**
 * One EOB search per claim type, so every type's first page can be asked for at once (`type`,
 * docs/blue-button.md §8). Usually the largest types come first: their remaining pages are planned soonest.
 * Within one type, BFD's order (claim id, then type; §9) is stable,
 * so `startIndex` pages neither overlap nor skip.
 */
const CLAIM_TYPE_ORDER: readonly ClaimType[] = [
  'carrier',
  'pde',
  'outpatient',
  'dme',
  'inpatient',
  'hha',
  'snf',
  'hospice',
];
const CLAIM_SEARCHES: readonly SearchSpec[] = CLAIM_TYPE_ORDER.map((type) => ({
  resource: 'ExplanationOfBenefit',
  params: { type },
}));

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The normalized data in an order that does not depend on which page arrived first. */
function sortedResult(normalizer: Normalizer): NormalizedData {
  const data = normalizer.result();
  data.claims.sort(byId);
  data.prescriptions.sort(byId);
  data.coverage.sort(byId);
  return data;
}

/**
 * Creates a client bound to one token source; each call gets its own statistics, page budget and concurrency
 * bound. Searches: https://bluebutton.cms.gov/api-documentation/ (v1 STU3, v2 R4).
 */
export function createBlueButtonClient(options: BlueButtonClientOptions): BlueButtonClient {
  const config = options.config ?? getConfig();
  const { fhirBase } = blueButtonEndpoints(config);
  const http = createFhirHttp({ ...options, config });
  const version = config.version === 1 ? 'v1' : 'v2';

  /** One call's statistics, pager and normalizer; `ready` is awaited before each page request. */
  function call(ready?: () => Promise<void>) {
    const stats = createStatsRecorder();
    const bound = createLimiter(config.pageConcurrency);
    const limit: Limiter = !ready
      ? bound
      : (task, signal) =>
          bound(async () => {
            await ready();
            throwIfAborted(signal);
            return task();
          }, signal);
    const pager = createPager({ http, fhirBase, limit, maxPages: config.maxPages, stats });
    return { stats, pager, normalizer: createNormalizer({ version }) };
  }

  /**
   * The Patient search. Blue Button answering it 403 means the beneficiary declined to share demographics
   * (docs/blue-button.md §5): a result, not a failure.
   */
  async function readPatient(pager: Pager, onPage: OnPage, signal?: AbortSignal): Promise<Demographics> {
    try {
      await pager.searchAll([{ resource: 'Patient' }], onPage, signal);
      return 'shared';
    } catch (error) {
      const { fault, upstreamStatus } = error instanceof AppError ? error.detail : {};
      if (fault === 'http_status' && upstreamStatus === 403) return 'declined';
      throw error;
    }
  }

  return {
    async getClaims(signal) {
      const { stats, pager, normalizer } = call();
      await pager.searchAll(CLAIM_SEARCHES, (page) => normalizer.addBundle(page), signal);
      return { data: sortedResult(normalizer), stats: stats.snapshot() };
    },
    async getAll({ signal, onProgress } = {}) {
      const { stats, pager, normalizer } = call();
      const progress = { pages: 0, claims: 0, expectedClaims: null as number | null };
      const add: OnPage = (page, { search, first, total }) => {
        normalizer.addBundle(page);
        progress.pages += 1;
        progress.claims = normalizer.claimCount();
        if (first && search.resource === 'ExplanationOfBenefit' && total !== undefined) {
          progress.expectedClaims = (progress.expectedClaims ?? 0) + total;
        }
        onProgress?.({ ...progress });
      };
      let demographics: Demographics = 'shared';
      await allOrAbort(signal, (scope) => [
        readPatient(pager, add, scope).then((d) => (demographics = d)),
        pager.searchAll([{ resource: 'Coverage' }], add, scope),
        pager.searchAll(CLAIM_SEARCHES, add, scope),
      ]);
      return { data: sortedResult(normalizer), demographics, stats: stats.snapshot() };
    },
    async exportResources({ signal, onResource, ready }: ExportOptions) {
      const { stats, pager } = call(ready);
      const seen = new Set<string>();
      let resources = 0;
      const hand: OnPage = (page, { search }) => {
        for (const entry of (page as { entry?: unknown[] }).entry ?? []) {
          const resource = isRecord(entry) ? entry.resource : undefined;
          if (!isRecord(resource) || resource.resourceType !== search.resource) continue;
          // Pages of one search neither overlap nor skip (docs/blue-button.md §9); this is a guard all the same.
          if (typeof resource.id === 'string') {
            const key = `${search.resource}/${resource.id}`;
            if (seen.has(key)) continue;
            seen.add(key);
          }
          resources += 1;
          onResource(resource);
        }
      };
      let demographics: Demographics = 'shared';
      await allOrAbort(signal, (scope) => [
        readPatient(pager, hand, scope).then((d) => (demographics = d)),
        pager.searchAll([{ resource: 'Coverage' }], hand, scope),
        pager.searchAll(CLAIM_SEARCHES, hand, scope),
      ]);
      return { demographics, resources, stats: stats.snapshot() };
    },
    async readClaim(id, signal) {
      const url = `${fhirBase}ExplanationOfBenefit/${encodeURIComponent(id)}`;
      const body = await http.getJson(url, signal).catch((error: unknown) => {
        const { fault, upstreamStatus } = error instanceof AppError ? error.detail : {};
        if (fault === 'http_status' && upstreamStatus === 404)
          throw new AppError('not_found', { message: 'No claim with this id.', cause: error });
        throw error;
      });
      if (!isRecord(body) || body.resourceType !== 'ExplanationOfBenefit' || body.id !== id) {
        const problem = 'the answer to a claim read is not that ExplanationOfBenefit';
        throw new AppError('medicare_unreadable', { detail: { problem } });
      }
      return body as ReceivedResource;
    },
  };
}
