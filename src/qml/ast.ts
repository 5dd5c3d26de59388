// The QML document tree. Every node carries its source span: `start`/`end`
// are UTF-16 offsets into the file, `line`/`column` (1-based, like Qt's
// messages) locate `start`.
import type { BlockStatement, Node, Statement } from 'acorn';

export interface Span {
  start: number;
  end: number;
  line: number;
  column: number;
}

export interface Program extends Span {
  kind: 'Program';
  file: string;
  source: string;
  pragmas: Pragma[];
  imports: Import[];
  root: ObjectDefinition;
}

/** `pragma Singleton`, `pragma ComponentBehavior: Bound`. */
export interface Pragma extends Span {
  kind: 'Pragma';
  name: string;
  values: string[];
}

export interface Version {
  major: number;
  minor?: number;
}

/**
 * `import QtQuick`, `import QtQuick 2.15 as QQ` (module), or
 * `import "dir"`, `import "lib.js" as Lib` (path, relative to the file).
 */
export interface Import extends Span {
  kind: 'Import';
  module?: string;
  path?: string;
  version?: Version;
  qualifier?: string;
}

/** `Rectangle { ... }` — also `QQ.Rectangle { ... }` with a qualified type. */
export interface ObjectDefinition extends Span {
  kind: 'ObjectDefinition';
  typeName: string;
  typeSpan: Span;
  members: Member[];
}

export type Member =
  | ObjectDefinition
  | Binding
  | GroupBlock
  | OnBinding
  | PropertyDeclaration
  | SignalDeclaration
  | FunctionDeclaration
  | EnumDeclaration
  | InlineComponent
  | RequiredDeclaration;

/** JavaScript on the right of a `:`: an expression statement or a block. */
export interface Script extends Span {
  kind: 'Script';
  /** The statement's source text, exactly as written. */
  code: string;
  statement: Statement;
}

/** An object list: `children: [ Item {}, Item {} ]`. */
export interface ObjectList extends Span {
  kind: 'ObjectList';
  objects: ObjectDefinition[];
}

export type BindingValue = Script | ObjectDefinition | ObjectList;

/**
 * `name: value` where name is a property (`width`), a grouped property
 * (`border.color`, `anchors.left`), an attached property
 * (`Component.onCompleted`, `ListView.delayRemove`), a signal handler
 * (`onClicked`) or `id`.
 */
export interface Binding extends Span {
  kind: 'Binding';
  name: string[];
  nameSpan: Span;
  value: BindingValue;
}

/** `anchors { left: parent.left; top: parent.top }` */
export interface GroupBlock extends Span {
  kind: 'GroupBlock';
  name: string[];
  nameSpan: Span;
  members: Member[];
}

/** `NumberAnimation on x { ... }` (a property value source). */
export interface OnBinding extends Span {
  kind: 'OnBinding';
  name: string[];
  nameSpan: Span;
  object: ObjectDefinition;
}

export interface PropertyDeclaration extends Span {
  kind: 'PropertyDeclaration';
  name: string;
  nameSpan: Span;
  /** `int`, `real`, `alias`, `var`, `Item`, ... For `list<Item>`: `Item` with `isList`. */
  typeName: string;
  typeSpan: Span;
  isList: boolean;
  readonly: boolean;
  required: boolean;
  isDefault: boolean;
  value?: BindingValue;
}

export interface Parameter extends Span {
  name: string;
  typeName?: string;
}

export interface SignalDeclaration extends Span {
  kind: 'SignalDeclaration';
  name: string;
  nameSpan: Span;
  parameters: Parameter[];
}

export interface FunctionDeclaration extends Span {
  kind: 'FunctionDeclaration';
  name: string;
  nameSpan: Span;
  parameters: Parameter[];
  returnType?: string;
  body: BlockStatement;
  /** Source text of the body, braces included. */
  bodyCode: string;
  /**
   * The whole declaration as a JavaScript function, when its parameters are
   * plain JavaScript (defaults, rest, patterns); absent with type annotations.
   */
  declaration?: Node;
}

export interface EnumMember extends Span {
  name: string;
  value?: number;
}

export interface EnumDeclaration extends Span {
  kind: 'EnumDeclaration';
  name: string;
  members: EnumMember[];
}

/** `component Badge: Rectangle { ... }` */
export interface InlineComponent extends Span {
  kind: 'InlineComponent';
  name: string;
  object: ObjectDefinition;
}

/** `required someProperty` (marks an inherited property required). */
export interface RequiredDeclaration extends Span {
  kind: 'RequiredDeclaration';
  name: string;
}
