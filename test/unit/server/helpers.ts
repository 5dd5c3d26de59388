// Clients for exercising the echo server: a ws client that queues what it
// receives, and a raw TCP client that speaks just enough WebSocket to do what
// well-behaved clients never do (stop reading, ignore pings and closes).
import { randomBytes } from 'node:crypto';
import { connect as netConnect, type Socket } from 'node:net';
import WebSocket, { type ClientOptions } from 'ws';
import {
  createEchoServer,
  type EchoServerEvent,
  type EchoServerHandle,
  type EchoServerOptions,
} from '../../../server/echo-server';

export interface Received {
  data: Buffer;
  isBinary: boolean;
}

export interface Closed {
  code: number;
  reason: string;
}

/** Things to close after each test, whatever happened in it. */
const cleanups: (() => Promise<void> | void)[] = [];

export async function cleanup(): Promise<void> {
  const pending = cleanups.splice(0).reverse();
  for (const fn of pending) await fn();
}

export interface TestServer {
  handle: EchoServerHandle;
  logs: string[];
  events: EchoServerEvent[];
}

export async function startServer(options: Partial<EchoServerOptions> = {}): Promise<TestServer> {
  const logs: string[] = [];
  const events: EchoServerEvent[] = [];
  const handle = await createEchoServer({
    port: 0,
    log: (line) => logs.push(line),
    onEvent: (event) => events.push(event),
    ...options,
  });
  cleanups.push(() => handle.close());
  return { handle, logs, events };
}

/** Resolves with the first event (from now on) that matches. */
export function nextEvent<T extends EchoServerEvent['type']>(
  handle: EchoServerHandle,
  type: T,
  matches: (event: Extract<EchoServerEvent, { type: T }>) => boolean = () => true,
): Promise<Extract<EchoServerEvent, { type: T }>> {
  return new Promise((resolve) => {
    const off = handle.onEvent((event) => {
      if (event.type !== type) return;
      const typed = event as Extract<EchoServerEvent, { type: T }>;
      if (!matches(typed)) return;
      off();
      resolve(typed);
    });
  });
}

/** A ws client that never misses a message: everything received is queued from the start. */
export class TestClient {
  readonly ws: WebSocket;
  readonly opened: Promise<void>;
  readonly closed: Promise<Closed>;
  private readonly queue: Received[] = [];
  private waiting: ((message: Received) => void) | undefined;

  constructor(url: string, options: ClientOptions = {}) {
    this.ws = new WebSocket(url, options);
    this.ws.on('message', (data: Buffer, isBinary: boolean) => {
      const message = { data, isBinary };
      const waiting = this.waiting;
      if (waiting) {
        this.waiting = undefined;
        waiting(message);
      } else {
        this.queue.push(message);
      }
    });
    // Errors end in 'close'; the tests look at the close code.
    this.ws.on('error', () => {});
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('close', (code: number) => reject(new Error(`closed (${code}) before opening`)));
    });
    this.opened.catch(() => {});
    this.closed = new Promise((resolve) => {
      this.ws.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() }));
    });
    cleanups.push(() => {
      this.ws.terminate();
    });
  }

  next(): Promise<Received> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.waiting) throw new Error('next() is already waiting');
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /** Opens, and takes the greeting off the queue. */
  async ready(): Promise<this> {
    await this.opened;
    const greeting = await this.next();
    if (greeting.isBinary || greeting.data.toString() !== 'Welcome to Awesome Chat') {
      throw new Error(`unexpected greeting: ${greeting.data.toString()}`);
    }
    return this;
  }

  send(data: string | Buffer, binary: boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      this.ws.send(data, { binary }, (err) => (err ? reject(err) : resolve()));
    });
  }

  /** Sends and returns the echo. */
  async echo(data: string | Buffer, binary = typeof data !== 'string'): Promise<Received> {
    await this.send(data, binary);
    return this.next();
  }
}

export const Opcode = { Text: 0x1, Binary: 0x2, Close: 0x8, Ping: 0x9, Pong: 0xa } as const;

/** A client-to-server frame (masked, as RFC 6455 requires of clients). */
export function encodeFrame(opcode: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const length = payload.length;
  const lengthBytes = length < 126 ? 0 : length < 65536 ? 2 : 8;
  const header = Buffer.alloc(2 + lengthBytes + 4);
  header[0] = 0x80 | opcode;
  if (lengthBytes === 0) header[1] = 0x80 | length;
  else if (lengthBytes === 2) {
    header[1] = 0x80 | 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  const mask = randomBytes(4);
  mask.copy(header, 2 + lengthBytes);
  const masked = Buffer.alloc(length);
  for (let i = 0; i < length; i++) masked[i] = payload[i]! ^ mask[i & 3]!;
  return Buffer.concat([header, masked]);
}

export interface Frame {
  opcode: number;
  payload: Buffer;
}

/** Splits the server's (unmasked) byte stream into frames. */
export class FrameReader {
  private buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const frames: Frame[] = [];
    for (;;) {
      if (this.buffer.length < 2) break;
      let length = this.buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) break;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) break;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (this.buffer.length < offset + length) break;
      frames.push({ opcode: this.buffer[0]! & 0x0f, payload: this.buffer.subarray(offset, offset + length) });
      this.buffer = this.buffer.subarray(offset + length);
    }
    return frames;
  }
}

export interface RawClient {
  socket: Socket;
  /** Bytes that arrived with the handshake response (the greeting, usually). */
  rest: Buffer;
  /** Resolves when the TCP connection is gone, however it ended. */
  gone: Promise<void>;
}

/**
 * Does the opening handshake over a bare TCP socket and stops there: what
 * happens next (reading, answering pings or closes) is up to the test.
 */
export function rawConnect(port: number, headers: Record<string, string> = {}): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = netConnect(port, '127.0.0.1');
    socket.on('error', () => {});
    const gone = new Promise<void>((resolveGone) => socket.once('close', () => resolveGone()));
    cleanups.push(() => {
      socket.destroy();
    });
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      socket.pause();
      const head = received.subarray(0, end).toString();
      if (!head.startsWith('HTTP/1.1 101 ')) {
        reject(new Error(`handshake refused: ${head.split('\r\n')[0]}`));
        return;
      }
      resolve({ socket, rest: received.subarray(end + 4), gone });
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error('connection closed during the handshake')));
    const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(
      'GET / HTTP/1.1\r\n' +
        `Host: 127.0.0.1:${port}\r\n` +
        'Upgrade: websocket\r\n' +
        'Connection: Upgrade\r\n' +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
        'Sec-WebSocket-Version: 13\r\n' +
        extra.join('') +
        '\r\n',
    );
  });
}

/** Writes, waiting for the socket's own buffer to drain so the test process does not hoard memory. */
export function writeDrained(socket: Socket, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed) return reject(new Error('socket destroyed'));
    if (socket.write(data)) return resolve();
    const onDrain = (): void => {
      socket.off('close', onClose);
      resolve();
    };
    const onClose = (): void => {
      socket.off('drain', onDrain);
      reject(new Error('socket closed'));
    };
    socket.once('drain', onDrain);
    socket.once('close', onClose);
  });
}
