import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FontMetrics, fontInfo, loadFamily, resolveFamily, resolveFont } from '../../../src/quick/text';
import { FIXTURES, loadScene, qtLog } from '../quick/qt-dump';

// What real Qt 6.4.2 (fontconfig on the reference machine) does with
// font.family, recorded in test/fixtures/qt/text/font_*.

/** `"name" -> family | style | textWidth inputWidth` lines of font_families.log, by name. */
function familyLines(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(`${FIXTURES}${file}`, 'utf8').split('\n')) {
    const m = /^qml: (".*") -> (.*)$/.exec(line);
    if (m) out.set(JSON.parse(m[1]!) as string, line);
  }
  return out;
}

describe('font.family resolves like Qt with fontconfig (font_families)', async () => {
  const qt = familyLines('font_families.log');
  // The same scene in Qt with fontconfig given the DejaVu fonts only.
  const dejavuOnly = familyLines('font_families.dejavu-only.log');
  const run = await loadScene('font_families.qml', 0);
  const ours = new Map<string, string>();
  for (const line of run.output) {
    const m = /^qml: (".*") -> (.*)$/.exec(line);
    if (m) ours.set(JSON.parse(m[1]!) as string, line);
  }

  it('covers every name fontconfig configures and more', () => {
    expect(qt.size).toBe(382);
    expect(ours.size).toBe(qt.size);
  });

  it('gives the family, style and widths Qt gives for every name Qt resolves to a DejaVu family', () => {
    const differ: string[] = [];
    for (const [name, line] of qt) {
      if (!/-> DejaVu (Sans|Sans Mono|Serif) \|/.test(line)) continue;
      if (ours.get(name) !== line) differ.push(`${line}\n   ours: ${ours.get(name)}`);
    }
    expect(differ).toEqual([]);
  });

  it('falls back to the DejaVu family Qt picks without Liberation fonts for their metric aliases', () => {
    // Here fontconfig maps Courier, Times, Arial, Helvetica... to Liberation
    // fonts (not bundled); with the DejaVu fonts alone Qt picks DejaVu Sans
    // Mono, DejaVu Serif, DejaVu Sans for them, and so does the bundle.
    const liberation = [...qt].filter(([, line]) => line.includes('-> Liberation '));
    expect(liberation.length).toBe(34);
    const differ: string[] = [];
    for (const [name] of liberation) {
      const expected = dejavuOnly.get(name);
      if (ours.get(name) !== expected) differ.push(`${expected}\n   ours: ${ours.get(name)}`);
    }
    expect(differ).toEqual([]);
    expect(ours.get('Courier')).toBe('qml: "Courier" -> DejaVu Sans Mono | Book | 79.40625 80');
    expect(ours.get('Times New Roman')).toBe('qml: "Times New Roman" -> DejaVu Serif | Book | 72.203125 73');
  });

  it('gives DejaVu Sans where Qt picks DejaVu Math TeX Gyre (not bundled): "math" and an empty family', () => {
    const math = [...qt].filter(([, line]) => line.includes('-> DejaVu Math TeX Gyre'));
    expect(math.map(([name]) => name)).toContain('');
    for (const [name] of math)
      expect(ours.get(name)).toBe(`qml: ${JSON.stringify(name)} -> DejaVu Sans | Book | 68.53125 69`);
  });

  it('ignores case and spaces but not tabs or commas', () => {
    expect(resolveFamily('MONOSPACE')).toBe('mono');
    expect(resolveFamily('DejaVuSansMono')).toBe('mono');
    expect(resolveFamily(' dejavu  serif ')).toBe('serif');
    expect(resolveFamily('\tmonospace')).toBe('sans');
    expect(resolveFamily('monospace,serif')).toBe('sans');
    expect(resolveFamily('Some Family')).toBe('sans');
  });
});

describe('Text.fontInfo follows the font only when text is laid out (font_info_updates)', () => {
  it('keeps the previous fontInfo while the text is empty or RichText, as Qt prints', async () => {
    const run = await loadScene('font_info_updates.qml', 0);
    expect(run.output).toEqual(qtLog('font_info_updates'));
  });
});

describe('DejaVu Sans Mono and Serif metrics match Qt (font_metrics_mono_serif, font_x_height)', async () => {
  await Promise.all([loadFamily('mono'), loadFamily('serif')]);

  it('FontMetrics: ascent, descent, height, leading, lineSpacing, xHeight, character widths, underline, advances', () => {
    const differ: string[] = [];
    const log = qtLog('font_metrics_mono_serif');
    expect(log.length).toBe(40);
    for (const line of log) {
      const [family, bold, italic, px, ...v] = line.replace(/^qml: /, '').split(' ');
      const fm = new FontMetrics({
        family,
        pixelSize: Number(px),
        bold: bold === 'true',
        italic: italic === 'true',
      });
      const ours = [
        fm.ascent,
        fm.descent,
        fm.height,
        fm.leading,
        fm.lineSpacing,
        fm.xHeight,
        fm.averageCharacterWidth,
        fm.maximumCharacterWidth,
        fm.font.metrics.underlinePosition / 64,
        fm.font.metrics.lineThickness / 64,
        fm.advanceWidth('Hello World'),
        fm.advanceWidth('AVAST fi'),
      ].join(' ');
      if (ours !== v.join(' ')) differ.push(`${line}\n   ours: ${ours}`);
    }
    expect(differ).toEqual([]);
  });

  it('xHeight for pixel sizes 1..256 in every face', () => {
    const differ: string[] = [];
    for (const line of qtLog('font_x_height')) {
      const m = /^qml: (DejaVu Sans Mono|DejaVu Serif) (bold|) (italic|) xHeight (.*)$/.exec(line);
      if (!m) continue;
      const qt = m[4]!.split(',').map(Number);
      const ours = qt.map(
        (_, i) =>
          new FontMetrics({
            family: m[1],
            pixelSize: i + 1,
            bold: m[2] === 'bold',
            italic: m[3] === 'italic',
          }).xHeight,
      );
      if (ours.join(',') !== qt.join(',')) differ.push(line);
    }
    expect(differ).toEqual([]);
  });

  it('fontInfo names the face: Book, Bold, Oblique / Italic', () => {
    const info = (family: string, bold: boolean, italic: boolean) => {
      const i = fontInfo(resolveFont({ family, bold, italic }));
      return `${i.family} ${i.styleName}`;
    };
    expect(info('monospace', true, true)).toBe('DejaVu Sans Mono Bold Oblique');
    expect(info('serif', false, true)).toBe('DejaVu Serif Italic');
    expect(info('serif', true, true)).toBe('DejaVu Serif Bold Italic');
  });
});
