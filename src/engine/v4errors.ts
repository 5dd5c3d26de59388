// QML code runs on the host's JavaScript engine (V8 in Node and Chromium),
// whose error messages differ from those of Qt's own engine, V4. Errors are
// reworded as V4 words them wherever QML code can see them: in the catch
// clauses of QML code (jscompile.ts passes the caught value through
// `toQtError`) and where the engine reports an uncaught error.

/** Errors already reworded (an error may pass several catch sites). */
const translated = new WeakSet<object>();

/**
 * Rewords `e` in place (V8 -> V4) and returns it. `scope` and `ctx` are the
 * scope object and context of the code that caught it: V4 names the object
 * whose property is not a function, and V8's message only has the callee as
 * the generated code spells it (`$s.obj.a`, `$c.ids.root.nope`).
 */
export function toQtError(e: unknown, scope?: unknown, ctx?: unknown, calls?: MethodCallLookup): unknown {
  if (!(e instanceof Error) || translated.has(e)) return e;
  translated.add(e);
  const message = v4Message(e, scope, ctx, calls);
  if (message !== undefined) e.message = message;
  return e;
}

/**
 * Whether the read of property `name` that threw `e` was a method call's
 * callee (the engine looks up where in the QML code it was).
 */
export type MethodCallLookup = (e: Error, name: string) => boolean;

function v4Message(
  e: Error,
  scope: unknown,
  ctx: unknown,
  calls: MethodCallLookup | undefined,
): string | undefined {
  const m = e.message;
  let r: RegExpExecArray | null;
  if (e instanceof TypeError) {
    r = /^Cannot read properties of (null|undefined) \(reading '(.*)'\)$/.exec(m);
    if (r) {
      const verb = calls?.(e, r[2]!) ? 'call method' : 'read property';
      return `Cannot ${verb} '${r[2]}' of ${r[1]}`;
    }
    r = /^Cannot set properties of (null|undefined) \(setting '.*'\)$/.exec(m);
    if (r) return `Value is ${r[1]} and could not be converted to an object`;
    r = /^(.+) is not a function$/.exec(m);
    if (r) return notAFunction(r[1]!, scope, ctx);
    // V4 throws a bare TypeError for `new` on a value that is not a constructor.
    if (/ is not a constructor$/.test(m)) return 'Type error';
    if (m === 'Cannot convert a Symbol value to a string') return 'Cannot convert a symbol to a string.';
    if (m === 'Cannot convert object to primitive value') return 'Type error';
    if (m.startsWith('Converting circular structure to JSON'))
      return 'Cannot convert circular structure to JSON';
    r =
      /^object (null|undefined) is not iterable \(cannot read property (Symbol\(Symbol\.iterator\))\)$/.exec(
        m,
      );
    if (r) return `Cannot read property '${r[2]}' of ${r[1]}`;
    // V4 has no message of its own for these (measured: v4_type_errors).
    if (
      / is not iterable/.test(m) ||
      /^Cannot destructure /.test(m) ||
      / called on non-object$/.test(m) ||
      /^Cannot use 'in' operator to search for /.test(m) ||
      /^Right-hand side of 'instanceof' is not (an object|callable)$/.test(m) ||
      /^Reduce of empty array with no initial value$/.test(m)
    )
      return 'Type error';
    // V4's TypeError for assigning to a const has no message.
    if (m === 'Assignment to constant variable.') return '';
    if (/^Class constructor .* cannot be invoked without 'new'$/.test(m))
      return 'Cannot call a class constructor without |new|';
    return undefined;
  }
  if (e instanceof ReferenceError) {
    // V4 has no temporal dead zone message: the name is simply not defined yet.
    r = /^Cannot access '(.+)' before initialization$/.exec(m);
    if (r) return `${r[1]} is not defined`;
    return undefined;
  }
  if (e instanceof RangeError) {
    if (m === 'Maximum call stack size exceeded') return 'Maximum call stack size exceeded.';
    if (/^Invalid count value: /.test(m)) return 'Invalid count value';
    return undefined;
  }
  if (e instanceof URIError && m === 'URI malformed') return 'malformed URI sequence';
  if (e instanceof SyntaxError && /JSON/.test(m)) return 'JSON.parse: Parse error';
  return undefined;
}

/**
 * V4: "Property 'a' of object [object Object] is not a function" for a
 * method call, "5 is not a function" for any other callee (a local holding
 * undefined reads "undefined is not a function").
 */
function notAFunction(callee: string, scope: unknown, ctx: unknown): string {
  // (a member named by a string literal, `o["a"]()`, is a member too)
  const member =
    /^(.*)(?:\.|\?\.)([\p{ID_Start}_$][\p{ID_Continue}$\u200c\u200d]*)$/u.exec(callee) ??
    /^(.*)\[(?:"([^"\\]*)"|'([^'\\]*)')\]$/.exec(callee);
  if (member && member[2] === undefined) member[2] = member[3]!;
  if (member) {
    const object = readPath(member[1]!, scope, ctx);
    const name = object.found ? describe(object.value) : '[object Object]';
    return `Property '${member[2]}' of object ${name} is not a function`;
  }
  if (/^[A-Za-z_$][\w$]*$/.test(callee)) return 'undefined is not a function';
  // a computed member called (`a[0]()`, `root[name]()`): V4 says no more
  if (/\]$/.test(callee)) return 'Type error';
  return `${callee} is not a function`;
}

/** Reads a path of the generated code (`$s.obj`, `$c.ids.root`, `$c.co[1].parent`) from the scope and context. */
function readPath(path: string, scope: unknown, ctx: unknown): { found: boolean; value?: unknown } {
  const m = /^\$([sc])((?:\.[A-Za-z_$][\w$]*|\[\d+\])*)$/.exec(path);
  if (!m) return { found: false };
  let v: unknown = m[1] === 's' ? scope : ctx;
  if (v === undefined || v === null) return { found: false };
  for (const part of m[2]!.match(/[A-Za-z_$][\w$]*|\d+/g) ?? []) {
    if (v === null || v === undefined) return { found: false };
    try {
      v = (v as Record<string, unknown>)[part];
    } catch {
      return { found: false };
    }
  }
  return { found: true, value: v };
}

function describe(v: unknown): string {
  try {
    return String(v);
  } catch {
    return '[object Object]';
  }
}

/**
 * The name V4 prints for an error it reports: the built-in error type's,
 * even when the script changed `name` (measured: an Error whose name was set
 * to "CustomError" is reported as `Error: with name`).
 */
export function builtinErrorName(e: Error): string {
  for (let p = Object.getPrototypeOf(e) as object | null; p !== null; p = Object.getPrototypeOf(p)) {
    if (BUILTIN_ERROR_PROTOTYPES.has(p)) return (p as Error).name;
  }
  return e.name;
}

const BUILTIN_ERROR_PROTOTYPES = new Set<object>([
  Error.prototype,
  TypeError.prototype,
  RangeError.prototype,
  ReferenceError.prototype,
  SyntaxError.prototype,
  EvalError.prototype,
  URIError.prototype,
]);
