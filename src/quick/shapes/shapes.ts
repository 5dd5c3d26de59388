// QtQuick.Shapes (qquickshape.cpp): a Shape draws its ShapePaths, each a
// Path filled with fillColor (odd-even or winding) and then stroked with
// strokeColor, strokeWidth, its joins, caps and dash pattern. Shape has no
// size of its own and draws wherever its paths go. The page draws the paths
// on a 2D canvas the size of their bounds (antialiased, where Qt 6.4's
// geometry renderer draws without antialiasing); the Node tools draw
// nothing. The module is a chunk of its own, loaded by the first file that
// names its types.
import { defineType, type MetaObject, type QObject } from '../../engine/qobject';
import { QColor } from '../../engine/valuetypes';
import { canvasSurfaces } from '../items/canvas-surface';
import { cssColor } from '../items/css-color';
import { Gradient, GradientMeta } from '../items/Gradient';
import { Dirty, Item, ItemMeta } from '../items/Item';
import { PATH_CURVE_TO, PATH_LINE_TO, PATH_MOVE_TO, Path, PathMeta } from '../items/Path';

const ODD_EVEN_FILL = 0;
const MITER_JOIN = 0x00;
const ROUND_JOIN = 0x80;
const FLAT_CAP = 0x00;
const ROUND_CAP = 0x20;
const DASH_LINE = 2;
/** Shape.RendererType: the geometry renderer where the page draws, the software one where nothing does (offscreen). */
const GEOMETRY_RENDERER = 1;
const SOFTWARE_RENDERER = 3;
const READY = 1;
const FILL_CONTAINS = 1;
/** Segments a curve is cut into to tell whether a point is inside a path. */
const CURVE_STEPS = 32;

/** Whether (x, y) is inside the path (QPainterPath::contains: its subpaths closed, odd-even). */
function pathContains(path: ShapePath, x: number, y: number): boolean {
  let crossings = 0;
  let startX = 0;
  let startY = 0;
  let lastX = 0;
  let lastY = 0;
  const edge = (x1: number, y1: number, x2: number, y2: number) => {
    if (y1 > y !== y2 > y && x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) crossings++;
  };
  const els = path.painterElements;
  for (let i = 0; i < els.length; i++) {
    const e = els[i]!;
    if (e.type === PATH_MOVE_TO) {
      edge(lastX, lastY, startX, startY);
      startX = lastX = e.x;
      startY = lastY = e.y;
    } else if (e.type === PATH_LINE_TO) {
      edge(lastX, lastY, e.x, e.y);
      lastX = e.x;
      lastY = e.y;
    } else if (e.type === PATH_CURVE_TO) {
      const c2 = els[i + 1]!;
      const end = els[i + 2]!;
      let fromX = lastX;
      let fromY = lastY;
      for (let k = 1; k <= CURVE_STEPS; k++) {
        const t = k / CURVE_STEPS;
        const m = 1 - t;
        const px = m * m * m * lastX + 3 * m * m * t * e.x + 3 * m * t * t * c2.x + t * t * t * end.x;
        const py = m * m * m * lastY + 3 * m * m * t * e.y + 3 * m * t * t * c2.y + t * t * t * end.y;
        edge(fromX, fromY, px, py);
        fromX = px;
        fromY = py;
      }
      lastX = end.x;
      lastY = end.y;
      i += 2;
    }
  }
  edge(lastX, lastY, startX, startY);
  return crossings % 2 === 1;
}

/**
 * The gradients a ShapePath fills with (QQuickShapeGradient): a Gradient's
 * stops, spread past the ends as PadSpread, ReflectSpread or RepeatSpread.
 */
export class ShapeGradient extends Gradient {
  /** A canvas gradient for `ctx`, or null (the fill color is used then). */
  canvasGradient(_ctx: CanvasRenderingContext2D): CanvasGradient | null {
    return null;
  }

  protected addStops(g: CanvasGradient): CanvasGradient {
    for (const stop of this.sortedStops()) {
      const c = stop.color;
      g.addColorStop(Math.min(Math.max(stop.position, 0), 1), cssColor(c));
    }
    return g;
  }
}
const onGradient = (o: QObject) => (o as ShapeGradient).stopChanged();
export const ShapeGradientMeta: MetaObject = defineType(ShapeGradient, GradientMeta, {
  name: 'ShapeGradient',
  cppClass: 'QQuickShapeGradient',
  properties: { spread: { type: 'enumeration', changed: onGradient } },
  enums: { PadSpread: 0, ReflectSpread: 1, RepeatSpread: 2 },
  creatable: false,
});

/** LinearGradient: along the line from (x1, y1) to (x2, y2). */
export class LinearGradient extends ShapeGradient {
  override canvasGradient(ctx: CanvasRenderingContext2D): CanvasGradient {
    const v = this.$v;
    return this.addStops(
      ctx.createLinearGradient(
        v[LG.x1] as number,
        v[LG.y1] as number,
        v[LG.x2] as number,
        v[LG.y2] as number,
      ),
    );
  }
}
export const LinearGradientMeta: MetaObject = defineType(LinearGradient, ShapeGradientMeta, {
  name: 'LinearGradient',
  cppClass: 'QQuickShapeLinearGradient',
  properties: {
    x1: { type: 'real', changed: onGradient },
    y1: { type: 'real', changed: onGradient },
    x2: { type: 'real', changed: onGradient },
    y2: { type: 'real', changed: onGradient },
  },
});
const LG = {
  x1: LinearGradientMeta.index('x1'),
  y1: LinearGradientMeta.index('y1'),
  x2: LinearGradientMeta.index('x2'),
  y2: LinearGradientMeta.index('y2'),
};

/** RadialGradient: from the focal circle to the center circle. */
export class RadialGradient extends ShapeGradient {
  override canvasGradient(ctx: CanvasRenderingContext2D): CanvasGradient {
    const v = this.$v;
    return this.addStops(
      ctx.createRadialGradient(
        v[RG.focalX] as number,
        v[RG.focalY] as number,
        Math.max(v[RG.focalRadius] as number, 0),
        v[RG.centerX] as number,
        v[RG.centerY] as number,
        Math.max(v[RG.centerRadius] as number, 0),
      ),
    );
  }
}
export const RadialGradientMeta: MetaObject = defineType(RadialGradient, ShapeGradientMeta, {
  name: 'RadialGradient',
  cppClass: 'QQuickShapeRadialGradient',
  properties: {
    centerX: { type: 'real', changed: onGradient },
    centerY: { type: 'real', changed: onGradient },
    centerRadius: { type: 'real', changed: onGradient },
    focalX: { type: 'real', changed: onGradient },
    focalY: { type: 'real', changed: onGradient },
    focalRadius: { type: 'real', changed: onGradient },
  },
});
const RG = {
  centerX: RadialGradientMeta.index('centerX'),
  centerY: RadialGradientMeta.index('centerY'),
  centerRadius: RadialGradientMeta.index('centerRadius'),
  focalX: RadialGradientMeta.index('focalX'),
  focalY: RadialGradientMeta.index('focalY'),
  focalRadius: RadialGradientMeta.index('focalRadius'),
};

/** ConicalGradient: around (centerX, centerY), starting at `angle` degrees and going counter-clockwise. */
export class ConicalGradient extends ShapeGradient {
  override canvasGradient(ctx: CanvasRenderingContext2D): CanvasGradient {
    const v = this.$v;
    // (the canvas turns clockwise from the x axis; Qt's angle turns counter-clockwise, and its
    // stops go counter-clockwise too: the stops are mirrored)
    const angle = v[CG.angle] as number;
    const g = ctx.createConicGradient(
      (-angle * Math.PI) / 180,
      v[CG.centerX] as number,
      v[CG.centerY] as number,
    );
    for (const stop of this.sortedStops())
      g.addColorStop(1 - Math.min(Math.max(stop.position, 0), 1), cssColor(stop.color));
    return g;
  }
}
export const ConicalGradientMeta: MetaObject = defineType(ConicalGradient, ShapeGradientMeta, {
  name: 'ConicalGradient',
  cppClass: 'QQuickShapeConicalGradient',
  properties: {
    centerX: { type: 'real', changed: onGradient },
    centerY: { type: 'real', changed: onGradient },
    angle: { type: 'real', changed: onGradient },
  },
});
const CG = {
  centerX: ConicalGradientMeta.index('centerX'),
  centerY: ConicalGradientMeta.index('centerY'),
  angle: ConicalGradientMeta.index('angle'),
};

/** ShapePath (QQuickShapePath): a Path with a fill and a stroke. */
export class ShapePath extends Path {
  /** The Shape that draws it. */
  shape: Shape | null = null;

  styleChanged(): void {
    this.$emit(SP.shapePathChanged, undefined);
    this.shape?.pathChanged();
  }
}
const onStyle = (o: QObject) => (o as ShapePath).styleChanged();
export const ShapePathMeta: MetaObject = defineType(ShapePath, PathMeta, {
  name: 'ShapePath',
  cppClass: 'QQuickShapePath',
  properties: {
    strokeColor: { type: 'color', default: new QColor(1, 1, 1), changed: onStyle },
    strokeWidth: { type: 'real', default: 1, changed: onStyle },
    fillColor: { type: 'color', default: new QColor(1, 1, 1), changed: onStyle },
    fillRule: { type: 'enumeration', changed: onStyle },
    joinStyle: { type: 'enumeration', default: 0x40, changed: onStyle },
    miterLimit: { type: 'int', default: 2, changed: onStyle },
    capStyle: { type: 'enumeration', default: 0x10, changed: onStyle },
    strokeStyle: { type: 'enumeration', default: 1, changed: onStyle },
    dashOffset: { type: 'real', changed: onStyle },
    dashPattern: { type: 'list', sequenceOf: 'real', default: Object.freeze([4, 2]), changed: onStyle },
    fillGradient: {
      type: 'var',
      default: null,
      changed: (o) => {
        const p = o as ShapePath;
        const g = p.$v[SP.fillGradient];
        if (g instanceof ShapeGradient) g.addUser(() => p.styleChanged());
        p.styleChanged();
      },
    },
  },
  signals: { shapePathChanged: {} },
  enums: {
    OddEvenFill: 0,
    WindingFill: 1,
    MiterJoin: 0x00,
    BevelJoin: 0x40,
    RoundJoin: 0x80,
    FlatCap: 0x00,
    SquareCap: 0x10,
    RoundCap: 0x20,
    SolidLine: 1,
    DashLine: 2,
  },
});
const SP = {
  strokeColor: ShapePathMeta.index('strokeColor'),
  strokeWidth: ShapePathMeta.index('strokeWidth'),
  fillColor: ShapePathMeta.index('fillColor'),
  fillRule: ShapePathMeta.index('fillRule'),
  joinStyle: ShapePathMeta.index('joinStyle'),
  miterLimit: ShapePathMeta.index('miterLimit'),
  capStyle: ShapePathMeta.index('capStyle'),
  strokeStyle: ShapePathMeta.index('strokeStyle'),
  dashOffset: ShapePathMeta.index('dashOffset'),
  dashPattern: ShapePathMeta.index('dashPattern'),
  fillGradient: ShapePathMeta.index('fillGradient'),
  shapePathChanged: ShapePathMeta.signalsByName.get('shapePathChanged')!.index,
};

/** What the page's renderer draws for a Shape (CanvasPainter): a surface placed at `offset` in the item. */
export interface ShapePaintState {
  surface: HTMLCanvasElement;
  version: number;
  window: { x: number; y: number; width: number; height: number };
  smooth: boolean;
  offsetX: number;
  offsetY: number;
}

export class Shape extends Item {
  private surface: HTMLCanvasElement | null = null;
  private version = 0;
  private bounds = { x: 0, y: 0, w: 0, h: 0 };

  private get paths(): ShapePath[] {
    return ((this.$v[SHAPE.data] as QObject[] | null) ?? []).filter(
      (o): o is ShapePath => o instanceof ShapePath,
    );
  }

  appendData(o: unknown): void {
    const list = this.$v[SHAPE.data] as unknown[] | null;
    if (list === null) this.$v[SHAPE.data] = [o];
    else list.push(o);
    if (o instanceof ShapePath) {
      o.shape = this;
      o.listeners.add(() => this.pathChanged());
      this.pathChanged();
    } else if (o instanceof Item) {
      o.setParentItem(this);
    }
  }

  /** A path or its style changed: drawn again at the next polish. */
  pathChanged(): void {
    if (this.isComponentComplete) this.polish();
  }

  protected override componentComplete(): void {
    super.componentComplete();
    this.polish();
  }

  protected override updatePolish(): void {
    this.$store(SHAPE.rendererType, canvasSurfaces.provider ? GEOMETRY_RENDERER : SOFTWARE_RENDERER);
    this.$store(SHAPE.status, READY);
    this.draw();
  }

  /** Draws the paths on a surface the size of their bounds (with room for the strokes). */
  private draw(): void {
    const provider = canvasSurfaces.provider;
    if (!provider) return;
    let x0 = Number.POSITIVE_INFINITY;
    let y0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    for (const p of this.paths) {
      const sw = p.$v[SP.strokeWidth] as number;
      const margin = Math.max(sw, 0) * Math.max(p.$v[SP.miterLimit] as number, 1) + 2;
      for (const e of p.painterElements) {
        x0 = Math.min(x0, e.x - margin);
        y0 = Math.min(y0, e.y - margin);
        x1 = Math.max(x1, e.x + margin);
        y1 = Math.max(y1, e.y + margin);
      }
    }
    if (!(x1 > x0 && y1 > y0)) {
      this.bounds = { x: 0, y: 0, w: 0, h: 0 };
      this.markDirty(Dirty.Content);
      return;
    }
    const bx = Math.floor(x0);
    const by = Math.floor(y0);
    const w = Math.ceil(x1) - bx;
    const h = Math.ceil(y1) - by;
    if (!this.surface || this.surface.width !== w || this.surface.height !== h)
      this.surface = provider.create(w, h);
    const ctx = this.surface.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.translate(-bx, -by);
    for (const p of this.paths) this.drawPath(ctx, p);
    this.bounds = { x: bx, y: by, w, h };
    this.version++;
    this.markDirty(Dirty.Content);
  }

  private drawPath(ctx: CanvasRenderingContext2D, p: ShapePath): void {
    ctx.beginPath();
    const els = p.painterElements;
    for (let i = 0; i < els.length; i++) {
      const e = els[i]!;
      if (e.type === PATH_MOVE_TO) ctx.moveTo(e.x, e.y);
      else if (e.type === PATH_LINE_TO) ctx.lineTo(e.x, e.y);
      else if (e.type === PATH_CURVE_TO) {
        const c2 = els[i + 1]!;
        const end = els[i + 2]!;
        ctx.bezierCurveTo(e.x, e.y, c2.x, c2.y, end.x, end.y);
        i += 2;
      }
    }
    const v = p.$v;
    const fill = v[SP.fillColor] as QColor;
    const gradient = v[SP.fillGradient];
    const style = gradient instanceof ShapeGradient ? gradient.canvasGradient(ctx) : null;
    if (style !== null || fill.a > 0) {
      ctx.fillStyle = style ?? cssColor(fill);
      ctx.fill((v[SP.fillRule] as number) === ODD_EVEN_FILL ? 'evenodd' : 'nonzero');
    }
    const stroke = v[SP.strokeColor] as QColor;
    const width = v[SP.strokeWidth] as number;
    if (stroke.a > 0 && width >= 0) {
      ctx.strokeStyle = cssColor(stroke);
      // (a width of 0 is Qt's cosmetic pen: one pixel)
      ctx.lineWidth = width || 1;
      const join = v[SP.joinStyle] as number;
      ctx.lineJoin = join === MITER_JOIN ? 'miter' : join === ROUND_JOIN ? 'round' : 'bevel';
      ctx.miterLimit = v[SP.miterLimit] as number;
      const cap = v[SP.capStyle] as number;
      ctx.lineCap = cap === FLAT_CAP ? 'butt' : cap === ROUND_CAP ? 'round' : 'square';
      // (the dash pattern is in stroke widths)
      const unit = width || 1;
      if ((v[SP.strokeStyle] as number) === DASH_LINE) {
        const pattern = (v[SP.dashPattern] as number[] | null) ?? [];
        ctx.setLineDash(pattern.map((d) => d * unit));
        ctx.lineDashOffset = (v[SP.dashOffset] as number) * unit;
      } else {
        ctx.setLineDash([]);
      }
      ctx.stroke();
    }
  }

  /**
   * QQuickShape::contains: the bounding rectangle, or with
   * `containsMode: Shape.FillContains` the inside of a path (odd-even).
   */
  override contains(point: unknown, maybeY?: unknown): boolean {
    if ((this.$v[SHAPE.containsMode] as number) !== FILL_CONTAINS) return super.contains(point, maybeY);
    const p =
      typeof point === 'number' ? { x: point, y: Number(maybeY) } : (point as { x: number; y: number });
    return this.paths.some((path) => pathContains(path, p.x, p.y));
  }

  /** What the renderer draws (null: nothing). */
  paintState(): ShapePaintState | null {
    const s = this.surface;
    const b = this.bounds;
    if (!s || !(b.w > 0 && b.h > 0)) return null;
    return {
      surface: s,
      version: this.version,
      window: { x: 0, y: 0, width: b.w, height: b.h },
      smooth: true,
      offsetX: b.x,
      offsetY: b.y,
    };
  }
}

export const ShapeMeta: MetaObject = defineType(Shape, ItemMeta, {
  name: 'Shape',
  cppClass: 'QQuickShape',
  defaultProperty: 'data',
  properties: {
    rendererType: { type: 'enumeration', readonly: true },
    asynchronous: { type: 'bool' },
    vendorExtensionsEnabled: { type: 'bool' },
    status: { type: 'enumeration', readonly: true },
    containsMode: { type: 'enumeration' },
    data: {
      type: 'list',
      append: (o, v) => (o as Shape).appendData(v),
      write: (o, v) => {
        for (const e of Array.isArray(v) ? v : [v]) (o as Shape).appendData(e);
      },
    },
  },
  enums: {
    UnknownRenderer: 0,
    GeometryRenderer: 1,
    NvprRenderer: 2,
    SoftwareRenderer: 3,
    Null: 0,
    Ready: 1,
    Processing: 2,
    BoundingRectContains: 0,
    FillContains: 1,
  },
});
const SHAPE = {
  rendererType: ShapeMeta.index('rendererType'),
  status: ShapeMeta.index('status'),
  containsMode: ShapeMeta.index('containsMode'),
  data: ShapeMeta.index('data'),
};

export const SHAPE_TYPES: Record<string, MetaObject> = {
  Shape: ShapeMeta,
  ShapePath: ShapePathMeta,
  ShapeGradient: ShapeGradientMeta,
  LinearGradient: LinearGradientMeta,
  RadialGradient: RadialGradientMeta,
  ConicalGradient: ConicalGradientMeta,
};
