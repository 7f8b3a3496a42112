import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBeneficiary } from './data/index';
import { ANCHOR, CLIENT_ID, REDIRECT, SECRET, basic } from './harness.test-support';
import { readForm } from './html-form.test-support';
import {
  authorizeUrl,
  pkce,
  startSandbox,
  type StartedSandbox,
  type TokenResponse,
} from './server.test-support';

// The whole flow over real HTTP, as a browser and a confidential client would do it.
describe('OAuth and FHIR over HTTP', () => {
  let s: StartedSandbox;
  beforeAll(async () => {
    s = await startSandbox({ dataAnchor: ANCHOR });
  });
  afterAll(() => s.close());

  const go = (url: string, init: RequestInit = {}) =>
    fetch(new URL(url, s.url), { redirect: 'manual', ...init });

  async function browserSignIn(username: string, password: string, scope?: string) {
    const { verifier, challenge, state } = pkce();
    const start = authorizeUrl(s.url, { state, challenge, ...(scope ? { scope } : {}) }).replace(
      '/authorize/?',
      '/authorize?',
    );
    let r = await go(start);
    expect(r.status).toBe(301);
    r = await go(r.headers.get('location') ?? '');
    expect(r.status).toBe(302);
    const loginUrl = r.headers.get('location') ?? '';
    const loginPage = await (await go(loginUrl)).text();
    let form = readForm(loginPage);
    const fields = (pw: string) =>
      new URLSearchParams([
        ...form.fields.filter(([k]) => k === 'next'),
        ['username', username],
        ['password', pw],
      ]);
    r = await go(form.action, { method: 'POST', body: fields('wrong!') });
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('The username or password you entered is incorrect.');
    r = await go(form.action, { method: 'POST', body: fields(password) });
    expect(r.status).toBe(302);
    const consent = await (await go(r.headers.get('location') ?? '')).text();
    form = readForm(consent);
    r = await go(form.action, {
      method: 'POST',
      body: new URLSearchParams([...form.fields, ['allow', 'true']]),
    });
    expect(r.status).toBe(302);
    const callback = new URL(r.headers.get('location') ?? '');
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT);
    expect(callback.searchParams.get('state')).toBe(state);
    return { code: callback.searchParams.get('code') ?? '', verifier };
  }

  it('signs in, exchanges the code (Basic, urlencoded), pages every claim, refreshes and revokes', async () => {
    const { code, verifier } = await browserSignIn('BBUser10123', 'PW10123!');
    expect(code).toHaveLength(30);
    let r = await go('/v2/o/token/', {
      method: 'POST',
      headers: { authorization: basic() },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      }),
    });
    expect(r.status).toBe(200);
    const tokens = (await r.json()) as TokenResponse;
    expect(tokens.patient).toBe('-10000000010123');

    const ids = new Set<string>();
    let next: string | undefined = `${s.url}/v2/fhir/ExplanationOfBenefit?_count=50`;
    let pages = 0;
    while (next) {
      expect(next.startsWith(s.url)).toBe(true);
      const page: Response = await fetch(next, {
        headers: { authorization: `Bearer ${tokens.access_token}` },
      });
      const bundle = (await page.json()) as {
        total: number;
        entry?: { resource: { id: string } }[];
        link: { relation: string; url: string }[];
      };
      expect(bundle.total).toBe(123);
      for (const e of bundle.entry ?? []) ids.add(e.resource.id);
      next = bundle.link.find((l) => l.relation === 'next')?.url;
      pages++;
    }
    expect(pages).toBe(3);
    expect(ids.size).toBe(123);
    expect([...ids]).toEqual(getBeneficiary(10123, { anchor: ANCHOR }).eobs.map((e) => e.id));

    r = await go('/v2/o/token/', {
      method: 'POST',
      headers: { authorization: basic() },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
        client_id: CLIENT_ID,
      }),
    });
    expect(r.status).toBe(200);
    const refreshed = (await r.json()) as TokenResponse;
    expect(
      (
        await fetch(`${s.url}/v2/fhir/Coverage`, {
          headers: { authorization: `Bearer ${tokens.access_token}` },
        })
      ).status,
    ).toBe(401);

    r = await go('/v2/o/revoke/', {
      method: 'POST',
      headers: { authorization: basic() },
      body: new URLSearchParams({ token: refreshed.access_token }),
    });
    expect(r.status).toBe(200);
    expect(
      (
        await fetch(`${s.url}/v2/fhir/Coverage`, {
          headers: { authorization: `Bearer ${refreshed.access_token}` },
        })
      ).status,
    ).toBe(401);
    expect(await s.control.count('token')).toBe(2);
  });

  it('exchanges with form credentials in a multipart body', async () => {
    const { code, verifier } = await browserSignIn(
      'BBUser00005',
      'PW00005!',
      'patient/ExplanationOfBenefit.rs',
    );
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
    const r = await go('/v2/o/token/', { method: 'POST', body: form });
    expect(r.status).toBe(200);
    expect(((await r.json()) as TokenResponse).scope).toBe('patient/ExplanationOfBenefit.rs');
    const [logged] = await s.control.requests('token').then((all) => all.slice(-1));
    expect(logged?.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(logged?.form?.client_secret).toBe(SECRET);
  });
});
