// An Item's `layer` group (QQuickItemLayer): with `enabled`, the item and its
// children are drawn into one texture of the item's rectangle first, so they
// are cut to it and the item's opacity applies to the whole at once. The
// other properties read back as set; `sourceRect`, `textureSize` and
// `effect` change nothing drawn.
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';
import { IntSize, intSize } from './int-size';

/** What a layer tells its item (the renderer reads it there). */
export interface LayerOwner extends QObject {
  layerChanged(enabled: boolean): void;
}

export class ItemLayer extends QObject {
  declare enabled: boolean;

  constructor(readonly item: LayerOwner) {
    super();
    this.$engine = item.$engine;
  }

  changed(): void {
    this.item.layerChanged(this.$v[LAYER.enabled] as boolean);
  }
}

const changed = (o: QObject) => (o as ItemLayer).changed();

export const ItemLayerMeta: MetaObject = defineType(ItemLayer, QtObjectMeta, {
  name: 'QQuickItemLayer',
  cppClass: 'QQuickItemLayer',
  creatable: false,
  properties: {
    enabled: { type: 'bool', changed },
    textureSize: { type: 'size', coerce: intSize, default: new IntSize(-1, -1) },
    sourceRect: { type: 'rect' },
    mipmap: { type: 'bool' },
    smooth: { type: 'bool' },
    wrapMode: { type: 'enumeration' },
    format: { type: 'enumeration', default: 1 },
    samplerName: { type: 'string', default: 'source' },
    effect: { type: 'Component' },
    textureMirroring: { type: 'enumeration', default: 2 },
    samples: { type: 'int' },
  },
});

const LAYER = { enabled: ItemLayerMeta.index('enabled') };
