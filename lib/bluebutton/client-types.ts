import 'server-only';
import type { NormalizedData } from '@/lib/claims/normalized-data';
import type { CoveragePart, Profile } from '@/lib/claims/types';
import type { AppConfig } from '@/lib/config';
import type { Sleep } from '@/lib/async';
import type { FetchLike } from './attempt';
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

/** {@link BlueButtonClient.getProfile}: the profile, or that the beneficiary declined to share it. */
export type ProfileResult =
  | { demographics: 'shared'; profile: Profile | undefined; stats: RequestStats }
  | { demographics: 'declined'; stats: RequestStats };

/** {@link BlueButtonClient.getCoverage}: one entry per Coverage resource. */
export interface CoverageResult {
  coverage: CoveragePart[];
  unreadable: number;
  stats: RequestStats;
}

/** {@link BlueButtonClient.getClaims} and {@link BlueButtonClient.getAll}: normalized data and its cost. */
export interface DataResult {
  data: NormalizedData;
  /** Set by `getAll`, which asks for the Patient too. */
  demographics?: Demographics;
  stats: RequestStats;
}

/** Reads a beneficiary's Blue Button data. Every method honours `signal`. */
export interface BlueButtonClient {
  getProfile(signal?: AbortSignal): Promise<ProfileResult>;
  getCoverage(signal?: AbortSignal): Promise<CoverageResult>;
  getClaims(signal?: AbortSignal): Promise<DataResult>;
  /** Patient, Coverage and every EOB page concurrently, into one normalized result. */
  getAll(signal?: AbortSignal): Promise<Required<DataResult>>;
}
