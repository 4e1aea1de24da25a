import '../support/next-cookies';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { cookieName, REALMS } from '@/lib/auth/realm';
import { startCustomerSession } from '@/lib/auth/session';
import { verifyCustomerToken } from '@/lib/auth/token';
import {
  customerAction,
  MESSAGES,
  type CustomerActionSpec,
} from '@/lib/portal/customer-action';
import { idleState, type FormState } from '@/lib/portal/form-state';
import { markProved } from '@/lib/portal/step-up';
import { store } from '@/lib/store';
import { StoreUnavailableError } from '@/lib/store/types';
import {
  WhmcsNotFoundError,
  WhmcsRefusedError,
  WhmcsUncertainError,
  WhmcsUnavailableError,
} from '@/lib/whmcs/errors';
import type { Permission } from '@/lib/whmcs/types';
import { resetBrowser, resetStore } from '../support/admin';
import { jar } from '../support/next-cookies';
import { HttpResponse } from 'msw';
import { fakeWhmcs } from '../support/whmcs-fake';

// The one way a customer changes anything: each refusal happens before the
// change runs, a repeated submission never runs it twice, and every change is
// on the activity trail.

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';
const whmcs = fakeWhmcs();

beforeEach(() => {
  resetStore();
  resetBrowser();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

type Signed = { sid: string };

/** WHMCS's view of user 7 on client 3: owner or not, its rights, or not on the account. */
function whmcsSays(
  account: { isOwner: boolean; permissions?: Permission[]; linked?: boolean },
  rights: 'answer' | 'down' = 'answer',
) {
  const clients = account.linked === false ? [] : [{ id: 3, isOwner: account.isOwner }];
  whmcs.answer((sent) => {
    if (sent.get('action') === 'GetUsers') {
      return HttpResponse.json({
        result: 'success',
        totalresults: 2,
        startnumber: 0,
        numreturned: 2,
        users: [
          {
            id: 7,
            firstname: 'Alice',
            lastname: 'M',
            email: 'alice@kraken.example',
            clients,
          },
          {
            id: 8,
            firstname: 'Bob',
            lastname: 'B',
            email: 'bob@kraken.example',
            clients: [{ id: 5, isOwner: true }],
          },
        ],
      });
    }
    if (rights === 'down')
      return HttpResponse.json({ result: 'error', message: 'down' }, { status: 503 });
    return HttpResponse.json({
      result: 'success',
      permissions: account.permissions ?? [],
    });
  });
}

async function signedIn(
  account: { isOwner: boolean; permissions?: Permission[] } = { isOwner: true },
  authAt = Math.floor(Date.now() / 1000),
): Promise<Signed> {
  // A non-owner's rights are read from WHMCS when the session starts, and the
  // login's place on the account again for every change.
  whmcsSays(account);
  await startCustomerSession(
    {
      userId: 7,
      email: 'alice@kraken.example',
      account: { clientId: 3, ...account },
      authAt,
    },
    { ip: '192.0.2.7', userAgent: 'Firefox' },
  );
  const token = jar.get(cookieName(REALMS.customer))?.value;
  return { sid: (await verifyCustomerToken(REALMS.customer, token))?.sid ?? '' };
}

const replyInput = z
  .object({
    ticketId: z.coerce.number().int().positive(),
    message: z.string().trim().min(1, 'Write a message.').max(10_000),
  })
  .strict();

function spec(
  run: CustomerActionSpec<typeof replyInput>['run'],
  extra: Partial<CustomerActionSpec<typeof replyInput>> = {},
): CustomerActionSpec<typeof replyInput> {
  return {
    action: 'ticket.reply',
    input: replyInput,
    fields: ['ticketId', 'message'],
    target: (input) => `ticket:${input.ticketId}`,
    run,
    ...extra,
  };
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

async function interruption(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  return (error as { digest?: string } | null)?.digest ?? 'none';
}

const start = (submission = randomUUID()): FormState => idleState(submission);

describe('refusals before anything runs', () => {
  it('answers 403 to a non-owner without the right, and never runs', async () => {
    await signedIn({ isOwner: false, permissions: ['invoices'] });
    const run = vi.fn();

    const digest = await interruption(
      customerAction(
        start(),
        form({ ticketId: '4', message: 'hi' }),
        spec(run, { permission: 'tickets' }),
      ),
    );

    expect(digest).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(run).not.toHaveBeenCalled();
  });

  it('lets a non-owner with the right through', async () => {
    await signedIn({ isOwner: false, permissions: ['tickets'] });
    const run = vi.fn(async () => ({ message: 'Reply sent.' }));

    const state = await customerAction(
      start(),
      form({ ticketId: '4', message: 'hi' }),
      spec(run, { permission: 'tickets' }),
    );

    expect(state.status).toBe('done');
    expect(run).toHaveBeenCalledOnce();
  });

  it('answers 403 once WHMCS has taken the right away, though the token still has it', async () => {
    await signedIn({ isOwner: false, permissions: ['tickets'] });
    whmcsSays({ isOwner: false, permissions: ['invoices'] });
    const run = vi.fn();

    const digest = await interruption(
      customerAction(
        start(),
        form({ ticketId: '4', message: 'hi' }),
        spec(run, { permission: 'tickets' }),
      ),
    );

    expect(digest).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(run).not.toHaveBeenCalled();
  });

  it('runs nothing when WHMCS cannot confirm the right, and keeps the text', async () => {
    await signedIn({ isOwner: false, permissions: ['tickets'] });
    whmcsSays({ isOwner: false, permissions: ['tickets'] }, 'down');
    const run = vi.fn();

    const state = await customerAction(
      start(),
      form({ ticketId: '4', message: 'keep me' }),
      spec(run, { permission: 'tickets' }),
    );

    expect(state).toMatchObject({ status: 'error', message: MESSAGES.unavailable });
    expect(state.values.message).toBe('keep me');
    expect(run).not.toHaveBeenCalled();
  });

  it('answers 403 to an owner whom WHMCS has since made a non-owner without the right', async () => {
    await signedIn({ isOwner: true });
    whmcsSays({ isOwner: false, permissions: [] });
    const run = vi.fn();

    const digest = await interruption(
      customerAction(
        start(),
        form({ ticketId: '4', message: 'hi' }),
        spec(run, { permission: 'tickets' }),
      ),
    );

    expect(digest).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(run).not.toHaveBeenCalled();
  });

  it('answers 403 to a login WHMCS has taken off the account, for any change', async () => {
    await signedIn({ isOwner: true });
    whmcsSays({ isOwner: true, linked: false });
    const run = vi.fn();

    const digest = await interruption(
      customerAction(start(), form({ ticketId: '4', message: 'hi' }), spec(run)),
    );

    expect(digest).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(run).not.toHaveBeenCalled();
  });

  it('sends the person to sign in when there is no session', async () => {
    const run = vi.fn();

    const digest = await interruption(
      customerAction(start(), form({ ticketId: '4', message: 'hi' }), spec(run)),
    );

    expect(digest).toMatch(/^NEXT_REDIRECT;replace;\/login/);
    expect(run).not.toHaveBeenCalled();
  });

  it('names the bad field, keeps what was typed, and runs nothing', async () => {
    await signedIn();
    const run = vi.fn();

    const state = await customerAction(
      start(),
      form({ ticketId: '4', message: '   ' }),
      spec(run),
    );

    expect(state).toMatchObject({
      status: 'error',
      problems: { message: 'Write a message.' },
      values: { ticketId: '4', message: '   ' },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses a form carrying a field it does not list, and runs nothing', async () => {
    await signedIn();
    const run = vi.fn();

    const state = await customerAction(
      start(),
      form({ ticketId: '4', message: 'hi', clientid: '99', userid: '1' }),
      spec(run),
    );

    expect(state).toMatchObject({ status: 'error', message: MESSAGES.forged });
    expect(run).not.toHaveBeenCalled();
  });

  it("accepts the submission key and Next's own action fields next to the listed ones", async () => {
    await signedIn();
    const run = vi.fn(async (input: z.output<typeof replyInput>) => ({
      message: JSON.stringify(input),
    }));

    const state = await customerAction(
      start(),
      form({
        ticketId: '4',
        message: 'hi',
        submission: randomUUID(),
        $ACTION_ID_abc: '',
        $ACTION_REF_1: '',
      }),
      spec(run),
    );

    expect(JSON.parse(state.message)).toEqual({ ticketId: 4, message: 'hi' });
  });

  it("answers 404 for another client's record, as for a missing one", async () => {
    await signedIn();
    const write = vi.fn();
    const run = vi.fn(async () => {
      throw new WhmcsNotFoundError('GetTicket', 'not this client');
    });

    const digest = await interruption(
      customerAction(start(), form({ ticketId: '4', message: 'hi' }), spec(run)),
    );

    expect(digest).toBe('NEXT_HTTP_ERROR_FALLBACK;404');
    expect(write).not.toHaveBeenCalled();
  });

  it('does not run when its activity entry cannot be written', async () => {
    await signedIn();
    vi.spyOn(store().audit, 'append').mockRejectedValue(
      new StoreUnavailableError('down'),
    );
    const run = vi.fn();

    const state = await customerAction(
      start(),
      form({ ticketId: '4', message: 'kept' }),
      spec(run),
    );

    expect(run).not.toHaveBeenCalled();
    expect(state).toMatchObject({ status: 'error', message: MESSAGES.store });
    expect(state.values.message).toBe('kept');
  });
});

describe('step-up', () => {
  it('asks a session signed in long ago to confirm, coming back to the page', async () => {
    const longAgo = Math.floor(Date.now() / 1000) - 11 * 60;
    vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
    await signedIn({ isOwner: true }, longAgo);
    const run = vi.fn();

    const digest = await interruption(
      customerAction(
        start(),
        form({ ticketId: '4', message: 'hi' }),
        spec(run, { stepUp: (input) => `/tickets/${input.ticketId}` }),
      ),
    );

    expect(digest).toContain('/account/confirm?next=%2Ftickets%2F4');
    expect(run).not.toHaveBeenCalled();
  });

  it('lets a stale session through when the input needs no step-up', async () => {
    const longAgo = Math.floor(Date.now() / 1000) - 11 * 60;
    await signedIn({ isOwner: true }, longAgo);
    const run = vi.fn(async () => ({ message: 'ok' }));

    const state = await customerAction(
      start(),
      form({ ticketId: '4', message: 'hi' }),
      spec(run, { stepUp: () => null }),
    );

    expect(state.status).toBe('done');
    expect(run).toHaveBeenCalledOnce();
  });

  it('runs nothing when WHMCS cannot say whether the input needs a step-up', async () => {
    await signedIn({ isOwner: true }, Math.floor(Date.now() / 1000) - 11 * 60);
    const run = vi.fn();
    const stepUp = async () => {
      throw new WhmcsUnavailableError('GetClientsDetails', 'breaker open');
    };

    const state = await customerAction(
      start(),
      form({ ticketId: '4', message: 'keep me' }),
      spec(run, { stepUp }),
    );

    expect(state).toMatchObject({ status: 'error', message: MESSAGES.unavailable });
    expect(state.values).toMatchObject({ message: 'keep me' });
    expect(run).not.toHaveBeenCalled();
  });

  it('lets a fresh sign-in, or a recent confirmation, through', async () => {
    const longAgo = Math.floor(Date.now() / 1000) - 11 * 60;
    const stale = await signedIn({ isOwner: true }, longAgo);
    const run = vi.fn(async () => ({ message: 'ok' }));
    const stepUp = () => '/tickets/4';

    await markProved(stale.sid);
    const state = await customerAction(
      start(),
      form({ ticketId: '4', message: 'hi' }),
      spec(run, { stepUp }),
    );

    expect(state.status).toBe('done');
  });

  it('stops honouring a confirmation after the window', async () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
    const longAgo = Math.floor(Date.now() / 1000) - 11 * 60;
    const stale = await signedIn({ isOwner: true }, longAgo);
    await markProved(stale.sid);
    vi.setSystemTime(Date.now() + 11 * 60_000);
    const run = vi.fn();

    const digest = await interruption(
      customerAction(
        start(),
        form({ ticketId: '4', message: 'hi' }),
        spec(run, { stepUp: () => '/tickets/4' }),
      ),
    );

    expect(digest).toContain('/account/confirm');
    expect(run).not.toHaveBeenCalled();
  });
});

describe('a submission key', () => {
  const submitted = (key: string) =>
    form({ ticketId: '4', message: 'hello', submission: key });

  it('runs a repeated submission once and answers the repeat the same', async () => {
    await signedIn();
    const run = vi.fn(async () => ({ message: 'Reply sent.', href: '/tickets/4' }));
    const key = randomUUID();
    const once = spec(run, { idempotent: true });

    const first = await customerAction(start(key), submitted(key), once);
    const again = await customerAction(start(key), submitted(key), once);

    expect(run).toHaveBeenCalledOnce();
    expect(again).toEqual(first);
    expect(first.status).toBe('done');
    expect(first.submission).not.toBe(key);
  });

  it('runs once when two copies arrive together (a double click)', async () => {
    await signedIn();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const run = vi.fn(async () => {
      await gate;
      return { message: 'Reply sent.' };
    });
    const key = randomUUID();
    const once = spec(run, { idempotent: true });

    const first = customerAction(start(key), submitted(key), once);
    const second = customerAction(start(key), submitted(key), once);
    await vi.waitFor(() => expect(run).toHaveBeenCalled());
    release();
    const states = await Promise.all([first, second]);

    expect(run).toHaveBeenCalledOnce();
    expect(states.map((s) => s.status).sort()).toEqual(['done', 'error']);
    expect(states.find((s) => s.status === 'error')?.message).toBe(MESSAGES.busy);
  });

  it('never runs again after an answer was lost, and says it may have gone through', async () => {
    await signedIn();
    const run = vi.fn(async () => {
      throw new WhmcsUncertainError('AddTicketReply', 'timeout after sending');
    });
    const key = randomUUID();
    const once = spec(run, { idempotent: true });

    const first = await customerAction(start(key), submitted(key), once);
    const again = await customerAction(start(key), submitted(key), once);

    expect(run).toHaveBeenCalledOnce();
    expect(first).toMatchObject({ status: 'error', message: MESSAGES.uncertain });
    expect(again).toEqual(first);
    expect(first.values.message).toBe('hello');
    // The answer kept for repeats holds no typed text.
    const kept = await store().counters.recall(`submission:7:3:ticket.reply:${key}`);
    expect(kept).toContain(MESSAGES.uncertain);
    expect(kept).not.toContain('hello');
  });

  it('hands out a new key after a failure that sent nothing', async () => {
    await signedIn();
    const run = vi
      .fn<CustomerActionSpec<typeof replyInput>['run']>()
      .mockRejectedValueOnce(new WhmcsUnavailableError('AddTicketReply', 'breaker open'))
      .mockResolvedValueOnce({ message: 'Reply sent.' });
    const key = randomUUID();
    const once = spec(run, { idempotent: true });

    const failed = await customerAction(start(key), submitted(key), once);
    const retried = await customerAction(failed, submitted(failed.submission), once);

    expect(failed).toMatchObject({ status: 'error', message: MESSAGES.unavailable });
    expect(failed.submission).not.toBe(key);
    expect(retried.status).toBe('done');
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('refuses an idempotent form without a valid key rather than run it unguarded', async () => {
    await signedIn();
    const run = vi.fn();

    const state = await customerAction(
      start(),
      form({ ticketId: '4', message: 'x', submission: 'not-a-uuid' }),
      spec(run, { idempotent: true }),
    );

    expect(state.status).toBe('error');
    expect(run).not.toHaveBeenCalled();
  });

  it("keeps one customer's key apart from another's", async () => {
    await signedIn();
    const run = vi.fn(async () => ({ message: 'ok' }));
    const key = randomUUID();
    await customerAction(start(key), submitted(key), spec(run, { idempotent: true }));
    resetBrowser();
    await startCustomerSession(
      {
        userId: 8,
        email: 'bob@kraken.example',
        account: { clientId: 5, isOwner: true },
        authAt: Math.floor(Date.now() / 1000),
      },
      { ip: '192.0.2.8', userAgent: 'Firefox' },
    );

    await customerAction(start(key), submitted(key), spec(run, { idempotent: true }));

    expect(run).toHaveBeenCalledTimes(2);
  });
});

describe('the activity trail', () => {
  it('records who changed what, before and after, with the client account', async () => {
    await signedIn();
    const run = vi.fn(async () => ({ message: 'Reply sent.' }));

    await customerAction(start(), form({ ticketId: '4', message: 'hi' }), spec(run));
    const entries = await store().audit.list({ actor: 'customer:7', limit: 10 });

    expect(
      entries.map((e) => [e.action, e.target, e.outcome, e.detail.clientId]),
    ).toEqual([
      ['ticket.reply', 'ticket:4', 'success', 3],
      ['ticket.reply', 'ticket:4', 'attempt', 3],
    ]);
  });

  it('records a refusal as not done, with a friendly message', async () => {
    await signedIn();
    const run = vi.fn(async () => {
      throw new WhmcsRefusedError('AddTicketReply', 'refused', {
        whmcsMessage: 'Ticket ID Not Found',
      });
    });

    const state = await customerAction(
      start(),
      form({ ticketId: '4', message: 'hi' }),
      spec(run, { refusal: () => 'That ticket is closed to replies.' }),
    );
    const [latest] = await store().audit.list({ actor: 'customer:7', limit: 1 });

    expect(state.message).toBe('That ticket is closed to replies.');
    expect(state.message).not.toContain('Ticket ID Not Found');
    expect(latest).toMatchObject({
      outcome: 'failure',
      detail: { error: 'WhmcsRefusedError' },
    });
  });
});
