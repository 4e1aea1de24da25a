import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { raise } from '@/lib/security/events';
import { deliver } from '@/lib/security/webhook';
import { clearLines, events } from '../support/log-capture';

// Alert delivery to a webhook receiver on loopback.

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());
const SECRET = 'webhook-secret-0123456789abcdef0123456789abcdef';

type Received = { headers: IncomingMessage['headers']; body: string; at: number };
const received: Received[] = [];
let statuses: number[] = [];
let holdMs = 0;
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    received.push({ headers: req.headers, body, at: Date.now() });
    setTimeout(() => res.writeHead(statuses.shift() ?? 204).end(), holdMs);
  });
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  process.env.ALERT_WEBHOOK_URL = url;
  process.env.ALERT_WEBHOOK_SECRET = SECRET;
});
beforeEach(() => {
  received.length = 0;
  statuses = [];
  holdMs = 0;
  clearLines();
});
afterAll(() => {
  receiver.closeAllConnections();
  return new Promise((resolve) => receiver.close(resolve));
});

const fast = { baseDelayMs: 5, timeoutMs: 1_000 };
const alert = {
  alert: 'token_reuse',
  severity: 'error' as const,
  key: 's1',
  count: 1,
  windowSeconds: 600,
  trigger: 'auth.token.reused',
  requestId: 'r1',
};

describe('the alert webhook', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256 under the shared secret', async () => {
    await deliver({ url, secret: SECRET }, '{"a":1}', fast);

    const [hit] = received;
    const timestamp = String(hit?.headers['x-kraken-timestamp']);
    const expected = createHmac('sha256', SECRET)
      .update(`${timestamp}.{"a":1}`)
      .digest('hex');

    expect(hit?.headers['x-kraken-signature']).toBe(`v1=${expected}`);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5);
    expect(hit?.headers['content-type']).toBe('application/json');
  });

  it('retries with backoff until the receiver takes it', async () => {
    statuses = [500, 503];

    const delivered = await deliver({ url, secret: SECRET }, '{}', fast);

    expect(delivered).toBe(true);
    expect(received).toHaveLength(3);
    expect(received[2]!.at - received[0]!.at).toBeGreaterThanOrEqual(5);
  });

  it('gives up after its attempts and logs that it did', async () => {
    statuses = [500, 500, 500, 500];

    const delivered = await deliver({ url, secret: SECRET }, '{}', fast);

    expect(delivered).toBe(false);
    expect(received).toHaveLength(4);
    expect(events('alert.webhook.failed')).toEqual([
      expect.objectContaining({ status: '500', attempts: 4 }),
    ]);
  });

  it('does not retry a refusal that will not change', async () => {
    statuses = [401];

    await deliver({ url, secret: SECRET }, '{}', fast);

    expect(received).toHaveLength(1);
  });

  it('never holds up the request that raised the alert', async () => {
    holdMs = 500;

    const started = performance.now();
    raise(alert);
    const took = performance.now() - started;
    const deliveredBeforeReturn = received.length;
    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 3_000 });

    // The hook answers after 500 ms: raise() returned long before that, with
    // nothing delivered yet.
    expect(deliveredBeforeReturn).toBe(0);
    expect(took).toBeLessThan(holdMs / 2);
    expect(events('alert.raised')).toEqual([
      expect.objectContaining({ alert: 'token_reuse' }),
    ]);
    expect(JSON.parse(received[0]!.body)).toMatchObject({
      ...alert,
      service: 'kraken-portal',
    });
  });
});
