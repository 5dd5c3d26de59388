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

  // cursor x per UTF-16 position, 26.6
  const len = text.length;
  const xs = new Float64Array(len + 1);
  const boundary = engine.attrs.graphemeBoundary;
  const positions: number[] = [];
  let x = 0;
  let lastBoundaryX = 0;
  for (let i = 0; i <= len; i++) {
    if (boundary[i] || i === len) {
      lastBoundaryX = x;
      positions.push(i);
    }
    xs[i] = lastBoundaryX;
    if ((i < len && shaped.logClusters[i] !== shaped.logClusters[i - 1]) || i === 0) {
      // first character of a cluster: add the cluster's glyph advances
      if (i < len) {
        const g0 = shaped.logClusters[i]!;
        let g = g0;
        do {
          x += shaped.advances[g]!;
          g++;
        } while (g < shaped.glyphCount && !shaped.clusterStart[g]);
      }
    }
  }
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
