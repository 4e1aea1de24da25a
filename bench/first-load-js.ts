// Each route's first-load JavaScript, read from a production build: the
// framework's root chunks (the route's build-manifest.json) plus every chunk
// its layouts, page and boundaries name (page_client-reference-manifest.js),
// each gzipped as the server sends it. Turbopack builds print no sizes, so the
// budget test and the benchmark both count them here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

export type RouteJs = {
  route: string;
  files: number;
  /** gzip kB (1 kB = 1000 bytes) of everything the route loads first. */
  totalKb: number;
  /** The part beyond the framework's root chunks: the portal's own code. */
  ownKb: number;
};

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

const MANIFEST = '_client-reference-manifest.js';

function* manifests(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* manifests(path);
    else if (entry.name.endsWith(`page${MANIFEST}`)) yield path;
  }
}

/** The manifest file only assigns to globalThis.__RSC_MANIFEST; run it in a sandbox. */
function clientManifest(path: string): [string, ClientManifest] {
  const sandbox: { __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
  runInNewContext(readFileSync(path, 'utf8'), sandbox);
  const entry = Object.entries(sandbox.__RSC_MANIFEST ?? {})[0];
  if (!entry) throw new Error(`${path} names no route`);

  return entry;
}

function gzipKb(distDir: string, files: Iterable<string>): number {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(join(distDir, file))).length;

  return Math.round(bytes / 100) / 10;
}

export function firstLoadJs(distDir = '.next'): RouteJs[] {
  if (!existsSync(join(distDir, 'BUILD_ID')))
    throw new Error(`no production build in ${distDir}: run \`npm run build\``);
  const routes = JSON.parse(
    readFileSync(join(distDir, 'app-path-routes-manifest.json'), 'utf8'),
  ) as Record<string, string>;

  return [...manifests(join(distDir, 'server/app'))]
    .map((path) => {
      const [page, manifest] = clientManifest(path);
      const build = JSON.parse(
        readFileSync(path.slice(0, -MANIFEST.length) + '/build-manifest.json', 'utf8'),
      ) as { rootMainFiles: string[] };
      const root = new Set(build.rootMainFiles);
      const own = new Set(Object.values(manifest.entryJSFiles ?? {}).flat());
      for (const file of root) own.delete(file);

      return {
        route: routes[page] ?? page,
        files: root.size + own.size,
        totalKb: gzipKb(distDir, [...root, ...own]),
        ownKb: gzipKb(distDir, own),
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}
