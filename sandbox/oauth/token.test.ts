import { describe, expect, it } from 'vitest';
import {
  BASE,
  CLIENT_ID,
  REDIRECT,
  SECRET,
  basic,
  codeFor,
  makeSandbox,
  postForm,
} from '../harness.test-support';

describe('POST /v2/o/token/ authorization_code (docs/blue-button.md §2.2, §2.3)', () => {
  it('answers with the real keys in order, no-store headers and a 13-month grant', async () => {
    const sb = makeSandbox({ now: () => Date.UTC(2025, 0, 31, 12, 0, 0) });
    const { code, verifier } = await codeFor(sb, { username: 'BBUser10005' });
    const r = await postForm(
      sb,
      '/v2/o/token/',
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier },
      { authorization: basic() },
    );
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('pragma')).toBe('no-cache');
    const text = await r.text();
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'access_token',
      'expires_in',
      'token_type',
      'scope',
      'refresh_token',
      'patient',
      'access_grant_expiration',
    ]);
    expect(text).toMatch(
      /^\{"access_token": "[A-Za-z0-9]{30}", "expires_in": 3600, "token_type": "Bearer", /,
    );
    expect(body.refresh_token).toMatch(/^[A-Za-z0-9]{30}$/);
    expect(body.patient).toBe('-10000000010005');
    expect(body.access_grant_expiration).toBe('2026-02-28T12:00:00Z');
  });

  it('accepts form credentials and multipart bodies', async () => {
    const sb = makeSandbox();
    const { code, verifier } = await codeFor(sb);
    const form = new FormData();
    for (const [k, v] of Object.entries({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      client_id: CLIENT_ID,
      client_secret: SECRET,
    })) {
      form.append(k, v);
    }
    const r = await sb.fetch(`${BASE}/v2/o/token`, { method: 'POST', body: form });
    expect(r.status).toBe(200);
  });

  it('gives ONE_TIME apps now+expires_in and RESEARCH_STUDY apps ""', async () => {
    for (const [type, expected] of [
      ['ONE_TIME', '2025-01-01T01:00:00Z'],
      ['RESEARCH_STUDY', ''],
    ] as const) {
      const sb = makeSandbox({ now: () => Date.UTC(2025, 0, 1) });
      await sb.control.updateApp(CLIENT_ID, { dataAccessType: type });
      const { code, verifier } = await codeFor(sb);
      const r = await postForm(
        sb,
        '/v2/o/token/',
        { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier },
        { authorization: basic() },
      );
      expect((await r.json()).access_grant_expiration).toBe(expected);
    }
  });

  it('checks the verifier, the redirect_uri and single use', async () => {
    const sb = makeSandbox();
    const { code, verifier } = await codeFor(sb);
    const exchange = (fields: Record<string, string>) =>
      postForm(
        sb,
        '/v2/o/token/',
        { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...fields },
        { authorization: basic() },
      );
    const bad = await exchange({ code_verifier: 'x'.repeat(43) });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe('{"error": "invalid_grant"}');
    expect((await exchange({ code_verifier: 'short' })).status).toBe(400);
    const missing = await exchange({});
    expect(await missing.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Code verifier required.',
    });
    const mismatch = await exchange({ code_verifier: verifier, redirect_uri: 'http://localhost:3000/other' });
    expect(await mismatch.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Mismatching redirect URI.',
    });
    expect((await exchange({ code_verifier: `${verifier}` })).status).toBe(200);
    const reuse = await exchange({ code_verifier: verifier });
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toEqual({ error: 'invalid_grant' });
  });

  it('expires codes after 60 seconds', async () => {
    const sb = makeSandbox();
    const { code, verifier } = await codeFor(sb);
    await sb.control.advanceClock(61);
    const r = await postForm(
      sb,
      '/v2/o/token/',
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier },
      { authorization: basic() },
    );
    expect(await r.json()).toEqual({ error: 'invalid_grant' });
  });

  it('answers client errors like BB2 and DOT', async () => {
    const sb = makeSandbox();
    const { code, verifier } = await codeFor(sb);
    const fields = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    };
    const wrongSecret = await postForm(sb, '/v2/o/token/', fields, {
      authorization: basic(CLIENT_ID, 'wrong'),
    });
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toEqual({ error: 'invalid_client' });
    expect(wrongSecret.headers.get('www-authenticate')).toBe('Bearer error="invalid_client"');
    const unknownBody = await postForm(sb, '/v2/o/token/', {
      ...fields,
      client_id: 'B'.repeat(40),
      client_secret: 'x',
    });
    expect(unknownBody.status).toBe(400);
    expect(await unknownBody.text()).toBe(
      '{"status_code": 400, "error": "invalid_client", "error_description": "Application does not exist (client_id)"}',
    );
    const unknownBasic = await postForm(sb, '/v2/o/token/', fields, {
      authorization: basic('C'.repeat(40), 'x'),
    });
    expect(unknownBasic.status).toBe(401);
    const none = await postForm(sb, '/v2/o/token/', fields);
    expect(await none.json()).toEqual({
      status_code: 401,
      error: 'invalid_client',
      error_description: 'App id failed',
    });
    const mixed = await postForm(
      sb,
      '/v2/o/token/',
      { ...fields, client_id: 'D'.repeat(40) },
      { authorization: basic() },
    );
    expect(mixed.status).toBe(400);
  });

  it('answers grant type and parameter errors like oauthlib', async () => {
    const sb = makeSandbox();
    const h = { authorization: basic() };
    expect(await (await postForm(sb, '/v2/o/token/', { code: 'x' }, h)).json()).toEqual({
      error: 'unsupported_grant_type',
    });
    expect(await (await postForm(sb, '/v2/o/token/', { grant_type: 'magic' }, h)).json()).toEqual({
      error: 'unsupported_grant_type',
    });
    expect(
      await (await postForm(sb, '/v2/o/token/', { grant_type: 'authorization_code' }, h)).json(),
    ).toEqual({
      error: 'invalid_request',
      error_description: 'Missing code parameter.',
    });
    const get = await sb.fetch(`${BASE}/v2/o/token/`);
    expect(get.status).toBe(405);
  });
});
