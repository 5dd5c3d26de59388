/**
 * Font family resolution as Qt 6.4 does it through fontconfig on the
 * reference machine, and the metric tables of the bundled families.
 *
 * Bundled: DejaVu Sans (always loaded), DejaVu Sans Mono and DejaVu Serif
 * (their tables are separate modules, loaded the first time a font asks for
 * them). A requested family resolves to one of the three:
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
export type StyleKey = keyof typeof DEJAVU_SANS_FACES;
export type FaceKey = `${FamilyKey}-${StyleKey}`;

export interface FaceTable {
  /** the face's family name (QFontInfo::family) */
  readonly family: string;
  /** the face's style name (QFontInfo::styleName) */
  readonly style: string;
  /** encoded metrics, see font-data.ts */
  readonly data: string;
}
export type FamilyTables = Readonly<Record<StyleKey, FaceTable>>;

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

const tables: Record<FamilyKey, FamilyTables | null> = { sans: DEJAVU_SANS_FACES, mono: null, serif: null };
const loading = new Map<FamilyKey, Promise<void>>();

function importTables(family: FamilyKey): Promise<FamilyTables> {
  switch (family) {
    case 'mono':
      return import('./generated/dejavu-sans-mono').then((m) => m.DEJAVU_SANS_MONO_FACES);
    case 'serif':
      return import('./generated/dejavu-serif').then((m) => m.DEJAVU_SERIF_FACES);
    default:
      return Promise.resolve(DEJAVU_SANS_FACES);
  }
}

/** The family's tables, or null while they have not been loaded (see loadFamily). */
export function familyTables(family: FamilyKey): FamilyTables | null {
  return tables[family];
}

/** Loads a family's metric tables once. */
export function loadFamily(family: FamilyKey): Promise<void> {
  if (tables[family]) return Promise.resolve();
  let p = loading.get(family);
  if (!p) {
    p = importTables(family).then((t) => {
      tables[family] = t;
    });
    loading.set(family, p);
  }
  return p;
}

const STRING_LITERAL = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g;

/**
 * Loads the families that string literals of a QML or JavaScript source
 * name (`font.family: "monospace"`, `Qt.font({ family: "Courier" })`), so
 * that a scene's texts are measured with their family from the first frame.
 * A family that only a computed string names is loaded when a font first
 * asks for it, and the texts using it are laid out again then. Null when
 * there is nothing to load.
 */
export function loadFamiliesNamedIn(source: string): Promise<void> | null {
  const wanted: FamilyKey[] = [];
  for (const m of source.matchAll(STRING_LITERAL)) {
    const name = m[1] ?? m[2]!;
    if (name.length > 40) continue;
    const family = resolveFamily(name);
    if (tables[family] === null && !wanted.includes(family)) wanted.push(family);
  }
  return wanted.length === 0 ? null : Promise.all(wanted.map(loadFamily)).then(() => {});
}
