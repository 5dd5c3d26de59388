// Which scene a page address asks for, and reading its files early. Both
// functions are self-contained (no imports, no names from outside them): the
// Vite plugin writes their source into the page's HTML as a classic script,
// which runs as the HTML is parsed, while the page's modules are still
// downloading; the page then finds the scene's files read or on their way.

/**
 * The scene a name stands for, as a path of `files` (the .qml files under
 * scenes/): `chat` is the folder's first main file (a file whose name starts
 * with a lower-case letter: component files start upper-case, as in Qt);
 * `echo/echo.qml` and `scenes/echo/echo.qml` are that file.
 */
export function resolveScenePath(files: readonly string[], name: string): string | undefined {
  const clean = name.replace(/^\/+/, '').replace(/^scenes\//, '');
  const main = files.filter((f) => /\/[a-z][^/]*\.qml$/.test(f));
  if (clean.endsWith('.qml')) return main.find((f) => f === `/scenes/${clean}`) ?? `/scenes/${clean}`;
  return main.find((f) => f.startsWith(`/scenes/${clean}/`));
}

/**
 * Starts reading the scene that `search` asks for (`?url=PATH` or
 * `?scene=NAME`) and the listed .qml files of its folder, by absolute URL.
 * Read over HTTP with the HTTP cache bypassed, as BrowserFiles reads (a
 * scene edited on disk is read anew).
 */
export function startSceneReads(
  files: readonly string[],
  base: string,
  search: string,
  resolve: (files: readonly string[], name: string) => string | undefined,
): Map<string, Promise<string>> {
  const reads = new Map<string, Promise<string>>();
  const params = new URLSearchParams(search);
  const scene = params.get('scene');
  const path = params.get('url') ?? (scene ? resolve(files, scene) : undefined);
  if (!path) return reads;
  // (no named inner functions: a build that keeps function names would wrap them in a helper the page lacks)
  const [url, ...listed] = [path, ...files].map((p) => new URL(p.replace(/^\//, ''), base).href) as [
    string,
    ...string[],
  ];
  const dir = url.slice(0, url.lastIndexOf('/') + 1);
  const folder = listed.filter(
    (f) => f.startsWith(dir) && f.endsWith('.qml') && !f.slice(dir.length).includes('/'),
  );
  for (const f of folder.includes(url) ? folder : [url, ...folder]) {
    const p = fetch(f, { cache: 'no-store' }).then((r) => {
      if (!r.ok) throw new Error(`${f}: HTTP ${r.status}`);
      return r.text();
    });
    p.catch(() => {});
    reads.set(f, p);
  }
  return reads;
}

/** The global the HTML's script leaves its reads in. */
export const SCENE_READS_GLOBAL = '__quickwebSceneReads';

/**
 * The classic script the page's HTML runs first: the reads for the address's
 * scene, left in SCENE_READS_GLOBAL. `base` is the page's base path (Vite's
 * `base`), resolved against the page's address.
 */
export function sceneReadsScript(files: readonly string[], base: string): string {
  return (
    // (`<` escaped: a file named `</script>` cannot end the script)
    `globalThis.${SCENE_READS_GLOBAL}=(${startSceneReads.toString()})(${JSON.stringify(files).replace(/</g, '\\u003c')},` +
    `new URL(${JSON.stringify(base)},location.href).href,location.search,(${resolveScenePath.toString()}));`
  );
}
