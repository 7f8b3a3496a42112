/**
 * Response builders for the shapes the real server produces: Django `JsonResponse` and oauthlib
 * bodies (Python `json.dumps`), DRF bodies (compact), Django HTML/text pages and redirects
 * (docs/blue-button.md §2–§4, §10).
 */
import { drfJson, pyJson, type JsonValue } from './py-json';

export const HTML_TYPE = 'text/html; charset=utf-8';
export const TEXT_TYPE = 'text/plain; charset=utf-8';
export const JSON_TYPE = 'application/json';
export const FHIR_JSON_TYPE = 'application/fhir+json';

/** Headers oauthlib puts on every token/revocation response (RFC 6749 §5.1, docs/blue-button.md §10). */
export const NO_STORE_HEADERS = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

type HeaderInit = Record<string, string>;

function make(
  body: string | Uint8Array | null,
  status: number,
  contentType: string | null,
  headers: HeaderInit = {},
) {
  const h = new Headers(headers);
  if (contentType && !h.has('content-type')) h.set('content-type', contentType);
  const nullBody = status === 204 || status === 205 || status === 304;
  // Bytes, not a string: `Response` scans a string body for lone surrogates, slow for megabyte pages.
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return new Response(nullBody ? null : (bytes as Uint8Array<ArrayBuffer> | null), { status, headers: h });
}

/** A Django `JsonResponse` (Python `json.dumps` formatting, `application/json`). */
export function djangoJson(body: JsonValue, status = 200, headers: HeaderInit = {}): Response {
  return make(pyJson(body), status, JSON_TYPE, headers);
}

/** A DRF response rendered by `JSONRenderer` or the FHIR renderer (compact JSON). */
export function drfResponse(body: JsonValue, status: number, contentType: string, headers: HeaderInit = {}) {
  return make(drfJson(body), status, contentType, headers);
}

/** A body that is already serialized JSON (text, or its UTF-8 bytes). */
export function rawJson(
  json: string | Uint8Array,
  status: number,
  contentType: string,
  headers: HeaderInit = {},
) {
  return make(json, status, contentType, headers);
}

/** An HTML page (`text/html; charset=utf-8`, Django's default content type). */
export function htmlResponse(html: string, status = 200, headers: HeaderInit = {}): Response {
  return make(html, status, HTML_TYPE, headers);
}

/** A plain-text body. */
export function textResponse(
  text: string,
  status: number,
  contentType = TEXT_TYPE,
  headers: HeaderInit = {},
) {
  return make(text, status, contentType, headers);
}

/** An empty-bodied Django `HttpResponse` (default content type `text/html; charset=utf-8`). */
export function emptyResponse(status: number, headers: HeaderInit = {}): Response {
  return make('', status, HTML_TYPE, headers);
}

/** A redirect as Django writes it: empty body, `Location` as given (relative paths allowed). */
export function redirectResponse(location: string, status: 301 | 302 = 302): Response {
  return make('', status, HTML_TYPE, { Location: location });
}

/** Django's production 404 page for a path no URL pattern matches. */
export function djangoNotFound(): Response {
  const page =
    '<!doctype html>\n<html lang="en">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n' +
    '  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n';
  return htmlResponse(page, 404);
}

/** Django's plain 400 page (`SuspiciousOperation`, unreadable request data). */
export function djangoBadRequest(): Response {
  const page =
    '<!doctype html>\n<html lang="en">\n<head>\n  <title>Bad Request (400)</title>\n</head>\n<body>\n' +
    '  <h1>Bad Request (400)</h1><p></p>\n</body>\n</html>\n';
  return htmlResponse(page, 400);
}

/** Django's plain 500 page, for inputs on which the real server raises. */
export function djangoServerError(): Response {
  return htmlResponse('<h1>Server Error (500)</h1>', 500);
}

/** Django's `View.http_method_not_allowed`: 405, empty body, `Allow` header. */
export function methodNotAllowed(allowed: readonly string[]): Response {
  return emptyResponse(405, { Allow: allowed.join(', ') });
}
