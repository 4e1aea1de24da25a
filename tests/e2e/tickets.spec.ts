import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn, whmcs } from './support';

// Support tickets in Chromium against the simulator: open (with files), reply,
// close; a double click; files refused in the browser and on the server.

type TicketRow = { id: string; subject: string };
type Reply = { message: string; attachments: ({ filename: string } | unknown[])[] };

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** Alice's tickets with this subject, as WHMCS has them. */
async function ticketsNamed(subject: string): Promise<TicketRow[]> {
  const answer = (await whmcs('GetTickets', { clientid: 1, subject, limitnum: 50 })) as {
    tickets: { ticket?: TicketRow[] };
  };
  return (answer.tickets.ticket ?? []).filter((t) => t.subject === subject);
}

async function repliesOf(ticketId: string | number): Promise<Reply[]> {
  const answer = (await whmcs('GetTicket', { ticketid: ticketId })) as {
    replies: { reply: Reply[] };
  };
  return answer.replies.reply;
}

const unique = (what: string) =>
  `${what} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

async function fillNewTicket(page: Page, subject: string, message: string) {
  await page.getByLabel('Department').selectOption({ label: 'Technical Support' });
  await page.getByLabel('Priority').selectOption('High');
  await page.getByLabel('Subject').fill(subject);
  await page.getByLabel('Message').fill(message);
}

test('a customer opens a ticket with a file, replies and closes it', async ({ page }) => {
  const subject = unique('Mail queue stuck');
  await signIn(page, 'alice@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.getByRole('link', { name: 'Open a ticket' }).click();
  await expect(page).toHaveURL(/\/tickets\/new$/);
  await fillNewTicket(
    page,
    subject,
    'Outgoing mail is **stuck** since 9:00.\n\n- queue: 412',
  );
  await page.getByLabel('Related service (optional)').selectOption({ index: 1 });
  await page
    .getByLabel('Attachments (optional)')
    .setInputFiles({ name: 'queue.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: 'Open ticket' }).click();

  const notice = page.getByRole('status').filter({ hasText: 'is open' });
  await expect(notice).toContainText(/Your ticket #\d{6} is open/);
  // The form is empty again for another ticket.
  await expect(page.getByLabel('Subject')).toHaveValue('');
  await notice.getByRole('link', { name: 'View it' }).click();

  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  const conversation = page.getByRole('list', { name: 'Conversation' });
  await expect(conversation.locator('strong', { hasText: 'stuck' })).toBeVisible();
  await expect(
    conversation.getByRole('listitem').filter({ hasText: 'queue: 412' }).first(),
  ).toBeVisible();
  await expect(conversation).toContainText('queue.png');

  await page.getByLabel('Your reply').fill('Now it is *really* stuck.');
  await page.getByLabel('Attachments (optional)').setInputFiles({
    name: 'mail.log',
    mimeType: 'text/plain',
    buffer: Buffer.from('451 4.3.0\n'),
  });
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your reply was sent.' }),
  ).toBeVisible();
  // The conversation shows the reply without a reload; the box is empty again.
  await expect(conversation.locator('em', { hasText: 'really' })).toBeVisible();
  await expect(conversation).toContainText('mail.log');
  await expect(page.getByLabel('Your reply')).toHaveValue('');

  await page.getByRole('button', { name: 'Close ticket' }).click();
  await expect(page.locator('.header-meta')).toContainText('Closed');
  await expect(page.getByRole('button', { name: 'Send and reopen' })).toBeVisible();

  const [row] = await ticketsNamed(subject);
  const replies = await repliesOf(row?.id ?? 0);
  // Browsers send a text area's line breaks as CRLF, which is how WHMCS keeps them.
  expect(replies.map((r) => r.message.replace(/\r\n/g, '\n'))).toEqual([
    'Outgoing mail is **stuck** since 9:00.\n\n- queue: 412',
    'Now it is *really* stuck.',
  ]);
  expect(
    replies.map((r) => r.attachments.map((a) => (a as { filename: string }).filename)),
  ).toEqual([['queue.png'], ['mail.log']]);
  expect((await whmcs('GetTicket', { ticketid: row?.id ?? 0 })).status).toBe('Closed');
});

test('a double click opens one ticket', async ({ page }) => {
  const subject = unique('Double click');
  await signIn(page, 'alice@kraken.example');
  await page.goto('/tickets/new');
  await fillNewTicket(page, subject, 'Clicked twice.');

  await page.getByRole('button', { name: 'Open ticket' }).dblclick();
  await expect(page.getByRole('status').filter({ hasText: 'is open' })).toBeVisible();
  await page.waitForLoadState('networkidle');

  expect(await ticketsNamed(subject)).toHaveLength(1);
});

test('two submissions in the same instant, before the button can turn off, open one ticket', async ({
  page,
}) => {
  const subject = unique('Same instant');
  await signIn(page, 'alice@kraken.example');
  await page.goto('/tickets/new');
  await fillNewTicket(page, subject, 'Sent twice at once.');
  let sent = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.headers()['next-action']) sent += 1;
  });

  // Both submit events run before React renders the pending state.
  await page
    .locator('form')
    .filter({ has: page.getByLabel('Subject') })
    .evaluate((form) => {
      (form as HTMLFormElement).requestSubmit();
      (form as HTMLFormElement).requestSubmit();
    });
  await expect(page.getByRole('status').filter({ hasText: 'is open' })).toBeVisible();
  await expect.poll(() => sent).toBe(2);
  await page.waitForLoadState('networkidle');

  expect(await ticketsNamed(subject)).toHaveLength(1);
});

test('the tickets list offers to open a ticket', async ({ page }) => {
  await signIn(page, 'alice@kraken.example');
  await page.goto('/tickets');

  await page.getByRole('link', { name: 'Open a ticket' }).click();

  await expect(page).toHaveURL(/\/tickets\/new$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Open a ticket' }),
  ).toBeVisible();
});

test('an oversize or wrong-type file is refused with a clear message; the text stays', async ({
  page,
}) => {
  const subject = unique('Refused file');
  await signIn(page, 'alice@kraken.example');
  await page.goto('/tickets/new');
  await fillNewTicket(page, subject, 'See the attached file.');
  const files = page.getByLabel('Attachments (optional)');
  const problem = page.locator('#field-attachments-problem');
  const open = page.getByRole('button', { name: 'Open ticket' });

  // Too large: refused as soon as it is chosen, and the form is not sent.
  const big = Buffer.alloc(2 * 1024 * 1024 + 1);
  PNG.copy(big);
  await files.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: big });
  await expect(problem).toHaveText('“big.png” is 2.1 MB; each file may be at most 2 MB.');
  await open.click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'Please correct the fields marked below.',
  );
  await expect(files).toHaveAttribute('aria-invalid', 'true');

  // A type not on the list.
  await files.setInputFiles({
    name: 'setup.exe',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('MZ'),
  });
  await expect(problem).toContainText(
    '“setup.exe” is not a type of file we accept. Allowed: .jpg',
  );

  // A name the browser accepts, contents the server does not.
  await files.setInputFiles({
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: Buffer.from('<script>alert(1)</script>'),
  });
  await expect(problem).toHaveCount(0);
  await open.click();
  await expect(problem).toHaveText(
    '“photo.png” was refused: its contents are not a PNG file.',
  );
  await expect(page.getByRole('main').getByRole('alert')).toContainText(
    'Please correct the fields marked below.',
  );

  await expect(page.getByLabel('Subject')).toHaveValue(subject);
  await expect(page.getByLabel('Message')).toHaveValue('See the attached file.');
  expect(await ticketsNamed(subject)).toHaveLength(0);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('a non-owner with the tickets right opens a ticket in their own name', async ({
  page,
}) => {
  const subject = unique('From the contractor');
  await signIn(page, 'contractor@kraken.example');
  await page.goto('/tickets/new');
  await fillNewTicket(page, subject, 'Opened by Theo.');

  await page.getByRole('button', { name: 'Open ticket' }).click();
  await page.getByRole('status').getByRole('link', { name: 'View it' }).click();

  await expect(
    page.getByRole('article', { name: 'Message from Theo Laurent' }),
  ).toBeVisible();
});

test('the new-ticket page works on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'alice@kraken.example');
  await page.goto('/tickets/new');

  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: 'Open ticket' })).toBeVisible();
});
