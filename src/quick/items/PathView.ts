// PathView (QQuickPathView, qquickpathview.cpp): delegates placed along a
// Path, each centred on the point of the path for its share of it. `offset`
// (0 to count) turns the items along the path; the current item follows a
// preferred highlight range (StrictlyEnforceRange by default: the item at
// preferredHighlightBegin is the current one). Dragging along the path moves
// the offset by the share of the path under the pointer; a flick decelerates
// it (flickDeceleration in items per second squared, over 10) and settles
// on an item when snapping or enforcing the range. pathItemCount spreads
// that many items along the path (the others wait off it, culled);
// PathAttributes give each delegate `PathView.<name>`, interpolated at its
// place on the path.
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { type QmlComponent, QtObjectMeta } from '../../engine/qtqml';
import { currentObserver, notifyObservers, Source } from '../../engine/reactive';
import {
  copyArrayModelOnRead,
  DelegateModel,
  type DelegateModelHost,
  MODEL_PROPERTY,
  type ModelChange,
  ReleaseFlag,
} from '../models/delegate-model';
import { MINIMUM_FLICK_VELOCITY, START_DRAG_DISTANCE } from './Flickable';
import { Change, ITEM, Item, type ItemChangeListener, ItemMeta, type PointerEventLike } from './Item';
import { createViewItem } from './ListView';
import type { Path } from './Path';
import { Easing, TimeLine, TimeLineValue } from './timeline';

const NO_HIGHLIGHT_RANGE = 0;
const STRICTLY_ENFORCE_RANGE = 2;
const NO_SNAP = 0;
const SNAP_ONE_ITEM = 2;
const SHORTEST = 0;
const NEGATIVE = 1;
const POSITIVE = 2;
/** QML_FLICK_SAMPLEBUFFER and QML_FLICK_DISCARDSAMPLES. */
const FLICK_SAMPLEBUFFER = 3;
const FLICK_DISCARDSAMPLES = 1;
/** QML_FLICK_VELOCITY_DECAY_TIME: a pointer held still this long before release flicks no more. */
const FLICK_VELOCITY_DECAY_TIME = 50;

enum MoveReason {
  Other,
  SetIndex,
  Mouse,
}

/** Qt's qFuzzyCompare for doubles. */
function fuzzyCompare(a: number, b: number): boolean {
  return Math.abs(a - b) * 1e12 <= Math.min(Math.abs(a), Math.abs(b));
}

/** C's fmod (JavaScript's % on numbers). */
const fmod = (a: number, b: number): number => a % b;

/** Qt's qRound. */
const qRound = (d: number): number => (d >= 0 ? Math.floor(d + 0.5) : Math.ceil(d - 0.5));

/**
 * `PathView.view`, `isCurrentItem`, `onPath` on a delegate, and one
 * property per PathAttribute of the view's path (`PathView.iconScale`).
 */
export class PathViewAttached extends QObject {
  /** Where on the path the item was last placed (m_percent), -1 for nowhere. */
  percent = -1;
  private readonly values = new Map<string, { value: unknown; source: Source }>();

  /** An attribute's value (QQmlOpenMetaObject::setValue): `PathView.<name>` reads it, and bindings follow it. */
  setValue(name: string, value: number): void {
    let v = this.values.get(name);
    if (v === undefined) {
      v = { value: undefined, source: new Source() };
      this.values.set(name, v);
      const entry = v;
      Object.defineProperty(this, name, {
        configurable: true,
        enumerable: true,
        get: () => {
          const o = currentObserver;
          if (o !== null) o.track(entry.source);
          return entry.value;
        },
      });
    }
    if (v.value === value) return;
    v.value = value;
    notifyObservers(v.source, undefined);
  }
}
export const PathViewAttachedMeta: MetaObject = defineType(PathViewAttached, QtObjectMeta, {
  name: 'PathView',
  cppClass: 'QQuickPathViewAttached',
  properties: {
    view: { type: 'Item', readonly: true },
    isCurrentItem: { type: 'bool', readonly: true },
    onPath: { type: 'bool', readonly: true },
  },
  creatable: false,
});
const ATT = {
  view: PathViewAttachedMeta.index('view'),
  isCurrentItem: PathViewAttachedMeta.index('isCurrentItem'),
  onPath: PathViewAttachedMeta.index('onPath'),
};

function attachedOf(item: Item): PathViewAttached {
  return item.$attachedObject(PathViewAttachedMeta) as PathViewAttached;
}

export class PathView extends Item implements DelegateModelHost {
  declare count: number;
  private readonly dm: DelegateModel;
  private items: Item[] = [];
  private itemCache: Item[] = [];
  private currentItemNow: Item | null = null;
  private highlightItemNow: Item | null = null;
  private modelCount = 0;
  private offsetAdj = 0;
  private mappedRange = 1;
  private mappedCache = 0;
  private cacheSize = 0;
  private requestedIndex = -1;
  private requestedZ = 0;
  private inRefill = false;
  private moveReason = MoveReason.Other;
  private moveDirection = SHORTEST;
  private currentItemOffset = 0;
  private highlightPosition = 0;
  private highlightUp = false;
  private flickDuration = 0;
  private readonly tl: TimeLine;
  private readonly moveOffset = new TimeLineValue((v) => this.setOffsetValue(v + this.offsetAdj));
  private readonly moveHighlight = new TimeLineValue((v) => this.setHighlightPosition(v));
  private pathObject: Path | null = null;
  private readonly pathListener = () => this.pathUpdated();
  // the pointer
  private stealMouse = false;
  private timerValid = false;
  private startPc = 0;
  private startPoint: [number, number] = [0, 0];
  private startPos: [number, number] = [0, 0];
  private lastPosTime = 0;
  private velocityBuffer: number[] = [];
  /** Delegates whose size the view follows, to keep them centred on the path. */
  private readonly tracker: ItemChangeListener = {
    itemChanged: (item, change) => {
      if (change & (Change.Width | Change.Height) && this.isComponentComplete) {
        const att = attachedOf(item);
        const pc = att.percent;
        att.percent = -1;
        if (pc >= 0) this.updateItem(item, pc);
      }
    },
  };

  constructor() {
    super();
    this.isFocusScope = true;
    // (Qt::LeftButton)
    this.acceptedMouseButtons = 1;
    this.filtersChildMouseEvents = true;
    this.dm = new DelegateModel(this, this);
    this.tl = new TimeLine(() => this.$engine?.animations ?? null);
    this.tl.onUpdated = () => this.updateCurrent();
    this.tl.onCompleted = () => this.movementEnding();
  }

  // ---- property access ---------------------------------------------------------------------------

  private get offsetValue(): number {
    return this.$v[PV.offset] as number;
  }
  private get currentIndexValue(): number {
    return this.$v[PV.currentIndex] as number;
  }
  private get haveHighlightRange(): boolean {
    return (this.$v[PV.preferredHighlightBegin] as number) <= (this.$v[PV.preferredHighlightEnd] as number);
  }
  private get highlightRangeStart(): number {
    return this.$v[PV.preferredHighlightBegin] as number;
  }
  private get highlightRangeEnd(): number {
    return this.$v[PV.preferredHighlightEnd] as number;
  }
  private get highlightRangeMode(): number {
    return this.$v[PV.highlightRangeMode] as number;
  }
  private get snapMode(): number {
    return this.$v[PV.snapMode] as number;
  }
  private get pathItems(): number {
    return this.$v[PV.pathItemCount] as number;
  }
  private get interactive(): boolean {
    return this.$v[PV.interactive] as boolean;
  }
  private get enforcesRange(): boolean {
    return this.haveHighlightRange && this.highlightRangeMode === STRICTLY_ENFORCE_RANGE;
  }
  /** The items settle on an item (a range in force, or snapping). */
  private get snaps(): boolean {
    return (
      this.haveHighlightRange && (this.highlightRangeMode !== NO_HIGHLIGHT_RANGE || this.snapMode !== NO_SNAP)
    );
  }
  private isValid(): boolean {
    return this.dm.count > 0 && this.pathObject !== null;
  }
  /** The items on the path at once. */
  private get onPathCount(): number {
    return this.pathItems === -1 ? this.modelCount : Math.min(this.pathItems, this.modelCount);
  }

  // ---- DelegateModelHost --------------------------------------------------------------------------

  /** QQuickPathView::initItem: a requested delegate, before its bindings run. */
  initItem(index: number, item: Item): void {
    if (this.requestedIndex !== index) return;
    item.setCulled(true);
    item.setParentItem(this);
    const att = attachedOf(item);
    att.$store(ATT.view, this);
    const percent = this.positionOfIndex(index);
    const path = this.pathObject;
    if (percent < 1 && path) {
      for (const name of path.attributes) att.setValue(name, path.attributeAt(name, percent));
      item.$write(ITEM.z, this.requestedZ);
    }
    att.$store(ATT.onPath, percent < 1);
  }

  destroyingItem(item: Item): void {
    item.removeListener(this.tracker);
  }

  modelUpdated(change: ModelChange): void {
    if (!this.isComponentComplete || !this.pathObject) return;
    if (change.kind === 'change') return;
    const oldCount = this.modelCount;
    const removes: Array<{ index: number; count: number; move: boolean }> = [];
    const inserts: Array<{ index: number; count: number; move: boolean }> = [];
    if (change.kind === 'remove') removes.push({ index: change.index, count: change.count, move: false });
    else if (change.kind === 'insert')
      inserts.push({ index: change.index, count: change.count, move: false });
    else {
      removes.push({ index: change.from, count: change.count, move: true });
      inserts.push({ index: change.to, count: change.count, move: true });
    }
    let moving = false;
    let moveOffset = 0;
    let currentChanged = false;
    let changedOffset = false;
    let current = this.currentIndexValue;
    let offset = this.offsetValue;
    for (const r of removes) {
      if (!moving && current >= r.index + r.count) {
        current -= r.count;
        currentChanged = true;
      } else if (!moving && current >= r.index && current < r.index + r.count) {
        // The current item went.
        if (r.move) {
          moving = true;
          moveOffset = current - r.index;
        } else if (this.currentItemNow) {
          attachedOf(this.currentItemNow).$store(ATT.isCurrentItem, true);
          this.releaseCurrentItem();
        }
        current = Math.min(r.index, this.modelCount - r.count - 1);
        currentChanged = true;
      }
      if (r.index > current) {
        changedOffset = true;
        offset -= r.count;
        this.offsetAdj -= r.count;
      }
      this.modelCount -= r.count;
    }
    for (const i of inserts) {
      if (this.modelCount) {
        if (!moving && i.index <= current) {
          current += i.count;
          currentChanged = true;
        } else {
          if (moving && i.move) {
            current = i.index + moveOffset;
            currentChanged = true;
          }
          if (i.index > current) {
            offset += i.count;
            this.offsetAdj += i.count;
            changedOffset = true;
          }
        }
      }
      this.modelCount += i.count;
    }
    offset = fmod(offset, this.modelCount);
    if (offset < 0) offset += this.modelCount;
    if (Number.isNaN(offset)) offset = 0;
    this.$v[PV.offset] = offset;
    if (current === -1) current = this.calcCurrentIndex();
    this.$v[PV.currentIndex] = current;
    this.itemCache.push(...this.items);
    this.items = [];
    if (!this.modelCount) {
      for (const item of this.itemCache) this.releaseItem(item);
      this.itemCache = [];
      this.$v[PV.offset] = 0;
      changedOffset = true;
      this.tl.reset(this.moveOffset);
    } else {
      if (!this.$v[PV.flicking] && !this.$v[PV.moving] && this.enforcesRange) {
        this.$v[PV.offset] = fmod(this.modelCount - this.currentIndexValue, this.modelCount);
        changedOffset = true;
      }
      this.updateMappedRange();
      this.polish();
    }
    if (changedOffset) this.$emit(PV.offsetChanged, undefined);
    if (currentChanged) this.$emit(PV.currentIndexChanged, undefined);
    if (this.modelCount !== oldCount) this.$emit(PV.countChanged, undefined);
  }

  modelReset(): void {
    if (!this.isComponentComplete || !this.pathObject) return;
    this.modelCount = this.dm.count;
    this.regenerate();
    this.$emit(PV.countChanged, undefined);
  }

  // ---- items ---------------------------------------------------------------------------------------

  private getItem(modelIndex: number, z: number): Item | null {
    this.requestedIndex = modelIndex;
    this.requestedZ = z;
    const item = this.dm.object(modelIndex);
    if (item) {
      item.setParentItem(this);
      this.requestedIndex = -1;
      item.addListener(this.tracker);
    }
    return item;
  }

  private releaseItem(item: Item | null): void {
    if (!item) return;
    item.removeListener(this.tracker);
    const flags = this.dm.release(item);
    if (flags === 0) {
      attachedOf(item).$store(ATT.onPath, false);
    } else if (flags & ReleaseFlag.Destroyed) {
      item.setParentItem(null);
    }
  }

  private releaseCurrentItem(): void {
    const item = this.currentItemNow;
    this.currentItemNow = null;
    this.$v[PV.currentItem] = null;
    if (item && !this.items.includes(item)) this.releaseItem(item);
    else if (item) this.dm.release(item);
  }

  private clear(): void {
    this.releaseCurrentItem();
    for (const item of this.items) this.releaseItem(item);
    for (const item of this.itemCache) this.releaseItem(item);
    this.items = [];
    this.itemCache = [];
    this.requestedIndex = -1;
    this.tl.clear();
  }

  private updateMappedRange(): void {
    this.cacheSize = Math.max(
      0,
      Math.min(this.$v[PV.cacheItemCount] as number, this.modelCount - this.pathItems),
    );
    if (this.pathItems !== -1 && this.pathItems < this.modelCount) {
      this.mappedRange = this.modelCount / this.pathItems;
      this.mappedCache = this.cacheSize / this.pathItems / 2;
    } else {
      this.mappedRange = 1;
      this.mappedCache = 0;
    }
  }

  /** Where on the path (0 to 1, or more off it) item `index` is. */
  private positionOfIndex(index: number): number {
    let pos = -1;
    const count = this.modelCount;
    if (index >= 0 && index < count) {
      const start = this.snaps ? this.highlightRangeStart : 0;
      let globalPos = index + this.offsetValue;
      globalPos = fmod(globalPos, count) / count;
      if (this.pathItems !== -1 && this.pathItems < count) {
        globalPos += start / this.mappedRange;
        globalPos = fmod(globalPos, 1);
        pos = globalPos * this.mappedRange;
      } else {
        pos = fmod(globalPos + start, 1);
      }
    }
    return pos;
  }

  /** Whether `position` lies in [lower, upper) on the circular path. */
  private isInBound(position: number, lower: number, upper: number, emptyRangeCheck = true): boolean {
    if (emptyRangeCheck && fuzzyCompare(lower, upper)) return true;
    if (lower > upper) {
      if (position > upper && position > lower) position -= this.mappedRange;
      lower -= this.mappedRange;
    }
    return position >= lower && position < upper;
  }

  /** Centres the item on the path at `percent` and sets its attached attributes (1 or more: off the path). */
  private updateItem(item: Item, percent: number): void {
    const path = this.pathObject;
    if (!path) return;
    const att = attachedOf(item);
    if (fuzzyCompare(att.percent, percent)) return;
    att.percent = percent;
    for (const name of path.attributes) att.setValue(name, path.attributeAt(name, percent));
    att.$store(ATT.onPath, percent < 1);
    item.setCulled(percent >= 1);
    const [px, py] = path.pointAt(Math.min(percent, 1));
    item.setX(px - (item.$v[ITEM.width] as number) / 2);
    item.setY(py - (item.$v[ITEM.height] as number) / 2);
  }

  private regenerate(): void {
    if (!this.isComponentComplete) return;
    this.clear();
    if (!this.isValid()) return;
    this.updateMappedRange();
    this.refill();
  }

  private pathUpdated(): void {
    for (const item of this.items) attachedOf(item).percent = -1;
    this.refill();
  }

  protected override updatePolish(): void {
    this.refill();
  }

  /** QQuickPathView::refill: places the items, releases those off the path, creates the missing ones. */
  refill(): void {
    if (this.inRefill) {
      this.polish();
      return;
    }
    if (!this.isValid() || !this.isComponentComplete) return;
    this.inRefill = true;
    try {
      this.refillItems();
    } finally {
      this.inRefill = false;
    }
  }

  private refillItems(): void {
    const count = this.onPathCount;
    const modelCount = this.modelCount;
    let currentVisible = false;
    const ci = this.currentIndexValue;
    // Move the items there are; release those off the path.
    for (let i = 0; i < this.items.length; ) {
      const item = this.items[i]!;
      const idx = this.dm.indexOf(item);
      const pos = this.positionOfIndex(idx);
      this.updateItem(item, pos);
      if (pos < 1) {
        if (idx === ci) {
          currentVisible = true;
          this.currentItemOffset = pos;
        }
        i++;
      } else {
        attachedOf(item).$store(ATT.onPath, pos < 1);
        if (!this.isInBound(pos, this.mappedRange - this.mappedCache, 1 + this.mappedCache)) {
          this.releaseItem(item);
          this.items.splice(i, 1);
        } else {
          i++;
        }
      }
    }
    if (modelCount && this.items.length < count + this.cacheSize) {
      let endIdx = 0;
      let endPos: number;
      let startIdx = 0;
      let startPos = 0;
      const wasEmpty = this.items.length === 0;
      if (!wasEmpty) {
        // (the items may not be in order)
        endPos = -1;
        startPos = 2;
        for (const item of this.items) {
          const idx = this.dm.indexOf(item);
          const curPos = this.positionOfIndex(idx);
          if (curPos > endPos) {
            endPos = curPos;
            endIdx = idx;
          }
          if (curPos < startPos) {
            startPos = curPos;
            startIdx = idx;
          }
        }
      } else {
        if (this.snaps) startPos = this.highlightRangeStart;
        // With no items, the end is just before the start: fill by appending.
        endIdx = (qRound(modelCount - this.offsetValue) - 1) % modelCount;
        endIdx = Math.max(-1, endIdx);
        endPos = this.positionOfIndex(endIdx);
      }
      /** Takes item `idx` onto the path at `pos`, after or before the others; false: stop filling. */
      const place = (idx: number, pos: number, atEnd: boolean): boolean => {
        const item = this.getItem(idx, idx + 1);
        if (!item) return false;
        if (this.items.includes(item)) {
          this.releaseItem(item);
          return false;
        }
        if (ci === idx) {
          currentVisible = true;
          this.currentItemOffset = pos;
        }
        if (atEnd) this.items.push(item);
        else this.items.unshift(item);
        this.updateItem(item, pos);
        return true;
      };
      // Append.
      let idx = endIdx + 1;
      if (idx >= modelCount) idx = 0;
      let nextPos = this.positionOfIndex(idx);
      while (
        (this.isInBound(nextPos, endPos, 1 + this.mappedCache, false) || this.items.length === 0) &&
        this.items.length < count + this.cacheSize
      ) {
        if (!place(idx, nextPos, true)) break;
        endIdx = idx;
        endPos = nextPos;
        idx++;
        if (idx >= modelCount) idx = 0;
        nextPos = this.positionOfIndex(idx);
      }
      // Prepend.
      idx = (wasEmpty ? this.calcCurrentIndex() : startIdx) - 1;
      if (idx < 0) idx = modelCount - 1;
      nextPos = this.positionOfIndex(idx);
      while (
        this.isInBound(nextPos, this.mappedRange - this.mappedCache, startPos) &&
        this.items.length < count + this.cacheSize
      ) {
        if (!place(idx, nextPos, false)) break;
        startIdx = idx;
        startPos = nextPos;
        idx--;
        if (idx < 0) idx = modelCount - 1;
        nextPos = this.positionOfIndex(idx);
      }
      // Rarely, after a jump, a gap in the middle.
      if (this.items.length < count + this.cacheSize) {
        idx = startIdx;
        let lastItem = this.items[0]!;
        while (idx !== endIdx) {
          nextPos = this.positionOfIndex(idx);
          if (this.isInBound(nextPos, this.mappedRange - this.mappedCache, 1 + this.mappedCache)) {
            const item = this.getItem(idx, idx + 1);
            if (!item) break;
            if (!this.items.includes(item)) {
              if (ci === idx) {
                currentVisible = true;
                this.currentItemOffset = nextPos;
              }
              this.items.splice(this.items.indexOf(lastItem) + 1, 0, item);
              this.updateItem(item, nextPos);
            } else {
              this.releaseItem(item);
            }
            lastItem = item;
          }
          idx++;
          if (idx >= modelCount) idx = 0;
        }
      }
    }
    let currentChanged = false;
    if (!currentVisible) {
      this.currentItemOffset = 1;
      if (this.currentItemNow) {
        this.updateItem(this.currentItemNow, 1);
      } else if (ci >= 0 && ci < modelCount) {
        const item = this.getItem(ci, ci);
        if (item) {
          this.setCurrentItemNow(item);
          currentChanged = true;
          this.updateItem(item, 1);
          attachedOf(item).$store(ATT.isCurrentItem, true);
        }
      }
    } else if (!this.currentItemNow) {
      const item = this.getItem(ci, ci);
      if (item) {
        this.setCurrentItemNow(item);
        currentChanged = true;
        item.$write(ITEM.focus, true);
        attachedOf(item).$store(ATT.isCurrentItem, true);
      }
    }
    const hl = this.highlightItemNow;
    if (hl && this.enforcesRange) {
      this.updateItem(hl, this.highlightRangeStart);
      attachedOf(hl).$store(ATT.onPath, true);
    } else if (hl && this.moveReason !== MoveReason.SetIndex) {
      this.updateItem(hl, this.currentItemOffset);
      attachedOf(hl).$store(ATT.onPath, currentVisible);
    }
    for (const item of this.itemCache) this.releaseItem(item);
    this.itemCache = [];
    if (currentChanged) this.$emit(PV.currentItemChanged, undefined);
  }

  private setCurrentItemNow(item: Item | null): void {
    this.currentItemNow = item;
    this.$v[PV.currentItem] = item;
  }

  // ---- current item and offset ----------------------------------------------------------------------

  /** The item closest to the snap position. */
  private calcCurrentIndex(): number {
    let current = 0;
    const count = this.modelCount;
    if (count && this.items.length) {
      let offset = fmod(this.offsetValue, count);
      if (offset < 0) offset += count;
      this.$v[PV.offset] = offset;
      current = qRound(Math.abs(fmod(count - offset, count)));
      current %= count;
    }
    return current;
  }

  private createCurrentItem(): void {
    if (this.requestedIndex !== -1) return;
    const ci = this.currentIndexValue;
    const inItems = this.items.some((item) => this.dm.indexOf(item) === ci);
    if (inItems) {
      const item = this.getItem(ci, ci);
      if (item) {
        this.setCurrentItemNow(item);
        item.$write(ITEM.focus, true);
        attachedOf(item).$store(ATT.isCurrentItem, true);
      }
    } else if (ci >= 0 && ci < this.modelCount) {
      const item = this.getItem(ci, ci);
      if (item) {
        this.setCurrentItemNow(item);
        this.updateItem(item, 1);
        attachedOf(item).$store(ATT.isCurrentItem, true);
      }
    }
  }

  /** While the items move: the item in the range becomes the current one (StrictlyEnforceRange). */
  private updateCurrent(): void {
    if (this.moveReason === MoveReason.SetIndex) return;
    if (!this.modelCount || !this.enforcesRange) return;
    const idx = this.calcCurrentIndex();
    if (idx !== this.currentIndexValue || !this.currentItemNow) {
      if (this.currentItemNow) {
        attachedOf(this.currentItemNow).$store(ATT.isCurrentItem, false);
        this.releaseCurrentItem();
      }
      const old = this.currentIndexValue;
      this.$v[PV.currentIndex] = idx;
      this.setCurrentItemNow(null);
      this.createCurrentItem();
      if (old !== idx) this.$emit(PV.currentIndexChanged, undefined);
      this.$emit(PV.currentItemChanged, undefined);
    }
  }

  setCurrentIndexValue(value: number): void {
    let idx = Math.trunc(value);
    if (!this.isComponentComplete) {
      this.$store(PV.currentIndex, idx);
      return;
    }
    const count = this.modelCount;
    idx = count ? ((idx % count) + count) % count : 0;
    if (idx !== this.currentIndexValue || !this.currentItemNow) {
      const hadCurrentItem = this.currentItemNow !== null;
      const old = this.currentIndexValue;
      if (hadCurrentItem) {
        attachedOf(this.currentItemNow!).$store(ATT.isCurrentItem, false);
        this.releaseCurrentItem();
      }
      this.moveReason = MoveReason.SetIndex;
      this.$v[PV.currentIndex] = idx;
      if (count) {
        this.createCurrentItem();
        if (this.enforcesRange) this.snapToIndex(idx, MoveReason.SetIndex);
        this.currentItemOffset = this.positionOfIndex(idx);
        this.updateHighlight();
      }
      if (old !== idx) this.$emit(PV.currentIndexChanged, undefined);
      if (hadCurrentItem) this.$emit(PV.currentItemChanged, undefined);
    }
  }

  /** `offset = v` from QML: the items move there at once. */
  setOffsetFromQml(v: number): void {
    this.moveReason = MoveReason.Other;
    this.setOffsetValue(v);
    this.updateCurrent();
  }

  private setOffsetValue(o: number): void {
    const current = this.offsetValue;
    if (fuzzyCompare(current, o)) return;
    if (this.isValid() && this.isComponentComplete) {
      let offset = fmod(o, this.modelCount);
      if (offset < 0) offset += this.modelCount;
      this.$v[PV.offset] = offset;
      this.refill();
    } else {
      this.$v[PV.offset] = o;
    }
    this.$emit(PV.offsetChanged, undefined);
  }

  /** Moves the items so that `index` is at the snap position (QQuickPathViewPrivate::snapToIndex). */
  private snapToIndex(index: number, reason: MoveReason): void {
    const count = this.modelCount;
    if (count <= 0) return;
    const targetOffset = fmod(count - index, count);
    const offset = this.offsetValue;
    this.moveReason = reason;
    this.offsetAdj = 0;
    this.tl.reset(this.moveOffset);
    this.moveOffset.value = offset;
    const duration = this.$v[PV.highlightMoveDuration] as number;
    const averageItemLength = this.pathObject!.length / this.onPathCount;
    // (within half a pixel, it goes there at once)
    const threshold = 0.5 / averageItemLength;
    const mv = this.moveOffset;
    if (
      !duration ||
      Math.abs(offset - targetOffset) < threshold ||
      (targetOffset === 0 && Math.abs(count - offset) < threshold)
    ) {
      this.tl.set(mv, targetOffset);
    } else if (
      this.moveDirection === POSITIVE ||
      (this.moveDirection === SHORTEST && targetOffset - offset > count / 2)
    ) {
      const distance = count - targetOffset + offset;
      if (targetOffset > mv.value) {
        this.tl.move(mv, 0, Easing.InQuad, Math.trunc((duration * offset) / distance));
        this.tl.set(mv, count);
        this.tl.move(
          mv,
          targetOffset,
          offset === 0 ? Easing.InOutQuad : Easing.OutQuad,
          Math.trunc((duration * (count - targetOffset)) / distance),
        );
      } else {
        this.tl.move(mv, targetOffset, Easing.InOutQuad, duration);
      }
    } else if (this.moveDirection === NEGATIVE || targetOffset - offset <= -count / 2) {
      const distance = count - offset + targetOffset;
      if (targetOffset < mv.value) {
        this.tl.move(
          mv,
          count,
          targetOffset === 0 ? Easing.InOutQuad : Easing.InQuad,
          Math.trunc((duration * (count - offset)) / distance),
        );
        this.tl.set(mv, 0);
        this.tl.move(mv, targetOffset, Easing.OutQuad, Math.trunc((duration * targetOffset) / distance));
      } else {
        this.tl.move(mv, targetOffset, Easing.InOutQuad, duration);
      }
    } else {
      this.tl.move(mv, targetOffset, Easing.InOutQuad, duration);
    }
  }

  /** After a drag or a flick: settle on an item when snapping or enforcing the range. */
  private fixOffset(): void {
    if (this.items.length && this.snaps) {
      const curr = this.calcCurrentIndex();
      if (curr !== this.currentIndexValue && this.highlightRangeMode === STRICTLY_ENFORCE_RANGE)
        this.setCurrentIndexValue(curr);
      else this.snapToIndex(curr, MoveReason.Other);
    }
  }

  private movementEnding(): void {
    if (this.$v[PV.flicking]) {
      this.$store(PV.flicking, false);
      this.$emit(PV.flickEnded, undefined);
    }
    if (this.$v[PV.moving] && !this.stealMouse) {
      this.$store(PV.moving, false);
      this.$emit(PV.movementEnded, undefined);
    }
    this.moveDirection = this.$v[PV.movementDirection] as number;
  }

  // ---- highlight ------------------------------------------------------------------------------------

  private createHighlight(): void {
    if (!this.isComponentComplete) return;
    let changed = false;
    if (this.highlightItemNow) {
      const old = this.highlightItemNow;
      this.highlightItemNow = null;
      old.setParentItem(null);
      old.$destroy();
      changed = true;
    }
    const item = createViewItem(this, this.$v[PV.highlight] as QmlComponent | null, this, true, () => {});
    if (item) {
      this.highlightItemNow = item;
      changed = true;
    }
    if (changed) this.$store(PV.highlightItem, this.highlightItemNow);
  }

  private updateHighlight(): void {
    if (!this.isComponentComplete || !this.isValid()) return;
    const hl = this.highlightItemNow;
    if (!hl) return;
    if (this.enforcesRange) {
      this.updateItem(hl, this.highlightRangeStart);
      return;
    }
    const target = this.currentIndexValue;
    const count = this.modelCount;
    const pos = this.highlightPosition;
    this.offsetAdj = 0;
    const mv = this.moveHighlight;
    this.tl.reset(mv);
    mv.value = pos;
    const duration = this.$v[PV.highlightMoveDuration] as number;
    if (target - pos > count / 2) {
      this.highlightUp = false;
      const distance = count - target + pos;
      this.tl.move(mv, 0, Easing.InQuad, Math.trunc((duration * pos) / distance));
      this.tl.set(mv, count - 0.01);
      this.tl.move(mv, target, Easing.OutQuad, Math.trunc((duration * (count - target)) / distance));
    } else if (target - pos <= -count / 2) {
      this.highlightUp = true;
      const distance = count - pos + target;
      this.tl.move(mv, count - 0.01, Easing.InQuad, Math.trunc((duration * (count - pos)) / distance));
      this.tl.set(mv, 0);
      this.tl.move(mv, target, Easing.OutQuad, Math.trunc((duration * target) / distance));
    } else {
      this.highlightUp = pos - target < 0;
      this.tl.move(mv, target, Easing.InOutQuad, duration);
    }
  }

  private setHighlightPosition(pos: number): void {
    if (fuzzyCompare(pos, this.highlightPosition)) return;
    let start = 0;
    let end = 1;
    if (this.haveHighlightRange && this.highlightRangeMode !== NO_HIGHLIGHT_RANGE) {
      start = this.highlightRangeStart;
      end = this.highlightRangeEnd;
    }
    const range = this.modelCount;
    const offset = this.offsetValue;
    // the highlight's place relative to the offset
    const relativeHighlight = fmod(pos + offset, range) / range;
    if (!this.highlightUp && relativeHighlight > end / this.mappedRange) {
      this.setOffsetValue(offset + (1 - relativeHighlight) * range);
    } else if (this.highlightUp && relativeHighlight >= (end - start) / this.mappedRange) {
      const diff = relativeHighlight - (end - start) / this.mappedRange;
      this.setOffsetValue(offset - diff * range - 0.00001);
    }
    this.highlightPosition = pos;
    const pathPos = this.positionOfIndex(pos);
    const hl = this.highlightItemNow;
    if (hl) {
      this.updateItem(hl, pathPos);
      attachedOf(hl).$store(ATT.onPath, pathPos < 1);
    }
  }

  // ---- life cycle -------------------------------------------------------------------------------------

  protected override componentComplete(): void {
    super.componentComplete();
    this.modelCount = this.dm.count;
    const ci = this.currentIndexValue;
    if (this.modelCount && ci !== 0) {
      const rem = ci < 0 ? this.modelCount + (ci % this.modelCount) : ci % this.modelCount;
      this.$v[PV.offset] = fmod(this.modelCount - rem, this.modelCount);
    }
    this.createHighlight();
    this.regenerate();
    this.updateHighlight();
    this.updateCurrent();
    if (this.modelCount) this.$emit(PV.countChanged, undefined);
  }

  onModelChanged(): void {
    const complete = this.isComponentComplete;
    if (complete) this.clear();
    this.dm.setModel(this.$v[PV.model]);
    const old = this.modelCount;
    this.modelCount = this.dm.count;
    if (complete) {
      if (this.currentIndexValue !== 0) {
        this.$v[PV.currentIndex] = 0;
        this.$emit(PV.currentIndexChanged, undefined);
      }
      if (this.offsetValue !== 0) {
        this.$v[PV.offset] = 0;
        this.$emit(PV.offsetChanged, undefined);
      }
    }
    this.regenerate();
    if (this.modelCount !== old) this.$emit(PV.countChanged, undefined);
  }

  onDelegateChanged(): void {
    const old = this.dm.count;
    this.dm.setDelegate(this.$v[PV.delegate]);
    this.modelCount = this.dm.count;
    this.regenerate();
    if (old !== this.dm.count) this.$emit(PV.countChanged, undefined);
  }

  onPathChanged(): void {
    const path = this.$v[PV.path] as Path | null;
    this.pathObject?.listeners.delete(this.pathListener);
    this.pathObject = path;
    path?.listeners.add(this.pathListener);
    if (this.isComponentComplete) {
      this.clear();
      if (this.isValid()) this.regenerate();
    }
  }

  onHighlightChanged(): void {
    this.createHighlight();
    this.updateHighlight();
  }

  /** QQuickPathView::setPreferredHighlightBegin/End: values outside 0 to 1 are ignored. */
  setPreferredHighlight(begin: boolean, value: number): void {
    const index = begin ? PV.preferredHighlightBegin : PV.preferredHighlightEnd;
    if (value < 0 || value > 1 || fuzzyCompare(this.$v[index] as number, value)) return;
    this.$store(index, value);
    this.refill();
  }

  onHighlightRangeModeChanged(): void {
    if (this.haveHighlightRange) {
      this.regenerate();
      const index =
        this.highlightRangeMode !== NO_HIGHLIGHT_RANGE ? this.currentIndexValue : this.calcCurrentIndex();
      if (index >= 0) this.snapToIndex(index, MoveReason.Other);
    }
  }

  onPathItemCountChanged(): void {
    this.updateMappedRange();
    if (this.isValid() && this.isComponentComplete) this.regenerate();
  }

  onCacheItemCountChanged(): void {
    this.updateMappedRange();
    this.refill();
  }

  onMovementDirectionChanged(): void {
    if (!this.tl.isActive()) this.moveDirection = this.$v[PV.movementDirection] as number;
  }

  onInteractiveChanged(): void {
    if (!this.interactive) this.tl.clear();
  }

  get liveCount(): number {
    return this.modelCount;
  }

  // ---- QML methods ----------------------------------------------------------------------------------

  incrementCurrentIndex(): void {
    this.moveDirection = POSITIVE;
    this.setCurrentIndexValue(this.currentIndexValue + 1);
  }

  decrementCurrentIndex(): void {
    this.moveDirection = NEGATIVE;
    this.setCurrentIndexValue(this.currentIndexValue - 1);
  }

  positionViewAtIndex(index?: unknown, modeArg?: unknown): void {
    if (!this.isValid()) return;
    const mode = Math.trunc(Number(modeArg));
    if (!(mode >= 0 && mode <= 5) || mode === 3) return;
    const count = this.onPathCount;
    if (mode === 4 && (this.pathItems < 0 || this.modelCount <= this.pathItems)) return;
    const modelCount = this.modelCount;
    const idx = (Math.trunc(Number(index)) + modelCount) % modelCount;
    const snap = this.snaps;
    let beginOffset: number;
    let endOffset: number;
    if (snap) {
      beginOffset = modelCount - idx - Math.floor(count * this.highlightRangeStart);
      endOffset = beginOffset + count - 1;
    } else {
      beginOffset = modelCount - idx;
      // (the last point is the first one again: just before it)
      endOffset = fmod(beginOffset + count, modelCount) - 0.000000000001;
    }
    const current = this.offsetValue;
    let offset = current;
    switch (mode) {
      case 0:
        offset = beginOffset;
        break;
      case 2:
        offset = endOffset;
        break;
      case 1:
        offset =
          beginOffset < endOffset
            ? (beginOffset + endOffset) / 2
            : (beginOffset + (endOffset + modelCount)) / 2;
        if (snap) offset = qRound(offset);
        break;
      case 4:
        if (
          (beginOffset < endOffset && (current < beginOffset || current > endOffset)) ||
          (current < beginOffset && current > endOffset)
        ) {
          const diff1 = fmod(beginOffset - current + modelCount, modelCount);
          const diff2 = fmod(current - endOffset + modelCount, modelCount);
          offset = diff1 < diff2 ? beginOffset : endOffset;
        }
        break;
      case 5:
        offset = modelCount - idx;
        break;
    }
    this.tl.clear();
    this.setOffsetFromQml(offset);
  }

  indexAt(x?: unknown, y?: unknown): number {
    const item = this.itemAt(x, y);
    return item ? this.dm.indexOf(item) : -1;
  }

  itemAt(x?: unknown, y?: unknown): Item | null {
    if (!this.isValid()) return null;
    const px = Number(x);
    const py = Number(y);
    for (const item of this.items) {
      const lx = px - (item.$v[ITEM.x] as number);
      const ly = py - (item.$v[ITEM.y] as number);
      if (lx >= 0 && ly >= 0 && lx < (item.$v[ITEM.width] as number) && ly < (item.$v[ITEM.height] as number))
        return item;
    }
    return null;
  }

  itemAtIndex(index?: unknown): Item | null {
    if (!this.isValid()) return null;
    const i = Math.trunc(Number(index));
    return this.items.find((item) => this.dm.indexOf(item) === i) ?? null;
  }

  // ---- the pointer ----------------------------------------------------------------------------------

  /** The point of the path nearest (x, y), and its share of the path (QQuickPathViewPrivate::pointNear). */
  private pointNear(x: number, y: number): { point: [number, number]; percent: number } {
    const path = this.pathObject!;
    const pathLength = path.length;
    const samples = Math.min(pathLength / 5, 500);
    const res = pathLength / samples;
    let mindist = 1e10;
    let nearPoint = path.pointAt(0);
    let nearPc = 0;
    for (let i = 1; i < samples; i++) {
      const pt = path.pointAt(i / samples);
      const dist = (pt[0] - x) ** 2 + (pt[1] - y) ** 2;
      if (dist < mindist) {
        nearPoint = pt;
        nearPc = i;
        mindist = dist;
      }
    }
    const approxPc = nearPc;
    for (let i = approxPc - 1; i < approxPc + 1; i += 1 / (2 * res)) {
      const pt = path.pointAt(i / samples);
      const dist = (pt[0] - x) ** 2 + (pt[1] - y) ** 2;
      if (dist < mindist) {
        nearPoint = pt;
        nearPc = i;
        mindist = dist;
      }
    }
    return { point: nearPoint, percent: nearPc / samples };
  }

  private handlePress(e: PointerEventLike, x: number, y: number): void {
    if (!this.interactive || !this.items.length || !this.modelCount) return;
    this.velocityBuffer = [];
    const onItem = this.items.some((item) => {
      const lx = x - (item.$v[ITEM.x] as number);
      const ly = y - (item.$v[ITEM.y] as number);
      return (
        lx >= 0 && ly >= 0 && lx < (item.$v[ITEM.width] as number) && ly < (item.$v[ITEM.height] as number)
      );
    });
    const dragMargin = this.$v[PV.dragMargin] as number;
    if (!onItem && dragMargin === 0) return;
    const near = this.pointNear(x, y);
    this.startPoint = near.point;
    this.startPc = near.percent;
    this.startPos = [x, y];
    if (!onItem) {
      const distance = Math.abs(x - near.point[0]) + Math.abs(y - near.point[1]);
      if (distance > dragMargin) return;
    }
    this.stealMouse =
      this.tl.isActive() &&
      (this.$v[PV.flicking] as boolean) &&
      this.flickDuration > 0 &&
      this.tl.time / this.flickDuration < 0.8;
    this.keepMouseGrab = this.stealMouse;
    this.timerValid = true;
    this.lastPosTime = e.timestamp;
    this.tl.clear();
  }

  private handleMove(e: PointerEventLike, x: number, y: number): void {
    if (!this.interactive || !this.timerValid || !this.modelCount) return;
    const near = this.pointNear(x, y);
    if (!this.stealMouse) {
      const dx = x - this.startPos[0];
      const dy = y - this.startPos[1];
      if (Math.abs(dx) > START_DRAG_DISTANCE || Math.abs(dy) > START_DRAG_DISTANCE) {
        // Past the threshold: a movement along the path makes this the view's gesture.
        const pdx = near.point[0] - this.startPoint[0];
        const pdy = near.point[1] - this.startPoint[1];
        if (Math.abs(pdx) > START_DRAG_DISTANCE * 0.8 || Math.abs(pdy) > START_DRAG_DISTANCE * 0.8) {
          this.stealMouse = true;
          this.keepMouseGrab = true;
        }
      }
    } else {
      this.moveReason = MoveReason.Mouse;
      const count = this.onPathCount;
      let diff = (near.percent - this.startPc) * count;
      if (diff !== 0) {
        this.setOffsetFromQml(this.offsetValue + diff);
        this.moveReason = MoveReason.Mouse;
        if (diff > this.modelCount / 2) diff -= this.modelCount;
        else if (diff < -this.modelCount / 2) diff += this.modelCount;
        const elapsed = e.timestamp - this.lastPosTime;
        if (elapsed > 0) {
          this.velocityBuffer.push(diff / (elapsed / 1000));
          if (this.velocityBuffer.length > FLICK_SAMPLEBUFFER) this.velocityBuffer.shift();
        }
      }
      if (!this.$v[PV.moving]) {
        this.$store(PV.moving, true);
        this.$emit(PV.movementStarted, undefined);
      }
      this.setDragging(true);
    }
    this.startPc = near.percent;
    this.lastPosTime = e.timestamp;
  }

  private handleRelease(e: PointerEventLike): void {
    this.stealMouse = false;
    this.keepMouseGrab = false;
    this.setDragging(false);
    if (!this.interactive || !this.timerValid || !this.modelCount) {
      this.timerValid = false;
      if (!this.tl.isActive()) this.movementEnding();
      return;
    }
    let velocity = 0;
    const buf = this.velocityBuffer;
    if (buf.length > FLICK_DISCARDSAMPLES) {
      const n = buf.length - FLICK_DISCARDSAMPLES;
      for (let i = 0; i < n; i++) velocity += buf[i]!;
      velocity /= n;
    }
    const elapsed = e.timestamp - this.lastPosTime;
    velocity *= Math.max(0, FLICK_VELOCITY_DECAY_TIME - elapsed) / FLICK_VELOCITY_DECAY_TIME;
    const count = this.onPathCount;
    const averageItemLength = this.pathObject!.length / count;
    const pixelVelocity = averageItemLength * velocity;
    const maxVelocity = this.$v[PV.maximumFlickVelocity] as number;
    if (Math.abs(pixelVelocity) > MINIMUM_FLICK_VELOCITY) {
      if (Math.abs(pixelVelocity) > maxVelocity || this.snapMode === SNAP_ONE_ITEM)
        velocity = (velocity < 0 ? -maxVelocity : maxVelocity) / averageItemLength;
      const v2 = velocity * velocity;
      let accel = (this.$v[PV.flickDeceleration] as number) / 10;
      let dist: number;
      const offset = this.offsetValue;
      if (
        this.haveHighlightRange &&
        (this.highlightRangeMode === STRICTLY_ENFORCE_RANGE || this.snapMode !== NO_SNAP)
      ) {
        if (this.snapMode === SNAP_ONE_ITEM) {
          // one item in the direction of the motion
          dist = velocity > 0 ? qRound(0.5 + offset) - offset : qRound(0.5 - offset) + offset;
        } else {
          // (+ 0.25: at least one item in the flick's direction)
          dist = Math.min(this.modelCount - 1, v2 / (accel * 2) + 0.25);
          dist = velocity > 0 ? qRound(dist + offset) - offset : qRound(dist - offset) + offset;
        }
        // a deceleration that stops on an item
        if (dist <= 0) {
          dist = 0;
          accel = 0;
        } else {
          accel = v2 / (2 * Math.abs(dist));
        }
      } else {
        dist = Math.min(this.modelCount - 1, v2 / (accel * 2));
      }
      this.flickDuration = Math.trunc((1000 * Math.abs(velocity)) / accel);
      this.offsetAdj = 0;
      this.moveOffset.value = offset;
      this.tl.accel(this.moveOffset, velocity, accel, dist);
      this.tl.callback(this.moveOffset, () => this.fixOffset());
      if (!this.$v[PV.flicking]) {
        this.$store(PV.flicking, true);
        this.$emit(PV.flickStarted, undefined);
      }
    } else {
      this.fixOffset();
    }
    this.timerValid = false;
    if (!this.tl.isActive()) this.movementEnding();
  }

  private setDragging(d: boolean): void {
    if ((this.$v[PV.dragging] as boolean) === d) return;
    this.$v[PV.dragging] = d;
    this.$emit(d ? PV.dragStarted : PV.dragEnded, undefined);
    this.$emit(PV.draggingChanged, undefined);
  }

  override pointerEvent(e: PointerEventLike): void {
    if (!this.interactive) {
      e.accepted = false;
      return;
    }
    if (e.type === 'press' || e.type === 'doubleclick') this.handlePress(e, e.x, e.y);
    else if (e.type === 'move') this.handleMove(e, e.x, e.y);
    else if (e.type === 'release') this.handleRelease(e);
    e.accepted = true;
  }

  override pointerUngrab(): void {
    const offset = this.offsetValue;
    if (
      this.stealMouse ||
      (!this.$v[PV.flicking] && this.snapMode !== NO_SNAP && !fuzzyCompare(qRound(offset), offset))
    ) {
      this.stealMouse = false;
      this.keepMouseGrab = false;
      this.timerValid = false;
      this.fixOffset();
      this.setDragging(false);
      if (!this.tl.isActive()) this.movementEnding();
    }
  }

  /** QQuickPathView::childMouseEventFilter: a drag along the path on a delegate moves the view. */
  override childPointerEventFilter(target: Item, e: PointerEventLike): boolean {
    if (!this.effectiveVisible || !this.interactive) return false;
    const [x, y] = this.fromScene(e.sceneX, e.sceneY);
    const receiverDisabled = !(target.$v[ITEM.enabled] as boolean);
    let stealThisEvent = this.stealMouse;
    const inside = x >= 0 && y >= 0 && x < this.width && y < this.height;
    if ((stealThisEvent || inside) && (!target.keepMouseGrab || receiverDisabled)) {
      if (e.type === 'move') this.handleMove(e, x, y);
      else if (e.type === 'press' || e.type === 'doubleclick') {
        this.handlePress(e, x, y);
        stealThisEvent = this.stealMouse;
      } else if (e.type === 'release') this.handleRelease(e);
      return stealThisEvent || receiverDisabled;
    }
    if (this.timerValid) {
      this.timerValid = false;
      this.fixOffset();
    }
    if (e.type === 'release' || (target.keepMouseGrab && !receiverDisabled)) this.stealMouse = false;
    return false;
  }

  private fromScene(sx: number, sy: number): [number, number] {
    const p = this.mapFromItem(null, sx, sy) as { x: number; y: number };
    return [p.x, p.y];
  }

  override $teardown(): void {
    this.tl.clear();
    this.pathObject?.listeners.delete(this.pathListener);
    this.dm.dispose();
    super.$teardown();
  }
}

const onChange = (f: (v: PathView) => void) => (o: QObject) => f(o as PathView);

export const PathViewMeta: MetaObject = defineType(PathView, ItemMeta, {
  name: 'PathView',
  cppClass: 'QQuickPathView',
  properties: {
    model: { ...MODEL_PROPERTY, changed: onChange((v) => v.onModelChanged()) },
    path: { type: 'Path', changed: onChange((v) => v.onPathChanged()) },
    currentIndex: { type: 'int', write: (o, v) => (o as PathView).setCurrentIndexValue(v as number) },
    currentItem: { type: 'Item', readonly: true },
    offset: { type: 'real', write: (o, v) => (o as PathView).setOffsetFromQml(v as number) },
    highlight: { type: 'Component', changed: onChange((v) => v.onHighlightChanged()) },
    highlightItem: { type: 'Item', readonly: true },
    preferredHighlightBegin: {
      type: 'real',
      write: (o, v) => (o as PathView).setPreferredHighlight(true, v as number),
    },
    preferredHighlightEnd: {
      type: 'real',
      write: (o, v) => (o as PathView).setPreferredHighlight(false, v as number),
    },
    highlightRangeMode: {
      type: 'enumeration',
      default: STRICTLY_ENFORCE_RANGE,
      changed: onChange((v) => v.onHighlightRangeModeChanged()),
    },
    highlightMoveDuration: { type: 'int', default: 300 },
    dragMargin: { type: 'real' },
    maximumFlickVelocity: { type: 'real', default: 2500 },
    flickDeceleration: { type: 'real', default: 100 },
    interactive: { type: 'bool', default: true, changed: onChange((v) => v.onInteractiveChanged()) },
    moving: { type: 'bool', readonly: true },
    flicking: { type: 'bool', readonly: true },
    dragging: { type: 'bool', readonly: true },
    count: { type: 'int', readonly: true },
    delegate: { type: 'Component', changed: onChange((v) => v.onDelegateChanged()) },
    pathItemCount: {
      type: 'int',
      default: -1,
      write: (o, v) => {
        const view = o as PathView;
        const n = Math.max(1, Math.trunc(v as number));
        if (view.$store(PV.pathItemCount, n)) view.onPathItemCountChanged();
      },
      // (undefined: every item on the path again)
      reset: (o) => {
        const view = o as PathView;
        if (view.$store(PV.pathItemCount, -1)) view.onPathItemCountChanged();
      },
    },
    snapMode: { type: 'enumeration' },
    movementDirection: { type: 'enumeration', changed: onChange((v) => v.onMovementDirectionChanged()) },
    cacheItemCount: {
      type: 'int',
      write: (o, v) => {
        const view = o as PathView;
        const n = Math.trunc(v as number);
        if (n < 0) return;
        if (view.$store(PV.cacheItemCount, n)) view.onCacheItemCountChanged();
      },
    },
  },
  signals: {
    movementStarted: {},
    movementEnded: {},
    flickStarted: {},
    flickEnded: {},
    dragStarted: {},
    dragEnded: {},
  },
  methods: [
    'incrementCurrentIndex',
    'decrementCurrentIndex',
    'positionViewAtIndex',
    'indexAt',
    'itemAt',
    'itemAtIndex',
  ],
  enums: {
    NoHighlightRange: 0,
    ApplyRange: 1,
    StrictlyEnforceRange: 2,
    NoSnap: 0,
    SnapToItem: 1,
    SnapOneItem: 2,
    Shortest: 0,
    Negative: 1,
    Positive: 2,
    Beginning: 0,
    Center: 1,
    End: 2,
    Contain: 4,
    SnapPosition: 5,
  },
  attachedType: () => PathViewAttachedMeta,
});
copyArrayModelOnRead(PathView.prototype);

const PV = {
  model: PathViewMeta.index('model'),
  path: PathViewMeta.index('path'),
  currentIndex: PathViewMeta.index('currentIndex'),
  currentItem: PathViewMeta.index('currentItem'),
  offset: PathViewMeta.index('offset'),
  highlight: PathViewMeta.index('highlight'),
  highlightItem: PathViewMeta.index('highlightItem'),
  preferredHighlightBegin: PathViewMeta.index('preferredHighlightBegin'),
  preferredHighlightEnd: PathViewMeta.index('preferredHighlightEnd'),
  highlightRangeMode: PathViewMeta.index('highlightRangeMode'),
  highlightMoveDuration: PathViewMeta.index('highlightMoveDuration'),
  dragMargin: PathViewMeta.index('dragMargin'),
  maximumFlickVelocity: PathViewMeta.index('maximumFlickVelocity'),
  flickDeceleration: PathViewMeta.index('flickDeceleration'),
  interactive: PathViewMeta.index('interactive'),
  moving: PathViewMeta.index('moving'),
  flicking: PathViewMeta.index('flicking'),
  dragging: PathViewMeta.index('dragging'),
  delegate: PathViewMeta.index('delegate'),
  pathItemCount: PathViewMeta.index('pathItemCount'),
  snapMode: PathViewMeta.index('snapMode'),
  movementDirection: PathViewMeta.index('movementDirection'),
  cacheItemCount: PathViewMeta.index('cacheItemCount'),
  offsetChanged: PathViewMeta.signalsByName.get('offsetChanged')!.index,
  currentIndexChanged: PathViewMeta.signalsByName.get('currentIndexChanged')!.index,
  currentItemChanged: PathViewMeta.signalsByName.get('currentItemChanged')!.index,
  countChanged: PathViewMeta.signalsByName.get('countChanged')!.index,
  movementStarted: PathViewMeta.signalsByName.get('movementStarted')!.index,
  movementEnded: PathViewMeta.signalsByName.get('movementEnded')!.index,
  flickStarted: PathViewMeta.signalsByName.get('flickStarted')!.index,
  flickEnded: PathViewMeta.signalsByName.get('flickEnded')!.index,
  dragStarted: PathViewMeta.signalsByName.get('dragStarted')!.index,
  dragEnded: PathViewMeta.signalsByName.get('dragEnded')!.index,
  draggingChanged: PathViewMeta.signalsByName.get('draggingChanged')!.index,
};

// `count` is the view's count of the model's rows (0 before the view completes).
Object.defineProperty(PathView.prototype, 'count', {
  configurable: true,
  get(this: PathView) {
    const o = currentObserver;
    if (o !== null) o.track(this.$source(PV.countChanged));
    return this.liveCount;
  },
});
