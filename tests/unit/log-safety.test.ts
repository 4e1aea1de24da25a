import { describe, expect, it, vi } from 'vitest';
import { log } from '@/lib/log';
import { securityEvent } from '@/lib/security/events';
import { clearLines, lines, parsed } from '../support/log-capture';

// The portal's logger (with its redaction) writing into `lines`.
vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());

const HOSTILE = [
  'alice@example.com\r\n{"level":30,"event":"auth.login.succeeded","userId":1}',
  'x\n{"event":"alert.raised"}\n',
  '"},"event":"auth.logout","x":{"',
  '\u2028\u2029\u0000\u001b[31mred',
];

describe('a value typed by a user', () => {
  it.each(HOSTILE)('stays inside its field: %j', async (typed) => {
    clearLines();

    await securityEvent('auth.login.failed', {
      account: typed,
      reason: 'bad-credentials',
    });
    const [line] = parsed();

    expect(lines).toHaveLength(1);
    expect(line).toMatchObject({ event: 'auth.login.failed', account: typed });
  });

  it('cannot replace the event name, the request id or the address', async () => {
    clearLines();

    await securityEvent('auth.login.failed', {
      event: 'auth.login.succeeded',
      requestId: 'forged',
    } as Record<string, string>);

    expect(parsed()[0]).toMatchObject({ event: 'auth.login.failed', requestId: 'none' });
  });
});

const SECRET_FIELDS = [
  'password',
  'password2',
  'passwordhash',
  'secret',
  'identifier',
  'accesskey',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'authorization',
  'cookie',
  'set-cookie',
  'totp',
  'WHMCS_API_SECRET',
  'WHMCS_API_IDENTIFIER',
  'WHMCS_ACCESS_KEY',
  'JWT_SECRET',
  'ADMIN_JWT_SECRET',
  'METRICS_TOKEN',
  'ALERT_WEBHOOK_SECRET',
  'x-kraken-signature',
];

describe('redaction', () => {
  it.each(SECRET_FIELDS)('removes %s at the top and two levels down', (field) => {
    clearLines();
    const canary = `CANARY-${field}-91c3`;

    log().info({
      event: 'test',
      [field]: canary,
      form: { [field]: canary },
      request: { headers: { [field]: canary } },
    });

    expect(lines.join('\n')).not.toContain(canary);
    expect(parsed()[0]).toMatchObject({ [field]: '[redacted]' });
  });
});
