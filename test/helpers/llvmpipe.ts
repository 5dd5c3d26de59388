// Draws a window's rectangles the way Qt 6.4's scene graph gets them drawn
// on Mesa's llvmpipe (the OpenGL of Qt's reference renders): each
// Rectangle's node geometry (src/render/rectangle-geometry.ts), vertices
// moved by the antialiasing shader and placed on llvmpipe's 1/256-pixel
// grid, triangles covering the pixel centres inside them (a centre on an
// edge counts for left edges and, y pointing down, bottom edges), colours
// interpolated and blended premultiplied (ONE, ONE_MINUS_SRC_ALPHA). It
// checks the geometry against Qt's PNGs in Node, independently of the
// browser's rasterizer.
import { ITEM, type Item } from '../../src/quick/items/Item';
import { Rectangle } from '../../src/quick/items/Rectangle';
import { antialiasingShift, rectangleGeometry, stripToTriangles } from '../../src/render/rectangle-geometry';

export interface Raster {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel, opaque. */
  data: Uint8Array;
}

/** An affine transform: x' = a x + c y + tx, y' = b x + d y + ty. */
interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  tx: number;
  ty: number;
}

interface Clip {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const OPAQUE_LIMIT = 0.999;

export function renderLikeQt(root: Item, width: number, height: number, background: string): Raster {
  const data = new Uint8Array(width * height * 4);
  const bg = Number.parseInt(background.slice(1), 16);
  for (let i = 0; i < width * height; i++) {
    data[4 * i] = (bg >> 16) & 255;
    data[4 * i + 1] = (bg >> 8) & 255;
    data[4 * i + 2] = bg & 255;
    data[4 * i + 3] = 255;
  }
  const raster = { width, height, data };
  const identity: Affine = { a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0 };
  drawItem(raster, root, identity, 1, { x0: 0, y0: 0, x1: width, y1: height });
  return raster;
}

function drawItem(r: Raster, item: Item, parent: Affine, parentOpacity: number, parentClip: Clip): void {
  const v = item.$v;
  const opacity = parentOpacity * Math.min(1, Math.max(0, v[ITEM.opacity] as number));
  if (!item.explicitVisible || opacity <= 0) return;
  const w = v[ITEM.width] as number;
  const h = v[ITEM.height] as number;
  // Qt's item-to-parent transform (x, y, the transform list, scale and rotation).
  const [a, b, , c, d, , tx, ty] = item.parentTransform();
  const local: Affine = { a, b, c, d, tx, ty };
  const m = multiply(parent, local);
  let clip = parentClip;
  if (v[ITEM.clip] as boolean) {
    // An unrotated clip is a scissor rectangle.
    const x0 = m.tx;
    const y0 = m.ty;
    clip = {
      x0: Math.max(clip.x0, x0),
      y0: Math.max(clip.y0, y0),
      x1: Math.min(clip.x1, x0 + w * m.a),
      y1: Math.min(clip.y1, y0 + h * m.d),
    };
  }
  const kids = item.paintOrderChildren;
  let drawn = false;
  for (const k of kids) {
    if (!drawn && (k.$v[ITEM.z] as number) >= 0) {
      drawRectangle(r, item, m, opacity, clip);
      drawn = true;
    }
    drawItem(r, k, m, opacity, clip);
  }
  if (!drawn) drawRectangle(r, item, m, opacity, clip);
}

function multiply(p: Affine, l: Affine): Affine {
  return {
    a: p.a * l.a + p.c * l.b,
    b: p.b * l.a + p.d * l.b,
    c: p.a * l.c + p.c * l.d,
    d: p.b * l.c + p.d * l.d,
    tx: p.a * l.tx + p.c * l.ty + p.tx,
    ty: p.b * l.tx + p.d * l.ty + p.ty,
  };
}

function drawRectangle(r: Raster, item: Item, m: Affine, opacity: number, clip: Clip): void {
  if (!(item instanceof Rectangle)) return;
  const s = item.paintState();
  if (!s.visible) return;
  const g = rectangleGeometry({
    width: s.width,
    height: s.height,
    color: s.color,
    stops: s.gradient ?? [],
    vertical: s.gradientVertical,
    radius: s.radius,
    borderWidth: s.borderWidth,
    borderColor: s.borderColor,
    antialiasing: s.antialiasing,
  });
  const unitX = Math.hypot(m.a, m.b);
  const unitY = Math.hypot(m.c, m.d);
  const xs = new Float64Array(g.vertexCount);
  const ys = new Float64Array(g.vertexCount);
  for (let i = 0; i < g.vertexCount; i++) {
    let x = g.positions[2 * i]!;
    let y = g.positions[2 * i + 1]!;
    if (g.offsets) {
      const dx = g.offsets[2 * i]!;
      const dy = g.offsets[2 * i + 1]!;
      if (dx !== 0) x += antialiasingShift(dx, unitX);
      if (dy !== 0) y += antialiasingShift(dy, unitY);
    }
    // Float positions, as the GPU gets them.
    xs[i] = Math.fround(m.a * x + m.c * y + m.tx);
    ys[i] = Math.fround(m.b * x + m.d * y + m.ty);
  }
  // The opaque pass's depth test keeps the first triangle drawn at a pixel.
  const tri = stripToTriangles(g.strip, g.opaqueMaterial && opacity > OPAQUE_LIMIT);
  for (let t = 0; t < tri.length; t += 3) {
    triangle(r, clip, opacity, xs, ys, g.colors, tri[t]!, tri[t + 1]!, tri[t + 2]!);
  }
}

const SUB = 256;

function triangle(
  r: Raster,
  clip: Clip,
  opacity: number,
  xs: Float64Array,
  ys: Float64Array,
  colors: Uint32Array,
  i0: number,
  i1: number,
  i2: number,
): void {
  // llvmpipe snaps window coordinates (y up) to 1/256 of a pixel.
  const H = r.height;
  const fx = (i: number) => Math.round(xs[i]! * SUB);
  const fy = (i: number) => H * SUB - Math.round((H - ys[i]!) * SUB);
  const x0 = fx(i0);
  const y0 = fy(i0);
  const x1 = fx(i1);
  const y1 = fy(i1);
  const x2 = fx(i2);
  const y2 = fy(i2);
  const area = (x1 - x0) * (y2 - y0) - (y1 - y0) * (x2 - x0);
  const [c0, c1, c2] = [colors[i0]!, colors[i1]!, colors[i2]!];
  if (area > 0) triangleOriented(r, clip, opacity, x0, y0, x1, y1, x2, y2, c0, c1, c2, area);
  else if (area < 0) triangleOriented(r, clip, opacity, x0, y0, x2, y2, x1, y1, c0, c2, c1, -area);
}

function triangleOriented(
  r: Raster,
  clip: Clip,
  opacity: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  c0: number,
  c1: number,
  c2: number,
  area: number,
): void {
  const minX = Math.max(Math.floor(Math.min(x0, x1, x2) / SUB) - 1, Math.floor(clip.x0), 0);
  const maxX = Math.min(Math.ceil(Math.max(x0, x1, x2) / SUB) + 1, Math.ceil(clip.x1), r.width);
  const minY = Math.max(Math.floor(Math.min(y0, y1, y2) / SUB) - 1, Math.floor(clip.y0), 0);
  const maxY = Math.min(Math.ceil(Math.max(y0, y1, y2) / SUB) + 1, Math.ceil(clip.y1), r.height);
  for (let py = minY; py < maxY; py++) {
    const cy = py + 0.5;
    if (cy < clip.y0 || cy >= clip.y1) continue;
    const Y = (py * 2 + 1) * (SUB / 2);
    for (let px = minX; px < maxX; px++) {
      const cx = px + 0.5;
      if (cx < clip.x0 || cx >= clip.x1) continue;
      const X = (px * 2 + 1) * (SUB / 2);
      const e0 = edge(x1, y1, x2, y2, X, Y);
      const e1 = edge(x2, y2, x0, y0, X, Y);
      const e2 = edge(x0, y0, x1, y1, X, Y);
      if (!inside(e0, x1, y1, x2, y2) || !inside(e1, x2, y2, x0, y0) || !inside(e2, x0, y0, x1, y1)) continue;
      const w0 = e0 / area;
      const w1 = e1 / area;
      const w2 = e2 / area;
      blend(r, px, py, c0, c1, c2, w0, w1, w2, opacity);
    }
  }
}

function edge(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}

/** Inside, or on a left edge, or (y down) on a bottom edge. */
function inside(e: number, ax: number, ay: number, bx: number, by: number): boolean {
  if (e > 0) return true;
  if (e < 0) return false;
  const dEdx = -(by - ay);
  const dEdy = bx - ax;
  return dEdx > 0 || (dEdx === 0 && dEdy < 0);
}

function blend(
  r: Raster,
  px: number,
  py: number,
  c0: number,
  c1: number,
  c2: number,
  w0: number,
  w1: number,
  w2: number,
  opacity: number,
): void {
  const k = (py * r.width + px) * 4;
  const ch = (s: number) =>
    ((((c0 >>> s) & 255) * w0 + ((c1 >>> s) & 255) * w1 + ((c2 >>> s) & 255) * w2) / 255) * opacity;
  const a = ch(24);
  const d = r.data;
  for (let i = 0; i < 3; i++) {
    const src = ch(i * 8);
    const out = src + (d[k + i]! / 255) * (1 - a);
    d[k + i] = Math.max(0, Math.min(255, Math.round(out * 255)));
  }
}
