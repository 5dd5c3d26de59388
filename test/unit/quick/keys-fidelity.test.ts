import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KeyEventLike } from '../../../src/quick/items/Item';
import type { QuickWindow } from '../../../src/quick/window';
import { FIXTURES, loadScene } from './qt-dump';

// The scenes test/fixtures/qt/text/keys_*.qml were run in real Qt 6.4.2 on
// X11 and typed into with xdotool (the keys in *.keys); every line they
// printed (*.log) must come out the same here when the same keys arrive:
// editing, undo/redo, clipboard, selection, which keys TextInput leaves to
// its parents, Keys handlers, priorities and forwarding, validators, echo
// modes, maximumLength and input masks, KeyNavigation.

const MOD = { shift: 0x02000000, ctrl: 0x04000000, alt: 0x08000000, super: 0x10000000, keypad: 0x20000000 };
const MOD_KEY = { shift: 0x01000020, ctrl: 0x01000021, alt: 0x01000023, super: 0x01000022 };

/** X keysym names as xdotool takes them -> Qt key and the text X gives. */
const NAMED: Record<string, { key: number; text: string; mods?: number; shift?: boolean }> = {
  space: { key: 0x20, text: ' ' },
  comma: { key: 0x2c, text: ',' },
  equal: { key: 0x3d, text: '=' },
  slash: { key: 0x2f, text: '/' },
  // (symbols typed with Shift: xdotool holds it)
  plus: { key: 0x2b, text: '+', shift: true },
  question: { key: 0x3f, text: '?', shift: true },
  exclam: { key: 0x21, text: '!', shift: true },
  minus: { key: 0x2d, text: '-' },
  period: { key: 0x2e, text: '.' },
  Left: { key: 0x01000012, text: '' },
  Up: { key: 0x01000013, text: '' },
  Right: { key: 0x01000014, text: '' },
  Down: { key: 0x01000015, text: '' },
  Home: { key: 0x01000010, text: '' },
  End: { key: 0x01000011, text: '' },
  BackSpace: { key: 0x01000003, text: '\b' },
  Delete: { key: 0x01000007, text: '\u007f' },
  Return: { key: 0x01000004, text: '\r' },
  KP_Enter: { key: 0x01000005, text: '\r', mods: MOD.keypad },
  Escape: { key: 0x01000000, text: '\u001b' },
  Tab: { key: 0x01000001, text: '\t' },
  Prior: { key: 0x01000016, text: '' },
  Next: { key: 0x01000017, text: '' },
  Insert: { key: 0x01000006, text: '' },
};
for (let i = 1; i <= 12; i++) NAMED[`F${i}`] = { key: 0x0100002f + i, text: '' };

function event(key: number, text: string, modifiers: number): KeyEventLike {
  return { key, text, modifiers, accepted: false, isAutoRepeat: false, count: 1, nativeScanCode: 1 };
}

/** What X and Qt deliver for `xdotool key a+b+c`: modifiers pressed in order, the key, modifiers released last first, then the key. */
function press(window: QuickWindow, combo: string): void {
  const parts = combo.split('+');
  const name = parts.pop()!;
  const mods = parts as Array<keyof typeof MOD_KEY>;
  // (xdotool holds Shift for the symbols typed with it, and for a capital letter)
  if ((NAMED[name]?.shift || /^[A-Z]$/.test(name)) && !mods.includes('shift')) mods.push('shift');
  let m = 0;
  for (const mod of mods) {
    m |= MOD[mod];
    window.deliverKey(event(MOD_KEY[mod], '', m), true);
  }
  let key: number;
  let text: string;
  const named = NAMED[name];
  if (named) {
    key = named.key;
    text = named.text;
    m |= named.mods ?? 0;
    // (X sends shift+Tab as ISO_Left_Tab, which Qt calls Key_Backtab)
    if (name === 'Tab' && m & MOD.shift) key = 0x01000002;
  } else if (/^[0-9]$/.test(name) && m & MOD.shift) {
    // a digit with Shift: the symbol above it on a US keyboard
    text = ')!@#$%^&*('[Number(name)]!;
    key = text.charCodeAt(0);
  } else {
    // a letter or a digit
    key = name.toUpperCase().charCodeAt(0);
    text = m & MOD.shift ? name.toUpperCase() : name;
  }
  if (m & MOD.ctrl && /^[a-z]$/i.test(text))
    text = String.fromCharCode(text.toUpperCase().charCodeAt(0) & 0x1f);
  window.deliverKey(event(key, text, m), true);
  for (let i = mods.length - 1; i >= 0; i--) {
    m &= ~MOD[mods[i]!];
    window.deliverKey(event(MOD_KEY[mods[i]!], '', m), false);
  }
  window.deliverKey(event(key, text, m), false);
}

async function replay(scene: string): Promise<{ ours: string[]; qt: string[] }> {
  const run = await loadScene(`${scene}.qml`, 0);
  const steps = readFileSync(`${FIXTURES}${scene}.keys`, 'utf8').split('\n').filter(Boolean);
  for (const step of steps) {
    const [cmd, arg] = step.split(' ');
    if (cmd === 'key') press(run.runtime.window, arg!);
    else if (cmd === 'sleep') await new Promise((r) => setTimeout(r, 40));
  }
  const qt = readFileSync(`${FIXTURES}${scene}.log`, 'utf8').split('\n').filter(Boolean);
  return { ours: run.output, qt };
}

describe('key handling replays like Qt 6.4.2', () => {
  const scenes = readdirSync(FIXTURES)
    .filter((f) => /^keys_.*\.keys$/.test(f))
    .map((f) => f.slice(0, -'.keys'.length))
    .sort();
  it('replays every recorded key scene', () => {
    expect(scenes.length).toBeGreaterThanOrEqual(19);
  });
  for (const scene of scenes) {
    it(`${scene}: every printed line matches`, async () => {
      const { ours, qt } = await replay(scene);
      expect(ours).toEqual(qt);
    });
  }
});
