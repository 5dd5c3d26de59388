// Path and its elements (QQuickPath, qquickpath.cpp): PathLine, PathMove,
// PathQuad, PathCubic, PathArc, PathCurve, PathAttribute and PathPercent.
// The path is built the way QPainterPath builds it (lines, and cubic Bézier
// curves for everything else: quadratic curves raised to cubic ones, arcs
// cut into quarter-circle segments as Qt's SVG parser does, Catmull-Rom
// points converted to Bézier control points), its length measured by
// QBezier's subdivision, and a point at a percentage of it read from a cache
// of ceil(length * 5) + 1 points along it, as PathView reads it. Attributes
// and PathPercent values are interpolated between the points where they are
// given.
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';
import { QPoint, QSize } from '../../engine/valuetypes';

// ---- QPainterPath and QBezier -------------------------------------------------------------------

/** Qt's qFuzzyCompare for doubles. */
function fuzzyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) * 1e12 <= Math.min(Math.abs(a), Math.abs(b));
}

const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const CURVE_TO_DATA = 3;

/** An element of a painter path: MOVE_TO, LINE_TO, CURVE_TO (a cubic curve's first control point) or CURVE_TO_DATA. */
export interface PathElementPoint {
  type: number;
  x: number;
  y: number;
}
type Element = PathElementPoint;
export const PATH_MOVE_TO = 0;
export const PATH_LINE_TO = 1;
export const PATH_CURVE_TO = 2;

/** The elements of a QPainterPath: a curve is a CURVE_TO (first control point) and two CURVE_TO_DATA. */
class PainterPath {
  readonly els: Element[] = [{ type: MOVE_TO, x: 0, y: 0 }];
  /** The subpath was closed: the next segment starts a new one where it ended. */
  private requireMoveTo = false;
  /** Where the current subpath starts. */
  private cStart = 0;

  get last(): Element {
    return this.els[this.els.length - 1]!;
  }

  moveTo(x: number, y: number): void {
    this.requireMoveTo = false;
    const last = this.last;
    if (last.type === MOVE_TO) {
      last.x = x;
      last.y = y;
    } else {
      this.els.push({ type: MOVE_TO, x, y });
    }
    this.cStart = this.els.length - 1;
  }

  private maybeMoveTo(): void {
    if (!this.requireMoveTo) return;
    const last = this.last;
    this.els.push({ type: MOVE_TO, x: last.x, y: last.y });
    this.cStart = this.els.length - 1;
    this.requireMoveTo = false;
  }

  /** QPainterPath::closeSubpath: a line back to the subpath's start (snapped to it when nearly there). */
  closeSubpath(): void {
    if (this.els.length <= 1) return;
    this.requireMoveTo = true;
    const first = this.els[this.cStart]!;
    const last = this.last;
    if (first.x === last.x && first.y === last.y) return;
    if (fuzzyEqual(first.x, last.x) && fuzzyEqual(first.y, last.y)) {
      last.x = first.x;
      last.y = first.y;
    } else {
      this.els.push({ type: LINE_TO, x: first.x, y: first.y });
    }
  }

  lineTo(x: number, y: number): void {
    this.maybeMoveTo();
    const last = this.last;
    if (last.x === x && last.y === y) return;
    this.els.push({ type: LINE_TO, x, y });
  }

  cubicTo(c1x: number, c1y: number, c2x: number, c2y: number, ex: number, ey: number): void {
    this.maybeMoveTo();
    const l = this.last;
    if (l.x === c1x && l.y === c1y && c1x === c2x && c1y === c2y && c2x === ex && c2y === ey) return;
    this.els.push({ type: CURVE_TO, x: c1x, y: c1y });
    this.els.push({ type: CURVE_TO_DATA, x: c2x, y: c2y });
    this.els.push({ type: CURVE_TO_DATA, x: ex, y: ey });
  }

  quadTo(cx: number, cy: number, ex: number, ey: number): void {
    this.maybeMoveTo();
    const p = this.last;
    if (p.x === cx && p.y === cy && cx === ex && cy === ey) return;
    this.cubicTo((p.x + 2 * cx) / 3, (p.y + 2 * cy) / 3, (ex + 2 * cx) / 3, (ey + 2 * cy) / 3, ex, ey);
  }

  /** QPainterPath::length. */
  length(): number {
    let len = 0;
    const els = this.els;
    for (let i = 1; i < els.length; i++) {
      const e = els[i]!;
      if (e.type === LINE_TO) {
        const p = els[i - 1]!;
        len += Math.hypot(e.x - p.x, e.y - p.y);
      } else if (e.type === CURVE_TO) {
        len += Bezier.fromElements(els, i).length();
        i += 2;
      }
    }
    return len;
  }
}

/** QBezier: a cubic Bézier curve. */
class Bezier {
  constructor(
    readonly x1: number,
    readonly y1: number,
    readonly x2: number,
    readonly y2: number,
    readonly x3: number,
    readonly y3: number,
    readonly x4: number,
    readonly y4: number,
  ) {}

  /** The curve whose CURVE_TO element is at `i`. */
  static fromElements(els: readonly Element[], i: number): Bezier {
    const a = els[i - 1]!;
    const b = els[i]!;
    const c = els[i + 1]!;
    const d = els[i + 2]!;
    return new Bezier(a.x, a.y, b.x, b.y, c.x, c.y, d.x, d.y);
  }

  /** QBezier::pointAt, in Qt's numerically stable order. */
  pointAt(t: number): [number, number] {
    const m = 1 - t;
    let a = this.x1 * m + this.x2 * t;
    let b = this.x2 * m + this.x3 * t;
    const c = this.x3 * m + this.x4 * t;
    a = a * m + b * t;
    b = b * m + c * t;
    const x = a * m + b * t;
    let ay = this.y1 * m + this.y2 * t;
    let by = this.y2 * m + this.y3 * t;
    const cy = this.y3 * m + this.y4 * t;
    ay = ay * m + by * t;
    by = by * m + cy * t;
    return [x, ay * m + by * t];
  }

  /** QBezier::length(0.01): halved until the control polygon is within 0.01 of the chord. */
  length(error = 0.01): number {
    const len =
      Math.hypot(this.x2 - this.x1, this.y2 - this.y1) +
      Math.hypot(this.x3 - this.x2, this.y3 - this.y2) +
      Math.hypot(this.x4 - this.x3, this.y4 - this.y3);
    const chord = Math.hypot(this.x4 - this.x1, this.y4 - this.y1);
    if (len - chord > error) {
      const [left, right] = this.split();
      return left.length(error) + right.length(error);
    }
    return len;
  }

  /** QBezier::bezierOnInterval: the part of the curve between t0 and t1. */
  onInterval(t0: number, t1: number): Bezier {
    if (t0 === 0 && t1 === 1) return this;
    const right = this.splitLeft(t0)[1];
    return right.splitLeft((t1 - t0) / (1 - t0))[0];
  }

  /** QBezier::parameterSplitLeft: the curve cut at t, as [left, right]. */
  private splitLeft(t: number): [Bezier, Bezier] {
    const lx2 = this.x1 + t * (this.x2 - this.x1);
    const ly2 = this.y1 + t * (this.y2 - this.y1);
    let lx3 = this.x2 + t * (this.x3 - this.x2);
    let ly3 = this.y2 + t * (this.y3 - this.y2);
    const rx3 = this.x3 + t * (this.x4 - this.x3);
    const ry3 = this.y3 + t * (this.y4 - this.y3);
    const rx2 = lx3 + t * (rx3 - lx3);
    const ry2 = ly3 + t * (ry3 - ly3);
    lx3 = lx2 + t * (lx3 - lx2);
    ly3 = ly2 + t * (ly3 - ly2);
    const mx = lx3 + t * (rx2 - lx3);
    const my = ly3 + t * (ry2 - ly3);
    return [
      new Bezier(this.x1, this.y1, lx2, ly2, lx3, ly3, mx, my),
      new Bezier(mx, my, rx2, ry2, rx3, ry3, this.x4, this.y4),
    ];
  }

  /** QBezier::split at t = 0.5. */
  split(): [Bezier, Bezier] {
    const cx = (this.x2 + this.x3) * 0.5;
    const lx2 = (this.x1 + this.x2) * 0.5;
    const rx3 = (this.x3 + this.x4) * 0.5;
    const lx3 = (lx2 + cx) * 0.5;
    const rx2 = (rx3 + cx) * 0.5;
    const mx = (lx3 + rx2) * 0.5;
    const cy = (this.y2 + this.y3) * 0.5;
    const ly2 = (this.y1 + this.y2) * 0.5;
    const ry3 = (this.y3 + this.y4) * 0.5;
    const ly3 = (ly2 + cy) * 0.5;
    const ry2 = (ry3 + cy) * 0.5;
    const my = (ly3 + ry2) * 0.5;
    return [
      new Bezier(this.x1, this.y1, lx2, ly2, lx3, ly3, mx, my),
      new Bezier(mx, my, rx2, ry2, rx3, ry3, this.x4, this.y4),
    ];
  }
}

/** The next segment after element `current` as a Bézier curve (a line is one with control points at its thirds). */
function nextBezier(
  els: readonly Element[],
  current: number,
): { bez: Bezier | null; index: number; length: number } {
  for (let i = current + 1; i < els.length; i++) {
    const e = els[i]!;
    if (e.type === LINE_TO) {
      const a = els[i - 1]!;
      const dx = e.x - a.x;
      const dy = e.y - a.y;
      return {
        bez: new Bezier(
          a.x,
          a.y,
          a.x + dx / 3,
          a.y + dy / 3,
          a.x + (2 * dx) / 3,
          a.y + (2 * dy) / 3,
          e.x,
          e.y,
        ),
        index: i,
        length: Math.hypot(dx, dy),
      };
    }
    if (e.type === CURVE_TO) {
      const bez = Bezier.fromElements(els, i);
      return { bez, index: i, length: bez.length() };
    }
  }
  return { bez: null, index: els.length - 1, length: 0 };
}

const KAPPA = 0.5522847498;

/** qt_t_for_arc_angle: the t of a quarter-circle Bézier curve at `angle` degrees (Newton's method). */
function tForArcAngle(angle: number): number {
  if (Math.abs(angle) <= 0.000000000001) return 0;
  if (fuzzyEqual(angle, 90)) return 1;
  const radians = (Math.PI * angle) / 180;
  const cosAngle = Math.cos(radians);
  const sinAngle = Math.sin(radians);
  let tc = angle / 90;
  for (let i = 0; i < 2; i++)
    tc -=
      (((2 - 3 * KAPPA) * tc + 3 * (KAPPA - 1)) * tc * tc + 1 - cosAngle) /
      (((6 - 9 * KAPPA) * tc + 6 * (KAPPA - 1)) * tc);
  let ts = tc;
  for (let i = 0; i < 2; i++)
    ts -=
      ((((3 * KAPPA - 2) * ts - 6 * KAPPA + 3) * ts + 3 * KAPPA) * ts - sinAngle) /
      (((9 * KAPPA - 6) * ts + 12 * KAPPA - 6) * ts + 3 * KAPPA);
  return 0.5 * (tc + ts);
}

/** qt_find_ellipse_coords: the point of the ellipse in (x, y, w, h) at `angle` degrees. */
function ellipsePoint(x: number, y: number, w: number, h: number, angle: number): [number, number] {
  const theta = angle - 360 * Math.floor(angle / 360);
  let t = theta / 90;
  const quadrant = Math.trunc(t);
  t -= quadrant;
  t = tForArcAngle(90 * t);
  if (quadrant & 1) t = 1 - t;
  // (QBezier::coefficients)
  const mt = 1 - t;
  let b = mt * mt;
  let c = t * t;
  const d = c * t;
  const a = b * mt;
  b *= 3 * t;
  c *= 3 * mt;
  let px = a + b + c * KAPPA;
  let py = d + c + b * KAPPA;
  if (quadrant === 1 || quadrant === 2) px = -px;
  if (quadrant === 0 || quadrant === 1) py = -py;
  return [x + w / 2 + (w / 2) * px, y + h / 2 + (h / 2) * py];
}

/** QPainterPath::arcTo (qt_curves_for_arc): an elliptic arc in quarter-circle Bézier curves. */
function arcTo(
  path: PainterPath,
  x: number,
  y: number,
  w: number,
  h: number,
  startAngle: number,
  sweep: number,
): void {
  if (w === 0 && h === 0) return;
  const w2 = w / 2;
  const h2 = h / 2;
  const w2k = w2 * KAPPA;
  const h2k = h2 * KAPPA;
  const pts: Array<[number, number]> = [
    [x + w, y + h2],
    [x + w, y + h2 + h2k],
    [x + w2 + w2k, y + h],
    [x + w2, y + h],
    [x + w2 - w2k, y + h],
    [x, y + h2 + h2k],
    [x, y + h2],
    [x, y + h2 - h2k],
    [x + w2 - w2k, y],
    [x + w2, y],
    [x + w2 + w2k, y],
    [x + w, y + h2 - h2k],
    [x + w, y + h2],
  ];
  const sweepLength = Math.max(-360, Math.min(360, sweep));
  const curves: Array<[number, number]> = [];
  let start: [number, number];
  if (startAngle === 0 && sweepLength === 360) {
    for (let i = 11; i >= 0; i--) curves.push(pts[i]!);
    start = pts[12]!;
  } else if (startAngle === 0 && sweepLength === -360) {
    for (let i = 1; i <= 12; i++) curves.push(pts[i]!);
    start = pts[0]!;
  } else {
    let startSegment = Math.floor(startAngle / 90);
    let endSegment = Math.floor((startAngle + sweepLength) / 90);
    let startT = (startAngle - startSegment * 90) / 90;
    let endT = (startAngle + sweepLength - endSegment * 90) / 90;
    const delta = sweepLength > 0 ? 1 : -1;
    if (delta < 0) {
      startT = 1 - startT;
      endT = 1 - endT;
    }
    // (no empty first or last segment)
    if (Math.abs(startT - 1) <= 0.000000000001) {
      startT = 0;
      startSegment += delta;
    }
    if (Math.abs(endT) <= 0.000000000001) {
      endT = 1;
      endSegment -= delta;
    }
    startT = tForArcAngle(startT * 90);
    endT = tForArcAngle(endT * 90);
    const splitAtStart = Math.abs(startT) > 0.000000000001;
    const splitAtEnd = Math.abs(endT - 1) > 0.000000000001;
    const end = endSegment + delta;
    if (startSegment === end) {
      const j = 3 * (3 - (((startSegment % 4) + 4) % 4));
      start = delta > 0 ? pts[j + 3]! : pts[j]!;
    } else {
      start = ellipsePoint(x, y, w, h, startAngle);
      const endPoint = ellipsePoint(x, y, w, h, startAngle + sweepLength);
      let empty = false;
      for (let i = startSegment; i !== end; i += delta) {
        const j = 3 * (3 - (((i % 4) + 4) % 4));
        let b =
          delta > 0
            ? new Bezier(...pts[j + 3]!, ...pts[j + 2]!, ...pts[j + 1]!, ...pts[j]!)
            : new Bezier(...pts[j]!, ...pts[j + 1]!, ...pts[j + 2]!, ...pts[j + 3]!);
        if (startSegment === endSegment && fuzzyEqual(startT, endT)) {
          empty = true;
          break;
        }
        if (i === startSegment) {
          if (i === endSegment && splitAtEnd) b = b.onInterval(startT, endT);
          else if (splitAtStart) b = b.onInterval(startT, 1);
        } else if (i === endSegment && splitAtEnd) {
          b = b.onInterval(0, endT);
        }
        curves.push([b.x2, b.y2], [b.x3, b.y3], [b.x4, b.y4]);
      }
      if (empty) curves.length = 0;
      else curves[curves.length - 1] = endPoint;
    }
  }
  path.lineTo(start[0], start[1]);
  for (let i = 0; i + 2 < curves.length; i += 3) {
    const [c1, c2, e] = [curves[i]!, curves[i + 1]!, curves[i + 2]!];
    path.cubicTo(c1[0], c1[1], c2[0], c2[1], e[0], e[1]);
  }
}

/** QQuickSvgParser's pathArcSegment: one segment of an arc as a cubic curve. */
function arcSegment(
  path: PainterPath,
  xc: number,
  yc: number,
  th0: number,
  th1: number,
  rx: number,
  ry: number,
  rotation: number,
): void {
  const sinTh = Math.sin(rotation * (Math.PI / 180));
  const cosTh = Math.cos(rotation * (Math.PI / 180));
  const a00 = cosTh * rx;
  const a01 = -sinTh * ry;
  const a10 = sinTh * rx;
  const a11 = cosTh * ry;
  const thHalf = 0.5 * (th1 - th0);
  const t = ((8 / 3) * Math.sin(thHalf * 0.5) * Math.sin(thHalf * 0.5)) / Math.sin(thHalf);
  const x1 = xc + Math.cos(th0) - t * Math.sin(th0);
  const y1 = yc + Math.sin(th0) + t * Math.cos(th0);
  const x3 = xc + Math.cos(th1);
  const y3 = yc + Math.sin(th1);
  const x2 = x3 + t * Math.sin(th1);
  const y2 = y3 - t * Math.cos(th1);
  path.cubicTo(
    a00 * x1 + a01 * y1,
    a10 * x1 + a11 * y1,
    a00 * x2 + a01 * y2,
    a10 * x2 + a11 * y2,
    a00 * x3 + a01 * y3,
    a10 * x3 + a11 * y3,
  );
}

/** QQuickSvgParser::pathArc: an SVG elliptical arc from (curx, cury) to (x, y). */
function pathArc(
  path: PainterPath,
  rxIn: number,
  ryIn: number,
  rotation: number,
  largeArc: boolean,
  sweep: boolean,
  x: number,
  y: number,
  curx: number,
  cury: number,
): void {
  let rx = Math.abs(rxIn);
  let ry = Math.abs(ryIn);
  const sinTh = Math.sin(rotation * (Math.PI / 180));
  const cosTh = Math.cos(rotation * (Math.PI / 180));
  const dx = (curx - x) / 2;
  const dy = (cury - y) / 2;
  const dx1 = cosTh * dx + sinTh * dy;
  const dy1 = -sinTh * dx + cosTh * dy;
  // (the radii grow until the arc fits)
  const check = (dx1 * dx1) / (rx * rx) + (dy1 * dy1) / (ry * ry);
  if (check > 1) {
    rx *= Math.sqrt(check);
    ry *= Math.sqrt(check);
  }
  const a00 = cosTh / rx;
  const a01 = sinTh / rx;
  const a10 = -sinTh / ry;
  const a11 = cosTh / ry;
  const x0 = a00 * curx + a01 * cury;
  const y0 = a10 * curx + a11 * cury;
  const x1 = a00 * x + a01 * y;
  const y1 = a10 * x + a11 * y;
  const d = (x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0);
  if (!d) return;
  let sfactorSq = 1 / d - 0.25;
  if (sfactorSq < 0) sfactorSq = 0;
  let sfactor = Math.sqrt(sfactorSq);
  if (sweep === largeArc) sfactor = -sfactor;
  const xc = 0.5 * (x0 + x1) - sfactor * (y1 - y0);
  const yc = 0.5 * (y0 + y1) + sfactor * (x1 - x0);
  const th0 = Math.atan2(y0 - yc, x0 - xc);
  const th1 = Math.atan2(y1 - yc, x1 - xc);
  let thArc = th1 - th0;
  if (thArc < 0 && sweep) thArc += 2 * Math.PI;
  else if (thArc > 0 && !sweep) thArc -= 2 * Math.PI;
  const nSegs = Math.ceil(Math.abs(thArc / (Math.PI * 0.5 + 0.001)));
  for (let i = 0; i < nSegs; i++)
    arcSegment(path, xc, yc, th0 + (i * thArc) / nSegs, th0 + ((i + 1) * thArc) / nSegs, rx, ry, rotation);
}

// ---- the elements ---------------------------------------------------------------------------------

/** QQuickPathElement: a part of a Path; any change of it rebuilds the path. */
export class PathElement extends QObject {
  path: Path | null = null;

  /** A property changed (Qt's changed() signal, which the path follows). */
  elementChanged(): void {
    this.$emit(PE.changed, undefined);
    this.path?.processPath();
  }
}
const onChange = (o: QObject) => (o as PathElement).elementChanged();
export const PathElementMeta: MetaObject = defineType(PathElement, QtObjectMeta, {
  name: 'PathElement',
  cppClass: 'QQuickPathElement',
  signals: { changed: {} },
  creatable: false,
});
const PE = { changed: PathElementMeta.signalsByName.get('changed')!.index };

/**
 * A coordinate that may be unset (QQmlNullableValue): the first write sets
 * it, whatever the value, and rebuilds the path.
 */
const nullable = (name: string, flag: string) => ({
  type: 'real' as const,
  write: (o: QObject, v: unknown) => {
    const flags = o as unknown as Record<string, boolean>;
    const wasSet = flags[flag];
    flags[flag] = true;
    if (o.$store(o.$meta.index(name), v) || !wasSet) onChange(o);
  },
});

/** QQuickCurve: an element that ends at a point, absolute (x, y) or relative to where it starts. */
export class Curve extends PathElement {
  hasX = false;
  hasY = false;
  hasRelativeX = false;
  hasRelativeY = false;

  /**
   * Where the element ends (positionForCurve): relative coordinates first,
   * then x and y, else (the last element's) the path's end point `end`.
   */
  endFrom(prevX: number, prevY: number, end: readonly [number, number] | null): [number, number] {
    const v = this.$v;
    const x = this.hasRelativeX
      ? prevX + (v[CURVE.relativeX] as number)
      : end === null || this.hasX
        ? (v[CURVE.x] as number)
        : end[0];
    const y = this.hasRelativeY
      ? prevY + (v[CURVE.relativeY] as number)
      : end === null || this.hasY
        ? (v[CURVE.y] as number)
        : end[1];
    return [x, y];
  }

  addToPath(_path: PainterPath, _data: PathData): void {}
}
export const CurveMeta: MetaObject = defineType(Curve, PathElementMeta, {
  name: 'Curve',
  cppClass: 'QQuickCurve',
  properties: {
    x: nullable('x', 'hasX'),
    y: nullable('y', 'hasY'),
    relativeX: nullable('relativeX', 'hasRelativeX'),
    relativeY: nullable('relativeY', 'hasRelativeY'),
  },
  creatable: false,
});
const CURVE = {
  x: CurveMeta.index('x'),
  y: CurveMeta.index('y'),
  relativeX: CurveMeta.index('relativeX'),
  relativeY: CurveMeta.index('relativeY'),
};

interface PathData {
  index: number;
  curves: Curve[];
  /** Where the last element ends when it does not say (QQuickPath::createPath's endPoint). */
  end: readonly [number, number];
}

/** The end point for curve `i` of the path: the path's, if it is the last. */
function endPointOf(data: PathData, i: number): readonly [number, number] | null {
  return i === data.curves.length - 1 ? data.end : null;
}

function endOf(curve: Curve, path: PainterPath, data: PathData): [number, number] {
  const last = path.last;
  return curve.endFrom(last.x, last.y, endPointOf(data, data.index));
}

export class PathLine extends Curve {
  override addToPath(path: PainterPath, data: PathData): void {
    const [x, y] = endOf(this, path, data);
    path.lineTo(x, y);
  }
}
export const PathLineMeta: MetaObject = defineType(PathLine, CurveMeta, {
  name: 'PathLine',
  cppClass: 'QQuickPathLine',
});

export class PathMove extends Curve {
  override addToPath(path: PainterPath, data: PathData): void {
    const [x, y] = endOf(this, path, data);
    path.moveTo(x, y);
  }
}
export const PathMoveMeta: MetaObject = defineType(PathMove, CurveMeta, {
  name: 'PathMove',
  cppClass: 'QQuickPathMove',
});

export class PathQuad extends Curve {
  hasRelativeControlX = false;
  hasRelativeControlY = false;

  override addToPath(path: PainterPath, data: PathData): void {
    const prev = path.last;
    const v = this.$v;
    const cx = this.hasRelativeControlX
      ? prev.x + (v[QUAD.relativeControlX] as number)
      : (v[QUAD.controlX] as number);
    const cy = this.hasRelativeControlY
      ? prev.y + (v[QUAD.relativeControlY] as number)
      : (v[QUAD.controlY] as number);
    const [x, y] = endOf(this, path, data);
    path.quadTo(cx, cy, x, y);
  }
}
export const PathQuadMeta: MetaObject = defineType(PathQuad, CurveMeta, {
  name: 'PathQuad',
  cppClass: 'QQuickPathQuad',
  properties: {
    controlX: { type: 'real', changed: onChange },
    controlY: { type: 'real', changed: onChange },
    relativeControlX: nullable('relativeControlX', 'hasRelativeControlX'),
    relativeControlY: nullable('relativeControlY', 'hasRelativeControlY'),
  },
});
const QUAD = {
  controlX: PathQuadMeta.index('controlX'),
  controlY: PathQuadMeta.index('controlY'),
  relativeControlX: PathQuadMeta.index('relativeControlX'),
  relativeControlY: PathQuadMeta.index('relativeControlY'),
};

export class PathCubic extends Curve {
  hasRelativeControl1X = false;
  hasRelativeControl1Y = false;
  hasRelativeControl2X = false;
  hasRelativeControl2Y = false;

  override addToPath(path: PainterPath, data: PathData): void {
    const prev = path.last;
    const v = this.$v;
    const pick = (relative: boolean, relIdx: number, absIdx: number, from: number) =>
      relative ? from + (v[relIdx] as number) : (v[absIdx] as number);
    const c1x = pick(this.hasRelativeControl1X, CUBIC.relativeControl1X, CUBIC.control1X, prev.x);
    const c1y = pick(this.hasRelativeControl1Y, CUBIC.relativeControl1Y, CUBIC.control1Y, prev.y);
    const c2x = pick(this.hasRelativeControl2X, CUBIC.relativeControl2X, CUBIC.control2X, prev.x);
    const c2y = pick(this.hasRelativeControl2Y, CUBIC.relativeControl2Y, CUBIC.control2Y, prev.y);
    const [x, y] = endOf(this, path, data);
    path.cubicTo(c1x, c1y, c2x, c2y, x, y);
  }
}
export const PathCubicMeta: MetaObject = defineType(PathCubic, CurveMeta, {
  name: 'PathCubic',
  cppClass: 'QQuickPathCubic',
  properties: {
    control1X: { type: 'real', changed: onChange },
    control1Y: { type: 'real', changed: onChange },
    control2X: { type: 'real', changed: onChange },
    control2Y: { type: 'real', changed: onChange },
    relativeControl1X: nullable('relativeControl1X', 'hasRelativeControl1X'),
    relativeControl1Y: nullable('relativeControl1Y', 'hasRelativeControl1Y'),
    relativeControl2X: nullable('relativeControl2X', 'hasRelativeControl2X'),
    relativeControl2Y: nullable('relativeControl2Y', 'hasRelativeControl2Y'),
  },
});
const CUBIC = {
  control1X: PathCubicMeta.index('control1X'),
  control1Y: PathCubicMeta.index('control1Y'),
  control2X: PathCubicMeta.index('control2X'),
  control2Y: PathCubicMeta.index('control2Y'),
  relativeControl1X: PathCubicMeta.index('relativeControl1X'),
  relativeControl1Y: PathCubicMeta.index('relativeControl1Y'),
  relativeControl2X: PathCubicMeta.index('relativeControl2X'),
  relativeControl2Y: PathCubicMeta.index('relativeControl2Y'),
};

export class PathArc extends Curve {
  override addToPath(path: PainterPath, data: PathData): void {
    const start = path.last;
    const sx = start.x;
    const sy = start.y;
    const [x, y] = endOf(this, path, data);
    const v = this.$v;
    pathArc(
      path,
      v[ARC.radiusX] as number,
      v[ARC.radiusY] as number,
      v[ARC.xAxisRotation] as number,
      v[ARC.useLargeArc] as boolean,
      (v[ARC.direction] as number) === 0,
      x,
      y,
      sx,
      sy,
    );
  }
}
export const PathArcMeta: MetaObject = defineType(PathArc, CurveMeta, {
  name: 'PathArc',
  cppClass: 'QQuickPathArc',
  properties: {
    radiusX: { type: 'real', default: 0, changed: onChange },
    radiusY: { type: 'real', default: 0, changed: onChange },
    useLargeArc: { type: 'bool', changed: onChange },
    direction: { type: 'enumeration', changed: onChange },
    xAxisRotation: { type: 'real', changed: onChange },
  },
  enums: { Clockwise: 0, Counterclockwise: 1 },
});
const ARC = {
  radiusX: PathArcMeta.index('radiusX'),
  radiusY: PathArcMeta.index('radiusY'),
  useLargeArc: PathArcMeta.index('useLargeArc'),
  direction: PathArcMeta.index('direction'),
  xAxisRotation: PathArcMeta.index('xAxisRotation'),
};

/** PathAngleArc: an arc of the ellipse around (centerX, centerY), from startAngle over sweepAngle degrees. */
export class PathAngleArc extends Curve {
  override addToPath(path: PainterPath): void {
    const v = this.$v;
    const rx = v[ANGLE_ARC.radiusX] as number;
    const ry = v[ANGLE_ARC.radiusY] as number;
    const x = (v[ANGLE_ARC.centerX] as number) - rx;
    const y = (v[ANGLE_ARC.centerY] as number) - ry;
    const start = -(v[ANGLE_ARC.startAngle] as number);
    if (v[ANGLE_ARC.moveToStart] && !(rx === 0 && ry === 0)) {
      const [sx, sy] = ellipsePoint(x, y, rx * 2, ry * 2, start);
      path.moveTo(sx, sy);
    }
    arcTo(path, x, y, rx * 2, ry * 2, start, -(v[ANGLE_ARC.sweepAngle] as number));
  }
}
export const PathAngleArcMeta: MetaObject = defineType(PathAngleArc, CurveMeta, {
  name: 'PathAngleArc',
  cppClass: 'QQuickPathAngleArc',
  properties: {
    centerX: { type: 'real', changed: onChange },
    centerY: { type: 'real', changed: onChange },
    radiusX: { type: 'real', changed: onChange },
    radiusY: { type: 'real', changed: onChange },
    startAngle: { type: 'real', changed: onChange },
    sweepAngle: { type: 'real', changed: onChange },
    moveToStart: { type: 'bool', default: true, changed: onChange },
  },
});
const ANGLE_ARC = {
  centerX: PathAngleArcMeta.index('centerX'),
  centerY: PathAngleArcMeta.index('centerY'),
  radiusX: PathAngleArcMeta.index('radiusX'),
  radiusY: PathAngleArcMeta.index('radiusY'),
  startAngle: PathAngleArcMeta.index('startAngle'),
  sweepAngle: PathAngleArcMeta.index('sweepAngle'),
  moveToStart: PathAngleArcMeta.index('moveToStart'),
};

/** The point before the last one of the path (previousPathPosition), for Catmull-Rom curves. */
function previousPathPosition(path: PainterPath): [number, number] {
  const els = path.els;
  const count = els.length;
  const index = els[count - 1]!.type === CURVE_TO_DATA ? count - 4 : count - 2;
  const e = els[Math.max(index, 0)]!;
  return [e.x, e.y];
}

/** PathCurve (QQuickPathCatmullRomCurve): a point of a Catmull-Rom spline, added as a cubic curve. */
export class PathCurve extends Curve {
  override addToPath(path: PainterPath, data: PathData): void {
    const curves = data.curves;
    const last = path.last;
    const prev: [number, number] = [last.x, last.y];
    let prevFar: [number, number] = prev;
    const index = data.index - 1;
    const curve = index === -1 ? null : curves[index]!;
    if (curve instanceof PathCurve) {
      prevFar = previousPathPosition(path);
    } else if (index === -1 && curves.length > 1 && curves[curves.length - 1] instanceof PathCurve) {
      // A closed path that starts and ends with Catmull-Rom points: the join is smoothed.
      let pos: [number, number] = prev;
      let far: [number, number] = prev;
      for (let i = data.index; i < curves.length; i++) {
        pos = curves[i]!.endFrom(pos[0], pos[1], endPointOf(data, i));
        if (i === curves.length - 2) far = pos;
      }
      const first = path.els[0]!;
      if (pos[0] === first.x && pos[1] === first.y) prevFar = far;
    }
    const point = this.endFrom(prev[0], prev[1], endPointOf(data, data.index));
    let next: [number, number] = point;
    const nextCurve = curves[data.index + 1];
    if (nextCurve instanceof PathCurve) {
      next = nextCurve.endFrom(point[0], point[1], endPointOf(data, data.index + 1));
    } else {
      const first = path.els[0]!;
      if (
        point[0] === first.x &&
        point[1] === first.y &&
        curves[0] instanceof PathCurve &&
        path.els.length >= 3
      ) {
        const e = path.els[3]!;
        next = [e.x, e.y];
      }
    }
    path.cubicTo(
      prevFar[0] * -0.167 + prev[0] + point[0] * 0.167,
      prevFar[1] * -0.167 + prev[1] + point[1] * 0.167,
      prev[0] * 0.167 + point[0] + next[0] * -0.167,
      prev[1] * 0.167 + point[1] + next[1] * -0.167,
      point[0],
      point[1],
    );
  }
}
export const PathCurveMeta: MetaObject = defineType(PathCurve, CurveMeta, {
  name: 'PathCurve',
  cppClass: 'QQuickPathCatmullRomCurve',
});

/** PathAttribute: a named value at this point of the path, interpolated in between. */
export class PathAttribute extends PathElement {}
export const PathAttributeMeta: MetaObject = defineType(PathAttribute, PathElementMeta, {
  name: 'PathAttribute',
  cppClass: 'QQuickPathAttribute',
  properties: {
    name: { type: 'string' },
    value: { type: 'real', changed: onChange },
  },
});
const ATTR = { name: PathAttributeMeta.index('name'), value: PathAttributeMeta.index('value') };

/** PathPercent: the share of the items laid out up to this point of the path. */
export class PathPercent extends PathElement {}
export const PathPercentMeta: MetaObject = defineType(PathPercent, PathElementMeta, {
  name: 'PathPercent',
  cppClass: 'QQuickPathPercent',
  properties: { value: { type: 'real', changed: onChange } },
});
const PERCENT = { value: PathPercentMeta.index('value') };

/** A number of SVG path data at `i` (QQuickSvgParser's toDouble): sign, digits, fraction, exponent. */
function svgNumber(s: string, i: number): [number, number] {
  const m = /^[-+]?\d*\.?\d*(?:[eE][-+]?\d+)?/.exec(s.slice(i));
  const text = m ? m[0] : '';
  const n = Number(text);
  return [Number.isNaN(n) ? 0 : n, i + Math.max(text.length, 1)];
}

/** QQuickSvgParser::parsePathDataFast: SVG path data (M, L, H, V, C, S, Q, T, A, Z and their relative forms). */
function parsePathData(data: string, path: PainterPath): void {
  let x0 = 0;
  let y0 = 0;
  let x = 0;
  let y = 0;
  let lastMode = '';
  let ctrlX = 0;
  let ctrlY = 0;
  const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
  let i = 0;
  while (i < data.length) {
    while (isSpace(data[i])) i++;
    if (i >= data.length) break;
    let cmd = data[i++]!;
    const nums: number[] = [];
    while (isSpace(data[i])) i++;
    while (i < data.length && /[\d+\-.]/.test(data[i]!)) {
      const [n, next] = svgNumber(data, i);
      nums.push(n);
      i = next;
      while (isSpace(data[i])) i++;
      if (data[i] === ',') i++;
      while (isSpace(data[i])) i++;
    }
    if (cmd === 'z' || cmd === 'Z') nums.push(0);
    let k = 0;
    let count = nums.length;
    while (count > 0) {
      const ox = x;
      const oy = y;
      const rel = cmd === cmd.toLowerCase();
      const dx = rel ? ox : 0;
      const dy = rel ? oy : 0;
      switch (cmd) {
        case 'm':
        case 'M':
          if (count < 2) {
            k++;
            count--;
            break;
          }
          x = x0 = nums[k]! + dx;
          y = y0 = nums[k + 1]! + dy;
          k += 2;
          count -= 2;
          path.moveTo(x0, y0);
          // (more pairs after a moveto are linetos)
          cmd = rel ? 'l' : 'L';
          break;
        case 'z':
        case 'Z':
          x = x0;
          y = y0;
          count--;
          k++;
          path.closeSubpath();
          break;
        case 'l':
        case 'L':
          if (count < 2) {
            k++;
            count--;
            break;
          }
          x = nums[k]! + dx;
          y = nums[k + 1]! + dy;
          k += 2;
          count -= 2;
          path.lineTo(x, y);
          break;
        case 'h':
        case 'H':
          x = nums[k]! + dx;
          k++;
          count--;
          path.lineTo(x, y);
          break;
        case 'v':
        case 'V':
          y = nums[k]! + dy;
          k++;
          count--;
          path.lineTo(x, y);
          break;
        case 'c':
        case 'C': {
          if (count < 6) {
            k += count;
            count = 0;
            break;
          }
          const n = nums.slice(k, k + 6);
          k += 6;
          count -= 6;
          path.cubicTo(n[0]! + dx, n[1]! + dy, n[2]! + dx, n[3]! + dy, n[4]! + dx, n[5]! + dy);
          ctrlX = n[2]! + dx;
          ctrlY = n[3]! + dy;
          x = n[4]! + dx;
          y = n[5]! + dy;
          break;
        }
        case 's':
        case 'S': {
          if (count < 4) {
            k += count;
            count = 0;
            break;
          }
          const smooth = 'cCsS'.includes(lastMode);
          const c1x = smooth ? 2 * x - ctrlX : x;
          const c1y = smooth ? 2 * y - ctrlY : y;
          const n = nums.slice(k, k + 4);
          k += 4;
          count -= 4;
          path.cubicTo(c1x, c1y, n[0]! + dx, n[1]! + dy, n[2]! + dx, n[3]! + dy);
          ctrlX = n[0]! + dx;
          ctrlY = n[1]! + dy;
          x = n[2]! + dx;
          y = n[3]! + dy;
          break;
        }
        case 'q':
        case 'Q': {
          if (count < 4) {
            k += count;
            count = 0;
            break;
          }
          const n = nums.slice(k, k + 4);
          k += 4;
          count -= 4;
          path.quadTo(n[0]! + dx, n[1]! + dy, n[2]! + dx, n[3]! + dy);
          ctrlX = n[0]! + dx;
          ctrlY = n[1]! + dy;
          x = n[2]! + dx;
          y = n[3]! + dy;
          break;
        }
        case 't':
        case 'T': {
          if (count < 2) {
            k += count;
            count = 0;
            break;
          }
          const ex = nums[k]! + dx;
          const ey = nums[k + 1]! + dy;
          k += 2;
          count -= 2;
          const smooth = 'qQtT'.includes(lastMode);
          const cx = smooth ? 2 * x - ctrlX : x;
          const cy = smooth ? 2 * y - ctrlY : y;
          path.quadTo(cx, cy, ex, ey);
          ctrlX = cx;
          ctrlY = cy;
          x = ex;
          y = ey;
          break;
        }
        case 'a':
        case 'A': {
          if (count < 7) {
            k += count;
            count = 0;
            break;
          }
          const n = nums.slice(k, k + 7);
          k += 7;
          count -= 7;
          const ex = n[5]! + dx;
          const ey = n[6]! + dy;
          pathArc(path, n[0]!, n[1]!, n[2]!, Math.trunc(n[3]!) !== 0, Math.trunc(n[4]!) !== 0, ex, ey, x, y);
          x = ex;
          y = ey;
          break;
        }
        default:
          return;
      }
      lastMode = cmd;
    }
  }
}

/** PathSvg: a part of the path given as SVG path data (its coordinates are not relative to the path so far). */
export class PathSvg extends Curve {
  override addToPath(path: PainterPath): void {
    parsePathData(this.$v[SVG.path] as string, path);
  }
}
export const PathSvgMeta: MetaObject = defineType(PathSvg, CurveMeta, {
  name: 'PathSvg',
  cppClass: 'QQuickPathSvg',
  properties: { path: { type: 'string', changed: onChange } },
});
const SVG = { path: PathSvgMeta.index('path') };

/** A point from `Qt.point(x, y)` or `{ x, y }`. */
function pointOf(v: unknown): [number, number] | null {
  if (v && typeof v === 'object') {
    const p = v as { x?: unknown; y?: unknown };
    return [Number(p.x), Number(p.y)];
  }
  return null;
}

/** PathPolyline: lines through a list of points (it moves to the first). */
export class PathPolyline extends Curve {
  override addToPath(path: PainterPath): void {
    const list = this.$v[POLY.path];
    const points = (Array.isArray(list) ? list : []).map(pointOf).filter((p) => p !== null);
    if (points.length < 2) return;
    path.moveTo(points[0]![0], points[0]![1]);
    for (const [px, py] of points) path.lineTo(px, py);
  }
}
export const PathPolylineMeta: MetaObject = defineType(PathPolyline, CurveMeta, {
  name: 'PathPolyline',
  cppClass: 'QQuickPathPolyline',
  properties: { path: { type: 'var', changed: onChange } },
});
const POLY = { path: PathPolylineMeta.index('path') };

/** PathMultiline: several polylines, each from a move to its first point. */
export class PathMultiline extends Curve {
  override addToPath(path: PainterPath): void {
    const lists = this.$v[MULTI.paths];
    for (const list of Array.isArray(lists) ? lists : []) {
      const points = (Array.isArray(list) ? list : []).map(pointOf).filter((p) => p !== null);
      if (points.length === 0) continue;
      path.moveTo(points[0]![0], points[0]![1]);
      for (const [px, py] of points) path.lineTo(px, py);
    }
  }
}
export const PathMultilineMeta: MetaObject = defineType(PathMultiline, CurveMeta, {
  name: 'PathMultiline',
  cppClass: 'QQuickPathMultiline',
  properties: { paths: { type: 'var', changed: onChange } },
});
const MULTI = { paths: PathMultilineMeta.index('paths') };

// ---- Path ------------------------------------------------------------------------------------------

/** A point of the path where attributes (and PathPercent) are given (QQuickPath's AttributePoint). */
/** A path built (QPainterPath), its attribute points and its length. */
export interface PathGeometry {
  path: PainterPath;
  points: AttributePoint[];
  length: number;
}

interface AttributePoint {
  percent: number;
  scale: number;
  origpercent: number;
  values: Map<string, number>;
}

const PERCENT_KEY = '_qfx_percent';

function interpolate(points: AttributePoint[], idx: number, name: string, value: number): void {
  if (!idx) return;
  let lastValue = 0;
  let lastPercent = 0;
  let search = idx - 1;
  while (search >= 0) {
    const p = points[search]!;
    if (p.values.has(name)) {
      lastValue = p.values.get(name)!;
      lastPercent = p.origpercent;
      break;
    }
    search--;
  }
  search++;
  const cur = points[idx]!;
  for (let i = search; i < idx; i++) {
    const p = points[i]!;
    p.values.set(
      name,
      lastValue + ((value - lastValue) * (p.origpercent - lastPercent)) / (cur.origpercent - lastPercent),
    );
  }
}

function endpoint(points: AttributePoint[], name: string): void {
  const val = points[0]!.values.get(name) ?? 0;
  for (let i = points.length - 1; i >= 0; i--) {
    if (points[i]!.values.has(name)) {
      for (let j = i + 1; j < points.length; j++) points[j]!.values.set(name, val);
      return;
    }
  }
}

export class Path extends QObject {
  hasStartX = false;
  hasStartY = false;
  private complete = false;
  private painterPath = new PainterPath();
  private pathLength = 0;
  private attributePoints: AttributePoint[] = [];
  private attributeNames: string[] = [];
  private pointCache: Array<[number, number]> = [];
  /** Called when the path is rebuilt (the PathView that uses it). */
  readonly listeners = new Set<() => void>();

  private get elements(): PathElement[] {
    return (this.$v[PATH.pathElements] as PathElement[] | null) ?? [];
  }

  /** The names of the PathAttributes, in the order Qt gathers them. */
  get attributes(): readonly string[] {
    if (this.complete) return this.attributeNames;
    return [...new Set(this.elements.filter((e) => e instanceof PathAttribute).map((e) => attributeName(e)))];
  }

  get length(): number {
    return this.pathLength;
  }

  /** The path as QPainterPath elements (what a Shape draws). */
  get painterElements(): readonly PathElementPoint[] {
    return this.painterPath.els;
  }

  appendElement(e: unknown): void {
    if (!(e instanceof PathElement)) return;
    const list = this.$v[PATH.pathElements] as PathElement[] | null;
    if (list === null) this.$v[PATH.pathElements] = [e];
    else list.push(e);
    e.path = this;
    if (this.complete) {
      if (e instanceof PathAttribute && !this.attributeNames.includes(attributeName(e)))
        this.attributeNames.push(attributeName(e));
      this.processPath();
    }
  }

  $componentComplete(): void {
    this.complete = true;
    this.attributeNames = [
      ...new Set(this.elements.filter((e) => e instanceof PathAttribute).map((e) => attributeName(e))),
    ];
    this.processPath();
  }

  /** QQuickPath::processPath: builds the path and its attribute points, then tells the view. */
  processPath(): void {
    if (!this.complete) return;
    this.pointCache = [];
    this.buildPath();
    this.$emit(PATH.changed, undefined);
    for (const l of [...this.listeners]) l();
  }

  private buildPath(): void {
    const g = this.createPath([0, 0], [0, 0]);
    const end = g.path.last;
    const startX = this.$v[PATH.startX] as number;
    const startY = this.$v[PATH.startY] as number;
    this.$store(PATH.closed, g.length > 0 && startX === end.x && startY === end.y);
    this.painterPath = g.path;
    this.pathLength = g.length;
    this.attributePoints = g.points;
  }

  /**
   * QQuickPath::createPath: the path from `start` (where startX or startY is
   * not set) to `end` (where the last element leaves x or y out), with its
   * attribute points and length.
   */
  createPath(start: readonly [number, number], end: readonly [number, number]): PathGeometry {
    const path = new PainterPath();
    const points: AttributePoint[] = [];
    const first: AttributePoint = { percent: 0, scale: 1, origpercent: 0, values: new Map() };
    for (const name of this.attributeNames) first.values.set(name, 0);
    points.push(first);
    const startX = this.$v[PATH.startX] as number;
    const startY = this.$v[PATH.startY] as number;
    path.moveTo(this.hasStartX ? startX : start[0], this.hasStartY ? startY : start[1]);
    const curves = this.elements.filter((e): e is Curve => e instanceof Curve);
    let usesPercent = false;
    let index = 0;
    for (const e of this.elements) {
      if (e instanceof Curve) {
        e.addToPath(path, { index, curves, end });
        points.push({ percent: 0, scale: 1, origpercent: path.length(), values: new Map() });
        index++;
      } else if (e instanceof PathAttribute) {
        const name = attributeName(e);
        const value = e.$v[ATTR.value] as number;
        points[points.length - 1]!.values.set(name, value);
        interpolate(points, points.length - 1, name, value);
      } else if (e instanceof PathPercent) {
        const value = e.$v[PERCENT.value] as number;
        points[points.length - 1]!.values.set(PERCENT_KEY, value);
        interpolate(points, points.length - 1, PERCENT_KEY, value);
        usesPercent = true;
      }
    }
    const last = points[points.length - 1]!;
    for (const name of this.attributeNames) if (!last.values.has(name)) endpoint(points, name);
    if (usesPercent && !last.values.has(PERCENT_KEY)) {
      last.values.set(PERCENT_KEY, 1);
      interpolate(points, points.length - 1, PERCENT_KEY, 1);
    }
    // Path.scale stretches the path built (Qt: QTransform::fromScale(...).map(path)).
    const scale = this.$v[PATH.scale] as QSize;
    if (!fuzzyEqual(scale.width, 1) || !fuzzyEqual(scale.height, 1)) {
      for (const e of path.els) {
        e.x *= scale.width;
        e.y *= scale.height;
      }
    }
    const length = path.length();
    let prevpercent = 0;
    let prevorigpercent = 0;
    for (let i = 0; i < points.length; i++) {
      const p = points[i]!;
      const pc = p.values.get(PERCENT_KEY);
      if (pc !== undefined) {
        if (i > 0) p.scale = (p.origpercent / length - prevorigpercent) / (pc - prevpercent);
        p.origpercent /= length;
        p.percent = pc;
        prevorigpercent = p.origpercent;
        prevpercent = p.percent;
      } else {
        p.origpercent /= length;
        p.percent = p.origpercent;
      }
    }
    return { path, points, length };
  }

  /** QQuickPath::createPointCache: ceil(length * 5) + 1 points, placed by PathPercent. */
  private createPointCache(): void {
    const pathLength = this.pathLength;
    if (pathLength <= 0 || Number.isNaN(pathLength)) return;
    const els = this.painterPath.els;
    const segments = els.length === 2 && els[1]!.type === LINE_TO ? 1 : Math.ceil(pathLength * 5);
    const lastElement = els.length - 1;
    const cache: Array<[number, number]> = new Array(segments + 1);
    let seg = nextBezier(els, -1);
    let currLength = seg.length;
    let epc = currLength / pathLength;
    const points = this.attributePoints;
    for (let i = 0; i <= segments; i++) {
      let prevPercent = 0;
      let prevOrigPercent = 0;
      for (let ii = 0; ii < points.length; ii++) {
        const percent = i / segments;
        const point = points[ii]!;
        if (percent < point.percent || ii === points.length - 1) {
          const spc = prevOrigPercent + (percent - prevPercent) * point.scale;
          while (spc > epc) {
            if (seg.index > lastElement) break;
            seg = nextBezier(els, seg.index);
            if (seg.length === 0) {
              currLength = pathLength;
              epc = 1;
              break;
            }
            currLength += seg.length;
            epc = currLength / pathLength;
          }
          const realT = (pathLength * spc - (currLength - seg.length)) / seg.length;
          cache[i] = seg.bez ? seg.bez.pointAt(Math.min(Math.max(realT, 0), 1)) : [0, 0];
          break;
        }
        prevOrigPercent = point.origpercent;
        prevPercent = point.percent;
      }
    }
    this.pointCache = cache;
  }

  /** QQuickPath::pointAtPercent: from the point cache, interpolated between its points. */
  pointAt(p: number): [number, number] {
    if (this.pointCache.length === 0) {
      this.createPointCache();
      if (this.pointCache.length === 0) return [0, 0];
    }
    const cache = this.pointCache;
    const segmentCount = cache.length - 1;
    const idxf = p * segmentCount;
    let idx1 = Math.floor(idxf);
    const delta = idxf - idx1;
    if (idx1 > segmentCount) idx1 = segmentCount;
    else if (idx1 < 0) idx1 = 0;
    if (delta === 0) return cache[idx1]!;
    let idx2 = Math.ceil(idxf);
    if (idx2 > segmentCount) idx2 = segmentCount;
    else if (idx2 < 0) idx2 = 0;
    const p1 = cache[idx1]!;
    const p2 = cache[idx2]!;
    return [p1[0] * (1 - delta) + p2[0] * delta, p1[1] * (1 - delta) + p2[1] * delta];
  }

  /**
   * QQuickPath::sequentialPointAt (its forwards walk): the point at `p`
   * (0 to 1) read from the path itself, not from the point cache, and the
   * angle of the path there (degrees, counter-clockwise from the x axis).
   */
  pointAndAngleAt(
    p: number,
    g: PathGeometry = { path: this.painterPath, length: this.pathLength, points: this.attributePoints },
  ): { x: number; y: number; angle: number } {
    const pathLength = g.length;
    const els = g.path.els;
    if (pathLength <= 0 || Number.isNaN(pathLength)) {
      const first = els[0]!;
      return { x: first.x, y: first.y, angle: 0 };
    }
    let seg = nextBezier(els, -1);
    let currLength = seg.length;
    let epc = currLength / pathLength;
    let prevPercent = 0;
    let prevOrigPercent = 0;
    const points = g.points;
    for (let ii = 0; ii < points.length; ii++) {
      const point = points[ii]!;
      if (p < point.percent || ii === points.length - 1) {
        const spc = prevOrigPercent + (p - prevPercent) * point.scale;
        while (spc > epc && seg.bez !== null) {
          const next = nextBezier(els, seg.index);
          if (next.bez === null) break;
          seg = next;
          currLength += seg.length;
          epc = currLength / pathLength;
        }
        const b = seg.bez;
        if (b === null) return { x: 0, y: 0, angle: 0 };
        const realT = (pathLength * spc - (currLength - seg.length)) / seg.length;
        const slope = (t: number, a: number, bb: number, c: number, d: number) =>
          3 * t * t * (d - 3 * c + 3 * bb - a) + 6 * t * (c - 2 * bb + a) + 3 * (bb - a);
        const m1 = slope(realT, b.x1, b.x2, b.x3, b.x4);
        const m2 = slope(realT, b.y1, b.y2, b.y3, b.y4);
        // (QLineF::angle)
        let angle = (Math.atan2(-m2, m1) * 360) / (2 * Math.PI);
        if (angle < 0) angle += 360;
        if (fuzzyEqual(angle, 360)) angle = 0;
        const [x, y] = b.pointAt(Math.min(Math.max(realT, 0), 1));
        return { x, y, angle };
      }
      prevOrigPercent = point.origpercent;
      prevPercent = point.percent;
    }
    return { x: 0, y: 0, angle: 0 };
  }

  /** QQuickPath::attributeAt: an attribute's value at `percent`, interpolated. */
  attributeAt(name: string, percent: number): number {
    if (percent < 0 || percent > 1) return 0;
    const points = this.attributePoints;
    for (let i = 0; i < points.length; i++) {
      const point = points[i]!;
      if (point.percent === percent) return point.values.get(name) ?? 0;
      if (point.percent > percent) {
        const lastValue = i ? (points[i - 1]!.values.get(name) ?? 0) : 0;
        const lastPercent = i ? points[i - 1]!.percent : 0;
        const curValue = point.values.get(name) ?? 0;
        return lastValue + ((curValue - lastValue) * (percent - lastPercent)) / (point.percent - lastPercent);
      }
    }
    return 0;
  }

  /** `path.pointAtPercent(t)` from QML. */
  pointAtPercent(t?: unknown): QPoint {
    const [x, y] = this.pointAt(Number(t));
    return new QPoint(x, y);
  }
}

function attributeName(e: PathElement): string {
  return e.$v[ATTR.name] as string;
}

/** Path.startX/startY: unset, the path starts at 0; set, at the value given (QQmlNullableValue). */
const start = (name: string, flag: 'hasStartX' | 'hasStartY') => ({
  type: 'real' as const,
  write: (o: QObject, v: unknown) => {
    const path = o as Path;
    const wasSet = path[flag];
    path[flag] = true;
    if (path.$store(path.$meta.index(name), v) || !wasSet) path.processPath();
  },
});

export const PathMeta: MetaObject = defineType(Path, QtObjectMeta, {
  name: 'Path',
  cppClass: 'QQuickPath',
  defaultProperty: 'pathElements',
  properties: {
    startX: start('startX', 'hasStartX'),
    startY: start('startY', 'hasStartY'),
    closed: { type: 'bool', readonly: true },
    scale: { type: 'size', default: new QSize(1, 1), changed: (o) => (o as Path).processPath() },
    pathElements: {
      type: 'list',
      append: (o, v) => (o as Path).appendElement(v),
      write: (o, v) => {
        for (const e of Array.isArray(v) ? v : [v]) (o as Path).appendElement(e);
      },
    },
  },
  signals: { changed: {} },
  methods: ['pointAtPercent'],
});
const PATH = {
  startX: PathMeta.index('startX'),
  startY: PathMeta.index('startY'),
  closed: PathMeta.index('closed'),
  scale: PathMeta.index('scale'),
  pathElements: PathMeta.index('pathElements'),
  changed: PathMeta.signalsByName.get('changed')!.index,
};

/** PathInterpolator: the point and the angle of a path at `progress` (0 to 1). */
export class PathInterpolator extends QObject {
  private readonly listener = () => this.update();
  private watched: Path | null = null;

  onPathChanged(): void {
    this.watched?.listeners.delete(this.listener);
    const path = this.$v[INTERP.path];
    this.watched = path instanceof Path ? path : null;
    this.watched?.listeners.add(this.listener);
  }

  setProgress(v: number): void {
    const progress = Math.min(Math.max(Number(v), 0), 1);
    if (!this.$store(INTERP.progress, progress)) return;
    this.update();
  }

  /** QQuickPathInterpolator::_q_pathUpdated: the angle turned clockwise (360 less the path's). */
  private update(): void {
    const path = this.watched;
    if (!path) return;
    const { x, y, angle } = path.pointAndAngleAt(this.$v[INTERP.progress] as number);
    this.$store(INTERP.x, x);
    this.$store(INTERP.y, y);
    this.$store(INTERP.angle, 360 - angle);
  }

  $componentComplete(): void {
    this.update();
  }
}
export const PathInterpolatorMeta: MetaObject = defineType(PathInterpolator, QtObjectMeta, {
  name: 'PathInterpolator',
  cppClass: 'QQuickPathInterpolator',
  properties: {
    path: { type: 'Path', changed: (o) => (o as PathInterpolator).onPathChanged() },
    progress: { type: 'real', write: (o, v) => (o as PathInterpolator).setProgress(v as number) },
    x: { type: 'real', readonly: true },
    y: { type: 'real', readonly: true },
    angle: { type: 'real', readonly: true },
  },
});
const INTERP = {
  path: PathInterpolatorMeta.index('path'),
  progress: PathInterpolatorMeta.index('progress'),
  x: PathInterpolatorMeta.index('x'),
  y: PathInterpolatorMeta.index('y'),
  angle: PathInterpolatorMeta.index('angle'),
};

export const PATH_TYPES: Record<string, MetaObject> = {
  Path: PathMeta,
  PathElement: PathElementMeta,
  PathLine: PathLineMeta,
  PathMove: PathMoveMeta,
  PathQuad: PathQuadMeta,
  PathCubic: PathCubicMeta,
  PathArc: PathArcMeta,
  PathCurve: PathCurveMeta,
  PathAttribute: PathAttributeMeta,
  PathPercent: PathPercentMeta,
  PathSvg: PathSvgMeta,
  PathAngleArc: PathAngleArcMeta,
  PathPolyline: PathPolylineMeta,
  PathMultiline: PathMultilineMeta,
  PathInterpolator: PathInterpolatorMeta,
};
