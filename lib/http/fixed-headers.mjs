/**
 * The security headers that do not depend on the request (docs/security.md), in plain JavaScript so that
 * `next.config.mjs` (the build's static files, which the proxy skips) and `lib/http/security-headers.ts`
 * (`proxy.ts`: every page, RSC request and route) send the same values. Types: `fixed-headers.d.mts`.
 */

/** The one-year-plus HSTS policy (two years, as the HSTS preload list asks), sent only over https. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/** Browser features no page of the app uses, switched off for the page and anything it embeds. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** The headers that do not depend on the request: every response, static files included. */
export const STATIC_SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': PERMISSIONS_POLICY,
};

/** The policy of the build's static files (scripts, styles, fonts): nothing, were one opened as a page. */
export const STATIC_FILE_CSP = "default-src 'none'; frame-ancestors 'none'";
