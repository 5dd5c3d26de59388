// The `Window` type (QQuickWindowQmlImpl) and its attached object
// (`Item.Window.window`, `.width`, ...: QQuickWindowAttached). A Window owns
// a QuickWindow (focus, delivery, the content item); Items declared in it
// become children of its content item, other objects its resources.
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';
import { QColor } from '../../engine/valuetypes';
import { QuickWindow } from '../window';
import { Item } from './Item';

export class WindowObject extends QObject {
  private quick: QuickWindow | null = null;
  private readonly resourceList: QObject[] = [];

  /** The window's scene (created with the object's engine on first use). */
  get quickWindow(): QuickWindow {
    if (this.quick === null) {
      this.quick = new QuickWindow(this.$engine);
      this.quick.qmlWindow = this;
      this.quick.resize(this.$v[WIN.width] as number, this.$v[WIN.height] as number);
    }
    return this.quick;
  }

  /** Takes `quick` as this window's scene (a window made around an existing one). */
  adopt(quick: QuickWindow): void {
    this.quick = quick;
    quick.qmlWindow = this;
    this.$v[WIN.width] = quick.width;
    this.$v[WIN.height] = quick.height;
    this.$v[WIN.visible] = true;
  }

  /** Items go into the content item (QQuickWindow's data), other objects stay owned by the window. */
  appendData(v: unknown): void {
    if (v instanceof Item) v.setParentItem(this.quickWindow.contentItem);
    else if (v instanceof QObject) {
      v.$setOwner(this);
      this.resourceList.push(v);
    }
  }

  sizeChanged(): void {
    this.quick?.resize(this.$v[WIN.width] as number, this.$v[WIN.height] as number);
  }

  show(): void {
    (this as unknown as { visible: boolean }).visible = true;
  }
  hide(): void {
    (this as unknown as { visible: boolean }).visible = false;
  }
  close(): void {
    this.hide();
  }
  showNormal(): void {
    this.show();
  }
  showMaximized(): void {
    this.show();
  }
  showMinimized(): void {
    this.show();
  }
  showFullScreen(): void {
    this.show();
  }
  raise(): void {}
  lower(): void {}
  requestActivate(): void {}

  override $teardown(): void {
    this.quick?.contentItem.$destroy();
  }
}

const sizeChanged = (o: QObject) => (o as WindowObject).sizeChanged();

export const WindowMeta: MetaObject = defineType(WindowObject, QtObjectMeta, {
  name: 'Window',
  cppClass: 'QQuickWindowQmlImpl',
  defaultProperty: 'data',
  properties: {
    data: { type: 'list', append: (o, v) => (o as WindowObject).appendData(v) },
    title: { type: 'string' },
    x: { type: 'int' },
    y: { type: 'int' },
    width: { type: 'int', changed: sizeChanged },
    height: { type: 'int', changed: sizeChanged },
    minimumWidth: { type: 'int' },
    minimumHeight: { type: 'int' },
    maximumWidth: { type: 'int', default: 16777215 },
    maximumHeight: { type: 'int', default: 16777215 },
    visible: { type: 'bool' },
    active: { type: 'bool', readonly: true },
    color: {
      type: 'color',
      default: new QColor(1, 1, 1),
      changed: (o) => {
        const w = o as WindowObject;
        w.quickWindow.color = w.$v[WindowMeta.index('color')] as QColor;
      },
    },
    opacity: { type: 'real', default: 1 },
    flags: { type: 'int' },
    modality: { type: 'enumeration' },
    visibility: { type: 'enumeration' },
    contentItem: { type: 'Item', readonly: true, constant: true },
    activeFocusItem: { type: 'Item', readonly: true },
  },
  signals: { closing: { params: [{ name: 'close' }] }, frameSwapped: {}, afterRendering: {} },
  methods: [
    'show',
    'hide',
    'close',
    'showNormal',
    'showMaximized',
    'showMinimized',
    'showFullScreen',
    'raise',
    'lower',
    'requestActivate',
  ],
  enums: {
    Hidden: 0,
    AutomaticVisibility: 1,
    Windowed: 2,
    Minimized: 3,
    Maximized: 4,
    FullScreen: 5,
  },
  attachedType: () => WindowAttachedMeta,
});
const WIN = {
  width: WindowMeta.index('width'),
  height: WindowMeta.index('height'),
  visible: WindowMeta.index('visible'),
};
Object.defineProperty(WindowObject.prototype, 'contentItem', {
  configurable: true,
  get(this: WindowObject) {
    return this.quickWindow.contentItem;
  },
});
Object.defineProperty(WindowObject.prototype, 'activeFocusItem', {
  configurable: true,
  get(this: WindowObject) {
    const a = this.quickWindow.activeFocusItem;
    return a === this.quickWindow.contentItem ? null : a;
  },
});
Object.defineProperty(WindowObject.prototype, 'active', {
  configurable: true,
  get(this: WindowObject) {
    return this.quickWindow.active;
  },
});

/** `Item.Window`: the window an item is shown in, and its size (null and 0 while it is in none). */
export class WindowAttached extends QObject {
  private item: Item | null = null;
  override $attachTo(owner: QObject): void {
    if (owner instanceof Item) this.item = owner;
  }
  private get quick(): QuickWindow | null {
    return this.item?.window ?? null;
  }
  get window(): QObject | null {
    return this.quick?.qmlWindow ?? null;
  }
  get width(): number {
    return this.quick?.width ?? 0;
  }
  get height(): number {
    return this.quick?.height ?? 0;
  }
  get active(): boolean {
    return this.quick?.active ?? false;
  }
  get contentItem(): Item | null {
    return this.quick?.contentItem ?? null;
  }
  get activeFocusItem(): Item | null {
    return this.quick?.activeFocusItem ?? null;
  }
  get visibility(): number {
    return this.quick ? 2 : 0;
  }
}
// Its values are read from the item's window when asked (no change signals here).
export const WindowAttachedMeta: MetaObject = defineType(WindowAttached, null, {
  name: 'Window',
  cppClass: 'QQuickWindowAttached',
  creatable: false,
});

/** The window object of a window that shows an Item root (the qml tool makes one for it). */
export function windowObjectFor(quick: QuickWindow, engine: QObject['$engine']): WindowObject {
  const w = new WindowObject();
  w.$engine = engine;
  // (the qml tool's own window is a Window declared in QML: the first `_QML_` class)
  w.$naming = { name: 'Window', cppClass: 'QQuickWindow_QML', number: 0 };
  w.adopt(quick);
  return w;
}
