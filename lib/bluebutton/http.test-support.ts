/**
 * Set-up shared by the HTTP layer's tests (http.test.ts, http-faults.test.ts): a fresh in-process sandbox for
 * each test, its handler passed in as `fetch`, and an HTTP layer signed in to it.
 */
import { afterEach, beforeEach } from 'vitest';
import { createSandbox, type Sandbox } from '@/sandbox/server';
import { signIn, type SignInOptions } from '@/sandbox/server.test-support';
import { createFhirHttp, type FhirHttpConfig } from './http';
import { sandboxTokenSource, testClientConfig } from './client.test-support';

/** The origin the in-process sandbox answers. */
export const BASE = 'http://localhost:8000';
/** The first page of the signed-in beneficiary's EOB search. */
export const EOB = `${BASE}/v2/fhir/ExplanationOfBenefit/?_count=50`;

/** The `total` of a search bundle. */
export const bundleTotal = (body: unknown) => (body as { total?: number }).total;

/**
 * Creates a sandbox (mode `test`, fixed data anchor) before each test of the calling file and closes it after.
 * `sb` is the current test's sandbox; `signedIn` signs a beneficiary in and gives an HTTP layer on the tokens,
 * with the sandbox's counters and the list of fetched URLs cleared.
 */
export function setUpHttpSandbox() {
  let current: Sandbox | undefined;
  beforeEach(() => {
    current = createSandbox({ mode: 'test', dataAnchor: '2025-06-02' });
  });
  afterEach(() => current?.close());

  const running = () => {
    if (!current) throw new Error('no sandbox: setUpHttpSandbox() gives one inside tests only');
    return current;
  };
  const sb: Pick<Sandbox, 'control' | 'fetch'> = {
    get control() {
      return running().control;
    },
    fetch: (input, init) => running().fetch(input, init),
  };

  async function signedIn(config: Partial<FhirHttpConfig> = {}, login: SignInOptions = {}) {
    const fetched: string[] = [];
    const fetchImpl = (input: string, init?: RequestInit) => {
      fetched.push(input);
      return sb.fetch(input, init);
    };
    const tokens = await signIn(BASE, sb.control, { username: 'BBUser10051', fetch: fetchImpl, ...login });
    const source = sandboxTokenSource(BASE, tokens, fetchImpl);
    const waits: number[] = [];
    const http = createFhirHttp({
      config: testClientConfig(BASE, config),
      tokens: source,
      fetch: fetchImpl,
      sleep: async (ms) => void waits.push(ms),
    });
    await sb.control.clearRequests();
    fetched.length = 0;
    return { http, waits, source, tokens, fetched };
  }

  return { sb, signedIn };
}
