// Plays a browser through "Sign in with WHMCS" without a Next.js server: the
// portal's next-auth options go through next-auth's own core handler (the code
// the route handler runs), the simulator's page is posted over real HTTP, and
// the portal's cookies land in the in-memory jar of next-cookies.ts.
import { createRequire } from 'node:module';
import { authOptions } from '@/lib/auth/oidc/options';
import { beginWhmcsStepUp } from '@/lib/auth/oidc/step-up';
import type { OidcRequest } from '@/lib/auth/oidc/complete';
import { HOME } from '@/lib/auth/redirect';
import { discoverOidc, oidcSettings } from '@/lib/whmcs/oidc';
import { openAuthorize, signInAt, type Page } from './oidc-sim';

type InternalCookie = {
  name: string;
  value: string;
  options?: { expires?: Date; maxAge?: number };
};
export type Internal = {
  status?: number;
  redirect?: string;
  body?: unknown;
  cookies?: InternalCookie[];
};
type Handler = (params: {
  req: Record<string, unknown>;
  options: unknown;
}) => Promise<Internal>;

// next-auth does not export its core; this is the same file its route handler calls.
const require = createRequire(import.meta.url);
const { AuthHandler } = require('../../node_modules/next-auth/core/index.js') as {
  AuthHandler: Handler;
};

export const PORTAL = 'http://localhost:3999';

export class OidcBrowser {
  /** next-auth's cookies as the browser holds them. */
  readonly cookies = new Map<string, string>();

  async portal(
    method: 'GET' | 'POST',
    path: string,
    body?: Record<string, string>,
  ): Promise<Internal> {
    const url = new URL(path, PORTAL);
    const [action, providerId] = url.pathname.replace(/^\/api\/auth\//, '').split('/');
    const query = Object.fromEntries(url.searchParams);
    const settings = oidcSettings();
    if (!settings) throw new Error('OIDC settings missing in the test env');
    const request: OidcRequest = {
      next: HOME,
      client: { ip: '127.0.0.1', userAgent: 'vitest' },
    };
    // As lib/auth/oidc/route.ts: a start from a live portal session is a step-up.
    if (action === 'signin' && method === 'POST')
      request.stepUp = await beginWhmcsStepUp();
    const answer = await AuthHandler({
      req: {
        method,
        action,
        providerId,
        query,
        body,
        cookies: Object.fromEntries(this.cookies),
        headers: { host: 'localhost:3999' },
        error: query.error ?? providerId,
      },
      options: authOptions(settings, await discoverOidc(settings), request),
    });
    for (const c of answer.cookies ?? []) {
      const gone =
        c.value === '' ||
        c.options?.maxAge === 0 ||
        (c.options?.expires ?? Infinity) < new Date();
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }

    return answer;
  }

  /** The button: CSRF token, then POST signin/whmcs; returns WHMCS's authorize URL. */
  async start(callbackUrl = '/dashboard'): Promise<string> {
    const csrf = await this.portal('GET', '/api/auth/csrf');
    const { csrfToken } = csrf.body as { csrfToken: string };
    const answer = await this.portal('POST', '/api/auth/signin/whmcs', {
      csrfToken,
      callbackUrl,
    });
    if (!answer.redirect) throw new Error('sign-in did not redirect');

    return answer.redirect;
  }

  /** Start, sign in on the simulator's page; returns the page that sends the browser back. */
  async authorize(simUrl: string, email: string, password: string, next?: string) {
    const page = await openAuthorize(await this.start(next));
    return signInAt(simUrl, page, email, password);
  }

  /** Follows WHMCS's redirect to the portal's callback. */
  async callback(back: Page): Promise<Internal> {
    if (!back.location?.startsWith(`${PORTAL}/api/auth/callback/whmcs?`))
      throw new Error(`not sent back to the portal: ${back.status} ${back.location}`);

    return this.portal('GET', back.location.slice(PORTAL.length));
  }
}
