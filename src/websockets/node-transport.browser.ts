// node-transport.ts in a web page (package.json "imports", browser
// condition): there is no Node there, so WebSocket clients use the
// browser's WebSocket (browser-transport.ts) and servers cannot listen. The
// page's bundle does not carry the Node code.
import type { Transport } from './transport';

/** Outside Node: none. */
export function nodeTransport(): Transport | null {
  return null;
}
