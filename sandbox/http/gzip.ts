/**
 * Django `GZipMiddleware` (API-FACTS §10): bodies of at least 200 bytes get `Vary: Accept-Encoding`;
 * they are gzipped only when the request accepts gzip and the result is smaller.
 */
import { gzipSync } from 'node:zlib';

const ACCEPTS_GZIP = /\bgzip\b/;
const MIN_LENGTH = 200;

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

/** Returns the body to send, updating `headers` as the middleware would. */
export function gzipResponseBody(
  acceptEncoding: string | null,
  headers: Headers,
  body: Uint8Array,
): Uint8Array {
  if (body.length < MIN_LENGTH || headers.has('content-encoding')) return body;
  addVary(headers, 'Accept-Encoding');
  if (!ACCEPTS_GZIP.test(acceptEncoding ?? '')) return body;
  const compressed = gzipSync(body);
  if (compressed.length >= body.length) return body;
  headers.set('content-encoding', 'gzip');
  const etag = headers.get('etag');
  if (etag?.startsWith('"')) headers.set('etag', `W/${etag}`);
  return compressed;
}
