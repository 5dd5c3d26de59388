// The QML engine: loads .qml files (and the sibling files their types come
// from), compiles them, creates objects, and reports errors in Qt's words.
import type * as ast from '../qml/ast';
import { QmlError } from '../qml/error';
import { LineTable, parseQml } from '../qml/parser';
import { AnimationDriver } from './animation';
import { AssignError } from './assign-error';
import { type BindingFunction, BindingMarker } from './binding';
import type { QmlGlobals, Runtime } from './codegen';
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
import { formatArgs, makeConsole, makeQtObject } from './globals';
import { JS_GLOBALS } from './jscompile';
import type { MetaObject, QObject, TypeCounters } from './qobject';
import {
  ComponentAttachedMeta,
  type ComponentFactory,
  ConnectionsMeta,
  QmlComponentMeta,
  QtObjectMeta,
  TimerMeta,
} from './qtqml';

/** Where the engine reads .qml files from: the file system in Node, fetch in a browser, a map in tests. */
export interface FileSource {
  /** The file's text; rejects (or throws) when it does not exist. */
  read(url: string): Promise<string> | string;
  /** Whether a file exists (to find `Name.qml` for a type `Name`). */
  exists(url: string): Promise<boolean> | boolean;
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
}

/** Writes Qt's messages to the console (the default sink). */
export const consoleSink: MessageSink = {
  warn: (m) => console.warn(m),
  log: (level, m) => console[level](m),
};

interface ImportedModule {
  name: string;
  types: Record<string, MetaObject>;
  qualifier?: string;
}

interface FileImports {
  modules: ImportedModule[];
  /** Directories searched for `Name.qml`: the file's own first, then `import "dir"`. */
  directories: string[];
}

export class QmlEngine implements EngineServices, ComponentFactory {
  readonly sink: MessageSink;
  readonly rootContext: QmlContext;
  readonly globals: QmlGlobals;
  readonly runtime: Runtime;
  readonly componentMeta = QmlComponentMeta;
  readonly componentAttachedMeta = ComponentAttachedMeta;
  readonly typeCounters: TypeCounters = { file: 0, inline: 0 };
  readonly animations: AnimationDriver;
  private readonly modules = new Map<string, Record<string, MetaObject>>();
  private readonly loading = new Map<string, Promise<CompiledFile>>();
  private readonly compiled = new Map<string, CompiledFile>();
  private readonly imports = new Map<string, FileImports>();
  private readonly resolvers = new Map<CompiledFile, TypeResolver>();
  private readonly creator: Creator;
  private readonly options: EngineOptions;
  private polishQueue = new Set<Polishable>();
  private readonly callLaterQueue: Array<{ fn: JsFunction; args: unknown[] }> = [];
  private callLaterScheduled = false;

  constructor(options: EngineOptions) {
    this.options = options;
    this.sink = options.sink ?? consoleSink;
    this.animations = new AnimationDriver(() => options.scheduleFrame?.(), options.now);
    this.rootContext = new QmlContext('', null, null, this);
    const qt = makeQtObject({
      quit: () => this.quit(0),
      exit: (code) => this.quit(code),
      binding: (fn) => new BindingMarker(fn as BindingFunction, this),
      callLater: (fn, args) => this.callLater(fn, args),
      createQmlObject: (qml, parent, filepath) =>
        this.createQmlObject(
          String(qml),
          parent as QObject | null,
          String(filepath ?? ''),
          (parent as QObject | null)?.$declaration?.url ?? '',
        ),
      platformOs: options.platformOs ?? 'linux',
      applicationArguments: options.arguments ?? [],
    });
    const console_ = makeConsole(this.sink, () => Date.now());
    this.globals = {
      Qt: qt,
      console: console_,
      print: (...args: unknown[]) => this.sink.log('log', `qml: ${formatArgs(args)}`),
      qsTr: (s: string) => s,
      qsTranslate: (_ctx: string, s: string) => s,
      qsTrId: (id: string) => id,
      QT_TR_NOOP: (s: string) => s,
      QT_TRANSLATE_NOOP: (_ctx: string, s: string) => s,
      QT_TRID_NOOP: (s: string) => s,
      XMLHttpRequest: (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest,
      gc: () => {},
    };
    this.runtime = {
      ref: (name: string): never => {
        throw new ReferenceError(`${name} is not defined`);
      },
      badWrite: (name: string) => ({
        set v(_value: unknown) {
          throw new TypeError(`Invalid write to global property "${name}"`);
        },
        get v() {
          return undefined;
        },
      }),
    };
    this.creator = new Creator(this);
    this.registerModule('QtQml', {
      QtObject: QtObjectMeta,
      Component: QmlComponentMeta,
      Timer: TimerMeta,
      Connections: ConnectionsMeta,
    });
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
    if (this.polishQueue.size === 0) this.options.scheduleFrame?.();
    this.polishQueue.add(target);
  }

  /** True when items wait for a polish pass. */
  get polishPending(): boolean {
    return this.polishQueue.size > 0;
  }

  /**
   * Runs the pending polish passes (Qt does this before each frame). A pass
   * may request more (a view creating delegates that contain positioners);
   * those run too, up to a bound that stops a layout that never settles.
   * Running animations advance first; while any runs, another frame is
   * requested.
   */
  polish(): void {
    try {
      this.animations.tick();
    } catch (e) {
      this.reportError(e, undefined);
    }
    for (let round = 0; round < 100 && this.polishQueue.size > 0; round++) {
      const items = [...this.polishQueue];
      this.polishQueue.clear();
      for (const item of items) {
        try {
          item.$updatePolish();
        } catch (e) {
          this.reportError(e, undefined);
        }
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
          this.reportError(e, undefined);
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

  /** Binding errors held back while a component is created (see EngineServices.reportBindingError). */
  deferredBindingErrors: string[] | null = null;

  reportBindingError(error: unknown, where: SourceLocation | undefined, bindable: boolean): void {
    const precise = bindable || error instanceof AssignError || error instanceof QmlError;
    const message = this.describeError(error, precise || !where ? where : { ...where, column: 0 });
    if (!bindable && this.deferredBindingErrors) this.deferredBindingErrors.push(message);
    else this.sink.warn(message);
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
      const text = `${error.name}: ${qtErrorMessage(error)}`;
      if (isStackOverflow(error)) {
        // Qt (V4) cannot tell where the stack ran out: it names line 1 of
        // the file whose code was running, without a column (measured:
        // runtime_fault_recursion_binding, in a binding and in a handler).
        const url = where?.url ?? locateInStack(error)?.url;
        return url ? `${url}:1: ${text}` : text;
      }
      if (where && where.column > 0) return `${at(where, true)}${text}`;
      const thrown = locateInStack(error);
      return `${at(thrown ?? where, false)}${text}`;
    }
    return `${at(where, where !== undefined && where.column > 0)}${String(error)}`;
  }

  // ---- loading --------------------------------------------------------------

  /** Loads and compiles a file and every file its types come from. Throws QmlError on errors. */
  load(url: string): Promise<CompiledFile> {
    const known = this.loading.get(url);
    if (known) return known;
    const p = this.loadFile(url);
    this.loading.set(url, p);
    p.catch(() => this.loading.delete(url));
    return p;
  }

  /** Forgets loaded files (all, or the given urls), so they are read again: for hot reloading. */
  invalidate(urls?: string[]): void {
    const list = urls ?? [...this.loading.keys()];
    for (const u of list) {
      this.loading.delete(u);
      const f = this.compiled.get(u);
      if (f) this.resolvers.delete(f);
      this.compiled.delete(u);
      this.imports.delete(u);
    }
  }

  private async loadFile(url: string): Promise<CompiledFile> {
    let source: string;
    try {
      source = await this.options.files.read(url);
    } catch {
      throw new QmlError(url, -1, -1, 'No such file or directory');
    }
    const program = parseQml(source, url);
    const imports = this.resolveImports(url, program);
    this.imports.set(url, imports);
    // Load the files behind type names that no module provides.
    const names = referencedTypeNames(program);
    await Promise.all(
      [...names].map(async (name) => {
        if (this.moduleType(imports, name) || JS_GLOBALS.has(name)) return;
        for (const dir of imports.directories) {
          const candidate = `${dir}${name}.qml`;
          if (candidate === url) return;
          if (await this.options.files.exists(candidate)) {
            await this.load(candidate);
            return;
          }
        }
      }),
    );
    return this.compileParsed(url, source, program);
  }

  private compileParsed(url: string, source: string, program: ast.Program): CompiledFile {
    const lines = new LineTable(source);
    const typeName = url.slice(url.lastIndexOf('/') + 1).replace(/\.qml$/, '');
    const file = new CompiledFile(url, program, typeName, (o) => lines.locate(o));
    new Compiler(this, file).compile();
    this.compiled.set(url, file);
    return file;
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
      file = this.compileParsed(url, qml, program);
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

  private resolveImports(url: string, program: ast.Program): FileImports {
    const base = url.slice(0, url.lastIndexOf('/') + 1);
    const result: FileImports = { modules: [], directories: [base] };
    for (const imp of program.imports) {
      if (imp.module !== undefined) {
        const types = this.modules.get(imp.module);
        if (!types) throw new QmlError(url, imp.line, imp.column, `module "${imp.module}" is not installed`);
        const m: ImportedModule = { name: imp.module, types };
        if (imp.qualifier !== undefined) m.qualifier = imp.qualifier;
        result.modules.push(m);
      } else if (imp.path !== undefined && !imp.path.endsWith('.js')) {
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
          const f = this.compiled.get(`${dir}${name}.qml`);
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
    return this.creator.create(file.rootUnit, this.rootContext, { asMainFile: true });
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
      beforeFinalize: (root) => {
        if (parent && root.$meta.propsByName.get('parent')?.type === 'Item') {
          (root as unknown as { parent: unknown }).parent = parent;
        }
        if (properties) {
          for (const [k, v] of Object.entries(properties)) {
            try {
              (root as unknown as Record<string, unknown>)[k] = v;
            } catch (e) {
              this.reportError(e, undefined);
            }
          }
        }
        init?.(root);
      },
    });
  }
}

/** Type names a document mentions (first parts of object types, property types, attached names, JS identifiers). */
function referencedTypeNames(program: ast.Program): Set<string> {
  const names = new Set<string>();
  const inline = new Set<string>();
  const addType = (t: string) => {
    const first = t.split('.')[0]!;
    if (/^[A-Z]/.test(first)) names.add(first);
  };
  const visitJs = (node: unknown) => {
    const stack: unknown[] = [node];
    while (stack.length > 0) {
      const n = stack.pop() as Record<string, unknown> | null;
      if (!n || typeof n !== 'object') continue;
      if (n.type === 'Identifier' && typeof n.name === 'string' && /^[A-Z]/.test(n.name)) names.add(n.name);
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
    addType(o.typeName);
    visitMembers(o.members);
  };
  visitObject(program.root);
  for (const n of inline) names.delete(n);
  return names;
}

function isStackOverflow(e: Error): boolean {
  return e instanceof RangeError && e.message === 'Maximum call stack size exceeded';
}

/** V8's wording of common errors, in Qt's (V4's) words. */
function qtErrorMessage(e: Error): string {
  const m = e.message;
  if (isStackOverflow(e)) return 'Maximum call stack size exceeded.';
  let r = /^Cannot read properties of (null|undefined) \(reading '(.*)'\)$/.exec(m);
  if (r) return `Cannot read property '${r[2]}' of ${r[1]}`;
  r = /^Cannot set properties of (null|undefined) \(setting '(.*)'\)$/.exec(m);
  if (r) return `Cannot set property '${r[2]}' of ${r[1]}`;
  return m;
}

/** The QML file and line of the innermost QML frame of an exception's stack. */
function locateInStack(e: Error): SourceLocation | undefined {
  const stack = e.stack ?? '';
  const m = /((?:file|https?|qrc|blob|data|memory):[^\s()]*?\.qml):(\d+):(\d+)/.exec(stack);
  if (!m) return undefined;
  // Generated code runs through `new Function`, which adds two lines (codegen.ts).
  return { url: m[1]!, line: Number(m[2]) - 2, column: 0 };
}
