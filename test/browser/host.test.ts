// The page as a user meets it: the mouse focuses and scrolls, the real
// keyboard types into the focused TextInput and moves focus with Tab, the
// pointer's cursor follows the item under it, a saved file swaps the
// running scene, a broken file shows Qt's error over the last good scene,
// a scene with nothing to do draws nothing, an input method composes in
// place, dropped files run, and screen readers see the texts.
import { describe, expect, test } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import type { App } from '../../src/host/app';
import { mountedFolder, mountFiles, until } from './scene';

// biome-ignore lint/suspicious/noExplicitAny: tests reach into QML objects dynamically
type Q = any;

function root(app: App): Q {
  return app.host.runtime!.root;
}

function byName(app: App, name: string): Q {
  const find = (item: Q): Q => {
    if (item.objectName === name) return item;
    for (const c of item.childItems) {
      const f = find(c);
      if (f) return f;
    }
    return null;
  };
  return find(root(app));
}

const FORM = `import QtQuick
Rectangle {
    width: 300; height: 130
    color: "white"
    property int accepted: 0
    TextInput { objectName: "first"; x: 10; y: 10; width: 200; height: 20; text: "first"; focus: true; activeFocusOnTab: true }
    TextInput { objectName: "second"; x: 10; y: 50; width: 200; height: 20; activeFocusOnTab: true; onAccepted: parent.accepted++ }
    MouseArea { objectName: "hand"; x: 10; y: 90; width: 50; height: 30; hoverEnabled: true; cursorShape: Qt.PointingHandCursor }
}
`;

describe('mouse and keyboard', () => {
  test('a click focuses a TextInput, the keyboard types into it, Enter fires accepted, Tab moves focus', async () => {
    const app = await mountFiles({ 'form.qml': FORM }, 'form.qml');
    const first = byName(app, 'first');
    const second = byName(app, 'second');
    expect(first.activeFocus).toBe(true);

    await userEvent.click(app.host.canvas, { position: { x: 30, y: 58 } });
    await until(() => second.activeFocus, 'the clicked input to get focus');
    expect(first.activeFocus).toBe(false);

    await userEvent.keyboard('hi there');
    expect(second.text).toBe('hi there');
    expect(second.cursorPosition).toBe(8);
    await userEvent.keyboard('{Backspace}{ArrowLeft}X');
    expect(second.text).toBe('hi theXr');
    await userEvent.keyboard('{Enter}');
    expect(root(app).accepted).toBe(1);
    expect(first.text).toBe('first');

    await userEvent.keyboard('{Tab}');
    await until(() => first.activeFocus, 'Tab to move focus to the first input');
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    await until(() => second.activeFocus, 'Shift+Tab to move focus back');
  });

  test('a Shortcut takes its keys from the real keyboard before the focused input, which keeps the ones it edits with', async () => {
    const app = await mountFiles(
      {
        'keys.qml': `import QtQuick
Rectangle {
    id: root
    width: 200; height: 40
    property int saved: 0
    property int selected: 0
    TextInput { objectName: "input"; width: 200; height: 20; text: "abc"; focus: true }
    Shortcut { sequence: StandardKey.Save; onActivated: root.saved++ }
    Shortcut { sequence: "Ctrl+A"; onActivated: root.selected++ }
}
`,
      },
      'keys.qml',
    );
    const input = byName(app, 'input');
    await until(() => input.activeFocus, 'the input to have focus');
    const save = new KeyboardEvent('keydown', {
      key: 's',
      code: 'KeyS',
      ctrlKey: true,
      cancelable: true,
      bubbles: true,
    });
    app.keyboard.field.dispatchEvent(save);
    expect(root(app).saved).toBe(1);
    // (the browser's own "save page" does not happen)
    expect(save.defaultPrevented).toBe(true);
    await userEvent.keyboard('{Control>}a{/Control}');
    expect(root(app).selected).toBe(0);
    expect(input.selectedText).toBe('abc');
  });

  test('Keys handlers get Qt key codes, text and modifiers from the real keyboard', async () => {
    const app = await mountFiles(
      {
        'keys.qml': `import QtQuick
Item {
    width: 100; height: 100
    property var log: []
    focus: true
    Keys.onPressed: (event) => log.push(event.key + ":" + event.text + ":" + event.modifiers)
}
`,
      },
      'keys.qml',
    );
    await userEvent.keyboard('a{Enter}{ArrowLeft}{Shift>}B{/Shift}{Escape}');
    // Qt.Key_A, Key_Return, Key_Left, Key_Shift (pressed alone), Key_B with Shift, Key_Escape.
    expect(root(app).log).toEqual([
      '65:a:0',
      `${0x01000004}:\r:0`,
      `${0x01000012}::0`,
      `${0x01000020}::${0x02000000}`,
      `66:B:${0x02000000}`,
      `${0x01000000}:\x1b:0`,
    ]);
  });

  test('the pointer cursor follows the item under it; hover ends when the pointer leaves the page', async () => {
    const app = await mountFiles({ 'form.qml': FORM }, 'form.qml');
    const canvas = app.host.canvas;
    await userEvent.hover(canvas, { position: { x: 30, y: 18 } });
    await until(() => canvas.style.cursor === 'text', 'the I-beam over a TextInput');
    await userEvent.hover(canvas, { position: { x: 30, y: 100 } });
    const hand = byName(app, 'hand');
    await until(() => hand.containsMouse, 'the MouseArea to be hovered');
    expect(canvas.style.cursor).toBe('pointer');
    await userEvent.hover(canvas, { position: { x: 250, y: 100 } });
    await until(() => canvas.style.cursor === 'default', 'the arrow outside');
    await userEvent.hover(canvas, { position: { x: 30, y: 100 } });
    await until(() => hand.containsMouse, 'the MouseArea hovered again');
    await userEvent.unhover(canvas);
    await until(() => !hand.containsMouse, 'hover to end when the pointer leaves');
  });

  test('the wheel scrolls a long ListView', async () => {
    const app = await mountFiles(
      {
        'list.qml': `import QtQuick
ListView {
    width: 200; height: 200
    model: 100
    delegate: Text { height: 20; text: "row " + index }
}
`,
      },
      'list.qml',
    );
    const view = root(app);
    expect(view.contentY).toBe(0);
    await userEvent.wheel(app.host.canvas, { delta: { y: 100 } });
    await until(() => view.contentY > 0, 'the list to scroll down');
    await until(() => !view.moving, 'the list to stop');
    const down = view.contentY;
    await userEvent.wheel(app.host.canvas, { delta: { y: -100 } });
    await until(() => view.contentY < down, 'the list to scroll back up');
  });
});

describe('the screen', () => {
  test("Screen in QML is the browser's screen: its size, free area, pixel ratio and density", async () => {
    const app = await mountFiles(
      {
        'screen.qml': `import QtQuick
Item {
    width: 100; height: 100
    property var seen: [Screen.width, Screen.height, Screen.desktopAvailableWidth,
        Screen.desktopAvailableHeight, Screen.devicePixelRatio, Screen.pixelDensity]
}
`,
      },
      'screen.qml',
    );
    expect(root(app).seen).toEqual([
      screen.width,
      screen.height,
      screen.availWidth,
      screen.availHeight,
      devicePixelRatio,
      (96 * devicePixelRatio) / 25.4,
    ]);
  });
});

describe('files that change while the scene runs', () => {
  const MAIN = `import QtQuick
Rectangle {
    width: 200; height: 60
    color: "white"
    Label { objectName: "label"; text: "one" }
}
`;
  const LABEL = `import QtQuick
Text { color: "black" }
`;

  test('saving the main file or a component swaps the running scene in place', async () => {
    const app = await mountFiles({ 'main.qml': MAIN, 'Label.qml': LABEL }, 'main.qml');
    expect(byName(app, 'label').text).toBe('one');
    const firstRuntime = app.host.runtime;

    app.files.addMemoryFile(`${mountedFolder}main.qml`, MAIN.replace('"one"', '"two"'));
    expect(await app.host.filesChanged([`${mountedFolder}main.qml`])).toBe(true);
    expect(app.host.runtime).not.toBe(firstRuntime);
    expect(byName(app, 'label').text).toBe('two');

    app.files.addMemoryFile(`${mountedFolder}Label.qml`, LABEL.replace('"black"', '"red"'));
    expect(await app.host.filesChanged([`${mountedFolder}Label.qml`])).toBe(true);
    expect(String(byName(app, 'label').color)).toBe('#ff0000');
    expect(app.host.error).toBeNull();
  });

  test("a broken file shows Qt's message and position while the last good scene keeps running; fixing it clears the message", async () => {
    const app = await mountFiles({ 'main.qml': MAIN, 'Label.qml': LABEL }, 'main.qml');
    const good = app.host.runtime;
    const label = byName(app, 'label');

    app.files.addMemoryFile(`${mountedFolder}Label.qml`, 'import QtQuick\nText { color: "black"\n');
    expect(await app.host.filesChanged([`${mountedFolder}Label.qml`])).toBe(false);
    // Qt's words, at the position of the error in the broken file.
    expect(app.host.error?.split('\n').at(-1)).toBe(`${mountedFolder}Label.qml:3:1: Expected token \`}'`);
    expect(app.host.overlay.hidden).toBe(false);
    expect(app.host.runtime).toBe(good);
    label.text = 'still running';
    expect(byName(app, 'label').text).toBe('still running');

    app.files.addMemoryFile(`${mountedFolder}Label.qml`, LABEL);
    expect(await app.host.filesChanged([`${mountedFolder}Label.qml`])).toBe(true);
    expect(app.host.error).toBeNull();
    expect(app.host.overlay.hidden).toBe(true);
  });
});

test('a scene with nothing to do draws no frames and asks for none (the caret blinks without redrawing the scene)', async () => {
  const app = await mountFiles({ 'form.qml': FORM }, 'form.qml');
  await app.settle(200);
  const renderer = app.host.renderer!;
  const before = renderer.framesRendered;
  const raf = globalThis.requestAnimationFrame;
  let asked = 0;
  globalThis.requestAnimationFrame = (f) => {
    asked++;
    return raf(f);
  };
  try {
    await new Promise((r) => setTimeout(r, 2000));
  } finally {
    globalThis.requestAnimationFrame = raf;
  }
  expect(renderer.framesRendered).toBe(before);
  // Not even an animation frame callback runs (PixiJS's own ticker included).
  expect(asked).toBe(0);
  expect(byName(app, 'first').activeFocus).toBe(true);
});

test('a Behavior animates on the page: its type code loads, each frame draws the next value, then the page goes idle', async () => {
  const app = await mountFiles(
    {
      'moving.qml': `import QtQuick
Rectangle {
    width: 200; height: 60; color: "white"
    property var seen: []
    Rectangle {
        objectName: "box"; width: 20; height: 20; color: "red"
        onXChanged: parent.seen.push(x)
        Behavior on x { NumberAnimation { duration: 300; easing.type: Easing.OutQuad } }
    }
}
`,
    },
    'moving.qml',
  );
  await app.settle(100);
  const renderer = app.host.renderer!;
  const box = byName(app, 'box');
  const before = renderer.framesRendered;
  box.x = 150;
  // (the Behavior took the write: the value moves over frames)
  expect(box.x).toBe(0);
  await until(() => box.x === 150, 'the end of the animation');
  const seen: number[] = root(app).seen;
  expect(seen.length).toBeGreaterThan(4);
  for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]!);
  expect(renderer.framesRendered - before).toBeGreaterThanOrEqual(seen.length - 1);
  await app.settle(100);
  const idle = renderer.framesRendered;
  await new Promise((r) => setTimeout(r, 400));
  expect(renderer.framesRendered).toBe(idle);
});

test('a state change on the page runs its transition frame by frame and ends on the state values', async () => {
  const app = await mountFiles(
    {
      'toggle.qml': `import QtQuick
Rectangle {
    id: page
    width: 200; height: 60; color: "white"
    property var seen: []
    Rectangle {
        id: box; objectName: "box"; width: 20; height: 20; color: "red"
        onXChanged: page.seen.push(x)
    }
    states: State { name: "right"; PropertyChanges { target: box; x: 150; color: "blue" } }
    transitions: Transition { NumberAnimation { properties: "x"; duration: 300 } }
}
`,
    },
    'toggle.qml',
  );
  await app.settle(100);
  const page = root(app);
  const box = byName(app, 'box');
  page.state = 'right';
  // (the colour is not animated: it changes at once; x moves over frames)
  expect(String(box.color)).toBe('#0000ff');
  expect(box.x).toBe(0);
  await until(() => box.x === 150, 'the end of the transition');
  const seen: number[] = page.seen;
  expect(seen.length).toBeGreaterThan(4);
  for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]!);
  page.state = '';
  await until(() => box.x === 0, 'the way back');
  expect(String(box.color)).toBe('#ff0000');
});

test('an Animator turns what is drawn while the property keeps its value', async () => {
  const app = await mountFiles(
    {
      'spinner.qml': `import QtQuick
Rectangle {
    width: 100; height: 100; color: "white"
    Rectangle {
        objectName: "spin"; x: 40; y: 40; width: 20; height: 20; color: "red"
        RotationAnimator on rotation { from: 0; to: 360; duration: 1000; loops: Animation.Infinite }
    }
}
`,
    },
    'spinner.qml',
  );
  const spin = byName(app, 'spin');
  const drawn = () =>
    (spin.renderNode as { container: { rotation: number } } | null)?.container.rotation ?? 0;
  await until(() => drawn() > 0.5, 'the spinner to turn');
  const before = drawn();
  await until(() => drawn() !== before, 'the next frames');
  expect(spin.rotation).toBe(0);
});

describe('input methods, dropped files and screen readers', () => {
  test("an input method's pre-edit text shows in place without entering the text; committing inserts it at the cursor", async () => {
    const app = await mountFiles({ 'form.qml': FORM }, 'form.qml');
    const first = byName(app, 'first');
    await userEvent.click(app.host.canvas, { position: { x: 60, y: 18 } });
    await until(() => document.activeElement === app.keyboard.field, 'the text field to get the keyboard');
    await userEvent.keyboard('{End}');
    expect(first.cursorPosition).toBe(5);

    await commands.ime('にほん', false);
    await until(() => first.preeditString === 'にほん', 'the pre-edit text');
    // Qt: pre-edit text is not part of `text` until it is committed.
    expect(first.text).toBe('first');
    expect(app.keyboard.composing()).toBe(true);

    await commands.ime('日本', true);
    await until(() => first.text === 'first日本', 'the committed text');
    expect(first.preeditString).toBe('');
    expect(first.cursorPosition).toBe(7);
    expect(app.keyboard.composing()).toBe(false);
    // Keys after the composition type as before.
    await userEvent.keyboard('!');
    expect(first.text).toBe('first日本!');
  });

  test('a .qml file dropped onto the page runs; a folder runs its main file with its components', async () => {
    const app = await mountFiles({ 'form.qml': FORM }, 'form.qml');
    const drop = (files: File[]) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(f);
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
    };
    const before = app.host.runtime;
    drop([
      new File(['import QtQuick\nText { objectName: "dropped"; text: "from a drop" }\n'], 'dropped.qml'),
    ]);
    await until(() => app.host.runtime !== before, 'the dropped scene to run');
    expect(byName(app, 'dropped').text).toBe('from a drop');

    // A folder's files as the page reads them (entries with their paths).
    const { runDropped } = await import('../../src/host/drop-run');
    const ok = await runDropped(app.host, app.files, [
      { path: 'demo/Badge.qml', file: new File(['import QtQuick\nText { text: "badge" }\n'], 'Badge.qml') },
      {
        path: 'demo/main.qml',
        file: new File(['import QtQuick\nItem { Badge { objectName: "badge" } }\n'], 'main.qml'),
      },
    ]);
    expect(ok).toBe(true);
    expect(byName(app, 'badge').text).toBe('badge');

    // Something that is not QML: a message, and the scene keeps running.
    const running = app.host.runtime;
    drop([new File(['hello'], 'notes.txt')]);
    await until(() => app.host.error !== null, 'the message');
    expect(app.host.error).toBe('Drop .qml files (or a folder of them) to run them.');
    expect(app.host.runtime).toBe(running);
  });

  test('screen readers get the visible texts in order, kept in sync, and the focused input as a labelled text box', async () => {
    const app = await mountFiles(
      {
        'chat.qml': `import QtQuick
Column {
    width: 200; height: 120
    property alias status: status.text
    Text { id: status; text: "Connecting" }
    Text { text: "hidden"; visible: false }
    Repeater { model: ["hello", "world"]; Text { text: modelData } }
    TextInput { objectName: "input"; width: 200; text: "draft"; focus: true }
}
`,
      },
      'chat.qml',
    );
    await until(() => app.a11y.texts.length === 3, 'the mirror');
    // Visible Text items only: the input is read through the text box below.
    expect(app.a11y.texts).toEqual(['Connecting', 'hello', 'world']);
    const log = app.a11y.element.querySelector('[role="log"]')!;
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect([...log.children].map((p) => p.textContent)).toEqual(['Connecting', 'hello', 'world']);

    root(app).status = 'Open';
    app.host.renderer!.requestFrame();
    await until(() => app.a11y.texts[0] === 'Open', 'the changed text');

    // The keyboard's field is what a reader reads as the focused input.
    const field = app.keyboard.field;
    expect(field.getAttribute('aria-label')).toBe('Text input');
    await until(() => field.value === 'draft', 'the field to mirror the input');
    // Nothing a message says becomes markup in the page.
    expect(app.a11y.element.querySelector('b, script, img')).toBeNull();
  });

  test("screen readers get an item's Accessible.name, and nothing of an ignored one", async () => {
    const app = await mountFiles(
      {
        'buttons.qml': `import QtQuick
Row {
    width: 200; height: 40
    Rectangle { width: 40; height: 40; Accessible.role: Accessible.Button; Accessible.name: "Send" }
    Text { text: "ok"; Accessible.name: "Accept" }
    Text { text: "decoration"; Accessible.ignored: true }
    Text { text: "plain"; Accessible.description: "a label" }
}
`,
      },
      'buttons.qml',
    );
    await until(() => app.a11y.texts.length === 3, 'the mirror');
    expect(app.a11y.texts).toEqual(['Send', 'Accept', 'plain']);
  });
});
