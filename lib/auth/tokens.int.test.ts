import { describe, expect, it } from 'vitest';
import { refreshTokens } from '@/lib/bluebutton/oauth';
import { AppError } from '@/lib/errors';
import { createMemoryStore } from '@/lib/store/memory';
import { createRedisStore } from '@/lib/store/redis';
import { createSecureStore } from '@/lib/store/secure-store';
import { reasonOf, SECRET, USER, setUpRedisServer, setUpTokenManagerSandbox } from './tokens.test-support';
import { tokenRecordKey } from './tokens';

// The token manager against the sandbox over HTTP and real stores. Tokens are compared, never printed.
const { s, config, clock, managerOn, memoryStore, signedIn, expireAccessTokens, eobStatus } =
  setUpTokenManagerSandbox();
const redis = setUpRedisServer();

describe('getAccessToken', () => {
  it('returns a fresh token without calling Blue Button', async () => {
    const manager = managerOn(memoryStore());
    const tokens = await signedIn(manager, 'fresh');
    expect((await manager.getAccessToken('fresh')) === tokens.accessToken).toBe(true);
    expect(await s.control.count('token')).toBe(0);
  });

  it('10 concurrent calls with an expired token make one refresh and share its token (RELIABILITY #17)', async () => {
    const manager = managerOn(memoryStore());
    const old = await signedIn(manager, 'concurrent');
    await expireAccessTokens();
    expect(await eobStatus(old.accessToken)).toBe(401);
    const tokens = await Promise.all(Array.from({ length: 10 }, () => manager.getAccessToken('concurrent')));
    expect(await s.control.count('token')).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0] !== old.accessToken).toBe(true);
    expect(await eobStatus(tokens[0] ?? '')).toBe(200);
    const record = await manager.get('concurrent');
    expect(record?.rotation).toBe(1);
    expect(record?.tokens.accessToken === tokens[0]).toBe(true);
    expect(await reasonOf(refreshTokens(old.refreshToken ?? '', { config }))).toBe(
      'reconnect:refresh_reused',
    );
  });

  it('two managers sharing one Redis make one refresh for 20 concurrent calls (RELIABILITY #18, in-process)', async () => {
    const kv = [1, 2].map(() => createRedisStore({ url: redis.url, keyPrefix: 'tm-shared:' }));
    try {
      const [a, b] = kv.map((k) => managerOn(createSecureStore(k, SECRET)));
      if (!a || !b) throw new Error('two managers expected');
      await signedIn(a, 'shared');
      await expireAccessTokens();
      const tokens = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).getAccessToken('shared')),
      );
      expect(await s.control.count('token')).toBe(1);
      expect(new Set(tokens).size).toBe(1);
      expect(await eobStatus(tokens[0] ?? '')).toBe(200);
    } finally {
      await Promise.all(kv.map((k) => k.close()));
    }
  });

  it('refreshes before expiry (at half-life for short tokens), once per load, persisting each rotation (RELIABILITY #16)', async () => {
    await s.control.setAccessTokenLifetime(30);
    const manager = managerOn(memoryStore());
    const first = await signedIn(manager, 'proactive');
    const seen = [first.accessToken];
    // Past half of the 30-second lifetime, each load refreshes once; a token just issued is used as is.
    expect(await manager.getAccessToken('proactive')).toBe(first.accessToken);
    expect(await s.control.count('token')).toBe(0);
    for (let load = 1; load <= 3; load++) {
      clock.offsetMs += 16_000;
      const token = await manager.getAccessToken('proactive');
      expect(await s.control.count('token')).toBe(load);
      expect(seen.includes(token)).toBe(false);
      seen.push(token);
      expect(await eobStatus(token)).toBe(200);
      expect((await manager.get('proactive'))?.rotation).toBe(load);
    }
    expect(await reasonOf(refreshTokens(first.refreshToken ?? '', { config }))).toBe(
      'reconnect:refresh_reused',
    );
  });

  it('keeps the previous refresh token when the answer has none (RELIABILITY #24)', async () => {
    const manager = managerOn(memoryStore());
    const old = await signedIn(manager, 'no-rt');
    await expireAccessTokens();
    await s.control.script('token', { omit: ['refresh_token'] });
    const token = await manager.getAccessToken('no-rt');
    const record = await manager.get('no-rt');
    expect(record?.tokens.refreshToken === old.refreshToken).toBe(true);
    expect(record?.tokens.accessToken === token).toBe(true);
    expect(record?.tokens.scopes).toEqual(old.scopes);
  });
});

describe('races and locks', () => {
  it('the loser of a refresh race re-reads the winner’s tokens instead of failing (RELIABILITY #19)', async () => {
    const store = createSecureStore(createMemoryStore(), SECRET);
    // A lock that expires at once lets both managers refresh; the slow token endpoint keeps both in flight.
    const [a, b] = [managerOn(store, { lockTtlMs: 1 }), managerOn(store, { lockTtlMs: 1 })];
    await signedIn(a, 'race');
    await expireAccessTokens();
    await s.control.setLatency(300, 'token');
    const [ta, tb] = await Promise.all([a.getAccessToken('race'), b.getAccessToken('race')]);
    const calls = await s.control.requests('token');
    expect(calls.map((c) => c.status).sort()).toEqual([200, 400]);
    expect(ta === tb).toBe(true);
    const record = await a.get('race');
    expect(record?.needsReconnect).toBeUndefined();
    expect(record?.tokens.accessToken === ta).toBe(true);
    expect(await eobStatus(ta)).toBe(200);
  });

  it('waits out the lock of a holder that died, then refreshes', async () => {
    const store = memoryStore();
    const manager = managerOn(store);
    await signedIn(manager, 'dead-holder');
    await expireAccessTokens();
    expect(await store.tryLock(tokenRecordKey('dead-holder'), 300)).not.toBeNull(); // never released
    const token = await manager.getAccessToken('dead-holder');
    expect(await s.control.count('token')).toBe(1);
    expect(await eobStatus(token)).toBe(200);
  });

  it('gives up waiting with a typed error, or when the caller aborts, without calling Blue Button', async () => {
    const store = memoryStore();
    const manager = managerOn(store, { waitMs: 200 });
    await signedIn(manager, 'held');
    await expireAccessTokens();
    const lock = await store.tryLock(tokenRecordKey('held'), 60_000);
    await expect(manager.getAccessToken('held')).rejects.toMatchObject({
      code: 'medicare_unavailable',
      reason: 'token_unavailable',
      detail: { fault: 'wait_timeout' },
    });
    const controller = new AbortController();
    const pending = managerOn(store, { waitMs: 1_000 }).getAccessToken('held', controller.signal);
    setTimeout(() => controller.abort(new Error('request cancelled')), 50);
    await expect(pending).rejects.toThrow('request cancelled');
    expect(lock).not.toBeNull(); // still held: the abandoned wait ends by itself, without a token call
    expect(await s.control.count('token')).toBe(0);
  });
  it('callers waiting on another instance’s failed refresh fail with it instead of posting again (RELIABILITY #23)', async () => {
    const store = memoryStore();
    const [a, b] = [managerOn(store), managerOn(store)];
    const tokens = await signedIn(a, 'failed-elsewhere');
    await expireAccessTokens();
    await s.control.script('token', { status: 503, delayMs: 300 });
    const [first, second] = await Promise.all([
      a.getAccessToken('failed-elsewhere').catch((e: unknown) => e),
      b.getAccessToken('failed-elsewhere').catch((e: unknown) => e),
    ]);
    const errors = [first, second];
    // One request made the refresh POST (its failure names the call); the other waited and fails with it.
    const poster = errors.find((e) => e instanceof AppError && e.detail.operation === 'refresh');
    expect(poster).toMatchObject({ code: 'medicare_unavailable', reason: 'token_unavailable' });
    const waiter = errors.find((e) => e instanceof AppError && e.detail.fault === 'failed_elsewhere');
    expect(waiter).toMatchObject({ code: 'medicare_unavailable', reason: 'token_unavailable' });
    expect(poster).not.toBe(waiter);
    expect(await s.control.count('token')).toBe(1);
    const record = await a.get('failed-elsewhere');
    expect(record?.needsReconnect).toBeUndefined();
    expect(record?.tokens.refreshToken === tokens.refreshToken).toBe(true);
    // A later request is not held back by the earlier failure.
    expect(await eobStatus(await b.getAccessToken('failed-elsewhere'))).toBe(200);
    expect(await s.control.count('token')).toBe(2);
  });
});

describe('replaceAfterUnauthorized', () => {
  it('refreshes after a 401 for the current token (clock skew), then hands others the new token', async () => {
    const manager = managerOn(memoryStore());
    const old = await signedIn(manager, 'skew');
    await s.control.advanceClock(3601); // expired at Blue Button, not by our clock
    expect(await eobStatus(old.accessToken)).toBe(401);
    const token = await manager.replaceAfterUnauthorized('skew', old.accessToken);
    expect(await eobStatus(token)).toBe(200);
    expect((await manager.replaceAfterUnauthorized('skew', old.accessToken)) === token).toBe(true);
    expect(await s.control.count('token')).toBe(1);
  });

  it('a grant revoked at Medicare.gov: one refresh attempt, then access_revoked (RELIABILITY #22)', async () => {
    const manager = managerOn(memoryStore());
    const tokens = await signedIn(manager, 'revoked');
    await s.control.revokeGrant({ user: USER });
    expect(await eobStatus(tokens.accessToken)).toBe(401);
    expect(await reasonOf(manager.replaceAfterUnauthorized('revoked', tokens.accessToken))).toBe(
      'reconnect:access_revoked',
    );
    expect(await s.control.count('token')).toBe(1);
    expect(await s.control.count('eob')).toBe(1);
    expect((await manager.get('revoked'))?.needsReconnect).toBe('access_revoked');
  });
});
