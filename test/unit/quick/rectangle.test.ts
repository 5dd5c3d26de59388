import { describe, expect, test } from 'vitest';
import { Dirty } from '../../../src/quick/items/Item';
import type { Rectangle, RectanglePaintState } from '../../../src/quick/items/Rectangle';
import { lines, runQml } from '../../helpers/qml';
import { compareGeometry, fixture, fixtureLines, qtGeometry } from '../../helpers/shape-fixtures';

async function scene(name: string) {
  const r = await runQml({ [`${name}.qml`]: fixture(`shapes/${name}.qml`) });
  const byName = new Map<string, Rectangle>();
  for (const c of r.root.childItems as Rectangle[]) byName.set(c.objectName, c);
  return {
    r,
    paint: (n: string): RectanglePaintState => byName.get(n)!.paintState(),
    rect: (n: string) => byName.get(n)!,
  };
}

describe('Rectangle (QQuickRectangle, measured with Qt 6.4)', () => {
  test('defaults: white, radius 0, border reads width 1 and #000000, gradient undefined', async () => {
    const r = await runQml(`import QtQuick
Rectangle { width: 10; height: 10 }`);
    expect(String(r.root.color)).toBe('#ffffff');
    expect(r.root.radius).toBe(0);
    expect([r.root.border.width, String(r.root.border.color), r.root.border.pixelAligned]).toEqual([
      1,
      '#000000',
      true,
    ]);
    expect(r.root.gradient).toBeUndefined();
    expect(r.root.antialiasing).toBe(false);
    expect((r.root as Rectangle).paintState().borderWidth).toBe(0);
  });

  test('rect_border.qml: the values Qt reports (geometry, colors, border) and prints', async () => {
    const { r } = await scene('rect_border');
    expect(compareGeometry(r.root, qtGeometry('shapes/rect_border.geometry.json'))).toEqual([]);
    // border.width still reads 1 after only border.color was set; a later JS assignment draws the border
    expect(lines(r)).toEqual(fixtureLines('shapes/rect_border.log'));
  });

  test.each([
    // [objectName, border width drawn, as measured in rect_border.png]
    ['none', 0],
    ['width3', 3],
    ['colorRed', 1],
    ['width0', 0],
    ['width0red', 0],
    ['width4blue', 4],
    ['width1', 1], // assigning the default width still turns the border on
    ['colorBlack', 1], // and so does assigning the default color
    ['width1.5', 2], // pixel-aligned widths are rounded (qRound)
    ['width2.5', 3],
    ['width0.4', 0],
    ['width0.6', 1],
    ['unaligned3.5', 3.5],
    ['transparentBorder', 0],
    ['negative', 0],
    ['width30', 20], // at most half the smaller side: all border
    ['transparentFill', 2],
    ['halfAlphaBorder', 6],
    ['wide30', 10],
    ['thin', 1],
    ['colorThenRead', 1],
    ['assignedLater', 2],
    ['widthThenZeroColor', 2],
  ])('border drawn for %s: %d px', async (name, width) => {
    const { paint } = await scene('rect_border');
    expect(paint(name).borderWidth).toBe(width);
    expect(paint(name).visible).toBe(true);
  });

  test('nothing is drawn for a zero-size rectangle, even with a border', async () => {
    const { paint } = await scene('rect_border');
    expect(paint('zeroWidth').visible).toBe(false);
  });

  test('rect_radius.qml: radius reads back as set, antialiasing follows a non-zero radius', async () => {
    const { r } = await scene('rect_radius');
    expect(compareGeometry(r.root, qtGeometry('shapes/rect_radius.geometry.json'))).toEqual([]);
    expect(lines(r)).toEqual(fixtureLines('shapes/rect_radius.log'));
  });

  test.each([
    // [objectName, radius drawn: clamped to half the smaller side, none when not positive]
    ['r5', 5],
    ['r20', 20],
    ['r100', 20],
    ['wide_r100', 10],
    ['r10_border3', 10],
    ['r_negative', 0],
    ['r4_border8', 4],
    ['r0.4', 0.4],
  ])('radius drawn for %s: %d', async (name, radius) => {
    const { paint } = await scene('rect_radius');
    expect(paint(name).radius).toBe(radius);
  });

  test('gradients: stops sorted by position, orientation, and none drawn over a transparent color', async () => {
    const { paint } = await scene('rect_radius');
    const stops = (n: string) => paint(n).gradient?.map((s) => `${s.position} ${s.color}`);
    expect(stops('vertical')).toEqual(['0 #ff0000', '1 #0000ff']);
    expect(paint('vertical').gradientVertical).toBe(true);
    expect(paint('horizontal').gradientVertical).toBe(false);
    expect(stops('threeStops')).toEqual(['0 #ff0000', '0.5 #ffff00', '1 #0000ff']);
    // Qt creates no node for a transparent color without a border, gradient or not (rect_radius.png)
    expect(paint('transparentWithGradient').visible).toBe(false);
    expect(paint('gradientBorder').borderWidth).toBe(4);
    expect(paint('r5').gradient).toBeNull();
  });

  test('changes mark the content dirty for the renderer and refresh what to draw', async () => {
    const r = await runQml(`import QtQuick
Rectangle {
  width: 40; height: 40
  gradient: Gradient { GradientStop { id: stop; position: 0; color: "red" } }
  function recolor() { stop.color = "blue" }
}`);
    const rect = r.root as Rectangle;
    const changes: Array<[string, () => void, (p: RectanglePaintState) => unknown, unknown]> = [
      ['color', () => (r.root.color = 'red'), (p) => String(p.color), '#ff0000'],
      ['radius', () => (r.root.radius = 30), (p) => p.radius, 20],
      ['border', () => (r.root.border.width = 2), (p) => p.borderWidth, 2],
      ['border color', () => (r.root.border.color = 'green'), (p) => String(p.borderColor), '#008000'],
      ['stop', () => r.root.recolor(), (p) => String(p.gradient![0]!.color), '#0000ff'],
      ['size', () => (r.root.width = 10), (p) => p.radius, 5],
    ];
    for (const [what, change, read, expected] of changes) {
      rect.paintState();
      rect.dirty = 0;
      change();
      expect(rect.dirty & (Dirty.Content | Dirty.Size), what).not.toBe(0);
      expect(read(rect.paintState()), what).toBe(expected);
    }
  });

  test('antialiasing set explicitly wins over the radius default', async () => {
    const r = await runQml(`import QtQuick
Rectangle { antialiasing: false; radius: 4; function round() { radius = 0; radius = 8 } }`);
    r.root.round();
    expect(r.root.antialiasing).toBe(false);
  });
});
