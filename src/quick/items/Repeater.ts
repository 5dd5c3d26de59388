// Repeater (QQuickRepeater): one delegate instance per model row, all of
// them children of the Repeater's parent, stacked where the Repeater is
// (the first before it, each next one after the previous). Unlike a view it
// creates every row, and applies model changes at once.
import { defineType, type MetaObject, type QObject } from '../../engine/qobject';
import {
  copyArrayModelOnRead,
  DelegateModel,
  type DelegateModelHost,
  MODEL_PROPERTY,
  type ModelChange,
} from '../models/delegate-model';
import { Item, ItemMeta } from './Item';

export class Repeater extends Item implements DelegateModelHost {
  declare readonly count: number;
  private readonly dm: DelegateModel;
  /** Instances by row (null while a row has none). */
  private deletables: Array<Item | null> = [];

  constructor() {
    super();
    this.dm = new DelegateModel(this, this);
    this.transparentForPositioner = true;
  }

  itemAt(index?: unknown): Item | null {
    const i = Math.trunc(Number(index));
    return this.deletables[i] ?? null;
  }

  // ---- DelegateModelHost -------------------------------------------------------------------

  /** QQuickRepeater::initItem: parent it next to the Repeater before its bindings run. */
  initItem(index: number, item: Item): void {
    if (this.deletables[index]) return;
    this.deletables[index] = item;
    const parent = this.parentItem;
    item.setParentItem(parent);
    if (!parent) return;
    const prev = index > 0 ? this.deletables[index - 1] : null;
    if (prev) {
      item.stackAfter(prev);
    } else {
      let after: Item = this;
      for (let k = index + 1; k < this.deletables.length; k++) {
        const d = this.deletables[k];
        if (d) {
          after = d;
          break;
        }
      }
      item.stackBefore(after);
    }
  }

  destroyingItem(_item: Item): void {}

  modelUpdated(change: ModelChange): void {
    if (!this.isComponentComplete) return;
    const before = this.deletables.length;
    if (change.kind === 'remove') {
      const index = Math.min(change.index, this.deletables.length);
      const n = Math.min(change.index + change.count, this.deletables.length) - index;
      for (let k = 0; k < n; k++) {
        const item = this.deletables[index] ?? null;
        this.deletables.splice(index, 1);
        if (item) {
          this.$emit(REPEATER.itemRemoved, [index, item]);
          this.release(item);
        }
      }
    } else if (change.kind === 'insert') {
      const index = Math.min(change.index, this.deletables.length);
      for (let k = 0; k < change.count; k++) {
        this.deletables.splice(index + k, 0, null);
        this.createAt(index + k);
      }
    } else if (change.kind === 'move') {
      const moved = this.deletables.splice(change.from, change.count);
      this.deletables.splice(change.to, 0, ...moved);
      for (let k = 0; k < this.deletables.length; k++) {
        const d = this.deletables[k];
        const prev = k > 0 ? this.deletables[k - 1] : null;
        if (d && prev) d.stackAfter(prev);
      }
    }
    if (this.deletables.length !== before) this.$store(REPEATER.count, this.dm.count);
  }

  modelReset(): void {
    this.regenerate();
  }

  /** Lets go of an item; one its model keeps (ObjectModel) leaves the scene (QQuickRepeater). */
  private release(item: Item): void {
    if (this.dm.release(item) === 0) item.setParentItem(null);
  }

  private createAt(index: number): void {
    const item = this.dm.object(index);
    if (!item) return;
    if (this.deletables[index] !== item) {
      this.deletables[index] = item;
      this.initItemPlacement(index, item);
    }
    this.$emit(REPEATER.itemAdded, [index, item]);
  }

  private initItemPlacement(index: number, item: Item): void {
    this.deletables[index] = null;
    this.initItem(index, item);
  }

  private clear(): void {
    const items = this.deletables;
    this.deletables = [];
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      if (!item) continue;
      this.$emit(REPEATER.itemRemoved, [i, item]);
      this.release(item);
    }
  }

  /** QQuickRepeater::regenerate: every row anew. */
  private regenerate(): void {
    if (!this.isComponentComplete) return;
    this.clear();
    const count = this.dm.count;
    if (count > 0 && this.parentItem) {
      this.deletables = new Array(count).fill(null);
      for (let i = 0; i < count; i++) this.createAt(i);
    }
    if (this.settingModel) this.$v[REPEATER.count] = this.dm.count;
    else this.$store(REPEATER.count, this.dm.count);
  }

  protected override componentComplete(): void {
    super.componentComplete();
    this.regenerate();
  }

  override onParentChanged(old: Item | null): void {
    super.onParentChanged(old);
    if (this.isComponentComplete) this.regenerate();
  }

  override $teardown(): void {
    this.clear();
    this.dm.dispose();
    super.$teardown();
  }

  /** Set while a new model regenerates the items: QQuickRepeater::setModel announces the count once, after. */
  private settingModel = false;

  onModelChanged(): void {
    const outer = this.settingModel;
    this.settingModel = true;
    try {
      // (QQuickRepeater::setModel lets go of the old items first, the last first)
      if (this.isComponentComplete) this.clear();
      this.dm.setModel(this.$v[REPEATER.model]);
    } finally {
      this.settingModel = outer;
    }
  }

  onDelegateChanged(): void {
    this.dm.setDelegate(this.$v[REPEATER.delegate]);
  }
}

const onChange = (f: (r: Repeater) => void) => (o: QObject) => f(o as Repeater);

export const RepeaterMeta: MetaObject = defineType(Repeater, ItemMeta, {
  name: 'Repeater',
  cppClass: 'QQuickRepeater',
  defaultProperty: 'delegate',
  properties: {
    model: {
      ...MODEL_PROPERTY,
      changed: onChange((r) => r.onModelChanged()),
      // QQuickRepeater::setModel ends with modelChanged, then countChanged: also before the
      // Repeater is complete, and when the count stays (a bound model first reports 0).
      write: (o, v) => {
        if (o.$store(REPEATER.model, v)) o.$emit(REPEATER.countChanged, undefined);
      },
    },
    delegate: { type: 'Component', changed: onChange((r) => r.onDelegateChanged()) },
    count: { type: 'int', readonly: true },
  },
  signals: {
    itemAdded: {
      params: [
        { name: 'index', type: 'int' },
        { name: 'item', type: 'Item' },
      ],
    },
    itemRemoved: {
      params: [
        { name: 'index', type: 'int' },
        { name: 'item', type: 'Item' },
      ],
    },
  },
  methods: ['itemAt'],
});
copyArrayModelOnRead(Repeater.prototype);

const REPEATER = {
  model: RepeaterMeta.index('model'),
  delegate: RepeaterMeta.index('delegate'),
  count: RepeaterMeta.index('count'),
  countChanged: RepeaterMeta.signalsByName.get('countChanged')!.index,
  itemAdded: RepeaterMeta.signalsByName.get('itemAdded')!.index,
  itemRemoved: RepeaterMeta.signalsByName.get('itemRemoved')!.index,
};
