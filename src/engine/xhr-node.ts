// XMLHttpRequest's transport in the Node tools: node:http and node:https,
// reached through process.getBuiltinModule at run time (a page's bundle
// takes xhr-node.browser.ts instead). Unlike fetch, it gives the headers in
// the order the server sent them, as Qt's getAllResponseHeaders lists them,
// and it can block for open(method, url, false), as Qt does, by running the
// request in a child process. Local files: GET and PUT as Qt's network
// access manager does them, when QML_XHR_ALLOW_FILE_READ / _WRITE is set.
import type * as Http from 'node:http';
import type { HttpRequest, HttpResponseSink, HttpTransport, SyncResponse } from './xhr';

interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown;
  env?: Record<string, string | undefined>;
  execPath?: string;
}

/** Qt's network access manager follows at most this many redirects (QNetworkRequest::maximumRedirectsAllowed). */
const MAX_REDIRECTS = 50;
/** Qt's HTTP requests name their client so. */
const USER_AGENT = 'Mozilla/5.0';

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
  let current: Http.ClientRequest | null = null;
  let stopped = false;
  let headers = req.headers;
  const go = (url: URL, method: string, body: Uint8Array | null, redirects: number): void => {
    if (url.protocol === 'file:') {
      readFile(url, method, body, sink);
      return;
    }
    const lib =
      url.protocol === 'https:'
        ? builtin<typeof import('node:https')>('node:https')
        : url.protocol === 'http:'
          ? builtin<typeof Http>('node:http')
          : null;
    if (lib === null) {
      queueMicrotask(() => {
        if (!stopped) sink.fail();
      });
      return;
    }
    const sent: Record<string, string> = { 'User-Agent': USER_AGENT };
    for (const [n, v] of headers) sent[n] = v;
    if (body !== null) sent['Content-Length'] = String(body.length);
    const r = lib.request(url, { method, headers: sent }, (res) => {
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location !== undefined && redirects < MAX_REDIRECTS) {
        res.resume();
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          sink.fail();
          return;
        }
        // (QNetworkRequest::NoLessSafeRedirectPolicy: never from https to http)
        if (url.protocol === 'https:' && next.protocol !== 'https:') {
          sink.fail();
          return;
        }
        // (as Qt: a GET after 303, or after 301/302 to a POST, without the body or its Content-Type)
        const asGet = status === 303 || ((status === 301 || status === 302) && method === 'POST');
        if (asGet) headers = headers.filter(([n]) => n.toLowerCase() !== 'content-type');
        go(next, asGet && method !== 'HEAD' ? 'GET' : method, asGet ? null : body, redirects + 1);
        return;
      }
      const pairs: Array<[string, string]> = [];
      for (let k = 0; k + 1 < res.rawHeaders.length; k += 2)
        pairs.push([res.rawHeaders[k]!, res.rawHeaders[k + 1]!]);
      sink.headers(status, res.statusMessage ?? '', pairs);
      res.on('data', (chunk: Buffer) => {
        if (!stopped) sink.data(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      });
      res.on('end', () => {
        if (!stopped) sink.end();
      });
      res.on('error', () => {
        if (!stopped) sink.fail();
      });
    });
    r.on('error', () => {
      if (!stopped) sink.fail();
    });
    current = r;
    r.end(body ?? undefined);
  };
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    queueMicrotask(() => sink.fail());
    return () => {};
  }
  go(url, req.method, req.body, 0);
  return () => {
    stopped = true;
    current?.destroy();
  };
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

/** The script a blocking request runs in: the same transport, its result on stdout as JSON. */
const SYNC_SCRIPT = `
const req = JSON.parse(process.argv[2]);
let url = new URL(req.url), method = req.method, body = req.body === null ? null : Buffer.from(req.body, 'base64');
const headers = Object.fromEntries(req.headers);
const go = (n) => {
  const h = { 'User-Agent': ${JSON.stringify(USER_AGENT)}, ...headers };
  if (body !== null) h['Content-Length'] = String(body.length);
  const r = (url.protocol === 'https:' ? require('node:https') : require('node:http')).request(url, { method, headers: h }, (res) => {
    const status = res.statusCode;
    if (status >= 300 && status < 400 && res.headers.location && n < ${MAX_REDIRECTS}) {
      res.resume();
      url = new URL(res.headers.location, url);
      if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
        if (method !== 'HEAD') method = 'GET';
        body = null;
        for (const n of Object.keys(headers)) if (n.toLowerCase() === 'content-type') delete headers[n];
      }
      return go(n + 1);
    }
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => {
      const pairs = [];
      for (let k = 0; k + 1 < res.rawHeaders.length; k += 2) pairs.push([res.rawHeaders[k], res.rawHeaders[k + 1]]);
      process.stdout.write(JSON.stringify({ ok: true, status, statusText: res.statusMessage, headers: pairs, body: Buffer.concat(chunks).toString('base64') }));
    });
  });
  r.on('error', () => process.stdout.write(JSON.stringify({ ok: false })));
  r.end(body ?? undefined);
};
go(0);
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
      return { ok: false };
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false };
  const { execFileSync } = builtin<typeof import('node:child_process')>('node:child_process');
  const payload = JSON.stringify({
    url: req.url,
    method: req.method,
    headers: req.headers,
    body: req.body === null ? null : Buffer.from(req.body).toString('base64'),
  });
  let out: string;
  try {
    out = execFileSync(p.execPath, ['-e', SYNC_SCRIPT, req.url, payload], { encoding: 'utf8' });
  } catch {
    return { ok: false };
  }
  const r = JSON.parse(out) as
    | { ok: true; status: number; statusText: string; headers: Array<[string, string]>; body: string }
    | { ok: false };
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
