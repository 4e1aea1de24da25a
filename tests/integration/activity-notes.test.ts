import '../support/next-cookies';
import { describe, expect, it, vi } from 'vitest';
import { changeAutoRenew, changeRegistrarLock } from '@/lib/portal/domain-actions';
import { describeActivity } from '@/lib/portal/activity';
import { signInToControlPanel } from '@/lib/portal/service-actions';
import { payInvoice } from '@/lib/portal/sso-actions';
import { markProved } from '@/lib/portal/step-up';
import { closeTicketAction, openTicketAction } from '@/lib/portal/ticket-actions';
import { store } from '@/lib/store';
import {
  form,
  interruption,
  portalWithSimulator,
  redirectedTo,
  start,
} from '../support/portal-sim';

// The activity entries customer changes write: besides the internal target
// they note the record as the customer knows it (ticket number, domain name,
// service, invoice number) and which way a switch went, and never the
// sign-in link the change made.

vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { sim, signIn } = portalWithSimulator();

async function latest(action: string) {
  const [entry] = await store().audit.list({ action, limit: 1 });
  if (!entry) throw new Error(`no ${action} entry`);
  return entry;
}

describe('activity entries name what the customer knows', () => {
  it('says which way the registrar lock and auto-renew went, and on which domain', async () => {
    await signIn('alice@kraken.example');
    const domain = sim.state.domains.find((d) => d.name === 'moreau-design.example');
    if (!domain) throw new Error('no domain');

    await changeRegistrarLock(start(), form({ domainId: domain.id, lock: 'off' }));
    const lock = await latest('domain.lock');
    await changeAutoRenew(start(), form({ domainId: domain.id, autoRenew: 'on' }));
    const renew = await latest('domain.autorenew');

    expect(lock).toMatchObject({ outcome: 'success', target: `domain:${domain.id}` });
    expect(describeActivity(lock)).toEqual({
      change: 'Turned the registrar lock off',
      on: 'moreau-design.example',
      href: `/domains/${domain.id}`,
    });
    expect(describeActivity(renew)).toMatchObject({
      change: 'Turned auto-renew on',
      on: 'moreau-design.example',
    });
  });

  it('names a ticket by its public number, opened or closed', async () => {
    await signIn('alice@kraken.example');
    const ticket = sim.state.tickets.find(
      (t) => t.clientId === 1 && t.status !== 'Closed',
    );
    if (!ticket) throw new Error('no open ticket');

    const closed = await closeTicketAction(start(), form({ ticketId: ticket.id }));
    expect(closed.status).toBe('done');

    expect(ticket.tid).not.toBe(String(ticket.id));
    expect(describeActivity(await latest('ticket.close')).on).toBe(
      `ticket #${ticket.tid}`,
    );

    // Opening lands on the new ticket's page.
    const digest = await interruption(
      openTicketAction(
        start(),
        form({
          departmentId: 2,
          priority: 'Low',
          serviceId: '',
          subject: 'Activity wording',
          message: 'Checking what the activity list says.',
        }),
      ),
    );
    const id = Number(/^\/tickets\/(\d+)/.exec(redirectedTo(digest))?.[1]);
    const number = sim.state.tickets.find((t) => t.id === id)?.tid;
    expect(number).toBeTruthy();
    expect(describeActivity(await latest('ticket.open')).on).toBe(`ticket #${number}`);
  });

  it('names the service and invoice of a sign-in link, and never keeps the link', async () => {
    const sid = await signIn('alice@kraken.example');
    await markProved(sid);
    const product = sim.state.products.find((p) => p.name === 'Business Shared');
    const service = sim.state.services.find(
      (s) => s.clientId === 1 && s.productId === product?.id && s.status === 'Active',
    );
    const invoice = sim.state.invoices.find(
      (i) => i.clientId === 1 && i.status === 'Unpaid',
    );
    if (!service || !invoice) throw new Error('no service or invoice');
    const append = vi.spyOn(store().audit, 'append');

    const panel = redirectedTo(
      await interruption(signInToControlPanel(start(), form({ serviceId: service.id }))),
    );
    const pay = redirectedTo(
      await interruption(payInvoice(start(), form({ invoiceId: invoice.id }))),
    );

    const words = describeActivity(await latest('sso.control-panel'));
    expect(words.on).toContain(service.domain);
    const paid = describeActivity(await latest('sso.invoice'));
    expect(paid.on).toMatch(/^invoice #\S+$/);
    const written = JSON.stringify(append.mock.calls);
    for (const link of [panel, pay]) {
      expect(link).toMatch(/^http/);
      expect(written).not.toContain(new URL(link).search.slice(1));
    }
  });
});
