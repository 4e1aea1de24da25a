import 'server-only';
import { env } from '@/lib/env';
import { WhmcsInvalidError } from '@/lib/whmcs/errors';
import { schemas } from '@/lib/whmcs/schemas';
import * as scope from '@/lib/whmcs/scope';
import { call } from '@/lib/whmcs/transport';

// Single-use sign-in links into WHMCS (CreateSsoToken). Such a link is a full
// login that skips WHMCS's captcha and second factor, so: the caller has
// already checked that the signed-in customer owns what the link is for; the
// link is made for that customer's own user on that client; where it lands is
// chosen here from a fixed list, never from the request; and the link goes
// only to the browser that asked for it, never into a log or the store.

/** Where a link may land. Ids come from records the caller has checked. */
export type SsoPlace =
  | { to: 'invoice'; invoiceId: number }
  | { to: 'invoice-pdf'; invoiceId: number }
  | { to: 'control-panel'; serviceId: number }
  | { to: 'upgrade'; serviceId: number }
  | { to: 'password' }
  | { to: 'two-factor' };

type Destination = {
  destination: string;
  service_id?: number;
  sso_redirect_path?: string;
};

function destinationOf(place: SsoPlace): Destination {
  switch (place.to) {
    case 'invoice':
      return custom(`viewinvoice.php?id=${place.invoiceId}`);
    case 'invoice-pdf':
      return custom(`dl.php?type=i&id=${place.invoiceId}`);
    case 'control-panel':
      // The service page with dosinglesignon=1 runs the server module's own
      // single sign-on, landing the customer in the control panel.
      return {
        ...custom(
          `clientarea.php?action=productdetails&id=${place.serviceId}&dosinglesignon=1`,
        ),
        service_id: place.serviceId,
      };
    case 'upgrade':
      // WHMCS's own upgrade page lists the plans this one may change to, with
      // the prorated price, and places the order there.
      return custom(`upgrade.php?type=package&id=${place.serviceId}`);
    case 'password':
      return custom('index.php?rp=/user/password');
    case 'two-factor':
      return custom('index.php?rp=/user/security');
  }
}

const custom = (path: string): Destination => ({
  destination: 'sso:custom_redirect',
  sso_redirect_path: path,
});

/** The link for `userId` acting on `clientId`, landing at `place`. Never logged. */
export async function singleSignOnLink(
  clientId: number,
  userId: number,
  place: SsoPlace,
): Promise<string> {
  scope.assertClientId(clientId);
  const params = { client_id: clientId, user_id: userId, ...destinationOf(place) };
  const { url } = await call('CreateSsoToken', params, schemas.CreateSsoToken);
  if (!pointsAtWhmcs(url)) {
    throw new WhmcsInvalidError('CreateSsoToken', 'link outside the WHMCS installation');
  }

  return url;
}

/** Only a link to the configured WHMCS's single sign-on page is followed. */
function pointsAtWhmcs(link: string): boolean {
  try {
    const url = new URL(link);
    const whmcs = new URL(env().WHMCS_URL);
    const base = whmcs.pathname.replace(/\/+$/, '');

    return (
      url.origin === whmcs.origin && url.pathname === `${base}/oauth/singlesignon.php`
    );
  } catch {
    return false;
  }
}
