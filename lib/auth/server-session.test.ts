import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TokenSet } from '@/lib/bluebutton/token-set';

// Session limits, enforced on the server whatever the cookie says (docs/reliability.md #26, #20): an idle
// limit that any activity restarts, an absolute limit from sign-in, and a reason remembered once the
// tokens are gone. Time is the only thing faked.
const MINUTE = 60_000;
let mod: typeof import('./server-session');
let store: typeof import('@/lib/store');
let tokens: typeof import('./tokens');

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T09:00:00Z'));
  process.env.SESSION_IDLE_MINUTES = '30';
  process.env.SESSION_MAX_HOURS = '12';
  [mod, store, tokens] = await Promise.all([
    import('./server-session'),
    import('@/lib/store'),
    import('./tokens'),
  ]);
});
afterAll(() => vi.useRealTimers());

const tokenSet = (): TokenSet => ({
  accessToken: 'access-token-for-tests',
  refreshToken: 'refresh-token-for-tests',
  expiresAt: Date.now() + 3_600_000,
  scopes: ['patient/ExplanationOfBenefit.rs', 'patient/Coverage.rs'],
  patient: '-10000000000001',
  grantExpiresAt: null,
});
const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe('server-side session limits', () => {
  it('keeps an active session going and ends an idle one after the idle limit', async () => {
    const authTime = Date.now();
    const sid = await mod.startServerSession(tokenSet());
    for (let i = 0; i < 4; i += 1) {
      advance(29 * MINUTE);
      expect(await mod.checkServerSession(sid, authTime)).toBeNull();
    }
    advance(31 * MINUTE);
    expect(await mod.checkServerSession(sid, authTime)).toBe('session_expired');
    expect(await tokens.getTokenManager().get(sid)).toBeNull();
  });

  // What /api/auth/session asks (lib/auth/sign-in.ts): a check that is not activity must not keep an idle
  // session alive, and must never bring an ended one back.
  it('a check without touch leaves the idle timer running and never revives an ended session', async () => {
    const authTime = Date.now();
    const sid = await mod.startServerSession(tokenSet());
    advance(20 * MINUTE);
    expect(await mod.checkServerSession(sid, authTime, { touch: false })).toBeNull();
    advance(11 * MINUTE); // 31 minutes since the last activity
    expect(await mod.checkServerSession(sid, authTime, { touch: false })).toBe('session_expired');
    expect(await mod.checkServerSession(sid, authTime)).toBe('session_expired');
    expect(await tokens.getTokenManager().get(sid)).toBeNull();
  });

  it('ends a session after the absolute limit even when it was never idle', async () => {
    const authTime = Date.now();
    const sid = await mod.startServerSession(tokenSet());
    let reason = null;
    let minutes = 0;
    while (reason === null && minutes < 13 * 60) {
      advance(20 * MINUTE);
      minutes += 20;
      reason = await mod.checkServerSession(sid, authTime);
    }
    expect(reason).toBe('session_expired');
    expect(minutes).toBeGreaterThanOrEqual(12 * 60);
    expect(minutes).toBeLessThanOrEqual(12 * 60 + 20);
  });

  it('deletes tokens that can no longer be refreshed, and keeps telling why', async () => {
    const authTime = Date.now();
    const sid = await mod.startServerSession(tokenSet());
    const manager = tokens.getTokenManager();
    const saved = await manager.get(sid);
    await store
      .getSecureStore()
      .setJson(tokens.tokenRecordKey(sid), { ...saved, needsReconnect: 'grant_expired' }, 3600);
    expect(await mod.checkServerSession(sid, authTime)).toBe('grant_expired');
    expect(await manager.get(sid)).toBeNull();
    expect(await mod.checkServerSession(sid, authTime)).toBe('grant_expired');
  });

  it('does not know a session id it never issued', async () => {
    expect(await mod.checkServerSession('x'.repeat(43), Date.now())).toBe('session_expired');
  });
});
