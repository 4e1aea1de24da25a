import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TOTP_SECRET } from '@/whmcs-sim/demo-accounts';
import { matchTotp, totp } from '@/whmcs-sim/oidc/totp';
import { DEFAULT_CREDENTIALS, DEMO_PASSWORD } from '@/whmcs-sim/seed';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import {
  authorizeUrl,
  loginId,
  openAuthorize,
  postForm,
  TEST_CLIENT,
} from '../support/oidc-sim';

// The simulator's sign-in page enforces secure@'s second factor (RFC 6238 TOTP),
// and its test-only tamper switch is not reachable over HTTP by default.

let running: RunningSimulator;

beforeAll(async () => {
  running = await startSimulator({
    credentials: DEFAULT_CREDENTIALS,
    oidc: { clients: [TEST_CLIENT] },
  });
});
afterAll(() => running.close());
beforeEach(() => running.sim.oidc.totpSteps.clear());

/** A six-digit string that is not a valid code right now. */
function wrongCode(): string {
  for (let n = 0; ; n += 1) {
    const code = String(n).padStart(6, '0');
    if (matchTotp(DEMO_TOTP_SECRET, code) === null) return code;
  }
}

describe('simulator OIDC second factor', () => {
  async function atTotpStep() {
    const page = await openAuthorize(authorizeUrl(running.url));
    const login = loginId(page.html);
    const step = await postForm(running.url, {
      login,
      email: 'secure@kraken.example',
      password: DEMO_PASSWORD,
    });

    return { login, step };
  }

  it('asks a two-factor user for a code instead of redirecting', async () => {
    const { step } = await atTotpStep();

    expect(step.status).toBe(200);
    expect(step.location).toBeNull();
    expect(step.html).toContain('Authentication code');
  });

  it('refuses a wrong code and accepts the current one', async () => {
    const { login } = await atTotpStep();
    const refused = await postForm(running.url, { login, code: wrongCode() });
    const accepted = await postForm(running.url, { login, code: totp(DEMO_TOTP_SECRET) });

    expect(refused.location).toBeNull();
    expect(refused.html).toContain('That code is not valid.');
    expect(
      new URL(accepted.location ?? 'http://x/').searchParams.get('code'),
    ).toBeTruthy();
  });

  it('accepts a code only once', async () => {
    const code = totp(DEMO_TOTP_SECRET);
    const first = await atTotpStep();
    await postForm(running.url, { login: first.login, code });
    const second = await atTotpStep();

    const replay = await postForm(running.url, { login: second.login, code });

    expect(replay.location).toBeNull();
  });

  it('ends the sign-in after five wrong codes', async () => {
    const { login } = await atTotpStep();
    for (let i = 0; i < 4; i += 1)
      await postForm(running.url, { login, code: wrongCode() });

    const last = await postForm(running.url, { login, code: wrongCode() });
    const after = await postForm(running.url, { login, code: totp(DEMO_TOTP_SECRET) });

    expect(last.status).toBe(400);
    expect(after.status).toBe(400);
    expect(after.location).toBeNull();
  });
});

describe('simulator OIDC tamper switch', () => {
  it('is not served over HTTP unless the test option is set', async () => {
    const answer = await fetch(`${running.url}/__sim/oidc/tamper`, {
      method: 'POST',
      body: new URLSearchParams({ mode: 'alg-none' }),
    });

    expect(answer.status).toBe(404);
    expect(running.sim.oidc.tamper).toBe('none');
  });

  it('switches with the test option', async () => {
    const testSim = await startSimulator({
      credentials: DEFAULT_CREDENTIALS,
      oidcTestControl: true,
    });
    try {
      const answer = await fetch(`${testSim.url}/__sim/oidc/tamper`, {
        method: 'POST',
        body: new URLSearchParams({ mode: 'expired' }),
      });

      expect(await answer.json()).toEqual({ tamper: 'expired' });
      expect(testSim.sim.oidc.tamper).toBe('expired');
    } finally {
      await testSim.close();
    }
  });
});
