// Item.transform's elements (QQuickTransform): Translate, Scale, Rotation and
// Matrix4x4. Each multiplies the item's 4x4 matrix as Qt's applyTo does;
// Rotation about the x or y axis projects back onto the plane with Qt's
// perspective, a viewer 1024 px away (QMatrix4x4::projectedRotate).
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';
import { QMatrix4x4, QVector3D } from '../../engine/valuetypes';

/** A QTransform: [m11, m12, m13, m21, m22, m23, dx, dy, m33] (a point is (x, y, 1) times it). */
export type QTransform = [number, number, number, number, number, number, number, number, number];

/** A 4x4 matrix, column-major like QMatrix4x4's m[column][row]: m[c * 4 + r]. */
export type Matrix4 = number[];

const INV_DIST_TO_PLANE = 1 / 1024;

/** m = m * translation(x, y, z) (QMatrix4x4::translate). */
export function translate4(m: Matrix4, x: number, y: number, z: number): void {
  for (let r = 0; r < 4; r++) m[12 + r]! += m[r]! * x + m[4 + r]! * y + m[8 + r]! * z;
}

/** m = m * scaling(x, y, z) (QMatrix4x4::scale). */
export function scale4(m: Matrix4, x: number, y: number, z: number): void {
  for (let r = 0; r < 4; r++) {
    m[r]! *= x;
    m[4 + r]! *= y;
    m[8 + r]! *= z;
  }
}

/** m = m * o. */
function multiply4(m: Matrix4, o: Matrix4): void {
  const a = m.slice();
  for (let c = 0; c < 4; c++)
    for (let r = 0; r < 4; r++)
      m[c * 4 + r] =
        a[r]! * o[c * 4]! +
        a[4 + r]! * o[c * 4 + 1]! +
        a[8 + r]! * o[c * 4 + 2]! +
        a[12 + r]! * o[c * 4 + 3]!;
}

/** The sine and cosine of an angle in degrees, exact at the quarter turns (QMatrix4x4::rotate). */
function sinCos(angle: number): [number, number] {
  if (angle === 90 || angle === -270) return [1, 0];
  if (angle === -90 || angle === 270) return [-1, 0];
  if (angle === 180 || angle === -180) return [0, -1];
  const a = Math.fround((angle * Math.PI) / 180);
  return [Math.fround(Math.sin(a)), Math.fround(Math.cos(a))];
}

/** m = m * a rotation about the z axis, by its sine and cosine. */
export function rotateZ4(m: Matrix4, s: number, c: number): void {
  for (let r = 0; r < 4; r++) {
    const m0 = m[r]!;
    m[r] = m0 * c + m[4 + r]! * s;
    m[4 + r] = m[4 + r]! * c - m0 * s;
  }
}

/**
 * m = m * a rotation of `angle` degrees about (x, y, z), projected back onto
 * the z = 0 plane (QMatrix4x4::projectedRotate).
 */
function projectedRotate4(m: Matrix4, angle: number, x: number, y: number, z: number): void {
  if (angle === 0) return;
  let [s, c] = sinCos(angle);
  if (x === 0 && y === 0 && z !== 0) {
    rotateZ4(m, z < 0 ? -s : s, c);
    return;
  }
  if (x === 0 && y !== 0 && z === 0) {
    if (y < 0) s = -s;
    for (let r = 0; r < 4; r++) m[r] = m[r]! * c + m[12 + r]! * s * INV_DIST_TO_PLANE;
    return;
  }
  if (x !== 0 && y === 0 && z === 0) {
    if (x < 0) s = -s;
    for (let r = 0; r < 4; r++) m[4 + r] = m[4 + r]! * c - m[12 + r]! * s * INV_DIST_TO_PLANE;
    return;
  }
  const len = x * x + y * y + z * z;
  // (qFuzzyCompare(len, 1) and qFuzzyIsNull(len))
  if (Math.abs(len - 1) * 1e12 > Math.min(1, len) && Math.abs(len) > 1e-12) {
    const l = Math.sqrt(len);
    x = Math.fround(x / l);
    y = Math.fround(y / l);
    z = Math.fround(z / l);
  }
  const ic = 1 - c;
  // prettier-ignore
  multiply4(m, [
    x * x * ic + c,
    y * x * ic + z * s,
    0,
    (x * z * ic - y * s) * -INV_DIST_TO_PLANE,
    x * y * ic - z * s,
    y * y * ic + c,
    0,
    (y * z * ic + x * s) * -INV_DIST_TO_PLANE,
    0,
    0,
    1,
    0,
    0,
    0,
    0,
    1,
  ]);
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

const update = (o: QObject) => (o as ItemTransform).update();

// Qt: QQuickTransform is the base type, known to QML but not creatable ("Transform is not a type").
export const TransformMeta: MetaObject = defineType(ItemTransform, QtObjectMeta, {
  name: 'Transform',
  cppClass: 'QQuickTransform',
  creatable: false,
});

export class Translate extends ItemTransform {
  applyTo(m: Matrix4): void {
    translate4(m, this.$v[TRANSLATE.x] as number, this.$v[TRANSLATE.y] as number, 0);
  }
}

export const TranslateMeta: MetaObject = defineType(Translate, TransformMeta, {
  name: 'Translate',
  cppClass: 'QQuickTranslate',
  properties: {
    x: { type: 'real', changed: update },
    y: { type: 'real', changed: update },
  },
});

const TRANSLATE = { x: TranslateMeta.index('x'), y: TranslateMeta.index('y') };

export class Scale extends ItemTransform {
  applyTo(m: Matrix4): void {
    const v = this.$v;
    const o = v[SCALE.origin] as QVector3D;
    translate4(m, o.x, o.y, o.z);
    scale4(m, v[SCALE.xScale] as number, v[SCALE.yScale] as number, v[SCALE.zScale] as number);
    translate4(m, -o.x, -o.y, -o.z);
  }
}

// (each of xScale, yScale and zScale also announces scaleChanged, after its own signal)
const scaled = (name: string) => (o: QObject, v: unknown) => {
  if (o.$store(ScaleMeta.index(name), v))
    o.$emit(ScaleMeta.signalsByName.get('scaleChanged')!.index, undefined);
};

export const ScaleMeta: MetaObject = defineType(Scale, TransformMeta, {
  name: 'Scale',
  cppClass: 'QQuickScale',
  properties: {
    origin: { type: 'vector3d', default: new QVector3D(0, 0, 0), changed: update },
    xScale: { type: 'real', default: 1, changed: update, write: scaled('xScale') },
    yScale: { type: 'real', default: 1, changed: update, write: scaled('yScale') },
    zScale: { type: 'real', default: 1, changed: update, write: scaled('zScale') },
  },
  signals: { scaleChanged: {} },
});

const SCALE = {
  origin: ScaleMeta.index('origin'),
  xScale: ScaleMeta.index('xScale'),
  yScale: ScaleMeta.index('yScale'),
  zScale: ScaleMeta.index('zScale'),
};

export class Rotation extends ItemTransform {
  applyTo(m: Matrix4): void {
    const v = this.$v;
    const angle = v[ROTATION.angle] as number;
    const axis = v[ROTATION.axis] as QVector3D;
    if (angle === 0 || (axis.x === 0 && axis.y === 0 && axis.z === 0)) return;
    const o = v[ROTATION.origin] as QVector3D;
    translate4(m, o.x, o.y, o.z);
    projectedRotate4(m, angle, axis.x, axis.y, axis.z);
    translate4(m, -o.x, -o.y, -o.z);
  }
}

export const RotationMeta: MetaObject = defineType(Rotation, TransformMeta, {
  name: 'Rotation',
  cppClass: 'QQuickRotation',
  properties: {
    origin: { type: 'vector3d', default: new QVector3D(0, 0, 0), changed: update },
    angle: { type: 'real', changed: update },
    axis: { type: 'vector3d', default: new QVector3D(0, 0, 1), changed: update },
  },
});

const ROTATION = {
  origin: RotationMeta.index('origin'),
  angle: RotationMeta.index('angle'),
  axis: RotationMeta.index('axis'),
};

export class Matrix4x4 extends ItemTransform {
  applyTo(m: Matrix4): void {
    // Qt.matrix4x4's values are row-major (m11, m12, ...).
    const rows = (this.$v[MATRIX.matrix] as QMatrix4x4).$values();
    const cols: Matrix4 = [];
    for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) cols.push(rows[r * 4 + c]!);
    multiply4(m, cols);
  }
}

export const Matrix4x4Meta: MetaObject = defineType(Matrix4x4, TransformMeta, {
  name: 'Matrix4x4',
  cppClass: 'QQuickMatrix4x4',
  properties: { matrix: { type: 'matrix4x4', default: new QMatrix4x4(), changed: update } },
});

const MATRIX = { matrix: Matrix4x4Meta.index('matrix') };
