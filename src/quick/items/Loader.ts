// Loader (QQuickLoader): creates one item from `sourceComponent` or from
// the file at `source`, as its child. A local file is loaded at once, as Qt
// loads it, so the item completes (and `loaded` fires) while the scene is
// still being created, before the root's Component.onCompleted. Without a
// size of its own the Loader takes the item's size; with one, the item
// takes the Loader's.
import type { QmlContext } from '../../engine/context';
import { defineType, type MetaObject, type QObject } from '../../engine/qobject';
import { type ComponentFactory, QmlComponent } from '../../engine/qtqml';
import { Change, IMPLICIT_SIZE, ITEM, Item, type ItemChangeListener, ItemMeta } from './Item';

/** QQuickLoader::Status. */
enum Status {
  Null = 0,
  Ready = 1,
  Loading = 2,
  Error = 3,
}

/** What the engine provides for `source`: a component for a URL. */
interface UrlComponents {
  componentForUrl(url: string, context?: QmlContext | null): QmlComponent;
}

export class Loader extends Item {
  private component: QmlComponent | null = null;
  /** The component made from `source` (the Loader owns it). */
  private ownComponent: QmlComponent | null = null;
  private current: QObject | null = null;
  /** Hears the item's size changes (a Loader's `itemChanged` is its signal, so not the Loader itself). */
  private readonly sizeListener: ItemChangeListener = {
    itemChanged: (item, change) => {
      const relevant = Change.Width | Change.Height | Change.ImplicitWidth | Change.ImplicitHeight;
      if (item === this.current && change & relevant) this.fitItem(item, false);
    },
  };

  protected override componentComplete(): void {
    super.componentComplete();
    this.load();
  }

  /** `setSource(url, properties)`: loads `url` with initial property values. */
  setSource(url?: unknown, properties?: unknown): void {
    this.pendingProperties =
      properties && typeof properties === 'object' ? (properties as Record<string, unknown>) : undefined;
    (this as unknown as { source: unknown }).source = url ?? '';
  }
  private pendingProperties: Record<string, unknown> | undefined;

  /** Which of source and sourceComponent was set last: that one is loaded (Qt clears the other's item). */
  private fromSource = false;

  /** Called when source, sourceComponent or active change. */
  reload(set?: 'source' | 'sourceComponent'): void {
    if (set !== undefined) this.fromSource = set === 'source';
    // QQuickLoader::setSourceComponent empties `source` (so setting it to "" later changes nothing).
    if (set === 'sourceComponent' && this.isComponentComplete)
      this.$v[LOADER.source] = LoaderMeta.props[LOADER.source]!.coerce('', this);
    if (this.isComponentComplete) this.load();
  }

  /** `sourceComponent = null` (or undefined) while an item from `source` is loaded: QQuickLoader unloads it. */
  sourceComponentCleared(): void {
    if (this.fromSource && this.isComponentComplete && String(this.$v[LOADER.source] ?? '') !== '')
      this.reload('sourceComponent');
  }

  /** The context the Loader was declared in: a file it loads sees that file's ids (Qt's QQmlContext parent). */
  private context: QmlContext | null = null;
  $setCreationContext(ctx: QmlContext): void {
    this.context = ctx;
  }

  private load(): void {
    // Qt goes straight from one item to the next (status Null only when
    // nothing is loaded); the old item's destruction handlers run first.
    this.itemGone = this.unload();
    if (!(this.$v[LOADER.active] as boolean)) {
      // (measured: itemChanged, then statusChanged)
      this.announceItemGone();
      this.setStatus(Status.Null);
      return;
    }
    let component = this.fromSource ? null : (this.$v[LOADER.sourceComponent] as QmlComponent | null);
    if (!component) {
      const source = String(this.$v[LOADER.source] ?? '');
      if (source === '') {
        // (measured: statusChanged, then itemChanged)
        this.setStatus(Status.Null);
        this.announceItemGone();
        return;
      }
      const url = this.urlFromDeclaration(source);
      const engine = this.$engine as unknown as UrlComponents | null;
      if (!engine) return;
      component = engine.componentForUrl(url, this.context);
      this.ownComponent = component;
    }
    this.component = component;
    this.fromComponent();
  }

  /** Creates the item once the component is ready; reports its errors when it failed. */
  private fromComponent(): void {
    const component = this.component;
    if (!component) return;
    const status = component.$get(COMPONENT_STATUS) as number;
    if (status === Status.Loading) {
      this.setStatus(Status.Loading);
      this.announceItemGone();
      component.$connect(COMPONENT_STATUS_CHANGED, {
        fn: () => {
          if (this.component === component && component.$get(COMPONENT_STATUS) !== Status.Loading)
            this.fromComponent();
        },
        thisArg: this,
        report: (e) => this.$engine?.reportError(e, undefined),
      });
      return;
    }
    if (status === Status.Error) {
      const e = component.loadError;
      if (e) this.$engine?.sink.warn(e.message);
      this.setStatus(Status.Error);
      this.announceItemGone();
      return;
    }
    const unit = component.unit;
    const ctx = component.creationContext;
    if (!unit || !ctx) return;
    const factory = ctx.engine as unknown as ComponentFactory;
    let obj: QObject | null = null;
    try {
      obj = factory.createFromComponent(unit, ctx, this, this.pendingProperties);
    } catch (e) {
      this.$engine?.reportError(e, undefined);
    }
    this.pendingProperties = undefined;
    if (!obj) {
      this.setStatus(Status.Error);
      this.announceItemGone();
      return;
    }
    this.current = obj;
    if (obj instanceof Item) {
      obj.setParentItem(this);
      this.fitItem(obj);
      obj.addListener(this.sizeListener);
    }
    this.itemGone = false;
    this.$store(LOADER.item, obj);
    this.setStatus(Status.Ready);
    this.$emit(LOADER.loaded, undefined);
  }

  /** The item unload() cleared silently is announced when no new one takes its place (status first). */
  private itemGone = false;
  private announceItemGone(): void {
    if (!this.itemGone) return;
    this.itemGone = false;
    this.$emit(LOADER.itemChanged, undefined);
  }

  private setStatus(s: Status): void {
    if ((this.$v[LOADER.status] as number) === s) return;
    this.$store(LOADER.progress, s === Status.Ready || s === Status.Error ? 1 : 0);
    this.$store(LOADER.status, s);
  }

  /**
   * Destroys the loaded item (QQuickLoaderPrivate::clear); `item` reads null
   * without announcing it, which the caller does in Qt's order. True when
   * there was an item.
   */
  private unload(): boolean {
    const old = this.current;
    this.current = null;
    this.component = null;
    if (old instanceof Item) old.removeListener(this.sizeListener);
    if (old) {
      old.$destroy();
      this.$v[LOADER.item] = null;
    }
    if (this.ownComponent) {
      this.ownComponent.$destroy();
      this.ownComponent = null;
    }
    return old !== null;
  }

  /**
   * QQuickLoaderPrivate::_q_updateSize: a Loader with a size gives it to the
   * item (when it is loaded or the Loader's own size changed) and takes the
   * item's implicit size; without one it takes the item's size.
   */
  private fitItem(item: Item, loaderGeometryChanged = true): void {
    if (loaderGeometryChanged && this.widthValid) item.setWidth(this.$v[ITEM.width] as number);
    if (loaderGeometryChanged && this.heightValid) item.setHeight(this.$v[ITEM.height] as number);
    this.$store(ITEM.implicitWidth, item.$v[this.widthValid ? ITEM.implicitWidth : ITEM.width]);
    this.$store(ITEM.implicitHeight, item.$v[this.heightValid ? ITEM.implicitHeight : ITEM.height]);
  }

  override geometryChanged(change: Change, old: number): void {
    super.geometryChanged(change, old);
    if (change & (Change.Width | Change.Height) && this.current instanceof Item) this.fitItem(this.current);
  }

  override $teardown(): void {
    if (this.current instanceof Item) this.current.removeListener(this.sizeListener);
    super.$teardown();
  }
}

const reload = (o: QObject) => (o as Loader).reload();

export const LoaderMeta: MetaObject = defineType(Loader, ItemMeta, {
  readonlyProperties: IMPLICIT_SIZE,
  name: 'Loader',
  cppClass: 'QQuickLoader',
  properties: {
    active: { type: 'bool', default: true, changed: reload },
    source: { type: 'url', changed: (o) => (o as Loader).reload('source') },
    sourceComponent: {
      type: 'Component',
      // Qt keeps one component for both: a null sourceComponent also unloads what `source` loaded.
      write: (o, v) => {
        if (!o.$store(LOADER.sourceComponent, v) && v === null) (o as Loader).sourceComponentCleared();
      },
      changed: (o) => (o as Loader).reload('sourceComponent'),
      // (RESET: `sourceComponent = undefined` unloads)
      reset: (o) => o.$write(LOADER.sourceComponent, null),
    },
    item: { type: 'QtObject', readonly: true },
    status: { type: 'enumeration', readonly: true },
    progress: { type: 'real', readonly: true },
    asynchronous: { type: 'bool' },
  },
  signals: { loaded: {} },
  methods: ['setSource'],
  enums: { Null: Status.Null, Ready: Status.Ready, Loading: Status.Loading, Error: Status.Error },
});

const LOADER = {
  active: LoaderMeta.index('active'),
  source: LoaderMeta.index('source'),
  sourceComponent: LoaderMeta.index('sourceComponent'),
  itemChanged: LoaderMeta.signalsByName.get('itemChanged')!.index,
  item: LoaderMeta.index('item'),
  status: LoaderMeta.index('status'),
  progress: LoaderMeta.index('progress'),
  loaded: LoaderMeta.signalsByName.get('loaded')!.index,
};
const COMPONENT_STATUS = QmlComponent.meta.index('status');
const COMPONENT_STATUS_CHANGED = QmlComponent.meta.signalsByName.get('statusChanged')!.index;
