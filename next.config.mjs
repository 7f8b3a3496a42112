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
};

export default nextConfig;
