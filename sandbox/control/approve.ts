/**
 * Non-interactive sign-in and consent for HTTP-level tests: drives the sandbox's own authorize,
 * sign-in and consent steps (as a browser would, but in-process and unlogged) and returns where the
 * browser would be sent: the client's callback with `code` and `state`, or an error.
 */
import { passwordFor, userNumberFromUsername } from '../data/users';
import type { ApproveOptions, ApproveResult } from './types';

type Send = (request: Request) => Promise<Response>;

function result(response: Response, fallback?: string): ApproveResult {
  const location = response.headers.get('location');
  let params = new URLSearchParams();
  try {
    if (location) params = new URL(location, 'http://sandbox.invalid').searchParams;
  } catch {
    // keep empty params
  }
  return {
    status: response.status,
    location,
    code: params.get('code'),
    state: params.get('state'),
    error: params.get('error') ?? (location ? null : (fallback ?? `http_${response.status}`)),
  };
}

/** Runs the flow from an authorize URL (absolute, or a path on the sandbox). */
export async function approve(
  send: Send,
  origin: string,
  authorizeUrl: string,
  options: ApproveOptions,
): Promise<ApproveResult> {
  const username = options.username ?? 'BBUser00001';
  const number = userNumberFromUsername(username);
  const password = options.password ?? (number === undefined ? '' : passwordFor(number));
  let url = new URL(authorizeUrl, origin);
  url = new URL(`${url.pathname}${url.search}`, origin);

  let response = await send(new Request(url, { redirect: 'manual' }));
  if (response.status === 301) {
    url = new URL(response.headers.get('location') ?? '', url);
    response = await send(new Request(url, { redirect: 'manual' }));
  }
  const loginLocation = response.headers.get('location');
  if (response.status !== 302 || !loginLocation?.startsWith('/mymedicare/login')) return result(response);

  const next = new URL(loginLocation, origin).searchParams.get('next') ?? '';
  response = await send(
    new Request(new URL('/mymedicare/login', origin), {
      method: 'POST',
      body: new URLSearchParams({ next, username, password }),
      redirect: 'manual',
    }),
  );
  const consentLocation = response.headers.get('location');
  if (response.status !== 302 || !consentLocation) return result(response, 'login_failed');

  const decision = new URLSearchParams({ share_demographic_scopes: 'False' });
  if (options.shareDemographics !== false) decision.append('share_demographic_scopes', 'True');
  decision.append(options.deny ? 'deny' : 'allow', 'true');
  response = await send(
    new Request(new URL(consentLocation, origin), { method: 'POST', body: decision, redirect: 'manual' }),
  );
  return result(response);
}
