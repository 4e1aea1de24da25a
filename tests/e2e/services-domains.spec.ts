import {
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { startFaultStack, type FaultStack } from './fault-stack';
import { PASSWORD } from './support';

// A customer's changes to services and domains, in Chromium against the
// simulator: control panel sign-in, changing plan in WHMCS, cancellation,
// nameservers, registrar lock, auto-renew and the transfer code. A stack of its
// own, with a 45-second step-up window, so that a session signed in at the
// start is stale by the end; the simulator counts the calls it receives.

const STEP_UP_SECONDS = 45;

let stack: FaultStack;
let stale: { context: BrowserContext; page: Page; signedInAt: number };
test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(async ({ browser }) => {
  stack = await startFaultStack({
    STEP_UP_MAX_AGE_SECONDS: String(STEP_UP_SECONDS),
    SIGN_IN_LIMIT_PER_IP: '200',
    SIGN_IN_LIMIT_PER_ACCOUNT: '40',
    // A dozen sign-ins and page loads a minute from one address, link
    // prefetches included, come near the default 600 requests a minute.
    REQUEST_LIMIT_PER_MINUTE: '3000',
  });
  const early = await signedIn(browser, 'alice@kraken.example');
  stale = { ...early, signedInAt: Date.now() };
});
test.afterAll(() => stack?.stop());

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: stack.url });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  // A person may hold five sessions; each test signs out, so the early one lives on.
  const done = async () => {
    await page.goto('/dashboard');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await context.close();
  };

  return { context, page, done };
}

/** Asks the simulator directly, as WHMCS's admin API. */
async function whmcs(action: string, params: Record<string, string | number>) {
  const body = new URLSearchParams({
    action,
    identifier: 'kraken-demo-identifier',
    secret: 'kraken-demo-secret',
    responsetype: 'json',
    ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
  });
  const response = await fetch(`${stack.simUrl}includes/api.php`, {
    method: 'POST',
    body,
  });
  return (await response.json()) as Record<string, unknown>;
}

async function writes(action: string): Promise<number> {
  return (await stack.calls()).byAction[action] ?? 0;
}

test('an owner signs in to a service’s control panel through WHMCS', async ({
  browser,
}) => {
  const { page, done } = await signedIn(browser, 'alice@kraken.example');

  await page.goto('/services/1');
  await page.getByRole('button', { name: 'Sign in to control panel' }).click();

  await expect(page).toHaveURL(/\/oauth\/singlesignon\.php\?access_token=/);
  await expect(page.getByRole('listitem')).toContainText([
    'Signed in as alice@kraken.example (user 1)',
    'Client account 1',
    'Service 1',
    'Path clientarea.php?action=productdetails&id=1&dosinglesignon=1',
  ]);
  await done();
});

test('an owner sees the other plans of a service and goes to WHMCS to change', async ({
  browser,
}) => {
  const { page, done } = await signedIn(browser, 'alice@kraken.example');

  await page.goto('/services/1');
  const plans = page.getByRole('region', { name: 'Change plan' });
  await expect(plans.getByRole('row')).toContainText([
    /Plan\s*Price per month/,
    /Starter Shared\s*\$4\.95 USD/,
    /Premium Shared\s*\$24\.95 USD/,
  ]);
  await plans.getByRole('button', { name: 'Choose a new plan in WHMCS' }).click();

  await expect(page).toHaveURL(/\/oauth\/singlesignon\.php\?access_token=/);
  await expect(page.getByRole('listitem')).toContainText([
    'Signed in as alice@kraken.example (user 1)',
    'Path upgrade.php?type=package&id=1',
  ]);
  await done();
});

test('an owner requests a cancellation after confirming it, and sees it pending', async ({
  browser,
}) => {
  const { page, done } = await signedIn(browser, 'alice@kraken.example');
  const before = await writes('AddCancelRequest');

  await page.goto('/services/2');
  const card = page.getByRole('region', { name: 'Cancel this service' });
  await card.getByLabel('When should it end?').selectOption('Immediate');
  await card.getByLabel('Why are you cancelling?').fill('Moving the portfolio elsewhere');
  await card.getByRole('button', { name: 'Request cancellation' }).click();

  await expect(card.getByRole('alert')).toContainText('correct the fields');
  await expect(card.getByText('Tick the box to confirm')).toBeVisible();
  await expect(card.getByLabel('Why are you cancelling?')).toHaveValue(
    'Moving the portfolio elsewhere',
  );
  expect(await writes('AddCancelRequest')).toBe(before);

  await card.getByRole('checkbox').check();
  await card.getByRole('button', { name: 'Request cancellation' }).click();
  // The page is drawn again with the request pending, in place of the form.
  const pending = page.getByRole('region', { name: 'Cancellation' });
  await expect(pending.getByRole('status')).toContainText(
    'Cancellation requested to take effect immediately',
  );
  expect(await writes('AddCancelRequest')).toBe(before + 1);

  await page.reload();
  await expect(page.getByRole('region', { name: 'Cancellation' })).toContainText(
    'Cancellation requested to take effect immediately',
  );
  await expect(page.getByRole('button', { name: 'Request cancellation' })).toHaveCount(0);
  // A service on its way out is offered no new plan.
  await expect(page.getByRole('region', { name: 'Change plan' })).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: 'Choose a new plan in WHMCS' }),
  ).toHaveCount(0);
  await done();
});

/** A service's next due date as WHMCS has it, and as the portal writes it. */
async function dueDateOf(serviceId: number) {
  const answer = (await whmcs('GetClientsProducts', { serviceid: serviceId })) as {
    products: { product: { nextduedate: string }[] };
  };
  const due = answer.products.product[0]?.nextduedate ?? '';
  const shown = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    dateStyle: 'long',
  }).format(new Date(`${due}T00:00:00Z`));

  return { due, shown };
}

test('a suspended service past its paid period is offered only an immediate cancellation, and told why', async ({
  browser,
}) => {
  const { page, done } = await signedIn(browser, 'alice@kraken.example');
  // Alice's suspended Starter Shared: its renewal is unpaid, its due date passed.
  const { due, shown } = await dueDateOf(7);
  expect(due < new Date().toISOString().slice(0, 10)).toBe(true);
  const before = await writes('AddCancelRequest');

  await page.goto('/services/7');
  const card = page.getByRole('region', { name: 'Cancel this service' });
  await expect(card.getByLabel('When should it end?')).toHaveCount(0);
  await expect(card).not.toContainText('end of the paid period');
  await expect(card).toContainText(
    `This service is suspended and its paid period ended on ${shown}, so it can only be cancelled immediately.`,
  );
  const confirm = card.getByRole('checkbox');
  await expect(confirm).toHaveAccessibleName(
    'I want Starter Shared (atelier-moreau.example) cancelled immediately: it stops at our ' +
      'next daily run, within 24 hours, and its data is deleted then. Once sent, only our ' +
      'support team can stop the request.',
  );
  await card.getByLabel('Why are you cancelling?').fill('Closing the atelier');
  await confirm.check();
  await card.getByRole('button', { name: 'Request cancellation' }).click();

  await expect(
    page.getByRole('region', { name: 'Cancellation' }).getByRole('status'),
  ).toContainText('Cancellation requested to take effect immediately');
  expect(await writes('AddCancelRequest')).toBe(before + 1);
  await done();
});

test('the confirmation says exactly what the chosen option does, and when', async ({
  browser,
}) => {
  const { page, done } = await signedIn(browser, 'alice@kraken.example');
  // Alice's active Business Shared for the bakery, paid until a date ahead.
  const { due, shown } = await dueDateOf(13);
  expect(due > new Date().toISOString().slice(0, 10)).toBe(true);

  await page.goto('/services/13');
  const card = page.getByRole('region', { name: 'Cancel this service' });
  const when = card.getByLabel('When should it end?');
  const confirm = card.getByRole('checkbox');
  await expect(when.locator('option')).toHaveText([
    `At the end of the paid period, on ${shown}`,
    'Immediately, within 24 hours',
  ]);
  await expect(confirm).toHaveAccessibleName(
    'I want Business Shared (client-bakery.example) cancelled at the end of its paid ' +
      `period: it keeps working until ${shown}, is not renewed, and ends that day, and ` +
      'its data is deleted then. Once sent, only our support team can stop the request.',
  );

  await when.selectOption('Immediate');
  await expect(confirm).toHaveAccessibleName(
    'I want Business Shared (client-bakery.example) cancelled immediately: it stops at ' +
      'our next daily run, within 24 hours, and its data is deleted then. Once sent, only ' +
      'our support team can stop the request.',
  );
  await when.selectOption('End of Billing Period');
  await expect(confirm).toHaveAccessibleName(new RegExp(`keeps working until ${shown}`));
  await done();
});

test('an owner changes the nameservers; a bad name is refused and the typing kept', async ({
  browser,
}) => {
  const { page, done } = await signedIn(browser, 'alice@kraken.example');

  await page.goto('/domains/1');
  const card = page.getByRole('region', { name: 'Nameservers' });
  await expect(card.getByLabel('Nameserver 1')).toHaveValue('ns1.kraken.example');
  await card.getByLabel('Nameserver 1').fill('ns1.new-dns.example');
  await card.getByLabel('Nameserver 2').fill('ns2.new-dns.example');
  await card.getByLabel('Nameserver 3 (optional)').fill('192.0.2.53');
  await card.getByRole('button', { name: 'Save nameservers' }).click();

  await expect(card.getByText('not its IP address')).toBeVisible();
  await expect(card.getByLabel('Nameserver 3 (optional)')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(card.getByLabel('Nameserver 1')).toHaveValue('ns1.new-dns.example');
  await card.getByLabel('Nameserver 3 (optional)').fill('NS3.New-DNS.example');
  await card.getByRole('button', { name: 'Save nameservers' }).click();

  await expect(card.getByRole('status')).toHaveText(
    'Nameservers changed for moreau-design.example.',
  );
  expect(await whmcs('DomainGetNameservers', { domainid: 1 })).toEqual({
    result: 'success',
    ns1: 'ns1.new-dns.example',
    ns2: 'ns2.new-dns.example',
    ns3: 'ns3.new-dns.example',
  });
  await page.reload();
  await expect(
    page
      .getByRole('region', { name: 'Nameservers' })
      .getByLabel('Nameserver 3 (optional)'),
  ).toHaveValue('ns3.new-dns.example');
  await done();
});

test('an owner turns the registrar lock and auto-renew off and on', async ({
  browser,
}) => {
  const { page, done } = await signedIn(browser, 'alice@kraken.example');

  await page.goto('/domains/1');
  const lock = page.getByRole('region', { name: 'Registrar lock' });
  await expect(lock).toContainText('On: the domain cannot be transferred');
  await lock.getByRole('button', { name: 'Turn the lock off' }).click();
  await expect(lock.getByRole('status')).toContainText('The registrar lock is off');
  await expect(lock).toContainText('Off: the domain can be transferred');
  expect((await whmcs('DomainGetLockingStatus', { domainid: 1 })).lockstatus).toBe(
    'unlocked',
  );
  await lock.getByRole('button', { name: 'Turn the lock on' }).click();
  await expect(lock).toContainText('On: the domain cannot be transferred');
  expect((await whmcs('DomainGetLockingStatus', { domainid: 1 })).lockstatus).toBe(
    'locked',
  );

  const renew = page.getByRole('region', { name: 'Auto-renew' });
  await renew.getByRole('button', { name: 'Turn auto-renew off' }).click();
  await expect(renew.getByRole('status')).toContainText('Auto-renew is off');
  await expect(page.getByRole('region', { name: 'Renewal' })).toContainText(
    /Auto-renew\s*Off/,
  );
  const row = async () =>
    (
      (await whmcs('GetClientsDomains', { domainid: 1 })) as {
        domains: { domain: Record<string, string>[] };
      }
    ).domains.domain[0];
  expect((await row())?.donotrenew).toBe('1');
  await renew.getByRole('button', { name: 'Turn auto-renew on' }).click();
  await expect(renew.getByRole('status')).toContainText('Auto-renew is on');
  expect((await row())?.donotrenew).toBe('0');
  await done();
});

test('an owner gets a transfer code once; other registrars email it or refuse', async ({
  browser,
}) => {
  const { page, done } = await signedIn(browser, 'alice@kraken.example');
  const card = () => page.getByRole('region', { name: 'Transfer code' });

  await page.goto('/domains/1');
  await card().getByRole('button', { name: 'Get the transfer code' }).click();
  const shown = card().locator('code');
  await expect(shown).toBeVisible();
  const code = (await shown.textContent()) ?? '';
  expect(code).toMatch(/^\S{16}$/);
  expect(await whmcs('DomainRequestEPP', { domainid: 1 })).toEqual({
    result: 'success',
    eppcode: code,
  });
  await page.reload();
  await expect(page.getByText(code)).toHaveCount(0);
  expect(stack.output()).not.toContain(code);

  await page.goto('/domains/2');
  await card().getByRole('button', { name: 'Get the transfer code' }).click();
  await expect(card().getByRole('status')).toContainText(
    'by email to the domain’s registrant',
  );

  await page.goto('/domains/6');
  await card().getByRole('button', { name: 'Get the transfer code' }).click();
  await expect(card().getByRole('alert')).toContainText('less than 60 days ago');
  await expect(card().locator('code')).toHaveCount(0);
  await done();
});

type Captured = { url: string; headers: Record<string, string>; body: Buffer };

/** The server action request `act` makes, stopped before it reaches the portal. */
async function captureAction(page: Page, act: () => Promise<void>): Promise<Captured> {
  let captured: Captured | null = null;
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST' || !request.headers()['next-action'])
      return route.continue();
    captured = {
      url: request.url(),
      headers: await request.allHeaders(),
      body: request.postDataBuffer() ?? Buffer.alloc(0),
    };
    return route.abort();
  });
  await act();
  await expect.poll(() => captured !== null).toBe(true);
  await page.unroute('**/*');

  return captured as unknown as Captured;
}

async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Sends a captured server action again, as someone else or from somewhere else. */
function replay(
  request: Captured,
  options: { cookie: string; origin: string; body?: Buffer; fetchSite?: string },
) {
  const keep = ['next-action', 'next-router-state-tree', 'content-type', 'accept'];
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => keep.includes(name)),
  );
  const crossSite = options.origin !== stack.url;

  return fetch(request.url, {
    method: 'POST',
    headers: {
      ...headers,
      cookie: options.cookie,
      origin: options.origin,
      'sec-fetch-site': options.fetchSite ?? (crossSite ? 'cross-site' : 'same-origin'),
    },
    body: new Uint8Array(options.body ?? request.body),
    redirect: 'manual',
  });
}

/** The form body with the record id field set to `id` (React prefixes field names). */
function withRecordId(body: Buffer, field: string, id: number): Buffer {
  const pattern = new RegExp(`(name="(?:_?\\d+_)?${field}"\\r\\n\\r\\n)\\d+`);
  const text = body.toString('latin1');
  expect(text).toMatch(pattern);

  return Buffer.from(text.replace(pattern, `$1${id}`), 'latin1');
}

test('a forged cross-site request is refused and nothing reaches WHMCS', async ({
  browser,
}) => {
  const { page, context, done } = await signedIn(browser, 'alice@kraken.example');
  await page.goto('/domains/3');
  const lock = page.getByRole('region', { name: 'Registrar lock' });
  const request = await captureAction(page, () =>
    lock.getByRole('button', { name: 'Turn the lock off' }).click(),
  );
  const cookie = await cookieHeader(context);
  const before = await writes('DomainUpdateLockingStatus');

  // As a browser sends it from another site (proxy.ts refuses it), and with
  // Sec-Fetch-Site claiming same-origin (Next's own check of Origin refuses it).
  const forged = await replay(request, { cookie, origin: 'https://evil.example' });
  const claimed = await replay(request, {
    cookie,
    origin: 'https://evil.example',
    fetchSite: 'same-origin',
  });

  expect(forged.status).toBe(403);
  expect(claimed.status).toBeGreaterThanOrEqual(400);
  expect(await writes('DomainUpdateLockingStatus')).toBe(before);
  expect((await whmcs('DomainGetLockingStatus', { domainid: 3 })).lockstatus).toBe(
    'locked',
  );

  // The same request from the portal's own origin goes through: the refusal
  // above is the origin check, not a broken replay.
  const genuine = await replay(request, { cookie, origin: stack.url });
  expect(genuine.status).toBe(200);
  expect(await writes('DomainUpdateLockingStatus')).toBe(before + 1);
  expect((await whmcs('DomainGetLockingStatus', { domainid: 3 })).lockstatus).toBe(
    'unlocked',
  );
  await done();
});

test("another client's domain is not found, and WHMCS receives no write", async ({
  browser,
}) => {
  const { page, context, done } = await signedIn(browser, 'alice@kraken.example');
  await page.goto('/domains/1');
  const request = await captureAction(page, () =>
    page
      .getByRole('region', { name: 'Registrar lock' })
      .getByRole('button', { name: /Turn the lock/ })
      .click(),
  );
  // Sam's domain (client 2).
  const samsDomain = 9;
  expect(
    (
      (await whmcs('GetClientsDomains', { domainid: samsDomain })) as {
        domains: { domain: { userid: string }[] };
      }
    ).domains.domain[0]?.userid,
  ).toBe('2');
  const before = await writes('DomainUpdateLockingStatus');

  const answer = await replay(request, {
    cookie: await cookieHeader(context),
    origin: stack.url,
    body: withRecordId(request.body, 'domainId', samsDomain),
  });

  expect(answer.status).toBe(404);
  expect(await writes('DomainUpdateLockingStatus')).toBe(before);
  expect((await page.goto('/domains/9'))?.status()).toBe(404);
  await done();
});

test('a non-owner who may see domains sees their settings read-only and is refused a change', async ({
  browser,
}) => {
  const owner = await signedIn(browser, 'alice@kraken.example');
  await owner.page.goto('/domains/1');
  const request = await captureAction(owner.page, () =>
    owner.page
      .getByRole('region', { name: 'Registrar lock' })
      .getByRole('button', { name: /Turn the lock/ })
      .click(),
  );
  await owner.done();
  const agency = await signedIn(browser, 'webmaster@kraken.example');

  await agency.page.goto('/domains/1');
  const nameservers = agency.page.getByRole('region', { name: 'Nameservers' });
  await expect(nameservers).toContainText('Nameserver 1');
  await expect(nameservers).toContainText('can see these settings but not change them');
  await expect(agency.page.getByRole('textbox')).toHaveCount(0);
  await expect(
    agency.page.getByRole('button', { name: /Turn|Save|Get the/ }),
  ).toHaveCount(0);
  const before = await writes('DomainUpdateLockingStatus');

  const answer = await replay(request, {
    cookie: await cookieHeader(agency.context),
    origin: stack.url,
  });

  expect(answer.status).toBe(403);
  expect(await writes('DomainUpdateLockingStatus')).toBe(before);

  // The same login may use a control panel (productsso), but not cancel (orders).
  await agency.page.goto('/services/1');
  await expect(agency.page.getByRole('region', { name: 'Control panel' })).toBeVisible();
  await expect(
    agency.page.getByRole('region', { name: 'Cancel this service' }),
  ).toHaveCount(0);
  await expect(agency.page.getByRole('region', { name: 'Change plan' })).toHaveCount(0);
  await agency.done();
});

test('a stale session is asked to confirm before each step-up action', async () => {
  test.setTimeout(180_000);
  const { page } = stale;
  // The window is 45 seconds; the session signed in before the other tests ran.
  const wait = stale.signedInAt + (STEP_UP_SECONDS + 2) * 1000 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  const sso = await writes('CreateSsoToken');
  const cancels = await writes('AddCancelRequest');
  const nameservers = await writes('DomainUpdateNameservers');
  const codes = await writes('DomainRequestEPP');
  const locks = await writes('DomainUpdateLockingStatus');
  const toConfirm = (back: string) =>
    expect(page).toHaveURL(`/account/confirm?next=${encodeURIComponent(back)}`);

  await page.goto('/services/1');
  await expect(
    page
      .getByRole('region', { name: 'Control panel' })
      .getByText('confirm it’s you first'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Sign in to control panel' }).click();
  await toConfirm('/services/1');

  await page.goto('/services/3');
  const cancel = page.getByRole('region', { name: 'Cancel this service' });
  await cancel.getByLabel('Why are you cancelling?').fill('Consolidating servers');
  await cancel.getByRole('checkbox').check();
  await cancel.getByRole('button', { name: 'Request cancellation' }).click();
  await toConfirm('/services/3');

  await page.goto('/domains/2');
  await page.getByRole('button', { name: 'Save nameservers' }).click();
  await toConfirm('/domains/2');

  await page.goto('/domains/2');
  await page.getByRole('button', { name: 'Get the transfer code' }).click();
  await toConfirm('/domains/2');

  await page.goto('/domains/2');
  const lock = page.getByRole('region', { name: 'Registrar lock' });
  await expect(lock.getByText('confirm it’s you first')).toBeVisible();
  await lock.getByRole('button', { name: 'Turn the lock off' }).click();
  await toConfirm('/domains/2');

  expect(await writes('CreateSsoToken')).toBe(sso);
  expect(await writes('AddCancelRequest')).toBe(cancels);
  expect(await writes('DomainUpdateNameservers')).toBe(nameservers);
  expect(await writes('DomainRequestEPP')).toBe(codes);
  expect(await writes('DomainUpdateLockingStatus')).toBe(locks);

  // Confirming the password brings the person back, and the change then goes through.
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(page).toHaveURL(/\/domains\/2\?confirmed=1$/);
  await page.getByRole('button', { name: 'Save nameservers' }).click();
  await expect(
    page.getByRole('region', { name: 'Nameservers' }).getByRole('status'),
  ).toHaveText('Nameservers changed for moreau-portfolio.example.');
  expect(await writes('DomainUpdateNameservers')).toBe(nameservers + 1);
});
