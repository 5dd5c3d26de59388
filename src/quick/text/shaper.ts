/**
 * Itemization and shaping, reproducing what QTextEngine + HarfBuzz do for
 * DejaVu Sans in Qt 6.4:
 *
 * - Items (QTextEngine::itemize): runs of one script (Common and Inherited
 *   characters and combining marks take the script of the run they are in,
 *   QUnicodeTools::initScripts), one font, one kind (text, tab, line
 *   separator). Every tab is an item of its own. Kerning and ligatures never
 *   cross items.
 * - Per item HarfBuzz maps characters to glyphs, applies the GSUB 'liga'
 *   feature where the item's OpenType script has it (DejaVu: f_f, f_i, f_l,
 *   f_f_i, f_f_l for Latin only; "office" is o + ffi + c + e), takes the glyph
 *   advances from Qt (design advances, see font-metrics.ts) and adds the GPOS
 *   'kern' pair adjustments of the script (Latin has the large class table,
 *   other scripts and DFLT only the small one).
 */
import type { FaceData, KernTable } from './font-data';
import type { FaceMetrics } from './font-metrics';
import {
  CharFlag,
  codePointAt,
  flagsOf,
  GCB,
  graphemeOf,
  isNoBreak,
  isSpace,
  otScriptTag,
  props,
  SCRIPT_COMMON,
  scriptOf,
} from './unicode';

export enum ItemKind {
  Text = 0,
  Tab = 1,
  Separator = 2,
}

export interface ShapedItem {
  /** first UTF-16 index */
  readonly start: number;
  /** end UTF-16 index (exclusive) */
  readonly end: number;
  readonly kind: ItemKind;
  readonly metrics: FaceMetrics;
  /** index of the font run (format) this item belongs to */
  readonly run: number;
  readonly glyphStart: number;
  readonly glyphEnd: number;
}

export interface ShapedText {
  readonly text: string;
  readonly items: readonly ShapedItem[];
  readonly glyphCount: number;
  /** local glyph index per glyph (0: the face has no glyph for the character) */
  readonly glyphs: Uint16Array;
  /** advance per glyph in 26.6, kerning included */
  readonly advances: Int32Array;
  /** UTF-16 index where each glyph's cluster starts */
  readonly glyphCluster: Int32Array;
  /** 1 for the first glyph of a cluster */
  readonly clusterStart: Uint8Array;
  /** per UTF-16 unit: the first glyph of its cluster */
  readonly logClusters: Int32Array;
  /**
   * A text shaped lazily: per item, null once its glyphs are in the arrays
   * above (ensureItem), else what it needs before: such an item has one
   * glyph per character, each its own cluster. null: every item is shaped.
   */
  readonly pending: (PendingItem | null)[] | null;
}

/** A range of text in one font. Runs must cover the text without gaps. */
export interface FontRun {
  readonly start: number;
  readonly end: number;
  readonly metrics: FaceMetrics;
  /** QFont::letterSpacing (absolute), 26.6: added after every cluster */
  readonly letterSpacing?: number;
  /** QFont::wordSpacing, 26.6: added to every space */
  readonly wordSpacing?: number;
}

/**
 * Characters drawn as nothing, with zero advance: those HarfBuzz hides
 * (its default ignorables: soft hyphen, zero width space/joiners, bidi
 * controls, word joiner, variation selectors, BOM; not the Hangul fillers),
 * and the line feed, form feed and carriage return, which Qt's layout hides
 * too (a Text breaks its lines at line feeds before). Other
 * characters the font lacks get its .notdef, a box.
 */
export function isDefaultIgnorable(cp: number): boolean {
  return (
    cp === 0x0a ||
    cp === 0x0c ||
    cp === 0x0d ||
    cp === 0xad ||
    cp === 0x34f ||
    cp === 0x61c ||
    (cp >= 0x17b4 && cp <= 0x17b5) ||
    (cp >= 0x180b && cp <= 0x180e) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    (cp >= 0xfff0 && cp <= 0xfff8) ||
    (cp >= 0x1d173 && cp <= 0x1d17a) ||
    (cp >= 0xe0000 && cp <= 0xe0fff)
  );
}

/** The glyph of a code point; an unpaired surrogate is U+FFFD, as HarfBuzz reads UTF-16. */
function glyphOf(face: FaceData, cp: number): number {
  return face.glyphFor(cp >= 0xd800 && cp < 0xe000 ? 0xfffd : cp);
}

/**
 * Appends `x`; the first element makes an array of one (a push onto an
 * empty array reserves room for 17, and most texts are one item).
 */
function append<T>(list: T[], x: T): T[] {
  if (list.length === 0) return [x];
  list.push(x);
  return list;
}

/**
 * Texts up to this length get five arrays of their own: V8 keeps typed
 * arrays of up to 64 bytes inside the heap, with no separate block.
 */
const ON_HEAP_LENGTH = 16;

/** Qt's maximum item length (QTextEngine's Itemizer splits longer runs). */
const MAX_ITEM_LENGTH = 4096;

interface RawItem {
  start: number;
  end: number;
  kind: ItemKind;
  script: number;
  run: number;
}

let scriptScratch = new Uint8Array(256);
const NON_ASCII = /[^\0-\x7f\u2028]/;
const ASCII_LETTER = /[A-Za-z]/;
const SCRIPT_LATIN = scriptOf(props(0x61));

/** The end of the characters from i on (before limit) of this script that are neither a tab nor a line separator. */
function sameScriptTextEnd(
  text: string,
  scripts: Uint8Array,
  i: number,
  limit: number,
  script: number,
): number {
  for (; i < limit; i++) {
    if (scripts[i] !== script) break;
    const c = text.charCodeAt(i);
    if (c === 9 || c === 0x2028) break;
  }
  return i;
}

function itemize(text: string, runs: readonly FontRun[]): RawItem[] {
  const len = text.length;
  // resolved script per UTF-16 unit (initScripts), in a reused scratch buffer
  if (scriptScratch.length < len) scriptScratch = new Uint8Array(Math.max(len, scriptScratch.length * 2));
  const scripts = scriptScratch;
  let sor = 0;
  let script = SCRIPT_COMMON;
  // one script for the whole text: items end only at tabs, line separators,
  // font runs and the maximum length
  let uniform = false;
  if (len > 256 && !NON_ASCII.test(text)) {
    // ASCII and line separators (searched natively: a chat message can be a
    // megabyte): the loop below makes every character Latin when there is a
    // letter, else Common
    scripts.fill(ASCII_LETTER.test(text) ? SCRIPT_LATIN : SCRIPT_COMMON, 0, len);
    sor = len;
    uniform = true;
  }
  for (let i = sor; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      // ASCII: letters are Latin, the rest Common
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a && script !== SCRIPT_LATIN) {
        if (script <= SCRIPT_COMMON) script = SCRIPT_LATIN;
        else {
          scripts.fill(script, sor, i);
          sor = i;
          script = SCRIPT_LATIN;
        }
      }
      continue;
    }
    const cp = codePointAt(text, i);
    const p = props(cp);
    const wide = cp > 0xffff ? 2 : 1;
    const ns = scriptOf(p);
    if (!(ns === script || ns <= SCRIPT_COMMON)) {
      if (script <= SCRIPT_COMMON) {
        script = ns;
      } else if (!(flagsOf(p) & CharFlag.Mark)) {
        scripts.fill(script, sor, i);
        sor = i;
        script = ns;
      }
    }
    if (wide === 2) i++;
  }
  if (sor < len) scripts.fill(script, sor, len);

  let items: RawItem[] = [];
  let runIndex = 0;
  let cur: RawItem | null = null;
  // the next tab and line separator at or after the last search (-1: none)
  let nextTab = -2;
  let nextSeparator = -2;
  for (let i = 0; i < len; i++) {
    while (runIndex < runs.length - 1 && i >= runs[runIndex]!.end) runIndex++;
    const c = text.charCodeAt(i);
    const kind = c === 9 ? ItemKind.Tab : c === 0x2028 ? ItemKind.Separator : ItemKind.Text;
    const sc = scripts[i]!;
    const isLowSurrogate = c >= 0xdc00 && c < 0xe000 && i > 0;
    if (cur !== null && cur.kind === ItemKind.Text && kind === ItemKind.Text && cur.run === runIndex) {
      // the characters that extend the item whatever they are: same script, no tab or line separator
      const limit = Math.min(runs.length > 0 ? runs[runIndex]!.end : len, cur.start + MAX_ITEM_LENGTH, len);
      let stop: number;
      if (uniform) {
        // the next tab and line separator, searched natively
        if (nextTab !== -1 && nextTab < i) nextTab = text.indexOf('\t', i);
        if (nextSeparator !== -1 && nextSeparator < i) nextSeparator = text.indexOf('\u2028', i);
        stop = Math.min(limit, nextTab < 0 ? len : nextTab, nextSeparator < 0 ? len : nextSeparator);
      } else stop = sameScriptTextEnd(text, scripts, i, limit, cur.script);
      if (stop > i) {
        cur.end = stop;
        i = stop - 1;
        continue;
      }
    }
    if (
      cur !== null &&
      (isLowSurrogate ||
        (cur.run === runIndex &&
          cur.kind === kind &&
          kind !== ItemKind.Tab &&
          (cur.script === sc || c === 0x2e) &&
          i - cur.start < MAX_ITEM_LENGTH))
    ) {
      cur.end = i + 1;
      continue;
    }
    cur = { start: i, end: i + 1, kind, script: sc, run: runIndex };
    items = append(items, cur);
  }
  return items;
}

function applyKern(
  tables: readonly KernTable[],
  metrics: FaceMetrics,
  glyphs: Uint16Array,
  advances: Int32Array,
  from: number,
  to: number,
): void {
  for (const t of tables) {
    const { class1, class2, values, class2Count } = t;
    for (let i = from; i < to - 1; i++) {
      const c1 = class1[glyphs[i]!]!;
      if (c1 < 0) continue;
      const v = values[c1 * class2Count + class2[glyphs[i + 1]!]!]!;
      if (v !== 0) advances[i] = advances[i]! + metrics.scaleKern(v);
    }
  }
}

interface GlyphBuffers {
  readonly glyphs: Uint16Array;
  readonly advances: Int32Array;
  readonly glyphCluster: Int32Array;
  readonly clusterStart: Uint8Array;
  readonly logClusters: Int32Array;
}

/**
 * Step 1 of shaping an item: one glyph per code point; combining characters
 * join the cluster of their base (HarfBuzz's monotone grapheme clusters).
 * Advances are -1 (to be filled in) or 0 for hidden characters. Returns the
 * new glyph count * 2, plus 1 when clusters were merged.
 */
function mapCharacters(text: string, it: RawItem, face: FaceData, buf: GlyphBuffers, start: number): number {
  const { glyphs, advances, glyphCluster, clusterStart, logClusters } = buf;
  const bmp = face.bmpGlyphs;
  const textKind = it.kind === ItemKind.Text;
  let clustersChanged = false;
  let n = start;
  const glyphStart = start;
  for (let i = it.start; i < it.end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 && c >= 0x20) {
      // ASCII fast path: no marks, no default ignorables
      glyphs[n] = bmp[c]!;
      advances[n] = textKind ? -1 : 0;
      glyphCluster[n] = i;
      clusterStart[n] = 1;
      logClusters[i] = n;
      n++;
      continue;
    }
    const cp = codePointAt(text, i);
    const wide = cp > 0xffff;
    const g = graphemeOf(props(cp));
    const joins = n > glyphStart && (g === GCB.Extend || g === GCB.ZWJ || g === GCB.SpacingMark);
    glyphs[n] = glyphOf(face, cp);
    advances[n] = !textKind || isDefaultIgnorable(cp) ? 0 : -1;
    if (joins) {
      glyphCluster[n] = glyphCluster[n - 1]!;
      clusterStart[n] = 0;
      clustersChanged = true;
    } else {
      glyphCluster[n] = i;
      clusterStart[n] = 1;
    }
    logClusters[i] = joins ? logClusters[glyphCluster[n]!]! : n;
    if (wide) {
      logClusters[i + 1] = logClusters[i]!;
      i++;
    }
    n++;
  }
  return n * 2 + (clustersChanged ? 1 : 0);
}

/**
 * Per UTF-16 unit: odd for the units that map to one glyph of their own with
 * its advance, as a cluster of their own (not surrogates, combining marks
 * (grapheme Extend, ZWJ, SpacingMark) or default ignorables): 3 for those
 * that are breakable spaces to Qt's line breaker (isBreakableSpace in
 * text-engine.ts), 1 for the others; 2 for the units that are not simple, 0
 * not known yet: filled a page of 256 units at a time, on first use.
 */
const simpleUnits = new Uint8Array(0x10000);

/** Fills the page of simpleUnits that holds unit c. */
function fillSimpleUnits(c: number): void {
  const page = c & 0xff00;
  for (let u = page; u < page + 0x100; u++) {
    const g = graphemeOf(props(u));
    const complex =
      (u >= 0xd800 && u < 0xe000) ||
      g === GCB.Extend ||
      g === GCB.ZWJ ||
      g === GCB.SpacingMark ||
      isDefaultIgnorable(u);
    const breakable = u === 0x20 || (u >= 0x09 && u <= 0x0d) || (u >= 0x80 && !isNoBreak(u) && isSpace(u));
    simpleUnits[u] = complex ? 2 : breakable ? 3 : 1;
  }
}

/** Whether a UTF-16 unit is simple (see simpleUnits). */
function isSimpleUnit(c: number): boolean {
  if (simpleUnits[c] === 0) fillSimpleUnits(c);
  return (simpleUnits[c]! & 1) === 1;
}

const NO_LIGATURES = new Uint8Array(0x10000);
// no kerning table: every glyph is outside the coverage
const NO_CLASS = new Int16Array(0x10000).fill(-1);
const NO_CLASS2 = new Uint16Array(0x10000);
const NO_VALUES = new Int16Array(1);

// The item shapeSimpleRun works on, set for each item. Module variables, not
// an object: a megabyte is shaped by the first calls of shapeSimpleRun, and
// what it reads before its loop must not need type feedback to be compiled.
let srText = '';
let srEnd = 0;
let srBmp: Uint16Array = NO_CLASS2;
let srAdv: Int32Array = new Int32Array(0);
let srStarts: Uint8Array = NO_LIGATURES;
let srKern: readonly KernTable[] = [];
let srMetrics: FaceMetrics | null = null;
let srGlyphs: Uint16Array = new Uint16Array(0);
let srAdvances: Int32Array = new Int32Array(0);
let srGlyphCluster: Int32Array = new Int32Array(0);
let srClusterStart: Uint8Array = new Uint8Array(0);
let srLogClusters: Int32Array = new Int32Array(0);
let srClass1a: Int16Array = NO_CLASS;
let srClass2a: Uint16Array = NO_CLASS2;
let srValuesa: Int16Array = NO_VALUES;
let srCount2a = 0;
let srClass1b: Int16Array = NO_CLASS;
let srClass2b: Uint16Array = NO_CLASS2;
let srValuesb: Int16Array = NO_VALUES;
let srCount2b = 0;

function setSimpleRun(
  text: string,
  end: number,
  metrics: FaceMetrics,
  starts: Uint8Array,
  kern: readonly KernTable[],
  buf: GlyphBuffers,
): void {
  srText = text;
  srEnd = end;
  srBmp = metrics.face.bmpGlyphs;
  srAdv = metrics.advanceTable();
  srStarts = starts;
  srKern = kern;
  srMetrics = metrics;
  srGlyphs = buf.glyphs;
  srAdvances = buf.advances;
  srGlyphCluster = buf.glyphCluster;
  srClusterStart = buf.clusterStart;
  srLogClusters = buf.logClusters;
  // DejaVu has one or two kerning tables a script
  const k0 = kern[0];
  const k1 = kern[1];
  srClass1a = k0 === undefined ? NO_CLASS : k0.class1;
  srClass2a = k0 === undefined ? NO_CLASS2 : k0.class2;
  srValuesa = k0 === undefined ? NO_VALUES : k0.values;
  srCount2a = k0 === undefined ? 0 : k0.class2Count;
  srClass1b = k1 === undefined ? NO_CLASS : k1.class1;
  srClass2b = k1 === undefined ? NO_CLASS2 : k1.class2;
  srValuesb = k1 === undefined ? NO_VALUES : k1.values;
  srCount2b = k1 === undefined ? 0 : k1.class2Count;
}

/**
 * Shapes the simple units (one character, one glyph, one cluster: no
 * ligature starts) of the item set by setSimpleRun from i on, the glyphs
 * from n on, kerning the first with prev (-1: none); returns where it
 * stopped. A small function of its own: it runs for nearly every character
 * and is compiled early.
 */
function shapeSimpleRun(i: number, n: number, prev: number): number {
  const text = srText;
  const end = srEnd;
  const bmp = srBmp;
  const adv = srAdv;
  const starts = srStarts;
  const simple = simpleUnits;
  const glyphs = srGlyphs;
  const advances = srAdvances;
  const glyphCluster = srGlyphCluster;
  const clusterStart = srClusterStart;
  const logClusters = srLogClusters;
  const class1a = srClass1a;
  const class2a = srClass2a;
  const valuesa = srValuesa;
  const count2a = srCount2a;
  const class1b = srClass1b;
  const class2b = srClass2b;
  const valuesb = srValuesb;
  const count2b = srCount2b;
  const more = srKern.length > 2;
  for (; i < end; i++, n++) {
    const c = text.charCodeAt(i);
    const g = bmp[c]!;
    if ((simple[c]! & 1) === 0 || starts[g] === 1) break;
    glyphs[n] = g;
    advances[n] = adv[g]!;
    glyphCluster[n] = i;
    clusterStart[n] = 1;
    logClusters[i] = n;
    if (prev >= 0) {
      // GPOS kern: the pair adjusts the first glyph's advance
      const c1 = class1a[prev]!;
      if (c1 >= 0) {
        const v = valuesa[c1 * count2a + class2a[g]!]!;
        if (v !== 0) advances[n - 1] = advances[n - 1]! + srMetrics!.scaleKern(v);
      }
      const d1 = class1b[prev]!;
      if (d1 >= 0) {
        const v = valuesb[d1 * count2b + class2b[g]!]!;
        if (v !== 0) advances[n - 1] = advances[n - 1]! + srMetrics!.scaleKern(v);
      }
      if (more) kernMore(srKern, srMetrics!, prev, g, advances, n - 1);
    }
    prev = g;
  }
  return i;
}

/**
 * What a text needs of an item whose glyphs are made on first use (see
 * ShapedText.pending): its width and where its words and spaces end, as
 * Qt's line breaker sees them (breakable spaces).
 */
export interface ItemSummary {
  /** the sum of the item's advances, kerning included (26.6) */
  readonly width: number;
  /** where the item's last word that a breakable space follows in the item ends (-1: none) */
  readonly wordEnd: number;
  /** the advances before wordEnd */
  readonly wordEndWidth: number;
  /** where the item's last run of breakable spaces ends (-1: none) */
  readonly spaceEnd: number;
  /** the advances before spaceEnd */
  readonly spaceEndWidth: number;
}

interface PendingItem extends ItemSummary {
  readonly raw: RawItem;
  readonly metrics: FaceMetrics;
  readonly ligate: boolean;
  readonly kern: readonly KernTable[];
  readonly glyphStart: number;
}

// Summaries per raw item that measureItems writes (grown as needed).
let sumWidth = new Float64Array(64);
let sumWordEnd = new Int32Array(64);
let sumWordEndWidth = new Float64Array(64);
let sumSpaceEnd = new Int32Array(64);
let sumSpaceEndWidth = new Float64Array(64);
let sumCapacity = 64;

function growSummaries(n: number): void {
  if (n <= sumCapacity) return;
  sumCapacity = Math.max(n, sumCapacity * 2);
  sumWidth = new Float64Array(sumCapacity);
  sumWordEnd = new Int32Array(sumCapacity);
  sumWordEndWidth = new Float64Array(sumCapacity);
  sumSpaceEnd = new Int32Array(sumCapacity);
  sumSpaceEndWidth = new Float64Array(sumCapacity);
}

/**
 * A kerning table for a loop without branches: class1 + 1 per glyph (0: not
 * kerned) with 0 for the glyph KERN_NONE, and values with a row of zeros
 * first.
 */
interface FlatKern {
  readonly class1: Uint16Array;
  readonly class2: Uint16Array;
  readonly values: Int16Array;
  readonly class2Count: number;
}

/** The glyph index that kerns with nothing in a FlatKern (no glyph has it). */
const KERN_NONE = 0x10000;
const NO_FLAT_KERN: FlatKern = {
  class1: new Uint16Array(KERN_NONE + 1),
  class2: new Uint16Array(KERN_NONE + 1),
  values: new Int16Array(1),
  class2Count: 0,
};
const flatKerns = new WeakMap<KernTable, FlatKern>();

function flatKern(t: KernTable | undefined): FlatKern {
  if (t === undefined) return NO_FLAT_KERN;
  let f = flatKerns.get(t);
  if (f === undefined) {
    const class1 = new Uint16Array(KERN_NONE + 1);
    for (let g = 0; g < t.class1.length; g++) class1[g] = t.class1[g]! + 1;
    const class2 = new Uint16Array(KERN_NONE + 1);
    class2.set(t.class2.subarray(0, KERN_NONE));
    const values = new Int16Array(t.values.length + t.class2Count);
    values.set(t.values, t.class2Count);
    f = { class1, class2, values, class2Count: t.class2Count };
    flatKerns.set(t, f);
  }
  return f;
}

// The state of measureSimpleRuns between its calls: the item it is in, and
// that item's glyph before (KERN_NONE at its start), whether it is in
// spaces, and its width so far.
let msItem = 0;
let msPrev = KERN_NONE;
let msSpace = false;
let msWidth = 0;
let msKernA: FlatKern = NO_FLAT_KERN;
let msKernB: FlatKern = NO_FLAT_KERN;

/**
 * The width pass of shapeSimpleRun over consecutive raw items of one font
 * and script (setSimpleRun set their tables; ends: each item's end), from
 * UTF-16 index i on: per item, sums the advances and kerning its glyphs
 * would get and notes where its words and spaces end (the sum* arrays),
 * without making glyphs; returns where it stopped (at a unit that is not
 * simple or starts a ligature). One loop over all the items, the same
 * operations for every character (kerning by table lookups that give 0 for
 * pairs that do not kern): a megabyte long line needs its width at once,
 * its glyphs only where it is drawn, and this loop runs it before V8 has
 * warmed up to it.
 */
function measureSimpleRuns(i: number, items: readonly RawItem[], last: number): number {
  const text = srText;
  const bmp = srBmp;
  const adv = srAdv;
  const starts = srStarts;
  const simple = simpleUnits;
  const class1a = msKernA.class1;
  const class2a = msKernA.class2;
  const valuesa = msKernA.values;
  const count2a = msKernA.class2Count;
  const class1b = msKernB.class1;
  const class2b = msKernB.class2;
  const valuesb = msKernB.values;
  const count2b = msKernB.class2Count;
  const kernMult = srMetrics!.hbMult;
  const more = srKern.length > 2;
  let k = msItem;
  let item = items[k]!;
  let start = item.start;
  let itemEnd = item.end;
  let prev = msPrev;
  let space = msSpace;
  let w = msWidth;
  const end = items[last]!.end;
  for (; i < end; i++) {
    if (i === itemEnd) {
      // the next item: kerning does not cross items
      if (space) {
        sumSpaceEnd[k] = itemEnd;
        sumSpaceEndWidth[k] = w;
      }
      sumWidth[k] = w;
      item = items[++k]!;
      start = item.start;
      itemEnd = item.end;
      sumWordEnd[k] = -1;
      sumSpaceEnd[k] = -1;
      prev = KERN_NONE;
      space = false;
      w = 0;
    }
    const c = text.charCodeAt(i);
    const g = bmp[c]!;
    const unit = simple[c]!;
    if ((unit & 1) === 0 || starts[g] === 1) break;
    // HarfBuzz's kerning of the pair (prev, g), scaled as FaceMetrics.scaleKern does
    w +=
      Math.floor((valuesa[class1a[prev]! * count2a + class2a[g]!]! * kernMult + 32768) / 65536) +
      Math.floor((valuesb[class1b[prev]! * count2b + class2b[g]!]! * kernMult + 32768) / 65536);
    if (more && prev !== KERN_NONE) w += kernDelta(srKern, srMetrics!, prev, g);
    // w: the advances before i, the kerning of the glyph before with this one included
    const isSpaceUnit = unit === 3;
    if (isSpaceUnit !== space) {
      if (isSpaceUnit) {
        if (i > start) {
          sumWordEnd[k] = i;
          sumWordEndWidth[k] = w;
        }
      } else {
        sumSpaceEnd[k] = i;
        sumSpaceEndWidth[k] = w;
      }
      space = isSpaceUnit;
    }
    w += adv[g]!;
    prev = g;
  }
  if (i === end) {
    if (space) {
      sumSpaceEnd[k] = end;
      sumSpaceEndWidth[k] = w;
    }
    sumWidth[k] = w;
  }
  msItem = k;
  msPrev = prev;
  msSpace = space;
  msWidth = w;
  return i;
}

/**
 * Items in a text of simple units with spaces, words and kerned pairs:
 * measuring them runs every path of measureSimpleRuns, long enough for V8
 * to give the function its feedback vector and fill it.
 */
const WARM_TEXT = 'Ta Vo  AV. xy '.repeat(12);
const WARM_ITEMS: readonly RawItem[] = Array.from({ length: 12 }, (_, n) => ({
  start: n * 14,
  end: n * 14 + 14,
  kind: ItemKind.Text,
  script: SCRIPT_LATIN,
  run: 0,
}));

/** measureItems without its warm-up. */
function measureItemsFrom(items: readonly RawItem[], first: number, last: number): number {
  growSummaries(last + 1);
  msItem = first;
  msPrev = KERN_NONE;
  msSpace = false;
  msWidth = 0;
  sumWordEnd[first] = -1;
  sumSpaceEnd[first] = -1;
  const end = items[last]!.end;
  let i = items[first]!.start;
  for (;;) {
    i = measureSimpleRuns(i, items, last);
    if (i >= end) return last + 1;
    const c = srText.charCodeAt(i);
    if (simpleUnits[c] !== 0) return msItem;
    fillSimpleUnits(c);
  }
}

/**
 * Measures raw items first..last (one font and script; setSimpleRun set to
 * the run) with measureSimpleRuns; returns the index of the first item that
 * must be shaped (a unit that is not simple or starts a ligature), or last + 1.
 * A few short items first take every path of the loop, so that V8 has seen
 * them all when it optimizes the loop while it runs: a path it compiled
 * without having seen would throw the optimized loop away when first taken.
 */
function measureItems(items: readonly RawItem[], first: number, last: number): number {
  msKernA = flatKern(srKern[0]);
  msKernB = flatKern(srKern[1]);
  const text = srText;
  srText = WARM_TEXT;
  if (simpleUnits[0x20] === 0) fillSimpleUnits(0x20);
  measureItemsFrom(WARM_ITEMS, 0, WARM_ITEMS.length - 1);
  srText = text;
  return measureItemsFrom(items, first, last);
}

/**
 * Shapes a text item in one pass: glyphs and clusters (mapCharacters),
 * ligatures, advances and kerning as the separate steps of shapeText give
 * them, with table lookups and no calls for the characters that are simple
 * units (simpleUnits): a long text costs a few nanoseconds a character.
 * Returns the new glyph count, or -1 for an item the steps must shape (a
 * possible ligature over characters that are not simple units).
 */
function shapeTextItem(
  text: string,
  it: RawItem,
  metrics: FaceMetrics,
  ligate: boolean,
  kern: readonly KernTable[],
  buf: GlyphBuffers,
  glyphStart: number,
): number {
  const face = metrics.face;
  const bmp = face.bmpGlyphs;
  const adv = metrics.advanceTable();
  const starts = face.ligatureStarts;
  const { glyphs, advances, glyphCluster, clusterStart, logClusters } = buf;
  const end = it.end;
  // no glyph starts a ligature when the item does not ligate
  setSimpleRun(text, end, metrics, ligate ? starts : NO_LIGATURES, kern, buf);
  let n = glyphStart;
  let prev = -1;
  // the cluster of the previous character before ligatures: a combining
  // character after a ligature keeps the cluster of the ligature's last
  // character, as when the steps map characters before they ligate
  let lastCluster = -1;
  for (let i = it.start; i < end; i++) {
    // the common case first: one character, one glyph, one cluster
    const stop = shapeSimpleRun(i, n, prev);
    if (stop > i) {
      n += stop - i;
      i = stop;
      lastCluster = stop - 1;
      prev = glyphs[n - 1]!;
      if (i >= end) break;
    }
    const first = i;
    const c = text.charCodeAt(i);
    let g = bmp[c]!;
    let hidden = false;
    let joins = false;
    let ligated = false;
    if (isSimpleUnit(c)) {
      if (ligate && starts[g] === 1) {
        // HarfBuzz's liga: the first ligature of the glyph's set whose components follow
        for (const lig of face.ligatures.get(g) ?? []) {
          const k = lig.components.length;
          if (i + k >= end) continue;
          let ok = true;
          for (let j = 0; j < k; j++) {
            const cj = text.charCodeAt(i + 1 + j);
            if (!isSimpleUnit(cj)) return -1;
            if (bmp[cj] !== lig.components[j]) {
              ok = false;
              break;
            }
          }
          if (ok) {
            g = lig.glyph;
            i += k;
            ligated = true;
            break;
          }
        }
      }
    } else {
      const cp = codePointAt(text, i);
      const gc = graphemeOf(props(cp));
      joins = n > glyphStart && (gc === GCB.Extend || gc === GCB.ZWJ || gc === GCB.SpacingMark);
      g = glyphOf(face, cp);
      hidden = isDefaultIgnorable(cp);
      if (ligate && !hidden && starts[g] === 1) return -1;
      if (cp > 0xffff) i++;
    }
    glyphs[n] = g;
    advances[n] = hidden ? 0 : adv[g]!;
    let lc = n;
    if (joins) {
      // a combining character joins the cluster of its base
      glyphCluster[n] = lastCluster;
      clusterStart[n] = 0;
      lc = logClusters[lastCluster]!;
    } else {
      glyphCluster[n] = first;
      clusterStart[n] = 1;
      lastCluster = ligated ? i : first;
    }
    logClusters[first] = lc;
    for (let j = first + 1; j <= i; j++) logClusters[j] = lc;
    // GPOS kern: the pair adjusts the first glyph's advance
    if (prev >= 0) kernMore(kern, metrics, prev, g, advances, n - 1, 0);
    prev = g;
    n++;
  }
  return n;
}

/** The kern pair (a, b) of the tables from `from` on. */
function kernDelta(kern: readonly KernTable[], metrics: FaceMetrics, a: number, b: number, from = 2): number {
  let d = 0;
  for (let t = from; t < kern.length; t++) {
    const { class1, class2, values, class2Count } = kern[t]!;
    const c1 = class1[a]!;
    if (c1 < 0) continue;
    const v = values[c1 * class2Count + class2[b]!]!;
    if (v !== 0) d += metrics.scaleKern(v);
  }
  return d;
}

/** Adds the kern pair (a, b) of the tables from `from` on to advances[at]. */
function kernMore(
  kern: readonly KernTable[],
  metrics: FaceMetrics,
  a: number,
  b: number,
  advances: Int32Array,
  at: number,
  from = 2,
): void {
  const d = kernDelta(kern, metrics, a, b, from);
  if (d !== 0) advances[at] = advances[at]! + d;
}

function shapedItem(it: RawItem, metrics: FaceMetrics, glyphStart: number, glyphEnd: number): ShapedItem {
  return { start: it.start, end: it.end, kind: it.kind, metrics, run: it.run, glyphStart, glyphEnd };
}

/**
 * Shapes a text in one font or in several font runs. Lazily: the items made
 * of simple units only get their width and word ends now (ItemSummary) and
 * their glyphs when something reads them (ensureItem).
 */
export function shapeText(
  text: string,
  font:
    | { readonly metrics: FaceMetrics; readonly letterSpacing?: number; readonly wordSpacing?: number }
    | readonly FontRun[],
  lazy = false,
): ShapedText {
  let runs: readonly FontRun[];
  if (Array.isArray(font)) runs = font as readonly FontRun[];
  else {
    const f = font as {
      readonly metrics: FaceMetrics;
      readonly letterSpacing?: number;
      readonly wordSpacing?: number;
    };
    runs = [
      {
        start: 0,
        end: text.length,
        metrics: f.metrics,
        letterSpacing: Math.trunc((f.letterSpacing ?? 0) * 64),
        wordSpacing: Math.trunc((f.wordSpacing ?? 0) * 64),
      },
    ];
  }
  const len = text.length;
  const raw = itemize(text, runs);
  let glyphs: Uint16Array;
  let advances: Int32Array;
  let glyphCluster: Int32Array;
  let clusterStart: Uint8Array;
  let logClusters: Int32Array;
  if (len <= ON_HEAP_LENGTH) {
    glyphs = new Uint16Array(len);
    advances = new Int32Array(len);
    glyphCluster = new Int32Array(len);
    clusterStart = new Uint8Array(len);
    logClusters = new Int32Array(len);
  } else {
    // Longer texts: the five arrays are views of one buffer (one block
    // outside the heap and one buffer object, not three blocks and five).
    const mem = new ArrayBuffer(len * 15);
    advances = new Int32Array(mem, 0, len);
    glyphCluster = new Int32Array(mem, len * 4, len);
    logClusters = new Int32Array(mem, len * 8, len);
    glyphs = new Uint16Array(mem, len * 12, len);
    clusterStart = new Uint8Array(mem, len * 14, len);
  }
  let items: ShapedItem[] = [];
  const buf: GlyphBuffers = { glyphs, advances, glyphCluster, clusterStart, logClusters };
  const pending: (PendingItem | null)[] | null = lazy ? [] : null;
  let n = 0;
  // raw items before this one were measured (lazy shaping); this one must be shaped
  let measuredTo = -1;
  let mustShape = -1;
  for (let r = 0; r < raw.length; r++) {
    const it = raw[r]!;
    const run = runs[it.run]!;
    const metrics = run.metrics;
    const letterSpacing = run.letterSpacing ?? 0;
    const wordSpacing = run.wordSpacing ?? 0;
    const face = metrics.face;
    const glyphStart = n;
    const tag = otScriptTag(it.script);
    // Qt: no ligatures with letter spacing (QTextEngine::shapeTextWithHarfbuzzNG, dontLigate)
    const ligate =
      it.kind === ItemKind.Text &&
      letterSpacing === 0 &&
      face.ligatures.size > 0 &&
      face.ligaScripts.has(tag || 'DFLT');
    if (it.kind === ItemKind.Text && letterSpacing === 0 && wordSpacing === 0) {
      const kern = metrics.kernTablesFor(tag);
      if (pending !== null && r > measuredTo && r !== mustShape) {
        // this item and the next ones of its run and script, measured in one pass
        let last = r;
        while (
          last + 1 < raw.length &&
          raw[last + 1]!.kind === ItemKind.Text &&
          raw[last + 1]!.run === it.run &&
          raw[last + 1]!.script === it.script
        )
          last++;
        setSimpleRun(text, raw[last]!.end, metrics, ligate ? face.ligatureStarts : NO_LIGATURES, kern, buf);
        const stop = measureItems(raw, r, last);
        measuredTo = stop - 1;
        mustShape = stop <= last ? stop : -1;
      }
      if (pending !== null && r <= measuredTo) {
        n += it.end - it.start;
        pending.push({
          width: sumWidth[r]!,
          wordEnd: sumWordEnd[r]!,
          wordEndWidth: sumWordEndWidth[r]!,
          spaceEnd: sumSpaceEnd[r]!,
          spaceEndWidth: sumSpaceEndWidth[r]!,
          raw: it,
          metrics,
          ligate,
          kern,
          glyphStart,
        });
        items = append(items, shapedItem(it, metrics, glyphStart, n));
        continue;
      }
      const end = shapeTextItem(text, it, metrics, ligate, kern, buf, glyphStart);
      if (end >= 0) {
        n = end;
        pending?.push(null);
        items = append(items, shapedItem(it, metrics, glyphStart, n));
        continue;
      }
    }
    // 1. characters -> glyphs, one per code point; combining characters join
    //    the cluster of their base (HarfBuzz's monotone grapheme clusters)
    const mapped = mapCharacters(text, it, face, buf, n);
    let clustersChanged = (mapped & 1) === 1;
    n = mapped >>> 1;
    // 2. ligatures
    if (ligate) {
      // skip to the first glyph that can start a ligature
      let first = glyphStart;
      const starts = face.ligatureStarts;
      while (first < n && !starts[glyphs[first]!]) first++;
      let w = first;
      for (let r = first; r < n; ) {
        const list = starts[glyphs[r]!] ? face.ligatures.get(glyphs[r]!) : undefined;
        let used = 0;
        if (list && advances[r] !== 0) {
          for (const lig of list) {
            const k = lig.components.length;
            if (r + k >= n) continue;
            let ok = true;
            for (let j = 0; j < k; j++) {
              if (glyphs[r + 1 + j] !== lig.components[j] || advances[r + 1 + j] === 0) {
                ok = false;
                break;
              }
            }
            if (ok) {
              used = k;
              glyphs[w] = lig.glyph;
              break;
            }
          }
        }
        if (used === 0) glyphs[w] = glyphs[r]!;
        else clustersChanged = true;
        advances[w] = advances[r]!;
        glyphCluster[w] = glyphCluster[r]!;
        clusterStart[w] = clusterStart[r]!;
        w++;
        r += used + 1;
      }
      n = w;
    }
    if (clustersChanged) {
      // characters map to the first glyph of their (possibly merged) cluster
      let next = it.end;
      for (let g = n - 1; g >= glyphStart; g--) {
        if (!clusterStart[g]) continue;
        for (let c = glyphCluster[g]!; c < next; c++) logClusters[c] = g;
        next = glyphCluster[g]!;
      }
    }
    // 3. advances
    for (let i = glyphStart; i < n; i++) {
      if (advances[i] === -1) advances[i] = metrics.advance(glyphs[i]!);
    }
    // 4. kerning
    if (it.kind === ItemKind.Text)
      applyKern(metrics.kernTablesFor(tag), metrics, glyphs, advances, glyphStart, n);
    // 5. letter and word spacing (QTextEngine::shapeText)
    if (letterSpacing !== 0 && n > glyphStart) {
      for (let i = glyphStart + 1; i < n; i++)
        if (clusterStart[i]) advances[i - 1] = advances[i - 1]! + letterSpacing;
      advances[n - 1] = advances[n - 1]! + letterSpacing;
    }
    if (wordSpacing !== 0) {
      for (let i = glyphStart; i < n; i++) {
        const c = text.charCodeAt(glyphCluster[i]!);
        if (clusterStart[i] && (c === 0x20 || c === 0xa0)) advances[i] = advances[i]! + wordSpacing;
      }
    }
    pending?.push(null);
    items = append(items, shapedItem(it, metrics, glyphStart, n));
  }
  return { text, items, glyphCount: n, glyphs, advances, glyphCluster, clusterStart, logClusters, pending };
}

/** What a pending item of a lazily shaped text needs (null: its glyphs are made). */
export function pendingItem(s: ShapedText, item: number): ItemSummary | null {
  return s.pending === null ? null : (s.pending[item] ?? null);
}

/** Makes the glyphs of an item of a lazily shaped text (shapeText). */
export function ensureItem(s: ShapedText, item: number): void {
  const p = s.pending?.[item];
  if (p === undefined || p === null) return;
  const { glyphs, advances, glyphCluster, clusterStart, logClusters } = s;
  shapeTextItem(
    s.text,
    p.raw,
    p.metrics,
    p.ligate,
    p.kern,
    { glyphs, advances, glyphCluster, clusterStart, logClusters },
    p.glyphStart,
  );
  s.pending![item] = null;
}

/** Makes the glyphs of every item of a lazily shaped text. */
export function ensureAllItems(s: ShapedText): void {
  if (s.pending === null) return;
  for (let i = 0; i < s.pending.length; i++) ensureItem(s, i);
}

/** The index of the last item whose `key` is at or before v. */
function lastItemFrom(s: ShapedText, v: number, key: 'start' | 'glyphStart'): number {
  const items = s.items;
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (items[mid]![key] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The index of the item whose glyphs hold glyph g. */
export function itemOfGlyph(s: ShapedText, g: number): number {
  return lastItemFrom(s, g, 'glyphStart');
}

/** The index of the item that holds UTF-16 index pos. */
export function itemAt(s: ShapedText, pos: number): number {
  return lastItemFrom(s, pos, 'start');
}
