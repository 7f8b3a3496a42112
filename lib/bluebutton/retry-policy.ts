import 'server-only';
import type { AppConfig } from '@/lib/config';

/**
 * When a failed Blue Button GET is tried again, and after how long. The knobs and the backoff formula are
 * CMS's SDKs' (`total`, `backoffFactor`, `statusForcelist`; retry `i` = 0, 1, … waits
 * `backoffFactor * 2^(i-1)` seconds: https://github.com/CMSgov/cms-bb2-node-sdk `src/fhir.ts`,
 * docs/blue-button.md §11). `Retry-After` is honoured the way urllib3's `Retry` does it (413, 429 and 503
 * with the header are retried even outside the forcelist;
 * https://urllib3.readthedocs.io/en/stable/reference/urllib3.util.html) and parsed per RFC 9110 §10.2.3
 * (https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3).
 */

/** The retry settings of the configuration. */
export type RetrySettings = AppConfig['retry'];

/** The longest `Retry-After` the client waits for; a longer one fails fast ("busy, try later"). */
export const RETRY_AFTER_CAP_MS = 10_000;

/** Statuses whose `Retry-After` is honoured (urllib3's `RETRY_AFTER_STATUS_CODES`). */
const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([413, 429, 503]);

/** The wait before retry number `retry` (0 for the first retry), in ms. */
export function backoffMs(retry: number, backoffFactor: number): number {
  return Math.round(backoffFactor * 2 ** (retry - 1) * 1000);
}

/**
 * A `Retry-After` value in ms from `nowMs`: delay-seconds or an HTTP date. Undefined when absent or
 * unreadable; a date in the past is 0.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** What to do after a response with a non-2xx status. */
export type StatusDecision = { retry: true; waitMs: number } | { retry: false; retryAfterMs: number | null };

/**
 * Whether to retry after `status` on retry number `retry` (0 = the first retry), given the response's
 * `Retry-After` (already parsed, in ms) and the cap beyond which waiting is pointless.
 */
export function decideAfterStatus(
  status: number,
  retry: number,
  settings: RetrySettings,
  retryAfterMs: number | undefined,
  capMs: number = RETRY_AFTER_CAP_MS,
): StatusDecision {
  const honoursHeader = retryAfterMs !== undefined && RETRY_AFTER_STATUSES.has(status);
  const retryable = honoursHeader || settings.statusForcelist.includes(status);
  if (!retryable || retry >= settings.total) return { retry: false, retryAfterMs: null };
  if (!honoursHeader) return { retry: true, waitMs: backoffMs(retry, settings.backoffFactor) };
  if (retryAfterMs > capMs) return { retry: false, retryAfterMs };
  return { retry: true, waitMs: retryAfterMs };
}

/** The wait before retrying a timeout or a dropped connection, or undefined when retries are spent. */
export function waitAfterTransportFault(retry: number, settings: RetrySettings): number | undefined {
  return retry < settings.total ? backoffMs(retry, settings.backoffFactor) : undefined;
}
