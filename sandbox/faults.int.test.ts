import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANCHOR } from './harness.test-support';
import { signIn, startSandbox, type StartedSandbox, type TokenResponse } from './server.test-support';

/** A raw GET that reports the bytes as sent (no decompression), or the socket error. */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('aborted')));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('faults and transport over HTTP', () => {
  let s: StartedSandbox;
  let t: TokenResponse;
  let auth: Record<string, string>;
  beforeAll(async () => {
    s = await startSandbox({ dataAnchor: ANCHOR });
    t = await signIn(s.url, s.control, { username: 'BBUser10040' });
    auth = { authorization: `Bearer ${t.access_token}` };
  });
  afterAll(() => s.close());
  const eobUrl = () => `${s.url}/v2/fhir/ExplanationOfBenefit`;

  it('gzips when asked and the body is large enough', async () => {
    const zipped = await rawGet(eobUrl(), { ...auth, 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(JSON.parse(gunzipSync(zipped.body).toString()).total).toBe(40);
    const plain = await rawGet(eobUrl(), auth);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString()).total).toBe(40);
    const small = await rawGet(`${s.url}/v2/fhir/Coverage?_count=abc`, {
      ...auth,
      'accept-encoding': 'gzip',
    });
    expect(small.status).toBe(400);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('a dropped connection is an error for the client and the sandbox keeps serving', async () => {
    await s.control.script('eob', [{ drop: 'before' }, { truncate: 100 }]);
    await expect(fetch(eobUrl(), { headers: auth })).rejects.toThrow(TypeError);
    const truncated = await fetch(eobUrl(), { headers: auth });
    await expect(truncated.text()).rejects.toThrow();
    expect((await fetch(eobUrl(), { headers: auth })).status).toBe(200);
    const log = await s.control.requests('eob');
    expect(log.slice(-3).map((e) => e.status)).toEqual([0, 200, 200]);
  });

  it('stalls until the client gives up, then serves the next call', async () => {
    await s.control.script('eob', { delayMs: 600_000 });
    const before = (await s.control.requests('eob')).length;
    const client = new AbortController();
    let settled = false;
    const stalled = fetch(eobUrl(), { headers: auth, signal: client.signal }).finally(() => {
      settled = true;
    });
    // The request is logged when it arrives, and gets its status only once answered.
    let log = await s.control.requests('eob');
    while (log.length === before) log = await s.control.requests('eob');
    expect(log.at(-1)?.status).toBeUndefined();
    expect(settled).toBe(false);
    client.abort();
    await expect(stalled).rejects.toThrow();
    expect((await fetch(eobUrl(), { headers: auth })).status).toBe(200);
  });

  it('answers 301 for slash-less OAuth paths over HTTP and serves both loopback names', async () => {
    const r = await fetch(`${s.url}/v2/o/revoke_token`, { method: 'POST', redirect: 'manual' });
    expect(r.status).toBe(301);
    expect(r.headers.get('location')).toBe('/v2/o/revoke_token/');
  });
});

describe('dual-stack listen', () => {
  it('serves localhost, 127.0.0.1 and ::1 on one port', async () => {
    const { createSandbox } = await import('./server');
    const sb = createSandbox({ mode: 'test', dataAnchor: ANCHOR });
    const server = await sb.listen({ port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/localhost:\d+$/);
      expect((await fetch(`http://127.0.0.1:${server.port}/v2/fhir/metadata`)).status).toBe(200);
      expect((await fetch(`${server.url}/v2/fhir/metadata`)).status).toBe(200);
      const v6 = await fetch(`http://[::1]:${server.port}/v2/fhir/metadata`).then(
        (r) => r.status,
        () => 'no-ipv6',
      );
      expect([200, 'no-ipv6']).toContain(v6);
    } finally {
      await sb.close();
    }
  });
});
