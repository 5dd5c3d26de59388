// Shortcut (QQuickShortcut) and the window's shortcut map (QShortcutMap): a
// key press is first offered to the focused item (Qt's ShortcutOverride: a
// TextInput keeps the keys it edits with), then matched against the
// window's shortcuts, one key of a multi-key sequence at a time, and only
// then delivered to the items.
import { defineType, type MetaObject, QObject, qmlWarning } from '../../engine/qobject';
import { type QuickWindow, shortcutMaps } from '../window';
import { Item, type KeyEventLike } from './Item';
import { KeysAttached, Mod, matchesStandardKey, StandardKey, standardKeyBindings } from './Keys';

const MODIFIERS = Mod.Shift | Mod.Control | Mod.Alt | Mod.Meta;
const KEY_UNKNOWN = 0x01ffffff;
const KEY_SHIFT = 0x01000020;
const KEY_SCROLL_LOCK = 0x01000026;
const KEY_ESCAPE = 0x01000000;

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
  ['pgup', 0x01000016],
  ['pgdown', 0x01000017],
]);
const NAME_BY_KEY = new Map<number, string>(NAMED_KEYS.map(([n, k]) => [k, n]));

/** One key of a sequence: `Ctrl+Shift+X`; undefined when it does not parse. */
function parseKey(text: string): number | undefined {
  let mods = 0;
  let rest = text.trim();
  for (;;) {
    const m = /^(ctrl|shift|alt|meta)\+/i.exec(rest);
    if (m === null || rest.length === m[0].length) break;
    const name = m[1]!.toLowerCase();
    mods |=
      name === 'ctrl' ? Mod.Control : name === 'shift' ? Mod.Shift : name === 'alt' ? Mod.Alt : Mod.Meta;
    rest = rest.slice(m[0].length);
  }
  if (rest.length === 1) return (mods | rest.toUpperCase().charCodeAt(0)) >>> 0;
  const f = /^f(\d{1,2})$/i.exec(rest);
  if (f !== null && Number(f[1]) >= 1 && Number(f[1]) <= 35)
    return (mods | (0x0100002f + Number(f[1]))) >>> 0;
  const k = KEY_BY_NAME.get(rest.toLowerCase());
  return k === undefined ? undefined : (mods | k) >>> 0;
}

/** A sequence of up to four keys, `Ctrl+K, Ctrl+C`; empty when it does not parse (QKeySequence::fromString). */
function parseSequence(text: string): number[] {
  const keys: number[] = [];
  for (const part of text.split(/,\s*(?=.)/)) {
    const k = parseKey(part);
    if (k === undefined) return [];
    keys.push(k);
  }
  return keys.length > 4 ? [] : keys;
}

function keyText(k: number): string {
  let s = '';
  if (k & Mod.Control) s += 'Ctrl+';
  if (k & Mod.Alt) s += 'Alt+';
  if (k & Mod.Shift) s += 'Shift+';
  if (k & Mod.Meta) s += 'Meta+';
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

// ---- which keys the focused item keeps ------------------------------------------------

/** The editing keys a TextInput keeps when they would also be shortcuts (QQuickTextInput::event). */
const TEXT_INPUT_KEYS = [
  StandardKey.Copy,
  StandardKey.Paste,
  StandardKey.Cut,
  StandardKey.Redo,
  StandardKey.Undo,
  StandardKey.MoveToNextWord,
  StandardKey.MoveToPreviousWord,
  StandardKey.MoveToStartOfDocument,
  StandardKey.MoveToEndOfDocument,
  StandardKey.SelectNextWord,
  StandardKey.SelectPreviousWord,
  StandardKey.SelectStartOfLine,
  StandardKey.SelectEndOfLine,
  StandardKey.SelectStartOfBlock,
  StandardKey.SelectEndOfBlock,
  StandardKey.SelectStartOfDocument,
  StandardKey.SelectAll,
  StandardKey.SelectEndOfDocument,
  StandardKey.DeleteCompleteLine,
];
const TEXT_INPUT_PLAIN_KEYS = new Set([
  0x01000007, 0x01000010, 0x01000011, 0x01000003, 0x01000012, 0x01000014,
]);

function isTextInput(item: Item): boolean {
  for (let m: MetaObject | null = item.$meta; m !== null; m = m.base)
    if (m.name === 'TextInput' && !m.isDerived) return true;
  return false;
}

function textInputKeeps(item: Item, e: KeyEventLike): boolean {
  if ((item as Item & { readOnly: boolean }).readOnly) return false;
  if (TEXT_INPUT_KEYS.some((k) => matchesStandardKey(e, k))) return true;
  const m = e.modifiers & ~Mod.GroupSwitch;
  if (m === 0 || m === Mod.Shift || m === Mod.Keypad)
    return e.key < KEY_ESCAPE || TEXT_INPUT_PLAIN_KEYS.has(e.key);
  return false;
}

/** Qt's ShortcutOverride: the focused item, then its parents, may keep the key. */
function overridden(w: QuickWindow, e: KeyEventLike): boolean {
  for (let item = w.activeFocusItem; item !== null && item !== w.contentItem; item = item.parentItem) {
    for (let h = item.keyHandler; h !== null; h = h.nextKeyHandler)
      if (h instanceof KeysAttached && h.overridesShortcut(e)) return true;
    if (isTextInput(item)) return textInputKeeps(item, e);
  }
  return false;
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

  tryShortcut(w: QuickWindow, e: KeyEventLike): boolean {
    if (e.key === KEY_UNKNOWN) return false;
    const partial = this.current.length > 0;
    if (!partial && overridden(w, e)) return false;
    // Modifier keys leave the state as it is.
    if (e.key >= KEY_SHIFT && e.key <= KEY_SCROLL_LOCK) return partial;
    const keys = [...this.current, (e.key | (e.modifiers & MODIFIERS)) >>> 0];
    const exact: Entry[] = [];
    let longer = false;
    for (const entry of this.entries) {
      if (!entry.owner.inContext(w)) continue;
      if (entry.keys.length < keys.length || keys.some((k, i) => entry.keys[i] !== k)) continue;
      if (entry.keys.length === keys.length) exact.push(entry);
      else longer = true;
    }
    if (exact.length > 0) {
      this.current = [];
      const enabled = exact.filter((x) => x.owner.isEnabled());
      if (enabled.length > 0) this.dispatch(enabled, e);
      return enabled.length > 0;
    }
    if (longer) {
      this.current = keys;
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

  /** The window of the item the shortcut is declared in. */
  private get itemWindow(): QuickWindow | null {
    for (let o = this.$owner; o !== null; o = o.$owner) if (o instanceof Item) return o.window;
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
    const seqs = [
      ...sequencesOf(this.$v[SHORTCUT.sequence], true, this),
      ...((this.$v[SHORTCUT.sequences] as unknown[] | null) ?? []).flatMap((v) =>
        sequencesOf(v, false, this),
      ),
    ];
    this.grabbed = seqs.map((keys) => ({ keys, owner: this }));
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
    const v = this.$v[SHORTCUT.sequence];
    const keys =
      typeof v === 'number'
        ? standardKeyBindings(v).slice(0, 1)
        : typeof v === 'string'
          ? parseSequence(v)
          : [];
    return sequenceText(keys);
  }
}

const WINDOW_SHORTCUT = 1;
const APPLICATION_SHORTCUT = 2;
const regrab = (o: QObject) => (o as Shortcut).grab();

export const ShortcutMeta: MetaObject = defineType(Shortcut, null, {
  name: 'Shortcut',
  cppClass: 'QQuickShortcut',
  properties: {
    sequence: { type: 'var', changed: regrab },
    sequences: { type: 'var', default: [], changed: regrab },
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
