// The renderer's nodes: a view that replaces its delegates while it scrolls
// draws the new rows with the nodes (containers, glyph nodes, rectangle
// geometry buffers) of the rows it released, and a reused node draws exactly
// what a new one draws.
import type { Container } from 'pixi.js';
import { expect, test } from 'vitest';
import type { Item } from '../../src/quick/items/Item';
import { facesLoading } from '../../src/render/fonts';
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

const TEXTS = `import QtQuick
Rectangle {
  width: 400; height: 60; color: "white"
  Text { objectName: "short"; y: 4; text: "ab"; color: "red" }
  Text { objectName: "long"; y: 30; text: "a line of text with a great many glyphs, each one drawn"; color: "blue" }
}`;

/** Display objects in a container's subtree, itself included. */
function displayObjects(c: Container): number {
  return 1 + c.children.reduce((n, child) => n + displayObjects(child), 0);
}

test.each([['webgl'], ['canvas']] as const)(
  'on %s, a text is one glyph node however many glyphs it has, and its glyphs are drawn',
  async (backend) => {
    const { renderer, find, pixel } = await drawScene(TEXTS, [backend]);
    // The text is redrawn once its font file has arrived.
    for (let i = 0; i < 100 && facesLoading() > 0; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const nodeOf = (name: string) => (find(name).renderNode as { container: Container }).container;
    // Qt's scene graph has one glyph node per text; so do we: 2 glyphs or 50, the same objects.
    expect(displayObjects(nodeOf('long'))).toBe(displayObjects(nodeOf('short')));
    expect(displayObjects(nodeOf('long'))).toBeLessThan(6);
    // The glyphs are there, in the text's colour: blue ink along the long line, none past its end.
    let blue = 0;
    for (let x = 0; x < 400; x++)
      for (let y = 30; y < 50; y++) {
        const [r, g, b] = pixel(x, y);
        if (b! > 200 && r! < 150 && g! < 150) blue++;
      }
    expect(blue).toBeGreaterThan(100);
    const [r, g, b] = pixel(395, 40);
    expect([r, g, b]).toEqual([255, 255, 255]);
    renderer.destroy();
  },
);
