import {
  expect,
  test,
  type BrowserContext,
  type Page,
  type Request,
} from '@playwright/test';
import { signedInPage, signIn, whmcs } from './support';

// The email history shows each email's own HTML, hostile or not, in a
// sandboxed frame under a policy that lets it load and run nothing. Every
// request the browser makes is watched; anything for a host other than the
// portal's is also aborted before it could leave the machine, and recorded.

test.describe.configure({ mode: 'serial' });

type EmailRows = { emails: { email: { id: number; subject: string }[] } };

async function emailIds(clientId: number, subject?: string) {
  const answer = (await whmcs('GetEmails', {
    clientid: clientId,
    limitnum: 500,
    ...(subject ? { subject } : {}),
  })) as unknown as EmailRows;
  return answer.emails.email.map((e) => Number(e.id));
}

const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//;

/**
 * Every request the context makes, and how each one ended. Chromium reports a
 * request its Content-Security-Policy stopped as a request that failed with
 * "csp" (blocked by the policy), before anything is sent; anything that did get as far as
 * the network for a host other than the portal's is aborted here and listed.
 */
async function watch(context: BrowserContext) {
  const seen: Request[] = [];
  const remote: string[] = [];
  const record = (request: Request) => seen.push(request);
  context.on('request', record);
  await context.route(
    (url) => !LOOPBACK.test(url.href) && !url.href.startsWith('data:'),
    async (route) => {
      remote.push(route.request().url());
      await route.abort();
    },
  );
  return {
    seen,
    remote,
    /** Requests for other hosts, with how they ended. */
    foreign: () =>
      seen
        .filter((r) => !LOOPBACK.test(r.url()) && !r.url().startsWith('data:'))
        .map((r) => ({ url: r.url(), failure: r.failure()?.errorText ?? 'none' })),
    stop: async () => {
      context.off('request', record);
      await context.unrouteAll();
    },
  };
}

const ranMarker = (page: Page) =>
  page.frameLocator('iframe').locator('body').getAttribute('data-ran');

let alice: Page;
test.beforeAll(async ({ browser }) => {
  alice = await signedInPage(browser, 'alice@kraken.example');
});
test.afterAll(() => alice.context().close());

test('the email history lists the account’s emails, paged on the server', async () => {
  const all = await emailIds(1);
  expect(all.length).toBeGreaterThan(40);

  await alice
    .getByRole('navigation', { name: 'Profile and emails' })
    .getByRole('link', { name: 'Emails' })
    .click();
  await expect(alice.getByRole('heading', { name: 'Emails', level: 1 })).toBeVisible();
  const rows = alice.locator('main tbody tr');
  await expect(rows).toHaveCount(20);
  await expect(alice.getByText(`of ${all.length} emails`)).toBeVisible();

  await alice.getByRole('link', { name: 'Page 2' }).click();
  await expect(alice).toHaveURL(/\/account\/emails\?page=2$/);
  await expect(rows).toHaveCount(20);
});

test('a hostile email runs nothing and loads nothing from anywhere', async () => {
  const [scripted] = await emailIds(1, 'Action required');
  const [tracking] = await emailIds(1, 'spring newsletter');
  const dialogs: string[] = [];
  alice.on('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message())));
  const messages: unknown[] = [];
  await alice.exposeFunction('__emailMessage', (data: unknown) => messages.push(data));
  await alice.evaluate(() =>
    window.addEventListener('message', (e) =>
      (window as unknown as { __emailMessage: (d: unknown) => void }).__emailMessage(
        e.data,
      ),
    ),
  );
  const network = await watch(alice.context());

  for (const id of [scripted, tracking]) {
    await alice.goto(`/account/emails/${id}`);
    const frame = alice.frameLocator('iframe');
    await expect(frame.locator('h1')).toBeVisible();
    await alice.waitForLoadState('networkidle');
    expect(await ranMarker(alice)).toBeNull();
  }
  await expect(alice.locator('iframe')).toHaveAttribute('sandbox', '');
  // The scripted email's own text is shown, its form is there but inert.
  await alice.goto(`/account/emails/${scripted}`);
  const frame = alice.frameLocator('iframe');
  await expect(frame.getByText('Please confirm your password below')).toBeVisible();
  await frame.getByRole('button', { name: 'Confirm' }).click();
  await frame.getByRole('link', { name: 'Open the secure message' }).click();
  await alice.waitForTimeout(500);
  await network.stop();

  expect(await ranMarker(alice)).toBeNull();
  expect(await alice.title()).not.toContain('pwned');
  expect(dialogs).toEqual([]);
  expect(messages).toEqual([]);
  // Nothing reached the network for another host...
  expect(network.remote).toEqual([]);
  // ...because the browser stopped every such request on the policy, unsent.
  const foreign = network.foreign();
  expect(foreign.length).toBeGreaterThan(0);
  for (const request of foreign) {
    expect(request.url).toMatch(/^http:\/\/remote-[a-z]+\.invalid\//);
    expect(request.failure).toBe('csp');
  }
  const loaded = network.seen.filter((r) => LOOPBACK.test(r.url()));
  expect(loaded.length).toBeGreaterThan(0);
  await expect(alice).toHaveURL(new RegExp(`/account/emails/${scripted}$`));
});

test('the control: without the body’s policy the same email would run and load', async () => {
  // Shows the checks above can fail: the body route's answer with its
  // Content-Security-Policy removed, opened on its own (no sandboxed frame).
  const [scripted] = await emailIds(1, 'Action required');
  const [tracking] = await emailIds(1, 'spring newsletter');
  const network = await watch(alice.context());
  await alice.route('**/account/emails/*/body', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    await route.fulfill({ response, headers });
  });

  await alice.goto(`/account/emails/${scripted}/body`);
  await expect.poll(() => alice.locator('body').getAttribute('data-ran')).not.toBeNull();
  await alice.goto(`/account/emails/${tracking}/body`);
  await expect.poll(() => network.remote.length).toBeGreaterThan(0);
  await alice.unroute('**/account/emails/*/body');
  await network.stop();

  expect(network.remote.every((url) => /\.invalid\//.test(url))).toBe(true);
  expect(
    network.remote.some((url) => url.startsWith('http://remote-images.invalid/')),
  ).toBe(true);
});

test('the body route answers with its own policy, framed by the portal only', async () => {
  const [id] = await emailIds(1, 'Action required');

  const body = await alice.request.get(`/account/emails/${id}/body`);
  const page = await alice.request.get(`/account/emails/${id}`);

  expect(body.status()).toBe(200);
  const csp = body.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain('sandbox');
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp).not.toContain('script-src');
  expect(body.headers()['x-frame-options']).toBe('SAMEORIGIN');
  expect(body.headers()['content-type']).toBe('text/html; charset=utf-8');
  // Every other page keeps refusing to be framed.
  expect(page.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(page.headers()['x-frame-options']).toBe('DENY');
  // The page itself never carries the email's HTML.
  expect(await page.text()).not.toContain('remote-refresh.invalid');
});

test('an encoded spelling of the body path serves no HTML and keeps the email policy', async () => {
  const [id] = await emailIds(1, 'Action required');
  const encoded = [...String(id)].map((d) => `%3${d}`).join('');

  const body = await alice.request.get(`/account/emails/${encoded}/body`);

  expect(body.status()).toBe(404);
  expect(await body.text()).toBe('Not found');
  expect(body.headers()['content-security-policy']).toContain('sandbox');
});

test('another client’s email is a 404, page and body alike', async () => {
  const [theirs] = await emailIds(2);
  const [missing] = [999_999];

  for (const id of [theirs, missing]) {
    expect((await alice.request.get(`/account/emails/${id}`)).status()).toBe(404);
    const body = await alice.request.get(`/account/emails/${id}/body`);
    expect(body.status()).toBe(404);
    expect(await body.text()).not.toContain('<html');
  }
});

test('a user without the emails right gets 403 for the list and the body', async ({
  page,
}) => {
  const [id] = await emailIds(1);
  await signIn(page, 'contractor@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);

  expect((await page.goto('/account/emails'))?.status()).toBe(403);
  expect((await page.request.get(`/account/emails/${id}/body`)).status()).toBe(403);
});
