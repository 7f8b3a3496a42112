/**
 * The security headers of every response (docs/security.md): the fixed ones from `fixed-headers.mjs`, shared
 * with `next.config.mjs` (the build's static files, which the proxy skips), and the per-request policy that
 * `proxy.ts` sends on every page, RSC request and route.
 */

export { HSTS, PERMISSIONS_POLICY, STATIC_FILE_CSP, STATIC_SECURITY_HEADERS } from './fixed-headers.mjs';
import { HSTS, STATIC_SECURITY_HEADERS } from './fixed-headers.mjs';

export interface CspOptions {
  /** This response's nonce ({@link newNonce}). */
  nonce: string;
  /** `next dev`: React needs `eval` for its debugging aids and Next injects styles without a nonce. */
  dev: boolean;
  /** Served over https: insecure subresource URLs are upgraded. */
  https: boolean;
  /** Origins a form may be sent to (or redirected to after a POST) besides our own: Medicare's sign-in. */
  formTargets: readonly string[];
}

/**
 * The Content-Security-Policy of a page, after Next.js's guide
 * (https://nextjs.org/docs/app/guides/content-security-policy) and the strict nonce-based policy of
 * https://web.dev/articles/strict-csp: scripts only with this response's nonce (and what they load,
 * `strict-dynamic`); style elements and stylesheets from our origin or with the nonce; style attributes
 * allowed, because server components and Next's built-in error pages render `style="…"` (a style attribute can
 * run no script and select no element); nothing framed, no plugins, no `<base>`, forms only to us and to
 * Medicare's sign-in.
 */
export function contentSecurityPolicy({ nonce, dev, https, formTargets }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ['style-src-attr', "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['form-action', "'self'", ...formTargets],
    ['frame-ancestors', "'none'"],
    ['frame-src', "'none'"],
    ['worker-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ...(https ? [['upgrade-insecure-requests'] as [string]] : []),
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** A fresh nonce: 128 random bits, base64 (works in the Edge and Node.js runtimes). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** Every security header of a page or route response. */
export function securityHeaders(options: CspOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    ...STATIC_SECURITY_HEADERS,
    ...(options.https ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}
