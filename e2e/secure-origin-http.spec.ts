import { expect, test } from '@playwright/test';
import { E2E_APP_PORT } from '../playwright.config';
import { startAppInstance, type AppInstance } from './app-instance';
import { AppClient, control, localApp } from './support';

// The app configured for an https origin, as in production (docs/reliability.md #42, #44): HSTS and upgraded
// requests on every response, and every cookie Secure, HttpOnly, SameSite=Lax, prefixed, host-only and small.
// It listens on plain http here; the configured origin decides, as behind Vercel's TLS.

const PORT = E2E_APP_PORT + 94;
const ORIGIN = `https://localhost:${PORT}`;
let app: AppInstance;

/** An AppClient that keeps every Set-Cookie line it receives. */
class RecordingClient extends AppClient {
  readonly setCookies: string[] = [];
  readonly responses: [string, Response][] = [];

  override async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await super.fetch(path, init);
    this.setCookies.push(...response.headers.getSetCookie());
    this.responses.push([path, response]);
    return response;
  }
}

test.beforeAll(async () => {
  app = await startAppInstance(PORT, ORIGIN);
});

test.afterAll(async () => {
  await app?.stop();
  await control.reset();
});

test.beforeEach(async () => {
  await control.reset();
  await control.updateApp(localApp.clientId, { redirectUris: [`${ORIGIN}/api/auth/callback/bluebutton`] });
});

test('every cookie of a whole session is Secure, HttpOnly, SameSite=Lax, prefixed, host-only, unchunked and under 4 KB', async () => {
  const client = new RecordingClient(app.url);
  await client.signIn({ user: 'BBUser10020' });
  expect((await client.fetch('/dashboard')).status).toBe(200);
  expect((await client.fetch('/api/summary')).status).toBe(200);
  await client.fetch('/api/auth/session');
  const signOut = await client.fetch('/auth/sign-out', { method: 'POST', headers: { origin: ORIGIN } });
  expect(signOut.status).toBe(303);
  expect(client.hasSession()).toBe(false);

  const names = new Set<string>();
  expect(client.setCookies.length).toBeGreaterThan(4);
  for (const line of client.setCookies) {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const name = pair.slice(0, pair.indexOf('='));
    const flags = attributes.map((a) => a.toLowerCase());
    names.add(name);
    expect(name, line).toMatch(/^__(Secure|Host)-next-auth\./);
    expect(name, line).not.toMatch(/\.\d+$/);
    expect(flags, line).toContain('secure');
    expect(flags, line).toContain('httponly');
    expect(flags, line).toContain('samesite=lax');
    expect(flags, line).toContain('path=/');
    expect(
      flags.some((f) => f.startsWith('domain=')),
      line,
    ).toBe(false);
    expect(new TextEncoder().encode(pair).length, line).toBeLessThan(4096);
  }
  expect(names).toContain('__Secure-next-auth.session-token');
});

test('every response carries HSTS and upgrades insecure requests; the proxy redirects to the https origin', async () => {
  const client = new RecordingClient(app.url);
  const redirect = await client.fetch('/dashboard');
  expect(redirect.status).toBe(307);
  expect(redirect.headers.get('location')).toBe(`${ORIGIN}/`);
  await client.signIn({ user: 'BBUser10001' });
  await client.fetch('/dashboard');
  await client.fetch('/api/claims');
  await client.fetch('/no-such-page');
  await client.fetch('/auth/sign-out', { method: 'POST', headers: { origin: ORIGIN } });
  expect(client.responses.length).toBeGreaterThan(6);
  for (const [path, response] of client.responses) {
    expect(response.headers.get('strict-transport-security'), path).toBe(
      'max-age=63072000; includeSubDomains',
    );
    expect(response.headers.get('content-security-policy'), path).toContain('upgrade-insecure-requests');
  }
});
