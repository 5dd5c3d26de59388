// Reading .qml files and images from the local file system (file: URLs), for the Node tools.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileSource } from '../engine/engine';
import { type ImageSource, imageSize } from '../engine/images';

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

/** Images for the Node tools: a local file's size, read from its header (nothing is drawn). */
export const nodeImages: ImageSource = {
  load(url) {
    let bytes: Uint8Array;
    try {
      if (!url.startsWith('file:')) throw new Error('not a local file');
      bytes = readFileSync(fileURLToPath(url));
    } catch {
      throw new Error(`Cannot open: ${url}`);
    }
    const size = imageSize(bytes);
    if (size === null) throw new Error(`Error decoding: ${url}: Unsupported image format`);
    return size;
  },
};
