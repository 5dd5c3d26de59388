// What each item type draws: the item's own content, placed by the renderer
// between its negative-z children and the others.
import { Container, Graphics, Sprite } from 'pixi.js';
import type { MetaObject } from '../engine/qobject';
import type { QColor } from '../engine/valuetypes';
import type { Item } from '../quick/items/Item';
import type { ResolvedFont, TextLayoutResult } from '../quick/text';
import { ensureFace } from './fonts';
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

  /** Draws the runs; returns false if a face is still loading (`retry` is then called when it is). */
  draw(runs: readonly GlyphRun[], retry: () => void): boolean {
    let n = 0;
    let complete = true;
    for (const run of runs) {
      const face = run.font.face;
      if (!ensureFace(face, retry)) {
        complete = false;
        continue;
      }
      const size = run.font.metrics.ppem;
      const { color, alpha } = pixiColor(run.color);
      for (const g of run.glyphs) {
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
    }
    for (let i = n; i < this.sprites.length; i++) this.sprites[i]!.visible = false;
    atlas.flush();
    return complete;
  }

  destroy(): void {
    this.container.destroy({ children: true });
    this.sprites = [];
  }
}

/** The glyph runs of a text layout (styled runs get their own fonts and colors). */
export function runsOfLayout(
  layout: TextLayoutResult,
  fonts: readonly ResolvedFont[],
  colors: readonly QColor[],
): GlyphRun[] {
  const runs: GlyphRun[] = fonts.map((font, i) => ({ font, color: colors[i] ?? colors[0]!, glyphs: [] }));
  for (const line of layout.lines) {
    for (const g of line.glyphs) {
      const run = runs[g.run] ?? runs[0]!;
      run.glyphs.push({
        text: g.codePoint > 0 ? String.fromCodePoint(g.codePoint) : g.text,
        x: g.x,
        baseline: line.baseline,
      });
    }
  }
  return runs;
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
