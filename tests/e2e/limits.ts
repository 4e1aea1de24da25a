// The portal's settings for the browser tests' own stacks (playwright.config.ts,
// fault-stack.ts, oidc-stack.ts), so a run does not depend on who started it.
//
// Every browser test comes from 127.0.0.1, page prefetches included, and a
// full run sends more than production's 600 requests a minute from it; a
// slower or faster machine moves that count around the limit. So the stacks
// keep the per-address request limit on but far above what a run sends, and
// tests/e2e/request-limit.spec.ts proves it still refuses, in a built server
// with a low limit of its own (tests/integration/proxy.test.ts checks proxy.ts
// itself).
export const E2E_PORTAL_ENV = { REQUEST_LIMIT_PER_MINUTE: '100000' } as const;
