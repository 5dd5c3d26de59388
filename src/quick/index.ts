// The QtQuick module: registers its types with an engine.
import type { QmlEngine } from '../engine/engine';
import { FocusScopeMeta } from './items/FocusScope';
import { GradientMeta } from './items/Gradient';
import { GradientStopMeta } from './items/GradientStop';
import { ItemMeta } from './items/Item';
import { RectangleMeta } from './items/Rectangle';

export function registerQtQuick(engine: QmlEngine): void {
  engine.registerModule(
    'QtQuick',
    {
      Item: ItemMeta,
      FocusScope: FocusScopeMeta,
      Rectangle: RectangleMeta,
      Gradient: GradientMeta,
      GradientStop: GradientStopMeta,
    },
    ['QtQml'],
  );
}
