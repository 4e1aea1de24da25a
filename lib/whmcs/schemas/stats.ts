import 'server-only';
import { z } from 'zod';
import { int, optInt } from '@/lib/whmcs/wire';

// GetStats, for the staff dashboard. Income arrives formatted with the default
// currency's symbol and code ("$2645.80 USD") in whatever number format the
// WHMCS install uses, so it is shown exactly as given rather than parsed
// (docs/whmcs.md#money-and-dates-as-strings); counts arrive as numbers or
// numeric strings.

const formatted = z.string().trim().max(64).regex(/\d/, 'expected a formatted amount');

export const getStatsAnswer = z
  .object({
    income_today: formatted,
    income_thismonth: formatted,
    income_thisyear: formatted,
    income_alltime: formatted,
    orders_pending: int,
    orders_today_total: optInt,
    orders_thismonth_total: optInt,
    tickets_awaitingreply: int,
    tickets_allactive: optInt,
    tickets_flaggedtickets: optInt,
    cancellations_pending: optInt,
    todoitems_due: optInt,
    staff_online: optInt,
  })
  .transform((wire) => ({
    income: {
      today: wire.income_today,
      thisMonth: wire.income_thismonth,
      thisYear: wire.income_thisyear,
      allTime: wire.income_alltime,
    },
    orders: {
      pending: wire.orders_pending,
      today: wire.orders_today_total,
      thisMonth: wire.orders_thismonth_total,
    },
    tickets: {
      awaitingReply: wire.tickets_awaitingreply,
      active: wire.tickets_allactive,
      flagged: wire.tickets_flaggedtickets,
    },
    cancellationsPending: wire.cancellations_pending,
    todoDue: wire.todoitems_due,
    staffOnline: wire.staff_online,
  }));

/** The WHMCS figures the staff dashboard shows. */
export type WhmcsStats = z.output<typeof getStatsAnswer>;
