/**
 * `npm run sandbox`: serves the local Blue Button sandbox (default http://localhost:8000) until
 * SIGINT/SIGTERM. Prints one line with its URL; never tokens, secrets or data.
 */
import { loadSandboxConfig, SandboxConfigError } from './config';
import { createSandbox } from './server';

async function main(): Promise<void> {
  const config = loadSandboxConfig();
  const sandbox = createSandbox(config.options);
  let server;
  try {
    server = await sandbox.listen(config.listen);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new SandboxConfigError(`Port ${config.listen.port} is in use; set SANDBOX_PORT to another port.`);
    throw err;
  }
  console.log(`[sandbox] Blue Button sandbox (${config.options.mode}) listening on ${server.url}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void sandbox.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(
    `[sandbox] ${err instanceof SandboxConfigError ? err.message : err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`,
  );
  process.exit(1);
});
