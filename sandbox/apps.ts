/**
 * Registered applications (docs/blue-button.md §2.3, §3): client credentials, exact redirect URIs, the data
 * access type that decides refresh behaviour and `access_grant_expiration`, the active flag and
 * whether the app asks for demographic (personal info) scopes.
 */
import { z } from 'zod';

/** `THIRTEEN_MONTH` (default), `ONE_TIME` (no refresh) or `RESEARCH_STUDY` (no expiry). */
export const DATA_ACCESS_TYPES = ['THIRTEEN_MONTH', 'ONE_TIME', 'RESEARCH_STUDY'] as const;
export type DataAccessType = (typeof DATA_ACCESS_TYPES)[number];

/** Client ids are 40 alphanumeric characters (`CLIENT_ID_PATTERN`, docs/blue-button.md §2.3). */
export const CLIENT_ID_PATTERN = /^[a-zA-Z0-9]{40}$/;

/** A registered app as given in options or `SANDBOX_APPS_FILE`. */
export const appInputSchema = z.object({
  clientId: z.string().regex(CLIENT_ID_PATTERN, 'client ids are 40 letters or digits, like the real API'),
  clientSecret: z.string().min(1),
  name: z.string().min(1),
  redirectUris: z.array(z.url()).min(1),
  dataAccessType: z.enum(DATA_ACCESS_TYPES).default('THIRTEEN_MONTH'),
  active: z.boolean().default(true),
  requireDemographicScopes: z.boolean().default(true),
});

/** The input shape of a registered app (optional fields defaulted). */
export type RegisteredAppInput = z.input<typeof appInputSchema>;
/** A registered app after validation. */
export type RegisteredApp = z.output<typeof appInputSchema>;

/** The app the dashboard's local defaults (and `.env.example`) use. */
export const DEFAULT_APP: RegisteredApp = {
  clientId: 'dashboardLocalSandboxClient0000000000000',
  clientSecret: 'localSandboxSecretNotForProductionUse000',
  name: 'Medicare Claims Dashboard (local)',
  redirectUris: ['http://localhost:3000/api/auth/callback/bluebutton'],
  dataAccessType: 'THIRTEEN_MONTH',
  active: true,
  requireDemographicScopes: true,
};

/** Validates app definitions; throws a `ZodError` naming the bad field. */
export function parseApps(inputs: readonly RegisteredAppInput[]): RegisteredApp[] {
  return z.array(appInputSchema).parse(inputs);
}

/** The live registry: apps can be switched (type, active flag) through the control API. */
export class AppRegistry {
  private apps = new Map<string, RegisteredApp>();

  constructor(private readonly initial: readonly RegisteredApp[]) {
    this.reset();
  }

  /** Restores the apps as configured at start-up. */
  reset(): void {
    this.apps = new Map(this.initial.map((a) => [a.clientId, { ...a, redirectUris: [...a.redirectUris] }]));
  }

  get(clientId: string): RegisteredApp | undefined {
    return this.apps.get(clientId);
  }

  list(): RegisteredApp[] {
    return [...this.apps.values()];
  }

  /** Changes an app's settings; returns the updated app or undefined when unknown. */
  update(clientId: string, patch: Partial<Omit<RegisteredApp, 'clientId'>>): RegisteredApp | undefined {
    const app = this.apps.get(clientId);
    if (!app) return undefined;
    const next = appInputSchema.parse({ ...app, ...patch, clientId });
    this.apps.set(clientId, next);
    return next;
  }
}
