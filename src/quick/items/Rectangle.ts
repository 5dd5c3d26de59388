// Rectangle (QQuickRectangle): a filled rectangle with optional rounded
// corners, gradient and border. What it draws follows QQuickRectangle::
// updatePaintNode and the scene graph's rectangle node (Qt 6.4), exposed to
// the renderer as `paintState()`.
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { QColor, qRound } from '../../engine/valuetypes';
import { Gradient, type GradientStopValue } from './Gradient';
import { Dirty, ITEM, Item, ItemMeta } from './Item';

/**
 * The `border` group (QQuickPen). It reads width 1 and color #000000 from
 * the start, but Qt draws it only once width or color has been assigned
 * (the pen becomes "valid"): `border.width: 3` alone draws black,
 * `border.color: "red"` alone draws 1 px, `border.width: 0` draws nothing.
 */
export class Pen extends QObject {
  declare width: number;
  declare color: QColor;
  declare pixelAligned: boolean;
  /** QQuickPen::isValid(): assigned, opaque enough and wide enough to draw. */
  valid = false;

  constructor(readonly rectangle: Rectangle) {
    super();
    this.$engine = rectangle.$engine;
  }

  setPenWidth(w: number): void {
    // Qt: `if (m_width == w && m_valid) return;` so assigning the default width still validates the pen.
    if (this.$v[PEN.width] === w && this.valid) return;
    this.$v[PEN.width] = w;
    this.revalidate();
    this.$emit(PEN.widthChanged, undefined);
  }

  setPenColor(c: QColor): void {
    this.$v[PEN.color] = c;
    this.revalidate();
    this.$emit(PEN.colorChanged, undefined);
  }

  setPenPixelAligned(v: boolean): void {
    if (this.$v[PEN.pixelAligned] === v) return;
    this.$v[PEN.pixelAligned] = v;
    this.revalidate();
    this.$emit(PEN.pixelAlignedChanged, undefined);
  }

  private revalidate(): void {
    const w = this.$v[PEN.width] as number;
    const aligned = this.$v[PEN.pixelAligned] as boolean;
    this.valid = (this.$v[PEN.color] as QColor).alpha8 > 0 && (qRound(w) >= 1 || (!aligned && w > 0));
    this.rectangle.contentChanged();
  }
}

export const PenMeta: MetaObject = defineType(Pen, null, {
  name: 'QQuickPen',
  cppClass: 'QQuickPen',
  creatable: false,
  properties: {
    width: { type: 'real', default: 1, write: (o, v) => (o as Pen).setPenWidth(v as number) },
    color: {
      type: 'color',
      default: QColor.fromRgba8(0, 0, 0),
      write: (o, v) => (o as Pen).setPenColor(v as QColor),
    },
    pixelAligned: {
      type: 'bool',
      default: true,
      write: (o, v) => (o as Pen).setPenPixelAligned(v as boolean),
    },
  },
});

const PEN = {
  width: PenMeta.index('width'),
  color: PenMeta.index('color'),
  pixelAligned: PenMeta.index('pixelAligned'),
  widthChanged: PenMeta.signalsByName.get('widthChanged')!.index,
  colorChanged: PenMeta.signalsByName.get('colorChanged')!.index,
  pixelAlignedChanged: PenMeta.signalsByName.get('pixelAlignedChanged')!.index,
};

/** What a Rectangle draws, in its own coordinates (0, 0, width, height). */
export interface RectanglePaintState {
  /** False when Qt creates no node: no size, or a transparent fill and no visible border. */
  visible: boolean;
  width: number;
  height: number;
  /** The fill (ignored where `gradient` is set); transparent means no fill. */
  color: QColor;
  /** Gradient stops sorted by position, or null for a solid fill. */
  gradient: GradientStopValue[] | null;
  /** True for a top-to-bottom gradient, false for left-to-right. */
  gradientVertical: boolean;
  /** Corner radius, clamped to half the smaller side; 0 for square corners. */
  radius: number;
  /** Border width drawn inside the rectangle (at most half the smaller side, then rounded to whole pixels when pixel-aligned); 0 for none. */
  borderWidth: number;
  borderColor: QColor;
  antialiasing: boolean;
}

export class Rectangle extends Item {
  declare color: QColor;
  declare radius: number;
  declare gradient: unknown;
  declare readonly border: Pen;
  private paintCache: RectanglePaintState | null = null;
  private gradientObject: Gradient | null = null;
  /** Listens to the gradient's stops; made when a gradient is first set (most rectangles have none). */
  private gradientUpdated: (() => void) | null = null;

  /** Something that changes the drawing changed (QQuickRectangle::doUpdate / update()). */
  contentChanged(): void {
    this.paintCache = null;
    this.markDirty(Dirty.Content);
  }

  override markDirty(bits: Dirty): void {
    // Size, and antialiasing (which marks the content dirty), change what is drawn.
    if (bits & (Dirty.Size | Dirty.Content)) this.paintCache = null;
    super.markDirty(bits);
  }

  /** The pen, if the `border` group was ever used (Qt creates it lazily too). */
  get pen(): Pen | null {
    return this.$v[RECT.border] as Pen | null;
  }

  onGradientChanged(): void {
    const v = this.$v[RECT.gradient];
    const g = v instanceof Gradient ? v : null;
    if (g !== this.gradientObject) {
      this.gradientUpdated ??= () => this.contentChanged();
      this.gradientObject?.removeUser(this.gradientUpdated);
      g?.addUser(this.gradientUpdated);
      this.gradientObject = g;
    }
    this.contentChanged();
  }

  /** What to draw (QQuickRectangle::updatePaintNode + QSGBasicInternalRectangleNode::updateGeometry). */
  paintState(): RectanglePaintState {
    if (this.paintCache !== null) return this.paintCache;
    const width = this.$v[ITEM.width] as number;
    const height = this.$v[ITEM.height] as number;
    const color = this.$v[RECT.color] as QColor;
    const pen = this.pen;
    const penColor = pen ? (pen.$v[PEN.color] as QColor) : BLACK;
    const penWidthValue = pen ? (pen.$v[PEN.width] as number) : 1;
    // Qt checks the pen's raw width and color here, not whether it is valid.
    const visible =
      width > 0 &&
      height > 0 &&
      !(color.alpha8 === 0 && (pen === null || penWidthValue === 0 || penColor.alpha8 === 0));
    const half = Math.fround(Math.fround(Math.min(width, height)) * 0.5);
    let borderWidth = 0;
    if (pen?.valid) {
      // QSGBasicInternalRectangleNode: at most half the smaller side, then a
      // pixel-aligned border is rounded to whole pixels (qRound of a float),
      // so a border can end up wider than half the rectangle (20x3, border 2).
      borderWidth = Math.min(half, penWidthValue);
      if (pen.$v[PEN.pixelAligned] as boolean) borderWidth = qRoundFloat(Math.fround(borderWidth));
    }
    const r = this.$v[RECT.radius] as number;
    const radius = r > 0 ? Math.min(half, r) : 0;
    const g = this.gradientObject;
    const stops = g ? g.sortedStops() : null;
    this.paintCache = {
      visible,
      width,
      height,
      color,
      gradient: stops && stops.length > 0 ? stops : null,
      gradientVertical: g ? g.isVertical : true,
      radius,
      borderWidth,
      borderColor: penColor,
      antialiasing: this.$v[ITEM.antialiasing] as boolean,
    };
    return this.paintCache;
  }

  override $teardown(): void {
    if (this.gradientUpdated) this.gradientObject?.removeUser(this.gradientUpdated);
    this.gradientObject = null;
    super.$teardown();
  }
}

const BLACK = QColor.fromRgba8(0, 0, 0);

/** qRound(float). */
function qRoundFloat(d: number): number {
  return d >= 0 ? Math.trunc(Math.fround(d + 0.5)) : Math.trunc(Math.fround(d - 0.5));
}

export const RectangleMeta: MetaObject = defineType(Rectangle, ItemMeta, {
  name: 'Rectangle',
  cppClass: 'QQuickRectangle',
  properties: {
    color: {
      type: 'color',
      default: QColor.fromRgba8(255, 255, 255),
      changed: (o) => (o as Rectangle).contentChanged(),
    },
    // (no NOTIFY in Qt: no gradientChanged)
    gradient: { type: 'QJSValue', constant: true, changed: (o) => (o as Rectangle).onGradientChanged() },
    radius: {
      type: 'real',
      changed: (o) => {
        const rect = o as Rectangle;
        // Qt: a rounded rectangle is antialiased unless antialiasing was set explicitly.
        rect.setImplicitAntialiasing((rect.$v[RECT.radius] as number) !== 0);
        rect.contentChanged();
      },
    },
    border: {
      type: 'QQuickPen',
      // (a CONSTANT pointer property in Qt: assigning it is refused)
      readonly: true,
      constant: true,
      group: { meta: () => PenMeta, create: (owner) => new Pen(owner as Rectangle) },
    },
  },
});

const RECT = {
  color: RectangleMeta.index('color'),
  gradient: RectangleMeta.index('gradient'),
  radius: RectangleMeta.index('radius'),
  border: RectangleMeta.index('border'),
};
