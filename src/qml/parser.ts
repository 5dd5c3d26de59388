// The QML document parser. The grammar is Qt's (qtdeclarative
// src/qml/parser/qqmljs.g, the UiProgram rules); the JavaScript inside a
// document (binding expressions, handler blocks, function bodies) is parsed
// by acorn. One acorn parser instance tokenizes the whole file, so QML and
// JavaScript share one lexer: positions, comments, regexp/division and
// automatic semicolon insertion behave the same on both sides, as they do in
// Qt, where QML is a grammar extension of JavaScript.
import {
  type BlockStatement,
  type Expression,
  type Node,
  type Options,
  Parser,
  type Position,
  type Statement,
  type TokenType,
  tokTypes as tt,
} from 'acorn';
import type {
  BindingValue,
  EnumDeclaration,
  EnumMember,
  FunctionDeclaration,
  GroupBlock,
  Import,
  InlineComponent,
  Member,
  ObjectDefinition,
  ObjectList,
  OnBinding,
  Parameter,
  Pragma,
  Program,
  PropertyDeclaration,
  RequiredDeclaration,
  Script,
  SignalDeclaration,
  Span,
  Version,
} from './ast';
import { formatLocation, QmlError } from './error';

/** The parts of acorn's parser state used here (stable across acorn 8, used by its plugins). */
interface AcornState {
  type: TokenType;
  value: unknown;
  start: number;
  end: number;
  startLoc: Position;
  lastTokEnd: number;
  input: string;
  nextToken(): void;
  next(): void;
  parseStatement(context: string | null): Statement;
  parseExpression(): Expression;
  parseBlock(createNewLexicalScope?: boolean): BlockStatement;
  parseFunction(node: Node, statement: number): Node;
  startNode(): Node;
  finishNode<T extends Node>(node: Node, type: string): T;
  semicolon(): void;
  canInsertSemicolon(): boolean;
  enterScope(flags: number): void;
  exitScope(): void;
  declareName(name: string, bindingType: number, pos: number): void;
}

// acorn's scope flags and binding kinds (acorn/src/scopeflags.js).
const SCOPE_FUNCTION = 2;
const BIND_VAR = 1;

const ACORN_OPTIONS: Options = {
  ecmaVersion: 'latest',
  sourceType: 'script',
  locations: true,
  allowReturnOutsideFunction: true,
  allowReserved: true,
};

/**
 * Deeper object nesting than this is refused instead of overflowing the
 * stack while the objects are created. Qt 6.4 refuses a document whose AST
 * is deeper than its visitors' recursion limit with "Maximum statement or
 * expression depth exceeded" (measured: objects nested 1,000 deep load,
 * 2,000 deep do not); here creation recurses per level, so the limit is lower.
 */
const MAX_NESTING = 500;
/**
 * The deepest JavaScript syntax tree accepted in one binding or function
 * (Qt: the same message; 1,000-deep member chains load in Qt 6.4). The
 * engine's compiler walks these trees recursively; chains of members or
 * calls, which acorn builds without recursing, are bounded here.
 */
const MAX_JS_DEPTH = 1000;
/** Qt's words for a document nested deeper than it can process. */
export const DEPTH_EXCEEDED = 'Maximum statement or expression depth exceeded';

/**
 * Parses a QML document. Throws a positioned {@link QmlError} on a syntax
 * error. Qt prints its depth error without a position; ours carries the
 * place where the limit was passed, so an editor can go there.
 */
export function parseQml(source: string, url: string): Program {
  // Qt: only a file without a single byte is "empty"; white space alone is a
  // syntax error at its end.
  if (source === '') throw new QmlError(url, -1, -1, 'File is empty');
  try {
    return new QmlParser(source, url).parseProgram();
  } catch (e) {
    if (e instanceof SyntaxErrorAt) throw recover(source, url, e.pos);
    throw e;
  }
}

/** A syntax error without Qt's wording yet: `recover` finds the words Qt's parser uses there. */
class SyntaxErrorAt extends Error {
  constructor(readonly pos: number) {
    super('Syntax error');
  }
}

/** Where parsing `source` fails (-1 if it parses), and where semicolons were inserted automatically. */
function failsAt(source: string, inserted: number[] = []): number {
  probedChars += source.length;
  try {
    new QmlParser(source, '', (p) => inserted.push(p)).parseProgram();
    return -1;
  } catch (e) {
    if (e instanceof SyntaxErrorAt) return e.pos;
    if (e instanceof QmlError) return (e as QmlError & { pos?: number }).pos ?? Number.MAX_SAFE_INTEGER;
    return Number.MAX_SAFE_INTEGER;
  }
}

/** Characters parsed by `failsAt` so far (the work budget of error recovery). */
let probedChars = 0;
/**
 * After the first error, recovery stops reporting further ones once its
 * probes have parsed this many characters: each probe re-parses the whole
 * file, and a pathological one (10,000 nested brackets, an error at each)
 * would otherwise take seconds. A hand-written file with dozens of errors
 * stays far below it.
 */
const RECOVERY_BUDGET = 2_000_000;

/** Tokens Qt's parser tries to insert at an error, in its order (qqmljs.g); `+` and `=` left out, see below. */
const INSERTABLE: Array<[string, string]> = [
  [',', ','],
  [':', ':'],
  [';', ';'],
  [')', ')'],
  [']', ']'],
  ['}', '}'],
  ['0', 'numeric literal'],
  ['x', 'identifier'],
  ['(', '('],
  ['[', '['],
  ['{', '{'],
];

/**
 * Qt's parser (an LALR parser, qqmljs.g) words an error by trying, at the
 * offending token: to drop it ("Unexpected token `x'" if the next token then
 * fits), then to insert a token before it ("Expected token `,'"), else
 * "Syntax error". The same probes are run here by re-parsing the modified
 * text; `+` and `=`, first in Qt's list, are only shiftable in states that
 * rarely match (after a complete expression Qt has already reduced past
 * them), so they are not tried.
 *
 * Qt then goes on parsing the repaired text and reports every further error
 * the same way, until one it cannot repair ("Syntax error"), or one at the
 * offending token it replays right after an inserted token (Qt's parser
 * recovers only when its token buffer is empty: qqmljs.g, `first_token ==
 * last_token`).
 */
function recover(source: string, url: string, pos: number): QmlError {
  const lines = new LineTable(source);
  const messages: string[] = [];
  let first: { line: number; column: number; message: string } | undefined;
  // Tokens inserted so far, in the coordinates of the text they went into.
  const insertions: Array<{ at: number; length: number }> = [];
  const original = (p: number) => {
    let q = p;
    for (let i = insertions.length - 1; i >= 0; i--) {
      const ins = insertions[i]!;
      if (q >= ins.at + ins.length) q -= ins.length;
      else if (q >= ins.at) q = ins.at;
    }
    return q;
  };
  let text = source;
  let failure = pos;
  let replayed = -1;
  const budget = probedChars + RECOVERY_BUDGET;
  for (let guard = 0; guard < 100 && failure !== -1; guard++) {
    if (first !== undefined && probedChars > budget) break;
    const token = tokenAt(text, failure);
    if (token.start < replayed) break;
    const r = classify(text, token);
    const { line, column } = lines.locate(original(token.start));
    first ??= { line, column, message: r.message };
    messages.push(formatLocation(url, line, column, r.message));
    if (r.repaired === undefined) break;
    text = r.repaired;
    if (r.inserted !== undefined) {
      insertions.push({ at: token.start, length: r.inserted });
      replayed = token.end + r.inserted;
    } else replayed = -1;
    failure = failsAt(text);
    if (failure === Number.MAX_SAFE_INTEGER) break;
  }
  const error = new QmlError(url, first!.line, first!.column, first!.message);
  error.message = messages.join('\n');
  return error;
}

/** Qt's message for the error at `token`, and the text repaired the way Qt's parser goes on. */
function classify(
  source: string,
  token: { type: TokenType; value: unknown; start: number; end: number },
): { message: string; repaired?: string; inserted?: number } {
  if (token.type === tt.eof) return { message: atEnd(source, token.start) };
  const next = tokenAt(source, token.end);
  const blank = source.slice(token.start, token.end).replace(/[^\n\r]/g, ' ');
  const asi: number[] = [];
  const withoutToken = source.slice(0, token.start) + blank + source.slice(token.end);
  const dropped = failsAt(withoutToken, asi);
  // Qt only checks that the next token can follow as it is: a semicolon
  // inserted automatically between them does not count.
  const needsAsi = asi.some((p) => p <= next.start && !/\S/.test(source.slice(p, token.start)));
  if (!needsAsi && (dropped === -1 || (next.type !== tt.eof && dropped >= next.end))) {
    return { message: `Unexpected token \`${spell(token.type, token.value)}'`, repaired: withoutToken };
  }
  // Qt takes the first token its state can shift (`t_action(errorState, tk)`);
  // its test of the lookahead after it (`t_action(a, yytoken)`) also passes on
  // the default reductions of its compressed tables, so here a token counts
  // when parsing gets past it. Qt then replays the offending token after it.
  for (const [text, name] of INSERTABLE) {
    const inserted = ` ${text} `;
    const repaired = source.slice(0, token.start) + inserted + source.slice(token.start);
    const r = failsAt(repaired);
    if (r === -1 || r >= token.start + inserted.length)
      return { message: `Expected token \`${name}'`, repaired, inserted: inserted.length };
  }
  return { message: 'Syntax error' };
}

/**
 * An error at the end of the file: Qt's probes, which can only insert there.
 * Measured: `Item { x: ` gives "Expected token `;'", `x: (1 + ` "Expected
 * token `numeric literal'", `Item {` and `Item { x: 1` "Expected token
 * `}'", `function f() { return 1` "Expected token `;'", and a file with
 * no object at all (white space, comments, imports only) "Expected token
 * `numeric literal'".
 */
function atEnd(source: string, pos: number): string {
  if (!hasRootObject(source)) return "Expected token `numeric literal'";
  // A statement complete at the end gets its automatic semicolon first, and
  // the probes run after it: a binding then wants the object's `}', a
  // statement in a block another `;' (measured: `color: "black"` and
  // `return 1` at the end of the file).
  const asi: number[] = [];
  failsAt(source, asi);
  if (asi.some((p) => p <= pos && !/\S/.test(source.slice(p, pos)))) {
    source = `${source.slice(0, pos)} ; ${source.slice(pos)}`;
    pos += 3;
  }
  for (const [text, name] of INSERTABLE) {
    const inserted = ` ${text} `;
    const r = failsAt(source.slice(0, pos) + inserted + source.slice(pos));
    if (r === -1 || r >= pos + inserted.length) return `Expected token \`${name}'`;
  }
  return "Expected token `}'";
}

/** Whether the tokens after the pragmas and imports start with something other than the end of the file. */
function hasRootObject(source: string): boolean {
  try {
    const P = Parser as unknown as new (o: Options, input: string, pos: number) => AcornState;
    const p = new P(ACORN_OPTIONS, source, 0);
    p.nextToken();
    for (;;) {
      const word = p.type === tt.name || p.type.keyword !== undefined ? p.value : undefined;
      if (word !== 'import' && word !== 'pragma') return p.type !== tt.eof;
      // An import or pragma runs to its line's end (Qt: they end at a newline or `;`).
      const lineEnd = source.slice(p.start).search(/[\n\r\u2028\u2029;]/);
      if (lineEnd < 0) return false;
      const q = new P(ACORN_OPTIONS, source, p.start + lineEnd + 1);
      q.nextToken();
      Object.assign(p, { type: q.type, value: q.value, start: q.start, end: q.end });
      if (p.type === tt.eof) return false;
    }
  } catch {
    return true;
  }
}

function tokenAt(
  source: string,
  pos: number,
): { type: TokenType; value: unknown; start: number; end: number } {
  try {
    const P = Parser as unknown as new (o: Options, input: string, pos: number) => AcornState;
    const p = new P(ACORN_OPTIONS, source, pos);
    p.nextToken();
    return { type: p.type, value: p.value, start: p.start, end: p.end };
  } catch {
    return { type: tt.name, value: '', start: pos, end: pos + 1 };
  }
}

/**
 * Line and column (both 1-based) of every offset, computed from a table of
 * line starts: acorn's own locations count columns from 0.
 */
export class LineTable {
  private readonly starts: number[] = [0];
  constructor(source: string) {
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (source.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 0x2028 || c === 0x2029) this.starts.push(i + 1);
    }
  }
  locate(offset: number): { line: number; column: number } {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

class QmlParser {
  private p: AcornState;
  private readonly lines: LineTable;
  private depth = 0;
  private readonly options: Options;

  constructor(
    private readonly source: string,
    private readonly url: string,
    onInsertedSemicolon?: (pos: number) => void,
  ) {
    this.options = onInsertedSemicolon ? { ...ACORN_OPTIONS, onInsertedSemicolon } : ACORN_OPTIONS;
    this.lines = new LineTable(source);
    this.p = this.acornAt(0);
  }

  // ---- tokens -------------------------------------------------------------

  private acornAt(pos: number): AcornState {
    const p = new QtDialectParser(this.options, this.source, pos) as unknown as AcornState;
    this.guard(() => p.nextToken());
    return p;
  }

  /** Runs acorn, turning its SyntaxError into Qt's positioned message. */
  private guard<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      throw this.translateError(e);
    }
  }

  private span(start: number, end = this.p.lastTokEnd): Span {
    const { line, column } = this.lines.locate(start);
    return { start, end, line, column };
  }

  private error(pos: number, message: string): QmlError {
    const { line, column } = this.lines.locate(pos);
    return new QmlError(this.url, line, column, message);
  }

  private translateError(e: unknown): unknown {
    if (e instanceof QmlError) return e;
    // A stack overflow, or an error raised while handling one (acorn's own
    // check can overflow too and then fails with an odd SyntaxError).
    if (e instanceof RangeError || (e instanceof Error && /call stack/i.test(e.message))) {
      return this.error(this.p.start, DEPTH_EXCEEDED);
    }
    if (e instanceof SyntaxError && typeof (e as { pos?: unknown }).pos === 'number') {
      const pos = (e as unknown as { pos: number }).pos;
      // acorn gives up on expressions nested deeper than the stack allows.
      if (e.message.startsWith(DEPTH_EXCEEDED) || e.message.startsWith('Not enough stack space')) {
        return this.error(pos, DEPTH_EXCEEDED);
      }
      const message = qtLexicalMessage(e.message.replace(/ \(\d+:\d+\)$/, ''));
      return message === undefined ? new SyntaxErrorAt(pos) : this.error(pos, message);
    }
    return e;
  }

  private next(): void {
    this.guard(() => this.p.next());
  }

  /** The current token as a word (identifiers and keywords), or undefined. */
  private word(): string | undefined {
    const t = this.p.type;
    if (t === tt.name || t.keyword !== undefined) return this.p.value as string;
    return undefined;
  }

  private isWord(w: string): boolean {
    return this.word() === w;
  }

  private is(type: TokenType): boolean {
    return this.p.type === type;
  }

  private eat(type: TokenType): boolean {
    if (this.p.type !== type) return false;
    this.next();
    return true;
  }

  private expect(type: TokenType): void {
    if (!this.eat(type)) throw new SyntaxErrorAt(this.p.start);
  }

  private unexpected(): Error {
    return new SyntaxErrorAt(this.p.start);
  }

  private identifier(): { name: string; start: number } {
    const name = this.word();
    if (name === undefined) throw new SyntaxErrorAt(this.p.start);
    const start = this.p.start;
    this.next();
    return { name, start };
  }

  /** The first character after offset `pos` that is not white space or inside a comment. */
  private peekChar(pos = this.p.end): string {
    const s = this.source;
    let i = pos;
    while (i < s.length) {
      const c = s[i]!;
      if (c === '/' && s[i + 1] === '/') {
        while (i < s.length && s[i] !== '\n') i++;
      } else if (c === '/' && s[i + 1] === '*') {
        const close = s.indexOf('*/', i + 2);
        i = close < 0 ? s.length : close + 2;
      } else if (/\s/.test(c)) i++;
      else return c;
    }
    return '';
  }

  /** True when the text at `pos` is `Ident(.Ident)* {`: an object definition follows. */
  private objectFollows(pos: number): boolean {
    IDENT_CHAIN.lastIndex = pos;
    return IDENT_CHAIN.test(this.source);
  }

  private endMember(): void {
    this.eat(tt.semi);
  }

  // ---- document -----------------------------------------------------------

  parseProgram(): Program {
    const pragmas: Pragma[] = [];
    const imports: Import[] = [];
    for (;;) {
      if (this.isWord('pragma') && this.peekChar() !== ':') pragmas.push(this.parsePragma());
      else if (this.is(tt._import)) imports.push(this.parseImport());
      else break;
    }
    if (this.is(tt.eof)) throw new SyntaxErrorAt(this.p.start);
    const root = this.parseObjectDefinition();
    if (!this.is(tt.eof)) throw this.unexpected();
    return {
      kind: 'Program',
      file: this.url,
      source: this.source,
      pragmas,
      imports,
      root,
      ...this.span(0, this.source.length),
    };
  }

  private parsePragma(): Pragma {
    const start = this.p.start;
    this.next();
    const { name } = this.identifier();
    const values: string[] = [];
    if (this.eat(tt.colon)) {
      do values.push(this.identifier().name);
      while (this.eat(tt.comma));
    }
    this.endMember();
    return { kind: 'Pragma', name, values, ...this.span(start) };
  }

  private parseImport(): Import {
    const start = this.p.start;
    this.next();
    const node: Import = { kind: 'Import', ...this.span(start) };
    if (this.is(tt.string)) {
      node.path = this.p.value as string;
      this.next();
    } else {
      node.module = this.qualifiedId().name.join('.');
    }
    if (this.is(tt.num)) {
      node.version = parseVersion(this.source.slice(this.p.start, this.p.end));
      this.next();
    }
    if (this.isWord('as')) {
      this.next();
      const q = this.identifier();
      if (!/^[A-Z]/.test(q.name)) throw this.error(q.start, 'Invalid import qualifier ID');
      node.qualifier = q.name;
    }
    this.endMember();
    Object.assign(node, this.span(start));
    return node;
  }

  private qualifiedId(): { name: string[]; span: Span } {
    const start = this.p.start;
    const name = [this.identifier().name];
    while (this.is(tt.dot)) {
      this.next();
      name.push(this.identifier().name);
    }
    return { name, span: this.span(start) };
  }

  private parseObjectDefinition(): ObjectDefinition {
    const start = this.p.start;
    const { name, span } = this.qualifiedId();
    return this.parseObjectBody(name.join('.'), span, start);
  }

  private parseObjectBody(typeName: string, typeSpan: Span, start: number): ObjectDefinition {
    if (!this.is(tt.braceL)) throw new SyntaxErrorAt(this.p.start);
    const members = this.parseMembers();
    return { kind: 'ObjectDefinition', typeName, typeSpan, members, ...this.span(start) };
  }

  /** `{ member* }` */
  private parseMembers(): Member[] {
    if (++this.depth > MAX_NESTING) throw this.error(this.p.start, DEPTH_EXCEEDED);
    this.expect(tt.braceL);
    const members: Member[] = [];
    while (!this.is(tt.braceR)) {
      if (this.is(tt.eof)) throw new SyntaxErrorAt(this.p.start);
      members.push(this.parseMember());
    }
    this.next();
    this.depth--;
    return members;
  }

  private parseMember(): Member {
    const start = this.p.start;
    const w = this.word();
    if (w === undefined) throw this.unexpected();
    const followedByColon = this.peekChar() === ':';
    if (!followedByColon) {
      switch (w) {
        case 'property':
        case 'readonly':
        case 'default':
          return this.parsePropertyDeclaration(start);
        case 'required':
          return this.parseRequired(start);
        case 'signal':
          return this.parseSignal(start);
        case 'function':
          return this.parseFunction(start);
        case 'enum':
          return this.parseEnum(start);
        case 'component':
          return this.parseInlineComponent(start);
      }
    }
    const { name, span: nameSpan } = this.qualifiedId();
    if (this.eat(tt.colon)) {
      const value = this.parseBindingValue();
      // Qt: a `;` may end an expression (the statement takes it), but not a block or an object.
      return { kind: 'Binding', name, nameSpan, value, ...this.span(start) };
    }
    if (this.isWord('on')) {
      this.next();
      const target = this.qualifiedId();
      const objStart = start;
      const object = this.parseObjectBody(name.join('.'), nameSpan, objStart);
      const on: OnBinding = {
        kind: 'OnBinding',
        name: target.name,
        nameSpan: target.span,
        object,
        ...this.span(start),
      };
      return on;
    }
    if (this.is(tt.braceL)) {
      // Qt: `Name { }` is an object when the last part of the name starts with
      // an upper-case letter, else a group of properties (`anchors { }`).
      const last = name[name.length - 1]!;
      if (/^[A-Z]/.test(last)) {
        return this.parseObjectBody(name.join('.'), nameSpan, start);
      }
      const members = this.parseMembers();
      const group: GroupBlock = { kind: 'GroupBlock', name, nameSpan, members, ...this.span(start) };
      return group;
    }
    throw this.unexpected();
  }

  /** The right-hand side of `name:` — a script, an object, or a list of objects. */
  private parseBindingValue(): BindingValue {
    const start = this.p.start;
    if (this.is(tt.bracketL) && this.objectFollows(this.p.end)) {
      this.next();
      const objects: ObjectDefinition[] = [];
      do objects.push(this.parseObjectDefinition());
      while (this.eat(tt.comma));
      this.expect(tt.bracketR);
      const list: ObjectList = { kind: 'ObjectList', objects, ...this.span(start) };
      return list;
    }
    if (this.p.type === tt.name && this.objectFollows(this.p.start)) {
      return this.parseObjectDefinition();
    }
    return this.parseScript();
  }

  /**
   * One script statement, as Qt's UiScriptStatement allows: a block, an
   * expression (a `function (x) {...}` here is an expression, not a
   * declaration), `if`, `switch`, `try`, `with`, or an empty statement.
   */
  private parseScript(): Script {
    const start = this.p.start;
    const p = this.p;
    const statement = this.guard((): Statement => {
      const t = p.type;
      // Qt: `{` then a string or number and a colon is an object literal
      // (`p: {"a": 1}`), not a block.
      OBJECT_LITERAL_START.lastIndex = p.end;
      const objectLiteral = t === tt.braceL && OBJECT_LITERAL_START.test(this.source);
      if (
        (t === tt.braceL && !objectLiteral) ||
        t === tt._if ||
        t === tt._switch ||
        t === tt._try ||
        t === tt._with ||
        t === tt.semi
      ) {
        return p.parseStatement(null);
      }
      const node = p.startNode() as Node & { expression?: Expression };
      node.expression = p.parseExpression();
      p.semicolon();
      return p.finishNode<Statement>(node, 'ExpressionStatement');
    });
    this.checkDialect(statement);
    return { kind: 'Script', code: this.source.slice(start, statement.end), statement, ...this.span(start) };
  }

  /**
   * Qt 6.4's JavaScript is ES2016 plus optional chaining and `??`: object
   * rest/spread, logical assignment and BigInt are syntax errors there, with
   * these messages (measured).
   */
  private checkDialect(node: Node): void {
    // Nodes (and arrays of them) with their depth in the syntax tree.
    const stack: Array<[unknown, number]> = [[node, 0]];
    while (stack.length > 0) {
      const [n, depth] = stack.pop() as [(Node & Record<string, unknown>) | null, number];
      if (!n || typeof n !== 'object') continue;
      if (depth > MAX_JS_DEPTH) throw this.error(n.start ?? node.start, DEPTH_EXCEEDED);
      switch (n.type) {
        case 'Literal':
          if (typeof n.bigint === 'string') throw this.error(n.end - 1, "Unexpected token `identifier'");
          break;
        case 'ObjectExpression':
          for (const p of n.properties as Node[]) {
            if (p.type === 'SpreadElement') throw this.error(p.start, "Unexpected token `...'");
          }
          break;
        case 'ObjectPattern':
          for (const p of n.properties as Node[]) {
            if (p.type === 'RestElement') throw this.error(p.start, "Expected token `}'");
          }
          break;
        case 'AssignmentExpression': {
          const op = n.operator as string;
          if (op === '??=' || op === '||=' || op === '&&=') {
            const left = n.left as Node;
            const at = this.source.indexOf(op, left.end);
            throw this.error(at + 2, "Unexpected token `='");
          }
          break;
        }
      }
      // Arrays of children do not add a level.
      const childDepth = Array.isArray(n) ? depth : depth + 1;
      for (const k in n) {
        if (k === 'loc') continue;
        const v = n[k];
        if (v && typeof v === 'object') stack.push([v, childDepth]);
      }
    }
  }

  private parsePropertyDeclaration(start: number): PropertyDeclaration {
    let readonly = false;
    let required = false;
    let isDefault = false;
    for (;;) {
      const w = this.word();
      if (w === 'readonly') readonly = true;
      else if (w === 'required') required = true;
      else if (w === 'default') isDefault = true;
      else break;
      this.next();
    }
    if (!this.isWord('property')) throw new SyntaxErrorAt(this.p.start);
    this.next();
    const typeStart = this.p.start;
    let isList = false;
    let typeName: string;
    if (this.isWord('list') && this.is(tt.name) && this.source[this.p.end] === '<') {
      this.next();
      this.expectRelational('<');
      typeName = this.qualifiedId().name.join('.');
      this.expectRelational('>');
      isList = true;
    } else {
      typeName = this.qualifiedId().name.join('.');
    }
    const typeSpan = this.span(typeStart);
    const id = this.identifier();
    const nameSpan = this.span(id.start);
    const decl: PropertyDeclaration = {
      kind: 'PropertyDeclaration',
      name: id.name,
      nameSpan,
      typeName,
      typeSpan,
      isList,
      readonly,
      required,
      isDefault,
      ...this.span(start),
    };
    if (this.eat(tt.colon)) decl.value = this.parseBindingValue();
    else this.endMember();
    Object.assign(decl, this.span(start));
    return decl;
  }

  private expectRelational(op: '<' | '>'): void {
    if (this.p.type === tt.relational && this.p.value === op) this.next();
    else throw new SyntaxErrorAt(this.p.start);
  }

  private parseRequired(start: number): PropertyDeclaration | RequiredDeclaration {
    if (/^\s*(property|readonly|default)\b/.test(this.source.slice(this.p.end, this.p.end + 40))) {
      return this.parsePropertyDeclaration(start);
    }
    this.next();
    const { name } = this.identifier();
    this.endMember();
    return { kind: 'RequiredDeclaration', name, ...this.span(start) };
  }

  private parseSignal(start: number): SignalDeclaration {
    this.next();
    const id = this.identifier();
    const nameSpan = this.span(id.start);
    const parameters: Parameter[] = [];
    if (this.eat(tt.parenL)) {
      while (!this.is(tt.parenR)) {
        const pStart = this.p.start;
        const first = this.qualifiedId().name.join('.');
        let param: Parameter;
        if (this.eat(tt.colon)) {
          // `signal s(a: string)`
          param = { name: first, typeName: this.parseTypeName(), ...this.span(pStart) };
        } else if (first === 'list' && this.p.type === tt.relational) {
          this.expectRelational('<');
          const inner = this.qualifiedId().name.join('.');
          this.expectRelational('>');
          param = { name: this.identifier().name, typeName: `list<${inner}>`, ...this.span(pStart) };
        } else {
          // `signal s(string a)`
          param = { name: this.identifier().name, typeName: first, ...this.span(pStart) };
        }
        parameters.push(param);
        if (!this.eat(tt.comma)) break;
      }
      this.expect(tt.parenR);
    }
    this.endMember();
    return { kind: 'SignalDeclaration', name: id.name, nameSpan, parameters, ...this.span(start) };
  }

  private parseTypeName(): string {
    const name = this.qualifiedId().name.join('.');
    if (name === 'list' && this.p.type === tt.relational) {
      this.expectRelational('<');
      const inner = this.qualifiedId().name.join('.');
      this.expectRelational('>');
      return `list<${inner}>`;
    }
    return name;
  }

  /**
   * `function name(a, b: int): string { ... }`. Type annotations are QML
   * syntax, not JavaScript, so the header is read here and the body is handed
   * to acorn as a function body. Parameters with defaults, rest or
   * destructuring are plain JavaScript and go to acorn whole.
   */
  private parseFunction(start: number): FunctionDeclaration {
    const header = this.readFunctionHeader();
    if (header === undefined) return this.parseFunctionWithAcorn(start);
    const p = this.p;
    const body = this.guard(() => {
      p.enterScope(SCOPE_FUNCTION);
      for (const param of header.parameters) p.declareName(param.name, BIND_VAR, param.start);
      const block = p.parseBlock(false);
      p.exitScope();
      return block;
    });
    this.checkDialect(body);
    const decl: FunctionDeclaration = {
      kind: 'FunctionDeclaration',
      name: header.name,
      nameSpan: header.nameSpan,
      parameters: header.parameters,
      body,
      bodyCode: this.source.slice(body.start, body.end),
      ...this.span(start),
    };
    if (header.returnType !== undefined) decl.returnType = header.returnType;
    return decl;
  }

  /** Reads `function name(params)[: type]` up to the body; undefined when the parameters are not simple. */
  private readFunctionHeader():
    | { name: string; nameSpan: Span; parameters: Parameter[]; returnType?: string }
    | undefined {
    const save = this.p.start;
    this.next(); // function
    // (a generator, `function* name()`: acorn reads it whole)
    if (this.is(tt.star)) {
      this.p = this.acornAt(save);
      return undefined;
    }
    const id = this.identifier();
    const nameSpan = this.span(id.start);
    this.expect(tt.parenL);
    const parameters: Parameter[] = [];
    while (!this.is(tt.parenR)) {
      if (this.p.type !== tt.name) {
        this.p = this.acornAt(save);
        return undefined;
      }
      const pStart = this.p.start;
      const name = this.identifier().name;
      const param: Parameter = { name, ...this.span(pStart) };
      if (this.eat(tt.colon)) param.typeName = this.parseTypeName();
      if (!this.is(tt.comma) && !this.is(tt.parenR)) {
        this.p = this.acornAt(save);
        return undefined;
      }
      parameters.push(param);
      if (!this.eat(tt.comma)) break;
    }
    this.expect(tt.parenR);
    const header: { name: string; nameSpan: Span; parameters: Parameter[]; returnType?: string } = {
      name: id.name,
      nameSpan,
      parameters,
    };
    if (this.eat(tt.colon)) header.returnType = this.parseTypeName();
    if (!this.is(tt.braceL)) throw new SyntaxErrorAt(this.p.start);
    return header;
  }

  private parseFunctionWithAcorn(start: number): FunctionDeclaration {
    const p = this.p;
    const fn = this.guard(() => p.parseStatement(null)) as Statement & {
      id: { name: string; start: number; end: number };
      params: Node[];
      body: BlockStatement;
    };
    const parameters: Parameter[] = fn.params.map((param) => ({
      name: this.source.slice(param.start, param.end),
      ...this.span(param.start, param.end),
    }));
    const decl: FunctionDeclaration = {
      kind: 'FunctionDeclaration',
      name: fn.id.name,
      nameSpan: this.span(fn.id.start, fn.id.end),
      parameters,
      body: fn.body,
      bodyCode: this.source.slice(fn.body.start, fn.body.end),
      declaration: fn,
      ...this.span(start),
    };
    return decl;
  }

  private parseEnum(start: number): EnumDeclaration {
    this.next();
    const { name } = this.identifier();
    this.expect(tt.braceL);
    const members: EnumMember[] = [];
    while (!this.is(tt.braceR)) {
      const mStart = this.p.start;
      const m: EnumMember = { name: this.identifier().name, ...this.span(mStart) };
      if (this.p.type === tt.eq) {
        this.next();
        // Qt 6.4's grammar takes only a numeric literal (`= -1` is "Unexpected token `-'").
        if (!this.is(tt.num)) throw new SyntaxErrorAt(this.p.start);
        m.value = this.p.value as number;
        this.next();
      }
      Object.assign(m, this.span(mStart));
      members.push(m);
      if (!this.eat(tt.comma)) break;
    }
    this.expect(tt.braceR);
    return { kind: 'EnumDeclaration', name, members, ...this.span(start) };
  }

  private parseInlineComponent(start: number): InlineComponent {
    this.next();
    const { name } = this.identifier();
    this.expect(tt.colon);
    const object = this.parseObjectDefinition();
    return { kind: 'InlineComponent', name, object, ...this.span(start) };
  }
}

/**
 * What each of acorn's recursive entry points costs of the nesting budget,
 * roughly the stack frames it stands for: an expression in parentheses
 * passes through parseMaybeAssign and parseMaybeUnary, a statement nests
 * through parseStatement, and each operator of a chain (`a + b + c`)
 * recurses once in parseExprOp.
 */
const NESTING_COST: Record<string, number> = {
  parseStatement: 4,
  parseMaybeAssign: 4,
  parseMaybeUnary: 2,
  parseExprOp: 1,
};
/**
 * The nesting budget of one parse: about 400 parentheses, 250 nested
 * functions or 3,000 chained operators. acorn itself only notices a stack
 * overflow once it happens, and V8 can abort the whole process (not throw)
 * when a regular expression is compiled with the stack nearly exhausted, so
 * the parser must never get there. Qt accepts deeper code (its limit is its
 * AST visitors' recursion depth); no hand-written code comes close to either.
 */
const NESTING_BUDGET = 3000;

type AcornCtor = new (o: Options, input: string, pos: number) => AcornState;

/** acorn, refusing code nested deeper than NESTING_BUDGET with Qt's depth error. */
const DepthLimitedParser: AcornCtor = (() => {
  const Base = Parser as unknown as AcornCtor;
  class Limited extends Base {
    nesting = 0;
  }
  const proto = Limited.prototype as unknown as Record<string, unknown>;
  const base = Base.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const [name, cost] of Object.entries(NESTING_COST)) {
    const inner = base[name]!;
    proto[name] = function (
      this: Limited & { raise(pos: number, message: string): never },
      ...args: unknown[]
    ) {
      this.nesting += cost;
      try {
        if (this.nesting > NESTING_BUDGET) this.raise(this.start, DEPTH_EXCEEDED);
        return inner.apply(this, args);
      } finally {
        this.nesting -= cost;
      }
    };
  }
  return Limited;
})();

/**
 * acorn with the JavaScript of Qt 6.4's grammar where it differs: `let` is a
 * keyword (qqmljs.g T_LET), never an identifier in an expression.
 */
const QtDialectParser = class extends (DepthLimitedParser as unknown as new (
  o: Options,
  input: string,
  pos: number,
) => AcornState & { parseExprAtom(...args: unknown[]): Expression; unexpected(pos?: number): never }) {
  override parseExprAtom(...args: unknown[]): Expression {
    if (this.type === tt.name && this.value === 'let') this.unexpected();
    return super.parseExprAtom(...args);
  }

  /** acorn's readString, but a string may run over lines (Qt's lexer in QML mode; the value keeps the line breaks). */
  readString(quote: number): unknown {
    const self = this as unknown as {
      pos: number;
      start: number;
      input: string;
      curLine: number;
      lineStart: number;
      options: Options;
      raise(pos: number, message: string): never;
      readEscapedChar(inTemplate: boolean): string;
      finishToken(type: TokenType, value: unknown): unknown;
    };
    let out = '';
    let chunkStart = ++self.pos;
    for (;;) {
      if (self.pos >= self.input.length) self.raise(self.start, 'Unterminated string constant');
      const ch = self.input.charCodeAt(self.pos);
      if (ch === quote) break;
      if (ch === 92) {
        out += self.input.slice(chunkStart, self.pos);
        out += self.readEscapedChar(false);
        chunkStart = self.pos;
      } else {
        ++self.pos;
        const crlf = ch === 13 && self.input.charCodeAt(self.pos) === 10;
        if (ch === 10 || ch === 13 || ch === 0x2028 || ch === 0x2029) {
          if (crlf) ++self.pos;
          if (self.options.locations) {
            self.curLine++;
            self.lineStart = self.pos;
          }
        }
      }
    }
    out += self.input.slice(chunkStart, self.pos++);
    return self.finishToken(tt.string, out);
  }
};

/** After a binding's `{`: a string or numeric literal and a colon, which make it an object literal (Qt's lookahead). */
const OBJECT_LITERAL_START =
  /(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*(?:"(?:[^"\\\n]|\\[\s\S])*"|'(?:[^'\\\n]|\\[\s\S])*'|0[xXoObB][\da-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*:/y;

const IDENT_CHAIN =
  /(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*[A-Za-z_$][\w$]*(?:(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*\.(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*[A-Za-z_$][\w$]*)*(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*\{/y;

function parseVersion(text: string): Version {
  const [major, minor] = text.split('.');
  const v: Version = { major: Number(major) };
  if (minor !== undefined && minor !== '') v.minor = Number(minor);
  return v;
}

/** How Qt's parser spells a token in "Unexpected token `x'" messages. */
function spell(type: TokenType, value: unknown): string {
  // Qt's lexer makes `let` a keyword token, spelled as itself.
  if (type === tt.name) return value === 'let' ? 'let' : 'identifier';
  if (type === tt.num) return 'numeric literal';
  if (type === tt.string) return 'string literal';
  if (type === tt.template || type === tt.backQuote) return 'template literal';
  if (type === tt.regexp) return 'regular expression';
  if (type === tt.eof) return 'end of file';
  if (typeof value === 'string' && value !== '') return value;
  return type.label;
}

/** Qt's wording for lexical errors acorn reports; undefined for syntax errors (worded by `recover`). */
function qtLexicalMessage(acornMessage: string): string | undefined {
  if (acornMessage.startsWith('Unterminated string constant')) return 'Unclosed string at end of line';
  if (acornMessage.startsWith('Unterminated comment')) return 'Unclosed comment at end of file';
  if (acornMessage.startsWith('Unterminated regular expression'))
    return 'Unterminated regular expression literal';
  if (acornMessage.startsWith('Unterminated template')) return 'Unterminated template literal';
  if (acornMessage === 'Unexpected token' || acornMessage.startsWith('Unexpected character'))
    return undefined;
  if (acornMessage.startsWith('Invalid regular expression')) return acornMessage;
  return undefined;
}
