// Gradient (QQuickGradient): the stops a Rectangle fills with, vertical
// (default) or horizontal.
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';
import type { QColor } from '../../engine/valuetypes';
import { GRADIENT_STOP, GradientStop } from './GradientStop';

/** A stop as the renderer uses it. */
export interface GradientStopValue {
  position: number;
  color: QColor;
}

export class Gradient extends QObject {
  declare orientation: number;
  private readonly stopItems: GradientStop[] = [];
  /** Rectangles to tell when a stop or the orientation changes (Qt's `updated` signal). */
  private readonly users: Array<() => void> = [];

  get isVertical(): boolean {
    return (this.$v[GRADIENT.orientation] as number) === GRADIENT_VERTICAL;
  }

  /**
   * The stops ordered by position. Qt inserts each stop before the first one
   * whose position is not smaller, so of stops at the same position the one
   * declared last comes first (QQuickRectangle::updatePaintNode).
   */
  sortedStops(): GradientStopValue[] {
    const out: GradientStopValue[] = [];
    for (const s of this.stopItems) {
      const position = s.$v[GRADIENT_STOP.position] as number;
      let j = 0;
      while (j < out.length && out[j]!.position < position) j++;
      out.splice(j, 0, { position, color: s.$v[GRADIENT_STOP.color] as QColor });
    }
    return out;
  }

  addUser(f: () => void): void {
    this.users.push(f);
  }

  removeUser(f: () => void): void {
    const i = this.users.indexOf(f);
    if (i >= 0) this.users.splice(i, 1);
  }

  stopChanged(): void {
    this.$emit(GRADIENT.updated, undefined);
    for (const f of this.users.slice()) f();
  }

  appendStop(v: unknown): void {
    if (!(v instanceof GradientStop)) return;
    v.gradient = this;
    this.stopItems.push(v);
    this.$emit(GRADIENT.stopsChanged, undefined);
    this.stopChanged();
  }
}

const GRADIENT_VERTICAL = 2;

export const GradientMeta: MetaObject = defineType(Gradient, QtObjectMeta, {
  name: 'Gradient',
  cppClass: 'QQuickGradient',
  defaultProperty: 'stops',
  properties: {
    stops: { type: 'list', append: (o, v) => (o as Gradient).appendStop(v) },
    orientation: {
      type: 'enumeration',
      default: GRADIENT_VERTICAL,
      changed: (o) => (o as Gradient).stopChanged(),
    },
  },
  signals: { updated: {} },
  // Qt: Gradient.Vertical / Gradient.Horizontal (Qt.Vertical / Qt.Horizontal values).
  enums: { Vertical: GRADIENT_VERTICAL, Horizontal: 1 },
});

const GRADIENT = {
  orientation: GradientMeta.index('orientation'),
  stopsChanged: GradientMeta.signalsByName.get('stopsChanged')!.index,
  updated: GradientMeta.signalsByName.get('updated')!.index,
};

// `stops` reads the list of GradientStop objects.
Object.defineProperty(Gradient.prototype, 'stops', {
  configurable: true,
  get(this: Gradient) {
    this.$read(GradientMeta.index('stops'));
    return (this as unknown as { stopItems: GradientStop[] }).stopItems.slice();
  },
});
