import { expect, test } from '@playwright/test';
import { Redis } from 'ioredis';
import { startRedisServer, type TestRedisServer } from '../lib/store/redis-server.test-support';
import { E2E_APP_PORT } from '../playwright.config';
import { startAppInstance, type AppInstance } from './app-instance';
import { AppClient, control, localApp, refreshTokenWorks } from './support';

// Two app instances sharing one real redis-server, as on Vercel (docs/reliability.md #18): a session started
// on one is served by the other, and concurrent requests on both refresh the tokens exactly once.

const PORTS = [E2E_APP_PORT + 91, E2E_APP_PORT + 92] as const;
const ORIGIN = `http://localhost:${PORTS[0]}`;
let redis: TestRedisServer;
const servers: AppInstance[] = [];

test.beforeAll(async () => {
  redis = await startRedisServer();
  // Two instances of one deployment: the same origin and secret, one Redis.
  servers.push(
    ...(await Promise.all(PORTS.map((port) => startAppInstance(port, ORIGIN, { REDIS_URL: redis.url })))),
  );
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await redis?.close();
  await control.reset(); // the registered redirect URIs back to the defaults, for the other specs
});

test.beforeEach(async () => {
  await control.reset();
  await control.updateApp(localApp.clientId, {
    redirectUris: [`${ORIGIN}/api/auth/callback/bluebutton`],
  });
});

test('a session started on one instance is served by the other', async () => {
  const a = new AppClient(`http://localhost:${PORTS[0]}`);
  await a.signIn({ user: 'BBUser10012' });
  const b = new AppClient(`http://localhost:${PORTS[1]}`);
  for (const [name, value] of a.cookies) b.cookies.set(name, value);
  const response = await b.fetch('/api/summary');
  expect(response.status).toBe(200);
  expect(((await response.json()) as { claims: { count: number } }).claims.count).toBe(12);
});

test('twenty concurrent requests across two instances refresh once, and all succeed', async () => {
  await control.setAccessTokenLifetime(10); // refreshed at half-life, 5 s after it is issued
  const a = new AppClient(`http://localhost:${PORTS[0]}`);
  await a.signIn({ user: 'BBUser10013' });
  const b = new AppClient(`http://localhost:${PORTS[1]}`);
  for (const [name, value] of a.cookies) b.cookies.set(name, value);
  await new Promise((resolve) => setTimeout(resolve, 5_500));
  await control.clearRequests();
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) => (i % 2 ? b : a).fetch('/api/summary?fresh=1')),
  );
  expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
  expect(await control.count('token')).toBe(1);
});

test('six concurrent requests across two instances with nothing cached share one load', async () => {
  const once = new AppClient(`http://localhost:${PORTS[0]}`);
  await once.signIn({ user: 'BBUser10300' });
  await control.clearRequests();
  expect((await once.fetch('/api/summary')).status).toBe(200);
  const oneLoad = await control.count('eob');
  expect(oneLoad).toBeGreaterThan(8);

  const a = new AppClient(`http://localhost:${PORTS[0]}`);
  await a.signIn({ user: 'BBUser10300' });
  const b = new AppClient(`http://localhost:${PORTS[1]}`);
  for (const [name, value] of a.cookies) b.cookies.set(name, value);
  await control.clearRequests();
  const paths = [
    '/api/summary',
    '/api/claims',
    '/api/prescriptions',
    '/api/coverage',
    '/dashboard',
    '/api/summary',
  ];
  const responses = await Promise.all(paths.map((path, i) => (i % 2 ? b : a).fetch(path)));
  expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
  expect(await control.count('eob')).toBe(oneLoad);
  const summary = (await responses[5]!.json()) as { claims: { count: number } };
  expect(summary.claims.count).toBe(300);
  // Progress and the result live in the shared store: either instance reports the load as done.
  for (const client of [a, b]) {
    const status = (await (await client.fetch('/api/load-status')).json()) as { state: string };
    expect(status.state).toBe('ready');
  }
});

// docs/sessions.md, "Signing in again". Guards a sign-in that fails after the code exchange (here the shared
// store stalls past its 2-second command timeout while the session is being stored) leaving the tokens that
// Medicare issued alive.
test('a sign-in that fails after the code exchange revokes the tokens it obtained', async () => {
  const base = `http://localhost:${PORTS[0]}`;
  await new AppClient(base).signIn({ user: 'BBUser10014' }); // the instance's store connection is open
  const client = new AppClient(base);
  const callback = await client.approve(await client.startSignIn(), { user: 'BBUser10015' });
  await control.clearRequests();
  const blocker = new Redis(redis.url);
  try {
    await blocker.ping();
    const stall = blocker.call('DEBUG', 'SLEEP', '3').catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the server has begun its stall
    const response = await client.fetch(callback);
    await stall;
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '', base);
    expect(location.pathname).toBe('/auth/error');
    expect(location.searchParams.get('reason')).toBe('unknown');
  } finally {
    blocker.disconnect();
  }
  expect(client.hasSession()).toBe(false);
  expect(await control.count('token')).toBe(1);
  const revocations = await control.requests('revoke_token');
  expect(revocations).toHaveLength(1);
  expect(await refreshTokenWorks(String(revocations[0]?.form?.token))).toBe(false);
});
