import { CONSENT_FIELD, CONSENT_VERSION } from '../lib/consent';
import type { SandboxControlClient } from '../sandbox/control/client';

/**
 * A cookie-keeping HTTP client for the app, for tests and benchmarks that need no browser: it signs in through
 * next-auth's real endpoints and the sandbox's approval, without following redirects on its own. It imports
 * nothing of Playwright: the end-to-end tests use it with their app and sandbox (support.ts), `npm run bench`
 * with its own (scripts/bench/app.ts).
 */
export class AppClient {
  readonly cookies = new Map<string, string>();

  /**
   * `base`: the app instance to talk to (cookies are per host, so instances on other ports share them);
   * `control`: the control API of the sandbox the app signs in at.
   */
  constructor(
    readonly base: string,
    readonly control: SandboxControlClient,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1);
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /expires=thu, 01 jan 1970/i.test(a),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    const response = await fetch(new URL(path, this.base), { ...init, headers, redirect: 'manual' });
    this.keep(response);
    return response;
  }

  /**
   * POSTs next-auth's sign-in start as the Connect button does, with the beneficiary's consent (the ticked box)
   * unless `consent` is null; returns the answer.
   */
  async postSignIn(
    callbackUrl = '/dashboard',
    {
      consent = CONSENT_VERSION,
      headers = {},
    }: { consent?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const { csrfToken } = (await (await this.fetch('/api/auth/csrf')).json()) as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken, callbackUrl, json: 'true' });
    if (consent !== null) form.set(CONSENT_FIELD, consent);
    return this.fetch('/api/auth/signin/bluebutton', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: form,
    });
  }

  /** Starts sign-in as the Connect button does, with consent; returns the Blue Button authorize URL. */
  async startSignIn(callbackUrl = '/dashboard'): Promise<string> {
    const response = await this.postSignIn(callbackUrl);
    return ((await response.json()) as { url: string }).url;
  }

  /** Approves at the sandbox and returns the callback path (with code and state) the browser would open. */
  async approve(authorizeUrl: string, options: { user?: string; shareDemographics?: boolean } = {}) {
    const user = options.user ?? 'BBUser00001';
    const result = await this.control.approve(authorizeUrl, {
      username: user,
      password: `PW${user.slice(-5)}!`,
      shareDemographics: options.shareDemographics ?? true,
    });
    if (!result.location) throw new Error(`The sandbox did not redirect (status ${result.status})`);
    const callback = new URL(result.location);
    return `${callback.pathname}${callback.search}`;
  }

  /** A full sign-in; returns the callback path used (for replay tests). */
  async signIn(options: { user?: string; shareDemographics?: boolean } = {}): Promise<string> {
    const callback = await this.approve(await this.startSignIn(), options);
    const response = await this.fetch(callback);
    const location = response.headers.get('location') ?? '';
    if (!location.endsWith('/dashboard')) throw new Error(`Sign-in ended at ${location}`);
    return callback;
  }

  hasSession(): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith('next-auth.session-token'));
  }
}
