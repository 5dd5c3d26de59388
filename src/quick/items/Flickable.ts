// Flickable (QQuickFlickable): a content item moved by dragging, flicking
// and the wheel, with Qt 6.4's physics. The content moves through a
// TimeLineValue per axis (`move`, which is -contentX / -contentY); drags set
// it directly, flicks decelerate it on a timeline (at flickDeceleration,
// the stopping point rounded to a whole pixel), a flick past the bounds
// overshoots with 8x the deceleration up to min(150, velocity / 3) px, and
// the fixup returns to the bounds in 400 ms (100 ms InQuad to halfway,
// 300 ms OutExpo). Pointer input arrives through the window's delivery:
// pointerEvent (the Flickable is the target or grabber),
// childPointerEventFilter (stealing a drag from a child once it passes the
// drag threshold) and wheelEvent.
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';
import { qRound } from '../../engine/valuetypes';
import { Change, ITEM, Item, type ItemChangeListener, ItemMeta, type PointerEventLike } from './Item';
import { Easing, TimeLine, TimeLineValue } from './timeline';

// Qt 6.4 qquickflickablebehavior_p.h / qquickflickable.cpp constants.
/** The most a flick can overshoot the bounds (px). */
const FLICK_OVERSHOOT = 150;
/** Velocity samples averaged for a flick. */
const FLICK_SAMPLEBUFFER = 3;
/** Deceleration multiplier while overshooting. */
const FLICK_OVERSHOOTFRICTION = 8;
const FLICK_MULTIFLICK_THRESHOLD = 1250;
const FLICK_MULTIFLICK_RATIO = 10;
const FLICK_MULTIFLICK_MAXBOOST = 3.0;
/** A flick needs at least this velocity (px/s)... */
export const MINIMUM_FLICK_VELOCITY = 75;
/** ...and the pointer must have moved this far since the press (QPlatformTheme::FlickStartDistance). */
const FLICK_THRESHOLD = 15;
/** Keep the grab on a press while the content still moves faster than this (px/s). */
const RETAIN_GRAB_VELOCITY = 100;
/** QStyleHints::startDragDistance. */
export const START_DRAG_DISTANCE = 10;
/** QStyleHints::wheelScrollLines: one wheel notch flicks 3 * 24 px. */
const WHEEL_SCROLL_LINES = 3;
const LEFT_BUTTON = 1;

export enum FixupMode {
  Normal,
  Immediate,
  ExtentChanged,
}

/** Per-axis state (QQuickFlickablePrivate::AxisData). */
export class AxisData {
  readonly move: TimeLineValue;
  viewSize = -1;
  startMargin = 0;
  endMargin = 0;
  origin = 0;
  overshoot = 0;
  pressPos = 0;
  lastPos = 0;
  dragStartOffset = 0;
  dragMinBound = 0;
  dragMaxBound = 0;
  previousDragDelta = 0;
  velocity = 0;
  flickTarget = 0;
  /** QQuickFlickablePrivate's smoothVelocity: the reported velocity, px/s (positive = content moving up/left). */
  smoothVelocity = 0;
  continuousFlickVelocity = 0;
  /** Timeline time of the last velocity measurement. */
  vTime = 0;
  /** Clock time of the last velocity measurement while pressed. */
  velocityTime = 0;
  velocityBuffer: number[] = [];
  atEnd = false;
  atBeginning = true;
  moving = false;
  flicking = false;
  dragging = false;
  extentsChanged = false;
  explicitValue = false;
  minExtentDirty = true;
  maxExtentDirty = true;
  fixingUp = false;
  inOvershoot = false;
  inRebound = false;
  flickingWhenDragBegan = false;

  constructor(apply: (v: number) => void) {
    this.move = new TimeLineValue(apply);
  }

  reset(): void {
    this.velocityBuffer.length = 0;
    this.dragStartOffset = 0;
    this.fixingUp = false;
    this.inOvershoot = false;
  }

  markExtentsDirty(): void {
    this.minExtentDirty = true;
    this.maxExtentDirty = true;
    this.extentsChanged = true;
  }

  addVelocitySample(v: number, maxVelocity: number): void {
    const clamped = Math.max(-maxVelocity, Math.min(maxVelocity, v));
    this.velocityBuffer.push(clamped);
    if (this.velocityBuffer.length > FLICK_SAMPLEBUFFER) this.velocityBuffer.shift();
  }

  /** The average of the samples (Qt 6 discards none). */
  updateVelocity(): void {
    this.velocity = 0;
    const n = this.velocityBuffer.length;
    if (n > 0) {
      let sum = 0;
      for (const v of this.velocityBuffer) sum += v;
      this.velocity = sum / n;
    }
  }
}

/** The content item: children declared in a Flickable live here. */
export class FlickableContentItem extends Item {}
defineType(FlickableContentItem, ItemMeta, {
  name: 'Item',
  cppClass: 'QQuickItem',
});

/** `visibleArea.xPosition` etc. */
export class VisibleArea extends QObject {
  declare readonly xPosition: number;
  declare readonly yPosition: number;
  declare readonly widthRatio: number;
  declare readonly heightRatio: number;
}
const VisibleAreaMeta = defineType(VisibleArea, QtObjectMeta, {
  name: 'QQuickFlickableVisibleArea',
  properties: {
    xPosition: { type: 'real', readonly: true },
    widthRatio: { type: 'real', readonly: true },
    yPosition: { type: 'real', readonly: true },
    heightRatio: { type: 'real', readonly: true },
  },
});

export class Flickable extends Item implements ItemChangeListener {
  declare contentX: number;
  declare contentY: number;
  declare contentWidth: number;
  declare contentHeight: number;
  declare readonly contentItem: Item;

  readonly hData = new AxisData((x) => this.setViewportX(x));
  readonly vData = new AxisData((y) => this.setViewportY(y));
  readonly timeline = new TimeLine(() => this.$engine?.animations ?? null);
  protected hMoved = false;
  protected vMoved = false;
  protected stealMouse = false;
  protected pressed = false;
  private scrollingPhase = false;
  /** Set while a change of position should be measured as a velocity (ListView following its highlight). */
  protected calcVelocity = false;
  protected fixupMode = FixupMode.Normal;
  private flickBoost = 1;
  protected readonly fixupDuration = 400;
  private lastPosTime = -1;
  private lastPressTime = 0;
  private pressScene = { x: 0, y: 0 };
  /** Pointer velocity (QEventPoint::velocity: Qt 6's weighted average of the last moves). */
  private pointVelocity = { x: 0, y: 0 };
  private lastPoint = { x: 0, y: 0, t: 0 };
  private visibleAreaObject: VisibleArea | null = null;

  constructor() {
    super();
    const content = new FlickableContentItem();
    this.$v[FLICK.contentItem] = content;
    content.setParentItem(this);
    content.addListener(this);
    this.acceptedMouseButtons = LEFT_BUTTON;
    this.filtersChildMouseEvents = true;
    this.acceptWheel = true;
    this.timeline.onCompleted = () => this.timelineCompleted();
  }

  /** Qt: with a start margin, the content starts at -margin (unless contentX/Y was set). */
  protected override componentComplete(): void {
    if (!this.hData.explicitValue && this.hData.startMargin !== 0) this.setContentX(-this.minXExtent());
    if (!this.vData.explicitValue && this.vData.startMargin !== 0) this.setContentY(-this.minYExtent());
  }

  override $classBegin(): void {
    const content = this.contentItemNow;
    content.$engine = this.$engine;
    content.$setOwner(this);
  }

  get contentItemNow(): Item {
    return this.$v[FLICK.contentItem] as Item;
  }

  /** contentX as Qt reads it: from the content item (the property is announced after the views react). */
  get contentXNow(): number {
    return 0 - (this.contentItemNow.$v[ITEM.x] as number);
  }

  get contentYNow(): number {
    return 0 - (this.contentItemNow.$v[ITEM.y] as number);
  }

  // ---- properties -----------------------------------------------------------------

  get maxVelocity(): number {
    return this.$v[FLICK.maximumFlickVelocity] as number;
  }
  get deceleration(): number {
    return this.$v[FLICK.flickDeceleration] as number;
  }
  get boundsBehavior(): number {
    return this.$v[FLICK.boundsBehavior] as number;
  }
  get interactive(): boolean {
    return this.$v[FLICK.interactive] as boolean;
  }
  get flickableDirection(): number {
    return this.$v[FLICK.flickableDirection] as number;
  }

  /** QQuickFlickable::setContentX. */
  setContentX(pos: number): void {
    const d = this.hData;
    d.explicitValue = true;
    this.timeline.reset(d.move);
    d.vTime = this.timeline.time;
    if (this.isMoving() || this.isFlicking()) this.movementEnding(true, false);
    if (!fuzzyCompare(-pos, d.move.value)) d.move.setValue(-pos);
  }

  /** QQuickFlickable::setContentY. */
  setContentY(pos: number): void {
    const d = this.vData;
    d.explicitValue = true;
    this.timeline.reset(d.move);
    d.vTime = this.timeline.time;
    if (this.isMoving() || this.isFlicking()) this.movementEnding(false, true);
    if (!fuzzyCompare(-pos, d.move.value)) d.move.setValue(-pos);
  }

  setContentWidth(w: number): void {
    const d = this.hData;
    if (d.viewSize === w) return;
    d.viewSize = w;
    const content = this.contentItemNow;
    if (w < 0) content.setWidth(this.width - d.startMargin - d.endMargin);
    else content.setWidth(w);
    d.markExtentsDirty();
    if (!this.pressed && !this.hData.moving && !this.vData.moving) {
      this.fixupMode = FixupMode.Immediate;
      this.fixupX();
    } else if (!this.pressed && d.fixingUp) {
      this.fixupMode = FixupMode.ExtentChanged;
      this.fixupX();
    }
    this.$store(FLICK.contentWidth, w);
    this.updateBeginningEnd();
  }

  setContentHeight(h: number): void {
    const d = this.vData;
    if (d.viewSize === h) return;
    d.viewSize = h;
    const content = this.contentItemNow;
    if (h < 0) content.setHeight(this.height - d.startMargin - d.endMargin);
    else content.setHeight(h);
    d.markExtentsDirty();
    if (!this.pressed && !this.hData.moving && !this.vData.moving) {
      this.fixupMode = FixupMode.Immediate;
      this.fixupY();
    } else if (!this.pressed && d.fixingUp) {
      this.fixupMode = FixupMode.ExtentChanged;
      this.fixupY();
    }
    this.$store(FLICK.contentHeight, h);
    this.updateBeginningEnd();
  }

  /** A margin property changed. */
  setMarginFromProperty(d: AxisData, start: boolean, horizontal: boolean): void {
    const idx = horizontal
      ? start
        ? FLICK.leftMargin
        : FLICK.rightMargin
      : start
        ? FLICK.topMargin
        : FLICK.bottomMargin;
    this.setMargin(d, start, this.$v[idx] as number, horizontal);
  }

  private setMargin(d: AxisData, start: boolean, m: number, horizontal: boolean): void {
    if (start) {
      if (d.startMargin === m) return;
      d.startMargin = m;
    } else {
      if (d.endMargin === m) return;
      d.endMargin = m;
    }
    d.markExtentsDirty();
    if (!this.pressed && !this.hData.moving && !this.vData.moving) {
      this.fixupMode = FixupMode.Immediate;
      if (horizontal) this.fixupX();
      else this.fixupY();
    }
    this.updateBeginningEnd();
  }

  // ---- extents ----------------------------------------------------------------------

  minXExtent(): number {
    return this.hData.startMargin;
  }
  minYExtent(): number {
    return this.vData.startMargin;
  }
  /** Negative (or 0): the lowest content position. */
  maxXExtent(): number {
    return Math.min(this.minXExtent(), this.width - this.vWidth() - this.hData.endMargin);
  }
  maxYExtent(): number {
    return Math.min(this.minYExtent(), this.height - this.vHeight() - this.vData.endMargin);
  }
  vWidth(): number {
    return this.hData.viewSize < 0 ? this.width : this.hData.viewSize;
  }
  vHeight(): number {
    return this.vData.viewSize < 0 ? this.height : this.vData.viewSize;
  }
  originXValue(): number {
    return -this.minXExtent() + this.hData.startMargin;
  }
  originYValue(): number {
    return -this.minYExtent() + this.vData.startMargin;
  }

  /** Can the content move horizontally (QQuickFlickable::xflick)? */
  xflick(): boolean {
    const content = this.contentItemNow;
    const size = Math.trunc(content.width + this.hData.startMargin + this.hData.endMargin);
    const dir = this.flickableDirection;
    if (dir & AUTO_FLICK_IF_NEEDED && size > this.width) return true;
    if (dir === AUTO_FLICK_DIRECTION) return Math.floor(Math.abs(size - this.width)) !== 0;
    return (dir & HORIZONTAL_FLICK) !== 0;
  }

  yflick(): boolean {
    const content = this.contentItemNow;
    const size = Math.trunc(content.height + this.vData.startMargin + this.vData.endMargin);
    const dir = this.flickableDirection;
    if (dir & AUTO_FLICK_IF_NEEDED && size > this.height) return true;
    if (dir === AUTO_FLICK_DIRECTION) return Math.floor(Math.abs(size - this.height)) !== 0;
    return (dir & VERTICAL_FLICK) !== 0;
  }

  isMoving(): boolean {
    return this.hData.moving || this.vData.moving;
  }
  isFlicking(): boolean {
    return this.hData.flicking || this.vData.flicking;
  }

  // ---- viewport --------------------------------------------------------------------------

  private setViewportX(x: number): void {
    let effective = this.$v[FLICK.pixelAligned] ? -qRound(-x) : x;
    const maxX = this.maxXExtent();
    const minX = this.minXExtent();
    if ((this.$v[FLICK.boundsMovement] as number) === STOP_AT_BOUNDS)
      effective = Math.max(maxX, Math.min(effective, minX));
    this.contentItemNow.setX(effective);
    let overshoot = 0;
    if (x <= maxX) overshoot = maxX - x;
    else if (x >= minX) overshoot = minX - x;
    if (overshoot !== this.hData.overshoot) {
      this.hData.overshoot = overshoot;
      this.$store(FLICK.horizontalOvershoot, overshoot);
    }
  }

  private setViewportY(y: number): void {
    let effective = this.$v[FLICK.pixelAligned] ? -qRound(-y) : y;
    const maxY = this.maxYExtent();
    const minY = this.minYExtent();
    if ((this.$v[FLICK.boundsMovement] as number) === STOP_AT_BOUNDS)
      effective = Math.max(maxY, Math.min(effective, minY));
    this.contentItemNow.setY(effective);
    let overshoot = 0;
    if (y <= maxY) overshoot = maxY - y;
    else if (y >= minY) overshoot = minY - y;
    if (overshoot !== this.vData.overshoot) {
      this.vData.overshoot = overshoot;
      this.$store(FLICK.verticalOvershoot, overshoot);
    }
  }

  /** The content item moved or resized. */
  itemChanged(item: Item, change: Change): void {
    if (item !== this.contentItemNow) return;
    const moved = change & (Change.X | Change.Y);
    if (!moved) return;
    const horizontal = (change & Change.X) !== 0;
    const vertical = (change & Change.Y) !== 0;
    this.viewportMoved(horizontal, vertical);
    if (horizontal) this.$store(FLICK.contentX, this.contentXNow);
    if (vertical) this.$store(FLICK.contentY, this.contentYNow);
  }

  /** QQuickFlickable::viewportMoved: velocity bookkeeping, overshoot, beginning/end (views refill here). */
  protected viewportMoved(horizontal: boolean, vertical: boolean): void {
    if (vertical) this.viewportAxisMoved(this.vData, this.minYExtent(), this.maxYExtent(), true);
    if (horizontal) this.viewportAxisMoved(this.hData, this.minXExtent(), this.maxXExtent(), false);
    this.updateBeginningEnd();
  }

  private viewportAxisMoved(d: AxisData, minExtent: number, maxExtent: number, vertical: boolean): void {
    if (!this.scrollingPhase && (this.pressed || this.calcVelocity)) {
      const now = this.now();
      const elapsed = now - d.velocityTime;
      d.velocityTime = now;
      if (elapsed > 0) {
        const v = ((d.lastPos - d.move.value) * 1000) / elapsed;
        if (Math.abs(v) > 0) this.setSmoothVelocity(d, v, vertical);
      }
    } else if (this.timeline.time > d.vTime) {
      const dt = this.timeline.time - d.vTime;
      if (dt > 2) {
        const v = ((d.lastPos - d.move.value) * 1000) / dt;
        if (!fuzzyCompare(d.smoothVelocity, v)) this.setSmoothVelocity(d, v, vertical);
      }
    }
    if (
      !d.inOvershoot &&
      !d.fixingUp &&
      d.flicking &&
      (d.move.value > minExtent || d.move.value < maxExtent) &&
      Math.abs(d.smoothVelocity) > 10
    ) {
      // Qt: past a bound, decelerate 8x harder, overshooting by at most min(150, v / 3).
      const overBound = d.move.value > minExtent ? d.move.value - minExtent : maxExtent - d.move.value;
      d.inOvershoot = true;
      const maxDistance = this.overShootDistance(Math.abs(d.smoothVelocity)) - overBound;
      this.timeline.reset(d.move);
      if (maxDistance > 0)
        this.timeline.accel(
          d.move,
          -d.smoothVelocity,
          this.deceleration * FLICK_OVERSHOOTFRICTION,
          maxDistance,
        );
      this.timeline.callback(d.move, () => (vertical ? this.fixupY() : this.fixupX()));
    }
    d.lastPos = d.move.value;
    d.vTime = this.timeline.time;
  }

  private setSmoothVelocity(d: AxisData, v: number, vertical: boolean): void {
    d.smoothVelocity = v;
    this.$store(vertical ? FLICK.verticalVelocity : FLICK.horizontalVelocity, v);
  }

  protected overShootDistance(velocity: number): number {
    if (this.maxVelocity <= 0) return 0;
    return Math.min(FLICK_OVERSHOOT, velocity / 3);
  }

  /** QQuickFlickablePrivate::updateBeginningEnd: atXBeginning..., originX/Y, visibleArea. */
  updateBeginningEnd(): void {
    const v = this.vData;
    const h = this.hData;
    const pixelAligned = this.$v[FLICK.pixelAligned] as boolean;
    const ypos = pixelAligned ? -qRound(v.move.value) : -v.move.value;
    const atYBeginning = fuzzyLessThanOrEqual(ypos, Math.ceil(-this.minYExtent()));
    const atYEnd = fuzzyLessThanOrEqual(Math.floor(-this.maxYExtent()), ypos);
    const xpos = pixelAligned ? -qRound(h.move.value) : -h.move.value;
    const atXBeginning = fuzzyLessThanOrEqual(xpos, Math.ceil(-this.minXExtent()));
    const atXEnd = fuzzyLessThanOrEqual(Math.floor(-this.maxXExtent()), xpos);
    if (v.extentsChanged) {
      v.extentsChanged = false;
      const oy = this.originYValue();
      if (v.origin !== oy) {
        v.origin = oy;
        this.$store(FLICK.originY, oy);
      }
    }
    if (h.extentsChanged) {
      h.extentsChanged = false;
      const ox = this.originXValue();
      if (h.origin !== ox) {
        h.origin = ox;
        this.$store(FLICK.originX, ox);
      }
    }
    this.setBoundary(v, atYBeginning, atYEnd, FLICK.atYBeginning, FLICK.atYEnd);
    this.setBoundary(h, atXBeginning, atXEnd, FLICK.atXBeginning, FLICK.atXEnd);
    if (this.visibleAreaObject) this.updateVisibleArea(this.visibleAreaObject);
  }

  /** One axis's atBeginning/atEnd (a view's extents change with every resize: no closure per call). */
  private setBoundary(d: AxisData, beginning: boolean, end: boolean, bIdx: number, eIdx: number): void {
    if (beginning !== d.atBeginning) {
      d.atBeginning = beginning;
      if (!d.moving && beginning) d.smoothVelocity = 0;
    }
    if (end !== d.atEnd) {
      d.atEnd = end;
      if (!d.moving && end) d.smoothVelocity = 0;
    }
    this.$store(bIdx, beginning);
    this.$store(eIdx, end);
  }

  private updateVisibleArea(a: VisibleArea): void {
    const pixelAligned = this.$v[FLICK.pixelAligned] as boolean;
    const calc = (d: AxisData, view: number, minE: number, maxE: number): [number, number] => {
      const bounds = -maxE + minE + view;
      if (Math.abs(bounds) < 1e-12) return [0, 0];
      const y = pixelAligned ? qRound(d.move.value) : d.move.value;
      return [(-y + minE) / bounds, view / bounds];
    };
    const [yPos, hRatio] = calc(this.vData, this.height, this.minYExtent(), this.maxYExtent());
    const [xPos, wRatio] = calc(this.hData, this.width, this.minXExtent(), this.maxXExtent());
    a.$store(VISIBLE.xPosition, xPos);
    a.$store(VISIBLE.yPosition, yPos);
    a.$store(VISIBLE.widthRatio, wRatio);
    a.$store(VISIBLE.heightRatio, hRatio);
  }

  /** The `visibleArea` group, created (and computed) on first use. */
  makeVisibleArea(): VisibleArea {
    const a = new VisibleArea();
    a.$engine = this.$engine;
    a.$setOwner(this);
    this.visibleAreaObject = a;
    this.updateVisibleArea(a);
    return a;
  }

  // ---- geometry ---------------------------------------------------------------------------

  override geometryChanged(change: Change, old: number): void {
    super.geometryChanged(change, old);
    const content = this.contentItemNow;
    let changed = false;
    if (change & Change.Width) {
      changed = true;
      if (this.hData.viewSize < 0)
        content.setWidth(this.width - this.hData.startMargin - this.hData.endMargin);
      if (!this.pressed && !this.hData.moving && !this.vData.moving) {
        this.fixupMode = FixupMode.Immediate;
        this.fixupX();
      }
    }
    if (change & Change.Height) {
      changed = true;
      if (this.vData.viewSize < 0)
        content.setHeight(this.height - this.vData.startMargin - this.vData.endMargin);
      if (!this.pressed && !this.hData.moving && !this.vData.moving) {
        this.fixupMode = FixupMode.Immediate;
        this.fixupY();
      }
    }
    if (changed) this.updateBeginningEnd();
  }

  // ---- flicking and fixup --------------------------------------------------------------------

  protected flickX(velocity: number, wheel = false): boolean {
    return this.flickAxis(
      this.hData,
      this.minXExtent(),
      this.maxXExtent(),
      this.width,
      false,
      velocity,
      wheel,
    );
  }

  protected flickY(velocity: number, wheel = false): boolean {
    return this.flickAxis(
      this.vData,
      this.minYExtent(),
      this.maxYExtent(),
      this.height,
      true,
      velocity,
      wheel,
    );
  }

  /** QQuickFlickablePrivate::flick: decelerate to a whole-pixel stopping point. */
  protected flickAxis(
    d: AxisData,
    minExtent: number,
    maxExtent: number,
    _vSize: number,
    vertical: boolean,
    velocity: number,
    _wheel: boolean,
  ): boolean {
    d.fixingUp = false;
    let maxDistance: number;
    // -ve velocity means the content moves up (contentY grows)
    if (velocity > 0) {
      maxDistance = Math.abs(minExtent - d.move.value);
      d.flickTarget = minExtent;
    } else {
      maxDistance = Math.abs(maxExtent - d.move.value);
      d.flickTarget = maxExtent;
    }
    if (maxDistance > 0 || this.boundsBehavior & OVERSHOOT_BOUNDS) {
      let v = velocity;
      const maxV = this.maxVelocity;
      if (maxV !== -1 && maxV < Math.abs(v)) v = v < 0 ? -maxV : maxV;
      // Qt: adjust the deceleration so that the flick ends on a whole pixel.
      let accel = this.deceleration;
      const v2 = v * v;
      let dist = v2 / (accel * 2);
      if (v > 0) dist = -dist;
      const target = qRound(d.move.value - dist);
      dist = -target + d.move.value;
      accel = v2 / (2 * Math.abs(dist));
      this.timeline.reset(d.move);
      if (!d.inOvershoot) {
        if (this.boundsBehavior & OVERSHOOT_BOUNDS) this.timeline.accel(d.move, v, accel);
        else this.timeline.accel(d.move, v, accel, maxDistance);
      }
      this.timeline.callback(d.move, () => (vertical ? this.fixupY() : this.fixupX()));
      return vertical ? !this.vData.flicking && this.yflick() : !this.hData.flicking && this.xflick();
    }
    this.timeline.reset(d.move);
    this.fixup(d, minExtent, maxExtent);
    return false;
  }

  fixupX(): void {
    if (!this.isComponentComplete) return;
    this.fixup(this.hData, this.minXExtent(), this.maxXExtent());
  }

  fixupY(): void {
    if (!this.isComponentComplete) return;
    this.fixup(this.vData, this.minYExtent(), this.maxYExtent());
  }

  /** QQuickFlickablePrivate::fixup: back into bounds, or onto a whole pixel. */
  protected fixup(d: AxisData, minExtent: number, maxExtent: number): void {
    if (d.move.value >= minExtent || maxExtent > minExtent) {
      this.timeline.reset(d.move);
      if (d.move.value !== minExtent) this.adjustContentPos(d, minExtent);
    } else if (d.move.value <= maxExtent) {
      this.timeline.reset(d.move);
      this.adjustContentPos(d, maxExtent);
    } else if (-qRound(-d.move.value) !== d.move.value) {
      // Qt: less than half a pixel is not worth animating.
      this.timeline.reset(d.move);
      let val = d.move.value;
      if (Math.abs(qRound(val) - val) < 0.25) val = qRound(val);
      else if (d.smoothVelocity > 0) val = Math.ceil(val);
      else if (d.smoothVelocity < 0) val = Math.floor(val);
      else val = qRound(val);
      this.timeline.set(d.move, val);
    }
    d.inOvershoot = false;
    this.fixupMode = FixupMode.Normal;
    d.vTime = this.timeline.time;
  }

  protected adjustContentPos(d: AxisData, toPos: number): void {
    switch (this.fixupMode) {
      case FixupMode.Immediate:
        this.timeline.set(d.move, toPos);
        break;
      case FixupMode.ExtentChanged:
        this.timeline.move(d.move, toPos, Easing.OutExpo, (3 * this.fixupDuration) / 4);
        d.fixingUp = true;
        break;
      default: {
        const dist = toPos - d.move.value;
        this.timeline.move(d.move, toPos - dist / 2, Easing.InQuad, this.fixupDuration / 4);
        this.timeline.move(d.move, toPos, Easing.OutExpo, (3 * this.fixupDuration) / 4);
        d.fixingUp = true;
      }
    }
  }

  /** Immediate fixup mode (views position without animation after a change). */
  protected setImmediateFixup(): void {
    this.fixupMode = FixupMode.Immediate;
  }

  protected get immediateFixup(): boolean {
    return this.fixupMode === FixupMode.Immediate;
  }

  protected resetFixupMode(): void {
    this.fixupMode = FixupMode.Normal;
  }

  private timelineCompleted(): void {
    this.movementEnding(true, true);
    this.updateBeginningEnd();
  }

  // ---- movement signals ------------------------------------------------------------------------

  movementStarting(): void {
    const wasMoving = this.isMoving();
    if (this.hMoved && !this.hData.moving) {
      this.hData.moving = true;
      this.$store(FLICK.movingHorizontally, true);
    }
    if (this.vMoved && !this.vData.moving) {
      this.vData.moving = true;
      this.$store(FLICK.movingVertically, true);
    }
    if (!wasMoving && this.isMoving()) {
      this.$store(FLICK.moving, true);
      this.$emit(FLICK.movementStarted, undefined);
    }
  }

  movementEnding(hEnding = true, vEnding = true): void {
    const h = this.hData;
    const v = this.vData;
    const wasFlicking = h.flicking || v.flicking;
    if (hEnding && h.flicking) {
      h.flicking = false;
      this.$store(FLICK.flickingHorizontally, false);
    }
    if (vEnding && v.flicking) {
      v.flicking = false;
      this.$store(FLICK.flickingVertically, false);
    }
    if (wasFlicking && (!h.flicking || !v.flicking)) {
      this.$store(FLICK.flicking, h.flicking || v.flicking);
      this.$emit(FLICK.flickEnded, undefined);
    } else if (h.flickingWhenDragBegan || v.flickingWhenDragBegan) {
      h.flickingWhenDragBegan = !hEnding;
      v.flickingWhenDragBegan = !vEnding;
      this.$emit(FLICK.flickEnded, undefined);
    }
    const wasMoving = this.isMoving();
    if (hEnding && h.moving && !this.pressed && !this.stealMouse) {
      h.moving = false;
      this.hMoved = false;
      this.$store(FLICK.movingHorizontally, false);
    }
    if (vEnding && v.moving && !this.pressed && !this.stealMouse) {
      v.moving = false;
      this.vMoved = false;
      this.$store(FLICK.movingVertically, false);
    }
    if (wasMoving && !this.isMoving()) {
      this.$store(FLICK.moving, false);
      this.$emit(FLICK.movementEnded, undefined);
      this.viewMovementEnded();
    }
    if (hEnding) {
      h.fixingUp = false;
      this.setSmoothVelocity(h, 0, false);
      h.previousDragDelta = 0;
    }
    if (vEnding) {
      v.fixingUp = false;
      this.setSmoothVelocity(v, 0, true);
      v.previousDragDelta = 0;
    }
  }

  /** For views: movement has ended (QQuickItemView::animStopped). */
  protected viewMovementEnded(): void {}

  private flickingStarted(flickingH: boolean, flickingV: boolean): void {
    if (!flickingH && !flickingV) return;
    const wasFlicking = this.isFlicking();
    if (flickingH && !this.hData.flicking) {
      this.hData.flicking = true;
      this.$store(FLICK.flickingHorizontally, true);
    }
    if (flickingV && !this.vData.flicking) {
      this.vData.flicking = true;
      this.$store(FLICK.flickingVertically, true);
    }
    if (!wasFlicking && this.isFlicking()) {
      this.$store(FLICK.flicking, true);
      this.$emit(FLICK.flickStarted, undefined);
    }
  }

  private draggingStarting(): void {
    const wasDragging = this.hData.dragging || this.vData.dragging;
    if (this.hMoved && !this.hData.dragging) {
      this.hData.dragging = true;
      this.$store(FLICK.draggingHorizontally, true);
    }
    if (this.vMoved && !this.vData.dragging) {
      this.vData.dragging = true;
      this.$store(FLICK.draggingVertically, true);
    }
    if (!wasDragging && (this.hData.dragging || this.vData.dragging)) {
      this.$store(FLICK.dragging, true);
      this.$emit(FLICK.dragStarted, undefined);
    }
  }

  private draggingEnding(): void {
    const wasDragging = this.hData.dragging || this.vData.dragging;
    if (this.hData.dragging) {
      this.hData.dragging = false;
      this.$store(FLICK.draggingHorizontally, false);
    }
    if (this.vData.dragging) {
      this.vData.dragging = false;
      this.$store(FLICK.draggingVertically, false);
    }
    if (wasDragging) {
      this.$store(FLICK.dragging, false);
      this.$emit(FLICK.dragEnded, undefined);
      this.hData.inRebound = false;
      this.vData.inRebound = false;
    }
  }

  private isViewMoving(): boolean {
    return this.timeline.isActive();
  }

  // ---- QML methods ---------------------------------------------------------------------------------

  /** `flick(xVelocity, yVelocity)`: px/s, positive moves the content towards the start. */
  flick(xVelocity?: unknown, yVelocity?: unknown): void {
    const xv = Number(xVelocity) || 0;
    const yv = Number(yVelocity) || 0;
    this.hData.reset();
    this.vData.reset();
    this.hData.velocity = xv;
    this.vData.velocity = yv;
    this.hData.vTime = this.vData.vTime = this.timeline.time;
    const flickedX = this.xflick() && Math.abs(xv) > 1e-12 && this.flickX(xv);
    const flickedY = this.yflick() && Math.abs(yv) > 1e-12 && this.flickY(yv);
    if (flickedX) this.hMoved = true;
    if (flickedY) this.vMoved = true;
    this.movementStarting();
    this.flickingStarted(flickedX, flickedY);
  }

  cancelFlick(): void {
    this.timeline.reset(this.hData.move);
    this.timeline.reset(this.vData.move);
    this.movementEnding(true, true);
  }

  returnToBounds(): void {
    this.fixupX();
    this.fixupY();
  }

  /** `resizeContent(width, height, center)`: resizes the content about a point. */
  resizeContent(w?: unknown, h?: unknown, center?: unknown): void {
    const width = Number(w);
    const height = Number(h);
    const c = (center ?? { x: 0, y: 0 }) as { x: number; y: number };
    const oldH = this.hData.viewSize;
    const oldV = this.vData.viewSize;
    this.hData.viewSize = width;
    this.vData.viewSize = height;
    const content = this.contentItemNow;
    content.setWidth(width);
    content.setHeight(height);
    this.$store(FLICK.contentWidth, width);
    this.$store(FLICK.contentHeight, height);
    if (c.x !== 0) this.setContentX(this.contentXNow + (c.x * width) / oldH - c.x);
    if (c.y !== 0) this.setContentY(this.contentYNow + (c.y * height) / oldV - c.y);
    this.updateBeginningEnd();
  }

  // ---- pointer input --------------------------------------------------------------------------------

  private now(): number {
    return this.$engine?.animations.clock() ?? 0;
  }

  private eventTime(e: PointerEventLike): number {
    return e.timestamp !== 0 ? e.timestamp : this.now();
  }

  /** Qt 6 gives every event point a velocity: 0.7 of the last move's plus 0.3 of the previous estimate. */
  private trackPoint(e: PointerEventLike): void {
    const t = this.eventTime(e);
    if (e.type === 'press') {
      this.pointVelocity = { x: 0, y: 0 };
    } else {
      const dt = t - this.lastPoint.t;
      if (dt > 0) {
        const nx = ((e.sceneX - this.lastPoint.x) / dt) * 1000;
        const ny = ((e.sceneY - this.lastPoint.y) / dt) * 1000;
        this.pointVelocity = {
          x: nx * 0.7 + this.pointVelocity.x * 0.3,
          y: ny * 0.7 + this.pointVelocity.y * 0.3,
        };
      }
    }
    this.lastPoint = { x: e.sceneX, y: e.sceneY, t };
  }

  override pointerEvent(e: PointerEventLike): void {
    if (!this.interactive || !this.$v[ITEM.enabled]) {
      e.accepted = false;
      return;
    }
    if (e.type === 'press' || e.type === 'doubleclick') {
      this.trackPoint(e);
      if (!this.pressed) this.handlePressEvent(e);
    } else if (e.type === 'move') {
      this.trackPoint(e);
      this.handleMoveEvent(e);
    } else if (e.type === 'release') {
      this.trackPoint(e);
      this.handleReleaseEvent(e);
    }
    e.accepted = true;
  }

  override pointerUngrab(): void {
    this.cancelInteraction();
  }

  /** QQuickFlickable::filterPointerEvent: watches a child's events, and takes over a drag. */
  override childPointerEventFilter(target: Item, e: PointerEventLike): boolean {
    if (!this.effectiveVisible || !this.$v[ITEM.enabled] || !this.interactive) {
      this.cancelInteraction();
      return false;
    }
    const receiverDisabled = !(target.$v[ITEM.enabled] as boolean);
    // Qt: a child that keeps its grab (MouseArea.preventStealing) is left alone.
    const receiverKeepsGrab = target.keepMouseGrab;
    let stealThisEvent = this.stealMouse;
    const inside = e.x >= 0 && e.y >= 0 && e.x < this.width && e.y < this.height;
    if ((stealThisEvent || inside) && (!receiverKeepsGrab || receiverDisabled)) {
      switch (e.type) {
        case 'move':
          this.trackPoint(e);
          this.handleMoveEvent(e);
          break;
        case 'press':
        case 'doubleclick':
          this.trackPoint(e);
          this.handlePressEvent(e);
          // Qt: never steal on press while filtering; decide during the moves.
          this.stealMouse = false;
          stealThisEvent = false;
          break;
        case 'release':
          this.trackPoint(e);
          this.handleReleaseEvent(e);
          stealThisEvent = this.stealMouse;
          break;
        default:
          break;
      }
      // Qt: the move that detects the drag still goes to the child; the next one is stolen.
      return this.isMoving() || stealThisEvent || receiverDisabled;
    }
    if (this.lastPosTime !== -1) {
      this.lastPosTime = -1;
      this.returnToBounds();
    }
    // The pointer was released, or another item claimed the grab.
    if (e.type === 'release' || (receiverKeepsGrab && !receiverDisabled)) {
      this.lastPosTime = -1;
      this.stealMouse = false;
      this.pressed = false;
    }
    return false;
  }

  private handlePressEvent(e: PointerEventLike): void {
    const h = this.hData;
    const v = this.vData;
    if (
      this.interactive &&
      this.timeline.isActive() &&
      ((Math.abs(h.smoothVelocity) > RETAIN_GRAB_VELOCITY && !h.fixingUp && !h.inOvershoot) ||
        (Math.abs(v.smoothVelocity) > RETAIN_GRAB_VELOCITY && !v.fixingUp && !v.inOvershoot))
    ) {
      // Qt: a press on a flicking view stops it and keeps the pointer.
      this.stealMouse = true;
      const flickTime = this.timeline.time;
      if (flickTime > 600) {
        h.continuousFlickVelocity = 0;
        v.continuousFlickVelocity = 0;
        this.flickBoost = 1;
      } else {
        h.continuousFlickVelocity = -h.smoothVelocity;
        v.continuousFlickVelocity = -v.smoothVelocity;
        if (flickTime > 300) this.flickBoost = Math.max(1, this.flickBoost - 0.5);
      }
    } else {
      this.stealMouse = false;
      h.continuousFlickVelocity = 0;
      v.continuousFlickVelocity = 0;
      this.flickBoost = 1;
    }
    this.maybeBeginDrag(this.eventTime(e), e.sceneX, e.sceneY);
  }

  private maybeBeginDrag(time: number, sceneX: number, sceneY: number): void {
    const h = this.hData;
    const v = this.vData;
    this.pressed = true;
    if (!h.fixingUp) this.timeline.reset(h.move);
    if (!v.fixingUp) this.timeline.reset(v.move);
    h.reset();
    v.reset();
    h.dragMinBound = this.minXExtent() - h.startMargin;
    v.dragMinBound = this.minYExtent() - v.startMargin;
    h.dragMaxBound = this.maxXExtent() + h.endMargin;
    v.dragMaxBound = this.maxYExtent() + v.endMargin;
    this.fixupMode = FixupMode.Normal;
    this.pressScene = { x: sceneX, y: sceneY };
    h.pressPos = h.move.value;
    v.pressPos = v.move.value;
    const wasFlicking = h.flicking || v.flicking;
    h.flickingWhenDragBegan = h.flicking;
    v.flickingWhenDragBegan = v.flicking;
    if (h.flicking) {
      h.flicking = false;
      this.$store(FLICK.flickingHorizontally, false);
    }
    if (v.flicking) {
      v.flicking = false;
      this.$store(FLICK.flickingVertically, false);
    }
    if (wasFlicking) this.$store(FLICK.flicking, false);
    this.lastPosTime = this.lastPressTime = time;
    const now = this.now();
    v.velocityTime = now;
    h.velocityTime = now;
  }

  private handleMoveEvent(e: PointerEventLike): void {
    if (!this.interactive || this.lastPosTime === -1) return;
    const time = this.eventTime(e);
    const dx = e.sceneX - this.pressScene.x;
    const dy = e.sceneY - this.pressScene.y;
    let overThreshold = false;
    if (this.isMoving()) {
      // Qt: once moving, every move counts; the threshold is for the first drag only.
      overThreshold = true;
    } else {
      if (this.yflick()) overThreshold ||= Math.abs(dy) > START_DRAG_DISTANCE;
      if (this.xflick()) overThreshold ||= Math.abs(dx) > START_DRAG_DISTANCE;
    }
    this.drag(time, dx, dy, overThreshold, this.pointVelocity.x, this.pointVelocity.y);
  }

  /** QQuickFlickablePrivate::drag for mouse moves. */
  private drag(time: number, dx: number, dy: number, overThreshold: boolean, vx: number, vy: number): void {
    let rejectX = false;
    let rejectY = false;
    let stealX = this.stealMouse;
    let stealY = this.stealMouse;
    const prevHMoved = this.hMoved;
    const prevVMoved = this.vMoved;
    const elapsedSincePress = time - this.lastPressTime;
    let newX: number | null = null;
    let newY: number | null = null;
    const axis = (d: AxisData, delta: number, velocity: number, moved: boolean) => {
      if (!moved) d.dragStartOffset = delta;
      let pos = delta + d.pressPos - (this.$v[FLICK.synchronousDrag] ? 0 : d.dragStartOffset);
      const minP = d.dragMinBound + d.startMargin;
      const maxP = d.dragMaxBound - d.endMargin;
      let reject = false;
      if (!(this.boundsBehavior & DRAG_OVER_BOUNDS)) {
        if (fuzzyLessThanOrEqual(pos, maxP)) {
          pos = maxP;
          reject = d.pressPos === maxP && d.move.value === maxP && delta < 0;
        }
        if (fuzzyLessThanOrEqual(minP, pos)) {
          pos = minP;
          reject ||= d.pressPos === minP && d.move.value === minP && delta > 0;
        }
      } else {
        const vel = velocity / FLICK_OVERSHOOTFRICTION;
        if (vel > 0 && vel > d.velocity)
          d.velocity = Math.min(velocity / FLICK_OVERSHOOTFRICTION, this.maxVelocity);
        else if (vel < 0 && vel < d.velocity)
          d.velocity = Math.max(velocity / FLICK_OVERSHOOTFRICTION, -this.maxVelocity);
        // Qt: dragged past a bound, the content follows at half the pointer's speed.
        if (pos > minP) pos = minP + (pos - minP) / 2;
        else if (pos < maxP && maxP - minP <= 0) pos = maxP + (pos - maxP) / 2;
      }
      return { pos, reject };
    };
    if (this.yflick() && (overThreshold || elapsedSincePress > 200)) {
      const r = axis(this.vData, dy, vy, this.vMoved);
      rejectY = r.reject;
      if (!rejectY && this.stealMouse && dy !== this.vData.previousDragDelta) newY = r.pos;
      if (!rejectY && overThreshold) stealY = true;
    }
    if (this.yflick()) this.vData.previousDragDelta = dy;
    if (this.xflick() && (overThreshold || elapsedSincePress > 200)) {
      const r = axis(this.hData, dx, vx, this.hMoved);
      rejectX = r.reject;
      if (!rejectX && this.stealMouse && dx !== this.hData.previousDragDelta) newX = r.pos;
      if (!rejectX && overThreshold) stealX = true;
    }
    if (this.xflick()) this.hData.previousDragDelta = dx;
    if (newY !== null || newX !== null) this.timeline.clear();
    if (newY !== null) this.vMoved = true;
    if (newX !== null) this.hMoved = true;
    this.stealMouse = stealX || stealY;
    if (rejectY) {
      this.vData.velocityBuffer.length = 0;
      this.vData.velocity = 0;
    }
    if (rejectX) {
      this.hData.velocityBuffer.length = 0;
      this.hData.velocity = 0;
    }
    this.draggingStarting();
    if ((this.hMoved && !prevHMoved) || (this.vMoved && !prevVMoved)) this.movementStarting();
    // Qt announces the drag and the movement before the content's first step.
    if (newY !== null) this.vData.move.setValue(newY);
    if (newX !== null) this.hData.move.setValue(newX);
    this.lastPosTime = time;
    if (this.yflick() && !rejectY) this.vData.addVelocitySample(vy, this.maxVelocity);
    if (this.xflick() && !rejectX) this.hData.addVelocitySample(vx, this.maxVelocity);
  }

  private handleReleaseEvent(e: PointerEventLike): void {
    this.stealMouse = false;
    this.pressed = false;
    const time = this.eventTime(e);
    // Qt: a drag that paused before the release does not flick.
    const elapsed = time - this.lastPosTime;
    const v = this.vData;
    const h = this.hData;
    v.updateVelocity();
    h.updateVelocity();
    this.draggingEnding();
    if (this.lastPosTime === -1) return;
    h.vTime = v.vTime = this.timeline.time;
    let canBoost = false;
    const dx = e.sceneX - this.pressScene.x;
    const dy = e.sceneY - this.pressScene.y;
    let vVelocity = elapsed < 100 && v.velocity !== 0 ? v.velocity : 0;
    if ((v.atBeginning && vVelocity > 0) || (v.atEnd && vVelocity < 0)) {
      vVelocity /= 2;
    } else if (
      v.continuousFlickVelocity !== 0 &&
      v.viewSize / this.height > FLICK_MULTIFLICK_RATIO &&
      vVelocity > 0 === v.continuousFlickVelocity > 0 &&
      Math.abs(vVelocity) > FLICK_MULTIFLICK_THRESHOLD
    ) {
      canBoost = true;
    }
    let hVelocity = elapsed < 100 && h.velocity !== 0 ? h.velocity : 0;
    if ((h.atBeginning && hVelocity > 0) || (h.atEnd && hVelocity < 0)) {
      hVelocity /= 2;
    } else if (
      h.continuousFlickVelocity !== 0 &&
      h.viewSize / this.width > FLICK_MULTIFLICK_RATIO &&
      hVelocity > 0 === h.continuousFlickVelocity > 0 &&
      Math.abs(hVelocity) > FLICK_MULTIFLICK_THRESHOLD
    ) {
      canBoost = true;
    }
    this.flickBoost = canBoost ? Math.max(1, Math.min(this.flickBoost + 0.25, FLICK_MULTIFLICK_MAXBOOST)) : 1;
    let flickedV = false;
    vVelocity *= this.flickBoost;
    const canFlickV =
      this.yflick() && Math.abs(vVelocity) > MINIMUM_FLICK_VELOCITY && Math.abs(dy) > FLICK_THRESHOLD;
    if (canFlickV) {
      this.setSmoothVelocity(v, -vVelocity, true);
      flickedV = this.flickY(vVelocity);
    }
    let flickedH = false;
    hVelocity *= this.flickBoost;
    const canFlickH =
      this.xflick() && Math.abs(hVelocity) > MINIMUM_FLICK_VELOCITY && Math.abs(dx) > FLICK_THRESHOLD;
    if (canFlickH) {
      this.setSmoothVelocity(h, -hVelocity, false);
      flickedH = this.flickX(hVelocity);
    }
    if (!canFlickV) this.fixupY();
    if (!canFlickH) this.fixupX();
    this.flickingStarted(flickedH, flickedV);
    if (!this.isViewMoving()) {
      this.movementEnding(true, true);
    } else {
      if (flickedV) this.vMoved = true;
      if (flickedH) this.hMoved = true;
      this.movementStarting();
    }
  }

  private cancelInteraction(): void {
    if (!this.pressed) return;
    this.pressed = false;
    this.draggingEnding();
    this.stealMouse = false;
    this.fixupX();
    this.fixupY();
    if (!this.isViewMoving()) this.movementEnding(true, true);
  }

  /**
   * A mouse wheel notch (angleDelta 120) flicks the content so that it
   * travels QStyleHints::wheelScrollLines() * 24 = 72 px at flickDeceleration;
   * notches in quick succession add up their velocities (measured with Qt 6.4).
   */
  override wheelEvent(e: PointerEventLike): void {
    if (!this.interactive || !this.$v[ITEM.enabled]) {
      e.accepted = false;
      return;
    }
    e.accepted = false;
    const time = this.eventTime(e);
    let elapsed = (time - this.lastPosTime) / 1000;
    if (elapsed <= 0) {
      this.lastPosTime = time;
      return;
    }
    // Qt uses angleDelta for events without a scroll phase (mouse wheels, and browsers, which
    // report no phases); pixel deltas only when there is no angle delta at all.
    const usePixels =
      e.angleDeltaX === 0 && e.angleDeltaY === 0 && (e.pixelDeltaX !== 0 || e.pixelDeltaY !== 0);
    if (!usePixels) {
      const xDelta = e.angleDeltaX;
      const yDelta = e.angleDeltaY;
      const initialWheelFlickDistance = WHEEL_SCROLL_LINES * 24;
      if (!this.isMoving()) elapsed = 120 / Math.sqrt(this.deceleration * 2 * initialWheelFlickDistance);
      const contentX = this.contentXNow;
      const contentY = this.contentYNow;
      if (this.yflick() && yDelta !== 0) {
        const inst = yDelta / elapsed;
        const v = this.vData;
        // Qt: a change of direction starts the averaging over.
        if ((inst < 0 && v.velocity > 0) || (inst > 0 && v.velocity < 0)) v.velocityBuffer.length = 0;
        v.addVelocitySample(inst, this.maxVelocity);
        v.updateVelocity();
        if ((yDelta > 0 && contentY > -this.minYExtent()) || (yDelta < 0 && contentY < -this.maxYExtent())) {
          const newFlick = this.flickY(v.velocity, true);
          if (newFlick && (v.atBeginning !== yDelta > 0 || v.atEnd !== yDelta < 0)) {
            this.flickingStarted(false, true);
            this.vMoved = true;
            this.movementStarting();
          }
          e.accepted = true;
        }
      }
      if (this.xflick() && xDelta !== 0) {
        const inst = xDelta / elapsed;
        const h = this.hData;
        if ((inst < 0 && h.velocity > 0) || (inst > 0 && h.velocity < 0)) h.velocityBuffer.length = 0;
        h.addVelocitySample(inst, this.maxVelocity);
        h.updateVelocity();
        if ((xDelta > 0 && contentX > -this.minXExtent()) || (xDelta < 0 && contentX < -this.maxXExtent())) {
          const newFlick = this.flickX(h.velocity, true);
          if (newFlick && (h.atBeginning !== xDelta > 0 || h.atEnd !== xDelta < 0)) {
            this.flickingStarted(true, false);
            this.hMoved = true;
            this.movementStarting();
          }
          e.accepted = true;
        }
      }
    } else {
      // A touchpad's pixel deltas drag the content directly.
      const dy = e.pixelDeltaY;
      const dx = e.pixelDeltaX;
      const move = (d: AxisData, delta: number, minE: number, maxE: number) => {
        const to = Math.max(maxE, Math.min(minE, d.move.value + delta));
        if (to !== d.move.value) {
          this.timeline.reset(d.move);
          d.move.setValue(to);
          e.accepted = true;
        }
      };
      if (this.yflick() && dy !== 0) move(this.vData, dy, this.minYExtent(), this.maxYExtent());
      if (this.xflick() && dx !== 0) move(this.hData, dx, this.minXExtent(), this.maxXExtent());
    }
    this.lastPosTime = time;
  }

  // ---- children ---------------------------------------------------------------------------------

  override $teardown(): void {
    this.timeline.clear();
    super.$teardown();
  }
}

// Qt's enum values.
const STOP_AT_BOUNDS = 0;
const DRAG_OVER_BOUNDS = 1;
const OVERSHOOT_BOUNDS = 2;
const AUTO_FLICK_DIRECTION = 0;
const HORIZONTAL_FLICK = 1;
const VERTICAL_FLICK = 2;
const AUTO_FLICK_IF_NEEDED = 0xc;

function fuzzyCompare(a: number, b: number): boolean {
  // qFuzzyCompare(-pos, value) as Qt calls it (with both 0 handled).
  if (a === b) return true;
  return Math.abs(a - b) * 1e12 <= Math.min(Math.abs(a), Math.abs(b));
}

/** Qt's fuzzyLessThanOrEqualTo (qquickflickable.cpp). */
function fuzzyLessThanOrEqual(a: number, b: number): boolean {
  let x = a;
  let y = b;
  if (x === 0 || y === 0) {
    x += 1;
    y += 1;
  }
  return x <= y || Math.abs(x - y) * 1e12 <= Math.min(Math.abs(x), Math.abs(y));
}

const flickChange = (fn: (f: Flickable, v: number) => void) => (o: QObject, v: unknown) =>
  fn(o as Flickable, v as number);

export const FlickableMeta: MetaObject = defineType(Flickable, ItemMeta, {
  name: 'Flickable',
  cppClass: 'QQuickFlickable',
  defaultProperty: 'flickableData',
  properties: {
    contentWidth: { type: 'real', default: -1, write: flickChange((f, v) => f.setContentWidth(v)) },
    contentHeight: { type: 'real', default: -1, write: flickChange((f, v) => f.setContentHeight(v)) },
    contentX: { type: 'real', write: flickChange((f, v) => f.setContentX(v)) },
    contentY: { type: 'real', write: flickChange((f, v) => f.setContentY(v)) },
    contentItem: { type: 'Item', readonly: true, constant: true },
    topMargin: {
      type: 'real',
      changed: (o) => {
        const f = o as Flickable;
        f.setMarginFromProperty(f.vData, true, false);
      },
    },
    bottomMargin: {
      type: 'real',
      changed: (o) => {
        const f = o as Flickable;
        f.setMarginFromProperty(f.vData, false, false);
      },
    },
    leftMargin: {
      type: 'real',
      changed: (o) => {
        const f = o as Flickable;
        f.setMarginFromProperty(f.hData, true, true);
      },
    },
    rightMargin: {
      type: 'real',
      changed: (o) => {
        const f = o as Flickable;
        f.setMarginFromProperty(f.hData, false, true);
      },
    },
    originX: { type: 'real', readonly: true },
    originY: { type: 'real', readonly: true },
    horizontalVelocity: { type: 'real', readonly: true },
    verticalVelocity: { type: 'real', readonly: true },
    boundsBehavior: { type: 'enumeration', default: 3 },
    boundsMovement: { type: 'enumeration', default: 1 },
    rebound: { type: 'var' },
    maximumFlickVelocity: { type: 'real', default: 2500 },
    flickDeceleration: {
      type: 'real',
      default: 1500,
      write: (o, v) => (o as Flickable).$store(FLICK.flickDeceleration, Math.max(0.001, v as number)),
    },
    moving: { type: 'bool', readonly: true },
    movingHorizontally: { type: 'bool', readonly: true },
    movingVertically: { type: 'bool', readonly: true },
    flicking: { type: 'bool', readonly: true },
    flickingHorizontally: { type: 'bool', readonly: true },
    flickingVertically: { type: 'bool', readonly: true },
    dragging: { type: 'bool', readonly: true },
    draggingHorizontally: { type: 'bool', readonly: true },
    draggingVertically: { type: 'bool', readonly: true },
    flickableDirection: { type: 'enumeration', default: 0 },
    interactive: {
      type: 'bool',
      default: true,
      changed: (o) => {
        const f = o as Flickable;
        if (!f.interactive) f.pointerUngrab();
      },
    },
    pressDelay: { type: 'int' },
    atXEnd: { type: 'bool', readonly: true },
    atYEnd: { type: 'bool', readonly: true },
    atXBeginning: { type: 'bool', readonly: true, default: true },
    atYBeginning: { type: 'bool', readonly: true, default: true },
    visibleArea: {
      type: 'QQuickFlickableVisibleArea',
      // (a CONSTANT pointer property in Qt: assigning it is refused)
      readonly: true,
      constant: true,
      group: { meta: () => VisibleAreaMeta, create: (owner) => (owner as Flickable).makeVisibleArea() },
    },
    pixelAligned: { type: 'bool' },
    synchronousDrag: { type: 'bool' },
    horizontalOvershoot: { type: 'real', readonly: true },
    verticalOvershoot: { type: 'real', readonly: true },
    // (no change signals in Qt)
    flickableData: {
      type: 'list',
      constant: true,
      append: (obj, v) => {
        const f = obj as Flickable;
        if (v instanceof Item) v.setParentItem(f.contentItemNow);
        else if (v instanceof QObject) f.appendResource(v);
      },
    },
    flickableChildren: {
      type: 'list',
      constant: true,
      append: (obj, v) => {
        if (v instanceof Item) v.setParentItem((obj as Flickable).contentItemNow);
      },
    },
  },
  signals: {
    movementStarted: {},
    movementEnded: {},
    flickStarted: {},
    flickEnded: {},
    dragStarted: {},
    dragEnded: {},
  },
  methods: ['flick', 'cancelFlick', 'returnToBounds', 'resizeContent'],
  enums: {
    StopAtBounds: 0,
    DragOverBounds: 1,
    OvershootBounds: 2,
    DragAndOvershootBounds: 3,
    FollowBoundsBehavior: 1,
    AutoFlickDirection: 0,
    HorizontalFlick: 1,
    VerticalFlick: 2,
    HorizontalAndVerticalFlick: 3,
    AutoFlickIfNeeded: 0xc,
  },
});

export const FLICK = {
  contentWidth: FlickableMeta.index('contentWidth'),
  contentHeight: FlickableMeta.index('contentHeight'),
  contentX: FlickableMeta.index('contentX'),
  contentY: FlickableMeta.index('contentY'),
  contentItem: FlickableMeta.index('contentItem'),
  topMargin: FlickableMeta.index('topMargin'),
  bottomMargin: FlickableMeta.index('bottomMargin'),
  leftMargin: FlickableMeta.index('leftMargin'),
  rightMargin: FlickableMeta.index('rightMargin'),
  originX: FlickableMeta.index('originX'),
  originY: FlickableMeta.index('originY'),
  horizontalVelocity: FlickableMeta.index('horizontalVelocity'),
  verticalVelocity: FlickableMeta.index('verticalVelocity'),
  boundsBehavior: FlickableMeta.index('boundsBehavior'),
  boundsMovement: FlickableMeta.index('boundsMovement'),
  maximumFlickVelocity: FlickableMeta.index('maximumFlickVelocity'),
  flickDeceleration: FlickableMeta.index('flickDeceleration'),
  moving: FlickableMeta.index('moving'),
  movingHorizontally: FlickableMeta.index('movingHorizontally'),
  movingVertically: FlickableMeta.index('movingVertically'),
  flicking: FlickableMeta.index('flicking'),
  flickingHorizontally: FlickableMeta.index('flickingHorizontally'),
  flickingVertically: FlickableMeta.index('flickingVertically'),
  dragging: FlickableMeta.index('dragging'),
  draggingHorizontally: FlickableMeta.index('draggingHorizontally'),
  draggingVertically: FlickableMeta.index('draggingVertically'),
  flickableDirection: FlickableMeta.index('flickableDirection'),
  interactive: FlickableMeta.index('interactive'),
  atXEnd: FlickableMeta.index('atXEnd'),
  atYEnd: FlickableMeta.index('atYEnd'),
  atXBeginning: FlickableMeta.index('atXBeginning'),
  atYBeginning: FlickableMeta.index('atYBeginning'),
  pixelAligned: FlickableMeta.index('pixelAligned'),
  synchronousDrag: FlickableMeta.index('synchronousDrag'),
  horizontalOvershoot: FlickableMeta.index('horizontalOvershoot'),
  verticalOvershoot: FlickableMeta.index('verticalOvershoot'),
  movementStarted: FlickableMeta.signalsByName.get('movementStarted')!.index,
  movementEnded: FlickableMeta.signalsByName.get('movementEnded')!.index,
  flickStarted: FlickableMeta.signalsByName.get('flickStarted')!.index,
  flickEnded: FlickableMeta.signalsByName.get('flickEnded')!.index,
  dragStarted: FlickableMeta.signalsByName.get('dragStarted')!.index,
  dragEnded: FlickableMeta.signalsByName.get('dragEnded')!.index,
};

const VISIBLE = {
  xPosition: VisibleAreaMeta.index('xPosition'),
  yPosition: VisibleAreaMeta.index('yPosition'),
  widthRatio: VisibleAreaMeta.index('widthRatio'),
  heightRatio: VisibleAreaMeta.index('heightRatio'),
};
