// Grid (QQuickGrid): children in cells of a grid, 4 columns by default;
// column widths and row heights are those of their largest child.
import { defineType, type MetaObject, type QObject } from '../../engine/qobject';
import { Change, ITEM } from './Item';
import {
  BasePositioner,
  BasePositionerMeta,
  layoutDirectionProperties,
  POS,
  PositionerType,
} from './Positioner';

const ALIGN_LEFT = 0x1;
const ALIGN_RIGHT = 0x2;
const ALIGN_HCENTER = 0x4;
const ALIGN_TOP = 0x20;
const ALIGN_BOTTOM = 0x40;
const ALIGN_VCENTER = 0x80;
const FLOW_LEFT_TO_RIGHT = 0;

export class Grid extends BasePositioner {
  declare columns: number;
  declare rows: number;
  private readonly maxColWidth: number[] = [];
  private readonly maxRowHeight: number[] = [];

  constructor() {
    super(PositionerType.Both);
  }

  override geometryChanged(change: Change, old: number): void {
    super.geometryChanged(change, old);
    if (!this.isLeftToRight && change & (Change.Width | Change.Height)) this.setPositioningDirty();
  }

  /** The horizontal alignment mirrored for right-to-left (effectiveHorizontalItemAlignment). */
  get effectiveHAlign(): number {
    const a = this.$v[GRID.horizontalItemAlignment] as number;
    if (this.isLeftToRight) return a;
    if (a === ALIGN_LEFT) return ALIGN_RIGHT;
    if (a === ALIGN_RIGHT) return ALIGN_LEFT;
    return a;
  }

  override onLayoutDirectionChanged(): void {
    super.onLayoutDirectionChanged();
    this.storeEffectiveHAlign();
  }

  /** QQuickGrid::setHItemAlign / setVItemAlign: lays out, then announces the alignment (as the signal's argument). */
  setItemAlign(index: number, v: number): void {
    if (this.$v[index] === v) return;
    this.$v[index] = v;
    this.prePositioning();
    this.$emit(this.$meta.props[index]!.notify, [v]);
    if (index === GRID.horizontalItemAlignment) this.storeEffectiveHAlign();
  }

  /** effectiveHorizontalItemAlignment, announced with its value as Qt's effectiveHorizontalAlignmentChanged is. */
  private storeEffectiveHAlign(): void {
    const a = this.effectiveHAlign;
    if (this.$v[GRID.effectiveHorizontalItemAlignment] === a) return;
    this.$v[GRID.effectiveHorizontalItemAlignment] = a;
    this.$emit(this.$meta.props[GRID.effectiveHorizontalItemAlignment]!.notify, [a]);
  }

  /** A property that changes the layout: Qt lays out at once. */
  relayoutNow(): void {
    this.prePositioning();
    this.storeEffectiveHAlign();
  }

  protected doPositioning(size: { width: number; height: number }): void {
    const top = this.$v[POS.topPadding] as number;
    const left = this.$v[POS.leftPadding] as number;
    const right = this.$v[POS.rightPadding] as number;
    const bottom = this.$v[POS.bottomPadding] as number;
    const columns = this.$v[GRID.columns] as number;
    const rowsSet = this.$v[GRID.rows] as number;
    const items = this.positionedItems;
    const numVisible = items.length;
    let c = columns;
    let r = rowsSet;
    if (columns <= 0 && rowsSet <= 0) {
      c = 4;
      r = Math.trunc((numVisible + 3) / 4);
    } else if (rowsSet <= 0) {
      r = Math.trunc((numVisible + (columns - 1)) / columns);
    } else if (columns <= 0) {
      c = Math.trunc((numVisible + (rowsSet - 1)) / rowsSet);
    }
    if (r === 0 || c === 0) {
      size.height = top + bottom;
      size.width = left + right;
      return;
    }
    if (numVisible > r * c)
      this.warn(`Grid contains more visible items (${numVisible}) than rows*columns (${r * c})`);

    const flowLtr = (this.$v[GRID.flow] as number) === FLOW_LEFT_TO_RIGHT;
    const maxColWidth = this.maxColWidth;
    const maxRowHeight = this.maxRowHeight;
    maxColWidth.length = 0;
    maxRowHeight.length = 0;
    let childIndex = 0;
    const outer = flowLtr ? r : c;
    const inner = flowLtr ? c : r;
    for (let a = 0; a < outer; a++) {
      for (let b = 0; b < inner; b++) {
        const i = flowLtr ? a : b;
        const j = flowLtr ? b : a;
        if (j === 0 && maxRowHeight.length <= i) maxRowHeight.push(0);
        if (i === 0 && maxColWidth.length <= j) maxColWidth.push(0);
        if (childIndex === numVisible) break;
        const child = items[childIndex++]!;
        const w = child.$v[ITEM.width] as number;
        const h = child.$v[ITEM.height] as number;
        if (w > maxColWidth[j]!) maxColWidth[j] = w;
        if (h > maxRowHeight[i]!) maxRowHeight[i] = h;
      }
    }

    const spacing = this.$v[POS.spacing] as number;
    const columnSpacing = this.useColumnSpacing ? (this.$v[GRID.columnSpacing] as number) : spacing;
    const rowSpacing = this.useRowSpacing ? (this.$v[GRID.rowSpacing] as number) : spacing;
    let widthSum = 0;
    for (let j = 0; j < maxColWidth.length; j++) {
      if (j) widthSum += columnSpacing;
      widthSum += maxColWidth[j]!;
    }
    widthSum += left + right;
    let heightSum = 0;
    for (let i = 0; i < maxRowHeight.length; i++) {
      if (i) heightSum += rowSpacing;
      heightSum += maxRowHeight[i]!;
    }
    heightSum += top + bottom;
    size.height = heightSum;
    size.width = widthSum;

    // Qt keeps the right edge in an int here.
    const end = Math.trunc(this.widthValid ? (this.$v[ITEM.width] as number) : widthSum);
    const ltr = this.isLeftToRight;
    const hAlign = this.$v[GRID.horizontalItemAlignment] as number;
    const effectiveHAlign = this.effectiveHAlign;
    const vAlign = this.$v[GRID.verticalItemAlignment] as number;
    let xoffset = ltr ? left : end - right;
    let yoffset = top;
    let curRow = 0;
    let curCol = 0;
    for (const child of items) {
      const w = child.$v[ITEM.width] as number;
      const h = child.$v[ITEM.height] as number;
      let childXOffset = xoffset;
      if (effectiveHAlign === ALIGN_RIGHT) childXOffset += maxColWidth[curCol]! - w;
      else if (hAlign === ALIGN_HCENTER) childXOffset += (maxColWidth[curCol]! - w) / 2;
      if (!ltr) childXOffset -= maxColWidth[curCol]!;
      let alignYOffset = yoffset;
      if (vAlign === ALIGN_VCENTER) alignYOffset += (maxRowHeight[curRow]! - h) / 2;
      else if (vAlign === ALIGN_BOTTOM) alignYOffset += maxRowHeight[curRow]! - h;
      this.positionItem(childXOffset, alignYOffset, child);

      if (flowLtr) {
        if (ltr) xoffset += maxColWidth[curCol]! + columnSpacing;
        else xoffset -= maxColWidth[curCol]! + columnSpacing;
        curCol = (curCol + 1) % c;
        if (!curCol) {
          yoffset += maxRowHeight[curRow]! + rowSpacing;
          xoffset = ltr ? left : end - right;
          curRow++;
          if (curRow >= r) break;
        }
      } else {
        yoffset += maxRowHeight[curRow]! + rowSpacing;
        curRow = (curRow + 1) % r;
        if (!curRow) {
          if (ltr) xoffset += maxColWidth[curCol]! + columnSpacing;
          else xoffset -= maxColWidth[curCol]! + columnSpacing;
          yoffset = top;
          curCol++;
          if (curCol >= c) break;
        }
      }
    }
  }

  /** Set once rowSpacing/columnSpacing were assigned; until then `spacing` is used. */
  useRowSpacing = false;
  useColumnSpacing = false;

  protected conflictingAnchors(): null {
    return null;
  }

  protected conflictMessage(): string {
    return 'Cannot specify anchors for items inside Grid. Grid will not function.';
  }
}

const relayout = (o: QObject) => (o as Grid).relayoutNow();

export const GridMeta: MetaObject = defineType(Grid, BasePositionerMeta, {
  name: 'Grid',
  cppClass: 'QQuickGrid',
  creatable: true,
  properties: {
    columns: { type: 'int', default: -1, changed: relayout },
    rows: { type: 'int', default: -1, changed: relayout },
    rowSpacing: {
      type: 'real',
      default: -1,
      write: (o, v) => {
        const g = o as Grid;
        g.useRowSpacing = true;
        if (g.$store(GridMeta.index('rowSpacing'), v)) g.relayoutNow();
      },
    },
    columnSpacing: {
      type: 'real',
      default: -1,
      write: (o, v) => {
        const g = o as Grid;
        g.useColumnSpacing = true;
        if (g.$store(GridMeta.index('columnSpacing'), v)) g.relayoutNow();
      },
    },
    flow: { type: 'enumeration', default: FLOW_LEFT_TO_RIGHT, changed: relayout },
    ...layoutDirectionProperties,
    horizontalItemAlignment: {
      type: 'enumeration',
      default: ALIGN_LEFT,
      // (QQuickGrid::setHItemAlign: lays out, announces the alignment, then the effective one)
      write: (o, v) => (o as Grid).setItemAlign(GRID.horizontalItemAlignment, v as number),
      notify: 'horizontalAlignmentChanged',
    },
    verticalItemAlignment: {
      type: 'enumeration',
      default: ALIGN_TOP,
      write: (o, v) => (o as Grid).setItemAlign(GRID.verticalItemAlignment, v as number),
      notify: 'verticalAlignmentChanged',
    },
    effectiveHorizontalItemAlignment: {
      type: 'enumeration',
      default: ALIGN_LEFT,
      readonly: true,
      notify: 'effectiveHorizontalAlignmentChanged',
    },
  },
  // (QQuickGrid's names for the alignments' change signals)
  signals: {
    horizontalAlignmentChanged: { params: [{ name: 'alignment', type: 'int' }] },
    verticalAlignmentChanged: { params: [{ name: 'alignment', type: 'int' }] },
    effectiveHorizontalAlignmentChanged: { params: [{ name: 'alignment', type: 'int' }] },
  },
  enums: {
    LeftToRight: 0,
    TopToBottom: 1,
    AlignLeft: ALIGN_LEFT,
    AlignRight: ALIGN_RIGHT,
    AlignHCenter: ALIGN_HCENTER,
    AlignTop: ALIGN_TOP,
    AlignBottom: ALIGN_BOTTOM,
    AlignVCenter: ALIGN_VCENTER,
  },
});

const GRID = {
  columns: GridMeta.index('columns'),
  rows: GridMeta.index('rows'),
  rowSpacing: GridMeta.index('rowSpacing'),
  columnSpacing: GridMeta.index('columnSpacing'),
  flow: GridMeta.index('flow'),
  horizontalItemAlignment: GridMeta.index('horizontalItemAlignment'),
  verticalItemAlignment: GridMeta.index('verticalItemAlignment'),
  effectiveHorizontalItemAlignment: GridMeta.index('effectiveHorizontalItemAlignment'),
};
