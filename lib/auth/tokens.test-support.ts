/**
 * Set-up shared by the token manager's integration tests: a sandbox over HTTP whose clock moves together
 * with the managers', managers on secure stores, signed-in users' tokens, and a throw-away Redis where one is
 * needed. Tokens are compared, never printed.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { refreshTokens } from '@/lib/bluebutton/oauth';
import { setUpOAuthSandbox } from '@/lib/bluebutton/oauth.test-support';
import { parseTokenResponse, type TokenSet } from '@/lib/bluebutton/token-set';
import { AppError } from '@/lib/errors';
import { createMemoryStore } from '@/lib/store/memory';
import { startRedisServer, type TestRedisServer } from '@/lib/store/redis-server.test-support';
import { createSecureStore, type SecureStore } from '@/lib/store/secure-store';
import { signIn } from '@/sandbox/server.test-support';
import { createTokenManager, type TokenManager, type TokenManagerOptions } from './tokens';

export const SECRET = 'token-manager-test-secret-of-32-characters-or-more';
export const USER = 'BBUser10060';
export const HOUR = 3_600_000;

/**
 * Starts a sandbox for the calling file's tests (reset before each, with the shared clock back at zero) and
 * gives the set-up the token manager's tests share.
 */
export function setUpTokenManagerSandbox() {
  const { s, options, eobStatus } = setUpOAuthSandbox();
  const { config } = options;
  /** The clock shared by the managers and the sandbox: tests move `offsetMs` forward. */
  const clock = { offsetMs: 0 };
  const now = () => Date.now() + clock.offsetMs;
  beforeEach(() => {
    clock.offsetMs = 0;
  });

  function managerOn(store: SecureStore, overrides: Partial<TokenManagerOptions> = {}) {
    return createTokenManager({
      store,
      refresh: (refreshToken) => refreshTokens(refreshToken, { config, now }),
      refreshOnExpire: true,
      now,
      sessionTtlSeconds: 12 * 3600,
      lockTtlMs: 5_000,
      waitMs: 5_000,
      ...overrides,
    });
  }

  const memoryStore = () => createSecureStore(createMemoryStore(), SECRET);

  /** Signs in at the sandbox, stores the tokens for `sid` and clears the sandbox's counters. */
  async function signedIn(manager: TokenManager, sid: string, patch: Partial<TokenSet> = {}) {
    const raw = await signIn(s.url, s.control, { username: USER });
    const tokens = parseTokenResponse(raw, now());
    if (!tokens) throw new Error('sign-in gave no tokens');
    await manager.save(sid, { ...tokens, ...patch });
    await s.control.clearRequests();
    return tokens;
  }

  /** Moves the managers' clock and the sandbox's past the access token's hour. */
  async function expireAccessTokens() {
    clock.offsetMs += HOUR + 1_000;
    await s.control.advanceClock(3601);
  }

  return { s, config, clock, managerOn, memoryStore, signedIn, expireAccessTokens, eobStatus };
}

/**
 * Starts a throw-away `redis-server` before the calling file's (or `describe` block's) tests and stops it after
 * them. Its `url` can be read once the tests run.
 */
export function setUpRedisServer(): Pick<TestRedisServer, 'url'> {
  let redis: TestRedisServer | undefined;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis?.close());
  return {
    get url() {
      if (!redis) throw new Error('no Redis: setUpRedisServer() starts it before the tests only');
      return redis.url;
    },
  };
}

/**
 * `reconnect:<reason>` (`reconnect_required`), `unavailable:<reason>` (`medicare_unavailable`, e.g. the token
 * endpoint down), `resolved`, or a description of whatever else happened.
 */
export const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: unknown) =>
      e instanceof AppError && e.code === 'reconnect_required'
        ? `reconnect:${e.reason}`
        : e instanceof AppError && e.code === 'medicare_unavailable'
          ? `unavailable:${e.reason}`
          : `threw ${(e as Error).name}${e instanceof AppError ? ` ${e.code}` : ''}`,
  );
