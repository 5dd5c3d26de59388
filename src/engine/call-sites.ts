// Where a property read failed, in the code's syntax tree: V4 words a read
// of a property of undefined or null that is being called as a method
// differently from a plain read ("Cannot call method 'm' of undefined",
// "Cannot read property 'm' of undefined"), and V8's message is the same
// for both.

interface SyntaxNode {
  type: string;
  start: number;
  [key: string]: unknown;
}

function isNode(v: unknown): v is SyntaxNode {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
}

/** A member expression's property as V8 names it in its message, or null when only known at run time. */
function propertyName(member: SyntaxNode): string | null {
  const p = member.property as SyntaxNode;
  if (!member.computed)
    return p.type === 'Identifier' || p.type === 'PrivateIdentifier' ? String(p.name) : null;
  if (p.type === 'Literal') return String(p.value);
  return null;
}

/**
 * Whether the failed read of property `name` on line `line` of the code
 * under `root` was a method call's callee: true when every read of that
 * name on that line is one (`o.m()`, `` o.m`t` ``, `o["m"]()`), false when
 * none is (a plain read, or `new o.m()`), undefined when the line has both
 * or none. `root` may be any tree holding syntax nodes (a QML document's
 * syntax tree holds its scripts' nodes).
 */
export function isMethodCallRead(
  root: object,
  line: number,
  name: string,
  lineOf: (node: SyntaxNode) => number,
): boolean | undefined {
  let calls = 0;
  let reads = 0;
  const seen = new Set<object>();
  const visit = (v: unknown, callee: boolean): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit(x, false);
      return;
    }
    if (!isNode(v)) {
      for (const x of Object.values(v)) visit(x, false);
      return;
    }
    switch (v.type) {
      case 'CallExpression':
        visit(v.callee, true);
        visit(v.arguments, false);
        return;
      case 'TaggedTemplateExpression':
        visit(v.tag, true);
        visit(v.quasi, false);
        return;
      case 'ChainExpression':
        visit(v.expression, callee);
        return;
      case 'MemberExpression': {
        const n = propertyName(v);
        if ((n === null || n === name) && lineOf(v.property as SyntaxNode) === line) {
          if (callee) calls++;
          else reads++;
        }
        visit(v.object, false);
        if (v.computed) visit(v.property, false);
        return;
      }
    }
    for (const [k, x] of Object.entries(v)) if (k !== 'loc') visit(x, false);
  };
  visit(root, false);
  if (calls > 0 && reads === 0) return true;
  if (reads > 0 && calls === 0) return false;
  return undefined;
}
