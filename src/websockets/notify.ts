// The QtWebSockets types' change signals carry the new value, as in Qt:
// `statusChanged(Status status)`, `activeChanged(bool isActive)`,
// `portChanged(int port)`, ... so `onStatusChanged: function (status) {}`
// and the older `onStatusChanged: print(status)` both see it.
import { type MetaObject, QObject } from '../engine/qobject';

/** Names the parameter of each listed property's change signal (`status` -> `statusChanged(status)`). */
export function nameNotifyParameters(meta: MetaObject, params: Record<string, string>): void {
  for (const [property, param] of Object.entries(params)) {
    const info = meta.propsByName.get(property);
    if (!info || info.notify < 0) throw new Error(`${meta.name}.${property} has no change signal`);
    meta.signals[info.notify]!.params.push({ name: param });
  }
}

/**
 * Base of the QtWebSockets types: their setters follow Qt's (each property
 * has its own order of side effects), so every write comes through
 * `$write`, which subclasses route to their setters.
 */
export abstract class NotifyingObject extends QObject {
  /**
   * Stores a property value and emits its change signal with the value as
   * argument, if the value changed. Returns whether it changed.
   */
  $storeNotify(idx: number, value: unknown, same: (a: unknown, b: unknown) => boolean = Object.is): boolean {
    if (same(this.$v[idx], value)) return false;
    this.$v[idx] = value;
    const info = this.$meta.props[idx]!;
    if (info.notify >= 0) {
      const signal = this.$meta.signals[info.notify]!;
      this.$emit(info.notify, signal.params.length > 0 ? [value] : undefined);
    }
    return true;
  }

  /** Emits signal `name` with `args`. */
  $emitNamed(name: string, args?: unknown[]): void {
    this.$emit(this.$meta.signalsByName.get(name)!.index, args);
  }

  /** The value as property `idx` stores it (the property type's conversion). */
  $coerce(idx: number, value: unknown): unknown {
    return this.$meta.props[idx]!.coerce(value, this);
  }
}

/** Qt's QStringList conversion of a QML value: an array's elements as strings; a single value as a one-element list. */
export function toStringList(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.map((e) => (e === null || e === undefined ? '' : String(e)));
  return [String(v)];
}

export function sameStringList(a: unknown, b: unknown): boolean {
  const x = a as string[];
  const y = b as string[];
  return x.length === y.length && x.every((s, i) => s === y[i]);
}
