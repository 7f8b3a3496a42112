import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { getBeneficiary } from '@/sandbox/data';
import {
  signIn,
  startCountingServer,
  startSandbox,
  type StartedSandbox,
} from '@/sandbox/server.test-support';
import { createBlueButtonClient, type BlueButtonClientConfig } from './client';
import { sandboxTokenSource, testClientConfig } from './client.test-support';

// The client over real HTTP against a listening sandbox, with its default transport (Node's HTTP client) and
// with an injected fetch (undici): gzip, connection faults, stalls, off-origin links (docs/reliability.md #31,
// #32, #34) and the 2,000-claim beneficiary.
const ANCHOR = '2025-06-02';

let s: StartedSandbox;
beforeAll(async () => {
  s = await startSandbox({ dataAnchor: ANCHOR });
});
afterAll(() => s.close());
afterEach(() => s.control.reset());

interface Seen {
  url: string;
  status: number;
  encoding: string | null;
}

/** The transport under test: the default (Node's HTTP client), or Node's fetch passed in. */
let transport: 'default' | 'fetch' = 'fetch';

async function signedIn(
  username: string,
  config: Partial<BlueButtonClientConfig> = {},
  shareDemographics = true,
) {
  const seen: Seen[] = [];
  const observed = async (input: string, init: RequestInit) => {
    const response = await fetch(input, init);
    seen.push({ url: input, status: response.status, encoding: response.headers.get('content-encoding') });
    return response;
  };
  const tokens = await signIn(s.url, s.control, { username, shareDemographics });
  const client = createBlueButtonClient({
    config: testClientConfig(s.url, config),
    tokens: sandboxTokenSource(s.url, tokens),
    ...(transport === 'fetch' ? { fetch: observed } : {}),
    sleep: async () => {},
  });
  await s.control.clearRequests();
  return { client, seen, tokens };
}

const claimIds = (n: number) =>
  getBeneficiary(n, { anchor: ANCHOR })
    .eobs.map((e) => e.id)
    .sort();

describe.each(['fetch', 'default'] as const)('over HTTP with the %s transport', (kind) => {
  beforeAll(() => {
    transport = kind;
  });

  it('reads all 2,000 claims of BBUser12000, each once', async () => {
    const { client } = await signedIn('BBUser12000');
    const { data, stats } = await client.getAll();
    expect(data.claims.map((c) => c.id)).toEqual(claimIds(12_000));
    expect(data.skipped.duplicates).toBe(0);
    expect(stats.requests).toBe(46);
    expect(stats.pages).toBe(46);
    // Two planned rounds, the second in waves of pageConcurrency (16); a crawl would take 46.
    expect(stats.roundTrips).toBeGreaterThanOrEqual(2);
    expect(stats.roundTrips).toBeLessThanOrEqual(8);
  });

  it('asks for gzip and reads gzipped and plain bodies alike', async () => {
    const { client, seen } = await signedIn('BBUser10051', {}, false);
    const { data, demographics } = await client.getAll();
    expect(demographics).toBe('declined');
    expect(data.claims.map((c) => c.id)).toEqual(claimIds(10_051));
    if (kind === 'fetch') {
      expect(seen.some((r) => r.status === 200 && r.encoding === 'gzip')).toBe(true);
      expect(seen.some((r) => r.status === 403 && r.encoding === null)).toBe(true);
    }
    const logged = await s.control.requests();
    expect(logged.every((r) => r.headers['accept-encoding'] === 'gzip')).toBe(true);
  });

  it('reads a large page sent without compression', async () => {
    const { client, seen } = await signedIn('BBUser10051');
    await s.control.script('eob', [{ headers: { 'content-encoding': 'identity' }, times: 8 }]);
    const { data } = await client.getClaims();
    expect(data.claims.map((c) => c.id)).toEqual(claimIds(10_051));
    if (kind === 'fetch') expect(seen.filter((r) => r.encoding === 'identity')).toHaveLength(8);
  });

  it('retries a truncated body and a dropped connection, then reports persistent ones', async () => {
    const { client } = await signedIn('BBUser10051', { pageConcurrency: 1 });
    await s.control.script('eob', [{ truncate: true }, { drop: 'before' }]);
    expect((await client.getClaims()).data.claims).toHaveLength(51);
    expect(await s.control.count('eob')).toBe(10);
    await s.control.script('eob', [{ truncate: true, times: 4 }]);
    await expect(client.getClaims()).rejects.toMatchObject({
      code: 'medicare_unreadable',
      detail: { fault: 'truncated' },
    });
    await s.control.script('eob', [{ drop: 'before', times: 4 }]);
    const dropped = await client.getClaims().catch((e: unknown) => e);
    expect(dropped).toBeInstanceOf(AppError);
    expect(dropped).toMatchObject({ code: 'medicare_unavailable', detail: { fault: 'network' } });
  });

  it('times out a stalled attempt and retries it', async () => {
    const { client } = await signedIn('BBUser10051', { timeoutMs: 1500, pageConcurrency: 1 });
    await s.control.script('eob', [{ delayMs: 30_000 }]);
    const { data, stats } = await client.getClaims();
    expect(data.claims).toHaveLength(51);
    expect(stats).toMatchObject({ requests: 9, retries: 1 });
  });

  it('never sends the token to an off-origin next link', async () => {
    const evil = await startCountingServer();
    try {
      const { client } = await signedIn('BBUser10500');
      await s.control.script('eob', [
        { omit: ['total'], nextLink: `${evil.url}/v2/fhir/ExplanationOfBenefit` },
      ]);
      await expect(client.getClaims()).rejects.toMatchObject({
        code: 'medicare_unreadable',
        detail: { fault: 'off_origin_link' },
      });
      await s.control.script('eob', [{ nextLink: `${evil.url}/v2/fhir/ExplanationOfBenefit`, times: 100 }]);
      expect((await client.getClaims()).data.claims).toHaveLength(500);
      expect(evil.requests).toEqual([]);
    } finally {
      await evil.close();
    }
  });

  it('stops at once when the caller cancels, with nothing left running', async () => {
    const { client } = await signedIn('BBUser10500');
    await s.control.script('eob', [{ delayMs: 30_000, times: 100 }]);
    const controller = new AbortController();
    const pending = client.getAll({ signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(5_000); // the stalled pages would take 30 s
  });
});
