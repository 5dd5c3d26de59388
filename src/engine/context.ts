import type { AnimationDriver } from './animation';
import type { QObject } from './qobject';

/** Where something is written in a QML file (1-based, like Qt's messages). */
export interface SourceLocation {
  url: string;
  line: number;
  column: number;
}

/** Reports messages the way the engine's host wants them (stderr in Node, the console in a browser). */
export interface MessageSink {
  /** Qt warnings and errors: `file:line:col: message`. */
  warn(message: string): void;
  /** console.log / print output, already formatted (`qml: ...`). */
  log(level: 'log' | 'debug' | 'info' | 'warn' | 'error', message: string): void;
}

/** What compiled code and objects need from the engine. */
export interface EngineServices {
  readonly sink: MessageSink;
  /** Reports an exception from a binding, handler or function (Qt prints it and goes on). */
  reportError(error: unknown, where: SourceLocation | undefined): void;
  /**
   * Reports a failed binding. Qt 6 words it two ways: bindings on "bindable"
   * properties (Item x/y/width/height) report at once with the binding's
   * line:column; other bindings report the line that threw, and while a
   * component is being created those reports wait until its
   * Component.onCompleted handlers have run (then come in reverse order).
   */
  reportBindingError(error: unknown, where: SourceLocation | undefined, bindable: boolean): void;
  /** Timers, so that headless runs and tests can control time. */
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /**
   * Asks for `updatePolish` before the next frame (Qt's polish: positioners
   * and views lay out once per frame, however many changes came in). A
   * target asks once until its `$updatePolish` has run (Item.polish).
   */
  requestPolish(target: Polishable): void;
  /** Advances running animations once per frame (flicks, highlight movement). */
  readonly animations: AnimationDriver;
}

export interface Polishable {
  $updatePolish(): void;
}

/** A function generated from QML code: called with the scope object, the context, then its own arguments. */
export type GeneratedFunction = (this: unknown, ...args: unknown[]) => unknown;

/** A function value received from QML code (Qt.callLater(fn), Qt.binding(fn)). */
export type JsFunction = (this: unknown, ...args: unknown[]) => unknown;

const NO_IDS: ReadonlySet<string> = new Set();

/**
 * A QML context: the ids of one component instance, its context object (the
 * component's root) and the context it is nested in. `ids` sees every id in
 * scope (its prototype chain is the outer contexts' ids); compiled code,
 * which knows at which level a name is declared, reads ids through `idl`
 * (`idl[0]` this level's own ids, `idl[1]` the next outer one's, ...) and
 * context objects through `co`, the same way. An `idl` table is a plain
 * object filled in the unit's order, so all instances of a unit share its
 * shape and a read is one cached property load, not a walk up a chain of
 * per-instance prototypes.
 */
export class QmlContext {
  readonly ids: Record<string, QObject>;
  readonly idl: Array<Record<string, QObject | null>>;
  readonly co: Array<QObject | null>;
  contextObject: QObject | null;
  /** The unit's generated functions for this context's shape. */
  fns: GeneratedFunction[] = [];
  /** This context's part of a shape key and its parents' (codegen.ts shapeKeyFor), once asked for. */
  shape: string | null = null;

  constructor(
    readonly url: string,
    readonly parent: QmlContext | null,
    contextObject: QObject | null,
    readonly engine: EngineServices,
    /** Names of the ids declared at this level (the shape the compiler resolved names against). */
    readonly idNames: ReadonlySet<string> = NO_IDS,
  ) {
    this.contextObject = contextObject;
    this.ids = Object.create(parent ? parent.ids : null) as Record<string, QObject>;
    const own: Record<string, QObject | null> = {};
    this.idl = parent ? [own, ...parent.idl] : [own];
    this.co = parent ? [contextObject, ...parent.co] : [contextObject];
  }

  /** Sets (or, with null, clears) an id of this level. */
  setId(name: string, o: QObject | null): void {
    (this.ids as Record<string, QObject | null>)[name] = o;
    if (name !== '__proto__') this.idl[0]![name] = o;
  }

  setContextObject(o: QObject): void {
    this.contextObject = o;
    this.shape = null;
    this.co[0] = o;
  }
}
