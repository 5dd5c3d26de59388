// ECMAScript modules imported by QML (`import "lib.mjs" as Lib`), compiled
// into the factories ScriptFile runs; loaded with the first module a scene
// imports.
// It takes the engine's compiler pieces from its caller (ModuleTools), so
// that the page's own code stays in the page's scripts.
import type { Node, Options, Pattern } from 'acorn';
import type { ScriptFactory, ScriptImport } from './scripts';

/** What the engine lends the module compiler (scripts.ts, jscompile.ts, codegen.ts). */
export interface ModuleTools {
  parse(source: string, options: Options): Node;
  options: Options;
  /** The names the factory's first parameters take (QML_GLOBAL_NAMES, SCRIPT_HELPERS). */
  globals: readonly string[];
  rewriteMethodCalls(source: string, program: Node): string;
  forEachPatternName(p: Pattern, f: (name: string) => void): void;
  syntaxError(url: string, line: number, column: number, message: string): Error;
}

/**
 * An ECMAScript module (`import "lib.mjs" as Lib`, and the modules it
 * imports): its import and export statements are blanked out (positions
 * and lines kept) and the bindings they make set up around the body, which
 * runs in strict mode and returns the module's namespace: its exports,
 * read-only and in name order.
 */
export function compileModule(
  url: string,
  source: string,
  imports: ScriptImport[],
  tools: ModuleTools,
): { program: object; factory: ScriptFactory } {
  const { forEachPatternName } = tools;
  let program: { body: Node[] };
  try {
    program = tools.parse(source, { ...tools.options, sourceType: 'module' }) as unknown as { body: Node[] };
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    if (!(e instanceof SyntaxError) || !loc) throw e;
    throw tools.syntaxError(url, loc.line, loc.column + 1, e.message.replace(/ \(\d+:\d+\)$/, ''));
  }
  const text = source.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (text[i] !== '\n') text[i] = ' ';
  };
  /** The parameter the module `path` comes in as (each module once). */
  const moduleParam = (path: string): string => {
    const found = imports.findIndex((i) => i.path === path);
    if (found >= 0) return imports[found]!.qualifier;
    const qualifier = `$m${imports.length}`;
    imports.push({ path, url: new URL(path, url).href, qualifier, line: -1 });
    return qualifier;
  };
  const prefix: string[] = [];
  /** Export name -> the expression that reads it. */
  const exported = new Map<string, string>();
  const starFrom: string[] = [];
  type Spec = {
    type: string;
    local: { name: string; value?: string };
    imported?: { name: string; value?: string };
    exported?: { name: string; value?: string };
  };
  const nameOf = (id: { name: string; value?: string }) =>
    id.value !== undefined ? String(id.value) : id.name;
  for (const n of program.body) {
    const node = n as Node & {
      type: string;
      source?: { value: string } | null;
      specifiers?: Spec[];
      declaration?:
        | (Node & { type: string; id?: { name: string } | null; declarations?: Array<{ id: Pattern }> })
        | null;
      exported?: { name: string; value?: string } | null;
    };
    switch (node.type) {
      case 'ImportDeclaration': {
        const m = moduleParam(node.source!.value);
        for (const sp of node.specifiers!) {
          const local = sp.local.name;
          const read =
            sp.type === 'ImportNamespaceSpecifier'
              ? m
              : `${m}[${JSON.stringify(sp.type === 'ImportDefaultSpecifier' ? 'default' : nameOf(sp.imported!))}]`;
          prefix.push(`get ${local}(){return ${read}}`);
        }
        blank(n.start, n.end);
        break;
      }
      case 'ExportNamedDeclaration': {
        const d = node.declaration;
        if (d) {
          // `export` before a declaration: the declaration stays
          blank(n.start, d.start);
          if (d.type === 'VariableDeclaration')
            for (const v of d.declarations!) forEachPatternName(v.id, (x) => exported.set(x, x));
          else if (d.id) exported.set(d.id.name, d.id.name);
        } else {
          const m = node.source ? moduleParam(node.source.value) : null;
          for (const sp of node.specifiers!) {
            const local = nameOf(sp.local);
            exported.set(nameOf(sp.exported!), m !== null ? `${m}[${JSON.stringify(local)}]` : local);
          }
          blank(n.start, n.end);
        }
        break;
      }
      case 'ExportDefaultDeclaration': {
        const d = node.declaration!;
        if ((d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id) {
          blank(n.start, d.start);
          exported.set('default', d.id.name);
        } else {
          // "export default " and "const $default=" are as long as each other
          const head = 'const $default=';
          for (let i = 0; i < head.length; i++) text[n.start + i] = head[i]!;
          blank(n.start + head.length, d.start);
          exported.set('default', '$default');
        }
        break;
      }
      case 'ExportAllDeclaration': {
        const m = moduleParam(node.source!.value);
        if (node.exported) exported.set(nameOf(node.exported), m);
        else starFrom.push(m);
        blank(n.start, n.end);
        break;
      }
    }
  }
  const body = tools.rewriteMethodCalls(text.join(''), program as unknown as Node);
  const params = [...tools.globals, ...imports.map((i) => i.qualifier)];
  const getters = [...exported].map(([name, read]) => `[${JSON.stringify(name)},()=>${read}]`).join(',');
  // (the namespace: each export a getter, `export *` for the names not exported here, sorted, sealed)
  const namespace = `$namespace([${getters}],[${starFrom.join(',')}])`;
  // Imported names are live (a getter each, read through `with` around the
  // strict body: assigning one is a TypeError, as for an import binding).
  const code = `(function(${params.join(',')}){with({__proto__:null,${prefix.join(',')}})return(function(){"use strict";const $ns=${namespace};${body}\n;return $ns;})()})\n//# sourceURL=${url}`;
  const make = new Function('$namespace', `return ${code}`) as (ns: typeof moduleNamespace) => ScriptFactory;
  return { program, factory: make(moduleNamespace) };
}

/** A module namespace object: its exports as read-only getters in name order, `[object Module]`. */
function moduleNamespace(own: Array<[string, () => unknown]>, stars: Array<Record<string, unknown>>): object {
  const reads = new Map(own);
  for (const m of stars)
    for (const name of Object.keys(m))
      if (name !== 'default' && !reads.has(name)) reads.set(name, () => m[name]);
  const ns = Object.create(null) as object;
  for (const name of [...reads.keys()].sort())
    Object.defineProperty(ns, name, { get: reads.get(name), enumerable: true });
  Object.defineProperty(ns, Symbol.toStringTag, { value: 'Module' });
  return Object.preventExtensions(ns);
}
