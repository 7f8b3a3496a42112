/**
 * A typed client of the sandbox's control API (`/__sandbox/…`). It only needs `fetch`, so tests in
 * any process (vitest, Playwright, scripts) can drive a sandbox by URL; in-process it can be given
 * `sandbox.fetch`.
 */
import type {
  ApproveOptions,
  ApproveResult,
  EndpointName,
  FaultStep,
  GrantInfo,
  GrantSelector,
  LoggedRequest,
  SandboxSettings,
  ScriptTarget,
} from './types';

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** An error answer of the control API. */
export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`sandbox control API answered ${status}: ${body}`);
    this.name = 'SandboxControlError';
  }
}

/** Drives one sandbox through its control API. */
export class SandboxControlClient {
  constructor(
    readonly baseUrl: string,
    private readonly fetchImpl: FetchLike = (input, init) => fetch(input, init),
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.fetchImpl(`${this.baseUrl.replace(/\/+$/, '')}/__sandbox${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await response.text();
    if (!response.ok) throw new SandboxControlError(response.status, text);
    return JSON.parse(text) as T;
  }

  /** Everything back to the start-up state (tokens, grants, scripts, counters, log, clock, settings, apps). */
  async reset(): Promise<void> {
    await this.call('POST', '/reset');
  }

  /** Replaces the script of an endpoint (or `fhir`: any FHIR endpoint without its own script). */
  async script(target: ScriptTarget, steps: FaultStep | FaultStep[]): Promise<void> {
    await this.call('PUT', `/faults/${target}`, steps);
  }

  /** Appends steps to the script of an endpoint. */
  async appendScript(target: ScriptTarget, steps: FaultStep[]): Promise<void> {
    await this.call('PUT', `/faults/${target}`, { steps, append: true });
  }

  /** Removes the script of one endpoint, or every script. */
  async clearScripts(target?: ScriptTarget): Promise<void> {
    await this.call('DELETE', target ? `/faults/${target}` : '/faults');
  }

  /** The remaining scripted steps per target. */
  scripts(): Promise<Record<string, FaultStep[]>> {
    return this.call('GET', '/faults');
  }

  /** Changes runtime settings (token lifetime, latency, throttle). */
  settings(patch: Partial<SandboxSettings> = {}): Promise<SandboxSettings> {
    return this.call('POST', '/settings', patch);
  }

  /** Latency for every request, or for one endpoint. */
  async setLatency(ms: number, endpoint?: EndpointName): Promise<void> {
    await this.settings(endpoint ? { endpointLatencyMs: { [endpoint]: ms } } : { latencyMs: ms });
  }

  /** `expires_in` of new access tokens. */
  async setAccessTokenLifetime(seconds: number): Promise<void> {
    await this.settings({ accessTokenLifetime: seconds });
  }

  /** Moves the sandbox clock forward (expires tokens, codes and grants). */
  advanceClock(seconds: number): Promise<{ now: string; offsetSeconds: number }> {
    return this.call('POST', '/clock', { advanceSeconds: seconds });
  }

  /** Sets the clock shift from wall time. */
  setClockOffset(seconds: number): Promise<{ now: string; offsetSeconds: number }> {
    return this.call('POST', '/clock', { offsetSeconds: seconds });
  }

  /** Makes matching 13-month grants time out (refresh 401, FHIR 401). Returns how many matched. */
  async expireGrant(selector: GrantSelector = {}): Promise<number> {
    return (await this.call<{ count: number }>('POST', '/grants/expire', selector)).count;
  }

  /** Deletes matching grants, as if the beneficiary revoked access (refresh 403, tokens dead). */
  async revokeGrant(selector: GrantSelector = {}): Promise<number> {
    return (await this.call<{ count: number }>('POST', '/grants/revoke', selector)).count;
  }

  grants(): Promise<GrantInfo[]> {
    return this.call('GET', '/grants');
  }

  /** Switches an app's data access type, active flag, demographics requirement or redirect URIs. */
  updateApp(
    clientId: string,
    patch: Partial<{
      name: string;
      dataAccessType: 'THIRTEEN_MONTH' | 'ONE_TIME' | 'RESEARCH_STUDY';
      active: boolean;
      requireDemographicScopes: boolean;
      redirectUris: string[];
    }>,
  ): Promise<unknown> {
    return this.call('PATCH', `/apps/${encodeURIComponent(clientId)}`, patch);
  }

  /** Calls per endpoint since the last reset. */
  counts(): Promise<Partial<Record<EndpointName, number>>> {
    return this.call('GET', '/calls');
  }

  /** Calls of one endpoint since the last reset. */
  async count(endpoint: EndpointName): Promise<number> {
    return (await this.counts())[endpoint] ?? 0;
  }

  /** Received requests (headers and form fields included), optionally of one endpoint. */
  requests(endpoint?: EndpointName): Promise<LoggedRequest[]> {
    return this.call('GET', endpoint ? `/requests?endpoint=${endpoint}` : '/requests');
  }

  /** Clears the counters and the request log. */
  async clearRequests(): Promise<void> {
    await this.call('DELETE', '/requests');
  }

  /** Signs in and answers the consent page without a browser; returns the callback redirect. */
  approve(authorizeUrl: string, options: ApproveOptions = {}): Promise<ApproveResult> {
    return this.call('POST', '/approve', { authorizeUrl, ...options });
  }

  /** Mode, public URL, settings and apps (without secrets). */
  info(): Promise<Record<string, unknown>> {
    return this.call('GET', '');
  }
}
