// XMLHttpRequest.responseXML: the read-only DOM subset of Qt 6.4's
// qqmlxmlhttprequest.cpp (Document, Element, Attr, Text, CDATASection;
// nodeName, nodeValue, nodeType, namespaceUri, parentNode, childNodes,
// first/lastChild, previous/nextSibling, attributes, tagName, name, value,
// ownerElement, data, length, isElementContentWhitespace, wholeText,
// xmlVersion, xmlEncoding, xmlStandalone, documentElement). As in Qt, the
// document keeps its root element apart (document.childNodes is empty),
// comments and processing instructions are dropped, a new wrapper is made
// at each access, and a body that is not well-formed XML gives null.

import { decodeQtCharset } from './xhr';

const ELEMENT = 1;
const ATTR = 2;
const TEXT = 3;
const CDATA = 4;
const DOCUMENT = 9;

interface NodeImpl {
  type: number;
  name: string;
  namespaceUri: string;
  data: string;
  parent: NodeImpl | null;
  children: NodeImpl[];
  attributes: NodeImpl[];
}

interface DocumentImpl extends NodeImpl {
  version: string;
  encoding: string;
  standalone: boolean;
  root: NodeImpl | null;
}

/** The document object a script gets (opaque: its properties come from prototypes). */
export type QmlXmlDocument = object;

const impls = new WeakMap<object, NodeImpl>();

function implOf(self: unknown): NodeImpl {
  const d = typeof self === 'object' && self !== null ? impls.get(self) : undefined;
  if (d === undefined) throw new TypeError('Type error');
  return d;
}

function accessors(proto: object, table: Record<string, (d: NodeImpl) => unknown>): object {
  for (const [name, get] of Object.entries(table))
    Object.defineProperty(proto, name, {
      get(this: unknown) {
        return get(implOf(this));
      },
      configurable: false,
    });
  return Object.freeze(proto);
}

let protos: Record<number, object> | null = null;

function prototypes(): Record<number, object> {
  if (protos !== null) return protos;
  const node = accessors(
    {},
    {
      nodeName: (d) =>
        d.type === DOCUMENT
          ? '#document'
          : d.type === CDATA
            ? '#cdata-section'
            : d.type === TEXT
              ? '#text'
              : d.name,
      nodeValue: (d) => (d.type === DOCUMENT || d.type === ELEMENT ? null : d.data),
      nodeType: (d) => d.type,
      namespaceUri: (d) => d.namespaceUri,
      parentNode: (d) => (d.parent ? wrap(d.parent) : null),
      childNodes: (d) => nodeList(d.children),
      firstChild: (d) => (d.children.length > 0 ? wrap(d.children[0]!) : null),
      lastChild: (d) => (d.children.length > 0 ? wrap(d.children[d.children.length - 1]!) : null),
      previousSibling: (d) => sibling(d, -1),
      nextSibling: (d) => sibling(d, 1),
      attributes: (d) => (d.type === ELEMENT ? namedNodeMap(d.attributes) : null),
    },
  );
  const element = accessors(Object.create(node), { tagName: (d) => d.name });
  const attr = accessors(Object.create(node), {
    name: (d) => d.name,
    value: (d) => d.data,
    ownerElement: (d) => (d.parent ? wrap(d.parent) : undefined),
  });
  const characterData = accessors(Object.create(node), { data: (d) => d.data, length: (d) => d.data.length });
  const text = accessors(Object.create(characterData), {
    isElementContentWhitespace: (d) => d.data.trim() === '',
    wholeText: (d) => d.data,
  });
  const cdata = Object.freeze(Object.create(text));
  const documentProto = accessors(Object.create(node), {
    xmlVersion: (d) => (d as DocumentImpl).version,
    xmlEncoding: (d) => (d as DocumentImpl).encoding,
    xmlStandalone: (d) => (d as DocumentImpl).standalone,
    documentElement: (d) => {
      const root = (d as DocumentImpl).root;
      return root ? wrap(root) : undefined;
    },
  });
  protos = { [ELEMENT]: element, [ATTR]: attr, [TEXT]: text, [CDATA]: cdata, [DOCUMENT]: documentProto };
  return protos;
}

function wrap(d: NodeImpl): object {
  const o = Object.create(prototypes()[d.type]!) as object;
  impls.set(o, d);
  return o;
}

function sibling(d: NodeImpl, step: number): object | null {
  const list = d.parent?.children;
  if (!list) return null;
  const i = list.indexOf(d);
  const s = i < 0 ? undefined : list[i + step];
  return s ? wrap(s) : null;
}

/** A live list: indices and `length`. */
function nodeList(list: NodeImpl[]): object {
  return new Proxy(
    {},
    {
      get(_t, key) {
        if (key === 'length') return list.length;
        if (typeof key === 'string' && /^\d+$/.test(key)) {
          const n = list[Number(key)];
          return n ? wrap(n) : undefined;
        }
        return undefined;
      },
      has: (_t, key) =>
        key === 'length' || (typeof key === 'string' && /^\d+$/.test(key) && Number(key) < list.length),
    },
  );
}

/** Attributes: by index, by name, and `length`. */
function namedNodeMap(list: NodeImpl[]): object {
  return new Proxy(
    {},
    {
      get(_t, key) {
        if (typeof key !== 'string') return undefined;
        if (/^\d+$/.test(key)) {
          const n = list[Number(key)];
          return n ? wrap(n) : undefined;
        }
        if (key === 'length') return list.length;
        const n = list.find((a) => a.name === key);
        return n ? wrap(n) : undefined;
      },
    },
  );
}

// ---- parsing ---------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class XmlError extends Error {}

function decodeEntities(s: string, entities: Record<string, string> = ENTITIES): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);?/g, (m, ref: string) => {
    if (!m.endsWith(';')) throw new XmlError('bad reference');
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (!(cp > 0 && cp <= 0x10ffff)) throw new XmlError('bad character reference');
      return String.fromCodePoint(cp);
    }
    const e = Object.hasOwn(entities, ref) ? entities[ref] : undefined;
    if (e === undefined) throw new XmlError(`undeclared entity ${ref}`);
    return e;
  });
}

const NAME = /^[A-Za-z_:\u00c0-\uffff][\w.:\-\u00b7\u00c0-\uffff]*/;

function node(type: number, name: string, parent: NodeImpl | null): NodeImpl {
  return { type, name, namespaceUri: '', data: '', parent, children: [], attributes: [] };
}

/** The document in `bytes` (UTF-8 or UTF-16 with its mark), or null where Qt's reader would report an error. */
export function parseXmlDocument(bytes: Uint8Array): QmlXmlDocument | null {
  let text: string;
  try {
    const utf16 =
      bytes.length >= 2 &&
      ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    // (the declaration's encoding, for a document without a byte-order mark)
    const declared = utf16
      ? null
      : /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(String.fromCharCode(...bytes.subarray(0, 200)));
    const own = declared ? decodeQtCharset(declared[1]!, bytes) : null;
    text =
      own ??
      new TextDecoder(
        utf16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : declared ? declared[1]!.trim() : 'utf-8',
        { fatal: true },
      ).decode(bytes);
  } catch {
    return null;
  }
  // XML's end-of-line handling: \r\n and a lone \r read as \n
  text = text.replace(/\r\n?/g, '\n');
  try {
    return wrap(parse(text));
  } catch (e) {
    if (e instanceof XmlError) return null;
    throw e;
  }
}

function parse(src: string): DocumentImpl {
  const doc: DocumentImpl = {
    ...node(DOCUMENT, '', null),
    version: '',
    encoding: '',
    standalone: false,
    root: null,
  };
  let i = 0;
  const decl =
    /^<\?xml\s+version\s*=\s*(["'])([^"']*)\1(?:\s+encoding\s*=\s*(["'])([^"']*)\3)?(?:\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>/.exec(
      src,
    );
  if (decl) {
    doc.version = decl[2]!;
    doc.encoding = decl[4] ?? '';
    doc.standalone = decl[6] === 'yes';
    i = decl[0].length;
  } else if (src.startsWith('<?xml')) throw new XmlError('bad declaration');
  const entities: Record<string, string> = { ...ENTITIES };
  const stack: NodeImpl[] = [];
  /** Namespace scopes: prefix -> uri, one map per open element. */
  const scopes: Array<Map<string, string>> = [];
  const lookup = (prefix: string): string => {
    for (let k = scopes.length - 1; k >= 0; k--) {
      const u = scopes[k]!.get(prefix);
      if (u !== undefined) return u;
    }
    if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
    if (prefix !== '') throw new XmlError(`undeclared prefix ${prefix}`);
    return '';
  };
  let rootClosed = false;
  const addText = (data: string, type: number) => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (data.trim() !== '' || type === CDATA) throw new XmlError('content outside the root element');
      return;
    }
    const t = node(type, '', top);
    t.data = data;
    top.children.push(t);
  };
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    if (lt !== i) {
      const raw = lt < 0 ? src.slice(i) : src.slice(i, lt);
      addText(decodeEntities(raw, entities), TEXT);
      if (lt < 0) break;
      i = lt;
    }
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      if (end < 0) throw new XmlError('unterminated comment');
      i = end + 3;
    } else if (src.startsWith('<![CDATA[', i)) {
      const end = src.indexOf(']]>', i + 9);
      if (end < 0) throw new XmlError('unterminated CDATA');
      addText(src.slice(i + 9, end), CDATA);
      i = end + 3;
    } else if (src.startsWith('<!DOCTYPE', i)) {
      if (doc.root) throw new XmlError('DOCTYPE after the root');
      let depth = 0;
      let k = i + 9;
      for (; k < src.length; k++) {
        const c = src[k];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth === 0) break;
      }
      if (k >= src.length) throw new XmlError('unterminated DOCTYPE');
      // the internal subset's general entities (`<!ENTITY name "value">`)
      const subset = src.slice(i, k);
      for (const m of subset.matchAll(/<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(["'])([^"']*)\2\s*>/g))
        if (!Object.hasOwn(entities, m[1]!)) entities[m[1]!] = decodeEntities(m[3]!, entities);
      i = k + 1;
    } else if (src.startsWith('<?', i)) {
      const end = src.indexOf('?>', i + 2);
      if (end < 0) throw new XmlError('unterminated processing instruction');
      i = end + 2;
    } else if (src.startsWith('</', i)) {
      const m = NAME.exec(src.slice(i + 2));
      const top = stack.pop();
      const scope = scopes.pop();
      if (!m || !top || scope === undefined) throw new XmlError('unexpected end tag');
      let k = i + 2 + m[0].length;
      while (/\s/.test(src[k] ?? '')) k++;
      if (src[k] !== '>') throw new XmlError('bad end tag');
      if ((top as NodeImpl & { qname?: string }).qname !== m[0]) throw new XmlError('mismatched end tag');
      if (stack.length === 0) rootClosed = true;
      i = k + 1;
    } else {
      const m = NAME.exec(src.slice(i + 1));
      if (!m) throw new XmlError('bad start tag');
      if (rootClosed || (stack.length === 0 && doc.root)) throw new XmlError('second root element');
      let k = i + 1 + m[0].length;
      const attrs: Array<[string, string]> = [];
      for (;;) {
        const ws = /^\s*/.exec(src.slice(k))![0].length;
        k += ws;
        if (src[k] === '>' || src.startsWith('/>', k)) break;
        if (ws === 0) throw new XmlError('attributes need white space');
        const a = NAME.exec(src.slice(k));
        if (!a) throw new XmlError('bad attribute');
        k += a[0].length;
        const eq = /^\s*=\s*(["'])/.exec(src.slice(k));
        if (!eq) throw new XmlError('attribute without a value');
        k += eq[0].length;
        const close = src.indexOf(eq[1]!, k);
        if (close < 0) throw new XmlError('unterminated attribute value');
        const value = src.slice(k, close);
        if (value.includes('<')) throw new XmlError('< in an attribute value');
        if (attrs.some(([n]) => n === a[0])) throw new XmlError('repeated attribute');
        attrs.push([a[0], decodeEntities(value, entities).replace(/[\t\n\r]/g, ' ')]);
        k = close + 1;
      }
      const selfClosing = src[k] === '/';
      i = k + (selfClosing ? 2 : 1);
      const scope = new Map<string, string>();
      for (const [n, v] of attrs) {
        if (n === 'xmlns') scope.set('', v);
        else if (n.startsWith('xmlns:')) scope.set(n.slice(6), v);
      }
      scopes.push(scope);
      const split = (qname: string, isAttr: boolean): [string, string] => {
        const c = qname.indexOf(':');
        if (c < 0) return [qname, isAttr ? '' : lookup('')];
        return [qname.slice(c + 1), lookup(qname.slice(0, c))];
      };
      const parent = stack[stack.length - 1] ?? null;
      const [local, uri] = split(m[0], false);
      const el = node(ELEMENT, local, parent) as NodeImpl & { qname?: string };
      el.namespaceUri = uri;
      el.qname = m[0];
      for (const [n, v] of attrs) {
        if (n === 'xmlns' || n.startsWith('xmlns:')) continue;
        const [an, au] = split(n, true);
        const at = node(ATTR, an, el);
        at.namespaceUri = au;
        at.data = v;
        el.attributes.push(at);
      }
      if (parent) parent.children.push(el);
      else doc.root = el;
      if (selfClosing) {
        scopes.pop();
        if (!parent) rootClosed = true;
      } else stack.push(el);
    }
  }
  if (!doc.root || stack.length > 0) throw new XmlError('premature end of document');
  return doc;
}
