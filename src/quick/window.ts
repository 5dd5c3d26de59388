// The window a scene is shown in (QQuickWindow + its delivery agent):
// the root item that is the top focus scope, the active focus item, key
// delivery, and the set of items the renderer must redraw. Headless: the
// renderer and the browser host drive it.
import type { EngineServices } from '../engine/context';
import { defineType, type MetaObject } from '../engine/qobject';
import { QColor } from '../engine/valuetypes';
import { Dirty, ITEM, Item, ItemMeta, type KeyEventLike, type PointerEventLike } from './items/Item';

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
}

export class QuickWindow {
  readonly contentItem: RootItem;
  activeFocusItem: Item | null = null;
  /** The scene's root item (what the qml tool loaded). */
  root: Item | null = null;
  color = new QColor(1, 1, 1);
  active = true;
  observer: WindowObserver | null = null;
  /** Items whose drawing changed since the renderer last looked. */
  readonly dirtyItems = new Set<Item>();

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
    this.dirtyItems.add(item);
    this.observer?.itemDirty(item);
  }

  itemAdded(item: Item): void {
    item.dirty = 0;
    item.markDirty(Dirty.All);
    this.observer?.itemAdded?.(item);
  }

  itemRemoved(item: Item): void {
    this.dirtyItems.delete(item);
    if (this.activeFocusItem === item) this.activeFocusItem = null;
    this.observer?.itemRemoved?.(item);
  }

  /** An item became invisible or left: active focus cannot stay inside it. */
  itemHidden(item: Item): void {
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

  // ---- pointer (QQuickDeliveryAgent, simplified to one pointer) -----------------

  /** The item that took the press and gets the moves and the release. */
  pointerGrabber: Item | null = null;
  private hovered: Item[] = [];

  /** Items under a scene point that take pointer events, topmost first. */
  pointerTargets(x: number, y: number, want: (i: Item) => boolean): Item[] {
    const out: Item[] = [];
    const visit = (item: Item) => {
      if (!item.effectiveVisible || !(item.$v[ITEM.enabled] as boolean)) return;
      const kids = item.paintOrderChildren;
      for (let i = kids.length - 1; i >= 0; i--) visit(kids[i]!);
      if (want(item) && item.hitTest(x, y)) out.push(item);
    };
    visit(this.contentItem);
    return out;
  }

  private localize(item: Item, e: PointerEventLike): void {
    const p = item.scenePosition();
    e.x = e.sceneX - p.x;
    e.y = e.sceneY - p.y;
  }

  /** Lets ancestors that filter child events (a Flickable) take the event; the outermost asks first. */
  private filteredByAncestor(target: Item, e: PointerEventLike): Item | null {
    const chain: Item[] = [];
    for (let a = target.parentItem; a !== null; a = a.parentItem)
      if (a.filtersChildMouseEvents) chain.push(a);
    for (let i = chain.length - 1; i >= 0; i--) {
      const a = chain[i]!;
      this.localize(a, e);
      if (a.childPointerEventFilter(target, e)) return a;
    }
    return null;
  }

  private setGrabber(item: Item | null): void {
    const old = this.pointerGrabber;
    if (old === item) return;
    this.pointerGrabber = item;
    old?.pointerUngrab();
  }

  /** Delivers one pointer event; returns true if an item took it. */
  deliverPointer(e: PointerEventLike): boolean {
    switch (e.type) {
      case 'press':
      case 'doubleclick': {
        const targets = this.pointerTargets(
          e.sceneX,
          e.sceneY,
          (i) => (i.acceptedMouseButtons & e.button) !== 0 || i.filtersChildMouseEvents,
        );
        for (const t of targets) {
          const thief = this.filteredByAncestor(t, e);
          if (thief) {
            this.setGrabber(thief);
            return true;
          }
          if ((t.acceptedMouseButtons & e.button) === 0) continue;
          this.localize(t, e);
          e.accepted = true;
          t.pointerEvent(e);
          if (e.accepted) {
            this.setGrabber(t);
            return true;
          }
        }
        this.setGrabber(null);
        return false;
      }
      case 'move':
      case 'release': {
        const g = this.pointerGrabber;
        if (e.type === 'move') this.deliverHover(e);
        if (!g) return false;
        const thief = this.filteredByAncestor(g, e);
        if (thief) {
          if (thief !== g) this.setGrabber(thief);
          if (e.type === 'release') this.pointerGrabber = null;
          return true;
        }
        this.localize(g, e);
        e.accepted = true;
        g.pointerEvent(e);
        if (e.type === 'release') this.pointerGrabber = null;
        return true;
      }
      case 'hover':
        this.deliverHover(e);
        return false;
      case 'wheel': {
        const targets = this.pointerTargets(e.sceneX, e.sceneY, (i) => i.acceptWheel);
        for (const t of targets) {
          this.localize(t, e);
          e.accepted = true;
          t.wheelEvent(e);
          if (e.accepted) return true;
        }
        return false;
      }
    }
  }

  /** Sends hover enter/move/leave to items with hover enabled under the pointer. */
  private deliverHover(e: PointerEventLike): void {
    const now = this.pointerTargets(e.sceneX, e.sceneY, (i) => i.acceptHover);
    for (const old of this.hovered) {
      if (!now.includes(old)) {
        this.localize(old, e);
        old.hoverEvent({ ...e, type: 'hover', accepted: false, x: Number.NaN, y: Number.NaN });
      }
    }
    for (const item of now) {
      this.localize(item, e);
      item.hoverEvent({ ...e, type: 'hover' });
    }
    this.hovered = now;
  }

  /** Cancels the current pointer gesture (the page lost the pointer). */
  cancelPointer(): void {
    this.setGrabber(null);
  }

  // ---- keys ----------------------------------------------------------------

  /**
   * Delivers a key press to the active focus item; unaccepted events go up
   * the parent chain (Keys attached handlers first at each item). Tab and
   * Backtab, if nobody takes them, move focus along the tab chain.
   */
  deliverKey(event: KeyEventLike, press: boolean): boolean {
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

const KEY_TAB = 0x01000001;
const KEY_BACKTAB = 0x01000002;
const SHIFT = 0x02000000;
