#!/usr/bin/env node
// `npm run snapshot -- FILE.qml OUT.png [--delay MS] [--json OUT.json]`:
// renders a scene in headless Chromium (the same page as `npm start`) and
// saves a PNG of the window, and with --json the browser's item tree as a
// `qt-reference-geometry/1` document.
import { writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { ensureBuild, servePage } from './page-server';

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

const page = await ensureBuild();
// The built page, and the scene's folder under /external/.
const server = await servePage({ page, external: dirname(scene) });
const base = server.base;
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
