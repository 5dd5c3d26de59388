// IntValidator, DoubleValidator and RegularExpressionValidator (QIntValidator,
// QDoubleValidator, QRegularExpressionValidator as QML sees them): what a
// TextInput accepts while typing (Invalid input is refused) and when Enter is
// pressed (only Acceptable input emits `accepted`). Numbers are read in the
// C locale of the reference machine: '.' decimal point, ',' group separator.
import { defineType, type MetaObject } from '../../engine/qobject';
import { MatchResult } from './match-result';
import { announce, type ValidationResult, Validator, ValidatorMeta, ValidatorState } from './validator-base';

/**
 * The partial matcher, a chunk of its own in the page: loaded when a
 * RegularExpressionValidator is made, and before a file naming the type
 * is compiled (TypeSpec.preload). Until it is there, only complete
 * matches are told apart.
 */
let partialMatch: typeof import('./partial-match') | null = null;
let partialMatchLoading: Promise<unknown> | null = null;

function loadPartialMatch(): Promise<unknown> | undefined {
  if (partialMatch !== null) return undefined;
  partialMatchLoading ??= import('./partial-match').then((m) => {
    partialMatch = m;
  });
  return partialMatchLoading;
}

type NumberMode = 'int' | 'double' | 'scientific';

/**
 * QLocaleData::validateChars for the C locale: the characters a number may
 * contain in that mode, group separators dropped. Null when invalid.
 */
function validateChars(input: string, mode: NumberMode, decDigits: number): string | null {
  let buff = '';
  let lastWasE = false;
  let lastWasDigit = false;
  let eCnt = 0;
  let decPointCnt = 0;
  let dec = false;
  let decDigitCnt = 0;
  for (let i = 0; i < input.length; i++) {
    let c = input[i]!;
    if (c === 'E') c = 'e';
    if (c >= '0' && c <= '9') {
      if (mode !== 'int') {
        if (dec && decDigits !== -1 && decDigits <= decDigitCnt) return null;
        if (dec) ++decDigitCnt;
      }
      lastWasDigit = true;
    } else {
      switch (c) {
        case '.':
          if (mode === 'int') return null;
          if (++decPointCnt > 1) return null;
          dec = true;
          break;
        case '+':
        case '-':
          if (mode === 'scientific') {
            if (i !== 0 && !lastWasE) return null;
          } else if (i !== 0) return null;
          break;
        case ',':
          if (!lastWasDigit || decPointCnt > 0) return null;
          break;
        case 'e':
          if (mode !== 'scientific') return null;
          if (++eCnt > 1) return null;
          dec = false;
          break;
        default:
          return null;
      }
      lastWasDigit = false;
    }
    lastWasE = c === 'e';
    if (c !== ',') buff += c;
  }
  return buff;
}

/** QLocale::toInt / toDouble in the C locale: group separators only in threes before the point. */
function groupsOk(input: string): boolean {
  if (!input.includes(',')) return true;
  return /^[+-]?\d{1,3}(,\d{3})*(\.\d*)?([eE][+-]?\d+)?$/.test(input);
}

export class IntValidator extends Validator {
  declare bottom: number;
  declare top: number;

  /** QIntValidator::validate */
  validate(input: string, pos: number): ValidationResult {
    const r = (state: ValidatorState) => ({ state, input, pos });
    const b = this.$v[INT.bottom] as number;
    const t = this.$v[INT.top] as number;
    const buff = validateChars(input, 'int', -1);
    if (buff === null) return r(ValidatorState.Invalid);
    if (buff === '') return r(ValidatorState.Intermediate);
    const minus = buff[0] === '-';
    const plus = buff[0] === '+';
    if (b >= 0 && minus) return r(ValidatorState.Invalid);
    if (t < 0 && plus) return r(ValidatorState.Invalid);
    if (buff.length === 1 && (plus || minus)) return r(ValidatorState.Intermediate);
    const entered = Number(buff);
    if (!Number.isSafeInteger(entered)) return r(ValidatorState.Invalid);
    if (entered >= b && entered <= t)
      return r(groupsOk(input) ? ValidatorState.Acceptable : ValidatorState.Intermediate);
    if (entered >= 0) {
      // Numbers with more digits than `top` cannot become valid by typing more.
      const buffLength = buff.length - (plus ? 1 : 0);
      const tLength = t !== 0 ? Math.floor(Math.log10(Math.abs(t))) + 1 : 1;
      return r(
        entered > t && -entered < b && buffLength > tLength
          ? ValidatorState.Invalid
          : ValidatorState.Intermediate,
      );
    }
    return r(entered < b ? ValidatorState.Invalid : ValidatorState.Intermediate);
  }

  /** QIntValidator::fixup: the number written plainly ("+007" -> "7"). */
  override fixup(input: string): string {
    const buff = validateChars(input, 'int', -1);
    if (buff === null || buff === '' || buff === '+' || buff === '-') return input;
    const n = Number(buff);
    return Number.isSafeInteger(n) ? String(n) : input;
  }
}
export const IntValidatorMeta: MetaObject = defineType(IntValidator, ValidatorMeta, {
  name: 'IntValidator',
  cppClass: 'QIntValidator',
  properties: {
    bottom: { type: 'int', default: -2147483648, changed: announce },
    top: { type: 'int', default: 2147483647, changed: announce },
  },
});
const INT = { bottom: IntValidatorMeta.index('bottom'), top: IntValidatorMeta.index('top') };

export class DoubleValidator extends Validator {
  declare bottom: number;
  declare top: number;
  declare decimals: number;
  declare notation: number;

  /** QDoubleValidatorPrivate::validateWithLocale */
  validate(input: string, pos: number): ValidationResult {
    const r = (state: ValidatorState) => ({ state, input, pos });
    const b = this.$v[DBL.bottom] as number;
    const t = this.$v[DBL.top] as number;
    const dec = this.$v[DBL.decimals] as number;
    const standard = this.$v[DBL.notation] === 0;
    const buff = validateChars(input, standard ? 'double' : 'scientific', dec);
    if (buff === null) return r(ValidatorState.Invalid);
    if (buff === '') return r(ValidatorState.Intermediate);
    if (b >= 0 && buff.startsWith('-')) return r(ValidatorState.Invalid);
    if (t < 0 && buff.startsWith('+')) return r(ValidatorState.Invalid);
    const ok = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(buff) && groupsOk(input);
    if (!ok) return r(ValidatorState.Intermediate);
    const i = Number(buff);
    if (i >= b && i <= t) return r(ValidatorState.Acceptable);
    if (standard) {
      const max = Math.max(Math.abs(b), Math.abs(t));
      if (Number.isFinite(max) && max < 2 ** 63) {
        const digits = String(Math.floor(max)).length;
        const n = 10 ** digits;
        if (Math.abs(i) > n - 10 ** -dec) return r(ValidatorState.Invalid);
      }
    }
    return r(ValidatorState.Intermediate);
  }
}
export const DoubleValidatorMeta: MetaObject = defineType(DoubleValidator, ValidatorMeta, {
  name: 'DoubleValidator',
  cppClass: 'QDoubleValidator',
  properties: {
    bottom: { type: 'real', default: Number.NEGATIVE_INFINITY, changed: announce },
    top: { type: 'real', default: Number.POSITIVE_INFINITY, changed: announce },
    decimals: { type: 'int', default: 1000, changed: announce },
    notation: { type: 'enumeration', default: 1, changed: announce },
  },
  enums: { StandardNotation: 0, ScientificNotation: 1 },
});
const DBL = {
  bottom: DoubleValidatorMeta.index('bottom'),
  top: DoubleValidatorMeta.index('top'),
  decimals: DoubleValidatorMeta.index('decimals'),
  notation: DoubleValidatorMeta.index('notation'),
};

export class RegularExpressionValidator extends Validator {
  declare regularExpression: unknown;
  private compiled: {
    source: string;
    flags: string;
    matcher: import('./partial-match').PartialMatcher | null;
    re: RegExp;
    partial: boolean;
  } | null = null;

  constructor() {
    super();
    void loadPartialMatch();
  }

  private pattern(): { source: string; flags: string } {
    const re = this.$v[RXV.regularExpression];
    if (re instanceof RegExp) return { source: re.source, flags: re.flags };
    if (typeof re === 'string') return { source: re, flags: '' };
    return { source: '', flags: '' };
  }

  /** QRegularExpressionValidator::validate: the whole input must match; a prefix of a match is intermediate. */
  validate(input: string, pos: number): ValidationResult {
    const { source, flags } = this.pattern();
    if (source === '' || source === '(?:)') return { state: ValidatorState.Acceptable, input, pos };
    let c = this.compiled;
    const partial = partialMatch;
    if (c === null || c.source !== source || c.flags !== flags || c.partial !== (partial !== null)) {
      const safeFlags = flags.replace(/[gy]/g, '');
      c = {
        source,
        flags,
        matcher: partial ? partial.PartialMatcher.compile(source, safeFlags) : null,
        re: new RegExp(`^(?:${source})$`, safeFlags),
        partial: partial !== null,
      };
      this.compiled = c;
    }
    let m: MatchResult;
    if (c.matcher !== null) m = c.matcher.match(input);
    // Outside the supported syntax only complete matches are told apart.
    else m = c.re.test(input) ? MatchResult.Complete : MatchResult.Partial;
    if (m === MatchResult.Complete) return { state: ValidatorState.Acceptable, input, pos };
    if (input === '' || m === MatchResult.Partial) return { state: ValidatorState.Intermediate, input, pos };
    return { state: ValidatorState.Invalid, input, pos: input.length };
  }
}
export const RegularExpressionValidatorMeta: MetaObject = defineType(
  RegularExpressionValidator,
  ValidatorMeta,
  {
    name: 'RegularExpressionValidator',
    cppClass: 'QRegularExpressionValidator',
    preload: loadPartialMatch,
    properties: { regularExpression: { type: 'var', changed: announce } },
  },
);
const RXV = { regularExpression: RegularExpressionValidatorMeta.index('regularExpression') };
