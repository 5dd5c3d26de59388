// Canvas (QQuickCanvasItem): an item the scene paints with the HTML canvas
// API. requestPaint() or markDirty() asks for the `paint` signal at the next
// polish, where the handler draws through getContext("2d"); what it drew
// becomes the item's texture (Qt's Image render target, Immediate strategy).
// The item becomes `available` once its window's scene graph is up: the first
// round of the event loop after the item enters a window.
import type { ImageSource, LoadedImage } from '../../engine/images';
import { defineType, type MetaObject, qmlWarning } from '../../engine/qobject';
import { QRect, QSize } from '../../engine/valuetypes';
import type { QuickWindow } from '../window';
import { canvasSurfaces } from './canvas-surface';
import { Context2D } from './context2d';
import { Change, Dirty, Item, ItemMeta } from './Item';
import { IntSize } from './int-size';

/** A QRect (whole numbers): the region `paint` is given. */
class IntRect extends QRect {
  override $clone(): IntRect {
    return new IntRect(this.x, this.y, this.width, this.height);
  }
  override toString(): string {
    return `QRect(${this.x}, ${this.y}, ${this.width}, ${this.height})`;
  }
  // (QRect's right and bottom are its last pixel's)
  override get right(): number {
    return this.x + this.width - 1;
  }
  override get bottom(): number {
    return this.y + this.height - 1;
  }
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** QRectF::operator|: the smallest box holding both (an empty one adds nothing). */
function unite(a: Box | null, b: Box): Box | null {
  if (!(b.w > 0 && b.h > 0)) return a;
  if (a === null) return { ...b };
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/** The tiles of `tile` size covering a box (Qt's tiledRect): from the tile holding its top left corner. */
function tiledRect(left: number, top: number, right: number, bottom: number, tile: IntSize): IntRect {
  const tw = tile.width;
  const th = tile.height;
  if (!(right > left && bottom > top)) return new IntRect(0, 0, 0, 0);
  if (!(tw > 0 && th > 0)) {
    const x = Math.floor(left);
    const y = Math.floor(top);
    return new IntRect(x, y, Math.ceil(right) - x, Math.ceil(bottom) - y);
  }
  const h1 = Math.trunc(left / tw);
  const v1 = Math.trunc(top / th);
  const htiles = Math.trunc((right - h1 * tw + tw - 1) / tw);
  const vtiles = Math.trunc((bottom - v1 * th + th - 1) / th);
  return new IntRect(h1 * tw, v1 * th, htiles * tw, vtiles * th);
}

/** What the renderer draws for a Canvas: the canvas window's part of the surface. */
export interface CanvasPaintState {
  readonly surface: HTMLCanvasElement;
  /** Bumped each time the surface's pixels change. */
  readonly version: number;
  readonly window: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
  readonly smooth: boolean;
}

enum RenderTarget {
  Image = 0,
  FramebufferObject = 1,
}

enum RenderStrategy {
  Immediate = 0,
  Threaded = 1,
  Cooperative = 2,
}

/** Windows whose scene graph is up, and the canvases waiting for theirs. */
const readyWindows = new WeakSet<QuickWindow>();
const waiting = new WeakMap<QuickWindow, Canvas[]>();

interface Picture {
  state: 'loading' | 'loaded' | 'error';
  bitmap?: CanvasImageSource;
}

export class Canvas extends Item {
  private available = false;
  private context2d: Context2D | null = null;
  private hasCanvasSize = false;
  private hasTileSize = false;
  private hasCanvasWindow = false;
  private dirtyRect: Box | null = null;
  private readonly callbacks = new Map<number, (t: number) => void>();
  private surfaceElement: HTMLCanvasElement | null = null;
  private surfaceVersion = 0;
  /** The context was made since the last flush (its first texture counts as painted). */
  private freshContext = false;
  private readonly pictures = new Map<string, Picture>();

  protected override sceneChanged(): void {
    const w = this.window;
    if (this.available) {
      if (w !== null) this.requestPaint();
      return;
    }
    if (w === null || this.$engine === null) return;
    if (readyWindows.has(w)) {
      this.sceneGraphInitialized();
      return;
    }
    let list = waiting.get(w);
    if (list === undefined) {
      list = [];
      waiting.set(w, list);
      this.$engine.setTimer(() => {
        readyWindows.add(w);
        const canvases = waiting.get(w) ?? [];
        waiting.delete(w);
        for (const c of canvases)
          if (c.window === w && !c.available && !c.$destroyed) c.sceneGraphInitialized();
      }, 0);
    }
    list.push(this);
  }

  /** QQuickCanvasItem::sceneGraphInitialized: available at once, announced (and the first paint asked for) a moment later. */
  private sceneGraphInitialized(): void {
    this.available = true;
    this.$v[CANVAS.available] = true;
    const engine = this.$engine!;
    engine.setTimer(() => {
      if (!this.$destroyed) this.$emit(CANVAS.availableChanged, undefined);
    }, 0);
    const type = this.$v[CANVAS.contextType] as string;
    engine.setTimer(() => {
      if (this.$destroyed) return;
      // (QQuickCanvasItem::delayedCreate)
      if (type !== '' && this.context2d === null) this.createContext(type);
      this.requestPaint();
    }, 0);
  }

  override geometryChanged(change: Change, old: number): void {
    super.geometryChanged(change, old);
    const w = this.$v[CANVAS_ITEM.width] as number;
    const h = this.$v[CANVAS_ITEM.height] as number;
    const v = this.$v;
    const size = v[CANVAS.canvasSize] as QSize;
    if (!this.hasCanvasSize && (size.width !== w || size.height !== h))
      this.$store(CANVAS.canvasSize, new QSize(w, h));
    const tile = v[CANVAS.tileSize] as IntSize;
    if (!this.hasTileSize && (tile.width !== Math.round(w) || tile.height !== Math.round(h)))
      this.$store(CANVAS.tileSize, new IntSize(Math.round(w), Math.round(h)));
    const win = v[CANVAS.canvasWindow] as QRect;
    if (!this.hasCanvasWindow && (win.x !== 0 || win.y !== 0 || win.width !== w || win.height !== h))
      this.$store(CANVAS.canvasWindow, new QRect(0, 0, w, h));
    if (this.available && (change & (Change.Width | Change.Height)) !== 0 && this.effectiveVisible)
      this.requestPaint();
  }

  // (set to the value they have, they go on following the item, as in Qt)

  setCanvasSize(v: QSize): void {
    if (!this.$store(CANVAS.canvasSize, v)) return;
    this.hasCanvasSize = true;
    if (this.context2d !== null) this.polish();
  }

  setTileSize(v: IntSize): void {
    if (!this.$store(CANVAS.tileSize, v)) return;
    this.hasTileSize = true;
    if (this.context2d !== null) this.polish();
  }

  setCanvasWindow(v: QRect): void {
    if (!this.$store(CANVAS.canvasWindow, v)) return;
    this.hasCanvasWindow = true;
    if (this.context2d !== null) this.polish();
  }

  setContextType(type: string): void {
    if (type.toLowerCase() === (this.$v[CANVAS.contextType] as string).toLowerCase()) return;
    if (this.context2d !== null) {
      qmlWarning(this, 'Canvas already initialized with a different context type');
      return;
    }
    this.$v[CANVAS.contextType] = type;
    if (this.available) this.createContext(type);
    this.$emit(CANVAS.contextTypeChanged, undefined);
  }

  setRenderTarget(v: number): void {
    if (v === this.$v[CANVAS.renderTarget]) return;
    if (this.context2d !== null) {
      qmlWarning(this, 'Canvas:renderTarget not changeble once context is active.');
      return;
    }
    this.$store(CANVAS.renderTarget, v);
  }

  setRenderStrategy(v: number): void {
    if (v === this.$v[CANVAS.renderStrategy]) return;
    if (this.context2d !== null) {
      qmlWarning(this, 'Canvas:renderStrategy not changeable once context is active.');
      return;
    }
    this.$store(CANVAS.renderStrategy, v);
  }

  private createContext(type: string): boolean {
    // (a context of another name, "2D" included, is not made; an existing one answers to any case)
    if (this.window === null || type !== '2d') return false;
    if (this.$v[CANVAS.contextType] !== '2d') {
      this.$v[CANVAS.contextType] = '2d';
      this.$emit(CANVAS.contextTypeChanged, undefined);
    }
    this.context2d = new Context2D({
      item: this,
      surface: () => this.canvasSurface(),
      loadedPicture: (url) => this.loadedPicture(url),
      requestPaint: () => this.requestPaint(),
      warn: (m) => this.$engine?.sink.warn(m),
    });
    this.freshContext = true;
    this.$v[CANVAS.context] = this.context2d;
    this.$emit(CANVAS.contextChanged, undefined);
    return true;
  }

  // ---- QML methods ------------------------------------------------------------------------------

  getContext(id?: unknown): Context2D | null {
    if (typeof id !== 'string') {
      qmlWarning(this, 'getContext should be called with a string naming the required context type');
      return null;
    }
    if (!this.available) {
      qmlWarning(this, 'Unable to use getContext() at this time, please wait for available: true');
      return null;
    }
    if (this.context2d !== null) {
      if (id.toLowerCase() === '2d') return this.context2d;
      qmlWarning(this, 'Canvas already initialized with a different context type');
      return null;
    }
    return this.createContext(id) ? this.context2d : null;
  }

  requestAnimationFrame(callback?: unknown): number | null {
    if (typeof callback !== 'function') {
      qmlWarning(this, 'requestAnimationFrame should be called with an animation callback function');
      return null;
    }
    // (Qt counts them in one process-wide counter: here, one per engine)
    const engine = this.$engine ?? this;
    const id = (animationFrameIds.get(engine) ?? 0) + 1;
    animationFrameIds.set(engine, id);
    this.callbacks.set(id, callback as (t: number) => void);
    if (this.effectiveVisible) this.polish();
    return id;
  }

  /** Frame callbacks asked for while hidden run once the item is shown (QQuickCanvasItem::checkAnimationCallbacks). */
  override updateEffectiveVisible(): boolean {
    const changed = super.updateEffectiveVisible();
    if (changed && this.effectiveVisible && this.callbacks.size > 0) this.polish();
    return changed;
  }

  cancelRequestAnimationFrame(id?: unknown): void {
    if (typeof id !== 'number' || !Number.isInteger(id)) {
      qmlWarning(this, 'cancelRequestAnimationFrame should be called with an animation callback id');
      return;
    }
    this.callbacks.delete(id);
  }

  requestPaint(): void {
    const w = this.$v[CANVAS.canvasWindow] as QRect;
    this.markDirty2({ x: w.x, y: w.y, w: w.width, h: w.height });
  }

  /**
   * QML's markDirty(rect): the area is painted again at the next polish.
   * (The renderer's markDirty(bits), which the item inherits, takes a number.)
   */
  override markDirty(bits: Dirty | QRect): void {
    if (typeof bits === 'number') {
      super.markDirty(bits);
      return;
    }
    const r = bits as { x?: unknown; y?: unknown; width?: unknown; height?: unknown } | null | undefined;
    this.markDirty2({
      x: Number(r?.x) || 0,
      y: Number(r?.y) || 0,
      w: Number(r?.width) || 0,
      h: Number(r?.height) || 0,
    });
  }

  private markDirty2(box: Box): void {
    if (!this.available) return;
    this.dirtyRect = unite(this.dirtyRect, box);
    this.polish();
  }

  /** Saving to a file: the page has no file system to write to. */
  save(_filename?: unknown): boolean {
    return false;
  }

  toDataURL(mimeType?: unknown): string {
    const s = this.surfaceElement;
    if (s === null || s.width === 0 || s.height === 0) return 'data:,';
    return s.toDataURL(typeof mimeType === 'string' && mimeType !== '' ? mimeType : 'image/png');
  }

  loadImage(url?: unknown): void {
    const key = this.urlFromDeclaration(String(url));
    if (this.pictures.has(key)) return;
    const picture: Picture = { state: 'loading' };
    this.pictures.set(key, picture);
    const images = (this.$engine as { images?: ImageSource | null } | null)?.images ?? null;
    // (Qt reads asynchronously: imageLoaded comes after the call returns, for a failure too)
    const done = (image: LoadedImage | null) => {
      if (this.pictures.get(key) !== picture) return;
      if (image === null) picture.state = 'error';
      else {
        picture.state = 'loaded';
        picture.bitmap = image.bitmap as CanvasImageSource | undefined;
      }
      if (!this.$destroyed) this.$emit(CANVAS.imageLoaded, undefined);
    };
    let result: LoadedImage | Promise<LoadedImage>;
    try {
      if (images === null) throw new Error(`Cannot open: ${key}`);
      result = images.load(key);
    } catch (e) {
      result = Promise.reject(e);
    }
    void Promise.resolve(result).then(done, () => done(null));
  }

  unloadImage(url?: unknown): void {
    this.pictures.delete(this.urlFromDeclaration(String(url)));
  }

  isImageLoaded(url?: unknown): boolean {
    return this.pictures.get(this.urlFromDeclaration(String(url)))?.state === 'loaded';
  }

  isImageLoading(url?: unknown): boolean {
    return this.pictures.get(this.urlFromDeclaration(String(url)))?.state === 'loading';
  }

  isImageError(url?: unknown): boolean {
    return this.pictures.get(this.urlFromDeclaration(String(url)))?.state === 'error';
  }

  private loadedPicture(url: string): { bitmap: CanvasImageSource | null } | undefined {
    const key = this.urlFromDeclaration(url);
    const p = this.pictures.get(key);
    if (p === undefined) this.loadImage(url);
    return p?.state === 'loaded' ? { bitmap: p.bitmap ?? null } : undefined;
  }

  // ---- painting ------------------------------------------------------------------------------------

  /** The surface drawn on, made at the canvas size (null under Node). */
  canvasSurface(): HTMLCanvasElement | null {
    const provider = canvasSurfaces.provider;
    if (provider === null) return null;
    const size = this.$v[CANVAS.canvasSize] as QSize;
    const w = Math.max(0, Math.trunc(size.width));
    const h = Math.max(0, Math.trunc(size.height));
    let s = this.surfaceElement;
    if (s === null) {
      s = provider.create(w, h);
      this.surfaceElement = s;
    } else if (s.width !== w || s.height !== h) {
      // (a resized canvas starts blank, as Qt's new texture image does)
      s.width = w;
      s.height = h;
    }
    return s;
  }

  protected override updatePolish(): void {
    if (this.callbacks.size > 0 && this.effectiveVisible) {
      const callbacks = [...this.callbacks.values()];
      this.callbacks.clear();
      // Qt passes the time in milliseconds since the epoch, cut to 32 bits.
      const t = Date.now() % 2 ** 32;
      // (one that throws does not stop the others; its error is reported after them)
      let error: unknown = null;
      for (const f of callbacks) {
        try {
          f.call(this, t);
        } catch (e) {
          error ??= e;
        }
      }
      if (error !== null) this.$engine?.reportError(error, undefined);
    } else if (this.dirtyRect !== null) {
      const d = this.dirtyRect;
      let region: IntRect;
      if (this.hasTileSize && this.hasCanvasWindow) {
        // QRectF::toAlignedRect, within the canvas window, out to whole tiles
        const w = this.$v[CANVAS.canvasWindow] as QRect;
        const left = Math.max(w.x, Math.floor(d.x));
        const top = Math.max(w.y, Math.floor(d.y));
        const right = Math.min(w.x + w.width, Math.ceil(d.x + d.w));
        const bottom = Math.min(w.y + w.height, Math.ceil(d.y + d.h));
        region = tiledRect(left, top, right, bottom, this.$v[CANVAS.tileSize] as IntSize);
      } else {
        const x = Math.round(d.x);
        const y = Math.round(d.y);
        region = new IntRect(x, y, Math.round(d.x + d.w) - x, Math.round(d.y + d.h) - y);
      }
      this.$emit(CANVAS.paint, [region]);
      // (cleared after the handler: a paint it asks for is dropped, as in Qt)
      this.dirtyRect = null;
    }
    const ctx = this.context2d;
    if (ctx !== null) {
      this.canvasSurface();
      const drew = Context2D.takeDrawn(ctx);
      // A canvas larger or smaller than its window, or cut into tiles of its
      // own size, is painted tile by tile: each pass makes a new texture.
      const size = this.$v[CANVAS.canvasSize] as QSize;
      const win = this.$v[CANVAS.canvasWindow] as QRect;
      const tile = this.$v[CANVAS.tileSize] as IntSize;
      const tiled =
        size.width !== win.width ||
        size.height !== win.height ||
        tile.width !== Math.round(size.width) ||
        tile.height !== Math.round(size.height);
      if (drew || tiled || this.freshContext) {
        this.freshContext = false;
        this.surfaceVersion++;
        this.markDirty(Dirty.Content);
        this.$emit(CANVAS.painted, undefined);
      }
    }
  }

  paintState(): CanvasPaintState | null {
    const s = this.surfaceElement;
    const w = this.$v[CANVAS.canvasWindow] as QRect;
    if (s === null || this.context2d === null || !(w.width > 0 && w.height > 0)) return null;
    return {
      surface: s,
      version: this.surfaceVersion,
      window: { x: w.x, y: w.y, width: w.width, height: w.height },
      smooth: this.$v[CANVAS_ITEM.smooth] as boolean,
    };
  }
}

const animationFrameIds = new WeakMap<object, number>();

export const CanvasMeta: MetaObject = defineType(Canvas, ItemMeta, {
  name: 'Canvas',
  cppClass: 'QQuickCanvasItem',
  properties: {
    available: { type: 'bool', readonly: true },
    contextType: { type: 'string', write: (o, v) => (o as Canvas).setContextType(String(v)) },
    context: { type: 'var', readonly: true },
    canvasSize: { type: 'size', write: (o, v) => (o as Canvas).setCanvasSize(v as QSize) },
    tileSize: {
      type: 'size',
      default: new IntSize(0, 0),
      write: (o, v) => {
        const s = v as QSize;
        (o as Canvas).setTileSize(new IntSize(Math.round(s.width), Math.round(s.height)));
      },
    },
    canvasWindow: { type: 'rect', write: (o, v) => (o as Canvas).setCanvasWindow(v as QRect) },
    renderTarget: { type: 'enumeration', write: (o, v) => (o as Canvas).setRenderTarget(Number(v)) },
    renderStrategy: { type: 'enumeration', write: (o, v) => (o as Canvas).setRenderStrategy(Number(v)) },
  },
  signals: {
    paint: { params: [{ name: 'region', type: 'rect' }] },
    painted: {},
    imageLoaded: {},
  },
  methods: [
    'getContext',
    'requestAnimationFrame',
    'cancelRequestAnimationFrame',
    'requestPaint',
    'markDirty',
    'save',
    'toDataURL',
    'loadImage',
    'unloadImage',
    'isImageLoaded',
    'isImageLoading',
    'isImageError',
  ],
  enums: {
    Image: RenderTarget.Image,
    FramebufferObject: RenderTarget.FramebufferObject,
    Immediate: RenderStrategy.Immediate,
    Threaded: RenderStrategy.Threaded,
    Cooperative: RenderStrategy.Cooperative,
  },
});

const CANVAS_ITEM = {
  width: CanvasMeta.index('width'),
  height: CanvasMeta.index('height'),
  smooth: CanvasMeta.index('smooth'),
};

const CANVAS = {
  available: CanvasMeta.index('available'),
  contextType: CanvasMeta.index('contextType'),
  context: CanvasMeta.index('context'),
  canvasSize: CanvasMeta.index('canvasSize'),
  tileSize: CanvasMeta.index('tileSize'),
  canvasWindow: CanvasMeta.index('canvasWindow'),
  renderTarget: CanvasMeta.index('renderTarget'),
  renderStrategy: CanvasMeta.index('renderStrategy'),
  availableChanged: CanvasMeta.signalsByName.get('availableChanged')!.index,
  contextChanged: CanvasMeta.signalsByName.get('contextChanged')!.index,
  contextTypeChanged: CanvasMeta.signalsByName.get('contextTypeChanged')!.index,
  paint: CanvasMeta.signalsByName.get('paint')!.index,
  painted: CanvasMeta.signalsByName.get('painted')!.index,
  imageLoaded: CanvasMeta.signalsByName.get('imageLoaded')!.index,
};
