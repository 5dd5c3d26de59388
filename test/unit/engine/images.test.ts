// Image sizes from file headers (what the Node tools lay Images out with),
// and the pictures a file names (what the page reads ahead).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { imageSize, picturesNamedIn } from '../../../src/engine/images';

const bytes = (...parts: Array<number[] | string>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('imageSize', () => {
  test('PNG: the size in its IHDR chunk', () => {
    const png = readFileSync(new URL('../../fixtures/qt/lang/odd.png', import.meta.url));
    expect(imageSize(png)).toEqual({ width: 7, height: 13 });
  });

  test('GIF, BMP (bottom-up rows: a negative height) and the WebP kinds', () => {
    expect(imageSize(bytes('GIF89a', [0x2c, 0x01, 0x10, 0x00]))).toEqual({ width: 300, height: 16 });
    const bmp = bytes('BM', new Array(16).fill(0), [100, 0, 0, 0], [0x9c, 0xff, 0xff, 0xff], [0, 0]);
    expect(imageSize(bmp)).toEqual({ width: 100, height: 100 });
    const vp8 = bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ', new Array(10).fill(0), [0x40, 0x01, 0xf0, 0x00]);
    expect(imageSize(vp8)).toEqual({ width: 320, height: 240 });
    const vp8x = bytes(
      'RIFF',
      [0, 0, 0, 0],
      'WEBPVP8X',
      new Array(8).fill(0),
      [0x3f, 0x01, 0x00, 0xef, 0x00, 0x00],
    );
    expect(imageSize(vp8x)).toEqual({ width: 320, height: 240 });
  });

  test('JPEG: the first start-of-frame marker, past the other segments', () => {
    const jpeg = bytes(
      [0xff, 0xd8],
      [0xff, 0xe0, 0x00, 0x04, 0x00, 0x00],
      [0xff, 0xc4, 0x00, 0x03, 0x00],
      [0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03],
      new Array(8).fill(0),
    );
    expect(imageSize(jpeg)).toEqual({ width: 640, height: 480 });
  });

  test('anything else has no size', () => {
    expect(imageSize(bytes('import QtQuick\nItem {}\n'))).toBe(null);
    expect(imageSize(new Uint8Array(0))).toBe(null);
  });
});

test('the pictures a file names: relative to it, and data: URLs', () => {
  const text =
    'Image { source: "img/a.png" }\nImage { source: \'../b.JPG\' }\nText { text: "a.png is here" }\nImage { source: "data:image/png;base64,AAAA" }';
  expect(picturesNamedIn(text, 'http://x/scenes/demo/main.qml')).toEqual([
    'http://x/scenes/demo/img/a.png',
    'http://x/scenes/b.JPG',
    'data:image/png;base64,AAAA',
  ]);
});
