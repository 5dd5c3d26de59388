// TextInput's input mask in the page: its code loads with the types the page
// loads on first use, before a scene that names inputMask runs.
import { expect, test } from 'vitest';
import { runUntilQuit } from '../helpers/qml';

test('a scene naming inputMask has the mask from the start', async () => {
  const source = [
    'import QtQuick',
    'TextInput {',
    '    inputMask: ">AA-9999;_"',
    '    text: "ab1234"',
    '    Component.onCompleted: {',
    '        print(text, displayText, acceptableInput, maximumLength, inputMask)',
    '        Qt.quit()',
    '    }',
    '}',
  ].join('\n');
  const { output, late } = await runUntilQuit('mask', source, 10_000);
  expect(late).toBe(false);
  expect(output).toEqual(['qml: AB-1234 AB-1234 true 7 >AA-9999;_']);
});
