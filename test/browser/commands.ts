// Commands the browser tests run in Node (Vitest browser commands): compare a
// screenshot with its committed baseline or with real Qt's render, and start
// or kill echo servers.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { BrowserCommand } from 'vitest/node';
import { createEchoServer, type EchoServerHandle } from '../../server/echo-server.ts';

const ROOT = join(import.meta.dirname, '../..');
export const BASELINES = join(ROOT, 'test/browser/__baselines__');
export const OUTPUT = join(ROOT, 'test/browser/__output__');
const QT = join(ROOT, 'test/fixtures/qt');

/** `npm run test:update` sets this: missing or different baselines are (re)written. CI never sets it. */
const updating = process.env.QUICKWEB_UPDATE_BASELINES === '1';

export interface BaselineResult {
  ok: boolean;
  message: string;
  /** Differing pixels, for reporting. */
  differing: number;
}

function decode(base64: string): PNG {
  return PNG.sync.read(Buffer.from(base64, 'base64'));
}

/**
 * Compares a screenshot with `__baselines__/NAME.png`, exactly (SwiftShader
 * renders the same pixels on every run) unless `tolerance` differing pixels
 * are allowed. On a mismatch the actual image and a diff image are saved and
 * their paths returned in the message.
 */
const matchBaseline: BrowserCommand<[name: string, base64: string, tolerance?: number]> = (
  _ctx,
  name,
  base64,
  tolerance = 0,
) => {
  const file = join(BASELINES, `${name}.png`);
  const actual = decode(base64);
  if (!existsSync(file)) {
    if (updating) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, PNG.sync.write(actual));
      return { ok: true, message: `wrote ${relative(ROOT, file)}`, differing: 0 } satisfies BaselineResult;
    }
    return {
      ok: false,
      message: `no baseline ${relative(ROOT, file)} (run npm run test:update to create it)`,
      differing: -1,
    } satisfies BaselineResult;
  }
  const expected = PNG.sync.read(readFileSync(file));
  const same = expected.width === actual.width && expected.height === actual.height;
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = same
    ? pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: 0 })
    : actual.width * actual.height;
  if (same && differing <= tolerance)
    return { ok: true, message: 'same', differing } satisfies BaselineResult;
  if (updating) {
    writeFileSync(file, PNG.sync.write(actual));
    return { ok: true, message: `updated ${relative(ROOT, file)}`, differing } satisfies BaselineResult;
  }
  const actualFile = join(OUTPUT, `${name}.actual.png`);
  const diffFile = join(OUTPUT, `${name}.diff.png`);
  mkdirSync(dirname(actualFile), { recursive: true });
  writeFileSync(actualFile, PNG.sync.write(actual));
  if (same) writeFileSync(diffFile, PNG.sync.write(diff));
  const what = same
    ? `${differing} pixels differ`
    : `size ${actual.width}x${actual.height}, baseline ${expected.width}x${expected.height}`;
  return {
    ok: false,
    message: `${name}: ${what}; actual: ${relative(ROOT, actualFile)}${same ? `, diff: ${relative(ROOT, diffFile)}` : ''}`,
    differing,
  } satisfies BaselineResult;
};

export interface QtComparison {
  /** Share of pixels that differ (pixelmatch, threshold 0.1), 0..1. */
  share: number;
  differing: number;
  /** Differing pixels outside any text (shapes must match exactly). */
  message: string;
}

/**
 * Compares a screenshot with real Qt's render of the same scene and state
 * (fixtures under test/fixtures/qt). Pixels that look like antialiasing on
 * either side are not counted unless `includeAA` (for scenes without text,
 * where every edge must match Qt's).
 */
const compareWithQt: BrowserCommand<[qtPng: string, base64: string, name: string, includeAA?: boolean]> = (
  _ctx,
  qtPng,
  base64,
  name,
  includeAA = false,
) => {
  const qt = PNG.sync.read(readFileSync(join(QT, qtPng)));
  const ours = decode(base64);
  if (qt.width !== ours.width || qt.height !== ours.height) {
    return {
      share: 1,
      differing: -1,
      message: `size ${ours.width}x${ours.height}, Qt ${qt.width}x${qt.height}`,
    };
  }
  const diff = new PNG({ width: qt.width, height: qt.height });
  const differing = pixelmatch(qt.data, ours.data, diff.data, qt.width, qt.height, {
    threshold: 0.1,
    includeAA,
  });
  mkdirSync(dirname(join(OUTPUT, name)), { recursive: true });
  writeFileSync(join(OUTPUT, `${name}.vs-qt.diff.png`), PNG.sync.write(diff));
  writeFileSync(join(OUTPUT, `${name}.ours.png`), PNG.sync.write(ours));
  const share = differing / (qt.width * qt.height);
  return {
    share,
    differing,
    message: `${name}: ${differing} pixels (${(share * 100).toFixed(3)}%) differ from Qt's render; diff: ${relative(ROOT, join(OUTPUT, `${name}.vs-qt.diff.png`))}`,
  } satisfies QtComparison;
};

/**
 * The `.qml` files under `test/fixtures/qt/DIR` (paths relative to the
 * project), and which of them are scenes Qt rendered (a PNG next to them).
 */
const listFixtures: BrowserCommand<[dir: string]> = (_ctx, dir) => {
  const files = readdirSync(join(QT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.qml'))
    .sort();
  return {
    files: files.map((f) => `test/fixtures/qt/${dir}/${f}`),
    scenes: files
      .filter((f) => existsSync(join(QT, dir, f.replace(/\.qml$/, '.png'))))
      .map((f) => f.slice(0, -4)),
  } satisfies FixtureList;
};

export interface FixtureList {
  files: string[];
  scenes: string[];
}

const servers = new Map<number, EchoServerHandle>();

const startEchoServer: BrowserCommand<[]> = async () => {
  const s = await createEchoServer({ port: 0, log: () => {}, heartbeatMs: 0 });
  servers.set(s.port, s);
  return s.port;
};

/** Stops a server as a killed process would (clients see the connection drop). */
const killEchoServer: BrowserCommand<[port: number]> = async (_ctx, port) => {
  await servers.get(port)?.terminate();
  servers.delete(port);
};

/**
 * Drives Chromium's input method as an IME does (DevTools protocol): with
 * `commit` false, sets the composition (pre-edit) text; with `commit` true,
 * commits `text` and ends the composition.
 */
const ime: BrowserCommand<[text: string, commit: boolean]> = async (ctx, text, commit) => {
  const cdp = await ctx.page.context().newCDPSession(ctx.page);
  try {
    if (commit) await cdp.send('Input.insertText', { text });
    else
      await cdp.send('Input.imeSetComposition', {
        text,
        selectionStart: text.length,
        selectionEnd: text.length,
      });
  } finally {
    await cdp.detach();
  }
};

export const commands = { matchBaseline, compareWithQt, listFixtures, startEchoServer, killEchoServer, ime };

declare module 'vitest/browser' {
  interface BrowserCommands {
    matchBaseline(name: string, base64: string, tolerance?: number): Promise<BaselineResult>;
    compareWithQt(qtPng: string, base64: string, name: string, includeAA?: boolean): Promise<QtComparison>;
    listFixtures(dir: string): Promise<FixtureList>;
    startEchoServer(): Promise<number>;
    killEchoServer(port: number): Promise<void>;
    ime(text: string, commit: boolean): Promise<void>;
  }
}
