// The grid layout engine behind Qt Quick Layouts (RowLayout, ColumnLayout,
// GridLayout): Qt 6.4's QGridLayoutEngine (qtbase src/gui/util:
// qgridlayoutengine_p.h/.cpp, qabstractlayoutstyleinfo_p.h, qlayoutpolicy_p.h)
// in TypeScript, with the arithmetic done in doubles (qreal) in Qt's order.
//
// Dynamic constraints (heightForWidth / widthForHeight) are left out: Qt
// Quick items never report one (QQuickGridLayoutItem does not override
// hasDynamicConstraint), so the engine always takes the unconstrained paths.

// ---- Qt constants -------------------------------------------------------------------------

/** FLT_MAX as a double (QGridLayoutBox's "no maximum"). */
export const FLT_MAX = 3.4028234663852886e38;

/** Qt::SizeHint */
export const SizeHint = {
  MinimumSize: 0,
  PreferredSize: 1,
  MaximumSize: 2,
  MinimumDescent: 3,
  NSizeHints: 4,
} as const;

/** Qt::Orientation (also usable as Qt::Orientations flags). */
export const Orientation = {
  Horizontal: 1,
  Vertical: 2,
} as const;

/** Qt::AlignmentFlag */
export const Alignment = {
  AlignLeft: 0x0001,
  AlignRight: 0x0002,
  AlignHCenter: 0x0004,
  AlignJustify: 0x0008,
  AlignAbsolute: 0x0010,
  AlignTop: 0x0020,
  AlignBottom: 0x0040,
  AlignVCenter: 0x0080,
  AlignBaseline: 0x0100,
  AlignCenter: 0x0084,
  AlignHorizontal_Mask: 0x001f,
  AlignVertical_Mask: 0x01e0,
} as const;

/** Qt::LayoutDirection */
export const LayoutDirection = {
  LeftToRight: 0,
  RightToLeft: 1,
} as const;

/** QLayoutPolicy: policy flags, policies and control types. */
export const LayoutPolicy = {
  GrowFlag: 1,
  ExpandFlag: 2,
  ShrinkFlag: 4,
  IgnoreFlag: 8,

  Fixed: 0,
  Minimum: 1, // GrowFlag
  Maximum: 4, // ShrinkFlag
  Preferred: 5, // GrowFlag | ShrinkFlag
  MinimumExpanding: 3, // GrowFlag | ExpandFlag
  Expanding: 7, // GrowFlag | ShrinkFlag | ExpandFlag
  Ignored: 13, // GrowFlag | ShrinkFlag | IgnoreFlag

  DefaultType: 0x00000001,
  ButtonBox: 0x00000002,
  CheckBox: 0x00000004,
  ComboBox: 0x00000008,
  Frame: 0x00000010,
  GroupBox: 0x00000020,
  Label: 0x00000040,
  Line: 0x00000080,
  LineEdit: 0x00000100,
  PushButton: 0x00000200,
  RadioButton: 0x00000400,
  Slider: 0x00000800,
  SpinBox: 0x00001000,
  TabWidget: 0x00002000,
  ToolButton: 0x00004000,
} as const;

/** LayoutSide (qgridlayoutengine_p.h; do not reorder). */
export const LayoutSide = {
  Left: 0,
  Top: 1,
  Right: 2,
  Bottom: 3,
} as const;

export interface SizeF {
  width: number;
  height: number;
}

export interface RectF {
  x: number;
  y: number;
  width: number;
  height: number;
}

// ---- internal helpers ---------------------------------------------------------------------

const Horizontal = Orientation.Horizontal;
const Vertical = Orientation.Vertical;

const MinimumSize = SizeHint.MinimumSize;
const PreferredSize = SizeHint.PreferredSize;
const MaximumSize = SizeHint.MaximumSize;
const NSizes = 3;

// QGridLayoutEngine's cache markers for q_totalBoxCachedConstraints.
const NotCached = -2;
const CachedWithNoConstraint = -1;

/** QHVContainer index: Qt::Horizontal -> 0, Qt::Vertical -> 1. */
function hv(orientation: number): number {
  return orientation - 1;
}

/** QHVContainer::other(): the index of the other orientation. */
function hvOther(orientation: number): number {
  return 2 - orientation;
}

// Qt's qMax/qMin/qBound (comparison semantics differ from Math.max/min for NaN).
function qMax(a: number, b: number): number {
  // biome-ignore lint/complexity/useMathMinMax: Qt's qMax differs from Math.max for NaN and -0
  return a < b ? b : a;
}

function qMin(a: number, b: number): number {
  // biome-ignore lint/complexity/useMathMinMax: Qt's qMin differs from Math.min for NaN and -0
  return a < b ? a : b;
}

function qBound(min: number, val: number, max: number): number {
  return qMax(min, qMin(max, val));
}

/** Qt: qround() in qgridlayoutengine.cpp, floor(f + 0.5) (does not return int). */
function qround(f: number): number {
  return Math.floor(f + 0.5);
}

function qFuzzyIsNull(d: number): boolean {
  return Math.abs(d) <= 0.000000000001;
}

function qFuzzyCompare(p1: number, p2: number): boolean {
  return Math.abs(p1 - p2) * 1000000000000 <= qMin(Math.abs(p1), Math.abs(p2));
}

/** QSizeF::operator== (Qt 6). */
function sizeFuzzyEquals(s1: SizeF, s2: SizeF): boolean {
  const w =
    s1.width === 0 || s2.width === 0 ? qFuzzyIsNull(s1.width - s2.width) : qFuzzyCompare(s1.width, s2.width);
  const h =
    s1.height === 0 || s2.height === 0
      ? qFuzzyIsNull(s1.height - s2.height)
      : qFuzzyCompare(s1.height, s2.height);
  return w && h;
}

/** QList::value(i): the element, or a default-constructed one when out of range. */
function listValue<T>(list: readonly T[], i: number, make: () => T): T {
  return i >= 0 && i < list.length ? list[i] : make();
}

/** QList::resize(n): keeps existing elements, appends default-constructed ones. */
function listResize<T>(list: T[], n: number, make: () => T): void {
  if (list.length > n) {
    list.length = n;
    return;
  }
  while (list.length < n) list.push(make());
}

/** Qt: insertOrRemoveItems() in qgridlayoutengine.cpp. */
function insertOrRemoveItems<T>(items: T[], index: number, delta: number, make: () => T): void {
  const count = items.length;
  if (index < count) {
    if (delta > 0) {
      const inserted: T[] = [];
      for (let i = 0; i < delta; ++i) inserted.push(make());
      items.splice(index, 0, ...inserted);
    } else if (delta < 0) {
      items.splice(index, qMin(-delta, count - index));
    }
  }
}

function growthFactorBelowPreferredSize(desired: number, sumAvailable: number, sumDesired: number): number {
  return desired * (sumAvailable / sumDesired) ** (desired / sumDesired);
}

function fixedDescent(descent: number, ascent: number, targetSize: number): number {
  if (descent < 0.0) return -1.0;
  const extra = targetSize - (ascent + descent);
  return descent + extra / 2.0;
}

function compare(box1: GridLayoutBox, box2: GridLayoutBox, which: number): number {
  const size1 = box1.size(which);
  const size2 = box2.size(which);
  if (which === MaximumSize) {
    return size2 - size1;
  }
  return size1 - size2;
}

// ---- QLayoutParameter ---------------------------------------------------------------------

const ParamDefault = 0;
const ParamUser = 1;
const ParamCached = 2;

/** QLayoutParameter<T>: a value that is a default, set by the user, or cached. */
export class LayoutParameter {
  private val: number;
  private state: number;

  constructor(value = 0, state = ParamDefault) {
    this.val = value;
    this.state = state;
  }

  setUserValue(value: number): void {
    this.val = value;
    this.state = ParamUser;
  }

  setCachedValue(value: number): void {
    if (this.state !== ParamUser) {
      this.val = value;
      this.state = ParamCached;
    }
  }

  value(): number {
    return this.val;
  }

  isDefault(): boolean {
    return this.state === ParamDefault;
  }

  isUser(): boolean {
    return this.state === ParamUser;
  }
}

/** QStretchParameter: a QLayoutParameter<int> whose default value is -1. */
function stretchParameter(): LayoutParameter {
  return new LayoutParameter(-1);
}

function spacingParameter(): LayoutParameter {
  return new LayoutParameter();
}

// ---- QGridLayoutBox -----------------------------------------------------------------------

/** QGridLayoutBox: minimum/preferred/maximum size (and descent/ascent) of a row or column. */
export class GridLayoutBox {
  minimumSize = 0;
  preferredSize = 0;
  maximumSize = FLT_MAX;
  minimumDescent = -1;
  minimumAscent = -1;

  clone(): GridLayoutBox {
    const b = new GridLayoutBox();
    b.assign(this);
    return b;
  }

  assign(other: GridLayoutBox): void {
    this.minimumSize = other.minimumSize;
    this.preferredSize = other.preferredSize;
    this.maximumSize = other.maximumSize;
    this.minimumDescent = other.minimumDescent;
    this.minimumAscent = other.minimumAscent;
  }

  /** Qt: q_sizes(which); 3 is the minimum descent, 4 the minimum ascent. */
  size(which: number): number {
    switch (which) {
      case 0:
        return this.minimumSize;
      case 1:
        return this.preferredSize;
      case 2:
        return this.maximumSize;
      case 3:
        return this.minimumDescent;
      case 4:
        return this.minimumAscent;
      default:
        throw new RangeError(`GridLayoutBox: bad size index ${which}`);
    }
  }

  setSize(which: number, value: number): void {
    switch (which) {
      case 0:
        this.minimumSize = value;
        break;
      case 1:
        this.preferredSize = value;
        break;
      case 2:
        this.maximumSize = value;
        break;
      case 3:
        this.minimumDescent = value;
        break;
      case 4:
        this.minimumAscent = value;
        break;
      default:
        throw new RangeError(`GridLayoutBox: bad size index ${which}`);
    }
  }

  add(other: GridLayoutBox, stretch: number, spacing: number): void {
    this.minimumSize += other.minimumSize + spacing;
    this.preferredSize += other.preferredSize + spacing;
    this.maximumSize += (stretch === 0 ? other.preferredSize : other.maximumSize) + spacing;
  }

  combine(other: GridLayoutBox): void {
    this.minimumDescent = qMax(this.minimumDescent, other.minimumDescent);
    this.minimumAscent = qMax(this.minimumAscent, other.minimumAscent);

    this.minimumSize = qMax(
      this.minimumAscent + this.minimumDescent,
      qMax(this.minimumSize, other.minimumSize),
    );
    let maxMax: number;
    if (this.maximumSize === FLT_MAX && other.maximumSize !== FLT_MAX) maxMax = other.maximumSize;
    else if (other.maximumSize === FLT_MAX && this.maximumSize !== FLT_MAX) maxMax = this.maximumSize;
    else maxMax = qMax(this.maximumSize, other.maximumSize);

    this.maximumSize = qMax(this.minimumSize, maxMax);
    this.preferredSize = qBound(
      this.minimumSize,
      qMax(this.preferredSize, other.preferredSize),
      this.maximumSize,
    );
  }

  normalize(): void {
    this.maximumSize = qMax(0.0, this.maximumSize);
    this.minimumSize = qBound(0.0, this.minimumSize, this.maximumSize);
    this.preferredSize = qBound(this.minimumSize, this.preferredSize, this.maximumSize);
    this.minimumDescent = qMin(this.minimumDescent, this.minimumSize);
  }

  /** operator== */
  equals(other: GridLayoutBox): boolean {
    for (let i = 0; i < NSizes; ++i) {
      if (this.size(i) !== other.size(i)) return false;
    }
    return this.minimumDescent === other.minimumDescent && this.minimumAscent === other.minimumAscent;
  }
}

// ---- QGridLayoutMultiCellData / MultiCellMap ----------------------------------------------

export class GridLayoutMultiCellData {
  box = new GridLayoutBox();
  stretch = -1;
}

export interface MultiCellEntry {
  readonly start: number;
  readonly span: number;
  readonly data: GridLayoutMultiCellData;
}

/** QMap<std::pair<int, int>, QGridLayoutMultiCellData>, kept in (start, span) order. */
export class MultiCellMap {
  private readonly list: MultiCellEntry[] = [];

  /** operator[]: the entry for (start, span), inserted default-constructed if missing. */
  get(start: number, span: number): GridLayoutMultiCellData {
    let i = 0;
    for (; i < this.list.length; ++i) {
      const e = this.list[i];
      if (e.start === start && e.span === span) return e.data;
      if (e.start > start || (e.start === start && e.span > span)) break;
    }
    const data = new GridLayoutMultiCellData();
    this.list.splice(i, 0, { start, span, data });
    return data;
  }

  /** Entries in key order. */
  entries(): readonly MultiCellEntry[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }

  clear(): void {
    this.list.length = 0;
  }
}

// ---- QGridLayoutRowInfo -------------------------------------------------------------------

/** QGridLayoutRowInfo: user settings per row (or column). */
export class GridLayoutRowInfo {
  count = 0;
  stretches: LayoutParameter[] = [];
  spacings: LayoutParameter[] = [];
  alignments: number[] = [];
  boxes: GridLayoutBox[] = [];

  insertOrRemoveRows(row: number, delta: number): void {
    this.count += delta;

    insertOrRemoveItems(this.stretches, row, delta, stretchParameter);
    insertOrRemoveItems(this.spacings, row, delta, spacingParameter);
    insertOrRemoveItems(this.alignments, row, delta, () => 0);
    insertOrRemoveItems(this.boxes, row, delta, () => new GridLayoutBox());
  }

  stretchValue(row: number): LayoutParameter {
    return listValue(this.stretches, row, stretchParameter);
  }

  spacingValue(row: number): LayoutParameter {
    return listValue(this.spacings, row, spacingParameter);
  }

  alignmentValue(row: number): number {
    return listValue(this.alignments, row, () => 0);
  }

  boxValue(row: number): GridLayoutBox {
    return listValue(this.boxes, row, () => new GridLayoutBox());
  }
}

// ---- QGridLayoutRowData -------------------------------------------------------------------

/** QGridLayoutRowData: the computed boxes, stretches and spacings of all rows (or columns). */
export class GridLayoutRowData {
  ignore: boolean[] = [];
  boxes: GridLayoutBox[] = [];
  multiCellMap = new MultiCellMap();
  stretches: number[] = [];
  spacings: number[] = [];
  hasIgnoreFlag = false;

  reset(count: number): void {
    this.ignore = new Array<boolean>(count).fill(false);
    this.boxes = [];
    for (let i = 0; i < count; ++i) this.boxes.push(new GridLayoutBox());
    this.multiCellMap.clear();
    this.stretches = new Array<number>(count).fill(0);
    this.spacings = new Array<number>(count).fill(0.0);
    this.hasIgnoreFlag = false;
  }

  distributeMultiCells(rowInfo: GridLayoutRowInfo, snapToPixelGrid: boolean): void {
    for (const entry of this.multiCellMap.entries()) {
      const start = entry.start;
      const span = entry.span;
      const end = start + span;
      const box = entry.data.box;
      const stretch = entry.data.stretch;

      const totalBox = this.totalBox(start, end);
      const extras: GridLayoutBox[] = [];
      for (let k = 0; k < span; ++k) extras.push(new GridLayoutBox());
      const dummy = new Array<number>(span).fill(0);
      const newSizes = new Array<number>(span).fill(0);

      for (let j = 0; j < NSizes; ++j) {
        const extra = compare(box, totalBox, j);
        if (extra > 0.0) {
          this.calculateGeometries(
            start,
            end,
            box.size(j),
            dummy,
            newSizes,
            null,
            totalBox,
            rowInfo,
            snapToPixelGrid,
          );

          for (let k = 0; k < span; ++k) extras[k].setSize(j, newSizes[k]);
        }
      }

      for (let k = 0; k < span; ++k) {
        this.boxes[start + k].combine(extras[k]);
        if (stretch !== 0) this.stretches[start + k] = qMax(this.stretches[start + k], stretch);
      }
    }
    this.multiCellMap.clear();
  }

  /**
   * Distributes targetSize over rows [start, end). positions/sizes (and descents, if given)
   * are written at indexes 0 .. end - start - 1, positions relative to the first row.
   */
  calculateGeometries(
    start: number,
    end: number,
    targetSize: number,
    positions: number[],
    sizes: number[],
    descents: number[] | null,
    totalBox: GridLayoutBox,
    rowInfo: GridLayoutRowInfo,
    snapToPixelGrid: boolean,
  ): void {
    targetSize = qMax(totalBox.minimumSize, targetSize);

    const n = end - start;
    const newSizes = new Array<number>(n).fill(0);
    const factors = new Array<number>(n).fill(0);
    let sumFactors = 0.0;
    let sumStretches = 0;
    let sumAvailable: number;

    for (let i = 0; i < n; ++i) {
      const stretch = this.stretches[start + i];
      if (stretch > 0) sumStretches += stretch;
    }

    if (targetSize < totalBox.preferredSize) {
      this.stealBox(start, end, MinimumSize, positions, sizes);

      sumAvailable = targetSize - totalBox.minimumSize;
      if (sumAvailable > 0.0) {
        const sumDesired = totalBox.preferredSize - totalBox.minimumSize;

        for (let i = 0; i < n; ++i) {
          if (this.ignore[start + i]) {
            factors[i] = 0.0;
            continue;
          }

          const box = this.boxes[start + i];
          const desired = box.preferredSize - box.minimumSize;
          factors[i] = growthFactorBelowPreferredSize(desired, sumAvailable, sumDesired);
          sumFactors += factors[i];
        }

        for (let i = 0; i < n; ++i) {
          const delta = (sumAvailable * factors[i]) / sumFactors;
          newSizes[i] = sizes[i] + delta;
        }
      }
    } else {
      const isLargerThanMaximum = targetSize > totalBox.maximumSize;
      if (isLargerThanMaximum) {
        this.stealBox(start, end, MaximumSize, positions, sizes);
        sumAvailable = targetSize - totalBox.maximumSize;
      } else {
        this.stealBox(start, end, PreferredSize, positions, sizes);
        sumAvailable = targetSize - totalBox.preferredSize;
      }

      if (sumAvailable > 0.0) {
        let sumCurrentAvailable = sumAvailable;
        let somethingHasAMaximumSize = false;

        let sumSizes = 0.0;
        for (let i = 0; i < n; ++i) sumSizes += sizes[i];

        for (let i = 0; i < n; ++i) {
          if (this.ignore[start + i]) {
            newSizes[i] = 0.0;
            factors[i] = 0.0;
            continue;
          }

          const box = this.boxes[start + i];
          let boxSize: number;

          let desired: number;
          if (isLargerThanMaximum) {
            boxSize = box.maximumSize;
            desired = rowInfo.boxValue(start + i).maximumSize - boxSize;
          } else {
            boxSize = box.preferredSize;
            desired = box.maximumSize - boxSize;
          }
          if (desired === 0.0) {
            newSizes[i] = sizes[i];
            factors[i] = 0.0;
          } else {
            const stretch = this.stretches[start + i];
            if (sumStretches === 0) {
              if (this.hasIgnoreFlag || sizes[i] === 0.0) {
                factors[i] = stretch < 0 ? 1.0 : 0.0;
              } else {
                factors[i] = stretch < 0 ? sizes[i] : 0.0;
              }
            } else if (stretch === sumStretches) {
              factors[i] = 1.0;
            } else if (stretch <= 0) {
              factors[i] = 0.0;
            } else {
              let ultimateSize: number;
              let ultimateSumSizes: number;
              const x = (stretch * sumSizes - sumStretches * boxSize) / (sumStretches - stretch);
              if (x >= 0.0) {
                ultimateSize = boxSize + x;
                ultimateSumSizes = sumSizes + x;
              } else {
                ultimateSize = boxSize;
                ultimateSumSizes = (sumStretches * boxSize) / stretch;
              }

              // Qt: scaled by 1.5 for a smooth transition (stretch factors not fully respected meanwhile).
              ultimateSize = (ultimateSize * 3) / 2;
              ultimateSumSizes = (ultimateSumSizes * 3) / 2;

              const beta = ultimateSumSizes - sumSizes;
              if (beta === 0) {
                factors[i] = 1;
              } else {
                const alpha = qMin(sumCurrentAvailable, beta);
                const ultimateFactor = (stretch * ultimateSumSizes) / sumStretches - boxSize;
                const transitionalFactor = (sumCurrentAvailable * (ultimateSize - boxSize)) / beta;

                factors[i] = (alpha * ultimateFactor + (beta - alpha) * transitionalFactor) / beta;
              }
            }
            sumFactors += factors[i];
            if (desired < sumCurrentAvailable) somethingHasAMaximumSize = true;

            newSizes[i] = -1.0;
          }
        }

        let keepGoing = somethingHasAMaximumSize;
        while (keepGoing) {
          // Qt: sumCurrentAvailable is so large that something might reach its maximum size.
          keepGoing = false;

          for (let i = 0; i < n; ++i) {
            if (newSizes[i] >= 0.0) continue;

            const box = isLargerThanMaximum ? rowInfo.boxValue(start + i) : this.boxes[start + i];
            let maxBoxSize = box.maximumSize;

            if (snapToPixelGrid) maxBoxSize = qMax(box.minimumSize, Math.floor(maxBoxSize));

            const avail = (sumCurrentAvailable * factors[i]) / sumFactors;
            if (sizes[i] + avail >= maxBoxSize) {
              newSizes[i] = maxBoxSize;
              sumCurrentAvailable -= maxBoxSize - sizes[i];
              sumFactors -= factors[i];
              keepGoing = sumCurrentAvailable > 0.0;
              if (!keepGoing) break;
            }
          }
        }
        for (let i = 0; i < n; ++i) {
          if (newSizes[i] < 0.0) {
            const delta = sumFactors === 0.0 ? 0.0 : (sumCurrentAvailable * factors[i]) / sumFactors;
            newSizes[i] = sizes[i] + delta;
          }
        }
      }
    }

    if (sumAvailable > 0) {
      let offset = 0;
      for (let i = 0; i < n; ++i) {
        const delta = newSizes[i] - sizes[i];
        positions[i] += offset;
        sizes[i] += delta;
        offset += delta;
      }
    }
    if (snapToPixelGrid) {
      for (let i = 0; i < n; ++i) {
        const oldpos = positions[i];
        positions[i] = qround(oldpos);
        const delta = positions[i] - oldpos;
        sizes[i] -= delta;
        if (i > 0) sizes[i - 1] += delta;
      }

      sizes[n - 1] = targetSize - positions[n - 1];
      // Qt: rounds off small epsilons and keeps every size at least its minimum.
      for (let i = 0; i < n; ++i) {
        const box = this.boxes[start + i];
        sizes[i] = qMax(box.minimumSize, qround(sizes[i]));
      }
    }

    if (descents !== null) {
      for (let i = 0; i < n; ++i) {
        if (this.ignore[start + i]) continue;
        const box = this.boxes[start + i];
        descents[i] = fixedDescent(box.minimumDescent, box.minimumAscent, sizes[i]);
      }
    }
  }

  totalBox(start: number, end: number): GridLayoutBox {
    const result = new GridLayoutBox();
    if (start < end) {
      result.maximumSize = 0.0;
      let nextSpacing = 0.0;
      for (let i = start; i < end; ++i) {
        if (this.ignore[i]) continue;
        result.add(this.boxes[i], this.stretches[i], nextSpacing);
        nextSpacing = this.spacings[i];
      }
    }
    return result;
  }

  /** Lays rows [start, end) out at size `which`; writes from index 0 of positions/sizes. */
  stealBox(start: number, end: number, which: number, positions: number[], sizes: number[]): void {
    let offset = 0.0;
    let nextSpacing = 0.0;

    let p = 0;
    for (let i = start; i < end; ++i) {
      let avail = 0.0;

      if (!this.ignore[i]) {
        const box = this.boxes[i];
        avail = box.size(which);
        offset += nextSpacing;
        nextSpacing = this.spacings[i];
      }

      positions[p] = offset;
      sizes[p] = avail;
      ++p;
      offset += avail;
    }
  }
}

// ---- QAbstractLayoutStyleInfo -------------------------------------------------------------

/** QAbstractLayoutStyleInfo: default spacings and margins supplied by the style. */
export abstract class LayoutStyleInfo {
  protected isWindowFlag = false;

  combinedLayoutSpacing(_controls1: number, _controls2: number, _orientation: number): number {
    return -1;
  }

  abstract spacing(orientation: number): number;

  hasChangedCore(): boolean {
    return false;
  }

  invalidate(): void {}

  abstract windowMargin(orientation: number): number;

  isWindow(): boolean {
    return this.isWindowFlag;
  }
}

// ---- QGridLayoutItem ----------------------------------------------------------------------

/**
 * QGridLayoutItem: one item in the grid. Subclasses supply sizeHint(), sizePolicy() and
 * setGeometry() (as QQuickGridLayoutItem does). Index 0 of the pairs is horizontal
 * (column), index 1 vertical (row), like Qt's QHVContainer.
 */
export abstract class GridLayoutItem {
  private readonly firstRows: [number, number];
  private readonly rowSpans: [number, number];
  private readonly stretches: [number, number] = [-1, -1];
  private align: number;

  constructor(row: number, column: number, rowSpan = 1, columnSpan = 1, alignment = 0) {
    this.firstRows = [column, row];
    this.rowSpans = [columnSpan, rowSpan];
    this.align = alignment;
  }

  /** The first row; with Qt.Horizontal, the first column. */
  firstRow(orientation: number = Vertical): number {
    return this.firstRows[hv(orientation)];
  }

  firstColumn(orientation: number = Vertical): number {
    return this.firstRows[hvOther(orientation)];
  }

  lastRow(orientation: number = Vertical): number {
    return this.firstRow(orientation) + this.rowSpan(orientation) - 1;
  }

  lastColumn(orientation: number = Vertical): number {
    return this.firstColumn(orientation) + this.columnSpan(orientation) - 1;
  }

  rowSpan(orientation: number = Vertical): number {
    return this.rowSpans[hv(orientation)];
  }

  columnSpan(orientation: number = Vertical): number {
    return this.rowSpans[hvOther(orientation)];
  }

  setFirstRow(row: number, orientation: number = Vertical): void {
    this.firstRows[hv(orientation)] = row;
  }

  setRowSpan(rowSpan: number, orientation: number = Vertical): void {
    this.rowSpans[hv(orientation)] = rowSpan;
  }

  stretchFactor(orientation: number): number {
    const stretch = this.stretches[hv(orientation)];
    if (stretch >= 0) return stretch;

    const policy = this.sizePolicy(orientation);

    if (policy & LayoutPolicy.ExpandFlag) {
      return 1;
    }
    if (policy & LayoutPolicy.GrowFlag) {
      return -1; // Qt: "because we max it up"
    }
    return 0;
  }

  alignment(): number {
    return this.align;
  }

  setAlignment(alignment: number): void {
    this.align = alignment;
  }

  /** QLayoutPolicy::Policy for the orientation. */
  abstract sizePolicy(orientation: number): number;

  /** Size hint `which` (SizeHint.*); a constraint component of -1 means none. */
  abstract sizeHint(which: number, constraint: SizeF): SizeF;

  isEmpty(): boolean {
    return false;
  }

  abstract setGeometry(rect: RectF): void;

  controlTypes(_side: number): number {
    return LayoutPolicy.DefaultType;
  }

  /** The item's rect inside the cell: size capped by effectiveMaxSize(), then aligned. */
  geometryWithin(
    x: number,
    y: number,
    width: number,
    height: number,
    rowDescent: number,
    align: number,
    snapToPixelGrid: boolean,
  ): RectF {
    const cellWidth = width;
    const cellHeight = height;

    // (dynamic-constraint adjustment not ported)
    const size = this.effectiveMaxSize({ width: -1, height: -1 });
    width = qMin(size.width, cellWidth);
    height = qMin(size.height, cellHeight);

    switch (align & Alignment.AlignHorizontal_Mask) {
      case Alignment.AlignHCenter:
        x += (cellWidth - width) / 2;
        break;
      case Alignment.AlignRight:
        x += cellWidth - width;
        break;
      default:
        break;
    }

    switch (align & Alignment.AlignVertical_Mask) {
      case Alignment.AlignVCenter:
        y += (cellHeight - height) / 2;
        break;
      case Alignment.AlignBottom:
        y += cellHeight - height;
        break;
      case Alignment.AlignBaseline: {
        width = qMin(this.effectiveMaxSize({ width: -1, height: -1 }).width, width);
        const vBox = this.box(Vertical, snapToPixelGrid);
        const descent = vBox.minimumDescent;
        const ascent = vBox.minimumSize - descent;
        y += cellHeight - rowDescent - ascent;
        height = ascent + descent;
        break;
      }
      default:
        break;
    }
    return { x, y, width, height };
  }

  /** The row (orientation Qt.Vertical) or column box of this item. */
  box(orientation: number, snapToPixelGrid: boolean, constraint = -1.0): GridLayoutBox {
    const result = new GridLayoutBox();
    const policy = this.sizePolicy(orientation);

    if (orientation === Horizontal) {
      const constraintSize: SizeF = { width: -1.0, height: constraint };

      result.preferredSize = this.sizeHint(PreferredSize, constraintSize).width;

      if (policy & LayoutPolicy.ShrinkFlag) {
        result.minimumSize = this.sizeHint(MinimumSize, constraintSize).width;
      } else {
        result.minimumSize = result.preferredSize;
      }
      if (snapToPixelGrid) result.minimumSize = Math.ceil(result.minimumSize);

      if (policy & (LayoutPolicy.GrowFlag | LayoutPolicy.ExpandFlag)) {
        result.maximumSize = this.sizeHint(MaximumSize, constraintSize).width;
      } else {
        result.maximumSize = result.preferredSize;
      }
    } else {
      const constraintSize: SizeF = { width: constraint, height: -1.0 };

      result.preferredSize = this.sizeHint(PreferredSize, constraintSize).height;

      if (policy & LayoutPolicy.ShrinkFlag) {
        result.minimumSize = this.sizeHint(MinimumSize, constraintSize).height;
      } else {
        result.minimumSize = result.preferredSize;
      }
      if (snapToPixelGrid) result.minimumSize = Math.ceil(result.minimumSize);

      if (policy & (LayoutPolicy.GrowFlag | LayoutPolicy.ExpandFlag)) {
        result.maximumSize = this.sizeHint(MaximumSize, constraintSize).height;
      } else {
        result.maximumSize = result.preferredSize;
      }

      if (this.alignment() & Alignment.AlignBaseline) {
        result.minimumDescent = this.sizeHint(SizeHint.MinimumDescent, constraintSize).height;
        if (result.minimumDescent !== -1.0) {
          const minSizeHint = this.sizeHint(MinimumSize, constraintSize).height;
          result.minimumDescent -= minSizeHint - result.minimumSize;
          result.minimumAscent = result.minimumSize - result.minimumDescent;
        }
      }
    }
    if (policy & LayoutPolicy.IgnoreFlag) result.preferredSize = result.minimumSize;

    return result;
  }

  insertOrRemoveRows(row: number, delta: number, orientation: number = Vertical): void {
    const oldFirstRow = this.firstRow(orientation);
    if (oldFirstRow >= row) {
      this.setFirstRow(oldFirstRow + delta, orientation);
    } else if (this.lastRow(orientation) >= row) {
      this.setRowSpan(this.rowSpan(orientation) + delta, orientation);
    }
  }

  /**
   * The maximum size, taking the size policy into account: without GrowFlag in an
   * orientation it is the preferred size. -1 components of the constraint are filled.
   */
  effectiveMaxSize(constraint: SizeF): SizeF {
    const size: SizeF = { width: constraint.width, height: constraint.height };
    const vGrow = (this.sizePolicy(Vertical) & LayoutPolicy.GrowFlag) === LayoutPolicy.GrowFlag;
    const hGrow = (this.sizePolicy(Horizontal) & LayoutPolicy.GrowFlag) === LayoutPolicy.GrowFlag;
    if (!vGrow || !hGrow) {
      const pref = this.sizeHint(PreferredSize, constraint);
      if (!vGrow) size.height = pref.height;
      if (!hGrow) size.width = pref.width;
    }

    if (!(size.width >= 0 && size.height >= 0)) {
      const maxSize = this.sizeHint(MaximumSize, { width: size.width, height: size.height });
      if (size.width === -1) size.width = maxSize.width;
      if (size.height === -1) size.height = maxSize.height;
    }
    return size;
  }
}

// ---- QGridLayoutEngine --------------------------------------------------------------------

class RowAdHocData {
  row = -1;
  hasButtons = false;
  hasNonButtons = false;

  init(row: number): void {
    this.row = row;
    this.hasButtons = false;
    this.hasNonButtons = false;
  }

  copyFrom(other: RowAdHocData): void {
    this.row = other.row;
    this.hasButtons = other.hasButtons;
    this.hasNonButtons = other.hasNonButtons;
  }

  hasOnlyButtons(): boolean {
    return this.hasButtons && !this.hasNonButtons;
  }

  hasOnlyNonButtons(): boolean {
    return this.hasNonButtons && !this.hasButtons;
  }
}

/** Qt: visualRect(); mirrors x inside the contents rect for right-to-left. */
function visualRect(geom: RectF, dir: number, contentsRect: Readonly<RectF>): void {
  if (dir === LayoutDirection.RightToLeft) {
    const right = contentsRect.x + contentsRect.width - (geom.x - contentsRect.x);
    geom.x = right - geom.width;
  }
}

function grossRoundUp(n: number): number {
  return ((n + 2) | 0x3) - 2;
}

/** QGridLayoutEngine */
export class GridLayoutEngine {
  /** Where Qt's qWarning messages go (a cell taken twice), if anywhere. */
  warning: ((message: string) => void) | null = null;

  protected items: GridLayoutItem[] = [];

  // User input
  private grid: (GridLayoutItem | null)[] = [];
  private defaultSpacings: [LayoutParameter, LayoutParameter] = [
    new LayoutParameter(),
    new LayoutParameter(),
  ];
  private infos: [GridLayoutRowInfo, GridLayoutRowInfo] = [new GridLayoutRowInfo(), new GridLayoutRowInfo()];
  private visualDir: number = LayoutDirection.LeftToRight;

  // Configuration
  private readonly defaultAlignment: number;
  private readonly snapToPixelGrid: boolean;

  // Lazily computed from the above
  private cachedEffectiveFirstRows: [number, number] = [-1, -1];
  private cachedEffectiveLastRows: [number, number] = [-1, -1];
  private readonly totalBoxes: [GridLayoutBox, GridLayoutBox] = [new GridLayoutBox(), new GridLayoutBox()];
  private totalBoxCachedConstraints: [number, number] = [NotCached, NotCached];
  private readonly columnData = new GridLayoutRowData();
  private readonly rowData = new GridLayoutRowData();

  // Output
  private cachedSize: SizeF = { width: -1, height: -1 };
  private readonly xx: number[] = [];
  private readonly yy: number[] = [];
  private readonly widths: number[] = [];
  private readonly heights: number[] = [];
  private readonly descents: number[] = [];

  constructor(defaultAlignment = 0, snapToPixelGrid = false) {
    this.defaultAlignment = defaultAlignment;
    this.snapToPixelGrid = snapToPixelGrid;
    this.invalidate();
  }

  /** Rows; with Qt.Horizontal, columns. */
  rowCount(orientation: number = Vertical): number {
    return this.infos[hv(orientation)].count;
  }

  columnCount(orientation: number = Vertical): number {
    return this.infos[hvOther(orientation)].count;
  }

  /** Number of inserted items (may be less than rowCount * columnCount). */
  itemCount(): number {
    return this.items.length;
  }

  /** itemAt(index): the index-th inserted item; itemAt(row, column[, orientation]): the cell's item. */
  itemAt(index: number): GridLayoutItem;
  itemAt(row: number, column: number, orientation?: number): GridLayoutItem | null;
  itemAt(a: number, b?: number, orientation: number = Vertical): GridLayoutItem | null {
    if (b === undefined) return this.items[a];
    return this.itemAtCell(a, b, orientation);
  }

  /** The item covering cell (row, column); with Qt.Horizontal, row and column are swapped. */
  itemAtCell(row: number, column: number, orientation: number = Vertical): GridLayoutItem | null {
    if (orientation === Horizontal) {
      const t = row;
      row = column;
      column = t;
    }
    if (row < 0 || row >= this.rowCount() || column < 0 || column >= this.columnCount()) return null;
    return this.grid[row * this.internalGridColumnCount() + column] ?? null;
  }

  effectiveFirstRow(orientation: number = Vertical): number {
    this.ensureEffectiveFirstAndLastRows();
    return this.cachedEffectiveFirstRows[hv(orientation)];
  }

  effectiveLastRow(orientation: number = Vertical): number {
    this.ensureEffectiveFirstAndLastRows();
    return this.cachedEffectiveLastRows[hv(orientation)];
  }

  /** orientations: Orientation flags (Horizontal | Vertical for both). */
  setSpacing(spacing: number, orientations: number): void {
    if (orientations & Horizontal) this.defaultSpacings[hv(Horizontal)].setUserValue(spacing);
    if (orientations & Vertical) this.defaultSpacings[hv(Vertical)].setUserValue(spacing);

    this.invalidate();
  }

  spacing(orientation: number, styleInfo: LayoutStyleInfo): number {
    const param = this.defaultSpacings[hv(orientation)];
    if (!param.isUser()) {
      const defaultSpacing = styleInfo.spacing(orientation);
      param.setCachedValue(defaultSpacing);
    }
    return param.value();
  }

  rowAlignment(row: number, orientation: number): number {
    return this.infos[hv(orientation)].alignmentValue(row);
  }

  /** Item alignment, completed from the row/column alignment and the default alignment. */
  effectiveAlignment(layoutItem: GridLayoutItem): number {
    let align = layoutItem.alignment();
    if (!(align & Alignment.AlignVertical_Mask)) {
      // no vertical alignment: use the row's
      const y = layoutItem.firstRow();
      align |= this.rowAlignment(y, Vertical) & Alignment.AlignVertical_Mask;
      if (!(align & Alignment.AlignVertical_Mask))
        align |= this.defaultAlignment & Alignment.AlignVertical_Mask;
    }
    if (!(align & Alignment.AlignHorizontal_Mask)) {
      // no horizontal alignment: use the column's
      const x = layoutItem.firstColumn();
      align |= this.rowAlignment(x, Horizontal) & Alignment.AlignHorizontal_Mask;
    }

    return align;
  }

  /** Inserts at `index` in the item list (appends when index is out of range, e.g. -1). */
  insertItem(item: GridLayoutItem, index: number): void {
    this.maybeExpandGrid(item.lastRow(), item.lastColumn());

    if (index < 0 || index >= this.items.length) this.items.push(item);
    else this.items.splice(index, 0, item);

    for (let i = item.firstRow(); i <= item.lastRow(); ++i) {
      for (let j = item.firstColumn(); j <= item.lastColumn(); ++j) {
        if (this.itemAtCell(i, j))
          this.warning?.(`QGridLayoutEngine::addItem: Cell (${i}, ${j}) already taken`);
        this.setItemAt(i, j, item);
      }
    }
  }

  removeItem(item: GridLayoutItem): void {
    this.invalidate();

    for (let i = item.firstRow(); i <= item.lastRow(); ++i) {
      for (let j = item.firstColumn(); j <= item.lastColumn(); ++j) {
        if (this.itemAtCell(i, j) === item) this.setItemAt(i, j, null);
      }
    }

    this.items = this.items.filter((it) => it !== item);
  }

  /** Removes all items and all rows and columns. */
  deleteItems(): void {
    // items are the input when removeRows() regenerates the grid
    this.items = [];
    let rows = this.rowCount(Vertical);
    this.removeRows(0, rows, Vertical);
    rows = this.rowCount(Horizontal);
    this.removeRows(0, rows, Horizontal);
  }

  insertRow(row: number, orientation: number = Vertical): void {
    this.insertOrRemoveRows(row, +1, orientation);
  }

  removeRows(row: number, count: number, orientation: number): void {
    this.insertOrRemoveRows(row, -count, orientation);
  }

  invalidate(): void {
    this.cachedEffectiveFirstRows = [-1, -1];
    this.cachedEffectiveLastRows = [-1, -1];

    this.totalBoxCachedConstraints = [NotCached, NotCached];

    this.cachedSize = { width: -1, height: -1 };
  }

  /** Computes the cells for the contents rect and calls setGeometry() on every item. */
  setGeometries(contentsGeometry: Readonly<RectF>, styleInfo: LayoutStyleInfo): void {
    if (this.rowCount() < 1 || this.columnCount() < 1) return;

    this.ensureGeometries({ width: contentsGeometry.width, height: contentsGeometry.height }, styleInfo);

    for (let i = this.items.length - 1; i >= 0; --i) {
      const item = this.items[i];

      const x = this.xx[item.firstColumn()];
      const y = this.yy[item.firstRow()];
      let width = this.widths[item.lastColumn()];
      let height = this.heights[item.lastRow()];

      if (item.columnSpan() !== 1) width += this.xx[item.lastColumn()] - x;
      if (item.rowSpan() !== 1) height += this.yy[item.lastRow()] - y;

      const align = this.effectiveAlignment(item);
      const geom = item.geometryWithin(
        contentsGeometry.x + x,
        contentsGeometry.y + y,
        width,
        height,
        this.descents[item.lastRow()],
        align,
        this.snapToPixelGrid,
      );
      if (this.snapToPixelGrid) {
        // Qt: centering may leave x/y at half pixels; moving keeps the width.
        geom.x = qround(geom.x);
        // Baseline-aligned items are not snapped vertically.
        if (align !== Alignment.AlignBaseline) geom.y = qround(geom.y);
      }
      visualRect(geom, this.visualDirection(), contentsGeometry);
      item.setGeometry(geom);
    }
  }

  /** Size hint of the whole grid. The constraint only matters for dynamic constraints (not ported). */
  sizeHint(which: number, _constraint: SizeF, styleInfo: LayoutStyleInfo): SizeF {
    this.ensureColumnAndRowData(this.columnData, Horizontal, styleInfo);
    this.ensureColumnAndRowData(this.rowData, Vertical, styleInfo);
    return {
      width: this.totalBoxes[hv(Horizontal)].size(which),
      height: this.totalBoxes[hv(Vertical)].size(which),
    };
  }

  setVisualDirection(direction: number): void {
    this.visualDir = direction;
  }

  visualDirection(): number {
    return this.visualDir;
  }

  // ---- private --------------------------------------------------------------------------

  private internalGridRowCount(): number {
    return grossRoundUp(this.rowCount());
  }

  private internalGridColumnCount(): number {
    return grossRoundUp(this.columnCount());
  }

  private maybeExpandGrid(row: number, column: number, orientation: number = Vertical): void {
    this.invalidate();

    if (orientation === Horizontal) {
      const t = row;
      row = column;
      column = t;
    }

    if (row < this.rowCount() && column < this.columnCount()) return;

    const oldGridRowCount = this.internalGridRowCount();
    const oldGridColumnCount = this.internalGridColumnCount();

    this.infos[hv(Vertical)].count = qMax(row + 1, this.rowCount());
    this.infos[hv(Horizontal)].count = qMax(column + 1, this.columnCount());

    const newGridRowCount = this.internalGridRowCount();
    const newGridColumnCount = this.internalGridColumnCount();

    const newGridSize = newGridRowCount * newGridColumnCount;
    if (newGridSize !== this.grid.length) {
      listResize(this.grid, newGridSize, () => null);

      if (newGridColumnCount !== oldGridColumnCount) {
        for (let i = oldGridRowCount - 1; i >= 1; --i) {
          for (let j = oldGridColumnCount - 1; j >= 0; --j) {
            const oldIndex = i * oldGridColumnCount + j;
            const newIndex = i * newGridColumnCount + j;

            this.grid[newIndex] = this.grid[oldIndex];
            this.grid[oldIndex] = null;
          }
        }
      }
    }
  }

  private regenerateGrid(): void {
    this.grid.fill(null);

    for (let i = this.items.length - 1; i >= 0; --i) {
      const item = this.items[i];

      for (let j = item.firstRow(); j <= item.lastRow(); ++j) {
        for (let k = item.firstColumn(); k <= item.lastColumn(); ++k) {
          this.setItemAt(j, k, item);
        }
      }
    }
  }

  private setItemAt(row: number, column: number, item: GridLayoutItem | null): void {
    this.grid[row * this.internalGridColumnCount() + column] = item;
  }

  private insertOrRemoveRows(row: number, delta: number, orientation: number = Vertical): void {
    const oldRowCount = this.rowCount(orientation);

    this.invalidate();

    // appending rows (or columns) is easy
    if (row === oldRowCount && delta > 0) {
      this.maybeExpandGrid(oldRowCount + delta - 1, -1, orientation);
      return;
    }

    this.infos[hv(orientation)].insertOrRemoveRows(row, delta);

    for (let i = this.items.length - 1; i >= 0; --i)
      this.items[i].insertOrRemoveRows(row, delta, orientation);

    listResize(this.grid, this.internalGridRowCount() * this.internalGridColumnCount(), () => null);
    this.regenerateGrid();
  }

  private fillRowData(rowData: GridLayoutRowData, orientation: number, styleInfo: LayoutStyleInfo): void {
    const ButtonMask = LayoutPolicy.ButtonBox | LayoutPolicy.PushButton;
    const rowInfo = this.infos[hv(orientation)];
    const columnInfo = this.infos[hvOther(orientation)];
    const top = orientation === Vertical ? LayoutSide.Top : LayoutSide.Left;
    const bottom = orientation === Vertical ? LayoutSide.Bottom : LayoutSide.Right;

    const defaultSpacing = this.defaultSpacings[hv(orientation)];
    const innerSpacing = styleInfo.spacing(orientation);
    if (innerSpacing >= 0.0) defaultSpacing.setCachedValue(innerSpacing);

    for (let row = 0; row < rowInfo.count; ++row) {
      let rowIsEmpty = true;
      let rowIsIdenticalToPrevious = row > 0;

      for (let column = 0; column < columnInfo.count; ++column) {
        const item = this.itemAtCell(row, column, orientation);

        if (rowIsIdenticalToPrevious && item !== this.itemAtCell(row - 1, column, orientation))
          rowIsIdenticalToPrevious = false;

        if (item && !item.isEmpty()) rowIsEmpty = false;
      }

      if (
        (rowIsEmpty || rowIsIdenticalToPrevious) &&
        rowInfo.spacingValue(row).isDefault() &&
        rowInfo.stretchValue(row).isDefault() &&
        rowInfo.boxValue(row).equals(new GridLayoutBox())
      )
        rowData.ignore[row] = true;

      if (rowInfo.spacingValue(row).isUser()) {
        rowData.spacings[row] = rowInfo.spacings[row].value();
      } else if (!defaultSpacing.isDefault()) {
        rowData.spacings[row] = defaultSpacing.value();
      }

      rowData.stretches[row] = rowInfo.stretchValue(row).value();
    }

    const lastRowAdHocData = new RowAdHocData();
    const nextToLastRowAdHocData = new RowAdHocData();
    const nextToNextToLastRowAdHocData = new RowAdHocData();

    rowData.hasIgnoreFlag = false;
    for (let row = 0; row < rowInfo.count; ++row) {
      if (rowData.ignore[row]) continue;

      const rowBox = rowData.boxes[row];
      if (styleInfo.isWindow()) {
        nextToNextToLastRowAdHocData.copyFrom(nextToLastRowAdHocData);
        nextToLastRowAdHocData.copyFrom(lastRowAdHocData);
        lastRowAdHocData.init(row);
      }

      const userRowStretch = rowInfo.stretchValue(row).isUser();

      let hasIgnoreFlag = true;
      for (let column = 0; column < columnInfo.count; ++column) {
        const item = this.itemAtCell(row, column, orientation);
        if (item) {
          const itemRow = item.firstRow(orientation);
          const itemColumn = item.firstColumn(orientation);

          if (itemRow === row && itemColumn === column) {
            const itemStretch = item.stretchFactor(orientation);
            if (!(item.sizePolicy(orientation) & LayoutPolicy.IgnoreFlag)) hasIgnoreFlag = false;
            const itemRowSpan = item.rowSpan(orientation);

            let effectiveRowSpan = 1;
            for (let i = 1; i < itemRowSpan; ++i) {
              if (!rowData.ignore[i + itemRow]) ++effectiveRowSpan;
            }

            let box: GridLayoutBox;
            if (effectiveRowSpan === 1) {
              box = rowBox;
              if (!userRowStretch && itemStretch !== 0)
                rowData.stretches[row] = qMax(rowData.stretches[row], itemStretch);
            } else {
              const multiCell = rowData.multiCellMap.get(row, itemRowSpan);
              box = multiCell.box;
              multiCell.stretch = itemStretch;
            }
            // (the constrained-length variant for dynamic constraints is not ported)
            box.combine(item.box(orientation, this.snapToPixelGrid));

            if (effectiveRowSpan === 1) {
              const controls = item.controlTypes(top);
              if (controls & ButtonMask) lastRowAdHocData.hasButtons = true;
              if (controls & ~ButtonMask) lastRowAdHocData.hasNonButtons = true;
            }
          }
        }
      }
      if (row < rowInfo.boxes.length) {
        const rowBoxInfo = rowInfo.boxes[row].clone();
        rowBoxInfo.normalize();
        rowBox.minimumSize = qMax(rowBox.minimumSize, rowBoxInfo.minimumSize);
        rowBox.maximumSize = qMax(
          rowBox.minimumSize,
          rowBoxInfo.maximumSize !== FLT_MAX ? rowBoxInfo.maximumSize : rowBox.maximumSize,
        );
        rowBox.preferredSize = qBound(
          rowBox.minimumSize,
          qMax(rowBox.preferredSize, rowBoxInfo.preferredSize),
          rowBox.maximumSize,
        );
      }
      if (hasIgnoreFlag) rowData.hasIgnoreFlag = true;
    }

    // Qt heuristic: detect button boxes that do not use QLayoutPolicy::ButtonBox.
    const lastRowIsButtonBox =
      lastRowAdHocData.hasOnlyButtons() && nextToLastRowAdHocData.hasOnlyNonButtons();
    const lastTwoRowsIsButtonBox =
      lastRowAdHocData.hasOnlyButtons() &&
      nextToLastRowAdHocData.hasOnlyButtons() &&
      nextToNextToLastRowAdHocData.hasOnlyNonButtons() &&
      orientation === Vertical;

    if (defaultSpacing.isDefault()) {
      let prevRow = -1;
      for (let row = 0; row < rowInfo.count; ++row) {
        if (rowData.ignore[row]) continue;

        if (prevRow !== -1 && !rowInfo.spacingValue(prevRow).isUser()) {
          for (let column = 0; column < columnInfo.count; ++column) {
            const item1 = this.itemAtCell(prevRow, column, orientation);
            const item2 = this.itemAtCell(row, column, orientation);

            if (item1 && item2 && item1 !== item2) {
              const controls1 = item1.controlTypes(bottom);
              let controls2 = item2.controlTypes(top);

              if (controls2 & LayoutPolicy.PushButton) {
                if (
                  (row === nextToLastRowAdHocData.row && lastTwoRowsIsButtonBox) ||
                  (row === lastRowAdHocData.row && lastRowIsButtonBox)
                ) {
                  controls2 &= ~LayoutPolicy.PushButton;
                  controls2 |= LayoutPolicy.ButtonBox;
                }
              }

              let spacing = styleInfo.combinedLayoutSpacing(controls1, controls2, orientation);
              if (orientation === Horizontal) {
                const width1 = rowData.boxes[prevRow].minimumSize;
                const width2 = rowData.boxes[row].minimumSize;
                const rect1 = item1.geometryWithin(
                  0.0,
                  0.0,
                  width1,
                  FLT_MAX,
                  -1.0,
                  this.effectiveAlignment(item1),
                  this.snapToPixelGrid,
                );
                const rect2 = item2.geometryWithin(
                  0.0,
                  0.0,
                  width2,
                  FLT_MAX,
                  -1.0,
                  this.effectiveAlignment(item2),
                  this.snapToPixelGrid,
                );
                spacing -= width1 - (rect1.x + rect1.width) + rect2.x;
              } else {
                const box1 = rowData.boxes[prevRow];
                const box2 = rowData.boxes[row];
                const height1 = box1.minimumSize;
                const height2 = box2.minimumSize;
                const rowDescent1 = fixedDescent(box1.minimumDescent, box1.minimumAscent, height1);
                const rowDescent2 = fixedDescent(box2.minimumDescent, box2.minimumAscent, height2);
                const rect1 = item1.geometryWithin(
                  0.0,
                  0.0,
                  FLT_MAX,
                  height1,
                  rowDescent1,
                  this.effectiveAlignment(item1),
                  this.snapToPixelGrid,
                );
                const rect2 = item2.geometryWithin(
                  0.0,
                  0.0,
                  FLT_MAX,
                  height2,
                  rowDescent2,
                  this.effectiveAlignment(item2),
                  this.snapToPixelGrid,
                );
                spacing -= height1 - (rect1.y + rect1.height) + rect2.y;
              }
              rowData.spacings[prevRow] = qMax(spacing, rowData.spacings[prevRow]);
            }
          }
        }
        prevRow = row;
      }
    } else if (lastRowIsButtonBox || lastTwoRowsIsButtonBox) {
      // Qt: even with a uniform style spacing, the window margin is used before a button box.
      const prevRow = lastRowIsButtonBox ? nextToLastRowAdHocData.row : nextToNextToLastRowAdHocData.row;
      if (!defaultSpacing.isUser() && !rowInfo.spacingValue(prevRow).isUser()) {
        const windowMargin = styleInfo.windowMargin(orientation);
        rowData.spacings[prevRow] = qMax(windowMargin, rowData.spacings[prevRow]);
      }
    }
  }

  private ensureEffectiveFirstAndLastRows(): void {
    if (this.cachedEffectiveFirstRows[hv(Horizontal)] === -1 && this.items.length > 0) {
      const rowCount = this.rowCount();
      const columnCount = this.columnCount();

      this.cachedEffectiveFirstRows = [columnCount, rowCount];
      this.cachedEffectiveLastRows = [-1, -1];

      for (let i = this.items.length - 1; i >= 0; --i) {
        const item = this.items[i];

        for (const o of [Horizontal, Vertical]) {
          if (item.firstRow(o) < this.cachedEffectiveFirstRows[hv(o)])
            this.cachedEffectiveFirstRows[hv(o)] = item.firstRow(o);
          if (item.lastRow(o) > this.cachedEffectiveLastRows[hv(o)])
            this.cachedEffectiveLastRows[hv(o)] = item.lastRow(o);
        }
      }
    }
  }

  /** Fills rowData and the cached total box for the orientation unless already cached. */
  private ensureColumnAndRowData(
    rowData: GridLayoutRowData,
    orientation: number,
    styleInfo: LayoutStyleInfo,
  ): void {
    // Without dynamic constraints the cache key is always CachedWithNoConstraint.
    const constraint = CachedWithNoConstraint;
    const o = hv(orientation);
    if (this.totalBoxCachedConstraints[o] === constraint) return;

    rowData.reset(this.rowCount(orientation));
    this.fillRowData(rowData, orientation, styleInfo);
    const rowInfo = this.infos[o];
    rowData.distributeMultiCells(rowInfo, this.snapToPixelGrid);
    this.totalBoxes[o].assign(rowData.totalBox(0, this.rowCount(orientation)));

    this.totalBoxCachedConstraints[o] = constraint;
  }

  private ensureGeometries(size: SizeF, styleInfo: LayoutStyleInfo): void {
    if (sizeFuzzyEquals(this.cachedSize, size)) return;

    this.cachedSize = { width: size.width, height: size.height };

    listResize(this.xx, this.columnCount(), () => 0);
    listResize(this.widths, this.columnCount(), () => 0);
    listResize(this.yy, this.rowCount(), () => 0);
    listResize(this.heights, this.rowCount(), () => 0);
    listResize(this.descents, this.rowCount(), () => 0);

    // Columns first, then rows (the branch Qt takes without a horizontal constraint).
    this.ensureColumnAndRowData(this.columnData, Horizontal, styleInfo);
    this.columnData.calculateGeometries(
      0,
      this.columnCount(),
      size.width,
      this.xx,
      this.widths,
      null,
      this.totalBoxes[hv(Horizontal)],
      this.infos[hv(Horizontal)],
      this.snapToPixelGrid,
    );
    this.ensureColumnAndRowData(this.rowData, Vertical, styleInfo);
    this.rowData.calculateGeometries(
      0,
      this.rowCount(),
      size.height,
      this.yy,
      this.heights,
      this.descents,
      this.totalBoxes[hv(Vertical)],
      this.infos[hv(Vertical)],
      this.snapToPixelGrid,
    );
  }
}
