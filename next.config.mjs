/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  logging: {
    // The development request log must not print sign-in codes or what a beneficiary searched for.
    incomingRequests: { ignore: [/\/api\/auth\/callback\//, /[?&]q=/] },
  },
};

export default nextConfig;
