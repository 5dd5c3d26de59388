/**
 * The ink boxes of the bundled faces' glyphs and the rectangles Qt's
 * QFontMetricsF::boundingRect and tightBoundingRect make of them
 * (QTextEngine::boundingBox and tightBoundingBox over QFontEngineFT's glyph
 * metrics). Loaded with FontMetrics and TextMetrics only: DejaVu Sans'
 * regular face comes with this module, the other faces when a font first
 * asks for them (loadGlyphBoxes).
 *
 * Horizontally a glyph's box is its outline's control box, floored and
 * ceiled to whole pixels as FreeType's light hinting leaves it, which is
 * what Qt measures. Vertically Qt sees the outline after hinting, which
 * snaps heights to the pixel grid; the box's top and bottom are the
 * outline's rounded here, which is what hinting gives for most glyphs.
 *
 * Format (generated/*-boxes.ts, see decodeBytes): hhea's minimum left side
 * bearing, then for the .notdef and each local glyph the control box's
 * xMin, yMax (signed) and height (unsigned), in font units.
 */

import type { FaceKey, FamilyKey, StyleKey } from './families';
import { decodeBytes, Reader } from './font-data';
import { type FaceMetrics, ftMulFix } from './font-metrics';
import { BOXES as SANS } from './generated/dejavu-sans-boxes';
import { ensureAllItems, ItemKind, type ShapedText } from './shaper';

export interface GlyphBoxes {
  /** hhea.minLeftSideBearing, font units */
  readonly minLeftSideBearing: number;
  /** per local glyph: the control box, font units (all 0 for a glyph with no outline) */
  readonly xMin: Int16Array;
  readonly yMax: Int16Array;
  readonly yMin: Int16Array;
}

type BoxTables = Readonly<Partial<Record<StyleKey, string>>>;

const MODULES: Record<string, () => Promise<BoxTables>> = {
  'sans-bold': () => import('./generated/dejavu-sans-bold-boxes').then((m) => m.BOXES),
  'sans-oblique': () => import('./generated/dejavu-sans-oblique-boxes').then((m) => m.BOXES),
  'sans-boldOblique': () => import('./generated/dejavu-sans-bold-oblique-boxes').then((m) => m.BOXES),
  mono: () => import('./generated/dejavu-sans-mono-boxes').then((m) => m.BOXES),
  serif: () => import('./generated/dejavu-serif-boxes').then((m) => m.BOXES),
};

const tables = new Map<FaceKey, string>([['sans-regular', SANS.regular]]);
const decoded = new Map<FaceKey, GlyphBoxes>();
const loading = new Map<string, Promise<void>>();

function moduleName(face: FaceKey): string {
  const family = face.slice(0, face.indexOf('-')) as FamilyKey;
  return family === 'sans' ? face : family;
}

/** The boxes of a face, or null while they are loading (loadGlyphBoxes). */
export function glyphBoxes(face: FaceKey): GlyphBoxes | null {
  let b = decoded.get(face);
  if (b === undefined) {
    const data = tables.get(face);
    if (data === undefined) return null;
    const r = new Reader(decodeBytes(data));
    const minLeftSideBearing = r.sv();
    const xMin: number[] = [];
    const yMax: number[] = [];
    const yMin: number[] = [];
    while (r.pos < data.length) {
      const x = r.sv();
      const top = r.sv();
      xMin.push(x);
      yMax.push(top);
      yMin.push(top - r.uv());
    }
    b = {
      minLeftSideBearing,
      xMin: Int16Array.from(xMin),
      yMax: Int16Array.from(yMax),
      yMin: Int16Array.from(yMin),
    };
    decoded.set(face, b);
  }
  return b;
}

/** Loads the boxes of a face (and of the faces in the same module) once. */
export function loadGlyphBoxes(face: FaceKey): Promise<void> {
  if (tables.has(face)) return Promise.resolve();
  const name = moduleName(face);
  let p = loading.get(name);
  if (p === undefined) {
    const family = face.slice(0, face.indexOf('-'));
    p = MODULES[name]!().then((t) => {
      for (const [style, data] of Object.entries(t)) tables.set(`${family}-${style}` as FaceKey, data);
    });
    loading.set(name, p);
  }
  return p;
}

/** A rectangle in 26.6 (QFixed) units, Qt's glyph_metrics_t without the advance. */
export interface InkRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const ceil64 = (v: number) => (v + 63) & -64;
const floor64 = (v: number) => v & -64;
const round64 = (v: number) => (v + 32) & -64;
/** glyph_metrics_t's "nothing yet" x and y (100000). */
const NONE = 100000 * 64;

/**
 * QTextEngine::boundingBox (tight = false: every item is at least the
 * font's ascent and descent high) or tightBoundingBox (the glyphs' ink
 * only), in 26.6. A tab adds its width, `tabWidth(x)` for a tab at x, to
 * the width so far.
 */
export function inkBounds(
  shaped: ShapedText,
  boxes: GlyphBoxes,
  tight: boolean,
  tabWidth: (x: number) => number,
): InkRect {
  ensureAllItems(shaped);
  const { glyphs, advances } = shaped;
  let gx = NONE;
  let gy = NONE;
  let gw = 0;
  let gh = 0;
  let gxoff = 0;
  for (const it of shaped.items) {
    if (it.kind === ItemKind.Tab) {
      gw += tabWidth(gw);
      continue;
    }
    const m = it.metrics;
    // QFontEngineFT::boundingBox(glyphs) / QFontEngine::tightBoundingBox
    let x = NONE;
    let y = tight ? NONE : -m.ascent;
    let h = tight ? 0 : m.ascent + m.descent;
    let xmax = 0;
    let ymax = 0;
    let xoff = 0;
    for (let g = it.glyphStart; g < it.glyphEnd; g++) {
      const box = glyphBox(m, boxes, glyphs[g]!, advances[g]!);
      const left = xoff + box.left;
      const top = -box.top;
      if (left < x) x = left;
      if (top < y) y = top;
      xmax = Math.max(xmax, ceil64(left) + box.right - box.left);
      ymax = Math.max(ymax, ceil64(top) + box.top - box.bottom);
      xoff += advances[g]!;
    }
    h = Math.max(h, ymax - y);
    const w = xmax - x;
    gx = Math.min(gx, x + gxoff);
    gy = Math.min(gy, y);
    gw = Math.max(gw, w + gxoff);
    gh = Math.max(gh, h);
    gxoff += xoff;
  }
  return { x: gx, y: gy, width: gw, height: gh };
}

const box = { left: 0, right: 0, top: 0, bottom: 0 };

/** A glyph's box at the metrics' size, 26.6: left and right whole pixels, top and bottom rounded (see above). */
function glyphBox(m: FaceMetrics, boxes: GlyphBoxes, glyph: number, advance: number): typeof box {
  const face = m.face;
  const top = boxes.yMax[glyph] ?? 0;
  const bottom = boxes.yMin[glyph] ?? 0;
  // (no outline; nor for a character with no glyph that takes no room, a control character)
  if (top === bottom || (glyph === 0 && advance === 0)) {
    box.left = box.right = box.top = box.bottom = 0;
    return box;
  }
  const scale = m.scale;
  box.left = floor64(ftMulFix(boxes.xMin[glyph]!, scale));
  box.right = ceil64(ftMulFix(face.advances[glyph]! - face.rightBearings[glyph]!, scale));
  box.top = round64(ftMulFix(top, scale));
  box.bottom = round64(ftMulFix(bottom, scale));
  return box;
}
