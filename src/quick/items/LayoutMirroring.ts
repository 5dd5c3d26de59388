// LayoutMirroring (QQuickLayoutMirroringAttached): `LayoutMirroring.enabled`
// lays an item out from the right (anchors, positioners, horizontal views,
// explicitly aligned text); with `childrenInherit` its children follow.
import { defineType, type MetaObject, QObject, qmlWarning } from '../../engine/qobject';
import { Item, Mirror } from './Item';

export class LayoutMirroringAttached extends QObject {
  private item: Item | null = null;

  override $attachTo(owner: QObject): void {
    if (owner instanceof Item) {
      this.item = owner;
      owner.mirroring = this;
      this.$v[LM.enabled] = owner.effectiveLayoutMirror;
      this.$v[LM.childrenInherit] = (owner.mirrorBits & Mirror.FromItem) !== 0;
    } else qmlWarning(owner, 'LayoutDirection attached property only works with Items and Windows');
  }

  /** The item's mirroring changed: enabledChanged (QQuickItemPrivate::setLayoutMirror). */
  mirrorChanged(): void {
    this.$store(LM.enabled, this.item!.effectiveLayoutMirror);
  }

  setEnabled(enabled: boolean): void {
    const item = this.item;
    if (item === null) return;
    item.mirrorBits |= Mirror.Explicit;
    if (enabled !== item.effectiveLayoutMirror) {
      item.setLayoutMirror(enabled);
      if (item.mirrorBits & Mirror.FromItem) item.resolveLayoutMirror();
    }
  }

  resetEnabled(): void {
    const item = this.item;
    if (item === null || !(item.mirrorBits & Mirror.Explicit)) return;
    item.mirrorBits &= ~Mirror.Explicit;
    item.resolveLayoutMirror();
  }

  setChildrenInherit(inherit: boolean): void {
    const item = this.item;
    if (item === null || inherit === ((item.mirrorBits & Mirror.FromItem) !== 0)) return;
    item.mirrorBits ^= Mirror.FromItem;
    item.resolveLayoutMirror();
    this.$store(LM.childrenInherit, inherit);
  }
}

export const LayoutMirroringMeta: MetaObject = defineType(LayoutMirroringAttached, null, {
  name: 'LayoutMirroring',
  cppClass: 'QQuickLayoutMirroringAttached',
  creatable: 'LayoutMirroring is only available via attached properties.',
  properties: {
    enabled: {
      type: 'bool',
      write: (o, v) => (o as LayoutMirroringAttached).setEnabled(v as boolean),
      reset: (o) => (o as LayoutMirroringAttached).resetEnabled(),
    },
    childrenInherit: {
      type: 'bool',
      write: (o, v) => (o as LayoutMirroringAttached).setChildrenInherit(v as boolean),
    },
  },
  attachedType: () => LayoutMirroringMeta,
});

const LM = {
  enabled: LayoutMirroringMeta.index('enabled'),
  childrenInherit: LayoutMirroringMeta.index('childrenInherit'),
};
