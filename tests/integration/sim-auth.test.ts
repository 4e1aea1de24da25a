import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS } from '@/whmcs-sim/demo-accounts';
import {
  startSimulator,
  type RunningSimulator,
  type StartOptions,
} from '@/whmcs-sim/server';
import { post, TEST_NOW } from '../support/sim-http';

let running: RunningSimulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: Partial<StartOptions> = {}) {
  running = await startSimulator({ now: TEST_NOW, ...options });

  return running.url;
}

const call = { action: 'GetClientsDetails', clientid: '1', responsetype: 'json' };

describe('simulator access checks', () => {
  it('refuses a wrong secret with 403 and a JSON error body', async () => {
    const url = await start();

    const answer = await post(url, call, { ...DEFAULT_CREDENTIALS, secret: 'wrong' });

    expect(answer.status).toBe(403);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(answer.text)).toEqual({
      result: 'error',
      message: 'Authentication Failed',
    });
  });

  it('refuses an unknown identifier as invalid or missing credentials', async () => {
    const url = await start();

    const answer = await post(url, call, { identifier: 'nobody', secret: 'x' });

    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text).message).toBe('Invalid or missing credentials');
  });

  it('refuses a request without any credentials', async () => {
    const url = await start();

    const answer = await post(url, call, {});

    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text).message).toBe('Invalid or missing credentials');
  });

  it('accepts the credential pair in the username/password fields', async () => {
    const url = await start();
    const { identifier, secret } = DEFAULT_CREDENTIALS;

    const answer = await post(url, call, { username: identifier, password: secret });

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).result).toBe('success');
  });

  it('refuses an action outside the API role, naming it in lower case', async () => {
    const credentials = { ...DEFAULT_CREDENTIALS, allowedActions: ['GetClientsDetails'] };
    const url = await start({ credentials });

    const refused = await post(url, { action: 'GetInvoices', responsetype: 'json' });
    const allowed = await post(url, call);

    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text).message).toBe(
      'Invalid Permissions: API action "getinvoices" is not allowed',
    );
    expect(allowed.status).toBe(200);
  });

  it('refuses an address off the IP allow list, naming the address it saw', async () => {
    const url = await start({ allowedIps: ['192.0.2.50'] });

    const answer = await post(url, call);

    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text).message).toBe('Invalid IP 127.0.0.1');
  });

  it('checks the IP before the credentials', async () => {
    const url = await start({ allowedIps: ['192.0.2.50'] });

    const answer = await post(url, call, { identifier: 'nobody', secret: 'x' });

    expect(JSON.parse(answer.text).message).toBe('Invalid IP 127.0.0.1');
  });

  it('lets only a matching access key past the IP allow list', async () => {
    const credentials = { ...DEFAULT_CREDENTIALS, accessKey: 'k3y!(demo)' };
    const url = await start({ allowedIps: ['192.0.2.50'], credentials });

    const good = await post(url, { ...call, accesskey: 'k3y!(demo)' });
    const bad = await post(url, { ...call, accesskey: 'guess' });

    expect(good.status).toBe(200);
    expect(bad.status).toBe(403);
  });

  it('answers errors as semicolon text when responsetype is left out', async () => {
    const url = await start();

    const answer = await post(url, { action: 'GetClientsDetails' }, { identifier: 'x' });

    expect(answer.status).toBe(403);
    expect(answer.contentType).toMatch(/^text\/plain/);
    expect(answer.text).toBe('result=error;message=Invalid or missing credentials');
  });

  it('accepts overridden credentials and refuses the defaults then', async () => {
    const url = await start({ credentials: { identifier: 'id-2', secret: 'secret-2' } });

    const custom = await post(url, call, { identifier: 'id-2', secret: 'secret-2' });
    const defaults = await post(url, call);

    expect(custom.status).toBe(200);
    expect(defaults.status).toBe(403);
  });
});
