/**
 * Helpers for the sandbox's own tests: an in-process sandbox on a fixed data anchor, form posts,
 * Basic credentials and a signed-in beneficiary.
 */
import { DEFAULT_APP } from './apps';
import { createSandbox, type Sandbox, type SandboxOptions } from './server';
import {
  approveOptions,
  authorizeUrl,
  pkce,
  signIn,
  type SignInOptions,
  type TokenResponse,
} from './server.test-support';

/** The origin in-process tests call. */
export const BASE = 'http://localhost:8000';
/** A fixed data anchor so tests see the same claims every week. */
export const ANCHOR = '2025-06-02';
export const CLIENT_ID = DEFAULT_APP.clientId;
export const SECRET = DEFAULT_APP.clientSecret;
export const REDIRECT = DEFAULT_APP.redirectUris[0] ?? '';

/** A sandbox for one test (mode `test`, fixed anchor). */
export function makeSandbox(options: SandboxOptions = {}): Sandbox {
  return createSandbox({ mode: 'test', dataAnchor: ANCHOR, ...options });
}

/** `Basic base64(id:secret)`. */
export function basic(id = CLIENT_ID, secret = SECRET): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

/** POSTs urlencoded fields (no redirect following). */
export function postForm(
  sb: Sandbox,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return sb.fetch(`${BASE}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers,
    redirect: 'manual',
  });
}

/** GETs a path (no redirect following). */
export function get(sb: Sandbox, path: string, headers: Record<string, string> = {}) {
  return sb.fetch(`${BASE}${path}`, { headers, redirect: 'manual' });
}

/** Signs a synthetic user in through the sandbox's own pages and exchanges the code. */
export function tokensFor(sb: Sandbox, options: SignInOptions = {}): Promise<TokenResponse> {
  return signIn(BASE, sb.control, { fetch: (i, init) => sb.fetch(i, init), ...options });
}

/** A code for the default app plus the verifier that redeems it. */
export async function codeFor(sb: Sandbox, options: SignInOptions = {}) {
  const { verifier, challenge, state } = pkce();
  const url = authorizeUrl(BASE, { ...options, state, challenge });
  const approved = await sb.control.approve(url, approveOptions(options));
  return { code: approved.code ?? '', verifier, state, approved };
}

/** A Bearer header. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
