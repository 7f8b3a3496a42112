import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { getBeneficiary } from '@/sandbox/data';
import { createSandbox, type Sandbox } from '@/sandbox/server';
import { signIn } from '@/sandbox/server.test-support';
import { createBlueButtonClient, type BlueButtonClientConfig } from './client';
import { sandboxTokenSource, testClientConfig } from './client.test-support';

// Planned paging through the client, against the sandbox's handler passed in as `fetch`
// (docs/reliability.md #32–#35). BBUser1NNNN has exactly NNNN claims.
const BASE = 'http://localhost:8000';
const ANCHOR = '2025-06-02';
const EOB_SEARCH = `${BASE}/v2/fhir/ExplanationOfBenefit/`;

let sb: Sandbox;
beforeEach(() => {
  sb = createSandbox({ mode: 'test', dataAnchor: ANCHOR });
});
afterEach(() => sb.close());

/** The claim ids the sandbox itself holds for BBUser<n>, sorted. */
const sandboxClaimIds = (n: number) =>
  getBeneficiary(n, { anchor: ANCHOR })
    .eobs.map((e) => e.id)
    .sort();

async function signedIn(user: number, config: Partial<BlueButtonClientConfig> = {}) {
  const fetched: string[] = [];
  const fetchImpl = (input: string, init?: RequestInit) => {
    fetched.push(input);
    return sb.fetch(input, init);
  };
  const tokens = await signIn(BASE, sb.control, { username: `BBUser${user}`, fetch: fetchImpl });
  const client = createBlueButtonClient({
    config: testClientConfig(BASE, config),
    tokens: sandboxTokenSource(BASE, tokens, fetchImpl),
    fetch: fetchImpl,
    sleep: async () => {},
  });
  await sb.control.clearRequests();
  fetched.length = 0;
  const page = async (query: string) => {
    const init = { headers: { authorization: `Bearer ${tokens.access_token}` } };
    const response = await sb.fetch(`${EOB_SEARCH}?${query}`, init);
    return (await response.json()) as { entry: unknown[]; total: number };
  };
  return { client, fetched, page };
}

describe('claim counts: the ids equal the sandbox’s own data', () => {
  it.each([
    [10_000, 8, 1],
    [10_001, 8, 1],
    [10_050, 8, 1],
    [10_051, 8, 1],
    [10_500, 15, 2],
  ])('BBUser%i: %i requests in %i round trip(s)', async (user, requests, roundTrips) => {
    const { client } = await signedIn(user);
    const { data, stats } = await client.getClaims();
    expect(data.claims.map((c) => c.id).sort()).toEqual(sandboxClaimIds(user));
    expect(data.unreadable).toBe(0);
    expect(data.skipped.duplicates).toBe(0);
    expect(stats).toMatchObject({ requests, roundTrips, pages: requests, retries: 0 });
    expect(await sb.control.count('eob')).toBe(requests);
  });

  it('an empty history is an empty result, not an error (RELIABILITY 35)', async () => {
    const { client } = await signedIn(10_000);
    const { data } = await client.getClaims();
    expect(data).toMatchObject({ claims: [], prescriptions: [], unreadable: 0 });
  });

  it('asks for every claim type with the largest page BB2 allows', async () => {
    const { client } = await signedIn(10_500);
    await client.getClaims();
    const queries = (await sb.control.requests('eob')).map((r) => new URL(r.path, BASE).searchParams);
    expect(new Set(queries.map((q) => q.get('type')))).toEqual(
      new Set(['carrier', 'dme', 'hha', 'hospice', 'inpatient', 'outpatient', 'pde', 'snf']),
    );
    expect(queries.every((q) => q.get('_count') === '50')).toBe(true);
    const carrierStarts = queries.filter((q) => q.get('type') === 'carrier').map((q) => q.get('startIndex'));
    expect(carrierStarts.sort()).toEqual(['100', '150', '200', '50', null].sort());
  });
});

describe('duplicates and unreadable entries', () => {
  it('counts a claim repeated on an overlapping page once', async () => {
    const { client, page } = await signedIn(10_500, { pageConcurrency: 1 });
    const first = await page('type=carrier&_count=50');
    const second = await page('type=carrier&_count=50&startIndex=50');
    const overlapping = { ...second, entry: [first.entry[49], ...second.entry] };
    // One slot: the 8 first pages go out in order, then carrier's second page.
    await sb.control.script('eob', [{ times: 8 }, { json: overlapping }]);
    const { data } = await client.getClaims();
    expect(data.claims.map((c) => c.id).sort()).toEqual(sandboxClaimIds(10_500));
    expect(data.skipped.duplicates).toBe(1);
  });

  it('counts EOBs it cannot read and keeps the rest (RELIABILITY 33)', async () => {
    const { client, page } = await signedIn(10_051, { pageConcurrency: 1 });
    const carrier = await page('type=carrier&_count=50');
    const broken = carrier.entry.map((e, i) =>
      i < 2 ? { resource: { ...(e as { resource: object }).resource, item: 'x' } } : e,
    );
    await sb.control.script('eob', [{ json: { ...carrier, entry: broken } }]);
    const { data } = await client.getClaims();
    expect(data.unreadable).toBe(2);
    expect(data.claims).toHaveLength(49);
  });
});

describe('paging safety (RELIABILITY 34)', () => {
  it('follows on-origin next links when a page has no total', async () => {
    const { client } = await signedIn(10_500);
    await sb.control.script('eob', [{ omit: ['total'], times: 100 }]);
    const { data, stats } = await client.getClaims();
    expect(data.claims.map((c) => c.id).sort()).toEqual(sandboxClaimIds(10_500));
    expect(stats.requests).toBe(15);
    expect(stats.roundTrips).toBe(5);
  });

  it('never follows a next link to another origin', async () => {
    const { client, fetched } = await signedIn(10_500);
    const evil = 'https://evil.example/v2/fhir/ExplanationOfBenefit?startIndex=50&_count=50';
    await sb.control.script('eob', [{ omit: ['total'], nextLink: evil, times: 100 }]);
    await expect(client.getClaims()).rejects.toMatchObject({
      code: 'medicare_unreadable',
      detail: { fault: 'off_origin_link' },
    });
    expect(fetched.filter((url) => !url.startsWith(BASE))).toEqual([]);
  });

  it('ignores next links when the total plans the pages', async () => {
    const { client, fetched } = await signedIn(10_500);
    await sb.control.script('eob', [{ nextLink: 'https://evil.example/steal', times: 100 }]);
    const { data } = await client.getClaims();
    expect(data.claims).toHaveLength(500);
    expect(fetched.filter((url) => !url.startsWith(BASE))).toEqual([]);
  });

  it('stops when a next link leads back to the current page', async () => {
    const { client } = await signedIn(10_051, { pageConcurrency: 1 });
    const self = `${EOB_SEARCH}?type=carrier&_count=50`;
    await sb.control.script('eob', [{ omit: ['total'], nextLink: self }]);
    const { data, stats } = await client.getClaims();
    expect(data.claims.map((c) => c.id).sort()).toEqual(sandboxClaimIds(10_051));
    expect(stats.requests).toBe(8);
  });

  it('stops at the page cap with a typed error', async () => {
    const { client } = await signedIn(10_500, { maxPages: 14 });
    const error = await client.getClaims().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'too_much_data', detail: { fault: 'too_many_pages', maxPages: 14 } });
    expect(await sb.control.count('eob')).toBeLessThan(15);
    const { client: enough } = await signedIn(10_500, { maxPages: 15 });
    expect((await enough.getClaims()).data.claims).toHaveLength(500);
  });

  it('caps pages reached through next links too', async () => {
    const { client } = await signedIn(10_500, { maxPages: 12 });
    await sb.control.script('eob', [{ omit: ['total'], times: 100 }]);
    await expect(client.getClaims()).rejects.toMatchObject({
      code: 'too_much_data',
      detail: { fault: 'too_many_pages', maxPages: 12 },
    });
  });
});

describe('malformed pages (RELIABILITY 32)', () => {
  it.each([
    ['{', 'not_json'],
    ['null', 'not_bundle'],
    ['[]', 'not_bundle'],
    ['{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing"}]}', 'not_bundle'],
    ['{"resourceType":"Bundle","type":"searchset","total":1,"entry":{"resource":{}}}', 'not_bundle'],
  ])('%s is a typed error, not retried', async (body, fault) => {
    const { client } = await signedIn(10_500);
    await sb.control.script('eob', [{ status: 200, body }]);
    const error = await client.getClaims().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'medicare_unreadable', detail: { fault } });
    expect(await sb.control.count('eob')).toBeLessThanOrEqual(8);
  });
});

describe('abort', () => {
  it('stops every request when the caller aborts', async () => {
    const { client, fetched } = await signedIn(12_000, { pageConcurrency: 2 });
    await sb.control.setLatency(20, 'eob');
    const controller = new AbortController();
    const pending = client.getClaims(controller.signal);
    while (fetched.length < 4) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    const sent = fetched.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fetched.length).toBe(sent);
    expect(sent).toBeLessThan(10);
  });
});
