import '../support/next-cookies';
import { describe, expect, it, vi } from 'vitest';
import { currentCustomer } from '@/lib/auth/guards';
import { MESSAGES } from '@/lib/portal/customer-action';
import {
  changePasswordInWhmcs,
  downloadInvoicePdf,
  payInvoice,
  setUpTwoFactorInWhmcs,
} from '@/lib/portal/sso-actions';
import { markProved } from '@/lib/portal/step-up';
import { store } from '@/lib/store';
import { clearLines, lines } from '../support/log-capture';
import {
  actionStack,
  DEMO,
  ending,
  expectState,
  formOf,
  fresh,
  signInAs,
  WHMCS_ROOT,
} from '../support/portal-actions';

// The single sign-on buttons against the simulator: where each link lands and
// for whom; another client's or a draft invoice is a 404 with no link made; a
// user without the invoices right gets 403; a forged field is refused; a stale
// session is sent to confirm first; and the link is in no log line or record.

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());

const { sim, callsOf, mark } = actionStack();

const invoiceOf = (clientId: number, status: string) => {
  const found = sim.state.invoices.find(
    (i) => i.clientId === clientId && i.status === status,
  );
  if (!found) throw new Error(`no ${status} invoice of client ${clientId}`);
  return found.id;
};

/** The token a single sign-on URL carries, and what the simulator made it for. */
function landing(url: string) {
  const parsed = new URL(url);
  const token = parsed.searchParams.get('access_token') ?? '';
  const record = sim.state.ssoTokens.find((t) => t.token === token);

  return { origin: parsed.origin, path: parsed.pathname, token, record };
}

describe('pay an invoice / its PDF', () => {
  it('hands the owner to WHMCS, signed in as themself, on the invoice', async () => {
    await signInAs(DEMO.alice);
    const id = invoiceOf(1, 'Unpaid');

    const ended = await ending(payInvoice(fresh(), formOf({ invoiceId: String(id) })));

    expect(ended.kind).toBe('redirect');
    const to = landing((ended as { to: string }).to);
    expect(to).toMatchObject({
      origin: WHMCS_ROOT,
      path: '/oauth/singlesignon.php',
      record: {
        userId: 1,
        clientId: 1,
        destination: 'sso:custom_redirect',
        path: `viewinvoice.php?id=${id}`,
        spent: false,
      },
    });
  });

  it('opens the PDF of a paid invoice too', async () => {
    await signInAs(DEMO.alice);
    const id = invoiceOf(1, 'Paid');

    const ended = await ending(
      downloadInvoicePdf(fresh(), formOf({ invoiceId: String(id) })),
    );

    expect(landing((ended as { to: string }).to).record?.path).toBe(
      `dl.php?type=i&id=${id}`,
    );
  });

  it.each([
    ['another client’s invoice', () => invoiceOf(2, 'Unpaid')],
    ['a draft (not published to the client)', () => invoiceOf(1, 'Draft')],
    ['an invoice that does not exist', () => 99_999],
  ])('answers 404 for %s, and makes no link', async (_what, pick) => {
    await signInAs(DEMO.alice);
    const before = mark();

    const ended = await ending(
      payInvoice(fresh(), formOf({ invoiceId: String(pick()) })),
    );

    expect(ended).toEqual({ kind: 'status', status: 404 });
    expect(callsOf('GetInvoice', before)).toHaveLength(1);
    expect(callsOf('CreateSsoToken', before)).toHaveLength(0);
  });

  it('refuses a user without the invoices right with 403, asking WHMCS nothing', async () => {
    await signInAs(DEMO.contractor);
    const before = mark();

    const ended = await ending(
      downloadInvoicePdf(fresh(), formOf({ invoiceId: String(invoiceOf(1, 'Paid')) })),
    );

    expect(ended).toEqual({ kind: 'status', status: 403 });
    expect(sim.calls.slice(before)).toHaveLength(0);
  });

  it.each<Record<string, string>>([
    { to: 'control-panel' },
    { sso_redirect_path: 'clientarea.php?action=details' },
    { destination: 'clientarea:profile' },
    { clientId: '2' },
    { userId: '2' },
  ])('refuses a form with an extra field %j, asking WHMCS nothing', async (extra) => {
    await signInAs(DEMO.alice);
    const before = mark();

    const ended = await ending(
      payInvoice(
        fresh(),
        formOf({ invoiceId: String(invoiceOf(1, 'Unpaid')), ...extra }),
      ),
    );

    expect(expectState(ended)).toMatchObject({
      status: 'error',
      message: MESSAGES.forged,
    });
    expect(sim.calls.slice(before)).toHaveLength(0);
  });

  it('sends a stale session to confirm first, then back to the invoice', async () => {
    // Signed in eleven minutes ago: past the ten-minute step-up window.
    await signInAs(DEMO.alice, 11 * 60);
    const id = invoiceOf(1, 'Unpaid');
    const before = mark();

    const stale = await ending(payInvoice(fresh(), formOf({ invoiceId: String(id) })));

    expect(stale).toEqual({
      kind: 'redirect',
      to: `/account/confirm?next=${encodeURIComponent(`/invoices/${id}`)}`,
    });
    expect(callsOf('CreateSsoToken', before)).toHaveLength(0);

    const session = await currentCustomer();
    await markProved(session?.sid ?? '');
    const confirmed = await ending(
      payInvoice(fresh(), formOf({ invoiceId: String(id) })),
    );
    expect(confirmed.kind).toBe('redirect');
    expect((confirmed as { to: string }).to).toMatch(/\/oauth\/singlesignon\.php\?/);
  });

  it('keeps the link out of every log line and the activity trail', async () => {
    await signInAs(DEMO.alice);
    const id = invoiceOf(1, 'Unpaid');
    clearLines();

    const ended = await ending(payInvoice(fresh(), formOf({ invoiceId: String(id) })));

    const { token } = landing((ended as { to: string }).to);
    expect(token).toMatch(/^[0-9a-f]{40}$/);
    const written = lines.join('\n');
    expect(written).toContain('CreateSsoToken');
    expect(written).toContain('customer.action');
    expect(written).not.toContain(token);
    const trail = await store().audit.list({ actor: 'customer:1', limit: 10 });
    expect(trail.map((e) => [e.action, e.target, e.outcome])).toEqual([
      ['sso.invoice', `invoice:${id}`, 'success'],
      ['sso.invoice', `invoice:${id}`, 'attempt'],
    ]);
    expect(JSON.stringify(trail)).not.toContain(token);
  });
});

describe('a client WHMCS keeps out of single sign-on', () => {
  it('is told so, and nothing is handed over', async () => {
    const client = sim.state.clients.find((c) => c.id === 1)!;
    client.allowSingleSignOn = false;
    try {
      await signInAs(DEMO.alice);

      const ended = await ending(
        payInvoice(fresh(), formOf({ invoiceId: String(invoiceOf(1, 'Unpaid')) })),
      );

      const state = expectState(ended);
      expect(state.status).toBe('error');
      expect(state.message).toMatch(/does not allow signing in from the portal/);
      expect(state.reference).toBe('00000000-0000-4000-8000-000000000000');
    } finally {
      client.allowSingleSignOn = true;
    }
  });
});

describe('password and two-factor set-up in WHMCS', () => {
  it.each([
    [changePasswordInWhmcs, 'index.php?rp=/user/password'],
    [setUpTwoFactorInWhmcs, 'index.php?rp=/user/security'],
  ])('lands the login itself on its page (%#)', async (action, path) => {
    await signInAs(DEMO.contractor);

    const ended = await ending(action(fresh(), formOf({})));

    expect(landing((ended as { to: string }).to).record).toMatchObject({
      userId: 3,
      clientId: 1,
      path,
    });
  });

  it('asks a stale session to confirm first', async () => {
    await signInAs(DEMO.sam, 11 * 60);
    const before = mark();

    const ended = await ending(changePasswordInWhmcs(fresh(), formOf({})));

    expect(ended).toEqual({
      kind: 'redirect',
      to: `/account/confirm?next=${encodeURIComponent('/account/security')}`,
    });
    expect(callsOf('CreateSsoToken', before)).toHaveLength(0);
  });

  it('refuses a form that tries to name where to land', async () => {
    await signInAs(DEMO.sam);
    const before = mark();

    const ended = await ending(
      setUpTwoFactorInWhmcs(fresh(), formOf({ sso_redirect_path: 'cart.php' })),
    );

    expect(expectState(ended).message).toBe(MESSAGES.forged);
    expect(callsOf('CreateSsoToken', before)).toHaveLength(0);
  });
});
