// Glyphs rasterized once into shared atlas textures and drawn as sprites at
// the positions the text layout computed. A glyph is rendered white (its
// coverage in alpha) so one raster serves every color through the sprite
// tint, and once per quarter-pixel offset so glyphs keep the layout's
// fractional positions (Qt places glyphs at fractional positions too).
import { CanvasSource, Rectangle, Texture } from 'pixi.js';
import type { FaceKey } from '../quick/text';
import { cssFont } from './fonts';

const PAGE_SIZE = 1024;
const PAD = 1;
/** Sub-pixel positions are rounded to this many steps per pixel. */
export const SUBPIXEL_STEPS = 4;

export interface Glyph {
  texture: Texture;
  /** Offset of the texture's top-left from the pen position (integer x, baseline y). */
  dx: number;
  dy: number;
}

interface Page {
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
  source: CanvasSource;
  x: number;
  y: number;
  rowHeight: number;
  dirty: boolean;
}

export class GlyphAtlas {
  private readonly pages: Page[] = [];
  private readonly glyphs = new Map<string, Glyph | null>();

  /** The glyph for `text` (one cluster) of `face` at `pixelSize`, for a pen at fractional offset (fx, fy). */
  glyph(face: FaceKey, pixelSize: number, text: string, fx: number, fy: number): Glyph | null {
    const sx = Math.round(fx * SUBPIXEL_STEPS) % SUBPIXEL_STEPS;
    const sy = Math.round(fy * SUBPIXEL_STEPS) % SUBPIXEL_STEPS;
    const key = `${face}|${pixelSize}|${sx}|${sy}|${text}`;
    let g = this.glyphs.get(key);
    if (g === undefined) {
      g = this.rasterize(face, pixelSize, text, sx / SUBPIXEL_STEPS, sy / SUBPIXEL_STEPS);
      this.glyphs.set(key, g);
    }
    return g;
  }

  /** Uploads pages that received glyphs since the last frame. */
  flush(): void {
    for (const p of this.pages) {
      if (p.dirty) {
        p.source.update();
        p.dirty = false;
      }
    }
  }

  private page(w: number, h: number): Page {
    let p = this.pages[this.pages.length - 1];
    if (p) {
      if (p.x + w > PAGE_SIZE) {
        p.x = 0;
        p.y += p.rowHeight;
        p.rowHeight = 0;
      }
      if (p.y + h <= PAGE_SIZE) return p;
    }
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = PAGE_SIZE;
    const ctx = canvas.getContext('2d', { willReadFrequently: false })!;
    p = {
      canvas,
      ctx,
      source: new CanvasSource({
        resource: canvas,
        alphaMode: 'premultiply-alpha-on-upload',
        scaleMode: 'nearest',
      }),
      x: 0,
      y: 0,
      rowHeight: 0,
      dirty: true,
    };
    this.pages.push(p);
    return p;
  }

  private rasterize(face: FaceKey, pixelSize: number, text: string, fx: number, fy: number): Glyph | null {
    const font = cssFont(face, pixelSize, text);
    const measureCtx = (this.pages[0] ?? this.page(1, 1)).ctx;
    measureCtx.font = font;
    const m = measureCtx.measureText(text);
    const left = Math.ceil(m.actualBoundingBoxLeft) + 1;
    const right = Math.ceil(m.actualBoundingBoxRight) + 1;
    const ascent = Math.ceil(m.actualBoundingBoxAscent) + 1;
    const descent = Math.ceil(m.actualBoundingBoxDescent) + 1;
    const w = left + right + 2 * PAD;
    const h = ascent + descent + 2 * PAD;
    if (left + right <= 2 || ascent + descent <= 2) return null; // blank (a space)
    const p = this.page(w, h);
    const ox = p.x + PAD + left;
    const oy = p.y + PAD + ascent;
    p.ctx.font = font;
    p.ctx.fillStyle = '#fff';
    p.ctx.textBaseline = 'alphabetic';
    p.ctx.fillText(text, ox + fx, oy + fy);
    const texture = new Texture({ source: p.source, frame: new Rectangle(p.x, p.y, w, h) });
    p.x += w;
    p.rowHeight = Math.max(p.rowHeight, h);
    p.dirty = true;
    return { texture, dx: -(PAD + left), dy: -(PAD + ascent) };
  }
}

/** One atlas for the page. */
export const atlas = new GlyphAtlas();
