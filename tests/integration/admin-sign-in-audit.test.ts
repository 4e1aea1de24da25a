import '../support/next-cookies';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { store } from '@/lib/store';
import { StoreUnavailableError } from '@/lib/store/types';
import { clearLines, events } from '../support/log-capture';
import {
  ADMIN_COOKIE,
  codeOf,
  cookieValue,
  postCode,
  postPassword,
  resetBrowser,
  resetStore,
  STEP_COOKIE,
} from '../support/admin';
import { configureStaff } from '../support/staff';

// Staff sign-in is itself a staff action: audited before it runs, refused with
// a 503 when the audit trail cannot be written, and a burst of failures is the
// `auth.admin.login.failed` event line the alert rules watch.

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());

beforeAll(() => configureStaff());
beforeEach(() => {
  resetStore();
  resetBrowser();
  clearLines();
});
afterEach(() => vi.restoreAllMocks());

describe('auditing staff sign-in', () => {
  it('records both steps as attempt, then outcome', async () => {
    await postPassword('olivia');
    await postCode(codeOf('olivia'));

    const trail = await store().audit.list({ actor: 'olivia', limit: 10 });

    expect(trail.map((e) => `${e.action} ${e.outcome}`).reverse()).toEqual([
      'admin.signin.password attempt',
      'admin.signin.password success',
      'admin.signin.totp attempt',
      'admin.signin.totp success',
    ]);
  });

  it('records a name nobody has as unknown, never the name typed', async () => {
    await postPassword('hunter2-typed-in-the-wrong-field');

    const [outcome, attempt] = await store().audit.list({ limit: 2 });

    expect([attempt?.actor, attempt?.outcome, outcome?.outcome]).toEqual([
      'unknown',
      'attempt',
      'failure',
    ]);
    expect(JSON.stringify(await store().audit.list({ limit: 10 }))).not.toContain(
      'hunter2',
    );
  });

  it('answers 503 and checks no password when the audit trail cannot be written', async () => {
    vi.spyOn(store().audit, 'append').mockRejectedValue(
      new StoreUnavailableError('down'),
    );

    const response = await postPassword('olivia');

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(cookieValue(STEP_COOKIE)).toBeUndefined();
    expect(events('admin.action')).toEqual([]);
  });

  it('issues no session when the code step cannot be audited', async () => {
    await postPassword('olivia');
    vi.spyOn(store().audit, 'append').mockRejectedValue(
      new StoreUnavailableError('down'),
    );

    const response = await postCode(codeOf('olivia'));

    expect(response.status).toBe(503);
    expect(cookieValue(ADMIN_COOKIE)).toBeUndefined();
    expect(await store().sessions.listActive('admin', 'olivia')).toEqual([]);
  });
});

describe('a burst of staff sign-in failures', () => {
  it('logs auth.admin.login.failed for each and raises the staff alert', async () => {
    for (let i = 0; i < 3; i += 1) {
      await postPassword(i === 1 ? 'nobody' : 'olivia', 'wrong', {
        'x-forwarded-for': `203.0.113.${i + 1}`,
      });
    }

    await vi.waitFor(() => expect(events('auth.admin.login.failed')).toHaveLength(3));
    await vi.waitFor(() =>
      expect(events('alert.raised')).toEqual([
        expect.objectContaining({ alert: 'staff_signin_failures', severity: 'error' }),
      ]),
    );
    expect(events('auth.admin.login.failed')[0]).toMatchObject({
      level: 40,
      reason: 'bad-credentials',
      ip: '203.0.113.1',
    });
  });
});
