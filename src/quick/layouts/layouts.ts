// QtQuick.Layouts: RowLayout, ColumnLayout and GridLayout (QQuickGridLayoutBase
// on QGridLayoutEngine, grid-engine.ts) and the `Layout` attached object
// (QQuickLayoutAttached). A layout collects its visible children with their
// size hints (Layout.minimum/preferred/maximum sizes, else implicit sizes,
// else the size they had first) and fill policies, sets its own implicit
// size from them, and arranges them when it is resized and once per frame
// after a change (updatePolish), as qquicklayout.cpp and qquicklinearlayout.cpp do.
import { defineType, type MetaObject, QObject, qmlWarning } from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';
import { connect as connectObserver, Observer } from '../../engine/reactive';
import { Change, ITEM, Item, type ItemChangeListener, ItemMeta } from '../items/Item';
import { setPair, setPosition } from '../items/item-geometry';
import { ALL_ANCHORS } from '../items/Positioner';
import {
  Alignment,
  GridLayoutEngine,
  GridLayoutItem,
  LayoutDirection,
  LayoutPolicy,
  LayoutStyleInfo,
  Orientation,
  type RectF,
  type SizeF,
  SizeHint,
} from './grid-engine';

const HORIZONTAL = Orientation.Horizontal;
const VERTICAL = Orientation.Vertical;
const MINIMUM_SIZE = SizeHint.MinimumSize;
const PREFERRED_SIZE = SizeHint.PreferredSize;
const MAXIMUM_SIZE = SizeHint.MaximumSize;
const LEFT_TO_RIGHT = LayoutDirection.LeftToRight;
const RIGHT_TO_LEFT = LayoutDirection.RightToLeft;
/** QQuickLayout::EnsureLayoutItemsUpdatedOption */
const APPLY_SIZE_HINTS = 1;
const RECURSIVE = 2;

// ---- Layout attached -----------------------------------------------------------------------

/** `Layout.fillWidth`, `Layout.preferredWidth`, ... of an item (QQuickLayoutAttached). */
export class LayoutAttached extends QObject {
  declare minimumWidth: number;
  declare minimumHeight: number;
  declare preferredWidth: number;
  declare preferredHeight: number;
  declare maximumWidth: number;
  declare maximumHeight: number;
  declare fillWidth: boolean;
  declare fillHeight: boolean;
  declare alignment: number;

  owner: QObject | null = null;
  isMinimumWidthSet = false;
  isMinimumHeightSet = false;
  isMaximumWidthSet = false;
  isMaximumHeightSet = false;
  isFillWidthSet = false;
  isFillHeightSet = false;
  /** Qt's m_row / m_column: -1 when not set (the properties read 0 then). */
  rowValue = -1;
  columnValue = -1;
  defaultMargins = 0;
  /** The four margins as set, and which are (left, top, right, bottom). */
  readonly marginValues = [0, 0, 0, 0];
  readonly marginSet = [false, false, false, false];
  /** The item's width and height when a layout first needed them as its preferred size. */
  fallbackWidth = -1;
  fallbackHeight = -1;

  override $attachTo(owner: QObject): void {
    this.owner = owner;
  }

  get item(): Item | null {
    return this.owner instanceof Item ? this.owner : null;
  }

  /** The layout the item is in (its parent, if that is a layout). */
  parentLayout(): QuickLayout | null {
    const item = this.item;
    if (item === null) {
      if (this.owner) qmlWarning(this.owner, 'Layout must be attached to Item elements');
      return null;
    }
    const p = item.parentItem;
    return p instanceof QuickLayout ? p : null;
  }

  invalidateItem(): void {
    const layout = this.parentLayout();
    if (layout !== null && this.item !== null) layout.invalidate(this.item);
  }

  isExtentExplicitlySet(orientation: number, which: number): boolean {
    const h = orientation === HORIZONTAL;
    if (which === MINIMUM_SIZE) return h ? this.isMinimumWidthSet : this.isMinimumHeightSet;
    if (which === MAXIMUM_SIZE) return h ? this.isMaximumWidthSet : this.isMaximumHeightSet;
    // (Qt counts the preferred size as always given; -1, the default, then means none)
    return (this.$v[h ? LA.preferredWidth : LA.preferredHeight] as number) >= 0;
  }

  /**
   * Layout.minimumWidth and the others as Qt reads them: the value set, else
   * the item's own hint (a layout's size hint; 0 or infinity for other items).
   */
  extentOf(which: number, orientation: number): number {
    if (this.isExtentExplicitlySet(orientation, which))
      return this.$v[(orientation === HORIZONTAL ? HINT_WIDTH : HINT_HEIGHT)[which]!] as number;
    const item = this.item;
    if (item instanceof QuickLayout) {
      const size = item.sizeHint(which);
      return orientation === HORIZONTAL ? size.width : size.height;
    }
    return which === MAXIMUM_SIZE ? Number.POSITIVE_INFINITY : 0;
  }

  margin(side: number): number {
    return this.marginSet[side] ? this.marginValues[side]! : this.defaultMargins;
  }

  /** The margins, left and right swapped in a mirrored layout (effectiveQMargins). */
  effectiveMargins(): [number, number, number, number] {
    const mirrored = this.parentLayout()?.effectiveLayoutMirror ?? false;
    const l = this.margin(0);
    const r = this.margin(2);
    return mirrored ? [r, this.margin(1), l, this.margin(3)] : [l, this.margin(1), r, this.margin(3)];
  }

  /** A min/max extent: `set` says whether the value counts as given (>= 0). */
  setExtent(index: number, which: number, orientation: number, v: number): void {
    if (Number.isNaN(v)) return;
    const set = v >= 0;
    if (which === MINIMUM_SIZE) {
      if (orientation === HORIZONTAL) this.isMinimumWidthSet = set;
      else this.isMinimumHeightSet = set;
    } else if (orientation === HORIZONTAL) this.isMaximumWidthSet = set;
    else this.isMaximumHeightSet = set;
    if (this.$v[index] === v) return;
    this.$v[index] = v;
    this.invalidateItem();
    this.$emit(this.$meta.props[index]!.notify, undefined);
  }

  setPreferred(index: number, v: number): void {
    if (Number.isNaN(v) || this.$v[index] === v) return;
    this.$v[index] = v;
    this.invalidateItem();
    this.$emit(this.$meta.props[index]!.notify, undefined);
  }

  setFill(index: number, horizontal: boolean, v: boolean): void {
    if (horizontal) this.isFillWidthSet = true;
    else this.isFillHeightSet = true;
    if (this.$v[index] === v) return;
    this.$v[index] = v;
    this.invalidateItem();
    this.$emit(this.$meta.props[index]!.notify, undefined);
  }

  /** setMinimumImplicitSize / setMaximumImplicitSize: a layout's own hints, unless set explicitly. */
  setImplicitExtents(which: number, size: SizeF): void {
    const min = which === MINIMUM_SIZE;
    const wi = min ? LA.minimumWidth : LA.maximumWidth;
    const hi = min ? LA.minimumHeight : LA.maximumHeight;
    const wSet = min ? this.isMinimumWidthSet : this.isMaximumWidthSet;
    const hSet = min ? this.isMinimumHeightSet : this.isMaximumHeightSet;
    let w = false;
    let h = false;
    if (!wSet && this.$v[wi] !== size.width) {
      this.$v[wi] = size.width;
      w = true;
    }
    if (!hSet && this.$v[hi] !== size.height) {
      this.$v[hi] = size.height;
      h = true;
    }
    if (!w && !h) return;
    this.invalidateItem();
    if (w) this.$emit(this.$meta.props[wi]!.notify, undefined);
    if (h) this.$emit(this.$meta.props[hi]!.notify, undefined);
  }

  setCell(row: boolean, v: number): void {
    const cur = row ? this.rowValue : this.columnValue;
    if (!(v >= 0) || v === cur) return;
    if (row) this.rowValue = v;
    else this.columnValue = v;
    this.invalidateItem();
    this.$emit(row ? LA.rowChanged : LA.columnChanged, undefined);
  }

  setSpan(index: number, v: number): void {
    if (this.$v[index] === v) return;
    this.$v[index] = v;
    this.invalidateItem();
    this.$emit(this.$meta.props[index]!.notify, undefined);
  }

  setAlignment(v: number): void {
    if (this.$v[LA.alignment] === v) return;
    this.$v[LA.alignment] = v;
    const layout = this.parentLayout();
    if (layout !== null && this.item !== null) {
      layout.setAlignment(this.item, v);
      this.invalidateItem();
    }
    this.$emit(LA.alignmentChanged, undefined);
  }

  setMargins(v: number): void {
    if (v === this.defaultMargins) return;
    this.defaultMargins = v;
    this.invalidateItem();
    for (let side = 0; side < 4; side++)
      if (!this.marginSet[side] && this.marginValues[side] !== v)
        this.$emit(MARGIN_SIGNALS[side]!, undefined);
    this.$emit(LA.marginsChanged, undefined);
  }

  setMargin(side: number, v: number): void {
    const changed = this.margin(side) !== v;
    this.marginValues[side] = v;
    this.marginSet[side] = true;
    if (!changed) return;
    this.invalidateItem();
    this.$emit(MARGIN_SIGNALS[side]!, undefined);
  }

  resetMargin(side: number): void {
    const changed = this.marginSet[side] && this.defaultMargins !== this.marginValues[side];
    this.marginSet[side] = false;
    if (!changed) return;
    this.invalidateItem();
    this.$emit(MARGIN_SIGNALS[side]!, undefined);
  }
}

function extent(which: number, orientation: number, initial: number) {
  return {
    type: 'real',
    default: initial,
    write: (o: QObject, v: unknown) =>
      (o as LayoutAttached).setExtent(
        LayoutAttachedMeta.index(extentName(which, orientation)),
        which,
        orientation,
        v as number,
      ),
  };
}

function extentName(which: number, orientation: number): string {
  return `${which === MINIMUM_SIZE ? 'minimum' : 'maximum'}${orientation === HORIZONTAL ? 'Width' : 'Height'}`;
}

function marginProperty(side: number) {
  return {
    type: 'real',
    write: (o: QObject, v: unknown) => (o as LayoutAttached).setMargin(side, v as number),
    reset: (o: QObject) => (o as LayoutAttached).resetMargin(side),
  };
}

export const LayoutAttachedMeta: MetaObject = defineType(LayoutAttached, QtObjectMeta, {
  name: 'Layout',
  cppClass: 'QQuickLayoutAttached',
  creatable: false,
  properties: {
    minimumWidth: extent(MINIMUM_SIZE, HORIZONTAL, 0),
    minimumHeight: extent(MINIMUM_SIZE, VERTICAL, 0),
    preferredWidth: {
      type: 'real',
      default: -1,
      write: (o, v) => (o as LayoutAttached).setPreferred(LA.preferredWidth, v as number),
    },
    preferredHeight: {
      type: 'real',
      default: -1,
      write: (o, v) => (o as LayoutAttached).setPreferred(LA.preferredHeight, v as number),
    },
    maximumWidth: extent(MAXIMUM_SIZE, HORIZONTAL, Number.POSITIVE_INFINITY),
    maximumHeight: extent(MAXIMUM_SIZE, VERTICAL, Number.POSITIVE_INFINITY),
    fillHeight: {
      type: 'bool',
      write: (o, v) => (o as LayoutAttached).setFill(LA.fillHeight, false, v as boolean),
    },
    fillWidth: {
      type: 'bool',
      write: (o, v) => (o as LayoutAttached).setFill(LA.fillWidth, true, v as boolean),
    },
    row: { type: 'int', write: (o, v) => (o as LayoutAttached).setCell(true, v as number) },
    column: { type: 'int', write: (o, v) => (o as LayoutAttached).setCell(false, v as number) },
    rowSpan: {
      type: 'int',
      default: 1,
      write: (o, v) => (o as LayoutAttached).setSpan(LA.rowSpan, v as number),
    },
    columnSpan: {
      type: 'int',
      default: 1,
      write: (o, v) => (o as LayoutAttached).setSpan(LA.columnSpan, v as number),
    },
    alignment: { type: 'int', write: (o, v) => (o as LayoutAttached).setAlignment(v as number) },
    margins: { type: 'real', write: (o, v) => (o as LayoutAttached).setMargins(v as number) },
    leftMargin: marginProperty(0),
    topMargin: marginProperty(1),
    rightMargin: marginProperty(2),
    bottomMargin: marginProperty(3),
  },
});

const LA = {
  minimumWidth: LayoutAttachedMeta.index('minimumWidth'),
  minimumHeight: LayoutAttachedMeta.index('minimumHeight'),
  preferredWidth: LayoutAttachedMeta.index('preferredWidth'),
  preferredHeight: LayoutAttachedMeta.index('preferredHeight'),
  maximumWidth: LayoutAttachedMeta.index('maximumWidth'),
  maximumHeight: LayoutAttachedMeta.index('maximumHeight'),
  fillWidth: LayoutAttachedMeta.index('fillWidth'),
  fillHeight: LayoutAttachedMeta.index('fillHeight'),
  rowSpan: LayoutAttachedMeta.index('rowSpan'),
  columnSpan: LayoutAttachedMeta.index('columnSpan'),
  alignment: LayoutAttachedMeta.index('alignment'),
  rowChanged: LayoutAttachedMeta.signalsByName.get('rowChanged')!.index,
  columnChanged: LayoutAttachedMeta.signalsByName.get('columnChanged')!.index,
  alignmentChanged: LayoutAttachedMeta.signalsByName.get('alignmentChanged')!.index,
  marginsChanged: LayoutAttachedMeta.signalsByName.get('marginsChanged')!.index,
};
const MARGIN_SIGNALS = ['leftMargin', 'topMargin', 'rightMargin', 'bottomMargin'].map(
  (n) => LayoutAttachedMeta.signalsByName.get(`${n}Changed`)!.index,
);

// The attached properties read what Qt's getters give.
Object.defineProperties(LayoutAttached.prototype, {
  ...Object.fromEntries(
    (
      [
        ['minimumWidth', MINIMUM_SIZE, HORIZONTAL],
        ['minimumHeight', MINIMUM_SIZE, VERTICAL],
        ['maximumWidth', MAXIMUM_SIZE, HORIZONTAL],
        ['maximumHeight', MAXIMUM_SIZE, VERTICAL],
      ] as const
    ).map(([name, which, orientation]) => [
      name,
      {
        get(this: LayoutAttached) {
          const index = LayoutAttachedMeta.index(name);
          this.$read(index);
          return this.extentOf(which, orientation);
        },
        set: writeProp(name),
        configurable: true,
      },
    ]),
  ),
  row: { get: readRow(true), set: writeProp('row'), configurable: true },
  column: { get: readRow(false), set: writeProp('column'), configurable: true },
  margins: {
    get(this: LayoutAttached) {
      this.$read(LayoutAttachedMeta.index('margins'));
      return this.defaultMargins;
    },
    set: writeProp('margins'),
    configurable: true,
  },
  ...Object.fromEntries(
    ['leftMargin', 'topMargin', 'rightMargin', 'bottomMargin'].map((name, side) => [
      name,
      {
        get(this: LayoutAttached) {
          this.$read(LayoutAttachedMeta.index(name));
          return this.margin(side);
        },
        set: writeProp(name),
        configurable: true,
      },
    ]),
  ),
});

function readRow(row: boolean) {
  return function (this: LayoutAttached): number {
    this.$read(LayoutAttachedMeta.index(row ? 'row' : 'column'));
    return Math.max(row ? this.rowValue : this.columnValue, 0);
  };
}

function writeProp(name: string) {
  return function (this: LayoutAttached, v: unknown): void {
    this.$assign(LayoutAttachedMeta.index(name), v);
  };
}

function attachedLayoutObject(item: Item, create: boolean): LayoutAttached | null {
  if (create) return item.$attachedObject(LayoutAttachedMeta) as LayoutAttached;
  return (item.$findAttached(LayoutAttachedMeta) as LayoutAttached | undefined) ?? null;
}

// ---- size hints (QQuickLayout::effectiveSizeHints_helper) ----------------------------------

function normalizeHints(h: number[]): void {
  // [minimum, preferred, maximum, descent]
  if (h[0]! >= 0 && h[2]! >= 0 && h[0]! > h[2]!) h[0] = h[2]!;
  if (h[1]! >= 0) {
    if (h[0]! >= 0 && h[1]! < h[0]!) h[1] = h[0]!;
    else if (h[2]! >= 0 && h[1]! > h[2]!) h[1] = h[2]!;
  }
  if (h[0]! >= 0 && h[3]! > h[0]!) h[3] = h[0]!;
}

/** The effective minimum, preferred, maximum sizes and descent of a layout's item. */
function effectiveSizeHints(item: Item, useFallbackToWidthOrHeight: boolean): SizeF[] {
  // Widths and heights are gathered separately: [min, pref, max, descent].
  const w = [-1, -1, -1, -1];
  const h = [-1, -1, -1, -1];
  let info = attachedLayoutObject(item, false);
  if (info !== null) {
    for (let i = 0; i < 3; i++) {
      if (info.isExtentExplicitlySet(HORIZONTAL, i)) w[i] = info.$v[HINT_WIDTH[i]!] as number;
      if (info.isExtentExplicitlySet(VERTICAL, i)) h[i] = info.$v[HINT_HEIGHT[i]!] as number;
    }
  }
  normalizeHints(w);
  normalizeHints(h);

  // maximum: the implicit maximum (a layout's own), else infinity
  if (info !== null) {
    if (!info.isExtentExplicitlySet(HORIZONTAL, MAXIMUM_SIZE) && w[2]! < 0)
      w[2] = info.extentOf(MAXIMUM_SIZE, HORIZONTAL);
    if (!info.isExtentExplicitlySet(VERTICAL, MAXIMUM_SIZE) && h[2]! < 0)
      h[2] = info.extentOf(MAXIMUM_SIZE, VERTICAL);
  }
  if (w[2]! < 0) w[2] = Number.POSITIVE_INFINITY;
  if (h[2]! < 0) h[2] = Number.POSITIVE_INFINITY;
  // implicit max or min sizes do not limit an explicit preferred size
  expand(w, 2, w[1]!);
  expand(h, 2, h[1]!);
  expand(w, 2, w[0]!);
  expand(h, 2, h[0]!);

  // minimum: the implicit minimum (a layout's own), at least 0, at most preferred and maximum
  if (info !== null) {
    if (!info.isExtentExplicitlySet(HORIZONTAL, MINIMUM_SIZE) && w[0]! < 0)
      w[0] = info.extentOf(MINIMUM_SIZE, HORIZONTAL);
    if (!info.isExtentExplicitlySet(VERTICAL, MINIMUM_SIZE) && h[0]! < 0)
      h[0] = info.extentOf(MINIMUM_SIZE, VERTICAL);
  }
  expand(w, 0, 0);
  expand(h, 0, 0);
  bound(w, 0, w[1]!);
  bound(h, 0, h[1]!);
  bound(w, 0, w[2]!);
  bound(h, 0, h[2]!);

  // preferred: implicit size (rounded up), else the width/height the item had first
  const iw = item.$v[ITEM.implicitWidth] as number;
  const ih = item.$v[ITEM.implicitHeight] as number;
  if (w[1]! < 0 && iw > 0) w[1] = Math.ceil(iw);
  if (h[1]! < 0 && ih > 0) h[1] = Math.ceil(ih);
  if (useFallbackToWidthOrHeight && (w[1]! < 0 || h[1]! < 0)) {
    info ??= attachedLayoutObject(item, true);
    if (w[1]! < 0) {
      if (info!.fallbackWidth < 0) info!.fallbackWidth = item.$v[ITEM.width] as number;
      w[1] = info!.fallbackWidth;
    }
    if (h[1]! < 0) {
      if (info!.fallbackHeight < 0) info!.fallbackHeight = item.$v[ITEM.height] as number;
      h[1] = info!.fallbackHeight;
    }
  }
  expand(w, 1, w[0]!);
  expand(h, 1, h[0]!);
  bound(w, 1, w[2]!);
  bound(h, 1, h[2]!);

  // descent (for the minimum height): no baseline offset is reported here
  h[3] = h[0]! - (item.$v[ITEM.baselineOffset] as number);

  if (info !== null) {
    const mw = info.margin(0) + info.margin(2);
    const mh = info.margin(1) + info.margin(3);
    for (let i = 0; i < 4; i++) {
      w[i] = w[i]! + mw;
      h[i] = h[i]! + mh;
    }
  }
  return [0, 1, 2, 3].map((i) => ({ width: w[i]!, height: h[i]! }));
}

const HINT_WIDTH = [LA.minimumWidth, LA.preferredWidth, LA.maximumWidth];
const HINT_HEIGHT = [LA.minimumHeight, LA.preferredHeight, LA.maximumHeight];

/** expandSize for one axis: raise h[i] to v when v is given (>= 0). */
function expand(h: number[], i: number, v: number): void {
  if (v >= 0 && v > h[i]!) h[i] = v;
}

/** boundSize for one axis: lower h[i] to v when v is given (>= 0). */
function bound(h: number[], i: number, v: number): void {
  if (v >= 0 && v < h[i]!) h[i] = v;
}

/** QQuickLayout::effectiveSizePolicy_helper: fill means Preferred, else Fixed; layouts fill by default. */
function effectiveSizePolicy(item: Item, orientation: number, info: LayoutAttached | null): number {
  let fill = false;
  let set = false;
  if (info !== null) {
    if (orientation === HORIZONTAL) {
      set = info.isFillWidthSet;
      if (set) fill = info.$v[LA.fillWidth] as boolean;
    } else {
      set = info.isFillHeightSet;
      if (set) fill = info.$v[LA.fillHeight] as boolean;
    }
  }
  if (!set && item instanceof QuickLayout) fill = true;
  return fill ? LayoutPolicy.Preferred : LayoutPolicy.Fixed;
}

// ---- moving and resizing an item in one change ------------------------------------------------

/** QQuickItem::setSize: both count as set; a layout arranges once, after both signals. */
function setSize(item: Item, w: number, h: number): void {
  item.widthValid = true;
  item.heightValid = true;
  const layout = item instanceof QuickLayout ? item : null;
  if (layout !== null) layout.inSetSize = true;
  const changed = setPair(item, ITEM.width, ITEM.height, w, h);
  if (layout === null) return;
  layout.inSetSize = false;
  if (changed) layout.resized();
}

// ---- the engine's items (QQuickGridLayoutItem) ---------------------------------------------

class QuickGridLayoutItem extends GridLayoutItem {
  private cached: SizeF[] | null = null;
  private useFallback = true;

  constructor(
    readonly item: Item,
    row: number,
    column: number,
    rowSpan: number,
    columnSpan: number,
    alignment: number,
  ) {
    super(row, column, rowSpan, columnSpan, alignment);
  }

  override sizeHint(which: number, _constraint: SizeF): SizeF {
    if (this.cached === null) {
      this.cached = effectiveSizeHints(this.item, this.useFallback);
      this.useFallback = false;
    }
    return this.cached[which]!;
  }

  invalidate(): void {
    this.cached = null;
  }

  override sizePolicy(orientation: number): number {
    return effectiveSizePolicy(this.item, orientation, attachedLayoutObject(this.item, false));
  }

  override setGeometry(rect: RectF): void {
    const info = attachedLayoutObject(this.item, false);
    let { x, y, width, height } = rect;
    if (info !== null) {
      const [l, t, r, b] = info.effectiveMargins();
      x += l;
      y += t;
      width -= l + r;
      height -= t + b;
    }
    const item = this.item;
    const oldW = item.$v[ITEM.width] as number;
    const oldH = item.$v[ITEM.height] as number;
    setPosition(item, x, y);
    if (width === oldW && height === oldH) {
      // (a layout of the same size still arranges its children when they changed)
      if (item instanceof QuickLayout && item.dirtyArrangement) item.rearrange(width, height);
    } else {
      setSize(item, width, height);
    }
  }
}

class QuickGridLayoutEngine extends GridLayoutEngine {
  constructor(warning: (message: string) => void) {
    super(Alignment.AlignVCenter, true);
    this.warning = warning;
  }

  findLayoutItem(item: Item): QuickGridLayoutItem | null {
    for (let i = this.itemCount() - 1; i >= 0; i--) {
      const gi = this.itemAt(i) as QuickGridLayoutItem;
      if (gi.item === item) return gi;
    }
    return null;
  }

  setItemAlignment(item: Item, alignment: number): void {
    const gi = this.findLayoutItem(item);
    if (gi === null) return;
    gi.setAlignment(alignment);
    this.invalidate();
  }
}

/** QQuickLayoutStyleInfo: 5 between cells, no window margin. */
class QuickLayoutStyleInfo extends LayoutStyleInfo {
  override spacing(_orientation: number): number {
    return 5;
  }
  override windowMargin(_orientation: number): number {
    return 0;
  }
  override hasChangedCore(): boolean {
    return false;
  }
}

// ---- QQuickLayout --------------------------------------------------------------------------

/** Hears a layout's own width and height change after their handlers, as Qt's geometryChange does. */
class ResizeObserver extends Observer {
  constructor(private readonly layout: QuickLayout) {
    super();
    this.late = true;
  }
  notify(): void {
    // (a setSize arranges once, after both signals: sizeSet)
    if (!this.layout.inSetSize) this.layout.resized();
  }
}

export abstract class QuickLayout extends Item implements ItemChangeListener {
  /** Set while setSize announces the new width and height (it arranges once, after both). */
  inSetSize = false;
  /** Qt's m_dirty: the items and size hints need collecting again. */
  layoutDirty = true;
  dirtyArrangement = true;
  isReady = false;
  private disableRearrange = true;
  private inUpdatePolish = false;
  private polishInsideUpdatePolish = 0;

  constructor() {
    super();
    connectObserver(this.$source(this.$meta.props[ITEM.width]!.notify), new ResizeObserver(this));
    connectObserver(this.$source(this.$meta.props[ITEM.height]!.notify), new ResizeObserver(this));
  }

  abstract sizeHint(which: number): SizeF;
  protected abstract updateLayoutItems(): void;
  abstract layoutItemAt(index: number): Item;
  abstract layoutItemCount(): number;
  abstract setAlignment(item: Item, alignment: number): void;
  protected abstract itemDestroyed(item: Item): void;
  protected abstract itemVisibilityChanged(item: Item): void;

  /** Arranges the items in `width` x `height` (QQuickLayout::rearrange). */
  rearrange(_width: number, _height: number): void {
    this.dirtyArrangement = false;
  }

  protected override updatePolish(): void {
    this.inUpdatePolish = true;
    this.ensureLayoutItemsUpdated(APPLY_SIZE_HINTS | RECURSIVE);
    this.rearrange(this.$v[ITEM.width] as number, this.$v[ITEM.height] as number);
    this.inUpdatePolish = false;
  }

  protected override componentComplete(): void {
    this.disableRearrange = false;
    this.isReady = true;
  }

  /** The item or one of its items changed: collect them again before the next frame. */
  invalidate(_child?: Item): void {
    if (this.layoutDirty) return;
    this.layoutDirty = true;
    this.dirtyArrangement = true;
    if (!(this.parentItem instanceof QuickLayout)) {
      if (this.inUpdatePolish) this.polishInsideUpdatePolish++;
      else this.polishInsideUpdatePolish = 0;
      if (this.polishInsideUpdatePolish <= 2) this.polish();
      else this.warn('Qt Quick Layouts: Polish loop detected. Aborting after two iterations.');
    }
  }

  ensureLayoutItemsUpdated(options = 0): void {
    if (!this.layoutDirty) return;
    this.updateLayoutItems();
    this.layoutDirty = false;
    if (options & RECURSIVE) {
      for (let i = 0; i < this.layoutItemCount(); i++) {
        const item = this.layoutItemAt(i);
        if (item instanceof QuickLayout) item.ensureLayoutItemsUpdated(options);
      }
    }
    if (options & APPLY_SIZE_HINTS) this.applySizeHints();
  }

  private applySizeHints(): void {
    const info = attachedLayoutObject(this, true)!;
    const min = this.sizeHint(MINIMUM_SIZE);
    const max = this.sizeHint(MAXIMUM_SIZE);
    const pref = this.sizeHint(PREFERRED_SIZE);
    info.setImplicitExtents(MINIMUM_SIZE, min);
    info.setImplicitExtents(MAXIMUM_SIZE, max);
    this.setImplicitSize(pref.width, pref.height);
  }

  protected override itemChildAdded(child: Item): void {
    child.addListener(this);
    if (this.isReady) this.invalidate();
  }

  protected override itemChildRemoved(child: Item): void {
    child.removeListener(this);
    if (this.isReady && !this.$destroyed) this.invalidate();
  }

  protected override childOrderChanged(): void {
    this.invalidate();
  }

  itemChanged(item: Item, change: Change): void {
    // (a layout being destroyed does not follow its items any more: QQuickLayout::deactivateRecur)
    if (this.$destroyed) return;
    if (change & Change.Destroyed) this.itemDestroyed(item);
    else if (change & Change.Visible) this.itemVisibilityChanged(item);
    else if (change & (Change.ImplicitWidth | Change.ImplicitHeight)) {
      if (this.isReady) this.invalidate(item);
    }
  }

  /** Resized: arranged again at once, after the size's change signals (QQuickLayout::geometryChange). */
  resized(): void {
    const w = this.$v[ITEM.width] as number;
    const h = this.$v[ITEM.height] as number;
    // (QRectF::isValid: a positive width and height)
    if (this.$destroyed || this.disableRearrange || !this.isReady || !(w > 0 && h > 0)) return;
    this.rearrange(w, h);
  }

  /** Warns about a child anchored inside the layout (QQuickLayout::checkAnchors). */
  protected checkAnchors(item: Item): void {
    const a = item.$v[ITEM.anchors] as QObject | null;
    if (a !== null && ALL_ANCHORS.some((i) => !!a.$v[i]))
      item.warn(
        'Detected anchors on an item that is managed by a layout. This is undefined behavior; use Layout.alignment instead.',
      );
  }

  /** QQuickLayout::shouldIgnoreItem: hidden children and Repeaters take no place. */
  protected shouldIgnoreItem(child: Item): boolean {
    return !child.explicitVisible || child.transparentForPositioner;
  }
}

// ---- QQuickGridLayoutBase ------------------------------------------------------------------

export abstract class GridLayoutBase extends QuickLayout {
  protected readonly engine = new QuickGridLayoutEngine((m) => this.$engine?.sink.warn(m));
  protected readonly styleInfo = new QuickLayoutStyleInfo();
  private rearranging = false;
  private readonly invalidateAfterRearrange: Item[] = [];
  private recurRearrangeCounter = 0;

  constructor(protected orientation: number) {
    super();
  }

  sizeHint(which: number): SizeF {
    return this.engine.sizeHint(which, { width: -1, height: -1 }, this.styleInfo);
  }

  get effectiveLayoutDirection(): number {
    const d = this.$v[GL.layoutDirection] as number;
    return !this.effectiveLayoutMirror === (d === LEFT_TO_RIGHT) ? LEFT_TO_RIGHT : RIGHT_TO_LEFT;
  }

  setAlignment(item: Item, alignment: number): void {
    this.engine.setItemAlignment(item, alignment);
  }

  protected override componentComplete(): void {
    super.componentComplete();
    this.invalidate();
    this.ensureLayoutItemsUpdated(APPLY_SIZE_HINTS);
    if (this.parentItem instanceof QuickLayout) return;
    this.rearrange(this.$v[ITEM.width] as number, this.$v[ITEM.height] as number);
  }

  override invalidate(child?: Item): void {
    // (Qt 6.4: a layout invalidated already takes no note of another item's change)
    if (!this.isReady || this.layoutDirty) return;
    if (child !== undefined) {
      if (this.rearranging) {
        if (!this.invalidateAfterRearrange.includes(child)) this.invalidateAfterRearrange.push(child);
        return;
      }
      this.engine.findLayoutItem(child)?.invalidate();
    }
    this.engine.invalidate();
    super.invalidate();
    const p = this.parentItem;
    if (p instanceof QuickLayout) p.invalidate(this);
  }

  protected updateLayoutItems(): void {
    if (!this.isReady) return;
    this.engine.deleteItems();
    this.insertLayoutItems();
  }

  protected abstract insertLayoutItems(): void;

  layoutItemAt(index: number): Item {
    return (this.engine.itemAt(index) as QuickGridLayoutItem).item;
  }

  layoutItemCount(): number {
    return this.engine.itemCount();
  }

  protected itemDestroyed(item: Item): void {
    if (!this.isReady) return;
    const gi = this.engine.findLayoutItem(item);
    if (gi === null) return;
    const index = gi.firstRow(this.orientation);
    this.engine.removeItem(gi);
    this.engine.removeRows(index, 1, this.orientation);
    this.invalidate();
  }

  protected itemVisibilityChanged(item: Item): void {
    if (!this.isReady) return;
    this.invalidate(item);
  }

  override rearrange(width: number, height: number): void {
    if (!this.isReady) return;
    if (this.recurRearrangeCounter === 2) {
      this.$engine?.sink.warn(
        'Qt Quick Layouts: Detected recursive rearrange. Aborting after two iterations.',
      );
      return;
    }
    this.recurRearrangeCounter++;
    try {
      // (Qt 6.4 arranges the items collected last: a change since then waits for the polish)
      this.rearranging = true;
      this.engine.setVisualDirection(this.effectiveLayoutDirection);
      super.rearrange(width, height);
      this.engine.setGeometries({ x: 0, y: 0, width, height }, this.styleInfo);
      this.rearranging = false;
      const later = this.invalidateAfterRearrange.splice(0);
      for (const child of later) this.invalidate(child);
    } finally {
      this.rearranging = false;
      this.recurRearrangeCounter--;
    }
  }

  protected override mirrorChange(): void {
    this.invalidate();
  }

  /** A new item for the engine (QQuickGridLayoutItem). */
  protected newItem(
    child: Item,
    row: number,
    column: number,
    rowSpan: number,
    columnSpan: number,
    a: number,
  ) {
    return new QuickGridLayoutItem(child, row, column, rowSpan, columnSpan, a);
  }
}

export const GridLayoutBaseMeta: MetaObject = defineType(GridLayoutBase, ItemMeta, {
  name: 'Layout',
  cppClass: 'QQuickGridLayoutBase',
  creatable: false,
  attachedType: () => LayoutAttachedMeta,
  properties: {
    layoutDirection: {
      type: 'enumeration',
      default: LEFT_TO_RIGHT,
      changed: (o) => (o as GridLayoutBase).invalidate(),
    },
  },
});
const GL = { layoutDirection: GridLayoutBaseMeta.index('layoutDirection') };

// ---- RowLayout, ColumnLayout ---------------------------------------------------------------

export class LinearLayout extends GridLayoutBase {
  get spacingValue(): number {
    return this.engine.spacing(this.orientation, this.styleInfo);
  }

  setSpacing(v: number): void {
    if (Number.isNaN(v) || this.spacingValue === v) return;
    this.engine.setSpacing(v, HORIZONTAL | VERTICAL);
    this.invalidate();
    this.$emit(LL.spacingChanged, undefined);
  }

  protected insertLayoutItems(): void {
    for (const child of this.childItems) {
      this.checkAnchors(child);
      if (this.shouldIgnoreItem(child)) continue;
      const info = attachedLayoutObject(child, false);
      const alignment = info !== null ? (info.$v[LA.alignment] as number) : 0;
      const index = this.engine.rowCount(this.orientation);
      this.engine.insertRow(index, this.orientation);
      const vertical = this.orientation === VERTICAL;
      this.engine.insertItem(
        this.newItem(child, vertical ? index : 0, vertical ? 0 : index, 1, 1, alignment),
        index,
      );
    }
  }
}

export const LinearLayoutMeta: MetaObject = defineType(LinearLayout, GridLayoutBaseMeta, {
  name: 'LinearLayout',
  cppClass: 'QQuickLinearLayout',
  creatable: false,
  properties: {
    spacing: { type: 'real', write: (o, v) => (o as LinearLayout).setSpacing(v as number) },
  },
});
const LL = { spacingChanged: LinearLayoutMeta.signalsByName.get('spacingChanged')!.index };
Object.defineProperty(LinearLayout.prototype, 'spacing', {
  get(this: LinearLayout) {
    this.$read(LinearLayoutMeta.index('spacing'));
    return this.spacingValue;
  },
  set(this: LinearLayout, v: unknown) {
    this.$assign(LinearLayoutMeta.index('spacing'), v);
  },
  configurable: true,
});

export class RowLayout extends LinearLayout {
  constructor() {
    super(HORIZONTAL);
  }
}
export const RowLayoutMeta: MetaObject = defineType(RowLayout, LinearLayoutMeta, {
  name: 'RowLayout',
  cppClass: 'QQuickRowLayout',
});

export class ColumnLayout extends LinearLayout {
  constructor() {
    super(VERTICAL);
  }
}
export const ColumnLayoutMeta: MetaObject = defineType(ColumnLayout, LinearLayoutMeta, {
  name: 'ColumnLayout',
  cppClass: 'QQuickColumnLayout',
});

// ---- GridLayout ----------------------------------------------------------------------------

const FLOW_LEFT_TO_RIGHT = 0;

export class GridLayout extends GridLayoutBase {
  constructor() {
    super(HORIZONTAL);
  }

  spacingOf(orientation: number): number {
    return this.engine.spacing(orientation, this.styleInfo);
  }

  setGridSpacing(orientation: number, v: number): void {
    if (Number.isNaN(v) || this.spacingOf(orientation) === v) return;
    this.engine.setSpacing(v, orientation);
    this.invalidate();
    this.$emit(orientation === HORIZONTAL ? GR.columnSpacingChanged : GR.rowSpacingChanged, undefined);
  }

  protected insertLayoutItems(): void {
    const columns = this.$v[GR.columns] as number;
    const rows = this.$v[GR.rows] as number;
    const flow = this.$v[GR.flow] as number;
    // [column, row]; the flow advances along cell[flow] and wraps cell[1 - flow]
    const next = [0, 0];
    const flowIndex = flow === FLOW_LEFT_TO_RIGHT ? 0 : 1;
    let flowBound = flow === FLOW_LEFT_TO_RIGHT ? columns : rows;
    if (flowBound < 0) flowBound = 2147483647;
    for (const child of this.childItems) {
      this.checkAnchors(child);
      if (this.shouldIgnoreItem(child)) continue;
      const info = attachedLayoutObject(child, false);
      let alignment = 0;
      let row = -1;
      let column = -1;
      const span = [1, 1];
      if (info !== null) {
        if (info.rowValue >= 0 || info.columnValue >= 0) {
          // (Qt compares the row it has not read yet: it never warns about rows)
          row = Math.max(info.rowValue, 0);
          const c = Math.max(info.columnValue, 0);
          if (columns >= 0 && c >= columns)
            qmlWarning(child, `Layout: column (${c}) should be less than the number of columns (${columns})`);
          else column = c;
        }
        span[1] = info.$v[LA.rowSpan] as number;
        span[0] = info.$v[LA.columnSpan] as number;
        if (span[0]! < 1) {
          qmlWarning(child, `Layout: invalid column span: ${span[0]}`);
          return;
        }
        if (span[1]! < 1) {
          qmlWarning(child, `Layout: invalid row span: ${span[1]}`);
          return;
        }
        alignment = info.$v[LA.alignment] as number;
      }
      const sp = span[flowIndex]!;
      if (sp > flowBound) return;
      if (row >= 0) next[1] = row;
      if (column >= 0) next[0] = column;
      if (row < 0 || column < 0) {
        for (;;) {
          let accepts = next[flowIndex]! + sp <= flowBound;
          for (let rs = 0; accepts && rs < span[1]!; rs++)
            for (let cs = 0; accepts && cs < span[0]!; cs++)
              if (this.engine.itemAtCell(next[1]! + rs, next[0]! + cs) !== null) accepts = false;
          if (accepts) break;
          next[flowIndex]!++;
          if (next[flowIndex] === flowBound) {
            next[flowIndex] = 0;
            next[1 - flowIndex]!++;
          }
        }
      }
      this.engine.insertItem(this.newItem(child, next[1]!, next[0]!, span[1]!, span[0]!, alignment), -1);
    }
  }
}

export const GridLayoutMeta: MetaObject = defineType(GridLayout, GridLayoutBaseMeta, {
  name: 'GridLayout',
  cppClass: 'QQuickGridLayout',
  enums: { LeftToRight: 0, TopToBottom: 1 },
  properties: {
    columnSpacing: {
      type: 'real',
      write: (o, v) => (o as GridLayout).setGridSpacing(HORIZONTAL, v as number),
    },
    rowSpacing: { type: 'real', write: (o, v) => (o as GridLayout).setGridSpacing(VERTICAL, v as number) },
    columns: { type: 'int', default: -1, changed: (o) => (o as GridLayout).invalidate() },
    rows: { type: 'int', default: -1, changed: (o) => (o as GridLayout).invalidate() },
    flow: { type: 'enumeration', default: 0, changed: (o) => (o as GridLayout).invalidate() },
  },
});
const GR = {
  columns: GridLayoutMeta.index('columns'),
  rows: GridLayoutMeta.index('rows'),
  flow: GridLayoutMeta.index('flow'),
  columnSpacingChanged: GridLayoutMeta.signalsByName.get('columnSpacingChanged')!.index,
  rowSpacingChanged: GridLayoutMeta.signalsByName.get('rowSpacingChanged')!.index,
};
for (const [name, orientation] of [
  ['columnSpacing', HORIZONTAL],
  ['rowSpacing', VERTICAL],
] as const)
  Object.defineProperty(GridLayout.prototype, name, {
    get(this: GridLayout) {
      this.$read(GridLayoutMeta.index(name));
      return this.spacingOf(orientation);
    },
    set(this: GridLayout, v: unknown) {
      this.$assign(GridLayoutMeta.index(name), v);
    },
    configurable: true,
  });

// ---- StackLayout ---------------------------------------------------------------------------

/** `StackLayout.index`, `StackLayout.isCurrentItem`, `StackLayout.layout` (QQuickStackLayoutAttached). */
export class StackLayoutAttached extends QObject {
  override $attachTo(owner: QObject): void {
    if (!(owner instanceof Item)) {
      qmlWarning(owner, 'StackLayout must be attached to an Item');
      return;
    }
    const stack = owner.parentItem;
    // (a child not in a StackLayout yet gets its index when it is added)
    if (!(stack instanceof StackLayout) || !stack.isComponentComplete) return;
    const index = stack.indexOf(owner);
    this.$store(SA.layout, stack);
    this.$store(SA.index, index);
    this.$store(SA.isCurrentItem, stack.$v[SL.currentIndex] === index);
  }
}

export const StackLayoutAttachedMeta: MetaObject = defineType(StackLayoutAttached, QtObjectMeta, {
  name: 'StackLayout',
  cppClass: 'QQuickStackLayoutAttached',
  creatable: false,
  properties: {
    index: { type: 'int', default: -1, readonly: true },
    isCurrentItem: { type: 'bool', readonly: true },
    layout: { type: 'StackLayout', readonly: true },
  },
});
const SA = {
  index: StackLayoutAttachedMeta.index('index'),
  isCurrentItem: StackLayoutAttachedMeta.index('isCurrentItem'),
  layout: StackLayoutAttachedMeta.index('layout'),
};

function stackAttached(item: Item): StackLayoutAttached | null {
  return (item.$findAttached(StackLayoutAttachedMeta) as StackLayoutAttached | undefined) ?? null;
}

/** Shows one child at a time, sized to the layout (QQuickStackLayout). */
export class StackLayout extends QuickLayout {
  private explicitCurrentIndex = false;
  private readonly itemHints = new Map<Item, SizeF[]>();
  private hints: SizeF[] | null = null;

  sizeHint(which: number): SizeF {
    if (this.hints === null) {
      const min = { width: 0, height: 0 };
      const pref = { width: 0, height: 0 };
      const n = this.layoutItemCount();
      for (let i = 0; i < n; i++) {
        const h = this.cachedItemSizeHints(i);
        min.width = Math.max(min.width, h[MINIMUM_SIZE]!.width);
        min.height = Math.max(min.height, h[MINIMUM_SIZE]!.height);
        pref.width = Math.max(pref.width, h[PREFERRED_SIZE]!.width);
        pref.height = Math.max(pref.height, h[PREFERRED_SIZE]!.height);
      }
      // (it can be made larger than any of its items, as QStackLayout can)
      const max = { width: Number.POSITIVE_INFINITY, height: Number.POSITIVE_INFINITY };
      this.hints = [min, pref, max, { width: -1, height: -1 }];
    }
    this.layoutDirty = false;
    return this.hints[which]!;
  }

  private cachedItemSizeHints(index: number): SizeF[] {
    const item = this.layoutItemAt(index);
    let h = this.itemHints.get(item);
    if (h === undefined) {
      h = effectiveSizeHints(item, true);
      const info = attachedLayoutObject(item, false);
      if (info !== null) {
        if (info.isFillWidthSet && !(info.$v[LA.fillWidth] as boolean)) {
          h[MINIMUM_SIZE]!.width = h[PREFERRED_SIZE]!.width;
          h[MAXIMUM_SIZE]!.width = h[PREFERRED_SIZE]!.width;
        }
        if (info.isFillHeightSet && !(info.$v[LA.fillHeight] as boolean)) {
          h[MINIMUM_SIZE]!.height = h[PREFERRED_SIZE]!.height;
          h[MAXIMUM_SIZE]!.height = h[PREFERRED_SIZE]!.height;
        }
      }
      this.itemHints.set(item, h);
    }
    return h;
  }

  protected updateLayoutItems(): void {}

  /** The children it shows one at a time (a Repeater among them is not one: shouldIgnoreItem). */
  private stackItems(): Item[] {
    return this.childItems.filter((c) => !c.transparentForPositioner);
  }

  layoutItemAt(index: number): Item {
    return this.stackItems()[index]!;
  }

  layoutItemCount(): number {
    return this.stackItems().length;
  }

  indexOf(item: Item): number {
    return this.stackItems().indexOf(item);
  }

  /** The child at `index` (QML's itemAt), or null. */
  itemAt(index: unknown): Item | null {
    return this.stackItems()[Number(index)] ?? null;
  }

  setAlignment(_item: Item, _alignment: number): void {}

  protected itemDestroyed(_item: Item): void {}

  protected itemVisibilityChanged(_item: Item): void {}

  setCurrentIndex(index: number): void {
    const cur = this.$v[SL.currentIndex] as number;
    if (index === cur) return;
    const items = this.stackItems();
    const prev = items[cur] ?? null;
    const next = items[index] ?? null;
    this.$v[SL.currentIndex] = index;
    this.explicitCurrentIndex = true;
    prev?.$write(ITEM.visible, false);
    next?.$write(ITEM.visible, true);
    if (this.isComponentComplete) {
      this.rearrange(this.$v[ITEM.width] as number, this.$v[ITEM.height] as number);
      this.$emit(SL.currentIndexChanged, undefined);
    }
    if (prev !== null) stackAttached(prev)?.$store(SA.isCurrentItem, false);
    if (next !== null) stackAttached(next)?.$store(SA.isCurrentItem, true);
  }

  protected override componentComplete(): void {
    super.componentComplete();
    this.childItemsChanged();
    this.invalidate();
    this.ensureLayoutItemsUpdated(APPLY_SIZE_HINTS);
    if (this.parentItem instanceof QuickLayout) return;
    this.rearrange(this.$v[ITEM.width] as number, this.$v[ITEM.height] as number);
  }

  protected override itemChildAdded(child: Item): void {
    super.itemChildAdded(child);
    // (while the scene is made too: the count is right before anything reads it)
    this.childItemsChanged();
    if (this.isReady) this.invalidate();
  }

  protected override itemChildRemoved(child: Item): void {
    super.itemChildRemoved(child);
    if (!this.isReady || this.$destroyed) return;
    const a = stackAttached(child);
    if (a !== null) {
      a.$store(SA.layout, null);
      a.$store(SA.index, -1);
      a.$store(SA.isCurrentItem, false);
    }
    this.itemHints.delete(child);
    this.childItemsChanged();
    this.invalidate();
  }

  protected override childOrderChanged(): void {
    // (Qt 6.4 keeps the indexes: only the size hints are collected again)
    if (!this.isReady) return;
    this.invalidate();
  }

  override invalidate(child?: Item): void {
    if (child !== undefined) this.itemHints.delete(child);
    this.hints = null;
    super.invalidate(this);
    const p = this.parentItem;
    if (p instanceof QuickLayout) p.invalidate(this);
  }

  /** The children changed: the current one is shown, the others hidden (QQuickStackLayout::childItemsChanged). */
  childItemsChanged(): void {
    const items = this.stackItems();
    const count = items.length;
    const old = this.$v[SL.currentIndex] as number;
    if (!this.explicitCurrentIndex) this.$v[SL.currentIndex] = count > 0 ? 0 : -1;
    const current = this.$v[SL.currentIndex] as number;
    if (current !== old) this.$emit(SL.currentIndexChanged, undefined);
    this.$store(SL.count, count);
    for (let i = 0; i < count; i++) {
      const child = items[i]!;
      this.checkAnchors(child);
      child.$write(ITEM.visible, current === i);
      const a = stackAttached(child);
      if (a !== null) {
        a.$store(SA.layout, this);
        a.$store(SA.index, i);
        a.$store(SA.isCurrentItem, current === i);
      }
    }
  }

  override rearrange(width: number, height: number): void {
    // (QSizeF::isNull and isValid)
    if ((width === 0 && height === 0) || !(width > 0 && height > 0)) return;
    const current = this.$v[SL.currentIndex] as number;
    if (current === -1 || current >= this.itemHints.size) return;
    const hints = this.cachedItemSizeHints(current);
    const item = this.layoutItemAt(current);
    setPosition(item, 0, 0);
    const w = Math.min(Math.max(width, hints[MINIMUM_SIZE]!.width), hints[MAXIMUM_SIZE]!.width);
    const h = Math.min(Math.max(height, hints[MINIMUM_SIZE]!.height), hints[MAXIMUM_SIZE]!.height);
    const same = (item.$v[ITEM.width] as number) === w && (item.$v[ITEM.height] as number) === h;
    setSize(item, w, h);
    if (same) item.polish();
    super.rearrange(width, height);
  }
}

export const StackLayoutMeta: MetaObject = defineType(StackLayout, ItemMeta, {
  name: 'StackLayout',
  cppClass: 'QQuickStackLayout',
  attachedType: () => StackLayoutAttachedMeta,
  properties: {
    count: { type: 'int', readonly: true },
    currentIndex: {
      type: 'int',
      default: -1,
      write: (o, v) => (o as StackLayout).setCurrentIndex(v as number),
    },
  },
  methods: ['itemAt'],
});
const SL = {
  count: StackLayoutMeta.index('count'),
  currentIndex: StackLayoutMeta.index('currentIndex'),
  currentIndexChanged: StackLayoutMeta.signalsByName.get('currentIndexChanged')!.index,
};

export const LAYOUT_TYPES: Record<string, MetaObject> = {
  Layout: GridLayoutBaseMeta,
  RowLayout: RowLayoutMeta,
  ColumnLayout: ColumnLayoutMeta,
  GridLayout: GridLayoutMeta,
  StackLayout: StackLayoutMeta,
};
