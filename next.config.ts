import type { NextConfig } from 'next';

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  output: 'standalone',
  serverExternalPackages: ['pino'],
  // Enables forbidden(): a non-owner without a WHMCS permission gets a real 403.
  experimental: { authInterrupts: true },
};

export default config;
