import { expect, test, type Page } from '@playwright/test';
import { captureAction, replayAction } from './actions';
import { signedInPage, signIn, simCalls, whmcs } from './support';

// The profile page against the simulator: a change reaches WHMCS (GetClientsDetails
// answers it afterwards); WHMCS's own refusal of a duplicate email comes back in
// words, with what was typed kept; a forged field never reaches WHMCS.

test.describe.configure({ mode: 'serial' });

type Details = { client: Record<string, unknown> };
const aliceAccount = async () =>
  ((await whmcs('GetClientsDetails', { clientid: 1 })) as Details).client;

let original: Record<string, unknown>;
let alice: Page;
test.beforeAll(async ({ browser }) => {
  original = await aliceAccount();
  alice = await signedInPage(browser, 'alice@kraken.example');
});
test.afterAll(async () => {
  await alice.context().close();
  await whmcs('UpdateClient', {
    clientid: 1,
    city: String(original.city),
    phonenumber: String(original.phonenumber),
    address2: String(original.address2),
  });
});

async function openProfile(page: Page) {
  await page.goto('/dashboard');
  await page
    .getByRole('navigation', { name: 'Profile and emails' })
    .getByRole('link', { name: 'Profile' })
    .click();
  await expect(page).toHaveURL(/\/account\/profile$/);
}

test('Alice changes her city and phone number, and WHMCS has them', async () => {
  const page = alice;
  await openProfile(page);
  await expect(page.getByLabel('First name')).toHaveValue('Alice');
  await expect(page.getByText('You sign in as alice@kraken.example')).toBeVisible();

  await page.getByLabel('City').fill('Marseille');
  await page.getByLabel('Phone number (optional)').fill('+33 4 91 00 00 00');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'saved' })).toHaveText(
    'Your contact details were saved.',
  );
  expect(await aliceAccount()).toMatchObject({
    city: 'Marseille',
    phonenumber: '+33 4 91 00 00 00',
  });
  await page.reload();
  await expect(page.getByLabel('City')).toHaveValue('Marseille');
});

test('an email another account uses is refused, and what was typed stays', async () => {
  const page = alice;
  await openProfile(page);

  await page.getByLabel('Account email address').fill('sam@kraken.example');
  await page.getByLabel('Address line 2 (optional)').fill('Atelier 7');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.locator('main [role="alert"]')).toContainText(
    'Another account already uses this email address',
  );
  await expect(page.getByLabel('Account email address')).toHaveValue(
    'sam@kraken.example',
  );
  await expect(page.getByLabel('Address line 2 (optional)')).toHaveValue('Atelier 7');
  expect(await aliceAccount()).toMatchObject({
    email: 'alice@kraken.example',
    address2: original.address2,
  });
});

test('a malformed email is marked on its field and never sent', async () => {
  const page = alice;
  await openProfile(page);
  const before = await simCalls('UpdateClient');

  await page.getByLabel('Account email address').fill('alice@@kraken');
  await page.getByRole('button', { name: 'Save changes' }).click();

  const field = page.getByLabel('Account email address');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByText('Enter an email address like name@example.com.'),
  ).toBeVisible();
  expect(await simCalls('UpdateClient')).toBe(before);
});

for (const [name, value] of [
  ['status', 'Closed'],
  ['credit', '5000.00'],
  ['clientid', '2'],
  ['notes', 'VIP'],
  ['groupid', '1'],
]) {
  test(`a forged ${name} field is refused and never reaches WHMCS`, async () => {
    const page = alice;
    await openProfile(page);
    const before = await simCalls('UpdateClient');

    await page.locator('form:has(button:text("Save changes"))').evaluate(
      (form, [field, forged]) => {
        const extra = document.createElement('input');
        extra.type = 'hidden';
        extra.name = field!;
        extra.value = forged!;
        form.append(extra);
      },
      [name, value],
    );
    await page.getByLabel('City').fill('Toulouse');
    await page.getByRole('button', { name: 'Save changes' }).click();

    await expect(page.locator('main [role="alert"]')).toContainText(
      'cannot be changed here',
    );
    expect(await simCalls('UpdateClient')).toBe(before);
    expect(await aliceAccount()).toMatchObject({
      status: 'Active',
      notes: original.notes,
      groupid: original.groupid,
      credit: original.credit,
      city: 'Marseille',
    });
  });
}

test('a user without the profile right gets 403 and no link to it', async ({ page }) => {
  await signIn(page, 'contractor@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);

  await expect(page.getByRole('navigation', { name: 'Profile and emails' })).toHaveCount(
    0,
  );
  expect((await page.goto('/account/profile'))?.status()).toBe(403);
});

test('a cross-site request cannot change the profile', async () => {
  const page = alice;
  await openProfile(page);
  await page.getByLabel('Address line 2 (optional)').fill('Atelier 9');
  const sent = await captureAction(page, () =>
    page.getByRole('button', { name: 'Save changes' }).click(),
  );
  await expect(page.getByRole('status').filter({ hasText: 'saved' })).toBeVisible();
  await whmcs('UpdateClient', { clientid: 1, address2: '' });
  const before = await simCalls('UpdateClient');

  const crossSite = await replayAction(page, sent, { 'sec-fetch-site': 'cross-site' });
  const pastGate = await replayAction(page, sent, {
    origin: 'http://evil.example',
    'sec-fetch-site': 'same-origin',
  });

  expect(crossSite.status()).toBe(403);
  expect(pastGate.status()).toBe(500);
  expect(await simCalls('UpdateClient')).toBe(before);
  expect((await aliceAccount()).address2).toBe('');

  // The control: from the portal's own origin the same request saves.
  expect((await replayAction(page, sent, {})).status()).toBeLessThan(400);
  expect((await aliceAccount()).address2).toBe('Atelier 9');
});
