import 'server-only';
import { randomUUID } from 'node:crypto';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { DataError, toDataError } from '@/lib/data/errors';

/** Every response derived from a beneficiary: never stored by a browser or a shared cache. */
export const NO_STORE = { 'Cache-Control': 'private, no-store' } as const;

/** A JSON answer with the no-store header. */
export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

/** The error envelope `{ "error": { "code", "message" } }` (plus `reason` when the beneficiary must reconnect). */
export function errorResponse(error: DataError): Response {
  const body = {
    error: { code: error.code, message: error.message, ...(error.reason ? { reason: error.reason } : {}) },
  };
  return json(body, error.status);
}

/**
 * The query string parsed with a zod schema; repeated keys become arrays only where the schema has one. A bad
 * parameter is a 400 naming it.
 */
export function parseQuery<S extends z.ZodType>(
  request: NextRequest,
  schema: S,
  arrays: string[] = [],
): z.infer<S> {
  const params = request.nextUrl.searchParams;
  const raw: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    raw[key] = arrays.includes(key) ? params.getAll(key) : params.get(key);
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = issue?.path.join('.') || 'query';
  throw new DataError('bad_request', `Invalid parameter ${name}: ${issue?.message ?? 'invalid'}`);
}

type Handler<C> = (request: NextRequest, context: C) => Promise<Response>;

/**
 * A route handler with the house rules: typed errors become the envelope, anything unexpected a generic 500
 * with a correlation id (logged with the error's class only: no message, no PHI), and no-store on everything.
 */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      const response = await handler(request, context);
      response.headers.set('Cache-Control', NO_STORE['Cache-Control']);
      return response;
    } catch (error) {
      const known = toDataError(error);
      if (known) return errorResponse(known);
      const id = randomUUID();
      console.error(
        `[api] ${request.nextUrl.pathname} failed: ${(error as Error)?.name ?? 'Error'} (ref ${id})`,
      );
      return json({ error: { code: 'internal', message: `Something went wrong. Reference: ${id}` } }, 500);
    }
  };
}
