// FontMetrics (QQuickFontMetrics) and TextMetrics (QQuickTextMetrics): a
// font's metrics and a text's size in it, as QFontMetricsF measures them
// with the bundled DejaVu faces.
import { defineType, type MetaObject, type PropertySpec, QObject } from '../../engine/qobject';
import { currentObserver } from '../../engine/reactive';
import { QRect } from '../../engine/valuetypes';
import type { ResolvedFont } from '../text';
import { setFaceHook } from '../text/families';
import { type GlyphBoxes, glyphBoxes, inkBounds, loadGlyphBoxes } from '../text/glyph-boxes';
import { ensureAllItems, shapeText } from '../text/shaper';
import { QtWrap, TextEngine } from '../text/text-engine';
import { xHeightFor } from '../text/x-height';
import { Capitalization, capitalize, type Font, type FontOwner, fontProperty } from './Font';

/** Resolves once the glyph boxes of every face loaded so far are there; later faces bring theirs. */
export const glyphBoxesReady: Promise<void> = setFaceHook(loadGlyphBoxes);

/** Qt::TextElideMode */
enum Elide {
  Left = 0,
  Right = 1,
  Middle = 2,
  None = 3,
}

/** Qt::TextShowMnemonic and Qt::TextLongestVariant (elidedText's flags). */
const TEXT_SHOW_MNEMONIC = 0x0800;
const TEXT_LONGEST_VARIANT = 0x80000;
/** QFontMetricsF cuts a text at its first U+009C (the separator of a text's length variants). */
const VARIANT_SEPARATOR = '\u009c';

/** What Q_INVOKABLE's QString argument makes of a JavaScript value. */
function qstring(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** The measurements QFontMetricsF makes of texts in one font. */
class Measurer {
  constructor(readonly font: ResolvedFont) {}

  private boxes(): GlyphBoxes {
    // (a face whose boxes are still loading is measured with DejaVu Sans' until they arrive)
    return glyphBoxes(this.font.face) ?? glyphBoxes('sans-regular')!;
  }

  /** A QStackTextEngine of the text in this font. */
  engine(text: string, mode: number): TextEngine {
    const f = this.font;
    const t =
      mode === Capitalization.MixedCase || mode === Capitalization.SmallCaps
        ? text
        : capitalize(text, mode).text;
    return new TextEngine(shapeText(t, f), f.metrics, QtWrap.NoWrap, 0);
  }

  /** QFontMetricsF::horizontalAdvance */
  advanceWidth(text: string, caps: number): number {
    const cut = text.indexOf(VARIANT_SEPARATOR);
    const len = cut >= 0 ? cut : text.length;
    if (len === 0) return 0;
    return this.engine(text, caps).width(0, len) / 64;
  }

  /** QFontMetricsF::boundingRect / tightBoundingRect */
  boundingRect(text: string, caps: number, tight: boolean): QRect {
    if (text.length === 0) return new QRect(0, 0, 0, 0);
    const e = this.engine(text, caps);
    const r = inkBounds(e.shaped, this.boxes(), tight, (x) => e.tabWidth(x));
    return new QRect(r.x / 64, r.y / 64, r.width / 64, r.height / 64);
  }

  /** QFontMetricsF::elidedText */
  elidedText(text: string, mode: number, width: number, flags: number, caps: number): string {
    let s = text;
    if (!(flags & TEXT_LONGEST_VARIANT)) {
      const parts = s.split(VARIANT_SEPARATOR);
      for (let i = 0; i < parts.length - 1; i++)
        if (this.boundingRect(parts[i]!, caps, false).width <= width) return parts[i]!;
      s = parts[parts.length - 1]!;
    }
    if (mode !== Elide.Left && mode !== Elide.Right && mode !== Elide.Middle) return s;
    const e = this.engine(s, caps);
    if (flags & TEXT_SHOW_MNEMONIC) {
      // An '&' before a character takes no room and is one grapheme with it.
      ensureAllItems(e.shaped);
      const { whiteSpace, graphemeBoundary } = e.attrs;
      for (let i = 0; i < s.length - 1; i++) {
        if (s[i] !== '&' || whiteSpace[i + 1] || !graphemeBoundary[i + 1]) continue;
        e.shaped.advances[e.shaped.logClusters[i]!] = 0;
        graphemeBoundary[i + 1] = 0;
        if (s[i + 1] === '&') i++;
      }
    }
    return e.elidedText(mode, Math.trunc(width * 64), 0, -1);
  }
}

/** The font a metrics object measures with: QFont equality (every field and size). */
function fontKey(f: Font): string {
  return f.toString() + JSON.stringify(f);
}

abstract class MetricsBase extends QObject implements FontOwner {
  declare readonly font: Font;
  private key = '';
  private measurer: Measurer | null = null;

  protected get m(): Measurer {
    let m = this.measurer;
    if (m === null || m.font !== this.font.resolved) {
      m = new Measurer(this.font.resolved);
      this.measurer = m;
    }
    return m;
  }

  protected get caps(): number {
    return this.font.capitalization;
  }

  /** FontOwner: a field of the font changed; announced when the font is another one (QFont::operator!=). */
  fontUpdated(): void {
    const key = fontKey(this.font);
    if (key === this.key) return;
    this.key = key;
    this.measurer = null;
    this.fontDidChange();
  }

  protected abstract fontDidChange(): void;
}

export class FontMetrics extends MetricsBase {
  constructor() {
    super();
    this.store();
  }

  protected fontDidChange(): void {
    this.store();
    this.$emit(FM.fontChanged, [this.font]);
  }

  /** The metrics of the font (read-only properties that fontChanged announces). */
  private store(): void {
    const font = this.font.resolved;
    const fm = font.metrics;
    const v = this.$v;
    const boxes = glyphBoxes(font.face) ?? glyphBoxes('sans-regular')!;
    const upem = fm.face.unitsPerEm;
    v[FM.ascent] = fm.ascent / 64;
    v[FM.descent] = fm.descent / 64;
    v[FM.height] = (fm.ascent + fm.descent) / 64;
    v[FM.leading] = fm.leading / 64;
    v[FM.lineSpacing] = (fm.ascent + fm.descent + fm.leading) / 64;
    // (QFontEngine::minLeftBearing: hhea's, over the integer pixel size per em)
    v[FM.minimumLeftBearing] = boxes.minLeftSideBearing / (upem / fm.ppem);
    v[FM.minimumRightBearing] = fm.face.minRightSideBearing / (upem / fm.ppem);
    v[FM.maximumCharacterWidth] = fm.maxCharWidth / 64;
    v[FM.xHeight] = xHeightFor(font.face, fm.ppem);
    v[FM.averageCharacterWidth] = fm.averageCharWidth / 64;
    v[FM.underlinePosition] = fm.underlinePosition / 64;
    v[FM.overlinePosition] = fm.ascent / 64 + 1;
    v[FM.strikeOutPosition] = fm.ascent / 64 / 3;
    v[FM.lineWidth] = fm.lineThickness / 64;
  }

  advanceWidth(...args: unknown[]): number {
    if (args.length < 1) throw new Error('Insufficient arguments');
    return this.m.advanceWidth(qstring(args[0]), this.caps);
  }

  boundingRect(...args: unknown[]): QRect {
    if (args.length < 1) throw new Error('Insufficient arguments');
    return this.m.boundingRect(qstring(args[0]), this.caps, false);
  }

  tightBoundingRect(...args: unknown[]): QRect {
    if (args.length < 1) throw new Error('Insufficient arguments');
    return this.m.boundingRect(qstring(args[0]), this.caps, true);
  }

  elidedText(...args: unknown[]): string {
    if (args.length < 3)
      throw new Error(
        'Unable to determine callable overload.  Candidates are:\n' +
          (
            '    elidedText(QString,Qt::TextElideMode,double)\n' +
            '    elidedText(QString,Qt::TextElideMode,double,int)\n'
          )
            .repeat(2)
            .trimEnd(),
      );
    return this.m.elidedText(
      qstring(args[0]),
      Math.trunc(Number(args[1])),
      Number(args[2]),
      Math.trunc(Number(args[3] ?? 0)),
      this.caps,
    );
  }
}

const metric = { type: 'real', readonly: true, notify: 'fontChanged' };

export const FontMetricsMeta: MetaObject = defineType(FontMetrics, null, {
  name: 'FontMetrics',
  cppClass: 'QQuickFontMetrics',
  properties: {
    font: { ...fontProperty(), notify: 'fontChanged' },
    ascent: metric,
    descent: metric,
    height: metric,
    leading: metric,
    lineSpacing: metric,
    minimumLeftBearing: metric,
    minimumRightBearing: metric,
    maximumCharacterWidth: metric,
    xHeight: metric,
    averageCharacterWidth: metric,
    underlinePosition: metric,
    overlinePosition: metric,
    strikeOutPosition: metric,
    lineWidth: metric,
  },
  signals: { fontChanged: { params: [{ name: 'font', type: 'font' }] } },
  methods: ['advanceWidth', 'boundingRect', 'tightBoundingRect', 'elidedText'],
});

const FM = {
  ascent: FontMetricsMeta.index('ascent'),
  descent: FontMetricsMeta.index('descent'),
  height: FontMetricsMeta.index('height'),
  leading: FontMetricsMeta.index('leading'),
  lineSpacing: FontMetricsMeta.index('lineSpacing'),
  minimumLeftBearing: FontMetricsMeta.index('minimumLeftBearing'),
  minimumRightBearing: FontMetricsMeta.index('minimumRightBearing'),
  maximumCharacterWidth: FontMetricsMeta.index('maximumCharacterWidth'),
  xHeight: FontMetricsMeta.index('xHeight'),
  averageCharacterWidth: FontMetricsMeta.index('averageCharacterWidth'),
  underlinePosition: FontMetricsMeta.index('underlinePosition'),
  overlinePosition: FontMetricsMeta.index('overlinePosition'),
  strikeOutPosition: FontMetricsMeta.index('strikeOutPosition'),
  lineWidth: FontMetricsMeta.index('lineWidth'),
  fontChanged: FontMetricsMeta.signalsByName.get('fontChanged')!.index,
};

export class TextMetrics extends MetricsBase {
  declare text: string;
  declare elide: number;
  declare elideWidth: number;

  protected fontDidChange(): void {
    this.$emit(TM.fontChanged, undefined);
    this.$emit(TM.metricsChanged, undefined);
  }

  /** text, elide or elideWidth changed (after its own signal). */
  metricsDidChange(): void {
    this.$emit(TM.metricsChanged, undefined);
  }

  /** The values metricsChanged announces, computed when read as QQuickTextMetrics does. */
  measure(what: number): number | string | QRect {
    const text = this.$v[TM.text] as string;
    const m = this.m;
    switch (what) {
      case TM.advanceWidth:
        return m.advanceWidth(text, this.caps);
      case TM.tightBoundingRect:
        return m.boundingRect(text, this.caps, true);
      case TM.elidedText:
        return m.elidedText(
          text,
          this.$v[TM.elide] as number,
          this.$v[TM.elideWidth] as number,
          0,
          this.caps,
        );
    }
    const r = m.boundingRect(text, this.caps, false);
    return what === TM.width ? r.width : what === TM.height ? r.height : r;
  }
}

/** text, elide and elideWidth: their own signal, then metricsChanged (QQuickTextMetrics's setters). */
function metricInput(type: string, name: string, dflt?: unknown): PropertySpec {
  return {
    type,
    ...(dflt === undefined ? {} : { default: dflt }),
    write: (o, v) => {
      if (o.$store(TextMetricsMeta.index(name), v)) (o as TextMetrics).metricsDidChange();
    },
  };
}

export const TextMetricsMeta: MetaObject = defineType(TextMetrics, null, {
  name: 'TextMetrics',
  cppClass: 'QQuickTextMetrics',
  properties: {
    font: { ...fontProperty(), notify: 'fontChanged' },
    text: metricInput('string', 'text'),
    advanceWidth: { type: 'real', readonly: true, notify: 'metricsChanged' },
    boundingRect: { type: 'rect', readonly: true, notify: 'metricsChanged' },
    width: { type: 'real', readonly: true, notify: 'metricsChanged' },
    height: { type: 'real', readonly: true, notify: 'metricsChanged' },
    tightBoundingRect: { type: 'rect', readonly: true, notify: 'metricsChanged' },
    elidedText: { type: 'string', readonly: true, notify: 'metricsChanged' },
    elide: metricInput('enumeration', 'elide', Elide.None),
    elideWidth: metricInput('real', 'elideWidth'),
  },
  signals: { fontChanged: {}, metricsChanged: {} },
});

const TM = {
  text: TextMetricsMeta.index('text'),
  advanceWidth: TextMetricsMeta.index('advanceWidth'),
  boundingRect: TextMetricsMeta.index('boundingRect'),
  width: TextMetricsMeta.index('width'),
  height: TextMetricsMeta.index('height'),
  tightBoundingRect: TextMetricsMeta.index('tightBoundingRect'),
  elidedText: TextMetricsMeta.index('elidedText'),
  elide: TextMetricsMeta.index('elide'),
  elideWidth: TextMetricsMeta.index('elideWidth'),
  fontChanged: TextMetricsMeta.signalsByName.get('fontChanged')!.index,
  metricsChanged: TextMetricsMeta.signalsByName.get('metricsChanged')!.index,
};

for (const name of [
  'advanceWidth',
  'boundingRect',
  'width',
  'height',
  'tightBoundingRect',
  'elidedText',
] as const) {
  const idx = TM[name];
  Object.defineProperty(TextMetrics.prototype, name, {
    configurable: true,
    get(this: TextMetrics) {
      const o = currentObserver;
      if (o !== null) o.track(this.$source(TM.metricsChanged));
      return this.measure(idx);
    },
    set(this: TextMetrics, v: unknown) {
      this.$assign(idx, v);
    },
  });
}
