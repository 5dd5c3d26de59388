// The QtWebSockets module: `import QtWebSockets` gives WebSocket and
// WebSocketServer. In Node they run on the `ws` package; in a web page on the
// browser's WebSocket (and servers cannot listen there).

import { nodeTransport } from '#node-transport';
import type { QmlEngine } from '../engine/engine';
import { browserTransport } from './browser-transport';
import { setDefaultTransport, setTransport, type Transport } from './transport';
import { WebSocketMeta } from './WebSocket';
import { WebSocketServerMeta } from './WebSocketServer';

export type { Transport } from './transport';

let platformTransport: Transport | undefined;

/** Node's `ws` transport in Node, the browser's WebSocket elsewhere. */
export function defaultTransport(): Transport {
  platformTransport ??= nodeTransport() ?? browserTransport();
  return platformTransport;
}

setDefaultTransport(defaultTransport);

export interface QtWebSocketsOptions {
  /** Replaces the platform's transport (tests, or a host with its own). */
  transport?: Transport;
}

export function registerQtWebSockets(engine: QmlEngine, options: QtWebSocketsOptions = {}): void {
  if (options.transport) setTransport(engine, options.transport);
  engine.registerModule('QtWebSockets', { WebSocket: WebSocketMeta, WebSocketServer: WebSocketServerMeta });
}
