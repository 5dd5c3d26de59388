// The page's scenes (every .qml file under scenes/, listed at build time)
// and the one its address asks for. The page's first module: the requested
// scene's files are being read already (by the script the HTML runs first,
// see scene-reads.ts), or are asked for now, before the renderer, engine and
// item code have been evaluated.
import { sceneFiles } from 'virtual:quickweb-scenes';
import { resolveScenePath, SCENE_READS_GLOBAL, startSceneReads } from './scene-reads';

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
  return resolveScenePath(sceneFiles, name);
}

/** The requested scene's file and the listed .qml files of its folder (what BrowserFiles.prefetchFolder reads), being read. */
export const earlyReads: ReadonlyMap<string, Promise<string>> = ((globalThis as Record<string, unknown>)[
  SCENE_READS_GLOBAL
] as Map<string, Promise<string>> | undefined) ??
startSceneReads(sceneFiles, base.href, location.search, resolveScenePath);
