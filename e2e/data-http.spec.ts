import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { authorizeUrl } from '../sandbox/server.test-support';
import { AppClient, appUrl, control, localApp, pkce, sandboxUrl } from './support';

// The data layer through the app's own API, against `next start` and the sandbox: refresh under concurrency,
// every reconnect path, cache bypass, isolation between beneficiaries, and the summary contract.

test.beforeEach(async () => {
  await control.reset();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function signedIn(user = 'BBUser10050') {
  const client = new AppClient();
  await client.signIn({ user });
  return client;
}

async function getJson(client: AppClient, path: string) {
  const response = await client.fetch(path);
  return {
    status: response.status,
    headers: response.headers,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies of many shapes, checked by the assertions
    body: (await response.json()) as Record<string, any>,
  };
}

/** Every FHIR resource the sandbox holds for a user, fetched directly with a token of our own. */
async function fetchDirectly(user: string) {
  const { verifier, challenge, state } = pkce();
  const redirectUri = `${appUrl}/api/auth/callback/bluebutton`;
  const approved = await control.approve(authorizeUrl(sandboxUrl, { state, challenge, redirectUri }), {
    username: user,
    password: `PW${user.slice(-5)}!`,
  });
  const basic = Buffer.from(`${localApp.clientId}:${localApp.clientSecret}`).toString('base64');
  const token = (await (
    await fetch(`${sandboxUrl}/v2/o/token/`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}` },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: approved.code ?? '',
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }),
    })
  ).json()) as { access_token: string };
  const pages: unknown[] = [];
  for (const resource of ['ExplanationOfBenefit', 'Coverage']) {
    let url: string | undefined = `${sandboxUrl}/v2/fhir/${resource}/?_count=50`;
    while (url) {
      const page = (await (
        await fetch(url, { headers: { authorization: `Bearer ${token.access_token}` } })
      ).json()) as {
        link?: { relation: string; url: string }[];
      };
      pages.push(page);
      url = page.link?.find((l) => l.relation === 'next')?.url;
    }
  }
  return pages;
}

test('GET /api/summary equals `npm run summarize` on the same FHIR data', async () => {
  const client = await signedIn('BBUser10123');
  const api = await getJson(client, '/api/summary');
  expect(api.status).toBe(200);
  expect(api.headers.get('cache-control')).toBe('private, no-store');
  expect(api.body.claims.count).toBe(123);

  const dir = mkdtempSync(path.join(tmpdir(), 'summary-'));
  try {
    const files = (await fetchDirectly('BBUser10123')).map((page, i) => {
      const file = path.join(dir, `page-${i}.json`);
      writeFileSync(file, JSON.stringify(page));
      return file;
    });
    const stdout = execFileSync('npm', ['run', '-s', 'summarize', '--', ...files], { encoding: 'utf8' });
    expect(api.body).toEqual(JSON.parse(stdout));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('signed-out API calls get a 401 envelope, never a redirect or data', async () => {
  for (const path of [
    '/api/summary',
    '/api/claims',
    '/api/claims/x',
    '/api/prescriptions',
    '/api/coverage',
    '/api/profile',
  ]) {
    const response = await getJson(new AppClient(), path);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'not_signed_in', message: expect.any(String) } });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  }
  const forged = await new AppClient().fetch('/api/summary', {
    headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
  });
  expect(forged.status).toBe(401);
});

test('an invalid parameter is a 400 naming it, and is never forwarded to Medicare', async () => {
  const client = await signedIn();
  await control.clearRequests();
  for (const [path, name] of [
    ['/api/claims?type=carrier,dentist', 'type'],
    ['/api/claims?from=yesterday', 'from'],
    ['/api/claims?sort=price', 'sort'],
    ['/api/claims?page=-1', 'page'],
    ['/api/prescriptions?to=2024-99-99', 'to'],
    ['/api/summary?fresh=yes', 'fresh'],
    ['/api/claims/..%2F..%2Fetc', 'id'],
  ] as const) {
    const response = await getJson(client, path);
    expect(response.status, path).toBe(400);
    expect(response.body.error.code).toBe('bad_request');
    expect(response.body.error.message).toContain(name);
  }
  expect(await control.count('eob')).toBe(0);
});

test('claims, one claim, prescriptions, coverage and profile come from the same data', async () => {
  const client = await signedIn('BBUser10050');
  const list = await getJson(client, '/api/claims?pageSize=100');
  expect(list.body.total).toBe(50);
  const first = list.body.items[0];
  const detail = await getJson(client, `/api/claims/${first.id}`);
  expect(detail.body.id).toBe(first.id);
  expect(Array.isArray(detail.body.lines)).toBe(true);
  expect((await getJson(client, '/api/claims/-999999999')).status).toBe(404);
  const pde = await getJson(client, '/api/claims?type=pde&pageSize=100');
  const prescriptions = await getJson(client, '/api/prescriptions');
  expect(prescriptions.body.items).toHaveLength(pde.body.total);
  expect((await getJson(client, '/api/coverage')).body.items.length).toBeGreaterThanOrEqual(2);
  const profile = await getJson(client, '/api/profile');
  expect(profile.body.demographics).toBe('shared');
  // Medicare's patient id is never shown, so /api/profile does not send it (docs/sessions.md).
  expect(profile.body.profile.name).toBeTruthy();
  expect(profile.body.profile).not.toHaveProperty('id');
  expect(JSON.stringify(profile.body)).not.toContain('-10000000010050');
});

test('moving between pages reads the cache; fresh=1 within the cooldown answers it with its age', async () => {
  const client = await signedIn('BBUser10051');
  const first = await getJson(client, '/api/summary');
  expect(first.headers.get('data-source')).toBe('loaded');
  const afterFirst = await control.count('eob');
  expect(afterFirst).toBeGreaterThan(0);
  await getJson(client, '/api/claims');
  await getJson(client, '/api/prescriptions');
  expect(await control.count('eob')).toBe(afterFirst);
  const soon = await getJson(client, '/api/summary?fresh=1');
  expect(soon.status).toBe(200);
  expect(soon.headers.get('data-source')).toBe('cooldown');
  expect(soon.headers.get('data-fetched-at')).toBe(first.headers.get('data-fetched-at'));
  expect(Number(soon.headers.get('data-age-seconds'))).toBeGreaterThanOrEqual(0);
  expect(soon.body).toEqual(first.body);
  expect(await control.count('eob')).toBe(afterFirst);
  // The end-to-end app runs with a 3-second cooldown (playwright.config.ts); after it, fresh=1 fetches again.
  await pause(3_100);
  const later = await getJson(client, '/api/summary?fresh=1');
  expect(later.headers.get('data-source')).toBe('loaded');
  expect(await control.count('eob')).toBe(2 * afterFirst);
});

test('six concurrent requests of a session with nothing cached share one load', async () => {
  const once = await signedIn('BBUser10500');
  await control.clearRequests();
  await getJson(once, '/api/summary');
  const oneLoad = await control.count('eob');
  expect(oneLoad).toBeGreaterThan(8);

  const client = await signedIn('BBUser10500');
  await control.clearRequests();
  const paths = [
    '/api/summary',
    '/api/claims',
    '/api/prescriptions',
    '/api/coverage',
    '/dashboard',
    '/api/summary?fresh=1',
  ];
  const responses = await Promise.all(paths.map((path) => client.fetch(path)));
  expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
  expect(await control.count('eob')).toBe(oneLoad);
  expect(await control.count('patient')).toBe(1);
  expect(await control.count('coverage')).toBe(1);
  const sources = responses
    .filter((r) => r.headers.has('data-source'))
    .map((r) => r.headers.get('data-source'));
  expect(sources.filter((s) => s === 'loaded')).toHaveLength(1);
});

test('a load that fails caches nothing; the next request starts a new one', async () => {
  const client = await signedIn('BBUser10120');
  await control.clearRequests();
  // Medicare answers every EOB search 500: the load fails after its retries.
  await control.script('eob', { status: 500, json: { detail: 'boom' }, times: 50 });
  const failed = await getJson(client, '/api/summary');
  expect(failed.status).toBe(503);
  expect(failed.body.error.code).toBe('medicare_unavailable');
  const status = await getJson(client, '/api/load-status');
  expect(status.body).toMatchObject({ state: 'failed', code: 'medicare_unavailable' });
  await control.clearScripts();
  await control.clearRequests();
  const next = await getJson(client, '/api/summary');
  expect(next.status).toBe(200);
  expect(next.body.claims.count).toBe(120);
  expect(next.headers.get('data-source')).toBe('loaded');
  expect(await control.count('eob')).toBeGreaterThan(0);
});

test('the load status shows progress while a long history loads, then when it was fetched', async () => {
  const client = await signedIn('BBUser11400');
  expect((await getJson(client, '/api/load-status')).body).toEqual({ state: 'idle' });
  await control.setLatency(400, 'eob');
  const loading = getJson(client, '/api/summary');
  const seen: Record<string, unknown>[] = [];
  for (let i = 0; i < 40; i += 1) {
    const { status, headers, body } = await getJson(client, '/api/load-status');
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('private, no-store');
    seen.push(body);
    if (body.state === 'ready') break;
    await pause(100);
  }
  const summary = await loading;
  expect(summary.body.claims.count).toBe(1400);
  const progress = seen.filter((s) => s.state === 'loading');
  expect(progress.length).toBeGreaterThan(0);
  expect(progress.some((s) => s.expectedClaims === 1400 && Number(s.claims) < 1400)).toBe(true);
  const ready = seen.at(-1);
  expect(ready).toMatchObject({ state: 'ready' });
  expect(Number(ready?.refreshAvailableAt) - Number(ready?.fetchedAt)).toBe(3_000);
});

test('the load status needs a session', async () => {
  const response = await new AppClient().fetch('/api/load-status');
  expect(response.status).toBe(401);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_signed_in');
});

test('declined demographics: claims and coverage still load, the profile says not shared', async () => {
  const client = new AppClient();
  await client.signIn({ user: 'BBUser00002', shareDemographics: false });
  const profile = await getJson(client, '/api/profile');
  expect(profile.status).toBe(200);
  expect(profile.body).toEqual({ demographics: 'declined', profile: null });
  expect((await getJson(client, '/api/summary')).status).toBe(200);
});

test('ten concurrent requests with an expiring token make exactly one refresh, and all succeed', async () => {
  // 10-second tokens are refreshed at half-life: wait past it, then load ten times at once.
  await control.setAccessTokenLifetime(10);
  const client = await signedIn('BBUser10010');
  await pause(5_500);
  await control.clearRequests();
  const results = await Promise.all(
    Array.from({ length: 10 }, () => getJson(client, '/api/summary?fresh=1')),
  );
  expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
  expect(await control.count('token')).toBe(1);

  // The rotated refresh token was kept on the server: the next load past half-life rotates again, once.
  await pause(5_500);
  await control.clearRequests();
  expect((await getJson(client, '/api/summary?fresh=1')).status).toBe(200);
  expect(await control.count('token')).toBe(1);
});

test('ten concurrent requests whose token Medicare already expired: one refresh-and-replay for all', async () => {
  const client = await signedIn('BBUser10011');
  await control.advanceClock(3601);
  await control.clearRequests();
  const results = await Promise.all(
    Array.from({ length: 10 }, () => getJson(client, '/api/summary?fresh=1')),
  );
  expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
  expect(await control.count('token')).toBe(1);
  expect(results.every((r) => r.body.claims.count === 11)).toBe(true);
});

test('a dead refresh token ends in a reconnect, once: later loads make no token call', async () => {
  const client = await signedIn('BBUser10005');
  await control.advanceClock(3601);
  await control.clearRequests();
  await control.script('token', { status: 400, json: { error: 'invalid_grant' } });
  const first = await getJson(client, '/api/summary?fresh=1');
  expect(first.status).toBe(401);
  expect(first.body.error).toMatchObject({ code: 'reconnect_required', reason: 'refresh_reused' });
  expect(await control.count('token')).toBe(1);
  for (let load = 0; load < 3; load += 1) {
    const again = await getJson(client, '/api/summary?fresh=1');
    expect(again.body.error.reason).toBe('refresh_reused');
  }
  expect(await control.count('token')).toBe(1);
  const page = await client.fetch('/dashboard');
  expect(page.headers.get('location')).toContain('/auth/error?reason=refresh_reused');
});

test('access revoked at Medicare while the token is valid: one refresh attempt, then reconnect', async () => {
  const client = await signedIn('BBUser10007');
  await control.clearRequests();
  await control.revokeGrant({ user: 'BBUser10007' });
  const response = await getJson(client, '/api/summary?fresh=1');
  expect(response.status).toBe(401);
  expect(response.body.error.reason).toBe('access_revoked');
  expect(await control.count('token')).toBe(1);
});

test('an expired 13-month grant has its own reason', async () => {
  const client = await signedIn('BBUser10008');
  await control.expireGrant({ user: 'BBUser10008' });
  const response = await getJson(client, '/api/summary?fresh=1');
  expect(response.body.error.reason).toBe('grant_expired');
});

test('a token endpoint that is down keeps the session; the next request after recovery succeeds', async () => {
  const client = await signedIn('BBUser10009');
  await control.advanceClock(3601);
  await control.script('token', {
    status: 503,
    body: 'Service Unavailable',
    contentType: 'text/plain',
    times: 1,
  });
  const down = await getJson(client, '/api/summary?fresh=1');
  expect(down.status).toBe(503);
  expect(down.body.error.code).toBe('medicare_unavailable');
  const up = await getJson(client, '/api/summary?fresh=1');
  expect(up.status).toBe(200);
});

test('two beneficiaries, interleaved concurrent requests: each sees only their own data', async () => {
  const a = await signedIn('BBUser10020');
  const b = await signedIn('BBUser10030');
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => (i % 2 ? getJson(b, '/api/summary') : getJson(a, '/api/summary'))),
  );
  results.forEach((r, i) => expect(r.body.claims.count).toBe(i % 2 ? 30 : 20));
  const spoof = await getJson(a, '/api/summary?patient=-10000000010030&beneficiary=-10000000010030');
  expect(spoof.body.claims.count).toBe(20);
});

test('a malformed Medicare answer becomes a readable 502, and the app keeps serving', async () => {
  const client = await signedIn('BBUser10003');
  await control.script('eob', { status: 200, body: '{', contentType: 'application/fhir+json', times: 20 });
  const broken = await getJson(client, '/api/summary?fresh=1');
  expect(broken.status).toBe(502);
  expect(broken.body.error.code).toBe('medicare_unreadable');
  await control.clearScripts();
  expect((await getJson(client, '/api/summary?fresh=1')).status).toBe(200);
});

test('the dashboard HTML is never stored', async () => {
  const client = await signedIn('BBUser10001');
  const page = await client.fetch('/dashboard');
  expect(page.status).toBe(200);
  expect(page.headers.get('cache-control')).toContain('no-store');
  expect(await page.text()).not.toContain(sandboxUrl);
});
