import { BlueButton, Environments, Errors, type AuthorizationToken } from 'cms-bluebutton-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSandboxConfig } from './config';
import { getBeneficiary, getUser } from './data/index';
import { DEFAULT_PUBLIC_URL } from './options';
import { createSandbox } from './server';
import { ANCHOR, CLIENT_ID, REDIRECT, SECRET } from './harness.test-support';
import { readForm } from './html-form.test-support';
import { startSandbox, type StartedSandbox } from './server.test-support';

// CMS's own Node SDK (`cms-bluebutton-sdk`, environment LOCAL) driven through the whole flow against
// the sandbox over HTTP: what the SDK sends must be what the sandbox accepts, and what the sandbox
// answers must be what the SDK understands (docs/blue-button.md §11.1).

const USER = 10123;
const PASSWORD = 'PW10123!';

interface Bundle {
  resourceType: string;
  type: string;
  total: number;
  entry?: { resource: { id: string; resourceType: string } }[];
  link: { relation: string; url: string }[];
}

/** The status and data of an error thrown by the SDK's HTTP client. */
function httpErrorOf(err: unknown): { status?: number; data?: unknown } {
  const response = (err as { response?: { status?: number; data?: unknown } }).response;
  return { status: response?.status, data: response?.data };
}

describe('the SDK LOCAL environment and the sandbox default agree', () => {
  it('both mean http://localhost:8000', () => {
    const sdk = new BlueButton({
      environment: Environments.LOCAL,
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      callbackUrl: REDIRECT,
    });
    expect(sdk.baseUrl).toBe('http://localhost:8000');
    expect(DEFAULT_PUBLIC_URL).toBe(sdk.baseUrl);
    expect(createSandbox().core.config.publicUrl).toBe(sdk.baseUrl);
    expect(`http://localhost:${loadSandboxConfig({}).listen.port}`).toBe(sdk.baseUrl);
  });
});

describe.each(['2', '1'] as const)('cms-bluebutton-sdk against the sandbox, API v%s', (version) => {
  let s: StartedSandbox;
  let sdk: BlueButton;
  beforeAll(async () => {
    s = await startSandbox({ dataAnchor: ANCHOR });
    sdk = new BlueButton({
      environment: Environments.LOCAL,
      version,
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      callbackUrl: REDIRECT,
    });
    // The SDK hard-codes :8000 for LOCAL; this sandbox listens on a free port.
    sdk.baseUrl = s.url;
  });
  afterAll(() => s.close());

  const go = (url: string, init: RequestInit = {}) =>
    fetch(new URL(url, s.url), { redirect: 'manual', ...init });

  /** Follows the SDK's authorize URL like a browser: 301, sign-in page, consent page, callback. */
  async function signInAt(authorizeUrl: string) {
    let r = await go(authorizeUrl);
    expect(r.status).toBe(301);
    const sdkUrl = new URL(authorizeUrl);
    expect(r.headers.get('location')).toBe(`/v${version}/o/authorize/${sdkUrl.search}`);
    r = await go(r.headers.get('location') ?? '');
    expect(r.status).toBe(302);
    let form = readForm(await (await go(r.headers.get('location') ?? '')).text());
    r = await go(form.action, {
      method: 'POST',
      body: new URLSearchParams([
        ...form.fields.filter(([name]) => name === 'next'),
        ['username', `BBUser${USER}`],
        ['password', PASSWORD],
      ]),
    });
    expect(r.status).toBe(302);
    form = readForm(await (await go(r.headers.get('location') ?? '')).text());
    r = await go(form.action, {
      method: 'POST',
      body: new URLSearchParams([...form.fields, ['allow', 'true']]),
    });
    expect(r.status).toBe(302);
    return new URL(r.headers.get('location') ?? '');
  }

  it('authorizes, exchanges, refreshes on expiry, and reads Patient, Coverage, profile and every EOB', async () => {
    const bene = getBeneficiary(USER, { anchor: ANCHOR });
    const user = getUser(USER);
    const v = Number(version) as 1 | 2;

    // Authorize: the SDK's URL has no scope and no slash after `authorize`.
    const authData = sdk.generateAuthData();
    const authorizeUrl = sdk.generateAuthorizeUrl(authData);
    expect(authorizeUrl.startsWith(`${s.url}/v${version}/o/authorize?`)).toBe(true);
    await s.control.setAccessTokenLifetime(1);
    const callback = await signInAt(authorizeUrl);
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT);
    expect(callback.searchParams.get('state')).toBe(authData.state);

    // Token exchange: client_secret_post, urlencoded, with the SDK's headers.
    const first = await sdk.getAuthorizationToken(
      authData,
      callback.searchParams.get('code') ?? undefined,
      callback.searchParams.get('state') ?? undefined,
      callback.searchParams.get('error') ?? undefined,
    );
    expect(first.patient).toBe(user.patientId);
    expect(first.accessToken).toMatch(/^[A-Za-z0-9]{30}$/);
    expect(first.expiresIn).toBe(1);
    const [exchange] = await s.control.requests('token');
    expect(exchange?.status).toBe(200);
    expect(exchange?.headers['x-bluebutton-sdk']).toBe('node');
    expect(exchange?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(exchange?.form?.grant_type).toBe('authorization_code');
    expect(exchange?.form?.client_id).toBe(CLIENT_ID);

    // Expiry: the sandbox's clock says the token is dead, and once the SDK's wall clock agrees the
    // SDK refreshes on its own before the next call.
    await s.control.setAccessTokenLifetime(3600);
    await s.control.advanceClock(5);
    const dead = await go(`/v${version}/fhir/Patient`, {
      headers: { authorization: `Bearer ${first.accessToken}` },
    });
    expect(dead.status).toBe(401);
    expect(dead.headers.get('www-authenticate')).toContain('The access token has expired.');
    while (Date.now() <= first.expiresAt) await new Promise((resolve) => setTimeout(resolve, 25));

    const patient = await sdk.getPatientData(first);
    const token: AuthorizationToken = patient.token;
    expect(token).not.toBe(first);
    expect(token.accessToken).not.toBe(first.accessToken);
    expect(token.refreshToken).not.toBe(first.refreshToken);
    expect(token.expiresIn).toBe(3600);
    expect(patient.response?.status).toBe(200);
    const patientBundle = patient.response?.data as Bundle;
    expect(patientBundle.total).toBe(1);
    expect(patientBundle.entry?.[0]?.resource).toEqual(JSON.parse(bene.patientJson(v)));
    const refresh = (await s.control.requests('token')).at(-1);
    expect(refresh?.status).toBe(200);
    expect(refresh?.form?.grant_type).toBe('refresh_token');
    expect(refresh?.headers.authorization).toMatch(/^Basic /);

    // The rotated refresh token is dead: the SDK's own refresh call fails with invalid_grant.
    const reuse = await sdk.refreshAuthToken(first).then(
      () => undefined,
      (err: unknown) => httpErrorOf(err),
    );
    expect(reuse).toEqual({ status: 400, data: { error: 'invalid_grant' } });
    expect((await s.control.requests('token')).at(-1)?.status).toBe(400);

    const coverage = await sdk.getCoverageData(token);
    expect(coverage.token).toBe(token);
    expect(coverage.response?.status).toBe(200);
    const coverageIds = (coverage.response?.data as Bundle).entry?.map((e) => e.resource.id);
    expect(coverageIds).toEqual(bene.coverage(v).map((c) => c.id));

    const profile = await sdk.getProfileData(token);
    expect(profile.response?.status).toBe(200);
    expect(profile.response?.data).toMatchObject({
      sub: user.patientId,
      patient: user.patientId,
      given_name: user.givenName,
      family_name: user.familyName,
    });

    // Every claim, page by page through the SDK's getPages (it follows `next` only while the links
    // start with its baseUrl, so this also checks the links are on the host the SDK called).
    const eob = await sdk.getExplanationOfBenefitData(token);
    expect(eob.response?.status).toBe(200);
    const { token: after, pages } = await sdk.getPages(eob.response?.data, token);
    expect(after).toBe(token);
    const bundles = pages as Bundle[];
    expect(bundles).toHaveLength(Math.ceil(bene.eobs.length / 10));
    const ids: string[] = [];
    for (const page of bundles) {
      expect(page.resourceType).toBe('Bundle');
      expect(page.total).toBe(bene.eobs.length);
      for (const entry of page.entry ?? []) {
        expect(entry.resource.resourceType).toBe('ExplanationOfBenefit');
        ids.push(entry.resource.id);
      }
    }
    expect(ids).toHaveLength(123);
    expect(new Set(ids)).toEqual(new Set(bene.eobs.map((e) => e.id)));
    expect(ids).toEqual(bene.eobs.map((e) => e.id));
    expect(await s.control.count('token')).toBe(3);
  });

  it('a Cancel on the consent page reaches the SDK as access_denied', async () => {
    const authData = sdk.generateAuthData();
    const denied = await s.control.approve(sdk.generateAuthorizeUrl(authData), {
      username: `BBUser${USER}`,
      deny: true,
    });
    expect(denied.status).toBe(302);
    expect(denied.error).toBe('access_denied');
    expect(denied.state).toBe(authData.state);
    await expect(
      sdk.getAuthorizationToken(
        authData,
        denied.code ?? undefined,
        denied.state ?? undefined,
        denied.error ?? undefined,
      ),
    ).rejects.toThrow(Errors.CALLBACK_ACCESS_DENIED);
  });
});
