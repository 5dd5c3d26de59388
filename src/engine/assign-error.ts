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
  ) {
    super(`Unable to assign ${from} to ${to}`);
  }

  /** The error JavaScript code sees when its assignment fails. */
  toScriptError(): Error {
    return new Error(`Cannot assign ${this.from} to ${this.to}`);
  }
}
