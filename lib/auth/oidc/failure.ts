// The `error` values that bring a person back to /login after "Sign in with
// WHMCS" went wrong: next-auth's own codes, and the portal's `whmcs` (the ID
// token was valid but named no matching WHMCS user). The text never says which.

const FAILURES = new Set([
  'whmcs',
  'OAuthSignin',
  'OAuthCallback',
  'Callback',
  'AccessDenied',
  'Configuration',
  'Default',
]);

export function whmcsSignInFailed(error: unknown): boolean {
  return typeof error === 'string' && FAILURES.has(error);
}
