// The page as `npm run build` makes it, and as `npm run snapshot` and
// `npm run bench` serve it: the production bundle's scripts are all
// requested by the HTML at once, and the page runs the book's chat scene
// against the echo server.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../../scripts/chromium.mjs';
import { createEchoServer, type EchoServerHandle } from '../../../server/echo-server';
import { buildPage, type PageServer, servePage } from '../../../src/cli/page-server';

let dir: string;
let echo: EchoServerHandle;
let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quickweb-page-'));
  await buildPage(dir);
  echo = await createEchoServer({ port: 0, log: () => {} });
  server = await servePage({
    page: dir,
    external: dir,
    // The chat connects to the echo server on port 3000; this one has a port of its own.
    transformQml: (_path, text) => text.replaceAll('ws://localhost:3000', `ws://localhost:${echo.port}`),
  });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  await echo?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the entry script’s static imports are all requested by the HTML, not found one after another', () => {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]* src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(entry).toBeDefined();
  const code = readFileSync(join(dir, entry!), 'utf8');
  const imports = [...code.matchAll(/(?:^|[;}\s])import[^"'`()]*?from\s*["']\.\/([^"']+\.js)["']/g)].map(
    (m) => `assets/${m[1]}`,
  );
  // The code comes in several scripts, compiled side by side as they arrive.
  expect(imports.length).toBeGreaterThanOrEqual(2);
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]* href="\.\/([^"]+)"/g)].map((m) => m[1]);
  expect(preloaded.sort()).toEqual([...new Set(imports)].sort());
});

test('the built page runs the chat scene: first frame, greeting and status rows, no errors', async () => {
  const context = await browser.newContext({ deviceScaleFactor: 1, viewport: { width: 800, height: 600 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${server.base}?url=${encodeURIComponent('/scenes/chat/ws_client.qml')}`);
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as {
            quickweb?: { host: { renderer: { firstFrameTime: number | null } | null } };
          }
        ).quickweb?.host.renderer?.firstFrameTime != null,
      null,
      { timeout: 30_000 },
    );
    // The socket opens and the server greets: both rows reach the chat's list model.
    const rows = await page.waitForFunction(
      () => {
        type Obj = {
          count?: number;
          model?: unknown;
          childItems?: Obj[];
          $meta?: { name: string; base: unknown };
        };
        const root = (globalThis as unknown as { quickweb: { host: { runtime: { root: Obj } } } }).quickweb
          .host.runtime.root as Obj & { [k: string]: unknown };
        const find = (i: Obj): Obj | null => {
          if (typeof i.count === 'number' && i.model !== undefined) return i;
          for (const c of i.childItems ?? []) {
            const f = find(c);
            if (f) return f;
          }
          return null;
        };
        const view = find(root);
        return view !== null && (view.count ?? 0) >= 2 ? view.count : false;
      },
      null,
      { timeout: 30_000 },
    );
    expect(await rows.jsonValue()).toBe(2);
    expect(errors).toEqual([]);
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { quickweb: { host: { error: unknown } } }).quickweb.host.error,
      ),
    ).toBeNull();
  } finally {
    await context.close();
  }
});
