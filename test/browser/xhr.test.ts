// XMLHttpRequest in the page: its requests go through fetch (and, for a
// synchronous one, the browser's own synchronous request), with Qt's states
// and callbacks (the Node transport is checked against recorded Qt scenes
// in test/unit/xhr).
import { expect, test } from 'vitest';
import { runScene } from './scene-renderer';

test('a request through fetch: every state, then onload with the headers and a JSON response; a refused one ends in onerror; a synchronous one is done when send() returns', async () => {
  const lines: string[] = [];
  await runScene(
    `import QtQuick
Item {
    Component.onCompleted: {
        print(typeof XMLHttpRequest, XMLHttpRequest.DONE)
        var s = new XMLHttpRequest()
        s.open('GET', 'data:text/plain,in%20one%20go', false)
        s.send()
        print('sync', s.readyState, s.status, s.responseText)
        var x = new XMLHttpRequest()
        x.responseType = 'json'
        x.onreadystatechange = function () { print('state', x.readyState) }
        x.onload = function () {
            print('load', x.status, JSON.stringify(x.statusText), x.getResponseHeader('Content-Type'), JSON.stringify(x.response))
            var y = new XMLHttpRequest()
            y.onreadystatechange = function () { print('refused state', y.readyState, y.status) }
            y.onerror = function () { print('refused error') }
            y.onloadend = function () { print('refused loadend') }
            y.open('GET', 'http://127.0.0.1:1/')
            y.send()
        }
        x.open('GET', 'data:application/json,{"a":[1,2]}')
        x.send()
    }
}
`,
    { sink: { warn: (m) => lines.push(m), log: (_level, m) => lines.push(m) } },
  );
  await expect.poll(() => lines.at(-1), { timeout: 10_000 }).toBe('qml: refused loadend');
  expect(lines).toEqual([
    'qml: function 4',
    // (a data: url answers as Qt's network access manager does: status 0, its media type and length)
    'qml: sync 4 0 in one go',
    'qml: state 1',
    'qml: state 2',
    'qml: state 3',
    'qml: state 4',
    'qml: load 0 "" application/json {"a":[1,2]}',
    // (status in state 1 throws, as in Qt: the callback's exception is reported)
    'file:///scene/main.qml:15: Error: Invalid state',
    'qml: refused state 4 0',
    'qml: refused error',
    'qml: refused loadend',
  ]);
});
