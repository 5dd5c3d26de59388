// ListView's sections (the section code of QQuickListViewPrivate): the
// section of each delegate and of its neighbours (ListView.section,
// previousSection, nextSection), the headers made from section.delegate
// above the delegates that start a section, kept in a small cache when
// released, and the sticky labels (ViewSection.CurrentLabelAtStart,
// NextLabelAtEnd). The page loads it with the types loaded on first use,
// for a file that speaks of `section`.
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { type ComponentFactory, type QmlComponent, QtObjectMeta } from '../../engine/qtqml';
import { ITEM, Item } from './Item';
import {
  ATT,
  type FxViewItem,
  type ItemView,
  type ItemViewAttached,
  type ListSectionsLike,
  SECTION,
  type ViewSection,
} from './ListView';

const INLINE_LABELS = 1;
const CURRENT_LABEL_AT_START = 2;
const NEXT_LABEL_AT_END = 4;

/** What a section header's code sees as `section` (Qt's context property of that name). */
class SectionContext extends QObject {}
const SectionContextMeta: MetaObject = defineType(SectionContext, QtObjectMeta, {
  name: 'QQmlContext',
  cppClass: 'QQmlContext',
  properties: { section: { type: 'string' } },
  creatable: false,
});
const SECTION_TEXT = SectionContextMeta.index('section');

/** Qt compares section names ignoring case (QString::compare with Qt::CaseInsensitive). */
function sameSection(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/** Section headers released by delegates that left, kept hidden for the next ones (QQuickListViewPrivate::sectionCacheSize). */
const SECTION_CACHE_SIZE = 5;

export class ListSections implements ListSectionsLike {
  private readonly sectionCache: Array<Item | null> = new Array<Item | null>(SECTION_CACHE_SIZE).fill(null);
  /** The sticky labels (CurrentLabelAtStart, NextLabelAtEnd) and what they show. */
  private currentSectionItem: Item | null = null;
  private currentStickySection = '';
  private nextSectionItem: Item | null = null;
  private nextStickySection = '';
  private lastVisibleSection = '';
  private nextSection = '';

  constructor(
    private readonly view: ItemView,
    private readonly object: ViewSection,
  ) {}

  /** A delegate was made: its sections, and its header if it starts one. */
  itemCreated(fx: FxViewItem): void {
    this.initializeSection(fx);
    const att = fx.attached;
    if (
      att &&
      this.sectionDelegate() &&
      !sameSection(att.$v[ATT.previousSection] as string, att.$v[ATT.section] as string)
    )
      this.updateInlineSection(fx);
  }

  /** The view lets go of everything (QQuickItemViewPrivate::clear). */
  clear(): void {
    this.dropSectionCache();
    if (this.currentSectionItem) this.releaseSectionItem(this.currentSectionItem);
    this.currentSectionItem = null;
    if (this.nextSectionItem) this.releaseSectionItem(this.nextSectionItem);
    this.nextSectionItem = null;
    this.lastVisibleSection = '';
  }

  /** Another section delegate: the headers made by the old one go (QQuickListViewPrivate::releaseSectionItems). */
  delegateChanged(): void {
    for (const fx of this.view.visibleItems) {
      const header = fx.section;
      if (header === null) continue;
      const pos = fx.position();
      this.releaseSectionItem(header);
      fx.section = null;
      fx.setPosition(pos);
    }
    this.dropSectionCache();
  }

  private sectionString(index: number): string {
    const s = this.object;
    if (!s || index < 0 || index >= this.view.modelCount) return '';
    const prop = s.$v[SECTION.property] as string;
    if (!prop) return '';
    const v = this.view.modelValue(index, prop);
    const str = v === undefined || v === null ? '' : String(v);
    if ((s.$v[SECTION.criteria] as number) === 1) return str.length > 0 ? str[0]! : '';
    return str;
  }

  initializeSection(fx: FxViewItem): void {
    if (!this.object || !fx.attached) return;
    const i = fx.index;
    fx.attached.$store(ATT.section, this.sectionString(i));
    fx.attached.$store(ATT.previousSection, i > 0 ? this.sectionAt(i - 1) : '');
    fx.attached.$store(ATT.nextSection, i < this.view.modelCount - 1 ? this.sectionAt(i + 1) : '');
  }

  /** The section of row `index`: a visible delegate's, or the model's. */
  sectionAt(index: number): string {
    const fx = this.view.visibleItem(index);
    if (fx?.attached) return fx.attached.$v[ATT.section] as string;
    return this.sectionString(index);
  }

  /** QQuickListViewPrivate::updateSections: every visible delegate's sections, and its header. */
  updateSections(): void {
    if (!this.object || !this.view.isComponentComplete) return;
    const items = this.view.visibleItems;
    if (items.length > 0 && this.view.isValid()) {
      let prevSection = this.view.visibleIndex > 0 ? this.sectionAt(this.view.visibleIndex - 1) : '';
      let prevAtt: ItemViewAttached | null = null;
      let prevIdx = -1;
      let idx = -1;
      for (const fx of items) {
        const att = fx.attached;
        if (!att) continue;
        att.$store(ATT.previousSection, prevSection);
        if (fx.index !== -1) {
          att.$store(ATT.section, this.sectionString(fx.index));
          idx = fx.index;
        }
        this.updateInlineSection(fx);
        if (prevAtt) prevAtt.$store(ATT.nextSection, this.sectionAt(prevIdx + 1));
        prevSection = att.$v[ATT.section] as string;
        prevAtt = att;
        prevIdx = fx.index;
      }
      if (prevAtt)
        prevAtt.$store(
          ATT.nextSection,
          idx > 0 && idx < this.view.modelCount - 1 ? this.sectionAt(idx + 1) : '',
        );
    }
    this.lastVisibleSection = '';
  }

  /** `currentSection`: the section of the first delegate in view; and the next section, for NextLabelAtEnd. */
  updateCurrentSection(): void {
    const items = this.view.visibleItems;
    if (!this.object || items.length === 0) {
      this.view.currentSectionName = '';
      return;
    }
    const positioning = this.object.$v[SECTION.labelPositioning] as number;
    const size = this.view.viewSize();
    const viewPos = this.view.isContentFlowReversed ? -this.view.position() - size : this.view.position();
    const startPos = this.view.hasStickyHeader() ? this.view.headerFx!.endPosition() : viewPos;
    let index = 0;
    let modelIndex = this.view.visibleIndex;
    while (index < items.length) {
      const fx = items[index]!;
      if (fx.endPosition() > startPos) break;
      if (fx.index !== -1) modelIndex = fx.index;
      index++;
    }
    const current = this.view.currentSectionName;
    const newSection = ((index < items.length ? items[index]! : items[0]!).attached?.$v[ATT.section] ??
      '') as string;
    if (newSection !== current) {
      this.view.currentSectionName = newSection;
      this.updateStickySections();
    }
    if (positioning & NEXT_LABEL_AT_END) {
      // The next section is looked for only when the last section in view changes.
      let lastSection = newSection;
      let endPos = this.view.hasStickyFooter() ? this.view.footerFx!.position() : viewPos + size;
      if (this.nextSectionItem && !(positioning & INLINE_LABELS))
        endPos -= this.view.extentOf(this.nextSectionItem);
      while (index < items.length) {
        const fx = items[index]!;
        if (fx.itemPosition() >= endPos) break;
        if (fx.index !== -1) modelIndex = fx.index;
        lastSection = (fx.attached?.$v[ATT.section] ?? '') as string;
        index++;
      }
      if (this.lastVisibleSection !== lastSection) {
        this.nextSection = '';
        this.lastVisibleSection = lastSection;
        for (let i = modelIndex; i < this.view.itemCount; i++) {
          const section = this.sectionAt(i);
          if (section !== lastSection) {
            this.nextSection = section;
            this.updateStickySections();
            break;
          }
        }
      }
    }
  }

  /**
   * The sticky labels (QQuickListViewPrivate::updateStickySections): the
   * current section's label held at the start of the view until the next
   * section's header pushes it out, the next section's at the end; inline
   * headers that would overlap them are hidden.
   */
  updateStickySections(): void {
    const criteria = this.object;
    if (!criteria || !this.sectionDelegate()) return;
    const positioning = criteria.$v[SECTION.labelPositioning] as number;
    if (!positioning && !this.currentSectionItem && !this.nextSectionItem) return;
    const reversed = this.view.isContentFlowReversed;
    const size = this.view.viewSize();
    const viewPos = reversed ? -this.view.position() - size : this.view.position();
    const startPos = this.view.hasStickyHeader() ? this.view.headerFx!.endPosition() : viewPos;
    const endPos = this.view.hasStickyFooter() ? this.view.footerFx!.position() : viewPos + size;
    let sectionItem: Item | null = null;
    let lastSectionItem: Item | null = null;
    for (const fx of this.view.visibleItems) {
      const section = fx.section;
      if (section === null) continue;
      const sectionPos = this.view.placeOf(section);
      const sectionSize = this.view.extentOf(section);
      let visTop = true;
      if (positioning & CURRENT_LABEL_AT_START)
        visTop = reversed ? -sectionPos - sectionSize >= startPos : sectionPos >= startPos;
      let visBot = true;
      if (positioning & NEXT_LABEL_AT_END)
        visBot = reversed ? -sectionPos <= endPos : sectionPos + sectionSize < endPos;
      section.$write(ITEM.visible, visBot && visTop);
      if (visTop && !sectionItem) sectionItem = section;
      if (reversed ? -sectionPos <= endPos : sectionPos + sectionSize < endPos) lastSectionItem = section;
    }
    const header = this.view.headerFx;
    const footer = this.view.footerFx;
    const current = this.view.currentSectionName;
    if (positioning & CURRENT_LABEL_AT_START && this.view.isValid() && this.view.visibleItems.length > 0) {
      if (!this.currentSectionItem) this.currentSectionItem = this.getSectionItem(current);
      else if (!sameSection(this.currentStickySection, current))
        this.setSectionText(this.currentSectionItem, current);
      this.currentStickySection = current;
      const item = this.currentSectionItem;
      if (!item) return;
      const sectionSize = this.view.extentOf(item);
      const d = this.view.isVertical ? this.view.vData : this.view.hData;
      const atBeginning = (this.view.isVertical ? this.view.isBottomToTop : this.view.isRightToLeft)
        ? d.atEnd
        : d.atBeginning;
      item.$write(
        ITEM.visible,
        !atBeginning && (!header || this.view.hasStickyHeader() || header.endPosition() < viewPos),
      );
      let pos = reversed ? this.view.position() + size - sectionSize : startPos;
      if (header)
        pos = reversed
          ? Math.min(-header.endPosition() - sectionSize, pos)
          : Math.max(header.endPosition(), pos);
      if (sectionItem) {
        const sectionPos = this.view.placeOf(sectionItem);
        pos = reversed ? Math.max(pos, sectionPos + sectionSize) : Math.min(pos, sectionPos - sectionSize);
      }
      if (footer)
        pos = reversed ? Math.max(-footer.position(), pos) : Math.min(footer.position() - sectionSize, pos);
      this.view.placeAt(item, pos);
    } else if (this.currentSectionItem) {
      this.releaseSectionItem(this.currentSectionItem);
      this.currentSectionItem = null;
    }
    if (positioning & NEXT_LABEL_AT_END && this.view.isValid() && this.view.visibleItems.length > 0) {
      if (!this.nextSectionItem) this.nextSectionItem = this.getSectionItem(this.nextSection);
      else if (!sameSection(this.nextStickySection, this.nextSection))
        this.setSectionText(this.nextSectionItem, this.nextSection);
      this.nextStickySection = this.nextSection;
      const item = this.nextSectionItem;
      if (!item) return;
      const sectionSize = this.view.extentOf(item);
      item.$write(ITEM.visible, this.nextSection !== '');
      let pos = reversed ? this.view.position() : endPos - sectionSize;
      if (footer)
        pos = reversed ? Math.max(-footer.position(), pos) : Math.min(footer.position() - sectionSize, pos);
      if (lastSectionItem) {
        const sectionPos = this.view.placeOf(lastSectionItem);
        pos = reversed ? Math.min(pos, sectionPos - sectionSize) : Math.max(pos, sectionPos + sectionSize);
      }
      if (header)
        pos = reversed
          ? Math.min(-header.endPosition() - sectionSize, pos)
          : Math.max(header.endPosition(), pos);
      this.view.placeAt(item, pos);
    } else if (this.nextSectionItem) {
      this.releaseSectionItem(this.nextSectionItem);
      this.nextSectionItem = null;
    }
  }

  sectionDelegate(): QmlComponent | null {
    return (this.object?.$v[SECTION.delegate] as QmlComponent | null | undefined) ?? null;
  }

  /**
   * A delegate that starts a section gets a section header above it; one
   * that no longer does gives its header back (QQuickListViewPrivate::updateInlineSection).
   */
  updateInlineSection(fx: FxViewItem): void {
    const att = fx.attached;
    if (!att || !this.sectionDelegate()) return;
    const positioning = this.object!.$v[SECTION.labelPositioning] as number;
    const section = att.$v[ATT.section] as string;
    const starts =
      !sameSection(att.$v[ATT.previousSection] as string, section) &&
      ((positioning & INLINE_LABELS) !== 0 ||
        (fx.index === 0 && (positioning & CURRENT_LABEL_AT_START) !== 0));
    if (starts) {
      if (fx.section === null) {
        const pos = fx.position();
        fx.section = this.getSectionItem(section);
        fx.setPosition(pos);
      } else {
        this.setSectionText(fx.section, section);
      }
    } else if (fx.section !== null) {
      const pos = fx.position();
      const header = fx.section;
      fx.section = null;
      this.releaseSectionItem(header);
      fx.setPosition(pos);
    }
  }

  /** A section header for `section`: a hidden one from the cache, or a new one. */
  getSectionItem(section: string): Item | null {
    let item: Item | null = null;
    let i = SECTION_CACHE_SIZE - 1;
    while (i >= 0 && this.sectionCache[i] === null) i--;
    if (i >= 0) {
      item = this.sectionCache[i]!;
      this.sectionCache[i] = null;
      item.$write(ITEM.visible, true);
      this.setSectionText(item, section);
    } else {
      const component = this.sectionDelegate()!;
      const context = component.creationContext;
      if (component.unit && context) {
        // Qt: a delegate with required properties gets `section` as one (the
        // Qt 6 way, `required property string section`); others see it in
        // their context.
        const required = component.unit.root.required.length > 0;
        const data = new SectionContext();
        data.$engine = this.view.$engine;
        data.$v[SECTION_TEXT] = section;
        const factory = context.engine as unknown as ComponentFactory;
        let obj: QObject | null = null;
        try {
          const initial = required ? { section } : undefined;
          obj = factory.createFromComponent(
            component.unit,
            context,
            null,
            initial,
            required ? undefined : data,
            (root) => {
              if (!(root instanceof Item)) return;
              if ((root.$v[ITEM.z] as number) === 0) root.$write(ITEM.z, 2);
              root.$setOwner(this.view);
              root.setParentItem(this.view.contentItemNow);
              this.view.attachedOf(root).$store(ATT.view, this.view);
            },
          );
        } catch (e) {
          this.view.$engine?.reportError(e, undefined);
        }
        if (obj instanceof Item) {
          item = obj;
          if (!required) {
            data.$setOwner(obj);
            this.sectionTexts.set(obj, data);
          }
        } else obj?.$destroy();
      }
    }
    item?.addListener(this.view.tracker);
    return item;
  }

  /** What each section header's `section` reads. */
  readonly sectionTexts = new WeakMap<Item, SectionContext>();

  /**
   * A header shows another section (QQuickListViewPrivate::setSectionHelper).
   * Qt sets it in the header's context, which a header with a required
   * `section` property does not read: such a header keeps the section it
   * was made with (measured: listview_section_required).
   */
  setSectionText(item: Item, section: string): void {
    this.sectionTexts.get(item)?.$write(SECTION_TEXT, section);
  }

  /** Hides a section header in the cache, or destroys it when the cache is full. */
  releaseSectionItem(item: Item): void {
    item.removeListener(this.view.tracker);
    const i = this.sectionCache.indexOf(null);
    if (i >= 0) {
      this.sectionCache[i] = item;
      item.$write(ITEM.visible, false);
      return;
    }
    this.destroySectionItem(item);
  }

  destroySectionItem(item: Item): void {
    item.setParentItem(null);
    item.$destroy();
  }

  dropSectionCache(): void {
    for (let i = 0; i < SECTION_CACHE_SIZE; i++) {
      const item = this.sectionCache[i];
      this.sectionCache[i] = null;
      if (item) this.destroySectionItem(item);
    }
  }
}
