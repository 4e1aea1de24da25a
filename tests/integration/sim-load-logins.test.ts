import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/whmcs-sim/demo-accounts';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import { api, TEST_NOW } from '../support/sim-http';

// Extra customer logins for load runs: opened only when asked for.

let running: RunningSimulator;
beforeAll(async () => {
  running = await startSimulator({ now: TEST_NOW, control: true, loadLogins: 8 });
});
afterAll(() => running.close());

const listed = async (root: string) =>
  (await (await fetch(`${root}/__sim/logins`)).json()) as { logins: string[] };

describe('load logins', () => {
  it('lists as many distinct customers as asked, none of them a demo login', async () => {
    const { logins } = await listed(running.url);

    expect(new Set(logins).size).toBe(8);
    expect(logins.filter((l) => DEMO_ACCOUNTS.some((a) => a.email === l))).toEqual([]);
  });

  it('lets each of them sign in with the demo password', async () => {
    const { logins } = await listed(running.url);

    const answers = await Promise.all(
      logins.map((email) =>
        api(running.url, 'ValidateLogin', { email, password2: DEMO_PASSWORD }),
      ),
    );

    expect(answers.map((a) => a.result)).toEqual(Array(8).fill('success'));
  });

  it('opens nobody unless asked', async () => {
    const plain = await startSimulator({ now: TEST_NOW, control: true });
    const { logins } = await listed(plain.url);
    const email = (await listed(running.url)).logins[0] ?? '';

    const answer = await api(plain.url, 'ValidateLogin', {
      email,
      password2: DEMO_PASSWORD,
    });
    await plain.close();

    expect(logins).toEqual([]);
    expect(answer.result).toBe('error');
  });
});
