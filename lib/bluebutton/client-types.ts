import 'server-only';
import type { NormalizedData } from '@/lib/claims/normalized-data';
import type { AppConfig } from '@/lib/config';
import type { Sleep } from '@/lib/async';
import type { FetchLike } from './transport';
import type { RequestStats } from './request-stats';
import type { TokenSource } from './token-source';

/**
 * The public shapes of the Blue Button client (client.ts): its configuration and options, and what each call
 * returns, all in the app's own types from lib/claims (no FHIR shape reaches callers). Searches follow
 * https://bluebutton.cms.gov/api-documentation/ and docs/blue-button.md §5, §8, §9.
 */

/** The configuration the client reads. */
export type BlueButtonClientConfig = Pick<
  AppConfig,
  'baseUrl' | 'version' | 'retry' | 'timeoutMs' | 'pageConcurrency' | 'maxPages'
>;

/** Options of `createBlueButtonClient`. */
export interface BlueButtonClientOptions {
  /** Default: the app's validated configuration. */
  config?: BlueButtonClientConfig;
  tokens: TokenSource;
  fetch?: FetchLike;
  sleep?: Sleep;
}

/** Whether the beneficiary shared demographics (Patient answered) or declined (Patient answered 403). */
export type Demographics = 'shared' | 'declined';

/** {@link BlueButtonClient.getClaims} and {@link BlueButtonClient.getAll}: normalized data and its cost. */
export interface DataResult {
  data: NormalizedData;
  /** Set by `getAll`, which asks for the Patient too. */
  demographics?: Demographics;
  stats: RequestStats;
}

/** How far {@link BlueButtonClient.getAll} has got. */
export interface LoadProgress {
  /** Search pages read. */
  pages: number;
  /** Claims normalized so far. */
  claims: number;
  /** The sum of `total` of the EOB searches whose first page has arrived; null before the first. */
  expectedClaims: number | null;
}

/** Reads a beneficiary's Blue Button data. Every method honours `signal`. */
export interface BlueButtonClient {
  /** Every EOB page, normalized (the benchmarks compare this with CMS's SDK reading the same searches). */
  getClaims(signal?: AbortSignal): Promise<DataResult>;
  /**
   * Patient, Coverage and every EOB page concurrently, into one normalized result; `onProgress` hears after
   * every page how far it got.
   */
  getAll(options?: {
    signal?: AbortSignal;
    onProgress?: (progress: LoadProgress) => void;
  }): Promise<Required<DataResult>>;
}
