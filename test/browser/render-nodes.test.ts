// The renderer's nodes: a view that replaces its delegates while it scrolls
// draws the new rows with the nodes (containers, glyph sprites, rectangle
// geometry buffers) of the rows it released, and a reused node draws exactly
// what a new one draws.
import { expect, test } from 'vitest';
import type { Item } from '../../src/quick/items/Item';
import { drawScene } from './scene-renderer';

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
  let view!: View;
  const { renderer, canvas } = await drawScene(SCENE, ['webgl'], (runtime) => {
    view = runtime.window.contentItem.childItems[0] as View;
    view.contentY = contentY;
    runtime.engine.polish();
  });
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
