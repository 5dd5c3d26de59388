// Compiles a parsed QML document into units ready to instantiate: types
// resolved, every `name: value` resolved to its target (a property, a
// grouped property, an attached object, a signal handler), ids collected,
// and the JavaScript gathered for code generation (see codegen.ts).
import type { BlockStatement, Expression, Statement } from 'acorn';
import type * as ast from '../qml/ast';
import { QmlError } from '../qml/error';
import type { Shape } from './codegen';
import type { GeneratedFunction, QmlContext, SourceLocation } from './context';
import { QT_ENUMS } from './globals';
import { isFunctionExpression, rewrite } from './jscompile';
import {
  type CustomParser,
  deriveType,
  type GroupSpec,
  handlerSignalName,
  type MetaObject,
  nameWithoutNumber,
  type PropertyInfo,
  type PropertySpec,
  type QObject,
  qtClassName,
  type SignalInfo,
  type TypeCounters,
} from './qobject';
import { currentObserver, untracked } from './reactive';
import { type Coercer, coercerFor, neverEqual } from './types';
import { valueGroupMeta } from './valuegroups';
import { parseColor } from './valuetypes';

// ---- type namespaces --------------------------------------------------------

/** A property value source (`Binding on a { }`): told its object and property before it completes. */
export interface ValueSource {
  $setValueSource(target: QObject, property: string): void;
}

/** What a type name in a QML file stands for. */
export type TypeEntry =
  | {
      kind: 'type';
      meta: MetaObject;
      file?: CompiledFile;
      inline?: Unit;
      /** A qmldir `singleton`: its one instance (made on first use), what the type's name reads. */
      singleton?: () => QObject;
    }
  | { kind: 'namespace'; resolve: (name: string) => TypeEntry | undefined }
  /** An imported JavaScript file (`import "util.js" as Util`): its instance for a context. */
  | { kind: 'script'; instance: (ctx: QmlContext | null) => unknown };

/** Resolves type names for one file: its imports, then the file's own directory. */
export interface TypeResolver {
  resolve(name: string): TypeEntry | undefined;
}

/** What the compiler needs from the engine. */
export interface CompilerHost {
  /** The `Component` type (QtQml): objects of this type hold a component instead of being one. */
  readonly componentMeta: MetaObject;
  /** The attached type of `Component` (`Component.onCompleted`). */
  resolverFor(file: CompiledFile): TypeResolver;
  /** Numbers for the types QML declarations create (`Foo_QMLTYPE_0`). */
  readonly typeCounters: TypeCounters;
  /** A warning found while compiling (Qt prints them as the file is compiled). */
  warn(message: string): void;
  /** The `Connections` type (QtQml): its `onFoo:` handlers are for its target's signals. */
  readonly connectionsMeta: MetaObject;
  /** The spec of a declared property of a value type that a module implements as a group (`property font f`). */
  groupPropertySpec(type: string, name: string): PropertySpec | undefined;
}

// ---- compiled forms -----------------------------------------------------------

/** Where a `name: value` lands. */
export interface Target {
  /** `group` for `border.color`, `anchors.left`; `value` for `origin.x`; `attached` for `Component.x`, `ListView.x`. */
  via: 'self' | 'group' | 'value' | 'attached';
  group?: string;
  /** `value` in a group (`border` of `border.color.r`). */
  outer?: string;
  /** `attached`, and `value` in an attached object (`Drag` of `Drag.hotSpot.x`). */
  attached?: MetaObject;
  /** The meta-object of the object that owns `prop` (the item, the group, or the attached object). */
  meta: MetaObject;
  /** A group that is an object-typed property (`p.x` with `property Item p`): where its name is, for Qt's error when it is null. */
  groupLocation?: SourceLocation;
}

export interface PropertyTarget extends Target {
  prop: PropertyInfo;
}

export type FunctionKind = 'binding' | 'handler' | 'handlerFunction' | 'method';

/** One piece of JavaScript to generate: a binding, a handler, a method. */
export interface FunctionSpec {
  kind: FunctionKind;
  /** The statement (binding, handler) or block (method body). */
  node: Statement | BlockStatement;
  /** Methods: the function's name, and the whole declaration when acorn parsed it (JS parameters). */
  name?: string;
  declaration?: import('acorn').Node;
  /** Parameter names: a handler's signal parameters, a method's parameters. */
  params: string[];
  /** Type of the scope object (the object the code is written in). */
  scope: MetaObject;
  start: number;
  line: number;
  /**
   * The handler's parameters are the names its code uses that resolve to
   * nothing (Connections' `onFoo:`, whose signal is only known when connecting).
   */
  injectUnknownNames?: boolean;
  /**
   * For block-form handlers: the first signal parameter the code reads (Qt
   * 6.4 warns once that injected parameters are deprecated), set by codegen.
   */
  injectedParam?: string;
  /** The deprecation warning for injectedParam was printed. */
  injectionWarned?: boolean;
}

/** A property a PropertyChanges changes: a literal value or an expression (its binding). */
export interface CompiledStateChange {
  /** `rect.width: 50`: the id of the object changed (else the PropertyChanges' target). */
  objectId: string | null;
  /** The property, dotted for a group's (`border.color`). */
  name: string;
  value?: unknown;
  fn?: number;
  /** The expression is `undefined` as written. */
  undefinedLiteral?: boolean;
  /** `onFoo: ...`: a handler for the object's signal (its free names are the signal's parameters). */
  handler?: { functionForm: boolean };
  location: SourceLocation;
}

export interface CompiledBinding {
  target: PropertyTarget;
  fn: number;
  location: SourceLocation;
  /** As written (`width`, `border.width`), for the binding loop message. */
  name: string;
}

export interface CompiledConstant {
  target: PropertyTarget;
  value: unknown;
  location: SourceLocation;
}

export interface CompiledHandler {
  target: Target;
  signal: SignalInfo;
  fn: number;
  /** `onX: function (a) {...}`: the function returned by `fn` is the handler. */
  functionForm: boolean;
  /** As written (`onCompleted`), for Qt's "expression for onCompleted". */
  signalName: string;
  location: SourceLocation;
}

export interface CompiledObjectValue {
  target: PropertyTarget;
  /** An object (`model: ListModel {}`) or, for Component-typed properties, a component (`delegate: Row {}`). */
  objects: Array<CompiledObject>;
  list: boolean;
  location: SourceLocation;
}

export interface CompiledAlias {
  prop: PropertyInfo;
  id: string;
  path: string[];
  location: SourceLocation;
}

/** One object declaration (`Rectangle { ... }`). */
export class CompiledObject {
  /** This object's final type (a derived type when the declaration adds members). */
  meta!: MetaObject;
  /** The type named in the declaration. */
  typeMeta!: MetaObject;
  /** Set when the named type is a .qml file (or an inline component): its root is built first. */
  typeUnit: Unit | undefined;
  /** Set for `Component { ... }` and for objects given to Component-typed properties: not instantiated, wrapped. */
  component: Unit | undefined;
  /** True when this declaration created `meta` (its members are bound to this object's context). */
  ownsMeta = false;
  /** The declaration adds properties, signals, methods or enums (else its type is only named after a file). */
  declaresMembers = false;
  id: string | undefined;
  readonly constants: CompiledConstant[] = [];
  readonly bindings: CompiledBinding[] = [];
  readonly objectValues: CompiledObjectValue[] = [];
  /** PropertyChanges: the properties it changes (`width: 50`, `rect.width: 50`), see MetaObject.stateChanges. */
  readonly stateChanges: CompiledStateChange[] = [];
  readonly children: CompiledObject[] = [];
  /** `Binding on a { ... }`: property value sources, given the object and the property. */
  readonly valueSources: Array<{ object: CompiledObject; property: string }> = [];
  readonly handlers: CompiledHandler[] = [];
  /** Connections' `onFoo:` handlers, for a signal of the target. */
  readonly implicitHandlers: Array<{
    handlerName: string;
    fn: number;
    functionForm: boolean;
    location: SourceLocation;
  }> = [];
  readonly aliases: CompiledAlias[] = [];
  readonly methods: Array<{ name: string; fn: number }> = [];
  /** Where the declaration starts (its type name). */
  location: SourceLocation = { url: '', line: 0, column: 0 };
  /** Names of properties that are `required` and have no value here. */
  readonly required: Array<{ name: string; location: SourceLocation }> = [];
  /** Properties given a value here (`width`, `anchors.left`): Qt allows one value each. */
  readonly assigned = new Set<string>();
  /** What the type's custom parser made of the children it handles (ListModel's ListElements). */
  customData: unknown;
  /**
   * The property this declaration's child objects go to. A `default property`
   * declared here is the default of the type's uses, not of this object's own
   * children (measured: they stay the base type's `data`).
   */
  defaultProperty: string | undefined;

  constructor(
    readonly def: ast.ObjectDefinition,
    readonly unit: Unit,
  ) {}
}

/**
 * A component: one id scope (a file's root, an inline `Component {}`, a
 * delegate). Its JavaScript is generated per context shape (codegen.ts).
 */
export class Unit {
  root!: CompiledObject;
  readonly ids = new Map<string, CompiledObject>();
  readonly functions: FunctionSpec[] = [];
  /** Generated function tables, per context shape. */
  readonly generated = new Map<Shape, GeneratedFunction[]>();
  private idNameSet: ReadonlySet<string> | null = null;

  /** The names of the unit's ids: one set shared by every context made for the unit. */
  get idNames(): ReadonlySet<string> {
    if (this.idNameSet === null || this.idNameSet.size !== this.ids.size)
      this.idNameSet = new Set(this.ids.keys());
    return this.idNameSet;
  }

  constructor(
    readonly file: CompiledFile,
    /** The unit this one is nested in (for inline components and delegates), or null for a file's root. */
    readonly outer: Unit | null,
  ) {}

  addFunction(spec: FunctionSpec): number {
    this.functions.push(spec);
    return this.functions.length - 1;
  }
}

export class CompiledFile {
  rootUnit!: Unit;
  /**
   * The file the engine runs (or Qt.createQmlObject's text): like Qt, its
   * root gets a type of its own only when it declares members, and that type
   * is anonymous (`QQuickItem_QML_0`, "Item" in messages), not the file's.
   */
  isMain = false;
  /** The type this file defines (its root object's type). */
  meta!: MetaObject;
  readonly inlineComponents = new Map<string, Unit>();
  readonly lines: (offset: number) => { line: number; column: number };

  constructor(
    readonly url: string,
    readonly program: ast.Program,
    readonly typeName: string,
    lines: (offset: number) => { line: number; column: number },
  ) {
    this.lines = lines;
  }
}

/** What the early-use scan resolves every free name to: nothing is rewritten. */
const GLOBAL_NAME = { kind: 'global' } as const;

/** Declared property types whose first write notifies (measured: a vector3d given (0, 0, 0)). */
const FIRST_WRITE_NOTIFIES = new Set(['vector2d', 'vector3d', 'vector4d', 'quaternion', 'matrix4x4']);

// ---- the compiler -------------------------------------------------------------

/** The errors Qt's property validator reports (one pass over an object's binding table). */
const VALIDATOR_ERROR =
  /^(?!Cannot assign a value to a signal|Cannot assign object type)(Invalid property assignment|Cannot assign|Property has already been assigned a value|Invalid grouped property access|Invalid attached object assignment|Attached properties cannot be used here)/;

/**
 * Where a member's binding sits in Qt's binding table: its rank (0 value
 * bindings, 1 object bindings, 2 attached ones, 3 grouped ones) and the key
 * of the table entry it belongs to (`font` for `font.bold` and `font { }`).
 */
function tablePlace(m: ast.Member, order: number): { rank: number; key: string } {
  const own = { rank: 0, key: `${order}` };
  switch (m.kind) {
    case 'Binding':
      if (m.name.length > 1) return { rank: /^[A-Z]/.test(m.name[0]!) ? 2 : 3, key: m.name[0]! };
      return m.value.kind === 'Script' ? own : { rank: 1, key: `${order}` };
    case 'GroupBlock':
      return { rank: 3, key: m.name[0]! };
    case 'OnBinding':
      return { rank: 1, key: `${order}` };
    case 'PropertyDeclaration':
      return m.value === undefined || m.value.kind === 'Script' ? own : { rank: 1, key: `${order}` };
    default:
      return own;
  }
}

function uncap(s: string): string {
  return s[0]!.toLowerCase() + s.slice(1);
}

export class Compiler {
  private resolver!: TypeResolver;
  /** The file's units (its root, inline components, delegates and other nested components). */
  private readonly units: Unit[] = [];

  constructor(
    private readonly host: CompilerHost,
    private readonly file: CompiledFile,
  ) {}

  private err(span: ast.Span, message: string): QmlError {
    return new QmlError(this.file.url, span.line, span.column, message);
  }

  private loc(span: ast.Span): SourceLocation {
    return { url: this.file.url, line: span.line, column: span.column };
  }

  compile(): void {
    this.resolver = this.host.resolverFor(this.file);
    const program = this.file.program;
    // Inline components first: the rest of the file may use them.
    this.collectInlineComponents(program.root);
    const unit = this.newUnit(null);
    this.file.rootUnit = unit;
    unit.root = this.compileUnitRoot(unit, program.root, this.file.isMain ? undefined : this.file.typeName);
    this.file.meta = unit.root.meta;
    this.reportEarlyUses();
  }

  private newUnit(outer: Unit | null): Unit {
    const unit = new Unit(this.file, outer);
    this.units.push(unit);
    return unit;
  }

  /**
   * Qt's compiler warns, as it compiles a file, of each use of a `var`,
   * `let` or `const` name written before its declaration, in the same
   * function or in a function inside it (measured with Qt 6.4: not for
   * function or class declarations).
   */
  private reportEarlyUses(): void {
    const file = this.file;
    const source = file.program.source;
    const specs = this.units.flatMap((u) => u.functions).sort((a, b) => a.start - b.start);
    for (const spec of specs) {
      const whole = spec.kind === 'method' ? spec.declaration : undefined;
      rewrite(
        source,
        whole ?? spec.node,
        whole ? [] : spec.params,
        () => GLOBAL_NAME,
        undefined,
        (name, use, declaration) => {
          const at = file.lines(use);
          const decl = file.lines(declaration);
          this.host.warn(
            `qt.qml.compiler: ${file.url}:${at.line}:${at.column} Variable "${name}" is used before its declaration at ${decl.line}:${decl.column}.`,
          );
        },
      );
    }
  }

  private collectInlineComponents(def: ast.ObjectDefinition): void {
    for (const m of def.members) {
      if (m.kind === 'InlineComponent') {
        const unit = this.newUnit(null);
        this.file.inlineComponents.set(m.name, unit);
        unit.root = this.compileUnitRoot(unit, m.object, m.name);
      }
    }
  }

  /** Compiles the objects of one id scope. `typeName` names the root's type when it defines one (a file). */
  private compileUnitRoot(
    unit: Unit,
    def: ast.ObjectDefinition,
    typeName: string | undefined,
  ): CompiledObject {
    this.collectIds(unit, def);
    const objects: CompiledObject[] = [];
    const root = this.declareObject(unit, def, typeName, objects);
    // The objects declared properties hold (`property Item p: Item { id: inner }`)
    // are declared now too, so that aliases to them know their types.
    for (const o of objects.slice()) this.declarePropertyValues(unit, o);
    // Aliases need every object's type; bindings need the aliases.
    for (const o of objects) this.declareAliases(o);
    for (const o of objects) this.compileMembers(o);
    // An alias to an object given as a property's value (`property Item p:
    // Item { id: inner }`) is resolved once that object is declared, as the
    // property's value is compiled.
    const later = this.laterAliases.get(unit);
    if (later !== undefined) {
      this.laterAliases.delete(unit);
      for (const [o, m] of later) this.declareAlias(o, m, false);
    }
    return root;
  }

  /** Objects of declared properties' values, declared ahead of their compilation (compileBinding takes them). */
  private readonly predeclared = new Map<
    ast.ObjectDefinition,
    { child: CompiledObject; all: CompiledObject[] }
  >();

  private declarePropertyValues(unit: Unit, o: CompiledObject): void {
    if (o.component) return;
    for (const m of o.def.members) {
      if (m.kind !== 'PropertyDeclaration' || m.typeName === 'alias' || m.typeName === 'Component') continue;
      const v = m.value;
      const defs = v?.kind === 'ObjectDefinition' ? [v] : v?.kind === 'ObjectList' ? v.objects : [];
      for (const d of defs) {
        if (/(^|\.)Component$/.test(d.typeName)) continue;
        const all: CompiledObject[] = [];
        this.predeclared.set(d, { child: this.declareObject(unit, d, undefined, all), all });
      }
    }
  }

  /** Pre-pass: the ids of a unit, checked like Qt checks them. */
  private collectIds(unit: Unit, def: ast.ObjectDefinition): void {
    const visit = (d: ast.ObjectDefinition, isComponentRoot: boolean) => {
      const typeName = d.typeName;
      if (!isComponentRoot && (typeName === 'Component' || typeName.endsWith('.Component'))) {
        // Its id (if any) belongs here, its content to a nested unit.
        for (const m of d.members)
          if (m.kind === 'Binding' && m.name.length === 1 && m.name[0] === 'id') this.addId(unit, m);
        return;
      }
      const parser = this.customParserOf(d.typeName);
      const childrenAreComponents = this.defaultPropertyIsComponent(d.typeName);
      // (`Type on x { id: a }`: a value source is an object of the unit; Qt
      // takes these bindings last to first, before the object's children)
      for (let i = d.members.length - 1; i >= 0; i--) {
        const m = d.members[i]!;
        if (m.kind === 'OnBinding') visit(m.object, false);
      }
      for (const m of d.members) {
        if (m.kind === 'Binding' && m.name.length === 1 && m.name[0] === 'id') this.addId(unit, m);
        else if (m.kind === 'ObjectDefinition') {
          if (!parser?.childTypes.has(m.typeName) && !childrenAreComponents) visit(m, false);
        } else if (m.kind === 'Binding' && m.value.kind === 'ObjectDefinition') {
          // Objects assigned to properties share the unit unless the property is
          // Component-typed (decided later); a Component there is always nested.
          if (!this.isComponentCandidate(d, m)) visit(m.value, false);
        } else if (m.kind === 'Binding' && m.value.kind === 'ObjectList') {
          for (const o of m.value.objects) visit(o, false);
        } else if (m.kind === 'PropertyDeclaration' && m.value?.kind === 'ObjectDefinition') {
          if (m.typeName !== 'Component') visit(m.value, false);
        } else if (m.kind === 'PropertyDeclaration' && m.value?.kind === 'ObjectList') {
          for (const o of m.value.objects) visit(o, false);
        } else if (m.kind === 'GroupBlock') {
          visitGroup(m);
        }
      }
    };
    const visitGroup = (g: ast.GroupBlock) => {
      for (const m of g.members) {
        if (m.kind === 'Binding' && m.value.kind === 'ObjectDefinition') visit(m.value, false);
        else if (m.kind === 'GroupBlock') visitGroup(m);
      }
    };
    visit(def, true);
  }

  /** Whether `name: Obj {}` on object `d` is an implicit component (a delegate): the property is Component-typed. */
  private isComponentCandidate(d: ast.ObjectDefinition, m: ast.Binding): boolean {
    if (m.value.kind === 'ObjectDefinition' && /(^|\.)Component$/.test(m.value.typeName)) return true;
    const entry = this.resolver.resolve(d.typeName);
    if (entry?.kind !== 'type' || m.name.length !== 1) return false;
    const p = entry.meta.propsByName.get(m.name[0]!);
    return p !== undefined && p.type === 'Component';
  }

  /** `Repeater { Rectangle {} }`: children of a Component-typed default property are implicit components. */
  private defaultPropertyIsComponent(typeName: string): boolean {
    const e = this.resolver.resolve(typeName.split('.')[0]!);
    if (e?.kind !== 'type') return false;
    const dp = e.meta.defaultProperty;
    return dp !== undefined && e.meta.propsByName.get(dp)?.type === 'Component';
  }

  private customParserOf(typeName: string): CustomParser | undefined {
    const e = this.resolver.resolve(typeName.split('.')[0]!);
    return e?.kind === 'type' ? e.meta.customParser : undefined;
  }

  /**
   * The name an `id:` gives (QQmlIRBuilder::setId): a string literal's
   * value, or else the statement's source text as written.
   */
  private idName(m: ast.Binding): string {
    const v = m.value;
    const stmt = v.kind === 'Script' ? v.statement : undefined;
    const expr = stmt && stmt.type === 'ExpressionStatement' ? stmt.expression : undefined;
    if (expr?.type === 'Literal' && typeof expr.value === 'string') return expr.value;
    return this.file.program.source.slice(v.start, v.end).trimEnd().replace(/;$/, '');
  }

  private addId(unit: Unit, m: ast.Binding): void {
    const v = m.value;
    if (v.kind !== 'Script') throw this.err(v, 'Invalid use of id property');
    const name = this.idName(m);
    if (name === '') throw this.err(v, 'Invalid empty ID');
    const first = name[0]!;
    if (/\p{L}/u.test(first) && !/\p{Ll}/u.test(first))
      throw this.err(v, 'IDs cannot start with an uppercase letter');
    if (!/^[\p{L}_]/u.test(name)) throw this.err(v, 'IDs must start with a letter or underscore');
    if (!/^[\p{L}\p{N}_]+$/u.test(name))
      throw this.err(v, 'IDs must contain only letters, numbers, and underscores');
    if (ILLEGAL_NAMES.has(name)) throw this.err(v, 'ID illegally masks global JavaScript property');
    if (unit.ids.has(name)) throw this.err(m.nameSpan, 'id is not unique');
    // Filled in by declareObject; the map records that the name is taken.
    unit.ids.set(name, undefined as unknown as CompiledObject);
  }

  private resolveType(typeName: string, span: ast.Span): TypeEntry & { kind: 'type' } {
    const parts = typeName.split('.');
    let entry = this.resolver.resolve(parts[0]!);
    for (let i = 1; entry && i < parts.length; i++) {
      if (entry.kind === 'namespace') entry = entry.resolve(parts[i]!);
      else if (entry.kind === 'type' && entry.file) {
        // Another file's inline component: `Widgets.Chip`.
        const unit = entry.file.inlineComponents.get(parts[i]!);
        entry = unit?.root ? { kind: 'type', meta: unit.root.meta, inline: unit } : undefined;
      } else entry = undefined;
    }
    if (entry?.kind !== 'type') throw this.err(span, `${typeName} is not a type`);
    return entry;
  }

  /** Creates the CompiledObject tree of a unit (types and declared members), without compiling values yet. */
  private declareObject(
    unit: Unit,
    def: ast.ObjectDefinition,
    fileTypeName: string | undefined,
    all: CompiledObject[],
  ): CompiledObject {
    const o = new CompiledObject(def, unit);
    o.location = this.loc(def.typeSpan);
    const entry = this.resolveType(def.typeName, def.typeSpan);
    o.typeMeta = entry.meta;
    o.typeUnit = entry.file ? entry.file.rootUnit : entry.inline;
    if (!entry.meta.creatable) throw this.err(def.typeSpan, entry.meta.uncreatableReason);
    if (entry.meta === this.host.componentMeta) {
      // `Component { Item {} }`: the content is its own unit.
      o.meta = entry.meta;
      // (QQmlComponentAndAliasResolver's checks, in its order)
      const declares = (kind: ast.Member['kind']) => def.members.some((m) => m.kind === kind);
      if (declares('FunctionDeclaration'))
        throw this.err(def.typeSpan, 'Component objects cannot declare new functions.');
      if (declares('PropertyDeclaration'))
        throw this.err(def.typeSpan, 'Component objects cannot declare new properties.');
      if (declares('SignalDeclaration'))
        throw this.err(def.typeSpan, 'Component objects cannot declare new signals.');
      const content = def.members.filter((m): m is ast.ObjectDefinition => m.kind === 'ObjectDefinition');
      const property = def.members.find(
        (m) =>
          (m.kind === 'Binding' && m.name[0] !== 'id') || m.kind === 'GroupBlock' || m.kind === 'OnBinding',
      );
      if (property !== undefined)
        throw this.err(
          'nameSpan' in property ? property.nameSpan : property,
          'Component elements may not contain properties other than id',
        );
      if (content.length !== 1) {
        throw this.err(
          def,
          content.length === 0
            ? 'Cannot create empty component specification'
            : 'Invalid component body specification',
        );
      }
      o.component = this.nestedUnit(unit, content[0]!);
      const idMember = def.members.find((m): m is ast.Binding => m.kind === 'Binding' && m.name[0] === 'id');
      if (idMember) this.setId(unit, o, idMember);
      all.push(o);
      return o;
    }

    const declares = def.members.some(
      (m) =>
        m.kind === 'PropertyDeclaration' ||
        m.kind === 'SignalDeclaration' ||
        m.kind === 'FunctionDeclaration' ||
        m.kind === 'EnumDeclaration',
    );
    o.declaresMembers = declares;
    if (fileTypeName !== undefined || declares) {
      const base = entry.meta;
      const name = fileTypeName ?? base.name;
      // An inline component's class is its bare name (it still takes a number).
      const inline = fileTypeName !== undefined && this.file.inlineComponents.get(fileTypeName) === unit;
      const cpp =
        fileTypeName === undefined
          ? `${qtClassName(base)}_QML`
          : inline
            ? fileTypeName
            : `${fileTypeName}_QMLTYPE`;
      o.meta = deriveType(base, name, cpp, this.host.typeCounters);
      if (inline) nameWithoutNumber(o.meta);
      o.ownsMeta = true;
      this.declareMembers(o);
    } else {
      o.meta = entry.meta;
      o.defaultProperty = o.meta.defaultProperty;
    }
    all.push(o);
    for (const m of def.members) {
      if (m.kind === 'Binding' && m.name.length === 1 && m.name[0] === 'id') this.setId(unit, o, m);
    }
    // Children and object values of the same unit.
    const parser = entry.meta.customParser;
    const handled: ast.ObjectDefinition[] = [];
    const dp = o.defaultProperty !== undefined ? o.meta.propsByName.get(o.defaultProperty) : undefined;
    for (const m of def.members) {
      if (m.kind === 'OnBinding' && this.isValueSource(m))
        o.valueSources.push({
          object: this.declareObject(unit, m.object, undefined, all),
          property: m.name[0]!,
        });
      if (m.kind !== 'ObjectDefinition') continue;
      if (parser?.childTypes.has(m.typeName)) handled.push(m);
      else if (dp?.type === 'Component' && !/(^|\.)Component$/.test(m.typeName)) {
        // An implicit component: `Repeater { Rectangle {} }`.
        const wrapper = new CompiledObject(m, unit);
        wrapper.meta = wrapper.typeMeta = this.host.componentMeta;
        wrapper.component = this.nestedUnit(unit, m);
        wrapper.location = this.loc(m.typeSpan);
        o.children.push(wrapper);
      } else o.children.push(this.declareObject(unit, m, undefined, all));
    }
    if (parser) {
      o.customData = parser.compile(handled, {
        error: (span, message) => this.err(span, message),
        enumValue: (typeName, name) => {
          const e = this.resolver.resolve(typeName);
          return e?.kind === 'type' ? e.meta.enums[name] : undefined;
        },
      });
    }
    return o;
  }

  /** `Type on prop { }` with a type that takes a property to act on (Binding); animations are not supported. */
  private isValueSource(m: ast.OnBinding): boolean {
    if (m.name.length !== 1) return false;
    const e = this.resolver.resolve(m.object.typeName);
    return e?.kind === 'type' && typeof (e.meta.ctor.prototype as ValueSource).$setValueSource === 'function';
  }

  private setId(unit: Unit, o: CompiledObject, m: ast.Binding): void {
    o.id = this.idName(m);
    unit.ids.set(o.id, o);
  }

  private nestedUnit(outer: Unit, def: ast.ObjectDefinition): Unit {
    const unit = this.newUnit(outer);
    unit.root = this.compileUnitRoot(unit, def, undefined);
    return unit;
  }

  /** Adds a declaration's properties, signals, methods and enums to its derived type. */
  private declareMembers(o: CompiledObject): void {
    const meta = o.meta;
    // Qt: property and signal names begin with a lower-case letter (QChar::isUpper, any
    // script), and a member may not be named like a global of the JS engine; every such
    // name is reported.
    const illegal = o.def.members
      .filter(
        (m): m is ast.PropertyDeclaration | ast.FunctionDeclaration | ast.SignalDeclaration =>
          ((m.kind === 'PropertyDeclaration' || m.kind === 'SignalDeclaration') && /^\p{Lu}/u.test(m.name)) ||
          ((m.kind === 'PropertyDeclaration' || m.kind === 'FunctionDeclaration') &&
            ILLEGAL_NAMES.has(m.name)),
      )
      .map((m) =>
        this.err(
          m.nameSpan,
          m.kind === 'FunctionDeclaration'
            ? 'Illegal method name'
            : m.kind === 'PropertyDeclaration' && ILLEGAL_NAMES.has(m.name)
              ? 'Illegal property name'
              : `${m.kind === 'PropertyDeclaration' ? 'Property' : 'Signal'} names cannot begin with an upper case letter`,
        ),
      );
    if (illegal.length > 0) {
      const first = illegal[0]!;
      first.message = illegal.map((e) => e.message).join('\n');
      throw first;
    }
    o.defaultProperty = meta.defaultProperty;
    let declaredDefault = false;
    for (const m of o.def.members) {
      switch (m.kind) {
        case 'PropertyDeclaration': {
          if (meta.propsByName.get(m.name)?.owner === meta)
            throw this.err(m.nameSpan, 'Duplicate property name');
          if (m.isDefault) {
            if (declaredDefault) throw this.err(m, 'Duplicate default property');
            declaredDefault = true;
            meta.defaultProperty = m.name;
          }
          if (meta.propsByName.has(m.name) && meta.propsByName.get(m.name)!.owner.isDerived === false) {
            // Qt: a FINAL property of a built-in type cannot be overridden
            const existing = meta.propsByName.get(m.name)!;
            if (FINAL_PROPERTIES.has(existing.name)) throw this.err(m, 'Cannot override FINAL property');
          }
          if (m.typeName === 'alias') {
            // Type and accessors are set once the target is known (declareAliases).
            meta.addProperty(m.name, { type: 'var' });
          } else {
            const type = m.isList ? 'list' : normalizeType(m.typeName);
            if (!isKnownPropertyType(type) && !this.typeExists(m.typeName)) {
              throw this.err(m, `${m.typeName} is not a type`);
            }
            const group = this.host.groupPropertySpec(type, m.name);
            const sequenceOf =
              m.isList && isKnownPropertyType(normalizeType(m.typeName))
                ? normalizeType(m.typeName)
                : undefined;
            // (`list<Item>`: the elements' type, for the objects a declaration puts in it)
            const listOf =
              m.isList && sequenceOf === undefined ? () => this.resolveType(m.typeName, m).meta : undefined;
            const info = meta.addProperty(
              m.name,
              group ? { ...group, readonly: m.readonly } : { type, readonly: m.readonly, sequenceOf, listOf },
            );
            if (type === 'var') (info as { equals: (a: unknown, b: unknown) => boolean }).equals = neverEqual;
            else if (FIRST_WRITE_NOTIFIES.has(type)) {
              // Qt keeps these (QtQuick's value types) as a QVariant that starts
              // empty: the first value written is a change, even the default one.
              const initial = info.coerce.initial;
              const same = info.equals;
              (info as { equals: (a: unknown, b: unknown) => boolean }).equals = (a, b) =>
                a !== initial && same(a, b);
            }
            if (!group && !isKnownPropertyType(type)) {
              // Qt names the type by its class in messages (QQuickItem*, Box_QMLTYPE_0*).
              const typeMeta = this.resolveType(m.typeName, m).meta;
              (info as { coerce: Coercer }).coerce = coercerFor(type, () => qtClassName(typeMeta));
            }
            info.guarded = !group && (type === 'var' || type === 'variant' || !isKnownPropertyType(type));
          }
          break;
        }
        case 'SignalDeclaration':
          if (
            meta.signalsByName.get(m.name) &&
            meta.signalsByName.get(m.name)!.index >= (meta.base?.signals.length ?? 0)
          ) {
            throw this.err(m.nameSpan, 'Duplicate signal name');
          }
          meta.addSignal(
            m.name,
            m.parameters.map((p) =>
              p.typeName !== undefined ? { name: p.name, type: p.typeName } : { name: p.name },
            ),
          );
          break;
        case 'FunctionDeclaration':
          meta.methods.add(m.name);
          break;
        case 'EnumDeclaration': {
          const values: Record<string, number> = {};
          meta.enumTypeNames.set(m.name, values);
          let next = 0;
          for (const e of m.members) {
            const v = e.value ?? next;
            meta.enums[e.name] = v;
            values[e.name] = v;
            next = v + 1;
          }
          break;
        }
        default:
          break;
      }
    }
  }

  private typeExists(name: string): boolean {
    try {
      this.resolveType(name, { start: 0, end: 0, line: 0, column: 0 });
      return true;
    } catch {
      return false;
    }
  }

  /** Resolves the aliases an object declares (declareAlias). */
  private declareAliases(o: CompiledObject): void {
    if (!o.ownsMeta) return;
    for (const m of o.def.members)
      if (m.kind === 'PropertyDeclaration' && m.typeName === 'alias') this.declareAlias(o, m, true);
  }

  /** Aliases of a unit whose target object is declared later (with the property value it is in). */
  private readonly laterAliases = new Map<Unit, [CompiledObject, ast.PropertyDeclaration][]>();

  /**
   * Resolves `property alias x: id.prop[.sub]` and gives the alias its
   * target's type; with `mayWait`, one whose id is not declared yet waits
   * for the end of its unit.
   */
  private declareAlias(o: CompiledObject, m: ast.PropertyDeclaration, mayWait: boolean): void {
    const value = m.value;
    const stmt = value?.kind === 'Script' ? value.statement : undefined;
    const path: string[] = [];
    let e: Expression | undefined = stmt?.type === 'ExpressionStatement' ? stmt.expression : undefined;
    while (e && e.type === 'MemberExpression' && !e.computed && e.property.type === 'Identifier') {
      path.unshift(e.property.name);
      e = e.object as Expression;
    }
    if (!value || !e || e.type !== 'Identifier' || path.length > 2) {
      throw this.err(
        value ?? m,
        'Invalid alias reference. An alias reference must be specified as <id>, <id>.<property> or <id>.<value property>.<property>',
      );
    }
    const id = e.name;
    const target = o.unit.ids.get(id);
    if (target === undefined && mayWait && o.unit.ids.has(id)) {
      const list = this.laterAliases.get(o.unit);
      if (list === undefined) this.laterAliases.set(o.unit, [[o, m]]);
      else list.push([o, m]);
      return;
    }
    if (!o.unit.ids.has(id) || target === undefined)
      throw this.err(value, `Invalid alias reference. Unable to find id "${id}"`);
    let meta = target.meta;
    let type = 'var';
    let group: GroupSpec | undefined;
    let throughObject = false;
    let readonly = false;
    for (let i = 0; i < path.length; i++) {
      const p = meta.propsByName.get(path[i]!);
      if (!p) throw this.err(value, `Invalid alias target location: ${path[i]}`);
      if (i < path.length - 1) {
        // `holder.p.x`: a field of a value-type property.
        const field = valueGroupMeta(p.type)?.propsByName.get(path[i + 1]!)?.type;
        if (field !== undefined && i === path.length - 2) {
          type = field;
          break;
        }
        if (!p.group) {
          const deep = this.deepAliasTarget(target, p, path[i + 1]!, value);
          type = deep.type;
          group = deep.group;
          throughObject = true;
          break;
        }
        meta = p.group.meta();
      } else {
        type = p.type;
        group = p.group;
        readonly = p.readonly;
      }
    }
    if (path.length === 0) type = target.meta.name;
    const prop = o.meta.propsByName.get(m.name)!;
    // (an alias to a read-only property is read-only itself, under its own name)
    if (readonly) (prop as { readonly: boolean }).readonly = true;
    // (an alias to a grouped property is a group too: `font.pixelSize: 20` through `alias font: t.font`)
    if (group !== undefined) (prop as { aliasGroup?: GroupSpec }).aliasGroup = group;
    if (path.length === 0) (prop as { objectMeta?: MetaObject }).objectMeta = target.meta;
    o.aliases.push({ prop, id, path, location: this.loc(m.nameSpan) });
    installAlias(o.meta, prop, type, id, path, throughObject);
  }

  /**
   * Qt's deep alias, `id.prop.sub` where `prop` holds an object: the target
   * object gives `prop` an object here (`prop: Rectangle {}`), whose type
   * has `sub`; a typed `prop` must have `sub` too (a `var` may hold anything).
   */
  private deepAliasTarget(
    target: CompiledObject,
    p: PropertyInfo,
    sub: string,
    value: ast.BindingValue,
  ): { type: string; group: GroupSpec | undefined } {
    let given: ast.ObjectDefinition | undefined;
    for (const m of target.def.members) {
      const named =
        (m.kind === 'Binding' && m.name.length === 1 && m.name[0] === p.name) ||
        (m.kind === 'PropertyDeclaration' && m.name === p.name);
      if (named && m.value?.kind === 'ObjectDefinition') given = m.value;
    }
    const resolved = given && /^[a-z]/.test(sub) ? this.resolver.resolve(given.typeName) : undefined;
    const actual = resolved?.kind === 'type' ? resolved.meta.propsByName.get(sub) : undefined;
    const declaredHere = given?.members.find(
      (m): m is ast.PropertyDeclaration => m.kind === 'PropertyDeclaration' && m.name === sub,
    );
    if (actual === undefined && declaredHere === undefined)
      throw this.err(value, `Invalid alias target location: ${sub}`);
    if (p.type === 'var')
      return { type: actual?.type ?? normalizeType(declaredHere!.typeName), group: actual?.group };
    const declared = this.objectMetaOf(p)?.propsByName.get(sub);
    if (actual === undefined || declared === undefined || declared.index !== actual.index)
      throw this.err(value, 'Invalid alias target');
    return { type: actual.type, group: actual.group };
  }

  // ---- members ------------------------------------------------------------------

  private compileMembers(o: CompiledObject): void {
    if (o.component) return;
    const requiredHere = new Set<string>();
    // Qt's property validator reports the first bad assignment in its
    // binding table (measured): an object's value bindings last one first,
    // then its object bindings (`states: State {}`), its attached ones
    // (`Keys.enabled`) and its grouped ones (one group for all of `font.*`
    // and `font {}`, placed where it first appears), each last one first. Each member's error is
    // kept and the one Qt meets first thrown; another error (a type not
    // found) comes from an earlier pass of Qt's and is thrown at once.
    const errors = new Map<string, { rank: number; order: number; error: QmlError | null }>();
    o.def.members.forEach((m, order) => {
      const place = tablePlace(m, order);
      if (!errors.has(place.key)) errors.set(place.key, { rank: place.rank, order, error: null });
      try {
        this.compileMember(o, m, requiredHere);
      } catch (e) {
        if (!(e instanceof QmlError && VALIDATOR_ERROR.test(e.description))) throw e;
        errors.get(place.key)!.error = e;
      }
    });
    let first: { rank: number; order: number; error: QmlError | null } | null = null;
    for (const entry of errors.values())
      if (
        entry.error !== null &&
        (first === null ||
          entry.rank < first.rank ||
          (entry.rank === first.rank && entry.order > first.order))
      )
        first = entry;
    if (first !== null) throw first.error!;
    for (const name of requiredHere) {
      if (o.assigned.has(name)) continue;
      const decl = o.def.members.find(
        (m) => (m.kind === 'PropertyDeclaration' || m.kind === 'RequiredDeclaration') && m.name === name,
      )!;
      o.required.push({ name, location: this.loc(decl) });
    }
  }

  private compileMember(o: CompiledObject, m: ast.Member, requiredHere: Set<string>): void {
    switch (m.kind) {
      case 'ObjectDefinition':
        break; // declared as a child already
      case 'Binding':
        if (m.name.length === 1 && m.name[0] === 'id') break;
        if (this.isStateChange(o, m.name[0]!) && this.stateChange(o, m.name, m.nameSpan, m.value)) break;
        this.compileBinding(o, m.name, m.nameSpan, m.value, { via: 'self', meta: o.meta });
        break;
      case 'GroupBlock':
        if (this.isStateChange(o, m.name[0]!) && !o.meta.propsByName.has(m.name[0]!)) {
          this.stateChangeGroup(o, m.name, m.members, m.nameSpan);
          break;
        }
        this.compileGroupBlock(o, m.name, m.members, m.nameSpan);
        break;
      case 'OnBinding':
        if (!this.isValueSource(m)) throw this.err(m, `${m.object.typeName} is not a type`);
        if (!o.meta.propsByName.has(m.name[0]!))
          throw this.err(m.nameSpan, `Cannot assign to non-existent property "${m.name[0]}"`);
        break;
      case 'PropertyDeclaration':
        if (m.required) requiredHere.add(m.name);
        if (m.value !== undefined && m.typeName !== 'alias') {
          requiredHere.delete(m.name);
          // Qt places a declaration's binding at the declaration (`property`), not at the name.
          this.compileBinding(o, [m.name], m, m.value, { via: 'self', meta: o.meta });
        }
        break;
      case 'SignalDeclaration':
      case 'EnumDeclaration':
      case 'InlineComponent':
        break;
      case 'RequiredDeclaration':
        if (!o.meta.propsByName.has(m.name))
          throw this.err(m, `Required property ${m.name} was not initialized`);
        requiredHere.add(m.name);
        break;
      case 'FunctionDeclaration': {
        const spec: FunctionSpec = {
          kind: 'method',
          node: m.body,
          params: m.parameters.map((p) => p.name),
          scope: o.meta,
          name: m.name,
          start: m.start,
          line: m.line,
        };
        if (m.declaration) spec.declaration = m.declaration;
        const fn = o.unit.addFunction(spec);
        o.methods.push({ name: m.name, fn });
        break;
      }
    }
  }

  private compileGroupBlock(
    o: CompiledObject,
    prefix: string[],
    members: ast.Member[],
    span: ast.Span,
  ): void {
    for (const m of members) {
      if (m.kind === 'Binding')
        this.compileBinding(o, [...prefix, ...m.name], m.nameSpan, m.value, { via: 'self', meta: o.meta });
      else if (m.kind === 'GroupBlock')
        this.compileGroupBlock(o, [...prefix, ...m.name], m.members, m.nameSpan);
      else throw this.err(m.kind === 'ObjectDefinition' ? m.typeSpan : span, 'Expected a property binding');
    }
  }

  /** Whether a binding to `name` on `o` is a change a state makes (MetaObject.stateChanges). */
  private isStateChange(o: CompiledObject, name: string): boolean {
    const s = o.meta.stateChanges;
    return s === true || (Array.isArray(s) && s.includes(name));
  }

  /**
   * A change a PropertyChanges makes (QQuickPropertyChangesParser): a
   * literal is a value, any other expression a binding whose scope is the
   * object changed. False for the PropertyChanges' own properties.
   */
  private stateChange(
    o: CompiledObject,
    name: string[],
    nameSpan: ast.Span,
    value: ast.BindingValue,
  ): boolean {
    if (o.meta.propsByName.has(name[0]!)) return false;
    if (value.kind !== 'Script')
      throw this.err(value, 'PropertyChanges does not support creating state-specific objects.');
    const objectId = name.length > 1 && this.isId(o.unit, name[0]!) ? name[0]! : null;
    const path = (objectId !== null ? name.slice(1) : name).join('.');
    const location = this.loc(nameSpan);
    const literal = this.literalValue(value);
    if (literal !== NOT_CONSTANT) {
      o.stateChanges.push({ objectId, name: path, value: literal, location });
      return true;
    }
    const s = value.statement;
    if (objectId === null && name.length === 1 && handlerSignalName(name[0]!) !== undefined) {
      // A handler for the changed object's signal, known only when the state is applied
      const functionForm = isFunctionExpression(s);
      const fn = o.unit.addFunction({
        kind: functionForm ? 'handlerFunction' : 'handler',
        node: s,
        params: [],
        injectUnknownNames: !functionForm,
        scope: this.changeScope(o, objectId),
        start: value.start,
        line: value.line,
      });
      o.stateChanges.push({ objectId, name: path, fn, location, handler: { functionForm } });
      return true;
    }
    // (AnchorChanges: `anchors.left: undefined` resets the anchor)
    const undefinedLiteral =
      s.type === 'ExpressionStatement' &&
      s.expression.type === 'Identifier' &&
      s.expression.name === 'undefined';
    // (the names the expression reads are the changed object's first: known here when its target is an id)
    const fn = o.unit.addFunction({
      kind: 'binding',
      node: value.statement,
      params: [],
      scope: this.changeScope(o, objectId),
      start: value.start,
      line: value.line,
    });
    o.stateChanges.push({
      objectId,
      name: path,
      fn,
      location,
      ...(undefinedLiteral ? { undefinedLiteral } : {}),
    });
    return true;
  }

  /** The type of the object a change's code runs on (its scope): known when the target is an id, else QtObject. */
  private changeScope(o: CompiledObject, objectId: string | null): MetaObject {
    let meta = (objectId !== null ? this.idObject(o.unit, objectId) : this.changesTarget(o))?.meta;
    if (meta === undefined) {
      meta = o.meta;
      while (meta.base !== null && meta.name !== 'QtObject') meta = meta.base;
    }
    return meta;
  }

  private stateChangeGroup(o: CompiledObject, prefix: string[], members: ast.Member[], span: ast.Span): void {
    for (const m of members) {
      if (m.kind === 'Binding') this.stateChange(o, [...prefix, ...m.name], m.nameSpan, m.value);
      else if (m.kind === 'GroupBlock')
        this.stateChangeGroup(o, [...prefix, ...m.name], m.members, m.nameSpan);
      else throw this.err(m.kind === 'ObjectDefinition' ? m.typeSpan : span, 'Expected a property binding');
    }
  }

  private isId(unit: Unit, id: string): boolean {
    for (let u: Unit | null = unit; u !== null; u = u.outer) if (u.ids.has(id)) return true;
    return false;
  }

  /** The object an id names in a unit or the units it is nested in. */
  private idObject(unit: Unit, id: string): CompiledObject | undefined {
    for (let u: Unit | null = unit; u !== null; u = u.outer) {
      if (u.ids.has(id)) return u.ids.get(id);
    }
    return undefined;
  }

  /** A PropertyChanges' `target: someId`, when it is one. */
  private changesTarget(o: CompiledObject): CompiledObject | undefined {
    for (const m of o.def.members) {
      if (m.kind !== 'Binding' || m.name.length !== 1 || m.name[0] !== 'target' || m.value.kind !== 'Script')
        continue;
      const s = m.value.statement;
      if (s.type === 'ExpressionStatement' && s.expression.type === 'Identifier')
        return this.idObject(o.unit, s.expression.name);
    }
    return undefined;
  }

  /** A literal as written (`50`, `-1`, `"red"`, `true`), or NOT_CONSTANT. */
  private literalValue(value: ast.Script): unknown {
    const s = value.statement;
    if (s.type !== 'ExpressionStatement') return NOT_CONSTANT;
    const e = s.expression;
    if (e.type === 'Literal' && !('regex' in e && e.regex) && typeof e.value !== 'bigint') return e.value;
    // (Qt's literals: a number, or a minus before one; `+5` is a script)
    if (
      e.type === 'UnaryExpression' &&
      e.operator === '-' &&
      e.argument.type === 'Literal' &&
      typeof e.argument.value === 'number'
    )
      return -e.argument.value;
    return NOT_CONSTANT;
  }

  /** Resolves `a.b.c` on an object to the object that owns `c` and what `c` is there. */
  private resolveName(o: CompiledObject, name: string[], span: ast.Span): { target: Target; last: string } {
    let target: Target = { via: 'self', meta: o.meta };
    const first = name[0]!;
    let i = 0;
    if (name.length > 1 && /^[A-Z]/.test(first)) {
      // Attached: `Component.onCompleted`, `ListView.delayRemove`, `Keys.onPressed`
      const entry = this.resolver.resolve(first);
      if (entry?.kind !== 'type') throw this.err(span, `Non-existent attached object`);
      const attached = entry.meta.attachedType?.();
      if (!attached) throw this.err(span, `Non-existent attached object`);
      target = { via: 'attached', attached, meta: attached };
      i = 1;
    }
    // The span of name[k] (Qt reports most of these errors at the part at fault).
    const at = (k: number): ast.Span => {
      const skip = k === 0 ? 0 : name.slice(0, k).join('.').length + 1;
      return { ...span, start: span.start + skip, column: span.column + skip };
    };
    for (; i < name.length - 1; i++) {
      const p = target.meta.propsByName.get(name[i]!);
      if (!p) throw this.err(span, `Cannot assign to non-existent property "${name[i]}"`);
      // Qt's value types: a font's fields (`font.pointSize.x`) and an anchor
      // line (`anchors.left.x`, which has no fields at all) cannot be grouped.
      if (target.via === 'group' && target.meta.name === 'font')
        throw this.err(at(i), 'Property assignment expected');
      // (the anchor lines are the group's only var properties: QQuickAnchorLine values)
      if (target.via === 'group' && target.meta.cppClass === 'QQuickAnchors' && p.type === 'var')
        throw this.err(at(i + 1), `Cannot assign to non-existent property "${name[i + 1]}"`);
      const fields = p.group ? undefined : valueGroupMeta(p.type);
      // Qt (QQmlPropertyValidator): a property of a primitive type, or of any
      // other type that is neither a value type nor an object, is no group.
      if (
        fields === undefined &&
        !p.group &&
        !(p as { aliasGroup?: GroupSpec }).aliasGroup &&
        !this.objectMetaOf(p)
      ) {
        const primitive = PRIMITIVE_TYPES[p.type];
        if (primitive !== undefined)
          throw this.err(
            at(i),
            `Invalid grouped property access: Property "${name[i]}" with primitive type "${primitive}".`,
          );
        const cpp = nonValueTypeName(p);
        if (cpp !== undefined)
          throw this.err(
            at(i),
            `Invalid grouped property access: Property "${name[i]}" with type "${cpp}", which is not a value type`,
          );
      }
      // (a value-type field of a group's property too: `border.color.r`)
      // (and of an attached object's: `Drag.hotSpot.x`)
      if (
        target.via !== 'self' &&
        (fields === undefined || (target.via !== 'group' && target.via !== 'attached'))
      )
        throw this.err(span, `Invalid grouped property access`);
      if (fields !== undefined) {
        if (p.readonly && (target.via !== 'self' || !isOwnDeclaration(o, name[i]!)))
          throw this.err(span, `Invalid property assignment: "${name[i]}" is a read-only property`);
        // A field of a value-type property: `origin.x: 20`.
        if (i < name.length - 2) {
          const skip = name.slice(0, i + 1).join('.').length + 1;
          throw this.err(
            { ...span, start: span.start + skip, column: span.column + skip },
            'Property assignment expected',
          );
        }
        const outer = target.via === 'group' ? target.group : undefined;
        const attached = target.via === 'attached' ? target.attached : undefined;
        target = {
          via: 'value',
          group: name[i]!,
          meta: fields,
          ...(outer !== undefined ? { outer } : {}),
          ...(attached !== undefined ? { attached } : {}),
        };
        continue;
      }
      // Qt: an object-typed property is a group too (`textItem.text: ...` through an object alias).
      const group = p.group ?? (p as { aliasGroup?: GroupSpec }).aliasGroup;
      const meta = group ? group.meta() : this.objectMetaOf(p);
      if (!meta) throw this.err(span, `Invalid grouped property access`);
      target = { via: 'group', group: name[i]!, meta };
      if (!group) target.groupLocation = this.loc(at(i));
    }
    return { target, last: name[name.length - 1]! };
  }

  /** The type of the objects an object-typed property holds (an alias to an id: that object's type). */
  private objectMetaOf(p: PropertyInfo): MetaObject | undefined {
    const known = (p as { objectMeta?: MetaObject }).objectMeta;
    if (known) return known;
    if (!isObjectType(p.type)) return undefined;
    const e = this.resolver.resolve(p.type);
    return e?.kind === 'type' ? e.meta : undefined;
  }

  /** The span of the last part of a dotted name (`colour` in `border.colour`), where Qt reports it. */
  private lastPart(nameSpan: ast.Span, last: string): ast.Span {
    const text = this.file.program.source.slice(nameSpan.start, nameSpan.end);
    const offset = text.lastIndexOf(last);
    if (offset <= 0) return nameSpan;
    const { line, column } = this.file.lines(nameSpan.start + offset);
    return { start: nameSpan.start + offset, end: nameSpan.end, line, column };
  }

  private compileBinding(
    o: CompiledObject,
    name: string[],
    nameSpan: ast.Span,
    value: ast.BindingValue,
    _base: Target,
  ): void {
    const { target, last } = this.resolveName(o, name, nameSpan);
    const location = this.loc(nameSpan);
    const signalName = handlerSignalName(last);
    if (signalName !== undefined && !target.meta.propsByName.has(last)) {
      const signal = target.meta.signalForHandler(signalName);
      if (!signal && target.via === 'self' && o.meta.inherits(this.host.connectionsMeta)) {
        // Connections' old `onFoo:` syntax handles a signal of its target, known only
        // when connecting (Qt's QQmlConnectionsParser keeps the script for then).
        if (value.kind !== 'Script') throw this.err(nameSpan, 'Connections: syntax error');
        const functionForm = isFunctionExpression(value.statement);
        const fn = o.unit.addFunction({
          kind: functionForm ? 'handlerFunction' : 'handler',
          node: value.statement,
          params: [],
          injectUnknownNames: !functionForm,
          scope: o.meta,
          start: value.start,
          line: value.line,
        });
        o.implicitHandlers.push({ handlerName: last, fn, functionForm, location });
        return;
      }
      if (!signal)
        throw this.err(this.lastPart(nameSpan, last), `Cannot assign to non-existent property "${last}"`);
      if (value.kind === 'ObjectDefinition') {
        const meta = this.resolveType(value.typeName, value).meta;
        // (Qt finds this one while creating the object, not while loading the file)
        const e = this.err(value, `Cannot assign object type ${qtClassName(meta)} with no default method`);
        e.stage = 'create';
        throw e;
      }
      if (value.kind !== 'Script' || this.isLiteral(value)) {
        throw this.err(
          this.lastPart(nameSpan, last),
          'Cannot assign a value to a signal (expecting a script to be run)',
        );
      }
      const functionForm = isFunctionExpression(value.statement);
      const fn = o.unit.addFunction({
        kind: functionForm ? 'handlerFunction' : 'handler',
        node: value.statement,
        params: functionForm ? [] : signal.params.map((p) => p.name),
        scope: o.meta,
        start: value.start,
        line: value.line,
      });
      o.handlers.push({ target, signal, fn, functionForm, location, signalName: last });
      return;
    }
    const prop = target.meta.propsByName.get(last);
    if (prop) {
      // Qt: one value per property and object (QQmlPropertyValidator).
      const key = name.join('.');
      if (o.assigned.has(key)) throw this.err(nameSpan, 'Property value set multiple times');
      // (a value-type property takes a whole value or values for its fields, not both)
      if (target.via === 'value' && o.assigned.has(name.slice(0, -1).join('.')))
        throw this.err(this.lastPart(nameSpan, last), 'Property has already been assigned a value');
      if (prop.valueType && [...o.assigned].some((k) => k.startsWith(`${key}.`)))
        throw this.err(value, 'Property has already been assigned a value');
      o.assigned.add(key);
    }
    if (!prop) {
      throw this.err(this.lastPart(nameSpan, last), `Cannot assign to non-existent property "${last}"`);
    }
    const ptarget: PropertyTarget = { ...target, prop };
    // Value-type groups (`font`) take a whole value (`font: other.font`); object groups do not.
    if (prop.group && value.kind === 'Script' && prop.write === undefined) {
      throw this.err(value, 'Invalid property assignment: unsupported type "QObject*"');
    }
    if (value.kind === 'ObjectDefinition' || value.kind === 'ObjectList') {
      const defs = value.kind === 'ObjectDefinition' ? [value] : value.objects;
      const isComponentProp = prop.type === 'Component';
      const objects = defs.map((d) => {
        if (isComponentProp && !/(^|\.)Component$/.test(d.typeName)) {
          // An implicit component: `delegate: Row { ... }`
          const wrapper = new CompiledObject(d, o.unit);
          wrapper.meta = wrapper.typeMeta = this.host.componentMeta;
          wrapper.component = this.nestedUnit(o.unit, d);
          wrapper.location = this.loc(d.typeSpan);
          return wrapper;
        }
        const pre = this.predeclared.get(d);
        this.predeclared.delete(d);
        const all: CompiledObject[] = pre?.all ?? [];
        const child = pre?.child ?? this.declareObject(o.unit, d, undefined, all);
        for (const c of all) this.declareAliases(c);
        for (const c of all) this.compileMembers(c);
        return child;
      });
      // Qt: a `var` property holds any value, objects included (`model: ListModel {}`).
      if (
        value.kind === 'ObjectDefinition' &&
        prop.type !== 'list' &&
        prop.type !== 'var' &&
        !isObjectType(prop.type)
      ) {
        // Qt's wordings (QQmlPropertyValidator::validateObjectBinding): primitive
        // types at the name, other non-object types at the value.
        const primitive = PRIMITIVE_TYPES[prop.type];
        if (primitive !== undefined)
          throw this.err(
            nameSpan,
            `Cannot assign value of type "${value.typeName}" to property "${last}", expecting "${primitive}"`,
          );
        const unknown = prop.type === 'string' ? 'QString' : prop.type === 'url' ? 'QUrl' : undefined;
        if (unknown !== undefined)
          throw this.err(value, `Cannot assign to property of unknown type "${unknown}".`);
        throw this.err(value, `Cannot assign object to property`);
      }
      // Qt (QQmlPropertyValidator): an object of another type is refused where it is declared.
      const elementType = prop.type === 'list' ? prop.listOf?.() : undefined;
      if (elementType !== undefined)
        objects.forEach((c, i) => {
          if (!accepts(elementType, c.meta))
            throw this.err(defs[i]!, `Cannot assign object to list property "${last}"`);
        });
      const objectType =
        value.kind === 'ObjectDefinition' && !isComponentProp ? this.objectMetaOf(prop) : undefined;
      if (objectType !== undefined && !accepts(objectType, objects[0]!.meta))
        throw this.err(
          value,
          `Cannot assign object of type "${defs[0]!.typeName}" to property of type "${qtClassName(objectType)}*" as the former is neither the same as the latter nor a sub-class of it.`,
        );
      o.objectValues.push({ target: ptarget, objects, list: value.kind === 'ObjectList', location });
      return;
    }
    if (prop.readonly && (target.via === 'value' || (target.via === 'self' && !isOwnDeclaration(o, last)))) {
      throw this.err(value, `Invalid property assignment: "${last}" is a read-only property`);
    }
    const constant = this.constantValue(value, prop, target);
    if (constant === NO_VALUE) return;
    if (constant !== NOT_CONSTANT) {
      o.constants.push({ target: ptarget, value: constant, location });
      return;
    }
    const fn = o.unit.addFunction({
      kind: 'binding',
      node: value.statement,
      params: [],
      scope: o.meta,
      start: value.start,
      line: value.line,
    });
    o.bindings.push({ target: ptarget, fn, location, name: name.join('.') });
  }

  /**
   * The value of a binding that is a compile-time constant (a literal, a
   * negated number, an enum): Qt assigns those while creating the object
   * instead of making a binding. Checks the literal against the property
   * type the way Qt's compiler does.
   */
  private constantValue(value: ast.Script, prop: PropertyInfo, target: Target): unknown {
    const stmt = value.statement;
    if (stmt.type !== 'ExpressionStatement') return NOT_CONSTANT;
    const e = stmt.expression;
    let v: unknown = NOT_CONSTANT;
    let isEnum = false;
    if (e.type === 'Literal' && !('regex' in e && e.regex) && typeof e.value !== 'bigint') v = e.value;
    else if (
      e.type === 'UnaryExpression' &&
      e.operator === '-' &&
      e.argument.type === 'Literal' &&
      typeof e.argument.value === 'number'
    ) {
      v = -e.argument.value;
    } else if (e.type === 'TemplateLiteral' && e.expressions.length === 0) {
      v = e.quasis[0]!.value.cooked;
    } else if (
      e.type === 'MemberExpression' &&
      !e.computed &&
      e.object.type === 'Identifier' &&
      e.property.type === 'Identifier' &&
      /^[A-Z]/.test(e.object.name)
    ) {
      const entry = this.resolver.resolve(e.object.name);
      // (Qt's own enums, `Qt.AlignLeft`, are constants too: no change signal at creation)
      const ev =
        entry?.kind === 'type'
          ? entry.meta.enums[e.property.name]
          : entry === undefined && e.object.name === 'Qt'
            ? QT_ENUMS[e.property.name]
            : undefined;
      if (ev !== undefined) {
        v = ev;
        isEnum = true;
      }
    }
    if (v === NOT_CONSTANT) return v;
    if (prop.type === 'enumeration' && !isEnum) {
      // An enumeration takes an enum or the name of one of its type's values, not a number.
      // (a value type's enums are on the type QML names it by: font.capitalization's on `Font`)
      const n = target.meta.name;
      const byName = this.resolver.resolve(n.charAt(0).toUpperCase() + n.slice(1));
      const named =
        typeof v !== 'string'
          ? undefined
          : (target.meta.enums[v] ?? (byName?.kind === 'type' ? byName.meta.enums[v] : undefined));
      if (named === undefined) throw this.err(value, 'Invalid property assignment: unknown enumeration');
      v = named;
    }
    if (v === null && NULL_DEPRECATED[prop.type] !== undefined) {
      // Qt 6.4 still loads this, with a warning, and leaves the default value.
      const { line, column } = value;
      this.host.warn(
        `${this.file.url}:${line}:${column}: Invalid property assignment: ${NULL_DEPRECATED[prop.type]} expected - Assigning null to incompatible properties in QML is deprecated. This will become a compile error in future versions of Qt.`,
      );
      return NO_VALUE;
    }
    this.checkLiteral(v, prop, value);
    return v;
  }

  /** A literal value (`5`, `"x"`, `-1`): not a script. */
  private isLiteral(value: ast.Script): boolean {
    const s = value.statement;
    if (s.type !== 'ExpressionStatement') return false;
    const e = s.expression;
    return (
      (e.type === 'Literal' && !('regex' in e && e.regex)) ||
      (e.type === 'UnaryExpression' &&
        e.operator === '-' &&
        e.argument.type === 'Literal' &&
        typeof e.argument.value === 'number')
    );
  }

  /** Qt refuses some literals at load time ("Invalid property assignment: int expected"). */
  private checkLiteral(v: unknown, prop: PropertyInfo, span: ast.Span): void {
    const t = prop.type;
    const fail = (what: string) => {
      throw this.err(span, `Invalid property assignment: ${what} expected`);
    };
    switch (t) {
      case 'int':
        if (typeof v !== 'number' || !Number.isInteger(v) || v > 2147483647 || v < -2147483648) fail('int');
        break;
      case 'real':
      case 'double':
        if (typeof v !== 'number') fail('number');
        break;
      case 'bool':
        if (typeof v !== 'boolean') fail('boolean');
        break;
      case 'string':
        if (typeof v !== 'string') fail('string');
        break;
      case 'url':
        if (typeof v !== 'string') fail('url');
        break;
      case 'color':
        if (typeof v !== 'string' || parseColor(v) === undefined) fail('color');
        break;
      case 'enumeration':
        if (typeof v !== 'number') fail('enumeration');
        break;
      default:
        if (isObjectType(t) && v !== null) fail(`object or null`);
        break;
    }
    void coercerFor;
  }
}

const NOT_CONSTANT: unique symbol = Symbol('not constant');
/** A literal Qt accepts with a warning and does not assign. */
const NO_VALUE: unique symbol = Symbol('no value');

/** Types whose `null` literal is deprecated, not refused (measured: `property real p: null`), and Qt's word for them. */
const NULL_DEPRECATED: Record<string, string> = {
  int: 'int',
  real: 'number',
  double: 'number',
  bool: 'boolean',
};

/**
 * Names of the JS engine's global object (V4 in Qt 6.4, with Qt's own
 * globals) that QML properties and functions may not take: Qt reports
 * "Illegal property name" (measured: Math, parseInt, JSON, console, Qt,
 * eval, gc, qsTr, undefined, ...; `globalThis` is allowed).
 */
const ILLEGAL_NAMES = new Set([
  'Object',
  'String',
  'Symbol',
  'Number',
  'Boolean',
  'Array',
  'Function',
  'Date',
  'RegExp',
  'Error',
  'EvalError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'TypeError',
  'URIError',
  'Promise',
  'JSON',
  'Reflect',
  'Proxy',
  'Math',
  'Atomics',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'undefined',
  'NaN',
  'Infinity',
  'eval',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'decodeURI',
  'decodeURIComponent',
  'encodeURI',
  'encodeURIComponent',
  'escape',
  'unescape',
  'Qt',
  'console',
  'print',
  'gc',
  'qsTr',
  'qsTranslate',
  'qsTrId',
  'QT_TR_NOOP',
  'QT_TRANSLATE_NOOP',
  'QT_TRID_NOOP',
  'XMLHttpRequest',
]);

/** Whether a property of type `want` takes an object of type `meta` (every object is a QtObject). */
function accepts(want: MetaObject, meta: MetaObject): boolean {
  return (want.name === 'QtObject' && !want.isDerived) || meta.inherits(want);
}

/** Qt's C++ names of the value lists (`list<int>` is a QList<int>). */
const SEQUENCE_TYPES: Record<string, string> = {
  int: 'QList<int>',
  real: 'QList<double>',
  double: 'QList<double>',
  bool: 'QList<bool>',
  string: 'QList<QString>',
  url: 'QList<QUrl>',
};

/** The C++ type Qt names for a property that is neither primitive, a value type nor an object (undefined: not known here). */
function nonValueTypeName(p: PropertyInfo): string | undefined {
  switch (p.type) {
    case 'string':
      return 'QString';
    case 'url':
      return 'QUrl';
    case 'var':
    case 'variant':
      return 'QVariant';
    case 'date':
      return 'QDateTime';
    case 'list': {
      if (p.sequenceOf !== undefined) return SEQUENCE_TYPES[p.sequenceOf];
      const of = p.listOf?.();
      return of ? `QQmlListProperty<${qtClassName(of)}>` : undefined;
    }
    default:
      return undefined;
  }
}

/** Property types Qt counts as primitive (QMetaType's primitive types), by their C++ names. */
const PRIMITIVE_TYPES: Record<string, string> = {
  int: 'int',
  real: 'double',
  double: 'double',
  bool: 'bool',
};

/**
 * Properties of QQuickItem that QML may not redeclare: the ones Qt 6.4
 * marks FINAL (measured: redeclaring state, data, clip, rotation, implicitWidth
 * or objectName loads; x, opacity or focus does not).
 */
const FINAL_PROPERTIES = new Set([
  'parent',
  'x',
  'y',
  'z',
  'width',
  'height',
  'opacity',
  'visible',
  'childrenRect',
  'anchors',
  'left',
  'right',
  'horizontalCenter',
  'top',
  'bottom',
  'verticalCenter',
  'baseline',
  'focus',
  'activeFocus',
  'activeFocusOnTab',
  'transform',
  'layer',
]);

function isOwnDeclaration(o: CompiledObject, name: string): boolean {
  return o.def.members.some((m) => m.kind === 'PropertyDeclaration' && m.name === name);
}

const VALUE_TYPES = new Set([
  'int',
  'real',
  'double',
  'number',
  'bool',
  'string',
  'url',
  'color',
  'var',
  'variant',
  'list',
  'enumeration',
  'point',
  'size',
  'rect',
  'date',
  'font',
  'vector2d',
  'vector3d',
  'vector4d',
  'quaternion',
  'matrix4x4',
]);

export function isObjectType(t: string): boolean {
  return !VALUE_TYPES.has(t);
}

function isKnownPropertyType(t: string): boolean {
  return VALUE_TYPES.has(t);
}

function normalizeType(t: string): string {
  if (t === 'variant') return 'var';
  return t;
}

/** Gives an alias property accessors that forward to its target (`input.text`). */
function installAlias(
  meta: MetaObject,
  prop: PropertyInfo,
  type: string,
  id: string,
  path: string[],
  throughObject: boolean,
): void {
  const depth = meta.declDepth;
  const proto = meta.ctor.prototype as object;
  const targetOf = (self: { $ctx: unknown[] | null }) => {
    const ctx = self.$ctx![depth] as QmlContext;
    let t = ctx.lookupId(id) as unknown as Record<string, unknown>;
    for (let i = 0; i < path.length - 1; i++) t = t[path[i]!] as Record<string, unknown>;
    return t;
  };
  const last = path[path.length - 1];
  const notify = prop.notify;
  Object.defineProperty(proto, prop.name, {
    configurable: true,
    get(this: QObject) {
      if (last === undefined) {
        const ctx = this.$ctx![depth] as QmlContext;
        return ctx.lookupId(id);
      }
      if (!throughObject) return targetOf(this)[last];
      // A deep alias reads the object `prop` holds now, but a binding hears
      // only the alias's own signal: Qt connects it once, to the first object.
      const v = untracked(() => (targetOf(this) as Record<string, unknown> | null)?.[last]);
      if (currentObserver !== null && notify >= 0) currentObserver.track(this.$source(notify));
      return v;
    },
    set(this: QObject, v: unknown) {
      if (last === undefined || prop.readonly)
        throw new TypeError(`Cannot assign to read-only property "${prop.name}"`);
      targetOf(this)[last] = v;
    },
  });
  (prop as { type: string }).type = type;
  (prop as { alias?: { id: string; path: string[] } }).alias = { id, path };
}

export { uncap };
