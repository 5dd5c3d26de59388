// An Item's layer on the page: with layer.enabled, the item's opacity fades
// its children as one picture and they are cut to the item. The pixels are
// real Qt 6.4.2's for the same scene.
import { expect, test } from 'vitest';
import { drawScene } from './scene-renderer';

test('layer.enabled groups the opacity and cuts to the item, as Qt draws it', async () => {
  const { renderer, pixel } = await drawScene(`import QtQuick
Rectangle {
    width: 200; height: 100; color: "white"
    Item { x: 10; y: 10; width: 60; height: 60; opacity: 0.5
        Rectangle { width: 40; height: 40; color: "red" }
        Rectangle { x: 20; y: 20; width: 40; height: 40; color: "blue" } }
    Item { x: 110; y: 10; width: 60; height: 60; opacity: 0.5; layer.enabled: true
        Rectangle { width: 40; height: 40; color: "red" }
        Rectangle { x: 20; y: 20; width: 40; height: 40; color: "blue" }
        Rectangle { x: 50; y: 50; width: 30; height: 30; color: "green" } }
}
`);
  const near = (x: number, y: number, rgb: number[]) =>
    expect(pixel(x, y).map((c, i) => Math.abs(c - rgb[i]!) <= 2)).toEqual([true, true, true]);
  // without a layer each child is faded on its own: the overlap mixes both
  near(15, 15, [255, 127, 127]);
  near(45, 45, [127, 63, 191]);
  // with one, the overlap is the top child faded once
  near(115, 15, [255, 127, 127]);
  near(145, 45, [127, 127, 255]);
  near(160, 60, [127, 191, 127]);
  // and what lies beyond the item is not drawn
  near(175, 75, [255, 255, 255]);
  near(185, 85, [255, 255, 255]);
  renderer.destroy();
});
