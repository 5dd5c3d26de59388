// Key and pointer events as a host delivers them, for tests.
import type { KeyEventLike, PointerEventLike } from '../../../src/quick/items/Item';
import type { QuickWindow } from '../../../src/quick/window';

export const Key = {
  Escape: 0x01000000,
  Tab: 0x01000001,
  Backspace: 0x01000003,
  Return: 0x01000004,
  Enter: 0x01000005,
  Delete: 0x01000007,
  Home: 0x01000010,
  End: 0x01000011,
  Left: 0x01000012,
  Up: 0x01000013,
  Right: 0x01000014,
  Down: 0x01000015,
  Shift: 0x01000020,
  Control: 0x01000021,
} as const;
export const Mod = { Shift: 0x02000000, Control: 0x04000000, Alt: 0x08000000, Keypad: 0x20000000 } as const;

export function keyEvent(key: number, text = '', modifiers = 0): KeyEventLike {
  return { key, text, modifiers, accepted: false, isAutoRepeat: false, count: 1, nativeScanCode: 1 };
}

/** Presses and releases a key through the window (active focus item first, then up the parents). */
export function tap(window: QuickWindow, key: number, text = '', modifiers = 0): boolean {
  const accepted = window.deliverKey(keyEvent(key, text, modifiers), true);
  window.deliverKey(keyEvent(key, text, modifiers), false);
  return accepted;
}

/** Types printable text, one key per character. */
export function type(window: QuickWindow, text: string): void {
  for (const ch of text) tap(window, ch.toUpperCase().charCodeAt(0), ch);
}

/** Ctrl + a letter (X11 gives the control character as text). */
export function ctrl(window: QuickWindow, letter: string, extra = 0): boolean {
  const code = letter.toUpperCase().charCodeAt(0);
  return tap(window, code, String.fromCharCode(code & 0x1f), Mod.Control | extra);
}

let clock = 1000;

/** A left-button pointer event at scene (x, y) and `timestamp`, as the host gives it. */
export function pointerEvent(
  type: PointerEventLike['type'],
  x: number,
  y: number,
  timestamp: number,
): PointerEventLike {
  return {
    type,
    sceneX: x,
    sceneY: y,
    x,
    y,
    button: type === 'move' ? 0 : 1,
    buttons: type === 'release' ? 0 : 1,
    modifiers: 0,
    timestamp,
    angleDeltaX: 0,
    angleDeltaY: 0,
    pixelDeltaX: 0,
    pixelDeltaY: 0,
    accepted: false,
  };
}

export function pointer(
  window: QuickWindow,
  type: PointerEventLike['type'],
  x: number,
  y: number,
  modifiers = 0,
): boolean {
  clock += type === 'release' ? 20 : 80;
  return window.deliverPointer({
    type,
    sceneX: x,
    sceneY: y,
    x: 0,
    y: 0,
    button: 1,
    buttons: type === 'release' ? 0 : 1,
    modifiers,
    timestamp: clock,
    angleDeltaX: 0,
    angleDeltaY: 0,
    pixelDeltaX: 0,
    pixelDeltaY: 0,
    accepted: false,
  });
}

/** A click; `count` 2 or 3 gives a double or triple click (the window detects the double click from the press times). */
export function click(window: QuickWindow, x: number, y: number, count = 1, modifiers = 0): void {
  for (let i = 0; i < count; i++) {
    pointer(window, 'press', x, y, modifiers);
    pointer(window, 'release', x, y, modifiers);
  }
  clock += 1000;
}

export function drag(window: QuickWindow, points: Array<[number, number]>): void {
  const [first, ...rest] = points;
  pointer(window, 'press', first![0], first![1]);
  for (const [x, y] of rest) pointer(window, 'move', x, y);
  const last = points[points.length - 1]!;
  pointer(window, 'release', last[0], last[1]);
  clock += 1000;
}
