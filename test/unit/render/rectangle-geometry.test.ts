// The rectangle node's geometry (QSGBasicInternalRectangleNode, Qt 6.4):
// what Qt puts in the vertex buffer for fills, gradients, borders, corners
// and antialiasing ramps.
import { describe, expect, test } from 'vitest';
import { parseColor, type QColor } from '../../../src/engine/valuetypes';
import {
  antialiasingShift,
  type RectangleNodeInput,
  rectangleGeometry,
  snapLikeQt,
  stripToTriangles,
} from '../../../src/render/rectangle-geometry';
import { runQml } from '../../helpers/qml';

const color = (s: string): QColor => parseColor(s)!;

function input(over: Partial<RectangleNodeInput>): RectangleNodeInput {
  return {
    width: 30,
    height: 60,
    color: color('white'),
    stops: [],
    vertical: true,
    radius: 0,
    borderWidth: 0,
    borderColor: color('black'),
    antialiasing: false,
    ...over,
  };
}

/** Premultiplied RGBA bytes of a vertex colour. */
function rgba(c: number): number[] {
  return [c & 255, (c >>> 8) & 255, (c >>> 16) & 255, c >>> 24];
}

function points(g: { positions: Float32Array; vertexCount: number }): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < g.vertexCount; i++) out.push([g.positions[2 * i]!, g.positions[2 * i + 1]!]);
  return out;
}

describe('fill and gradients', () => {
  test('a plain rectangle is one quad: four vertices, one strip', () => {
    const g = rectangleGeometry(input({ width: 30, height: 20, color: color('red') }));
    expect(points(g)).toEqual([
      [30, 0],
      [0, 0],
      [30, 20],
      [0, 20],
    ]);
    expect([...g.strip]).toEqual([0, 1, 2, 3]);
    expect(rgba(g.colors[0]!)).toEqual([255, 0, 0, 255]);
    expect(g.offsets).toBeNull();
  });

  test('each stop inside the rectangle adds a row of two vertices in its colour', () => {
    const stops = [
      { position: 0, color: color('red') },
      { position: 0.5, color: color('yellow') },
      { position: 1, color: color('green') },
    ];
    const g = rectangleGeometry(input({ stops }));
    expect(points(g).map((p) => p[1])).toEqual([0, 0, 30, 30, 60, 60]);
    expect([0, 2, 4].map((i) => rgba(g.colors[i]!))).toEqual([
      [255, 0, 0, 255],
      [255, 255, 0, 255],
      [0, 128, 0, 255],
    ]);
  });

  test('a horizontal gradient runs along x', () => {
    const stops = [
      { position: 0, color: color('black') },
      { position: 0.25, color: color('white') },
      { position: 1, color: color('black') },
    ];
    const g = rectangleGeometry(input({ width: 80, height: 10, stops, vertical: false }));
    expect(points(g)).toEqual([
      [0, 10],
      [0, 0],
      [20, 10],
      [20, 0],
      [80, 10],
      [80, 0],
    ]);
  });

  test('outside the stops the colour is the nearest stop: no ramp for stops at 0.25 and 0.75 beyond the rows', () => {
    const stops = [
      { position: 0.25, color: color('magenta') },
      { position: 0.75, color: color('cyan') },
    ];
    const g = rectangleGeometry(input({ stops }));
    expect(points(g).map((p) => p[1])).toEqual([0, 0, 15, 15, 45, 45, 60, 60]);
    expect(rgba(g.colors[0]!)).toEqual(rgba(g.colors[2]!));
    expect(rgba(g.colors[6]!)).toEqual(rgba(g.colors[4]!));
  });

  test('between stops each byte is scaled and truncated: black to white under a 3 px border is 254 opaque', () => {
    // Qt: Color4ub * float truncates, so black * 0.95 + white * 0.05 = (12, 12, 12, 242 + 12).
    const stops = [
      { position: 0, color: color('black') },
      { position: 1, color: color('white') },
    ];
    const g = rectangleGeometry(input({ width: 40, height: 60, stops, borderWidth: 3 }));
    expect(rgba(g.colors[0]!)).toEqual([12, 12, 12, 254]);
    expect(g.opaqueMaterial).toBe(true);
  });

  test('colours are premultiplied and rounded from float (colorToColor4ub)', () => {
    const g = rectangleGeometry(input({ color: color('#80ff0000') }));
    expect(rgba(g.colors[0]!)).toEqual([128, 0, 0, 128]);
    expect(g.opaqueMaterial).toBe(false);
  });
});

describe('borders', () => {
  test('a border is a ring of four more vertices, drawn after the fill', () => {
    const g = rectangleGeometry(input({ width: 20, height: 20, borderWidth: 2, color: color('yellow') }));
    // fill (inner rect) + the inner edge again in the border colour + the outer edge
    expect(g.vertexCount).toBe(4 + 4 + 4);
    expect(points(g).slice(0, 2)).toEqual([
      [18, 2],
      [2, 2],
    ]);
    expect(points(g).slice(4, 6)).toEqual([
      [20, 0],
      [0, 0],
    ]);
    expect([...g.strip.slice(0, 4)]).toEqual([0, 1, 6, 7]);
  });

  test('20x3 with border 2: the inner rectangle turns inside out, its fill covers y 1..2, and the fill wins in the opaque pass', async () => {
    const r = await runQml(`import QtQuick
Rectangle { width: 20; height: 3; color: "yellow"; border.width: 2; border.color: "red" }`);
    const s = r.root.paintState();
    // at most half the smaller side (1.5), then rounded: 2
    expect(s.borderWidth).toBe(2);
    const g = rectangleGeometry(input({ width: 20, height: 3, borderWidth: 2, color: color('yellow') }));
    // each row: fill (right, left), the border's inner edge, its outer edge
    const p = points(g);
    expect([p[0], p[1], p[6], p[7]]).toEqual([
      [18, 2],
      [2, 2],
      [18, 1],
      [2, 1],
    ]);
    expect(g.opaqueMaterial).toBe(true);
    // Drawn without a depth buffer, the opaque pass's order is reversed: the fill's triangle comes last.
    const reversed = stripToTriangles(g.strip, true);
    expect([...reversed.slice(-3)]).toEqual([...stripToTriangles(g.strip, false).slice(0, 3)]);
  });

  test('a translucent border is drawn over the fill (alpha pass)', () => {
    const g = rectangleGeometry(
      input({
        width: 20,
        height: 3,
        borderWidth: 2,
        color: color('yellow'),
        borderColor: color('#80ff0000'),
      }),
    );
    expect(g.opaqueMaterial).toBe(false);
  });
});

describe('rounded corners', () => {
  test.each([
    // [radius, segments per corner: one per about 3 px, 3 to 18]
    [0.4, 3],
    [5, 3],
    [10, 6],
    [20, 11],
    [40, 18],
  ])('radius %d: %d segments per corner', (radius, segments) => {
    const g = rectangleGeometry(input({ width: 80, height: 80, radius }));
    expect(g.vertexCount).toBe((segments + 1) * 4);
  });

  test('corner vertices lie on the arc (qFastSin/qFastCos)', () => {
    const g = rectangleGeometry(input({ width: 40, height: 40, radius: 20 }));
    for (const [x, y] of points(g)) expect(Math.hypot(x - 20, y - 20)).toBeCloseTo(20, 3);
  });

  test('a border narrows the inner radius; wider than the radius, the inner corner is square', () => {
    const g = rectangleGeometry(input({ width: 40, height: 40, radius: 5, borderWidth: 8 }));
    const inner = points(g).filter((_, i) => g.colors[i] === g.colors[0]);
    expect(inner).toContainEqual([32, 8]);
    expect(inner).toContainEqual([8, 32]);
  });
});

describe('antialiasing', () => {
  test('a plain rectangle gets a ramp to transparent one pixel wide, centred on each edge', () => {
    const g = rectangleGeometry(
      input({ width: 30, height: 30, color: color('steelblue'), antialiasing: true }),
    );
    expect(g.vertexCount).toBe(8);
    expect(g.opaqueMaterial).toBe(false);
    const moved = points(g).map(([x, y], i) => [
      x + antialiasingShift(g.offsets![2 * i]!, 1),
      y + antialiasingShift(g.offsets![2 * i + 1]!, 1),
    ]);
    // fill vertices half a pixel inside, transparent ones half a pixel outside
    expect(moved[1]).toEqual([0.5, 0.5]);
    expect(rgba(g.colors[1]!)[3]).toBe(255);
    expect(moved[3]).toEqual([-0.5, -0.5]);
    expect(rgba(g.colors[3]!)).toEqual([0, 0, 0, 0]);
  });

  test('the inner edge of the ramp stops at the middle of a rectangle under a pixel wide', () => {
    const g = rectangleGeometry(input({ width: 0.5, height: 40, color: color('black'), antialiasing: true }));
    // the left fill vertex moves right to x 0.25, not half a pixel
    expect(antialiasingShift(g.offsets![2]!, 1)).toBeCloseTo(0.25, 6);
  });

  test('the shift is half a device pixel: a quarter of a unit at scale 2', () => {
    expect(antialiasingShift(15, 1)).toBe(0.5);
    expect(antialiasingShift(-15, 2)).toBe(-0.25);
    expect(antialiasingShift(0.3, 1)).toBe(0.3);
  });

  test('a rounded, bordered, antialiased rectangle: fill, inner ramp, border and outer ramp rows', () => {
    const g = rectangleGeometry(
      input({
        width: 40,
        height: 40,
        radius: 10,
        borderWidth: 3,
        antialiasing: true,
        color: color('yellow'),
      }),
    );
    const rows = (6 + 1) * 4;
    expect(g.vertexCount).toBe(rows * 2 + rows * 2);
  });
});

describe('triangles and rasterizers', () => {
  test('the strip becomes its triangles, without repeated-index ones, reversible', () => {
    const strip = new Uint16Array([0, 1, 2, 3, 3, 4, 4, 5, 6]);
    expect([...stripToTriangles(strip, false)]).toEqual([0, 1, 2, 1, 2, 3, 4, 5, 6]);
    expect([...stripToTriangles(strip, true)]).toEqual([4, 5, 6, 1, 2, 3, 0, 1, 2]);
  });

  test('a vertex SwiftShader would snap onto a pixel centre llvmpipe misses goes a sixteenth to llvmpipe side', () => {
    expect(snapLikeQt(70.51, 1)).toBe(70.5625);
    expect(snapLikeQt(15.49, 1)).toBe(15.4375);
    expect(snapLikeQt(70.5, 1)).toBe(70.5);
    expect(snapLikeQt(70.54, 1)).toBe(70.54);
    expect(snapLikeQt(35.255, 2)).toBe(35.28125);
  });
});
