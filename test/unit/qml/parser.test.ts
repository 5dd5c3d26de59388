import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type {
  Binding,
  FunctionDeclaration,
  ObjectDefinition,
  PropertyDeclaration,
  SignalDeclaration,
} from '../../../src/qml/ast';
import { parseQml } from '../../../src/qml/parser';

function parse(src: string) {
  return parseQml(src, 'test.qml');
}

function syntaxError(src: string): string {
  try {
    parseQml(src, 'test.qml');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('parsed');
}

function sceneFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sceneFiles(join(dir, d.name)) : d.name.endsWith('.qml') ? [join(dir, d.name)] : [],
  );
}

describe('QML parser', () => {
  test.each(sceneFiles('scenes'))('parses %s', (file) => {
    const program = parseQml(readFileSync(file, 'utf8'), file);
    expect(program.root.kind).toBe('ObjectDefinition');
  });

  test('imports: module, version, qualifier, directory and script', () => {
    const p = parse(`import QtQuick
import QtQuick.Controls 2.15 as QQC
import "components"
import "lib.js" as Lib
pragma Singleton
Item {}`);
    expect(p.imports.map((i) => [i.module, i.path, i.version, i.qualifier])).toEqual([
      ['QtQuick', undefined, undefined, undefined],
      ['QtQuick.Controls', undefined, { major: 2, minor: 15 }, 'QQC'],
      [undefined, 'components', undefined, undefined],
      [undefined, 'lib.js', undefined, 'Lib'],
    ]);
    expect(p.pragmas[0]!.name).toBe('Singleton');
  });

  test('pragma with values', () => {
    const p = parse('pragma ComponentBehavior: Bound\nItem {}');
    expect(p.pragmas[0]).toMatchObject({ name: 'ComponentBehavior', values: ['Bound'] });
  });

  test('every node has a source span with 1-based line and column', () => {
    const p = parse('import QtQuick\n\nItem {\n    width: 10\n}\n');
    const b = p.root.members[0] as Binding;
    expect(b).toMatchObject({ kind: 'Binding', name: ['width'], line: 4, column: 5 });
    expect(b.nameSpan).toMatchObject({ line: 4, column: 5 });
    expect(b.value).toMatchObject({ kind: 'Script', code: '10', line: 4, column: 12 });
    expect(p.root).toMatchObject({ line: 3, column: 1 });
  });

  test('grouped, attached and group-block bindings', () => {
    const p = parse(`Item {
  border.color: 'red'
  Component.onCompleted: print(1)
  ListView.delayRemove: true
  anchors { left: parent.left; top: parent.top }
}`);
    const [a, b, c, d] = p.root.members;
    expect(a).toMatchObject({ kind: 'Binding', name: ['border', 'color'] });
    expect(b).toMatchObject({ kind: 'Binding', name: ['Component', 'onCompleted'] });
    expect(c).toMatchObject({ kind: 'Binding', name: ['ListView', 'delayRemove'] });
    expect(d).toMatchObject({ kind: 'GroupBlock', name: ['anchors'] });
    expect((d as { members: Binding[] }).members.map((m) => m.name.join('.'))).toEqual(['left', 'top']);
  });

  test('object-valued and list-valued properties', () => {
    const p = parse(`ListView {
  model: ListModel {}
  delegate: Row { width: 10 }
  children: [Item {}, QQ.Rectangle { }]
  property var plain: [1, 2, 3]
}`);
    const [model, delegate, children, plain] = p.root.members as Binding[];
    expect(model!.value).toMatchObject({ kind: 'ObjectDefinition', typeName: 'ListModel' });
    expect(delegate!.value).toMatchObject({ kind: 'ObjectDefinition', typeName: 'Row' });
    expect(children!.value.kind).toBe('ObjectList');
    expect((children!.value as { objects: ObjectDefinition[] }).objects.map((o) => o.typeName)).toEqual([
      'Item',
      'QQ.Rectangle',
    ]);
    expect((plain as unknown as PropertyDeclaration).value).toMatchObject({
      kind: 'Script',
      code: '[1, 2, 3]',
    });
  });

  test('property declarations', () => {
    const p = parse(`Item {
  property real cw: width/24
  readonly property int ro: 5
  required property string name
  default property list<Item> content
  property var v
  property alias text: input.text
  property alias color: rect.border.color
  property Item target: null
}`);
    const decls = p.root.members as PropertyDeclaration[];
    expect(decls.map((d) => [d.name, d.typeName, d.isList, d.readonly, d.required, d.isDefault])).toEqual([
      ['cw', 'real', false, false, false, false],
      ['ro', 'int', false, true, false, false],
      ['name', 'string', false, false, true, false],
      ['content', 'Item', true, false, false, true],
      ['v', 'var', false, false, false, false],
      ['text', 'alias', false, false, false, false],
      ['color', 'alias', false, false, false, false],
      ['target', 'Item', false, false, false, false],
    ]);
    expect(decls[0]!.value).toMatchObject({ code: 'width/24' });
    expect(decls[6]!.value).toMatchObject({ code: 'rect.border.color' });
  });

  test('signals in both parameter styles', () => {
    const p = parse(`Item {
  signal accepted(string text)
  signal moved(x: real, y: real)
  signal plain
}`);
    const s = p.root.members as SignalDeclaration[];
    expect(s.map((d) => [d.name, d.parameters.map((x) => `${x.typeName} ${x.name}`)])).toEqual([
      ['accepted', ['string text']],
      ['moved', ['real x', 'real y']],
      ['plain', []],
    ]);
  });

  test('functions, with typed parameters and a return type', () => {
    const p = parse(`Item {
  function append(prefix, message) { model.append({prefix: prefix, message: message}) }
  function add(a: int, b: int): int { return a + b }
  function withDefaults(a = 1, ...rest) { return a + rest.length }
}`);
    const f = p.root.members as FunctionDeclaration[];
    expect(f.map((d) => [d.name, d.parameters.map((x) => x.name), d.returnType])).toEqual([
      ['append', ['prefix', 'message'], undefined],
      ['add', ['a', 'b'], 'int'],
      ['withDefaults', ['a = 1', '...rest'], undefined],
    ]);
    expect(f[1]!.bodyCode).toBe('{ return a + b }');
  });

  test('enums and inline components', () => {
    const p = parse(`Item {
  enum Color { Red, Green = 5, Blue }
  component Badge: Rectangle { width: 4 }
  Badge {}
}`);
    expect(p.root.members[0]).toMatchObject({
      kind: 'EnumDeclaration',
      name: 'Color',
      members: [{ name: 'Red' }, { name: 'Green', value: 5 }, { name: 'Blue' }],
    });
    expect(p.root.members[1]).toMatchObject({
      kind: 'InlineComponent',
      name: 'Badge',
      object: { typeName: 'Rectangle' },
    });
    expect(p.root.members[2]).toMatchObject({ kind: 'ObjectDefinition', typeName: 'Badge' });
  });

  test('handlers: block, function and arrow forms', () => {
    const p = parse(`Item {
  onAccepted: { print(text) }
  onMoved: function (x, y) { print(x) }
  onClicked: (mouse) => print(mouse.x)
}`);
    const [a, b, c] = p.root.members as Binding[];
    expect((a!.value as { statement: { type: string } }).statement.type).toBe('BlockStatement');
    expect((b!.value as { statement: { expression: { type: string } } }).statement.expression.type).toBe(
      'FunctionExpression',
    );
    expect((c!.value as { statement: { expression: { type: string } } }).statement.expression.type).toBe(
      'ArrowFunctionExpression',
    );
  });

  test('modern JavaScript inside bindings', () => {
    const p = parse(`Item {
  property var a: { let x = 1; const y = [...[1, 2]]; const {p, q = 2} = {p: 1}; return \`\${x}\${y}\` }
  property var b: obj?.deep?.value ?? 3
  property var c: (v => v * 2)(4)
}`);
    expect(p.root.members).toHaveLength(3);
  });

  test('optional semicolons, comments', () => {
    const p = parse(`Item { // comment
  width: 50; height: 50 /* block */
  x: 1
  y: 2;
}`);
    expect((p.root.members as Binding[]).map((b) => b.name[0])).toEqual(['width', 'height', 'x', 'y']);
  });

  test('property, signal and readonly used as property names', () => {
    const p = parse('Item { property: 1; signal: 2; readonly: 3 }');
    expect((p.root.members as Binding[]).map((b) => b.name[0])).toEqual(['property', 'signal', 'readonly']);
  });

  test('nested objects', () => {
    const p = parse('Item { Row { Text { text: "a" } } }');
    const row = p.root.members[0] as ObjectDefinition;
    expect((row.members[0] as ObjectDefinition).typeName).toBe('Text');
  });

  describe("syntax errors read like Qt's", () => {
    test('a missing closing brace is reported at the end of the file', () => {
      // measured with Qt 6.4
      expect(
        syntaxError(`// Load error: syntax error (missing closing brace).
import QtQuick
Rectangle { width: 50; height: 50
  Text { text: "x" }
`),
      ).toBe("test.qml:5:1: Expected token `}'");
    });
    test('unclosed string', () => {
      expect(syntaxError('Item {\n  x: "abc\n}')).toBe('test.qml:2:6: Unclosed string at end of line');
    });
  });
});
