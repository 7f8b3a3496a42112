import 'server-only';
import { unlessAborted } from '@/lib/async';
import { AppError } from '@/lib/errors';
import { parseJson } from '@/lib/json';
import { errorCodeOfText } from './error-body';
import { parseRetryAfter } from './retry-policy';
import type { Transport } from './transport';

/**
 * One GET to Blue Button with a per-attempt timeout: the answer's status and parsed body, or the kind of
 * transport fault. `Accept-Encoding: gzip` is asked for (Blue Button gzips bodies over 200 bytes,
 * docs/blue-button.md §10); the transport (transport.ts) inflates gzipped bodies and passes others through, so
 * both arrive as text.
 */

/** What one attempt produced: for a 2xx, what `consume` made of the parsed body. */
export type AttemptOutcome<T = unknown> =
  | { kind: 'ok'; value: T }
  | { kind: 'status'; status: number; code: string | null; retryAfterMs: number | undefined }
  | { kind: 'fault'; fault: 'timeout' | 'network' | 'truncated'; cause?: unknown };

/** The request headers of every FHIR GET. */
export function requestHeaders(accessToken: string): Record<string, string> {
  return {
    accept: 'application/fhir+json',
    'accept-encoding': 'gzip',
    authorization: `Bearer ${accessToken}`,
  };
}

/**
 * Sends one GET and reads the whole body within `timeoutMs`. Throws an {@link AppError} `cancelled` when
 * `signal` fires and `medicare_unreadable` for a complete 2xx body that is not JSON.
 */
export async function attemptGet<T>(
  transport: Transport,
  url: string,
  accessToken: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  /** Called when the status line arrives (one network latency has passed). */
  headersArrived: (() => void) | undefined,
  /** Takes the parsed body of a 2xx answer, as soon as it is parsed (see transport.ts for why). */
  consume: (body: unknown) => T,
): Promise<AttemptOutcome<T>> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  const reached = { body: false };
  let consumeFailed: { error: unknown } | undefined;
  const onHeaders = () => {
    reached.body = true;
    headersArrived?.();
  };
  try {
    const headers = requestHeaders(accessToken);
    const read = (status: number, text: string) => {
      if (status < 200 || status > 299) return { ok: false as const, code: errorCodeOfText(text) };
      const body = parseJson(text);
      if (body === undefined) throw new AppError('medicare_unreadable', { detail: { fault: 'not_json' } });
      try {
        return { ok: true as const, value: consume(body) };
      } catch (error) {
        consumeFailed = { error };
        throw error;
      }
    };
    const answer = await unlessAborted(transport(url, headers, combined, onHeaders, read), combined);
    if (answer.value.ok) return { kind: 'ok', value: answer.value.value };
    const retryAfterMs = parseRetryAfter(answer.retryAfter, Date.now());
    return { kind: 'status', status: answer.status, code: answer.value.code, retryAfterMs };
  } catch (error) {
    if (consumeFailed) throw consumeFailed.error; // the caller's own failure: never retried
    if (signal?.aborted) throw new AppError('cancelled');
    if (error instanceof AppError) throw error;
    if (timeout.signal.aborted) return { kind: 'fault', fault: 'timeout' };
    return { kind: 'fault', fault: reached.body ? 'truncated' : 'network', cause: error };
  } finally {
    clearTimeout(timer);
  }
}
