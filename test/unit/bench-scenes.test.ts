// The benchmark scenes (bench/*.qml, run by `npm run bench` in Chromium and
// by Qt's qml tool for bench/qt-baseline.json) load headless and print their
// BENCH line, with small counts so this stays quick.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEchoServer, type EchoServerHandle } from '../../server/echo-server';
import { nodeFiles } from '../../src/cli/node-files';
import { createRuntime } from '../../src/runtime';

const BENCH = resolve(import.meta.dirname, '../../bench');

let server: EchoServerHandle;
beforeAll(async () => {
  server = await createEchoServer({ port: 0, log: () => {} });
});
afterAll(async () => {
  await server.close();
});

/** Runs a bench scene with `count` rows and the echo server's port written in, as the runner serves it. */
async function benchLine(name: string, count: number, rewrite = (t: string) => t): Promise<string> {
  const url = pathToFileURL(join(BENCH, name)).href;
  const printed: string[] = [];
  let resolveLine!: (line: string) => void;
  const line = new Promise<string>((r) => {
    resolveLine = r;
  });
  const runtime = createRuntime({
    files: {
      read: async (u) => {
        const text = await nodeFiles.read(u);
        if (u !== url) return text;
        return rewrite(text)
          .replace(/property int count: \d+/, `property int count: ${count}`)
          .replaceAll('ws://localhost:3000', `ws://localhost:${server.port}`);
      },
      exists: nodeFiles.exists,
    },
    sink: {
      warn: (m) => printed.push(m),
      log: (_level, m) => {
        printed.push(m);
        if (m.includes('BENCH')) resolveLine(m);
      },
    },
  });
  try {
    await runtime.run(url);
    const timeout = new Promise<string>((_, reject) =>
      setTimeout(() => reject(new Error(`no BENCH line; printed:\n${printed.join('\n')}`)), 10000),
    );
    return await Promise.race([line, timeout]);
  } finally {
    runtime.shutdown();
  }
}

describe('bench scenes', () => {
  test('every bench scene is covered here', () => {
    const scenes = readdirSync(BENCH).filter((f) => f.endsWith('.qml'));
    expect(scenes.sort()).toEqual(['append.qml', 'bindings.qml', 'echo_flood.qml', 'scroll.qml']);
  });

  test('append prints its timing and the row count', async () => {
    expect(await benchLine('append.qml', 50)).toMatch(
      /^qml: BENCH append count=50 append_ms=\d+ position_ms=\d+ rows=50$/,
    );
  });

  test('echo_flood receives every echo from the echo server', async () => {
    expect(await benchLine('echo_flood.qml', 30)).toMatch(/^qml: BENCH echo count=30 total_ms=\d+ rows=30$/);
  });

  test('bindings builds its grid of 2,400 cells and resizes it', async () => {
    // Two resizes instead of 200: the line is printed all the same.
    const line = await benchLine('bindings.qml', 0, (t) => t.replace('i < 200', 'i < 2'));
    expect(line).toMatch(/^qml: BENCH bindings resizes=200 total_ms=\d+$/);
  }, 30000);

  test('scroll fills the view it scrolls', async () => {
    expect(await benchLine('scroll.qml', 40)).toBe('qml: BENCH scroll count=40 rows=40');
  });
});
