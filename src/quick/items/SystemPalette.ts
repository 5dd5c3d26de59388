// SystemPalette (QQuickSystemPalette): the colors of the application's
// palette in one color group. The palette is Qt's default one (Fusion's
// light palette, which Qt uses where no platform theme gives another),
// measured from Qt 6.4.2 for the three groups.
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { parseColor } from '../../engine/valuetypes';

/** QPalette::ColorGroup as SystemPalette numbers it. */
enum ColorGroup {
  Active = 0,
  Disabled = 1,
  Inactive = 2,
}

const ROLES = [
  'alternateBase',
  'base',
  'button',
  'buttonText',
  'dark',
  'highlight',
  'highlightedText',
  'light',
  'mid',
  'midlight',
  'shadow',
  'text',
  'window',
  'windowText',
  'placeholderText',
] as const;

/** Each role's color in the active (and inactive) group, then where the disabled group differs. */
const ACTIVE = [
  '#f7f7f7',
  '#ffffff',
  '#efefef',
  '#000000',
  '#9f9f9f',
  '#308cc6',
  '#ffffff',
  '#ffffff',
  '#b8b8b8',
  '#cacaca',
  '#767676',
  '#000000',
  '#efefef',
  '#000000',
  '#80000000',
];
const DISABLED: Partial<Record<(typeof ROLES)[number], string>> = {
  base: '#efefef',
  buttonText: '#bebebe',
  dark: '#bebebe',
  highlight: '#919191',
  shadow: '#b1b1b1',
  text: '#bebebe',
  windowText: '#bebebe',
};

function colorsOf(group: number): string[] {
  return ROLES.map((r, i) => (group === ColorGroup.Disabled ? (DISABLED[r] ?? ACTIVE[i]!) : ACTIVE[i]!));
}

export class SystemPalette extends QObject {
  constructor() {
    super();
    this.fill(ColorGroup.Active);
  }

  /** Puts the group's colors in place (no signal: the caller announces paletteChanged once). */
  private fill(group: number): void {
    const colors = colorsOf(group);
    ROLE_INDEXES.forEach((idx, i) => {
      this.$v[idx] = parseColor(colors[i]!);
    });
  }

  /** colorGroup changed: every color may have, announced once (QQuickSystemPalette::paletteChanged). */
  groupChanged(): void {
    this.fill(this.$v[GROUP] as number);
    this.$emit(PALETTE_CHANGED, undefined);
  }
}

export const SystemPaletteMeta: MetaObject = defineType(SystemPalette, null, {
  name: 'SystemPalette',
  cppClass: 'QQuickSystemPalette',
  properties: {
    colorGroup: {
      type: 'enumeration',
      default: ColorGroup.Active,
      changed: (o) => (o as SystemPalette).groupChanged(),
    },
    ...Object.fromEntries(ROLES.map((r) => [r, { type: 'color', readonly: true, notify: 'paletteChanged' }])),
  },
  signals: { paletteChanged: {} },
  enums: { Active: ColorGroup.Active, Inactive: ColorGroup.Inactive, Disabled: ColorGroup.Disabled },
});

const GROUP = SystemPaletteMeta.index('colorGroup');
const ROLE_INDEXES = ROLES.map((r) => SystemPaletteMeta.index(r));
const PALETTE_CHANGED = SystemPaletteMeta.signalsByName.get('paletteChanged')!.index;
