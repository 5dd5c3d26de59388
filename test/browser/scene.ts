// Mounting a scene in the browser tests: the page's own app (input, caret,
// accessibility mirror), scene files fetched from the dev server, with the
// echo server's address rewritten to a test server.
import { page } from 'vitest/browser';
import { type App, createApp } from '../../src/host/app';
import { BrowserFiles } from '../../src/host/files';

let mounted: { parent: HTMLElement; app: App } | null = null;

/**
 * Mounts a scene from files served by the dev server. Files keep their
 * layout relative to their common folder (so `import "parts"` works);
 * `main` is relative to that folder too.
 */
export async function mountScene(
  paths: string[],
  main: string,
  rewrite: Array<[string, string]> = [],
): Promise<App> {
  const texts: Record<string, string> = {};
  const common = commonFolder(paths);
  for (const p of paths) {
    let text = await fetchOnce(p);
    for (const [a, b] of rewrite) text = text.replaceAll(a, b);
    texts[p.slice(common.length)] = text;
  }
  return mountFiles(texts, main);
}

/** Repository files fetched so far: they do not change while the tests run. */
const fetched = new Map<string, Promise<string>>();

function fetchOnce(path: string): Promise<string> {
  let text = fetched.get(path);
  if (text === undefined) {
    text = fetch(`/${path}`).then((response) => {
      if (!response.ok) throw new Error(`cannot fetch ${path}: ${response.status}`);
      return response.text();
    });
    fetched.set(path, text);
  }
  return text;
}

/** The folder URL of the mounted scene's files. */
export let mountedFolder = '';

/** Mounts a scene from file texts (paths relative to the scene's folder). */
export async function mountFiles(texts: Record<string, string>, main: string): Promise<App> {
  if (mounted) {
    mounted.app.close();
    mounted.parent.remove();
  }
  const parent = document.createElement('div');
  document.body.append(parent);
  const files = new BrowserFiles(new Set());
  mountedFolder = new URL(`/mounted/${Math.random().toString(36).slice(2)}/`, location.href).href;
  for (const [path, text] of Object.entries(texts)) files.addMemoryFile(mountedFolder + path, text);
  const app = createApp(parent, files);
  mounted = { parent, app };
  const ok = await app.host.open(mountedFolder + main);
  if (!ok) throw new Error(`scene did not load: ${app.host.error}`);
  return app;
}

function commonFolder(paths: string[]): string {
  let common = paths[0]!.slice(0, paths[0]!.lastIndexOf('/') + 1);
  for (const p of paths)
    while (!p.startsWith(common)) common = common.slice(0, common.lastIndexOf('/', common.length - 2) + 1);
  return common;
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
