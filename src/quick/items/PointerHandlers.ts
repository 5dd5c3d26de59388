// Pointer handlers (QQuickPointerHandler): TapHandler, HoverHandler,
// PointHandler and DragHandler, declared inside an item and given the pointer events that
// reach it before the item itself (QuickWindow delivers them). One pointer
// (the mouse); `timeHeld` is not updated.
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';
import { QPoint, QVector2D } from '../../engine/valuetypes';
import { START_DRAG_DISTANCE } from './Flickable';
import { ITEM, type Item, type PointerEventLike, type PointerHandlerLike } from './Item';
import { QuickWheelEvent } from './MouseArea';

/** QPointingDevice::GrabTransition */
enum GrabTransition {
  GrabPassive = 0x01,
  UngrabPassive = 0x02,
  CancelGrabPassive = 0x03,
  GrabExclusive = 0x10,
  UngrabExclusive = 0x20,
  CancelGrabExclusive = 0x30,
}

/** QQuickTapHandler::GesturePolicy */
enum GesturePolicy {
  DragThreshold = 0,
  WithinBounds = 1,
  ReleaseWithinBounds = 2,
  DragWithinBounds = 3,
}

/** QStyleHints' double click interval and distance, as the window uses them. */
const DOUBLE_CLICK_INTERVAL = 400;
const DOUBLE_CLICK_DISTANCE = 5;

/** What QML reads of an event point (QQuickHandlerPoint, and the eventPoint of a signal). */
export class HandlerPoint {
  constructor(
    readonly id: number,
    readonly position: QPoint,
    readonly scenePosition: QPoint,
    readonly pressPosition: QPoint,
    readonly scenePressPosition: QPoint,
    readonly pressedButtons: number,
    readonly modifiers: number,
  ) {}
  get uniqueId(): { numericId: number } {
    return { numericId: -1 };
  }
  get sceneGrabPosition(): QPoint {
    return this.scenePressPosition;
  }
  get velocity(): { x: number; y: number } {
    return { x: 0, y: 0 };
  }
  toString(): string {
    return 'QQuickHandlerPoint';
  }
}

const NO_POINT = new HandlerPoint(
  -1,
  new QPoint(0, 0),
  new QPoint(0, 0),
  new QPoint(0, 0),
  new QPoint(0, 0),
  0,
  0,
);

/** QQuickPointerHandler / QQuickSinglePointHandler: the point followed, the grab, `active`, `enabled`. */
export abstract class PointerHandler extends QObject implements PointerHandlerLike {
  declare enabled: boolean;
  declare active: boolean;
  declare margin: number;
  declare acceptedButtons: number;
  declare dragThreshold: number;
  /** The press's scene position while a point is followed, and its position in the parent item then. */
  protected pressScene: QPoint | null = null;
  private pressLocal: QPoint | null = null;

  get parentItem(): Item | null {
    return this.$v[PH.parent] as Item | null;
  }

  /** Set once `target` is written, even to null (Qt's m_targetExplicitlySet): no item to move then. */
  targetExplicit = false;

  /** Declared in `item` (QQuickItemPrivate::addPointerHandler): its parent. */
  attach(item: Item): void {
    this.$store(PH.parent, item);
    // (the target is the parent unless one was given)
    if (!this.targetExplicit) this.$store(PH.target, item);
  }

  /** QQuickPointerHandler::parentContains: the point inside the parent item, within `margin`. */
  protected parentContains(x: number, y: number): boolean {
    const p = this.parentItem;
    if (p === null) return false;
    const m = this.$v[PH.margin] as number;
    const w = p.$v[ITEM.width] as number;
    const h = p.$v[ITEM.height] as number;
    return x >= -m && y >= -m && x <= w + m && y <= h + m;
  }

  wants(x: number, y: number): boolean {
    return (this.$v[PH.enabled] as boolean) && this.parentContains(x, y);
  }

  /**
   * A press a single-point handler may take: of an accepted button, inside
   * the parent, and not held exclusively already (QQuickSinglePointHandler::wantsPointerEvent).
   */
  protected takesPress(e: PointerEventLike, grabbed: boolean): boolean {
    return (
      !grabbed && ((this.$v[PH.acceptedButtons] as number) & e.button) !== 0 && this.parentContains(e.x, e.y)
    );
  }

  protected get threshold(): number {
    return this.$v[PH.dragThreshold] as number;
  }

  /** The point QML reads (`point`) from an event in the parent's coordinates. */
  protected setPoint(e: PointerEventLike, buttons: number, announce = true): void {
    const press = this.pressScene ?? new QPoint(e.sceneX, e.sceneY);
    // (the press position is where the press was in the parent then, even if the parent moved since)
    if (e.type === 'press' || this.pressLocal === null) this.pressLocal = new QPoint(e.x, e.y);
    this.$v[PH.point] = new HandlerPoint(
      0,
      new QPoint(e.x, e.y),
      new QPoint(e.sceneX, e.sceneY),
      this.pressLocal,
      press,
      buttons,
      e.modifiers,
    );
    if (announce) this.$emit(PH.pointChanged, undefined);
  }

  protected resetPoint(): void {
    this.pressScene = null;
    this.$v[PH.point] = NO_POINT;
    this.$emit(PH.pointChanged, undefined);
  }

  protected setActive(active: boolean): void {
    if (this.$v[PH.active] === active) return;
    this.$v[PH.active] = active;
    this.$emit(PH.activeChanged, undefined);
  }

  protected emitGrab(transition: GrabTransition): void {
    this.$emit(PH.grabChanged, [transition, this.$v[PH.point]]);
  }

  abstract handlePointer(
    e: PointerEventLike,
    grab: 'exclusive' | 'passive' | null,
  ): 'exclusive' | 'passive' | null;

  handleHover(_e: PointerEventLike, _hovering: boolean): boolean {
    return false;
  }

  handleWheel(_e: PointerEventLike): 'blocking' | 'passing' | null {
    return null;
  }

  abstract ungrab(passive: boolean, canceled: boolean): void;
}

/**
 * TapHandler (QQuickTapHandler, Qt 6.4): a press and release within the
 * gesture policy's bounds is a tap; taps within the double click interval
 * and distance count up (`tapCount`, doubleTapped); a press held for
 * `longPressThreshold` seconds is a long press instead. DragThreshold takes
 * a passive grab (the handlers of the items below still get the press, the
 * items do not) and gives the tap up past the drag threshold; the other
 * policies take the exclusive grab.
 */
export class TapHandler extends PointerHandler {
  declare pressed: boolean;
  declare tapCount: number;
  declare timeHeld: number;
  declare longPressThreshold: number;
  declare gesturePolicy: number;
  private pressTime = 0;
  private longPressTimer: unknown = null;
  private lastTapTime = Number.NEGATIVE_INFINITY;
  private lastTapX = 0;
  private lastTapY = 0;
  private lastTapButton = 0;
  private pressedButton = 0;

  private get policy(): number {
    return this.$v[TAP.gesturePolicy] as number;
  }

  handlePointer(
    e: PointerEventLike,
    grab: 'exclusive' | 'passive' | null,
    grabbed = false,
  ): 'exclusive' | 'passive' | null {
    if (!(this.$v[PH.enabled] as boolean) || this.parentItem === null) return null;
    if (e.type === 'press') {
      if (this.$v[TAP.pressed] as boolean) return grab;
      if (!this.takesPress(e, grabbed)) return null;
      this.pressScene = new QPoint(e.sceneX, e.sceneY);
      this.pressedButton = e.button;
      this.setPoint(e, e.buttons);
      this.setPressed(true, false, e);
      return this.policy === GesturePolicy.DragThreshold ? 'passive' : 'exclusive';
    }
    if (!(this.$v[TAP.pressed] as boolean) || e.type === 'doubleclick') return grab;
    const press = this.pressScene!;
    const over =
      Math.abs(e.sceneX - press.x) > this.threshold || Math.abs(e.sceneY - press.y) > this.threshold;
    if (over && this.policy !== GesturePolicy.DragWithinBounds) this.stopLongPress();
    // QQuickTapHandler::wantsEventPoint
    let wants: boolean;
    if (e.type === 'release') wants = this.parentContains(e.x, e.y);
    else if (this.policy === GesturePolicy.DragThreshold) wants = !over && this.parentContains(e.x, e.y);
    else if (this.policy === GesturePolicy.ReleaseWithinBounds) wants = true;
    else wants = this.parentContains(e.x, e.y);
    if (!wants) {
      this.setPressed(false, true, e);
      return grab === 'passive' ? 'passive' : null;
    }
    this.setPoint(e, e.buttons);
    if (e.type === 'release' && (e.buttons & (this.$v[PH.acceptedButtons] as number)) === 0)
      this.setPressed(false, false, e);
    return (this.$v[TAP.pressed] as boolean) ? grab : grab === 'passive' ? 'passive' : null;
  }

  ungrab(passive: boolean, canceled: boolean): void {
    if (passive) {
      this.emitGrab(canceled ? GrabTransition.CancelGrabPassive : GrabTransition.UngrabPassive);
      return;
    }
    // (another took the exclusive grab: the tap is canceled)
    if (this.$v[TAP.pressed] as boolean) this.setPressed(false, true, null);
  }

  /** QQuickTapHandler::setPressed. */
  private setPressed(press: boolean, cancel: boolean, e: PointerEventLike | null): void {
    if ((this.$v[TAP.pressed] as boolean) === press) return;
    this.$v[TAP.pressed] = press;
    const exclusive = this.policy !== GesturePolicy.DragThreshold;
    if (press) {
      this.pressTime = e?.timestamp ?? 0;
      this.startLongPress();
      // on press, grab before the changed signals
      if (exclusive) {
        this.setActive(true);
        this.emitGrab(GrabTransition.GrabExclusive);
      } else this.emitGrab(GrabTransition.GrabPassive);
    } else this.stopLongPress();
    if (!cancel && !press && e !== null && this.parentContains(e.x, e.y)) {
      const held = (e.timestamp - this.pressTime) / 1000;
      if (held < (this.$v[TAP.longPressThreshold] as number)) this.tap(e);
    }
    this.$emit(TAP.pressedChanged, undefined);
    if (!press && exclusive) {
      // on release, ungrab after the changed signals
      this.setActive(false);
      this.emitGrab(GrabTransition.UngrabExclusive);
      if (cancel) this.resetPoint();
    }
    if (cancel) this.$emit(PH.canceled, [this.$v[PH.point]]);
  }

  private tap(e: PointerEventLike): void {
    const button = this.pressedButton;
    const interval = e.timestamp - this.lastTapTime;
    const dx = e.sceneX - this.lastTapX;
    const dy = e.sceneY - this.lastTapY;
    let count = this.$v[TAP.tapCount] as number;
    if (
      interval < DOUBLE_CLICK_INTERVAL &&
      dx * dx + dy * dy < DOUBLE_CLICK_DISTANCE * DOUBLE_CLICK_DISTANCE &&
      this.lastTapButton === button
    )
      count++;
    else {
      this.lastTapButton = button;
      count = 1;
    }
    this.$v[TAP.tapCount] = count;
    const point = this.$v[PH.point];
    this.$emit(TAP.tapped, [point, button]);
    this.$emit(TAP.tapCountChanged, undefined);
    if (count === 1) this.$emit(TAP.singleTapped, [point, button]);
    else if (count === 2) this.$emit(TAP.doubleTapped, [point, button]);
    this.lastTapTime = e.timestamp;
    this.lastTapX = e.sceneX;
    this.lastTapY = e.sceneY;
  }

  private startLongPress(): void {
    this.stopLongPress();
    const engine = this.$engine;
    if (engine === null) return;
    this.longPressTimer = engine.setTimer(
      () => {
        this.longPressTimer = null;
        if (this.$v[TAP.pressed] as boolean) this.$emit(TAP.longPressed, undefined);
      },
      Math.round((this.$v[TAP.longPressThreshold] as number) * 1000),
    );
  }

  private stopLongPress(): void {
    if (this.longPressTimer !== null) this.$engine?.clearTimer(this.longPressTimer as never);
    this.longPressTimer = null;
  }
}

/**
 * HoverHandler (QQuickHoverHandler): `hovered` while the pointer is over its
 * parent item (within `margin`), and the point's position; it takes no
 * grab and blocks nothing.
 */
export class HoverHandler extends PointerHandler {
  declare hovered: boolean;

  handlePointer(_e: PointerEventLike, grab: 'exclusive' | 'passive' | null): 'exclusive' | 'passive' | null {
    return grab;
  }

  override handleHover(e: PointerEventLike, hovering: boolean): boolean {
    if (!(this.$v[PH.enabled] as boolean)) return false;
    const inside = hovering && this.parentContains(e.x, e.y);
    // (the point is taken before hoveredChanged and announced after it; leaving keeps the last one)
    if (inside) this.setPoint(e, 0, false);
    if ((this.$v[HOVER.hovered] as boolean) !== inside) {
      this.$v[HOVER.hovered] = inside;
      this.$emit(HOVER.hoveredChanged, undefined);
    }
    if (inside) this.$emit(PH.pointChanged, undefined);
    return inside;
  }

  ungrab(): void {}
}

export const PointerHandlerMeta: MetaObject = defineType(
  PointerHandler as unknown as abstract new () => QObject,
  QtObjectMeta,
  {
    name: 'PointerHandler',
    cppClass: 'QQuickPointerHandler',
    creatable: false,
    properties: {
      enabled: { type: 'bool', default: true },
      active: { type: 'bool', readonly: true },
      target: {
        type: 'Item',
        write: (o, v) => {
          (o as PointerHandler).targetExplicit = true;
          o.$store(PH.target, v);
        },
      },
      parent: { type: 'Item' },
      margin: { type: 'real' },
      // (QStyleHints::startDragDistance until set)
      dragThreshold: { type: 'int', default: START_DRAG_DISTANCE },
      grabPermissions: { type: 'int', default: 0x1 | 0x4 | 0xf0 },
      cursorShape: { type: 'enumeration' },
      acceptedButtons: { type: 'int', default: 1 },
      acceptedDevices: { type: 'int', default: 0xffff },
      acceptedModifiers: { type: 'int', default: 0xffffffff },
      acceptedPointerTypes: { type: 'int', default: 0xffff },
      point: { type: 'var', readonly: true, default: NO_POINT },
    },
    signals: {
      grabChanged: { params: [{ name: 'transition' }, { name: 'point' }] },
      canceled: { params: [{ name: 'point' }] },
    },
  },
);

export const TapHandlerMeta: MetaObject = defineType(TapHandler, PointerHandlerMeta, {
  name: 'TapHandler',
  cppClass: 'QQuickTapHandler',
  properties: {
    pressed: { type: 'bool', readonly: true },
    tapCount: { type: 'int', readonly: true },
    timeHeld: { type: 'real', readonly: true, default: -1 },
    longPressThreshold: { type: 'real', default: 0.8 },
    gesturePolicy: { type: 'enumeration' },
  },
  signals: {
    tapped: { params: [{ name: 'eventPoint' }, { name: 'button' }] },
    singleTapped: { params: [{ name: 'eventPoint' }, { name: 'button' }] },
    doubleTapped: { params: [{ name: 'eventPoint' }, { name: 'button' }] },
    longPressed: {},
  },
  enums: {
    DragThreshold: GesturePolicy.DragThreshold,
    WithinBounds: GesturePolicy.WithinBounds,
    ReleaseWithinBounds: GesturePolicy.ReleaseWithinBounds,
    DragWithinBounds: GesturePolicy.DragWithinBounds,
  },
});

export const HoverHandlerMeta: MetaObject = defineType(HoverHandler, PointerHandlerMeta, {
  name: 'HoverHandler',
  cppClass: 'QQuickHoverHandler',
  properties: { hovered: { type: 'bool', readonly: true } },
});

/**
 * WheelHandler (QQuickWheelHandler, Qt 6.4): a wheel turned over its parent
 * along its orientation makes it active until `activeTimeout` passes with no
 * other, adds the angle (in degrees) to `rotation`, and emits `wheel` before
 * it changes the target's `property`: `scale` multiplied by
 * targetScaleMultiplier per notch, `rotation` turned, any other number
 * moved by the angle (or the pixels a device gives) times rotationScale.
 * A blocking handler takes the wheel from the items and handlers below.
 */
export class WheelHandler extends PointerHandler {
  declare rotation: number;
  private eventObject: QuickWheelEvent | null = null;
  private deactivation = 0;

  handlePointer(_e: PointerEventLike, grab: 'exclusive' | 'passive' | null): 'exclusive' | 'passive' | null {
    return grab;
  }

  ungrab(): void {}

  /** QQuickWheelHandler::wantsPointerEvent and handleEventPoint: null when not taken, else whether it blocks. */
  override handleWheel(e: PointerEventLike): 'blocking' | 'passing' | null {
    if (!(this.$v[PH.enabled] as boolean) || this.parentItem === null) return null;
    const horizontal = (this.$v[WHEEL.orientation] as number) === HORIZONTAL;
    const angle = horizontal ? e.angleDeltaX : e.angleDeltaY;
    const pixels = horizontal ? e.pixelDeltaX : e.pixelDeltaY;
    if ((angle === 0 && pixels === 0) || !this.parentContains(e.x, e.y)) return null;
    this.setPoint(e, e.buttons);
    this.setActive(true);
    const degrees = angle / 8;
    this.$store(WHEEL.rotation, (this.$v[WHEEL.rotation] as number) + degrees);
    this.eventObject ??= new QuickWheelEvent();
    this.$emit(WHEEL.wheel, [this.eventObject.reset(e, true)]);
    this.changeTarget(degrees, pixels);
    // (no scroll phases here: inactive once activeTimeout passes without another notch)
    const generation = ++this.deactivation;
    this.$engine?.setTimer(
      () => {
        if (generation === this.deactivation) this.setActive(false);
      },
      Math.round((this.$v[WHEEL.activeTimeout] as number) * 1000),
    );
    return (this.$v[WHEEL.blocking] as boolean) ? 'blocking' : 'passing';
  }

  private changeTarget(degrees: number, pixels: number): void {
    const name = this.$v[WHEEL.property] as string;
    const target = this.$v[PH.target] as Item | null;
    if (name === '' || target === null) return;
    const scale = this.$v[WHEEL.rotationScale] as number;
    const t = target as unknown as Record<string, unknown>;
    if (name === 'scale') {
      const notches = (degrees * scale) / 15;
      t.scale =
        (target.$v[ITEM.scale] as number) * (this.$v[WHEEL.targetScaleMultiplier] as number) ** notches;
    } else if (name === 'rotation') {
      t.rotation = (target.$v[ITEM.rotation] as number) + degrees * scale;
    } else {
      const value = t[name];
      if (typeof value !== 'number') return;
      t[name] = value + (pixels !== 0 ? scale * pixels : degrees * scale);
    }
  }
}

export const WheelHandlerMeta: MetaObject = defineType(WheelHandler, PointerHandlerMeta, {
  name: 'WheelHandler',
  cppClass: 'QQuickWheelHandler',
  properties: {
    orientation: { type: 'enumeration', default: 2 },
    invertible: { type: 'bool', default: true },
    activeTimeout: { type: 'real', default: 0.1 },
    rotation: { type: 'real' },
    rotationScale: { type: 'real', default: 1 },
    property: { type: 'string' },
    // (2^(1/3): three notches double the scale)
    targetScaleMultiplier: { type: 'real', default: 2 ** (1 / 3) },
    targetTransformAroundCursor: { type: 'bool', default: true },
    blocking: { type: 'bool', default: true },
  },
  signals: { wheel: { params: [{ name: 'event', type: 'QQuickWheelEvent' }] } },
});
const HORIZONTAL = 1;
const WHEEL = {
  orientation: WheelHandlerMeta.index('orientation'),
  activeTimeout: WheelHandlerMeta.index('activeTimeout'),
  rotation: WheelHandlerMeta.index('rotation'),
  rotationScale: WheelHandlerMeta.index('rotationScale'),
  property: WheelHandlerMeta.index('property'),
  targetScaleMultiplier: WheelHandlerMeta.index('targetScaleMultiplier'),
  blocking: WheelHandlerMeta.index('blocking'),
  wheel: WheelHandlerMeta.signalsByName.get('wheel')!.index,
};

/**
 * PointHandler (QQuickPointHandler, Qt 6.4): active while a press of an
 * accepted button made inside its parent is held, wherever the pointer goes
 * meanwhile; `point` follows it and `translation` is its distance from the
 * press. It takes a passive grab only, so it blocks nothing.
 */
export class PointHandler extends PointerHandler {
  declare translation: QVector2D;

  handlePointer(
    e: PointerEventLike,
    grab: 'exclusive' | 'passive' | null,
    grabbed = false,
  ): 'exclusive' | 'passive' | null {
    if (!(this.$v[PH.enabled] as boolean) || this.parentItem === null) return null;
    if (e.type === 'press') {
      if (grab !== null) return grab;
      if (!this.takesPress(e, grabbed)) return null;
      this.pressScene = new QPoint(e.sceneX, e.sceneY);
      // (the point is taken first, announced after activeChanged)
      this.setPoint(e, e.buttons, false);
      this.emitGrab(GrabTransition.GrabPassive);
      this.setActive(true);
      this.followed();
      return 'passive';
    }
    if (this.pressScene === null || e.type === 'doubleclick') return grab;
    this.setPoint(e, e.buttons, false);
    if (e.type === 'release' && (e.buttons & (this.$v[PH.acceptedButtons] as number)) === 0) {
      this.pressScene = null;
      this.setActive(false);
    }
    this.followed();
    return grab;
  }

  /** The point moved: translation, then pointChanged. */
  private followed(): void {
    const p = this.$v[PH.point] as HandlerPoint;
    const t = this.$v[POINT.translation] as QVector2D;
    const x = p.position.x - p.pressPosition.x;
    const y = p.position.y - p.pressPosition.y;
    if (t.x !== x || t.y !== y) this.$store(POINT.translation, new QVector2D(x, y));
    this.$emit(PH.pointChanged, undefined);
  }

  ungrab(passive: boolean, canceled: boolean): void {
    if (!passive) return;
    this.emitGrab(canceled ? GrabTransition.CancelGrabPassive : GrabTransition.UngrabPassive);
    this.pressScene = null;
    this.setActive(false);
  }
}

/** QQuickDragHandler::SnapMode */
enum SnapMode {
  NoSnap = 0,
  SnapAuto = 1,
  SnapIfPressedOutsideTarget = 2,
  SnapAlways = 3,
}

/** DragHandler's xAxis and yAxis (QQuickDragAxis): whether it drags along the axis, and the target's bounds there. */
export class DragAxis extends QObject {
  declare minimum: number;
  declare maximum: number;
  declare enabled: boolean;
}

/**
 * DragHandler (QQuickDragHandler, Qt 6.4, for the mouse): a passive grab on
 * the press, the exclusive one (canceling the item that had it) once the
 * pointer is past the drag threshold along an enabled axis; then the target
 * follows the pointer within the axes' bounds, snapping its centre to a
 * press made outside it, and `translation` follows the pointer one event
 * behind, as in Qt.
 */
export class DragHandler extends PointerHandler {
  declare translation: QVector2D;
  /** Where in the target the press was (QQuickDragHandler::m_pressTargetPos). */
  private pressTarget = { x: 0, y: 0 };

  private get dragTarget(): Item | null {
    return this.$v[PH.target] as Item | null;
  }

  private axis(index: number): DragAxis {
    return (this as unknown as Record<string, DragAxis>)[index === DRAG.xAxis ? 'xAxis' : 'yAxis']!;
  }

  handlePointer(
    e: PointerEventLike,
    grab: 'exclusive' | 'passive' | null,
    _grabbed = false,
  ): 'exclusive' | 'passive' | null {
    if (!(this.$v[PH.enabled] as boolean) || this.parentItem === null) return null;
    if (e.type === 'press') {
      if (grab !== null || ((this.$v[PH.acceptedButtons] as number) & e.button) === 0) return grab;
      if (!this.parentContains(e.x, e.y)) return null;
      this.pressScene = new QPoint(e.sceneX, e.sceneY);
      this.setPoint(e, e.buttons);
      this.pressedAt(e);
      this.emitGrab(GrabTransition.GrabPassive);
      return 'passive';
    }
    if (this.pressScene === null || e.type === 'doubleclick') return grab;
    const press = this.pressScene;
    const wasActive = this.$v[PH.active] as boolean;
    this.setPoint(e, e.buttons);
    if (e.type === 'release') {
      if (wasActive) {
        this.setActive(false);
        this.emitGrab(GrabTransition.UngrabExclusive);
        this.$emit(PH.canceled, [this.$v[PH.point]]);
        this.emitGrab(GrabTransition.CancelGrabExclusive);
      }
      this.pressScene = null;
      return grab === 'passive' ? 'passive' : null;
    }
    const x = this.axis(DRAG.xAxis).enabled;
    const y = this.axis(DRAG.yAxis).enabled;
    if (wasActive) {
      this.setTranslation(x ? e.sceneX - press.x : 0, y ? e.sceneY - press.y : 0);
    } else if (
      (x && Math.abs(e.sceneX - press.x) > this.threshold) ||
      (y && Math.abs(e.sceneY - press.y) > this.threshold)
    ) {
      this.parentItem.window?.grabExclusive(this);
      this.emitGrab(GrabTransition.GrabExclusive);
      this.setActive(true);
      // (a new drag starts from no translation, unannounced: measured, drag_translation)
      this.$v[DRAG.translation] = new QVector2D(0, 0);
    }
    if (this.$v[PH.active] as boolean) this.moveTarget(e);
    return (this.$v[PH.active] as boolean) ? 'exclusive' : grab;
  }

  /** The press: where it is in the target, or the target's centre when it snaps there. */
  private pressedAt(e: PointerEventLike): void {
    const t = this.dragTarget;
    if (t === null) return;
    const p = t.mapFromScenePoint(e.sceneX, e.sceneY);
    const inside = t.contains(p.x, p.y);
    const mode = this.$v[DRAG.snapMode] as number;
    let descendant = false;
    for (let i: Item | null = t.parentItem; i !== null; i = i.parentItem)
      if (i === this.parentItem) descendant = true;
    const snap =
      mode === SnapMode.SnapAlways ||
      (!inside &&
        (mode === SnapMode.SnapIfPressedOutsideTarget || (mode === SnapMode.SnapAuto && descendant)));
    this.pressTarget = snap
      ? { x: (t.$v[ITEM.width] as number) / 2, y: (t.$v[ITEM.height] as number) / 2 }
      : { x: p.x, y: p.y };
  }

  /** The end of an active event: the target's top left under the pointer as pressed, within the axes' bounds. */
  private moveTarget(e: PointerEventLike): void {
    const t = this.dragTarget;
    if (t === null || t.parentItem === null) return;
    const p = t.mapFromScenePoint(e.sceneX, e.sceneY);
    const xa = this.axis(DRAG.xAxis);
    const ya = this.axis(DRAG.yAxis);
    const cx = t.$v[ITEM.x] as number;
    const cy = t.$v[ITEM.y] as number;
    let nx = xa.enabled ? cx + p.x - this.pressTarget.x : cx;
    let ny = ya.enabled ? cy + p.y - this.pressTarget.y : cy;
    nx = Math.min(Math.max(nx, xa.minimum), xa.maximum);
    ny = Math.min(Math.max(ny, ya.minimum), ya.maximum);
    t.x = nx;
    t.y = ny;
  }

  /** QQuickMultiPointHandler's centroid: for one mouse, the point. */
  protected override setPoint(e: PointerEventLike, buttons: number, announce = true): void {
    super.setPoint(e, buttons, announce);
    this.$store(DRAG.centroid, this.$v[PH.point]);
  }

  /**
   * QQuickDragHandler::setActiveTranslation: `translation` and
   * activeTranslation are the drag's, persistentTranslation gains the
   * difference (it sums every drag).
   */
  private setTranslation(x: number, y: number): void {
    const t = this.$v[DRAG.translation] as QVector2D;
    if (t.x === x && t.y === y) return;
    const p = this.$v[DRAG.persistentTranslation] as QVector2D;
    this.$v[DRAG.persistentTranslation] = new QVector2D(p.x + x - t.x, p.y + y - t.y);
    this.$v[DRAG.translation] = new QVector2D(x, y);
    this.$emit(DRAG.translationChanged, undefined);
  }

  ungrab(passive: boolean, canceled: boolean): void {
    if (passive) {
      this.emitGrab(canceled ? GrabTransition.CancelGrabPassive : GrabTransition.UngrabPassive);
      this.pressScene = null;
      return;
    }
    if (this.$v[PH.active] as boolean) {
      this.setActive(false);
      this.emitGrab(GrabTransition.CancelGrabExclusive);
      this.$emit(PH.canceled, [this.$v[PH.point]]);
    }
    this.pressScene = null;
  }
}

export const DragAxisMeta: MetaObject = defineType(DragAxis, QtObjectMeta, {
  name: 'QQuickDragAxis',
  cppClass: 'QQuickDragAxis',
  creatable: false,
  properties: {
    minimum: { type: 'real', default: -Number.MAX_VALUE },
    maximum: { type: 'real', default: Number.MAX_VALUE },
    enabled: { type: 'bool', default: true },
  },
});

const axisGroup = {
  type: 'QQuickDragAxis',
  readonly: true,
  constant: true,
  group: { meta: () => DragAxisMeta, create: () => new DragAxis() },
};

export const DragHandlerMeta: MetaObject = defineType(DragHandler, PointerHandlerMeta, {
  name: 'DragHandler',
  cppClass: 'QQuickDragHandler',
  properties: {
    xAxis: axisGroup,
    yAxis: axisGroup,
    translation: {
      type: 'vector2d',
      readonly: true,
      default: new QVector2D(0, 0),
      notify: 'translationChanged',
    },
    activeTranslation: { type: 'vector2d', readonly: true, notify: 'translationChanged' },
    persistentTranslation: { type: 'vector2d', default: new QVector2D(0, 0), notify: 'translationChanged' },
    snapMode: { type: 'enumeration', default: SnapMode.SnapAuto },
    centroid: { type: 'var', readonly: true, default: NO_POINT },
  },
  signals: { translationChanged: {} },
  enums: {
    NoSnap: SnapMode.NoSnap,
    SnapAuto: SnapMode.SnapAuto,
    SnapIfPressedOutsideTarget: SnapMode.SnapIfPressedOutsideTarget,
    SnapAlways: SnapMode.SnapAlways,
  },
});

const DRAG = {
  xAxis: DragHandlerMeta.index('xAxis'),
  yAxis: DragHandlerMeta.index('yAxis'),
  translation: DragHandlerMeta.index('translation'),
  snapMode: DragHandlerMeta.index('snapMode'),
  centroid: DragHandlerMeta.index('centroid'),
  persistentTranslation: DragHandlerMeta.index('persistentTranslation'),
  translationChanged: DragHandlerMeta.signalsByName.get('translationChanged')!.index,
};
// (activeTranslation is the drag's translation, as Qt reads both)
Object.defineProperty(DragHandler.prototype, 'activeTranslation', {
  configurable: true,
  get(this: DragHandler) {
    return this.translation;
  },
});

export const PointHandlerMeta: MetaObject = defineType(PointHandler, PointerHandlerMeta, {
  name: 'PointHandler',
  cppClass: 'QQuickPointHandler',
  properties: { translation: { type: 'vector2d', readonly: true, default: new QVector2D(0, 0) } },
});

const POINT = { translation: PointHandlerMeta.index('translation') };

const PH = {
  enabled: PointerHandlerMeta.index('enabled'),
  active: PointerHandlerMeta.index('active'),
  parent: PointerHandlerMeta.index('parent'),
  target: PointerHandlerMeta.index('target'),
  margin: PointerHandlerMeta.index('margin'),
  dragThreshold: PointerHandlerMeta.index('dragThreshold'),
  acceptedButtons: PointerHandlerMeta.index('acceptedButtons'),
  point: PointerHandlerMeta.index('point'),
  activeChanged: PointerHandlerMeta.signalsByName.get('activeChanged')!.index,
  pointChanged: PointerHandlerMeta.signalsByName.get('pointChanged')!.index,
  grabChanged: PointerHandlerMeta.signalsByName.get('grabChanged')!.index,
  canceled: PointerHandlerMeta.signalsByName.get('canceled')!.index,
};

const TAP = {
  pressed: TapHandlerMeta.index('pressed'),
  tapCount: TapHandlerMeta.index('tapCount'),
  longPressThreshold: TapHandlerMeta.index('longPressThreshold'),
  gesturePolicy: TapHandlerMeta.index('gesturePolicy'),
  pressedChanged: TapHandlerMeta.signalsByName.get('pressedChanged')!.index,
  tapCountChanged: TapHandlerMeta.signalsByName.get('tapCountChanged')!.index,
  tapped: TapHandlerMeta.signalsByName.get('tapped')!.index,
  singleTapped: TapHandlerMeta.signalsByName.get('singleTapped')!.index,
  doubleTapped: TapHandlerMeta.signalsByName.get('doubleTapped')!.index,
  longPressed: TapHandlerMeta.signalsByName.get('longPressed')!.index,
};

const HOVER = {
  hovered: HoverHandlerMeta.index('hovered'),
  hoveredChanged: HoverHandlerMeta.signalsByName.get('hoveredChanged')!.index,
};
