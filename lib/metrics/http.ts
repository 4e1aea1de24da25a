import 'server-only';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordRequest } from '@/lib/metrics';

// Requests by route and status, for every response the process sends: pages,
// route handlers, server actions, static files and the proxy's redirects.
// Node's HTTP server publishes each request and each finished response on
// diagnostics channels, so no handler has to remember to count itself.

type Message = { request: IncomingMessage; response: ServerResponse };

// Route patterns over the whole path; anything else is counted as 'other', so
// the number of series stays fixed whatever paths clients invent.
const ROUTES: [RegExp, string][] = [
  [/^\/_next\/static\/.*$/, '/_next/static'],
  [/^\/_next\/image.*$/, '/_next/image'],
  [/^\/(services|domains|invoices|tickets)\/\d+$/, '/$1/[id]'],
  [/^\/(services|domains|invoices|tickets|dashboard)$/, '/$1'],
  [/^\/(login|select-account)$/, '/$1'],
  [/^\/api\/(health|ready|metrics)$/, '/api/$1'],
  [/^\/api\/auth(\/.*)?$/, '/api/auth'],
  [/^\/admin(\/.*)?$/, '/admin'],
  [/^\/bench(\/.*)?$/, '/bench'],
  [/^\/$/, '/'],
];

export function routeOf(url: string): string {
  const path = url.split('?')[0] ?? '';
  for (const [pattern, name] of ROUTES) {
    if (pattern.test(path)) return path.replace(pattern, name);
  }

  return 'other';
}

const KEY = Symbol.for('kraken.metrics.http');
const holder = globalThis as typeof globalThis & { [KEY]?: boolean };

/** Starts counting once per process (instrumentation.ts calls it at start-up). */
export function observeHttpRequests(): void {
  if (holder[KEY]) return;
  holder[KEY] = true;
  const started = new WeakMap<IncomingMessage, number>();

  subscribe('http.server.request.start', (message) => {
    started.set((message as Message).request, performance.now());
  });
  subscribe('http.server.response.finish', (message) => {
    const { request, response } = message as Message;
    const since = started.get(request) ?? performance.now();
    const route = routeOf(request.url ?? '/');
    recordRequest(route, response.statusCode, (performance.now() - since) / 1000);
  });
}
