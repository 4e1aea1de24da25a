import { randomUUID } from 'node:crypto';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, expect, vi } from 'vitest';
import { startCustomerSession } from '@/lib/auth/session';
import { idleState, type FormState } from '@/lib/portal/form-state';
import { createSimulator } from '@/whmcs-sim/core';
import { whmcsHandlers } from '@/whmcs-sim/msw';
import { DEFAULT_CREDENTIALS } from '@/whmcs-sim/seed';
import { jar } from './next-cookies';
import { TEST_NOW } from './sim-http';

// Customer server actions run directly against the simulator core (through
// msw at the tests' WHMCS_URL), with Next's cookies in an in-memory jar. The
// simulator's call list is how a test proves that nothing was written.
// Import './next-cookies' first in the test file, so next/headers is mocked.

export const WHMCS_ROOT = 'http://127.0.0.1:9';

export function actionStack() {
  // Single sign-on links must point at the configured WHMCS: the simulator hands
  // them out under its issuer, which is this address here.
  const sim = createSimulator({
    credentials: DEFAULT_CREDENTIALS,
    now: TEST_NOW,
    oidc: { issuer: WHMCS_ROOT },
  });
  const server = setupServer(...whmcsHandlers(sim, WHMCS_ROOT));

  beforeAll(() => {
    process.env.WHMCS_API_IDENTIFIER = DEFAULT_CREDENTIALS.identifier;
    process.env.WHMCS_API_SECRET = DEFAULT_CREDENTIALS.secret;
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('kraken.store')];
    jar.clear();
    vi.useRealTimers();
  });

  /** The calls the simulator received of `action` since `mark` (an index into its calls). */
  const callsOf = (action: string, mark = 0) =>
    sim.calls.slice(mark).filter((c) => c.action.toLowerCase() === action.toLowerCase());

  return { sim, callsOf, mark: () => sim.calls.length };
}

export const DEMO = {
  alice: { userId: 1, email: 'alice@kraken.example', clientId: 1, isOwner: true },
  sam: { userId: 2, email: 'sam@kraken.example', clientId: 2, isOwner: true },
  contractor: {
    userId: 3,
    email: 'contractor@kraken.example',
    clientId: 1,
    isOwner: false,
  },
} as const;

type Person = (typeof DEMO)[keyof typeof DEMO];

/** Signs `person` in (as the password route would), `secondsAgo` before now. */
export async function signInAs(person: Person, secondsAgo = 0): Promise<void> {
  const authAt = Math.floor(Date.now() / 1000) - secondsAgo;
  await startCustomerSession(
    {
      userId: person.userId,
      email: person.email,
      account: { clientId: person.clientId, isOwner: person.isOwner },
      authAt,
    },
    { ip: '192.0.2.10', userAgent: 'vitest' },
  );
}

export function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

export const fresh = (): FormState => idleState(randomUUID());

export type Ended =
  | { kind: 'state'; state: FormState }
  | { kind: 'redirect'; to: string }
  | { kind: 'status'; status: number };

/** How a server action ended: its state, a redirect (Next's NEXT_REDIRECT) or a 403/404. */
export async function ending(work: Promise<FormState>): Promise<Ended> {
  try {
    return { kind: 'state', state: await work };
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    const fallback = /^NEXT_HTTP_ERROR_FALLBACK;(\d{3})$/.exec(digest);
    if (fallback) return { kind: 'status', status: Number(fallback[1]) };
    if (digest.startsWith('NEXT_REDIRECT;')) {
      return { kind: 'redirect', to: digest.split(';')[2] ?? '' };
    }
    throw error;
  }
}

export function expectState(ended: Ended): FormState {
  expect(ended.kind).toBe('state');
  return (ended as { state: FormState }).state;
}
