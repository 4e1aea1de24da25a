// Coming back from /account/confirm. The confirmation sends the customer back
// to the page they came from, where nothing has happened yet: they must press
// the button again. The page's address carries `confirmed=1` so the portal can
// say so (components/portal/step-up-notice.tsx). Shared by the server side that
// builds the address and the client component that reads it, so no server-only.

export const CONFIRMED_PARAM = 'confirmed';

const PROBE_ORIGIN = 'http://portal.invalid';

/** `path` (already a checked same-origin path) with the "just confirmed" marker. */
export function withConfirmed(path: string): string {
  const url = new URL(path, PROBE_ORIGIN);
  url.searchParams.set(CONFIRMED_PARAM, '1');

  return `${url.pathname}${url.search}${url.hash}`;
}
