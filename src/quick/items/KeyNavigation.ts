// KeyNavigation (QQuickKeyNavigationAttached): the arrow keys, Tab and
// Backtab move the active focus to the item named for that direction,
// passing over items that are hidden or disabled by following their own
// KeyNavigation the same way. Naming an item for a direction names this one
// for the opposite direction of that item, unless it set its own. Left and
// right swap under LayoutMirroring.
import { defineType, type MetaObject, type QObject } from '../../engine/qobject';
import { ITEM, Item, type KeyEventLike } from './Item';
import { ItemKeyFilter } from './KeysAttached';

enum Dir {
  Left = 0,
  Right = 1,
  Up = 2,
  Down = 3,
  Tab = 4,
  Backtab = 5,
}

const NAMES = ['left', 'right', 'up', 'down', 'tab', 'backtab'];
/** The opposite of each direction. */
const OPPOSITE = [Dir.Right, Dir.Left, Dir.Down, Dir.Up, Dir.Backtab, Dir.Tab];
const KEY_TAB = 0x01000001;
const KEY_BACKTAB = 0x01000002;
const KEY_LEFT = 0x01000012;
const KEY_UP = 0x01000013;
const KEY_RIGHT = 0x01000014;
const KEY_DOWN = 0x01000015;

export class KeyNavigationAttached extends ItemKeyFilter {
  /** Directions set on this object itself (Qt's leftSet, rightSet, ...), one bit each. */
  private explicit = 0;

  /** The item for a direction (none once it is destroyed: Qt holds it in a QPointer). */
  target(dir: Dir): Item | null {
    const t = this.$v[KN.dirs[dir]!] as Item | null;
    return t !== null && !t.$destroyed ? t : null;
  }

  /** QQuickKeyNavigationAttached::setLeft and the others. */
  setTarget(dir: Dir, item: Item | null): void {
    const bit = 1 << dir;
    const current = this.target(dir);
    if (this.explicit & bit && current === item) return;
    if (current !== item) this.explicit |= bit;
    else this.explicit &= ~bit;
    // ($store guards the item: the property reads null once it is destroyed, as Qt's QPointer)
    if (item !== null && this.owner !== null) {
      const other = item.$attachedObject(KeyNavigationMeta) as KeyNavigationAttached;
      const back = OPPOSITE[dir]!;
      if (!(other.explicit & (1 << back)) && !other.$store(KN.dirs[back]!, this.owner))
        other.$emit(KN.changed[back]!, undefined);
    }
    if (!this.$store(KN.dirs[dir]!, item)) this.$emit(KN.changed[dir]!, undefined);
  }

  private get processPost(): boolean {
    return this.$v[KN.priority] === 1;
  }

  /** The direction a key moves in, mirrored for left and right under LayoutMirroring. */
  private direction(key: number): Dir | undefined {
    const mirror = this.owner?.effectiveLayoutMirror === true;
    switch (key) {
      case KEY_LEFT:
        return mirror ? Dir.Right : Dir.Left;
      case KEY_RIGHT:
        return mirror ? Dir.Left : Dir.Right;
      case KEY_UP:
        return Dir.Up;
      case KEY_DOWN:
        return Dir.Down;
      case KEY_TAB:
        return Dir.Tab;
      case KEY_BACKTAB:
        return Dir.Backtab;
      default:
        return undefined;
    }
  }

  keyPressed(e: KeyEventLike, post: boolean): void {
    const dir = post === this.processPost ? this.direction(e.key) : undefined;
    const target = dir === undefined ? null : this.target(dir);
    e.accepted = target !== null;
    if (target !== null) focusNavigation(target, dir!);
  }

  keyReleased(e: KeyEventLike, post: boolean): void {
    const dir = post === this.processPost ? this.direction(e.key) : undefined;
    e.accepted = dir !== undefined && this.target(dir) !== null;
  }
}

/**
 * QQuickKeyNavigationAttached::setFocusNavigation: the first visible and
 * enabled item along `dir`, from `start`, takes the active focus.
 */
function focusNavigation(start: Item, dir: Dir): void {
  const visited: Item[] = [];
  let current = start;
  for (;;) {
    if (current.effectiveVisible && (current.$v[ITEM.enabled] as boolean)) {
      current.forceActiveFocus();
      return;
    }
    const nav = current.$findAttached(KeyNavigationMeta) as KeyNavigationAttached | undefined;
    const next = nav?.target(dir);
    if (!next) return;
    visited.push(current);
    current = next;
    if (current === start || visited.includes(current)) return;
  }
}

const direction = (dir: Dir) => ({
  type: 'Item',
  write: (o: QObject, v: unknown) =>
    (o as KeyNavigationAttached).setTarget(dir, v instanceof Item ? v : null),
});

export const KeyNavigationMeta: MetaObject = defineType(KeyNavigationAttached, null, {
  name: 'KeyNavigation',
  cppClass: 'QQuickKeyNavigationAttached',
  creatable: 'KeyNavigation is only available via attached properties.',
  properties: {
    left: direction(Dir.Left),
    right: direction(Dir.Right),
    up: direction(Dir.Up),
    down: direction(Dir.Down),
    tab: direction(Dir.Tab),
    backtab: direction(Dir.Backtab),
    // (measured: AfterItem by default in Qt 6.4)
    priority: { type: 'enumeration', default: 1 },
  },
  enums: { BeforeItem: 0, AfterItem: 1 },
  attachedType: () => KeyNavigationMeta,
});

for (const n of NAMES) KeyNavigationMeta.props[KeyNavigationMeta.index(n)]!.guarded = true;

const KN = {
  dirs: NAMES.map((n) => KeyNavigationMeta.index(n)),
  changed: NAMES.map((n) => KeyNavigationMeta.signalsByName.get(`${n}Changed`)!.index),
  priority: KeyNavigationMeta.index('priority'),
};
