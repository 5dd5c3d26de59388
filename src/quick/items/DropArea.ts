// Drag and drop inside a scene, as Qt 6.4 delivers it: the Drag attached
// property (QQuickDragAttached) makes an item a drag source, and DropAreas
// (QQuickDropArea) under its hot spot are told as it enters, moves, leaves
// and drops (QQuickDeliveryAgentPrivate::deliverDragEvent, including its
// quirks: an area that refused a drag is not asked again while the drag
// stays over it, and the current target is left and entered again while
// the drag is over a refusing area above it). Moves are delivered once per
// event loop turn, as Qt posts them; positions are whole pixels.
import { defineType, type MetaObject, QObject, qmlWarning } from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';
import type { QPoint } from '../../engine/valuetypes';
import { Change, ITEM, Item, type ItemChangeListener, ItemMeta } from './Item';
import { DragMeta } from './MouseArea';

const IGNORE_ACTION = 0;
const COPY_MOVE_LINK = 7;
const MOVE_ACTION = 2;
/** Drag.dragType. */
const DRAG_NONE = 0;
const DRAG_INTERNAL = 2;

type DragEventType = 'enter' | 'move' | 'drop' | 'leave';

/** What a drag carries (QQuickDragMimeData): its source, keys and actions. */
interface DragMime {
  source: QObject | null;
  keys: string[];
  supportedActions: number;
}

/** One drag event (QDragEnterEvent, QDragMoveEvent, QDropEvent, QDragLeaveEvent), at an item or the scene. */
class DragEventData {
  accepted = false;
  dropAction: number;
  constructor(
    readonly type: DragEventType,
    readonly x: number,
    readonly y: number,
    readonly mime: DragMime,
    readonly possibleActions: number,
    readonly proposedAction: number,
  ) {
    this.dropAction = proposedAction;
  }

  /** QDropEvent::setDropAction: an action the source does not offer falls back to the proposed one. */
  setDropAction(action: number): void {
    this.dropAction =
      !(action & this.possibleActions) && action !== IGNORE_ACTION ? this.proposedAction : action;
  }

  /** The event at another place and of another type, with this one's actions and acceptance. */
  translated(type: DragEventType, x: number, y: number): DragEventData {
    const e = new DragEventData(type, x, y, this.mime, this.possibleActions, this.proposedAction);
    e.dropAction = this.dropAction;
    e.accepted = this.accepted;
    return e;
  }
}

/** The `drag` and `drop` arguments of DropArea's signals (QQuickDropEvent). */
export class DragEvent extends QObject {
  constructor(private readonly ev: DragEventData) {
    super();
  }

  accept(action?: unknown): void {
    if (typeof action === 'number' && Number.isInteger(action)) this.ev.setDropAction(action);
    this.ev.accepted = true;
  }

  acceptProposedAction(): void {
    this.ev.setDropAction(this.ev.proposedAction);
    this.ev.accepted = true;
  }

  /** An internal drag carries no data (Qt 6.4 keeps Drag.mimeData for platform drags). */
  getDataAsString(_format?: unknown): string {
    return '';
  }

  getDataAsArrayBuffer(_format?: unknown): ArrayBuffer {
    return new ArrayBuffer(0);
  }

  /** The property values, read from the event as it is. */
  readEvent(name: string): unknown {
    const e = this.ev;
    switch (name) {
      case 'x':
        return e.x;
      case 'y':
        return e.y;
      case 'source':
        return e.mime.source;
      case 'keys':
        return e.mime.keys.slice();
      case 'supportedActions':
        return e.possibleActions;
      case 'proposedAction':
        return e.proposedAction;
      case 'action':
        return e.dropAction;
      case 'accepted':
        return e.accepted;
      case 'text':
      case 'html':
        return '';
      case 'urls':
      case 'formats':
        return [];
      case 'colorData':
        return undefined;
      default:
        return false;
    }
  }

  writeEvent(name: string, v: unknown): void {
    if (name === 'accepted') this.ev.accepted = Boolean(v);
    else if (name === 'action') this.ev.setDropAction(Math.trunc(Number(v)));
  }
}

const DragEventMeta: MetaObject = defineType(DragEvent, QtObjectMeta, {
  name: 'DragEvent',
  cppClass: 'QQuickDropEvent',
  creatable: false,
  properties: {
    x: { type: 'real', readonly: true, constant: true },
    y: { type: 'real', readonly: true, constant: true },
    source: { type: 'QtObject', readonly: true, constant: true },
    keys: { type: 'list', sequenceOf: 'string', readonly: true, constant: true },
    supportedActions: { type: 'enumeration', readonly: true, constant: true },
    proposedAction: { type: 'enumeration', readonly: true, constant: true },
    action: { type: 'enumeration', constant: true },
    accepted: { type: 'bool', constant: true },
    hasColor: { type: 'bool', readonly: true, constant: true },
    hasHtml: { type: 'bool', readonly: true, constant: true },
    hasText: { type: 'bool', readonly: true, constant: true },
    hasUrls: { type: 'bool', readonly: true, constant: true },
    colorData: { type: 'var', readonly: true, constant: true },
    html: { type: 'string', readonly: true, constant: true },
    text: { type: 'string', readonly: true, constant: true },
    urls: { type: 'var', readonly: true, constant: true },
    formats: { type: 'list', sequenceOf: 'string', readonly: true, constant: true },
  },
  methods: ['accept', 'acceptProposedAction', 'getDataAsString', 'getDataAsArrayBuffer'],
});
for (const p of DragEventMeta.props) {
  if (p.owner !== DragEventMeta) continue;
  const name = p.name;
  Object.defineProperty(DragEvent.prototype, name, {
    configurable: true,
    get(this: DragEvent) {
      return this.readEvent(name);
    },
    set(this: DragEvent, v: unknown) {
      if (p.readonly) throw new TypeError(`Cannot assign to read-only property "${name}"`);
      this.writeEvent(name, v);
    },
  });
}

// ---- DropArea --------------------------------------------------------------------------------

/** DropArea's `drag` group (QQuickDropAreaDrag): where the drag is and where it comes from. */
export class DropAreaDrag extends QObject {
  constructor(readonly area: DropArea) {
    super();
    this.$engine = area.$engine;
  }
}
const DropAreaDragMeta: MetaObject = defineType(DropAreaDrag, null, {
  name: 'DropAreaDrag',
  cppClass: 'QQuickDropAreaDrag',
  creatable: false,
  properties: {
    x: { type: 'real', readonly: true, notify: 'positionChanged' },
    y: { type: 'real', readonly: true, notify: 'positionChanged' },
    source: { type: 'QtObject', readonly: true, notify: 'sourceChanged' },
  },
  signals: { positionChanged: {}, sourceChanged: {} },
});
const AD = {
  positionChanged: DropAreaDragMeta.signalsByName.get('positionChanged')!.index,
  sourceChanged: DropAreaDragMeta.signalsByName.get('sourceChanged')!.index,
};
// (read from the area as it is, as QQuickDropAreaDrag does)
for (const [name, read] of [
  ['x', (a: DropArea) => a.dragX],
  ['y', (a: DropArea) => a.dragY],
  // (a source destroyed meanwhile reads as null, as Qt's QPointer does)
  ['source', (a: DropArea) => (a.dragSource?.$destroyed ? null : a.dragSource)],
] as const) {
  const index = DropAreaDragMeta.index(name);
  Object.defineProperty(DropAreaDrag.prototype, name, {
    configurable: true,
    get(this: DropAreaDrag) {
      this.$read(index);
      return read(this.area);
    },
  });
}

export class DropArea extends Item {
  dragX = 0;
  dragY = 0;
  dragSource: QObject | null = null;

  private get dragGroup(): DropAreaDrag | null {
    return this.$v[DA.drag] as DropAreaDrag | null;
  }

  private get containsDrag(): boolean {
    return this.$v[DA.containsDrag] as boolean;
  }

  /** The drag's position (the drag group's positionChanged when it changed, or with `always`). */
  private setDragPosition(x: number, y: number, always: boolean): void {
    if (!always && x === this.dragX && y === this.dragY) return;
    this.dragX = x;
    this.dragY = y;
    this.dragGroup?.$emit(AD.positionChanged, undefined);
  }

  /** The drag is over the area no more: containsDrag, then the group's source, are announced. */
  private release(): void {
    this.$v[DA.containsDrag] = false;
    this.dragSource = null;
    this.$emit(DA.containsDragChanged, undefined);
    this.dragGroup?.$emit(AD.sourceChanged, undefined);
  }

  /**
   * QQuickDropAreaPrivate::hasMatchingKey: one of the drag's keys is one of
   * the area's, where `*` in an area's key stands for one character or more
   * (or the area has no keys).
   */
  private matches(keys: readonly string[]): boolean {
    const own = (this.$v[DA.keys] as string[] | null) ?? [];
    if (own.length === 0) return true;
    const pattern = own.map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, (c) => (c === '*' ? '.+' : `\\${c}`)));
    const re = new RegExp(`^(?:${pattern.join('|')})$`);
    return keys.some((k) => re.test(k));
  }

  /** QQuickDropArea::dragEnterEvent */
  dragEnterEvent(e: DragEventData): void {
    if (!(this.$v[ITEM.enabled] as boolean) || this.containsDrag || !this.matches(e.mime.keys)) return;
    this.setDragPosition(e.x, e.y, false);
    e.accepted = true;
    this.$emit(DA.entered, [new DragEvent(e)]);
    if (!e.accepted) return;
    this.$v[DA.containsDrag] = true;
    this.dragSource = e.mime.source;
    this.setDragPosition(e.x, e.y, true);
    this.dragGroup?.$emit(AD.sourceChanged, undefined);
    this.$emit(DA.containsDragChanged, undefined);
  }

  /** QQuickDropArea::dragMoveEvent */
  dragMoveEvent(e: DragEventData): void {
    if (!this.containsDrag) return;
    this.setDragPosition(e.x, e.y, true);
    e.accepted = true;
    this.$emit(DA.positionChanged, [new DragEvent(e)]);
  }

  /** QQuickDropArea::dragLeaveEvent */
  dragLeaveEvent(): void {
    if (!this.containsDrag) return;
    this.$emit(DA.exited, undefined);
    this.release();
  }

  /** QQuickDropArea::dropEvent */
  dropEvent(e: DragEventData): void {
    if (!this.containsDrag) return;
    this.$emit(DA.dropped, [new DragEvent(e)]);
    this.release();
  }
}

export const DropAreaMeta: MetaObject = defineType(DropArea, ItemMeta, {
  name: 'DropArea',
  cppClass: 'QQuickDropArea',
  properties: {
    containsDrag: { type: 'bool', readonly: true },
    keys: { type: 'list', sequenceOf: 'string' },
    drag: {
      type: 'DropAreaDrag',
      readonly: true,
      constant: true,
      group: { meta: () => DropAreaDragMeta, create: (owner) => new DropAreaDrag(owner as DropArea) },
    },
  },
  signals: {
    entered: { params: [{ name: 'drag', type: 'DragEvent' }] },
    exited: {},
    positionChanged: { params: [{ name: 'drag', type: 'DragEvent' }] },
    dropped: { params: [{ name: 'drop', type: 'DragEvent' }] },
  },
});
const DA = {
  containsDrag: DropAreaMeta.index('containsDrag'),
  keys: DropAreaMeta.index('keys'),
  drag: DropAreaMeta.index('drag'),
  entered: DropAreaMeta.signalsByName.get('entered')!.index,
  exited: DropAreaMeta.signalsByName.get('exited')!.index,
  positionChanged: DropAreaMeta.signalsByName.get('positionChanged')!.index,
  dropped: DropAreaMeta.signalsByName.get('dropped')!.index,
  containsDragChanged: DropAreaMeta.signalsByName.get('containsDragChanged')!.index,
};

// ---- delivery (QQuickDragGrabber, QQuickDeliveryAgentPrivate::deliverDragEvent) ----------------

function sendTo(item: Item, e: DragEventData): void {
  if (!(item instanceof DropArea)) return;
  if (e.type === 'enter') item.dragEnterEvent(e);
  else if (e.type === 'move') item.dragMoveEvent(e);
  else if (e.type === 'drop') item.dropEvent(e);
  else item.dragLeaveEvent();
}

/** The items a drag is over and has been accepted by, its target, and the areas that refused it. */
class DragGrabber {
  items: Item[] = [];
  target: Item | null = null;
  readonly ignoreList: Item[] = [];

  deliver(root: Item, event: DragEventData): void {
    const formerTarget = this.target;
    this.target = null;
    const grabbed = this.items.filter((i) => !i.$destroyed);
    this.items = [];
    if (grabbed.length > 0) {
      const rest = grabbed;
      if (event.type === 'drop') {
        event.accepted = false;
        while (!event.accepted && rest.length > 0) {
          const item = rest.shift()!;
          const p = item.mapFromScenePoint(event.x, event.y);
          const e = event.translated('drop', Math.round(p.x), Math.round(p.y));
          e.accepted = false;
          sendTo(item, e);
          event.accepted = e.accepted;
          event.setDropAction(e.dropAction);
          this.target = item;
        }
      }
      if (event.type !== 'move') {
        for (const item of rest) sendTo(item, new DragEventData('leave', 0, 0, event.mime, 0, 0));
        this.ignoreList.length = 0;
        return;
      }
      const current = grabbed.slice();
      const enter = event.translated('enter', event.x, event.y);
      event.accepted = this.deliverTo(root, enter, current, formerTarget);
      for (const item of this.items) {
        const i = current.indexOf(item);
        if (i < 0) continue;
        current.splice(i, 1);
        // Still over it: a move.
        const p = item.mapFromScenePoint(event.x, event.y);
        const e = event.translated('move', Math.round(p.x), Math.round(p.y));
        sendTo(item, e);
        event.accepted = e.accepted;
        event.setDropAction(e.dropAction);
      }
      for (const item of current) sendTo(item, new DragEventData('leave', 0, 0, event.mime, 0, 0));
      return;
    }
    if (event.type === 'enter' || event.type === 'move')
      event.accepted = this.deliverTo(root, event.translated('enter', event.x, event.y), null, null);
    else this.ignoreList.length = 0;
  }

  private grab(item: Item): void {
    if (!this.items.includes(item)) this.items.push(item);
    this.target = item;
  }

  /** The recursive part: the items under the point, topmost first, are offered the drag. */
  private deliverTo(
    item: Item,
    event: DragEventData,
    current: Item[] | null,
    formerTarget: Item | null,
  ): boolean {
    if (!item.effectiveVisible || !(item.$v[ITEM.enabled] as boolean) || item.culled) return false;
    const p = item.mapFromScenePoint(event.x, event.y);
    const contained = item.contains(p.x, p.y);
    const ignored = this.ignoreList.indexOf(item);
    if (!contained) {
      if (ignored >= 0) this.ignoreList.splice(ignored, 1);
      if (item.$v[ITEM.clip] as boolean) return false;
    }
    const children = item.paintOrderChildren;
    let first = 0;
    while (first < children.length && (children[first]!.$v[ITEM.z] as number) < 0) first++;
    for (let i = children.length - 1; i >= first; i--)
      if (this.deliverTo(children[i]!, event, current, formerTarget)) return true;
    if (contained) {
      if (current?.includes(item)) {
        this.grab(item);
        return true;
      }
      if (item instanceof DropArea) {
        if (formerTarget !== null) {
          if (current !== null) {
            sendTo(formerTarget, new DragEventData('leave', 0, 0, event.mime, 0, 0));
            const k = current.indexOf(formerTarget);
            if (k >= 0) current.splice(k, 1);
          }
        } else if (ignored >= 0) return false;
        const e = event.translated('enter', Math.round(p.x), Math.round(p.y));
        sendTo(item, e);
        event.accepted = e.accepted;
        event.setDropAction(e.dropAction);
        if (e.accepted) {
          this.grab(item);
          return true;
        }
        if (ignored < 0) this.ignoreList.push(item);
      }
    }
    for (let i = first - 1; i >= 0; i--)
      if (this.deliverTo(children[i]!, event, current, formerTarget)) return true;
    return false;
  }
}

// ---- the Drag attached property --------------------------------------------------------------

/** `Drag.active`, `Drag.hotSpot`, `Drag.keys`, ... on an item (QQuickDragAttached). */
export class DragAttached extends QObject implements ItemChangeListener {
  private item: Item | null = null;
  private readonly grabber = new DragGrabber();
  private readonly mime: DragMime = { source: null, keys: [], supportedActions: COPY_MOVE_LINK };
  private root: Item | null = null;
  private inEvent = false;
  private itemMoved = false;
  private restarted = false;
  private eventQueued = false;
  /** The actions start() was given, if any. */
  private overrideActions: number | null = null;

  override $attachTo(owner: QObject): void {
    if (!(owner instanceof Item)) return;
    this.item = owner;
    this.$v[DG.source] = owner;
    owner.addListener(this);
  }

  override $ownerDestroyed(): void {
    this.item?.removeListener(this);
  }

  itemChanged(_item: Item, change: Change): void {
    if (!(change & (Change.X | Change.Y)) || !this.$v[DG.active] || this.itemMoved) return;
    this.updatePosition();
  }

  /** The item moved (or the hot spot did): a move is delivered at the next turn of the event loop. */
  private updatePosition(): void {
    this.itemMoved = true;
    this.queue();
  }

  /**
   * A setting changed: during a drag, new keys, source or actions make it
   * leave and enter again (`restart`), a new hot spot or proposed action
   * move it, at the next turn of the event loop.
   */
  changedWhileActive(restart: boolean): void {
    if (!this.$v[DG.active]) return;
    if (restart) {
      this.restarted = true;
      this.queue();
    } else this.updatePosition();
  }

  private queue(): void {
    if (this.eventQueued || !this.$engine) return;
    this.eventQueued = true;
    this.$engine.setTimer(() => {
      this.eventQueued = false;
      if (this.restarted) {
        this.deliverLeave();
        this.deliverEnter();
        this.updateTarget();
      } else if (this.itemMoved) this.deliverMove();
    }, 0);
  }

  private scenePoint(): { x: number; y: number } {
    const h = this.$v[DG.hotSpot] as QPoint;
    const p = this.item!.mapToScenePoint(h.x, h.y);
    return { x: Math.round(p.x), y: Math.round(p.y) };
  }

  private event(type: DragEventType): DragEventData {
    const p = this.scenePoint();
    return new DragEventData(
      type,
      p.x,
      p.y,
      this.mime,
      this.mime.supportedActions,
      this.$v[DG.proposedAction] as number,
    );
  }

  private deliver(e: DragEventData): void {
    const root = this.root;
    if (root === null) return;
    this.inEvent = true;
    try {
      this.grabber.deliver(root, e);
    } finally {
      this.inEvent = false;
    }
  }

  private deliverEnter(): void {
    this.restarted = false;
    this.itemMoved = false;
    this.root = this.item?.window?.contentItem ?? null;
    this.mime.source = this.$v[DG.source] as QObject | null;
    this.mime.supportedActions = this.overrideActions ?? (this.$v[DG.supportedActions] as number);
    this.mime.keys = ((this.$v[DG.keys] as string[] | null) ?? []).slice();
    if (this.root !== null) this.deliver(this.event('enter'));
  }

  private deliverMove(): void {
    this.itemMoved = false;
    if (this.root === null) return;
    this.deliver(this.event('move'));
    this.updateTarget();
  }

  private deliverLeave(): void {
    if (this.root === null) return;
    this.deliver(new DragEventData('leave', 0, 0, this.mime, 0, 0));
    this.root = null;
  }

  private updateTarget(): void {
    this.$store(DG.target, this.grabber.target);
  }

  setActive(active: boolean): void {
    // (only an item can be dragged)
    if (active === this.$v[DG.active] || this.item === null) return;
    if (this.inEvent) {
      qmlWarning(this, 'active cannot be changed from within a drag event handler', 'Drag');
      return;
    }
    if (!active) {
      this.cancel();
      return;
    }
    if ((this.$v[DG.dragType] as number) === DRAG_NONE) {
      this.$store(DG.active, true);
      return;
    }
    // (Automatic would start a platform drag: a page has none, so it runs as an internal one)
    this.start();
  }

  /** QQuickDragAttachedPrivate::start */
  start(supportedActions?: unknown): void {
    if (this.inEvent) {
      qmlWarning(this, 'start() cannot be called from within a drag event handler', 'Drag');
      return;
    }
    if (this.item === null) return;
    if (this.$v[DG.active]) this.cancel();
    // (actions given here stand for supportedActions, which keeps its value)
    this.overrideActions =
      typeof supportedActions === 'number' && Number.isInteger(supportedActions) ? supportedActions : null;
    this.$v[DG.active] = true;
    this.deliverEnter();
    this.updateTarget();
    this.$emit(DG.activeChanged, undefined);
  }

  cancel(): void {
    if (this.inEvent) {
      qmlWarning(this, 'cancel() cannot be called from within a drag event handler', 'Drag');
      return;
    }
    if (!this.$v[DG.active]) return;
    // (inactive while the areas hear it leave; announced last)
    this.$v[DG.active] = false;
    this.deliverLeave();
    this.$store(DG.target, null);
    this.$emit(DG.activeChanged, undefined);
  }

  drop(): number {
    if (this.inEvent) {
      qmlWarning(this, 'drop() cannot be called from within a drag event handler', 'Drag');
      return IGNORE_ACTION;
    }
    if (this.itemMoved) this.deliverMove();
    if (!this.$v[DG.active]) return IGNORE_ACTION;
    this.$v[DG.active] = false;
    let accepted = IGNORE_ACTION;
    let target: Item | null = null;
    if (this.root !== null) {
      const e = this.event('drop');
      this.deliver(e);
      if (e.accepted) {
        accepted = e.dropAction;
        target = this.grabber.target;
      }
    }
    this.$store(DG.target, target);
    this.$emit(DG.activeChanged, undefined);
    return accepted;
  }

  /** A platform drag (QDrag::exec) does not exist in a page. */
  startDrag(): number {
    return IGNORE_ACTION;
  }
}

export const DragAttachedMeta: MetaObject = defineType(DragAttached, QtObjectMeta, {
  name: 'Drag',
  cppClass: 'QQuickDragAttached',
  creatable: false,
  properties: {
    active: { type: 'bool', write: (o, v) => (o as DragAttached).setActive(Boolean(v)) },
    source: { type: 'QtObject', changed: (o) => (o as DragAttached).changedWhileActive(true) },
    target: { type: 'QtObject', readonly: true },
    hotSpot: { type: 'point', changed: (o) => (o as DragAttached).changedWhileActive(false) },
    imageSource: { type: 'url' },
    keys: {
      type: 'list',
      sequenceOf: 'string',
      changed: (o) => (o as DragAttached).changedWhileActive(true),
    },
    mimeData: { type: 'var', default: {} },
    supportedActions: {
      type: 'enumeration',
      default: COPY_MOVE_LINK,
      changed: (o) => (o as DragAttached).changedWhileActive(true),
    },
    proposedAction: {
      type: 'enumeration',
      default: MOVE_ACTION,
      changed: (o) => (o as DragAttached).changedWhileActive(false),
    },
    dragType: { type: 'enumeration', default: DRAG_INTERNAL },
  },
  signals: {
    dragStarted: {},
    dragFinished: { params: [{ name: 'dropAction', type: 'int' }] },
  },
  methods: ['start', 'startDrag', 'cancel', 'drop'],
});
const DG = {
  active: DragAttachedMeta.index('active'),
  source: DragAttachedMeta.index('source'),
  target: DragAttachedMeta.index('target'),
  hotSpot: DragAttachedMeta.index('hotSpot'),
  keys: DragAttachedMeta.index('keys'),
  supportedActions: DragAttachedMeta.index('supportedActions'),
  proposedAction: DragAttachedMeta.index('proposedAction'),
  dragType: DragAttachedMeta.index('dragType'),
  activeChanged: DragAttachedMeta.signalsByName.get('activeChanged')!.index,
};

// `Drag.active` and the rest are the attached object of the Drag type.
DragMeta.attachedType = () => DragAttachedMeta;
