// The simulator over real HTTP, on loopback only: POST <root>/includes/api.php.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleCallsControl } from './control';
import { createSimulator, type Simulator, type SimulatorOptions } from './core';
import { DEFAULT_CREDENTIALS } from './demo-accounts';
import { handleFaultControl } from './fault-control';
import { spendSsoToken } from './actions/sso';
import { answerWithFaults } from './fault-answer';
import { createFaults, type FaultPlan, type Faults } from './faults';
import { handleLoginsControl, openLoadLogins } from './load-logins';
import { handleOidc } from './oidc/http';

export type StartOptions = Partial<SimulatorOptions> & {
  port?: number;
  host?: string;
  /** Fixed delay before every answer. */
  latencyMs?: number;
  /** Serves the call-count endpoints of control.ts (for the benchmark). */
  control?: boolean;
  /** Faults to inject from the start (faults.ts); with `control`, changeable over HTTP. */
  faults?: FaultPlan;
  /** Opens this many extra customer logins for load runs (load-logins.ts). */
  loadLogins?: number;
  /** Test only: serves POST /__sim/oidc/tamper, which breaks ID tokens on request. */
  oidcTestControl?: boolean;
};

export type RunningSimulator = {
  url: string;
  port: number;
  sim: Simulator;
  faults: Faults;
  close(): Promise<void>;
};

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;
// Ticket attachments travel base64-encoded twice (ticket-files.ts): the
// portal's 5 files of 2 MB make a body of about 18 MB.
const MAX_BODY = 32 * 1024 * 1024;
const API_PATH = /^(\/[^?#]*)?\/includes\/api\.php$/;
/** A "timeout" fault holds the request this long at most, then drops it. */
const HANG_MS = 120_000;

/** The address WHMCS would see, without the IPv4-mapped IPv6 prefix. */
function clientIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk);
  }

  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, contentType: string, body: string) {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  sim: Simulator,
  latencyMs: number,
  control: boolean,
  faults: Faults,
  oidcTestControl: boolean,
  logins: readonly string[],
) {
  if (control && handleCallsControl(req, res, sim)) return;
  if (control && handleLoginsControl(req, res, logins)) return;
  if (control && (await handleFaultControl(req, res, faults))) return;
  if (await handleOidc(req, res, sim.oidc, oidcTestControl)) return;
  const path = new URL(req.url ?? '/', 'http://sim').pathname;
  if (path === '/oauth/singlesignon.php') return redeemSso(req, res, sim);
  if (!API_PATH.test(path))
    return send(res, 404, 'text/plain; charset=utf-8', 'Not Found');
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed');
  }

  const form = new URLSearchParams(await readBody(req));
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  const reply = await answerWithFaults(sim, faults, form, { ip: clientIp(req) });
  if (reply) return send(res, reply.status, reply.contentType, reply.body);
  const drop = setTimeout(() => res.destroy(), HANG_MS);
  res.once('close', () => clearTimeout(drop));
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Spends a CreateSsoToken token: a page naming who is signed in and where they landed. */
function redeemSso(req: IncomingMessage, res: ServerResponse, sim: Simulator) {
  const token = new URL(req.url ?? '/', 'http://sim').searchParams.get('access_token');
  const spent = spendSsoToken(sim.state, token ?? '', sim.now());
  if (!spent.ok) {
    const body = `<!doctype html><title>Link expired</title><h1>This sign-in link is no longer valid</h1><p>Reason: ${spent.reason}</p>`;
    return send(res, 403, 'text/html; charset=utf-8', body);
  }
  const t = spent.token;
  const user = sim.state.users.find((u) => u.id === t.userId);
  const lines = [
    `Signed in as ${user?.email ?? 'unknown'} (user ${t.userId})`,
    `Client account ${t.clientId}`,
    `Destination ${t.destination}`,
    ...(t.serviceId ? [`Service ${t.serviceId}`] : []),
    ...(t.domainId ? [`Domain ${t.domainId}`] : []),
    ...(t.path ? [`Path ${t.path}`] : []),
  ];
  const items = lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('');
  const body = `<!doctype html><title>WHMCS client area</title><h1>WHMCS client area (simulator)</h1><ul>${items}</ul>`;
  send(res, 200, 'text/html; charset=utf-8', body);
}

export async function startSimulator(
  options: StartOptions = {},
): Promise<RunningSimulator> {
  const {
    port = 0,
    host = '127.0.0.1',
    latencyMs = 0,
    control = false,
    faults: plan,
    loadLogins = 0,
    oidcTestControl = false,
    ...simOptions
  } = options;
  if (!LOOPBACK.test(host))
    throw new Error(`the simulator listens on loopback only, not ${host}`);

  const sim = createSimulator({ credentials: DEFAULT_CREDENTIALS, ...simOptions });
  const faults = createFaults(plan);
  const logins = openLoadLogins(sim.state, loadLogins);
  const server = createServer((req, res) => {
    route(req, res, sim, latencyMs, control, faults, oidcTestControl, logins).catch(
      (error: unknown) => {
        console.error('whmcs-sim: request failed', error);
        if (!res.headersSent)
          send(res, 500, 'text/plain; charset=utf-8', 'Internal Server Error');
        else res.destroy();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });

  const bound = (server.address() as AddressInfo).port;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const url = `http://${hostPart}:${bound}`;
  // The issuer is the simulator's own base URL unless the caller pinned one.
  if (!simOptions.oidc?.issuer) sim.oidc.issuer = url;
  sim.oidc.key();
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });

  return { url, port: bound, sim, faults, close };
}
