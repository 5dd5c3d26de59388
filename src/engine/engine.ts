// The QML engine: loads .qml files (and the sibling files their types come
// from), compiles them, creates objects, and reports errors in Qt's words.

import { nodeHttpTransport } from '#node-http';
import type * as ast from '../qml/ast';
import { QmlError } from '../qml/error';
import { LineTable, parseQml } from '../qml/parser';
import { AnimationDriver } from './animation';
import { AssignError } from './assign-error';
import { type BindingFunction, BindingMarker } from './binding';
import { isMethodCallRead } from './call-sites';
import { globalValuesFor, namespaceObject, type QmlGlobals, type Runtime } from './codegen';
import {
  CompiledFile,
  type CompiledFile as CompiledFileType,
  Compiler,
  type TypeEntry,
  type TypeResolver,
  type Unit,
} from './compiler';
import {
  type EngineServices,
  type JsFunction,
  type MessageSink,
  type Polishable,
  QmlContext,
  type SourceLocation,
} from './context';
import { Creator } from './creator';
import { makeConsole, makeQtObject, provideMd5, qmlMessage, stringArg } from './globals';
import type { ImageSource } from './images';
import { JS_GLOBALS } from './jscompile';
import { loadOnce } from './load-once';
import { QmlDateConstructor } from './qmldate';
import {
  type MetaObject,
  markIndestructible,
  type PropertySpec,
  QML_FOR_IN,
  QObject,
  qmlTypeName,
  type TypeCounters,
} from './qobject';
import {
  BindingMeta,
  ComponentAttachedMeta,
  type ComponentFactory,
  ConnectionsMeta,
  InputMethod,
  QmlComponent,
  QmlComponentMeta,
  QtObjectMeta,
  StyleHints,
  TimerMeta,
} from './qtqml';
import { untracked } from './reactive';
import { ScriptFile } from './scripts';
import { builtinErrorName, type MethodCallLookup, toQtError } from './v4errors';
import { ValueType } from './valuetypes';
import type { HttpTransport } from './xhr';

/** Where the engine reads .qml files from: the file system in Node, fetch in a browser, a map in tests. */
export interface FileSource {
  /** The file's text; rejects (or throws) when it does not exist. */
  read(url: string): Promise<string> | string;
  /** Whether a file exists (to find `Name.qml` for a type `Name`). */
  exists(url: string): Promise<boolean> | boolean;
  /** Whether a directory exists (`import "dir"`); without it, directory imports are not checked. */
  isDirectory?(url: string): Promise<boolean> | boolean;
}

export interface EngineOptions {
  files: FileSource;
  sink?: MessageSink;
  /** Called by Qt.quit() / Qt.exit(code). */
  onQuit?: (code: number) => void;
  /** Timers (defaults to setTimeout). */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Called when something needs a polish pass or a new frame (the host then calls `engine.polish()`). */
  scheduleFrame?: () => void;
  /** The animation clock in milliseconds (defaults to performance.now). */
  now?: () => number;
  /** `Qt.application.arguments`. */
  arguments?: string[];
  platformOs?: string;
  /** Qt.platform.pluginName (Qt's platform plugin: `xcb`, `wasm`, ...). */
  platformPluginName?: string;
  /** Where Image reads its pictures (without it, every image fails to open). */
  images?: ImageSource;
  /** XMLHttpRequest's network (defaults to node:http in Node, fetch elsewhere). */
  http?: HttpTransport;
}

/** The major versions Qt 6.4 installs of its modules (`import QtQuick 9.0` fails to load). */
const MODULE_MAJOR_VERSIONS: Record<string, number[]> = {
  QtQml: [2, 6],
  'QtQml.Models': [2, 6],
  QtQuick: [2, 6],
  'QtQuick.Window': [2, 6],
  QtWebSockets: [1, 6],
};

/** Thrown by driveSync when a step would have to wait. */
const MUST_WAIT: unique symbol = Symbol('must wait');

/** Runs loading steps, awaiting what they yield. */
async function driveAsync<T>(steps: Generator<unknown, T, unknown>): Promise<T> {
  let r = steps.next();
  while (!r.done) {
    let value: unknown;
    try {
      value = await r.value;
    } catch (e) {
      r = steps.throw(e);
      continue;
    }
    r = steps.next(value);
  }
  return r.value;
}

/** Runs loading steps now; undefined when one of them yields a promise. */
function driveSync<T>(steps: Generator<unknown, T, unknown>): T | undefined {
  try {
    let r = steps.next();
    while (!r.done) {
      if (r.value instanceof Promise) {
        r.value.catch(() => {});
        r = steps.throw(MUST_WAIT);
        continue;
      }
      r = steps.next(r.value);
    }
    return r.value;
  } catch (e) {
    if (e === MUST_WAIT) return undefined;
    throw e;
  }
}

/** Writes Qt's messages to the console (the default sink). */
export const consoleSink: MessageSink = {
  warn: (m) => console.warn(m),
  log: (level, m) => console[level](m),
};

interface LazyTypes {
  /** Matches a mention of one of the types' names. */
  named: RegExp;
  load: () => Promise<Record<string, MetaObject>>;
  loading?: Promise<unknown>;
  loaded?: boolean;
}

interface ImportedModule {
  name: string;
  types: Record<string, MetaObject>;
  qualifier?: string;
}

/** A type a qmldir names: its file, and whether it is a singleton. */
interface QmldirType {
  file: string;
  singleton: boolean;
}

interface FileImports {
  modules: ImportedModule[];
  /** Directories searched for `Name.qml`: the file's own first, then `import "dir"`. */
  directories: string[];
  /** `import "util.js" as Util`: the qualifier and the script's URL. */
  scripts: Array<{ qualifier: string; url: string }>;
}

export class QmlEngine implements EngineServices, ComponentFactory {
  readonly sink: MessageSink;
  readonly rootContext: QmlContext;
  readonly globals: QmlGlobals;
  readonly runtime: Runtime;
  readonly componentMeta = QmlComponentMeta;
  readonly connectionsMeta = ConnectionsMeta;
  readonly componentAttachedMeta = ComponentAttachedMeta;
  readonly typeCounters: TypeCounters = { next: 0 };
  readonly animations: AnimationDriver;
  readonly images: ImageSource | null;
  private readonly modules = new Map<string, Record<string, MetaObject>>();
  /** Types of a module whose code is loaded when a file importing the module names one (registerLazyTypes). */
  private readonly lazyTypes = new Map<string, LazyTypes[]>();
  private readonly loading = new Map<string, Promise<CompiledFile>>();
  private readonly compiled = new Map<string, CompiledFile>();
  private readonly imports = new Map<string, FileImports>();
  /** Each directory's qmldir (empty without one): the types it names, by name. */
  private readonly qmldirs = new Map<string, Map<string, QmldirType>>();
  /** The instances of qmldir singletons, by file. */
  private readonly singletons = new Map<string, QObject>();
  private readonly resolvers = new Map<CompiledFile, TypeResolver>();
  /** Imported JavaScript files, compiled, by URL. */
  private readonly scripts = new Map<string, ScriptFile>();
  /** The globals a script file's code gets, in QML_GLOBAL_NAMES order, then its SCRIPT_HELPERS. */
  private readonly scriptGlobals = (url: string): unknown[] => [
    ...globalValuesFor(this.globals, url),
    // (SCRIPT_HELPERS)
    this.runtime.arg,
    this.runtime.locale,
    this.runtime.forIn,
  ];
  private readonly creator: Creator;
  private readonly options: EngineOptions;
  /**
   * Items waiting for their polish, in request order (a target asks once
   * until its polish runs). An array, not a Set: a long-lived Set that is
   * filled and cleared every frame leaves behind hash tables that link to
   * their successors, and once one of them is in the old generation, every
   * item queued since (a view's delegates, dropped a frame later) survives
   * young-generation collections until the next full one.
   */
  private polishQueue: Polishable[] = [];
  private readonly callLaterQueue: Array<{ fn: JsFunction; args: unknown[] }> = [];
  private callLaterScheduled = false;

  constructor(options: EngineOptions) {
    this.options = options;
    this.sink = options.sink ?? consoleSink;
    this.animations = new AnimationDriver(() => options.scheduleFrame?.(), options.now);
    this.images = options.images ?? null;
    this.rootContext = new QmlContext('', null, null, this);
    const qt = makeQtObject({
      quit: () => this.quit(0),
      exit: (code) => this.quit(code),
      binding: (fn) => {
        // Qt checks at the call: nothing is bound that would fail later.
        if (typeof fn !== 'function')
          throw new Error('binding(): argument (binding expression) must be a function');
        return new BindingMarker(fn as BindingFunction, this);
      },
      callLater: (fn, args) => this.callLater(fn, args),
      createComponent: (url) => this.componentForUrl(String(url)),
      createQmlObject: (qml, parent, filepath) =>
        this.createQmlObject(
          String(qml),
          parent as QObject | null,
          String(filepath ?? ''),
          (parent as QObject | null)?.$declaration?.url ?? '',
        ),
      platformOs: options.platformOs ?? 'linux',
      platformPluginName: options.platformPluginName ?? 'quickweb',
      inputMethod: new InputMethod(() => (this.globals.Qt as { locale?: () => unknown }).locale?.()),
      styleHints: new StyleHints(),
      applicationArguments: options.arguments ?? [],
    });
    const console_ = makeConsole(this.sink, () => Date.now());
    this.globals = {
      Qt: qt,
      console: console_,
      print: (...args: unknown[]): void => {
        this.sink.log('log', qmlMessage(args));
      },
      qsTr: (s: string) => s,
      qsTranslate: (_ctx: string, s: string) => s,
      qsTrId: (id: string) => id,
      QT_TR_NOOP: (s: string) => s,
      QT_TRANSLATE_NOOP: (_ctx: string, s: string) => s,
      QT_TRID_NOOP: (s: string) => s,
      // (loaded with its code, by the first file that names it: xhrNamedIn)
      XMLHttpRequest: undefined,
      gc: () => {},
      Date: QmlDateConstructor,
      // (Qt's Number and Locale, loaded with their code by the first file that speaks of locales: localeNamedIn)
      Number,
      Locale: undefined,
    };
    this.runtime = {
      ref: (name: string): never => {
        throw new ReferenceError(`${name} is not defined`);
      },
      badWrite: (name: string, id?: number) => ({
        set v(_value: unknown) {
          if (id) throw new Error('left-hand side of assignment operator is not an lvalue');
          throw new Error(`Invalid write to global property "${name}"`);
        },
        get v() {
          return undefined;
        },
      }),
      caught: (e: unknown, scope: unknown, ctx: unknown) => this.qtError(e, scope, ctx),
      // biome-ignore lint/suspicious/noDoubleEquals: V4's loose equality, plus value types by value
      equal: (a: unknown, b: unknown) => a == b || (a instanceof ValueType && a.$equals(b)),
      strictEqual: (a: unknown, b: unknown) => a === b || (a instanceof ValueType && a.$equals(b)),
      set: (object: unknown, name: string, value: unknown) => {
        if (object === null || object === undefined) {
          // The engine's own TypeError (reworded as V4's by v4errors.ts).
          (object as unknown as Record<string, unknown>)[name] = value;
        } else if (object instanceof QObject) {
          if (!(name in object)) throw new Error(`Cannot assign to non-existent property "${name}"`);
          if (!Reflect.set(object, name, value))
            throw new TypeError(`Cannot assign to read-only property "${name}"`);
        } else if (typeof object === 'object' || typeof object === 'function') {
          // QML code is sloppy-mode JavaScript: a failed assignment is silent.
          Reflect.set(object, name, value);
        }
        return value;
      },
      arg: (object: unknown, ...args: unknown[]) => {
        if (typeof object !== 'string') return (object as { arg: (...a: unknown[]) => unknown }).arg(...args);
        // V4's String.prototype.arg takes exactly one argument.
        if (args.length !== 1) throw new Error('String.arg(): Invalid arguments');
        return stringArg(object, args[0], (m) => this.sink.warn(m));
      },
      forIn: QML_FOR_IN,
      locale: (object: unknown, method: string, args: unknown[]) =>
        this.localeCall !== null
          ? this.localeCall(object, method, args)
          : (object as Record<string, (...a: unknown[]) => unknown>)[method]!(...args),
      thrown: (v: unknown) => {
        if (!(v instanceof Error)) this.lastThrown = { value: v, where: this.locateInStack(new Error()) };
        return v;
      },
    };
    this.creator = new Creator(this);
    this.registerModule('QtQml', {
      QtObject: QtObjectMeta,
      Component: QmlComponentMeta,
      Timer: TimerMeta,
      Connections: ConnectionsMeta,
      Binding: BindingMeta,
    });
  }

  private readonly groupSpecs = new Map<string, (name: string) => PropertySpec>();

  /** Declared properties of `type` (`property font f`) get the spec `spec(name)` (a module's grouped value type). */
  registerGroupValueType(type: string, spec: (name: string) => PropertySpec): void {
    this.groupSpecs.set(type, spec);
  }

  warn(message: string): void {
    this.sink.warn(message);
  }

  groupPropertySpec(type: string, name: string): PropertySpec | undefined {
    return this.groupSpecs.get(type)?.(name);
  }

  /**
   * Makes `import Name` available with these types (merged with earlier
   * registrations of the same name). `reexports` are modules whose types come
   * along (importing QtQuick also gives QtQml's QtObject, Component, Timer).
   */
  registerModule(name: string, types: Record<string, MetaObject>, reexports: string[] = []): void {
    const merged: Record<string, MetaObject> = {};
    for (const r of reexports) Object.assign(merged, this.modules.get(r) ?? {});
    Object.assign(merged, this.modules.get(name) ?? {}, types);
    this.modules.set(name, merged);
  }

  /**
   * Types of `module` whose code `load` brings when first needed: a file that
   * imports the module and names one of them (in a declaration, an attached
   * property, an expression or a string) waits for it before it is compiled.
   */
  registerLazyTypes(
    module: string,
    names: readonly string[],
    load: () => Promise<Record<string, MetaObject>>,
  ): void {
    let list = this.lazyTypes.get(module);
    if (list === undefined) {
      list = [];
      this.lazyTypes.set(module, list);
    }
    list.push({ named: new RegExp(`\\b(?:${names.join('|')})\\b`), load });
  }

  private localeLoading: Promise<void> | null = null;
  /** Qt's toLocaleString on numbers (locale.ts), once loaded. */
  private localeCall: ((object: unknown, method: string, args: unknown[]) => unknown) | null = null;

  /**
   * Locale's code (locale.ts: Qt.locale(), Locale, the locale methods of
   * Number and Date), loaded before the first file whose text speaks of
   * locales is compiled; null when `source` does not or it is there.
   */
  private localeNamedIn(source: string): Promise<void> | null {
    if (this.localeCall !== null || !source.includes('ocale')) return null;
    this.localeLoading ??= import('./locale').then(
      ({ LOCALE_ENUMS, QmlNumber, localeCall, qtLocale }) => {
        this.globals.Locale = LOCALE_ENUMS;
        this.globals.Number = QmlNumber;
        (this.globals.Qt as { locale?: unknown }).locale = qtLocale;
        this.localeCall = localeCall;
      },
      (e: unknown) => {
        this.localeLoading = null;
        throw e;
      },
    );
    return this.localeLoading;
  }

  /** Qt.md5's code (md5.ts), loaded before the first file that names it is compiled. */
  private readonly loadMd5 = loadOnce(() => import('./md5').then(({ md5Hex }) => provideMd5(md5Hex)));
  private md5Loaded = false;

  private md5NamedIn(source: string): Promise<void> | null {
    if (this.md5Loaded || !source.includes('md5')) return null;
    return this.loadMd5().then(() => {
      this.md5Loaded = true;
    });
  }

  private xhrLoading: Promise<void> | null = null;

  /**
   * XMLHttpRequest's code (xhr.ts), loaded before the first file that names
   * it is compiled, as the rarely used types are; null when `source` does
   * not name it or it is there.
   */
  private xhrNamedIn(source: string): Promise<void> | null {
    if (this.globals.XMLHttpRequest !== undefined || !source.includes('XMLHttpRequest')) return null;
    this.xhrLoading ??= import('./xhr').then(
      ({ XhrConstructors, fetchTransport }) => {
        this.globals.XMLHttpRequest = new XhrConstructors({
          transport: this.options.http ?? nodeHttpTransport() ?? fetchTransport,
          report: (e) => this.sink.warn(this.describeError(e, undefined)),
          warn: (m) => this.sink.warn(m),
        });
      },
      (e: unknown) => {
        this.xhrLoading = null;
        throw e;
      },
    );
    return this.xhrLoading;
  }

  /** The lazy types `source` names that its imports do not have yet, loaded into them; null if none. */
  private lazyTypesNamedIn(imports: FileImports, source: string): Promise<unknown> | null {
    let waits: Promise<unknown>[] | null = null;
    let text: string | null = null;
    for (const m of imports.modules) {
      const list = this.lazyTypes.get(m.name);
      if (list === undefined) continue;
      for (const lazy of list) {
        if (lazy.loaded) continue;
        // (a module's own name, `import Foo.Loader`, is not a mention of its type)
        text ??= source.replace(/^[ \t]*import[ \t].*$/gm, '');
        if (!lazy.named.test(text)) continue;
        // (the module's own table, which every file importing it shares, gets the types)
        lazy.loading ??= lazy.load().then(
          (types) => {
            Object.assign(this.modules.get(m.name)!, types);
            lazy.loaded = true;
          },
          (e: unknown) => {
            // (a file naming them later tries again)
            lazy.loading = undefined;
            throw e;
          },
        );
        waits ??= [];
        waits.push(lazy.loading);
      }
    }
    return waits && Promise.all(waits);
  }

  // ---- services -------------------------------------------------------------

  /** Set by Qt.quit(): nothing queued runs any more (Qt leaves the event loop). */
  private quitting = false;

  setTimer(fn: () => void, ms: number): unknown {
    const run = () => {
      if (!this.quitting) fn();
    };
    return this.options.setTimer ? this.options.setTimer(run, ms) : setTimeout(run, ms);
  }

  clearTimer(handle: unknown): void {
    if (this.options.clearTimer) this.options.clearTimer(handle);
    else clearTimeout(handle as ReturnType<typeof setTimeout>);
  }

  requestPolish(target: Polishable): void {
    if (this.polishQueue.length === 0) this.options.scheduleFrame?.();
    this.polishQueue.push(target);
  }

  /** True when items wait for a polish pass. */
  get polishPending(): boolean {
    return this.polishQueue.length > 0;
  }

  /**
   * Runs the pending polish passes (Qt does this before each frame). A pass
   * may request more (a view creating delegates that contain positioners);
   * those run too, up to a bound that stops a layout that never settles.
   * Running animations advance first; while any runs, another frame is
   * requested.
   */
  polish(force = false): void {
    // After Qt.quit() no frame comes: Qt has left its event loop (a layout a
    // change asked for in the handler that quit never happens). `force`: a
    // tool that reads the geometry lays out anyway.
    if (this.quitting && !force) return;
    try {
      this.animations.tick();
    } catch (e) {
      this.reportError(e, undefined);
    }
    // Qt takes the last item asked for first (QQuickWindowPrivate::polishItems),
    // so one asked for during a polish pass is polished next.
    const q = this.polishQueue;
    for (let budget = q.length * 100 + 1000; budget > 0 && q.length > 0; budget--) {
      const item = q.pop()!;
      try {
        item.$updatePolish();
      } catch (e) {
        this.reportError(e, undefined);
      }
    }
    if (this.animations.active) this.options.scheduleFrame?.();
  }

  private quit(code: number): void {
    // Qt posts the quit: the rest of the running handler still executes,
    // then the event loop ends; timers and Qt.callLater calls that were
    // pending do not run.
    if (this.quitting) return;
    this.quitting = true;
    const done = () => this.options.onQuit?.(code);
    if (this.options.setTimer) this.options.setTimer(done, 0);
    else setTimeout(done, 0);
  }

  private callLater(fn: JsFunction, args: unknown[]): void {
    const q = this.callLaterQueue;
    const i = q.findIndex((e) => e.fn === fn);
    if (i >= 0) q.splice(i, 1);
    q.push({ fn, args });
    if (this.callLaterScheduled) return;
    this.callLaterScheduled = true;
    this.setTimer(() => {
      this.callLaterScheduled = false;
      const items = q.splice(0);
      for (const { fn: f, args: a } of items) {
        try {
          f(...a);
        } catch (e) {
          this.sink.warn(
            `${this.describeError(e, undefined)} (exception occurred during delayed function evaluation)`,
          );
        }
      }
    }, 0);
  }

  /**
   * Prints an error the way Qt does. Errors in bindings carry the binding's
   * line and column (`file:6:5: ReferenceError: x is not defined`); errors
   * thrown by handlers and functions carry the line of the throwing
   * statement only (`file:27: Error: ...`).
   */
  reportError(error: unknown, where: SourceLocation | undefined): void {
    this.sink.warn(this.describeError(error, where));
  }

  /** The last value thrown by QML code that is not an Error, and where (Qt reports the throwing line). */
  private lastThrown: { value: unknown; where: SourceLocation | undefined } | null = null;

  /** Binding errors held back while a component is created (see EngineServices.reportBindingError). */
  deferredBindingErrors: string[] | null = null;

  reportBindingError(error: unknown, where: SourceLocation | undefined, bindable: boolean): void {
    const precise = bindable || error instanceof AssignError || error instanceof QmlError;
    const message = this.describeError(error, precise || !where ? where : { ...where, column: 0 });
    if (!bindable && this.deferredBindingErrors) this.deferredBindingErrors.push(message);
    else this.sink.warn(message);
  }

  qtError(error: unknown, scope: unknown, ctx: unknown): unknown {
    return toQtError(error, scope, ctx, this.isMethodCall);
  }

  /** Per file or script: whether a failed read (`line:name`) was a method call's callee. */
  private readonly callSites = new WeakMap<object, Map<string, boolean>>();

  /** Whether the property read that threw `e` was a method call's callee in QML code (V4 words the two apart). */
  private readonly isMethodCall: MethodCallLookup = (e, name) => {
    const at = this.locateInStack(e);
    if (!at) return false;
    const file = this.compiled.get(at.url);
    const script = file ? undefined : this.scripts.get(at.url);
    const owner = file ?? script;
    if (!owner) return false;
    let known = this.callSites.get(owner);
    if (!known) {
      known = new Map();
      this.callSites.set(owner, known);
    }
    const key = `${at.line}:${name}`;
    let call = known.get(key);
    if (call === undefined) {
      call =
        (file
          ? isMethodCallRead(file.program, at.line, name, (n) => file.lines(n.start).line)
          : isMethodCallRead(
              script!.program,
              at.line,
              name,
              (n) => (n.loc as { start: { line: number } }).start.line,
            )) ?? false;
      known.set(key, call);
    }
    return call;
  };

  /** The file and line of the innermost frame of an exception's stack in QML code or an imported script. */
  private locateInStack(e: Error): SourceLocation | undefined {
    for (const m of (e.stack ?? '').matchAll(STACK_FRAME)) {
      const url = m[1]!;
      // (a .js frame of the page's own scripts is not one of the scene's)
      if (/\.m?js$/.test(url) && !this.scripts.has(url)) continue;
      // Generated code runs through `new Function`, which adds two lines (codegen.ts).
      return { url, line: Number(m[2]) - 2, column: 0 };
    }
    return undefined;
  }

  describeError(error: unknown, where: SourceLocation | undefined): string {
    if (error instanceof QmlError) return error.message;
    const at = (loc: SourceLocation | undefined, withColumn: boolean) => {
      if (!loc) return '';
      if (withColumn && loc.column > 0) return `${loc.url}:${loc.line}:${loc.column}: `;
      return `${loc.url}:${loc.line}: `;
    };
    if (error instanceof AssignError) return `${at(where, true)}${error.message}`;
    if (error instanceof Error) {
      toQtError(error, undefined, undefined, this.isMethodCall);
      // (an empty message: V4 prints the error's name alone)
      const text =
        error.message === '' ? builtinErrorName(error) : `${builtinErrorName(error)}: ${error.message}`;
      if (where && where.column > 0) return `${at(where, true)}${text}`;
      const thrown = this.locateInStack(error);
      // V4's stack overflow error carries no position: Qt reports it at line 1.
      if (error instanceof RangeError && error.message === 'Maximum call stack size exceeded.') {
        const url = thrown?.url ?? where?.url;
        if (url !== undefined) return `${url}:1: ${text}`;
      }
      return `${at(thrown ?? where, false)}${text}`;
    }
    const last = this.lastThrown;
    if (last !== null && Object.is(last.value, error) && last.where !== undefined) {
      return `${at(last.where, false)}${String(error)}`;
    }
    return `${at(where, where !== undefined && where.column > 0)}${String(error)}`;
  }

  // ---- loading --------------------------------------------------------------

  /**
   * Loads and compiles a file and every file its types come from. Throws
   * QmlError on errors. `main`: the file the engine is asked to run, whose
   * root is not a type of its own unless it declares members.
   */
  load(url: string, main = false): Promise<CompiledFile> {
    const known = this.loading.get(url);
    if (known) return known;
    const p = driveAsync(this.loadSteps(url, main));
    this.loading.set(url, p);
    p.catch(() => this.loading.delete(url));
    return p;
  }

  /**
   * Loads and compiles a file now, as Qt loads local files (Loader.source,
   * Qt.createComponent): undefined when a file can only be read
   * asynchronously (over the network). Throws QmlError on errors.
   */
  loadNow(url: string): CompiledFile | undefined {
    const known = this.compiled.get(url);
    if (known) return known;
    return driveSync(this.loadSteps(url, false));
  }

  /** Forgets loaded files (all, or the given urls), so they are read again: for hot reloading. */
  invalidate(urls?: string[]): void {
    const list = urls ?? [...new Set([...this.loading.keys(), ...this.compiled.keys()])];
    for (const u of list) {
      this.loading.delete(u);
      const f = this.compiled.get(u);
      if (f) this.resolvers.delete(f);
      this.compiled.delete(u);
      this.imports.delete(u);
      this.scripts.delete(u);
    }
    // (a folder's qmldir is read again; its singletons are made anew)
    this.qmldirs.clear();
    this.destroySingletons();
  }

  /** The engine's end: requests still on the network are dropped (Qt deletes their replies with the engine). */
  shutdown(): void {
    (this.globals.XMLHttpRequest as { shutdown(): void } | undefined)?.shutdown();
    this.destroySingletons();
  }

  /** Destroys the qmldir singletons made so far (the engine's end, after the root: Qt's order). */
  destroySingletons(): void {
    const made = [...this.singletons.values()];
    this.singletons.clear();
    for (const o of made) o.$destroy();
  }

  /**
   * Loading one file, as steps: each `yield` hands over what the file source
   * returned (a value, or a promise when it reads asynchronously), so the
   * same steps run now (loadNow) or asynchronously (load).
   */
  private *loadSteps(
    url: string,
    main: boolean,
    chain: readonly string[] = [],
  ): Generator<unknown, CompiledFile, unknown> {
    const files = this.options.files;
    let source: string;
    try {
      source = (yield files.read(url)) as string;
    } catch (e) {
      if (e === MUST_WAIT) throw e;
      throw new QmlError(url, -1, -1, 'No such file or directory');
    }
    const program = parseQml(source, url);
    const imports = this.resolveImports(url, program);
    const lazy = this.lazyTypesNamedIn(imports, source);
    if (lazy) yield lazy;
    const xhr = this.xhrNamedIn(source);
    if (xhr) yield xhr;
    const locale = this.localeNamedIn(source);
    if (locale) yield locale;
    const md5 = this.md5NamedIn(source);
    if (md5) yield md5;
    yield* this.checkPathImports(url, program);
    this.imports.set(url, imports);
    // Load the files behind type names that no module provides, in the order the file names them.
    for (const [name, use] of referencedTypeNames(program)) {
      const type = this.moduleType(imports, name);
      if (type) {
        // (code some types load on first use, before a file that names them is compiled)
        const loading = type.preload?.();
        if (loading) yield loading;
        continue;
      }
      if (JS_GLOBALS.has(name) || isQualifier(imports, name)) continue;
      for (const dir of imports.directories) {
        const listed = (yield* this.qmldirOf(dir)).get(name);
        const candidate = `${dir}${listed?.file ?? `${name}.qml`}`;
        // (a file naming itself, or one that names it back: it is compiled after, as Qt allows)
        if (candidate === url || chain.includes(candidate)) break;
        if (!(yield files.exists(candidate))) continue;
        try {
          yield* this.dependency(candidate, [...chain, url]);
        } catch (e) {
          // Qt reports a broken type file where it is used, then the file's own errors.
          if (!(e instanceof QmlError) || use === undefined) throw e;
          const error = new QmlError(url, use.line, use.column, `Type ${name} unavailable`);
          error.message = `${error.message}\n${e.message}`;
          throw error;
        }
        break;
      }
    }
    return this.compileParsed(url, source, program, main);
  }

  /** The types a directory's qmldir names (`Name 1.0 File.qml`, `singleton Name 1.0 File.qml`). */
  private *qmldirOf(dir: string): Generator<unknown, Map<string, QmldirType>, unknown> {
    let types = this.qmldirs.get(dir);
    if (types) return types;
    types = new Map();
    const url = `${dir}qmldir`;
    const files = this.options.files;
    if ((yield files.exists(url)) as boolean) {
      for (const line of ((yield files.read(url)) as string).split('\n')) {
        const words = line.replace(/#.*/, '').trim().split(/\s+/);
        const singleton = words[0] === 'singleton';
        const entry = singleton ? words.slice(1) : words;
        // (a type's name starts with a capital; the version, major.minor, may be left out; its file is .qml)
        const [name, version] = entry;
        const file = entry[entry.length - 1];
        const versioned = entry.length === 3 && /^\d+\.\d+$/.test(version!);
        if ((versioned || entry.length === 2) && /^[A-Z]/.test(name!) && file!.endsWith('.qml'))
          types.set(name!, { file: file!, singleton });
      }
    }
    this.qmldirs.set(dir, types);
    return types;
  }

  /** A qmldir singleton's instance: made on first use, kept for the engine's life. */
  private singletonOf(file: CompiledFile): QObject {
    const known = this.singletons.get(file.url);
    if (known !== undefined) return known;
    // Known before its bindings run (one reading its own type's name gets it);
    // made outside the binding that first named it.
    try {
      return untracked(() =>
        this.creator.create(file.rootUnit, this.rootContext, {
          beforeFinalize: (root) => {
            markIndestructible(root);
            this.singletons.set(file.url, root);
          },
        }),
      );
    } catch (e) {
      this.singletons.delete(file.url);
      throw e;
    }
  }

  private *dependency(url: string, chain: readonly string[]): Generator<unknown, CompiledFile, unknown> {
    const done = this.compiled.get(url);
    if (done) return done;
    const pending = this.loading.get(url);
    if (pending) return (yield pending) as CompiledFile;
    return yield* this.loadSteps(url, false, chain);
  }

  private compileParsed(url: string, source: string, program: ast.Program, main: boolean): CompiledFile {
    const lines = new LineTable(source);
    const typeName = url.slice(url.lastIndexOf('/') + 1).replace(/\.qml$/, '');
    const file = new CompiledFile(url, program, typeName, (o) => lines.locate(o));
    file.isMain = main;
    new Compiler(this, file).compile();
    this.compiled.set(url, file);
    return file;
  }

  /**
   * A component for the file at `url` (Qt.createComponent, Loader.source):
   * Ready at once when the file can be read now, as Qt loads local files;
   * otherwise Loading, then Ready or Error.
   */
  componentForUrl(url: string, context: QmlContext | null = null): QmlComponent {
    const c = new QmlComponent();
    c.$engine = this;
    const ctx = context ?? this.rootContext;
    try {
      const file = this.loadNow(url);
      if (file) c.$initComponent(file.rootUnit, ctx);
      else {
        c.$initLoading(url);
        this.load(url).then(
          (f) => c.$initComponent(f.rootUnit, ctx),
          (e: unknown) => {
            if (e instanceof QmlError) c.$initError(url, e);
            else this.reportError(e, undefined);
          },
        );
      }
    } catch (e) {
      if (!(e instanceof QmlError)) throw e;
      c.$initError(url, e);
    }
    return c;
  }

  /**
   * `Qt.createQmlObject(qml, parent, filepath)`: compiles QML text now (its
   * types must be built in or already loaded) and creates it under `parent`.
   * Throws Qt's error, with `qmlErrors`, when the text does not compile.
   */
  createQmlObject(qml: string, parent: QObject | null, filepath: string, baseUrl: string): QObject | null {
    const url = filepath || 'inline';
    let file: CompiledFile;
    try {
      const program = parseQml(qml, url);
      const base = baseUrl.slice(0, baseUrl.lastIndexOf('/') + 1);
      const imports = this.resolveImports(base + url, program);
      this.imports.set(url, imports);
      file = this.compileParsed(url, qml, program, true);
    } catch (e) {
      if (!(e instanceof QmlError)) throw e;
      const error = new Error(
        `Qt.createQmlObject(): failed to create object: \n    ${e.message}`,
      ) as Error & {
        qmlErrors: unknown[];
      };
      error.qmlErrors = [
        { lineNumber: e.line, columnNumber: e.column, fileName: url, message: e.description },
      ];
      throw error;
    }
    return this.createFromComponent(file.rootUnit, this.rootContext, parent, undefined);
  }

  /** Qt refuses to load a file whose imported directory or script does not exist; scripts are compiled here. */
  private *checkPathImports(url: string, program: ast.Program): Generator<unknown, void, unknown> {
    const files = this.options.files;
    for (const imp of program.imports) {
      if (imp.path === undefined) continue;
      if (isScriptPath(imp.path)) {
        const script = new URL(imp.path, url).href;
        if (!(yield files.exists(script)))
          throw scriptUnavailable(url, imp, script, `${script}: No such file or directory`);
        try {
          yield* this.loadScript(script, []);
        } catch (e) {
          if (!(e instanceof QmlError)) throw e;
          // Qt reports the import, then the script's own error.
          throw scriptUnavailable(url, imp, script, e.message);
        }
      } else if (files.isDirectory) {
        const dir = new URL(imp.path.endsWith('/') ? imp.path : `${imp.path}/`, url).href;
        if (!(yield files.isDirectory(dir)))
          throw new QmlError(url, imp.line, imp.column, `"${imp.path}": no such directory`);
      }
    }
  }

  /** Reads and compiles a script and the scripts it imports (`chain`: its importers, to refuse a cycle). */
  private *loadScript(url: string, chain: string[]): Generator<unknown, ScriptFile, unknown> {
    const known = this.scripts.get(url);
    if (known) return known;
    const files = this.options.files;
    const source = (yield files.read(url)) as string;
    const xhr = this.xhrNamedIn(source);
    if (xhr) yield xhr;
    const locale = this.localeNamedIn(source);
    if (locale) yield locale;
    const md5 = this.md5NamedIn(source);
    if (md5) yield md5;
    // (an ECMAScript module's compiler loads with the first module)
    const modules = url.endsWith('.mjs') ? ((yield loadModules()) as typeof import('./modules')) : null;
    const script = new ScriptFile(url, source, modules?.compileModule);
    for (const imp of script.imports) {
      if (imp.url === url || chain.includes(imp.url))
        throw new QmlError(url, imp.line, 1, `Cyclic import of script ${imp.path}`);
      if (!(yield files.exists(imp.url)))
        throw scriptUnavailable(
          url,
          // (a module's import has no position in Qt's message)
          { line: imp.line, column: imp.line < 0 ? -1 : 1 },
          imp.url,
          `${imp.url}: No such file or directory`,
        );
      script.resolved.push(yield* this.loadScript(imp.url, [...chain, url]));
    }
    for (const m of script.modules) {
      const types = this.modules.get(m.module);
      if (!types) throw new QmlError(url, m.line, 1, `module "${m.module}" is not installed`);
      script.moduleValues.push(
        namespaceObject((n) => (types[n] ? { kind: 'type', meta: types[n] } : undefined)),
      );
    }
    this.scripts.set(url, script);
    return script;
  }

  private resolveImports(url: string, program: ast.Program): FileImports {
    const base = url.slice(0, url.lastIndexOf('/') + 1);
    const result: FileImports = { modules: [], directories: [base], scripts: [] };
    for (const imp of program.imports) {
      if (imp.module !== undefined) {
        const types = this.modules.get(imp.module);
        if (!types) throw new QmlError(url, imp.line, imp.column, `module "${imp.module}" is not installed`);
        const majors = MODULE_MAJOR_VERSIONS[imp.module];
        if (imp.version && majors && !majors.includes(imp.version.major)) {
          const v = `${imp.version.major}.${imp.version.minor ?? 0}`;
          throw new QmlError(
            url,
            imp.line,
            imp.column,
            `module "${imp.module}" version ${v} is not installed`,
          );
        }
        const m: ImportedModule = { name: imp.module, types };
        if (imp.qualifier !== undefined) m.qualifier = imp.qualifier;
        result.modules.push(m);
      } else if (imp.path !== undefined && isScriptPath(imp.path) && imp.qualifier !== undefined) {
        result.scripts.push({ qualifier: imp.qualifier, url: new URL(imp.path, url).href });
      } else if (imp.path !== undefined && !isScriptPath(imp.path)) {
        const dir = new URL(imp.path.endsWith('/') ? imp.path : `${imp.path}/`, url).href;
        result.directories.push(dir);
      }
    }
    return result;
  }

  private moduleType(imports: FileImports, name: string): MetaObject | undefined {
    for (const m of imports.modules) if (m.qualifier === undefined && m.types[name]) return m.types[name];
    return undefined;
  }

  resolverFor(fileOrUnit: CompiledFileType | Unit): TypeResolver {
    const file = fileOrUnit instanceof CompiledFile ? fileOrUnit : fileOrUnit.file;
    let r = this.resolvers.get(file);
    if (r) return r;
    const imports = this.imports.get(file.url)!;
    r = {
      resolve: (name: string): TypeEntry | undefined => {
        const inline = file.inlineComponents.get(name);
        if (inline?.root) return { kind: 'type', meta: inline.root.meta, inline };
        for (const s of imports.scripts) {
          if (s.qualifier === name)
            return {
              kind: 'script',
              instance: (ctx) => this.scripts.get(s.url)?.instanceFor(ctx, this.scriptGlobals),
            };
        }
        for (const m of imports.modules) {
          if (m.qualifier === name) {
            return {
              kind: 'namespace',
              resolve: (n) => (m.types[n] ? { kind: 'type', meta: m.types[n] } : undefined),
            };
          }
        }
        const meta = this.moduleType(imports, name);
        if (meta) return { kind: 'type', meta };
        for (const dir of imports.directories) {
          const listed = this.qmldirs.get(dir)?.get(name);
          const f = this.compiled.get(`${dir}${listed?.file ?? `${name}.qml`}`);
          if (f && listed?.singleton)
            return { kind: 'type', meta: f.meta, file: f, singleton: () => this.singletonOf(f) };
          if (f) return { kind: 'type', meta: f.meta, file: f };
        }
        return undefined;
      },
    };
    this.resolvers.set(file, r);
    return r;
  }

  // ---- creating -------------------------------------------------------------

  /** Creates the root object of a loaded file. */
  create(file: CompiledFile): QObject {
    // The object the runtime loads is owned by it (C++ ownership in Qt's qml tool): destroy() refuses it.
    return this.creator.create(file.rootUnit, this.rootContext, {
      beforeFinalize: file.isMain ? (root) => markIndestructible(root) : undefined,
    });
  }

  /**
   * createObject's initial properties (QQmlComponentPrivate::setInitialProperties):
   * a name the object does not have, or a value of the wrong type, is
   * reported and skipped; the others are set. `a.b` names a property of a
   * grouped or object property.
   */
  private setInitialProperties(root: QObject, url: string, properties: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(properties)) {
      const path = key.split('.');
      let target: unknown = root;
      for (const part of path.slice(0, -1))
        target =
          target instanceof QObject && part in target
            ? (target as unknown as Record<string, unknown>)[part]
            : null;
      const name = path[path.length - 1]!;
      if (!(target instanceof QObject) || !target.$meta.hasMember(name)) {
        // (measured: a missing property of a grouped property, `border.nope`, is passed over silently)
        if (path.length === 1)
          this.sink.warn(
            `${url}: Setting initial properties failed: ${qmlTypeName(root)} does not have a property called ${key}`,
          );
        continue;
      }
      try {
        (target as unknown as Record<string, unknown>)[name] = value;
      } catch (e) {
        if (e instanceof Error && e.message.startsWith('Cannot assign '))
          this.sink.warn(`${url}: Could not set initial property ${key}`);
        else this.reportError(e, undefined);
      }
    }
  }

  createFromComponent(
    unit: Unit,
    context: QmlContext,
    parent: QObject | null,
    properties: Record<string, unknown> | undefined,
    contextObject?: QObject,
    /** Runs before the instance's bindings are evaluated (a view initializing its delegate). */
    init?: (root: QObject) => void,
  ): QObject | null {
    let ctx = context;
    if (contextObject) ctx = new QmlContext(context.url, context, contextObject, this);
    return this.creator.create(unit, ctx, {
      owner: parent,
      dynamic: true,
      initialProperties: properties ? Object.keys(properties) : [],
      beforeFinalize: (root) => {
        if (parent && isItem(root)) {
          // Qt: an item made under a window goes into its content item; under
          // any other non-item it has no parent item, and Qt says so.
          const content = (parent as unknown as { contentItem?: unknown }).contentItem;
          const holder = isItem(parent)
            ? parent
            : content instanceof QObject && isItem(content)
              ? content
              : null;
          if (holder) (root as unknown as { parent: unknown }).parent = holder;
          else
            this.sink.warn('QQmlComponent: Created graphical object was not placed in the graphics scene.');
        }
        if (properties) this.setInitialProperties(root, unit.file.url, properties);
        init?.(root);
      },
    });
  }
}

/**
 * Type names a document mentions (first parts of object types, property
 * types, attached names, JS identifiers), with the first object declaration
 * that uses each as its type.
 */
function referencedTypeNames(program: ast.Program): Map<string, ast.Span | undefined> {
  const names = new Map<string, ast.Span | undefined>();
  const inline = new Set<string>();
  const addType = (t: string, use?: ast.Span) => {
    const first = t.split('.')[0]!;
    if (!/^[A-Z]/.test(first)) return;
    if (names.get(first) === undefined) names.set(first, use);
  };
  const visitJs = (node: unknown) => {
    const stack: unknown[] = [node];
    while (stack.length > 0) {
      const n = stack.pop() as Record<string, unknown> | null;
      if (!n || typeof n !== 'object') continue;
      if (n.type === 'Identifier' && typeof n.name === 'string') addType(n.name);
      // `ListView.Horizontal`, `{ AlignLeft: 1 }`: a property name is not a type's name.
      if (n.type === 'MemberExpression' && n.computed === false) {
        stack.push(n.object);
        continue;
      }
      if (n.type === 'Property' && n.computed === false && n.shorthand === false) {
        stack.push(n.value);
        continue;
      }
      for (const k in n) {
        if (k === 'loc') continue;
        const v = n[k];
        if (v && typeof v === 'object') stack.push(v);
      }
    }
  };
  const visitMembers = (members: ast.Member[]) => {
    for (const m of members) {
      switch (m.kind) {
        case 'ObjectDefinition':
          visitObject(m);
          break;
        case 'Binding':
          if (m.name.length > 1) addType(m.name[0]!);
          visitValue(m.value);
          break;
        case 'GroupBlock':
          visitMembers(m.members);
          break;
        case 'OnBinding':
          visitObject(m.object);
          break;
        case 'PropertyDeclaration':
          addType(m.typeName);
          if (m.value) visitValue(m.value);
          break;
        case 'FunctionDeclaration':
          visitJs(m.body);
          break;
        case 'InlineComponent':
          inline.add(m.name);
          visitObject(m.object);
          break;
        default:
          break;
      }
    }
  };
  const visitValue = (v: ast.BindingValue) => {
    if (v.kind === 'Script') visitJs(v.statement);
    else if (v.kind === 'ObjectDefinition') visitObject(v);
    else for (const o of v.objects) visitObject(o);
  };
  const visitObject = (o: ast.ObjectDefinition) => {
    addType(o.typeName, o.typeSpan);
    visitMembers(o.members);
  };
  visitObject(program.root);
  for (const n of inline) names.delete(n);
  return names;
}

/** Qt's error for an import of a script it cannot use, followed by the reason (the script's own error). */
function scriptUnavailable(
  url: string,
  at: { line: number; column: number },
  script: string,
  reason: string,
): QmlError {
  const error = new QmlError(url, at.line, at.column, `Script ${script} unavailable`);
  error.message = `${error.message}\n${reason}`;
  return error;
}

/** Whether `o` is an Item (it has QQuickItem's `parent`); the engine does not import the item types. */
function isItem(o: QObject): boolean {
  return o.$meta.propsByName.get('parent')?.type === 'Item';
}

/** Whether `name` is the qualifier of an import (`as Util`): no file is looked for. */
function isQualifier(imports: FileImports, name: string): boolean {
  return (
    imports.modules.some((m) => m.qualifier === name) || imports.scripts.some((s) => s.qualifier === name)
  );
}

/** Where a stack frame is (a QML file's or an imported script's): URL, line, column. */
const STACK_FRAME = /((?:file|https?|qrc|blob|data|memory):[^\s()]*?\.(?:qml|m?js)):(\d+):(\d+)/g;

const loadModules = loadOnce(() => import('./modules'));

/** A JavaScript file or an ECMAScript module (`import "util.js" as Util`, `import "lib.mjs" as Lib`). */
function isScriptPath(path: string): boolean {
  return path.endsWith('.js') || path.endsWith('.mjs');
}
