// scenes/echo/server.qml, the echo server written in QML, serves clients the
// way server/ does: the same checks as test/unit/server/echo-server.test.ts.
import { afterEach, describe, expect, test } from 'vitest';
import { nodeFiles } from '../../../src/cli/node-files';
import { createRuntime, type Runtime } from '../../../src/runtime';
import { setTransport } from '../../../src/websockets/transport';
import { cleanup, TestClient } from '../server/helpers';
import { type QmlEchoServer, SERVER_QML, startQmlEchoServer } from './scenes';

/** Events come when they come: on a busy machine, give them time. */
const WAIT = { timeout: 10_000 };

const running: Runtime[] = [];
afterEach(async () => {
  await cleanup();
  for (const r of running.splice(0)) r.shutdown();
});

async function startQmlServer(): Promise<QmlEchoServer> {
  const server = await startQmlEchoServer();
  running.push(server.runtime);
  return server;
}

describe('scenes/echo/server.qml', { timeout: 20_000 }, () => {
  test('prints "listening on port N" with the port it got (qml: prefix, as Qt prints console.log)', async () => {
    const server = await startQmlServer();
    expect(server.port).toBeGreaterThan(0);
    expect(server.output).toEqual([`qml: listening on port ${server.port}`]);
  });

  test('listens on port 3000 when given no port', async () => {
    const output: string[] = [];
    const runtime = createRuntime({
      files: nodeFiles,
      sink: { warn: (m) => output.push(m), log: (_l, m) => output.push(m) },
      arguments: ['qml', 'scenes/echo/server.qml'],
    });
    running.push(runtime);
    // Port 3000 may be taken on a test machine: a server that only says where it would listen.
    const listened: Array<{ host: string; port: number }> = [];
    setTransport(runtime.engine, {
      connect: () => {
        throw new Error('no clients here');
      },
      createServer: () => ({
        isListening: false,
        onConnection: null,
        listen(host, port, done) {
          listened.push({ host, port });
          done({ ok: true, address: host, port });
        },
        close() {},
        pauseAccepting() {},
        resumeAccepting() {},
      }),
    });
    await runtime.run(SERVER_QML);
    expect(listened).toEqual([{ host: '127.0.0.1', port: 3000 }]);
    expect(output).toEqual(['qml: listening on port 3000']);
  });

  test('greets each client with "Welcome to Awesome Chat" as a text frame', async () => {
    const server = await startQmlServer();
    const client = new TestClient(server.url);
    await client.opened;
    const greeting = await client.next();
    expect(greeting.isBinary).toBe(false);
    expect(greeting.data.toString()).toBe('Welcome to Awesome Chat');
    expect(server.output).toContain('qml: client connected');
  });

  test('echoes text as text and binary as binary', async () => {
    const server = await startQmlServer();
    const client = await new TestClient(server.url).ready();

    const text = await client.echo('hello, Qt');
    expect(text.isBinary).toBe(false);
    expect(text.data.toString()).toBe('hello, Qt');

    const bytes = Buffer.from([0, 1, 2, 0xff, 0xfe]);
    const binary = await client.echo(bytes, true);
    expect(binary.isBinary).toBe(true);
    expect(binary.data).toEqual(bytes);

    // Binary data that happens to be valid UTF-8 stays binary.
    const binaryText = await client.echo(Buffer.from('not text'), true);
    expect(binaryText.isBinary).toBe(true);

    const unicode = await client.echo('ünïcödé ✓ 😀');
    expect(unicode.isBinary).toBe(false);
    expect(unicode.data.toString()).toBe('ünïcödé ✓ 😀');

    expect(server.output).toEqual([
      `qml: listening on port ${server.port}`,
      'qml: client connected',
      'qml: Message: hello, Qt',
      'qml: Message: <binary 5 bytes>',
      'qml: Message: <binary 8 bytes>',
      'qml: Message: ünïcödé ✓ 😀',
    ]);
  });

  test('serves several clients independently', async () => {
    const server = await startQmlServer();
    const a = await new TestClient(server.url).ready();
    const b = await new TestClient(server.url).ready();
    expect((await a.echo('from a')).data.toString()).toBe('from a');
    expect((await b.echo('from b')).data.toString()).toBe('from b');
  });

  test('drops its clients without a close frame when the scene goes away (Qt quitting does that)', async () => {
    const server = await startQmlServer();
    const client = await new TestClient(server.url).ready();
    server.runtime.shutdown();
    expect(await client.closed).toEqual({ code: 1006, reason: '' });
  });

  test('a port in use: prints the error and exits with status 1', async () => {
    const first = await startQmlServer();
    const output: string[] = [];
    let exitCode: number | undefined;
    const runtime = createRuntime({
      files: nodeFiles,
      sink: { warn: (m) => output.push(m), log: (_l, m) => output.push(m) },
      arguments: ['qml', 'scenes/echo/server.qml', '--', String(first.port)],
      onQuit: (code) => {
        exitCode = code;
      },
    });
    running.push(runtime);
    await runtime.run(SERVER_QML);
    expect(output).toEqual(['qml: echo server: The bound address is already in use']);
    await expect.poll(() => exitCode, WAIT).toBe(1);
  });
});
