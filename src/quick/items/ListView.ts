// ListView (QQuickListView on QQuickItemView): a Flickable that creates
// delegates only for the visible range plus cacheBuffer, lays them out in a
// row or column, and estimates the rest of the content from the average
// size of the delegates it has (contentHeight = average size x count plus
// spacing, header and footer). Model changes are recorded and applied once
// per frame (polish); scrolling refills synchronously, as Qt does. The
// algorithms follow qquickitemview.cpp / qquicklistview.cpp: the fill and
// release conditions, the one-frame pause before the cache buffer is filled
// (in the direction of movement only), the highlight item that always
// exists, the current item kept alive outside the visible range, and the
// first visible item keeping its place when rows are inserted or removed
// above it.
//
// ItemView is the part GridView shares (QQuickItemView): the delegate model,
// the current item and highlight, header and footer, the cache buffer, the
// model changes, extents, fixup and flick. The list's placement is its
// default; GridView overrides the placement, the refill and the snapping.
// The section code (list-sections.ts) loads on first use.
import type { AnimationDriver, FrameAnimation } from '../../engine/animation';
import { removeAt } from '../../engine/arrays';
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { type ComponentFactory, type QmlComponent, QtObjectMeta } from '../../engine/qtqml';
import { currentObserver } from '../../engine/reactive';
import {
  copyArrayModelOnRead,
  DelegateModel,
  type DelegateModelHost,
  MODEL_PROPERTY,
  type ModelChange,
  movedIndex,
  ReleaseFlag,
} from '../models/delegate-model';
import {
  type AxisData,
  FixupMode,
  FLICK,
  Flickable,
  FlickableMeta,
  MINIMUM_FLICK_VELOCITY,
} from './Flickable';
import { Change, ITEM, Item, type ItemChangeListener, type KeyEventLike } from './Item';
import { SmoothedAnimation } from './smoothed-animation';
import { Easing } from './timeline';
import type { ItemViewTransitions, TransitionableItem } from './view-transition';

const VERTICAL = 2;
const HORIZONTAL = 1;
const RIGHT_TO_LEFT = 1;
const BOTTOM_TO_TOP = 3;
const BUFFER_BEFORE = 1;
const BUFFER_AFTER = 2;
const KEY_LEFT = 0x01000012;
const KEY_UP = 0x01000013;
const KEY_RIGHT = 0x01000014;
const KEY_DOWN = 0x01000015;
const SNAP_NONE = 0;
const NO_HIGHLIGHT_RANGE = 0;
const STRICTLY_ENFORCE_RANGE = 2;
const SNAP_ONE_ITEM = 2;
/** QML_FLICK_SNAPONETHRESHOLD: a drag shorter than this does not lean to the next item. */
const SNAP_ONE_THRESHOLD = 30;

export enum MoveReason {
  Other,
  SetIndex,
  Mouse,
}

/** `ListView.view`, `GridView.isCurrentItem`, ... on a delegate's root item (QQuickItemViewAttached). */
export class ItemViewAttached extends QObject {
  declare readonly view: ItemView | null;
  declare readonly isCurrentItem: boolean;
  declare delayRemove: boolean;
  /** The section header shown above the delegate (Qt's m_sectionItem), or null. */
  sectionItem: Item | null = null;
}
export const ItemViewAttachedMeta: MetaObject = defineType(ItemViewAttached, QtObjectMeta, {
  name: 'ItemView',
  cppClass: 'QQuickItemViewAttached',
  properties: {
    view: { type: 'Item', readonly: true },
    isCurrentItem: { type: 'bool', readonly: true },
    delayRemove: { type: 'bool' },
    previousSection: { type: 'string', readonly: true },
    section: { type: 'string', readonly: true },
    nextSection: { type: 'string', readonly: true },
  },
  signals: { add: {}, remove: {}, pooled: {}, reused: {} },
  creatable: false,
});
export const ATT = {
  view: ItemViewAttachedMeta.index('view'),
  isCurrentItem: ItemViewAttachedMeta.index('isCurrentItem'),
  delayRemove: ItemViewAttachedMeta.index('delayRemove'),
  previousSection: ItemViewAttachedMeta.index('previousSection'),
  section: ItemViewAttachedMeta.index('section'),
  nextSection: ItemViewAttachedMeta.index('nextSection'),
  add: ItemViewAttachedMeta.signalsByName.get('add')!.index,
  remove: ItemViewAttachedMeta.signalsByName.get('remove')!.index,
};

class ListViewAttached extends ItemViewAttached {}
const ListViewAttachedMeta: MetaObject = defineType(ListViewAttached, ItemViewAttachedMeta, {
  name: 'ListView',
  cppClass: 'QQuickListViewAttached',
  properties: {},
  creatable: false,
});

/** `section { property: "name"; criteria: ViewSection.FullString }` */
export class ViewSection extends QObject {
  view: ItemView | null = null;
}
export const ViewSectionMeta: MetaObject = defineType(ViewSection, QtObjectMeta, {
  name: 'ViewSection',
  cppClass: 'QQuickViewSection',
  properties: {
    property: { type: 'string', changed: (o) => (o as ViewSection).view?.sectionCriteriaChanged() },
    criteria: { type: 'enumeration', changed: (o) => (o as ViewSection).view?.sectionCriteriaChanged() },
    delegate: { type: 'Component', changed: (o) => (o as ViewSection).view?.sectionDelegateChanged() },
    labelPositioning: {
      type: 'enumeration',
      default: 1,
      changed: (o) => (o as ViewSection).view?.sectionLayoutChanged(),
    },
  },
  enums: { FullString: 0, FirstCharacter: 1, InlineLabels: 1, CurrentLabelAtStart: 2, NextLabelAtEnd: 4 },
  creatable: false,
});
export const SECTION = {
  property: ViewSectionMeta.index('property'),
  criteria: ViewSectionMeta.index('criteria'),
  delegate: ViewSectionMeta.index('delegate'),
  labelPositioning: ViewSectionMeta.index('labelPositioning'),
};
/** ListView.InlineHeader/OverlayHeader/PullBackHeader (and the footer's). */
const INLINE = 0;
const OVERLAY = 1;
const PULL_BACK = 2;

/**
 * A delegate, header, footer or highlight placed by the view (FxListItemSG;
 * GridView's FxGridItem places it in a cell).
 * A delegate that starts a section has its section header above it: its
 * position and size then include the header's, and itemPosition/itemSize
 * are the delegate's own.
 */
export class FxViewItem {
  index = -1;
  /** Where a view transition takes the item, once it has one (transitionableItem). */
  t: TransitionableItem | null = null;
  constructor(
    readonly item: Item,
    readonly view: ItemView,
    readonly attached: ItemViewAttached | null,
  ) {}

  /** Where the item is, or is going (FxViewItem::itemX). */
  protected get x(): number {
    return this.t !== null ? this.t.itemX() : (this.item.$v[ITEM.x] as number);
  }
  protected get y(): number {
    return this.t !== null ? this.t.itemY() : (this.item.$v[ITEM.y] as number);
  }

  /** Moves the item, or sets where its transition takes it (FxViewItem::moveTo). */
  moveTo(x: number, y: number): void {
    if (this.t !== null) this.t.moveTo(x, y);
    else {
      this.item.setX(x);
      this.item.setY(y);
    }
  }
  protected get w(): number {
    return this.item.$v[ITEM.width] as number;
  }
  protected get h(): number {
    return this.item.$v[ITEM.height] as number;
  }

  get section(): Item | null {
    return this.attached?.sectionItem ?? null;
  }

  set section(s: Item | null) {
    this.attached!.sectionItem = s;
  }

  position(): number {
    const s = this.section;
    if (s === null) return this.itemPosition();
    const v = this.view;
    return v.isContentFlowReversed ? -v.extentOf(s) - v.placeOf(s) : v.placeOf(s);
  }

  itemPosition(): number {
    const v = this.view;
    if (v.isVertical) return v.isBottomToTop ? -this.h - this.y : this.y;
    return v.isRightToLeft ? -this.w - this.x : this.x;
  }

  endPosition(): number {
    const v = this.view;
    if (v.isVertical) return v.isBottomToTop ? -this.y : this.y + this.h;
    return v.isRightToLeft ? -this.x : this.x + this.w;
  }

  size(): number {
    return this.itemSize() + this.sectionSize();
  }

  itemSize(): number {
    return this.view.isVertical ? this.h : this.w;
  }

  sectionSize(): number {
    const s = this.section;
    return s === null ? 0 : this.view.extentOf(s);
  }

  /** Places the section header and the item along the list; Qt 6.4 leaves the other coordinate to the item. */
  setPosition(pos: number): void {
    const v = this.view;
    const s = this.section;
    if (s !== null) {
      const extent = v.extentOf(s);
      v.placeAt(s, v.isContentFlowReversed ? -extent - pos : pos);
      pos += extent;
    }
    if (v.isVertical) this.moveTo(this.x, v.isBottomToTop ? -this.h - pos : pos);
    else this.moveTo(v.isRightToLeft ? -this.w - pos : pos, this.y);
  }

  setSize(size: number): void {
    if (this.view.isVertical) this.item.setHeight(size);
    else this.item.setWidth(size);
  }

  contains(x: number, y: number): boolean {
    return x >= this.x && x < this.x + this.w && y >= this.y && y < this.y + this.h;
  }

  /** Qt culls delegates outside the visible area: they stay visible but are not drawn. */
  setVisible(v: boolean): void {
    this.item.setCulled(!v);
  }
}

/** The pause before the cache buffer is filled (Qt's 16 ms bufferPause animation). */
class BufferPause implements FrameAnimation {
  private elapsed = 0;
  private active = false;
  constructor(
    private readonly driver: () => AnimationDriver | null,
    private readonly done: () => void,
  ) {}
  start(): void {
    this.elapsed = 0;
    if (!this.active) {
      this.active = true;
      this.driver()?.start(this);
    }
  }
  stop(): void {
    if (!this.active) return;
    this.active = false;
    this.driver()?.stop(this);
  }
  advance(deltaMs: number): boolean {
    if (!this.active) return false;
    this.elapsed += deltaMs;
    if (this.elapsed < 16) return true;
    this.active = false;
    this.done();
    return false;
  }
}

/**
 * An item a view makes for itself from `component` (a header, footer or
 * highlight): owned by the view, a child of `parent`, `prepare` run on it
 * before its bindings; without a component, a plain Item when `createDefault`.
 */
export function createViewItem(
  owner: Item,
  component: QmlComponent | null,
  parent: Item,
  createDefault: boolean,
  prepare: (root: Item) => void,
): Item | null {
  if (component?.unit && component.creationContext) {
    const factory = component.creationContext.engine as unknown as ComponentFactory;
    let obj: QObject | null = null;
    try {
      obj = factory.createFromComponent(
        component.unit,
        component.creationContext,
        null,
        undefined,
        undefined,
        (root) => {
          if (!(root instanceof Item)) return;
          prepare(root);
          root.$setOwner(owner);
          root.setParentItem(parent);
        },
      );
    } catch (e) {
      owner.$engine?.reportError(e, undefined);
    }
    if (obj instanceof Item) return obj;
    obj?.$destroy();
    return null;
  }
  if (!createDefault) return null;
  const item = new Item();
  item.$engine = owner.$engine;
  item.$setOwner(owner);
  item.$componentComplete();
  item.setParentItem(parent);
  return item;
}

/** What the view asks of its sections (ListSections in list-sections.ts). */
export interface ListSectionsLike {
  itemCreated(fx: FxViewItem): void;
  releaseSectionItem(item: Item): void;
  updateSections(): void;
  updateCurrentSection(): void;
  updateStickySections(): void;
  delegateChanged(): void;
  clear(): void;
}

let sectionsClass: (new (view: ItemView, object: ViewSection) => ListSectionsLike) | null = null;
let loadSections: (() => Promise<unknown>) | null = null;

let makeViewTransitions: ((view: ItemView) => ItemViewTransitions<FxViewItem>) | null = null;

/** Gives the views their transitions (view-transition.ts, loaded with Transition). */
export function provideViewTransitions(make: (view: ItemView) => ItemViewTransitions<FxViewItem>): void {
  makeViewTransitions = make;
}

/** Gives ListView its section code (list-sections.ts) and how to load it when it is not there yet. */
export function provideListSections(
  ctor: (new (view: ItemView, object: ViewSection) => ListSectionsLike) | null,
  load?: () => Promise<unknown>,
): void {
  if (ctor !== null) sectionsClass = ctor;
  if (load !== undefined) loadSections = load;
}

export abstract class ItemView extends Flickable implements DelegateModelHost {
  declare count: number;
  declare currentIndex: number;

  protected readonly dm: DelegateModel;
  visibleItems: FxViewItem[] = [];
  visibleIndex = 0;
  protected visiblePos = 0;
  protected averageSize = 100;
  itemCount = 0;
  protected currentItemFx: FxViewItem | null = null;
  protected highlightFx: FxViewItem | null = null;
  headerFx: FxViewItem | null = null;
  footerFx: FxViewItem | null = null;
  protected trackedItem: FxViewItem | null = null;
  protected readonly pending: ModelChange[] = [];
  protected pendingCurrent: number | null = null;
  protected currentRemoved = false;
  protected moveReason = MoveReason.Other;
  protected bufferMode = BUFFER_BEFORE | BUFFER_AFTER;
  protected fillCacheBuffer = false;
  protected readonly bufferPause: BufferPause;
  protected inLayout = false;
  protected inViewportMoved = false;
  protected inRequest = false;
  protected forceLayoutFlag = false;
  protected currentIndexCleared = false;
  protected correctFlick = false;
  protected inFlickCorrection = false;
  protected highlightPosAnimator: SmoothedAnimation | null = null;
  protected highlightWidthAnimator: SmoothedAnimation | null = null;
  protected highlightHeightAnimator: SmoothedAnimation | null = null;
  /** ListView's sections (list-sections.ts), once `section` was used. */
  sections: ListSectionsLike | null = null;
  /** The view's transitions (view-transition.ts), once one is set. */
  vt: ItemViewTransitions<FxViewItem> | null = null;
  /** Items whose geometry the view follows (visible delegates, current, highlight, header, footer). */
  readonly tracker: ItemChangeListener = {
    itemChanged: (item, change, old) => this.trackedItemChanged(item, change, old),
  };

  constructor() {
    super();
    this.isFocusScope = true;
    this.dm = new DelegateModel(this, this);
    this.bufferPause = new BufferPause(
      () => this.$engine?.animations ?? null,
      () => {
        this.fillCacheBuffer = true;
        this.polish();
      },
    );
    // Qt: a vertical ListView flicks vertically only.
    this.$v[FLICK.flickableDirection] = 2;
  }

  // ---- orientation helpers ------------------------------------------------------------------

  /** The view scrolls vertically (ListView.Vertical; GridView.FlowLeftToRight). */
  abstract get isVertical(): boolean;
  get isRightToLeft(): boolean {
    return !this.isVertical && (this.$v[IV.effectiveLayoutDirection] as number) === RIGHT_TO_LEFT;
  }

  /** The layout direction, turned around under LayoutMirroring (QQuickItemView::effectiveLayoutDirection). */
  protected updateEffectiveLayoutDirection(): void {
    const d = this.$v[IV.layoutDirection] as number;
    this.$store(
      IV.effectiveLayoutDirection,
      this.effectiveLayoutMirror ? (d === RIGHT_TO_LEFT ? 0 : RIGHT_TO_LEFT) : d,
    );
  }

  /** LayoutMirroring changed (QQuickItemViewPrivate::mirrorChange). */
  protected override mirrorChange(): void {
    this.updateEffectiveLayoutDirection();
    this.regenerate(false);
  }
  get isBottomToTop(): boolean {
    return this.isVertical && (this.$v[IV.verticalLayoutDirection] as number) === BOTTOM_TO_TOP;
  }
  get isContentFlowReversed(): boolean {
    return this.isRightToLeft || this.isBottomToTop;
  }
  /** The space between rows (ListView's `spacing`). */
  protected get spacingValue(): number {
    return 0;
  }
  /** The header's and the footer's positioning (ListView's InlineHeader, OverlayHeader, PullBackHeader). */
  protected get headerPositioningValue(): number {
    return INLINE;
  }
  protected get footerPositioningValue(): number {
    return INLINE;
  }
  /** The highlight's move velocity, resize velocity and resize duration (ListView's). */
  protected get highlightMoveVelocityValue(): number {
    return 400;
  }
  protected get highlightResizeVelocityValue(): number {
    return 400;
  }
  protected get highlightResizeDurationValue(): number {
    return -1;
  }
  /** ListView's `currentSection`. */
  get currentSectionName(): string {
    return '';
  }
  set currentSectionName(_section: string) {}
  /** The attached type delegates get (`ListView.isCurrentItem`, `GridView.view`). */
  protected abstract attachedMeta(): MetaObject;

  attachedOf(item: Item): ItemViewAttached {
    return item.$attachedObject(this.attachedMeta()) as ItemViewAttached;
  }

  /** A delegate, header, footer or highlight as the view places it (newViewItem). */
  protected newViewItem(item: Item): FxViewItem {
    return new FxViewItem(item, this, this.attachedOf(item));
  }
  protected get buffer(): number {
    return this.$v[IV.cacheBuffer] as number;
  }
  protected get displayMarginBeginning(): number {
    return this.$v[IV.displayMarginBeginning] as number;
  }
  protected get displayMarginEnd(): number {
    return this.$v[IV.displayMarginEnd] as number;
  }
  protected get autoHighlight(): boolean {
    return this.$v[IV.highlightFollowsCurrentItem] as boolean;
  }
  protected get currentIndexValue(): number {
    return this.$v[IV.currentIndex] as number;
  }
  get modelCount(): number {
    return this.dm.count;
  }
  isValid(): boolean {
    return this.dm.count > 0;
  }
  /** contentY (contentX when horizontal). */
  position(): number {
    return this.isVertical ? this.contentYNow : this.contentXNow;
  }
  viewSize(): number {
    return this.isVertical ? this.height : this.width;
  }
  protected sizeIsNull(): boolean {
    return this.width === 0 && this.height === 0;
  }
  protected setPosition(pos: number): void {
    if (this.isVertical) super.setContentY(this.isBottomToTop ? -pos - this.viewSize() : pos);
    else super.setContentX(this.isRightToLeft ? -pos - this.viewSize() : pos);
  }

  // ---- positions (qquicklistview.cpp) ---------------------------------------------------------------

  protected originPosition(): number {
    let pos = 0;
    if (this.visibleItems.length > 0) {
      pos = this.visibleItems[0]!.position();
      if (this.visibleIndex > 0) pos -= this.visibleIndex * (this.averageSize + this.spacingValue);
    }
    return pos;
  }

  protected lastPosition(): number {
    let pos = 0;
    const items = this.visibleItems;
    const count = this.modelCount;
    if (items.length > 0) {
      let invisibleCount = Number.NaN;
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i]!;
        if (item.index !== -1) {
          invisibleCount = count - (item.index + 1);
          break;
        }
      }
      if (Number.isNaN(invisibleCount)) invisibleCount = count;
      pos = items[items.length - 1]!.endPosition();
      if (invisibleCount > 0) pos += invisibleCount * (this.averageSize + this.spacingValue);
    } else if (count > 0) {
      pos = count * this.averageSize + (count - 1) * this.spacingValue;
    }
    return pos;
  }

  protected startPosition(): number {
    return this.isContentFlowReversed ? -this.lastPosition() : this.originPosition();
  }

  protected endPositionOfContent(): number {
    return this.isContentFlowReversed ? -this.originPosition() : this.lastPosition();
  }

  protected contentStartOffset(): number {
    let pos = -this.headerSize();
    const d = this.isVertical ? this.vData : this.hData;
    pos -= this.isContentFlowReversed ? d.endMargin : d.startMargin;
    return pos;
  }

  visibleItem(modelIndex: number): FxViewItem | null {
    const items = this.visibleItems;
    if (modelIndex >= this.visibleIndex && modelIndex < this.visibleIndex + items.length) {
      for (let i = modelIndex - this.visibleIndex; i < items.length; i++) {
        const item = items[i]!;
        if (item.index === modelIndex) return item;
      }
    }
    return null;
  }

  protected findLastVisibleIndex(defaultValue = -1): number {
    const items = this.visibleItems;
    for (let i = items.length - 1; i >= 0; i--) if (items[i]!.index !== -1) return items[i]!.index;
    return defaultValue;
  }

  protected firstItemInView(): FxViewItem | null {
    const pos = this.isContentFlowReversed ? -this.position() - this.viewSize() : this.position();
    for (const item of this.visibleItems) if (item.index !== -1 && item.endPosition() > pos) return item;
    return this.visibleItems[0] ?? null;
  }

  protected positionAt(modelIndex: number): number {
    const item = this.visibleItem(modelIndex);
    if (item) return item.position();
    const items = this.visibleItems;
    if (items.length > 0) {
      if (modelIndex < this.visibleIndex) {
        let count = this.visibleIndex - modelIndex;
        let cs = 0;
        if (modelIndex === this.currentIndexValue && this.currentItemFx) {
          cs = this.currentItemFx.size() + this.spacingValue;
          count--;
        }
        return items[0]!.position() - count * (this.averageSize + this.spacingValue) - cs;
      }
      const count = modelIndex - this.findLastVisibleIndex(this.visibleIndex) - 1;
      return (
        items[items.length - 1]!.endPosition() +
        this.spacingValue +
        count * (this.averageSize + this.spacingValue)
      );
    }
    return 0;
  }

  protected headerSize(): number {
    return this.headerFx ? this.headerFx.size() : 0;
  }
  protected footerSize(): number {
    return this.footerFx ? this.footerFx.size() : 0;
  }

  // ---- extents ---------------------------------------------------------------------------------------

  override minYExtent(): number {
    if (!this.isVertical) return super.minYExtent();
    return this.minExtentForAxis(this.vData);
  }
  override maxYExtent(): number {
    if (!this.isVertical) {
      if (this.flickableDirectionValue !== HORIZONTAL) return super.maxYExtent();
      return super.maxYExtent();
    }
    this.lastMaxExtent = this.maxExtentForAxis(this.vData, false);
    return this.lastMaxExtent;
  }
  override minXExtent(): number {
    if (this.isVertical) return super.minXExtent();
    return this.minExtentForAxis(this.hData);
  }
  override maxXExtent(): number {
    if (this.isVertical) return super.maxXExtent();
    this.lastMaxExtent = this.maxExtentForAxis(this.hData, true);
    return this.lastMaxExtent;
  }
  protected get flickableDirectionValue(): number {
    return this.$v[FLICK.flickableDirection] as number;
  }

  protected minExtentForAxis(d: AxisData): number {
    let extent = -this.startPosition() + d.startMargin;
    const size = this.viewSize();
    let highlightStart: number;
    let highlightEnd: number;
    let endPositionFirstItem = 0;
    if (this.isContentFlowReversed) {
      if (this.modelCount > 0) endPositionFirstItem = this.positionAt(this.modelCount - 1);
      else extent += this.headerSize();
      highlightStart = this.highlightRangeEndValid ? size - this.highlightRangeEnd : size;
      highlightEnd = this.highlightRangeStartValid ? size - this.highlightRangeStart : size;
      extent += this.footerSize();
      const maxAlong = this.isVertical ? this.maxYExtent() : this.maxXExtent();
      if (extent < maxAlong) extent = maxAlong;
    } else {
      endPositionFirstItem = this.endPositionAt(0);
      highlightStart = this.highlightRangeStart;
      highlightEnd = this.highlightRangeEnd;
      extent += this.headerSize();
    }
    if (this.strictHighlightRange) {
      extent += highlightStart;
      const first = this.visibleItem(0);
      if (first) extent -= first.sectionSize();
      extent = this.isContentFlowReversed
        ? Math.min(extent, endPositionFirstItem + highlightEnd)
        : Math.max(extent, -(endPositionFirstItem - highlightEnd));
    }
    return extent;
  }

  /** Where row `modelIndex` ends along the list: its delegate's end, or an estimate from the average size. */
  protected endPositionAt(modelIndex: number): number {
    const fx = this.visibleItem(modelIndex);
    if (fx) return fx.endPosition();
    const items = this.visibleItems;
    if (items.length === 0) return 0;
    if (modelIndex < this.visibleIndex) {
      const count = this.visibleIndex - modelIndex;
      return items[0]!.position() - (count - 1) * (this.averageSize + this.spacingValue) - this.spacingValue;
    }
    const count = modelIndex - this.findLastVisibleIndex(this.visibleIndex);
    return items[items.length - 1]!.endPosition() + count * (this.averageSize + this.spacingValue);
  }

  protected maxExtentForAxis(d: AxisData, forX: boolean): number {
    let extent = 0;
    const size = forX ? this.width : this.height;
    const reversed = this.isContentFlowReversed;
    const viewSize = this.viewSize();
    let highlightStart: number;
    let highlightEnd: number;
    let lastItemPosition = 0;
    if (reversed) {
      highlightStart = this.highlightRangeEndValid ? viewSize - this.highlightRangeEnd : viewSize;
      highlightEnd = this.highlightRangeStartValid ? viewSize - this.highlightRangeStart : viewSize;
      lastItemPosition = this.endPositionOfContent();
    } else {
      highlightStart = this.highlightRangeStart;
      highlightEnd = this.highlightRangeEnd;
      if (this.modelCount > 0) lastItemPosition = this.positionAt(this.modelCount - 1);
    }
    if (!(this.modelCount > 0)) {
      extent += size;
    } else if (this.strictHighlightRange) {
      extent = -(lastItemPosition - highlightStart);
      if (highlightEnd !== highlightStart) {
        extent = reversed
          ? Math.max(extent, -(this.endPositionOfContent() - highlightEnd))
          : Math.min(extent, -(this.endPositionOfContent() - highlightEnd));
      }
    } else {
      extent = -(this.endPositionOfContent() - size);
    }
    if (this.isContentFlowReversed) {
      extent -= this.headerSize();
      extent -= d.endMargin;
    } else {
      extent -= this.footerSize();
      extent -= d.endMargin;
      const minAlong = forX ? this.minXExtent() : this.minYExtent();
      if (extent > minAlong) extent = minAlong;
    }
    return extent;
  }

  protected calculatedMinExtent(): number {
    if (this.isVertical)
      return this.isContentFlowReversed ? this.maxYExtent() - this.viewSize() : -this.minYExtent();
    return this.isContentFlowReversed ? this.maxXExtent() - this.viewSize() : -this.minXExtent();
  }

  protected calculatedMaxExtent(): number {
    if (this.isVertical)
      return this.isContentFlowReversed ? this.minYExtent() - this.viewSize() : -this.maxYExtent();
    return this.isContentFlowReversed ? this.minXExtent() - this.viewSize() : -this.maxXExtent();
  }

  /**
   * The view's maximum extent as last computed since the extents were
   * marked out of date (Qt keeps it in vData/hData until then), or null.
   */
  protected lastMaxExtent: number | null = null;

  override originYValue(): number {
    if (this.isBottomToTop && (this.$v[FLICK.contentHeight] as number) < this.height)
      return -this.lastPosition() - this.footerSize();
    return super.originYValue();
  }

  override originXValue(): number {
    if (!this.isVertical && this.isRightToLeft && (this.$v[FLICK.contentWidth] as number) < this.width)
      return -this.lastPosition() - this.footerSize();
    return super.originXValue();
  }

  protected markExtentsDirty(): void {
    this.lastMaxExtent = null;
    if (this.isVertical) this.vData.markExtentsDirty();
    else this.hData.markExtentsDirty();
  }

  // ---- creating and releasing delegates ------------------------------------------------------------------

  /** QQuickItemView::initItem: before the delegate's bindings run. */
  initItem(_index: number, item: Item): void {
    if ((item.$v[ITEM.z] as number) === 0) item.$write(ITEM.z, 1);
    item.setParentItem(this.contentItemNow);
    item.setCulled(true);
    this.attachedOf(item).$store(ATT.view, this);
  }

  destroyingItem(item: Item): void {
    item.removeListener(this.tracker);
    item.setParentItem(null);
  }

  protected createItem(modelIndex: number): FxViewItem | null {
    if (modelIndex >= this.modelCount) return null;
    this.inRequest = true;
    try {
      const item = this.dm.object(modelIndex);
      if (!item) return null;
      item.setParentItem(this.contentItemNow);
      const fx = this.newViewItem(item);
      fx.index = modelIndex;
      this.sections?.itemCreated(fx);
      // Qt: delegates are tracked so that a change of size re-lays out the list.
      item.addListener(this.tracker);
      return fx;
    } finally {
      this.inRequest = false;
    }
  }

  releaseItem(fx: FxViewItem | null): boolean {
    if (!fx) return true;
    fx.t?.stopTransition();
    if (this.trackedItem === fx) this.trackedItem = null;
    const item = fx.item;
    const stillUsed =
      (this.currentItemFx !== null && this.currentItemFx !== fx && this.currentItemFx.item === item) ||
      this.visibleItems.some((v) => v !== fx && v.item === item);
    if (!stillUsed) item.removeListener(this.tracker);
    const flags = this.dm.release(item);
    // Qt culls an instance nobody references any more (it may be cached);
    // one still referenced (recreated for a new position) stays drawn.
    if (flags === 0 && item.parentItem === this.contentItemNow) item.setCulled(true);
    // Nothing holds the delegate any more: its section header goes to the cache.
    const att = fx.attached;
    if (flags !== ReleaseFlag.Referenced && att?.sectionItem) {
      const section = att.sectionItem;
      att.sectionItem = null;
      this.sections?.releaseSectionItem(section);
    }
    return flags === ReleaseFlag.Destroyed;
  }

  /**
   * Lets go of a delegate that leaves the visible items, unless a transition
   * moves it: then when that ends (Qt's releasePendingTransition).
   */
  protected releaseOrKeep(fx: FxViewItem): void {
    if (this.vt !== null && fx.t?.transitionScheduledOrRunning()) this.vt.keep(fx);
    else this.releaseItem(fx);
  }

  /** `populate`, `add`, `displaced`, ...: made into the view's transitions once one is set. */
  setViewTransition(name: string, index: number, v: unknown): void {
    const t = v instanceof QObject ? v : null;
    if (this.vt === null && t !== null && makeViewTransitions !== null) this.vt = makeViewTransitions(this);
    if (this.vt !== null)
      (this.vt.transitioner as unknown as Record<string, unknown>)[`${name}Transition`] = t;
    this.$store(index, t);
  }

  protected releaseVisibleItems(): void {
    const items = this.visibleItems;
    this.visibleItems = [];
    for (const fx of items) this.releaseItem(fx);
  }

  protected releaseCurrentItem(): void {
    const fx = this.currentItemFx;
    if (!fx) return;
    this.currentItemFx = null;
    if (this.trackedItem === fx) this.trackedItem = null;
    this.releaseItem(fx);
    this.$v[IV.currentItem] = null;
  }

  /** A header, footer or highlight instance (createComponentItem). */
  protected createComponentItem(
    component: QmlComponent | null,
    z: number,
    createDefault: boolean,
  ): Item | null {
    const item = createViewItem(this, component, this.contentItemNow, createDefault, (root) => {
      if ((root.$v[ITEM.z] as number) === 0) root.$write(ITEM.z, z);
      this.attachedOf(root).$store(ATT.view, this);
    });
    // (a default item has no bindings: its z is set after)
    if (item && !component && z !== 0) item.$write(ITEM.z, z);
    return item;
  }

  // ---- DelegateModelHost ---------------------------------------------------------------------------------

  /** Rows changed: record (O(1)), lay out at the next polish. */
  modelUpdated(change: ModelChange): void {
    if (change.kind !== 'change' && !this.inLayout) {
      const last = this.pending[this.pending.length - 1];
      // Consecutive appends (a chat receiving messages) merge into one insertion.
      if (change.kind === 'insert' && last?.kind === 'insert' && change.index === last.index + last.count) {
        last.count += change.count;
      } else {
        this.pending.push({ ...change });
      }
    } else {
      this.pending.push({ ...change });
    }
    this.trackCurrentThroughChange(change);
    this.polish();
  }

  modelReset(): void {
    if (!this.isComponentComplete) return;
    this.pending.length = 0;
    this.pendingCurrent = null;
    this.regenerateForModel();
  }

  /** How the current index follows a change (QQuickItemViewChangeSet::applyChanges). */
  protected trackCurrentThroughChange(change: ModelChange): void {
    let current = this.pendingCurrent ?? this.currentIndexValue;
    const countBefore = this.pendingCountBefore(change);
    switch (change.kind) {
      case 'remove': {
        const after = countBefore - change.count;
        if (current >= change.index + change.count) current -= change.count;
        else if (current >= change.index && current < change.index + change.count) {
          this.currentRemoved = true;
          current = after > 0 ? Math.min(change.index, after - 1) : -1;
        } else return;
        break;
      }
      case 'insert':
        if (countBefore > 0 && current >= change.index) current += change.count;
        else if (current < 0) current = 0;
        else if (current === 0 && countBefore === 0) {
          /* the first row: the current index is set when the changes are applied */
        } else return;
        break;
      case 'move':
        current = movedIndex(current, change.from, change.to, change.count);
        break;
      default:
        return;
    }
    this.pendingCurrent = current;
  }

  protected pendingCountBefore(change: ModelChange): number {
    const now = this.dm.count;
    if (change.kind === 'insert') return now - change.count;
    if (change.kind === 'remove') return now + change.count;
    return now;
  }

  // ---- model, delegate -------------------------------------------------------------------------------

  onModelChanged(): void {
    this.dm.setModel(this.$v[IV.model]);
    // Qt (QQuickItemView::setModel) announces the count before completion too (it reads 0 then).
    if (!this.isComponentComplete) this.emitCountChanged();
  }

  /**
   * QQuickItemView::setDelegate announces the count only when it changed
   * (before completion it reads 0 either way); the rebuild that follows
   * announces it once more then (measured: twice, or not at all).
   */
  onDelegateChanged(): void {
    this.delegateChangeFrom = this.liveCount;
    try {
      this.dm.setDelegate(this.$v[IV.delegate]);
    } finally {
      this.delegateChangeFrom = null;
    }
  }

  /** The count before a delegate change that rebuilds the view, or null. */
  protected delegateChangeFrom: number | null = null;
  /** Set while a rebuild for a new delegate runs: its own announcements are replaced by Qt's. */
  protected countMuted = false;

  /** setModel after completion: everything is new (QQuickItemView::setModel). */
  protected regenerateForModel(): void {
    const announcedBefore = this.countAnnouncements;
    const delegateFrom = this.delegateChangeFrom;
    this.countMuted = delegateFrom !== null;
    try {
      this.clear();
      this.setPosition(this.contentStartOffset());
      this.bufferMode = BUFFER_BEFORE | BUFFER_AFTER;
      this.refill();
      // (set silently: it only makes the next currentIndex write count as a change, as in Qt)
      this.$v[IV.currentIndex] = -2;
      this.setCurrentIndexValue(this.dm.count > 0 ? 0 : -1);
      this.updateViewport();
      if (this.vt?.transitioner.populateTransition) this.populateNext();
    } finally {
      this.countMuted = false;
    }
    if (delegateFrom !== null) {
      if (this.dm.count !== delegateFrom) {
        this.emitCountChanged();
        if (this.dm.count) this.emitCountChanged();
      }
    } else {
      // Qt announces a new model with rows twice (measured): here once when
      // its first rows are made, and once now.
      if (this.dm.count && this.countAnnouncements === announcedBefore) this.emitCountChanged();
      this.emitCountChanged();
    }
    this.moveReason = MoveReason.Other;
  }

  // ---- life cycle -------------------------------------------------------------------------------------

  protected override componentComplete(): void {
    super.componentComplete();
    const announcedBefore = this.countAnnouncements;
    this.updateHeader();
    this.updateFooter();
    this.updateViewport();
    this.setPosition(this.contentStartOffset());
    this.populateNext();
    if (this.isValid()) {
      this.refill();
      this.moveReason = MoveReason.SetIndex;
      const ci = this.currentIndexValue;
      if (ci < 0 && !this.currentIndexCleared) this.updateCurrent(0);
      else this.updateCurrent(ci);
      if (this.highlightFx && this.currentItemFx) {
        if (this.autoHighlight) this.resetHighlightPosition();
        this.updateTrackedItem();
      }
      this.moveReason = MoveReason.Other;
      this.fixupPosition();
    }
    // Qt announces a model with rows twice when the view completes (measured,
    // with or without a size): here once when the first rows are made, and
    // once now.
    if (this.dm.count) {
      if (this.countAnnouncements === announcedBefore) this.emitCountChanged();
      this.emitCountChanged();
    }
  }

  /** How many times countChanged was emitted (to tell whether a step announced it). */
  protected countAnnouncements = 0;

  /** Qt emits countChanged at these points (the count itself is always the model's). */
  protected emitCountChanged(): void {
    if (this.countMuted) return;
    this.countAnnouncements++;
    this.$emit(IV.countChanged, undefined);
  }

  /**
   * `count`: the model's row count, live; 0 until the view is complete (its
   * delegate model is populated then, and countChanged follows). A model
   * holding its objects (ObjectModel) counts them from the start.
   */
  get liveCount(): number {
    return this.isComponentComplete || this.dm.holdsObjects ? this.dm.count : 0;
  }

  protected override updatePolish(): void {
    this.layout();
  }

  protected hasPendingChanges(): boolean {
    return this.pending.length > 0 || this.pendingCurrent !== null;
  }

  protected applyPendingChanges(): void {
    if (this.isComponentComplete && this.hasPendingChanges()) this.layout();
  }

  /** The next layout runs the populate transition (setPopulateTransitionEnabled). */
  protected populateNext(): void {
    if (this.vt === null) return;
    this.vt.transitioner.usePopulateTransition = true;
    this.forceLayoutPolish();
  }

  protected forceLayoutPolish(): void {
    this.forceLayoutFlag = true;
    this.polish();
  }

  protected clear(): void {
    this.pending.length = 0;
    this.pendingCurrent = null;
    this.currentRemoved = false;
    this.timeline.clear();
    this.releaseVisibleItems();
    this.visibleIndex = 0;
    this.sections?.clear();
    const hadCurrent = this.currentItemFx !== null;
    this.releaseCurrentItem();
    if (hadCurrent) this.$emit(IV.currentItemChanged, undefined);
    this.createHighlight();
    this.trackedItem = null;
    this.markExtentsDirty();
    this.itemCount = 0;
    this.visiblePos = 0;
  }

  /** QQuickItemViewPrivate::layout. */
  protected layout(): void {
    if (this.inLayout) return;
    this.inLayout = true;
    try {
      if ((!this.isValid() && this.visibleItems.length === 0) || this.sizeIsNull()) {
        this.clear();
        this.setPosition(this.contentStartOffset());
        this.updateViewport();
        return;
      }
      if (!this.applyModelChanges() && !this.forceLayoutFlag) {
        if (this.fillCacheBuffer) {
          this.fillCacheBuffer = false;
          this.refill();
        }
        return;
      }
      this.forceLayoutFlag = false;
      if (this.vt?.canPopulate()) {
        // (one more refill: the view may have grown since it completed)
        this.refill();
        this.vt.populate();
      }
      this.sections?.updateSections();
      this.layoutVisibleItems();
      this.refill();
      this.markExtentsDirty();
      this.updateHighlight();
      if (!this.isMoving() && !this.isFlicking() && !this.movingFromHighlight()) {
        this.fixupPosition();
        this.refill();
      }
      this.updateHeader();
      this.updateFooter();
      this.updateViewport();
      this.vt?.start();
      if (!this.currentItemFx) this.updateCurrent(this.currentIndexValue);
    } finally {
      this.inLayout = false;
    }
  }

  /** Applies the recorded model changes, then follows them with the current item and the count. */
  protected applyModelChanges(): boolean {
    if (!this.isComponentComplete || !this.hasPendingChanges()) return false;
    // (Qt's cached extent, out of date when the view had no items: measured)
    const extent = this.visibleItems.length > 0 ? this.lastMaxExtent : null;
    const changes = this.pending.splice(0);
    const newCurrent = this.pendingCurrent;
    this.pendingCurrent = null;
    const prevCount = this.itemCount;
    this.applyRowChanges(changes);
    if (newCurrent !== null) {
      if (this.currentRemoved && this.currentItemFx) {
        this.currentItemFx.attached?.$store(ATT.isCurrentItem, false);
        this.releaseCurrentItem();
        this.$emit(IV.currentItemChanged, undefined);
      }
      this.currentRemoved = false;
      if (!this.currentIndexCleared) this.updateCurrent(newCurrent);
    } else if (this.currentItemFx) {
      const i = this.dm.indexOf(this.currentItemFx.item);
      if (i >= 0) this.currentItemFx.index = i;
    }
    this.sections?.updateSections();
    if (prevCount !== this.itemCount) {
      // Qt emits countChanged before the view's extents take the changes in:
      // positionViewAtEnd() from onCountChanged stops at the old end (measured).
      this.extentBeforeChanges = extent;
      try {
        this.emitCountChanged();
      } finally {
        this.extentBeforeChanges = null;
      }
    }
    return true;
  }

  /**
   * Applies the recorded row changes to the delegates the view has (the
   * list's way). The first item in view keeps its position: rows inserted
   * or removed above it move the origin, not the content (Qt's
   * repositionFirstItem); rows inserted at its index appear in its place.
   */
  protected applyRowChanges(changes: ModelChange[]): void {
    const first = this.firstItemInView();
    let anchorIndex = first ? first.index : this.visibleIndex;
    // Qt: rows inserted into a view without items start at position 0
    // (applyInsertionChange), wherever the view was before it emptied.
    const anchorPos = first ? first.position() : this.visibleItems.length > 0 ? this.visiblePos : 0;
    let count = this.itemCount;
    const removed: FxViewItem[] = [];
    /** Rows inserted, in final indexes (for ListView.onAdd and for creating them at once). */
    const inserted: Array<[number, number]> = [];
    let insertTouchesList = false;
    let structural = false;
    for (const c of changes) {
      if (c.kind === 'change') continue;
      structural = true;
      const items = this.visibleItems;
      if (c.kind === 'insert') {
        // Qt creates inserted rows at once when they land in (or right after) the visible items.
        const live = items.filter((fx) => fx.index >= 0);
        const lastIdx = live.length > 0 ? live[live.length - 1]!.index : -1;
        const firstIdx = live.length > 0 ? live[0]!.index : this.visibleIndex;
        if (live.length === 0 || (c.index >= firstIdx && c.index <= lastIdx + 1)) insertTouchesList = true;
        for (const fx of items) {
          if (fx.index < c.index) continue;
          fx.index += c.count;
          this.vt?.displaced(fx, 'insert');
        }
        if (this.visibleIndex > c.index) this.visibleIndex += c.count;
        if (c.index < anchorIndex) anchorIndex += c.count;
        for (const r of inserted) {
          if (r[0] >= c.index) {
            r[0] += c.count;
            r[1] += c.count;
          }
        }
        inserted.push([c.index, c.index + c.count]);
        count += c.count;
      } else if (c.kind === 'remove') {
        const end = c.index + c.count;
        for (const fx of items) {
          if (fx.index < 0) continue;
          if (fx.index >= end) {
            fx.index -= c.count;
            this.vt?.displaced(fx, 'remove');
          } else if (fx.index >= c.index) {
            fx.attached?.$emit(ATT.remove, undefined);
            this.vt?.removed(fx, fx.index);
            fx.index = -1;
            removed.push(fx);
          }
        }
        if (this.visibleIndex >= end) this.visibleIndex -= c.count;
        else if (this.visibleIndex > c.index) this.visibleIndex = c.index;
        if (anchorIndex >= end) anchorIndex -= c.count;
        else if (anchorIndex >= c.index) anchorIndex = c.index;
        for (const r of inserted) {
          r[0] = shiftForRemoval(r[0], c.index, c.count);
          r[1] = shiftForRemoval(r[1], c.index, c.count);
        }
        count -= c.count;
      } else {
        if (this.vt?.noteMove(items, c.from, c.to, c.count)) insertTouchesList = true;
        for (const fx of items) {
          const i = movedIndex(fx.index, c.from, c.to, c.count);
          this.vt?.indexMoved(fx, i, c.from, c.count);
          fx.index = i;
        }
        // Qt applies a move as a removal then an insertion: the anchor row follows those rules.
        if (anchorIndex >= c.from + c.count) anchorIndex -= c.count;
        else if (anchorIndex >= c.from) anchorIndex = c.from;
        if (c.to < anchorIndex) anchorIndex += c.count;
        this.visibleIndex = movedIndex(this.visibleIndex, c.from, c.to, c.count);
      }
    }
    this.itemCount = count;
    if (structural) this.rebuildAround(anchorIndex, anchorPos, removed, inserted, insertTouchesList);
  }

  /** The extent Qt still has while countChanged is emitted from a model change (applyModelChanges), if any. */
  protected extentBeforeChanges: number | null = null;

  /**
   * Re-forms the visible items as the run of rows around the anchor row,
   * which keeps its position. Rows inserted inside that run (and after it,
   * up to the end of the cache buffer) are created now, as Qt's
   * applyInsertionChange does; anything not connected to the run is released.
   */
  protected rebuildAround(
    anchorIndex: number,
    anchorPos: number,
    removed: FxViewItem[],
    inserted: Array<[number, number]>,
    createForward: boolean,
  ): void {
    const count = this.itemCount;
    const old = this.visibleItems;
    const byIndex = new Map<number, FxViewItem>();
    let minOld = Number.POSITIVE_INFINITY;
    for (const fx of old) {
      if (fx.index < 0) continue;
      byIndex.set(fx.index, fx);
      if (fx.index < minOld) minOld = fx.index;
    }
    const isInserted = (i: number) => inserted.some((r) => i >= r[0] && i < r[1]);
    const vt = this.vt;
    // (with transitions, rows a move brought in are made as inserted ones are)
    const isNew = (i: number) => isInserted(i) || !!vt?.movesIn(i);
    const reversed = this.isContentFlowReversed;
    const size = this.viewSize();
    const viewPos = reversed ? -this.position() - size : this.position();
    const bufferFrom = viewPos - this.buffer - this.displayMarginBeginning;
    const lastVisiblePos = viewPos + size + this.buffer + this.displayMarginEnd;
    const create = (i: number): FxViewItem | null => {
      const fx = this.createItem(i);
      if (fx && isInserted(i)) {
        fx.attached?.$emit(ATT.add, undefined);
        this.vt?.added(fx);
      }
      if (fx) vt?.made(fx);
      return fx;
    };
    const keep: FxViewItem[] = [];
    if (count > 0 && (old.length > 0 || createForward)) {
      let a = Math.min(Math.max(anchorIndex, 0), count - 1);
      let pos = anchorPos;
      let anchor = byIndex.get(a) ?? null;
      if (!anchor && a === anchorIndex && (byIndex.size > 0 || createForward)) {
        // The row now at the anchor's place has no delegate (inserted there, or the anchor went away).
        anchor = create(a);
      } else if (!anchor) {
        // Everything from the anchor on went away: keep the last row left, where it was.
        let below = -1;
        for (const k of byIndex.keys()) if (k < a && k > below) below = k;
        if (below >= 0) {
          anchor = byIndex.get(below)!;
          a = below;
          pos = anchor.position();
        }
      }
      if (anchor) {
        byIndex.delete(a);
        anchor.setPosition(pos);
        keep.push(anchor);
        let p = pos;
        for (let i = a - 1; i >= 0; i--) {
          let fx = byIndex.get(i) ?? null;
          if (fx) byIndex.delete(i);
          else if (i >= minOld && isNew(i) && p > bufferFrom) fx = create(i);
          if (!fx) break;
          p -= fx.size() + this.spacingValue;
          fx.setPosition(p);
          keep.unshift(fx);
        }
        p = pos + anchor.size() + this.spacingValue;
        for (let i = a + 1; i < count; i++) {
          let fx = byIndex.get(i) ?? null;
          if (fx) byIndex.delete(i);
          else if (createForward && isNew(i) && p <= lastVisiblePos) fx = create(i);
          if (!fx) break;
          fx.setPosition(p);
          p += fx.size() + this.spacingValue;
          keep.push(fx);
        }
        this.visibleIndex = keep[0]!.index;
      }
    }
    this.visibleItems = keep;
    if (keep.length === 0) {
      this.visibleIndex = Math.max(0, Math.min(anchorIndex, count));
      this.visiblePos = anchorPos;
    }
    vt?.placeArrivals((index) => this.positionAt(index));
    // (a removed delegate with a transition waits for its end)
    for (const fx of old) if (!keep.includes(fx) && !vt?.isPending(fx)) this.releaseOrKeep(fx);
    for (const fx of removed) if (!old.includes(fx) && !vt?.isPending(fx)) this.releaseOrKeep(fx);
  }

  /** Positions the visible items one after the other from the first (QQuickListViewPrivate::layoutVisibleItems). */
  protected layoutVisibleItems(fromModelIndex = 0): void {
    const items = this.visibleItems;
    if (items.length === 0) return;
    const reversed = this.isContentFlowReversed;
    const pos0 = this.position();
    const size = this.viewSize();
    const from = reversed ? -pos0 - this.displayMarginBeginning - size : pos0 - this.displayMarginBeginning;
    const to = reversed ? -pos0 + this.displayMarginEnd : pos0 + size + this.displayMarginEnd;
    const first = items[0]!;
    let fixedCurrent = this.currentItemFx !== null && first.item === this.currentItemFx.item;
    let sum = first.size();
    let pos = first.position() + first.size() + this.spacingValue;
    first.setVisible(first.endPosition() >= from && first.position() <= to);
    // (places its section header too, so that the two do not overlap)
    if (first.section !== null) first.setPosition(first.position());
    for (let i = 1; i < items.length; i++) {
      const fx = items[i]!;
      if (fx.index >= fromModelIndex) {
        fx.setPosition(pos);
        fx.setVisible(fx.endPosition() >= from && fx.position() <= to);
      }
      pos += fx.size() + this.spacingValue;
      sum += fx.size();
      fixedCurrent ||= this.currentItemFx !== null && fx.item === this.currentItemFx.item;
    }
    this.averageSize = Math.round(sum / items.length);
    const ci = this.currentIndexValue;
    if (ci >= 0 && this.currentItemFx && !fixedCurrent) this.currentItemFx.setPosition(this.positionAt(ci));
    if (this.sections) {
      this.sections.updateCurrentSection();
      this.sections.updateStickySections();
    } else {
      this.currentSectionName = '';
    }
  }

  protected updateAverage(): void {
    const items = this.visibleItems;
    if (items.length === 0) return;
    let sum = 0;
    for (const fx of items) sum += fx.size();
    this.averageSize = Math.round(sum / items.length);
  }

  protected refillOrLayout(): void {
    if (this.hasPendingChanges()) this.layout();
    else this.refill();
  }

  /** Creates the delegates the visible range (and the cache buffer) needs, releases the others. */
  protected refill(): void {
    const s = Math.max(this.viewSize(), 0);
    const pos = this.position();
    if (this.isContentFlowReversed)
      this.refillRange(-pos - this.displayMarginBeginning - s, -pos + this.displayMarginEnd);
    else this.refillRange(pos - this.displayMarginBeginning, pos + this.displayMarginEnd + s);
  }

  protected refillRange(from: number, to: number): void {
    if (!this.isComponentComplete) return;
    if (this.sizeIsNull() && this.visibleItems.length === 0) return;
    if (!this.modelCount) {
      this.updateHeader();
      this.updateFooter();
      this.updateViewport();
      return;
    }
    for (let guard = 0; guard < 10; guard++) {
      this.bufferPause.stop();
      if (this.hasPendingChanges()) {
        this.pending.length = 0;
        this.pendingCurrent = null;
        this.releaseVisibleItems();
      }
      const prevCount = this.itemCount;
      this.itemCount = this.modelCount;
      const buffer = this.buffer;
      const bufferFrom = from - buffer;
      const bufferTo = to + buffer;
      let fillFrom = from;
      let fillTo = to;
      let added = this.addVisibleItems(fillFrom, fillTo, bufferFrom, bufferTo, false);
      if (buffer && this.bufferMode !== 0) {
        if (added) {
          // Qt: one batch of new delegates per frame; the cache buffer follows after a pause.
          this.bufferPause.start();
        } else {
          if (this.bufferMode & BUFFER_AFTER) fillTo = bufferTo;
          if (this.bufferMode & BUFFER_BEFORE) fillFrom = bufferFrom;
          added = this.addVisibleItems(fillFrom, fillTo, bufferFrom, bufferTo, true) || added;
        }
      }
      const removed = this.removeNonVisibleItems(bufferFrom, bufferTo);
      if (added || removed) {
        this.markExtentsDirty();
        this.updateBeginningEnd();
        this.visibleItemsChanged();
        this.updateHeader();
        this.updateFooter();
        this.updateViewport();
      }
      if (prevCount !== this.itemCount) this.emitCountChanged();
      if (!this.hasPendingChanges()) break;
    }
  }

  protected addVisibleItems(
    fillFrom: number,
    fillTo: number,
    bufferFrom: number,
    bufferTo: number,
    _doBuffer: boolean,
  ): boolean {
    let itemEnd = this.visiblePos;
    const items = this.visibleItems;
    if (items.length > 0) {
      this.visiblePos = items[0]!.position();
      itemEnd = items[items.length - 1]!.endPosition() + this.spacingValue;
    }
    let modelIndex = this.findLastVisibleIndex();
    const haveValidItems = modelIndex >= 0;
    modelIndex = modelIndex < 0 ? this.visibleIndex : modelIndex + 1;
    const count = this.modelCount;
    const step = this.averageSize + this.spacingValue;
    if (haveValidItems && (bufferFrom > itemEnd + step || bufferTo < this.visiblePos - step)) {
      // Qt: a jump of more than a page: estimate which rows are visible now and fill from there.
      let n = Math.trunc((fillFrom - itemEnd) / step);
      const newModelIdx = Math.max(0, Math.min(modelIndex + n, count));
      n = newModelIdx - modelIndex;
      if (n) {
        this.releaseVisibleItems();
        modelIndex = newModelIdx;
        this.visibleIndex = modelIndex;
        this.visiblePos = itemEnd + n * step;
        itemEnd = this.visiblePos;
      }
    }
    let changed = false;
    let pos = itemEnd;
    while (modelIndex < count && pos <= fillTo) {
      const fx = this.createItem(modelIndex);
      if (!fx) break;
      // (a populate transition places it in the layout)
      if (!this.vt?.canPopulate()) fx.setPosition(pos);
      pos += fx.size() + this.spacingValue;
      this.visibleItems.push(fx);
      modelIndex++;
      changed = true;
    }
    while (this.visibleIndex > 0 && this.visibleIndex <= count && this.visiblePos > fillFrom) {
      const fx = this.createItem(this.visibleIndex - 1);
      if (!fx) break;
      this.visibleIndex--;
      this.visiblePos -= fx.size() + this.spacingValue;
      if (!this.vt?.canPopulate()) fx.setPosition(this.visiblePos);
      this.visibleItems.unshift(fx);
      changed = true;
    }
    return changed;
  }

  protected removeNonVisibleItems(bufferFrom: number, bufferTo: number): boolean {
    let changed = false;
    const items = this.visibleItems;
    let index = 0;
    while (items.length > 1 && index < items.length) {
      const fx = items[index]!;
      if (!(fx.endPosition() < bufferFrom)) break;
      if (fx.attached && (fx.attached.$v[ATT.delayRemove] as boolean)) break;
      if (fx.size() > 0) {
        // Remove this item and the zero-sized ones before it.
        let cur: FxViewItem | undefined = fx;
        while (cur) {
          if (cur.index !== -1) this.visibleIndex++;
          removeAt(items, index);
          this.releaseOrKeep(cur);
          if (index === 0) break;
          index--;
          cur = items[index];
        }
        changed = true;
      } else {
        index++;
      }
    }
    while (items.length > 1) {
      const fx = items[items.length - 1]!;
      if (!(fx.position() > bufferTo)) break;
      if (fx.attached && (fx.attached.$v[ATT.delayRemove] as boolean)) break;
      items.pop();
      this.releaseOrKeep(fx);
      changed = true;
    }
    return changed;
  }

  protected visibleItemsChanged(): void {
    if (this.visibleItems.length > 0) this.visiblePos = this.visibleItems[0]!.position();
    this.updateAverage();
    const ci = this.currentIndexValue;
    if (ci >= 0 && this.currentItemFx && !this.visibleItem(ci)) {
      this.currentItemFx.setPosition(this.positionAt(ci));
      this.updateHighlight();
    }
    this.sections?.updateSections();
  }

  /** contentHeight (contentWidth): the estimated size of all rows plus header and footer. */
  protected updateViewport(): void {
    const extra = this.headerSize() + this.footerSize();
    const contentSize =
      this.isValid() || this.visibleItems.length > 0 ? this.endPositionOfContent() - this.startPosition() : 0;
    if (this.isVertical) this.setContentHeight(contentSize + extra);
    else this.setContentWidth(contentSize + extra);
  }

  // ---- header and footer ----------------------------------------------------------------------------

  /** A header that stays in view (OverlayHeader, PullBackHeader). */
  hasStickyHeader(): boolean {
    return this.headerFx !== null && this.headerPositioningValue !== INLINE;
  }

  hasStickyFooter(): boolean {
    return this.footerFx !== null && this.footerPositioningValue !== INLINE;
  }

  onHeaderPositioningChanged(header: boolean): void {
    this.applyPendingChanges();
    if (!this.isComponentComplete) return;
    if (header) this.updateHeader();
    else this.updateFooter();
    this.updateViewport();
    this.fixupPosition();
  }

  /** The header (or footer), made from its component when there is none yet; null without a component. */
  protected headerOrFooter(header: boolean): FxViewItem | null {
    const fx = header ? this.headerFx : this.footerFx;
    if (fx) return fx;
    const item = this.createComponentItem(
      this.$v[header ? IV.header : IV.footer] as QmlComponent | null,
      1,
      false,
    );
    if (!item) return null;
    const made = this.newViewItem(item);
    item.addListener(this.tracker);
    if (header) this.headerFx = made;
    else this.footerFx = made;
    return made;
  }

  protected updateHeader(): void {
    const created = !this.headerFx;
    const fx = this.headerOrFooter(true);
    if (!fx) return;
    const positioning = this.headerPositioningValue;
    const headerSize = this.headerSize();
    if (positioning === OVERLAY) {
      fx.setPosition(this.isContentFlowReversed ? -this.position() - this.viewSize() : this.position());
    } else if (this.visibleItems.length > 0) {
      if (positioning === PULL_BACK) {
        const viewPos = this.isContentFlowReversed ? -this.position() - this.viewSize() : this.position();
        // (hidden while the view settles back)
        const headerPosition = (this.isVertical ? this.vData : this.hData).fixingUp
          ? viewPos - headerSize
          : fx.position();
        const clamped = Math.max(
          this.originPosition() - headerSize,
          Math.min(headerPosition, this.lastPosition() - this.viewSize()),
        );
        fx.setPosition(Math.min(Math.max(viewPos - headerSize, clamped), viewPos));
      } else {
        const startPos = this.originPosition();
        if (this.visibleIndex === 0) fx.setPosition(startPos - headerSize);
        else if (this.position() <= startPos || fx.position() > startPos - headerSize)
          fx.setPosition(startPos - headerSize);
      }
    } else {
      fx.setPosition(-headerSize);
    }
    if (created) this.$store(IV.headerItem, fx.item);
  }

  protected updateFooter(): void {
    const created = !this.footerFx;
    const fx = this.headerOrFooter(false);
    if (!fx) return;
    const positioning = this.footerPositioningValue;
    const footerSize = this.footerSize();
    if (positioning === OVERLAY) {
      fx.setPosition(
        this.isContentFlowReversed
          ? -this.position() - footerSize
          : this.position() + this.viewSize() - footerSize,
      );
    } else if (this.visibleItems.length > 0) {
      if (positioning === PULL_BACK) {
        const viewPos = this.isContentFlowReversed ? -this.position() : this.position() + this.viewSize();
        const clamped = Math.max(
          this.originPosition() - footerSize + this.viewSize(),
          Math.min(fx.position(), this.lastPosition()),
        );
        fx.setPosition(Math.min(Math.max(viewPos - footerSize, clamped), viewPos));
      } else {
        const endPos = this.lastPosition();
        if (this.findLastVisibleIndex() === this.modelCount - 1) {
          fx.setPosition(endPos);
        } else {
          const visiblePos = this.position() + this.height;
          if (endPos <= visiblePos || fx.position() < endPos) fx.setPosition(endPos);
        }
      }
    } else {
      fx.setPosition(this.visiblePos);
    }
    if (created) this.$store(IV.footerItem, fx.item);
  }

  protected replaceHeaderOrFooter(header: boolean): void {
    const fx = header ? this.headerFx : this.footerFx;
    if (fx) {
      fx.item.removeListener(this.tracker);
      fx.item.$destroy();
    }
    if (header) this.headerFx = null;
    else this.footerFx = null;
    this.markExtentsDirty();
    if (this.isComponentComplete) {
      this.applyPendingChanges();
      if (header) this.updateHeader();
      this.updateFooter();
      this.updateViewport();
      this.fixupPosition();
    }
    if (!(header ? this.headerFx : this.footerFx)) this.$store(header ? IV.headerItem : IV.footerItem, null);
  }

  // ---- current item and highlight ----------------------------------------------------------------------

  setCurrentIndexValue(index: number): void {
    if (this.inRequest) return;
    this.currentIndexCleared = index === -1;
    this.applyPendingChanges();
    if (index === this.currentIndexValue) return;
    if (this.isComponentComplete && this.isValid()) {
      this.moveReason = MoveReason.SetIndex;
      this.updateCurrent(index);
    } else {
      this.$store(IV.currentIndex, index);
    }
  }

  /** QQuickItemViewPrivate::updateCurrent. */
  protected updateCurrent(modelIndex: number): void {
    this.applyPendingChanges();
    if (!this.isComponentComplete || !this.isValid() || modelIndex < 0 || modelIndex >= this.modelCount) {
      if (this.currentItemFx) {
        this.currentItemFx.attached?.$store(ATT.isCurrentItem, false);
        this.releaseCurrentItem();
        this.$store(IV.currentIndex, modelIndex);
        this.$emit(IV.currentItemChanged, undefined);
        this.updateHighlight();
      } else if (this.currentIndexValue !== modelIndex) {
        this.$store(IV.currentIndex, modelIndex);
      }
      return;
    }
    if (this.currentItemFx && this.currentIndexValue === modelIndex) {
      this.updateHighlight();
      return;
    }
    const old = this.currentItemFx;
    const oldIndex = this.currentIndexValue;
    this.$v[IV.currentIndex] = modelIndex;
    const fx = this.createItem(modelIndex);
    this.currentItemFx = fx;
    if (old?.attached && (!fx || old.item !== fx.item)) old.attached.$store(ATT.isCurrentItem, false);
    if (fx) {
      fx.item.$write(ITEM.focus, true);
      fx.attached?.$store(ATT.isCurrentItem, true);
      this.initializeCurrentItem();
    }
    // (announced below, after currentIndexChanged, as Qt does)
    this.$v[IV.currentItem] = fx ? fx.item : null;
    this.updateHighlight();
    if (oldIndex !== modelIndex) this.$emit(IV.currentIndexChanged, undefined);
    if (old !== fx && (!old || !fx || old.item !== fx.item)) this.$emit(IV.currentItemChanged, undefined);
    if (old) this.releaseItem(old);
  }

  protected initializeCurrentItem(): void {
    const fx = this.currentItemFx;
    if (!fx) return;
    const ci = this.currentIndexValue;
    if (!this.visibleItem(ci)) {
      if (ci === this.visibleIndex - 1 && this.visibleItems.length > 0) {
        fx.setPosition(this.visibleItems[0]!.position() - fx.size() - this.spacingValue);
      } else {
        fx.setPosition(this.positionAt(ci));
      }
    }
    if (this.visibleItems.length === 0) this.averageSize = fx.size();
  }

  protected createHighlight(): void {
    let changed = false;
    if (this.highlightFx) {
      if (this.trackedItem === this.highlightFx) this.trackedItem = null;
      const old = this.highlightFx;
      this.highlightFx = null;
      old.item.removeListener(this.tracker);
      old.item.$destroy();
      this.highlightPosAnimator?.stop();
      this.highlightWidthAnimator?.stop();
      this.highlightHeightAnimator?.stop();
      this.highlightPosAnimator = this.highlightWidthAnimator = this.highlightHeightAnimator = null;
      changed = true;
    }
    const current = this.currentItemFx;
    if (current && !this.$destroyed) {
      this.inRequest = true;
      const item = this.createComponentItem(this.$v[IV.highlight] as QmlComponent | null, 0, true);
      this.inRequest = false;
      if (item) {
        const fx = this.newViewItem(item);
        item.addListener(this.tracker);
        if (this.autoHighlight) {
          fx.setSize(current.itemSize());
          fx.setPosition(current.itemPosition());
        }
        const driver = () => this.$engine?.animations ?? null;
        const posIdx = this.isVertical ? ITEM.y : ITEM.x;
        this.highlightPosAnimator = new SmoothedAnimation(
          driver,
          () => item.$v[posIdx] as number,
          (v) => (this.isVertical ? item.setY(v) : item.setX(v)),
        );
        this.highlightPosAnimator.velocity = this.highlightMoveVelocityValue;
        this.highlightPosAnimator.userDuration = this.$v[IV.highlightMoveDuration] as number;
        this.highlightWidthAnimator = new SmoothedAnimation(
          driver,
          () => item.$v[ITEM.width] as number,
          (v) => item.setWidth(v),
        );
        this.highlightWidthAnimator.velocity = this.highlightResizeVelocityValue;
        this.highlightWidthAnimator.userDuration = this.highlightResizeDurationValue;
        this.highlightHeightAnimator = new SmoothedAnimation(
          driver,
          () => item.$v[ITEM.height] as number,
          (v) => item.setHeight(v),
        );
        this.highlightHeightAnimator.velocity = this.highlightResizeVelocityValue;
        this.highlightHeightAnimator.userDuration = this.highlightResizeDurationValue;
        this.highlightFx = fx;
        changed = true;
      }
    }
    if (changed) this.$store(IV.highlightItem, this.highlightFx ? this.highlightFx.item : null);
  }

  protected updateHighlight(): void {
    this.applyPendingChanges();
    if ((!this.currentItemFx && this.highlightFx) || (this.currentItemFx && !this.highlightFx))
      this.createHighlight();
    const current = this.currentItemFx;
    const hl = this.highlightFx;
    if (current && this.autoHighlight && hl && (!this.strictHighlightRange || !this.pressed)) {
      const reversed = this.isContentFlowReversed;
      this.highlightPosAnimator!.to = reversed
        ? -current.itemPosition() - current.itemSize()
        : current.itemPosition();
      this.highlightWidthAnimator!.to = current.item.$v[ITEM.width] as number;
      this.highlightHeightAnimator!.to = current.item.$v[ITEM.height] as number;
      if (this.isVertical) {
        if ((hl.item.$v[ITEM.width] as number) === 0) hl.item.setWidth(current.item.$v[ITEM.width] as number);
      } else if ((hl.item.$v[ITEM.height] as number) === 0) {
        hl.item.setHeight(current.item.$v[ITEM.height] as number);
      }
      this.highlightPosAnimator!.restart();
      this.highlightWidthAnimator!.restart();
      this.highlightHeightAnimator!.restart();
    }
    this.updateTrackedItem();
  }

  protected resetHighlightPosition(): void {
    if (this.highlightFx && this.currentItemFx)
      this.highlightFx.setPosition(this.currentItemFx.itemPosition());
  }

  /** preferredHighlightBegin/End were set (a reversed view measures the range from its other end only then). */
  protected highlightRangeStartValid = false;
  protected highlightRangeEndValid = false;

  protected get highlightRangeStart(): number {
    return this.$v[IV.preferredHighlightBegin] as number;
  }

  protected get highlightRangeEnd(): number {
    return this.$v[IV.preferredHighlightEnd] as number;
  }

  /** A highlight range is in force: a mode other than NoHighlightRange, and begin <= end. */
  protected get haveHighlightRange(): boolean {
    return (
      (this.$v[IV.highlightRangeMode] as number) !== NO_HIGHLIGHT_RANGE &&
      this.highlightRangeStart <= this.highlightRangeEnd
    );
  }

  protected get strictHighlightRange(): boolean {
    return this.haveHighlightRange && (this.$v[IV.highlightRangeMode] as number) === STRICTLY_ENFORCE_RANGE;
  }

  /** QQuickItemView::setHighlightRangeMode (after the change). */
  highlightRangeChanged(_mode: boolean): void {
    if (!this.isComponentComplete) return;
    this.updateViewport();
    this.moveReason = MoveReason.Other;
    this.fixupPosition();
  }

  /** QQuickItemView::setPreferredHighlightBegin/End. */
  setPreferredHighlight(begin: boolean, value: number): void {
    if (begin) this.highlightRangeStartValid = true;
    else this.highlightRangeEndValid = true;
    if (!this.$store(begin ? IV.preferredHighlightBegin : IV.preferredHighlightEnd, value)) return;
    if (!this.isComponentComplete) return;
    this.updateViewport();
    if (!this.isMoving() && !this.isFlicking()) {
      this.moveReason = MoveReason.Other;
      this.fixupPosition();
    }
  }

  /**
   * Scrolling with a strictly enforced range: the highlight stays in the
   * range, and the row under it becomes the current one (QQuickListView::viewportMoved).
   */
  protected keepHighlightInRange(hl: FxViewItem): void {
    let pos = hl.position();
    const viewPos = this.isContentFlowReversed ? -this.position() - this.viewSize() : this.position();
    if (pos > viewPos + this.highlightRangeEnd - hl.size())
      pos = viewPos + this.highlightRangeEnd - hl.size();
    if (pos < viewPos + this.highlightRangeStart) pos = viewPos + this.highlightRangeStart;
    if (pos !== hl.position()) {
      this.highlightPosAnimator?.stop();
      hl.setPosition(pos);
    } else {
      this.updateHighlight();
    }
    const snapItem = this.snapItemAt(hl.position());
    if (snapItem && snapItem.index >= 0 && snapItem.index !== this.currentIndexValue)
      this.updateCurrent(snapItem.index);
  }

  /** The highlight is animating towards the current item in a strictly enforced range. */
  protected movingFromHighlight(): boolean {
    if (!this.strictHighlightRange) return false;
    return (
      (this.highlightPosAnimator?.isRunning ?? false) ||
      (this.highlightHeightAnimator?.isRunning ?? false) ||
      (this.highlightWidthAnimator?.isRunning ?? false)
    );
  }

  protected updateTrackedItem(): void {
    this.trackedItem = this.highlightFx ?? this.currentItemFx;
    if (this.trackedItem) this.trackedPositionChanged();
  }

  /** Keeps the current item (or the highlight following it) in view after currentIndex changes. */
  protected trackedPositionChanged(): void {
    const tracked = this.trackedItem;
    const current = this.currentItemFx;
    if (!tracked || !current) return;
    if (this.inLayout) {
      this.polish();
      return;
    }
    const needMoveToTrackHighlight =
      this.autoHighlight || (this.$v[IV.highlightRangeMode] as number) !== NO_HIGHLIGHT_RANGE;
    if (this.moveReason !== MoveReason.SetIndex || !needMoveToTrackHighlight) return;
    let trackedPos = tracked.position();
    let trackedSize = tracked.size();
    if (this.haveHighlightRange) {
      const viewPos = this.isContentFlowReversed ? -this.position() - this.viewSize() : this.position();
      let pos = viewPos;
      if (trackedPos > pos + this.highlightRangeEnd - trackedSize)
        pos = trackedPos - this.highlightRangeEnd + trackedSize;
      if (trackedPos < pos + this.highlightRangeStart) pos = trackedPos - this.highlightRangeStart;
      if (!this.strictHighlightRange) {
        pos = Math.min(pos, this.calculatedMaxExtent());
        pos = Math.max(pos, this.calculatedMinExtent());
      }
      if (viewPos !== pos) {
        this.calcVelocity = true;
        this.setPosition(pos);
        this.calcVelocity = false;
      }
      return;
    }
    if (tracked !== current) {
      // (the section header above the current item comes into view too)
      trackedPos -= current.sectionSize();
      trackedSize += current.sectionSize();
    }
    const size = this.viewSize();
    const viewPos = this.isContentFlowReversed ? -this.position() - size : this.position();
    let pos = viewPos;
    let trackedEndPos = tracked.endPosition();
    let toItemPos = current.position();
    let toItemEndPos = current.endPosition();
    const ci = this.currentIndexValue;
    if (ci === 0) {
      const startOffset = -this.contentStartOffset();
      trackedPos -= startOffset;
      trackedEndPos -= startOffset;
      toItemPos -= startOffset;
      toItemEndPos -= startOffset;
    } else if (ci === this.modelCount - 1) {
      const d = this.isVertical ? this.vData : this.hData;
      const endOffset = this.footerSize() + (this.isContentFlowReversed ? d.startMargin : d.endMargin);
      trackedPos += endOffset;
      trackedEndPos += endOffset;
      toItemPos += endOffset;
      toItemEndPos += endOffset;
    }
    if (trackedEndPos >= viewPos + size && toItemEndPos >= viewPos + size) {
      if (trackedEndPos <= toItemEndPos) {
        pos = trackedEndPos - size;
        if (trackedSize > size) pos = trackedPos;
      } else {
        pos = toItemEndPos - size;
        if (current.size() > size) pos = current.position();
      }
    }
    if (trackedPos < pos && toItemPos < pos) pos = Math.max(trackedPos, toItemPos);
    if (viewPos !== pos) {
      this.calcVelocity = true;
      this.setPosition(pos);
      this.calcVelocity = false;
    }
  }

  /** A delegate, the current item, the highlight, the header or the footer moved or resized. */
  protected trackedItemChanged(item: Item, change: Change, old: number): void {
    if (change & Change.Destroyed) return;
    if (!(change & (Change.X | Change.Y | Change.Width | Change.Height))) return;
    if (!this.isComponentComplete) return;
    if (this.headerFx && this.headerFx.item === item) {
      this.updateHeader();
      this.markExtentsDirty();
      this.updateViewport();
      if (!this.isMoving() && !this.isFlicking()) this.fixupPosition();
    } else if (this.footerFx && this.footerFx.item === item) {
      this.updateFooter();
      this.markExtentsDirty();
      this.updateViewport();
      if (!this.isMoving() && !this.isFlicking()) this.fixupPosition();
    }
    if (this.currentItemFx && this.currentItemFx.item === item) {
      const prev = this.inLayout;
      // (a transition moving the item starts no layout and no new transitions)
      if (!prev && this.visibleItem(this.currentIndexValue)?.t?.transitionRunning()) this.inLayout = true;
      this.updateHighlight();
      this.inLayout = prev;
      const pos = this.position();
      const sz = this.viewSize();
      const reversed = this.isContentFlowReversed;
      const from = reversed ? -pos - this.displayMarginBeginning - sz : pos - this.displayMarginBeginning;
      const to = reversed ? -pos + this.displayMarginEnd : pos + sz + this.displayMarginEnd;
      const cur = this.currentItemFx;
      item.setCulled(cur.endPosition() < from || cur.position() > to);
    }
    if (this.trackedItem && this.trackedItem.item === item) this.trackedPositionChanged();
    this.delegateGeometryChanged(item, change, old);
  }

  /** A tracked item moved or resized (QQuickListViewPrivate::itemGeometryChanged). */
  protected delegateGeometryChanged(item: Item, change: Change, old: number): void {
    const sizeChange = this.isVertical ? change & Change.Height : change & Change.Width;
    // Only a resize along the list matters here: a move or a resize across it changes no layout.
    if (!sizeChange) return;
    const isHighlight = this.highlightFx !== null && this.highlightFx.item === item;
    if (!isHighlight && item.parentItem === this.contentItemNow) {
      const first = this.visibleItems[0];
      if (first && first.item === item) {
        // Qt: the first item, if it ended above the view, grows upwards. Qt 6.4 listens to a
        // delegate's geometry twice (the view and its item tracking), so it moves it twice (measured).
        const diff = 2 * ((item.$v[this.isVertical ? ITEM.height : ITEM.width] as number) - old);
        const pos = first.position();
        const oldEnd = pos + old;
        if (this.isContentFlowReversed ? oldEnd > this.position() : oldEnd < this.position())
          first.setPosition(pos - diff);
      }
      this.forceLayoutPolish();
    }
  }

  // ---- scrolling --------------------------------------------------------------------------------------

  override setContentX(pos: number): void {
    this.moveReason = MoveReason.Other;
    super.setContentX(pos);
  }

  override setContentY(pos: number): void {
    this.moveReason = MoveReason.Other;
    super.setContentY(pos);
  }

  protected override viewportMoved(horizontal: boolean, vertical: boolean): void {
    super.viewportMoved(horizontal, vertical);
    if (!this.itemCount && !this.hasPendingChanges()) {
      if (this.hasStickyHeader()) this.updateHeader();
      if (this.hasStickyFooter()) this.updateFooter();
      return;
    }
    if (this.inViewportMoved) return;
    this.inViewportMoved = true;
    try {
      const d = this.isVertical ? this.vData : this.hData;
      const reversed = this.isVertical ? this.isBottomToTop : this.isRightToLeft;
      if (reversed) this.bufferMode = d.smoothVelocity < 0 ? BUFFER_AFTER : BUFFER_BEFORE;
      else this.bufferMode = d.smoothVelocity < 0 ? BUFFER_BEFORE : BUFFER_AFTER;
      this.refillOrLayout();
      // Cull the items outside the visible area.
      const pos = this.position();
      const sz = this.viewSize();
      const from = this.isContentFlowReversed
        ? -pos - this.displayMarginBeginning - sz
        : pos - this.displayMarginBeginning;
      const to = this.isContentFlowReversed ? -pos + this.displayMarginEnd : pos + sz + this.displayMarginEnd;
      for (const fx of this.visibleItems) fx.item.setCulled(fx.endPosition() < from || fx.position() > to);
      const cur = this.currentItemFx;
      if (cur) cur.item.setCulled(cur.endPosition() < from || cur.position() > to);
      if (this.hData.flicking || this.vData.flicking || this.hData.moving || this.vData.moving)
        this.moveReason = MoveReason.Mouse;
      if (this.moveReason !== MoveReason.SetIndex && this.strictHighlightRange && this.highlightFx)
        this.keepHighlightInRange(this.highlightFx);
      if ((this.hData.flicking || this.vData.flicking) && this.correctFlick && !this.inFlickCorrection) {
        // Qt: near an end whose estimate changed, recompute the flick so it does not stop short or overshoot.
        this.inFlickCorrection = true;
        if (this.isVertical && !this.vData.inOvershoot) this.correctFlickAxis(this.vData, true);
        if (!this.isVertical && !this.hData.inOvershoot) this.correctFlickAxis(this.hData, false);
        this.inFlickCorrection = false;
      }
      if (this.hasStickyHeader()) this.updateHeader();
      if (this.hasStickyFooter()) this.updateFooter();
      if (this.sections) {
        this.sections.updateCurrentSection();
        this.sections.updateStickySections();
      }
    } finally {
      this.inViewportMoved = false;
    }
  }

  protected correctFlickAxis(d: AxisData, vertical: boolean): void {
    const size = vertical ? this.height : this.width;
    if (d.velocity > 0) {
      const minE = vertical ? this.minYExtent() : this.minXExtent();
      if (
        (minE - d.move.value < size / 2 || d.flickTarget - d.move.value < size / 2) &&
        minE !== d.flickTarget
      )
        vertical ? this.flickY(-d.smoothVelocity) : this.flickX(-d.smoothVelocity);
    } else if (d.velocity < 0) {
      const maxE = vertical ? this.maxYExtent() : this.maxXExtent();
      if (
        (d.move.value - maxE < size / 2 || d.move.value - d.flickTarget < size / 2) &&
        maxE !== d.flickTarget
      )
        vertical ? this.flickY(-d.smoothVelocity) : this.flickX(-d.smoothVelocity);
    }
  }

  /** NoSnap (0), SnapToItem/SnapToRow (1), SnapOneItem/SnapOneRow (2). */
  protected abstract get snapModeValue(): number;

  /** The item to snap to at `pos` (QQuickListViewPrivate::snapItemAt). */
  protected snapItemAt(pos: number): FxViewItem | null {
    const velocity = (this.isVertical ? this.vData : this.hData).velocity;
    let snapItem: FxViewItem | null = null;
    let prevItem: FxViewItem | null = null;
    let prevItemSize = 0;
    const hl = this.highlightFx;
    for (const fx of this.visibleItems) {
      if (fx.index === -1) continue;
      let itemTop = fx.position();
      let itemSize = fx.size();
      if (hl && itemTop >= pos && fx.endPosition() <= pos + hl.size()) return fx;
      if (fx.section !== null && velocity > 0) {
        if (itemTop + fx.sectionSize() / 2 >= pos && itemTop - prevItemSize / 2 < pos) snapItem = prevItem;
        itemTop = fx.itemPosition();
        itemSize = fx.itemSize();
      }
      // The middle of the item and the spacing around it.
      const halfwayToNextItem = itemTop + (itemSize + this.spacingValue) / 2;
      const halfwayToPrevItem = itemTop - (prevItemSize + this.spacingValue) / 2;
      if (halfwayToNextItem >= pos && halfwayToPrevItem < pos) snapItem = fx;
      prevItemSize = fx.itemSize();
      prevItem = fx;
    }
    return snapItem;
  }

  /** QQuickListViewPrivate::snapPosAt: the snap position nearest `pos`, estimated beyond the items. */
  protected snapPosAt(pos: number): number {
    const fx = this.snapItemAt(pos);
    if (fx) return fx.itemPosition();
    const items = this.visibleItems;
    if (items.length > 0) {
      const firstPos = items[0]!.position();
      const endPos = items[items.length - 1]!.position();
      if (pos < firstPos)
        return firstPos - Math.round((firstPos - pos) / this.averageSize) * this.averageSize;
      if (pos > endPos) return endPos + Math.round((pos - endPos) / this.averageSize) * this.averageSize;
    }
    return (
      Math.round((pos - this.originPosition()) / this.averageSize) * this.averageSize + this.originPosition()
    );
  }

  protected flickTargetOvershoot = 0;

  /** QQuickListViewPrivate::flick: snapping views aim the flick at an item boundary. */
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
    if (!strict && snapMode === SNAP_NONE) {
      this.correctFlick = true;
      return super.flickAxis(d, minExtent, maxExtent, vSize, vertical, velocity, wheel);
    }
    const hrs = this.highlightRangeStart;
    const reversed = this.isContentFlowReversed;
    const size = this.viewSize();
    let maxDistance = 0;
    const dataValue = reversed ? -d.move.value + size : d.move.value;
    let vel = velocity;
    const firstFlick = !this.hData.flicking && !this.vData.flicking;
    if (vel > 0) {
      if (d.move.value < minExtent) {
        if (snapMode === SNAP_ONE_ITEM && firstFlick) {
          // averageSize/2 + 1: the next item
          let bias = this.averageSize / 2 + 1 - (this.pressed ? d.pressPos : 0);
          if (reversed) bias = -bias;
          d.flickTarget = -this.snapPosAt(-(dataValue - hrs) - bias) + hrs;
          maxDistance = Math.abs(d.flickTarget - d.move.value);
          vel = this.maxVelocity;
        } else {
          maxDistance = Math.abs(minExtent - d.move.value);
        }
      }
    } else if (d.move.value > maxExtent) {
      if (snapMode === SNAP_ONE_ITEM && firstFlick) {
        let bias = this.averageSize / 2 + 1 - (this.pressed ? d.pressPos : 0);
        if (reversed) bias = -bias;
        d.flickTarget = -this.snapPosAt(-(dataValue - hrs) + bias) + hrs;
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
      if (firstFlick) {
        // The first flick estimates the item boundary to stop at.
        let accel = this.deceleration;
        const v2 = v * v;
        this.flickTargetOvershoot = 0;
        let dist = v2 / (accel * 2) + this.averageSize / 4;
        if (maxDistance > 0) dist = Math.min(dist, maxDistance);
        if (v > 0) dist = -dist;
        if ((maxDistance > 0 && v2 / (2 * maxDistance) < accel) || snapMode === SNAP_ONE_ITEM) {
          if (snapMode !== SNAP_ONE_ITEM) {
            const distTemp = reversed ? -dist : dist;
            d.flickTarget = -this.snapPosAt(-(dataValue - hrs) + distTemp) + hrs;
          }
          d.flickTarget = reversed ? -d.flickTarget + size : d.flickTarget;
          const aim = this.aimFlick(d, v, dist, minExtent, maxExtent, vSize, overShoot, false);
          v = aim.v;
          accel = aim.accel;
          this.flickTargetOvershoot = aim.overshoot;
        } else if (overShoot) {
          d.flickTarget = d.move.value - dist;
          if (d.flickTarget > minExtent) {
            this.flickTargetOvershoot = this.overShootDistance(vSize);
            d.flickTarget += this.flickTargetOvershoot;
          } else if (d.flickTarget < maxExtent) {
            this.flickTargetOvershoot = this.overShootDistance(vSize);
            d.flickTarget -= this.flickTargetOvershoot;
          }
        }
        this.timeline.reset(d.move);
        this.timeline.accel(d.move, v, accel, maxDistance + this.flickTargetOvershoot);
        this.timeline.callback(d.move, fixup);
        this.correctFlick = true;
        return true;
      }
      // Flicking already: re-evaluate the boundary (the estimates may have changed).
      let newtarget = d.flickTarget;
      if (snapMode !== SNAP_NONE || strict) {
        const temp = reversed ? -d.flickTarget + size : d.flickTarget;
        newtarget = -this.snapPosAt(-(temp - hrs)) + hrs;
        newtarget = reversed ? -newtarget + size : newtarget;
      }
      if (vel < 0 && newtarget <= maxExtent) newtarget = maxExtent - this.flickTargetOvershoot;
      else if (vel > 0 && newtarget >= minExtent) newtarget = minExtent + this.flickTargetOvershoot;
      if (newtarget === d.flickTarget) {
        if (Math.abs(vel) < MINIMUM_FLICK_VELOCITY) this.correctFlick = false;
        return false;
      }
      d.flickTarget = newtarget;
      const dist = -newtarget + d.move.value;
      if ((v < 0 && dist < 0) || (v > 0 && dist > 0)) {
        this.correctFlick = false;
        this.timeline.reset(d.move);
        this.fixup(d, minExtent, maxExtent);
        return false;
      }
      this.timeline.reset(d.move);
      this.timeline.accelDistance(d.move, v, -dist);
      this.timeline.callback(d.move, fixup);
      return false;
    }
    this.correctFlick = false;
    this.timeline.reset(d.move);
    this.fixup(d, minExtent, maxExtent);
    return false;
  }

  /**
   * A snapping flick aimed at d.flickTarget: past an end by the overshoot
   * distance, and fast enough to get there at flickDeceleration (Qt's guard
   * against painfully slow flicking). GridView counts a target at an end as
   * past it (`inclusive`). The velocity and deceleration to flick with, and
   * the overshoot.
   */
  protected aimFlick(
    d: AxisData,
    v: number,
    dist: number,
    minExtent: number,
    maxExtent: number,
    vSize: number,
    overShoot: boolean,
    inclusive: boolean,
  ): { v: number; accel: number; overshoot: number } {
    let overshoot = 0;
    if (overShoot) {
      if (inclusive ? d.flickTarget >= minExtent : d.flickTarget > minExtent) {
        overshoot = this.overShootDistance(vSize);
        d.flickTarget += overshoot;
      } else if (inclusive ? d.flickTarget <= maxExtent : d.flickTarget < maxExtent) {
        overshoot = this.overShootDistance(vSize);
        d.flickTarget -= overshoot;
      }
    }
    let v2 = v * v;
    const adjDist = -d.flickTarget + d.move.value;
    if (Math.abs(adjDist) > Math.abs(dist)) {
      const adjv2 = this.deceleration * 2 * Math.abs(adjDist);
      if (adjv2 > v2) {
        v2 = adjv2;
        v = Math.sqrt(v2);
        if (dist > 0) v = -v;
      }
    }
    return { v, accel: v2 / (2 * Math.abs(adjDist)), overshoot };
  }

  protected fixupPosition(): void {
    if (this.isVertical) this.fixupY();
    else this.fixupX();
  }

  /** QQuickListViewPrivate::fixup (without snapping or highlight ranges): moves set by code are immediate. */
  protected override fixup(d: AxisData, minExtent: number, maxExtent: number): void {
    const isMainAxis = this.isVertical ? d === this.vData : d === this.hData;
    if (!isMainAxis) {
      const dir = this.flickableDirectionValue;
      if (dir !== (this.isVertical ? 2 : 1)) super.fixup(d, minExtent, maxExtent);
      return;
    }
    if (this.visibleItems.length === 0) this.updateFooter();
    this.correctFlick = false;
    if (this.moveReason !== MoveReason.Mouse) this.setImmediateFixup();
    if (this.snapModeValue !== SNAP_NONE && this.moveReason !== MoveReason.SetIndex) {
      if (this.snapFixup(d, minExtent, maxExtent)) return;
    } else if (this.currentItemFx && this.strictHighlightRange && this.moveReason !== MoveReason.SetIndex) {
      this.strictRangeFixup(d);
      return;
    }
    super.fixup(d, minExtent, maxExtent);
  }

  /** The strictly enforced range part of QQuickListViewPrivate::fixup: the current item back in the range. */
  protected strictRangeFixup(d: AxisData): void {
    this.updateHighlight();
    const current = this.currentItemFx!;
    const size = this.viewSize();
    let viewPos = this.isContentFlowReversed ? -this.position() - size : this.position();
    const pos = current.itemPosition();
    if (viewPos < pos + current.itemSize() - this.highlightRangeEnd)
      viewPos = pos + current.itemSize() - this.highlightRangeEnd;
    if (viewPos > pos - this.highlightRangeStart) viewPos = pos - this.highlightRangeStart;
    if (this.isContentFlowReversed) viewPos = -viewPos - size;
    this.timeline.reset(d.move);
    if (viewPos !== this.position()) {
      const easing =
        this.fixupMode === FixupMode.ExtentChanged && d.fixingUp ? Easing.OutQuad : Easing.InOutQuad;
      this.fixupTo(d, viewPos, easing);
    }
    this.fixupDone(d);
  }

  /** Moves the view to `pos` for a fixup: animated (half the fixup duration), or at once for an immediate one. */
  protected fixupTo(d: AxisData, pos: number, easing: typeof Easing.InOutQuad): void {
    if (!this.immediateFixup) {
      this.timeline.move(d.move, -pos, easing, this.fixupDuration / 2);
      d.fixingUp = true;
    } else {
      this.timeline.set(d.move, -pos);
    }
  }

  protected fixupDone(d: AxisData): void {
    d.vTime = this.timeline.time;
    d.inOvershoot = false;
    this.resetFixupMode();
  }

  /** The snapping part of QQuickListViewPrivate::fixup (inline header only); false: fix up as usual. */
  protected snapFixup(d: AxisData, minExtent: number, maxExtent: number): boolean {
    const reversed = this.isContentFlowReversed;
    const size = this.viewSize();
    let tempPosition = reversed ? -this.position() - size : this.position();
    if (this.snapModeValue === SNAP_ONE_ITEM && this.moveReason === MoveReason.Mouse) {
      // Dragged less than half an item: lean towards the next one.
      const dist = d.move.value - d.pressPos;
      let bias = 0;
      if (d.velocity > 0 && dist > SNAP_ONE_THRESHOLD && dist < this.averageSize / 2)
        bias = this.averageSize / 2;
      else if (d.velocity < 0 && dist < -SNAP_ONE_THRESHOLD && dist > -this.averageSize / 2)
        bias = -this.averageSize / 2;
      if (reversed) bias = -bias;
      tempPosition -= bias;
    }
    let snapOffset = 0;
    const header = this.headerFx;
    if (header) {
      const visiblePartOfHeader = header.position() + header.size() - tempPosition;
      if (visiblePartOfHeader > 0 && tempPosition < this.originPosition()) snapOffset = header.size() / 2;
    }
    const hrs = this.highlightRangeStart;
    const hre = this.highlightRangeEnd;
    const strict = this.strictHighlightRange;
    // (a strictly enforced range always keeps an item in it: the current one when none is there)
    const inRange = (fx: FxViewItem | null): FxViewItem | null => {
      const current = this.currentItemFx;
      if (!strict || !current || (fx && (fx.index === this.currentIndexValue || !this.immediateFixup)))
        return fx;
      this.updateHighlight();
      return current;
    };
    const topItem = inRange(this.snapItemAt(tempPosition + snapOffset + hrs));
    const bottomItem = inRange(this.snapItemAt(tempPosition + snapOffset + hre));
    const isInBounds = -this.position() > maxExtent && -this.position() <= minExtent;
    let pos: number;
    if (header && !topItem && isInBounds) {
      pos = reversed ? header.size() - size : header.position();
    } else if (topItem && (isInBounds || strict)) {
      if (
        topItem.index === 0 &&
        header &&
        tempPosition + hrs < header.position() + header.size() / 2 &&
        !strict
      )
        pos = reversed ? -header.position() + hrs - size : header.position() - hrs + header.size();
      else pos = reversed ? -topItem.itemPosition() + hrs - size : topItem.itemPosition() - hrs;
    } else if (bottomItem && isInBounds) {
      pos = reversed ? -bottomItem.itemPosition() + hre - size : bottomItem.itemPosition() - hre;
    } else {
      return false;
    }
    pos = Math.max(-minExtent, Math.min(pos, -maxExtent));
    this.timeline.reset(d.move);
    this.fixupTo(d, pos, Easing.InOutQuad);
    this.fixupDone(d);
    return true;
  }

  protected override viewMovementEnded(): void {
    // Qt (animStopped): once still, the cache buffer fills in both directions.
    this.bufferMode = BUFFER_BEFORE | BUFFER_AFTER;
    this.refillOrLayout();
    if (this.strictHighlightRange) this.updateHighlight();
  }

  override geometryChanged(change: Change, old: number): void {
    const w = this.width;
    const h = this.height;
    if (change & (Change.Width | Change.Height)) {
      this.resized(change, w - this.lastWidth, h - this.lastHeight);
      this.markExtentsDirty();
      if (this.isComponentComplete && (this.isValid() || this.visibleItems.length > 0))
        this.forceLayoutPolish();
    }
    this.lastWidth = w;
    this.lastHeight = h;
    super.geometryChanged(change, old);
  }

  protected lastWidth = 0;
  protected lastHeight = 0;

  /** The view's size changed by (dw, dh) (QQuickListView::geometryChange's part). */
  protected resized(change: Change, dw: number, dh: number): void {
    // Qt: right-to-left and bottom-to-top lists keep their position relative to the far edge.
    if (this.isRightToLeft && change & Change.Width) super.setContentX(this.contentXNow - dw);
    else if (this.isBottomToTop && change & Change.Height) super.setContentY(this.contentYNow - dh);
  }

  /** Flickable's own fixup, flick and position setters, for the views' overrides. */
  protected flickableFixup(d: AxisData, minExtent: number, maxExtent: number): void {
    super.fixup(d, minExtent, maxExtent);
  }
  protected flickableFlickAxis(
    d: AxisData,
    minExtent: number,
    maxExtent: number,
    vSize: number,
    vertical: boolean,
    velocity: number,
    wheel: boolean,
  ): boolean {
    return super.flickAxis(d, minExtent, maxExtent, vSize, vertical, velocity, wheel);
  }
  protected flickableSetContentX(pos: number): void {
    super.setContentX(pos);
  }
  protected flickableSetContentY(pos: number): void {
    super.setContentY(pos);
  }

  // ---- QML methods --------------------------------------------------------------------------------------

  positionViewAtIndex(...args: unknown[]): void {
    if (args.length < 2) throw new Error('Insufficient arguments');
    const [index, mode] = args;
    const i = Math.trunc(Number(index));
    if (!this.isValid() || !(i >= 0) || i >= this.modelCount) return;
    this.positionViewAt(i, Math.trunc(Number(mode)));
  }

  positionViewAtBeginning(): void {
    if (!this.isValid()) return;
    this.positionViewAt(-1, 0);
  }

  positionViewAtEnd(): void {
    if (!this.isValid()) return;
    this.positionViewAt(this.modelCount, 2);
  }

  /** QQuickItemViewPrivate::positionViewAtIndex (modes Beginning 0, Center 1, End 2, Visible 3, Contain 4, SnapPosition 5). */
  protected positionViewAt(index: number, mode: number): void {
    if (!(mode >= 0 && mode <= 5)) return;
    this.cancelFlick();
    this.applyPendingChanges();
    const modelCount = this.modelCount;
    const idx = Math.max(Math.min(index, modelCount - 1), 0);
    const viewSize = this.viewSize();
    let pos = this.isContentFlowReversed ? -this.position() - viewSize : this.position();
    let fx = this.visibleItem(idx);
    const stale = this.isContentFlowReversed ? null : this.extentBeforeChanges;
    const maxExtent = stale !== null ? -stale : this.calculatedMaxExtent();
    if (!fx) {
      const itemPos = this.positionAt(idx);
      this.changedVisibleIndex(idx, itemPos);
      // Keep the old items referenced until the new ones exist (they may be visible again).
      const oldVisible = this.visibleItems;
      this.visibleItems = [];
      this.setPosition(Math.min(itemPos, maxExtent));
      for (const o of oldVisible) this.releaseItem(o);
      fx = this.visibleItem(idx);
    }
    if (fx) {
      const stickyHeader = this.hasStickyHeader();
      const stickyFooter = this.hasStickyFooter();
      const stickyHeaderSize = stickyHeader ? this.headerSize() : 0;
      const stickyFooterSize = stickyFooter ? this.footerSize() : 0;
      const itemPos = fx.position();
      switch (mode) {
        case 0:
          pos = itemPos;
          if (this.headerFx && (index < 0 || stickyHeader)) pos -= this.headerSize();
          break;
        case 1:
          pos = itemPos - (viewSize - fx.size()) / 2;
          break;
        case 2:
          pos = itemPos - viewSize + fx.size();
          if (this.footerFx && (index >= modelCount || stickyFooter)) pos += this.footerSize();
          break;
        case 3:
          if (itemPos > pos + viewSize - stickyFooterSize)
            pos = fx.endPosition() - viewSize + stickyFooterSize;
          else if (fx.endPosition() <= pos - stickyHeaderSize) pos = itemPos - stickyHeaderSize;
          break;
        case 4:
          if (fx.endPosition() >= pos + viewSize + stickyFooterSize)
            pos = itemPos - viewSize + fx.size() + stickyFooterSize;
          if (itemPos - stickyHeaderSize < pos) pos = itemPos - stickyHeaderSize;
          break;
        case 5:
          pos = itemPos - this.highlightRangeStart - stickyHeaderSize;
          break;
      }
      pos = Math.min(pos, maxExtent);
      pos = Math.max(pos, this.calculatedMinExtent());
      this.moveReason = MoveReason.Other;
      this.setPosition(pos);
      if (this.highlightFx) {
        if (this.autoHighlight) this.resetHighlightPosition();
        this.updateHighlight();
      }
    }
    this.fixupPosition();
  }

  /** The view is to be filled from row `index` on (changedVisibleIndex). */
  protected changedVisibleIndex(index: number, pos: number): void {
    this.visiblePos = pos;
    this.visibleIndex = index;
  }

  indexAt(x?: unknown, y?: unknown): number {
    const fx = this.visibleItems.find((v) => v.contains(Number(x), Number(y)));
    return fx ? fx.index : -1;
  }

  itemAt(x?: unknown, y?: unknown): Item | null {
    const fx = this.visibleItems.find((v) => v.contains(Number(x), Number(y)));
    return fx ? fx.item : null;
  }

  itemAtIndex(index?: unknown): Item | null {
    const fx = this.visibleItem(Math.trunc(Number(index)));
    return fx ? fx.item : null;
  }

  forceLayout(): void {
    if (this.isComponentComplete && (this.hasPendingChanges() || this.forceLayoutFlag)) this.layout();
  }

  incrementCurrentIndex(): void {
    const count = this.modelCount;
    const ci = this.currentIndexValue;
    const wrap = this.$v[IV.keyNavigationWraps] as boolean;
    if (count && (ci < count - 1 || wrap)) {
      this.moveReason = MoveReason.SetIndex;
      const index = ci + 1;
      this.setCurrentIndexValue(index >= 0 && index < count ? index : 0);
    }
  }

  decrementCurrentIndex(): void {
    const count = this.modelCount;
    const ci = this.currentIndexValue;
    const wrap = this.$v[IV.keyNavigationWraps] as boolean;
    if (count && (ci > 0 || wrap)) {
      this.moveReason = MoveReason.SetIndex;
      const index = ci - 1;
      this.setCurrentIndexValue(index >= 0 && index < count ? index : count - 1);
    }
  }

  override keyPressEvent(e: KeyEventLike): boolean {
    const enabled = this.$v[IV.keyNavigationEnabled] as boolean;
    if (this.modelCount && enabled) {
      const vertical = this.isVertical;
      const back =
        (!vertical && !this.isRightToLeft && e.key === KEY_LEFT) ||
        (!vertical && this.isRightToLeft && e.key === KEY_RIGHT) ||
        (vertical && !this.isBottomToTop && e.key === KEY_UP) ||
        (vertical && this.isBottomToTop && e.key === KEY_DOWN);
      const forward =
        (!vertical && !this.isRightToLeft && e.key === KEY_RIGHT) ||
        (!vertical && this.isRightToLeft && e.key === KEY_LEFT) ||
        (vertical && !this.isBottomToTop && e.key === KEY_DOWN) ||
        (vertical && this.isBottomToTop && e.key === KEY_UP);
      const wrap = this.$v[IV.keyNavigationWraps] as boolean;
      const ci = this.currentIndexValue;
      if (back) {
        if (ci > 0 || (wrap && !e.isAutoRepeat)) {
          this.decrementCurrentIndex();
          return true;
        }
        if (wrap) return true;
      } else if (forward) {
        if (ci < this.modelCount - 1 || (wrap && !e.isAutoRepeat)) {
          this.incrementCurrentIndex();
          return true;
        }
        if (wrap) return true;
      }
    }
    return false;
  }

  // ---- properties with side effects ---------------------------------------------------------------------

  /** Orientation or layout direction changed: rebuild (QQuickItemViewPrivate::regenerate). */
  regenerate(orientationChanged: boolean): void {
    if (!this.isComponentComplete) return;
    if (orientationChanged) {
      for (const fx of [this.headerFx, this.footerFx]) {
        if (fx) {
          fx.item.removeListener(this.tracker);
          fx.item.$destroy();
        }
      }
      this.headerFx = this.footerFx = null;
    }
    this.clear();
    this.updateHeader();
    this.updateFooter();
    this.updateViewport();
    this.setPosition(this.contentStartOffset());
    this.refill();
    this.updateCurrent(this.currentIndexValue);
  }

  /** ListView's orientation or GridView's flow changed: the view scrolls along the other axis now. */
  onOrientationChanged(toStart = false): void {
    this.$v[FLICK.flickableDirection] = this.isVertical ? 2 : 1;
    if (this.isVertical) {
      this.setContentWidth(-1);
      this.vData.markExtentsDirty();
    } else {
      this.setContentHeight(-1);
      this.hData.markExtentsDirty();
    }
    // (GridView's flow: the content goes back to its start)
    if (toStart) {
      this.setContentX(0);
      this.setContentY(0);
    }
    if (!this.isComponentComplete) return;
    this.regenerate(true);
  }

  onSpacingChanged(): void {
    this.forceLayoutPolish();
  }

  onLayoutDirectionChanged(): void {
    this.updateEffectiveLayoutDirection();
    this.regenerate(false);
  }

  /** QQuickListView::setHighlightMoveDuration: the running highlight takes the new duration. */
  onHighlightMoveDurationChanged(): void {
    if (this.highlightPosAnimator)
      this.highlightPosAnimator.userDuration = this.$v[IV.highlightMoveDuration] as number;
  }

  onCacheBufferChanged(): void {
    if (this.isComponentComplete) {
      this.bufferMode = BUFFER_BEFORE | BUFFER_AFTER;
      this.refillOrLayout();
    }
  }

  onHeaderChanged(): void {
    this.replaceHeaderOrFooter(true);
  }

  onFooterChanged(): void {
    this.replaceHeaderOrFooter(false);
  }

  onHighlightChanged(): void {
    this.applyPendingChanges();
    this.createHighlight();
    if (this.currentItemFx) this.updateHighlight();
  }

  onHighlightFollowsCurrentItemChanged(): void {
    if (this.autoHighlight) this.updateHighlight();
  }

  // ---- sections (list-sections.ts, loaded on first use) -----------------------------------------------

  makeSection(): ViewSection {
    const s = new ViewSection();
    s.$engine = this.$engine;
    s.$setOwner(this);
    s.view = this;
    if (sectionsClass) {
      this.sections = new sectionsClass(this, s);
    } else {
      // (a file that does not speak of `section` reached it: the code comes now)
      void loadSections?.().then(() => {
        if (this.$destroyed || !sectionsClass) return;
        this.sections = new sectionsClass(this, s);
        this.sectionCriteriaChanged();
      });
    }
    return s;
  }

  sectionCriteriaChanged(): void {
    if (this.isComponentComplete) {
      this.sections?.updateSections();
      this.forceLayoutPolish();
    }
  }

  /** An item's size along the list. */
  extentOf(item: Item): number {
    return item.$v[this.isVertical ? ITEM.height : ITEM.width] as number;
  }

  /** An item's position along the list (its y or x). */
  placeOf(item: Item): number {
    return item.$v[this.isVertical ? ITEM.y : ITEM.x] as number;
  }

  placeAt(item: Item, pos: number): void {
    if (this.isVertical) item.setY(pos);
    else item.setX(pos);
  }

  /** Another section delegate: the headers made by the old one go (QQuickListViewPrivate::releaseSectionItems). */
  sectionDelegateChanged(): void {
    this.sections?.delegateChanged();
    this.sectionLayoutChanged();
  }

  sectionLayoutChanged(): void {
    if (this.isComponentComplete) this.forceLayoutPolish();
  }

  /** A row's value of the model role `role` (the section property). */
  modelValue(index: number, role: string): unknown {
    return this.dm.value(index, role);
  }

  override $teardown(): void {
    this.bufferPause.stop();
    this.highlightPosAnimator?.stop();
    this.highlightWidthAnimator?.stop();
    this.highlightHeightAnimator?.stop();
    this.vt?.dispose();
    this.dm.dispose();
    super.$teardown();
  }
}

export class ListView extends ItemView {
  constructor() {
    super();
    this.$v[IV.highlightMoveDuration] = -1;
  }

  get isVertical(): boolean {
    return (this.$v[LV.orientation] as number) === VERTICAL;
  }
  protected override get spacingValue(): number {
    return this.$v[LV.spacing] as number;
  }
  protected override get headerPositioningValue(): number {
    return this.$v[LV.headerPositioning] as number;
  }
  protected override get footerPositioningValue(): number {
    return this.$v[LV.footerPositioning] as number;
  }
  protected override get highlightMoveVelocityValue(): number {
    return this.$v[LV.highlightMoveVelocity] as number;
  }
  protected override get highlightResizeVelocityValue(): number {
    return this.$v[LV.highlightResizeVelocity] as number;
  }
  protected override get highlightResizeDurationValue(): number {
    return this.$v[LV.highlightResizeDuration] as number;
  }
  override get currentSectionName(): string {
    return this.$v[LV.currentSection] as string;
  }
  override set currentSectionName(section: string) {
    this.$store(LV.currentSection, section);
  }
  protected get snapModeValue(): number {
    return this.$v[LV.snapMode] as number;
  }
  protected attachedMeta(): MetaObject {
    return ListViewAttachedMeta;
  }
}

function shiftForRemoval(i: number, index: number, count: number): number {
  if (i >= index + count) return i - count;
  if (i > index) return index;
  return i;
}

const onChange = (f: (v: ItemView) => void) => (o: QObject) => f(o as ItemView);

/** What ListView and GridView share (QQuickItemView), in Qt's order. */
function viewTransition(name: string) {
  return {
    type: 'QtObject',
    notify: `${name}TransitionChanged`,
    write: (o: QObject, v: unknown) => (o as ItemView).setViewTransition(name, o.$meta.index(name), v),
  };
}

export const ItemViewMeta: MetaObject = defineType(ItemView, FlickableMeta, {
  name: 'ItemView',
  cppClass: 'QQuickItemView',
  properties: {
    model: { ...MODEL_PROPERTY, changed: onChange((v) => v.onModelChanged()) },
    delegate: { type: 'Component', changed: onChange((v) => v.onDelegateChanged()) },
    count: { type: 'int', readonly: true },
    currentIndex: {
      type: 'int',
      default: -1,
      write: (o, v) => (o as ItemView).setCurrentIndexValue(v as number),
    },
    currentItem: { type: 'Item', readonly: true },
    keyNavigationWraps: { type: 'bool' },
    keyNavigationEnabled: { type: 'bool', default: true },
    cacheBuffer: {
      type: 'int',
      default: 320,
      write: (o, v) => {
        const view = o as ItemView;
        if ((v as number) < 0) {
          view.warn('Cannot set a negative cache buffer');
          return;
        }
        if (view.$store(IV.cacheBuffer, v)) view.onCacheBufferChanged();
      },
    },
    displayMarginBeginning: { type: 'int', changed: onChange((v) => v.onSpacingChanged()) },
    displayMarginEnd: { type: 'int', changed: onChange((v) => v.onSpacingChanged()) },
    layoutDirection: {
      type: 'enumeration',
      changed: onChange((v) => v.onLayoutDirectionChanged()),
    },
    effectiveLayoutDirection: { type: 'enumeration', readonly: true },
    verticalLayoutDirection: {
      type: 'enumeration',
      default: 2,
      changed: onChange((v) => v.regenerate(false)),
    },
    header: { type: 'Component', changed: onChange((v) => v.onHeaderChanged()) },
    headerItem: { type: 'Item', readonly: true },
    footer: { type: 'Component', changed: onChange((v) => v.onFooterChanged()) },
    footerItem: { type: 'Item', readonly: true },
    populate: viewTransition('populate'),
    add: viewTransition('add'),
    addDisplaced: viewTransition('addDisplaced'),
    move: viewTransition('move'),
    moveDisplaced: viewTransition('moveDisplaced'),
    remove: viewTransition('remove'),
    removeDisplaced: viewTransition('removeDisplaced'),
    displaced: viewTransition('displaced'),
    highlight: { type: 'Component', changed: onChange((v) => v.onHighlightChanged()) },
    highlightItem: { type: 'Item', readonly: true },
    highlightFollowsCurrentItem: {
      type: 'bool',
      default: true,
      changed: onChange((v) => v.onHighlightFollowsCurrentItemChanged()),
    },
    highlightRangeMode: { type: 'enumeration', changed: onChange((v) => v.highlightRangeChanged(true)) },
    preferredHighlightBegin: {
      type: 'real',
      write: (o, v) => (o as ItemView).setPreferredHighlight(true, v as number),
    },
    preferredHighlightEnd: {
      type: 'real',
      write: (o, v) => (o as ItemView).setPreferredHighlight(false, v as number),
    },
    // (ListView's default is -1, set by its constructor)
    highlightMoveDuration: {
      type: 'int',
      default: 150,
      changed: onChange((v) => v.onHighlightMoveDurationChanged()),
    },
    reuseItems: { type: 'bool' },
  },
  // (QQuickItemView's names for the transitions' change signals)
  signals: {
    populateTransitionChanged: {},
    addTransitionChanged: {},
    addDisplacedTransitionChanged: {},
    moveTransitionChanged: {},
    moveDisplacedTransitionChanged: {},
    removeTransitionChanged: {},
    removeDisplacedTransitionChanged: {},
    displacedTransitionChanged: {},
  },
  methods: [
    'positionViewAtIndex',
    'positionViewAtBeginning',
    'positionViewAtEnd',
    'indexAt',
    'itemAt',
    'itemAtIndex',
    'forceLayout',
  ],
  enums: {
    Beginning: 0,
    Center: 1,
    End: 2,
    Visible: 3,
    Contain: 4,
    SnapPosition: 5,
    NoHighlightRange: 0,
    ApplyRange: 1,
    StrictlyEnforceRange: 2,
    // Qt::LayoutDirection and Qt's vertical directions (Qt::TopToBottom = 2).
    LeftToRight: 0,
    RightToLeft: 1,
    TopToBottom: 2,
    BottomToTop: 3,
  },
  creatable: false,
});
copyArrayModelOnRead(ItemView.prototype);

export const IV = {
  model: ItemViewMeta.index('model'),
  delegate: ItemViewMeta.index('delegate'),
  count: ItemViewMeta.index('count'),
  currentIndex: ItemViewMeta.index('currentIndex'),
  currentItem: ItemViewMeta.index('currentItem'),
  keyNavigationWraps: ItemViewMeta.index('keyNavigationWraps'),
  keyNavigationEnabled: ItemViewMeta.index('keyNavigationEnabled'),
  cacheBuffer: ItemViewMeta.index('cacheBuffer'),
  displayMarginBeginning: ItemViewMeta.index('displayMarginBeginning'),
  displayMarginEnd: ItemViewMeta.index('displayMarginEnd'),
  layoutDirection: ItemViewMeta.index('layoutDirection'),
  verticalLayoutDirection: ItemViewMeta.index('verticalLayoutDirection'),
  effectiveLayoutDirection: ItemViewMeta.index('effectiveLayoutDirection'),
  header: ItemViewMeta.index('header'),
  headerItem: ItemViewMeta.index('headerItem'),
  footer: ItemViewMeta.index('footer'),
  footerItem: ItemViewMeta.index('footerItem'),
  highlight: ItemViewMeta.index('highlight'),
  highlightItem: ItemViewMeta.index('highlightItem'),
  highlightFollowsCurrentItem: ItemViewMeta.index('highlightFollowsCurrentItem'),
  highlightMoveDuration: ItemViewMeta.index('highlightMoveDuration'),
  highlightRangeMode: ItemViewMeta.index('highlightRangeMode'),
  preferredHighlightBegin: ItemViewMeta.index('preferredHighlightBegin'),
  preferredHighlightEnd: ItemViewMeta.index('preferredHighlightEnd'),
  currentIndexChanged: ItemViewMeta.signalsByName.get('currentIndexChanged')!.index,
  countChanged: ItemViewMeta.signalsByName.get('countChanged')!.index,
  currentItemChanged: ItemViewMeta.signalsByName.get('currentItemChanged')!.index,
};

// `count` reads the model live, like QQuickItemView::count().
Object.defineProperty(ItemView.prototype, 'count', {
  configurable: true,
  get(this: ItemView) {
    const o = currentObserver;
    if (o !== null) o.track(this.$source(IV.countChanged));
    return this.liveCount;
  },
});

export const ListViewMeta: MetaObject = defineType(ListView, ItemViewMeta, {
  name: 'ListView',
  cppClass: 'QQuickListView',
  properties: {
    highlightMoveVelocity: { type: 'real', default: 400 },
    highlightResizeVelocity: { type: 'real', default: 400 },
    highlightResizeDuration: { type: 'int', default: -1 },
    spacing: { type: 'real', changed: onChange((v) => v.onSpacingChanged()) },
    orientation: {
      type: 'enumeration',
      default: 2,
      changed: onChange((v) => v.onOrientationChanged()),
    },
    currentSection: { type: 'string', readonly: true },
    snapMode: { type: 'enumeration' },
    headerPositioning: { type: 'enumeration', changed: onChange((v) => v.onHeaderPositioningChanged(true)) },
    footerPositioning: { type: 'enumeration', changed: onChange((v) => v.onHeaderPositioningChanged(false)) },
    section: {
      type: 'ViewSection',
      // (a CONSTANT pointer property in Qt: assigning it is refused)
      readonly: true,
      constant: true,
      group: { meta: () => ViewSectionMeta, create: (owner) => (owner as ListView).makeSection() },
    },
  },
  methods: ['incrementCurrentIndex', 'decrementCurrentIndex'],
  enums: {
    Horizontal: 1,
    Vertical: 2,
    NoSnap: 0,
    SnapToItem: 1,
    SnapOneItem: 2,
    InlineHeader: 0,
    OverlayHeader: 1,
    PullBackHeader: 2,
    InlineFooter: 0,
    OverlayFooter: 1,
    PullBackFooter: 2,
  },
  attachedType: () => ListViewAttachedMeta,
});

const LV = {
  highlightMoveVelocity: ListViewMeta.index('highlightMoveVelocity'),
  highlightResizeVelocity: ListViewMeta.index('highlightResizeVelocity'),
  highlightResizeDuration: ListViewMeta.index('highlightResizeDuration'),
  spacing: ListViewMeta.index('spacing'),
  orientation: ListViewMeta.index('orientation'),
  currentSection: ListViewMeta.index('currentSection'),
  snapMode: ListViewMeta.index('snapMode'),
  headerPositioning: ListViewMeta.index('headerPositioning'),
  footerPositioning: ListViewMeta.index('footerPositioning'),
};
