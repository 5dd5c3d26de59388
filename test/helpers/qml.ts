// Runs QML given as strings, headless, collecting what it prints.
import { createRuntime, type Runtime } from '../../src/runtime';

export interface Run {
  runtime: Runtime;
  // biome-ignore lint/suspicious/noExplicitAny: tests reach into QML objects dynamically
  root: any;
  /** Everything printed: console/print lines and warnings, in order. */
  output: string[];
  /** The object with this id in the root file (through the root context). */
  // biome-ignore lint/suspicious/noExplicitAny: tests reach into QML objects dynamically
  id(name: string): any;
}

export const BASE = 'file:///test/';

/** An in-memory file set: names relative to file:///test/. */
export function memoryFiles(files: Record<string, string>) {
  const map = new Map(Object.entries(files).map(([k, v]) => [BASE + k, v]));
  return {
    read: (url: string) => {
      const s = map.get(url);
      if (s === undefined) throw new Error(`no file ${url}`);
      return s;
    },
    exists: (url: string) => map.has(url),
  };
}

/** Loads `main` (default: the first file) and creates it; a load error rejects with the QmlError. */
export async function runQml(files: Record<string, string> | string, main?: string): Promise<Run> {
  const set = typeof files === 'string' ? { 'main.qml': files } : files;
  const output: string[] = [];
  const runtime = createRuntime({
    files: memoryFiles(set),
    sink: { warn: (m) => output.push(m), log: (_l, m) => output.push(m) },
    scheduleFrame: () => {},
  });
  const root = await runtime.run(BASE + (main ?? Object.keys(set)[0]!));
  runtime.engine.polish();
  return {
    runtime,
    root,
    output,
    id(name: string) {
      // biome-ignore lint/suspicious/noExplicitAny: see above
      const ctx = (root.$ctx?.[root.$ctx.length - 1] ?? null) as any;
      const o = ctx?.lookupId(name);
      if (o) return o;
      throw new Error(`no id ${name}`);
    },
  };
}

/** The load error of a scene, as Qt prints it (`file:line:col: message`), with the base URL removed. */
export async function loadError(files: Record<string, string> | string, main?: string): Promise<string> {
  try {
    await runQml(files, main);
  } catch (e) {
    return String((e as Error).message).replaceAll(BASE, '');
  }
  throw new Error('the scene loaded');
}

/**
 * Starts `name`.qml (text `source`) on the real clock. `finished` resolves
 * once it calls Qt.quit() or `timeoutMs` pass (then `late`), with what it
 * printed; the runtime is shut down by then. `prepare` sees the runtime
 * before the scene runs.
 */
export async function startUntilQuit(
  name: string,
  source: string,
  options: { timeoutMs?: number; arguments?: string[]; prepare?: (runtime: Runtime) => void } = {},
): Promise<{ runtime: Runtime; finished: Promise<{ output: string[]; late: boolean }> }> {
  const output: string[] = [];
  let quit!: () => void;
  const quitted = new Promise<void>((resolve) => {
    quit = resolve;
  });
  const runtime = createRuntime({
    files: memoryFiles({ [`${name}.qml`]: source }),
    sink: { warn: (m) => output.push(m), log: (_l, m) => output.push(m) },
    onQuit: () => quit(),
    ...(options.arguments && { arguments: options.arguments }),
  });
  options.prepare?.(runtime);
  await runtime.run(`${BASE}${name}.qml`);
  const finished = (async () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = await Promise.race([
      quitted.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), options.timeoutMs ?? 10_000);
      }),
    ]);
    clearTimeout(timer);
    runtime.shutdown();
    return { output, late };
  })();
  return { runtime, finished };
}

/** Runs `name`.qml until it calls Qt.quit() or `timeoutMs` pass: what it printed, and whether it timed out. */
export async function runUntilQuit(
  name: string,
  source: string,
  timeoutMs: number,
): Promise<{ output: string[]; late: boolean }> {
  return (await startUntilQuit(name, source, { timeoutMs })).finished;
}

/** Output lines with the base URL removed. */
export function lines(run: Run): string[] {
  return run.output.map((l) => l.replaceAll(BASE, ''));
}
