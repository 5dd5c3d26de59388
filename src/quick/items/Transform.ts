// Item.transform's elements (QQuickTransform): Translate, Scale, Rotation and
// Matrix4x4. Each multiplies the item's 4x4 matrix as Qt's applyTo does;
// Rotation about the x or y axis projects back onto the plane with Qt's
// perspective, a viewer 1024 px away (QMatrix4x4::projectedRotate).
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';

/** A QTransform: [m11, m12, m13, m21, m22, m23, dx, dy, m33] (a point is (x, y, 1) times it). */
export type QTransform = [number, number, number, number, number, number, number, number, number];

export const IDENTITY: QTransform = [1, 0, 0, 0, 1, 0, 0, 0, 1];

// QTransform's operations (double precision), each applied to a point
// before `t`: QTransform::translate, scale and rotate.

export function translate3(t: QTransform, dx: number, dy: number): QTransform {
  const [m11, m12, m13, m21, m22, m23, m31, m32, m33] = t;
  return [
    m11,
    m12,
    m13,
    m21,
    m22,
    m23,
    m31 + (dx * m11 + dy * m21),
    m32 + (dy * m22 + dx * m12),
    m33 + (dx * m13 + dy * m23),
  ];
}

export function scale3(t: QTransform, sx: number, sy: number): QTransform {
  const [m11, m12, m13, m21, m22, m23, m31, m32, m33] = t;
  return [m11 * sx, m12 * sx, m13 * sx, m21 * sy, m22 * sy, m23 * sy, m31, m32, m33];
}

/** Rotation about the z axis, clockwise in degrees; exact at the quarter turns. */
export function rotate3(t: QTransform, a: number): QTransform {
  let sin = 0;
  let cos = 0;
  if (a === 90 || a === -270) sin = 1;
  else if (a === 270 || a === -90) sin = -1;
  else if (a === 180) cos = -1;
  else {
    const b = 0.017453292519943295 * a;
    sin = Math.sin(b);
    cos = Math.cos(b);
  }
  const [m11, m12, m13, m21, m22, m23, m31, m32, m33] = t;
  // prettier-ignore
  return [
    cos * m11 + sin * m21,
    cos * m12 + sin * m22,
    cos * m13 + sin * m23,
    -sin * m11 + cos * m21,
    -sin * m12 + cos * m22,
    -sin * m13 + cos * m23,
    m31,
    m32,
    m33,
  ];
}

/** A 4x4 matrix, column-major like QMatrix4x4's m[column][row]: m[c * 4 + r]. Single precision, like Qt's. */
export type Matrix4 = number[];

const f = Math.fround;

/** QMatrix4x4(QTransform): the z row and column of the identity, in single precision. */
export function matrixOf(t: QTransform): Matrix4 {
  return [t[0], t[1], 0, t[2], t[3], t[4], 0, t[5], 0, 0, 1, 0, t[6], t[7], 0, t[8]].map(f);
}

/** QMatrix4x4::toTransform: the z row and column dropped. */
export function transformOf(m: Matrix4): QTransform {
  return [m[0]!, m[1]!, m[3]!, m[4]!, m[5]!, m[7]!, m[12]!, m[13]!, m[15]!];
}

/** m = m * o (QMatrix4x4::operator*=). */
export function multiply4(m: Matrix4, o: Matrix4): void {
  const a = m.slice();
  for (let c = 0; c < 4; c++)
    for (let r = 0; r < 4; r++) {
      let sum = f(a[r]! * o[c * 4]!);
      for (let k = 1; k < 4; k++) sum = f(sum + f(a[k * 4 + r]! * o[c * 4 + k]!));
      m[c * 4 + r] = sum;
    }
}

interface TransformUser {
  transformChanged(): void;
  removeTransform(t: ItemTransform): void;
}

/** QQuickTransform: tells the items that use it when it changes. */
export abstract class ItemTransform extends QObject {
  private readonly users: TransformUser[] = [];

  /** Multiplies `m` by this transform (QQuickTransform::applyTo). */
  abstract applyTo(m: Matrix4): void;

  addUser(item: TransformUser): void {
    this.users.push(item);
  }

  removeUser(item: TransformUser): void {
    const i = this.users.indexOf(item);
    if (i >= 0) this.users.splice(i, 1);
  }

  override $teardown(): void {
    for (const u of this.users.slice()) u.removeTransform(this);
  }

  /** A property changed: every item using this transform moves (QQuickTransform::update). */
  update(): void {
    for (const u of this.users.slice()) u.transformChanged();
  }
}

/** A property's change hook: the items using the transform move. */
export const update = (o: QObject) => (o as ItemTransform).update();

// Qt: QQuickTransform is the base type, known to QML but not creatable ("Transform is not a type").
export const TransformMeta: MetaObject = defineType(ItemTransform, QtObjectMeta, {
  name: 'Transform',
  cppClass: 'QQuickTransform',
  creatable: false,
});
