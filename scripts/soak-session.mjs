// One simulated customer for `npm run soak`: signs in through the real forms
// (the password form, and the account picker's no-JavaScript form for a login
// with several accounts), then browses with its own cookie jar. Each session
// claims its own client address through X-Forwarded-For, as users behind a
// trusted proxy would (the soak runs the portal with TRUSTED_PROXY_HOPS=1).

export const PASSWORD = 'KrakenDemo!2026';
const REQUEST_TIMEOUT_MS = 30_000;

export function createSession(base, email, address, record) {
  const jar = new Map();
  const headers = () => ({
    cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-forwarded-for': address,
    origin: base,
  });
  const keep = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value && !/max-age=0|expires=thu, 01 jan 1970/i.test(line))
        jar.set(name, value);
      else jar.delete(name);
    }
  };

  async function send(path, init = {}) {
    const started = performance.now();
    const response = await fetch(base + path, {
      redirect: 'manual',
      ...init,
      headers: { ...headers(), ...init.headers },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    keep(response);
    const body = await response.text();
    record({ path, response, body, ms: performance.now() - started });

    return { status: response.status, location: response.headers.get('location'), body };
  }

  async function signIn() {
    const form = new URLSearchParams({ email, password: PASSWORD, next: '/dashboard' });
    const sent = await send('/api/auth/password', { method: 'POST', body: form });
    if (sent.status !== 303) throw new Error(`${email}: sign-in answered ${sent.status}`);
    if (sent.location === '/select-account') await pickFirstAccount();

    const home = await send('/dashboard');
    if (home.status !== 200)
      throw new Error(`${email}: dashboard answered ${home.status}`);
    return home.body;
  }

  // Without JavaScript a server action form posts its action id as a field name.
  async function pickFirstAccount() {
    const page = await send('/select-account');
    const action = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(page.body)?.[1];
    const clientId = /name="clientId" value="(\d+)"/.exec(page.body)?.[1];
    if (!action || !clientId) throw new Error(`${email}: no account picker form`);

    const form = new FormData();
    form.set(action, '');
    form.set('clientId', clientId);
    const picked = await send('/select-account', { method: 'POST', body: form });
    if (picked.status !== 303)
      throw new Error(`${email}: picking answered ${picked.status}`);
  }

  return { signIn, get: (path) => send(path) };
}

const AREAS = /href="\/(services|domains|invoices|tickets)"/g;
const DETAILS = /href="\/(services|domains|invoices|tickets)\/(\d+)"/g;

/** The list pages this login may open, from the navigation on its dashboard. */
export function areasIn(html) {
  const areas = [...html.matchAll(AREAS)].map((m) => `/${m[1]}`);
  return ['/dashboard', ...new Set(areas)];
}

/** Up to `max` detail pages linked from a list page. */
export function detailsIn(html, max = 3) {
  return [...new Set([...html.matchAll(DETAILS)].map((m) => `/${m[1]}/${m[2]}`))].slice(
    0,
    max,
  );
}
