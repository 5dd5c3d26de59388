// Runs the Qt-measured scenes of test/fixtures/qt/websockets/ in our runtime
// and reads what Qt printed for them, with the fixed ports of the scenes
// replaced by the ports the tests got.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeFiles } from '../../../src/cli/node-files';
import { createRuntime, type Runtime } from '../../../src/runtime';
import { setTransport, type Transport } from '../../../src/websockets/transport';
import { startUntilQuit } from '../../helpers/qml';

export { freePort } from './scenario-server';

export const FIXTURES = new URL('../../fixtures/qt/websockets/', import.meta.url);

/** The scenes' fixed ports (see the fixtures' README) and what stands in for them. */
export interface Ports {
  echo: number;
  scenario: number;
  refused: number;
  tls?: number;
  peer?: number;
}

const PLACEHOLDERS: Record<string, keyof Ports> = {
  '38001': 'echo',
  '38002': 'scenario',
  '38003': 'refused',
  '38004': 'tls',
  '38006': 'peer',
};

export function withPorts(text: string, ports: Ports): string {
  return text.replace(/\b380(0[1-6])\b/g, (m) => {
    const key = PLACEHOLDERS[m];
    const port = key ? ports[key] : undefined;
    return port === undefined ? m : String(port);
  });
}

/** Lines that are not the WebSockets module's business: the engine's signal-parameter deprecation warning. */
const notOurs = (line: string) => line.startsWith('qt.qml.context:');

export function sceneSource(name: string, ports: Ports): string {
  return withPorts(readFileSync(new URL(`${name}.qml`, FIXTURES), 'utf8'), ports);
}

export function qtOutput(name: string, ports: Ports): string[] {
  const text = withPorts(readFileSync(new URL(`${name}.qt.txt`, FIXTURES), 'utf8'), ports);
  return text
    .split('\n')
    .filter((l) => l !== '')
    .filter((l) => !notOurs(l));
}

export interface SceneRun {
  runtime: Runtime;
  /** Resolves with everything printed once the scene calls Qt.quit() (or the time is up). */
  finished: Promise<string[]>;
}

/**
 * Starts a scene. It ends when the scene calls Qt.quit(); a scene that waits
 * for an event that never comes ends after `timeoutMs` with "(timed out)"
 * as its last line, so the comparison shows what was missing.
 */
export async function startScene(
  name: string,
  source: string,
  options: { timeoutMs?: number; arguments?: string[]; transport?: Transport } = {},
): Promise<SceneRun> {
  const { transport } = options;
  const started = await startUntilQuit(name, source, {
    timeoutMs: options.timeoutMs ?? 10_000,
    arguments: options.arguments ?? ['qml', `${name}.qml`],
    ...(transport && { prepare: (runtime: Runtime) => setTransport(runtime.engine, transport) }),
  });
  const finished = started.finished.then(({ output, late }) => [
    ...output.filter((l) => !notOurs(l)),
    ...(late ? ['(timed out)'] : []),
  ]);
  return { runtime: started.runtime, finished };
}

/** Runs a scene to its end and returns what it printed. */
export async function runScene(name: string, ports: Ports, transport?: Transport): Promise<string[]> {
  const run = await startScene(name, sceneSource(name, ports), transport ? { transport } : {});
  return run.finished;
}

export const SERVER_QML = pathToFileURL(
  fileURLToPath(new URL('../../../scenes/echo/server.qml', import.meta.url)),
).href;

export interface QmlEchoServer {
  runtime: Runtime;
  port: number;
  url: string;
  /** What the scene printed. */
  output: string[];
}

/** Runs scenes/echo/server.qml as `qml server.qml -- 0` would: on a free port. */
export async function startQmlEchoServer(): Promise<QmlEchoServer> {
  const output: string[] = [];
  const runtime = createRuntime({
    files: nodeFiles,
    sink: { warn: (m) => output.push(m), log: (_l, m) => output.push(m) },
    arguments: ['qml', 'scenes/echo/server.qml', '--', '0'],
  });
  await runtime.run(SERVER_QML);
  const m = /^qml: listening on port (\d+)$/.exec(output[0] ?? '');
  if (!m) {
    runtime.shutdown();
    throw new Error(`server.qml did not start: ${output.join('\n')}`);
  }
  const port = Number(m[1]);
  return { runtime, port, url: `ws://127.0.0.1:${port}`, output };
}
