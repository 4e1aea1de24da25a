// The simulator's heart: one `handle(form, meta)` that authenticates, dispatches
// and encodes exactly like WHMCS's /includes/api.php. No I/O here; server.ts and
// msw.ts feed it.
import { findAction } from './actions';
import { createOidcProvider, type OidcOptions, type OidcProvider } from './oidc/provider';
import { sameSecret } from './passwords';
import { buildSeed, DEFAULT_SEED } from './seed';
import type { SimState } from './state';
import { createRng } from './util';
import { nvp, phpJson, type ActionContext } from './wire';

export type SimCredentials = {
  identifier: string;
  secret: string;
  /** `$api_access_key` (configuration.php): a matching `accesskey` skips the IP check. */
  accessKey?: string;
  /** API role: the actions this credential may call (any case). Omitted: all. */
  allowedActions?: readonly string[];
  /** Support departments of the credential's admin (ticket visibility). Omitted: all. */
  departments?: readonly number[];
};

export type SimulatorOptions = {
  seed?: number;
  /** Anchor for the seed's dates; defaults to the real time at creation. */
  now?: Date;
  credentials: SimCredentials;
  /** API IP allow list; omitted lets every address in. */
  allowedIps?: readonly string[];
  /** OpenID Connect clients and issuer (oidc/); omitted: the demo client. */
  oidc?: OidcOptions;
};

export type SimResponse = { status: number; contentType: string; body: string };
export type SimCall = {
  action: string;
  /** The action and its own parameters (never credentials or passwords), to spot repeats. */
  request: string;
  at: Date;
  status: number;
  result: 'success' | 'error';
};

export type Simulator = {
  handle(form: URLSearchParams, meta: { ip: string }): SimResponse;
  /** Every request received, in order, including rejected ones. */
  readonly calls: SimCall[];
  readonly state: SimState;
  readonly options: SimulatorOptions;
  /** WHMCS's OpenID Connect provider; tests may set `oidc.tamper` to break its ID tokens. */
  readonly oidc: OidcProvider;
  /** The simulator's current time (seed `now` plus time elapsed since creation). */
  now(): Date;
};

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

function errorReply(status: number, message: string, json: boolean): SimResponse {
  // Without responsetype=json WHMCS answers errors as `result=error;message=...`.
  if (!json)
    return { status, contentType: TEXT_TYPE, body: nvp({ result: 'error', message }) };

  return { status, contentType: JSON_TYPE, body: phpJson({ result: 'error', message }) };
}

/**
 * IP allow list, then identifier, then secret; each refusal is a 403 with
 * WHMCS's message (docs/whmcs.md#invalid-ip-credentials-and-role-gaps).
 */
function refusal(
  form: URLSearchParams,
  ip: string,
  options: SimulatorOptions,
): string | null {
  const { credentials, allowedIps } = options;
  if (allowedIps && !allowedIps.includes(ip)) {
    const key = form.get('accesskey');
    const keyMatches =
      !!credentials.accessKey && !!key && sameSecret(key, credentials.accessKey);
    if (!keyMatches) return `Invalid IP ${ip}`;
  }

  const identifier = form.get('identifier') ?? form.get('username');
  if (!identifier || !sameSecret(identifier, credentials.identifier)) {
    return 'Invalid or missing credentials';
  }
  const secret = form.get('secret') ?? form.get('password');
  if (!secret || !sameSecret(secret, credentials.secret)) return 'Authentication Failed';

  return null;
}

function respond(form: URLSearchParams, ip: string, sim: Simulator, ctx: ActionContext) {
  const json = form.get('responsetype')?.toLowerCase() === 'json';
  const denied = refusal(form, ip, sim.options);
  if (denied) return errorReply(403, denied, json);

  const action = (form.get('action') ?? '').toLowerCase();
  const handler = findAction(action);
  if (!handler)
    return errorReply(
      200,
      `Invalid API Action: "${action}" is not a valid API action`,
      json,
    );
  const role = sim.options.credentials.allowedActions?.map((a) => a.toLowerCase());
  if (role && !role.includes(action)) {
    return errorReply(
      403,
      `Invalid Permissions: API action "${action}" is not allowed`,
      json,
    );
  }

  const outcome = handler(form, ctx);
  if (!outcome.ok) return errorReply(200, outcome.message, json);

  // Successes are always JSON, even without responsetype=json (real WHMCS would
  // use the legacy text format; no caller of the simulator wants that).
  return { status: 200, contentType: JSON_TYPE, body: phpJson(outcome.body) };
}

const NOT_KEYED = new Set([
  'identifier',
  'secret',
  'username',
  'password',
  'password2',
  'accesskey',
  'responsetype',
]);

export function requestKey(form: URLSearchParams): string {
  const own = [...form].filter(([name]) => !NOT_KEYED.has(name.toLowerCase()));
  own.sort(([a], [b]) => a.localeCompare(b));

  return new URLSearchParams(own).toString();
}

export function createSimulator(options: SimulatorOptions): Simulator {
  const anchor = options.now ?? new Date();
  const startedAt = Date.now();
  const now = () => new Date(anchor.getTime() + (Date.now() - startedAt));
  const state = buildSeed({ seed: options.seed ?? DEFAULT_SEED, now: anchor });
  const ctx: ActionContext = {
    state,
    clock: now,
    rng: createRng((options.seed ?? DEFAULT_SEED) + 1),
    departments: options.credentials.departments ?? state.departments.map((d) => d.id),
    adminId: 1,
    baseUrl: () => sim.oidc.issuer,
  };
  const calls: SimCall[] = [];
  const sim: Simulator = {
    calls,
    state,
    options,
    now,
    oidc: createOidcProvider(() => state.users, options.oidc),
    handle(form, meta) {
      const reply = respond(form, meta.ip, sim, ctx);
      const result = reply.body.startsWith('{"result":"success"') ? 'success' : 'error';
      calls.push({
        action: form.get('action') ?? '',
        request: requestKey(form),
        at: now(),
        status: reply.status,
        result,
      });

      return reply;
    },
  };

  return sim;
}
