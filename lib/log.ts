import 'server-only';
import pino from 'pino';
import { env } from '@/lib/env';

// JSON lines to stdout. Secret-bearing fields are redacted wherever they sit,
// so a careless `log.info({ form })` still cannot print a password.
const REDACT = [
  'password',
  'password2',
  'passwordhash',
  'secret',
  'identifier',
  'accesskey',
  'token',
  'access_token',
  'authorization',
  'cookie',
];

let logger: pino.Logger | undefined;

export function log(): pino.Logger {
  logger ??= pino({
    level: env().LOG_LEVEL,
    base: { app: 'kraken-portal' },
    redact: {
      paths: REDACT.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
  return logger;
}
