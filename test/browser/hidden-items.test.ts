// Hidden items in the renderer: an item that is not drawn (visible: false,
// opacity 0, a view's culled cache-buffer delegate, or anything under one)
// keeps only its position and visibility current; its painting waits until it
// is shown. Whatever changed meanwhile must then be on screen, whichever way
// it is shown: by its own visibility, an ancestor's, opacity in steps, or by
// moving to a shown parent; and an item moved under a hidden parent must
// leave the screen at once.
import { expect, test } from 'vitest';
import { SceneRenderer } from '../../src/render/renderer';
import { fontsLoaded, runScene as runtimeOf, drawScene as start, twoFrames } from './scene-renderer';

test('changes to hidden items draw nothing until they are shown, then show their latest state', async () => {
  const { renderer, find, pixel } = await start(`import QtQuick
Rectangle {
  width: 100; height: 100; color: "black"
  Rectangle {
    objectName: "box"; x: 10; y: 10; width: 60; height: 60; color: "red"; visible: false
    Rectangle { objectName: "kid"; x: 30; y: 30; width: 20; height: 20; color: "blue" }
  }
}`);
  const box = find('box');
  const kid = find('kid');
  const frames = renderer.framesRendered;
  box.color = 'lime';
  box.width = 80;
  kid.color = 'yellow';
  await twoFrames();
  // A scheduled frame whose changes are all hidden leaves the screen as it is.
  expect(renderer.framesRendered).toBe(frames);
  expect(pixel(20, 20)).toEqual([0, 0, 0]);
  box.visible = true;
  await twoFrames();
  expect(renderer.framesRendered).toBe(frames + 1);
  expect(pixel(20, 20)).toEqual([0, 255, 0]);
  expect(pixel(85, 20)).toEqual([0, 255, 0]);
  expect(pixel(45, 45)).toEqual([255, 255, 0]);
  renderer.destroy();
});

const SCENE = `import QtQuick
Rectangle {
  width: 100; height: 100; color: "black"
  Item { objectName: "shown"; x: 0; y: 0; width: 100; height: 100 }
  Item {
    objectName: "hidden"; x: 0; y: 0; width: 100; height: 100; HIDE
    Rectangle {
      objectName: "kid"; x: 10; y: 10; width: 20; height: 20; color: "red"
      Rectangle { objectName: "grandkid"; x: 5; y: 5; width: 10; height: 10; color: "blue" }
    }
  }
}`;

test.each([['opacity: 0'], ['visible: false']])(
  'an item moved out of a hidden parent (%s) into a shown one shows its latest state',
  async (hide) => {
    const { renderer, find, pixel } = await start(SCENE.replace('HIDE', hide));
    const kid = find('kid');
    const grandkid = find('grandkid');
    kid.color = 'lime';
    kid.width = 40;
    grandkid.color = 'yellow';
    renderer.renderNow();
    kid.setParentItem(find('shown'));
    renderer.renderNow();
    expect(pixel(12, 12)).toEqual([0, 255, 0]);
    expect(pixel(45, 12)).toEqual([0, 255, 0]);
    expect(pixel(20, 20)).toEqual([255, 255, 0]);
    renderer.destroy();
  },
);

test('an item made under an opacity-0 parent and moved, unchanged, to a shown one is drawn', async () => {
  const { renderer, find, pixel } = await start(SCENE.replace('HIDE', 'opacity: 0'));
  find('kid').setParentItem(find('shown'));
  renderer.renderNow();
  expect(pixel(12, 12)).toEqual([255, 0, 0]);
  expect(pixel(20, 20)).toEqual([0, 0, 255]);
  renderer.destroy();
});

test.each([['opacity: 0'], ['visible: false']])(
  'an item moved from a shown parent into a hidden one (%s) is no longer drawn',
  async (hide) => {
    const { renderer, find, pixel } = await start(`import QtQuick
Rectangle {
  width: 100; height: 100; color: "black"
  Item {
    objectName: "shown"; width: 100; height: 100
    Rectangle { objectName: "kid2"; x: 10; y: 10; width: 20; height: 20; color: "red" }
  }
  Item { objectName: "hidden"; width: 100; height: 100; ${hide} }
}`);
    const kid = find('kid2');
    expect(pixel(12, 12)).toEqual([255, 0, 0]);
    kid.setParentItem(find('hidden'));
    renderer.renderNow();
    expect(pixel(12, 12)).toEqual([0, 0, 0]);
    renderer.destroy();
  },
);

test('showing a parent and changing its child in one frame, either order', async () => {
  for (const order of [0, 1]) {
    const { renderer, find, pixel } = await start(SCENE.replace('HIDE', 'visible: false'));
    const hidden = find('hidden');
    const kid = find('kid');
    const grandkid = find('grandkid');
    if (order === 0) {
      grandkid.color = 'yellow';
      kid.color = 'lime';
      hidden.visible = true;
    } else {
      hidden.visible = true;
      grandkid.color = 'yellow';
      kid.color = 'lime';
    }
    await twoFrames();
    expect(pixel(12, 12)).toEqual([0, 255, 0]);
    expect(pixel(20, 20)).toEqual([255, 255, 0]);
    renderer.destroy();
  }
});

test('hiding, changing, showing by opacity in steps (an opacity animation)', async () => {
  const { renderer, find, pixel } = await start(SCENE.replace('HIDE', 'opacity: 1'));
  const hidden = find('hidden');
  const kid = find('kid');
  hidden.opacity = 0;
  await twoFrames();
  expect(pixel(12, 12)).toEqual([0, 0, 0]);
  kid.color = 'lime';
  kid.width = 40;
  await twoFrames();
  expect(pixel(12, 12)).toEqual([0, 0, 0]);
  hidden.opacity = 0.5;
  await twoFrames();
  expect(pixel(45, 12)).toEqual([0, 128, 0]);
  hidden.opacity = 1;
  await twoFrames();
  expect(pixel(45, 12)).toEqual([0, 255, 0]);
  renderer.destroy();
});

test('nested hidden ancestors: showing the outer one leaves the inner one hidden, showing it draws the latest', async () => {
  const { renderer, find, pixel } = await start(`import QtQuick
Rectangle {
  width: 100; height: 100; color: "black"
  Item {
    objectName: "outer"; width: 100; height: 100; opacity: 0
    Item {
      objectName: "inner"; width: 100; height: 100; visible: false
      Rectangle { objectName: "kid"; x: 10; y: 10; width: 20; height: 20; color: "red" }
    }
  }
}`);
  find('kid').color = 'lime';
  find('kid').width = 40;
  await twoFrames();
  find('outer').opacity = 1;
  await twoFrames();
  expect(pixel(12, 12)).toEqual([0, 0, 0]);
  find('inner').visible = true;
  await twoFrames();
  expect(pixel(12, 12)).toEqual([0, 255, 0]);
  expect(pixel(45, 12)).toEqual([0, 255, 0]);
  renderer.destroy();
});

test('a hidden clipping item resized shows its new clip when shown', async () => {
  const { renderer, find, pixel } = await start(`import QtQuick
Rectangle {
  width: 100; height: 100; color: "black"
  Item {
    objectName: "clipper"; x: 0; y: 0; width: 20; height: 20; clip: true; visible: false
    Rectangle { x: 0; y: 0; width: 80; height: 80; color: "lime" }
  }
}`);
  const clipper = find('clipper');
  clipper.width = 60;
  await twoFrames();
  clipper.visible = true;
  await twoFrames();
  expect(pixel(10, 10)).toEqual([0, 255, 0]);
  expect(pixel(50, 10)).toEqual([0, 255, 0]);
  expect(pixel(70, 10)).toEqual([0, 0, 0]);
  renderer.destroy();
});

test('a clip turned on while hidden applies when shown', async () => {
  const { renderer, find, pixel } = await start(`import QtQuick
Rectangle {
  width: 100; height: 100; color: "black"
  Item {
    objectName: "clipper"; x: 0; y: 0; width: 20; height: 20; opacity: 0
    Rectangle { x: 0; y: 0; width: 80; height: 80; color: "lime" }
  }
}`);
  const clipper = find('clipper');
  clipper.clip = true;
  await twoFrames();
  clipper.opacity = 1;
  await twoFrames();
  expect(pixel(10, 10)).toEqual([0, 255, 0]);
  expect(pixel(50, 50)).toEqual([0, 0, 0]);
  renderer.destroy();
});

test('a child restacked (z) under a hidden parent paints in the new order when shown', async () => {
  const { renderer, find, pixel } = await start(`import QtQuick
Rectangle {
  width: 100; height: 100; color: "black"
  Item {
    objectName: "p"; width: 100; height: 100; visible: false
    Rectangle { objectName: "a"; x: 0; y: 0; width: 50; height: 50; color: "red" }
    Rectangle { objectName: "b"; x: 0; y: 0; width: 50; height: 50; color: "blue" }
  }
}`);
  find('a').z = 1;
  await twoFrames();
  find('p').visible = true;
  await twoFrames();
  expect(pixel(10, 10)).toEqual([255, 0, 0]);
  renderer.destroy();
});

test('the canvas backend shows hidden changes when the item is shown', async () => {
  const { renderer, find, pixel } = await start(
    `import QtQuick
Rectangle {
  width: 100; height: 100; color: "black"
  Rectangle {
    objectName: "box"; x: 10; y: 10; width: 60; height: 60; color: "red"; opacity: 0
    Rectangle { objectName: "kid"; x: 30; y: 30; width: 20; height: 20; color: "blue" }
  }
}`,
    ['canvas'],
  );
  find('box').color = 'lime';
  find('kid').color = 'yellow';
  await twoFrames();
  find('box').opacity = 1;
  await twoFrames();
  expect(pixel(20, 20)).toEqual([0, 255, 0]);
  expect(pixel(45, 45)).toEqual([255, 255, 0]);
  renderer.destroy();
});

const BOX = `import QtQuick
Rectangle {
  width: 100; height: 100; color: "black"
  Rectangle {
    objectName: "box"; x: 10; y: 10; width: 60; height: 60; color: "red"; opacity: 0
    Rectangle { objectName: "kid"; x: 30; y: 30; width: 20; height: 20; color: "blue" }
  }
}`;

test('a scene swapped out and back in shows the changes it put off while hidden', async () => {
  const a = await runtimeOf(BOX);
  const b = await runtimeOf(BOX.replace('"black"', '"white"'));
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  const renderer = await SceneRenderer.create({
    canvas,
    window: a.runtime.window,
    engine: a.runtime.engine,
    resolution: 1,
  });
  renderer.renderNow();
  a.find('kid').color = 'yellow';
  await twoFrames();
  renderer.setWindow(b.runtime.window, b.runtime.engine);
  await twoFrames();
  renderer.setWindow(a.runtime.window, a.runtime.engine);
  await twoFrames();
  a.find('box').opacity = 1;
  await twoFrames();
  const gl = canvas.getContext('webgl2')!;
  const out = new Uint8Array(4);
  gl.readPixels(45, canvas.height - 1 - 45, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, out);
  expect([...out.slice(0, 3)]).toEqual([255, 255, 0]);
  renderer.destroy();
});

test('the first-frame mark is set once the fonts a since-hidden text asked for arrive (no draw needed)', async () => {
  const { renderer, find } = await start(
    'import QtQuick\nRectangle { width: 200; height: 40; color: "white"\n Rectangle { width: 10; height: 10; color: "red" }\n Text { objectName: "t"; text: "Ωμέγα Привет" } }',
  );
  // The Greek and Cyrillic subsets are still loading: not complete yet.
  expect(renderer.firstFrameTime).toBe(null);
  find('t').visible = false;
  await twoFrames();
  await fontsLoaded();
  await new Promise((r) => setTimeout(r, 200));
  expect(renderer.firstFrameTime).not.toBe(null);
  renderer.destroy();
});
