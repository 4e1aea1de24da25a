import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import { api, at, TEST_NOW, type Json } from '../support/sim-http';

// UpdateClient, GetEmails and ResetPassword in the simulator: stateful, with the
// refusals WHMCS documents, and nothing changed by a refused write.

let running: RunningSimulator;
beforeAll(async () => {
  running = await startSimulator({ now: TEST_NOW });
});
afterAll(() => running.close());

const details = async (clientid: string) =>
  at(await api(running.url, 'GetClientsDetails', { clientid }), 'client') as Json;
const update = (fields: Record<string, string>) =>
  api(running.url, 'UpdateClient', fields);

describe('UpdateClient', () => {
  it('changes what GetClientsDetails answers, and echoes the id as a string', async () => {
    const answer = await update({
      clientid: '5',
      city: 'Ghent',
      postcode: '9000',
      country: 'BE',
      phonenumber: '+32 9 123 45 67',
      tax_id: 'BE0123456789',
    });

    expect(answer).toEqual({ result: 'success', clientid: '5' });
    expect(await details('5')).toMatchObject({
      city: 'Ghent',
      postcode: '9000',
      countrycode: 'BE',
      phonenumber: '+32 9 123 45 67',
      tax_id: 'BE0123456789',
    });
  });

  it('refuses an email another client has, in any letter case, and changes nothing', async () => {
    const before = await details('6');

    const answer = await update({
      clientid: '6',
      email: 'ALICE@kraken.example',
      city: 'Nowhere',
    });

    expect(answer).toEqual({ result: 'error', message: 'Duplicate Email Address' });
    expect(await details('6')).toEqual(before);
  });

  it.each(['not-an-email', 'a@b', 'two@@example.com', 'space in@example.com'])(
    'refuses the email %s',
    async (email) => {
      const answer = await update({ clientid: '6', email });

      expect(answer).toEqual({
        result: 'error',
        message: 'The email address entered is not valid',
      });
    },
  );

  it('accepts the client keeping its own email', async () => {
    const own = String((await details('7')).email);

    expect((await update({ clientid: '7', email: own.toUpperCase() })).result).toBe(
      'success',
    );
  });

  it('applies staff-only fields too, as WHMCS does: the portal must never send them', async () => {
    await update({ clientid: '8', status: 'Closed', notes: 'VIP', groupid: '3' });

    expect(await details('8')).toMatchObject({
      status: 'Closed',
      notes: 'VIP',
      groupid: 3,
    });
  });

  it('refuses to stop domain notices to the only address (ICANN)', async () => {
    const answer = await update({ clientid: '9', 'email_preferences[domain]': '0' });

    expect(String(answer.message)).toMatch(/domain related notifications/);
    expect(at(await details('9'), 'email_preferences', 'domain')).toBe('1');
  });

  it('knows no client 9999', async () => {
    expect(await update({ clientid: '9999', city: 'X' })).toEqual({
      result: 'error',
      message: 'Client ID Not Found',
    });
  });
});

describe('GetEmails', () => {
  it('lists only the client’s emails, newest first, with WHMCS paging', async () => {
    const page = await api(running.url, 'GetEmails', { clientid: '1', limitnum: '5' });
    const rows = at(page, 'emails', 'email') as Json[];

    expect(page).toMatchObject({ startnumber: 0, numreturned: 5 });
    expect(Number(page.totalresults)).toBeGreaterThan(20);
    expect(rows.every((row) => row.userid === 1)).toBe(true);
    const ids = rows.map((row) => Number(row.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('holds the hostile messages for the portal to defuse', async () => {
    const page = await api(running.url, 'GetEmails', {
      clientid: '1',
      subject: 'action required',
    });
    const message = String(at(page, 'emails', 'email', 0, 'message'));

    expect(message).toContain('<script>');
    expect(message).toContain('onerror=');
    expect(message).toContain('http-equiv="refresh"');
  });

  it('filters by subject and date', async () => {
    const all = at(
      await api(running.url, 'GetEmails', { clientid: '1', limitnum: '500' }),
      'emails',
      'email',
    ) as Json[];
    const day = String(all[0]?.date).slice(0, 10);

    const onDay = at(
      await api(running.url, 'GetEmails', { clientid: '1', date: day, limitnum: '500' }),
      'emails',
      'email',
    ) as Json[];

    expect(onDay.length).toBeGreaterThan(0);
    expect(onDay.every((row) => String(row.date).startsWith(day))).toBe(true);
  });

  it('knows no client 9999', async () => {
    expect(await api(running.url, 'GetEmails', { clientid: '9999' })).toEqual({
      result: 'error',
      message: 'Client ID Not Found',
    });
  });
});

describe('ResetPassword', () => {
  it('sends the reset email to a known user, by email or id', async () => {
    const before = running.sim.state.passwordResets.length;

    expect(
      await api(running.url, 'ResetPassword', { email: 'SAM@kraken.example' }),
    ).toEqual({ result: 'success' });
    expect(await api(running.url, 'ResetPassword', { id: '1' })).toEqual({
      result: 'success',
    });
    expect(running.sim.state.passwordResets.slice(before).map((r) => r.userId)).toEqual([
      2, 1,
    ]);
  });

  it.each([
    [{ email: 'nobody@kraken.example' }, 'User Not Found'],
    [{ email: 'not an email' }, 'Please provide a valid email address'],
    [{}, 'Please enter the email address or provide the id'],
  ])('refuses %j: %s', async (fields, message) => {
    const before = running.sim.state.passwordResets.length;

    expect(await api(running.url, 'ResetPassword', fields)).toEqual({
      result: 'error',
      message,
    });
    expect(running.sim.state.passwordResets).toHaveLength(before);
  });
});
