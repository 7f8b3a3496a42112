import { describe, expect, it } from 'vitest';
import {
  BASE,
  CLIENT_ID,
  SECRET,
  basic,
  bearer,
  makeSandbox,
  postForm,
  tokensFor,
} from '../harness.test-support';

describe('revoke, introspect and expire_authenticated_user (docs/blue-button.md §1, §3)', () => {
  it('/revoke/ deletes the grant: the refresh then answers 403', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    const r = await postForm(sb, '/v2/o/revoke/', { token: t.access_token }, { authorization: basic() });
    expect(r.status).toBe(200);
    expect(await sb.control.grants()).toEqual([]);
    const refreshed = await postForm(
      sb,
      '/v2/o/token/',
      { grant_type: 'refresh_token', refresh_token: t.refresh_token },
      { authorization: basic() },
    );
    expect(refreshed.status).toBe(403);
  });

  it('/revoke_token/ of a refresh token kills its access token; unknown tokens and missing params fail', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    const r = await postForm(
      sb,
      '/v2/o/revoke_token/',
      { token: t.refresh_token, token_type_hint: 'refresh_token' },
      { authorization: basic() },
    );
    expect(r.status).toBe(200);
    expect((await sb.fetch(`${BASE}/v2/fhir/Coverage`, { headers: bearer(t.access_token) })).status).toBe(
      401,
    );
    const unknown = await postForm(sb, '/v2/o/revoke_token/', { token: 'nope' }, { authorization: basic() });
    expect(await unknown.json()).toEqual({
      status_code: 400,
      error: 'invalid_client',
      error_description: 'Token not found.',
    });
    const missing = await postForm(sb, '/v2/o/revoke_token/', {}, { authorization: basic() });
    expect(await missing.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Missing token parameter.',
    });
    const wrongSecret = await postForm(sb, '/v2/o/revoke_token/', {
      token: 'x',
      client_id: CLIENT_ID,
      client_secret: 'bad',
    });
    expect(wrongSecret.status).toBe(401);
  });

  it('/introspect/ reports active tokens to an authenticated client', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb, { username: 'BBUser00042' });
    const r = await postForm(sb, '/v2/o/introspect/', { token: t.access_token }, { authorization: basic() });
    const body = (await r.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      active: true,
      client_id: CLIENT_ID,
      username: 'BBUser00042',
      scope: t.scope,
    });
    expect(typeof body.exp).toBe('number');
    await sb.control.advanceClock(3601);
    const later = await postForm(sb, '/v2/o/introspect/', {
      token: t.access_token,
      client_id: CLIENT_ID,
      client_secret: SECRET,
    });
    expect(await later.json()).toEqual({ active: false });
    const noAuth = await sb.fetch(`${BASE}/v2/o/introspect/?token=${t.access_token}&client_id=${CLIENT_ID}`);
    expect(noAuth.status).toBe(403);
  });

  it('/expire_authenticated_user/ answers the real texts', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb, { username: 'BBUser00043' });
    const path = (id: string) => `/v2/o/expire_authenticated_user/${id}/`;
    const ok = await postForm(sb, path(t.patient), {}, { authorization: basic() });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('success');
    const again = await postForm(sb, path(t.patient), {}, { authorization: basic() });
    expect(again.status).toBe(404);
    expect(await again.text()).toBe('Data Access Grant was Not Found.');
    const nobody = await postForm(sb, path('-1'), {}, { authorization: basic() });
    expect(await nobody.text()).toBe('Patient was Not Found. Please check the id number and try again.');
    expect((await postForm(sb, path(t.patient), {})).status).toBe(403);
    expect((await sb.fetch(`${BASE}/v2/fhir/Coverage`, { headers: bearer(t.access_token) })).status).toBe(
      401,
    );
  });
});
