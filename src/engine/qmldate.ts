// QML code's Date: the page's own Date, with the text Qt's JavaScript
// engine (V4) gives a date (`Fri Jan 5 09:05:07 2024 GMT+0100`, where V8
// writes `Fri Jan 05 2024 09:05:07 GMT+0100 (Central European Standard
// Time)`). QML code and scripts see this class as `Date`; the page's Date
// is left as it is.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (n: number) => String(n).padStart(2, '0');

/**
 * QDate's year in text: at least 4 digits (0955). QDate has no year 0, so
 * JavaScript's year 0 is 1 BC, -001 (and -44 is -045).
 */
function year(y: number): string {
  return y <= 0 ? `-${String(1 - y).padStart(3, '0')}` : String(y).padStart(4, '0');
}

interface Fields {
  y: number;
  mo: number;
  d: number;
  wd: number;
  h: number;
  mi: number;
  s: number;
}

const LOCAL = [
  'getFullYear',
  'getMonth',
  'getDate',
  'getDay',
  'getHours',
  'getMinutes',
  'getSeconds',
] as const;
const UTC = [
  'getUTCFullYear',
  'getUTCMonth',
  'getUTCDate',
  'getUTCDay',
  'getUTCHours',
  'getUTCMinutes',
  'getUTCSeconds',
] as const;

function fieldsOf(t: Date, getters: typeof LOCAL | typeof UTC): Fields {
  const v = getters.map((g) => t[g]());
  return { y: v[0]!, mo: v[1]!, d: v[2]!, wd: v[3]!, h: v[4]!, mi: v[5]!, s: v[6]! };
}

const localFields = (t: Date) => fieldsOf(t, LOCAL);
const utcFields = (t: Date) => fieldsOf(t, UTC);

/** QDate::toString(Qt::TextDate): `Fri Jan 5 2024`. */
function dateText(f: Fields): string {
  return `${DAYS[f.wd]} ${MONTHS[f.mo]} ${f.d} ${year(f.y)}`;
}

/** QTime::toString(Qt::TextDate): `09:05:07`. */
function timeText(f: Fields): string {
  return `${two(f.h)}:${two(f.mi)}:${two(f.s)}`;
}

/** QDateTime::toString(Qt::TextDate): `Fri Jan 5 09:05:07 2024`. */
function dateTimeText(f: Fields): string {
  return `${DAYS[f.wd]} ${MONTHS[f.mo]} ${f.d} ${timeText(f)} ${year(f.y)}`;
}

const INVALID = 'Invalid Date';

/**
 * A date as a QString property takes it: QDateTime::toString(Qt::ISODateWithMs)
 * in local time (`2020-01-02T03:04:05.000`), empty when invalid (measured).
 */
export function isoDateTimeWithMs(t: Date): string {
  if (Number.isNaN(t.getTime())) return '';
  const f = localFields(t);
  return `${String(f.y).padStart(4, '0')}-${two(f.mo + 1)}-${two(f.d)}T${timeText(f)}.${String(t.getMilliseconds()).padStart(3, '0')}`;
}

/** V4's Date.prototype.toString: local time, then `GMT` and the offset from UTC unless it is 0. */
export function v4DateString(t: Date): string {
  if (Number.isNaN(t.getTime())) return INVALID;
  let text = `${dateTimeText(localFields(t))} GMT`;
  const offset = -Math.round(t.getTimezoneOffset());
  if (offset !== 0) {
    const a = Math.abs(offset);
    text += `${offset > 0 ? '+' : '-'}${two(Math.floor(a / 60))}${two(a % 60)}`;
  }
  return text;
}

export class QmlDate extends Date {
  override toString(): string {
    return v4DateString(this);
  }

  // (an invalid date has no date or time: empty, measured)
  override toDateString(): string {
    return Number.isNaN(this.getTime()) ? '' : dateText(localFields(this));
  }

  override toTimeString(): string {
    return Number.isNaN(this.getTime()) ? '' : timeText(localFields(this));
  }

  override toUTCString(): string {
    return Number.isNaN(this.getTime()) ? INVALID : `${dateTimeText(utcFields(this))} GMT`;
  }

  toGMTString(): string {
    return this.toUTCString();
  }
}

/**
 * The `Date` QML code sees: `new Date(...)` makes a QmlDate, `Date()` gives
 * the current time as text (as the built-in does), and the statics (now,
 * parse, UTC) are the built-in's.
 */
export const QmlDateConstructor = new Proxy(QmlDate, {
  apply: () => v4DateString(new Date()),
});
// (a date's constructor is the Date QML code sees: `d.constructor === Date`)
Object.defineProperty(QmlDate.prototype, 'constructor', {
  value: QmlDateConstructor,
  writable: true,
  configurable: true,
  enumerable: false,
});

/**
 * QDateTime::fromString(s, Qt::ISODate), as a `date` property takes a
 * string: `2024-03-05`, `2024-03-05T10:20`, `2024-03-05 10:20:30.250`, with
 * an optional `Z` or `+02:00`; local time without one. Null when Qt refuses it.
 */
export function parseIsoDate(s: string): QmlDate | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(
      s.trim(),
    );
  if (!m) return null;
  const n = (i: number) => Number(m[i] ?? 0);
  const [y, mo, d, h, mi, sec] = [n(1), n(2), n(3), n(4), n(5), n(6)];
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || sec > 59) return null;
  const zone = m[8];
  if (zone === undefined) {
    const t = new QmlDate(y, mo - 1, d, h, mi, sec, ms);
    t.setFullYear(y);
    return t;
  }
  let offset = 0;
  if (zone !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    offset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0));
  }
  const utc = Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offset * 60000;
  return new QmlDate(utc);
}
