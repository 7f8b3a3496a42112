import { describe, expect, it } from 'vitest';
import { refreshTokens } from '@/lib/bluebutton/oauth';
import { DEFAULT_APP } from '@/sandbox/server.test-support';
import { HOUR, reasonOf, USER, setUpTokenManagerSandbox } from './tokens.test-support';

// Refresh failures of the token manager, against the sandbox over HTTP. Tokens are compared, never printed.
const { s, config, clock, managerOn, memoryStore, signedIn, expireAccessTokens, eobStatus } =
  setUpTokenManagerSandbox();

describe('terminal and transient refresh failures', () => {
  it('a reused refresh token marks the record and stops further calls (RELIABILITY #20)', async () => {
    const manager = managerOn(memoryStore());
    const tokens = await signedIn(manager, 'reused');
    await refreshTokens(tokens.refreshToken ?? '', { config }); // rotated elsewhere, answer lost
    await s.control.clearRequests();
    await expireAccessTokens();
    expect(await reasonOf(manager.getAccessToken('reused'))).toBe('reconnect:refresh_reused');
    expect((await manager.get('reused'))?.needsReconnect).toBe('refresh_reused');
    for (let load = 0; load < 3; load++) {
      expect(await reasonOf(manager.getAccessToken('reused'))).toBe('reconnect:refresh_reused');
      expect(await reasonOf(manager.replaceAfterUnauthorized('reused', tokens.accessToken))).toBe(
        'reconnect:refresh_reused',
      );
    }
    expect(await s.control.count('token')).toBe(1);
  });

  it.each([
    [
      'an expired 13-month grant (RELIABILITY #21)',
      'grant_expired',
      () => s.control.expireGrant({ user: USER }),
    ],
    ['a revoked grant', 'access_revoked', () => s.control.revokeGrant({ user: USER })],
    [
      'a ONE_TIME app',
      'one_time_app',
      () => s.control.updateApp(DEFAULT_APP.clientId, { dataAccessType: 'ONE_TIME' }),
    ],
    ['an inactive app', 'app_inactive', () => s.control.updateApp(DEFAULT_APP.clientId, { active: false })],
  ])('%s → %s, marked, one token call', async (_name, reason, arrange) => {
    const manager = managerOn(memoryStore());
    await signedIn(manager, 'terminal');
    await arrange();
    await expireAccessTokens();
    expect(await reasonOf(manager.getAccessToken('terminal'))).toBe(`reconnect:${reason}`);
    expect((await manager.get('terminal'))?.needsReconnect).toBe(reason);
    expect(await reasonOf(manager.getAccessToken('terminal'))).toBe(`reconnect:${reason}`);
    expect(await s.control.count('token')).toBe(1);
  });

  it.each([
    ['503', 'token_unavailable', { status: 503 }],
    ['a stall past the timeout', 'token_unavailable', { delayMs: 10_000 }],
    ['garbage', 'token_garbage', { status: 200, body: '<html></html>', contentType: 'text/html' }],
  ])(
    'the token endpoint answering %s → %s, one POST, record kept (RELIABILITY #23)',
    async (_n, reason, step) => {
      const manager = managerOn(memoryStore());
      const tokens = await signedIn(manager, 'transient');
      await expireAccessTokens();
      await s.control.script('token', step);
      expect(await reasonOf(manager.getAccessToken('transient'))).toBe(`unavailable:${reason}`);
      expect(await s.control.count('token')).toBe(1);
      const record = await manager.get('transient');
      expect(record?.needsReconnect).toBeUndefined();
      expect(record?.tokens.refreshToken === tokens.refreshToken).toBe(true);
    },
  );

  it('recovers on the next request once the token endpoint is back (RELIABILITY #23)', async () => {
    const manager = managerOn(memoryStore());
    await signedIn(manager, 'recovers');
    await expireAccessTokens();
    await s.control.script('token', { status: 503 });
    expect(await reasonOf(manager.getAccessToken('recovers'))).toBe('unavailable:token_unavailable');
    const token = await manager.getAccessToken('recovers');
    expect(await eobStatus(token)).toBe(200);
    expect(await s.control.count('token')).toBe(2);
  });
});

describe('no refresh possible', () => {
  it('without a refresh token: token_expired at expiry, no token call (RELIABILITY #25)', async () => {
    const manager = managerOn(memoryStore());
    await signedIn(manager, 'one-hour', { refreshToken: null });
    clock.offsetMs += HOUR - 30_000; // inside the skew: still usable, cannot be renewed
    expect(await reasonOf(manager.getAccessToken('one-hour'))).toBe('resolved');
    clock.offsetMs += 31_000;
    expect(await reasonOf(manager.getAccessToken('one-hour'))).toBe('reconnect:token_expired');
    expect(await s.control.count('token')).toBe(0);
  });

  it('with refreshOnExpire false: token_expired, no token call, also after a 401', async () => {
    const manager = managerOn(memoryStore(), { refreshOnExpire: false });
    const tokens = await signedIn(manager, 'no-refresh');
    expect(await reasonOf(manager.replaceAfterUnauthorized('no-refresh', tokens.accessToken))).toBe(
      'reconnect:token_expired',
    );
    await expireAccessTokens();
    expect(await reasonOf(manager.getAccessToken('no-refresh'))).toBe('reconnect:token_expired');
    expect(await s.control.count('token')).toBe(0);
  });

  it('an unknown session, a deleted one, or one past its absolute lifetime: session_expired (RELIABILITY #26)', async () => {
    const manager = managerOn(memoryStore(), { sessionTtlSeconds: 2 * 3600 });
    expect(await reasonOf(manager.getAccessToken('nobody'))).toBe('reconnect:session_expired');
    await signedIn(manager, 'gone');
    await manager.delete('gone');
    expect(await manager.get('gone')).toBeNull();
    expect(await reasonOf(manager.getAccessToken('gone'))).toBe('reconnect:session_expired');
    await signedIn(manager, 'old');
    clock.offsetMs += 2 * HOUR;
    expect(await manager.get('old')).toBeNull();
    expect(await reasonOf(manager.getAccessToken('old'))).toBe('reconnect:session_expired');
  });
});
