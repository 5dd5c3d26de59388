// Small array helpers for paths that run for every object a view creates.

/**
 * Removes `list[i]`, keeping the order of the rest, without allocating
 * (Array.prototype.splice makes an array of what it removes).
 */
export function removeAt<T>(list: T[], i: number): void {
  const last = list.length - 1;
  for (let k = i; k < last; k++) list[k] = list[k + 1]!;
  list.pop();
}

/** Removes the first `x` in `list`, if any (see removeAt). */
export function removeItem<T>(list: T[], x: T): void {
  const i = list.indexOf(x);
  if (i >= 0) removeAt(list, i);
}
