import 'server-only';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import {
  recordAlert,
  recordRateLimited,
  recordSecurityEvent,
  recordSignIn,
} from '@/lib/metrics';
import { requestContext } from '@/lib/request';
import { memoryCounting, storeCounting } from '@/lib/security/alert-counting';
import { AlertRules, type Alert } from '@/lib/security/alerts';
import { store } from '@/lib/store';
import { postInBackground } from '@/lib/security/webhook';

// Every security-relevant event is one log line with a stable name from this
// list (docs/operations.md explains each), counted in the metrics and fed to the
// alert rules. The level is the event's own; an alert it triggers logs again.

export const SECURITY_EVENTS = {
  'auth.login.succeeded': 'info',
  'auth.login.failed': 'info',
  'auth.login.error': 'warn',
  'auth.login.two_factor_required': 'info',
  'auth.login.user_missing': 'warn',
  'auth.login.no_accounts': 'info',
  'auth.login.pick_account': 'info',
  'auth.login.rate_limited': 'warn',
  'auth.account.switched': 'info',
  'auth.logout': 'info',
  'auth.logout.everywhere': 'info',
  'auth.admin.login.succeeded': 'info',
  'auth.admin.login.failed': 'warn',
  'auth.token.reused': 'error',
  'auth.session.revoked': 'info',
  'auth.stepup.succeeded': 'info',
  'auth.stepup.failed': 'warn',
  'auth.reset.requested': 'info',
  'auth.reset.rate_limited': 'warn',
  'security.csrf.refused': 'warn',
  'security.form.refused': 'warn',
  'security.rate_limited': 'warn',
  'security.metrics.refused': 'warn',
  'store.unavailable': 'error',
  'whmcs.misconfigured': 'error',
} as const;

export type SecurityEventName = keyof typeof SECURITY_EVENTS;
export type EventFields = Record<string, string | number | boolean | null | undefined>;

const SIGN_INS: Partial<Record<SecurityEventName, Parameters<typeof recordSignIn>>> = {
  'auth.login.succeeded': ['success'],
  'auth.login.failed': ['failure'],
  'auth.login.user_missing': ['failure'],
  'auth.login.error': ['error'],
  'auth.admin.login.succeeded': ['success', 'admin'],
  'auth.admin.login.failed': ['failure', 'admin'],
};

const KEY = Symbol.for('kraken.security.alerts');
const holder = globalThis as typeof globalThis & { [KEY]?: AlertRules };

/**
 * Logs one security event with the request id and caller address, counts it
 * and runs the alert rules. Fields are values, never message text: whatever a
 * user typed stays inside its JSON field. Never rejects: a broken logger must
 * not turn a sign-in into an error page.
 */
export async function securityEvent(
  name: SecurityEventName,
  fields: EventFields = {},
): Promise<void> {
  try {
    const context = await requestContext();
    const ip = typeof fields.ip === 'string' ? fields.ip : context.ip;
    const line = { ...fields, event: name, requestId: context.requestId, ip };

    log()[SECURITY_EVENTS[name]](line);
    count(name, fields);
    await alertRules().observe(line);
  } catch (error) {
    console.error('security event not recorded', name, error);
  }
}

function count(name: SecurityEventName, fields: EventFields): void {
  recordSecurityEvent(name);
  const signIn = SIGN_INS[name];
  if (signIn) recordSignIn(...signIn);
  if (name === 'auth.login.rate_limited') {
    recordRateLimited(`signin_${fields.realm === 'admin' ? 'admin' : 'customer'}`);
  }
  if (name === 'security.rate_limited')
    recordRateLimited(String(fields.scope ?? 'other'));
}

function alertRules(): AlertRules {
  holder[KEY] ??= new AlertRules(
    raise,
    undefined,
    storeCounting(() => store().counters, memoryCounting()),
  );
  return holder[KEY];
}

/** Logs the alert and, when a webhook is configured, posts it in the background. */
export function raise(alert: Alert): void {
  log()[alert.severity]({ event: 'alert.raised', ...alert });
  recordAlert(alert.alert);
  const { ALERT_WEBHOOK_URL: url, ALERT_WEBHOOK_SECRET: secret } = env();
  if (!url || !secret) return;

  const payload = { ...alert, service: 'kraken-portal', at: new Date().toISOString() };
  void postInBackground({ url, secret }, payload);
}
