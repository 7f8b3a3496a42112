import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

// A production server with a bad configuration does not start (docs/reliability.md #39): it exits, naming the
// setting, before it serves anyone. Uses the build the end-to-end run made.

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
const cases: [string, Record<string, string>, string][] = [
  ['no NEXTAUTH_SECRET', {}, 'NEXTAUTH_SECRET is required in production'],
  [
    'an empty client secret',
    {
      NEXTAUTH_SECRET: secret,
      BB_ENVIRONMENT: 'SANDBOX',
      BB_CLIENT_ID: 'abc',
      BB_CLIENT_SECRET: '',
      BB_CALLBACK_URL: 'https://app.example/api/auth/callback/bluebutton',
    },
    'BB_CLIENT_SECRET (client_secret) is required',
  ],
  [
    'Vercel without a shared token store',
    { NEXTAUTH_SECRET: secret, VERCEL: '1' },
    'REDIS_URL is required on Vercel',
  ],
  [
    'an http callback in production',
    {
      NEXTAUTH_SECRET: secret,
      BB_ENVIRONMENT: 'PRODUCTION',
      BB_CLIENT_ID: 'abc',
      BB_CLIENT_SECRET: 'def',
      BB_CALLBACK_URL: 'http://app.example/api/auth/callback/bluebutton',
    },
    'must use https in PRODUCTION',
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
