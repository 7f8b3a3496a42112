/**
 * Django `GZipMiddleware` (docs/blue-button.md §10): bodies of at least 200 bytes get
 * `Vary: Accept-Encoding`; they are gzipped only when the request accepts gzip and the result is smaller.
 * Django compresses at level 6; the sandbox uses level 1, which clients cannot tell apart except by size,
 * because level 6 takes about 10 ms on a 50-EOB page (1.7 MB) and level 1 about 4 ms.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

// On libuv's thread pool, so compressing one answer does not hold up the others.
const gzipAsync = promisify(gzip);

const ACCEPTS_GZIP = /\bgzip\b/;
const MIN_LENGTH = 200;
const LEVEL = 1;

function addVary(headers: Headers, value: string): void {
  const existing = headers.get('vary');
  if (!existing) headers.set('vary', value);
  else if (
    !existing
      .toLowerCase()
      .split(/\s*,\s*/)
      .includes(value.toLowerCase())
  )
    headers.set('vary', `${existing}, ${value}`);
}

const precompressed = new WeakMap<Response, () => Promise<Uint8Array>>();

/** Marks a response whose body's gzip is already known (a cached search page); a changed body is not marked. */
export function withPrecompressed(response: Response, gzipped: () => Promise<Uint8Array>): Response {
  precompressed.set(response, gzipped);
  return response;
}

/** The known gzip of a response's body, if it was marked. */
export function precompressedBody(response: Response): (() => Promise<Uint8Array>) | undefined {
  return precompressed.get(response);
}

/** Returns the body to send, updating `headers` as the middleware would. */
export async function gzipResponseBody(
  acceptEncoding: string | null,
  headers: Headers,
  body: Uint8Array,
  known?: () => Promise<Uint8Array>,
): Promise<Uint8Array> {
  if (body.length < MIN_LENGTH || headers.has('content-encoding')) return body;
  addVary(headers, 'Accept-Encoding');
  if (!ACCEPTS_GZIP.test(acceptEncoding ?? '')) return body;
  const compressed = known ? await known() : await gzipAsync(body, { level: LEVEL });
  if (compressed.length >= body.length) return body;
  headers.set('content-encoding', 'gzip');
  const etag = headers.get('etag');
  if (etag?.startsWith('"')) headers.set('etag', `W/${etag}`);
  return compressed;
}
