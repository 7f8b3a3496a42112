/**
 * Applies one scripted step to one call (docs/reliability.md #12, #23, #27–#34): replace the response
 * (status, JSON or raw body such as `{`), or run the real handler and then patch its JSON, swap the
 * bundle's `next` link, add headers or `Retry-After`, delay, truncate, or drop the connection.
 */
import type { FaultStep } from '../control/types';
import { droppedConnection, withConnectionFault } from '../http/connection-fault';

/** Waits `ms`, or less if `signal` aborts (the sandbox is closing). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function replaces(step: FaultStep): boolean {
  return step.status !== undefined || step.json !== undefined || step.body !== undefined;
}

function replacement(step: FaultStep): Response {
  const status = step.status ?? 200;
  const text = step.json !== undefined ? JSON.stringify(step.json) : (step.body ?? '');
  const headers = new Headers();
  if (text !== '' || step.contentType) headers.set('content-type', step.contentType ?? 'application/json');
  const nullBody = status === 204 || status === 205 || status === 304;
  return new Response(nullBody ? null : text, { status, headers });
}

async function modifyJson(response: Response, step: FaultStep): Promise<Response> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, { status: response.status, headers: response.headers });
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const record = body as Record<string, unknown>;
    for (const key of step.omit ?? []) delete record[key];
    Object.assign(record, step.patch ?? {});
    if (step.nextLink !== undefined) setNextLink(record, step.nextLink);
  }
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(body), { status: response.status, headers });
}

function setNextLink(bundle: Record<string, unknown>, url: string): void {
  const links = Array.isArray(bundle.link) ? (bundle.link as { relation?: unknown; url?: unknown }[]) : [];
  const next = links.find((l) => l.relation === 'next');
  if (next) next.url = url;
  else links.splice(Math.min(1, links.length), 0, { relation: 'next', url });
  bundle.link = links;
}

/** A short description of what a step does, for the request log. */
export function describeStep(step: FaultStep): string {
  const parts: string[] = [];
  if (step.drop) parts.push(`drop(${step.drop})`);
  if (replaces(step)) parts.push(`respond ${step.status ?? 200}`);
  else parts.push('pass');
  if (step.truncate) parts.push('truncate');
  if (step.delayMs) parts.push(`delay ${step.delayMs}ms`);
  if (step.nextLink !== undefined) parts.push('next-link');
  if (step.patch || step.omit) parts.push('patch');
  if (step.retryAfter !== undefined) parts.push('retry-after');
  return parts.join(', ');
}

/** Produces the response for a call that a step applies to. */
export async function applyStep(
  step: FaultStep,
  run: () => Promise<Response>,
  signal?: AbortSignal,
): Promise<Response> {
  if (step.drop === 'before') {
    await sleep(step.delayMs ?? 0, signal);
    return droppedConnection();
  }
  let response = replaces(step) ? replacement(step) : await run();
  if (!replaces(step) && (step.patch || step.omit || step.nextLink !== undefined)) {
    response = await modifyJson(response, step);
  }
  for (const [name, value] of Object.entries(step.headers ?? {})) response.headers.set(name, value);
  if (step.retryAfter !== undefined) response.headers.set('Retry-After', String(step.retryAfter));
  await sleep(step.delayMs ?? 0, signal);
  if (step.drop === 'after') return withConnectionFault(response, { kind: 'drop' });
  if (step.truncate) {
    return withConnectionFault(response, {
      kind: 'truncate',
      ...(typeof step.truncate === 'number' ? { bytes: step.truncate } : {}),
    });
  }
  return response;
}
