/**
 * Whether a state-changing request (a form POST) was sent by a page of `origin`. Under
 * `Referrer-Policy: no-referrer` (docs/security.md) browsers send `Origin: null` on every POST
 * (https://fetch.spec.whatwg.org/#serializing-a-request-origin); the browser's own `Sec-Fetch-Site` header,
 * which no page can set (https://www.w3.org/TR/fetch-metadata/), then tells a same-origin form from another
 * site's.
 */
export function isSameOriginRequest(headers: Headers, origin: string): boolean {
  const sent = headers.get('origin');
  if (sent === origin) return true;
  return (sent === null || sent === 'null') && headers.get('sec-fetch-site') === 'same-origin';
}
