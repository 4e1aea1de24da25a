// Chromium for the benchmark (Debian's, never a downloaded one): signs in
// through the real login form, and reads the dashboard's paint, layout shift
// and script bytes the way a first-time visitor would get them.
import { chromium, type Browser } from '@playwright/test';
import { summarize, type Summary } from './stats';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const DEMO_LOGIN = { email: 'alice@kraken.example', password: 'KrakenDemo!2026' };

type State = Awaited<
  ReturnType<Awaited<ReturnType<Browser['newContext']>>['storageState']>
>;
export type Session = { cookie: string; state: State };

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
}

/** Signs in as the main demo customer; returns the session cookie for other clients. */
export async function signIn(browser: Browser, url: string): Promise<Session> {
  const context = await browser.newContext({ baseURL: url });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email address').fill(DEMO_LOGIN.email);
  await page.getByLabel('Password').fill(DEMO_LOGIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/dashboard$/, { timeout: 30_000 });
  const state = await context.storageState();
  await context.close();

  const session = state.cookies.find((c) => c.name === '__Host-kp_session');
  if (!session) throw new Error('signed in, but no __Host-kp_session cookie was set');
  return { cookie: `${session.name}=${session.value}`, state };
}

/** The two screens the dashboard is loaded on: a laptop's and a phone's. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 720 },
  phone: { width: 390, height: 844 },
} as const;

export type BrowserMetrics = {
  runs: number;
  /** At 1280×720. */
  lcpMs: Summary;
  cls: Summary;
  /** Compressed kB (1000 bytes) of every script the page loaded (cold cache). */
  jsTransferredKb: Summary;
  /** Until every card's skeleton was replaced (its rows in), ms since navigation. */
  cardsMs: Summary;
  /** Until no placeholder was left (the amounts of the unpaid card too). */
  filledMs: Summary;
  /** The same loads at 390×844. */
  phone: { lcpMs: Summary; cls: Summary };
};

// Runs in the page before its own scripts: collects LCP and layout shifts, and
// when the cards' skeletons ([data-skeleton="card"]) and then the last
// placeholder of any kind ([data-skeleton], e.g. an amount still on its way)
// have left the page, in ms since navigation started.
const OBSERVE = `
  window.__perf = { lcp: 0, cls: 0, cards: 0, filled: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__perf.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__perf.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new MutationObserver(() => {
    const perf = window.__perf;
    if (!document.querySelector('main h1')) return;
    if (!perf.cards && !document.querySelector('[data-skeleton="card"]'))
      perf.cards = performance.now();
    if (!perf.filled && !document.querySelector('[data-skeleton]'))
      perf.filled = performance.now();
  }).observe(document, { childList: true, subtree: true });
`;

type Perf = { lcp: number; cls: number; cards: number; filled: number };
type Sample = Perf & { js: number };

type Viewport = (typeof VIEWPORTS)[keyof typeof VIEWPORTS];

async function sample(
  browser: Browser,
  url: string,
  session: Session,
  viewport: Viewport,
): Promise<Sample> {
  const context = await browser.newContext({
    baseURL: url,
    storageState: session.state,
    viewport,
  });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  await page.goto('/dashboard', { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const result = await page.evaluate(() => {
    const perf = (window as unknown as { __perf: Perf }).__perf;
    const scripts = performance
      .getEntriesByType('resource')
      .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script');
    const js = scripts.reduce(
      (sum, e) => sum + (e as PerformanceResourceTiming).encodedBodySize,
      0,
    );
    return { ...perf, js };
  });
  await context.close();

  return result;
}

export async function dashboardMetrics(
  browser: Browser,
  url: string,
  session: Session,
  runs: number,
): Promise<BrowserMetrics> {
  const samples: Sample[] = [];
  const phone: Sample[] = [];
  for (let run = 0; run < runs; run += 1) {
    samples.push(await sample(browser, url, session, VIEWPORTS.desktop));
    phone.push(await sample(browser, url, session, VIEWPORTS.phone));
  }
  const cls = (list: Sample[]) =>
    summarize(
      list.map((s) => s.cls),
      4,
    );

  return {
    runs,
    lcpMs: summarize(samples.map((s) => s.lcp)),
    cls: cls(samples),
    jsTransferredKb: summarize(samples.map((s) => s.js / 1000)),
    cardsMs: summarize(samples.map((s) => s.cards)),
    filledMs: summarize(samples.map((s) => s.filled)),
    phone: { lcpMs: summarize(phone.map((s) => s.lcp)), cls: cls(phone) },
  };
}
