// The production page (`vite build`) served over HTTP for the tools that
// drive it in headless Chromium (`npm run snapshot`, `npm run bench`), with
// one extra folder of the user's files mounted beside it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

/** The repository's root folder. */
export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSafe(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newest(p) : st.mtimeMs);
  }
  return t;
}

/** Builds the page into `outDir`; returns the build's output chunks and assets. */
export async function buildPage(outDir: string): Promise<Rollup.RollupOutput> {
  const out = await build({
    configFile: resolve(repoRoot, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
  return (Array.isArray(out) ? out[0] : out) as Rollup.RollupOutput;
}

/** The production page, built once and rebuilt when a source file is newer. */
export async function ensureBuild(): Promise<string> {
  const outDir = resolve(repoRoot, 'node_modules/.quickweb/page');
  const stamp = join(outDir, 'index.html');
  const sources = Math.max(
    newest(resolve(repoRoot, 'src')),
    statSync(resolve(repoRoot, 'index.html')).mtimeMs,
  );
  if (!existsSync(stamp) || statSync(stamp).mtimeMs < sources) await buildPage(outDir);
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.qml': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

export interface PageServerOptions {
  /** The built page's folder, served at `/`. */
  page: string;
  /** Served under `/<mount>/` (default `external`). */
  external: string;
  mount?: string;
  /** Rewrites a served .qml file's text (the benchmark sets a scene's parameters this way). */
  transformQml?: (path: string, text: string) => string;
}

export interface PageServer {
  readonly server: Server;
  /** `http://127.0.0.1:PORT/` */
  readonly base: string;
  close(): void;
}

export async function servePage(options: PageServerOptions): Promise<PageServer> {
  const mount = `/${options.mount ?? 'external'}/`;
  const server = createHttpServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const external = path.startsWith(mount);
    const base = external ? options.external : options.page;
    const file = normalize(
      join(base, external ? path.slice(mount.length) : path === '/' ? 'index.html' : path),
    );
    if (!file.startsWith(base + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const type = extname(file);
    res.writeHead(200, { 'content-type': TYPES[type] ?? 'application/octet-stream' });
    const body = readFileSync(file);
    res.end(
      type === '.qml' && options.transformQml ? options.transformQml(path, body.toString('utf8')) : body,
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    server,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => server.close(),
  };
}
