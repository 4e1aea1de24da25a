import '../support/next-cookies';
import { describe, expect, it, vi } from 'vitest';
import { currentCustomer } from '@/lib/auth/guards';
import { justConfirmed, markProved } from '@/lib/portal/step-up';
import { openTicketAction } from '@/lib/portal/ticket-actions';
import { justOpened } from '@/lib/portal/ticket-pages';
import {
  form,
  interruption,
  portalWithSimulator,
  redirectedTo,
  start,
} from '../support/portal-sim';

// The notices a page shows on coming back from an action ("press the button
// again", "ticket opened") are said only when the server knows this session
// just did it: the marker in the address alone is a link anyone can send.

vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { sim, signIn } = portalWithSimulator();

async function session() {
  const current = await currentCustomer();
  if (!current) throw new Error('not signed in');
  return current;
}

describe('"you confirmed it’s you"', () => {
  it('is said right after a confirmation, and not for a session that made none', async () => {
    const sid = await signIn('alice@kraken.example');
    expect(await justConfirmed(await session())).toBe(false);

    await markProved(sid);

    expect(await justConfirmed(await session())).toBe(true);
  });

  it('is no longer said a few minutes later', async () => {
    const sid = await signIn('alice@kraken.example');
    await markProved(sid);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3 * 60_000);

    // The store keeps the note for the whole step-up window; the notice is shorter.
    expect(await justConfirmed(await session())).toBe(false);
  });
});

describe('"ticket opened"', () => {
  const openForm = () =>
    form({
      departmentId: 2,
      priority: 'Low',
      serviceId: '',
      subject: 'Notice check',
      message: 'Checking the opened notice.',
    });

  it('is said on the ticket this session just opened, and only with the marker', async () => {
    const sid = await signIn('alice@kraken.example');
    const digest = await interruption(openTicketAction(start(), openForm()));
    const id = Number(/^\/tickets\/(\d+)\?opened=1$/.exec(redirectedTo(digest))?.[1]);

    expect(await justOpened({ opened: '1' }, sid, id)).toBe(true);
    expect(await justOpened({}, sid, id)).toBe(false);
  });

  it('is not said on another ticket, nor to another session, with the marker', async () => {
    const sid = await signIn('alice@kraken.example');
    const digest = await interruption(openTicketAction(start(), openForm()));
    const id = Number(/^\/tickets\/(\d+)/.exec(redirectedTo(digest))?.[1]);
    const older = sim.state.tickets.find((t) => t.clientId === 1 && t.id !== id);
    if (!older) throw new Error('no older ticket');
    const other = await signIn('alice@kraken.example');

    expect(await justOpened({ opened: '1' }, sid, older.id)).toBe(false);
    expect(await justOpened({ opened: '1' }, other, id)).toBe(false);
  });
});
