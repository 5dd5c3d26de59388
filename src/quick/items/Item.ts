import { defineType, QObject } from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';

/** Qt Quick's base visual type (QQuickItem). */
export class Item extends QObject {
  declare x: number;
  declare y: number;
  declare width: number;
  declare height: number;
  declare parent: Item | null;
  /** Visual children, in stacking order. */
  childItems: Item[] = [];

  setParentItem(p: Item | null): void {
    const old = this.$get(ITEM.parent) as Item | null;
    if (old === p) return;
    if (old) {
      const i = old.childItems.indexOf(this);
      if (i >= 0) old.childItems.splice(i, 1);
      old.$emit(ITEM.childrenChanged, undefined);
    }
    if (p) {
      p.childItems.push(this);
      p.$emit(ITEM.childrenChanged, undefined);
    }
    this.$write(ITEM.parent, p);
  }
}

export const ItemMeta = defineType(Item, QtObjectMeta, {
  name: 'Item',
  cppClass: 'QQuickItem',
  defaultProperty: 'data',
  properties: {
    parent: {
      type: 'Item',
      changed: () => {},
    },
    x: { type: 'real', bindable: true },
    y: { type: 'real', bindable: true },
    z: { type: 'real' },
    width: { type: 'real', bindable: true },
    height: { type: 'real', bindable: true },
    implicitWidth: { type: 'real' },
    implicitHeight: { type: 'real' },
    opacity: { type: 'real', default: 1 },
    visible: { type: 'bool', default: true },
    enabled: { type: 'bool', default: true },
    clip: { type: 'bool' },
    focus: { type: 'bool' },
    data: {
      type: 'list',
      append: (obj, v) => {
        if (v instanceof Item) v.setParentItem(obj as Item);
      },
    },
    children: { type: 'list' },
    resources: { type: 'list' },
  },
});
const ITEM = {
  parent: ItemMeta.index('parent'),
  childrenChanged: ItemMeta.signalsByName.get('childrenChanged')!.index,
};
