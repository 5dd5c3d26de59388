// The QtWebSockets module: `import QtWebSockets` gives WebSocket and
// WebSocketServer. In Node they run on the `ws` package; in a web page on the
// browser's WebSocket (and servers cannot listen there).

import { nodeTransport } from '#node-transport';
import type { QmlEngine } from '../engine/engine';
import { loadOnce } from '../engine/load-once';
import type { MetaObject } from '../engine/qobject';
import { browserTransport } from './browser-transport';
import { setDefaultTransport, setTransport, type Transport } from './transport';
import { WebSocketMeta } from './WebSocket';

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

let serverMeta: MetaObject | null = null;

/**
 * Loads WebSocketServer, which a page loads on first use (a page cannot
 * listen: scenes seldom name it); later engines get it at once.
 */
export const loadWebSocketServer: () => Promise<Record<string, MetaObject>> = loadOnce(() =>
  import('./WebSocketServer').then((m) => {
    serverMeta = m.WebSocketServerMeta;
    return { WebSocketServer: serverMeta };
  }),
);

export function registerQtWebSockets(engine: QmlEngine, options: QtWebSocketsOptions = {}): void {
  if (options.transport) setTransport(engine, options.transport);
  engine.registerModule('QtWebSockets', {
    WebSocket: WebSocketMeta,
    ...(serverMeta && { WebSocketServer: serverMeta }),
  });
  if (serverMeta === null) engine.registerLazyTypes('QtWebSockets', ['WebSocketServer'], loadWebSocketServer);
}
