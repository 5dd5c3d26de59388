// QML `WebSocket` (Qt's QQmlWebSocket, QtWebSockets 6.4): a client
// connection driven by `url` and `active`, with Qt's status and errorString
// semantics. The wire work is done by a Transport (transport.ts); this file
// reproduces what QQmlWebSocket and QWebSocket make of it, as measured with
// Qt 6.4.2 (test/fixtures/qt/websockets/*.qml and their .qt.txt output).
import type { EngineServices } from '../engine/context';
import { defineType } from '../engine/qobject';
import { QtObjectMeta } from '../engine/qtqml';
import { NotifyingObject, nameNotifyParameters, sameStringList, toStringList } from './notify';
import { type Connection, type ConnectionListener, type Failure, transportFor } from './transport';

export const Status = { Connecting: 0, Open: 1, Closing: 2, Closed: 3, Error: 4 } as const;
export type Status = (typeof Status)[keyof typeof Status];

/** QWebSocket's own state, which QQmlWebSocket's status only mirrors (an Error status hides it). */
type SocketState = 'none' | 'connecting' | 'open' | 'closed';

export const NOT_READY = 'QQmlWebSocket is not ready.';
export const SEND_WHEN_CLOSED = 'Messages can only be sent when the socket is open.';
/** What C++ method calls throw for a value Qt cannot convert to the parameter type (QByteArray here). */
export const INCOMPATIBLE_ARGUMENTS =
  'Passing incompatible arguments to C++ functions from JavaScript is not allowed.';

export class WebSocket extends NotifyingObject {
  declare url: string;
  declare active: boolean;
  declare status: Status;
  declare errorString: string;
  declare requestedSubprotocols: string[];
  declare negotiatedSubprotocol: string;

  /** Qt: an object made outside QML (a server's client) is complete from the start. */
  private completed = true;
  private connection: Connection | null = null;
  private socketState: SocketState = 'none';
  /** The subprotocol of the open connection (QWebSocket::subprotocol()). */
  private protocol = '';
  /** A server's end of a connection (made by WebSocketServer). */
  private serverSide = false;

  constructor() {
    super();
    this.$v[P.requestedSubprotocols] = [];
  }

  /**
   * A server's end of an accepted connection (Qt's QQmlWebSocket(QWebSocket*)
   * constructor): open, active, its url the request's.
   */
  static accepted(
    engine: EngineServices | null,
    connection: Connection,
    info: { requestUrl: string; protocol: string; requestedProtocols: string[] },
  ): WebSocket {
    const ws = new WebSocket();
    ws.$engine = engine;
    ws.$v[P.url] = ws.$coerce(P.url, info.requestUrl);
    ws.$v[P.active] = true;
    ws.$v[P.requestedSubprotocols] = info.requestedProtocols;
    ws.$v[P.status] = Status.Open;
    ws.$v[P.negotiatedSubprotocol] = info.protocol;
    ws.protocol = info.protocol;
    ws.socketState = 'open';
    ws.serverSide = true;
    ws.connection = connection;
    connection.setListener(ws.listenerFor(connection));
    return ws;
  }

  // ---- QQmlParserStatus ------------------------------------------------------

  $classBegin(): void {
    this.completed = false;
    // Qt's errorString until the first status change: it stays so after
    // completion for a socket that is never opened.
    this.$v[P.errorString] = NOT_READY;
  }

  $componentComplete(): void {
    this.completed = true;
    this.open();
  }

  // ---- properties ------------------------------------------------------------

  override $write(idx: number, value: unknown): boolean {
    switch (idx) {
      case P.url:
        return this.setUrl(this.$coerce(idx, value));
      case P.active:
        return this.setActive(this.$coerce(idx, value) as boolean);
      case P.requestedSubprotocols:
        return this.$storeNotify(idx, toStringList(value), sameStringList);
      default:
        return super.$write(idx, value);
    }
  }

  /** `url` is a url value (Qt's QUrl); it compares by its text. */
  private setUrl(url: unknown): boolean {
    if (String(url) === String(this.$v[P.url])) return false;
    // Qt: an open socket is closed first (Closing, Closed), then urlChanged, then the new url is opened.
    if (this.$v[P.status] === Status.Open) this.closeSocket(1000, '');
    this.$v[P.url] = url;
    this.$emitNamed('urlChanged');
    this.open();
    return true;
  }

  private setActive(active: boolean): boolean {
    if (!this.$storeNotify(P.active, active)) return false;
    if (!this.completed) return true;
    if (active) this.open();
    else this.closeSocket(1000, '');
    return true;
  }

  private setStatus(status: Status): void {
    if (this.$v[P.status] === status) return;
    this.$v[P.status] = status;
    // Qt clears errorString on every status but Error, before announcing the status.
    if (status !== Status.Error) this.setErrorString('');
    this.$emitNamed('statusChanged', [status]);
    // Qt announces the subprotocol after the status, from the status as it is then.
    const protocol = this.$v[P.status] === Status.Open && this.socketState === 'open' ? this.protocol : '';
    this.$storeNotify(P.negotiatedSubprotocol, protocol);
  }

  private setErrorString(message: string): void {
    this.$storeNotify(P.errorString, message);
  }

  /** QQmlWebSocket::onError: the socket's error string, then status Error. */
  private onError(message: string): void {
    this.setErrorString(message);
    this.setStatus(Status.Error);
  }

  // ---- opening and closing ---------------------------------------------------

  /** QQmlWebSocket::open, then QWebSocket::open. */
  private open(): void {
    const url = String(this.$v[P.url]);
    if (!this.completed || !this.$v[P.active] || !isValidUrl(url)) return;
    // Qt: a previous connection is dropped without a word.
    this.dropConnection();
    if (url.includes('\r\n')) {
      this.onError('Invalid URL.');
      return;
    }
    const scheme = schemeOf(url);
    if (scheme !== 'ws' && scheme !== 'wss') {
      this.onError(`Unsupported WebSocket scheme: ${scheme}`);
      return;
    }
    if (/%0D%0A/i.test(pathOf(url))) {
      this.onError('Invalid resource name.');
      return;
    }
    const transport = transportFor(this.$engine);
    const protocols = this.$v[P.requestedSubprotocols] as string[];
    // The connection exists before the status changes: a statusChanged
    // handler that closes it again finds it connecting, as in Qt.
    const connection = transport.connect(`${scheme}${url.slice(scheme.length)}`, protocols);
    connection.setListener(this.listenerFor(connection));
    this.connection = connection;
    this.socketState = 'connecting';
    this.setStatus(Status.Connecting);
  }

  /** QWebSocket::close(): what Qt does depends on how far the socket got. */
  private closeSocket(code: number, reason: string): void {
    const connection = this.connection;
    if (!this.completed || connection === null) return;
    if (this.socketState === 'connecting') {
      // Qt writes the close frame to a TCP socket that is not connected yet;
      // the write fails, and the socket reports that before it is closed.
      this.connection = null;
      this.socketState = 'closed';
      connection.abort();
      this.$engine?.sink.warn(
        'QNativeSocketEngine::write() was not called in QAbstractSocket::ConnectedState',
      );
      this.onError('Invalid socket descriptor');
      if (this.connection !== null) return;
      this.setStatus(Status.Closed);
    } else if (this.socketState === 'open') {
      // Qt sends the close frame and closes the TCP connection at once:
      // Closing and Closed are both reported before close() returns.
      this.connection = null;
      connection.close(code, reason);
      this.socketState = 'closed';
      this.setStatus(Status.Closing);
      if (this.connection !== null) return;
      this.setStatus(Status.Closed);
    }
  }

  private dropConnection(): void {
    const c = this.connection;
    this.connection = null;
    this.socketState = 'none';
    this.protocol = '';
    c?.abort();
  }

  private listenerFor(connection: Connection): ConnectionListener {
    const current = () => this.connection === connection && !this.$destroyed;
    return {
      opened: (protocol) => {
        if (!current()) return;
        this.socketState = 'open';
        this.protocol = protocol;
        this.setStatus(Status.Open);
      },
      textMessage: (message) => {
        if (current()) this.$emitNamed('textMessageReceived', [message]);
      },
      binaryMessage: (message) => {
        if (current()) this.$emitNamed('binaryMessageReceived', [message]);
      },
      closed: () => {
        if (!current()) return;
        this.socketState = 'closed';
        this.setStatus(Status.Closing);
        if (current()) this.finish();
      },
      failed: (failure) => {
        if (current()) this.fail(connection, failure);
      },
    };
  }

  /** The status sequence Qt reports for each kind of failure (see Failure). */
  private fail(connection: Connection, failure: Failure): void {
    const current = () => this.connection === connection && !this.$destroyed;
    this.socketState = 'closed';
    switch (failure.kind) {
      case 'connect':
        this.setStatus(Status.Closed);
        if (current()) this.onError(failure.errorString);
        if (current()) this.connection = null;
        return;
      case 'handshake':
        this.onError(failure.errorString);
        if (current()) this.finish();
        return;
      case 'lost':
        this.onError(failure.errorString);
        if (current()) this.setStatus(Status.Closing);
        if (current()) this.finish();
        return;
    }
  }

  private finish(): void {
    this.connection = null;
    this.setStatus(Status.Closed);
  }

  // ---- sending ---------------------------------------------------------------

  /** Sends a text message; returns the bytes sent (its UTF-8 length), 0 when not open. */
  sendTextMessage(...args: unknown[]): number {
    if (args.length === 0) throw new Error('Insufficient arguments');
    const message = withoutLoneSurrogates(toQString(args[0]));
    const connection = this.openConnection();
    if (connection === null) return 0;
    connection.sendText(message);
    return utf8Length(message);
  }

  /** Sends a binary message (an ArrayBuffer, or a string as UTF-8); returns the bytes sent, 0 when not open. */
  sendBinaryMessage(...args: unknown[]): number {
    if (args.length === 0) throw new Error('Insufficient arguments');
    const bytes = toQByteArray(args[0]);
    const connection = this.openConnection();
    if (connection === null) return 0;
    connection.sendBinary(bytes);
    return bytes.byteLength;
  }

  /** The connection to send on; Qt refuses unless the status is Open, and says so with status Error. */
  private openConnection(): Connection | null {
    if (this.$v[P.status] !== Status.Open || this.connection === null) {
      this.setErrorString(SEND_WHEN_CLOSED);
      this.setStatus(Status.Error);
      return null;
    }
    return this.connection;
  }

  override $teardown(): void {
    // Measured with Qt 6.4.2 quitting a scene: its WebSocket clients close
    // with 1001 "Connection closed" (~QWebSocket); the connections its
    // WebSocketServer accepted are dropped without a close frame.
    const c = this.connection;
    this.connection = null;
    if (c === null) return;
    if (this.socketState === 'open' && !this.serverSide) {
      c.close(1001, 'Connection closed');
      // ~QWebSocket closes: Closing and Closed reach the functions connected
      // with connect(), not the socket's own handlers or Connections (measured).
      if (this.$v[P.status] === Status.Open) {
        const sig = this.$meta.signalsByName.get('statusChanged')!.index;
        for (const status of [Status.Closing, Status.Closed]) {
          this.$v[P.status] = status;
          this.$emitToConnectedFunctions(sig, [status]);
        }
      }
    } else c.abort();
  }
}

export const WebSocketMeta = defineType(WebSocket, QtObjectMeta, {
  name: 'WebSocket',
  cppClass: 'QQmlWebSocket',
  properties: {
    url: { type: 'url' },
    status: { type: 'enumeration', readonly: true, default: Status.Closed },
    errorString: { type: 'string', readonly: true },
    active: { type: 'bool' },
    requestedSubprotocols: { type: 'var' },
    negotiatedSubprotocol: { type: 'string', readonly: true },
  },
  signals: {
    textMessageReceived: { params: [{ name: 'message', type: 'string' }] },
    binaryMessageReceived: { params: [{ name: 'message', type: 'var' }] },
  },
  methods: ['sendTextMessage', 'sendBinaryMessage'],
  enums: Status,
});
nameNotifyParameters(WebSocketMeta, { status: 'status', active: 'isActive', errorString: 'errorString' });

const P = {
  url: WebSocketMeta.index('url'),
  status: WebSocketMeta.index('status'),
  errorString: WebSocketMeta.index('errorString'),
  active: WebSocketMeta.index('active'),
  requestedSubprotocols: WebSocketMeta.index('requestedSubprotocols'),
  negotiatedSubprotocol: WebSocketMeta.index('negotiatedSubprotocol'),
};

// ---- urls ----------------------------------------------------------------------

/** QUrl's scheme, lower-cased as QUrl stores it ('' when the url has none, as in "foo"). */
export function schemeOf(url: string): string {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  return m ? m[1]!.toLowerCase() : '';
}

function pathOf(url: string): string {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/.exec(url);
  return m ? m[1]! : url;
}

/**
 * QUrl::isValid for the urls QML code gives a WebSocket: an empty url, or
 * one whose port is not a number up to 65535 or whose host has characters
 * no host can have, is invalid, and Qt does not try to open it.
 */
export function isValidUrl(url: string): boolean {
  if (url === '') return false;
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(url);
  if (!m) return true;
  const authority = m[1]!.slice(m[1]!.lastIndexOf('@') + 1);
  const hostPort = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(authority);
  if (!hostPort) return false;
  const port = hostPort[2];
  if (port !== undefined && port !== '' && (!/^\d+$/.test(port) || Number(port) > 65535)) return false;
  return !/[\s<>"{}|\\^`]/.test(hostPort[1]!);
}

// ---- argument conversions --------------------------------------------------------

/** QString from a QML value: undefined and null give "", anything else its string form. */
function toQString(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/**
 * QByteArray from a QML value, as Qt 6.4 converts method arguments: an
 * ArrayBuffer's bytes; strings, numbers and booleans as UTF-8 text; an
 * array's elements as bytes; null as empty. Anything else (typed arrays
 * included) is refused.
 */
function toQByteArray(v: unknown): Uint8Array {
  if (v instanceof ArrayBuffer) return new Uint8Array(v.slice(0));
  if (v === null) return new Uint8Array(0);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    return new TextEncoder().encode(withoutLoneSurrogates(String(v)));
  }
  if (Array.isArray(v)) return Uint8Array.from(v, (e) => Number(e) & 0xff);
  throw new TypeError(INCOMPATIBLE_ARGUMENTS);
}

const NON_ASCII = /[^\0-\x7f]/;
const SURROGATE = /[\ud800-\udfff]/;

/** The text QString::toUtf8 encodes: Qt 6.4 writes a lone surrogate as '?' (measured: one byte, echoed as "?"). */
export function withoutLoneSurrogates(s: string): string {
  if (!SURROGATE.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
        continue;
      }
    }
    out += c >= 0xd800 && c <= 0xdfff ? '?' : s[i]!;
  }
  return out;
}

/** Bytes of `s` in UTF-8 (a lone surrogate becomes U+FFFD, 3 bytes, as TextEncoder writes it). */
export function utf8Length(s: string): number {
  // A long message (a chat message can be a megabyte) is measured natively:
  // ASCII by a regular expression search, the rest by the encoder (the same
  // count: a lone surrogate becomes U+FFFD, 3 bytes).
  if (s.length > 4096) return NON_ASCII.test(s) ? new TextEncoder().encode(s).length : s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
