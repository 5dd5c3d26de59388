// Rectangles in the renderer: geometry is made when a rectangle's paint
// state changes, not when it moves (a ListView of 1,000 rows scrolling), and
// the canvas backend (no WebGL) still draws fills, borders and gradients.
import { expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import type { Item } from '../../src/quick/items/Item';
import { rectangleStats } from '../../src/render/rectangle-node';
import { SceneRenderer } from '../../src/render/renderer';
import { createRuntime, type Runtime } from '../../src/runtime';

async function start(source: string, preference: Array<'webgl' | 'canvas'> = ['webgl']) {
  const url = 'file:///scene/main.qml';
  const runtime: Runtime = createRuntime({
    files: { read: () => source, exists: (u: string) => u === url },
    sink: { warn: (m) => console.warn(m), log: () => {} },
    scheduleFrame: () => {},
  });
  await runtime.run(url);
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  const renderer = await SceneRenderer.create({
    canvas,
    window: runtime.window,
    engine: runtime.engine,
    resolution: 1,
    preference,
  });
  renderer.renderNow();
  return { runtime, renderer, canvas };
}

test('scrolling a ListView of 1,000 rectangle rows makes geometry only for rows it shows', async () => {
  const { runtime, renderer } = await start(`import QtQuick
ListView {
  width: 200; height: 300
  model: 1000
  delegate: Rectangle {
    width: 200; height: 20; radius: 4; border.width: 1
    gradient: Gradient { GradientStop { position: 0; color: "white" } GradientStop { position: 1; color: index % 2 ? "gray" : "silver" } }
  }
}`);
  const view = runtime.window.contentItem.childItems[0] as Item & { contentY: number; contentItem: Item };
  const rows = () => view.contentItem.childItems;
  expect(rows().length).toBeGreaterThan(15);
  const before = rectangleStats.builds;
  // Rows in the cache buffer are culled: not drawn, so not painted until they scroll in.
  const shown = new Set(rows().filter((r) => !r.culled));
  const initial = shown.size;
  for (let frame = 0; frame < 120; frame++) {
    view.contentY += 7;
    renderer.renderNow();
    for (const r of rows()) if (!r.culled) shown.add(r);
  }
  expect(view.contentY).toBe(840);
  // One geometry per row that came into view while scrolling (about 42 rows of 20 px), none for rows that only moved.
  const drawn = shown.size - initial;
  expect(drawn).toBeGreaterThan(30);
  expect(rectangleStats.builds - before).toBe(drawn);
  // A change to what one row draws makes one geometry.
  const row = rows().find((r) => !r.culled && (r as Item & { radius?: number }).radius === 4) as Item & {
    radius: number;
  };
  row.radius = 6;
  renderer.renderNow();
  expect(rectangleStats.builds - before).toBe(drawn + 1);
  renderer.destroy();
});

test('changes to hidden items draw nothing until they are shown, then show their latest state', async () => {
  const { runtime, renderer, canvas } = await start(`import QtQuick
Rectangle {
  width: 100; height: 100; color: "black"
  Rectangle {
    objectName: "box"; x: 10; y: 10; width: 60; height: 60; color: "red"; visible: false
    Rectangle { objectName: "kid"; x: 30; y: 30; width: 20; height: 20; color: "blue" }
  }
}`);
  const find = (name: string) =>
    runtime.window.contentItem.childItems[0]!.childItems.flatMap((c) => [c, ...c.childItems]).find(
      (c) => c.objectName === name,
    ) as Item & { color: string; width: number };
  const box = find('box');
  const kid = find('kid');
  const pixel = (x: number, y: number) => {
    const gl = canvas.getContext('webgl2')!;
    const out = new Uint8Array(4);
    gl.readPixels(x, canvas.height - 1 - y, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, out);
    return [...out.slice(0, 3)];
  };
  const frames = renderer.framesRendered;
  box.color = 'lime';
  box.width = 80;
  kid.color = 'yellow';
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  // A scheduled frame whose changes are all hidden leaves the screen as it is.
  expect(renderer.framesRendered).toBe(frames);
  expect(pixel(20, 20)).toEqual([0, 0, 0]);
  (box as Item & { visible: boolean }).visible = true;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  expect(renderer.framesRendered).toBe(frames + 1);
  expect(pixel(20, 20)).toEqual([0, 255, 0]);
  expect(pixel(85, 20)).toEqual([0, 255, 0]);
  expect(pixel(45, 45)).toEqual([255, 255, 0]);
  renderer.destroy();
});

test.each(['rect_gradients', 'rect_border_rules', 'rect_transparent_border'])(
  'the canvas backend draws %s close to Qt',
  async (name) => {
    const source = await (await fetch(`/test/fixtures/qt/items/${name}.qml`)).text();
    const { renderer, canvas } = await start(source, ['canvas']);
    expect(renderer.renderer.name).toBe('canvas');
    const png = canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
    const vsQt = await commands.compareWithQt(`items/${name}.png`, png, `canvas/${name}`, true);
    console.info(vsQt.message);
    expect(vsQt.share).toBeLessThan(0.05);
    renderer.destroy();
  },
);
