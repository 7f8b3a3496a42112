import { describe, expect, it, vi } from 'vitest';
import {
  BASE,
  CLIENT_ID,
  REDIRECT,
  basic,
  bearer,
  codeFor,
  makeSandbox,
  postForm,
  tokensFor,
} from '../harness.test-support';

/**
 * Runs `call` with a fake `setTimeout` and checks it answers exactly when `ms` of fake time have passed:
 * still pending 1 ms before, settled at `ms`. No wall-clock time is measured.
 */
async function onFakeClock<T>(call: () => Promise<T>, ms: number): Promise<T> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    let settled = false;
    const pending = call().finally(() => {
      settled = true;
    });
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 100 && vi.getTimerCount() === 0; i++) await turn();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(ms - 1);
    await turn();
    expect(settled).toBe(false);
    vi.advanceTimersByTime(1);
    return await pending;
  } finally {
    vi.useRealTimers();
  }
}

describe('scripted faults (in-process)', () => {
  it('plays a status sequence once per call, then passes through', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    await sb.control.script('eob', [
      { status: 503, times: 2 },
      { status: 429, retryAfter: 1, json: { detail: 'slow down' } },
    ]);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 4; i++) {
      const r = await sb.fetch(`${BASE}/v2/fhir/ExplanationOfBenefit`, { headers: bearer(t.access_token) });
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers.get('retry-after');
    }
    expect(statuses).toEqual([503, 503, 429, 200]);
    expect(retryAfter).toBe('1');
    expect(await sb.control.count('eob')).toBe(4);
  });

  it('applies the fhir script to any FHIR endpoint, and delays', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    await sb.control.script('fhir', { status: 500, delayMs: 50 });
    const r = await onFakeClock(
      () => sb.fetch(`${BASE}/v2/fhir/Coverage`, { headers: bearer(t.access_token) }),
      50,
    );
    expect(r.status).toBe(500);
  });

  it('adds latency to every request, plus per-endpoint latency', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    await sb.control.setLatency(150);
    await sb.control.setLatency(200, 'coverage');
    const coverage = await onFakeClock(
      () => sb.fetch(`${BASE}/v2/fhir/Coverage`, { headers: bearer(t.access_token) }),
      350,
    );
    expect(coverage.status).toBe(200);
    const metadata = await onFakeClock(() => sb.fetch(`${BASE}/v2/fhir/metadata`), 150);
    expect(metadata.status).toBe(200);
    await sb.control.setLatency(0);
    await sb.control.setLatency(0, 'coverage');
    expect((await sb.fetch(`${BASE}/v2/fhir/metadata`)).status).toBe(200);
  });

  it('serves malformed and truncated bodies and drops connections like fetch would see them', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    const url = `${BASE}/v2/fhir/ExplanationOfBenefit`;
    await sb.control.script('eob', [{ body: '{' }, { truncate: true }, { drop: 'before' }]);
    const malformed = await sb.fetch(url, { headers: bearer(t.access_token) });
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
    const truncated = await sb.fetch(url, { headers: bearer(t.access_token) });
    await expect(truncated.text()).rejects.toThrow(TypeError);
    await expect(sb.fetch(url, { headers: bearer(t.access_token) })).rejects.toThrow(TypeError);
    expect((await sb.fetch(url, { headers: bearer(t.access_token) })).status).toBe(200);
  });

  it('drops after the real handler ran: the refresh rotated although the client saw no answer', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    await sb.control.script('token', { drop: 'after' });
    const fields = { grant_type: 'refresh_token', refresh_token: t.refresh_token };
    await expect(postForm(sb, '/v2/o/token/', fields, { authorization: basic() })).rejects.toThrow(TypeError);
    const again = await postForm(sb, '/v2/o/token/', fields, { authorization: basic() });
    expect(await again.json()).toEqual({ error: 'invalid_grant' });
  });

  it('patches token responses and swaps the next link for an off-origin one', async () => {
    const sb = makeSandbox();
    await sb.control.script('token', { patch: { expires_in: 30 }, omit: ['refresh_token'] });
    const t = await tokensFor(sb);
    expect(t.expires_in).toBe(30);
    expect(t).not.toHaveProperty('refresh_token');
    const user = await tokensFor(sb, { username: 'BBUser10030' });
    await sb.control.script('eob', {
      nextLink: 'https://evil.example/v2/fhir/ExplanationOfBenefit?startIndex=10',
    });
    const r = await sb.fetch(`${BASE}/v2/fhir/ExplanationOfBenefit`, { headers: bearer(user.access_token) });
    const body = (await r.json()) as { link: { relation: string; url: string }[] };
    expect(body.link.find((l) => l.relation === 'next')?.url).toBe(
      'https://evil.example/v2/fhir/ExplanationOfBenefit?startIndex=10',
    );
  });

  it('logs requests with headers and form fields for assertions', async () => {
    const sb = makeSandbox();
    const { code, verifier } = await codeFor(sb);
    await postForm(
      sb,
      '/v2/o/token/',
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier },
      { authorization: basic() },
    );
    const [entry] = await sb.control.requests('token');
    expect(entry?.headers.authorization).toMatch(/^Basic /);
    expect(entry?.form).toMatchObject({ grant_type: 'authorization_code', code_verifier: verifier });
    expect(entry?.form).not.toHaveProperty('client_secret');
    expect(entry?.status).toBe(200);
    expect(await sb.control.counts()).toEqual({ token: 1 });
  });

  it('resets state, scripts, counters and settings', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    await sb.control.script('eob', { status: 500 });
    await sb.control.setAccessTokenLifetime(30);
    await sb.control.setLatency(5);
    await sb.control.reset();
    expect(await sb.control.counts()).toEqual({});
    expect(await sb.control.scripts()).toEqual({});
    expect(
      (await sb.fetch(`${BASE}/v2/fhir/ExplanationOfBenefit`, { headers: bearer(t.access_token) })).status,
    ).toBe(401);
    expect((await tokensFor(sb)).expires_in).toBe(3600);
  });

  it('validates control bodies and exists only outside production, for loopback callers', async () => {
    const sb = makeSandbox();
    await expect(sb.control.script('eob', { status: 42 })).rejects.toThrow(/400/);
    await expect(sb.control.script('nope' as 'eob', {})).rejects.toThrow(/400/);
    const prod = makeSandbox({ mode: 'production' });
    expect((await prod.fetch(`${BASE}/__sandbox/calls`)).status).toBe(404);
    const remote = await sb.handle(new Request(`${BASE}/__sandbox/calls`), { remoteAddress: '10.0.0.7' });
    expect(remote.status).toBe(404);
    const rebound = await sb.handle(new Request('http://attacker.example/__sandbox/calls'), {
      remoteAddress: '127.0.0.1',
    });
    expect(rebound.status).toBe(404);
    expect(CLIENT_ID).toBeTruthy();
  });

  it('sets the access-token lifetime and shifts the clock', async () => {
    const sb = makeSandbox();
    await sb.control.setAccessTokenLifetime(30);
    const t = await tokensFor(sb);
    expect(t.expires_in).toBe(30);
    await sb.control.advanceClock(31);
    expect((await sb.fetch(`${BASE}/v2/fhir/Coverage`, { headers: bearer(t.access_token) })).status).toBe(
      401,
    );
  });
});
