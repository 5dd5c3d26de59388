/**
 * Single-line metrics for TextInput (QQuickTextInput lays its text out as one
 * QTextLine without wrapping).
 *
 * - contentWidth is the line's natural width (advances plus the last glyph's
 *   overhang), implicitWidth is ceil(contentWidth) ("abc": 21.5469 -> 22).
 * - contentHeight/implicitHeight is the line height: ceil(ascent + descent).
 * - Cursor positions are grapheme boundaries; the x of a cursor is the sum of
 *   the advances before it (QTextLine::cursorToX), the cursor rectangle is
 *   (x, 0, 1, lineHeight).
 */
import { type FontSpec, type ResolvedFont, resolveFont } from './font';
import { shapeText } from './shaper';
import { QtWrap, TextEngine } from './text-engine';

export interface TextInputMetrics {
  readonly contentWidth: number;
  readonly contentHeight: number;
  readonly implicitWidth: number;
  readonly implicitHeight: number;
  /** x of the cursor before character index pos (UTF-16); positions inside a cluster snap back to its start */
  cursorToX(pos: number): number;
  /** the character index nearest to x (for clicks): the closer edge of the cluster under x */
  positionAt(x: number): number;
  cursorRectangle(pos: number): { x: number; y: number; width: number; height: number };
  /** grapheme boundaries: the valid cursor positions */
  readonly cursorPositions: readonly number[];
}

export function measureTextInput(text: string, fontSpec: FontSpec | ResolvedFont = {}): TextInputMetrics {
  const font = 'metrics' in fontSpec ? fontSpec : resolveFont(fontSpec);
  const m = font.metrics;
  const shaped = shapeText(text, font);
  const engine = new TextEngine(shaped, m, QtWrap.NoWrap, 1);
  engine.beginLayout();
  const line = engine.createLine();
  let contentWidth = 0;
  let height = m.lineHeight;
  if (line) {
    engine.setLineWidth(line, 2147483647);
    height = engine.lineHeightPx(line);
    contentWidth = line.textWidth / 64;
  }
  engine.endLayout();

  // cursor x per UTF-16 position, 26.6; inside a cluster (a ligature such as
  // "ffi") QTextLine::cursorToX divides the cluster's advance evenly
  const len = text.length;
  const xs = new Float64Array(len + 1);
  const boundary = engine.attrs.graphemeBoundary;
  const positions: number[] = [];
  let x = 0;
  for (let c0 = 0; c0 < len; ) {
    const g0 = shaped.logClusters[c0]!;
    let c1 = c0 + 1;
    while (c1 < len && shaped.logClusters[c1] === g0) c1++;
    let adv = 0;
    let g = g0;
    do {
      adv += shaped.advances[g]!;
      g++;
    } while (g < shaped.glyphCount && !shaped.clusterStart[g]);
    let last = x;
    for (let i = c0; i < c1; i++) {
      if (boundary[i]) {
        last = x + Math.trunc((adv * (i - c0)) / (c1 - c0));
        positions.push(i);
      }
      xs[i] = last;
    }
    x += adv;
    c0 = c1;
  }
  xs[len] = x;
  positions.push(len);
  const cursorToX = (pos: number): number => xs[Math.max(0, Math.min(len, pos))]! / 64;
  return {
    contentWidth,
    contentHeight: height,
    implicitWidth: Math.ceil(contentWidth),
    implicitHeight: height,
    cursorPositions: positions,
    cursorToX,
    positionAt(px: number): number {
      // QTextLine::xToCursor(CursorBetweenCharacters): the nearest boundary
      let best = 0;
      let bestDist = Number.POSITIVE_INFINITY;
      for (const p of positions) {
        const d = Math.abs(cursorToX(p) - px);
        if (d < bestDist) {
          best = p;
          bestDist = d;
        }
      }
      return best;
    },
    cursorRectangle(pos: number) {
      return { x: cursorToX(pos), y: 0, width: 1, height };
    },
  };
}
