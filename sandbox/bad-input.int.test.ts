import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANCHOR, CLIENT_ID, basic } from './harness.test-support';
import { signIn, startSandbox, type StartedSandbox } from './server.test-support';

// "Bad input" (issue 2): a few hundred random and malformed requests, each answered with an HTTP
// error within a few seconds; the sandbox keeps serving and nothing is left unhandled.

/** Sends raw bytes and returns the status of the first response line (0 when none came back). */
function raw(port: number, bytes: Buffer | string, timeoutMs = 8000): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(-1);
    }, timeoutMs);
    socket.on('data', (d) => {
      received += d.toString('latin1');
      if (received.includes('\r\n')) {
        clearTimeout(timer);
        socket.destroy();
        resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0));
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0));
    });
    socket.write(bytes);
  });
}

function prng(seed: number) {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

describe('bad input never crashes the sandbox', () => {
  let s: StartedSandbox;
  let port: number;
  const unhandled: unknown[] = [];
  const onUnhandled = (err: unknown) => unhandled.push(err);
  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    process.on('uncaughtException', onUnhandled);
    s = await startSandbox({ dataAnchor: ANCHOR });
    port = Number(new URL(s.url).port);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUnhandled);
    await s.close();
  });

  it('answers malformed HTTP with an error status', async () => {
    const cases: (string | Buffer)[] = [
      'GARBAGE\r\n\r\n',
      'GET\r\n\r\n',
      'GET /v2/fhir/Patient HTTP/9.9\r\n\r\n',
      `GET /v2/fhir/Patient HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      `GET /v2/fhir/Patient HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(15_000)}\r\n\r\n`,
      'GET /v2/fhir/Patient HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
      'POST /v2/o/token/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n',
      'POST /v2/o/token/ HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
      'GET /v2/fhir/%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n',
      Buffer.concat([
        Buffer.from('GET /v2/fhir/Patient/'),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
      ]),
      'GET http://evil.example/__sandbox/calls HTTP/1.1\r\nHost: evil.example\r\n\r\n',
      'GET /v2/fhir/Patient HTTP/1.1\r\nHost: ::::\r\n\r\n',
      'GET * HTTP/1.1\r\nHost: x\r\n\r\n',
      'DELETE /v2/fhir/ExplanationOfBenefit HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n{{{',
    ];
    for (const c of cases) {
      const status = await raw(port, c);
      expect(status, String(c).slice(0, 60)).toBeGreaterThanOrEqual(400);
    }
  });

  it('answers a few hundred random requests with 4xx/5xx, then still serves', async () => {
    const random = prng(20250602);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const junk = () => {
      const chars = [
        '%',
        '%zz',
        '%00',
        '\u0000',
        'é',
        '😀',
        '<script>',
        "'",
        '"',
        '&',
        '=',
        ';',
        '..',
        '/',
        ' ',
        '+',
        '%FF%FE',
      ];
      return Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(chars)).join('');
    };
    const paths = [
      '/v2/fhir/Patient',
      '/v2/fhir/ExplanationOfBenefit',
      '/v1/fhir/Coverage/',
      '/v2/fhir/Coverage/part-a--1',
      '/v2/connect/userinfo',
      '/v2/o/token/',
      '/v2/o/revoke_token/',
      '/v2/o/revoke/',
      '/v2/o/introspect/',
      '/v2/o/expire_authenticated_user/-1/',
      '/v2/o/authorize/',
      '/mymedicare/login',
      '/v2/o/authorize/not-a-uuid/',
      '/__sandbox/faults/eob',
      '/__sandbox/settings',
      '/nope',
    ];
    const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
    const bodies: (() => { body?: BodyInit; headers: Record<string, string> })[] = [
      () => ({ body: '{"bad json', headers: { 'content-type': 'application/json' } }),
      () => ({
        body: `grant_type=${junk()}&code=${junk()}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      () => ({
        body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n',
        headers: { 'content-type': 'multipart/form-data; boundary=y' },
      }),
      () => ({
        body: new Uint8Array([0xff, 0xfe, 0x00, 0xc3]),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      () => ({
        headers: {
          authorization: pick([
            'Basic !!!',
            'Basic',
            'Bearer %',
            `Bearer ${encodeURIComponent(junk())}`,
            'Digest x',
            basic('x'.repeat(40), 'y'),
          ]),
        },
      }),
      () => ({
        headers: { accept: pick(['text/html', 'application/xml', '*/*;q=oops', encodeURIComponent(junk())]) },
      }),
      () => ({ headers: {} }),
    ];
    let count = 0;
    for (let i = 0; i < 320; i++) {
      const path = pick(paths);
      let method = pick(methods);
      const params = new URLSearchParams();
      for (let p = 0; p < Math.floor(random() * 4); p++) {
        params.append(
          pick([
            '_count',
            'count',
            'startIndex',
            'type',
            'service-date',
            '_lastUpdated',
            'patient',
            'client_id',
            junk(),
          ]),
          junk(),
        );
      }
      if (path === '/v2/o/authorize/' || path === '/mymedicare/login') params.set('client_id', junk());
      if (path.startsWith('/v2/o/authorize/n')) params.set('client_id', CLIENT_ID);
      const made = pick(bodies)();
      if (path.startsWith('/__sandbox')) {
        method = pick(['PUT', 'POST']);
        made.body = '{"status": "nope"';
      }
      const hasBody = method !== 'GET' && made.body !== undefined;
      const query = params.toString().replace(/%25/g, pick(['%', '%25']));
      const r = await fetch(`${s.url}${path}?${query}`, {
        method,
        headers: made.headers,
        ...(hasBody ? { body: made.body } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
      await r.arrayBuffer();
      expect(r.status, `${method} ${path}?${query}`).toBeGreaterThanOrEqual(400);
      count++;
    }
    const huge = await fetch(`${s.url}/v2/o/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=${'a'.repeat(3_000_000)}`,
      signal: AbortSignal.timeout(10_000),
    });
    expect(huge.status).toBeGreaterThanOrEqual(400);
    expect(count).toBe(320);

    const tokens = await signIn(s.url, s.control, { username: 'BBUser10003' });
    const ok = await fetch(`${s.url}/v2/fhir/ExplanationOfBenefit`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(ok.status).toBe(200);
    expect(unhandled).toEqual([]);
  });
});
