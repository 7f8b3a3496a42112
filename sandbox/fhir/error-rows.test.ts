import { describe, expect, it } from 'vitest';
import { BASE, CLIENT_ID, basic, bearer, makeSandbox, postForm, tokensFor } from '../harness.test-support';

// The resource-endpoint error rows of docs/blue-button.md §4, §5, §6, §8 and §10, each with its exact status,
// body bytes (DRF's compact JSON) and, for 401s, the exact `WWW-Authenticate`. Expected texts are
// copied from docs/blue-button.md, not from the sandbox's own message constants.

type Sb = ReturnType<typeof makeSandbox>;

async function answer(r: Response) {
  return { status: r.status, body: await r.text() };
}

const detail = (text: string) => `{"detail":"${text.replace(/"/g, '\\"')}"}`;
const NOT_PROVIDED = detail('Authentication credentials were not provided.');
const FORBIDDEN = detail('You do not have permission to perform this action.');
const NOT_FOUND = detail('Not found.');
const REALM = 'Bearer realm="api"';
const INVALID = `${REALM},error="invalid_token",error_description="The access token is invalid."`;
const EXPIRED = `${REALM},error="invalid_token",error_description="The access token has expired."`;
const UPSTREAM = 'An error occurred contacting the upstream server:';
/** Every resource endpoint that authenticates with a bearer token, in both versions. */
const RESOURCE_PATHS = [
  '/v2/fhir/ExplanationOfBenefit',
  '/v2/fhir/Coverage/',
  '/v2/fhir/Patient',
  '/v1/fhir/ExplanationOfBenefit/',
  '/v2/connect/userinfo',
  '/v1/connect/userinfo',
];

const call = (sb: Sb, path: string, headers: Record<string, string> = {}, init: RequestInit = {}) =>
  sb.fetch(`${BASE}${path}`, { ...init, headers });

async function expect401(r: Response, wwwAuthenticate: string, body = NOT_PROVIDED) {
  expect(r.headers.get('www-authenticate')).toBe(wwwAuthenticate);
  expect(await answer(r)).toEqual({ status: 401, body });
}

describe('docs/blue-button.md §4 token errors on resource endpoints', () => {
  it('missing and unknown tokens: 401 with the realm, and invalid_token for an unknown one', async () => {
    const sb = makeSandbox();
    for (const path of RESOURCE_PATHS) {
      await expect401(await call(sb, path), REALM);
      await expect401(await call(sb, path, bearer('unknownAccessToken000000000000')), INVALID);
    }
  });

  it('expired and revoked tokens: 401 "has expired" and "is invalid"', async () => {
    const sb = makeSandbox();
    const expired = await tokensFor(sb, { username: 'BBUser00080' });
    const revoked = await tokensFor(sb, { username: 'BBUser00081' });
    await postForm(sb, '/v2/o/revoke_token/', { token: revoked.access_token }, { authorization: basic() });
    await sb.control.advanceClock(3601);
    for (const path of RESOURCE_PATHS) {
      await expect401(await call(sb, path, bearer(expired.access_token)), EXPIRED);
      await expect401(await call(sb, path, bearer(revoked.access_token)), INVALID);
    }
  });

  it('app deactivated: 401 with the inactive text', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    await sb.control.updateApp(CLIENT_ID, { active: false });
    const inactive = detail(
      'This application, Medicare Claims Dashboard (local), is temporarily inactive. If you are the app maintainer, please contact the Blue Button API team. If you are a Medicare Beneficiary and need assistance, please contact the support team for the application you are trying to access.',
    );
    for (const path of RESOURCE_PATHS)
      await expect401(await call(sb, path, bearer(t.access_token)), REALM, inactive);
  });

  it('a token in the query string: 400', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    const r = await call(sb, `/v2/fhir/Coverage?access_token=${t.access_token}`);
    expect(await answer(r)).toEqual({
      status: 400,
      body: detail(
        'Using the access token in the query parameters is not supported. Use the Authorization header instead',
      ),
    });
  });
});

describe('docs/blue-button.md §5 and §6 permissions', () => {
  it('demographics not shared: 403 on Patient search and read and on userinfo', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb, { shareDemographics: false });
    for (const path of ['/v2/fhir/Patient', `/v2/fhir/Patient/${t.patient}`, '/v1/connect/userinfo']) {
      expect(await answer(await call(sb, path, bearer(t.access_token))), path).toEqual({
        status: 403,
        body: FORBIDDEN,
      });
    }
  });

  it('a search-only scope reading a resource, and userinfo without profile: 403', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb, { scope: 'patient/ExplanationOfBenefit.s patient/Patient.rs' });
    const eobs = (await (await call(sb, '/v2/fhir/ExplanationOfBenefit', bearer(t.access_token))).json()) as {
      entry: { resource: { id: string } }[];
    };
    const id = eobs.entry[0]?.resource.id ?? '';
    for (const path of [`/v2/fhir/ExplanationOfBenefit/${id}`, '/v2/connect/userinfo']) {
      expect(await answer(await call(sb, path, bearer(t.access_token))), path).toEqual({
        status: 403,
        body: FORBIDDEN,
      });
    }
  });

  it('searching another patient: 403; reading another patient’s resources: 404', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb, { username: 'BBUser10005' });
    const other = '-10000000000001';
    for (const path of [
      `/v2/fhir/ExplanationOfBenefit?patient=${other}`,
      `/v2/fhir/Coverage?beneficiary=Patient/${other}`,
    ]) {
      expect(await answer(await call(sb, path, bearer(t.access_token))), path).toEqual({
        status: 403,
        body: FORBIDDEN,
      });
    }
    for (const path of [
      `/v2/fhir/Patient/${other}`,
      `/v2/fhir/Coverage/part-a-${other}`,
      '/v2/fhir/ExplanationOfBenefit/carrier--10000000000',
      `/v2/fhir/Patient?_id=${other}`,
    ]) {
      expect(await answer(await call(sb, path, bearer(t.access_token))), path).toEqual({
        status: 404,
        body: NOT_FOUND,
      });
    }
  });
});

describe('docs/blue-button.md §8 and §10 request errors', () => {
  it('405 for other methods, 406 for an Accept the server cannot satisfy', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    const post = await call(sb, '/v2/fhir/Coverage', bearer(t.access_token), { method: 'POST', body: '{}' });
    expect(await answer(post)).toEqual({ status: 405, body: detail('Method "POST" not allowed.') });
    const html = await call(sb, '/v2/fhir/Coverage', { ...bearer(t.access_token), accept: 'text/html' });
    expect(await answer(html)).toEqual({
      status: 406,
      body: detail('Could not satisfy the request Accept header.'),
    });
  });

  it.each([
    ['?type=carrier,INVALID-TYPE,dme', 'the type parameter value is not valid'],
    ['?_lastUpdated=2024-01-01', 'the _lastUpdated operator is not valid'],
    ['?service-date=eq2024-01-01', 'the service-date operator is not valid'],
    ['?_count=51', 'value must be at most 50'],
    ['?_count=ten', 'expected int'],
    ['?startIndex=3', `${UPSTREAM}Value for startIndex (3) must be less than than result size (3)`],
    ['?startIndex=-1', `${UPSTREAM}Value for startIndex cannot be negative: -1`],
    ['?_count=0', `${UPSTREAM}Invalid pageSize '0'`],
  ])('EOB search %s: 400', async (query, text) => {
    const sb = makeSandbox();
    const t = await tokensFor(sb, { username: 'BBUser10003' });
    const r = await call(sb, `/v2/fhir/ExplanationOfBenefit${query}`, bearer(t.access_token));
    expect(await answer(r)).toEqual({ status: 400, body: detail(text) });
  });

  it('an id BFD cannot parse: 400 with BFD’s diagnostics', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    const r = await call(sb, '/v2/fhir/ExplanationOfBenefit/not_an_eob_id', bearer(t.access_token));
    expect(await answer(r)).toEqual({
      status: 400,
      body: detail(
        `${UPSTREAM}Failed to call access method: java.lang.IllegalArgumentException: Unsupported ID pattern: not_an_eob_id`,
      ),
    });
  });

  it('past the token rate: 429 with Retry-After', async () => {
    const sb = makeSandbox({ rateLimitPerSecond: 1, now: () => 1_750_000_000_000 });
    const t = await tokensFor(sb);
    expect((await call(sb, '/v2/fhir/Coverage', bearer(t.access_token))).status).toBe(200);
    const r = await call(sb, '/v2/fhir/Coverage', bearer(t.access_token));
    expect(r.headers.get('retry-after')).toBe('1');
    expect(await answer(r)).toEqual({
      status: 429,
      body: detail('Request was throttled. Expected available in 1 second.'),
    });
  });
});
