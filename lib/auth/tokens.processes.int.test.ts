import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { setUpOAuthSandbox } from '@/lib/bluebutton/oauth.test-support';
import { parseTokenResponse } from '@/lib/bluebutton/token-set';
import { createRedisStore } from '@/lib/store/redis';
import { createSecureStore } from '@/lib/store/secure-store';
import { DEFAULT_APP, signIn } from '@/sandbox/server.test-support';
import { createTokenManager } from './tokens';
import { setUpRedisServer } from './tokens.test-support';
import type { RaceWorkerInput, RaceWorkerResult } from './tokens-race-worker.test-support';

// docs/reliability.md #18: two OS processes, one real redis-server, one sandbox over HTTP. The sandbox
// rotates refresh tokens with no grace period, so a second refresh would fail with invalid_grant.
const SECRET = 'cross-process-test-secret-of-32-characters-or-more';
const PREFIX = 'race:';
const CLOCK_OFFSET_MS = 3_601_000;
const REQUESTS_PER_PROCESS = 10;
const digest = (token: string) => createHash('sha256').update(token).digest('hex').slice(0, 16);

interface Worker {
  child: ChildProcessWithoutNullStreams;
  next(): Promise<Record<string, unknown>>;
}

function startWorker(input: RaceWorkerInput): Worker {
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'lib/auth/tokens-race-worker.test-support.ts'],
    { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  child.stdin.write(`${JSON.stringify(input)}\n`);
  return {
    child,
    async next() {
      const line = await lines.next();
      if (line.done) throw new Error(`worker ended early: ${stderr.slice(-2_000)}`);
      return JSON.parse(line.value) as Record<string, unknown>;
    },
  };
}

describe('token refresh across two processes sharing Redis', () => {
  const { s } = setUpOAuthSandbox();
  const redis = setUpRedisServer();
  const workers: Worker[] = [];

  afterAll(() => {
    for (const w of workers) w.child.kill();
  });

  it('makes exactly one refresh call for 20 concurrent requests, and every request succeeds', async () => {
    const kv = createRedisStore({ url: redis.url, keyPrefix: PREFIX });
    const now = () => Date.now() + CLOCK_OFFSET_MS;
    const manager = createTokenManager({
      store: createSecureStore(kv, SECRET),
      refresh: () => Promise.reject(new Error('the parent never refreshes')),
      refreshOnExpire: true,
      now,
      sessionTtlSeconds: 3600,
    });
    const sid = 'cross-process-session';
    const raw = await signIn(s.url, s.control, { username: 'BBUser10077' });
    const tokens = parseTokenResponse(raw, Date.now());
    if (!tokens) throw new Error('sign-in gave no tokens');
    await manager.save(sid, tokens);
    await s.control.advanceClock(3601); // the access token is now expired at the sandbox too
    await s.control.clearRequests();

    const input: RaceWorkerInput = {
      redisUrl: redis.url,
      keyPrefix: PREFIX,
      secret: SECRET,
      sandboxUrl: s.url,
      clientId: DEFAULT_APP.clientId,
      clientSecret: DEFAULT_APP.clientSecret,
      sid,
      requests: REQUESTS_PER_PROCESS,
      clockOffsetMs: CLOCK_OFFSET_MS,
    };
    workers.push(startWorker(input), startWorker(input));
    for (const w of workers) expect(await w.next()).toEqual({ ready: true });
    for (const w of workers) w.child.stdin.write('go\n');
    const outputs = await Promise.all(workers.map((w) => w.next()));
    const results = outputs.flatMap((o) => o.results as RaceWorkerResult[]);

    expect(results).toHaveLength(2 * REQUESTS_PER_PROCESS);
    expect(results.filter((r) => r.error !== null)).toEqual([]);
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(await s.control.count('token')).toBe(1);
    const record = await manager.get(sid);
    expect(record?.rotation).toBe(1);
    expect(record?.needsReconnect).toBeUndefined();
    expect(record && record.tokens.accessToken !== tokens.accessToken).toBe(true);
    const stored = digest(record?.tokens.accessToken ?? '');
    expect(results.every((r) => r.tokenDigest === stored)).toBe(true);
    expect(await s.control.count('eob')).toBe(2 * REQUESTS_PER_PROCESS);
    await kv.close();
  });
});
