import { headers } from 'next/headers';

/**
 * The correlation id of a request: `proxy.ts` makes one for every request (any id the client sent is
 * replaced), passes it on this request header to pages and route handlers and echoes it on the response. Log
 * lines carry it, and it is the reference a beneficiary sees on an error.
 */
export const REQUEST_ID_HEADER = 'x-request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A new correlation id (a random UUID). */
export function newRequestId(): string {
  return crypto.randomUUID();
}

/** Whether `value` is a correlation id as {@link newRequestId} makes them. */
export function isRequestId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The correlation id on a request's headers, if it carries a well-formed one. */
export function requestIdFrom(source: { get(name: string): string | null }): string | undefined {
  const value = source.get(REQUEST_ID_HEADER);
  return isRequestId(value) ? value : undefined;
}

/** The correlation id of the request being served (pages, route handlers); none outside a request. */
export async function currentRequestId(): Promise<string | undefined> {
  try {
    return requestIdFrom(await headers());
  } catch {
    return undefined;
  }
}
