/**
 * The sandbox's configuration from the environment: the only module that reads `process.env`.
 * Every variable is optional; invalid values stop start-up with a message naming the variable.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { appInputSchema } from './apps';
import type { ListenOptions, SandboxOptions } from './server';

/** A configuration problem, worded for the person starting the sandbox. */
export class SandboxConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxConfigError';
  }
}

const blankAsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUnset, schema.optional());

const envSchema = z.object({
  SANDBOX_PORT: opt(z.coerce.number().int().min(0).max(65535)),
  SANDBOX_HOST: opt(z.string()),
  SANDBOX_PUBLIC_URL: opt(z.url({ protocol: /^https?$/ })),
  SANDBOX_MODE: opt(z.enum(['development', 'test', 'production'])),
  SANDBOX_LATENCY_MS: opt(z.coerce.number().min(0).max(600_000)),
  SANDBOX_TOKEN_LIFETIME: opt(z.coerce.number().int().min(1).max(31_536_000)),
  SANDBOX_DATA_ANCHOR: opt(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2025-06-02')),
  SANDBOX_APPS_FILE: opt(z.string()),
  SANDBOX_REDIRECT_URIS: opt(z.string()),
  SANDBOX_CANARY: opt(z.enum(['0', '1', 'true', 'false'])),
});

const appsFileSchema = z.union([
  z.array(appInputSchema),
  z.object({ apps: z.array(appInputSchema) }).transform((f) => f.apps),
]);

function describe(error: z.ZodError, prefix = ''): string {
  return error.issues.map((i) => `${prefix}${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

function readApps(path: string): SandboxOptions['apps'] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new SandboxConfigError(
      `SANDBOX_APPS_FILE ${path}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const parsed = appsFileSchema.safeParse(data);
  if (!parsed.success) throw new SandboxConfigError(`SANDBOX_APPS_FILE ${path}: ${describe(parsed.error)}`);
  return parsed.data;
}

function redirectUris(list: string | undefined): string[] {
  const uris = (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const uri of uris) {
    if (!z.url().safeParse(uri).success)
      throw new SandboxConfigError(`SANDBOX_REDIRECT_URIS: "${uri}" is not an absolute URL`);
  }
  return uris;
}

/** Where to listen and how to build the sandbox. */
export interface SandboxConfig {
  listen: Required<Pick<ListenOptions, 'port'>> & Pick<ListenOptions, 'host'>;
  options: SandboxOptions;
}

/** Reads and validates the configuration (default: `process.env`). */
export function loadSandboxConfig(env: Record<string, string | undefined> = process.env): SandboxConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success)
    throw new SandboxConfigError(`Invalid sandbox configuration: ${describe(parsed.error)}`);
  const e = parsed.data;
  const apps = e.SANDBOX_APPS_FILE ? readApps(e.SANDBOX_APPS_FILE) : undefined;
  const options: SandboxOptions = {
    mode: e.SANDBOX_MODE ?? 'development',
    ...(e.SANDBOX_PUBLIC_URL ? { publicUrl: e.SANDBOX_PUBLIC_URL } : {}),
    ...(e.SANDBOX_DATA_ANCHOR ? { dataAnchor: e.SANDBOX_DATA_ANCHOR } : {}),
    ...(e.SANDBOX_LATENCY_MS !== undefined ? { latencyMs: e.SANDBOX_LATENCY_MS } : {}),
    ...(e.SANDBOX_TOKEN_LIFETIME !== undefined ? { accessTokenLifetime: e.SANDBOX_TOKEN_LIFETIME } : {}),
    ...(apps ? { apps } : {}),
    extraRedirectUris: redirectUris(e.SANDBOX_REDIRECT_URIS),
    canary: e.SANDBOX_CANARY === '1' || e.SANDBOX_CANARY === 'true',
  };
  return {
    listen: { port: e.SANDBOX_PORT ?? 8000, ...(e.SANDBOX_HOST ? { host: e.SANDBOX_HOST } : {}) },
    options,
  };
}
