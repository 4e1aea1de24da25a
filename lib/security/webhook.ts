import 'server-only';
import { createHmac } from 'node:crypto';
import { log } from '@/lib/log';

// Alert delivery to ALERT_WEBHOOK_URL. Each POST carries a JSON body and
//   x-kraken-timestamp: <unix seconds>
//   x-kraken-signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>" with ALERT_WEBHOOK_SECRET>
// so the receiver can check origin and freshness. Delivery runs in the
// background, is retried with backoff and never blocks the request behind it.

export type WebhookTarget = { url: string; secret: string };
export type DeliveryOptions = {
  attempts?: number;
  baseDelayMs?: number;
  timeoutMs?: number;
};

const MAX_PENDING = 100;
let pending = 0;

export function sign(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `v1=${mac}`;
}

/** Queues a delivery and returns at once; a full queue drops it (the log has the alert). */
export function postInBackground(
  target: WebhookTarget,
  payload: object,
  options?: DeliveryOptions,
): Promise<boolean> {
  if (pending >= MAX_PENDING) {
    log().warn({ event: 'alert.webhook.dropped', reason: 'queue full' });
    return Promise.resolve(false);
  }
  pending += 1;
  const delivery = deliver(target, JSON.stringify(payload), options)
    .catch(() => false)
    .finally(() => {
      pending -= 1;
    });

  return delivery;
}

/** Tries up to `attempts` times; true once the receiver answers 2xx. */
export async function deliver(
  target: WebhookTarget,
  body: string,
  { attempts = 4, baseDelayMs = 1_000, timeoutMs = 5_000 }: DeliveryOptions = {},
): Promise<boolean> {
  let status = 'none';
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    status = await postOnce(target, body, timeoutMs);
    if (status === 'ok') return true;
    // A 4xx other than 408/429 will not change on a retry.
    if (/^4(?!08|29)\d\d$/.test(status)) break;
    if (attempt < attempts)
      await sleep(baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2));
  }
  log().warn({ event: 'alert.webhook.failed', status, attempts });

  return false;
}

async function postOnce(target: WebhookTarget, body: string, timeoutMs: number) {
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-kraken-timestamp': String(timestamp),
        'x-kraken-signature': sign(target.secret, timestamp, body),
      },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
    return response.ok ? 'ok' : String(response.status);
  } catch (error) {
    return error instanceof Error && error.name === 'TimeoutError'
      ? 'timeout'
      : 'network';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
