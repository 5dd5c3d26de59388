// Node-by-node comparison of two `qt-reference-geometry/1` documents: type,
// base, position and size within a tolerance, texts, colors, visibility and
// active focus (the fields a user sees).
import type { GeometryDocument, GeometryNode } from '../../src/quick/dump';

const NUMBERS = ['x', 'y', 'width', 'height'] as const;
const EXACT = ['type', 'base', 'text', 'color', 'visible', 'activeFocus'] as const;

export function compareGeometry(
  expected: GeometryDocument,
  actual: GeometryDocument,
  tolerance = 0.01,
): string[] {
  const problems: string[] = [];
  const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
  const walk = (e: GeometryNode, a: GeometryNode | undefined, where: string) => {
    if (!a) {
      problems.push(`${where} missing (${e.type})`);
      return;
    }
    for (const k of NUMBERS) {
      if (typeof e[k] === 'number' && !(Math.abs(e[k] - (a[k] as number)) <= tolerance)) {
        problems.push(`${where} ${e.type}.${k}: Qt ${e[k]}, ours ${a[k]}`);
      }
    }
    for (const k of EXACT) {
      if (k in e && norm(e[k]) !== norm(a[k])) {
        problems.push(`${where} ${e.type}.${k}: Qt ${JSON.stringify(e[k])}, ours ${JSON.stringify(a[k])}`);
      }
    }
    const eb = e.border as { width: number } | undefined;
    const ab = a.border as { width: number } | undefined;
    if (eb && ab && eb.width !== ab.width)
      problems.push(`${where} border.width: Qt ${eb.width}, ours ${ab.width}`);
    const ec = e.children ?? [];
    const ac = a.children ?? [];
    for (let i = 0; i < ec.length; i++) walk(ec[i]!, ac[i], `${where}.${i}`);
    if (ac.length > ec.length) problems.push(`${where} has ${ac.length - ec.length} extra children`);
  };
  if (expected.root) walk(expected.root, actual.root ?? undefined, '0');
  const ea = expected.activeFocusItem;
  const aa = actual.activeFocusItem;
  if (
    (ea === null) !== (aa === null) ||
    (ea && aa && (ea.type !== aa.type || ea.x !== aa.x || ea.y !== aa.y))
  ) {
    problems.push(`activeFocusItem: Qt ${JSON.stringify(ea)}, ours ${JSON.stringify(aa)}`);
  }
  return problems;
}
