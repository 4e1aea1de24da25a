import type { Instrumentation } from 'next';

// Runs once when the server starts, so a bad setting stops it before it serves.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfiguration } = await import('@/lib/startup');
    checkConfiguration();
    const { observeHttpRequests } = await import('@/lib/metrics/http');
    observeHttpRequests();
    const { captureAsyncRoot } = await import('@/lib/async-root');
    captureAsyncRoot();
    const { countSessionsFromStore } = await import('@/lib/metrics/sessions');
    countSessionsFromStore();
  }
}

// Every error that reached an error page: one log line with the request id.
export const onRequestError: Instrumentation.onRequestError = async (
  error,
  request,
  context,
) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { reportRequestError } = await import('@/lib/request-errors');
  reportRequestError(error, request, context);
};
