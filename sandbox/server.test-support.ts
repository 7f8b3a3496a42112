/**
 * Test helpers for the whole project: start a sandbox on a free loopback port with a typed control
 * client, and run the OAuth flow to tokens without a browser.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_APP } from './apps';
import { SandboxControlClient } from './control/client';
import type { ApproveOptions } from './control/types';
import { createSandbox, type Sandbox, type SandboxOptions } from './server';

export { DEFAULT_APP } from './apps';
export { SandboxControlClient, SandboxControlError } from './control/client';
export type * from './control/types';

/** A sandbox serving on loopback. */
export interface StartedSandbox {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  control: SandboxControlClient;
  sandbox: Sandbox;
  close(): Promise<void>;
}

/** Starts a sandbox (mode `test` unless given) on `127.0.0.1` and a free port. */
export async function startSandbox(options: SandboxOptions = {}): Promise<StartedSandbox> {
  const sandbox = createSandbox({ mode: 'test', ...options });
  const server = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  if (!options.publicUrl) sandbox.core.config.publicUrl = server.url;
  return {
    url: server.url,
    control: new SandboxControlClient(server.url),
    sandbox,
    close: () => sandbox.close(),
  };
}

/** A PKCE verifier/challenge pair and a state, as CMS's SDKs make them (32 random bytes each). */
export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(32).toString('base64url');
  return { verifier, challenge, state };
}

/** Parts of an authorization request. */
export interface AuthorizeParams {
  clientId?: string;
  redirectUri?: string;
  scope?: string;
  state: string;
  challenge: string;
  version?: 1 | 2;
}

/** `<base>/vN/o/authorize/?…` for the default app unless told otherwise. */
export function authorizeUrl(base: string, p: AuthorizeParams): string {
  const params = new URLSearchParams({
    client_id: p.clientId ?? DEFAULT_APP.clientId,
    redirect_uri: p.redirectUri ?? DEFAULT_APP.redirectUris[0] ?? '',
    response_type: 'code',
    state: p.state,
    code_challenge: p.challenge,
    code_challenge_method: 'S256',
  });
  if (p.scope !== undefined) params.set('scope', p.scope);
  return `${base.replace(/\/+$/, '')}/v${p.version ?? 2}/o/authorize/?${params}`;
}

/** A token response of the sandbox. */
export interface TokenResponse {
  access_token: string;
  expires_in: number;
  token_type: string;
  scope: string;
  refresh_token: string;
  patient: string;
  access_grant_expiration: string;
}

/** What `signIn` needs. */
export interface SignInOptions extends ApproveOptions {
  scope?: string;
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  version?: 1 | 2;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

/** The sign-in and consent choices among `options`. */
export function approveOptions(options: ApproveOptions): ApproveOptions {
  const { username, password, shareDemographics, deny } = options;
  return {
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(shareDemographics !== undefined ? { shareDemographics } : {}),
    ...(deny !== undefined ? { deny } : {}),
  };
}

/** Runs authorize → sign-in → consent → token exchange (HTTP Basic) and returns the tokens. */
export async function signIn(
  base: string,
  control: SandboxControlClient,
  options: SignInOptions = {},
): Promise<TokenResponse> {
  const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
  const { verifier, challenge, state } = pkce();
  const redirectUri = options.redirectUri ?? DEFAULT_APP.redirectUris[0] ?? '';
  const url = authorizeUrl(base, { ...options, redirectUri, state, challenge });
  const approved = await control.approve(url, approveOptions(options));
  if (!approved.code) throw new Error(`sign-in did not produce a code: ${approved.error ?? approved.status}`);
  const clientId = options.clientId ?? DEFAULT_APP.clientId;
  const secret = options.clientSecret ?? DEFAULT_APP.clientSecret;
  const response = await doFetch(`${base.replace(/\/+$/, '')}/v${options.version ?? 2}/o/token/`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: approved.code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  });
  if (response.status !== 200) throw new Error(`token exchange failed: ${response.status}`);
  return (await response.json()) as TokenResponse;
}

/** A request seen by a counting server. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A listener that answers 200 `{}` and records every request: an "evil origin" for off-origin link tests. */
export async function startCountingServer(): Promise<{
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}> {
  const { createServer } = await import('node:http');
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
