import 'server-only';

// Every failure of a WHMCS call is one of these. Pages never show their text:
// they pick their own words by `kind`. The WHMCS message is kept for logs.

export type WhmcsErrorKind =
  | 'unavailable' // network, timeout, 5xx, HTML, not JSON: try again later
  | 'misconfigured' // IP allow list, credentials, API role: an operator must act
  | 'refused' // WHMCS understood and said no (business error)
  | 'not_found' // no such record, or not this client's record
  | 'invalid' // says success but does not match what the portal expects
  | 'uncertain'; // a write was sent and its answer lost: it may have gone through

export type WhmcsErrorDetails = {
  /** The `message` WHMCS sent, if any (never shown to users). */
  whmcsMessage?: string;
  httpStatus?: number;
  cause?: unknown;
};

export class WhmcsError extends Error {
  override name = 'WhmcsError';
  readonly whmcsMessage?: string;
  readonly httpStatus?: number;

  constructor(
    readonly kind: WhmcsErrorKind,
    readonly action: string,
    /** A short, credential-free explanation: "http 503", "Invalid IP 203.0.113.7". */
    readonly reason: string,
    details: WhmcsErrorDetails = {},
  ) {
    super(`WHMCS ${action} ${kind}: ${reason}`, { cause: details.cause });
    this.whmcsMessage = details.whmcsMessage;
    this.httpStatus = details.httpStatus;
  }
}

type Args = [action: string, reason: string, details?: WhmcsErrorDetails];

export class WhmcsUnavailableError extends WhmcsError {
  override name = 'WhmcsUnavailableError';
  constructor(...[action, reason, details]: Args) {
    super('unavailable', action, reason, details);
  }
}

export class WhmcsMisconfiguredError extends WhmcsError {
  override name = 'WhmcsMisconfiguredError';
  constructor(...[action, reason, details]: Args) {
    super('misconfigured', action, reason, details);
  }
}

export class WhmcsRefusedError extends WhmcsError {
  override name = 'WhmcsRefusedError';
  constructor(...[action, reason, details]: Args) {
    super('refused', action, reason, details);
  }
}

export class WhmcsNotFoundError extends WhmcsError {
  override name = 'WhmcsNotFoundError';
  constructor(...[action, reason, details]: Args) {
    super('not_found', action, reason, details);
  }
}

export class WhmcsInvalidError extends WhmcsError {
  override name = 'WhmcsInvalidError';
  constructor(...[action, reason, details]: Args) {
    super('invalid', action, reason, details);
  }
}

/** Never retried: the write may have happened, so sending it again could repeat it. */
export class WhmcsUncertainError extends WhmcsError {
  override name = 'WhmcsUncertainError';
  constructor(...[action, reason, details]: Args) {
    super('uncertain', action, reason, details);
  }
}

const CLASSES = {
  unavailable: WhmcsUnavailableError,
  misconfigured: WhmcsMisconfiguredError,
  refused: WhmcsRefusedError,
  not_found: WhmcsNotFoundError,
  invalid: WhmcsInvalidError,
  uncertain: WhmcsUncertainError,
} as const;

/** Builds the subclass that matches `kind`. */
export function whmcsError(kind: WhmcsErrorKind, ...args: Args): WhmcsError {
  return new CLASSES[kind](...args);
}
