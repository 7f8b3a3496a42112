import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseTokenResponse, type TokenSet } from '@/lib/bluebutton/token-set';
import { signIn, startSandbox, type StartedSandbox } from '@/sandbox/server.test-support';

// Sign-out and disconnect when the access token has expired (docs/sessions.md, "Signing out and
// disconnecting"), against the sandbox over HTTP through the app's own configuration. Blue Button keeps a
// refresh token alive until it is used or revoked (it has no expiry by time, docs/blue-button.md §2.4) and
// finds the grant to delete through the access token it is given. Tokens are compared, never printed.
const USER = 'BBUser10070';
let s: StartedSandbox;
let sessions: typeof import('./server-session');
let tokens: typeof import('./tokens');
let oauth: typeof import('@/lib/bluebutton/oauth');

beforeAll(async () => {
  s = await startSandbox();
  Object.assign(process.env, { BB_ENVIRONMENT: 'LOCAL', BB_BASE_URL: s.url });
  [sessions, tokens, oauth] = await Promise.all([
    import('./server-session'),
    import('./tokens'),
    import('@/lib/bluebutton/oauth'),
  ]);
});
afterAll(() => s?.close());
beforeEach(() => s.control.reset());

/** Signs in at the sandbox and starts a server session whose access token has expired, there and here. */
async function expiredSession(): Promise<{ sid: string; issued: TokenSet }> {
  const issued = parseTokenResponse(await signIn(s.url, s.control, { username: USER }), Date.now());
  if (!issued) throw new Error('sign-in gave no tokens');
  const sid = await sessions.startServerSession({ ...issued, expiresAt: Date.now() - 1_000 });
  await s.control.advanceClock(3601);
  await s.control.clearRequests();
  return { sid, issued };
}

const refreshOutcome = (refreshToken: string | null) =>
  oauth.refreshTokens(refreshToken ?? '').then(
    () => 'refreshed',
    (e: { reason?: string }) => `refused:${e.reason}`,
  );

describe('ending a session whose access token has expired', () => {
  // Guards revoking only the expired access token: the refresh token is the credential that lasts, and
  // revoking it takes its access token along (RFC 7009 §2.1), whether or not that one is still stored.
  it('sign-out revokes through the refresh token: one call, no refresh, and the refresh token is dead', async () => {
    const { sid, issued } = await expiredSession();
    await sessions.endServerSession(sid, 'sign-out');
    expect(await s.control.count('token')).toBe(0);
    const calls = await s.control.requests('revoke_token');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.form?.token_type_hint).toBe('refresh_token');
    expect(calls[0]?.headers.authorization).toMatch(/^Basic /);
    expect(await tokens.getTokenManager().get(sid)).toBeNull();
    expect(await refreshOutcome(issued.refreshToken)).toBe('refused:refresh_reused');
    expect((await s.control.grants()).filter((g) => g.username === USER)).toHaveLength(1); // not a disconnect
  });

  // Guards sending the expired access token to /revoke/: Blue Button looks the grant up through it, and
  // an expired token may already be gone from its database, leaving the grant alive.
  it('disconnect refreshes first and deletes the grant with a live access token; every token is dead', async () => {
    const { sid, issued } = await expiredSession();
    await sessions.endServerSession(sid, 'disconnect');
    const calls = await s.control.requests();
    expect(calls.map((c) => `${c.endpoint} ${c.status}`)).toEqual(['token 200', 'revoke 200']);
    expect(calls[1]?.form?.token === issued.accessToken).toBe(false);
    expect((await s.control.grants()).filter((g) => g.username === USER)).toEqual([]);
    expect(await refreshOutcome(issued.refreshToken)).toMatch(/^refused:/);
    expect(await tokens.getTokenManager().get(sid)).toBeNull();
  });

  it('disconnect with no refresh possible still tries the stored access token and revokes the refresh token', async () => {
    const { sid, issued } = await expiredSession();
    await s.control.script('token', { status: 503 });
    await sessions.endServerSession(sid, 'disconnect');
    const calls = await s.control.requests();
    expect(calls.map((c) => c.endpoint)).toEqual(['token', 'revoke', 'revoke_token']);
    expect((await s.control.grants()).filter((g) => g.username === USER)).toEqual([]);
    expect(await refreshOutcome(issued.refreshToken)).toMatch(/^refused:/);
  });
});
