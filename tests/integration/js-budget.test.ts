import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstLoadJs, type RouteJs } from '@/bench/first-load-js';
import { budgetFor, JS_BUDGET } from '@/bench/js-budget';

// Reads the production build that `npm test` makes before Vitest runs
// (scripts/test.mjs) and holds every page to bench/js-budget.ts.

const built = existsSync('.next/BUILD_ID');
const routes: RouteJs[] = built ? firstLoadJs('.next') : [];

describe('first-load JavaScript per route', () => {
  it('has a production build to measure (run `npm test`, which makes it)', () => {
    expect(built).toBe(true);
  });

  it('finds the dashboard and every list page in the build', () => {
    const names = routes.map((r) => r.route);

    expect(names).toEqual(
      expect.arrayContaining(['/dashboard', '/services', '/domains', '/invoices']),
    );
  });

  it.each(routes.map((r) => [r.route, r] as const))(
    '%s stays within its total budget',
    (route, js) => {
      expect(js.totalKb).toBeLessThanOrEqual(budgetFor(JS_BUDGET.totalKb, route));
    },
  );

  it.each(routes.map((r) => [r.route, r] as const))(
    '%s keeps the portal’s own JavaScript within budget',
    (route, js) => {
      expect(js.ownKb).toBeLessThanOrEqual(budgetFor(JS_BUDGET.ownKb, route));
    },
  );
});
