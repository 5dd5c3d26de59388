import { defineType, type MetaObject } from '../../engine/qobject';
import { Item, ItemMeta } from './Item';

/** FocusScope: focus set inside it stays inside it until the scope itself gets active focus. */
export class FocusScope extends Item {
  constructor() {
    super();
    this.isFocusScope = true;
  }
}
export const FocusScopeMeta: MetaObject = defineType(FocusScope, ItemMeta, {
  name: 'FocusScope',
  cppClass: 'QQuickFocusScope',
});
