// Glyph atlas pages start small and grow (256, 512, then 1024 pixels): a
// glyph wider or taller than the page in use, and glyphs that spill over
// into later pages, are drawn whole. The tests run in order on one atlas
// (this file's): the first one starts with no page at all.
import { expect, test } from 'vitest';
import { drawScene, fontsLoaded, type TestItem } from './scene-renderer';

type TextItem = TestItem & { contentWidth: number; contentHeight: number };

/** Dark ink of the WebGL canvas in [x0, x1) x [y0, y1), row by row (one read-back). */
function inkMask(canvas: HTMLCanvasElement, x0: number, x1: number, y0: number, y1: number) {
  const gl = canvas.getContext('webgl2')!;
  const w = x1 - x0;
  const h = y1 - y0;
  const px = new Uint8Array(w * h * 4);
  gl.readPixels(x0, canvas.height - y1, w, h, gl.RGBA, gl.UNSIGNED_BYTE, px);
  // readPixels gives the bottom row first.
  return (x: number, y: number) => {
    const o = ((y1 - 1 - y) * w + (x - x0)) * 4;
    return px[o]! + px[o + 1]! + px[o + 2]! < 300;
  };
}

/** The columns in [x0, x1) with ink in rows [y0, y1). */
function inkColumns(canvas: HTMLCanvasElement, x0: number, x1: number, y0: number, y1: number) {
  const ink = inkMask(canvas, x0, x1, y0, y1);
  const cols: number[] = [];
  for (let x = x0; x < x1; x++)
    for (let y = y0; y < y1; y++)
      if (ink(x, y)) {
        cols.push(x);
        break;
      }
  return cols;
}

test('a glyph wider than the page in use goes to a page that holds it', async () => {
  // The small "a" makes the first page (256 px); the 600 px ellipsis is about 470 px wide.
  const { renderer, find, canvas } = await drawScene(`import QtQuick
Rectangle {
  width: 600; height: 640; color: "white"
  Text { x: 10; text: "a"; font.pixelSize: 20; color: "black" }
  Text { objectName: "dots"; x: 10; y: 20; text: "…"; font.pixelSize: 600; color: "black" }
}`);
  await fontsLoaded();
  renderer.renderNow();
  expect((find('dots') as TextItem).contentWidth).toBeGreaterThan(400);
  // Below the "a": three dots of one width, apart.
  const cols = inkColumns(canvas, 0, 600, 300, 640);
  const runs: Array<[number, number]> = [];
  for (const x of cols) {
    const last = runs[runs.length - 1];
    if (last && x === last[1] + 1) last[1] = x;
    else runs.push([x, x]);
  }
  expect(runs).toHaveLength(3);
  const widths = runs.map(([a, b]) => b - a + 1);
  for (const w of widths) expect(Math.abs(w - widths[0]!)).toBeLessThanOrEqual(3);
  expect(widths[0]).toBeGreaterThan(40);
  renderer.destroy();
});

test('a glyph bigger than the first atlas page is drawn whole', async () => {
  const { renderer, find, canvas } = await drawScene(`import QtQuick
Rectangle {
  width: 420; height: 380; color: "white"
  Text { objectName: "w"; x: 10; text: "W"; font.pixelSize: 320; color: "black" }
}`);
  await fontsLoaded();
  renderer.renderNow();
  const w = find('w') as TextItem;
  // The W's ink is nearly its advance, wider than a 256-pixel page.
  expect(w.contentWidth).toBeGreaterThan(280);
  const ink = inkMask(canvas, 0, 420, 0, 380);
  let left = 420;
  let right = -1;
  for (let x = 0; x < 420; x++)
    for (let y = 0; y < 380; y++)
      if (ink(x, y)) {
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
  expect(right - left).toBeGreaterThan(0.9 * w.contentWidth);
  // A W is its own mirror image: its right part is drawn as its left part.
  let same = 0;
  let inked = 0;
  for (let x = left; x <= right; x++)
    for (let y = 0; y < 380; y++) {
      if (!ink(x, y)) continue;
      inked++;
      if (ink(left + right - x, y)) same++;
    }
  expect(inked).toBeGreaterThan(5000);
  expect(same / inked).toBeGreaterThan(0.95);
  renderer.destroy();
});

test('glyphs that fill the first atlas page and spill into the next ones are all drawn', async () => {
  // 14 lines of 40 letters at 28 px, each line at its own fraction of a
  // pixel: about 560 glyph images of about 20 x 34 pixels. A 512-pixel page
  // holds fewer than 400, so they reach a 1024-pixel page.
  const letters = [
    ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüý',
  ];
  // Each line starts further along the letters (and at another fraction of a pixel).
  const lines = Array.from({ length: 14 }, (_, i) =>
    Array.from({ length: 40 }, (_, k) => letters[(i * 23 + k) % letters.length]).join(''),
  );
  const texts = lines
    .map(
      (l, i) =>
        `  Text { objectName: "l${i}"; x: 4.${(i * 7) % 10}; y: ${6 + i * 40}; text: "${l}"; font.pixelSize: 28; color: "black" }`,
    )
    .join('\n');
  const { renderer, find, canvas } = await drawScene(`import QtQuick
Rectangle {
  width: 900; height: 570; color: "white"
${texts}
}`);
  await fontsLoaded();
  renderer.renderNow();
  for (let i = 0; i < lines.length; i++) {
    const t = find(`l${i}`) as TextItem;
    const right = Math.min(900, Math.ceil(4 + t.contentWidth));
    const cols = inkColumns(canvas, 0, 900, 6 + i * 40, 6 + i * 40 + 34);
    // Ink from the first glyph to the last, with only the gaps between letters.
    expect(cols[0]!, `line ${i}`).toBeLessThan(12);
    expect(cols[cols.length - 1]!, `line ${i}`).toBeGreaterThan(right - 12);
    expect(cols.length, `line ${i}`).toBeGreaterThan(0.6 * t.contentWidth);
  }
  renderer.destroy();
});
