// Compiles the JavaScript inside a QML file to JavaScript functions.
//
// Names are resolved at compile time, as Qt's qmlcachegen does: the types of
// the scope object and of every context object are known, so each free
// identifier is rewritten to the access it stands for (`width` ->
// `$s.width`, `root` -> `$c.ids.root`, `prefix` in a delegate ->
// `$c.co[1].prefix`), and reads run at native speed instead of going through
// a dynamic scope. Rewriting is textual and never adds line breaks, so line
// numbers in the generated code are the QML file's: stack traces map straight
// back to the file.
import type {
  ArrowFunctionExpression,
  BlockStatement,
  Expression,
  FunctionExpression,
  Identifier,
  Node,
  Pattern,
  Statement,
} from 'acorn';

/** How a free name resolves; `code` replaces the identifier. `unknown` names throw ReferenceError when read. */
export type Resolution =
  | {
      kind: 'code';
      code: string;
      /** An object id: QML code cannot assign to it. */
      id?: boolean;
    }
  | { kind: 'global' }
  | { kind: 'type'; code: string; enums: Record<string, number>; attached?: string }
  | { kind: 'unknown' };

export type Resolver = (name: string) => Resolution;

interface Replacement {
  start: number;
  end: number;
  text: string;
}

class Scope {
  readonly names = new Set<string>();
  /** Where the `var`, `let` and `const` names were declared (the offset of the first declaring identifier). */
  readonly declaredAt = new Map<string, number>();
  constructor(
    readonly parent: Scope | null,
    readonly isFunction: boolean,
  ) {}
  has(name: string): boolean {
    return this.find(name) !== null;
  }
  find(name: string): Scope | null {
    for (let s: Scope | null = this; s !== null; s = s.parent) if (s.names.has(name)) return s;
    return null;
  }
  functionScope(): Scope {
    let s: Scope = this;
    while (!s.isFunction && s.parent) s = s.parent;
    return s;
  }
}

type AnyNode = Node & Record<string, unknown>;

/**
 * A string literal's source with its line breaks written as escapes and line
 * continuations (`"a\n\` then a new line): valid JavaScript, the same value,
 * and the code after it stays on its lines.
 */
function continuedLines(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') {
      out += c + (raw[++i] ?? '');
      // (a backslash before CR LF continues the line over both)
      if (raw[i] === '\r' && raw[i + 1] === '\n') out += raw[++i];
    } else if (c === '\r' && raw[i + 1] === '\n') {
      out += '\\r\\n\\\r\n';
      i++;
    } else if (c === '\n') out += '\\n\\\n';
    else if (c === '\r') out += '\\r\\\r';
    else out += c;
  }
  return out;
}

/**
 * Rewrites the free identifiers of one piece of JavaScript (`node`, which
 * spans [node.start, node.end) of `source`) and returns the new text.
 * `params` are names bound around it (handler parameters).
 */
export function rewrite(
  source: string,
  node: Node,
  params: readonly string[],
  resolve: Resolver,
  /** Told of each read of one of `params` (in source order). */
  onParamUse?: (name: string) => void,
  /** Told of each use of a `var`, `let` or `const` name written before its declaration (offsets). */
  onEarlyUse?: EarlyUseListener,
): string {
  const out: Replacement[] = [];
  const top = new Scope(null, true);
  for (const p of params) top.names.add(p);
  top.names.add('arguments');
  const w = new Walker(
    source,
    resolve,
    out,
    onParamUse
      ? (name, scope) => {
          if (scope === top && params.includes(name)) onParamUse(name);
        }
      : undefined,
    onEarlyUse,
  );
  if (node.type === 'BlockStatement') {
    w.hoistFunction((node as BlockStatement).body, top);
    w.block(node as BlockStatement, top, false);
  } else {
    w.visit(node as AnyNode, top);
  }
  return applyReplacements(source, out, node.start, node.end);
}

/**
 * source[from, to) with the replacements made, in order of position (a
 * stable sort: of two insertions at one place, the first pushed comes
 * first); one that overlaps an earlier one is dropped.
 */
function applyReplacements(source: string, out: Replacement[], from: number, to: number): string {
  out.sort((a, b) => a.start - b.start);
  let text = '';
  let pos = from;
  for (const r of out) {
    if (r.start < pos) continue;
    text += source.slice(pos, r.start) + r.text;
    pos = r.end;
  }
  return text + source.slice(pos, to);
}

export type EarlyUseListener = (name: string, use: number, declaration: number) => void;

class Walker {
  constructor(
    private readonly source: string,
    private readonly resolve: Resolver,
    private readonly out: Replacement[],
    private readonly onLocal?: (name: string, scope: Scope) => void,
    private readonly onEarlyUse?: EarlyUseListener,
  ) {}

  /** Where the operator `op` starts after `from` (past closing parentheses and comments), or -1. */
  private operatorAt(from: number, op: string): number {
    const s = this.source;
    let i = from;
    while (i < s.length) {
      const c = s[i]!;
      if (c === ')' || c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (s.startsWith('//', i)) {
        const e = s.indexOf('\n', i);
        i = e < 0 ? s.length : e;
      } else if (s.startsWith('/*', i)) {
        const e = s.indexOf('*/', i + 2);
        i = e < 0 ? s.length : e + 2;
      } else break;
    }
    return s.startsWith(op, i) && s[i + op.length] !== '=' ? i : -1;
  }

  private replace(node: Node, text: string): void {
    this.out.push({ start: node.start, end: node.end, text });
  }

  /** The code that reads (or, with `write`, assigns) the free name `id`. */
  private reference(id: Identifier, scope: Scope, mode: 'read' | 'write' | 'typeof'): void {
    const name = id.name;
    const local = scope.find(name);
    if (local !== null) {
      this.onLocal?.(name, local);
      const declared = local.declaredAt.get(name);
      if (declared !== undefined && declared > id.start) this.onEarlyUse?.(name, id.start, declared);
      return;
    }
    const r = this.resolve(name);
    switch (r.kind) {
      case 'global':
        return;
      case 'code':
        // Qt: an id is no variable (`kid = other` throws where it runs).
        if (mode === 'write' && r.id) this.replace(id, `$w(${JSON.stringify(name)},1).v`);
        else this.replace(id, r.code);
        return;
      case 'type':
        this.replace(id, r.code);
        return;
      case 'unknown':
        if (mode === 'typeof') this.replace(id, '$u.$');
        else if (mode === 'write') this.replace(id, `$w(${JSON.stringify(name)}).v`);
        else this.replace(id, `$ref(${JSON.stringify(name)})`);
        return;
    }
  }

  // ---- declarations -------------------------------------------------------

  /**
   * Declares the names of a pattern. `at`: for a var, let or const, where
   * its declarator's pattern starts (Qt reports uses before it there).
   */
  private declarePattern(p: Pattern | null, scope: Scope, at?: number): void {
    forEachPatternName(p, (name) => {
      scope.names.add(name);
      if (at !== undefined && !scope.declaredAt.has(name)) scope.declaredAt.set(name, at);
    });
  }

  /** Visits the expressions inside a declaration pattern (defaults, computed keys). */
  private patternExpressions(p: Pattern | null, scope: Scope): void {
    if (p === null) return;
    switch (p.type) {
      case 'ObjectPattern':
        for (const prop of p.properties) {
          if (prop.type === 'RestElement') this.patternExpressions(prop.argument, scope);
          else {
            if (prop.computed) this.visit(prop.key as AnyNode, scope);
            this.patternExpressions(prop.value, scope);
          }
        }
        return;
      case 'ArrayPattern':
        for (const e of p.elements) this.patternExpressions(e, scope);
        return;
      case 'RestElement':
        this.patternExpressions(p.argument, scope);
        return;
      case 'AssignmentPattern':
        this.patternExpressions(p.left, scope);
        this.visit(p.right as AnyNode, scope);
        return;
      default:
        return;
    }
  }

  /** An assignment target: identifiers in it are writes. */
  private target(p: Pattern | Expression, scope: Scope): void {
    switch (p.type) {
      case 'Identifier':
        this.reference(p, scope, 'write');
        return;
      case 'ObjectPattern':
        for (const prop of p.properties) {
          if (prop.type === 'RestElement') this.target(prop.argument, scope);
          else {
            if (prop.computed) this.visit(prop.key as AnyNode, scope);
            if (prop.shorthand && prop.value.type === 'Identifier' && !scope.has(prop.value.name)) {
              // `({a} = obj)` -> `({a: <target>} = obj)`
              const before = this.out.length;
              this.reference(prop.value, scope, 'write');
              if (this.out.length > before) {
                const r = this.out.pop()!;
                this.replace(prop, `${prop.value.name}: ${r.text}`);
              }
            } else this.target(prop.value, scope);
          }
        }
        return;
      case 'ArrayPattern':
        for (const e of p.elements) if (e) this.target(e, scope);
        return;
      case 'RestElement':
        this.target(p.argument, scope);
        return;
      case 'AssignmentPattern':
        this.target(p.left, scope);
        this.visit(p.right as AnyNode, scope);
        return;
      default:
        this.visit(p as AnyNode, scope);
    }
  }

  /** Declarations hoisted to a function scope: `var` (anywhere) and function declarations. */
  hoistFunction(body: readonly Node[], scope: Scope): void {
    const visitVar = (n: AnyNode | null | undefined): void => {
      if (!n || typeof n.type !== 'string') return;
      switch (n.type) {
        case 'VariableDeclaration':
          if (n.kind === 'var')
            for (const d of n.declarations as Node[]) {
              const id = (d as AnyNode).id as Pattern;
              this.declarePattern(id, scope, id.start);
            }
          return;
        case 'FunctionDeclaration':
          if (n.id) scope.names.add((n.id as Identifier).name);
          return;
        case 'FunctionExpression':
        case 'ArrowFunctionExpression':
        case 'ClassDeclaration':
        case 'ClassExpression':
          return;
      }
      for (const key of STATEMENT_CHILDREN) {
        const c = n[key];
        if (Array.isArray(c)) for (const x of c) visitVar(x as AnyNode);
        else if (c && typeof c === 'object') visitVar(c as AnyNode);
      }
    };
    for (const s of body) visitVar(s as AnyNode);
  }

  /** Lexical declarations of a block: let, const, class, function. */
  private hoistBlock(body: readonly Node[], scope: Scope): void {
    for (const s of body) {
      const n = s as AnyNode;
      if (n.type === 'VariableDeclaration' && n.kind !== 'var') {
        for (const d of n.declarations as Node[]) {
          const id = (d as AnyNode).id as Pattern;
          this.declarePattern(id, scope, id.start);
        }
      } else if ((n.type === 'ClassDeclaration' || n.type === 'FunctionDeclaration') && n.id) {
        scope.names.add((n.id as Identifier).name);
      }
    }
  }

  block(b: BlockStatement, scope: Scope, newScope = true): void {
    const s = newScope ? new Scope(scope, false) : scope;
    this.hoistBlock(b.body, s);
    for (const st of b.body) this.visit(st as AnyNode, s);
  }

  private fn(f: AnyNode, scope: Scope): void {
    const s = new Scope(scope, true);
    if (f.type !== 'ArrowFunctionExpression') s.names.add('arguments');
    if (f.type === 'FunctionExpression' && f.id) s.names.add((f.id as Identifier).name);
    const params = f.params as Pattern[];
    for (const p of params) this.declarePattern(p, s);
    for (const p of params) this.patternExpressions(p, s);
    const body = f.body as AnyNode;
    if (body.type === 'BlockStatement') {
      this.hoistFunction((body as unknown as BlockStatement).body, s);
      this.block(body as unknown as BlockStatement, s, false);
    } else {
      this.visit(body, s);
    }
  }

  // ---- the walk -----------------------------------------------------------

  visit(n: AnyNode | null | undefined, scope: Scope): void {
    if (!n) return;
    switch (n.type) {
      case 'Identifier':
        this.reference(n as unknown as Identifier, scope, 'read');
        return;
      case 'Literal': {
        // A QML string over several lines (Qt's lexer allows it; JavaScript does not).
        const lit = n as unknown as { value: unknown; raw?: string };
        if (typeof lit.value === 'string' && lit.raw !== undefined && /[\n\r]/.test(lit.raw))
          this.replace(n, continuedLines(lit.raw));
        return;
      }
      case 'ThisExpression':
      case 'Super':
      case 'MetaProperty':
      case 'EmptyStatement':
      case 'DebuggerStatement':
        return;
      case 'MemberExpression': {
        const obj = n.object as AnyNode;
        if (!n.computed && obj.type === 'Identifier' && !scope.has((obj as unknown as Identifier).name)) {
          // `Text.AlignLeft` (an enum, inlined) and `ListView.view` (an attached property)
          const r = this.resolve((obj as unknown as Identifier).name);
          const prop = (n.property as unknown as Identifier).name;
          if (
            r.kind === 'global' &&
            (obj as unknown as Identifier).name === 'Object' &&
            OBJECT_KEYS.has(prop)
          ) {
            // Object.keys(obj) and the like list a QML object's names as Qt does ($in).
            this.replace(n, `$in.${prop}`);
            return;
          }
          if (r.kind === 'type') {
            const value = r.enums[prop];
            if (value !== undefined) {
              this.replace(n, String(value));
              return;
            }
            if (r.attached !== undefined && /^[a-z]/.test(prop)) {
              this.replace(obj, r.attached);
              return;
            }
          }
        }
        if (!n.computed && /^[A-Z]/.test((n.property as unknown as Identifier).name)) {
          // `item.Keys.priority`: the attached object of another object
          const r = this.resolve((n.property as unknown as Identifier).name);
          if (r.kind === 'type' && r.attached !== undefined) {
            this.out.push({ start: n.start, end: n.start, text: `${r.code}.$attachedOf(` });
            this.visit(obj, scope);
            this.out.push({ start: obj.end, end: n.end, text: ')' });
            return;
          }
        }
        this.visit(obj, scope);
        if (n.computed) this.visit(n.property as AnyNode, scope);
        return;
      }
      case 'NewExpression': {
        // `new L.F()` with L a script namespace (`$T.L($c)`, a call): parenthesised,
        // or `new` would take the call. (Safe here: the expression starts with `new`.)
        let head = n.callee as AnyNode;
        while (head.type === 'MemberExpression') head = head.object as AnyNode;
        const before = this.out.length;
        this.visit(n.callee as AnyNode, scope);
        if (head.type === 'Identifier')
          for (let k = before; k < this.out.length; k++) {
            const r = this.out[k]!;
            if (r.start === head.start && r.end === head.end && r.text.endsWith(')')) r.text = `(${r.text})`;
          }
        for (const a of n.arguments as AnyNode[]) this.visit(a, scope);
        return;
      }
      case 'CallExpression': {
        const r = methodCallRewrite(this.source, n);
        if (r !== null) {
          this.out.push(r.before);
          this.visit(r.object, scope);
          this.out.push(r.between);
          for (const a of n.arguments as AnyNode[]) this.visit(a, scope);
          if (r.after) this.out.push(r.after);
          return;
        }
        this.visit(n.callee as AnyNode, scope);
        for (const a of n.arguments as AnyNode[]) this.visit(a, scope);
        return;
      }
      case 'BinaryExpression': {
        const op = n.operator as string;
        const left = n.left as AnyNode;
        const right = n.right as AnyNode;
        if (
          (op === '==' || op === '===' || op === '!=' || op === '!==') &&
          !isPrimitive(left) &&
          !isPrimitive(right)
        ) {
          // V4 compares value types (points, colors, ...) by value, with == and
          // === alike (QQmlValueTypeWrapper::isEqualTo); `$eq`/`$seq` do that.
          // A comparison with a literal cannot involve two value types: left native.
          const at = this.operatorAt(left.end, op);
          if (at >= 0) {
            const fn = op.length === 3 ? '$seq' : '$eq';
            this.out.push({ start: n.start, end: n.start, text: `${op[0] === '!' ? '!' : ''}${fn}(` });
            this.visit(left, scope);
            this.out.push({ start: at, end: at + op.length, text: ',' });
            this.visit(right, scope);
            this.out.push({ start: n.end, end: n.end, text: ')' });
            return;
          }
        }
        this.visit(left, scope);
        this.visit(right, scope);
        return;
      }
      case 'ChainExpression':
        this.visit(n.expression as AnyNode, scope);
        return;
      case 'ObjectExpression':
        for (const p of n.properties as AnyNode[]) {
          if (p.type === 'SpreadElement') {
            this.visit(p.argument as AnyNode, scope);
            continue;
          }
          // (a string key is visited for its line breaks: see continuedLines)
          if (p.computed || (p.key as AnyNode).type === 'Literal') this.visit(p.key as AnyNode, scope);
          const value = p.value as AnyNode;
          if (p.shorthand && value.type === 'Identifier') {
            const id = value as unknown as Identifier;
            const before = this.out.length;
            this.reference(id, scope, 'read');
            if (this.out.length > before) {
              const r = this.out.pop()!;
              this.replace(p, `${id.name}: ${r.text}`);
            }
          } else {
            this.visit(value, scope);
          }
        }
        return;
      case 'Property':
        if (n.computed || (n.key as AnyNode).type === 'Literal') this.visit(n.key as AnyNode, scope);
        this.visit(n.value as AnyNode, scope);
        return;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        this.fn(n, scope);
        return;
      case 'FunctionDeclaration':
        this.fn(n, scope);
        return;
      case 'ClassDeclaration':
      case 'ClassExpression': {
        const s = new Scope(scope, false);
        if (n.id) s.names.add((n.id as Identifier).name);
        this.visit(n.superClass as AnyNode, scope);
        for (const m of (n.body as AnyNode).body as AnyNode[]) {
          if (m.computed) this.visit(m.key as AnyNode, s);
          if (m.type === 'StaticBlock') {
            const bs = new Scope(s, true);
            for (const st of m.body as AnyNode[]) this.visit(st, bs);
          } else if (m.value) this.visit(m.value as AnyNode, s);
        }
        return;
      }
      case 'BlockStatement':
        this.block(n as unknown as BlockStatement, scope);
        return;
      case 'StaticBlock':
        return;
      case 'VariableDeclaration':
        for (const d of n.declarations as AnyNode[]) {
          this.patternExpressions(d.id as Pattern, scope);
          this.visit(d.init as AnyNode, scope);
        }
        return;
      case 'AssignmentExpression': {
        const left = n.left as AnyNode;
        const right = n.right as AnyNode;
        if (n.operator === '=' && left.type === 'MemberExpression' && !left.computed) {
          // `obj.name = v` on a QML object that has no such property throws in Qt
          // ("Cannot assign to non-existent property"): `$set` checks.
          const object = left.object as AnyNode;
          const property = left.property as unknown as Identifier;
          const s = this.source;
          if (
            object.type !== 'Super' &&
            /^\s*\.\s*$/.test(s.slice(object.end, property.start)) &&
            /^\s*=\s*$/.test(s.slice(property.end, right.start))
          ) {
            this.out.push({ start: n.start, end: n.start, text: '$set(' });
            this.visit(object, scope);
            this.out.push({
              start: object.end,
              end: right.start,
              text: `,${JSON.stringify(property.name)},`,
            });
            this.visit(right, scope);
            this.out.push({ start: n.end, end: n.end, text: ')' });
            return;
          }
        }
        this.target(left as unknown as Pattern, scope);
        this.visit(right, scope);
        return;
      }
      case 'UpdateExpression':
        this.target(n.argument as Expression, scope);
        return;
      case 'UnaryExpression':
        if (n.operator === 'typeof' && (n.argument as AnyNode).type === 'Identifier') {
          this.reference(n.argument as unknown as Identifier, scope, 'typeof');
          return;
        }
        this.visit(n.argument as AnyNode, scope);
        return;
      case 'ThrowStatement': {
        // `$th` notes where a value that is not an Error was thrown: Qt reports the throwing line.
        const arg = n.argument as AnyNode;
        this.out.push({ start: arg.start, end: arg.start, text: '$th(' });
        this.visit(arg, scope);
        this.out.push({ start: arg.end, end: arg.end, text: ')' });
        return;
      }
      case 'LabeledStatement':
        this.visit(n.body as AnyNode, scope);
        return;
      case 'BreakStatement':
      case 'ContinueStatement':
        return;
      case 'ForStatement': {
        const s = new Scope(scope, false);
        const init = n.init as AnyNode | null;
        if (init && init.type === 'VariableDeclaration') this.hoistBlock([init], s);
        this.visit(init, s);
        this.visit(n.test as AnyNode, s);
        this.visit(n.update as AnyNode, s);
        this.visit(n.body as AnyNode, s);
        return;
      }
      case 'ForInStatement':
      case 'ForOfStatement': {
        const s = new Scope(scope, false);
        const left = n.left as AnyNode;
        if (left.type === 'VariableDeclaration') {
          this.hoistBlock([left], s);
          this.visit(left, s);
        } else this.target(left as unknown as Pattern, s);
        const right = n.right as AnyNode;
        // `for (k in obj)` over a QML object runs over its properties and methods (Qt's order).
        const forIn = n.type === 'ForInStatement';
        if (forIn) this.out.push({ start: right.start, end: right.start, text: '$in.f((' });
        this.visit(right, scope);
        if (forIn) this.out.push({ start: right.end, end: right.end, text: '))' });
        this.visit(n.body as AnyNode, s);
        return;
      }
      case 'SwitchStatement': {
        this.visit(n.discriminant as AnyNode, scope);
        const s = new Scope(scope, false);
        const cases = n.cases as AnyNode[];
        for (const c of cases) this.hoistBlock(c.consequent as Node[], s);
        for (const c of cases) {
          this.visit(c.test as AnyNode, s);
          for (const st of c.consequent as AnyNode[]) this.visit(st, s);
        }
        return;
      }
      case 'TryStatement': {
        this.visit(n.block as AnyNode, scope);
        const h = n.handler as AnyNode | null;
        if (h) {
          const s = new Scope(scope, false);
          const param = h.param as AnyNode | null;
          if (param?.type === 'Identifier') {
            // What QML code catches reads as Qt's engine words it (v4errors.ts).
            const name = (param as unknown as Identifier).name;
            const body = h.body as AnyNode;
            this.out.push({ start: body.start + 1, end: body.start + 1, text: `${name}=$e(${name},$s,$c);` });
          }
          this.declarePattern(h.param as Pattern, s);
          this.patternExpressions(h.param as Pattern, s);
          this.block(h.body as unknown as BlockStatement, s);
        }
        this.visit(n.finalizer as AnyNode, scope);
        return;
      }
      default:
        for (const key in n) {
          if (key === 'type' || key === 'start' || key === 'end' || key === 'loc' || key === 'range')
            continue;
          const c = n[key];
          if (Array.isArray(c)) {
            for (const x of c)
              if (x && typeof x === 'object' && typeof (x as AnyNode).type === 'string')
                this.visit(x as AnyNode, scope);
          } else if (c && typeof c === 'object' && typeof (c as AnyNode).type === 'string') {
            this.visit(c as AnyNode, scope);
          }
        }
    }
  }
}

/** An operand that can never be a value type: a literal, `undefined`, `typeof x`, `!x`, `-x`, ... */
function isPrimitive(n: AnyNode): boolean {
  switch (n.type) {
    case 'Literal':
    case 'TemplateLiteral':
    case 'UnaryExpression':
    case 'UpdateExpression':
      return true;
    case 'Identifier':
      return (n as unknown as Identifier).name === 'undefined';
    default:
      return false;
  }
}

/** Child keys of statements that may contain nested `var` declarations. */
/** Object's functions that list an object's own names: for QML objects, QObjectWrapper's (see ForIn). */
const OBJECT_KEYS = new Set(['keys', 'values', 'entries', 'getOwnPropertyNames']);

const STATEMENT_CHILDREN = [
  'body',
  'consequent',
  'alternate',
  'block',
  'handler',
  'finalizer',
  'cases',
  'init',
  'left',
  'declarations',
];

/** True for a `function (...) {}` or arrow written as a handler (`onX: function (a) {...}`). */
/** Calls `f` with each name a declaration pattern binds (`a`, `{ b, c: [d] }`, `...e`, `f = 1`). */
export function forEachPatternName(p: Pattern | null, f: (name: string) => void): void {
  if (p === null) return;
  switch (p.type) {
    case 'Identifier':
      f(p.name);
      return;
    case 'ObjectPattern':
      for (const prop of p.properties)
        forEachPatternName(prop.type === 'RestElement' ? prop.argument : prop.value, f);
      return;
    case 'ArrayPattern':
      for (const e of p.elements) forEachPatternName(e, f);
      return;
    case 'RestElement':
      forEachPatternName(p.argument, f);
      return;
    case 'AssignmentPattern':
      forEachPatternName(p.left, f);
      return;
    default:
      return;
  }
}

export function isFunctionExpression(
  statement: Statement,
): statement is Statement & { expression: FunctionExpression | ArrowFunctionExpression } {
  if (statement.type !== 'ExpressionStatement') return false;
  const t = statement.expression.type;
  return t === 'FunctionExpression' || t === 'ArrowFunctionExpression';
}

/** The ECMAScript globals visible to QML code (plus Qt's own, supplied by the engine). */
export const JS_GLOBALS = new Set([
  'undefined',
  'NaN',
  'Infinity',
  'globalThis',
  'Object',
  'Function',
  'Array',
  'Number',
  'parseFloat',
  'parseInt',
  'Boolean',
  'String',
  'Symbol',
  'Date',
  'Promise',
  'RegExp',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'WeakRef',
  'Proxy',
  'Reflect',
  'Error',
  'EvalError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'TypeError',
  'URIError',
  'AggregateError',
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
  'BigInt',
  'Math',
  'JSON',
  'Intl',
  'Atomics',
  'isFinite',
  'isNaN',
  'decodeURI',
  'decodeURIComponent',
  'encodeURI',
  'encodeURIComponent',
  'escape',
  'unescape',
  'eval',
]);

/**
 * QML's String.prototype.arg (QString::arg) and Qt's Number.prototype.
 * toLocaleString(locale, format, precision) and toLocaleCurrencyString,
 * without changing the page's prototypes: `s.arg(x)` becomes `$arg(s, x)`,
 * `x.toLocaleString(a)` `$loc(x, 'toLocaleString', [a])`. The replacements
 * for call `n` (its object and arguments are rewritten in between), or null
 * for other calls.
 */
function methodCallRewrite(
  source: string,
  n: AnyNode,
): { object: AnyNode; before: Replacement; between: Replacement; after: Replacement | null } | null {
  const callee = n.callee as AnyNode;
  const property = callee.property as AnyNode | undefined;
  if (
    callee.type !== 'MemberExpression' ||
    callee.computed ||
    callee.optional ||
    n.optional ||
    property?.type !== 'Identifier'
  )
    return null;
  const method = (property as unknown as Identifier).name;
  const locale = method === 'toLocaleString' || method === 'toLocaleCurrencyString';
  const object = callee.object as AnyNode;
  if ((!locale && method !== 'arg') || inOptionalChain(object)) return null;
  const args = n.arguments as AnyNode[];
  const open = punctuator(source, property.end, n.end, '(', false);
  // (from the dot: a parenthesised object keeps its closing parenthesis)
  const dot = punctuator(source, object.end, property.start, '.', true);
  return {
    object,
    before: { start: n.start, end: n.start, text: locale ? '$loc(' : '$arg(' },
    between: { start: dot, end: open + 1, text: locale ? `,'${method}',[` : args.length > 0 ? ',' : '' },
    after: locale ? { start: n.end - 1, end: n.end - 1, text: ']' } : null,
  };
}

/**
 * Visits every node of a syntax tree in source order, parents first;
 * `enter` returning false skips the node's children.
 */
export function forEachNode(root: unknown, enter: (node: { type?: string }) => boolean): void {
  const visit = (n: unknown): void => {
    if (typeof n !== 'object' || n === null) return;
    if (Array.isArray(n)) {
      for (const x of n) visit(x);
      return;
    }
    if (!enter(n as { type?: string })) return;
    for (const [k, v] of Object.entries(n)) if (k !== 'loc' && typeof v === 'object') visit(v);
  };
  visit(root);
}

/**
 * A script file's code with its `.arg()`, `.toLocaleString()` and
 * `.toLocaleCurrencyString()` calls, its `for (k in v)` and Object.keys()
 * and the like rewritten as in QML code (the rest of a script's names are
 * the script's own and are left as they are).
 */
export function rewriteMethodCalls(source: string, program: Node): string {
  const out: Replacement[] = [];
  // (where the script declares its own Object, it keeps it)
  const ownObject = declaredRanges(program, 'Object');
  forEachNode(program, (node) => {
    const n = node as AnyNode;
    if (node.type === 'CallExpression') {
      const r = methodCallRewrite(source, n);
      if (r !== null) {
        out.push(r.before, r.between);
        if (r.after) out.push(r.after);
      }
    } else if (node.type === 'ForInStatement') {
      // QML objects enumerate as in QML code (ForIn).
      const right = n.right as AnyNode;
      out.push({ start: right.start, end: right.start, text: '$in.f((' });
      out.push({ start: right.end, end: right.end, text: '))' });
    } else if (node.type === 'MemberExpression' && !n.computed) {
      const object = n.object as AnyNode;
      const name = (n.property as unknown as Identifier).name;
      if (
        object.type === 'Identifier' &&
        (object as unknown as Identifier).name === 'Object' &&
        OBJECT_KEYS.has(name) &&
        !ownObject.some(([from, to]) => n.start >= from && n.start < to)
      )
        out.push({ start: n.start, end: n.end, text: `$in.${name}` });
    }
    return true;
  });
  // (of two insertions at one place, the outer call's, pushed first, comes first)
  return out.length === 0 ? source : applyReplacements(source, out, 0, source.length);
}

/**
 * Where `name` is a script's own: the source ranges of the functions (or
 * the whole program, or a catch clause) that declare it as a variable, a
 * parameter, a caught error, a function or a class.
 */
function declaredRanges(program: Node, name: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const declares = (p: unknown): boolean => {
    let found = false;
    forEachPatternName(p as Pattern | null, (n) => {
      if (n === name) found = true;
    });
    return found;
  };
  const visit = (n: unknown, scope: AnyNode): void => {
    if (typeof n !== 'object' || n === null) return;
    if (Array.isArray(n)) {
      for (const x of n) visit(x, scope);
      return;
    }
    const node = n as AnyNode;
    if (typeof node.type !== 'string') return;
    let inner = scope;
    const fn =
      node.type === 'FunctionDeclaration' ||
      node.type === 'FunctionExpression' ||
      node.type === 'ArrowFunctionExpression';
    if (node.type === 'VariableDeclarator' && declares(node.id)) out.push([scope.start, scope.end]);
    else if (node.type === 'CatchClause' && declares(node.param ?? null)) out.push([node.start, node.end]);
    else if (fn || node.type === 'ClassDeclaration' || node.type === 'ClassExpression') {
      if (declares(node.id ?? null))
        out.push(
          node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration'
            ? [scope.start, scope.end]
            : [node.start, node.end],
        );
      if (fn) {
        inner = node;
        if (((node.params as unknown[] | undefined) ?? []).some(declares)) out.push([node.start, node.end]);
      }
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'loc' && typeof v === 'object') visit(v, inner);
  };
  visit(program, program as unknown as AnyNode);
  return out;
}

/**
 * Whether a method call's object is part of an optional chain (`a?.b.f()`):
 * such calls are left as they are, so that the chain still stops at null.
 * `super.f()` is left too.
 */
function inOptionalChain(object: AnyNode): boolean {
  for (let o: AnyNode | undefined = object; o !== undefined; ) {
    if (o.type === 'Super' || o.optional === true) return true;
    if (o.type === 'MemberExpression') o = o.object as AnyNode;
    else if (o.type === 'CallExpression') o = o.callee as AnyNode;
    else return false;
  }
  return false;
}

/** The position of `ch` in source[from, to) outside comments: the first, or the last. */
function punctuator(source: string, from: number, to: number, ch: string, last: boolean): number {
  let found = -1;
  for (let i = from; i < to; i++) {
    const c = source[i];
    if (c === '/' && source[i + 1] === '/') i = source.indexOf('\n', i) < 0 ? to : source.indexOf('\n', i);
    else if (c === '/' && source[i + 1] === '*') i = source.indexOf('*/', i + 2) + 1;
    else if (c === ch) {
      found = i;
      if (!last) return i;
    }
  }
  return found;
}
