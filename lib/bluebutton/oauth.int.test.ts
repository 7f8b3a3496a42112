import { describe, expect, it } from 'vitest';
import { authorizeUrl, DEFAULT_APP, pkce } from '@/sandbox/server.test-support';
import { REQUESTED_SCOPES } from './endpoints';
import { exchangeCode, fetchUserinfo, revokeToken } from './oauth';
import { basic, PATIENT, reasonOf, USER, setUpOAuthSandbox } from './oauth.test-support';

// oauth.ts code exchange and userinfo against the local Blue Button sandbox over real HTTP. Token values are
// compared, never printed.
const REDIRECT = DEFAULT_APP.redirectUris[0] ?? '';
const { s, options, eobStatus } = setUpOAuthSandbox();

/** Signs in at the sandbox without exchanging the code. */
async function authorize(shareDemographics = true) {
  const { verifier, challenge, state } = pkce();
  const url = authorizeUrl(s.url, { state, challenge, scope: REQUESTED_SCOPES.join(' ') });
  const approved = await s.control.approve(url, { username: USER, shareDemographics });
  if (!approved.code) throw new Error(`no code: ${approved.error}`);
  return { code: approved.code, codeVerifier: verifier, redirectUri: REDIRECT };
}

describe('exchangeCode', () => {
  it('exchanges a code with Basic auth and a form body, and the tokens work (RELIABILITY #3)', async () => {
    const params = await authorize();
    const tokens = await exchangeCode(params, options);
    expect(tokens.patient).toBe(PATIENT);
    expect(tokens.refreshToken).toMatch(/^\w{30}$/);
    expect(tokens.scopes).toEqual(expect.arrayContaining(['profile', 'patient/ExplanationOfBenefit.rs']));
    expect(tokens.expiresAt).toBeGreaterThan(Date.now() + 3_500_000);
    expect(tokens.grantExpiresAt).toBeGreaterThan(Date.now() + 365 * 86_400_000);
    expect(await eobStatus(tokens.accessToken)).toBe(200);

    const [request, ...more] = await s.control.requests('token');
    expect(more).toHaveLength(0);
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.headers.authorization === basic(DEFAULT_APP.clientId, DEFAULT_APP.clientSecret)).toBe(
      true,
    );
    const form = request?.form ?? {};
    expect(Object.keys(form).sort()).toEqual(['code', 'code_verifier', 'grant_type', 'redirect_uri']);
    expect(form.grant_type).toBe('authorization_code');
    expect(form.redirect_uri).toBe(REDIRECT);
    expect(form.code === params.code && form.code_verifier === params.codeVerifier).toBe(true);
  });

  it('maps a replayed or expired code to callback_replay (RELIABILITY #8)', async () => {
    const params = await authorize();
    await exchangeCode(params, options);
    const replay = exchangeCode(params, options);
    await expect(replay).rejects.toMatchObject({
      reason: 'callback_replay',
      detail: { operation: 'exchange', upstreamStatus: 400, upstreamCode: 'invalid_grant' },
    });
    const late = await authorize();
    await s.control.advanceClock(61);
    expect(await reasonOf(exchangeCode(late, options))).toBe('callback_replay');
    expect(await s.control.count('token')).toBe(3);
  });

  it('maps PKCE failures; a bare invalid_grant cannot be told apart from a reused code (RELIABILITY #7)', async () => {
    const injected = await authorize();
    const other = pkce().verifier;
    expect(await reasonOf(exchangeCode({ ...injected, codeVerifier: other }, options))).toBe(
      'callback_replay',
    );
    expect(await s.control.count('token')).toBe(1);
    await s.control.script('token', [
      { status: 400, json: { error: 'invalid_request', error_description: 'Code verifier required.' } },
      { status: 400, json: { error: null, error_description: 'code_challenge does not match' } },
    ]);
    expect(await reasonOf(exchangeCode(await authorize(), options))).toBe('pkce_mismatch');
    expect(await reasonOf(exchangeCode(await authorize(), options))).toBe('pkce_mismatch');
  });

  it.each([
    [
      '500',
      { status: 500, body: '<h1>Server Error (500)</h1>', contentType: 'text/html' },
      'token_unavailable',
    ],
    ['503', { status: 503 }, 'token_unavailable'],
    ['a stall past the timeout', { delayMs: 10_000 }, 'token_unavailable'],
    ['a dropped connection', { drop: 'before' as const }, 'token_unavailable'],
    ['body {', { status: 200, body: '{' }, 'token_garbage'],
    ['body null', { status: 200, body: 'null' }, 'token_garbage'],
    ['200 without access_token', { omit: ['access_token'] }, 'token_garbage'],
    ['token_type mac', { patch: { token_type: 'mac' } }, 'token_garbage'],
    ['401 invalid_client', { status: 401, json: { error: 'invalid_client' } }, 'invalid_client'],
  ])('maps %s (%j) to %s with exactly one token call (RELIABILITY #12)', async (_name, step, reason) => {
    const params = await authorize();
    await s.control.script('token', step);
    expect(await reasonOf(exchangeCode(params, options))).toBe(reason);
    expect(await s.control.count('token')).toBe(1);
  });

  it('maps a wrong secret, an unknown client and an inactive app', async () => {
    const wrongSecret = { config: { ...options.config, clientSecret: 'not-the-secret' } };
    await expect(exchangeCode(await authorize(), wrongSecret)).rejects.toMatchObject({
      code: 'reconnect_required',
      reason: 'invalid_client',
      detail: { upstreamStatus: 401 },
    });
    const unknown = { config: { ...options.config, clientId: 'unknownClient000000000000000000000000000' } };
    expect(await reasonOf(exchangeCode(await authorize(), unknown))).toBe('invalid_client');
    const params = await authorize();
    await s.control.updateApp(DEFAULT_APP.clientId, { active: false });
    await expect(exchangeCode(params, options)).rejects.toMatchObject({
      code: 'reconnect_required',
      reason: 'app_inactive',
      detail: { upstreamStatus: 403 },
    });
  });

  it('lets the caller cancel: the abort reason is thrown, not a Blue Button error', async () => {
    const params = await authorize();
    await s.control.script('token', { delayMs: 10_000 });
    const controller = new AbortController();
    const pending = exchangeCode(params, { ...options, signal: controller.signal });
    controller.abort(new Error('caller went away'));
    await expect(pending).rejects.toThrow('caller went away');
  });
});

describe('fetchUserinfo', () => {
  it('returns the profile when demographics were shared', async () => {
    const tokens = await exchangeCode(await authorize(true), options);
    const info = await fetchUserinfo(tokens.accessToken, options);
    if ('declined' in info) throw new Error('expected a profile');
    expect(info.sub).toBe(PATIENT);
    expect(info.name).toBe(`${info.givenName} ${info.familyName}`);
    expect(info.email).toMatch(/@/);
    const [request] = await s.control.requests('userinfo');
    expect(request?.headers.authorization === `Bearer ${tokens.accessToken}`).toBe(true);
  });

  it('returns { declined: true } on the 403 of withheld demographics (RELIABILITY #13)', async () => {
    const tokens = await exchangeCode(await authorize(false), options);
    expect(tokens.scopes).not.toContain('profile');
    expect(await fetchUserinfo(tokens.accessToken, options)).toEqual({ declined: true });
  });

  it('maps a dead token, a timed-out grant and garbage', async () => {
    const tokens = await exchangeCode(await authorize(true), options);
    await s.control.script('userinfo', { status: 200, body: '{' });
    expect(await reasonOf(fetchUserinfo(tokens.accessToken, options))).toBe('token_garbage');
    await s.control.expireGrant({ user: USER });
    expect(await reasonOf(fetchUserinfo(tokens.accessToken, options))).toBe('grant_expired');
    await revokeToken(tokens.accessToken, options);
    expect(await reasonOf(fetchUserinfo(tokens.accessToken, options))).toBe('token_expired');
  });
});
