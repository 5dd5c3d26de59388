// Geometry changes of two properties at once, as QQuickItem::setPosition and
// setSize make them (for the layouts and the view transitions).
import { ITEM, type Item } from './Item';

/**
 * Two geometry properties of an item in one change, as Qt's geometryChange:
 * both values first, then what follows each (anchors, listeners), then their
 * change signals. True if either changed.
 */
export function setPair(item: Item, ia: number, ib: number, a: number, b: number): boolean {
  const oa = item.$v[ia] as number;
  const ob = item.$v[ib] as number;
  const ca = oa !== a;
  const cb = ob !== b;
  if (!ca && !cb) return false;
  item.$v[ia] = a;
  item.$v[ib] = b;
  const props = item.$meta.props;
  if (ca) props[ia]!.changed?.(item, oa);
  if (cb) props[ib]!.changed?.(item, ob);
  if (ca) item.$announce(ia);
  if (cb) item.$announce(ib);
  return true;
}

/** QQuickItem::setPosition. */
export function setPosition(item: Item, x: number, y: number): void {
  setPair(item, ITEM.x, ITEM.y, x, y);
}
