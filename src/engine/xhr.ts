// QML's XMLHttpRequest, ported from Qt 6.4's qqmlxmlhttprequest.cpp: the
// states and the callbacks in Qt's order (onreadystatechange for each step,
// then onload or onerror, then onloadend), Qt's DOM exceptions ("Invalid
// state", code 11; "Incorrect argument count" and "Unsupported HTTP method
// type", code 12), a relative url resolved against the QML file, and Qt's
// handling of HTTP error statuses: most of them still deliver their body
// (state 3 twice, then 4, onload), while 407, 409 and 410 end as network
// errors do (status 0, onerror). The network itself is an HttpTransport:
// fetch in a page, node:http in the Node tools (xhr-node.ts).
import type { QmlXmlDocument } from './xhr-dom';
import { parseXmlDocument } from './xhr-dom';

/** A request as the transport makes it. */
export interface HttpRequest {
  method: string;
  url: string;
  /** Names as the scene wrote them; repeated names already joined with ",". */
  headers: Array<[string, string]>;
  body: Uint8Array | null;
}

/** What the transport reports, in this order: headers, any number of chunks, then end or fail. */
export interface HttpResponseSink {
  /** The status line and the headers in the order the server sent them. */
  headers(status: number, statusText: string, headers: Array<[string, string]>): void;
  data(chunk: Uint8Array): void;
  end(): void;
  /**
   * The request failed without a complete response (refused, unknown host,
   * connection lost); `asContent` for a local file that could not be read,
   * which Qt ends as it ends a 404.
   */
  fail(asContent?: boolean): void;
}

export interface HttpTransport {
  /**
   * Whether the transport follows redirects itself (fetch does). Otherwise a
   * redirect is reported as any reply and the request follows it as Qt's
   * XMLHttpRequest does.
   */
  followsRedirects?: boolean;
  /** Starts a request; returns a function that abandons it (no more calls to the sink). */
  send(request: HttpRequest, sink: HttpResponseSink): () => void;
  /**
   * Makes a request and waits for the whole response (open(method, url,
   * false)); null where it cannot block, and the request is then made
   * asynchronously.
   */
  sendSync?(request: HttpRequest): SyncResponse | null;
  /**
   * Whether a local file may be read (GET) or written (PUT): Qt's
   * QML_XHR_ALLOW_FILE_READ and QML_XHR_ALLOW_FILE_WRITE.
   */
  allowFile?(write: boolean): boolean;
}

export type SyncResponse =
  | { ok: true; status: number; statusText: string; headers: Array<[string, string]>; body: Uint8Array }
  /** `asContent`: a local file that could not be read (see HttpResponseSink.fail). */
  | { ok: false; asContent?: boolean };

const UNSENT = 0;
const OPENED = 1;
const HEADERS_RECEIVED = 2;
const LOADING = 3;
const DONE = 4;

const INVALID_STATE_ERR = 11;
const SYNTAX_ERR = 12;

const METHODS = new Set(['GET', 'PUT', 'HEAD', 'POST', 'DELETE', 'OPTIONS', 'PROPFIND', 'PATCH']);
/** Methods whose request carries the data given to send(). */
const WITH_BODY = new Set(['POST', 'PUT', 'OPTIONS', 'PROPFIND', 'PATCH']);
/** Headers setRequestHeader leaves out without a word. */
const FORBIDDEN_HEADERS = new Set([
  'ACCEPT-CHARSET',
  'ACCEPT-ENCODING',
  'CONNECTION',
  'CONTENT-LENGTH',
  'COOKIE',
  'COOKIE2',
  'CONTENT-TRANSFER-ENCODING',
  'DATE',
  'EXPECT',
  'HOST',
  'KEEP-ALIVE',
  'REFERER',
  'TE',
  'TRAILER',
  'TRANSFER-ENCODING',
  'UPGRADE',
  'USER-AGENT',
  'VIA',
]);

/**
 * HTTP error statuses whose reply Qt ends like content (QNetworkReply's
 * content and server errors: state 3 again, then 4 with the status and
 * the body, onload); every other error status ends like a network error.
 */
function endsAsContent(status: number): boolean {
  switch (status) {
    case 407: // ProxyAuthenticationRequiredError
    case 409: // ContentConflictError
    case 410: // ContentGoneError
      return false;
    default:
      return true;
  }
}

/** Qt's DOM exception: an Error with an enumerable `code`. */
function domError(code: number, message: string): Error {
  const e = new Error(message);
  (e as Error & { code: number }).code = code;
  return e;
}

const utf8 = new TextEncoder();

/** What a request object needs from the engine. */
export interface XhrHost {
  transport: HttpTransport;
  /** Reports an exception thrown by a callback as Qt's warning. */
  report(error: unknown): void;
  /** Prints a warning line. */
  warn(message: string): void;
  /** A request on the network, until its reply ends or is dropped (the engine's end drops them). */
  track(request: { destroyNetwork(): void }): void;
  untrack(request: { destroyNetwork(): void }): void;
}

class Request {
  state = UNSENT;
  errorFlag = false;
  sendFlag = false;
  method = '';
  url = '';
  sync = false;
  data: Uint8Array | null = null;
  headers: Array<[string, string]> = [];
  status = 0;
  statusText = '';
  responseHeaders: Array<[string, string]> = [];
  chunks: Uint8Array[] = [];
  length = 0;
  body: Uint8Array | null = null;
  responseType = '';
  parsed: { value: unknown } | null = null;
  gotXml = false;
  mime = '';
  charset = '';
  cancel: (() => void) | null = null;

  constructor(
    readonly host: XhrHost,
    readonly baseUrl: string,
  ) {}

  bytes(): Uint8Array {
    if (this.body === null) {
      if (this.chunks.length === 1) this.body = this.chunks[0]!;
      else {
        const all = new Uint8Array(this.length);
        let at = 0;
        for (const c of this.chunks) {
          all.set(c, at);
          at += c.length;
        }
        this.body = all;
        this.chunks = this.length > 0 ? [all] : [];
      }
    }
    return this.body;
  }

  clearBody(): void {
    this.chunks = [];
    this.length = 0;
    this.body = null;
  }

  text(): string {
    // Qt's findTextDecoder, made afresh at each read: the charset the headers
    // named (known once the reply has ended), else a byte-order mark, else
    // UTF-8. A decoder that is never flushed: an incomplete last character
    // is left out.
    const body = this.bytes();
    let decoder: TextDecoder | null = null;
    if (this.charset !== '') {
      const own = decodeQtCharset(this.charset, body);
      if (own !== null) return own;
      try {
        decoder = new TextDecoder(this.charset);
      } catch {
        decoder = null;
      }
    }
    if (decoder === null && body.length >= 2 && body[0] === 0xff && body[1] === 0xfe)
      decoder = new TextDecoder('utf-16le');
    if (decoder === null && body.length >= 2 && body[0] === 0xfe && body[1] === 0xff)
      decoder = new TextDecoder('utf-16be');
    return (decoder ?? new TextDecoder('utf-8')).decode(body, { stream: true });
  }

  destroyNetwork(): void {
    this.generation++;
    const cancel = this.cancel;
    this.cancel = null;
    if (cancel) {
      this.host.untrack(this);
      cancel();
    }
  }

  /** Bumped when the network reply is dropped (abort, open, the end): a reply's callback that did so stops it. */
  private generation = 0;

  /**
   * The object the reply's callbacks are called on: set by send(), cleared
   * once a reply has finished (Qt's m_thisObject), so that a request sent
   * again from its own final callbacks calls nothing, as in Qt.
   */
  thisObject: object | null = null;

  /** dispatchCallbackNow: onreadystatechange, then onload/onerror and onloadend once done. */
  dispatch(owner: object): void {
    const call = (name: string): void => {
      const f = (owner as Record<string, unknown>)[name];
      if (typeof f !== 'function') return;
      try {
        f.call(undefined);
      } catch (e) {
        this.host.report(e);
      }
    };
    call('onreadystatechange');
    if (this.state === DONE) {
      call(this.errorFlag ? 'onerror' : 'onload');
      call('onloadend');
    }
  }

  /** The reply's callbacks; false when one of them dropped the reply (abort(), open()). */
  private dispatchSafely(): boolean {
    const owner = this.thisObject;
    if (owner === null) return true;
    const generation = this.generation;
    this.dispatch(owner);
    return this.generation === generation;
  }

  readEncoding(): void {
    for (const [name, value] of this.responseHeaders) {
      if (name !== 'content-type') continue;
      const semicolon = value.indexOf(';');
      if (semicolon === -1) this.mime = value;
      else {
        this.mime = value.slice(0, semicolon);
        let at = value.indexOf('charset=');
        if (at !== -1) {
          at += 8;
          const end = value.indexOf(';', at);
          this.charset = value.slice(at, end >= 0 ? end : value.length);
        }
      }
      break;
    }
    const mime = this.mime;
    if (mime === '' || mime === 'text/xml' || mime === 'application/xml' || mime.endsWith('+xml'))
      this.gotXml = true;
  }

  /** The reply's headers, names in lower case, a repeated name once with its values joined by ", " (QNetworkReply's raw headers). */
  fillHeaders(headers: Array<[string, string]>): void {
    const list: Array<[string, string]> = [];
    for (const [name, value] of headers) {
      const lower = name.toLowerCase();
      if (lower === 'set-cookie' || lower === 'set-cookie2') continue;
      const seen = list.find(([n]) => n === lower);
      if (seen) seen[1] = `${seen[1]}, ${value}`;
      else list.push([lower, value]);
    }
    this.responseHeaders = list;
  }

  received(status: number, statusText: string, headers: Array<[string, string]>): void {
    this.status = status;
    this.statusText = statusText;
    this.pendingHeaders = headers;
  }

  /** The headers of the reply, filled in at the first chunk or at the end (Qt's readyRead/finished). */
  private pendingHeaders: Array<[string, string]> = [];

  readyRead(chunk: Uint8Array): void {
    if (this.state < HEADERS_RECEIVED) {
      this.state = HEADERS_RECEIVED;
      this.fillHeaders(this.pendingHeaders);
      if (!this.dispatchSafely()) return;
    }
    const wasEmpty = this.length === 0;
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.length += chunk.length;
      this.body = null;
    }
    if (wasEmpty && this.length > 0) this.state = LOADING;
    this.dispatchSafely();
  }

  finished(): void {
    if (this.followRedirect()) return;
    if (this.status >= 400) {
      this.error(endsAsContent(this.status));
      return;
    }
    if (this.state < HEADERS_RECEIVED) {
      this.state = HEADERS_RECEIVED;
      this.fillHeaders(this.pendingHeaders);
      if (!this.dispatchSafely()) return;
    }
    this.readEncoding();
    this.data = null;
    this.destroyNetwork();
    if (this.state < LOADING) {
      this.state = LOADING;
      if (!this.dispatchSafely()) return;
    }
    this.state = DONE;
    this.dispatchSafely();
    // (a request sent again from those callbacks keeps no object to call: Qt's quirk)
    this.thisObject = null;
  }

  /** Replies counted since send(): Qt follows redirects for the first 14 (XMLHTTPREQUEST_MAXIMUM_REDIRECT_RECURSION). */
  redirects = 0;
  /** Where the current reply comes from (the url, or the last redirect's target). */
  currentUrl = '';

  /**
   * Qt's finished(): a redirect (301, 302, 303, 307, 308 with a Location)
   * is followed, except to a local file, with the same method and data
   * (GET after a 303), the reply so far dropped but its headers kept.
   */
  private followRedirect(): boolean {
    this.redirects++;
    if (this.host.transport.followsRedirects || this.redirects >= 15) return false;
    if (![301, 302, 303, 307, 308].includes(this.status)) return false;
    const location = this.pendingHeaders.find(([n]) => n.toLowerCase() === 'location')?.[1];
    if (location === undefined || location === '') return false;
    let target: URL;
    try {
      target = new URL(location, this.currentUrl);
    } catch {
      return false;
    }
    if (target.protocol === 'file:') return false;
    if (this.status === 303 && this.method !== 'GET') this.method = 'GET';
    this.destroyNetwork();
    this.clearBody();
    this.currentUrl = target.href;
    this.request();
    return true;
  }

  /** A failed request; `asContent` for the HTTP error statuses that keep their reply. */
  error(asContent: boolean): void {
    this.data = null;
    this.destroyNetwork();
    if (asContent) {
      this.state = LOADING;
      if (!this.dispatchSafely()) return;
    } else {
      this.errorFlag = true;
      this.clearBody();
    }
    this.state = DONE;
    this.dispatchSafely();
  }

  request(): void {
    // (QNetworkRequest::setRawHeader: an empty value removes the header; an empty name is none)
    const headers = this.headers
      .filter(([n, v]) => n !== '' && v !== '')
      .map(([n, v]) => [n, v] as [string, string]);
    if (this.method === 'POST' || this.method === 'PUT') {
      // Qt names the charset of the data it sends (UTF-8).
      const i = headers.findIndex(([n]) => n.toLowerCase() === 'content-type');
      if (i < 0) headers.push(['Content-Type', 'text/plain;charset=UTF-8']);
      else {
        let value = headers[i]![1];
        const at = value.indexOf('charset=');
        if (at === -1) value = `${value}${value === '' ? '' : ';'}charset=UTF-8`;
        else {
          const end = value.indexOf(';', at + 8);
          value = `${value.slice(0, at + 8)}UTF-8${end === -1 ? '' : value.slice(end)}`;
        }
        headers[i] = [headers[i]![0], value];
      }
    }
    const req: HttpRequest = {
      method: this.method,
      url: this.currentUrl,
      headers,
      body: WITH_BODY.has(this.method) ? (this.data ?? new Uint8Array(0)) : null,
    };
    const transport = this.host.transport;
    if (this.sync) {
      const reply = transport.sendSync?.(req);
      if (reply) {
        if (!reply.ok) this.error(reply.asContent === true);
        else {
          this.received(reply.status, reply.statusText, reply.headers);
          if (reply.body.length > 0) this.readyRead(reply.body);
          this.finished();
        }
        return;
      }
    }
    let live = true;
    const cancel = transport.send(req, {
      headers: (status, statusText, headers) => {
        if (live) this.received(status, statusText, headers);
      },
      data: (chunk) => {
        if (live) this.readyRead(chunk);
      },
      end: () => {
        if (!live) return;
        live = false;
        this.finished();
      },
      fail: (asContent) => {
        if (!live) return;
        live = false;
        this.status = 0;
        this.statusText = '';
        this.error(asContent === true);
      },
    });
    this.cancel = () => {
      live = false;
      cancel();
    };
    this.host.track(this);
  }
}

/** Charsets whose web name means another encoding (windows-1252): Qt's ISO-8859-1 and US-ASCII. */
const LATIN1 = new Set([
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'latin-1',
  'l1',
  'cp819',
  'ibm819',
]);
const ASCII = new Set(['us-ascii', 'ascii', 'ansi_x3.4-1968', 'iso646-us']);

/** `bytes` in a charset Qt decodes differently from TextDecoder, or null. */
export function decodeQtCharset(charset: string, bytes: Uint8Array): string | null {
  const name = charset.trim().toLowerCase();
  const latin1 = LATIN1.has(name);
  if (!latin1 && !ASCII.has(name)) return null;
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const part = Array.from(bytes.subarray(i, i + 8192), (b) => (latin1 || b < 0x80 ? b : 0xfffd));
    out += String.fromCharCode(...part);
  }
  return out;
}

/** The request behind each XMLHttpRequest object (its prototype's methods look it up). */
const requests = new WeakMap<object, Request>();

function requestOf(self: unknown): Request {
  const r = typeof self === 'object' && self !== null ? requests.get(self) : undefined;
  if (r === undefined) throw new ReferenceError('Not an XMLHttpRequest object');
  return r;
}

function toStringNoThrow(v: unknown): string {
  try {
    return String(v);
  } catch {
    return '';
  }
}

function makePrototype(): object {
  const proto: Record<string, unknown> = {};
  const method = (name: string, fn: (this: unknown, ...args: unknown[]) => unknown) =>
    Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
  const getter = (name: string, get: (r: Request) => unknown, set?: (r: Request, v: unknown) => void) =>
    Object.defineProperty(proto, name, {
      get(this: unknown) {
        return get(requestOf(this));
      },
      set: set
        ? function (this: unknown, v: unknown) {
            set(requestOf(this), v);
          }
        : undefined,
      configurable: true,
    });

  method('open', function (this: unknown, ...args: unknown[]) {
    const r = requestOf(this);
    if (args.length < 2 || args.length > 5) throw domError(SYNTAX_ERR, 'Incorrect argument count');
    const verb = toStringNoThrow(args[0]).toUpperCase();
    if (!METHODS.has(verb)) throw domError(SYNTAX_ERR, 'Unsupported HTTP method type');
    let url = toStringNoThrow(args[1]);
    try {
      const u = new URL(url, r.baseUrl || undefined);
      u.hash = '';
      if (args.length > 3) u.username = toStringNoThrow(args[3]);
      if (args.length > 4) u.password = toStringNoThrow(args[4]);
      url = u.href;
    } catch {
      // kept as written: the request fails when it is sent
    }
    r.destroyNetwork();
    r.sendFlag = false;
    r.errorFlag = false;
    r.clearBody();
    r.method = verb;
    r.url = url;
    r.sync = args.length > 2 && !args[2];
    r.state = OPENED;
    r.headers = [];
    r.dispatch(this as object);
    return undefined;
  });

  method('setRequestHeader', function (this: unknown, ...args: unknown[]) {
    const r = requestOf(this);
    if (args.length !== 2) throw domError(SYNTAX_ERR, 'Incorrect argument count');
    if (r.state !== OPENED || r.sendFlag) throw domError(INVALID_STATE_ERR, 'Invalid state');
    const name = toStringNoThrow(args[0]);
    const value = toStringNoThrow(args[1]);
    const upper = name.toUpperCase();
    if (FORBIDDEN_HEADERS.has(upper) || upper.startsWith('PROXY-') || upper.startsWith('SEC-'))
      return undefined;
    const lower = name.toLowerCase();
    const existing = r.headers.findIndex(([n]) => n.toLowerCase() === lower);
    if (existing >= 0) r.headers[existing]![1] = `${r.headers[existing]![1]},${value}`;
    else r.headers.push([name, value]);
    return undefined;
  });

  method('send', function (this: unknown, ...args: unknown[]) {
    const r = requestOf(this);
    if (r.state !== OPENED || r.sendFlag) throw domError(INVALID_STATE_ERR, 'Invalid state');
    let data = new Uint8Array(0);
    if (args.length > 0) {
      const a = args[0];
      data = a instanceof ArrayBuffer ? new Uint8Array(a.slice(0)) : utf8.encode(toStringNoThrow(a));
    }
    if (r.url.startsWith('file:')) {
      // Qt 6: only GET and PUT on local files, and only when allowed.
      r.sendFlag = true;
      const write = r.method === 'PUT';
      if (!write && r.method !== 'GET') {
        r.host.warn('XMLHttpRequest: Unsupported method used on a local file');
        return undefined;
      }
      if (!(r.host.transport.allowFile?.(write) ?? false)) {
        r.host.warn(
          write
            ? 'XMLHttpRequest: Using PUT on a local file is disabled by default.\nSet QML_XHR_ALLOW_FILE_WRITE to 1 to enable this feature.'
            : 'XMLHttpRequest: Using GET on a local file is disabled by default.\nSet QML_XHR_ALLOW_FILE_READ to 1 to enable this feature.',
        );
        return undefined;
      }
    }
    r.errorFlag = false;
    r.sendFlag = true;
    r.data = data;
    r.thisObject = this as object;
    r.redirects = 0;
    r.currentUrl = r.url;
    r.request();
    return undefined;
  });

  method('abort', function (this: unknown) {
    const r = requestOf(this);
    r.destroyNetwork();
    r.clearBody();
    r.errorFlag = true;
    if (!(r.state === UNSENT || (r.state === OPENED && !r.sendFlag) || r.state === DONE)) {
      r.state = DONE;
      r.sendFlag = false;
      r.dispatch(this as object);
    }
    r.state = UNSENT;
    return undefined;
  });

  const headersReadable = (r: Request) =>
    r.state === LOADING || r.state === DONE || r.state === HEADERS_RECEIVED;

  method('getResponseHeader', function (this: unknown, ...args: unknown[]) {
    const r = requestOf(this);
    if (args.length !== 1) throw domError(SYNTAX_ERR, 'Incorrect argument count');
    if (!headersReadable(r)) throw domError(INVALID_STATE_ERR, 'Invalid state');
    const name = toStringNoThrow(args[0]).toLowerCase();
    for (const [n, v] of r.responseHeaders) if (n === name) return v;
    return '';
  });

  method('getAllResponseHeaders', function (this: unknown, ...args: unknown[]) {
    const r = requestOf(this);
    if (args.length !== 0) throw domError(SYNTAX_ERR, 'Incorrect argument count');
    if (!headersReadable(r)) throw domError(INVALID_STATE_ERR, 'Invalid state');
    return r.responseHeaders.map(([n, v]) => `${n}: ${v}`).join('\r\n');
  });

  getter('readyState', (r) => r.state);
  getter('status', (r) => {
    if (r.state === UNSENT || r.state === OPENED) throw domError(INVALID_STATE_ERR, 'Invalid state');
    return r.errorFlag ? 0 : r.status;
  });
  getter('statusText', (r) => {
    if (r.state === UNSENT || r.state === OPENED) throw domError(INVALID_STATE_ERR, 'Invalid state');
    return r.errorFlag ? '' : r.statusText;
  });
  getter('responseText', (r) => (r.state === LOADING || r.state === DONE ? r.text() : ''));
  getter('responseXML', (r) => {
    if (!r.gotXml || (r.state !== LOADING && r.state !== DONE)) return null;
    if (r.responseType === '') r.responseType = 'document';
    return xmlBody(r);
  });
  getter('response', (r) => {
    if (r.state !== LOADING && r.state !== DONE) return '';
    const type = r.responseType.toLowerCase();
    if (type === '' || type === 'text') return r.text();
    if (type === 'arraybuffer') return r.bytes().slice().buffer;
    if (type === 'json') {
      if (r.parsed === null) {
        let value: unknown;
        try {
          value = JSON.parse(r.text());
        } catch {
          throw new SyntaxError('JSON.parse: Parse error');
        }
        r.parsed = { value };
      }
      return r.parsed.value;
    }
    if (type === 'document') return xmlBody(r);
    return '';
  });
  getter(
    'responseType',
    (r) => r.responseType,
    (r, v) => {
      r.responseType = toStringNoThrow(v);
    },
  );
  for (const [name, value] of STATES) Object.defineProperty(proto, name, { value, enumerable: false });
  return proto;
}

function xmlBody(r: Request): QmlXmlDocument | null {
  if (r.parsed === null) r.parsed = { value: parseXmlDocument(r.bytes()) };
  return r.parsed.value as QmlXmlDocument | null;
}

const STATES: Array<[string, number]> = [
  ['UNSENT', UNSENT],
  ['OPENED', OPENED],
  ['HEADERS_RECEIVED', HEADERS_RECEIVED],
  ['LOADING', LOADING],
  ['DONE', DONE],
];

/** XMLHttpRequest constructors of one engine: one per QML file (its url resolves relative ones), one prototype. */
export class XhrConstructors {
  private readonly proto = makePrototype();
  private readonly byUrl = new Map<string, unknown>();
  private readonly live = new Set<{ destroyNetwork(): void }>();
  private readonly host: XhrHost;

  constructor(host: Omit<XhrHost, 'track' | 'untrack'>) {
    this.host = { ...host, track: (r) => this.live.add(r), untrack: (r) => this.live.delete(r) };
  }

  /** Drops every request still on the network (the engine's end, as Qt deletes its replies). */
  shutdown(): void {
    for (const r of [...this.live]) r.destroyNetwork();
    this.live.clear();
  }

  /** The constructor the code of the file at `url` sees as `XMLHttpRequest`. */
  forUrl(url: string): unknown {
    let ctor = this.byUrl.get(url);
    if (ctor === undefined) {
      const { proto, host } = this;
      // A function, not a class: Qt's constructor called without `new` returns undefined.
      const XMLHttpRequest = function (this: unknown): object | undefined {
        if (!new.target) return undefined;
        const self = Object.create(proto) as object;
        requests.set(self, new Request(host, url));
        return self;
      };
      XMLHttpRequest.prototype = proto;
      for (const [name, value] of STATES)
        Object.defineProperty(XMLHttpRequest, name, { value, enumerable: false });
      ctor = XMLHttpRequest;
      this.byUrl.set(url, ctor);
    }
    return ctor;
  }
}

/** The bytes of a string of byte values (the low byte of each character). */
function bytesOf(binary: string): Uint8Array {
  return Uint8Array.from(binary, (c) => c.charCodeAt(0) & 0xff);
}

/**
 * A data: url's reply as Qt's network access manager makes it: status 0,
 * the media type and the length as headers, the decoded bytes; null for a
 * malformed one.
 */
export function dataUrlReply(url: string): SyncResponse | null {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0) return null;
  let type = url.slice(5, comma);
  const base64 = /;base64$/i.test(type);
  if (base64) type = type.slice(0, -7);
  const data = url.slice(comma + 1);
  let body: Uint8Array;
  try {
    body = bytesOf(base64 ? atob(decodeURIComponent(data)) : unescape(data));
  } catch {
    return null;
  }
  const headers: Array<[string, string]> = [
    ['content-type', type === '' ? 'text/plain;charset=US-ASCII' : type],
    ['content-length', String(body.length)],
  ];
  return { ok: true, status: 0, statusText: '', headers, body };
}

/** A reply known at once (a data: url), delivered as a transport delivers one. */
export function sendKnown(reply: SyncResponse | null, sink: HttpResponseSink): () => void {
  let stopped = false;
  queueMicrotask(() => {
    if (stopped) return;
    if (reply === null || !reply.ok) {
      sink.fail();
      return;
    }
    sink.headers(reply.status, reply.statusText, reply.headers);
    if (reply.body.length > 0) sink.data(reply.body);
    if (!stopped) sink.end();
  });
  return () => {
    stopped = true;
  };
}

/** The page's transport: fetch, reading the body as it arrives. */
export const fetchTransport: HttpTransport = {
  followsRedirects: true,
  send(request, sink) {
    if (request.url.startsWith('data:')) return sendKnown(dataUrlReply(request.url), sink);
    const controller = new AbortController();
    let done = false;
    void (async () => {
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body as BodyInit | null,
          signal: controller.signal,
          redirect: 'follow',
        });
      } catch {
        if (!done) sink.fail();
        return;
      }
      if (done) return;
      sink.headers(response.status, response.statusText, [...response.headers]);
      try {
        const reader = response.body?.getReader();
        if (reader)
          for (;;) {
            const { value, done: end } = await reader.read();
            if (done) return;
            if (end) break;
            if (value) sink.data(value);
          }
      } catch {
        if (!done) sink.fail();
        return;
      }
      if (!done) sink.end();
    })();
    return () => {
      done = true;
      controller.abort();
    };
  },
  sendSync(request) {
    if (request.url.startsWith('data:')) return dataUrlReply(request.url) ?? { ok: false };
    // The browser's own synchronous request (fetch cannot block); the body as bytes.
    const Native = (globalThis as { XMLHttpRequest?: typeof XMLHttpRequest }).XMLHttpRequest;
    if (Native === undefined) return null;
    const x = new Native();
    try {
      x.open(request.method, request.url, false);
      x.overrideMimeType('text/plain; charset=x-user-defined');
      for (const [n, v] of request.headers) x.setRequestHeader(n, v);
      x.send(request.body as XMLHttpRequestBodyInit | null);
    } catch {
      return { ok: false };
    }
    if (x.status === 0) return { ok: false };
    // (x-user-defined: each byte one character, in U+F780..U+F7FF past 0x7F)
    const body = bytesOf(x.responseText);
    const headers: Array<[string, string]> = [];
    for (const line of x.getAllResponseHeaders().split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
    }
    return { ok: true, status: x.status, statusText: x.statusText, headers, body };
  },
};
