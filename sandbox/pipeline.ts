/**
 * One request through the sandbox: route, read and parse the body, log and count it, add latency,
 * apply the endpoint's scripted step (or run the real handler), then the headers the real server puts
 * on every response (Django security middleware, `X-RateLimit-*` "None" where not throttled).
 */
import type { EndpointName } from './control/types';
import type { SandboxCore } from './core';
import { applyStep, describeStep, sleep } from './faults/apply';
import { RATE_LIMIT_NONE } from './fhir/throttle';
import { connectionFaultOf } from './http/connection-fault';
import type { RequestContext } from './http/context';
import { bodyPreview, parseForm } from './http/form';
import { Params } from './http/params';
import { djangoBadRequest, djangoNotFound, djangoServerError, redirectResponse } from './http/responses';
import { decodePath, matchRoute } from './http/router';
import { ROUTES } from './routes';

/** Django's `DATA_UPLOAD_MAX_MEMORY_SIZE` (2.5 MB): larger bodies are refused. */
export const MAX_BODY_BYTES = 2_621_440;

/** How a request reached the sandbox. */
export interface RequestMeta {
  remoteAddress?: string;
  /** Requests the sandbox makes to itself (control `approve`): not logged, delayed or scripted. */
  internal?: boolean;
  /** Aborted when the sandbox closes, to end scripted delays. */
  signal?: AbortSignal;
}

const SECURITY_HEADERS: Record<string, string> = {
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

async function readBody(request: Request): Promise<Uint8Array | undefined> {
  if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return new Uint8Array();
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return undefined;
  const body = new Uint8Array(await request.arrayBuffer());
  return body.length > MAX_BODY_BYTES ? undefined : body;
}

function finish(response: Response, method: string): Response {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  for (const [name, value] of Object.entries(RATE_LIMIT_NONE)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  if (method !== 'HEAD' || connectionFaultOf(response)) return response;
  return new Response(null, { status: response.status, headers: response.headers });
}

/** Handles one request to the real-API routes. */
export async function handleApiRequest(
  core: SandboxCore,
  request: Request,
  meta: RequestMeta,
): Promise<Response> {
  const url = new URL(request.url);
  const path = decodePath(url.pathname);
  const match = matchRoute(ROUTES, path);
  const endpoint: EndpointName =
    match.kind === 'none' ? 'other' : match.kind === 'route' ? match.route.endpoint : match.endpoint;
  const body = await readBody(request);
  const form = await parseForm(request.headers.get('content-type'), body ?? new Uint8Array());
  const entry = meta.internal
    ? undefined
    : core.log.record({
        at: new Date(core.now()).toISOString(),
        endpoint,
        method: request.method,
        path: `${url.pathname}${url.search}`,
        headers: Object.fromEntries(request.headers),
        ...(form.isForm ? { form: form.fields.toRecord() } : {}),
        ...(!form.isForm && body ? { bodyText: bodyPreview(body) } : {}),
      });
  // Latency is time on the wire: the answer is prepared meanwhile (a real API answers from many workers at
  // once) and leaves no earlier than the latency after the request arrived.
  const latency = meta.internal
    ? undefined
    : sleep(core.settings.latencyMs + (core.settings.endpointLatencyMs[endpoint] ?? 0), meta.signal);

  const run = async (): Promise<Response> => {
    if (body === undefined) return djangoBadRequest();
    if (match.kind === 'none') return djangoNotFound();
    if (match.kind === 'append-slash') return redirectResponse(`${url.pathname}/${url.search}`, 301);
    const ctx: RequestContext = {
      core,
      request,
      url,
      method: request.method.toUpperCase(),
      path,
      query: Params.fromSearch(url.searchParams),
      form,
      version: match.version,
      captures: match.captures,
      origin: `${url.protocol}//${url.host}`,
      remoteAddress: meta.remoteAddress,
    };
    try {
      return await match.route.handler(ctx);
    } catch (err) {
      // Name and location only: messages could echo request data.
      const where = err instanceof Error ? (err.stack?.split('\n')[1]?.trim() ?? '') : '';
      console.error(
        `[sandbox] internal error on ${endpoint}: ${err instanceof Error ? err.name : typeof err} ${where}`,
      );
      return djangoServerError();
    }
  };

  const step = meta.internal ? undefined : core.scripts.next(endpoint);
  const response = step ? await applyStep(step, run, meta.signal) : await run();
  await latency;
  if (entry) {
    entry.status = connectionFaultOf(response)?.kind === 'drop' ? 0 : response.status;
    if (step) entry.fault = describeStep(step);
  }
  return finish(response, request.method);
}
