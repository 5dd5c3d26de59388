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

/** What the context needs of its Canvas item. */
export interface ContextHost {
  /** The item (`ctx.canvas`). */
  readonly item: object;
  /** The surface drawn on, if any (the page's <canvas>). */
  surface(): HTMLCanvasElement | null;
  /** A picture loaded with loadImage(url), or undefined (the load is started). */
  loadedPicture(url: string): CanvasImageSource | undefined;
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

function cssColor(c: QColor): string {
  return `rgba(${c.red8}, ${c.green8}, ${c.blue8}, ${c.alpha8 / 255})`;
}

const FUNCTIONAL_COLOR =
  /^\s*(rgb|hsl)(a?)\(\s*([-+]?[\d.]+)(%?)\s*,\s*([-+]?[\d.]+)(%?)\s*,\s*([-+]?[\d.]+)(%?)\s*(?:,\s*([-+]?[\d.]+)\s*)?\)/;

/**
 * A color the context accepts (qt_color_from_string): Qt's color strings,
 * plus CSS's `rgb()`, `rgba()`, `hsl()` and `hsla()` (percentages of 255,
 * alpha 0..1); a QML color value as it is. Undefined when invalid.
 */
export function contextColor(v: unknown): QColor | undefined {
  if (v instanceof QColor) return v.valid ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = v.length > 7 && v.length <= 255 ? FUNCTIONAL_COLOR.exec(v) : null;
  if (m === null) {
    const c = parseColor(v.trim());
    return c?.valid ? c : undefined;
  }
  const part = (n: string, pct: string) => {
    const x = Number.parseFloat(n);
    return pct ? Math.round((x * 255) / 100) : Math.trunc(x);
  };
  const clamp = (x: number, hi: number) => Math.min(Math.max(x, 0), hi);
  const a = m[2] ? Math.round(clamp(Number.parseFloat(m[9] ?? '1'), 1) * 255) : 255;
  const x = part(m[3]!, m[4]!);
  const y = clamp(part(m[5]!, m[6]!), 255);
  const z = clamp(part(m[7]!, m[8]!), 255);
  if (m[1] === 'rgb') return QColor.fromRgba8(clamp(x, 255), y, z, a);
  return QColor.fromHsl16(clamp(x, 359) * 100, y * 0x101, z * 0x101, a * 0x101);
}

// ---- fonts ---------------------------------------------------------------------------------

/** The families a context's font may name (QFontDatabase::hasFamily), by lower-case name. */
const FAMILIES: Record<string, string> = {
  'dejavu sans': 'DejaVu Sans',
  'dejavu sans mono': 'DejaVu Sans Mono',
  'dejavu serif': 'DejaVu Serif',
  'sans-serif': 'DejaVu Sans',
  serif: 'DejaVu Serif',
  monospace: 'DejaVu Sans Mono',
};

const WEIGHTS = new Set(['100', '200', '300', '400', '500', '600', '700', '800', '900']);

/** Parses a CSS font shorthand as Qt's context does (qt_font_from_string); a string is the warning when it does not parse. */
function parseFont(text: string, current: FontState): FontState | string {
  const tokens = text.trim().split(/\s+/);
  const font: FontState = { ...current, pointSize: -1, pixelSize: -1, weight: 400, style: 0, caps: 0 };
  let i = 0;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === 'normal') continue;
    if (t === 'italic') font.style = 1;
    else if (t === 'oblique') font.style = 2;
    else if (t === 'small-caps') font.caps = 3;
    else if (t === 'bold') font.weight = 700;
    else if (WEIGHTS.has(t)) font.weight = Number(t);
    else break;
  }
  const size = /^(\d+(?:\.\d+)?)(px|pt)$/.exec(tokens[i] ?? '');
  if (size === null) return 'Invalid font size unit in font string.';
  if (size[2] === 'px') font.pixelSize = Math.trunc(Number(size[1]));
  else font.pointSize = Number(size[1]);
  const rest = tokens.slice(i + 1).join(' ');
  if (rest === '')
    return 'Missing or misplaced font family in font string (it must come after the font size).';
  const names = rest.split(',').map((f) => {
    const t = f.trim();
    const q = /^(['"])(.*)\1$/.exec(t);
    return q ? q[2]! : t.replaceAll(' ', '');
  });
  for (const n of names) {
    const family = FAMILIES[n.toLowerCase()];
    if (family !== undefined) {
      font.family = family;
      return font;
    }
  }
  return `The font families specified are invalid: ${names.join(', ')}`;
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

/** A gradient (createLinearGradient, createRadialGradient, createConicalGradient). */
export class CanvasGradient {
  readonly #native: globalThis.CanvasGradient | null;
  constructor(native: globalThis.CanvasGradient | null) {
    this.#native = native;
  }
  /** Adds a color stop (offset 0..1); returns the gradient. */
  addColorStop(offset: number, color: unknown): CanvasGradient {
    const c = contextColor(color);
    const o = Number(offset);
    if (c !== undefined && o >= 0 && o <= 1) this.#native?.addColorStop(o, cssColor(c));
    return this;
  }
  nativeGradient(): globalThis.CanvasGradient | null {
    return this.#native;
  }
}

/** A pattern (createPattern). */
export class CanvasPattern {
  readonly #native: globalThis.CanvasPattern | null;
  constructor(native: globalThis.CanvasPattern | null) {
    this.#native = native;
  }
  nativePattern(): globalThis.CanvasPattern | null {
    return this.#native;
  }
}

/** Pixels (createImageData, getImageData): width, height and RGBA bytes. */
export class CanvasImageData {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
  constructor(width: number, height: number, data?: Uint8ClampedArray) {
    this.width = width;
    this.height = height;
    this.data = data ?? new Uint8ClampedArray(width * height * 4);
  }
}

/** What measureText gives: the advance of the text in whole pixels (QFontMetrics::horizontalAdvance). */
export interface TextMetrics {
  width: number;
}

function nativeStyle(s: Style): string | globalThis.CanvasGradient | globalThis.CanvasPattern {
  if (s instanceof QColor) return cssColor(s);
  if (s instanceof CanvasGradient) return s.nativeGradient() ?? 'transparent';
  return s.nativePattern() ?? 'transparent';
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

  /** True (once) when something was drawn since the last call. */
  takeDrawn(): boolean {
    const d = this.#drew;
    this.#drew = false;
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

  save(): void {
    this.#stack.push(copyState(this.#state));
    this.#g?.save();
  }

  restore(): void {
    const s = this.#stack.pop();
    if (s === undefined) return;
    this.#state = s;
    this.#g?.restore();
  }

  /** Back to the initial state: styles, transform, clip, path, and the save stack. */
  reset(): void {
    this.#state = defaultState();
    this.#fillValue = this.#strokeValue = '#000000';
    this.#stack.length = 0;
    const g = this.#g;
    if (g !== null) {
      g.reset();
      this.#applyState();
    }
  }

  // A gradient or pattern style reads back as the value last given to the
  // property, which save/restore do not keep (Qt's m_fillStyle, outside the state).

  get fillStyle(): unknown {
    const s = this.#state.fillStyle;
    return s instanceof QColor ? contextColorString(s) : this.#fillValue;
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
    const s = this.#state.strokeStyle;
    return s instanceof QColor ? contextColorString(s) : this.#strokeValue;
  }
  set strokeStyle(v: unknown) {
    const s = this.#style(v);
    if (s === undefined || sameStyle(s, this.#state.strokeStyle)) return;
    this.#state.strokeStyle = s;
    this.#strokeValue = v;
    const g = this.#g;
    if (g !== null) g.strokeStyle = nativeStyle(s);
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

  get globalCompositeOperation(): string {
    return this.#state.composite;
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
    const f = parseFont(String(v), this.#state.font);
    if (typeof f === 'string') {
      this.#host.warn(`Context2D: ${f}`);
      return;
    }
    this.#state.font = f;
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

  get textBaseline(): string {
    return this.#state.textBaseline;
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
  set shadowBlur(v: unknown) {
    this.#setNumber('shadowBlur', v, (n) => n >= 0);
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
    if (v === 0 || v === 1) this.#state.fillRule = v;
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

  rotate(angle: number): void {
    this.#g?.rotate(angle);
  }
  scale(x: number, y: number): void {
    this.#g?.scale(x, y);
  }
  translate(x: number, y: number): void {
    this.#g?.translate(x, y);
  }
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.#g?.transform(a, b, c, d, e, f);
  }
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.#g?.setTransform(a, b, c, d, e, f);
  }
  resetTransform(): void {
    this.#g?.resetTransform();
  }
  /** Qt's shear: x += sh * y, y += sv * x. */
  shear(sh: number, sv: number): void {
    this.#g?.transform(1, sv, sh, 1, 0, 0);
  }

  // ---- paths ---------------------------------------------------------------------------------

  beginPath(): void {
    this.#g?.beginPath();
  }
  closePath(): void {
    this.#g?.closePath();
  }
  moveTo(x: number, y: number): void {
    this.#g?.moveTo(x, y);
  }
  lineTo(x: number, y: number): void {
    this.#g?.lineTo(x, y);
  }
  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void {
    this.#g?.quadraticCurveTo(cpx, cpy, x, y);
  }
  bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void {
    this.#g?.bezierCurveTo(c1x, c1y, c2x, c2y, x, y);
  }
  arcTo(x1: number, y1: number, x2: number, y2: number, radius: number): void {
    const g = this.#g;
    if (g === null || !(radius >= 0)) return;
    g.arcTo(x1, y1, x2, y2, radius);
  }
  arc(x: number, y: number, radius: number, start: number, end: number, anticlockwise?: boolean): void {
    const g = this.#g;
    if (g === null || !(radius >= 0)) return;
    g.arc(x, y, radius, start, end, Boolean(anticlockwise));
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.#g?.rect(x, y, w, h);
  }
  /** Qt: a closed subpath of a rectangle with elliptic corners (QPainterPath::addRoundedRect). */
  roundedRect(x: number, y: number, w: number, h: number, xr: number, yr: number): void {
    const g = this.#g;
    if (g === null) return;
    const rx = Math.min(Math.abs(xr), Math.abs(w) / 2);
    const ry = Math.min(Math.abs(yr), Math.abs(h) / 2);
    if (!(rx > 0 && ry > 0)) {
      g.rect(x, y, w, h);
      return;
    }
    g.moveTo(x + w, y + ry);
    g.ellipse(x + w - rx, y + h - ry, rx, ry, 0, 0, Math.PI / 2);
    g.ellipse(x + rx, y + h - ry, rx, ry, 0, Math.PI / 2, Math.PI);
    g.ellipse(x + rx, y + ry, rx, ry, 0, Math.PI, (3 * Math.PI) / 2);
    g.ellipse(x + w - rx, y + ry, rx, ry, 0, (3 * Math.PI) / 2, 2 * Math.PI);
    g.closePath();
  }
  /** Qt: a closed subpath of the ellipse inside the box (x, y, w, h) (QPainterPath::addEllipse). */
  ellipse(x: number, y: number, w: number, h: number): void {
    const g = this.#g;
    if (g === null) return;
    g.moveTo(x + w, y + h / 2);
    g.ellipse(x + w / 2, y + h / 2, Math.abs(w) / 2, Math.abs(h) / 2, 0, 0, 2 * Math.PI);
    g.closePath();
  }
  fill(): void {
    this.#draw()?.fill(this.#state.fillRule === 0 ? 'evenodd' : 'nonzero');
  }
  stroke(): void {
    this.#draw()?.stroke();
  }
  clip(): void {
    this.#g?.clip(this.#state.fillRule === 0 ? 'evenodd' : 'nonzero');
  }
  isPointInPath(x: number, y: number): boolean {
    return this.#g?.isPointInPath(x, y, this.#state.fillRule === 0 ? 'evenodd' : 'nonzero') ?? false;
  }

  // ---- rectangles ------------------------------------------------------------------------------

  clearRect(x: number, y: number, w: number, h: number): void {
    this.#draw()?.clearRect(x, y, w, h);
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    this.#draw()?.fillRect(x, y, w, h);
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    this.#draw()?.strokeRect(x, y, w, h);
  }

  // ---- gradients and patterns -------------------------------------------------------------

  createLinearGradient(x0: number, y0: number, x1: number, y1: number): CanvasGradient {
    return new CanvasGradient(this.#g?.createLinearGradient(x0, y0, x1, y1) ?? null);
  }
  createRadialGradient(
    x0: number,
    y0: number,
    r0: number,
    x1: number,
    y1: number,
    r1: number,
  ): CanvasGradient {
    const g = this.#g;
    return new CanvasGradient(
      g !== null && r0 >= 0 && r1 >= 0 ? g.createRadialGradient(x0, y0, r0, x1, y1, r1) : null,
    );
  }
  /** Qt's conical gradient: colors turn counter-clockwise from `angle` (radians) around (x, y). */
  createConicalGradient(x: number, y: number, angle: number): CanvasGradient {
    return new CanvasGradient(this.#g?.createConicGradient(-angle, x, y) ?? null);
  }
  createPattern(image: unknown, repetition?: string): CanvasPattern {
    const g = this.#g;
    const source = g === null ? undefined : this.#picture(image);
    const rep =
      repetition === 'repeat-x' || repetition === 'repeat-y' || repetition === 'no-repeat'
        ? repetition
        : 'repeat';
    return new CanvasPattern(source === undefined ? null : g!.createPattern(source, rep));
  }

  // ---- text ------------------------------------------------------------------------------------

  #text(text: string, x: number, y: number, stroke: boolean): void {
    const g = this.#draw();
    const provider = canvasSurfaces.provider;
    if (g === null || provider === null) return;
    const f = this.#state.font;
    const font = resolvedFont(f);
    const ready = provider.fontReady(font.face, text);
    if (ready !== null) void ready.then(() => this.#host.requestPaint());
    g.font = provider.cssFont(font.face, font.metrics.ppem, text);
    g.fontVariantCaps = f.caps === 3 ? 'small-caps' : 'normal';
    if (stroke) g.strokeText(text, x, y);
    else g.fillText(text, x, y);
  }
  fillText(text: unknown, x: number, y: number): void {
    this.#text(String(text), x, y, false);
  }
  strokeText(text: unknown, x: number, y: number): void {
    this.#text(String(text), x, y, true);
  }
  measureText(text: unknown): TextMetrics {
    return { width: Math.round(new FontMetrics(resolvedFont(this.#state.font)).advanceWidth(String(text))) };
  }

  // ---- pictures and pixels --------------------------------------------------------------------

  /** What drawImage and createPattern draw: a url loaded with loadImage, an Image or a Canvas item, or pixels. */
  #picture(image: unknown): CanvasImageSource | undefined {
    if (typeof image === 'string') return this.#host.loadedPicture(image);
    if (image instanceof CanvasImageData) {
      const s = canvasSurfaces.provider?.create(image.width, image.height);
      s?.getContext('2d')?.putImageData(
        new ImageData(new Uint8ClampedArray(image.data), image.width, image.height),
        0,
        0,
      );
      return s;
    }
    const o = image as {
      canvasSurface?: () => HTMLCanvasElement | null;
      paintState?: () => { bitmap?: unknown } | null;
    };
    if (typeof o?.canvasSurface === 'function') return o.canvasSurface() ?? undefined;
    if (typeof o?.paintState === 'function')
      return (o.paintState()?.bitmap as CanvasImageSource | undefined) ?? undefined;
    return undefined;
  }

  drawImage(image: unknown, ...args: number[]): void {
    const g = this.#draw();
    if (g === null) return;
    const source = this.#picture(image);
    if (source === undefined) return;
    if (args.length >= 8)
      g.drawImage(source, args[0]!, args[1]!, args[2]!, args[3]!, args[4]!, args[5]!, args[6]!, args[7]!);
    else if (args.length >= 4) g.drawImage(source, args[0]!, args[1]!, args[2]!, args[3]!);
    else if (args.length >= 2) g.drawImage(source, args[0]!, args[1]!);
  }

  createImageData(sw: unknown, sh?: number): CanvasImageData {
    if (sw instanceof CanvasImageData) return new CanvasImageData(sw.width, sw.height);
    return new CanvasImageData(Math.abs(Math.trunc(Number(sw))) || 0, Math.abs(Math.trunc(Number(sh))) || 0);
  }

  getImageData(sx: number, sy: number, sw: number, sh: number): CanvasImageData {
    const w = Math.abs(Math.trunc(sw)) || 0;
    const h = Math.abs(Math.trunc(sh)) || 0;
    const g = this.#g;
    if (g === null || w === 0 || h === 0) return new CanvasImageData(w, h);
    const d = g.getImageData(sx, sy, w, h);
    return new CanvasImageData(d.width, d.height, d.data);
  }

  putImageData(data: unknown, dx: number, dy: number, ...dirty: number[]): void {
    if (!(data instanceof CanvasImageData) || data.width === 0 || data.height === 0) return;
    const g = this.#draw();
    if (g === null) return;
    const image = new ImageData(new Uint8ClampedArray(data.data), data.width, data.height);
    if (dirty.length >= 4) g.putImageData(image, dx, dy, dirty[0]!, dirty[1]!, dirty[2]!, dirty[3]!);
    else g.putImageData(image, dx, dy);
  }
}
