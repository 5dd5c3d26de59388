// Conversions Qt applies when a value is written to a typed property, and
// the change test for each type (a change signal fires only on a real change).
import { AssignError } from './assign-error';
import { listElements } from './listreference';
import { isoDateTimeWithMs, parseIsoDate, QmlDate } from './qmldate';
import {
  INVALID_COLOR,
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
  ValueType,
} from './valuetypes';

export interface Coercer {
  (value: unknown, obj: unknown): unknown;
  /** The value of a fresh property of this type. */
  initial: unknown;
}

/** How Qt names a JavaScript value's type in "Unable to assign X to Y". */
export function qtTypeName(v: unknown): string {
  if (v === undefined) return '[undefined]';
  if (v === null) return 'std::nullptr_t';
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) ? 'int' : 'double';
    case 'string':
      return 'QString';
    case 'boolean':
      return 'bool';
    case 'function':
      return 'QJSValue';
  }
  if (v instanceof QColor) return 'QColor';
  if (v instanceof QPoint) return 'QPointF';
  if (v instanceof QSize) return 'QSizeF';
  if (v instanceof QRect) return 'QRectF';
  if (v instanceof QVector2D) return 'QVector2D';
  if (v instanceof QVector3D) return 'QVector3D';
  if (v instanceof QVector4D) return 'QVector4D';
  if (v instanceof QQuaternion) return 'QQuaternion';
  if (v instanceof QMatrix4x4) return 'QMatrix4x4';
  if (v instanceof QUrl) return 'QUrl';
  if (v instanceof Date) return 'QDateTime';
  if (typeof v === 'object' && '$meta' in (v as object)) return 'QObject*';
  return 'QJSValue';
}

/** Qt's name for a property type in messages ("Unable to assign [undefined] to int"). */
function qtPropertyTypeName(type: string): string {
  switch (type) {
    case 'real':
    case 'double':
      return 'double';
    case 'string':
      return 'QString';
    case 'url':
      return 'QUrl';
    case 'color':
      return 'QColor';
    case 'point':
      return 'QPointF';
    case 'size':
      return 'QSizeF';
    case 'rect':
      return 'QRectF';
    case 'date':
      return 'QDateTime';
    case 'vector2d':
      return 'QVector2D';
    case 'vector3d':
      return 'QVector3D';
    case 'vector4d':
      return 'QVector4D';
    case 'quaternion':
      return 'QQuaternion';
    case 'matrix4x4':
      return 'QMatrix4x4';
    case 'font':
      return 'QFont';
    default:
      return type;
  }
}

/**
 * The C++ class Qt names for a built-in object type in messages ("Cannot
 * assign int to QQuickItem*"), registered as the types are defined (the
 * first type of a name keeps it). A property of a QML-declared type is given
 * its class by the compiler (coercerFor's `cppClass`: `Box_QMLTYPE_0`).
 */
const cppClassNames = new Map<string, string>();
export function registerCppClassName(typeName: string, cppClass: string): void {
  if (!cppClassNames.has(typeName)) cppClassNames.set(typeName, cppClass);
}

function fail(v: unknown, type: string): never {
  throw new AssignError(qtTypeName(v), qtPropertyTypeName(type), v);
}

/**
 * Qt converts a double to int the C++ way: truncation, and INT_MIN for
 * NaN, infinities and values out of range (measured: 1e10 -> -2147483648).
 */
function toInt(n: number): number {
  if (!(n >= -2147483648 && n < 2147483648)) return -2147483648;
  return Math.trunc(n) | 0;
}

/** A decimal number, as QString::toDouble reads one (no hex). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** QString::toDouble: decimal only (no hex), surrounding white space allowed, empty is an error. */
function stringToNumber(s: string, type: string): number {
  const t = s.trim();
  if (!DECIMAL.test(t) && !/^[+-]?(inf|infinity|nan)$/i.test(t)) fail(s, type);
  const lower = t.toLowerCase();
  if (lower.endsWith('nan')) return Number.NaN;
  if (lower.endsWith('inf') || lower.endsWith('infinity')) return t.startsWith('-') ? -Infinity : Infinity;
  return Number(t);
}

function toNumber(v: unknown, type: string): number {
  switch (typeof v) {
    case 'number':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    case 'string':
      return stringToNumber(v, type);
  }
  // (a Date is no number to Qt: "Unable to assign QDateTime to double", measured)
  return fail(v, type);
}

function make(initial: unknown, f: (v: unknown, obj: unknown) => unknown): Coercer {
  const c = f as Coercer;
  c.initial = initial;
  return c;
}

const coerceInt = make(0, (v) => toInt(typeof v === 'number' ? v : toNumber(v, 'int')));

/**
 * The int sub-properties of value types (font.pixelSize) are written through
 * a QVariant, whose double-to-int conversion rounds (measured: 13.7 -> 14),
 * while a QObject's int property truncates.
 */
export const coerceValueTypeInt = make(0, (v) => {
  const n = typeof v === 'number' ? v : toNumber(v, 'int');
  return toInt(roundHalfAway(n));
});

/** QVariant's double to integer conversion: rounded half away from zero (qRound). */
function roundHalfAway(n: number): number {
  return n >= 0 ? Math.floor(n + 0.5) : Math.ceil(n - 0.5);
}

/** Qt's unprefixed warning for an element of an array that does not convert to a list's element type. */
function warnArrayValue(obj: unknown, i: number, from: string, to: string): void {
  (obj as { $engine?: { sink: { warn(m: string): void } } | null } | null)?.$engine?.sink.warn(
    `"Could not convert array value at position ${i} from ${from} to ${to}"`,
  );
}

/**
 * Enumeration properties also take the name of one of the type's enum
 * values (measured: horizontalAlignment = "AlignLeft" gives 1).
 */
const coerceEnum = make(0, (v, obj) => {
  if (typeof v === 'string') {
    const value = (obj as { $meta?: { enums: Record<string, number> } } | null)?.$meta?.enums[v];
    if (value !== undefined) return value;
  }
  return coerceInt(v, obj);
});

const coerceReal = make(0, (v) => (typeof v === 'number' ? v : toNumber(v, 'double')));

/** JavaScript truthiness ("false" is true), as Qt's V4 converts to bool. */
const coerceBool = make(false, (v) => {
  if (typeof v === 'boolean') return v;
  if (v === undefined) fail(v, 'bool');
  return Boolean(v);
});

/**
 * A number as Qt makes a QString of it: an int (a V4 integer) in decimal,
 * a double as QString::number(d, 'g', QLocale::FloatingPointShortest):
 * the shortest digits, in the shorter of the fixed and exponent forms
 * (`1e+16`, `1e-04`, `0.001`, `nan`, `-inf`). A JavaScript number does not
 * say whether V4 held it as an integer: a whole number in int range is taken
 * for one, as literals and int properties are (a double read from a real
 * property, 1000000, is `1e+06` in Qt).
 */
export function numberToQString(n: number): string {
  if (Number.isInteger(n) && n >= -2147483648 && n <= 2147483647) return String(n);
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  const [mantissa, e] = Math.abs(n).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exp = Number(e);
  const decpt = exp + 1;
  const scientific = `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  const fixed =
    decpt <= 0
      ? `0.${'0'.repeat(-decpt)}${digits}`
      : decpt >= digits.length
        ? digits + '0'.repeat(decpt - digits.length)
        : `${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  return (n < 0 ? '-' : '') + (fixed.length <= scientific.length ? fixed : scientific);
}

const coerceString = make('', (v, obj) => {
  if (typeof v === 'string') return v;
  if (v === null) return '';
  if (typeof v === 'number') return numberToQString(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof QColor || v instanceof QUrl) return String(v);
  if (Array.isArray(v)) return arrayToString(v, obj);
  if (v instanceof Date) return isoDateTimeWithMs(v);
  return fail(v, 'string');
});

/**
 * An array becomes a QString the way QVariantList converts to it: element
 * by element as QChars (numbers are character codes: [1,2,3] gives
 * "\u0001\u0002\u0003"). An element that is no QChar ends it with Qt's
 * unprefixed warning, and the string is empty.
 */
function arrayToString(a: unknown[], obj: unknown): string {
  let s = '';
  for (let i = 0; i < a.length; i++) {
    const e = a[i];
    if (typeof e === 'number') s += String.fromCharCode(Math.trunc(e) & 0xffff);
    else if (typeof e === 'string' && e.length === 1) s += e;
    else {
      warnArrayValue(obj, i, Array.isArray(e) ? 'QVariantList' : qtTypeName(e), 'QChar');
      return '';
    }
  }
  return s;
}

/** A url property holds a url value (typeof "object"); it reads back as written (Qt 6 does not resolve it). */
export class QUrl {
  constructor(readonly href: string) {}
  toString(): string {
    return this.href;
  }
  valueOf(): string {
    return this.href;
  }
  toJSON(): string {
    return this.href;
  }
}

const EMPTY_URL = new QUrl('');

/** A percent-encoded byte QUrl shows decoded: unreserved characters and the space (UTF-8 sequences apart). */
const PRETTY = /^[A-Za-z0-9\-._~ ]$/;

/** Percent-encoding as QUrl's PrettyDecoded form shows it (see prettyUrl). */
function prettyPart(part: string): string {
  if (!/[%\\]/.test(part)) return part;
  let out = '';
  for (let i = 0; i < part.length; i++) {
    const c = part[i]!;
    if (c === '\\') {
      out += '%5C';
      continue;
    }
    if (c !== '%') {
      out += c;
      continue;
    }
    const hex = part.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
      // (a lone percent sign is itself encoded)
      out += '%25';
      continue;
    }
    const byte = Number.parseInt(hex, 16);
    if (byte >= 0x80) {
      // a UTF-8 sequence of encoded bytes reads as its character
      let j = i;
      const bytes: number[] = [];
      while (part[j] === '%' && /^[0-9A-Fa-f]{2}$/.test(part.slice(j + 1, j + 3))) {
        const b = Number.parseInt(part.slice(j + 1, j + 3), 16);
        if (b < 0x80) break;
        bytes.push(b);
        j += 3;
      }
      try {
        out += new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
        i = j - 1;
        continue;
      } catch {
        out += `%${hex.toUpperCase()}`;
        i += 2;
        continue;
      }
    }
    const ch = String.fromCharCode(byte);
    out += PRETTY.test(ch) ? ch : `%${hex.toUpperCase()}`;
    i += 2;
  }
  return out;
}

/**
 * A url as QUrl keeps it and shows it (QUrl::toString, PrettyDecoded): the
 * scheme and host in lower case, an empty port dropped and a port's leading
 * zeros gone, percent-encoded unreserved characters, spaces and UTF-8
 * sequences decoded, other escapes in upper case, a stray `%` or `\` encoded.
 * The path is kept as written (`a/../b` stays).
 */
export function prettyUrl(url: string): string {
  if (!/[%\\A-Z]|:\/\/[^/?#]*:/.test(url)) return url;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  let head = '';
  let rest = url;
  if (scheme) {
    head = `${scheme[1]!.toLowerCase()}:`;
    rest = url.slice(scheme[0].length);
    if (rest.startsWith('//')) {
      const end = rest.slice(2).search(/[/?#]/);
      const authority = end < 0 ? rest.slice(2) : rest.slice(2, 2 + end);
      rest = end < 0 ? '' : rest.slice(2 + end);
      const at = authority.lastIndexOf('@');
      const userinfo = at < 0 ? '' : `${prettyPart(authority.slice(0, at))}@`;
      let hostport = authority.slice(at + 1);
      const port = /:(\d*)$/.exec(hostport);
      if (port && !hostport.endsWith(']')) {
        hostport =
          hostport.slice(0, port.index).toLowerCase() + (port[1] === '' ? '' : `:${Number(port[1])}`);
      } else hostport = hostport.toLowerCase();
      head += `//${userinfo}${hostport}`;
    }
  }
  return head + prettyPart(rest);
}

const coerceUrl = make(EMPTY_URL, (v) => {
  if (v instanceof QUrl) return v;
  if (typeof v === 'string') return v === '' ? EMPTY_URL : new QUrl(prettyUrl(v));
  if (v === null) return EMPTY_URL;
  return fail(v, 'url');
});

// Qt: a number is not a color ("Cannot assign int to QColor").
// A value type is copied into the property (the property's value is its own).
// (a declared color property starts as an invalid color, as QColor() is: measured with Qt 6.4.2)
const coerceColor = make(INVALID_COLOR, (v) => {
  if (v instanceof QColor) return v.$clone();
  if (typeof v === 'string') return parseColor(v) ?? INVALID_COLOR;
  return fail(v, 'color');
});

const coerceVar = make(undefined, (v) => v);

/** A `date` property holds a copy of a Date, or a date an ISO 8601 string names (QDateTime::fromString). */
const coerceDate = make(new QmlDate(Number.NaN), (v) => {
  if (v instanceof Date) return new QmlDate(v.getTime());
  if (typeof v === 'string') {
    const d = parseIsoDate(v);
    if (d !== null) return d;
  }
  fail(v, 'date');
});

/** The numbers of Qt's string forms of value types (QQmlStringConverters): "1,2", "3x4", "1,2,3x4". */
function numbersIn(s: string, separators: RegExp, count: number): number[] | undefined {
  const parts = s.split(separators);
  if (parts.length !== count) return undefined;
  const n = parts.map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
  return n.some(Number.isNaN) ? undefined : n;
}

const coercePoint = make(new QPoint(0, 0), (v) => {
  if (v instanceof QPoint) return v.$clone();
  if (typeof v === 'string') {
    const n = numbersIn(v, /,/, 2);
    if (n) return new QPoint(n[0]!, n[1]!);
  }
  // (a JavaScript object with x and y is a QJSValue, which Qt does not convert)
  return fail(v, 'point');
});

// (a default QSizeF is invalid: -1 x -1, measured with Qt 6.4.2)
const coerceSize = make(new QSize(-1, -1), (v) => {
  if (v instanceof QSize) return v.$clone();
  if (typeof v === 'string') {
    const n = numbersIn(v, /x/, 2);
    if (n) return new QSize(n[0]!, n[1]!);
  }
  return fail(v, 'size');
});

const coerceRect = make(new QRect(0, 0, 0, 0), (v) => {
  if (v instanceof QRect) return v.$clone();
  if (typeof v === 'string') {
    const n = numbersIn(v, /[,x]/, 4);
    if (n && /^[^x]*,[^x]*,[^x,]*x[^x,]*$/.test(v)) return new QRect(n[0]!, n[1]!, n[2]!, n[3]!);
  }
  return fail(v, 'rect');
});

/** vector2d/3d/4d and quaternion: a value of the type, or its string form ("1,2,3"). */
function tupleCoercer<T extends ValueType>(
  type: string,
  cls: abstract new (...args: never[]) => T,
  count: number,
  make_: (n: number[]) => T,
  initial: number[] = new Array(count).fill(0),
): Coercer {
  return make(make_(initial), (v) => {
    if (v instanceof cls) return v.$clone();
    if (typeof v === 'string') {
      const n = numbersIn(v, /,/, count);
      if (n) return make_(n);
    }
    return fail(v, type);
  });
}

const coerceList = make(null, (v) => {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.slice();
  return listElements(v) ?? [v];
});

/**
 * A string as QVariant converts it to a double (QLocale's C locale): a
 * decimal number, `inf` or `nan`, not `infinity` nor one that overflows;
 * undefined when it does not convert.
 */
function variantDouble(s: string): number | undefined {
  const t = s.trim();
  if (DECIMAL.test(t)) {
    const n = Number(t);
    return Number.isFinite(n) ? n : undefined;
  }
  if (/^[+-]?inf$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  return /^nan$/i.test(t) ? Number.NaN : undefined;
}

/**
 * An element of a `list<int>`, `list<real>`, `list<bool>` or `list<string>`,
 * converted as Qt converts a QVariant (measured: lang/list_sequence_conversion):
 * a double rounds to an int; a string must read as a number; bools are
 * JavaScript truthiness; numbers are strings as QString::number makes them.
 * What does not convert gives 0 or "" (`fail`, with Qt's name of the value's
 * type, is called then). Undefined for other element types.
 */
export function sequenceElement(
  type: string,
): ((v: unknown, fail: (from: string) => void) => unknown) | undefined {
  const from = (v: unknown) =>
    v === undefined
      ? ''
      : v === null
        ? 'std::nullptr_t'
        : Array.isArray(v)
          ? 'QVariantList'
          : typeof v === 'object'
            ? 'QVariantMap'
            : 'QString';
  switch (type) {
    case 'int':
    case 'real':
    case 'double':
      return (v, fail) => {
        let n: number | undefined;
        if (typeof v === 'number') n = v;
        else if (typeof v === 'boolean') n = v ? 1 : 0;
        else if (typeof v === 'string')
          n = type === 'int' ? (/^[+-]?\d+$/.test(v.trim()) ? Number(v) : undefined) : variantDouble(v);
        if (n === undefined) {
          fail(from(v));
          return 0;
        }
        // (QVariant: rounded to a 64-bit integer, then its low 32 bits)
        return type === 'int' ? roundHalfAway(n) | 0 : n;
      };
    case 'bool':
      return (v) => Boolean(v);
    case 'string':
      return (v, fail) => {
        if (typeof v === 'string') return v;
        if (typeof v === 'number') return numberToQString(v);
        if (typeof v === 'boolean') return String(v);
        if (v === null) return '';
        if (Array.isArray(v)) return arrayToString(v, null);
        fail(from(v));
        return '';
      };
    default:
      return undefined;
  }
}

/**
 * A whole array written to a list of `type` elements: each converted, with
 * Qt's warning for those that do not convert (Qt's name of the element type).
 */
export function sequenceCoercer(type: string): Coercer | undefined {
  const element = sequenceElement(type);
  if (element === undefined) return undefined;
  const to = type === 'int' ? 'int' : type === 'string' ? 'QString' : type === 'bool' ? 'bool' : 'double';
  return make(null, (v, obj) => {
    const values = coerceList(v, obj) as unknown[];
    return values.map((e, i) => element(e, (from) => warnArrayValue(obj, i, from, to)));
  });
}

/** Object-typed properties (`Item`, `QtObject`, `Component`, ...): an object of that type, or null. */
function objectCoercer(type: string, cppClass?: () => string): Coercer {
  return make(null, (v) => {
    // (undefined is refused: "Cannot assign [undefined] to QQuickItem*", measured)
    if (v === null) return null;
    if (typeof v === 'object' && '$meta' in (v as object)) {
      // (any object is a QtObject; an Item property takes only items: Qt refuses a QtObject there)
      if (type === 'QtObject' || type === 'QObject' || isA((v as { $meta: TypeChain }).$meta, type)) return v;
    }
    return fail(v, `${cppClass?.() ?? cppClassNames.get(type) ?? type}*`);
  });
}

interface TypeChain {
  readonly name: string;
  readonly base: TypeChain | null;
}

function isA(meta: TypeChain, type: string): boolean {
  for (let m: TypeChain | null = meta; m !== null; m = m.base) if (m.name === type) return true;
  return false;
}

const coercers: Record<string, Coercer> = {
  vector2d: tupleCoercer('vector2d', QVector2D, 2, (n) => new QVector2D(n[0]!, n[1]!)),
  vector3d: tupleCoercer('vector3d', QVector3D, 3, (n) => new QVector3D(n[0]!, n[1]!, n[2]!)),
  vector4d: tupleCoercer('vector4d', QVector4D, 4, (n) => new QVector4D(n[0]!, n[1]!, n[2]!, n[3]!)),
  // (a default QQuaternion is the identity: scalar 1)
  quaternion: tupleCoercer(
    'quaternion',
    QQuaternion,
    4,
    (n) => new QQuaternion(n[0]!, n[1]!, n[2]!, n[3]!),
    [1, 0, 0, 0],
  ),
  matrix4x4: make(new QMatrix4x4(), (v) => {
    if (v instanceof QMatrix4x4) return v.$clone();
    return fail(v, 'matrix4x4');
  }),
  int: coerceInt,
  enumeration: coerceEnum,
  real: coerceReal,
  double: coerceReal,
  number: coerceReal,
  bool: coerceBool,
  string: coerceString,
  url: coerceUrl,
  color: coerceColor,
  var: coerceVar,
  variant: coerceVar,
  point: coercePoint,
  size: coerceSize,
  rect: coerceRect,
  list: coerceList,
  date: coerceDate,
  font: coerceVar,
  // Qt's QJSValue properties (Rectangle.gradient): any value, objects included.
  QJSValue: coerceVar,
};

/** How a property of `type` converts what it is given (`cppClass`: the class an object type's messages name). */
export function coercerFor(type: string, cppClass?: () => string): Coercer {
  return coercers[type] ?? objectCoercer(type, cppClass);
}

const sameUrl = (a: unknown, b: unknown) => a === b || String(a) === String(b);

/** A QML-declared var property notifies on every assignment, even of the same value (measured: var_property). */
export const neverEqual = (): boolean => false;

const strictlyEqual = (a: unknown, b: unknown) => a === b;

const identical = (a: unknown, b: unknown) =>
  a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));

const sameTime = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());

const sameValue = (a: unknown, b: unknown) => a === b || (a instanceof ValueType && a.$equals(b));

const sameList = (a: unknown, b: unknown) => {
  if (a === b) return true;
  const x = a as unknown[];
  const y = b as unknown[];
  if (!x || !y || x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
};

export function equalsFor(type: string): (a: unknown, b: unknown) => boolean {
  switch (type) {
    case 'color':
    case 'point':
    case 'size':
    case 'rect':
    case 'vector2d':
    case 'vector3d':
    case 'vector4d':
    case 'quaternion':
    case 'matrix4x4':
      return sameValue;
    // A real notifies NaN -> NaN (measured: changed_only_on_real_change).
    case 'real':
    case 'double':
    case 'number':
      return strictlyEqual;
    case 'list':
      return sameList;
    case 'url':
      return sameUrl;
    case 'date':
      return sameTime;
    default:
      return identical;
  }
}
