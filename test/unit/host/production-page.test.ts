// The page as `npm run build` makes it, and as `npm run snapshot` and
// `npm run bench` serve it: the production bundle's scripts are all
// requested by the HTML at once, and the page runs the book's chat scene
// against the echo server.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../../scripts/chromium.mjs';
import { createEchoServer, type EchoServerHandle } from '../../../server/echo-server';
import { buildPage, type PageServer, servePage } from '../../../src/cli/page-server';

let dir: string;
let built: Awaited<ReturnType<typeof buildPage>>;
let echo: EchoServerHandle;
let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quickweb-page-'));
  built = await buildPage(dir);
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
  const chunks = new Map<string, string[]>();
  let entry = '';
  for (const o of built.output)
    if (o.type === 'chunk') {
      chunks.set(o.fileName, o.imports);
      if (o.isEntry) entry = o.fileName;
    }
  // The scripts the entry needs before it runs: its static imports, and theirs.
  const needed = new Set<string>();
  const visit = (file: string) => {
    for (const i of chunks.get(file) ?? [])
      if (!needed.has(i)) {
        needed.add(i);
        visit(i);
      }
  };
  visit(entry);
  // The code comes in several scripts, compiled side by side as they arrive.
  expect(needed.size).toBeGreaterThanOrEqual(2);
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  expect(html).toContain(`<script type="module" crossorigin src="./${entry}">`);
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]* href="\.\/([^"]+)"/g)].map((m) => m[1]);
  expect(preloaded.sort()).toEqual([...needed].sort());
});

test("the HTML asks for the scene's files itself, while the page's scripts are still on their way", async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // No script of the page ever arrives: what asks for the scene's files is the HTML's own.
    await page.route('**/assets/*.js', (route) => route.abort());
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.qml')) asked.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.base}?scene=chat`);
    await expect
      .poll(() => asked.slice().sort(), { timeout: 10_000 })
      .toEqual([
        '/scenes/chat/ChatInput.qml',
        '/scenes/chat/ChatView.qml',
        '/scenes/chat/Label.qml',
        '/scenes/chat/ws_client.qml',
      ]);
  } finally {
    await context.close();
  }
});

/** Opens a scene in the built page and waits for its first frame; `errors` collects what the page reports. */
async function openScene(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${server.base}?url=${encodeURIComponent(url)}`);
  await page.waitForFunction(
    () =>
      (
        globalThis as unknown as {
          quickweb?: { host: { renderer: { firstFrameTime: number | null } | null } };
        }
      ).quickweb?.host.renderer?.firstFrameTime != null,
    null,
    { timeout: 20_000 },
  );
  return { page, errors };
}

test('the built page runs the chat scene: first frame, greeting and status rows, no errors', async () => {
  const context = await browser.newContext({ deviceScaleFactor: 1, viewport: { width: 800, height: 600 } });
  try {
    const { page, errors } = await openScene(context, '/scenes/chat/ws_client.qml');
    // The socket opens and the server greets: the chat shows both rows.
    const texts = await page.waitForFunction(
      () => {
        type Obj = { text?: unknown; childItems?: Obj[] };
        const host = (globalThis as unknown as { quickweb: { host: { runtime: { root: Obj } } } }).quickweb
          .host;
        const all: string[] = [];
        const walk = (i: Obj) => {
          if (typeof i.text === 'string' && i.text !== '') all.push(i.text);
          for (const c of i.childItems ?? []) walk(c);
        };
        walk(host.runtime.root);
        return all.includes('Welcome to Awesome Chat') && all.includes('socket open') ? all : false;
      },
      null,
      { timeout: 20_000 },
    );
    expect(await texts.jsonValue()).toEqual(['#', 'socket open', '<', 'Welcome to Awesome Chat']);
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

test('the built page clips: a clipped item hides what its children draw outside it (a stencil mask)', async () => {
  writeFileSync(
    join(dir, 'clip.qml'),
    `import QtQuick
Rectangle {
    width: 100; height: 100; color: "white"
    Rectangle {
        x: 10; y: 10; width: 40; height: 40; color: "black"; clip: true
        Rectangle { x: 20; y: 20; width: 60; height: 60; color: "red" }
    }
}
`,
  );
  const context = await browser.newContext({ deviceScaleFactor: 1, viewport: { width: 800, height: 600 } });
  try {
    const { page, errors } = await openScene(context, '/clip.qml');
    const png = PNG.sync.read(await page.locator('canvas').first().screenshot());
    const at = (x: number, y: number) => {
      const i = (y * png.width + x) * 4;
      return [png.data[i], png.data[i + 1], png.data[i + 2]];
    };
    expect(at(40, 40)).toEqual([255, 0, 0]); // the child, inside the clipped parent
    expect(at(20, 20)).toEqual([0, 0, 0]); // the parent
    expect(at(60, 60)).toEqual([255, 255, 255]); // the child outside its parent: clipped
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
