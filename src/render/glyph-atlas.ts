// Glyphs rasterized once into shared atlas textures and drawn as quads at
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
// needs per-channel blending: one pass with the text color as blend
// constant, as Qt blends it (see painters.ts, lcdBlend).
import { CanvasSource, ExtensionType, extensions, Rectangle, Texture } from 'pixi.js';
import type { FaceKey } from '../quick/text';
import { cssFont } from './fonts';

/**
 * Atlas pages grow from FIRST_PAGE_SIZE to PAGE_SIZE: the first page of a
 * kind is small, the next ones double up to full size. Chromium allocates a
 * 2D canvas's backing store on its first write, which takes tens of
 * milliseconds for a 1024 x 1024 page, while a first frame usually needs a
 * few dozen glyphs.
 */
const FIRST_PAGE_SIZE = 256;
const PAGE_SIZE = 1024;
const PAD = 1;
/** Sub-pixel positions are rounded to this many steps per pixel. */
export const SUBPIXEL_STEPS = 16;

/**
 * The cluster text that stands for a face's .notdef glyph: what Qt draws, a
 * box, for a character no font has (the layout gives it the .notdef's advance).
 */
export const NOTDEF = '\u0000';

/** DejaVu's .notdef outline in font units (2048 per em): a frame around a hole. */
const NOTDEF_OUTER = [102, -362, 1126, 1444] as const;
const NOTDEF_INNER = [217, -248, 1012, 1329] as const;

export interface Glyph {
  texture: Texture;
  /** Offset of the texture's top-left from the pen position (integer x, baseline y). */
  dx: number;
  dy: number;
  /** Coverage per color channel (RGB), opaque: drawn with the LCD blend (painters.ts, lcdBlend). */
  subpixel: boolean;
}

interface Page {
  /** Square: its width is its height. */
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
  source: AtlasSource;
  x: number;
  y: number;
  rowHeight: number;
  dirty: boolean;
  /** The rectangles glyphs were drawn into, in order: x, y, w, h for each. */
  drawn: number[];
}

/** The part of a GPU texture's page already uploaded: how many of `drawn`'s numbers. */
const uploaded = new WeakMap<object, number>();

/** Pixels around a drawn glyph's rectangle uploaded with it (a canvas glyph's antialiasing may reach past its box). */
const UPLOAD_MARGIN = 2;

/** An atlas page's texture: uploaded a region at a time (WebGL), not the whole page on each new glyph. */
class AtlasSource extends CanvasSource {
  page!: Page;
}

interface GlTextureLike {
  target: number;
  internalFormat: number;
  format: number;
  type: number;
  width: number;
  height: number;
}

/**
 * Uploads what was drawn into a page since this texture's last upload: the
 * bounding box of the new glyphs, read back from the page's canvas. A new
 * texture is allocated empty (the page's undrawn pixels are transparent)
 * and receives everything drawn so far.
 */
const atlasUploader = {
  id: 'qw-atlas',
  upload(source: AtlasSource, glTexture: GlTextureLike, gl: WebGLRenderingContext): void {
    const page = source.page;
    const w = source.pixelWidth;
    const h = source.pixelHeight;
    let from = uploaded.get(glTexture) ?? 0;
    if (glTexture.width !== w || glTexture.height !== h) {
      gl.texImage2D(
        glTexture.target,
        0,
        glTexture.internalFormat,
        w,
        h,
        0,
        glTexture.format,
        glTexture.type,
        null,
      );
      glTexture.width = w;
      glTexture.height = h;
      from = 0;
    }
    const d = page.drawn;
    if (from >= d.length) return;
    let x0 = w;
    let y0 = h;
    let x1 = 0;
    let y1 = 0;
    for (let i = from; i < d.length; i += 4) {
      x0 = Math.min(x0, d[i]!);
      y0 = Math.min(y0, d[i + 1]!);
      x1 = Math.max(x1, d[i]! + d[i + 2]!);
      y1 = Math.max(y1, d[i + 1]! + d[i + 3]!);
    }
    x0 = Math.max(0, x0 - UPLOAD_MARGIN);
    y0 = Math.max(0, y0 - UPLOAD_MARGIN);
    x1 = Math.min(w, x1 + UPLOAD_MARGIN);
    y1 = Math.min(h, y1 + UPLOAD_MARGIN);
    const pixels = page.ctx.getImageData(x0, y0, x1 - x0, y1 - y0);
    gl.texSubImage2D(glTexture.target, 0, x0, y0, glTexture.format, glTexture.type, pixels);
    uploaded.set(glTexture, d.length);
  },
};
extensions.add({ type: ExtensionType.TextureUploaderWebGL, name: atlasUploader.id, ref: atlasUploader });

/** A shelf-packed set of atlas canvases. */
class Pages {
  private readonly pages: Page[] = [];

  constructor(private readonly premultiply: boolean) {}

  place(w: number, h: number): { page: Page; x: number; y: number } {
    let p: Page | undefined = this.pages[this.pages.length - 1];
    if (p) {
      const size = p.canvas.width;
      if (p.x + w > size) {
        p.x = 0;
        p.y += p.rowHeight;
        p.rowHeight = 0;
      }
      // A new page also when the glyph is wider than this one (and a bigger page would hold it).
      if (p.y + h > size || (w > size && size < PAGE_SIZE)) p = undefined;
    }
    if (!p) {
      // Doubling from the first page's size, and at least the glyph's size.
      let size = FIRST_PAGE_SIZE;
      for (let i = 0; i < this.pages.length && size < PAGE_SIZE; i++) size *= 2;
      while (size < PAGE_SIZE && (size < w || size < h)) size *= 2;
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = size;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      p = {
        canvas,
        ctx,
        source: new AtlasSource({
          resource: canvas,
          alphaMode: this.premultiply ? 'premultiply-alpha-on-upload' : 'no-premultiply-alpha',
          scaleMode: 'nearest',
        }),
        x: 0,
        y: 0,
        rowHeight: 0,
        dirty: true,
        drawn: [],
      };
      p.source.page = p;
      this.pages.push(p);
    }
    const at = { page: p, x: p.x, y: p.y };
    p.x += w;
    p.rowHeight = Math.max(p.rowHeight, h);
    p.dirty = true;
    p.drawn.push(at.x, at.y, w, h);
    return at;
  }

  flush(partial: boolean): void {
    for (const p of this.pages) {
      if (p.dirty) {
        p.source.uploadMethodId = partial ? atlasUploader.id : 'image';
        p.source.update();
        p.dirty = false;
      }
    }
  }
}

/**
 * LCD coverage of a pixel's subpixel from the sum of its three samples
 * (0..765): 255 * (sum / 765) ** 0.85, computed once per sum.
 */
const LCD_LEVEL = Float64Array.from({ length: 766 }, (_, sum) => 255 * (sum / 765) ** 0.85);

/** A cluster's ink bounds in whole pixels plus one (the same at every subpixel offset); null: blank. */
interface InkBox {
  left: number;
  right: number;
  ascent: number;
  descent: number;
}

export class GlyphAtlas {
  private readonly gray = new Pages(true);
  private readonly lcd = new Pages(false);
  private readonly tables = new Map<string, GlyphTable>();
  /** Ink bounds by CSS font and cluster: measured once, not for each of the offsets drawn. */
  private readonly inkBoxes = new Map<string, InkBox | null>();
  private scratch: CanvasRenderingContext2D | null = null;
  /** For measuring ink bounds only: never drawn into, so it never gets a backing store. */
  private measurer: CanvasRenderingContext2D | null = null;
  /** Draw subpixel (LCD) glyphs: set by the renderer when the backend can blend them. */
  subpixel = false;
  /** Upload only the new glyphs of a page: set by the renderer for WebGL. */
  partialUploads = false;

  /** The glyph for `text` (one cluster) of `face` at `pixelSize`, for a pen at fractional offset (fx, fy). */
  glyph(face: FaceKey, pixelSize: number, text: string, fx: number, fy: number): Glyph | null {
    return this.table(face, pixelSize).glyph(text, fx, fy);
  }

  /** The glyphs of one face and size (drawing a run looks its table up once). */
  table(face: FaceKey, pixelSize: number): GlyphTable {
    const key = `${this.subpixel ? 'L' : 'G'}|${face}|${pixelSize}`;
    let t = this.tables.get(key);
    if (t === undefined) {
      t = new GlyphTable(this, face, pixelSize);
      this.tables.set(key, t);
    }
    return t;
  }

  /** Uploads pages that received glyphs since the last frame. */
  flush(): void {
    this.gray.flush(this.partialUploads);
    this.lcd.flush(this.partialUploads);
  }

  /** @internal Rasterizes a glyph not drawn before (GlyphTable). */
  rasterize(face: FaceKey, pixelSize: number, text: string, fx: number, fy: number): Glyph | null {
    const notdef = text === NOTDEF;
    const font = notdef ? '' : cssFont(face, pixelSize, text);
    const k = pixelSize / 2048;
    const box = notdef
      ? {
          left: 0,
          right: Math.ceil(NOTDEF_OUTER[2] * k) + 1,
          ascent: Math.ceil(NOTDEF_OUTER[3] * k) + 1,
          descent: Math.ceil(-NOTDEF_OUTER[1] * k) + 1,
        }
      : this.inkBox(font, text);
    if (box === null) return null; // blank (a space)
    const { left, right, ascent, descent } = box;
    const w = left + right + 2 * PAD;
    const h = ascent + descent + 2 * PAD;
    const ox = PAD + left;
    const oy = PAD + ascent;
    if (this.subpixel && !notdef) return this.rasterizeLcd(font, text, w, h, ox, oy, fx, fy);
    const { page, x, y } = this.gray.place(w, h);
    const ctx = page.ctx;
    ctx.fillStyle = '#fff';
    if (notdef) {
      // y up in the font, down in the canvas: the frame's even-odd fill leaves the hole empty
      const px = x + ox + fx;
      const py = y + oy + fy;
      ctx.beginPath();
      for (const [x0, y0, x1, y1] of [NOTDEF_OUTER, NOTDEF_INNER])
        ctx.rect(px + x0 * k, py - y1 * k, (x1 - x0) * k, (y1 - y0) * k);
      ctx.fill('evenodd');
    } else {
      ctx.font = font;
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(text, x + ox + fx, y + oy + fy);
    }
    return {
      texture: new Texture({ source: page.source, frame: new Rectangle(x, y, w, h) }),
      dx: -ox,
      dy: -oy,
      subpixel: false,
    };
  }

  private inkBox(font: string, text: string): InkBox | null {
    const key = `${font}|${text}`;
    let box = this.inkBoxes.get(key);
    if (box === undefined) {
      this.measurer ??= document.createElement('canvas').getContext('2d')!;
      const measure = this.measurer;
      measure.font = font;
      const m = measure.measureText(text);
      const left = Math.ceil(m.actualBoundingBoxLeft) + 1;
      const right = Math.ceil(m.actualBoundingBoxRight) + 1;
      const ascent = Math.ceil(m.actualBoundingBoxAscent) + 1;
      const descent = Math.ceil(m.actualBoundingBoxDescent) + 1;
      box = left + right <= 2 || ascent + descent <= 2 ? null : { left, right, ascent, descent };
      this.inkBoxes.set(key, box);
    }
    return box;
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
        // Subpixel s of pixel col sits at sample 3*col + s + 1 (one sample of left margin);
        // a sample's coverage is the alpha of its canvas pixel.
        const a = (base + 3 * col) * 4 + 3;
        const s0 = src[a]!;
        const s1 = src[a + 4]!;
        const s2 = src[a + 8]!;
        const s3 = src[a + 12]!;
        const s4 = src[a + 16]!;
        const r = LCD_LEVEL[s0 + s1 + s2]!;
        const g = LCD_LEVEL[s1 + s2 + s3]!;
        const b = LCD_LEVEL[s2 + s3 + s4]!;
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

/** The glyphs of one face and pixel size, by cluster text and subpixel offset. */
export class GlyphTable {
  /** Per cluster text: the glyph at each of the SUBPIXEL_STEPS x SUBPIXEL_STEPS offsets (undefined: not drawn yet). */
  private readonly byText = new Map<string, Array<Glyph | null | undefined>>();

  constructor(
    private readonly atlas: GlyphAtlas,
    private readonly face: FaceKey,
    private readonly pixelSize: number,
  ) {}

  /** The glyph for `text` (one cluster), for a pen at fractional offset (fx, fy). */
  glyph(text: string, fx: number, fy: number): Glyph | null {
    const sx = Math.round(fx * SUBPIXEL_STEPS) % SUBPIXEL_STEPS;
    const sy = Math.round(fy * SUBPIXEL_STEPS) % SUBPIXEL_STEPS;
    let variants = this.byText.get(text);
    if (variants === undefined) {
      variants = new Array(SUBPIXEL_STEPS * SUBPIXEL_STEPS);
      this.byText.set(text, variants);
    }
    const i = sy * SUBPIXEL_STEPS + sx;
    let g = variants[i];
    if (g === undefined) {
      g = this.atlas.rasterize(this.face, this.pixelSize, text, sx / SUBPIXEL_STEPS, sy / SUBPIXEL_STEPS);
      variants[i] = g;
    }
    return g;
  }
}

/** One atlas for the page. */
export const atlas = new GlyphAtlas();
