// XMLHttpRequest scenes recorded from Qt 6.4.2 (test/fixtures/qt/xhr/), run
// against the same fixture server: every line Qt printed, in its order.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nodeFiles } from '../../../src/cli/node-files';
import { createRuntime } from '../../../src/runtime';
import { freePort } from '../websockets/scenario-server';

const DIR = new URL('../../fixtures/qt/xhr/', import.meta.url);
const DIR_URL = pathToFileURL(fileURLToPath(DIR)).href;

let server: ChildProcess;
let port: number;
let refused: number;

beforeAll(async () => {
  server = spawn(process.execPath, [fileURLToPath(new URL('./http-fixture-server.mjs', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.stdout!.on('data', (chunk: Buffer) => {
      const m = /listening on (\d+)/.exec(chunk.toString());
      if (m) resolve(Number(m[1]));
    });
  });
  refused = await freePort();
});

afterAll(() => {
  server.kill();
});

function qtOutput(name: string): string[] {
  return readFileSync(new URL(`${name}.qt.txt`, DIR), 'utf8')
    .split('\n')
    .filter((l) => l !== '');
}

/** Runs `qml NAME.qml -- SERVER REFUSED` until Qt.quit() (or 10 s: "(timed out)" ends the output). */
async function run(name: string, env: Record<string, string> = {}): Promise<string[]> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const output: string[] = [];
  let quit!: () => void;
  const quitted = new Promise<boolean>((resolve) => {
    quit = () => resolve(false);
  });
  const runtime = createRuntime({
    files: nodeFiles,
    sink: {
      warn: (m) => output.push(...m.split('\n')),
      log: (_l, m) => output.push(...m.split('\n')),
    },
    onQuit: () => quit(),
    arguments: ['qml', `${name}.qml`, '--', `http://127.0.0.1:${port}`, `http://127.0.0.1:${refused}`],
  });
  try {
    await runtime.run(`${DIR_URL}${name}.qml`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = await Promise.race([
      quitted,
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), 10_000);
      }),
    ]);
    clearTimeout(timer);
    return [...output.map((l) => l.replaceAll(DIR_URL, '')), ...(late ? ['(timed out)'] : [])];
  } finally {
    runtime.shutdown();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('XMLHttpRequest does what Qt 6.4.2 does', { timeout: 20_000 }, () => {
  test('each state, status, response and callback of GET, POST, PUT, DELETE, PATCH, OPTIONS and HEAD requests; HTTP errors, redirects, response types, charsets, a refused connection', async () => {
    expect(await run('requests')).toEqual(qtOutput('requests'));
  });

  test('DOM exceptions, a synchronous request, abort() while loading, exceptions in onreadystatechange, local files off by default', async () => {
    expect(await run('misuse')).toEqual(qtOutput('misuse'));
  });

  test('repeated and compressed replies, charsets, request header values, data: urls, other methods on local files, a request sent again from its last callback', async () => {
    expect(await run('edges')).toEqual(qtOutput('edges'));
  });

  test('responseXML of local files read with QML_XHR_ALLOW_FILE_READ=1', async () => {
    expect(await run('xml', { QML_XHR_ALLOW_FILE_READ: '1' })).toEqual(qtOutput('xml'));
  });
});

test("the engine's end drops the requests still on the network: no callback comes after it", async () => {
  const output: string[] = [];
  const runtime = createRuntime({
    files: {
      read: () => `import QtQuick
Item {
    Component.onCompleted: {
        var x = new XMLHttpRequest()
        x.onreadystatechange = function () { print('state', x.readyState) }
        x.open('GET', 'http://127.0.0.1:${port}/slow')
        x.send()
    }
}
`,
      exists: (url) => url === 'file:///virtual/slow.qml',
    },
    sink: { warn: (m) => output.push(m), log: (_l, m) => output.push(m) },
  });
  await runtime.run('file:///virtual/slow.qml');
  runtime.shutdown();
  // (the server sends its first part at once and the rest 300 ms later)
  await new Promise((resolve) => setTimeout(resolve, 600));
  expect(output).toEqual(['qml: state 1']);
});
