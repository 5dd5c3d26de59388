/** Raised when a value cannot be converted to a property's type ("Unable to assign [undefined] to int"). */
export class AssignError extends Error {
  override name = 'Error';
}
