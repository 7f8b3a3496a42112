/**
 * Starts a throw-away `redis-server` on a free loopback port for tests: no persistence
 * (`--save '' --appendonly no`), its working directory in a fresh temporary folder, optionally TLS-only
 * with a self-signed certificate (made with `openssl`). Needs Debian's `redis-server` package
 * (`apt-get install redis-server`); without it the start fails with that advice.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A running test Redis. */
export interface TestRedisServer {
  /** `redis://127.0.0.1:<port>`, or `rediss://localhost:<port>` with TLS. */
  url: string;
  port: number;
  /** With TLS: the self-signed certificate (PEM) to trust. */
  ca?: string;
  /** Stops the server and removes its folder. */
  close(): Promise<void>;
}

const MISSING =
  "redis-server was not found on PATH. Install Debian's redis-server package (sudo apt-get install -y redis-server) to run the token store tests.";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = address && typeof address === 'object' ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function waitUntilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    const timer = setTimeout(() => fail(new Error('redis-server did not become ready within 10 s')), 10_000);
    function fail(err: Error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(err);
    }
    child.once('error', (err: NodeJS.ErrnoException) =>
      fail(err.code === 'ENOENT' ? new Error(MISSING) : err),
    );
    child.once('exit', (code) =>
      fail(new Error(`redis-server exited with code ${code}: ${output.slice(-500)}`)),
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      if (ready) return;
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        ready = true;
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve();
      }
    });
  });
}

function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost'].concat([
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ]),
    { stdio: 'ignore' },
  );
  return { cert, key };
}

async function startOnce(dir: string, tls: boolean): Promise<TestRedisServer> {
  const port = await freePort();
  const args = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  // Lets tests stall the server on purpose (`DEBUG SLEEP`), from loopback only.
  args.push('--enable-debug-command', 'local');
  let ca: string | undefined;
  if (tls) {
    const { cert, key } = selfSignedCertificate(dir);
    ca = readFileSync(cert, 'utf8');
    args.push('--port', '0', '--tls-port', String(port), '--tls-cert-file', cert, '--tls-key-file', key);
    args.push('--tls-ca-cert-file', cert, '--tls-auth-clients', 'no');
  } else {
    args.push('--port', String(port));
  }
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'ignore'] });
  await waitUntilReady(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: tls ? `rediss://localhost:${port}` : `redis://127.0.0.1:${port}`,
    port,
    ...(ca ? { ca } : {}),
    async close() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts a `redis-server` on 127.0.0.1 and a free port; retries if another process took the port. */
export async function startRedisServer(options: { tls?: boolean } = {}): Promise<TestRedisServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'test-redis-'));
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(dir, options.tls ?? false);
    } catch (err) {
      lastError = err;
      if (err instanceof Error && err.message === MISSING) break;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  throw lastError;
}
