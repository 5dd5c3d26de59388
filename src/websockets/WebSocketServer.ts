// QML `WebSocketServer` (Qt's QQmlWebSocketServer, QtWebSockets 6.4): listens
// on host:port while `listen` is true and hands each client to QML as a
// WebSocket through clientConnected. Its setters follow Qt's, quirks
// included (measured with Qt 6.4.2, test/fixtures/qt/websockets/server_*):
// - the server is created when the component completes, so a declared
//   `accept: false` is not applied (only later changes pause accepting);
// - whenever the server stops listening, Qt queues a `closed` notification
//   that sets `listen` to false: re-listening on a new port, or after the
//   host was resolved to another address, ends with `listen` false.
// Servers need Node; in a web page `listen: true` reports an error.
import { defineType } from '../engine/qobject';
import { QtObjectMeta } from '../engine/qtqml';
import { NotifyingObject, nameNotifyParameters, sameStringList, toStringList } from './notify';
import { type ListenResult, type ServerBackend, transportFor } from './transport';
import { WebSocket } from './WebSocket';

export const SERVER_NOT_READY = 'QQmlWebSocketServer is not ready.';
export const NO_SERVER_IN_BROWSER =
  'WebSocketServer cannot listen here: a web page cannot accept connections (run the scene in Node)';

export class WebSocketServer extends NotifyingObject {
  declare url: string;
  declare host: string;
  declare port: number;
  declare name: string;
  declare errorString: string;
  declare listen: boolean;
  declare accept: boolean;
  declare supportedSubprotocols: string[];

  private completed = true;
  /** Whether QQmlWebSocketServer::init ran (Qt's m_server exists). */
  private initialized = false;
  private backend: ServerBackend | null = null;
  private reportedUnavailable = false;

  constructor() {
    super();
    this.$v[S.supportedSubprotocols] = [];
    this.$v[S.url] = this.$coerce(S.url, this.makeUrl());
  }

  $classBegin(): void {
    this.completed = false;
    this.$v[S.errorString] = SERVER_NOT_READY;
  }

  $componentComplete(): void {
    this.init();
    this.completed = true;
  }

  override $write(idx: number, value: unknown): boolean {
    switch (idx) {
      case S.host:
        return this.setHost(this.$coerce(idx, value) as string);
      case S.port:
        return this.setPort(this.$coerce(idx, value) as number);
      case S.name:
        return this.setName(this.$coerce(idx, value) as string);
      case S.listen:
        return this.setListen(this.$coerce(idx, value) as boolean);
      case S.accept:
        return this.setAccept(this.$coerce(idx, value) as boolean);
      case S.supportedSubprotocols:
        return this.$storeNotify(idx, toStringList(value), sameStringList);
      default:
        return super.$write(idx, value);
    }
  }

  private makeUrl(): string {
    const host = this.$v[S.host] as string;
    return `ws://${host.includes(':') ? `[${host}]` : host}:${this.$v[S.port] as number}`;
  }

  /** Qt emits urlChanged(url()) after every host or port change. */
  private announceUrl(): void {
    const url = this.$coerce(S.url, this.makeUrl());
    this.$v[S.url] = url;
    this.$emitNamed('urlChanged', [url]);
  }

  private setHost(host: string): boolean {
    if (!this.$storeNotify(S.host, host)) return false;
    this.announceUrl();
    this.updateListening();
    return true;
  }

  private setPort(port: number): boolean {
    if (port === this.$v[S.port]) return false;
    if (port < 0 || port > 65535) {
      // qWarning() << "...port " << port << " is invalid..." (the stream adds the spaces)
      this.$engine?.sink.warn(
        `QQmlWebSocketServer::setPort: port  ${port}  is invalid. It must be in the range 0-65535.`,
      );
      return false;
    }
    this.$storeNotify(S.port, port);
    this.announceUrl();
    if (this.completed && this.backend?.isListening) this.updateListening();
    return true;
  }

  private setName(name: string): boolean {
    if (!this.$storeNotify(S.name, name)) return false;
    if (this.completed) this.init();
    return true;
  }

  private setListen(listen: boolean): boolean {
    if (!this.$storeNotify(S.listen, listen)) return false;
    this.updateListening();
    return true;
  }

  private setAccept(accept: boolean): boolean {
    if (!this.$storeNotify(S.accept, accept)) return false;
    if (this.completed && this.backend) {
      if (accept) this.backend.resumeAccepting();
      else this.backend.pauseAccepting();
    }
    return true;
  }

  /** QQmlWebSocketServer::init: a new server (the previous one goes away), then listen if asked to. */
  private init(): void {
    this.backend?.close();
    this.initialized = true;
    const backend = transportFor(this.$engine).createServer({
      name: this.$v[S.name] as string,
      supportedSubprotocols: () => this.$v[S.supportedSubprotocols] as string[],
    });
    // A fresh QWebSocketServer has no error yet (Qt does not announce this).
    this.$v[S.errorString] = '';
    this.backend = backend;
    if (backend) {
      backend.onConnection = (accepted) => {
        if (this.$destroyed || this.backend !== backend) {
          accepted.connection.abort();
          return;
        }
        const socket = WebSocket.accepted(this.$engine, accepted.connection, accepted);
        socket.$setOwner(this);
        this.$emitNamed('clientConnected', [socket]);
      };
    }
    this.updateListening();
  }

  /** QQmlWebSocketServer::updateListening. */
  private updateListening(): void {
    const backend = this.backend;
    if (!backend) {
      if (this.initialized) this.reportUnavailable();
      return;
    }
    if (backend.isListening) {
      backend.close();
      // Qt's QWebSocketServer announces `closed` through the event loop, and
      // QQmlWebSocketServer answers it with setListen(false).
      this.$engine?.setTimer(() => {
        if (!this.$destroyed) this.setListen(false);
      }, 0);
    }
    if (!this.$v[S.listen]) return;
    backend.listen(hostAddress(this.$v[S.host] as string), this.$v[S.port] as number, (result) =>
      this.listened(backend, result),
    );
  }

  private listened(backend: ServerBackend, result: ListenResult): void {
    if (this.$destroyed || this.backend !== backend) return;
    if (!result.ok) {
      this.$v[S.errorString] = result.errorString;
      this.$emitNamed('errorStringChanged', [result.errorString]);
      return;
    }
    this.setPort(result.port);
    this.setHost(result.address);
  }

  /** Servers need Node: say so once, when a scene asks to listen where there is no server backend. */
  private reportUnavailable(): void {
    if (!this.$v[S.listen] || this.reportedUnavailable || !this.$engine) return;
    this.reportedUnavailable = true;
    this.$engine.sink.warn(NO_SERVER_IN_BROWSER);
    this.$v[S.errorString] = NO_SERVER_IN_BROWSER;
    this.$emitNamed('errorStringChanged', [NO_SERVER_IN_BROWSER]);
  }

  override $teardown(): void {
    this.backend?.close();
    this.backend = null;
  }
}

/**
 * The address QHostAddress(host) stands for: an IP address as written;
 * anything else (a host name) is no address, and Qt's server then listens
 * on all IPv4 interfaces and reports 0.0.0.0.
 */
function hostAddress(host: string): string {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4?.slice(1).every((n) => Number(n) <= 255)) return host;
  if (/^[0-9A-Fa-f:.]+$/.test(host) && host.includes(':')) return host;
  return '0.0.0.0';
}

export const WebSocketServerMeta = defineType(WebSocketServer, QtObjectMeta, {
  name: 'WebSocketServer',
  cppClass: 'QQmlWebSocketServer',
  properties: {
    url: { type: 'url', readonly: true },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'int' },
    name: { type: 'string' },
    supportedSubprotocols: { type: 'var' },
    errorString: { type: 'string', readonly: true },
    listen: { type: 'bool' },
    accept: { type: 'bool', default: true },
  },
  signals: {
    clientConnected: { params: [{ name: 'webSocket', type: 'WebSocket' }] },
  },
});
nameNotifyParameters(WebSocketServerMeta, {
  url: 'url',
  host: 'host',
  port: 'port',
  name: 'name',
  errorString: 'errorString',
  listen: 'listen',
  accept: 'accept',
});

const S = {
  url: WebSocketServerMeta.index('url'),
  host: WebSocketServerMeta.index('host'),
  port: WebSocketServerMeta.index('port'),
  name: WebSocketServerMeta.index('name'),
  supportedSubprotocols: WebSocketServerMeta.index('supportedSubprotocols'),
  errorString: WebSocketServerMeta.index('errorString'),
  listen: WebSocketServerMeta.index('listen'),
  accept: WebSocketServerMeta.index('accept'),
};
