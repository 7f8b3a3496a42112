import { spawn } from 'node:child_process';
import { E2E_AUTH_SECRET } from '../playwright.config';
import { sandboxUrl } from './support';

/** A `next start` of this build, started by a spec for a setting of its own, with everything it printed. */
export interface AppInstance {
  /** `http://localhost:<port>`, where it listens (its configured origin may differ). */
  url: string;
  /** What the server printed so far, stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the production build on `port` against this run's sandbox, configured for `origin`, and waits until it
 * answers. `env` adds or overrides variables.
 */
export async function startAppInstance(
  port: number,
  origin: string,
  env: Record<string, string> = {},
): Promise<AppInstance> {
  let output = '';
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=32', 'node_modules/next/dist/bin/next', 'start', '-p', String(port)],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        BB_ENVIRONMENT: 'LOCAL',
        BB_BASE_URL: sandboxUrl,
        NEXTAUTH_URL: origin,
        NEXTAUTH_SECRET: E2E_AUTH_SECRET,
        BB_TOKEN_TIMEOUT_MS: '2000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://localhost:${port}`;
  const instance: AppInstance = {
    url,
    output: () => output,
    stop: async () => {
      child.kill();
      await exited;
    },
  };
  for (let i = 0; i < 150; i += 1) {
    try {
      if ((await fetch(`${url}/`, { redirect: 'manual' })).status < 500) return instance;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await instance.stop();
  throw new Error(`the app on port ${port} did not start:\n${output}`);
}
