import { describe, expect, it, vi } from 'vitest';
import { onRequestError } from '@/instrumentation';
import { events } from '../support/log-capture';

// An error no section handled: one line joining the request id to the digest
// the error page shows, without the error's stack.

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());

describe('onRequestError', () => {
  it('logs the request id, the route and the digest, and no stack', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    const error = Object.assign(new TypeError('boom\nsecond line'), { digest: '12345' });
    const request = {
      path: '/dashboard',
      method: 'GET',
      headers: { 'x-request-id': 'b0f6c1de-1111-4222-8333-444455556666' },
    };
    const context = {
      routerKind: 'App Router',
      routePath: '/(portal)/dashboard',
      routeType: 'render',
      renderSource: 'react-server-components',
      revalidateReason: undefined,
      renderType: 'dynamic',
    } as const;

    await onRequestError(error, request, context);
    vi.unstubAllEnvs();

    expect(events('app.request.failed')).toEqual([
      expect.objectContaining({
        requestId: 'b0f6c1de-1111-4222-8333-444455556666',
        route: '/(portal)/dashboard',
        error: 'TypeError',
        message: 'boom second line',
        digest: '12345',
      }),
    ]);
    expect(JSON.stringify(events('app.request.failed'))).not.toContain('    at ');
  });
});
