import { describe, expect, it, vi } from 'vitest';
import { WhmcsInvalidError } from '@/lib/whmcs/errors';
import { singleSignOnLink } from '@/lib/whmcs/sso';
import { clearLines, lines } from '../support/log-capture';
import { fakeWhmcs, json } from '../support/whmcs-fake';

// A single-use sign-in link is a full WHMCS login: it must land where the
// portal chose, for the signed-in user, and never leak into a log.

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());

const whmcs = fakeWhmcs();
const TOKEN = 'c0ffee5a1e5c0ffee5a1e5c0ffee5a1e5c0ffee5';
const link = (origin: string) =>
  json({
    result: 'success',
    access_token: TOKEN,
    redirect_url: `${origin}/oauth/singlesignon.php?access_token=${TOKEN}`,
  });

describe('single sign-on links', () => {
  it('asks for the user on the client, landing on a fixed page', async () => {
    whmcs.answer(link('http://127.0.0.1:9'));

    const url = await singleSignOnLink(4, 7, { to: 'invoice', invoiceId: 1001 });

    expect(url).toBe(`http://127.0.0.1:9/oauth/singlesignon.php?access_token=${TOKEN}`);
    const sent = Object.fromEntries(whmcs.seen[0]!.form);
    expect(sent).toMatchObject({
      action: 'CreateSsoToken',
      client_id: '4',
      user_id: '7',
      destination: 'sso:custom_redirect',
      sso_redirect_path: 'viewinvoice.php?id=1001',
    });
  });

  it('sends the control panel hand-off for the service itself', async () => {
    whmcs.answer(link('http://127.0.0.1:9'));

    await singleSignOnLink(4, 7, { to: 'control-panel', serviceId: 12 });

    expect(Object.fromEntries(whmcs.seen[0]!.form)).toMatchObject({
      service_id: '12',
      sso_redirect_path: 'clientarea.php?action=productdetails&id=12&dosinglesignon=1',
    });
  });

  it.each(['http://evil.example', 'http://127.0.0.1:10', 'https://127.0.0.1:9'])(
    'refuses a link that points at %s',
    async (origin) => {
      whmcs.answer(link(origin));

      await expect(
        singleSignOnLink(4, 7, { to: 'invoice-pdf', invoiceId: 1 }),
      ).rejects.toBeInstanceOf(WhmcsInvalidError);
    },
  );

  it('refuses a link to another page of WHMCS', async () => {
    whmcs.answer(
      json({
        result: 'success',
        access_token: TOKEN,
        redirect_url: `http://127.0.0.1:9/clientarea.php?access_token=${TOKEN}`,
      }),
    );

    await expect(singleSignOnLink(4, 7, { to: 'password' })).rejects.toBeInstanceOf(
      WhmcsInvalidError,
    );
  });

  it('never writes the token to a log line', async () => {
    clearLines();
    whmcs.answer(link('http://127.0.0.1:9'));

    await singleSignOnLink(4, 7, { to: 'two-factor' });

    expect(lines.join('\n')).toContain('CreateSsoToken');
    expect(lines.join('\n')).not.toContain(TOKEN);
  });
});
