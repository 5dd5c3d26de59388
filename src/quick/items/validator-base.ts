// The base of the validator types (QValidator): what TextInput needs of a
// validator. The types themselves (Validators.ts) are loaded on first use.
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';

/** QValidator::State */
export enum ValidatorState {
  Invalid = 0,
  Intermediate = 1,
  Acceptable = 2,
}

export interface ValidationResult {
  state: ValidatorState;
  /** the input after validation (validators may rewrite it) */
  input: string;
  pos: number;
}

/** QValidator: the base of the validator types. */
export abstract class Validator extends QObject {
  abstract validate(input: string, pos: number): ValidationResult;
  /** QValidator::fixup: tries to turn intermediate input into acceptable input. */
  fixup(input: string): string {
    return input;
  }
  /** Any property changed: inputs re-check their text (QValidator::changed). */
  notifyChanged(): void {
    this.$emit(VALIDATOR_CHANGED, undefined);
  }
}
/** A property's change hook: inputs re-check their text. */
export const announce = (o: QObject) => (o as Validator).notifyChanged();

export const ValidatorMeta: MetaObject = defineType(
  Validator as unknown as abstract new () => QObject,
  QtObjectMeta,
  {
    name: 'Validator',
    cppClass: 'QValidator',
    creatable: false,
    properties: { locale: { type: 'string', changed: announce } },
    signals: { changed: {} },
    enums: { Invalid: 0, Intermediate: 1, Acceptable: 2 },
  },
);
export const VALIDATOR_CHANGED = ValidatorMeta.signalsByName.get('changed')!.index;
