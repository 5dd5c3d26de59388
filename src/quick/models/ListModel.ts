// ListModel and ListElement (QtQml.Models, QQmlListModel). Rows are stored
// by role: one array of values per role, so a 100,000-row model is a few
// arrays, not 100,000 objects. Roles get their type from the first value
// written to them, as in Qt's non-dynamic ListModel: a later value of
// another type is refused with Qt's warning and stored as the role's empty
// value. `get(i)` returns a live object (the same one each time) whose role
// properties read and write the model.

import type { Expression } from 'acorn';
import {
  type CustomParser,
  type CustomParserContext,
  defineType,
  type MetaObject,
  QObject,
  qmlWarning,
} from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';
import {
  connect,
  currentObserver,
  disconnect,
  type Link,
  notifyObservers,
  Observer,
  Source,
} from '../../engine/reactive';
import type * as ast from '../../qml/ast';
import type { ModelListener, ModelSource } from './model-source';

/** Qt's role types (ListLayout::Role::DataType), named as in its messages. */
type RoleType =
  | 'String'
  | 'Number'
  | 'Bool'
  | 'List'
  | 'QObject'
  | 'VariantMap'
  | 'DateTime'
  | 'Url'
  | 'Function';

class Role {
  /** Values by row; a hole (undefined) reads as the role's empty value. */
  values: unknown[];
  /** Bindings that read this role through get(i) objects. */
  readonly source = new Source();
  constructor(
    readonly name: string,
    public type: RoleType,
    rows: number,
  ) {
    this.values = new Array(rows).fill(undefined);
  }
}

/** The value a row reads for a role it has no value for. */
function emptyValue(type: RoleType): unknown {
  switch (type) {
    case 'String':
      return '';
    case 'Number':
      return 0;
    case 'Bool':
      return false;
    default:
      return undefined;
  }
}

function typeOfValue(v: unknown): RoleType | null {
  switch (typeof v) {
    case 'string':
      return 'String';
    case 'number':
      return 'Number';
    case 'boolean':
      return 'Bool';
    case 'function':
      return 'Function';
    case 'object':
      if (v === null) return null;
      if (Array.isArray(v) || v instanceof ListModel) return 'List';
      if (v instanceof Date) return 'DateTime';
      if (v instanceof QObject) return 'QObject';
      return 'VariantMap';
    default:
      return null;
  }
}

/** The role type of a string, number or bool (typeof compared with constants: no keyed lookup per write). */
function scalarTypeOf(v: unknown): RoleType | undefined {
  const t = typeof v;
  if (t === 'string') return 'String';
  if (t === 'number') return 'Number';
  if (t === 'boolean') return 'Bool';
  return undefined;
}

/** A ListElement's compiled content: role values in Qt's order, nested lists as row arrays. */
export type StaticRow = Array<{ name: string; value: StaticValue }>;
export type StaticValue = string | number | boolean | { rows: StaticRow[] };

let nextAddress = 0x5555_7777_0000;

/** The object `get(i)` returns: role properties that read and write row i of the model. */
class ModelObject {
  #model: ListModel;
  #index: number;
  readonly #address: string;
  constructor(model: ListModel, index: number, dynamic: boolean) {
    this.#model = model;
    this.#index = index;
    nextAddress += 0x40;
    this.#address = nextAddress.toString(16);
    // Qt: with dynamic roles, get() gives a QObject whose objectName shows in JSON.
    if (dynamic) Object.defineProperty(this, 'objectName', { enumerable: true, writable: true, value: '' });
    for (const r of model.roles) this.$addRole(r.name);
  }
  get $index(): number {
    return this.#index;
  }
  set $index(i: number) {
    this.#index = i;
  }
  $addRole(name: string): void {
    const model = this.#model;
    Object.defineProperty(this, name, {
      enumerable: true,
      configurable: true,
      get: () => (this.#index < 0 ? undefined : model.readRole(this.#index, name)),
      set: (v: unknown) => {
        if (this.#index >= 0) model.setProperty(this.#index, name, v);
      },
    });
  }
  toString(): string {
    return `QObject(0x${this.#address})`;
  }
}

export class ListModel extends QObject implements ModelSource {
  declare readonly count: number;
  declare dynamicRoles: boolean;
  readonly roles: Role[] = [];
  private readonly roleByName = new Map<string, Role>();
  private rows = 0;
  /** get(i) objects, by row, once any was asked for. */
  private objects: Array<ModelObject | undefined> | null = null;
  /** The views on the model: each an ordinary connection to the four signals they hear (ViewConnection). */
  private readonly views = new Map<ModelListener, Link[]>();

  // ---- ModelSource -------------------------------------------------------------

  get sourceRowCount(): number {
    return this.rows;
  }

  sourceRoleNames(): readonly string[] {
    return this.roles.map((r) => r.name);
  }

  sourceData(row: number, role: string): unknown {
    const r = this.roleByName.get(role);
    if (!r || row < 0 || row >= this.rows) return undefined;
    const v = r.values[row];
    return v === undefined ? emptyValue(r.type) : v;
  }

  setSourceData(row: number, role: string, value: unknown): void {
    this.setProperty(row, role, value);
  }

  addModelListener(l: ModelListener): void {
    if (this.views.has(l)) return;
    this.views.set(
      l,
      VIEW_SIGNALS.map((sig) => connect(this.$source(sig), new ViewConnection(this, l, sig))),
    );
  }

  removeModelListener(l: ModelListener): void {
    for (const link of this.views.get(l) ?? []) {
      // (a signal being delivered may still reach it: a QML handler before it changed the view's model)
      (link.observer as ViewConnection).dead = true;
      disconnect(link);
    }
    this.views.delete(l);
  }

  /**
   * Emits one of the signals views hear. Qt's views are ordinary connections
   * (QQmlDelegateModel to QAbstractItemModel): QML handlers run first, then
   * the views and the functions connected with connect(), in the order they
   * connected. Without anything but views, `raw` spares making model indexes.
   */
  private emitChange(sig: number, raw: unknown[] | null, qt: () => unknown[]): void {
    const s = this.$src?.[sig];
    if (s === undefined || s.head === null) return;
    let viewsOnly = raw !== null;
    for (let link: Link | null = s.head; viewsOnly && link !== null; link = link.nextInSource)
      if (!(link.observer instanceof ViewConnection)) viewsOnly = false;
    notifyObservers(s, viewsOnly ? raw! : qt());
  }

  /** The role names of role numbers (a dataChanged signal's roles). */
  $roleNamesOf(numbers: readonly number[]): string[] {
    return numbers.map((n) => this.roles[n]!.name);
  }

  /** A role read through a get(i) object: tracked like a property read. */
  readRole(row: number, role: string): unknown {
    const r = this.roleByName.get(role);
    if (!r) return undefined;
    const o = currentObserver;
    if (o !== null) o.track(r.source);
    const v = r.values[row];
    return v === undefined ? emptyValue(r.type) : v;
  }

  // ---- QML methods -----------------------------------------------------------------

  // ---- QAbstractItemModel, as QML calls it --------------------------------------

  rowCount(parent?: unknown): number {
    return parent instanceof ModelIndex && parent.valid ? 0 : this.rows;
  }

  columnCount(parent?: unknown): number {
    return parent instanceof ModelIndex && parent.valid ? 0 : 1;
  }

  hasIndex(row?: unknown, column?: unknown, parent?: unknown): boolean {
    // (int arguments: 0.7 is row 0)
    const r = Math.trunc(Number(row));
    const c = Math.trunc(Number(column));
    return !(parent instanceof ModelIndex && parent.valid) && r >= 0 && r < this.rows && c === 0;
  }

  index(row?: unknown, column?: unknown, parent?: unknown): ModelIndex {
    return this.hasIndex(row, column, parent) ? this.indexAt(Math.trunc(Number(row))) : INVALID_INDEX;
  }

  /** The index of a row, one object per row: equal indexes are the same value (`===`), as Qt compares them. */
  private indexAt(row: number): ModelIndex {
    this.indexes ??= [];
    let i = this.indexes[row];
    if (i === undefined) {
      i = new ModelIndex(row, 0, this);
      this.indexes[row] = i;
    }
    return i;
  }
  private indexes: ModelIndex[] | null = null;

  hasChildren(parent?: unknown): boolean {
    return !(parent instanceof ModelIndex && parent.valid) && this.rows > 0;
  }

  parent(_index?: unknown): ModelIndex {
    return INVALID_INDEX;
  }

  /** data(index, role): roles are numbered in the order they were made (role 0 by default, Qt::DisplayRole). */
  data(index?: unknown, role?: unknown): unknown {
    const row = this.rowOf(index);
    const r = this.roles[role === undefined ? 0 : Number(role)];
    return row < 0 || r === undefined ? undefined : this.sourceData(row, r.name);
  }

  /** setData(index, value, role): role 2 by default (Qt::EditRole). */
  setData(index?: unknown, value?: unknown, role?: unknown): boolean {
    const row = this.rowOf(index);
    const r = this.roles[role === undefined ? 2 : Number(role)];
    if (row < 0 || r === undefined) return false;
    this.setProperty(row, r.name, value);
    return true;
  }

  /** The row a valid index of this model stands for, or -1. */
  private rowOf(index: unknown): number {
    return index instanceof ModelIndex && index.model === this && index.valid && index.row < this.rows
      ? index.row
      : -1;
  }

  /** (the arguments are made only when something listens; one view alone is told directly) */
  private emitRows(sig: number, first: number, last: number): void {
    const s = this.$src?.[sig];
    if (s === undefined || s.head === null) return;
    const only = s.head === s.tail ? s.head.observer : null;
    if (only instanceof ViewConnection) only.tellRows(first, last);
    else notifyObservers(s, [INVALID_INDEX, first, last]);
  }

  append(...args: unknown[]): void {
    // Qt takes exactly one value (an object or an array of them).
    const value = args.length === 1 ? args[0] : undefined;
    if (isPlainObject(value)) {
      // The common case (a chat appending messages): one row, no intermediate array.
      this.insertOne(value);
      return;
    }
    const objects = this.objectsOf(value);
    if (objects === null) {
      this.qmlWarn('append: value is not an object');
      return;
    }
    this.insertObjects(this.rows, objects);
  }

  insert(...args: unknown[]): void {
    const index = args[0];
    // Qt takes exactly one value after the index (an object or an array of them).
    const value = args.length === 2 ? args[1] : undefined;
    const i = toIndex(index);
    if (i < 0 || i > this.rows) {
      this.qmlWarn(`insert: index ${i} out of range`);
      return;
    }
    const objects = this.objectsOf(value);
    if (objects === null) {
      this.qmlWarn('insert: value is not an object');
      return;
    }
    this.insertObjects(i, objects);
  }

  remove(...args: unknown[]): void {
    if (args.length < 1 || args.length > 2) {
      this.qmlWarn('remove: incorrect number of arguments');
      return;
    }
    const [index, count] = args;
    const i = toIndex(index);
    const n = count === undefined ? 1 : toIndex(count);
    if (i < 0 || i + n > this.rows || n <= 0) {
      this.qmlWarn(`remove: indices [${i} - ${i + n}] out of range [0 - ${this.rows}]`);
      return;
    }
    this.removeRows(i, n);
  }

  move(...args: unknown[]): void {
    insist(args, 3);
    const [from, to, count] = args;
    const f = toIndex(from);
    const t = toIndex(to);
    const n = toIndex(count);
    // Qt: moving no rows, or rows onto themselves, is nothing, wherever they point (measured).
    if (n === 0 || f === t) return;
    if (n < 0 || f < 0 || t < 0 || f + n > this.rows || t + n > this.rows) {
      this.qmlWarn('move: out of range');
      return;
    }
    // (QAbstractItemModel::beginMoveRows: the destination row counts the moved rows when they go down)
    const moveArgs = () => [INVALID_INDEX, f, f + n - 1, INVALID_INDEX, t > f ? t + n : t];
    if (this.$isConnected(SIG.rowsAboutToBeMoved)) this.$emit(SIG.rowsAboutToBeMoved, moveArgs());
    const moveArray = (a: unknown[]) => {
      const taken = a.splice(f, n);
      a.splice(t, 0, ...taken);
    };
    for (const r of this.roles) moveArray(r.values);
    if (this.objects) {
      moveArray(this.objects);
      this.reindexObjects(Math.min(f, t));
    }
    this.emitChange(SIG.rowsMoved, null, moveArgs);
  }

  set(...args: unknown[]): void {
    insist(args, 2);
    const [index, value] = args;
    const i = toIndex(index);
    if (i < 0 || i > this.rows) {
      this.qmlWarn(`set: index ${i} out of range`);
      return;
    }
    // (an array is ignored without a word, measured)
    if (Array.isArray(value)) return;
    if (!isPlainObject(value)) {
      this.qmlWarn('set: value is not an object');
      return;
    }
    if (i === this.rows) {
      this.insertObjects(i, [value]);
      return;
    }
    const changed = this.writeObjectChanges(i, value);
    if (changed.length > 0) this.announceChange(i, changed);
  }

  setProperty(...args: unknown[]): void {
    insist(args, 3);
    const [index, property, value] = args;
    const i = toIndex(index);
    if (i < 0 || i >= this.rows) {
      this.qmlWarn(`set: index ${i} out of range`);
      return;
    }
    const name = String(property);
    const changed = this.writeValue(i, name, value);
    if (changed) this.announceChange(i, [name]);
  }

  get(...args: unknown[]): unknown {
    insist(args, 1);
    const i = toIndex(args[0]);
    if (i < 0 || i >= this.rows) return undefined;
    this.objects ??= new Array(this.rows).fill(undefined);
    let o = this.objects[i];
    if (o === undefined) {
      o = new ModelObject(this, i, this.$v[LISTMODEL.dynamicRoles] as boolean);
      this.objects[i] = o;
    }
    return o;
  }

  clear(): void {
    if (this.rows === 0) return;
    this.removeRows(0, this.rows);
  }

  /** For WorkerScript; nothing to do in a single-threaded engine. */
  sync(): void {
    this.qmlWarn('List sync() can only be called from a WorkerScript');
  }

  /** Nested lists print as arrays in JSON.stringify, like Qt's. */
  override toJSON(): unknown[] {
    const out: unknown[] = [];
    for (let i = 0; i < this.rows; i++) out.push(this.get(i));
    return out;
  }

  // ---- storage ----------------------------------------------------------------------

  /** ListElement content compiled by the parser. */
  $customData(data: unknown): void {
    const rows = data as StaticRow[];
    if (rows.length === 0) return;
    this.insertStaticRows(rows);
  }

  private insertStaticRows(rows: StaticRow[]): void {
    const start = this.rows;
    this.grow(start, rows.length);
    rows.forEach((row, k) => {
      for (const { name, value } of row) {
        const v = typeof value === 'object' ? this.childModel(value.rows) : value;
        this.writeValue(start + k, name, v);
      }
      this.padColumns(start + k + 1);
    });
    this.setCount(this.rows);
  }

  private childModel(rows: StaticRow[]): ListModel {
    const m = new ListModel();
    m.$engine = this.$engine;
    m.$declaration = this.$declaration;
    m.$setOwner(this);
    m.insertStaticRows(rows);
    return m;
  }

  /** The objects an append/insert argument stands for, or null when it is not an object (or array of them). */
  private objectsOf(value: unknown): Array<Record<string, unknown>> | null {
    if (Array.isArray(value)) {
      if (!value.every(isPlainObject)) return null;
      return value as Array<Record<string, unknown>>;
    }
    if (isPlainObject(value)) return [value];
    return null;
  }

  private insertOne(obj: Record<string, unknown>): void {
    const row = this.rows;
    this.emitRows(SIG.rowsAboutToBeInserted, row, row);
    this.grow(row, 1);
    this.writeObject(row, obj);
    this.padColumns();
    this.emitRows(SIG.rowsInserted, row, row);
    this.setCount(this.rows);
  }

  /** Keeps every role's array as long as the rows written so far (appends write past the end). */
  private padColumns(rows = this.rows): void {
    const roles = this.roles;
    for (let i = 0; i < roles.length; i++) {
      const values = roles[i]!.values;
      while (values.length < rows) values.push(undefined);
    }
    const objects = this.objects;
    if (objects !== null) while (objects.length < rows) objects.push(undefined);
  }

  private insertObjects(index: number, objects: Array<Record<string, unknown>>): void {
    if (objects.length === 0) return;
    const last = index + objects.length - 1;
    this.emitRows(SIG.rowsAboutToBeInserted, index, last);
    this.grow(index, objects.length);
    for (let k = 0; k < objects.length; k++) {
      this.writeObject(index + k, objects[k]!);
      if (index === this.rows - objects.length) this.padColumns(index + k + 1);
    }
    this.padColumns();
    this.emitRows(SIG.rowsInserted, index, last);
    this.setCount(this.rows);
  }

  /** Makes room for `n` rows at `index` (at the end, the writes extend the arrays; padColumns evens them). */
  private grow(index: number, n: number): void {
    if (index !== this.rows) {
      for (const r of this.roles) r.values.splice(index, 0, ...new Array(n).fill(undefined));
      if (this.objects) {
        this.objects.splice(index, 0, ...new Array(n).fill(undefined));
        this.reindexObjects(index + n);
      }
    }
    this.rows += n;
  }

  private removeRows(index: number, n: number): void {
    this.emitRows(SIG.rowsAboutToBeRemoved, index, index + n - 1);
    for (const r of this.roles) {
      const removed = r.values.splice(index, n);
      for (const v of removed) if (v instanceof ListModel) v.$destroy();
    }
    if (this.objects) {
      for (const o of this.objects.splice(index, n)) if (o) o.$index = -1;
      this.reindexObjects(index);
    }
    this.rows -= n;
    this.emitRows(SIG.rowsRemoved, index, index + n - 1);
    this.setCount(this.rows);
  }

  private reindexObjects(from: number): void {
    const objs = this.objects!;
    for (let i = from; i < objs.length; i++) {
      const o = objs[i];
      if (o) o.$index = i;
    }
  }

  private setCount(n: number): void {
    this.$store(LISTMODEL.count, n);
  }

  /** Writes the properties of `obj` into row `row`; returns the names of the roles that changed. */
  private writeObject(row: number, obj: Record<string, unknown>): void {
    for (const key in obj) {
      const value = obj[key];
      // (set() says nothing of an undefined member, append() and insert() do)
      if (value === undefined)
        this.unknownFileWarn(
          `${key} is undefined. Adding an object with a undefined member does not create a role for it.`,
        );
      this.writeValue(row, key, value);
    }
  }

  /** Like writeObject, for set(): the names of the roles that changed. */
  private writeObjectChanges(row: number, obj: Record<string, unknown>): string[] {
    const changed: string[] = [];
    for (const key in obj) if (this.writeValue(row, key, obj[key])) changed.push(key);
    return changed;
  }

  /** Writes one role value of a row, creating the role or refusing a value of another type as Qt does. */
  private writeValue(row: number, name: string, value: unknown): boolean {
    let role = this.roleByName.get(name);
    if (role !== undefined && role.type === scalarTypeOf(value)) {
      // The common case: a string, number or bool for a role of that type.
      const values = role.values;
      if (row === values.length) {
        // Appending (reading past the end would be V8's slow path).
        values.push(value);
        return true;
      }
      // Qt tells of every string written, the same or not (measured: listmodel_same_string).
      if (values[row] === value && typeof value !== 'string') return false;
      values[row] = value;
      return true;
    }
    const type = typeOfValue(value);
    if (type === null) {
      if (value === null) {
        this.unknownFileWarn(
          `${name} is null. Adding an object with a null member does not create a role for it.`,
        );
      }
      if (role && role.values[row] !== undefined) {
        role.values[row] = undefined;
        return true;
      }
      return false;
    }
    if (!role) {
      role = new Role(name, type, this.rows);
      this.roles.push(role);
      this.roleByName.set(name, role);
      if (this.objects) for (const o of this.objects) o?.$addRole(name);
    } else if (role.type !== type) {
      if (this.$v[LISTMODEL.dynamicRoles] as boolean) {
        // Qt: with dynamic roles each row keeps the type of its first value; later values convert to it.
        const current = role.values[row];
        const converted = current === undefined ? value : convertTo(typeOfValue(current), value);
        if (current === converted) return false;
        role.values[row] = converted;
        return true;
      } else {
        this.unknownFileWarn(
          `Can't assign to existing role '${name}' of different type [${type} -> ${role.type}]`,
        );
        const had = role.values[row] !== undefined;
        role.values[row] = undefined;
        return had;
      }
    }
    const stored = type === 'List' && Array.isArray(value) ? this.listFromArray(value) : value;
    const old = role.values[row];
    if (old === stored) return false;
    if (old instanceof ListModel && old !== stored) old.$destroy();
    role.values[row] = stored;
    return true;
  }

  private listFromArray(values: unknown[]): ListModel {
    const m = new ListModel();
    m.$engine = this.$engine;
    m.$declaration = this.$declaration;
    m.$setOwner(this);
    const objects = values.filter(isPlainObject) as Array<Record<string, unknown>>;
    if (objects.length > 0) {
      m.grow(0, objects.length);
      for (let k = 0; k < objects.length; k++) {
        m.writeObject(k, objects[k]!);
        m.padColumns(k + 1);
      }
      m.setCount(m.rows);
    }
    return m;
  }

  /** Qt updates get() objects first, then tells the views. */
  private announceChange(row: number, roles: string[]): void {
    for (const name of roles) notifyRole(this.roleByName.get(name)!);
    this.emitChange(SIG.dataChanged, [RAW_CHANGE, row, roles], () => {
      const at = this.indexAt(row);
      const numbers = roles.map((name) => this.roles.indexOf(this.roleByName.get(name)!));
      return [at, at, numbers];
    });
  }

  /** qmlWarning(this): `file:line:col: QML ListModel: message`. */
  private qmlWarn(message: string): void {
    qmlWarning(this, message, 'ListModel');
  }

  /** Messages Qt prints through qmlWarning(nullptr): no location. */
  private unknownFileWarn(message: string): void {
    this.$engine?.sink.warn(`<Unknown File>: ${message}`);
  }

  override $teardown(): void {
    for (const l of [...this.views.keys()]) this.removeModelListener(l);
  }
}

function convertTo(type: RoleType | null, v: unknown): unknown {
  switch (type) {
    case 'Number':
      return Number(v);
    case 'String':
      return String(v);
    case 'Bool':
      return Boolean(v);
    default:
      return v;
  }
}

function notifyRole(r: Role): void {
  if (r.source.head !== null) notifyObservers(r.source, undefined);
}

function toIndex(v: unknown): number {
  const n = Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof QObject);
}

const ROWS_PARAMS = [{ name: 'parent' }, { name: 'first' }, { name: 'last' }];
const MOVE_PARAMS = [
  { name: 'sourceParent' },
  { name: 'sourceStart' },
  { name: 'sourceEnd' },
  { name: 'destinationParent' },
  { name: 'destinationRow' },
];

/**
 * A QModelIndex as QML code sees one (Qt's QQmlModelIndexValueType): a row
 * and column of a model; a ListModel's have no parent, and invalid ones
 * have row and column -1.
 */
export class ModelIndex {
  constructor(
    readonly row: number,
    readonly column: number,
    readonly model: ListModel | null,
  ) {
    // A value: QML code cannot change it (writes are ignored, as in Qt).
    Object.freeze(this);
  }
  get valid(): boolean {
    return this.model !== null && this.row >= 0 && this.column >= 0;
  }
  get parent(): ModelIndex {
    return INVALID_INDEX;
  }
  get internalId(): number {
    return 0;
  }
  toString(): string {
    return `QModelIndex(${this.row},${this.column},0x0,${this.model === null ? 'QObject(0x0)' : String(this.model)})`;
  }
}
const INVALID_INDEX = new ModelIndex(-1, -1, null);

/** The first argument of a dataChanged emitted to views alone: [RAW_CHANGE, row, role names]. */
const RAW_CHANGE = Symbol('raw change');

/**
 * A view on a model, connected to one of the signals views hear. It reads
 * the change from Qt's arguments (`parent, first, last` for rows;
 * `parent, start, end, destination, row` for a move; `topLeft, bottomRight,
 * roles` for data).
 */
class ViewConnection extends Observer {
  /** Disconnected: a delivery already under way passes it over. */
  dead = false;
  constructor(
    private readonly model: ListModel,
    private readonly listener: ModelListener,
    private readonly sig: number,
  ) {
    super();
    this.late = true;
  }

  /** Rows first..last were inserted or removed (what this connection hears). */
  tellRows(first: number, last: number): void {
    if (this.dead) return;
    if (this.sig === SIG.rowsInserted) this.listener.rowsInserted(first, last - first + 1);
    else if (this.sig === SIG.rowsRemoved) this.listener.rowsRemoved(first, last - first + 1);
  }

  notify(args: unknown[] | undefined): void {
    if (this.dead) return;
    const a = args!;
    switch (this.sig) {
      case SIG.rowsInserted:
      case SIG.rowsRemoved:
        this.tellRows(a[1] as number, a[2] as number);
        break;
      case SIG.rowsMoved: {
        const from = a[1] as number;
        const n = (a[2] as number) - from + 1;
        const row = a[4] as number;
        this.listener.rowsMoved(from, row > from ? row - n : row, n);
        break;
      }
      default:
        if (a[0] === RAW_CHANGE) this.listener.dataChanged(a[1] as number, 1, a[2] as string[]);
        else
          this.listener.dataChanged((a[0] as ModelIndex).row, 1, this.model.$roleNamesOf(a[2] as number[]));
    }
  }
}

export const ListModelMeta: MetaObject = defineType(ListModel, QtObjectMeta, {
  name: 'ListModel',
  cppClass: 'QQmlListModel',
  properties: {
    count: { type: 'int', readonly: true },
    dynamicRoles: { type: 'bool' },
  },
  // QAbstractItemModel's, as QML sees a ListModel's
  signals: {
    dataChanged: { params: [{ name: 'topLeft' }, { name: 'bottomRight' }, { name: 'roles' }] },
    rowsAboutToBeInserted: { params: ROWS_PARAMS },
    rowsInserted: { params: ROWS_PARAMS },
    rowsAboutToBeRemoved: { params: ROWS_PARAMS },
    rowsRemoved: { params: ROWS_PARAMS },
    rowsAboutToBeMoved: { params: MOVE_PARAMS },
    rowsMoved: { params: MOVE_PARAMS },
    modelAboutToBeReset: {},
    modelReset: {},
    layoutAboutToBeChanged: {},
    layoutChanged: {},
  },
  methods: [
    'append',
    'insert',
    'remove',
    'move',
    'set',
    'setProperty',
    'get',
    'clear',
    'sync',
    'rowCount',
    'columnCount',
    'index',
    'hasIndex',
    'hasChildren',
    'parent',
    'data',
    'setData',
  ],
  customParser: listModelParser(),
});

const LISTMODEL = {
  count: ListModelMeta.index('count'),
  dynamicRoles: ListModelMeta.index('dynamicRoles'),
};

const signal = (name: string) => ListModelMeta.signalsByName.get(name)!.index;
const SIG = {
  dataChanged: signal('dataChanged'),
  rowsAboutToBeInserted: signal('rowsAboutToBeInserted'),
  rowsInserted: signal('rowsInserted'),
  rowsAboutToBeRemoved: signal('rowsAboutToBeRemoved'),
  rowsRemoved: signal('rowsRemoved'),
  rowsAboutToBeMoved: signal('rowsAboutToBeMoved'),
  rowsMoved: signal('rowsMoved'),
};
/** The signals a view hears. */
const VIEW_SIGNALS = [SIG.rowsInserted, SIG.rowsRemoved, SIG.rowsMoved, SIG.dataChanged];

/** ListElement: only meaningful inside a ListModel, whose parser reads it. */
export class ListElement extends QObject {}
export const ListElementMeta: MetaObject = defineType(ListElement, QtObjectMeta, {
  name: 'ListElement',
  cppClass: 'QQmlListElement',
});

/**
 * Qt's QQmlListModelParser: ListElement role values must be constants
 * (strings, numbers, booleans, enum values, qsTr("...")) or nested lists of
 * ListElements. Roles come in reverse declaration order, as Qt's compiler
 * hands the bindings to the parser.
 */
function listModelParser(): CustomParser {
  const parseElement = (def: ast.ObjectDefinition, ctx: CustomParserContext): StaticRow => {
    const row: StaticRow = [];
    const bindings = def.members.slice().reverse();
    for (const m of bindings) {
      if (m.kind === 'ObjectDefinition')
        throw ctx.error(m.typeSpan, 'ListElement: cannot contain nested elements');
      if (m.kind !== 'Binding' || m.name.length !== 1)
        throw ctx.error(m, 'ListElement: cannot use script for property value');
      const name = m.name[0]!;
      if (name === 'id') throw ctx.error(m.nameSpan, 'ListElement: cannot use reserved "id" property');
      const v = m.value;
      if (v.kind === 'ObjectDefinition' || v.kind === 'ObjectList') {
        const defs = v.kind === 'ObjectDefinition' ? [v] : v.objects;
        const rows = defs.map((d) => {
          if (d.typeName !== 'ListElement')
            throw ctx.error(d.typeSpan, 'ListElement: cannot contain nested elements');
          return parseElement(d, ctx);
        });
        row.push({ name, value: { rows } });
        continue;
      }
      const stmt = v.statement;
      // Qt (QQmlListModelParser, definesEmptyList): `[]` is an empty list of elements.
      if (
        stmt.type === 'ExpressionStatement' &&
        stmt.expression.type === 'ArrayExpression' &&
        stmt.expression.elements.length === 0
      ) {
        row.push({ name, value: { rows: [] } });
        continue;
      }
      const value = stmt.type === 'ExpressionStatement' ? constantOf(stmt.expression, ctx) : NOT_CONSTANT;
      if (value === NOT_CONSTANT) throw ctx.error(m, 'ListElement: cannot use script for property value');
      row.push({ name, value: value as StaticValue });
    }
    return row;
  };
  return {
    childTypes: new Set(['ListElement']),
    compile(children, ctx) {
      return children.map((c) => parseElement(c, ctx));
    },
  };
}

const NOT_CONSTANT = Symbol('not constant');
const TRANSLATE = new Set(['qsTr', 'qsTrId', 'QT_TR_NOOP', 'QT_TRID_NOOP']);

function constantOf(e: Expression, ctx: CustomParserContext): unknown {
  switch (e.type) {
    case 'Literal':
      if (typeof e.value === 'string' || typeof e.value === 'number' || typeof e.value === 'boolean')
        return e.value;
      return NOT_CONSTANT;
    case 'TemplateLiteral':
      return e.expressions.length === 0 ? e.quasis[0]!.value.cooked : NOT_CONSTANT;
    case 'UnaryExpression':
      if ((e.operator === '-' || e.operator === '+') && e.argument.type === 'Literal') {
        const n = e.argument.value;
        if (typeof n === 'number') return e.operator === '-' ? -n : n;
      }
      return NOT_CONSTANT;
    case 'MemberExpression':
      if (!e.computed && e.object.type === 'Identifier' && e.property.type === 'Identifier') {
        const v = ctx.enumValue(e.object.name, e.property.name);
        if (v !== undefined) return v;
      }
      return NOT_CONSTANT;
    case 'CallExpression': {
      // Qt: translation functions are allowed; the element keeps the source string.
      const callee = e.callee;
      const arg = e.arguments[0];
      if (callee.type === 'Identifier' && TRANSLATE.has(callee.name) && arg?.type === 'Literal') {
        if (typeof arg.value === 'string') return arg.value;
      }
      if (callee.type === 'Identifier' && callee.name === 'QT_TRANSLATE_NOOP') {
        const text = e.arguments[1];
        if (text?.type === 'Literal' && typeof text.value === 'string') return text.value;
      }
      return NOT_CONSTANT;
    }
    default:
      return NOT_CONSTANT;
  }
}

/**
 * ListModel's fixed-arity methods (move, get, set, setProperty) are C++
 * methods in Qt: called with fewer arguments, the engine throws before
 * calling them.
 */
function insist(args: unknown[], n: number): void {
  if (args.length < n) throw new Error('Insufficient arguments');
}
