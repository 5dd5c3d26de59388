// The item tree as a `qt-reference-geometry/1` document: the same fields,
// names, order and 4-decimal rounding as the dumps of real Qt, so that both
// can be compared node by node.
import { cppClassName, type MetaObject, type QObject } from '../engine/qobject';
import type { Item } from './items/Item';
import type { QuickWindow } from './window';

export interface GeometryNode {
  path: string;
  type: string;
  base: string;
  cppClass: string;
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
  clip: boolean;
  enabled: boolean;
  focus: boolean;
  activeFocus: boolean;
  children?: GeometryNode[];
  [field: string]: unknown;
}

export interface GeometryDocument {
  format: 'qt-reference-geometry/1';
  label: string;
  scene: string;
  qtVersion: string;
  platform: string;
  window: { width: number; height: number; color: string; active: boolean; devicePixelRatio: number };
  activeFocusItem: {
    type: string;
    base: string;
    objectName: string;
    x: number;
    y: number;
    width: number;
    height: number;
  } | null;
  root: GeometryNode | null;
}

const r4 = (v: number) => Math.round(v * 10000) / 10000;

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
const ORIENTATION: Record<number, string> = { 1: 'Horizontal', 2: 'Vertical' };
const BOUNDS: Record<number, string> = {
  0: 'StopAtBounds',
  1: 'DragOverBounds',
  2: 'OvershootBounds',
  3: 'DragAndOvershootBounds',
};
const TEXT_FORMAT: Record<number, string> = {
  0: 'PlainText',
  1: 'RichText',
  2: 'AutoText',
  3: 'MarkdownText',
  4: 'StyledText',
};

const name = (table: Record<number, string>, v: unknown) => table[v as number] ?? v;

/** The nearest built-in type the dump distinguishes (dump.qml's baseOf). */
const BASES = [
  'ListView',
  'Flickable',
  'TextInput',
  'Text',
  'Rectangle',
  'MouseArea',
  'FocusScope',
  'Row',
  'Column',
  'Loader',
];

function baseOf(meta: MetaObject): string {
  for (let m: MetaObject | null = meta; m !== null; m = m.base) {
    if (!m.isDerived && BASES.includes(m.name)) return m.name;
  }
  return 'Item';
}

type Props = Record<string, unknown>;

function fontOf(f: Props) {
  return {
    family: f.family,
    pixelSize: f.pixelSize,
    pointSize: r4(f.pointSize as number),
    bold: f.bold,
    weight: f.weight,
    italic: f.italic,
  };
}

interface Context {
  role?: string;
  listIndex?: number;
  listView?: Props;
}

/**
 * The type as the format names it: Qt's class name without the suffix of
 * a QML declaration (`ChatView_QMLTYPE`, `QQuickRow_QML`), and the QML
 * name for the classes it spells out; any other built-in class stays as it
 * is (`QQuickCanvasItem`).
 */
const QML_NAMES: Record<string, string> = {
  QQuickItem: 'Item',
  QQuickRectangle: 'Rectangle',
  QQuickText: 'Text',
  QQuickTextInput: 'TextInput',
  QQuickTextEdit: 'TextEdit',
  QQuickListView: 'ListView',
  QQuickGridView: 'GridView',
  QQuickFlickable: 'Flickable',
  QQuickRow: 'Row',
  QQuickColumn: 'Column',
  QQuickGrid: 'Grid',
  QQuickFlow: 'Flow',
  QQuickRepeater: 'Repeater',
  QQuickFocusScope: 'FocusScope',
  QQuickMouseArea: 'MouseArea',
  QQuickLoader: 'Loader',
  QQuickImage: 'Image',
  QQuickRootItem: 'RootItem',
};

function typeName(item: Item): string {
  const cls = cppClassName(item).replace(/_QML(TYPE)?$/, '');
  return QML_NAMES[cls] ?? cls;
}

function describe(item: Item, path: string, ctx: Context): GeometryNode {
  const p = item as unknown as Props;
  const meta = item.$meta;
  const base = baseOf(meta);
  const scene = item.scenePosition();
  const n: GeometryNode = {
    path,
    type: typeName(item),
    base,
    cppClass: cppClassName(item),
    objectName: (p.objectName as string) ?? '',
    x: r4(scene.x),
    y: r4(scene.y),
    localX: r4(p.x as number),
    localY: r4(p.y as number),
    width: r4(p.width as number),
    height: r4(p.height as number),
    implicitWidth: r4(p.implicitWidth as number),
    implicitHeight: r4(p.implicitHeight as number),
    visible: p.visible as boolean,
    opacity: r4(p.opacity as number),
    z: r4(p.z as number),
    clip: p.clip as boolean,
    enabled: p.enabled as boolean,
    focus: p.focus as boolean,
    activeFocus: p.activeFocus as boolean,
  };
  if (p.rotation !== 0) n.rotation = p.rotation;
  if (p.scale !== 1) n.scale = p.scale;
  if (ctx.role) n.role = ctx.role;
  if (ctx.listIndex !== undefined) n.listIndex = ctx.listIndex;

  if (base === 'Text' || base === 'TextInput') {
    n.text = p.text;
    n.color = String(p.color);
    n.font = fontOf(p.font as Props);
    n.horizontalAlignment = name(H_ALIGN, p.horizontalAlignment);
    n.verticalAlignment = name(V_ALIGN, p.verticalAlignment);
    n.wrapMode = name(WRAP, p.wrapMode);
    n.contentWidth = r4(p.contentWidth as number);
    n.contentHeight = r4(p.contentHeight as number);
  }
  if (base === 'Text') {
    const fi = p.fontInfo as Props;
    n.fontInfo = {
      family: fi.family,
      pixelSize: fi.pixelSize,
      pointSize: r4(fi.pointSize as number),
      bold: fi.bold,
    };
    n.elide = name(ELIDE, p.elide);
    n.textFormat = name(TEXT_FORMAT, p.textFormat);
    n.lineCount = p.lineCount;
    n.truncated = p.truncated;
    n.paintedWidth = r4(p.paintedWidth as number);
    n.paintedHeight = r4(p.paintedHeight as number);
    n.baselineOffset = r4(p.baselineOffset as number);
    n.maximumLineCount = p.maximumLineCount;
  }
  if (base === 'TextInput') {
    n.displayText = p.displayText;
    n.echoMode = name(ECHO, p.echoMode);
    n.maximumLength = p.maximumLength;
    n.cursorPosition = p.cursorPosition;
    n.cursorVisible = p.cursorVisible;
    n.readOnly = p.readOnly;
    const cr = p.cursorRectangle as Props;
    n.cursorRectangle = {
      x: r4(cr.x as number),
      y: r4(cr.y as number),
      width: r4(cr.width as number),
      height: r4(cr.height as number),
    };
    n.selectionColor = String(p.selectionColor);
    n.selectedTextColor = String(p.selectedTextColor);
    n.baselineOffset = r4(p.baselineOffset as number);
  }
  if (base === 'Rectangle') {
    const b = p.border as Props;
    n.color = String(p.color);
    n.border = { color: String(b.color), width: b.width };
    n.radius = r4(p.radius as number);
  }
  if (base === 'Flickable' || base === 'ListView') {
    n.contentX = r4(p.contentX as number);
    n.contentY = r4(p.contentY as number);
    n.contentWidth = r4(p.contentWidth as number);
    n.contentHeight = r4(p.contentHeight as number);
    n.originX = r4(p.originX as number);
    n.originY = r4(p.originY as number);
    n.boundsBehavior = name(BOUNDS, p.boundsBehavior);
    n.interactive = p.interactive;
  }
  if (base === 'ListView') {
    n.count = p.count;
    n.orientation = name(ORIENTATION, p.orientation);
    n.spacing = r4(p.spacing as number);
    n.currentIndex = p.currentIndex;
  }
  if (base === 'Row' || base === 'Column') n.spacing = r4(p.spacing as number);
  if (base === 'MouseArea') {
    n.hoverEnabled = p.hoverEnabled;
    n.pressed = p.pressed;
    n.containsMouse = p.containsMouse;
    n.acceptedButtons = p.acceptedButtons;
  }
  if (base === 'Loader') {
    n.status = p.status;
    n.source = String(p.source);
  }

  const flick = base === 'ListView' || base === 'Flickable' ? p : null;
  const entries = item.childItems.map((c, order) => {
    const cctx: Context = {};
    if (flick && c === flick.contentItem) {
      cctx.role = 'contentItem';
      if (base === 'ListView') cctx.listView = p;
    }
    if (ctx.listView) {
      const lv = ctx.listView;
      if (c === lv.headerItem) cctx.role = 'header';
      else if (c === lv.footerItem) cctx.role = 'footer';
      else if (c === lv.highlightItem) cctx.role = 'highlight';
      else {
        const index = delegateIndex(lv, c);
        if (index >= 0) {
          cctx.role = 'delegate';
          cctx.listIndex = index;
        }
      }
    }
    return { item: c, ctx: cctx, order };
  });
  if (ctx.listView) {
    // Qt's order of a view's content children depends on timing; the dump fixes one.
    const rank = (e: { ctx: Context; order: number }): [number, number] => {
      switch (e.ctx.role) {
        case 'header':
          return [0, 0];
        case 'delegate':
          return [1, e.ctx.listIndex!];
        case 'footer':
          return [2, 0];
        case 'highlight':
          return [3, 0];
        default:
          return [4, e.order];
      }
    };
    entries.sort((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      return ra[0] !== rb[0] ? ra[0] - rb[0] : ra[1] - rb[1];
    });
  }
  const children = entries.map((e, i) => describe(e.item, `${path}.${i}`, e.ctx));
  if (children.length > 0) n.children = children;
  return n;
}

/** The model index of a view's delegate item, or -1 (dump.qml asks itemAtIndex for every index). */
function delegateIndex(view: Props, item: Item): number {
  const count = view.count as number;
  const itemAtIndex = view.itemAtIndex as ((i: number) => unknown) | undefined;
  if (typeof itemAtIndex !== 'function') return -1;
  for (let k = 0; k < count; k++) if (itemAtIndex.call(view, k) === item) return k;
  return -1;
}

function describeFocus(item: Item | null) {
  if (!item) return null;
  const p = item as unknown as Props;
  const s = item.scenePosition();
  return {
    type: typeName(item),
    base: baseOf(item.$meta),
    objectName: (p.objectName as string) ?? '',
    x: r4(s.x),
    y: r4(s.y),
    width: r4(p.width as number),
    height: r4(p.height as number),
  };
}

export interface DumpOptions {
  label: string;
  scene: string;
  platform?: string;
}

/** The geometry document of what `window` shows. */
export function dumpGeometry(window: QuickWindow, options: DumpOptions): GeometryDocument {
  const root = window.root;
  const afi = window.activeFocusItem;
  return {
    format: 'qt-reference-geometry/1',
    label: options.label,
    scene: options.scene,
    qtVersion: '6.4.2',
    platform: options.platform ?? 'quickweb',
    window: {
      width: window.width,
      height: window.height,
      color: String(window.color),
      active: window.active,
      devicePixelRatio: 1,
    },
    // Qt reports its root item when nothing else has active focus.
    activeFocusItem: describeFocus(afi),
    root: root ? describe(root, '0', {}) : null,
  };
}

export function isItem(o: QObject | null): o is Item {
  return o !== null && 'childItems' in o;
}
