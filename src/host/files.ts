// Where the page reads .qml files: over HTTP from the dev server or the
// static build, or from files dropped onto the page. Texts are cached until
// a file changes.
import type { FileSource } from '../engine/engine';

/** A file's text over HTTP, never from the HTTP cache (a scene edited on disk is read anew). */
export function fetchText(url: string): Promise<string> {
  return fetch(url, { cache: 'no-store' }).then((r) => {
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return r.text();
  });
}

export class BrowserFiles implements FileSource {
  private readonly cache = new Map<string, Promise<string>>();
  /** Files given by the user (drag and drop), by absolute URL. */
  private readonly memory = new Map<string, string>();

  constructor(
    /** Absolute URLs of the files known to exist on the server (the scene list). */
    private known: Set<string>,
  ) {}

  setKnown(urls: Iterable<string>): void {
    this.known = new Set(urls);
  }

  /** Folders whose files are asked for over HTTP when a type name needs them (no list is known). */
  private readonly openDirectories: string[] = [];

  allowDirectory(url: string): void {
    this.openDirectories.push(url);
  }

  addMemoryFile(url: string, text: string): void {
    this.memory.set(url, text);
    this.cache.delete(url);
  }

  /** Reads already started (scene-urls.ts), taken as the files' cached texts. */
  adopt(reads: ReadonlyMap<string, Promise<string>>): void {
    for (const [url, p] of reads) {
      if (this.cache.has(url)) continue;
      this.cache.set(url, p);
      p.catch(() => this.cache.delete(url));
    }
  }

  invalidate(url: string): void {
    this.cache.delete(url);
  }

  read(url: string): Promise<string> {
    const m = this.memory.get(url);
    if (m !== undefined) return Promise.resolve(m);
    let p = this.cache.get(url);
    if (!p) {
      p = fetchText(url);
      this.cache.set(url, p);
      p.catch(() => this.cache.delete(url));
    }
    return p;
  }

  /**
   * Starts reading the known .qml files in `url`'s folder: a scene's
   * component files (ChatView.qml beside ws_client.qml) are then fetched
   * together instead of one after another as the loader reaches each type.
   */
  prefetchFolder(url: string): void {
    const dir = url.slice(0, url.lastIndexOf('/') + 1);
    for (const f of this.known) {
      if (f.startsWith(dir) && f.endsWith('.qml') && !f.slice(dir.length).includes('/'))
        this.read(f).catch(() => {});
    }
  }

  exists(url: string): boolean | Promise<boolean> {
    if (this.memory.has(url) || this.known.has(url)) return true;
    if (!this.openDirectories.some((d) => url.startsWith(d))) return false;
    return this.read(url).then(
      () => true,
      () => false,
    );
  }
}
