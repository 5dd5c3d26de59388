#!/usr/bin/env node
// Splits the DejaVu Sans, Sans Mono and Serif faces the renderer draws
// glyphs with into WOFF2 subsets by Unicode range, so a page loads only the
// part of a face its text uses (the browser's @font-face unicode-range idea;
// the renderer asks for the subsets itself before it rasterizes a glyph):
//
//   src/render/fonts/DejaVuSans[-Bold|-Oblique|-BoldOblique]-SUBSET.woff2
//   src/render/fonts/DejaVuSansMono[...]-SUBSET.woff2, DejaVuSerif[...]-SUBSET.woff2
//   src/render/fonts/subsets.ts   the ranges, and DejaVu Sans' subset files
//   src/render/fonts/subsets-mono.ts, subsets-serif.ts   the other families'
//       subset files (separate modules: a page that does not draw a family
//       does not load even their URLs)
//
// The subsets hold the outlines and the OpenType layout tables (ligatures,
// mark positioning within a cluster); TrueType hinting instructions are
// dropped: glyphs are rasterized by the browser, which does not run them
// (the pages run with font hinting off). Text layout does not read these
// files: its metrics are in src/quick/text/generated.
//
// Run with `npm run fonts`. The output is committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src/render/fonts');
const fontDir = join(root, 'node_modules/dejavu-fonts-ttf/ttf');

const FAMILIES = [
  {
    module: 'subsets',
    name: 'DejaVu Sans',
    faces: [
      { key: 'regular', file: 'DejaVuSans' },
      { key: 'bold', file: 'DejaVuSans-Bold' },
      { key: 'oblique', file: 'DejaVuSans-Oblique' },
      { key: 'boldOblique', file: 'DejaVuSans-BoldOblique' },
    ],
  },
  {
    module: 'subsets-mono',
    name: 'DejaVu Sans Mono',
    faces: [
      { key: 'regular', file: 'DejaVuSansMono' },
      { key: 'bold', file: 'DejaVuSansMono-Bold' },
      { key: 'oblique', file: 'DejaVuSansMono-Oblique' },
      { key: 'boldOblique', file: 'DejaVuSansMono-BoldOblique' },
    ],
  },
  {
    module: 'subsets-serif',
    name: 'DejaVu Serif',
    faces: [
      { key: 'regular', file: 'DejaVuSerif' },
      { key: 'bold', file: 'DejaVuSerif-Bold' },
      { key: 'oblique', file: 'DejaVuSerif-Italic' },
      { key: 'boldOblique', file: 'DejaVuSerif-BoldItalic' },
    ],
  },
];

// Ranges as used for web fonts; a code point goes to the first subset that
// lists it. Combining marks (U+0300-036F) sit with Latin so that a base
// letter and its accents are drawn from one font.
const SUBSETS = [
  {
    name: 'latin',
    ranges: [
      [0x0000, 0x00ff],
      [0x0131, 0x0131],
      [0x0152, 0x0153],
      [0x02bb, 0x02bc],
      [0x02c6, 0x02c6],
      [0x02da, 0x02da],
      [0x02dc, 0x02dc],
      [0x0300, 0x036f],
      [0x2000, 0x206f],
      [0x2074, 0x2074],
      [0x20ac, 0x20ac],
      [0x2122, 0x2122],
      [0x2191, 0x2191],
      [0x2193, 0x2193],
      [0x2212, 0x2212],
      [0x2215, 0x2215],
      [0xfeff, 0xfeff],
      [0xfffd, 0xfffd],
    ],
  },
  {
    name: 'latin-ext',
    ranges: [
      [0x0100, 0x02ff],
      [0x1d00, 0x1dbf],
      [0x1e00, 0x1eff],
      [0x20a0, 0x20cf],
      [0x2c60, 0x2c7f],
      [0xa720, 0xa7ff],
    ],
  },
  {
    name: 'greek',
    ranges: [
      [0x0370, 0x03ff],
      [0x1f00, 0x1fff],
    ],
  },
  {
    name: 'cyrillic',
    ranges: [
      [0x0400, 0x052f],
      [0x1c80, 0x1c8f],
      [0x2de0, 0x2dff],
      [0xa640, 0xa69f],
    ],
  },
  { name: 'symbols', ranges: [[0x2070, 0x2bff]] },
  { name: 'other', ranges: [[0x0000, 0x10ffff]] },
];

/** `ranges` minus `taken` (both lists of inclusive [first, last] runs), sorted and merged. */
function minus(ranges, taken) {
  let out = ranges.map(([a, b]) => [a, b]).sort((x, y) => x[0] - y[0]);
  for (const [ta, tb] of taken) {
    const next = [];
    for (const [a, b] of out) {
      if (tb < a || ta > b) next.push([a, b]);
      else {
        if (a < ta) next.push([a, ta - 1]);
        if (b > tb) next.push([tb + 1, b]);
      }
    }
    out = next;
  }
  const merged = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && last[1] >= r[0] - 1) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return merged;
}

// Disjoint ranges: each subset keeps what no earlier one declared.
const DISJOINT = [];
for (const subset of SUBSETS) {
  DISJOINT.push({
    name: subset.name,
    ranges: minus(
      subset.ranges,
      DISJOINT.flatMap((d) => d.ranges),
    ),
  });
}

/** Combining marks (the blocks of general category Mn that DejaVu covers). */
function isMark(c) {
  return (
    (c >= 0x0300 && c <= 0x036f) ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe20 && c <= 0xfe2f)
  );
}

mkdirSync(outDir, { recursive: true });
const version = JSON.parse(
  readFileSync(join(root, 'node_modules/dejavu-fonts-ttf/package.json'), 'utf8'),
).version;
for (const family of FAMILIES) {
  const imports = [];
  const table = [];
  for (const face of family.faces) {
    const bytes = readFileSync(join(fontDir, `${face.file}.ttf`));
    const font = fontkit.create(bytes);
    const all = [...font.characterSet].filter((c) => c >= 0x20).sort((a, b) => a - b);
    const entries = [];
    for (const subset of DISJOINT) {
      const cps = all.filter((c) => subset.ranges.some(([a, b]) => c >= a && c <= b));
      // Combining marks go into every subset too: a cluster (a base letter and
      // its marks) is drawn from the subset of its first code point.
      const withMarks = [...new Set([...cps, ...all.filter(isMark)])];
      // Subset n must exist in every face (the renderer indexes them alike).
      if (cps.length === 0) throw new Error(`${face.file}: no code points in ${subset.name}`);
      const woff2 = await subsetFont(bytes, String.fromCodePoint(...withMarks), {
        targetFormat: 'woff2',
        noHinting: true,
      });
      const file = `${face.file}-${subset.name}.woff2`;
      writeFileSync(join(outDir, file), woff2);
      const id = `${face.key}_${subset.name.replace('-', '_')}`;
      imports.push(`import ${id} from './${file}?url';`);
      entries.push(`    { name: '${subset.name}', url: ${id} },`);
      process.stdout.write(`${file}: ${cps.length} code points, ${woff2.length} bytes\n`);
    }
    table.push(`  ${face.key}: [\n${entries.join('\n')}\n  ],`);
  }
  const main = family.module === 'subsets';
  const ts = `// Generated by scripts/build-font-subsets.mjs (npm run fonts). Do not edit.
// The WOFF2 subsets of ${family.name} ${version} (npm dejavu-fonts-ttf). Subset n of
// every face holds the face's glyphs for the code points in SUBSET_RANGES[n]
// (${main ? '' : 'subsets.ts; '}inclusive [first, last] runs; the ranges of different subsets are disjoint).
${main ? '' : "import type { FamilySubsets } from './subsets';\n"}${imports.join('\n')}
${
  main
    ? `
export const SUBSET_RANGES: ReadonlyArray<ReadonlyArray<readonly [number, number]>> = ${JSON.stringify(DISJOINT.map((d) => d.ranges))};

export interface FontSubset {
  readonly name: string;
  readonly url: string;
}

/** A family's subsets per face slot (the slanted slot is Italic in DejaVu Serif). */
export type FamilySubsets = Readonly<Record<'regular' | 'bold' | 'oblique' | 'boldOblique', readonly FontSubset[]>>;
`
    : ''
}
export const FONT_SUBSETS = {
${table.join('\n')}
} as const satisfies FamilySubsets;
`;
  writeFileSync(join(outDir, `${family.module}.ts`), ts);
}
