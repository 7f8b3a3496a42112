import 'server-only';
import http from 'node:http';
import https from 'node:https';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { createLimiter } from './limiter';

/**
 * How a FHIR GET reaches Blue Button. By default Node's own HTTP client on keep-alive connections: the
 * gzipped body (docs/blue-button.md §10) is received whole, inflated in one call on libuv's thread pool and
 * decoded once. `fetch` inflates chunk by chunk on the main thread through web streams; through `next start`
 * (sandbox at 100 ms per request) a 2,000-claim load took 820 ms and 910 ms of CPU with it, 580 ms and 520 ms
 * with this, and 500 claims 364 against 315 ms. An injected `fetch` (the sandbox's handler in tests, an
 * instrumented one) goes through {@link fetchTransport}.
 */

/** The answer to one GET: status, `Retry-After`, and what `read` made of the (inflated) body. */
export interface Answer<T> {
  status: number;
  retryAfter: string | null;
  value: T;
}

/**
 * Sends one GET with `headers`; calls `onHeaders` when the status line has arrived, and `read` with the status
 * and the whole body as text, as soon as it is there. Rejects on any transport failure (before the headers: the
 * connection; after them: the body), when `signal` fires, and with what `read` throws.
 *
 * The body goes to `read` rather than into the promise's value: a promise that waited for the network has
 * usually been moved to the old generation of the heap, and a value it holds lives until the next full GC.
 * Handing each page's text (about 1.9 MB) and parsed Bundle up the chain of such promises kept some 300 MB
 * more in the old generation over a 9,999-claim load, and cost a second of CPU in garbage collection.
 */
export type Transport = <T>(
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  onHeaders: () => void,
  read: (status: number, text: string) => T,
) => Promise<Answer<T>>;

/** `fetch` as the client accepts it for injection. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** A transport over a `fetch` (which inflates gzip itself, https://fetch.spec.whatwg.org/#http-network-fetch). */
export function fetchTransport(fetchImpl: FetchLike): Transport {
  return async (url, headers, signal, onHeaders, read) => {
    const init: RequestInit = { method: 'GET', headers, signal, redirect: 'manual', cache: 'no-store' };
    const response = await fetchImpl(url, init);
    onHeaders();
    const value = read(response.status, await response.text());
    return { status: response.status, retryAfter: response.headers.get('retry-after'), value };
  };
}

const gunzipAsync = promisify(gunzip);
// Two bodies inflate at a time. Pages arrive faster than the main thread parses them; without a bound, the
// inflated bodies (about 1.9 MB each) waited for their turn: peak RSS of a 9,999-claim load 490 MB, not 390.
const inflating = createLimiter(2);
const inflate = (bytes: Buffer) => inflating(() => gunzipAsync(bytes, { chunkSize: inflatedSize(bytes) }));

/**
 * The output chunk for inflating `bytes` in one piece: the size the gzip trailer gives (RFC 1952 §2.3.1, ISIZE,
 * the length modulo 2^32), plus a little. zlib's default 16 KB chunks cost a main-thread callback each, about
 * 120 per page: a 2,000-claim load through `next start` took 780 ms of CPU and 795 ms with them, 470 and 555
 * with one chunk per page.
 */
function inflatedSize(bytes: Buffer): number {
  const size = bytes.length >= 18 ? bytes.readUInt32LE(bytes.length - 4) : 0;
  return Math.min(Math.max(size + 64, 16 * 1024), 64 * 1024 * 1024);
}
const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

/** The default transport: `node:http(s)` with keep-alive, the body inflated whole off the main thread. */
export const nodeTransport: Transport = <T>(
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  onHeaders: () => void,
  read: (status: number, text: string) => T,
) =>
  new Promise<Answer<T>>((resolve, reject) => {
    const secure = url.startsWith('https:');
    const options = { headers, signal, agent: secure ? agents.https : agents.http };
    const request = (secure ? https : http).get(url, options, (response) => {
      onHeaders();
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        if (!response.complete) return reject(new Error('The answer was cut short.'));
        const bytes = Buffer.concat(chunks);
        const gzipped = response.headers['content-encoding'] === 'gzip';
        const retryAfter = response.headers['retry-after'] ?? null;
        const status = response.statusCode ?? 0;
        (gzipped ? inflate(bytes) : Promise.resolve(bytes))
          .then((body) => resolve({ status, retryAfter, value: read(status, body.toString('utf8')) }))
          .catch(reject);
      });
    });
    request.on('error', reject);
  });
