// Mounting a scene in the browser tests: the page's own app (input, caret,
// accessibility mirror), scene files fetched from the dev server, with the
// echo server's address rewritten to a test server.
import { page } from 'vitest/browser';
import { type App, createApp } from '../../src/host/app';
import { BrowserFiles } from '../../src/host/files';

let mounted: HTMLElement | null = null;

export async function mountScene(
  paths: string[],
  main: string,
  rewrite: Array<[string, string]> = [],
): Promise<App> {
  mounted?.remove();
  const parent = document.createElement('div');
  document.body.append(parent);
  mounted = parent;
  const files = new BrowserFiles(new Set());
  const folder = new URL(`/mounted/${Math.random().toString(36).slice(2)}/`, location.href).href;
  for (const p of paths) {
    let text = await (await fetch(`/${p}`)).text();
    for (const [a, b] of rewrite) text = text.replaceAll(a, b);
    files.addMemoryFile(folder + p.slice(p.lastIndexOf('/') + 1), text);
  }
  const app = createApp(parent, files);
  const ok = await app.host.open(folder + main);
  if (!ok) throw new Error(`scene did not load: ${app.host.error}`);
  return app;
}

export async function until(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The stage (window area, caret included) as a PNG, base64. */
export async function shot(app: App, settleMs = 50): Promise<string> {
  await app.settle(settleMs);
  return page.screenshot({ element: app.host.stage, base64: true, save: false });
}
