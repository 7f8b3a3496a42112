#!/usr/bin/env node
// `npm run dev`: the app on :3000 and, unless a real Blue Button environment is configured, the local
// sandbox on :8000 beside it. Both stop together: on Ctrl-C, on SIGTERM (to this script or to the npm
// process running it), or when either of them exits.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import nextEnv from '@next/env';
import { parse as parseYaml } from 'yaml';

nextEnv.loadEnvConfig(process.cwd(), true, { info: () => {}, error: console.error });

/** `environment` of the optional config file, read the way lib/config.ts reads it (env wins). */
function fileEnvironment() {
  const explicit = process.env.BB_CONFIG_FILE;
  const candidates = explicit
    ? [path.resolve(explicit)]
    : ['.bluebutton-config.json', '.bluebutton-config.yaml', '.bluebutton-config.yml'].map((f) =>
        path.resolve(f),
      );
  const file = candidates.find((f) => existsSync(f));
  if (!file) return undefined;
  try {
    const text = readFileSync(file, 'utf8');
    const parsed = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    return typeof parsed?.environment === 'string' ? parsed.environment : undefined;
  } catch {
    return undefined; // the app reports an unreadable config file itself
  }
}

const environment = (process.env.BB_ENVIRONMENT || fileEnvironment() || 'LOCAL').toUpperCase();
const useSandbox = environment === 'LOCAL';
const children = [];
let stopping = false;
let exitCode = 0;

function run(name, command, args, env = {}) {
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

function stop(code = 0) {
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

const appEnv = { NEXT_TELEMETRY_DISABLED: '1' };
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
