import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { TokenSet } from '@/lib/bluebutton/token-set';
import { startRedisServer, type TestRedisServer } from '@/lib/store/redis-server.test-support';

// docs/sessions.md, "Store keys": no store key carries a session id, whatever the record. Against a real
// redis-server, through the app's own store (REDIS_URL), so the keys checked are the ones Redis holds.
let redis: TestRedisServer;
let raw: Redis;
let sessions: typeof import('./server-session');
let tokens: typeof import('./tokens');
let store: typeof import('@/lib/store');

beforeAll(async () => {
  redis = await startRedisServer();
  raw = new Redis(redis.url);
  process.env.REDIS_URL = redis.url;
  [sessions, tokens, store] = await Promise.all([
    import('./server-session'),
    import('./tokens'),
    import('@/lib/store'),
  ]);
});
afterAll(async () => {
  delete process.env.REDIS_URL;
  raw?.disconnect();
  await redis?.close();
});

const tokenSet = (): TokenSet => ({
  accessToken: 'access-token-for-key-tests',
  refreshToken: 'refresh-token-for-key-tests',
  expiresAt: Date.now() + 3_600_000,
  scopes: ['patient/ExplanationOfBenefit.rs'],
  patient: '-10000000000001',
  grantExpiresAt: null,
});

describe('session store keys', () => {
  // Guards the raw ids of `session:<sid>:…`: anyone who could list the store's keys could have replayed
  // a session id found there.
  it('hash the session id in every key: tokens, activity, ended, refresh note, data cache, progress and locks', async () => {
    const sid = await sessions.startServerSession(tokenSet());
    const secure = store.getSecureStore();
    await secure.setJson(sessions.sessionDataKey(sid, 'cache'), { claims: [] }, 60, { evictable: true });
    await secure.setJson(sessions.sessionDataKey(sid, 'progress'), { pages: 1 }, 60, { evictable: true });
    await secure.setJson(tokens.refreshFailureKey(sid), { at: 1, reason: 'token_unavailable' }, 60);
    const locks = [
      await secure.tryLock(tokens.tokenRecordKey(sid), 10_000),
      await secure.tryLock(sessions.sessionDataKey(sid, 'lock'), 10_000),
    ];
    expect(locks.every(Boolean)).toBe(true);
    const keys = await raw.keys('*');
    expect(keys.length).toBeGreaterThanOrEqual(7);
    const sha = createHash('sha256').update(sid).digest('base64url');
    for (const key of keys) {
      expect(key).not.toContain(sid);
      expect(key).not.toContain(sha);
      expect(key).toMatch(/^mcd:(rec|lock):session:v2:[\w-]{43}:[\w:-]+$/);
    }
    expect(new Set(keys.map((k) => k.split(':')[4])).size).toBe(1); // one session, one hashed id
    // The session ends: its records go.
    await sessions.endServerSession(sid, 'expire');
    for (const lock of locks) await lock?.release();
    expect(await raw.keys('*')).toEqual([]);
  });

  it('ignore the records of the earlier key scheme: a session stored under it is simply not found', async () => {
    const sid = 'o'.repeat(43);
    const secure = store.getSecureStore();
    const old = `tokens:${createHash('sha256').update(sid).digest('base64url')}`;
    await secure.setJson(old, { tokens: tokenSet(), rotation: 0, createdAt: Date.now() }, 60);
    await secure.setJson(`session:${sid}:activity`, { at: Date.now() }, 60);
    expect(await tokens.getTokenManager().get(sid)).toBeNull();
    expect(await sessions.checkServerSession(sid, Date.now())).toBe('session_expired');
    expect(await secure.getJson(old, z.object({ rotation: z.number() }))).toEqual(
      expect.objectContaining({ rotation: 0 }),
    );
  });
});
