#!/usr/bin/env node
// Extracts the compact metric tables that src/quick/text needs at run time:
//
//   src/quick/text/generated/dejavu-sans*.ts, dejavu-sans-mono.ts,
//       dejavu-serif.ts   per face: cmap, advances, right extents, GPOS
//       pair-kerning classes, Latin f-ligatures (from the dejavu-fonts-ttf
//       package, parsed with fontkit); one module per family for Sans Mono
//       and Serif, one per face for DejaVu Sans (every page has its regular
//       face; bold and oblique are loaded when a scene uses them), so that a
//       page loads the metrics of the faces it uses only
//   src/quick/text/generated/*-boxes.ts  per face: the glyphs' ink boxes,
//       which FontMetrics and TextMetrics load (boundingRect)
//   src/quick/text/generated/unicode-data.ts  per code point: Qt line-break
//       class, script, grapheme-break class, a few category flags (Unicode 14,
//       the version Qt 6.4 is built with)
//
// Run with `npm run fonts`. The output is committed; run time needs neither
// fontkit nor the font files.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src/quick/text/generated');
const fontDir = join(root, 'node_modules/dejavu-fonts-ttf/ttf');
const ucd = join(root, 'node_modules/@unicode/unicode-14.0.0');

// ---------------------------------------------------------------- encoding
class Writer {
  bytes = [];
  u8(v) {
    this.bytes.push(v & 0xff);
  }
  uv(v) {
    if (v < 0 || !Number.isInteger(v)) throw new Error(`bad varint ${v}`);
    while (v >= 0x80) {
      this.bytes.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.bytes.push(v);
  }
  sv(v) {
    this.uv(v < 0 ? -2 * v - 1 : 2 * v);
  }
  /** The bytes as text, one character each (see BYTE_CHARS). */
  text() {
    return this.bytes.map((b) => BYTE_CHARS[b]).join('');
  }
}

// One character per byte (decodeBytes in src/quick/text/font-data.ts):
// bytes 0..92 are the printable ASCII characters except ' and \, in order;
// 93..255 are U+00A1 onwards. Unlike base64 this keeps the bytes' repetitions
// aligned, which gzip finds: DejaVu Sans' tables compress a quarter smaller.
const BYTE_CHARS = [];
for (let c = 0x20; c < 0x7f; c++) if (c !== 0x27 && c !== 0x5c) BYTE_CHARS.push(String.fromCharCode(c));
for (let c = 0xa1; BYTE_CHARS.length < 256; c++) BYTE_CHARS.push(String.fromCharCode(c));

function chunked(str) {
  const parts = [];
  for (let i = 0; i < str.length; i += 100) parts.push(str.slice(i, i + 100));
  return parts.map((p) => `  '${p}'`).join(' +\n');
}

// ---------------------------------------------------------------- fonts
// The faces of each bundled family by style key (the key names the slant
// slot; DejaVu Serif's slanted faces are called Italic).
const MODULES = [
  {
    module: 'dejavu-sans',
    constant: 'DEJAVU_SANS_FACES',
    faces: [{ key: 'regular', file: 'DejaVuSans.ttf' }],
  },
  {
    module: 'dejavu-sans-bold',
    constant: 'DEJAVU_SANS_BOLD_FACES',
    faces: [{ key: 'bold', file: 'DejaVuSans-Bold.ttf' }],
  },
  {
    module: 'dejavu-sans-oblique',
    constant: 'DEJAVU_SANS_OBLIQUE_FACES',
    faces: [{ key: 'oblique', file: 'DejaVuSans-Oblique.ttf' }],
  },
  {
    module: 'dejavu-sans-bold-oblique',
    constant: 'DEJAVU_SANS_BOLD_OBLIQUE_FACES',
    faces: [{ key: 'boldOblique', file: 'DejaVuSans-BoldOblique.ttf' }],
  },
  {
    module: 'dejavu-sans-mono',
    constant: 'DEJAVU_SANS_MONO_FACES',
    faces: [
      { key: 'regular', file: 'DejaVuSansMono.ttf' },
      { key: 'bold', file: 'DejaVuSansMono-Bold.ttf' },
      { key: 'oblique', file: 'DejaVuSansMono-Oblique.ttf' },
      { key: 'boldOblique', file: 'DejaVuSansMono-BoldOblique.ttf' },
    ],
  },
  {
    module: 'dejavu-serif',
    constant: 'DEJAVU_SERIF_FACES',
    faces: [
      { key: 'regular', file: 'DejaVuSerif.ttf' },
      { key: 'bold', file: 'DejaVuSerif-Bold.ttf' },
      { key: 'oblique', file: 'DejaVuSerif-Italic.ttf' },
      { key: 'boldOblique', file: 'DejaVuSerif-BoldItalic.ttf' },
    ],
  },
];

function coverageGlyphs(cov) {
  if (cov.glyphs) return cov.glyphs.toArray ? cov.glyphs.toArray() : [...cov.glyphs];
  const out = [];
  for (const r of cov.rangeRecords) for (let g = r.start; g <= r.end; g++) out.push(g);
  return out;
}

function classDefMap(cd) {
  const m = new Map();
  if (!cd) return m;
  if (cd.version === 1) {
    cd.classValueArray.forEach((c, i) => {
      if (c) m.set(cd.startGlyph + i, c);
    });
  } else {
    for (const r of cd.classRangeRecord)
      for (let g = r.start; g <= r.end; g++) if (r.class) m.set(g, r.class);
  }
  return m;
}

function lookupsFor(table, scriptTag, featureTag) {
  const script = table.scriptList.find((s) => s.tag === scriptTag);
  if (!script?.script.defaultLangSys) return null;
  const out = [];
  for (const fi of script.script.defaultLangSys.featureIndexes) {
    const f = table.featureList[fi];
    if (f.tag === featureTag) out.push(...f.feature.lookupListIndexes);
  }
  return out.sort((a, b) => a - b);
}

function buildFace({ key, file }) {
  const font = fontkit.openSync(join(fontDir, file));
  const w = new Writer();

  // cmap: code points in ascending order; each distinct glyph gets a dense
  // local index the first time a code point maps to it.
  const cps = [...font.characterSet].sort((a, b) => a - b);
  const localOf = new Map(); // gid -> local
  const gids = [];
  const cmap = []; // [cp, local]
  for (const cp of cps) {
    const gid = font.glyphForCodePoint(cp).id;
    if (gid === 0) continue;
    if (!localOf.has(gid)) {
      localOf.set(gid, gids.length);
      gids.push(gid);
    }
    cmap.push([cp, localOf.get(gid)]);
  }
  // ligature glyphs that no code point reaches still need metrics
  const gsub = font.GSUB;
  const ligaLookups = lookupsFor(gsub, 'latn', 'liga') ?? [];
  const ligatures = []; // [firstLocal, [componentLocals], ligLocal]
  const gsubLookups = gsub.lookupList.toArray();
  const ensureLocal = (gid) => {
    if (!localOf.has(gid)) {
      localOf.set(gid, gids.length);
      gids.push(gid);
    }
    return localOf.get(gid);
  };
  for (const li of ligaLookups) {
    const lk = gsubLookups[li];
    if (lk.lookupType !== 4) throw new Error(`${file}: liga lookup ${li} has type ${lk.lookupType}`);
    for (const st of lk.subTables) {
      const firsts = coverageGlyphs(st.coverage);
      st.ligatureSets.toArray().forEach((set, i) => {
        for (const lig of set) {
          ligatures.push([ensureLocal(firsts[i]), lig.components.map(ensureLocal), ensureLocal(lig.glyph)]);
        }
      });
    }
  }

  // GPOS pair kerning (DejaVu uses PairPos format 2 with XAdvance on the
  // first glyph only); every script's default language system is recorded.
  const gpos = font.GPOS;
  const gposLookups = gpos.lookupList.toArray();
  const kernLookupIds = new Set();
  const scriptKern = [];
  for (const s of gpos.scriptList) {
    const l = lookupsFor(gpos, s.tag, 'kern') ?? [];
    scriptKern.push([s.tag.trim(), l]);
    for (const i of l) kernLookupIds.add(i);
  }
  const kernIds = [...kernLookupIds].sort((a, b) => a - b);
  const kernTables = kernIds.map((li) => {
    const lk = gposLookups[li];
    if (lk.lookupType !== 2 || lk.subTables.length !== 1)
      throw new Error(`${file}: unexpected kern lookup ${li}`);
    const st = lk.subTables[0];
    if (st.version !== 2) throw new Error(`${file}: kern lookup ${li} is not class based`);
    const vf1 = st.valueFormat1;
    const onlyXAdvance =
      vf1.xAdvance &&
      !vf1.xPlacement &&
      !vf1.yPlacement &&
      !vf1.yAdvance &&
      !vf1.xAdvDevice &&
      !vf1.xPlaDevice;
    const vf2 = st.valueFormat2;
    if (!onlyXAdvance || Object.values(vf2).some(Boolean))
      throw new Error(`${file}: kern lookup ${li} value format`);
    const cov = new Set(coverageGlyphs(st.coverage));
    const c1 = classDefMap(st.classDef1);
    const c2 = classDefMap(st.classDef2);
    const values = [];
    for (const row of st.classRecords.toArray())
      for (const rec of row.toArray()) values.push(rec.value1?.xAdvance ?? 0);
    for (const g of cov) ensureLocal(g);
    for (const g of c2.keys()) ensureLocal(g);
    return { cov, c1, c2, class1Count: st.class1Count, class2Count: st.class2Count, values };
  });

  // header
  const head = font.head;
  const hhea = font.hhea;
  const os2 = font['OS/2'];
  const post = font.post;
  w.uv(head.unitsPerEm);
  w.uv(hhea.ascent);
  w.uv(-hhea.descent);
  w.uv(hhea.lineGap);
  w.uv(hhea.advanceWidthMax);
  w.sv(hhea.minRightSideBearing);
  w.uv(os2.xAvgCharWidth);
  w.sv(post.underlinePosition);
  w.uv(post.underlineThickness);
  // .notdef (glyph 0, the box drawn for characters no face has): advance and right extent
  const notdef = font.getGlyph(0);
  w.uv(notdef.advanceWidth);
  w.sv(notdef.advanceWidth - notdef.cbox.maxX);

  // glyph metrics
  w.uv(gids.length);
  const glyphs = gids.map((gid) => font.getGlyph(gid));
  let prev = 0;
  for (const g of glyphs) {
    w.sv(g.advanceWidth - prev);
    prev = g.advanceWidth;
  }
  // right extent: advance - xMax of the outline's control box (0 for empty glyphs)
  for (const g of glyphs) {
    const cb = g.cbox;
    const empty = !g.path || g.path.commands.length === 0;
    w.sv(empty ? g.advanceWidth : g.advanceWidth - cb.maxX);
  }

  // cmap as runs of consecutive code points with consecutive local glyphs
  const runs = [];
  for (const [cp, local] of cmap) {
    const last = runs[runs.length - 1];
    if (last && cp === last.cp + last.n && local === last.local + last.n) last.n++;
    else runs.push({ cp, local, n: 1 });
  }
  w.uv(runs.length);
  let prevEnd = 0;
  for (const r of runs) {
    w.uv(r.cp - prevEnd);
    w.uv(r.n);
    w.sv(r.local - r.cp);
    prevEnd = r.cp + r.n;
  }

  // ligatures
  w.uv(ligatures.length);
  for (const [first, comps, lig] of ligatures) {
    w.uv(first);
    w.uv(comps.length);
    for (const c of comps) w.uv(c);
    w.uv(lig);
  }

  // kern tables: per table the glyphs in coverage with class1, glyphs with class2, matrix
  w.uv(kernTables.length);
  for (const t of kernTables) {
    w.uv(t.class1Count);
    w.uv(t.class2Count);
    const firsts = [...t.cov].map((g) => [localOf.get(g), t.c1.get(g) ?? 0]).sort((a, b) => a[0] - b[0]);
    w.uv(firsts.length);
    let p = 0;
    for (const [l, c] of firsts) {
      w.uv(l - p);
      w.uv(c);
      p = l;
    }
    const seconds = [...t.c2].map(([g, c]) => [localOf.get(g), c]).sort((a, b) => a[0] - b[0]);
    w.uv(seconds.length);
    p = 0;
    for (const [l, c] of seconds) {
      w.uv(l - p);
      w.uv(c);
      p = l;
    }
    for (const v of t.values) w.sv(v);
  }
  // script tag -> kern tables (indexes into the list above)
  w.uv(scriptKern.length);
  for (const [tag, ids] of scriptKern) {
    w.uv(tag.length);
    for (const ch of tag) w.u8(ch.charCodeAt(0));
    w.uv(ids.length);
    for (const id of ids) w.uv(kernIds.indexOf(id));
  }
  // which scripts apply the ligatures (default language system has liga)
  const ligaScripts = gsub.scriptList
    .filter((s) => (lookupsFor(gsub, s.tag, 'liga') ?? []).some((l) => ligaLookups.includes(l)))
    .map((s) => s.tag.trim());
  w.uv(ligaScripts.length);
  for (const tag of ligaScripts) {
    w.uv(tag.length);
    for (const ch of tag) w.u8(ch.charCodeAt(0));
  }
  // ink boxes (FontMetrics.boundingRect): hhea's minimum left side bearing,
  // then for the .notdef and each local glyph the outline's control box xMin,
  // yMax and height (all 0 for a glyph with no outline); xMax is advance -
  // right extent
  const ink = new Writer();
  ink.sv(hhea.minLeftSideBearing);
  for (const g of [notdef, ...glyphs]) {
    const cb = g.cbox;
    const empty = !g.path || g.path.commands.length === 0;
    ink.sv(empty ? 0 : cb.minX);
    ink.sv(empty ? 0 : cb.maxY);
    ink.uv(empty ? 0 : cb.maxY - cb.minY);
  }
  return {
    key,
    family: font.familyName,
    style: font.subfamilyName,
    data: w.text(),
    ink: ink.text(),
    glyphs: gids.length,
  };
}

// ---------------------------------------------------------------- unicode
// Qt's QUnicodeTables::LineBreakClass order; the algorithm compares classes
// by this order (e.g. `cls >= LineBreak_SA`), so it must not change.
const LB = [
  'OP',
  'CL',
  'CP',
  'QU',
  'GL',
  'NS',
  'EX',
  'SY',
  'IS',
  'PR',
  'PO',
  'NU',
  'AL',
  'HL',
  'ID',
  'IN',
  'HY',
  'BA',
  'BB',
  'B2',
  'ZW',
  'CM',
  'WJ',
  'H2',
  'H3',
  'JL',
  'JV',
  'JT',
  'RI',
  'CB',
  'EB',
  'EM',
  'ZWJ',
  'SA',
  'SG',
  'SP',
  'CR',
  'LF',
  'BK',
];
// Unicode long names -> Qt class (Qt's table generator resolves AI and XX to
// AL, CJ to NS and NL to BK)
const LB_NAMES = {
  Open_Punctuation: 'OP',
  Close_Punctuation: 'CL',
  Close_Parenthesis: 'CP',
  Quotation: 'QU',
  Glue: 'GL',
  Nonstarter: 'NS',
  Exclamation: 'EX',
  Break_Symbols: 'SY',
  Infix_Numeric: 'IS',
  Prefix_Numeric: 'PR',
  Postfix_Numeric: 'PO',
  Numeric: 'NU',
  Alphabetic: 'AL',
  Hebrew_Letter: 'HL',
  Ideographic: 'ID',
  Inseparable: 'IN',
  Hyphen: 'HY',
  Break_After: 'BA',
  Break_Before: 'BB',
  Break_Both: 'B2',
  ZWSpace: 'ZW',
  Combining_Mark: 'CM',
  Word_Joiner: 'WJ',
  H2: 'H2',
  H3: 'H3',
  JL: 'JL',
  JV: 'JV',
  JT: 'JT',
  Regional_Indicator: 'RI',
  Contingent_Break: 'CB',
  E_Base: 'EB',
  E_Modifier: 'EM',
  ZWJ: 'ZWJ',
  Complex_Context: 'SA',
  Surrogate: 'SG',
  Space: 'SP',
  Carriage_Return: 'CR',
  Line_Feed: 'LF',
  Mandatory_Break: 'BK',
  Next_Line: 'BK',
  Ambiguous: 'AL',
  Unknown: 'AL',
  Conditional_Japanese_Starter: 'NS',
};
const GCB = [
  'Other',
  'CR',
  'LF',
  'Control',
  'Extend',
  'ZWJ',
  'Regional_Indicator',
  'Prepend',
  'SpacingMark',
  'L',
  'V',
  'T',
  'LV',
  'LVT',
];
// Unicode script -> OpenType script tag (the ones DejaVu Sans has tables for
// are all that matter; any other script falls back to DFLT like HarfBuzz).
const OT_TAG = {
  Latin: 'latn',
  Greek: 'grek',
  Cyrillic: 'cyrl',
  Arabic: 'arab',
  Armenian: 'armn',
  Braille: 'brai',
  Canadian_Aboriginal: 'cans',
  Cherokee: 'cher',
  Georgian: 'geor',
  Han: 'hani',
  Hebrew: 'hebr',
  Hiragana: 'kana',
  Katakana: 'kana',
  Lao: 'lao',
  Nko: 'nko',
  Ogham: 'ogam',
  Runic: 'runr',
  Tifinagh: 'tfng',
  Thai: 'thai',
};

async function ranges(prop, value) {
  const mod = await import(join(ucd, prop, value, 'ranges.mjs'));
  return mod.default;
}

async function buildUnicode() {
  const N = 0x110000;
  const lb = new Uint8Array(N).fill(LB.indexOf('AL'));
  for (const [name, cls] of Object.entries(LB_NAMES)) {
    for (const r of await ranges('Line_Break', name)) lb.fill(LB.indexOf(cls), r.begin, r.end);
  }
  const gcb = new Uint8Array(N);
  for (let i = 1; i < GCB.length; i++)
    for (const r of await ranges('Grapheme_Cluster_Break', GCB[i])) gcb.fill(i, r.begin, r.end);

  // scripts: 0 Unknown, 1 Inherited, 2 Common (Qt's QChar::Script order for
  // these three), then one id per other script in alphabetical order
  const { readdirSync } = await import('node:fs');
  const scriptNames = readdirSync(join(ucd, 'Script'))
    .filter((n) => !n.includes('.') && !['Common', 'Inherited', 'Unknown'].includes(n))
    .sort();
  const sc = new Uint8Array(N);
  for (const r of await ranges('Script', 'Inherited')) sc.fill(1, r.begin, r.end);
  for (const r of await ranges('Script', 'Common')) sc.fill(2, r.begin, r.end);
  for (let i = 0; i < scriptNames.length; i++) {
    for (const r of await ranges('Script', scriptNames[i])) sc.fill(3 + i, r.begin, r.end);
  }
  if (3 + scriptNames.length > 255) throw new Error('too many scripts');

  // flags: 1 mark (Mn/Mc/Me), 2 math symbol (Sm), 4 separator (Zs/Zl/Zp),
  // 8 Extended_Pictographic, 16 unassigned (Cn), 32 nonspacing mark (Mn)
  const fl = new Uint8Array(N);
  const orFlag = async (prop, value, bit) => {
    for (const r of await ranges(prop, value)) for (let c = r.begin; c < r.end; c++) fl[c] |= bit;
  };
  await orFlag('General_Category', 'Mark', 1);
  await orFlag('General_Category', 'Math_Symbol', 2);
  await orFlag('General_Category', 'Separator', 4);
  await orFlag('Binary_Property', 'Extended_Pictographic', 8);
  await orFlag('General_Category', 'Unassigned', 16);
  await orFlag('General_Category', 'Nonspacing_Mark', 32);

  // run-length encode the combined property tuple
  const tupleIndex = new Map();
  const tuples = [];
  const w = new Writer();
  const runs = [];
  let prevKey = -1;
  for (let c = 0; c < N; c++) {
    const key = lb[c] | (gcb[c] << 6) | (fl[c] << 10) | (sc[c] << 16);
    if (key !== prevKey) {
      if (!tupleIndex.has(key)) {
        tupleIndex.set(key, tuples.length);
        tuples.push(key);
      }
      runs.push([c, tupleIndex.get(key)]);
      prevKey = key;
    }
  }
  w.uv(tuples.length);
  for (const t of tuples) w.uv(t);
  w.uv(runs.length);
  let prev = 0;
  for (let i = 0; i < runs.length; i++) {
    const [c, t] = runs[i];
    w.uv(c - prev);
    w.uv(t);
    prev = c;
  }
  const otTags = ['', '', '', ...scriptNames.map((n) => OT_TAG[n] ?? '')];
  return { data: w.text(), runs: runs.length, tuples: tuples.length, scriptNames, otTags };
}

// ---------------------------------------------------------------- output
const HEADER = '// Generated by scripts/build-text-tables.mjs (npm run fonts). Do not edit.\n';

const dejavuVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/dejavu-fonts-ttf/package.json'), 'utf8'),
).version;
for (const fam of MODULES) {
  const faces = fam.faces.map(buildFace);
  let fontsTs = `${HEADER}// Metrics of ${faces[0].family} ${dejavuVersion} (npm dejavu-fonts-ttf), see src/quick/text/font-data.ts for the format.\n\n`;
  fontsTs += `export const ${fam.constant} = {\n`;
  for (const f of faces) {
    fontsTs += `  ${f.key}: {\n    family: '${f.family}',\n    style: '${f.style}',\n    data:\n${chunked(f.data).replace(/^/gm, '    ')},\n  },\n`;
  }
  fontsTs += '} as const;\n';
  writeFileSync(join(outDir, `${fam.module}.ts`), fontsTs);
  let boxesTs = `${HEADER}// Glyph ink boxes of ${faces[0].family} ${dejavuVersion}, per face in the local glyph order of its metrics;\n// see src/quick/text/glyph-boxes.ts for the format.\n\n`;
  boxesTs += 'export const BOXES = {\n';
  for (const f of faces) boxesTs += `  ${f.key}:\n${chunked(f.ink).replace(/^/gm, '  ')},\n`;
  writeFileSync(join(outDir, `${fam.module}-boxes.ts`), `${boxesTs}} as const;\n`);
  for (const f of faces) console.log(`${f.family} ${f.key}: ${f.glyphs} glyphs, ${f.data.length} chars`);
}

const uni = await buildUnicode();
let uniTs = `${HEADER}// Unicode 14.0 properties (npm @unicode/unicode-14.0.0), see src/quick/text/unicode.ts for the format.\n\n`;
uniTs += `export const LINE_BREAK_CLASSES = ${JSON.stringify(LB)} as const;\n\n`;
uniTs += `export const GRAPHEME_BREAK_CLASSES = ${JSON.stringify(GCB)} as const;\n\n`;
uniTs += `/** OpenType script tag per script id (0 Unknown, 1 Inherited, 2 Common). */\nexport const SCRIPT_OT_TAGS: readonly string[] = ${JSON.stringify(uni.otTags)};\n\n`;
uniTs += `export const SCRIPT_NAMES: readonly string[] = ${JSON.stringify(['Unknown', 'Inherited', 'Common', ...uni.scriptNames])};\n\n`;
uniTs += `export const UNICODE_PROPS =\n${chunked(uni.data)};\n`;
writeFileSync(join(outDir, 'unicode-data.ts'), uniTs);

console.log(`unicode: ${uni.runs} runs, ${uni.tuples} tuples, ${uni.data.length} chars`);
