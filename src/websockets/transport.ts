// What the QML WebSocket types need from the platform: a client connection
// (the `ws` package in Node, the browser's WebSocket in a page) and, in Node
// only, a server. Transports report what happened in Qt's terms (which
// error string, which status sequence); WebSocket.ts turns that into
// QQmlWebSocket's status and errorString changes.

/**
 * How a connection ended badly. Qt reports the three cases with different
 * status sequences (measured with Qt 6.4.2, test/fixtures/qt/websockets/):
 * - `connect`: no TCP connection (refused, host not found): Closed, then Error.
 * - `handshake`: connected, but the opening handshake failed (HTTP status,
 *   TLS, connection closed before the answer): Error, then Closed.
 * - `lost`: an open connection went away without a close frame: Error,
 *   then Closing, then Closed.
 */
export interface Failure {
  kind: 'connect' | 'handshake' | 'lost';
  errorString: string;
}

export interface ConnectionListener {
  /** The opening handshake completed; `protocol` is the negotiated subprotocol ('' for none). */
  opened(protocol: string): void;
  textMessage(message: string): void;
  binaryMessage(message: ArrayBuffer): void;
  /** The peer closed the connection with a close frame: Closing, then Closed. */
  closed(): void;
  failed(failure: Failure): void;
}

/** One WebSocket connection. Once closed or aborted it calls its listener no more. */
export interface Connection {
  /** Receives the connection's events from now on. */
  setListener(listener: ConnectionListener): void;
  sendText(message: string): void;
  sendBinary(message: Uint8Array): void;
  /** Sends a close frame and lets the closing handshake finish in the background. */
  close(code: number, reason: string): void;
  /** Drops the connection without a closing handshake. */
  abort(): void;
}

/** A connection that never got going: it reports its failure once the caller has set its listener. */
export class FailedConnection implements Connection {
  private listener: ConnectionListener | null = null;
  private readonly timer: ReturnType<typeof setTimeout>;
  constructor(failure: Failure) {
    this.timer = setTimeout(() => this.listener?.failed(failure), 0);
  }
  setListener(listener: ConnectionListener): void {
    this.listener = listener;
  }
  sendText(): void {}
  sendBinary(): void {}
  close(): void {
    this.abort();
  }
  abort(): void {
    clearTimeout(this.timer);
    this.listener = null;
  }
}

/** Where a server-side connection came from (what Qt's QWebSocket knows of its request). */
export interface AcceptedConnection {
  connection: Connection;
  /** `ws://` + the Host header + the request path, like QWebSocket::requestUrl(). */
  requestUrl: string;
  /** The subprotocol the server chose ('' for none). */
  protocol: string;
  /** The subprotocols the client offered, in its order. */
  requestedProtocols: string[];
}

export type ListenResult = { ok: true; address: string; port: number } | { ok: false; errorString: string };

export interface ServerBackend {
  /**
   * Binds and listens. Qt does this synchronously (the port and any error are
   * known when QWebSocketServer::listen returns), and so does the Node
   * backend where it can; `done` may therefore be called before `listen`
   * returns, or later.
   */
  listen(host: string, port: number, done: (result: ListenResult) => void): void;
  /** Stops listening; connections already handed out stay open. */
  close(): void;
  readonly isListening: boolean;
  /** Holds new connections back (they wait, unanswered) until resumeAccepting. */
  pauseAccepting(): void;
  resumeAccepting(): void;
  /** Called for each accepted connection, after the opening handshake. */
  onConnection: ((accepted: AcceptedConnection) => void) | null;
}

export interface ServerOptions {
  /** Sent as the `Server` header of the handshake response (QWebSocketServer's serverName). */
  name: string;
  /** Subprotocols the server accepts, in preference order (read at each handshake). */
  supportedSubprotocols: () => readonly string[];
}

export interface Transport {
  /**
   * Starts connecting. The url's scheme is `ws` or `wss` (others are
   * rejected before, with Qt's message). No event comes before the caller
   * has had the chance to set the listener.
   */
  connect(url: string, protocols: readonly string[]): Connection;
  /** A server backend; null where servers cannot run (a web page). */
  createServer(options: ServerOptions): ServerBackend | null;
}

const transports = new WeakMap<object, Transport>();
let defaultTransport: (() => Transport) | null = null;

/** Sets the transport of one engine's WebSockets and WebSocketServers. */
export function setTransport(engine: object, transport: Transport): void {
  transports.set(engine, transport);
}

/** Sets the transport used where an engine has none of its own. */
export function setDefaultTransport(make: () => Transport): void {
  defaultTransport = make;
}

export function transportFor(engine: object | null): Transport {
  const t = engine ? transports.get(engine) : undefined;
  if (t) return t;
  if (!defaultTransport) throw new Error('QtWebSockets: no transport');
  return defaultTransport();
}

/** A url without its fragment: not part of the request (Qt leaves it out, ws and older browsers refuse it). */
export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
