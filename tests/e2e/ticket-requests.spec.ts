import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { signIn, whmcs } from './support';

// The ticket forms' requests taken out of the browser and sent again, changed:
// from another site (refused by the proxy, and by Next's own origin check when
// the proxy is lied to), again with the same submission key (answered, not
// posted twice), and with bodies at the edge of the size limits.

type Captured = { url: string; headers: Record<string, string>; body: Buffer };
type Reply = { message: string };

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MB2 = 2 * 1024 * 1024;

/** The server action request the browser sends while `act` runs. */
async function capture(page: Page, act: () => Promise<void>): Promise<Captured> {
  const sent = page.waitForRequest(
    (r) => r.method() === 'POST' && !!r.headers()['next-action'],
  );
  await act();
  const request = await sent;
  return {
    url: request.url(),
    headers: await request.allHeaders(),
    body: request.postDataBuffer() ?? Buffer.alloc(0),
  };
}

/** The fields of a captured multipart body. */
function fieldsOf(captured: Captured): Promise<FormData> {
  return new Response(new Uint8Array(captured.body), {
    headers: { 'content-type': captured.headers['content-type'] ?? '' },
  }).formData();
}

/** The same bytes with the submission key swapped for a new one of the same length. */
async function withNewKey(captured: Captured): Promise<Buffer> {
  const fields = await fieldsOf(captured);
  const [, key] = [...fields].find(([name]) => name.endsWith('submission')) ?? [];
  expect(typeof key).toBe('string');
  return Buffer.from(
    captured.body.toString('latin1').replaceAll(String(key), randomUUID()),
    'latin1',
  );
}

/** Headers an action request needs, with the site it claims to come from. */
function actionHeaders(captured: Captured, origin: string, site: string) {
  const keep = ['next-action', 'next-router-state-tree', 'content-type', 'accept'];
  const headers: Record<string, string> = { origin, 'sec-fetch-site': site };
  for (const name of keep) {
    const value = captured.headers[name];
    if (value) headers[name] = value;
  }
  return headers;
}

async function replies(ticketId: string): Promise<string[]> {
  const answer = (await whmcs('GetTicket', { ticketid: ticketId })) as {
    replies: { reply: Reply[] };
  };
  return answer.replies.reply.map((r) => r.message);
}

async function newTicket(subject: string): Promise<string> {
  const opened = await whmcs('OpenTicket', {
    clientid: 1,
    deptid: 2,
    subject,
    message: 'Opened for a request test.',
  });
  return String(opened.id);
}

test('a reply request from another site is refused and posts nothing', async ({
  page,
}) => {
  const ticketId = await newTicket(`Forgery ${Date.now()}`);
  await signIn(page, 'alice@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(`/tickets/${ticketId}`);
  const own = new URL(page.url()).origin;

  await page.getByLabel('Your reply').fill('Genuine reply');
  const captured = await capture(page, () =>
    page.getByRole('button', { name: 'Send reply' }).click(),
  );
  await expect(
    page.getByRole('status').filter({ hasText: 'Your reply was sent.' }),
  ).toBeVisible();
  expect(await replies(ticketId)).toEqual([
    'Opened for a request test.',
    'Genuine reply',
  ]);

  const send = async (origin: string, site: string, body: Buffer) =>
    page.request.fetch(captured.url, {
      method: 'POST',
      headers: actionHeaders(captured, origin, site),
      data: body,
      maxRedirects: 0,
    });

  // A browser on another site says so in Sec-Fetch-Site: the proxy refuses.
  const crossSite = await send(
    'https://evil.example',
    'cross-site',
    await withNewKey(captured),
  );
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.text()).toBe('Cross-site request refused.');

  // A client that lies about Sec-Fetch-Site gets past the proxy, not past Next's
  // check of Origin against Host.
  const lying = await send(
    'https://evil.example',
    'same-origin',
    await withNewKey(captured),
  );
  expect(lying.status()).toBe(500);
  expect(await replies(ticketId)).toHaveLength(2);

  // The same request from the portal itself, with a new key, does post: the
  // refusals above were about where it came from.
  const genuine = await send(own, 'same-origin', await withNewKey(captured));
  expect(genuine.status()).toBe(200);
  expect(await replies(ticketId)).toHaveLength(3);

  // Sent again with its first key, it is answered without a second post.
  const repeat = await send(own, 'same-origin', captured.body);
  expect(repeat.status()).toBe(200);
  expect(await repeat.text()).toContain('Your reply was sent.');
  expect(await replies(ticketId)).toHaveLength(3);
});

test('ticket bodies at the size limits: the largest allowed form goes through, more is refused', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'alice@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/tickets/new');
  const own = new URL(page.url()).origin;
  await page.getByLabel('Subject').fill(`Size probe ${Date.now()}`);
  await page.getByLabel('Message').fill('Probe');
  // Chromium hands the test no bytes of files it uploads, so the form is taken
  // without one, and files are added to the copy under the form's own prefix.
  const captured = await capture(page, () =>
    page.getByRole('button', { name: 'Open ticket' }).click(),
  );
  await expect(page.getByRole('status').filter({ hasText: 'opened' })).toBeVisible();
  const template = await fieldsOf(captured);
  // The form's own fields carry a prefix React gives them ("_1_subject").
  const subjectField = [...template.keys()].find((name) => name.endsWith('_subject'));
  expect(subjectField).toBeDefined();
  const prefix = subjectField?.slice(0, -'subject'.length) ?? '';
  const cookie = (await page.context().cookies())
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');

  /** The captured form with a new subject and key, and `count` files of `size` bytes (the last `lastSize`). */
  async function post(subject: string, count: number, size: number, lastSize = size) {
    const body = new FormData();
    const fields = [...template].filter(([name]) => name.startsWith(prefix));
    for (const [name, value] of fields) {
      if (typeof value !== 'string') continue;
      if (name === `${prefix}subject`) body.append(name, subject);
      else if (name === `${prefix}submission`) body.append(name, randomUUID());
      else body.append(name, value);
    }
    for (let i = 0; i < count; i += 1) {
      const data = Buffer.alloc(i === count - 1 ? Math.round(lastSize) : size);
      PNG.copy(data);
      body.append(
        `${prefix}attachments`,
        new File([data], `f${i}.png`, { type: 'image/png' }),
      );
    }
    // React reads the form's fields when it meets the call's arguments, so
    // those come last, as the browser sends them.
    for (const [name, value] of template) {
      if (!name.startsWith(prefix) && typeof value === 'string') body.append(name, value);
    }
    const headers = actionHeaders(captured, own, 'same-origin');
    delete headers['content-type'];
    const response = await fetch(captured.url, {
      method: 'POST',
      headers: { ...headers, cookie },
      body,
      redirect: 'manual',
    });
    return { status: response.status, text: await response.text() };
  }
  const opened = async (subject: string) => {
    const answer = (await whmcs('GetTickets', { clientid: 1, subject })) as {
      tickets: { ticket?: { subject: string; id: string }[] };
    };
    return (answer.tickets.ticket ?? []).filter((t) => t.subject === subject);
  };

  // Five files of exactly 2 MB: the most the form allows, opened with all five.
  const largest = `Largest allowed ${Date.now()}`;
  const ok = await post(largest, 5, MB2);
  expect(ok.status).toBe(200);
  const [ticket] = await opened(largest);
  const first = (await whmcs('GetTicket', { ticketid: ticket?.id ?? 0 })) as {
    replies: { reply: { attachments: { filename: string }[] }[] };
  };
  expect(first.replies.reply[0]?.attachments.map((a) => a.filename)).toEqual([
    'f0.png',
    'f1.png',
    'f2.png',
    'f3.png',
    'f4.png',
  ]);

  // One byte over on each file, still under the body limit: the server itself
  // answers, naming the file and the limit, and sends nothing to WHMCS.
  const over = `One byte over ${Date.now()}`;
  const refused = await post(over, 5, MB2 + 1);
  expect(refused.status).toBe(200);
  // Every one of the five is named, not only the first.
  for (const name of ['f0.png', 'f1.png', 'f2.png', 'f3.png', 'f4.png'])
    expect(refused.text).toContain(`${name}” is 2.1 MB; each file may be at most 2 MB.`);
  expect(await opened(over)).toHaveLength(0);

  // Past the body limit: a sixth file that takes the body over 11 MB. Had the
  // portal's code run, it would have answered "attach at most 5"; Next cuts the
  // request off first (a 413 inside, a 500 to a server action's caller).
  const huge = `Past the body limit ${Date.now()}`;
  const cut = await post(huge, 6, MB2, 1.2 * 1024 * 1024);
  expect(cut.status).toBe(500);
  expect(cut.text).not.toContain('attach at most');
  expect(await opened(huge)).toHaveLength(0);
});
