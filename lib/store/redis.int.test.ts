import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { KeyValueStore } from './kv';
import { createRedisStore } from './redis';
import { startRedisServer, type TestRedisServer } from './redis-server.test-support';
import { createSecureStore } from './secure-store';
import { storeKeyring } from './store-keys';

// Against a real redis-server on loopback, started by the test itself.
describe('Redis store', () => {
  let server: TestRedisServer;
  let raw: Redis;
  const stores: KeyValueStore[] = [];
  const open = (prefix = 'test:', extra: { commandTimeoutMs?: number } = {}) => {
    const store = createRedisStore({ url: server.url, keyPrefix: prefix, ...extra });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    server = await startRedisServer();
    raw = new Redis(server.url);
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    raw.disconnect();
    await server?.close();
  });

  it('stores, reads and deletes values under its key prefix with a TTL', async () => {
    const kv = open('app-a:');
    await kv.set('k1', 'v1', 30);
    await kv.set('k2', 'v2', 0.25);
    expect(await kv.get('k1')).toBe('v1');
    expect(await raw.get('app-a:k1')).toBe('v1');
    const pttl = await raw.pttl('app-a:k1');
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(30_000);
    expect(await raw.pttl('app-a:k2')).toBeLessThanOrEqual(250);
    expect(await open('app-b:').get('k1')).toBeNull();
    await kv.delete('k1', 'k2', 'missing');
    await kv.delete();
    expect(await raw.exists('app-a:k1', 'app-a:k2')).toBe(0);
  });

  it('hands a lock to one connection at a time; release is compare-and-delete', async () => {
    const a = open('lock-test:');
    const b = open('lock-test:');
    const held = await a.tryLock('refresh', 10_000);
    expect(held).not.toBeNull();
    expect(await b.tryLock('refresh', 10_000)).toBeNull();
    const pttl = await raw.pttl('lock-test:refresh');
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(10_000);
    // The lock expires while held (its holder stalled) and b takes it over.
    await raw.del('lock-test:refresh');
    const taken = await b.tryLock('refresh', 10_000);
    expect(taken).not.toBeNull();
    await held?.release(); // must not free b's lock
    expect(await a.tryLock('refresh', 10_000)).toBeNull();
    await taken?.release();
    expect(await raw.exists('lock-test:refresh')).toBe(0);
  });

  it('compare-and-set is atomic: of many concurrent writers expecting one value, exactly one wins', async () => {
    const kv = open('cas:');
    expect(await kv.compareAndSet('k', null, 'v0', 30)).toBe(true);
    expect(await kv.compareAndSet('k', null, 'again', 30)).toBe(false);
    const writers = [1, 2, 3, 4].map(() => open('cas:'));
    const results = await Promise.all(
      writers.flatMap((w, i) => [0, 1, 2].map((j) => w.compareAndSet('k', 'v0', `w${i}-${j}`, 30))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = await kv.get('k');
    expect(winner).toMatch(/^w\d-\d$/);
    expect(await raw.pttl('cas:k')).toBeGreaterThan(0);
    expect(await kv.compareAndSet('k', 'v0', 'late', 30)).toBe(false);
    expect(await kv.get('k')).toBe(winner);
    await kv.delete('k');
    expect(await kv.compareAndSet('k', winner, 'gone', 30)).toBe(false);
    expect(await raw.exists('cas:k')).toBe(0);
    // Values with quotes, newlines and non-ASCII pass through the script unchanged.
    const odd = 'a"b\n\u00e9\u0000z';
    expect(await kv.compareAndSet('odd', null, odd, 30)).toBe(true);
    expect(await kv.compareAndSet('odd', odd, `${odd}!`, 30)).toBe(true);
    expect(await kv.get('odd')).toBe(`${odd}!`);
  });

  it('frees the lock of a holder that never releases once its TTL passes', async () => {
    const a = open('ttl-test:');
    expect(await a.tryLock('l', 50)).not.toBeNull();
    let next = await a.tryLock('l', 10_000);
    for (let i = 0; !next && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 20));
      next = await a.tryLock('l', 10_000);
    }
    expect(next).not.toBeNull();
  });

  it('keeps encrypted records for the secure store', async () => {
    const kv = open('secure:');
    const store = createSecureStore(kv, 'a-test-secret-that-is-at-least-32-characters-long');
    await store.setJson('session:1', { n: 1 }, 60);
    expect(await store.getJson('session:1', z.object({ n: z.number() }))).toEqual({ n: 1 });
    expect(await raw.get('secure:rec:session:1')).toMatch(/^v2\./);
  });

  // docs/sessions.md, "Rotating the token store key": instances on the old and the new configuration share
  // one Redis during a rotation.
  it('opens records sealed before a key rotation through the previous key, and only then', async () => {
    const kv = open('rotation:');
    const oldKey = randomBytes(32).toString('base64');
    const newKey = randomBytes(32).toString('base64');
    const before = createSecureStore(kv, storeKeyring({ secret: 'unused', key: oldKey }));
    await before.setJson('tokens', { n: 1 }, 60);
    const during = createSecureStore(
      kv,
      storeKeyring({ secret: 'unused', key: newKey, previousKeys: [oldKey] }),
    );
    const schema = z.object({ n: z.number() });
    expect(await during.getJson('tokens', schema)).toEqual({ n: 1 });
    const read = await during.getJsonStamped('tokens', schema);
    expect(await during.setJsonIf('tokens', { n: 2 }, 60, read?.stamp ?? null)).toBe(true);
    const newId = storeKeyring({ secret: 'unused', key: newKey }).current.id;
    expect((await raw.get('rotation:rec:tokens'))?.split('.')[1]).toBe(newId);
    expect(await before.getJson('tokens', schema)).toBeNull(); // an instance without the new key
    await before.setJson('other', { n: 3 }, 60);
    const after = createSecureStore(kv, storeKeyring({ secret: 'unused', key: newKey }));
    expect(await after.getJson('tokens', schema)).toEqual({ n: 2 });
    expect(await after.getJson('other', schema)).toBeNull();
  });

  it('turns a command timeout into service_unavailable', async () => {
    const kv = open('slow:', { commandTimeoutMs: 200 });
    await kv.set('k', 'v', 30); // connected
    const blocker = new Redis(server.url);
    try {
      await blocker.ping();
      const sleeping = blocker.call('DEBUG', 'SLEEP', '1.5').catch(() => 'closed');
      await new Promise((r) => setTimeout(r, 100)); // let the server start its stall
      const error = await kv.get('k').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        code: 'service_unavailable',
        detail: { operation: 'get', systemCode: 'timeout' },
      });
      await sleeping;
      expect(await kv.get('k')).toBe('v'); // usable again once the server answers
    } finally {
      blocker.disconnect();
    }
  });

  it('fails with service_unavailable, without the URL or password, when Redis is unreachable', async () => {
    const probe = await startRedisServer();
    const port = probe.port;
    await probe.close(); // nothing listens there any more
    const kv = createRedisStore({ url: `redis://:hunter2-secret@127.0.0.1:${port}`, connectTimeoutMs: 500 });
    stores.push(kv);
    for (const attempt of [
      () => kv.get('k'),
      () => kv.set('k', 'v', 1),
      () => kv.compareAndSet('k', null, 'v', 1),
      () => kv.tryLock('l', 100),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'service_unavailable' });
      const text = `${(error as Error).message} ${JSON.stringify(error)}`;
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain(String(port));
    }
  });
});

describe('Redis store over TLS (rediss://)', () => {
  let server: TestRedisServer;
  beforeAll(async () => {
    server = await startRedisServer({ tls: true });
  });
  afterAll(() => server?.close());

  it('connects with rediss:// and a trusted CA', async () => {
    const kv = createRedisStore({ url: server.url, tlsCa: server.ca ?? '' });
    try {
      await kv.set('k', 'v', 30);
      expect(await kv.get('k')).toBe('v');
    } finally {
      await kv.close();
    }
  });

  it('refuses a certificate it does not trust', async () => {
    const kv = createRedisStore({ url: server.url, connectTimeoutMs: 1_000 });
    try {
      await expect(kv.get('k')).rejects.toMatchObject({ code: 'service_unavailable' });
    } finally {
      await kv.close();
    }
  });
});
