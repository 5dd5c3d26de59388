// The scenes recorded with Qt 6.4.2 (test/fixtures/qt/lang), run in the page:
// what Qt printed, and what the page prints for the same scene.
import known from '../unit/engine/qt-lang-known.json';
import { BASE, runUntilQuit } from './qml';

export interface RecordedScenes {
  /** The scenes' names, without those the engine is known to run differently (qt-lang-known.json). */
  names: string[];
  /** The lines Qt printed on stderr (console output and warnings). */
  qtOutput(name: string): string[];
  /** Runs a scene until it calls Qt.quit(): what it printed, file names and addresses as the recording shows them. */
  run(name: string): Promise<string[]>;
}

/** `files`: the fixtures' .qml and .expected.txt texts by path, as import.meta.glob gives them. */
export function recordedScenes(files: Record<string, string>): RecordedScenes {
  const path = (name: string, ext: string) =>
    Object.keys(files).find((f) => f.endsWith(`/${name}${ext}`)) ?? `${name}${ext}`;
  const names = Object.keys(files)
    .filter((f) => f.endsWith('.qml'))
    .map((f) => f.replace(/^.*\/(.*)\.qml$/, '$1'))
    .filter((name) => !(name in known))
    .sort();
  return {
    names,
    qtOutput(name) {
      const text = files[path(name, '.expected.txt')]!;
      const stderr = text.slice(text.indexOf('--- stderr\n') + 11, text.indexOf('--- stdout\n'));
      return stderr.split('\n').filter((l) => l !== '');
    },
    async run(name) {
      const { output, late } = await runUntilQuit(name, files[path(name, '.qml')]!, 10_000);
      // (object addresses as the recording shows them)
      const shown = output.map((l) => l.replaceAll(BASE, '').replace(/\(0x[0-9a-f]{8,}/g, '(0xADDR'));
      return [...shown, ...(late ? ['(timed out)'] : [])];
    },
  };
}
