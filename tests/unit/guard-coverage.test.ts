import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every page, route handler and server action must call a guard itself
// (proxy.ts is never the only check). This lists them all from the file tree,
// so a new one without a guard fails here until it is guarded or, if it is
// meant to be public, named below with the reason.

// customerAction (lib/portal) call requireCustomer first.
const GUARD =
  /\b(requireCustomer|requireAdmin|requireAdminStep|readAdminStep|readPendingSignIn|customerAction)\(/;

const PUBLIC: Record<string, string> = {
  'app/page.tsx': 'redirects to the dashboard, which is guarded',
  'app/(auth)/login/page.tsx': 'the sign-in form',
  'app/(auth)/login/reset/page.tsx': 'the password reset form (asks for an email only)',
  'app/api/auth/reset-password/route.ts':
    'the reset form handler (rate-limited, origin-checked, same answer for any address)',
  'app/api/auth/password/route.ts':
    'the sign-in form handler (rate-limited, origin-checked)',
  'app/api/auth/[...nextauth]/route.ts': 'the OpenID Connect sign-in callback',
  'app/api/sign-out/route.ts': 'ending a session needs none (and must work when broken)',
  'app/admin/login/page.tsx': 'the staff sign-in form',
  'app/api/admin/login/route.ts':
    'the staff sign-in form handler (rate-limited, origin-checked, audited)',
  'app/api/admin/sign-out/route.ts':
    'ending a staff session needs none (and must work when broken); audited',
  'app/api/health/route.ts': 'liveness, says nothing',
  'app/api/ready/route.ts': 'readiness, no data in the body',
  'app/api/metrics/route.ts': 'guarded by its own bearer token (METRICS_TOKEN)',
  'app/bench/open/ping/route.ts':
    'benchmark only, 404 unless BENCH_ROUTES=1 against loopback',
  'app/bench/open/plain/page.tsx':
    'benchmark only, 404 unless BENCH_ROUTES=1 against loopback',
  'app/bench/ping/route.ts': 'benchmark only, behind the proxy session check, no data',
};

const PUBLIC_ACTIONS: Record<string, string> = {
  'lib/auth/actions.ts#signOut':
    'ending a session needs none (and must work when it is broken)',
};

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

const entryPoints = [...walk('app')].filter((f) => /\/(page\.tsx|route\.ts)$/.test(f));
const actionFiles = [...walk('app'), ...walk('lib'), ...walk('components')].filter(
  (f) => /\.tsx?$/.test(f) && /^['"]use server['"]/m.test(readFileSync(f, 'utf8')),
);

function actionsIn(file: string): { name: string; body: string }[] {
  const parts = readFileSync(file, 'utf8')
    .split(/^export async function /m)
    .slice(1);
  return parts.map((part) => ({ name: part.slice(0, part.indexOf('(')), body: part }));
}

describe('guard coverage', () => {
  it('finds the entry points it is meant to check', () => {
    expect(entryPoints.length).toBeGreaterThan(10);
    expect(actionFiles.length).toBeGreaterThan(0);
  });

  it.each(entryPoints)('%s calls a guard or is public on purpose', (file) => {
    const guarded = GUARD.test(readFileSync(file, 'utf8'));

    expect(guarded || file in PUBLIC, `${file} has no guard`).toBe(true);
  });

  it.each(
    actionFiles.flatMap((f) => actionsIn(f).map((a) => [`${f}#${a.name}`, a.body])),
  )('server action %s calls a guard or is public on purpose', (id, body) => {
    expect(GUARD.test(body) || id in PUBLIC_ACTIONS, `${id} has no guard`).toBe(true);
  });
});
