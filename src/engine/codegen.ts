// Generates the JavaScript of a unit for one context shape: the types of the
// context objects around it and the ids of each level. A unit normally has
// one shape; a delegate gets one per kind of model it is used with (its
// model's roles are a context level).
import type { Expression, ExpressionStatement, Statement } from 'acorn';
import { QmlError } from '../qml/error';
import { DEPTH_EXCEEDED } from '../qml/parser';
import type { CompiledFile, FunctionSpec, TypeResolver, Unit } from './compiler';
import type { GeneratedFunction, QmlContext } from './context';
import { JS_GLOBALS, type Resolution, rewrite } from './jscompile';
import type { MetaObject } from './qobject';

/** One level of the context chain, as the compiler sees it. */
export interface Level {
  ids: ReadonlySet<string>;
  co: MetaObject | null;
}

/** Names the engine provides to all QML code, in the order of the generated factory's parameters. */
export const QML_GLOBAL_NAMES = [
  'Qt',
  'console',
  'print',
  'qsTr',
  'qsTranslate',
  'qsTrId',
  'QT_TR_NOOP',
  'QT_TRANSLATE_NOOP',
  'QT_TRID_NOOP',
  'XMLHttpRequest',
  'gc',
  'Date',
  'Number',
  'Locale',
] as const;

export type QmlGlobals = Record<(typeof QML_GLOBAL_NAMES)[number], unknown>;

/** Support functions the generated code calls. */
export interface Runtime {
  /** Throws `ReferenceError: name is not defined`. */
  ref(name: string): never;
  /**
   * What a write to `name` lands on when it cannot be written: an object
   * whose `v` setter throws Qt's "Invalid write to global property" for an
   * unknown name, or "left-hand side of assignment operator is not an
   * lvalue" for an object id (`id` set).
   */
  badWrite(name: string, id?: number): { v: unknown };
  /** A caught exception, reworded as Qt words it (catch clauses), given the catching code's scope and context. */
  caught(e: unknown, scope: unknown, ctx: unknown): unknown;
  /** A value about to be thrown (notes where, for values that are not Errors). */
  thrown(v: unknown): unknown;
  /** `a == b` and `a === b` as V4 computes them: value types compare by value. */
  equal(a: unknown, b: unknown): boolean;
  strictEqual(a: unknown, b: unknown): boolean;
  /** `obj.name = value`: throws Qt's error when `obj` is a QML object without that property. */
  set(object: unknown, name: string, value: unknown): unknown;
  /** `s.arg(...)`: QML's String.prototype.arg on strings, the object's own `arg` otherwise. */
  arg(object: unknown, ...args: unknown[]): unknown;
  /** `x.toLocaleString(...)`, `x.toLocaleCurrencyString(...)`: Qt's on numbers, the object's own otherwise. */
  locale(object: unknown, method: string, args: unknown[]): unknown;
  /**
   * QML objects' names as Qt enumerates them: `f(v)` is what `for (k in v)`
   * runs over, the others stand for Object's functions of the same names.
   */
  forIn: ForIn;
}

/** `$in`: `for (k in v)` and Object.keys(v) and the like in QML code, for QML objects as Qt has them. */
export interface ForIn {
  f(v: unknown): unknown;
  keys(v: unknown): unknown;
  values(v: unknown): unknown;
  entries(v: unknown): unknown;
  getOwnPropertyNames(v: unknown): unknown;
}

/** The shape of the context chain a unit instance will run in: its own level, then its parent context's. */
export function levelsFor(unit: Unit, rootMeta: MetaObject, parent: QmlContext | null): Level[] {
  const levels: Level[] = [{ ids: unit.idNames, co: rootMeta }];
  for (let c = parent; c !== null; c = c.parent)
    levels.push({ ids: c.idNames, co: c.contextObject?.$meta ?? null });
  return levels;
}

/**
 * A context shape, interned: each level's context object type and id count,
 * then its parent's shape. Equal chains are the same object, so a lookup
 * compares no strings and a new context makes no key.
 */
export class Shape {
  private readonly next = new Map<number, Shape>();
  /** The shape of a level (`co`, `ids`) whose parent has this shape. */
  child(co: MetaObject | null, ids: ReadonlySet<string>): Shape {
    // (exact while both stay below 2^26 types and 2^27 ids: far past what memory holds)
    const key = (co ? metaId(co) : 0) * 0x8000000 + ids.size;
    let s = this.next.get(key);
    if (s === undefined) {
      s = new Shape();
      this.next.set(key, s);
    }
    return s;
  }
}

const NO_PARENT = new Shape();

/**
 * The shape levelsFor(unit, rootMeta, parent) describes, without making the
 * levels: each context keeps the shape of its chain, so creating a delegate
 * or a component instance looks its functions up without allocating a level
 * per ancestor.
 */
export function shapeFor(unit: Unit, rootMeta: MetaObject, parent: QmlContext | null): Shape {
  return chainShape(parent).child(rootMeta, unit.idNames);
}

function chainShape(c: QmlContext | null): Shape {
  if (c === null) return NO_PARENT;
  let shape = c.shape;
  if (shape === null) {
    shape = chainShape(c.parent).child(c.contextObject?.$meta ?? null, c.idNames);
    c.shape = shape;
  }
  return shape;
}

const metaIds = new WeakMap<MetaObject, number>();
let nextMetaId = 1;
function metaId(m: MetaObject): number {
  let id = metaIds.get(m);
  if (id === undefined) {
    id = nextMetaId++;
    metaIds.set(m, id);
  }
  return id;
}

/**
 * Builds the functions of `unit` for the chain `levels`. The functions are
 * returned in the unit's own order (FunctionSpec indexes).
 */
export function generate(
  unit: Unit,
  levels: Level[],
  resolver: TypeResolver,
  globals: QmlGlobals,
  runtime: Runtime,
): GeneratedFunction[] {
  const file: CompiledFile = unit.file;
  const source = file.program.source;
  const types: Record<string, unknown> = {};

  const resolveFor = (spec: FunctionSpec) => {
    const cache = new Map<string, Resolution>();
    return (name: string): Resolution => {
      let r = cache.get(name);
      if (r === undefined) {
        r = resolveName(name, spec.scope, levels, resolver, types);
        cache.set(name, r);
      }
      return r;
    };
  };

  const order = unit.functions
    .map((_, i) => i)
    .sort((a, b) => unit.functions[a]!.start - unit.functions[b]!.start);
  let code = `(function($T,$ref,$w,$u,$e,$th,$eq,$seq,$arg,$set,$loc,$in,${QML_GLOBAL_NAMES.join(',')}){return [`;
  let line = 1;
  const flat: number[] = [];
  for (const i of order) {
    const spec = unit.functions[i]!;
    const resolve = resolveFor(spec);
    const text = atSpec(file, spec, () => functionText(spec, source, resolve));
    if (
      spec.kind === 'binding' &&
      spec.node.type === 'ExpressionStatement' &&
      isFlatExpression((spec.node as ExpressionStatement).expression, resolve)
    )
      flat.push(i);
    while (line < spec.line) {
      code += '\n';
      line++;
    }
    code += `${text},`;
    line += countLines(text);
  }
  code += `]})\n//# sourceURL=${file.url}`;
  // Generated in the global scope. `new Function` puts two lines of its own
  // before the body, which locateInStack (engine.ts) takes off again.
  let factory: (...args: unknown[]) => GeneratedFunction[];
  try {
    factory = new Function(`return ${code}`)() as typeof factory;
  } catch (e) {
    throw locateCompileError(e, file, unit, source, resolveFor);
  }
  const ordered = factory(
    types,
    runtime.ref,
    runtime.badWrite,
    {},
    runtime.caught,
    runtime.thrown,
    runtime.equal,
    runtime.strictEqual,
    runtime.arg,
    runtime.set,
    runtime.locale,
    runtime.forIn,
    ...globalValuesFor(globals, file.url),
  );
  const fns: GeneratedFunction[] = new Array(order.length);
  order.forEach((specIndex, pos) => {
    fns[specIndex] = ordered[pos]!;
  });
  for (const i of flat) (fns[i] as { flat?: boolean }).flat = true;
  return fns;
}

/**
 * Whether a binding's expression reads the same properties of the same
 * objects at every evaluation (PropertyBinding then tracks them once): every
 * read is a name of the scope or a context object, or a property of an id,
 * and every read happens whatever the values (no calls, no `&&`/`||`, only
 * constants in the branches of `?:`). `width / 24`, `root.cw`, `width > 10 ? 1 : 0`.
 */
function isFlatExpression(e: Expression, resolve: (name: string) => Resolution, reads = true): boolean {
  switch (e.type) {
    case 'Literal':
      return true;
    case 'Identifier': {
      if (!reads) return false;
      const r = resolve(e.name);
      return r.kind === 'code' && (r.id === true || r.code.startsWith('$s.') || r.code.startsWith('$c.co['));
    }
    case 'MemberExpression': {
      if (
        !reads ||
        e.computed ||
        e.optional ||
        e.object.type !== 'Identifier' ||
        e.property.type !== 'Identifier'
      )
        return false;
      const r = resolve(e.object.name);
      return r.kind === 'code' && r.id === true;
    }
    case 'UnaryExpression':
      return e.operator !== 'delete' && isFlatExpression(e.argument, resolve, reads);
    case 'BinaryExpression':
      return (
        e.left.type !== 'PrivateIdentifier' &&
        isFlatExpression(e.left, resolve, reads) &&
        isFlatExpression(e.right, resolve, reads)
      );
    case 'ConditionalExpression':
      return (
        isFlatExpression(e.test, resolve, reads) &&
        isFlatExpression(e.consequent, resolve, false) &&
        isFlatExpression(e.alternate, resolve, false)
      );
    default:
      return false;
  }
}

/**
 * The `Qt` object as one file's code sees it: Qt.resolvedUrl resolves
 * against that file's URL (the calling context's, in Qt). One per engine's
 * Qt object and file URL.
 */
const qtObjects = new WeakMap<object, Map<string, unknown>>();
/** The values of QML_GLOBAL_NAMES for the code of the file at `url` (Qt and XMLHttpRequest resolve urls against it). */
export function globalValuesFor(globals: QmlGlobals, url: string): unknown[] {
  return QML_GLOBAL_NAMES.map((n) => {
    if (n === 'Qt') return qtFor(globals.Qt, url);
    const g = globals[n];
    // (XMLHttpRequest's constructors, one per file: xhr.ts)
    return n === 'XMLHttpRequest' && g !== undefined
      ? (g as { forUrl(url: string): unknown }).forUrl(url)
      : g;
  });
}

export function qtFor(qt: unknown, url: string): unknown {
  let byUrl = qtObjects.get(qt as object);
  if (byUrl === undefined) {
    byUrl = new Map();
    qtObjects.set(qt as object, byUrl);
  }
  let q = byUrl.get(url);
  if (q === undefined) {
    const resolve = (u: unknown) => {
      const s = String(u ?? '');
      if (s === '') return '';
      try {
        return new URL(s, url).href;
      } catch {
        return s;
      }
    };
    const create = (qt as { createComponent: (url: unknown, ...rest: unknown[]) => unknown }).createComponent;
    q = Object.create(qt as object, {
      resolvedUrl: { value: resolve },
      createComponent: { value: (url: unknown, ...rest: unknown[]) => create(resolve(url), ...rest) },
    });
    byUrl.set(url, q);
  }
  return q;
}

/**
 * Runs `f` for one function of the file; a stack overflow (code nested
 * deeper than the compiler can recurse) becomes Qt's depth error at that
 * function.
 */
function atSpec<T>(file: CompiledFile, spec: FunctionSpec, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError) throw specError(file, spec, DEPTH_EXCEEDED);
    throw e;
  }
}

function specError(file: CompiledFile, spec: FunctionSpec, message: string): QmlError {
  const { line, column } = file.lines(spec.node.start);
  return new QmlError(file.url, line, column, message);
}

/**
 * The JavaScript engine refused the generated code (too deeply nested for
 * its parser, or a construct the QML parser let through): compiles the
 * functions one by one to name the one at fault.
 */
function locateCompileError(
  error: unknown,
  file: CompiledFile,
  unit: Unit,
  source: string,
  resolveFor: (spec: FunctionSpec) => (name: string) => Resolution,
): unknown {
  if (!(error instanceof Error)) return error;
  for (const spec of unit.functions) {
    try {
      new Function(`return ${functionText(spec, source, resolveFor(spec))}`);
    } catch (e) {
      if (e instanceof RangeError) return specError(file, spec, DEPTH_EXCEEDED);
      if (e instanceof SyntaxError) return specError(file, spec, e.message);
    }
  }
  if (!(error instanceof RangeError)) return error;
  const { line, column } = unit.root.location;
  return new QmlError(file.url, line, column, DEPTH_EXCEEDED);
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 0x2028 || c === 0x2029 || (c === 13 && s.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function functionText(
  spec: FunctionSpec,
  source: string,
  resolve: (name: string) => Resolution,
  /** The spec that records what code generation learns (injectedParam), when `spec` is a copy. */
  record: FunctionSpec = spec,
): string {
  const params = spec.params.filter((p, i, all) => /^[A-Za-z_$][\w$]*$/.test(p) && all.indexOf(p) === i);
  const head = `function($s,$c${params.map((p) => `,${p}`).join('')})`;
  const node = spec.node;
  switch (spec.kind) {
    case 'binding': {
      if (node.type === 'ExpressionStatement') {
        const e = (node as ExpressionStatement).expression;
        return `${head}{return (${rewrite(source, e, params, resolve)})}`;
      }
      if (node.type === 'BlockStatement') return head + rewrite(source, node, params, resolve);
      return `${head}{${rewrite(source, node, params, resolve)}}`;
    }
    case 'handlerFunction': {
      const e = (node as ExpressionStatement).expression;
      return `${head}{return (${rewrite(source, e, params, resolve)})}`;
    }
    case 'handler': {
      if (spec.injectUnknownNames) {
        const unknown = new Set<string>();
        rewrite(source, node as Statement, [], (name) => {
          const r = resolve(name);
          if (r.kind === 'unknown') unknown.add(name);
          return r;
        });
        spec.params = [...unknown];
        return functionText({ ...spec, injectUnknownNames: false }, source, resolve, spec);
      }
      let first: string | undefined;
      const body = rewrite(source, node as Statement, params, resolve, (name) => {
        first ??= name;
      });
      if (first !== undefined) record.injectedParam = first;
      // A factory, like methods: the handler itself takes only the signal's
      // arguments (`arguments.length` is their count).
      return `function($s,$c){return function(${params.join(',')}){${body}}}`;
    }
    case 'method': {
      // A factory: each object gets its own function (Qt: obj.f === obj.f, arguments.length is the caller's).
      const factory = 'function($s,$c){return ';
      if (spec.declaration) return `${factory}${rewrite(source, spec.declaration, [], resolve)}}`;
      return `${factory}function ${spec.name}(${params.join(',')})${rewrite(source, node, params, resolve)}}`;
    }
  }
}

const QML_GLOBALS = new Set<string>(QML_GLOBAL_NAMES);

function resolveName(
  name: string,
  scope: MetaObject,
  levels: Level[],
  resolver: TypeResolver,
  types: Record<string, unknown>,
): Resolution {
  // Qt looks up type names (which start with an upper-case letter) first.
  if (/^[A-Z]/.test(name)) {
    const entry = resolver.resolve(name);
    if (entry !== undefined) {
      if (entry.kind === 'namespace') {
        types[name] = namespaceObject(entry.resolve);
        return { kind: 'code', code: `$T.${name}` };
      }
      if (entry.kind === 'script') {
        types[name] = entry.instance;
        return { kind: 'code', code: `$T.${name}($c)` };
      }
      if (entry.singleton !== undefined) {
        // (its enums read through the type's name: `Theme.Large`)
        types[name] = entry.singleton;
        return { kind: 'type', code: `$T.${name}()`, enums: entry.meta.enums };
      }
      const ref = entry.meta.typeRef;
      types[name] = ref;
      const attachedMeta = entry.meta.attachedType?.();
      const r: Resolution = { kind: 'type', code: `$T.${name}`, enums: entry.meta.enums };
      if (attachedMeta) (r as { attached?: string }).attached = `$s.$attachedObject($T.${name}.$attached)`;
      return r;
    }
  }
  for (let k = 0; k < levels.length; k++) {
    const level = levels[k]!;
    if (level.ids.has(name)) {
      // The level's own table (see QmlContext.idl); `__proto__` would read the table's prototype until set.
      return {
        kind: 'code',
        code: name === '__proto__' ? `$c.lookupId('__proto__')` : `$c.idl[${k}].${name}`,
        id: true,
      };
    }
    if (k === 0 && scope.hasMember(name)) return { kind: 'code', code: `$s.${name}` };
    if (level.co?.hasMember(name)) return { kind: 'code', code: `$c.co[${k}].${name}` };
  }
  if (QML_GLOBALS.has(name) || JS_GLOBALS.has(name)) return { kind: 'global' };
  return { kind: 'unknown' };
}

/** A qualified import (`import QtQuick as Q`) as code sees it: its types by name. */
export function namespaceObject(resolve: (name: string) => unknown): unknown {
  return new Proxy(
    {},
    {
      get(_t, key) {
        if (typeof key !== 'string') return undefined;
        const e = resolve(key) as { kind: string; meta?: MetaObject } | undefined;
        return e?.kind === 'type' ? e.meta!.typeRef : undefined;
      },
    },
  );
}
