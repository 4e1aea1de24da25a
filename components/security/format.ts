import { formatDateTime } from '@/components/format';

/** A sign-in moment (epoch seconds) as every other date and time on the portal. */
export function formatMoment(epochSeconds: number): string {
  return formatDateTime(new Date(epochSeconds * 1000));
}

/** A short, human name for a browser from its user agent, never the raw string. */
export function describeDevice(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Browser';
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : 'unknown system';

  return `${browser} on ${system}`;
}

/** Why a sign-in succeeded or failed, in words, by the code the history stores. */
const REASONS: Record<string, string> = {
  password: 'signed in with password',
  oidc: 'signed in with WHMCS',
  whmcs: 'signed in with WHMCS',
  'bad-credentials': 'wrong password',
  'two-factor-required': 'password alone refused (two-factor is on)',
  'no-accounts': 'no client account linked',
  'user-missing': 'login refused',
  'step-up:ok': 'confirmed password for a sensitive change',
  'step-up:invalid': 'wrong password when confirming a change',
  'step-up:twoFactor': 'password confirmation refused (two-factor is on)',
  'step-up:whmcs': 'confirmed with WHMCS for a sensitive change',
  'step-up:whmcs-stale-auth-time': 'WHMCS confirmation refused (no fresh sign-in there)',
  'step-up:whmcs-no-auth-time': 'WHMCS confirmation refused (no fresh sign-in there)',
  'step-up:whmcs-other-user': 'WHMCS confirmation refused (another login)',
  'step-up:whmcs-not-started': 'WHMCS confirmation refused (not started here)',
  // Staff sign-ins.
  'password+totp': 'signed in with password and authenticator code',
  'code-wrong': 'wrong authenticator code',
  'code-replayed': 'authenticator code used twice',
  'step-reused': 'sign-in step used twice',
  'account-removed': 'staff account removed',
};

/** A stored reason in words; a code this list does not know is shown as it is. */
export function signInReason(code: string): string {
  if (REASONS[code]) return REASONS[code];
  const staffStepUp = /^stepup-(code-\w+)$/.exec(code)?.[1];
  if (staffStepUp && REASONS[staffStepUp])
    return `${REASONS[staffStepUp]} when confirming again`;
  return code;
}
