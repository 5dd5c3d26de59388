/**
 * Unicode character properties and Qt's character attributes (line break
 * opportunities, grapheme boundaries, white space), ported from
 * qtbase/src/corelib/text/qunicodetools.cpp so that wrapping and eliding pick
 * the same break points as Qt 6.4.
 *
 * Property table format (generated/unicode-data.ts): uv tupleCount,
 * tupleCount × uv tuple, uv runCount, runCount × (uv code point delta, uv tuple index).
 * A tuple packs lineBreak (6 bits) | graphemeBreak << 6 (4 bits) | flags << 10
 * (6 bits) | script << 16.
 */
import { decodeBytes, Reader } from './font-data';
import { LINE_BREAK_CLASSES, SCRIPT_OT_TAGS, UNICODE_PROPS } from './generated/unicode-data';

// Qt's QUnicodeTables::LineBreakClass values (order matters).
export enum LB {
  OP = 0,
  CL,
  CP,
  QU,
  GL,
  NS,
  EX,
  SY,
  IS,
  PR,
  PO,
  NU,
  AL,
  HL,
  ID,
  IN,
  HY,
  BA,
  BB,
  B2,
  ZW,
  CM,
  WJ,
  H2,
  H3,
  JL,
  JV,
  JT,
  RI,
  CB,
  EB,
  EM,
  ZWJ,
  SA,
  SG,
  SP,
  CR,
  LF,
  BK,
}

export enum GCB {
  Other = 0,
  CR,
  LF,
  Control,
  Extend,
  ZWJ,
  RI,
  Prepend,
  SpacingMark,
  L,
  V,
  T,
  LV,
  LVT,
}

export enum CharFlag {
  Mark = 1,
  MathSymbol = 2,
  Separator = 4,
  ExtPict = 8,
  Unassigned = 16,
  NonSpacingMark = 32,
}

/** Script ids fit in a byte (checked by the table generator). */
export const SCRIPT_INHERITED = 1;
export const SCRIPT_COMMON = 2;

let table: Uint32Array | null = null;
let bmp: Uint16Array | null = null;
let runStarts: Uint32Array | null = null;
let runTuples: Uint16Array | null = null;

function init(): void {
  if (LINE_BREAK_CLASSES.length !== LB.BK + 1)
    throw new Error('unicode-data: line break classes out of sync');
  const r = new Reader(decodeBytes(UNICODE_PROPS));
  const tupleCount = r.uv();
  table = new Uint32Array(tupleCount);
  for (let i = 0; i < tupleCount; i++) table[i] = r.uv();
  const runCount = r.uv();
  runStarts = new Uint32Array(runCount);
  runTuples = new Uint16Array(runCount);
  let cp = 0;
  for (let i = 0; i < runCount; i++) {
    cp += r.uv();
    runStarts[i] = cp;
    runTuples[i] = r.uv();
  }
  bmp = new Uint16Array(0x10000);
  for (let i = 0; i < runCount; i++) {
    const start = runStarts[i]!;
    if (start >= 0x10000) break;
    const end = i + 1 < runCount ? Math.min(runStarts[i + 1]!, 0x10000) : 0x10000;
    bmp.fill(runTuples[i]!, start, end);
  }
}

/** Packed property tuple of a code point (see the format above). */
export function props(cp: number): number {
  if (table === null) init();
  if (cp < 0x10000) return table![bmp![cp]!]!;
  const starts = runStarts!;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= cp) lo = mid;
    else hi = mid - 1;
  }
  return table![runTuples![lo]!]!;
}

export const lineBreakOf = (p: number): LB => (p & 63) as LB;
export const graphemeOf = (p: number): GCB => ((p >> 6) & 15) as GCB;
export const flagsOf = (p: number): number => (p >> 10) & 63;
export const scriptOf = (p: number): number => p >>> 16;

/** OpenType script tag HarfBuzz selects for a script id ('' = none: DFLT). */
export function otScriptTag(script: number): string {
  return SCRIPT_OT_TAGS[script] ?? '';
}

/** Code point at UTF-16 index i (a lone surrogate is returned as is). */
export function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d < 0xe000) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** QChar::isSpace: Zs/Zl/Zp plus TAB..CR, U+0085 and U+00A0. */
export function isSpace(cp: number): boolean {
  if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d)) return true;
  if (cp < 0x80) return false;
  if (cp === 0x85 || cp === 0xa0) return true;
  return (flagsOf(props(cp)) & CharFlag.Separator) !== 0;
}

/** Characters with a <noBreak> decomposition (QChar::NoBreak): Qt's line breaker does not treat them as spaces. */
export function isNoBreak(cp: number): boolean {
  return cp === 0xa0 || cp === 0x0f0c || cp === 0x2007 || cp === 0x2011 || cp === 0x202f;
}

/** Per-UTF-16-unit attributes, like Qt's QCharAttributes (index len is the end of text). */
export interface CharAttributes {
  /** a line may break before this position */
  readonly lineBreak: Uint8Array;
  /** a grapheme cluster starts at this position (cursor stop) */
  readonly graphemeBoundary: Uint8Array;
  readonly whiteSpace: Uint8Array;
}

// ---------------------------------------------------------------- line breaks
enum Act {
  PB = 0,
  DB,
  IB,
  CI,
  CP,
  HH,
  IN,
}
// Pair table of qunicodetools.cpp (UAX #14 with Qt's tailorings), rows: class
// before, columns: class after, in LB order OP..EM.
const BREAK_TABLE_ROWS = [
  'PB,PB,PB,PB,PB,PB,PB,PB,PB,PB,PB,PB,PB,PB,PB,PB,PB,PB,PB,PB,PB,CP,PB,PB,PB,PB,PB,PB,PB,PB,PB,PB', // OP
  'DB,PB,PB,IB,IB,PB,PB,PB,PB,DB,DB,DB,DB,DB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB', // CL
  'DB,PB,PB,IB,IB,PB,PB,PB,PB,DB,DB,IB,IB,IB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB', // CP
  'PB,PB,PB,IB,IB,IB,PB,PB,PB,IB,IB,IB,IB,IB,IB,IB,IB,IB,IB,IB,PB,CI,PB,IB,IB,IB,IB,IB,IB,IB,IB,IB', // QU
  'IB,PB,PB,IB,IB,IB,PB,PB,PB,IB,IB,IB,IB,IB,IB,IB,IB,IB,IB,IB,PB,CI,PB,IB,IB,IB,IB,IB,IB,IB,IB,IB', // GL
  'DB,PB,PB,IB,IB,IB,PB,PB,PB,DB,DB,DB,DB,DB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB', // NS
  'DB,PB,PB,IB,IB,IB,PB,PB,PB,DB,DB,DB,DB,DB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB', // EX
  'DB,PB,PB,IB,IB,IB,PB,PB,PB,DB,DB,DB,DB,IB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB', // SY
  'DB,PB,PB,IB,IB,IB,PB,PB,PB,DB,DB,DB,IB,IB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB', // IS
  'DB,PB,PB,IB,IB,IB,PB,PB,PB,DB,DB,IB,IB,IB,IB,IB,IB,IB,DB,DB,PB,CI,PB,IB,IB,IB,IB,IB,DB,DB,IB,IB', // PR
  'DB,PB,PB,IB,IB,IB,PB,PB,PB,DB,DB,IB,IB,IB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB', // PO
  'IN,PB,PB,IB,IB,IB,PB,PB,PB,IB,IB,IB,IB,IB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB', // NU
  'IN,PB,PB,IB,IB,IB,PB,PB,PB,IB,IB,IB,IB,IB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB', // AL
  'IN,PB,PB,IB,IB,IB,PB,PB,PB,IB,IB,IB,IB,IB,DB,IB,CI,CI,DB,DB,PB,CI,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB', // HL
  'DB,PB,PB,IB,IB,IB,PB,PB,PB,DB,IB,DB,DB,DB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB', // ID
  'DB,PB,PB,IB,IB,IB,PB,PB,PB,DB,DB,DB,DB,DB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB', // IN
  'HH,PB,PB,IB,HH,IB,PB,PB,PB,HH,HH,IB,HH,HH,HH,IB,IB,IB,HH,HH,PB,CI,PB,HH,HH,HH,HH,HH,HH,DB,DB,DB', // HY
  'HH,PB,PB,IB,HH,IB,PB,PB,PB,HH,HH,HH,HH,HH,HH,IB,IB,IB,HH,HH,PB,CI,PB,HH,HH,HH,HH,HH,HH,DB,DB,DB', // BA
  'IB,PB,PB,IB,IB,IB,PB,PB,PB,IB,IB,IB,IB,IB,IB,IB,IB,IB,IB,IB,PB,CI,PB,IB,IB,IB,IB,IB,IB,DB,IB,IB', // BB
  'DB,PB,PB,IB,IB,IB,PB,PB,PB,DB,DB,DB,DB,DB,DB,IB,IB,IB,DB,PB,PB,CI,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB', // B2
  'DB,DB,DB,DB,DB,DB,DB,DB,DB,DB,DB,DB,DB,DB,DB,DB,DB,DB,DB,DB,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB,DB,DB', // ZW
  'IB,PB,PB,IB,IB,IB,PB,PB,PB,DB,DB,IB,IB,IB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB', // CM
  'IB,PB,PB,IB,IB,IB,PB,PB,PB,IB,IB,IB,IB,IB,IB,IB,IB,IB,IB,IB,PB,CI,PB,IB,IB,IB,IB,IB,IB,IB,IB,IB', // WJ
  'DB,PB,PB,IB,IB,IB,PB,PB,PB,DB,IB,DB,DB,DB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,IB,IB,DB,DB,DB,DB', // H2
  'DB,PB,PB,IB,IB,IB,PB,PB,PB,DB,IB,DB,DB,DB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,DB,IB,DB,DB,DB,DB', // H3
  'DB,PB,PB,IB,IB,IB,PB,PB,PB,DB,IB,DB,DB,DB,DB,IB,IB,IB,DB,DB,PB,CI,PB,IB,IB,IB,IB,DB,DB,DB,DB,DB', // JL
  'DB,PB,PB,IB,IB,IB,PB,PB,PB,DB,IB,DB,DB,DB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,IB,IB,DB,DB,DB,DB', // JV
  'DB,PB,PB,IB,IB,IB,PB,PB,PB,DB,IB,DB,DB,DB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,DB,IB,DB,DB,DB,DB', // JT
  'DB,PB,PB,IB,IB,IB,PB,PB,PB,DB,DB,DB,DB,DB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,DB,DB,IB,DB,DB,DB', // RI
  'DB,PB,PB,IB,IB,DB,PB,PB,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB,DB,DB,PB,CI,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB', // CB
  'DB,PB,PB,IB,IB,IB,PB,PB,PB,DB,IB,DB,DB,DB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,DB,DB,DB,DB,DB,IB', // EB
  'DB,PB,PB,IB,IB,IB,PB,PB,PB,DB,IB,DB,DB,DB,DB,IB,IB,IB,DB,DB,PB,CI,PB,DB,DB,DB,DB,DB,DB,DB,DB,DB', // EM
];
const ACT_OF: Record<string, Act> = {
  PB: Act.PB,
  DB: Act.DB,
  IB: Act.IB,
  CI: Act.CI,
  CP: Act.CP,
  HH: Act.HH,
  IN: Act.IN,
};
const BREAK_TABLE = new Uint8Array(32 * 32);
BREAK_TABLE_ROWS.forEach((row, r) => {
  const cells = row.split(',');
  if (cells.length !== 32) throw new Error(`line break table row ${r} has ${cells.length} entries`);
  for (let c = 0; c < 32; c++) BREAK_TABLE[r * 32 + c] = ACT_OF[cells[c]!]!;
});

// LB25 number sequences: (PR|PO)?(OP|HY)?NU(NU|SY|IS)*(CL|CP)?(PR|PO)?
enum NS {
  XX = 0,
  PRPO,
  OPHY,
  NU,
  SYIS,
  CLCP,
}
enum NA {
  None = 0,
  Start,
  Continue,
  Break,
}
// rows: last class, columns: current class
const NS_ACTIONS = [
  [NA.None, NA.Start, NA.Start, NA.Start, NA.None, NA.None],
  [NA.None, NA.Start, NA.Continue, NA.Continue, NA.None, NA.None],
  [NA.None, NA.Start, NA.Start, NA.Continue, NA.None, NA.None],
  [NA.Break, NA.Break, NA.Break, NA.Continue, NA.Continue, NA.Continue],
  [NA.Break, NA.Break, NA.Break, NA.Continue, NA.Continue, NA.Continue],
  [NA.Break, NA.Continue, NA.Break, NA.Break, NA.Break, NA.Break],
];

function nsClass(lbc: LB, flags: number): NS {
  switch (lbc) {
    case LB.AL:
      return flags & CharFlag.MathSymbol ? NS.SYIS : NS.XX;
    case LB.PR:
    case LB.PO:
      return NS.PRPO;
    case LB.OP:
    case LB.HY:
      return NS.OPHY;
    case LB.NU:
      return NS.NU;
    case LB.SY:
    case LB.IS:
      return NS.SYIS;
    case LB.CL:
    case LB.CP:
      return NS.CLCP;
    default:
      return NS.XX;
  }
}

/** East Asian Width F/W/H for opening punctuation (LB30): the CJK and fullwidth brackets. */
function isWideOpen(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef)
  );
}

interface LbState {
  nestart: number;
  nelast: NS;
  lcls: LB;
  cls: LB;
  lastProp: number;
}

const NO_CLS_UPDATE = 64;

/**
 * One step of Qt's getLineBreaks for the character at pos (class ncls).
 * Returns the (possibly resolved) class, plus NO_CLS_UPDATE where Qt jumps to
 * next_no_cls_update.
 */
function lbStep(st: LbState, out: Uint8Array, pos: number, ncls: LB, flags: number, ucs4: number): number {
  const lcls = st.lcls;
  if (lcls >= LB.CR) {
    // LB4: BK!, LB5: (CRxLF|CR|LF|NL)!
    if (lcls > LB.CR || ncls !== LB.LF) out[pos] = 1;
    if (ncls === LB.CM || ncls === LB.ZWJ) {
      st.cls = LB.AL;
      return ncls | NO_CLS_UPDATE;
    }
    return ncls;
  }
  if (ncls >= LB.SP) {
    // LB6: x(BK|CR|LF|NL), LB7: xSP
    return ncls > LB.SP ? ncls : ncls | NO_CLS_UPDATE;
  }
  // LB9: treat CM that doesn't follow SP, BK, CR, LF, NL, or ZW as X
  if ((ncls === LB.CM || ncls === LB.ZWJ) && lcls !== LB.ZW && lcls < LB.SP) return ncls | NO_CLS_UPDATE;
  if (lcls === LB.ZWJ) return ncls; // LB8a: ZWJ x

  // LB25: do not break lines inside numbers
  const necur = nsClass(ncls, flags);
  switch (NS_ACTIONS[st.nelast]![necur]) {
    case NA.Break:
      for (let j = st.nestart + 1; j < pos; ++j) out[j] = 0;
      st.nelast = NS.XX;
      break;
    case NA.None:
      st.nelast = NS.XX;
      break;
    case NA.Start:
      st.nestart = pos;
      st.nelast = necur;
      break;
    default:
      st.nelast = necur;
      break;
  }

  if (ncls === LB.RI && lcls === LB.RI) return LB.SP; // LB30a
  // LB30b
  if (
    ncls === LB.EM &&
    flagsOf(st.lastProp) & CharFlag.Unassigned &&
    flagsOf(st.lastProp) & CharFlag.ExtPict
  ) {
    return ncls;
  }

  if (st.cls >= LB.SA) st.cls = LB.AL;
  let tcls = st.cls;
  if (tcls === LB.CM || tcls === LB.ZWJ) tcls = LB.AL; // LB10
  const col = ncls < LB.ZWJ ? ncls : LB.AL;
  switch (BREAK_TABLE[tcls * 32 + col]) {
    case Act.DB:
      out[pos] = 1;
      break;
    case Act.IB:
      if (lcls === LB.SP) out[pos] = 1;
      break;
    case Act.CI:
      if (lcls !== LB.SP) return ncls | NO_CLS_UPDATE;
      out[pos] = 1;
      break;
    case Act.CP:
      if (lcls !== LB.SP) return ncls | NO_CLS_UPDATE;
      break;
    case Act.HH:
      if (lcls !== LB.HL) out[pos] = 1;
      break;
    case Act.IN:
      if (isWideOpen(ucs4) || lcls === LB.SP) out[pos] = 1;
      break;
    default:
      break;
  }
  return ncls;
}

/** Qt's getLineBreaks (qunicodetools.cpp): out[i] = 1 where a line may break before i. */
function getLineBreaks(s: string, out: Uint8Array): void {
  const len = s.length;
  const st: LbState = { nestart: 0, nelast: NS.XX, lcls: LB.LF, cls: LB.LF, lastProp: props(0x0a) };
  for (let i = 0; i !== len; ++i) {
    const pos = i;
    let ucs4 = s.charCodeAt(i);
    if (ucs4 >= 0xd800 && ucs4 < 0xdc00 && i + 1 !== len) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        ucs4 = ((ucs4 - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        ++i;
      }
    }
    const prop = props(ucs4);
    const flags = flagsOf(prop);
    let ncls = lineBreakOf(prop);
    // LB1: SA with category Mn or Mc resolves to CM (no SA character is Me)
    if (ncls === LB.SA && flags & CharFlag.Mark) ncls = LB.CM;
    // the step may alter pos-relative state; note that Qt's nestart is the
    // UTF-16 index i after a surrogate pair, pos otherwise
    const r = lbStep(st, out, pos, ncls, flags, ucs4);
    if (st.nestart === pos && i !== pos) st.nestart = i;
    const resolved = (r & 63) as LB;
    if (!(r & NO_CLS_UPDATE)) {
      st.cls = resolved;
      st.lastProp = prop;
    }
    st.lcls = resolved;
  }
  if (NS_ACTIONS[st.nelast]![NS.XX] === NA.Break) {
    for (let j = st.nestart + 1; j < len; ++j) out[j] = 0;
  }
  out[0] = 0; // LB2
  out[len] = 1; // LB3
}

// ---------------------------------------------------------------- graphemes
function getGraphemeBreaks(s: string, out: Uint8Array): void {
  const len = s.length;
  let last = -1; // previous GCB, -1 at start of text
  let riCount = 0;
  let pictSeq = false; // inside ExtPict Extend* (ZWJ)?
  let lastWasZwjAfterPict = false;
  for (let i = 0; i < len; i++) {
    const cp = codePointAt(s, i);
    const p = props(cp);
    const g = graphemeOf(p);
    const pict = (flagsOf(p) & CharFlag.ExtPict) !== 0;
    let brk: boolean;
    if (last < 0) brk = true;
    else if (last === GCB.CR && g === GCB.LF)
      brk = false; // GB3
    else if (last === GCB.CR || last === GCB.LF || last === GCB.Control)
      brk = true; // GB4
    else if (g === GCB.CR || g === GCB.LF || g === GCB.Control)
      brk = true; // GB5
    else if (last === GCB.L && (g === GCB.L || g === GCB.V || g === GCB.LV || g === GCB.LVT)) brk = false;
    else if ((last === GCB.LV || last === GCB.V) && (g === GCB.V || g === GCB.T)) brk = false;
    else if ((last === GCB.LVT || last === GCB.T) && g === GCB.T) brk = false;
    else if (g === GCB.Extend || g === GCB.ZWJ)
      brk = false; // GB9
    else if (g === GCB.SpacingMark)
      brk = false; // GB9a
    else if (last === GCB.Prepend)
      brk = false; // GB9b
    else if (lastWasZwjAfterPict && pict)
      brk = false; // GB11
    else if (last === GCB.RI && g === GCB.RI)
      brk = riCount % 2 === 0; // GB12/13
    else brk = true;
    if (brk) out[i] = 1;
    // state for GB11 and GB12/13
    lastWasZwjAfterPict = g === GCB.ZWJ && pictSeq;
    if (pict) pictSeq = true;
    else if (g !== GCB.Extend && g !== GCB.ZWJ) pictSeq = false;
    riCount = g === GCB.RI ? riCount + 1 : 0;
    last = g;
    if (cp > 0xffff) i++;
  }
  out[len] = 1;
}

/**
 * Qt's character attributes for a text, computed on first use: NoWrap layouts
 * never look at line breaks (a manual-wrap line never breaks), and grapheme
 * boundaries are needed only for WrapAnywhere, eliding and cursors.
 */
class LazyCharAttributes implements CharAttributes {
  private lb: Uint8Array | null = null;
  private gb: Uint8Array | null = null;
  private ws: Uint8Array | null = null;
  constructor(private readonly s: string) {}
  get lineBreak(): Uint8Array {
    if (!this.lb) {
      this.lb = new Uint8Array(this.s.length + 1);
      if (this.s.length > 0) getLineBreaks(this.s, this.lb);
      else this.lb[0] = 1;
    }
    return this.lb;
  }
  get graphemeBoundary(): Uint8Array {
    if (!this.gb) {
      this.gb = new Uint8Array(this.s.length + 1);
      if (this.s.length > 0) getGraphemeBreaks(this.s, this.gb);
      else this.gb[0] = 1;
    }
    return this.gb;
  }
  get whiteSpace(): Uint8Array {
    if (!this.ws) {
      const s = this.s;
      const len = s.length;
      const ws = new Uint8Array(len + 1);
      for (let i = 0; i < len; i++) {
        const c = s.charCodeAt(i);
        if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) ws[i] = 1;
        else if (c >= 0x80 && isSpace(codePointAt(s, i))) ws[i] = 1;
      }
      this.ws = ws;
    }
    return this.ws;
  }
}

/** Qt's character attributes for a text (computed lazily, per attribute). */
export function charAttributes(s: string): CharAttributes {
  return new LazyCharAttributes(s);
}
