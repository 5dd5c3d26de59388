// The QtQuick module: registers its types with an engine.
import type { QmlEngine } from '../engine/engine';
import { FlickableMeta } from './items/Flickable';
import { FocusScopeMeta } from './items/FocusScope';
import { FontEnumsMeta } from './items/Font';
import { ItemMeta } from './items/Item';
import { KeysAttachedMeta, StandardKeyMeta } from './items/Keys';
import { ListViewMeta, ViewSectionMeta } from './items/ListView';
import { RepeaterMeta } from './items/Repeater';
import { TextMeta } from './items/Text';
import { TextInputMeta } from './items/TextInput';
import { DoubleValidatorMeta, IntValidatorMeta, RegularExpressionValidatorMeta } from './items/Validators';
import { ListElementMeta, ListModelMeta } from './models/ListModel';

export function registerQtQuick(engine: QmlEngine): void {
  engine.registerModule('QtQml.Models', { ListModel: ListModelMeta, ListElement: ListElementMeta });
  engine.registerModule(
    'QtQuick',
    {
      Item: ItemMeta,
      FocusScope: FocusScopeMeta,
      Text: TextMeta,
      TextInput: TextInputMeta,
      Font: FontEnumsMeta,
      Keys: KeysAttachedMeta,
      StandardKey: StandardKeyMeta,
      IntValidator: IntValidatorMeta,
      DoubleValidator: DoubleValidatorMeta,
      RegularExpressionValidator: RegularExpressionValidatorMeta,
      Flickable: FlickableMeta,
      ListView: ListViewMeta,
      ViewSection: ViewSectionMeta,
      Repeater: RepeaterMeta,
    },
    ['QtQml', 'QtQml.Models'],
  );
}
