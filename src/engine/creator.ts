// Instantiates compiled units, in the order real Qt does (QQmlObjectCreator):
//
// - Objects are created depth-first. For each object (and for each level of
//   it: a `ChatView {}` is first built as ChatView.qml's root, then gets the
//   members written where it is used): constants are assigned, bindings are
//   created in reverse declaration order, then the child objects are created,
//   then signal handlers are connected and attached objects made.
// - Finalization: ordinary bindings are evaluated last-created first (a
//   stack), then bindings on Qt 6 bindable properties (x, y, width, height)
//   in creation order; then componentComplete hooks (a stack); then
//   Component.onCompleted handlers, last attached first. Measured with real
//   Qt 6.4: for `Item { A { A1 {} } B {} }` the completion order is
//   Item, B, A, A1.

import { formatLocation, QmlError } from '../qml/error';
import { DEPTH_EXCEEDED } from '../qml/parser';
import { type BindingFunction, PropertyBinding } from './binding';
import { generate, levelsFor, type QmlGlobals, type Runtime, shapeFor } from './codegen';
import type {
  CompiledBinding,
  CompiledConstant,
  CompiledObject,
  FunctionSpec,
  PropertyTarget,
  Target,
  TypeResolver,
  Unit,
  ValueSource,
} from './compiler';
import { type EngineServices, type GeneratedFunction, QmlContext, type SourceLocation } from './context';
import { setCurrentExpression } from './globals';
import {
  dropFieldBindings,
  type MetaObject,
  QObject,
  qmlTypeName,
  type SignalInfo,
  type TypeCounters,
} from './qobject';
import { valueGroupOf } from './valuegroups';

/** The QML `Component` type, as far as the creator needs it (see qtqml.ts). */
export interface ComponentObject extends QObject {
  $initComponent(unit: Unit, context: QmlContext): void;
}

export interface CreatorHost extends EngineServices {
  readonly typeCounters: TypeCounters;
  deferredBindingErrors: string[] | null;
  readonly componentMeta: MetaObject;
  readonly componentAttachedMeta: MetaObject;
  readonly rootContext: QmlContext;
  readonly globals: QmlGlobals;
  readonly runtime: Runtime;
  resolverFor(unit: Unit): TypeResolver;
}

const deferredWork = new WeakMap<QObject, Array<() => void>>();

/** Makes the objects declared in `obj`'s deferred properties, once (qmlExecuteDeferred). */
export function executeDeferred(obj: QObject): void {
  const work = deferredWork.get(obj);
  if (work === undefined) return;
  deferredWork.delete(obj);
  for (const f of work) f();
}

/** The type of a property that holds an expression to run later (QQmlScriptString). */
export const SCRIPT_STRING = 'QQmlScriptString';

/** Work collected while creating a tree, done once it is all there. */
export class Creation {
  /** Made by Component.createObject (and the like), not declared in a file. */
  dynamic = false;
  readonly bindings: PropertyBinding[] = [];
  readonly bindableBindings: PropertyBinding[] = [];
  readonly statusCallbacks: QObject[] = [];
  readonly completion: QObject[] = [];
  readonly afterObjects: Array<() => void> = [];
  /** Objects told once all are complete, before Component.onCompleted (Qt's finalize callbacks). */
  finalizers: QObject[] | null = null;
  /** Required properties no one has given a value yet (checked once the objects are complete). */
  readonly required: Array<{ obj: QObject; name: string; location: SourceLocation }> = [];
}

/**
 * Required properties left without a value: Qt finds them when the creation
 * is complete (after Component.onCompleted) and the creation fails.
 */
export class RequiredPropertyError extends QmlError {
  constructor(missing: Array<{ name: string; location: SourceLocation }>) {
    const first = missing[0]!;
    const text = (m: { name: string; location: SourceLocation }) =>
      formatLocation(
        m.location.url,
        m.location.line,
        m.location.column,
        `Required property ${m.name} was not initialized`,
      );
    super(
      first.location.url,
      first.location.line,
      first.location.column,
      `Required property ${first.name} was not initialized`,
    );
    this.message = missing.map(text).join('\n');
    this.stage = 'create';
  }
}

/** Objects of a type with a custom parser (ListModel): given what it compiled. */
interface CustomDataReceiver {
  $customData?(data: unknown): void;
}

/** A property a PropertyChanges changes (CompiledObject.stateChanges): a value, or an expression of the context. */
export interface StateChange {
  objectId: string | null;
  name: string;
  value?: unknown;
  fn?: BindingFunction;
  undefinedLiteral?: boolean;
  /** `onFoo: ...`: makes the handler, for the changed object and its signal. */
  makeHandler?: (scope: QObject, signal: SignalInfo) => (...args: unknown[]) => unknown;
  location: SourceLocation;
}

/** PropertyChanges: given the changes it makes, and its context. */
interface StateChangesReceiver {
  $setStateChanges?(changes: StateChange[], ctx: QmlContext): void;
}

/** Connections: given its `onFoo:` handlers, made into functions once the target's signal is known. */
interface ImplicitHandlerHost {
  $addImplicitHandler(
    handlerName: string,
    make: (signal: SignalInfo) => (...args: unknown[]) => unknown,
  ): void;
}

/** Objects that create things in the context they were declared in (Loader). */
interface ContextReceiver {
  $setCreationContext?(ctx: QmlContext): void;
}

/** Objects with Qt's QQmlParserStatus behaviour: told when their creation is complete. */
interface ParserStatus {
  $classBegin?(): void;
  $componentComplete?(): void;
  $componentFinalized?(): void;
}

export class Creator {
  constructor(private readonly host: CreatorHost) {}

  /**
   * Creates an instance of `unit` in a new context under `parent` (with an
   * optional context object level in between, such as a delegate's model
   * data), and finalizes it. `beforeFinalize` can set initial properties.
   */
  create(
    unit: Unit,
    parent: QmlContext,
    options: {
      owner?: QObject | null;
      beforeFinalize?: (root: QObject) => void;
      dynamic?: boolean;
      /** Properties of the root given values before its bindings run (they count as set when required). */
      initialProperties?: Iterable<string>;
    } = {},
  ): QObject {
    const creation = new Creation();
    creation.dynamic = options.dynamic ?? false;
    const root = this.createUnit(unit, parent, creation, options.owner ?? null);
    options.beforeFinalize?.(root);
    this.finalize(creation);
    if (creation.required.length > 0) {
      const given = new Set(options.initialProperties ?? []);
      const missing = creation.required.filter((r) => !(r.obj === root && given.has(r.name)));
      if (missing.length > 0) {
        root.$destroy(true);
        throw new RequiredPropertyError(missing);
      }
    }
    return root;
  }

  /** Creates the objects of `unit` without finalizing. */
  createUnit(unit: Unit, parent: QmlContext, creation: Creation, owner: QObject | null): QObject {
    const ctx = new QmlContext(unit.file.url, parent, null, this.host, unit.idNames);
    ctx.fns = this.functionsFor(unit, ctx);
    const root = this.createObject(unit.root, ctx, creation, owner);
    ctx.rootObject = root;
    return root;
  }

  /** The unit's generated functions for the shape of `ctx`, generated on first use. */
  private functionsFor(unit: Unit, ctx: QmlContext): GeneratedFunction[] {
    const key = shapeFor(unit, unit.root.meta, ctx.parent);
    let fns = unit.generated.get(key);
    if (fns === undefined) {
      const levels = levelsFor(unit, unit.root.meta, ctx.parent);
      fns = generate(unit, levels, this.host.resolverFor(unit), this.host.globals, this.host.runtime);
      unit.generated.set(key, fns);
    }
    return fns;
  }

  finalize(creation: Creation): void {
    const host = this.host;
    const outermost = host.deferredBindingErrors === null;
    if (outermost) host.deferredBindingErrors = [];
    try {
      this.finalizeObjects(creation);
    } finally {
      if (outermost) {
        const errors = host.deferredBindingErrors ?? [];
        host.deferredBindingErrors = null;
        for (let i = errors.length - 1; i >= 0; i--) host.sink.warn(errors[i]!);
      }
    }
  }

  private finalizeObjects(creation: Creation): void {
    for (const f of creation.afterObjects) f();
    const bindings = creation.bindings;
    const all = bindings.concat(creation.bindableBindings);
    while (bindings.length > 0) {
      const b = bindings.pop()!;
      if (b.pending) b.update();
    }
    for (const b of creation.bindableBindings) b.update();
    for (const b of all) b.target.$pending = false;
    const status = creation.statusCallbacks;
    while (status.length > 0) (status.pop() as ParserStatus).$componentComplete?.();
    if (creation.finalizers !== null)
      for (const o of creation.finalizers) (o as ParserStatus).$componentFinalized!();
    const completion = creation.completion;
    const completed = this.host.componentAttachedMeta.signalsByName.get('completed')!.index;
    for (let i = completion.length - 1; i >= 0; i--) completion[i]!.$emit(completed, undefined);
  }

  /** Objects of a deferred property: made, with their bindings and completion, when `obj` asks (executeDeferred). */
  private defer(obj: QObject, creation: Creation, assign: (creation: Creation) => void): void {
    let work = deferredWork.get(obj);
    if (work === undefined) {
      work = [];
      deferredWork.set(obj, work);
    }
    const dynamic = creation.dynamic;
    work.push(() => {
      const later = new Creation();
      later.dynamic = dynamic;
      assign(later);
      this.finalize(later);
    });
  }

  /** Creates one object (a main file's root has the type its compilation gave it, see CompiledFile.isMain). */
  createObject(c: CompiledObject, ctx: QmlContext, creation: Creation, owner: QObject | null): QObject {
    try {
      return this.createObjectAt(c, ctx, creation, owner);
    } catch (e) {
      // Objects nested deeper than the stack allows (inside components
      // created from deep call chains): Qt's depth error at the innermost
      // declaration that could still be reported.
      if (e instanceof RangeError && /call stack/i.test(e.message)) {
        const { url, line, column } = c.location;
        throw new QmlError(url, line, column, DEPTH_EXCEEDED);
      }
      throw e;
    }
  }

  private createObjectAt(
    c: CompiledObject,
    ctx: QmlContext,
    creation: Creation,
    owner: QObject | null,
  ): QObject {
    if (c.component !== undefined) {
      const comp = new (this.host.componentMeta.ctor as unknown as new () => ComponentObject)();
      comp.$engine = this.host;
      comp.$initComponent(c.component, ctx);
      comp.$declaration = c.location;
      comp.$setOwner(owner);
      if (ctx.contextObject === null) ctx.setContextObject(comp);
      if (c.id !== undefined) ctx.setId(c.id, comp);
      return comp;
    }
    const obj = new (c.meta.ctor as unknown as new () => QObject)();
    obj.$engine = this.host;
    obj.$declaration = c.location;
    if (c.customData !== undefined) (obj as CustomDataReceiver).$customData?.(c.customData);
    (obj as ContextReceiver).$setCreationContext?.(ctx);
    if (ctx.contextObject === null) ctx.setContextObject(obj);
    obj.$setOwner(owner);
    const status = obj as ParserStatus;
    if (status.$componentComplete !== undefined) {
      status.$classBegin?.();
      creation.statusCallbacks.push(obj);
      if (status.$componentFinalized !== undefined) {
        creation.finalizers ??= [];
        creation.finalizers.push(obj);
      }
    }
    if (c.typeUnit !== undefined) this.populateType([c], c.typeUnit, obj, ctx, creation);
    for (const r of c.required) creation.required.push({ obj, name: r.name, location: r.location });
    this.populate(c, obj, ctx, creation);
    return obj;
  }

  /**
   * A type from a .qml file (or an inline component) used by `c`: its root
   * is built first, in a context of its own, after the type that root is of
   * in turn (A.qml whose root is `B {}`, B.qml whose root is `C {}`...).
   */
  private populateType(
    users: CompiledObject[],
    typeUnit: Unit,
    obj: QObject,
    ctx: QmlContext,
    creation: Creation,
  ): void {
    // Qt: the component file's context is a child of the context it is
    // created in, so the user's ids are visible inside it.
    const inner = new QmlContext(typeUnit.file.url, ctx, obj, this.host, typeUnit.idNames);
    inner.rootObject = obj;
    inner.fns = this.functionsFor(typeUnit, inner);
    const root = typeUnit.root;
    if (root.typeUnit !== undefined) this.populateType([...users, root], root.typeUnit, obj, inner, creation);
    this.populate(root, obj, inner, creation);
    // The file's required properties must get a value where the type is used (at any level above).
    for (const r of root.required)
      if (!users.some((u) => u.assigned.has(r.name)))
        creation.required.push({ obj, name: r.name, location: r.location });
  }

  /** One literal value of `c` written (QQmlObjectCreator::setPropertyValue). */
  private applyConstant(c: CompiledObject, obj: QObject, k: CompiledConstant, creation: Creation): void {
    const target = this.propertyTarget(obj, k.target, creation);
    const index = this.targetIndex;
    // (a whole value replaces a base type's bindings on its fields)
    if (k.target.prop.valueType) dropFieldBindings(target, index);
    // A value given where a type is used replaces the type's own binding
    // of the property (`MyText { text: "x" }` over the file's `text: name`).
    if (c.typeUnit !== undefined && target.$bindings !== null) target.$setBinding(index, undefined);
    try {
      target.$write(index, k.value);
    } catch (e) {
      this.host.reportError(e, k.location);
    }
  }

  /** One binding of an object set up; ordinary ones run once the creation is complete. */
  private applyBinding(
    obj: QObject,
    ctx: QmlContext,
    b: CompiledBinding,
    typeName: string,
    creation: Creation,
  ): void {
    const target = this.propertyTarget(obj, b.target, creation);
    const index = this.targetIndex;
    if (b.target.prop.type === SCRIPT_STRING) {
      // (a script property keeps its expression, run when the object says: ScriptAction's `script`)
      const fn = ctx.fns[b.fn] as BindingFunction;
      target.$write(index, () => fn.call(obj, obj, ctx));
      return;
    }
    const binding = new PropertyBinding(
      target,
      index,
      ctx.fns[b.fn] as BindingFunction,
      obj,
      ctx,
      this.host,
      b.location,
      b.name,
      typeName,
    );
    target.$setBinding(index, binding);
    if (b.target.prop.valueType) dropFieldBindings(target, index);
    if (b.target.prop.bindable) creation.bindableBindings.push(binding);
    else {
      // Qt evaluates an ordinary binding early when something reads its property first.
      binding.pending = true;
      target.$pending = true;
      creation.bindings.push(binding);
    }
  }

  private targetObject(obj: QObject, t: Target, creation: Creation): QObject {
    if (t.via === 'self') return obj;
    if (t.via === 'group') {
      const group = (obj as unknown as Record<string, QObject | null>)[t.group!];
      if (group == null && t.groupLocation !== undefined) {
        // Qt: `p.x: 3` where the object property `p` holds no object.
        const { url, line, column } = t.groupLocation;
        const e = new QmlError(url, line, column, `Cannot set properties on ${t.group} as it is null`);
        e.stage = 'create';
        throw e;
      }
      return group!;
    }
    if (t.via === 'value') {
      const owner =
        t.attached !== undefined
          ? obj.$attachedObject(t.attached)
          : t.outer === undefined
            ? obj
            : (obj as unknown as Record<string, QObject>)[t.outer]!;
      return valueGroupOf(owner, t.group!, t.meta);
    }
    return obj.$attachedObject(t.attached!, (a) => {
      if (a.$meta === this.host.componentAttachedMeta) creation.completion.push(a);
    });
  }

  /** The object a `name: value` writes to, through aliases (its property index in targetIndex). */
  private propertyTarget(obj: QObject, t: PropertyTarget, creation: Creation): QObject {
    const target = this.targetObject(obj, t, creation);
    if ((t.prop as { alias?: unknown }).alias !== undefined) {
      const r = target.$resolveAlias(t.prop.index);
      this.targetIndex = r.index;
      return r.obj;
    }
    this.targetIndex = t.prop.index;
    return target;
  }
  /** The property index propertyTarget found (read at once: no object per declaration). */
  private targetIndex = 0;

  /** Applies one declaration level of `c` to `obj`. */
  private populate(c: CompiledObject, obj: QObject, ctx: QmlContext, creation: Creation): void {
    if (c.ownsMeta) {
      // (an array as long as the object's deepest level: assigning past the end of [] reserves 17 slots)
      obj.$ctx ??= new Array(Math.max(obj.$meta.declDepth, c.meta.declDepth) + 1);
      obj.$ctx[c.meta.declDepth] = ctx;
    } else if (c === c.unit.root && obj.$ctx === null) {
      // A main file's root without members of its own: its context is still
      // the one tools look up (the file's ids).
      obj.$ctx = [ctx];
    }
    if (c.id !== undefined) {
      ctx.setId(c.id, obj);
      obj.$ids ??= [];
      obj.$ids.push([ctx, c.id]);
    }
    if (creation.dynamic) obj.$dynamic = true;

    // Qt writes the fields given to a value type (`font.pixelSize: 13`, `p.x:
    // 3`) back as one value once the handlers are connected: they hear it.
    const written = c.handlers.length > 0 ? valueGroupsWritten(c, obj) : null;

    // Values for an alias the object declares itself wait until its objects
    // (children, property values) exist: the alias's target is one of them.
    let lateConstants: CompiledConstant[] | null = null;
    let lateBindings: CompiledBinding[] | null = null;

    // Qt assigns literal values in reverse declaration order, like bindings
    // (`cursorPosition: 2; text: "Hello"` leaves the cursor at 2).
    for (let i = c.constants.length - 1; i >= 0; i--) {
      const k = c.constants[i]!;
      if (!c.ownsMeta || !ownAlias(c, k.target)) this.applyConstant(c, obj, k, creation);
      else if (lateConstants === null) lateConstants = [k];
      else lateConstants.push(k);
    }

    const typeName = qmlTypeName(obj);
    for (let i = c.bindings.length - 1; i >= 0; i--) {
      const b = c.bindings[i]!;
      if (!c.ownsMeta || !ownAlias(c, b.target)) this.applyBinding(obj, ctx, b, typeName, creation);
      else if (lateBindings === null) lateBindings = [b];
      else lateBindings.push(b);
    }

    if (c.stateChanges.length > 0)
      (obj as StateChangesReceiver).$setStateChanges?.(
        c.stateChanges.map((k) => ({
          objectId: k.objectId,
          name: k.name,
          value: k.value,
          fn: k.fn !== undefined && k.handler === undefined ? (ctx.fns[k.fn] as BindingFunction) : undefined,
          undefinedLiteral: k.undefinedLiteral,
          makeHandler:
            k.handler !== undefined
              ? lateHandler(
                  ctx.fns[k.fn!] as LateHandlerCode,
                  c.unit.functions[k.fn!]!,
                  ctx,
                  { functionForm: k.handler.functionForm, handlerName: k.name, location: k.location },
                  this.host,
                )
              : undefined,
          location: k.location,
        })),
        ctx,
      );

    for (const v of c.objectValues) {
      const target = this.targetObject(obj, v.target, creation);
      const prop = v.target.prop;
      const assign = (creation: Creation) => {
        const values = v.objects.map((o) => this.createObject(o, ctx, creation, obj));
        try {
          if (prop.type === 'list') for (const value of values) target.$appendList(prop.index, value);
          else target.$write(prop.index, values[0]);
        } catch (e) {
          this.host.reportError(e, v.location);
        }
      };
      if (prop.deferred && target === obj) this.defer(obj, creation, assign);
      else assign(creation);
    }

    if (c.children.length > 0) {
      const dp = c.defaultProperty;
      const prop = dp !== undefined ? obj.$meta.propsByName.get(dp) : undefined;
      const assign = (creation: Creation) => {
        for (const child of c.children) {
          const o = this.createObject(child, ctx, creation, obj);
          if (prop?.type === 'list') obj.$appendList(prop.index, o);
          else if (prop) obj.$write(prop.index, o);
        }
      };
      if (prop?.deferred) this.defer(obj, creation, assign);
      else assign(creation);
    }

    if (lateConstants !== null) for (const k of lateConstants) this.applyConstant(c, obj, k, creation);
    if (lateBindings !== null)
      for (const b of lateBindings) this.applyBinding(obj, ctx, b, typeName, creation);

    for (const vs of c.valueSources) {
      const o = this.createObject(vs.object, ctx, creation, obj);
      (o as unknown as ValueSource).$setValueSource(obj, vs.property);
    }

    for (const h of c.handlers) {
      const target = this.targetObject(obj, h.target, creation);
      const fn = ctx.fns[h.fn] as (...args: unknown[]) => unknown;
      const engine = this.host;
      // Exceptions in handlers are reported with the line that threw (Qt prints no column).
      const location = { ...h.location, column: 0 };
      const report = (e: unknown) => engine.reportError(engine.qtError(e, obj, ctx), location);
      if (h.functionForm) {
        let handler: unknown;
        try {
          handler = fn.call(obj, obj, ctx);
        } catch (e) {
          report(e);
        }
        if (typeof handler === 'function') {
          target.$connect(h.signal.index, {
            fn: handler as (...a: unknown[]) => unknown,
            thisArg: obj,
            report,
            bound: true,
          });
        }
      } else {
        const spec = c.unit.functions[h.fn]!;
        const sink = this.host.sink;
        const at = h.location;
        let handler: ((...args: unknown[]) => unknown) | undefined;
        target.$connect(h.signal.index, {
          fn: (...args: unknown[]) => {
            handler ??= fn.call(obj, obj, ctx) as (...args: unknown[]) => unknown;
            if (spec.injectedParam !== undefined && !spec.injectionWarned) {
              spec.injectionWarned = true;
              sink.warn(
                `qt.qml.context: ${at.url}:${at.line}:${at.column} Parameter "${spec.injectedParam}" is not declared. Injection of parameters into signal handlers is deprecated. Use JavaScript functions with formal parameters instead.`,
              );
            }
            const prev = setCurrentExpression(h.signalName);
            try {
              return handler.apply(obj, args);
            } finally {
              setCurrentExpression(prev);
            }
          },
          thisArg: obj,
          report,
          bound: true,
        });
      }
    }

    if (written !== null)
      for (const [name, before] of written) {
        const value = storedValue(obj, name);
        const notify = obj.$meta.propsByName.get(name)!.notify;
        if (String(value) !== before && notify >= 0)
          obj.$emit(notify, obj.$meta.signals[notify]!.params.length > 0 ? [value] : undefined);
      }

    for (const h of c.implicitHandlers) {
      const make = lateHandler(ctx.fns[h.fn] as LateHandlerCode, c.unit.functions[h.fn]!, ctx, h, this.host);
      (obj as unknown as ImplicitHandlerHost).$addImplicitHandler(h.handlerName, (signal) =>
        make(obj, signal),
      );
    }

    for (const m of c.methods) installMethod(c.meta, m.name, m.fn);

    for (const a of c.aliases) {
      creation.afterObjects.push(() => forwardAliasSignal(obj, ctx, a.prop.notify, a.id, a.path));
    }
  }
}

/** The code of a handler whose signal is known only later: called with its scope object, it gives the handler. */
type LateHandlerCode = (this: unknown, scope: QObject, ctx: QmlContext) => unknown;

/**
 * A handler whose signal is known only when it is connected (Connections'
 * `onFoo:`, a PropertyChanges' `onFoo:`), made for a scope object and the
 * signal: the free names of a block handler are the signal's parameters
 * (injected, deprecated in Qt 6, which warns once).
 */
function lateHandler(
  fn: LateHandlerCode,
  spec: FunctionSpec,
  ctx: QmlContext,
  h: { functionForm: boolean; handlerName: string; location: SourceLocation },
  engine: EngineServices,
): (scope: QObject, signal: SignalInfo) => (...args: unknown[]) => unknown {
  const at = h.location;
  return (scope, signal) => {
    if (h.functionForm) {
      const f = fn.call(scope, scope, ctx);
      return typeof f === 'function' ? (...args: unknown[]) => f.apply(scope, args) : () => {};
    }
    const slots = spec.params.map((p) => signal.params.findIndex((q) => q.name === p));
    const handler = fn.call(scope, scope, ctx) as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => {
      if (spec.injectedParam !== undefined && !spec.injectionWarned) {
        spec.injectionWarned = true;
        engine.sink.warn(
          `qt.qml.context: ${at.url}:${at.line}:${at.column} Parameter "${spec.injectedParam}" is not declared. Injection of parameters into signal handlers is deprecated. Use JavaScript functions with formal parameters instead.`,
        );
      }
      const prev = setCurrentExpression(h.handlerName);
      try {
        return handler.apply(
          scope,
          slots.map((i) => (i >= 0 ? args[i] : undefined)),
        );
      } finally {
        setCurrentExpression(prev);
      }
    };
  };
}

const installed = new WeakMap<MetaObject, Set<string>>();

/** Puts a QML-declared function on its type's prototype; it runs in the declaring object's context. */
function installMethod(meta: MetaObject, name: string, fnIndex: number): void {
  let names = installed.get(meta);
  if (names === undefined) {
    names = new Set();
    installed.set(meta, names);
  }
  if (names.has(name)) return;
  names.add(name);
  const depth = meta.declDepth;
  // Each object gets its own function on first use, made in the context of
  // the declaration (methods see that file's ids), then kept on the object.
  Object.defineProperty(meta.ctor.prototype, name, {
    configurable: true,
    get(this: QObject) {
      const ctx = this.$ctx![depth] as QmlContext;
      const fn = ctx.fns[fnIndex]!.call(this, this, ctx);
      Object.defineProperty(this, name, { value: fn, configurable: true, writable: true });
      return fn;
    },
  });
}

/** Whether `t` is an alias `c` declares itself, or a group through one (`innerFont.pixelSize`). */
function ownAlias(c: CompiledObject, t: PropertyTarget): boolean {
  const p = t.via === 'self' ? t.prop : t.via === 'group' ? c.meta.propsByName.get(t.group!) : undefined;
  return p !== undefined && (p as { alias?: unknown }).alias !== undefined && p.owner === c.meta;
}

/** An alias announces its target's changes as its own (`property alias text: input.text` -> `textChanged`). */
function forwardAliasSignal(
  owner: QObject,
  ctx: QmlContext,
  notify: number,
  id: string,
  path: string[],
): void {
  if (notify < 0 || path.length === 0) return;
  let target = ctx.lookupId(id) ?? undefined;
  let last = path[path.length - 1]!;
  for (let i = 0; i < path.length - 1 && target; i++) {
    const next = (target as unknown as Record<string, unknown>)[path[i]!];
    if (!(next instanceof QObject)) {
      // A field of a value-type property (`holder.p.x`): the property announces it.
      last = path[i]!;
      break;
    }
    target = next;
  }
  if (!target) return;
  const prop = target.$meta.propsByName.get(last);
  if (!prop || prop.notify < 0) return;
  // Qt: the alias announces a change of a bindable property (Item's x, y,
  // width, height; QObject's objectName) before the target's own handlers
  // run, and of another property after them (measured: changed_alias,
  // alias_property_value).
  target.$connect(
    prop.notify,
    {
      fn: () => owner.$emit(notify, undefined),
      thisArg: owner,
      report: (e) => ctx.engine.reportError(e, undefined),
    },
    prop.bindable,
  );
}

/** The value-type properties whose fields `c` gives literal values, with their value as text before. */
function valueGroupsWritten(c: CompiledObject, obj: QObject): Map<string, string> | null {
  let out: Map<string, string> | null = null;
  for (const k of c.constants) {
    const t = k.target;
    const name = t.group;
    if (name === undefined || t.outer !== undefined || t.attached !== undefined || out?.has(name)) continue;
    // (a group through an alias the object declares: its target is not made yet)
    const group = obj.$meta.propsByName.get(name);
    if ((group as { alias?: unknown } | undefined)?.alias !== undefined && group!.owner === c.meta) continue;
    if (t.via === 'value' || (t.via === 'group' && obj.$meta.propsByName.get(name)?.type === 'font')) {
      out ??= new Map();
      out.set(name, String(storedValue(obj, name)));
    }
  }
  return out;
}

/** A value-type property's value as stored (a binding not evaluated yet is not run); a font group as read. */
function storedValue(obj: QObject, name: string): unknown {
  const p = obj.$meta.propsByName.get(name)!;
  return p.type === 'font' ? (obj as unknown as Record<string, unknown>)[name] : obj.$v[p.index];
}
