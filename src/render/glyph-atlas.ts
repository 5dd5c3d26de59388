// Glyphs rasterized once into shared atlas textures and drawn as sprites at
// the positions the text layout computed, once per quarter-pixel offset so
// glyphs keep the layout's fractional positions (Qt places glyphs at
// fractional positions too).
//
// Two kinds of raster. Grayscale: the glyph in white with its coverage in
// alpha, drawn in any color through the sprite tint. Subpixel (LCD): what Qt
// draws on the reference platform (distance-field text with subpixel
// antialiasing): one coverage per color channel, each sampled one third of a
// pixel apart (R left, B right) with a one-pixel box, as Qt's subpixel
// distance-field shader samples at -1/3, 0, +1/3 px. Per-channel coverage
// needs per-channel blending, done in two passes (see painters.ts).
import { CanvasSource, Rectangle, Texture } from 'pixi.js';
import type { FaceKey } from '../quick/text';
import { cssFont } from './fonts';

const PAGE_SIZE = 1024;
const PAD = 1;
/** Sub-pixel positions are rounded to this many steps per pixel. */
export const SUBPIXEL_STEPS = 16;

export interface Glyph {
  texture: Texture;
  /** Offset of the texture's top-left from the pen position (integer x, baseline y). */
  dx: number;
  dy: number;
  /** Coverage per color channel (RGB), opaque: drawn with the two-pass LCD blending. */
  subpixel: boolean;
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

/** A shelf-packed set of atlas canvases. */
class Pages {
  private readonly pages: Page[] = [];

  constructor(private readonly premultiply: boolean) {}

  get first(): Page {
    return this.pages[0] ?? this.place(1, 1).page;
  }

  place(w: number, h: number): { page: Page; x: number; y: number } {
    let p: Page | undefined = this.pages[this.pages.length - 1];
    if (p) {
      if (p.x + w > PAGE_SIZE) {
        p.x = 0;
        p.y += p.rowHeight;
        p.rowHeight = 0;
      }
      if (p.y + h > PAGE_SIZE) p = undefined;
    }
    if (!p) {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = PAGE_SIZE;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      p = {
        canvas,
        ctx,
        source: new CanvasSource({
          resource: canvas,
          alphaMode: this.premultiply ? 'premultiply-alpha-on-upload' : 'no-premultiply-alpha',
          scaleMode: 'nearest',
        }),
        x: 0,
        y: 0,
        rowHeight: 0,
        dirty: true,
      };
      this.pages.push(p);
    }
    const at = { page: p, x: p.x, y: p.y };
    p.x += w;
    p.rowHeight = Math.max(p.rowHeight, h);
    p.dirty = true;
    return at;
  }

  flush(): void {
    for (const p of this.pages) {
      if (p.dirty) {
        p.source.update();
        p.dirty = false;
      }
    }
  }
}

export class GlyphAtlas {
  private readonly gray = new Pages(true);
  private readonly lcd = new Pages(false);
  private readonly glyphs = new Map<string, Glyph | null>();
  private scratch: CanvasRenderingContext2D | null = null;
  /** Draw subpixel (LCD) glyphs: set by the renderer when the backend can blend them. */
  subpixel = false;

  /** The glyph for `text` (one cluster) of `face` at `pixelSize`, for a pen at fractional offset (fx, fy). */
  glyph(face: FaceKey, pixelSize: number, text: string, fx: number, fy: number): Glyph | null {
    const sx = Math.round(fx * SUBPIXEL_STEPS) % SUBPIXEL_STEPS;
    const sy = Math.round(fy * SUBPIXEL_STEPS) % SUBPIXEL_STEPS;
    const key = `${this.subpixel ? 'L' : 'G'}|${face}|${pixelSize}|${sx}|${sy}|${text}`;
    let g = this.glyphs.get(key);
    if (g === undefined) {
      g = this.rasterize(face, pixelSize, text, sx / SUBPIXEL_STEPS, sy / SUBPIXEL_STEPS);
      this.glyphs.set(key, g);
    }
    return g;
  }

  /** Uploads pages that received glyphs since the last frame. */
  flush(): void {
    this.gray.flush();
    this.lcd.flush();
  }

  private rasterize(face: FaceKey, pixelSize: number, text: string, fx: number, fy: number): Glyph | null {
    const font = cssFont(face, pixelSize, text);
    const measure = this.gray.first.ctx;
    measure.font = font;
    const m = measure.measureText(text);
    const left = Math.ceil(m.actualBoundingBoxLeft) + 1;
    const right = Math.ceil(m.actualBoundingBoxRight) + 1;
    const ascent = Math.ceil(m.actualBoundingBoxAscent) + 1;
    const descent = Math.ceil(m.actualBoundingBoxDescent) + 1;
    if (left + right <= 2 || ascent + descent <= 2) return null; // blank (a space)
    const w = left + right + 2 * PAD;
    const h = ascent + descent + 2 * PAD;
    const ox = PAD + left;
    const oy = PAD + ascent;
    if (this.subpixel) return this.rasterizeLcd(font, text, w, h, ox, oy, fx, fy);
    const { page, x, y } = this.gray.place(w, h);
    page.ctx.font = font;
    page.ctx.fillStyle = '#fff';
    page.ctx.textBaseline = 'alphabetic';
    page.ctx.fillText(text, x + ox + fx, y + oy + fy);
    return {
      texture: new Texture({ source: page.source, frame: new Rectangle(x, y, w, h) }),
      dx: -ox,
      dy: -oy,
      subpixel: false,
    };
  }

  private rasterizeLcd(
    font: string,
    text: string,
    w: number,
    h: number,
    ox: number,
    oy: number,
    fx: number,
    fy: number,
  ): Glyph {
    // Coverage at three samples per pixel: the glyph drawn 3x wide.
    const sw = 3 * w + 2;
    let ctx = this.scratch;
    if (!ctx || ctx.canvas.width < sw || ctx.canvas.height < h) {
      const c = document.createElement('canvas');
      c.width = Math.max(sw, ctx?.canvas.width ?? 0, 256);
      c.height = Math.max(h, ctx?.canvas.height ?? 0, 64);
      ctx = c.getContext('2d', { willReadFrequently: true })!;
      this.scratch = ctx;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, sw, h);
    ctx.setTransform(3, 0, 0, 1, 1, 0);
    ctx.font = font;
    ctx.fillStyle = '#fff';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(text, ox + fx, oy + fy);
    const src = ctx.getImageData(0, 0, sw, h).data;
    const out = new ImageData(w, h);
    const d = out.data;
    for (let row = 0; row < h; row++) {
      const base = row * sw;
      for (let col = 0; col < w; col++) {
        // Subpixel s of pixel col sits at sample 3*col + s + 1 (one sample of left margin).
        const at = (k: number) => src[(base + k) * 4 + 3]!;
        const c = 3 * col + 1;
        const r = 255 * ((at(c - 1) + at(c) + at(c + 1)) / 765) ** 0.85;
        const g = 255 * ((at(c) + at(c + 1) + at(c + 2)) / 765) ** 0.85;
        const b = 255 * ((at(c + 1) + at(c + 2) + at(c + 3)) / 765) ** 0.85;
        const o = (row * w + col) * 4;
        d[o] = r;
        d[o + 1] = g;
        d[o + 2] = b;
        d[o + 3] = 255;
      }
    }
    const { page, x, y } = this.lcd.place(w, h);
    page.ctx.putImageData(out, x, y);
    return {
      texture: new Texture({ source: page.source, frame: new Rectangle(x, y, w, h) }),
      dx: -ox,
      dy: -oy,
      subpixel: true,
    };
  }
}

/** One atlas for the page. */
export const atlas = new GlyphAtlas();
