// Flipable (QQuickFlipable): an item with a front and a back. Which side
// faces the viewer follows from the item's own transform (a Rotation about
// the y axis past 90 degrees shows the back); the hidden side gets opacity
// 0 and is disabled, and the back is mirrored so that it reads the right way
// round when shown.
import { defineType, type MetaObject, qmlWarning } from '../../engine/qobject';
import { Change, Dirty, Item, type ItemChangeListener, ItemMeta, mapThrough } from './Item';
import { ItemTransform, type Matrix4, multiply4, TransformMeta } from './Transform';

enum Side {
  Front = 0,
  Back = 1,
}

/**
 * QQuickLocalTransform: the back's mirror, first in its transform list
 * (translate to its centre, turn 180 degrees about y and/or x, translate back).
 */
export class LocalTransform extends ItemTransform {
  /** Column-major 4x4. */
  private matrix: Matrix4 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

  applyTo(m: Matrix4): void {
    multiply4(m, this.matrix);
  }

  /** Mirrors an item of `width` by `height` about its centre: across x (flipY) and/or y (flipX). */
  setMirror(width: number, height: number, flipY: boolean, flipX: boolean): void {
    const sx = flipY ? -1 : 1;
    const sy = flipX ? -1 : 1;
    const tx = flipY ? width : 0;
    const ty = flipX ? height : 0;
    this.matrix = [sx, 0, 0, 0, 0, sy, 0, 0, 0, 0, 1, 0, tx, ty, 0, 1];
    this.update();
  }
}

export const LocalTransformMeta: MetaObject = defineType(LocalTransform, TransformMeta, {
  name: 'LocalTransform',
  cppClass: 'QQuickLocalTransform',
  creatable: false,
});

export class Flipable extends Item implements ItemChangeListener {
  private current = Side.Front;
  private sideDirty = false;
  private wantBackXFlipped = false;
  private wantBackYFlipped = false;
  private backTransform: LocalTransform | null = null;

  /** QQuickFlipablePrivate::transformChanged: the side is worked out again at the next polish. */
  override markDirty(bits: Dirty): void {
    if (bits & Dirty.Transform && !this.sideDirty) {
      this.sideDirty = true;
      this.polish();
    }
    super.markDirty(bits);
  }

  protected override updatePolish(): void {
    this.updateSide();
  }

  setFront(front: Item | null): void {
    if (this.$v[FLIPABLE.front] !== null) {
      qmlWarning(this, 'front is a write-once property');
      return;
    }
    if (front === null) return;
    this.$v[FLIPABLE.front] = front;
    front.setParentItem(this);
    if (this.current === Side.Back) {
      front.opacity = 0;
      front.enabled = false;
    }
    this.$emit(FLIPABLE.frontChanged, undefined);
  }

  setBack(back: Item | null): void {
    if (this.$v[FLIPABLE.back] !== null) {
      qmlWarning(this, 'back is a write-once property');
      return;
    }
    if (back === null) return;
    this.$v[FLIPABLE.back] = back;
    back.setParentItem(this);
    const t = new LocalTransform();
    t.$engine = this.$engine;
    this.backTransform = t;
    back.prependTransform(t);
    if (this.current === Side.Front) {
      back.opacity = 0;
      back.enabled = false;
    }
    back.addListener(this);
    this.$emit(FLIPABLE.backChanged, undefined);
  }

  /** The back was resized: its mirror moves with its centre (QQuickFlipable::retransformBack). */
  itemChanged(_item: Item, change: Change): void {
    if (change & (Change.Width | Change.Height) && this.current === Side.Back) this.setBackTransform();
  }

  /**
   * QQuickFlipablePrivate::updateSide: maps (0,0), (1,0), (1,1) through the
   * item's own transform; the back faces the viewer when they turn
   * clockwise on screen.
   */
  updateSide(): void {
    if (!this.sideDirty) return;
    this.sideDirty = false;
    const t = this.parentTransform();
    const p1 = mapThrough(t, 0, 0);
    const p2 = mapThrough(t, 1, 0);
    const p3 = mapThrough(t, 1, 1);
    const cross = (p1.x - p2.x) * (p3.y - p2.y) - (p1.y - p2.y) * (p3.x - p2.x);
    this.wantBackYFlipped = p1.x >= p2.x;
    this.wantBackXFlipped = p2.y >= p3.y;
    const side = cross > 0 ? Side.Back : Side.Front;
    if (side === this.current) return;
    this.current = side;
    this.$v[FLIPABLE.side] = side;
    const front = this.$v[FLIPABLE.front] as Item | null;
    const back = this.$v[FLIPABLE.back] as Item | null;
    if (side === Side.Back && back !== null) this.setBackTransform();
    if (front !== null) {
      front.opacity = side === Side.Front ? 1 : 0;
      front.enabled = side === Side.Front;
    }
    if (back !== null) {
      back.opacity = side === Side.Back ? 1 : 0;
      back.enabled = side === Side.Back;
    }
    this.$emit(FLIPABLE.sideChanged, undefined);
  }

  private setBackTransform(): void {
    const back = this.$v[FLIPABLE.back] as Item;
    const w = back.width;
    const h = back.height;
    this.backTransform?.setMirror(w, h, w !== 0 && this.wantBackYFlipped, h !== 0 && this.wantBackXFlipped);
  }
}

export const FlipableMeta: MetaObject = defineType(Flipable, ItemMeta, {
  name: 'Flipable',
  cppClass: 'QQuickFlipable',
  properties: {
    front: { type: 'Item', write: (o, v) => (o as Flipable).setFront(v as Item | null) },
    back: { type: 'Item', write: (o, v) => (o as Flipable).setBack(v as Item | null) },
    side: { type: 'enumeration', readonly: true },
  },
  enums: { Front: Side.Front, Back: Side.Back },
});

const FLIPABLE = {
  side: FlipableMeta.index('side'),
  front: FlipableMeta.index('front'),
  back: FlipableMeta.index('back'),
  frontChanged: FlipableMeta.signalsByName.get('frontChanged')!.index,
  backChanged: FlipableMeta.signalsByName.get('backChanged')!.index,
  sideChanged: FlipableMeta.signalsByName.get('sideChanged')!.index,
};

// Reading `side` works it out first when the transform changed since (QQuickFlipable::side).
Object.defineProperty(Flipable.prototype, 'side', {
  configurable: true,
  get(this: Flipable) {
    this.updateSide();
    return this.$read(FLIPABLE.side);
  },
  set(this: Flipable, v: unknown) {
    this.$assign(FLIPABLE.side, v);
  },
});
