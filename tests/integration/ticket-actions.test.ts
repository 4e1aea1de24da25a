import '../support/next-cookies';
import { randomUUID } from 'node:crypto';
import { setupServer } from 'msw/node';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
} from 'vitest';
import { startCustomerSession } from '@/lib/auth/session';
import { MESSAGES } from '@/lib/portal/customer-action';
import { idleState, problemLines, type FormState } from '@/lib/portal/form-state';
import {
  closeTicketAction,
  openTicketAction,
  replyToTicketAction,
} from '@/lib/portal/ticket-actions';
import { store } from '@/lib/store';
import { clearCatalog } from '@/lib/whmcs/catalog-cache';
import { createSimulator } from '@/whmcs-sim/core';
import { createFaults } from '@/whmcs-sim/faults';
import { whmcsHandlers } from '@/whmcs-sim/msw';
import { resetBrowser, resetStore } from '../support/admin';
import { ending } from '../support/portal-actions';
import { TEST_NOW } from '../support/sim-http';

// The ticket actions end to end below the browser: the real server actions,
// session, activity trail and WHMCS client, against the simulator (through
// msw, with its faults). "The simulator received no write" is read from its
// own list of calls.

vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';
process.env.WHMCS_TIMEOUT_MS = '300';

const credentials = { identifier: 'test-identifier', secret: 'test-secret' };
const sim = createSimulator({ now: TEST_NOW, credentials });
const faults = createFaults();
const server = setupServer(...whmcsHandlers(sim, 'http://127.0.0.1:9/', { faults }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  resetStore();
  resetBrowser();
  clearCatalog();
});
afterEach(() => {
  faults.clear();
  vi.clearAllMocks();
});
afterAll(() => server.close());

const ALICE = { userId: 1, email: 'alice@kraken.example', clientId: 1, isOwner: true };
const CONTRACTOR = {
  userId: 3,
  email: 'contractor@kraken.example',
  clientId: 1,
  isOwner: false,
};

async function signIn(who: typeof ALICE) {
  const { userId, email, clientId, isOwner } = who;
  await startCustomerSession(
    {
      userId,
      email,
      account: { clientId, isOwner },
      authAt: Math.floor(Date.now() / 1000),
    },
    { ip: '192.0.2.7', userAgent: 'Firefox' },
  );
}

const writes = (action: string) => sim.calls.filter((c) => c.action === action).length;
const ticketOf = (clientId: number) => {
  const found = sim.state.tickets.find((t) => t.clientId === clientId);
  if (!found) throw new Error(`no ticket of client ${clientId}`);
  return found;
};
const serviceOf = (clientId: number) => {
  const found = sim.state.services.find((s) => s.clientId === clientId);
  if (!found) throw new Error(`no service of client ${clientId}`);
  return found;
};

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const file = (name: string, content: Uint8Array | string) =>
  new File([typeof content === 'string' ? content : Buffer.from(content)], name);

function form(fields: Record<string, string | File | File[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of [value].flat()) data.append(name, item);
  }
  return data;
}

/** A new ticket's form as the browser posts it, with no file chosen. */
const openForm = (extra: Record<string, string | File | File[]> = {}) =>
  form({
    submission: randomUUID(),
    departmentId: '2',
    priority: 'High',
    serviceId: '',
    subject: 'Site down after update',
    message: 'It shows **500** since this morning.',
    attachments: new File([], ''),
    ...extra,
  });

const replyForm = (
  ticketId: number,
  extra: Record<string, string | File | File[]> = {},
) =>
  form({
    submission: randomUUID(),
    ticketId: String(ticketId),
    message: 'Any news?',
    attachments: new File([], ''),
    ...extra,
  });

const idle = () => idleState(randomUUID());

/** What a Next.js interruption (notFound, forbidden) a call ended with. */
async function interruption(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  return (error as { digest?: string } | null)?.digest ?? 'none';
}
const NOT_FOUND = 'NEXT_HTTP_ERROR_FALLBACK;404';
const FORBIDDEN = 'NEXT_HTTP_ERROR_FALLBACK;403';

describe('opening a ticket', () => {
  it('opens it for the signed-in user on their account, with Markdown on and files attached', async () => {
    await signIn(CONTRACTOR);
    const before = writes('OpenTicket');

    const ended = await ending(
      openTicketAction(
        idle(),
        openForm({
          serviceId: String(serviceOf(1).id),
          attachments: [file('screen.PNG', PNG), file('error.log', 'line 1\nline 2\n')],
        }),
      ),
    );

    const opened = sim.state.tickets.at(-1);
    // On to the new ticket's page, which says it was just opened.
    expect(ended).toEqual({ kind: 'redirect', to: `/tickets/${opened?.id}?opened=1` });
    expect(writes('OpenTicket') - before).toBe(1);
    expect(opened).toMatchObject({
      clientId: 1,
      deptId: 2,
      priority: 'High',
      subject: 'Site down after update',
      service: `S${serviceOf(1).id}`,
      email: 'contractor@kraken.example',
      requestorType: 'Authorized User',
    });
    const sent = new URLSearchParams(sim.calls.at(-1)?.request);
    expect(sent.get('markdown')).toBe('1');
    expect(sent.get('userid')).toBe('3');
    expect(opened?.messages[0]?.attachment).toMatch(
      /^\d{6}_screen\.png\|\d{6}_error\.log$/,
    );
    expect(opened?.messages[0]?.files).toEqual([
      Buffer.from(PNG).toString('base64'),
      Buffer.from('line 1\nline 2\n').toString('base64'),
    ]);
  });

  it('records the change in the activity trail before it is made', async () => {
    await signIn(ALICE);

    expect((await ending(openTicketAction(idle(), openForm()))).kind).toBe('redirect');

    const entries = await store().audit.list({ action: 'ticket.open', limit: 5 });
    expect(entries.map((e) => [e.actor, e.outcome, e.target])).toEqual([
      ['customer:1', 'success', 'ticket:new'],
      ['customer:1', 'attempt', 'ticket:new'],
    ]);
  });

  it("refuses another client's service with a 404, and opens nothing", async () => {
    await signIn(ALICE);
    const before = writes('OpenTicket');

    const ended = await interruption(
      openTicketAction(idle(), openForm({ serviceId: String(serviceOf(2).id) })),
    );

    expect(ended).toBe(NOT_FOUND);
    expect(writes('OpenTicket')).toBe(before);
  });

  it('refuses a department WHMCS does not list, in words, and opens nothing', async () => {
    await signIn(ALICE);
    const before = writes('OpenTicket');

    const state = await openTicketAction(idle(), openForm({ departmentId: '99' }));

    expect(state.status).toBe('error');
    expect(state.message).toBe('Please choose one of the departments in the list.');
    expect(state.values.subject).toBe('Site down after update');
    expect(writes('OpenTicket')).toBe(before);
  });

  it('says what is missing and keeps what was typed', async () => {
    await signIn(ALICE);

    const state = await openTicketAction(
      idle(),
      openForm({ subject: '   ', priority: 'Urgent' }),
    );

    expect(state.problems).toMatchObject({
      subject: 'Enter a subject.',
      priority: 'Choose a priority.',
    });
    expect(state.values.message).toBe('It shows **500** since this morning.');
  });
});

describe('attachments the server refuses', () => {
  const big = new Uint8Array(2 * 1024 * 1024 + 1);
  big.set(PNG);

  it.each([
    [
      'a type not on the list',
      [file('setup.exe', 'MZ')],
      /“setup\.exe” is not a type of file we accept\. Allowed: \.jpg, .*\.zip\./,
    ],
    [
      'contents that do not match the extension',
      [file('photo.png', '<script>alert(1)</script>')],
      /“photo\.png” was refused: its contents are not a PNG file\./,
    ],
    [
      'a web page named .txt',
      [file('notes.txt', '<html><script>alert(1)</script>')],
      /“notes\.txt” was refused: it looks like a web page, not plain text\./,
    ],
    [
      'a file over 2 MB',
      [file('huge.png', big)],
      /“huge\.png” is 2\.1 MB; each file may be at most 2 MB\./,
    ],
    [
      'six files',
      Array.from({ length: 6 }, (_, i) => file(`s${i}.png`, PNG)),
      /You chose 6 files; attach at most 5\./,
    ],
    [
      'a text field posing as a file',
      ['not a file'],
      /Attach files with the file field\./,
    ],
  ])(
    '%s: names the file and the limit, keeps the text, sends nothing',
    async (_what, files, message) => {
      await signIn(ALICE);
      const before = writes('OpenTicket');

      const state = await openTicketAction(
        idle(),
        openForm({ attachments: files as File[] }),
      );

      expect(state.status).toBe('error');
      expect(state.problems.attachments).toMatch(message);
      expect(state.values).toMatchObject({
        subject: 'Site down after update',
        message: 'It shows **500** since this morning.',
      });
      expect(writes('OpenTicket')).toBe(before);
    },
  );

  it('names every refused file with its reason, not only the first, and sends nothing', async () => {
    await signIn(ALICE);
    const before = writes('OpenTicket');

    const state = await openTicketAction(
      idle(),
      openForm({
        attachments: [
          file('setup.exe', 'MZ'),
          file('fine.png', PNG),
          file('photo.png', '<script>alert(1)</script>'),
          file('notes.txt', '<html><script>alert(1)</script>'),
        ],
      }),
    );

    expect(problemLines(state.problems.attachments ?? '')).toEqual([
      '“setup.exe” is not a type of file we accept. Allowed: .jpg, .jpeg, .png, .gif, .pdf, .txt, .log, .zip.',
      '“photo.png” was refused: its contents are not a PNG file.',
      '“notes.txt” was refused: it looks like a web page, not plain text.',
    ]);
    expect(state.values.subject).toBe('Site down after update');
    expect(writes('OpenTicket')).toBe(before);
  });

  it('refuses a bad file on a reply too, and posts nothing', async () => {
    await signIn(ALICE);
    const before = writes('AddTicketReply');

    const state = await replyToTicketAction(
      idle(),
      replyForm(ticketOf(1).id, { attachments: file('report.pdf', 'not a pdf') }),
    );

    expect(state.problems.attachments).toMatch(/“report\.pdf” was refused/);
    expect(state.values.message).toBe('Any news?');
    expect(writes('AddTicketReply')).toBe(before);
  });
});

describe('replying', () => {
  it('posts the reply as the signed-in user and refreshes the ticket page', async () => {
    const { revalidatePath } = await import('next/cache');
    await signIn(CONTRACTOR);
    const ticket = ticketOf(1);
    const before = writes('AddTicketReply');

    const state = await replyToTicketAction(
      idle(),
      replyForm(ticket.id, { attachments: file('trace.log', 'GET / 500') }),
    );

    expect(state).toMatchObject({ status: 'done', message: 'Your reply was sent.' });
    expect(writes('AddTicketReply') - before).toBe(1);
    expect(ticket.messages.at(-1)).toMatchObject({
      message: 'Any news?',
      name: 'Theo Laurent',
      requestorType: 'Authorized User',
    });
    expect(ticket.messages.at(-1)?.attachment).toMatch(/^\d{6}_trace\.log$/);
    expect(revalidatePath).toHaveBeenCalledWith(`/tickets/${ticket.id}`);
  });

  it("refuses another client's ticket with a 404, and the simulator receives no write", async () => {
    await signIn(ALICE);
    const foreign = ticketOf(2);
    const replies = foreign.messages.length;
    const before = writes('AddTicketReply');

    const ended = await interruption(replyToTicketAction(idle(), replyForm(foreign.id)));

    expect(ended).toBe(NOT_FOUND);
    expect(writes('AddTicketReply')).toBe(before);
    expect(foreign.messages).toHaveLength(replies);
  });
});

describe('closing', () => {
  it('closes the ticket with UpdateTicket', async () => {
    await signIn(ALICE);
    const ticket = sim.state.tickets.find(
      (t) => t.clientId === 1 && t.status !== 'Closed',
    );
    const before = writes('UpdateTicket');

    const state = await closeTicketAction(
      idle(),
      form({ submission: randomUUID(), ticketId: String(ticket?.id) }),
    );

    expect(state.status).toBe('done');
    expect(ticket?.status).toBe('Closed');
    expect(writes('UpdateTicket') - before).toBe(1);
    const sent = new URLSearchParams(sim.calls.at(-1)?.request);
    expect([sent.get('action'), sent.get('status')]).toEqual(['UpdateTicket', 'Closed']);
  });

  it("refuses another client's ticket with a 404, and the simulator receives no write", async () => {
    await signIn(ALICE);
    const foreign = sim.state.tickets.find(
      (t) => t.clientId === 3 && t.status !== 'Closed',
    );
    const before = writes('UpdateTicket');

    const ended = await interruption(
      closeTicketAction(
        idle(),
        form({ submission: randomUUID(), ticketId: String(foreign?.id) }),
      ),
    );

    expect(ended).toBe(NOT_FOUND);
    expect(writes('UpdateTicket')).toBe(before);
    expect(foreign?.status).not.toBe('Closed');
  });
});

describe('fields outside the allowlist', () => {
  // A form carrying any field it does not list is refused as a whole: nothing
  // is read from it and WHMCS receives nothing. The schemas are strict as well
  // (tests/unit/ticket-attachments.test.ts).
  const FORGED = { clientid: '2', userid: '2', contactid: '5', adminusername: 'Marta' };
  const ticketWrites = () =>
    sim.calls.filter((c) =>
      ['AddTicketReply', 'OpenTicket', 'UpdateTicket'].includes(c.action),
    ).length;

  it('a reply with forged client and user fields is refused, and nothing is posted', async () => {
    await signIn(ALICE);
    const ticket = ticketOf(1);
    const before = { writes: ticketWrites(), messages: ticket.messages.length };

    const state = await replyToTicketAction(
      idle(),
      replyForm(ticket.id, { ...FORGED, message: 'Forged fields' }),
    );

    expect(state).toMatchObject({ status: 'error', message: MESSAGES.forged });
    expect(ticketWrites()).toBe(before.writes);
    expect(ticket.messages.length).toBe(before.messages);
  });

  it('a ticket opened with forged fields is refused, and no ticket is opened', async () => {
    await signIn(ALICE);
    const before = { writes: ticketWrites(), tickets: sim.state.tickets.length };

    const state = await openTicketAction(
      idle(),
      openForm({ ...FORGED, subject: 'Forged open' }),
    );

    expect(state).toMatchObject({ status: 'error', message: MESSAGES.forged });
    expect(ticketWrites()).toBe(before.writes);
    expect(sim.state.tickets.length).toBe(before.tickets);
  });

  it("a forged WHMCS ticketid next to the form's ticketId closes nothing", async () => {
    await signIn(ALICE);
    const mine = sim.state.tickets.find((t) => t.clientId === 1 && t.status !== 'Closed');
    const foreign = sim.state.tickets.find(
      (t) => t.clientId === 2 && t.status !== 'Closed',
    );
    const before = ticketWrites();

    const state = await closeTicketAction(
      idle(),
      form({
        submission: randomUUID(),
        ticketId: String(mine?.id),
        ticketid: String(foreign?.id),
        status: 'Open',
      }),
    );

    expect(state).toMatchObject({ status: 'error', message: MESSAGES.forged });
    expect(ticketWrites()).toBe(before);
    expect(mine?.status).not.toBe('Closed');
    expect(foreign?.status).not.toBe('Closed');
  });

  it("ignores React's own fields (rendered for forms that work without JavaScript)", async () => {
    await signIn(ALICE);
    const before = writes('AddTicketReply');

    const state = await replyToTicketAction(
      idle(),
      replyForm(ticketOf(1).id, { $ACTION_REF_1: '', '$ACTION_1:0': '{"id":"x"}' }),
    );

    expect(state.status).toBe('done');
    expect(writes('AddTicketReply') - before).toBe(1);
  });
});

describe('a non-owner without the tickets right', () => {
  it('gets 403 on every ticket action, and nothing is sent', async () => {
    const link = sim.state.users
      .find((u) => u.id === 3)
      ?.links.find((l) => l.clientId === 1);
    if (!link) throw new Error('contractor link missing');
    const granted = link.permissions;
    link.permissions = ['products'];
    try {
      await signIn(CONTRACTOR);
      const before = sim.calls.length;

      const ended = await Promise.all([
        interruption(openTicketAction(idle(), openForm())),
        interruption(replyToTicketAction(idle(), replyForm(ticketOf(1).id))),
        interruption(
          closeTicketAction(idle(), form({ submission: randomUUID(), ticketId: '1' })),
        ),
      ]);

      expect(ended).toEqual([FORBIDDEN, FORBIDDEN, FORBIDDEN]);
      expect(sim.calls.length).toBe(before);
    } finally {
      link.permissions = granted;
    }
  });

  it('without the services right may not name a service', async () => {
    const link = sim.state.users
      .find((u) => u.id === 3)
      ?.links.find((l) => l.clientId === 1);
    if (!link) throw new Error('contractor link missing');
    const granted = link.permissions;
    link.permissions = ['tickets'];
    try {
      await signIn(CONTRACTOR);
      const before = writes('OpenTicket');

      const ended = await interruption(
        openTicketAction(idle(), openForm({ serviceId: String(serviceOf(1).id) })),
      );

      expect(ended).toBe(FORBIDDEN);
      expect(writes('OpenTicket')).toBe(before);
    } finally {
      link.permissions = granted;
    }
  });
});

describe('the services right, asked again when a service is named', () => {
  it('stops a non-owner whose services right was taken away after sign-in', async () => {
    const link = sim.state.users
      .find((u) => u.id === 3)
      ?.links.find((l) => l.clientId === 1);
    if (!link) throw new Error('contractor link missing');
    const granted = link.permissions;
    link.permissions = ['tickets', 'products'];
    try {
      await signIn(CONTRACTOR);
      link.permissions = ['tickets'];
      const before = writes('OpenTicket');

      const named = await interruption(
        openTicketAction(idle(), openForm({ serviceId: String(serviceOf(1).id) })),
      );
      const unnamed = await ending(openTicketAction(idle(), openForm()));

      expect(named).toBe(FORBIDDEN);
      // Opened: on to the new ticket's page.
      expect(unnamed.kind).toBe('redirect');
      expect(writes('OpenTicket') - before).toBe(1);
    } finally {
      link.permissions = granted;
    }
  });
});

describe('one submission, one write', () => {
  it('a reply sent twice with the same key posts once', async () => {
    await signIn(ALICE);
    const ticket = ticketOf(1);
    const sent = replyForm(ticket.id, { message: 'Posted once' });
    const before = writes('AddTicketReply');

    const first = await replyToTicketAction(idle(), sent);
    const second = await replyToTicketAction(first, sent);

    expect(writes('AddTicketReply') - before).toBe(1);
    expect(second).toEqual(first);
    expect(ticket.messages.filter((m) => m.message === 'Posted once')).toHaveLength(1);
  });

  it('posts once even when the answer to the first try is lost', async () => {
    await signIn(ALICE);
    const ticket = ticketOf(1);
    const sent = replyForm(ticket.id, { message: 'Answer lost' });
    const before = writes('AddTicketReply');
    faults.set({ rules: [{ action: 'AddTicketReply', fail: 'timeout' }] });

    const first = await replyToTicketAction(idle(), sent);
    faults.clear();
    const again = await replyToTicketAction(first, sent);
    const twice = await Promise.all([
      replyToTicketAction(first, sent),
      replyToTicketAction(first, sent),
    ]);

    // WHMCS did post it: the simulator ran the call and only its answer was dropped.
    expect(ticket.messages.filter((m) => m.message === 'Answer lost')).toHaveLength(1);
    expect(writes('AddTicketReply') - before).toBe(1);
    expect(first).toMatchObject({ status: 'error', message: MESSAGES.uncertain });
    expect(first.values.message).toBe('Answer lost');
    expect(again).toEqual(first);
    expect(twice).toEqual([first, first]);
  });

  it('a double submission racing in parallel posts once', async () => {
    await signIn(ALICE);
    const ticket = ticketOf(1);
    const sent = replyForm(ticket.id, { message: 'Raced' });
    const before = writes('AddTicketReply');
    faults.set({ rules: [{ action: 'AddTicketReply', latencyMs: 100 }] });

    const states = await Promise.all([
      replyToTicketAction(idle(), sent),
      replyToTicketAction(idle(), sent),
    ]);

    expect(writes('AddTicketReply') - before).toBe(1);
    expect(states.map((s) => s.status).sort()).toEqual(['done', 'error']);
    expect(states.find((s) => s.status === 'error')?.message).toBe(MESSAGES.busy);
  });

  it('a ticket opened twice with the same key, the first answer lost, is opened once', async () => {
    await signIn(ALICE);
    const sent = openForm({ subject: 'Opened once' });
    const before = writes('OpenTicket');
    faults.set({ rules: [{ action: 'OpenTicket', fail: 'timeout' }] });

    const first = await openTicketAction(idle(), sent);
    faults.clear();
    const second = await openTicketAction(first, sent);

    expect(first.message).toBe(MESSAGES.uncertain);
    expect(second).toEqual(first);
    expect(writes('OpenTicket') - before).toBe(1);
    expect(sim.state.tickets.filter((t) => t.subject === 'Opened once')).toHaveLength(1);
  });

  it('a ticket opened and then sent again with the same key goes to the same ticket, opened once', async () => {
    await signIn(ALICE);
    const sent = openForm({ subject: 'Sent again' });
    const before = writes('OpenTicket');

    const first = await ending(openTicketAction(idle(), sent));
    const again = await ending(openTicketAction(idle(), sent));

    const opened = sim.state.tickets.filter((t) => t.subject === 'Sent again');
    expect(opened).toHaveLength(1);
    expect(writes('OpenTicket') - before).toBe(1);
    expect(first).toEqual({ kind: 'redirect', to: `/tickets/${opened[0]?.id}?opened=1` });
    expect(again).toEqual(first);
  });

  it('a new key after a finished reply posts again (a second, deliberate reply)', async () => {
    await signIn(ALICE);
    const ticket = ticketOf(1);
    const before = writes('AddTicketReply');

    const first = await replyToTicketAction(idle(), replyForm(ticket.id));
    await replyToTicketAction(
      first,
      replyForm(ticket.id, { submission: first.submission }),
    );

    expect(writes('AddTicketReply') - before).toBe(2);
  });
});

describe('state for the form', () => {
  it('never echoes files back into the form', async () => {
    await signIn(ALICE);

    const state: FormState = await openTicketAction(
      idle(),
      openForm({ subject: '', attachments: file('a.png', PNG) }),
    );

    expect(Object.keys(state.values).sort()).toEqual([
      'departmentId',
      'message',
      'priority',
      'serviceId',
      'subject',
    ]);
  });
});
