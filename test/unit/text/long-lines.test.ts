// Very long lines (a 1 MiB chat message): the glyphs of a window onto the
// line can be made without making the million others, and they are the
// same glyphs, at the same places, as in the whole line.
import { describe, expect, it } from 'vitest';
import { layoutText } from '../../../src/quick/text';

const MESSAGE = `<b>bold</b> then e\u0301 office ${'lorem ipsum \u05e9\u05dc\u05d5\u05dd '.repeat(1500)} end`;

describe('a window onto a long line', () => {
  it.each([
    [0, 345],
    [-64, 409],
    [1000, 1400],
    [60_000, 60_360],
  ])('glyphsIn(%d, %d) is the part of the whole line in that span', (from, to) => {
    const whole = layoutText(MESSAGE).lines[0]!.glyphs;
    const part = layoutText(MESSAGE).lines[0]!.glyphsIn(from, to);
    expect(part.length).toBeGreaterThan(10);
    expect(part).toEqual(whole.filter((g) => g.x >= from && g.x < to));
  });

  it('a 1 MiB message keeps Qt’s width while only the visible glyphs are made', () => {
    const layout = layoutText('A'.repeat(1048576), {}, { width: 345, height: 18 });
    // Measured in Qt 6.4.2: test/fixtures/qt/text/text_chat_huge.log.
    expect(layout.implicitWidth).toBe(8945581);
    const visible = layout.lines[0]!.glyphsIn(-64, 424);
    // "A" is 8.53 px wide: glyphs at x = 0, 8.53, …, 418.0.
    expect(visible.length).toBe(50);
    expect(visible[0]).toMatchObject({ x: 0, text: 'A' });
  });
});
