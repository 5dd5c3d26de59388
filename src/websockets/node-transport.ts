// The Node transport: clients and servers on the `ws` package. Everything
// Node-specific is reached through process.getBuiltinModule at run time, so
// that a browser build of the runtime neither bundles `ws` nor fails on it.
//
// Node's errors become Qt's messages (Qt 6.4.2's QAbstractSocket and
// QWebSocket strings, measured in test/fixtures/qt/websockets/):
//
//   before the handshake completed
//     ECONNREFUSED                        connect    "Connection refused"
//     ENOTFOUND, EAI_AGAIN, EAI_FAIL, ... connect    "Host not found"
//     ETIMEDOUT                           connect    "Connection timed out"
//     EHOSTUNREACH / ENETUNREACH          connect    "Host unreachable" / "Network unreachable"
//     ECONNRESET, EPIPE, closed early     handshake  "The remote host closed the connection"
//     HTTP status other than 101          handshake  "QWebSocketPrivate::processHandshake: Unhandled
//                                                     http status code: 403 (Forbidden)."
//     TLS failure                         handshake  "Error during SSL handshake: error:0A00010B:SSL
//                                                     routines::wrong version number"
//     certificate refused                 handshake  QSslError's text, e.g. "The certificate is
//                                                     self-signed, and untrusted"
//   after it
//     no close frame (1006), ECONNRESET   lost       "The remote host closed the connection"
//                                                    (a server's end of the connection: "Unknown error")
//     a close frame from the peer         closed
import type * as Http from 'node:http';
import type { Duplex } from 'node:stream';
import type { RawData, WebSocketServer as WsServer, WebSocket as WsSocket } from 'ws';
import {
  type AcceptedConnection,
  type Connection,
  type ConnectionListener,
  FailedConnection,
  type Failure,
  type ListenResult,
  type ServerBackend,
  type ServerOptions,
  type Transport,
  withoutFragment,
} from './transport';

type WsModule = typeof import('ws');

interface NodeModules {
  ws: WsModule;
  http: typeof Http;
  systemErrorName: (errno: number) => string;
  sha1Base64: (text: string) => string;
}

interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown;
  binding?: (name: string) => unknown;
  cwd?: () => string;
}

let modules: NodeModules | null | undefined;

/** Node's modules, or null outside Node. */
function nodeModules(): NodeModules | null {
  if (modules !== undefined) return modules;
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (typeof proc?.getBuiltinModule !== 'function') {
    modules = null;
    return null;
  }
  const { createRequire } = proc.getBuiltinModule('node:module') as typeof import('node:module');
  // A CommonJS bundle has no import.meta.url: `ws` is then looked up from the working directory.
  const cwd = proc.cwd?.() ?? '.';
  const require = createRequire(import.meta.url ?? `${cwd}/index.js`);
  const util = proc.getBuiltinModule('node:util') as typeof import('node:util');
  const crypto = proc.getBuiltinModule('node:crypto') as typeof import('node:crypto');
  modules = {
    ws: require('ws') as WsModule,
    http: proc.getBuiltinModule('node:http') as typeof Http,
    systemErrorName: (errno) => util.getSystemErrorName(errno),
    sha1Base64: (text) => crypto.createHash('sha1').update(text).digest('base64'),
  };
  return modules;
}

/** The `ws` transport, or null when not running in Node. */
export function nodeTransport(): Transport | null {
  const node = nodeModules();
  if (!node) return null;
  return {
    connect: (url, protocols) => connectWs(node, url, protocols),
    createServer: (options) => new NodeServer(node, options),
  };
}

const REMOTE_CLOSED = 'The remote host closed the connection';

function connectWs(node: NodeModules, url: string, protocols: readonly string[]): Connection {
  let ws: WsSocket;
  try {
    // Qt does not offer permessage-deflate. A fragment is not part of the
    // request (ws refuses a url that has one; Qt leaves it out).
    ws = new node.ws.WebSocket(withoutFragment(url), [...protocols], { perMessageDeflate: false });
  } catch {
    // ws rejects urls Qt tries to resolve (`ws://` has no host): Qt then fails the host lookup.
    return new FailedConnection({ kind: 'connect', errorString: 'Host not found' });
  }
  const connection = new WsConnection(ws, false, REMOTE_CLOSED);
  // ws checks the server's handshake after its 'upgrade' event: what the
  // server answered is kept here for Qt's wording of a refused handshake.
  ws.on('upgrade', (res: Http.IncomingMessage) => {
    const chosen = res.headers['sec-websocket-protocol'];
    connection.serverProtocol = chosen ?? '';
    const accept = res.headers['sec-websocket-accept'];
    // (ws lets go of its request only after this event)
    const key = (ws as unknown as { _req: Http.ClientRequest | null })._req?.getHeader('sec-websocket-key');
    connection.handshake = {
      accept: typeof accept === 'string' ? accept : '',
      key: typeof key === 'string' ? key : '',
    };
    // Qt opens the connection when the server takes none of the requested
    // subprotocols (negotiatedSubprotocol is then empty); ws would fail it.
    if (chosen === undefined && protocols.length > 0) res.headers['sec-websocket-protocol'] = protocols[0];
  });
  return connection;
}

/** The Sec-WebSocket-Accept a server owes the client key (RFC 6455, 4.2.2). */
function acceptKeyFor(key: string): string {
  return nodeModules()?.sha1Base64(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`) ?? '';
}

class WsConnection implements Connection {
  private listener: ConnectionListener | null = null;
  private failure: Failure | null = null;
  private ended = false;
  /** The peer broke the protocol (bad UTF-8, unknown opcode): ws closes, Qt reports no error. */
  private protocolError = false;
  /** The subprotocol the server's handshake named (null: ws's own reading is right). */
  serverProtocol: string | null = null;
  /** The server's Sec-WebSocket-Accept and the key it answers (for Qt's message when they differ). */
  handshake: { accept: string; key: string } | null = null;

  constructor(
    private readonly ws: WsSocket,
    private opened: boolean,
    /** What Qt says when the open connection breaks (differs between client and server ends). */
    private readonly lostErrorString: string,
  ) {
    // An 'error' without a listener would be thrown; ws always follows it with 'close'.
    ws.on('error', (err: Error & { code?: string }) => {
      this.failure ??= this.opened
        ? this.lostFailure(err)
        : (this.handshakeFailure(err) ?? connectFailure(err));
    });
    ws.on('open', () => {
      this.opened = true;
      if (!this.ended) this.listener?.opened(this.serverProtocol ?? ws.protocol);
    });
    ws.on('unexpected-response', (req: Http.ClientRequest, res: Http.IncomingMessage) => {
      res.resume();
      req.destroy();
      this.end({
        kind: 'handshake',
        errorString: `QWebSocketPrivate::processHandshake: Unhandled http status code: ${res.statusCode} (${res.statusMessage}).`,
      });
    });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (this.ended || !this.listener) return;
      const bytes = toBuffer(data);
      if (isBinary) {
        this.listener.binaryMessage(
          bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
        );
      } else this.listener.textMessage(bytes.toString('utf8'));
    });
    ws.on('close', (code: number) => {
      if (this.failure) this.end(this.failure);
      else if (!this.opened) this.end({ kind: 'handshake', errorString: REMOTE_CLOSED });
      else if (code === 1006 && !this.protocolError)
        this.end({ kind: 'lost', errorString: this.lostErrorString });
      else this.end(null);
    });
  }

  /** Qt's words (QWebSocketPrivate::processHandshake) for a handshake ws refused. */
  private handshakeFailure(err: Error): Failure | null {
    if (/^Server sent (a subprotocol but none was requested|an invalid subprotocol)$/.test(err.message))
      return {
        kind: 'handshake',
        errorString: `WebSocket server has chosen protocol ${this.serverProtocol ?? ''} which has not been requested`,
      };
    if (err.message === 'Invalid Sec-WebSocket-Accept header' && this.handshake !== null) {
      const expected = acceptKeyFor(this.handshake.key);
      return {
        kind: 'handshake',
        errorString: `Accept-Key received from server ${this.handshake.accept} does not match the client key ${expected}.`,
      };
    }
    return null;
  }

  private lostFailure(err: Error & { code?: string }): Failure | null {
    // A protocol violation by the peer: the socket closes itself with a close code, no error status.
    if (err.code?.startsWith('WS_ERR_')) {
      this.protocolError = true;
      return null;
    }
    return { kind: 'lost', errorString: this.lostErrorString };
  }

  private end(failure: Failure | null): void {
    if (this.ended) return;
    this.ended = true;
    const listener = this.listener;
    this.listener = null;
    if (!listener) return;
    if (failure) listener.failed(failure);
    else listener.closed();
  }

  setListener(listener: ConnectionListener): void {
    this.listener = listener;
  }

  sendText(message: string): void {
    this.ws.send(message);
  }

  sendBinary(message: Uint8Array): void {
    this.ws.send(message, { binary: true });
  }

  close(code: number, reason: string): void {
    this.ended = true;
    this.listener = null;
    if (this.ws.readyState === this.ws.OPEN) this.ws.close(code, reason);
    else this.ws.terminate();
  }

  abort(): void {
    this.ended = true;
    this.listener = null;
    this.ws.terminate();
  }
}

function connectFailure(err: Error & { code?: string }): Failure {
  switch (err.code) {
    case 'ECONNREFUSED':
      return { kind: 'connect', errorString: 'Connection refused' };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'EAI_NONAME':
    case 'EAI_NODATA':
      return { kind: 'connect', errorString: 'Host not found' };
    case 'ETIMEDOUT':
      return { kind: 'connect', errorString: 'Connection timed out' };
    case 'EHOSTUNREACH':
      return { kind: 'connect', errorString: 'Host unreachable' };
    case 'ENETUNREACH':
      return { kind: 'connect', errorString: 'Network unreachable' };
    case 'ECONNRESET':
    case 'EPIPE':
      return { kind: 'handshake', errorString: REMOTE_CLOSED };
  }
  const certificate = err.code !== undefined ? CERTIFICATE_ERRORS[err.code] : undefined;
  if (certificate !== undefined) return { kind: 'handshake', errorString: certificate };
  const openssl = /error:([0-9A-Fa-f]{8}):([^:]*):[^:]*:([^:]*)/.exec(err.message);
  if (openssl) {
    // Node's OpenSSL names the failing function; the system OpenSSL 3 Qt uses leaves it empty.
    return {
      kind: 'handshake',
      errorString: `Error during SSL handshake: error:${openssl[1]}:${openssl[2]}::${openssl[3]}`,
    };
  }
  return { kind: 'handshake', errorString: err.message };
}

/** Node's (OpenSSL's) certificate verification codes, as Qt's QSslError describes them. */
const CERTIFICATE_ERRORS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'The certificate is self-signed, and untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'The root certificate of the certificate chain is self-signed, and untrusted',
  CERT_HAS_EXPIRED: 'The certificate has expired',
  CERT_NOT_YET_VALID: 'The certificate is not yet valid',
  UNABLE_TO_GET_ISSUER_CERT: 'The issuer certificate could not be found',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'The issuer certificate of a locally looked up certificate could not be found',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'No certificates could be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'The host name did not match any of the valid hosts for this certificate',
};

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

// ---- server ------------------------------------------------------------------------

/** Qt's QAbstractSocket messages for a failed bind or listen. */
function listenErrorString(code: string | undefined): string {
  switch (code) {
    case 'EADDRINUSE':
      return 'The bound address is already in use';
    case 'EADDRNOTAVAIL':
      return 'The address is not available';
    case 'EACCES':
    case 'EPERM':
      return 'The address is protected';
    default:
      return 'Unknown error';
  }
}

interface TcpHandle {
  bind(address: string, port: number): number;
  bind6(address: string, port: number, flags: number): number;
  listen(backlog: number): number;
  getsockname(out: { address?: string; port?: number }): number;
  close(): void;
}

interface TcpWrap {
  TCP: new (type: number) => TcpHandle;
  constants: { SERVER: number };
}

type Bound = { handle: TcpHandle; address: string; port: number } | { errorString: string };

/**
 * Binds and listens before returning, as QTcpServer::listen does. Node's
 * server.listen(port, host) binds only after a host lookup on the next
 * tick; its TCP handle binds at once. Null where that handle is not
 * available (the caller then listens the usual way).
 */
function bindNow(node: NodeModules, host: string, port: number): Bound | null {
  let tcp: TcpWrap;
  try {
    const proc = (globalThis as { process?: NodeProcess }).process;
    tcp = proc!.binding!('tcp_wrap') as TcpWrap;
  } catch {
    return null;
  }
  const handle = new tcp.TCP(tcp.constants.SERVER);
  let err = host.includes(':') ? handle.bind6(host, port, 0) : handle.bind(host, port);
  if (err === 0) err = handle.listen(511);
  if (err !== 0) {
    handle.close();
    return { errorString: listenErrorString(node.systemErrorName(err)) };
  }
  const out: { address?: string; port?: number } = {};
  handle.getsockname(out);
  return { handle, address: out.address ?? host, port: out.port ?? port };
}

class NodeServer implements ServerBackend {
  onConnection: ((accepted: AcceptedConnection) => void) | null = null;
  private readonly wss: WsServer;
  private http: Http.Server | null = null;
  private paused = false;
  /** Upgrade requests that came while accepting was paused. */
  private held: Array<{ req: Http.IncomingMessage; socket: Duplex; head: Buffer }> = [];

  constructor(
    private readonly node: NodeModules,
    options: ServerOptions,
  ) {
    this.wss = new node.ws.WebSocketServer({
      noServer: true,
      clientTracking: false,
      perMessageDeflate: false,
      // Qt picks the first of its supported subprotocols that the client offers.
      handleProtocols: (offered: Set<string>) =>
        options.supportedSubprotocols().find((p) => offered.has(p)) ?? false,
    });
    if (options.name !== '') {
      this.wss.on('headers', (headers: string[]) => headers.push(`Server: ${options.name}`));
    }
  }

  get isListening(): boolean {
    return this.http !== null;
  }

  listen(host: string, port: number, done: (result: ListenResult) => void): void {
    this.close();
    const server = this.node.http.createServer((_req, res) => {
      res.writeHead(400, { Connection: 'close' });
      res.end();
    });
    server.on('upgrade', (req: Http.IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      if (this.paused) this.held.push({ req, socket, head });
      else this.upgrade(req, socket, head);
    });
    server.on('error', () => {});
    const bound = bindNow(this.node, host, port);
    if (bound === null) {
      this.http = server;
      server.once('error', (err: Error & { code?: string }) => {
        if (this.http === server) this.http = null;
        done({ ok: false, errorString: listenErrorString(err.code) });
      });
      server.listen(port, host, () => {
        const a = server.address() as { address: string; port: number };
        done({ ok: true, address: a.address, port: a.port });
      });
      return;
    }
    if ('errorString' in bound) {
      done({ ok: false, errorString: bound.errorString });
      return;
    }
    server.listen(bound.handle);
    this.http = server;
    done({ ok: true, address: bound.address, port: bound.port });
  }

  close(): void {
    const server = this.http;
    this.http = null;
    // Connections already handed out stay open; those still waiting are dropped.
    for (const h of this.held.splice(0)) h.socket.destroy();
    server?.close();
  }

  pauseAccepting(): void {
    this.paused = true;
  }

  resumeAccepting(): void {
    this.paused = false;
    for (const h of this.held.splice(0)) this.upgrade(h.req, h.socket, h.head);
  }

  private upgrade(req: Http.IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws: WsSocket) => {
      // Qt: the server's end of a connection that breaks reports "Unknown error".
      const connection = new WsConnection(ws, true, 'Unknown error');
      const offered = req.headers['sec-websocket-protocol'];
      this.onConnection?.({
        connection,
        requestUrl: `ws://${req.headers.host ?? ''}${req.url ?? '/'}`,
        protocol: ws.protocol,
        requestedProtocols: offered
          ? offered
              .split(',')
              .map((p) => p.trim())
              .filter((p) => p !== '')
          : [],
      });
    });
  }
}
