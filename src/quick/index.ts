// The QtQuick module: registers its types with an engine.
import type { QmlEngine } from '../engine/engine';
import { ColumnMeta } from './items/Column';
import { FlickableMeta } from './items/Flickable';
import { FlowMeta } from './items/Flow';
import { FocusScopeMeta } from './items/FocusScope';
import { FontEnumsMeta, fontProperty } from './items/Font';
import { GradientMeta } from './items/Gradient';
import { GradientStopMeta } from './items/GradientStop';
import { GridMeta } from './items/Grid';
import { ItemMeta } from './items/Item';
import { KeyNavigationMeta } from './items/KeyNavigation';
import { KeysAttachedMeta, StandardKeyMeta } from './items/Keys';
import { LayoutMirroringMeta } from './items/LayoutMirroring';
import { ListViewMeta, ViewSectionMeta } from './items/ListView';
import { LoaderMeta } from './items/Loader';
import { DragMeta, MouseAreaMeta } from './items/MouseArea';
import { BasePositionerMeta } from './items/Positioner';
import { RectangleMeta } from './items/Rectangle';
import { RepeaterMeta } from './items/Repeater';
import { RowMeta } from './items/Row';
import { ScreenMeta } from './items/Screen';
import { TextMeta } from './items/Text';
import { TextInputMeta } from './items/TextInput';
import { Matrix4x4Meta, RotationMeta, ScaleMeta, TranslateMeta } from './items/Transform';
import { DoubleValidatorMeta, IntValidatorMeta, RegularExpressionValidatorMeta } from './items/Validators';
import { WindowMeta } from './items/Window';
import { ListElementMeta, ListModelMeta } from './models/ListModel';

export function registerQtQuick(engine: QmlEngine): void {
  engine.registerGroupValueType('font', fontProperty);
  engine.registerModule('QtQml.Models', { ListModel: ListModelMeta, ListElement: ListElementMeta });
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
      KeyNavigation: KeyNavigationMeta,
      StandardKey: StandardKeyMeta,
      IntValidator: IntValidatorMeta,
      DoubleValidator: DoubleValidatorMeta,
      RegularExpressionValidator: RegularExpressionValidatorMeta,
      Flickable: FlickableMeta,
      ListView: ListViewMeta,
      ViewSection: ViewSectionMeta,
      Repeater: RepeaterMeta,
      Window: WindowMeta,
      Screen: ScreenMeta,
      Loader: LoaderMeta,
      LayoutMirroring: LayoutMirroringMeta,
      Translate: TranslateMeta,
      Scale: ScaleMeta,
      Rotation: RotationMeta,
      Matrix4x4: Matrix4x4Meta,
    },
    ['QtQml', 'QtQml.Models'],
  );
  engine.registerModule('QtQuick.Window', { Window: WindowMeta, Screen: ScreenMeta });
}
