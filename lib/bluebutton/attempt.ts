import 'server-only';
import { AppError } from '@/lib/errors';
import { errorCodeOfText } from './error-body';
import { parseRetryAfter } from './retry-policy';

/**
 * One GET to Blue Button with a per-attempt timeout: the answer's status and parsed body, or the kind of
 * transport fault. `Accept-Encoding: gzip` is asked for (Blue Button gzips bodies over 200 bytes,
 * docs/blue-button.md §10); Node's fetch (undici) inflates `Content-Encoding: gzip` bodies itself and passes
 * others through, so both arrive as text (https://fetch.spec.whatwg.org/#http-network-fetch).
 */

/** `fetch` as the client uses it; inject the sandbox's handler or an instrumented fetch in tests. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

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

/** Callbacks while one answer arrives. */
export interface AttemptHooks {
  /** The status line and headers arrived (one network latency has passed). */
  onHeaders?(): void;
  /** The first few KB of a 2xx body, as text, before the rest has arrived; called at most once. */
  onPrefix?(prefix: string): void;
  /** Runs the parse of a 2xx body; lets the caller parse one body at a time however many arrive at once. */
  parse?: <T>(work: () => T) => Promise<T>;
}

const PREFIX_CHARS = 2048;

/** The body as text; with `onPrefix`, read as a stream so that its beginning can be used early. */
async function readText(
  response: Response,
  onPrefix: ((prefix: string) => void) | undefined,
): Promise<string> {
  if (!onPrefix || !response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let seen = 0;
  let told = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = decoder.decode(value, { stream: true });
    parts.push(chunk);
    seen += chunk.length;
    if (!told && seen >= PREFIX_CHARS) {
      told = true;
      onPrefix(parts.join(''));
    }
  }
  parts.push(decoder.decode());
  const text = parts.join('');
  if (!told) onPrefix(text);
  return text;
}

/**
 * Sends one GET and reads the whole body within `timeoutMs`. Throws an {@link AppError} `cancelled` when
 * `signal` fires and `medicare_unreadable` for a complete 2xx body that is not JSON.
 */
export async function attemptGet(
  fetchImpl: FetchLike,
  url: string,
  accessToken: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  hooks: AttemptHooks = {},
): Promise<AttemptOutcome> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  let phase: 'connect' | 'body' = 'connect';
  try {
    const init: RequestInit = {
      method: 'GET',
      headers: requestHeaders(accessToken),
      signal: combined,
      redirect: 'manual',
      cache: 'no-store',
    };
    const response = await untilAborted(fetchImpl(url, init), combined);
    phase = 'body';
    hooks.onHeaders?.();
    const ok = response.status >= 200 && response.status <= 299;
    const text = await untilAborted(readText(response, ok ? hooks.onPrefix : undefined), combined);
    if (response.status < 200 || response.status > 299) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      return { kind: 'status', status: response.status, code: errorCodeOfText(text), retryAfterMs };
    }
    const parse = hooks.parse ?? (async <T>(work: () => T) => work());
    return { kind: 'ok', body: await parse(() => parseJson(text)) };
  } catch (error) {
    if (signal?.aborted) throw new AppError('cancelled');
    if (error instanceof AppError) throw error;
    if (timeout.signal.aborted) return { kind: 'fault', fault: 'timeout' };
    return { kind: 'fault', fault: phase === 'body' ? 'truncated' : 'network', cause: error };
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
