import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { createMemoryStore } from '@/lib/store/memory';
import { createSecureStore, type SecureStore } from '@/lib/store/secure-store';
import { createSessionLoads, type LoadCounts, type LoadFn, type SessionLoadsOptions } from './session-load';

const SECRET = 'session-load-tests-secret-0123456789abcdef';
const valueSchema = z.object({ claims: z.array(z.string()) });
type Value = z.infer<typeof valueSchema>;

function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

function setUp(overrides: Partial<SessionLoadsOptions<Value>> = {}, store?: SecureStore) {
  const secure = store ?? createSecureStore(createMemoryStore(), SECRET);
  const loads = createSessionLoads<Value>({
    store: secure,
    key: (sid, name) => `session:${sid}:data:${name}`,
    valueSchema,
    ttlSeconds: 600,
    cooldownSeconds: 30,
    pollMs: 5,
    progressEveryMs: 0,
    ...overrides,
  });
  return { loads, store: secure };
}

/** A load that the test finishes by hand, counting how often it was started. */
function manualLoad() {
  let started = 0;
  let finish: (value: Value) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  let report: (counts: LoadCounts) => void = () => {};
  const load: LoadFn<Value> = (r) => {
    started += 1;
    report = r;
    return new Promise<Value>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return {
    load,
    started: () => started,
    finish: (value: Value) => finish(value),
    fail: (error: unknown) => fail(error),
    report: (counts: LoadCounts) => report(counts),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('session loads', () => {
  it('six concurrent callers of one session share one load and all get its result', async () => {
    const inner = createSecureStore(createMemoryStore(), SECRET);
    let locks = 0;
    const counting: SecureStore = { ...inner, tryLock: (key, ttl) => (locks++, inner.tryLock(key, ttl)) };
    const { loads } = setUp({}, counting);
    const run = manualLoad();
    const callers = Array.from({ length: 6 }, (_, i) => loads.get('s1', { fresh: i === 5 }, run.load));
    await tick();
    run.finish({ claims: ['a', 'b'] });
    const results = await Promise.all(callers);
    expect(run.started()).toBe(1);
    expect(results.map((r) => r.value.claims)).toEqual(Array(6).fill(['a', 'b']));
    expect(results.filter((r) => r.source === 'loaded')).toHaveLength(1);
    expect(new Set(results.map((r) => r.fetchedAt)).size).toBe(1);
    expect(locks, 'callers in one process share the promise, not the lock').toBe(1);
  });

  it('reads the cache afterwards and keeps sessions apart', async () => {
    const { loads } = setUp();
    const one = manualLoad();
    const first = loads.get('s1', {}, one.load);
    await tick();
    one.finish({ claims: ['mine'] });
    await first;
    const again = await loads.get('s1', {}, manualLoad().load);
    expect(again).toMatchObject({ source: 'cache', value: { claims: ['mine'] } });
    const other = manualLoad();
    const theirs = loads.get('s2', {}, other.load);
    await tick();
    other.finish({ claims: ['theirs'] });
    expect((await theirs).value.claims).toEqual(['theirs']);
    expect(other.started()).toBe(1);
  });

  it('answers a refresh within the cooldown with the cached data and its time; after it, loads again', async () => {
    const c = clock();
    const { loads } = setUp({ now: c.now });
    const first = manualLoad();
    const loading = loads.get('s1', {}, first.load);
    await tick();
    first.finish({ claims: ['old'] });
    const { fetchedAt } = await loading;
    c.advance(29_000);
    const soon = manualLoad();
    expect(await loads.get('s1', { fresh: true }, soon.load)).toMatchObject({
      source: 'cooldown',
      fetchedAt,
      value: { claims: ['old'] },
    });
    expect(soon.started()).toBe(0);
    c.advance(1_000);
    const later = manualLoad();
    const refreshing = loads.get('s1', { fresh: true }, later.load);
    await tick();
    later.finish({ claims: ['new'] });
    expect(await refreshing).toMatchObject({ source: 'loaded', value: { claims: ['new'] } });
    expect(later.started()).toBe(1);
  });

  it('a refresh while a load runs joins it', async () => {
    const { loads } = setUp();
    const run = manualLoad();
    const first = loads.get('s1', {}, run.load);
    await tick();
    const joined = loads.get('s1', { fresh: true }, manualLoad().load);
    run.finish({ claims: ['x'] });
    expect((await first).source).toBe('loaded');
    expect((await joined).source).toBe('joined');
    expect(run.started()).toBe(1);
  });

  it('a failed load caches nothing, fails its waiters, and the next request starts a new load', async () => {
    const { loads, store } = setUp();
    const run = manualLoad();
    const callers = [1, 2, 3].map(() => loads.get('s1', {}, run.load));
    await tick();
    run.fail(new AppError('medicare_unavailable'));
    for (const caller of callers)
      await expect(caller).rejects.toMatchObject({ code: 'medicare_unavailable' });
    expect(await store.getJson('session:s1:data:cache', z.unknown())).toBeNull();
    expect(await loads.status('s1')).toMatchObject({ state: 'failed', code: 'medicare_unavailable' });
    const next = manualLoad();
    const retry = loads.get('s1', {}, next.load);
    await tick();
    next.finish({ claims: ['ok'] });
    expect((await retry).value.claims).toEqual(['ok']);
    expect(next.started()).toBe(1);
    expect(await loads.status('s1')).toMatchObject({ state: 'ready' });
  });

  it('a failed refresh keeps the previous complete cache', async () => {
    const c = clock();
    const { loads } = setUp({ now: c.now, cooldownSeconds: 0 });
    const first = manualLoad();
    const loading = loads.get('s1', {}, first.load);
    await tick();
    first.finish({ claims: ['kept'] });
    await loading;
    c.advance(1);
    const broken = manualLoad();
    const refreshing = loads.get('s1', { fresh: true }, broken.load);
    await tick();
    broken.fail(new AppError('medicare_busy'));
    await expect(refreshing).rejects.toMatchObject({ code: 'medicare_busy' });
    expect(await loads.get('s1', {}, manualLoad().load)).toMatchObject({
      source: 'cache',
      value: { claims: ['kept'] },
    });
  });

  it('reports progress while loading, readable from another instance on the same store', async () => {
    const c = clock();
    const shared = createSecureStore(createMemoryStore(), SECRET);
    const { loads } = setUp({ now: c.now }, shared);
    const { loads: elsewhere } = setUp({ now: c.now }, shared);
    expect(await elsewhere.status('s1')).toEqual({ state: 'idle' });
    const run = manualLoad();
    const loading = loads.get('s1', {}, run.load);
    await tick();
    expect(await elsewhere.status('s1')).toMatchObject({ state: 'loading', pages: 0, claims: 0 });
    run.report({ pages: 10, claims: 250, expectedClaims: 1400 });
    await tick();
    expect(await elsewhere.status('s1')).toMatchObject({
      state: 'loading',
      pages: 10,
      claims: 250,
      expectedClaims: 1400,
    });
    run.finish({ claims: [] });
    const { fetchedAt } = await loading;
    expect(await elsewhere.status('s1')).toEqual({
      state: 'ready',
      fetchedAt,
      refreshAvailableAt: fetchedAt + 30_000,
    });
  });

  it('a second instance waits for the first one’s load and reads its result from the store', async () => {
    const shared = createSecureStore(createMemoryStore(), SECRET);
    const { loads: a } = setUp({}, shared);
    const { loads: b } = setUp({}, shared);
    const runA = manualLoad();
    const runB = manualLoad();
    const first = a.get('s1', {}, runA.load);
    await tick();
    const second = b.get('s1', {}, runB.load);
    await tick();
    runA.finish({ claims: ['from-a'] });
    expect(await second).toMatchObject({ source: 'joined', value: { claims: ['from-a'] } });
    expect((await first).source).toBe('loaded');
    expect(runB.started()).toBe(0);
  });

  it('a waiting instance fails with the loader’s error, and gives up after its bounded wait', async () => {
    const shared = createSecureStore(createMemoryStore(), SECRET);
    const { loads: a } = setUp({}, shared);
    const { loads: b } = setUp({ waitMs: 50 }, shared);
    const runA = manualLoad();
    const first = a.get('s1', {}, runA.load);
    await tick();
    await expect(b.get('s1', {}, manualLoad().load)).rejects.toMatchObject({ code: 'medicare_unavailable' });
    const waiting = b.get('s1', {}, manualLoad().load);
    await tick();
    runA.fail(new AppError('medicare_busy'));
    await expect(first).rejects.toMatchObject({ code: 'medicare_busy' });
    await expect(waiting).rejects.toMatchObject({ code: 'medicare_busy' });
  });

  it('a caller that goes away stops waiting without stopping the load for the others', async () => {
    const { loads } = setUp();
    const run = manualLoad();
    const staying = loads.get('s1', {}, run.load);
    const controller = new AbortController();
    const leaving = loads.get('s1', { signal: controller.signal }, run.load);
    controller.abort();
    await expect(leaving).rejects.toMatchObject({ code: 'cancelled' });
    run.finish({ claims: ['still'] });
    expect((await staying).value.claims).toEqual(['still']);
  });

  it('with no cache time, concurrent callers still share one load, and the next call loads again', async () => {
    const { loads } = setUp({ ttlSeconds: 0 });
    const run = manualLoad();
    const callers = [1, 2].map(() => loads.get('s1', {}, run.load));
    await tick();
    run.finish({ claims: ['x'] });
    await Promise.all(callers);
    expect(run.started()).toBe(1);
    const next = manualLoad();
    const again = loads.get('s1', {}, next.load);
    await tick();
    next.finish({ claims: ['y'] });
    expect((await again).source).toBe('loaded');
  });
});
