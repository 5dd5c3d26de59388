// Reading .qml files from the local file system (file: URLs), for the Node tools.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileSource } from '../engine/engine';

export const nodeFiles: FileSource = {
  read: (url) => readFileSync(fileURLToPath(url), 'utf8'),
  exists: (url) => url.startsWith('file:') && existsSync(fileURLToPath(url)),
  isDirectory: (url) => {
    if (!url.startsWith('file:')) return false;
    try {
      return statSync(fileURLToPath(url), { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      // (a file named as a folder, `import "util.mjs"`: ENOTDIR)
      return false;
    }
  },
};
