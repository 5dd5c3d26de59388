// Instantiator (QQmlInstantiator): one object of its delegate per model row,
// of any type, owned by the Instantiator (not placed in the scene), made
// when the model's rows come and destroyed when they go.
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';
import type { Item } from '../items/Item';
import { DelegateModel, type DelegateModelHost, MODEL_PROPERTY, type ModelChange } from './delegate-model';

export class Instantiator extends QObject implements DelegateModelHost {
  declare active: boolean;
  declare asynchronous: boolean;
  private readonly dm = new DelegateModel(this, this, true);
  /** The objects by row. */
  private objects: Array<QObject | null> = [];
  private complete = false;

  constructor() {
    super();
    // (the default model: one row)
    this.dm.setModel(1);
  }

  /** What `count` reads: the objects made so far (during a regeneration, the ones announced). */
  get liveCount(): number {
    return this.objects.length;
  }

  objectAt(index?: unknown): QObject | null {
    const i = Math.trunc(Number(index));
    return this.objects[i] ?? null;
  }

  $componentComplete(): void {
    this.complete = true;
    this.regenerate();
  }

  // ---- DelegateModelHost -------------------------------------------------------------------

  initItem(_index: number, _item: Item): void {}

  destroyingItem(_item: Item): void {}

  /** QQmlInstantiatorPrivate::_q_modelUpdated: removals, then insertions, then countChanged. */
  modelUpdated(change: ModelChange): void {
    if (!this.complete) return;
    if (change.kind === 'remove') {
      const index = Math.min(change.index, this.objects.length);
      let n = Math.min(change.index + change.count, this.objects.length) - index;
      while (n-- > 0) {
        const obj = this.objects[index] ?? null;
        this.objects.splice(index, 1);
        this.$emit(INST.objectRemoved, [index, obj]);
        if (obj) this.dm.release(obj as Item);
      }
      this.$emit(INST.countChanged, undefined);
    } else if (change.kind === 'insert') {
      const index = Math.min(change.index, this.objects.length);
      this.objects.splice(index, 0, ...new Array<null>(change.count).fill(null));
      for (let k = 0; k < change.count; k++) this.created(index + k);
      this.$emit(INST.countChanged, undefined);
    } else if (change.kind === 'move') {
      const moved = this.objects.splice(change.from, change.count);
      this.objects.splice(change.to, 0, ...moved);
    }
  }

  modelReset(): void {
    this.regenerate();
  }

  /** QQmlInstantiatorPrivate::_q_createdItem. */
  private created(index: number): void {
    const obj = this.dm.object(index) as QObject | null;
    if (obj === null) return;
    this.objects[index] = obj;
    if (this.objects.length === 1) this.$emit(INST.objectChanged, undefined);
    this.$emit(INST.objectAdded, [index, obj]);
  }

  /** QQmlInstantiatorPrivate::clear: each object announced removed (count unchanged meanwhile), then released. */
  private clear(): void {
    const objects = this.objects;
    for (let i = 0; i < objects.length; i++) {
      const obj = objects[i];
      if (obj) this.$emit(INST.objectRemoved, [i, obj]);
    }
    this.objects = [];
    for (const obj of objects) if (obj) this.dm.release(obj as Item);
  }

  /** QQmlInstantiatorPrivate::regenerate: every row anew, countChanged once if the count changed. */
  private regenerate(before = this.objects.length): void {
    if (!this.complete || this.resetting) return;
    this.clear();
    const count = this.$v[INST.active] ? this.dm.count : 0;
    for (let i = 0; i < count; i++) {
      this.objects.length = i;
      this.created(i);
    }
    if (this.objects.length !== before) this.$emit(INST.countChanged, undefined);
  }

  override $teardown(): void {
    this.clear();
    this.dm.dispose();
    super.$teardown();
  }

  /** Set while the delegate model is replaced: Instantiator regenerates itself after. */
  private resetting = false;

  /** QQmlInstantiator::setModel: the objects lose their rows, then every row is made anew. */
  onModelChanged(): void {
    const before = this.objects.length;
    this.dm.invalidateAll();
    this.resetting = true;
    this.dm.setModel(this.$v[INST.model]);
    this.resetting = false;
    this.regenerate(before);
  }

  /**
   * QQmlInstantiator::setDelegate: the old delegate's objects are removed as
   * rows are, the new delegate's are inserted as rows are, then every row is
   * made anew once more (Qt's delegate model and the Instantiator both react).
   */
  onDelegateChanged(): void {
    if (this.complete) this.dm.removeAllRows();
    this.resetting = true;
    this.dm.setDelegate(this.$v[INST.delegate]);
    this.resetting = false;
    if (!this.complete) return;
    if (this.dm.count > 0) this.modelUpdated({ kind: 'insert', index: 0, count: this.dm.count });
    this.regenerate();
  }
}

export const InstantiatorMeta: MetaObject = defineType(Instantiator, QtObjectMeta, {
  name: 'Instantiator',
  cppClass: 'QQmlInstantiator',
  defaultProperty: 'delegate',
  properties: {
    active: { type: 'bool', default: true, changed: (o) => (o as Instantiator).modelReset() },
    asynchronous: { type: 'bool' },
    count: { type: 'int', readonly: true },
    model: { ...MODEL_PROPERTY, default: 1, changed: (o) => (o as Instantiator).onModelChanged() },
    delegate: { type: 'Component', changed: (o) => (o as Instantiator).onDelegateChanged() },
    object: { type: 'QtObject', readonly: true },
  },
  signals: {
    objectAdded: {
      params: [
        { name: 'index', type: 'int' },
        { name: 'object', type: 'QtObject' },
      ],
    },
    objectRemoved: {
      params: [
        { name: 'index', type: 'int' },
        { name: 'object', type: 'QtObject' },
      ],
    },
  },
  methods: ['objectAt'],
});

const INST = {
  active: InstantiatorMeta.index('active'),
  model: InstantiatorMeta.index('model'),
  delegate: InstantiatorMeta.index('delegate'),
  countChanged: InstantiatorMeta.signalsByName.get('countChanged')!.index,
  objectChanged: InstantiatorMeta.signalsByName.get('objectChanged')!.index,
  objectAdded: InstantiatorMeta.signalsByName.get('objectAdded')!.index,
  objectRemoved: InstantiatorMeta.signalsByName.get('objectRemoved')!.index,
};

// `count` and `object` are read from the objects as they are (Qt computes them).
for (const [name, read] of [
  ['count', (o: Instantiator) => o.liveCount],
  ['object', (o: Instantiator) => o.objectAt(0)],
] as const) {
  const index = InstantiatorMeta.index(name);
  Object.defineProperty(Instantiator.prototype, name, {
    configurable: true,
    get(this: Instantiator) {
      this.$read(index);
      return read(this);
    },
  });
}
