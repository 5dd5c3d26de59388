// GridView (QQuickGridView on QQuickItemView): the item view that lays its
// delegates out in cells of cellWidth x cellHeight, row after row (flow
// FlowLeftToRight, scrolling vertically) or column after column
// (FlowTopToBottom, scrolling horizontally). What it shares with ListView
// (the delegate model, the current item, the highlight, header and footer,
// the cache buffer, the model changes applied once per frame) is ItemView's;
// the placement, refill, snapping and key navigation here follow
// qquickgridview.cpp. The number of columns is the view's width (height)
// divided by the cell's, at least 1.
import { defineType, type MetaObject } from '../../engine/qobject';
import type { QmlComponent } from '../../engine/qtqml';
import type { ModelChange } from '../models/delegate-model';
import type { AxisData } from './Flickable';
import { type Change, ITEM, type Item, type KeyEventLike } from './Item';
import {
  ATT,
  FxViewItem,
  ItemView,
  ItemViewAttached,
  ItemViewAttachedMeta,
  ItemViewMeta,
  IV,
  MoveReason,
} from './ListView';
import { SmoothedAnimation } from './smoothed-animation';
import { Easing } from './timeline';

const FLOW_LEFT_TO_RIGHT = 0;
const RIGHT_TO_LEFT = 1;
const BOTTOM_TO_TOP = 3;
const NO_SNAP = 0;
const SNAP_ONE_ROW = 2;
/** QML_FLICK_SNAPONETHRESHOLD: a drag shorter than this does not lean to the next row. */
const SNAP_ONE_THRESHOLD = 30;
const KEY_LEFT = 0x01000012;
const KEY_UP = 0x01000013;
const KEY_RIGHT = 0x01000014;
const KEY_DOWN = 0x01000015;

/** What a batch of insertions or removals changed before and after the first item in view (ChangeResult). */
interface ChangeResult {
  sizeBefore: number;
  sizeAfter: number;
  countBefore: number;
  changedFirstItem: boolean;
}
const newChangeResult = (): ChangeResult => ({
  sizeBefore: 0,
  sizeAfter: 0,
  countBefore: 0,
  changedFirstItem: false,
});
function resetChangeResult(r: ChangeResult): void {
  r.sizeBefore = 0;
  r.sizeAfter = 0;
  r.countBefore = 0;
  r.changedFirstItem = false;
}

class GridViewAttached extends ItemViewAttached {}
const GridViewAttachedMeta: MetaObject = defineType(GridViewAttached, ItemViewAttachedMeta, {
  name: 'GridView',
  cppClass: 'QQuickGridViewAttached',
  properties: {},
  creatable: false,
});

/** A delegate, header, footer or highlight in its cell (FxGridItemSG): rows run along the flow. */
class FxGridItem extends FxViewItem {
  constructor(
    item: Item,
    readonly grid: GridView,
    attached: ItemViewAttached | null,
  ) {
    super(item, grid, attached);
  }

  override position(): number {
    return this.rowPos();
  }
  override itemPosition(): number {
    return this.rowPos();
  }
  override endPosition(): number {
    return this.endRowPos();
  }
  override size(): number {
    return this.grid.rowSize();
  }
  override itemSize(): number {
    return this.grid.rowSize();
  }
  override sectionSize(): number {
    return 0;
  }

  rowPos(): number {
    const g = this.grid;
    if (g.isVertical) return g.isBottomToTopLayout ? -g.cellHeight - this.y : this.y;
    return g.isRightToLeftLayout ? -g.cellWidth - this.x : this.x;
  }

  colPos(): number {
    const g = this.grid;
    if (g.isVertical) {
      if (g.isRightToLeftLayout) {
        const columns = Math.trunc(g.width / g.cellWidth);
        return g.cellWidth * (columns - 1) - this.x;
      }
      return this.x;
    }
    return g.isBottomToTopLayout ? -g.cellHeight - this.y : this.y;
  }

  endRowPos(): number {
    const g = this.grid;
    if (g.isVertical) return g.isBottomToTopLayout ? -this.y : this.y + g.cellHeight;
    return g.isRightToLeftLayout ? -this.x : this.x + g.cellWidth;
  }

  /** Places the item in the cell at (col, row) positions. */
  setCell(col: number, row: number): void {
    const g = this.grid;
    let x: number;
    let y: number;
    if (g.isVertical) {
      x = col;
      y = row;
      if (g.isRightToLeftLayout) {
        const columns = Math.trunc(g.width / g.cellWidth);
        x = g.cellWidth * (columns - 1) - col;
      }
    } else {
      x = row;
      y = col;
      if (g.isRightToLeftLayout) x = -g.cellWidth - row;
    }
    if (g.isBottomToTopLayout) y = -g.cellHeight - y;
    this.moveTo(x, y);
  }

  /** A move along the flow (what ItemView asks of any item): the column stays. */
  override setPosition(pos: number): void {
    this.setCell(this.colPos(), pos);
  }

  override contains(x: number, y: number): boolean {
    const g = this.grid;
    return x >= this.x && x < this.x + g.cellWidth && y >= this.y && y < this.y + g.cellHeight;
  }
}

export class GridView extends ItemView {
  /** Cells across the view (QQuickGridViewPrivate::columns). */
  columns = 1;
  private highlightXAnimator: SmoothedAnimation | null = null;
  private highlightYAnimator: SmoothedAnimation | null = null;

  get isVertical(): boolean {
    return (this.$v[GV.flow] as number) === FLOW_LEFT_TO_RIGHT;
  }
  /** The layout directions as the cells see them, whatever the flow. */
  get isRightToLeftLayout(): boolean {
    return (this.$v[IV.effectiveLayoutDirection] as number) === RIGHT_TO_LEFT;
  }
  get isBottomToTopLayout(): boolean {
    return (this.$v[IV.verticalLayoutDirection] as number) === BOTTOM_TO_TOP;
  }
  get cellWidth(): number {
    return this.$v[GV.cellWidth] as number;
  }
  get cellHeight(): number {
    return this.$v[GV.cellHeight] as number;
  }
  protected get snapModeValue(): number {
    return this.$v[GV.snapMode] as number;
  }
  protected attachedMeta(): MetaObject {
    return GridViewAttachedMeta;
  }
  protected override newViewItem(item: Item): FxViewItem {
    return new FxGridItem(item, this, this.attachedOf(item));
  }

  rowSize(): number {
    return this.isVertical ? this.cellHeight : this.cellWidth;
  }
  colSize(): number {
    return this.isVertical ? this.cellWidth : this.cellHeight;
  }

  private get gridItems(): FxGridItem[] {
    return this.visibleItems as FxGridItem[];
  }

  private resetColumns(): void {
    const length = this.isVertical ? this.width : this.height;
    this.columns = Math.max(1, Math.floor(length / this.colSize()));
  }

  // ---- positions (qquickgridview.cpp) ---------------------------------------------------------------

  protected override setPosition(pos: number): void {
    this.flickableSetContentX(this.contentXForPosition(pos));
    this.flickableSetContentY(this.contentYForPosition(pos));
  }

  private contentXForPosition(pos: number): number {
    if (this.isVertical) {
      if (!this.isRightToLeftLayout) return 0;
      const columns = Math.trunc(this.width / this.cellWidth);
      return -this.width + this.cellWidth * columns;
    }
    return this.isRightToLeftLayout ? -pos - this.width : pos;
  }

  private contentYForPosition(pos: number): number {
    if (this.isVertical) return this.isBottomToTopLayout ? -pos - this.height : pos;
    return this.isBottomToTopLayout ? -this.height : 0;
  }

  protected override originPosition(): number {
    const items = this.gridItems;
    if (items.length === 0) return 0;
    return items[0]!.rowPos() - Math.trunc(this.visibleIndex / this.columns) * this.rowSize();
  }

  protected override lastPosition(): number {
    const count = this.modelCount;
    const items = this.gridItems;
    if (!count && items.length === 0) return 0;
    let lastRowPos = count ? this.rowPosAt(count - 1) : 0;
    // (items whose removal is delayed may come after the model's last)
    if (items.length > 0) lastRowPos = Math.max(lastRowPos, items[items.length - 1]!.rowPos());
    return lastRowPos + this.rowSize();
  }

  protected override positionAt(index: number): number {
    return this.rowPosAt(index);
  }

  protected override endPositionAt(index: number): number {
    return this.rowPosAt(index) + this.rowSize();
  }

  private colPosAt(modelIndex: number): number {
    const fx = this.visibleItem(modelIndex) as FxGridItem | null;
    if (fx) return fx.colPos();
    const items = this.gridItems;
    const columns = this.columns;
    const colSize = this.colSize();
    if (items.length > 0) {
      if (modelIndex === this.visibleIndex) return items[0]!.colPos();
      if (modelIndex < this.visibleIndex) {
        const count = (this.visibleIndex - modelIndex) % columns;
        let col = Math.trunc(items[0]!.colPos() / colSize);
        col = (columns - count + col) % columns;
        return col * colSize;
      }
      const last = items[items.length - 1]!;
      const count = modelIndex - last.index;
      let col = Math.trunc(last.colPos() / colSize);
      col = (col + count) % columns;
      return col * colSize;
    }
    return (modelIndex % columns) * colSize;
  }

  private rowPosAt(modelIndex: number): number {
    const fx = this.visibleItem(modelIndex) as FxGridItem | null;
    if (fx) return fx.rowPos();
    const items = this.gridItems;
    const columns = this.columns;
    const rowSize = this.rowSize();
    if (items.length > 0) {
      const first = items[0]!;
      if (modelIndex === this.visibleIndex) return first.rowPos();
      if (modelIndex < this.visibleIndex) {
        const firstCol = Math.trunc(first.colPos() / this.colSize());
        const col = this.visibleIndex - modelIndex + (columns - firstCol - 1);
        return first.rowPos() - Math.trunc(col / columns) * rowSize;
      }
      const last = items[items.length - 1]!;
      const count = modelIndex - last.index;
      const col = last.colPos() + count * this.colSize();
      return last.rowPos() + Math.trunc(col / (columns * this.colSize())) * rowSize;
    }
    return Math.trunc(modelIndex / columns) * rowSize;
  }

  protected override changedVisibleIndex(index: number, _pos: number): void {
    this.visibleIndex = Math.trunc(index / this.columns) * this.columns;
  }

  // ---- filling and releasing --------------------------------------------------------------------------

  protected override addVisibleItems(
    fillFrom: number,
    fillTo: number,
    bufferFrom: number,
    bufferTo: number,
    doBuffer: boolean,
  ): boolean {
    const columns = this.columns;
    const rowSize = this.rowSize();
    const colSize = this.colSize();
    const count = this.modelCount;
    let colPos = this.colPosAt(this.visibleIndex);
    let rowPos = this.rowPosAt(this.visibleIndex);
    let items = this.gridItems;
    if (items.length > 0) {
      const last = items[items.length - 1]!;
      rowPos = last.rowPos();
      let colNum = Math.floor((last.colPos() + colSize / 2) / colSize);
      if (++colNum >= columns) {
        colNum = 0;
        rowPos += rowSize;
      }
      colPos = colNum * colSize;
    }
    let modelIndex = this.findLastVisibleIndex();
    modelIndex = modelIndex < 0 ? this.visibleIndex : modelIndex + 1;
    if (
      items.length > 0 &&
      (bufferFrom > rowPos + rowSize * 2 || bufferTo < this.rowPosAt(this.visibleIndex) - rowSize)
    ) {
      // A jump of more than a page: estimate which items are visible now and fill from there.
      const n = Math.trunc((fillFrom - (rowPos + rowSize)) / rowSize) * columns;
      this.releaseVisibleItems();
      items = this.gridItems;
      modelIndex += n;
      if (modelIndex >= count) modelIndex = count - 1;
      else if (modelIndex < 0) modelIndex = 0;
      modelIndex = Math.trunc(modelIndex / columns) * columns;
      this.visibleIndex = modelIndex;
      colPos = this.colPosAt(this.visibleIndex);
      rowPos = this.rowPosAt(this.visibleIndex);
    }
    let colNum = Math.floor((colPos + colSize / 2) / colSize);
    let changed = false;
    while (modelIndex < count && rowPos <= fillTo + (rowSize * (columns - colNum)) / (columns + 1)) {
      const fx = this.createItem(modelIndex) as FxGridItem | null;
      if (!fx) break;
      // (a populate transition places it in the layout)
      if (!this.vt?.canPopulate()) fx.setCell(colPos, rowPos);
      fx.item.setCulled(doBuffer);
      items.push(fx);
      if (++colNum >= columns) {
        colNum = 0;
        rowPos += rowSize;
      }
      colPos = colNum * colSize;
      modelIndex++;
      changed = true;
    }
    // Prepend, from the column before the first item.
    if (items.length > 0) {
      rowPos = items[0]!.rowPos();
      colPos = items[0]!.colPos();
    }
    colNum = Math.floor((colPos + colSize / 2) / colSize);
    if (--colNum < 0) {
      colNum = columns - 1;
      rowPos -= rowSize;
    }
    colPos = colNum * colSize;
    while (
      this.visibleIndex > 0 &&
      rowPos + rowSize - 1 >= fillFrom - (rowSize * (colNum + 1)) / (columns + 1)
    ) {
      const fx = this.createItem(this.visibleIndex - 1) as FxGridItem | null;
      if (!fx) break;
      this.visibleIndex--;
      // (a populate transition places it in the layout)
      if (!this.vt?.canPopulate()) fx.setCell(colPos, rowPos);
      fx.item.setCulled(doBuffer);
      items.unshift(fx);
      if (--colNum < 0) {
        colNum = columns - 1;
        rowPos -= rowSize;
      }
      colPos = colNum * colSize;
      changed = true;
    }
    return changed;
  }

  protected override removeNonVisibleItems(bufferFrom: number, bufferTo: number): boolean {
    const items = this.gridItems;
    const columns = this.columns;
    const rowSize = this.rowSize();
    const colSize = this.colSize();
    let changed = false;
    while (items.length > 1) {
      const fx = items[0]!;
      if (!(fx.rowPos() + rowSize - 1 < bufferFrom - (rowSize * (fx.colPos() / colSize + 1)) / (columns + 1)))
        break;
      if (fx.attached && (fx.attached.$v[ATT.delayRemove] as boolean)) break;
      if (fx.index !== -1) this.visibleIndex++;
      items.shift();
      this.releaseOrKeep(fx);
      changed = true;
    }
    while (items.length > 1) {
      const fx = items[items.length - 1]!;
      if (!(fx.rowPos() > bufferTo + (rowSize * (columns - fx.colPos() / colSize)) / (columns + 1))) break;
      if (fx.attached && (fx.attached.$v[ATT.delayRemove] as boolean)) break;
      items.pop();
      this.releaseOrKeep(fx);
      changed = true;
    }
    return changed;
  }

  protected override visibleItemsChanged(): void {}

  protected override updateViewport(): void {
    this.resetColumns();
    super.updateViewport();
  }

  /** Places the visible items cell after cell from the first (QQuickGridViewPrivate::layoutVisibleItems). */
  protected override layoutVisibleItems(fromModelIndex = 0): void {
    const items = this.gridItems;
    if (items.length === 0) return;
    const reversed = this.isContentFlowReversed;
    const pos0 = this.position();
    const size = this.viewSize();
    const from = reversed ? -pos0 - this.displayMarginBeginning - size : pos0 - this.displayMarginBeginning;
    const to = reversed ? -pos0 + this.displayMarginEnd : pos0 + size + this.displayMarginEnd;
    const columns = this.columns;
    const rowSize = this.rowSize();
    const colSize = this.colSize();
    const first = items[0]!;
    let rowPos = first.rowPos();
    let col = this.visibleIndex % columns;
    if (first.colPos() !== col * colSize) first.setCell(col * colSize, rowPos);
    first.setVisible(first.rowPos() + rowSize >= from && first.rowPos() <= to);
    for (let i = 1; i < items.length; i++) {
      const fx = items[i]!;
      if (++col >= columns) {
        col = 0;
        rowPos += rowSize;
      }
      if (fx.index >= fromModelIndex) {
        fx.setCell(col * colSize, rowPos);
        fx.setVisible(fx.rowPos() + rowSize >= from && fx.rowPos() <= to);
      }
    }
  }

  // ---- model changes (QQuickItemViewPrivate::applyModelChanges with the grid's insertions) -----------

  protected override applyRowChanges(changes: ModelChange[]): void {
    const items = this.gridItems;
    const prevVisibleItemsFirst = items[0] ?? null;
    const prevVisibleItemsFirstPos = prevVisibleItemsFirst ? prevVisibleItemsFirst.position() : 0;
    const prevVisibleItemsCount = items.length;
    const prevFirstInView = this.firstItemInView();
    const viewPos = prevFirstInView ? prevFirstInView.position() : null;
    let prevFirstInViewIndex = prevFirstInView ? prevFirstInView.index : -1;
    const ins = newChangeResult();
    const rem = newChangeResult();
    /** Items taken out by a move, by the index they go to. */
    const moving = new Map<number, FxGridItem>();
    const added: FxGridItem[] = [];
    const dropped: FxGridItem[] = [];
    let removedCount = 0;
    let count = this.itemCount;
    const structural = changes.filter((c) => c.kind !== 'change');
    structural.forEach((c, n) => {
      if (c.kind === 'remove' || c.kind === 'move') {
        const index = c.kind === 'move' ? c.from : c.index;
        const isMove = c.kind === 'move';
        count -= c.count;
        removedCount += this.applyRemoval(
          index,
          c.count,
          isMove ? c.to - c.from : null,
          viewPos,
          rem,
          moving,
          dropped,
        );
        const corrected = prevFirstInViewIndex - rem.countBefore;
        if (corrected >= 0 && index < corrected)
          rem.countBefore += index + c.count < corrected ? c.count : corrected - index;
        this.updateVisibleIndex();
        if (isMove) {
          // (Qt applies the removals, then the insertions, of a batch)
          this.repositionFirstItem(
            prevVisibleItemsFirst,
            prevVisibleItemsFirstPos,
            prevFirstInView,
            viewPos,
            ins,
            rem,
          );
          this.layoutVisibleItems(index);
          this.changedVisibleIndex(this.visibleIndex, 0);
        }
      }
      if (c.kind === 'insert' || c.kind === 'move') {
        const index = c.kind === 'move' ? c.to : c.index;
        const wasEmpty = this.visibleItems.length === 0;
        this.applyInsertion(index, c.count, c.kind === 'move', viewPos, ins, moving, added, dropped);
        if (wasEmpty && this.visibleItems.length > 0) (this.visibleItems[0] as FxGridItem).setCell(0, 0);
        count += c.count;
      }
      if (n < structural.length - 1) {
        this.repositionFirstItem(
          prevVisibleItemsFirst,
          prevVisibleItemsFirstPos,
          prevFirstInView,
          viewPos,
          ins,
          rem,
        );
        this.layoutVisibleItems(c.kind === 'move' ? Math.min(c.from, c.to) : c.index);
        prevFirstInViewIndex = this.firstItemInView()?.index ?? -1;
      }
    });
    this.itemCount = count;
    for (const fx of added) fx.attached?.$emit(ATT.add, undefined);
    if (removedCount !== prevVisibleItemsCount)
      this.repositionFirstItem(
        prevVisibleItemsFirst,
        prevVisibleItemsFirstPos,
        prevFirstInView,
        viewPos,
        ins,
        rem,
      );
    // Whatever was taken out and not put back is no longer a visible item.
    for (const fx of moving.values()) dropped.push(fx);
    for (const fx of dropped)
      if (!this.visibleItems.includes(fx) && !this.vt?.isPending(fx)) this.releaseOrKeep(fx);
  }

  /** QQuickItemViewPrivate::applyRemovalChange; returns how many visible items went (moves excepted). */
  private applyRemoval(
    index: number,
    count: number,
    moveBy: number | null,
    viewPos: number | null,
    result: ChangeResult,
    moving: Map<number, FxGridItem>,
    dropped: FxGridItem[],
  ): number {
    let removedCount = 0;
    const items = this.gridItems;
    const first = items[0];
    for (let i = 0; i < items.length; ) {
      const fx = items[i]!;
      if (fx.index === -1 || fx.index < index) {
        i++;
      } else if (fx.index >= index + count) {
        fx.index -= count;
        this.vt?.displaced(fx, moveBy !== null ? 'move' : 'remove');
        i++;
      } else {
        if (moveBy === null) fx.attached?.$emit(ATT.remove, undefined);
        if (viewPos !== null) {
          if (fx.position() < viewPos) {
            result.sizeBefore += fx.size();
            result.countBefore++;
          } else {
            result.sizeAfter += fx.size();
          }
        }
        if (fx === first) result.changedFirstItem = true;
        if (moveBy !== null) {
          moving.set(fx.index + moveBy, fx);
        } else {
          this.vt?.removed(fx, fx.index);
          dropped.push(fx);
          removedCount++;
        }
        fx.index = -1;
        items.splice(i, 1);
      }
    }
    return removedCount;
  }

  /** QQuickGridViewPrivate::applyInsertionChange. */
  private applyInsertion(
    modelIndex: number,
    count: number,
    isMove: boolean,
    viewPos: number | null,
    result: ChangeResult,
    moving: Map<number, FxGridItem>,
    added: FxGridItem[],
    dropped: FxGridItem[],
  ): void {
    const items = this.gridItems;
    const columns = this.columns;
    const rowSize = this.rowSize();
    const colSize = this.colSize();
    let index = items.length > 0 ? this.mapFromModel(modelIndex) : 0;
    if (index < 0) {
      let i = items.length - 1;
      while (i > 0 && items[i]!.index === -1) i--;
      if (items[i]!.index + 1 === modelIndex) {
        // Appending to the model, right after the visible items.
        index = items.length;
      } else {
        if (modelIndex <= this.visibleIndex) {
          // Before the visible items.
          this.visibleIndex += count;
          for (const fx of items) if (fx.index !== -1 && fx.index >= modelIndex) fx.index += count;
        }
        return;
      }
    }
    const tempPos = this.isContentFlowReversed
      ? -this.position() - this.viewSize() + this.width + 1
      : this.position();
    let colPos = 0;
    let rowPos = 0;
    let colNum = 0;
    if (items.length > 0) {
      if (index < items.length) {
        const fx = items[index]!;
        rowPos = fx.rowPos();
        colPos = fx.colPos();
        colNum = Math.floor((colPos + colSize / 2) / colSize);
      } else {
        const fx = items[index - 1]!;
        rowPos = fx.rowPos();
        colNum = Math.floor((fx.colPos() + colSize / 2) / colSize);
        if (++colNum >= columns) {
          colNum = 0;
          rowPos += rowSize;
        }
        colPos = colNum * colSize;
      }
    }
    for (const fx of items) {
      if (fx.index === -1 || fx.index < modelIndex) continue;
      fx.index += count;
      this.vt?.displaced(fx, isMove ? 'move' : 'insert');
    }
    const take = (i: number): FxGridItem | null => {
      let fx: FxGridItem | null = null;
      if (isMove) {
        fx = moving.get(i) ?? null;
        moving.delete(i);
        if (fx) {
          fx.index = i;
          this.vt?.moved(fx);
        }
      }
      fx ??= this.createItem(i) as FxGridItem | null;
      if (fx !== null && !isMove) this.vt?.added(fx);
      return fx;
    };
    if (viewPos !== null && rowPos < viewPos) {
      // Before the first item in view.
      const insertionIdx = index;
      const from = tempPos - this.buffer - this.displayMarginBeginning;
      if (rowPos > from && insertionIdx < this.visibleIndex) {
        // (not visible: only the size counts, for repositioning)
        result.countBefore += count;
        result.sizeBefore += Math.trunc((count + columns - 1) / columns) * rowSize;
      } else {
        for (let i = count - 1; i >= 0; i--) {
          const fx = take(modelIndex + i);
          if (!fx) return;
          fx.item.setCulled(false);
          items.splice(insertionIdx, 0, fx);
          if (insertionIdx === 0) result.changedFirstItem = true;
          if (!isMove) {
            added.push(fx);
            fx.setCell(colPos, rowPos);
          }
          result.sizeBefore += rowSize;
          if (--colNum < 0) {
            colNum = columns - 1;
            rowPos -= rowSize;
          }
          colPos = colNum * colSize;
          index++;
        }
      }
      // The index shift above may leave a gap in the visible items: drop those before it.
      let firstOk = -1;
      for (let i = 0; i <= insertionIdx && i < items.length - 1; i++) {
        if (items[i]!.index + 1 !== items[i + 1]!.index) {
          firstOk = i + 1;
          break;
        }
      }
      for (let i = 0; i < firstOk; i++) {
        const fx = items.shift()!;
        const a = added.indexOf(fx);
        if (a >= 0) added.splice(a, 1);
        dropped.push(fx);
      }
    } else {
      const to = this.buffer + this.displayMarginEnd + tempPos + this.viewSize() - 1;
      for (let i = 0; i < count && rowPos <= to + (rowSize * (columns - colNum)) / (columns + 1); i++) {
        const fx = take(modelIndex + i);
        if (!fx) return;
        fx.item.setCulled(false);
        items.splice(index, 0, fx);
        if (index === 0) result.changedFirstItem = true;
        if (!isMove) added.push(fx);
        result.sizeAfter += rowSize;
        if (++colNum >= columns) {
          colNum = 0;
          rowPos += rowSize;
        }
        colPos = colNum * colSize;
        index++;
      }
    }
    this.updateVisibleIndex();
  }

  /** The index in the visible items of model row `modelIndex`, or -1 (mapFromModel). */
  private mapFromModel(modelIndex: number): number {
    const items = this.visibleItems;
    if (modelIndex < this.visibleIndex || modelIndex >= this.visibleIndex + items.length) return -1;
    for (let i = 0; i < items.length; i++) {
      const fx = items[i]!;
      if (fx.index === modelIndex) return i;
      if (fx.index > modelIndex) return -1;
    }
    return -1;
  }

  private updateVisibleIndex(): void {
    this.visibleIndex = 0;
    for (const fx of this.visibleItems) {
      if (fx.index !== -1) {
        this.visibleIndex = fx.index;
        break;
      }
    }
  }

  /** QQuickItemViewPrivate::repositionFirstItem: the content does not jump for changes before the view. */
  private repositionFirstItem(
    prevVisibleItemsFirst: FxGridItem | null,
    prevVisibleItemsFirstPos: number,
    prevFirstVisible: FxViewItem | null,
    viewPos: number | null,
    ins: ChangeResult,
    rem: ChangeResult,
  ): void {
    const items = this.gridItems;
    if (items.length === 0) return;
    const first = items[0]!;
    if (prevVisibleItemsFirst && ins.changedFirstItem) first.setCell(0, prevVisibleItemsFirstPos);
    if (prevFirstVisible && prevVisibleItemsFirst === prevFirstVisible && prevFirstVisible !== first) {
      // The first visible item was moved or removed: the new first takes its place.
      if (!ins.changedFirstItem) first.setCell(0, prevVisibleItemsFirstPos);
    } else if (viewPos !== null) {
      let forwards = 0;
      let backwards = 0;
      const pos = first.position();
      if (pos > viewPos) {
        forwards = ins.sizeAfter;
        backwards = rem.sizeAfter;
      } else if (pos < viewPos) {
        forwards = rem.sizeBefore;
        backwards = ins.sizeBefore;
      }
      this.adjustFirstItem(forwards, backwards, ins.countBefore - rem.countBefore);
    }
    resetChangeResult(ins);
    resetChangeResult(rem);
  }

  /** QQuickGridViewPrivate::adjustFirstItem. */
  private adjustFirstItem(forwards: number, backwards: number, changeBeforeVisible: number): void {
    const first = this.gridItems[0];
    if (!first) return;
    const columns = this.columns;
    let moveCount = Math.trunc((forwards - backwards) / this.rowSize());
    if (moveCount === 0 && changeBeforeVisible !== 0)
      moveCount += (changeBeforeVisible % columns) - (columns - 1);
    first.setCell(first.colPos(), first.rowPos() + Math.trunc(moveCount / columns) * this.rowSize());
  }

  // ---- header and footer --------------------------------------------------------------------------

  protected override headerSize(): number {
    const fx = this.headerFx;
    if (!fx) return 0;
    return fx.item.$v[this.isVertical ? ITEM.height : ITEM.width] as number;
  }

  protected override footerSize(): number {
    const fx = this.footerFx;
    if (!fx) return 0;
    return fx.item.$v[this.isVertical ? ITEM.height : ITEM.width] as number;
  }

  /** The header's or footer's offsets in its cell under the layout directions. */
  private headerFooterOffsets(fx: FxGridItem, rowOffset: number): [number, number] {
    let colOffset = 0;
    const w = fx.item.$v[ITEM.width] as number;
    const h = fx.item.$v[ITEM.height] as number;
    if (this.isRightToLeftLayout) {
      if (!this.isVertical) rowOffset += w - this.cellWidth;
      else colOffset += w - this.cellWidth;
    }
    if (this.isBottomToTopLayout) {
      if (!this.isVertical) colOffset += h - this.cellHeight;
      else rowOffset += h - this.cellHeight;
    }
    return [colOffset, rowOffset];
  }

  protected override updateHeader(): void {
    const created = !this.headerFx;
    const fx = this.headerOrFooter(true) as FxGridItem | null;
    if (!fx) return;
    const [colOffset, rowOffset] = this.headerFooterOffsets(fx, -this.headerSize());
    const reversed = this.isContentFlowReversed;
    if (this.visibleItems.length > 0) {
      const startPos = this.originPosition();
      if (this.visibleIndex === 0) {
        fx.setCell(colOffset, startPos + rowOffset);
      } else {
        const tempPos = reversed ? -this.position() - this.viewSize() : this.position();
        const headerPos = reversed ? fx.rowPos() + this.cellWidth - this.headerSize() : fx.rowPos();
        if (tempPos <= startPos || headerPos > startPos + rowOffset)
          fx.setCell(colOffset, startPos + rowOffset);
      }
    } else if (reversed) {
      fx.setCell(colOffset, rowOffset);
    } else {
      fx.setCell(colOffset, -this.headerSize());
    }
    if (created) this.$store(IV.headerItem, fx.item);
  }

  protected override updateFooter(): void {
    const created = !this.footerFx;
    const fx = this.headerOrFooter(false) as FxGridItem | null;
    if (!fx) return;
    const [colOffset, rowOffset] = this.headerFooterOffsets(fx, 0);
    if (this.visibleItems.length > 0) {
      const endPos = this.lastPosition();
      if (this.findLastVisibleIndex() === this.modelCount - 1) {
        fx.setCell(colOffset, endPos + rowOffset);
      } else {
        const visiblePos = this.isContentFlowReversed ? -this.position() : this.position() + this.viewSize();
        if (endPos <= visiblePos || fx.endPosition() <= endPos + rowOffset)
          fx.setCell(colOffset, endPos + rowOffset);
      }
    } else {
      fx.setCell(colOffset, rowOffset);
    }
    if (created) this.$store(IV.footerItem, fx.item);
  }

  // ---- current item and highlight ----------------------------------------------------------------------

  protected override initializeCurrentItem(): void {
    const fx = this.currentItemFx as FxGridItem | null;
    const ci = this.currentIndexValue;
    // (not an item about to be moved by a transition)
    if (fx && ci >= 0 && !this.visibleItem(ci)?.t?.transitionScheduledOrRunning())
      fx.setCell(this.colPosAt(ci), this.rowPosAt(ci));
  }

  protected override createHighlight(): void {
    let changed = false;
    if (this.highlightFx) {
      if (this.trackedItem === this.highlightFx) this.trackedItem = null;
      const old = this.highlightFx;
      this.highlightFx = null;
      old.item.removeListener(this.tracker);
      old.item.$destroy();
      this.highlightXAnimator?.stop();
      this.highlightYAnimator?.stop();
      this.highlightXAnimator = this.highlightYAnimator = null;
      changed = true;
    }
    if (this.currentItemFx && !this.$destroyed) {
      this.inRequest = true;
      const item = this.createComponentItem(this.$v[IV.highlight] as QmlComponent | null, 0, true);
      this.inRequest = false;
      if (item) {
        const fx = this.newViewItem(item);
        item.addListener(this.tracker);
        // (Qt resets the position of the highlight it had: none)
        const driver = () => this.$engine?.animations ?? null;
        const duration = this.$v[IV.highlightMoveDuration] as number;
        this.highlightXAnimator = new SmoothedAnimation(
          driver,
          () => item.$v[ITEM.x] as number,
          (v) => item.setX(v),
        );
        this.highlightXAnimator.userDuration = duration;
        this.highlightYAnimator = new SmoothedAnimation(
          driver,
          () => item.$v[ITEM.y] as number,
          (v) => item.setY(v),
        );
        this.highlightYAnimator.userDuration = duration;
        this.highlightFx = fx;
        changed = true;
      }
    }
    if (changed) this.$store(IV.highlightItem, this.highlightFx ? this.highlightFx.item : null);
  }

  protected override updateHighlight(): void {
    this.applyPendingChanges();
    if ((!this.currentItemFx && this.highlightFx) || (this.currentItemFx && !this.highlightFx))
      this.createHighlight();
    const current = this.currentItemFx;
    const hl = this.highlightFx;
    if (current && this.autoHighlight && hl && (!this.strictHighlightRange || !this.pressed)) {
      this.highlightXAnimator!.to = current.item.$v[ITEM.x] as number;
      this.highlightYAnimator!.to = current.item.$v[ITEM.y] as number;
      hl.item.setWidth(current.item.$v[ITEM.width] as number);
      hl.item.setHeight(current.item.$v[ITEM.height] as number);
      this.highlightXAnimator!.restart();
      this.highlightYAnimator!.restart();
    }
    this.updateTrackedItem();
  }

  protected override resetHighlightPosition(): void {
    const hl = this.highlightFx as FxGridItem | null;
    const current = this.currentItemFx as FxGridItem | null;
    if (hl && current) hl.setCell(current.colPos(), current.rowPos());
  }

  protected override movingFromHighlight(): boolean {
    if (!this.strictHighlightRange) return false;
    return (this.highlightXAnimator?.isRunning ?? false) || (this.highlightYAnimator?.isRunning ?? false);
  }

  override onHighlightMoveDurationChanged(): void {
    const duration = this.$v[IV.highlightMoveDuration] as number;
    if (this.highlightXAnimator) this.highlightXAnimator.userDuration = duration;
    if (this.highlightYAnimator) this.highlightYAnimator.userDuration = duration;
  }

  override onHighlightFollowsCurrentItemChanged(): void {
    if (!this.autoHighlight) {
      this.highlightXAnimator?.stop();
      this.highlightYAnimator?.stop();
    }
    super.onHighlightFollowsCurrentItemChanged();
  }

  /**
   * Scrolling with a strictly enforced range: the highlight stays in the
   * range, and the cell under it becomes the current one (QQuickGridView::viewportMoved).
   */
  protected override keepHighlightInRange(highlight: FxViewItem): void {
    const hl = highlight as FxGridItem;
    let pos = hl.position();
    const viewPos = this.isContentFlowReversed ? -this.position() - this.viewSize() : this.position();
    if (pos > viewPos + this.highlightRangeEnd - hl.size())
      pos = viewPos + this.highlightRangeEnd - hl.size();
    if (pos < viewPos + this.highlightRangeStart) pos = viewPos + this.highlightRangeStart;
    if (pos !== hl.position()) {
      this.highlightXAnimator?.stop();
      this.highlightYAnimator?.stop();
      hl.setCell(hl.colPos(), pos);
    } else {
      this.updateHighlight();
    }
    const idx = this.snapIndex();
    if (idx >= 0 && idx !== this.currentIndexValue) {
      this.updateCurrent(idx);
      const current = this.currentItemFx as FxGridItem | null;
      if (current && current.colPos() !== hl.colPos() && this.autoHighlight) {
        if (this.isVertical) this.highlightXAnimator!.to = current.item.$v[ITEM.x] as number;
        else this.highlightYAnimator!.to = current.item.$v[ITEM.y] as number;
      }
    }
  }

  /** The item under the highlight (QQuickGridViewPrivate::snapIndex). */
  private snapIndex(): number {
    let index = this.currentIndexValue;
    const hl = this.highlightFx as FxGridItem;
    const rowSize = this.rowSize();
    const colSize = this.colSize();
    for (const fx of this.gridItems) {
      if (fx.index === -1) continue;
      const itemTop = fx.position();
      if (itemTop >= hl.rowPos() - rowSize / 2 && itemTop < hl.rowPos() + rowSize / 2) {
        index = fx.index;
        if (fx.colPos() >= hl.colPos() - colSize / 2 && fx.colPos() < hl.colPos() + colSize / 2)
          return fx.index;
      }
    }
    return index;
  }

  protected override delegateGeometryChanged(_item: Item, _change: Change, _old: number): void {}

  protected override resized(_change: Change, _dw: number, _dh: number): void {
    this.resetColumns();
  }

  // ---- snapping and flicking -----------------------------------------------------------------------

  /** The row to snap to at `pos` (QQuickGridViewPrivate::snapItemAt). */
  private snapRowAt(pos: number): FxGridItem | null {
    const rowSize = this.rowSize();
    for (const fx of this.gridItems) {
      if (fx.index === -1) continue;
      const itemTop = fx.position();
      if (itemTop + rowSize / 2 >= pos && itemTop - rowSize / 2 <= pos) return fx;
    }
    return null;
  }

  private snapRowPosAt(pos: number): number {
    const items = this.gridItems;
    if (items.length === 0) return 0;
    const rowSize = this.rowSize();
    const highlightStart = this.highlightRangeStart;
    pos += highlightStart + rowSize / 2;
    let snapPos = items[0]!.rowPos() - Math.trunc(this.visibleIndex / this.columns) * rowSize;
    snapPos = pos - ((pos - snapPos) % rowSize);
    snapPos -= highlightStart;
    let maxExtent: number;
    let minExtent: number;
    if (this.isContentFlowReversed) {
      maxExtent = this.minXExtent() - this.viewSize();
      minExtent = this.maxXExtent() - this.viewSize();
    } else {
      maxExtent = this.isVertical ? -this.maxYExtent() : -this.maxXExtent();
      minExtent = this.isVertical ? -this.minYExtent() : -this.minXExtent();
    }
    if (snapPos > maxExtent) snapPos = maxExtent;
    if (snapPos < minExtent) snapPos = minExtent;
    return snapPos;
  }

  /** QQuickGridViewPrivate::fixup: back onto a row with snapping, into the range when it is enforced. */
  protected override fixup(d: AxisData, minExtent: number, maxExtent: number): void {
    if (this.isVertical ? d === this.hData : d === this.vData) return;
    if (this.moveReason !== MoveReason.Mouse) this.setImmediateFixup();
    const reversed = this.isContentFlowReversed;
    const size = this.viewSize();
    const rowSize = this.rowSize();
    let viewPos = reversed ? -this.position() - size : this.position();
    const strict = this.strictHighlightRange;
    const hrs = this.highlightRangeStart;
    const hre = this.highlightRangeEnd;
    if (this.snapModeValue !== NO_SNAP) {
      let tempPosition = viewPos;
      if (this.snapModeValue === SNAP_ONE_ROW && this.moveReason === MoveReason.Mouse) {
        // Dragged less than half a row: lean towards the next one.
        const dist = d.move.value - d.pressPos;
        let bias = 0;
        if (d.velocity > 0 && dist > SNAP_ONE_THRESHOLD && dist < rowSize / 2) bias = rowSize / 2;
        else if (d.velocity < 0 && dist < -SNAP_ONE_THRESHOLD && dist > -rowSize / 2) bias = -rowSize / 2;
        if (reversed) bias = -bias;
        tempPosition -= bias;
      }
      const inRange = (fx: FxViewItem | null): FxViewItem | null => {
        const current = this.currentItemFx;
        if (strict && current && (!fx || (fx.index !== this.currentIndexValue && this.immediateFixup))) {
          this.updateHighlight();
          return current;
        }
        return fx;
      };
      const topItem = inRange(this.snapRowAt(tempPosition + hrs));
      const bottomItem = inRange(this.snapRowAt(tempPosition + hre));
      const isInBounds = -this.position() > maxExtent && -this.position() <= minExtent;
      let pos: number;
      const header = this.headerFx as FxGridItem | null;
      if (topItem && (isInBounds || strict)) {
        const headerPos = header ? header.rowPos() : 0;
        if (
          topItem.index === 0 &&
          header &&
          tempPosition + hrs < headerPos + this.headerSize() / 2 &&
          !strict
        ) {
          pos = reversed ? -headerPos + hrs - size : headerPos - hrs;
        } else if (reversed) {
          pos = Math.max(Math.min(-topItem.position() + hrs - size, -maxExtent), -minExtent);
        } else {
          pos = Math.max(Math.min(topItem.position() - hrs, -maxExtent), -minExtent);
        }
      } else if (bottomItem && isInBounds) {
        pos = reversed
          ? Math.max(Math.min(-bottomItem.position() + hre - size, -maxExtent), -minExtent)
          : Math.max(Math.min(bottomItem.position() - hre, -maxExtent), -minExtent);
      } else {
        this.flickableFixup(d, minExtent, maxExtent);
        return;
      }
      if (Math.abs(d.move.value + pos) > 0) {
        this.timeline.reset(d.move);
        this.fixupTo(d, pos, Easing.InOutQuad);
        d.vTime = this.timeline.time;
      }
    } else if (strict) {
      const current = this.currentItemFx as FxGridItem | null;
      if (current) {
        this.updateHighlight();
        const pos = current.rowPos();
        if (viewPos < pos + rowSize - hre) viewPos = pos + rowSize - hre;
        if (viewPos > pos - hrs) viewPos = pos - hrs;
        if (reversed) viewPos = -viewPos - size;
        this.timeline.reset(d.move);
        if (viewPos !== this.position()) this.fixupTo(d, viewPos, Easing.InOutQuad);
        d.vTime = this.timeline.time;
      }
    } else {
      this.flickableFixup(d, minExtent, maxExtent);
      return;
    }
    d.inOvershoot = false;
    this.resetFixupMode();
  }

  /** QQuickGridViewPrivate::flick: snapping grids stop exactly on a row. */
  protected override flickAxis(
    d: AxisData,
    minExtent: number,
    maxExtent: number,
    vSize: number,
    vertical: boolean,
    velocity: number,
    wheel: boolean,
  ): boolean {
    d.fixingUp = false;
    this.moveReason = MoveReason.Mouse;
    const snapMode = this.snapModeValue;
    const strict = this.strictHighlightRange;
    if (!strict && snapMode === NO_SNAP)
      return this.flickableFlickAxis(d, minExtent, maxExtent, vSize, vertical, velocity, wheel);
    const reversed = this.isContentFlowReversed;
    const size = this.viewSize();
    const rowSize = this.rowSize();
    let maxDistance = 0;
    const dataValue = reversed ? -d.move.value + size : d.move.value;
    let vel = velocity;
    if (vel > 0) {
      if (d.move.value < minExtent) {
        if (snapMode === SNAP_ONE_ROW) {
          // Dragged less than half a row: aim for the next one.
          const dist = d.move.value - d.pressPos;
          let bias = dist < rowSize / 2 ? rowSize / 2 : 0;
          if (reversed) bias = -bias;
          d.flickTarget = -this.snapRowPosAt(-dataValue - bias);
          maxDistance = Math.abs(d.flickTarget - d.move.value);
          vel = this.maxVelocity;
        } else {
          maxDistance = Math.abs(minExtent - d.move.value);
        }
      }
    } else if (d.move.value > maxExtent) {
      if (snapMode === SNAP_ONE_ROW) {
        const dist = d.move.value - d.pressPos;
        let bias = -dist < rowSize / 2 ? rowSize / 2 : 0;
        if (reversed) bias = -bias;
        d.flickTarget = -this.snapRowPosAt(-dataValue + bias);
        maxDistance = Math.abs(d.flickTarget - d.move.value);
        vel = -this.maxVelocity;
      } else {
        maxDistance = Math.abs(maxExtent - d.move.value);
      }
    }
    const overShoot = (this.boundsBehavior & 2) !== 0;
    const fixup = () => (vertical ? this.fixupY() : this.fixupX());
    if (maxDistance > 0 || overShoot) {
      let v = vel;
      const maxV = this.maxVelocity;
      if (maxV !== -1 && maxV < Math.abs(v)) v = v < 0 ? -maxV : maxV;
      let accel = this.deceleration;
      const v2 = v * v;
      let overshootDist = 0;
      if ((maxDistance > 0 && v2 / (2 * maxDistance) < accel) || snapMode === SNAP_ONE_ROW) {
        // (+ rowSize / 4 to move at least one row in the flick's direction)
        let dist = Math.min(v2 / (accel * 2) + rowSize / 4, maxDistance);
        if (v > 0) dist = -dist;
        if (snapMode !== SNAP_ONE_ROW) {
          const distTemp = reversed ? -dist : dist;
          d.flickTarget = -this.snapRowPosAt(-dataValue + distTemp);
        }
        d.flickTarget = reversed ? -d.flickTarget + size : d.flickTarget;
        const aim = this.aimFlick(d, v, dist, minExtent, maxExtent, vSize, overShoot, true);
        v = aim.v;
        accel = aim.accel;
        overshootDist = aim.overshoot;
      } else {
        d.flickTarget = vel > 0 ? minExtent : maxExtent;
        overshootDist = overShoot ? this.overShootDistance(vSize) : 0;
      }
      this.timeline.reset(d.move);
      this.timeline.accel(d.move, v, accel, maxDistance + overshootDist);
      this.timeline.callback(d.move, fixup);
      return true;
    }
    this.timeline.reset(d.move);
    this.fixup(d, minExtent, maxExtent);
    return false;
  }

  // ---- keys and QML methods -----------------------------------------------------------------------------

  override keyPressEvent(e: KeyEventLike): boolean {
    if (this.modelCount && (this.$v[IV.keyNavigationEnabled] as boolean)) {
      this.moveReason = MoveReason.SetIndex;
      const old = this.currentIndexValue;
      if (e.key === KEY_UP) this.moveCurrentIndexUp();
      else if (e.key === KEY_DOWN) this.moveCurrentIndexDown();
      else if (e.key === KEY_LEFT) this.moveCurrentIndexLeft();
      else if (e.key === KEY_RIGHT) this.moveCurrentIndexRight();
      if (old !== this.currentIndexValue) return true;
    }
    return false;
  }

  /** One cell back (-1) or forward (+1), or one row (±columns), wrapping when keyNavigationWraps. */
  private moveCurrent(step: number): void {
    const count = this.modelCount;
    if (!count) return;
    const ci = this.currentIndexValue;
    const wrap = this.$v[IV.keyNavigationWraps] as boolean;
    const canMove = step < 0 ? ci >= -step : ci < count - step;
    if (!(canMove || wrap)) return;
    const index = ci + step;
    this.moveReason = MoveReason.SetIndex;
    this.setCurrentIndexValue(index >= 0 && index < count ? index : step < 0 ? count - 1 : 0);
  }

  moveCurrentIndexUp(): void {
    this.moveCurrent(this.isVertical ? -this.columns : -1);
  }

  moveCurrentIndexDown(): void {
    this.moveCurrent(this.isVertical ? this.columns : 1);
  }

  moveCurrentIndexLeft(): void {
    const back = this.isVertical ? -1 : -this.columns;
    this.moveCurrent(this.isRightToLeftLayout ? -back : back);
  }

  moveCurrentIndexRight(): void {
    const forward = this.isVertical ? 1 : this.columns;
    this.moveCurrent(this.isRightToLeftLayout ? -forward : forward);
  }

  // ---- properties with side effects ---------------------------------------------------------------------

  /** QQuickGridView::setCellWidth/setCellHeight. */
  setCellSize(width: boolean, value: number): void {
    const index = width ? GV.cellWidth : GV.cellHeight;
    if (value === this.$v[index] || !(value > 0)) return;
    this.$v[index] = Math.max(1, value);
    this.updateViewport();
    this.$emit(width ? GV.cellWidthChanged : GV.cellHeightChanged, undefined);
    this.forceLayoutPolish();
    if (width) this.flickableSetContentX(this.contentXForPosition(this.position()));
    else this.flickableSetContentY(this.contentYForPosition(this.position()));
  }

  /** QQuickGridView::setFlow. */
  onFlowChanged(): void {
    this.onOrientationChanged(true);
  }

  override $teardown(): void {
    this.highlightXAnimator?.stop();
    this.highlightYAnimator?.stop();
    super.$teardown();
  }
}

export const GridViewMeta: MetaObject = defineType(GridView, ItemViewMeta, {
  name: 'GridView',
  cppClass: 'QQuickGridView',
  properties: {
    flow: { type: 'enumeration', changed: (o) => (o as GridView).onFlowChanged() },
    cellWidth: {
      type: 'real',
      default: 100,
      write: (o, v) => (o as GridView).setCellSize(true, v as number),
    },
    cellHeight: {
      type: 'real',
      default: 100,
      write: (o, v) => (o as GridView).setCellSize(false, v as number),
    },
    snapMode: { type: 'enumeration' },
  },
  methods: ['moveCurrentIndexUp', 'moveCurrentIndexDown', 'moveCurrentIndexLeft', 'moveCurrentIndexRight'],
  enums: {
    FlowLeftToRight: 0,
    FlowTopToBottom: 2,
    NoSnap: 0,
    SnapToRow: 1,
    SnapOneRow: 2,
  },
  attachedType: () => GridViewAttachedMeta,
});

const GV = {
  flow: GridViewMeta.index('flow'),
  cellWidth: GridViewMeta.index('cellWidth'),
  cellHeight: GridViewMeta.index('cellHeight'),
  snapMode: GridViewMeta.index('snapMode'),
  cellWidthChanged: GridViewMeta.signalsByName.get('cellWidthChanged')!.index,
  cellHeightChanged: GridViewMeta.signalsByName.get('cellHeightChanged')!.index,
};
