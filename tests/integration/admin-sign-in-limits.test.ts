import '../support/next-cookies';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cookieValue,
  postCode,
  postPassword,
  resetBrowser,
  resetStore,
  STEP_COOKIE,
} from '../support/admin';
import { configureStaff } from '../support/staff';

// Staff sign-in's own limits, far tighter than the customers': five tries per
// username and step in 15 minutes, from any address; and no cross-site posts.

beforeAll(() => configureStaff());
beforeEach(() => {
  resetStore();
  resetBrowser();
});

describe('staff sign-in limits', () => {
  it('answers 429 once one username has had five tries, whatever the address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const ip = { 'x-forwarded-for': `203.0.113.${i + 1}` };
      statuses.push((await postPassword('olivia', 'wrong', ip)).status);
    }

    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
  });

  it('limits code attempts on their own', async () => {
    await postPassword('olivia');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await postCode('000000')).status);

    expect(statuses.slice(0, 5).every((s) => s === 303)).toBe(true);
    expect(statuses[5]).toBe(429);
  });

  it('refuses a cross-site post', async () => {
    const response = await postPassword('olivia', undefined, {
      'sec-fetch-site': 'cross-site',
    });

    expect(response.status).toBe(403);
    expect(cookieValue(STEP_COOKIE)).toBeUndefined();
  });
});
