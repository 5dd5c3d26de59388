import { request } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { createEchoServer } from '../../../server/echo-server';
import {
  cleanup,
  encodeFrame,
  FrameReader,
  nextEvent,
  Opcode,
  rawConnect,
  startServer,
  TestClient,
  writeDrained,
} from './helpers';

const MiB = 1024 * 1024;

afterEach(cleanup);

describe('echo server', { timeout: 30_000 }, () => {
  test('greets each client with "Welcome to Awesome Chat" as a text frame', async () => {
    const { handle } = await startServer();
    const client = new TestClient(handle.url);
    await client.opened;
    const greeting = await client.next();
    expect(greeting.isBinary).toBe(false);
    expect(greeting.data.toString()).toBe('Welcome to Awesome Chat');
  });

  test('reports the real port, host and url when started on port 0', async () => {
    const { handle, logs } = await startServer();
    expect(handle.port).toBeGreaterThan(0);
    expect(handle.host).toBe('127.0.0.1');
    expect(handle.url).toBe(`ws://127.0.0.1:${handle.port}`);
    expect(logs[0]).toBe(`listening on port ${handle.port}`);
  });

  test('echoes text as text and binary as binary', async () => {
    const { handle } = await startServer();
    const client = await new TestClient(handle.url).ready();

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
  });

  test('counts the clients it serves', async () => {
    const { handle } = await startServer();
    expect(handle.clients).toBe(0);
    const a = await new TestClient(handle.url).ready();
    await new TestClient(handle.url).ready();
    expect(handle.clients).toBe(2);
    const left = nextEvent(handle, 'disconnect');
    a.ws.close();
    await left;
    expect(handle.clients).toBe(1);
  });

  test('echoes a message of exactly maxPayload (1 MiB)', async () => {
    const { handle } = await startServer();
    const client = await new TestClient(handle.url).ready();
    const payload = Buffer.alloc(MiB, 0x61);
    const echo = await client.echo(payload.toString(), false);
    expect(echo.isBinary).toBe(false);
    expect(echo.data.length).toBe(MiB);
    expect(echo.data.equals(payload)).toBe(true);
    const binaryEcho = await client.echo(payload, true);
    expect(binaryEcho.data.length).toBe(MiB);
  });

  test('closes a client that sends 1 MiB + 1 byte with 1009 and keeps serving others', async () => {
    const { handle } = await startServer();
    const big = await new TestClient(handle.url).ready();
    const other = await new TestClient(handle.url).ready();

    void big.send(Buffer.alloc(MiB + 1, 0x61), true).catch(() => {});
    const closed = await big.closed;
    expect(closed.code).toBe(1009);

    const echo = await other.echo('still there?');
    expect(echo.data.toString()).toBe('still there?');
    expect(echo.isBinary).toBe(false);
  });

  test('closes a client that sends invalid UTF-8 in a text frame with 1007', async () => {
    const { handle } = await startServer();
    const client = await new TestClient(handle.url).ready();
    // ws sends a Buffer as a text frame without checking it.
    void client.send(Buffer.from([0x68, 0x69, 0xff, 0xfe]), false).catch(() => {});
    const closed = await client.closed;
    expect(closed.code).toBe(1007);
  });

  test('turns the client over maxClients away with 1013 and admits one again after someone leaves', async () => {
    const { handle } = await startServer({ maxClients: 2 });
    const a = await new TestClient(handle.url).ready();
    await new TestClient(handle.url).ready();

    const rejected = nextEvent(handle, 'reject');
    const third = new TestClient(handle.url);
    const closed = await third.closed;
    expect(closed).toEqual({ code: 1013, reason: 'Try Again Later' });
    expect((await rejected).reason).toBe('capacity');
    expect(handle.clients).toBe(2);

    const left = nextEvent(handle, 'disconnect');
    a.ws.close();
    await left;
    const fourth = await new TestClient(handle.url).ready();
    expect((await fourth.echo('in')).data.toString()).toBe('in');
  });

  test.each([
    { limits: 'small limits', maxPayload: 64 * 1024, maxBufferedBytes: 256 * 1024, messageBytes: 16 * 1024 },
    { limits: 'the default limits', maxPayload: MiB, maxBufferedBytes: 4 * MiB, messageBytes: 256 * 1024 },
  ])(
    'cuts off a client that never reads before its send buffer grows past maxBufferedBytes ($limits)',
    async ({ maxPayload, maxBufferedBytes, messageBytes }) => {
      const { handle, events } = await startServer({ maxPayload, maxBufferedBytes, closeTimeoutMs: 500 });
      const bystander = await new TestClient(handle.url).ready();

      const connected = nextEvent(handle, 'connect');
      const { socket } = await rawConnect(handle.port);
      const { clientId } = await connected;
      const overflow = nextEvent(handle, 'overflow', (e) => e.clientId === clientId);
      const dropped = nextEvent(handle, 'disconnect', (e) => e.clientId === clientId);

      // The raw socket is paused: it sends messages to be echoed and reads none
      // of the echoes, so once the kernel's socket buffers are full (several
      // MiB on Linux) the echoes queue in the server.
      let overflowed = false;
      void overflow.then(() => {
        overflowed = true;
      });
      const frame = encodeFrame(Opcode.Binary, Buffer.alloc(messageBytes, 0x78));
      let sent = 0;
      // Once it gives up on the client the server stops reading from it, so
      // a write may never drain: the overflow ends the wait too.
      while (!overflowed && sent < 256 * MiB) {
        await Promise.race([writeDrained(socket, frame), overflow]);
        sent += frame.length;
      }
      const { bufferedAmount } = await overflow;
      expect(overflowed).toBe(true);

      // What the server held for this client, measured after every echo and at the cut-off.
      const held = events.flatMap((e) =>
        (e.type === 'message' || e.type === 'overflow') && e.clientId === clientId ? [e.bufferedAmount] : [],
      );
      const peak = Math.max(...held);
      expect(bufferedAmount).toBeLessThanOrEqual(maxBufferedBytes);
      expect(peak).toBeLessThanOrEqual(maxBufferedBytes);
      // The test only means something if the echoes really piled up in the server.
      expect(peak).toBeGreaterThan(maxBufferedBytes - messageBytes - 1024);

      // It does not answer the close frame (it reads nothing), so it is dropped.
      await dropped;
      expect(handle.clients).toBe(1);
      expect((await bystander.echo('unaffected')).data.toString()).toBe('unaffected');
    },
  );

  test('tells a client that fell behind and reads again 1008 "Send buffer full"', async () => {
    const { handle } = await startServer({
      maxPayload: 64 * 1024,
      maxBufferedBytes: 256 * 1024,
      // Long enough for the client to read its backlog and the close frame.
      closeTimeoutMs: 20_000,
    });
    const connected = nextEvent(handle, 'connect');
    const { socket, rest } = await rawConnect(handle.port);
    const { clientId } = await connected;
    const overflow = nextEvent(handle, 'overflow', (e) => e.clientId === clientId);
    let overflowed = false;
    void overflow.then(() => {
      overflowed = true;
    });
    const frame = encodeFrame(Opcode.Text, Buffer.alloc(16 * 1024, 0x78));
    while (!overflowed) await Promise.race([writeDrained(socket, frame), overflow]);

    const reader = new FrameReader();
    const closeFrame = new Promise<Buffer>((resolve) => {
      const onFrames = (frames: ReturnType<FrameReader['push']>): void => {
        const close = frames.find((f) => f.opcode === Opcode.Close);
        if (close) resolve(close.payload);
      };
      socket.on('data', (chunk: Buffer) => onFrames(reader.push(chunk)));
      onFrames(reader.push(rest));
    });
    socket.resume();
    const payload = await closeFrame;
    expect(payload.readUInt16BE(0)).toBe(1008);
    expect(payload.subarray(2).toString()).toBe('Send buffer full');
  });

  test('refuses a handshake whose Origin is not in allowedOrigins with 403', async () => {
    const { handle } = await startServer({
      allowedOrigins: ['http://localhost:5173', 'HTTPS://Example.com'],
    });

    const refused = new TestClient(handle.url, { origin: 'http://evil.example' });
    const status = await new Promise<number | undefined>((resolve) => {
      refused.ws.once('unexpected-response', (_req, res) => resolve(res.statusCode));
    });
    expect(status).toBe(403);
    expect(handle.clients).toBe(0);

    const allowed = await new TestClient(handle.url, { origin: 'http://localhost:5173' }).ready();
    expect((await allowed.echo('hi')).data.toString()).toBe('hi');
    // Configured origins compare case-insensitively.
    await new TestClient(handle.url, { origin: 'https://example.com' }).ready();
    // Non-browser clients send no Origin at all.
    await new TestClient(handle.url).ready();
    expect(handle.clients).toBe(3);
  });

  test('allows every origin when allowedOrigins is not set', async () => {
    const { handle } = await startServer();
    await new TestClient(handle.url, { origin: 'http://anywhere.example' }).ready();
  });

  test('drops a peer that does not answer pings', async () => {
    const { handle } = await startServer({ heartbeatMs: 100 });
    const connected = nextEvent(handle, 'connect');
    const silent = new TestClient(handle.url, { autoPong: false });
    const { clientId } = await connected;
    const timedOut = nextEvent(handle, 'heartbeat-timeout', (e) => e.clientId === clientId);
    const dropped = nextEvent(handle, 'disconnect', (e) => e.clientId === clientId);
    await silent.ready();
    await timedOut;
    // Terminated without a close frame.
    expect((await silent.closed).code).toBe(1006);
    expect((await dropped).code).toBe(1006);
    expect(handle.clients).toBe(0);
  });

  test('keeps a peer that answers pings', async () => {
    // Generous: a pong held up behind a stalled event loop must not look like a dead peer.
    const { handle } = await startServer({ heartbeatMs: 1000 });
    const client = await new TestClient(handle.url).ready();
    const timeouts: number[] = [];
    handle.onEvent((e) => {
      if (e.type === 'heartbeat-timeout') timeouts.push(e.clientId);
    });
    // Several ping rounds, each answered by ws's automatic pong.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => client.ws.once('ping', resolve));
    expect(timeouts).toEqual([]);
    expect((await client.echo('alive')).data.toString()).toBe('alive');
  });

  test('close() closes every client with 1001 "Going Away" and stops listening', async () => {
    const { handle } = await startServer();
    const a = await new TestClient(handle.url).ready();
    const b = await new TestClient(handle.url).ready();
    await handle.close();
    expect(await a.closed).toEqual({ code: 1001, reason: 'Going Away' });
    expect(await b.closed).toEqual({ code: 1001, reason: 'Going Away' });
    expect(handle.clients).toBe(0);
    const late = new TestClient(handle.url);
    await expect(late.opened).rejects.toThrow();
  });

  test('close() gives up on a client that never answers the close after closeTimeoutMs', async () => {
    const { handle } = await startServer({ closeTimeoutMs: 300 });
    const raw = await rawConnect(handle.port);
    const started = performance.now();
    await handle.close();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(5000);
    raw.socket.resume();
    await raw.gone;
  });

  test('answers plain HTTP with 426 Upgrade Required', async () => {
    const { handle } = await startServer();
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request({ host: handle.host, port: handle.port, path: '/' }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(426);
  });

  test('rejects option values it cannot honour', async () => {
    await expect(createEchoServer({ port: 70_000 })).rejects.toThrow(RangeError);
    await expect(createEchoServer({ port: 0, maxPayload: 0 })).rejects.toThrow(RangeError);
    await expect(createEchoServer({ port: 0, maxPayload: 2 * MiB, maxBufferedBytes: MiB })).rejects.toThrow(
      /maxBufferedBytes/,
    );
    await expect(createEchoServer({ port: 0, heartbeatMs: -1 })).rejects.toThrow(RangeError);
  });

  test('fails to start when the port is taken', async () => {
    const { handle } = await startServer();
    await expect(createEchoServer({ port: handle.port, log: () => {} })).rejects.toThrow(/EADDRINUSE/);
  });
});
