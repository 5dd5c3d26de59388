// Image on the page: pictures read over HTTP (here data: URLs) and decoded
// by the browser, drawn by fillMode, alignment and mirror.
import { expect, test } from 'vitest';
import { BrowserImages } from '../../src/host/images';
import { drawScene, pngDataUrl, twoFrames } from './scene-renderer';

/** A 4×2 picture: its left half red, its right half blue. */
function halves(): string {
  return pngDataUrl(4, 2, (g) => {
    g.fillStyle = '#ff0000';
    g.fillRect(0, 0, 2, 2);
    g.fillStyle = '#0000ff';
    g.fillRect(2, 0, 2, 2);
  });
}

async function draw(source: string) {
  const lines: string[] = [];
  const scene = await drawScene(source, ['webgl'], undefined, {
    images: new BrowserImages(),
    sink: { warn: (m) => lines.push(m), log: (_level, m) => lines.push(m) },
  });
  const find = (name: string) => scene.find(name) as unknown as Record<string, unknown>;
  return { ...scene, find, lines };
}

const RED = [255, 0, 0];
const BLUE = [0, 0, 255];
const WHITE = [255, 255, 255];

test('pictures a scene names are read before it is created: Ready at once, drawn by fillMode, alignment and mirror', async () => {
  const png = halves();
  const { renderer, pixel, find, lines } = await draw(`import QtQuick
Rectangle {
    width: 200; height: 120; color: "white"
    Image { objectName: "stretch"; source: "${png}"; width: 40; height: 20; smooth: false
            Component.onCompleted: print("status at creation", status, implicitWidth, implicitHeight) }
    Image { x: 50; source: "${png}"; width: 40; height: 20; smooth: false; mirror: true }
    Image { y: 30; source: "${png}"; width: 40; height: 20; smooth: false; fillMode: Image.Tile
            horizontalAlignment: Image.AlignLeft; verticalAlignment: Image.AlignTop }
    Image { x: 100; source: "${png}"; width: 40; height: 40; smooth: false; fillMode: Image.PreserveAspectFit }
    Image { x: 150; y: 60; source: "${png}"; width: 40; height: 40; smooth: false; fillMode: Image.PreserveAspectCrop }
}
`);
  expect(lines).toContain('qml: status at creation 1 4 2');
  expect(find('stretch').paintedWidth).toBe(40);
  // Stretch: the halves side by side over the whole item
  expect(pixel(5, 5)).toEqual(RED);
  expect(pixel(35, 15)).toEqual(BLUE);
  // mirror: the other way round
  expect(pixel(55, 5)).toEqual(BLUE);
  expect(pixel(85, 5)).toEqual(RED);
  // Tile from the top left: the 4-pixel picture repeated
  expect(pixel(1, 31)).toEqual(RED);
  expect(pixel(3, 31)).toEqual(BLUE);
  expect(pixel(5, 33)).toEqual(RED);
  expect(pixel(39, 49)).toEqual(BLUE);
  // PreserveAspectFit: 40×20, centred vertically in 40×40
  expect(pixel(105, 5)).toEqual(WHITE);
  expect(pixel(105, 15)).toEqual(RED);
  expect(pixel(135, 25)).toEqual(BLUE);
  expect(pixel(105, 35)).toEqual(WHITE);
  // PreserveAspectCrop: 80×40 centred and cut to the item: the middle of the picture
  expect(pixel(155, 80)).toEqual(RED);
  expect(pixel(185, 80)).toEqual(BLUE);
  renderer.destroy();
});

test("a picture that is not there: Error, Qt's message, nothing drawn; a new source draws", async () => {
  const png = halves();
  const { renderer, pixel, find, lines } = await draw(`import QtQuick
Rectangle {
    width: 60; height: 30; color: "white"
    Image { objectName: "img"; source: "nowhere/missing.png"; width: 40; height: 20; smooth: false }
}
`);
  const img = find('img');
  expect(img.status).toBe(3);
  expect(lines.some((l) => /QML Image: Cannot open: file:\/\/\/scene\/nowhere\/missing\.png$/.test(l))).toBe(
    true,
  );
  expect(pixel(5, 5)).toEqual(WHITE);
  img.source = png;
  // (read now: Loading until the browser has decoded it)
  expect(img.status).toBe(2);
  const end = performance.now() + 5000;
  while (img.status !== 1 && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
  expect(img.status).toBe(1);
  renderer.renderNow();
  await twoFrames();
  expect(pixel(5, 5)).toEqual(RED);
  renderer.destroy();
});

test('a picture decoded smaller (sourceSize) is drawn whole, at its decoded size', async () => {
  const png = halves();
  const { renderer, pixel, find } = await draw(`import QtQuick
Rectangle {
    width: 60; height: 30; color: "white"
    Image { objectName: "img"; source: "${png}"; sourceSize.width: 2; smooth: false }
    Image { x: 20; source: "${png}"; sourceSize.width: 2; width: 20; height: 10; smooth: false; fillMode: Image.Tile
            horizontalAlignment: Image.AlignLeft; verticalAlignment: Image.AlignTop }
}
`);
  const img = find('img');
  expect([img.width, img.height]).toEqual([2, 1]);
  // the whole picture in 2×1: its left pixel red, its right one blue
  expect(pixel(0, 0)).toEqual(RED);
  expect(pixel(1, 0)).toEqual(BLUE);
  expect(pixel(2, 0)).toEqual(WHITE);
  // tiled at its decoded size: red, blue, red, ...
  expect(pixel(20, 0)).toEqual(RED);
  expect(pixel(21, 0)).toEqual(BLUE);
  expect(pixel(22, 5)).toEqual(RED);
  renderer.destroy();
});
