import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { schemas } from '@/lib/whmcs/schemas';
import { call } from '@/lib/whmcs/transport';
import { validateLogin } from '@/lib/whmcs/users';
import { events } from '../support/log-capture';

// A WHMCS whose certificate cannot be verified (self-signed, on loopback): an
// operator must act, so the call is misconfigured, never retried, and alerted.

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());

const dir = mkdtempSync(join(tmpdir(), 'kraken-tls-'));
let server: Server;
let requests = 0;

beforeAll(async () => {
  const made = spawnSync('openssl', [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1'],
    ...[
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
  ]);
  if (made.status !== 0) throw new Error(`openssl failed: ${String(made.stderr)}`);
  const tls = {
    key: readFileSync(join(dir, 'key.pem')),
    cert: readFileSync(join(dir, 'cert.pem')),
  };
  server = createServer(tls, (_req, res) => {
    requests += 1;
    res.end('{"result":"success"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.WHMCS_URL = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe('an unverifiable WHMCS certificate', () => {
  it('is a misconfiguration named after the TLS error, tried once, with an alert', async () => {
    const error = await failure(
      call('GetSupportDepartments', {}, schemas.GetSupportDepartments),
    );

    expect(error).toMatchObject({ kind: 'misconfigured' });
    expect((error as Error & { reason: string }).reason).toMatch(/^tls [A-Z_]+/);
    expect(events('whmcs.call')[0]).toMatchObject({ attempt: 1, kind: 'misconfigured' });
    expect(events('whmcs.misconfigured')[0]).toMatchObject({ cause: 'tls' });
    expect(requests).toBe(0);
  });

  it('is not reported as a write that may have gone through: nothing was sent', async () => {
    const error = await failure(validateLogin('alice@kraken.example', 'x'));

    expect(error).toMatchObject({ kind: 'misconfigured' });
  });
});
