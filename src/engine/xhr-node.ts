// XMLHttpRequest's transport in the Node tools: node:http and node:https,
// reached through process.getBuiltinModule at run time (a page's bundle
// takes xhr-node.browser.ts instead). Unlike fetch, it gives the headers in
// the order the server sent them, as Qt's getAllResponseHeaders lists them,
// and it can block for open(method, url, false), as Qt does, by running the
// request in a child process. Redirects come back as they are: the request
// follows them as Qt's does (xhr.ts). Local files: GET and PUT as Qt's
// network access manager does them, when QML_XHR_ALLOW_FILE_READ / _WRITE is set.
import type * as Http from 'node:http';
import type { HttpRequest, HttpResponseSink, HttpTransport, SyncResponse } from './xhr';
import { dataUrlReply, sendKnown } from './xhr';

interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown;
  env?: Record<string, string | undefined>;
  execPath?: string;
}

/** Qt's HTTP requests name their client so, and take compressed replies. */
const USER_AGENT = 'Mozilla/5.0';
const ACCEPT_ENCODING = 'gzip, deflate, br';

/** A header value as bytes on the wire: Qt sends UTF-8 (Node takes a string of byte values). */
function wireValue(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: every character past Latin-1 is re-encoded
  if (/^[\u0000-\u007f]*$/.test(value)) return value;
  return String.fromCharCode(...new TextEncoder().encode(value));
}

function proc(): NodeProcess | undefined {
  return (globalThis as { process?: NodeProcess }).process;
}

function builtin<T>(id: string): T {
  return proc()!.getBuiltinModule!(id) as T;
}

/** Qt's DEFINE_BOOL_CONFIG_OPTION: set to anything but empty and "0". */
function envFlag(name: string): boolean {
  const v = proc()?.env?.[name];
  return v !== undefined && v !== '' && v !== '0';
}

function request(req: HttpRequest, sink: HttpResponseSink): () => void {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return sendKnown(null, sink);
  }
  if (url.protocol === 'file:') {
    readFile(url, req.method, req.body, sink);
    return () => {};
  }
  if (url.protocol === 'data:') return sendKnown(dataUrlReply(url.href), sink);
  const lib =
    url.protocol === 'https:'
      ? builtin<typeof import('node:https')>('node:https')
      : url.protocol === 'http:'
        ? builtin<typeof Http>('node:http')
        : null;
  if (lib === null) return sendKnown(null, sink);
  const body = req.body;
  const sent: Record<string, string> = { 'User-Agent': USER_AGENT, 'Accept-Encoding': ACCEPT_ENCODING };
  for (const [n, v] of req.headers) sent[n] = wireValue(v);
  if (body !== null) sent['Content-Length'] = String(body.length);
  let stopped = false;
  let r: Http.ClientRequest;
  try {
    r = lib.request(url, { method: req.method, headers: sent }, (res) => {
      const pairs: Array<[string, string]> = [];
      for (let k = 0; k + 1 < res.rawHeaders.length; k += 2)
        pairs.push([res.rawHeaders[k]!, res.rawHeaders[k + 1]!]);
      sink.headers(res.statusCode ?? 0, res.statusMessage ?? '', pairs);
      const stream = decoded(res);
      stream.on('data', (chunk: Buffer) => {
        if (!stopped) sink.data(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      });
      stream.on('end', () => {
        if (!stopped) sink.end();
      });
      stream.on('error', () => {
        if (!stopped) sink.fail();
      });
    });
  } catch {
    // (a header Node refuses to send: the request fails as a connection would)
    return sendKnown(null, sink);
  }
  r.on('error', () => {
    if (!stopped) sink.fail();
  });
  r.end(body ?? undefined);
  return () => {
    stopped = true;
    r.destroy();
  };
}

/** The reply's body as sent before its Content-Encoding (gzip, deflate, br), as Qt decompresses it. */
function decoded(res: Http.IncomingMessage): NodeJS.ReadableStream {
  const zlib = builtin<typeof import('node:zlib')>('node:zlib');
  switch ((res.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(zlib.createGunzip());
    case 'deflate':
      return res.pipe(zlib.createInflate());
    case 'br':
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

function readFile(url: URL, method: string, body: Uint8Array | null, sink: HttpResponseSink): void {
  const fs = builtin<typeof import('node:fs')>('node:fs');
  const { fileURLToPath } = builtin<typeof import('node:url')>('node:url');
  const path = fileURLToPath(url);
  if (method === 'PUT') {
    fs.writeFile(path, body ?? new Uint8Array(0), (err) => {
      if (err) sink.fail();
      else {
        sink.headers(200, 'OK', []);
        sink.end();
      }
    });
    return;
  }
  fs.readFile(path, (err, data) => {
    if (err) {
      // (Qt's file backend: ContentNotFoundError, which ends as content does)
      sink.fail(true);
      return;
    }
    // (Qt's file backend answers as a server would: 200 OK)
    sink.headers(200, 'OK', []);
    if (method !== 'HEAD' && data.length > 0)
      sink.data(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    sink.end();
  });
}

/** The script a blocking request runs in: the request as JSON on stdin, the reply as JSON on stdout. */
const SYNC_SCRIPT = `
const zlib = require('node:zlib');
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  const req = JSON.parse(input);
  let url = new URL(req.url), method = req.method, body = req.body === null ? null : Buffer.from(req.body, 'base64');
  const headers = Object.fromEntries(req.headers);
  const fail = () => process.stdout.write(JSON.stringify({ ok: false }));
  const go = () => {
    const h = { 'User-Agent': ${JSON.stringify(USER_AGENT)}, 'Accept-Encoding': ${JSON.stringify(ACCEPT_ENCODING)}, ...headers };
    if (body !== null) h['Content-Length'] = String(body.length);
    let r;
    try {
      r = (url.protocol === 'https:' ? require('node:https') : require('node:http')).request(url, { method, headers: h }, (res) => {
        const status = res.statusCode;
        const enc = String(res.headers['content-encoding'] || '').trim().toLowerCase();
        const stream = enc === 'gzip' || enc === 'x-gzip' ? res.pipe(zlib.createGunzip()) : enc === 'deflate' ? res.pipe(zlib.createInflate()) : enc === 'br' ? res.pipe(zlib.createBrotliDecompress()) : res;
        const chunks = [];
        stream.on('data', (c) => chunks.push(c));
        stream.on('error', fail);
        res.on('aborted', fail);
        stream.on('end', () => {
          if (!res.complete) return fail();
          const pairs = [];
          for (let k = 0; k + 1 < res.rawHeaders.length; k += 2) pairs.push([res.rawHeaders[k], res.rawHeaders[k + 1]]);
          process.stdout.write(JSON.stringify({ ok: true, status, statusText: res.statusMessage, headers: pairs, body: Buffer.concat(chunks).toString('base64') }));
        });
      });
    } catch {
      return fail();
    }
    r.on('error', fail);
    r.end(body ?? undefined);
  };
  go();
});
`;

function requestSync(req: HttpRequest): SyncResponse | null {
  const p = proc();
  if (!p?.execPath) return null;
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return { ok: false };
  }
  if (url.protocol === 'data:') return dataUrlReply(url.href) ?? { ok: false };
  if (url.protocol === 'file:') {
    const fs = builtin<typeof import('node:fs')>('node:fs');
    const { fileURLToPath } = builtin<typeof import('node:url')>('node:url');
    try {
      if (req.method === 'PUT') {
        fs.writeFileSync(fileURLToPath(url), req.body ?? new Uint8Array(0));
        return { ok: true, status: 200, statusText: 'OK', headers: [], body: new Uint8Array(0) };
      }
      const data = fs.readFileSync(fileURLToPath(url));
      return { ok: true, status: 200, statusText: 'OK', headers: [], body: new Uint8Array(data) };
    } catch {
      // (as the asynchronous read: a file that cannot be read ends as a 404 does)
      return { ok: false, asContent: req.method !== 'PUT' };
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false };
  const { execFileSync } = builtin<typeof import('node:child_process')>('node:child_process');
  const payload = JSON.stringify({
    url: req.url,
    method: req.method,
    headers: req.headers.map(([n, v]) => [n, wireValue(v)]),
    body: req.body === null ? null : Buffer.from(req.body).toString('base64'),
  });
  let out: string;
  try {
    out = execFileSync(p.execPath, ['-e', SYNC_SCRIPT], {
      input: payload,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
  } catch {
    return { ok: false };
  }
  let r:
    | { ok: true; status: number; statusText: string; headers: Array<[string, string]>; body: string }
    | { ok: false };
  try {
    r = JSON.parse(out) as typeof r;
  } catch {
    return { ok: false };
  }
  if (!r.ok) return r;
  return { ...r, body: new Uint8Array(Buffer.from(r.body, 'base64')) };
}

/** The Node transport, or null outside Node. */
export function nodeHttpTransport(): HttpTransport | null {
  if (typeof proc()?.getBuiltinModule !== 'function') return null;
  return {
    send: request,
    sendSync: requestSync,
    allowFile: (write) => envFlag(write ? 'QML_XHR_ALLOW_FILE_WRITE' : 'QML_XHR_ALLOW_FILE_READ'),
  };
}
