// Logins for load runs (`npm run soak`). The portal allows each person five
// sessions at once, so twenty concurrent sessions need more people than the
// three demo logins. With `loadLogins: n` (CLI: SIM_LOAD_LOGINS=n) the simulator
// gives the first n seeded customers that own one active account and nothing
// else the demo password, and lists their emails at GET /__sim/logins (control
// only, loopback only). Never on by default: their passwords are otherwise unguessable.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { hashPassword } from './passwords';
import type { SimState } from './state';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1)$/;

export function openLoadLogins(state: SimState, count: number): string[] {
  const demo = new Set(DEMO_ACCOUNTS.map((a) => a.email));
  const active = new Set(
    state.clients.filter((c) => c.status === 'Active').map((c) => c.id),
  );
  const chosen = state.users
    .filter((u) => !demo.has(u.email) && !u.twoFactor && u.links.length === 1)
    .filter((u) => u.links[0]?.isOwner && active.has(u.links[0].clientId))
    .slice(0, count);
  // The same salt the seed uses for every user (seed-people.ts).
  for (const user of chosen)
    user.passwordHash = hashPassword(`user-${user.id}`, DEMO_PASSWORD);

  return chosen.map((u) => u.email);
}

/** Answers GET /__sim/logins; false for any other path. */
export function handleLoginsControl(
  req: IncomingMessage,
  res: ServerResponse,
  logins: readonly string[],
): boolean {
  if (new URL(req.url ?? '/', 'http://sim').pathname !== '/__sim/logins') return false;

  const ip = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  const allowed = LOOPBACK.test(ip) && req.method === 'GET';
  res.writeHead(allowed ? 200 : 403, {
    'content-type': 'application/json; charset=utf-8',
  });
  res.end(
    JSON.stringify(allowed ? { logins, password: DEMO_PASSWORD } : { error: 'no' }),
  );

  return true;
}
