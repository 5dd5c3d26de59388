// The accessibility attached types: `Accessible` (QQuickAccessibleAttached:
// an item's role, name, description and states for assistive technology,
// and the actions it can be asked for) and `EnterKey` (QQuickEnterKeyAttached:
// what the Enter key of an on-screen keyboard shows), plus the `InputMethod`
// type name, which QML can name but not create.
import { defineType, type MetaObject, QObject, qmlWarning } from '../../engine/qobject';
import { Item } from './Item';

/** QAccessible::Role, as `Accessible.Button` and the others name them. */
const ROLES: Record<string, number> = {
  NoRole: 0,
  TitleBar: 1,
  MenuBar: 2,
  ScrollBar: 3,
  Grip: 4,
  Sound: 5,
  Cursor: 6,
  Caret: 7,
  AlertMessage: 8,
  Window: 9,
  Client: 10,
  PopupMenu: 11,
  MenuItem: 12,
  ToolTip: 13,
  Application: 14,
  Document: 15,
  Pane: 16,
  Chart: 17,
  Dialog: 18,
  Border: 19,
  Grouping: 20,
  Separator: 21,
  ToolBar: 22,
  StatusBar: 23,
  Table: 24,
  ColumnHeader: 25,
  RowHeader: 26,
  Column: 27,
  Row: 28,
  Cell: 29,
  Link: 30,
  HelpBalloon: 31,
  Assistant: 32,
  List: 33,
  ListItem: 34,
  Tree: 35,
  TreeItem: 36,
  PageTab: 37,
  PropertyPage: 38,
  Indicator: 39,
  Graphic: 40,
  StaticText: 41,
  EditableText: 42,
  Button: 43,
  PushButton: 43,
  CheckBox: 44,
  RadioButton: 45,
  ComboBox: 46,
  ProgressBar: 48,
  Dial: 49,
  HotkeyField: 50,
  Slider: 51,
  SpinBox: 52,
  Canvas: 53,
  Animation: 54,
  Equation: 55,
  ButtonDropDown: 56,
  ButtonMenu: 57,
  ButtonDropGrid: 58,
  Whitespace: 59,
  PageTabList: 60,
  Clock: 61,
  Splitter: 62,
  LayeredPane: 128,
  Terminal: 129,
  Desktop: 130,
  Paragraph: 131,
  WebDocument: 132,
  Section: 133,
  Notification: 134,
  ColorChooser: 0x404,
  Footer: 0x40e,
  Form: 0x410,
  Heading: 0x414,
  Note: 0x41b,
  ComplementaryContent: 0x42c,
  UserRole: 0xffff,
};

/** The states a role turns on unless they were set (QQuickAccessibleAttached::setRole). */
function statesOfRole(role: number): Array<'focusable' | 'checkable' | 'readOnly' | 'editable'> {
  switch (role) {
    case ROLES.CheckBox:
    case ROLES.RadioButton:
      return ['focusable', 'checkable'];
    case ROLES.StaticText:
      return ['focusable', 'readOnly'];
    case ROLES.EditableText:
      return ['focusable', 'editable'];
    case ROLES.ScrollBar:
    case ROLES.MenuItem:
    case ROLES.PageTab:
    case ROLES.Button:
    case ROLES.ComboBox:
    case ROLES.SpinBox:
    case ROLES.Terminal:
      return ['focusable'];
    default:
      return [];
  }
}

const STATES = [
  'checkable',
  'checked',
  'editable',
  'focusable',
  'focused',
  'multiLine',
  'readOnly',
  'selected',
  'selectable',
  'pressed',
  'checkStateMixed',
  'defaultButton',
  'passwordEdit',
  'selectableText',
  'searchEdit',
] as const;

export class AccessibleAttached extends QObject {
  /** The states a scene set itself (a role then leaves them as they are). */
  private readonly explicit = new Set<string>();

  override $attachTo(owner: QObject): void {
    if (!(owner instanceof Item)) qmlWarning(owner, 'Accessible must be attached to an Item');
  }

  /** (the states a role turns on change without a signal, as in Qt) */
  setRole(role: number): void {
    if (!this.$store(ACCESSIBLE.role, role)) return;
    for (const s of statesOfRole(role)) if (!this.explicit.has(s)) this.$v[ACCESSIBLE[s]] = true;
  }

  setState(name: (typeof STATES)[number], v: boolean): void {
    this.explicit.add(name);
    this.$store(ACCESSIBLE[name], v);
  }
}

const ACTIONS = [
  'pressAction',
  'toggleAction',
  'increaseAction',
  'decreaseAction',
  'scrollUpAction',
  'scrollDownAction',
  'scrollLeftAction',
  'scrollRightAction',
  'previousPageAction',
  'nextPageAction',
];

export const AccessibleMeta: MetaObject = defineType(AccessibleAttached, null, {
  name: 'Accessible',
  cppClass: 'QQuickAccessibleAttached',
  creatable: 'Accessible is only available via attached properties.',
  properties: {
    role: { type: 'enumeration', write: (o, v) => (o as AccessibleAttached).setRole(Number(v) | 0) },
    name: { type: 'string' },
    description: { type: 'string' },
    ignored: { type: 'bool' },
    ...Object.fromEntries(
      STATES.map((s) => [
        s,
        {
          type: 'bool',
          write: (o: QObject, v: unknown) => (o as AccessibleAttached).setState(s, Boolean(v)),
        },
      ]),
    ),
  },
  signals: Object.fromEntries(ACTIONS.map((a) => [a, {}])),
  enums: ROLES,
  attachedType: () => AccessibleMeta,
});

const ACCESSIBLE = {
  role: AccessibleMeta.index('role'),
  ...(Object.fromEntries(STATES.map((s) => [s, AccessibleMeta.index(s)])) as Record<
    (typeof STATES)[number],
    number
  >),
};

export class EnterKeyAttached extends QObject {
  override $attachTo(owner: QObject): void {
    if (!(owner instanceof Item)) qmlWarning(owner, 'EnterKey attached property only works with Items');
  }
}

export const EnterKeyMeta: MetaObject = defineType(EnterKeyAttached, null, {
  name: 'EnterKey',
  cppClass: 'QQuickEnterKeyAttached',
  creatable: 'EnterKey is only available via attached properties',
  properties: { type: { type: 'enumeration' } },
  attachedType: () => EnterKeyMeta,
});

/** `InputMethod` names Qt.inputMethod's type; QML cannot make one. */
class InputMethod extends QObject {}

export const InputMethodMeta: MetaObject = defineType(InputMethod, null, {
  name: 'InputMethod',
  cppClass: 'QInputMethod',
  creatable: false,
});
