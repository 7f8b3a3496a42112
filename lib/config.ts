import 'server-only';
import { z } from 'zod';
import { bool, readConfigFile, type FileConfig } from './config-file';
import { AppError } from './errors';
import { decodeStoreKey } from './store/store-keys';

/**
 * The app's one validated configuration: environment variables, optionally completed by
 * `.bluebutton-config.json` or `.bluebutton-config.yaml` with the keys of CMS's SDKs
 * (https://github.com/CMSgov/cms-bb2-node-sdk, https://github.com/CMSgov/cms-bb2-python-sdk).
 * Environment variables win over the file. No other module reads `process.env`.
 */

export const BLUE_BUTTON_HOSTS = {
  SANDBOX: 'https://sandbox.bluebutton.cms.gov',
  PRODUCTION: 'https://api.bluebutton.cms.gov',
  LOCAL: 'http://localhost:8000',
} as const;

/** The local sandbox's default registered app (sandbox/README.md); usable only with LOCAL. */
export const LOCAL_APP = {
  clientId: 'dashboardLocalSandboxClient0000000000000',
  clientSecret: 'localSandboxSecretNotForProductionUse000',
  callbackUrl: 'http://localhost:3000/api/auth/callback/bluebutton',
} as const;

/** The path of the sign-in callback: next-auth's route for the `bluebutton` provider. */
export const CALLBACK_PATH = '/api/auth/callback/bluebutton';

function localCallbackUrl(appUrl: string | undefined): string {
  return appUrl && URL.canParse(appUrl) ? `${new URL(appUrl).origin}${CALLBACK_PATH}` : LOCAL_APP.callbackUrl;
}

const DEV_AUTH_SECRET = 'local-development-secret-not-for-production-use';

/**
 * What the refresh lock must outlast besides the token request itself: reading the token record before the
 * POST and writing it after, each bounded by the store's 2-second command timeout, plus a second of margin.
 * `REFRESH_LOCK_TTL_MS` must be longer than `BB_TOKEN_TIMEOUT_MS` plus this (docs/sessions.md).
 */
export const REFRESH_LOCK_GRACE_MS = 5_000;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether `url` is served from this machine only (the local sandbox's http setup). */
export function isLoopbackUrl(url: string): boolean {
  return URL.canParse(url) && LOOPBACK_HOSTS.has(new URL(url).hostname);
}

/** A `config_invalid` error whose message names the key and the rule (for operators; never shown in a page). */
const invalid = (problem: string) =>
  new AppError('config_invalid', { message: `Invalid configuration: ${problem}` });

const intFrom = (min: number) => z.coerce.number().int().min(min);

const STORE_KEY_RULE = 'must be 32 random bytes in base64 (openssl rand -base64 32)';
const storeKeyText = z.string().refine((text) => decodeStoreKey(text) !== null, STORE_KEY_RULE);

const configSchema = z
  .object({
    environment: z.enum(['LOCAL', 'SANDBOX', 'PRODUCTION'], {
      message: 'must be LOCAL, SANDBOX or PRODUCTION',
    }),
    version: z.union([z.literal(1), z.literal(2)], { message: 'must be 1 or 2' }),
    clientId: z.string({ message: 'is required' }).min(1, 'is required'),
    clientSecret: z.string({ message: 'is required' }).min(1, 'is required'),
    callbackUrl: z.url({ message: 'must be an absolute http(s) URL' }),
    tokenRefreshOnExpire: bool,
    retry: z.object({
      total: intFrom(0).max(10, 'must be at most 10'),
      backoffFactor: z.coerce.number().gt(0, 'must be greater than 0').max(10, 'must be at most 10 seconds'),
      statusForcelist: z.array(z.coerce.number().int().min(400).max(599)),
    }),
    baseUrl: z.url({ message: 'must be an absolute http(s) URL' }),
    timeoutMs: intFrom(100),
    tokenTimeoutMs: intFrom(100),
    pageConcurrency: intFrom(1).max(64, 'must be at most 64'),
    maxPages: intFrom(1),
    authSecret: z.string().min(1, 'is required in production').min(32, 'must be at least 32 characters'),
    appUrl: z.url().optional(),
    redisUrl: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
    onVercel: z.boolean(),
    sessionIdleMinutes: intFrom(1),
    sessionMaxHours: intFrom(1),
    dataCacheTtlSeconds: intFrom(0),
    dataRefreshCooldownSeconds: intFrom(0),
    /** Who runs this app, as the privacy policy and terms name them; unset shows a marked placeholder. */
    operatorName: z.string().trim().min(1).max(200).optional(),
    contactEmail: z.email({ message: 'must be an email address' }).optional(),
    contactAddress: z.string().trim().min(1).max(300).optional(),
    refreshLockTtlMs: intFrom(1),
    tokenStoreKey: storeKeyText.optional(),
    tokenStorePreviousKeys: z.array(storeKeyText),
    memoryStoreMaxMb: intFrom(1),
    /** `NODE_ENV=production`: a built app, whatever it talks to. */
    production: z.boolean(),
  })
  .superRefine((c, ctx) => {
    if (c.environment === 'PRODUCTION' && !c.callbackUrl.startsWith('https://')) {
      ctx.addIssue({ code: 'custom', path: ['callbackUrl'], message: 'must use https in PRODUCTION' });
    }
    if (c.refreshLockTtlMs <= c.tokenTimeoutMs + REFRESH_LOCK_GRACE_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['refreshLockTtlMs'],
        message: `must be longer than BB_TOKEN_TIMEOUT_MS plus ${REFRESH_LOCK_GRACE_MS} ms (${c.tokenTimeoutMs + REFRESH_LOCK_GRACE_MS} ms)`,
      });
    }
    if (c.production) productionRules(c, ctx);
    if (URL.canParse(c.callbackUrl) && new URL(c.callbackUrl).pathname !== CALLBACK_PATH) {
      ctx.addIssue({ code: 'custom', path: ['callbackUrl'], message: `must end with ${CALLBACK_PATH}` });
    }
    if (
      c.appUrl &&
      URL.canParse(c.callbackUrl) &&
      new URL(c.callbackUrl).origin !== new URL(c.appUrl).origin
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['callbackUrl'],
        message: 'must be on the origin of NEXTAUTH_URL',
      });
    }
    if (c.onVercel && !c.redisUrl) {
      ctx.addIssue({
        code: 'custom',
        path: ['redisUrl'],
        message: 'is required on Vercel (many instances share tokens)',
      });
    }
  });

type ParsedConfig = z.infer<typeof configSchema>;

/**
 * The refusals of a production build (docs/sessions.md, "Production"). With CMS's sandbox or production API
 * the app must be served over https and use its own registered credentials; only the local sandbox may run a
 * production build over http, and then on this machine only.
 */
function productionRules(c: ParsedConfig, ctx: z.RefinementCtx): void {
  const origin = c.appUrl ?? c.callbackUrl;
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (c.environment !== 'LOCAL') {
    if (!c.callbackUrl.startsWith('https://')) issue('callbackUrl', `must use https with ${c.environment}`);
    if (c.appUrl && !c.appUrl.startsWith('https://')) issue('appUrl', `must use https with ${c.environment}`);
    if (c.clientId === LOCAL_APP.clientId || c.clientSecret === LOCAL_APP.clientSecret) {
      issue('clientId', "is the local sandbox's committed app: register your own app with CMS");
    }
    if (c.authSecret === DEV_AUTH_SECRET) issue('authSecret', 'is the committed development value');
  } else if (!origin.startsWith('https://') && !isLoopbackUrl(origin)) {
    issue('appUrl', 'must use https in production unless it is localhost (BB_ENVIRONMENT=LOCAL)');
  }
}

/** The validated configuration. */
export type AppConfig = ParsedConfig & {
  /** Auth cookies are `Secure` and `__Secure-`/`__Host-` prefixed: whenever the app is served over https. */
  secureCookies: boolean;
};

const KEY_NAMES: Record<string, string> = {
  environment: 'BB_ENVIRONMENT (environment)',
  version: 'BB_VERSION (version)',
  clientId: 'BB_CLIENT_ID (client_id)',
  clientSecret: 'BB_CLIENT_SECRET (client_secret)',
  callbackUrl: 'BB_CALLBACK_URL (callback_url)',
  tokenRefreshOnExpire: 'BB_TOKEN_REFRESH_ON_EXPIRE (token_refresh_on_expire)',
  'retry.total': 'BB_RETRY_TOTAL (retry_settings.total)',
  'retry.backoffFactor': 'BB_RETRY_BACKOFF_FACTOR (retry_settings.backoff_factor)',
  'retry.statusForcelist': 'BB_RETRY_STATUS_FORCELIST (retry_settings.status_forcelist)',
  baseUrl: 'BB_BASE_URL',
  timeoutMs: 'BB_TIMEOUT_MS',
  tokenTimeoutMs: 'BB_TOKEN_TIMEOUT_MS',
  pageConcurrency: 'BB_PAGE_CONCURRENCY',
  maxPages: 'BB_MAX_PAGES',
  authSecret: 'NEXTAUTH_SECRET',
  appUrl: 'NEXTAUTH_URL',
  redisUrl: 'REDIS_URL',
  sessionIdleMinutes: 'SESSION_IDLE_MINUTES',
  sessionMaxHours: 'SESSION_MAX_HOURS',
  dataCacheTtlSeconds: 'DATA_CACHE_TTL_SECONDS',
  dataRefreshCooldownSeconds: 'DATA_REFRESH_COOLDOWN_SECONDS',
  operatorName: 'APP_OPERATOR_NAME',
  contactEmail: 'APP_CONTACT_EMAIL',
  contactAddress: 'APP_CONTACT_ADDRESS',
  refreshLockTtlMs: 'REFRESH_LOCK_TTL_MS',
  tokenStoreKey: 'TOKEN_STORE_KEY',
  tokenStorePreviousKeys: 'TOKEN_STORE_PREVIOUS_KEYS',
  memoryStoreMaxMb: 'MEMORY_STORE_MAX_MB',
};

type Env = Record<string, string | undefined>;

/** The config file's settings (lib/config-file.ts); a file that cannot be used stops start-up like a bad variable. */
function fileSettings(env: Env, cwd: string): FileConfig {
  const file = readConfigFile(env, cwd);
  if (!file.ok) throw invalid(file.problem);
  return file.config;
}

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Builds and validates the configuration from an environment; throws `config_invalid` naming the key and rule. */
export function parseConfig(env: Env, cwd = process.cwd()): AppConfig {
  const file = fileSettings(env, cwd);
  const production = env.NODE_ENV === 'production';
  const named = env.BB_ENVIRONMENT || file.environment;
  if (production && !named) {
    throw invalid(
      `${KEY_NAMES.environment} must be set in production: LOCAL (the local sandbox), SANDBOX or PRODUCTION`,
    );
  }
  const environment = (named ?? 'LOCAL').toUpperCase();
  const local = environment === 'LOCAL';
  const raw = {
    environment,
    version: Number(env.BB_VERSION ?? file.version ?? 2),
    clientId: env.BB_CLIENT_ID ?? file.client_id ?? (local ? LOCAL_APP.clientId : undefined),
    clientSecret: env.BB_CLIENT_SECRET ?? file.client_secret ?? (local ? LOCAL_APP.clientSecret : undefined),
    callbackUrl:
      env.BB_CALLBACK_URL ?? file.callback_url ?? (local ? localCallbackUrl(env.NEXTAUTH_URL) : undefined),
    tokenRefreshOnExpire: env.BB_TOKEN_REFRESH_ON_EXPIRE ?? file.token_refresh_on_expire ?? true,
    retry: {
      total: env.BB_RETRY_TOTAL ?? file.retry_settings?.total ?? 3,
      backoffFactor: env.BB_RETRY_BACKOFF_FACTOR ?? file.retry_settings?.backoff_factor ?? 0.25,
      statusForcelist: list(env.BB_RETRY_STATUS_FORCELIST) ??
        file.retry_settings?.status_forcelist ?? [500, 502, 503, 504],
    },
    baseUrl: local
      ? (env.BB_BASE_URL ?? BLUE_BUTTON_HOSTS.LOCAL)
      : (BLUE_BUTTON_HOSTS[environment as keyof typeof BLUE_BUTTON_HOSTS] ?? ''),
    timeoutMs: env.BB_TIMEOUT_MS ?? 10_000,
    tokenTimeoutMs: env.BB_TOKEN_TIMEOUT_MS ?? 10_000,
    pageConcurrency: env.BB_PAGE_CONCURRENCY ?? 48,
    maxPages: env.BB_MAX_PAGES ?? 400,
    authSecret: env.NEXTAUTH_SECRET ?? env.AUTH_SECRET ?? (production ? '' : DEV_AUTH_SECRET),
    appUrl: env.NEXTAUTH_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    onVercel: Boolean(env.VERCEL),
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES ?? 30,
    sessionMaxHours: env.SESSION_MAX_HOURS ?? 12,
    dataCacheTtlSeconds: env.DATA_CACHE_TTL_SECONDS ?? 600,
    dataRefreshCooldownSeconds: env.DATA_REFRESH_COOLDOWN_SECONDS ?? 30,
    operatorName: env.APP_OPERATOR_NAME || undefined,
    contactEmail: env.APP_CONTACT_EMAIL || undefined,
    contactAddress: env.APP_CONTACT_ADDRESS || undefined,
    refreshLockTtlMs: env.REFRESH_LOCK_TTL_MS ?? 30_000,
    tokenStoreKey: env.TOKEN_STORE_KEY || undefined,
    tokenStorePreviousKeys: list(env.TOKEN_STORE_PREVIOUS_KEYS) ?? [],
    memoryStoreMaxMb: env.MEMORY_STORE_MAX_MB ?? 256,
    production,
  };
  if (!local && env.BB_BASE_URL) {
    throw invalid('BB_BASE_URL may only be set with BB_ENVIRONMENT=LOCAL');
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.');
    const name = KEY_NAMES[key] ?? KEY_NAMES[key.replace(/\.\d+$/, '')] ?? key;
    throw invalid(`${name} ${issue.message}`);
  }
  const origin = parsed.data.appUrl ?? parsed.data.callbackUrl;
  return { ...parsed.data, secureCookies: origin.startsWith('https://') };
}

let cached: AppConfig | undefined;

/** The app's public origin: NEXTAUTH_URL, or the origin of the registered callback URL. */
export function appOrigin(config: AppConfig): string {
  return new URL(config.appUrl ?? config.callbackUrl).origin;
}

/**
 * The configuration of this process, validated once. next-auth reads NEXTAUTH_URL itself; it is set from the
 * callback URL when missing, so that a forwarded Host header never decides where sign-in redirects go.
 */
export function getConfig(): AppConfig {
  if (!cached) {
    cached = parseConfig(process.env);
    process.env.NEXTAUTH_URL ??= appOrigin(cached);
  }
  return cached;
}
