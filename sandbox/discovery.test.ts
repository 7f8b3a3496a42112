import { describe, expect, it } from 'vitest';
import { BASE, makeSandbox } from './harness.test-support';

describe('discovery documents (docs/blue-button.md §7)', () => {
  const sb = makeSandbox({ publicUrl: 'http://localhost:8000' });
  const json = async (path: string) =>
    (await (await sb.fetch(`${BASE}${path}`)).json()) as Record<string, unknown>;

  it('serves the SMART configuration pointing at the v2 endpoints', async () => {
    for (const v of [1, 2]) {
      const body = await json(`/v${v}/fhir/.well-known/smart-configuration`);
      expect(Object.keys(body)).toEqual([
        'authorization_endpoint',
        'revocation_endpoint',
        'token_endpoint',
        'grant_types_supported',
        'response_types_supported',
        'scopes_supported',
        'code_challenge_methods_supported',
        'capabilities',
      ]);
      expect(body.token_endpoint).toBe('http://localhost:8000/v2/o/token/');
      expect(body.authorization_endpoint).toBe('http://localhost:8000/v2/o/authorize');
      expect(body.code_challenge_methods_supported).toEqual(['S256']);
    }
  });

  it('serves the OpenID configuration and its legacy aliases', async () => {
    for (const path of [
      '/v2/connect/.well-known/openid-configuration',
      '/.well-known/openid-configuration',
      '/.well-known/openid-configuration-v2',
    ]) {
      const body = await json(path);
      expect(body.issuer).toBe('http://localhost:8000');
      expect(body.userinfo_endpoint).toBe('http://localhost:8000/v2/connect/userinfo');
      expect(body.grant_types_supported).toEqual(['refresh_token', 'authorization_code']);
      expect(body.fhir_metadata_uri).toBe('http://localhost:8000/v2/fhir/metadata');
    }
  });

  it('serves the CapabilityStatement filtered to the three resources, with the OAuth URIs', async () => {
    const body = (await json('/v2/fhir/metadata')) as {
      fhirVersion: string;
      format: string[];
      rest: {
        resource: { type: string; interaction: { code: string }[] }[];
        security: { extension: { extension: { url: string; valueUri: string }[] }[] };
      }[];
    };
    expect(body.fhirVersion).toBe('4.0.0');
    expect(body.format).toEqual(['application/json', 'application/fhir+json']);
    expect(body.rest[0]?.resource.map((r) => r.type)).toEqual([
      'Coverage',
      'ExplanationOfBenefit',
      'Patient',
    ]);
    expect(body.rest[0]?.resource[0]?.interaction).toEqual([{ code: 'read' }, { code: 'search-type' }]);
    expect(body.rest[0]?.security.extension[0]?.extension).toEqual([
      { url: 'token', valueUri: 'http://localhost:8000/v2/o/token/' },
      { url: 'authorize', valueUri: 'http://localhost:8000/v2/o/authorize' },
      { url: 'revoke', valueUri: 'http://localhost:8000/v2/o/revoke_token' },
    ]);
    expect(((await json('/v1/fhir/metadata')) as { fhirVersion: string }).fhirVersion).toBe('3.0.2');
  });

  it('answers unknown paths with Django 404 and v3 as switched off', async () => {
    expect((await sb.fetch(`${BASE}/v3/fhir/Patient`)).status).toBe(404);
    const r = await sb.fetch(`${BASE}/nope`);
    expect(r.status).toBe(404);
    expect(r.headers.get('x-frame-options')).toBe('DENY');
  });
});
