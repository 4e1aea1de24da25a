import type { NextConfig } from 'next';

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  output: 'standalone',
  // `next dev` would otherwise write an AGENTS.md into the repository.
  agentRules: false,
  serverExternalPackages: ['pino', 'better-sqlite3'],
  // Enables forbidden(): a non-owner without a WHMCS permission gets a real 403.
  experimental: { authInterrupts: true },
};

export default config;
