import { describe, expect, it } from 'vitest';
import {
  BASE,
  CLIENT_ID,
  REDIRECT,
  SECRET,
  basic,
  bearer,
  codeFor,
  get,
  makeSandbox,
  postForm,
  tokensFor,
} from '../harness.test-support';
import { authorizeUrl, pkce } from '../server.test-support';

// The OAuth error rows of docs/blue-button.md §2 and §3, each with its exact status and body bytes. Expected
// texts are copied from docs/blue-button.md, not from the sandbox's own message constants. BB2's own errors
// are Django `JsonResponse`s (Python `json.dumps`, `", "` and `": "`), oauthlib's are `{"error": …}`, and
// resource-endpoint errors are DRF's compact JSON.

type Sb = ReturnType<typeof makeSandbox>;

async function answer(r: Response) {
  return { status: r.status, body: await r.text() };
}

const JSON_TYPE = 'application/json';
const RENEW = 'To refresh Medicare data, end user must re-authenticate and consent to share their data.';
const TIMED_OUT = `User access has timed out. ${RENEW}`;
const NOT_FOUND_GRANT = `User access cannot be found. ${RENEW}`;
const ONE_TIME = `Your application is not allowed to refresh tokens. ${RENEW} If your application needs to refresh tokens, contact us at BlueButtonAPI@cms.hhs.gov.`;
const INACTIVE =
  'This application, Medicare Claims Dashboard (local), is temporarily inactive. If you are the app maintainer, please contact the Blue Button API team. If you are a Medicare Beneficiary and need assistance, please contact the support team for the application you are trying to access.';
const INVALID_GRANT = { status: 400, body: '{"error": "invalid_grant"}' };
const REFRESH_NOT_FOUND = {
  status: 400,
  body: '{"status_code": 400, "error": "invalid_request", "error_description": "Refresh token not found."}',
};

const refresh = (sb: Sb, token: string, extra: Record<string, string> = {}) =>
  postForm(
    sb,
    '/v2/o/token/',
    { grant_type: 'refresh_token', refresh_token: token, client_id: CLIENT_ID, ...extra },
    { authorization: basic() },
  );
const exchange = (sb: Sb, code: string, verifier: string, headers = { authorization: basic() }) =>
  postForm(
    sb,
    '/v2/o/token/',
    { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier },
    headers,
  );

describe('docs/blue-button.md §2.1 /authorize errors', () => {
  const sb = makeSandbox();
  const { challenge, state } = pkce();
  const valid: Record<string, string> = {
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT,
    response_type: 'code',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };
  const without = (...names: string[]) =>
    `/v2/o/authorize/?${new URLSearchParams(Object.entries(valid).filter(([k]) => !names.includes(k)))}`;
  const withParams = (extra: Record<string, string>) =>
    `/v2/o/authorize/?${new URLSearchParams({ ...valid, ...extra })}`;

  it.each([
    [
      'missing PKCE and state parameters',
      without('code_challenge', 'code_challenge_method', 'state'),
      '{"status_code": 400, "message": "Missing Required Parameter(s): code_challenge, code_challenge_method, state"}',
    ],
    [
      'a missing state only',
      without('state'),
      '{"status_code": 400, "message": "Missing Required Parameter(s): state"}',
    ],
    [
      'a method other than S256',
      withParams({ code_challenge_method: 'plain' }),
      '{"status_code": 400, "error": "invalid_request", "error_description": "code_challenge_method must be S256"}',
    ],
    [
      'a state under 16 characters',
      withParams({ state: 'fifteen-chars15' }),
      '{"status_code": 400, "message": "State parameter should have a minimum of 16 characters"}',
    ],
  ])('%s: 400 JSON', async (_, path, body) => {
    const r = await get(sb, path);
    expect(r.headers.get('content-type')).toBe(JSON_TYPE);
    expect(await answer(r)).toEqual({ status: 400, body });
  });

  it('client_secret on /authorize: 400 text/plain', async () => {
    const r = await get(sb, withParams({ client_secret: SECRET }));
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await answer(r)).toEqual({
      status: 400,
      body: 'Illegal query parameter [client_secret] detected',
    });
  });

  it('a POST without state in the body: 401 JSON', async () => {
    const { state: _state, ...rest } = valid;
    const r = await postForm(sb, '/v2/o/authorize/', rest);
    expect(await answer(r)).toEqual({
      status: 401,
      body: '{"status_code": 401, "message": "State required in POST body."}',
    });
  });

  it('an inactive app: 403 HTML page naming the app', async () => {
    const inactive = makeSandbox();
    await inactive.control.updateApp(CLIENT_ID, { active: false });
    const r = await get(inactive, withParams({}));
    expect(r.status).toBe(403);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await r.text()).toContain(INACTIVE);
  });

  it('Cancel, and a consent with no grantable scope left: 302 to the client with access_denied', async () => {
    const s = makeSandbox();
    const url = authorizeUrl(BASE, { state, challenge, scope: 'profile patient/Patient.rs' });
    const expected = `${REDIRECT}?error=access_denied&state=${state}`;
    expect((await s.control.approve(url, { deny: true })).location).toBe(expected);
    const earlier = await tokensFor(s, { username: 'BBUser00070' });
    const empty = await s.control.approve(url, { username: 'BBUser00070', shareDemographics: false });
    expect({ status: empty.status, location: empty.location }).toEqual({ status: 302, location: expected });
    // The pair's grant and tokens are gone.
    expect(await s.control.grants()).toEqual([]);
    const fhir = await s.fetch(`${BASE}/v2/fhir/Coverage`, { headers: bearer(earlier.access_token) });
    expect(fhir.status).toBe(401);
    expect(await answer(await refresh(s, earlier.refresh_token))).toEqual(REFRESH_NOT_FOUND);
  });

  it('a new authorization: the pair’s earlier access token 401, earlier refresh token 400', async () => {
    const s = makeSandbox();
    const old = await tokensFor(s, { username: 'BBUser00071' });
    await tokensFor(s, { username: 'BBUser00071' });
    const fhir = await s.fetch(`${BASE}/v2/fhir/Coverage`, { headers: bearer(old.access_token) });
    expect(await answer(fhir)).toEqual({
      status: 401,
      body: '{"detail":"Authentication credentials were not provided."}',
    });
    expect(await answer(await refresh(s, old.refresh_token))).toEqual(REFRESH_NOT_FOUND);
  });
});

describe('docs/blue-button.md §2.2–§2.4 /token errors', () => {
  it('a code used twice, a code past 60 s, a wrong PKCE verifier: 400 invalid_grant', async () => {
    const sb = makeSandbox();
    const used = await codeFor(sb);
    expect((await exchange(sb, used.code, used.verifier)).status).toBe(200);
    expect(await answer(await exchange(sb, used.code, used.verifier))).toEqual(INVALID_GRANT);
    const late = await codeFor(sb);
    await sb.control.advanceClock(61);
    expect(await answer(await exchange(sb, late.code, late.verifier))).toEqual(INVALID_GRANT);
    const wrong = await codeFor(sb);
    expect(await answer(await exchange(sb, wrong.code, 'w'.repeat(43)))).toEqual(INVALID_GRANT);
  });

  it('an unknown client_id: 400 with status_code; a wrong secret: 401 invalid_client', async () => {
    const sb = makeSandbox();
    const { code, verifier } = await codeFor(sb);
    const unknown = await postForm(sb, '/v2/o/token/', {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      client_id: 'U'.repeat(40),
      client_secret: 'x',
    });
    expect(await answer(unknown)).toEqual({
      status: 400,
      body: '{"status_code": 400, "error": "invalid_client", "error_description": "Application does not exist (client_id)"}',
    });
    const wrong = await exchange(sb, code, verifier, { authorization: basic(CLIENT_ID, 'wrong') });
    expect(await answer(wrong)).toEqual({ status: 401, body: '{"error": "invalid_client"}' });
  });

  it('refresh: widened scope 400 invalid_scope, reused token 400 invalid_grant', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb, { scope: 'patient/Coverage.rs' });
    expect(await answer(await refresh(sb, t.refresh_token, { scope: 'patient/Patient.rs' }))).toEqual({
      status: 400,
      body: '{"error": "invalid_scope"}',
    });
    expect((await refresh(sb, t.refresh_token)).status).toBe(200);
    expect(await answer(await refresh(sb, t.refresh_token))).toEqual(INVALID_GRANT);
  });

  it('refresh after /revoke_token/ of the access token: 400 invalid_grant', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    await postForm(sb, '/v2/o/revoke_token/', { token: t.access_token }, { authorization: basic() });
    expect(await answer(await refresh(sb, t.refresh_token))).toEqual(INVALID_GRANT);
  });

  it('refresh with an unknown or a missing refresh token: 400 invalid_request', async () => {
    const sb = makeSandbox();
    expect(await answer(await refresh(sb, 'neverIssuedRefreshToken000000'))).toEqual(REFRESH_NOT_FOUND);
    const missing = await postForm(sb, '/v2/o/token/', {
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      client_secret: SECRET,
    });
    // docs/blue-button.md fixes only the error and that the description contains "Missing refresh".
    expect(await answer(missing)).toEqual({
      status: 400,
      body: '{"status_code": 400, "error": "invalid_request", "error_description": "Missing refresh token parameter"}',
    });
  });
});

describe('docs/blue-button.md §3 grant and app errors', () => {
  it('ONE_TIME app refreshing: 403', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    await sb.control.updateApp(CLIENT_ID, { dataAccessType: 'ONE_TIME' });
    expect(await answer(await refresh(sb, t.refresh_token))).toEqual({
      status: 403,
      body: `{"status_code": 403, "error": "invalid_client", "error_description": "${ONE_TIME}"}`,
    });
  });

  it('13-month grant timed out: refresh 401, FHIR and userinfo 401 with the same text', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    await sb.control.expireGrant({ patient: t.patient });
    expect(await answer(await refresh(sb, t.refresh_token))).toEqual({
      status: 401,
      body: `{"status_code": 401, "error": "invalid_grant", "error_description": "${TIMED_OUT}"}`,
    });
    for (const path of ['/v2/fhir/ExplanationOfBenefit', '/v1/fhir/Coverage', '/v2/connect/userinfo']) {
      const r = await sb.fetch(`${BASE}${path}`, { headers: bearer(t.access_token) });
      expect(await answer(r), path).toEqual({ status: 401, body: `{"detail":"${TIMED_OUT}"}` });
    }
  });

  it.each([
    ['revoked on Medicare.gov', (sb: Sb, patient: string) => sb.control.revokeGrant({ patient })],
    [
      'the app called /revoke/',
      (sb: Sb, _patient: string, token: string) =>
        postForm(sb, '/v2/o/revoke/', { token }, { authorization: basic() }),
    ],
    [
      'the sandbox expire endpoint',
      (sb: Sb, patient: string) =>
        postForm(sb, `/v2/o/expire_authenticated_user/${patient}/`, {}, { authorization: basic() }),
    ],
  ])('grant deleted (%s): refresh 403', async (_, deleteGrant) => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    await deleteGrant(sb, t.patient, t.access_token);
    expect(await answer(await refresh(sb, t.refresh_token))).toEqual({
      status: 403,
      body: `{"status_code": 403, "error": "invalid_grant", "error_description": "${NOT_FOUND_GRANT}"}`,
    });
  });

  it('app deactivated: refresh 403', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    await sb.control.updateApp(CLIENT_ID, { active: false });
    expect(await answer(await refresh(sb, t.refresh_token))).toEqual({
      status: 403,
      body: `{"status_code": 403, "error": "invalid_client", "error_description": "${INACTIVE}"}`,
    });
  });

  it('/expire_authenticated_user/: 200 success, then the two 404 texts', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    const expire = (patient: string) =>
      postForm(sb, `/v2/o/expire_authenticated_user/${patient}/`, {}, { authorization: basic() });
    expect(await answer(await expire(t.patient))).toEqual({ status: 200, body: 'success' });
    expect(await answer(await expire(t.patient))).toEqual({
      status: 404,
      body: 'Data Access Grant was Not Found.',
    });
    expect(await answer(await expire('-19990000000001'))).toEqual({
      status: 404,
      body: 'Patient was Not Found. Please check the id number and try again.',
    });
  });
});
