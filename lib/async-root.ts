import 'server-only';
import { AsyncResource } from 'node:async_hooks';

// Work that outlives the request that started it should not carry that
// request's async context. Node's HTTP client keeps shared timers and sockets
// whose async context is the one current when they were made; made inside a
// request, they hold Next's request store, React's render and what those reach
// for up to half a minute after the call (seen with heap snapshots in `npm run
// soak`). instrumentation.ts captures the server's start-up context here, before
// any request, and outbound calls are started in it.

const KEY = Symbol.for('kraken.asyncRoot');
const holder = globalThis as typeof globalThis & { [KEY]?: AsyncResource };

/** Called once at start-up, outside any request. */
export function captureAsyncRoot(): void {
  holder[KEY] ??= new AsyncResource('kraken.root');
}

/** Runs `start` in the start-up context; its result is awaited where it is used. */
export function outsideRequest<T>(start: () => T): T {
  const root = holder[KEY];
  return root ? root.runInAsyncScope(start) : start();
}
