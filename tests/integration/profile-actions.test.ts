import '../support/next-cookies';
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { currentCustomer } from '@/lib/auth/guards';
import { saveProfile } from '@/lib/portal/profile-actions';
import { markProved } from '@/lib/portal/step-up';
import { MESSAGES } from '@/lib/portal/customer-action';
import { store } from '@/lib/store';
import {
  actionStack,
  DEMO,
  ending,
  expectState,
  formOf,
  fresh,
  signInAs,
} from '../support/portal-actions';

// The profile form against the simulator: UpdateClient gets the session's own
// client and only the fields that changed; WHMCS's refusals come back in the
// customer's words with nothing changed; fields outside the list, a user
// without the profile right and bad input never reach WHMCS.

vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { sim, callsOf, mark } = actionStack();

const client = (id: number) => {
  const found = sim.state.clients.find((c) => c.id === id);
  if (!found) throw new Error(`no client ${id}`);
  return found;
};

/** The form as the page fills it for client `id`, with `changes` typed over it. */
function profileForm(id: number, changes: Record<string, string> = {}) {
  const c = client(id);
  return formOf({
    submission: randomUUID(),
    firstName: c.firstname,
    lastName: c.lastname,
    companyName: c.companyname,
    email: c.email,
    address1: c.address1,
    address2: c.address2,
    city: c.city,
    state: c.state,
    postcode: c.postcode,
    countryCode: c.countrycode,
    phone: c.phonenumber,
    taxId: c.taxId,
    ...changes,
  });
}

/** The parameters the simulator received with a call (its request key). */
const sent = (call: { request: string }) =>
  Object.fromEntries(new URLSearchParams(call.request));

describe('saving contact details', () => {
  it('sends UpdateClient the changed fields only, for the session’s client', async () => {
    await signInAs(DEMO.alice);
    const before = mark();

    const ended = await ending(
      saveProfile(
        fresh(),
        profileForm(1, { city: ' Marseille ', phone: '+33 4 91 00 00 00' }),
      ),
    );

    expect(expectState(ended)).toMatchObject({
      status: 'done',
      message: 'Your contact details were saved.',
    });
    const [update] = callsOf('UpdateClient', before);
    expect(sent(update!)).toEqual({
      action: 'UpdateClient',
      clientid: '1',
      city: 'Marseille',
      phonenumber: '+33 4 91 00 00 00',
    });
    expect(client(1)).toMatchObject({
      city: 'Marseille',
      phonenumber: '+33 4 91 00 00 00',
    });
    const trail = await store().audit.list({ actor: 'customer:1', limit: 2 });
    expect(trail.map((e) => [e.action, e.outcome])).toEqual([
      ['profile.update', 'success'],
      ['profile.update', 'attempt'],
    ]);
  });

  it('writes nothing when nothing changed', async () => {
    await signInAs(DEMO.alice);
    const before = mark();

    const ended = await ending(saveProfile(fresh(), profileForm(1)));

    expect(expectState(ended).message).toMatch(/Nothing to save/);
    expect(callsOf('UpdateClient', before)).toHaveLength(0);
  });

  it('sends a repeated submission once', async () => {
    await signInAs(DEMO.alice);
    const form = profileForm(1, { address2: 'Atelier 3' });
    const before = mark();

    const first = expectState(await ending(saveProfile(fresh(), form)));
    const again = expectState(await ending(saveProfile(fresh(), form)));

    expect(again).toEqual(first);
    expect(callsOf('UpdateClient', before)).toHaveLength(1);
  });

  it('says so when WHMCS finds the email on another account, changing nothing', async () => {
    await signInAs(DEMO.alice);
    const was = { ...client(1) };

    const ended = await ending(
      saveProfile(fresh(), profileForm(1, { email: 'SAM@kraken.example', city: 'Nice' })),
    );

    const state = expectState(ended);
    expect(state.status).toBe('error');
    expect(state.message).toMatch(/Another account already uses this email address/);
    expect(state.values.city).toBe('Nice');
    expect(client(1)).toEqual(was);
  });

  it.each([
    ['email', 'not-an-email', /email address like/],
    ['firstName', '', /Enter your first name/],
    ['city', 'Lyon\nINJECTED', /on one line/],
    ['countryCode', 'XX', /Choose a country/],
    ['countryCode', 'fr', /Choose a country/],
    ['phone', '+33 4 CALL ME', /digits, spaces/],
    ['phone', '33+4', /only at the start/],
    ['postcode', '69002;DROP', /letters, digits/],
    ['companyName', 'x'.repeat(101), /at most 100/],
  ])('refuses %s = %j before asking WHMCS anything', async (field, value, problem) => {
    await signInAs(DEMO.alice);
    const before = mark();

    const ended = await ending(saveProfile(fresh(), profileForm(1, { [field]: value })));

    const state = expectState(ended);
    expect(state.problems[field]).toMatch(problem);
    expect(state.values[field]).toBe(value);
    expect(sim.calls.slice(before)).toHaveLength(0);
  });

  it.each([
    ['status', 'Closed'],
    ['credit', '1000.00'],
    ['clientid', '2'],
    ['clientId', '2'],
    ['notes', 'VIP, never suspend'],
    ['groupid', '3'],
    ['taxexempt', '1'],
  ])('refuses a form carrying %s, and nothing reaches WHMCS', async (field, value) => {
    await signInAs(DEMO.alice);
    const was = { ...client(1) };
    const other = { ...client(2) };
    const before = mark();

    const ended = await ending(
      saveProfile(fresh(), profileForm(1, { city: 'Nantes', [field]: value })),
    );

    expect(expectState(ended)).toMatchObject({
      status: 'error',
      message: MESSAGES.forged,
    });
    expect(sim.calls.slice(before)).toHaveLength(0);
    expect(client(1)).toEqual(was);
    expect(client(2)).toEqual(other);
  });

  it('refuses a user without the profile right with 403, asking WHMCS nothing', async () => {
    await signInAs(DEMO.contractor);
    const before = mark();

    const ended = await ending(saveProfile(fresh(), profileForm(1, { city: 'Nantes' })));

    expect(ended).toEqual({ kind: 'status', status: 403 });
    expect(sim.calls.slice(before)).toHaveLength(0);
  });

  it('lets a non-owner whom WHMCS gave the profile right save', async () => {
    const link = sim.state.users.find((u) => u.id === 3)?.links[0];
    link?.permissions.push('profile');
    try {
      await signInAs(DEMO.contractor);

      const ended = await ending(saveProfile(fresh(), profileForm(1, { state: 'Var' })));

      expect(expectState(ended).status).toBe('done');
      expect(client(1).state).toBe('Var');
    } finally {
      link?.permissions.pop();
    }
  });

  it('changes the signed-in account, never another', async () => {
    await signInAs(DEMO.sam);
    const alice = { ...client(1) };

    // Client 1's values typed into Sam's form: they land on Sam's account (2).
    const ended = await ending(
      saveProfile(fresh(), profileForm(1, { email: 'sam@kraken.example' })),
    );

    expect(expectState(ended).status).toBe('done');
    expect(client(1)).toEqual(alice);
    expect(client(2)).toMatchObject({ city: alice.city, address1: alice.address1 });
  });
});

// Someone holding a session that signed in long ago (a stolen cookie, an
// unattended browser) points the account's email at an address of theirs,
// where WHMCS would then send password resets.
describe('changing the email address', () => {
  const STALE = 11 * 60;
  const CONFIRM = `/account/confirm?next=${encodeURIComponent('/account/profile')}`;

  it('sends a stale session to confirm first, and WHMCS receives no write', async () => {
    await signInAs(DEMO.alice, STALE);
    const email = client(1).email;
    const before = mark();

    const ended = await ending(
      saveProfile(fresh(), profileForm(1, { email: 'attacker@evil.example' })),
    );

    expect(ended).toEqual({ kind: 'redirect', to: CONFIRM });
    expect(callsOf('UpdateClient', before)).toHaveLength(0);
    expect(client(1).email).toBe(email);
    expect(await store().audit.list({ action: 'profile.update', limit: 1 })).toEqual([]);
  });

  it('asks for the confirmation however the new address is dressed up or hidden among other changes', async () => {
    await signInAs(DEMO.alice, STALE);
    const before = mark();

    for (const changes of <Record<string, string>[]>[
      { email: `  ${client(1).email.toUpperCase()}  ` },
      { email: 'attacker@evil.example', city: 'Lyon', phone: '+33 1 00 00 00 00' },
    ])
      expect(await ending(saveProfile(fresh(), profileForm(1, changes)))).toEqual({
        kind: 'redirect',
        to: CONFIRM,
      });
    expect(callsOf('UpdateClient', before)).toHaveLength(0);
  });

  it('saves other fields from a stale session without asking', async () => {
    await signInAs(DEMO.alice, STALE);
    const before = mark();

    const ended = await ending(saveProfile(fresh(), profileForm(1, { city: 'Lyon' })));

    expect(expectState(ended).status).toBe('done');
    expect(callsOf('UpdateClient', before).map(sent)).toEqual([
      { action: 'UpdateClient', clientid: '1', city: 'Lyon' },
    ]);
  });

  it('changes the email once the person has confirmed', async () => {
    await signInAs(DEMO.alice, STALE);
    const session = await currentCustomer();
    await markProved(session!.sid);

    const ended = await ending(
      saveProfile(fresh(), profileForm(1, { email: 'alice.new@kraken.example' })),
    );

    expect(expectState(ended).status).toBe('done');
    expect(client(1).email).toBe('alice.new@kraken.example');
  });
});
