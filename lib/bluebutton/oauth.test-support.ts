/**
 * Set-up shared by the integration tests that call a local sandbox's OAuth endpoints over real HTTP
 * (oauth.int.test.ts, oauth.refresh.int.test.ts, and the token manager's in lib/auth). Token values are
 * compared, never printed.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { AppError } from '@/lib/errors';
import { DEFAULT_APP, startSandbox, type StartedSandbox } from '@/sandbox/server.test-support';
import type { OAuthCallOptions } from './oauth';

/** The synthetic beneficiary the OAuth tests sign in as, and their patient id. */
export const USER = 'BBUser10050';
export const PATIENT = '-10000000010050';

/** `Basic base64(id:secret)`. */
export const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** The OAuth settings of a call to the sandbox. */
export type SandboxOAuthConfig = NonNullable<OAuthCallOptions['config']>;

/** A sandbox started for a test file, with the OAuth call options and requests its tests share. */
export interface OAuthSandbox {
  /** The sandbox; its properties can be read once the file's tests run. */
  s: StartedSandbox;
  /** Call options for the sandbox's default app, with a 1-second token timeout. */
  options: OAuthCallOptions & { config: SandboxOAuthConfig };
  /** The status of an EOB search at the sandbox with `accessToken`. */
  eobStatus(accessToken: string): Promise<number>;
}

/**
 * Starts a sandbox before the calling file's (or `describe` block's) tests, closes it after them and resets it
 * before each test.
 */
export function setUpOAuthSandbox(): OAuthSandbox {
  let started: StartedSandbox | undefined;
  const running = () => {
    if (!started) throw new Error('no sandbox: setUpOAuthSandbox() starts it before the tests only');
    return started;
  };
  const s: StartedSandbox = {
    get url() {
      return running().url;
    },
    get control() {
      return running().control;
    },
    get sandbox() {
      return running().sandbox;
    },
    close: () => running().close(),
  };

  beforeAll(async () => {
    started = await startSandbox();
  });
  afterAll(() => started?.close());
  beforeEach(() => s.control.reset());

  const options = {
    config: {
      get baseUrl() {
        return s.url;
      },
      version: 2 as const,
      clientId: DEFAULT_APP.clientId,
      clientSecret: DEFAULT_APP.clientSecret,
      tokenTimeoutMs: 1_000,
    },
  };

  async function eobStatus(accessToken: string) {
    const r = await fetch(`${s.url}/v2/fhir/ExplanationOfBenefit`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    await r.arrayBuffer();
    return r.status;
  }

  return { s, options, eobStatus };
}

/** The reason of a failed OAuth call's AppError, or a description of whatever else happened. */
export async function reasonOf(promise: Promise<unknown>) {
  return promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof AppError && e.reason ? e.reason : `threw ${(e as Error).name}`),
  );
}
