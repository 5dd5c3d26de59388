// The geometry Qt Quick draws a Rectangle with: QSGBasicInternalRectangleNode::
// updateGeometry (Qt 6.4), reproduced operation by operation. The rectangle
// is one triangle strip of vertex-coloured points: the fill (with a pair of
// vertices at every gradient stop), the border as a ring around it, and, when
// antialiased, a ramp to transparent on each side of every edge, whose
// vertices carry an offset that the vertex shader (smoothcolor.vert) applies
// in device pixels. Qt computes in single precision (float) with some double
// intermediates; every rounding step is kept, because a vertex a hair off
// decides which pixel centres a triangle covers.
import type { QColor } from '../engine/valuetypes';

/** What the rectangle node is given (QQuickRectangle::updatePaintNode). */
export interface RectangleNodeInput {
  width: number;
  height: number;
  /** m_color: the fill when there is no gradient (also decides blending). */
  color: QColor;
  /** Gradient stops sorted by position; empty for a solid fill. */
  stops: ReadonlyArray<{ position: number; color: QColor }>;
  /** True for a top-to-bottom gradient, false for left-to-right. */
  vertical: boolean;
  /** The radius clamped to half the smaller side (float), 0 for square corners. */
  radius: number;
  /** The border width the node draws (clamped, rounded when pixel-aligned), 0 for none. */
  borderWidth: number;
  borderColor: QColor;
  antialiasing: boolean;
}

export interface RectangleGeometry {
  vertexCount: number;
  /** x, y per vertex, in the item's coordinates. */
  positions: Float32Array;
  /** Premultiplied RGBA8 per vertex, packed little-endian (r in the low byte). */
  colors: Uint32Array;
  /** The antialiasing offsets (dx, dy) per vertex, or null when not antialiased. */
  offsets: Float32Array | null;
  /** Qt's index buffer: one triangle strip. */
  strip: Uint16Array;
  /**
   * True when Qt draws the node in its opaque pass (no blending: a material
   * without antialiasing and only opaque colours). There the depth test
   * lets the first triangle drawn at a pixel win; in the alpha pass the
   * last one blends over the others.
   */
  opaqueMaterial: boolean;
}

const f = Math.fround;
/** 0.49f: the border ramps' offsets are 0.49 of the border width. */
const F049 = f(0.49);

/** qRound(float). */
function qRoundF(d: number): number {
  return d >= 0 ? Math.trunc(f(d + 0.5)) : Math.trunc(f(d - 0.5));
}

// qFastSin / qFastCos (qmath.h): a 256-entry sine table with a second-order correction.
const SINE_TABLE_SIZE = 256;
const sineTable = new Float64Array(SINE_TABLE_SIZE);
for (let i = 0; i < SINE_TABLE_SIZE; i++) sineTable[i] = Math.sin((2 * Math.PI * i) / SINE_TABLE_SIZE);

function qFastSin(x: number): number {
  let si = Math.trunc(x * ((0.5 * SINE_TABLE_SIZE) / Math.PI));
  const d = x - si * ((2.0 * Math.PI) / SINE_TABLE_SIZE);
  let ci = si + SINE_TABLE_SIZE / 4;
  si &= SINE_TABLE_SIZE - 1;
  ci &= SINE_TABLE_SIZE - 1;
  return sineTable[si]! + (sineTable[ci]! - 0.5 * sineTable[si]! * d) * d;
}

function qFastCos(x: number): number {
  let ci = Math.trunc(x * ((0.5 * SINE_TABLE_SIZE) / Math.PI));
  const d = x - ci * ((2.0 * Math.PI) / SINE_TABLE_SIZE);
  let si = ci + SINE_TABLE_SIZE / 4;
  si &= SINE_TABLE_SIZE - 1;
  ci &= SINE_TABLE_SIZE - 1;
  return sineTable[si]! - (sineTable[ci]! + 0.5 * sineTable[si]! * d) * d;
}

/** colorToColor4ub: premultiplied bytes, computed in float and rounded (qRound). */
export function color4ub(c: QColor): number {
  const a = c.a;
  const r = qRoundF(f(f(c.r * a) * 255));
  const g = qRoundF(f(f(c.g * a) * 255));
  const b = qRoundF(f(f(c.b * a) * 255));
  const al = qRoundF(f(a * 255));
  return pack(r, g, b, al);
}

function pack(r: number, g: number, b: number, a: number): number {
  return ((r & 255) | ((g & 255) << 8) | ((b & 255) << 16) | ((a & 255) << 24)) >>> 0;
}

/** Color4ub * float: each byte scaled in float and truncated back to a byte. */
function scale4ub(c: number, t: number): number {
  const k = (v: number) => Math.trunc(f(v * t));
  return pack(k(c & 255), k((c >>> 8) & 255), k((c >>> 16) & 255), k(c >>> 24));
}

/** Color4ub + Color4ub: bytewise, wrapping like unsigned char arithmetic. */
function add4ub(a: number, b: number): number {
  return pack(
    (a & 255) + (b & 255),
    ((a >>> 8) & 255) + ((b >>> 8) & 255),
    ((a >>> 16) & 255) + ((b >>> 16) & 255),
    (a >>> 24) + (b >>> 24),
  );
}

/** Writes vertices in the gradient's own axes (primary along the gradient), swapped for a vertical one. */
class VertexWriter {
  index = 0;
  constructor(
    readonly positions: Float32Array,
    readonly colors: Uint32Array,
    readonly offsets: Float32Array | null,
    readonly vertical: boolean,
  ) {}

  set(primary: number, secondary: number, color: number, dPrimary = 0, dSecondary = 0): void {
    const i = this.index++;
    if (this.vertical) {
      this.positions[2 * i] = secondary;
      this.positions[2 * i + 1] = primary;
    } else {
      this.positions[2 * i] = primary;
      this.positions[2 * i + 1] = secondary;
    }
    this.colors[i] = color;
    const o = this.offsets;
    if (o !== null) {
      if (this.vertical) {
        o[2 * i] = dSecondary;
        o[2 * i + 1] = dPrimary;
      } else {
        o[2 * i] = dPrimary;
        o[2 * i + 1] = dSecondary;
      }
    }
  }
}

/** The index layout of the strip: the fill, then the inner ramp, the border and the outer ramp, each filled from its middle outwards. */
class StripLayout {
  readonly strip: Uint16Array;
  fillHead = 0;
  innerAAHead = 0;
  innerAATail = 0;
  borderHead = 0;
  borderTail = 0;
  outerAAHead = 0;
  outerAATail = 0;

  constructor(
    innerVertexCount: number,
    outerVertexCount: number,
    hasFill: boolean,
    aa: boolean,
    pen: boolean,
  ) {
    const innerAAIndexCount = innerVertexCount * 2 + 2;
    const borderIndexCount = innerVertexCount * 2 + 2;
    const outerAAIndexCount = outerVertexCount * 2 + 2;
    let indexCount = 0;
    if (hasFill) indexCount += innerVertexCount;
    if (aa) {
      this.innerAATail = this.innerAAHead = indexCount + (innerAAIndexCount >> 1) + 1;
      indexCount += innerAAIndexCount;
    }
    if (pen) {
      this.borderTail = this.borderHead = indexCount + (borderIndexCount >> 1) + 1;
      indexCount += borderIndexCount;
    }
    if (aa && pen) {
      this.outerAATail = this.outerAAHead = indexCount + (outerAAIndexCount >> 1) + 1;
      indexCount += outerAAIndexCount;
    }
    this.strip = new Uint16Array(indexCount);
  }

  /** The indices of a row of vertices inserted at a gradient stop. */
  stopRow(index: number, hasFill: boolean, aa: boolean, pen: boolean): void {
    const s = this.strip;
    if (hasFill) {
      s[this.fillHead++] = index;
      s[this.fillHead++] = index + 1;
    }
    if (pen) {
      --this.borderHead;
      s[this.borderHead] = s[this.borderHead + 2]!;
      s[--this.borderHead] = index + 2;
      s[this.borderTail++] = index + 3;
      s[this.borderTail] = s[this.borderTail - 2]!;
      ++this.borderTail;
    }
    if (aa) {
      s[--this.innerAAHead] = index + 2;
      s[--this.innerAAHead] = index;
      s[this.innerAATail++] = index + 1;
      s[this.innerAATail++] = index + 3;
    }
  }

  /** The indices of a regular row (fill edge, border, ramps). */
  row(index: number, hasFill: boolean, aa: boolean, pen: boolean): void {
    const s = this.strip;
    if (hasFill) {
      s[this.fillHead++] = index;
      s[this.fillHead++] = index + 1;
    }
    if (pen) {
      s[--this.borderHead] = index + 4;
      s[--this.borderHead] = index + 2;
      s[this.borderTail++] = index + 3;
      s[this.borderTail++] = index + 5;
    }
    if (aa) {
      s[--this.innerAAHead] = index + 2;
      s[--this.innerAAHead] = index;
      s[this.innerAATail++] = index + 1;
      s[this.innerAATail++] = index + 3;
    }
  }

  /** The outer ramp of a row whose six vertices were just written (index is past them). */
  outerRow(index: number): void {
    const s = this.strip;
    s[--this.outerAAHead] = index - 2;
    s[--this.outerAAHead] = index - 4;
    s[this.outerAATail++] = index - 3;
    s[this.outerAATail++] = index - 1;
  }

  /** Closes the ring strips (their ends join their starts). */
  close(aa: boolean, pen: boolean): void {
    const s = this.strip;
    if (aa) {
      s[--this.innerAAHead] = s[this.innerAATail - 1]!;
      s[--this.innerAAHead] = s[this.innerAATail - 2]!;
    }
    if (pen) {
      s[--this.borderHead] = s[this.borderTail - 1]!;
      s[--this.borderHead] = s[this.borderTail - 2]!;
    }
    if (aa && pen) {
      s[--this.outerAAHead] = s[this.outerAATail - 1]!;
      s[--this.outerAAHead] = s[this.outerAATail - 2]!;
    }
  }
}

/** The fill colour between two stops at a gradient position, as Qt blends it (bytes scaled and truncated). */
function colorAt(stops: RectangleNodeInput['stops'], next: number, gradientPos: number): number {
  if (next === 0) return color4ub(stops[0]!.color);
  if (next === stops.length) return color4ub(stops[stops.length - 1]!.color);
  const prev = stops[next - 1]!;
  const nxt = stops[next]!;
  const t = f((gradientPos - prev.position) / (nxt.position - prev.position));
  return add4ub(scale4ub(color4ub(prev.color), f(1 - t)), scale4ub(color4ub(nxt.color), t));
}

/** The node's geometry (QSGBasicInternalRectangleNode::updateGeometry). */
export function rectangleGeometry(s: RectangleNodeInput): RectangleGeometry {
  const width = f(s.width);
  const height = f(s.height);
  const penWidth = f(s.borderWidth);
  const aa = s.antialiasing;
  const pen = penWidth !== 0;
  const vertical = s.vertical;

  let fillColor = color4ub(s.color);
  const borderColor = color4ub(s.borderColor);
  const transparent = 0;
  const stops = s.stops;

  const length = vertical ? height : width;
  const secondaryLength = vertical ? width : height;

  let nextGradientStop = 0;
  let gradientPos = f(penWidth / length);
  while (nextGradientStop < stops.length && stops[nextGradientStop]!.position <= gradientPos)
    ++nextGradientStop;
  let lastGradientStop = stops.length - 1;
  const lastGradientPos = f(1 - f(penWidth / length));
  while (lastGradientStop >= nextGradientStop && stops[lastGradientStop]!.position >= lastGradientPos)
    --lastGradientStop;
  const gradientIntersections = lastGradientStop - nextGradientStop + 1;

  const hasFill = s.color.alpha8 > 0 || stops.length > 0;
  const delta = f(f(Math.min(width, height)) * 0.5);
  // QSGDefaultInternalRectangleNode::updateMaterialBlending.
  let gradientOpaque = true;
  for (const st of stops) gradientOpaque &&= st.color.alpha8 === 255;
  const blending =
    (stops.length > 0 && !gradientOpaque) ||
    (s.color.alpha8 < 255 && s.color.alpha8 !== 0) ||
    (pen && s.borderColor.alpha8 < 255);
  const opaqueMaterial = !aa && !blending;

  if (s.radius > 0) {
    // Rounded corners.
    const radius = f(s.radius);
    // innerRect = m_rect adjusted by the radius, in double (QRectF).
    const irX = radius;
    const irY = radius;
    const irW = s.width + (-radius - radius);
    const irH = s.height + (-radius - radius);

    const innerRadius = f(radius - penWidth);
    const outerRadius = radius;

    // Number of segments per corner, approximately one per 3 pixels.
    const segments = Math.min(18, Math.max(3, Math.ceil(outerRadius * (Math.PI / 6))));

    const innerVertexCount = (segments + 1) * 4 + gradientIntersections * 2;
    const outerVertexCount = (segments + 1) * 4;
    let vertexCount = innerVertexCount;
    if (aa || pen) vertexCount += innerVertexCount;
    if (pen) vertexCount += outerVertexCount;
    if (aa && pen) vertexCount += outerVertexCount;

    const layout = new StripLayout(innerVertexCount, outerVertexCount, hasFill, aa, pen);
    const v = new VertexWriter(
      new Float32Array(vertexCount * 2),
      new Uint32Array(vertexCount),
      aa ? new Float32Array(vertexCount * 2) : null,
      vertical,
    );

    let pp = 0; // previous inner primary coordinate
    let pss = 0; // previous inner secondary start coordinate
    let pse = 0; // previous inner secondary end coordinate

    const angle = f(f(0.5 * f(Math.PI)) / segments);
    const cosStep = f(qFastCos(angle));
    const sinStep = f(qFastSin(angle));

    const innerStart = f(vertical ? irY : irX);
    const innerEnd = f(vertical ? irY + irH : irX + irW);
    const innerLength = f(vertical ? irH : irW);
    const innerSecondaryStart = f(vertical ? irX : irY);
    const innerSecondaryEnd = f(vertical ? irX + irW : irY + irH);
    const pen049 = f(F049 * penWidth);
    const penM049 = f(-F049 * penWidth);

    for (let part = 0; part < 2; ++part) {
      let c = f(1 - part);
      let sn = part;
      for (let i = 0; i <= segments; ++i) {
        let p: number;
        let ss: number;
        let se: number;
        if (innerRadius > 0) {
          p = f((part ? innerEnd : innerStart) - f(innerRadius * c));
          ss = f(innerSecondaryStart - f(innerRadius * sn));
          se = f(innerSecondaryEnd + f(innerRadius * sn));
          gradientPos = f(f(f((part ? innerLength : 0) + radius) - f(innerRadius * c)) / length);
        } else {
          p = part ? f(innerEnd + innerRadius) : f(innerStart - innerRadius);
          ss = f(innerSecondaryStart - innerRadius);
          se = f(innerSecondaryEnd + innerRadius);
          gradientPos = f(f((part ? f(innerLength + innerRadius) : -innerRadius) + radius) / length);
        }
        const outerEdge = f((part ? innerEnd : innerStart) - f(outerRadius * c));
        const outerSecondaryStart = f(innerSecondaryStart - f(outerRadius * sn));
        const outerSecondaryEnd = f(innerSecondaryEnd + f(outerRadius * sn));

        while (nextGradientStop <= lastGradientStop && stops[nextGradientStop]!.position <= gradientPos) {
          // Insert vertices at gradient stops.
          const stop = stops[nextGradientStop]!;
          const gp = f(f(innerStart - radius) + stop.position * length);
          const t = f(f(gp - pp) / f(p - pp));
          const gis = f(f(pss * f(1 - t)) + f(t * ss)); // gradient inner start
          const gie = f(f(pse * f(1 - t)) + f(t * se)); // gradient inner end
          fillColor = color4ub(stop.color);
          layout.stopRow(v.index, hasFill, aa, pen);
          if (aa) {
            const lower = stop.position > 0.5;
            let dp = lower ? Math.min(0, f(f(length - gp) - delta)) : Math.max(0, f(delta - gp));
            v.set(gp, gie, fillColor, dp, f(f(secondaryLength - gie) - delta));
            v.set(gp, gis, fillColor, dp, f(delta - gis));
            if (pen) {
              v.set(gp, gie, borderColor, f(penM049 * c), f(pen049 * sn));
              v.set(gp, gis, borderColor, f(penM049 * c), f(penM049 * sn));
            } else {
              dp = lower ? delta : -delta;
              v.set(gp, gie, transparent, dp, delta);
              v.set(gp, gis, transparent, dp, -delta);
            }
          } else {
            v.set(gp, gie, fillColor);
            v.set(gp, gis, fillColor);
            if (pen) {
              v.set(gp, gie, borderColor);
              v.set(gp, gis, borderColor);
            }
          }
          ++nextGradientStop;
        }

        if (stops.length > 0) fillColor = colorAt(stops, nextGradientStop, gradientPos);

        layout.row(v.index, hasFill, aa, pen);
        if (aa) {
          let dp = part ? Math.min(0, f(f(length - p) - delta)) : Math.max(0, f(delta - p));
          v.set(p, se, fillColor, dp, f(f(secondaryLength - se) - delta));
          v.set(p, ss, fillColor, dp, f(delta - ss));
          dp = part ? delta : -delta;
          if (pen) {
            v.set(p, se, borderColor, f(penM049 * c), f(pen049 * sn));
            v.set(p, ss, borderColor, f(penM049 * c), f(penM049 * sn));
            v.set(outerEdge, outerSecondaryEnd, borderColor, f(pen049 * c), f(penM049 * sn));
            v.set(outerEdge, outerSecondaryStart, borderColor, f(pen049 * c), f(pen049 * sn));
            v.set(outerEdge, outerSecondaryEnd, transparent, dp, delta);
            v.set(outerEdge, outerSecondaryStart, transparent, dp, -delta);
            layout.outerRow(v.index);
          } else {
            v.set(p, se, transparent, dp, delta);
            v.set(p, ss, transparent, dp, -delta);
          }
        } else {
          v.set(p, se, fillColor);
          v.set(p, ss, fillColor);
          if (pen) {
            v.set(p, se, borderColor);
            v.set(p, ss, borderColor);
            v.set(outerEdge, outerSecondaryEnd, borderColor);
            v.set(outerEdge, outerSecondaryStart, borderColor);
          }
        }

        pp = p;
        pss = ss;
        pse = se;

        // Rotate (c in float; s through a double product, as Qt's `qreal tmp` makes it).
        const tmp = c;
        c = f(f(c * cosStep) - f(sn * sinStep));
        sn = f(f(sn * cosStep) + tmp * sinStep);
      }
    }
    layout.close(aa, pen);
    return {
      vertexCount,
      positions: v.positions,
      colors: v.colors,
      offsets: v.offsets,
      strip: layout.strip,
      opaqueMaterial,
    };
  }

  // Straight corners.
  const irX = pen ? penWidth : 0;
  const irY = irX;
  const irW = pen ? s.width + (-penWidth - penWidth) : s.width;
  const irH = pen ? s.height + (-penWidth - penWidth) : s.height;

  const innerVertexCount = 4 + gradientIntersections * 2;
  const outerVertexCount = 4;
  let vertexCount = innerVertexCount;
  if (aa || pen) vertexCount += innerVertexCount;
  if (pen) vertexCount += outerVertexCount;
  if (aa && pen) vertexCount += outerVertexCount;

  const layout = new StripLayout(innerVertexCount, outerVertexCount, hasFill, aa, pen);
  const v = new VertexWriter(
    new Float32Array(vertexCount * 2),
    new Uint32Array(vertexCount),
    aa ? new Float32Array(vertexCount * 2) : null,
    vertical,
  );

  const innerStart = f(vertical ? irY : irX);
  const innerEnd = f(vertical ? irY + irH : irX + irW);
  const outerStart = 0;
  const outerEnd = f(vertical ? s.height : s.width);
  const innerSecondaryStart = f(vertical ? irX : irY);
  const innerSecondaryEnd = f(vertical ? irX + irW : irY + irH);
  const outerSecondaryStart = 0;
  const outerSecondaryEnd = f(vertical ? s.width : s.height);
  const pen049 = f(F049 * penWidth);
  const penM049 = f(-F049 * penWidth);

  for (let part = -1; part <= 1; part += 2) {
    const innerEdge = part === 1 ? innerEnd : innerStart;
    const outerEdge = part === 1 ? outerEnd : outerStart;
    gradientPos = f(f(f(innerEdge - innerStart) + penWidth) / length);

    while (nextGradientStop <= lastGradientStop && stops[nextGradientStop]!.position <= gradientPos) {
      // Insert vertices at gradient stops.
      const stop = stops[nextGradientStop]!;
      const gp = f(f(innerStart - penWidth) + stop.position * length);
      fillColor = color4ub(stop.color);
      layout.stopRow(v.index, hasFill, aa, pen);
      if (aa) {
        const lower = stop.position > 0.5;
        const dp = lower ? Math.min(0, f(f(length - gp) - delta)) : Math.max(0, f(delta - gp));
        v.set(gp, innerSecondaryEnd, fillColor, dp, f(f(secondaryLength - innerSecondaryEnd) - delta));
        v.set(gp, innerSecondaryStart, fillColor, dp, f(delta - innerSecondaryStart));
        if (pen) {
          const d = lower ? pen049 : penM049;
          v.set(gp, innerSecondaryEnd, borderColor, d, pen049);
          v.set(gp, innerSecondaryStart, borderColor, d, penM049);
        } else {
          v.set(gp, innerSecondaryEnd, transparent, lower ? delta : -delta, delta);
          v.set(gp, innerSecondaryStart, transparent, lower ? delta : -delta, -delta);
        }
      } else {
        v.set(gp, innerSecondaryEnd, fillColor);
        v.set(gp, innerSecondaryStart, fillColor);
        if (pen) {
          v.set(gp, innerSecondaryEnd, borderColor);
          v.set(gp, innerSecondaryStart, borderColor);
        }
      }
      ++nextGradientStop;
    }

    if (stops.length > 0) fillColor = colorAt(stops, nextGradientStop, gradientPos);

    layout.row(v.index, hasFill, aa, pen);
    if (aa) {
      const dp =
        part === 1 ? Math.min(0, f(f(length - innerEdge) - delta)) : Math.max(0, f(delta - innerEdge));
      v.set(innerEdge, innerSecondaryEnd, fillColor, dp, f(f(secondaryLength - innerSecondaryEnd) - delta));
      v.set(innerEdge, innerSecondaryStart, fillColor, dp, f(delta - innerSecondaryStart));
      if (pen) {
        v.set(innerEdge, innerSecondaryEnd, borderColor, f(pen049 * part), pen049);
        v.set(innerEdge, innerSecondaryStart, borderColor, f(pen049 * part), penM049);
        v.set(outerEdge, outerSecondaryEnd, borderColor, f(penM049 * part), penM049);
        v.set(outerEdge, outerSecondaryStart, borderColor, f(penM049 * part), pen049);
        v.set(outerEdge, outerSecondaryEnd, transparent, f(delta * part), delta);
        v.set(outerEdge, outerSecondaryStart, transparent, f(delta * part), -delta);
        layout.outerRow(v.index);
      } else {
        v.set(innerEdge, innerSecondaryEnd, transparent, f(delta * part), delta);
        v.set(innerEdge, innerSecondaryStart, transparent, f(delta * part), -delta);
      }
    } else {
      v.set(innerEdge, innerSecondaryEnd, fillColor);
      v.set(innerEdge, innerSecondaryStart, fillColor);
      if (pen) {
        v.set(innerEdge, innerSecondaryEnd, borderColor);
        v.set(innerEdge, innerSecondaryStart, borderColor);
        v.set(outerEdge, outerSecondaryEnd, borderColor);
        v.set(outerEdge, outerSecondaryStart, borderColor);
      }
    }
  }
  layout.close(aa, pen);
  return {
    vertexCount,
    positions: v.positions,
    colors: v.colors,
    offsets: v.offsets,
    strip: layout.strip,
    opaqueMaterial,
  };
}

/**
 * The strip as a triangle list (every triangle of the strip, in drawing
 * order, without the ones whose indices repeat), or in reverse order: the
 * opaque pass's depth test keeps the first triangle drawn at a pixel, which
 * drawing without a depth buffer reproduces by drawing them last to first.
 */
export function stripToTriangles(strip: Uint16Array, reversed: boolean): Uint16Array {
  const out: number[] = [];
  for (let k = 0; k + 2 < strip.length; k++) {
    const a = strip[k]!;
    const b = strip[k + 1]!;
    const c = strip[k + 2]!;
    if (a === b || b === c || a === c) continue;
    out.push(a, b, c);
  }
  const list = new Uint16Array(out.length);
  if (reversed) {
    const n = out.length / 3;
    for (let t = 0; t < n; t++) {
      const src = (n - 1 - t) * 3;
      list[t * 3] = out[src]!;
      list[t * 3 + 1] = out[src + 1]!;
      list[t * 3 + 2] = out[src + 2]!;
    }
  } else list.set(out);
  return list;
}

/**
 * How far smoothcolor.vert moves an antialiased vertex along one of its
 * offsets `d` (in item units), `unit` being device pixels per item unit
 * along that axis: the whole offset, but at most half a device pixel. So
 * the ramp is one device pixel wide, centred on the edge, and narrows where
 * the offsets are smaller (a rectangle under one pixel wide).
 */
export function antialiasingShift(d: number, unit: number): number {
  return d * Math.min(1, 0.5 / (Math.abs(d) * unit));
}

/**
 * Qt's renders come from Mesa's llvmpipe, which snaps vertices to 1/256 of
 * a pixel; Chromium's SwiftShader snaps them to 1/16. Where that moves a
 * vertex onto a pixel centre that llvmpipe's vertex misses (an edge at
 * 70.51 covers the pixel centre 70.5 in Qt, not once snapped to 70.5), the
 * vertex is put one 1/16 step off the centre on llvmpipe's side, so both
 * cover the same pixel centres. `v` is in render-group units, `res` device
 * pixels per unit. Only for axis-aligned edges: moving a vertex of a slanted
 * edge by a sixteenth moves the whole edge past other pixel centres.
 */
export function snapLikeQt(v: number, res: number): number {
  const dev = v * res;
  const s16 = Math.round(dev * 16) / 16;
  if (s16 - Math.floor(s16) !== 0.5) return v;
  const q = Math.round(dev * 256) / 256;
  if (q === s16) return v;
  return (s16 + (q > s16 ? 1 / 16 : -1 / 16)) / res;
}
