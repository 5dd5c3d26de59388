// The positioners' common base (QQuickBasePositioner) and the `Positioner`
// attached object. A positioner lays its children out once per frame (in
// updatePolish, like Qt's prePositioning), and synchronously when its
// component completes. Children that are explicitly hidden or have no width
// or height are skipped and keep their own position. Positions are never
// rounded. The positioner's implicit size is the size of its content.
import { removeItem } from '../../engine/arrays';
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { AnchorsMeta } from './Anchors';
import { Change, IMPLICIT_SIZE, ITEM, Item, ItemMeta } from './Item';

/** Which coordinates a positioner sets (QQuickBasePositioner::PositionerType). */
export enum PositionerType {
  Vertical = 1,
  Horizontal = 2,
  Both = 3,
}

export const LEFT_TO_RIGHT = 0;
export const RIGHT_TO_LEFT = 1;

/** A positioner's add, move and populate transitions (view-transition.ts, loaded with Transition). */
export interface PositionerTransitionsLike {
  readonly transitioner: { usePopulateTransition: boolean };
  /** Sets `populate`, `add` or `move`. */
  set(name: string, t: QObject | null): void;
  collect(children: readonly Item[], out: Item[]): void;
  itemX(child: Item): number;
  itemY(child: Item): number;
  /** Moves a child not already going there; a null coordinate stays as it is going. */
  place(child: Item, x: number | null, y: number | null): void;
  start(items: readonly Item[], width: number, height: number): void;
  removed(child: Item): void;
  dispose(): void;
}

let makeTransitions: ((p: BasePositioner) => PositionerTransitionsLike) | null = null;

export function providePositionerTransitions(make: (p: BasePositioner) => PositionerTransitionsLike): void {
  makeTransitions = make;
}

export abstract class BasePositioner extends Item {
  declare spacing: number;
  declare padding: number;
  declare topPadding: number;
  declare leftPadding: number;
  declare rightPadding: number;
  declare bottomPadding: number;

  /** The children laid out in the last pass, in order. */
  readonly positionedItems: Item[] = [];
  /**
   * The padding applied to each child along the axis the positioner does not
   * lay out (Column: left, Row: top): Qt moves a child by the change of that
   * padding only, so a child's own x in a Column is kept.
   */
  private appliedPadding: Map<Item, number> | null = null;
  private positioningDirty = false;
  private doingPositioning = false;
  /** Qt: once a child uses a conflicting anchor, the positioner stops laying out. */
  private anchorConflict = false;
  /** Padding sides set explicitly (1 top, 2 left, 4 right, 8 bottom); the others follow `padding`. */
  explicitPadding = 0;
  /** Made when a transition is set. */
  private transitions: PositionerTransitionsLike | null = null;

  constructor(readonly type: PositionerType) {
    super();
  }

  /** Qt: QQuickBasePositionerPrivate::setPositioningDirty; the layout happens in the next polish. */
  setPositioningDirty(): void {
    if (this.positioningDirty) return;
    this.positioningDirty = true;
    this.polish();
  }

  /** Lays out now if something changed (`forceLayout()`). */
  forceLayout(): void {
    if (this.positioningDirty) this.prePositioning();
  }

  protected override updatePolish(): void {
    if (this.positioningDirty) this.prePositioning();
  }

  protected override componentComplete(): void {
    const tr = this.transitions?.transitioner;
    if (tr) tr.usePopulateTransition = true;
    this.prePositioning();
    if (tr) tr.usePopulateTransition = false;
  }

  /** `populate`, `add` and `move` (the last is Qt's displaced transition). */
  setTransition(name: string, v: unknown): void {
    const t = v instanceof QObject ? v : null;
    if (t !== null && makeTransitions !== null) this.transitions ??= makeTransitions(this);
    this.transitions?.set(name, t);
    this.$store(this.$meta.index(name), t);
  }

  override $teardown(): void {
    this.transitions?.dispose();
    super.$teardown();
  }

  protected override itemChildAdded(_child: Item): void {
    this.setPositioningDirty();
  }

  protected override itemChildRemoved(child: Item): void {
    removeItem(this.positionedItems, child);
    this.appliedPadding?.delete(child);
    this.transitions?.removed(child);
    this.setPositioningDirty();
  }

  protected override childGeometryChanged(_child: Item, change: Change): void {
    // Qt watches the children's size only; a child that moves stays where it was moved.
    if (change & (Change.Width | Change.Height)) this.setPositioningDirty();
  }

  override childVisibilityChanged(_child: Item): void {
    this.setPositioningDirty();
  }

  /** QQuickBasePositioner::prePositioning: collect the children to lay out, lay out, set the implicit size. */
  prePositioning(): void {
    if (!this.isComponentComplete || this.doingPositioning) return;
    this.positioningDirty = false;
    this.doingPositioning = true;
    const items = this.positionedItems;
    items.length = 0;
    const transitions = this.transitions;
    if (transitions !== null) transitions.collect(this.childItems, items);
    else
      for (const child of this.childItems) {
        if (!child.explicitVisible || !(child.$v[ITEM.width] as number) || !(child.$v[ITEM.height] as number))
          continue;
        items.push(child);
      }
    const size = CONTENT_SIZE;
    size.width = 0;
    size.height = 0;
    this.reportConflictingAnchors();
    if (!this.anchorConflict) {
      this.doPositioning(size);
      this.updateAttachedProperties();
    }
    transitions?.start(items, size.width, size.height);
    this.doingPositioning = false;
    this.setImplicitSize(size.width, size.height);
    this.$emit(POS.positioningComplete, undefined);
  }

  /** Places `positionedItems` and reports the content size (padding included). */
  protected abstract doPositioning(size: { width: number; height: number }): void;

  /** The anchors a child of this positioner may not use (anchorIndexes), or null for any anchor. */
  protected abstract conflictingAnchors(): readonly number[] | null;

  protected abstract conflictMessage(): string;

  private reportConflictingAnchors(): void {
    const conflicting = this.conflictingAnchors() ?? ALL_ANCHORS;
    for (const child of this.positionedItems) {
      const a = child.$v[ITEM.anchors] as QObject | null;
      if (a === null) continue;
      if (conflicting.some((i) => !!a.$v[i])) {
        this.anchorConflict = true;
        break;
      }
    }
    if (this.anchorConflict) this.warn(this.conflictMessage());
  }

  /** Where a child is going: its transition's end, else where it is (PositionedItem::itemX). */
  protected itemX(child: Item): number {
    return this.transitions?.itemX(child) ?? (child.$v[ITEM.x] as number);
  }

  protected itemY(child: Item): number {
    return this.transitions?.itemY(child) ?? (child.$v[ITEM.y] as number);
  }

  /** Moves a child if it is not already there (QQuickBasePositioner::positionItem). */
  protected positionItem(x: number, y: number, child: Item): void {
    if (this.transitions !== null) this.transitions.place(child, x, y);
    else {
      if ((child.$v[ITEM.x] as number) !== x) child.setX(x);
      if ((child.$v[ITEM.y] as number) !== y) child.setY(y);
    }
  }

  protected positionItemX(x: number, child: Item): void {
    if (this.type === PositionerType.Vertical) return;
    if (this.transitions !== null) this.transitions.place(child, x, null);
    else if ((child.$v[ITEM.x] as number) !== x) child.setX(x);
  }

  protected positionItemY(y: number, child: Item): void {
    if (this.type === PositionerType.Horizontal) return;
    if (this.transitions !== null) this.transitions.place(child, null, y);
    else if ((child.$v[ITEM.y] as number) !== y) child.setY(y);
  }

  /** The padding last applied to a child on the cross axis (0 for a child not laid out before). */
  protected appliedPaddingOf(child: Item): number {
    return this.appliedPadding?.get(child) ?? 0;
  }

  protected setAppliedPadding(child: Item, v: number): void {
    // (no padding is what a child without an entry has: the map is made for the first padding)
    if (this.appliedPadding === null) {
      if (v === 0) return;
      this.appliedPadding = new Map();
    }
    this.appliedPadding.set(child, v);
  }

  /** The layout direction, turned around under LayoutMirroring (getEffectiveLayoutDirection). */
  get layoutDirectionValue(): number {
    const i = this.$meta.propsByName.get('layoutDirection');
    const d = i ? (this.$v[i.index] as number) : LEFT_TO_RIGHT;
    return this.effectiveLayoutMirror ? 1 - d : d;
  }

  /** Qt: isLeftToRight(), of the effective direction. */
  get isLeftToRight(): boolean {
    return this.type === PositionerType.Vertical || this.layoutDirectionValue === LEFT_TO_RIGHT;
  }

  /** LayoutMirroring changed (QQuickBasePositionerPrivate::mirrorChange). */
  protected override mirrorChange(): void {
    if (this.$meta.propsByName.has('layoutDirection')) this.onLayoutDirectionChanged();
  }

  /**
   * Sets index/isFirstItem/isLastItem on the children's `Positioner` attached
   * objects (QQuickBasePositioner::updateAttachedProperties); with `only`,
   * just that new attached object of `owner`.
   */
  updateAttachedProperties(only?: PositionerAttached, owner?: Item): void {
    const items = this.positionedItems;
    let prevLast: PositionerAttached | null = null;
    let last: PositionerAttached | null = null;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const att = only !== undefined ? (owner === item ? only : null) : attachedOf(item);
      if (att !== null) {
        att.$store(ATT.index, i);
        att.$store(ATT.isFirstItem, i === 0);
        if (att.$v[ATT.isLastItem] as boolean) {
          prevLast?.$store(ATT.isLastItem, false);
          prevLast = att;
        }
      }
      last = att;
    }
    if (prevLast !== null && prevLast !== last) prevLast.$store(ATT.isLastItem, false);
    last?.$store(ATT.isLastItem, true);
    for (const child of this.childItems) {
      const att = only !== undefined ? (owner === child ? only : null) : attachedOf(child);
      if (att === null || items.includes(child)) continue;
      att.$store(ATT.index, -1);
      att.$store(ATT.isFirstItem, false);
      att.$store(ATT.isLastItem, false);
    }
  }

  // ---- padding --------------------------------------------------------------------

  /** `padding` changed: the sides not set explicitly follow it. */
  onPaddingChanged(): void {
    const p = this.$v[POS.padding] as number;
    for (let i = 0; i < 4; i++) if (!(this.explicitPadding & (1 << i))) this.$store(POS.sides[i]!, p);
    this.setPositioningDirty();
  }

  setSidePadding(side: number, v: number): void {
    this.explicitPadding |= 1 << side;
    if (this.$store(POS.sides[side]!, v)) this.setPositioningDirty();
  }

  /** `layoutDirection` changed: Qt lays out immediately (effectiveLayoutDirectionChange). */
  onLayoutDirectionChanged(): void {
    this.prePositioning();
    const eff = this.$meta.propsByName.get('effectiveLayoutDirection');
    if (eff) this.$store(eff.index, this.layoutDirectionValue);
  }
}

const CONTENT_SIZE = { width: 0, height: 0 };
/** The indexes of these anchors' properties, to test a child's anchors without looking their names up. */
export function anchorIndexes(names: readonly string[]): readonly number[] {
  return names.map((n) => AnchorsMeta.index(n));
}

/** Every anchor line and `fill` and `centerIn`. */
export const ALL_ANCHORS = anchorIndexes([
  'left',
  'right',
  'horizontalCenter',
  'top',
  'bottom',
  'verticalCenter',
  'baseline',
  'fill',
  'centerIn',
]);

function transitionProperty(name: string) {
  return {
    type: 'QtObject',
    write: (o: QObject, v: unknown) => (o as BasePositioner).setTransition(name, v),
  };
}

function sidePadding(side: number) {
  return {
    type: 'real',
    write: (o: QObject, v: unknown) => (o as BasePositioner).setSidePadding(side, v as number),
  };
}

export const BasePositionerMeta: MetaObject = defineType(BasePositioner, ItemMeta, {
  readonlyProperties: IMPLICIT_SIZE,
  name: 'Positioner',
  cppClass: 'QQuickBasePositioner',
  creatable: 'Positioner is an abstract type that is only available as an attached property.',
  properties: {
    spacing: { type: 'real', changed: (o) => (o as BasePositioner).setPositioningDirty() },
    padding: { type: 'real', changed: (o) => (o as BasePositioner).onPaddingChanged() },
    topPadding: sidePadding(0),
    leftPadding: sidePadding(1),
    rightPadding: sidePadding(2),
    bottomPadding: sidePadding(3),
    populate: transitionProperty('populate'),
    move: transitionProperty('move'),
    add: transitionProperty('add'),
  },
  signals: {
    positioningComplete: {},
    effectiveLayoutDirectionChanged: {},
  },
  methods: ['forceLayout'],
  attachedType: () => PositionerAttachedMeta,
});

export const POS = {
  spacing: BasePositionerMeta.index('spacing'),
  padding: BasePositionerMeta.index('padding'),
  topPadding: BasePositionerMeta.index('topPadding'),
  leftPadding: BasePositionerMeta.index('leftPadding'),
  rightPadding: BasePositionerMeta.index('rightPadding'),
  bottomPadding: BasePositionerMeta.index('bottomPadding'),
  sides: [
    BasePositionerMeta.index('topPadding'),
    BasePositionerMeta.index('leftPadding'),
    BasePositionerMeta.index('rightPadding'),
    BasePositionerMeta.index('bottomPadding'),
  ],
  positioningComplete: BasePositionerMeta.signalsByName.get('positioningComplete')!.index,
};

/** The `layoutDirection` / `effectiveLayoutDirection` properties of Row, Grid and Flow. */
export const layoutDirectionProperties = {
  layoutDirection: {
    type: 'enumeration',
    default: LEFT_TO_RIGHT,
    changed: (o: QObject) => (o as BasePositioner).onLayoutDirectionChanged(),
  },
  effectiveLayoutDirection: {
    type: 'enumeration',
    readonly: true,
    notify: 'effectiveLayoutDirectionChanged',
  },
};

/** `Positioner.index`, `Positioner.isFirstItem`, `Positioner.isLastItem` (QQuickPositionerAttached). */
export class PositionerAttached extends QObject {
  declare index: number;
  declare isFirstItem: boolean;
  declare isLastItem: boolean;

  override $attachTo(owner: QObject): void {
    if (!(owner instanceof Item)) return;
    const p = owner.parentItem;
    if (p instanceof BasePositioner) p.updateAttachedProperties(this, owner);
  }
}

export const PositionerAttachedMeta: MetaObject = defineType(PositionerAttached, null, {
  name: 'Positioner',
  cppClass: 'QQuickPositionerAttached',
  creatable: 'Positioner is an abstract type that is only available as an attached property.',
  properties: {
    index: { type: 'int', default: -1, readonly: true },
    isFirstItem: { type: 'bool', readonly: true },
    isLastItem: { type: 'bool', readonly: true },
  },
});

const ATT = {
  index: PositionerAttachedMeta.index('index'),
  isFirstItem: PositionerAttachedMeta.index('isFirstItem'),
  isLastItem: PositionerAttachedMeta.index('isLastItem'),
};

function attachedOf(item: Item): PositionerAttached | null {
  return (item.$findAttached(PositionerAttachedMeta) as PositionerAttached | undefined) ?? null;
}
