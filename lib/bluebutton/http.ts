import 'server-only';
import { blueButtonEndpoints } from './endpoints';
import type { AppConfig } from '@/lib/config';
import type { Sleep } from '@/lib/async';
import { clientSleep as realSleep, throwIfAborted } from './abort';
import { attemptGet, type AttemptOutcome } from './attempt';
import { AppError, upstreamStatusMessage } from '@/lib/errors';
import { unauthorizedReason, UNREFRESHABLE_401_CODES } from './error-body';
import { createStatsRecorder, type StatsRecorder } from './request-stats';
import { decideAfterStatus, RETRY_AFTER_CAP_MS, waitAfterTransportFault } from './retry-policy';
import type { TokenSource } from './token-source';
import { fetchTransport, nodeTransport, type FetchLike } from './transport';

/**
 * The one door for Blue Button FHIR GETs (nothing else sends them): only URLs on the configured origin,
 * `Authorization: Bearer` from the {@link TokenSource}, a timeout per attempt, bounded retries with the SDK's
 * backoff and `Retry-After`, and on 401 exactly one token replacement and replay (RFC 6750 §3.1,
 * https://www.rfc-editor.org/rfc/rfc6750#section-3.1). GET only: FHIR reads are safe to repeat
 * (RFC 9110 §9.2.2, https://www.rfc-editor.org/rfc/rfc9110#section-9.2.2).
 */

/** The configuration the HTTP layer reads. */
export type FhirHttpConfig = Pick<AppConfig, 'baseUrl' | 'version' | 'retry' | 'timeoutMs' | 'contactEmail'>;

/** Options of {@link createFhirHttp}. */
export interface FhirHttpOptions {
  config: FhirHttpConfig;
  tokens: TokenSource;
  fetch?: FetchLike;
  sleep?: Sleep;
  /** The longest `Retry-After` honoured, in ms (default {@link RETRY_AFTER_CAP_MS}). */
  retryAfterCapMs?: number;
}

/** Sends GETs to Blue Button and returns parsed JSON bodies. */
export interface FhirHttp {
  /** The only origin requests go to. */
  readonly origin: string;
  /**
   * GETs `url` (on {@link FhirHttp.origin}, else `medicare_unreadable`) and returns what `consume` makes of the
   * parsed 2xx body (by default the body itself). `consume` runs as soon as the body is parsed, and its result
   * should be small: see transport.ts.
   */
  getJson<T = unknown>(
    url: string,
    signal?: AbortSignal,
    stats?: StatsRecorder,
    consume?: (body: unknown) => T,
  ): Promise<T>;
}

/** Throws `medicare_unreadable` unless `url` is an absolute URL on `origin` without credentials. */
export function assertOnOrigin(url: string, origin: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('medicare_unreadable', { detail: { fault: 'off_origin_link' } });
  }
  if (parsed.origin !== origin || parsed.username !== '' || parsed.password !== '')
    throw new AppError('medicare_unreadable', { detail: { fault: 'off_origin_link' } });
}

function faultError(outcome: Extract<AttemptOutcome, { kind: 'fault' }>, attempts: number): AppError {
  if (outcome.fault === 'timeout')
    return new AppError('medicare_unavailable', { detail: { fault: 'timeout', attempts } });
  if (outcome.fault === 'truncated')
    return new AppError('medicare_unreadable', { detail: { fault: 'truncated', attempts } });
  const cause = (outcome.cause as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const systemCode = typeof cause === 'string' ? cause : null;
  return new AppError('medicare_unavailable', { detail: { fault: 'network', attempts, systemCode } });
}

/**
 * Creates the HTTP layer for one configuration and token source. Retry knobs as CMS's SDKs
 * (https://github.com/CMSgov/cms-bb2-node-sdk), 401 handling per RFC 6750 §3.1.
 */
export function createFhirHttp(options: FhirHttpOptions): FhirHttp {
  const { config, tokens } = options;
  const origin = blueButtonEndpoints(config).origin;
  const transport = options.fetch ? fetchTransport(options.fetch) : nodeTransport;
  const sleep = options.sleep ?? realSleep;
  const capMs = options.retryAfterCapMs ?? RETRY_AFTER_CAP_MS;
  const replacements = new Map<string, Promise<string>>();
  /** One replacement per rejected token, shared by the requests that were all refused with it. */
  function replace(rejected: string, signal: AbortSignal | undefined): Promise<string> {
    let replacement = replacements.get(rejected);
    if (!replacement) {
      replacement = tokens.replaceAfterUnauthorized(rejected, signal);
      replacements.set(rejected, replacement);
    }
    return replacement;
  }

  async function getJson<T = unknown>(
    url: string,
    signal?: AbortSignal,
    stats: StatsRecorder = createStatsRecorder(),
    consume: (body: unknown) => T = (body) => body as T,
  ): Promise<T> {
    assertOnOrigin(url, origin);
    let attempts = 0;
    let retry = 0;
    let replayWith: string | undefined;
    let replayed = false;
    for (;;) {
      throwIfAborted(signal);
      const token = replayWith ?? (await tokens.getAccessToken(signal));
      replayWith = undefined;
      attempts += 1;
      const depth = stats.start();
      const ended = () => stats.end(depth);
      const outcome = await attemptGet(
        transport,
        url,
        token,
        config.timeoutMs,
        signal,
        ended,
        consume,
      ).finally(ended);
      if (outcome.kind === 'ok') return outcome.value;
      let waitMs: number | undefined;
      if (outcome.kind === 'status') {
        if (outcome.status === 401) {
          if (replayed || (outcome.code !== null && UNREFRESHABLE_401_CODES.has(outcome.code))) {
            throw new AppError('reconnect_required', {
              reason: unauthorizedReason(outcome.code),
              detail: { fault: 'unauthorized', upstreamStatus: 401, upstreamCode: outcome.code, attempts },
            });
          }
          replayed = true;
          stats.replay();
          replayWith = await replace(token, signal);
          continue;
        }
        const decision = decideAfterStatus(outcome.status, retry, config.retry, outcome.retryAfterMs, capMs);
        if (!decision.retry) {
          const detail = {
            fault: 'http_status',
            upstreamStatus: outcome.status,
            upstreamCode: outcome.code,
            attempts,
            retryAfterMs: decision.retryAfterMs,
          } as const;
          if (outcome.status === 429) throw new AppError('medicare_busy', { detail });
          const message = upstreamStatusMessage(detail, config.contactEmail);
          throw new AppError('medicare_unavailable', {
            detail,
            ...(message === undefined ? {} : { message }),
          });
        }
        waitMs = decision.waitMs;
      } else {
        waitMs = waitAfterTransportFault(retry, config.retry);
        if (waitMs === undefined) throw faultError(outcome, attempts);
      }
      retry += 1;
      stats.retry();
      await sleep(waitMs, signal);
    }
  }

  return { origin, getJson };
}
