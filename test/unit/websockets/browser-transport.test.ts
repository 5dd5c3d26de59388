// The browser transport, run in Node on `ws`'s WHATWG-style WebSocket (the
// same onopen/onmessage/onclose interface a page has): the mapping from what
// a page can observe to Qt's statuses and messages. test/browser/ runs the
// same scenes in Chromium on the real thing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { createEchoServer, type EchoServerHandle } from '../../../server/echo-server';
import {
  type BrowserWebSocketConstructor,
  browserTransport,
} from '../../../src/websockets/browser-transport';
import { NO_SERVER_IN_BROWSER } from '../../../src/websockets/WebSocketServer';
import { REFUSED_OUTPUT, REPORTED_AS_REFUSED, SAME_AS_QT } from './browser-mapping';
import { createScenarioServer, type ScenarioServer } from './scenario-server';
import { freePort, type Ports, qtOutput, runScene, startScene } from './scenes';

let echo: EchoServerHandle;
let scenario: ScenarioServer;
let tls: ScenarioServer;
let ports: Ports;
const transport = browserTransport(WebSocket as unknown as BrowserWebSocketConstructor);

beforeAll(async () => {
  echo = await createEchoServer({ port: 0, log: () => {} });
  scenario = await createScenarioServer(0);
  tls = await createScenarioServer(0, { tls: true });
  ports = { echo: echo.port, scenario: scenario.port, tls: tls.port, refused: await freePort() };
});

afterAll(async () => {
  await echo.close();
  await scenario.close();
  await tls.close();
});

describe('browser transport (on ws in Node)', { timeout: 20_000 }, () => {
  test.each(SAME_AS_QT)('%s: as Qt', async (name) => {
    expect(await runScene(name, ports, transport)).toEqual(qtOutput(name, ports));
  });

  test.each(REPORTED_AS_REFUSED)('%s: Closed, then Error "Connection refused"', async (name) => {
    expect(await runScene(name, ports, transport)).toEqual(REFUSED_OUTPUT);
  });

  test('a url the page cannot even try (its WebSocket constructor throws): as Qt for a host not found', async () => {
    const throwing = browserTransport(
      class {
        constructor() {
          throw new SyntaxError('The URL is invalid.');
        }
      } as unknown as BrowserWebSocketConstructor,
    );
    expect(await runScene('host_not_found', ports, throwing)).toEqual(qtOutput('host_not_found', ports));
  });

  test('servers cannot listen: listen: true reports why', async () => {
    const source = `import QtQuick
import QtWebSockets
Item {
    WebSocketServer {
        id: server
        listen: true
        onErrorStringChanged: function (errorString) { console.log("errorString", errorString) }
    }
    Component.onCompleted: {
        console.log("listen", server.listen, server.url)
        Qt.quit()
    }
}`;
    const run = await startScene('no_server', source, { transport });
    expect(await run.finished).toEqual([
      NO_SERVER_IN_BROWSER,
      `qml: errorString ${NO_SERVER_IN_BROWSER}`,
      'qml: listen true ws://127.0.0.1:0',
    ]);
  });
});
