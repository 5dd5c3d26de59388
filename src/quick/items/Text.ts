// Text (QQuickText): a block of read-only text. Its implicit size is its
// laid-out content; the layout is Qt's (src/quick/text, layoutText) and is
// redone only when something it depends on changes: the text, the font, the
// wrapping, eliding and alignment settings, the padding, and the width or
// height when wrapping, eliding or alignment make the layout depend on them.
// The renderer reads `textLayout` (lines, glyph positions, style runs) and
// `contentOriginX/Y` (the padding) and is told with markDirty(Dirty.Content).
import { defineType, type MetaObject, type QObject } from '../../engine/qobject';
import { QColor, QSize } from '../../engine/valuetypes';
import {
  ElideMode,
  type FaceKey,
  type FontInfo,
  fontInfo,
  fuzzyCompare,
  HAlign,
  layoutText,
  loadFace,
  mightBeRichText,
  type ResolvedFont,
  resolveFont,
  type StyledRunFont,
  TextFormat,
  type TextLayoutResult,
  VAlign,
  WrapMode,
} from '../text';
import { capitalize, type Font, FontMeta, type FontOwner, fontProperty } from './Font';
import { Change, Dirty, IMPLICIT_SIZE, ITEM, Item, ItemMeta } from './Item';
import { isRightToLeft } from './text-direction';

const INT_MAX = 2147483647;

/** The font of an item that never touched `font`: resolved once. */
export const DEFAULT_FONT: ResolvedFont = resolveFont({});

/** What `fontInfo` reads (Qt's QJSValue with these keys, in this order). */
export function fontInfoObject(font: ResolvedFont): Readonly<FontInfo> {
  const i = fontInfo(font);
  return Object.freeze({
    family: i.family,
    styleName: i.styleName,
    bold: i.bold,
    weight: i.weight,
    italic: i.italic,
    pointSize: i.pointSize,
    pixelSize: i.pixelSize,
  });
}
const DEFAULT_FONT_INFO = fontInfoObject(DEFAULT_FONT);

/** Padding sides that were set on their own (they no longer follow `padding`). */
enum PadBit {
  Top = 1,
  Left = 2,
  Right = 4,
  Bottom = 8,
}

export class Text extends Item implements FontOwner {
  declare text: string;
  declare readonly font: Font;
  declare horizontalAlignment: number;
  declare verticalAlignment: number;
  declare wrapMode: number;
  declare elide: number;
  declare maximumLineCount: number;
  declare textFormat: number;
  declare readonly lineCount: number;
  declare readonly truncated: boolean;
  declare readonly contentWidth: number;
  declare readonly contentHeight: number;
  declare readonly paintedWidth: number;
  declare readonly paintedHeight: number;
  declare baselineOffset: number;

  /** The laid-out text (replaced, never mutated, on every relayout); null before componentComplete. */
  textLayout: TextLayoutResult | null = null;
  /** Layouts done so far (tests and profiling). */
  layoutCount = 0;
  /** The font `fontInfo` was last taken from. */
  private fontInfoFont: ResolvedFont = DEFAULT_FONT;
  private inLayout = false;
  /** The second layout pass of updateLayout runs (Qt's updateSizeRecursionGuard). */
  private relayoutPass = false;
  private hAlignImplicit = true;
  private explicitPadding = 0;

  /** Where the layout's (0, 0) lies in the item: the left and top padding. */
  get contentOriginX(): number {
    return this.$v[TEXT.leftPadding] as number;
  }
  get contentOriginY(): number {
    return this.$v[TEXT.topPadding] as number;
  }

  /** The font in use, resolved to a face and metrics. */
  get resolvedFont(): ResolvedFont {
    const f = this.$v[TEXT.font] as Font | null;
    return f === null ? DEFAULT_FONT : f.resolved;
  }

  /** FontOwner: the font group changed (any field). */
  fontUpdated(): void {
    this.$emit(TEXT.fontChanged, undefined);
    this.updateLayout();
  }

  protected override componentComplete(): void {
    this.determineHorizontalAlignment();
    this.updateLayout();
    // Qt announces a new Text's implicit size once more after its first layout, changed or not.
    this.implicitSizeChanged(true);
    this.implicitSizeChanged(false);
  }

  /** QQuickTextPrivate::determineHorizontalAlignment: without an explicit alignment, right-to-left text aligns right. */
  private determineHorizontalAlignment(): void {
    if (!this.hAlignImplicit) return;
    const rtl = isRightToLeft(this.$v[TEXT.text] as string);
    const a = rtl ? HAlign.AlignRight : HAlign.AlignLeft;
    this.$store(TEXT.effectiveHorizontalAlignment, a);
    this.$store(TEXT.horizontalAlignment, a);
  }

  /** Lays the text out again and publishes the sizes (QQuickTextPrivate::updateLayout + updateSize). */
  updateLayout(): void {
    if (!this.isComponentComplete || this.$destroyed) return;
    const v = this.$v;
    const lp = v[TEXT.leftPadding] as number;
    const rp = v[TEXT.rightPadding] as number;
    const tp = v[TEXT.topPadding] as number;
    const bp = v[TEXT.bottomPadding] as number;
    const font = this.resolvedFont;
    const fontGroup = v[TEXT.font] as Font | null;
    let text = v[TEXT.text] as string;
    const format = v[TEXT.textFormat] as number;
    const caps = fontGroup === null ? 0 : (fontGroup.$v[CAPS] as number);
    let runs: StyledRunFont[] | undefined;
    if (caps !== 0) {
      const c = capitalize(text, caps);
      text = c.text;
      const plain =
        format === TextFormat.PlainText ||
        format === TEXT_FORMAT_MARKDOWN ||
        (format === TextFormat.AutoText && !mightBeRichText(text));
      if (plain && c.breaks.length > 0) runs = fontRuns(text.length, c.breaks, font);
    }
    const maxLines = v[TEXT.maximumLineCount] as number;
    // (one object of one shape: options left out are undefined, not spread in)
    const r = layoutText(text, font, {
      // Markdown is not converted: it is laid out as plain text.
      textFormat: format === TEXT_FORMAT_MARKDOWN ? TextFormat.PlainText : (format as TextFormat),
      width: this.widthValid ? Math.max(0, (v[ITEM.width] as number) - lp - rp) : undefined,
      height: this.heightValid ? Math.max(0, (v[ITEM.height] as number) - tp - bp) : undefined,
      wrapMode: v[TEXT.wrapMode] as WrapMode,
      elide: v[TEXT.elide] as ElideMode,
      maximumLineCount: maxLines !== INT_MAX ? maxLines : undefined,
      horizontalAlignment: v[TEXT.effectiveHorizontalAlignment] as HAlign,
      verticalAlignment: v[TEXT.verticalAlignment] as VAlign,
      lineHeight: v[TEXT.lineHeight] as number,
      lineHeightMode: v[TEXT.lineHeightMode] as number,
      fontSizeMode: v[TEXT.fontSizeMode] as number,
      minimumPixelSize: v[TEXT.minimumPixelSize] as number,
      minimumPointSize: v[TEXT.minimumPointSize] as number,
      runs,
    });
    this.layoutCount++;
    this.textLayout = r;
    // A run whose face is still loading (bold or italic markup the scene's
    // sources did not show) is measured with the regular face meanwhile.
    if (r.styleRuns)
      for (const run of r.styleRuns) if (run.font.loading !== null) this.relayoutWhenLoaded(run.font.loading);
    // Qt: fontInfo follows the font only when plain or styled text is laid
    // out (QQuickTextPrivate::setupTextLayout); an empty or RichText Text
    // keeps the one it had (at first the default font's).
    // (a fontSizeMode fit reports the size it chose)
    const laidOutFont = r.scaledFont ?? font;
    if (laidOutFont !== this.fontInfoFont && text !== '' && format !== TextFormat.RichText) {
      this.fontInfoFont = laidOutFont;
      const prev = v[TEXT.fontInfo] as Readonly<FontInfo>;
      const next = fontInfoObject(laidOutFont);
      if (
        prev.family !== next.family ||
        prev.styleName !== next.styleName ||
        prev.pixelSize !== next.pixelSize ||
        prev.pointSize !== next.pointSize ||
        prev.weight !== next.weight ||
        prev.bold !== next.bold ||
        prev.italic !== next.italic
      )
        this.$store(TEXT.fontInfo, next);
    }
    const oldWidth = v[ITEM.width] as number;
    this.inLayout = true;
    try {
      this.setImplicitSize(r.implicitWidth + lp + rp, r.implicitHeight + tp + bp);
    } finally {
      this.inLayout = false;
    }
    // Qt (QQuickTextPrivate::updateSize): a width that followed the new
    // implicit size (`width: implicitWidth / 2`) was not laid out for, as the
    // change came during the layout; one more pass does it.
    // (a text without a width is laid out without one: a new width changes nothing)
    if (this.widthValid && !fuzzyCompare(v[ITEM.width] as number, oldWidth) && !this.relayoutPass) {
      this.relayoutPass = true;
      try {
        this.updateLayout();
      } finally {
        this.relayoutPass = false;
      }
      return;
    }
    v[TEXT.paintedWidth] = r.paintedWidth;
    v[TEXT.paintedHeight] = r.paintedHeight;
    this.$store(TEXT.contentWidth, r.contentWidth);
    this.$store(TEXT.contentHeight, r.contentHeight);
    this.$store(TEXT.lineCount, r.lineCount);
    this.$store(TEXT.truncated, r.truncated);
    // Qt: the last line's horizontal advance, and how far below the first line it is
    const first = r.lines[0];
    const last = r.lines[r.lines.length - 1];
    const adv = this.$v[TEXT.advance] as QSize;
    const aw = last ? last.advance : 0;
    const ah = first && last ? last.y - first.y : 0;
    if (adv.width !== aw || adv.height !== ah) this.$store(TEXT.advance, new QSize(aw, ah));
    this.$store(ITEM.baselineOffset, r.baselineOffset + tp);
    this.markDirty(Dirty.Content);
  }

  private relayoutWhenLoaded(face: FaceKey): void {
    const layout = this.textLayout;
    void loadFace(face).then(() => {
      if (this.textLayout === layout) this.updateLayout();
    });
  }

  /**
   * QQuickText::geometryChange: a new width or height needs a new layout only
   * when wrapping, eliding or alignment make the layout depend on it (left
   * aligned, unwrapped text just moves).
   */
  override geometryChanged(change: Change, old: number): void {
    if (
      !this.inLayout &&
      this.isComponentComplete &&
      (change & (Change.Width | Change.Height)) !== 0 &&
      (this.$v[TEXT.text] as string) !== ''
    ) {
      const v = this.$v;
      const wrapped = v[TEXT.wrapMode] !== WrapMode.NoWrap;
      // (a font fitted to the size, too: Qt's scaleFont)
      const elide = v[TEXT.elide] !== ElideMode.ElideNone || v[TEXT.fontSizeMode] !== 0;
      const widthChanged = (change & Change.Width) !== 0;
      const heightChanged = (change & Change.Height) !== 0;
      if (
        ((wrapped || elide) && (widthChanged || heightChanged)) ||
        (widthChanged && v[TEXT.effectiveHorizontalAlignment] !== HAlign.AlignLeft) ||
        (heightChanged && v[TEXT.verticalAlignment] !== VAlign.AlignTop)
      )
        this.updateLayout();
    }
    super.geometryChanged(change, old);
  }

  /** `doLayout()` / `forceLayout()`: lay out now (the layout is never deferred here). */
  doLayout(): void {
    this.updateLayout();
  }
  forceLayout(): void {
    this.updateLayout();
  }

  /** `linkAt(x, y)`: the href of the link under a point, or "". */
  linkAt(x: number, y: number): string {
    const l = this.textLayout;
    if (!l?.styleRuns) return '';
    const lx = x - this.contentOriginX;
    const ly = y - this.contentOriginY;
    for (const line of l.lines) {
      if (ly < line.y || ly >= line.y + line.height) continue;
      const glyphs = line.glyphs;
      for (let i = glyphs.length - 1; i >= 0; i--) {
        const g = glyphs[i]!;
        if (g.x > lx) continue;
        const run = l.styleRuns[g.run];
        return run?.href ?? '';
      }
    }
    return '';
  }

  /** Sets one padding side explicitly (it stops following `padding`). */
  setPaddingSide(idx: number, bit: number, value: number): void {
    this.explicitPadding |= bit;
    this.$store(idx, value);
  }

  /** `padding` changed: the sides not set on their own follow it. */
  paddingDidChange(): void {
    const p = this.$v[TEXT.padding] as number;
    const e = this.explicitPadding;
    if (!(e & PadBit.Top)) this.$store(TEXT.topPadding, p);
    if (!(e & PadBit.Left)) this.$store(TEXT.leftPadding, p);
    if (!(e & PadBit.Right)) this.$store(TEXT.rightPadding, p);
    if (!(e & PadBit.Bottom)) this.$store(TEXT.bottomPadding, p);
    this.updateLayout();
  }

  setHorizontalAlignment(a: number): void {
    this.hAlignImplicit = false;
    // the effective alignment first: the change of horizontalAlignment lays out again
    this.$store(TEXT.effectiveHorizontalAlignment, mirroredAlign(a, this.effectiveLayoutMirror));
    this.$store(TEXT.horizontalAlignment, a);
  }

  /** LayoutMirroring changed: an explicit left or right alignment turns around (QQuickText::effectiveHAlign). */
  protected override mirrorChange(): void {
    if (this.hAlignImplicit) return;
    const a = mirroredAlign(this.$v[TEXT.horizontalAlignment] as number, this.effectiveLayoutMirror);
    if (this.$store(TEXT.effectiveHorizontalAlignment, a)) this.updateLayout();
  }

  textDidChange(): void {
    this.determineHorizontalAlignment();
    this.updateLayout();
  }
}

const TEXT_FORMAT_MARKDOWN = 3;

/** One font run per piece between `breaks`: shaped separately, so no kerning across a break. */
function fontRuns(length: number, breaks: number[], font: ResolvedFont): StyledRunFont[] {
  const runs: StyledRunFont[] = [];
  let start = 0;
  for (const b of [...breaks, length]) {
    if (b > start) runs.push({ start, end: b, font });
    start = Math.max(start, b);
  }
  return runs;
}
const CAPS = FontMeta.index('capitalization');
const relayout = (o: QObject) => (o as Text).updateLayout();
const repaint = (o: QObject) => (o as Text).markDirty(Dirty.Content);
const side = (name: string, bit: number) => ({
  type: 'real',
  write: (o: QObject, v: unknown) => (o as Text).setPaddingSide(TextMeta.index(name), bit, v as number),
  changed: relayout,
});

export const TextMeta: MetaObject = defineType(Text, ItemMeta, {
  readonlyProperties: IMPLICIT_SIZE,
  name: 'Text',
  cppClass: 'QQuickText',
  properties: {
    text: { type: 'string', changed: (o) => (o as Text).textDidChange() },
    font: fontProperty(),
    fontInfo: { type: 'var', readonly: true, default: DEFAULT_FONT_INFO },
    color: { type: 'color', default: new QColor(0, 0, 0), changed: repaint },
    linkColor: { type: 'color', default: QColor.fromRgba8(0, 0, 255), changed: repaint },
    style: { type: 'enumeration', changed: repaint },
    styleColor: { type: 'color', default: new QColor(0, 0, 0), changed: repaint },
    horizontalAlignment: {
      type: 'enumeration',
      default: HAlign.AlignLeft,
      write: (o, v) => (o as Text).setHorizontalAlignment(v as number),
      changed: relayout,
    },
    effectiveHorizontalAlignment: { type: 'enumeration', readonly: true, default: HAlign.AlignLeft },
    verticalAlignment: { type: 'enumeration', default: VAlign.AlignTop, changed: relayout },
    wrapMode: { type: 'enumeration', default: WrapMode.NoWrap, changed: relayout },
    lineCount: { type: 'int', readonly: true, default: 1 },
    truncated: { type: 'bool', readonly: true },
    maximumLineCount: { type: 'int', default: INT_MAX, changed: relayout },
    textFormat: { type: 'enumeration', default: TextFormat.AutoText, changed: relayout },
    elide: {
      type: 'enumeration',
      default: ElideMode.ElideNone,
      changed: relayout,
      notify: 'elideModeChanged',
    },
    contentWidth: { type: 'real', readonly: true },
    contentHeight: { type: 'real', readonly: true },
    // (Qt's paintedWidth and paintedHeight are the content size, announced with it)
    paintedWidth: { type: 'real', readonly: true, notify: 'contentWidthChanged' },
    paintedHeight: { type: 'real', readonly: true, notify: 'contentHeightChanged' },
    lineHeight: { type: 'real', default: 1, changed: relayout },
    lineHeightMode: { type: 'enumeration', changed: relayout },
    baseUrl: { type: 'url' },
    fontSizeMode: { type: 'enumeration', changed: relayout },
    minimumPixelSize: { type: 'int', default: 12, changed: relayout },
    minimumPointSize: { type: 'int', default: 12, changed: relayout },
    renderType: { type: 'enumeration' },
    renderTypeQuality: { type: 'int' },
    hoveredLink: { type: 'string', readonly: true },
    advance: { type: 'size', readonly: true, default: new QSize(0, 0) },
    padding: { type: 'real', changed: (o) => (o as Text).paddingDidChange() },
    topPadding: side('topPadding', PadBit.Top),
    leftPadding: side('leftPadding', PadBit.Left),
    rightPadding: side('rightPadding', PadBit.Right),
    bottomPadding: side('bottomPadding', PadBit.Bottom),
  },
  signals: {
    elideModeChanged: {},
    linkActivated: { params: [{ name: 'link', type: 'string' }] },
    linkHovered: { params: [{ name: 'link', type: 'string' }] },
    lineLaidOut: { params: [{ name: 'line', type: 'var' }] },
  },
  methods: ['doLayout', 'forceLayout', 'linkAt'],
  enums: {
    AlignLeft: HAlign.AlignLeft,
    AlignRight: HAlign.AlignRight,
    AlignHCenter: HAlign.AlignHCenter,
    AlignJustify: HAlign.AlignJustify,
    AlignTop: VAlign.AlignTop,
    AlignBottom: VAlign.AlignBottom,
    AlignVCenter: VAlign.AlignVCenter,
    Normal: 0,
    Outline: 1,
    Raised: 2,
    Sunken: 3,
    PlainText: 0,
    RichText: 1,
    AutoText: 2,
    MarkdownText: 3,
    StyledText: 4,
    NoWrap: 0,
    WordWrap: 1,
    WrapAnywhere: 3,
    WrapAtWordBoundaryOrAnywhere: 4,
    Wrap: 4,
    ElideLeft: 0,
    ElideRight: 1,
    ElideMiddle: 2,
    ElideNone: 3,
    ProportionalHeight: 0,
    FixedHeight: 1,
    FixedSize: 0,
    HorizontalFit: 1,
    VerticalFit: 2,
    Fit: 3,
    QtRendering: 0,
    NativeRendering: 1,
    DefaultRenderTypeQuality: 0,
    LowRenderTypeQuality: 26,
    NormalRenderTypeQuality: 52,
    HighRenderTypeQuality: 77,
    VeryHighRenderTypeQuality: 100,
  },
});

export const TEXT = {
  text: TextMeta.index('text'),
  font: TextMeta.index('font'),
  fontInfo: TextMeta.index('fontInfo'),
  fontChanged: TextMeta.signalsByName.get('fontChanged')!.index,
  horizontalAlignment: TextMeta.index('horizontalAlignment'),
  effectiveHorizontalAlignment: TextMeta.index('effectiveHorizontalAlignment'),
  verticalAlignment: TextMeta.index('verticalAlignment'),
  wrapMode: TextMeta.index('wrapMode'),
  elide: TextMeta.index('elide'),
  maximumLineCount: TextMeta.index('maximumLineCount'),
  textFormat: TextMeta.index('textFormat'),
  lineCount: TextMeta.index('lineCount'),
  truncated: TextMeta.index('truncated'),
  contentWidth: TextMeta.index('contentWidth'),
  contentHeight: TextMeta.index('contentHeight'),
  paintedWidth: TextMeta.index('paintedWidth'),
  paintedHeight: TextMeta.index('paintedHeight'),
  padding: TextMeta.index('padding'),
  lineHeight: TextMeta.index('lineHeight'),
  advance: TextMeta.index('advance'),
  lineHeightMode: TextMeta.index('lineHeightMode'),
  fontSizeMode: TextMeta.index('fontSizeMode'),
  minimumPixelSize: TextMeta.index('minimumPixelSize'),
  minimumPointSize: TextMeta.index('minimumPointSize'),
  topPadding: TextMeta.index('topPadding'),
  leftPadding: TextMeta.index('leftPadding'),
  rightPadding: TextMeta.index('rightPadding'),
  bottomPadding: TextMeta.index('bottomPadding'),
};

/** Left and right alignments swap under LayoutMirroring (QQuickText::effectiveHAlign, QQuickTextInput's). */
export function mirroredAlign(a: number, mirrored: boolean): number {
  if (!mirrored) return a;
  return a === HAlign.AlignLeft ? HAlign.AlignRight : a === HAlign.AlignRight ? HAlign.AlignLeft : a;
}
