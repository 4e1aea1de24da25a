import type { CancelRequest, Service } from '../model';
import { addDays, money, usd, ymd } from '../util';
import { int, success, type Handler } from '../wire';
import { ACTIVE, AWAITING_REPLY } from './ticket-view';

// Orders are not modelled: each service is its own order, dated by its
// registration and classed by its status. Income comes from the transactions.
export const getStats: Handler = (params, ctx) => {
  const { services, tickets, transactions, cancelRequests } = ctx.state;
  const today = ymd(ctx.clock());
  const yesterday = ymd(addDays(ctx.clock(), -1));
  const net = (since: string) =>
    transactions
      .filter((t) => t.date.slice(0, 10) >= since)
      .reduce((sum, t) => sum + t.amountInCents - t.amountOutCents, 0);
  const ordersOn = (day: string, status?: string) =>
    services.filter((s) => s.regdate === day && (!status || s.status === status)).length;
  const ticketsIn = (statuses: string[]) =>
    tickets.filter((t) => statuses.includes(t.status)).length;
  const days = Array.from({ length: int(params, 'timeline_days') ?? 7 }, (_, i) =>
    ymd(addDays(ctx.clock(), -i)),
  );
  const perDay = <T>(value: (day: string) => T) =>
    Object.fromEntries(days.map((d) => [d, value(d)]));

  return success({
    income_today: usd(net(today)),
    income_thismonth: usd(net(`${today.slice(0, 7)}-01`)),
    income_thisyear: usd(net(`${today.slice(0, 4)}-01-01`)),
    income_alltime: usd(net('0000-00-00')),
    orders_pending: services.filter((s) => s.status === 'Pending').length,
    orders_today_cancelled: ordersOn(today, 'Cancelled'),
    orders_today_pending: ordersOn(today, 'Pending'),
    orders_today_fraud: ordersOn(today, 'Fraud'),
    orders_today_active: ordersOn(today, 'Active'),
    orders_today_total: ordersOn(today),
    orders_yesterday_cancelled: ordersOn(yesterday, 'Cancelled'),
    orders_yesterday_pending: ordersOn(yesterday, 'Pending'),
    orders_yesterday_fraud: ordersOn(yesterday, 'Fraud'),
    orders_yesterday_active: ordersOn(yesterday, 'Active'),
    orders_yesterday_total: ordersOn(yesterday),
    orders_thismonth_total: services.filter((s) => s.regdate >= `${today.slice(0, 7)}-01`)
      .length,
    orders_thisyear_total: services.filter(
      (s) => s.regdate >= `${today.slice(0, 4)}-01-01`,
    ).length,
    tickets_allactive: ticketsIn(ACTIVE),
    tickets_awaitingreply: ticketsIn(AWAITING_REPLY),
    tickets_flaggedtickets: tickets.filter((t) => t.flag !== 0).length,
    tickets_open: ticketsIn(['Open']),
    tickets_answered: ticketsIn(['Answered']),
    tickets_customerreply: ticketsIn(['Customer-Reply']),
    tickets_closed: ticketsIn(['Closed']),
    tickets_onhold: ticketsIn(['On Hold']),
    tickets_inprogress: ticketsIn(['In Progress']),
    cancellations_pending: cancellationsPending(cancelRequests, services),
    todoitems_due: 0,
    networkissues_open: 0,
    billableitems_uninvoiced: 0,
    quotes_valid: 0,
    staff_online: 1,
    timeline_data: {
      new_orders: perDay((d) => ordersOn(d)),
      accepted_orders: perDay((d) => ordersOn(d, 'Active')),
      income: perDay((d) =>
        money(net(d) - net(ymd(addDays(new Date(`${d}T00:00:00Z`), 1)))),
      ),
      expenditure: perDay(() => '0.00'),
      new_tickets: perDay((d) => tickets.filter((t) => t.date.startsWith(d)).length),
    },
  });
};

/**
 * Stored cancellation requests (AddCancelRequest) not yet carried out.
 * Assumed, as WHMCS's own admin summary counts them: a request stops counting
 * once its service is cancelled or terminated, and one whose service is gone
 * counts no more.
 */
function cancellationsPending(
  requests: readonly CancelRequest[],
  services: readonly Service[],
): number {
  const ended = new Set(['Cancelled', 'Terminated']);

  return requests.filter((r) => {
    const service = services.find((s) => s.id === r.serviceId);
    return service !== undefined && !ended.has(service.status);
  }).length;
}
