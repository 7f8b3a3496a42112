import type { ReconnectReason } from './reconnect-reasons';

/**
 * The application's one error, in the style of medplum's `OperationOutcomeError`
 * (https://github.com/medplum/medplum/blob/main/packages/core/src/outcomes.ts): a code from one table, the HTTP
 * status and default message of that code, the reconnect reason where the beneficiary must connect again, and
 * diagnostic detail that is never shown. It is thrown where a failure is understood (the Blue Button HTTP
 * layer knows a 429 after every retry is `medicare_busy`), passes unchanged through the layers above, and is
 * read by route handlers and pages as it is. No imports from lib/auth, lib/bluebutton or the UI.
 *
 * `message` is safe to show: plain words, never PHI, tokens or free text from Medicare's answers. A 500 is
 * never explained: route handlers and pages answer every 500 with a generic message and a reference.
 */

/** Every code with its HTTP status and the message shown when the thrower gives none. */
export const APP_ERRORS = {
  bad_request: { status: 400, message: 'This request is not valid.' },
  not_signed_in: { status: 401, message: 'Please sign in with Medicare.' },
  reconnect_required: { status: 401, message: 'Please connect to Medicare again.' },
  forbidden: { status: 403, message: 'This request must come from this site.' },
  /** A sign-in start without the beneficiary's agreement to share (lib/consent.ts). */
  consent_required: {
    status: 403,
    message: 'Please tick the box that agrees to share your Medicare information, then connect.',
  },
  not_found: { status: 404, message: 'We could not find what you asked for.' },
  cancelled: { status: 499, message: 'The request was cancelled.' },
  internal: { status: 500, message: 'Something went wrong.' },
  /** A setting is missing or invalid; the thrower's message names the key (for operators, never shown). */
  config_invalid: { status: 500, message: 'This service is not set up correctly.' },
  /** A file given to `npm run summarize` is missing or unreadable; the thrower's message names the file. */
  input_file: { status: 500, message: 'A file could not be read.' },
  medicare_unreadable: {
    status: 502,
    message: "We couldn't read your Medicare data. Please try again later.",
  },
  too_much_data: { status: 502, message: 'There is more Medicare data than this app can show at once.' },
  medicare_busy: { status: 503, message: 'Medicare is busy right now. Please try again in a few minutes.' },
  medicare_unavailable: {
    status: 503,
    message: 'Medicare data is temporarily unavailable. Please try again in a few minutes.',
  },
  service_unavailable: {
    status: 503,
    message: 'This service is temporarily unavailable. Please try again soon.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

/**
 * What a beneficiary reads when Medicare answered a status that is not worth retrying (docs/reliability.md
 * #29), keyed by that status, or by `<status> <upstream code>` where the code changes what helps. `{contact}`
 * is the sentence of {@link contactSentence}. Statuses not listed keep their code's message.
 */
export const UPSTREAM_STATUS_MESSAGES = {
  '400': 'Medicare could not answer this request for your information.{contact}',
  '403': 'Medicare did not let this app read this part of your information.',
  '403 app_inactive':
    'This app can’t reach Medicare right now because Medicare has paused its access.{contact}',
  '404': 'Medicare could not find your records. If you joined Medicare recently, please try again later.',
} as const satisfies Record<string, string>;

/** " Contact us at <email>." with the configured support address, or " Please try again later." without one. */
export function contactSentence(contactEmail: string | undefined): string {
  return contactEmail ? ` Contact us at ${contactEmail}.` : ' Please try again later.';
}

/**
 * The message for an answer of Medicare's that was not retried, from its detail (the status and the short code
 * read from the body, never the body's text); undefined when the code's own message fits.
 */
export function upstreamStatusMessage(
  detail: Pick<AppErrorDetail, 'upstreamStatus' | 'upstreamCode'>,
  contactEmail?: string,
): string | undefined {
  if (detail.upstreamStatus == null) return undefined;
  const byCode = `${detail.upstreamStatus} ${detail.upstreamCode ?? ''}`;
  const messages: Record<string, string> = UPSTREAM_STATUS_MESSAGES;
  const message = messages[byCode] ?? messages[String(detail.upstreamStatus)];
  if (message === undefined) return undefined;
  return message.replace('{contact}', contactSentence(contactEmail));
}

/** A code of {@link APP_ERRORS}. */
export type AppErrorCode = keyof typeof APP_ERRORS;

/** The HTTP status of a code. */
export type AppErrorStatus = (typeof APP_ERRORS)[AppErrorCode]['status'];

/** What went wrong, as a short stable code, for logs and tests. */
export type AppErrorFault =
  /** Blue Button answered a status that was not retried, or still failed after every retry. */
  | 'http_status'
  /** Blue Button refused the access token, and a refresh cannot fix it (or did not). */
  | 'unauthorized'
  /** No answer within the timeout, on every attempt. */
  | 'timeout'
  /** The connection failed (refused, reset, dropped) on every attempt. */
  | 'network'
  /** A 2xx body was cut short. */
  | 'truncated'
  /** A 2xx body is not JSON. */
  | 'not_json'
  /** A search page is not a FHIR Bundle whose `entry` is an array. */
  | 'not_bundle'
  /** A link points to another origin than the configured Blue Button host; it was never requested. */
  | 'off_origin_link'
  /** A search needs more pages than `BB_MAX_PAGES`. */
  | 'too_many_pages'
  /** Another request's token refresh did not finish in time. */
  | 'wait_timeout'
  /** Another request's token refresh failed without a verdict. */
  | 'failed_elsewhere';

/** Facts for diagnosis and for the code that retries, refreshes and pages. Never shown; no PHI, no tokens. */
export interface AppErrorDetail {
  fault?: AppErrorFault;
  /** The call that failed: an OAuth call (`exchange`, `refresh`, `revoke`, `userinfo`) or a store command. */
  operation?: string;
  /** The HTTP status of the upstream answer; null when none came. */
  upstreamStatus?: number | null;
  /** A short code read from the upstream answer (`throttled`, `not_found`, `invalid_grant`…), or null. */
  upstreamCode?: string | null;
  /** A low-level code of a failed connection (`ECONNRESET`, `ECONNREFUSED`, `timeout`…), or null. */
  systemCode?: string | null;
  /** How many requests were sent. */
  attempts?: number;
  /** The `Retry-After` wait upstream asked for, in ms, when it was too long to honour; else null. */
  retryAfterMs?: number | null;
  /** The page cap (`BB_MAX_PAGES`) and how many pages were needed (null: more, unknown how many). */
  maxPages?: number;
  neededPages?: number | null;
  /** What was wrong with an input, in plain words naming its structure, never its values. */
  problem?: string;
  /** The file an `input_file` error is about. */
  file?: string;
}

/** What a thrower may give besides the code. */
export interface AppErrorInit {
  /** Overrides the code's default message; must be as safe to show. */
  message?: string;
  detail?: AppErrorDetail;
  /** The lower-level error, for diagnosis; never shown. */
  cause?: unknown;
  /** Only `reconnect_required` (required) and `medicare_unavailable` (optional) carry a reason. */
  reason?: never;
}

const BRAND = Symbol.for('medicare-claims-dashboard.app-error');

/** An application error: a code of {@link APP_ERRORS}, its status, a message safe to show, hidden detail. */
export class AppError extends Error {
  /**
   * `instanceof AppError` holds for an AppError made by any copy of this module. Next bundles server code once
   * per layer (pages, route handlers), and a process-wide object (the session loads, the token manager) made
   * by one layer throws errors that another layer catches: a plain class check then failed, and a failed load
   * was recorded as `internal`.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

  override readonly name = 'AppError';
  readonly code: AppErrorCode;
  /**
   * Why the beneficiary must connect again (`reconnect_required`), or which step of Medicare's sign-in
   * failed for now (`medicare_unavailable`, e.g. `token_unavailable`). Absent on every other code.
   */
  readonly reason?: ReconnectReason;
  readonly detail: Readonly<AppErrorDetail>;

  constructor(code: 'reconnect_required', init: Omit<AppErrorInit, 'reason'> & { reason: ReconnectReason });
  constructor(
    code: 'medicare_unavailable',
    init?: Omit<AppErrorInit, 'reason'> & { reason?: ReconnectReason },
  );
  constructor(code: Exclude<AppErrorCode, 'reconnect_required'>, init?: AppErrorInit);
  constructor(code: AppErrorCode, init: Omit<AppErrorInit, 'reason'> & { reason?: ReconnectReason } = {}) {
    if (!Object.hasOwn(APP_ERRORS, code)) throw new TypeError(`Not an application error code: ${code}`);
    super(
      init.message ?? APP_ERRORS[code].message,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    Object.defineProperty(this, BRAND, { value: true });
    this.code = code;
    if (init.reason !== undefined) this.reason = init.reason;
    this.detail = Object.freeze({ ...init.detail });
  }

  /** The HTTP status of {@link AppError.code}. */
  get status(): AppErrorStatus {
    return APP_ERRORS[this.code].status;
  }
}
