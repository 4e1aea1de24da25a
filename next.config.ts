import type { NextConfig } from 'next';

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  output: 'standalone',
  // `next dev` would otherwise write an AGENTS.md into the repository.
  agentRules: false,
  serverExternalPackages: ['pino', 'better-sqlite3'],
  experimental: {
    // Enables forbidden(): a non-owner without a WHMCS permission gets a real 403.
    authInterrupts: true,
    // Ticket forms carry up to 5 files of 2 MB (lib/portal/file-rules.ts) and
    // 20,000 characters of text: 10 MB and change. 11 MB lets the largest
    // allowed submission through, and up to it the server refuses a file over
    // 2 MB with a message naming it; a larger body is cut off by Next with a
    // 413 before any of the portal's code runs.
    // The browser checks the same limits before sending. The proxy copies a
    // body up to its own limit, kept above this one so it never truncates a
    // body the action would accept. tests/unit/body-limits.test.ts holds the sums.
    serverActions: { bodySizeLimit: '11mb' },
    proxyClientMaxBodySize: '12mb',
  },
};

export default config;
