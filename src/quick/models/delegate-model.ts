// The delegate model of a view (QQmlDelegateModel): turns whatever `model`
// holds (a number, a JS array, a list of objects, a ListModel) into rows, and
// rows into delegate instances. Each instance gets one context object level
// holding `index`, `model`, `modelData` and every role by name, so delegate
// code resolves those names at compile time; the object is updated in place
// when the row moves or its values change. Instances are reference counted:
// a view that asks twice for the same row (visible and current) shares one.
import { removeItem } from '../../engine/arrays';
import type { QmlContext } from '../../engine/context';
import {
  defineType,
  deriveType,
  type MetaObject,
  type PropertyInfo,
  QObject,
  qmlWarning,
} from '../../engine/qobject';
import { type ComponentFactory, QmlComponent, QtObjectMeta } from '../../engine/qtqml';
import { qRound } from '../../engine/valuetypes';
import { Item } from '../items/Item';
import {
  type InstanceModel,
  isInstanceModel,
  isModelSource,
  type ModelListener,
  type ModelSource,
} from './model-source';

/** One change of the rows, as a view applies it. */
export type ModelChange =
  | { kind: 'insert'; index: number; count: number }
  | { kind: 'remove'; index: number; count: number }
  | { kind: 'move'; from: number; to: number; count: number }
  | { kind: 'change'; index: number; count: number };

/** What the view (ListView, Repeater) does with delegates and changes. */
export interface DelegateModelHost {
  /** A new instance, before its bindings run (QQuickItemView::initItem: parent, z, attached view). */
  initItem(index: number, item: Item): void;
  /** An instance is about to be destroyed. */
  destroyingItem(item: Item): void;
  /** Rows changed; the host records the change and lays out later (the object may be reused: copy it to keep it). */
  modelUpdated(change: ModelChange): void;
  /** The model or the delegate was replaced: every row is new. */
  modelReset(): void;
}

/** The context object of one delegate instance (Qt's QQmlDelegateModelItem + its model data). */
export class ModelData extends QObject {
  row = -1;
  owner: DelegateModel | null = null;

  /** `model.role = value` in a delegate writes the model. */
  writeRole(role: string, value: unknown): void {
    this.owner?.setData(this.row, role, value);
  }
}
const ModelDataMeta: MetaObject = defineType(ModelData, QtObjectMeta, {
  name: 'ModelData',
  cppClass: 'QQmlDMAbstractItemModelData',
  properties: {
    index: { type: 'int', readonly: true },
    model: { type: 'var', readonly: true, constant: true },
    modelData: { type: 'var' },
  },
});
const DATA = {
  index: ModelDataMeta.index('index'),
  model: ModelDataMeta.index('model'),
  modelData: ModelDataMeta.index('modelData'),
};

/** Context object types by role list: compiled delegate code is generated once per type. */
const dataTypes = new Map<string, { meta: MetaObject; roles: PropertyInfo[] }>();

function dataTypeFor(roles: readonly string[]): { meta: MetaObject; roles: PropertyInfo[] } {
  const key = roles.join('\u0000');
  let t = dataTypes.get(key);
  if (t === undefined) {
    const meta =
      roles.length === 0 ? ModelDataMeta : deriveType(ModelDataMeta, 'ModelData', 'QQmlDMListAccessorData');
    const props: PropertyInfo[] = [];
    for (const name of roles) {
      if (meta.hasMember(name) || !/^[A-Za-z_$][\w$]*$/.test(name)) continue;
      props.push(
        meta.addProperty(name, {
          type: 'var',
          write: (o, v) => (o as ModelData).writeRole(name, v),
        }),
      );
    }
    t = { meta, roles: props };
    dataTypes.set(key, t);
  }
  return t;
}

interface Entry {
  index: number;
  item: Item;
  /** The instance's context object (null for an object a model holds itself: ObjectModel). */
  data: ModelData | null;
  refs: number;
  roles: PropertyInfo[];
}

type Rows =
  | { kind: 'none' }
  | { kind: 'count'; count: number }
  | { kind: 'array'; values: unknown[] }
  /** `count`: the rows as the view last heard of them (Qt's delegate model counts them when told). */
  | { kind: 'source'; source: ModelSource; count: number }
  /** A model that holds its objects (ObjectModel): the view shows them and makes none. */
  | { kind: 'instances'; model: InstanceModel };

export class DelegateModel implements ModelListener {
  private rows: Rows = { kind: 'none' };
  private delegate: QmlComponent | null = null;
  /** Live instances; few (those a view shows), so lookups scan or use the index map. */
  private readonly entries: Entry[] = [];
  /**
   * The instances by row: a sparse array, not a Map. A view replaces its
   * instances every frame it scrolls, and a long-lived Map that churns
   * leaves behind hash tables that link to their successors: once one of
   * them is in the old generation, every instance entered since survives
   * young-generation collections until the next full one.
   */
  private readonly byIndex: Array<Entry | undefined> = [];
  /** The instances by item (weak keys: an instance's entry does not outlive it). */
  private byItem = new WeakMap<Item, Entry>();
  private maxIndex = -1;
  private warnedDelegate = false;

  constructor(
    private readonly host: DelegateModelHost,
    private readonly owner: QObject,
    /** Any object may be an instance (Instantiator), not only an Item (views, Repeater). */
    private readonly anyObject = false,
  ) {}

  get count(): number {
    if (this.delegate === null && this.rows.kind !== 'instances') return 0;
    return this.rowCount;
  }

  private get rowCount(): number {
    const r = this.rows;
    if (r.kind === 'count') return r.count;
    if (r.kind === 'array') return r.values.length;
    if (r.kind === 'source') return r.count;
    if (r.kind === 'instances') return r.model.instanceCount;
    return 0;
  }

  /** Whether the model holds its objects (ObjectModel): there is no delegate to wait for. */
  get holdsObjects(): boolean {
    return this.rows.kind === 'instances';
  }

  get hasDelegate(): boolean {
    return this.delegate !== null;
  }

  /** Sets what `model` holds: a number, an array, a ListModel, an object (one row), or nothing. */
  setModel(value: unknown): void {
    if (this.rows.kind === 'source') this.rows.source.removeModelListener(this);
    if (this.rows.kind === 'instances') this.rows.model.removeModelListener(this);
    if (isInstanceModel(value)) {
      this.rows = { kind: 'instances', model: value };
      value.addModelListener(this);
    } else if (isModelSource(value)) {
      this.rows = { kind: 'source', source: value, count: value.sourceRowCount };
      value.addModelListener(this);
    } else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
      // Qt takes the value as an int (QQmlListAccessor): a number rounded, a
      // string parsed as a decimal integer (else 0), a bool as 0 or 1.
      const n = modelSize(value);
      const sink = this.owner.$engine?.sink;
      if (n < 0) sink?.warn(`Model size of ${n} is less than 0`);
      // (QQmlListAccessor: more rows than views could hold pointers to)
      else if (n > MAX_MODEL_SIZE)
        sink?.warn(`Model size of ${n} is bigger than the upper limit ${MAX_MODEL_SIZE}`);
      this.rows = { kind: 'count', count: n < 0 || n > MAX_MODEL_SIZE ? 0 : n };
    } else if (Array.isArray(value)) {
      this.rows = { kind: 'array', values: value.slice() };
    } else if (value instanceof QObject) {
      this.rows = { kind: 'array', values: [value] };
    } else {
      this.rows = { kind: 'none' };
    }
    this.dropAll();
    this.host.modelReset();
  }

  setDelegate(c: unknown): void {
    const d = c instanceof QmlComponent ? c : null;
    if (d === this.delegate) return;
    this.delegate = d;
    this.warnedDelegate = false;
    this.dropAll();
    this.host.modelReset();
  }

  /** The roles of the rows (for ListModel: its role names). */
  private roleNames(): readonly string[] {
    return this.rows.kind === 'source' ? this.rows.source.sourceRoleNames() : [];
  }

  /** The instance for row `index`, created if needed; the caller holds a reference until release(). */
  object(index: number): Item | null {
    const e = this.byIndex[index];
    if (e !== undefined) {
      e.refs++;
      return e.item;
    }
    if (this.rows.kind === 'instances') return this.instance(this.rows.model, index);
    if (this.delegate === null || index < 0 || index >= this.rowCount) return null;
    const unit = this.delegate.unit;
    const ctx = this.delegate.creationContext;
    if (!unit || !ctx) return null;
    const type = dataTypeFor(this.roleNames());
    const data = new (type.meta.ctor as unknown as new () => ModelData)();
    data.$engine = this.owner.$engine;
    data.owner = this;
    data.$v[DATA.model] = data;
    this.fill(data, index, type.roles);
    const factory = ctx.engine as unknown as ComponentFactory;
    let entry: Entry | null = null;
    let obj: QObject | null = null;
    // Qt: a delegate with required properties gets the roles of the same names
    // as initial values of those properties, and no context with the roles.
    const required = requiredProperties(unit, data);
    try {
      obj = factory.createFromComponent(
        unit,
        ctx as QmlContext,
        null,
        required ? required.values : undefined,
        required ? undefined : data,
        (root) => {
          if (!(root instanceof Item) && !this.anyObject) return;
          root.$setOwner(this.owner);
          // (an Instantiator's object need not be an Item: its host treats it as a QObject)
          const item = root as Item;
          entry = { index, item, data, refs: 1, roles: type.roles };
          this.addEntry(entry);
          this.host.initItem(index, item);
          if (required) followRoles(item, data, required.sources);
        },
      );
    } catch (err) {
      this.owner.$engine?.reportError(err, undefined);
    }
    if (!(obj instanceof Item) && !(this.anyObject && obj !== null)) {
      if (obj) obj.$destroy();
      if (!this.warnedDelegate) {
        // Qt: qmlWarning(delegate), at the delegate's declaration.
        this.warnedDelegate = true;
        qmlWarning(this.delegate, 'Delegate must be of Item type', 'Component');
      }
      return null;
    }
    data.$setOwner(obj!);
    return entry !== null ? (entry as Entry).item : (obj as Item);
  }

  /** Row `index` of a model holding its objects: the view takes it as it is (QQmlObjectModel::object). */
  private instance(model: InstanceModel, index: number): Item | null {
    const obj = index >= 0 && index < model.instanceCount ? model.instanceAt(index) : null;
    // (an Instantiator takes any object, a view an Item)
    if (!(obj instanceof Item) && !(this.anyObject && obj instanceof QObject)) return null;
    const item = obj as Item;
    const entry: Entry = { index, item, data: null, refs: 1, roles: [] };
    this.addEntry(entry);
    this.host.initItem(index, item);
    return item;
  }

  /**
   * Drops one reference; destroys the instance with the last one. Returns
   * Qt's release flags: `Referenced` while others still hold the instance,
   * `Destroyed` when this was the last reference, 0 for an unknown item.
   */
  release(item: Item): ReleaseFlags {
    const e = this.byItem.get(item);
    if (e === undefined) return 0;
    if (--e.refs > 0) return ReleaseFlag.Referenced;
    this.removeEntry(e);
    // (an object a model holds lives on: the view culls it)
    if (e.data === null) return 0;
    this.destroy(e);
    return ReleaseFlag.Destroyed;
  }

  indexOf(item: Item): number {
    return this.byItem.get(item)?.index ?? -1;
  }

  /** The instance of row `index` if one exists (no reference taken). */
  existing(index: number): Item | null {
    return this.byIndex[index]?.item ?? null;
  }

  /** The value of a role (or, without roles, of modelData) for section criteria and the like. */
  value(index: number, role: string): unknown {
    const r = this.rows;
    if (r.kind === 'source') return r.source.sourceData(index, role);
    if (r.kind === 'array') return role === 'modelData' ? r.values[index] : undefined;
    if (r.kind === 'count') return role === 'modelData' || role === 'index' ? index : undefined;
    return undefined;
  }

  setData(row: number, role: string, value: unknown): void {
    if (this.rows.kind === 'source' && row >= 0) this.rows.source.setSourceData(row, role, value);
  }

  private fill(data: ModelData, index: number, roles: PropertyInfo[]): void {
    data.row = index;
    data.$v[DATA.index] = index;
    const r = this.rows;
    if (r.kind === 'source') {
      for (const p of roles) data.$v[p.index] = r.source.sourceData(index, p.name);
      data.$v[DATA.modelData] = roles.length === 1 ? data.$v[roles[0]!.index] : undefined;
    } else if (r.kind === 'array') {
      data.$v[DATA.modelData] = asVariant(r.values[index]);
    } else {
      data.$v[DATA.modelData] = index;
    }
  }

  private addEntry(e: Entry): void {
    this.entries.push(e);
    this.byIndex[e.index] = e;
    this.byItem.set(e.item, e);
    if (e.index > this.maxIndex) this.maxIndex = e.index;
  }

  private removeEntry(e: Entry): void {
    removeItem(this.entries, e);
    if (this.byIndex[e.index] === e) delete this.byIndex[e.index];
    this.byItem.delete(e.item);
  }

  private destroy(e: Entry): void {
    if (e.data === null) return;
    // Qt: the model data is gone by the time the instance is destroyed
    // (Component.onDestruction reads undefined roles).
    for (const p of e.roles) e.data.$v[p.index] = undefined;
    this.host.destroyingItem(e.item);
    e.item.$destroy();
  }

  private dropAll(): void {
    const all = this.entries.splice(0);
    this.byIndex.length = 0;
    this.byItem = new WeakMap();
    this.maxIndex = -1;
    for (const e of all) this.destroy(e);
  }

  /** Updates the index map and tells each instance its new index (in `order`, default creation order). */
  private reindex(order: readonly Entry[] = this.entries): void {
    this.byIndex.length = 0;
    let max = -1;
    for (const e of order) {
      if (e.index < 0) continue;
      this.byIndex[e.index] = e;
      if (e.index > max) max = e.index;
      if (e.data !== null && e.data.row !== e.index) {
        e.data.row = e.index;
        e.data.$store(DATA.index, e.index);
      }
    }
    this.maxIndex = max;
  }

  // ---- ModelListener (rows of a ListModel) -----------------------------------------------

  rowsInserted(index: number, count: number): void {
    if (this.rows.kind === 'source') this.rows.count += count;
    if (index <= this.maxIndex) {
      for (const e of this.entries) if (e.index >= index) e.index += count;
      this.reindex();
    }
    // One change object reused: hosts copy what they keep (a chat appends 100,000 rows).
    const c = this.insertChange;
    c.index = index;
    c.count = count;
    this.host.modelUpdated(c);
  }
  private readonly insertChange = { kind: 'insert' as const, index: 0, count: 0 };

  /** The instances lose their rows (index -1, no roles) without being told apart: a new model is coming. */
  invalidateAll(): void {
    for (const e of this.entries) {
      e.index = -1;
      this.forgetRow(e);
    }
    this.reindex();
  }

  /** An instance's row is gone: index -1 and no roles from then on, only the change of index announced. */
  private forgetRow(e: Entry): void {
    const d = e.data;
    if (d === null) return;
    d.row = -1;
    d.$v[DATA.index] = -1;
    for (const p of e.roles) d.$v[p.index] = undefined;
    if (e.roles.length === 1) d.$v[DATA.modelData] = undefined;
    d.$emit(d.$meta.props[DATA.index]!.notify, undefined);
  }

  /**
   * Every row leaves the instances (QQmlDelegateModel::setDelegate with a
   * delegate already set removes them all before the new one makes them
   * again): they lose their rows as removed ones do, and the host is told
   * of the removal. The model keeps its rows.
   */
  removeAllRows(): void {
    const n = this.count;
    if (n === 0) return;
    this.rowsRemoved(0, n);
    // (rowsRemoved counted the rows out: the model still has them)
    if (this.rows.kind === 'source') this.rows.count += n;
  }

  rowsRemoved(index: number, count: number): void {
    if (this.rows.kind === 'source') this.rows.count -= count;
    if (index <= this.maxIndex) {
      const gone: Entry[] = [];
      for (const e of this.entries) {
        if (e.index >= index + count) e.index -= count;
        else if (e.index >= index) {
          e.index = -1;
          gone.push(e);
        }
      }
      this.reindex();
      // Qt: a removed row's delegate sees index -1 and no roles from then on.
      // All values change at once (Qt clears the context), and only the change
      // of index is announced (measured: a binding reading index and a role
      // runs once; one reading only roles does not run, and a typed one
      // prints no "Unable to assign [undefined]").
      for (const e of gone) this.forgetRow(e);
    }
    this.host.modelUpdated({ kind: 'remove', index, count });
  }

  rowsMoved(from: number, to: number, count: number): void {
    // Qt tells the moved rows' instances first (measured: delegate_required_updates).
    const moved = this.entries.filter((e) => e.index >= from && e.index < from + count);
    const others = this.entries.filter((e) => !(e.index >= from && e.index < from + count));
    for (const e of this.entries) e.index = movedIndex(e.index, from, to, count);
    this.reindex([...moved, ...others]);
    this.host.modelUpdated({ kind: 'move', from, to, count });
  }

  dataChanged(index: number, count: number, roles: readonly string[]): void {
    if (index <= this.maxIndex && this.rows.kind === 'source') {
      const source = this.rows.source;
      for (const e of this.entries) {
        if (e.index < index || e.index >= index + count) continue;
        const data = e.data;
        if (data === null) continue;
        for (const p of e.roles) {
          if (roles.includes(p.name)) data.$store(p.index, source.sourceData(e.index, p.name));
        }
        if (e.roles.length === 1) data.$store(DATA.modelData, data.$v[e.roles[0]!.index]);
      }
    }
    this.host.modelUpdated({ kind: 'change', index, count });
  }

  /** Whether an instance has lost its row (removed from the model while still referenced). */
  isRemoved(item: Item): boolean {
    const e = this.byItem.get(item);
    return e !== undefined && e.index < 0;
  }

  /** An object of the model is about to be destroyed or dropped (QQmlInstanceModel::destroyingItem). */
  destroyingInstance(item: QObject): void {
    if (item instanceof Item) this.host.destroyingItem(item);
  }

  dispose(): void {
    if (this.rows.kind === 'source') this.rows.source.removeModelListener(this);
    if (this.rows.kind === 'instances') this.rows.model.removeModelListener(this);
    this.rows = { kind: 'none' };
    this.dropAll();
  }
}

/** The delegate's required properties that a role (or index, model, modelData) provides, with their values. */
function requiredProperties(
  unit: NonNullable<QmlComponent['unit']>,
  data: ModelData,
): { values: Record<string, unknown>; sources: Array<[string, PropertyInfo]> } | undefined {
  const root = unit.root;
  if (root.required.length === 0 && (root.typeUnit === undefined || root.typeUnit.root.required.length === 0))
    return undefined;
  const names = root.required.map((r) => r.name);
  if (root.typeUnit)
    for (const r of root.typeUnit.root.required) if (!root.assigned.has(r.name)) names.push(r.name);
  if (names.length === 0) return undefined;
  const values: Record<string, unknown> = {};
  const sources: Array<[string, PropertyInfo]> = [];
  // The roles first, then index, model and modelData (Qt's order of initial values).
  const own = (n: string) => data.$meta.propsByName.get(n)?.owner !== ModelDataMeta;
  for (const name of [...names.filter(own), ...names.filter((n) => !own(n))]) {
    const p = data.$meta.propsByName.get(name);
    if (p === undefined) continue;
    values[name] = data.$v[p.index];
    sources.push([name, p]);
  }
  return { values, sources };
}

/** Keeps required properties equal to their roles when the row changes or moves. */
function followRoles(item: Item, data: ModelData, sources: Array<[string, PropertyInfo]>): void {
  for (const [name, p] of sources) {
    if (p.notify < 0) continue;
    data.$connect(p.notify, {
      fn: () => {
        (item as unknown as Record<string, unknown>)[name] = data.$v[p.index];
      },
      thisArg: item,
      report: (e) => item.$engine?.reportError(e, undefined),
    });
  }
}

/**
 * A view's `model` property as Qt holds it (a QVariant): a JS array is
 * converted to a list of variants, a copy, so changing the array afterwards
 * changes nothing until it is assigned again, and reading `model` gives the
 * copy (measured: array_model_assign).
 */
export const MODEL_PROPERTY = {
  type: 'var',
  coerce: Object.assign((v: unknown) => (Array.isArray(v) ? asVariant(v) : v), { initial: undefined }),
  /** QVariant's equality: an array equal to the one held, element by element, changes nothing. */
  equals: sameVariant,
} as const;

/** Reading a view's `model` gives a new copy of an array held, as converting Qt's QVariant list back does. */
export function copyArrayModelOnRead(proto: object): void {
  const held = Object.getOwnPropertyDescriptor(proto, 'model')!;
  Object.defineProperty(proto, 'model', {
    configurable: true,
    get(this: object) {
      const v: unknown = held.get!.call(this);
      return Array.isArray(v) ? asVariant(v) : v;
    },
    set: held.set,
  });
}

function sameVariant(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameVariant(a[i], b[i])) return false;
    return true;
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!Object.hasOwn(b, k) || !sameVariant(a[k], b[k])) return false;
  return true;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/**
 * A JS array model's element as Qt hands it to the delegate: converted to a
 * QVariant, so an object becomes a QVariantMap, whose keys are sorted
 * (measured: {name: "x", n: 1} reads back as {"n":1,"name":"x"}).
 */
function asVariant(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(asVariant);
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = asVariant((v as Record<string, unknown>)[k]);
  return out;
}

/** The row count of a number, string or bool model: QVariant's conversion to int (qRound, QString::toInt). */
function modelSize(v: number | string | boolean): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const m = /^\s*([+-]?\d+)\s*$/.exec(v);
    const n = m === null ? 0 : Number(m[1]);
    return Math.abs(n) > 2147483647 ? 0 : n;
  }
  return Number.isFinite(v) ? qRound(v) : 0;
}

const MAX_MODEL_SIZE = 100_000_000;

/** Where row `i` ends up after moving `count` rows from `from` to `to`. */
export function movedIndex(i: number, from: number, to: number, count: number): number {
  if (i < 0) return i;
  if (i >= from && i < from + count) return to + (i - from);
  if (from < to) {
    if (i >= from + count && i < to + count) return i - count;
  } else if (i >= to && i < from) {
    return i + count;
  }
  return i;
}

/** QQmlInstanceModel::ReleaseFlag. */
export const ReleaseFlag = { Referenced: 1, Destroyed: 2 } as const;
export type ReleaseFlags = 0 | (typeof ReleaseFlag)[keyof typeof ReleaseFlag];
