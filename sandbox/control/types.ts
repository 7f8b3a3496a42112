/**
 * Types shared by the sandbox's control API and its typed client (`control/client.ts`), so tests in
 * another process (Playwright, `next start` integration tests) script the sandbox with the same
 * vocabulary. No Node-only imports here.
 */

/** The endpoints the sandbox counts, logs and can script. */
export const ENDPOINTS = [
  'authorize',
  'login',
  'consent',
  'token',
  'revoke_token',
  'revoke',
  'introspect',
  'expire_authenticated_user',
  'userinfo',
  'metadata',
  'smart_configuration',
  'openid_configuration',
  'patient',
  'coverage',
  'eob',
  'other',
] as const;
export type EndpointName = (typeof ENDPOINTS)[number];

/** A script key: an endpoint, or `fhir` for any of patient/coverage/eob without a script of its own. */
export type ScriptTarget = EndpointName | 'fhir';

/**
 * One scripted reaction to one call of an endpoint. A step with `status`, `json` or `body` replaces
 * the real response; otherwise the real handler runs and the step modifies or delays its response.
 */
export interface FaultStep {
  /** Replace the response with this status (200–599). */
  status?: number;
  /** Replacement body, serialized as JSON. */
  json?: unknown;
  /** Replacement body as raw text, e.g. `{` for a malformed JSON body. */
  body?: string;
  /** Content type of a replacement body (default `application/json`). */
  contentType?: string;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** Sets `Retry-After` (seconds or an HTTP date). */
  retryAfter?: number | string;
  /** Waits this long before answering (a stall, when longer than the client's timeout). */
  delayMs?: number;
  /** Pass-through JSON: set these top-level keys on the real body (e.g. `{ "expires_in": 30 }`). */
  patch?: Record<string, unknown>;
  /** Pass-through JSON: remove these top-level keys (e.g. `["refresh_token"]`). */
  omit?: string[];
  /** Pass-through search bundle: make the `next` link this URL (e.g. an off-origin one). */
  nextLink?: string;
  /** Send the full `Content-Length` but only this many bytes (default: half), then close. */
  truncate?: boolean | number;
  /** Close the connection without an answer; `after` runs the real handler first (e.g. a refresh that rotated). */
  drop?: 'before' | 'after';
  /** Use this step for this many consecutive calls (default 1). */
  times?: number;
}

/** One received request, as kept for assertions. */
export interface LoggedRequest {
  seq: number;
  /** ISO time on the sandbox clock. */
  at: string;
  endpoint: EndpointName;
  method: string;
  /** Path and query as received. */
  path: string;
  /** Lower-cased header names; values as received. */
  headers: Record<string, string>;
  /** Form fields of urlencoded and multipart bodies (repeated fields become arrays). */
  form?: Record<string, string | string[]>;
  /** The first 4 KB of any other body. */
  bodyText?: string;
  /** The response status, or 0 when the connection was dropped. */
  status?: number;
  /** What a scripted step did to this call. */
  fault?: string;
}

/** Mutable runtime settings. */
export interface SandboxSettings {
  /** `expires_in` of new access tokens, in seconds (real API: 3600). */
  accessTokenLifetime: number;
  /** Latency added to every request, in ms. */
  latencyMs: number;
  /** Extra latency per endpoint, in ms. */
  endpointLatencyMs: Partial<Record<EndpointName, number>>;
  /** Token throttle (real API: 100000 per second). */
  rateLimitPerSecond: number;
}

/** Which grants a grant operation applies to. */
export interface GrantSelector {
  /** The beneficiary: FHIR patient id, `BBUser12345` or the user number. */
  patient?: string;
  user?: string | number;
  /** Only this app's grant (default: every app's). */
  clientId?: string;
}

/** A DataAccessGrant as listed by the control API. */
export interface GrantInfo {
  clientId: string;
  patient: string;
  username: string;
  expiresAt: string | null;
}

/** Options of the non-interactive sign-in and consent. */
export interface ApproveOptions {
  /** Synthetic user (default `BBUser00001`). */
  username?: string;
  /** Password (default: the user's own). */
  password?: string;
  /** Tick "Share my demographic information" (default true). */
  shareDemographics?: boolean;
  /** Press Cancel instead of Connect. */
  deny?: boolean;
}

/** The result of a non-interactive approval: where the browser would be sent. */
export interface ApproveResult {
  status: number;
  location: string | null;
  code: string | null;
  state: string | null;
  error: string | null;
}
