// GradientStop (QQuickGradientStop): a color at a position of its Gradient.
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';
import { QColor } from '../../engine/valuetypes';

export class GradientStop extends QObject {
  declare position: number;
  declare color: QColor;
  /** The Gradient this stop belongs to (its QObject parent in Qt). */
  gradient: { stopChanged(): void } | null = null;
}

export const GradientStopMeta: MetaObject = defineType(GradientStop, QtObjectMeta, {
  name: 'GradientStop',
  cppClass: 'QQuickGradientStop',
  properties: {
    // Qt: the default position is 0.0 and the default color black.
    position: { type: 'real', changed: (o) => (o as GradientStop).gradient?.stopChanged() },
    color: {
      type: 'color',
      default: new QColor(0, 0, 0),
      changed: (o) => (o as GradientStop).gradient?.stopChanged(),
    },
  },
});

export const GRADIENT_STOP = {
  position: GradientStopMeta.index('position'),
  color: GradientStopMeta.index('color'),
};
