import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { captureAsyncRoot, outsideRequest } from '@/lib/async-root';

// Outbound calls start in the server's start-up context, so timers and sockets
// they leave behind do not keep a request's store alive.

describe('outsideRequest', () => {
  it('runs in the context captured at start-up, not in the request around it', async () => {
    const request = new AsyncLocalStorage<{ id: string }>();
    captureAsyncRoot();

    const seen = await request.run({ id: 'r1' }, () =>
      outsideRequest(async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return request.getStore();
      }),
    );

    expect(seen).toBeUndefined();
  });

  it('gives back what the work returns, to be awaited in the request', async () => {
    const request = new AsyncLocalStorage<string>();

    const result = await request.run('r2', async () => {
      const value = await outsideRequest(() => Promise.resolve(42));
      return { value, store: request.getStore() };
    });

    expect(result).toEqual({ value: 42, store: 'r2' });
  });
});
