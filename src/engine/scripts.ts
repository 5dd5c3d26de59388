// JavaScript files imported by QML (`import "util.js" as Util`). The file's
// top-level functions and variables are read and written through the
// qualifier (`Util.add(1, 2)`, `Util.count = 3`). With `.pragma library` the
// engine keeps one instance of the file; without it, each instance of an
// importing QML file gets its own (QQmlContextData::importedScripts). A
// script may import other scripts (`.import "other.js" as Other`).
import { type Node, type Options, type Pattern, parse } from 'acorn';
import { QmlError } from '../qml/error';
import { QML_GLOBAL_NAMES } from './codegen';
import type { QmlContext } from './context';
import { forEachNode, forEachPatternName, rewriteMethodCalls } from './jscompile';
import type { ModuleTools } from './modules';

const OPTIONS: Options = { ecmaVersion: 'latest', sourceType: 'script', locations: true };

/**
 * The helpers the rewritten calls use (codegen.ts Runtime's arg and
 * locale): the values a script's factory takes after the QML globals.
 */
export const SCRIPT_HELPERS = ['$arg', '$loc', '$in'] as const;

export type ScriptFactory = (...globalsAndImports: unknown[]) => Record<string, unknown>;

/** Compiles an ECMAScript module, adding the modules it imports to `imports` (modules.ts). */
export type ModuleCompiler = (
  url: string,
  source: string,
  imports: ScriptImport[],
  tools: ModuleTools,
) => { program: object; factory: ScriptFactory };

/** The compiler pieces the module compiler borrows. */
const MODULE_TOOLS: ModuleTools = {
  parse,
  options: OPTIONS,
  globals: [...QML_GLOBAL_NAMES, ...SCRIPT_HELPERS],
  rewriteMethodCalls,
  forEachPatternName,
  syntaxError: (url, line, column, message) => new QmlError(url, line, column, message),
};

/** `.import "other.js" as Other` in a script: where, and under which name. */
export interface ScriptImport {
  readonly path: string;
  readonly url: string;
  readonly qualifier: string;
  readonly line: number;
}

export class ScriptFile {
  /** `.pragma library`: one instance shared by every importer. */
  readonly library: boolean;
  /** The scripts this one imports; the engine loads them before it is run. */
  readonly imports: ScriptImport[] = [];
  /** The imported scripts, in `imports` order, once the engine has them all. */
  resolved: ScriptFile[] = [];
  /** `.import QtQuick 2.0 as Q`: modules whose types the script reads through a qualifier. */
  readonly modules: Array<{ module: string; qualifier: string; line: number }> = [];
  /** The modules' namespaces, in `modules` order, set by the engine. */
  moduleValues: unknown[] = [];
  private readonly factory: ScriptFactory;
  /** The names the script declares at its top level (they come before the importing context's). */
  private readonly ownNames: ReadonlySet<string>;
  /** The script's syntax tree (for wording errors: call-sites.ts). */
  readonly program: object;
  private shared: Record<string, unknown> | null = null;
  private readonly perContext = new WeakMap<QmlContext, Record<string, unknown>>();

  /** Compiles the file; throws a positioned QmlError for what Qt refuses to load. */
  constructor(
    readonly url: string,
    source: string,
    /** For an ECMAScript module (`.mjs`): its compiler (modules.ts, loaded for the first one). */
    compileModule?: ModuleCompiler,
  ) {
    if (compileModule !== undefined) {
      // An ECMAScript module: one instance, its exports read through the qualifier.
      this.library = true;
      this.ownNames = new Set();
      const m = compileModule(url, source, this.imports, MODULE_TOOLS);
      this.program = m.program;
      this.factory = m.factory;
      return;
    }
    let library = false;
    // Qt's directives come first, one per line; they are blanked (lines keep their numbers).
    const lines = source.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (line === '' || line.startsWith('//')) continue;
      if (!line.startsWith('.')) break;
      const imp = /^\.import\s+"([^"]+\.js)"\s+as\s+([A-Z][\w$]*)\s*;?$/.exec(line);
      if (/^\.pragma\s+library\s*;?$/.test(line)) library = true;
      else if (imp)
        this.imports.push({
          path: imp[1]!,
          url: new URL(imp[1]!, url).href,
          qualifier: imp[2]!,
          line: i + 1,
        });
      else if (/^\.import\s+[A-Za-z][\w.]*(\s+\d+(\.\d+)?)?\s+as\s+[A-Z][\w$]*\s*;?$/.test(line)) {
        const [, module, , , qualifier] = /^\.import\s+([\w.]+)(\s+(\d+(?:\.\d+)?))?\s+as\s+([\w$]+)/.exec(
          line,
        )!;
        this.modules.push({ module: module!, qualifier: qualifier!, line: i + 1 });
      } else throw new QmlError(url, i + 1, 1, 'Syntax error');
      lines[i] = '';
    }
    this.library = library;
    const body = lines.join('\n');
    let program: { body: Node[] };
    try {
      program = parse(body, OPTIONS) as unknown as { body: Node[] };
    } catch (e) {
      const loc = (e as { loc?: { line: number; column: number } }).loc;
      if (!(e instanceof SyntaxError) || !loc) throw e;
      throw new QmlError(url, loc.line, loc.column + 1, e.message.replace(/ \(\d+:\d+\)$/, ''));
    }
    this.program = program;
    const names = topLevelNames(program.body);
    const members = names.map((n) => `get ${n}(){return ${n}},set ${n}($v){${n}=$v}`).join(',');
    // The file's first line is the generated function's first line; `new Function`
    // adds two lines before it, as for QML code (codegen.ts).
    const params = [
      ...QML_GLOBAL_NAMES,
      ...SCRIPT_HELPERS,
      ...this.imports.map((i) => i.qualifier),
      ...this.modules.map((m) => m.qualifier),
    ];
    // Without .pragma library the script runs in the importing file's context:
    // names it does not declare itself are looked up there (ids, then the
    // file's root object's properties) before the globals, through `with`.
    this.ownNames = new Set([...names, ...varNames(program.body)]);
    // (`s.arg(x)` and `n.toLocaleString(...)` as QML's, as in a QML file's code)
    const rewritten = rewriteMethodCalls(body, program as unknown as Node);
    const code = library
      ? `(function(${params.join(',')}){${rewritten}\n;return {${members}};})\n//# sourceURL=${url}`
      : `(function($qmlScope,${params.join(',')}){with($qmlScope){${rewritten}\n;return {${members}};}})\n//# sourceURL=${url}`;
    this.factory = new Function(`return ${code}`)() as ScriptFactory;
  }

  /** The instance the code of `ctx` sees (its file instance's own, or the library's). */
  instanceFor(ctx: QmlContext | null, globals: (url: string) => unknown[]): Record<string, unknown> {
    if (this.library || ctx === null) {
      this.shared ??= this.run(globals, null);
      return this.shared;
    }
    // The outermost context of the same file: one instance per instance of the importing file.
    let root = ctx;
    while (root.parent !== null && root.parent.url === root.url) root = root.parent;
    let inst = this.perContext.get(root);
    if (inst === undefined) {
      inst = this.run(globals, root);
      this.perContext.set(root, inst);
    }
    return inst;
  }

  /**
   * Runs the file once; a script it imports is the library's instance, or a
   * new one of its own in the same context.
   */
  private run(globals: (url: string) => unknown[], ctx: QmlContext | null): Record<string, unknown> {
    const imported = this.resolved.map((s) =>
      s.library ? s.instanceFor(null, globals) : s.run(globals, ctx),
    );
    const values = [...globals(this.url), ...imported, ...this.moduleValues];
    if (this.library) return this.factory(...values);
    return this.factory(contextScope(ctx, this.ownNames), ...values);
  }
}

/**
 * What a script's free names see of the importing file's context: its ids
 * (and the outer files'), then the properties of the file's root object.
 */
function contextScope(ctx: QmlContext | null, own: ReadonlySet<string>): object {
  const lookup = (name: string | symbol): { found: boolean; value?: unknown } => {
    if (ctx === null || typeof name !== 'string' || own.has(name)) return { found: false };
    const id = ctx.lookupId(name);
    if (id !== undefined) return { found: true, value: id };
    const root = ctx.rootObject;
    if (root?.$meta.hasMember(name))
      return { found: true, value: (root as unknown as Record<string, unknown>)[name] };
    return { found: false };
  };
  return new Proxy(Object.create(null) as object, {
    has: (_target, name) => lookup(name).found,
    get: (_target, name) => lookup(name).value,
    set: (_target, name, value) => {
      const root = ctx?.rootObject;
      if (root && typeof name === 'string') (root as unknown as Record<string, unknown>)[name] = value;
      return true;
    },
  });
}

/**
 * The `var` names the file declares outside its functions, at any depth
 * (`for (var i ...)`, inside `if` or `try`): they live in the function
 * around the script, outside the `with` that looks names up in the
 * importing context, so that context must not answer for them.
 */
function varNames(body: Node[]): string[] {
  const names: string[] = [];
  forEachNode(body, (n) => {
    const node = n as { type?: string; kind?: string; declarations?: Array<{ id: Pattern }> };
    switch (node.type) {
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ClassDeclaration':
      case 'ClassExpression':
        return false;
      case 'VariableDeclaration':
        if (node.kind === 'var')
          for (const d of node.declarations!) forEachPatternName(d.id, (x) => names.push(x));
        return false;
    }
    return true;
  });
  return names;
}

/** Names the file declares at its top level (functions, classes, var/let/const). */
function topLevelNames(body: Node[]): string[] {
  const names = new Set<string>();
  const add = (name: string) => names.add(name);
  for (const n of body) {
    const s = n as Node & {
      type: string;
      id?: { name: string } | null;
      declarations?: Array<{ id: Pattern }>;
    };
    if ((s.type === 'FunctionDeclaration' || s.type === 'ClassDeclaration') && s.id) names.add(s.id.name);
    else if (s.type === 'VariableDeclaration') for (const d of s.declarations!) forEachPatternName(d.id, add);
  }
  return [...names];
}
