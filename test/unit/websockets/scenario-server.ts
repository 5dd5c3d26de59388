// A WebSocket server that does, on request, what the echo server never does,
// so that the status sequences of a QML WebSocket can be measured in real Qt
// and reproduced here against the same peer:
//
//   ws://HOST:PORT/            greets, then answers text commands:
//                                "close CODE REASON"  closes with that code (a close frame)
//                                "drop"               destroys the TCP connection (like a killed server)
//                                "badframe"           sends a text frame that is not UTF-8 (a protocol error)
//                                anything else        echoed (text as text, binary as binary)
//   ws://HOST:PORT/status/NNN  refuses the upgrade with HTTP status NNN
//   ws://HOST:PORT/hangup      closes the TCP connection instead of answering the upgrade
//
// Subprotocols "chat" and "superchat" are accepted; the first of them the
// client offers is chosen. With `tls`, the same over wss:// with the
// self-signed certificate of test/fixtures/qt/websockets/.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';

export const SCENARIO_GREETING = 'Welcome to Awesome Chat';
const SUPPORTED_PROTOCOLS = ['chat', 'superchat'];

export interface ScenarioServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' };

const CERTIFICATES = new URL('../../fixtures/qt/websockets/', import.meta.url);

export async function createScenarioServer(
  port = 0,
  options: { tls?: boolean } = {},
): Promise<ScenarioServer> {
  const host = '127.0.0.1';
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    handleProtocols: (offered) => SUPPORTED_PROTOCOLS.find((p) => offered.has(p)) ?? false,
  });
  const sockets = new Set<WebSocket>();
  const refuse: RequestListener = (_req, res) => {
    res.writeHead(426, { Connection: 'close' });
    res.end();
  };
  const http = options.tls
    ? createHttpsServer(
        {
          key: readFileSync(new URL('self-signed.key.pem', CERTIFICATES)),
          cert: readFileSync(new URL('self-signed.cert.pem', CERTIFICATES)),
        },
        refuse,
      )
    : createServer(refuse);
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (req.url === '/hangup') {
      socket.destroy();
      return;
    }
    const status = /^\/status\/(\d{3})$/.exec(req.url ?? '');
    if (status) {
      const code = Number(status[1]);
      socket.end(
        `HTTP/1.1 ${code} ${STATUS_TEXT[code] ?? 'Refused'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  function serve(ws: WebSocket): void {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('error', () => {});
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const bytes = Buffer.isBuffer(data)
        ? data
        : Array.isArray(data)
          ? Buffer.concat(data)
          : Buffer.from(data);
      if (!isBinary) {
        const text = bytes.toString();
        const close = /^close (\d+) ?(.*)$/.exec(text);
        if (close) {
          ws.close(Number(close[1]), close[2]);
          return;
        }
        if (text === 'drop') {
          ws.terminate();
          return;
        }
        if (text === 'badframe') {
          // FIN + text, 3 bytes: "a", 0xff, "b"
          (ws as unknown as { _socket: Duplex })._socket.write(Buffer.from([0x81, 0x03, 0x61, 0xff, 0x62]));
          return;
        }
      }
      ws.send(bytes, { binary: isBinary });
    });
    ws.send(SCENARIO_GREETING);
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const actual = (http.address() as AddressInfo).port;
  return {
    port: actual,
    url: options.tls ? `wss://localhost:${actual}` : `ws://${host}:${actual}`,
    close: async () => {
      for (const ws of sockets) ws.terminate();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** A port nothing listens on (for a moment: long enough for a test). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createTcpServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
