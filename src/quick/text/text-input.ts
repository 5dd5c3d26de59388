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
import { type GlyphPosition, glyphPositions } from './layout';
import { shapeText } from './shaper';
import { QtWrap, TextEngine } from './text-engine';

/** How QQuickTextInput sets up its line: the width it is laid out in and the alignment. */
export interface TextInputLayoutOptions {
  /** the line width (the item width less padding when the width is set; unlimited otherwise) */
  readonly lineWidth?: number;
  /** Qt::AlignLeft (default), AlignRight or AlignHCenter: moves every cursor position */
  readonly alignment?: number;
}

export interface TextInputMetrics {
  readonly contentWidth: number;
  readonly contentHeight: number;
  readonly implicitWidth: number;
  readonly implicitHeight: number;
  /** x of the cursor before character index pos (UTF-16); positions inside a cluster snap back to its start */
  cursorToX(pos: number): number;
  /**
   * The cursor position for x (QTextLine::xToCursor): the nearest boundary
   * (CursorBetweenCharacters), or with onCharacter the boundary before the
   * character under x (CursorOnCharacter)
   */
  positionAt(x: number, onCharacter?: boolean): number;
  /** x of the line start inside the item (the alignment offset) */
  readonly x: number;
  /** the text that was measured */
  readonly text: string;
  /** glyph positions for drawing (computed on first access) */
  readonly glyphs: readonly GlyphPosition[];
  cursorRectangle(pos: number): { x: number; y: number; width: number; height: number };
  /** grapheme boundaries: the valid cursor positions */
  readonly cursorPositions: readonly number[];
}

export function measureTextInput(
  text: string,
  fontSpec: FontSpec | ResolvedFont = {},
  options: TextInputLayoutOptions = {},
): TextInputMetrics {
  const font = 'metrics' in fontSpec ? fontSpec : resolveFont(fontSpec);
  const m = font.metrics;
  const shaped = shapeText(text, font);
  const engine = new TextEngine(shaped, m, QtWrap.NoWrap, options.alignment ?? 1);
  engine.beginLayout();
  const line = engine.createLine();
  let contentWidth = 0;
  let height = m.lineHeight;
  let x0 = 0;
  if (line) {
    engine.setLineWidth(line, options.lineWidth ?? 2147483647);
    height = engine.lineHeightPx(line);
    contentWidth = line.textWidth / 64;
    x0 = engine.alignLine(line) / 64;
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
    if (text.charCodeAt(c0) === 9)
      adv = engine.tabWidth(x); // to the next tab stop
    else
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
  const cursorToX = (pos: number): number => x0 + xs[Math.max(0, Math.min(len, pos))]! / 64;
  let glyphs: GlyphPosition[] | null = null;
  return {
    contentWidth,
    contentHeight: height,
    implicitWidth: Math.ceil(contentWidth),
    implicitHeight: height,
    cursorPositions: positions,
    cursorToX,
    x: x0,
    text,
    get glyphs(): readonly GlyphPosition[] {
      if (glyphs === null) glyphs = line ? glyphPositions(engine, line, x0) : [];
      return glyphs;
    },
    positionAt(px: number, onCharacter = false): number {
      if (onCharacter) {
        // QTextLine::xToCursor(CursorOnCharacter): the boundary before the character under x
        let best = 0;
        for (const p of positions) if (cursorToX(p) <= px && p < len) best = p;
        return px >= cursorToX(len) ? len : best;
      }
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
