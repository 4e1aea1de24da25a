import { describe, expect, it } from 'vitest';
import { Limiter, QueueTimeoutError } from '@/lib/whmcs/limiter';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the in-flight limit', () => {
  it('grants slots up to the limit at once', async () => {
    const limiter = new Limiter(2, 1_000);

    await limiter.acquire();
    await limiter.acquire();

    expect(limiter.inFlight).toBe(2);
    expect(limiter.queued).toBe(0);
  });

  it('queues beyond the limit and hands a freed slot to the first in line', async () => {
    const limiter = new Limiter(1, 1_000);
    const release = await limiter.acquire();
    const order: string[] = [];
    const first = limiter.acquire().then((r) => (order.push('first'), r));
    const second = limiter.acquire().then((r) => (order.push('second'), r));
    await tick();
    const queuedBefore = limiter.queued;

    release();
    (await first)();
    (await second)();

    expect(queuedBefore).toBe(2);
    expect(order).toEqual(['first', 'second']);
    expect(limiter.inFlight).toBe(0);
  });

  it('gives up on a wait longer than the queue timeout', async () => {
    const limiter = new Limiter(1, 30);
    await limiter.acquire();

    const waited = await limiter.acquire().then(
      () => null,
      (error: unknown) => error,
    );

    expect(waited).toBeInstanceOf(QueueTimeoutError);
    expect(limiter.queued).toBe(0);
    expect(limiter.inFlight).toBe(1);
  });

  it('ignores a second release of the same slot', async () => {
    const limiter = new Limiter(2, 1_000);
    const release = await limiter.acquire();
    await limiter.acquire();

    release();
    release();

    expect(limiter.inFlight).toBe(1);
  });
});
