// Qt's renders of every item scene without text, reproduced in Node: the
// rectangle nodes' geometry rasterized as Mesa's llvmpipe rasterizes it
// (test/helpers/llvmpipe.ts) must match Qt's PNG in every pixel
// (pixelmatch threshold 0.1, antialiased pixels included). This checks the
// geometry exactly, where the browser's rasterizer (SwiftShader, vertices
// on a 1/16-pixel grid) can differ on slanted edges.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { expect, test } from 'vitest';
import type { Item } from '../../../src/quick/items/Item';
import { createRuntime } from '../../../src/runtime';
import { renderLikeQt } from '../../helpers/llvmpipe';

const DIR = fileURLToPath(new URL('../../fixtures/qt/items/', import.meta.url));

/** Scenes with items Qt draws in perspective (Rotation about the x or y axis). */
const PROJECTIVE = new Set(['item_transform_perspective']);

interface Dump {
  window: { color: string };
}

const scenes = readdirSync(DIR)
  .filter((f) => f.endsWith('.geometry.json'))
  .map((f) => f.slice(0, -'.geometry.json'.length))
  .filter((n) => !/"base": ?"Text/.test(readFileSync(`${DIR}${n}.geometry.json`, 'utf8')))
  // (a Canvas's and a Shape's pixels come from the page's 2D canvas: tests/browser/items.test.ts)
  .filter(
    (n) => !/"cppClass": ?"QQuick(CanvasItem|Shape)"/.test(readFileSync(`${DIR}${n}.geometry.json`, 'utf8')),
  )
  // (perspective: the rasterizer here draws affine transforms only)
  .filter((n) => !PROJECTIVE.has(n))
  .sort();

test('the scenes include every rectangle scene', () => {
  expect(scenes.filter((s) => s.startsWith('rect_')).length).toBeGreaterThanOrEqual(13);
});

test.each(scenes)('%s', async (name) => {
  const runtime = createRuntime({
    files: {
      read: (url: string) => readFileSync(fileURLToPath(url), 'utf8'),
      exists: (url: string) => existsSync(fileURLToPath(url)),
    },
    sink: { warn: () => {}, log: () => {} },
    scheduleFrame: () => {},
  });
  await runtime.run(`file://${DIR}${name}.qml`);
  runtime.engine.polish();
  const qt = PNG.sync.read(readFileSync(`${DIR}${name}.png`));
  const dump = JSON.parse(readFileSync(`${DIR}${name}.geometry.json`, 'utf8')) as Dump;
  const ours = renderLikeQt(runtime.window.contentItem as Item, qt.width, qt.height, dump.window.color);
  const differing = pixelmatch(qt.data, ours.data, undefined, qt.width, qt.height, {
    threshold: 0.1,
    includeAA: true,
  });
  expect(differing).toBe(0);
});
