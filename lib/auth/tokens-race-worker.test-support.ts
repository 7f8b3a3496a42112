/**
 * A child process for the cross-process refresh test (tokens.processes.int.test.ts): it builds
 * its own token manager on the shared Redis, waits for "go", fires concurrent `getAccessToken` calls,
 * uses each token once on the sandbox's ExplanationOfBenefit search and prints one JSON line of results.
 * Tokens never leave the process: only a short SHA-256 digest is printed, for comparison.
 * Run: node --conditions=react-server --import tsx lib/auth/tokens-race-worker.test-support.ts
 */
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { refreshTokens } from '@/lib/bluebutton/oauth';
import { createRedisStore } from '@/lib/store/redis';
import { createSecureStore } from '@/lib/store/secure-store';
import { createTokenManager } from './tokens';

/** What the parent sends on the first stdin line. */
export interface RaceWorkerInput {
  redisUrl: string;
  keyPrefix: string;
  secret: string;
  sandboxUrl: string;
  clientId: string;
  clientSecret: string;
  sid: string;
  requests: number;
  /** Added to the clock, so that the stored access token is seen as expired. */
  clockOffsetMs: number;
}

/** One request's outcome, as printed. */
export interface RaceWorkerResult {
  status: number | null;
  tokenDigest: string | null;
  error: string | null;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex').slice(0, 16);

async function main() {
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const input = JSON.parse((await lines.next()).value as string) as RaceWorkerInput;
  const kv = createRedisStore({ url: input.redisUrl, keyPrefix: input.keyPrefix });
  const now = () => Date.now() + input.clockOffsetMs;
  const config = {
    baseUrl: input.sandboxUrl,
    version: 2 as const,
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    tokenTimeoutMs: 5_000,
  };
  const manager = createTokenManager({
    store: createSecureStore(kv, input.secret),
    refresh: (refreshToken) => refreshTokens(refreshToken, { config, now }),
    refreshOnExpire: true,
    now,
    sessionTtlSeconds: 3600,
  });
  await kv.get('warm-up'); // connect before the race starts
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  await lines.next(); // "go"
  const results = await Promise.all(
    Array.from({ length: input.requests }, async (): Promise<RaceWorkerResult> => {
      try {
        const token = await manager.getAccessToken(input.sid);
        const response = await fetch(`${input.sandboxUrl}/v2/fhir/ExplanationOfBenefit`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await response.arrayBuffer();
        return { status: response.status, tokenDigest: digest(token), error: null };
      } catch (err) {
        const reason = (err as { reason?: unknown }).reason;
        const name = err instanceof Error ? err.name : 'unknown';
        return {
          status: null,
          tokenDigest: null,
          error: typeof reason === 'string' ? `${name}: ${reason}` : name,
        };
      }
    }),
  );
  process.stdout.write(`${JSON.stringify({ results })}\n`);
  await kv.close();
  process.exit(0);
}

void main();
