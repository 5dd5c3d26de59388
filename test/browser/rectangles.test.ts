// Rectangles in the renderer: geometry is made when a rectangle's paint
// state changes, not when it moves (a ListView of 1,000 rows scrolling), and
// the canvas backend (no WebGL) still draws fills, borders and gradients.
import { expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import type { Item } from '../../src/quick/items/Item';
import { rectangleStats } from '../../src/render/rectangle-node';
import { drawScene as start } from './scene-renderer';

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
