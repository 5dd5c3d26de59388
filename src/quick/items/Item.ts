// Item: Qt Quick's base visual type (QQuickItem). Geometry, the visual
// parent/child tree, effective visibility and enabled state, z order,
// implicit size, focus, and the hooks that anchors, positioners, views and
// the renderer listen to.
import { removeItem } from '../../engine/arrays';
import { type ListSource, listElements, listReference } from '../../engine/listreference';
import { defineType, type MetaObject, QObject, qmlWarning } from '../../engine/qobject';
import { QtObject, QtObjectMeta } from '../../engine/qtqml';
import { QPoint, QRect } from '../../engine/valuetypes';
import type { QuickWindow } from '../window';
import { type AnchorLine, AnchorLineKind, Anchors, AnchorsMeta, geo } from './Anchors';
import { ItemLayer, ItemLayerMeta } from './ItemLayer';
import {
  IDENTITY,
  ItemTransform,
  matrixOf,
  type QTransform,
  rotate3,
  scale3,
  TransformMeta,
  transformOf,
  translate3,
} from './Transform';

/** What changed in an item, for listeners (anchors, positioners, views, the renderer). */
export enum Change {
  X = 1,
  Y = 2,
  Width = 4,
  Height = 8,
  Geometry = X | Y | Width | Height,
  Visible = 16,
  ImplicitWidth = 32,
  ImplicitHeight = 64,
  Children = 128,
  Z = 256,
  Opacity = 512,
  Clip = 1024,
  Parent = 2048,
  BaselineOffset = 4096,
  Destroyed = 8192,
}

/** Something that wants to hear about changes of an item it depends on (QQuickItemChangeListener). */
export interface ItemChangeListener {
  /** `old`: for a change of x, y, width or height, that property's value before it (Qt's oldGeometry). */
  itemChanged(item: Item, change: Change, old: number): void;
}

/** Item.mirrorBits. */
export enum Mirror {
  Effective = 1,
  FromParent = 2,
  FromItem = 4,
  /** LayoutMirroring.enabled was set (Qt: !isMirrorImplicit). */
  Explicit = 8,
  Inherited = 16,
}

/** Bits for the renderer: which aspects of an item's drawing are out of date. */
export enum Dirty {
  Transform = 1,
  Size = 2,
  Content = 4,
  Children = 8,
  Visibility = 16,
  Opacity = 32,
  Clip = 64,
  Z = 128,
  All = 255,
}

// Extends QtObject (not just QObject) so that QtObject's accessors (objectName) are on the prototype chain.
/** An object's states and transitions (QQuickStateGroup), made by the state types' module (src/quick/states). */
export interface StateGroupHook {
  setState(name: string): void;
  appendState(state: unknown): void;
  appendTransition(transition: unknown): void;
  componentComplete(): void;
}

/** How an Item makes its state group: set when the state types are loaded (an Item has none before). */
export const stateGroups: { make: ((owner: Item, complete: boolean) => StateGroupHook) | null } = {
  make: null,
};

export class Item extends QtObject {
  declare x: number;
  declare y: number;
  declare z: number;
  declare width: number;
  declare height: number;
  declare implicitWidth: number;
  declare implicitHeight: number;
  declare opacity: number;
  declare visible: boolean;
  declare enabled: boolean;
  declare clip: boolean;
  declare focus: boolean;
  declare activeFocus: boolean;
  declare parent: Item | null;
  declare objectName: string;
  declare readonly anchors: Anchors;

  /** Visual children, in declaration (insertion) order. */
  readonly childItems: Item[] = [];
  /** Its states, once it has any (QQuickItemPrivate::_stateGroup). */
  stateGroup: StateGroupHook | null = null;
  private sortedChildren: Item[] | null = null;
  /** Explicit values (the properties read back the effective ones). */
  explicitVisible = true;
  /** Layouts give the item no place (QQuickItemPrivate::isTransparentForPositioner: a Repeater). */
  transparentForPositioner = false;
  explicitEnabled = true;
  /** Set once width/height were written other than from the implicit size. */
  widthValid = false;
  heightValid = false;
  /** FocusScope and the window's root item. */
  isFocusScope = false;
  /** The item that has (or would have) focus below this one, inside its focus scope chain (Qt's subFocusItem). */
  subFocusItem: Item | null = null;
  listeners: ItemChangeListener[] | null = null;
  /** The window the item is shown in, if any. */
  window: QuickWindow | null = null;
  /** Renderer bookkeeping: dirty bits and the renderer's own node. */
  dirty = 0;
  renderNode: unknown = null;
  /** The renderer's queue mark (see ItemQueue in the renderer). */
  renderQueueMark = 0;
  /** Not drawn though visible: a view's delegate outside the visible area (QQuickItemPrivate::culled). */
  culled = false;
  /** What an Animator draws instead of the property while it runs (Qt's scene graph node values). */
  animated: { x?: number; y?: number; scale?: number; rotation?: number; opacity?: number } | null = null;
  private complete = false;
  private polishRequested = false;
  private childrenRectValid = false;

  get isComponentComplete(): boolean {
    return this.complete;
  }

  // ---- tree -------------------------------------------------------------------

  /** The parent item (without tracking). */
  get parentItem(): Item | null {
    return this.$v[ITEM.parent] as Item | null;
  }

  /** Reparents the item (QQuickItem::setParentItem). */
  setParentItem(p: Item | null): void {
    if (this.parentItem === p) return;
    if (p !== null) {
      for (let a: Item | null = p; a !== null; a = a.parentItem) {
        if (a === this) {
          this.warn('Item: Cannot set parent to itself or a descendant');
          return;
        }
      }
    }
    this.$store(ITEM.parent, p);
  }

  /** Called when `parent` changed (any write path). */
  onParentChanged(old: Item | null): void {
    const p = this.parentItem;
    if (old !== null) {
      removeItem(old.childItems, this);
      old.sortedChildren = null;
      old.childrenRectValid = false;
      old.itemChildRemoved(this);
      old.$emit(ITEM.childrenChanged, undefined);
      // (not from an item being destroyed)
      if (this.effectiveVisible && !old.$destroyed) old.$emit(ITEM.visibleChildrenChanged, undefined);
    }
    if (p !== null) {
      p.childItems.push(this);
      p.sortedChildren = null;
      p.childrenRectValid = false;
      p.itemChildAdded(this);
      p.$emit(ITEM.childrenChanged, undefined);
      p.markDirty(Dirty.Children);
    } else if (old !== null) old.markDirty(Dirty.Children);
    this.setWindow(p ? p.window : null);
    this.moveFocusWithParent(old);
    this.updateEffectiveVisible();
    this.updateEffectiveEnabled();
    this.resolveLayoutMirror();
    this.notifyListeners(Change.Parent);
    if (p !== null && this.effectiveVisible) p.$emit(ITEM.visibleChildrenChanged, undefined);
  }

  // ---- layout mirroring (LayoutMirroring) ---------------------------------------------

  /** QQuickItemPrivate's effectiveLayoutMirror, inheritMirrorFromParent, inheritMirrorFromItem, !isMirrorImplicit and inheritedLayoutMirror. */
  mirrorBits = 0;
  /** The LayoutMirroring attached object, if made. */
  mirroring: { mirrorChanged(): void } | null = null;

  /** Whether the item lays out mirrored (LayoutMirroring.enabled, set or inherited). */
  get effectiveLayoutMirror(): boolean {
    return (this.mirrorBits & Mirror.Effective) !== 0;
  }

  /** QQuickItemPrivate::resolveLayoutMirror: takes what the parent passes down. */
  resolveLayoutMirror(): void {
    const b = this.mirrorBits;
    const p = this.parentItem;
    if (p !== null)
      this.setImplicitLayoutMirror(
        (p.mirrorBits & Mirror.Inherited) !== 0,
        (p.mirrorBits & Mirror.FromParent) !== 0,
      );
    else if (b !== 0)
      this.setImplicitLayoutMirror(
        (b & Mirror.Explicit) !== 0 && (b & Mirror.Effective) !== 0,
        (b & Mirror.FromItem) !== 0,
      );
  }

  /** QQuickItemPrivate::setImplicitLayoutMirror. */
  setImplicitLayoutMirror(mirror: boolean, inherit: boolean): void {
    const b = this.mirrorBits;
    inherit ||= (b & Mirror.FromItem) !== 0;
    if (b & Mirror.Explicit && b & Mirror.FromItem) mirror = (b & Mirror.Effective) !== 0;
    if (mirror === ((b & Mirror.Inherited) !== 0) && inherit === ((b & Mirror.FromParent) !== 0)) return;
    const inherited = inherit && mirror;
    this.mirrorBits =
      (b & ~(Mirror.FromParent | Mirror.Inherited)) |
      (inherit ? Mirror.FromParent : 0) |
      (inherited ? Mirror.Inherited : 0);
    if (!(b & Mirror.Explicit)) this.setLayoutMirror(inherited);
    for (const c of this.childItems) c.setImplicitLayoutMirror(inherited, inherit);
  }

  /** QQuickItemPrivate::setLayoutMirror: anchors and the item's own layout follow. */
  setLayoutMirror(mirror: boolean): void {
    if (mirror === this.effectiveLayoutMirror) return;
    this.mirrorBits ^= Mirror.Effective;
    (this.$v[ITEM.anchors] as Anchors | null)?.mirrorChanged();
    this.mirrorChange();
    this.mirroring?.mirrorChanged();
  }

  /** The layout direction flipped (positioners, views and text override). */
  protected mirrorChange(): void {}

  /** Hooks for subclasses (positioners re-layout, flickables re-measure). */
  protected itemChildAdded(_child: Item): void {}
  protected itemChildRemoved(_child: Item): void {}
  /** The order of the children changed (stackBefore/stackAfter); positioners re-layout. */
  protected childOrderChanged(): void {}

  /** Moves this item just before `sibling` among their parent's children (QQuickItem::stackBefore). */
  stackBefore(sibling: Item): void {
    this.restack(sibling, 0);
  }

  /** Moves this item just after `sibling` among their parent's children (QQuickItem::stackAfter). */
  stackAfter(sibling: Item): void {
    this.restack(sibling, 1);
  }

  private restack(sibling: Item, offset: number): void {
    const p = this.parentItem;
    if (p === null || sibling === this || sibling.parentItem !== p) return;
    const kids = p.childItems;
    kids.splice(kids.indexOf(this), 1);
    kids.splice(kids.indexOf(sibling) + offset, 0, this);
    p.sortedChildren = null;
    p.markDirty(Dirty.Children);
    p.$emit(ITEM.childrenChanged, undefined);
    p.childOrderChanged();
  }

  /** Children in paint order: by z, then insertion order (QQuickItemPrivate::paintOrderChildItems). */
  get paintOrderChildren(): Item[] {
    if (this.sortedChildren === null) {
      const kids = this.childItems;
      let needsSort = false;
      for (let i = 0; i < kids.length; i++) if ((kids[i]!.$v[ITEM.z] as number) !== 0) needsSort = true;
      this.sortedChildren = needsSort
        ? kids.slice().sort((a, b) => (a.$v[ITEM.z] as number) - (b.$v[ITEM.z] as number))
        : kids;
    }
    return this.sortedChildren;
  }

  private setWindow(w: QuickWindow | null): void {
    if (this.window === w) return;
    const old = this.window;
    this.window = w;
    old?.itemRemoved(this);
    w?.itemAdded(this);
    this.sceneChanged();
    for (const c of this.childItems) c.setWindow(w);
    // QQuickItem::windowChanged(window): the children hear of it first (refWindow, derefWindow)
    this.$emit(WINDOW_CHANGED, [w?.qmlWindow ?? null]);
  }

  /** The item and its children leave their window (which is closing: Qt's window takes its items along). */
  leaveWindow(): void {
    this.setWindow(null);
  }

  /** The item entered a window, left one, or moved to another (QQuickItem::ItemSceneChange). */
  protected sceneChanged(): void {}

  /**
   * A key press that may be a shortcut (Qt's ShortcutOverride): true when
   * the item keeps it. An item asks its key handlers (Keys.onShortcutOverride).
   */
  keepsShortcutKey(event: KeyEventLike): boolean {
    for (let h = this.keyHandler; h !== null; h = h.nextKeyHandler)
      if (h.overridesShortcut?.(event)) return true;
    return false;
  }

  // ---- listeners and dirtiness ---------------------------------------------------

  addListener(l: ItemChangeListener): void {
    this.listeners ??= [];
    if (!this.listeners.includes(l)) this.listeners.push(l);
  }

  removeListener(l: ItemChangeListener): void {
    const ls = this.listeners;
    if (!ls) return;
    removeItem(ls, l);
  }

  /** Tells the listeners of a change; `old` is the previous value of a changed x, y, width or height. */
  notifyListeners(change: Change, old = 0): void {
    const ls = this.listeners;
    if (ls === null || ls.length === 0) return;
    const list = ls.length === 1 ? ls : ls.slice();
    for (const l of list) l.itemChanged(this, change, old);
  }

  setCulled(v: boolean): void {
    if (this.culled === v) return;
    this.culled = v;
    this.markDirty(Dirty.Visibility);
  }

  markDirty(bits: Dirty): void {
    if ((this.dirty & bits) === bits) return;
    const wasClean = this.dirty === 0;
    this.dirty |= bits;
    if (wasClean && this.window) this.window.itemDirty(this);
  }

  /** Geometry changed: tell anchors, parent (childrenRect, positioners), listeners and the renderer. */
  geometryChanged(change: Change, old: number): void {
    const p = this.parentItem;
    if (p !== null) {
      p.childrenRectValid = false;
      if (p.childrenRectWatched) p.$emit(ITEM.childrenRectChanged, undefined);
      p.childGeometryChanged(this, change);
    }
    const a = this.$v[ITEM.anchors] as Anchors | null;
    if (a !== null) a.ownGeometryChanged(change);
    this.notifyListeners(change, old);
    this.markDirty(change & (Change.Width | Change.Height) ? Dirty.Size | Dirty.Transform : Dirty.Transform);
  }

  /** A child moved or resized (positioners and flickables override). */
  protected childGeometryChanged(_child: Item, _change: Change): void {}

  /** A child's implicit size changed (positioners override). */
  childImplicitSizeChanged(_child: Item): void {}

  /** A child's visibility changed (positioners override). */
  childVisibilityChanged(_child: Item): void {}

  // ---- implicit size ---------------------------------------------------------

  /**
   * Sets the implicit size; width/height follow it until they are set
   * explicitly. As QQuickItem::setImplicitSize: both values first, then the
   * width and height that follow them, and only then the implicit size's
   * own change signals (a layout has arranged its items by then).
   */
  setImplicitSize(w: number, h: number): void {
    let wChanged = (this.$v[ITEM.implicitWidth] as number) !== w;
    let hChanged = (this.$v[ITEM.implicitHeight] as number) !== h;
    if (!wChanged && !hChanged) return;
    this.$v[ITEM.implicitWidth] = w;
    this.$v[ITEM.implicitHeight] = h;
    const wDone = this.widthValid || (this.$v[ITEM.width] as number) === w;
    const hDone = this.heightValid || (this.$v[ITEM.height] as number) === h;
    if (wDone && wChanged) {
      this.implicitSizeChanged(true);
      wChanged = false;
    }
    if (hDone && hChanged) {
      this.implicitSizeChanged(false);
      hChanged = false;
    }
    if (!wDone) this.$store(ITEM.width, w);
    if (!hDone) this.$store(ITEM.height, h);
    if (wChanged) this.implicitSizeChanged(true);
    if (hChanged) this.implicitSizeChanged(false);
    this.parentItem?.childImplicitSizeChanged(this);
  }

  /** QQuickItemPrivate::implicitWidthChanged / implicitHeightChanged: the listeners, then the signal. */
  protected implicitSizeChanged(width: boolean): void {
    this.notifyListeners(width ? Change.ImplicitWidth : Change.ImplicitHeight);
    this.$emit(this.$meta.props[width ? ITEM.implicitWidth : ITEM.implicitHeight]!.notify, undefined);
  }

  onImplicitWidthChanged(): void {
    if (!this.widthValid) this.$store(ITEM.width, this.$v[ITEM.implicitWidth]);
    this.notifyListeners(Change.ImplicitWidth);
  }

  onImplicitHeightChanged(): void {
    if (!this.heightValid) this.$store(ITEM.height, this.$v[ITEM.implicitHeight]);
    this.notifyListeners(Change.ImplicitHeight);
  }

  /** Sets geometry from layout code (anchors, positioners, views): counts as explicitly set, like Qt's setWidth. */
  setX(v: number): void {
    this.$store(ITEM.x, v);
  }
  setY(v: number): void {
    this.$store(ITEM.y, v);
  }
  setWidth(v: number): void {
    // Qt ignores NaN (QQuickItem::setWidth), before the width counts as set.
    if (Number.isNaN(v)) return;
    this.widthValid = true;
    this.$store(ITEM.width, v);
  }
  setHeight(v: number): void {
    if (Number.isNaN(v)) return;
    this.heightValid = true;
    this.$store(ITEM.height, v);
  }
  /** Width/height, unless explicitly set, are the implicit size (QQuickItem::resetWidth). */
  resetWidth(): void {
    this.widthValid = false;
    this.$store(ITEM.width, this.$v[ITEM.implicitWidth]);
  }
  resetHeight(): void {
    this.heightValid = false;
    this.$store(ITEM.height, this.$v[ITEM.implicitHeight]);
  }

  // ---- visibility, enabled ----------------------------------------------------

  get effectiveVisible(): boolean {
    return this.$v[ITEM.visible] as boolean;
  }

  /** QQuickItemPrivate::setEffectiveVisibleRecur: true if it changed; an item whose children changed says so. */
  updateEffectiveVisible(): boolean {
    const p = this.parentItem;
    const v = this.explicitVisible && (p === null || p.effectiveVisible);
    if (this.$store(ITEM.visible, v)) {
      let childChanged = false;
      for (const c of this.childItems) if (c.updateEffectiveVisible()) childChanged = true;
      if (childChanged && !this.$destroyed) this.$emit(ITEM.visibleChildrenChanged, undefined);
      p?.childVisibilityChanged(this);
      if (p) {
        p.childrenRectValid = false;
        if (p.childrenRectWatched) p.$emit(ITEM.childrenRectChanged, undefined);
      }
      this.notifyListeners(Change.Visible);
      // (hidden, an item keeps active focus in Qt 6.4: measured, focus_kept_when_hidden)
      this.markDirty(Dirty.Visibility);
      return true;
    }
    return false;
  }

  updateEffectiveEnabled(): void {
    const p = this.parentItem;
    const e = this.explicitEnabled && (p === null || (p.$v[ITEM.enabled] as boolean));
    if (this.$store(ITEM.enabled, e)) for (const c of this.childItems) c.updateEffectiveEnabled();
  }

  // ---- childrenRect ------------------------------------------------------------

  private childrenRectWatched = false;
  /** The last childrenRect computed (made on first use: most items never have it read). */
  private childrenRectCache: QRect | null = null;

  /** The bounding box of the children (QQuickItem::childrenRect), computed when read. */
  computeChildrenRect(): QRect {
    this.childrenRectWatched = true;
    const cache = this.childrenRectCache;
    if (this.childrenRectValid && cache !== null) return cache;
    let x1 = Number.POSITIVE_INFINITY;
    let y1 = Number.POSITIVE_INFINITY;
    let x2 = Number.NEGATIVE_INFINITY;
    let y2 = Number.NEGATIVE_INFINITY;
    for (const c of this.childItems) {
      const x = c.$v[ITEM.x] as number;
      const y = c.$v[ITEM.y] as number;
      x1 = Math.min(x1, x);
      y1 = Math.min(y1, y);
      x2 = Math.max(x2, x + (c.$v[ITEM.width] as number));
      y2 = Math.max(y2, y + (c.$v[ITEM.height] as number));
    }
    const r = this.childItems.length === 0 ? new QRect(0, 0, 0, 0) : new QRect(x1, y1, x2 - x1, y2 - y1);
    this.childrenRectValid = true;
    if (
      cache !== null &&
      r.x === cache.x &&
      r.y === cache.y &&
      r.width === cache.width &&
      r.height === cache.height
    )
      return cache;
    this.childrenRectCache = r;
    return r;
  }

  // ---- mapping ------------------------------------------------------------------

  /**
   * The point scale and rotation turn around, in the item's coordinates
   * (QQuickItemPrivate::computeTransformOrigin; Item.Center by default).
   */
  originPoint(): { x: number; y: number } {
    if (this.userOrigin !== null) return this.userOrigin;
    const w = this.$v[ITEM.width] as number;
    const h = this.$v[ITEM.height] as number;
    const origin = this.$v[ITEM.transformOrigin] as number;
    // TopLeft, Top, TopRight, Left, Center, Right, BottomLeft, Bottom, BottomRight.
    return { x: (w * (origin % 3)) / 2, y: (h * Math.floor(origin / 3)) / 2 };
  }

  /** An origin set from C++ in Qt (QQuickItem::setTransformOriginPoint: a PathAnimation's anchor point). */
  userOrigin: { x: number; y: number } | null = null;

  /** Whether scale, rotation or a `transform` list make this item's transform more than a translation. */
  get transformed(): boolean {
    return (
      (this.$v[ITEM.rotation] as number) !== 0 ||
      (this.$v[ITEM.scale] as number) !== 1 ||
      this.$v[ITEM.transform] !== null
    );
  }

  // ---- transform list (Item.transform) ------------------------------------------------

  /** Appends to `transform`; one already there moves to the end (QQuickTransform::appendToItem). */
  appendTransform(v: unknown): void {
    if (!(v instanceof ItemTransform)) return;
    const list = (this.$v[ITEM.transform] as ItemTransform[] | null) ?? [];
    const i = list.indexOf(v);
    if (i >= 0) list.splice(i, 1);
    else v.addUser(this);
    list.push(v);
    this.$v[ITEM.transform] = list;
    this.transformChanged();
  }

  /** Puts a transform first in the list (QQuickTransform::prependToItem: Flipable's mirror of its back). */
  prependTransform(t: ItemTransform): void {
    const list = (this.$v[ITEM.transform] as ItemTransform[] | null) ?? [];
    if (list.includes(t)) return;
    t.addUser(this);
    list.unshift(t);
    this.$v[ITEM.transform] = list;
    this.transformChanged();
  }

  /** `transform = [...]`: the list is cleared, then each element appended (QQmlListProperty's replace). */
  setTransforms(values: unknown[]): void {
    const items = values.slice();
    for (const t of (this.$v[ITEM.transform] as ItemTransform[] | null) ?? []) t.removeUser(this);
    this.$v[ITEM.transform] = null;
    for (const v of items) this.appendTransform(v);
    this.transformChanged();
  }

  /** A transform of the list was destroyed (~QQuickTransform). */
  removeTransform(t: ItemTransform): void {
    const list = this.$v[ITEM.transform] as ItemTransform[] | null;
    if (list === null || !list.includes(t)) return;
    list.splice(list.indexOf(t), 1);
    if (list.length === 0) this.$v[ITEM.transform] = null;
    this.transformChanged();
  }

  /** A transform of the list changed (QQuickTransform::update). */
  transformChanged(): void {
    this.markDirty(Dirty.Transform);
  }

  /**
   * `t` (the transform of this item's parent to the scene, or the identity)
   * followed by this item's own, as QQuickItemPrivate::itemToParentTransform
   * makes it: translate(x, y); the `transform` list applied through a
   * single-precision 4x4 matrix (its first element is the first applied to
   * a point) and projected back; then scale and rotation around the
   * transform origin.
   */
  applyParentTransform(t: QTransform): QTransform {
    const v = this.$v;
    const x = v[ITEM.x] as number;
    const y = v[ITEM.y] as number;
    if (x !== 0 || y !== 0) t = translate3(t, x, y);
    const list = v[ITEM.transform] as ItemTransform[] | null;
    if (list !== null) {
      const m = matrixOf(t);
      for (let i = list.length - 1; i >= 0; i--) list[i]!.applyTo(m);
      t = transformOf(m);
    }
    const s = v[ITEM.scale] as number;
    const r = v[ITEM.rotation] as number;
    if (s !== 1 || r !== 0) {
      const o = this.originPoint();
      t = translate3(rotate3(scale3(translate3(t, o.x, o.y), s, s), r), -o.x, -o.y);
    }
    return t;
  }

  /** This item's transform to its parent's coordinates. */
  parentTransform(): QTransform {
    return this.applyParentTransform(IDENTITY);
  }

  /** This item's transform to the scene's coordinates (QQuickItemPrivate::itemToWindowTransform). */
  sceneTransform(): QTransform {
    const p = this.parentItem;
    return this.applyParentTransform(p === null ? IDENTITY : p.sceneTransform());
  }

  /**
   * Maps a point of this item to its parent's coordinates. Qt
   * (QQuickItemPrivate::itemToParentTransform): translate(x, y), then scale
   * and rotation (clockwise, in degrees) around the transform origin.
   */
  mapToParentPoint(px: number, py: number): { x: number; y: number } {
    const x = this.$v[ITEM.x] as number;
    const y = this.$v[ITEM.y] as number;
    if (!this.transformed) return { x: px + x, y: py + y };
    if (this.$v[ITEM.transform] !== null) return mapThrough(this.parentTransform(), px, py);
    const o = this.originPoint();
    const s = this.$v[ITEM.scale] as number;
    const a = ((this.$v[ITEM.rotation] as number) * Math.PI) / 180;
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const dx = px - o.x;
    const dy = py - o.y;
    return { x: x + o.x + s * (dx * cos - dy * sin), y: y + o.y + s * (dx * sin + dy * cos) };
  }

  /** Maps a point of the parent's coordinates to this item's (the inverse of mapToParentPoint; scale 0 divides by 0). */
  mapFromParentPoint(px: number, py: number): { x: number; y: number } {
    const x = this.$v[ITEM.x] as number;
    const y = this.$v[ITEM.y] as number;
    if (!this.transformed) return { x: px - x, y: py - y };
    if (this.$v[ITEM.transform] !== null) return mapThrough(inverted(this.parentTransform()), px, py);
    const o = this.originPoint();
    const s = this.$v[ITEM.scale] as number;
    const a = ((this.$v[ITEM.rotation] as number) * Math.PI) / 180;
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const dx = (px - x - o.x) / s;
    const dy = (py - y - o.y) / s;
    return { x: o.x + dx * cos + dy * sin, y: o.y - dx * sin + dy * cos };
  }

  /** Maps a point of this item to scene (window) coordinates (QQuickItem::mapToScene). */
  mapToScenePoint(px: number, py: number): { x: number; y: number } {
    for (let i: Item | null = this; i !== null; i = i.parentItem)
      if (i.$v[ITEM.transform] !== null) return mapThrough(this.sceneTransform(), px, py);
    let p = { x: px, y: py };
    for (let i: Item | null = this; i !== null; i = i.parentItem) p = i.mapToParentPoint(p.x, p.y);
    return p;
  }

  /** Maps a scene (window) point to this item's coordinates (QQuickItem::mapFromScene). */
  mapFromScenePoint(sx: number, sy: number): { x: number; y: number } {
    const chain: Item[] = [];
    let listed = false;
    for (let i: Item | null = this; i !== null; i = i.parentItem) {
      // Qt: a transform that cannot be inverted (scale 0) inverts to the identity.
      if ((i.$v[ITEM.scale] as number) === 0) return { x: sx, y: sy };
      if (i.$v[ITEM.transform] !== null) listed = true;
      chain.push(i);
    }
    // The whole chain's transform, inverted (QQuickItemPrivate::windowToItemTransform).
    if (listed) return mapThrough(inverted(this.sceneTransform()), sx, sy);
    let p = { x: sx, y: sy };
    for (let k = chain.length - 1; k >= 0; k--) p = chain[k]!.mapFromParentPoint(p.x, p.y);
    return p;
  }

  /** Position of this item's origin in scene (window) coordinates. */
  scenePosition(): { x: number; y: number } {
    let x = 0;
    let y = 0;
    for (let i: Item | null = this; i !== null; i = i.parentItem) {
      if (i.transformed) return this.mapToScenePoint(0, 0);
      x += i.$v[ITEM.x] as number;
      y += i.$v[ITEM.y] as number;
    }
    return { x, y };
  }

  /** `mapToItem(item, x, y)` / `mapToItem(item, point)` / `mapToItem(item, x, y, w, h)`: to another item's coordinates (null = scene). */
  mapToItem(item: Item | null, a?: unknown, b?: unknown, c?: unknown, d?: unknown): QPoint | QRect {
    return mapArgs(a, b, c, d, (x, y) => {
      const p = this.mapToScenePoint(x, y);
      return item ? item.mapFromScenePoint(p.x, p.y) : p;
    });
  }

  /** `mapFromItem(item, x, y)`: maps a point (or rectangle) from another item's coordinates (null = scene). */
  mapFromItem(item: Item | null, a?: unknown, b?: unknown, c?: unknown, d?: unknown): QPoint | QRect {
    return mapArgs(a, b, c, d, (x, y) => {
      const p = item ? item.mapToScenePoint(x, y) : { x, y };
      return this.mapFromScenePoint(p.x, p.y);
    });
  }

  mapToGlobal(a?: unknown, b?: unknown): QPoint | QRect {
    return this.mapToItem(null, a, b);
  }

  mapFromGlobal(a?: unknown, b?: unknown): QPoint | QRect {
    return this.mapFromItem(null, a, b);
  }

  /** QQuickItem::update: the item's content is drawn again at the next frame. */
  update(): void {
    this.markDirty(Dirty.Content);
  }

  /** True if the point (in this item's coordinates) is inside the item (QQuickItem::contains). */
  contains(point: unknown, maybeY?: unknown): boolean {
    let x: number;
    let y: number;
    if (typeof point === 'number') {
      x = point;
      y = Number(maybeY);
    } else {
      const p = point as { x: number; y: number };
      x = p.x;
      y = p.y;
    }
    // (a mask item is asked with the point less its position, as if it were a child: QQuickItem::contains)
    const mask = this.$v[ITEM.containmentMask] as Item | null;
    if (mask !== null) return mask.contains(x - (mask.$v[ITEM.x] as number), y - (mask.$v[ITEM.y] as number));
    return x >= 0 && y >= 0 && x < (this.$v[ITEM.width] as number) && y < (this.$v[ITEM.height] as number);
  }

  /** QQuickItem::setContainmentMask: an Item only (another object has no invokable contains(QPointF) here). */
  setContainmentMask(mask: unknown): void {
    if (mask !== null && mask !== undefined && !(mask instanceof Item)) {
      this.warn('QQuickItem: Object set as mask does not have an invokable contains method, ignoring it.');
      return;
    }
    this.$store(ITEM.containmentMask, mask ?? null);
  }

  /**
   * The last visible child, in declaration order, at (x, y) in this item's
   * coordinates (QQuickItem::childAt walks childItems, not the paint order:
   * z does not count).
   */
  childAt(...args: unknown[]): Item | null {
    if (args.length < 2) throw new Error('Insufficient arguments');
    const x = Number(args[0]);
    const y = Number(args[1]);
    const kids = this.childItems;
    for (let i = kids.length - 1; i >= 0; i--) {
      const c = kids[i]!;
      if (!c.effectiveVisible) continue;
      // (in the child's coordinates: its rotation, scale and transforms count)
      const p = c.mapFromParentPoint(x, y);
      if (p.x >= 0 && p.y >= 0 && p.x <= (c.$v[ITEM.width] as number) && p.y <= (c.$v[ITEM.height] as number))
        return c;
    }
    return null;
  }

  // ---- focus ----------------------------------------------------------------------

  /** The nearest focus scope above this item (the window's root item at the top). */
  focusScope(): Item | null {
    for (let p = this.parentItem; p !== null; p = p.parentItem) if (p.isFocusScope) return p;
    return null;
  }

  /** `focus = v` (QQuickItem::setFocus). */
  private setFocus(v: boolean): void {
    if (this.$v[ITEM.focus] === v) return;
    if (this.window) {
      const scope = this.focusScope();
      if (scope) {
        if (v) this.window.setFocusInScope(scope, this);
        else this.window.clearFocusInScope(scope, this);
        return;
      }
    }
    // Not in a window (yet): remember the focus in the parent chain
    // (updateSubFocusItem). The scope is the nearest focus scope or, without
    // one, the top of the tree, which then holds a single focused item.
    let scope = this.parentItem;
    while (scope && !scope.isFocusScope && scope.parentItem) scope = scope.parentItem;
    if (scope) {
      if (v) {
        const old = scope.subFocusItem;
        if (old && old !== this) {
          updateSubFocusItem(old, scope, false);
          old.$store(ITEM.focus, false);
        } else if (!old && !scope.isFocusScope && (scope.$v[ITEM.focus] as boolean)) {
          scope.$store(ITEM.focus, false);
        }
        updateSubFocusItem(this, scope, true);
      } else if (scope.subFocusItem === this) updateSubFocusItem(this, scope, false);
    }
    this.$store(ITEM.focus, v);
  }

  /**
   * Focus travelling with a reparented subtree (QQuickItem::setParentItem):
   * a focused item in the moved subtree keeps its focus only if the new
   * scope has no focused item yet; the first one in wins.
   */
  private moveFocusWithParent(oldParent: Item | null): void {
    let scopeFocused: Item | null = null;
    if (this.$v[ITEM.focus] as boolean) scopeFocused = this;
    else if (!this.isFocusScope && this.subFocusItem) scopeFocused = this.subFocusItem;
    if (oldParent && scopeFocused) {
      let oldScope: Item | null = oldParent;
      while (oldScope && !oldScope.isFocusScope) oldScope = oldScope.parentItem;
      if (oldScope && oldScope.subFocusItem === scopeFocused) {
        if (this.window || oldParent.window)
          oldParent.window?.clearFocusInScope(oldScope, scopeFocused, true);
        updateSubFocusItem(scopeFocused, oldScope, false, this);
      }
    }
    const p = this.parentItem;
    if (!p || !scopeFocused) return;
    let scope: Item = p;
    while (!scope.isFocusScope && scope.parentItem) scope = scope.parentItem;
    if (scope.subFocusItem || (!scope.isFocusScope && (scope.$v[ITEM.focus] as boolean))) {
      if (scopeFocused !== this) updateSubFocusItem(scopeFocused, this, false);
      scopeFocused.$store(ITEM.focus, false);
    } else if (this.window && scope.window) {
      this.window.setFocusInScope(scope, scopeFocused, true);
    } else {
      updateSubFocusItem(scopeFocused, scope, true);
    }
  }

  /** `forceActiveFocus()`: gives focus to this item and every focus scope above it. */
  forceActiveFocus(): void {
    this.setFocus(true);
    let scope = this.focusScope();
    while (scope?.parentItem) {
      scope.setFocus(true);
      scope = scope.focusScope();
    }
  }

  nextItemInFocusChain(forward = true): Item | null {
    return this.window?.nextInFocusChain(this, forward) ?? null;
  }

  /** A URL as Qt resolves an item's `source`: against the file the item is declared in. */
  urlFromDeclaration(url: string): string {
    const base = this.$declaration?.url;
    try {
      return base ? new URL(url, base).href : url;
    } catch {
      return url;
    }
  }

  // ---- states -----------------------------------------------------------------------

  /** QQuickItemPrivate::_states: the state group, made on first use. */
  states_(): StateGroupHook | null {
    if (this.stateGroup === null && stateGroups.make !== null)
      this.stateGroup = stateGroups.make(this, this.complete);
    return this.stateGroup;
  }

  setState(name: string): void {
    const g = this.states_();
    if (g !== null) g.setState(name);
    else if (this.complete) this.$store(ITEM.state, name);
    else this.$v[ITEM.state] = name;
  }

  // ---- life cycle -------------------------------------------------------------------

  $classBegin(): void {}

  /** QQuickItem::componentComplete: anchors start working; subclasses lay out. */
  $componentComplete(): void {
    this.complete = true;
    if (this.stateGroup !== null) this.stateGroup.componentComplete();
    // (a state named with no states: Qt's state group announces it now)
    else if (this.$v[ITEM.state] !== '') this.$emit(ITEM.stateChanged, undefined);
    const a = this.$v[ITEM.anchors] as Anchors | null;
    if (a !== null) a.componentComplete();
    this.componentComplete();
  }

  /** For subclasses: the object and its bindings are set up. */
  protected componentComplete(): void {}

  /** Schedules `updatePolish` before the next frame (QQuickItem::polish). */
  polish(): void {
    if (this.polishRequested || !this.$engine) return;
    this.polishRequested = true;
    this.$engine.requestPolish(this);
  }

  $updatePolish(): void {
    this.polishRequested = false;
    if (!this.$destroyed) this.updatePolish();
  }

  /** For subclasses: lay out (positioners, views). */
  protected updatePolish(): void {}

  /** QQuickItem::ensurePolished: lays out now (a polish already asked for still comes). */
  ensurePolished(): void {
    if (!this.$destroyed) this.updatePolish();
  }

  /** Set once `antialiasing` was assigned; until then it reads the type's implicit value. */
  private explicitAntialiasing = false;

  setAntialiasing(v: boolean): void {
    this.explicitAntialiasing = true;
    this.$store(ITEM.antialiasing, v);
  }

  /** The type's own default for `antialiasing` (QQuickItemPrivate::setImplicitAntialiasing: Rectangle turns it on for a radius). */
  setImplicitAntialiasing(v: boolean): void {
    if (!this.explicitAntialiasing) this.$store(ITEM.antialiasing, v);
  }

  /** Prints a warning about this item the way qmlWarning(item) does. */
  warn(message: string): void {
    qmlWarning(this, message);
  }

  override $teardown(): void {
    this.notifyListeners(Change.Destroyed);
    this.listeners = null;
    const a = this.$v[ITEM.anchors] as Anchors | null;
    a?.detach();
    if (this.window) {
      if (this.window.activeFocusItem === this || this.subFocusItem) this.window.dropFocusWithin(this);
    }
    this.setParentItem(null);
    for (const t of (this.$v[ITEM.transform] as ItemTransform[] | null) ?? []) t.removeUser(this);
  }

  /** A non-visual child (a Timer, a WebSocket, a ListModel): owned, listed in `resources`. */
  appendResource(o: QObject): void {
    o.$setOwner(this);
    // (Qt: the handler declared last gets events first)
    if ((o as Partial<PointerHandlerLike>).handlePointer !== undefined) {
      const h = o as unknown as PointerHandlerLike;
      this.pointerHandlers ??= [];
      this.pointerHandlers.unshift(h);
      h.attach(this);
    }
    const list = (this.$v[ITEM.resources] as QObject[] | null) ?? [];
    list.push(o);
    this.$v[ITEM.resources] = list;
  }

  /** `layer.enabled`: drawn into one texture first (cut to the item, its opacity on the whole). */
  layerEnabled = false;

  /** LayerOwner: `layer.enabled` changed. */
  layerChanged(enabled: boolean): void {
    this.layerEnabled = enabled;
    this.markDirty(Dirty.Clip | Dirty.Opacity);
  }

  // ---- pointer input (delivered by QuickWindow.deliverPointer) -------------------------

  /** The pointer handlers (TapHandler, HoverHandler, PointHandler, DragHandler) declared in this item, the last declared first. */
  pointerHandlers: PointerHandlerLike[] | null = null;
  /** Mouse buttons this item takes (MouseArea, TextInput, Flickable set it); 0: not a pointer target. */
  acceptedMouseButtons = 0;
  /** Wants hover events (MouseArea with hoverEnabled). */
  acceptHover = false;
  /** Wants wheel events (Flickable, MouseArea). */
  acceptWheel = false;
  /** Sees pointer events meant for its descendants first and may take them (Flickable stealing a drag). */
  filtersChildMouseEvents = false;
  /** While it has the pointer grab, ancestors may not take it (QQuickItem::keepMouseGrab; MouseArea.preventStealing). */
  keepMouseGrab = false;
  /** The mouse cursor over this item (a Qt.CursorShape), or null for none of its own (QQuickItem::hasCursor). */
  itemCursor: number | null = null;

  /** A press, move or release for this item (local coordinates in the event); set `accepted` to take it. */
  pointerEvent(_event: PointerEventLike): void {}
  /** Called for an ancestor with `filtersChildMouseEvents`: return true to take the event from `target`. */
  childPointerEventFilter(_target: Item, _event: PointerEventLike): boolean {
    return false;
  }
  /** The item lost the pointer grab (another item took it, or the gesture was cancelled). */
  pointerUngrab(): void {}
  /** Hover enter ('hoverenter'), move ('hover') and leave ('hoverleave') for items with `acceptHover`. */
  hoverEvent(_event: PointerEventLike): void {}
  wheelEvent(_event: PointerEventLike): void {}

  /** Is the scene point inside this item and not clipped away by an ancestor? */
  hitTest(sceneX: number, sceneY: number): boolean {
    const p = this.mapFromScenePoint(sceneX, sceneY);
    if (!this.contains(p.x, p.y)) return false;
    for (let a = this.parentItem; a !== null; a = a.parentItem) {
      if (a.$v[ITEM.clip] as boolean) {
        const q = a.mapFromScenePoint(sceneX, sceneY);
        if (!a.contains(q.x, q.y)) return false;
      }
    }
    return true;
  }

  /** Key handling of the item itself (TextInput overrides); return true when accepted. */
  keyPressEvent(_event: KeyEventLike): boolean {
    return false;
  }
  keyReleaseEvent(_event: KeyEventLike): boolean {
    return false;
  }

  /** The key filters attached to this item (`Keys`, `KeyNavigation`), in the order they take keys (Qt's extra->keyHandler). */
  keyHandler: ItemKeyHandler | null = null;

  /**
   * One item's share of key delivery (QQuickItemPrivate::deliverKeyEvent):
   * Keys with priority BeforeItem, then the item's own handling, then Keys
   * with AfterItem. Expects `event.accepted` true on entry; leaves it true
   * when someone took the key.
   */
  deliverKeyEvent(event: KeyEventLike, press: boolean): void {
    const h = this.keyHandler;
    if (h !== null) {
      filterKey(h, event, press, false);
      if (event.accepted) return;
      event.accepted = true;
    }
    event.accepted = press ? this.keyPressEvent(event) : this.keyReleaseEvent(event);
    if (event.accepted || h === null) return;
    filterKey(h, event, press, true);
  }
}

/** Key handling attached to an item around its own (`Keys`); `post` is the pass after the item's own handling. */
export interface ItemKeyHandler {
  keyPressed(event: KeyEventLike, post: boolean): void;
  keyReleased(event: KeyEventLike, post: boolean): void;
  /** The filter made before this one (QQuickItemKeyFilter::m_next): what this one leaves goes there. */
  nextKeyHandler: ItemKeyHandler | null;
  /** Qt's ShortcutOverride: true when the filter keeps the key from the shortcuts. */
  overridesShortcut?(event: KeyEventLike): boolean;
}

/** Qt's QQuickItemKeyFilter chain (Keys, KeyNavigation): the first to accept takes the key. */
function filterKey(h: ItemKeyHandler | null, event: KeyEventLike, press: boolean, post: boolean): void {
  for (; h !== null; h = h.nextKeyHandler) {
    event.accepted = true;
    if (press) h.keyPressed(event, post);
    else h.keyReleased(event, post);
    if (event.accepted) return;
  }
  event.accepted = false;
}

/**
 * Adds a key filter to an item's chain, after those made before it. (Qt puts
 * each new filter first, but makes an object's attached objects in the
 * reverse of the order ours are made in: measured, the one declared first
 * takes the key first.)
 */
export function addKeyHandler(item: Item, h: ItemKeyHandler): void {
  h.nextKeyHandler = null;
  if (item.keyHandler === null) {
    item.keyHandler = h;
    return;
  }
  let last = item.keyHandler;
  while (last.nextKeyHandler !== null) last = last.nextKeyHandler;
  last.nextKeyHandler = h;
}

/** Takes a key filter out of an item's chain. */
export function removeKeyHandler(item: Item, h: ItemKeyHandler): void {
  if (item.keyHandler === h) item.keyHandler = h.nextKeyHandler;
  else
    for (let k = item.keyHandler; k !== null; k = k.nextKeyHandler)
      if (k.nextKeyHandler === h) {
        k.nextKeyHandler = h.nextKeyHandler;
        break;
      }
  h.nextKeyHandler = null;
}

/** A pointer event as items see it: scene and local position, buttons, wheel deltas. */
export interface PointerEventLike {
  type: 'press' | 'move' | 'release' | 'hover' | 'wheel' | 'doubleclick' | 'hoverenter' | 'hoverleave';
  /** Position in the scene (window). */
  sceneX: number;
  sceneY: number;
  /** Position in the receiving item, set by the delivery for each item. */
  x: number;
  y: number;
  /** The button that changed (Qt.LeftButton...), and all buttons held. */
  button: number;
  buttons: number;
  modifiers: number;
  /** Milliseconds, for velocities and double clicks. */
  timestamp: number;
  /** Wheel: eighths of a degree (120 = one notch), and pixels when the device gives them. */
  angleDeltaX: number;
  angleDeltaY: number;
  pixelDeltaX: number;
  pixelDeltaY: number;
  accepted: boolean;
}

/**
 * A pointer handler as the window delivers to it (QQuickPointerHandler):
 * `handlePointer` returns the grab it takes or keeps ('exclusive',
 * 'passive') or null; `ungrab` tells it it lost its grab (canceled:
 * another took it).
 */
export interface PointerHandlerLike {
  readonly parentItem: Item | null;
  attach(item: Item): void;
  /** The point (in the parent item) is one the handler takes: enabled, within its margin. */
  wants(x: number, y: number): boolean;
  /** `grabbed`: a press another item or handler holds exclusively already. */
  handlePointer(
    e: PointerEventLike,
    grab: 'exclusive' | 'passive' | null,
    grabbed?: boolean,
  ): 'exclusive' | 'passive' | null;
  /** A hover event (hovering: the item is under the pointer); true if the handler is hovered. */
  handleHover(e: PointerEventLike, hovering: boolean): boolean;
  /** A wheel event: null when the handler does not take it, else whether it keeps it from the rest. */
  handleWheel(e: PointerEventLike): 'blocking' | 'passing' | null;
  ungrab(passive: boolean, canceled: boolean): void;
}

/** A key event as items get it (Keys.ts makes the KeyEvent object QML handlers see). */
export interface KeyEventLike {
  key: number;
  text: string;
  modifiers: number;
  accepted: boolean;
  isAutoRepeat: boolean;
  /** Keys in a compressed event (default 1). */
  count?: number;
  nativeScanCode?: number;
}

type PointMap = (x: number, y: number) => { x: number; y: number };

/** A point maps to a point; a rectangle to the bounds of its mapped corners (QTransform::mapRect). */
/** QTransform::inverted: the adjoint over the determinant; one that cannot be inverted gives the identity. */
function inverted(t: QTransform): QTransform {
  const [a, b, c, d, e, f, g, h, i] = t;
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  if (Math.abs(det) <= 1e-12) return IDENTITY;
  // prettier-ignore
  return [
    (e * i - f * h) / det,
    (c * h - b * i) / det,
    (b * f - c * e) / det,
    (f * g - d * i) / det,
    (a * i - c * g) / det,
    (c * d - a * f) / det,
    (d * h - e * g) / det,
    (b * g - a * h) / det,
    (a * e - b * d) / det,
  ];
}

/** QTransform::map of a point: projective transforms divide by w, kept in front of the viewer (Q_NEAR_CLIP). */
export function mapThrough(t: QTransform, x: number, y: number): { x: number; y: number } {
  const mx = t[0]! * x + t[3]! * y + t[6]!;
  const my = t[1]! * x + t[4]! * y + t[7]!;
  if (t[2] === 0 && t[5] === 0 && t[8] === 1) return { x: mx, y: my };
  const w = 1 / Math.max(t[2]! * x + t[5]! * y + t[8]!, 0.000001);
  return { x: mx * w, y: my * w };
}

function mapArgs(a: unknown, b: unknown, c: unknown, d: unknown, map: PointMap): QPoint | QRect {
  let x: number;
  let y: number;
  let w: number | undefined;
  let h = 0;
  if (typeof a === 'number') {
    x = a;
    y = b as number;
    if (typeof c === 'number') {
      w = c;
      h = d as number;
    }
  } else {
    const o = (a ?? { x: 0, y: 0 }) as { x: number; y: number; width?: number; height?: number };
    x = o.x;
    y = o.y;
    if (typeof o.width === 'number') {
      w = o.width;
      h = o.height ?? 0;
    }
  }
  const p = map(x, y);
  if (w === undefined) return new QPoint(p.x, p.y);
  const q = map(x + w, y + h);
  const r = map(x + w, y);
  const t = map(x, y + h);
  const left = Math.min(p.x, q.x, r.x, t.x);
  const top = Math.min(p.y, q.y, r.y, t.y);
  return new QRect(left, top, Math.max(p.x, q.x, r.x, t.x) - left, Math.max(p.y, q.y, r.y, t.y) - top);
}

/** Records (or clears) `item` as the focused item of `scope` on every item between them (QQuickItemPrivate::updateSubFocusItem). */
export function updateSubFocusItem(item: Item, scope: Item, focus: boolean, stopAt?: Item): void {
  for (let p = item.parentItem; p !== null; p = p.parentItem) {
    if (focus) p.subFocusItem = item;
    else if (p.subFocusItem === item) p.subFocusItem = null;
    if (p === scope || p === stopAt) break;
  }
}

function lineValue(kind: AnchorLineKind) {
  return (obj: QObject): AnchorLine => ({ item: obj as Item, line: kind });
}

const itemChanged = (change: Change) => (obj: QObject, old: unknown) =>
  (obj as Item).geometryChanged(change, old as number);

/** Read-only again in QQuickImplicitSizeItem's types (Text, TextInput, the positioners, Loader): the content sets it. */
export const IMPLICIT_SIZE = ['implicitWidth', 'implicitHeight'];

export const ItemMeta: MetaObject = defineType(Item, QtObjectMeta, {
  name: 'Item',
  cppClass: 'QQuickItem',
  defaultProperty: 'data',
  properties: {
    parent: { type: 'Item', changed: (o, old) => (o as Item).onParentChanged(old as Item | null) },
    // (Qt ignores NaN for x and y, as for width and height)
    x: {
      type: 'real',
      bindable: true,
      write: (o, v) => o.$store(ITEM.x, Number.isNaN(v) ? o.$v[ITEM.x] : v),
      changed: itemChanged(Change.X),
    },
    y: {
      type: 'real',
      bindable: true,
      write: (o, v) => o.$store(ITEM.y, Number.isNaN(v) ? o.$v[ITEM.y] : v),
      changed: itemChanged(Change.Y),
    },
    z: {
      type: 'real',
      changed: (o) => {
        const item = o as Item;
        const p = item.parentItem;
        if (p) (p as unknown as { sortedChildren: unknown }).sortedChildren = null;
        p?.markDirty(Dirty.Children);
        item.markDirty(Dirty.Z);
      },
    },
    width: {
      type: 'real',
      bindable: true,
      write: (o, v) => (o as Item).setWidth(v as number),
      reset: (o) => (o as Item).resetWidth(),
      changed: itemChanged(Change.Width),
    },
    height: {
      type: 'real',
      bindable: true,
      write: (o, v) => (o as Item).setHeight(v as number),
      reset: (o) => (o as Item).resetHeight(),
      changed: itemChanged(Change.Height),
    },
    implicitWidth: {
      type: 'real',
      changed: (o) => (o as Item).onImplicitWidthChanged(),
    },
    implicitHeight: {
      type: 'real',
      changed: (o) => (o as Item).onImplicitHeightChanged(),
    },
    opacity: {
      type: 'real',
      default: 1,
      // Qt keeps opacity within 0 and 1 (QQuickItem::setOpacity).
      write: (o, v) => o.$store(ITEM.opacity, Number.isNaN(v) ? 0 : Math.min(Math.max(v as number, 0), 1)),
      changed: (o) => {
        (o as Item).markDirty(Dirty.Opacity);
        (o as Item).notifyListeners(Change.Opacity);
      },
    },
    visible: {
      type: 'bool',
      default: true,
      write: (o, v) => {
        const item = o as Item;
        item.explicitVisible = v as boolean;
        // (the parent's visible children changed: QQuickItemPrivate::setVisible)
        if (item.updateEffectiveVisible()) item.parentItem?.$emit(ITEM.visibleChildrenChanged, undefined);
      },
    },
    enabled: {
      type: 'bool',
      default: true,
      write: (o, v) => {
        const item = o as Item;
        item.explicitEnabled = v as boolean;
        item.updateEffectiveEnabled();
      },
    },
    clip: { type: 'bool', changed: (o) => (o as Item).markDirty(Dirty.Clip) },
    focus: {
      type: 'bool',
      write: (o, v) => (o as unknown as { setFocus(v: boolean): void }).setFocus(v as boolean),
    },
    activeFocus: { type: 'bool', readonly: true },
    activeFocusOnTab: { type: 'bool' },
    rotation: { type: 'real', changed: (o) => (o as Item).markDirty(Dirty.Transform) },
    // (no change signal in Qt)
    transform: {
      type: 'list',
      constant: true,
      listOf: () => TransformMeta,
      append: (o, v) => (o as Item).appendTransform(v),
      write: (o, v) => (o as Item).setTransforms(v as unknown[]),
    },
    scale: { type: 'real', default: 1, changed: (o) => (o as Item).markDirty(Dirty.Transform) },
    transformOrigin: {
      type: 'enumeration',
      default: 4,
      changed: (o) => (o as Item).markDirty(Dirty.Transform),
    },
    smooth: { type: 'bool', default: true, changed: (o) => (o as Item).markDirty(Dirty.Content) },
    antialiasing: {
      type: 'bool',
      write: (o, v) => (o as Item).setAntialiasing(v as boolean),
      changed: (o) => (o as Item).markDirty(Dirty.Content),
    },
    baselineOffset: {
      type: 'real',
      changed: (o) => {
        // Qt (QQuickItem::setBaselineOffset): the items anchored to this one
        // move, then this item, if its own baseline is anchored.
        const item = o as Item;
        item.notifyListeners(Change.BaselineOffset);
        (item.$v[ITEM.anchors] as Anchors | null)?.ownBaselineOffsetChanged();
      },
    },
    state: { type: 'string', write: (o, v) => (o as Item).setState(v as string) },
    // (states, transitions, data, resources and anchors have no change signal in Qt)
    states: { type: 'list', constant: true, append: (o, v) => (o as Item).states_()?.appendState(v) },
    transitions: {
      type: 'list',
      constant: true,
      append: (o, v) => (o as Item).states_()?.appendTransition(v),
    },
    data: {
      type: 'list',
      constant: true,
      append: (obj, v) => {
        if (v instanceof Item) v.setParentItem(obj as Item);
        else if (v instanceof QObject) (obj as Item).appendResource(v);
      },
    },
    children: {
      type: 'list',
      append: (obj, v) => {
        if (v instanceof Item) v.setParentItem(obj as Item);
      },
    },
    resources: {
      type: 'list',
      constant: true,
      append: (obj, v) => {
        if (v instanceof QObject) (obj as Item).appendResource(v);
      },
    },
    childrenRect: { type: 'rect', readonly: true },
    visibleChildren: { type: 'list', readonly: true },
    // (the point scale and rotation turn around: read from the item)
    transformOriginPoint: { type: 'point', readonly: true, constant: true },
    containmentMask: { type: 'QtObject', write: (o, v) => (o as Item).setContainmentMask(v) },
    layer: {
      type: 'QQuickItemLayer',
      readonly: true,
      constant: true,
      group: { meta: () => ItemLayerMeta, create: (owner) => new ItemLayer(owner as Item) },
    },
    anchors: {
      type: 'Anchors',
      // (a CONSTANT pointer property in Qt: assigning it is refused)
      readonly: true,
      constant: true,
      group: { meta: () => AnchorsMeta, create: (owner) => new Anchors(owner as Item) },
    },
    left: { type: 'var', constant: true },
    right: { type: 'var', constant: true },
    horizontalCenter: { type: 'var', constant: true },
    top: { type: 'var', constant: true },
    bottom: { type: 'var', constant: true },
    verticalCenter: { type: 'var', constant: true },
    baseline: { type: 'var', constant: true },
  },
  signals: { windowChanged: { params: [{ name: 'window', type: 'QQuickWindow' }] } },
  methods: [
    'mapToItem',
    'mapFromItem',
    'mapToGlobal',
    'mapFromGlobal',
    'contains',
    'childAt',
    'forceActiveFocus',
    'nextItemInFocusChain',
    'ensurePolished',
    'update',
  ],
  enums: {
    TopLeft: 0,
    Top: 1,
    TopRight: 2,
    Left: 3,
    Center: 4,
    Right: 5,
    BottomLeft: 6,
    Bottom: 7,
    BottomRight: 8,
  },
});

const WINDOW_CHANGED = ItemMeta.signalsByName.get('windowChanged')!.index;

export const ITEM = {
  state: ItemMeta.index('state'),
  states: ItemMeta.index('states'),
  transitions: ItemMeta.index('transitions'),
  stateChanged: ItemMeta.signalsByName.get('stateChanged')!.index,
  parent: ItemMeta.index('parent'),
  x: ItemMeta.index('x'),
  y: ItemMeta.index('y'),
  z: ItemMeta.index('z'),
  width: ItemMeta.index('width'),
  height: ItemMeta.index('height'),
  implicitWidth: ItemMeta.index('implicitWidth'),
  implicitHeight: ItemMeta.index('implicitHeight'),
  opacity: ItemMeta.index('opacity'),
  visible: ItemMeta.index('visible'),
  enabled: ItemMeta.index('enabled'),
  clip: ItemMeta.index('clip'),
  focus: ItemMeta.index('focus'),
  activeFocus: ItemMeta.index('activeFocus'),
  baselineOffset: ItemMeta.index('baselineOffset'),
  antialiasing: ItemMeta.index('antialiasing'),
  anchors: ItemMeta.index('anchors'),
  children: ItemMeta.index('children'),
  resources: ItemMeta.index('resources'),
  childrenRect: ItemMeta.index('childrenRect'),
  visibleChildren: ItemMeta.index('visibleChildren'),
  containmentMask: ItemMeta.index('containmentMask'),
  rotation: ItemMeta.index('rotation'),
  scale: ItemMeta.index('scale'),
  transformOrigin: ItemMeta.index('transformOrigin'),
  smooth: ItemMeta.index('smooth'),
  transform: ItemMeta.index('transform'),
  childrenChanged: ItemMeta.signalsByName.get('childrenChanged')!.index,
  visibleChildrenChanged: ItemMeta.signalsByName.get('visibleChildrenChanged')!.index,
  childrenRectChanged: ItemMeta.signalsByName.get('childrenRectChanged')!.index,
};

// Anchor lines are values computed from the item (`parent.left`).
for (const [name, kind] of [
  ['left', AnchorLineKind.Left],
  ['right', AnchorLineKind.Right],
  ['horizontalCenter', AnchorLineKind.HCenter],
  ['top', AnchorLineKind.Top],
  ['bottom', AnchorLineKind.Bottom],
  ['verticalCenter', AnchorLineKind.VCenter],
  ['baseline', AnchorLineKind.Baseline],
] as const) {
  const get = lineValue(kind);
  Object.defineProperty(Item.prototype, name, {
    configurable: true,
    get(this: Item) {
      return get(this);
    },
  });
}

// `children`, `resources` and `data` read as list references over the live
// lists (QQuickItemPrivate's QQmlListProperty functions: `data` is the
// resources, then the children); `childrenRect` reads the live value.
function childrenSource(item: Item): ListSource {
  return {
    count: () => item.childItems.length,
    at: (i) => item.childItems[i],
    append: (v) => {
      if (v instanceof Item) v.setParentItem(item);
    },
    clear: () => {
      for (const c of item.childItems.slice()) c.setParentItem(null);
    },
  };
}
function resourcesOf(item: Item): QObject[] {
  return (item.$v[ITEM.resources] as QObject[] | null) ?? [];
}
function resourcesSource(item: Item): ListSource {
  return {
    count: () => resourcesOf(item).length,
    at: (i) => resourcesOf(item)[i],
    append: (v) => {
      if (v instanceof QObject) item.appendResource(v);
    },
    clear: () => {
      item.$v[ITEM.resources] = [];
    },
  };
}
function assignedItems(v: unknown): unknown[] {
  return listElements(v) ?? (Array.isArray(v) ? v : [v]);
}
Object.defineProperty(Item.prototype, 'children', {
  configurable: true,
  get(this: Item) {
    this.$read(ITEM.children);
    return listReference(childrenSource(this));
  },
  set(this: Item, v: unknown) {
    const items = assignedItems(v);
    for (const c of this.childItems.slice()) c.setParentItem(null);
    for (const c of items) if (c instanceof Item) c.setParentItem(this);
  },
});
Object.defineProperty(Item.prototype, 'resources', {
  configurable: true,
  get(this: Item) {
    this.$read(ITEM.resources);
    return listReference(resourcesSource(this));
  },
});
Object.defineProperty(Item.prototype, 'data', {
  configurable: true,
  get(this: Item) {
    this.$read(ITEM.children);
    const children = childrenSource(this);
    const resources = resourcesSource(this);
    return listReference({
      count: () => resources.count() + children.count(),
      at: (i) => (i < resources.count() ? resources.at(i) : children.at(i - resources.count())),
      append: (v) => (v instanceof Item ? children.append(v) : resources.append(v)),
      clear: () => {
        resources.clear();
        children.clear();
      },
    });
  },
});
Object.defineProperty(Item.prototype, 'visibleChildren', {
  configurable: true,
  get(this: Item) {
    this.$read(ITEM.visibleChildren);
    const visible = () => this.childItems.filter((c) => c.effectiveVisible);
    return listReference({
      count: () => visible().length,
      at: (i) => visible()[i],
      append: () => {},
      clear: () => {},
    });
  },
});
Object.defineProperty(Item.prototype, 'transformOriginPoint', {
  configurable: true,
  get(this: Item) {
    const p = this.originPoint();
    return new QPoint(p.x, p.y);
  },
});
Object.defineProperty(Item.prototype, 'childrenRect', {
  configurable: true,
  get(this: Item) {
    this.$read(ITEM.childrenRect);
    return this.computeChildrenRect();
  },
});

Object.assign(geo, {
  x: ITEM.x,
  y: ITEM.y,
  width: ITEM.width,
  height: ITEM.height,
  baselineOffset: ITEM.baselineOffset,
  anchors: ITEM.anchors,
});
