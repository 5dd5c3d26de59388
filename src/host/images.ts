// Where the page reads Image's pictures: over HTTP, decoded by the browser
// (createImageBitmap; an <img> element for what it does not take, such as
// SVG). A picture read once is at hand at once after that, so an Image of a
// scene whose pictures were read ahead (the names its files write) is Ready
// when it is created, as a local file is in Qt.
import type { ImageSource, LoadedImage } from '../engine/images';

export class BrowserImages implements ImageSource {
  private readonly loaded = new Map<string, LoadedImage | Error>();
  private readonly reading = new Map<string, Promise<LoadedImage>>();

  load(url: string): LoadedImage | Promise<LoadedImage> {
    const done = this.loaded.get(url);
    if (done instanceof Error) throw done;
    if (done !== undefined) return done;
    let p = this.reading.get(url);
    if (p === undefined) {
      p = read(url).then(
        (img) => {
          this.loaded.set(url, img);
          this.reading.delete(url);
          return img;
        },
        (e: unknown) => {
          const error = e instanceof Error ? e : new Error(String(e));
          this.loaded.set(url, error);
          this.reading.delete(url);
          throw error;
        },
      );
      // (a read ahead that nobody waits for does not report)
      p.catch(() => {});
      this.reading.set(url, p);
    }
    return p;
  }

  /** Starts reading a picture a scene names, so that it is there when an Image asks. */
  preload(url: string): Promise<unknown> {
    const r = this.load(url);
    return r instanceof Promise ? r.catch(() => {}) : Promise.resolve();
  }
}

async function read(url: string): Promise<LoadedImage> {
  let blob: Blob;
  try {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    blob = await r.blob();
  } catch {
    throw new Error(`Cannot open: ${url}`);
  }
  try {
    const bitmap = await createImageBitmap(blob);
    return { width: bitmap.width, height: bitmap.height, bitmap };
  } catch {
    // (SVG, which createImageBitmap does not decode from a blob)
    const objectUrl = URL.createObjectURL(blob);
    try {
      const img = new Image();
      img.src = objectUrl;
      await img.decode();
      const bitmap = await createImageBitmap(img);
      return { width: img.naturalWidth, height: img.naturalHeight, bitmap };
    } catch {
      throw new Error(`Error decoding: ${url}: Unsupported image format`);
    } finally {
      URL.revokeObjectURL(objectUrl);
    }
  }
}
