/**
 * The control interface under `/__sandbox/` (development and test modes only, loopback callers only;
 * 404 otherwise): reset, scripted faults, latency and token lifetime, a clock shift, grant expiry and
 * revocation, app switches, call counters, the request log and non-interactive approval.
 */
import type { z } from 'zod';
import type { SandboxCore } from '../core';
import { userNumberFromPatientId, userNumberFromUsername, patientIdFor, usernameFor } from '../data/users';
import {
  ENDPOINTS,
  type ApproveOptions,
  type ApproveResult,
  type EndpointName,
  type GrantInfo,
  type GrantSelector,
} from './types';
import {
  appPatchSchema,
  approveSchema,
  clockSchema,
  grantSelectorSchema,
  scriptBodySchema,
  scriptTargetSchema,
  settingsSchema,
} from './schemas';

/** The path prefix of the control interface. */
export const CONTROL_PREFIX = '/__sandbox';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });

const notFound = () => json({ error: 'not_found' }, 404);

async function parseBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.output<T> | Response> {
  let data: unknown;
  try {
    const text = await request.text();
    data = text.trim() ? JSON.parse(text) : {};
  } catch {
    return json({ error: 'invalid_json' }, 400);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    return json(
      { error: 'invalid_body', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
      400,
    );
  return parsed.data;
}

function selectUser(selector: GrantSelector): number | undefined {
  if (typeof selector.user === 'number') return selector.user;
  if (selector.user) return userNumberFromUsername(selector.user) ?? userNumberFromPatientId(selector.user);
  if (selector.patient)
    return userNumberFromPatientId(selector.patient) ?? userNumberFromUsername(selector.patient);
  return undefined;
}

function grantInfos(core: SandboxCore): GrantInfo[] {
  return [...core.store.grants.values()].map((g) => ({
    clientId: g.clientId,
    patient: patientIdFor(g.userNumber),
    username: usernameFor(g.userNumber),
    expiresAt: g.expiresAt === null ? null : new Date(g.expiresAt).toISOString(),
  }));
}

function matchingGrants(core: SandboxCore, selector: GrantSelector) {
  const user = selectUser(selector);
  return [...core.store.grants.values()].filter(
    (g) =>
      (user === undefined || g.userNumber === user) &&
      (!selector.clientId || g.clientId === selector.clientId),
  );
}

/** Hooks the control API needs from the sandbox. */
export interface ControlHooks {
  approve(authorizeUrl: string, options: ApproveOptions): Promise<ApproveResult>;
}

/** Handles a request under `/__sandbox`; `path` is the part after the prefix. */
export async function handleControl(
  core: SandboxCore,
  request: Request,
  path: string,
  hooks: ControlHooks,
): Promise<Response> {
  const method = request.method;
  const [, section = '', arg] = path.split('/');
  const key = `${method} ${section}${arg !== undefined ? '/:' : ''}`;
  switch (key) {
    case 'GET ':
      return json(info(core));
    case 'POST reset':
      core.reset();
      return json({ ok: true });
    case 'GET faults':
      return json(core.scripts.snapshot());
    case 'PUT faults/:':
    case 'POST faults/:': {
      const target = scriptTargetSchema.safeParse(arg);
      if (!target.success) return json({ error: 'unknown_endpoint', endpoints: [...ENDPOINTS, 'fhir'] }, 400);
      const body = await parseBody(request, scriptBodySchema);
      if (body instanceof Response) return body;
      if (body.append) core.scripts.append(target.data, body.steps);
      else core.scripts.set(target.data, body.steps);
      return json({ ok: true, script: core.scripts.snapshot()[target.data] ?? [] });
    }
    case 'DELETE faults':
      core.scripts.clear();
      return json({ ok: true });
    case 'DELETE faults/:': {
      const target = scriptTargetSchema.safeParse(arg);
      if (!target.success) return json({ error: 'unknown_endpoint' }, 400);
      core.scripts.clear(target.data);
      return json({ ok: true });
    }
    case 'GET settings':
      return json(core.settings);
    case 'POST settings':
    case 'PATCH settings': {
      const body = await parseBody(request, settingsSchema);
      if (body instanceof Response) return body;
      const { endpointLatencyMs, ...rest } = body;
      core.settings = {
        ...core.settings,
        ...rest,
        endpointLatencyMs: { ...core.settings.endpointLatencyMs, ...endpointLatencyMs },
      };
      return json(core.settings);
    }
    case 'POST clock': {
      const body = await parseBody(request, clockSchema);
      if (body instanceof Response) return body;
      if (body.offsetSeconds !== undefined) core.clock.setOffset(body.offsetSeconds * 1000);
      if (body.advanceSeconds !== undefined) core.clock.advance(body.advanceSeconds * 1000);
      return json({ now: new Date(core.now()).toISOString(), offsetSeconds: core.clock.offset() / 1000 });
    }
    case 'GET grants':
      return json(grantInfos(core));
    case 'POST grants/:': {
      const body = await parseBody(request, grantSelectorSchema);
      if (body instanceof Response) return body;
      const grants = matchingGrants(core, body);
      if (arg === 'expire') for (const g of grants) g.expiresAt = core.now() - 1000;
      else if (arg === 'revoke')
        for (const g of grants) core.store.deleteGrant(g.clientId, g.userNumber, core.now());
      else return notFound();
      return json({ ok: true, count: grants.length });
    }
    case 'GET apps':
      return json(core.apps.list().map(({ clientSecret: _secret, ...app }) => app));
    case 'PATCH apps/:':
    case 'POST apps/:': {
      const body = await parseBody(request, appPatchSchema);
      if (body instanceof Response) return body;
      const app = core.apps.update(decodeURIComponent(arg ?? ''), body);
      if (!app) return json({ error: 'unknown_app' }, 404);
      const { clientSecret: _secret, ...shown } = app;
      return json(shown);
    }
    case 'GET calls':
      return json(core.log.counters());
    case 'GET requests': {
      const endpoint = new URL(request.url).searchParams.get('endpoint');
      return json(core.log.list(endpoint ? (endpoint as EndpointName) : undefined));
    }
    case 'DELETE requests':
    case 'DELETE calls':
      core.log.clear();
      return json({ ok: true });
    case 'POST approve': {
      const body = await parseBody(request, approveSchema);
      if (body instanceof Response) return body;
      const { authorizeUrl, ...options } = body;
      return json(await hooks.approve(authorizeUrl, options));
    }
    default:
      return notFound();
  }
}

function info(core: SandboxCore) {
  return {
    mode: core.config.mode,
    publicUrl: core.config.publicUrl,
    canary: core.config.canary,
    settings: core.settings,
    clockOffsetSeconds: core.clock.offset() / 1000,
    apps: core.apps.list().map(({ clientSecret: _secret, ...app }) => app),
    endpoints: ENDPOINTS,
  };
}
