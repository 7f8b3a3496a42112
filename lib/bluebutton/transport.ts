import 'server-only';
import http from 'node:http';
import https from 'node:https';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

/**
 * How a FHIR GET reaches Blue Button. By default Node's own HTTP client on keep-alive connections: the
 * gzipped body (docs/blue-button.md §10) is received whole and inflated in one call on libuv's thread pool,
 * then decoded once. Measured on the app path (`npm run bench -- app`, 2,000 claims, 100 ms per request), this
 * halves the time from a page's headers to its last byte against `fetch`, which inflates chunk by chunk on
 * the main thread through web streams (a 1.9 MB page: about 0.5 ms against 15–40 ms). An injected `fetch`
 * (the sandbox's handler in tests, an instrumented one) goes through {@link fetchTransport} instead.
 */

/** The answer to one GET as the client reads it: status, `Retry-After` and the (inflated) body as text. */
export interface RawAnswer {
  status: number;
  retryAfter: string | null;
  text: string;
}

/**
 * Sends one GET with `headers`; calls `onHeaders` when the status line has arrived. Rejects on any transport
 * failure (before the headers: the connection; after them: the body) and when `signal` fires.
 */
export type Transport = (
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  onHeaders: () => void,
) => Promise<RawAnswer>;

/** `fetch` as the client accepts it for injection. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** A transport over a `fetch` (which inflates gzip itself, https://fetch.spec.whatwg.org/#http-network-fetch). */
export function fetchTransport(fetchImpl: FetchLike): Transport {
  return async (url, headers, signal, onHeaders) => {
    const init: RequestInit = { method: 'GET', headers, signal, redirect: 'manual', cache: 'no-store' };
    const response = await fetchImpl(url, init);
    onHeaders();
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      text: await response.text(),
    };
  };
}

const inflate = promisify(gunzip);
const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

/** The default transport: `node:http(s)` with keep-alive, the body inflated whole off the main thread. */
export const nodeTransport: Transport = (url, headers, signal, onHeaders) =>
  new Promise<RawAnswer>((resolve, reject) => {
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
        (gzipped ? inflate(bytes) : Promise.resolve(bytes)).then(
          (body) => resolve({ status: response.statusCode ?? 0, retryAfter, text: body.toString('utf8') }),
          reject,
        );
      });
    });
    request.on('error', reject);
  });
