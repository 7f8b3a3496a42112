import 'server-only';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { APP_ERRORS, AppError, type AppErrorCode } from '@/lib/errors';
import { log } from '@/lib/log';
import type { ReconnectReason } from '@/lib/reconnect-reasons';
import { newRequestId, requestIdFrom } from '@/lib/request-id';

/** Every response derived from a beneficiary: never stored by a browser or a shared cache. */
export const NO_STORE = { 'Cache-Control': 'private, no-store' } as const;

/** A JSON answer with the no-store header. */
export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

/** The JSON body of every error answer: a code of the table, a message safe to show, and why to reconnect. */
export interface ErrorEnvelope {
  error: { code: AppErrorCode; message: string; reason?: ReconnectReason };
}

/**
 * The envelope of `error`: `{ "error": { "code", "message" } }`, plus `reason` when the beneficiary must
 * reconnect (a reason on any other code is the server's to know).
 */
export function errorEnvelope(error: AppError): ErrorEnvelope {
  const { code, message, reason } = error;
  return { error: { code, message, ...(code === 'reconnect_required' && reason ? { reason } : {}) } };
}

/** The error answer for `error`, with its code's status. */
export function errorResponse(error: AppError): Response {
  return json(errorEnvelope(error), error.status);
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
  throw new AppError('bad_request', { message: `Invalid parameter ${name}: ${issue?.message ?? 'invalid'}` });
}

type Handler<C> = (request: NextRequest, context: C) => Promise<Response>;

/**
 * A route handler with the house rules: an {@link AppError} becomes the envelope; anything unexpected, and every
 * 500 (a bug or a bad setting is never explained), a generic 500 whose reference is the request's correlation
 * id, logged with the error's class and code only (no message, no PHI); and no-store on everything.
 */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      const response = await handler(request, context);
      response.headers.set('Cache-Control', NO_STORE['Cache-Control']);
      return response;
    } catch (error) {
      if (error instanceof AppError && error.status !== 500) return errorResponse(error);
      const id = requestIdFrom(request.headers) ?? newRequestId();
      log.error('api.failed', { requestId: id, route: request.nextUrl.pathname, error });
      return errorResponse(
        new AppError('internal', { message: `${APP_ERRORS.internal.message} Reference: ${id}` }),
      );
    }
  };
}
