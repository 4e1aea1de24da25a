// Drives the simulator's OIDC sign-in page the way a browser would: open the
// authorization URL, post the forms, follow nothing automatically.
import { DEMO_TOTP_SECRET } from '@/whmcs-sim/demo-accounts';
import { totp } from '@/whmcs-sim/oidc/totp';

export const TEST_CLIENT = {
  clientId: 'portal-test',
  clientSecret: 'portal-test-secret-0123456789abcdef',
  redirectUris: ['http://localhost:3999/api/auth/callback/whmcs'],
};
export const REDIRECT_URI = 'http://localhost:3999/api/auth/callback/whmcs';

export type Page = {
  status: number;
  location: string | null;
  html: string;
  /** The provider's session cookie (name=value) when the page set one. */
  cookie: string | null;
};

async function read(response: Response): Promise<Page> {
  return {
    status: response.status,
    location: response.headers.get('location'),
    html: await response.text(),
    cookie: response.headers.get('set-cookie')?.split(';')[0] ?? null,
  };
}

/** The hidden sign-in id in one of the simulator's pages. */
export function loginId(html: string): string {
  const id = /name="login" value="([^"]+)"/.exec(html)?.[1];
  if (!id) throw new Error(`no sign-in form in: ${html.slice(0, 200)}`);

  return id;
}

/** Opens the authorization URL; `cookie` is what a browser that signed in there before sends. */
export async function openAuthorize(
  authorizeUrl: string,
  cookie?: string,
): Promise<Page> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  return read(await fetch(authorizeUrl, { redirect: 'manual', headers }));
}

export async function postForm(simUrl: string, fields: Record<string, string>) {
  const response = await fetch(`${simUrl}/oauth/authorize.php`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });

  return read(response);
}

/** Password (and, for secure@, the current TOTP code) on an opened sign-in page. */
export async function signInAt(
  simUrl: string,
  page: Page,
  email: string,
  password: string,
): Promise<Page> {
  const login = loginId(page.html);
  const answer = await postForm(simUrl, { login, email, password });
  if (answer.status !== 200 || !answer.html.includes('name="code"')) return answer;

  return postForm(simUrl, { login, code: totp(DEMO_TOTP_SECRET) });
}

export function authorizeUrl(
  simUrl: string,
  params: Record<string, string> = {},
): string {
  const url = new URL(`${simUrl}/oauth/authorize.php`);
  const defaults = {
    response_type: 'code',
    client_id: TEST_CLIENT.clientId,
    redirect_uri: REDIRECT_URI,
    scope: 'openid email profile',
    state: 'state-123',
    nonce: 'nonce-456',
  };
  for (const [k, v] of Object.entries({ ...defaults, ...params }))
    url.searchParams.set(k, v);

  return url.toString();
}

/** A fresh authorization code for a demo user (secure@ passes its TOTP step). */
export async function codeFor(simUrl: string, email: string, password: string) {
  const page = await openAuthorize(authorizeUrl(simUrl));
  const back = await signInAt(simUrl, page, email, password);
  const code = new URL(back.location ?? 'http://x/').searchParams.get('code');
  if (!code) throw new Error(`no code: ${back.status} ${back.html.slice(0, 200)}`);

  return code;
}

/** A token request; client credentials go in `fields` (post) or `headers` (basic). */
export async function exchange(
  simUrl: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${simUrl}/oauth/token.php`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT_URI,
      ...fields,
    }),
  });

  return {
    status: response.status,
    body: (await response.json()) as Record<string, string>,
  };
}
