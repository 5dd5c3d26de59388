// Partial matching of a regular expression, as QRegularExpression's
// PartialPreferCompleteMatch does for RegularExpressionValidator: a string
// that is not a match yet but could become one by typing more is
// "intermediate". JavaScript's RegExp cannot tell, so the common regular
// expression syntax is compiled here to a small NFA (Thompson construction)
// that is run over the input. Patterns using features outside that subset
// (backreferences, lookaround, word boundaries) give null: the caller then
// falls back to a whole-string RegExp test.

import { MatchResult } from './match-result';

export { MatchResult };

type CharTest = (c: number) => boolean;

type Node =
  | { kind: 'char'; test: CharTest }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number };

class Unsupported extends Error {}

const isDigit: CharTest = (c) => c >= 48 && c <= 57;
const isWord: CharTest = (c) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace: CharTest = (c) => /\s/.test(String.fromCodePoint(c));
const not =
  (t: CharTest): CharTest =>
  (c) =>
    !t(c);

function foldCase(test: CharTest): CharTest {
  return (c) => {
    if (test(c)) return true;
    const s = String.fromCodePoint(c);
    const lo = s.toLowerCase().codePointAt(0)!;
    const up = s.toUpperCase().codePointAt(0)!;
    return (lo !== c && test(lo)) || (up !== c && test(up));
  };
}

class Parser {
  private i = 0;
  private readonly cps: number[];
  constructor(
    source: string,
    private readonly ignoreCase: boolean,
  ) {
    this.cps = Array.from(source, (ch) => ch.codePointAt(0)!);
  }

  parse(): Node {
    const n = this.alternation();
    if (this.i < this.cps.length) throw new Unsupported();
    return n;
  }

  private peek(): number | undefined {
    return this.cps[this.i];
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === 0x7c /* | */) {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === 0x7c || c === 0x29 /* ) */) break;
      if (c === 0x5e /* ^ */ && this.i === 0) {
        this.i++;
        continue;
      }
      if (c === 0x24 /* $ */ && (this.i === this.cps.length - 1 || this.cps[this.i + 1] === 0x29)) {
        this.i++;
        continue;
      }
      items.push(this.quantified(this.atom()));
    }
    return { kind: 'seq', items };
  }

  private quantified(node: Node): Node {
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === 0x2a) [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (c === 0x2b) [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (c === 0x3f) [min, max] = [0, 1];
    else if (c === 0x7b /* { */) {
      const rest = String.fromCodePoint(...this.cps.slice(this.i));
      const m = /^\{(\d+)(,(\d*))?\}/.exec(rest);
      if (!m) return node;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
      this.i += m[0].length - 1;
    } else return node;
    this.i++;
    // lazy and possessive markers do not change which strings match
    if (this.peek() === 0x3f || this.peek() === 0x2b) this.i++;
    return { kind: 'repeat', node, min, max };
  }

  private char(test: CharTest): Node {
    return { kind: 'char', test: this.ignoreCase ? foldCase(test) : test };
  }

  private atom(): Node {
    const c = this.cps[this.i++]!;
    switch (c) {
      case 0x28: {
        // (
        if (this.peek() === 0x3f /* ? */) {
          if (this.cps[this.i + 1] !== 0x3a /* : */) throw new Unsupported();
          this.i += 2;
        }
        const inner = this.alternation();
        if (this.cps[this.i++] !== 0x29) throw new Unsupported();
        return inner;
      }
      case 0x2e:
        return this.char((x) => x !== 10 && x !== 13);
      case 0x5b:
        return this.charClass();
      case 0x5c:
        return this.char(this.escape(false));
      case 0x5e:
      case 0x24:
      case 0x2a:
      case 0x2b:
      case 0x3f:
      case 0x7b:
        throw new Unsupported();
      default:
        return this.char((x) => x === c);
    }
  }

  /** After a backslash: a class escape or a literal. */
  private escape(inClass: boolean): CharTest {
    const c = this.cps[this.i++];
    if (c === undefined) throw new Unsupported();
    const ch = String.fromCodePoint(c);
    switch (ch) {
      case 'd':
        return isDigit;
      case 'D':
        return not(isDigit);
      case 'w':
        return isWord;
      case 'W':
        return not(isWord);
      case 's':
        return isSpace;
      case 'S':
        return not(isSpace);
      case 'n':
        return (x) => x === 10;
      case 'r':
        return (x) => x === 13;
      case 't':
        return (x) => x === 9;
      case 'f':
        return (x) => x === 12;
      case 'v':
        return (x) => x === 11;
      case '0':
        return (x) => x === 0;
      case 'x':
      case 'u': {
        const n = ch === 'x' ? 2 : 4;
        const hex = String.fromCodePoint(...this.cps.slice(this.i, this.i + n));
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) throw new Unsupported();
        this.i += n;
        const v = Number.parseInt(hex, 16);
        return (x) => x === v;
      }
      case 'b':
        if (inClass) return (x) => x === 8;
        throw new Unsupported();
      default:
        if (/[A-Za-z0-9]/.test(ch)) throw new Unsupported();
        return (x) => x === c;
    }
  }

  private charClass(): Node {
    let negate = false;
    if (this.peek() === 0x5e) {
      negate = true;
      this.i++;
    }
    const tests: CharTest[] = [];
    let first = true;
    for (;;) {
      const c = this.cps[this.i++];
      if (c === undefined) throw new Unsupported();
      if (c === 0x5d /* ] */ && !first) break;
      first = false;
      let lo: number | null = c;
      let test: CharTest | null = null;
      if (c === 0x5c) {
        const save = this.i;
        const t = this.escape(true);
        const esc = this.cps[save]!;
        // a single-character escape can start a range
        lo = /[dDwWsS]/.test(String.fromCodePoint(esc)) ? null : singleCode(this.cps, save, this.i);
        test = t;
      }
      if (
        lo !== null &&
        this.peek() === 0x2d &&
        this.cps[this.i + 1] !== 0x5d &&
        this.cps[this.i + 1] !== undefined
      ) {
        this.i++;
        let hi = this.cps[this.i++]!;
        if (hi === 0x5c) {
          const save = this.i;
          this.escape(true);
          const code = singleCode(this.cps, save, this.i);
          if (code === null) throw new Unsupported();
          hi = code;
        }
        const from = lo;
        tests.push((x) => x >= from && x <= hi);
        continue;
      }
      if (test) tests.push(test);
      else tests.push((x) => x === c);
    }
    const any: CharTest = (x) => {
      for (const t of tests) if (t(x)) return true;
      return false;
    };
    return this.char(negate ? not(any) : any);
  }
}

/** The code point a single-character escape between from and to stands for (null for class escapes). */
function singleCode(cps: number[], from: number, to: number): number | null {
  const s = String.fromCodePoint(...cps.slice(from, to));
  const simple: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0, b: 8 };
  if (s in simple) return simple[s]!;
  if (/^[xu][0-9a-fA-F]+$/.test(s)) return Number.parseInt(s.slice(1), 16);
  if (s.length === 1) return s.codePointAt(0)!;
  return null;
}

// ---- NFA ----------------------------------------------------------------------

interface State {
  test: CharTest | null;
  /** epsilon edges (for test === null) or the edge taken after a matching character */
  out: State[];
  match: boolean;
  live: boolean;
}

const MAX_STATES = 20000;

class Builder {
  count = 0;
  state(test: CharTest | null, match = false): State {
    if (++this.count > MAX_STATES) throw new Unsupported();
    return { test, out: [], match, live: false };
  }

  /** Builds `node` between a fresh start state and `next`; returns the start. */
  build(node: Node, next: State): State {
    switch (node.kind) {
      case 'char': {
        const s = this.state(node.test);
        s.out.push(next);
        return s;
      }
      case 'seq': {
        let cur = next;
        for (let i = node.items.length - 1; i >= 0; i--) cur = this.build(node.items[i]!, cur);
        return cur;
      }
      case 'alt': {
        const s = this.state(null);
        for (const o of node.options) s.out.push(this.build(o, next));
        return s;
      }
      case 'repeat': {
        let cur = next;
        if (node.max === Number.POSITIVE_INFINITY) {
          const loop = this.state(null);
          loop.out.push(this.build(node.node, loop), next);
          cur = loop;
        } else {
          for (let k = node.max - node.min; k > 0; k--) {
            const opt = this.state(null);
            opt.out.push(this.build(node.node, cur), next);
            cur = opt;
          }
        }
        for (let k = 0; k < node.min; k++) cur = this.build(node.node, cur);
        return cur;
      }
    }
  }
}

/** A compiled pattern: matches whole strings, tells partial matches apart. */
export class PartialMatcher {
  private constructor(private readonly start: State) {}

  static compile(source: string, flags = ''): PartialMatcher | null {
    try {
      const ast = new Parser(source, flags.includes('i')).parse();
      const b = new Builder();
      const accept = b.state(null, true);
      const start = b.build(ast, accept);
      markLive(start);
      return new PartialMatcher(start);
    } catch (e) {
      if (e instanceof Unsupported) return null;
      throw e;
    }
  }

  match(input: string): MatchResult {
    let cur = closure([this.start]);
    for (const ch of input) {
      const c = ch.codePointAt(0)!;
      const next: State[] = [];
      for (const s of cur) if (s.test?.(c)) next.push(...s.out);
      cur = closure(next);
      if (cur.length === 0) return MatchResult.None;
    }
    if (cur.some((s) => s.match)) return MatchResult.Complete;
    return cur.some((s) => s.live) ? MatchResult.Partial : MatchResult.None;
  }
}

function closure(states: State[]): State[] {
  const seen = new Set<State>();
  const out: State[] = [];
  const stack = states.slice();
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    if (s.test === null) stack.push(...s.out);
    if (s.test !== null || s.match) out.push(s);
  }
  return out;
}

/** Marks the states from which the accepting state can be reached. */
function markLive(start: State): void {
  const all: State[] = [];
  const seen = new Set<State>();
  const stack = [start];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    all.push(s);
    stack.push(...s.out);
  }
  let changed = true;
  for (const s of all) if (s.match) s.live = true;
  while (changed) {
    changed = false;
    for (const s of all) {
      if (s.live) continue;
      if (s.out.some((o) => o.live)) {
        s.live = true;
        changed = true;
      }
    }
  }
}
