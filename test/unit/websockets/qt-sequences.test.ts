// Every scene Qt 6.4.2 was measured with (test/fixtures/qt/websockets/) runs
// here against the same kind of peers, and must print what Qt printed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { createEchoServer, type EchoServerHandle } from '../../../server/echo-server';
import { createScenarioServer, type ScenarioServer } from './scenario-server';
import { freePort, type Ports, qtOutput, runScene, sceneSource, startScene } from './scenes';

let echo: EchoServerHandle;
let scenario: ScenarioServer;
let tls: ScenarioServer;
let ports: Ports;

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

async function expectLikeQt(name: string): Promise<void> {
  expect(await runScene(name, ports)).toEqual(qtOutput(name, ports));
}

describe('WebSocket status and errorString sequences, as Qt 6.4.2 reports them', { timeout: 20_000 }, () => {
  test('active: true, then false: Connecting, Open, then Closing and Closed before `active = false` returns', () =>
    expectLikeQt('open_close'));
  test('active false, then true again once Closed: a second connection', () => expectLikeQt('reopen'));
  test('connection refused: Closed, then Error "Connection refused"', () => expectLikeQt('refused'));
  test('unknown host: Closed, then Error "Host not found"', () => expectLikeQt('host_not_found'));
  test('server drops the connection: Error "The remote host closed the connection", Closing, Closed', () =>
    expectLikeQt('server_drop'));
  test('server closes with a close frame (1000): Closing, Closed, no error', () =>
    expectLikeQt('server_close_1000'));
  test('server closes with a close frame (4000): Closing, Closed, no error', () =>
    expectLikeQt('server_close_4000'));
  test('server refuses the upgrade with 403: Error "...Unhandled http status code: 403 (Forbidden).", Closed', () =>
    expectLikeQt('upgrade_403'));
  test('server refuses the upgrade with 404', () => expectLikeQt('upgrade_404'));
  test('server hangs up instead of answering the upgrade: Error, then Closed', () => expectLikeQt('hangup'));
  test('wss:// to a plain server: Error "Error during SSL handshake: ...wrong version number", Closed', () =>
    expectLikeQt('wss_plain'));
  test('wss:// to a self-signed certificate: Error "The certificate is self-signed, and untrusted", Closed', () =>
    expectLikeQt('self_signed'));
  test('url "foo": Error "Unsupported WebSocket scheme: " at once, no Connecting', () =>
    expectLikeQt('invalid_url'));
  test('sending while closed: errorString, status Error, 0 returned; the next open clears the error', () =>
    expectLikeQt('send_closed'));
  test('url change while open: Closing, Closed, urlChanged, Connecting, all before the assignment returns', () =>
    expectLikeQt('url_change'));
  test('url change while connecting: the first connection goes without a status change', () =>
    expectLikeQt('url_change_connecting'));
  test('url cleared while open: Closing, Closed, and no new connection', () => expectLikeQt('url_cleared'));
  test('active: true without a url waits for one; errorString is "QQmlWebSocket is not ready." until then', () =>
    expectLikeQt('late_url'));
  test('active = false while connecting: Error "Invalid socket descriptor", then Closed', () =>
    expectLikeQt('close_while_connecting'));
  test('binary and non-ASCII text: UTF-8 byte counts returned, ArrayBuffer received', () =>
    expectLikeQt('binary'));
  test('subprotocols: requested in the handshake, negotiated announced after Open', () =>
    expectLikeQt('subprotocols'));
  test('subprotocols the server takes none of: Open all the same, negotiatedSubprotocol empty', () =>
    expectLikeQt('subprotocols_none_chosen'));
  test('a url with a fragment: connects without it', () => expectLikeQt('url_fragment'));
  test('a lone surrogate is sent as "?" (one byte), as QString::toUtf8 writes it', () =>
    expectLikeQt('lone_surrogate'));
  test('destroyed while open: Closing and Closed reach connect()ed functions only', () =>
    expectLikeQt('destroyed_while_open'));
  test('the server breaks the protocol (text that is not UTF-8): Closing, Closed, no error', () =>
    expectLikeQt('server_bad_frame'));
});

describe('defaults', { timeout: 20_000 }, () => {
  test('properties of an unconfigured WebSocket and WebSocketServer, and the Status enum', async () => {
    expect(await runScene('defaults', ports)).toEqual(qtOutput('defaults', ports));
  });
});

describe('WebSocket method arguments, converted as Qt 6.4.2 converts them', { timeout: 20_000 }, () => {
  test('strings, numbers, booleans, arrays, null; no argument: "Insufficient arguments"', () =>
    expectLikeQt('arguments'));
  test('typed arrays, objects and undefined are refused with a TypeError', async () => {
    // Qt also prints "Could not convert argument 0 at" with the QML call
    // stack; that message is the engine's to give, so only the scene's own
    // lines are compared.
    const ownLines = (lines: string[]) => lines.filter((l) => l.startsWith('qml: '));
    expect(ownLines(await runScene('incompatible', ports))).toEqual(
      ownLines(qtOutput('incompatible', ports)),
    );
  });
});

describe('WebSocketServer, as Qt 6.4.2 runs it', { timeout: 20_000 }, () => {
  test('a client connects, messages go both ways, the client closes', () => expectLikeQt('server_basic'));
  test('the server closes a client with active = false', () => expectLikeQt('server_closes_client'));
  test('listen = false keeps the connections it handed out', () => expectLikeQt('server_listen_off'));
  test('accept: false holds new connections until accept is true (a declared false is ignored)', () =>
    expectLikeQt('server_accept'));
  test('a port in use: errorString "The bound address is already in use"', async () => {
    // The scene listens on the echo server's port.
    await expectLikeQt('server_port_in_use');
  });
  test('a host name listens on 0.0.0.0; an unavailable address; an invalid port is refused', () =>
    expectLikeQt('server_host'));
  test('listen and port changes at run time, and the listen = false Qt queues after each stop', async () => {
    // The scene moves its server to ports 38007 and 38008: here, two free ones.
    const [first, second] = [String(await freePort()), String(await freePort())];
    const moved = (text: string) => text.replaceAll('38007', first).replaceAll('38008', second);
    const run = await startScene('server_relisten', moved(sceneSource('server_relisten', ports)));
    expect(await run.finished).toEqual(qtOutput('server_relisten', ports).map(moved));
  });
  test('a client that goes away without a close frame: Error "Unknown error", Closing, Closed', async () => {
    const local = { ...ports, peer: await freePort() };
    const run = await startScene('server_client_drops', sceneSource('server_client_drops', local));
    const client = new WebSocket(`ws://127.0.0.1:${local.peer}`);
    client.on('error', () => {});
    client.once('message', () => client.terminate());
    expect(await run.finished).toEqual(qtOutput('server_client_drops', local));
  });
});
