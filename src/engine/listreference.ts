// What QML code reads from a list property (`list<Item>`, `children`,
// `data`): like Qt 6.4's QmlListWrapper, an object over the property, not an
// array. It has `length` (writable: shorter truncates), indexed elements and
// `push`; Array.isArray is false, it prints as [object Object], it is not
// iterable with for...of, and every read makes a new one (so `l === l2` is
// false for two reads). Array.prototype methods work on it through `call`.
// Measured with Qt 6.4: typeof push is "function", typeof indexOf and map
// "undefined", Object.keys gives the indices, `l[i] = x` changes nothing.
// A list of values (`list<string>`) is a sequence instead (sequenceReference).

import { AssignError } from './assign-error';

/** The operations of a list property (QQmlListProperty's count/at/append/clear). */
export interface ListSource {
  count(): number;
  at(index: number): unknown;
  append(value: unknown): void;
  clear(): void;
}

const SOURCE: unique symbol = Symbol('list source');

interface ListTarget {
  [SOURCE]: ListSource;
}

const prototype = Object.create(Object.prototype, {
  push: {
    value: function push(this: { length: number }, ...values: unknown[]): number {
      const source = (this as unknown as ListTarget)[SOURCE];
      for (const v of values) source.append(v);
      return source.count();
    },
    writable: true,
    configurable: true,
    enumerable: false,
  },
}) as object;

function index(key: string | symbol): number {
  if (typeof key !== 'string') return -1;
  const n = Number(key);
  return Number.isInteger(n) && n >= 0 && String(n) === key ? n : -1;
}

const handler: ProxyHandler<ListTarget> = {
  get(target, key, receiver) {
    if (key === SOURCE) return target[SOURCE];
    if (key === 'length') return target[SOURCE].count();
    const i = index(key);
    if (i >= 0) {
      const source = target[SOURCE];
      return i < source.count() ? source.at(i) : undefined;
    }
    return Reflect.get(target, key, receiver);
  },
  set(target, key, value) {
    if (key === 'length') {
      // A shorter length keeps the first elements (Qt clears and appends them again).
      const source = target[SOURCE];
      const n = Math.max(0, Math.trunc(Number(value)) || 0);
      if (n < source.count()) {
        const keep: unknown[] = [];
        for (let i = 0; i < n; i++) keep.push(source.at(i));
        source.clear();
        for (const v of keep) source.append(v);
      }
      return true;
    }
    // Qt ignores writes to elements and other properties.
    return true;
  },
  has(target, key) {
    if (key === 'length') return true;
    const i = index(key);
    if (i >= 0) return i < target[SOURCE].count();
    return Reflect.has(target, key);
  },
  ownKeys(target) {
    const keys: Array<string | symbol> = [];
    const n = target[SOURCE].count();
    for (let i = 0; i < n; i++) keys.push(String(i));
    keys.push('length', SOURCE);
    return keys;
  },
  getOwnPropertyDescriptor(target, key) {
    if (key === 'length')
      return { value: target[SOURCE].count(), writable: true, enumerable: false, configurable: false };
    if (key === SOURCE) return Reflect.getOwnPropertyDescriptor(target, key);
    const i = index(key);
    if (i >= 0 && i < target[SOURCE].count())
      return { value: target[SOURCE].at(i), writable: true, enumerable: true, configurable: true };
    return undefined;
  },
  defineProperty() {
    return true;
  },
  deleteProperty() {
    return true;
  },
};

/** A new list reference over `source`. */
export function listReference(source: ListSource): object {
  const target = Object.create(prototype) as ListTarget;
  Object.defineProperty(target, 'length', {
    value: 0,
    writable: true,
    enumerable: false,
    configurable: false,
  });
  Object.defineProperty(target, SOURCE, { value: source, enumerable: false });
  return new Proxy(target, handler);
}

/** The sequence made for each list of values (a second read gives the same one, as in Qt). */
const sequences = new WeakMap<unknown[], unknown[]>();

/**
 * What QML code reads from a list of values (`list<string>`, `list<real>`):
 * like Qt 6.4's sequence wrapper, the list itself, with the array methods
 * (join, map, indexOf, concat, sort, ...), printed as `[a,b]`, the same
 * object for every read. Writing an element or the length changes the
 * property (each write announces it); elements are converted to the
 * element type.
 */
export function sequenceReference(
  values: unknown[],
  changed: () => void,
  convert: (v: unknown) => unknown,
): unknown[] {
  let s = sequences.get(values);
  if (s === undefined) {
    s = new Proxy(values, {
      set(target, key, value) {
        if (key === 'length') {
          const n = Math.max(0, Math.trunc(Number(value)) || 0);
          if (n !== target.length) {
            target.length = n;
            changed();
          }
          return true;
        }
        const i = index(key);
        if (i < 0) return Reflect.set(target, key, value);
        try {
          target[i] = convert(value);
        } catch (e) {
          throw e instanceof AssignError ? e.toScriptError() : e;
        }
        changed();
        return true;
      },
      // (array methods that shorten the list delete its last elements, then set the length)
      deleteProperty(target, key) {
        return Reflect.deleteProperty(target, key);
      },
    });
    sequences.set(values, s);
  }
  return s;
}

/** The elements of a list reference (for assigning one list property to another), or undefined. */
export function listElements(v: unknown): unknown[] | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const source = (v as Partial<ListTarget>)[SOURCE];
  if (source === undefined) return undefined;
  const out: unknown[] = [];
  const n = source.count();
  for (let i = 0; i < n; i++) out.push(source.at(i));
  return out;
}

/** A list property stored as an array in the object (`property list<Item> items`). */
export function arrayListSource(
  read: () => unknown[] | null,
  write: (values: unknown[]) => void,
  append: (value: unknown) => void,
): ListSource {
  return {
    count: () => read()?.length ?? 0,
    at: (i) => read()?.[i],
    append,
    clear: () => write([]),
  };
}
