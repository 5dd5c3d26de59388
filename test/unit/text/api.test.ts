import { describe, expect, it } from 'vitest';
import {
  FontMetrics,
  HAlign,
  layoutText,
  loadFamily,
  measureTextInput,
  mightBeRichText,
  parseStyledText,
  resolveFont,
  VAlign,
  WrapMode,
} from '../../../src/quick/text';

describe('font metrics', () => {
  it('has Qt defaults for the default font', () => {
    const fm = new FontMetrics({});
    expect(fm.ascent).toBe(11.140625);
    expect(fm.descent).toBe(2.828125);
    expect(fm.height).toBe(13.96875);
    expect(fm.xHeight).toBe(7);
    expect(fm.averageCharacterWidth).toBe(6.078125);
    expect(fm.maximumCharacterWidth).toBe(22);
    expect(fm.advanceWidth('Hello')).toBe(30.375);
    expect(fm.advanceWidth(' ')).toBe(3.8125);
  });
  it('resolves point sizes like QQuickText', () => {
    expect(resolveFont({ pointSize: 10 }).metrics.ppem).toBe(13);
    expect(resolveFont({ pointSize: 9.5 }).metrics.ppem).toBe(13);
    expect(resolveFont({ family: 'Whatever' }).metrics.ppem).toBe(12);
  });
});

describe('layoutText', () => {
  it('places aligned lines and glyphs', () => {
    const right = layoutText('Hello', {}, { width: 100, horizontalAlignment: HAlign.AlignRight });
    expect(right.lines[0]!.x).toBe(100 - 30.375);
    const center = layoutText('Hello', {}, { width: 100, horizontalAlignment: HAlign.AlignHCenter });
    // QTextEngine::alignLine: (width - advance) / 2 in 26.6, truncated
    expect(center.lines[0]!.x).toBe(Math.trunc((6400 - 1944) / 2) / 64);
    const xs = layoutText('Hello').lines[0]!.glyphs.map((g) => g.x * 64);
    expect(xs).toEqual([0, 577, 1049, 1262, 1475]);
  });
  it('stretches justified lines that wrapped over their spaces (QTextEngine::justify)', () => {
    const text = 'justified text that wraps over a couple of lines ok';
    const opts = { width: 150, wrapMode: WrapMode.WordWrap };
    const left = layoutText(text, {}, opts);
    const just = layoutText(text, {}, { ...opts, horizontalAlignment: HAlign.AlignJustify });
    expect(just.lines.length).toBe(left.lines.length);
    const first = left.lines[0]!;
    const free = 150 - first.naturalWidth;
    expect(free).toBeGreaterThan(1);
    // The line's words keep their glyphs; each space grows, the last word ends at the width.
    const a = first.glyphs;
    const b = just.lines[0]!.glyphs;
    expect(b.map((g) => g.text)).toEqual(a.map((g) => g.text));
    expect(b[0]!.x).toBe(a[0]!.x);
    expect(b[b.length - 1]!.x).toBeCloseTo(a[a.length - 1]!.x + free, 5);
    // (its underline, drawn over the natural width, reaches the width too)
    expect(just.lines[0]!.naturalWidth).toBe(150);
    // Spaces share the free width in 1/64 px steps, the last one taking what is left.
    const spaces = a.filter((g) => g.text === ' ').length;
    const moved = b.map((g, i) => Math.round((g.x - a[i]!.x) * 64));
    expect(new Set(moved).size).toBe(spaces + 1);
    // The text's last line keeps its natural width and place.
    const lastLeft = left.lines[left.lines.length - 1]!;
    const lastJust = just.lines[just.lines.length - 1]!;
    expect(lastJust.glyphs.map((g) => g.x)).toEqual(lastLeft.glyphs.map((g) => g.x));
  });
  it('gives baselines with vertical alignment', () => {
    const r = layoutText(
      '# socket open',
      {},
      { width: 345, height: 18, verticalAlignment: VAlign.AlignVCenter },
    );
    expect(r.baselineOffset).toBe(13.140625);
    expect(r.lines[0]!.baseline).toBe(13.140625);
  });
  it('draws ligatures with their presentation form', () => {
    const g = layoutText('office').lines[0]!.glyphs;
    expect(g.map((x) => x.text)).toEqual(['o', 'ffi', 'c', 'e']);
    expect(g[1]!.codePoint).toBe(0xfb03);
  });
  it('draws a glyph after a tab at the next 80 px stop (text_tabs in Qt)', () => {
    const g = layoutText('a\tb\t\tc', { pixelSize: 20 }).lines[0]!.glyphs;
    expect(g.filter((x) => x.text !== '\t').map((x) => [x.text, x.x])).toEqual([
      ['a', 0],
      ['b', 80],
      ['c', 240],
    ]);
  });
  it('draws the .notdef box for a character no face has, with its advance', () => {
    const g = layoutText('a\u4e2db', { pixelSize: 20 }).lines[0]!.glyphs;
    expect(g.map((x) => x.codePoint)).toEqual([0x61, -1, 0x62]);
    // DejaVu Sans's .notdef: 1229 units of 2048, 12 px at 20 px
    expect(g[2]!.x - g[1]!.x).toBe(12);
  });
  it('wraps and reports line count', () => {
    const r = layoutText('Hello World foo bar', {}, { width: 50, wrapMode: WrapMode.WordWrap });
    expect(r.lineCount).toBe(3);
    expect(r.contentHeight).toBe(42);
  });
  it('lays out a 1 MiB single line as one line', () => {
    const big = 'The quick brown fox jumps over the lazy dog. '.repeat(23302).slice(0, 1 << 20);
    const r = layoutText(big);
    expect(r.lineCount).toBe(1);
    expect(r.contentWidth).toBeGreaterThan(1 << 20);
  });
});

describe('styled text', () => {
  it('detects markup like Qt::mightBeRichText', () => {
    expect(mightBeRichText('<b>hi</b>')).toBe(true);
    expect(mightBeRichText('x < y')).toBe(false);
    expect(mightBeRichText('&lt;b&gt;')).toBe(true);
    expect(mightBeRichText('<unknown>tag</unknown>')).toBe(false);
    expect(mightBeRichText('first\n<b>second</b>')).toBe(false);
  });
  it('parses runs and never keeps tags in the text', () => {
    const s = parseStyledText('<b>hi</b> <font color="red">there</font> &amp; <script>x</script>');
    expect(s.text).toBe('hi there & x');
    expect(s.runs[0]).toMatchObject({ start: 0, end: 2, bold: true });
    expect(s.runs.find((r) => r.color === 'red')).toMatchObject({ start: 3, end: 8 });
  });
  it('lays out a bold chat message', async () => {
    await loadFamily('sans');
    const r = layoutText('<b>hi</b>');
    expect(r.styleRuns?.[0]?.bold).toBe(true);
    expect(r.implicitWidth).toBe(layoutText('hi', { bold: true }).implicitWidth);
    expect(r.implicitWidth).toBeGreaterThan(layoutText('hi').implicitWidth);
  });
});

describe('TextInput', () => {
  it('measures like QQuickTextInput', () => {
    const m = measureTextInput('abc');
    expect(m.contentWidth).toBe(21.546875);
    expect(m.implicitWidth).toBe(22);
    expect(m.cursorRectangle(0)).toEqual({ x: 0, y: 0, width: 1, height: 14 });
    expect(measureTextInput('').implicitHeight).toBe(14);
    expect(m.positionAt(100)).toBe(3);
  });
});
