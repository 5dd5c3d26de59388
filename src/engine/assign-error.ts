/**
 * A value that cannot be converted to a property's type. Qt words it two
 * ways: a binding's result is reported as "Unable to assign [undefined] to
 * int"; an assignment from JavaScript throws "Error: Cannot assign QString to
 * int".
 */
export class AssignError extends Error {
  override name = 'Error';
  constructor(
    /** Qt's name for the value's type: `[undefined]`, `QString`, `QJSValue`, `std::nullptr_t`. */
    readonly from: string,
    /** Qt's name for the property's type: `int`, `double`, `QString`, `QColor`. */
    readonly to: string,
    /** The value, when Qt words its binding message after it (an object's class, a function). */
    readonly value?: unknown,
  ) {
    super(
      typeof value === 'function'
        ? 'Unable to assign a function to a property of any type other than var.'
        : `Unable to assign ${from === 'QObject*' && value !== undefined ? objectClassName(value) : from} to ${to}`,
    );
  }

  /** The error JavaScript code sees when its assignment fails. */
  toScriptError(): Error {
    const from = typeof this.value === 'function' ? 'JavaScript function' : this.from;
    return new Error(`Cannot assign ${from} to ${this.to}`);
  }
}

/**
 * A binding's message names an object by its class (`QQuickRectangle`,
 * `QQuickItem_QML_0`); the object model registers how (qobject.ts).
 */
let objectClassName: (o: unknown) => string = () => 'QObject*';
export function setObjectClassName(f: (o: unknown) => string): void {
  objectClassName = f;
}
