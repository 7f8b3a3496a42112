import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

// A production server with a bad configuration does not start (docs/reliability.md #39, docs/sessions.md
// "Production"): it exits, naming the setting, before it serves anyone. Uses the build the end-to-end run made.

function startWith(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', '3190'], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const secret = 'a-production-secret-of-sufficient-length-0123';
const deployed = {
  NEXTAUTH_SECRET: secret,
  BB_ENVIRONMENT: 'SANDBOX',
  BB_CLIENT_ID: 'abc',
  BB_CLIENT_SECRET: 'def',
  BB_CALLBACK_URL: 'https://app.example/api/auth/callback/bluebutton',
  NEXTAUTH_URL: 'https://app.example',
};
const cases: [string, Record<string, string>, string][] = [
  [
    'no BB_ENVIRONMENT',
    { NEXTAUTH_SECRET: secret },
    'BB_ENVIRONMENT (environment) must be set in production',
  ],
  ['no NEXTAUTH_SECRET', { BB_ENVIRONMENT: 'LOCAL' }, 'NEXTAUTH_SECRET is required in production'],
  [
    'an empty client secret',
    { ...deployed, BB_CLIENT_SECRET: '' },
    'BB_CLIENT_SECRET (client_secret) is required',
  ],
  ['Vercel without a shared token store', { ...deployed, VERCEL: '1' }, 'REDIS_URL is required on Vercel'],
  [
    'an http callback in production',
    {
      ...deployed,
      BB_ENVIRONMENT: 'PRODUCTION',
      BB_CALLBACK_URL: 'http://app.example/api/auth/callback/bluebutton',
      NEXTAUTH_URL: 'http://app.example',
    },
    'must use https in PRODUCTION',
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
    "the local sandbox's committed credentials with CMS's sandbox",
    {
      ...deployed,
      BB_CLIENT_ID: 'dashboardLocalSandboxClient0000000000000',
      BB_CLIENT_SECRET: 'localSandboxSecretNotForProductionUse000',
    },
    "BB_CLIENT_ID (client_id) is the local sandbox's committed app",
  ],
  [
    'the local sandbox served over http to other machines',
    { NEXTAUTH_SECRET: secret, BB_ENVIRONMENT: 'LOCAL', NEXTAUTH_URL: 'http://demo.example:3000' },
    'NEXTAUTH_URL must use https in production unless it is localhost',
  ],
  [
    'a token store key that is not 32 bytes of base64',
    { NEXTAUTH_SECRET: secret, BB_ENVIRONMENT: 'LOCAL', TOKEN_STORE_KEY: 'too-short' },
    'TOKEN_STORE_KEY must be 32 random bytes in base64',
  ],
  [
    'a refresh lock shorter than the token timeout and its grace',
    { NEXTAUTH_SECRET: secret, BB_ENVIRONMENT: 'LOCAL', REFRESH_LOCK_TTL_MS: '12000' },
    'REFRESH_LOCK_TTL_MS must be longer than BB_TOKEN_TIMEOUT_MS plus 5000 ms',
  ],
];

for (const [name, env, message] of cases) {
  test(`the server refuses to start with ${name}`, async () => {
    const { code, output } = await startWith(env);
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output).toContain(message);
  });
}
