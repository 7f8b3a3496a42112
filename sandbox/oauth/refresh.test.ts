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
import { appInactive, GRANT_NOT_FOUND, GRANT_TIMED_OUT, ONE_TIME_REFRESH_NOT_ALLOWED } from './messages';

type Sb = ReturnType<typeof makeSandbox>;
const refresh = (sb: Sb, token: string, extra: Record<string, string> = {}) =>
  postForm(
    sb,
    '/v2/o/token/',
    { grant_type: 'refresh_token', refresh_token: token, client_id: CLIENT_ID, ...extra },
    { authorization: basic() },
  );
const eob = (sb: Sb, token: string) =>
  sb.fetch(`${BASE}/v2/fhir/ExplanationOfBenefit`, { headers: bearer(token) });

describe('refresh (docs/blue-button.md §2.4, §3)', () => {
  it('rotates with no grace period', async () => {
    const sb = makeSandbox();
    const first = await tokensFor(sb);
    const r = await refresh(sb, first.refresh_token);
    expect(r.status).toBe(200);
    const second = (await r.json()) as { access_token: string; refresh_token: string; scope: string };
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.scope).toBe(first.scope);
    expect((await eob(sb, first.access_token)).status).toBe(401);
    expect((await eob(sb, second.access_token)).status).toBe(200);
    const reuse = await refresh(sb, first.refresh_token);
    expect(reuse.status).toBe(400);
    expect(await reuse.text()).toBe('{"error": "invalid_grant"}');
  });

  it('keeps working for a refresh token whose access token merely expired', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    await sb.control.advanceClock(3601);
    expect((await eob(sb, t.access_token)).headers.get('www-authenticate')).toContain(
      'The access token has expired.',
    );
    expect((await refresh(sb, t.refresh_token)).status).toBe(200);
  });

  it('answers unknown and missing refresh tokens', async () => {
    const sb = makeSandbox();
    const unknown = await refresh(sb, 'nope');
    expect(await unknown.json()).toEqual({
      status_code: 400,
      error: 'invalid_request',
      error_description: 'Refresh token not found.',
    });
    const missing = await postForm(sb, '/v2/o/token/', {
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      client_secret: SECRET,
    });
    expect(missing.status).toBe(400);
    const body = (await missing.json()) as { error: string; error_description: string };
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toContain('Missing refresh');
  });

  it('answers the grant and app cases of the matrix', async () => {
    const sb = makeSandbox();
    let t = await tokensFor(sb, { username: 'BBUser00011' });
    await sb.control.expireGrant({ user: 'BBUser00011' });
    const expired = await refresh(sb, t.refresh_token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({
      status_code: 401,
      error: 'invalid_grant',
      error_description: GRANT_TIMED_OUT,
    });
    expect(await (await eob(sb, t.access_token)).json()).toEqual({ detail: GRANT_TIMED_OUT });

    t = await tokensFor(sb, { username: 'BBUser00012' });
    await sb.control.revokeGrant({ user: 'BBUser00012' });
    const deleted = await refresh(sb, t.refresh_token);
    expect(deleted.status).toBe(403);
    expect(await deleted.json()).toEqual({
      status_code: 403,
      error: 'invalid_grant',
      error_description: GRANT_NOT_FOUND,
    });
    expect((await eob(sb, t.access_token)).status).toBe(401);

    t = await tokensFor(sb, { username: 'BBUser00013' });
    await sb.control.updateApp(CLIENT_ID, { dataAccessType: 'ONE_TIME' });
    const oneTime = await refresh(sb, t.refresh_token);
    expect(oneTime.status).toBe(403);
    expect(await oneTime.json()).toEqual({
      status_code: 403,
      error: 'invalid_client',
      error_description: ONE_TIME_REFRESH_NOT_ALLOWED,
    });

    await sb.control.updateApp(CLIENT_ID, { dataAccessType: 'THIRTEEN_MONTH', active: false });
    const inactive = await refresh(sb, t.refresh_token);
    expect(inactive.status).toBe(403);
    expect(await inactive.json()).toEqual({
      status_code: 403,
      error: 'invalid_client',
      error_description: appInactive('Medicare Claims Dashboard (local)'),
    });
    const fhir = await eob(sb, t.access_token);
    expect(fhir.status).toBe(401);
    expect(((await fhir.json()) as { detail: string }).detail).toContain('is temporarily inactive');
  });

  it('rejects a wrong secret with 401 invalid_client', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    const r = await postForm(
      sb,
      '/v2/o/token/',
      { grant_type: 'refresh_token', refresh_token: t.refresh_token },
      { authorization: basic(CLIENT_ID, 'bad') },
    );
    expect(r.status).toBe(401);
    expect(await r.json()).toEqual({ error: 'invalid_client' });
  });

  it('narrows scope on request and rejects widening', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb, { scope: 'patient/ExplanationOfBenefit.rs patient/Coverage.rs' });
    const wide = await refresh(sb, t.refresh_token, { scope: 'patient/Patient.rs' });
    expect(await wide.json()).toEqual({ error: 'invalid_scope' });
    const narrow = await refresh(sb, t.refresh_token, { scope: 'patient/Coverage.r' });
    expect(narrow.status).toBe(200);
    expect((await narrow.json()).scope).toBe('patient/Coverage.r');
  });

  it('fails with invalid_grant after /revoke_token/ of the access token', async () => {
    const sb = makeSandbox();
    const t = await tokensFor(sb);
    const revoked = await postForm(
      sb,
      '/v2/o/revoke_token/',
      { token: t.access_token },
      { authorization: basic() },
    );
    expect(revoked.status).toBe(200);
    expect(await revoked.text()).toBe('');
    expect((await eob(sb, t.access_token)).status).toBe(401);
    expect(await (await refresh(sb, t.refresh_token)).json()).toEqual({ error: 'invalid_grant' });
  });

  it('deletes the earlier tokens of the app and user on a new authorization', async () => {
    const sb = makeSandbox();
    const old = await tokensFor(sb, { username: 'BBUser00020' });
    const other = await tokensFor(sb, { username: 'BBUser00021' });
    await tokensFor(sb, { username: 'BBUser00020' });
    expect((await eob(sb, old.access_token)).status).toBe(401);
    expect(await (await refresh(sb, old.refresh_token)).json()).toMatchObject({
      error_description: 'Refresh token not found.',
    });
    expect((await eob(sb, other.access_token)).status).toBe(200);
  });
});
