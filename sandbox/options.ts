/**
 * The options of `createSandbox` and how they become the core's configuration.
 */
import { DEFAULT_APP, parseApps, type RegisteredApp, type RegisteredAppInput } from './apps';
import type { SandboxSettings } from './control/types';
import type { CoreConfig, SandboxMode } from './core';
import type { SandboxData } from './data-source';

/** Options of a sandbox. Everything is optional. */
export interface SandboxOptions {
  /** Extra registered apps (an app with the default app's client id replaces it). */
  apps?: RegisteredAppInput[];
  /** Register the default app (default true). */
  includeDefaultApp?: boolean;
  /** More exact redirect URIs for the default app (`SANDBOX_REDIRECT_URIS`). */
  extraRedirectUris?: string[];
  /** `development` (default) and `test` serve the control API; `production` does not. */
  mode?: SandboxMode;
  /** Base URL for discovery documents; default `http://localhost:<port>` (8000 before `listen`). */
  publicUrl?: string;
  /** The date the synthetic data is anchored to (`YYYY-MM-DD`), passed to the data module. */
  dataAnchor?: string;
  /** Latency added to every request, ms (default 0). */
  latencyMs?: number;
  /** `expires_in` of access tokens, seconds (default 3600). */
  accessTokenLifetime?: number;
  /** Token throttle per second (default 100000, the real `TOKEN_THROTTLE_RATE`). */
  rateLimitPerSecond?: number;
  /** Prefix tokens and codes with `CANARY_AT_`, `CANARY_RT_`, `CANARY_CODE_`. */
  canary?: boolean;
  /** The synthetic data source (default: `sandbox/data`). */
  data?: SandboxData;
  /** The base clock (default `Date.now`). */
  now?: () => number;
}

/** Where the sandbox is reached by default, and what CMS's SDKs call `LOCAL`. */
export const DEFAULT_PUBLIC_URL = 'http://localhost:8000';

/** Resolves the registered apps: the default app (with extra redirect URIs) plus the given ones. */
export function resolveApps(options: SandboxOptions): RegisteredApp[] {
  const extra = parseApps(options.apps ?? []);
  const base: RegisteredApp[] = [];
  if (options.includeDefaultApp !== false) {
    const redirectUris = [...new Set([...DEFAULT_APP.redirectUris, ...(options.extraRedirectUris ?? [])])];
    base.push({ ...DEFAULT_APP, redirectUris });
  }
  const byId = new Map(base.map((a) => [a.clientId, a]));
  for (const app of extra) byId.set(app.clientId, app);
  return [...byId.values()];
}

/** The initial runtime settings. */
export function initialSettings(options: SandboxOptions): SandboxSettings {
  return {
    accessTokenLifetime: options.accessTokenLifetime ?? 3600,
    latencyMs: options.latencyMs ?? 0,
    endpointLatencyMs: {},
    rateLimitPerSecond: options.rateLimitPerSecond ?? 100_000,
  };
}

/** The core configuration for `options`. */
export function coreConfig(options: SandboxOptions): CoreConfig {
  const data = options.data;
  return {
    mode: options.mode ?? 'development',
    apps: resolveApps(options),
    publicUrl: (options.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, ''),
    ...(options.dataAnchor ? { dataAnchor: options.dataAnchor } : {}),
    canary: options.canary ?? false,
    settings: initialSettings(options),
    loadData: data ? async () => data : async () => (await import('./default-data')).defaultData,
  };
}
