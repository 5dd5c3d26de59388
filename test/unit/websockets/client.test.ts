// The book's two client scenes, with their WebSocket code verbatim and the
// QtQuick items around it replaced by plain properties, against the echo
// server (server/ and the QML one), plus echo, binary, reconnecting and
// closing as seen from the server's side.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { createEchoServer, type EchoServerEvent, type EchoServerHandle } from '../../../server/echo-server';
import { lines, type Run, runQml } from '../../helpers/qml';
import { createScenarioServer } from './scenario-server';
import { freePort, startQmlEchoServer } from './scenes';

/** Events come when they come: on a busy machine, give them time. */
const WAIT = { timeout: 10_000 };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

async function echoServer(): Promise<{ handle: EchoServerHandle; events: EchoServerEvent[] }> {
  const events: EchoServerEvent[] = [];
  const handle = await createEchoServer({ port: 0, log: () => {}, onEvent: (e) => events.push(e) });
  cleanups.push(() => handle.close());
  return { handle, events };
}

async function scene(source: string): Promise<Run> {
  const r = await runQml(source);
  cleanups.push(() => r.runtime.shutdown());
  return r;
}

/** echo.qml's WebSocket, verbatim; the Text it sits in becomes a string property. */
const echoScene = (url: string) => `import QtQuick
import QtWebSockets

Item {
    property string text
    WebSocket {
        id: socket
        url: "${url}"
        active: true
        onTextMessageReceived: function (message) {
            text = message
        }
        onStatusChanged: {
            if (socket.status == WebSocket.Error) {
                console.log("Error: " + socket.errorString)
            } else if (socket.status == WebSocket.Open) {
                socket.sendTextMessage("ping")
            } else if (socket.status == WebSocket.Closed) {
                text += "\\nSocket closed"
            }
        }
    }
}`;

/** ws_client.qml's WebSocket and input handler, verbatim; ChatView becomes a list of rows. */
const chatScene = (url: string) => `import QtQuick
import QtWebSockets

Item {
    id: root
    property var rows: []
    QtObject {
        id: box
        function append(prefix, message) { root.rows = root.rows.concat([prefix + " " + message]) }
    }
    QtObject {
        id: input
        property string text
        signal accepted(string text)
        onAccepted: function (text) {
            print('send message: ' + text)
            socket.sendTextMessage(text)
            box.append('>', text)
            text = ''
        }
    }
    WebSocket {
        id: socket

        url: "${url}"
        active: true
        onTextMessageReceived: function (message) {
            box.append('<', message)
        }
        onStatusChanged: {
            if (socket.status == WebSocket.Error) {
                box.append('#', 'socket error ' + socket.errorString)
            } else if (socket.status == WebSocket.Open) {
                box.append('#', 'socket open')
            } else if (socket.status == WebSocket.Closed) {
                box.append('#', 'socket closed')
            }
        }
    }
}`;

describe("the book's echo scene (echo.qml)", { timeout: 20_000 }, () => {
  test('shows the echo of "ping" (reference state echo_local_ping.ws7)', async () => {
    const { handle } = await echoServer();
    const r = await scene(echoScene(handle.url));
    await expect.poll(() => r.root.text, WAIT).toBe('ping');
  });

  test('server killed: "ping\\nSocket closed" and "qml: Error: The remote host closed the connection"', async () => {
    const server = await createScenarioServer(0);
    cleanups.push(() => server.close());
    const r = await scene(echoScene(server.url));
    await expect.poll(() => r.root.text, WAIT).toBe('ping');
    await server.close();
    await expect.poll(() => r.root.text, WAIT).toBe('ping\nSocket closed');
    expect(lines(r)).toEqual(['qml: Error: The remote host closed the connection']);
  });

  test('echo server shut down (close frame 1001): "Socket closed", no error', async () => {
    const { handle } = await echoServer();
    const r = await scene(echoScene(handle.url));
    await expect.poll(() => r.root.text, WAIT).toBe('ping');
    await handle.close();
    await expect.poll(() => r.root.text, WAIT).toBe('ping\nSocket closed');
    expect(lines(r)).toEqual([]);
  });

  test('no network: "\\nSocket closed" and "qml: Error: Host not found" (echo_original_no_network)', async () => {
    const r = await scene(echoScene('ws://no-such-host.invalid'));
    await expect.poll(() => lines(r), WAIT).toEqual(['qml: Error: Host not found']);
    expect(r.root.text).toBe('\nSocket closed');
  });
});

describe("the book's chat client (ws_client.qml)", { timeout: 20_000 }, () => {
  test.each([
    ['server/', async () => (await echoServer()).handle.url],
    [
      'scenes/echo/server.qml',
      async () => {
        const server = await startQmlEchoServer();
        cleanups.push(() => server.runtime.shutdown());
        return server.url;
      },
    ],
  ])('with %s: socket open, greeting, then the echo of what was sent', async (_name, start) => {
    const url = await start();
    const r = await scene(chatScene(url));
    await expect.poll(() => r.root.rows, WAIT).toEqual(['# socket open', '< Welcome to Awesome Chat']);
    r.id('input').text = 'hello';
    r.id('input').accepted('hello');
    await expect
      .poll(() => r.root.rows, WAIT)
      .toEqual(['# socket open', '< Welcome to Awesome Chat', '> hello', '< hello']);
    expect(lines(r)).toEqual(['qml: send message: hello']);
    // Qt: `text = ''` assigns the handler's parameter; the input keeps its text.
    expect(r.id('input').text).toBe('hello');
  });

  test('server killed: "socket error The remote host closed the connection", then "socket closed"', async () => {
    const server = await createScenarioServer(0);
    cleanups.push(() => server.close());
    const r = await scene(chatScene(server.url));
    await expect.poll(() => r.root.rows, WAIT).toEqual(['# socket open', '< Welcome to Awesome Chat']);
    await server.close();
    await expect
      .poll(() => r.root.rows, WAIT)
      .toEqual([
        '# socket open',
        '< Welcome to Awesome Chat',
        '# socket error The remote host closed the connection',
        '# socket closed',
      ]);
  });

  test('no server: "socket closed", then "socket error Connection refused" (chat_no_server)', async () => {
    const r = await scene(chatScene(`ws://127.0.0.1:${await freePort()}`));
    await expect
      .poll(() => r.root.rows, WAIT)
      .toEqual(['# socket closed', '# socket error Connection refused']);
  });
});

describe('WebSocket against the echo server', { timeout: 20_000 }, () => {
  test('greeting, text echo and binary echo; binaryMessageReceived gets an ArrayBuffer', async () => {
    const { handle } = await echoServer();
    const r = await scene(`import QtQuick
import QtWebSockets
Item {
    property var received: []
    WebSocket {
        id: socket
        url: "${handle.url}"
        active: true
        onStatusChanged: function (status) {
            if (status != WebSocket.Open) return
            sendTextMessage("hello")
            var bytes = new Uint8Array([1, 2, 254, 255])
            sendBinaryMessage(bytes.buffer)
        }
        onTextMessageReceived: function (message) { received = received.concat(["text " + message]) }
        onBinaryMessageReceived: function (message) {
            received = received.concat(["binary " + (message instanceof ArrayBuffer) + " "
                                        + Array.prototype.join.call(new Uint8Array(message), ",")])
        }
    }
}`);
    await expect
      .poll(() => r.root.received, WAIT)
      .toEqual(['text Welcome to Awesome Chat', 'text hello', 'binary true 1,2,254,255']);
  });

  test('toggling active: the server sees a normal close (1000), then a new client that is greeted again', async () => {
    const { handle, events } = await echoServer();
    const r = await scene(`import QtQuick
import QtWebSockets
Item {
    property alias socket: socket
    property int greetings: 0
    WebSocket {
        id: socket
        url: "${handle.url}"
        active: true
        onTextMessageReceived: greetings++
    }
}`);
    await expect.poll(() => r.root.greetings, WAIT).toBe(1);
    r.root.socket.active = false;
    expect(r.root.socket.status).toBe(3);
    await expect.poll(() => events.find((e) => e.type === 'disconnect'), WAIT).toMatchObject({ code: 1000 });
    r.root.socket.active = true;
    expect(r.root.socket.status).toBe(0);
    await expect.poll(() => r.root.greetings, WAIT).toBe(2);
    expect(events.filter((e) => e.type === 'connect')).toHaveLength(2);
  });

  test('changing the url while open reconnects: closed (1000) on the old server, greeted by the new one', async () => {
    const a = await echoServer();
    const b = await echoServer();
    const r = await scene(`import QtQuick
import QtWebSockets
Item {
    property alias socket: socket
    property var log: []
    WebSocket {
        id: socket
        url: "${a.handle.url}"
        active: true
        onTextMessageReceived: function (message) { log = log.concat([url + " " + message]) }
    }
}`);
    await expect.poll(() => r.root.log, WAIT).toEqual([`${a.handle.url} Welcome to Awesome Chat`]);
    r.root.socket.url = b.handle.url;
    await expect
      .poll(() => r.root.log, WAIT)
      .toEqual([`${a.handle.url} Welcome to Awesome Chat`, `${b.handle.url} Welcome to Awesome Chat`]);
    await expect
      .poll(() => a.events.find((e) => e.type === 'disconnect'), WAIT)
      .toMatchObject({ code: 1000 });
  });

  test('a scene that goes away closes its open socket with 1001 "Connection closed", as ~QWebSocket does', async () => {
    const { handle, events } = await echoServer();
    const r = await runQml(`import QtQuick
import QtWebSockets
Item {
    property bool open: socket.status == WebSocket.Open
    WebSocket { id: socket; url: "${handle.url}"; active: true }
}`);
    await expect.poll(() => r.root.open, WAIT).toBe(true);
    r.runtime.shutdown();
    await expect
      .poll(() => events.find((e) => e.type === 'disconnect'), WAIT)
      .toMatchObject({ code: 1001, reason: 'Connection closed' });
  });

  test('bindings on status, errorString and active follow the socket', async () => {
    const r = await scene(`import QtQuick
import QtWebSockets
Item {
    property alias socket: socket
    property string summary: socket.status + " " + socket.active + " " + socket.errorString
    WebSocket { id: socket; url: "ws://127.0.0.1:1" }
}`);
    expect(r.root.summary).toBe('3 false QQmlWebSocket is not ready.');
    r.root.socket.sendTextMessage('x');
    expect(r.root.summary).toBe('4 false Messages can only be sent when the socket is open.');
  });
});

describe('handshakes ws refuses, in Qt words (QWebSocketPrivate::processHandshake, measured with Qt 6.4.2)', {
  timeout: 20_000,
}, () => {
  /** A server that answers the upgrade with 101 and the headers `answer` makes from the client key. */
  async function rawServer(answer: (key: string) => Record<string, string>): Promise<string> {
    const http = createServer();
    http.on('upgrade', (req, socket) => {
      const key = String(req.headers['sec-websocket-key']);
      const headers = { Upgrade: 'websocket', Connection: 'Upgrade', ...answer(key) };
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\n${Object.entries(headers)
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join('')}\r\n`,
      );
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      http.closeAllConnections();
      http.close();
    });
    return `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
  }
  const accept = (key: string) =>
    createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  const errorOf = async (url: string, requested: string) => {
    const r = await scene(`import QtQuick
import QtWebSockets
Item {
    id: root
    property string error
    WebSocket {
        id: socket; url: "${url}"; active: true; requestedSubprotocols: ${requested}
        onStatusChanged: if (status == WebSocket.Error) root.error = errorString
    }
}`);
    await expect.poll(() => r.root.error, WAIT).not.toBe('');
    return r.root.error as string;
  };

  test('a subprotocol nobody asked for', async () => {
    const url = await rawServer((key) => ({
      'Sec-WebSocket-Accept': accept(key),
      'Sec-WebSocket-Protocol': 'unrequested',
    }));
    expect(await errorOf(url, '[]')).toBe(
      'WebSocket server has chosen protocol unrequested which has not been requested',
    );
    expect(await errorOf(url, '["chat"]')).toBe(
      'WebSocket server has chosen protocol unrequested which has not been requested',
    );
  });

  test('a Sec-WebSocket-Accept that is not the key’s', async () => {
    let sent = '';
    const url = await rawServer((key) => {
      sent = accept(key);
      return { 'Sec-WebSocket-Accept': 'AAAA' };
    });
    const error = await errorOf(url, '[]');
    expect(error).toBe(`Accept-Key received from server AAAA does not match the client key ${sent}.`);
  });
});
