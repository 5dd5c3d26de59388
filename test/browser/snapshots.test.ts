// Every state of the book's demos, reached for real (a real echo server,
// keys typed through Playwright's keyboard, the server killed for the
// stopped states), rendered in headless Chromium and compared exactly with
// the committed baselines, and with real Qt 6.4.2's render and item tree of
// the same state.
import { describe, expect, test } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import type { App } from '../../src/host/app';
import type { GeometryDocument } from '../../src/quick/dump';
import { compareGeometry } from '../helpers/geometry';
import { mountScene, shot, until } from './scene';

const CHAT = [
  'scenes/chat/ws_client.qml',
  'scenes/chat/ChatView.qml',
  'scenes/chat/ChatInput.qml',
  'scenes/chat/Label.qml',
];

async function qtGeometry(name: string): Promise<GeometryDocument> {
  return (await fetch(`/test/fixtures/qt/reference/${name}.geometry.json`)).json();
}

function rows(app: App): number {
  const root = app.host.runtime!.root as unknown as { childItems: Array<{ count: number }> };
  return root.childItems[0]!.count;
}

/**
 * Checks a state three ways: the baseline (exact), Qt's item tree (0.01 px),
 * and Qt's render (shapes exact; text antialiasing differs: Qt draws glyphs
 * from distance fields with subpixel antialiasing, we rasterize them in the
 * browser; the share of differing pixels must stay under `maxShare`).
 */
async function checkState(app: App, name: string, qt: string, maxShare: number): Promise<void> {
  const png = await shot(app);
  const baseline = await commands.matchBaseline(name, png);
  expect(baseline.ok, baseline.message).toBe(true);
  expect(compareGeometry(await qtGeometry(qt), await app.geometry(name, 'scene'))).toEqual([]);
  const vsQt = await commands.compareWithQt(`reference/${qt}.png`, png, name);
  console.info(vsQt.message);
  expect(vsQt.share, vsQt.message).toBeLessThan(maxShare);
}

describe("the book's chat", () => {
  test('open, "hello" typed, after Enter, server stopped', async () => {
    const port = await commands.startEchoServer();
    const app = await mountScene(CHAT, 'ws_client.qml', [['ws://localhost:3000', `ws://127.0.0.1:${port}`]]);
    await until(() => rows(app) === 2, 'the greeting');
    await checkState(app, 'chat_open', 'chat_open.ws7', 0.01);

    await userEvent.keyboard('hello');
    await checkState(app, 'chat_typed_hello', 'chat_typed_hello.ws7', 0.01);

    await userEvent.keyboard('{Enter}');
    await until(() => rows(app) === 4, 'the echo');
    await checkState(app, 'chat_after_enter', 'chat_after_enter.ws7', 0.01);

    await commands.killEchoServer(port);
    await until(() => rows(app) === 6, 'the error and closed rows');
    await checkState(app, 'chat_server_stopped', 'chat_server_stopped.ws7', 0.01);
  });

  test('no server', async () => {
    const port = await commands.startEchoServer();
    await commands.killEchoServer(port);
    const app = await mountScene(CHAT, 'ws_client.qml', [['ws://localhost:3000', `ws://127.0.0.1:${port}`]]);
    await until(() => rows(app) === 2, 'the closed and error rows');
    await checkState(app, 'chat_no_server', 'chat_no_server', 0.01);
  });
});

describe("the book's echo scene", () => {
  test('after the round trip, then after the server stops', async () => {
    const port = await commands.startEchoServer();
    const app = await mountScene(['scenes/echo/echo.qml'], 'echo.qml', [
      ['ws://localhost:3000', `ws://127.0.0.1:${port}`],
    ]);
    const text = () => (app.host.runtime!.root as unknown as { text: string }).text;
    await until(() => text() === 'ping', 'the echo of ping');
    await checkState(app, 'echo_ping', 'echo_local_ping.ws7', 0.01);
    await commands.killEchoServer(port);
    await until(() => text() === 'ping\nSocket closed', 'Socket closed');
    await checkState(app, 'echo_server_stopped', 'echo_local_server_stopped.ws7', 0.01);
  });
});
