import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, expect, vi } from 'vitest';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { REALMS } from '@/lib/auth/realm';
import { verifyCustomerToken } from '@/lib/auth/token';
import { idleState, type FormState } from '@/lib/portal/form-state';
import { createSimulator } from '@/whmcs-sim/core';
import { whmcsHandlers } from '@/whmcs-sim/msw';
import { DEFAULT_CREDENTIALS, DEMO_PASSWORD } from '@/whmcs-sim/seed';
import { resetStore } from './admin';
import { jar } from './next-cookies';

// The portal's server actions run against the simulator core (through msw at
// the tests' WHMCS_URL), with Next's cookies in an in-memory jar. Import
// './next-cookies' first in the test file, and mock next/cache there.
// `sim.calls` is every request WHMCS received: tests count the writes in it.

export const WHMCS_ROOT = 'http://127.0.0.1:9';

export function portalWithSimulator() {
  // The issuer is where its single sign-on links point: the tests' WHMCS_URL.
  const sim = createSimulator({
    credentials: DEFAULT_CREDENTIALS,
    oidc: { issuer: WHMCS_ROOT },
  });
  const server = setupServer(...whmcsHandlers(sim, WHMCS_ROOT));
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

  beforeAll(() => {
    process.env.WHMCS_API_IDENTIFIER = DEFAULT_CREDENTIALS.identifier;
    process.env.WHMCS_API_SECRET = DEFAULT_CREDENTIALS.secret;
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    resetStore();
    jar.clear();
    vi.useRealTimers();
  });

  /** Signs in with the demo password, as the sign-in form does; returns the session id. */
  async function signIn(email: string): Promise<string> {
    const result = await signInWithPassword(
      { email, password: DEMO_PASSWORD },
      { ip: '192.0.2.44', userAgent: 'vitest' },
    );
    expect(result.kind).toBe('signed-in');
    const claims = await verifyCustomerToken(
      REALMS.customer,
      jar.get(REALMS.customer.cookieBase)?.value,
    );

    return claims?.sid ?? '';
  }

  /** Every call WHMCS received from here on: `after()` lists them with their parameters. */
  function mark() {
    const from = sim.calls.length;

    return {
      after: () =>
        sim.calls.slice(from).map((c) => ({
          action: c.action,
          params: Object.fromEntries(
            [...new URLSearchParams(c.request)].filter(([name]) => name !== 'action'),
          ),
        })),
    };
  }

  return { sim, signIn, mark };
}

export function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, String(value));
  data.set('submission', crypto.randomUUID());
  return data;
}

export const start = (): FormState => idleState(crypto.randomUUID());

/** How a server action ended when it threw: Next's digest (redirect, 403, 404), or 'none'. */
export async function interruption(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (error && !(error as { digest?: string }).digest) throw error;

  return (error as { digest?: string } | null)?.digest ?? 'none';
}

export const NOT_FOUND = 'NEXT_HTTP_ERROR_FALLBACK;404';
export const FORBIDDEN = 'NEXT_HTTP_ERROR_FALLBACK;403';

/** The path a NEXT_REDIRECT digest sends the browser to. */
export function redirectedTo(digest: string): string {
  expect(digest).toMatch(/^NEXT_REDIRECT;/);
  return digest.split(';')[2] ?? '';
}
