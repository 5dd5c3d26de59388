// The CLI (`npm run server`) run as a real process, the way people start it.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup, rawConnect, TestClient } from './helpers';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Cli {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

const children: ChildProcess[] = [];

afterEach(async () => {
  await cleanup();
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

function run(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Cli['exited'];
} {
  // (as package.json's `server` script runs it: Node itself gets the signals)
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
    (resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() }));
    },
  );
  return { child, output: () => output, exited };
}

/** Starts the CLI on a free port (PORT=0) and reads the port back from "listening on port N". */
async function startCli(env: Record<string, string> = {}): Promise<Cli> {
  const { child, output, exited } = run({ PORT: '0', ...env });
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (): void => {
      const match = /^listening on port (\d+)$/m.exec(output());
      if (!match) return;
      child.stdout!.off('data', onData);
      resolve(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    void exited.then(({ code }) =>
      reject(new Error(`server exited (${code}) before listening:\n${output()}`)),
    );
  });
  return { child, port, output, exited };
}

describe('npm run server (server/main.ts)', { timeout: 60_000 }, () => {
  test.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s closes every client with 1001 and exits 0 within 2 s',
    async (signal) => {
      const cli = await startCli();
      const url = `ws://127.0.0.1:${cli.port}`;
      const a = await new TestClient(url).ready();
      const b = await new TestClient(url).ready();
      expect((await a.echo('before')).data.toString()).toBe('before');

      const sentAt = performance.now();
      cli.child.kill(signal);
      const exit = await cli.exited;
      expect(exit.code).toBe(0);
      expect(exit.at - sentAt).toBeLessThan(2000);
      expect(await a.closed).toEqual({ code: 1001, reason: 'Going Away' });
      expect(await b.closed).toEqual({ code: 1001, reason: 'Going Away' });
      expect(cli.output()).toContain('client connected\nclient connected\nMessage: before\n');
    },
  );

  test('on SIGTERM exits 0 within 2 s even if a client never answers the close', async () => {
    const cli = await startCli();
    const stubborn = await rawConnect(cli.port);
    const sentAt = performance.now();
    cli.child.kill('SIGTERM');
    const exit = await cli.exited;
    expect(exit.code).toBe(0);
    expect(exit.at - sentAt).toBeLessThan(2000);
    // Dropped by the server's close timeout, not by the forced exit.
    expect(cli.output()).not.toContain('did not finish in time');
    stubborn.socket.resume();
    await stubborn.gone;
  });

  test('logs every message of a burst, in order, before it exits on SIGTERM', async () => {
    const cli = await startCli();
    const client = await new TestClient(`ws://127.0.0.1:${cli.port}`).ready();
    for (let i = 0; i < 500; i++) void client.send(`burst ${i}`, false);
    for (let i = 0; i < 500; i++) expect((await client.next()).data.toString()).toBe(`burst ${i}`);
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
    const logged = cli
      .output()
      .split('\n')
      .filter((l) => l.startsWith('Message: burst'));
    expect(logged).toEqual(Array.from({ length: 500 }, (_, i) => `Message: burst ${i}`));
    expect(cli.output()).toMatch(/Message: burst 499\nSIGTERM: closing 1 client\(s\)\n/);
  });

  test('takes the limits from the environment', async () => {
    const cli = await startCli({
      MAX_CLIENTS: '1',
      ALLOWED_ORIGINS: 'http://ok.example, http://also.example',
    });
    const url = `ws://127.0.0.1:${cli.port}`;
    await new TestClient(url, { origin: 'http://also.example' }).ready();
    expect((await new TestClient(url).closed).code).toBe(1013);
    const refused = new TestClient(url, { origin: 'http://evil.example' });
    const status = await new Promise<number | undefined>((resolve) => {
      refused.ws.once('unexpected-response', (_req, res) => resolve(res.statusCode));
    });
    expect(status).toBe(403);
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
  });

  test('refuses a malformed setting with exit code 2', async () => {
    const { output, exited } = run({ PORT: 'eighty' });
    expect((await exited).code).toBe(2);
    expect(output()).toContain('PORT must be a non-negative integer');
    const tooSmall = run({ PORT: '0', MAX_BUFFERED_BYTES: '1000' });
    expect((await tooSmall.exited).code).toBe(2);
    expect(tooSmall.output()).toContain('MAX_BUFFERED_BYTES (1000) must be at least MAX_PAYLOAD (1048576)');
  });
});
