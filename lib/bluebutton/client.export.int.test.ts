import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getBeneficiary } from '@/sandbox/data';
import { signIn, startSandbox, type StartedSandbox } from '@/sandbox/server.test-support';
import { createBlueButtonClient, type BlueButtonClientConfig, type ReceivedResource } from './client';
import { sandboxTokenSource, testClientConfig } from './client.test-support';

// Exports over real HTTP against a listening sandbox, with the client's default transport: every resource as
// the sandbox serialized it, declined demographics, reads by id, failures, cancellation and backpressure.
const ANCHOR = '2025-06-02';

let s: StartedSandbox;
beforeAll(async () => {
  s = await startSandbox({ dataAnchor: ANCHOR });
});
afterAll(() => s.close());
afterEach(() => s.control.reset());

async function signedIn(
  username: string,
  shareDemographics = true,
  config: Partial<BlueButtonClientConfig> = {},
) {
  const tokens = await signIn(s.url, s.control, { username, shareDemographics });
  const client = createBlueButtonClient({
    config: testClientConfig(s.url, config),
    tokens: sandboxTokenSource(s.url, tokens),
    sleep: async () => {},
  });
  await s.control.clearRequests();
  return client;
}

/** The sandbox's own serialized resources of user `n`, parsed. */
function expected(n: number) {
  const bene = getBeneficiary(n, { anchor: ANCHOR });
  return {
    patient: JSON.parse(bene.patientJson(2)) as ReceivedResource,
    coverage: bene.coverage(2).map((c) => JSON.parse(c.json) as ReceivedResource),
    eobs: bene.eobs.map((e) => JSON.parse(bene.eobJson(e.id, 2)!) as ReceivedResource),
  };
}

const byKey = (a: ReceivedResource, b: ReceivedResource) =>
  `${String(a.resourceType)}/${String(a.id)}`.localeCompare(`${String(b.resourceType)}/${String(b.id)}`);

describe('exportResources', () => {
  it('hands on the Patient, every Coverage and every EOB once, exactly as the sandbox serialized them', async () => {
    const client = await signedIn('BBUser10120');
    const received: ReceivedResource[] = [];
    const result = await client.exportResources({ onResource: (r) => received.push(r) });
    const want = expected(10_120);
    expect(want.eobs).toHaveLength(120);
    expect(result.demographics).toBe('shared');
    expect(result.resources).toBe(received.length);
    expect([...received].sort(byKey)).toEqual([want.patient, ...want.coverage, ...want.eobs].sort(byKey));
    // The same searches as a load: one Patient page, one Coverage page, the EOB pages of eight searches.
    expect(await s.control.count('patient')).toBe(1);
    expect(await s.control.count('coverage')).toBe(1);
    const { stats } = await (await signedIn('BBUser10120')).getAll();
    expect(result.stats.pages).toBe(stats.pages);
  });

  it('leaves the Patient out when demographics were declined', async () => {
    const client = await signedIn('BBUser10051', false);
    const received: ReceivedResource[] = [];
    const result = await client.exportResources({ onResource: (r) => received.push(r) });
    expect(result.demographics).toBe('declined');
    expect(received.filter((r) => r.resourceType === 'Patient')).toEqual([]);
    expect(received.filter((r) => r.resourceType === 'ExplanationOfBenefit')).toHaveLength(51);
    expect(received.filter((r) => r.resourceType === 'Coverage').length).toBeGreaterThanOrEqual(2);
  });

  it('reads every page of a long history within the page cap, and refuses one past it', async () => {
    const client = await signedIn('BBUser12000');
    let eobs = 0;
    const result = await client.exportResources({
      onResource: (r) => void (r.resourceType === 'ExplanationOfBenefit' && (eobs += 1)),
    });
    expect(eobs).toBe(2000);
    expect(result.stats.pages).toBe(46);
    const capped = await signedIn('BBUser12000', true, { maxPages: 20 });
    await expect(capped.exportResources({ onResource: () => {} })).rejects.toMatchObject({
      code: 'too_much_data',
    });
  });

  it('a page that keeps failing fails the export, after some resources were handed on', async () => {
    const client = await signedIn('BBUser10500', true, { pageConcurrency: 1 });
    // The first EOB pages pass; every later one answers 500.
    await s.control.script('eob', [{ times: 3 }, { status: 500, json: { detail: 'boom' }, times: 100 }]);
    let handed = 0;
    await expect(client.exportResources({ onResource: () => (handed += 1) })).rejects.toMatchObject({
      code: 'medicare_unavailable',
    });
    expect(handed).toBeGreaterThan(0);
  });

  it('stops asking for pages when the caller cancels', async () => {
    const client = await signedIn('BBUser11400', true, { pageConcurrency: 2 });
    await s.control.setLatency(100, 'eob');
    const controller = new AbortController();
    let handed = 0;
    const pending = client.exportResources({
      signal: controller.signal,
      onResource: () => {
        handed += 1;
        if (handed === 100) controller.abort();
      },
    });
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    const asked = await s.control.count('eob');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await s.control.count('eob')).toBe(asked);
    expect(asked).toBeLessThan(28 + 8); // 1,400 claims are 28 pages and 8 searches
  });

  it('asks for no page until the consumer is ready, then for every page', async () => {
    const client = await signedIn('BBUser10120');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let resources = 0;
    const pending = client.exportResources({ ready: () => gate, onResource: () => (resources += 1) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await s.control.count('eob')).toBe(0);
    expect(resources).toBe(0);
    release();
    const result = await pending;
    expect(result.resources).toBe(resources);
    expect(await s.control.count('eob')).toBeGreaterThanOrEqual(8);
  });
});

describe('readClaim', () => {
  it('reads one EOB as the sandbox serialized it', async () => {
    const client = await signedIn('BBUser10020');
    const want = expected(10_020).eobs[7]!;
    expect(await client.readClaim(String(want.id))).toEqual(want);
    const logged = await s.control.requests('eob');
    expect(logged.map((r) => r.path)).toEqual([`/v2/fhir/ExplanationOfBenefit/${String(want.id)}`]);
  });

  it("is not_found for another beneficiary's claim or an unknown one", async () => {
    const client = await signedIn('BBUser10020');
    const others = getBeneficiary(10_030, { anchor: ANCHOR }).eobs[0]!.id;
    await expect(client.readClaim(others)).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.readClaim('carrier--1')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses an answer that is not the claim asked for', async () => {
    const client = await signedIn('BBUser10020');
    const id = getBeneficiary(10_020, { anchor: ANCHOR }).eobs[0]!.id;
    await s.control.script('eob', { patch: { id: 'carrier--42' } });
    await expect(client.readClaim(id)).rejects.toMatchObject({ code: 'medicare_unreadable' });
  });
});
