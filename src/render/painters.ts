// What each item type draws: the item's own content, placed by the renderer
// between its negative-z children and the others.
import { Container, Graphics, Sprite } from 'pixi.js';
import type { MetaObject } from '../engine/qobject';
import type { QColor } from '../engine/valuetypes';
import { parseColor } from '../engine/valuetypes';
import type { Item } from '../quick/items/Item';
import type { Text } from '../quick/items/Text';
import type { TextInput } from '../quick/items/TextInput';
import { FontMetrics, type ResolvedFont, type TextLayoutResult } from '../quick/text';
import { loadSubsets, missingSubsets } from './fonts';
import { atlas, SUBPIXEL_STEPS } from './glyph-atlas';

export interface Painter {
  readonly content: Container;
  /** Redraws from the item's current state. */
  update(item: Item, dirtyBits: number): void;
  destroy(): void;
}

type Factory = (item: Item) => Painter;
const factories = new Map<string, Factory>();

/** Registers the painter of a built-in type (by its QML name: `Rectangle`, `Text`). */
export function registerPainter(typeName: string, factory: Factory): void {
  factories.set(typeName, factory);
}

/** The painter for an item: its nearest built-in type that has one. */
export function painterFor(item: Item): Painter | null {
  for (let m: MetaObject | null = item.$meta; m !== null; m = m.base) {
    if (m.isDerived) continue;
    const f = factories.get(m.name);
    if (f) return f(item);
  }
  return null;
}

export function pixiColor(c: QColor): { color: number; alpha: number } {
  return { color: (c.red8 << 16) | (c.green8 << 8) | c.blue8, alpha: c.alpha8 / 255 };
}

// ---- glyphs -------------------------------------------------------------------------

/** A run of glyphs drawn with one font and color. */
export interface GlyphRun {
  font: ResolvedFont;
  color: QColor;
  /** Glyphs to draw: cluster text and pen position inside the item. */
  glyphs: Array<{ text: string; x: number; baseline: number }>;
}

/** Draws glyph runs as sprites from the shared atlas; sprites are reused between updates. */
export class GlyphLayer {
  readonly container = new Container();
  private sprites: Sprite[] = [];

  /** Draws the runs; returns false if a font is still loading (`retry` is then called when it is). */
  draw(runs: readonly GlyphRun[], retry: () => void): boolean {
    let n = 0;
    const waits: Promise<void>[] = [];
    for (const run of runs) {
      const face = run.font.face;
      const size = run.font.metrics.ppem;
      const { color, alpha } = pixiColor(run.color);
      let missing = 0;
      for (const g of run.glyphs) {
        const m = missingSubsets(face, g.text);
        if (m !== 0) {
          missing |= m;
          continue;
        }
        const qx = Math.round(g.x * SUBPIXEL_STEPS) / SUBPIXEL_STEPS;
        const qy = Math.round(g.baseline * SUBPIXEL_STEPS) / SUBPIXEL_STEPS;
        const ix = Math.floor(qx);
        const iy = Math.floor(qy);
        const glyph = atlas.glyph(face, size, g.text, qx - ix, qy - iy);
        if (glyph === null) continue;
        let s = this.sprites[n];
        if (s === undefined) {
          s = new Sprite(glyph.texture);
          this.sprites.push(s);
          this.container.addChild(s);
        } else {
          s.texture = glyph.texture;
          s.visible = true;
        }
        s.position.set(ix + glyph.dx, iy + glyph.dy);
        s.tint = color;
        s.alpha = alpha;
        n++;
      }
      if (missing !== 0) waits.push(loadSubsets(face, missing));
    }
    for (let i = n; i < this.sprites.length; i++) this.sprites[i]!.visible = false;
    atlas.flush();
    if (waits.length === 0) return true;
    void Promise.all(waits).then(retry);
    return false;
  }

  destroy(): void {
    this.container.destroy({ children: true });
    this.sprites = [];
  }
}

/** The glyph runs of a text layout: one per style run (own font and color) for styled text. */
export function runsOfLayout(
  layout: TextLayoutResult,
  font: ResolvedFont,
  color: QColor,
  dx: number,
  dy: number,
): GlyphRun[] {
  const styles = layout.styleRuns;
  const runs: GlyphRun[] = styles
    ? styles.map((r) => ({ font: r.font, color: (r.color && parseColor(r.color)) || color, glyphs: [] }))
    : [{ font, color, glyphs: [] }];
  for (const line of layout.lines) {
    const baseline = line.baseline + dy;
    for (const g of line.glyphs) {
      const run = runs[g.run] ?? runs[0]!;
      run.glyphs.push({ text: glyphText(g), x: g.x + dx, baseline });
    }
  }
  return runs;
}

function glyphText(g: { codePoint: number; text: string }): string {
  return g.codePoint > 0 ? String.fromCodePoint(g.codePoint) : g.text;
}

// ---- Rectangle ------------------------------------------------------------------------

/** What a Rectangle draws, as the item exposes it. */
export interface RectanglePaintState {
  color: QColor;
  radius: number;
  borderWidth: number;
  borderColor: QColor;
}

class RectanglePainter implements Painter {
  readonly content = new Graphics();

  update(item: Item): void {
    const s = (item as unknown as { paintState(): RectanglePaintState }).paintState();
    const w = item.width;
    const h = item.height;
    const g = this.content;
    g.clear();
    if (w <= 0 || h <= 0) return;
    const r = s.radius;
    const bw = s.borderWidth;
    const fill = pixiColor(s.color);
    if (bw > 0) {
      // Qt draws the border inside the rectangle.
      const inner = Math.max(0, r - bw);
      const border = pixiColor(s.borderColor);
      if (border.alpha > 0) {
        shape(g, 0, 0, w, h, r).fill(border);
        if (2 * bw < w && 2 * bw < h) shape(g, bw, bw, w - 2 * bw, h - 2 * bw, inner).cut();
      }
      if (fill.alpha > 0 && 2 * bw < w && 2 * bw < h)
        shape(g, bw, bw, w - 2 * bw, h - 2 * bw, inner).fill(fill);
    } else if (fill.alpha > 0) {
      shape(g, 0, 0, w, h, r).fill(fill);
    }
  }

  destroy(): void {
    this.content.destroy();
  }
}

function shape(g: Graphics, x: number, y: number, w: number, h: number, r: number): Graphics {
  return r > 0 ? g.roundRect(x, y, w, h, r) : g.rect(x, y, w, h);
}

registerPainter('Rectangle', () => new RectanglePainter());

// ---- Text --------------------------------------------------------------------------------

class TextPainter implements Painter {
  private readonly glyphs = new GlyphLayer();
  readonly content = this.glyphs.container;
  private decorations: Graphics | null = null;

  update(item: Item): void {
    const t = item as unknown as Text;
    const layout = t.textLayout;
    if (!layout) {
      this.glyphs.draw([], () => {});
      return;
    }
    const color = (t as unknown as { color: QColor }).color;
    const runs = runsOfLayout(layout, t.resolvedFont, color, t.contentOriginX, t.contentOriginY);
    this.glyphs.draw(runs, () => item.markDirty(4));
    this.drawDecorations(t, layout, color);
  }

  /** Underline and strike-out of styled text and of `font.underline` / `font.strikeout`. */
  private drawDecorations(t: Text, layout: TextLayoutResult, color: QColor): void {
    const font = t.resolvedFont;
    const spec = (t as unknown as { font: { underline?: boolean; strikeout?: boolean } }).font;
    const styles = layout.styleRuns;
    const wanted = spec.underline || spec.strikeout || styles?.some((r) => r.underline || r.strikeout);
    if (!wanted) {
      this.decorations?.clear();
      return;
    }
    if (!this.decorations) {
      this.decorations = new Graphics();
      this.content.addChild(this.decorations);
    }
    const g = this.decorations.clear();
    for (const line of layout.lines) {
      const glyphs = line.glyphs;
      if (glyphs.length === 0) continue;
      const x0 = line.x + t.contentOriginX;
      const y = line.baseline + t.contentOriginY;
      const run = styles?.[glyphs[0]!.run];
      const underline = spec.underline || run?.underline;
      const strike = spec.strikeout || run?.strikeout;
      const w = line.naturalWidth;
      const fill = pixiColor(color);
      const thickness = Math.max(1, Math.round(font.metrics.ppem / 14));
      if (underline) g.rect(x0, Math.round(y + 1), w, thickness).fill(fill);
      if (strike) g.rect(x0, Math.round(y - font.metrics.ppem * 0.3), w, thickness).fill(fill);
    }
  }

  destroy(): void {
    this.glyphs.destroy();
  }
}
registerPainter('Text', () => new TextPainter());

// ---- TextInput ---------------------------------------------------------------------------

class TextInputPainter implements Painter {
  readonly content = new Container();
  private readonly selection = new Graphics();
  private readonly glyphs = new GlyphLayer();
  private readonly preedit = new Graphics();

  constructor() {
    this.content.addChild(this.selection, this.glyphs.container, this.preedit);
  }

  update(item: Item): void {
    const t = item as unknown as TextInput & {
      color: QColor;
      selectionColor: QColor;
      selectedTextColor: QColor;
    };
    const layout = t.inputLayout;
    this.selection.clear();
    this.preedit.clear();
    if (!layout) {
      this.glyphs.draw([], () => {});
      return;
    }
    const font = t.resolvedFont;
    const m = layout.metrics;
    const pad = t as unknown as { leftPadding: number; topPadding: number };
    const dx = pad.leftPadding - t.scrollX;
    const top = pad.topPadding - t.scrollY;
    const baseline = top + new FontMetrics(font).ascent;
    // The selection: a highlight behind, and its glyphs in selectedTextColor.
    const s0 = t.selectionStart;
    const s1 = t.selectionEnd;
    const hasSelection = s1 > s0 && (t.activeFocus || t.persistentSelection);
    let x0 = 0;
    let x1 = 0;
    if (hasSelection) {
      x0 = m.cursorToX(s0) + dx;
      x1 = m.cursorToX(s1) + dx;
      this.selection
        .rect(x0, (pad.topPadding ?? 0) - t.scrollY, x1 - x0, m.contentHeight)
        .fill(pixiColor(t.selectionColor));
    }
    const normal: GlyphRun = { font, color: t.color, glyphs: [] };
    const selected: GlyphRun = { font, color: t.selectedTextColor, glyphs: [] };
    for (const g of m.glyphs) {
      const x = g.x + dx;
      const inSelection = hasSelection && g.index >= s0 && g.index < s1;
      (inSelection ? selected : normal).glyphs.push({ text: glyphText(g), x, baseline });
    }
    this.glyphs.draw([normal, selected], () => item.markDirty(4));
    // The input method's pre-edit text is underlined in place.
    if (layout.preeditStart >= 0 && layout.preeditLength > 0) {
      const px0 = m.cursorToX(layout.preeditStart) + dx;
      const px1 = m.cursorToX(layout.preeditStart + layout.preeditLength) + dx;
      this.preedit.rect(px0, Math.round(baseline + 1), px1 - px0, 1).fill(pixiColor(t.color));
    }
  }

  destroy(): void {
    this.glyphs.destroy();
    this.content.destroy({ children: true });
  }
}
registerPainter('TextInput', () => new TextInputPainter());
