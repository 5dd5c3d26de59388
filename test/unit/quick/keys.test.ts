import { describe, expect, it } from 'vitest';
import { matchesStandardKey, StandardKey } from '../../../src/quick/items/Keys';
import { lines, loadError, runQml } from '../../helpers/qml';
import { Key, keyEvent, Mod, tap } from './input-events';

// The rules of QQuickKeysAttached::keyPressed and QQuickItemPrivate::deliverKeyEvent,
// as measured in keys_attached (see keys-fidelity.test.ts for the full replay).

describe('Keys', () => {
  it('gives onPressed the event not accepted; an unaccepted key goes on to the parent', async () => {
    const r = await runQml(`import QtQuick
Item {
  Keys.onPressed: (event) => print("root", event.key, JSON.stringify(event.text), event.accepted)
  Item {
    id: child; focus: true
    Keys.onPressed: (event) => { print("child", event.key, event.accepted, event.modifiers, event.count, event.isAutoRepeat); if (event.key === Qt.Key_A) event.accepted = true }
  }
}`);
    const w = r.runtime.window;
    expect(tap(w, 0x41, 'a')).toBe(true);
    expect(tap(w, 0x42, 'b', Mod.Shift)).toBe(false);
    expect(lines(r)).toEqual([
      'qml: child 65 false 0 1 false',
      'qml: child 66 false 33554432 1 false',
      'qml: root 66 "b" false',
    ]);
  });

  it('accepts by default in a key-specific handler, and then does not emit pressed', async () => {
    const r = await runQml(`import QtQuick
Item {
  Keys.onPressed: print("root pressed")
  Item {
    focus: true
    Keys.onReturnPressed: (event) => print("return", event.accepted)
    Keys.onEscapePressed: (event) => { print("escape"); event.accepted = false }
    Keys.onPressed: (event) => print("pressed", event.key)
    Keys.onDigit5Pressed: print("five")
  }
}`);
    const w = r.runtime.window;
    expect(tap(w, Key.Return, '\r')).toBe(true);
    expect(tap(w, Key.Escape, '\u001b')).toBe(false);
    tap(w, 0x35, '5');
    expect(lines(r)).toEqual([
      'qml: return true',
      'qml: escape',
      `qml: pressed ${Key.Escape}`,
      'qml: root pressed',
      'qml: five',
    ]);
  });

  it('runs before the item (BeforeItem) or only for keys the item left (AfterItem)', async () => {
    const r = await runQml(`import QtQuick
Item {
  TextInput { id: before; focus: true; Keys.onPressed: (event) => { print("before", event.text); if (event.text === "x") event.accepted = true } }
  TextInput { id: after; Keys.priority: Keys.AfterItem; Keys.onPressed: (event) => print("after", event.key) }
  Component.onCompleted: print(before.Keys.priority, after.Keys.priority, Keys.BeforeItem, Keys.AfterItem)
}`);
    const w = r.runtime.window;
    tap(w, 0x58, 'x');
    tap(w, 0x59, 'y');
    expect(r.id('before').text).toBe('y');
    r.id('after').forceActiveFocus();
    tap(w, 0x5a, 'z');
    tap(w, Key.Up);
    expect(r.id('after').text).toBe('z');
    expect(lines(r)).toEqual(['qml: 0 1 0 1', 'qml: before x', 'qml: before y', `qml: after ${Key.Up}`]);
  });

  it('forwards to forwardTo items first, skips when disabled', async () => {
    const r = await runQml(`import QtQuick
Item {
  Item { id: target; Keys.onPressed: (event) => { print("target", event.key); event.accepted = event.key === Qt.Key_X } }
  Item { id: hidden; visible: false; Keys.onPressed: print("hidden") }
  Item {
    id: src; focus: true
    Keys.forwardTo: [hidden, target]
    Keys.onPressed: (event) => print("src", event.key)
  }
}`);
    const w = r.runtime.window;
    tap(w, 0x58, 'x');
    tap(w, 0x59, 'y');
    r.id('src').keyHandler.enabled = false;
    expect(tap(w, 0x5a, 'z')).toBe(false);
    expect(lines(r)).toEqual(['qml: target 88', 'qml: target 89', 'qml: src 89']);
  });

  it('emits released with the event', async () => {
    const r = await runQml(`import QtQuick
Item { focus: true; Keys.onReleased: (event) => print("released", event.key, event.text) }`);
    r.runtime.window.deliverKey(keyEvent(0x41, 'a'), false);
    expect(lines(r)).toEqual(['qml: released 65 a']);
  });

  it('matches standard keys with the X11 bindings', async () => {
    expect(matchesStandardKey({ key: 0x43, modifiers: Mod.Control }, StandardKey.Copy)).toBe(true);
    expect(matchesStandardKey({ key: 0x5a, modifiers: Mod.Control | Mod.Shift }, StandardKey.Redo)).toBe(
      true,
    );
    expect(matchesStandardKey({ key: 0x59, modifiers: Mod.Control }, StandardKey.Redo)).toBe(false);
    expect(
      matchesStandardKey({ key: Key.Enter, modifiers: Mod.Keypad }, StandardKey.InsertParagraphSeparator),
    ).toBe(true);
    const r = await runQml(`import QtQuick
Item { focus: true; Keys.onPressed: (event) => print(event.matches(StandardKey.Copy), event.matches(StandardKey.Paste)) }`);
    tap(r.runtime.window, 0x43, '\u0003', Mod.Control);
    expect(lines(r)).toEqual(['qml: true false']);
  });

  it('cannot be created as an object (Qt says why)', async () => {
    expect(await loadError('import QtQuick\nItem { Keys {} }')).toBe(
      'main.qml:2:8: Keys is only available via attached properties',
    );
  });

  it('still moves focus with Tab when nobody takes it', async () => {
    const r = await runQml(`import QtQuick
Item {
  Item { id: a; activeFocusOnTab: true; focus: true; Keys.onPressed: print("a") }
  Item { id: b; activeFocusOnTab: true }
}`);
    tap(r.runtime.window, Key.Tab, '\t');
    expect(r.runtime.window.activeFocusItem).toBe(r.id('b'));
  });
});
