// The renderer's nodes: a view that replaces its delegates while it scrolls
// draws the new rows with the nodes (containers, glyph sprites, rectangle
// geometry buffers) of the rows it released, and a reused node draws exactly
// what a new one draws.
import { expect, test } from 'vitest';
import type { Item } from '../../src/quick/items/Item';
import { SceneRenderer } from '../../src/render/renderer';
import { createRuntime } from '../../src/runtime';

const SCENE = `import QtQuick
ListView {
  width: 240; height: 300
  model: 1000
  delegate: Rectangle {
    width: 240; height: 20
    color: index % 2 ? "#eeeeee" : "#cccccc"
    Text { x: index % 7; y: 2; text: "row " + index; color: index % 3 ? "black" : "navy" }
  }
}`;

type View = Item & { contentY: number; contentItem: Item };

async function open(contentY: number) {
  const url = 'file:///scene/main.qml';
  const runtime = createRuntime({
    files: { read: () => SCENE, exists: (u: string) => u === url },
    sink: { warn: (m) => console.warn(m), log: () => {} },
    scheduleFrame: () => {},
  });
  await runtime.run(url);
  const view = runtime.window.contentItem.childItems[0] as View;
  view.contentY = contentY;
  runtime.engine.polish();
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  const renderer = await SceneRenderer.create({
    canvas,
    window: runtime.window,
    engine: runtime.engine,
    resolution: 1,
    preference: ['webgl'],
  });
  renderer.renderNow();
  return { view, renderer, canvas };
}

test('rows created while a ListView jumps are drawn with released rows’ nodes, pixel for pixel as new nodes', async () => {
  const { view, renderer, canvas } = await open(0);
  const made = renderer.nodesMade;
  expect(made).toBeGreaterThan(30);
  // Each jump replaces every row (15 on screen).
  for (const y of [1000, 2500, 4000, 6000, 8000]) {
    view.contentY = y;
    renderer.renderNow();
  }
  expect(view.contentItem.childItems.length).toBeGreaterThan(14);
  expect(renderer.nodesMade - made).toBeLessThan(5);
  const reused = canvas.toDataURL('image/png');
  renderer.destroy();

  const fresh = await open(8000);
  expect(fresh.canvas.toDataURL('image/png')).toBe(reused);
  fresh.renderer.destroy();
});
