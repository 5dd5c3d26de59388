// The renderer's nodes: a view that replaces its delegates while it scrolls
// draws the new rows with the nodes (containers, glyph nodes, rectangle
// geometry buffers) of the rows it released, and a reused node draws exactly
// what a new one draws. A text is one glyph node, and a frame that only
// repacks what changed draws what a frame built from scratch draws.
import type { Container } from 'pixi.js';
import { expect, test } from 'vitest';
import type { Item } from '../../src/quick/items/Item';
import { drawScene, fontsLoaded, type TestItem, twoFrames } from './scene-renderer';

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
    await fontsLoaded();
    await twoFrames();
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

const CHANGING = `import QtQuick
Rectangle {
  width: 300; height: 160; color: "white"
  Item { objectName: "p1"; width: 300; height: 40
    Text { objectName: "t1"; text: "hello"; color: "black" }
    Text { objectName: "t2"; y: 20; text: "abc"; color: "navy" }
  }
  Rectangle { objectName: "p2"; y: 45; width: 200; height: 40; color: "yellow"
    Text { objectName: "t3"; text: "xyz"; color: "red" }
  }
  Item { objectName: "p3"; y: 90; width: 300; height: 60
    Item { objectName: "p4"; width: 300; height: 60
      Text { objectName: "t4"; text: "deep"; color: "green" }
      Text { objectName: "t5"; y: 25; text: "other"; color: "purple" }
    }
  }
}`;

type ChangingText = TestItem & { text: string; x: number };

test.each([
  [1, 'webgl'],
  [2, 'webgl'],
  [3, 'canvas'],
] as const)(
  'after random text changes (seed %i, %s), each frame draws what a full rebuild draws',
  async (seed, backend) => {
    const { renderer, find, canvas } = await drawScene(CHANGING, [backend]);
    await fontsLoaded();
    renderer.renderNow();
    let s = seed;
    const random = () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 4294967296;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const texts = ['t1', 't2', 't3', 't4', 't5'].map((n) => find(n) as ChangingText);
    const parents = ['p1', 'p2', 'p3', 'p4'].map(find);
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const stage = (
      renderer as unknown as { stage: Container & { renderGroup: { structureDidChange: boolean } } }
    ).stage;
    for (let step = 0; step < 80; step++) {
      const t = pick(texts);
      const k = Math.floor(random() * 7);
      // Longer, shorter or other glyphs; colours (one translucent); shown and hidden items; fractional x.
      if (k <= 2) {
        const n = random() < 0.4 ? t.text.length : Math.floor(random() * 25);
        t.text = Array.from({ length: n }, () => pick([...letters])).join('');
      } else if (k === 3) t.color = pick(['black', 'red', 'blue', '#80ff0000']);
      else if (k === 4) pick(parents).visible = random() < 0.5;
      else if (k === 5) pick(parents).opacity = pick([0, 0.5, 1]);
      else t.x = Math.floor(random() * 40) + pick([0, 0.25]);
      if (random() < 0.6) {
        await fontsLoaded();
        renderer.renderNow();
        const incremental = canvas.toDataURL('image/png');
        // Every quad packed again from scratch.
        stage.renderGroup.structureDidChange = true;
        renderer.renderer.render(stage);
        expect(canvas.toDataURL('image/png') === incremental, `frame after step ${step}`).toBe(true);
      }
    }
    renderer.destroy();
  },
);

const COLUMNS = `import QtQuick
Rectangle {
  width: 300; height: 220; color: "black"
  Column { Repeater { model: 10; Text { text: "white line " + index; color: "white" } } }
  Column { x: 150; Repeater { model: 10; Text { text: "line " + index; color: index % 2 ? "yellow" : "cyan" } } }
}`;

test('subpixel texts of one colour are drawn in one draw call; each colour change is one more', async () => {
  const { renderer, canvas, pixel } = await drawScene(COLUMNS, ['webgl']);
  await fontsLoaded();
  await twoFrames();
  const gl = canvas.getContext('webgl2')!;
  const drawElements = gl.drawElements;
  let draws = 0;
  gl.drawElements = function (...args: Parameters<typeof drawElements>) {
    draws++;
    return drawElements.apply(this, args);
  };
  try {
    renderer.renderer.render({ container: (renderer as unknown as { stage: Container }).stage });
  } finally {
    gl.drawElements = drawElements;
  }
  // The background, the ten white texts as one batch (Qt: one material), then
  // the yellow and cyan texts one batch each as their colours alternate.
  expect(draws).toBe(1 + 1 + 10);
  // Ink in each colour: white (all channels), cyan (no red), yellow (no blue).
  const ink = (x0: number, x1: number, test: (p: number[]) => boolean) => {
    let n = 0;
    for (let x = x0; x < x1; x++) for (let y = 0; y < 16; y++) if (test(pixel(x, y))) n++;
    return n;
  };
  expect(ink(0, 100, ([r, g, b]) => r! > 200 && g! > 200 && b! > 200)).toBeGreaterThan(20);
  expect(ink(150, 220, ([r, g, b]) => r! < 60 && g! > 200 && b! > 200)).toBeGreaterThan(10);
  renderer.destroy();
});

const FLIPABLE = `import QtQuick
Rectangle {
  width: 200; height: 100; color: "white"
  Flipable {
    id: f; objectName: "f"; x: 50; width: 100; height: 100
    front: Rectangle { width: 100; height: 100; color: "green" }
    back: Rectangle {
      width: 100; height: 100; color: "red"
      Rectangle { x: 50; width: 50; height: 100; color: "blue" }
    }
    transform: Rotation { objectName: "r"; origin.x: 50; axis.y: 1; axis.z: 0 }
  }
}`;

test('a Flipable turned round shows its back the right way round: mirrored, then turned', async () => {
  const { renderer, runtime, pixel } = await drawScene(FLIPABLE, ['webgl']);
  const all = (i: Item): Item[] => [i, ...i.childItems.flatMap(all)];
  const f = all(runtime.window.contentItem).find((i) => i.objectName === 'f') as Item & {
    transform: Array<{ angle: number }>;
  };
  // The front faces the viewer: green, and no back.
  expect(pixel(75, 50)).toEqual([0, 128, 0]);
  expect(pixel(125, 50)).toEqual([0, 128, 0]);
  f.transform[0]!.angle = 180;
  runtime.engine.polish();
  renderer.renderNow();
  // Turned by 180 degrees about y, the back reads as declared: red on the left, blue on the right.
  expect(pixel(75, 50)).toEqual([255, 0, 0]);
  expect(pixel(125, 50)).toEqual([0, 0, 255]);
  renderer.destroy();
});
