/**
 * Why a beneficiary has to sign in (or connect) again: one code per failure. The codes are shared by the
 * Blue Button layer (which finds them in Medicare's answers), the session layer and the pages; the words shown
 * for each are in `lib/auth/reasons.ts` (`/auth/error?reason=<code>`). No imports: any layer may use this.
 */

/** Every reason code, in the order of the pages' texts. */
export const RECONNECT_REASON_CODES = [
  'access_denied',
  'state_mismatch',
  'pkce_mismatch',
  'callback_replay',
  'token_unavailable',
  'token_garbage',
  'refresh_reused',
  'grant_expired',
  'access_revoked',
  'one_time_app',
  'app_inactive',
  'invalid_client',
  'token_expired',
  'session_expired',
  'consent_required',
  'unknown',
] as const;

/** A reason code. */
export type ReconnectReason = (typeof RECONNECT_REASON_CODES)[number];

/** Whether a string (from a URL, say) is a known reason code. */
export function isReconnectReason(value: unknown): value is ReconnectReason {
  return typeof value === 'string' && (RECONNECT_REASON_CODES as readonly string[]).includes(value);
}

/** Reasons after which retrying with the same tokens cannot succeed: the beneficiary must reconnect. */
export const TERMINAL_REASONS: ReadonlySet<ReconnectReason> = new Set<ReconnectReason>([
  'refresh_reused',
  'grant_expired',
  'access_revoked',
  'one_time_app',
  'app_inactive',
  'invalid_client',
]);

/** Reasons worth trying again later (Medicare's sign-in service down, slow, or answering nonsense). */
export const TRANSIENT_REASONS: ReadonlySet<ReconnectReason> = new Set<ReconnectReason>([
  'token_unavailable',
  'token_garbage',
]);

/** True for {@link TERMINAL_REASONS}. */
export function isTerminalReason(reason: ReconnectReason): boolean {
  return TERMINAL_REASONS.has(reason);
}
