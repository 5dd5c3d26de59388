/**
 * FontMetrics.xHeight of the bundled faces. The OS/2 tables of DejaVu are
 * version 1 (no sxHeight), so Qt falls back to the height of the hinted
 * bounding box of "x" (QFontEngine::xHeight), which depends on TrueType
 * hinting and cannot be derived from unhinted outlines. These values were
 * measured with Qt 6.4.2 for pixel sizes 1..256
 * (test/fixtures/qt/text/font_x_height): all four DejaVu Sans faces and
 * DejaVu Sans Mono Book, Bold and Oblique share one table; DejaVu Sans Mono
 * Bold Oblique has its own, DejaVu Serif one for Book and Italic and one
 * for Bold and Bold Italic.
 */
import type { FaceKey } from './families';

// Per table, one digit per pixel size (1..256): the step from the previous
// size's x height, plus one.
const TABLES = [
  '2121212212121221212121221212121221212112121212122121312122121212121212121221212121212212121212122121' +
    '2121212212121212122121212121221212121221212121212212121212122121212121221212121212212121212122121212' +
    '12212121212122121212121221212121212212121212122121212121',
  '2121212212121221212121221212122121112122121212212121213212121212121212121221212121212212121212122121' +
    '2121212212121212122121212121221212121221212121212212121212122121212121221212121212212121212122121212' +
    '12212121212122121212121221212121212212121212122121212121',
  '2121212121221212121212121221212121202121221212121212121231212111221212121212121221212121212121212121' +
    '2121221212121212121212121212121221212121212121212121212122121212121212121212121212122121212121212121' +
    '21212121212212121212121212121212121221212121212121212121',
  '2121212121221212121212121221212121202121221212121212131211212121221212121212121221212121212121212121' +
    '2121221212121212121212121212121221212121212121212121212122121212121212121212121212122121212121212121' +
    '21212121212212121212121212121212121221212121212121212121',
];

const TABLE_OF: Record<FaceKey, number> = {
  'sans-regular': 0,
  'sans-bold': 0,
  'sans-oblique': 0,
  'sans-boldOblique': 0,
  'mono-regular': 0,
  'mono-bold': 0,
  'mono-oblique': 0,
  'mono-boldOblique': 1,
  'serif-regular': 2,
  'serif-bold': 3,
  'serif-oblique': 2,
  'serif-boldOblique': 3,
};

const decoded: Array<Uint8Array | undefined> = [];

function table(n: number): Uint8Array {
  let t = decoded[n];
  if (!t) {
    const s = TABLES[n]!;
    t = new Uint8Array(s.length);
    let v = 0;
    for (let i = 0; i < s.length; i++) {
      v += s.charCodeAt(i) - 49;
      t[i] = v;
    }
    decoded[n] = t;
  }
  return t;
}

/** x height in whole pixels; beyond the measured sizes the scaled height of "x" (1120 units of 2048, DejaVu Serif's 1063), rounded. */
export function xHeightFor(face: FaceKey, ppem: number): number {
  if (ppem >= 1 && ppem <= 256) return table(TABLE_OF[face])[ppem - 1]!;
  return Math.round(((face.startsWith('serif') ? 1063 : 1120) * ppem) / 2048);
}
