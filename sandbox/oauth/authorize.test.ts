import { describe, expect, it } from 'vitest';
import { BASE, CLIENT_ID, REDIRECT, get, makeSandbox, postForm } from '../harness.test-support';
import { authorizeUrl, pkce } from '../server.test-support';

const { challenge, state } = pkce();
const valid = {
  client_id: CLIENT_ID,
  redirect_uri: REDIRECT,
  response_type: 'code',
  state,
  code_challenge: challenge,
  code_challenge_method: 'S256',
};

function path(params: Record<string, string | undefined>) {
  const q = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  );
  return `/v2/o/authorize/?${q}`;
}

async function follow(sb: ReturnType<typeof makeSandbox>, location: string) {
  return get(sb, location.replace(BASE, ''));
}

describe('GET /v2/o/authorize/ validation (docs/blue-button.md §2.1)', () => {
  const sb = makeSandbox();

  it('lists missing parameters in the real order', async () => {
    const r = await get(
      sb,
      path({ ...valid, code_challenge: undefined, code_challenge_method: undefined, state: undefined }),
    );
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({
      status_code: 400,
      message: 'Missing Required Parameter(s): code_challenge, code_challenge_method, state',
    });
    const one = await get(sb, path({ ...valid, code_challenge_method: undefined }));
    expect((await one.json()).message).toBe('Missing Required Parameter(s): code_challenge_method');
  });

  it('rejects a state under 16 characters, even before other missing params', async () => {
    const r = await get(sb, path({ ...valid, state: 'short', code_challenge: undefined }));
    expect(r.status).toBe(400);
    expect(await r.text()).toBe(
      '{"status_code": 400, "message": "State parameter should have a minimum of 16 characters"}',
    );
  });

  it('rejects a method other than S256', async () => {
    const r = await get(sb, path({ ...valid, code_challenge_method: 'plain' }));
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({
      status_code: 400,
      error: 'invalid_request',
      error_description: 'code_challenge_method must be S256',
    });
  });

  it('rejects client_secret with a text body', async () => {
    const r = await get(sb, path({ ...valid, client_secret: 'x' }));
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await r.text()).toBe('Illegal query parameter [client_secret] detected');
  });

  it('answers unknown, malformed and missing client ids with the app error page', async () => {
    const unknown = await get(sb, path({ ...valid, client_id: 'A'.repeat(40) }));
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Application does not exist (client_id)');
    const malformed = await get(sb, path({ ...valid, client_id: 'short' }));
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain('Invalid client_id format');
    expect((await get(sb, path({ ...valid, client_id: undefined }))).status).toBe(401);
  });

  it('answers an inactive app with a 403 page', async () => {
    const s = makeSandbox();
    await s.control.updateApp(CLIENT_ID, { active: false });
    const r = await get(s, path(valid));
    expect(r.status).toBe(403);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(await r.text()).toContain('is temporarily inactive');
  });

  it('requires the exact registered redirect_uri', async () => {
    for (const uri of [
      `${REDIRECT}/`,
      `${REDIRECT}?x=1`,
      'http://localhost:3001/api/auth/callback/bluebutton',
    ]) {
      const r = await get(sb, path({ ...valid, redirect_uri: uri }));
      expect(r.status).toBe(400);
      expect(await r.text()).toContain('Mismatching redirect URI.');
    }
  });

  it('rejects duplicated parameters', async () => {
    const r = await get(sb, `${path(valid)}&scope=a&scope=b`);
    expect(r.status).toBe(400);
    expect(await r.text()).toContain('Duplicate scope parameter.');
  });

  it('redirects response_type errors to the client with the state', async () => {
    const missing = await get(sb, path({ ...valid, response_type: undefined }));
    expect(missing.status).toBe(302);
    expect(missing.headers.get('location')).toBe(
      `${REDIRECT}?error=invalid_request&error_description=Missing+response+type.&state=${state}`,
    );
    const token = await get(sb, path({ ...valid, response_type: 'token' }));
    expect(token.headers.get('location')).toBe(`${REDIRECT}?error=unsupported_response_type&state=${state}`);
  });

  it('redirects a valid request to the sign-in page, and the slash-less path with a 301', async () => {
    const r = await get(sb, path(valid));
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toMatch(
      /^\/mymedicare\/login\?next=\/v2\/o\/authorize\/%3Fclient_id%3D/,
    );
    const noSlash = await get(sb, path(valid).replace('/authorize/?', '/authorize?'));
    expect(noSlash.status).toBe(301);
    expect(noSlash.headers.get('location')).toBe(path(valid));
  });

  it('accepts the parameters in a POST body, which needs state', async () => {
    const r = await postForm(sb, '/v2/o/authorize/', valid);
    expect(r.status).toBe(302);
    const noState = await postForm(sb, '/v2/o/authorize/', { ...valid, state: '' });
    expect(noState.status).toBe(401);
    expect(await noState.json()).toEqual({ status_code: 401, message: 'State required in POST body.' });
  });
});

describe('sign-in and consent pages', () => {
  async function loginPage(sb: ReturnType<typeof makeSandbox>, scope?: string) {
    const url = authorizeUrl(BASE, { state, challenge, ...(scope ? { scope } : {}) });
    const r = await get(sb, url.replace(BASE, ''));
    const location = r.headers.get('location') ?? '';
    return { location, next: new URL(location, BASE).searchParams.get('next') ?? '' };
  }

  it('shows Username, Password and Log in, and keeps the username after a wrong password', async () => {
    const sb = makeSandbox();
    const { location, next } = await loginPage(sb);
    const page = await (await follow(sb, location)).text();
    expect(page).toContain('<label for="username">Username</label>');
    expect(page).toContain('<label for="password">Password</label>');
    expect(page).toContain('>Log in</button>');
    expect(page).toContain('<html lang="en">');
    expect(page).not.toMatch(/<script|https?:\/\/(?!bluebutton)/);
    const wrong = await postForm(sb, '/mymedicare/login', {
      next,
      username: 'BBUser00001<b>',
      password: 'nope',
    });
    expect(wrong.status).toBe(200);
    const html = await wrong.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('value="BBUser00001&lt;b&gt;"');
    expect(html).not.toContain('nope');
  });

  it('rejects a next that is not an authorize URL', async () => {
    const sb = makeSandbox();
    const r = await get(sb, '/mymedicare/login?next=https://evil.example/');
    expect(r.status).toBe(400);
  });

  it('opens a consent page with the demographics box ticked, Connect and Cancel', async () => {
    const sb = makeSandbox();
    const { next } = await loginPage(sb);
    const ok = await postForm(sb, '/mymedicare/login', {
      next,
      username: 'BBUser00001',
      password: 'PW00001!',
    });
    expect(ok.status).toBe(302);
    const consent = ok.headers.get('location') ?? '';
    expect(consent).toMatch(/^\/v2\/o\/authorize\/[0-9a-f-]{36}\/\?client_id=/);
    const html = await (await get(sb, consent)).text();
    expect(html).toMatch(/<input type="checkbox" id="share_demographic_scopes"[^>]* checked/);
    expect(html).toContain('<label for="share_demographic_scopes">Share my demographic information</label>');
    expect(html).toContain('>Connect</button>');
    expect(html).toContain('>Cancel</button>');
    expect(html).toContain('Medicare Claims Dashboard (local)');
  });

  it('answers an invalid consent id with 404 JSON and an unknown one with the sign-in page', async () => {
    const sb = makeSandbox();
    const bad = await get(sb, `/v2/o/authorize/not-a-uuid/?client_id=${CLIENT_ID}`);
    expect(bad.status).toBe(404);
    expect(await bad.json()).toEqual({ status_code: 404, message: 'Not found.' });
    const unknown = await get(sb, `/v2/o/authorize/${crypto.randomUUID()}/?client_id=${CLIENT_ID}`);
    expect(unknown.status).toBe(302);
    expect(unknown.headers.get('location')).toMatch(/^\/mymedicare\/login\?next=/);
  });

  it('rejects unsupported scopes on the consent step', async () => {
    const sb = makeSandbox();
    const url = authorizeUrl(BASE, { state, challenge, scope: 'patient/*.read' });
    const result = await sb.control.approve(url);
    expect(result.status).toBe(400);
  });

  it('Cancel redirects with access_denied and the state; Connect with a 30-character code', async () => {
    const sb = makeSandbox();
    const url = authorizeUrl(BASE, { state, challenge });
    const denied = await sb.control.approve(url, { deny: true });
    expect(denied.location).toBe(`${REDIRECT}?error=access_denied&state=${state}`);
    const allowed = await sb.control.approve(url);
    expect(allowed.status).toBe(302);
    expect(allowed.code).toMatch(/^[A-Za-z0-9]{30}$/);
    expect(allowed.state).toBe(state);
  });

  it('denies access when no grantable scope is left', async () => {
    const sb = makeSandbox();
    const url = authorizeUrl(BASE, { state, challenge, scope: 'profile patient/Patient.rs' });
    const result = await sb.control.approve(url, { shareDemographics: false });
    expect(result.error).toBe('access_denied');
    expect(result.code).toBeNull();
  });

  it('issues canary codes in canary mode', async () => {
    const sb = makeSandbox({ canary: true });
    const result = await sb.control.approve(authorizeUrl(BASE, { state, challenge }));
    expect(result.code).toMatch(/^CANARY_CODE_[A-Za-z0-9]{30}$/);
  });
});
