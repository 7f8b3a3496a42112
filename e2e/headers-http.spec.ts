import { expect, test } from '@playwright/test';
import { AppClient, appUrl, control, sandboxUrl } from './support';

// The headers of every kind of response, over plain HTTP against `next start` (docs/reliability.md #42, #43):
// the security headers and a fresh nonce, no-store wherever a session or a beneficiary's data can be, and the
// correlation id.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

const DASHBOARD_PAGES = [
  '/dashboard',
  '/dashboard/spending',
  '/dashboard/prescriptions',
  '/dashboard/coverage',
  '/dashboard/claims',
  '/dashboard/profile',
];

/** The directives of a CSP, as name → sources. */
function directives(csp: string | null): Map<string, string[]> {
  return new Map(
    (csp ?? '').split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

/** The nonce of a response's CSP. */
function nonceOf(response: Response): string {
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
  expect(nonce, 'a nonce in the CSP').toBeDefined();
  return nonce!;
}

/** Checks what every response of the app (but the build's static files) carries; returns its label. */
function expectSecured(label: string, response: Response) {
  const headers = response.headers;
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(headers.get(name), `${label} ${name}`).toBe(value);
  expect(headers.get('permissions-policy'), label).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  expect(headers.get('x-powered-by'), label).toBeNull();
  expect(headers.get('strict-transport-security'), `${label}: no HSTS over plain http`).toBeNull();
  expect(headers.get('x-request-id'), label).toMatch(UUID);
  const csp = directives(headers.get('content-security-policy'));
  expect(csp.get('script-src'), label).toEqual([
    "'self'",
    `'nonce-${nonceOf(response)}'`,
    "'strict-dynamic'",
  ]);
  expect(csp.get('frame-ancestors'), label).toEqual(["'none'"]);
  expect(csp.get('object-src'), label).toEqual(["'none'"]);
  expect(csp.get('base-uri'), label).toEqual(["'none'"]);
  expect(csp.get('connect-src'), label).toEqual(["'self'"]);
  expect(csp.get('form-action'), label).toEqual(["'self'", sandboxUrl]);
  expect(csp.has('upgrade-insecure-requests'), label).toBe(false);
}

/**
 * An RSC request as the router sends it: Next answers one whose `_rsc` search parameter does not match its
 * headers with a redirect to the right one (cache busting), which the router follows. Both answers are returned.
 */
async function fetchRsc(
  client: AppClient,
  path: string,
  headers: Record<string, string>,
): Promise<Response[]> {
  const first = await client.fetch(path, { headers });
  if (first.status !== 307) return [first];
  const location = first.headers.get('location') ?? '';
  expect(location).toContain('_rsc');
  return [first, await client.fetch(location, { headers })];
}

function expectNoStore(label: string, response: Response) {
  const cacheControl = response.headers.get('cache-control') ?? '';
  expect(cacheControl, label).toContain('no-store');
  expect(cacheControl, label).toContain('private');
}

test.beforeEach(async () => {
  await control.reset();
});

test('signed out: pages, the not-found page, the proxy’s redirect, auth and API routes carry every header', async () => {
  const client = new AppClient();
  const requests: [string, string, RequestInit?][] = [
    ['home page', '/'],
    ['error page', '/auth/error?reason=unknown'],
    ['not-found page', '/no-such-page'],
    ['proxy redirect', '/dashboard/claims'],
    ['account redirect', '/account/disconnect'],
    ['session', '/api/auth/session'],
    ['csrf', '/api/auth/csrf'],
    ['providers', '/api/auth/providers'],
    ['API without a session', '/api/summary'],
    ['icon', '/icon.svg'],
    ['RSC of the home page', '/?_rsc', { headers: { RSC: '1' } }],
    [
      'sign-out from another site',
      '/auth/sign-out',
      { method: 'POST', headers: { origin: 'https://evil.example' } },
    ],
  ];
  const statuses: string[] = [];
  for (const [label, path, init] of requests) {
    const response = await client.fetch(path, init);
    statuses.push(`${label} ${response.status}`);
    expectSecured(label, response);
    expectNoStore(label, response);
  }
  expect(statuses).toEqual([
    'home page 200',
    'error page 200',
    'not-found page 404',
    'proxy redirect 307',
    'account redirect 307',
    'session 200',
    'csrf 200',
    'providers 200',
    'API without a session 401',
    'icon 200',
    'RSC of the home page 200',
    'sign-out from another site 403',
  ]);
});

test('signed in: the callback’s redirect, every page, its RSC payload, every API route and sign-out carry every header and no-store', async () => {
  const client = new AppClient();
  const callback = await client.approve(await client.startSignIn(), { user: 'BBUser10050' });
  const signedIn = await client.fetch(callback);
  expect(signedIn.status).toBe(302);
  expect(signedIn.headers.get('location')).toBe(`${appUrl}/dashboard`);
  expect(signedIn.headers.getSetCookie().join()).toContain('next-auth.session-token=');
  expectSecured('callback', signedIn);
  expectNoStore('callback', signedIn);

  const claims = (await (await client.fetch('/api/claims?pageSize=1')).json()) as { items: { id: string }[] };
  const claimId = encodeURIComponent(claims.items[0]!.id);
  const pages = [...DASHBOARD_PAGES, `/dashboard/claims/${claimId}`, '/account/disconnect'];
  for (const path of pages) {
    const page = await client.fetch(path);
    expect(page.status, path).toBe(200);
    expectSecured(path, page);
    expectNoStore(path, page);
    for (const [kind, headers] of [
      ['RSC request', { RSC: '1' }],
      ['RSC prefetch', { RSC: '1', 'Next-Router-Prefetch': '1' }],
    ] as const) {
      for (const response of await fetchRsc(client, path, headers)) {
        const label = `${kind} ${response.url}`;
        expect([200, 307], label).toContain(response.status);
        if (response.status === 200)
          expect(response.headers.get('content-type'), label).toContain('text/x-component');
        expectSecured(label, response);
        expectNoStore(label, response);
      }
    }
  }
  const routes = [
    '/api/summary',
    '/api/claims',
    `/api/claims/${claimId}`,
    `/api/claims/${claimId}/fhir`,
    '/api/claims/-999999999',
    '/api/coverage',
    '/api/prescriptions',
    '/api/profile',
    '/api/load-status',
    '/api/export/fhir',
    '/api/claims?pageSize=abc',
    '/api/auth/session',
    '/dashboard/no-such-page',
  ];
  const statuses: number[] = [];
  for (const path of routes) {
    const response = await client.fetch(path);
    statuses.push(response.status);
    await response.arrayBuffer(); // read to the end: the export is streamed
    expectSecured(path, response);
    expectNoStore(path, response);
  }
  expect(statuses).toEqual([200, 200, 200, 200, 404, 200, 200, 200, 200, 200, 400, 200, 404]);

  const signOut = await client.fetch('/auth/sign-out', { method: 'POST', headers: { origin: appUrl } });
  expect(signOut.status).toBe(303);
  expectSecured('sign-out', signOut);
  expectNoStore('sign-out', signOut);
});

test('a failed callback’s redirect to the error page carries every header and no-store', async () => {
  const client = new AppClient();
  const callback = new URL(await client.approve(await client.startSignIn()), appUrl);
  callback.searchParams.set('state', 'A'.repeat(43));
  const response = await client.fetch(`${callback.pathname}${callback.search}`);
  expect(response.status).toBe(302);
  expect(new URL(response.headers.get('location')!).pathname).toBe('/auth/error');
  expectSecured('failed callback', response);
  expectNoStore('failed callback', response);
});

test('each response has its own nonce, and every script of the page carries it', async () => {
  const client = new AppClient();
  await client.signIn({ user: 'BBUser10001' });
  for (const path of ['/', '/dashboard', '/auth/error?reason=unknown', '/no-such-page']) {
    const [first, second] = [await client.fetch(path), await client.fetch(path)];
    expect(nonceOf(first), path).not.toBe(nonceOf(second));
    for (const response of [first, second]) {
      const nonce = nonceOf(response);
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(1);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
      const styles = html.match(/<style\b[^>]*>/g) ?? [];
      for (const tag of styles) expect(tag, path).toContain(`nonce="${nonce}"`);
      expect(html).not.toContain('unsafe-inline');
    }
  }
});

test('the build’s static files keep their year-long cache and get the security headers, HSTS over https', async () => {
  const html = await (await new AppClient().fetch('/')).text();
  const file = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(file).toBeDefined();
  const response = await fetch(`${appUrl}${file}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(response.headers.get(name), name).toBe(value);
  expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(response.headers.get('x-powered-by')).toBeNull();
  expect(response.headers.get('strict-transport-security')).toBeNull();
  const overHttps = await fetch(`${appUrl}${file}`, { headers: { 'x-forwarded-proto': 'https' } });
  expect(overHttps.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
});

test('a page served over https (behind a TLS proxy) gets HSTS and upgrades insecure requests', async () => {
  const response = await new AppClient().fetch('/', { headers: { 'x-forwarded-proto': 'https' } });
  expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  expect(directives(response.headers.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(
    true,
  );
});

test('the proxy sends signed-out visitors to the configured origin, whatever Host the request names', async () => {
  const forged: Record<string, string>[] = [
    {},
    { host: 'evil.example' },
    { 'x-forwarded-host': 'evil.example' },
    { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
  ];
  for (const headers of forged) {
    const response = await fetch(`${appUrl}/dashboard`, { headers, redirect: 'manual' });
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location') ?? '', appUrl);
    expect(location.toString(), JSON.stringify(headers)).toBe(`${appUrl}/`);
  }
});

test('every response gets a fresh correlation id; one sent by the client is replaced', async () => {
  const client = new AppClient();
  const forged = '11111111-1111-4111-8111-111111111111';
  const ids = new Set<string>();
  for (let i = 0; i < 3; i += 1) {
    for (const path of ['/', '/api/auth/session', '/dashboard']) {
      const id = (await client.fetch(path, { headers: { 'x-request-id': forged } })).headers.get(
        'x-request-id',
      );
      expect(id).toMatch(UUID);
      ids.add(id!);
    }
  }
  expect(ids.size).toBe(9);
  expect(ids.has(forged)).toBe(false);
});

test('when Medicare fails, the page’s reference is the response’s correlation id', async () => {
  const client = new AppClient();
  await client.signIn({ user: 'BBUser10006' });
  await control.script('eob', {
    status: 503,
    body: 'Service Unavailable',
    contentType: 'text/plain',
    times: 100,
  });
  const response = await client.fetch('/dashboard/claims');
  expect(response.status).toBe(200);
  const id = response.headers.get('x-request-id');
  const html = await response.text();
  expect(html).toContain('Medicare data is temporarily unavailable.');
  expect(html).toContain(`<span class="font-mono">${id}</span>`);
});

test('sign-out sent by a same-origin form under no-referrer (Origin: null) works; from another site it does not', async () => {
  const crossSite = new AppClient();
  await crossSite.signIn();
  const refused = await crossSite.fetch('/auth/sign-out', {
    method: 'POST',
    headers: { origin: 'null', 'sec-fetch-site': 'cross-site' },
  });
  expect(refused.status).toBe(403);
  expect(crossSite.hasSession()).toBe(true);

  const response = await crossSite.fetch('/auth/sign-out', {
    method: 'POST',
    headers: { origin: 'null', 'sec-fetch-site': 'same-origin' },
  });
  expect(response.status).toBe(303);
  expect(crossSite.hasSession()).toBe(false);
});
