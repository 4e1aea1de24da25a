// Preloaded into the portal's Node process (node --import). Next.js gives
// proxy.ts and route handlers no access to the TCP peer, and it only fills in
// X-Forwarded-For when the client sent none — so a client could name any IP.
// Like a well-behaved reverse proxy, this appends the real peer address to
// X-Forwarded-For before Next.js sees the request; lib/security/client-ip.ts
// then counts TRUSTED_PROXY_HOPS from the right and never trusts the left.
import http from 'node:http';

const originalCreateServer = http.createServer;

function withPeer(listener) {
  return function (req, res) {
    const peer =
      req.socket && req.socket.remoteAddress ? req.socket.remoteAddress : 'unknown';
    const prior = req.headers['x-forwarded-for'];
    req.headers['x-forwarded-for'] = prior ? `${prior}, ${peer}` : peer;
    return listener.call(this, req, res);
  };
}

http.createServer = function createServer(...args) {
  const index = args.findIndex((a) => typeof a === 'function');
  if (index >= 0) args[index] = withPeer(args[index]);
  const server = originalCreateServer.apply(this, args);
  const on = server.on.bind(server);
  server.on = (event, listener) =>
    on(event, event === 'request' ? withPeer(listener) : listener);
  return server;
};
