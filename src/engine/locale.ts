// QML's Locale (Qt.locale()) and the locale methods Qt adds to Date and
// Number (qqmllocale.cpp): Date.prototype.toLocaleString/DateString/
// TimeString, Date.fromLocaleString/DateString/TimeString, Number.prototype.
// toLocaleString/toLocaleCurrencyString and Number.fromLocaleString.
//
// The C locale (the default, as Qt's with LANG=C) is Qt's, measured. Named
// locales take their data from the browser's (or Node's) CLDR through Intl,
// put in Qt's terms: format patterns rebuilt from formatted parts, names,
// symbols, grouping. CLDR versions differ, so a name or pattern may differ
// from Qt 6.4's tables in details.
//
// Loaded with the first file whose text speaks of locales (engine.ts).
import { C_DATE_NAMES, formatDateTime, localDigits, timeZoneName } from './globals';
import { QmlDate } from './qmldate';

/** The Locale type's enums, as QML code reads them (`Locale.ShortFormat`; not enumerable, as in Qt). */
export const LOCALE_ENUMS: Readonly<Record<string, number>> = enums({
  LongFormat: 0,
  ShortFormat: 1,
  NarrowFormat: 2,
  CurrencyIsoCode: 0,
  CurrencySymbol: 1,
  CurrencyDisplayName: 2,
  MetricSystem: 0,
  ImperialUSSystem: 1,
  ImperialUKSystem: 2,
  ImperialSystem: 1,
  DefaultNumberOptions: 0,
  OmitGroupSeparator: 1,
  RejectGroupSeparator: 2,
  OmitLeadingZeroInExponent: 4,
  RejectLeadingZeroInExponent: 8,
  IncludeTrailingZeroesAfterDot: 16,
  RejectTrailingZeroesAfterDot: 32,
  DataSizeIecFormat: 0,
  DataSizeTraditionalFormat: 2,
  DataSizeSIFormat: 3,
  Sunday: 0,
  Monday: 1,
  Tuesday: 2,
  Wednesday: 3,
  Thursday: 4,
  Friday: 5,
  Saturday: 6,
});

function enums(values: Record<string, number>): Readonly<Record<string, number>> {
  const o: Record<string, number> = {};
  for (const [k, v] of Object.entries(values)) Object.defineProperty(o, k, { value: v, enumerable: false });
  return Object.freeze(o);
}

/** Names in three widths: long, short, narrow (Locale.LongFormat, ShortFormat, NarrowFormat). */
type Widths = [string[], string[], string[]];

interface LocaleData {
  name: string;
  /** The BCP 47 tag Intl formats with; null for the C locale. */
  tag: string | null;
  decimalPoint: string;
  groupSeparator: string;
  percent: string;
  zeroDigit: string;
  negativeSign: string;
  positiveSign: string;
  exponential: string;
  amText: string;
  pmText: string;
  firstDayOfWeek: number;
  weekDays: number[];
  measurementSystem: number;
  textDirection: number;
  nativeLanguageName: string;
  nativeTerritoryName: string;
  uiLanguages: string[];
  /** Long, short and narrow date formats; time formats. */
  dateFormats: [string, string, string];
  timeFormats: [string, string, string];
  months: Widths;
  standaloneMonths: Widths;
  days: Widths;
  standaloneDays: Widths;
  /** Digits in the leading group, in the others, and the fewest digits before a first separator. */
  grouping: [number, number, number];
  /** ISO code, symbol and display name of the territory's currency ('' when none). */
  currency: [string, string, string];
}

const [LONG_MONTHS, SHORT_MONTHS] = C_DATE_NAMES.months as string[][];
const [LONG_DAYS, SHORT_DAYS] = C_DATE_NAMES.days as string[][];
const NUMBERED_MONTHS = LONG_MONTHS!.map((_, i) => String(i + 1));
/** (the C locale's narrow day names are Qt::DayOfWeek numbers, Sunday 7) */
const NUMBERED_DAYS = ['7', '1', '2', '3', '4', '5', '6'];

/** QLocale::c(): English names, numeric narrow names (letters standalone), no currency (measured). */
const C_DATA: LocaleData = {
  name: 'C',
  tag: null,
  decimalPoint: '.',
  groupSeparator: ',',
  percent: '%',
  zeroDigit: '0',
  negativeSign: '-',
  positiveSign: '+',
  exponential: 'e',
  amText: 'AM',
  pmText: 'PM',
  firstDayOfWeek: 1,
  weekDays: [1, 2, 3, 4, 5],
  measurementSystem: 0,
  textDirection: 0,
  nativeLanguageName: '',
  nativeTerritoryName: '',
  uiLanguages: ['C'],
  dateFormats: ['dddd, d MMMM yyyy', 'd MMM yyyy', 'd MMM yyyy'],
  timeFormats: ['HH:mm:ss t', 'HH:mm:ss', 'HH:mm:ss'],
  months: [LONG_MONTHS!, SHORT_MONTHS!, NUMBERED_MONTHS],
  standaloneMonths: [LONG_MONTHS!, SHORT_MONTHS!, LONG_MONTHS!.map((n) => n[0]!)],
  days: [LONG_DAYS!, SHORT_DAYS!, NUMBERED_DAYS],
  standaloneDays: [LONG_DAYS!, SHORT_DAYS!, LONG_DAYS!.map((n) => n[0]!)],
  grouping: [3, 3, 1],
  currency: ['', '', ''],
};

// ---- named locales, from Intl -------------------------------------------------------

/** The currency of a territory (CLDR's), for the territories most locales name. */
const CURRENCIES: Record<string, string> = {
  US: 'USD',
  GB: 'GBP',
  JP: 'JPY',
  CN: 'CNY',
  RU: 'RUB',
  EG: 'EGP',
  IN: 'INR',
  BR: 'BRL',
  SE: 'SEK',
  PL: 'PLN',
  KR: 'KRW',
  TR: 'TRY',
  CA: 'CAD',
  AU: 'AUD',
  CH: 'CHF',
  NO: 'NOK',
  DK: 'DKK',
  CZ: 'CZK',
  HU: 'HUF',
  MX: 'MXN',
  AR: 'ARS',
  ZA: 'ZAR',
  IL: 'ILS',
  SA: 'SAR',
  AE: 'AED',
  TW: 'TWD',
  HK: 'HKD',
  SG: 'SGD',
  NZ: 'NZD',
  UA: 'UAH',
  TH: 'THB',
  ID: 'IDR',
  MY: 'MYR',
  PH: 'PHP',
  VN: 'VND',
  RO: 'RON',
  BG: 'BGN',
  IS: 'ISK',
  CL: 'CLP',
  CO: 'COP',
  PE: 'PEN',
  NG: 'NGN',
  KE: 'KES',
  PK: 'PKR',
  BD: 'BDT',
  IR: 'IRR',
  IQ: 'IQD',
  MA: 'MAD',
  DZ: 'DZD',
  TN: 'TND',
  RS: 'RSD',
  BY: 'BYN',
  KZ: 'KZT',
  GE: 'GEL',
};
for (const t of 'DE FR ES IT NL BE AT FI IE PT GR LU SK SI EE LV LT MT CY HR'.split(' '))
  CURRENCIES[t] = 'EUR';

/** Territories measured in US and UK imperial units (Locale.ImperialUSSystem, ImperialUKSystem). */
const IMPERIAL_US = new Set(['US', 'LR', 'MM']);
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

const SAMPLE = new Date(Date.UTC(2020, 0, 2, 3, 4, 5));
/** Qt's locales count in the Gregorian calendar (fa_IR's default is the Persian one), in UTC. */
const GREGORIAN = { calendar: 'gregory', timeZone: 'UTC' } as const;

function parts(tag: string, options: Intl.DateTimeFormatOptions, date = SAMPLE): Intl.DateTimeFormatPart[] {
  return new Intl.DateTimeFormat(tag, { ...options, ...GREGORIAN }).formatToParts(date);
}

function partOf(list: Intl.DateTimeFormatPart[] | Intl.NumberFormatPart[], type: string): string {
  return (list as Array<{ type: string; value: string }>).find((p) => p.type === type)?.value ?? '';
}

/**
 * Each month's name (UTC mid-month), standalone or as in a date with a day;
 * where the name is a number with a suffix (`1月`), the month alone formatted.
 */
function monthNames(tag: string, width: 'long' | 'short' | 'narrow', inDate: boolean): string[] {
  return LONG_MONTHS!.map((_, m) => {
    const d = new Date(Date.UTC(2021, m, 15));
    const name = partOf(parts(tag, inDate ? { month: width, day: 'numeric' } : { month: width }, d), 'month');
    if (width === 'narrow' || !/^\p{Nd}+$/u.test(name)) return name;
    return new Intl.DateTimeFormat(tag, { month: width, ...GREGORIAN }).format(d);
  });
}

/** Each weekday's name, Sunday first (3 Jan 2021 was a Sunday). */
function dayNames(tag: string, width: 'long' | 'short' | 'narrow', inDate: boolean): string[] {
  return LONG_DAYS!.map((_, i) => {
    const d = new Date(Date.UTC(2021, 0, 3 + i));
    const o: Intl.DateTimeFormatOptions = inDate
      ? { weekday: width, day: 'numeric', month: 'long' }
      : { weekday: width };
    return partOf(parts(tag, o, d), 'weekday');
  });
}

/** Literal text in a Qt format: letters quoted (`'de'`, `'г'`), quotes doubled; CJK text as it is. */
function literal(text: string): string {
  // (Qt 6.4's CLDR puts a plain space where newer data has a narrow no-break space)
  const t = text.replace(/\u202f/g, ' ').replace(/'/g, "''");
  return t.replace(/[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]+/gu, "'$&'");
}

/** A CLDR date or time style as a Qt format, rebuilt from the parts of 2 January 2020, 03:04:05. */
function patternOf(
  tag: string,
  options: Intl.DateTimeFormatOptions,
  longMonths: string[],
  longDays: string[],
): string {
  const fmt = new Intl.DateTimeFormat(tag, { ...options, ...GREGORIAN });
  const twelve = /^h1[12]$/.test(fmt.resolvedOptions().hourCycle ?? '');
  let out = '';
  for (const p of fmt.formatToParts(SAMPLE)) {
    const n = p.value.length;
    switch (p.type) {
      case 'weekday':
        out += p.value === longDays[SAMPLE.getUTCDay()] ? 'dddd' : 'ddd';
        break;
      case 'day':
        out += n > 1 ? 'dd' : 'd';
        break;
      case 'month':
        if (/^\p{Nd}+$/u.test(p.value)) out += n > 1 ? 'MM' : 'M';
        else out += p.value === longMonths[0] ? 'MMMM' : 'MMM';
        break;
      case 'year':
        out += n === 2 ? 'yy' : 'yyyy';
        break;
      case 'hour':
        out += (twelve ? 'h' : 'H').repeat(n > 1 ? 2 : 1);
        break;
      case 'minute':
        out += n > 1 ? 'mm' : 'm';
        break;
      case 'second':
        out += n > 1 ? 'ss' : 's';
        break;
      case 'dayPeriod':
        out += 'AP';
        break;
      case 'timeZoneName':
        out += 't';
        break;
      case 'literal':
        out += literal(p.value);
        break;
    }
  }
  return out;
}

/** Digits in the integer groups Intl makes of 1234567890 (leading, others) and of 1234 (fewest to group). */
function groupingOf(tag: string): [number, number, number] {
  const nf = new Intl.NumberFormat(tag);
  const ints = nf
    .formatToParts(1234567890)
    .filter((p) => p.type === 'integer')
    .map((p) => p.value.length);
  if (ints.length < 2) return [3, 3, 1];
  const primary = ints[ints.length - 1]!;
  const secondary = ints.length > 2 ? ints[ints.length - 2]! : primary;
  const min = nf.formatToParts(1234).some((p) => p.type === 'group') ? 1 : 2;
  return [primary, secondary, min];
}

function weekInfo(locale: Intl.Locale): { firstDay: number; weekend: number[] } {
  const l = locale as unknown as {
    getWeekInfo?: () => { firstDay: number; weekend: number[] };
    weekInfo?: { firstDay: number; weekend: number[] };
  };
  return l.getWeekInfo?.() ?? l.weekInfo ?? { firstDay: 1, weekend: [6, 7] };
}

function fromIntl(tag: string, full: Intl.Locale): LocaleData {
  const language = full.language;
  const region = full.region ?? '';
  const nf = (o: Intl.NumberFormatOptions = {}) => new Intl.NumberFormat(tag, o);
  const numberParts = nf().formatToParts(-1234567.5);
  // A sign or percent with the bidi marks written around it (`؜-`, `٪؜`), as Qt keeps them.
  const signOf = (list: Intl.NumberFormatPart[], type: string) => {
    const i = list.findIndex((p) => p.type === type);
    if (i < 0) return '';
    const mark = (k: number) =>
      list[k]?.type === 'literal' && /^[\u061c\u200e\u200f]+$/.test(list[k]!.value) ? list[k]!.value : '';
    return mark(i - 1) + list[i]!.value + mark(i + 1);
  };
  const longMonths = monthNames(tag, 'long', true);
  // (Qt 6.4's CLDR has a no-break space where newer data has a narrow one: `a. m.`)
  const period = (h: number) =>
    partOf(parts(tag, { hour: 'numeric', hourCycle: 'h12' }, new Date(Date.UTC(2020, 0, 2, h))), 'dayPeriod');
  const week = weekInfo(full);
  const qtDay = (d: number) => d % 7;
  const weekDays = [1, 2, 3, 4, 5, 6, 7].filter((d) => !week.weekend.includes(d)).map(qtDay);
  const display = (type: 'language' | 'region' | 'currency', code: string) => {
    try {
      return new Intl.DisplayNames([tag], { type }).of(code) ?? '';
    } catch {
      return '';
    }
  };
  let languageName = display(
    'language',
    full.script === 'Hans' || full.script === 'Hant' ? `${language}-${full.script}` : `${language}-${region}`,
  );
  if (languageName.includes('(') || languageName.includes('（')) languageName = display('language', language);
  const iso = CURRENCIES[region] ?? '';
  const symbol = iso ? partOf(nf({ style: 'currency', currency: iso }).formatToParts(1), 'currency') : '';
  const base = new Intl.Locale(language).maximize();
  const uiLanguages = [`${language}-${full.script}-${region}`, `${language}-${region}`];
  if (base.region === region) uiLanguages.push(language);
  const longDays = dayNames(tag, 'long', true);
  const dateLong = patternOf(tag, { dateStyle: 'full' }, longMonths, longDays);
  const dateShort = patternOf(tag, { dateStyle: 'short' }, longMonths, longDays);
  const timeLong = patternOf(tag, { timeStyle: 'full' }, longMonths, longDays);
  const timeShort = patternOf(tag, { timeStyle: 'short' }, longMonths, longDays);
  return {
    name: `${language}_${region}`,
    tag,
    decimalPoint: partOf(numberParts, 'decimal') || '.',
    groupSeparator: partOf(numberParts, 'group') || ',',
    percent: signOf(nf({ style: 'percent' }).formatToParts(0.5), 'percentSign') || '%',
    zeroDigit: nf().format(0),
    negativeSign: signOf(numberParts, 'minusSign') || '-',
    positiveSign: signOf(nf({ signDisplay: 'always' }).formatToParts(1), 'plusSign') || '+',
    exponential: partOf(nf({ notation: 'scientific' }).formatToParts(1234.5), 'exponentSeparator') || 'E',
    amText: (period(3) || 'AM').replace(/\u202f/g, '\u00a0'),
    pmText: (period(15) || 'PM').replace(/\u202f/g, '\u00a0'),
    firstDayOfWeek: qtDay(week.firstDay),
    weekDays,
    measurementSystem: IMPERIAL_US.has(region) ? 1 : region === 'GB' ? 2 : 0,
    textDirection: RTL_LANGUAGES.has(language) ? 1 : 0,
    nativeLanguageName: languageName,
    nativeTerritoryName: display('region', region),
    uiLanguages,
    dateFormats: [dateLong, dateShort, dateShort],
    timeFormats: [timeLong, timeShort, timeShort],
    months: [longMonths, monthNames(tag, 'short', true), monthNames(tag, 'narrow', true)],
    standaloneMonths: [
      monthNames(tag, 'long', false),
      monthNames(tag, 'short', false),
      monthNames(tag, 'narrow', false),
    ],
    days: [longDays, dayNames(tag, 'short', true), dayNames(tag, 'narrow', true)],
    standaloneDays: [
      dayNames(tag, 'long', false),
      dayNames(tag, 'short', false),
      dayNames(tag, 'narrow', false),
    ],
    grouping: groupingOf(tag),
    currency: [iso, symbol, iso ? display('currency', iso) : ''],
  };
}

const byName = new Map<string, LocaleData>();

/**
 * The data of the locale Qt.locale(name) names: `de`, `de_DE`, `de-DE`;
 * the C locale for an empty name, `C`, or one no data exists for.
 */
function localeData(name: string): LocaleData {
  let data = byName.get(name);
  if (data !== undefined) return data;
  data = C_DATA;
  if (name !== '' && name !== 'C' && name !== 'POSIX') {
    try {
      const requested = new Intl.Locale(name.replace(/_/g, '-'));
      const full = requested.maximize();
      if (Intl.DateTimeFormat.supportedLocalesOf(requested.toString()).length > 0 && full.region) {
        // (with a script only when asked for: ICU takes `ar-Arab-EG` to mean Latin digits)
        const tag = requested.script
          ? `${full.language}-${full.script}-${full.region}`
          : `${full.language}-${full.region}`;
        data = byName.get(tag) ?? fromIntl(tag, full);
        byName.set(tag, data);
      }
    } catch {
      // not a locale name: the C locale, as Qt
    }
  }
  byName.set(name, data);
  return data;
}

// ---- numbers --------------------------------------------------------------------------

/** Qt's shortest-round-trip precision (QLocale::FloatingPointShortest). */
const SHORTEST = -128;

/** Digits, a point and an exponent in ASCII, as QLocale::toString(double, format, precision) lays them out. */
function plainNumber(
  v: number,
  format: string,
  precision: number,
  options: number,
): { text: string; exp: boolean } {
  const a = Math.abs(v);
  let kind = format.toLowerCase();
  if (kind !== 'e' && kind !== 'g') kind = 'f';
  const shortest = precision === SHORTEST;
  let p = precision < 0 && !shortest ? 6 : precision;
  if (kind === 'g') {
    if (a === 0) return { text: '0', exp: false };
    // (JavaScript gives at most 101 significant digits)
    p = Math.min(p, 101);
    const e = Number((shortest ? a.toExponential() : a.toExponential(Math.max(p, 1) - 1)).split('e')[1]);
    const digits = shortest ? a.toExponential().split('e')[0]!.replace('.', '').length : Math.max(p, 1);
    if (e < -4 || e >= digits) {
      kind = 'e';
      p = shortest ? SHORTEST : Math.max(p, 1) - 1;
    } else {
      kind = 'f';
      p = shortest ? SHORTEST : Math.max(digits - 1 - e, 0);
    }
    const r = plainNumber(v, kind, p, options);
    if (options & LOCALE_ENUMS.IncludeTrailingZeroesAfterDot!) return r;
    const [mantissa, exponent] = r.text.split('e');
    const trimmed = mantissa!.includes('.') ? mantissa!.replace(/\.?0+$/, '') : mantissa!;
    return { text: exponent === undefined ? trimmed : `${trimmed}e${exponent}`, exp: r.exp };
  }
  if (kind === 'e') {
    const [m, e] = (shortest ? a.toExponential() : a.toExponential(Math.min(p, 100))).split('e');
    const n = Number(e);
    const digits = String(Math.abs(n)).padStart(
      options & LOCALE_ENUMS.OmitLeadingZeroInExponent! ? 1 : 2,
      '0',
    );
    return { text: `${m}e${n < 0 ? '-' : '+'}${digits}`, exp: true };
  }
  if (shortest) {
    if (a < 1e21) return { text: a.toFixed(Math.min(fractionDigits(a), 100)), exp: false };
    return { text: BigInt(a).toString(), exp: false };
  }
  if (a >= 1e21) {
    const text = BigInt(a).toString();
    return { text: p > 0 ? `${text}.${'0'.repeat(p)}` : text, exp: false };
  }
  return { text: a.toFixed(Math.min(p, 100)), exp: false };
}

/** Digits after the point in a number's shortest round-trip form. */
function fractionDigits(a: number): number {
  const [m, e] = a.toExponential().split('e');
  const mantissaDecimals = (m!.split('.')[1] ?? '').length;
  return Math.max(0, mantissaDecimals - Number(e));
}

/** The integer digits with the locale's group separators (QLocale's grouping, minimum grouping included). */
function groupDigits(digits: string, data: LocaleData): string {
  // Qt 6.4 puts a separator where at least `least` digits stay before it,
  // so `es` writes 1234.567 (the leading group is not split off).
  const [primary, secondary, least] = data.grouping;
  let out = digits;
  for (let i = digits.length - primary; i >= least && i > 0; i -= secondary)
    out = `${out.slice(0, i)}${data.groupSeparator}${out.slice(i)}`;
  return out;
}

/** QLocale::toString(double, format, precision): `1,234.57`, `1.23E+03`, `nan`, `-inf`. */
export function formatNumber(data: LocaleData, v: number, format = 'f', precision = 6, options = 0): string {
  const upper = format === 'E' || format === 'G';
  // (-0 is written without a sign, as by Qt)
  const negative = v < 0;
  if (Number.isNaN(v)) return upper ? 'NAN' : 'nan';
  if (!Number.isFinite(v)) {
    const inf = upper ? 'INF' : 'inf';
    return negative ? `${data.negativeSign}${inf}` : inf;
  }
  const { text } = plainNumber(v, format, precision, options);
  const [mantissa, exponent] = text.split('e');
  const [int, frac] = mantissa!.split('.');
  let out = options & LOCALE_ENUMS.OmitGroupSeparator! ? int! : groupDigits(int!, data);
  if (frac !== undefined) out += data.decimalPoint + frac;
  out = localDigits(out, data.zeroDigit);
  if (exponent !== undefined) {
    const sign = exponent[0] === '-' ? data.negativeSign : data.positiveSign;
    const e = localDigits(exponent.slice(1), data.zeroDigit);
    const mark =
      data.tag === null ? (upper ? 'E' : 'e') : upper ? data.exponential.toUpperCase() : data.exponential;
    out += mark + sign + e;
  }
  const zero = /^[0.]*$/.test(mantissa!.replace(/e.*/, ''));
  return negative && !(zero && format.toLowerCase() === 'g' && text === '0') ? data.negativeSign + out : out;
}

/** QLocale::toDouble: the locale's digits, point and group separators, signs and exponent; null if not a number. */
function parseNumber(data: LocaleData, s: string): number | null {
  let t = s.trim();
  if (/^[+-]?inf$/i.test(t)) return t[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^nan$/i.test(t)) return Number.NaN;
  if (data.zeroDigit !== '0') {
    const base = data.zeroDigit.codePointAt(0)!;
    t = [...t]
      .map((c) => {
        const d = c.codePointAt(0)! - base;
        return d >= 0 && d <= 9 ? String(d) : c;
      })
      .join('');
  }
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  t = t.split(data.negativeSign).join('-').split(data.positiveSign).join('+');
  if (data.exponential !== 'e') t = t.replace(new RegExp(esc(data.exponential), 'i'), 'e');
  // (a space stands for a no-break space separator, as in Qt)
  const sep = data.groupSeparator;
  const group = sep === '\u00a0' || sep === '\u202f' ? `[${sep} ]` : esc(sep);
  const point = esc(data.decimalPoint);
  // Separators between groups of the locale's sizes; the leading group is
  // longer where the locale groups only from `least` digits on (es: `1234.567`).
  const [primary, secondary, least] = data.grouping;
  const lead = `\\d{1,${secondary + least - 1}}`;
  const m = new RegExp(
    `^([+-]?)(${lead}(?:${group}\\d{${secondary}})*${group}\\d{${primary}}|\\d+)?(?:${point}(\\d*))?(?:[eE]([+-]?\\d+))?$`,
  ).exec(t);
  if (m === null || (m[2] === undefined && (m[3] ?? '') === '')) return null;
  const int = (m[2] ?? '0').replace(new RegExp(group, 'g'), '');
  const v = Number(`${m[1]}${int}.${m[3] || '0'}e${m[4] ?? '0'}`);
  // (out of a double's range: not a number to Qt, nor is what underflows to 0)
  if (!Number.isFinite(v) || (v === 0 && /[1-9]/.test(int + (m[3] ?? '')))) return null;
  return v;
}

// ---- dates ----------------------------------------------------------------------------

/**
 * QLocale::toDateTime(text, format) for Qt's format letters: the fields it
 * names, the others from 1 January 1900, 00:00 (two-digit years are 19xx);
 * null when the text does not match.
 */
function parseDate(
  data: LocaleData,
  text: string,
  format: string,
  fields: 'date' | 'time' | 'datetime',
): Date | null {
  let y = 1900;
  let mo = 0;
  let day = 1;
  let h = 0;
  let mi = 0;
  let s = 0;
  let ms = 0;
  let pm: boolean | null = null;
  let twelveHour = false;
  let weekday = -1;
  let at = 0;
  const digits = (max: number, min = 1): number | null => {
    let t = '';
    while (t.length < max && at < text.length) {
      const c = text.codePointAt(at)!;
      const base = data.zeroDigit.codePointAt(0)!;
      const d = c >= 48 && c <= 57 ? c - 48 : c - base >= 0 && c - base <= 9 ? c - base : -1;
      if (d < 0) break;
      t += d;
      at += String.fromCodePoint(c).length;
    }
    return t.length >= min ? Number(t) : null;
  };
  const name = (lists: string[][]): number | null => {
    let best = -1;
    let length = 0;
    for (const list of lists)
      list.forEach((n, k) => {
        if (n.length > length && text.slice(at, at + n.length).toLowerCase() === n.toLowerCase()) {
          best = k;
          length = n.length;
        }
      });
    at += length;
    return best < 0 ? null : best;
  };
  const other = fields === 'date' ? /[hHmszaApPt]/ : fields === 'time' ? /[dMy]/ : null;
  for (let i = 0; i < format.length; ) {
    const c = format[i]!;
    let n = 1;
    while (format[i + n] === c) n++;
    if (c === "'") {
      let lit = '';
      i++;
      while (i < format.length && !(format[i] === "'" && format[i + 1] !== "'")) {
        lit += format[i];
        i += format[i] === "'" ? 2 : 1;
      }
      i++;
      if (text.slice(at, at + lit.length) !== lit) return null;
      at += lit.length;
      continue;
    }
    let used = n;
    let v: number | null = 0;
    if (other?.test(c) || !/[dMyhHmszaAt]/.test(c) || (c === 'y' && n === 1)) {
      used = 1;
      if (text[at] !== c) return null;
      at++;
    } else if (c === 'd') {
      used = Math.min(n, 4);
      v =
        used <= 2
          ? digits(2, used)
          : name(
              used === 4 ? [data.days[0], data.standaloneDays[0]] : [data.days[1], data.standaloneDays[1]],
            );
      if (v !== null) {
        if (used <= 2) day = v;
        else weekday = v;
      }
    } else if (c === 'M') {
      used = Math.min(n, 4);
      v =
        used <= 2
          ? digits(2, used)
          : name(
              used === 4
                ? [data.months[0], data.standaloneMonths[0]]
                : [data.months[1], data.standaloneMonths[1]],
            );
      if (v !== null) mo = used <= 2 ? v - 1 : v;
    } else if (c === 'y') {
      used = n >= 4 ? 4 : 2;
      v = digits(used, used);
      if (v !== null) y = used === 2 ? 1900 + v : v;
    } else if (c === 'h' || c === 'H') {
      used = Math.min(n, 2);
      v = digits(2, used);
      if (v !== null) h = v;
      twelveHour = c === 'h';
    } else if (c === 'm') {
      used = Math.min(n, 2);
      v = digits(2, used);
      if (v !== null) mi = v;
    } else if (c === 's') {
      used = Math.min(n, 2);
      v = digits(2, used);
      if (v !== null) s = v;
    } else if (c === 'z') {
      // (`zzz`: three digits of milliseconds; `z`: a fraction of a second, `5` is 500 ms)
      used = n >= 3 ? 3 : 1;
      const from = at;
      v = digits(3, used);
      if (v !== null) ms = used === 3 ? v : Math.round(v * 10 ** (3 - (at - from)));
    } else if (c === 'a' || c === 'A') {
      used = format[i + 1] === (c === 'A' ? 'P' : 'p') ? 2 : 1;
      v = name([[data.amText, data.pmText]]);
      if (v !== null) pm = v === 1;
    } else {
      used = 1;
      const zone = timeZoneName(new Date());
      if (text.slice(at, at + zone.length) !== zone) return null;
      at += zone.length;
    }
    if (v === null) return null;
    i += used;
  }
  if (at !== text.length) return null;
  if (pm !== null) {
    // (`h` with AP counts 0 or 12 to 12; `H` with AP must agree with it)
    if (twelveHour) {
      if (h > 12) return null;
      h = (h % 12) + (pm ? 12 : 0);
    } else if (h >= 12 !== pm) return null;
  }
  if (mo > 11 || day < 1 || h > 23 || mi > 59 || s > 59) return null;
  const date = new QmlDate(2000, mo, day, h, mi, s, ms);
  date.setFullYear(y);
  if (date.getMonth() !== mo || (weekday >= 0 && date.getDay() !== weekday)) return null;
  return date;
}

// ---- the Locale object ------------------------------------------------------------------

/** A Locale.FormatType argument: long when absent or LongFormat, narrow for NarrowFormat, short for anything else (as QLocale). */
function width(type: unknown): 0 | 1 | 2 {
  if (type === undefined) return 0;
  const t = Number(type);
  return t === 0 ? 0 : t === 2 ? 2 : 1;
}

/** A month or day number as Qt takes it (truncated; NaN is 0); Qt's error when out of range. */
function index(v: unknown, count: number, error: string): number {
  const n = Math.trunc(Number(v)) || 0;
  if (n < 0 || n >= count) throw new Error(`Locale: ${error}`);
  return n;
}

/** A QML Locale: what Qt.locale(name) returns. */
export class QmlLocale {
  /** @internal */
  readonly $data: LocaleData;
  /** @internal Locale.numberOptions (the C locale's own omits group separators; the default locale's does not). */
  $options: number;

  constructor(data: LocaleData, options: number) {
    this.$data = data;
    this.$options = options;
    Object.defineProperty(this, '$data', { enumerable: false });
    Object.defineProperty(this, '$options', { enumerable: false });
  }

  get name(): string {
    return this.$data.name;
  }
  get amText(): string {
    return this.$data.amText;
  }
  get pmText(): string {
    return this.$data.pmText;
  }
  get decimalPoint(): string {
    return this.$data.decimalPoint;
  }
  get groupSeparator(): string {
    return this.$data.groupSeparator;
  }
  get percent(): string {
    return this.$data.percent;
  }
  get zeroDigit(): string {
    return this.$data.zeroDigit;
  }
  get negativeSign(): string {
    return this.$data.negativeSign;
  }
  get positiveSign(): string {
    return this.$data.positiveSign;
  }
  get exponential(): string {
    return this.$data.exponential;
  }
  get firstDayOfWeek(): number {
    return this.$data.firstDayOfWeek;
  }
  get weekDays(): number[] {
    return [...this.$data.weekDays];
  }
  get measurementSystem(): number {
    return this.$data.measurementSystem;
  }
  get textDirection(): number {
    return this.$data.textDirection;
  }
  get nativeLanguageName(): string {
    return this.$data.nativeLanguageName;
  }
  get nativeTerritoryName(): string {
    return this.$data.nativeTerritoryName;
  }
  get nativeCountryName(): string {
    return this.$data.nativeTerritoryName;
  }
  get uiLanguages(): string[] {
    return [...this.$data.uiLanguages];
  }
  get numberOptions(): number {
    return this.$options;
  }
  set numberOptions(v: number) {
    this.$options = Number(v) | 0;
  }

  currencySymbol(format?: unknown): string {
    const [iso, symbol, name] = this.$data.currency;
    if (format === undefined) return symbol;
    const f = Number(format);
    return f === 0 ? iso : f === 1 ? symbol : f === 2 ? name : '';
  }
  dateFormat(type?: unknown): string {
    return this.$data.dateFormats[width(type)];
  }
  timeFormat(type?: unknown): string {
    return this.$data.timeFormats[width(type)];
  }
  dateTimeFormat(type?: unknown): string {
    return `${this.dateFormat(type)} ${this.timeFormat(type)}`;
  }
  monthName(month: unknown, type?: unknown): string {
    return this.$data.months[width(type)][index(month, 12, 'Invalid month')]!;
  }
  standaloneMonthName(month: unknown, type?: unknown): string {
    return this.$data.standaloneMonths[width(type)][index(month, 12, 'Invalid month')]!;
  }
  dayName(day: unknown, type?: unknown): string {
    return this.$data.days[width(type)][index(day, 8, 'Invalid day') % 7]!;
  }
  standaloneDayName(day: unknown, type?: unknown): string {
    return this.$data.standaloneDays[width(type)][index(day, 8, 'Invalid day') % 7]!;
  }

  /**
   * QLocale::formattedDataSize: `117.74 MiB`, `1.5 kB`. The format's bits:
   * 1 counts in thousands, 2 names the units kB, MB (Locale.DataSizeIecFormat
   * 0, DataSizeTraditionalFormat 2, DataSizeSIFormat 3); at most three
   * decimals per power (`1.500 KiB`), six for a negative precision.
   */
  formattedDataSize(bytes: unknown, precision: unknown = 2, format: unknown = 0): string {
    const n = Math.trunc(Number(bytes)) || 0;
    const f = Number(format) | 0;
    const base = f & 1 ? 1000 : 1024;
    const units =
      f & 2
        ? ['bytes', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB']
        : ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
    let power = 0;
    if (n !== 0) power = Math.min(Math.floor(Math.log(Math.abs(n)) / Math.log(base)), 6);
    // (a negative precision is 6 decimals, however small the power)
    const p = Number(precision) | 0;
    const decimals = p < 0 ? 6 : Math.min(p, 3 * power);
    const text =
      power === 0
        ? formatNumber(this.$data, n, 'f', 0, this.$options)
        : formatNumber(this.$data, n / base ** power, 'f', decimals, this.$options);
    return `${text} ${units[power]}`;
  }

  toString(): string {
    return '[object Object]';
  }
}

/** The default locale (Qt.locale()): the C locale, as Qt's with LANG=C (numbers grouped). */
let defaultLocale: QmlLocale | null = null;
function systemLocale(): QmlLocale {
  defaultLocale ??= new QmlLocale(C_DATA, 0);
  return defaultLocale;
}

/** Qt.locale(name): a new Locale object each call, as Qt's. */
export function qtLocale(name?: unknown): QmlLocale {
  if (name === undefined || name === null || name === '') return new QmlLocale(C_DATA, 0);
  const data = localeData(String(name));
  return new QmlLocale(data, data === C_DATA ? LOCALE_ENUMS.OmitGroupSeparator! : 0);
}

// ---- the methods Qt adds to Number and Date ---------------------------------------------

function fail(what: string, why = 'Invalid arguments'): never {
  throw new Error(`Locale: ${what}: ${why}`);
}

/** V4's Number.prototype.toLocaleString (the number's text), for arguments that are not a Locale. */
const v4Number = (v: number) => String(v);

/** Number.prototype.toLocaleString(locale, format, precision) as Qt's: `'f'` and 2 by default. */
export function numberToLocaleString(v: number, ...args: unknown[]): string {
  if (args.length > 3) fail('Number.toLocaleString()');
  if (args.length === 0) return formatNumber(systemLocale().$data, v, 'g', 6);
  const locale = args[0];
  if (!(locale instanceof QmlLocale)) return v4Number(v);
  let format = 'f';
  if (args.length > 1) {
    if (typeof args[1] !== 'string') fail('Number.toLocaleString()');
    if (args[1].length > 0) format = args[1][0]!;
  }
  let precision = 2;
  if (args.length > 2) {
    if (typeof args[2] !== 'number') fail('Number.toLocaleString()');
    precision = args[2] | 0;
  }
  return formatNumber(locale.$data, v, format, precision, locale.$options);
}

/** Number.prototype.toLocaleCurrencyString(locale, symbol): QLocale::toCurrencyString. */
export function numberToLocaleCurrencyString(v: number, ...args: unknown[]): string {
  if (args.length > 2) fail('Number.toLocaleCurrencyString()');
  // (the default locale has no currency: the number alone, as QLocale::toString(double) writes it)
  if (args.length === 0) return formatNumber(systemLocale().$data, v, 'g', 6);
  const locale = args[0];
  if (!(locale instanceof QmlLocale)) fail('Number.toLocaleCurrencyString()');
  let symbol: string | null = null;
  if (args.length > 1) {
    if (typeof args[1] !== 'string') fail('Number.toLocaleCurrencyString()');
    // (an empty symbol is the locale's own)
    if (args[1] !== '') symbol = args[1];
  }
  const data = locale.$data;
  const iso = data.currency[0];
  if (data.tag === null || iso === '') {
    const text = formatNumber(data, v, 'f', 2, locale.$options);
    return `${text}${symbol ?? data.currency[1]}`;
  }
  // The locale's currency pattern from Intl (symbol, sign, parentheses),
  // the amount written as the locale's numbers are (Qt's grouping).
  const nf = new Intl.NumberFormat(data.tag, {
    style: 'currency',
    currency: iso,
    currencySign: 'accounting',
  });
  const amount = v === 0 ? 0 : v;
  const digits = nf.resolvedOptions().maximumFractionDigits ?? 2;
  const number = formatNumber(data, Math.abs(amount), 'f', digits, locale.$options);
  let placed = false;
  return nf
    .formatToParts(amount)
    .map((p) => {
      if (p.type === 'currency') return symbol ?? p.value;
      if (p.type !== 'integer' && p.type !== 'group' && p.type !== 'decimal' && p.type !== 'fraction')
        return p.value;
      if (placed) return '';
      placed = true;
      return number;
    })
    .join('');
}

/** Number.fromLocaleString([locale,] text): QLocale::toDouble; Qt's error when it is not a number. */
export function numberFromLocaleString(...args: unknown[]): number {
  let locale = systemLocale();
  let text: unknown = args[0];
  if (args.length === 2 && args[0] instanceof QmlLocale) {
    locale = args[0];
    text = args[1];
  } else if (args.length !== 1) fail('Number.fromLocaleString()');
  const s = String(text);
  // (an empty text is not a number; a blank one is not a valid one)
  if (s === '') return Number.NaN;
  const v = parseNumber(locale.$data, s);
  if (v === null) fail('Number.fromLocaleString()', 'Invalid format');
  return v;
}

type DateKind = 'date' | 'time' | 'datetime';
const DATE_METHOD: Record<DateKind, string> = {
  datetime: 'toLocaleString',
  date: 'toLocaleDateString',
  time: 'toLocaleTimeString',
};
/** (Qt's words, its `loLocaleDateString` included) */
const FORMAT_ERROR: Record<DateKind, string> = {
  datetime: 'Date.toLocaleString(): Invalid datetime format',
  date: 'Date.loLocaleDateString(): Invalid date format',
  time: 'Date.toLocaleTimeString(): Invalid time format',
};

function formatOf(data: LocaleData, kind: DateKind, type: number): string {
  const w = width(type);
  if (kind === 'date') return data.dateFormats[w];
  if (kind === 'time') return data.timeFormats[w];
  return `${data.dateFormats[w]} ${data.timeFormats[w]}`;
}

/** Date.prototype.toLocaleString/DateString/TimeString(locale, format) as Qt's. */
function dateToLocale(kind: DateKind, d: Date, args: unknown[]): string {
  if (args.length === 0) return formatDateTime(d, formatOf(C_DATA, kind, 0), kind, C_DATA);
  const locale = args[0];
  // V4's own methods for more arguments or another first one: the default locale's short format.
  if (args.length > 2 || !(locale instanceof QmlLocale))
    return formatDateTime(d, formatOf(C_DATA, kind, 1), kind, C_DATA);
  const data = locale.$data;
  const format = args[1];
  if (args.length < 2) return formatDateTime(d, formatOf(data, kind, 0), kind, data);
  if (typeof format === 'string') return formatDateTime(d, format, kind, data);
  if (typeof format === 'number') return formatDateTime(d, formatOf(data, kind, format), kind, data);
  throw new Error(`Locale: ${FORMAT_ERROR[kind]}`);
}

const FROM_METHOD: Record<DateKind, string> = {
  datetime: 'fromLocaleString',
  date: 'fromLocaleDateString',
  time: 'fromLocaleTimeString',
};

/** Date.fromLocaleString/DateString/TimeString([locale,] text[, format]) as Qt's: an invalid date when it does not parse. */
function dateFromLocale(kind: DateKind, args: unknown[]): Date {
  const what = `Date.${FROM_METHOD[kind]}()`;
  let data = C_DATA;
  let text: string;
  let format: unknown = 0;
  if (args.length === 1 && typeof args[0] === 'string') text = args[0];
  else {
    if (args.length < 1 || args.length > 3 || !(args[0] instanceof QmlLocale)) fail(what);
    data = args[0].$data;
    text = args[1] === undefined || args[1] === null ? '' : String(args[1]);
    if (args.length === 3) {
      format = args[2];
      if (typeof format !== 'string' && typeof format !== 'number') fail(what, 'Invalid datetime format');
    }
  }
  const pattern = typeof format === 'string' ? format : formatOf(data, kind, format as number);
  const parsed = parseDate(data, text, pattern, kind);
  if (parsed === null) return new QmlDate(Number.NaN);
  if (kind === 'time') {
    const now = new QmlDate();
    now.setHours(parsed.getHours(), parsed.getMinutes(), parsed.getSeconds(), parsed.getMilliseconds());
    return now;
  }
  return parsed;
}

/** Puts the locale methods on QML's Date (qmldate.ts): once, when this module loads. */
function extendDate(): void {
  for (const kind of ['datetime', 'date', 'time'] as const) {
    Object.defineProperty(QmlDate.prototype, DATE_METHOD[kind], {
      configurable: true,
      writable: true,
      value(this: Date, ...args: unknown[]) {
        return dateToLocale(kind, this, args);
      },
    });
    Object.defineProperty(QmlDate, FROM_METHOD[kind], {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => dateFromLocale(kind, args),
    });
  }
  Object.defineProperty(QmlDate, 'timeZoneUpdated', {
    configurable: true,
    writable: true,
    value: (...args: unknown[]) => {
      if (args.length !== 0) fail('Date.timeZoneUpdated()');
    },
  });
}
extendDate();

/**
 * QML's Number: the built-in, with Qt's Number.fromLocaleString. Calls and
 * `new` go to the built-in; `Number.prototype` is the built-in's.
 */
export const QmlNumber: NumberConstructor = new Proxy(Number, {
  get: (target, key, receiver) =>
    key === 'fromLocaleString' ? numberFromLocaleString : Reflect.get(target, key, receiver),
});

/** `x.toLocaleString(...)` and `x.toLocaleCurrencyString(...)` in QML code: Qt's for numbers, the object's own otherwise. */
export function localeCall(object: unknown, method: string, args: unknown[]): unknown {
  if (typeof object === 'number') {
    if (method === 'toLocaleString') return numberToLocaleString(object, ...args);
    return numberToLocaleCurrencyString(object, ...args);
  }
  if (object instanceof Number) return localeCall(object.valueOf(), method, args);
  // Array.prototype.toLocaleString calls each element's own: Qt's for numbers and dates.
  if (Array.isArray(object) && method === 'toLocaleString')
    return object
      .map((e) => (e === null || e === undefined ? '' : String(localeCall(e, method, []))))
      .join(',');
  if (object instanceof Date && !(object instanceof QmlDate) && method === 'toLocaleString')
    return dateToLocale('datetime', object, args);
  return (object as Record<string, (...a: unknown[]) => unknown>)[method]!(...args);
}
