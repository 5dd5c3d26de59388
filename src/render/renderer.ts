// Draws a QuickWindow with PixiJS. One container per item, kept in sync
// from the items' dirty bits once per animation frame; nothing is rebuilt
// per frame and nothing is drawn while nothing changes (an idle scene costs
// no frames).
import { Color, Container, Matrix, type Renderer, Ticker, WebGLRenderer } from 'pixi.js';
import type { QmlEngine } from '../engine/engine';
import { Dirty, ITEM, type Item, mapThrough } from '../quick/items/Item';
import type { QTransform } from '../quick/items/Transform';
import type { QuickWindow, WindowObserver } from '../quick/window';
import type { Backend } from './fallback-renderer';
import { facesLoading } from './fonts';
import { setMaxFragmentPrecisionFrom } from './fragment-precision';
import './gl-context';
import { atlas } from './glyph-atlas';
import { createPainter, lcdBlendColors, type Painter, painterKind } from './painters';
import { SolidRects } from './solid-rects';

/**
 * Subpixel (LCD) text needs the blend (CONSTANT_COLOR, ONE_MINUS_SRC_COLOR)
 * with the text color as blend constant (painters.ts, lcdBlend); WebGL has
 * both. Each color's blend mode is added to the renderer's blend modes when
 * it is first set, and setting it sets the blend constant too (PixiJS itself
 * never sets one). Other backends draw grayscale text; the glyph atlas is
 * shared, so the renderer made last decides which glyphs it makes.
 */
function enableLcdText(renderer: Renderer): void {
  const r = renderer as unknown as {
    gl?: WebGLRenderingContext;
    state?: { blendMode: string; blendModesMap?: Record<string, number[]>; setBlendMode(mode: string): void };
  };
  const gl = r.gl;
  const state = r.state;
  const map = state?.blendModesMap;
  atlas.subpixel = false;
  atlas.partialUploads = false;
  if (!gl || !state || !map) return;
  const setBlendMode = state.setBlendMode;
  state.setBlendMode = function (mode: string): void {
    if (mode !== this.blendMode) {
      const rgb = lcdBlendColors.get(mode);
      if (rgb !== undefined) {
        map[mode] ??= [gl.CONSTANT_COLOR, gl.ONE_MINUS_SRC_COLOR, gl.ONE, gl.ONE_MINUS_SRC_ALPHA];
        gl.blendColor(((rgb >> 16) & 0xff) / 255, ((rgb >> 8) & 0xff) / 255, (rgb & 0xff) / 255, 1);
      }
    }
    setBlendMode.call(this, mode);
  };
  atlas.subpixel = true;
  atlas.partialUploads = true;
}

/**
 * The WebGL context PixiJS's context system would make for the renderer's
 * settings (GlContextSystem.init: WebGL 2, else 1), made before PixiJS so
 * that it answers the shader precision PixiJS asks for while it sets up
 * (fragment-precision.ts). Null when the canvas gives no WebGL context.
 */
function createGlContext(
  canvas: HTMLCanvasElement,
  background: string,
): WebGL2RenderingContext | WebGLRenderingContext | null {
  const attributes: WebGLContextAttributes = {
    alpha: new Color(background).alpha < 1,
    premultipliedAlpha: true,
    antialias: false,
    stencil: true,
    preserveDrawingBuffer: true,
    powerPreference: 'default',
  };
  const gl = canvas.getContext('webgl2', attributes) ?? canvas.getContext('webgl', attributes);
  if (gl) setMaxFragmentPrecisionFrom(gl);
  return gl;
}

/** The performance mark set at the first complete frame: every glyph it needs drawn. */
export const FIRST_FRAME_MARK = 'quickweb:first-frame';

export interface RendererOptions {
  canvas: HTMLCanvasElement;
  window: QuickWindow;
  engine: QmlEngine;
  /** Device pixels per CSS pixel (crisp on HiDPI screens); defaults to devicePixelRatio. */
  resolution?: number;
  /** Renderer backends to try, in order: WebGL by default, the canvas renderer as fallback. */
  preference?: Backend[];
}

/** What the renderer keeps for each item. */
export interface ItemNode {
  /** Positioned at the item's x/y; holds content and child nodes. */
  container: Container;
  /** The item's own drawing (a Rectangle's fill, a Text's glyphs), between negative-z and other children. */
  content: Container | null;
  painter: Painter | null;
  /** The painter's kind (painterKind), the pool a released node goes back to. */
  kind: string | null;
  /** The stencil mask of a clipping item: one rectangle, its bounds. */
  clipMask: SolidRects | null;
  /**
   * Changes (Dirty bits) not yet applied because the item is not drawn: it
   * or an item above it is hidden (a view's culled cache-buffer delegate).
   * They are applied when it is shown again.
   */
  pending: number;
}

/**
 * What a hidden item's sync leaves for when it is shown: its painting.
 * Position, visibility and the placing of its children are always applied
 * (a child moved under a hidden item must leave the shown one it was in).
 */
const DEFERRED = Dirty.Size | Dirty.Content | Dirty.Clip;

/** Whether `c` is drawn: it and every container above it are visible, up to a root (the stage). */
function onScreen(c: Container): boolean {
  let x: Container | null = c;
  for (; x !== null; x = x.parent) if (!x.visible) return false;
  return true;
}

/** How far up sync looks for a hidden item above (deeper, it syncs as if shown: correct, only not lazy). */
const HIDDEN_LOOKUP_DEPTH = 32;

/**
 * The items to sync at the next frame, in the order they were added, each
 * once (an item added while the queue is being drained is synced in the
 * same pass; one added again after its sync is not). An array and a mark on
 * the item instead of a Set: items pass through this queue every frame, and
 * the tables a long-lived Set outgrows keep naming them, so that rows a view
 * dropped frames ago survived young-generation collections and were copied
 * and promoted by every one.
 */
class ItemQueue {
  private items: Array<Item | undefined> = [];
  private n = 0;
  /** Items whose renderQueueMark is `mark` are queued, `-mark` synced in this pass. */
  private mark = 1;

  get size(): number {
    return this.n;
  }

  add(item: Item): void {
    const m = item.renderQueueMark;
    if (m === this.mark || m === -this.mark) return;
    item.renderQueueMark = this.mark;
    this.items[this.n++] = item;
  }

  delete(item: Item): void {
    if (item.renderQueueMark === this.mark) item.renderQueueMark = 0;
  }

  /** Calls `f` for every queued item, including those it queues, then empties the queue. */
  drain(f: (item: Item) => void): void {
    const mark = this.mark;
    for (let i = 0; i < this.n; i++) {
      const item = this.items[i]!;
      if (item.renderQueueMark !== mark) continue;
      item.renderQueueMark = -mark;
      f(item);
    }
    this.clear();
  }

  clear(): void {
    for (let i = 0; i < this.n; i++) this.items[i] = undefined;
    this.n = 0;
    this.mark++;
  }
}

/**
 * Released nodes kept per painter kind, up to this many each: a view that
 * replaces its delegates every frame takes its nodes (containers, glyph
 * nodes, rectangle geometry buffers) from the pool instead of making and
 * destroying display objects.
 */
const POOL_LIMIT = 512;

const WHITE = { color: 0xffffff, alpha: 1 };

export class SceneRenderer implements WindowObserver {
  readonly stage = new Container();
  /** Frames actually drawn (for tests and benchmarks: an idle scene adds none). */
  framesRendered = 0;
  /** Item nodes made, not taken from the pool (for tests: scrolling a view reuses released rows' nodes). */
  nodesMade = 0;
  /**
   * performance.now() at the first frame that showed a scene with all its
   * glyphs (no font still loading), or null before it; also recorded as
   * FIRST_FRAME_MARK.
   */
  firstFrameTime: number | null = null;
  private frameRequested = false;
  private destroyed = false;
  private readonly dirty = new ItemQueue();
  /** The containers of items with `layer.enabled` (cached as a texture, redrawn every frame drawn). */
  private readonly layers = new Set<Container>();
  /** Nodes of removed items, by painter kind ('' for none), for the next items of that kind. */
  private readonly pool = new Map<string, ItemNode[]>();
  /** Something drawn changed since the last rendered frame. */
  private stageChanged = true;
  /**
   * A shown item changed, or one was shown, hidden or removed, since the
   * last rendered frame. A scheduled frame that only prepared hidden items
   * (a view filling its cache buffer) draws nothing.
   */
  private drawNeeded = true;
  /** Items whose painter drew only what the window shows (painter.viewStale). */
  private readonly viewDependent = new Set<Item>();
  /** Called after each frame that changed items, drawn or not (the host updates its overlays). */
  onFrame: (() => void) | null = null;
  /** The cursor shape under the pointer changed (a Qt.CursorShape value). */
  onCursor: ((shape: number) => void) | null = null;

  private constructor(
    readonly renderer: Renderer,
    private win: QuickWindow,
    private engine: QmlEngine,
  ) {
    this.attach(win, engine);
  }

  get window(): QuickWindow {
    return this.win;
  }

  /** Shows another window (a new scene) on the same canvas and GPU context. */
  setWindow(window: QuickWindow, engine: QmlEngine): void {
    if (this.win.observer === this) this.win.observer = null;
    this.stage.removeChildren();
    this.dirty.clear();
    this.stageChanged = true;
    this.drawNeeded = true;
    this.attach(window, engine);
    this.requestFrame();
  }

  private attach(window: QuickWindow, engine: QmlEngine): void {
    this.win = window;
    this.engine = engine;
    window.observer = this;
    this.stage.addChild(this.nodeFor(window.contentItem).container);
    this.markTree(window.contentItem);
  }

  /** Everything in a newly shown window needs drawing. */
  private markTree(item: Item): void {
    item.dirty = Dirty.All;
    this.dirty.add(item);
    for (const c of item.childItems) this.markTree(c);
  }

  static async create(options: RendererOptions): Promise<SceneRenderer> {
    // PixiJS's system ticker (its scheduler, which runs the GPU resource
    // collector) would run an animation frame callback for as long as the
    // page is open; it advances with the frames this renderer draws instead,
    // so a scene with nothing to do costs no work at all.
    Ticker.system.autoStart = false;
    Ticker.system.stop();
    const resolution = options.resolution ?? globalThis.devicePixelRatio ?? 1;
    const settings = {
      canvas: options.canvas,
      width: Math.max(1, options.window.width),
      height: Math.max(1, options.window.height),
      resolution,
      autoDensity: true,
      antialias: false,
      background: String(options.window.color),
      preserveDrawingBuffer: true,
      // Pointer, keyboard and accessibility are the host's own (src/host);
      // PixiJS's event, accessibility and filter extensions are not loaded.
      skipExtensionImports: true,
    };
    // WebGL is created directly; the other backends (their code is loaded
    // on demand) are only tried when WebGL is missing or another backend is
    // preferred.
    // WebGL is tried without isWebGLSupported's throwaway context (a second
    // context costs a GPU-process round trip at startup); a canvas whose
    // WebGL context could not be made can still take a 2D one.
    const preference = options.preference ?? ['webgl', 'canvas'];
    let renderer: Renderer | null = null;
    if (preference[0] === 'webgl') {
      // The drawing buffer is made at its final size: PixiJS sizes the canvas
      // as it starts, and resizing a WebGL canvas reallocates the buffer, a
      // synchronous GPU round trip (error and framebuffer checks) per side.
      options.canvas.width = settings.width * resolution;
      options.canvas.height = settings.height * resolution;
    }
    const context = preference[0] === 'webgl' ? createGlContext(options.canvas, settings.background) : null;
    if (context !== null) {
      const gl = new WebGLRenderer();
      try {
        // (typed WebGL 2 by PixiJS, which tells the versions apart itself)
        await gl.init({ ...settings, context: context as WebGL2RenderingContext });
        renderer = gl;
      } catch {
        renderer = null;
      }
    }
    const rest = preference[0] === 'webgl' ? preference.slice(1) : preference;
    if (renderer === null) {
      const { createFallbackRenderer } = await import('./fallback-renderer');
      renderer = await createFallbackRenderer(rest.length > 0 ? rest : preference, settings);
    }
    enableLcdText(renderer);
    const r = new SceneRenderer(renderer, options.window, options.engine);
    r.requestFrame();
    return r;
  }

  // ---- WindowObserver ------------------------------------------------------

  itemDirty(item: Item): void {
    this.dirty.add(item);
    this.stageChanged = true;
    this.requestFrame();
  }

  cursorChanged(shape: number): void {
    this.onCursor?.(shape);
  }

  itemAdded(item: Item): void {
    this.dirty.add(item);
    this.stageChanged = true;
    this.requestFrame();
  }

  itemRemoved(item: Item): void {
    this.dirty.delete(item);
    this.viewDependent.delete(item);
    const node = item.renderNode as ItemNode | null;
    if (node) {
      if (node.container.parent !== null && onScreen(node.container)) this.drawNeeded = true;
      item.renderNode = null;
      this.release(node);
    }
    this.stageChanged = true;
    this.requestFrame();
  }

  // ---- frames ----------------------------------------------------------------

  /** Asks for one frame at the next animation frame (coalesced). */
  requestFrame(): void {
    if (this.frameRequested || this.destroyed) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.renderFrame(false);
    });
  }

  /** Lays out, syncs what changed and draws, now. */
  renderNow(): void {
    this.renderFrame(true);
  }

  /**
   * A frame: polish, sync what changed and draw. A scheduled frame whose
   * polish changed nothing since the last drawn frame (one already drawn
   * by renderNow) draws nothing.
   */
  private renderFrame(always: boolean): void {
    if (this.destroyed) return;
    this.engine.polish();
    const w = this.win;
    // Qt: after polish, hover is re-delivered where items moved under a still pointer.
    w.flushFrameSynchronousEvents();
    for (const item of this.viewDependent) {
      const stale = (item.renderNode as ItemNode | null)?.painter?.viewStale?.(item);
      if (item.window !== w || stale === null || stale === undefined) this.viewDependent.delete(item);
      else if (stale) {
        item.dirty |= Dirty.Content;
        this.dirty.add(item);
      }
    }
    if (this.renderer.width !== w.width || this.renderer.height !== w.height) {
      this.renderer.resize(Math.max(1, w.width), Math.max(1, w.height));
      this.stageChanged = true;
      this.drawNeeded = true;
    }
    if (!always && !this.stageChanged && this.dirty.size === 0) {
      w.itemsChanged = false;
      return;
    }
    this.dirty.drain((item) => this.sync(item));
    w.itemsChanged = false;
    this.stageChanged = false;
    // Only hidden items changed: what is on screen is already right (the
    // host's overlays still hear of it: the screen-reader mirror lists them).
    if (!always && !this.drawNeeded) {
      if (this.framesRendered > 0) this.noteFirstFrame();
      this.onFrame?.();
      return;
    }
    this.drawNeeded = false;
    // (a layer's texture is drawn again with what changed in it)
    for (const c of this.layers) c.updateCacheTexture();
    this.renderer.render(this.stage);
    Ticker.system.update();
    this.framesRendered++;
    this.noteFirstFrame();
    this.onFrame?.();
  }

  /**
   * Sets the first-frame mark once the screen shows the scene complete: a
   * frame was drawn and no font it needs is loading (a text hidden while its
   * font arrived leaves a complete screen without another draw).
   */
  private noteFirstFrame(): void {
    if (this.firstFrameTime === null && facesLoading() === 0 && this.win.contentItem.childItems.length > 0) {
      this.firstFrameTime = performance.now();
      performance.mark(FIRST_FRAME_MARK);
    }
  }

  destroy(): void {
    this.destroyed = true;
    if (this.win.observer === this) this.win.observer = null;
    this.stage.destroy({ children: true });
    for (const list of this.pool.values())
      for (const node of list) {
        node.painter?.destroy();
        node.container.destroy({ children: true });
      }
    this.pool.clear();
    this.renderer.destroy();
  }

  // ---- nodes -------------------------------------------------------------------

  private nodeFor(item: Item): ItemNode {
    let node = item.renderNode as ItemNode | null;
    if (node === null) {
      const kind = painterKind(item);
      node = this.pool.get(kind ?? '')?.pop() ?? null;
      if (node === null) {
        this.nodesMade++;
        const container = new Container();
        // Shown by its first sync, which the item gets at once (all of it is dirty).
        container.visible = false;
        const painter = kind === null ? null : createPainter(kind, item);
        node = {
          container,
          content: painter ? painter.content : null,
          painter,
          kind,
          clipMask: null,
          pending: 0,
        };
      }
      node.container.label = item.$meta.name;
      item.renderNode = node;
      // Everything is synced from the item: position, visibility, content, clip and children.
      item.dirty = Dirty.All;
    }
    return node;
  }

  /** A removed item's node: detached, emptied and kept for the next item of its kind (or destroyed). */
  private release(node: ItemNode): void {
    const c = node.container;
    c.removeFromParent();
    if (this.layers.delete(c)) c.cacheAsTexture(false);
    if (node.clipMask) {
      c.mask = null;
      node.clipMask.destroy();
      node.clipMask = null;
    }
    // Child items' nodes are released on their own; the content goes back in at the next sync.
    c.removeChildren();
    c.visible = false;
    node.pending = 0;
    const key = node.kind ?? '';
    let list = this.pool.get(key);
    if (list === undefined) {
      list = [];
      this.pool.set(key, list);
    }
    if (list.length < POOL_LIMIT) {
      list.push(node);
      return;
    }
    node.painter?.destroy();
    c.destroy({ children: true });
  }

  private sync(item: Item): void {
    if (item.window !== this.win) return;
    const node = this.nodeFor(item);
    const bits = item.dirty | node.pending;
    item.dirty = 0;
    node.pending = 0;
    const c = node.container;
    const v = item.$v;
    // (an Animator moves what is drawn, not the properties)
    const an = item.animated;
    const x = an?.x ?? (v[ITEM.x] as number);
    const y = an?.y ?? (v[ITEM.y] as number);
    const rotation = an?.rotation ?? (v[ITEM.rotation] as number);
    const scale = an?.scale ?? (v[ITEM.scale] as number);
    const opacity = an?.opacity ?? (v[ITEM.opacity] as number);
    const transformed =
      an === null ? item.transformed : rotation !== 0 || scale !== 1 || v[ITEM.transform] !== null;
    // A transformed item's origin moves with its size.
    if (bits & Dirty.Transform || (bits & Dirty.Size && transformed)) {
      c.position.set(x, y);
      if (v[ITEM.transform] !== null) {
        // A `transform` list: the whole matrix to the parent (scale and rotation included).
        c.pivot.set(0, 0);
        c.setFromMatrix(affineOf(item.parentTransform(), v[ITEM.width] as number, v[ITEM.height] as number));
      } else if (transformed) {
        // Qt transforms around transformOrigin (Item.Center by default).
        const o = item.originPoint();
        c.pivot.set(o.x, o.y);
        c.position.set(x + o.x, y + o.y);
        c.rotation = (rotation * Math.PI) / 180;
        c.skew.set(0, 0);
        c.scale.set(scale);
      } else {
        c.pivot.set(0, 0);
        c.rotation = 0;
        c.skew.set(0, 0);
        c.scale.set(1);
      }
    }
    if (bits & (Dirty.Visibility | Dirty.Opacity)) {
      const was = c.visible;
      c.visible = item.explicitVisible && !item.culled && opacity > 0;
      c.alpha = opacity;
      // A layer is drawn into a texture, which the opacity then fades as a whole.
      if (item.layerEnabled !== this.layers.has(c)) {
        c.cacheAsTexture(item.layerEnabled);
        if (item.layerEnabled) this.layers.add(c);
        else this.layers.delete(c);
      }
      if (c.visible !== was) {
        // (a container not yet in the stage is drawn once its parent's sync places it)
        if (c.parent !== null && onScreen(c.parent)) this.drawNeeded = true;
        // Shown again: what its items put off while hidden is applied now.
        if (c.visible) this.syncPending(item);
      }
    }
    // Not drawn: its painting waits until it is shown (Qt does not draw culled
    // items either; a view's cache buffer costs no drawing until it scrolls in).
    if (!c.visible || this.hiddenAbove(item)) {
      node.pending = bits & DEFERRED;
      if (bits & (Dirty.Children | Dirty.Z)) this.syncChildren(item, node, false);
      return;
    }
    // (a change of children is drawn only if a shown one came, went or moved: syncChildren)
    if (bits & ~Dirty.Children) this.drawNeeded = true;
    if (bits & (Dirty.Content | Dirty.Size) && node.painter) {
      node.painter.update(item, bits);
      if (node.painter.viewStale?.(item) === false) this.viewDependent.add(item);
    }
    if (bits & (Dirty.Clip | Dirty.Size)) this.syncClip(item, node);
    if (bits & (Dirty.Children | Dirty.Z)) this.syncChildren(item, node, true);
  }

  /** Whether an item above `item` is hidden (looked up to HIDDEN_LOOKUP_DEPTH levels). */
  private hiddenAbove(item: Item): boolean {
    let p = item.parentItem;
    for (let depth = 0; p !== null && depth < HIDDEN_LOOKUP_DEPTH; depth++, p = p.parentItem) {
      const n = p.renderNode as ItemNode | null;
      if (n !== null && !n.container.visible) return true;
    }
    return false;
  }

  /**
   * Syncs the items under `item` that have changes put off while hidden
   * (now, not through the queue: some may have been synced in this pass).
   */
  private syncPending(item: Item): void {
    for (const k of item.childItems) {
      const n = k.renderNode as ItemNode | null;
      if (n !== null && n.pending !== 0) this.sync(k);
      this.syncPending(k);
    }
  }

  /** Qt's paint order: children with negative z under the item's own content, the rest above, by z. */
  private syncChildren(item: Item, node: ItemNode, shown: boolean): void {
    const kids = item.paintOrderChildren;
    const order: Container[] = [];
    let contentPlaced = false;
    for (const k of kids) {
      if (!contentPlaced && (k.$v[ITEM.z] as number) >= 0) {
        if (node.content) order.push(node.content);
        contentPlaced = true;
      }
      const kn = this.nodeFor(k);
      order.push(kn.container);
      if (k.dirty !== 0) this.dirty.add(k);
    }
    if (!contentPlaced && node.content) order.push(node.content);
    const c = node.container;
    const mask = node.clipMask;
    if (mask) order.push(mask.container);
    // Only what moved is touched: a view adding a row keeps the other rows' nodes in place.
    const current = c.children;
    let same = current.length === order.length;
    for (let i = 0; same && i < order.length; i++) same = current[i] === order[i];
    /** Children placed under this shown item now (new, or moved here from a hidden parent). */
    let placed: Item[] | null = null;
    if (!same) {
      if (shown)
        for (const k of kids) {
          if ((k.renderNode as ItemNode).container.parent === c) continue;
          placed ??= [];
          placed.push(k);
        }
      // A shown child that comes, goes or moves changes the picture if this item is on screen.
      const drawn = onScreen(c);
      const wanted = new Set(order);
      for (let i = current.length - 1; i >= 0; i--) {
        const o = current[i]!;
        if (wanted.has(o)) continue;
        if (drawn && o.visible) this.drawNeeded = true;
        c.removeChildAt(i);
      }
      for (let i = 0; i < order.length; i++) {
        const o = order[i]!;
        if (current[i] === o) continue;
        if (drawn && o.visible) this.drawNeeded = true;
        if (o.parent === c) c.setChildIndex(o, i);
        else c.addChildAt(o, i);
      }
    }
    // New child nodes are synced in this same frame; under a shown item, so
    // are the changes a child put off under a hidden parent it has left.
    for (const k of kids)
      if (k.dirty !== 0 || (shown && (k.renderNode as ItemNode).pending !== 0)) this.sync(k);
    if (placed !== null) for (const k of placed) this.syncPending(k);
  }

  private syncClip(item: Item, node: ItemNode): void {
    // (a layer is cut to the item, as a clip)
    const clip = (item.$v[ITEM.clip] as boolean) || item.layerEnabled;
    const c = node.container;
    if (!clip) {
      if (node.clipMask) {
        c.mask = null;
        node.clipMask.destroy();
        node.clipMask = null;
      }
      return;
    }
    if (!node.clipMask) {
      // A container (a Sprite mask would be an alpha mask, drawn through a render texture).
      node.clipMask = new SolidRects();
      c.addChild(node.clipMask.container);
      c.mask = node.clipMask.container;
    }
    node.clipMask.clear().rect(0, 0, item.$v[ITEM.width] as number, item.$v[ITEM.height] as number, WHITE);
  }
}

/**
 * A QTransform ([m11, m12, m13, m21, m22, m23, dx, dy, m33]) as PixiJS's
 * affine matrix. A projective one (a Rotation about the x or y axis) is
 * drawn with the affine map that takes the item's top-left, top-right and
 * bottom-left corners where the projection takes them.
 */
function affineOf(t: QTransform, w: number, h: number): Matrix {
  if (t[2] === 0 && t[5] === 0 && t[8] === 1) return new Matrix(t[0], t[1], t[3], t[4], t[6], t[7]);
  const sx = w || 1;
  const sy = h || 1;
  const o = mapThrough(t, 0, 0);
  const r = mapThrough(t, sx, 0);
  const b = mapThrough(t, 0, sy);
  return new Matrix((r.x - o.x) / sx, (r.y - o.y) / sx, (b.x - o.x) / sy, (b.y - o.y) / sy, o.x, o.y);
}
