// Bindings on a field of a value-type property (`origin.x: 20`,
// `color.r: 0.5`, `p.y: k * 2`), like Qt's value type proxies: each such
// property of an object gets one proxy object whose properties are the
// value's fields. Writing one stores a copy of the value with that field
// changed. Assigning the whole property from JavaScript removes the proxy's
// bindings (QObject.$assign), as Qt removes them.
import { defineType, type MetaObject, type PropertySpec, QObject, valueGroups } from './qobject';
import { ValueType } from './valuetypes';

const xy = ['x', 'y'];
const MATRIX_FIELDS: string[] = [];
for (let r = 1; r <= 4; r++) for (let c = 1; c <= 4; c++) MATRIX_FIELDS.push(`m${r}${c}`);

/** The fields of each value type: writable ones, then read-only ones. */
const FIELDS: Record<string, [string[], string[]?]> = {
  point: [xy],
  size: [['width', 'height']],
  rect: [
    [...xy, 'width', 'height'],
    ['left', 'right', 'top', 'bottom'],
  ],
  color: [
    ['r', 'g', 'b', 'a', 'hsvHue', 'hsvSaturation', 'hsvValue', 'hslHue', 'hslSaturation', 'hslLightness'],
  ],
  vector2d: [xy],
  vector3d: [[...xy, 'z']],
  vector4d: [[...xy, 'z', 'w']],
  quaternion: [['scalar', ...xy, 'z']],
  matrix4x4: [MATRIX_FIELDS],
};

/** The proxy of one value-type property of one object. */
class ValueGroup extends QObject {
  owner: QObject | null = null;
  index = 0;

  writeField(name: string, v: unknown): void {
    const owner = this.owner!;
    const value = owner.$v[this.index];
    if (!(value instanceof ValueType)) return;
    const copy = value.$clone() as unknown as Record<string, unknown>;
    copy[name] = v;
    owner.$write(this.index, copy);
  }
}

const metas = new Map<string, MetaObject>();

/** The fields of a value type as properties (for `name.field: value`), or undefined for other types. */
export function valueGroupMeta(type: string): MetaObject | undefined {
  const fields = FIELDS[type];
  if (fields === undefined) return undefined;
  let meta = metas.get(type);
  if (meta === undefined) {
    const properties: Record<string, PropertySpec> = {};
    for (const name of fields[0])
      properties[name] = {
        type: 'real',
        constant: true,
        write: (o, v) => (o as ValueGroup).writeField(name, v),
      };
    // (no change signals: `p.onXChanged` is not a handler Qt knows)
    for (const name of fields[1] ?? []) properties[name] = { type: 'real', constant: true, readonly: true };
    meta = defineType(class extends ValueGroup {}, null, { name: type, properties });
    metas.set(type, meta);
  }
  return meta;
}

/** The proxy of `obj`'s value-type property `name` (through an alias to where it points). */
export function valueGroupOf(obj: QObject, name: string, meta: MetaObject): QObject {
  let owner = obj;
  let index = obj.$meta.propsByName.get(name)!.index;
  if ((obj.$meta.props[index] as { alias?: unknown }).alias !== undefined) {
    const r = obj.$resolveAlias(index);
    owner = r.obj;
    index = r.index;
  }
  let groups = valueGroups.get(owner);
  if (groups === undefined) {
    groups = new Map();
    valueGroups.set(owner, groups);
  }
  // A binding on a field replaces one on the whole value (a base type's `p: Qt.point(k, k)`).
  owner.$setBinding(index, undefined);
  let g = groups.get(index) as ValueGroup | undefined;
  if (g === undefined) {
    g = new (meta.ctor as unknown as new () => ValueGroup)();
    g.owner = owner;
    g.index = index;
    g.$engine = owner.$engine;
    groups.set(index, g);
  }
  return g;
}
