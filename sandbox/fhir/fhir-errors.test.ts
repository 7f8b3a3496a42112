import { describe, expect, it } from 'vitest';
import { BASE, CLIENT_ID, bearer, makeSandbox, tokensFor } from '../harness.test-support';

const NOT_AUTH = { detail: 'Authentication credentials were not provided.' };
const FORBIDDEN = { detail: 'You do not have permission to perform this action.' };

describe('resource endpoint errors (docs/blue-button.md §4, §5, §8, §10)', () => {
  const sb = makeSandbox({ rateLimitPerSecond: 1000 });
  const call = (path: string, headers: Record<string, string> = {}, init: RequestInit = {}) =>
    sb.fetch(`${BASE}${path}`, { ...init, headers });

  it('401 for missing, unknown and expired tokens with the exact WWW-Authenticate', async () => {
    const none = await call('/v2/fhir/ExplanationOfBenefit');
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual(NOT_AUTH);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="api"');
    expect(none.headers.get('x-ratelimit-limit')).toBe('None');
    const unknown = await call('/v2/fhir/Patient', bearer('nope'));
    expect(unknown.headers.get('www-authenticate')).toBe(
      'Bearer realm="api",error="invalid_token",error_description="The access token is invalid."',
    );
    const s = makeSandbox();
    const t = await tokensFor(s);
    await s.control.advanceClock(3600);
    const expired = await s.fetch(`${BASE}/v1/connect/userinfo`, { headers: bearer(t.access_token) });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual(NOT_AUTH);
    expect(expired.headers.get('www-authenticate')).toBe(
      'Bearer realm="api",error="invalid_token",error_description="The access token has expired."',
    );
  });

  it('400 for a token in the query string', async () => {
    const r = await call('/v2/fhir/Coverage?access_token=abc');
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({
      detail:
        'Using the access token in the query parameters is not supported. Use the Authorization header instead',
    });
  });

  it('403 on Patient and userinfo when demographics were not shared; EOB and Coverage still work', async () => {
    const t = await tokensFor(sb, { username: 'BBUser00031', shareDemographics: false });
    for (const path of [
      '/v2/fhir/Patient',
      `/v2/fhir/Patient/${t.patient}`,
      '/v2/connect/userinfo',
      '/v1/fhir/Patient',
    ]) {
      const r = await call(path, bearer(t.access_token));
      expect(r.status, path).toBe(403);
      expect(await r.json()).toEqual(FORBIDDEN);
    }
    expect((await call('/v2/fhir/ExplanationOfBenefit', bearer(t.access_token))).status).toBe(200);
    expect((await call('/v1/fhir/Coverage/', bearer(t.access_token))).status).toBe(200);
  });

  it('403 when searching another patient, 404 when reading another or an unknown resource', async () => {
    const t = await tokensFor(sb, { username: 'BBUser00032' });
    const h = bearer(t.access_token);
    expect(await (await call('/v2/fhir/ExplanationOfBenefit?patient=-10000000000001', h)).json()).toEqual(
      FORBIDDEN,
    );
    expect((await call('/v2/fhir/Coverage?beneficiary=Patient/-10000000000001', h)).status).toBe(403);
    expect((await call(`/v2/fhir/ExplanationOfBenefit?patient=${t.patient}`, h)).status).toBe(200);
    for (const path of [
      '/v2/fhir/Patient/-10000000000001',
      '/v2/fhir/Coverage/part-a--10000000000001',
      '/v2/fhir/ExplanationOfBenefit/carrier--123',
      '/v2/fhir/Patient?_id=-10000000000001',
    ]) {
      const r = await call(path, h);
      expect(r.status, path).toBe(404);
      expect(await r.json()).toEqual({ detail: 'Not found.' });
    }
    const bad = await call('/v2/fhir/Coverage/part-d____--1', h);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toBe(
      'An error occurred contacting the upstream server:Failed to call access method: java.lang.IllegalArgumentException: Unsupported ID pattern: part-d____--1',
    );
  });

  it('405 for other methods, with DRF body and Allow', async () => {
    const t = await tokensFor(sb, { username: 'BBUser00033' });
    const r = await call('/v2/fhir/ExplanationOfBenefit/', bearer(t.access_token), {
      method: 'POST',
      body: '{}',
    });
    expect(r.status).toBe(405);
    expect(await r.text()).toBe('{"detail":"Method \\"POST\\" not allowed."}');
    expect(r.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect((await call('/v2/fhir/Patient', {}, { method: 'DELETE' })).status).toBe(401);
  });

  it('negotiates application/fhir+json or application/json, 406 otherwise', async () => {
    const t = await tokensFor(sb, { username: 'BBUser00034' });
    const h = bearer(t.access_token);
    expect((await call('/v2/fhir/Coverage', h)).headers.get('content-type')).toBe('application/fhir+json');
    const json = await call('/v2/fhir/Coverage', { ...h, accept: 'application/json, text/plain, */*' });
    expect(json.headers.get('content-type')).toBe('application/json');
    expect((await call('/v2/fhir/Coverage', { ...h, accept: 'text/html' })).status).toBe(406);
  });

  it('sets X-RateLimit-* on FHIR answers and "None" elsewhere; 429 past the rate', async () => {
    const t = await tokensFor(sb, { username: 'BBUser00035' });
    const ok = await call('/v2/fhir/Coverage', bearer(t.access_token));
    expect(ok.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(Number(ok.headers.get('x-ratelimit-remaining'))).toBe(999);
    expect(ok.headers.get('x-ratelimit-reset')).toMatch(/^\d+(\.\d+)?$/);
    const meta = await call('/v2/fhir/metadata');
    expect(meta.headers.get('x-ratelimit-remaining')).toBe('None');
    const s = makeSandbox({ rateLimitPerSecond: 2, now: () => 1_700_000_000_000 });
    const tt = await tokensFor(s);
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await s.fetch(`${BASE}/v2/fhir/Coverage`, { headers: bearer(tt.access_token) })).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await s.fetch(`${BASE}/v2/fhir/Coverage`, { headers: bearer(tt.access_token) });
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toEqual({
      detail: 'Request was throttled. Expected available in 1 second.',
    });
  });

  it('userinfo has the shape of the real sample', async () => {
    const t = await tokensFor(sb, { username: 'BBUser00036' });
    const r = await call('/v2/connect/userinfo', bearer(t.access_token));
    const body = (await r.json()) as Record<string, string>;
    expect(Object.keys(body)).toEqual([
      'sub',
      'name',
      'given_name',
      'family_name',
      'email',
      'iat',
      'patient',
    ]);
    expect(body.sub).toBe(t.patient);
    expect(body.patient).toBe(t.patient);
    expect(body.iat).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(CLIENT_ID).toHaveLength(40);
  });
});
