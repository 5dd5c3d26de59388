// The QtQuick module: registers its types with an engine.
import type { QmlEngine } from '../engine/engine';
import { ColumnMeta } from './items/Column';
import { FlowMeta } from './items/Flow';
import { FocusScopeMeta } from './items/FocusScope';
import { GradientMeta } from './items/Gradient';
import { GradientStopMeta } from './items/GradientStop';
import { GridMeta } from './items/Grid';
import { ItemMeta } from './items/Item';
import { MouseAreaMeta } from './items/MouseArea';
import { BasePositionerMeta } from './items/Positioner';
import { RectangleMeta } from './items/Rectangle';
import { RowMeta } from './items/Row';

export function registerQtQuick(engine: QmlEngine): void {
  engine.registerModule(
    'QtQuick',
    {
      Item: ItemMeta,
      FocusScope: FocusScopeMeta,
      Rectangle: RectangleMeta,
      Gradient: GradientMeta,
      GradientStop: GradientStopMeta,
      Row: RowMeta,
      Column: ColumnMeta,
      Grid: GridMeta,
      Flow: FlowMeta,
      Positioner: BasePositionerMeta,
      MouseArea: MouseAreaMeta,
    },
    ['QtQml'],
  );
}
