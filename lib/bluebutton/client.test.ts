import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summarize } from '@/lib/claims/summarize';
import { getBeneficiary } from '@/sandbox/data';
import { createSandbox, type Sandbox } from '@/sandbox/server';
import { signIn, type SignInOptions } from '@/sandbox/server.test-support';
import { createBlueButtonClient, type BlueButtonClientConfig } from './client';
import { sandboxTokenSource, testClientConfig } from './client.test-support';

// The client's calls against the sandbox's handler passed in as `fetch`.
const BASE = 'http://localhost:8000';
const ANCHOR = '2025-06-02';

let sb: Sandbox;
beforeEach(() => {
  sb = createSandbox({ mode: 'test', dataAnchor: ANCHOR });
});
afterEach(() => sb.close());

async function signedIn(login: SignInOptions, config: Partial<BlueButtonClientConfig> = {}) {
  const fetchImpl = (input: string, init?: RequestInit) => sb.fetch(input, init);
  const tokens = await signIn(BASE, sb.control, { fetch: fetchImpl, ...login });
  const source = sandboxTokenSource(BASE, tokens, fetchImpl);
  const client = createBlueButtonClient({
    config: testClientConfig(BASE, config),
    tokens: source,
    fetch: fetchImpl,
  });
  await sb.control.clearRequests();
  return { client, tokens, source };
}

describe('getAll', () => {
  it('fetches Patient, Coverage and every EOB page in two round trips', async () => {
    const { client, tokens } = await signedIn({ username: 'BBUser10500' });
    const { data, demographics, stats } = await client.getAll();
    expect(demographics).toBe('shared');
    expect(data.profile?.id).toBe(tokens.patient);
    expect(data.coverage.length).toBeGreaterThanOrEqual(2);
    const ids = getBeneficiary(10_500, { anchor: ANCHOR }).eobs.map((e) => e.id);
    expect(data.claims.map((c) => c.id)).toEqual([...ids].sort());
    expect(data.prescriptions.length).toBe(ids.filter((id) => id.startsWith('pde-')).length);
    expect(stats).toMatchObject({ requests: 17, roundTrips: 2, retries: 0, replays: 0 });
  });

  it('still returns claims and coverage when demographics were declined, without retrying the 403', async () => {
    const { client } = await signedIn({ username: 'BBUser10051', shareDemographics: false });
    const { data, demographics } = await client.getAll();
    expect(demographics).toBe('declined');
    expect(data.profile).toBeUndefined();
    expect(data.claims).toHaveLength(51);
    expect(data.coverage.length).toBeGreaterThanOrEqual(2);
    expect(await sb.control.count('patient')).toBe(1);
  });

  it('returns the coverage parts in the app’s own shape, sorted by id', async () => {
    const { client } = await signedIn({ username: 'BBUser10050' });
    const { data } = await client.getAll();
    expect(data.unreadable).toBe(0);
    expect(data.coverage.length).toBeGreaterThanOrEqual(2);
    expect(data.coverage.map((c) => c.id)).toEqual(data.coverage.map((c) => c.id).sort());
    for (const part of data.coverage) expect(['A', 'B', 'C', 'D']).toContain(part.part);
  });

  it('reports its progress after every page: pages and claims so far, claims expected from the totals', async () => {
    const { client } = await signedIn({ username: 'BBUser10500' });
    const seen: { pages: number; claims: number; expectedClaims: number | null }[] = [];
    const { data, stats } = await client.getAll({ onProgress: (p) => seen.push(p) });
    expect(seen).toHaveLength(stats.pages);
    expect(seen.map((p) => p.pages)).toEqual(seen.map((_, i) => i + 1));
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.claims).toBeGreaterThanOrEqual(seen[i - 1]!.claims);
      expect(seen[i]!.expectedClaims ?? 0).toBeGreaterThanOrEqual(seen[i - 1]!.expectedClaims ?? 0);
    }
    expect(seen.at(-1)).toEqual({ pages: stats.pages, claims: 500, expectedClaims: 500 });
    expect(data.claims).toHaveLength(500);
  });

  it('refreshes an expired token once for all concurrent requests', async () => {
    const { client, source } = await signedIn({ username: 'BBUser10500' });
    await sb.control.advanceClock(3601);
    const { data, stats } = await client.getAll();
    expect(data.claims).toHaveLength(500);
    expect(source.refreshes).toBe(1);
    expect(await sb.control.count('token')).toBe(1);
    expect(stats.replays).toBe(10);
  });

  it('fails as unauthorized when the grant is gone, so the caller can reconnect', async () => {
    const { client } = await signedIn({ username: 'BBUser10050' });
    await sb.control.revokeGrant({ user: 'BBUser10050' });
    const error = await client.getAll().catch((e: unknown) => e);
    // The app's own refresh call failed (not the replayed 401): the grant is gone for good.
    expect(error).toMatchObject({
      code: 'reconnect_required',
      reason: 'access_revoked',
      detail: { operation: 'refresh', upstreamStatus: 403, upstreamCode: 'invalid_grant' },
    });
    expect(await sb.control.count('token')).toBe(1);
  });

  it('gives identical summaries from v1 (STU3) and v2 (R4)', async () => {
    const { tokens } = await signedIn({ username: 'BBUser10500' });
    const summaries = [];
    for (const version of [1, 2] as const) {
      const client = createBlueButtonClient({
        config: testClientConfig(BASE, { version }),
        tokens: sandboxTokenSource(BASE, tokens, (i, init) => sb.fetch(i, init)),
        fetch: (i, init) => sb.fetch(i, init),
      });
      const { data } = await client.getAll();
      expect(data.claims).toHaveLength(500);
      summaries.push(summarize(data));
    }
    const paths = (await sb.control.requests('eob')).map((r) => r.path.slice(0, 4));
    expect(new Set(paths)).toEqual(new Set(['/v1/', '/v2/']));
    expect(summaries[0]).toEqual(summaries[1]);
  });
});
