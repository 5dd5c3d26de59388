import { describe, expect, test } from 'vitest';
import { lines, runQml } from '../../helpers/qml';
import { fixture, fixtureLines } from '../../helpers/shape-fixtures';

// Qt stores colors in 16 bits per channel and computes HSV/HSL and
// Qt.lighter/darker in single precision; every value below is Qt 6.4's.
describe('color values (QColor, measured with Qt 6.4)', () => {
  test('color_math.qml prints exactly what Qt printed (rgba/hsla/hsva, lighter/darker, tint, parsing)', async () => {
    const r = await runQml({ 'color_math.qml': fixture('shapes/color_math.qml') });
    expect(lines(r)).toEqual(fixtureLines('shapes/color_math.log'));
  });

  test('Qt.rgba rounds through 16 bits: 0.3 reads back 0.3000076413154602 and is #4d in 8 bits', async () => {
    const r = await runQml(`import QtQuick
Item { property color c: Qt.rgba(0.3, 0.3, 0.3, 1) }`);
    expect(r.root.c.r).toBe(0.3000076413154602);
    expect(String(r.root.c)).toBe('#4d4d4d');
  });

  test('#aarrggbb puts alpha first, and a translucent color prints as #aarrggbb', async () => {
    const r = await runQml(`import QtQuick
Item { property color c: "#80ff0000"; property color d: Qt.rgba(0, 0, 1, 0.25) }`);
    expect([r.root.c.r, r.root.c.g, r.root.c.b]).toEqual([1, 0, 0]);
    expect(r.root.c.a).toBe(0.501960813999176);
    expect(String(r.root.c)).toBe('#80ff0000');
    expect(String(r.root.d)).toBe('#400000ff');
  });

  test('Qt.lighter/darker: HSV value scaled, overflow desaturates (red 1.5 -> #ff7f7f, darker -> #7f0000)', async () => {
    const r = await runQml(`import QtQuick
Item { Component.onCompleted: print(Qt.lighter("red"), Qt.darker("red"), Qt.lighter("#336699", 1.2), Qt.darker("#80ff0000", 1.5)) }`);
    expect(lines(r)).toEqual(['qml: #ff7f7f #7f0000 #3d7ab8 #80aa0000']);
  });

  test('a number is not a color', async () => {
    const r = await runQml(`import QtQuick
Item { property color c: "red"; function set() { c = 0xff0000 } }`);
    expect(() => r.root.set()).toThrow(/assign int to QColor/);
    expect(String(r.root.c)).toBe('#ff0000');
  });
});

describe('Qt.lighter/darker/tint/alpha with arguments that are not colors (Qt 6.4)', () => {
  test('they return null; Qt.alpha sets the alpha, clamped to 0..1', async () => {
    const r = await runQml(`import QtQuick
Item { Component.onCompleted: print(Qt.darker("nope"), Qt.tint("nope", "red"), Qt.tint("red", "nope"), Qt.alpha("nope", 0.5),
  Qt.lighter(5), Qt.alpha("red", 0.3), Qt.alpha("#80ff0000", 1.5), Qt.alpha(Qt.hsla(0.5, 1, 0.5, 1), 0.5), Qt.lighter("red", "x")) }`);
    expect(lines(r)).toEqual(['qml: null null null null null #4dff0000 #ff0000 #8000ffff #ff0000']);
  });
});
