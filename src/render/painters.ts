// What each item type draws: the item's own content, placed by the renderer
// between its negative-z children and the others.
import {
  type BLEND_MODES,
  CanvasSource,
  Container,
  ImageSource as ImageTextureSource,
  Rectangle as PixiRectangle,
  Sprite,
  Texture,
} from 'pixi.js';
import type { MetaObject } from '../engine/qobject';
import type { QColor } from '../engine/valuetypes';
import { parseColor } from '../engine/valuetypes';
import type { Canvas, CanvasPaintState } from '../quick/items/Canvas';
import { canvasSurfaces } from '../quick/items/canvas-surface';
import type { BorderImage, BorderImagePaintState, Image, ImagePaintState } from '../quick/items/Image';
import type { Item } from '../quick/items/Item';
import type { Rectangle, RectanglePaintState } from '../quick/items/Rectangle';
import { TEXT, type Text } from '../quick/items/Text';
import type { TextInput } from '../quick/items/TextInput';
import { FontMetrics, type ResolvedFont, type TextLayoutResult } from '../quick/text';
import { cssFont, loadSubsets, missingSubsets } from './fonts';
import { atlas, NOTDEF, SUBPIXEL_STEPS } from './glyph-atlas';
import { GlyphNode } from './glyph-node';
import { RectangleNode } from './rectangle-node';
import { SolidRects } from './solid-rects';

export interface Painter {
  readonly content: Container;
  /** Redraws from the item's current state. */
  update(item: Item, dirtyBits: number): void;
  /**
   * For painters that may draw only the part of the item inside the window:
   * true when the item has moved in the window (or the window was resized)
   * since, so the renderer redraws it; null when everything was drawn.
   */
  viewStale?(item: Item): boolean | null;
  destroy(): void;
}

type Factory = (item: Item) => Painter;
const factories = new Map<string, Factory>();

/** Registers the painter of a built-in type (by its QML name: `Rectangle`, `Text`). */
export function registerPainter(typeName: string, factory: Factory): void {
  factories.set(typeName, factory);
}

/** The kind of painter an item type needs, by type (null: the type draws nothing itself). */
const kinds = new Map<MetaObject, string | null>();

/**
 * The name of the painter an item needs: its nearest built-in type that has
 * one, or null. Painters of one kind are interchangeable, so the renderer
 * keeps those of removed items for the next item of that kind.
 */
export function painterKind(item: Item): string | null {
  const meta = item.$meta;
  let kind = kinds.get(meta);
  if (kind === undefined) {
    kind = null;
    for (let m: MetaObject | null = meta; m !== null; m = m.base) {
      if (!m.isDerived && factories.has(m.name)) {
        kind = m.name;
        break;
      }
    }
    kinds.set(meta, kind);
  }
  return kind;
}

/** A new painter of `kind` (a name painterKind returned). */
export function createPainter(kind: string, item: Item): Painter {
  return factories.get(kind)!(item);
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

/** The blend mode of subpixel glyphs of one color, by color (0xRRGGBB). */
const lcdBlends = new Map<number, BLEND_MODES>();
/** The text color (0xRRGGBB) of each subpixel glyph blend mode: the renderer's blend constant for it. */
export const lcdBlendColors = new Map<string, number>();

/**
 * The blend mode subpixel (LCD) glyphs of color `rgb` are drawn with. The
 * renderer gives it the blend (CONSTANT_COLOR, ONE_MINUS_SRC_COLOR) with the
 * color as blend constant: a glyph quad gives each channel's coverage times
 * the opacity, so dst = color * coverage + dst * (1 - coverage) per channel,
 * in one pass, as Qt's scene graph draws 24-bit text masks. The color is part
 * of the blend mode, so texts of one color are drawn in one batch, and texts
 * of different colors break it as their materials do in Qt.
 */
export function lcdBlend(rgb: number): BLEND_MODES {
  let mode = lcdBlends.get(rgb);
  if (mode === undefined) {
    mode = `qw-lcd-${rgb}` as BLEND_MODES;
    lcdBlends.set(rgb, mode);
    lcdBlendColors.set(mode, rgb);
  }
  return mode;
}

/**
 * Draws glyph runs from the shared atlas as one glyph node (glyph-node.ts),
 * a quad per glyph, in the order given. A subpixel glyph's quad is white and
 * blended with its run's color as the blend constant (lcdBlend); a grayscale
 * glyph's quad is tinted with the color.
 */
export class GlyphLayer {
  readonly container = new Container();
  private readonly node = new GlyphNode();
  /** Scratch: the glyphs placed, in draw order: texture, x, y, tint, alpha, and the color (0xRRGGBB) of a subpixel glyph or -1, of each. */
  private placed: Array<Texture | number> = [];
  /** Glyphs the last draw placed (tests: long lines draw only what the window shows). */
  drawn = 0;

  constructor() {
    this.container.addChild(this.node);
  }

  /** Draws the runs; returns false if a font is still loading (`retry` is then called when it is). */
  draw(runs: readonly GlyphRun[], retry: () => void): boolean {
    const placed = this.placed;
    placed.length = 0;
    const waits: Promise<void>[] = [];
    for (const run of runs) {
      const face = run.font.face;
      const table = atlas.table(face, run.font.metrics.ppem);
      const { color, alpha } = pixiColor(run.color);
      const tint = bgr(color);
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
        const glyph = table.glyph(g.text, qx - ix, qy - iy);
        if (glyph === null) continue;
        placed.push(glyph.texture, ix + glyph.dx, iy + glyph.dy, tint, alpha, glyph.subpixel ? color : -1);
      }
      if (missing !== 0) waits.push(loadSubsets(face, missing));
    }
    const n = placed.length / G;
    this.drawn = n;
    const node = this.node;
    for (let i = 0, j = 0; i < placed.length; i += G, j++) {
      const q = node.quad(j);
      q.place(placed[i] as Texture, placed[i + 1] as number, placed[i + 2] as number);
      const lcd = placed[i + 5] as number;
      if (lcd === -1) node.setLook(q, placed[i + 3] as number, placed[i + 4] as number, 'normal');
      else node.setLook(q, 0xffffff, placed[i + 4] as number, lcdBlend(lcd));
    }
    node.finish(n);
    atlas.flush();
    if (waits.length === 0) return true;
    void Promise.all(waits).then(retry);
    return false;
  }

  destroy(): void {
    this.container.destroy({ children: true });
  }
}

/** Entries per glyph in GlyphLayer's scratch list. */
const G = 6;

/** PixiJS keeps a container's tint as 0xBBGGRR. */
function bgr(rgb: number): number {
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
}

/** The glyph runs of a text layout: one per style run (own font and color) for styled text. */
export function runsOfLayout(
  layout: TextLayoutResult,
  font: ResolvedFont,
  color: QColor,
  dx: number,
  dy: number,
  /** Only the glyphs drawn in [from, to) (item coordinates). */
  span?: { from: number; to: number },
): GlyphRun[] {
  const styles = layout.styleRuns;
  const runs: GlyphRun[] = styles
    ? styles.map((r) => ({ font: r.font, color: (r.color && parseColor(r.color)) || color, glyphs: [] }))
    : [{ font, color, glyphs: [] }];
  for (const line of layout.lines) {
    const baseline = line.baseline + dy;
    const glyphs = span ? line.glyphsIn(span.from - dx, span.to - dx) : line.glyphs;
    for (const g of glyphs) {
      const run = runs[g.run] ?? runs[0]!;
      run.glyphs.push({ text: glyphText(g), x: g.x + dx, baseline });
    }
  }
  return runs;
}

function glyphText(g: { codePoint: number; text: string }): string {
  return g.codePoint > 0 ? String.fromCodePoint(g.codePoint) : g.codePoint < 0 ? NOTDEF : g.text;
}

// ---- Rectangle ------------------------------------------------------------------------

/** Draws a Rectangle as Qt's scene graph does (rectangle-node.ts); geometry is remade only when its paint state changes. */
class RectanglePainter implements Painter {
  readonly content = new RectangleNode();
  private state: RectanglePaintState | null = null;

  update(item: Item): void {
    const s = (item as Rectangle).paintState();
    if (s === this.state) return;
    this.state = s;
    this.content.setInput(
      s.visible
        ? {
            width: s.width,
            height: s.height,
            color: s.color,
            stops: s.gradient ?? [],
            vertical: s.gradientVertical,
            radius: s.radius,
            borderWidth: s.borderWidth,
            borderColor: s.borderColor,
            antialiasing: s.antialiasing,
          }
        : null,
    );
  }

  destroy(): void {
    this.content.destroy();
  }
}

registerPainter('Rectangle', () => new RectanglePainter());

// ---- Image --------------------------------------------------------------------------------

/** One texture source per picture and smoothing (the picture is uploaded once however many Images show it). */
const imageSources = new WeakMap<object, { linear?: ImageTextureSource; nearest?: ImageTextureSource }>();

function imageSourceFor(bitmap: object, smooth: boolean): ImageTextureSource {
  let entry = imageSources.get(bitmap);
  if (entry === undefined) {
    entry = {};
    imageSources.set(bitmap, entry);
  }
  const key = smooth ? 'linear' : 'nearest';
  let source = entry[key];
  if (source === undefined) {
    source = new ImageTextureSource({ resource: bitmap as ImageBitmap, scaleMode: key });
    entry[key] = source;
  }
  return source;
}

/**
 * Draws an Image or a BorderImage: pieces of the picture into rectangles of
 * the item, one sprite each (an Image's part of the picture, repeated for
 * the Tile modes; a BorderImage's nine pieces and their tiles), mirrored
 * around the drawn rectangle's centre.
 */
class ImagePainter implements Painter {
  readonly content = new Container();
  private readonly sprites: Sprite[] = [];
  private state: ImagePaintState | BorderImagePaintState | null = null;

  update(item: Item): void {
    const s = (item as Image | BorderImage).paintState();
    const old = this.state;
    if (old !== null && s !== null && samePaint(old, s)) return;
    this.state = s;
    let used = 0;
    if (s !== null && s.bitmap !== undefined) {
      const source = imageSourceFor(s.bitmap as object, s.smooth);
      const box = 'pieces' in s ? { x: 0, y: 0, width: s.width, height: s.height } : s.target;
      const pieces = 'pieces' in s ? s.pieces : imagePieces(s);
      // (the frames in the bitmap's pixels: sourceSize decodes smaller than the bitmap the page holds)
      const kx = s.bitmapWidth / s.pixWidth;
      const ky = s.bitmapHeight / s.pixHeight;
      for (let i = 0; i < pieces.length; i += 8) {
        const sprite = this.sprite(used++);
        const p = (k: number) => pieces[i + k]!;
        sprite.texture = new Texture({
          source,
          frame: new PixiRectangle(p(0) * kx, p(1) * ky, p(2) * kx, p(3) * ky),
        });
        sprite.x = p(4);
        sprite.y = p(5);
        sprite.width = p(6);
        sprite.height = p(7);
      }
      const c = this.content;
      c.scale.set(s.mirror ? -1 : 1, s.mirrorVertically ? -1 : 1);
      c.position.set(s.mirror ? 2 * box.x + box.width : 0, s.mirrorVertically ? 2 * box.y + box.height : 0);
    }
    for (let i = used; i < this.sprites.length; i++) this.sprites[i]!.visible = false;
  }

  private sprite(i: number): Sprite {
    let sprite = this.sprites[i];
    if (sprite === undefined) {
      sprite = new Sprite();
      this.sprites.push(sprite);
      this.content.addChild(sprite);
    }
    sprite.visible = true;
    // (the frame made for its last draw; the picture's source stays)
    if (sprite.texture !== Texture.EMPTY) sprite.texture.destroy(false);
    return sprite;
  }

  destroy(): void {
    // (the frames made for it; the pictures' sources stay for other Images)
    for (const sprite of this.sprites) if (sprite.texture !== Texture.EMPTY) sprite.texture.destroy(false);
    this.content.destroy({ children: true });
  }
}

/** An Image's part of the picture into its target, repeated for the Tile modes, as BorderImagePaintState's pieces. */
function imagePieces(s: ImagePaintState): number[] {
  const { target: t, source: r } = s;
  const sx = t.width / r.width;
  const sy = t.height / r.height;
  // the picture's repetitions that the source rectangle covers (one when not repeated)
  const tilesX = s.repeatX ? tileSpans(r.x, r.width, s.pixWidth) : [[r.x, r.width, 0]];
  const tilesY = s.repeatY ? tileSpans(r.y, r.height, s.pixHeight) : [[r.y, r.height, 0]];
  const pieces: number[] = [];
  for (const [fy, fh, oy] of tilesY)
    for (const [fx, fw, ox] of tilesX)
      pieces.push(fx!, fy!, fw!, fh!, t.x + ox! * sx, t.y + oy! * sy, fw! * sx, fh! * sy);
  return pieces;
}

/** The pieces of a repeated picture of size `size` that cover [from, from + length): [start in the picture, length, offset]. */
function tileSpans(from: number, length: number, size: number): number[][] {
  const spans: number[][] = [];
  let pos = from;
  const end = from + length;
  while (pos < end && spans.length < 4096) {
    const inPic = ((pos % size) + size) % size;
    const len = Math.min(size - inPic, end - pos);
    spans.push([inPic, len, pos - from]);
    pos += len;
  }
  return spans;
}

function samePaint(
  a: ImagePaintState | BorderImagePaintState,
  b: ImagePaintState | BorderImagePaintState,
): boolean {
  if (
    a.bitmap !== b.bitmap ||
    a.smooth !== b.smooth ||
    a.mirror !== b.mirror ||
    a.mirrorVertically !== b.mirrorVertically
  )
    return false;
  if ('pieces' in a || 'pieces' in b) {
    if (!('pieces' in a && 'pieces' in b) || a.width !== b.width || a.height !== b.height) return false;
    return a.pieces.length === b.pieces.length && a.pieces.every((v, i) => v === b.pieces[i]);
  }
  return (
    a.repeatX === b.repeatX &&
    a.repeatY === b.repeatY &&
    a.target.x === b.target.x &&
    a.target.y === b.target.y &&
    a.target.width === b.target.width &&
    a.target.height === b.target.height &&
    a.source.x === b.source.x &&
    a.source.y === b.source.y &&
    a.source.width === b.source.width &&
    a.source.height === b.source.height
  );
}

registerPainter('Image', () => new ImagePainter());
registerPainter('BorderImage', () => new ImagePainter());

// ---- Canvas ------------------------------------------------------------------------------

/** Draws a Canvas: its canvas window's part of the <canvas> it painted, uploaded when its pixels change. */
class CanvasPainter implements Painter {
  readonly content = new Container();
  private readonly sprite = new Sprite();
  private source: CanvasSource | null = null;
  private version = -1;

  constructor() {
    this.content.addChild(this.sprite);
  }

  update(item: Item): void {
    const s = (item as Canvas).paintState() as
      | (CanvasPaintState & { offsetX?: number; offsetY?: number })
      | null;
    this.sprite.visible = s !== null;
    if (s === null) return;
    const el = s.surface;
    let source = this.source;
    const scaleMode = s.smooth ? 'linear' : 'nearest';
    if (
      source === null ||
      source.resource !== el ||
      source.pixelWidth !== el.width ||
      source.pixelHeight !== el.height
    ) {
      source?.destroy();
      source = new CanvasSource({ resource: el, scaleMode });
      this.source = source;
    } else if (this.version !== s.version) source.update();
    this.version = s.version;
    source.scaleMode = scaleMode;
    const w = s.window;
    const x = Math.min(Math.max(w.x, 0), el.width);
    const y = Math.min(Math.max(w.y, 0), el.height);
    const fw = Math.min(w.x + w.width, el.width) - x;
    const fh = Math.min(w.y + w.height, el.height) - y;
    if (this.sprite.texture !== Texture.EMPTY) this.sprite.texture.destroy(false);
    this.sprite.texture = Texture.EMPTY;
    if (!(fw > 0 && fh > 0)) {
      this.sprite.visible = false;
      return;
    }
    this.sprite.texture = new Texture({ source, frame: new PixiRectangle(x, y, fw, fh) });
    // (a Shape's surface starts where its paths do, which may be left of or above the item)
    this.sprite.position.set(x - w.x + (s.offsetX ?? 0), y - w.y + (s.offsetY ?? 0));
  }

  destroy(): void {
    if (this.sprite.texture !== Texture.EMPTY) this.sprite.texture.destroy(false);
    this.source?.destroy();
    this.content.destroy({ children: true });
  }
}

registerPainter('Canvas', () => new CanvasPainter());
// (a Shape draws its paths on a surface as a Canvas does)
registerPainter('Shape', () => new CanvasPainter());

canvasSurfaces.provider = {
  create(width, height) {
    const c = document.createElement('canvas');
    c.width = width;
    c.height = height;
    return c;
  },
  cssFont,
  fontReady(face, text) {
    const missing = missingSubsets(face, text);
    return missing === 0 ? null : loadSubsets(face, missing);
  },
  imageData: (data, width, height) => new ImageData(new Uint8ClampedArray(data), width, height),
};

// ---- Text --------------------------------------------------------------------------------

/** Lines longer than this (in characters) are drawn only where the window shows them. */
const CULLED_LINE_LENGTH = 2000;
/** Glyphs drawn beyond the window's edges, in pixels (a glyph's ink can reach past its origin). */
const CULL_MARGIN = 64;

/**
 * The part of a text item the window can show, in item coordinates, for a
 * text with very long lines; undefined when everything is drawn (short
 * lines, no window, or a transformed ancestor that makes the mapping more
 * than a translation).
 */
function visibleSpan(
  item: Item,
  layout: TextLayoutResult,
): { from: number; to: number; sceneX: number; windowWidth: number } | undefined {
  if (!layout.lines.some((l) => l.length > CULLED_LINE_LENGTH)) return undefined;
  const window = item.window;
  if (!window) return undefined;
  for (let i: Item | null = item; i !== null; i = i.parentItem) if (i.transformed) return undefined;
  const sceneX = item.scenePosition().x;
  const windowWidth = window.width;
  return { from: -sceneX - CULL_MARGIN, to: windowWidth - sceneX + CULL_MARGIN, sceneX, windowWidth };
}

const NO_DECORATION = { underline: false, strikeout: false };

class TextPainter implements Painter {
  readonly glyphs = new GlyphLayer();
  readonly content = this.glyphs.container;
  private decorations: SolidRects | null = null;
  /** Where the item was when only its visible part was drawn. */
  private drawnAt: { sceneX: number; windowWidth: number } | null = null;

  update(item: Item): void {
    const t = item as unknown as Text;
    const layout = t.textLayout;
    this.drawnAt = null;
    if (!layout) {
      this.glyphs.draw([], () => {});
      return;
    }
    const color = (t as unknown as { color: QColor }).color;
    // Qt draws a long line past the item (a Text does not clip); only the
    // part inside the window can be seen, and a 1 MiB line would otherwise
    // take a million glyph quads.
    const span = visibleSpan(item, layout);
    if (span) this.drawnAt = { sceneX: span.sceneX, windowWidth: span.windowWidth };
    const runs = runsOfLayout(
      layout,
      layout.scaledFont ?? t.resolvedFont,
      color,
      t.contentOriginX,
      t.contentOriginY,
      span,
    );
    this.glyphs.draw(runs, () => item.markDirty(4));
    this.drawDecorations(t, layout, color);
  }

  viewStale(item: Item): boolean | null {
    const at = this.drawnAt;
    if (at === null) return null;
    return item.scenePosition().x !== at.sceneX || item.window?.width !== at.windowWidth;
  }

  /** Underline and strike-out of styled text and of `font.underline` / `font.strikeout`. */
  private drawDecorations(t: Text, layout: TextLayoutResult, color: QColor): void {
    const font = layout.scaledFont ?? t.resolvedFont;
    // The font group is read only where it exists (reading `font` would make one).
    const spec = (t.$v[TEXT.font] as { underline?: boolean; strikeout?: boolean } | null) ?? NO_DECORATION;
    const styles = layout.styleRuns;
    const wanted = spec.underline || spec.strikeout || styles?.some((r) => r.underline || r.strikeout);
    if (!wanted) {
      this.decorations?.clear();
      return;
    }
    if (!this.decorations) {
      this.decorations = new SolidRects();
      this.content.addChild(this.decorations.container);
    }
    const g = this.decorations.clear();
    for (const line of layout.lines) {
      // The first glyph names the line's style run.
      const glyphs = line.glyphsIn(Number.NEGATIVE_INFINITY, line.x + 0.5);
      if (glyphs.length === 0) continue;
      const x0 = line.x + t.contentOriginX;
      const y = line.baseline + t.contentOriginY;
      const run = styles?.[glyphs[0]!.run];
      const underline = spec.underline || run?.underline;
      const strike = spec.strikeout || run?.strikeout;
      const w = line.naturalWidth;
      const fill = pixiColor(color);
      const thickness = Math.max(1, Math.round(font.metrics.ppem / 14));
      if (underline) g.rect(x0, Math.round(y + 1), w, thickness, fill);
      if (strike) g.rect(x0, Math.round(y - font.metrics.ppem * 0.3), w, thickness, fill);
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
  private readonly selection = new SolidRects();
  private readonly glyphs = new GlyphLayer();
  private readonly preedit = new SolidRects();

  constructor() {
    this.content.addChild(this.selection.container, this.glyphs.container, this.preedit.container);
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
    // Qt draws it with or without focus (losing focus deselects unless
    // persistentSelection; a selection made without focus shows).
    const s0 = t.selectionStart;
    const s1 = t.selectionEnd;
    const hasSelection = s1 > s0;
    let x0 = 0;
    let x1 = 0;
    if (hasSelection) {
      x0 = m.cursorToX(s0) + dx;
      x1 = m.cursorToX(s1) + dx;
      this.selection.rect(
        x0,
        (pad.topPadding ?? 0) - t.scrollY,
        x1 - x0,
        m.contentHeight,
        pixiColor(t.selectionColor),
      );
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
      this.preedit.rect(px0, Math.round(baseline + 1), px1 - px0, 1, pixiColor(t.color));
    }
  }

  destroy(): void {
    this.glyphs.destroy();
    this.content.destroy({ children: true });
  }
}
registerPainter('TextInput', () => new TextInputPainter());
