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

export type BrowserMetrics = {
  runs: number;
  lcpMs: Summary;
  cls: Summary;
  /** Compressed kB (1000 bytes) of every script the page loaded (cold cache). */
  jsTransferredKb: Summary;
};

// Runs in the page before its own scripts: collects LCP and layout shifts.
const OBSERVE = `
  window.__perf = { lcp: 0, cls: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__perf.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__perf.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
`;

type Sample = { lcp: number; cls: number; js: number };

async function sample(browser: Browser, url: string, session: Session): Promise<Sample> {
  const context = await browser.newContext({ baseURL: url, storageState: session.state });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  await page.goto('/dashboard', { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const result = await page.evaluate(() => {
    const perf = (window as unknown as { __perf: { lcp: number; cls: number } }).__perf;
    const scripts = performance
      .getEntriesByType('resource')
      .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script');
    const js = scripts.reduce(
      (sum, e) => sum + (e as PerformanceResourceTiming).encodedBodySize,
      0,
    );
    return { lcp: perf.lcp, cls: perf.cls, js };
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
  for (let run = 0; run < runs; run += 1)
    samples.push(await sample(browser, url, session));

  return {
    runs,
    lcpMs: summarize(samples.map((s) => s.lcp)),
    cls: summarize(
      samples.map((s) => s.cls),
      4,
    ),
    jsTransferredKb: summarize(samples.map((s) => s.js / 1000)),
  };
}
