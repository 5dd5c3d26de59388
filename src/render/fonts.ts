// The bundled DejaVu Sans faces, registered with the browser so glyphs are
// rasterized with the font the layout measured (never a system font). Each
// face is split into WOFF2 subsets by Unicode range (src/render/fonts/,
// `npm run fonts`); a subset is fetched the first time a glyph needs it, so
// a Latin-only scene loads one small file per face it uses. Every subset is
// its own family and a cluster names the family of its first code point
// (then the others): with one family split by unicode-range, Chromium's
// measureText gives some clusters (ligatures, accented letters) bounds that
// clip their glyphs in the atlas.

import type { FaceKey } from '../quick/text';
import { FONT_SUBSETS, SUBSET_RANGES } from './fonts/subsets';

/** The CSS family of subset n (unique, so no system font can stand in). */
function family(n: number): string {
  return `QuickwebDejaVuSans-${n}`;
}

const STYLE: Record<FaceKey, { weight: string; style: string }> = {
  regular: { weight: '400', style: 'normal' },
  bold: { weight: '700', style: 'normal' },
  oblique: { weight: '400', style: 'italic' },
  boldOblique: { weight: '700', style: 'italic' },
};

const FACE_INDEX: Record<FaceKey, number> = { regular: 0, bold: 1, oblique: 2, boldOblique: 3 };
const FACE_KEYS: readonly FaceKey[] = ['regular', 'bold', 'oblique', 'boldOblique'];
const SUBSET_COUNT = SUBSET_RANGES.length;

/** Subset index per BMP code point (the ranges are disjoint); code points above the BMP are looked up in the ranges. */
const bmpSubset = new Uint8Array(0x10000);
SUBSET_RANGES.forEach((ranges, n) => {
  for (const [a, b] of ranges) if (a < 0x10000) bmpSubset.fill(n, a, Math.min(b, 0xffff) + 1);
});

function subsetOf(cp: number): number {
  if (cp < 0x10000) return bmpSubset[cp]!;
  for (let n = 0; n < SUBSET_COUNT; n++) {
    for (const [a, b] of SUBSET_RANGES[n]!) if (cp >= a && cp <= b) return n;
  }
  return SUBSET_COUNT - 1;
}

/** Bit n set when subset n of the face (by FACE_INDEX) has been added to the document. */
const loadedBits = new Uint32Array(FACE_KEYS.length);
const loading = new Map<number, Promise<void>>();
let pending = 0;

/** Loads subset n of a face once; its glyphs can be drawn when the promise resolves. */
export function loadSubset(face: FaceKey, n: number): Promise<void> {
  const key = FACE_INDEX[face] * SUBSET_COUNT + n;
  let p = loading.get(key);
  if (!p) {
    const s = STYLE[face];
    const url = FONT_SUBSETS[face][n]!.url;
    pending++;
    p = new FontFace(family(n), `url(${url})`, { weight: s.weight, style: s.style })
      .load()
      .then(
        (ff) => {
          document.fonts.add(ff);
          loadedBits[FACE_INDEX[face]]! |= 1 << n;
        },
        (e: unknown) => {
          // A subset that cannot be fetched is not asked for again in a loop.
          loadedBits[FACE_INDEX[face]]! |= 1 << n;
          console.warn(`font ${url}: ${String(e)}`);
        },
      )
      .finally(() => {
        pending--;
      });
    loading.set(key, p);
  }
  return p;
}

/** Starts loading what nearly every scene draws: the regular face's Latin subset. */
export function preloadDefaultFont(): void {
  void loadSubset('regular', subsetOf(0x41));
}

/** Font subsets asked for whose files have not arrived yet. */
export function facesLoading(): number {
  return pending;
}

/** The subsets (bit n for subset n) of `face` that `text` needs and that are not loaded yet; 0 when it can be drawn now. */
export function missingSubsets(face: FaceKey, text: string): number {
  const bits = loadedBits[FACE_INDEX[face]]!;
  let missing = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
      cp = text.codePointAt(i)!;
      i++;
    }
    const n = cp < 0x10000 ? bmpSubset[cp]! : subsetOf(cp);
    if ((bits & (1 << n)) === 0) missing |= 1 << n;
  }
  return missing;
}

/** Loads the subsets in `mask` (see missingSubsets). */
export function loadSubsets(face: FaceKey, mask: number): Promise<void> {
  const waits: Promise<void>[] = [];
  for (let n = 0; n < SUBSET_COUNT; n++) if (mask & (1 << n)) waits.push(loadSubset(face, n));
  return Promise.all(waits).then(() => {});
}

/** Family lists by the subset that comes first. */
const FAMILIES = Array.from({ length: SUBSET_COUNT }, (_, n) =>
  [n, ...Array.from({ length: SUBSET_COUNT }, (_, k) => k).filter((k) => k !== n)].map(family).join(', '),
);

/** CSS font shorthand for drawing `text` (one cluster) in a face at a pixel size. */
export function cssFont(face: FaceKey, pixelSize: number, text: string): string {
  const f = STYLE[face];
  const cp = text.codePointAt(0) ?? 0x20;
  const families = FAMILIES[cp < 0x10000 ? bmpSubset[cp]! : subsetOf(cp)]!;
  return `${f.style === 'italic' ? 'italic ' : ''}${f.weight === '700' ? 'bold ' : ''}${pixelSize}px ${families}`;
}
