// The QtQuick module: registers its types with an engine.
import type { QmlEngine } from '../engine/engine';
import { ColumnMeta } from './items/Column';
import { FlowMeta } from './items/Flow';
import { FocusScopeMeta } from './items/FocusScope';
import { FontEnumsMeta } from './items/Font';
import { GradientMeta } from './items/Gradient';
import { GradientStopMeta } from './items/GradientStop';
import { GridMeta } from './items/Grid';
import { ItemMeta } from './items/Item';
import { KeysAttachedMeta, StandardKeyMeta } from './items/Keys';
import { DragMeta, MouseAreaMeta } from './items/MouseArea';
import { BasePositionerMeta } from './items/Positioner';
import { RectangleMeta } from './items/Rectangle';
import { RowMeta } from './items/Row';
import { TextMeta } from './items/Text';
import { TextInputMeta } from './items/TextInput';
import { DoubleValidatorMeta, IntValidatorMeta, RegularExpressionValidatorMeta } from './items/Validators';

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
      Drag: DragMeta,
      Text: TextMeta,
      TextInput: TextInputMeta,
      Font: FontEnumsMeta,
      Keys: KeysAttachedMeta,
      StandardKey: StandardKeyMeta,
      IntValidator: IntValidatorMeta,
      DoubleValidator: DoubleValidatorMeta,
      RegularExpressionValidator: RegularExpressionValidatorMeta,
    },
    ['QtQml'],
  );
}
