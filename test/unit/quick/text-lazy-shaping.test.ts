// A long text is shaped lazily: its items made of simple characters get
// their width and word ends at once and their glyphs only where a line is
// drawn. The layout must be the one eager shaping gives, whatever the text:
// these tests lay out random texts both ways and compare everything a Text
// item shows (sizes, lines, glyph positions).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ElideMode,
  HAlign,
  LAZY_SHAPING_LENGTH,
  layoutText,
  resolveFont,
  TextFormat,
  type TextLayoutOptions,
  type TextLayoutResult,
  VAlign,
  WrapMode,
} from '../../../src/quick/text';
import { shapeText } from '../../../src/quick/text/shaper';

/** Pieces of text: words of several scripts, spaces Qt breaks at and spaces it does not, controls, marks. */
const PIECES = [
  'lorem',
  'ipsum',
  'office', // f_f_i ligature in Latin
  'fl',
  'AVATAR', // kerning pairs
  'To',
  'A', // glyphs with a negative right bearing end these
  'TV/',
  'path_',
  'x'.repeat(4500), // longer than an item (4096)
  'AV'.repeat(2100), // kerned pairs across items
  ' ',
  '   ',
  '\t',
  '\n',
  '\u2028',
  '\u00a0', // no-break space: not a break
  '\u3000', // ideographic space: a break
  '\u2003', // em space
  '\r',
  'αβγ δ', // Greek
  'Привет',
  'שלום', // Hebrew
  'مرحبا', // Arabic
  '漢字かな',
  'e\u0301', // combining acute
  '\u00ad', // soft hyphen
  '\u200b', // zero width space
  '\ud83d\ude00', // emoji
  '\ud800', // lone surrogate
  '.',
  ',',
  '-',
  '1234',
];

// Qt's default font here: DejaVu Sans, 12 px
const font = resolveFont({});
// an oblique font: glyphs with negative right bearings, which the line breaker adds to a line's width
const oblique = resolveFont({ italic: true });

/** Everything a Text item shows of a layout; the glyphs of the span [from, to) asked first, then all. */
function shown(r: TextLayoutResult, from: number, to: number): unknown {
  return {
    sizes: [r.implicitWidth, r.implicitHeight, r.contentWidth, r.contentHeight, r.width, r.height],
    lineCount: r.lineCount,
    truncated: r.truncated,
    baselineOffset: r.baselineOffset,
    lines: r.lines.map((l) => {
      const span = l.glyphsIn(from, to);
      return {
        start: l.start,
        length: l.length,
        x: l.x,
        y: l.y,
        naturalWidth: l.naturalWidth,
        advance: l.advance,
        span,
        glyphs: l.glyphs,
      };
    }),
  };
}

const OPTIONS: readonly [string, TextLayoutOptions][] = [
  ['implicit width', {}],
  ['NoWrap in 345 px', { width: 345, height: 18, verticalAlignment: VAlign.AlignVCenter }],
  ['NoWrap right aligned', { width: 300, horizontalAlignment: HAlign.AlignRight }],
  ['NoWrap centered, implicit width', { horizontalAlignment: HAlign.AlignHCenter }],
  ['WordWrap', { width: 400, wrapMode: WrapMode.WordWrap }],
  ['Wrap', { width: 250, wrapMode: WrapMode.Wrap }],
  ['WrapAnywhere', { width: 300, wrapMode: WrapMode.WrapAnywhere }],
  ['ElideRight', { width: 345, elide: ElideMode.ElideRight }],
  ['ElideLeft', { width: 345, elide: ElideMode.ElideLeft }],
  ['ElideMiddle', { width: 345, elide: ElideMode.ElideMiddle }],
  [
    'ElideRight, 3 lines wrapped',
    { width: 345, height: 50, wrapMode: WrapMode.Wrap, elide: ElideMode.ElideRight },
  ],
];

function compare(text: string, options: TextLayoutOptions, from: number, to: number, f = font): void {
  const eager = layoutText(text, f, { ...options, lazyShaping: false });
  const lazy = layoutText(text, f, { ...options, lazyShaping: true });
  expect(shown(lazy, from, to)).toEqual(shown(eager, from, to));
}

describe('lazy shaping lays out a text as eager shaping does', () => {
  const texts = fc
    .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 })
    .map((ps) => ps.join(''));

  for (const [name, options] of OPTIONS) {
    it(`random texts: ${name}`, () => {
      fc.assert(
        fc.property(texts, fc.integer({ min: -50, max: 5000 }), (text, from) => {
          compare(text, { ...options, textFormat: TextFormat.PlainText }, from, from + 360);
        }),
        { numRuns: 60, seed: 4242 },
      );
    });
  }

  it('random texts in an oblique font', () => {
    fc.assert(
      fc.property(texts, (text) => {
        compare(text, { textFormat: TextFormat.PlainText }, 0, 360, oblique);
        compare(text, { width: 345, textFormat: TextFormat.PlainText }, 0, 360, oblique);
      }),
      { numRuns: 60, seed: 99 },
    );
  });

  it('styled text: runs in several fonts', () => {
    fc.assert(
      fc.property(texts, (text) => {
        compare(`<b>bold</b> ${text} <i>it</i>`, { width: 345 }, 0, 360);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('a megabyte long line: Qt’s width, and glyphs only for the span asked', () => {
    const text = `${'lorem ipsum '.repeat(87381)}lore`;
    const r = layoutText(text, font, { width: 345, height: 18 });
    // Qt 6.4.2's implicitWidth for this text (test/fixtures/qt/text/text_chat_huge.log)
    expect(r.implicitWidth).toBe(6856700.53125);
    expect(r.lineCount).toBe(1);
    const span = r.lines[0]!.glyphsIn(0, 345);
    expect(span.length).toBeGreaterThan(40);
    expect(span.map((g) => g.text).join('')).toBe(text.slice(0, span.length));
    expect(text.length).toBeGreaterThanOrEqual(LAZY_SHAPING_LENGTH);
  });
});

describe('itemizing a long text of one script', () => {
  it('splits at tabs, line separators and every 4096 characters as the general itemizer does', () => {
    const ascii = fc
      .array(fc.constantFrom('word', ' ', '\t', '\u2028', 'AV', 'x'.repeat(5000), '.'), {
        minLength: 1,
        maxLength: 60,
      })
      .map((ps) => ps.join(''));
    fc.assert(
      fc.property(ascii, (text) => {
        // ASCII and line separators take the native path; a Latin letter that
        // is not ASCII at the end sends the same text through the general one
        const fast = shapeText(text, { metrics: font.metrics });
        const general = shapeText(`${text}\u00e9`, { metrics: font.metrics });
        const items = (s: typeof fast) =>
          s.items
            .filter((it) => it.start < text.length)
            .map((it) => [it.start, Math.min(it.end, text.length), it.kind]);
        expect(items(fast)).toEqual(items(general));
        expect(fast.advances.slice(0, fast.glyphCount - 1)).toEqual(
          general.advances.slice(0, fast.glyphCount - 1),
        );
      }),
      { numRuns: 80, seed: 11 },
    );
  });
});
