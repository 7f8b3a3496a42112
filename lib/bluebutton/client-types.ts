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
  'baseUrl' | 'version' | 'retry' | 'timeoutMs' | 'pageConcurrency' | 'maxPages' | 'contactEmail'
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

/**
 * A FHIR resource as Blue Button sent it: parsed, otherwise untouched. Only exports hand it on, as opaque JSON;
 * nothing reads its fields (the app's own types come from lib/claims).
 */
export type ReceivedResource = Readonly<Record<string, unknown>>;

/** Options of {@link BlueButtonClient.exportResources}. */
export interface ExportOptions {
  signal?: AbortSignal;
  /** Gets each resource once, page by page as pages arrive (in no set order); it is not kept. */
  onResource: (resource: ReceivedResource) => void;
  /** Awaited before each page is asked for, so a consumer that falls behind holds paging back. */
  ready?: () => Promise<void>;
}

/** What {@link BlueButtonClient.exportResources} did: demographics shared or not, resources handed on, cost. */
export interface ExportResult {
  demographics: Demographics;
  resources: number;
  stats: RequestStats;
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
  /**
   * The searches of `getAll`, with its pager and limits, but each resource handed to `onResource` as received
   * instead of normalized: the Patient (left out when demographics were declined), every Coverage and every
   * ExplanationOfBenefit. The first failure stops the rest and is thrown.
   */
  exportResources(options: ExportOptions): Promise<ExportResult>;
  /** One ExplanationOfBenefit read by id, as received; `not_found` when Blue Button has no such claim. */
  readClaim(id: string, signal?: AbortSignal): Promise<ReceivedResource>;
}
