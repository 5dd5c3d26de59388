// `npm run soak`: the echo server (server/main.ts, as a child process on a
// loopback port) under load and abuse. Phases: many concurrent clients
// checked for lost, duplicated and reordered echoes, with latency; a client
// that never reads; oversized frames; invalid UTF-8; garbage bytes before and
// after the handshake; connect/disconnect cycles; SIGTERM under load. After
// each phase a new client must still be served and the server's resident
// memory (VmRSS of the child, from /proc) must be back near its baseline.
// Prints a table; exits 1 when a check fails.
//
//   npm run soak                 full run (1,000 clients x 100 messages, 10,000 cycles)
//   npm run soak -- --quick      the short run the test suite does
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface SoakConfig {
  clients: number;
  messagesPerClient: number;
  cycles: number;
  /** Connections open at once during the cycles. */
  cycleConcurrency: number;
  /** Clients sending when SIGTERM arrives. */
  sigtermClients: number;
  /** Raw connections that send garbage, before and after the handshake (each). */
  garbageConnections: number;
  /** Bytes a client that never reads pushes at the server. */
  unreadBytes: number;
  /** Wait before memory is read after a phase. */
  settleMs: number;
  /** Memory counts as back near the baseline within max(this many MB, baseline x rssFactor). */
  rssSlackMb: number;
  rssFactor: number;
}

export const FULL: SoakConfig = {
  clients: 1000,
  messagesPerClient: 100,
  cycles: 10_000,
  cycleConcurrency: 50,
  sigtermClients: 500,
  garbageConnections: 100,
  unreadBytes: 64 * 1024 * 1024,
  settleMs: 3000,
  rssSlackMb: 20,
  rssFactor: 1.5,
};

export const QUICK: SoakConfig = {
  clients: 100,
  messagesPerClient: 20,
  cycles: 500,
  cycleConcurrency: 50,
  sigtermClients: 50,
  garbageConnections: 3,
  unreadBytes: 32 * 1024 * 1024,
  settleMs: 200,
  rssSlackMb: 20,
  rssFactor: 1.5,
};

export interface PhaseResult {
  phase: string;
  ok: boolean;
  /** What was measured, for the table. */
  detail: string;
  /** Why it failed (empty when ok). */
  failures: string[];
  /** VmRSS before the phase (after a full GC), MB. */
  rssBeforeMb: number | null;
  /** VmRSS once settled after the phase, before any GC, MB. */
  rssSettledMb: number | null;
  /** VmRSS after a full GC, MB. */
  rssAfterMb: number | null;
  /** JavaScript heap in use after a full GC, MB. */
  heapAfterMb: number | null;
  ms: number;
}

export interface SoakReport {
  baselineRssMb: number;
  phases: PhaseResult[];
  ok: boolean;
  latency: { p50: number; p99: number; max: number; messages: number } | null;
}

// ---- the server process -------------------------------------------------------

interface ServerProcess {
  pid: number;
  port: number;
  inspectorUrl: string;
  url: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  kill(signal: NodeJS.Signals): void;
}

async function startServer(): Promise<ServerProcess> {
  // node --import tsx: one process, so its PID is the server's (the tsx CLI would add a parent).
  // The inspector (loopback, a free port) lets the soak ask for a full
  // garbage collection before reading memory: an idle server never runs one.
  const child = spawn(process.execPath, ['--inspect=127.0.0.1:0', '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The server logs every message; its stdout is a pipe, which Node writes
  // synchronously: it must be drained or the server blocks. Only the tail is kept.
  let tail = '';
  const keep = (chunk: string) => {
    tail = (tail + chunk).slice(-20_000);
  };
  child.stdout.setEncoding('utf8').on('data', keep);
  child.stderr.setEncoding('utf8').on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${tail}`)), 20_000);
    const onData = () => {
      const m = /^listening on port (\d+)$/m.exec(tail);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve(Number(m[1]));
    };
    child.stdout.on('data', onData);
    child.once('exit', () => reject(new Error(`server exited:\n${tail}`)));
  });
  const inspectorUrl = /Debugger listening on (ws:\/\/\S+)/.exec(tail)?.[1];
  if (!inspectorUrl) throw new Error(`no inspector URL:\n${tail}`);
  return {
    pid: child.pid!,
    port,
    inspectorUrl,
    url: `ws://127.0.0.1:${port}`,
    output: () => tail,
    exited,
    kill: (signal) => child.kill(signal),
  };
}

interface Inspector {
  call(method: string, params?: object): Promise<Record<string, unknown>>;
  close(): void;
}

async function connectInspector(url: string): Promise<Inspector> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.on('error', () => {});
  let nextId = 1;
  const pending = new Map<number, (result: Record<string, unknown>) => void>();
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as { id?: number; result?: Record<string, unknown> };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg.result ?? {});
  });
  return {
    call(method, params = {}) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, method, params }));
      });
    },
    close: () => ws.terminate(),
  };
}

interface Memory {
  /** VmRSS after a full garbage collection, MB. */
  rssMb: number;
  /** JavaScript heap in use after it, MB. */
  heapMb: number;
}

/**
 * Runs a full garbage collection in the server, then reads its memory. The
 * inspector session lives only this long: one left open slows the server
 * down and holds its exit.
 */
async function memory(server: ServerProcess): Promise<Memory> {
  const inspector = await connectInspector(server.inspectorUrl);
  try {
    await inspector.call('HeapProfiler.collectGarbage');
    const usage = await inspector.call('Runtime.getHeapUsage');
    return { rssMb: rssMb(server.pid), heapMb: Number(usage.usedSize) / 1048576 };
  } finally {
    inspector.close();
  }
}

/** The child's resident memory in MB (VmRSS in /proc/PID/status). */
function rssMb(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error('no VmRSS');
  return Number(m[1]) / 1024;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- clients --------------------------------------------------------------------

/** A ws client; resolves once the greeting arrived. */
function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('no greeting within 10 s'));
    }, 10_000);
    ws.once('message', (data, isBinary) => {
      clearTimeout(timer);
      if (isBinary || data.toString() !== 'Welcome to Awesome Chat') reject(new Error('wrong greeting'));
      else resolve(ws);
    });
    ws.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) resolve({ code: 1006, reason: '' });
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

/** A new client is greeted and gets its message back. */
async function stillServes(url: string): Promise<string | undefined> {
  try {
    const ws = await open(url);
    const echoed = new Promise<string>((resolve) => ws.once('message', (d) => resolve(d.toString())));
    ws.send('still there?');
    const text = await Promise.race([echoed, sleep(5000).then(() => '(no echo within 5 s)')]);
    ws.close();
    await closed(ws);
    return text === 'still there?' ? undefined : `a new client got ${JSON.stringify(text)}`;
  } catch (e) {
    return `a new client could not connect: ${(e as Error).message}`;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// ---- raw WebSocket over TCP (for what a proper client never does) -----------------

function rawSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = netConnect({ host: '127.0.0.1', port }, () => resolve(s));
    s.once('error', reject);
  });
}

async function rawHandshake(port: number): Promise<{ socket: Socket; rest: Buffer }> {
  const socket = await rawSocket(port);
  const key = randomBytes(16).toString('base64');
  socket.write(
    `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  let buf = Buffer.alloc(0);
  while (true) {
    const chunk = await new Promise<Buffer>((resolve, reject) => {
      socket.once('data', resolve);
      socket.once('close', () => reject(new Error('closed during the handshake')));
    });
    buf = Buffer.concat([buf, chunk]);
    const end = buf.indexOf('\r\n\r\n');
    if (end < 0) continue;
    if (!buf.subarray(0, 12).toString().startsWith('HTTP/1.1 101')) throw new Error('handshake refused');
    socket.removeAllListeners('close');
    return { socket, rest: buf.subarray(end + 4) };
  }
}

/** A masked client frame; `length` overrides the length field (a frame that lies about its size). */
function frame(opcode: number, payload: Buffer, length = payload.length): Buffer {
  const mask = randomBytes(4);
  let header: Buffer;
  if (length < 126) header = Buffer.from([0x80 | opcode, 0x80 | length]);
  else if (length < 65536) {
    header = Buffer.alloc(4);
    header[0] = 0x80 | opcode;
    header[1] = 0x80 | 126;
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = 0x80 | opcode;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  const masked = Buffer.from(payload);
  for (let i = 0; i < masked.length; i++) masked[i]! ^= mask[i % 4]!;
  return Buffer.concat([header, mask, masked]);
}

/**
 * Reads server frames from `socket` (after `rest`) until a close frame, the
 * end of the connection, or `ms`; returns the close code (null: the
 * connection ended without one; undefined: still open after `ms`).
 */
function closeCode(socket: Socket, rest: Buffer, ms: number): Promise<number | null | undefined> {
  return new Promise((resolve) => {
    let buf = rest;
    const done = (code: number | null | undefined) => {
      clearTimeout(timer);
      socket.removeListener('data', onData);
      socket.destroy();
      resolve(code);
    };
    const scan = () => {
      while (buf.length >= 2) {
        const op = buf[0]! & 0x0f;
        let len = buf[1]! & 0x7f;
        let off = 2;
        if (len === 126) {
          if (buf.length < 4) return;
          len = buf.readUInt16BE(2);
          off = 4;
        } else if (len === 127) {
          if (buf.length < 10) return;
          len = Number(buf.readBigUInt64BE(2));
          off = 10;
        }
        if (buf.length < off + len) return;
        if (op === 0x8) return done(len >= 2 ? buf.readUInt16BE(off) : 1005);
        buf = buf.subarray(off + len);
      }
    };
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      scan();
    };
    const timer = setTimeout(() => done(undefined), ms);
    socket.on('data', onData);
    socket.once('close', () => done(null));
    socket.resume();
    scan();
  });
}

// ---- phases ---------------------------------------------------------------------------

type Phase = (server: ServerProcess, config: SoakConfig) => Promise<{ detail: string; failures: string[] }>;

let latency: SoakReport['latency'] = null;

const concurrentClients: Phase = async (server, config) => {
  const failures: string[] = [];
  const clients = await Promise.all(Array.from({ length: config.clients }, () => open(server.url)));
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    clients.map(
      (ws, id) =>
        new Promise<void>((resolve) => {
          // One message in flight per client: the echo of seq n must be the
          // next thing it receives, so any loss, duplicate or reordering shows.
          let seq = 0;
          let sentAt = 0;
          const send = () => {
            sentAt = performance.now();
            ws.send(`${id}:${seq}:${'x'.repeat(seq % 50)}`);
          };
          ws.on('message', (data) => {
            latencies.push(performance.now() - sentAt);
            const expected = `${id}:${seq}:${'x'.repeat(seq % 50)}`;
            if (data.toString() !== expected) {
              failures.push(
                `client ${id}: expected ${expected.slice(0, 20)}, got ${data.toString().slice(0, 20)}`,
              );
              resolve();
              return;
            }
            if (++seq === config.messagesPerClient) resolve();
            else send();
          });
          ws.once('close', () => {
            if (seq < config.messagesPerClient) failures.push(`client ${id} closed after ${seq} echoes`);
            resolve();
          });
          send();
        }),
    ),
  );
  const ms = performance.now() - t0;
  await Promise.all(
    clients.map((ws) => {
      const c = closed(ws);
      ws.close();
      return c;
    }),
  );
  const sorted = latencies.sort((a, b) => a - b);
  latency = {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    messages: sorted.length,
  };
  const total = config.clients * config.messagesPerClient;
  if (sorted.length !== total) failures.push(`${sorted.length} echoes for ${total} messages`);
  return {
    detail:
      `${config.clients} clients x ${config.messagesPerClient} messages: ${sorted.length} echoes in order, ` +
      `${Math.round((sorted.length / ms) * 1000)}/s, latency p50 ${latency.p50.toFixed(2)} ms, ` +
      `p99 ${latency.p99.toFixed(2)} ms, max ${latency.max.toFixed(1)} ms`,
    failures: failures.slice(0, 5),
  };
};

const clientThatNeverReads: Phase = async (server, config) => {
  const failures: string[] = [];
  const { socket, rest } = await rawHandshake(server.port);
  socket.pause();
  socket.on('error', () => {});
  const chunk = frame(0x1, Buffer.alloc(64 * 1024, 'a'));
  let peakMb = rssMb(server.pid);
  let written = 0;
  let ended = false;
  socket.once('close', () => {
    ended = true;
  });
  // Writes until the server stops taking data or the amount is sent.
  while (written < config.unreadBytes && !ended) {
    const drained = socket.write(chunk);
    written += chunk.length;
    if (!drained) {
      const ok = await Promise.race([
        new Promise<boolean>((r) => socket.once('drain', () => r(true))),
        sleep(2000).then(() => false),
      ]);
      if (!ok) break;
    }
    if (written % (4 * 1024 * 1024) === 0) peakMb = Math.max(peakMb, rssMb(server.pid));
  }
  peakMb = Math.max(peakMb, rssMb(server.pid));
  // The server gives up on it (1008, queued behind the echoes it never
  // read) and stops reading from it; after closeTimeoutMs the connection is
  // dropped, so a client that really never reads sees it reset.
  const t0 = performance.now();
  const gone =
    ended ||
    (await Promise.race([
      new Promise<boolean>((r) => socket.once('close', () => r(true))),
      sleep(5000).then(() => false),
    ]));
  if (!gone) failures.push('the server still holds the connection 5 s after the client stopped writing');
  socket.destroy();
  void rest;
  return {
    detail:
      `wrote ${(written / 1048576).toFixed(0)} MiB without reading before the server stopped reading; ` +
      `dropped ${gone ? (ended ? 'while writing' : `${(performance.now() - t0).toFixed(0)} ms later`) : 'never'}; ` +
      `server peak ${peakMb.toFixed(0)} MB`,
    failures,
  };
};

const oversizedFrames: Phase = async (server) => {
  const failures: string[] = [];
  // A real 1 MiB + 1 message.
  const ws = await open(server.url);
  const c1 = closed(ws);
  ws.send(Buffer.alloc(1024 * 1024 + 1, 'b').toString());
  const big = await c1;
  if (big.code !== 1009) failures.push(`1 MiB + 1: expected 1009, got ${big.code}`);
  // A header announcing 2^53 bytes that never come.
  const { socket, rest } = await rawHandshake(server.port);
  socket.write(frame(0x2, Buffer.alloc(0), Number.MAX_SAFE_INTEGER).subarray(0, 14));
  const lie = await closeCode(socket, rest, 5000);
  if (lie !== 1009) failures.push(`2^53-byte header: expected 1009, got ${String(lie)}`);
  // A control frame longer than 125 bytes.
  const raw = await rawHandshake(server.port);
  raw.socket.write(frame(0x9, Buffer.alloc(200)));
  const ping = await closeCode(raw.socket, raw.rest, 5000);
  if (ping !== 1002) failures.push(`200-byte ping: expected 1002, got ${String(ping)}`);
  return {
    detail: `1 MiB + 1: ${big.code}; 2^53-byte header: ${String(lie)}; 200-byte ping: ${String(ping)}`,
    failures,
  };
};

const invalidUtf8: Phase = async (server) => {
  const failures: string[] = [];
  const samples = [
    Buffer.from([0xff, 0xfe]),
    Buffer.from([0xc0, 0xaf]), // overlong '/'
    Buffer.from([0xed, 0xa0, 0x80]), // a surrogate in UTF-8
    Buffer.from('ok then \xe2\x82', 'latin1'), // cut sequence
  ];
  const codes: string[] = [];
  for (const bytes of samples) {
    const { socket, rest } = await rawHandshake(server.port);
    socket.write(frame(0x1, bytes));
    const code = await closeCode(socket, rest, 5000);
    codes.push(String(code));
    if (code !== 1007) failures.push(`${bytes.toString('hex')}: expected 1007, got ${String(code)}`);
  }
  return {
    detail: `${samples.length} text frames with invalid UTF-8: closed with ${codes.join(', ')}`,
    failures,
  };
};

/** A deterministic stream of "random" bytes, so a failing run can be repeated. */
function garbage(seed: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const garbageBytes: Phase = async (server, config) => {
  const failures: string[] = [];
  let closedBefore = 0;
  const codes = new Map<string, number>();
  for (let i = 0; i < config.garbageConnections; i++) {
    // Before the handshake: the server must answer with an HTTP error or hang up.
    const s = await rawSocket(server.port);
    s.write(garbage(i + 1, 1 + ((i * 997) % 8192)));
    const result = await new Promise<string>((resolve) => {
      let reply = '';
      const timer = setTimeout(() => {
        s.destroy();
        resolve('still open after 5 s');
      }, 5000);
      s.setEncoding('latin1').on('data', (d: string) => {
        reply += d;
      });
      s.once('close', () => {
        clearTimeout(timer);
        resolve(reply.split('\r\n')[0] || 'closed');
      });
      s.on('error', () => {});
    });
    if (result === 'still open after 5 s') failures.push(`garbage before the handshake #${i}: ${result}`);
    else closedBefore++;
    // After the handshake: frames made of noise, then the end of the stream.
    // Noise that happens to start a valid frame leaves the server waiting
    // for the rest, which is right; once the stream ends it must hang up.
    const { socket, rest } = await rawHandshake(server.port);
    socket.on('error', () => {});
    socket.end(garbage(10_000 + i, 16 + ((i * 631) % 4096)));
    const code = await closeCode(socket, rest, 5000);
    codes.set(String(code), (codes.get(String(code)) ?? 0) + 1);
    if (code === undefined) failures.push(`garbage after the handshake #${i}: still open after 5 s`);
  }
  return {
    detail:
      `${config.garbageConnections} connections each: before the handshake all refused (${closedBefore}); ` +
      `after it closed with ${[...codes].map(([c, n]) => `${c} x${n}`).join(', ')}`,
    failures,
  };
};

const connectCycles: Phase = async (server, config) => {
  const failures: string[] = [];
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < config.cycles) {
      next++;
      try {
        const ws = await open(server.url);
        const c = closed(ws);
        ws.close();
        const { code } = await c;
        if (code !== 1005 && code !== 1000) failures.push(`cycle closed with ${code}`);
        done++;
      } catch (e) {
        failures.push(`cycle failed: ${(e as Error).message}`);
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: config.cycleConcurrency }, worker));
  const ms = performance.now() - t0;
  return {
    detail: `${done} connect/greet/close cycles, ${config.cycleConcurrency} at a time, ${Math.round((done / ms) * 1000)}/s`,
    failures: failures.slice(0, 5),
  };
};

const sigtermUnderLoad = async (server: ServerProcess, config: SoakConfig) => {
  const failures: string[] = [];
  const clients = await Promise.all(Array.from({ length: config.sigtermClients }, () => open(server.url)));
  const codes = clients.map((ws) => {
    // Keep each client busy: every echo triggers the next message.
    ws.on('message', () => {
      if (ws.readyState === WebSocket.OPEN) ws.send('busy');
    });
    ws.on('error', () => {});
    ws.send('busy');
    return closed(ws);
  });
  await sleep(300);
  const t0 = performance.now();
  server.kill('SIGTERM');
  const exit = await Promise.race([server.exited, sleep(5000).then(() => null)]);
  const results = await Promise.all(codes);
  const byCode = new Map<number, number>();
  for (const r of results) byCode.set(r.code, (byCode.get(r.code) ?? 0) + 1);
  if (exit === null) failures.push('the server did not exit within 5 s');
  else {
    const ms = exit.at - t0;
    if (exit.code !== 0) failures.push(`exit code ${String(exit.code)} (signal ${String(exit.signal)})`);
    if (ms > 2000) failures.push(`exited after ${ms.toFixed(0)} ms`);
  }
  const not1001 = results.filter((r) => r.code !== 1001).length;
  if (not1001 > 0) failures.push(`${not1001} clients were not closed with 1001`);
  return {
    detail:
      `${config.sigtermClients} busy clients: closed with ${[...byCode].map(([c, n]) => `${c} x${n}`).join(', ')}; ` +
      (exit ? `exit ${String(exit.code)} after ${(exit.at - t0).toFixed(0)} ms` : 'no exit'),
    failures,
  };
};

// ---- the run ------------------------------------------------------------------------------

export async function runSoak(
  config: SoakConfig,
  progress: (line: string) => void = () => {},
): Promise<SoakReport> {
  latency = null;
  const server = await startServer();
  const phases: PhaseResult[] = [];
  const phaseResult = (
    phase: string,
    result: { detail: string; failures: string[] },
    ms: number,
    before: Memory | null,
    settledRssMb: number | null,
    after: Memory | null,
  ): PhaseResult => ({
    phase,
    ok: result.failures.length === 0,
    detail: result.detail,
    failures: result.failures,
    rssBeforeMb: before?.rssMb ?? null,
    rssSettledMb: settledRssMb,
    rssAfterMb: after?.rssMb ?? null,
    heapAfterMb: after?.heapMb ?? null,
    ms,
  });
  try {
    // Baseline: the server after serving one client, settled and collected.
    const first = await stillServes(server.url);
    await sleep(config.settleMs);
    const settled = rssMb(server.pid);
    const baseline = await memory(server);
    phases.push(
      phaseResult(
        'baseline',
        { detail: 'one client served', failures: first ? [first] : [] },
        0,
        null,
        settled,
        baseline,
      ),
    );
    const limit = rssLimit(baseline.rssMb, config);
    const list: Array<[string, Phase]> = [
      ['concurrent clients', concurrentClients],
      ['client that never reads', clientThatNeverReads],
      ['oversized frames', oversizedFrames],
      ['invalid UTF-8', invalidUtf8],
      ['garbage bytes', garbageBytes],
      ['connect/disconnect cycles', connectCycles],
    ];
    for (const [name, phase] of list) {
      progress(`${name}...`);
      const before = await memory(server);
      const t0 = performance.now();
      let result: { detail: string; failures: string[] };
      try {
        result = await phase(server, config);
      } catch (e) {
        result = { detail: 'threw', failures: [(e as Error).stack ?? String(e)] };
      }
      const ms = performance.now() - t0;
      const serves = await stillServes(server.url);
      if (serves) result.failures.push(serves);
      await sleep(config.settleMs);
      const settledRss = rssMb(server.pid);
      const after = await memory(server);
      if (after.rssMb > limit) {
        result.failures.push(
          `RSS ${after.rssMb.toFixed(1)} MB after a full GC, limit ${limit.toFixed(1)} MB`,
        );
      }
      phases.push(phaseResult(name, result, ms, before, settledRss, after));
    }
    progress('SIGTERM under load...');
    const before = await memory(server);
    const t0 = performance.now();
    const result = await sigtermUnderLoad(server, config);
    phases.push(phaseResult('SIGTERM under load', result, performance.now() - t0, before, null, null));
    return { baselineRssMb: baseline.rssMb, phases, ok: phases.every((p) => p.ok), latency };
  } finally {
    server.kill('SIGKILL');
  }
}

function rssLimit(baselineMb: number, config: SoakConfig): number {
  return Math.max(baselineMb + config.rssSlackMb, baselineMb * config.rssFactor);
}

export function formatReport(report: SoakReport, config: SoakConfig): string {
  const mb = (v: number | null) => (v === null ? '-' : v.toFixed(1));
  const rows = report.phases.map((p) => [
    p.ok ? 'ok' : 'FAIL',
    p.phase,
    mb(p.rssBeforeMb),
    mb(p.rssSettledMb),
    mb(p.rssAfterMb),
    mb(p.heapAfterMb),
    `${(p.ms / 1000).toFixed(1)} s`,
    p.detail + (p.failures.length ? `\n      ${p.failures.join('\n      ')}` : ''),
  ]);
  const head = ['', 'phase', 'RSS before', 'RSS settled', 'RSS after GC', 'heap after GC', 'time', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.split('\n')[0]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const limit = rssLimit(report.baselineRssMb, config);
  return [
    line(head),
    ...rows.map(line),
    '',
    `Memory of the server process in MB: VmRSS before the phase, ${config.settleMs} ms after it ("settled"), ` +
      'and after a full garbage collection asked for through the inspector ("after GC", with the JavaScript ' +
      `heap in use). Near the baseline means an RSS after GC of at most max(baseline + ${config.rssSlackMb} MB, ` +
      `baseline x ${config.rssFactor}) = ${limit.toFixed(1)} MB.`,
    report.latency
      ? `Echo latency over ${report.latency.messages} messages: p50 ${report.latency.p50.toFixed(2)} ms, ` +
        `p99 ${report.latency.p99.toFixed(2)} ms, max ${report.latency.max.toFixed(1)} ms.`
      : '',
    report.ok ? 'all checks passed' : 'SOME CHECKS FAILED',
  ].join('\n');
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const config = quick ? QUICK : FULL;
  const report = await runSoak(config, (line) => console.log(line));
  console.log(formatReport(report, config));
  process.exit(report.ok ? 0 : 1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
