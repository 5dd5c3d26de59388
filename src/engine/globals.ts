// The globals QML code sees besides ECMAScript's: print, console and the Qt
// object, with the output format of Qt's `qml` tool (`qml: ` prefix,
// arguments joined by a space, on stderr).
import type { JsFunction, MessageSink } from './context';
import { parseIsoDate, v4DateString } from './qmldate';
import { toQtError } from './v4errors';
import {
  fromHsl,
  fromHsv,
  fromRgbF,
  parseColor,
  QColor,
  QMatrix4x4,
  QPoint,
  QQuaternion,
  QRect,
  QSize,
  QVector2D,
  QVector3D,
  QVector4D,
  tintColor,
} from './valuetypes';

/** The fields Qt.font() takes from its object, with the JavaScript type each must have (one at least). */
const FONT_FIELDS: Record<string, string> = {
  family: 'string',
  styleName: 'string',
  bold: 'boolean',
  italic: 'boolean',
  underline: 'boolean',
  overline: 'boolean',
  strikeout: 'boolean',
  pointSize: 'number',
  pixelSize: 'number',
  weight: 'number',
  capitalization: 'number',
  letterSpacing: 'number',
  wordSpacing: 'number',
  kerning: 'boolean',
  preferShaping: 'boolean',
  hintingPreference: 'number',
};

/** The name Qt gives the code running now (`onCompleted` for a Component.onCompleted handler), for console.assert. */
export let currentExpression: string | null = null;
export function setCurrentExpression(name: string | null): string | null {
  const prev = currentExpression;
  currentExpression = name;
  return prev;
}

/** How Qt's console and print() turn one argument into text. */
export function formatValue(v: unknown, nested = false, within?: Set<unknown>): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return nested ? v : v;
    case 'number':
      return String(v);
    case 'boolean':
      return String(v);
    case 'bigint':
      return String(v);
    case 'symbol':
      return v.toString();
    case 'function':
      return functionString(v as JsFunction);
  }
  if (v instanceof Date) return v4DateString(v);
  // V4 turns an ArrayBuffer into text: its bytes read as UTF-8 (measured).
  if (v instanceof ArrayBuffer) return new TextDecoder().decode(v);
  if (Array.isArray(v)) {
    // An array inside itself prints as [Circular] (measured).
    if (within?.has(v)) return '[Circular]';
    const path = within ?? new Set<unknown>();
    path.add(v);
    // Holes print as undefined (Qt converts the array element by element).
    const parts: string[] = [];
    for (let i = 0; i < v.length; i++) parts.push(formatValue(v[i], true, path));
    path.delete(v);
    return `[${parts.join(',')}]`;
  }
  try {
    return String(v);
  } catch (e) {
    // V4 prints what converting threw (a destroyed object's "TypeError: Type error").
    if (e instanceof Error) {
      toQtError(e);
      return `${e.name}: ${e.message}`;
    }
    return e === v ? '[object Object]' : formatValue(e, nested);
  }
}

/** Qt's V4 prints every function as native code, with its name. */
function functionString(f: JsFunction): string {
  const name = /^[A-Za-z_$][\w$]*$/.test(f.name) ? f.name : '';
  return name ? `function ${name}() { [native code] }` : 'function() { [native code] }';
}

/**
 * QML's `"%1 and %2".arg(x)` (V4's String.prototype.arg, then QString::arg):
 * replaces every occurrence of the lowest-numbered place marker %0..%99 with
 * the value. An integer (int32) is written in full, any other number with
 * 6 significant digits (`%g`: 0.333333, 1e+20), a boolean as 0 or 1, other
 * values as their string; `%L1` groups thousands. Without a marker Qt warns
 * (through `warn`) and returns the string unchanged.
 */
export function stringArg(s: string, value: unknown, warn?: (message: string) => void): string {
  let lowest = 100;
  for (const m of s.matchAll(ARG_MARKER)) {
    const n = Number(m[2]);
    if (n < lowest) lowest = n;
  }
  const kind =
    typeof value === 'boolean' || (typeof value === 'number' && isInt32(value))
      ? 'int'
      : typeof value === 'number'
        ? 'double'
        : 'string';
  const plain =
    kind === 'int' ? String(Number(value)) : kind === 'double' ? formatG(value as number) : String(value);
  if (lowest === 100) {
    // (QString::arg's overloads word the warning each their own way)
    warn?.(
      kind === 'int'
        ? `QString::arg: Argument missing: "${s}" , ${plain}`
        : `QString::arg: Argument missing: ${s}, ${plain}`,
    );
    return s;
  }
  return s.replace(ARG_MARKER, (all, locale: string, d: string) => {
    if (Number(d) !== lowest) return all;
    return locale && kind !== 'string' ? groupThousands(plain) : plain;
  });
}

const ARG_MARKER = /%(L?)(\d\d?)/g;

function isInt32(v: number): boolean {
  return Number.isInteger(v) && v >= -2147483648 && v <= 2147483647;
}

/** printf's `%g` with 6 significant digits, as QString::number(double) writes it. */
function formatG(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v < 0 ? '-inf' : 'inf';
  if (v === 0) return '0';
  const [mantissa, exp] = v.toExponential(5).split('e') as [string, string];
  const e = Number(exp);
  const trim = (t: string) => (t.includes('.') ? t.replace(/\.?0+$/, '') : t);
  if (e < -4 || e >= 6)
    return `${trim(mantissa)}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return trim(v.toFixed(5 - e));
}

/** `%L1`: the C locale's thousands separators in the integer part. */
function groupThousands(t: string): string {
  return t.replace(
    /^(-?)(\d+)/,
    (_all, sign: string, digits: string) => sign + digits.replace(/\B(?=(\d{3})+$)/g, ','),
  );
}

export function formatArgs(args: unknown[]): string {
  return args.map((a) => formatValue(a)).join(' ');
}

export interface ConsoleApi {
  log(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  assert(...args: unknown[]): void;
  count(...args: unknown[]): void;
  time(...args: unknown[]): void;
  timeEnd(...args: unknown[]): void;
  trace(...args: unknown[]): void;
  exception(...args: unknown[]): void;
  profile(): void;
  profileEnd(): void;
}

/** The QML file and line of the code that called (for console.assert and console.count). */
function callSite(): string {
  const m = /((?:file|https?|qrc|blob|data|memory):[^\s()]*?\.qml):(\d+):\d+/.exec(new Error().stack ?? '');
  return m ? `${m[1]}:${Number(m[2]) - 2}` : '';
}

/** Qt's messages are C strings: a NUL ends one (measured). */
function cut(text: string): string {
  const nul = text.indexOf('\0');
  return nul < 0 ? text : text.slice(0, nul);
}

/** The line print() and console.log() write for `args`. */
export function qmlMessage(args: unknown[]): string {
  return cut(`qml: ${formatArgs(args)}`);
}

export function makeConsole(sink: MessageSink, now: () => number): ConsoleApi {
  // (returns nothing, as Qt's console methods do)
  const out = (level: 'log' | 'debug' | 'info' | 'warn' | 'error', args: unknown[]): void => {
    sink.log(level, qmlMessage(args));
  };
  /** Where the code that called runs, as Qt names a stack frame. */
  const frame = () => {
    const site = callSite();
    if (site) sink.log('error', `expression for ${currentExpression ?? 'function'} (${site})`);
  };
  /** console.time and timeEnd take exactly one label. */
  const label = (method: string, a: unknown[]) => {
    if (a.length !== 1) throw new Error(`console.${method}(): Invalid arguments`);
    return String(a[0]);
  };
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();
  return {
    log: (...a) => out('log', a),
    debug: (...a) => out('debug', a),
    info: (...a) => out('info', a),
    warn: (...a) => out('warn', a),
    error: (...a) => out('error', a),
    assert: (...a) => {
      if (a.length === 0) throw new Error('console.assert(): Missing argument');
      // Qt prints the message without the `qml:` prefix, then where it failed.
      if (a[0]) return;
      sink.log('error', cut(formatArgs(a.slice(1))));
      frame();
    },
    count: (...a) => {
      // Qt counts per call site (file and line, whatever the label), and prints without the `qml:` prefix.
      const name = a.length > 0 ? String(a[0]) : '';
      // (code with no file, such as Qt.createQmlObject's without a path, counts per label)
      const site = callSite();
      const key = site === '' ? `${name}@` : site;
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      sink.log('log', `${name}: ${n}`);
    },
    time: (...a) => {
      timers.set(label('time', a), now());
    },
    timeEnd: (...a) => {
      const key = label('timeEnd', a);
      const t = timers.get(key);
      if (t === undefined) return;
      timers.delete(key);
      // (QElapsedTimer counts whole milliseconds)
      sink.log('log', `${key}: ${Math.floor(now() - t)}ms`);
    },
    trace: (...a) => {
      if (a.length !== 0) throw new Error('console.trace(): Invalid arguments');
      frame();
    },
    exception: (...a) => {
      if (a.length === 0) throw new Error('console.exception(): Missing argument');
      out('error', a);
      frame();
    },
    // The qml tool runs without the debug service.
    profile: () =>
      sink.log(
        'warn',
        'Cannot start profiling because debug service is disabled. Start with -qmljsdebugger=port:XXXXX.',
      ),
    profileEnd: () => sink.log('warn', 'Ignoring console.profileEnd(): the debug service is disabled.'),
  };
}

/** Qt's key, alignment and other enums on the `Qt` object (the ones QML code uses). */
export const QT_ENUMS: Record<string, number> = {
  OddEvenFill: 0,
  WindingFill: 1,
  WidgetShortcut: 0,
  WindowShortcut: 1,
  ApplicationShortcut: 2,
  WidgetWithChildrenShortcut: 3,
  NoBrush: 0,
  SolidPattern: 1,
  Dense1Pattern: 2,
  Dense2Pattern: 3,
  Dense3Pattern: 4,
  Dense4Pattern: 5,
  Dense5Pattern: 6,
  Dense6Pattern: 7,
  Dense7Pattern: 8,
  HorPattern: 9,
  VerPattern: 10,
  CrossPattern: 11,
  BDiagPattern: 12,
  FDiagPattern: 13,
  DiagCrossPattern: 14,
  LinearGradientPattern: 15,
  RadialGradientPattern: 16,
  ConicalGradientPattern: 17,
  TexturePattern: 24,
  EnterKeyDefault: 0,
  EnterKeyReturn: 1,
  EnterKeyDone: 2,
  EnterKeyGo: 3,
  EnterKeySend: 4,
  EnterKeySearch: 5,
  EnterKeyNext: 6,
  EnterKeyPrevious: 7,
  // Qt::InputMethodQuery (powers of two from ImEnabled to ImReadOnly)
  ...Object.fromEntries(
    [
      'ImEnabled',
      'ImCursorRectangle',
      'ImFont',
      'ImCursorPosition',
      'ImSurroundingText',
      'ImCurrentSelection',
      'ImMaximumTextLength',
      'ImAnchorPosition',
      'ImHints',
      'ImPreferredLanguage',
      'ImAbsolutePosition',
      'ImTextBeforeCursor',
      'ImTextAfterCursor',
      'ImEnterKeyType',
      'ImAnchorRectangle',
      'ImInputItemClipRectangle',
      'ImReadOnly',
    ].map((name, i) => [name, 1 << i]),
  ),
  ImPlatformData: -2147483648,
  ImQueryInput: 16570,
  ImQueryAll: -1,
  // Qt::DropAction
  IgnoreAction: 0,
  CopyAction: 1,
  MoveAction: 2,
  LinkAction: 4,
  ActionMask: 0xff,
  TargetMoveAction: 0x8002,
  AlignLeft: 0x1,
  AlignRight: 0x2,
  AlignHCenter: 0x4,
  AlignJustify: 0x8,
  AlignTop: 0x20,
  AlignBottom: 0x40,
  AlignVCenter: 0x80,
  AlignBaseline: 0x100,
  AlignCenter: 0x84,
  Horizontal: 1,
  Vertical: 2,
  LeftButton: 1,
  RightButton: 2,
  MiddleButton: 4,
  AllButtons: 0x7ffffff,
  NoButton: 0,
  NoModifier: 0,
  ShiftModifier: 0x02000000,
  ControlModifier: 0x04000000,
  AltModifier: 0x08000000,
  MetaModifier: 0x10000000,
  KeypadModifier: 0x20000000,
  LeftToRight: 0,
  RightToLeft: 1,
  TabFocus: 1,
  ClickFocus: 2,
  StrongFocus: 11,
  WheelFocus: 15,
  NoFocus: 0,
  ElideLeft: 0,
  ElideRight: 1,
  ElideMiddle: 2,
  ElideNone: 3,
  TextSingleLine: 0x100,
  TextDontClip: 0x200,
  TextExpandTabs: 0x400,
  TextShowMnemonic: 0x800,
  TextWordWrap: 0x1000,
  TextWrapAnywhere: 0x2000,
  TextDontPrint: 0x4000,
  TextIncludeTrailingSpaces: 0x8000000,
  TextHideMnemonic: 0x8000,
  TextJustificationForced: 0x10000,
  TextForceLeftToRight: 0x20000,
  TextForceRightToLeft: 0x40000,
  TextLongestVariant: 0x80000,
  PlainText: 0,
  RichText: 1,
  AutoText: 2,
  MarkdownText: 3,
  StyledText: 4,
  Key_Escape: 0x01000000,
  Key_Tab: 0x01000001,
  Key_Backtab: 0x01000002,
  Key_Backspace: 0x01000003,
  Key_Return: 0x01000004,
  Key_Enter: 0x01000005,
  Key_Insert: 0x01000006,
  Key_Delete: 0x01000007,
  Key_Pause: 0x01000008,
  Key_Home: 0x01000010,
  Key_End: 0x01000011,
  Key_Left: 0x01000012,
  Key_Up: 0x01000013,
  Key_Right: 0x01000014,
  Key_Down: 0x01000015,
  Key_PageUp: 0x01000016,
  Key_PageDown: 0x01000017,
  Key_Shift: 0x01000020,
  Key_Control: 0x01000021,
  Key_Meta: 0x01000022,
  Key_Alt: 0x01000023,
  Key_CapsLock: 0x01000024,
  Key_F1: 0x01000030,
  Key_Space: 0x20,
  Key_A: 0x41,
  Key_Z: 0x5a,
  Key_0: 0x30,
  Key_9: 0x39,
  // Qt::CursorShape
  ArrowCursor: 0,
  UpArrowCursor: 1,
  CrossCursor: 2,
  WaitCursor: 3,
  IBeamCursor: 4,
  SizeVerCursor: 5,
  SizeHorCursor: 6,
  SizeBDiagCursor: 7,
  SizeFDiagCursor: 8,
  SizeAllCursor: 9,
  BlankCursor: 10,
  SplitVCursor: 11,
  SplitHCursor: 12,
  PointingHandCursor: 13,
  ForbiddenCursor: 14,
  WhatsThisCursor: 15,
  BusyCursor: 16,
  OpenHandCursor: 17,
  ClosedHandCursor: 18,
  DragCopyCursor: 19,
  DragMoveCursor: 20,
  DragLinkCursor: 21,
  // Qt::MouseButton (beyond the three above), Qt::MouseEventSource
  BackButton: 8,
  ForwardButton: 16,
  MouseEventNotSynthesized: 0,
  MouseEventSynthesizedBySystem: 1,
  MouseEventSynthesizedByQt: 2,
  Checked: 2,
  Unchecked: 0,
  // Qt::DateFormat
  TextDate: 0,
  ISODate: 1,
  RFC2822Date: 8,
  ISODateWithMs: 9,
};
for (let i = 0; i < 26; i++) QT_ENUMS[`Key_${String.fromCharCode(65 + i)}`] = 65 + i;
for (let i = 0; i < 10; i++) QT_ENUMS[`Key_${i}`] = 48 + i;
for (let i = 1; i <= 12; i++) QT_ENUMS[`Key_F${i}`] = 0x01000030 + i - 1;

function numbers(args: unknown[], count: number): number[] {
  arity(args, count);
  return args.map((v) => Number(v));
}

/** Qt.md5's code (md5.ts), loaded before the first file that names it is compiled (Engine). */
let md5Hex: ((text: string) => string) | null = null;

export function provideMd5(f: (text: string) => string): void {
  md5Hex = f;
}

/** Qt's checks of a helper's argument count (measured: Qt.point(1), Qt.point(1, 2, 3), Qt.md5()). */
function arity(args: unknown[], count: number): void {
  if (args.length < count) throw new Error('Insufficient arguments');
  if (args.length > count) throw new Error('Too many arguments');
}

function toColor(v: unknown): QColor {
  if (v instanceof QColor) return v;
  if (typeof v === 'string') return parseColor(v) ?? new QColor(0, 0, 0, 1, false);
  return new QColor(0, 0, 0, 1, false);
}

/** An argument of Qt.colorEqual: a color, or a color name Qt can read. */
function colorEqualArg(v: unknown): QColor {
  if (v instanceof QColor) return v;
  if (typeof v !== 'string') throw new Error('Qt.colorEqual(): Invalid arguments');
  const c = parseColor(v);
  if (!c) throw new Error('Qt.colorEqual(): Invalid color name');
  return c;
}

/** A color argument of Qt.lighter/darker/tint/alpha: null when it is not a color (they then return null). */
function colorArg(v: unknown): QColor | null {
  if (v instanceof QColor) return v;
  if (typeof v === 'string') return parseColor(v) ?? null;
  return null;
}

export interface QtObjectHooks {
  quit(): void;
  exit(code: number): void;
  /** Marks a function as a binding for the next assignment (Qt.binding). */
  binding(fn: JsFunction): unknown;
  callLater(fn: JsFunction, args: unknown[]): void;
  createQmlObject(qml: unknown, parent: unknown, filepath: unknown): unknown;
  /** Qt.createComponent(url), with `url` already resolved against the calling file. */
  createComponent(url: unknown): unknown;
  platformOs: string;
  /** Qt.platform.pluginName: the platform plugin Qt would run on. */
  platformPluginName: string;
  applicationArguments: string[];
  inputMethod: unknown;
  styleHints: unknown;
}

/** The global `Qt` object. */
export function makeQtObject(hooks: QtObjectHooks): Record<string, unknown> {
  const qt: Record<string, unknown> = {
    ...QT_ENUMS,
    rgba: (r: number, g: number, b: number, a = 1) => fromRgbF(r, g, b, a),
    hsla: (h: number, s: number, l: number, a = 1) => fromHsl(h, s, l, a),
    hsva: (h: number, s: number, v: number, a = 1) => fromHsv(h, s, v, a),
    color: (name: string) => toColor(name),
    lighter: (c: unknown, f = 1.5) => colorArg(c)?.lighter(Number(f)) ?? null,
    darker: (c: unknown, f = 2) => colorArg(c)?.darker(Number(f)) ?? null,
    tint: (base: unknown, tint: unknown) => {
      const b = colorArg(base);
      const t = colorArg(tint);
      return b && t ? tintColor(b, t) : null;
    },
    // Qt: the alpha is clamped to 0..1 (QColor::setAlphaF warns about values outside).
    alpha: (c: unknown, a: unknown) => colorArg(c)?.withAlpha(Math.min(Math.max(Number(a), 0), 1)) ?? null,
    colorEqual: (...a: unknown[]) => {
      arity(a, 2);
      const [x, y] = a.map(colorEqualArg);
      return x!.equals(y!);
    },
    // Qt checks the argument count ("Insufficient arguments") and converts each to a number.
    point: (...a: unknown[]) => new QPoint(...(numbers(a, 2) as [number, number])),
    size: (...a: unknown[]) => new QSize(...(numbers(a, 2) as [number, number])),
    rect: (...a: unknown[]) => new QRect(...(numbers(a, 4) as [number, number, number, number])),
    vector2d: (...a: unknown[]) => new QVector2D(...(numbers(a, 2) as [number, number])),
    vector3d: (...a: unknown[]) => new QVector3D(...(numbers(a, 3) as [number, number, number])),
    vector4d: (...a: unknown[]) => new QVector4D(...(numbers(a, 4) as [number, number, number, number])),
    quaternion: (...a: unknown[]) => new QQuaternion(...(numbers(a, 4) as [number, number, number, number])),
    matrix4x4: (...a: unknown[]) => {
      if (a.length === 0) return new QMatrix4x4();
      if (a.length === 1) {
        if (!Array.isArray(a[0]) || a[0].length !== 16)
          throw new Error('Qt.matrix4x4(): Invalid argument: not a valid matrix4x4 values array');
        return new QMatrix4x4(numbers(a[0], 16));
      }
      if (a.length !== 16) throw new Error('Too many arguments');
      return new QMatrix4x4(numbers(a, 16));
    },
    font: (...a: unknown[]) => {
      if (a.length === 0) throw new Error('Insufficient arguments');
      const f = a[0];
      if (a.length !== 1 || f === null || typeof f !== 'object')
        throw new Error('Qt.font(): Invalid arguments');
      if (!Object.keys(FONT_FIELDS).some((k) => typeof (f as Record<string, unknown>)[k] === FONT_FIELDS[k]))
        throw new Error('Qt.font(): Invalid argument: no valid font subproperties specified');
      return { ...f };
    },
    quit: () => hooks.quit(),
    exit: (code: number) => hooks.exit(code),
    binding: (fn: JsFunction) => hooks.binding(fn),
    callLater: (...a: unknown[]) => {
      if (a.length === 0) throw new Error('Qt.callLater: no arguments given');
      hooks.callLater(a[0] as JsFunction, a.slice(1));
    },
    createComponent: (url: unknown) => hooks.createComponent(url),
    createQmlObject: (qml: unknown, parent: unknown, filepath?: unknown) =>
      hooks.createQmlObject(qml, parent, filepath),
    isQtObject: (...a: unknown[]) => {
      arity(a, 1);
      const o = a[0];
      return typeof o === 'object' && o !== null && '$meta' in o;
    },
    // Qt.url(): a url from a string (as QUrl reads it back).
    url: (...a: unknown[]) => String(required(a)),
    // The UI language of the C locale the runtime formats with.
    uiLanguage: 'en',
    resolvedUrl: (u: string) => u,
    // Base64 of the text's UTF-8 bytes, and back (QByteArray::toBase64 / fromBase64).
    atob: (...a: unknown[]) => new TextDecoder().decode(base64Decode(qString(required(a)))),
    btoa: (...a: unknown[]) => base64Encode(new TextEncoder().encode(qString(required(a)))),
    // Without a format, the C locale's (measured: "2 Jan 2020", "03:04:05").
    formatDate: (d: unknown, format?: unknown) => formatAs('date', d, format),
    formatTime: (d: unknown, format?: unknown) => formatAs('time', d, format),
    formatDateTime: (d: unknown, format?: unknown) => formatAs('datetime', d, format),
    md5: (...a: unknown[]) => {
      arity(a, 1);
      if (md5Hex === null) throw new Error('Qt.md5 is loaded with the first file that names it');
      return md5Hex(qString(a[0]));
    },
    platform: { os: hooks.platformOs, pluginName: hooks.platformPluginName },
    // What Qt's qml tool sets (QCoreApplication's name, version, organization).
    application: {
      name: 'Qml Runtime',
      displayName: 'Qml Runtime',
      arguments: hooks.applicationArguments,
      version: '6.4.2',
      organization: 'QtProject',
      domain: 'qt-project.org',
    },
    inputMethod: hooks.inputMethod,
    styleHints: hooks.styleHints,
    openUrlExternally: () => false,
    fontFamilies: () => ['DejaVu Sans'],
  };
  return qt;
}

/** What a date format's names and digits come from: a locale's (locale.ts), the C locale's by default. */
export interface DateNames {
  /** Day names (Sunday first) and month names, long then short. */
  days: readonly (readonly string[])[];
  months: readonly (readonly string[])[];
  amText: string;
  pmText: string;
  zeroDigit: string;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const C_DATE_NAMES: DateNames = {
  days: [WEEKDAYS, WEEKDAYS.map((n) => n.slice(0, 3))],
  months: [MONTHS, MONTHS.map((n) => n.slice(0, 3))],
  amText: 'AM',
  pmText: 'PM',
  zeroDigit: '0',
};

/** A number's ASCII digits written with the digits that start at `zero` (`٠` for Arabic-Indic). */
export function localDigits(text: string, zero: string): string {
  if (zero === '0') return text;
  const base = zero.codePointAt(0)!;
  return text.replace(/[0-9]/g, (d) => String.fromCodePoint(base + Number(d)));
}

/**
 * QDate/QTime/QDateTime::toString(format) and QLocale::toString(date,
 * format): `d dd ddd dddd M MM MMM MMMM yy yyyy h hh H HH m mm s ss z zzz
 * AP ap A a t` and quoted text (`'...'`, `''` for a quote), with the names
 * and digits of a locale (the C locale's by default).
 */
export function formatDateTime(
  d: unknown,
  format: string,
  fields: 'date' | 'time' | 'datetime' = 'datetime',
  names: DateNames = C_DATE_NAMES,
): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return '';
  // QDate::toString reads only date letters, QTime::toString only time letters: the others stay as written.
  const literal = fields === 'date' ? /[hHmszaAt]/ : fields === 'time' ? /[dMy]/ : null;
  const twelve = /a|A/.test(format.replace(/'[^']*'/g, ''));
  const pad = (n: number, w: number) => localDigits(String(n).padStart(w, '0'), names.zeroDigit);
  let out = '';
  for (let i = 0; i < format.length; ) {
    const c = format[i]!;
    if (c === "'") {
      if (format[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // quoted text, in which '' is a quote
      i++;
      while (i < format.length) {
        if (format[i] === "'") {
          if (format[i + 1] !== "'") break;
          i++;
        }
        out += format[i];
        i++;
      }
      i++;
      continue;
    }
    let n = 1;
    while (format[i + n] === c) n++;
    if (literal?.test(c)) {
      out += format.slice(i, i + n);
      i += n;
      continue;
    }
    let used = n;
    switch (c) {
      case 'd':
        used = Math.min(n, 4);
        out += used <= 2 ? pad(d.getDate(), used) : names.days[used === 4 ? 0 : 1]![d.getDay()]!;
        break;
      case 'M':
        used = Math.min(n, 4);
        out += used <= 2 ? pad(d.getMonth() + 1, used) : names.months[used === 4 ? 0 : 1]![d.getMonth()]!;
        break;
      case 'y': {
        // (QDate has no year 0: JavaScript's year 0 is 1 BC, -0001)
        const y = d.getFullYear();
        const sign = y <= 0 ? '-' : '';
        const year = y <= 0 ? 1 - y : y;
        if (n >= 4) {
          used = 4;
          out += sign + pad(year, 4);
        } else if (n >= 2) {
          used = 2;
          out += sign + pad(year % 100, 2);
        } else out += c;
        break;
      }
      case 'h':
      case 'H': {
        used = Math.min(n, 2);
        const h = d.getHours();
        out += pad(c === 'h' && twelve ? (h % 12 === 0 ? 12 : h % 12) : h, used);
        break;
      }
      case 'm':
        used = Math.min(n, 2);
        out += pad(d.getMinutes(), used);
        break;
      case 's':
        used = Math.min(n, 2);
        out += pad(d.getSeconds(), used);
        break;
      case 'z': {
        // `zzz`: three digits; `z`: the same without trailing zeros (`05`
        // for 50 ms, `0` for none); `zz` is `z` twice (measured).
        used = n >= 3 ? 3 : 1;
        const ms = String(d.getMilliseconds()).padStart(3, '0');
        out += localDigits(used === 3 ? ms : ms.replace(/(?<=.)0+$/, ''), names.zeroDigit);
        break;
      }
      case 'A':
      case 'a': {
        const next = format[i + 1];
        used = next === 'P' || next === 'p' ? 2 : 1;
        const text = d.getHours() < 12 ? names.amText : names.pmText;
        // (`AP` upper case, `ap` lower case, `Ap` and `aP` the locale's own text)
        if (used === 2 && (next === 'P') !== (c === 'A')) out += text;
        else out += c === 'A' ? text.toUpperCase() : text.toLowerCase();
        break;
      }
      case 't':
        used = 1;
        out += timeZoneName(d);
        break;
      default:
        used = 1;
        out += c;
    }
    i += used;
  }
  return out;
}

/** An argument as the QString a helper takes: null and undefined are the empty string. */
function qString(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** The first argument of a helper that needs one (Qt: "Insufficient arguments"). */
function required(args: unknown[]): unknown {
  if (args.length === 0) throw new Error('Insufficient arguments');
  return args[0];
}

/** QByteArray::toBase64 of the bytes of a binary string. */
function base64Encode(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** QByteArray::fromBase64: characters outside the alphabet (padding included) are skipped. */
function base64Decode(text: string): Uint8Array {
  let clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  // (six bits left over make no byte)
  if (clean.length % 4 === 1) clean = clean.slice(0, -1);
  return Uint8Array.from(atob(clean), (c) => c.charCodeAt(0));
}

/**
 * Qt.formatDate/Time/DateTime: a format string, a Qt::DateFormat value or
 * none (the C locale's short form); the date may be an ISO 8601 string, as
 * QML converts a string to QDate, QTime or QDateTime.
 */
function formatAs(kind: 'date' | 'time' | 'datetime', value: unknown, format: unknown): string {
  const d = typeof value === 'string' ? parseIsoForFormat(value) : value;
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return '';
  if (typeof format === 'string') return formatDateTime(d, format, kind);
  if (format === undefined)
    return formatDateTime(
      d,
      kind === 'date' ? 'd MMM yyyy' : kind === 'time' ? 'hh:mm:ss' : 'd MMM yyyy hh:mm:ss',
    );
  const iso = kind === 'time' ? 'HH:mm:ss' : kind === 'date' ? 'yyyy-MM-dd' : "yyyy-MM-dd'T'HH:mm:ss";
  switch (format) {
    case QT_ENUMS.TextDate:
      return formatDateTime(
        d,
        kind === 'date' ? 'ddd MMM d yyyy' : kind === 'time' ? 'HH:mm:ss' : 'ddd MMM d HH:mm:ss yyyy',
      );
    case QT_ENUMS.ISODate:
      return formatDateTime(d, iso);
    case QT_ENUMS.ISODateWithMs:
      return formatDateTime(d, kind === 'date' ? iso : `${iso}.zzz`);
    case QT_ENUMS.RFC2822Date:
      if (kind === 'date') return formatDateTime(d, 'dd MMM yyyy');
      if (kind === 'time') return formatDateTime(d, 'HH:mm:ss');
      return `${formatDateTime(d, 'dd MMM yyyy HH:mm:ss')} ${utcOffset(d)}`;
    default:
      return '';
  }
}

/**
 * A string as QML reads it for a date, time or date-time argument: ISO 8601
 * (parseIsoDate, as a `date` property reads it), or a time of today.
 */
function parseIsoForFormat(s: string): Date | null {
  const time = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(s);
  if (time === null) return parseIsoDate(s);
  const d = new Date();
  d.setHours(Number(time[1]), Number(time[2]), Number(time[3] ?? 0), Number((time[4] ?? '0').padEnd(3, '0')));
  return d;
}

/** The local offset from UTC as RFC 2822 writes it (+0100). */
function utcOffset(d: Date): string {
  const minutes = -d.getTimezoneOffset();
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
}

export function timeZoneName(d: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' })
    .formatToParts(d)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}
