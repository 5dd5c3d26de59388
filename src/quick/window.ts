// The window a scene is shown in (QQuickWindow + its delivery agent):
// the root item that is the top focus scope, the active focus item, key
// delivery, and the set of items the renderer must redraw. Headless: the
// renderer and the browser host drive it.
import { removeAt } from '../engine/arrays';
import type { EngineServices } from '../engine/context';
import { defineType, type MetaObject, type QObject } from '../engine/qobject';
import { QColor } from '../engine/valuetypes';
import {
  Dirty,
  ITEM,
  Item,
  ItemMeta,
  type KeyEventLike,
  type PointerEventLike,
  type PointerHandlerLike,
} from './items/Item';

/** QQuickRootItem: the window's content item, the top of every scene and its top focus scope. */
export class RootItem extends Item {
  constructor() {
    super();
    this.isFocusScope = true;
  }
}
export const RootItemMeta: MetaObject = defineType(RootItem, ItemMeta, {
  name: 'RootItem',
  cppClass: 'QQuickRootItem',
});

/** Receives the window's changes (the renderer). */
export interface WindowObserver {
  /** An item's drawing is out of date (it was clean before). */
  itemDirty(item: Item): void;
  itemAdded?(item: Item): void;
  itemRemoved?(item: Item): void;
  /** The active focus item changed. */
  activeFocusChanged?(item: Item | null): void;
  /** The cursor shape under the pointer changed (a Qt.CursorShape value). */
  cursorChanged?(shape: number): void;
}

/** The Shortcuts of an engine (Qt's application-wide QShortcutMap), made by the first one: tried before a key press goes to the items. */
export const shortcutMaps = new WeakMap<
  object,
  { readonly partial: boolean; tryShortcut(w: QuickWindow, event: KeyEventLike): boolean }
>();

export class QuickWindow {
  readonly contentItem: RootItem;
  activeFocusItem: Item | null = null;
  /** The scene's root item (what the qml tool loaded). */
  root: Item | null = null;
  color = new QColor(1, 1, 1);
  active = true;
  observer: WindowObserver | null = null;
  /** The QML object of this window (what `Item.Window.window` reads): a Window declared in QML, or one made for the root item. */
  qmlWindow: QObject | null = null;
  /**
   * Whether an item's drawing changed since the renderer last looked. A
   * flag, not a set of the items: a long-lived hash set that items pass
   * through every frame keeps the tables it outgrows, and the young items
   * those still name survive young-generation collections.
   */
  itemsChanged = false;

  constructor(engine: EngineServices | null) {
    this.contentItem = new RootItem();
    this.contentItem.$engine = engine;
    this.contentItem.window = this;
    this.contentItem.$componentComplete();
    // The content item of an active window has focus and active focus.
    this.contentItem.$store(ITEM.focus, true);
    this.contentItem.$store(ITEM.activeFocus, true);
    this.activeFocusItem = this.contentItem;
  }

  get width(): number {
    return this.contentItem.$v[ITEM.width] as number;
  }
  get height(): number {
    return this.contentItem.$v[ITEM.height] as number;
  }

  /** Shows `item` in the window, sized to the item like Qt's `qml` tool does. */
  setRoot(item: Item): void {
    this.root = item;
    this.resize(item.$v[ITEM.width] as number, item.$v[ITEM.height] as number);
    item.setParentItem(this.contentItem);
  }

  resize(w: number, h: number): void {
    this.contentItem.setWidth(w);
    this.contentItem.setHeight(h);
  }

  // ---- renderer bookkeeping --------------------------------------------------

  itemDirty(item: Item): void {
    this.itemsChanged = true;
    this.observer?.itemDirty(item);
  }

  itemAdded(item: Item): void {
    item.dirty = 0;
    item.markDirty(Dirty.All);
    this.observer?.itemAdded?.(item);
  }

  itemRemoved(item: Item): void {
    if (this.activeFocusItem === item) this.activeFocusItem = null;
    // An item that leaves the window loses the pointer grab and hover without hearing of it.
    if (this.pointerGrabber === item) this.pointerGrabber = null;
    if (this.handlerGrabber?.parentItem === item) this.handlerGrabber = null;
    if (item.pointerHandlers !== null)
      this.passiveGrabbers = this.passiveGrabbers.filter((h) => h.parentItem !== item);
    this.dropHover(item);
    this.observer?.itemRemoved?.(item);
  }

  /** An item is being destroyed: active focus cannot stay inside it (hiding one keeps it, as in Qt 6.4). */
  dropFocusWithin(item: Item): void {
    const afi = this.activeFocusItem;
    if (!afi) return;
    for (let i: Item | null = afi; i !== null; i = i.parentItem) {
      if (i === item) {
        const scope = item.focusScope() ?? this.contentItem;
        this.clearFocusInScope(scope, afi, true);
        return;
      }
    }
  }

  // ---- focus (QQuickDeliveryAgentPrivate::setFocusInScope / clearFocusInScope) ----

  setFocusInScope(scope: Item, item: Item, dontChangeFocusProperty = false): void {
    const changed: Item[] = [];
    let newActiveFocusItem: Item | null = null;
    if (item === this.contentItem || (scope.$v[ITEM.activeFocus] as boolean)) {
      const old = this.activeFocusItem;
      if (item.$v[ITEM.enabled] as boolean) {
        newActiveFocusItem = item;
        while (newActiveFocusItem.isFocusScope && newActiveFocusItem.subFocusItem) {
          const next: Item = newActiveFocusItem.subFocusItem;
          if (!(next.$v[ITEM.enabled] as boolean)) break;
          newActiveFocusItem = next;
        }
      } else newActiveFocusItem = scope;
      if (old) {
        this.activeFocusItem = null;
        for (let afi: Item | null = old; afi && afi !== scope; afi = afi.parentItem) {
          if (afi.$v[ITEM.activeFocus] as boolean) {
            afi.$store(ITEM.activeFocus, false);
            changed.push(afi);
          }
        }
      }
    }
    if (item !== this.contentItem) {
      const oldSub = scope.subFocusItem;
      if (oldSub && oldSub !== item) {
        oldSub.$store(ITEM.focus, false);
        for (let sfi = oldSub.parentItem; sfi && sfi !== scope; sfi = sfi.parentItem) sfi.subFocusItem = null;
      }
      scope.subFocusItem = item;
      for (let sfi = item.parentItem; sfi && sfi !== scope; sfi = sfi.parentItem) sfi.subFocusItem = item;
      if (!dontChangeFocusProperty) item.$store(ITEM.focus, true);
    }
    if (newActiveFocusItem && (this.contentItem.$v[ITEM.focus] as boolean)) {
      this.activeFocusItem = newActiveFocusItem;
      newActiveFocusItem.$store(ITEM.activeFocus, true);
      for (let afi = newActiveFocusItem.parentItem; afi && afi !== scope; afi = afi.parentItem) {
        if (afi.isFocusScope) afi.$store(ITEM.activeFocus, true);
      }
      this.observer?.activeFocusChanged?.(newActiveFocusItem);
    }
    void changed;
  }

  clearFocusInScope(scope: Item, item: Item, dontChangeFocusProperty = false): void {
    let newActiveFocusItem: Item | null = null;
    if (item === this.contentItem || (scope.$v[ITEM.activeFocus] as boolean)) {
      const old = this.activeFocusItem;
      newActiveFocusItem = scope;
      this.activeFocusItem = null;
      for (let afi: Item | null = old; afi && afi !== scope; afi = afi.parentItem) {
        if (afi.$v[ITEM.activeFocus] as boolean) afi.$store(ITEM.activeFocus, false);
      }
    }
    if (item !== this.contentItem) {
      const oldSub = scope.subFocusItem;
      if (oldSub && !dontChangeFocusProperty) oldSub.$store(ITEM.focus, false);
      for (let p = item.parentItem; p !== null; p = p.parentItem) {
        if (p.subFocusItem === item) p.subFocusItem = null;
        if (p === scope) break;
      }
    } else if (!dontChangeFocusProperty) item.$store(ITEM.focus, false);
    if (newActiveFocusItem) {
      this.activeFocusItem = newActiveFocusItem;
      this.observer?.activeFocusChanged?.(newActiveFocusItem);
    }
  }

  /** The next (or previous) item in the Tab focus chain: visible, enabled items with activeFocusOnTab, in tree order. */
  nextInFocusChain(from: Item, forward: boolean): Item | null {
    const all: Item[] = [];
    const walk = (i: Item) => {
      if (!i.effectiveVisible || !(i.$v[ITEM.enabled] as boolean)) return;
      if (i !== this.contentItem && (i.$v[i.$meta.index('activeFocusOnTab')] as boolean)) all.push(i);
      for (const c of i.childItems) walk(c);
    };
    walk(this.contentItem);
    if (all.length === 0) return null;
    const i = all.indexOf(from);
    if (i < 0) return forward ? all[0]! : all[all.length - 1]!;
    return all[(i + (forward ? 1 : all.length - 1)) % all.length]!;
  }

  // ---- pointer (QQuickDeliveryAgent for one mouse, plus QGuiApplication's double clicks) ----

  /** The item that took the press and gets the moves and the release (the exclusive grabber). */
  pointerGrabber: Item | null = null;
  /** A pointer handler with the exclusive grab (no item has it then), and those with a passive grab. */
  private handlerGrabber: PointerHandlerLike | null = null;
  private passiveGrabbers: PointerHandlerLike[] = [];
  /** The last pointer position in the scene (QQuickItem::isUnderMouse), NaN before any event. */
  pointerX = Number.NaN;
  pointerY = Number.NaN;
  /** The cursor shape under the pointer (a Qt.CursorShape; Qt.ArrowCursor when no item sets one). */
  cursorShape = ARROW_CURSOR;
  /**
   * Hovered items and the hover pass that last saw each (0: already sent a
   * leave), in the order they were first hovered. Two short arrays, not a
   * Map: the items of a view scrolling under a still pointer come and go
   * every frame, and a long-lived Map that churns keeps (through the hash
   * tables it leaves behind) every item it held alive through
   * young-generation collections.
   */
  private readonly hoverItems: Item[] = [];
  private readonly hoverIds: number[] = [];
  private currentHoverId = 0;
  private hoveredLeafItemFound = false;
  /** The previous press, for double clicks (QGuiApplicationPrivate::processMouseEvent). */
  private pressButton = 0;
  private pressTime = Number.NEGATIVE_INFINITY;
  private pressX = 0;
  private pressY = 0;

  /**
   * Items under a scene point, topmost first (QQuickDeliveryAgentPrivate::pointerTargets):
   * visible, enabled, inside every clipping ancestor; an item comes after its
   * children of z >= 0 and before those of negative z. With `handlers`, an
   * item whose pointer handlers take the point (within their margin) is one.
   */
  pointerTargets(x: number, y: number, want: (i: Item) => boolean, handlers = false): Item[] {
    const out: Item[] = [];
    // (px, py): the point in the coordinates of `item`'s parent.
    const visit = (item: Item, px: number, py: number) => {
      const local = item.mapFromParentPoint(px, py);
      const ix = local.x;
      const iy = local.y;
      const inside = item.contains(ix, iy);
      if (item.$v[ITEM.clip] && !inside) return;
      // (a handler's margin reaches beyond its item)
      const relevant =
        (inside && want(item)) || (handlers && (item.pointerHandlers?.some((h) => h.wants(ix, iy)) ?? false));
      const kids = item.paintOrderChildren;
      let selfDone = !relevant;
      for (let i = kids.length - 1; i >= 0; i--) {
        const c = kids[i]!;
        if (!selfDone && (c.$v[ITEM.z] as number) < 0) {
          out.push(item);
          selfDone = true;
        }
        if (!c.effectiveVisible || !(c.$v[ITEM.enabled] as boolean)) continue;
        visit(c, ix, iy);
      }
      if (!selfDone) out.push(item);
    };
    visit(this.contentItem, x, y);
    return out;
  }

  private localize(item: Item, e: PointerEventLike): void {
    const p = item.mapFromScenePoint(e.sceneX, e.sceneY);
    e.x = p.x;
    e.y = p.y;
  }

  /**
   * Lets the ancestors of `target` that filter child events (a Flickable) see
   * the event, nearest first (QQuickDeliveryAgentPrivate::sendFilteredPointerEvent).
   * A filter that returns true takes the event: `target` does not get it, and
   * the filter takes the grab, unless the grabber keeps it (preventStealing).
   * Returns the filter that took it.
   */
  private filteredByAncestor(target: Item, e: PointerEventLike): Item | null {
    if (target.acceptedMouseButtons === 0) return null;
    let taker: Item | null = null;
    for (let a = target.parentItem; a !== null; a = a.parentItem) {
      if (!a.filtersChildMouseEvents) continue;
      this.localize(a, e);
      e.accepted = true;
      if (a.childPointerEventFilter(target, e) && taker === null) taker = a;
    }
    if (taker !== null && this.pointerGrabber === target && target.keepMouseGrab) return null;
    return taker;
  }

  private setGrabber(item: Item | null): void {
    const h = this.handlerGrabber;
    if (item !== null && h !== null) {
      this.handlerGrabber = null;
      h.ungrab(false, true);
    }
    const old = this.pointerGrabber;
    if (old === item) return;
    this.pointerGrabber = item;
    old?.pointerUngrab();
  }

  /** A handler with a passive grab takes the exclusive one (a DragHandler past its threshold): the item that had it is canceled. */
  grabExclusive(h: PointerHandlerLike): void {
    this.setGrabber(null);
    this.handlerGrabber = h;
  }

  /** `item` gives up the grab it has (QQuickItem::ungrabMouse). */
  ungrabPointer(item: Item): void {
    if (this.pointerGrabber === item) this.setGrabber(null);
  }

  /** `item` takes the pointer (QQuickItem::grabMouse); the previous grabber hears pointerUngrab. */
  grabPointer(item: Item): void {
    this.setGrabber(item);
  }

  /**
   * Delivers one pointer event; returns true if an item took it. Hosts send
   * 'press', 'move' and 'release' (plus 'wheel'); double clicks are detected
   * here as Qt does: a second press of the same button within 400 ms of the
   * previous press, without moving more than 5 px from it in between.
   */
  deliverPointer(e: PointerEventLike): boolean {
    this.pointerX = e.sceneX;
    this.pointerY = e.sceneY;
    let taken = false;
    switch (e.type) {
      case 'press': {
        const double = e.timestamp - this.pressTime < DOUBLE_CLICK_INTERVAL && e.button === this.pressButton;
        this.pressTime = e.timestamp;
        this.pressX = e.sceneX;
        this.pressY = e.sceneY;
        // Qt: after a double click the next press starts over.
        this.pressButton = double ? 0 : e.button;
        taken = this.deliverPress(e);
        if (double) this.deliverPress({ ...e, type: 'doubleclick' });
        break;
      }
      case 'doubleclick':
        taken = this.deliverPress(e);
        break;
      case 'move':
      case 'hover': {
        if (
          Math.abs(e.sceneX - this.pressX) > DOUBLE_CLICK_DISTANCE ||
          Math.abs(e.sceneY - this.pressY) > DOUBLE_CLICK_DISTANCE
        )
          this.pressButton = 0;
        const m: PointerEventLike = e.type === 'move' ? e : { ...e, type: 'move' };
        const handlers = this.deliverToHandlerGrabbers(m);
        // Qt delivers hover only while nothing has the grab.
        if (this.handlerGrabber !== null) taken = true;
        else if (this.pointerGrabber !== null) taken = this.deliverToGrabber(m);
        else if (!handlers) this.deliverHover(e);
        break;
      }
      case 'release': {
        // (the passive grabbers first, then the item that has the press)
        const handlers = this.deliverToHandlerGrabbers(e);
        taken = this.deliverToGrabber(e) || handlers;
        if (e.buttons === 0) {
          this.setGrabber(null);
          this.handlerGrabber = null;
          // (passive grabs end with the gesture)
          for (const h of this.passiveGrabbers.splice(0)) h.ungrab(true, false);
        }
        break;
      }
      case 'wheel':
        taken = this.deliverWheel(e);
        break;
      case 'hoverenter':
      case 'hoverleave':
        break;
    }
    this.updateCursor();
    return taken;
  }

  /**
   * A press (or a double click) goes to the items under it, topmost first,
   * each item's pointer handlers before the item, until one accepts; after
   * that only the handlers of the items below get it.
   */
  private deliverPress(e: PointerEventLike): boolean {
    const targets = this.pointerTargets(e.sceneX, e.sceneY, (i) => i.acceptedMouseButtons !== 0, true);
    const skip: Item[] = [];
    // Once an item or a handler takes the press, only the handlers of the
    // items below still get it (QQuickDeliveryAgent's handlersOnly).
    let taken = false;
    for (const t of targets) {
      if (skip.includes(t)) continue;
      // An item's handlers get the press before the item itself.
      if (t.pointerHandlers !== null && e.type === 'press') {
        for (const h of t.pointerHandlers) {
          this.localize(t, e);
          const grab = h.handlePointer(e, null, this.pointerGrabber !== null || this.handlerGrabber !== null);
          if (grab === 'exclusive') {
            this.setGrabber(null);
            this.handlerGrabber = h;
          } else if (grab === 'passive' && !this.passiveGrabbers.includes(h)) this.passiveGrabbers.push(h);
          taken ||= grab !== null;
        }
      }
      if (taken || t.acceptedMouseButtons === 0) continue;
      const taker = this.filteredByAncestor(t, e);
      if (taker !== null) {
        skip.push(taker);
        if (e.accepted) {
          this.setGrabber(taker);
          taken = true;
        }
        continue;
      }
      if ((t.acceptedMouseButtons & e.button) === 0) continue;
      this.localize(t, e);
      // (a target for its handlers' margin only)
      if (!t.contains(e.x, e.y)) continue;
      e.accepted = true;
      t.pointerEvent(e);
      if (e.accepted) {
        this.setGrabber(t);
        taken = true;
      }
    }
    return taken;
  }

  /**
   * A move or release goes to the handlers with a passive grab, then to the
   * one with the exclusive grab; true if any had a grab. A handler that
   * lets its grab go is dropped (it has told its signals).
   */
  private deliverToHandlerGrabbers(e: PointerEventLike): boolean {
    const passive = this.passiveGrabbers;
    const exclusive = this.handlerGrabber;
    if (passive.length === 0 && exclusive === null) return false;
    for (const h of passive.slice()) {
      // (one that took the exclusive grab gets the event once, as its grabber)
      if (h === this.handlerGrabber) continue;
      this.localize(h.parentItem!, e);
      h.handlePointer(e, 'passive');
    }
    if (exclusive !== null) {
      this.localize(exclusive.parentItem!, e);
      if (exclusive.handlePointer(e, 'exclusive') !== 'exclusive' && this.handlerGrabber === exclusive)
        this.handlerGrabber = null;
    }
    return true;
  }

  /** A move or release goes to the grabber, unless an ancestor that filters takes it. */
  private deliverToGrabber(e: PointerEventLike): boolean {
    const g = this.pointerGrabber;
    if (g === null) return false;
    const taker = this.filteredByAncestor(g, e);
    if (taker !== null) {
      if (e.type !== 'release') this.setGrabber(taker);
      return true;
    }
    this.localize(g, e);
    e.accepted = true;
    g.pointerEvent(e);
    return true;
  }

  /**
   * A wheel event goes to the items under the pointer until one accepts it:
   * an item's pointer handlers first (a blocking WheelHandler keeps it),
   * then the item, if it takes wheel events.
   */
  private deliverWheel(e: PointerEventLike): boolean {
    for (const t of this.pointerTargets(e.sceneX, e.sceneY, (i) => i.acceptWheel, true)) {
      this.localize(t, e);
      for (const h of t.pointerHandlers ?? []) if (h.handleWheel(e) === 'blocking') return true;
      if (!t.acceptWheel) continue;
      e.accepted = true;
      t.wheelEvent(e);
      if (e.accepted) return true;
    }
    return false;
  }

  /**
   * Hover (QQuickDeliveryAgentPrivate::deliverHoverEvent, Qt 6.4): the topmost
   * hover-enabled item under the pointer and its hover-enabled ancestors get
   * enter/move, in that order; items no longer under it get a leave.
   */
  private deliverHover(e: PointerEventLike): void {
    this.currentHoverId++;
    this.hoveredLeafItemFound = false;
    this.deliverHoverRecursive(this.contentItem, e, e.sceneX, e.sceneY);
    const items = this.hoverItems.slice();
    const ids = this.hoverIds.slice();
    for (let k = 0; k < items.length; k++) {
      const item = items[k]!;
      const id = ids[k]!;
      if (id === this.currentHoverId) continue;
      this.dropHover(item);
      if (id !== 0) this.sendHover(item, e, 'hoverleave');
    }
  }

  /** The hover pass that last saw `item` (0: sent a leave), undefined if it is not hovered. */
  private hoverIdOf(item: Item): number | undefined {
    const i = this.hoverItems.indexOf(item);
    return i < 0 ? undefined : this.hoverIds[i];
  }

  private setHoverId(item: Item, id: number): void {
    const i = this.hoverItems.indexOf(item);
    if (i >= 0) {
      this.hoverIds[i] = id;
      return;
    }
    this.hoverItems.push(item);
    this.hoverIds.push(id);
  }

  private dropHover(item: Item): void {
    const i = this.hoverItems.indexOf(item);
    if (i < 0) return;
    removeAt(this.hoverItems, i);
    removeAt(this.hoverIds, i);
  }

  /** (px, py): the pointer in the coordinates of `item`'s parent (rotation, scale and transforms count). */
  private deliverHoverRecursive(item: Item, e: PointerEventLike, px: number, py: number): void {
    const p = item.mapFromParentPoint(px, py);
    const kids = item.paintOrderChildren;
    for (let i = kids.length - 1; i >= 0; i--) {
      const c = kids[i]!;
      if (!c.effectiveVisible) continue;
      if (c.$v[ITEM.clip] as boolean) {
        const q = c.mapFromParentPoint(p.x, p.y);
        if (!c.contains(q.x, q.y)) continue;
      }
      this.deliverHoverRecursive(c, e, p.x, p.y);
      // Once the hovered leaf is found, only its ancestors get the event.
      if (this.hoveredLeafItemFound) break;
    }
    const isHovering = item.contains(p.x, p.y);
    const was = this.hoverIdOf(item);
    const wasHovering = was !== undefined && was !== 0;
    if (item.acceptHover && (item.$v[ITEM.enabled] as boolean) && isHovering) {
      this.hoveredLeafItemFound = true;
      this.setHoverId(item, this.currentHoverId);
      this.sendHover(item, e, wasHovering ? 'hover' : 'hoverenter');
    } else if (wasHovering) {
      this.setHoverId(item, 0);
      this.sendHover(item, e, 'hoverleave');
    }
    // (then the item's HoverHandlers; a hovered one is a hovered leaf too)
    if (item.pointerHandlers !== null) {
      this.localize(item, e);
      for (const h of item.pointerHandlers) if (h.handleHover(e, true)) this.hoveredLeafItemFound = true;
    }
  }

  private sendHover(item: Item, e: PointerEventLike, type: PointerEventLike['type']): void {
    const h: PointerEventLike = { ...e, type, button: 0, accepted: true };
    this.localize(item, h);
    item.hoverEvent(h);
  }

  /**
   * Once per frame, after polish: when items changed and nothing has the grab,
   * hover is delivered again at the last pointer position, so that areas which
   * moved under a still pointer enter or leave, and the cursor follows
   * (QQuickDeliveryAgentPrivate::flushFrameSynchronousEvents).
   */
  flushFrameSynchronousEvents(): void {
    if (this.pointerGrabber !== null || Number.isNaN(this.pointerX) || !this.itemsChanged) return;
    this.deliverHover(pointerEventAt('hover', this.pointerX, this.pointerY));
    this.updateCursor();
  }

  /** The pointer left the window: hovered items get a leave (QQuickDeliveryAgentPrivate::clearHover). */
  pointerLeft(): void {
    const e = pointerEventAt('hoverleave', this.pointerX, this.pointerY);
    const items = this.hoverItems.slice();
    const ids = this.hoverIds.slice();
    for (let k = 0; k < items.length; k++) {
      this.dropHover(items[k]!);
      if (ids[k] !== 0) this.sendHover(items[k]!, e, 'hoverleave');
    }
  }

  /** Cancels the current pointer gesture (the page lost the pointer): the grabber hears pointerUngrab. */
  cancelPointer(): void {
    this.setGrabber(null);
  }

  /** Is the last pointer position over `item` (QQuickItem::isUnderMouse)? */
  isUnderPointer(item: Item): boolean {
    const p = item.mapFromScenePoint(this.pointerX, this.pointerY);
    return item.contains(p.x, p.y);
  }

  /** The topmost visible, enabled item under the pointer that sets a cursor (QQuickWindowPrivate::updateCursor). */
  private updateCursor(): void {
    let shape = ARROW_CURSOR;
    // (px, py): the pointer in the coordinates of `item`'s parent.
    const find = (item: Item, px: number, py: number): boolean => {
      const p = item.mapFromParentPoint(px, py);
      const inside = item.contains(p.x, p.y);
      if (item.$v[ITEM.clip] && !inside) return false;
      const kids = item.paintOrderChildren;
      for (let i = kids.length - 1; i >= 0; i--) {
        const c = kids[i]!;
        if (!c.effectiveVisible || !(c.$v[ITEM.enabled] as boolean)) continue;
        if (find(c, p.x, p.y)) return true;
      }
      if (item.itemCursor !== null && inside) {
        shape = item.itemCursor;
        return true;
      }
      return false;
    };
    find(this.contentItem, this.pointerX, this.pointerY);
    if (shape !== this.cursorShape) {
      this.cursorShape = shape;
      this.observer?.cursorChanged?.(shape);
    }
  }

  // ---- keys ----------------------------------------------------------------

  /**
   * Delivers a key press to the active focus item; unaccepted events go up
   * the parent chain (Keys attached handlers first at each item). Tab and
   * Backtab, if nobody takes them, move focus along the tab chain.
   */
  deliverKey(event: KeyEventLike, press: boolean): boolean {
    // Shortcuts come first, unless the focused item or a parent keeps the key
    // (Qt's ShortcutOverride, sent whether or not there are shortcuts, but
    // not in the middle of a sequence of several keys).
    if (press) {
      const shortcuts = shortcutMaps.get(this.contentItem.$engine ?? this);
      let kept = false;
      if (shortcuts === undefined || !shortcuts.partial)
        for (
          let item = this.activeFocusItem;
          item !== null && item !== this.contentItem;
          item = item.parentItem
        )
          if (item.keepsShortcutKey(event)) {
            kept = true;
            break;
          }
      if (!kept && shortcuts?.tryShortcut(this, event)) return true;
    }
    for (let item: Item | null = this.activeFocusItem; item !== null; item = item.parentItem) {
      if (item === this.contentItem) break;
      if (!(item.$v[ITEM.enabled] as boolean)) continue;
      event.accepted = true;
      item.deliverKeyEvent(event, press);
      if (event.accepted) return true;
    }
    if (press && (event.key === KEY_TAB || event.key === KEY_BACKTAB)) {
      const from = this.activeFocusItem ?? this.contentItem;
      const next = this.nextInFocusChain(from, event.key === KEY_TAB && !(event.modifiers & SHIFT));
      if (next && next !== from) {
        next.forceActiveFocus();
        return true;
      }
    }
    return false;
  }
}

/** QStyleHints::mouseDoubleClickInterval and QPlatformTheme::MouseDoubleClickDistance. */
const DOUBLE_CLICK_INTERVAL = 400;
const DOUBLE_CLICK_DISTANCE = 5;
const ARROW_CURSOR = 0;

/** A pointer event with no buttons at a scene position. */
export function pointerEventAt(
  type: PointerEventLike['type'],
  sceneX: number,
  sceneY: number,
): PointerEventLike {
  return {
    type,
    sceneX,
    sceneY,
    x: 0,
    y: 0,
    button: 0,
    buttons: 0,
    modifiers: 0,
    timestamp: 0,
    angleDeltaX: 0,
    angleDeltaY: 0,
    pixelDeltaX: 0,
    pixelDeltaY: 0,
    accepted: false,
  };
}

const KEY_TAB = 0x01000001;
const KEY_BACKTAB = 0x01000002;
const SHIFT = 0x02000000;
