// Builds the deterministic "Kraken Hosting" demo company. The same seed and the
// same `now` always give the same state; dates are relative to `now`, so
// "overdue" and "expiring soon" stay true whenever the simulator starts.
import { PRODUCTS, SERVERS } from './seed-catalog';
import { seedCustomerActivity } from './seed-customers';
import { seedDemoBilling, seedDemoTickets } from './seed-demo';
import { seedEmails } from './seed-emails';
import { seedDemoHosting } from './seed-hosting';
import type { SeedContext } from './seed-kit';
import { seedLateDemoPeople, seedPeople } from './seed-people';
import { seedDepartments } from './seed-support';
import { emptyState, type SimState } from './state';
import { createRng } from './util';

export { DEFAULT_CREDENTIALS, DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
export type { DemoAccount } from './demo-accounts';

export const DEFAULT_SEED = 20_260_101;

/** Ordinary customers on top of the four demo clients (34 clients in all). */
const CUSTOMERS = 30;

export function buildSeed(options: { seed?: number; now: Date }): SimState {
  const ctx: SeedContext = {
    rng: createRng(options.seed ?? DEFAULT_SEED),
    now: options.now,
    state: emptyState(options.now),
  };
  ctx.state.servers.push(...SERVERS.map((s) => ({ ...s })));
  ctx.state.products.push(...PRODUCTS.map((p) => ({ ...p })));
  seedDepartments(ctx);

  seedPeople(ctx, CUSTOMERS);
  seedDemoHosting(ctx);
  seedDemoBilling(ctx);
  seedDemoTickets(ctx);
  seedCustomerActivity(ctx, 5);
  seedLateDemoPeople(ctx);
  // Last, and without the PRNG: the email log is made from what is seeded above.
  seedEmails(ctx, [1]);

  return ctx.state;
}
