// A peer for the chat that sends more than anyone types: it greets like the
// echo server, echoes text, and answers "flood N" with N messages
// ("message 0" … "message N-1"), sent as fast as the connection takes them.
import { type AddressInfo, WebSocketServer } from 'ws';

export interface FloodServer {
  readonly port: number;
  close(): Promise<void>;
}

export async function createFloodServer(): Promise<FloodServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (ws) => {
    ws.send('Welcome to Awesome Chat');
    ws.on('message', (data, isBinary) => {
      const text = data.toString();
      const flood = /^flood (\d+)$/.exec(text);
      if (isBinary || !flood) {
        ws.send(data, { binary: isBinary });
        return;
      }
      const n = Number(flood[1]);
      let i = 0;
      const pump = (): void => {
        // Stop at a megabyte in flight and go on when the socket has drained.
        while (i < n && ws.bufferedAmount < 1024 * 1024) ws.send(`message ${i++}`);
        if (i < n) setTimeout(pump, 1);
      };
      pump();
    });
  });
  return {
    port: (wss.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
}
