// Where Image reads its pictures: the host gives the engine an ImageSource
// (the page decodes with the browser; the Node tools read the size from the
// file's header, which is all the geometry needs).

/** A decoded image: its size in pixels, and what the renderer draws (an ImageBitmap in the page). */
export interface LoadedImage {
  readonly width: number;
  readonly height: number;
  readonly bitmap?: unknown;
}

export interface ImageSource {
  /**
   * The image at `url`: at once when it is known (a local file, or one read
   * before), otherwise a promise. Throws (or rejects) with Qt's message
   * (`Cannot open: file:///...`) when it cannot be read or decoded.
   */
  load(url: string): LoadedImage | Promise<LoadedImage>;
  /** Starts reading a picture a scene's file names, so that it is at hand when an Image asks (optional). */
  preload?(url: string): Promise<unknown>;
}

/** An image file's size from its header: PNG, JPEG, GIF, BMP and WebP; null for anything else. */
export function imageSize(b: Uint8Array): { width: number; height: number } | null {
  const u16be = (i: number) => (b[i]! << 8) | b[i + 1]!;
  const u16le = (i: number) => b[i]! | (b[i + 1]! << 8);
  const u32be = (i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
  const i32le = (i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
  const ascii = (i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));
  if (b.length >= 24 && b[0] === 0x89 && ascii(1, 3) === 'PNG')
    return { width: u32be(16), height: u32be(20) };
  if (b.length >= 10 && ascii(0, 3) === 'GIF') return { width: u16le(6), height: u16le(8) };
  if (b.length >= 26 && ascii(0, 2) === 'BM') return { width: i32le(18), height: Math.abs(i32le(22)) };
  if (b.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
    const kind = ascii(12, 4);
    if (kind === 'VP8 ') return { width: u16le(26) & 0x3fff, height: u16le(28) & 0x3fff };
    if (kind === 'VP8L') {
      const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    if (kind === 'VP8X')
      return {
        width: 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16)),
        height: 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16)),
      };
    return null;
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    // JPEG: the first start-of-frame marker (SOF0..SOF15 but DHT, JPG and DAC)
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1]!;
      if (marker === 0xff) {
        i++;
        continue;
      }
      const len = u16be(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { width: u16be(i + 7), height: u16be(i + 5) };
      i += 2 + len;
    }
  }
  return null;
}

/** The pictures a QML file's text names in string literals (`source: "images/logo.png"`, data: URLs), as URLs. */
export function picturesNamedIn(text: string, fileUrl: string): string[] {
  const urls: string[] = [];
  for (const m of text.matchAll(
    /["']([^"'\n]+\.(?:png|jpe?g|gif|webp|bmp|svg)|data:image\/[^"'\s]+)["']/gi,
  )) {
    try {
      urls.push(new URL(m[1]!, fileUrl).href);
    } catch {
      // (not a URL)
    }
  }
  return urls;
}
