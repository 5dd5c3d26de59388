// The QtQml module's types: QtObject, Component (and its attached object,
// Component.onCompleted / onDestruction), Timer, Connections.
import { QmlError } from '../qml/error';
import type { Unit } from './compiler';
import type { QmlContext } from './context';
import {
  defineType,
  handlerSignalName,
  type InstalledBinding,
  type MetaObject,
  QObject,
  qmlTypeName,
  qmlWarning,
  type SignalInfo,
} from './qobject';
import { registerCppClassName } from './types';

/** `Component.onCompleted`, `Component.onDestruction`. */
export class ComponentAttached extends QObject {
  owner: QObject | null = null;
  override $attachTo(owner: QObject): void {
    this.owner = owner;
  }
  private announced = false;
  override $destruction(): void {
    if (this.announced) return;
    this.announced = true;
    this.$emit(ComponentAttachedMeta.signalsByName.get('destruction')!.index, undefined);
  }
  override $ownerDestroyed(): void {
    this.$destruction();
  }
}
// (`Component` names QQmlComponent in messages, not the attached type below)
registerCppClassName('Component', 'QQmlComponent');
export const ComponentAttachedMeta = defineType(ComponentAttached, null, {
  name: 'Component',
  cppClass: 'QQmlComponentAttached',
  signals: { completed: {}, destruction: {} },
  creatable: false,
});

export class QtObject extends QObject {}
export const QtObjectMeta = defineType(QtObject, null, {
  name: 'QtObject',
  cppClass: 'QObject',
  properties: { objectName: { type: 'string', bindable: true } },
  methods: ['destroy'],
});

/** `Qt.inputMethod` (QInputMethod): no input panel here, so show() shows none (as on Qt's offscreen platform). */
export class InputMethod extends QObject {
  /** `locale`: Qt.locale(), once the locale code is there. */
  constructor(readonly currentLocale: () => unknown) {
    super();
  }

  show(): void {}
  hide(): void {}
  update(_queries?: unknown): void {}
  reset(): void {}
  commit(): void {}
  invokeAction(_action?: unknown, _cursorPosition?: unknown): void {}
}
defineType(InputMethod, QtObjectMeta, {
  name: 'InputMethod',
  cppClass: 'QInputMethod',
  properties: {
    cursorRectangle: { type: 'rect', readonly: true },
    anchorRectangle: { type: 'rect', readonly: true },
    keyboardRectangle: { type: 'rect', readonly: true },
    inputItemClipRectangle: { type: 'rect', readonly: true },
    visible: { type: 'bool', readonly: true },
    animating: { type: 'bool', readonly: true },
    locale: { type: 'var', readonly: true },
    inputDirection: { type: 'enumeration', readonly: true },
  },
  methods: ['show', 'hide', 'update', 'reset', 'commit', 'invokeAction'],
  creatable: false,
});
Object.defineProperty(InputMethod.prototype, 'locale', {
  configurable: true,
  get(this: InputMethod) {
    return this.currentLocale();
  },
});

/** `Qt.styleHints` (QStyleHints). */
export class StyleHints extends QObject {}
defineType(StyleHints, null, {
  name: 'StyleHints',
  cppClass: 'QStyleHints',
  properties: {
    cursorFlashTime: { type: 'int', readonly: true, default: 1000 },
    mouseDoubleClickInterval: { type: 'int', readonly: true, default: 400 },
    startDragDistance: { type: 'int', readonly: true, default: 10 },
  },
  creatable: false,
});

/** Implemented by the engine: creates an instance of a component's unit. */
export interface ComponentFactory {
  createFromComponent(
    unit: Unit,
    context: QmlContext,
    parent: QObject | null,
    properties: Record<string, unknown> | undefined,
    contextObject?: QObject,
    init?: (root: QObject) => void,
  ): QObject | null;
}

/** A component: a unit plus the context it was declared in, ready to be instantiated (delegates, Loader, createObject). */
export class QmlComponent extends QObject {
  unit: Unit | null = null;
  creationContext: QmlContext | null = null;
  /** Why the component could not be loaded (status Error). */
  private error: QmlError | null = null;

  $initComponent(unit: Unit, context: QmlContext): void {
    this.unit = unit;
    this.creationContext = context;
    this.$write(QmlComponentMeta.index('url'), unit.file.url);
    this.$write(QmlComponentMeta.index('status'), 1);
  }

  /** A component of a file that is still loading (status Loading). */
  $initLoading(url: string): void {
    this.$write(QmlComponentMeta.index('url'), url);
    this.$write(QmlComponentMeta.index('status'), 2);
  }

  /** A component whose file did not load (status Error). */
  $initError(url: string, error: QmlError): void {
    this.error = error;
    this.$write(QmlComponentMeta.index('url'), url);
    this.$write(QmlComponentMeta.index('progress'), 1);
    this.$write(QmlComponentMeta.index('status'), 3);
  }

  /** The load error as Qt prints it (the QQmlError: `url: message` or `url:line:column: message`). */
  get loadError(): QmlError | null {
    return this.error;
  }

  /**
   * Qt 6.4 leaves a creation that failed on a required property pending, so
   * that every later createObject of the component fails (measured:
   * createobject_initial_properties).
   */
  private creationLeftPending = false;

  /** `component.createObject(parent, { prop: value })` */
  createObject(...args: unknown[]): QObject | null {
    const [parent, properties] = args as [unknown, Record<string, unknown> | undefined];
    if (
      args.length >= 2 &&
      (typeof properties !== 'object' || properties === null || Array.isArray(properties))
    ) {
      const d = this.$declaration;
      const where = d ? `${d.url}:${d.line}:${d.column}: ` : '';
      this.$engine?.sink.warn(
        `${where}QML Component: Unsuitable arguments passed to createObject(). The first argument should be a QObject* or null, and the second argument should be a JavaScript object or a QVariantMap`,
      );
      this.$engine?.sink.warn(`${where}QML Component: createObject: value is not an object`);
      return null;
    }
    if (!this.unit || !this.creationContext) {
      this.$engine?.sink.warn('QQmlComponent: Component is not ready');
      return null;
    }
    if (this.creationLeftPending) {
      this.$engine?.sink.warn(
        'QQmlComponent: Cannot create new component instance before completing the previous',
      );
      return null;
    }
    const factory = this.creationContext.engine as unknown as ComponentFactory;
    try {
      return factory.createFromComponent(
        this.unit,
        this.creationContext,
        parent instanceof QObject ? parent : null,
        properties,
      );
    } catch (e) {
      // A required property without a value: Qt warns and createObject returns null.
      if (!(e instanceof QmlError) || e.stage !== 'create') throw e;
      this.$engine?.sink.warn(e.message);
      this.creationLeftPending = true;
      return null;
    }
  }

  override $teardown(): void {
    if (this.creationLeftPending)
      this.$engine?.sink.warn('QQmlComponent: Component destroyed while completion pending');
    super.$teardown();
  }

  /** QQmlComponent::errorString: one `url:line description` line per error, each ending with a newline. */
  errorString(): string {
    const e = this.error;
    if (!e) return '';
    return `${e.url}:${e.line} ${e.description}\n`;
  }

  /** Qt creates asynchronously; here creation is immediate and the incubator is already Ready. */
  incubateObject(...args: unknown[]): Record<string, unknown> {
    const object = this.createObject(...args);
    return { object, status: object ? 1 : 3, onStatusChanged: null, forceCompletion() {} };
  }
}
export const QmlComponentMeta: MetaObject = defineType(QmlComponent, null, {
  name: 'Component',
  cppClass: 'QQmlComponent',
  properties: {
    status: { type: 'enumeration', readonly: true },
    url: { type: 'url', readonly: true },
    progress: { type: 'real', readonly: true, default: 1 },
  },
  enums: { Null: 0, Ready: 1, Loading: 2, Error: 3, PreferSynchronous: 0, Asynchronous: 1 },
  methods: ['createObject', 'errorString', 'incubateObject'],
  attachedType: () => ComponentAttachedMeta,
});

export class Timer extends QObject {
  declare interval: number;
  declare running: boolean;
  declare repeat: boolean;
  declare triggeredOnStart: boolean;
  private handle: unknown = null;
  /** The posted first tick of a triggeredOnStart timer. */
  private startTick: unknown = null;
  private complete = false;

  $componentComplete(): void {
    this.complete = true;
    if (this.$get(TIMER.running)) this.begin();
  }

  start(): void {
    this.running = true;
  }
  stop(): void {
    this.running = false;
  }
  restart(): void {
    this.stop();
    this.start();
  }

  /** Called when `running` changes. */
  update(): void {
    if (!this.complete) return;
    this.cancel();
    if (this.$get(TIMER.running)) this.begin();
  }

  private begin(): void {
    if (!this.$engine) return;
    // Qt posts the first tick (a queued call): it comes after the code that
    // started the timer, and after the other objects' Component.onCompleted.
    if (this.$get(TIMER.triggeredOnStart)) {
      if (this.startTick !== null) this.$engine.clearTimer(this.startTick);
      this.startTick = this.$engine.setTimer(() => {
        this.startTick = null;
        if (!this.$destroyed && this.$get(TIMER.running)) this.$emit(TIMER.triggered, undefined);
      }, 0);
    }
    this.schedule();
  }

  private schedule(): void {
    const host = this.$engine!;
    this.handle = host.setTimer(
      () => {
        this.handle = null;
        if (this.$destroyed || !this.$get(TIMER.running)) return;
        if (this.$get(TIMER.repeat)) {
          this.schedule();
          this.$emit(TIMER.triggered, undefined);
          return;
        }
        // A single shot (measured): `running` reads false in onTriggered, and
        // runningChanged comes after it, also when the handler started it
        // again (then once from start() and once more after).
        this.$v[TIMER.running] = false;
        this.$emit(TIMER.triggered, undefined);
        if (!this.$destroyed) this.$emit(TIMER.runningChanged, undefined);
      },
      Math.max(0, this.$get(TIMER.interval) as number),
    );
  }

  private cancel(): void {
    if (this.handle !== null && this.$engine) this.$engine.clearTimer(this.handle);
    this.handle = null;
  }

  override $teardown(): void {
    this.cancel();
    if (this.startTick !== null && this.$engine) this.$engine.clearTimer(this.startTick);
    this.startTick = null;
  }

  // Qt's QQmlTimer has a constant `parent` property: its QObject parent (the
  // object it is declared in), so `parent` in a Timer's handler is that object.
  override $setOwner(owner: QObject | null): void {
    super.$setOwner(owner);
    this.$v[TIMER.parent] = owner;
  }
}
export const TimerMeta = defineType(Timer, QtObjectMeta, {
  name: 'Timer',
  cppClass: 'QQmlTimer',
  properties: {
    interval: { type: 'int', default: 1000, changed: (t) => (t as Timer).update() },
    running: { type: 'bool', changed: (t) => (t as Timer).update() },
    repeat: { type: 'bool' },
    triggeredOnStart: { type: 'bool' },
    parent: { type: 'QtObject', readonly: true, constant: true },
  },
  signals: { triggered: {} },
  methods: ['start', 'stop', 'restart'],
});
const TIMER = {
  interval: TimerMeta.index('interval'),
  running: TimerMeta.index('running'),
  repeat: TimerMeta.index('repeat'),
  triggeredOnStart: TimerMeta.index('triggeredOnStart'),
  parent: TimerMeta.index('parent'),
  triggered: TimerMeta.signalsByName.get('triggered')!.index,
  runningChanged: TimerMeta.signalsByName.get('runningChanged')!.index,
};

/**
 * `Binding { target: t; property: "p"; value: v; when: c }` (QQmlBind):
 * while `when` holds, the property has `value`; then the property gets back
 * what it had, its binding (re-evaluated, so changes made meanwhile count)
 * or its value (Qt 6's default restoreMode, RestoreBindingOrValue).
 */
export class Binding extends QObject {
  private complete = false;
  private active: {
    obj: QObject;
    index: number;
    binding: InstalledBinding | undefined;
    value: unknown;
  } | null = null;

  $componentComplete(): void {
    this.complete = true;
    this.validate();
    this.update();
  }

  /**
   * Warns, as QQmlBindPrivate::validate does, when the property to set does
   * not exist on the target or is read-only (once the Binding is complete,
   * and when its target, property or `when` changes while it is on).
   */
  validate(): void {
    if (!this.complete || !(this.$get(BIND.when) as boolean)) return;
    const target = this.targetObject();
    if (!target) return;
    const name = this.propertyName();
    const p = target.$meta.propsByName.get(name);
    if (!p) qmlWarning(this, `Property '${name}' does not exist on ${qmlTypeName(target)}.`, 'Binding');
    else if (p.readonly)
      qmlWarning(this, `Property '${name}' on ${qmlTypeName(target)} is read-only.`, 'Binding');
  }

  private targetObject(): QObject | null {
    const target = (this.$get(BIND.target) as QObject | null) ?? this.valueSource?.target ?? null;
    return target && !target.$destroyed ? target : null;
  }

  private propertyName(): string {
    return (this.$get(BIND.property) as string) || (this.valueSource?.property ?? '');
  }

  /** `Binding on a { ... }` (QQmlBind::setTarget(QQmlProperty)): the object and property it acts on. */
  $setValueSource(target: QObject, property: string): void {
    // (kept apart: `target` and `property` still read null and "", as in Qt)
    this.valueSource = { target, property };
  }
  private valueSource: { target: QObject; property: string } | null = null;

  /** Called when target, property, value or when change. */
  update(): void {
    if (!this.complete) return;
    const on = this.$get(BIND.when) as boolean;
    const where = this.resolve();
    if (this.active && (!on || !where || where.obj !== this.active.obj || where.index !== this.active.index))
      this.restore();
    if (!on || !where) return;
    if (!this.active) {
      const binding = where.obj.$binding(where.index);
      if (binding) {
        where.obj.$unlinkBinding(binding);
        (binding as InstalledBinding & { suspend?: () => void }).suspend?.();
      }
      this.active = { ...where, binding, value: where.obj.$get(where.index) };
    }
    where.obj.$write(where.index, this.$get(BIND.value));
  }

  private resolve(): { obj: QObject; index: number } | null {
    const target = this.targetObject();
    const name = this.propertyName();
    if (!target || !name) return null;
    const p = target.$meta.propsByName.get(name);
    if (!p || p.readonly) return null;
    return target.$resolveAlias(p.index);
  }

  private restore(): void {
    const a = this.active!;
    this.active = null;
    if (a.obj.$destroyed) return;
    if (a.binding) {
      a.obj.$setBinding(a.index, a.binding);
      (a.binding as InstalledBinding & { resume?: () => void }).resume?.();
    } else a.obj.$write(a.index, a.value);
  }
}
const bindChanged = (b: QObject) => (b as Binding).update();
const bindRetargeted = (b: QObject) => {
  (b as Binding).validate();
  (b as Binding).update();
};
export const BindingMeta = defineType(Binding, QtObjectMeta, {
  name: 'Binding',
  cppClass: 'QQmlBind',
  properties: {
    target: { type: 'QtObject', changed: bindRetargeted },
    property: { type: 'string', changed: bindRetargeted },
    value: { type: 'var', changed: bindChanged },
    when: { type: 'bool', default: true, changed: bindRetargeted },
    delayed: { type: 'bool' },
    restoreMode: { type: 'enumeration', default: 3 },
  },
  enums: { RestoreNone: 0, RestoreBinding: 1, RestoreValue: 2, RestoreBindingOrValue: 3 },
});
const BIND = {
  target: BindingMeta.index('target'),
  property: BindingMeta.index('property'),
  value: BindingMeta.index('value'),
  when: BindingMeta.index('when'),
};

/**
 * `Connections { target: x; function onClicked(mouse) { ... } }`: connects
 * the functions named on<Signal> to the target's signals.
 */
export class Connections extends QObject {
  private connected: Array<{ obj: QObject; sig: number; key: unknown }> = [];
  private complete = false;
  /** Whether `target` was assigned (even null); until then it is the parent (QQmlConnections::target). */
  targetSet = false;

  override $setOwner(owner: QObject | null): void {
    super.$setOwner(owner);
    // Qt reads the parent as the target while none is set, without a change signal.
    if (!this.targetSet) this.$v[CONN.target] = owner;
  }
  /** The old `onFoo:` handlers (QQmlConnectionsParser's bindings). */
  private readonly implicit: Array<{
    name: string;
    make: (signal: SignalInfo) => (...args: unknown[]) => unknown;
  }> = [];

  $addImplicitHandler(name: string, make: (signal: SignalInfo) => (...args: unknown[]) => unknown): void {
    this.implicit.push({ name, make });
  }

  $componentComplete(): void {
    this.complete = true;
    if (this.implicit.length > 0)
      this.warn(
        'Implicitly defined onFoo properties in Connections are deprecated. Use this syntax instead: function onFoo(<arguments>) { ... }',
      );
    this.reconnect();
  }

  /** A `QML Connections: ...` warning at the declaration (qmlWarning(this)). */
  private warn(message: string): void {
    qmlWarning(this, message, 'Connections');
  }

  reconnect(): void {
    for (const c of this.connected) c.obj.$disconnect(c.sig, c.key);
    this.connected = [];
    if (!this.complete) return;
    const target = this.$get(CONN.target) as QObject | null;
    if (!target || target.$destroyed) return;
    const ignoreUnknown = this.$get(CONN.ignoreUnknownSignals) as boolean;
    for (const { name, make } of this.implicit) {
      const sig = target.$meta.signalForHandler(handlerSignalName(name) ?? '');
      if (!sig) {
        if (!ignoreUnknown) this.warn(`Cannot assign to non-existent property "${name}"`);
        continue;
      }
      this.connectTo(target, sig.index, make(sig));
    }
    for (const name of this.$meta.methods) {
      const signal = handlerSignalName(name);
      if (signal === undefined) continue;
      const sig = target.$meta.signalForHandler(signal);
      if (!sig) {
        if (!ignoreUnknown)
          this.warn(
            `Detected function "${name}" in Connections element. This is probably intended to be a signal handler but no signal of the target matches the name.`,
          );
        continue;
      }
      const fn = (this as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
      this.connectTo(target, sig.index, (...args: unknown[]) => fn.apply(this, args));
    }
  }

  private connectTo(target: QObject, sig: number, fn: (...args: unknown[]) => unknown): void {
    const key = {};
    // Qt connects a disabled Connections too, and `enabled` turns its
    // handlers off and on where they are (their order stays).
    target.$connect(sig, {
      fn: (...args: unknown[]) => (this.$v[CONN.enabled] ? fn(...args) : undefined),
      thisArg: this,
      key,
      report: (e) => this.$engine?.reportError(e, undefined),
    });
    this.connected.push({ obj: target, sig, key });
  }

  override $teardown(): void {
    for (const c of this.connected) c.obj.$disconnect(c.sig, c.key);
    this.connected = [];
  }
}
export const ConnectionsMeta = defineType(Connections, QtObjectMeta, {
  name: 'Connections',
  cppClass: 'QQmlConnections',
  properties: {
    target: {
      type: 'QtObject',
      write: (c, v) => {
        const conn = c as Connections;
        const wasSet = conn.targetSet;
        conn.targetSet = true;
        // (null over the default parent is a change: Qt then connects to nothing)
        if (!conn.$store(CONN.target, v) && !wasSet) conn.reconnect();
      },
      changed: (c) => (c as Connections).reconnect(),
    },
    enabled: { type: 'bool', default: true },
    ignoreUnknownSignals: { type: 'bool' },
  },
});
const CONN = {
  target: ConnectionsMeta.index('target'),
  enabled: ConnectionsMeta.index('enabled'),
  ignoreUnknownSignals: ConnectionsMeta.index('ignoreUnknownSignals'),
};

/** `onFired` -> `fired`, `on_x` -> `_x`. */
