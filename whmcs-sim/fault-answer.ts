// How a fault plan (faults.ts) changes the answer to one request. server.ts and
// msw.ts both answer through here, so HTTP tests and msw tests see the same faults.
import { requestKey, type SimResponse, type Simulator } from './core';
import type { FaultKind, Faults } from './faults';
import { phpJson } from './wire';

/**
 * Answers one request through the fault plan; null means "never answer". A
 * refusal (IP, secret, role) stops the call before it runs, as WHMCS does; any
 * other fault breaks the answer of a call that did run, so a write's effect
 * happens even though its answer is lost.
 */
export async function answerWithFaults(
  sim: Simulator,
  faults: Faults,
  form: URLSearchParams,
  meta: { ip: string },
): Promise<SimResponse | null> {
  const { load } = faults;
  load.inFlight += 1;
  load.peak = Math.max(load.peak, load.inFlight);
  try {
    return await answer(sim, faults, form, meta);
  } finally {
    load.inFlight -= 1;
  }
}

async function answer(
  sim: Simulator,
  faults: Faults,
  form: URLSearchParams,
  meta: { ip: string },
): Promise<SimResponse | null> {
  const action = form.get('action') ?? '';
  const { delayMs, fault } = faults.decide(action);
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));

  const refusal = fault ? REFUSALS[fault] : undefined;
  if (refusal) {
    sim.calls.push({
      action,
      request: requestKey(form),
      at: sim.now(),
      status: 403,
      result: 'error',
    });
    return errorJson(403, refusal(action.toLowerCase(), meta.ip));
  }
  const reply = sim.handle(form, meta);

  return fault ? breakAnswer(fault, reply) : reply;
}

const REFUSALS: Partial<Record<FaultKind, (action: string, ip: string) => string>> = {
  invalid_ip: (_action, ip) => `Invalid IP ${ip}`,
  auth_failed: () => 'Authentication Failed',
  role_gap: (action: string) =>
    `Invalid Permissions: API action "${action}" is not allowed`,
};

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';
const MAINTENANCE =
  '<!DOCTYPE html><html><head><title>Down for Maintenance</title></head>' +
  '<body><h1>Down for Maintenance</h1><p>We will be back shortly.</p></body></html>';

function errorJson(status: number, message: string): SimResponse {
  return { status, contentType: JSON_TYPE, body: phpJson({ result: 'error', message }) };
}

function breakAnswer(fault: FaultKind, reply: SimResponse): SimResponse | null {
  if (fault === 'timeout') return null;
  if (fault === 'html') return { status: 200, contentType: HTML_TYPE, body: MAINTENANCE };
  if (fault === 'truncated') {
    const cut = Math.max(1, Math.floor(reply.body.length / 2));
    return { ...reply, contentType: JSON_TYPE, body: reply.body.slice(0, cut) };
  }
  if (fault === 'malformed') {
    const notice =
      'PHP Notice:  Undefined index: id in /whmcs/includes/api.php on line 91\n';
    return { ...reply, contentType: JSON_TYPE, body: notice + reply.body };
  }
  const status = Number(fault.slice(4));

  return { status, contentType: HTML_TYPE, body: `<h1>${status}</h1>` };
}
