/**
 * Font family resolution as Qt 6.4 does it through fontconfig on the
 * reference machine, and the metric tables of the bundled families.
 *
 * Bundled: DejaVu Sans (its regular face always loaded; bold, oblique and
 * bold oblique are one module each), DejaVu Sans Mono and DejaVu Serif (one
 * module each): a face's tables are loaded the first time a font asks for
 * them, or before a scene is created when its sources name the family or
 * use bold or italic text (loadFamiliesNamedIn). A requested family
 * resolves to one of the three:
 *
 * - Names are compared ignoring case and spaces, like fontconfig's
 *   FcStrCmpIgnoreBlanksAndCase: "DejaVuSansMono", " monospace" and
 *   "MONOSPACE" all give DejaVu Sans Mono; a tab is not a blank there
 *   ("\tmonospace" gives DejaVu Sans), and a comma list is one name
 *   ("monospace,serif" gives DejaVu Sans).
 * - The names below are those of fontconfig's configuration (conf.d: generic
 *   names, metric aliases, the 45-latin classification) that Qt resolved to
 *   DejaVu Sans Mono or DejaVu Serif (test/fixtures/qt/text/font_families).
 *   Everything else, unknown names included, gives DejaVu Sans.
 * - Where the reference machine has Liberation fonts installed (Courier,
 *   Times, Arial, Helvetica and their metric aliases resolve to Liberation
 *   Mono/Serif/Sans there), the family Qt picks with the DejaVu fonts alone
 *   is used: Courier -> DejaVu Sans Mono, Times -> DejaVu Serif, Arial ->
 *   DejaVu Sans. Likewise DejaVu Math TeX Gyre (Qt's pick for "math" and for
 *   an empty family) and the Condensed and ExtraLight faces are not bundled.
 */
import { DEJAVU_SANS_FACES } from './generated/dejavu-sans';

export type FamilyKey = 'sans' | 'mono' | 'serif';
/** The face slot within a family (DejaVu Serif calls its slanted faces Italic). */
export type StyleKey = 'regular' | 'bold' | 'oblique' | 'boldOblique';
export type FaceKey = `${FamilyKey}-${StyleKey}`;

export interface FaceTable {
  /** the face's family name (QFontInfo::family) */
  readonly family: string;
  /** the face's style name (QFontInfo::styleName) */
  readonly style: string;
  /** encoded metrics, see font-data.ts */
  readonly data: string;
}
/** The faces one generated module holds. */
type FaceTables = Readonly<Partial<Record<StyleKey, FaceTable>>>;

export const FAMILY_KEYS: readonly FamilyKey[] = ['sans', 'mono', 'serif'];
export const STYLE_KEYS: readonly StyleKey[] = ['regular', 'bold', 'oblique', 'boldOblique'];

// Names that Qt resolves to DejaVu Sans Mono / DejaVu Serif, lower case without spaces.
const MONO = new Set([
  'andalemono',
  'bepamono',
  'bitstreamprimasansmono',
  'bitstreamverasansmono',
  'consolas',
  'courier',
  'couriernew',
  'courierstd',
  'cousine',
  'cumberland',
  'cumberlandamt',
  'dejavulgcsansmono',
  'dejavusansmono',
  'fixedsys',
  'freemono',
  'inconsolata',
  'liberationmono',
  'luximono',
  'mono',
  'monospace',
  'nanumgothiccoding',
  'nimbusmono',
  'nimbusmonol',
  'nimbusmonops',
  'nsimsun',
  'olwensansmono',
  'susesansmono',
  'terminal',
  'texgyrecursor',
]);
const SERIF = new Set([
  'arplmingti2lbig5',
  'arplsungtilgb',
  'arplzenkaiuni',
  'badr',
  'baekmukbatang',
  'bitstreamprimaserif',
  'bitstreamveraserif',
  'caladea',
  'cambria',
  'constantia',
  'dejavulgcserif',
  'dejavuserif',
  'elephant',
  'ferdosi',
  'freeserif',
  'garamond',
  'gelasio',
  'georgia',
  'hunkyserif',
  'jadid',
  'kochimincho',
  'liberationserif',
  'lotoos',
  'luxiserif',
  'mgopencanonica',
  'mitra',
  'msserif',
  'nanummyeongjo',
  'nazli',
  'nimbusroman',
  'nimbusromanno9l',
  'olwenserif',
  'p052',
  'palatino',
  'palatinolinotype',
  'palladiourw',
  'sazanamimincho',
  'serif',
  'simsun',
  'suseserif',
  'texgyrepagella',
  'texgyretermes',
  'thorndale',
  'thorndaleamt',
  'times',
  'timesnewroman',
  'tinos',
  'titr',
  'unbatang',
  'urwpalladiol',
  'verajjaserif',
  'zar',
  'zysong18030',
  'ｍｓ明朝',
]);

/** The bundled family a requested font.family resolves to. */
export function resolveFamily(requested: string): FamilyKey {
  if (requested === lastRequested) return lastFamily;
  const key = requested.toLowerCase().replaceAll(' ', '');
  lastFamily = MONO.has(key) ? 'mono' : SERIF.has(key) ? 'serif' : 'sans';
  lastRequested = requested;
  return lastFamily;
}

// Fonts are resolved again and again with the same family: the last answer is kept.
let lastRequested = 'Sans Serif';
let lastFamily: FamilyKey = 'sans';

const faces: Partial<Record<FaceKey, FaceTable>> = { 'sans-regular': DEJAVU_SANS_FACES.regular };
/** Loads by module (a family's module holds all its faces). */
const loading = new Map<string, Promise<void>>();

/** The module holding a face's tables, and how to import it. */
function moduleOf(face: FaceKey): { name: string; load: () => Promise<FaceTables> } {
  switch (face) {
    case 'sans-bold':
      return {
        name: face,
        load: () => import('./generated/dejavu-sans-bold').then((m) => m.DEJAVU_SANS_BOLD_FACES),
      };
    case 'sans-oblique':
      return {
        name: face,
        load: () => import('./generated/dejavu-sans-oblique').then((m) => m.DEJAVU_SANS_OBLIQUE_FACES),
      };
    case 'sans-boldOblique':
      return {
        name: face,
        load: () =>
          import('./generated/dejavu-sans-bold-oblique').then((m) => m.DEJAVU_SANS_BOLD_OBLIQUE_FACES),
      };
    case 'sans-regular':
      return { name: face, load: () => Promise.resolve(DEJAVU_SANS_FACES) };
    default:
      return face.startsWith('mono-')
        ? {
            name: 'mono',
            load: () => import('./generated/dejavu-sans-mono').then((m) => m.DEJAVU_SANS_MONO_FACES),
          }
        : { name: 'serif', load: () => import('./generated/dejavu-serif').then((m) => m.DEJAVU_SERIF_FACES) };
  }
}

/** A face's tables, or null while they have not been loaded (see loadFace). */
export function faceTable(face: FaceKey): FaceTable | null {
  return faces[face] ?? null;
}

/** What else a face needs once its tables are there (FontMetrics: the glyph boxes), see setFaceHook. */
let faceHook: ((face: FaceKey) => Promise<void>) | null = null;

/** Sets faceHook; it runs for the faces loaded already (the promise) and for every face loaded later. */
export function setFaceHook(hook: (face: FaceKey) => Promise<void>): Promise<void> {
  faceHook = hook;
  return Promise.all((Object.keys(faces) as FaceKey[]).map(hook)).then(() => {});
}

/** Loads the tables of a face (and of the faces in the same module) once. */
export function loadFace(face: FaceKey): Promise<void> {
  if (faces[face]) return Promise.resolve();
  const m = moduleOf(face);
  let p = loading.get(m.name);
  if (!p) {
    const family = face.slice(0, face.indexOf('-')) as FamilyKey;
    p = m.load().then((t) => {
      const hooks: Promise<void>[] = [];
      for (const style of STYLE_KEYS) {
        const table = t[style];
        if (table) faces[`${family}-${style}`] = table;
        if (table && faceHook) hooks.push(faceHook(`${family}-${style}`));
      }
      return Promise.all(hooks).then(() => {});
    });
    loading.set(m.name, p);
  }
  return p;
}

/** Loads all faces of a family. */
export function loadFamily(family: FamilyKey): Promise<void> {
  return Promise.all(STYLE_KEYS.map((s) => loadFace(`${family}-${s}`))).then(() => {});
}

const STRING_LITERAL = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g;

// What in a source can make text bold or italic: font.bold, font.weight
// (Font.DemiBold and heavier draw with the bold face), font.italic,
// Qt.font({ bold: true }), and the StyledText tags <b>, <strong>, <h1>..<h6>
// and <i> in a string. A source that merely mentions the words loads a face
// it might not use; text that gets bold or italic from elsewhere (a network
// message with <b>) is laid out again when its face arrives.
const CSS_FONT_FAMILIES = /\d(?:px|pt)\s+(.+)$/;
const BOLD = /bold|weight|<(?:b|strong|h[1-6])\b/i;
const ITALIC = /italic|<i\b/i;

/**
 * Loads the faces a QML or JavaScript source may use: the families its
 * string literals name (`font.family: "monospace"`, `Qt.font({ family:
 * "Courier" })`), in the styles it asks for, so that a scene's texts are
 * measured with their faces from the first frame. A family or style that
 * only computed values ask for is loaded when a font first asks for it,
 * and the texts using it are laid out again then. Null when there is
 * nothing to load.
 */
export function loadFamiliesNamedIn(source: string): Promise<void> | null {
  const families: FamilyKey[] = ['sans'];
  for (const m of source.matchAll(STRING_LITERAL)) {
    const name = m[1] ?? m[2]!;
    if (name.length > 40) continue;
    // (a Canvas context's CSS font, `ctx.font = "bold 12px serif"`, names its families after the size)
    const css = CSS_FONT_FAMILIES.exec(name);
    for (const n of css === null ? [name] : css[1]!.split(',')) {
      const family = resolveFamily(n.trim().replace(/^(['"])(.*)\1$/, '$2'));
      if (!families.includes(family)) families.push(family);
    }
  }
  const bold = BOLD.test(source);
  const italic = ITALIC.test(source);
  const styles: StyleKey[] = ['regular'];
  if (bold) styles.push('bold');
  if (italic) styles.push('oblique');
  if (bold && italic) styles.push('boldOblique');
  const wanted: Promise<void>[] = [];
  for (const f of families)
    for (const s of styles) if (faces[`${f}-${s}`] === undefined) wanted.push(loadFace(`${f}-${s}`));
  return wanted.length === 0 ? null : Promise.all(wanted).then(() => {});
}
