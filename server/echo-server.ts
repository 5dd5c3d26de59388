// The echo server behind the Qt 6 QML book's WebSockets demos, hardened for
// being left running: it echoes text as text (the book's version, on ws 8,
// echoes text back as a binary frame, which QML's onTextMessageReceived never
// sees), and it bounds what a single client can make it hold in memory.
import { createServer, type Server as HttpServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type RawData, type ServerOptions, WebSocket, WebSocketServer } from 'ws';

export const GREETING = 'Welcome to Awesome Chat';

/** Close codes the server sends (RFC 6455, section 7.4.1). */
export const CloseCode = {
  GoingAway: 1001,
  /** A client whose send buffer passed maxBufferedBytes: it is not reading what it asks for. */
  PolicyViolation: 1008,
  TryAgainLater: 1013,
} as const;

export interface EchoServerOptions {
  /** TCP port; 0 picks a free one (the handle reports the real port). */
  port: number;
  /** Interface to bind. Loopback by default; "0.0.0.0" (or "::") exposes the server to the network. */
  host: string;
  /** Largest accepted message in bytes; a bigger one closes that client with 1009. */
  maxPayload: number;
  /** Simultaneous clients served; one more is accepted and closed with 1013 "Try Again Later". */
  maxClients: number;
  /**
   * Bytes the server may hold queued for one client. An echo that would take the
   * client's send buffer past this is not sent; the client is closed with 1008
   * and dropped after closeTimeoutMs if it does not answer the close. Must be at
   * least maxPayload, or a legal message could never be echoed.
   */
  maxBufferedBytes: number;
  /** Ping interval; a client that has not answered the previous ping is dropped. 0 disables. */
  heartbeatMs: number;
  /**
   * How long a client gets to answer our close frame before its connection is
   * destroyed. Also bounds how long close() takes.
   */
  closeTimeoutMs: number;
  /**
   * Origins (e.g. "http://localhost:5173") allowed to connect; undefined allows
   * all. Handshakes without an Origin header (non-browser clients) are allowed:
   * the check exists to stop web pages on other sites from using the server
   * through a visitor's browser, and browsers always send Origin.
   */
  allowedOrigins: readonly string[] | undefined;
  /** Longest message text, in characters, written to the log before it is cut. */
  maxLogChars: number;
  /** Receives the log lines; console.log by default. */
  log: (line: string) => void;
  /** Receives every event; see EchoServerEvent. */
  onEvent: ((event: EchoServerEvent) => void) | undefined;
}

export type EchoServerEvent =
  | { type: 'listening'; host: string; port: number }
  | { type: 'connect'; clientId: number; remoteAddress: string | undefined; origin: string | undefined }
  | {
      type: 'reject';
      reason: 'origin' | 'capacity' | 'shutting-down';
      remoteAddress: string | undefined;
      origin: string | undefined;
    }
  /** After the echo was queued; bufferedAmount is the client's send buffer at that moment. */
  | { type: 'message'; clientId: number; bytes: number; isBinary: boolean; bufferedAmount: number }
  /** An echo of `bytes` bytes was refused because the send buffer already held bufferedAmount. */
  | { type: 'overflow'; clientId: number; bufferedAmount: number; bytes: number }
  | { type: 'heartbeat-timeout'; clientId: number }
  | { type: 'client-error'; clientId: number; message: string; code: string | undefined }
  | { type: 'disconnect'; clientId: number; code: number; reason: string }
  | { type: 'close' };

export interface EchoServerHandle {
  readonly port: number;
  readonly host: string;
  /** ws://host:port, with IPv6 hosts in brackets. */
  readonly url: string;
  /** Clients being served (not counting ones turned away at the cap). */
  readonly clients: number;
  /** Adds an event listener; returns a function that removes it. */
  onEvent(listener: (event: EchoServerEvent) => void): () => void;
  /**
   * Closes every client with `code` (1001 "Going Away" by default), waits for
   * them (at most closeTimeoutMs each) and stops listening.
   */
  close(code?: number): Promise<void>;
  /**
   * Stops at once as a killed process would: every connection is dropped
   * without a close frame (clients see "The remote host closed the connection").
   */
  terminate(): Promise<void>;
}

export const DEFAULT_OPTIONS: Readonly<EchoServerOptions> = {
  port: 3000,
  host: '127.0.0.1',
  maxPayload: 1024 * 1024,
  maxClients: 10_000,
  maxBufferedBytes: 4 * 1024 * 1024,
  heartbeatMs: 30_000,
  closeTimeoutMs: 1000,
  allowedOrigins: undefined,
  maxLogChars: 200,
  log: (line) => stdoutLog.log(line),
  onEvent: undefined,
};

/**
 * Log lines written to one sink together, once per tick: a client that
 * sends a thousand messages in one read costs one write (a system call,
 * synchronous for files and pipes) instead of a thousand. Lines keep their
 * order; a batch is written early once it holds maxChars characters, and
 * flush() writes what is held (the process does it on exit).
 */
export class BatchedLog {
  private lines: string[] = [];
  private chars = 0;
  private scheduled = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly maxChars = 64 * 1024,
  ) {}

  log(line: string): void {
    this.lines.push(line);
    this.chars += line.length + 1;
    if (this.chars >= this.maxChars) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.lines.length === 0) return;
    const text = `${this.lines.join('\n')}\n`;
    this.lines = [];
    this.chars = 0;
    this.write(text);
  }
}

/** The default log: stdout, batched per tick and flushed when the process exits. */
export const stdoutLog = new BatchedLog((text) => process.stdout.write(text));
process.once('exit', () => stdoutLog.flush());

interface ClientState {
  id: number;
  /** False for a connection accepted only to be told 1013. */
  served: boolean;
  /** Answered the last ping. */
  alive: boolean;
  /** The connection under the WebSocket. */
  socket: Duplex;
  /** Echoes are being held until the end of this tick (see onMessage). */
  corked: boolean;
}

export async function createEchoServer(options: Partial<EchoServerOptions> = {}): Promise<EchoServerHandle> {
  const opts = resolveOptions(options);
  const { log } = opts;
  const listeners = new Set<(event: EchoServerEvent) => void>();
  if (opts.onEvent) listeners.add(opts.onEvent);
  const emit = (event: EchoServerEvent): void => {
    for (const listener of listeners) listener(event);
  };
  const allowedOrigins = opts.allowedOrigins ? new Set(opts.allowedOrigins.map(normalizeOrigin)) : undefined;

  // closeTimeout is honoured by ws 8 but missing from @types/ws.
  const wsOptions: ServerOptions & { closeTimeout: number } = {
    noServer: true,
    clientTracking: false,
    maxPayload: opts.maxPayload,
    // Compression would let a small frame inflate into a large message.
    perMessageDeflate: false,
    closeTimeout: opts.closeTimeoutMs,
  };
  const wss = new WebSocketServer(wsOptions);
  const sockets = new Map<WebSocket, ClientState>();
  let served = 0;
  let nextId = 1;
  let closing: Promise<void> | undefined;

  const http: HttpServer = createServer((_req, res) => {
    res.writeHead(426, { 'Content-Type': 'text/plain', Connection: 'close' });
    res.end('Upgrade Required\n');
  });

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const origin = req.headers.origin;
    const remoteAddress = req.socket.remoteAddress;
    if (closing) {
      emit({ type: 'reject', reason: 'shutting-down', remoteAddress, origin });
      refuseHandshake(socket, 503, 'Service Unavailable');
      return;
    }
    if (allowedOrigins && origin !== undefined && !allowedOrigins.has(normalizeOrigin(origin))) {
      log(`client rejected: origin ${escapeForLog(origin, opts.maxLogChars)} not allowed`);
      emit({ type: 'reject', reason: 'origin', remoteAddress, origin });
      refuseHandshake(socket, 403, 'Forbidden');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, req, socket));
  });

  function onConnection(ws: WebSocket, req: IncomingMessage, socket: Duplex): void {
    const origin = req.headers.origin;
    const remoteAddress = req.socket.remoteAddress;
    const state: ClientState = { id: nextId++, served: false, alive: true, socket, corked: false };
    sockets.set(ws, state);
    // ws reports protocol errors (1007, 1009, ...) as 'error' after closing
    // with the right code; without a listener they would crash the process.
    ws.on('error', (err: Error & { code?: string }) => {
      log(`client error: ${escapeForLog(err.message, opts.maxLogChars)}`);
      emit({ type: 'client-error', clientId: state.id, message: err.message, code: err.code });
    });
    ws.on('close', (code: number, reason: Buffer) => {
      sockets.delete(ws);
      if (!state.served) return;
      served--;
      emit({ type: 'disconnect', clientId: state.id, code, reason: reason.toString() });
    });

    if (closing) {
      ws.close(CloseCode.GoingAway, 'Going Away');
      return;
    }
    if (served >= opts.maxClients) {
      log('client rejected: too many clients');
      emit({ type: 'reject', reason: 'capacity', remoteAddress, origin });
      ws.close(CloseCode.TryAgainLater, 'Try Again Later');
      return;
    }

    state.served = true;
    served++;
    log('client connected');
    emit({ type: 'connect', clientId: state.id, remoteAddress, origin });
    ws.on('pong', () => {
      state.alive = true;
    });
    ws.on('message', (data: RawData, isBinary: boolean) => onMessage(ws, state, toBuffer(data), isBinary));
    ws.send(GREETING);
  }

  function onMessage(ws: WebSocket, state: ClientState, data: Buffer, isBinary: boolean): void {
    // Messages already in flight when we decided to close are dropped.
    if (ws.readyState !== WebSocket.OPEN) return;
    log(`Message: ${formatMessageForLog(data, isBinary, opts.maxLogChars)}`);
    // A client that sends but never reads makes every echo pile up here once
    // the kernel's socket buffers are full, so refuse before queueing.
    const buffered = ws.bufferedAmount;
    if (buffered + data.length > opts.maxBufferedBytes) {
      log(`client dropped: send buffer full (${buffered} bytes queued)`);
      emit({ type: 'overflow', clientId: state.id, bufferedAmount: buffered, bytes: data.length });
      // The close frame queues behind data the client is not reading; ws
      // destroys the connection if no answer comes within closeTimeoutMs.
      ws.close(CloseCode.PolicyViolation, 'Send buffer full');
      // Nor is anything more read from it: a client that keeps sending
      // would otherwise make the server parse (and allocate) every frame it
      // pushes until the connection is gone. Once the client has read the
      // backlog (the socket drains), its answer to the close is read.
      ws.pause();
      state.socket.once('drain', () => ws.resume());
      return;
    }
    if (!state.corked) {
      // The frames of one read arrive in one tick; their echoes leave in one
      // write at its end instead of one write (a system call) per message.
      // bufferedAmount counts what is held, so the limit above still applies.
      state.corked = true;
      state.socket.cork();
      process.nextTick(() => {
        state.corked = false;
        state.socket.uncork();
      });
    }
    ws.send(data, { binary: isBinary });
    emit({
      type: 'message',
      clientId: state.id,
      bytes: data.length,
      isBinary,
      bufferedAmount: ws.bufferedAmount,
    });
  }

  const heartbeat =
    opts.heartbeatMs > 0
      ? setInterval(() => {
          for (const [ws, state] of sockets) {
            if (!state.served || ws.readyState !== WebSocket.OPEN) continue;
            if (!state.alive) {
              log('client dropped: no answer to ping');
              emit({ type: 'heartbeat-timeout', clientId: state.id });
              ws.terminate();
              continue;
            }
            state.alive = false;
            ws.ping();
          }
        }, opts.heartbeatMs)
      : undefined;
  // The server socket keeps the process alive while it should be.
  heartbeat?.unref();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port, opts.host, () => {
      http.off('error', reject);
      resolve();
    });
  }).catch((err: unknown) => {
    if (heartbeat) clearInterval(heartbeat);
    throw err;
  });
  http.on('error', (err) => log(`server error: ${escapeForLog(String(err), opts.maxLogChars)}`));

  const address = http.address() as AddressInfo;
  const port = address.port;
  const host = opts.host;
  log(`listening on port ${port}`);
  emit({ type: 'listening', host, port });

  async function shutdown(code: number): Promise<void> {
    if (heartbeat) clearInterval(heartbeat);
    const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
    const socketsClosed = [...sockets.keys()].map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === WebSocket.CLOSED) return resolve();
          ws.once('close', () => resolve());
          // Those already closing keep their own code and close timer.
          if (ws.readyState === WebSocket.OPEN) {
            ws.close(code, code === CloseCode.GoingAway ? 'Going Away' : '');
          }
        }),
    );
    await Promise.all(socketsClosed);
    // Handshakes still being read would otherwise hold http.close() open.
    http.closeAllConnections();
    await httpClosed;
    emit({ type: 'close' });
  }

  return {
    port,
    host,
    url: `ws://${host.includes(':') ? `[${host}]` : host}:${port}`,
    get clients() {
      return served;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close(code = CloseCode.GoingAway) {
      closing ??= shutdown(code);
      return closing;
    },
    terminate() {
      if (heartbeat) clearInterval(heartbeat);
      for (const ws of sockets.keys()) ws.terminate();
      http.closeAllConnections();
      closing ??= new Promise<void>((resolve) => http.close(() => resolve())).then(() =>
        emit({ type: 'close' }),
      );
      return closing;
    },
  };
}

function resolveOptions(options: Partial<EchoServerOptions>): EchoServerOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const opts: EchoServerOptions = { ...DEFAULT_OPTIONS, ...defined };
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new RangeError(`port must be an integer from 0 to 65535, got ${opts.port}`);
  }
  for (const key of ['maxPayload', 'maxClients', 'maxBufferedBytes', 'maxLogChars'] as const) {
    if (!Number.isSafeInteger(opts[key]) || opts[key] < 1) {
      throw new RangeError(`${key} must be a positive integer, got ${opts[key]}`);
    }
  }
  for (const key of ['heartbeatMs', 'closeTimeoutMs'] as const) {
    if (!Number.isSafeInteger(opts[key]) || opts[key] < 0) {
      throw new RangeError(`${key} must be a non-negative integer, got ${opts[key]}`);
    }
  }
  if (opts.maxBufferedBytes < opts.maxPayload) {
    throw new RangeError(
      `maxBufferedBytes (${opts.maxBufferedBytes}) must be at least maxPayload (${opts.maxPayload})`,
    );
  }
  return opts;
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/** Origins compare case-insensitively (browsers send them lower-case; configs may not be). */
function normalizeOrigin(origin: string): string {
  return origin.trim().toLowerCase();
}

function refuseHandshake(socket: Duplex, status: number, text: string): void {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** The part of a "Message: ..." log line after the colon. */
export function formatMessageForLog(data: Buffer, isBinary: boolean, maxChars: number): string {
  if (isBinary) return `<binary ${data.length} bytes>`;
  // Each code point is at most 4 bytes and yields at least one output
  // character, so this prefix is enough; a character cut at its end is never reached.
  const prefix = data.toString('utf8', 0, Math.min(data.length, maxChars * 4 + 4));
  return escapeForLog(prefix, maxChars, data.length);
}

/**
 * Makes untrusted text safe for a one-line log entry: backslashes, control
 * characters, line/paragraph separators and bidirectional overrides are
 * written as escapes, so a message cannot start a forged line or reorder what
 * a terminal shows. Text longer than maxChars (after escaping) is cut and
 * marked with "… (N bytes)", N being the full size in UTF-8 (or
 * `totalBytes` when the text is itself only a prefix).
 */
export function escapeForLog(text: string, maxChars: number, totalBytes?: number): string {
  let out = '';
  for (const ch of text) {
    const piece = escapeChar(ch);
    if (out.length + piece.length > maxChars) {
      return `${out}… (${totalBytes ?? Buffer.byteLength(text)} bytes)`;
    }
    out += piece;
  }
  return out;
}

function escapeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  switch (ch) {
    case '\\':
      return '\\\\';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
  }
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x061c ||
    cp === 0x200e ||
    cp === 0x200f ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069)
  ) {
    return `\\u{${cp.toString(16)}}`;
  }
  return ch;
}
