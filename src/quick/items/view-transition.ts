// View transitions (qquickitemviewtransition.cpp): the transitions a
// positioner or a view runs when its items are added, moved, removed or
// displaced, the per-item bookkeeping of where an item is going, and the
// `ViewTransition` attached object a transition reads (index, item,
// destination, targetIndexes, targetItems).
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { QPoint } from '../../engine/valuetypes';
import { movedIndex } from '../models/delegate-model';
import { StateAction, type Transition, TransitionManager } from '../states/states';
import { FLICK } from './Flickable';
import { ITEM, type Item } from './Item';
import { setPosition } from './item-geometry';

/** QQuickItemViewTransitioner::TransitionType. */
export enum ViewTransitionType {
  None = 0,
  Populate = 1,
  Add = 2,
  Move = 3,
  Remove = 4,
}

/** Told when an item's transition ends (QQuickItemViewTransitionChangeListener). */
export interface ViewTransitionListener {
  viewItemTransitionFinished(item: TransitionableItem): void;
}

/** The transitions of a positioner or a view and the targets of the operation being run (QQuickItemViewTransitioner). */
export class Transitioner {
  populateTransition: Transition | null = null;
  addTransition: Transition | null = null;
  addDisplacedTransition: Transition | null = null;
  moveTransition: Transition | null = null;
  moveDisplacedTransition: Transition | null = null;
  removeTransition: Transition | null = null;
  removeDisplacedTransition: Transition | null = null;
  displacedTransition: Transition | null = null;
  usePopulateTransition = false;
  changeListener: ViewTransitionListener | null = null;
  readonly runningJobs = new Set<ViewTransitionJob>();
  private readonly targets: Array<{ indexes: number[]; items: QObject[] }> = [
    { indexes: [], items: [] },
    { indexes: [], items: [] },
    { indexes: [], items: [] },
  ];

  canTransition(type: ViewTransitionType, asTarget: boolean): boolean {
    if (!asTarget && type !== ViewTransitionType.None && type !== ViewTransitionType.Populate) {
      if (enabled(this.displacedTransition)) return true;
    }
    switch (type) {
      case ViewTransitionType.Populate:
        return this.usePopulateTransition && enabled(this.populateTransition);
      case ViewTransitionType.Add:
        return enabled(asTarget ? this.addTransition : this.addDisplacedTransition);
      case ViewTransitionType.Move:
        return enabled(asTarget ? this.moveTransition : this.moveDisplacedTransition);
      case ViewTransitionType.Remove:
        return enabled(asTarget ? this.removeTransition : this.removeDisplacedTransition);
    }
    return false;
  }

  transitionNextReposition(item: TransitionableItem, type: ViewTransitionType, isTarget: boolean): void {
    item.setNextTransition(type, isTarget);
  }

  private targetList(type: ViewTransitionType): { indexes: number[]; items: QObject[] } | null {
    switch (type) {
      case ViewTransitionType.Populate:
      case ViewTransitionType.Add:
        return this.targets[0]!;
      case ViewTransitionType.Move:
        return this.targets[1]!;
      case ViewTransitionType.Remove:
        return this.targets[2]!;
    }
    return null;
  }

  addToTargetLists(type: ViewTransitionType, item: TransitionableItem, index: number): void {
    const list = this.targetList(type);
    if (list === null) return;
    list.indexes.push(index);
    list.items.push(item.item);
  }

  resetTargetLists(): void {
    for (const t of this.targets) {
      t.indexes = [];
      t.items = [];
    }
  }

  targetIndexes(type: ViewTransitionType): number[] {
    return this.targetList(type)?.indexes ?? [];
  }

  targetItems(type: ViewTransitionType): QObject[] {
    return this.targetList(type)?.items ?? [];
  }

  /** The transition to run (a displaced item falls back to `displaced`), if enabled. */
  transitionObject(type: ViewTransitionType, asTarget: boolean): Transition | null {
    let t: Transition | null = null;
    switch (type) {
      case ViewTransitionType.None:
        return null;
      case ViewTransitionType.Populate:
        asTarget = true;
        t = this.populateTransition;
        break;
      case ViewTransitionType.Add:
        t = asTarget ? this.addTransition : this.addDisplacedTransition;
        break;
      case ViewTransitionType.Move:
        t = asTarget ? this.moveTransition : this.moveDisplacedTransition;
        break;
      case ViewTransitionType.Remove:
        t = asTarget ? this.removeTransition : this.removeDisplacedTransition;
        break;
    }
    if (!asTarget && !enabled(t)) t = this.displacedTransition;
    return enabled(t) ? t : null;
  }

  finishedTransition(job: ViewTransitionJob, item: TransitionableItem | null): void {
    if (!this.runningJobs.delete(job)) return;
    if (item === null) return;
    item.finishedTransition();
    this.changeListener?.viewItemTransitionFinished(item);
  }

  /** The positioner or view is going away: its runs stop (Qt deletes them with its items). */
  dispose(): void {
    const jobs = [...this.runningJobs];
    this.runningJobs.clear();
    for (const job of jobs) {
      job.transitioner = null;
      job.cancel();
    }
  }
}

function enabled(t: Transition | null): t is Transition {
  return t !== null && !t.$destroyed && t.isEnabled;
}

/** One run of a transition for one item (QQuickItemViewTransitionJob). */
class ViewTransitionJob {
  transitioner: Transitioner | null = null;
  item: TransitionableItem | null = null;
  toX = 0;
  toY = 0;
  type = ViewTransitionType.None;
  isTarget = false;
  readonly manager = new TransitionManager(() => this.finished());

  get running(): boolean {
    return this.manager.running;
  }

  start(
    item: TransitionableItem,
    index: number,
    transitioner: Transitioner,
    type: ViewTransitionType,
    x: number,
    y: number,
    isTarget: boolean,
  ): void {
    if (type === ViewTransitionType.None) return;
    const trans = transitioner.transitionObject(type, isTarget);
    if (trans === null) return;
    this.item = item;
    this.transitioner = transitioner;
    this.toX = x;
    this.toY = y;
    this.type = type;
    this.isTarget = isTarget;
    const attached = trans.$attachedObject(ViewTransitionMeta) as ViewTransitionAttached;
    attached.set(index, item.item, x, y, transitioner.targetIndexes(type), transitioner.targetItems(type));
    const target = item.item;
    const actions = [moveAction(target, 'x', x), moveAction(target, 'y', y)];
    transitioner.runningJobs.add(this);
    this.manager.transition(actions, trans, target);
  }

  cancel(): void {
    this.transitioner?.runningJobs.delete(this);
    this.manager.cancel();
  }

  private finished(): void {
    const t = this.transitioner;
    if (t !== null) {
      t.finishedTransition(this, this.item);
      this.transitioner = null;
    }
    this.item = null;
    this.toX = this.toY = 0;
    this.type = ViewTransitionType.None;
    this.isTarget = false;
  }
}

/** QQuickStateAction(item, name, value): from the property's value now. */
function moveAction(item: Item, name: 'x' | 'y', to: number): StateAction {
  const a = new StateAction();
  a.obj = item;
  a.info = item.$meta.props[name === 'x' ? ITEM.x : ITEM.y]!;
  a.specifiedObject = item;
  a.specifiedProperty = name;
  a.fromValue = item.$v[a.info.index];
  a.toValue = to;
  a.hasToValue = true;
  return a;
}

/** An item a positioner or view moves, and where it is going (QQuickItemViewTransitionableItem). */
export class TransitionableItem {
  transition: ViewTransitionJob | null = null;
  nextTransitionType = ViewTransitionType.None;
  isTransitionTarget = false;
  nextToX = 0;
  nextToY = 0;
  nextFromX = 0;
  nextFromY = 0;
  lastMovedToX = 0;
  lastMovedToY = 0;
  nextTransitionToSet = false;
  nextTransitionFromSet = false;
  lastMovedToSet = false;
  prepared = false;

  constructor(readonly item: Item) {}

  private get x(): number {
    return this.item.$v[ITEM.x] as number;
  }

  private get y(): number {
    return this.item.$v[ITEM.y] as number;
  }

  /** Where the item is going: the next transition's end, else the running one's, else where it is. */
  itemX(): number {
    if (this.nextTransitionType !== ViewTransitionType.None)
      return this.nextTransitionToSet ? this.nextToX : this.x;
    if (this.transition?.running) return this.transition.toX;
    return this.x;
  }

  itemY(): number {
    if (this.nextTransitionType !== ViewTransitionType.None)
      return this.nextTransitionToSet ? this.nextToY : this.y;
    if (this.transition?.running) return this.transition.toY;
    return this.y;
  }

  moveTo(x: number, y: number, immediate = false): void {
    if (!this.nextTransitionFromSet && this.nextTransitionType !== ViewTransitionType.None) {
      this.nextFromX = this.x;
      this.nextFromY = this.y;
      this.nextTransitionFromSet = true;
    }
    this.lastMovedToX = x;
    this.lastMovedToY = y;
    this.lastMovedToSet = true;
    if (immediate || !this.transitionScheduledOrRunning()) {
      if (immediate) this.stopTransition();
      setPosition(this.item, x, y);
    } else {
      this.nextToX = x;
      this.nextToY = y;
      this.nextTransitionToSet = true;
    }
  }

  /** The scheduled transition starts where the item is now. */
  startsHere(): void {
    this.nextFromX = this.x;
    this.nextFromY = this.y;
    this.nextTransitionFromSet = true;
  }

  transitionScheduledOrRunning(): boolean {
    return this.transitionRunning() || this.nextTransitionType !== ViewTransitionType.None;
  }

  transitionRunning(): boolean {
    return this.transition !== null && this.transition.running;
  }

  isPendingRemoval(): boolean {
    if (this.nextTransitionType === ViewTransitionType.Remove) return this.isTransitionTarget;
    const t = this.transition;
    if (t !== null && t.running && t.type === ViewTransitionType.Remove) return t.isTarget;
    return false;
  }

  /** Whether the scheduled transition is to run; if not, the item goes to its place now. */
  prepareTransition(transitioner: Transitioner, index: number, bounds: Bounds | null): boolean {
    if (this.nextTransitionType === ViewTransitionType.None) return false;
    if (this.isTransitionTarget) {
      // a target not moving anywhere stays where it is (a removed item does not go to 0,0)
      if (!this.nextTransitionToSet) this.moveTo(this.x, this.y);
    } else if (
      !this.nextTransitionToSet ||
      (this.nextTransitionFromSet && this.nextFromX === this.nextToX && this.nextFromY === this.nextToY)
    ) {
      // a displaced item that does not move has no transition
      this.clearCurrentScheduledTransition();
      return false;
    }
    const w = this.item.$v[ITEM.width] as number;
    const h = this.item.$v[ITEM.height] as number;
    const atTarget = bounds !== null && intersects(bounds, this.nextToX, this.nextToY, w, h);
    const atItem = bounds !== null && intersects(bounds, this.x, this.y, w, h);
    let doTransition = false;
    switch (this.nextTransitionType) {
      case ViewTransitionType.Populate:
        doTransition = atTarget;
        break;
      case ViewTransitionType.Add:
      case ViewTransitionType.Remove:
        if (bounds === null) doTransition = this.isTransitionTarget || this.transitionWillChangePosition();
        else if (this.isTransitionTarget)
          // an added item that comes into view, a removed one that is in view
          doTransition = this.nextTransitionType === ViewTransitionType.Add ? atTarget : atItem;
        else if (atItem || atTarget) doTransition = this.transitionWillChangePosition();
        break;
      case ViewTransitionType.Move:
        if (this.transitionWillChangePosition()) doTransition = bounds === null || atItem || atTarget;
        break;
    }
    if (doTransition) {
      // the targets are listed even when they have no transition: displaced items read them
      if (this.isTransitionTarget) transitioner.addToTargetLists(this.nextTransitionType, this, index);
      doTransition = transitioner.canTransition(this.nextTransitionType, this.isTransitionTarget);
    }
    if (!doTransition) {
      // the previous transition stops too, so that the item goes to its place at once
      setPosition(this.item, this.nextToX, this.nextToY);
      this.stopTransition();
    }
    this.prepared = true;
    return doTransition;
  }

  startTransition(transitioner: Transitioner, index: number): void {
    if (this.nextTransitionType === ViewTransitionType.None) return;
    if (!this.prepared) return;
    const t = this.transition;
    if (t === null || t.type !== this.nextTransitionType || t.isTarget !== this.isTransitionTarget) {
      t?.cancel();
      this.transition = new ViewTransitionJob();
    }
    this.transition!.start(
      this,
      index,
      transitioner,
      this.nextTransitionType,
      this.nextToX,
      this.nextToY,
      this.isTransitionTarget,
    );
    this.clearCurrentScheduledTransition();
  }

  setNextTransition(type: ViewTransitionType, isTarget: boolean): void {
    // (nextTransitionTo stays: other items' places may have been worked out from it)
    this.nextTransitionType = type;
    this.isTransitionTarget = isTarget;
    if (!this.nextTransitionFromSet && this.lastMovedToSet) {
      this.nextFromX = this.lastMovedToX;
      this.nextFromY = this.lastMovedToY;
      this.nextTransitionFromSet = true;
    }
  }

  transitionWillChangePosition(): boolean {
    const t = this.transition;
    if (t !== null && t.running && (t.toX !== this.nextToX || t.toY !== this.nextToY)) return true;
    if (!this.nextTransitionFromSet) return false;
    return this.nextToX !== this.nextFromX || this.nextToY !== this.nextFromY;
  }

  resetNextTransitionPos(): void {
    this.nextTransitionToSet = false;
    this.nextToX = this.nextToY = 0;
  }

  finishedTransition(): void {
    this.resetNextTransitionPos();
  }

  clearCurrentScheduledTransition(): void {
    this.nextTransitionType = ViewTransitionType.None;
    this.isTransitionTarget = false;
    this.prepared = false;
    this.nextTransitionFromSet = false;
  }

  stopTransition(): void {
    this.transition?.cancel();
    this.clearCurrentScheduledTransition();
    this.resetNextTransitionPos();
  }
}

/** A view's visible area (null: any place, as Qt's null QRectF). */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** QRectF::intersects, for a rectangle of the item's size at x, y. */
function intersects(b: Bounds, x: number, y: number, w: number, h: number): boolean {
  if (b.width === 0 || b.height === 0 || w === 0 || h === 0) return false;
  const l1 = Math.min(b.x, b.x + b.width);
  const r1 = Math.max(b.x, b.x + b.width);
  const l2 = Math.min(x, x + w);
  const r2 = Math.max(x, x + w);
  if (l1 >= r2 || l2 >= r1) return false;
  const t1 = Math.min(b.y, b.y + b.height);
  const b1 = Math.max(b.y, b.y + b.height);
  const t2 = Math.min(y, y + h);
  const b2 = Math.max(y, y + h);
  return !(t1 >= b2 || t2 >= b1);
}

/** `ViewTransition.index`, `.item`, `.destination`, `.targetIndexes`, `.targetItems` (QQuickViewTransitionAttached). */
export class ViewTransitionAttached extends QObject {
  set(index: number, item: Item, x: number, y: number, indexes: number[], items: QObject[]): void {
    const v = this.$v;
    v[VTA.index] = index;
    v[VTA.item] = item;
    v[VTA.destination] = new QPoint(x, y);
    v[VTA.targetIndexes] = indexes.slice();
    v[VTA.targetItems] = items.slice();
    // (Qt announces each, changed or not)
    for (const i of [VTA.index, VTA.item, VTA.destination, VTA.targetIndexes, VTA.targetItems])
      this.$announce(i);
  }
}

export const ViewTransitionMeta: MetaObject = defineType(ViewTransitionAttached, null, {
  name: 'ViewTransition',
  cppClass: 'QQuickViewTransitionAttached',
  creatable: 'ViewTransition is only available via attached properties.',
  properties: {
    index: { type: 'int', default: -1, readonly: true },
    item: { type: 'Item', readonly: true },
    destination: { type: 'point', readonly: true },
    // (empty lists until a run: a binding may index them, as Qt's documentation does)
    targetIndexes: { type: 'var', readonly: true, default: [] },
    targetItems: { type: 'var', readonly: true, default: [] },
  },
  attachedType: () => ViewTransitionMeta,
});

const VTA = {
  index: ViewTransitionMeta.index('index'),
  item: ViewTransitionMeta.index('item'),
  destination: ViewTransitionMeta.index('destination'),
  targetIndexes: ViewTransitionMeta.index('targetIndexes'),
  targetItems: ViewTransitionMeta.index('targetItems'),
};

/** A child a positioner lays out: shown (explicitly) and with a size. */
function isShown(child: Item): boolean {
  return child.explicitVisible && !!(child.$v[ITEM.width] as number) && !!(child.$v[ITEM.height] as number);
}

/**
 * A positioner's transitions (QQuickBasePositioner with a transitioner):
 * which children are new, which moved, and their runs.
 */
export class PositionerTransitions {
  readonly transitioner = new Transitioner();
  /** The children seen: the item's place keeping and whether it was laid out last time (Qt's PositionedItem). */
  private readonly known = new Map<Item, { t: TransitionableItem; visible: boolean; index: number }>();

  constructor(positioner: Item) {
    // (set on a positioner that has laid out: its children are not new)
    if (positioner.isComponentComplete)
      for (const child of positioner.childItems)
        this.known.set(child, { t: new TransitionableItem(child), visible: isShown(child), index: -1 });
  }

  /** `populate`, `add` and `move` (Qt's displaced transition). */
  set(name: string, t: QObject | null): void {
    const tr = this.transitioner;
    if (name === 'populate') tr.populateTransition = t as Transition | null;
    else if (name === 'add') tr.addTransition = t as Transition | null;
    else tr.displacedTransition = t as Transition | null;
  }

  /** The children this pass lays out, in order, each scheduled for its transition (the start of prePositioning). */
  collect(children: readonly Item[], out: Item[]): void {
    const tr = this.transitioner;
    let addedIndex = -1;
    const isNew = new Set<Item>();
    for (const child of children) {
      if (child.transparentForPositioner) continue;
      const shown = isShown(child);
      let k = this.known.get(child);
      if (k === undefined) {
        k = { t: new TransitionableItem(child), visible: shown, index: -1 };
        this.known.set(child, k);
        if (!shown) continue;
        k.index = out.length;
        out.push(child);
        isNew.add(child);
        if (addedIndex < 0) addedIndex = k.index;
        if (tr.canTransition(ViewTransitionType.Populate, true))
          tr.transitionNextReposition(k.t, ViewTransitionType.Populate, true);
        else if (!tr.usePopulateTransition) tr.transitionNextReposition(k.t, ViewTransitionType.Add, true);
      } else if (!shown) {
        k.visible = false;
        k.index = -1;
      } else {
        k.index = out.length;
        out.push(child);
        if (!k.visible) {
          // shown again: a new item
          k.visible = true;
          isNew.add(child);
          if (addedIndex < 0) addedIndex = k.index;
          tr.transitionNextReposition(k.t, ViewTransitionType.Add, true);
        }
      }
    }
    for (const child of out) {
      if (isNew.has(child)) continue;
      // displaced by an addition, or queued for a move (that runs only if it moves)
      const type = addedIndex >= 0 ? ViewTransitionType.Add : ViewTransitionType.Move;
      tr.transitionNextReposition(this.known.get(child)!.t, type, false);
    }
  }

  itemX(child: Item): number {
    return this.known.get(child)?.t.itemX() ?? (child.$v[ITEM.x] as number);
  }

  itemY(child: Item): number {
    return this.known.get(child)?.t.itemY() ?? (child.$v[ITEM.y] as number);
  }

  /** QQuickBasePositioner::positionItem, positionItemX and positionItemY (null: that coordinate as it is going). */
  place(child: Item, x: number | null, y: number | null): void {
    const ox = this.itemX(child);
    const oy = this.itemY(child);
    const nx = x ?? ox;
    const ny = y ?? oy;
    if (nx === ox && ny === oy) return;
    const k = this.known.get(child);
    if (k !== undefined) k.t.moveTo(nx, ny);
    else setPosition(child, nx, ny);
  }

  /** The end of prePositioning: the transitions of the items laid out start. */
  start(items: readonly Item[], width: number, height: number): void {
    const tr = this.transitioner;
    const bounds = { x: 0, y: 0, width, height };
    for (const child of items) {
      const k = this.known.get(child)!;
      k.t.prepareTransition(tr, k.index, bounds);
    }
    for (const child of items) {
      const k = this.known.get(child)!;
      k.t.startTransition(tr, k.index);
    }
    tr.resetTargetLists();
  }

  /** A child left: its run stops (Qt's PositionedItem goes, with its transition). */
  removed(child: Item): void {
    const k = this.known.get(child);
    if (k === undefined) return;
    this.known.delete(child);
    k.t.stopTransition();
  }

  dispose(): void {
    this.transitioner.dispose();
  }
}

/** A view's delegate as its transitions see it (FxViewItem). */
export interface ViewItemLike {
  readonly item: Item;
  index: number;
  t: TransitionableItem | null;
  setPosition(pos: number): void;
}

/** What a view offers its transitions (QQuickItemView). */
export interface TransitionViewLike<F extends ViewItemLike> extends Item {
  readonly visibleItems: readonly F[];
  /** Lets go of a delegate whose transition is over. */
  releaseItem(fx: F): unknown;
}

/**
 * A ListView's or GridView's transitions (QQuickItemViewPrivate's part):
 * the delegates scheduled for their next move, the removed ones kept until
 * their transition ends, and the runs started at the end of a layout.
 */
export class ItemViewTransitions<F extends ViewItemLike> implements ViewTransitionListener {
  readonly transitioner = new Transitioner();
  /** Removed delegates kept for their transition, with their index before the removal (releasePendingTransition). */
  private pending: Array<{ fx: F; index: number }> = [];

  constructor(private readonly view: TransitionViewLike<F>) {
    this.transitioner.changeListener = this;
  }

  /** FxViewItem::transitionNextReposition. */
  schedule(fx: F, type: ViewTransitionType, asTarget: boolean): void {
    fx.t ??= new TransitionableItem(fx.item);
    this.transitioner.transitionNextReposition(fx.t, type, asTarget);
  }

  /** A row inserted in view (an add target). */
  added(fx: F): void {
    this.schedule(fx, ViewTransitionType.Add, true);
  }

  /** A row moved (a move target). */
  moved(fx: F): void {
    this.schedule(fx, ViewTransitionType.Move, true);
  }

  /** A row a move takes from `index` to `to`: a move target if it is in the rows moved, else displaced. */
  indexMoved(fx: F, to: number, from: number, count: number): void {
    if (fx.index < 0) return;
    if (fx.index >= from && fx.index < from + count) this.moved(fx);
    else if (to !== fx.index) this.displaced(fx, 'move');
  }

  /** A row whose index an insertion, removal or move changed: it may be displaced. */
  displaced(fx: F, by: 'insert' | 'remove' | 'move'): void {
    const type =
      by === 'insert'
        ? ViewTransitionType.Add
        : by === 'remove'
          ? ViewTransitionType.Remove
          : ViewTransitionType.Move;
    this.schedule(fx, type, false);
  }

  /** Rows a move brings in without a delegate in this batch of changes: their index now and the one they came from. */
  private movedIn: Array<[number, number]> = [];
  /** Delegates made for them, and where each came from. */
  private arrivals: Array<[F, number]> = [];

  /** A move of `count` rows from `from` to `to`; true if it brings rows in that have no delegate. */
  noteMove(items: readonly F[], from: number, to: number, count: number): boolean {
    for (const r of this.movedIn) r[0] = movedIndex(r[0], from, to, count);
    for (let k = from; k < from + count; k++)
      if (!items.some((fx) => fx.index === k)) this.movedIn.push([k - from + to, k]);
    return this.movedIn.length > 0;
  }

  movesIn(index: number): boolean {
    return this.movedIn.some((r) => r[0] === index);
  }

  /** A delegate made for a row: one moved in is a move target from the start (Qt's movingIntoView). */
  made(fx: F): void {
    const r = this.movedIn.find((m) => m[0] === fx.index);
    if (r === undefined || !this.transitioner.canTransition(ViewTransitionType.Move, true)) return;
    this.moved(fx);
    this.arrivals.push([fx, r[1]]);
  }

  /** Each delegate moved in starts its transition where its old index would be (`positionAt`), then heads for its place. */
  placeArrivals(positionAt: (index: number) => number): void {
    for (const [fx, from] of this.arrivals) {
      const pos = positionAt(from);
      const t = fx.t!;
      fx.t = null;
      fx.setPosition(pos);
      fx.t = t;
      t.startsHere();
    }
    this.arrivals = [];
    this.movedIn = [];
  }

  canPopulate(): boolean {
    return this.transitioner.canTransition(ViewTransitionType.Populate, true);
  }

  /** The delegates not moving already get the populate transition. */
  populate(): void {
    for (const fx of this.view.visibleItems)
      if (!fx.t?.transitionScheduledOrRunning()) this.schedule(fx, ViewTransitionType.Populate, true);
  }

  /** A delegate whose row was removed waits for its transition (prepareRemoveTransitions). */
  removed(fx: F, index: number): void {
    this.schedule(fx, ViewTransitionType.Remove, true);
    this.pending.push({ fx, index });
  }

  /** A delegate leaving the visible items while a transition moves it: released when that ends. */
  keep(fx: F): void {
    if (!this.isPending(fx)) this.pending.push({ fx, index: fx.index });
  }

  isPending(fx: F): boolean {
    return this.pending.some((p) => p.fx === fx);
  }

  /** The end of a layout: each delegate's transition is prepared, then started; the removed ones after. */
  start(): void {
    const tr = this.transitioner;
    // (the visible area, in content coordinates)
    const v = this.view.$v;
    const bounds = {
      x: v[FLICK.contentX] as number,
      y: v[FLICK.contentY] as number,
      width: v[ITEM.width] as number,
      height: v[ITEM.height] as number,
    };
    for (const fx of this.view.visibleItems) fx.t?.prepareTransition(tr, fx.index, bounds);
    for (let i = 0; i < this.pending.length; ) {
      const p = this.pending[i]!;
      if (p.fx.t?.prepareTransition(tr, p.index, bounds)) i++;
      else {
        this.pending.splice(i, 1);
        this.view.releaseItem(p.fx);
      }
    }
    for (const fx of this.view.visibleItems) fx.t?.startTransition(tr, fx.index);
    for (const p of this.pending.slice()) p.fx.t?.startTransition(tr, p.index);
    tr.usePopulateTransition = false;
    tr.resetTargetLists();
  }

  viewItemTransitionFinished(t: TransitionableItem): void {
    const i = this.pending.findIndex((p) => p.fx.t === t);
    if (i < 0) return;
    const [p] = this.pending.splice(i, 1);
    this.view.releaseItem(p!.fx);
  }

  dispose(): void {
    this.transitioner.dispose();
    this.pending = [];
  }
}
