import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryClipboard, setClipboard } from '../../../src/quick/clipboard';
import { measureTextInput } from '../../../src/quick/text';
import { lines, runQml } from '../../helpers/qml';
import { click, ctrl, drag, Key, Mod, tap, type } from './input-events';
import { loadScene, qtLog } from './qt-dump';

beforeEach(() => setClipboard(new MemoryClipboard()));

const CURSOR_ON_CHARACTER = 1;

/** The chat demo's input: a TextInput in a FocusScope at the bottom of a 360x360 scene. */
const CHAT = `import QtQuick
Item {
  width: 360; height: 360
  FocusScope {
    anchors.left: parent.left; anchors.right: parent.right; anchors.bottom: parent.bottom
    height: 32; focus: true
    TextInput {
      id: input
      anchors.left: parent.left; anchors.right: parent.right
      anchors.verticalCenter: parent.verticalCenter
      anchors.leftMargin: 4; anchors.rightMargin: 4
      color: '#fff'; focus: true
      onAccepted: print("accepted", text)
      onEditingFinished: print("editingFinished")
      onTextEdited: print("textEdited", text)
    }
  }
}`;

describe('typing into the chat input (Qt 6.4.2 chat_typed_hello)', () => {
  it('type hello, press Enter: accepted fires with the text hello, the input keeps it', async () => {
    const r = await runQml(CHAT);
    const input = r.id('input');
    const w = r.runtime.window;
    expect(w.activeFocusItem).toBe(input);
    expect(input.cursorVisible).toBe(true);
    type(w, 'hello');
    expect(input.text).toBe('hello');
    // Qt: the input at (4, 337), 352x14, cursor after "hello" at x 28.9531
    expect(input.scenePosition()).toEqual({ x: 4, y: 337 });
    expect([input.width, input.height]).toEqual([352, 14]);
    expect(input.cursorPosition).toBe(5);
    expect(input.cursorRectangle.x).toBeCloseTo(28.9531, 4);
    expect(input.cursorRectangle.height).toBe(14);
    expect(input.contentWidth).toBeCloseTo(28.9531, 4);
    r.output.length = 0;
    // Enter is not used by TextInput: it goes on to the parents after accepted
    expect(tap(w, Key.Return, '\r')).toBe(false);
    expect(lines(r)).toEqual(['qml: editingFinished', 'qml: accepted hello']);
    expect(input.text).toBe('hello');
  });

  it('announces each typed character with textEdited, not programmatic changes', async () => {
    const r = await runQml(CHAT);
    type(r.runtime.window, 'hi');
    r.id('input').text = 'set';
    expect(lines(r)).toEqual(['qml: textEdited h', 'qml: textEdited hi']);
  });
});

describe('editing keys (X11 key bindings, as measured in keys_editing)', () => {
  const scene = `import QtQuick
Item { width: 200; height: 40
  TextInput { id: input; width: 180; focus: true } }`;

  it('moves by characters and words, selects with Shift, deletes words with Ctrl', async () => {
    const r = await runQml(scene);
    const w = r.runtime.window;
    const input = r.id('input');
    type(w, 'hello world');
    tap(w, Key.Left);
    tap(w, Key.Left, '', Mod.Shift);
    expect([input.selectionStart, input.selectionEnd, input.selectedText]).toEqual([9, 10, 'l']);
    tap(w, Key.Left, '', Mod.Control);
    expect(input.cursorPosition).toBe(6);
    tap(w, Key.End);
    tap(w, Key.Backspace, '\b', Mod.Control);
    expect(input.text).toBe('hello ');
    tap(w, Key.Home);
    tap(w, Key.Delete, '\u007f', Mod.Control);
    expect(input.text).toBe('');
  });

  it('undoes with Ctrl+Z, redoes with Ctrl+Shift+Z; Ctrl+Y is no shortcut on X11', async () => {
    const r = await runQml(scene);
    const w = r.runtime.window;
    const input = r.id('input');
    type(w, 'abc');
    ctrl(w, 'z');
    expect(input.text).toBe('');
    expect([input.canUndo, input.canRedo]).toEqual([false, true]);
    expect(ctrl(w, 'y')).toBe(false);
    expect(input.text).toBe('');
    ctrl(w, 'z', Mod.Shift);
    expect(input.text).toBe('abc');
    expect(input.canRedo).toBe(false);
  });

  it('cuts, copies and pastes through the clipboard', async () => {
    const clip = new MemoryClipboard();
    setClipboard(clip);
    const r = await runQml(scene);
    const w = r.runtime.window;
    const input = r.id('input');
    type(w, 'copy me');
    ctrl(w, 'a');
    ctrl(w, 'c');
    expect(clip.text()).toBe('copy me');
    expect(input.canPaste).toBe(true);
    tap(w, Key.End);
    ctrl(w, 'v');
    expect(input.text).toBe('copy mecopy me');
    tap(w, Key.Left, '', Mod.Shift | Mod.Control);
    ctrl(w, 'x');
    expect(input.text).toBe('copy mecopy ');
    expect(clip.text()).toBe('me');
    clip.setText('X');
    input.paste();
    expect(input.text).toBe('copy mecopy X');
  });

  it('leaves Up, Down, Escape, Tab and moves off either end to the parents', async () => {
    const r = await runQml(scene);
    const w = r.runtime.window;
    expect(tap(w, Key.Up)).toBe(false);
    expect(tap(w, Key.Down)).toBe(false);
    expect(tap(w, Key.Escape, '\u001b')).toBe(false);
    expect(tap(w, Key.Left)).toBe(false);
    type(w, 'x');
    expect(tap(w, Key.Right)).toBe(false);
    expect(tap(w, Key.Left)).toBe(true);
  });

  it('refuses typing when readOnly but still moves the cursor', async () => {
    const r = await runQml(`import QtQuick
Item { TextInput { id: input; focus: true; readOnly: true; text: "fixed" } }`);
    const w = r.runtime.window;
    const input = r.id('input');
    expect(input.cursorVisible).toBe(false);
    expect(tap(w, 0x58, 'x')).toBe(false);
    tap(w, Key.Home);
    expect(input.cursorPosition).toBe(0);
    expect(input.text).toBe('fixed');
  });
});

describe('text model', () => {
  it('truncates to maximumLength and clamps typing', async () => {
    const r = await runQml(`import QtQuick
Item { TextInput { id: input; text: "abcdefghij"; maximumLength: 5; focus: true } }`);
    const input = r.id('input');
    expect(input.text).toBe('abcde');
    type(r.runtime.window, 'z');
    expect(input.text).toBe('abcde');
    input.maximumLength = 3;
    expect(input.text).toBe('abc');
  });

  it('select(), selectWord(), deselect(), insert() and remove()', async () => {
    const r = await runQml(`import QtQuick
Item { TextInput { id: input; text: "one two three" } }`);
    const input = r.id('input');
    input.select(8, 4);
    expect([input.selectionStart, input.selectionEnd, input.cursorPosition]).toEqual([4, 8, 4]);
    input.select(0, 99);
    expect(input.selectionEnd).toBe(8);
    input.cursorPosition = 5;
    input.selectWord();
    expect(input.selectedText).toBe('two');
    input.deselect();
    expect(input.selectedText).toBe('');
    input.insert(0, '>> ');
    expect(input.text).toBe('>> one two three');
    expect(input.cursorPosition).toBe(10);
    input.remove(0, 3);
    expect(input.text).toBe('one two three');
    expect(input.getText(4, 7)).toBe('two');
  });

  it('shows passwords as ● and nothing in NoEcho (width 0, implicitWidth of the plain text)', async () => {
    const r = await runQml(`import QtQuick
Item {
  TextInput { id: pw; text: "secret123"; echoMode: TextInput.Password }
  TextInput { id: none; text: "secret123"; echoMode: TextInput.NoEcho }
}`);
    const pw = r.id('pw');
    expect(pw.displayText).toBe('●●●●●●●●●');
    // Qt 6.4.2: contentWidth 94.2188, implicitWidth (first read) 60
    expect(pw.contentWidth).toBeCloseTo(94.2188, 3);
    expect(pw.implicitWidth).toBe(60);
    const none = r.id('none');
    expect(none.displayText).toBe('');
    expect(none.width).toBe(0);
    expect(none.cursorRectangle.x).toBe(0);
    pw.copy();
    pw.selectAll();
    pw.cut();
    expect(pw.text).toBe('secret123');
  });

  it('reads implicitWidth as ceil(contentWidth) once asked, without moving the width (Qt quirk)', async () => {
    const r = await runQml(`import QtQuick
Item { TextInput { id: input; text: "Hello World" } }`);
    const input = r.id('input');
    expect(input.width).toBeCloseTo(68.5313, 3);
    expect(input.implicitWidth).toBe(69);
    expect(input.width).toBeCloseTo(68.5313, 3);
    input.text = 'Hello World!';
    expect(input.width).toBe(74);
    expect(input.contentWidth).toBeCloseTo(73.3281, 3);
  });

  it('scrolls text wider than the input to keep the cursor visible', async () => {
    const r = await runQml(`import QtQuick
Item { TextInput { id: input; width: 60; text: "a rather long text" } }`);
    const input = r.id('input');
    // Qt 6.4.2: contentWidth 105.1719, cursor at the right edge
    expect(input.scrollX).toBeCloseTo(105.1719 - 60, 4);
    expect(input.cursorRectangle.x).toBe(60);
    input.cursorPosition = 0;
    expect(input.scrollX).toBe(0);
    input.ensureVisible(18);
    expect(input.scrollX).toBeCloseTo(45.1719, 4);
    input.autoScroll = false;
    expect(input.scrollX).toBe(0);
  });

  it('positionAt / positionToRectangle / moveCursorSelection by words', async () => {
    const r = await runQml(`import QtQuick
Item { TextInput { id: input; text: "Hello World" } }`);
    const input = r.id('input');
    expect(input.positionAt(0)).toBe(0);
    expect(input.positionAt(16)).toBe(2);
    expect(input.positionAt(500)).toBe(11);
    expect(input.positionAt(16, 0, CURSOR_ON_CHARACTER)).toBe(1);
    const rect = input.positionToRectangle(5);
    expect(rect.x).toBeCloseTo(30.375, 4);
    expect(rect.height).toBe(14);
    input.cursorPosition = 2;
    input.moveCursorSelection(8, 1);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 11]);
  });
});

describe('validators', () => {
  it('IntValidator refuses invalid typing and gates accepted()', async () => {
    const r = await runQml(`import QtQuick
Item { TextInput { id: input; focus: true; validator: IntValidator { bottom: 10; top: 500 }
  onAccepted: print("accepted", text) } }`);
    const w = r.runtime.window;
    const input = r.id('input');
    type(w, '5a-');
    expect(input.text).toBe('5');
    expect(input.acceptableInput).toBe(false);
    tap(w, Key.Return, '\r');
    expect(lines(r)).toEqual([]);
    type(w, '00');
    expect(input.text).toBe('500');
    type(w, '0');
    expect(input.text).toBe('500');
    tap(w, Key.Return, '\r');
    expect(lines(r)).toEqual(['qml: accepted 500']);
  });

  it('DoubleValidator and RegularExpressionValidator tell intermediate from invalid input', async () => {
    const r = await runQml(`import QtQuick
Item {
  TextInput { id: d; validator: DoubleValidator { bottom: -5; top: 5; decimals: 2; notation: DoubleValidator.StandardNotation } }
  TextInput { id: x; validator: RegularExpressionValidator { regularExpression: /[a-c]{2}[0-9]+/ } }
}`);
    const d = r.id('d');
    d.text = '-1.23';
    expect(d.acceptableInput).toBe(true);
    d.text = '-1.234';
    expect(d.text).toBe('-1.234');
    expect(d.acceptableInput).toBe(false);
    const x = r.id('x');
    x.text = 'ab';
    expect(x.acceptableInput).toBe(false);
    x.text = 'ab12';
    expect(x.acceptableInput).toBe(true);
    x.validator.regularExpression = /[0-9]+/;
    expect(x.acceptableInput).toBe(false);
  });

  it('an input mask fills blanks and skips separators', async () => {
    const r = await runQml(`import QtQuick
Item { TextInput { id: input; inputMask: "99-aa;_"; focus: true } }`);
    const input = r.id('input');
    expect(input.displayText).toBe('__-__');
    expect(input.text).toBe('-');
    expect(input.inputMask).toBe('99-aa;_');
    expect(input.maximumLength).toBe(5);
    type(r.runtime.window, '12ab');
    expect(input.text).toBe('12-ab');
    expect(input.acceptableInput).toBe(true);
  });
});

describe('focus, cursor and input method', () => {
  it('shows the cursor while it has active focus; losing focus ends editing', async () => {
    const r = await runQml(`import QtQuick
Item {
  TextInput { id: a; text: "a"; onEditingFinished: print("finished a") }
  TextInput { id: b; y: 20; text: "b" }
}`);
    const a = r.id('a');
    expect(a.cursorVisible).toBe(false);
    a.forceActiveFocus();
    expect(a.cursorVisible).toBe(true);
    const epoch = a.cursorBlinkEpoch;
    type(r.runtime.window, 'x');
    expect(a.cursorBlinkEpoch).toBeGreaterThan(epoch);
    a.selectAll();
    r.id('b').forceActiveFocus();
    expect(a.cursorVisible).toBe(false);
    expect(a.selectedText).toBe('');
    expect(lines(r)).toEqual(['qml: finished a']);
  });

  it('shows pre-edit text at the cursor without making it part of text', async () => {
    const r = await runQml(`import QtQuick
Item { TextInput { id: input; text: "ab"; focus: true; onTextChanged: print("text", text) } }`);
    const input = r.id('input');
    input.cursorPosition = 1;
    input.setPreedit('xy', 1);
    expect(input.text).toBe('ab');
    expect(input.displayText).toBe('axyb');
    expect(input.preeditText).toBe('xy');
    expect(input.inputMethodComposing).toBe(true);
    // the cursor sits inside the pre-edit string: after "ax"
    expect(input.cursorRectangle.x).toBe(measureTextInput('axyb').cursorToX(2));
    input.commitText('Z');
    expect(input.text).toBe('aZb');
    expect(input.displayText).toBe('aZb');
    expect(input.cursorPosition).toBe(2);
    expect(input.inputMethodComposing).toBe(false);
    input.setPreedit('q');
    input.cursorPosition = 0;
    expect(input.text).toBe('aZqb');
    expect(lines(r)).toEqual(['qml: text aZb', 'qml: text aZqb']);
  });
});

describe('the mouse (as measured in mouse_selection)', () => {
  it('sets the cursor, takes focus, selects by dragging, by word and the whole line', async () => {
    const { runtime, root, output } = await loadScene('mouse_selection.qml', 0);
    const w = runtime.window;
    const input = root.childItems[0] as unknown as {
      cursorPosition: number;
      selectionStart: number;
      selectionEnd: number;
      selectedText: string;
      activeFocus: boolean;
    };
    const state = () => [input.cursorPosition, input.selectionStart, input.selectionEnd];
    click(w, 40, 17);
    expect(state()).toEqual([5, 5, 5]);
    expect(input.activeFocus).toBe(true);
    click(w, 100, 17, 1, Mod.Shift);
    expect(state()).toEqual([16, 5, 16]);
    drag(w, [
      [20, 17],
      [60, 17],
      [90, 17],
    ]);
    expect(state()).toEqual([14, 1, 14]);
    click(w, 62, 17, 2);
    expect(input.selectedText).toBe('world');
    click(w, 120, 17, 3);
    expect(state()).toEqual([24, 0, 24]);
    click(w, 150, 17);
    expect(state()).toEqual([24, 24, 24]);
    // the second input does not select by mouse: a drag only moves its cursor
    drag(w, [
      [30, 42],
      [60, 42],
    ]);
    click(w, 30, 42, 2);
    // what the scene's handlers printed, in Qt's order (Qt's log less its timer lines)
    const printed = (l: string[]) => l.filter((x) => !x.startsWith('qml: state'));
    expect(printed(output)).toEqual(printed(qtLog('mouse_selection')));
    runtime.shutdown();
  });
});
