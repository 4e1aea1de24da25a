import { expect, test, type Page } from '@playwright/test';
import { captureAction, replayAction } from './actions';
import { invoiceWithStatus, signedInPage, signIn, simCalls } from './support';

// Paying an invoice and its PDF hand the customer to WHMCS with a single-use
// sign-in link: followed here to the simulator's single sign-on page, which
// names who was signed in and where they landed, and refuses a second visit.

test.describe.configure({ mode: 'serial' });

let alice: Page;
test.beforeAll(async ({ browser }) => {
  alice = await signedInPage(browser, 'alice@kraken.example');
});
test.afterAll(() => alice.context().close());

test('Pay now signs Alice in to WHMCS on her invoice, once', async () => {
  const id = await invoiceWithStatus(1, 'Unpaid');

  await alice.goto('/dashboard');
  await expect(alice.getByText('Credit balance', { exact: true })).toBeVisible();
  await expect(alice.getByText('$12.50 USD', { exact: true })).toBeVisible();
  await alice.goto('/invoices');
  await expect(alice.getByText('Credit balance: $12.50 USD')).toBeVisible();
  await alice.goto(`/invoices/${id}`);
  await alice.getByRole('button', { name: 'Pay now' }).click();

  await expect(alice).toHaveURL(/\/oauth\/singlesignon\.php\?access_token=[0-9a-f]+$/);
  await expect(
    alice.getByText('Signed in as alice@kraken.example (user 1)'),
  ).toBeVisible();
  await expect(alice.getByText(`Path viewinvoice.php?id=${id}`)).toBeVisible();

  const again = await alice.goto(alice.url());
  expect(again?.status()).toBe(403);
  await expect(alice.getByText('This sign-in link is no longer valid')).toBeVisible();
});

test('Download PDF lands on the invoice’s PDF; a paid invoice offers no Pay now', async () => {
  const id = await invoiceWithStatus(1, 'Paid');

  await alice.goto(`/invoices/${id}`);
  await expect(alice.getByRole('button', { name: 'Pay now' })).toHaveCount(0);
  await alice.getByRole('button', { name: 'Download PDF' }).click();

  await expect(alice.getByText(`Path dl.php?type=i&id=${id}`)).toBeVisible();
});

test('another client’s invoice is a 404, also when forged into the form', async () => {
  const mine = await invoiceWithStatus(1, 'Unpaid');
  const theirs = await invoiceWithStatus(2, 'Unpaid');

  expect((await alice.goto(`/invoices/${theirs}`))?.status()).toBe(404);

  await alice.goto(`/invoices/${mine}`);
  const before = await simCalls('CreateSsoToken');
  await alice
    .locator('form:has(button:text("Pay now")) input[name="invoiceId"]')
    .evaluate((input, id) => ((input as HTMLInputElement).value = String(id)), theirs);
  await alice.getByRole('button', { name: 'Pay now' }).click();

  await expect(
    alice.getByRole('heading', { name: /couldn.t find that page/ }),
  ).toBeVisible();
  expect(await simCalls('CreateSsoToken')).toBe(before);
});

test('a field the form does not have is refused, and no link is made', async () => {
  const id = await invoiceWithStatus(1, 'Unpaid');
  await alice.goto(`/invoices/${id}`);
  const before = await simCalls('CreateSsoToken');

  await alice.locator('form:has(button:text("Pay now"))').evaluate((form) => {
    const extra = document.createElement('input');
    extra.type = 'hidden';
    extra.name = 'sso_redirect_path';
    extra.value = 'clientarea.php?action=details';
    form.append(extra);
  });
  await alice.getByRole('button', { name: 'Pay now' }).click();

  await expect(alice.locator('main [role="alert"]')).toContainText(
    'cannot be changed here',
  );
  expect(await simCalls('CreateSsoToken')).toBe(before);
});

test('a user without the invoices right gets 403 and no buttons', async ({ page }) => {
  const id = await invoiceWithStatus(1, 'Unpaid');
  await signIn(page, 'contractor@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);

  expect((await page.goto(`/invoices/${id}`))?.status()).toBe(403);
  await expect(page.getByRole('button', { name: 'Pay now' })).toHaveCount(0);
});

test('a cross-site request cannot make a sign-in link', async () => {
  const id = await invoiceWithStatus(1, 'Unpaid');
  await alice.goto(`/invoices/${id}`);
  const sent = await captureAction(alice, () =>
    alice.getByRole('button', { name: 'Pay now' }).click(),
  );
  await expect(alice).toHaveURL(/singlesignon\.php/);
  await alice.goto('/dashboard');
  const before = await simCalls('CreateSsoToken');

  // Sec-Fetch-Site says cross-site: the portal's gate refuses it.
  const crossSite = await replayAction(alice, sent, { 'sec-fetch-site': 'cross-site' });
  // A forged Origin, no Sec-Fetch-Site (an older browser): the gate refuses it.
  const foreign = await replayAction(alice, sent, {
    origin: 'http://evil.example',
    'sec-fetch-site': '',
  });
  // A forged Origin past the gate (Sec-Fetch-Site claiming same-origin, which no
  // browser would send with it): Next's own check on server actions refuses it.
  const pastGate = await replayAction(alice, sent, {
    origin: 'http://evil.example',
    'sec-fetch-site': 'same-origin',
  });

  expect(crossSite.status()).toBe(403);
  expect(foreign.status()).toBe(403);
  // Next refuses an action whose Origin is not the host's with a bare 500.
  expect(pastGate.status()).toBe(500);
  expect(await simCalls('CreateSsoToken')).toBe(before);

  // The control: the same request from the portal's own origin makes a link,
  // so the refusals above are the origin's doing.
  const same = await replayAction(alice, sent, {});
  expect(same.status()).toBeLessThan(400);
  expect(await simCalls('CreateSsoToken')).toBe(before + 1);
});
