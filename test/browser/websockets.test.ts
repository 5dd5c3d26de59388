// The Qt-measured WebSocket scenes (test/fixtures/qt/websockets/) in Chromium,
// on the browser's own WebSocket, against servers the project's global setup
// runs in Node. Where a page cannot know why a connection failed, the
// scene prints the sequence of a refused connection (browser-mapping.ts).
import { describe, expect, inject, test } from 'vitest';
import { createRuntime } from '../../src/runtime';
import { NO_SERVER_IN_BROWSER } from '../../src/websockets/WebSocketServer';
import { BASE, memoryFiles, runUntilQuit } from '../helpers/qml';
import { REFUSED_OUTPUT, REPORTED_AS_REFUSED, SAME_AS_QT } from '../unit/websockets/browser-mapping';

const files = import.meta.glob<string>('../fixtures/qt/websockets/*.{qml,txt}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const ports = inject('webSocketPorts');

function withPorts(text: string): string {
  return text
    .replaceAll('38001', String(ports.echo))
    .replaceAll('38002', String(ports.scenario))
    .replaceAll('38003', String(ports.refused))
    .replaceAll('38004', String(ports.tls));
}

function fixture(name: string): string {
  const text = files[`../fixtures/qt/websockets/${name}`];
  if (text === undefined) throw new Error(`no fixture ${name}`);
  return withPorts(text);
}

/** What Qt printed, without the engine's deprecation warnings. */
function qtOutput(name: string): string[] {
  return fixture(`${name}.qt.txt`)
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('qt.qml.context:'));
}

/** Runs a scene until it calls Qt.quit() (or 10 s pass) and returns what it printed. */
async function runScene(name: string): Promise<string[]> {
  const { output, late } = await runUntilQuit(name, fixture(`${name}.qml`), 10_000);
  return [...output.filter((l) => !l.startsWith('qt.qml.context:')), ...(late ? ['(timed out)'] : [])];
}

describe('WebSocket in Chromium', { timeout: 20_000 }, () => {
  test.each(SAME_AS_QT)('%s: as Qt', async (name) => {
    expect(await runScene(name)).toEqual(qtOutput(name));
  });

  // Vitest's Playwright provider opens its pages with ignoreHTTPSErrors, so
  // Chromium accepts the self-signed certificate here (a real page would not).
  const refused = REPORTED_AS_REFUSED.filter((name) => name !== 'self_signed');
  test.each(refused)('%s: Closed, then Error "Connection refused"', async (name) => {
    expect(await runScene(name)).toEqual(REFUSED_OUTPUT);
  });
});

describe('WebSocketServer in Chromium', () => {
  test('a scene that names it loads it on first use; it says a page cannot listen', async () => {
    const output: string[] = [];
    const source = [
      'import QtQuick',
      'import QtWebSockets',
      'Item {',
      '    WebSocketServer {',
      '        id: server',
      '        listen: true',
      '        onErrorStringChanged: print("errorString:", server.errorString)',
      '    }',
      '    Component.onCompleted: print("listening:", server.listen, "port:", server.port)',
      '}',
    ].join('\n');
    const runtime = createRuntime({
      files: memoryFiles({ 'server.qml': source }),
      sink: { warn: (m) => output.push(m), log: (_l, m) => output.push(m) },
    });
    await runtime.run(`${BASE}server.qml`);
    runtime.shutdown();
    expect(output).toEqual([
      NO_SERVER_IN_BROWSER,
      `qml: errorString: ${NO_SERVER_IN_BROWSER}`,
      'qml: listening: true port: 0',
    ]);
  });
});
