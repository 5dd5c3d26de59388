// Keyboard and text input. A hidden text field sits at the cursor of the
// focused TextInput and keeps the browser's focus: keys become Qt key events
// for the active focus item; text from input methods (Chinese, Japanese
// composition), dead keys and mobile keyboards arrives through the field's
// composition and input events; the clipboard shortcuts go through the
// browser's copy/cut/paste events so the system clipboard is used.
import { clipboard, setClipboard } from '../quick/clipboard';
import type { Item, KeyEventLike } from '../quick/items/Item';
import type { QuickWindow } from '../quick/window';
import type { SceneHost } from './scene-host';

const SHIFT = 0x02000000;
const CONTROL = 0x04000000;
const ALT = 0x08000000;
const META = 0x10000000;

/** DOM `KeyboardEvent.key` names and their Qt::Key codes. */
const NAMED_KEYS: Record<string, number> = {
  Escape: 0x01000000,
  Tab: 0x01000001,
  Backspace: 0x01000003,
  Enter: 0x01000004,
  Insert: 0x01000006,
  Delete: 0x01000007,
  Pause: 0x01000008,
  Home: 0x01000010,
  End: 0x01000011,
  ArrowLeft: 0x01000012,
  ArrowUp: 0x01000013,
  ArrowRight: 0x01000014,
  ArrowDown: 0x01000015,
  PageUp: 0x01000016,
  PageDown: 0x01000017,
  Shift: 0x01000020,
  Control: 0x01000021,
  Meta: 0x01000022,
  Alt: 0x01000023,
  CapsLock: 0x01000024,
  NumLock: 0x01000025,
  ScrollLock: 0x01000026,
  ContextMenu: 0x01000055,
};
for (let i = 1; i <= 12; i++) NAMED_KEYS[`F${i}`] = 0x01000030 + i - 1;

export function modifiersOf(e: KeyboardEvent | MouseEvent): number {
  return (e.shiftKey ? SHIFT : 0) | (e.ctrlKey ? CONTROL : 0) | (e.altKey ? ALT : 0) | (e.metaKey ? META : 0);
}

/** A browser key event as Qt's key event, or null for keys that only produce text later (IME, dead keys). */
export function toQtKey(e: KeyboardEvent): KeyEventLike | null {
  const key = e.key;
  if (e.isComposing || key === 'Process' || key === 'Dead' || key === 'Unidentified') return null;
  const modifiers = modifiersOf(e);
  let code = NAMED_KEYS[key];
  let text = '';
  if (code === undefined) {
    if ([...key].length !== 1) return null;
    // Qt: letters have the code of the upper-case letter; the text keeps the case.
    code = key.toUpperCase().codePointAt(0)!;
    text = key;
    // X11 gives Ctrl+letter the control character as its text.
    if (e.ctrlKey && /^[a-z]$/i.test(key)) text = String.fromCharCode(key.toUpperCase().charCodeAt(0) - 64);
  } else if (key === 'Enter') text = '\r';
  else if (key === 'Tab') {
    if (e.shiftKey) code = 0x01000002;
    text = '\t';
  } else if (key === 'Backspace') text = '\b';
  else if (key === 'Escape') text = '\x1b';
  else if (key === 'Delete') text = '\x7f';
  return { key: code, text, modifiers, accepted: false, isAutoRepeat: e.repeat };
}

/** The focused item's text-editing interface, if it is a TextInput. */
interface Editable extends Item {
  setPreedit(text: string, cursor?: number): void;
  commitText(text: string): void;
  cursorRectangle: { x: number; y: number; width: number; height: number };
  text: string;
}

function editable(w: QuickWindow | undefined): Editable | null {
  const i = w?.activeFocusItem as Partial<Editable> | null | undefined;
  return i && typeof i.commitText === 'function' ? (i as Editable) : null;
}

export interface KeyboardInput {
  /** The hidden field that has the browser's focus while a TextInput has Qt's. */
  readonly field: HTMLTextAreaElement;
  /** True while an input method composes text (the field then belongs to it). */
  composing(): boolean;
}

export function attachKeyboard(host: SceneHost): KeyboardInput {
  const field = document.createElement('textarea');
  field.className = 'qw-ime';
  field.setAttribute('autocapitalize', 'off');
  field.setAttribute('autocomplete', 'off');
  field.setAttribute('spellcheck', 'false');
  field.setAttribute('aria-label', 'Text input');
  host.stage.append(field);
  const win = () => host.runtime?.window;
  let composing = false;

  const key = (e: KeyboardEvent, press: boolean) => {
    const w = win();
    if (!w) return;
    if (composing || e.isComposing) return;
    const ev = toQtKey(e);
    if (ev === null) return;
    const isClipboard = (e.ctrlKey || e.metaKey) && /^[cxv]$/i.test(e.key);
    // The browser's own copy/cut/paste events carry these (system clipboard).
    if (isClipboard && press) return;
    const accepted = w.deliverKey(ev, press);
    // Printable keys insert through the key event; the field must not insert them again.
    if (accepted || ev.text !== '' || e.key === 'Tab') e.preventDefault();
    host.renderer?.requestFrame();
  };
  field.addEventListener('keydown', (e) => key(e, true));
  field.addEventListener('keyup', (e) => key(e, false));

  const clip = (kind: 'c' | 'x' | 'v', e: ClipboardEvent) => {
    const w = win();
    if (!w || !editable(w)) return;
    e.preventDefault();
    if (kind === 'v') clipboard().setText(e.clipboardData?.getData('text/plain') ?? '');
    const ev: KeyEventLike = {
      key: kind.toUpperCase().charCodeAt(0),
      text: String.fromCharCode(kind.toUpperCase().charCodeAt(0) - 64),
      modifiers: CONTROL,
      accepted: false,
      isAutoRepeat: false,
    };
    w.deliverKey(ev, true);
    if (kind !== 'v') e.clipboardData?.setData('text/plain', clipboard().text());
    host.renderer?.requestFrame();
  };
  field.addEventListener('copy', (e) => clip('c', e));
  field.addEventListener('cut', (e) => clip('x', e));
  field.addEventListener('paste', (e) => clip('v', e));

  field.addEventListener('compositionstart', () => {
    composing = true;
  });
  field.addEventListener('compositionupdate', (e) => {
    editable(win())?.setPreedit(e.data);
    host.renderer?.requestFrame();
  });
  field.addEventListener('compositionend', (e) => {
    composing = false;
    const t = editable(win());
    if (t) {
      t.setPreedit('');
      if (e.data) t.commitText(e.data);
    }
    host.renderer?.requestFrame();
  });
  field.addEventListener('input', (e) => {
    const ie = e as InputEvent;
    if (composing || ie.isComposing) return;
    // Text that came without a key event: a dead key's result, a mobile keyboard, dictation.
    if (ie.data) editable(win())?.commitText(ie.data);
    host.renderer?.requestFrame();
  });

  // Clicking the scene keeps the keyboard in the page's hands.
  host.canvas.addEventListener('pointerdown', () =>
    setTimeout(() => field.focus({ preventScroll: true }), 0),
  );
  setClipboard({
    text: () => memory,
    setText: (t) => {
      memory = t;
      // Best effort: the async clipboard API (the copy event path above covers the shortcuts).
      void navigator.clipboard?.writeText?.(t).catch(() => {});
    },
  });
  let memory = '';
  return { field, composing: () => composing };
}

/**
 * Keeps the hidden field over the focused TextInput's cursor (where the IME
 * shows its candidates), with the browser's focus. An item with key
 * handlers gets the keyboard too, unless the page focused something else.
 */
export function placeField(field: HTMLTextAreaElement, w: QuickWindow): void {
  const t = editable(w);
  if (!t) {
    const idle = document.activeElement === null || document.activeElement === document.body;
    if (w.activeFocusItem !== null && idle) field.focus({ preventScroll: true });
    return;
  }
  const p = t.scenePosition();
  const r = t.cursorRectangle;
  field.style.left = `${p.x + r.x}px`;
  field.style.top = `${p.y + r.y}px`;
  field.style.height = `${r.height}px`;
  if (document.activeElement !== field) field.focus({ preventScroll: true });
}
