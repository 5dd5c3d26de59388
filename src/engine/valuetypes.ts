// QML value types: color, point, size, rect, vectors, quaternion, matrix.
//
// Like Qt's value type references (QQmlValueTypeReference), a value read
// from a property remembers where it came from: writing one of its fields
// (`rect.color.r = 0.5`, `let q = p; q.x = 9`) writes the property back.
// Values compare by value (V4's isEqualTo), see jscompile.ts.

/** The object a value type was read from (a QObject). */
export interface ValueTypeOwner {
  $v: unknown[];
  /** `before`: the value before one of its fields was written (only that field's binding goes). */
  $assign(index: number, value: unknown, before?: unknown): void;
}

export abstract class ValueType {
  /** The property this value was read from, or null for a free-standing value. */
  $ref: { obj: ValueTypeOwner; index: number } | null = null;
  /** A free-standing copy. */
  abstract $clone(): ValueType;
  /** Same type and same value (V4 compares value types by value, even with ===). */
  abstract $equals(other: unknown): boolean;
  /** Takes the value of another value of the same type. */
  protected abstract $setFrom(other: this): void;

  /** Changes a field: on a copy written back to the property this value came from, if any. */
  protected $update(change: (v: this) => void): void {
    const ref = this.$ref;
    if (ref === null) {
      change(this);
      return;
    }
    const copy = this.$clone() as this;
    change(copy);
    ref.obj.$assign(ref.index, copy, this);
    const now = ref.obj.$v[ref.index];
    if (now instanceof ValueType && now.constructor === this.constructor) this.$setFrom(now as this);
    else change(this);
  }
}

/** Qt's value-type property types (not fonts, which are grouped objects here). */
export const VALUE_TYPE_NAMES: ReadonlySet<string> = new Set([
  'color',
  'point',
  'size',
  'rect',
  'vector2d',
  'vector3d',
  'vector4d',
  'quaternion',
  'matrix4x4',
]);

/** How a color was specified (QColor::Spec): Qt keeps HSV and HSL colors in those models. */
export type ColorSpec = 'rgb' | 'hsv' | 'hsl';

const f32 = Math.fround;
const USHRT_MAX = 65535;
/** Qt's hue value for an achromatic color. */
const NO_HUE = USHRT_MAX;

/** qRound(float): `int(d + 0.5f)`, in single precision like Qt. */
function qRoundF(d: number): number {
  return d >= 0 ? Math.trunc(f32(d + 0.5)) : Math.trunc(f32(d - 0.5));
}

/** A component in 0..1 as QColor stores it: `qRound(v * USHRT_MAX)` in float arithmetic. */
function to16(v: number): number {
  return qRoundF(f32(f32(v) * USHRT_MAX));
}

/**
 * A color, like QColor: Qt stores 16 bits per channel (and keeps HSV/HSL
 * colors in their model), so the values QML reads are Qt's: `Qt.rgba(0.3, 0, 0, 1).r`
 * is 0.3000076413154602 and its name is `#4d0000`. `toString()` is Qt's:
 * `#rrggbb`, or `#aarrggbb` when not opaque.
 */
export class QColor extends ValueType {
  /** Qt's 16-bit channels. */
  readonly red16: number;
  readonly green16: number;
  readonly blue16: number;
  readonly alpha16: number;
  /** False for a color parsed from an invalid string (Qt prints it as `#000000` and it paints nothing). */
  readonly valid: boolean;
  /** How the color was specified; for HSV/HSL colors the 16-bit components Qt keeps (hue in centidegrees). */
  spec: ColorSpec = 'rgb';
  private hue16 = 0;
  private sat16 = 0;
  private third16 = 0;

  /** A color from components in 0..1 (QColor::fromRgbF). */
  constructor(r: number, g: number, b: number, a = 1, valid = true) {
    super();
    this.red16 = to16(r);
    this.green16 = to16(g);
    this.blue16 = to16(b);
    this.alpha16 = to16(a);
    this.valid = valid;
  }

  // The channels as QML reads them (QColor::redF() ...: single-precision floats).
  get r(): number {
    return f32(this.red16 / USHRT_MAX);
  }
  get g(): number {
    return f32(this.green16 / USHRT_MAX);
  }
  get b(): number {
    return f32(this.blue16 / USHRT_MAX);
  }
  get a(): number {
    return f32(this.alpha16 / USHRT_MAX);
  }
  // QQmlColorValueType's setters: setRedF & co. turn the color into RGB, setAlphaF keeps its model.
  set r(v: number) {
    this.$update((c) => c.$setFrom(new QColor(clamp01(v), c.g, c.b, c.a)));
  }
  set g(v: number) {
    this.$update((c) => c.$setFrom(new QColor(c.r, clamp01(v), c.b, c.a)));
  }
  set b(v: number) {
    this.$update((c) => c.$setFrom(new QColor(c.r, c.g, clamp01(v), c.a)));
  }
  set a(v: number) {
    this.$update((c) => c.$setFrom(c.withAlpha(clamp01(v))));
  }

  $clone(): QColor {
    const c = new QColor(0, 0, 0);
    c.$setFrom(this);
    return c;
  }

  $equals(other: unknown): boolean {
    return other instanceof QColor && this.equals(other);
  }

  protected $setFrom(o: QColor): void {
    const w = this as unknown as Record<string, unknown>;
    w.red16 = o.red16;
    w.green16 = o.green16;
    w.blue16 = o.blue16;
    w.alpha16 = o.alpha16;
    w.valid = o.valid;
    this.spec = o.spec;
    this.hue16 = o.hue16;
    this.sat16 = o.sat16;
    this.third16 = o.third16;
  }

  static fromRgb16(r: number, g: number, b: number, a = USHRT_MAX): QColor {
    return new QColor(r / USHRT_MAX, g / USHRT_MAX, b / USHRT_MAX, a / USHRT_MAX);
  }

  static fromRgba8(r: number, g: number, b: number, a = 255): QColor {
    return QColor.fromRgb16(r * 0x101, g * 0x101, b * 0x101, a * 0x101);
  }

  /** An HSV color from Qt's 16-bit components (hue in centidegrees, NO_HUE when achromatic). */
  static fromHsv16(h: number, s: number, v: number, a: number): QColor {
    const [r, g, b] = hsvToRgb16(h, s, v);
    const c = QColor.fromRgb16(r, g, b, a);
    c.spec = 'hsv';
    c.hue16 = h;
    c.sat16 = s;
    c.third16 = v;
    return c;
  }

  /** An HSL color from Qt's 16-bit components. */
  static fromHsl16(h: number, s: number, l: number, a: number): QColor {
    const [r, g, b] = hslToRgb16(h, s, l);
    const c = QColor.fromRgb16(r, g, b, a);
    c.spec = 'hsl';
    c.hue16 = h;
    c.sat16 = s;
    c.third16 = l;
    return c;
  }

  // 8-bit channels (QColor::red() ...): Qt rounds the 16-bit value divided by 257.
  get red8(): number {
    return Math.round(this.red16 / 257);
  }
  get green8(): number {
    return Math.round(this.green16 / 257);
  }
  get blue8(): number {
    return Math.round(this.blue16 / 257);
  }
  get alpha8(): number {
    return Math.round(this.alpha16 / 257);
  }

  /** 0xAARRGGBB. */
  get argb(): number {
    return ((this.alpha8 << 24) | (this.red8 << 16) | (this.green8 << 8) | this.blue8) >>> 0;
  }

  /** QColor::operator==: same model, same stored components. */
  equals(other: QColor): boolean {
    if (this === other) return true;
    if (this.valid !== other.valid || this.spec !== other.spec || this.alpha16 !== other.alpha16)
      return false;
    if (this.spec === 'rgb')
      return this.red16 === other.red16 && this.green16 === other.green16 && this.blue16 === other.blue16;
    return this.hue16 === other.hue16 && this.sat16 === other.sat16 && this.third16 === other.third16;
  }

  /** Qt's HSV components (QColor::toHsv): hue in centidegrees or NO_HUE, saturation and value in 16 bits. */
  toHsv16(): [number, number, number] {
    if (this.spec === 'hsv') return [this.hue16, this.sat16, this.third16];
    const r = f32(this.red16 / USHRT_MAX);
    const g = f32(this.green16 / USHRT_MAX);
    const b = f32(this.blue16 / USHRT_MAX);
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    const delta = f32(max - min);
    const v = qRoundF(f32(max * USHRT_MAX));
    if (Math.abs(delta) <= 0.00001) return [NO_HUE, 0, v];
    const s = qRoundF(f32(f32(delta / max) * USHRT_MAX));
    return [hueOf(r, g, b, max, delta), s, v];
  }

  /** Qt's HSL components (QColor::toHsl). */
  toHsl16(): [number, number, number] {
    if (this.spec === 'hsl') return [this.hue16, this.sat16, this.third16];
    const r = f32(this.red16 / USHRT_MAX);
    const g = f32(this.green16 / USHRT_MAX);
    const b = f32(this.blue16 / USHRT_MAX);
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    const delta = f32(max - min);
    const delta2 = f32(max + min);
    const lightness = f32(0.5 * delta2);
    const l = qRoundF(f32(lightness * USHRT_MAX));
    if (Math.abs(delta) <= 0.00001) return [NO_HUE, 0, l];
    const s =
      lightness < 0.5
        ? qRoundF(f32(f32(delta / delta2) * USHRT_MAX))
        : qRoundF(f32(f32(delta / f32(2 - delta2)) * USHRT_MAX));
    return [hueOf(r, g, b, max, delta), s, l];
  }

  // QML's color value type exposes these names.
  get hsvHue(): number {
    return this.valid ? hueF(this.toHsv16()[0]) : 0;
  }
  get hsvSaturation(): number {
    return this.valid ? f32(this.toHsv16()[1] / USHRT_MAX) : 0;
  }
  get hsvValue(): number {
    return this.valid ? f32(this.toHsv16()[2] / USHRT_MAX) : 0;
  }
  get hslHue(): number {
    return this.valid ? hueF(this.toHsl16()[0]) : 0;
  }
  get hslSaturation(): number {
    return this.valid ? f32(this.toHsl16()[1] / USHRT_MAX) : 0;
  }
  get hslLightness(): number {
    return this.valid ? f32(this.toHsl16()[2] / USHRT_MAX) : 0;
  }
  // Writing an HSV or HSL component makes an HSV or HSL color (QColor::setHsvF / setHslF).
  set hsvHue(v: number) {
    this.$update((c) => c.$setFrom(fromHsv(v, c.hsvSaturation, c.hsvValue, c.a)));
  }
  set hsvSaturation(v: number) {
    this.$update((c) => c.$setFrom(fromHsv(Math.max(c.hsvHue, 0), v, c.hsvValue, c.a)));
  }
  set hsvValue(v: number) {
    this.$update((c) => c.$setFrom(fromHsv(Math.max(c.hsvHue, 0), c.hsvSaturation, v, c.a)));
  }
  set hslHue(v: number) {
    this.$update((c) => c.$setFrom(fromHsl(v, c.hslSaturation, c.hslLightness, c.a)));
  }
  set hslSaturation(v: number) {
    this.$update((c) => c.$setFrom(fromHsl(Math.max(c.hslHue, 0), v, c.hslLightness, c.a)));
  }
  set hslLightness(v: number) {
    this.$update((c) => c.$setFrom(fromHsl(Math.max(c.hslHue, 0), c.hslSaturation, v, c.a)));
  }

  override toString(): string {
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    const rgb = `${hex(this.red8)}${hex(this.green8)}${hex(this.blue8)}`;
    return this.alpha8 === 255 ? `#${rgb}` : `#${hex(this.alpha8)}${rgb}`;
  }

  override valueOf(): string {
    return this.toString();
  }

  /** What JSON.stringify gives for a color in QML. */
  toJSON(): Record<string, unknown> {
    return {
      r: this.r,
      g: this.g,
      b: this.b,
      a: this.a,
      hsvHue: this.hsvHue,
      hsvSaturation: this.hsvSaturation,
      hsvValue: this.hsvValue,
      hslHue: this.hslHue,
      hslSaturation: this.hslSaturation,
      hslLightness: this.hslLightness,
      valid: this.valid,
    };
  }

  /** The same color with another alpha (QColor::setAlphaF), in the same model. */
  withAlpha(a: number): QColor {
    const alpha = to16(a);
    if (this.spec === 'hsv') return QColor.fromHsv16(this.hue16, this.sat16, this.third16, alpha);
    if (this.spec === 'hsl') return QColor.fromHsl16(this.hue16, this.sat16, this.third16, alpha);
    const c = QColor.fromRgb16(this.red16, this.green16, this.blue16, alpha);
    return this.valid ? c : new QColor(c.r, c.g, c.b, c.a, false);
  }

  /** Qt.lighter(color, factor): QColor::lighter(qRound(factor * 100)). */
  lighter(factor = 1.5): QColor {
    return this.lighterInt(qRound(factor * 100));
  }

  /** Qt.darker(color, factor): QColor::darker(qRound(factor * 100)). */
  darker(factor = 2): QColor {
    return this.darkerInt(qRound(factor * 100));
  }

  /** QColor::lighter(int): the HSV value times factor/100; overflow goes into desaturation. */
  lighterInt(factor: number): QColor {
    if (!(factor > 0) || !this.valid) return this;
    if (factor < 100) return this.darkerInt(Math.trunc(10000 / factor));
    const [h, s0, v0] = this.toHsv16();
    let s = s0;
    let v = Math.trunc((factor * v0) / 100);
    if (v > USHRT_MAX) {
      s -= v - USHRT_MAX;
      if (s < 0) s = 0;
      v = USHRT_MAX;
    }
    return QColor.fromHsv16(h, s, v, this.alpha16).convertTo(this.spec);
  }

  /** QColor::darker(int): the HSV value times 100/factor. */
  darkerInt(factor: number): QColor {
    if (!(factor > 0) || !this.valid) return this;
    if (factor < 100) return this.lighterInt(Math.trunc(10000 / factor));
    const [h, s, v] = this.toHsv16();
    return QColor.fromHsv16(h, s, Math.trunc((v * 100) / factor), this.alpha16).convertTo(this.spec);
  }

  /** The same color in another model (QColor::convertTo). */
  convertTo(spec: ColorSpec): QColor {
    if (spec === this.spec) return this;
    if (spec === 'rgb') return QColor.fromRgb16(this.red16, this.green16, this.blue16, this.alpha16);
    const rgb = this.spec === 'rgb' ? this : this.convertTo('rgb');
    const [h, s, x] = spec === 'hsv' ? rgb.toHsv16() : rgb.toHsl16();
    return spec === 'hsv' ? QColor.fromHsv16(h, s, x, this.alpha16) : QColor.fromHsl16(h, s, x, this.alpha16);
  }
}

/** qRound(double), std::round: halves away from zero (JavaScript's Math.round takes them up). */
export function qRound(d: number): number {
  return d >= 0 ? Math.trunc(d + 0.5) : Math.trunc(d - 0.5);
}

function hueF(h: number): number {
  return h === NO_HUE ? -1 : f32(h / 36000);
}

/** The hue in centidegrees, as QColor::toHsv/toHsl compute it (single precision). */
function hueOf(r: number, g: number, b: number, max: number, delta: number): number {
  let hue: number;
  if (r === max) hue = f32(f32(g - b) / delta);
  else if (g === max) hue = f32(2 + f32(f32(b - r) / delta));
  else hue = f32(4 + f32(f32(r - g) / delta));
  hue = f32(hue * 60);
  if (hue < 0) hue = f32(hue + 360);
  return qRoundF(f32(hue * 100));
}

/** QColor::toRgb for an HSV color (single precision, like Qt). */
function hsvToRgb16(hue: number, sat: number, val: number): [number, number, number] {
  if (sat === 0 || hue === NO_HUE) return [val, val, val];
  const h = hue === 36000 ? 0 : f32(hue / 6000);
  const s = f32(sat / USHRT_MAX);
  const v = f32(val / USHRT_MAX);
  const i = Math.trunc(h);
  const f = f32(h - i);
  const p = f32(v * f32(1 - s));
  const c = (x: number) => qRoundF(f32(x * USHRT_MAX));
  if (i & 1) {
    const q = f32(v * f32(1 - f32(s * f)));
    if (i === 1) return [c(q), c(v), c(p)];
    if (i === 3) return [c(p), c(q), c(v)];
    return [c(v), c(p), c(q)];
  }
  const t = f32(v * f32(1 - f32(s * f32(1 - f))));
  if (i === 0) return [c(v), c(t), c(p)];
  if (i === 2) return [c(p), c(v), c(t)];
  return [c(t), c(p), c(v)];
}

/** QColor::toRgb for an HSL color (single precision, like Qt). */
function hslToRgb16(hue: number, sat: number, light: number): [number, number, number] {
  if (sat === 0 || hue === NO_HUE) return [light, light, light];
  if (light === 0) return [0, 0, 0];
  const h = hue === 36000 ? 0 : f32(hue / 36000);
  const s = f32(sat / USHRT_MAX);
  const l = f32(light / USHRT_MAX);
  const temp2 = l < 0.5 ? f32(l * f32(1 + s)) : f32(f32(l + s) - f32(l * s));
  const temp1 = f32(f32(2 * l) - temp2);
  const out: [number, number, number] = [0, 0, 0];
  const third = f32(1 / 3);
  const temp3 = [f32(h + third), h, f32(h - third)];
  for (let i = 0; i < 3; i++) {
    let t = temp3[i]!;
    if (t < 0) t = f32(t + 1);
    else if (t > 1) t = f32(t - 1);
    const sixT = f32(t * 6);
    let v: number;
    if (sixT < 1) v = f32(temp1 + f32(f32(temp2 - temp1) * sixT));
    else if (f32(t * 2) < 1) v = temp2;
    else if (f32(t * 3) < 2) v = f32(temp1 + f32(f32(f32(temp2 - temp1) * f32(f32(2 / 3) - t)) * 6));
    else v = temp1;
    // Qt turns a rounding residue of 1 into 0 (Qt.hsla(0.33, 1, 0.5, 1) is #05ff00 with blue 0).
    const c = qRoundF(f32(v * USHRT_MAX));
    out[i] = c === 1 ? 0 : c;
  }
  return out;
}

/** Qt.rgba: components clamped to 0..1 (QColor::fromRgbF). */
export function fromRgbF(r: number, g: number, b: number, a = 1): QColor {
  return new QColor(clamp01(r), clamp01(g), clamp01(b), clamp01(a));
}

/** Qt.hsva: QColor::fromHsvF with every component clamped to 0..1. */
export function fromHsv(h: number, s: number, v: number, a = 1): QColor {
  return QColor.fromHsv16(hue16(h), to16(clamp01(s)), to16(clamp01(v)), to16(clamp01(a)));
}

/** Qt.hsla: QColor::fromHslF with every component clamped to 0..1. */
export function fromHsl(h: number, s: number, l: number, a = 1): QColor {
  return QColor.fromHsl16(hue16(h), to16(clamp01(s)), to16(clamp01(l)), to16(clamp01(a)));
}

function hue16(h: number): number {
  return qRoundF(f32(f32(clamp01(h)) * 36000));
}

/**
 * A number written to a field of a value type (`p.x = v`), converted as Qt's
 * QMetaProperty::write converts it: undefined is the default (0), a bool 0
 * or 1, a string its decimal number; what does not convert (null, "abc",
 * an object) leaves the field as it was (undefined here).
 */
function fieldNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v === undefined) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

function clamp01(v: number): number {
  const n = Number(v);
  if (!(n > 0)) return 0;
  return Math.min(n, 1);
}

/** Qt.tint(base, tint): the tint drawn over the base (QQuickColorProvider::tint). */
export function tintColor(base: QColor, tint: QColor): QColor {
  const ta = tint.alpha8;
  if (ta === 255) return tint;
  if (ta === 0) return base;
  const a = tint.a;
  const inv = 1 - a;
  return new QColor(
    tint.r * a + base.r * inv,
    tint.g * a + base.g * inv,
    tint.b * a + base.b * inv,
    a + inv * base.a,
  );
}

/** The SVG color names Qt accepts (QColor::setNamedColor), plus "transparent". */
const NAMED_COLORS: Record<string, number> = {
  aliceblue: 0xf0f8ff,
  antiquewhite: 0xfaebd7,
  aqua: 0x00ffff,
  aquamarine: 0x7fffd4,
  azure: 0xf0ffff,
  beige: 0xf5f5dc,
  bisque: 0xffe4c4,
  black: 0x000000,
  blanchedalmond: 0xffebcd,
  blue: 0x0000ff,
  blueviolet: 0x8a2be2,
  brown: 0xa52a2a,
  burlywood: 0xdeb887,
  cadetblue: 0x5f9ea0,
  chartreuse: 0x7fff00,
  chocolate: 0xd2691e,
  coral: 0xff7f50,
  cornflowerblue: 0x6495ed,
  cornsilk: 0xfff8dc,
  crimson: 0xdc143c,
  cyan: 0x00ffff,
  darkblue: 0x00008b,
  darkcyan: 0x008b8b,
  darkgoldenrod: 0xb8860b,
  darkgray: 0xa9a9a9,
  darkgreen: 0x006400,
  darkgrey: 0xa9a9a9,
  darkkhaki: 0xbdb76b,
  darkmagenta: 0x8b008b,
  darkolivegreen: 0x556b2f,
  darkorange: 0xff8c00,
  darkorchid: 0x9932cc,
  darkred: 0x8b0000,
  darksalmon: 0xe9967a,
  darkseagreen: 0x8fbc8f,
  darkslateblue: 0x483d8b,
  darkslategray: 0x2f4f4f,
  darkslategrey: 0x2f4f4f,
  darkturquoise: 0x00ced1,
  darkviolet: 0x9400d3,
  deeppink: 0xff1493,
  deepskyblue: 0x00bfff,
  dimgray: 0x696969,
  dimgrey: 0x696969,
  dodgerblue: 0x1e90ff,
  firebrick: 0xb22222,
  floralwhite: 0xfffaf0,
  forestgreen: 0x228b22,
  fuchsia: 0xff00ff,
  gainsboro: 0xdcdcdc,
  ghostwhite: 0xf8f8ff,
  gold: 0xffd700,
  goldenrod: 0xdaa520,
  gray: 0x808080,
  grey: 0x808080,
  green: 0x008000,
  greenyellow: 0xadff2f,
  honeydew: 0xf0fff0,
  hotpink: 0xff69b4,
  indianred: 0xcd5c5c,
  indigo: 0x4b0082,
  ivory: 0xfffff0,
  khaki: 0xf0e68c,
  lavender: 0xe6e6fa,
  lavenderblush: 0xfff0f5,
  lawngreen: 0x7cfc00,
  lemonchiffon: 0xfffacd,
  lightblue: 0xadd8e6,
  lightcoral: 0xf08080,
  lightcyan: 0xe0ffff,
  lightgoldenrodyellow: 0xfafad2,
  lightgray: 0xd3d3d3,
  lightgreen: 0x90ee90,
  lightgrey: 0xd3d3d3,
  lightpink: 0xffb6c1,
  lightsalmon: 0xffa07a,
  lightseagreen: 0x20b2aa,
  lightskyblue: 0x87cefa,
  lightslategray: 0x778899,
  lightslategrey: 0x778899,
  lightsteelblue: 0xb0c4de,
  lightyellow: 0xffffe0,
  lime: 0x00ff00,
  limegreen: 0x32cd32,
  linen: 0xfaf0e6,
  magenta: 0xff00ff,
  maroon: 0x800000,
  mediumaquamarine: 0x66cdaa,
  mediumblue: 0x0000cd,
  mediumorchid: 0xba55d3,
  mediumpurple: 0x9370db,
  mediumseagreen: 0x3cb371,
  mediumslateblue: 0x7b68ee,
  mediumspringgreen: 0x00fa9a,
  mediumturquoise: 0x48d1cc,
  mediumvioletred: 0xc71585,
  midnightblue: 0x191970,
  mintcream: 0xf5fffa,
  mistyrose: 0xffe4e1,
  moccasin: 0xffe4b5,
  navajowhite: 0xffdead,
  navy: 0x000080,
  oldlace: 0xfdf5e6,
  olive: 0x808000,
  olivedrab: 0x6b8e23,
  orange: 0xffa500,
  orangered: 0xff4500,
  orchid: 0xda70d6,
  palegoldenrod: 0xeee8aa,
  palegreen: 0x98fb98,
  paleturquoise: 0xafeeee,
  palevioletred: 0xdb7093,
  papayawhip: 0xffefd5,
  peachpuff: 0xffdab9,
  peru: 0xcd853f,
  pink: 0xffc0cb,
  plum: 0xdda0dd,
  powderblue: 0xb0e0e6,
  purple: 0x800080,
  red: 0xff0000,
  rosybrown: 0xbc8f8f,
  royalblue: 0x4169e1,
  saddlebrown: 0x8b4513,
  salmon: 0xfa8072,
  sandybrown: 0xf4a460,
  seagreen: 0x2e8b57,
  seashell: 0xfff5ee,
  sienna: 0xa0522d,
  silver: 0xc0c0c0,
  skyblue: 0x87ceeb,
  slateblue: 0x6a5acd,
  slategray: 0x708090,
  slategrey: 0x708090,
  snow: 0xfffafa,
  springgreen: 0x00ff7f,
  steelblue: 0x4682b4,
  tan: 0xd2b48c,
  teal: 0x008080,
  thistle: 0xd8bfd8,
  tomato: 0xff6347,
  turquoise: 0x40e0d0,
  violet: 0xee82ee,
  wheat: 0xf5deb3,
  white: 0xffffff,
  whitesmoke: 0xf5f5f5,
  yellow: 0xffff00,
  yellowgreen: 0x9acd32,
};

export const INVALID_COLOR = new QColor(0, 0, 0, 1, false);

/**
 * Parses a color string as QColor::fromString does: `#rgb`, `#rrggbb`,
 * `#aarrggbb` (alpha FIRST, unlike CSS), `#rrrgggbbb`, `#rrrrggggbbbb`, SVG
 * names (case-insensitive, spaces ignored: "steel blue"), "transparent".
 * Returns undefined when invalid (hex forms are not trimmed: " #f00" is invalid).
 */
export function parseColor(text: string): QColor | undefined {
  // Scenes use a handful of color strings over and over (every delegate's
  // `color: '#fff'`): each is parsed once, and a fresh copy handed out.
  const known = parsedColors.get(text);
  if (known !== undefined) return known.$clone();
  const c = parseColorText(text);
  if (c !== undefined) {
    if (parsedColors.size >= PARSED_COLORS_LIMIT) parsedColors.clear();
    parsedColors.set(text, c.$clone());
  }
  return c;
}

const parsedColors = new Map<string, QColor>();
const PARSED_COLORS_LIMIT = 1024;

function parseColorText(text: string): QColor | undefined {
  if (text.startsWith('#')) {
    const hex = text.slice(1);
    if (!/^[0-9a-fA-F]+$/.test(hex)) return undefined;
    const n = (from: number, len: number) => Number.parseInt(hex.slice(from, from + len), 16);
    // 12-bit channels widen to 16 bits by repeating their top bits (QColor's qt_get_hex_rgb).
    const w12 = (v: number) => (v << 4) | (v >> 8);
    switch (hex.length) {
      case 3:
        return QColor.fromRgba8(n(0, 1) * 17, n(1, 1) * 17, n(2, 1) * 17);
      case 6:
        return QColor.fromRgba8(n(0, 2), n(2, 2), n(4, 2));
      case 8:
        return QColor.fromRgba8(n(2, 2), n(4, 2), n(6, 2), n(0, 2));
      case 9:
        return QColor.fromRgb16(w12(n(0, 3)), w12(n(3, 3)), w12(n(6, 3)));
      case 12:
        return QColor.fromRgb16(n(0, 4), n(4, 4), n(8, 4));
      default:
        return undefined;
    }
  }
  const name = text.replaceAll(' ', '').toLowerCase();
  if (name === 'transparent') return new QColor(0, 0, 0, 0);
  const rgb = NAMED_COLORS[name];
  if (rgb === undefined) return undefined;
  return QColor.fromRgba8((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255);
}

export class QPoint extends ValueType {
  private _x: number;
  private _y: number;
  constructor(x: number, y: number) {
    super();
    this._x = x;
    this._y = y;
  }
  get x(): number {
    return this._x;
  }
  set x(v: number) {
    const n = fieldNumber(v);
    if (n === undefined) return;
    this.$update((p) => {
      p._x = n;
    });
  }
  get y(): number {
    return this._y;
  }
  set y(v: number) {
    const n = fieldNumber(v);
    if (n === undefined) return;
    this.$update((p) => {
      p._y = n;
    });
  }
  $clone(): QPoint {
    return new QPoint(this._x, this._y);
  }
  $equals(o: unknown): boolean {
    return o instanceof QPoint && o._x === this._x && o._y === this._y;
  }
  protected $setFrom(o: QPoint): void {
    this._x = o._x;
    this._y = o._y;
  }
  override toString(): string {
    return `QPointF(${fmt(this._x)}, ${fmt(this._y)})`;
  }
  toJSON(): Record<string, number> {
    return { x: this._x, y: this._y };
  }
}

export class QSize extends ValueType {
  private _w: number;
  private _h: number;
  constructor(width: number, height: number) {
    super();
    this._w = width;
    this._h = height;
  }
  get width(): number {
    return this._w;
  }
  set width(v: number) {
    const n = fieldNumber(v);
    if (n === undefined) return;
    this.$update((s) => {
      s._w = n;
    });
  }
  get height(): number {
    return this._h;
  }
  set height(v: number) {
    const n = fieldNumber(v);
    if (n === undefined) return;
    this.$update((s) => {
      s._h = n;
    });
  }
  $clone(): QSize {
    return new QSize(this._w, this._h);
  }
  $equals(o: unknown): boolean {
    return o instanceof QSize && o._w === this._w && o._h === this._h;
  }
  protected $setFrom(o: QSize): void {
    this._w = o._w;
    this._h = o._h;
  }
  override toString(): string {
    return `QSizeF(${fmt(this._w)}, ${fmt(this._h)})`;
  }
  toJSON(): Record<string, number> {
    return { width: this._w, height: this._h };
  }
}

export class QRect extends ValueType {
  private _x: number;
  private _y: number;
  private _w: number;
  private _h: number;
  constructor(x: number, y: number, width: number, height: number) {
    super();
    this._x = x;
    this._y = y;
    this._w = width;
    this._h = height;
  }
  get x(): number {
    return this._x;
  }
  set x(v: number) {
    const n = fieldNumber(v);
    if (n === undefined) return;
    this.$update((r) => {
      r._x = n;
    });
  }
  get y(): number {
    return this._y;
  }
  set y(v: number) {
    const n = fieldNumber(v);
    if (n === undefined) return;
    this.$update((r) => {
      r._y = n;
    });
  }
  get width(): number {
    return this._w;
  }
  set width(v: number) {
    const n = fieldNumber(v);
    if (n === undefined) return;
    this.$update((r) => {
      r._w = n;
    });
  }
  get height(): number {
    return this._h;
  }
  set height(v: number) {
    const n = fieldNumber(v);
    if (n === undefined) return;
    this.$update((r) => {
      r._h = n;
    });
  }
  get left(): number {
    return this._x;
  }
  get top(): number {
    return this._y;
  }
  get right(): number {
    return this._x + this._w;
  }
  get bottom(): number {
    return this._y + this._h;
  }
  $clone(): QRect {
    return new QRect(this._x, this._y, this._w, this._h);
  }
  $equals(o: unknown): boolean {
    return o instanceof QRect && o._x === this._x && o._y === this._y && o._w === this._w && o._h === this._h;
  }
  protected $setFrom(o: QRect): void {
    this._x = o._x;
    this._y = o._y;
    this._w = o._w;
    this._h = o._h;
  }
  override toString(): string {
    return `QRectF(${fmt(this._x)}, ${fmt(this._y)}, ${fmt(this._w)}, ${fmt(this._h)})`;
  }
  /** Qt's rect value type also lists left, right, top and bottom. */
  toJSON(): Record<string, number> {
    return {
      x: this._x,
      y: this._y,
      width: this._w,
      height: this._h,
      left: this.left,
      right: this.right,
      top: this.top,
      bottom: this.bottom,
    };
  }
}

/**
 * QVector2D/3D/4D and QQuaternion: single-precision components (Qt stores
 * floats: `Qt.vector3d(1, 2, 3).length()` is 3.741657257080078).
 */
abstract class FloatTuple extends ValueType {
  protected c: number[];
  constructor(values: number[]) {
    super();
    this.c = values.map((v) => f32(Number(v)));
  }
  protected get(i: number): number {
    return this.c[i]!;
  }
  protected set(i: number, v: number): void {
    const n = fieldNumber(v);
    if (n === undefined) return;
    this.$update((t) => {
      t.c[i] = f32(n);
    });
  }
  protected make(values: number[]): this {
    const t = this.$clone() as this;
    t.c = values.map((v) => f32(v));
    t.$ref = null;
    return t;
  }
  $equals(o: unknown): boolean {
    return (
      o instanceof FloatTuple && o.constructor === this.constructor && o.c.every((v, i) => v === this.c[i])
    );
  }
  protected $setFrom(o: this): void {
    this.c = o.c.slice();
  }
  protected other(v: unknown): number[] | undefined {
    return v instanceof FloatTuple && v.constructor === this.constructor ? v.c : undefined;
  }
  plus(v: unknown): this {
    const o = this.other(v);
    return this.make(this.c.map((x, i) => x + (o ? o[i]! : 0)));
  }
  minus(v: unknown): this {
    const o = this.other(v);
    return this.make(this.c.map((x, i) => x - (o ? o[i]! : 0)));
  }
  /** times(vector) multiplies componentwise, times(number) scales. */
  times(v: unknown): this {
    const o = this.other(v);
    return this.make(this.c.map((x, i) => x * (o ? o[i]! : Number(v))));
  }
  dotProduct(v: unknown): number {
    const o = this.other(v);
    return o ? f32(this.c.reduce((sum, x, i) => sum + x * o[i]!, 0)) : 0;
  }
  /** qHypot in single precision, as QVector3D::length computes it (Qt's scaling QHypotHelper beyond two values). */
  length(): number {
    const c = this.c;
    if (c.length === 2) return f32(Math.hypot(c[0]!, c[1]!));
    let scale = Math.abs(c[0]!);
    let total = 1;
    for (let i = 1; i < c.length; i++) {
      const val = Math.abs(c[i]!);
      if (!(scale > 0)) {
        scale = val;
        total = 1;
      } else if (val > scale) {
        const ratio = f32(scale / val);
        total = f32(f32(f32(total * ratio) * ratio) + 1);
        scale = val;
      } else {
        const ratio = f32(val / scale);
        total = f32(total + f32(ratio * ratio));
      }
    }
    return f32(scale * f32(Math.sqrt(total)));
  }
  normalized(): this {
    const len = Math.sqrt(this.c.reduce((sum, x) => sum + x * x, 0));
    return this.make(len === 0 ? this.c.map(() => 0) : this.c.map((x) => x / len));
  }
  fuzzyEquals(v: unknown, epsilon = 0.00001): boolean {
    const o = this.other(v);
    return o !== undefined && this.c.every((x, i) => Math.abs(x - o[i]!) <= epsilon);
  }
  protected print(name: string): string {
    return `${name}(${this.c.map(fmt).join(', ')})`;
  }
}

export class QVector2D extends FloatTuple {
  constructor(x: number, y: number) {
    super([x, y]);
  }
  get x(): number {
    return this.get(0);
  }
  set x(v: number) {
    this.set(0, v);
  }
  get y(): number {
    return this.get(1);
  }
  set y(v: number) {
    this.set(1, v);
  }
  $clone(): QVector2D {
    return new QVector2D(this.c[0]!, this.c[1]!);
  }
  toVector3d(): QVector3D {
    return new QVector3D(this.c[0]!, this.c[1]!, 0);
  }
  toVector4d(): QVector4D {
    return new QVector4D(this.c[0]!, this.c[1]!, 0, 0);
  }
  override toString(): string {
    return this.print('QVector2D');
  }
  toJSON(): Record<string, number> {
    return { x: this.x, y: this.y };
  }
}

export class QVector3D extends FloatTuple {
  constructor(x: number, y: number, z: number) {
    super([x, y, z]);
  }
  get x(): number {
    return this.get(0);
  }
  set x(v: number) {
    this.set(0, v);
  }
  get y(): number {
    return this.get(1);
  }
  set y(v: number) {
    this.set(1, v);
  }
  get z(): number {
    return this.get(2);
  }
  set z(v: number) {
    this.set(2, v);
  }
  $clone(): QVector3D {
    return new QVector3D(this.c[0]!, this.c[1]!, this.c[2]!);
  }
  crossProduct(v: unknown): QVector3D {
    const o = this.other(v) ?? [0, 0, 0];
    const [x, y, z] = this.c as [number, number, number];
    return this.make([y * o[2]! - z * o[1]!, z * o[0]! - x * o[2]!, x * o[1]! - y * o[0]!]) as QVector3D;
  }
  toVector2d(): QVector2D {
    return new QVector2D(this.c[0]!, this.c[1]!);
  }
  toVector4d(): QVector4D {
    return new QVector4D(this.c[0]!, this.c[1]!, this.c[2]!, 0);
  }
  override toString(): string {
    return this.print('QVector3D');
  }
  toJSON(): Record<string, number> {
    return { x: this.x, y: this.y, z: this.z };
  }
}

export class QVector4D extends FloatTuple {
  constructor(x: number, y: number, z: number, w: number) {
    super([x, y, z, w]);
  }
  get x(): number {
    return this.get(0);
  }
  set x(v: number) {
    this.set(0, v);
  }
  get y(): number {
    return this.get(1);
  }
  set y(v: number) {
    this.set(1, v);
  }
  get z(): number {
    return this.get(2);
  }
  set z(v: number) {
    this.set(2, v);
  }
  get w(): number {
    return this.get(3);
  }
  set w(v: number) {
    this.set(3, v);
  }
  $clone(): QVector4D {
    return new QVector4D(this.c[0]!, this.c[1]!, this.c[2]!, this.c[3]!);
  }
  toVector2d(): QVector2D {
    return new QVector2D(this.c[0]!, this.c[1]!);
  }
  toVector3d(): QVector3D {
    return new QVector3D(this.c[0]!, this.c[1]!, this.c[2]!);
  }
  override toString(): string {
    return this.print('QVector4D');
  }
  toJSON(): Record<string, number> {
    return { x: this.x, y: this.y, z: this.z, w: this.w };
  }
}

/** QQuaternion: the scalar first, as Qt prints it (`QQuaternion(1, 0, 0, 0)`). */
export class QQuaternion extends FloatTuple {
  constructor(scalar: number, x: number, y: number, z: number) {
    super([scalar, x, y, z]);
  }
  get scalar(): number {
    return this.get(0);
  }
  set scalar(v: number) {
    this.set(0, v);
  }
  get x(): number {
    return this.get(1);
  }
  set x(v: number) {
    this.set(1, v);
  }
  get y(): number {
    return this.get(2);
  }
  set y(v: number) {
    this.set(2, v);
  }
  get z(): number {
    return this.get(3);
  }
  set z(v: number) {
    this.set(3, v);
  }
  $clone(): QQuaternion {
    return new QQuaternion(this.c[0]!, this.c[1]!, this.c[2]!, this.c[3]!);
  }
  conjugated(): QQuaternion {
    const [w, x, y, z] = this.c as [number, number, number, number];
    return this.make([w, -x, -y, -z]) as QQuaternion;
  }
  override toString(): string {
    return this.print('QQuaternion');
  }
  toJSON(): Record<string, number> {
    return { scalar: this.scalar, x: this.x, y: this.y, z: this.z };
  }
}

/** QMatrix4x4: m11..m44 (row, column), single precision. */
export class QMatrix4x4 extends FloatTuple {
  constructor(values?: number[]) {
    super(values && values.length === 16 ? values : [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  }
  $clone(): QMatrix4x4 {
    return new QMatrix4x4(this.c.slice());
  }
  /** times(matrix) is the matrix product; times(number) scales. */
  override times(v: unknown): this {
    const o = this.other(v);
    if (!o) return super.times(v);
    const out: number[] = [];
    for (let r = 0; r < 4; r++)
      for (let col = 0; col < 4; col++) {
        let sum = 0;
        for (let k = 0; k < 4; k++) sum += this.c[r * 4 + k]! * o[k * 4 + col]!;
        out.push(sum);
      }
    return this.make(out);
  }
  /** The 16 values, row-major (m11, m12, ..., m44). */
  $values(): readonly number[] {
    return this.c;
  }
  transposed(): QMatrix4x4 {
    const out: number[] = [];
    for (let r = 0; r < 4; r++) for (let col = 0; col < 4; col++) out.push(this.c[col * 4 + r]!);
    return this.make(out) as QMatrix4x4;
  }
  override toString(): string {
    return this.print('QMatrix4x4');
  }
}
for (let r = 1; r <= 4; r++)
  for (let col = 1; col <= 4; col++) {
    const i = (r - 1) * 4 + (col - 1);
    Object.defineProperty(QMatrix4x4.prototype, `m${r}${col}`, {
      configurable: true,
      get(this: QMatrix4x4) {
        return (this as unknown as { get(i: number): number }).get(i);
      },
      set(this: QMatrix4x4, v: number) {
        (this as unknown as { set(i: number, v: number): void }).set(i, v);
      },
    });
  }

/** Numbers as QDebug prints them: C's `%g` (6 significant digits, `1e+06`, `nan`, `inf`). */
export function fmt(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (n === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(Number(n.toPrecision(6)))));
  if (exp < -4 || exp >= 6) {
    const [mantissa, e] = n.toExponential(5).split('e') as [string, string];
    const m = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
    const ev = Number(e);
    return `${m}e${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(6)));
}
