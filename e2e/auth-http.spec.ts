import { expect, test } from '@playwright/test';
import { AppClient, appUrl, callbackUrl, control, refreshTokenWorks, sandboxUrl } from './support';

// Sign-in over plain HTTP against `next start` and the sandbox: the reliability cases that need no browser.

test.beforeEach(async () => {
  await control.reset();
});

const errorReason = (response: Response) => {
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '', appUrl);
  expect(location.pathname).toBe('/auth/error');
  return location.searchParams.get('reason');
};

test('the authorize request has the registered shape and fresh secrets each time', async () => {
  const urls = [await new AppClient().startSignIn(), await new AppClient().startSignIn()].map(
    (u) => new URL(u),
  );
  for (const url of urls) {
    const q = url.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('redirect_uri')).toBe(callbackUrl);
    expect(q.get('scope')).toBe(
      'profile patient/Patient.rs patient/Coverage.rs patient/ExplanationOfBenefit.rs',
    );
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const forbidden of ['code_verifier', 'client_secret', 'access_token'])
      expect(q.has(forbidden)).toBe(false);
  }
  expect(urls[0]!.searchParams.get('state')).not.toBe(urls[1]!.searchParams.get('state'));
  expect(urls[0]!.searchParams.get('code_challenge')).not.toBe(urls[1]!.searchParams.get('code_challenge'));
});

test('a sign-in start without the beneficiary’s consent is refused: no check cookies, nothing sent to Medicare', async () => {
  for (const consent of [null, '', 'yes', '2000-01-01']) {
    const client = new AppClient();
    const response = await client.postSignIn('/dashboard', { consent });
    expect(response.status, `consent=${consent}`).toBe(403);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const body = (await response.json()) as { error: { code: string; message: string }; url: string };
    expect(body.error.code).toBe('consent_required');
    expect(new URL(body.url).pathname).toBe('/auth/error');
    expect(new URL(body.url).searchParams.get('reason')).toBe('consent_required');
    expect([...client.cookies.keys()].some((name) => /next-auth\.(state|pkce)/.test(name))).toBe(false);
    expect(client.hasSession()).toBe(false);
  }
  // A plain form post (no script) is sent to the page that explains.
  const client = new AppClient();
  const { csrfToken } = (await (await client.fetch('/api/auth/csrf')).json()) as { csrfToken: string };
  const form = await client.fetch('/api/auth/signin/bluebutton', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl: '/dashboard' }),
  });
  expect(form.status).toBe(303);
  expect(form.headers.get('location')).toBe(`${appUrl}/auth/error?reason=consent_required`);
  const page = await (await client.fetch('/auth/error?reason=consent_required')).text();
  expect(page).toContain('Please agree before connecting');
  expect(await control.count('authorize')).toBe(0);
  // With the consent, the same start goes to Medicare's authorize page.
  const url = new URL(await new AppClient().startSignIn());
  expect(url.origin).toBe(sandboxUrl);
  expect(url.pathname).toMatch(/\/o\/authorize\/$/);
});

test('the code exchange is one Basic-authenticated POST whose verifier matches the challenge', async () => {
  const client = new AppClient();
  const authorize = new URL(await client.startSignIn());
  await client.fetch(await client.approve(authorize.toString()));
  expect(client.hasSession()).toBe(true);
  const requests = await control.requests('token');
  expect(requests).toHaveLength(1);
  const form = requests[0]!.form ?? {};
  expect(requests[0]!.headers.authorization).toMatch(/^Basic /);
  expect(form.client_secret).toBeUndefined();
  expect(form.redirect_uri).toBe(callbackUrl);
  const { createHash } = await import('node:crypto');
  const challenge = createHash('sha256').update(String(form.code_verifier)).digest('base64url');
  expect(challenge).toBe(authorize.searchParams.get('code_challenge'));
});

test('a state that differs from the one this browser started is refused without a token request', async () => {
  const client = new AppClient();
  const callback = new URL(await client.approve(await client.startSignIn()), appUrl);
  callback.searchParams.set('state', 'A'.repeat(43));
  expect(errorReason(await client.fetch(`${callback.pathname}${callback.search}`))).toBe('state_mismatch');
  expect(await control.count('token')).toBe(0);
  expect(client.hasSession()).toBe(false);
});

test.describe('missing, repeated or unusable state', () => {
  test('no state, a repeated state, or no check cookies: refused, no token request', async () => {
    const client = new AppClient();
    const callback = new URL(await client.approve(await client.startSignIn()), appUrl);
    const code = callback.searchParams.get('code')!;
    const state = callback.searchParams.get('state')!;
    expect(errorReason(await client.fetch(`/api/auth/callback/bluebutton?code=${code}`))).toBe(
      'state_mismatch',
    );
    expect(
      errorReason(
        await client.fetch(`/api/auth/callback/bluebutton?code=${code}&state=${state}&state=${state}`),
      ),
    ).toBe('state_mismatch');
    const fresh = new AppClient();
    expect(errorReason(await fresh.fetch(`${callback.pathname}${callback.search}`))).toBe('state_mismatch');
    expect(await control.count('token')).toBe(0);
    expect(client.hasSession() || fresh.hasSession()).toBe(false);
  });
});

test('a denial is its own page and its description is never reflected', async () => {
  const client = new AppClient();
  const authorize = new URL(await client.startSignIn());
  const state = authorize.searchParams.get('state')!;
  const response = await client.fetch(
    `/api/auth/callback/bluebutton?error=access_denied&error_description=${encodeURIComponent('<script>x</script>')}&state=${state}`,
  );
  expect(errorReason(response)).toBe('access_denied');
  const page = await (await client.fetch('/auth/error?reason=access_denied')).text();
  expect(page).toContain('You chose not to connect');
  expect(page).not.toContain('<script>x</script>');
  expect(await control.count('token')).toBe(0);
});

test('a code minted for another sign-in is refused by Medicare (PKCE): one token request, no session', async () => {
  const victim = new AppClient();
  const attacker = new AppClient();
  const victimCallback = new URL(await victim.approve(await victim.startSignIn()), appUrl);
  const attackerCallback = new URL(
    await attacker.approve(await attacker.startSignIn(), { user: 'BBUser00009' }),
    appUrl,
  );
  victimCallback.searchParams.set('code', attackerCallback.searchParams.get('code')!);
  expect(errorReason(await victim.fetch(`${victimCallback.pathname}${victimCallback.search}`))).toBe(
    'callback_replay',
  );
  expect(await control.count('token')).toBe(1);
  expect(victim.hasSession()).toBe(false);
});

test('replaying a finished callback makes no second token request and keeps the session', async () => {
  const client = new AppClient();
  const callback = await client.signIn();
  const cookieBefore = client.cookieHeader();
  const replay = await client.fetch(callback);
  expect(replay.status).toBe(302);
  expect(replay.headers.get('location')).toBe(`${appUrl}/dashboard`);
  expect(await control.count('token')).toBe(1);
  expect(client.hasSession()).toBe(true);
  expect((await client.fetch('/dashboard')).status).toBe(200);
  expect(cookieBefore).toContain('next-auth.session-token');
});

for (const target of [
  'https://evil.example',
  '//evil.example',
  '/\\evil.example',
  'https://app.example.evil.example',
  'javascript:alert(1)',
]) {
  test(`sign-in started with callbackUrl=${target} still lands on the dashboard`, async () => {
    const client = new AppClient();
    const callback = await client.approve(await client.startSignIn(target));
    const response = await client.fetch(callback);
    expect(response.headers.get('location')).toBe(`${appUrl}/dashboard`);
  });
}

test('a forwarded host does not change the redirect URI', async () => {
  const client = new AppClient();
  const response = await client.postSignIn('/dashboard', { headers: { 'x-forwarded-host': 'evil.example' } });
  const { url } = (await response.json()) as { url: string };
  expect(new URL(url).searchParams.get('redirect_uri')).toBe(callbackUrl);
});

test('a callback carrying an iss parameter is refused without a token request', async () => {
  const client = new AppClient();
  const callback = await client.approve(await client.startSignIn());
  expect(
    errorReason(await client.fetch(`${callback}&iss=${encodeURIComponent('https://evil.example')}`)),
  ).toBe('state_mismatch');
  expect(await control.count('token')).toBe(0);
});

const exchangeFailures: [string, Parameters<typeof control.script>[1], string][] = [
  ['500', { status: 500, json: { error: 'server_error' } }, 'token_unavailable'],
  ['503', { status: 503, body: 'Service Unavailable', contentType: 'text/plain' }, 'token_unavailable'],
  ['a stall past the timeout', { delayMs: 5000 }, 'token_unavailable'],
  ['the body {', { status: 200, body: '{', contentType: 'application/json' }, 'token_garbage'],
  ['the body null', { status: 200, body: 'null', contentType: 'application/json' }, 'token_garbage'],
  ['a 200 without access_token', { omit: ['access_token'] }, 'token_garbage'],
  ['token_type mac', { patch: { token_type: 'mac' } }, 'token_garbage'],
  ['401 invalid_client', { status: 401, json: { error: 'invalid_client' } }, 'invalid_client'],
];
for (const [name, step, reason] of exchangeFailures) {
  test(`a code exchange answered with ${name} shows ${reason}, after exactly one token request`, async () => {
    const client = new AppClient();
    const callback = await client.approve(await client.startSignIn());
    await control.script('token', step);
    expect(errorReason(await client.fetch(callback))).toBe(reason);
    expect(await control.count('token')).toBe(1);
    expect(client.hasSession()).toBe(false);
  });
}

test('signing in replaces a planted session cookie', async () => {
  const client = new AppClient();
  client.cookies.set('next-auth.session-token', 'planted-value');
  await client.signIn();
  expect(client.cookies.get('next-auth.session-token')).not.toBe('planted-value');
});

test('signed-out visitors are sent home from the dashboard, even with a forged proxy header', async () => {
  const forged: Record<string, string>[] = [
    {},
    { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
  ];
  for (const headers of forged) {
    const response = await new AppClient().fetch('/dashboard', { headers });
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get('location') ?? '', appUrl).pathname).toBe('/');
  }
});

test('tampered, foreign, partial or oversized session cookies are anonymous, never a 500', async () => {
  const client = new AppClient();
  await client.signIn();
  const real = client.cookies.get('next-auth.session-token')!;
  const flipped = `${real.slice(0, 40)}${real[40] === 'A' ? 'B' : 'A'}${real.slice(41)}`;
  const variants: Record<string, string>[] = [
    { 'next-auth.session-token': flipped },
    { 'next-auth.session-token': 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z' },
    { 'next-auth.session-token.0': real.slice(0, 100) },
    { 'next-auth.session-token': 'x'.repeat(10_000) },
  ];
  for (const cookies of variants) {
    const other = new AppClient();
    for (const [k, v] of Object.entries(cookies)) other.cookies.set(k, v);
    const page = await other.fetch('/dashboard');
    expect([302, 303, 307]).toContain(page.status);
    const home = await other.fetch('/');
    expect(home.status).toBe(200);
  }
  const bearer = await new AppClient().fetch('/dashboard', { headers: { authorization: 'Bearer %' } });
  expect(bearer.status).toBe(307);
});

test('sign-out revokes at Medicare, clears cookies and site data, and the old cookie no longer works', async () => {
  const client = new AppClient();
  await client.signIn();
  const oldCookie = client.cookieHeader();
  const response = await client.fetch('/auth/sign-out', { method: 'POST', headers: { origin: appUrl } });
  expect(response.status).toBe(303);
  expect(response.headers.get('clear-site-data')).toBe('"cache", "storage"');
  expect(client.hasSession()).toBe(false);
  expect(await control.count('revoke_token')).toBe(1);
  expect((await control.requests('revoke_token'))[0]?.headers.authorization).toMatch(/^Basic /);

  const replay = await fetch(`${appUrl}/dashboard`, { headers: { cookie: oldCookie }, redirect: 'manual' });
  expect([302, 303, 307]).toContain(replay.status);
  expect(new URL(replay.headers.get('location') ?? '', appUrl).pathname).toMatch(/^\/(auth\/error)?$/);
});

test('a sign-out posted from another site is refused', async () => {
  const client = new AppClient();
  await client.signIn();
  const response = await client.fetch('/auth/sign-out', {
    method: 'POST',
    headers: { origin: 'https://evil.example' },
  });
  expect(response.status).toBe(403);
  expect(client.hasSession()).toBe(true);
  expect(await control.count('revoke_token')).toBe(0);
});

test('check cookies past their 15 minutes are refused without a token request', async () => {
  const { decode, encode } = await import('next-auth/jwt');
  const { E2E_AUTH_SECRET: secret } = await import('../playwright.config');
  // Re-issue this browser's state and PKCE cookies with another lifetime, as next-auth issues them.
  const reissue = async (client: AppClient, maxAge: number) => {
    for (const name of ['next-auth.state', 'next-auth.pkce.code_verifier']) {
      const payload = await decode({ token: client.cookies.get(name), secret, salt: name });
      const token = { value: payload?.value, provider: payload?.provider };
      client.cookies.set(name, await encode({ token, secret, salt: name, maxAge }));
    }
  };
  const fresh = new AppClient();
  const freshCallback = await fresh.approve(await fresh.startSignIn());
  await reissue(fresh, 15 * 60);
  expect((await fresh.fetch(freshCallback)).headers.get('location')).toBe(`${appUrl}/dashboard`);

  await control.clearRequests();
  const stale = new AppClient();
  const staleCallback = await stale.approve(await stale.startSignIn());
  await reissue(stale, -60); // issued 16 minutes ago with the 15-minute lifetime
  expect(errorReason(await stale.fetch(staleCallback))).toBe('state_mismatch');
  expect(await control.count('token')).toBe(0);
  expect(stale.hasSession()).toBe(false);
});

// docs/sessions.md, "The session endpoint". Guards /api/auth/session answering from the cookie alone: after
// the server-side session ended (signed out in another tab, a copied cookie, the idle limit), it kept
// answering with the name and grants and renewed the cookie.
test('a copy of the cookie gets an empty session after sign-out, and the cookie is expired, not renewed', async () => {
  const client = new AppClient();
  await client.signIn({ user: 'BBUser00011' });
  const copy = client.cookieHeader();
  const asCopy = () => fetch(`${appUrl}/api/auth/session`, { headers: { cookie: copy } });
  const before = await asCopy();
  expect(((await before.json()) as { user?: { name?: string } }).user?.name).toBeTruthy();
  expect((await client.fetch('/auth/sign-out', { method: 'POST', headers: { origin: appUrl } })).status).toBe(
    303,
  );
  const after = await asCopy();
  expect(after.status).toBe(200);
  expect(await after.json()).toEqual({});
  expect(after.headers.get('cache-control')).toContain('no-store');
  const cleared = after.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
  expect(cleared).toMatch(/^next-auth\.session-token=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
  expect((await asCopy()).headers.getSetCookie().join()).not.toMatch(/session-token=[^;]/);
});

// docs/sessions.md, "Signing in again". Guards a second sign-in in the same browser leaving the first
// server session alive: a copy of the first cookie still worked, and its tokens stayed valid at Medicare.
test('signing in again ends the previous session: its cookie gets nothing and its tokens are revoked', async () => {
  const client = new AppClient();
  await client.signIn({ user: 'BBUser00012' });
  const first = client.cookieHeader();
  await control.clearRequests();
  await client.signIn({ user: 'BBUser00013' });
  expect(client.cookieHeader()).not.toBe(first);
  const session = (cookie: string) =>
    fetch(`${appUrl}/api/auth/session`, { headers: { cookie } }).then((r) => r.json());
  expect(await session(first)).toEqual({});
  expect(((await session(client.cookieHeader())) as { user?: object }).user).toBeTruthy();
  const replay = await fetch(`${appUrl}/api/summary`, { headers: { cookie: first } });
  expect(replay.status).toBe(401);
  const revocations = await control.requests('revoke_token');
  expect(revocations).toHaveLength(1);
  expect(revocations[0]?.form?.token_type_hint).toBe('refresh_token');
  expect(await refreshTokenWorks(String(revocations[0]?.form?.token))).toBe(false);
  expect((await client.fetch('/api/summary')).status).toBe(200);
});
