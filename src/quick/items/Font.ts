// The `font` grouped property of Text and TextInput (QML's font value type,
// QQuickFontValueType over a QFont), and the `Font` enum namespace
// (Font.Bold, Font.AllUppercase, ...).
import { defineType, type MetaObject, type PropertySpec, QObject } from '../../engine/qobject';
import { coerceValueTypeInt } from '../../engine/types';
import { type FontSpec, loadFace, type ResolvedFont, resolveFont } from '../text';

/** The item a font belongs to: told after every change of the font. */
export interface FontOwner extends QObject {
  fontUpdated(): void;
}

/** Qt's default application font on the reference machine: "Sans Serif", 9 pt. */
const DEFAULT_FAMILY = 'Sans Serif';
const DEFAULT_POINT_SIZE = 9;
const DPI = 96;

export class Font extends QObject {
  declare family: string;
  declare styleName: string;
  declare bold: boolean;
  declare weight: number;
  declare italic: boolean;
  declare underline: boolean;
  declare overline: boolean;
  declare strikeout: boolean;
  declare pointSize: number;
  declare pixelSize: number;
  declare capitalization: number;
  declare letterSpacing: number;
  declare wordSpacing: number;
  declare hintingPreference: number;
  declare kerning: boolean;
  declare preferShaping: boolean;

  /** QFont's own size fields: -1 for the one not in use (pixelSize -1 until a pixel size is set). */
  private pixelSizeRaw = -1;
  private pointSizeRaw = DEFAULT_POINT_SIZE;
  /** QFont::SizeResolved: a size was set explicitly (then setting the other unit is refused). */
  private sizeResolved = false;
  private batch = 0;
  private dirty = false;
  private resolvedCache: ResolvedFont | null = null;
  /** A declared `property font f` (no item to tell): announces f's change when a field changes. */
  announce: (() => void) | null = null;

  constructor(readonly owner: FontOwner | null = null) {
    super();
    this.$engine = owner?.$engine ?? null;
  }

  /** The font resolved to a face and metrics (the point size rounded to 0.5 like QQuickText::setFont). */
  get resolved(): ResolvedFont {
    let r = this.resolvedCache;
    if (r === null) {
      const spec: FontSpec = {
        family: this.$v[F.family] as string,
        weight: this.$v[F.weight] as number,
        italic: this.$v[F.italic] as boolean,
        letterSpacing: this.$v[F.letterSpacing] as number,
        wordSpacing: this.$v[F.wordSpacing] as number,
        ...(this.pixelSizeRaw > 0 ? { pixelSize: this.pixelSizeRaw } : { pointSize: this.pointSizeRaw }),
      };
      r = resolveFont(spec);
      this.resolvedCache = r;
      // A face whose metrics are not loaded yet is measured as DejaVu Sans
      // meanwhile; the item is laid out again with its own face when they arrive.
      const pending = r;
      if (pending.loading !== null)
        void loadFace(pending.loading).then(() => {
          if (this.resolvedCache === pending) this.changed();
        });
    }
    return r;
  }

  /** Called by every property change: one notification per batch of changes. */
  changed(): void {
    this.resolvedCache = null;
    if (this.batch > 0) {
      this.dirty = true;
      return;
    }
    this.notifyOwner();
  }

  private notifyOwner(): void {
    if (this.owner !== null) this.owner.fontUpdated();
    else this.announce?.();
  }

  private begin(): void {
    this.batch++;
  }

  private end(): void {
    if (--this.batch === 0 && this.dirty) {
      this.dirty = false;
      this.notifyOwner();
    }
  }

  /** QQuickFontValueType::setPixelSize: ignored unless > 0; a pixel size replaces the point size. */
  setPixelSize(size: number): void {
    if (size <= 0) return;
    if (this.sizeResolved && this.pointSizeRaw !== -1)
      this.$engine?.sink.warn('Both point size and pixel size set. Using pixel size.');
    this.pixelSizeRaw = size;
    this.pointSizeRaw = -1;
    this.sizeResolved = true;
    this.syncSizes();
  }

  /** QQuickFontValueType::setPointSize: refused once a pixel size was set. */
  setPointSize(size: number): void {
    if (this.sizeResolved && this.pixelSizeRaw !== -1) {
      this.$engine?.sink.warn('Both point size and pixel size set. Using pixel size.');
      return;
    }
    if (size < 0) return;
    if (size === 0) {
      // QFont::setPointSizeF
      this.$engine?.sink.warn(
        `QFont::setPointSizeF: Point size <= 0 (${size.toFixed(6)}), must be greater than 0`,
      );
      return;
    }
    this.pointSizeRaw = size;
    this.pixelSizeRaw = -1;
    this.sizeResolved = true;
    this.syncSizes();
  }

  /** What QML reads: the unit not in use is derived from the other one (pixelSize truncated). */
  private syncSizes(): void {
    this.begin();
    const px = this.pixelSizeRaw !== -1 ? this.pixelSizeRaw : Math.trunc((this.pointSizeRaw * DPI) / 72);
    const pt = this.pointSizeRaw !== -1 ? this.pointSizeRaw : (this.pixelSizeRaw * 72) / DPI;
    this.$store(F.pixelSize, px);
    this.$store(F.pointSize, pt);
    this.changed();
    this.end();
  }

  /** QFont::setWeight; `bold` reads weight > Medium (a weight of 600 is bold, 500 is not). */
  setWeight(w: number): void {
    this.$store(F.weight, w);
  }

  /**
   * Assigning a whole font (`font: other.font`, `font = Qt.font({...})`)
   * replaces every field: fields a plain object does not name take QFont's
   * defaults (Qt.font({pixelSize: 20}) is not bold even if the font was).
   */
  override $copyFrom(v: unknown): void {
    if (v === this || v === null || typeof v !== 'object') return;
    this.begin();
    if (v instanceof Font) {
      this.pixelSizeRaw = v.pixelSizeRaw;
      this.pointSizeRaw = v.pointSizeRaw;
      this.sizeResolved = v.sizeResolved;
      for (let i = 0; i < FONT_PROPS.length; i++) this.$store(FONT_PROPS[i]!, v.$v[FONT_PROPS[i]!]);
    } else {
      this.reset();
      // QQmlValueTypeProvider's fontFromObject: this order (bold before weight, pixelSize before pointSize)
      const o = v as Record<string, unknown>;
      // (numbers are taken as integers where QFont's are: sizes, weight, enums)
      const int = (k: string) => (typeof o[k] === 'number' ? Math.trunc(o[k] as number) : null);
      const sink = this.$engine?.sink;
      if (typeof o.bold === 'boolean') this.setWeight(o.bold ? 700 : 400);
      if (int('capitalization') !== null) this.$write(F.capitalization, int('capitalization'));
      if (typeof o.family === 'string') this.$write(F.family, o.family);
      if (typeof o.styleName === 'string') this.$write(F.styleName, o.styleName);
      if (typeof o.italic === 'boolean') this.$write(F.italic, o.italic);
      if (typeof o.letterSpacing === 'number') this.$write(F.letterSpacing, o.letterSpacing);
      const px = int('pixelSize');
      if (px !== null && px <= 0) sink?.warn(`QFont::setPixelSize: Pixel size <= 0 (${px})`);
      else if (px !== null) {
        this.pixelSizeRaw = px;
        this.pointSizeRaw = -1;
        this.sizeResolved = true;
      }
      const pt = int('pointSize');
      if (pt !== null && pt <= 0)
        sink?.warn(`QFont::setPointSize: Point size <= 0 (${pt}), must be greater than 0`);
      else if (pt !== null) {
        this.pointSizeRaw = pt;
        this.pixelSizeRaw = -1;
        this.sizeResolved = true;
      }
      if (typeof o.strikeout === 'boolean') this.$write(F.strikeout, o.strikeout);
      if (typeof o.underline === 'boolean') this.$write(F.underline, o.underline);
      if (typeof o.overline === 'boolean') this.$write(F.overline, o.overline);
      if (int('weight') !== null) this.setWeight(int('weight')!);
      if (typeof o.wordSpacing === 'number') this.$write(F.wordSpacing, o.wordSpacing);
      if (int('hintingPreference') !== null) this.$write(F.hintingPreference, int('hintingPreference'));
      if (typeof o.kerning === 'boolean') this.$write(F.kerning, o.kerning);
      if (typeof o.preferShaping === 'boolean') this.$write(F.preferShaping, o.preferShaping);
      this.syncSizes();
    }
    this.changed();
    this.end();
  }

  /** A default-constructed QFont (the application font). */
  private reset(): void {
    this.pixelSizeRaw = -1;
    this.pointSizeRaw = DEFAULT_POINT_SIZE;
    this.sizeResolved = false;
    const t = FontMeta.template;
    for (let i = 0; i < FONT_PROPS.length; i++) this.$store(FONT_PROPS[i]!, t[FONT_PROPS[i]!]);
  }

  /** QFont::toString, as print() shows a font: `QFont(Sans Serif,9,-1,5,400,0,0,0,0,0,0,0,0,0,0,1)`. */
  override toString(): string {
    const v = this.$v;
    const n = (b: unknown) => (b ? 1 : 0);
    const fields = [
      v[F.family],
      this.pointSizeRaw,
      this.pixelSizeRaw,
      5,
      v[F.weight],
      n(v[F.italic]),
      n(v[F.underline]),
      n(v[F.strikeout]),
      0,
      0,
      v[F.capitalization],
      (v[F.letterSpacing] as number) !== 0 ? 1 : 0,
      v[F.letterSpacing],
      v[F.wordSpacing],
      0,
      1,
    ];
    const style = v[F.styleName] as string;
    if (style) fields.push(style);
    return `QFont(${fields.join(',')})`;
  }

  /** JSON.stringify(text.font) lists the value type's properties, like Qt. */
  override toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of FontMeta.props) out[p.name] = this.$v[p.index];
    return out;
  }
}

const fontChanged = (o: QObject) => (o as Font).changed();

/**
 * A value type's field assigned undefined takes the field type's default
 * value (QMetaProperty::write of an invalid QVariant): `font.family =
 * undefined` is "", `font.bold = undefined` false, a size 0 (ignored).
 */
function undefinedIsDefault(properties: Record<string, PropertySpec>): Record<string, PropertySpec> {
  for (const p of Object.values(properties))
    p.assignUndefined = p.type === 'string' ? '' : p.type === 'bool' ? false : 0;
  return properties;
}

export const FontMeta: MetaObject = defineType(Font, null, {
  name: 'font',
  cppClass: 'QFont',
  // The order of QQuickFontValueType's properties (what JSON.stringify(font) shows).
  properties: undefinedIsDefault({
    family: { type: 'string', default: DEFAULT_FAMILY, changed: fontChanged },
    styleName: { type: 'string', changed: fontChanged },
    bold: { type: 'bool', write: (o, v) => (o as Font).setWeight(v ? 700 : 400) },
    weight: {
      type: 'int',
      default: 400,
      changed: (o) => {
        const f = o as Font;
        f.$store(F.bold, (f.$v[F.weight] as number) > 500);
        f.changed();
      },
    },
    italic: { type: 'bool', changed: fontChanged },
    underline: { type: 'bool', changed: fontChanged },
    overline: { type: 'bool', changed: fontChanged },
    strikeout: { type: 'bool', changed: fontChanged },
    pointSize: {
      type: 'real',
      default: DEFAULT_POINT_SIZE,
      write: (o, v) => (o as Font).setPointSize(v as number),
    },
    pixelSize: {
      type: 'int',
      default: 12,
      coerce: coerceValueTypeInt,
      write: (o, v) => (o as Font).setPixelSize(v as number),
    },
    capitalization: { type: 'enumeration', changed: fontChanged },
    letterSpacing: { type: 'real', changed: fontChanged },
    wordSpacing: { type: 'real', changed: fontChanged },
    hintingPreference: { type: 'enumeration', changed: fontChanged },
    kerning: { type: 'bool', default: true, changed: fontChanged },
    preferShaping: { type: 'bool', default: true, changed: fontChanged },
  }),
  creatable: false,
});

const F = {
  family: FontMeta.index('family'),
  styleName: FontMeta.index('styleName'),
  bold: FontMeta.index('bold'),
  weight: FontMeta.index('weight'),
  italic: FontMeta.index('italic'),
  underline: FontMeta.index('underline'),
  overline: FontMeta.index('overline'),
  strikeout: FontMeta.index('strikeout'),
  pointSize: FontMeta.index('pointSize'),
  pixelSize: FontMeta.index('pixelSize'),
  capitalization: FontMeta.index('capitalization'),
  letterSpacing: FontMeta.index('letterSpacing'),
  wordSpacing: FontMeta.index('wordSpacing'),
  hintingPreference: FontMeta.index('hintingPreference'),
  kerning: FontMeta.index('kerning'),
  preferShaping: FontMeta.index('preferShaping'),
};
/** Every property except the derived `bold` and the two sizes (copied through their raw fields). */
const FONT_PROPS = FontMeta.props
  .filter((p) => p.name !== 'bold' && p.name !== 'pixelSize' && p.name !== 'pointSize')
  .map((p) => p.index)
  .concat([F.bold, F.pixelSize, F.pointSize]);

/**
 * The spec of a font property: Text's and TextInput's `font`, or a
 * `property font name` declared in QML (its font tells no item).
 */
export function fontProperty(name = 'font'): {
  type: string;
  group: { meta: () => MetaObject; create: (owner: QObject) => QObject };
  write: (obj: QObject, value: unknown) => void;
} {
  return {
    type: 'font',
    group: {
      meta: () => FontMeta,
      create: (owner) => {
        // (an item's own `font`; a font property declared on a Text is a font of its own)
        if (name === 'font' && 'fontUpdated' in owner) return new Font(owner as FontOwner);
        const f = new Font(null);
        f.$engine = owner.$engine;
        // Qt: writing a field of a declared font property announces the property's change (measured).
        const notify = owner.$meta.propsByName.get(name)?.notify ?? -1;
        if (notify >= 0) f.announce = () => owner.$emit(notify, undefined);
        return f;
      },
    },
    write: (obj, value) => ((obj as unknown as Record<string, Font>)[name] as Font).$copyFrom(value),
  };
}

let wordSegmenter: Intl.Segmenter | null = null;

/**
 * Capitalization applied to the laid-out text (QFont::Capitalization;
 * SmallCaps is drawn as typed). With Capitalize, Qt's QTextEngine::itemize
 * puts each word's first letter in an item of its own, so no kerning
 * applies across it: `breaks` lists those item boundaries.
 */
export function capitalize(text: string, mode: number): { text: string; breaks: number[] } {
  switch (mode) {
    case Capitalization.AllUppercase:
      return { text: text.toUpperCase(), breaks: [] };
    case Capitalization.AllLowercase:
      return { text: text.toLowerCase(), breaks: [] };
    case Capitalization.Capitalize: {
      wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
      let out = '';
      const breaks: number[] = [];
      let last = 0;
      for (const s of wordSegmenter.segment(text)) {
        if (!s.isWordLike) continue;
        const first = String.fromCodePoint(s.segment.codePointAt(0)!);
        out += text.slice(last, s.index);
        breaks.push(out.length);
        out += first.toUpperCase();
        breaks.push(out.length);
        last = s.index + first.length;
      }
      out += text.slice(last);
      return { text: out, breaks };
    }
    default:
      return { text, breaks: [] };
  }
}

export enum Capitalization {
  MixedCase = 0,
  AllUppercase = 1,
  AllLowercase = 2,
  SmallCaps = 3,
  Capitalize = 4,
}

/** `Font.Bold`, `Font.AllUppercase`, ...: the enums QML code names through `Font`. */
class FontEnums extends QObject {}
export const FontEnumsMeta: MetaObject = defineType(FontEnums, null, {
  name: 'Font',
  cppClass: 'QQuickFontEnums',
  creatable: false,
  enums: {
    Thin: 100,
    ExtraLight: 200,
    Light: 300,
    Normal: 400,
    Medium: 500,
    DemiBold: 600,
    Bold: 700,
    ExtraBold: 800,
    Black: 900,
    MixedCase: 0,
    AllUppercase: 1,
    AllLowercase: 2,
    SmallCaps: 3,
    Capitalize: 4,
    PreferDefaultHinting: 0,
    PreferNoHinting: 1,
    PreferVerticalHinting: 2,
    PreferFullHinting: 3,
  },
});
