import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_MS } from '@/lib/whmcs/http';
import { schemas } from '@/lib/whmcs/schemas';
import { call } from '@/lib/whmcs/transport';

// The WHMCS client against a real HTTP server on loopback (the other transport
// tests answer through msw): connections kept alive for reads and dropped when
// idle, a connection of its own for each write, redirects never followed, and
// the timeout covering a body that stops half-way.

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());

type Handler = (
  req: IncomingMessage,
  body: string,
) => [number, Record<string, string>, string?];
let handler: Handler;
const connections = new Set<Socket>();
let opened = 0;
let requests: { url: string; body: string; socket: Socket; connection?: string }[] = [];
let server: Server;
let base: string;

const DEPARTMENTS = JSON.stringify({
  result: 'success',
  totalresults: 1,
  departments: {
    department: [{ id: 1, name: 'Support', awaitingreply: 0, opentickets: 0 }],
  },
});

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({
        url: req.url ?? '',
        body,
        socket: req.socket,
        connection: req.headers.connection,
      });
      const [status, headers, text] = handler(req, body);
      res.writeHead(status, headers);
      if (text === undefined) res.write('{"result":"succ');
      else res.end(text);
    });
  });
  server.on('connection', (socket) => {
    opened += 1;
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
  });
  // Longer than any wait below: only the client closes an idle connection here.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.WHMCS_URL = `${base}/whmcs/`;
  process.env.WHMCS_TIMEOUT_MS = '300';
});
afterAll(() => {
  for (const socket of connections) socket.destroy();
  server.close();
});
beforeEach(() => {
  requests = [];
});

const departments = () =>
  call('GetSupportDepartments', {}, schemas.GetSupportDepartments);
const json = { 'content-type': 'application/json' };

describe('the WHMCS client over HTTP', () => {
  it('posts the form to includes/api.php and reads the answer', async () => {
    handler = () => [200, json, DEPARTMENTS];

    const answer = await departments();

    expect(answer).toEqual([expect.objectContaining({ id: 1, name: 'Support' })]);
    expect(requests[0]?.url).toBe('/whmcs/includes/api.php');
    expect(new URLSearchParams(requests[0]?.body).get('action')).toBe(
      'GetSupportDepartments',
    );
  });

  it('keeps the connection open for the next call', async () => {
    handler = () => [200, json, DEPARTMENTS];
    await departments();
    const before = opened;

    await departments();
    await departments();

    expect(opened).toBe(before);
  });

  it('closes a kept-alive connection once it has been idle IDLE_MS, before WHMCS would', async () => {
    handler = () => [200, json, DEPARTMENTS];
    await departments();
    const socket = requests.at(-1)!.socket;

    expect(socket.destroyed).toBe(false);
    await vi.waitFor(() => expect(socket.destroyed).toBe(true), {
      timeout: IDLE_MS + 2_000,
      interval: 100,
    });
  });

  it('sends each write on a connection of its own, never on a kept-alive one', async () => {
    handler = () => [200, json, '{"result":"success"}'];
    const reset = () =>
      call('ResetPassword', { email: 'a@example.com' }, schemas.ResetPassword);
    await departments();
    const before = opened;

    await reset();
    await reset();
    await departments();

    const [read, first, second, again] = requests.slice(-4);
    expect(opened).toBe(before + 2);
    expect([first?.connection, second?.connection]).toEqual(['close', 'close']);
    expect(new Set([read?.socket, first?.socket, second?.socket]).size).toBe(3);
    expect(again?.socket).toBe(read?.socket);
  });

  it('does not follow a redirect: the credentials go nowhere else', async () => {
    handler = (req) =>
      req.url?.startsWith('/elsewhere')
        ? [200, json, DEPARTMENTS]
        : [302, { location: `${base}/elsewhere/includes/api.php` }, ''];

    const failure = await departments().catch((error: unknown) => error);

    expect(failure).toMatchObject({ kind: 'unavailable' });
    expect(requests.every((r) => r.url.startsWith('/whmcs/'))).toBe(true);
  });

  it('gives up on an answer that stops half-way when WHMCS_TIMEOUT_MS is up', async () => {
    handler = () => [200, json];

    const failure = await departments().catch((error: unknown) => error);

    expect(failure).toMatchObject({ kind: 'unavailable', reason: 'timeout after 300ms' });
    expect(requests).toHaveLength(1);
  });
});
