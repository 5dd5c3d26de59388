// xhr-node.ts in a web page (package.json "imports", browser condition):
// XMLHttpRequest goes through fetch there (xhr.ts), and the page's bundle
// does not carry the Node code.
import type { HttpTransport } from './xhr';

/** Outside Node: none. */
export function nodeHttpTransport(): HttpTransport | null {
  return null;
}
