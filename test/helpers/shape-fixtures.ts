// Reads the Qt reference fixtures under test/fixtures/qt/.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'qt');

/** The text of a fixture file, e.g. `fixture('shapes/color_math.qml')`. */
export function fixture(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** A fixture's lines without a trailing empty line. */
export function fixtureLines(path: string): string[] {
  const lines = fixture(path).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** One node of a `qt-reference-geometry/1` dump. */
export interface QtNode {
  path: string;
  type: string;
  base: string;
  objectName: string;
  x: number;
  y: number;
  localX: number;
  localY: number;
  width: number;
  height: number;
  implicitWidth: number;
  implicitHeight: number;
  visible: boolean;
  opacity: number;
  z: number;
  color?: string;
  border?: { color: string; width: number };
  radius?: number;
  /** Absent for an item without children. */
  children?: QtNode[];
}

/** The root item of a geometry dump (the scene's root, below Qt's window content item). */
export function qtGeometry(path: string): QtNode {
  return (JSON.parse(fixture(path)) as { root: QtNode }).root;
}

/** The parts of an item the comparison reads (kept structural so helpers need no item imports). */
interface ItemLike {
  $meta: { name: string; builtin: { name: string } };
  childItems: ItemLike[];
  objectName: string;
  x: number;
  y: number;
  width: number;
  height: number;
  implicitWidth: number;
  implicitHeight: number;
  visible: boolean;
  opacity: number;
  z: number;
  scenePosition(): { x: number; y: number };
  color?: unknown;
  radius?: number;
  border?: { width: number; color: unknown };
}

/**
 * Compares our item tree with Qt's dump node by node: type, objectName,
 * scene position and size (within `tol`), implicit size, visibility, and the
 * Rectangle fields. Returns one line per difference (empty when equal).
 */
export function compareGeometry(ours: ItemLike, qt: QtNode, tol = 0.01): string[] {
  const out: string[] = [];
  const where = (n: QtNode) => `${n.path} ${n.type}${n.objectName ? ` "${n.objectName}"` : ''}`;
  const num = (n: QtNode, what: string, a: number, b: number) => {
    if (!(Math.abs(a - b) <= tol)) out.push(`${where(n)}: ${what} ${a}, Qt ${b}`);
  };
  const walk = (o: ItemLike, q: QtNode) => {
    const type = o.$meta.name;
    if (type !== q.type && o.$meta.builtin.name !== q.base) out.push(`${where(q)}: type ${type}`);
    if ((o.objectName ?? '') !== q.objectName) out.push(`${where(q)}: objectName "${o.objectName}"`);
    const p = o.scenePosition();
    num(q, 'x', p.x, q.x);
    num(q, 'y', p.y, q.y);
    num(q, 'width', o.width, q.width);
    num(q, 'height', o.height, q.height);
    num(q, 'implicitWidth', o.implicitWidth, q.implicitWidth);
    num(q, 'implicitHeight', o.implicitHeight, q.implicitHeight);
    num(q, 'opacity', o.opacity, q.opacity);
    num(q, 'z', o.z, q.z);
    if (o.visible !== q.visible) out.push(`${where(q)}: visible ${o.visible}`);
    if (q.color !== undefined && String(o.color) !== q.color)
      out.push(`${where(q)}: color ${o.color}, Qt ${q.color}`);
    if (q.radius !== undefined) num(q, 'radius', o.radius ?? Number.NaN, q.radius);
    if (q.border !== undefined) {
      num(q, 'border.width', o.border?.width ?? Number.NaN, q.border.width);
      if (String(o.border?.color) !== q.border.color)
        out.push(`${where(q)}: border.color ${o.border?.color}, Qt ${q.border.color}`);
    }
    const kids = o.childItems;
    const qkids = q.children ?? [];
    if (kids.length !== qkids.length) out.push(`${where(q)}: ${kids.length} children, Qt ${qkids.length}`);
    for (let i = 0; i < Math.min(kids.length, qkids.length); i++) walk(kids[i]!, qkids[i]!);
  };
  walk(ours, qt);
  return out;
}

/** The `// delay: N` a scene asks for before Qt's snapshot (default 500 ms, like dump.sh). */
export function sceneDelay(qml: string): number {
  const m = /^\/\/ delay: (\d+)/m.exec(qml);
  return m ? Number(m[1]) : 500;
}
