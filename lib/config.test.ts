import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { appOrigin, LOCAL_APP, parseConfig, REFRESH_LOCK_GRACE_MS } from './config';
import { AppError } from './errors';

const emptyDir = () => mkdtempSync(path.join(tmpdir(), 'bb-config-'));
const parse = (env: Record<string, string | undefined>, cwd = emptyDir()) => parseConfig(env, cwd);
const failure = (env: Record<string, string>, cwd = emptyDir()) => {
  try {
    parseConfig(env, cwd);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'config_invalid' });
    return (error as Error).message;
  }
  throw new Error('expected a config_invalid AppError');
};

const real = {
  BB_ENVIRONMENT: 'PRODUCTION',
  BB_CLIENT_ID: 'id',
  BB_CLIENT_SECRET: 'secret',
  BB_CALLBACK_URL: 'https://app.example/api/auth/callback/bluebutton',
  NEXTAUTH_SECRET: 'x'.repeat(40),
};

describe('parseConfig', () => {
  it('defaults to the local sandbox and its registered app', () => {
    const config = parse({});
    expect(config.environment).toBe('LOCAL');
    expect(config.version).toBe(2);
    expect(config.baseUrl).toBe('http://localhost:8000');
    expect(config.clientId).toBe(LOCAL_APP.clientId);
    expect(config.callbackUrl).toBe(LOCAL_APP.callbackUrl);
    expect(config.tokenRefreshOnExpire).toBe(true);
    expect(config.retry).toEqual({ total: 3, backoffFactor: 0.25, statusForcelist: [500, 502, 503, 504] });
  });

  it('maps environments to CMS hosts and reads every variable', () => {
    const config = parse({
      ...real,
      BB_VERSION: '1',
      BB_TOKEN_REFRESH_ON_EXPIRE: 'false',
      BB_RETRY_TOTAL: '5',
      BB_RETRY_BACKOFF_FACTOR: '0.5',
      BB_RETRY_STATUS_FORCELIST: '502, 503',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(config.baseUrl).toBe('https://api.bluebutton.cms.gov');
    expect(config.version).toBe(1);
    expect(config.tokenRefreshOnExpire).toBe(false);
    expect(config.retry).toEqual({ total: 5, backoffFactor: 0.5, statusForcelist: [502, 503] });
    expect(parse({ ...real, BB_ENVIRONMENT: 'sandbox' }).baseUrl).toBe('https://sandbox.bluebutton.cms.gov');
  });

  it.each([
    [
      { ...real, BB_CALLBACK_URL: 'http://app.example/api/auth/callback/bluebutton' },
      'BB_CALLBACK_URL (callback_url) must use https in PRODUCTION',
    ],
    [{ BB_VERSION: '3' }, 'BB_VERSION (version) must be 1 or 2'],
    [
      { ...real, BB_CALLBACK_URL: 'https://app.example/cb' },
      'BB_CALLBACK_URL (callback_url) must end with /api/auth/callback/bluebutton',
    ],
    [
      { ...real, NEXTAUTH_URL: 'https://other.example' },
      'BB_CALLBACK_URL (callback_url) must be on the origin of NEXTAUTH_URL',
    ],
    [
      { BB_RETRY_BACKOFF_FACTOR: '0' },
      'BB_RETRY_BACKOFF_FACTOR (retry_settings.backoff_factor) must be greater than 0',
    ],
    [{ ...real, BB_CLIENT_SECRET: '' }, 'BB_CLIENT_SECRET (client_secret) is required'],
    [
      { BB_ENVIRONMENT: 'SANDBOX', BB_CLIENT_ID: 'id', BB_CALLBACK_URL: 'https://a.example/cb' },
      'BB_CLIENT_SECRET (client_secret) is required',
    ],
    [{ BB_ENVIRONMENT: 'STAGING' }, 'BB_ENVIRONMENT (environment) must be LOCAL, SANDBOX or PRODUCTION'],
    [{ ...real, NEXTAUTH_SECRET: '', NODE_ENV: 'production' }, 'NEXTAUTH_SECRET is required in production'],
    [{ NODE_ENV: 'production', BB_ENVIRONMENT: 'LOCAL' }, 'NEXTAUTH_SECRET is required in production'],
    [{ VERCEL: '1' }, 'REDIS_URL is required on Vercel'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL must start with redis://'],
    [{ APP_CONTACT_EMAIL: 'privacy at example' }, 'APP_CONTACT_EMAIL must be an email address'],
    [
      { ...real, BB_BASE_URL: 'http://evil.example' },
      'BB_BASE_URL may only be set with BB_ENVIRONMENT=LOCAL',
    ],
  ])('rejects %o naming the key and the rule', (env, message) => {
    expect(failure(env)).toContain(message);
  });

  it('reads who runs the app and how to reach them, for the privacy policy and terms', () => {
    expect(parse({})).toMatchObject({
      operatorName: undefined,
      contactEmail: undefined,
      contactAddress: undefined,
    });
    const config = parse({
      APP_OPERATOR_NAME: ' Example Health Apps LLC ',
      APP_CONTACT_EMAIL: 'privacy@example.org',
      APP_CONTACT_ADDRESS: '1 Main St, Springfield, IL 62701',
    });
    expect(config.operatorName).toBe('Example Health Apps LLC');
    expect(config.contactEmail).toBe('privacy@example.org');
    expect(config.contactAddress).toBe('1 Main St, Springfield, IL 62701');
  });

  it('reads .bluebutton-config.json with the SDK keys; environment variables win', () => {
    const dir = emptyDir();
    writeFileSync(
      path.join(dir, '.bluebutton-config.json'),
      JSON.stringify({
        environment: 'SANDBOX',
        version: 1,
        client_id: 'file-id',
        client_secret: 'file-secret',
        callback_url: 'https://app.example/api/auth/callback/bluebutton',
        retry_settings: { total: 2, backoff_factor: 0.1, status_forcelist: [503] },
      }),
    );
    const config = parse({ BB_CLIENT_ID: 'env-id' }, dir);
    expect(config).toMatchObject({
      environment: 'SANDBOX',
      version: 1,
      clientId: 'env-id',
      clientSecret: 'file-secret',
    });
    expect(config.retry).toEqual({ total: 2, backoffFactor: 0.1, statusForcelist: [503] });
  });

  it('reads a YAML file from BB_CONFIG_FILE and reports bad files clearly', () => {
    const dir = emptyDir();
    writeFileSync(path.join(dir, 'bb.yaml'), 'environment: LOCAL\nversion: 3\n');
    expect(failure({ BB_CONFIG_FILE: 'bb.yaml' }, dir)).toContain('BB_VERSION (version) must be 1 or 2');
    writeFileSync(path.join(dir, 'broken.yaml'), 'version: [1\n');
    expect(failure({ BB_CONFIG_FILE: 'broken.yaml' }, dir)).toContain('broken.yaml is not valid YAML');
    writeFileSync(path.join(dir, 'typo.yaml'), 'clientid: x\n');
    expect(failure({ BB_CONFIG_FILE: 'typo.yaml' }, dir)).toContain('clientid');
    expect(failure({ BB_CONFIG_FILE: 'missing.json' }, dir)).toContain('missing.json does not exist');
  });
});

describe('callback URL defaults', () => {
  it('follows NEXTAUTH_URL for the local sandbox, so the redirect URI and the app agree', () => {
    expect(parse({ NEXTAUTH_URL: 'http://localhost:3100' }).callbackUrl).toBe(
      'http://localhost:3100/api/auth/callback/bluebutton',
    );
    expect(parse({}).callbackUrl).toBe(LOCAL_APP.callbackUrl);
  });

  it('derives the app origin from the callback URL when NEXTAUTH_URL is not set', () => {
    expect(appOrigin(parse({ ...real, NEXTAUTH_URL: undefined }))).toBe('https://app.example');
  });
});

// docs/sessions.md, "Production". Each refusal guards a way a production build could run unsafely: the session
// cookie without Secure over http, tokens sent to CMS with the repository's own credentials, a deployment
// that silently talks to the local sandbox because BB_ENVIRONMENT was left out.
describe('production refusals', () => {
  const deployed = {
    NODE_ENV: 'production',
    BB_ENVIRONMENT: 'SANDBOX',
    BB_CLIENT_ID: 'registeredClientIdFromCms00000000000000',
    BB_CLIENT_SECRET: 'registered-secret',
    BB_CALLBACK_URL: 'https://app.example/api/auth/callback/bluebutton',
    NEXTAUTH_URL: 'https://app.example',
    NEXTAUTH_SECRET: 'p'.repeat(48),
  };
  const localBuild = { NODE_ENV: 'production', BB_ENVIRONMENT: 'LOCAL', NEXTAUTH_SECRET: 'p'.repeat(48) };

  it('accepts a deployment on https with its own credentials, with secure cookies', () => {
    for (const environment of ['SANDBOX', 'PRODUCTION']) {
      const config = parse({ ...deployed, BB_ENVIRONMENT: environment });
      expect(config.production).toBe(true);
      expect(config.secureCookies).toBe(true);
    }
  });

  it('keeps a production build against the local sandbox on http://localhost working, without Secure', () => {
    for (const url of ['http://localhost:3600', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      const config = parse({ ...localBuild, NEXTAUTH_URL: url });
      expect(config.environment).toBe('LOCAL');
      expect(config.clientId).toBe(LOCAL_APP.clientId);
      expect(config.secureCookies).toBe(false);
    }
    expect(parse({ ...localBuild, NEXTAUTH_URL: 'https://demo.example' }).secureCookies).toBe(true);
    expect(parse({}).secureCookies).toBe(false); // development
  });

  it.each([
    [
      'no BB_ENVIRONMENT',
      { ...deployed, BB_ENVIRONMENT: '' },
      'BB_ENVIRONMENT (environment) must be set in production',
    ],
    [
      'an http NEXTAUTH_URL with CMS’s sandbox',
      {
        ...deployed,
        NEXTAUTH_URL: 'http://app.example',
        BB_CALLBACK_URL: 'http://app.example/api/auth/callback/bluebutton',
      },
      'BB_CALLBACK_URL (callback_url) must use https with SANDBOX',
    ],
    [
      'an http NEXTAUTH_URL with an https callback',
      { ...deployed, NEXTAUTH_URL: 'http://app.example' },
      'NEXTAUTH_URL must use https with SANDBOX',
    ],
    [
      "the local sandbox's client id",
      { ...deployed, BB_CLIENT_ID: LOCAL_APP.clientId },
      "BB_CLIENT_ID (client_id) is the local sandbox's committed app",
    ],
    [
      "the local sandbox's client secret",
      { ...deployed, BB_ENVIRONMENT: 'PRODUCTION', BB_CLIENT_SECRET: LOCAL_APP.clientSecret },
      "BB_CLIENT_ID (client_id) is the local sandbox's committed app",
    ],
    [
      'the development auth secret',
      { ...deployed, NEXTAUTH_SECRET: 'local-development-secret-not-for-production-use' },
      'NEXTAUTH_SECRET is the committed development value',
    ],
    [
      'the local sandbox served over http to other machines',
      { ...localBuild, NEXTAUTH_URL: 'http://demo.example:3000' },
      'NEXTAUTH_URL must use https in production unless it is localhost',
    ],
  ])('refuses %s', (_name, env, message) => {
    expect(failure(env)).toContain(message);
  });

  it('reads an explicit environment from the config file too', () => {
    const dir = emptyDir();
    writeFileSync(path.join(dir, '.bluebutton-config.json'), JSON.stringify({ environment: 'LOCAL' }));
    expect(parse(localBuild, dir).environment).toBe('LOCAL');
    expect(parse({ ...localBuild, BB_ENVIRONMENT: undefined }, dir).environment).toBe('LOCAL');
  });
});

describe('token store and refresh lock settings', () => {
  it('reads TOKEN_STORE_KEY and TOKEN_STORE_PREVIOUS_KEYS', () => {
    const [a, b, c] = [1, 2, 3].map(() => randomBytes(32).toString('base64'));
    const config = parse({ TOKEN_STORE_KEY: a, TOKEN_STORE_PREVIOUS_KEYS: `${b}, ${c}` });
    expect(config.tokenStoreKey).toBe(a);
    expect(config.tokenStorePreviousKeys).toEqual([b, c]);
    expect(parse({}).tokenStoreKey).toBeUndefined();
  });

  it.each([
    [{ TOKEN_STORE_KEY: 'not-a-key' }, 'TOKEN_STORE_KEY must be 32 random bytes in base64'],
    [{ TOKEN_STORE_KEY: randomBytes(16).toString('base64') }, 'TOKEN_STORE_KEY must be 32 random bytes'],
    [
      { TOKEN_STORE_PREVIOUS_KEYS: `${randomBytes(32).toString('base64')},oops` },
      'TOKEN_STORE_PREVIOUS_KEYS must be 32 random bytes in base64',
    ],
  ])('refuses an invalid key %o, naming the variable', (env, message) => {
    expect(failure(env)).toContain(message);
  });

  // docs/sessions.md, "Refresh fencing": a lock that could expire while its holder's token request is still
  // running would let a second refresh start, which Blue Button's single-use refresh tokens turn into a
  // logout.
  it('refuses a refresh lock that does not outlast the token request and its grace', () => {
    const limit = 10_000 + REFRESH_LOCK_GRACE_MS;
    expect(failure({ REFRESH_LOCK_TTL_MS: String(limit) })).toContain(
      `REFRESH_LOCK_TTL_MS must be longer than BB_TOKEN_TIMEOUT_MS plus ${REFRESH_LOCK_GRACE_MS} ms`,
    );
    expect(parse({ REFRESH_LOCK_TTL_MS: String(limit + 1) }).refreshLockTtlMs).toBe(limit + 1);
    expect(failure({ BB_TOKEN_TIMEOUT_MS: '26000' })).toContain('REFRESH_LOCK_TTL_MS must be longer');
    expect(parse({}).refreshLockTtlMs).toBeGreaterThan(parse({}).tokenTimeoutMs + REFRESH_LOCK_GRACE_MS);
  });
});
