// The fault plan of a running simulator, over HTTP: `GET /__sim/faults` shows the
// plan and what it has injected so far, `PUT` replaces it, `DELETE` clears it.
// Served only when the simulator runs with `control: true` (CLI: SIM_CONTROL=1),
// and only to loopback callers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parsePlan, type Faults } from './faults';

const PATH = '/__sim/faults';
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1)$/;
const MAX_BODY = 64 * 1024;

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req as AsyncIterable<Buffer>) {
    text += chunk.toString('utf8');
    if (text.length > MAX_BODY) throw new Error('fault plan too large');
  }

  return JSON.parse(text);
}

const view = ({ plan, injected, load }: Faults) => ({ plan, injected, load });

/** Answers the fault endpoint; false for any other path, so routing goes on. */
export async function handleFaultControl(
  req: IncomingMessage,
  res: ServerResponse,
  faults: Faults,
): Promise<boolean> {
  if (new URL(req.url ?? '/', 'http://sim').pathname !== PATH) return false;

  const ip = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  if (!LOOPBACK.test(ip)) {
    reply(res, 403, { error: 'loopback only' });
    return true;
  }
  if (req.method === 'GET') {
    reply(res, 200, view(faults));
  } else if (req.method === 'PUT') {
    try {
      faults.set(parsePlan(await readJson(req)));
      reply(res, 200, view(faults));
    } catch (error) {
      reply(res, 400, { error: error instanceof Error ? error.message : 'bad plan' });
    }
  } else if (req.method === 'DELETE') {
    faults.clear();
    reply(res, 200, view(faults));
  } else {
    res.setHeader('allow', 'GET, PUT, DELETE');
    reply(res, 405, { error: 'method not allowed' });
  }

  return true;
}
