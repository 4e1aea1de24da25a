import { describe, expect, it } from 'vitest';
import { profileParams, updateClient } from '@/lib/whmcs/clients';
import { getEmail, listEmails } from '@/lib/whmcs/emails';
import { WhmcsInvalidError, WhmcsNotFoundError } from '@/lib/whmcs/errors';
import type { ProfileChanges } from '@/lib/whmcs/types';
import { requestPasswordReset } from '@/lib/whmcs/users';
import { exampleText } from '../support/whmcs-examples';
import { fakeWhmcs, json, raw } from '../support/whmcs-fake';

// The profile's WHMCS calls: UpdateClient sends the listed fields and nothing
// else; an email is found only on the client's own list; a password reset
// tells "sent" and "no such user" apart for the caller to hide.

const whmcs = fakeWhmcs();
const example = (file: string) => raw(exampleText(file), 'application/json');
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

const emailRow = (id: number, userid = 7) => ({
  id,
  userid,
  subject: `Email ${id}`,
  message: `<p>Body ${id}</p>`,
  date: '2026-06-01 10:00:00',
  to: 'Ann <ann@example.net>',
  cc: '',
  bcc: '',
  attachments: null,
});
const emailPage = (rows: ReturnType<typeof emailRow>[], total = rows.length, start = 0) =>
  json({
    result: 'success',
    totalresults: total,
    startnumber: start,
    numreturned: rows.length,
    emails: { email: rows },
  });

describe('UpdateClient', () => {
  it('sends the client id and the changed fields under their WHMCS names', async () => {
    whmcs.answer(json({ result: 'success', clientid: '7' }));

    await updateClient(7, {
      city: 'Lyon',
      countryCode: 'FR',
      phone: '+33 4 00 00 00 00',
      taxId: 'FR123',
      address2: '',
    });

    expect(Object.fromEntries(whmcs.seen[0]!.form)).toMatchObject({
      action: 'UpdateClient',
      clientid: '7',
      city: 'Lyon',
      country: 'FR',
      phonenumber: '+33 4 00 00 00 00',
      tax_id: 'FR123',
      address2: '',
    });
  });

  it('never sends a field outside the list, however it got into the object', () => {
    const forged = {
      city: 'Lyon',
      status: 'Closed',
      credit: '1000.00',
      clientid: 1,
      notes: 'vip',
      groupid: 2,
      skipvalidation: true,
    } as unknown as ProfileChanges;

    expect(profileParams(7, forged)).toEqual({ clientid: 7, city: 'Lyon' });
  });

  it('refuses an answer that names another client', async () => {
    whmcs.answer(json({ result: 'success', clientid: '8' }));

    expect(await failure(updateClient(7, { city: 'Lyon' }))).toBeInstanceOf(
      WhmcsInvalidError,
    );
  });

  it('parses the official example', async () => {
    whmcs.answer(example('UpdateClient.json'));

    await expect(updateClient(1, { city: 'Lyon' })).resolves.toBeUndefined();
  });
});

describe('the email log', () => {
  it('lists a page of the client’s emails with the HTML kept aside', async () => {
    whmcs.answer(emailPage([emailRow(3), emailRow(2)], 9, 20));

    const page = await listEmails(7, { offset: 20, limit: 20 });

    expect(page.total).toBe(9);
    expect(page.items[0]).toEqual({
      id: 3,
      subject: 'Email 3',
      sentAt: new Date('2026-06-01T10:00:00Z'),
      to: 'Ann <ann@example.net>',
      cc: '',
      html: '<p>Body 3</p>',
    });
    expect(Object.fromEntries(whmcs.seen[0]!.form)).toMatchObject({
      clientid: '7',
      limitstart: '20',
      limitnum: '20',
    });
  });

  it('refuses a list holding another client’s email', async () => {
    whmcs.answer(emailPage([emailRow(3), emailRow(2, 8)]));

    expect(await failure(listEmails(7))).toBeInstanceOf(WhmcsInvalidError);
  });

  it('finds one email where the list showed it', async () => {
    whmcs.answer(emailPage([emailRow(30), emailRow(29)], 300, 15));

    expect((await getEmail(7, 29, 40)).html).toBe('<p>Body 29</p>');
    expect(whmcs.seen).toHaveLength(1);
    expect(whmcs.seen[0]!.form.get('limitstart')).toBe('15');
  });

  it('reads from the newest when it is not near the hint', async () => {
    whmcs.answer(
      emailPage([emailRow(50)], 150, 0),
      emailPage([emailRow(60)], 150, 0),
      emailPage([emailRow(9)], 150, 100),
    );

    expect((await getEmail(7, 9, 30)).id).toBe(9);
    expect(whmcs.seen.map((s) => s.form.get('limitstart'))).toEqual(['5', '0', '100']);
  });

  it('reads an id that is not on the client’s list as missing', async () => {
    whmcs.answer(emailPage([emailRow(3), emailRow(2)]));

    expect(await failure(getEmail(7, 999))).toBeInstanceOf(WhmcsNotFoundError);
    expect(whmcs.seen).toHaveLength(1);
  });

  it.each([0, -1, 1.5])('asks nothing for the id %s', async (id) => {
    expect(await failure(getEmail(7, id))).toBeInstanceOf(WhmcsNotFoundError);
    expect(whmcs.seen).toHaveLength(0);
  });

  it('parses the official example', async () => {
    whmcs.answer(example('GetEmails.json'));

    const [email] = (await listEmails(7)).items;

    expect(email?.subject).toBe('Five great years with Hosting Company, Inc.!');
    expect(email?.html).toMatch(/^<!DOCTYPE html/);
  });
});

describe('ResetPassword', () => {
  it('says sent when WHMCS sent the email', async () => {
    whmcs.answer(example('ResetPassword.json'));

    expect(await requestPasswordReset('ann@example.net')).toBe('sent');
    expect(Object.fromEntries(whmcs.seen[0]!.form)).toMatchObject({
      action: 'ResetPassword',
      email: 'ann@example.net',
    });
  });

  it('tells an unknown user and an address WHMCS refused apart, for the caller to hide', async () => {
    whmcs.answer(
      json({ result: 'error', message: 'User Not Found' }),
      json({ result: 'error', message: 'Please provide a valid email address' }),
    );

    expect(await requestPasswordReset('nobody@example.net')).toBe('unknown');
    expect(await requestPasswordReset('odd@example')).toBe('invalid');
  });

  it('is never sent twice, even when the answer is lost', async () => {
    whmcs.answer(raw('', 'text/html', 502));

    await expect(requestPasswordReset('ann@example.net')).rejects.toMatchObject({
      kind: 'uncertain',
    });
    expect(whmcs.seen).toHaveLength(1);
  });
});
