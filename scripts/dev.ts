// `npm run dev`: the app on :3000 and, unless a real Blue Button environment is configured, the local
// sandbox on :8000 beside it. Both stop together: on Ctrl-C, on SIGTERM (to this script or to the npm
// process running it), or when either of them exits. Run as `node --conditions=react-server --import tsx`:
// the config file's reader is server-only, and the react-server condition is how Next.js resolves it.
import { spawn, type ChildProcess } from 'node:child_process';
import nextEnv from '@next/env';
import { readConfigFile } from '@/lib/config-file';

nextEnv.loadEnvConfig(process.cwd(), true, { info: () => {}, error: console.error });

/** `environment` of the optional config file (env wins); the app itself reports a file it cannot use. */
function fileEnvironment(): string | undefined {
  const file = readConfigFile(process.env, process.cwd());
  return file.ok ? file.config.environment : undefined;
}

const environment = (process.env.BB_ENVIRONMENT || fileEnvironment() || 'LOCAL').toUpperCase();
const useSandbox = environment === 'LOCAL';
const children: ChildProcess[] = [];
let stopping = false;
let exitCode = 0;

function run(name: string, command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[dev] ${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
      stop(code ?? 1);
    }
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(exitCode);
  });
  children.push(child);
}

function stop(code = 0): void {
  if (stopping) {
    // A second Ctrl-C: do not wait any longer.
    for (const child of children) child.kill('SIGKILL');
    process.exit(exitCode);
  }
  stopping = true;
  exitCode = code;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(exitCode);
  }, 10_000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
process.on('SIGHUP', () => stop(0));

// npm forwards SIGTERM to the shell that runs this script, and that shell dies without passing it on:
// when our parent goes away, stop as if signalled.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop(0);
}, 500).unref();

const appEnv: Record<string, string> = { NEXT_TELEMETRY_DISABLED: '1' };
if (useSandbox) {
  console.log(
    '[dev] No Blue Button environment configured: starting the local sandbox (BB_ENVIRONMENT=LOCAL).',
  );
  run('sandbox', process.execPath, ['--import', 'tsx', 'sandbox/main.ts']);
  // SANDBOX_PORT=8001 npm run dev: point the app at that port too.
  if (process.env.SANDBOX_PORT && !process.env.BB_BASE_URL)
    appEnv.BB_BASE_URL = `http://localhost:${process.env.SANDBOX_PORT}`;
} else {
  console.log(`[dev] Using the Blue Button ${environment} environment; the local sandbox is not started.`);
}
run('next', process.execPath, ['node_modules/next/dist/bin/next', 'dev', ...process.argv.slice(2)], appEnv);
