// QObject and its meta-object: typed properties with change signals,
// signals with handlers, methods, enums, attached objects. Every QML object,
// built-in (Item, Rectangle, WebSocket, ...) or declared in a .qml file, is
// a QObject whose class has one accessor per property on its prototype, so
// compiled JavaScript reads `obj.width` at native speed while the read is
// tracked for bindings.
import type { ObjectDefinition, Span } from '../qml/ast';
import { removeItem } from './arrays';
import { AssignError, setObjectClassName } from './assign-error';
import { BindingMarker, PropertyBinding } from './binding';
import type { ForIn } from './codegen';
import type { EngineServices, QmlContext, SourceLocation } from './context';
import { arrayListSource, listElements, listReference, sequenceReference } from './listreference';
import { QmlDate } from './qmldate';
import {
  connectFirst,
  connect as connectObserver,
  currentObserver,
  disconnect as disconnectObserver,
  Link,
  notifyObservers,
  Observer,
  Source,
  setCurrentObserver,
  untracked,
} from './reactive';
import {
  type Coercer,
  coercerFor,
  equalsFor,
  qtTypeName,
  registerCppClassName,
  sequenceCoercer,
  sequenceElement,
} from './types';
import { VALUE_TYPE_NAMES, ValueType } from './valuetypes';

/** What a property change hook receives: the object and the value before the change. */
export type ChangeHook = (obj: QObject, old: unknown) => void;

export interface PropertySpec {
  type: string;
  default?: unknown;
  readonly?: boolean;
  /** Called after the value changed, before bindings and handlers hear of it. */
  changed?: ChangeHook;
  /** A grouped property (`anchors`, `border`, `font`): the group object is created on first use. */
  group?: GroupSpec;
  /**
   * Qt 6 "bindable" property (QQuickItem x, y, width, height): its bindings
   * are enabled after the other bindings of a component, in creation order.
   */
  bindable?: boolean;
  /**
   * Takes over storing the (already coerced) value: for properties whose
   * stored value is not simply what was written (Item's `visible` reads back
   * the effective visibility; `width` remembers it was set explicitly).
   */
  write?: (obj: QObject, value: unknown) => void;
  /** Qt's RESET: what assigning undefined (or a failing binding) does instead of an error. */
  reset?: (obj: QObject) => void;
  /**
   * What JavaScript assigning undefined writes instead (a value type's field
   * takes its type's default: `font.family = undefined` is ""); a binding
   * that gives undefined is still an error.
   */
  assignUndefined?: unknown;
  /** For list properties: how an element is added (Item's `data` reparents it). */
  append?: (obj: QObject, value: unknown) => void;
  /** The objects declared in it are made when the owner asks (Qt's DeferredPropertyNames: a Transition's animations). */
  deferred?: boolean;
  /** No change signal (constant for the object's lifetime). */
  constant?: boolean;
  /** Name of an existing signal to use as the change signal instead of `<name>Changed`. */
  notify?: string;
  /** Converts written values instead of the type's usual conversion (a value type's int rounds). */
  coerce?: Coercer;
  /** When a written value is no change, instead of the type's usual comparison. */
  equals?: (a: unknown, b: unknown) => boolean;
  /** A list of values (`list<string>`): the element type; it reads as a sequence (sequenceReference). */
  sequenceOf?: string;
  /** A list of objects: the type its elements must have (Item's `transform` takes Transforms). */
  listOf?: () => MetaObject;
}

export interface GroupSpec {
  meta: () => MetaObject;
  create: (owner: QObject) => QObject;
}

export interface SignalSpec {
  params?: Array<{ name: string; type?: string }>;
}

/**
 * Compiles the child declarations a type handles itself instead of
 * creating them as objects (ListModel's ListElements), like Qt's
 * QQmlCustomParser. The result reaches the object through `$customData`.
 */
export interface CustomParser {
  /** Type names of the children it takes (`ListElement`). */
  readonly childTypes: ReadonlySet<string>;
  compile(children: ObjectDefinition[], ctx: CustomParserContext): unknown;
}

export interface CustomParserContext {
  /** An error at `span` of the file being compiled (to throw). */
  error(span: Span, message: string): Error;
  /** The value of `Type.Name` when it names an enum value (`Text.AlignLeft`). */
  enumValue(typeName: string, name: string): number | undefined;
}

export interface TypeSpec {
  name: string;
  /** Qt's C++ class name, used in messages and geometry dumps (`QQuickRectangle`). */
  cppClass?: string;
  properties?: Record<string, PropertySpec>;
  signals?: Record<string, SignalSpec>;
  /** Names of the methods (defined on the class) that QML code may call. */
  methods?: string[];
  enums?: Record<string, number>;
  defaultProperty?: string;
  /** The type of the attached object (`Component.onCompleted`, `ListView.view`, `Keys.onPressed`). */
  attachedType?: () => MetaObject;
  /** Inherited properties the type declares again, read-only (QQuickImplicitSizeItem's implicit size). */
  readonlyProperties?: string[];
  /**
   * Creatable in QML (`Rectangle {}`); false for uncreatable types such as
   * `Keys`, or the reason Qt gives when one is declared ("Keys is only
   * available via attached properties").
   */
  creatable?: boolean | string;
  customParser?: CustomParser;
  /**
   * PropertyChanges: bindings to names that are not the type's own
   * properties are changes of another object's properties, kept for the
   * state that applies them (CompiledObject.stateChanges). A list names
   * the only properties it changes (ParentChange's `x`, AnchorChanges'
   * `anchors`); others are errors as usual.
   */
  stateChanges?: boolean | readonly string[];
  /**
   * Code the type loads on first use (a chunk of its own in the page): the
   * promise to wait for before a file naming the type is compiled, or
   * undefined once it is loaded.
   */
  preload?: () => Promise<unknown> | undefined;
}

/** One property holding an object (PropertyInfo.guarded); `live` until the property lets go of it. */
interface Guard {
  readonly owner: QObject;
  readonly idx: number;
  live: boolean;
}

export class PropertyInfo {
  readonly coerce: Coercer;
  readonly equals: (a: unknown, b: unknown) => boolean;
  constructor(
    readonly name: string,
    readonly index: number,
    readonly type: string,
    readonly readonly: boolean,
    readonly changed: ChangeHook | undefined,
    readonly group: GroupSpec | undefined,
    /** Signal index of the change signal, or -1. */
    readonly notify: number,
    readonly owner: MetaObject,
    readonly bindable: boolean,
    readonly append: ((obj: QObject, value: unknown) => void) | undefined,
    readonly write: ((obj: QObject, value: unknown) => void) | undefined,
    readonly reset: ((obj: QObject) => void) | undefined,
  ) {
    this.coerce = coercerFor(type);
    this.equals = equalsFor(type);
    this.valueType = VALUE_TYPE_NAMES.has(type);
  }
  /** A value type (color, point, ...): reads hand out the value bound to this property (see valuetypes.ts). */
  readonly valueType: boolean;
  /**
   * A QML-declared object or var property: an object it holds is guarded,
   * so that the property reads null (and announces it) once that object is
   * destroyed, as Qt's QQmlGuard does.
   */
  guarded = false;
  /** A list of values: the element type (PropertySpec.sequenceOf). */
  sequenceOf: string | undefined = undefined;
  /** A list of objects: the elements' type (PropertySpec.listOf). */
  listOf: (() => MetaObject) | undefined = undefined;
  /** What assigning undefined from JavaScript writes instead (PropertySpec.assignUndefined). */
  assignUndefined: unknown = undefined;
  /** PropertySpec.deferred. */
  deferred = false;
}

export class SignalInfo {
  constructor(
    readonly name: string,
    readonly index: number,
    readonly params: Array<{ name: string; type?: string }>,
    /** The property whose change this signal announces, if any. */
    readonly property: PropertyInfo | undefined,
  ) {}
}

/** Type information shared by all objects of one QML type. */
export class MetaObject {
  readonly props: PropertyInfo[];
  readonly propsByName: Map<string, PropertyInfo>;
  readonly signals: SignalInfo[];
  readonly signalsByName: Map<string, SignalInfo>;
  readonly methods: Set<string>;
  readonly enums: Record<string, number>;
  /** The enums declared in QML (`enum Color { ... }`), by name, with their values. */
  readonly enumTypeNames: Map<string, Record<string, number>>;
  readonly template: unknown[];
  defaultProperty: string | undefined;
  attachedType: (() => MetaObject) | undefined;
  creatable: boolean;
  /** Why the type is not creatable, in Qt's words ("Element is not creatable." when it gives none). */
  readonly uncreatableReason: string;
  customParser: CustomParser | undefined;
  readonly stateChanges: boolean | readonly string[];
  readonly preload: (() => Promise<unknown> | undefined) | undefined;
  /** Set for types whose QML file or declaration added members: the base type they extend. */
  readonly isDerived: boolean;
  /** For derived types: the index of this declaration level in an object's `$ctx` (0 for the first). */
  readonly declDepth: number;
  /** The value QML code sees for the type name (`Text` in `Text.AlignLeft`): enums plus `$meta`. */
  private typeRefCache: Record<string, unknown> | undefined;
  private groupIndexCache: number[] | undefined;

  /** Indexes of the grouped properties (anchors, border, font): destroying an object destroys their objects. */
  get groupIndexes(): readonly number[] {
    let g = this.groupIndexCache;
    if (g === undefined) {
      g = [];
      for (const p of this.props) if (p.group !== undefined) g.push(p.index);
      this.groupIndexCache = g;
    }
    return g;
  }

  constructor(
    readonly name: string,
    readonly cppClass: string,
    readonly base: MetaObject | null,
    readonly ctor: QObjectClass,
    spec: TypeSpec,
    isDerived = false,
  ) {
    this.isDerived = isDerived;
    this.declDepth = isDerived ? (base?.isDerived ? base.declDepth + 1 : 0) : -1;
    this.props = base ? base.props.slice() : [];
    this.propsByName = new Map(base ? base.propsByName : []);
    for (const name of spec.readonlyProperties ?? []) {
      const info = this.propsByName.get(name)!;
      const copy = Object.assign(Object.create(PropertyInfo.prototype) as PropertyInfo, info, {
        readonly: true,
      });
      this.props[info.index] = copy;
      this.propsByName.set(name, copy);
    }
    this.signals = base ? base.signals.slice() : [];
    this.signalsByName = new Map(base ? base.signalsByName : []);
    this.methods = new Set(base ? base.methods : []);
    this.enums = { ...(base ? base.enums : {}), ...(spec.enums ?? {}) };
    this.enumTypeNames = new Map(base ? base.enumTypeNames : []);
    this.template = base ? base.template.slice() : [];
    this.defaultProperty = spec.defaultProperty ?? base?.defaultProperty;
    this.attachedType = spec.attachedType ?? base?.attachedType;
    this.creatable = spec.creatable === undefined || spec.creatable === true;
    this.uncreatableReason =
      typeof spec.creatable === 'string' ? spec.creatable : 'Element is not creatable.';
    this.customParser = spec.customParser ?? base?.customParser;
    this.stateChanges = spec.stateChanges ?? base?.stateChanges ?? false;
    this.preload = spec.preload ?? base?.preload;
    if (base && !Object.prototype.isPrototypeOf.call(base.ctor.prototype, ctor.prototype)) {
      // The class does not extend the base type's class (Item extends QObject, its
      // meta-object QtObject's): give its prototype the base type's accessors too.
      for (const p of base.props) installProperty(ctor.prototype, p);
      for (const sig of base.signals) installSignal(ctor.prototype, sig.name, sig.index);
    }
    for (const m of spec.methods ?? []) this.methods.add(m);
    // Signals that properties name as their `notify` (MouseArea's mouseXChanged(mouse)) come first.
    const signals = Object.entries(spec.signals ?? {});
    const notifies = new Set(Object.values(spec.properties ?? {}).map((p) => p.notify));
    for (const [name, s] of signals) if (notifies.has(name)) this.addSignal(name, s.params ?? []);
    for (const [name, p] of Object.entries(spec.properties ?? {})) this.addProperty(name, p);
    for (const [name, s] of signals) if (!notifies.has(name)) this.addSignal(name, s.params ?? []);
  }

  addSignal(
    name: string,
    params: Array<{ name: string; type?: string }>,
    property?: PropertyInfo,
  ): SignalInfo {
    const info = new SignalInfo(name, this.signals.length, params, property);
    this.signals.push(info);
    this.signalsByName.set(name, info);
    // A property and a signal of the same name (MouseArea's `pressed`): reading gives the property.
    if (!this.propsByName.has(name)) installSignal(this.ctor.prototype, name, info.index);
    return info;
  }

  addProperty(name: string, p: PropertySpec): PropertyInfo {
    this.groupIndexCache = undefined;
    const index = this.props.length;
    let notify = -1;
    if (p.notify !== undefined) notify = this.signalsByName.get(p.notify)!.index;
    else if (!p.constant) notify = this.signals.length;
    const info = new PropertyInfo(
      name,
      index,
      p.type,
      p.readonly ?? false,
      p.changed,
      p.group,
      notify,
      this,
      p.bindable ?? false,
      p.append,
      p.write,
      p.reset,
    );
    if (p.coerce !== undefined) (info as { coerce: Coercer }).coerce = p.coerce;
    if (p.equals !== undefined) (info as { equals: (a: unknown, b: unknown) => boolean }).equals = p.equals;
    info.sequenceOf = p.sequenceOf;
    const sequence = p.sequenceOf === undefined ? undefined : sequenceCoercer(p.sequenceOf);
    if (sequence !== undefined) (info as { coerce: Coercer }).coerce = sequence;
    if (p.assignUndefined !== undefined) info.assignUndefined = p.assignUndefined;
    if (p.deferred) info.deferred = true;
    info.listOf = p.listOf;
    this.props.push(info);
    this.propsByName.set(name, info);
    if (!p.constant && p.notify === undefined) this.addSignal(`${name}Changed`, [], info);
    this.template.push(p.group ? null : p.default !== undefined ? p.default : info.coerce.initial);
    installProperty(this.ctor.prototype, info);
    return info;
  }

  /**
   * The signal an `on<Signal>` handler names: a signal of that name, else,
   * for `on<Property>Changed`, the property's change signal when Qt names it
   * otherwise (Text's `onElideChanged` handles elideModeChanged).
   */
  signalForHandler(signalName: string): SignalInfo | undefined {
    const s = this.signalsByName.get(signalName);
    if (s !== undefined || !signalName.endsWith('Changed')) return s;
    const p = this.propsByName.get(signalName.slice(0, -7));
    return p !== undefined && p.notify >= 0 ? this.signals[p.notify] : undefined;
  }

  /** True if QML code can name `name` on objects of this type (property, signal or method). */
  hasMember(name: string): boolean {
    return this.propsByName.has(name) || this.signalsByName.has(name) || this.methods.has(name);
  }

  inherits(other: MetaObject): boolean {
    for (let m: MetaObject | null = this; m !== null; m = m.base) if (m === other) return true;
    return false;
  }

  /** The nearest type that is not a derived (QML-declared) one. */
  get builtin(): MetaObject {
    let m: MetaObject = this;
    while (m.isDerived && m.base) m = m.base;
    return m;
  }

  get typeRef(): Record<string, unknown> {
    if (this.typeRefCache === undefined) {
      const ref: Record<string, unknown> = { ...this.enums };
      Object.defineProperty(ref, '$meta', { value: this, enumerable: false });
      const attached = this.attachedType?.();
      Object.defineProperty(ref, '$attached', { value: attached, enumerable: false });
      // `obj.Keys`: the attached object of any object (undefined for non-QObjects)
      Object.defineProperty(ref, '$attachedOf', {
        value: (o: unknown) => (attached && o instanceof QObject ? o.$attachedObject(attached) : undefined),
        enumerable: false,
      });
      Object.defineProperty(ref, 'toString', { value: () => this.name, enumerable: false });
      // `x instanceof Rectangle`: an object of this type or of one derived from it.
      Object.defineProperty(ref, Symbol.hasInstance, {
        value: (v: unknown) => v instanceof QObject && v.$meta.inherits(this),
        enumerable: false,
      });
      // V4 gives the enum's own name (`Shades.Color`) as a TypeError object, not
      // thrown, through which its values read (`Shades.Color.Red`).
      for (const [name, values] of this.enumTypeNames)
        Object.defineProperty(ref, name, {
          get: () => Object.assign(new TypeError('Type error'), values),
          enumerable: false,
        });
      this.typeRefCache = ref;
    }
    return this.typeRefCache;
  }

  /** Index of a property, for internal writes: `obj.$write(Meta.index('width'), v)`. */
  index(name: string): number {
    const p = this.propsByName.get(name);
    if (!p) throw new Error(`${this.name} has no property ${name}`);
    return p.index;
  }
}

/** The proxies of value-type properties with bindings on their fields (valuegroups.ts), by object and property. */
export const valueGroups = new WeakMap<QObject, Map<number, QObject>>();

/**
 * Removes the bindings on the fields of a value-type property (`p.x: ...`):
 * all of them, or, given the value before a field was written, those of
 * the fields that differ.
 */
export function dropFieldBindings(obj: QObject, idx: number, before?: unknown, after?: unknown): void {
  const g = valueGroups.get(obj)?.get(idx);
  if (g === undefined) return;
  for (let b = g.$bindings; b !== null; ) {
    const next = b.nextBinding;
    const field = g.$meta.props[b.index]!.name;
    const old = before as Record<string, unknown> | undefined;
    if (old === undefined || old[field] !== (after as Record<string, unknown>)[field])
      g.$setBinding(b.index, undefined);
    b = next;
  }
}

export type QObjectClass = (abstract new (...args: never[]) => QObject) & { meta?: MetaObject };

/** A class method named like a property or signal would be silently replaced by its accessor. */
function checkClash(proto: object, name: string): void {
  const d = Object.getOwnPropertyDescriptor(proto, name);
  if (d && typeof d.value === 'function')
    throw new Error(`${name}: a method of the same name already exists`);
}

function installProperty(proto: object, info: PropertyInfo): void {
  checkClash(proto, info.name);
  const idx = info.index;
  const notify = info.notify;
  if (info.group) {
    const make = info.group.create;
    Object.defineProperty(proto, info.name, {
      configurable: true,
      get(this: QObject) {
        // A binding that reads the whole group (`font: other.font`) depends on it.
        const o = currentObserver;
        if (o !== null && notify >= 0) o.track(this.$source(notify));
        let g = this.$v[idx];
        if (g === null) {
          g = make(this);
          this.$v[idx] = g;
        }
        return g;
      },
      set(this: QObject, v: unknown) {
        // `anchors`, `border`, ... are CONSTANT pointers in Qt.
        if (info.readonly) throw new TypeError(`Cannot assign to read-only property "${info.name}"`);
        // A font takes a font (Qt.font(), another item's font), not a number or a string.
        if (info.type === 'font' && (typeof v !== 'object' || v === null))
          throw new AssignError(qtTypeName(v), 'QFont').toScriptError();
        // Assigning a whole value to a group (`font: other.font`) copies its properties.
        const g = (this as unknown as Record<string, unknown>)[info.name] as QObject;
        g.$copyFrom(v);
      },
    });
    return;
  }
  if (info.type === 'list' && info.sequenceOf !== undefined) {
    // (an element written alone converts without the whole array's warnings)
    const element = sequenceElement(info.sequenceOf);
    const convert: (v: unknown, obj: QObject) => unknown = element
      ? (v) => element(v, () => {})
      : coercerFor(info.sequenceOf);
    defineTracked(proto, info, false, (obj) => {
      let values = obj.$v[idx] as unknown[] | null;
      if (values === null) {
        values = [];
        obj.$v[idx] = values;
      }
      return sequenceReference(
        values,
        () => obj.$emit(notify, undefined),
        (v) => convert(v, obj),
      );
    });
    return;
  }
  if (info.type === 'list') {
    defineTracked(proto, info, false, (obj) =>
      listReference(
        arrayListSource(
          () => obj.$v[idx] as unknown[] | null,
          (values) => obj.$write(idx, values),
          (v) => obj.$appendList(idx, v),
        ),
      ),
    );
    return;
  }
  if (info.valueType) {
    defineTracked(proto, info, true, (obj) => ownValue(obj, idx));
    return;
  }
  if (info.type === 'date') {
    // A date reads as a new copy each time (Qt hands out a QDateTime by value).
    defineTracked(proto, info, true, (obj) => new QmlDate((obj.$v[idx] as Date).getTime()));
    return;
  }
  // (a value that can carry code, an object's toString or valueOf, makes the read depend on more than this property)
  const plain = PLAIN_TYPES.has(info.type);
  Object.defineProperty(proto, info.name, {
    configurable: true,
    get:
      notify < 0
        ? function (this: QObject) {
            return this.$v[idx];
          }
        : function (this: QObject) {
            // Qt: reading a property whose binding is not enabled yet (the
            // object is still being created) evaluates that binding first.
            if (this.$pending) this.$flushPending(idx);
            const o = currentObserver;
            if (o !== null) {
              if (plain) o.trackPlain(this.$source(notify));
              else o.track(this.$source(notify));
            }
            return this.$v[idx];
          },
    set(this: QObject, v: unknown) {
      this.$assign(idx, v);
    },
  });
}

/** The types whose values run no code of their own when converted (see Observer.trackPlain). */
const PLAIN_TYPES: ReadonlySet<string> = new Set([
  'int',
  'enumeration',
  'real',
  'double',
  'number',
  'bool',
  'string',
  'url',
]);

/**
 * A property whose read is tracked, flushes a pending binding, and hands
 * out what `read` makes of the value; `plain`: a value that runs no code.
 */
function defineTracked(
  proto: object,
  info: PropertyInfo,
  plain: boolean,
  read: (obj: QObject) => unknown,
): void {
  const idx = info.index;
  const notify = info.notify;
  Object.defineProperty(proto, info.name, {
    configurable: true,
    get(this: QObject) {
      if (this.$pending) this.$flushPending(idx);
      const o = currentObserver;
      if (o !== null && notify >= 0) {
        if (plain) o.trackPlain(this.$source(notify));
        else o.track(this.$source(notify));
      }
      return read(this);
    },
    set(this: QObject, v: unknown) {
      this.$assign(idx, v);
    },
  });
}

/**
 * The value of a value-type property as QML reads it: a value that knows it
 * came from this property (Qt's QQmlValueTypeReference), so that writing
 * one of its fields writes the property back.
 */
function ownValue(obj: QObject, idx: number): unknown {
  let v = obj.$v[idx];
  if (v instanceof ValueType) {
    const ref = v.$ref;
    if (ref === null || ref.obj !== obj || ref.index !== idx) {
      v = v.$clone();
      (v as ValueType).$ref = { obj, index: idx };
      obj.$v[idx] = v;
    }
  }
  return v;
}

function installSignal(proto: object, name: string, index: number): void {
  checkClash(proto, name);
  Object.defineProperty(proto, name, {
    configurable: true,
    get(this: QObject) {
      return this.$signal(index);
    },
  });
}

/** A handler connected to a signal. */
export interface Handler {
  fn: (...args: unknown[]) => unknown;
  thisArg: unknown;
  /** Reports an exception thrown by the handler (Qt prints it and carries on). */
  report: (error: unknown) => void;
  /** For connections made with `connect(fn)`: the function, to find it again on disconnect. */
  key?: unknown;
  /** Made by QML code's `signal.connect(fn)` (not an `on<Signal>` handler or a Connections). */
  script?: boolean;
  /** The object's own `on<Signal>:` handler (Qt's bound signal), which a state may replace. */
  bound?: boolean;
}

/** A signal of one object. Its observers are bindings and handlers, in connection order. */
export class SignalSource extends Source {}

/** A handler connected to a signal, as an observer of it. */
class HandlerObserver extends Observer {
  dead = false;
  constructor(readonly handler: Handler) {
    super();
    this.late = handler.script === true;
  }
  notify(args: unknown[] | undefined): void {
    if (!this.dead) this.run(args);
  }
  run(args: unknown[] | undefined): void {
    const h = this.handler;
    const prev = setCurrentObserver(null);
    try {
      h.fn.apply(h.thisArg, args ?? []);
    } catch (e) {
      h.report(e);
    } finally {
      setCurrentObserver(prev);
    }
  }
}

/** What QML code sees for `obj.someSignal`: call it to emit, `.connect(f)` / `.disconnect(f)`. */
export interface SignalFunction {
  (...args: unknown[]): void;
  connect(target: unknown, method?: unknown): void;
  disconnect(target: unknown, method?: unknown): void;
}

/** Property binding installed on a property (see binding.ts); kept abstract here. */
export interface InstalledBinding extends Observer {
  readonly target: QObject;
  readonly index: number;
  /** Created but not evaluated yet (its object is being created, see QObject.$pending). */
  pending: boolean;
  /** The next binding installed on the same object (QObject.$bindings is a list through this). */
  nextBinding: InstalledBinding | null;
  update(): void;
  destroy(): void;
}

export let reportUnhandled: (error: unknown, obj: QObject) => void = (error) => {
  throw error;
};

export function setUnhandledReporter(f: (error: unknown, obj: QObject) => void): void {
  reportUnhandled = f;
}

export abstract class QObject {
  static meta: MetaObject;
  declare readonly $meta: MetaObject;
  /** Property values by property index. */
  declare $v: unknown[];
  /** Signal sources by signal index, created when first observed or connected. */
  declare $src: Array<SignalSource | undefined> | null;
  /**
   * The installed bindings, at most one per property, as a list through
   * their `nextBinding` (an object has a few: no array indexed by property
   * for each object that has one).
   */
  declare $bindings: InstalledBinding | null;
  declare $sigfn: Array<SignalFunction | undefined> | null;
  /** Attached objects by attached type (`Component`, `Keys`, `ListView`). */
  declare $attached: QObject[] | null;
  /** The QObject parent (ownership): destroying it destroys this. */
  declare $owner: QObject | null;
  declare $owned: QObject[] | null;
  declare $destroyed: boolean;
  /** Per-declaration-level data the engine attaches (contexts of the files that declared members). */
  declare $ctx: unknown[] | null;
  /** Some of the bindings are created but not evaluated yet (only while the object is being created). */
  declare $pending: boolean;
  /** Set for the root of the file the engine runs (see nameAsMainRoot). */
  declare $naming: TypeNaming | null;
  /** Where the object was declared (for Qt's `file:line:col: QML Type: ...` warnings). */
  declare $declaration: SourceLocation | null;
  /** The engine that created the object (null for objects made outside QML). */
  declare $engine: EngineServices | null;
  /** Interceptors by property index (a Behavior on the property): they take its writes. */
  declare $icpt: Array<((value: unknown) => void) | undefined> | null;

  constructor() {
    this.$v = this.$meta.template.slice();
    this.$src = null;
    this.$bindings = null;
    this.$sigfn = null;
    this.$attached = null;
    this.$owner = null;
    this.$owned = null;
    this.$destroyed = false;
    this.$ctx = null;
    this.$pending = false;
    this.$naming = null;
    this.$declaration = null;
    this.$engine = null;
    this.$icpt = null;
    this.$dynamic = false;
    this.$ids = null;
    this.$guards = null;
    this.$guardOf = null;
    this.$destroyScheduled = false;
  }

  /** Property `idx` of this object now holds `target`: it guards it (PropertyInfo.guarded). */
  private $guard(idx: number, target: QObject): void {
    const entry: Guard = { owner: this, idx, live: true };
    let list = target.$guards;
    if (list === null) {
      list = [];
      target.$guards = list;
    } else if (list.length >= 64 && (list.length & (list.length - 1)) === 0) {
      // (entries given up are dropped now and then: each push stays O(1) on average)
      const live = list.filter((g) => g.live);
      list.length = 0;
      list.push(...live);
    }
    list.push(entry);
    if (this.$guardOf === null) this.$guardOf = [];
    this.$guardOf[idx] = entry;
  }

  /** Property `idx` of this object no longer guards what it held. */
  private $unguard(idx: number): void {
    const entry = this.$guardOf?.[idx];
    if (entry === undefined) return;
    entry.live = false;
    this.$guardOf![idx] = undefined;
  }

  /** The source for signal `sig`, created on first use. */
  $source(sig: number): SignalSource {
    let arr = this.$src;
    if (arr === null || sig >= arr.length) arr = this.$growSources(sig);
    let s = arr[sig];
    if (s === undefined) {
      s = new SignalSource();
      if (this.$meta.signals[sig]?.property?.bindable) s.bindable = true;
      arr[sig] = s;
    }
    return s;
  }

  /**
   * Makes room for signal `sig`'s source: an array just long enough, not
   * one grown by assignment (which reserves 16 more slots and half as many
   * again as the index: 0.6 KB for an object whose last signal is watched).
   */
  private $growSources(sig: number): Array<SignalSource | undefined> {
    const old = this.$src;
    const arr = new Array<SignalSource | undefined>(sig + 1);
    if (old !== null) for (let i = 0; i < old.length; i++) arr[i] = old[i];
    this.$src = arr;
    return arr;
  }

  $flushPending(idx: number): void {
    const b = this.$binding(idx);
    if (b?.pending) b.update();
  }

  /** Reads a property without tracking. */
  $get(idx: number): unknown {
    return this.$v[idx];
  }

  /** Reads a property, tracked like a QML read. */
  $read(idx: number): unknown {
    const o = currentObserver;
    if (o !== null) {
      const n = this.$meta.props[idx]!.notify;
      if (n >= 0) o.track(this.$source(n));
    }
    return this.$v[idx];
  }

  /**
   * Writes a property as the object itself or a binding does: coerces,
   * stores, and announces the change if the value really changed. Does not
   * remove a binding. Returns true on change.
   */
  $write(idx: number, value: unknown): boolean {
    if (this.$icpt !== null) {
      const icpt = this.$icpt[idx];
      if (icpt !== undefined) {
        icpt(value);
        return true;
      }
    }
    // ($writeBypass's steps, written out: the hottest path of every binding)
    const info = this.$meta.props[idx]!;
    const v = info.coerce(value, this);
    if (info.write !== undefined) {
      info.write(this, v);
      return true;
    }
    return this.$store(idx, v);
  }

  /** $write past a property's interceptor (a Behavior's animation writing the values it animates). */
  $writeBypass(idx: number, value: unknown): boolean {
    const info = this.$meta.props[idx]!;
    const v = info.coerce(value, this);
    if (info.write !== undefined) {
      info.write(this, v);
      return true;
    }
    return this.$store(idx, v);
  }

  /** Stores an already coerced value and announces a real change (no `write` override). */
  $store(idx: number, v: unknown): boolean {
    const info = this.$meta.props[idx]!;
    const old = this.$v[idx];
    if (info.equals(old, v)) return false;
    this.$v[idx] = v;
    if (info.guarded) {
      if (old instanceof QObject) this.$unguard(idx);
      if (v instanceof QObject && !v.$destroyed) this.$guard(idx, v);
    }
    if (info.changed !== undefined) info.changed(this, old);
    if (info.notify >= 0) {
      if (info.bindable) {
        const s = this.$src?.[info.notify];
        if (s !== undefined && s.head !== null) notifyObservers(s, undefined, true);
      } else this.$emit(info.notify, undefined);
    }
    return true;
  }

  /** Announces a change of property `idx` whose value was stored already (what $store does after storing). */
  $announce(idx: number): void {
    const info = this.$meta.props[idx]!;
    if (info.notify < 0) return;
    if (info.bindable) {
      const s = this.$src?.[info.notify];
      if (s !== undefined && s.head !== null) notifyObservers(s, undefined, true);
    } else this.$emit(info.notify, undefined);
  }

  /** An imperative assignment (from JavaScript): removes the property's binding, then writes. */
  $assign(idx: number, value: unknown, before?: unknown): void {
    const info = this.$meta.props[idx]!;
    if (info.readonly) throw new TypeError(`Cannot assign to read-only property "${info.name}"`);
    const b = this.$binding(idx);
    if (b !== undefined) b.destroy();
    // (and the bindings on its fields: `p.x: ...`; writing one field, `before`, removes only that one's)
    if (info.valueType) dropFieldBindings(this, idx, before, value);
    if (value instanceof BindingMarker) {
      // `prop = Qt.binding(function () { ... })`
      const binding = new PropertyBinding(
        this,
        idx,
        value.fn,
        this,
        null,
        value.engine,
        undefined,
        info.name,
        this.$meta.name,
      );
      this.$setBinding(idx, binding);
      binding.update();
      return;
    }
    // Qt: undefined resets a resettable property (`width = undefined` is the implicit width again).
    if (value === undefined && info.reset !== undefined) {
      info.reset(this);
      return;
    }
    try {
      this.$write(
        idx,
        value === undefined && info.assignUndefined !== undefined ? info.assignUndefined : value,
      );
    } catch (e) {
      throw e instanceof AssignError ? e.toScriptError() : e;
    }
  }

  /**
   * Where a write to property `idx` lands: the property itself or, for an
   * alias, the property it stands for (following aliases of aliases).
   */
  $resolveAlias(idx: number): { obj: QObject; index: number } {
    let obj: QObject = this;
    let info = this.$meta.props[idx]!;
    for (let guard = 0; guard < 32; guard++) {
      const alias = (info as { alias?: { id: string; path: string[] } }).alias;
      if (alias === undefined || alias.path.length === 0) break;
      const ctx = obj.$ctx![info.owner.declDepth] as QmlContext;
      let target: QObject = ctx.lookupId(alias.id)!;
      for (let i = 0; i < alias.path.length - 1; i++) {
        target = (target as unknown as Record<string, QObject>)[alias.path[i]!]!;
      }
      obj = target;
      info = target.$meta.propsByName.get(alias.path[alias.path.length - 1]!)!;
    }
    return { obj, index: info.index };
  }

  /** Adds an element to a list property (`children`, `data`, a declared `list<Item>`). */
  $appendList(idx: number, value: unknown): void {
    const info = this.$meta.props[idx]!;
    if ((info as { alias?: unknown }).alias !== undefined) {
      // `default property alias content: inner.children`
      const t = this.$resolveAlias(idx);
      if (t.obj !== this) {
        t.obj.$appendList(t.index, value);
        return;
      }
    }
    if (info.append !== undefined) {
      info.append(this, value);
      return;
    }
    let list = this.$v[idx] as unknown[] | null;
    if (!Array.isArray(list)) {
      list = [];
      this.$v[idx] = list;
    }
    list.push(value);
    if (info.notify >= 0) this.$emit(info.notify, undefined);
  }

  /** Resets a resettable property (Qt's RESET); false when it has none. */
  $reset(idx: number): boolean {
    const r = this.$meta.props[idx]!.reset;
    if (r === undefined) return false;
    r(this);
    return true;
  }

  /** The binding of property `idx`, if it has one. */
  $binding(idx: number): InstalledBinding | undefined {
    for (let b = this.$bindings; b !== null; b = b.nextBinding) if (b.index === idx) return b;
    return undefined;
  }

  /** Installs (or, with undefined, removes) the binding of a property; one it replaces is destroyed. */
  $setBinding(idx: number, binding: InstalledBinding | undefined): void {
    const old = this.$binding(idx);
    if (old === binding) return;
    if (old !== undefined) {
      this.$unlinkBinding(old);
      old.destroy();
    }
    if (binding !== undefined) {
      binding.nextBinding = this.$bindings;
      this.$bindings = binding;
    }
  }

  /** Takes a binding off this object's list without destroying it. */
  $unlinkBinding(binding: InstalledBinding): void {
    let prev: InstalledBinding | null = null;
    let b = this.$bindings;
    while (b !== null && b !== binding) {
      prev = b;
      b = b.nextBinding;
    }
    if (b === null) return;
    if (prev === null) this.$bindings = binding.nextBinding;
    else prev.nextBinding = binding.nextBinding;
    binding.nextBinding = null;
  }

  /** Emits signal `sig`: its bindings and handlers run in the order they were connected. */
  $emit(sig: number, args: unknown[] | undefined): void {
    const arr = this.$src;
    if (arr === null) return;
    const s = arr[sig];
    if (s === undefined || s.head === null) return;
    notifyObservers(s, args);
  }

  /** Connects a handler; `first`: ahead of the handlers already connected. */
  $connect(sig: number, handler: Handler, first = false): void {
    const o = new HandlerObserver(handler);
    if (first) connectFirst(this.$source(sig), o);
    else connectObserver(this.$source(sig), o);
  }

  /** The object's own `on<Signal>:` handler of `sig` (Handler.bound), if it has one. */
  $boundHandler(sig: number): Handler | undefined {
    const s = this.$src?.[sig];
    for (let l = s?.head ?? null; l !== null; l = l.nextInSource) {
      const o = l.observer;
      if (o instanceof HandlerObserver && !o.dead && o.handler.bound === true) return o.handler;
    }
    return undefined;
  }

  /**
   * Emits `sig` to the functions connected with `connect()` only: what an
   * object being destroyed still reaches (its own handlers and Connections
   * belong to contexts already invalidated; measured with a WebSocket).
   */
  $emitToConnectedFunctions(sig: number, args: unknown[]): void {
    const s = this.$src?.[sig];
    const targets: HandlerObserver[] = [];
    for (let link = s?.head ?? null; link !== null; link = link.nextInSource) {
      const o = link.observer;
      if (o instanceof HandlerObserver && o.handler.script) targets.push(o);
    }
    for (const o of targets) o.run(args);
  }

  /** True when something listens to signal `sig` (QObject::isSignalConnected). */
  $isConnected(sig: number): boolean {
    const s = this.$src?.[sig];
    return s !== undefined && s.head !== null;
  }

  /** Disconnects every connection of `key` (Qt: one disconnect removes a function connected twice). */
  $disconnect(sig: number, key: unknown): boolean {
    const s = this.$src?.[sig];
    if (!s) return false;
    let found = false;
    for (let link = s.head; link !== null; ) {
      const next = link.nextInSource;
      const o = link.observer;
      if (o instanceof HandlerObserver && o.handler.key === key) {
        o.dead = true;
        disconnectObserver(link);
        found = true;
      }
      link = next;
    }
    return found;
  }

  /** The callable signal object (`obj.clicked`, `obj.widthChanged`). */
  $signal(index: number): SignalFunction {
    let arr = this.$sigfn;
    if (arr === null) arr = this.$sigfn = [];
    let f = arr[index];
    if (f === undefined) {
      f = makeSignalFunction(this, index);
      arr[index] = f;
    }
    return f;
  }

  /**
   * The attached object of type `meta` for this object (the object behind
   * `Component.onCompleted`, `Keys.onPressed`, `ListView.view`), created on
   * first use. `created` is told when it is new.
   */
  $attachedObject(meta: MetaObject, created?: (a: QObject) => void): QObject {
    let a = this.$findAttached(meta);
    if (a === undefined) {
      a = new (meta.ctor as unknown as new () => QObject)();
      a.$engine = this.$engine;
      // (a list, not a Map: an object has one or two attached objects)
      if (this.$attached === null) this.$attached = [a];
      else this.$attached.push(a);
      a.$attachTo(this);
      created?.(a);
    }
    return a;
  }

  /** The attached object of type `meta`, if it was made. */
  $findAttached(meta: MetaObject): QObject | undefined {
    const list = this.$attached;
    if (list !== null) for (const a of list) if (a.$meta === meta) return a;
    return undefined;
  }

  /** For attached types: called once with the object this one is attached to. */
  $attachTo(_owner: QObject): void {}

  /** For attached types: the object this one is attached to is being destroyed. */
  $ownerDestroyed(): void {}

  /** Assigning a whole value to a group property copies matching properties. */
  $copyFrom(v: unknown): void {
    if (v === null || typeof v !== 'object') return;
    const src = v as Record<string, unknown>;
    for (const p of this.$meta.props) {
      if (p.name in src && !p.readonly && src[p.name] !== undefined) this.$assign(p.index, src[p.name]);
    }
  }

  $setOwner(owner: QObject | null): void {
    if (this.$owner === owner) return;
    if (this.$owner?.$owned) removeItem(this.$owner.$owned, this);
    this.$owner = owner;
    if (owner) {
      owner.$owned ??= [];
      owner.$owned.push(this);
    }
  }

  /** Destroys the object and everything it owns: bindings stop, handlers are dropped. */
  /**
   * Destroys the object and everything it owns. Children go first, in
   * creation order, then the object's Component.onDestruction handlers run
   * (measured with Qt 6.4 on quit: a1, a2, a, b, root). `silent`: without
   * running them (Qt does not, for objects declared in a file that are
   * destroyed with destroy()).
   */
  $destroy(silent = false, nested = false): void {
    if (this.$destroyed) return;
    if (!nested) {
      // Qt runs every Component.onDestruction of the tree first, its bindings
      // still live; then it clears the tree's contexts, so no binding runs
      // again (a delegate's `parent.parent.width` must not see its view
      // leave); then it takes the tree apart.
      this.$announceDestruction(silent);
      this.$stopBindings();
    }
    this.$destroyed = true;
    // Qt runs no handlers and evaluates no bindings of an object being deleted: its
    // context is cleared once Component.onDestruction has run (leaving the item tree
    // changes `parent`, which must not reach onParentChanged or `parent.x` bindings;
    // its children leaving must not reach its onChildrenChanged).
    this.$killOwnHandlers(this);
    // (and its handlers of its attached objects' signals: `StackLayout.onIndexChanged`)
    if (this.$attached) for (const a of this.$attached) a.$killOwnHandlers(this);
    const owned = this.$owned;
    if (owned) {
      this.$owned = null;
      // (an object createObject made runs its onDestruction with its owner, measured)
      for (const o of owned) o.$destroy(silent && !o.$dynamic, true);
    }
    if (this.$attached && !silent) for (const a of this.$attached) a.$ownerDestroyed();
    this.$dropBindings();
    // Grouped property objects (anchors, border, font) hold bindings of this object too,
    // and so do the proxies of value-type properties (`p.x: ...`).
    for (const i of this.$meta.groupIndexes) {
      const g = this.$v[i] as QObject | null;
      if (g !== null && g !== undefined && !g.$destroyed) g.$destroy(true);
    }
    const proxies = valueGroups.get(this);
    if (proxies !== undefined) {
      valueGroups.delete(this);
      for (const g of proxies.values()) g.$destroy(true);
    }
    this.$teardown();
    if (this.$ids) for (const [ctx, id] of this.$ids) if (ctx.ownId(id) === this) ctx.setId(id, null);
    // The properties that hold this object read null, the last to take it first (Qt's guard list).
    const guards = this.$guards;
    if (guards !== null) {
      this.$guards = null;
      for (let i = guards.length - 1; i >= 0; i--) {
        const g = guards[i]!;
        if (g.live && !g.owner.$destroyed && g.owner.$v[g.idx] === this) g.owner.$store(g.idx, null);
      }
    }
    const held = this.$guardOf;
    if (held !== null) {
      this.$guardOf = null;
      for (const g of held) if (g) g.live = false;
    }
    if (this.$owner?.$owned) removeItem(this.$owner.$owned, this);
    this.$owner = null;
    if (this.$attached) for (const a of this.$attached) a.$destroy();
    this.$src = null;
  }

  /** Stops the handlers of this object's signals that `owner`'s QML code declared. */
  private $killOwnHandlers(owner: QObject): void {
    const sources = this.$src;
    if (sources)
      for (const src of sources) {
        for (let link = src?.head ?? null; link !== null; link = link.nextInSource) {
          const o = link.observer;
          if (o instanceof HandlerObserver && o.handler.thisArg === owner) o.dead = true;
        }
      }
  }

  /** Runs the Component.onDestruction handlers of everything this object owns, then its own. */
  $announceDestruction(silent: boolean): void {
    if (this.$owned) for (const o of this.$owned) o.$announceDestruction(silent && !o.$dynamic);
    if (this.$attached && !silent) for (const a of this.$attached) a.$destruction();
  }

  /** For attached types: the object this one is attached to is about to be destroyed (Component.onDestruction). */
  $destruction(): void {}

  /** Destroys this object's own bindings. */
  private $dropBindings(): void {
    let b = this.$bindings;
    this.$bindings = null;
    while (b !== null) {
      const next = b.nextBinding;
      b.nextBinding = null;
      b.destroy();
      b = next;
    }
  }

  /** Destroys the bindings of this object and of everything it owns (before they are destroyed). */
  $stopBindings(): void {
    this.$dropBindings();
    // (and the bindings its groups hold: `anchors.left`, `font.pixelSize`, `p.x`)
    for (const i of this.$meta.groupIndexes) (this.$v[i] as QObject | null)?.$stopBindings();
    const proxies = valueGroups.get(this);
    if (proxies) for (const g of proxies.values()) g.$stopBindings();
    if (this.$owned) for (const o of this.$owned) o.$stopBindings();
  }

  /** Subclass hook run in {@link $destroy} (disconnect sockets, leave the item tree, ...). */
  $teardown(): void {}

  /** Set for objects made by Component.createObject (their onDestruction runs when destroy()ed). */
  declare $dynamic: boolean;
  /** The contexts and ids this object is known by (they read null once it is destroyed). */
  declare $ids: Array<[QmlContext, string]> | null;
  /** The properties holding this object, in the order they took it (see PropertyInfo.guarded). */
  declare $guards: Guard[] | null;
  /** This object's guarded properties' entries, by property index. */
  declare private $guardOf: Array<Guard | undefined> | null;
  declare private $destroyScheduled: boolean;

  /** QML's `destroy(delay)`: deletes the object at the next turn of the event loop (QObject::deleteLater). */
  destroy(delay?: unknown): void {
    if (indestructible.has(this)) throw new Error('Invalid attempt to destroy() an indestructible object');
    if (this.$destroyed || this.$destroyScheduled) return;
    this.$destroyScheduled = true;
    const run = () => this.$destroy(!this.$dynamic);
    const ms = typeof delay === 'number' && delay > 0 ? delay : 0;
    if (this.$engine) this.$engine.setTimer(run, ms);
    else run();
  }

  /**
   * JSON.stringify(obj): its properties in declaration order, objects they
   * hold as objects, and Qt's error for a cycle (an item's parent lists it
   * among its children). Everything below it is converted here (objects,
   * lists, plain objects), so a cycle through them is seen.
   */
  toJSON(): unknown {
    if (jsonStack.includes(this)) throw new TypeError('Cannot convert circular structure to JSON');
    jsonStack.push(this);
    try {
      const out: Record<string, unknown> = {};
      for (const p of this.$meta.props)
        out[p.name] = jsonValue((this as unknown as Record<string, unknown>)[p.name]);
      return out;
    } finally {
      jsonStack.pop();
    }
  }

  /** Whether `name` is one of the object's properties or methods, as QObjectWrapper answers. */
  hasOwnProperty(name: unknown): boolean {
    return qmlKeys(this).includes(String(name));
  }

  /** Qt-style name for messages and print(): `QQuickRectangle(0x...)`, `ChatView_QMLTYPE_0(0x...)`. */
  toString(): string {
    // Qt: a destroyed object's reference still exists but cannot be converted.
    if (this.$destroyed) throw new TypeError('Type error');
    const name = objectClassName(this);
    // (a binding that converts an object to a string does not depend on its name, in Qt)
    const objectName = untracked(() => (this as unknown as { objectName?: string }).objectName);
    return `${name}(0x${objectAddress(this)}${objectName ? `, "${objectName}"` : ''})`;
  }
}

const keysOfType = new WeakMap<MetaObject, string[]>();

/**
 * The names QML code enumerates on an object (`for (k in obj)`,
 * `Object.keys(obj)`), as QObjectWrapper lists them: every property, then
 * the signals and methods, the base type's first; a type's change signals
 * before its other signals. `destroy` is the wrapper's, not the type's.
 */
export function qmlKeys(o: QObject): readonly string[] {
  const meta = o.$meta;
  let keys = keysOfType.get(meta);
  if (keys === undefined) {
    const levels: MetaObject[] = [];
    for (let m: MetaObject | null = meta; m !== null; m = m.base) levels.unshift(m);
    const names = new Set(meta.props.map((p) => p.name));
    let from = 0;
    let methodsBefore: ReadonlySet<string> = new Set(['destroy']);
    for (const m of levels) {
      const own = m.signals.slice(from);
      for (const s of own) if (s.property !== undefined) names.add(s.name);
      for (const s of own) if (s.property === undefined) names.add(s.name);
      for (const name of m.methods) if (!methodsBefore.has(name)) names.add(name);
      from = m.signals.length;
      methodsBefore = new Set([...m.methods, 'destroy']);
    }
    keys = [...names];
    keysOfType.set(meta, keys);
  }
  return keys;
}

const forInTargets = new WeakMap<MetaObject, object>();
const memberOf = (o: QObject, k: string): unknown => (o as unknown as Record<string, unknown>)[k];

/** `for (k in v)`, Object.keys(v), Object.values(v)... in QML code: QML objects list their qmlKeys. */
export const QML_FOR_IN: ForIn = {
  f(v) {
    if (!(v instanceof QObject)) return v;
    let t = forInTargets.get(v.$meta);
    if (t === undefined) {
      t = Object.create(null) as object;
      for (const k of qmlKeys(v)) (t as Record<string, boolean>)[k] = true;
      forInTargets.set(v.$meta, t);
    }
    return t;
  },
  keys: (v) => (v instanceof QObject ? qmlKeys(v).slice() : Object.keys(v as object)),
  getOwnPropertyNames: (v) => (v instanceof QObject ? qmlKeys(v).slice() : Object.getOwnPropertyNames(v)),
  values: (v) => (v instanceof QObject ? qmlKeys(v).map((k) => memberOf(v, k)) : Object.values(v as object)),
  entries: (v) =>
    v instanceof QObject ? qmlKeys(v).map((k) => [k, memberOf(v, k)]) : Object.entries(v as object),
};

/** The objects JSON.stringify is inside (QObject.toJSON). */
const jsonStack: object[] = [];

/** A property's value for JSON: objects, lists and plain objects holding them converted now (see QObject.toJSON). */
function jsonValue(v: unknown): unknown {
  if (v instanceof QObject) return v.toJSON();
  if (typeof v !== 'object' || v === null) return v;
  const list = Array.isArray(v) ? v : listElements(v);
  const proto = Object.getPrototypeOf(v);
  if (list === undefined && proto !== Object.prototype && proto !== null) return v;
  if (jsonStack.includes(v)) throw new TypeError('Cannot convert circular structure to JSON');
  jsonStack.push(v);
  try {
    if (list !== undefined) return list.map(jsonValue);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = jsonValue(x);
    return out;
  } finally {
    jsonStack.pop();
  }
}

/**
 * The root of the file the engine runs gets a type of its own only when it
 * declares members, and that type is anonymous (`QQuickItem_QML_0`, named
 * "Item" in messages), not the file's (`Main_QMLTYPE_0`).
 */
export interface TypeNaming {
  name: string;
  cppClass: string;
  number: number;
}

/** The QML type name of an object, as Qt's messages and dumps show it (`Rectangle`, `ChatView`). */
export function qmlTypeName(o: QObject): string {
  return o.$naming?.name ?? o.$meta.name;
}

/**
 * Prints a warning the way qmlWarning(object) does: `file:line:col: QML
 * Type: message`, at the object's declaration (`type`: the name Qt uses,
 * the object's QML type by default).
 */
export function qmlWarning(o: QObject, message: string, type: string = qmlTypeName(o)): void {
  const d = o.$declaration;
  const where = d ? `${d.url}:${d.line}:${d.column}: ` : '';
  o.$engine?.sink.warn(`${where}QML ${type}: ${message}`);
}

/** Qt's class name without its number (`QQuickRectangle`, `ChatView_QMLTYPE`, `QQuickRow_QML`). */
export function cppClassName(o: QObject): string {
  return o.$naming?.cppClass ?? o.$meta.cppClass;
}

/** Qt's class name: built-in types give their C++ class, QML-declared ones `Name_QMLTYPE_0`, `QQuickRow_QML_1`. */
export function objectClassName(o: QObject): string {
  if (o.$naming) return `${o.$naming.cppClass}_${o.$naming.number}`;
  return qtClassName(o.$meta);
}

/** The class name Qt gives a type: the C++ class, or `Name_QMLTYPE_0` / `QQuickItem_QML_1` for QML-declared ones. */
export function qtClassName(m: MetaObject): string {
  if (!m.isDerived || unnumberedTypes.has(m)) return m.cppClass;
  return `${m.cppClass}_${typeNumbers.get(m) ?? 0}`;
}

setObjectClassName((o) => (o instanceof QObject ? qtClassName(o.$meta) : 'QObject*'));

/**
 * The signal an `on<Signal>` handler name stands for (QQmlSignalNames): after
 * `on` and any underscores, an upper-case letter, made lower-case
 * (`on_PrivateChanged` is `_privateChanged`); undefined for other names.
 */
export function handlerSignalName(name: string): string | undefined {
  const m = /^on(_*)([A-Z].*)$/.exec(name);
  return m === null ? undefined : m[1]! + m[2]![0]!.toLowerCase() + m[2]!.slice(1);
}

/** Objects QML code may not destroy(): the root of the file the runtime loads (Qt: QQmlData::indestructible). */
const indestructible = new WeakSet<QObject>();
export function markIndestructible(o: QObject): void {
  indestructible.add(o);
}

/** Types Qt names without their number: inline components (`Inline(0x...)`; measured with Qt 6.4.2). */
const unnumberedTypes = new WeakSet<MetaObject>();
export function nameWithoutNumber(m: MetaObject): void {
  unnumberedTypes.add(m);
}

// Qt numbers the types it makes for QML declarations as it compiles them,
// with one counter for file types (`Foo_QMLTYPE_0`) and the others
// (`QQuickItem_QML_1`, `Foo_QMLTYPE_0_QML_2`) (QQmlPropertyCacheCreator's
// classIndexCounter; measured: Foo_QMLTYPE_0, Bar_QMLTYPE_1, then the main
// file's QQuickItem_QML_2).
const typeNumbers = new WeakMap<MetaObject, number>();
/** Per engine (Qt numbers per process): the next number for a type made by a QML declaration. */
export interface TypeCounters {
  next: number;
}
const sharedCounters: TypeCounters = { next: 0 };

let nextAddress = 0x5555_5555_0000;
const addresses = new WeakMap<object, string>();
function objectAddress(o: object): string {
  let a = addresses.get(o);
  if (a === undefined) {
    nextAddress += 0x40;
    a = nextAddress.toString(16);
    addresses.set(o, a);
  }
  return a;
}

/**
 * A signal argument converted to its declared type the way Qt converts a
 * JavaScript value to the C++ parameter: no errors, a default value when the
 * value does not convert (measured: two(undefined) gives "" and 0).
 */
function convertArgument(type: string | undefined, v: unknown): unknown {
  switch (type) {
    case 'string':
      return v === undefined || v === null ? '' : String(v);
    case 'int': {
      const n = typeof v === 'number' ? v : Number(v);
      return Number.isFinite(n) ? Math.trunc(n) | 0 : 0;
    }
    case 'real':
    case 'double': {
      const n = typeof v === 'number' ? v : Number(v);
      return Number.isNaN(n) && typeof v !== 'number' ? 0 : n;
    }
    case 'bool':
      return Boolean(v);
    case undefined:
    case 'var':
    case 'variant':
      return v;
    default:
      // Value types convert as a property of that type would (`color c` given "red" is #ff0000).
      try {
        return coercerFor(type)(v, null);
      } catch {
        return v;
      }
  }
}

function makeSignalFunction(obj: QObject, index: number): SignalFunction {
  const info = obj.$meta.signals[index]!;
  const params = info.params;
  const typed = params.some((p) => p.type !== undefined && p.type !== 'var' && p.type !== 'variant');
  const f = ((...args: unknown[]) => {
    if (params.length > 0 || args.length > 0) {
      // Qt checks the count when a signal is called from JavaScript.
      if (args.length < params.length) throw new Error('Insufficient arguments');
      if (args.length > params.length) {
        const where = new Error().stack ?? '';
        const m = /((?:file|https?|qrc|blob|data|memory):[^\s()]*?\.qml):(\d+):\d+/.exec(where);
        const sink = obj.$engine?.sink;
        if (sink && m) sink.warn(`@${m[1]}:${Number(m[2]) - 2}`);
        sink?.warn(`Too many arguments, ignoring ${args.length - params.length}`);
        args = args.slice(0, params.length);
      }
      if (typed) args = args.map((a, i) => convertArgument(params[i]!.type, a));
    }
    obj.$emit(index, args);
  }) as SignalFunction;
  // Qt prints a signal as an anonymous function (`function() { [native code] }`).
  Object.defineProperty(f, 'name', { value: '' });
  f.connect = (target: unknown, method?: unknown) => {
    // connect(function), connect(otherSignal), connect(object, function);
    // Qt calls a function connected alone with the global object as `this`.
    let fn: unknown = target;
    let thisArg: unknown = globalThis;
    if (method !== undefined) {
      fn = method;
      thisArg = target;
    }
    if (typeof fn !== 'function') throw new Error('Function.prototype.connect: target is not a function');
    obj.$connect(index, {
      fn: fn as (...args: unknown[]) => unknown,
      thisArg,
      key: fn,
      script: true,
      report: (e) => (obj.$engine ? obj.$engine.reportError(e, undefined) : reportUnhandled(e, obj)),
    });
  };
  f.disconnect = (target: unknown, method?: unknown) => {
    const fn = method !== undefined ? method : target;
    obj.$disconnect(index, fn);
  };
  return f;
}

/**
 * Defines a QML type backed by a TypeScript class. The class gets one
 * accessor per property and per signal on its prototype.
 */
export function defineType<C extends QObjectClass>(
  ctor: C,
  base: MetaObject | null,
  spec: TypeSpec,
): MetaObject {
  const meta = new MetaObject(spec.name, spec.cppClass ?? spec.name, base, ctor, spec);
  registerCppClassName(meta.name, meta.cppClass);
  Object.defineProperty(ctor.prototype, '$meta', { value: meta, configurable: true, writable: true });
  Object.defineProperty(ctor, 'meta', { value: meta, configurable: true, writable: true });
  return meta;
}

/**
 * Creates the type of an object whose QML declaration adds properties,
 * signals or methods to its base type: a JS subclass of the base class.
 */
export function deriveType(
  base: MetaObject,
  name: string,
  cppClass: string,
  counters: TypeCounters = sharedCounters,
): MetaObject {
  const BaseCtor = base.ctor as unknown as new () => QObject;
  const Derived = class extends BaseCtor {};
  const meta = new MetaObject(
    name,
    cppClass,
    base,
    Derived as unknown as QObjectClass,
    {
      name,
      ...(base.defaultProperty !== undefined ? { defaultProperty: base.defaultProperty } : {}),
    },
    true,
  );
  Object.defineProperty(Derived.prototype, '$meta', { value: meta, configurable: true, writable: true });
  typeNumbers.set(meta, counters.next++);
  return meta;
}

export { Link };
