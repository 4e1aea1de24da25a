import 'server-only';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { env } from '@/lib/env';

// The routes under app/bench/ exist in every build, so the benchmark measures
// the build that ships; they answer only when the server runs with
// BENCH_ROUTES=1 and are a plain 404 otherwise.

/** For a page: renders per request (never prerendered), and 404s unless enabled. */
export async function requireBenchRoutes(): Promise<void> {
  await connection();
  if (!env().BENCH_ROUTES) notFound();
}

/** For a route handler: null when enabled, else the 404 to return. */
export async function benchRoutesRefusal(): Promise<Response | null> {
  await connection();
  if (env().BENCH_ROUTES) return null;

  return new Response('Not Found', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
