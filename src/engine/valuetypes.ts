// QML value types: color, point, size, rect, and the coercions Qt applies
// when a value is assigned to a typed property.

/** A color, like QColor: channels in 0..1. `toString()` is Qt's: `#rrggbb`, or `#aarrggbb` when not opaque. */
export class QColor {
  constructor(
    readonly r: number,
    readonly g: number,
    readonly b: number,
    readonly a: number = 1,
    /** False for a color parsed from an invalid string (Qt prints it as `#000000` and it paints nothing). */
    readonly valid: boolean = true,
  ) {}

  static fromRgba8(r: number, g: number, b: number, a = 255): QColor {
    return new QColor(r / 255, g / 255, b / 255, a / 255);
  }

  get red8(): number {
    return Math.round(this.r * 255);
  }
  get green8(): number {
    return Math.round(this.g * 255);
  }
  get blue8(): number {
    return Math.round(this.b * 255);
  }
  get alpha8(): number {
    return Math.round(this.a * 255);
  }

  /** 0xAARRGGBB. */
  get argb(): number {
    return ((this.alpha8 << 24) | (this.red8 << 16) | (this.green8 << 8) | this.blue8) >>> 0;
  }

  equals(other: QColor): boolean {
    return (
      this.valid === other.valid &&
      this.red8 === other.red8 &&
      this.green8 === other.green8 &&
      this.blue8 === other.blue8 &&
      this.alpha8 === other.alpha8
    );
  }

  // QML's color value type exposes these names.
  get hsvHue(): number {
    return hsv(this).h;
  }
  get hsvSaturation(): number {
    return hsv(this).s;
  }
  get hsvValue(): number {
    return hsv(this).v;
  }
  get hslHue(): number {
    return hsl(this).h;
  }
  get hslSaturation(): number {
    return hsl(this).s;
  }
  get hslLightness(): number {
    return hsl(this).l;
  }

  toString(): string {
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    const rgb = `${hex(this.red8)}${hex(this.green8)}${hex(this.blue8)}`;
    return this.alpha8 === 255 ? `#${rgb}` : `#${hex(this.alpha8)}${rgb}`;
  }

  valueOf(): string {
    return this.toString();
  }

  /** Qt.lighter: HSV value scaled by factor (QColor::lighter). */
  lighter(factor = 1.5): QColor {
    if (factor <= 0) return this;
    if (factor < 1) return this.darker(1 / factor);
    const { h, s, v } = hsv(this);
    let nv = v * factor;
    let ns = s;
    if (nv > 1) {
      // Qt: overflow goes into desaturation
      ns = Math.max(0, s - (nv - 1));
      nv = 1;
    }
    return fromHsv(h, ns, nv, this.a);
  }

  /** Qt.darker: HSV value divided by factor (QColor::darker). */
  darker(factor = 2): QColor {
    if (factor <= 0) return this;
    if (factor < 1) return this.lighter(1 / factor);
    const { h, s, v } = hsv(this);
    return fromHsv(h, s, v / factor, this.a);
  }
}

function hsv(c: QColor): { h: number; s: number; v: number } {
  const max = Math.max(c.r, c.g, c.b);
  const min = Math.min(c.r, c.g, c.b);
  const d = max - min;
  let h = -1;
  if (d !== 0) {
    if (max === c.r) h = ((c.g - c.b) / d + 6) % 6;
    else if (max === c.g) h = (c.b - c.r) / d + 2;
    else h = (c.r - c.g) / d + 4;
    h /= 6;
  }
  return { h, s: max === 0 ? 0 : d / max, v: max };
}

function hsl(c: QColor): { h: number; s: number; l: number } {
  const max = Math.max(c.r, c.g, c.b);
  const min = Math.min(c.r, c.g, c.b);
  const l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : l <= 0.5 ? d / (max + min) : d / (2 - max - min);
  return { h: hsv(c).h, s, l };
}

export function fromHsv(h: number, s: number, v: number, a = 1): QColor {
  if (h < 0) return new QColor(v, v, v, a);
  const hh = (h * 6) % 6;
  const i = Math.floor(hh);
  const f = hh - i;
  const p = v * (1 - s);
  const q = v * (1 - s * f);
  const t = v * (1 - s * (1 - f));
  const [r, g, b] = [
    [v, t, p],
    [q, v, p],
    [p, v, t],
    [p, q, v],
    [t, p, v],
    [v, p, q],
  ][i]!;
  return new QColor(r!, g!, b!, a);
}

export function fromHsl(h: number, s: number, l: number, a = 1): QColor {
  if (s === 0 || h < 0) return new QColor(l, l, l, a);
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const conv = (t: number) => {
    let tt = t;
    if (tt < 0) tt += 1;
    if (tt > 1) tt -= 1;
    if (tt < 1 / 6) return p + (q - p) * 6 * tt;
    if (tt < 1 / 2) return q;
    if (tt < 2 / 3) return p + (q - p) * (2 / 3 - tt) * 6;
    return p;
  };
  return new QColor(conv(h + 1 / 3), conv(h), conv(h - 1 / 3), a);
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
 * names (case-insensitive), "transparent". Returns undefined when invalid.
 */
export function parseColor(text: string): QColor | undefined {
  const s = text.trim();
  if (s.startsWith('#')) {
    const hex = s.slice(1);
    if (!/^[0-9a-fA-F]+$/.test(hex)) return undefined;
    const n = (from: number, len: number) => Number.parseInt(hex.slice(from, from + len), 16);
    switch (hex.length) {
      case 3:
        return QColor.fromRgba8(n(0, 1) * 17, n(1, 1) * 17, n(2, 1) * 17);
      case 6:
        return QColor.fromRgba8(n(0, 2), n(2, 2), n(4, 2));
      case 8:
        return QColor.fromRgba8(n(2, 2), n(4, 2), n(6, 2), n(0, 2));
      case 9:
        return new QColor(n(0, 3) / 4095, n(3, 3) / 4095, n(6, 3) / 4095);
      case 12:
        return new QColor(n(0, 4) / 65535, n(4, 4) / 65535, n(8, 4) / 65535);
      default:
        return undefined;
    }
  }
  const lower = s.toLowerCase();
  if (lower === 'transparent') return new QColor(0, 0, 0, 0);
  const rgb = NAMED_COLORS[lower];
  if (rgb === undefined) return undefined;
  return QColor.fromRgba8((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255);
}

export class QPoint {
  constructor(
    public x: number,
    public y: number,
  ) {}
  toString(): string {
    return `QPointF(${fmt(this.x)}, ${fmt(this.y)})`;
  }
}

export class QSize {
  constructor(
    public width: number,
    public height: number,
  ) {}
  toString(): string {
    return `QSizeF(${fmt(this.width)}, ${fmt(this.height)})`;
  }
}

export class QRect {
  constructor(
    public x: number,
    public y: number,
    public width: number,
    public height: number,
  ) {}
  get left(): number {
    return this.x;
  }
  get top(): number {
    return this.y;
  }
  get right(): number {
    return this.x + this.width;
  }
  get bottom(): number {
    return this.y + this.height;
  }
  toString(): string {
    return `QRectF(${fmt(this.x)}, ${fmt(this.y)}, ${fmt(this.width)}, ${fmt(this.height)})`;
  }
}

/** Numbers as QDebug / QString::number print them (up to 6 significant digits). */
export function fmt(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(6)));
}
