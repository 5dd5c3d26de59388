// Translate, Scale, Rotation and Matrix4x4 (QQuickTranslate, QQuickScale,
// QQuickRotation, QQuickMatrix4x4): the transforms an Item's `transform`
// list takes, loaded on first use. Matrices are single precision, like Qt's.
import { defineType, type MetaObject, type QObject } from '../../engine/qobject';
import { QMatrix4x4, QVector3D } from '../../engine/valuetypes';
import { ItemTransform, type Matrix4, multiply4, TransformMeta, update } from './Transform';

const f = Math.fround;
const INV_DIST_TO_PLANE = 1 / 1024;

/** m = m * translation(x, y, z) (QMatrix4x4::translate). */
function translate4(m: Matrix4, x: number, y: number, z: number): void {
  x = f(x);
  y = f(y);
  z = f(z);
  for (let r = 0; r < 4; r++)
    m[12 + r] = f(m[12 + r]! + f(f(f(m[r]! * x) + f(m[4 + r]! * y)) + f(m[8 + r]! * z)));
}

/** m = m * scaling(x, y, z) (QMatrix4x4::scale). */
function scale4(m: Matrix4, x: number, y: number, z: number): void {
  for (let r = 0; r < 4; r++) {
    m[r] = f(m[r]! * f(x));
    m[4 + r] = f(m[4 + r]! * f(y));
    m[8 + r] = f(m[8 + r]! * f(z));
  }
}

/**
 * m = m * a rotation of `angle` degrees about (x, y, z), projected back onto
 * the z = 0 plane (QMatrix4x4::projectedRotate).
 */
function projectedRotate4(m: Matrix4, angle: number, x: number, y: number, z: number): void {
  angle = f(angle);
  if (angle === 0) return;
  let s: number;
  let c: number;
  if (angle === 90 || angle === -270) [s, c] = [1, 0];
  else if (angle === -90 || angle === 270) [s, c] = [-1, 0];
  else if (angle === 180 || angle === -180) [s, c] = [0, -1];
  else {
    const a = f((angle * Math.PI) / 180);
    s = f(Math.sin(a));
    c = f(Math.cos(a));
  }
  if (x === 0 && y === 0 && z !== 0) {
    if (z < 0) s = -s;
    for (let r = 0; r < 4; r++) {
      const m0 = m[r]!;
      m[r] = f(f(m0 * c) + f(m[4 + r]! * s));
      m[4 + r] = f(f(m[4 + r]! * c) - f(m0 * s));
    }
    return;
  }
  if (x === 0 && y !== 0 && z === 0) {
    if (y < 0) s = -s;
    for (let r = 0; r < 4; r++) m[r] = f(f(m[r]! * c) + f(f(m[12 + r]! * s) * INV_DIST_TO_PLANE));
    return;
  }
  if (x !== 0 && y === 0 && z === 0) {
    if (x < 0) s = -s;
    for (let r = 0; r < 4; r++) m[4 + r] = f(f(m[4 + r]! * c) - f(f(m[12 + r]! * s) * INV_DIST_TO_PLANE));
    return;
  }
  const len = x * x + y * y + z * z;
  // (qFuzzyCompare(len, 1) and qFuzzyIsNull(len))
  if (Math.abs(len - 1) * 1e12 > Math.min(1, len) && Math.abs(len) > 1e-12) {
    const l = Math.sqrt(len);
    x = f(x / l);
    y = f(y / l);
    z = f(z / l);
  }
  const ic = f(1 - c);
  const p = (u: number, v: number) => f(f(u * v) * ic);
  // prettier-ignore
  multiply4(m, [
    f(p(x, x) + c),
    f(p(y, x) + f(z * s)),
    0,
    f(f(p(x, z) - f(y * s)) * -INV_DIST_TO_PLANE),
    f(p(x, y) - f(z * s)),
    f(p(y, y) + c),
    0,
    f(f(p(y, z) + f(x * s)) * -INV_DIST_TO_PLANE),
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
