// msw handlers backed by the same simulator core, for unit tests that fetch
// WHMCS without a real socket.
import { delay, http, HttpResponse } from 'msw';
import type { Simulator } from './core';
import { answerWithFaults } from './fault-answer';
import { createFaults, type Faults } from './faults';

export type MswOptions = {
  /** The address the simulator should believe the caller has (IP allow list). */
  ip?: string;
  /** A fault plan to answer through (faults.ts); none: every call is answered normally. */
  faults?: Faults;
};

const NO_FAULTS = createFaults();

/** Handlers for `<baseUrl>/includes/api.php`; baseUrl may include a sub-folder. */
export function whmcsHandlers(sim: Simulator, baseUrl: string, options: MswOptions = {}) {
  const endpoint = `${baseUrl.replace(/\/+$/, '')}/includes/api.php`;

  return [
    http.post(endpoint, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const faults = options.faults ?? NO_FAULTS;
      const reply = await answerWithFaults(sim, faults, form, {
        ip: options.ip ?? '127.0.0.1',
      });
      // A "timeout" fault: no answer until the caller gives up.
      if (!reply) return delay('infinite');

      return new HttpResponse(reply.body, {
        status: reply.status,
        headers: { 'content-type': reply.contentType },
      });
    }),
    http.all(
      endpoint,
      () =>
        new HttpResponse('Method Not Allowed', {
          status: 405,
          headers: { allow: 'POST' },
        }),
    ),
  ];
}
