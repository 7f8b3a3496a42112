import { describe, expect, it } from 'vitest';
import { DEFAULT_APP, signIn } from '@/sandbox/server.test-support';
import { refreshTokens, revokeGrant, revokeToken } from './oauth';
import { basic, PATIENT, reasonOf, setUpOAuthSandbox, USER as OAUTH_USER } from './oauth.test-support';

// oauth.ts refresh and revocation against the local Blue Button sandbox over real HTTP. Token values are
// compared, never printed.
const { s, options, eobStatus } = setUpOAuthSandbox();
// A local name, as the names of the `maps %s to %s` tests print their arrange functions' source.
const USER = OAUTH_USER;

describe('refreshTokens', () => {
  it('rotates: new tokens work, the old refresh token is dead (docs/blue-button.md §2.4)', async () => {
    const first = await signIn(s.url, s.control, { username: USER });
    const next = await refreshTokens(first.refresh_token, options);
    expect(next.accessToken !== first.access_token && next.refreshToken !== first.refresh_token).toBe(true);
    expect(next.patient).toBe(PATIENT);
    expect(await eobStatus(next.accessToken)).toBe(200);
    expect(await eobStatus(first.access_token)).toBe(401);
    const [, request] = await s.control.requests('token');
    expect(request?.headers.authorization === basic(DEFAULT_APP.clientId, DEFAULT_APP.clientSecret)).toBe(
      true,
    );
    expect(Object.keys(request?.form ?? {}).sort()).toEqual(['grant_type', 'refresh_token']);
    expect(request?.form?.refresh_token === first.refresh_token).toBe(true);
    await expect(refreshTokens(first.refresh_token, options)).rejects.toMatchObject({
      code: 'reconnect_required',
      reason: 'refresh_reused',
      detail: { operation: 'refresh', upstreamStatus: 400, upstreamCode: 'invalid_grant' },
    });
  });

  it('maps an unknown refresh token ("Refresh token not found.") to refresh_reused', async () => {
    await expect(refreshTokens('neverIssued0000000000000000000', options)).rejects.toMatchObject({
      reason: 'refresh_reused',
      detail: { upstreamCode: 'invalid_request' },
    });
  });

  it.each([
    ['an expired 13-month grant', () => s.control.expireGrant({ user: USER }), 'grant_expired', 401],
    ['a revoked grant', () => s.control.revokeGrant({ user: USER }), 'access_revoked', 403],
    [
      'a ONE_TIME app',
      () => s.control.updateApp(DEFAULT_APP.clientId, { dataAccessType: 'ONE_TIME' }),
      'one_time_app',
      403,
    ],
    [
      'an inactive app',
      () => s.control.updateApp(DEFAULT_APP.clientId, { active: false }),
      'app_inactive',
      403,
    ],
  ])('maps %s to %s', async (_name, arrange, reason, status) => {
    const tokens = await signIn(s.url, s.control, { username: USER });
    await arrange();
    await expect(refreshTokens(tokens.refresh_token, options)).rejects.toMatchObject({
      code: 'reconnect_required',
      reason,
      detail: { upstreamStatus: status },
    });
  });

  it('maps a wrong client secret to invalid_client', async () => {
    const tokens = await signIn(s.url, s.control, { username: USER });
    const wrong = { config: { ...options.config, clientSecret: 'not-the-secret' } };
    expect(await reasonOf(refreshTokens(tokens.refresh_token, wrong))).toBe('invalid_client');
  });

  it.each([
    ['503', { status: 503 }, 'token_unavailable'],
    ['a stall past the timeout', { delayMs: 10_000 }, 'token_unavailable'],
    ['an HTML body', { status: 200, body: '<html></html>', contentType: 'text/html' }, 'token_garbage'],
  ])('maps %s (%j) to %s and never retries the POST', async (_name, step, reason) => {
    const tokens = await signIn(s.url, s.control, { username: USER });
    await s.control.clearRequests();
    await s.control.script('token', step);
    expect(await reasonOf(refreshTokens(tokens.refresh_token, options))).toBe(reason);
    expect(await s.control.count('token')).toBe(1);
  });

  it('returns a null refresh token when the answer has none', async () => {
    const tokens = await signIn(s.url, s.control, { username: USER });
    await s.control.script('token', { omit: ['refresh_token'] });
    const next = await refreshTokens(tokens.refresh_token, options);
    expect(next.refreshToken).toBeNull();
    expect(await eobStatus(next.accessToken)).toBe(200);
  });
});

describe('revocation', () => {
  it('revokes an access token at /revoke_token/, which kills its refresh token; twice is fine', async () => {
    const tokens = await signIn(s.url, s.control, { username: USER });
    await revokeToken(tokens.access_token, options);
    await revokeToken(tokens.access_token, options);
    expect(await eobStatus(tokens.access_token)).toBe(401);
    expect(await reasonOf(refreshTokens(tokens.refresh_token, options))).toBe('refresh_reused');
    const [request] = await s.control.requests('revoke_token');
    expect(request?.headers.authorization === basic(DEFAULT_APP.clientId, DEFAULT_APP.clientSecret)).toBe(
      true,
    );
    expect(request?.form?.token_type_hint).toBe('access_token');
  });

  it('deletes the data access grant at /revoke/ with one Basic-authenticated call (RELIABILITY #41)', async () => {
    const tokens = await signIn(s.url, s.control, { username: USER });
    expect((await s.control.grants()).some((g) => g.patient === PATIENT)).toBe(true);
    await revokeGrant(tokens.access_token, options);
    expect((await s.control.grants()).some((g) => g.patient === PATIENT)).toBe(false);
    const requests = await s.control.requests('revoke');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.authorization === basic(DEFAULT_APP.clientId, DEFAULT_APP.clientSecret)).toBe(
      true,
    );
    expect(requests[0]?.form?.token === tokens.access_token).toBe(true);
    expect(await eobStatus(tokens.access_token)).toBe(401);
    expect(await reasonOf(refreshTokens(tokens.refresh_token, options))).toBe('access_revoked');
  });

  it('reports a revocation the server refuses', async () => {
    const tokens = await signIn(s.url, s.control, { username: USER });
    await s.control.script('revoke', { status: 503 });
    expect(await reasonOf(revokeGrant(tokens.access_token, options))).toBe('token_unavailable');
    const wrong = { config: { ...options.config, clientSecret: 'not-the-secret' } };
    expect(await reasonOf(revokeToken(tokens.access_token, wrong))).toBe('invalid_client');
  });
});
