#!/usr/bin/env node
// `npm run dev`: the app on :3000 and, unless real Blue Button credentials are configured, the local
// sandbox on :8000 beside it. Both stop together.
import { spawn } from 'node:child_process';
import nextEnv from '@next/env';

nextEnv.loadEnvConfig(process.cwd(), true, { info: () => {}, error: console.error });

const environment = (process.env.BB_ENVIRONMENT ?? 'LOCAL').toUpperCase();
const useSandbox = environment === 'LOCAL';
const children = [];

function run(name, command, args, env = {}) {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[dev] ${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (useSandbox) {
  console.log('[dev] No Blue Button environment configured: starting the local sandbox (BB_ENVIRONMENT=LOCAL).');
  run('sandbox', process.execPath, ['--import', 'tsx', 'sandbox/main.ts']);
} else {
  console.log(`[dev] Using the Blue Button ${environment} environment; the local sandbox is not started.`);
}
run('next', process.execPath, ['node_modules/next/dist/bin/next', 'dev', ...process.argv.slice(2)], {
  NEXT_TELEMETRY_DISABLED: '1',
});
