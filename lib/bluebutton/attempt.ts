import 'server-only';
import { AppError } from '@/lib/errors';
import { errorCodeOfText } from './error-body';
import { parseRetryAfter } from './retry-policy';
import type { Transport } from './transport';

/**
 * One GET to Blue Button with a per-attempt timeout: the answer's status and parsed body, or the kind of
 * transport fault. `Accept-Encoding: gzip` is asked for (Blue Button gzips bodies over 200 bytes,
 * docs/blue-button.md §10); the transport (transport.ts) inflates gzipped bodies and passes others through, so
 * both arrive as text.
 */

/** What one attempt produced. */
export type AttemptOutcome =
  | { kind: 'ok'; body: unknown }
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
export async function attemptGet(
  transport: Transport,
  url: string,
  accessToken: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  /** Called when the status line arrives (one network latency has passed). */
  headersArrived?: () => void,
): Promise<AttemptOutcome> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  const reached = { body: false };
  const onHeaders = () => {
    reached.body = true;
    headersArrived?.();
  };
  try {
    const headers = requestHeaders(accessToken);
    const answer = await untilAborted(transport(url, headers, combined, onHeaders), combined);
    if (answer.status < 200 || answer.status > 299) {
      const retryAfterMs = parseRetryAfter(answer.retryAfter, Date.now());
      return { kind: 'status', status: answer.status, code: errorCodeOfText(answer.text), retryAfterMs };
    }
    return { kind: 'ok', body: parseJson(answer.text) };
  } catch (error) {
    if (signal?.aborted) throw new AppError('cancelled');
    if (error instanceof AppError) throw error;
    if (timeout.signal.aborted) return { kind: 'fault', fault: 'timeout' };
    return { kind: 'fault', fault: reached.body ? 'truncated' : 'network', cause: error };
  } finally {
    clearTimeout(timer);
  }
}

/** `work`, or a rejection as soon as `signal` fires, even when the `fetch` given ignores its signal. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  work.catch(() => {});
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('medicare_unreadable', { detail: { fault: 'not_json' } });
  }
}
