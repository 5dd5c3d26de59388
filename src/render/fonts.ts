// The bundled DejaVu faces (Sans, Sans Mono, Serif), registered with the
// browser so glyphs are rasterized with the font the layout measured (never
// a system font). Each face is split into WOFF2 subsets by Unicode range
// (src/render/fonts/, `npm run fonts`); a subset is fetched the first time a
// glyph needs it, so a Latin-only scene loads one small file per face it
// uses, and the subset tables of Sans Mono and Serif are themselves loaded
// only when one of their glyphs is drawn. Every subset is its own family and
// a cluster names the family of its first code point (then the others):
// with one family split by unicode-range, Chromium's measureText gives some
// clusters (ligatures, accented letters) bounds that clip their glyphs in
// the atlas.

import type { FaceKey, FamilyKey, StyleKey } from '../quick/text';
import { type FamilySubsets, FONT_SUBSETS, SUBSET_RANGES } from './fonts/subsets';

const CSS_FAMILY: Record<FamilyKey, string> = {
  sans: 'QuickwebDejaVuSans',
  mono: 'QuickwebDejaVuSansMono',
  serif: 'QuickwebDejaVuSerif',
};

/** The CSS family of subset n of a family (unique, so no system font can stand in). */
function family(f: FamilyKey, n: number): string {
  return `${CSS_FAMILY[f]}-${n}`;
}

const STYLE: Record<StyleKey, { weight: string; style: string }> = {
  regular: { weight: '400', style: 'normal' },
  bold: { weight: '700', style: 'normal' },
  oblique: { weight: '400', style: 'italic' },
  boldOblique: { weight: '700', style: 'italic' },
};

const FAMILY_KEYS: readonly FamilyKey[] = ['sans', 'mono', 'serif'];
const STYLE_KEYS: readonly StyleKey[] = ['regular', 'bold', 'oblique', 'boldOblique'];

interface Face {
  readonly index: number;
  readonly family: FamilyKey;
  readonly style: StyleKey;
}

const FACES = {} as Record<FaceKey, Face>;
FAMILY_KEYS.forEach((f, i) => {
  STYLE_KEYS.forEach((s, j) => {
    FACES[`${f}-${s}`] = { index: i * STYLE_KEYS.length + j, family: f, style: s };
  });
});

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

/** A family's subset files: DejaVu Sans' are in the page, the others' tables are fetched on first use. */
function familySubsets(f: FamilyKey): Promise<FamilySubsets> {
  switch (f) {
    case 'mono':
      return import('./fonts/subsets-mono').then((m) => m.FONT_SUBSETS);
    case 'serif':
      return import('./fonts/subsets-serif').then((m) => m.FONT_SUBSETS);
    default:
      return Promise.resolve(FONT_SUBSETS);
  }
}

/** Bit n set when subset n of the face (by its index) has been added to the document. */
const loadedBits = new Uint32Array(FAMILY_KEYS.length * STYLE_KEYS.length);
const loading = new Map<number, Promise<void>>();
let pending = 0;

/** Loads subset n of a face once; its glyphs can be drawn when the promise resolves. */
export function loadSubset(face: FaceKey, n: number): Promise<void> {
  const f = FACES[face];
  const key = f.index * SUBSET_COUNT + n;
  let p = loading.get(key);
  if (!p) {
    const s = STYLE[f.style];
    pending++;
    let url = '';
    p = familySubsets(f.family)
      .then((subsets) => {
        url = subsets[f.style][n]!.url;
        return new FontFace(family(f.family, n), `url(${url})`, { weight: s.weight, style: s.style }).load();
      })
      .then(
        (ff) => {
          document.fonts.add(ff);
          loadedBits[f.index]! |= 1 << n;
        },
        (e: unknown) => {
          // A subset that cannot be fetched is not asked for again in a loop.
          loadedBits[f.index]! |= 1 << n;
          console.warn(`font ${url || face}: ${String(e)}`);
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
  void loadSubset('sans-regular', subsetOf(0x41));
}

/** Font subsets asked for whose files have not arrived yet. */
export function facesLoading(): number {
  return pending;
}

/** The subsets (bit n for subset n) of `face` that `text` needs and that are not loaded yet; 0 when it can be drawn now. */
export function missingSubsets(face: FaceKey, text: string): number {
  const bits = loadedBits[FACES[face].index]!;
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

/** Family lists per family, by the subset that comes first. */
const FAMILIES = Object.fromEntries(
  FAMILY_KEYS.map((f) => [
    f,
    Array.from({ length: SUBSET_COUNT }, (_, n) =>
      [n, ...Array.from({ length: SUBSET_COUNT }, (_, k) => k).filter((k) => k !== n)]
        .map((k) => family(f, k))
        .join(', '),
    ),
  ]),
) as Record<FamilyKey, string[]>;

/** CSS font shorthand for drawing `text` (one cluster) in a face at a pixel size. */
export function cssFont(face: FaceKey, pixelSize: number, text: string): string {
  const f = FACES[face];
  const s = STYLE[f.style];
  const cp = text.codePointAt(0) ?? 0x20;
  const families = FAMILIES[f.family][cp < 0x10000 ? bmpSubset[cp]! : subsetOf(cp)]!;
  return `${s.style === 'italic' ? 'italic ' : ''}${s.weight === '700' ? 'bold ' : ''}${pixelSize}px ${families}`;
}
