// MouseArea (QQuickMouseArea, Qt 6.4): press/release/click, double click,
// press and hold, hover, wheel and cancel, with Qt's signal order and the
// `mouse` / `wheel` event objects QML handlers see. Events come from the
// window's delivery (QuickWindow.deliverPointer).
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { Change, ITEM, Item, type ItemChangeListener, ItemMeta, type PointerEventLike } from './Item';

/** What QML handlers receive as `mouse` (QQuickMouseEvent); one object per MouseArea, reused like Qt's. */
export class QuickMouseEvent {
  x = 0;
  y = 0;
  button = 0;
  buttons = 0;
  modifiers = 0;
  wasHeld = false;
  isClick = false;
  accepted = true;
  /** Qt.MouseEventNotSynthesized (0) or Qt.MouseEventSynthesizedByQt (2, press and hold). */
  source = 0;
  flags = 0;

  reset(
    x: number,
    y: number,
    button: number,
    buttons: number,
    modifiers: number,
    isClick: boolean,
    wasHeld: boolean,
  ) {
    this.x = x;
    this.y = y;
    this.button = button;
    this.buttons = buttons;
    this.modifiers = modifiers;
    this.isClick = isClick;
    this.wasHeld = wasHeld;
    this.accepted = true;
    this.source = 0;
  }

  toString(): string {
    return 'QQuickMouseEvent';
  }
}

/** Qt's QPoint as QML prints it (`QPoint(0, 120)`), for wheel deltas. */
export class WheelDelta {
  constructor(
    public x: number,
    public y: number,
  ) {}
  toString(): string {
    return `QPoint(${this.x}, ${this.y})`;
  }
}

/** What QML handlers receive as `wheel` (QQuickWheelEvent). */
export class QuickWheelEvent {
  x = 0;
  y = 0;
  angleDelta = new WheelDelta(0, 0);
  pixelDelta = new WheelDelta(0, 0);
  buttons = 0;
  modifiers = 0;
  inverted = false;
  accepted = true;

  /** Takes a delivered wheel event's position, deltas, buttons and modifiers (QQuickWheelEvent::reset). */
  reset(e: PointerEventLike, accepted: boolean): this {
    this.x = e.x;
    this.y = e.y;
    this.angleDelta = new WheelDelta(e.angleDeltaX, e.angleDeltaY);
    this.pixelDelta = new WheelDelta(e.pixelDeltaX, e.pixelDeltaY);
    this.buttons = e.buttons;
    this.modifiers = e.modifiers;
    this.inverted = false;
    this.accepted = accepted;
    return this;
  }

  toString(): string {
    return 'QQuickWheelEvent';
  }
}

/** `drag` (QQuickDrag): a MouseArea moving its target item with the pointer. */
export class Drag extends QObject {
  declare target: Item | null;
  declare active: boolean;
  declare axis: number;
  declare threshold: number;
  declare smoothed: boolean;

  constructor(area: MouseArea) {
    super();
    this.$engine = area.$engine;
  }

  setActive(v: boolean): void {
    this.$store(DRAG.active, v);
  }
}

/** Qt's QQuickDrag bounds default to ±FLT_MAX. */
const FLT_MAX = 3.4028234663852886e38;

export const DragMeta: MetaObject = defineType(Drag, null, {
  name: 'Drag',
  cppClass: 'QQuickDrag',
  creatable: 'Drag is only available via attached properties.',
  properties: {
    target: { type: 'Item' },
    active: { type: 'bool', readonly: true },
    axis: { type: 'enumeration', default: 3 },
    minimumX: { type: 'real', default: -FLT_MAX },
    maximumX: { type: 'real', default: FLT_MAX },
    minimumY: { type: 'real', default: -FLT_MAX },
    maximumY: { type: 'real', default: FLT_MAX },
    filterChildren: { type: 'bool' },
    smoothed: { type: 'bool', default: true },
    // Qt: QStyleHints::startDragDistance.
    threshold: { type: 'real', default: 10 },
  },
  // (and Drag.dragType's: None, Automatic, Internal)
  enums: { XAxis: 1, YAxis: 2, XAndYAxis: 3, XandYAxis: 3, None: 0, Automatic: 1, Internal: 2 },
});

const DRAG = {
  target: DragMeta.index('target'),
  active: DragMeta.index('active'),
  axis: DragMeta.index('axis'),
  minimumX: DragMeta.index('minimumX'),
  maximumX: DragMeta.index('maximumX'),
  minimumY: DragMeta.index('minimumY'),
  maximumY: DragMeta.index('maximumY'),
  smoothed: DragMeta.index('smoothed'),
  threshold: DragMeta.index('threshold'),
};

enum Propagate {
  Click,
  DoubleClick,
  PressAndHold,
}

export class MouseArea extends Item implements ItemChangeListener {
  declare mouseX: number;
  declare mouseY: number;
  declare containsMouse: boolean;
  declare containsPress: boolean;
  declare hoverEnabled: boolean;
  declare acceptedButtons: number;
  declare pressedButtons: number;
  declare preventStealing: boolean;
  declare propagateComposedEvents: boolean;
  declare pressAndHoldInterval: number;
  declare cursorShape: number;

  /** Buttons held on this area (QQuickMouseAreaPrivate::pressed). */
  private pressedMask = 0;
  private hovered = false;
  private lastButton = 0;
  private lastButtons = 0;
  private lastModifiers = 0;
  private longPress = false;
  private doubleClick = false;
  private stealMouse = false;
  private holdTimer: unknown = null;
  // Dragging (QQuickMouseAreaPrivate): where the press was, where the target was, and the threshold state.
  private moved = false;
  private overThreshold = false;
  private startSceneX = 0;
  private startSceneY = 0;
  private targetStartX = 0;
  private targetStartY = 0;
  /** The `mouse` object handlers get, made on the first event and reused (like Qt's). */
  private mouseEvent: QuickMouseEvent | null = null;
  private wheelEventObject: QuickWheelEvent | null = null;

  private get mouse(): QuickMouseEvent {
    this.mouseEvent ??= new QuickMouseEvent();
    return this.mouseEvent;
  }

  constructor() {
    super();
    this.acceptedMouseButtons = LEFT_BUTTON;
    this.acceptWheel = true;
    this.addListener(this);
  }

  /** Its own visibility (QQuickMouseArea::itemChange, ItemVisibleHasChanged). */
  itemChanged(_item: Item, change: Change): void {
    if (change !== Change.Visible || this.effectiveVisible) return;
    // Hidden while hovered: no longer under the mouse.
    if (this.hovered && this.acceptHover && this.areaEnabled) this.setHovered(false);
    // Hidden while pressed: the press is cancelled.
    if (this.pressedMask !== 0) {
      if (this.window?.pointerGrabber === this) this.window.ungrabPointer(this);
      else this.pointerUngrab();
    }
  }

  private get areaEnabled(): boolean {
    return this.$v[MA.enabled] as boolean;
  }

  // ---- state with Qt's notifications ------------------------------------------------

  private setPressedMask(mask: number): void {
    this.pressedMask = mask;
    this.$v[MA.pressed] = mask !== 0;
    this.$v[MA.pressedButtons] = mask;
    this.$v[MA.containsPress] = mask !== 0 && this.hovered;
  }

  /** QQuickMouseArea::setHovered: containsMouse, entered/exited, and containsPress while pressed. */
  private setHovered(h: boolean): void {
    if (this.hovered === h) return;
    this.hovered = h;
    this.$v[MA.containsMouse] = h;
    this.$v[MA.containsPress] = this.pressedMask !== 0 && h;
    this.$emit(MA.containsMouseChanged, undefined);
    this.$emit(h ? MA.entered : MA.exited, undefined);
    if (this.pressedMask !== 0) this.$emit(MA.containsPressChanged, undefined);
  }

  private saveEvent(e: PointerEventLike): void {
    this.$v[MA.mouseX] = e.x;
    this.$v[MA.mouseY] = e.y;
    this.lastButton = e.type === 'move' ? 0 : e.button;
    this.lastButtons = e.buttons;
    this.lastModifiers = e.modifiers;
  }

  private resetMouse(isClick: boolean, wasHeld: boolean): QuickMouseEvent {
    const me = this.mouse;
    me.reset(
      this.$v[MA.mouseX] as number,
      this.$v[MA.mouseY] as number,
      this.lastButton,
      this.lastButtons,
      this.lastModifiers,
      isClick,
      wasHeld,
    );
    return me;
  }

  private emitPosition(me: QuickMouseEvent): void {
    this.$emit(MA.mouseXChanged, [me]);
    this.$emit(MA.mouseYChanged, [me]);
  }

  private isConnected(signal: number): boolean {
    return this.$isConnected(signal);
  }

  /** The `drag` group if it was ever used. */
  private get dragGroup(): Drag | null {
    return this.$v[MA.drag] as Drag | null;
  }

  private get dragged(): boolean {
    return (this.dragGroup?.$v[DRAG.active] as boolean | undefined) ?? false;
  }

  /** QQuickMouseArea::setPressed: the press/release signals in Qt's order; returns whether accepted. */
  private setPressed(button: number, p: boolean): boolean {
    const wasPressed = (this.pressedMask & button) !== 0;
    // A drag is not a click.
    const isClick = wasPressed && !p && !this.dragged && this.hovered;
    const oldPressed = this.pressedMask;
    if (wasPressed === p) return false;
    const me = this.resetMouse(isClick, this.longPress);
    if (p) {
      this.setPressedMask(this.pressedMask | button);
      if (!this.doubleClick) this.$emit(MA.pressedSignal, [me]);
      this.emitPosition(me);
      // A press the handler refuses (mouse.accepted = false) leaves the area unpressed.
      if (!me.accepted) this.setPressedMask(0);
      if (!oldPressed) {
        this.$emit(MA.pressedChanged, undefined);
        this.$emit(MA.containsPressChanged, undefined);
      }
      this.$emit(MA.pressedButtonsChanged, undefined);
    } else {
      this.setPressedMask(this.pressedMask & ~button);
      this.$emit(MA.released, [me]);
      if (this.pressedMask === 0) {
        this.$emit(MA.pressedChanged, undefined);
        this.$emit(MA.containsPressChanged, undefined);
      }
      this.$emit(MA.pressedButtonsChanged, undefined);
      if (isClick && !this.longPress && !this.doubleClick) {
        me.accepted = this.isConnected(MA.clicked);
        this.$emit(MA.clicked, [me]);
        if (!me.accepted) this.propagate(me, Propagate.Click);
      }
    }
    return me.accepted;
  }

  // ---- events -------------------------------------------------------------------------

  override pointerEvent(e: PointerEventLike): void {
    switch (e.type) {
      case 'press':
        this.mousePress(e);
        break;
      case 'doubleclick':
        this.mouseDoubleClick(e);
        break;
      case 'move':
        this.mouseMove(e);
        break;
      case 'release':
        this.mouseRelease(e);
        break;
    }
  }

  private mousePress(e: PointerEventLike): void {
    this.moved = false;
    this.stealMouse = this.$v[MA.preventStealing] as boolean;
    this.overThreshold = false;
    if (!this.areaEnabled || !(e.button & this.acceptedMouseButtons)) {
      e.accepted = false;
      return;
    }
    this.longPress = false;
    this.saveEvent(e);
    this.dragGroup?.setActive(false);
    this.setHovered(true);
    this.startSceneX = e.sceneX;
    this.startSceneY = e.sceneY;
    this.keepMouseGrab = this.stealMouse;
    e.accepted = this.setPressed(e.button, true);
    if (e.accepted) this.startHoldTimer();
  }

  private mouseMove(e: PointerEventLike): void {
    if (!this.areaEnabled && this.pressedMask === 0) {
      e.accepted = false;
      return;
    }
    this.setHovered(this.contains(e.x, e.y));
    this.saveEvent(e);
    const target = this.dragGroup?.$v[DRAG.target] as Item | null | undefined;
    if (target) this.dragTarget(this.dragGroup!, target, e);
    const me = this.resetMouse(false, this.longPress);
    this.emitPosition(me);
    this.$emit(MA.positionChanged, [me]);
  }

  private mouseRelease(e: PointerEventLike): void {
    this.stealMouse = false;
    if (!this.areaEnabled && this.pressedMask === 0) {
      e.accepted = false;
      return;
    }
    this.overThreshold = false;
    this.saveEvent(e);
    this.setPressed(e.button, false);
    if (this.pressedMask === 0) {
      this.dragGroup?.setActive(false);
      // Without hover, containsMouse only lasts while pressed.
      if (!this.acceptHover) this.setHovered(false);
      this.window?.ungrabPointer(this);
      this.keepMouseGrab = false;
    }
    this.doubleClick = false;
  }

  private mouseDoubleClick(e: PointerEventLike): void {
    if (!this.areaEnabled) {
      e.accepted = false;
      return;
    }
    this.saveEvent(e);
    const me = this.resetMouse(true, false);
    const connected = this.isConnected(MA.doubleClicked);
    me.accepted = connected;
    this.$emit(MA.doubleClicked, [me]);
    if (!me.accepted) this.propagate(me, Propagate.DoubleClick);
    // A handled double click replaces the click of its release.
    if (this.pressedMask !== 0) this.doubleClick = connected || me.accepted;
  }

  override hoverEvent(e: PointerEventLike): void {
    if (!this.areaEnabled && this.pressedMask === 0) return;
    if (e.type === 'hoverleave') {
      this.setHovered(false);
      return;
    }
    const x = this.$v[MA.mouseX] as number;
    const y = this.$v[MA.mouseY] as number;
    if (e.type === 'hoverenter') {
      this.$v[MA.mouseX] = e.x;
      this.$v[MA.mouseY] = e.y;
      this.lastModifiers = e.modifiers;
      this.setHovered(true);
      const me = this.mouse;
      me.reset(e.x, e.y, 0, 0, e.modifiers, false, false);
      this.emitPosition(me);
    } else if (x !== e.x || y !== e.y) {
      this.$v[MA.mouseX] = e.x;
      this.$v[MA.mouseY] = e.y;
      this.lastModifiers = e.modifiers;
      const me = this.mouse;
      me.reset(e.x, e.y, 0, 0, e.modifiers, false, false);
      this.emitPosition(me);
      this.$emit(MA.positionChanged, [me]);
    }
  }

  override wheelEvent(e: PointerEventLike): void {
    if (!this.areaEnabled) {
      e.accepted = false;
      return;
    }
    this.wheelEventObject ??= new QuickWheelEvent();
    const we = this.wheelEventObject.reset(e, this.isConnected(MA.wheel));
    this.$emit(MA.wheel, [we]);
    e.accepted = we.accepted;
  }

  /** The grab was taken away (a Flickable stole the drag) or the gesture was cancelled (QQuickMouseArea::mouseUngrabEvent). */
  override pointerUngrab(): void {
    if (this.pressedMask === 0) return;
    this.setPressedMask(0);
    this.stealMouse = false;
    this.doubleClick = false;
    this.overThreshold = false;
    this.keepMouseGrab = false;
    this.dragGroup?.setActive(false);
    this.stopHoldTimer();
    this.$emit(MA.canceled, undefined);
    this.$emit(MA.pressedChanged, undefined);
    this.$emit(MA.containsPressChanged, undefined);
    this.$emit(MA.pressedButtonsChanged, undefined);
    if (this.hovered && !(this.window?.isUnderPointer(this) ?? false)) {
      // Qt: containsMouse drops without an exited() signal.
      this.hovered = false;
      this.$v[MA.containsMouse] = false;
      this.$emit(MA.containsMouseChanged, undefined);
    }
  }

  // ---- press and hold ---------------------------------------------------------------------

  private startHoldTimer(): void {
    this.stopHoldTimer();
    const engine = this.$engine;
    if (!engine) return;
    this.holdTimer = engine.setTimer(() => {
      this.holdTimer = null;
      this.pressAndHoldTimeout();
    }, this.$v[MA.pressAndHoldInterval] as number);
  }

  private stopHoldTimer(): void {
    if (this.holdTimer !== null) this.$engine?.clearTimer(this.holdTimer);
    this.holdTimer = null;
  }

  private pressAndHoldTimeout(): void {
    if (this.$destroyed || this.pressedMask === 0 || this.dragged || !this.hovered) return;
    this.longPress = true;
    const me = this.resetMouse(false, true);
    me.source = MOUSE_EVENT_SYNTHESIZED_BY_QT;
    me.accepted = this.isConnected(MA.pressAndHold);
    this.$emit(MA.pressAndHold, [me]);
    if (!me.accepted) this.propagate(me, Propagate.PressAndHold);
    // Nobody handled the long press: the release may still click.
    if (!me.accepted) this.longPress = false;
  }

  // ---- drag ---------------------------------------------------------------------------------

  /**
   * Moves `drag.target` with the pointer (QQuickMouseArea::mouseMoveEvent): once
   * the pointer moved past the threshold the area keeps the grab, and from the
   * next move on the drag is active and the target follows, within its bounds.
   */
  private dragTarget(drag: Drag, target: Item, e: PointerEventLike): void {
    const parent = target.parentItem;
    const origin = parent ? parent.scenePosition() : { x: 0, y: 0 };
    if (!this.moved) {
      this.targetStartX = origin.x + (target.$v[ITEM.x] as number);
      this.targetStartY = origin.y + (target.$v[ITEM.y] as number);
    }
    const startLocalX = this.startSceneX - origin.x;
    const startLocalY = this.startSceneY - origin.y;
    const curLocalX = e.sceneX - origin.x;
    const curLocalY = e.sceneY - origin.y;
    if (this.keepMouseGrab && this.stealMouse && this.overThreshold && !(drag.$v[DRAG.active] as boolean))
      drag.setActive(true);
    const startX = this.targetStartX - origin.x;
    const startY = this.targetStartY - origin.y;
    const axis = drag.$v[DRAG.axis] as number;
    const targetX = target.$v[ITEM.x] as number;
    const targetY = target.$v[ITEM.y] as number;
    let dragX = targetX;
    let dragY = targetY;
    let boundedX = targetX;
    let boundedY = targetY;
    if (axis & X_AXIS) {
      dragX = startX + curLocalX - startLocalX;
      boundedX = Math.min(
        Math.max(dragX, drag.$v[DRAG.minimumX] as number),
        drag.$v[DRAG.maximumX] as number,
      );
    }
    if (axis & Y_AXIS) {
      dragY = startY + curLocalY - startLocalY;
      boundedY = Math.min(
        Math.max(dragY, drag.$v[DRAG.minimumY] as number),
        drag.$v[DRAG.maximumY] as number,
      );
    }
    if (drag.$v[DRAG.active] as boolean) {
      target.setX(boundedX);
      target.setY(boundedY);
      // The area may have moved with its target: the pointer's position in it changed.
      const p = this.mapFromScenePoint(e.sceneX, e.sceneY);
      this.$v[MA.mouseX] = p.x;
      this.$v[MA.mouseY] = p.y;
    }
    const threshold = drag.$v[DRAG.threshold] as number;
    const overX = Math.abs(dragX - startX) > threshold;
    const overY = Math.abs(dragY - startY) > threshold;
    if (!this.overThreshold && ((targetX !== boundedX && overX) || (targetY !== boundedY && overY))) {
      this.overThreshold = true;
      if (drag.$v[DRAG.smoothed] as boolean) {
        this.startSceneX = e.sceneX;
        this.startSceneY = e.sceneY;
      }
    }
    if (!this.keepMouseGrab && this.overThreshold) {
      this.keepMouseGrab = true;
      this.stealMouse = true;
    }
    this.moved = true;
  }

  // ---- propagateComposedEvents ---------------------------------------------------------------

  /** Offers an unaccepted click, double click or press-and-hold to the MouseAreas under the point (QQuickMouseAreaPrivate::propagate). */
  private propagate(me: QuickMouseEvent, type: Propagate): void {
    const w = this.window;
    if (w === null || !(this.$v[MA.propagateComposedEvents] as boolean)) return;
    const p = this.mapToScenePoint(me.x, me.y);
    this.propagateHelper(me, w.contentItem, p.x, p.y, type);
  }

  private propagateHelper(me: QuickMouseEvent, item: Item, sx: number, sy: number, type: Propagate): boolean {
    const p = item.mapFromScenePoint(sx, sy);
    if ((item.$v[ITEM.clip] as boolean) && !item.contains(p.x, p.y)) return false;
    const kids = item.paintOrderChildren;
    for (let i = kids.length - 1; i >= 0; i--) {
      const c = kids[i]!;
      if (!c.effectiveVisible || !(c.$v[ITEM.enabled] as boolean)) continue;
      if (this.propagateHelper(me, c, sx, sy, type)) return true;
    }
    if (!(item instanceof MouseArea) || item === this || !item.areaEnabled) return false;
    if (!(item.acceptedMouseButtons & me.button)) return false;
    const sig =
      type === Propagate.Click
        ? MA.clicked
        : type === Propagate.DoubleClick
          ? MA.doubleClicked
          : MA.pressAndHold;
    if (!item.isConnected(sig)) return false;
    if (!item.contains(p.x, p.y)) return false;
    me.x = p.x;
    me.y = p.y;
    // Connected handlers must refuse explicitly to let the event go further.
    me.accepted = true;
    item.$emit(sig, [me]);
    return me.accepted;
  }

  override $teardown(): void {
    this.stopHoldTimer();
    super.$teardown();
  }
}

const LEFT_BUTTON = 1;
const X_AXIS = 1;
const Y_AXIS = 2;
const MOUSE_EVENT_SYNTHESIZED_BY_QT = 2;

const mouseParam = { params: [{ name: 'mouse', type: 'QQuickMouseEvent' }] };

export const MouseAreaMeta: MetaObject = defineType(MouseArea, ItemMeta, {
  name: 'MouseArea',
  cppClass: 'QQuickMouseArea',
  properties: {
    mouseX: { type: 'real', readonly: true, notify: 'mouseXChanged' },
    mouseY: { type: 'real', readonly: true, notify: 'mouseYChanged' },
    containsMouse: { type: 'bool', readonly: true, notify: 'hoveredChanged' },
    pressed: { type: 'bool', readonly: true },
    // Qt: MouseArea.enabled only affects this area's mouse handling; it is not Item.enabled.
    enabled: { type: 'bool', default: true },
    scrollGestureEnabled: { type: 'bool', default: true },
    pressedButtons: { type: 'int', readonly: true },
    acceptedButtons: {
      type: 'int',
      default: LEFT_BUTTON,
      changed: (o) => {
        const ma = o as MouseArea;
        ma.acceptedMouseButtons = ma.$v[MA.acceptedButtons] as number;
      },
    },
    hoverEnabled: {
      type: 'bool',
      changed: (o) => {
        const ma = o as MouseArea;
        ma.acceptHover = ma.$v[MA.hoverEnabled] as boolean;
      },
    },
    preventStealing: { type: 'bool' },
    propagateComposedEvents: { type: 'bool' },
    // Qt: QStyleHints::mousePressAndHoldInterval.
    pressAndHoldInterval: { type: 'int', default: 800 },
    containsPress: { type: 'bool', readonly: true },
    cursorShape: {
      type: 'enumeration',
      changed: (o) => {
        const ma = o as MouseArea;
        ma.itemCursor = ma.$v[MA.cursorShape] as number;
      },
    },
    drag: {
      type: 'QQuickDrag',
      // (a CONSTANT pointer property in Qt: assigning it is refused)
      readonly: true,
      group: { meta: () => DragMeta, create: (owner) => new Drag(owner as MouseArea) },
    },
  },
  signals: {
    hoveredChanged: {},
    mouseXChanged: mouseParam,
    mouseYChanged: mouseParam,
    positionChanged: mouseParam,
    pressed: mouseParam,
    pressAndHold: mouseParam,
    released: mouseParam,
    clicked: mouseParam,
    doubleClicked: mouseParam,
    wheel: { params: [{ name: 'wheel', type: 'QQuickWheelEvent' }] },
    entered: {},
    exited: {},
    canceled: {},
  },
});

const sig = (name: string) => MouseAreaMeta.signalsByName.get(name)!.index;

const MA = {
  mouseX: MouseAreaMeta.index('mouseX'),
  mouseY: MouseAreaMeta.index('mouseY'),
  containsMouse: MouseAreaMeta.index('containsMouse'),
  pressed: MouseAreaMeta.index('pressed'),
  enabled: MouseAreaMeta.index('enabled'),
  pressedButtons: MouseAreaMeta.index('pressedButtons'),
  acceptedButtons: MouseAreaMeta.index('acceptedButtons'),
  hoverEnabled: MouseAreaMeta.index('hoverEnabled'),
  preventStealing: MouseAreaMeta.index('preventStealing'),
  propagateComposedEvents: MouseAreaMeta.index('propagateComposedEvents'),
  pressAndHoldInterval: MouseAreaMeta.index('pressAndHoldInterval'),
  containsPress: MouseAreaMeta.index('containsPress'),
  cursorShape: MouseAreaMeta.index('cursorShape'),
  drag: MouseAreaMeta.index('drag'),
  mouseXChanged: sig('mouseXChanged'),
  mouseYChanged: sig('mouseYChanged'),
  containsMouseChanged: sig('hoveredChanged'),
  pressedChanged: sig('pressedChanged'),
  pressedButtonsChanged: sig('pressedButtonsChanged'),
  containsPressChanged: sig('containsPressChanged'),
  positionChanged: sig('positionChanged'),
  pressedSignal: sig('pressed'),
  pressAndHold: sig('pressAndHold'),
  released: sig('released'),
  clicked: sig('clicked'),
  doubleClicked: sig('doubleClicked'),
  wheel: sig('wheel'),
  entered: sig('entered'),
  exited: sig('exited'),
  canceled: sig('canceled'),
};
