import { describe, expect, it } from 'vitest';
import { interpret } from '@/lib/whmcs/classify';
import { schemas } from '@/lib/whmcs/schemas';
import { createSimulator } from '@/whmcs-sim/core';
import { DEFAULT_CREDENTIALS } from '@/whmcs-sim/seed';
import { parseExample } from '../support/whmcs-examples';

// GetStats for the staff dashboard: the official example and the simulator's
// answer both map, income exactly as WHMCS formatted it.

describe('GetStats', () => {
  it('maps the official example, income as given and counts as numbers', () => {
    const stats = parseExample('GetStats');

    expect(stats).toEqual({
      income: {
        today: '$5.95 USD',
        thisMonth: '$101.45 USD',
        thisYear: '$485.21 USD',
        allTime: '$2485.25 USD',
      },
      orders: { pending: 7, today: 8, thisMonth: 18 },
      tickets: { awaitingReply: 5, active: 60, flagged: 3 },
      cancellationsPending: 1,
      todoDue: 5,
      staffOnline: 1,
    });
  });

  it('accepts the simulator answer for the demo company', () => {
    const sim = createSimulator({ credentials: DEFAULT_CREDENTIALS });
    const form = new URLSearchParams({
      action: 'GetStats',
      identifier: DEFAULT_CREDENTIALS.identifier,
      secret: DEFAULT_CREDENTIALS.secret,
      responsetype: 'json',
    });
    const reply = sim.handle(form, { ip: '127.0.0.1' });

    const outcome = interpret(
      'GetStats',
      { httpStatus: reply.status, contentType: reply.contentType, bodyText: reply.body },
      schemas.GetStats,
    );

    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.data.income.today).toMatch(/^\$\d+\.\d{2} USD$/);
  });

  it('refuses an answer whose income is not an amount', () => {
    const body = JSON.stringify({
      result: 'success',
      income_today: '',
      income_thismonth: '$1.00 USD',
      income_thisyear: '$1.00 USD',
      income_alltime: '$1.00 USD',
      orders_pending: 0,
      tickets_awaitingreply: 0,
    });

    const outcome = interpret(
      'GetStats',
      { httpStatus: 200, contentType: 'application/json', bodyText: body },
      schemas.GetStats,
    );

    expect(outcome.ok).toBe(false);
  });
});
