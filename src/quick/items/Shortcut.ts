// Shortcut (QQuickShortcut) and the window's shortcut map (QShortcutMap): a
// key press is first offered to the focused item (Qt's ShortcutOverride: a
// TextInput keeps the keys it edits with), then matched against the
// window's shortcuts, one key of a multi-key sequence at a time, and only
// then delivered to the items.
import { defineType, type MetaObject, QObject, qmlWarning } from '../../engine/qobject';
import { type QuickWindow, shortcutMaps } from '../window';
import { Item, type KeyEventLike } from './Item';
import { Mod, standardKeyBindings } from './Keys';
import { WindowObject } from './Window';

const MODIFIERS = Mod.Shift | Mod.Control | Mod.Alt | Mod.Meta;
const KEY_UNKNOWN = 0x01ffffff;
const KEY_SHIFT = 0x01000020;
const KEY_SCROLL_LOCK = 0x01000026;
const KEY_TAB = 0x01000001;
const KEY_BACKTAB = 0x01000002;

/** What Shift makes of the keys of a US keyboard (X11's second level): the key's own symbol for each. */
const UNSHIFTED: Record<string, string> = {
  '~': '`',
  '!': '1',
  '@': '2',
  '#': '3',
  $: '4',
  '%': '5',
  '^': '6',
  '&': '7',
  '*': '8',
  '(': '9',
  ')': '0',
  _: '-',
  '+': '=',
  '{': '[',
  '}': ']',
  '|': '\\',
  ':': ';',
  '"': "'",
  '<': ',',
  '>': '.',
  '?': '/',
};

/**
 * The keys a press may stand for (QXcbKeyboard::possibleKeys): the key's own
 * symbol with every modifier held and, for a symbol Shift made (`?`, `+`,
 * Backtab), that symbol without Shift.
 */
function possibleKeys(e: KeyEventLike): number[] {
  const mods = e.modifiers & MODIFIERS;
  const own = (e.key | mods) >>> 0;
  if (!(mods & Mod.Shift)) return [own];
  const base = e.key === KEY_BACKTAB ? KEY_TAB : UNSHIFTED[String.fromCharCode(e.key)]?.charCodeAt(0);
  return base === undefined ? [own] : [(base | mods) >>> 0, (e.key | (mods & ~Mod.Shift)) >>> 0];
}

/** Key names as QKeySequence writes and reads them (portable text). */
const NAMED_KEYS: Array<[string, number]> = [
  ['Esc', 0x01000000],
  ['Tab', 0x01000001],
  ['Backtab', 0x01000002],
  ['Backspace', 0x01000003],
  ['Return', 0x01000004],
  ['Enter', 0x01000005],
  ['Ins', 0x01000006],
  ['Del', 0x01000007],
  ['Pause', 0x01000008],
  ['Print', 0x01000009],
  ['SysReq', 0x0100000a],
  ['Home', 0x01000010],
  ['End', 0x01000011],
  ['Left', 0x01000012],
  ['Up', 0x01000013],
  ['Right', 0x01000014],
  ['Down', 0x01000015],
  ['PgUp', 0x01000016],
  ['PgDown', 0x01000017],
  ['CapsLock', 0x01000024],
  ['NumLock', 0x01000025],
  ['ScrollLock', 0x01000026],
  ['Menu', 0x01000055],
  ['Help', 0x01000058],
  ['Back', 0x01000061],
  ['Forward', 0x01000062],
  ['Space', 0x20],
];
const KEY_BY_NAME = new Map<string, number>([
  ...NAMED_KEYS.map(([n, k]) => [n.toLowerCase(), k] as [string, number]),
  ['escape', 0x01000000],
  ['insert', 0x01000006],
  ['delete', 0x01000007],
  ['page up', 0x01000016],
  ['page down', 0x01000017],
  ['caps lock', 0x01000024],
  ['num lock', 0x01000025],
  ['scroll lock', 0x01000026],
  ['print screen', 0x01000009],
  ['system request', 0x0100000a],
]);
const NAME_BY_KEY = new Map<number, string>(NAMED_KEYS.map(([n, k]) => [k, n]));

/** One key of a sequence: `Ctrl+Shift+X`; undefined when it does not parse. */
function parseKey(text: string): number | undefined {
  let mods = 0;
  let rest = text;
  for (;;) {
    const m = /^(ctrl|shift|alt|meta)\+/i.exec(rest);
    if (m === null || rest.length === m[0].length) break;
    const name = m[1]!.toLowerCase();
    mods |=
      name === 'ctrl' ? Mod.Control : name === 'shift' ? Mod.Shift : name === 'alt' ? Mod.Alt : Mod.Meta;
    rest = rest.slice(m[0].length);
  }
  if (rest === ' ') return (mods | 0x20) >>> 0;
  if (rest.length === 1) return (mods | rest.toUpperCase().charCodeAt(0)) >>> 0;
  const f = /^f(\d{1,2})$/i.exec(rest);
  if (f !== null && Number(f[1]) >= 1 && Number(f[1]) <= 35)
    return (mods | (0x0100002f + Number(f[1]))) >>> 0;
  const k = KEY_BY_NAME.get(rest.toLowerCase());
  return k === undefined ? undefined : (mods | k) >>> 0;
}

/** A sequence of up to four keys (more are dropped), `Ctrl+K, Ctrl+C`; empty when it does not parse (QKeySequence::fromString). */
function parseSequence(text: string): number[] {
  const keys: number[] = [];
  for (const part of text.split(/,\s*(?=.)/)) {
    const k = parseKey(part);
    if (k === undefined) return [];
    keys.push(k);
  }
  return keys.slice(0, 4);
}

function keyText(k: number): string {
  let s = '';
  if (k & Mod.Meta) s += 'Meta+';
  if (k & Mod.Control) s += 'Ctrl+';
  if (k & Mod.Alt) s += 'Alt+';
  if (k & Mod.Shift) s += 'Shift+';
  const key = k & ~MODIFIERS & 0x01ffffff;
  if (key >= 0x01000030 && key <= 0x01000052) return `${s}F${key - 0x0100002f}`;
  return s + (NAME_BY_KEY.get(key) ?? String.fromCharCode(key));
}

/** QKeySequence::toString. */
function sequenceText(keys: readonly number[]): string {
  return keys.map(keyText).join(', ');
}

/**
 * The sequences a `sequence` or `sequences` value stands for: a string, or a
 * StandardKey (all its bindings; `first`: only the one Qt names it by).
 */
function sequencesOf(v: unknown, first: boolean, owner: Shortcut): number[][] {
  if (typeof v === 'number') {
    const b = standardKeyBindings(v);
    if (first && b.length > 1)
      qmlWarning(
        owner,
        `Shortcut: Only binding to one of multiple key bindings associated with ${v}. Use 'sequences: [ <key> ]' to bind to all of them.`,
      );
    return (first ? b.slice(0, 1) : b).map((k) => [k]);
  }
  if (typeof v === 'string') {
    const keys = parseSequence(v);
    return keys.length === 0 ? [] : [keys];
  }
  return [];
}

// ---- the window's shortcut map ------------------------------------------------------------

interface Entry {
  readonly keys: readonly number[];
  readonly owner: Shortcut;
}

/** QShortcutMap: an engine's shortcuts, matched against the keys pressed in a window. */
class ShortcutMap {
  readonly entries: Entry[] = [];
  /** The keys of a sequence begun (a partial match), else empty. */
  private current: number[] = [];
  private ambiguous = 0;

  get partial(): boolean {
    return this.current.length > 0;
  }

  /** (the focused item has already been asked whether it keeps the key) */
  tryShortcut(w: QuickWindow, e: KeyEventLike): boolean {
    if (e.key === KEY_UNKNOWN) return false;
    const partial = this.partial;
    // Modifier keys leave the state as it is.
    if (e.key >= KEY_SHIFT && e.key <= KEY_SCROLL_LOCK) return partial;
    const n = this.current.length;
    const candidates = possibleKeys(e);
    const exact: Entry[] = [];
    let longer: number | undefined;
    for (const entry of this.entries) {
      if (!entry.owner.inContext(w) || entry.keys.length <= n) continue;
      if (this.current.some((k, i) => entry.keys[i] !== k)) continue;
      const key = entry.keys[n]!;
      if (!candidates.includes(key)) continue;
      if (entry.keys.length === n + 1) exact.push(entry);
      else longer ??= key;
    }
    if (exact.length > 0) {
      this.current = [];
      const enabled = exact.filter((x) => x.owner.isEnabled());
      if (enabled.length > 0) this.dispatch(enabled, e);
      return enabled.length > 0;
    }
    if (longer !== undefined) {
      this.current = [...this.current, longer];
      return true;
    }
    this.current = [];
    return partial;
  }

  /** Several shortcuts of one sequence take turns, each told it was ambiguous (QShortcutMap::dispatchEvent). */
  private dispatch(identicals: Entry[], e: KeyEventLike): void {
    const n = identicals.length;
    const next = identicals[Math.min(this.ambiguous, n - 1)]!;
    this.ambiguous = this.ambiguous + 1 < n ? this.ambiguous + 1 : 0;
    if (e.isAutoRepeat && !next.owner.autoRepeatValue()) return;
    next.owner.activate(n > 1);
  }
}

function mapOf(engine: object): ShortcutMap {
  let m = shortcutMaps.get(engine) as ShortcutMap | undefined;
  if (m === undefined) {
    m = new ShortcutMap();
    shortcutMaps.set(engine, m);
  }
  return m;
}

// ---- Shortcut -------------------------------------------------------------------------------

export class Shortcut extends QObject {
  private complete = false;
  private grabbed: Entry[] = [];
  /** The key sequences `sequence` and `sequences` stand for, worked out when they are set. */
  private fromSequence: number[][] = [];
  private fromSequences: number[][] = [];

  sequenceWasSet(): void {
    this.fromSequence = sequencesOf(this.$v[SHORTCUT.sequence], true, this);
    this.grab();
  }

  /** A list as Qt keeps it: a standard key once per binding (none without), anything else as given. */
  setSequences(v: unknown): void {
    let list: unknown[];
    if (Array.isArray(v)) list = v;
    else if (typeof v === 'string') list = [...v];
    else if (typeof v === 'number') throw new Error('Cannot assign int to QVariantList');
    else list = [];
    const kept = list.flatMap((x) => (typeof x === 'number' ? standardKeyBindings(x).map(() => x) : [x]));
    if (!this.$store(SHORTCUT.sequences, kept)) return;
    this.fromSequences = kept.flatMap((x, i) =>
      typeof x === 'number' && kept.indexOf(x) !== i ? [] : sequencesOf(x, false, this),
    );
    this.grab();
  }

  /** The window of the item the shortcut is declared in. */
  private get itemWindow(): QuickWindow | null {
    for (let o = this.$owner; o !== null; o = o.$owner) {
      if (o instanceof Item) return o.window;
      if (o instanceof WindowObject) return o.quickWindow;
    }
    return null;
  }

  $componentComplete(): void {
    this.complete = true;
    this.grab();
  }

  override $destroy(silent = false, nested = false): void {
    this.ungrab();
    super.$destroy(silent, nested);
  }

  /** Registers the sequences with the window's map (again after a change). */
  grab(): void {
    this.ungrab();
    const engine = this.$engine;
    if (!this.complete || engine === null) return;
    this.grabbed = [...this.fromSequence, ...this.fromSequences].map((keys) => ({ keys, owner: this }));
    mapOf(engine).entries.push(...this.grabbed);
  }

  private ungrab(): void {
    if (this.grabbed.length === 0 || this.$engine === null) return;
    const entries = mapOf(this.$engine).entries;
    for (const e of this.grabbed) {
      const i = entries.indexOf(e);
      if (i >= 0) entries.splice(i, 1);
    }
    this.grabbed = [];
  }

  /** A window shortcut works in the window of the item it is declared in; an application one in any. */
  inContext(w: QuickWindow): boolean {
    return this.$v[SHORTCUT.context] === APPLICATION_SHORTCUT || this.itemWindow === w;
  }

  isEnabled(): boolean {
    return this.$v[SHORTCUT.enabled] as boolean;
  }

  autoRepeatValue(): boolean {
    return this.$v[SHORTCUT.autoRepeat] as boolean;
  }

  activate(ambiguous: boolean): void {
    this.$emit(ambiguous ? SHORTCUT.activatedAmbiguously : SHORTCUT.activated, undefined);
  }

  /** QKeySequence::toString of `sequence` (portable and native text are the same on this platform). */
  sequenceText(): string {
    return sequenceText(this.fromSequence[0] ?? []);
  }
}

const WINDOW_SHORTCUT = 1;
const APPLICATION_SHORTCUT = 2;
const sameList = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);

export const ShortcutMeta: MetaObject = defineType(Shortcut, null, {
  name: 'Shortcut',
  cppClass: 'QQuickShortcut',
  properties: {
    sequence: { type: 'var', changed: (o) => (o as Shortcut).sequenceWasSet() },
    sequences: {
      type: 'var',
      default: [],
      equals: sameList,
      write: (o, v) => (o as Shortcut).setSequences(v),
    },
    nativeText: { type: 'string', readonly: true, notify: 'sequenceChanged' },
    portableText: { type: 'string', readonly: true, notify: 'sequenceChanged' },
    enabled: { type: 'bool', default: true },
    autoRepeat: { type: 'bool', default: true },
    context: { type: 'enumeration', default: WINDOW_SHORTCUT },
  },
  signals: { activated: {}, activatedAmbiguously: {} },
});

for (const name of ['nativeText', 'portableText'])
  Object.defineProperty(Shortcut.prototype, name, {
    configurable: true,
    get(this: Shortcut) {
      return this.sequenceText();
    },
  });

const SHORTCUT = {
  sequence: ShortcutMeta.index('sequence'),
  sequences: ShortcutMeta.index('sequences'),
  enabled: ShortcutMeta.index('enabled'),
  autoRepeat: ShortcutMeta.index('autoRepeat'),
  context: ShortcutMeta.index('context'),
  activated: ShortcutMeta.signalsByName.get('activated')!.index,
  activatedAmbiguously: ShortcutMeta.signalsByName.get('activatedAmbiguously')!.index,
};
