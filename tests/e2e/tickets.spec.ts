import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn, simCalls, whmcs } from './support';

// Support tickets in Chromium against the simulator: open (with files), reply,
// close (after a confirmation); a double click; files refused in the browser
// and on the server, every one of them; problems that belong to the latest
// submission only; the same without JavaScript.

type TicketRow = { id: string; tid: string; subject: string };
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

  // On to the new ticket, which says it was opened, by the number customers
  // quote (WHMCS's "tid"), never by WHMCS's internal id.
  await expect(page).toHaveURL(/\/tickets\/\d+\?opened=1$/);
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  const [opened] = await ticketsNamed(subject);
  expect(opened?.tid).toMatch(/^\d{6}$/);
  expect(page.url()).toContain(`/tickets/${opened?.id}?`);
  const notice = page.getByRole('status').filter({ hasText: 'opened' });
  await expect(notice).toHaveText(
    `Ticket #${opened?.tid} opened. We will answer here and by email.`,
  );
  // The marker alone, on a ticket this session did not just open, says nothing.
  await page.goto('/tickets/1?opened=1');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'opened.' })).toHaveCount(0);
  await page.goto(`/tickets/${opened?.id}?opened=1`);
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

  // Closing asks first: the button only opens the question.
  const closes = await simCalls('UpdateTicket');
  await page.getByText('Close ticket…').click();
  const yes = page.getByRole('button', { name: 'Yes, close this ticket' });
  await expect(yes).toHaveAccessibleDescription(
    `Close ticket #${opened?.tid}? We will take it that you need no further answer. You can still reply later; a reply opens it again.`,
  );
  expect(await simCalls('UpdateTicket')).toBe(closes);
  expect((await whmcs('GetTicket', { ticketid: opened?.id ?? 0 })).status).not.toBe(
    'Closed',
  );
  await yes.click();
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
  await expect(page.getByRole('status').filter({ hasText: 'opened' })).toBeVisible();
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
  await expect(page.getByRole('status').filter({ hasText: 'opened' })).toBeVisible();
  // React queues the second behind the first, and drops it when the first
  // moves on to the new ticket; sent anyway, it gets the first one's answer
  // (ticket-requests.spec.ts, and the integration tests).
  await expect.poll(() => sent).toBeGreaterThanOrEqual(1);
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

  await expect(page.getByRole('status').filter({ hasText: 'opened' })).toBeVisible();
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

const PROBLEM = (field: string) => `#field-${field}-problem`;

test('field problems belong to the latest submission: a corrected field loses its old one', async ({
  page,
}) => {
  const subject = unique('Latest only');
  await signIn(page, 'alice@kraken.example');
  await page.goto('/tickets/new');
  const open = page.getByRole('button', { name: 'Open ticket' });
  const files = page.getByLabel('Attachments (optional)');

  // Subject and message empty: the server marks both.
  await open.click();
  await expect(page.locator(PROBLEM('subject'))).toHaveText('Enter a subject.');
  await expect(page.locator(PROBLEM('message'))).toHaveText('Enter your message.');

  // The subject corrected, the message still empty, and a file the browser
  // refuses: this submission stops in the browser. The corrected subject has
  // no problem any more; the message, unchanged, still has its own.
  await page.getByLabel('Subject').fill(subject);
  await files.setInputFiles({
    name: 'setup.exe',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('MZ'),
  });
  await open.click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'Please correct the fields marked below.',
  );
  await expect(page.locator(PROBLEM('attachments'))).toContainText('“setup.exe”');
  await expect(page.locator(PROBLEM('subject'))).toHaveCount(0);
  await expect(page.getByLabel('Subject')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(PROBLEM('message'))).toHaveText('Enter your message.');

  // The file taken out and the message written: the server's answer is the
  // ticket itself, with no problem left over from before.
  await files.setInputFiles([]);
  await page.getByLabel('Message').fill('Only the latest answer counts.');
  await open.click();
  await expect(page).toHaveURL(/\/tickets\/\d+\?opened=1$/);
  expect(await ticketsNamed(subject)).toHaveLength(1);
});

test('a server problem is not shown again after the field was corrected and sent', async ({
  page,
}) => {
  const subject = unique('Corrected file');
  await signIn(page, 'alice@kraken.example');
  await page.goto('/tickets/new');
  await fillNewTicket(page, '', 'A file the server refuses.');
  const files = page.getByLabel('Attachments (optional)');
  await files.setInputFiles({
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: Buffer.from('<script>alert(1)</script>'),
  });
  await page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(page.locator(PROBLEM('subject'))).toHaveText('Enter a subject.');
  await expect(page.locator(PROBLEM('attachments'))).toHaveText(
    '“photo.png” was refused: its contents are not a PNG file.',
  );

  // Both corrected, but the next file is too large for the browser to send.
  await page.getByLabel('Subject').fill(subject);
  const big = Buffer.alloc(2 * 1024 * 1024 + 1);
  PNG.copy(big);
  await files.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: big });
  await page.getByRole('button', { name: 'Open ticket' }).click();

  await expect(page.locator(PROBLEM('attachments'))).toHaveText(
    '“big.png” is 2.1 MB; each file may be at most 2 MB.',
  );
  await expect(page.locator(PROBLEM('subject'))).toHaveCount(0);
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(1);
  expect(await ticketsNamed(subject)).toHaveLength(0);
});

test('every refused file is named with its reason, in the browser and by the server; the text stays', async ({
  page,
}) => {
  const subject = unique('Many bad files');
  await signIn(page, 'alice@kraken.example');
  await page.goto('/tickets/new');
  await fillNewTicket(page, subject, 'Three files, two of them bad.');
  const files = page.getByLabel('Attachments (optional)');
  const problems = page.locator(PROBLEM('attachments'));
  const big = Buffer.alloc(2 * 1024 * 1024 + 1);
  PNG.copy(big);

  // Found by the browser as soon as they are chosen, and again on sending.
  await files.setInputFiles([
    {
      name: 'setup.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ'),
    },
    { name: 'fine.png', mimeType: 'image/png', buffer: PNG },
    { name: 'big.png', mimeType: 'image/png', buffer: big },
  ]);
  await expect(problems.getByRole('listitem')).toHaveText([
    '“setup.exe” is not a type of file we accept. Allowed: .jpg, .jpeg, .png, .gif, .pdf, .txt, .log, .zip.',
    '“big.png” is 2.1 MB; each file may be at most 2 MB.',
  ]);
  await page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(problems.getByRole('listitem')).toHaveCount(2);
  await expect(files).toHaveAttribute('aria-describedby', /field-attachments-problem/);

  // Names the browser accepts, contents the server refuses: both named.
  await files.setInputFiles([
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('<b>not a png</b>') },
    { name: 'fine.png', mimeType: 'image/png', buffer: PNG },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('<html><p>hi') },
  ]);
  await expect(problems).toHaveCount(0);
  await page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(problems.getByRole('listitem')).toHaveText([
    '“photo.png” was refused: its contents are not a PNG file.',
    '“notes.txt” was refused: it looks like a web page, not plain text.',
  ]);

  await expect(page.getByLabel('Subject')).toHaveValue(subject);
  await expect(page.getByLabel('Message')).toHaveValue('Three files, two of them bad.');
  expect(await ticketsNamed(subject)).toHaveLength(0);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('without JavaScript the close question opens, and its answer closes the ticket', async ({
  browser,
  page,
}) => {
  // The new-ticket form streams in, which needs JavaScript; the ticket page does not.
  const subject = unique('No script');
  await signIn(page, 'alice@kraken.example');
  await page.goto('/tickets/new');
  await fillNewTicket(page, subject, 'To be closed with JavaScript off.');
  await page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(page).toHaveURL(/\?opened=1$/);
  const [opened] = await ticketsNamed(subject);
  const context = await browser.newContext({
    baseURL: `http://localhost:${process.env.E2E_PORT ?? 3111}`,
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await context.newPage();

  await plain.goto(`/tickets/${opened?.id}?opened=1`);
  await expect(plain.getByRole('status').filter({ hasText: 'opened' })).toHaveText(
    `Ticket #${opened?.tid} opened. We will answer here and by email.`,
  );
  const yes = plain.getByRole('button', { name: 'Yes, close this ticket' });
  await expect(yes).toBeHidden();
  await plain.getByText('Close ticket…').click();
  await expect(yes).toBeVisible();
  expect((await whmcs('GetTicket', { ticketid: opened?.id ?? 0 })).status).not.toBe(
    'Closed',
  );
  await yes.click();

  await expect(plain.locator('.header-meta')).toContainText('Closed');
  expect((await whmcs('GetTicket', { ticketid: opened?.id ?? 0 })).status).toBe('Closed');
  await context.close();
});

test('the close question is reachable by keyboard and has no axe violations', async ({
  page,
}) => {
  const subject = unique('Keyboard close');
  await signIn(page, 'alice@kraken.example');
  await page.goto('/tickets/new');
  await fillNewTicket(page, subject, 'To be closed from the keyboard.');
  await page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(page).toHaveURL(/\?opened=1$/);

  const summary = page.locator('summary', { hasText: 'Close ticket…' });
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('details.confirm-step')).toHaveAttribute('open', '');
  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('button', { name: 'Yes, close this ticket' }),
  ).toBeFocused();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await page.keyboard.press('Enter');
  await expect(page.locator('.header-meta')).toContainText('Closed');
});
