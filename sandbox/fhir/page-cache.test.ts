import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, signIn, type StartedSandbox } from '../server.test-support';

// Repeated identical searches reuse the serialized page and its gzip (HAPI FHIR reuses search results
// for 60 s); the bytes sent are the same as a fresh render, with and without gzip.
describe('search page reuse', () => {
  let s: StartedSandbox;
  afterEach(() => s?.close());

  async function get(url: string, token: string, gzip: boolean) {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (gzip) headers['accept-encoding'] = 'gzip';
    // Node's fetch would inflate gzip itself: read the raw bytes through node:http instead.
    const { request } = await import('node:http');
    return new Promise<{ encoding: string | undefined; bytes: Buffer }>((resolve, reject) => {
      request(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ encoding: res.headers['content-encoding'], bytes: Buffer.concat(chunks) }),
        );
      })
        .on('error', reject)
        .end();
    });
  }

  it('answers a repeated search with the same page, gzipped or not, and other queries with their own', async () => {
    s = await startSandbox();
    const { access_token: token } = await signIn(s.url, s.control, { username: 'BBUser10120' });
    const url = `${s.url}/v2/fhir/ExplanationOfBenefit/?type=carrier&_count=50`;
    const plain = await get(url, token, false);
    const zipped = await get(url, token, true);
    const again = await get(url, token, true);
    expect(plain.encoding).toBeUndefined();
    expect(zipped.encoding).toBe('gzip');
    expect(gunzipSync(zipped.bytes).equals(plain.bytes)).toBe(true);
    expect(again.bytes.equals(zipped.bytes)).toBe(true);

    const page = JSON.parse(plain.bytes.toString('utf8')) as { total: number; entry: unknown[] };
    expect(page.entry).toHaveLength(Math.min(50, page.total));
    const next = JSON.parse((await get(`${url}&startIndex=50`, token, false)).bytes.toString('utf8')) as {
      entry?: { resource: { id: string } }[];
    };
    const firstIds = new Set((page.entry as { resource: { id: string } }[]).map((e) => e.resource.id));
    expect((next.entry ?? []).every((e) => !firstIds.has(e.resource.id))).toBe(true);
  });

  it('never serves one beneficiary’s cached page to another', async () => {
    s = await startSandbox();
    const a = await signIn(s.url, s.control, { username: 'BBUser10030' });
    const b = await signIn(s.url, s.control, { username: 'BBUser10040' });
    const url = `${s.url}/v2/fhir/ExplanationOfBenefit/?_count=50`;
    const pa = JSON.parse((await get(url, a.access_token, false)).bytes.toString()) as { total: number };
    const pb = JSON.parse((await get(url, b.access_token, false)).bytes.toString()) as { total: number };
    expect([pa.total, pb.total]).toEqual([30, 40]);
  });
});
