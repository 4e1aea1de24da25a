// After `next build`: put the static assets beside the standalone server, so
// `npm start` (node .next/standalone/server.js) serves a complete portal.
import { cpSync, existsSync } from 'node:fs';

const root = '.next/standalone';
if (existsSync(`${root}/server.js`)) {
  cpSync('.next/static', `${root}/.next/static`, { recursive: true });
  if (existsSync('public')) cpSync('public', `${root}/public`, { recursive: true });
}
