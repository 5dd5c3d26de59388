// The browser transport: the page's own WebSocket. Browsers tell a page
// next to nothing about why a connection failed (on purpose: a page must not
// be able to probe the network), only whether it had opened and the close
// code, so Qt's messages are mapped from that:
//
//   browser observation                          Qt status sequence       errorString
//   ------------------------------------------   ----------------------   ---------------------------------------
//   error/close before `open` (refused, unknown   Closed, Error            "Connection refused"
//     host, HTTP status, TLS, blocked port)
//   constructor throws (url it cannot parse)     Closed, Error            "Host not found"
//   close code 1006 after `open` (no close       Error, Closing, Closed   "The remote host closed the connection"
//     frame: server killed, network gone)
//   any other close after `open` (close frame)   Closing, Closed          ""
//
// Closing from QML (active: false, a new url) reports Closing and Closed at
// once, as Qt does; the browser's own close events are ignored from then on.
import {
  type Connection,
  type ConnectionListener,
  FailedConnection,
  type Transport,
  withoutFragment,
} from './transport';

/** The part of the WHATWG WebSocket this transport uses (no DOM types needed). */
export interface BrowserWebSocket {
  binaryType: string;
  readonly protocol: string;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  send(data: string | ArrayBuffer | Uint8Array): void;
  close(code?: number, reason?: string): void;
}

export type BrowserWebSocketConstructor = new (url: string, protocols?: string[]) => BrowserWebSocket;

/** The transport on `ctor` (the global WebSocket by default). */
export function browserTransport(ctor?: BrowserWebSocketConstructor): Transport {
  return {
    connect(url, protocols) {
      const Ctor = ctor ?? (globalThis as { WebSocket?: BrowserWebSocketConstructor }).WebSocket;
      if (!Ctor) return new FailedConnection({ kind: 'connect', errorString: 'Host not found' });
      let ws: BrowserWebSocket;
      try {
        // (older browsers refuse a url with a fragment)
        ws = new Ctor(withoutFragment(url), [...protocols]);
      } catch {
        return new FailedConnection({ kind: 'connect', errorString: 'Host not found' });
      }
      return new BrowserConnection(ws);
    },
    createServer: () => null,
  };
}

class BrowserConnection implements Connection {
  private listener: ConnectionListener | null = null;
  private opened = false;

  constructor(private readonly ws: BrowserWebSocket) {
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      this.opened = true;
      this.listener?.opened(ws.protocol);
    };
    ws.onmessage = (event) => {
      const data = event.data;
      if (typeof data === 'string') this.listener?.textMessage(data);
      else if (data instanceof ArrayBuffer) this.listener?.binaryMessage(data);
    };
    // The close event that always follows says more than the error event.
    ws.onerror = () => {};
    ws.onclose = (event) => {
      const listener = this.listener;
      this.detach();
      if (!listener) return;
      if (!this.opened) listener.failed({ kind: 'connect', errorString: 'Connection refused' });
      else if (event.code === 1006) {
        listener.failed({ kind: 'lost', errorString: 'The remote host closed the connection' });
      } else listener.closed();
    };
  }

  private detach(): void {
    this.listener = null;
    this.ws.onopen = null;
    this.ws.onmessage = null;
    this.ws.onclose = null;
  }

  setListener(listener: ConnectionListener): void {
    this.listener = listener;
  }

  sendText(message: string): void {
    this.ws.send(message);
  }

  sendBinary(message: Uint8Array): void {
    this.ws.send(message);
  }

  close(code: number, reason: string): void {
    this.detach();
    // Pages may only send 1000 or 3000-4999 (Qt's 1001 on destruction becomes 1000).
    const allowed = code === 1000 || (code >= 3000 && code <= 4999);
    try {
      this.ws.close(allowed ? code : 1000, reason);
    } catch {
      this.ws.close();
    }
  }

  abort(): void {
    this.detach();
    this.ws.close();
  }
}
