// Loads a scene from test/fixtures and describes our item tree the way the
// Qt reference harness (qt-reference dump.qml) describes Qt's, reading the
// properties in the same order (reading a TextInput's implicitWidth changes
// it, as in Qt), so the two can be compared field by field.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { QObject } from '../../../src/engine/qobject';
import type { Item } from '../../../src/quick/items/Item';
import { Text } from '../../../src/quick/items/Text';
import { TextInput } from '../../../src/quick/items/TextInput';
import { createRuntime, type Runtime } from '../../../src/runtime';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/qt/text/', import.meta.url));
/** The item scenes (test/fixtures/qt/items), also rendered and compared with Qt's pixels in the browser. */
export const ITEM_FIXTURES = fileURLToPath(new URL('../../fixtures/qt/items/', import.meta.url));

export interface LoadedScene {
  runtime: Runtime;
  root: Item;
  output: string[];
}

/** Runs a fixture scene headless and waits `ms` so its timers fire. */
export async function loadScene(name: string, ms = 80, dir = FIXTURES): Promise<LoadedScene> {
  const output: string[] = [];
  const base = `file://${dir}`;
  const runtime = createRuntime({
    files: {
      read: (url: string) => readFileSync(fileURLToPath(url), 'utf8'),
      exists: (url: string) => existsSync(fileURLToPath(url)),
    },
    sink: { warn: (m) => output.push(m.replaceAll(base, '')), log: (_l, m) => output.push(m) },
    scheduleFrame: () => {},
  });
  const root = (await runtime.run(base + name)) as Item;
  runtime.engine.polish();
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  runtime.engine.polish();
  return { runtime, root, output };
}

export function qtDump(name: string, dir = FIXTURES): QtDump {
  return JSON.parse(readFileSync(`${dir}${name}.geometry.json`, 'utf8')) as QtDump;
}

export function qtLog(name: string, dir = FIXTURES): string[] {
  try {
    return readFileSync(`${dir}${name}.log`, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
  } catch {
    return [];
  }
}

export interface QtDump {
  activeFocusItem: { objectName: string } | null;
  root: DumpNode;
}

export type DumpNode = { [k: string]: unknown; objectName: string; children?: DumpNode[] };

const H_ALIGN: Record<number, string> = {
  1: 'AlignLeft',
  2: 'AlignRight',
  4: 'AlignHCenter',
  8: 'AlignJustify',
};
const V_ALIGN: Record<number, string> = { 32: 'AlignTop', 64: 'AlignBottom', 128: 'AlignVCenter' };
const WRAP: Record<number, string> = { 0: 'NoWrap', 1: 'WordWrap', 3: 'WrapAnywhere', 4: 'Wrap' };
const ELIDE: Record<number, string> = { 0: 'ElideLeft', 1: 'ElideRight', 2: 'ElideMiddle', 3: 'ElideNone' };
const ECHO: Record<number, string> = { 0: 'Normal', 1: 'NoEcho', 2: 'Password', 3: 'PasswordEchoOnEdit' };
const FORMAT: Record<number, string> = {
  0: 'PlainText',
  1: 'RichText',
  2: 'AutoText',
  3: 'MarkdownText',
  4: 'StyledText',
};

type Dyn = Record<string, unknown> & { [k: string]: never | unknown };

/** Our tree in the harness's shape, properties read through QML's accessors in its order. */
export function describe(item: Item): DumpNode {
  const o = item as unknown as Dyn;
  const p = item.scenePosition();
  const n: DumpNode = {
    objectName: o.objectName as string,
    x: p.x,
    y: p.y,
    width: o.width,
    height: o.height,
    implicitWidth: o.implicitWidth,
    implicitHeight: o.implicitHeight,
    visible: o.visible,
    focus: o.focus,
    activeFocus: o.activeFocus,
  };
  if (item instanceof Text || item instanceof TextInput) {
    const f = o.font as Dyn;
    n.text = o.text;
    n.color = String(o.color);
    n.font = {
      family: f.family,
      pixelSize: f.pixelSize,
      pointSize: f.pointSize,
      bold: f.bold,
      weight: f.weight,
      italic: f.italic,
    };
    n.horizontalAlignment = H_ALIGN[o.horizontalAlignment as number];
    n.verticalAlignment = V_ALIGN[o.verticalAlignment as number];
    n.wrapMode = WRAP[o.wrapMode as number];
    n.contentWidth = o.contentWidth;
    n.contentHeight = o.contentHeight;
  }
  if (item instanceof Text) {
    const fi = o.fontInfo as Dyn;
    n.fontInfo = { family: fi.family, pixelSize: fi.pixelSize, pointSize: fi.pointSize, bold: fi.bold };
    n.elide = ELIDE[o.elide as number];
    n.textFormat = FORMAT[o.textFormat as number];
    n.lineCount = o.lineCount;
    n.truncated = o.truncated;
    n.paintedWidth = o.paintedWidth;
    n.paintedHeight = o.paintedHeight;
    n.baselineOffset = o.baselineOffset;
    n.maximumLineCount = o.maximumLineCount;
  }
  if (item instanceof TextInput) {
    n.displayText = o.displayText;
    n.echoMode = ECHO[o.echoMode as number];
    n.maximumLength = o.maximumLength;
    n.cursorPosition = o.cursorPosition;
    n.cursorVisible = o.cursorVisible;
    n.readOnly = o.readOnly;
    const cr = o.cursorRectangle as Dyn;
    n.cursorRectangle = { x: cr.x, y: cr.y, width: cr.width, height: cr.height };
    n.selectionColor = String(o.selectionColor);
    n.selectedTextColor = String(o.selectedTextColor);
    n.baselineOffset = o.baselineOffset;
  }
  n.children = item.childItems.map((c) => describe(c));
  return n;
}

/** Differences between Qt's node and ours (numbers within `tol`), as "field: qt X ours Y". */
export function compareNode(qt: DumpNode, ours: DumpNode, tol = 0.01): string[] {
  const bad: string[] = [];
  const cmp = (path: string, a: unknown, b: unknown): void => {
    if (a !== null && typeof a === 'object') {
      for (const [k, v] of Object.entries(a as Record<string, unknown>))
        cmp(`${path}.${k}`, v, (b as Record<string, unknown> | undefined)?.[k]);
      return;
    }
    if (typeof a === 'number') {
      if (typeof b !== 'number' || Math.abs(a - b) > tol) bad.push(`${path}: qt ${a} ours ${String(b)}`);
      return;
    }
    const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
    if (norm(a) !== norm(b)) bad.push(`${path}: qt ${JSON.stringify(a)} ours ${JSON.stringify(b)}`);
  };
  for (const k of Object.keys(ours)) {
    if (k === 'children' || k === 'objectName') continue;
    if (!(k in qt)) continue;
    cmp(k, qt[k], ours[k]);
  }
  return bad;
}

/** Pairs Qt's nodes with ours by tree position: [label, qt, ours]. */
export function pairNodes(
  qt: DumpNode,
  ours: DumpNode,
  path = '0',
): Array<[string, DumpNode, DumpNode | undefined]> {
  const out: Array<[string, DumpNode, DumpNode | undefined]> = [
    [`${path} ${qt.objectName || (qt.type as string)}`, qt, ours],
  ];
  const qc = qt.children ?? [];
  const oc = ours?.children ?? [];
  qc.forEach((c, i) => {
    out.push(...pairNodes(c, oc[i] as DumpNode, `${path}.${i}`));
  });
  return out;
}

export function objectNameOf(o: QObject | null): string {
  return o ? ((o as unknown as { objectName: string }).objectName ?? '') : '';
}
