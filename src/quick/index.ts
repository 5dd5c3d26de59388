// The QtQuick module: registers its types with an engine.
import type { QmlEngine } from '../engine/engine';
import { FocusScopeMeta } from './items/FocusScope';
import { FontEnumsMeta } from './items/Font';
import { ItemMeta } from './items/Item';
import { KeysAttachedMeta, StandardKeyMeta } from './items/Keys';
import { TextMeta } from './items/Text';
import { TextInputMeta } from './items/TextInput';
import { DoubleValidatorMeta, IntValidatorMeta, RegularExpressionValidatorMeta } from './items/Validators';

export function registerQtQuick(engine: QmlEngine): void {
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
    },
    ['QtQml'],
  );
}
