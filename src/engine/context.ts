import type { AnimationDriver } from './animation';
import type { Shape } from './codegen';
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
  /** A caught exception, reworded as V4 words it, given the scope object and context of the code it came from. */
  qtError(error: unknown, scope: unknown, ctx: unknown): unknown;
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
/** The id table of every level that declares no ids (nothing is ever written to it). */
const NO_ID_TABLE: Record<string, QObject | null> = {};

/**
 * A QML context: the ids of one component instance, its context object (the
 * component's root) and the context it is nested in. Compiled code, which
 * knows at which level a name is declared, reads ids through `idl` (`idl[0]`
 * this level's own ids, `idl[1]` the next outer one's, ...) and context
 * objects through `co`, the same way; `lookupId` finds an id by name in the
 * whole scope. An `idl` table is a plain object filled in the unit's order,
 * so all instances of a unit share its shape and a read is one cached
 * property load. The tables are not chained by prototypes: an object that
 * becomes a prototype gets a hidden class of its own and is registered with
 * its own prototype, in a list that young-generation collections keep
 * whole, so a context made per delegate would outlive the delegate until
 * the next full collection.
 */
export class QmlContext {
  readonly idl: Array<Record<string, QObject | null>>;
  readonly co: Array<QObject | null>;
  contextObject: QObject | null;
  /** The unit's generated functions for this context's shape. */
  fns: GeneratedFunction[] = [];
  /** The shape of this context's chain (codegen.ts shapeFor), once asked for. */
  shape: Shape | null = null;
  /** The root object of the file instance this context was made for (scripts it imports see its properties). */
  rootObject: QObject | null = null;

  constructor(
    readonly url: string,
    readonly parent: QmlContext | null,
    contextObject: QObject | null,
    readonly engine: EngineServices,
    /** Names of the ids declared at this level (the shape the compiler resolved names against). */
    readonly idNames: ReadonlySet<string> = NO_IDS,
  ) {
    this.contextObject = contextObject;
    // Arrays of the exact size (a spread into a literal allocates room to grow).
    const n = parent === null ? 0 : parent.idl.length;
    const idl = new Array<Record<string, QObject | null>>(n + 1);
    const co = new Array<QObject | null>(n + 1);
    idl[0] = idNames.size > 0 ? {} : NO_ID_TABLE;
    co[0] = contextObject;
    for (let i = 0; i < n; i++) {
      idl[i + 1] = parent!.idl[i]!;
      co[i + 1] = parent!.co[i]!;
    }
    this.idl = idl;
    this.co = co;
  }

  /** Sets (or, with null, clears) an id of this level. */
  setId(name: string, o: QObject | null): void {
    let own = this.idl[0]!;
    if (own === NO_ID_TABLE) {
      own = {};
      this.idl[0] = own;
    }
    // (An id may be named `__proto__`: it is defined, not assigned, so that it is a plain own property.)
    if (name === '__proto__')
      Object.defineProperty(own, name, { value: o, writable: true, enumerable: true, configurable: true });
    else own[name] = o;
  }

  /** The object id `name` of this level names (null once destroyed), undefined if the level has no such id. */
  ownId(name: string): QObject | null | undefined {
    const own = this.idl[0]!;
    return Object.hasOwn(own, name) ? own[name] : undefined;
  }

  /** The object id `name` names in this context's scope: this level's ids first, then the outer contexts'. */
  lookupId(name: string): QObject | null | undefined {
    for (const level of this.idl) if (Object.hasOwn(level, name)) return level[name];
    return undefined;
  }

  setContextObject(o: QObject): void {
    this.contextObject = o;
    this.shape = null;
    this.co[0] = o;
  }
}
