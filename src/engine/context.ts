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
   * and views lay out once per frame, however many changes came in).
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
 * component's root) and the context it is nested in. Compiled code reads
 * ids through `ids` (whose prototype chain is the outer contexts' ids) and
 * context objects through `co` (`co[0]` this context's, `co[1]` the next
 * outer one's, ...), as resolved at compile time.
 */
export class QmlContext {
  readonly ids: Record<string, QObject>;
  readonly co: Array<QObject | null>;
  contextObject: QObject | null;
  /** The unit's generated functions for this context's shape. */
  fns: GeneratedFunction[] = [];

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
    this.co = parent ? [contextObject, ...parent.co] : [contextObject];
  }

  setContextObject(o: QObject): void {
    this.contextObject = o;
    this.co[0] = o;
  }
}
