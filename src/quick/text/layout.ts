/**
 * Text item layout: a port of QQuickTextPrivate::setupTextLayout/updateSize
 * (qtdeclarative src/quick/items/qquicktext.cpp, Qt 6.4) for plain and styled
 * text.
 *
 * What Qt does, in short:
 * - "\n" becomes U+2028 (QChar::LineSeparator); each line is a QTextLine,
 *   ceil(ascent + descent) high (14 px for the default font, 13.9688 rounded
 *   up), placed one below the other.
 * - The first layout pass uses the item width as line width when the width is
 *   set (FLT_MAX otherwise). implicitWidth is QTextLayout::maximumWidth():
 *   the widest line without wrapping, but the SUM of the line widths (plus
 *   trailing spaces) when wrapping is on, and implicitHeight the height of all
 *   lines up to maximumLineCount.
 * - contentWidth (= paintedWidth) is the width of the union of the lines'
 *   natural rectangles, which include the alignment offset and the last
 *   glyph's overhang (negative right bearing); contentHeight (=
 *   paintedHeight) is the height of the visible lines.
 * - Eliding replaces the last visible line by a second layout of the elided
 *   string (QTextEngine::elidedText: whole grapheme clusters until the width
 *   minus the width of "…" is reached).
 * - baselineOffset is the first line's ascent, plus (height - contentHeight)
 *   for AlignBottom or half of it for AlignVCenter when the height is set
 *   (a Label 18 px high with AlignVCenter: 11.1406 + 2 = 13.1406).
 */
import { type FontSpec, type ResolvedFont, resolveFont } from './font';
import { ensureItem, type FontRun, itemAt, itemOfGlyph, type ShapedText, shapeText } from './shaper';
import { mightBeRichText, parseStyledText, type StyleRun } from './styled-text';
import { fromReal, QtWrap, type ScriptLine, TextEngine } from './text-engine';

export enum WrapMode {
  NoWrap = 0,
  WordWrap = 1,
  WrapAnywhere = 3,
  Wrap = 4,
}

export enum ElideMode {
  ElideLeft = 0,
  ElideRight = 1,
  ElideMiddle = 2,
  ElideNone = 3,
}

export enum HAlign {
  AlignLeft = 1,
  AlignRight = 2,
  AlignHCenter = 4,
  AlignJustify = 8,
}

export enum VAlign {
  AlignTop = 32,
  AlignBottom = 64,
  AlignVCenter = 128,
}

export enum TextFormat {
  PlainText = 0,
  RichText = 1,
  AutoText = 2,
  StyledText = 4,
}

export interface TextLayoutOptions {
  /** default AutoText: markup is detected with Qt::mightBeRichText and parsed as StyledText */
  readonly textFormat?: TextFormat;
  /** explicit item width; undefined = implicit (the item takes implicitWidth) */
  readonly width?: number;
  /** explicit item height; undefined = implicit */
  readonly height?: number;
  readonly wrapMode?: WrapMode;
  readonly elide?: ElideMode;
  /** undefined = unlimited (Qt: INT_MAX) */
  readonly maximumLineCount?: number;
  readonly horizontalAlignment?: HAlign;
  readonly verticalAlignment?: VAlign;
  /** font runs of already parsed styled text; text must then be their concatenated text */
  readonly runs?: readonly StyledRunFont[];
  /** Text.lineHeight: a factor of each line's height (default 1), or pixels with lineHeightMode FixedHeight */
  readonly lineHeight?: number;
  /** Text.lineHeightMode: ProportionalHeight (0, default) or FixedHeight (1) */
  readonly lineHeightMode?: number;
  /**
   * Text.fontSizeMode: FixedSize (0, default), HorizontalFit (1), VerticalFit
   * (2) or Fit (3): the font is made smaller, down to the minimum size, until
   * the text fits the width, the height or both (plain text only).
   */
  readonly fontSizeMode?: number;
  /** Text.minimumPixelSize (default 12): the smallest size a fit goes to, for a font set in pixels */
  readonly minimumPixelSize?: number;
  /** Text.minimumPointSize (default 12): the same for a font set in points */
  readonly minimumPointSize?: number;
  /**
   * Whether glyphs are made only for the lines and spans drawn (a long
   * unwrapped line needs only its width at once); the layout is the same.
   * Default: for texts of LAZY_SHAPING_LENGTH characters or more that do not wrap.
   */
  readonly lazyShaping?: boolean;
}

/** Texts at least this long that do not wrap are shaped lazily by default (TextLayoutOptions.lazyShaping). */
export const LAZY_SHAPING_LENGTH = 4096;

/** A font run of styled text: [start, end) of the plain text in one font. */
export interface StyledRunFont {
  readonly start: number;
  readonly end: number;
  readonly font: ResolvedFont;
}

export interface GlyphPosition {
  /** the characters this glyph renders (a cluster: several for ligatures and combining marks) */
  readonly text: string;
  /**
   * code point to draw (for a ligature its presentation form, e.g. U+FB03 for
   * "ffi"); -1 for the face's .notdef (a character the face has no glyph for)
   */
  readonly codePoint: number;
  /** x of the glyph origin inside the item */
  readonly x: number;
  /** index of the cluster's first character in the laid out text */
  readonly index: number;
  /** font run (index into options.runs; 0 for plain text) */
  readonly run: number;
}

export interface TextLine {
  /** first character (UTF-16 index into the laid out text: the elided string for an elided line) */
  readonly start: number;
  /** number of characters, trailing spaces included */
  readonly length: number;
  /** x of the line start inside the item (item alignment + line alignment) */
  readonly x: number;
  /** top of the line inside the item (vertical alignment included) */
  readonly y: number;
  /** baseline inside the item */
  readonly baseline: number;
  /** QTextLine::naturalTextWidth: advances plus the last glyph's overhang (a justified line: its width) */
  readonly naturalWidth: number;
  /** QTextLine::horizontalAdvance: the advances without the overhang */
  readonly advance: number;
  readonly height: number;
  /** whether this is the elided replacement line */
  readonly elided: boolean;
  /** the text this line's indexes refer to */
  readonly source: string;
  /** glyph positions (computed on first access) */
  readonly glyphs: readonly GlyphPosition[];
  /**
   * The glyphs whose x lies in [from, to) (item coordinates), made without
   * making the others: a 1 MiB line has a million glyphs, of which a view
   * shows a few dozen.
   */
  glyphsIn(from: number, to: number): readonly GlyphPosition[];
}

export interface TextLayoutResult {
  /** The font a fontSizeMode fit chose, when smaller than the text's own (Qt's fontInfo reports it). */
  scaledFont?: ResolvedFont;
  readonly lines: readonly TextLine[];
  readonly lineCount: number;
  readonly truncated: boolean;
  readonly implicitWidth: number;
  readonly implicitHeight: number;
  readonly contentWidth: number;
  readonly contentHeight: number;
  /** = contentWidth in Qt 6 */
  readonly paintedWidth: number;
  /** = contentHeight in Qt 6 */
  readonly paintedHeight: number;
  readonly baselineOffset: number;
  /** item size: the explicit size or the implicit one */
  readonly width: number;
  readonly height: number;
  /** the style runs when the text was parsed as StyledText (glyph.run indexes them) */
  readonly styleRuns?: readonly StyleRun[];
}

const FLT_MAX = 3.4028234663852886e38;

interface RectF {
  x: number;
  y: number;
  w: number;
  h: number;
}
const isNullRect = (r: RectF): boolean => r.w === 0 && r.h === 0;
/** QRectF::operator|, written into `out` (which may be `a`). */
function uniteInto(out: RectF, a: RectF, b: RectF): void {
  if (isNullRect(a)) {
    setRect(out, b.x, b.y, b.w, b.h);
    return;
  }
  if (isNullRect(b)) {
    setRect(out, a.x, a.y, a.w, a.h);
    return;
  }
  let left = a.x;
  let right = a.x;
  if (a.w < 0) left += a.w;
  else right += a.w;
  if (b.w < 0) {
    left = Math.min(left, b.x + b.w);
    right = Math.max(right, b.x);
  } else {
    left = Math.min(left, b.x);
    right = Math.max(right, b.x + b.w);
  }
  let top = a.y;
  let bottom = a.y;
  if (a.h < 0) top += a.h;
  else bottom += a.h;
  if (b.h < 0) {
    top = Math.min(top, b.y + b.h);
    bottom = Math.max(bottom, b.y);
  } else {
    top = Math.min(top, b.y);
    bottom = Math.max(bottom, b.y + b.h);
  }
  setRect(out, left, top, right - left, bottom - top);
}

/** QQuickTextUtil::alignedX */
function alignedX(textWidth: number, itemWidth: number, align: number): number {
  if (align === HAlign.AlignRight) return itemWidth - textWidth;
  if (align === HAlign.AlignHCenter) return (itemWidth - textWidth) / 2;
  return 0;
}

/** QQuickTextUtil::alignedY */
function alignedY(textHeight: number, itemHeight: number, align: number): number {
  if (align === VAlign.AlignVCenter) return (itemHeight - textHeight) / 2;
  if (align === VAlign.AlignBottom) return itemHeight - textHeight;
  return 0;
}

function makeEngine(
  text: string,
  font: ResolvedFont,
  runs: readonly StyledRunFont[] | undefined,
  wrap: QtWrap,
  align: number,
  lazy = false,
): TextEngine {
  let shaped: ShapedText;
  if (runs && runs.length > 0) {
    const fr: FontRun[] = runs.map((r) => ({
      start: r.start,
      end: r.end,
      metrics: r.font.metrics,
      letterSpacing: Math.trunc(r.font.letterSpacing * 64),
      wordSpacing: Math.trunc(r.font.wordSpacing * 64),
    }));
    shaped = shapeText(text, fr, lazy);
  } else {
    shaped = shapeText(text, font, lazy);
  }
  return new TextEngine(shaped, font.metrics, wrap, align);
}

/** The line's natural rectangle (QTextLine::naturalTextRect), written into `r`. */
function naturalRect(r: RectF, engine: TextEngine, line: ScriptLine): RectF {
  r.x = (line.x + engine.alignLine(line)) / 64;
  r.y = line.y / 64;
  r.w = (line.justified ? line.width : line.textWidth) / 64;
  r.h = engine.lineHeightPx(line);
  return r;
}

function setRect(r: RectF, x: number, y: number, w: number, h: number): void {
  r.x = x;
  r.y = y;
  r.w = w;
  r.h = h;
}

// The rectangles layoutText works with, reused (it never runs inside itself).
const BR: RectF = { x: 0, y: 0, w: 0, h: 0 };
const UNELIDED: RectF = { x: 0, y: 0, w: 0, h: 0 };
const NATURAL: RectF = { x: 0, y: 0, w: 0, h: 0 };

/** QTextLine::setLineWidth + setPosition; returns the y of the next line. */
function setLineGeometry(
  e: TextEngine,
  line: ScriptLine,
  width: number,
  y: number,
  fixedLineHeight: boolean,
  lineHeight: number,
): number {
  e.setLineWidth(line, width);
  line.y = fromReal(y);
  return y + (fixedLineHeight ? lineHeight : e.lineHeightPx(line) * lineHeight);
}

/** The elided text of `line` (and `next`, when the text goes on) for a line width of `lw` pixels. */
function elidedTextOf(
  engine: TextEngine,
  layoutText: string,
  font: ResolvedFont,
  runs: readonly StyledRunFont[] | undefined,
  elideMode: ElideMode,
  hAlign: number,
  lw: number,
  line: ScriptLine,
  next: ScriptLine | null,
): string {
  if (next) {
    return engine.elidedText(
      ElideMode.ElideRight,
      fromReal(lw),
      line.from,
      engine.textLength(line) + engine.textLength(next),
    );
  }
  let s = layoutText.slice(line.from, line.from + engine.textLength(line));
  if (!runs) {
    s = `${s.slice(0, -1)}\u2026`;
    const m = font.metrics;
    const ellipsis = m.advance(m.face.glyphFor(0x2026));
    if ((ellipsis + line.textWidth) / 64 >= lw) {
      const e = makeEngine(s, font, undefined, QtWrap.NoWrap, hAlign);
      s = e.elidedText(elideMode, fromReal(lw), 0, -1);
    }
  }
  return s;
}

/**
 * Lays out a Text item's text like Qt's QQuickText.
 * @param text plain text (for styled text: the text from parseStyledText with its runs in options.runs)
 */
export function layoutText(
  text: string,
  fontSpec: FontSpec | ResolvedFont = {},
  options: TextLayoutOptions = {},
): TextLayoutResult {
  const font = 'metrics' in fontSpec ? fontSpec : resolveFont(fontSpec);
  const m = font.metrics;
  const widthValid = options.width !== undefined;
  const heightValid = options.height !== undefined;
  const wrapMode = options.wrapMode ?? WrapMode.NoWrap;
  const elideMode = options.elide ?? ElideMode.ElideNone;
  const hAlign = options.horizontalAlignment ?? HAlign.AlignLeft;
  const vAlign = options.verticalAlignment ?? VAlign.AlignTop;
  const maximumLineCountValid = options.maximumLineCount !== undefined;
  const maxLineCount = options.maximumLineCount ?? 2147483647;
  const fontHeight = m.lineHeight;
  const ascentPx = m.ascent / 64;
  const lineHeight = options.lineHeight ?? 1;
  const fixedLineHeight = options.lineHeightMode === 1;
  // QQuickTextPrivate::lineHeightOffset (an int): lines shorter than the font keep
  // the font's height at the bottom, e.g. 0.8 x 14 px: 11.2 per line + 2
  const lineHeightOffset = Math.max(
    0,
    Math.trunc(fixedLineHeight ? fontHeight - lineHeight : (1 - lineHeight) * fontHeight),
  );

  if (text.length === 0) {
    const lineH = fixedLineHeight ? lineHeight : fontHeight * lineHeight;
    const height = heightValid ? options.height! : lineH + lineHeightOffset;
    const yoff = heightValid ? alignedYoff(vAlign, height - lineH) : 0;
    return {
      lines: [],
      lineCount: 1,
      truncated: false,
      implicitWidth: 0,
      implicitHeight: lineH + lineHeightOffset,
      contentWidth: 0,
      contentHeight: lineH + lineHeightOffset,
      paintedWidth: 0,
      paintedHeight: lineH + lineHeightOffset,
      baselineOffset: ascentPx + yoff,
      width: widthValid ? options.width! : 0,
      height,
    };
  }

  const format = options.textFormat ?? TextFormat.AutoText;
  let runs = options.runs;
  let styleRuns: readonly StyleRun[] | undefined;
  let layoutText: string;
  if (
    runs === undefined &&
    (format === TextFormat.StyledText ||
      format === TextFormat.RichText ||
      (format === TextFormat.AutoText && mightBeRichText(text)))
  ) {
    const styled = parseStyledText(text, font.spec);
    layoutText = styled.text;
    runs = styled.runs;
    styleRuns = styled.runs;
  } else {
    // QQuickText replaces "\n" by U+2028 before laying out plain text
    layoutText = text.includes('\n') ? text.replace(/\n/g, '\u2028') : text;
  }
  let engine = makeEngine(
    layoutText,
    font,
    runs,
    wrapMode as number as QtWrap,
    hAlign,
    // a wrapped text reads every glyph to break its lines
    options.lazyShaping ??
      (layoutText.length >= LAZY_SHAPING_LENGTH &&
        (wrapMode === WrapMode.NoWrap || options.width === undefined)),
  );

  let itemWidth = widthValid ? options.width! : 0;
  const itemHeight = heightValid ? options.height! : 0;
  let singlelineElide = elideMode !== ElideMode.ElideNone && widthValid;
  let multilineElide =
    elideMode === ElideMode.ElideRight && widthValid && (heightValid || maximumLineCountValid);
  let canWrap = wrapMode !== WrapMode.NoWrap && widthValid;
  let lineWidth = widthValid && itemWidth > 0 ? itemWidth : FLT_MAX;
  let maxHeight = heightValid ? itemHeight : FLT_MAX;
  // Text.fontSizeMode (QQuickTextPrivate::setupTextLayout): a search between the
  // minimum size and the font's own for the largest size that fits.
  const fontSizeMode = runs === undefined ? (options.fontSizeMode ?? 0) : 0;
  let horizontalFit = (fontSizeMode & 1) !== 0 && widthValid;
  let verticalFit = (fontSizeMode & 2) !== 0 && (heightValid || (maximumLineCountValid && canWrap));
  const pixelSized = font.spec.pixelSize !== undefined && font.spec.pixelSize > 0;
  let largeFont = pixelSized ? Math.trunc(font.spec.pixelSize!) : Math.round(font.pointSize);
  let smallFont =
    fontSizeMode !== 0
      ? Math.min(pixelSized ? (options.minimumPixelSize ?? 12) : (options.minimumPointSize ?? 12), largeFont)
      : largeFont;
  let scaledFontSize = largeFont;
  let scaledFont = font;
  let widthExceeded = itemWidth <= 0 && (singlelineElide || canWrap || horizontalFit);
  let heightExceeded = itemHeight <= 0 && (multilineElide || verticalFit);
  const noBreakLastLine = multilineElide && (wrapMode === WrapMode.Wrap || wrapMode === WrapMode.WordWrap);

  let once = true;
  let widthChanged = false;
  let implicitWidth = 0;
  let implicitHeight = 0;
  let visibleCount = 0;
  let elide = false;
  let truncated = false;
  let height = 0;
  const br = BR;
  setRect(br, 0, 0, 0, 0);
  let elideText = '';
  let elideStart = 0;
  let elideEnd = 0;

  for (;;) {
    if (!once) {
      const size = scaledFontSize;
      const sized = pixelSized
        ? resolveFont({ ...font.spec, pixelSize: size })
        : resolveFont({ ...font.spec, pixelSize: undefined, pointSize: size });
      if (sized.metrics !== scaledFont.metrics || sized.face !== scaledFont.face) {
        scaledFont = sized;
        engine = makeEngine(layoutText, scaledFont, runs, wrapMode as number as QtWrap, hAlign);
      }
    }
    engine.beginLayout();
    let wrapped = false;
    let truncateHeight = false;
    truncated = false;
    elide = false;
    let unwrappedLineCount = 1;
    height = 0;
    let naturalHeight = 0;
    let previousHeight = 0;
    setRect(br, 0, 0, 0, 0);
    const unelidedRect = UNELIDED;
    setRect(unelidedRect, 0, 0, 0, 0);
    let line: ScriptLine | null = engine.createLine();
    for (visibleCount = 1; ; ++visibleCount) {
      const cur: ScriptLine = line!;
      if (noBreakLastLine && visibleCount === maxLineCount) engine.wrapMode = QtWrap.WrapAnywhere;
      naturalHeight = setLineGeometry(engine, cur, lineWidth, naturalHeight, fixedLineHeight, lineHeight);
      if (noBreakLastLine && visibleCount === maxLineCount) engine.wrapMode = wrapMode as number as QtWrap;
      uniteInto(unelidedRect, br, naturalRect(NATURAL, engine, cur));

      if (multilineElide && naturalHeight > maxHeight && visibleCount > 1) {
        elide = true;
        heightExceeded = true;
        truncated = true;
        truncateHeight = true;
        visibleCount -= 1;
        const previousLine = engine.lines[visibleCount - 1]!;
        elideStart = previousLine.from;
        // (a line ended by a line separator is elided on its own, without the next one)
        const following = layoutText.charCodeAt(cur.from - 1) !== 0x2028 ? cur : null;
        elideText = elidedTextOf(
          engine,
          layoutText,
          scaledFont,
          runs,
          elideMode,
          hAlign,
          cur.width / 64,
          previousLine,
          following,
        );
        height = previousHeight;
        break;
      }
      const previousLine = cur;
      line = engine.createLine();
      if (!line) {
        if (singlelineElide && visibleCount === 1 && previousLine.textWidth > previousLine.width) {
          elide = true;
          widthExceeded = true;
          truncated = true;
          elideText = engine.elidedText(
            elideMode,
            previousLine.width,
            previousLine.from,
            engine.textLength(previousLine),
          );
          elideStart = previousLine.from;
          elideEnd = elideStart + engine.textLength(previousLine);
        } else {
          setRect(br, unelidedRect.x, unelidedRect.y, unelidedRect.w, unelidedRect.h);
          height = naturalHeight;
        }
        break;
      }
      const wrappedLine = layoutText.charCodeAt(line.from - 1) !== 0x2028;
      wrapped ||= wrappedLine;
      if (!wrappedLine) ++unwrappedLineCount;
      if (visibleCount === maxLineCount) {
        truncated = true;
        heightExceeded ||= wrapped;
        if (multilineElide) {
          elide = true;
          elideStart = previousLine.from;
          elideText = elidedTextOf(
            engine,
            layoutText,
            scaledFont,
            runs,
            elideMode,
            hAlign,
            previousLine.width / 64,
            previousLine,
            wrappedLine ? line : null,
          );
        } else {
          setRect(br, unelidedRect.x, unelidedRect.y, unelidedRect.w, unelidedRect.h);
          height = naturalHeight;
        }
        break;
      }
      setRect(br, unelidedRect.x, unelidedRect.y, unelidedRect.w, unelidedRect.h);
      previousHeight = height;
      height = naturalHeight;
    }
    widthExceeded ||= wrapped;

    if (once) {
      once = false;
      if (line && unwrappedLineCount < maxLineCount) {
        for (let lc = engine.lines.length; lc < maxLineCount; ++lc) {
          line = engine.createLine();
          if (!line) break;
          if (layoutText.charCodeAt(line.from - 1) === 0x2028) ++unwrappedLineCount;
          naturalHeight = setLineGeometry(
            engine,
            line,
            lineWidth,
            naturalHeight,
            fixedLineHeight,
            lineHeight,
          );
        }
        const eol = line ? line.from + engine.textLength(line) : layoutText.length;
        if (eol < layoutText.length && layoutText.charCodeAt(eol) !== 0x2028) line = engine.createLine();
        for (; line && unwrappedLineCount <= maxLineCount; ++unwrappedLineCount) line = engine.createLine();
      }
      engine.endLayout();
      const naturalWidth = engine.maxWidth / 64;
      implicitWidth = naturalWidth;
      implicitHeight = naturalHeight + lineHeightOffset;
      if (!widthValid) itemWidth = implicitWidth;

      singlelineElide = elideMode !== ElideMode.ElideNone && widthValid;
      multilineElide =
        elideMode === ElideMode.ElideRight && widthValid && (heightValid || maximumLineCountValid);
      canWrap = wrapMode !== WrapMode.NoWrap && widthValid;
      horizontalFit = (fontSizeMode & 1) !== 0 && widthValid;
      verticalFit = (fontSizeMode & 2) !== 0 && (heightValid || (maximumLineCountValid && canWrap));
      const oldWidth = lineWidth;
      const oldHeight = maxHeight;
      lineWidth = widthValid && itemWidth > 0 ? itemWidth : naturalWidth;
      maxHeight = heightValid ? itemHeight : FLT_MAX;
      if (
        (!fuzzyCompare(lineWidth, oldWidth) || (widthExceeded && lineWidth > oldWidth)) &&
        (singlelineElide || multilineElide || canWrap || horizontalFit || hAlign !== HAlign.AlignLeft)
      ) {
        widthChanged = true;
        widthExceeded = lineWidth >= Math.min(oldWidth, naturalWidth);
        heightExceeded = false;
        continue;
      }
      if (
        (maxHeight < Math.min(oldHeight, naturalHeight) || (heightExceeded && maxHeight > oldHeight)) &&
        (multilineElide || (canWrap && maximumLineCountValid))
      ) {
        widthExceeded = false;
        heightExceeded = false;
        continue;
      }
      if (!widthValid && unwrappedLineCount > 1 && hAlign !== HAlign.AlignLeft) {
        widthExceeded = false;
        heightExceeded = false;
        continue;
      }
    } else if (widthChanged) {
      widthChanged = false;
      if (line) {
        for (let lc = engine.lines.length; lc < maxLineCount; ++lc) {
          line = engine.createLine();
          if (!line) break;
          naturalHeight = setLineGeometry(
            engine,
            line,
            lineWidth,
            naturalHeight,
            fixedLineHeight,
            lineHeight,
          );
        }
      }
      engine.endLayout();
      implicitHeight = naturalHeight + lineHeightOffset;
      multilineElide =
        elideMode === ElideMode.ElideRight && widthValid && (heightValid || maximumLineCountValid);
      const oldHeight = maxHeight;
      maxHeight = heightValid ? itemHeight : FLT_MAX;
      if (
        (maxHeight < Math.min(oldHeight, naturalHeight) || (heightExceeded && maxHeight > oldHeight)) &&
        (multilineElide || (canWrap && maximumLineCountValid))
      ) {
        widthExceeded = false;
        heightExceeded = false;
        continue;
      }
    } else {
      engine.endLayout();
    }
    br.y = 0;
    if (!horizontalFit && !verticalFit) break;
    // a font size that fits the item better
    if (horizontalFit) {
      if (unelidedRect.w > lineWidth || (!verticalFit && wrapped)) {
        widthExceeded = true;
        largeFont = scaledFontSize - 1;
        if (smallFont > largeFont) break;
        scaledFontSize = Math.trunc((smallFont + largeFont) / 2);
        continue;
      }
      if (!verticalFit) {
        smallFont = scaledFontSize;
        if (smallFont === largeFont) break;
        scaledFontSize = Math.trunc((smallFont + largeFont + 1) / 2);
      }
    }
    if (verticalFit) {
      if (truncateHeight || unelidedRect.h > maxHeight) {
        heightExceeded = true;
        largeFont = scaledFontSize - 1;
        if (smallFont > largeFont) break;
        scaledFontSize = Math.trunc((smallFont + largeFont) / 2);
      } else {
        smallFont = scaledFontSize;
        if (smallFont === largeFont) break;
        scaledFontSize = Math.trunc((smallFont + largeFont + 1) / 2);
      }
    }
  }

  // visible lines of the main layout, then the elided line (its own layout)
  const mainLines = Math.max(0, Math.min(elide ? visibleCount - 1 : visibleCount, engine.lines.length));
  let elideEngine: TextEngine | null = null;
  let el: ScriptLine | null = null;
  if (elide) {
    const elideRuns = runs ? elidedRuns(runs, font, elideText, elideMode, elideStart, elideEnd) : undefined;
    elideEngine = makeEngine(elideText, scaledFont, elideRuns, wrapMode as number as QtWrap, hAlign);
    elideEngine.beginLayout();
    el = elideEngine.createLine()!;
    height = setLineGeometry(elideEngine, el, lineWidth, height, fixedLineHeight, lineHeight);
    elideEngine.endLayout();
    uniteInto(br, br, naturalRect(NATURAL, elideEngine, el));
  }
  br.h = height;

  const first = mainLines > 0 ? engine.lines[0]! : el;
  const baseline = first ? (first.y + first.ascent) / 64 : ascentPx;
  const contentHeight = br.h + lineHeightOffset;
  const finalHeight = heightValid ? itemHeight : implicitHeight;
  const finalWidth = widthValid ? options.width! : implicitWidth;
  const baselineOffset = baseline + (heightValid ? alignedYoff(vAlign, finalHeight - br.h) : 0);
  const dx = alignedX(lineWidth, finalWidth, hAlign);
  const dy = alignedY(br.h, finalHeight, vAlign);

  const lines = new Array<TextLine>(mainLines + (el !== null ? 1 : 0));
  for (let i = 0; i < mainLines; i++) lines[i] = makeLine(engine, engine.lines[i]!, false, dx, dy);
  if (el !== null) lines[mainLines] = makeLine(elideEngine!, el, true, dx, dy);
  const result: { -readonly [K in keyof TextLayoutResult]: TextLayoutResult[K] } = {
    lines,
    lineCount: visibleCount,
    truncated,
    implicitWidth,
    implicitHeight,
    contentWidth: br.w,
    contentHeight,
    paintedWidth: br.w,
    paintedHeight: contentHeight,
    baselineOffset,
    width: finalWidth,
    height: finalHeight,
  };
  if (styleRuns) result.styleRuns = styleRuns;
  if (scaledFont !== font) result.scaledFont = scaledFont;
  return result;
}

/**
 * The formats of an elided line (QQuickTextPrivate::elideFormats): the kept
 * characters keep their runs, the ellipsis gets the item's font.
 */
function elidedRuns(
  runs: readonly StyledRunFont[],
  font: ResolvedFont,
  text: string,
  mode: ElideMode,
  elideStart: number,
  elideEnd: number,
): StyledRunFont[] {
  const picked: StyledRunFont[] = [];
  const take = (start: number, length: number, offset: number): void => {
    const end = start + length;
    for (const r of runs) {
      const len = Math.min(r.end, end) - Math.max(r.start, start);
      if (len > 0) {
        const s = Math.max(offset, r.start - start + offset);
        picked.push({ start: s, end: s + len, font: r.font });
      }
    }
  };
  if (mode === ElideMode.ElideRight) take(elideStart, text.length - 1, 0);
  else if (mode === ElideMode.ElideLeft) take(elideEnd - text.length + 1, text.length - 1, 1);
  else {
    const index = text.indexOf('\u2026');
    if (index !== -1) {
      take(elideStart, index, 0);
      take(elideEnd - text.length + index + 1, text.length - index - 1, index + 1);
    }
  }
  // fill the gaps (the ellipsis) with the item's font
  picked.sort((a, b) => a.start - b.start);
  const out: StyledRunFont[] = [];
  let pos = 0;
  for (const r of picked) {
    if (r.start > pos) out.push({ start: pos, end: r.start, font });
    if (r.end > pos) out.push({ start: Math.max(pos, r.start), end: r.end, font: r.font });
    pos = Math.max(pos, r.end);
  }
  if (pos < text.length) out.push({ start: pos, end: text.length, font });
  return out;
}

function alignedYoff(vAlign: number, dy: number): number {
  if (vAlign === VAlign.AlignBottom) return dy;
  if (vAlign === VAlign.AlignVCenter) return dy / 2;
  return 0;
}

/** qFuzzyCompare for doubles */
export function fuzzyCompare(a: number, b: number): boolean {
  return Math.abs(a - b) * 1000000000000 <= Math.min(Math.abs(a), Math.abs(b));
}

/**
 * A laid-out line. A class, not an object literal with getters: a wrapped
 * megabyte makes tens of thousands of lines, and its glyph positions are
 * made only for the lines drawn.
 */
class LaidOutLine implements TextLine {
  readonly start: number;
  readonly length: number;
  readonly x: number;
  readonly y: number;
  readonly baseline: number;
  readonly naturalWidth: number;
  readonly advance: number;
  readonly height: number;
  readonly source: string;
  private positions: GlyphPosition[] | null = null;

  constructor(
    private readonly engine: TextEngine,
    private readonly line: ScriptLine,
    readonly elided: boolean,
    dx: number,
    dy: number,
  ) {
    this.start = line.from;
    this.length = engine.textLength(line);
    this.x = dx + (line.x + engine.alignLine(line)) / 64;
    this.y = dy + line.y / 64;
    this.baseline = this.y + line.ascent / 64;
    // (a justified line reaches the width: its underline too)
    this.naturalWidth = (line.justified ? line.width : line.textWidth) / 64;
    this.advance = line.textAdvance / 64;
    this.height = engine.lineHeightPx(line);
    this.source = engine.text;
  }

  get glyphs(): readonly GlyphPosition[] {
    this.positions ??= glyphPositions(this.engine, this.line, this.x);
    return this.positions;
  }

  glyphsIn(from: number, to: number): readonly GlyphPosition[] {
    if (this.positions !== null) return this.positions.filter((g) => g.x >= from && g.x < to);
    return glyphPositions(this.engine, this.line, this.x, from, to);
  }
}

function makeLine(engine: TextEngine, line: ScriptLine, elided: boolean, dx: number, dy: number): TextLine {
  return new LaidOutLine(engine, line, elided, dx, dy);
}

/**
 * The glyphs of one laid-out line with their x positions (x0: the line
 * start), or only those with an x in [from, to).
 */
export function glyphPositions(
  engine: TextEngine,
  line: ScriptLine,
  x0: number,
  from = Number.NEGATIVE_INFINITY,
  to = Number.POSITIVE_INFINITY,
): GlyphPosition[] {
  const s = engine.shaped;
  const justification = line.justified ? engine.justification : null;
  const out: GlyphPosition[] = [];
  const end = line.from + line.length;
  if (line.length <= 0) return out;
  const lazy = s.pending !== null;
  if (lazy) ensureItem(s, itemAt(s, line.from));
  const firstGlyph = s.logClusters[line.from]!;
  let x = 0;
  let itemIndex = -1;
  for (let g = firstGlyph; g < s.glyphCount; g++) {
    if (lazy) {
      // the glyphs of a lazily shaped text are made item by item as they are reached
      if (itemIndex < 0) itemIndex = itemOfGlyph(s, g);
      while (itemIndex < s.items.length - 1 && s.items[itemIndex]!.glyphEnd <= g) itemIndex++;
      ensureItem(s, itemIndex);
    }
    const c = s.glyphCluster[g]!;
    if (c >= end) break;
    const gx = x0 + x / 64;
    if (gx >= to) break;
    // a tab reaches the next tab stop (QTextEngine::calculateTabWidth)
    const adv = s.text.charCodeAt(c) === 9 ? engine.tabWidth(x) : s.advances[g]!;
    if (gx < from) {
      x += adv + (justification === null ? 0 : justification[g]!);
      continue;
    }
    // cluster text: up to the next cluster start
    let ce = c + 1;
    if (lazy && ce < s.text.length && ce >= s.items[itemIndex]!.end) ensureItem(s, itemAt(s, ce));
    while (ce < s.text.length && s.logClusters[ce] === s.logClusters[c]) ce++;
    // items are in glyph order: found once by bisection, then followed forward
    if (itemIndex < 0) itemIndex = itemOfGlyph(s, g);
    while (itemIndex < s.items.length - 1 && s.items[itemIndex]!.glyphEnd <= g) itemIndex++;
    const found = s.items[itemIndex];
    const item = found !== undefined && g >= found.glyphStart && g < found.glyphEnd ? found : undefined;
    const glyph = s.glyphs[g]!;
    const cpFont = item ? item.metrics.face.glyphCodePoints[glyph]! : 0;
    const sep = s.text.charCodeAt(c) === 0x2028;
    if (!sep && s.clusterStart[g]) {
      out.push({
        text: s.text.slice(c, ce),
        codePoint: cpFont || (item && glyph === 0 && s.advances[g] !== 0 ? -1 : s.text.codePointAt(c)!),
        x: gx,
        index: c,
        run: item?.run ?? 0,
      });
    } else if (!sep && !s.clusterStart[g]) {
      out.push({ text: '', codePoint: cpFont, x: gx, index: c, run: item?.run ?? 0 });
    }
    x += adv + (justification === null ? 0 : justification[g]!);
  }
  return out;
}
