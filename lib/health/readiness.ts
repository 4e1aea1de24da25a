import 'server-only';
import { securityEvent } from '@/lib/security/events';
import { store } from '@/lib/store';
import { WhmcsError } from '@/lib/whmcs/errors';
import { whmcsBreaker } from '@/lib/whmcs/protection';
import { schemas } from '@/lib/whmcs/schemas';
import { call } from '@/lib/whmcs/transport';

// Can this instance serve? The store must answer a ping and WHMCS a cheap read
// (GetSupportDepartments). The WHMCS call may probe an open breaker, as its one
// probe, so readiness sees WHMCS recover without waiting out the cool-down. The
// result is kept a few seconds: a load balancer asking every second does not
// become a WHMCS call every second. Nothing in it names a host, a key or a reason.

export type Readiness = {
  status: 'ready' | 'not_ready';
  checks: {
    store: 'ok' | 'unavailable';
    /** 'ok', or the kind of WHMCS failure (unavailable, misconfigured, ...). */
    whmcs: string;
    breaker: 'closed' | 'open' | 'half_open';
  };
};

const FRESH_MS = 5_000;
const KEY = Symbol.for('kraken.readiness');
type Kept = { at: number; value: Promise<Readiness> };
const holder = globalThis as typeof globalThis & { [KEY]?: Kept };

export function readiness(now: number = Date.now()): Promise<Readiness> {
  const kept = holder[KEY];
  if (kept && now - kept.at < FRESH_MS) return kept.value;

  const value = check();
  holder[KEY] = { at: now, value };
  return value;
}

async function check(): Promise<Readiness> {
  const [storeState, whmcs] = await Promise.all([checkStore(), checkWhmcs()]);
  const ready = storeState === 'ok' && whmcs === 'ok';

  return {
    status: ready ? 'ready' : 'not_ready',
    checks: { store: storeState, whmcs, breaker: whmcsBreaker().state },
  };
}

async function checkStore(): Promise<Readiness['checks']['store']> {
  try {
    await store().ping();
    return 'ok';
  } catch {
    await securityEvent('store.unavailable', { during: 'readiness' });
    return 'unavailable';
  }
}

async function checkWhmcs(): Promise<string> {
  try {
    const params = { ignore_dept_assignments: true };
    await call('GetSupportDepartments', params, schemas.GetSupportDepartments, {
      probe: true,
    });
    return 'ok';
  } catch (error) {
    if (error instanceof WhmcsError) return error.kind;
    throw error;
  }
}
