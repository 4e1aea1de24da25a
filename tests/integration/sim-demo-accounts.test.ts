import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '@/whmcs-sim/seed';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import { api, at, TEST_NOW } from '../support/sim-http';

let running: RunningSimulator;
beforeAll(async () => {
  running = await startSimulator({ now: TEST_NOW });
});
afterAll(() => running.close());

const call = (action: string, fields: Record<string, string> = {}) =>
  api(running.url, action, fields);
const rows = (answer: unknown, ...path: (string | number)[]) =>
  (at(answer, ...path) ?? []) as Record<string, unknown>[];

describe('demo accounts', () => {
  it.each(DEMO_ACCOUNTS.map((a) => [a.email, a] as const))(
    '%s logs in and reaches exactly its listed clients',
    async (email, account) => {
      const login = await call('ValidateLogin', { email, password2: account.password });
      const users = await call('GetUsers', { search: email });

      expect(login).toMatchObject({ result: 'success', userid: String(account.userId) });
      const clients = rows(users, 'users', 0, 'clients').map((c) => c.id);
      expect(clients).toEqual(account.clientIds);
    },
  );

  it('refuses a demo e-mail with a wrong password', async () => {
    const login = await call('ValidateLogin', {
      email: 'alice@kraken.example',
      password2: 'x',
    });

    expect(login).toEqual({ result: 'error', message: 'Email or Password Invalid' });
  });

  it('has a user who owns two client accounts', async () => {
    const users = await call('GetUsers', { search: 'sam@kraken.example' });

    expect(at(users, 'users', 0, 'clients')).toEqual([
      { id: 2, isOwner: true },
      { id: 3, isOwner: true },
    ]);
  });

  it('has a non-owner user limited to products and tickets', async () => {
    const users = await call('GetUsers', { search: 'contractor@kraken.example' });
    const rights = await call('GetUserPermissions', { user_id: '3', client_id: '1' });

    expect(at(users, 'users', 0, 'clients')).toEqual([{ id: 1, isOwner: false }]);
    expect(rights.permissions).toEqual(['products', 'tickets']);
  });

  it('has a non-owner user who sees domains but may not manage them', async () => {
    const rights = await call('GetUserPermissions', { user_id: '35', client_id: '1' });

    expect(rights.permissions).toEqual(['products', 'productsso', 'domains']);
  });

  it('has a two-factor user whose login returns no password hash', async () => {
    const login = await call('ValidateLogin', {
      email: 'secure@kraken.example',
      password2: 'KrakenDemo!2026',
    });

    expect(login).toEqual({ result: 'success', userid: '4', twoFactorEnabled: 'true' });
  });
});
