// Key values and the standard key bindings (`StandardKey.Copy`,
// QKeySequence::keyBindings with the X11 keyboard scheme that Qt's generic
// Unix theme uses). The `Keys` attached type is in KeysAttached.ts, loaded
// on first use.
import { defineType, type MetaObject, QObject } from '../../engine/qobject';

/** Qt::Key values used below (the full table is QT_ENUMS on the Qt object). */
export const Key = {
  Escape: 0x01000000,
  Tab: 0x01000001,
  Backtab: 0x01000002,
  Backspace: 0x01000003,
  Return: 0x01000004,
  Enter: 0x01000005,
  Insert: 0x01000006,
  Delete: 0x01000007,
  Home: 0x01000010,
  End: 0x01000011,
  Left: 0x01000012,
  Up: 0x01000013,
  Right: 0x01000014,
  Down: 0x01000015,
  PageUp: 0x01000016,
  PageDown: 0x01000017,
  F1: 0x01000030,
  Menu: 0x01000055,
  Back: 0x01000061,
  Forward: 0x01000062,
  VolumeDown: 0x01000070,
  VolumeUp: 0x01000072,
  Select: 0x01010000,
  Yes: 0x01010001,
  No: 0x01010002,
  Cancel: 0x01020001,
  Context1: 0x01100000,
  Context2: 0x01100001,
  Context3: 0x01100002,
  Context4: 0x01100003,
  Call: 0x01100004,
  Hangup: 0x01100005,
  Flip: 0x01100006,
  Space: 0x20,
  NumberSign: 0x23,
  Asterisk: 0x2a,
  Plus: 0x2b,
  Minus: 0x2d,
  Digit0: 0x30,
  Digit9: 0x39,
  A: 0x41,
} as const;

/** Qt::KeyboardModifier */
export const Mod = {
  Shift: 0x02000000,
  Control: 0x04000000,
  Alt: 0x08000000,
  Meta: 0x10000000,
  Keypad: 0x20000000,
  GroupSwitch: 0x40000000,
} as const;

const F = (n: number) => Key.F1 + n - 1;
const C = Mod.Control;
const S = Mod.Shift;
const letter = (c: string) => c.charCodeAt(0);

/** QKeySequence::StandardKey */
export enum StandardKey {
  UnknownKey = 0,
  HelpContents,
  WhatsThis,
  Open,
  Close,
  Save,
  New,
  Delete,
  Cut,
  Copy,
  Paste,
  Undo,
  Redo,
  Back,
  Forward,
  Refresh,
  ZoomIn,
  ZoomOut,
  Print,
  AddTab,
  NextChild,
  PreviousChild,
  Find,
  FindNext,
  FindPrevious,
  Replace,
  SelectAll,
  Bold,
  Italic,
  Underline,
  MoveToNextChar,
  MoveToPreviousChar,
  MoveToNextWord,
  MoveToPreviousWord,
  MoveToNextLine,
  MoveToPreviousLine,
  MoveToNextPage,
  MoveToPreviousPage,
  MoveToStartOfLine,
  MoveToEndOfLine,
  MoveToStartOfBlock,
  MoveToEndOfBlock,
  MoveToStartOfDocument,
  MoveToEndOfDocument,
  SelectNextChar,
  SelectPreviousChar,
  SelectNextWord,
  SelectPreviousWord,
  SelectNextLine,
  SelectPreviousLine,
  SelectNextPage,
  SelectPreviousPage,
  SelectStartOfLine,
  SelectEndOfLine,
  SelectStartOfBlock,
  SelectEndOfBlock,
  SelectStartOfDocument,
  SelectEndOfDocument,
  DeleteStartOfWord,
  DeleteEndOfWord,
  DeleteEndOfLine,
  InsertParagraphSeparator,
  InsertLineSeparator,
  SaveAs,
  Preferences,
  Quit,
  FullScreen,
  Deselect,
  DeleteCompleteLine,
  Backspace,
  Cancel,
}

/**
 * QPlatformThemePrivate::keyBindings for the X11 keyboard scheme (the `qml`
 * runtime on X11 without a desktop theme), each key's bindings in the order
 * QKeySequence::keyBindings gives them (the first is the one a Shortcut's
 * `sequence` takes). Measured there: Ctrl+Shift+Z
 * redoes, Ctrl+Y does not; Ctrl+E moves to the end of the line.
 */
const BINDINGS: ReadonlyArray<readonly [StandardKey, ...number[]]> = [
  [StandardKey.HelpContents, Key.F1],
  [StandardKey.WhatsThis, S | Key.F1],
  [StandardKey.Open, C | letter('O')],
  [StandardKey.Close, C | letter('W')],
  [StandardKey.Save, C | letter('S')],
  [StandardKey.New, C | letter('N')],
  [StandardKey.Delete, Key.Delete, C | letter('D')],
  [StandardKey.Cut, C | letter('X'), S | Key.Delete, F(20)],
  [StandardKey.Copy, C | letter('C'), C | Key.Insert, F(16)],
  [StandardKey.Paste, C | letter('V'), S | Key.Insert, C | S | Key.Insert, F(18)],
  [StandardKey.Undo, C | letter('Z'), F(14)],
  [StandardKey.Redo, C | S | letter('Z')],
  [StandardKey.Back, Mod.Alt | Key.Left],
  [StandardKey.Forward, Mod.Alt | Key.Right],
  [StandardKey.Refresh, F(5)],
  [StandardKey.ZoomIn, C | Key.Plus],
  [StandardKey.ZoomOut, C | Key.Minus],
  [StandardKey.Print, C | letter('P')],
  [StandardKey.AddTab, C | letter('T')],
  [StandardKey.NextChild, C | Key.Tab, Key.Forward],
  [StandardKey.PreviousChild, C | S | Key.Backtab, Key.Back],
  [StandardKey.Find, C | letter('F')],
  [StandardKey.FindNext, F(3)],
  [StandardKey.FindPrevious, S | F(3)],
  [StandardKey.SelectAll, C | letter('A')],
  [StandardKey.Bold, C | letter('B')],
  [StandardKey.Italic, C | letter('I')],
  [StandardKey.Underline, C | letter('U')],
  [StandardKey.MoveToNextChar, Key.Right],
  [StandardKey.MoveToPreviousChar, Key.Left],
  [StandardKey.MoveToNextWord, C | Key.Right],
  [StandardKey.MoveToPreviousWord, C | Key.Left],
  [StandardKey.MoveToNextLine, Key.Down],
  [StandardKey.MoveToPreviousLine, Key.Up],
  [StandardKey.MoveToNextPage, Key.PageDown],
  [StandardKey.MoveToPreviousPage, Key.PageUp],
  [StandardKey.MoveToStartOfLine, Key.Home],
  [StandardKey.MoveToEndOfLine, Key.End, C | letter('E')],
  [StandardKey.MoveToStartOfDocument, C | Key.Home],
  [StandardKey.MoveToEndOfDocument, C | Key.End],
  [StandardKey.SelectNextChar, S | Key.Right],
  [StandardKey.SelectPreviousChar, S | Key.Left],
  [StandardKey.SelectNextWord, C | S | Key.Right],
  [StandardKey.SelectPreviousWord, C | S | Key.Left],
  [StandardKey.SelectNextLine, S | Key.Down],
  [StandardKey.SelectPreviousLine, S | Key.Up],
  [StandardKey.SelectNextPage, S | Key.PageDown],
  [StandardKey.SelectPreviousPage, S | Key.PageUp],
  [StandardKey.SelectStartOfLine, S | Key.Home],
  [StandardKey.SelectEndOfLine, S | Key.End],
  [StandardKey.SelectStartOfDocument, C | S | Key.Home],
  [StandardKey.SelectEndOfDocument, C | S | Key.End],
  [StandardKey.DeleteStartOfWord, C | Key.Backspace],
  [StandardKey.DeleteEndOfWord, C | Key.Delete],
  [StandardKey.DeleteEndOfLine, C | letter('K')],
  [StandardKey.InsertParagraphSeparator, Key.Enter, Key.Return],
  [StandardKey.InsertLineSeparator, S | Key.Enter, S | Key.Return],
  [StandardKey.Quit, C | letter('Q')],
  [StandardKey.Deselect, C | S | letter('A')],
  [StandardKey.DeleteCompleteLine, C | letter('U')],
  [StandardKey.Cancel, Key.Escape],
];

const BINDINGS_BY_KEY = new Map<StandardKey, readonly number[]>(BINDINGS.map(([k, ...seq]) => [k, seq]));

/** The key sequences (one key with its modifiers each) a standard key is bound to, first the one Qt names it by. */
export function standardKeyBindings(key: number): readonly number[] {
  return BINDINGS_BY_KEY.get(key) ?? [];
}

/** QKeyEvent::matches: the event's key and modifiers (keypad ignored) are one of the key's bindings. */
export function matchesStandardKey(event: { key: number; modifiers: number }, key: number): boolean {
  const seqs = BINDINGS_BY_KEY.get(key);
  if (seqs === undefined) return false;
  const search = ((event.modifiers | event.key) & ~(Mod.Keypad | Mod.GroupSwitch)) >>> 0;
  for (const s of seqs) if (s >>> 0 === search) return true;
  return false;
}

/** `StandardKey.Copy` and friends, for `event.matches(StandardKey.Copy)`. */
class StandardKeyEnums extends QObject {}
export const StandardKeyMeta: MetaObject = defineType(StandardKeyEnums, null, {
  name: 'StandardKey',
  cppClass: 'QKeySequence',
  creatable: false,
  enums: Object.fromEntries(
    Object.entries(StandardKey).filter(([k]) => Number.isNaN(Number(k))) as Array<[string, number]>,
  ),
});
