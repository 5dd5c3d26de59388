// Running .qml files dropped onto the page: a single file, several, or a
// folder (its main file is the first whose name starts with a lower-case
// letter, as in Qt projects; component files start with an upper-case one).
// Loaded with the first drop (drop.ts listens).
import type { BrowserFiles } from './files';
import type { SceneHost } from './scene-host';

export async function readEntries(
  entry: FileSystemEntry,
  path: string,
  out: Array<{ path: string; file: File }>,
): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    out.push({ path: `${path}${entry.name}`, file });
  } else if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
        reader.readEntries(resolve, reject),
      );
      if (batch.length === 0) break;
      for (const e of batch) await readEntries(e, `${path}${entry.name}/`, out);
    }
  }
}

let drops = 0;

/** Puts dropped files under a unique in-memory folder and runs the main one. */
export async function runDropped(
  host: SceneHost,
  files: BrowserFiles,
  items: Array<{ path: string; file: File }>,
): Promise<boolean> {
  const qml = items.filter((i) => i.path.endsWith('.qml') || /\.m?js$/.test(i.path));
  if (qml.length === 0) {
    host.showError('Drop .qml files (or a folder of them) to run them.');
    return false;
  }
  const folder = new URL(`/dropped/${++drops}/`, location.href).href;
  for (const { path, file } of qml) files.addMemoryFile(folder + path, await file.text());
  const main =
    qml.find(
      (i) => /(^|\/)[a-z][^/]*\.qml$/.test(i.path) && !i.path.slice(0, i.path.lastIndexOf('/')).includes('/'),
    ) ??
    qml.find((i) => /(^|\/)[a-z][^/]*\.qml$/.test(i.path)) ??
    qml.find((i) => i.path.endsWith('.qml'));
  if (!main) return false;
  return host.open(folder + main.path);
}
