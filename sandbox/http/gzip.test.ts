import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipResponseBody } from './gzip';

describe('gzipResponseBody (Django GZipMiddleware)', () => {
  const big = new TextEncoder().encode(JSON.stringify({ detail: 'x'.repeat(400) }));

  it('compresses bodies of 200+ bytes when gzip is accepted', async () => {
    const headers = new Headers();
    const out = await gzipResponseBody('gzip, deflate', headers, big);
    expect(headers.get('content-encoding')).toBe('gzip');
    expect(headers.get('vary')).toBe('Accept-Encoding');
    expect(gunzipSync(out).toString()).toBe(new TextDecoder().decode(big));
  });

  it('leaves short bodies alone and adds Vary without compressing when gzip is not accepted', async () => {
    const short = new Headers();
    expect(await gzipResponseBody('gzip', short, new Uint8Array(199))).toHaveLength(199);
    expect(short.has('vary')).toBe(false);
    const plain = new Headers();
    expect(await gzipResponseBody('br', plain, big)).toBe(big);
    expect(plain.get('vary')).toBe('Accept-Encoding');
    expect(plain.has('content-encoding')).toBe(false);
  });

  it('keeps the body when compression does not make it smaller', async () => {
    const random = crypto.getRandomValues(new Uint8Array(300));
    const headers = new Headers();
    expect(await gzipResponseBody('gzip', headers, random)).toBe(random);
    expect(headers.has('content-encoding')).toBe(false);
  });
});
