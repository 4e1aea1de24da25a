import 'server-only';
import pino from 'pino';
import { env } from '@/lib/env';

// JSON lines to stdout. Secret-bearing fields are redacted wherever they sit,
// so a careless `log.info({ form })` still cannot print a password. Log calls
// pass values as fields, never inside the message text: JSON escaping keeps a
// CR/LF or a fake `{"event":…}` typed by a user inside its own field.
const REDACT = [
  // passwords and what stands in for them
  'password',
  'password2',
  'passwordhash',
  'passwordHash',
  'newPassword',
  'currentPassword',
  'totp',
  'totpSecret',
  'otp',
  // API credentials (WHMCS form fields and the settings that hold them)
  'secret',
  'identifier',
  'accesskey',
  'accessKey',
  'client_secret',
  'clientSecret',
  'WHMCS_API_IDENTIFIER',
  'WHMCS_API_SECRET',
  'WHMCS_ACCESS_KEY',
  'JWT_SECRET',
  'ADMIN_JWT_SECRET',
  'NEXTAUTH_SECRET',
  'METRICS_TOKEN',
  'ALERT_WEBHOOK_SECRET',
  'ADMIN_USERS',
  // tokens, cookies and the headers that carry them
  'token',
  'access_token',
  'redirect_url',
  'refresh_token',
  'id_token',
  'sessionToken',
  'authorization',
  'cookie',
  'set-cookie',
  'x-kraken-signature',
  // a domain's transfer code (DomainRequestEPP) is the key to moving it away
  'eppcode',
  'eppCode',
];

/** A logger with the portal's redaction writing to `destination` (stdout by default). */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'kraken-portal' },
    redact: {
      paths: REDACT.flatMap(paths),
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  };

  return destination ? pino(options, destination) : pino(options);
}

/** The field at the top and two levels down; names like set-cookie need brackets. */
function paths(key: string): string[] {
  const name = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  return [name.replace(/^\./, ''), `*${name}`, `*.*${name}`];
}

let logger: pino.Logger | undefined;

export function log(): pino.Logger {
  logger ??= createLogger(env().LOG_LEVEL);
  return logger;
}
