// ObjectModel (QQmlObjectModel): a model whose rows are the objects declared
// in it or added to it. A view shows them as they are, with no delegate:
// it places them in its content and culls the ones out of sight, and they
// stay the model's. `ObjectModel.index` tells an object its row.
import { defineType, type MetaObject, QObject, qmlWarning } from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';
import type { InstanceListener, InstanceModel } from './model-source';

/** `ObjectModel.index` on an object of the model (-1 on one in none). */
export class ObjectModelAttached extends QObject {
  declare readonly index: number;
}
export const ObjectModelAttachedMeta: MetaObject = defineType(ObjectModelAttached, QtObjectMeta, {
  name: 'ObjectModel',
  cppClass: 'QQmlObjectModelAttached',
  properties: { index: { type: 'int', readonly: true, default: -1 } },
  creatable: false,
});
const ATTACHED_INDEX = ObjectModelAttachedMeta.index('index');

function setIndex(o: QObject, index: number): void {
  (o.$attachedObject(ObjectModelAttachedMeta) as ObjectModelAttached).$store(ATTACHED_INDEX, index);
}

export class ObjectModel extends QObject implements InstanceModel {
  declare readonly count: number;
  private readonly listeners: InstanceListener[] = [];

  private get objects(): QObject[] {
    let list = this.$v[OM.children] as QObject[] | null;
    if (list === null) {
      list = [];
      this.$v[OM.children] = list;
    }
    return list;
  }

  // ---- InstanceModel ------------------------------------------------------------------------

  get instanceCount(): number {
    return this.objects.length;
  }

  instanceAt(index: number): unknown {
    return this.objects[index] ?? null;
  }

  addModelListener(l: InstanceListener): void {
    if (!this.listeners.includes(l)) this.listeners.push(l);
  }

  removeModelListener(l: InstanceListener): void {
    const i = this.listeners.indexOf(l);
    if (i >= 0) this.listeners.splice(i, 1);
  }

  // ---- QML methods ----------------------------------------------------------------------------

  get(index?: unknown): QObject | null {
    const i = Math.trunc(Number(index));
    return i >= 0 && i < this.objects.length ? this.objects[i]! : null;
  }

  append(object?: unknown): void {
    this.insertObject(this.objects.length, object);
  }

  insert(index?: unknown, object?: unknown): void {
    const i = Math.trunc(Number(index));
    if (!(i >= 0 && i <= this.objects.length)) {
      qmlWarning(this, `insert: index ${Number.isNaN(i) ? 0 : i} out of range`);
      return;
    }
    this.insertObject(i, object);
  }

  move(from?: unknown, to?: unknown, n: unknown = 1): void {
    let f = Math.trunc(Number(from));
    let t = Math.trunc(Number(to));
    let count = Math.trunc(Number(n));
    if (!(count > 0) || f === t) return;
    const length = this.objects.length;
    if (!(f >= 0 && t >= 0 && f + count <= length && t + count <= length)) {
      qmlWarning(this, 'move: out of range');
      return;
    }
    // (QQmlObjectModelPrivate::move: only forwards, a backward move turned round)
    if (f > t) [f, t, count] = [t, t + count, f - t];
    const list = this.objects;
    const moved = [...list.slice(f + count, t + count), ...list.slice(f, f + count)];
    for (let i = 0; i < moved.length; i++) {
      list[f + i] = moved[i]!;
      setIndex(moved[i]!, f + i);
    }
    for (const l of this.listeners.slice()) l.rowsMoved(f, t, count);
    this.$emit(OM.childrenChanged, undefined);
  }

  remove(index?: unknown, n: unknown = 1): void {
    const i = Math.trunc(Number(index));
    const count = Math.trunc(Number(n));
    const length = this.objects.length;
    if (!(i >= 0 && count > 0 && i + count <= length)) {
      qmlWarning(this, `remove: indices [${i} - ${i + count}] out of range [0 - ${length}]`);
      return;
    }
    this.removeObjects(i, count);
  }

  clear(): void {
    // (the views let go of every object first: QQmlObjectModel's destroyingItem)
    for (const o of this.objects.slice()) for (const l of this.listeners.slice()) l.destroyingInstance(o);
    this.removeObjects(0, this.objects.length);
  }

  // ---- rows -----------------------------------------------------------------------------------

  private insertObject(index: number, object: unknown): void {
    if (!(object instanceof QObject)) return;
    const list = this.objects;
    list.splice(index, 0, object);
    for (let i = index; i < list.length; i++) setIndex(list[i]!, i);
    for (const l of this.listeners.slice()) l.rowsInserted(index, 1);
    this.$emit(OM.countChanged, undefined);
    this.$emit(OM.childrenChanged, undefined);
  }

  private removeObjects(index: number, count: number): void {
    const list = this.objects;
    for (let i = index; i < index + count; i++) setIndex(list[i]!, -1);
    list.splice(index, count);
    for (let i = index; i < list.length; i++) setIndex(list[i]!, i);
    for (const l of this.listeners.slice()) l.rowsRemoved(index, count);
    this.$emit(OM.countChanged, undefined);
    this.$emit(OM.childrenChanged, undefined);
  }

  /** `children = [...]`: the list is cleared (the views let go), then each object appended. */
  replaceAll(values: unknown): void {
    if (this.objects.length > 0) this.clear();
    for (const v of Array.isArray(values) ? values : [values]) this.append(v);
  }
}

export const ObjectModelMeta: MetaObject = defineType(ObjectModel, QtObjectMeta, {
  name: 'ObjectModel',
  cppClass: 'QQmlObjectModel',
  defaultProperty: 'children',
  attachedType: () => ObjectModelAttachedMeta,
  properties: {
    children: {
      type: 'list',
      append: (o, v) => (o as ObjectModel).append(v),
      write: (o, v) => (o as ObjectModel).replaceAll(v),
    },
    count: { type: 'int', readonly: true },
  },
  methods: ['get', 'append', 'insert', 'move', 'remove', 'clear'],
});

const OM = {
  children: ObjectModelMeta.index('children'),
  count: ObjectModelMeta.index('count'),
  childrenChanged: ObjectModelMeta.signalsByName.get('childrenChanged')!.index,
  countChanged: ObjectModelMeta.signalsByName.get('countChanged')!.index,
};

// `count` is the number of objects as they are.
Object.defineProperty(ObjectModel.prototype, 'count', {
  configurable: true,
  get(this: ObjectModel) {
    this.$read(OM.count);
    return this.instanceCount;
  },
});
