// BorderImage on the page: a 12×12 picture cut into nine 4×4 squares of
// their own colours, drawn stretched, repeated, rounded, squeezed and
// mirrored. The expected rows are real Qt 6.4.2's pixels for the same scene
// (one letter per colour, `k` black marks in the picture's top and middle
// squares, `.` white).
import { expect, test } from 'vitest';
import { BrowserImages } from '../../src/host/images';
import { drawScene, pngDataUrl } from './scene-renderer';

const COLOURS: Record<string, [number, number, number]> = {
  R: [255, 0, 0],
  G: [0, 255, 0],
  B: [0, 0, 255],
  Y: [255, 255, 0],
  C: [0, 255, 255],
  M: [255, 0, 255],
  r: [128, 0, 0],
  g: [0, 128, 0],
  b: [0, 0, 128],
};

function ninePatch(): string {
  return pngDataUrl(12, 12, (g) => {
    const rows = ['RGB', 'YCM', 'rgb'];
    for (let y = 0; y < 3; y++)
      for (let x = 0; x < 3; x++) {
        g.fillStyle = `rgb(${COLOURS[rows[y]![x]!]!.join(',')})`;
        g.fillRect(4 * x, 4 * y, 4, 4);
      }
    g.fillStyle = '#000';
    g.fillRect(4, 0, 1, 1);
    g.fillRect(4, 4, 1, 1);
  });
}

test('the nine pieces are stretched, repeated from the top left, rounded, squeezed and mirrored as in Qt', async () => {
  const png = ninePatch();
  const { renderer, pixel } = await drawScene(
    `import QtQuick
Rectangle {
    width: 200; height: 120; color: "white"
    BorderImage { x: 0; y: 0; width: 40; height: 30; source: "${png}"; border { left: 4; top: 4; right: 4; bottom: 4 } smooth: false }
    BorderImage { x: 50; y: 0; width: 41; height: 30; source: "${png}"; border { left: 4; top: 4; right: 4; bottom: 4 }
                  horizontalTileMode: BorderImage.Repeat; verticalTileMode: BorderImage.Repeat; smooth: false }
    BorderImage { x: 100; y: 0; width: 41; height: 30; source: "${png}"; border { left: 4; top: 4; right: 4; bottom: 4 }
                  horizontalTileMode: BorderImage.Round; verticalTileMode: BorderImage.Round; smooth: false }
    BorderImage { x: 150; y: 0; source: "${png}"; smooth: false }
    BorderImage { x: 0; y: 50; width: 6; height: 6; source: "${png}"; border { left: 4; top: 4; right: 4; bottom: 4 } smooth: false }
    BorderImage { x: 50; y: 50; width: 60; height: 40; source: "${png}"; border { left: 2; top: 3; right: 5; bottom: 1 } smooth: false; mirror: true }
}
`,
    ['webgl'],
    undefined,
    { images: new BrowserImages() },
  );
  const letter = (x: number, y: number) => {
    const p = pixel(x, y).join(',');
    if (p === '255,255,255') return '.';
    if (p === '0,0,0') return 'k';
    return Object.entries(COLOURS).find(([, c]) => c.join(',') === p)?.[0] ?? '?';
  };
  const row = (y: number, x0: number, x1: number) => {
    let s = '';
    for (let x = x0; x < x1; x++) s += letter(x, y);
    return s;
  };
  // Stretch, Repeat and Round, side by side
  const three = (y: number) => [row(y, 0, 42), row(y, 50, 92), row(y, 100, 142)];
  expect(three(0)).toEqual([
    'RRRRkkkkkkkkGGGGGGGGGGGGGGGGGGGGGGGGBBBB..',
    'RRRRkGGGkGGGkGGGkGGGkGGGkGGGkGGGkGGGkBBBB.',
    'RRRRkGGGkGGkGGGkGGGkGGkGGGkGGGkGGkGGGBBBB.',
  ]);
  expect(three(4)).toEqual([
    'YYYYkkkkkkkkCCCCCCCCCCCCCCCCCCCCCCCCMMMM..',
    'YYYYkCCCkCCCkCCCkCCCkCCCkCCCkCCCkCCCkMMMM.',
    'YYYYkCCCkCCkCCCkCCCkCCkCCCkCCCkCCkCCCMMMM.',
  ]);
  expect(three(10)).toEqual([
    'YYYYCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCMMMM..',
    'YYYYCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCMMMM.',
    'YYYYCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCMMMM.',
  ]);
  expect(three(11)[2]).toBe('YYYYkCCCkCCkCCCkCCCkCCkCCCkCCCkCCkCCCMMMM.');
  expect(three(24)[1]).toBe('YYYYkCCCkCCCkCCCkCCCkCCCkCCCkCCCkCCCkMMMM.');
  expect(three(29)).toEqual([
    'rrrrggggggggggggggggggggggggggggggggbbbb..',
    'rrrrgggggggggggggggggggggggggggggggggbbbb.',
    'rrrrgggggggggggggggggggggggggggggggggbbbb.',
  ]);
  // no border: the picture at its size
  expect(row(0, 148, 164)).toBe('..RRRRkGGGBBBB..');
  expect(row(11, 148, 164)).toBe('..rrrrggggbbbb..');
  // smaller than its borders: the far edges squeezed into what is left
  expect([row(50, 0, 8), row(54, 0, 8), row(56, 0, 8)]).toEqual(['RRRRBB..', 'rrrrbb..', '........']);
  // mirrored with uneven borders: the whole drawing turned round
  expect(row(50, 48, 112)).toBe('..BBBBGGGGGGGGGGGGGGGGGGGGGGkkkkkkkkkkkRRRRRRRRRRRRRRRRRRRRRRR..');
  expect(row(58, 48, 112)).toBe('..MMMMCCCCCCCCCCCCCCCCCCCCCCkkkkkkkkkkkYYYYYYYYYYYYYYYYYYYYYYY..');
  expect(row(89, 48, 112)).toBe('..bbbbgggggggggggggggggggggggggggggggggrrrrrrrrrrrrrrrrrrrrrrr..');
  renderer.destroy();
});
