// Canvas's "2d" context (QQuickContext2D): the HTML canvas API as Qt 6.4
// implements it. Its state (styles, line and text settings, the save/restore
// stack) follows Qt's rules: what a setter accepts, what a getter gives back
// (colors as `#rrggbb` or `rgba(r, g, b, a)`, the font as QFont::toString),
// and Qt's extras (ellipse with a bounding box, roundedRect, shear). In the
// page each call also draws on the Canvas item's <canvas> surface; under the
// Node tools there is no surface, so the state is kept and nothing is drawn.
import { parseColor, QColor } from '../../engine/valuetypes';
import { FontMetrics, type ResolvedFont, resolveFont } from '../text';
import { canvasSurfaces } from './canvas-surface';
import { cssColor } from './css-color';

/** What the context needs of its Canvas item. */
export interface ContextHost {
  /** The item (`ctx.canvas`). */
  readonly item: object;
  /** The surface drawn on, if any (the page's <canvas>). */
  surface(): HTMLCanvasElement | null;
  /** A picture loaded with loadImage(url) (its pixels, where there are any), or undefined (the load is started). */
  loadedPicture(url: string): { bitmap: CanvasImageSource | null } | undefined;
  /** Paints again (a font the text needs has arrived). */
  requestPaint(): void;
  warn(message: string): void;
}

interface FontState {
  family: string;
  pointSize: number;
  pixelSize: number;
  weight: number;
  /** QFont::Style: 0 normal, 1 italic, 2 oblique. */
  style: number;
  /** QFont::Capitalization: 0 mixed case, 3 small caps. */
  caps: number;
}

type Style = QColor | CanvasGradient | CanvasPattern;

interface State {
  fillStyle: Style;
  strokeStyle: Style;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  miterLimit: number;
  globalAlpha: number;
  composite: string;
  font: FontState;
  textAlign: string;
  textBaseline: string;
  shadowBlur: number;
  shadowColor: QColor;
  shadowOffsetX: number;
  shadowOffsetY: number;
  fillRule: number;
  lineDash: number[];
  lineDashOffset: number;
}

const BLACK = QColor.fromRgba8(0, 0, 0);

function defaultState(): State {
  return {
    fillStyle: BLACK,
    strokeStyle: BLACK,
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    miterLimit: 10,
    globalAlpha: 1,
    composite: 'source-over',
    font: { family: 'sans-serif', pointSize: -1, pixelSize: 10, weight: 400, style: 0, caps: 0 },
    textAlign: 'start',
    textBaseline: 'alphabetic',
    shadowBlur: 0,
    shadowColor: QColor.fromRgba8(0, 0, 0, 0),
    shadowOffsetX: 0,
    shadowOffsetY: 0,
    fillRule: 1,
    lineDash: [],
    lineDashOffset: 0,
  };
}

function copyState(s: State): State {
  return { ...s, font: { ...s.font }, lineDash: [...s.lineDash] };
}

/** Qt's composition modes by name, and what the browser calls each. */
const COMPOSITE: Record<string, GlobalCompositeOperation> = {
  'source-over': 'source-over',
  'source-out': 'source-out',
  'source-in': 'source-in',
  'source-atop': 'source-atop',
  'destination-atop': 'destination-atop',
  'destination-in': 'destination-in',
  'destination-out': 'destination-out',
  'destination-over': 'destination-over',
  lighter: 'lighter',
  copy: 'copy',
  xor: 'xor',
  'qt-clear': 'destination-out',
  'qt-destination': 'destination-in',
  'qt-multiply': 'multiply',
  'qt-screen': 'screen',
  'qt-overlay': 'overlay',
  'qt-darken': 'darken',
  'qt-lighten': 'lighten',
  'qt-color-dodge': 'color-dodge',
  'qt-color-burn': 'color-burn',
  'qt-hard-light': 'hard-light',
  'qt-soft-light': 'soft-light',
  'qt-difference': 'difference',
  'qt-exclusion': 'exclusion',
};

const TEXT_ALIGNS = new Set(['start', 'end', 'left', 'right', 'center']);
const TEXT_BASELINES = new Set(['top', 'hanging', 'middle', 'alphabetic', 'ideographic', 'bottom']);

/** A color as the context gives it back (qt_color_string): `#rrggbb`, or `rgba(r, g, b, a)` when not opaque. */
export function contextColorString(c: QColor): string {
  if (c.alpha8 === 255) return c.toString();
  let a = (c.alpha16 / 65535).toFixed(6);
  while (a.endsWith('0')) a = a.slice(0, -1);
  if (a.endsWith('.')) a += '0';
  return `rgba(${c.red8}, ${c.green8}, ${c.blue8}, ${a})`;
}

/**
 * A color the context accepts (qt_color_from_string): Qt's color strings,
 * plus CSS's `rgb()`, `rgba()`, `hsl()` and `hsla()` read as Qt reads them
 * (whole numbers, a comma right after each, percentages of 255, alpha
 * 0..1); a QML color value as it is. Undefined when invalid.
 */
export function contextColor(v: unknown): QColor | undefined {
  if (v instanceof QColor) return v.valid ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trimStart();
  const kind = t.slice(0, 3);
  if (v.length <= 7 || v.length > 255 || (kind !== 'rgb' && kind !== 'hsl')) {
    const c = parseColor(v.trim());
    return c?.valid ? c : undefined;
  }
  const alpha = t[3] === 'a';
  let i = alpha ? 5 : 4;
  // strtol: spaces, a sign, digits; then a percentage sign, if any
  const int = (): number | undefined => {
    const m = /^\s*[+-]?\d+/.exec(t.slice(i));
    if (m === null) return undefined;
    i += m[0].length;
    let n = Number.parseInt(m[0], 10);
    if (t[i] === '%') {
      n = Math.round((n * 255) / 100);
      i++;
    }
    return n;
  };
  const parts: number[] = [];
  for (let k = 0; k < 3; k++) {
    const n = int();
    if (n === undefined) return undefined;
    parts.push(n);
    if (k < 2 && t[i++] !== ',') return undefined;
  }
  let a = 255;
  if (alpha) {
    if (t[i++] !== ',') return undefined;
    const m = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(t.slice(i));
    if (m === null) return undefined;
    i += m[0].length;
    a = Math.round(Math.min(Math.max(Number(m[0]), 0), 1) * 255);
  }
  if (t[i] !== ')') return undefined;
  const clamp = (x: number, hi: number) => Math.min(Math.max(x, 0), hi);
  const [x, y, z] = parts as [number, number, number];
  if (kind === 'rgb') return QColor.fromRgba8(clamp(x, 255), clamp(y, 255), clamp(z, 255), a);
  return QColor.fromHsl16(clamp(x, 359) * 100, clamp(y, 255) * 0x101, clamp(z, 255) * 0x101, a * 0x101);
}

// ---- fonts ---------------------------------------------------------------------------------

/** The families installed (QFontDatabase::hasFamily, any case), and what the generic names resolve to. */
const INSTALLED = new Set(['dejavu sans', 'dejavu sans mono', 'dejavu serif']);
const GENERIC: Record<string, string> = {
  serif: 'DejaVu Serif',
  'sans-serif': 'DejaVu Sans',
  cursive: 'DejaVu Sans',
  monospace: 'DejaVu Sans Mono',
  fantasy: 'DejaVu Sans',
};

type Warn = (message: string) => void;

/** QFont's point size when none is set (the application font's). */
const DEFAULT_POINT_SIZE = 9;

/** The families after the size: space-separated, quoted when they hold spaces (qExtractFontFamiliesFromString). */
function fontFamilies(text: string, warn: Warn): string[] {
  const out: string[] = [];
  let quote = -1;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'") {
      if (quote === -1) quote = i;
      else if (ch === text[quote]) {
        out.push(text.slice(quote + 1, i));
        current = '';
        quote = -1;
      } else {
        warn('Context2D: Mismatched quote in font string.');
        return [];
      }
    } else if (ch === ' ' && quote === -1) {
      if (current !== '') out.push(current);
      current = '';
    } else current += ch;
  }
  if (current !== '') {
    if (quote !== -1) {
      warn('Context2D: Unclosed quote in font string.');
      return [];
    }
    out.push(current);
  }
  if (out.length === 0)
    warn('Context2D: Missing or misplaced font family in font string (it must come after the font size).');
  return out;
}

/**
 * Parses a CSS font shorthand as Qt's context does (qt_font_from_string):
 * the size is the token ending at the first "px" (or "pt"), the families
 * follow it, the style, variant and weight tokens come before it. Null
 * (and a warning) when it does not parse: the font stays as it was.
 */
function parseFont(text: string, warn: Warn): FontState | null {
  if (text === '') {
    warn('Context2D: Font string is empty.');
    return null;
  }
  let end = text.indexOf('px');
  if (end === -1) end = text.indexOf('pt');
  if (end === -1) {
    warn('Context2D: Invalid font size unit in font string.');
    return null;
  }
  const space = text.lastIndexOf(' ', end);
  const start = space === -1 ? 0 : space + 1;
  end += 3;
  const font: FontState = {
    family: '',
    pointSize: DEFAULT_POINT_SIZE,
    pixelSize: -1,
    weight: 400,
    style: 0,
    caps: 0,
  };
  const token = text.slice(start, end).trim();
  const unit = token.slice(-2);
  if (unit !== 'px' && unit !== 'pt') {
    warn('Context2D: Invalid font size unit in font string.');
    return null;
  }
  const value = token.slice(0, -2).trim();
  // QString::toFloat, then cut to a whole number
  const size = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) ? Math.trunc(Number(value)) : Number.NaN;
  if (Number.isNaN(size)) {
    warn(`Context2D: A font size of "${value}" is invalid.`);
    return null;
  }
  if (unit === 'px') {
    if (size > 0) {
      font.pixelSize = size;
      font.pointSize = -1;
    } else warn(`QFont::setPixelSize: Pixel size <= 0 (${size})`);
  } else if (size > 0) font.pointSize = size;
  else warn(`QFont::setPointSize: Point size <= 0 (${size}), must be greater than 0`);
  const rest = text.slice(0, start) + text.slice(end);
  const families = fontFamilies(rest.slice(start), warn);
  if (families.length === 0) return null;
  const family = families.find((f) => INSTALLED.has(f.toLowerCase()) || GENERIC[f] !== undefined);
  if (family === undefined) {
    warn(`Context2D: The font families specified are invalid: ${families.join('').trim()}`);
    return null;
  }
  font.family = INSTALLED.has(family.toLowerCase()) ? family : GENERIC[family]!;
  const options = rest.slice(0, start).trim();
  if (options === '') return font;
  const STYLE = 1;
  const VARIANT = 2;
  const WEIGHT = 4;
  let used = 0;
  const once = (bit: number, name: string): boolean => {
    if (used & bit) {
      warn(`Context2D: Duplicate token ${name} found in font string.`);
      return false;
    }
    used |= bit;
    return true;
  };
  for (const t of options.split(' ')) {
    if (t === 'normal') {
      if ((used & 7) === 7) {
        warn('Context2D: Duplicate token "normal" found in font string.');
        return null;
      }
      used |= !(used & STYLE) ? STYLE : !(used & VARIANT) ? VARIANT : WEIGHT;
    } else if (t === 'bold') {
      if (!once(WEIGHT, '"bold"')) return null;
      font.weight = 700;
    } else if (t === 'italic' || t === 'oblique') {
      if (!once(STYLE, `"${t}"`)) return null;
      font.style = t === 'italic' ? 1 : 2;
    } else if (t === 'small-caps') {
      if (!once(VARIANT, '"small-caps"')) return null;
      font.caps = 3;
    } else if (/^\s*[+-]?\d+\s*$/.test(t)) {
      if (!once(WEIGHT, '"<font-weight>"')) return null;
      // QFont::setWeight keeps it within 1..1000
      const w = Number(t);
      if (w < 1 || w > 1000)
        warn(`QFont::setWeight: Weight must be between 1 and 1000, attempted to set  ${w}`);
      font.weight = Math.min(Math.max(w, 1), 1000);
    } else {
      warn(`Context2D: Invalid or misplaced token "${t}" found in font string.`);
      return null;
    }
  }
  return font;
}

function fontString(f: FontState): string {
  return `${f.family},${f.pointSize},${f.pixelSize},5,${f.weight},${f.style},0,0,0,0,${f.caps},0,0,0,0,1`;
}

function resolvedFont(f: FontState): ResolvedFont {
  return resolveFont({
    family: f.family,
    weight: f.weight,
    italic: f.style !== 0,
    ...(f.pixelSize > 0 ? { pixelSize: f.pixelSize } : { pointSize: f.pointSize }),
  });
}

// ---- the objects the context hands out --------------------------------------------------

/** Qt's DOM exception codes (THROW_DOM): an Error whose `code` says which. */
const INDEX_SIZE_ERR = 1;
const NOT_SUPPORTED_ERR = 9;
const SYNTAX_ERR = 12;
const TYPE_MISMATCH_ERR = 17;

function domError(code: number, message: string): Error {
  const e = new Error(message);
  (e as Error & { code: number }).code = code;
  return e;
}

/** A gradient (createLinearGradient, createRadialGradient, createConicalGradient). */
export class CanvasGradient {
  readonly #native: globalThis.CanvasGradient | null;
  constructor(native: globalThis.CanvasGradient | null) {
    this.#native = native;
  }
  /** Adds a color stop (offset 0..1); returns the gradient. */
  addColorStop(...a: unknown[]): CanvasGradient {
    if (a.length < 2) return this;
    const [offset, color] = a;
    const o = Number(offset);
    if (!(o >= 0 && o <= 1)) throw domError(INDEX_SIZE_ERR, 'CanvasGradient: parameter offset out of range');
    const c = contextColor(color);
    if (c === undefined)
      throw domError(SYNTAX_ERR, 'CanvasGradient: parameter color is not a valid color string');
    this.#native?.addColorStop(o, cssColor(c));
    return this;
  }
  static native(g: CanvasGradient): globalThis.CanvasGradient | null {
    return g.#native;
  }
}

/** A pattern (createPattern): a picture repeated, or Qt's brush pattern of a color. */
export class CanvasPattern {
  readonly #native: globalThis.CanvasPattern | null;
  /** The brush's color, what fillStyle reads back (black for a picture). */
  readonly #color: QColor;
  /** Qt.NoBrush: draws nothing. */
  readonly #none: boolean;
  constructor(native: globalThis.CanvasPattern | null, color: QColor, none: boolean) {
    this.#native = native;
    this.#color = color;
    this.#none = none;
  }
  static none(p: CanvasPattern): boolean {
    return p.#none;
  }
  static native(p: CanvasPattern): globalThis.CanvasPattern | null {
    return p.#native;
  }
  static color(p: CanvasPattern): QColor {
    return p.#color;
  }
}

/** Pixels (createImageData, getImageData): width, height and RGBA bytes, none of them assignable. */
export class CanvasImageData {
  readonly #width: number;
  readonly #height: number;
  readonly #data: Uint8ClampedArray;
  constructor(width: number, height: number, data?: Uint8ClampedArray) {
    this.#width = width;
    this.#height = height;
    this.#data = data ?? new Uint8ClampedArray(width * height * 4);
  }
  get width(): number {
    return this.#width;
  }
  set width(_v: unknown) {}
  get height(): number {
    return this.#height;
  }
  set height(_v: unknown) {}
  get data(): Uint8ClampedArray {
    return this.#data;
  }
  set data(_v: unknown) {}
}

/** What measureText gives: the advance of the text in whole pixels (QFontMetrics::horizontalAdvance). */
export interface TextMetrics {
  width: number;
}

function nativeStyle(s: Style): string | globalThis.CanvasGradient | globalThis.CanvasPattern {
  if (s instanceof QColor) return cssColor(s);
  if (s instanceof CanvasGradient) return CanvasGradient.native(s) ?? 'transparent';
  if (CanvasPattern.none(s)) return 'transparent';
  return CanvasPattern.native(s) ?? cssColor(CanvasPattern.color(s));
}

function sameStyle(a: Style, b: Style): boolean {
  return a === b || (a instanceof QColor && b instanceof QColor && a.equals(b));
}

type NumberSetting =
  | 'lineWidth'
  | 'miterLimit'
  | 'globalAlpha'
  | 'shadowBlur'
  | 'shadowOffsetX'
  | 'shadowOffsetY'
  | 'lineDashOffset';

const ANY = () => true;

/** QTextOption's default tab stop distance, in pixels. */
const TAB_STOP = 80;

const finite = (v: unknown): number | undefined => {
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/** The Canvas "2d" context. */
export class Context2D {
  readonly #host: ContextHost;
  #state: State = defaultState();
  readonly #stack: State[] = [];
  #native: CanvasRenderingContext2D | null = null;
  /** Something was drawn since the last flush. */
  #drew = false;
  #fillValue: unknown = '#000000';
  #strokeValue: unknown = '#000000';

  constructor(host: ContextHost) {
    this.#host = host;
  }

  /** The surface's drawing context (the surface is made again when the canvas is resized). */
  get #g(): CanvasRenderingContext2D | null {
    const s = this.#host.surface();
    if (s === null) return null;
    if (this.#native === null || this.#native.canvas !== s) {
      this.#native = s.getContext('2d');
      if (this.#native !== null) this.#applyState();
    }
    return this.#native;
  }

  /** True (once) when something was drawn on `ctx` since the last call. */
  static takeDrawn(ctx: Context2D): boolean {
    const d = ctx.#drew;
    ctx.#drew = false;
    return d;
  }

  #draw(): CanvasRenderingContext2D | null {
    this.#drew = true;
    return this.#g;
  }

  #applyState(): void {
    const g = this.#native;
    if (g === null) return;
    const s = this.#state;
    g.fillStyle = nativeStyle(s.fillStyle);
    g.strokeStyle = nativeStyle(s.strokeStyle);
    g.lineWidth = s.lineWidth;
    g.lineCap = s.lineCap as CanvasLineCap;
    g.lineJoin = s.lineJoin as CanvasLineJoin;
    g.miterLimit = s.miterLimit;
    g.globalAlpha = s.globalAlpha;
    g.globalCompositeOperation = COMPOSITE[s.composite]!;
    g.textAlign = s.textAlign as CanvasTextAlign;
    g.textBaseline = s.textBaseline as CanvasTextBaseline;
    g.shadowBlur = s.shadowBlur;
    g.shadowColor = cssColor(s.shadowColor);
    g.shadowOffsetX = s.shadowOffsetX;
    g.shadowOffsetY = s.shadowOffsetY;
    g.setLineDash(s.lineDash);
    g.lineDashOffset = s.lineDashOffset;
  }

  /** Sets a number setting the context and the surface share, if `ok` accepts it (and it is finite). */
  #setNumber(key: NumberSetting, v: unknown, ok: (n: number) => boolean): void {
    const n = finite(v);
    if (n === undefined || !ok(n)) return;
    this.#state[key] = n;
    const g = this.#g;
    if (g !== null) g[key] = n;
  }

  get canvas(): object {
    return this.#host.item;
  }

  // ---- state ---------------------------------------------------------------------------------

  // Every drawing and path method gives the context back (`ctx.beginPath().moveTo(0, 0)`),
  // and with too few arguments does nothing else, as in Qt.

  save(): this {
    this.#stack.push(copyState(this.#state));
    this.#g?.save();
    return this;
  }

  restore(): this {
    const s = this.#stack.pop();
    if (s === undefined) return this;
    this.#state = s;
    this.#g?.restore();
    return this;
  }

  /** Back to the initial state: styles, transform, clip, path, and the save stack. */
  reset(): this {
    this.#state = defaultState();
    this.#fillValue = this.#strokeValue = '#000000';
    this.#stack.length = 0;
    const g = this.#g;
    if (g !== null) {
      g.reset();
      this.#applyState();
    }
    return this;
  }

  // A gradient or pattern style reads back as the value last given to the
  // property, which save/restore do not keep (Qt's m_fillStyle, outside the state).

  get fillStyle(): unknown {
    return this.#styleValue(this.#state.fillStyle, this.#fillValue);
  }
  set fillStyle(v: unknown) {
    const s = this.#style(v);
    if (s === undefined || sameStyle(s, this.#state.fillStyle)) return;
    this.#state.fillStyle = s;
    this.#fillValue = v;
    const g = this.#g;
    if (g !== null) g.fillStyle = nativeStyle(s);
  }

  get strokeStyle(): unknown {
    return this.#styleValue(this.#state.strokeStyle, this.#strokeValue);
  }
  set strokeStyle(v: unknown) {
    const s = this.#style(v);
    if (s === undefined || sameStyle(s, this.#state.strokeStyle)) return;
    this.#state.strokeStyle = s;
    this.#strokeValue = v;
    const g = this.#g;
    if (g !== null) g.strokeStyle = nativeStyle(s);
  }

  /** A color or a pattern (its brush color) as a color string; a gradient as the value last given. */
  #styleValue(s: Style, last: unknown): unknown {
    if (s instanceof QColor) return contextColorString(s);
    if (s instanceof CanvasPattern) return contextColorString(CanvasPattern.color(s));
    return last;
  }

  #style(v: unknown): Style | undefined {
    if (v instanceof CanvasGradient || v instanceof CanvasPattern) return v;
    return contextColor(v);
  }

  get lineWidth(): number {
    return this.#state.lineWidth;
  }
  set lineWidth(v: unknown) {
    this.#setNumber('lineWidth', v, (n) => n > 0);
  }

  get lineCap(): string {
    return this.#state.lineCap;
  }
  set lineCap(v: unknown) {
    if (v !== 'butt' && v !== 'round' && v !== 'square') return;
    this.#state.lineCap = v;
    const g = this.#g;
    if (g !== null) g.lineCap = v;
  }

  get lineJoin(): string {
    return this.#state.lineJoin;
  }
  set lineJoin(v: unknown) {
    if (v !== 'round' && v !== 'bevel' && v !== 'miter') return;
    this.#state.lineJoin = v;
    const g = this.#g;
    if (g !== null) g.lineJoin = v;
  }

  get miterLimit(): number {
    return this.#state.miterLimit;
  }
  set miterLimit(v: unknown) {
    this.#setNumber('miterLimit', v, (n) => n > 0);
  }

  get globalAlpha(): number {
    return this.#state.globalAlpha;
  }
  set globalAlpha(v: unknown) {
    this.#setNumber('globalAlpha', v, (n) => n >= 0 && n <= 1);
  }

  /** (Qt gives "lighter" back for qt-lighten too) */
  get globalCompositeOperation(): string {
    const c = this.#state.composite;
    return c === 'qt-lighten' ? 'lighter' : c;
  }
  set globalCompositeOperation(v: unknown) {
    const op = typeof v === 'string' ? COMPOSITE[v] : undefined;
    if (op === undefined) return;
    this.#state.composite = v as string;
    const g = this.#g;
    if (g !== null) g.globalCompositeOperation = op;
  }

  get font(): string {
    return fontString(this.#state.font);
  }
  set font(v: unknown) {
    const f = parseFont(String(v), (m) => this.#host.warn(m));
    if (f !== null) this.#state.font = f;
  }

  get textAlign(): string {
    return this.#state.textAlign;
  }
  set textAlign(v: unknown) {
    if (typeof v !== 'string' || !TEXT_ALIGNS.has(v)) return;
    this.#state.textAlign = v;
    const g = this.#g;
    if (g !== null) g.textAlign = v as CanvasTextAlign;
  }

  /** (Qt gives "middle" back for ideographic) */
  get textBaseline(): string {
    const b = this.#state.textBaseline;
    return b === 'ideographic' ? 'middle' : b;
  }
  set textBaseline(v: unknown) {
    if (typeof v !== 'string' || !TEXT_BASELINES.has(v)) return;
    this.#state.textBaseline = v;
    const g = this.#g;
    if (g !== null) g.textBaseline = v as CanvasTextBaseline;
  }

  get shadowBlur(): number {
    return this.#state.shadowBlur;
  }
  /** (0 is refused too, as in Qt: a blur once set stays on) */
  set shadowBlur(v: unknown) {
    this.#setNumber('shadowBlur', v, (n) => n > 0);
  }

  /** The shadow color as QColor::name: `#rrggbb`, whatever its alpha. */
  get shadowColor(): string {
    return contextColorString(this.#state.shadowColor.withAlpha(1));
  }
  set shadowColor(v: unknown) {
    const c = contextColor(v);
    if (c === undefined) return;
    this.#state.shadowColor = c;
    const g = this.#g;
    if (g !== null) g.shadowColor = cssColor(c);
  }

  get shadowOffsetX(): number {
    return this.#state.shadowOffsetX;
  }
  set shadowOffsetX(v: unknown) {
    this.#setNumber('shadowOffsetX', v, ANY);
  }

  get shadowOffsetY(): number {
    return this.#state.shadowOffsetY;
  }
  set shadowOffsetY(v: unknown) {
    this.#setNumber('shadowOffsetY', v, ANY);
  }

  /** Qt.OddEvenFill (0) or Qt.WindingFill (1). */
  get fillRule(): number {
    return this.#state.fillRule;
  }
  set fillRule(v: unknown) {
    const rule = v === 'OddEvenFill' ? 0 : v === 'WindingFill' ? 1 : v;
    if (rule === 0 || rule === 1) this.#state.fillRule = rule;
  }

  get lineDashOffset(): number {
    return this.#state.lineDashOffset;
  }
  set lineDashOffset(v: unknown) {
    this.#setNumber('lineDashOffset', v, ANY);
  }

  getLineDash(): number[] {
    return [...this.#state.lineDash];
  }

  /** An odd number of lengths is repeated once (HTML's rule); a negative or non-finite one leaves the dash as it was. */
  setLineDash(segments: unknown): void {
    if (!Array.isArray(segments)) return;
    const d: number[] = [];
    for (const s of segments) {
      const n = finite(s);
      if (n === undefined || n < 0) return;
      d.push(n);
    }
    if (d.length % 2 === 1) d.push(...d);
    this.#state.lineDash = d;
    this.#g?.setLineDash(d);
  }

  // ---- transforms ----------------------------------------------------------------------------

  rotate(...a: number[]): this {
    if (a.length >= 1) this.#g?.rotate(a[0]!);
    return this;
  }
  scale(...a: number[]): this {
    if (a.length >= 2) this.#g?.scale(a[0]!, a[1]!);
    return this;
  }
  translate(...a: number[]): this {
    if (a.length >= 2) this.#g?.translate(a[0]!, a[1]!);
    return this;
  }
  transform(...a: number[]): this {
    if (a.length >= 6) this.#g?.transform(a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!);
    return this;
  }
  setTransform(...a: number[]): this {
    if (a.length >= 6) this.#g?.setTransform(a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!);
    return this;
  }
  resetTransform(): this {
    this.#g?.resetTransform();
    return this;
  }
  /** Qt's shear: x += sh * y, y += sv * x. */
  shear(...a: number[]): this {
    if (a.length >= 2) this.#g?.transform(1, a[1]!, a[0]!, 1, 0, 0);
    return this;
  }

  // ---- paths ---------------------------------------------------------------------------------

  beginPath(): this {
    this.#g?.beginPath();
    return this;
  }
  closePath(): this {
    this.#g?.closePath();
    return this;
  }
  moveTo(...a: number[]): this {
    if (a.length >= 2) this.#g?.moveTo(a[0]!, a[1]!);
    return this;
  }
  lineTo(...a: number[]): this {
    if (a.length >= 2) this.#g?.lineTo(a[0]!, a[1]!);
    return this;
  }
  quadraticCurveTo(...a: number[]): this {
    if (a.length >= 4) this.#g?.quadraticCurveTo(a[0]!, a[1]!, a[2]!, a[3]!);
    return this;
  }
  bezierCurveTo(...a: number[]): this {
    if (a.length >= 6) this.#g?.bezierCurveTo(a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!);
    return this;
  }
  arcTo(...a: number[]): this {
    if (a.length < 5) return this;
    if (Number(a[4]) < 0) throw domError(INDEX_SIZE_ERR, 'Incorrect argument radius');
    this.#g?.arcTo(a[0]!, a[1]!, a[2]!, a[3]!, a[4]!);
    return this;
  }
  arc(...a: unknown[]): this {
    if (a.length < 5) return this;
    if (Number(a[2]) < 0) throw domError(INDEX_SIZE_ERR, 'Incorrect argument radius');
    const [x, y, r, start, end] = a.map(Number) as [number, number, number, number, number];
    this.#g?.arc(x, y, r, start, end, Boolean(a[5]));
    return this;
  }
  rect(...a: number[]): this {
    if (a.length >= 4) this.#g?.rect(a[0]!, a[1]!, a[2]!, a[3]!);
    return this;
  }
  /** Qt: a closed subpath of a rectangle with elliptic corners (QPainterPath::addRoundedRect). */
  roundedRect(...a: number[]): this {
    const g = this.#g;
    if (g === null || a.length < 6) return this;
    const [x, y, w, h, xr, yr] = a as [number, number, number, number, number, number];
    const rx = Math.min(Math.abs(xr), Math.abs(w) / 2);
    const ry = Math.min(Math.abs(yr), Math.abs(h) / 2);
    if (!(rx > 0 && ry > 0)) {
      g.rect(x, y, w, h);
      return this;
    }
    g.moveTo(x + w, y + ry);
    g.ellipse(x + w - rx, y + h - ry, rx, ry, 0, 0, Math.PI / 2);
    g.ellipse(x + rx, y + h - ry, rx, ry, 0, Math.PI / 2, Math.PI);
    g.ellipse(x + rx, y + ry, rx, ry, 0, Math.PI, (3 * Math.PI) / 2);
    g.ellipse(x + w - rx, y + ry, rx, ry, 0, (3 * Math.PI) / 2, 2 * Math.PI);
    g.closePath();
    return this;
  }
  /** Qt: a closed subpath of the ellipse inside the box (x, y, w, h) (QPainterPath::addEllipse). */
  ellipse(...a: number[]): this {
    const g = this.#g;
    if (g === null || a.length < 4) return this;
    const [x, y, w, h] = a as [number, number, number, number];
    g.moveTo(x + w, y + h / 2);
    g.ellipse(x + w / 2, y + h / 2, Math.abs(w) / 2, Math.abs(h) / 2, 0, 0, 2 * Math.PI);
    g.closePath();
    return this;
  }
  fill(): this {
    this.#draw()?.fill(this.#state.fillRule === 0 ? 'evenodd' : 'nonzero');
    return this;
  }
  stroke(): this {
    this.#draw()?.stroke();
    return this;
  }
  clip(): this {
    this.#g?.clip(this.#state.fillRule === 0 ? 'evenodd' : 'nonzero');
    return this;
  }
  isPointInPath(x: number, y: number): boolean {
    return this.#g?.isPointInPath(x, y, this.#state.fillRule === 0 ? 'evenodd' : 'nonzero') ?? false;
  }

  // ---- rectangles ------------------------------------------------------------------------------

  clearRect(...a: number[]): this {
    if (a.length >= 4) this.#draw()?.clearRect(a[0]!, a[1]!, a[2]!, a[3]!);
    return this;
  }
  fillRect(...a: number[]): this {
    if (a.length >= 4) this.#draw()?.fillRect(a[0]!, a[1]!, a[2]!, a[3]!);
    return this;
  }
  strokeRect(...a: number[]): this {
    if (a.length >= 4) this.#draw()?.strokeRect(a[0]!, a[1]!, a[2]!, a[3]!);
    return this;
  }

  // ---- gradients and patterns -------------------------------------------------------------

  /** The arguments as numbers, or Qt's error when one is not a finite number. */
  #finiteArgs(name: string, a: unknown[], code = NOT_SUPPORTED_ERR): number[] {
    const n = a.map(Number);
    if (n.some((x) => !Number.isFinite(x))) throw domError(code, `${name}(): Incorrect arguments`);
    return n;
  }

  createLinearGradient(...a: unknown[]): CanvasGradient | this {
    if (a.length < 4) return this;
    const [x0, y0, x1, y1] = this.#finiteArgs('createLinearGradient', a.slice(0, 4));
    return new CanvasGradient(this.#g?.createLinearGradient(x0!, y0!, x1!, y1!) ?? null);
  }
  createRadialGradient(...a: unknown[]): CanvasGradient | this {
    if (a.length < 6) return this;
    const [x0, y0, r0, x1, y1, r1] = this.#finiteArgs('createRadialGradient', a.slice(0, 6));
    if (r0! < 0 || r1! < 0) throw domError(INDEX_SIZE_ERR, 'createRadialGradient(): Incorrect arguments');
    return new CanvasGradient(this.#g?.createRadialGradient(x0!, y0!, r0!, x1!, y1!, r1!) ?? null);
  }
  /** Qt's conical gradient: colors turn counter-clockwise from `angle` (radians) around (x, y). */
  createConicalGradient(...a: unknown[]): CanvasGradient | this {
    if (a.length < 3) return this;
    const [x, y, angle] = this.#finiteArgs('createConicalGradient', a.slice(0, 3), INDEX_SIZE_ERR);
    return new CanvasGradient(this.#g?.createConicGradient(-angle!, x!, y!) ?? null);
  }
  /**
   * A picture (a url loaded with loadImage, an Image or a Canvas item, image
   * data) repeated; or Qt's brush pattern (Qt.SolidPattern, Qt.Dense3Pattern,
   * Qt.NoBrush...) of a color, drawn here as the plain color.
   */
  createPattern(...a: unknown[]): CanvasPattern | undefined {
    if (a.length < 2) return undefined;
    const [image, repetition] = a;
    const color = typeof repetition === 'number' ? contextColor(image) : undefined;
    if (color !== undefined) return new CanvasPattern(null, color, repetition === 0);
    const picture = this.#picture(image);
    const source = picture?.source ?? null;
    const rep =
      repetition === 'repeat-x' || repetition === 'repeat-y' || repetition === 'no-repeat'
        ? repetition
        : 'repeat';
    const g = this.#g;
    return new CanvasPattern(
      source === null || g === null ? null : g.createPattern(source, rep),
      BLACK,
      false,
    );
  }

  // ---- text ------------------------------------------------------------------------------------

  #text(a: unknown[], stroke: boolean): this | undefined {
    if (a.length < 3) return this;
    if (!Number.isFinite(Number(a[1])) || !Number.isFinite(Number(a[2]))) return undefined;
    const g = this.#draw();
    const provider = canvasSurfaces.provider;
    if (g === null || provider === null) return this;
    const text = String(a[0]);
    const f = this.#state.font;
    const font = resolvedFont(f);
    const ready = provider.fontReady(font.face, text);
    if (ready !== null) void ready.then(() => this.#host.requestPaint());
    g.font = provider.cssFont(font.face, font.metrics.ppem, text);
    g.fontVariantCaps = f.caps === 3 ? 'small-caps' : 'normal';
    if (stroke) g.strokeText(text, Number(a[1]), Number(a[2]));
    else g.fillText(text, Number(a[1]), Number(a[2]));
    return this;
  }
  fillText(...a: unknown[]): this | undefined {
    return this.#text(a, false);
  }
  strokeText(...a: unknown[]): this | undefined {
    return this.#text(a, true);
  }
  /** The advance in whole pixels, tabs going to the next 80-pixel stop (QFontMetrics::horizontalAdvance). */
  measureText(...a: unknown[]): TextMetrics | undefined {
    if (a.length < 1) return undefined;
    const m = new FontMetrics(resolvedFont(this.#state.font));
    let x = 0;
    String(a[0])
      .split('\t')
      .forEach((part, i) => {
        if (i > 0) x = (Math.floor(x / TAB_STOP) + 1) * TAB_STOP;
        x += m.advanceWidth(part);
      });
    return { width: Math.round(x) };
  }

  // ---- pictures and pixels --------------------------------------------------------------------

  /**
   * What drawImage and createPattern draw: a url (loaded with loadImage, or
   * its load started), an Image or a Canvas item, or image data. `source`
   * is null where there are no pixels (the Node tools); undefined when there
   * is nothing to draw (yet); null for a value that cannot be a picture.
   */
  #picture(image: unknown): { source: CanvasImageSource | null } | undefined | null {
    if (typeof image === 'string') {
      const p = this.#host.loadedPicture(image);
      return p === undefined ? undefined : { source: p.bitmap };
    }
    if (image instanceof CanvasImageData) {
      const s = canvasSurfaces.provider?.create(image.width, image.height) ?? null;
      s?.getContext('2d')?.putImageData(
        canvasSurfaces.provider!.imageData(image.data, image.width, image.height),
        0,
        0,
      );
      return { source: s };
    }
    if (typeof image !== 'object' || image === null) return null;
    const o = image as {
      canvasSurface?: () => HTMLCanvasElement | null;
      paintState?: () => { bitmap?: unknown } | null;
    };
    if (typeof o.canvasSurface === 'function') return { source: o.canvasSurface() };
    if (typeof o.paintState === 'function')
      return { source: (o.paintState()?.bitmap as CanvasImageSource | undefined) ?? null };
    return undefined;
  }

  drawImage(...a: unknown[]): this | undefined {
    if (a.length < 3) return undefined;
    const picture = this.#picture(a[0]);
    if (picture === null) throw domError(TYPE_MISMATCH_ERR, 'drawImage(), type mismatch');
    if (picture === undefined) return undefined;
    const g = this.#draw();
    const source = picture.source;
    const n = a.slice(1).map(Number);
    if (g !== null && source !== null) {
      if (n.length >= 8) g.drawImage(source, n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!, n[6]!, n[7]!);
      else if (n.length >= 4) g.drawImage(source, n[0]!, n[1]!, n[2]!, n[3]!);
      else g.drawImage(source, n[0]!, n[1]!);
    }
    return this;
  }

  /** createImageData(width, height) (rounded) or createImageData(imageData): transparent pixels. */
  createImageData(...a: unknown[]): CanvasImageData | undefined {
    let w: number;
    let h: number;
    if (a.length === 1 && a[0] instanceof CanvasImageData) {
      w = a[0].width;
      h = a[0].height;
    } else if (a.length === 2) {
      const n = a.map(Number);
      if (n.some((x) => !Number.isFinite(x)))
        throw domError(NOT_SUPPORTED_ERR, 'createImageData(): invalid arguments');
      [w, h] = n.map((x) => Math.round(x)) as [number, number];
    } else return undefined;
    if (!(w > 0 && h > 0)) throw domError(INDEX_SIZE_ERR, 'createImageData(): invalid arguments');
    return new CanvasImageData(w, h);
  }

  getImageData(...a: unknown[]): CanvasImageData | null {
    if (a.length < 4) return null;
    const n = a.slice(0, 4).map(Number);
    if (n.some((x) => !Number.isFinite(x)))
      throw domError(NOT_SUPPORTED_ERR, 'getImageData(): Invalid arguments');
    const [sx, sy, sw, sh] = n as [number, number, number, number];
    if (!(sw > 0 && sh > 0)) throw domError(INDEX_SIZE_ERR, 'getImageData(): Invalid arguments');
    const w = Math.trunc(sw);
    const h = Math.trunc(sh);
    const g = this.#g;
    if (g === null) return new CanvasImageData(w, h);
    const d = g.getImageData(sx, sy, w, h);
    return new CanvasImageData(d.width, d.height, d.data);
  }

  /** (Qt gives the context back only for the form with a dirty rectangle) */
  putImageData(...a: unknown[]): this | undefined {
    const data = a[0];
    if (!(data instanceof CanvasImageData) || a.length < 3) return undefined;
    const g = this.#draw();
    const n = a.slice(1).map(Number);
    if (g !== null) {
      const image = canvasSurfaces.provider!.imageData(data.data, data.width, data.height);
      if (n.length >= 6) g.putImageData(image, n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!);
      else g.putImageData(image, n[0]!, n[1]!);
    }
    return n.length >= 6 ? this : undefined;
  }
}
