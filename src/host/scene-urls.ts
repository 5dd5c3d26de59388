// The page's scenes (every .qml file under scenes/, listed at build time)
// and the one its address asks for. The page's first module: the requested
// scene's files are asked for while the rest of the code loads and runs,
// not after.
import { sceneFiles } from 'virtual:quickweb-scenes';
import { fetchText } from './files';

export { sceneFiles };

const base = new URL(import.meta.env.BASE_URL, location.href);

/** A path of the scene list (or of `?url=`) as an absolute URL. */
export const abs = (path: string) => new URL(path.replace(/^\//, ''), base).href;

/** Main files: a file whose name starts with a lower-case letter (component files start upper-case, as in Qt). */
export function mainFiles(): string[] {
  return sceneFiles.filter((f) => /\/[a-z][^/]*\.qml$/.test(f));
}

/** `chat` -> the folder's first main file; `echo/echo.qml` or `scenes/echo/echo.qml` -> that file. */
export function resolveScene(name: string): string | undefined {
  const clean = name.replace(/^\/+/, '').replace(/^scenes\//, '');
  const all = mainFiles();
  if (clean.endsWith('.qml')) return all.find((f) => f === `/scenes/${clean}`) ?? `/scenes/${clean}`;
  return all.find((f) => f.startsWith(`/scenes/${clean}/`));
}

/**
 * The requested scene's file and the listed .qml files of its folder (what
 * BrowserFiles.prefetchFolder reads), being read: started before the
 * renderer, engine and item code have even been evaluated.
 */
export const earlyReads = new Map<string, Promise<string>>();
{
  const params = new URLSearchParams(location.search);
  const direct = params.get('url');
  const scene = params.get('scene');
  const path = direct ?? (scene ? resolveScene(scene) : undefined);
  if (path) {
    const url = abs(path);
    const dir = url.slice(0, url.lastIndexOf('/') + 1);
    const folder = sceneFiles
      .map(abs)
      .filter((f) => f.startsWith(dir) && f.endsWith('.qml') && !f.slice(dir.length).includes('/'));
    for (const f of folder.includes(url) ? folder : [url, ...folder]) {
      const p = fetchText(f);
      p.catch(() => {});
      earlyReads.set(f, p);
    }
  }
}
