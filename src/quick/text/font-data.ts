/**
 * Decoded font tables of one face (see scripts/build-text-tables.mjs for how
 * they are extracted). All values are in font design units; scaling to pixels
 * happens in FaceMetrics (font-metrics.ts) the way FreeType/HarfBuzz do it for
 * Qt.
 *
 * Binary layout (unsigned LEB128 varints "uv", zigzag signed varints "sv"):
 *   header: uv unitsPerEm, uv hhea.ascender, uv -hhea.descender, uv lineGap,
 *           uv advanceWidthMax, sv hhea.minRightSideBearing, uv OS/2 xAvgCharWidth, sv post.underlinePosition,
 *           uv post.underlineThickness, uv .notdef advance, sv .notdef (advance - outline xMax)
 *   glyphs: uv n; n × sv advance delta; n × sv (advance - outline xMax)
 *   cmap:   uv runs; runs × (uv cp gap, uv count, sv local - cp)
 *   liga:   uv n; n × (uv first, uv k, k × uv component, uv ligature)
 *   kern:   uv tables; per table uv class1Count, uv class2Count,
 *           uv n, n × (uv glyph delta, uv class1), uv m, m × (uv glyph delta, uv class2),
 *           class1Count × class2Count × sv xAdvance
 *           uv scripts; per script (uv len, tag bytes, uv k, k × uv table)
 *   ligaScripts: uv n; n × (uv len, tag bytes)
 * Glyphs are "local" indexes: dense, in the order of their first code point.
 */

export interface KernTable {
  readonly class2Count: number;
  /** class1 per local glyph, -1 when the glyph is not in the lookup's coverage */
  readonly class1: Int16Array;
  /** class2 per local glyph (0 when not listed) */
  readonly class2: Uint16Array;
  readonly values: Int16Array;
}

export interface Ligature {
  readonly components: readonly number[];
  readonly glyph: number;
}

export interface FaceData {
  readonly unitsPerEm: number;
  readonly ascender: number;
  readonly descender: number;
  readonly lineGap: number;
  readonly advanceWidthMax: number;
  readonly minRightSideBearing: number;
  readonly xAvgCharWidth: number;
  readonly underlinePosition: number;
  readonly underlineThickness: number;
  readonly glyphCount: number;
  /** advance width per local glyph */
  readonly advances: Uint16Array;
  /** advance minus the outline's xMax per local glyph (the design right side bearing) */
  readonly rightBearings: Int16Array;
  /** code point of each local glyph (its first code point) */
  readonly glyphCodePoints: Uint32Array;
  /** ligatures keyed by first local glyph, longest first */
  readonly ligatures: ReadonlyMap<number, readonly Ligature[]>;
  /** 1 for local glyphs that start a ligature */
  readonly ligatureStarts: Uint8Array;
  readonly kernTables: readonly KernTable[];
  /** OpenType script tag -> kern tables to apply, in lookup order */
  readonly scriptKern: ReadonlyMap<string, readonly KernTable[]>;
  readonly ligaScripts: ReadonlySet<string>;
  /** local glyph for a code point, 0 (the .notdef) when the face has none */
  glyphFor(cp: number): number;
  /** glyphFor for the BMP as a table */
  readonly bmpGlyphs: Uint16Array;
}

/**
 * The generated tables' text encoding, one character per byte: bytes 0..92
 * are the printable ASCII characters except ' and \\, in order; 93..255 are
 * U+00A1 onwards (scripts/build-text-tables.mjs). It keeps repetitions in the
 * bytes visible to gzip, unlike base64.
 */
let byteOfChar: Uint8Array | null = null;

export function decodeBytes(s: string): Uint8Array {
  let table = byteOfChar;
  if (table === null) {
    table = new Uint8Array(0xa1 + 256 - 93);
    let b = 0;
    for (let c = 0x20; c < 0x7f; c++) if (c !== 0x27 && c !== 0x5c) table[c] = b++;
    for (let c = 0xa1; b < 256; c++) table[c] = b++;
    byteOfChar = table;
  }
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = table[s.charCodeAt(i)]!;
  return out;
}

export class Reader {
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {}
  u8(): number {
    return this.bytes[this.pos++]!;
  }
  uv(): number {
    let v = 0;
    let mul = 1;
    for (;;) {
      const b = this.bytes[this.pos++]!;
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 128;
    }
  }
  sv(): number {
    const v = this.uv();
    return v % 2 === 1 ? -(v + 1) / 2 : v / 2;
  }
  tag(): string {
    const n = this.uv();
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(this.u8());
    return s;
  }
}

export function decodeFace(data: string): FaceData {
  const r = new Reader(decodeBytes(data));
  const unitsPerEm = r.uv();
  const ascender = r.uv();
  const descender = r.uv();
  const lineGap = r.uv();
  const advanceWidthMax = r.uv();
  const minRightSideBearing = r.sv();
  const xAvgCharWidth = r.uv();
  const underlinePosition = r.sv();
  const underlineThickness = r.uv();
  const notdefAdvance = r.uv();
  const notdefBearing = r.sv();

  // Local glyph indexes are shifted by one so that 0 means "no glyph": the
  // face's .notdef, which Qt draws (a box) for characters no font has.
  const n = r.uv();
  const advances = new Uint16Array(n + 1);
  advances[0] = notdefAdvance;
  let prev = 0;
  for (let i = 1; i <= n; i++) {
    prev += r.sv();
    advances[i] = prev;
  }
  const rightBearings = new Int16Array(n + 1);
  rightBearings[0] = notdefBearing;
  for (let i = 1; i <= n; i++) rightBearings[i] = r.sv();

  const runCount = r.uv();
  const runStart = new Uint32Array(runCount);
  const runLen = new Uint32Array(runCount);
  const runLocal = new Uint32Array(runCount);
  const glyphCodePoints = new Uint32Array(n + 1);
  const bmp = new Uint16Array(0x10000);
  let end = 0;
  for (let i = 0; i < runCount; i++) {
    const cp = end + r.uv();
    const count = r.uv();
    const local = cp + r.sv() + 1;
    runStart[i] = cp;
    runLen[i] = count;
    runLocal[i] = local;
    for (let k = 0; k < count; k++) {
      const c = cp + k;
      if (c < 0x10000) bmp[c] = local + k;
      if (glyphCodePoints[local + k] === 0) glyphCodePoints[local + k] = c;
    }
    end = cp + count;
  }
  const glyphFor = (cp: number): number => {
    if (cp < 0x10000) return bmp[cp]!;
    let lo = 0;
    let hi = runCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = runStart[mid]!;
      if (cp < s) hi = mid - 1;
      else if (cp >= s + runLen[mid]!) lo = mid + 1;
      else return runLocal[mid]! + (cp - s);
    }
    return 0;
  };

  const ligCount = r.uv();
  const ligatures = new Map<number, Ligature[]>();
  for (let i = 0; i < ligCount; i++) {
    const first = r.uv() + 1;
    const k = r.uv();
    const components: number[] = [];
    for (let j = 0; j < k; j++) components.push(r.uv() + 1);
    const glyph = r.uv() + 1;
    let list = ligatures.get(first);
    if (!list) {
      list = [];
      ligatures.set(first, list);
    }
    list.push({ components, glyph });
  }
  const ligatureStarts = new Uint8Array(n + 1);
  for (const g of ligatures.keys()) ligatureStarts[g] = 1;
  // HarfBuzz applies the first matching ligature of a set in table order;
  // DejaVu lists the longer ones first, keep that order.

  const tableCount = r.uv();
  const kernTables: KernTable[] = [];
  for (let t = 0; t < tableCount; t++) {
    const class1Count = r.uv();
    const class2Count = r.uv();
    const class1 = new Int16Array(n + 1).fill(-1);
    let m = r.uv();
    let g = 1;
    for (let i = 0; i < m; i++) {
      g += r.uv();
      class1[g] = r.uv();
    }
    const class2 = new Uint16Array(n + 1);
    m = r.uv();
    g = 1;
    for (let i = 0; i < m; i++) {
      g += r.uv();
      class2[g] = r.uv();
    }
    const values = new Int16Array(class1Count * class2Count);
    for (let i = 0; i < values.length; i++) values[i] = r.sv();
    kernTables.push({ class2Count, class1, class2, values });
  }
  const scriptCount = r.uv();
  const scriptKern = new Map<string, KernTable[]>();
  for (let i = 0; i < scriptCount; i++) {
    const tag = r.tag();
    const k = r.uv();
    const list: KernTable[] = [];
    for (let j = 0; j < k; j++) list.push(kernTables[r.uv()]!);
    scriptKern.set(tag, list);
  }
  const ligaScriptCount = r.uv();
  const ligaScripts = new Set<string>();
  for (let i = 0; i < ligaScriptCount; i++) ligaScripts.add(r.tag());

  return {
    unitsPerEm,
    ascender,
    descender,
    lineGap,
    advanceWidthMax,
    minRightSideBearing,
    xAvgCharWidth,
    underlinePosition,
    underlineThickness,
    glyphCount: n,
    advances,
    rightBearings,
    glyphCodePoints,
    ligatures,
    ligatureStarts,
    kernTables,
    scriptKern,
    ligaScripts,
    glyphFor,
    bmpGlyphs: bmp,
  };
}
