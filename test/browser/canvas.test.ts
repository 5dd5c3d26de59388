// Canvas on the page: what onPaint draws on its <canvas> is shown at the
// next frame, with the WebGL and the 2D renderer; pixels read back; pictures
// loaded with loadImage drawn once imageLoaded says so.
import { expect, test } from 'vitest';
import { BrowserImages } from '../../src/host/images';
import { drawScene, pngDataUrl, twoFrames } from './scene-renderer';

const RED = [255, 0, 0];
const BLUE = [0, 0, 255];
const GREEN = [0, 128, 0];
const WHITE = [255, 255, 255];

/** Polish passes run at the next animation frame, as the page's host runs them. */
let frameRenderer: { requestFrame(): void } | null = null;
const scheduleFrame = () => frameRenderer?.requestFrame();

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await twoFrames();
}

for (const preference of ['webgl', 'canvas'] as const) {
  test(`a repaint is shown at the next frame (${preference} renderer)`, async () => {
    const lines: string[] = [];
    const { renderer, pixel, find } = await drawScene(
      `import QtQuick
Rectangle {
    width: 100; height: 60; color: "white"
    Canvas {
        objectName: "canvas"
        x: 10; y: 10; width: 40; height: 30
        property color fill: "red"
        onPaint: { var ctx = getContext("2d"); ctx.fillStyle = fill; ctx.fillRect(0, 0, width, height) }
        onPainted: print("painted", fill)
    }
}
`,
      [preference],
      undefined,
      { scheduleFrame, sink: { warn: (m) => lines.push(m), log: (_l, m) => lines.push(m) } },
    );
    frameRenderer = renderer;
    const canvas = find('canvas') as unknown as { fill: string; requestPaint(): void };
    await until(() => lines.includes('qml: painted #ff0000'));
    renderer.renderNow();
    expect(pixel(11, 11)).toEqual(RED);
    expect(pixel(49, 39)).toEqual(RED);
    expect(pixel(50, 40)).toEqual(WHITE);
    canvas.fill = 'blue';
    canvas.requestPaint();
    await until(() => lines.includes('qml: painted #0000ff'));
    renderer.renderNow();
    expect(pixel(30, 20)).toEqual(BLUE);
  });
}

test('pixels read back, the path hit-tested, the picture encoded', async () => {
  const lines: string[] = [];
  frameRenderer = (
    await drawScene(
      `import QtQuick
Canvas {
    width: 20; height: 10
    onPaint: {
        var ctx = getContext("2d")
        ctx.fillStyle = "#ff0000"
        ctx.fillRect(0, 0, 10, 10)
        var p = ctx.getImageData(5, 5, 2, 1)
        print("pixels", p.width, p.height, Array.prototype.slice.call(p.data).join(","))
        print("outside", Array.prototype.slice.call(ctx.getImageData(15, 5, 1, 1).data).join(","))
        ctx.beginPath()
        ctx.rect(12, 2, 4, 4)
        print("in path", ctx.isPointInPath(13, 3), ctx.isPointInPath(5, 5))
        var url = toDataURL()
        print("data url", url.substring(0, 22), url.length > 100)
        var image = new Image()
        image.onload = function () { print("decoded", image.width, image.height) }
        image.src = url
    }
}
`,
      ['webgl'],
      undefined,
      { scheduleFrame, sink: { warn: (m) => lines.push(m), log: (_l, m) => lines.push(m) } },
    )
  ).renderer;
  await until(() => lines.some((l) => l.startsWith('qml: data url')));
  expect(lines).toContain('qml: pixels 2 1 255,0,0,255,255,0,0,255');
  expect(lines).toContain('qml: outside 0,0,0,0');
  expect(lines).toContain('qml: in path true false');
  expect(lines).toContain('qml: data url data:image/png;base64, true');
});

test('a picture loaded with loadImage is drawn once imageLoaded is emitted', async () => {
  const png = pngDataUrl(2, 2, (g) => {
    g.fillStyle = '#008000';
    g.fillRect(0, 0, 2, 2);
  });
  const lines: string[] = [];
  const { renderer, pixel } = await drawScene(
    `import QtQuick
Rectangle {
    width: 60; height: 40; color: "white"
    Canvas {
        width: 60; height: 40
        Component.onCompleted: loadImage("${png}")
        onImageLoaded: { print("loaded", isImageLoaded("${png}")); requestPaint() }
        onPaint: {
            var ctx = getContext("2d")
            print("drawing, loaded:", isImageLoaded("${png}"))
            ctx.drawImage("${png}", 10, 10, 20, 20)
        }
        onPainted: print("painted")
    }
}
`,
    ['webgl'],
    undefined,
    {
      images: new BrowserImages(),
      scheduleFrame,
      sink: { warn: (m) => lines.push(m), log: (_l, m) => lines.push(m) },
    },
  );
  frameRenderer = renderer;
  await until(() => lines.includes('qml: drawing, loaded: true') && lines.at(-1) === 'qml: painted');
  expect(lines).toContain('qml: loaded true');
  expect(lines).toContain('qml: drawing, loaded: true');
  renderer.renderNow();
  expect(pixel(15, 15)).toEqual(GREEN);
  expect(pixel(5, 5)).toEqual(WHITE);
});
