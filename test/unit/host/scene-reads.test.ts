// The script the page's HTML runs first (scene-reads.ts): run as the page
// runs it, from its source alone, it starts reading the scene its address
// asks for and the .qml files of that scene's folder.
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { resolveScenePath, SCENE_READS_GLOBAL, sceneReadsScript } from '../../../src/host/scene-reads';

const FILES = [
  '/scenes/chat/ChatInput.qml',
  '/scenes/chat/ChatView.qml',
  '/scenes/chat/Label.qml',
  '/scenes/chat/ws_client.qml',
  '/scenes/echo/echo.qml',
  '/scenes/echo/server.qml',
  '/scenes/echo/lib/Helper.qml',
];

/** Runs the script in a context of its own with `href` as the page's address; returns the URLs it asked for and the reads it left. */
async function run(href: string, base = '/', status = 200) {
  const asked: string[] = [];
  const sandbox: Record<string, unknown> = {
    location: new URL(href),
    URL,
    URLSearchParams,
    Map,
    Error,
    fetch: (url: string, init: { cache?: string }) => {
      asked.push(`${url} ${init.cache}`);
      return Promise.resolve({ ok: status === 200, status, text: () => Promise.resolve(`text of ${url}`) });
    },
  };
  sandbox.globalThis = sandbox;
  runInNewContext(sceneReadsScript(FILES, base), sandbox);
  const reads = sandbox[SCENE_READS_GLOBAL] as Map<string, Promise<string>>;
  const texts = await Promise.all(
    [...reads].map(async ([url, p]) => [url, await p.catch((e: Error) => e.message)]),
  );
  return { asked, texts };
}

describe('the early reads script', () => {
  test('?scene=chat reads the chat scene and its folder (not sub-folders, not other scenes), bypassing the HTTP cache', async () => {
    const { asked, texts } = await run('http://h:1/?scene=chat');
    expect(asked).toEqual([
      'http://h:1/scenes/chat/ChatInput.qml no-store',
      'http://h:1/scenes/chat/ChatView.qml no-store',
      'http://h:1/scenes/chat/Label.qml no-store',
      'http://h:1/scenes/chat/ws_client.qml no-store',
    ]);
    expect(texts[3]).toEqual([
      'http://h:1/scenes/chat/ws_client.qml',
      'text of http://h:1/scenes/chat/ws_client.qml',
    ]);
  });

  test('?url= outside the scene list reads that file alone; a page under a base path resolves against it', async () => {
    expect((await run('http://h:1/?url=%2Fbench%2Fappend.qml')).asked).toEqual([
      'http://h:1/bench/append.qml no-store',
    ]);
    expect((await run('http://h:1/app/?scene=echo/server.qml', './')).asked).toEqual([
      'http://h:1/app/scenes/echo/echo.qml no-store',
      'http://h:1/app/scenes/echo/server.qml no-store',
    ]);
  });

  test('no scene in the address reads nothing; a missing file is a failed read, not a thrown script', async () => {
    expect((await run('http://h:1/')).asked).toEqual([]);
    expect((await run('http://h:1/?scene=nope')).asked).toEqual([]);
    const { texts } = await run('http://h:1/?url=/x/gone.qml', '/', 404);
    expect(texts).toEqual([['http://h:1/x/gone.qml', 'http://h:1/x/gone.qml: HTTP 404']]);
  });
});

test('scene names: a folder is its first main file, a path is that file', () => {
  expect(resolveScenePath(FILES, 'chat')).toBe('/scenes/chat/ws_client.qml');
  expect(resolveScenePath(FILES, 'echo')).toBe('/scenes/echo/echo.qml');
  expect(resolveScenePath(FILES, 'scenes/echo/server.qml')).toBe('/scenes/echo/server.qml');
  expect(resolveScenePath(FILES, '/echo/new.qml')).toBe('/scenes/echo/new.qml');
  expect(resolveScenePath(FILES, 'nope')).toBeUndefined();
});
