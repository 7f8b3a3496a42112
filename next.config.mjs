import { HSTS, STATIC_FILE_CSP, STATIC_SECURITY_HEADERS } from './lib/http/fixed-headers.mjs';

/** @param {Record<string, string>} headers */
const toList = (headers) => Object.entries(headers).map(([key, value]) => ({ key, value }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // lib/codes reads its catalogues with node:fs, which tracing may not see: ship them with every server route.
  outputFileTracingIncludes: { '/**': ['./lib/codes/data/**'] },
  typedRoutes: false,
  logging: {
    // The development request log must not print sign-in codes or what a beneficiary searched for.
    incomingRequests: { ignore: [/\/api\/auth\/callback\//, /[?&]q=/] },
  },
  // The build's static files skip proxy.ts (they keep Next's year-long cache); they get the security headers
  // here. Everything else gets them, with the nonce, from proxy.ts (docs/security.md).
  async headers() {
    return [
      {
        source: '/_next/static/:path*',
        headers: toList({ ...STATIC_SECURITY_HEADERS, 'Content-Security-Policy': STATIC_FILE_CSP }),
      },
      {
        source: '/_next/static/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: toList({ 'Strict-Transport-Security': HSTS }),
      },
    ];
  },
};

export default nextConfig;
