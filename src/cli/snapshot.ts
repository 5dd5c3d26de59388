#!/usr/bin/env node
// `npm run snapshot -- FILE.qml OUT.png [--delay MS] [--json OUT.json]`:
// renders a scene in headless Chromium (the same page as `npm start`) and
// saves a PNG of the window, and with --json the browser's item tree as a
// `qt-reference-geometry/1` document.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { build } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

function usage(): never {
  process.stderr.write('usage: npm run snapshot -- FILE.qml OUT.png [--delay MS] [--json OUT.json]\n');
  process.exit(1);
}

const args = process.argv.slice(2);
const positional: string[] = [];
let delay = 500;
let json: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--delay') delay = Number(args[++i]);
  else if (a === '--json') json = args[++i];
  else if (a.startsWith('--')) usage();
  else positional.push(a);
}
if (positional.length !== 2 || !Number.isFinite(delay) || json === '') usage();
const scene = resolve(positional[0]!);
const out = resolve(positional[1]!);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The production page, built once and rebuilt when a source file is newer. */
async function ensureBuild(): Promise<string> {
  const outDir = resolve(root, 'node_modules/.quickweb/page');
  const stamp = join(outDir, 'index.html');
  const newest = (dir: string): number => {
    let t = 0;
    for (const name of readdirSafe(dir)) {
      const p = join(dir, name);
      const st = statSync(p);
      t = Math.max(t, st.isDirectory() ? newest(p) : st.mtimeMs);
    }
    return t;
  };
  const sources = Math.max(newest(resolve(root, 'src')), statSync(resolve(root, 'index.html')).mtimeMs);
  if (!existsSync(stamp) || statSync(stamp).mtimeMs < sources) {
    await build({
      configFile: resolve(root, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
  }
  return outDir;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
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

const page = await ensureBuild();
const sceneDir = dirname(scene);
// The built page, and the scene's folder under /external/.
const server = createHttpServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const external = path.startsWith('/external/');
  const base = external ? sceneDir : page;
  const file = normalize(
    join(base, external ? path.slice('/external/'.length) : path === '/' ? 'index.html' : path),
  );
  if (!file.startsWith(base + sep) || !existsSync(file) || statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: CHROMIUM_ARGS,
  headless: true,
});
let status = 0;
try {
  const tab = await browser.newPage({ deviceScaleFactor: 1 });
  tab.on('console', (m) => {
    if (m.type() !== 'debug') process.stderr.write(`${m.text()}\n`);
  });
  await tab.goto(`${base}?url=${encodeURIComponent(`/external/${basename(scene)}`)}`);
  await tab.waitForFunction(() => 'quickweb' in globalThis);
  const ok = await tab.evaluate(
    () => (globalThis as unknown as { quickweb: { ready: Promise<boolean> } }).quickweb.ready,
  );
  if (!ok) {
    const error = await tab.evaluate(
      () => (globalThis as unknown as { quickweb: { host: { error: string | null } } }).quickweb.host.error,
    );
    process.stderr.write(`QQmlApplicationEngine failed to load component\n${error ?? ''}\n`);
    status = 2;
  } else {
    await tab.evaluate(
      (ms) =>
        (globalThis as unknown as { quickweb: { settle(ms: number): Promise<void> } }).quickweb.settle(ms),
      delay,
    );
    // The window area, overlays included (the caret is a DOM element over the canvas).
    const box = await tab.locator('canvas').first().boundingBox();
    if (!box) throw new Error('the scene has no canvas');
    await tab.screenshot({ path: out, clip: box });
    if (json) {
      const doc = await tab.evaluate(
        ([label, name]) =>
          (
            globalThis as unknown as { quickweb: { geometry(l: string, s: string): unknown } }
          ).quickweb.geometry(label!, name!),
        [basename(scene, '.qml'), basename(scene)],
      );
      writeFileSync(resolve(json), `${JSON.stringify(doc, null, 2)}\n`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(status);
