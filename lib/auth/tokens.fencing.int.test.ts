import { describe, expect, it } from 'vitest';
import { refreshTokens } from '@/lib/bluebutton/oauth';
import type { TokenSet } from '@/lib/bluebutton/token-set';
import { createRedisStore } from '@/lib/store/redis';
import { createSecureStore, type SecureStore } from '@/lib/store/secure-store';
import { reasonOf, SECRET, setUpRedisServer, setUpTokenManagerSandbox } from './tokens.test-support';
import { createTokenManager, revokeTokenSet, tokenRecordKey, type TokenManagerOptions } from './tokens';

// Refresh fencing (docs/sessions.md, "Refresh fencing"): the refresh lock can expire under a stalled holder,
// so every write of a token record is a compare-and-set on the record as read. Against a real redis-server,
// each manager on its own connection as on separate instances. Tokens are compared, never printed.
const { s, config, clock, managerOn, signedIn, expireAccessTokens, eobStatus } = setUpTokenManagerSandbox();
const redis = setUpRedisServer();

let prefixes = 0;
/** Secure stores on one fresh key prefix of the shared Redis, one connection each; closed by `close`. */
function redisStores(count: number) {
  const prefix = `fence-${++prefixes}:`;
  const kvs = Array.from({ length: count }, () => createRedisStore({ url: redis.url, keyPrefix: prefix }));
  return {
    stores: kvs.map((kv) => createSecureStore(kv, SECRET)),
    close: () => Promise.all(kvs.map((kv) => kv.close())),
  };
}

/** A promise with its resolve function. */
function signal<T = void>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const fakeTokens = (name: string, expiresAt = Date.now() + 3_600_000): TokenSet => ({
  accessToken: `${name}-access-token-0123456789`,
  refreshToken: `${name}-refresh-token-0123456789`,
  expiresAt,
  scopes: ['patient/ExplanationOfBenefit.rs'],
  patient: '-10000000010060',
  grantExpiresAt: null,
});

describe('a holder whose lock expired', () => {
  // Guards the unfenced write: the stalled holder used to check only that a record existed, then overwrote
  // the newer tokens (rotation 1 from another instance) with its own. Blue Button rotates on every refresh,
  // but an answer without a refresh token keeps the previous one (docs/reliability.md #24), so two refreshes
  // can both succeed; the fence must hold whatever the server does.
  it('cannot overwrite newer tokens: its write fails, it returns the newer ones and revokes its own', async () => {
    const { stores, close } = redisStores(2);
    try {
      const newerWritten = signal();
      const discarded: TokenSet[] = [];
      const base: Omit<TokenManagerOptions, 'store' | 'refresh'> = {
        refreshOnExpire: true,
        sessionTtlSeconds: 3600,
        lockTtlMs: 100,
        waitMs: 2_000,
        discard: async (tokens) => void discarded.push(tokens),
      };
      const stalled = createTokenManager({
        ...base,
        store: stores[0]!,
        refresh: async () => {
          await newerWritten.promise; // answered only after the lock expired and the other instance wrote
          return fakeTokens('stale');
        },
      });
      const other = createTokenManager({
        ...base,
        store: stores[1]!,
        refresh: async () => fakeTokens('newer'),
      });
      await stalled.save('sid', fakeTokens('first', Date.now() - 1_000));
      const stalledCall = stalled.getAccessToken('sid');
      await sleep(250); // the stalled holder's lock has expired
      expect(await other.getAccessToken('sid')).toBe(fakeTokens('newer').accessToken);
      newerWritten.resolve();
      expect(await stalledCall).toBe(fakeTokens('newer').accessToken);
      const record = await other.get('sid');
      expect(record?.tokens.accessToken).toBe(fakeTokens('newer').accessToken);
      expect(record?.rotation).toBe(1);
      expect(discarded.map((t) => t.accessToken)).toEqual([fakeTokens('stale').accessToken]);
    } finally {
      await close();
    }
  });

  it('signed out while refreshing: the session stays ended and the tokens it got are revoked at Medicare', async () => {
    const { stores, close } = redisStores(1);
    try {
      const discarded: TokenSet[] = [];
      const manager = managerOn(stores[0]!, {
        discard: async (tokens) => {
          discarded.push(tokens);
          await revokeTokenSet(tokens, { config });
        },
      });
      await signedIn(manager, 'leaving');
      await expireAccessTokens();
      await s.control.setLatency(300, 'token');
      const refreshing = reasonOf(manager.getAccessToken('leaving'));
      await sleep(100);
      await manager.delete('leaving'); // signed out in another tab
      expect(await refreshing).toBe('reconnect:session_expired');
      expect(await manager.get('leaving')).toBeNull();
      expect(discarded).toHaveLength(1);
      expect(await s.control.count('revoke_token')).toBe(1);
      expect(await eobStatus(discarded[0]!.accessToken)).toBe(401);
      const reuse = await reasonOf(refreshTokens(discarded[0]!.refreshToken ?? '', { config }));
      expect(reuse).toBe('reconnect:refresh_reused');
    } finally {
      await close();
    }
  });
});

describe('the loser of a refresh race', () => {
  // Guards the unfenced mark: the loser checked for the winner's tokens, found none yet, and then wrote its
  // "needs reconnect" mark over the winner's record that had landed in between, logging a good session out.
  it('cannot mark a good session for reconnect when the winner writes between its check and its mark', async () => {
    const { stores, close } = redisStores(2);
    try {
      const releaseWinner = signal();
      const winnerWrote = signal();
      const key = tokenRecordKey('race');
      const [loserInner, winnerInner] = stores as [SecureStore, SecureStore];
      let armed = false;
      // The winner's write is held until the loser has read the record after its failed refresh.
      const winnerStore: SecureStore = {
        ...winnerInner,
        async setJsonIf(k, value, ttl, stamp) {
          if (stamp !== null) await releaseWinner.promise; // not the sign-in's first write
          const written = await winnerInner.setJsonIf(k, value, ttl, stamp);
          winnerWrote.resolve();
          return written;
        },
      };
      const loserStore: SecureStore = {
        ...loserInner,
        async getJsonStamped(k, schema) {
          const read = await loserInner.getJsonStamped(k, schema);
          if (armed && k === key) {
            armed = false;
            releaseWinner.resolve();
            await winnerWrote.promise; // the winner's tokens land right after this (stale) read
          }
          return read;
        },
      };
      const refresh = (rt: string) => refreshTokens(rt, { config, now: () => Date.now() + clock.offsetMs });
      const winner = managerOn(winnerStore, { lockTtlMs: 50 });
      const loser = managerOn(loserStore, {
        lockTtlMs: 50,
        waitMs: 1, // no grace: the mark is attempted on the first read after the failure
        refresh: (rt) => refresh(rt).finally(() => (armed = true)),
      });
      await signedIn(winner, 'race');
      await expireAccessTokens();
      const winnerCall = winner.getAccessToken('race');
      for (let i = 0; i < 100 && (await s.control.count('token')) < 1; i++) await sleep(10);
      await sleep(100); // the winner has rotated at Medicare and its lock has expired; its write is pending
      const loserToken = await loser.getAccessToken('race');
      const winnerToken = await winnerCall;
      expect(loserToken).toBe(winnerToken);
      expect((await s.control.requests('token')).map((r) => r.status)).toEqual([200, 400]);
      const record = await winner.get('race');
      expect(record?.needsReconnect).toBeUndefined();
      expect(record?.rotation).toBe(1);
      expect(record?.tokens.accessToken).toBe(winnerToken);
      expect(await eobStatus(winnerToken)).toBe(200);
    } finally {
      await close();
    }
  });

  it('whose mark landed first is superseded by the winner’s tokens, which are not revoked', async () => {
    const { stores, close } = redisStores(2);
    try {
      const releaseWinner = signal();
      const [winnerInner, loserStore] = stores as [SecureStore, SecureStore];
      const winnerStore: SecureStore = {
        ...winnerInner,
        async setJsonIf(k, value, ttl, stamp) {
          if (stamp !== null) await releaseWinner.promise; // stalled between Medicare's answer and the write
          return winnerInner.setJsonIf(k, value, ttl, stamp);
        },
      };
      const discarded: TokenSet[] = [];
      const winner = managerOn(winnerStore, {
        lockTtlMs: 50,
        discard: async (t) => void discarded.push(t),
      });
      const loser = managerOn(loserStore, { lockTtlMs: 50, waitMs: 200 });
      await signedIn(winner, 'late');
      await expireAccessTokens();
      const winnerCall = winner.getAccessToken('late');
      for (let i = 0; i < 100 && (await s.control.count('token')) < 1; i++) await sleep(10);
      await sleep(100);
      expect(await reasonOf(loser.getAccessToken('late'))).toBe('reconnect:refresh_reused');
      expect((await loser.get('late'))?.needsReconnect).toBe('refresh_reused');
      releaseWinner.resolve();
      const token = await winnerCall;
      const record = await loser.get('late');
      expect(record?.needsReconnect).toBeUndefined();
      expect(record?.tokens.accessToken).toBe(token);
      expect(discarded).toEqual([]);
      expect(await eobStatus(token)).toBe(200);
    } finally {
      await close();
    }
  });
});

describe('saving a new session', () => {
  it('never replaces an existing record', async () => {
    const { stores, close } = redisStores(1);
    try {
      const manager = managerOn(stores[0]!);
      await manager.save('once', fakeTokens('one'));
      await expect(manager.save('once', fakeTokens('two'))).rejects.toThrow(Error);
      expect((await manager.get('once'))?.tokens.accessToken).toBe(fakeTokens('one').accessToken);
    } finally {
      await close();
    }
  });
});
