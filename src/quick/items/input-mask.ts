// TextInput's input mask (QLineEdit's mask syntax, as QQuickTextInputPrivate
// parses and applies it): loaded with the types the page loads on first use.
import { type InputMaskLike, isPrint } from './TextInput';

enum CaseMode {
  None = 0,
  Upper = 1,
  Lower = 2,
}

interface MaskInputData {
  maskChar: string;
  separator: boolean;
  caseMode: CaseMode;
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const isNumber = (c: string) => /\p{N}/u.test(c);
const digitValue = (c: string) => (/[0-9]/.test(c) ? c.charCodeAt(0) - 48 : Number.parseInt(c, 10));

function applyCase(c: string, mode: CaseMode): string {
  return mode === CaseMode.Upper ? c.toUpperCase() : mode === CaseMode.Lower ? c.toLowerCase() : c;
}

export class InputMask implements InputMaskLike {
  readonly data: MaskInputData[] = [];
  private readonly source: string;
  private readonly blank: string;

  /** `mask;blank` (QQuickTextInputPrivate::parseInputMask). */
  constructor(maskFields: string) {
    const delimiter = maskFields.indexOf(';');
    if (delimiter === -1) {
      this.blank = ' ';
      this.source = maskFields;
    } else {
      this.source = maskFields.slice(0, delimiter);
      this.blank = delimiter + 1 < maskFields.length ? maskFields[delimiter + 1]! : ' ';
    }
    let caseMode = CaseMode.None;
    let escaped = false;
    for (const c of this.source) {
      if (escaped) {
        this.data.push({ maskChar: c, separator: true, caseMode });
        escaped = false;
      } else if (c === '<') caseMode = CaseMode.Lower;
      else if (c === '>') caseMode = CaseMode.Upper;
      else if (c === '!') caseMode = CaseMode.None;
      else if (c !== '{' && c !== '}' && c !== '[' && c !== ']') {
        if (c === '\\') escaped = true;
        else this.data.push({ maskChar: c, separator: !'AaNnXx90Dd#HhBb'.includes(c), caseMode });
      }
    }
  }

  get length(): number {
    return this.data.length;
  }

  toString(): string {
    return `${this.source};${this.blank}`;
  }

  isValidInput(key: string, mask: string): boolean {
    const b = key === this.blank;
    switch (mask) {
      case 'A':
        return isLetter(key);
      case 'a':
        return isLetter(key) || b;
      case 'N':
        return isLetter(key) || isNumber(key);
      case 'n':
        return isLetter(key) || isNumber(key) || b;
      case 'X':
        return isPrint(key);
      case 'x':
        return isPrint(key) || b;
      case '9':
        return isNumber(key);
      case '0':
        return isNumber(key) || b;
      case 'D':
        return isNumber(key) && digitValue(key) > 0;
      case 'd':
        return (isNumber(key) && digitValue(key) > 0) || b;
      case '#':
        return isNumber(key) || key === '+' || key === '-' || b;
      case 'B':
        return key === '0' || key === '1';
      case 'b':
        return key === '0' || key === '1' || b;
      case 'H':
        return isNumber(key) || /[a-fA-F]/.test(key);
      case 'h':
        return isNumber(key) || /[a-fA-F]/.test(key) || b;
      default:
        return false;
    }
  }

  /** QQuickTextInputPrivate::findInMask. */
  find(pos: number, maxLength: number, forward: boolean, findSeparator: boolean, searchChar = ''): number {
    const mask = this.data;
    if (pos >= maxLength || pos < 0) return -1;
    const end = forward ? maxLength : -1;
    const step = forward ? 1 : -1;
    for (let i = pos; i !== end; i += step) {
      const md = mask[i]!;
      if (findSeparator) {
        if (md.separator && md.maskChar === searchChar) return i;
      } else if (!md.separator) {
        if (searchChar === '') return i;
        if (this.isValidInput(searchChar, md.maskChar)) return i;
      }
    }
    return -1;
  }

  /** QQuickTextInputPrivate::maskString: `str` put into the mask from `pos`, `fill` where it skips. */
  maskString(pos: number, str: string, fill: string, maxLength: number): string {
    const mask = this.data;
    if (pos >= maxLength) return '';
    let strIndex = 0;
    let s = '';
    let i = pos;
    while (i < maxLength) {
      if (strIndex >= str.length) break;
      const ch = str[strIndex]!;
      const md = mask[i]!;
      if (md.separator) {
        s += md.maskChar;
        if (ch === md.maskChar) strIndex++;
        ++i;
        continue;
      }
      if (this.isValidInput(ch, md.maskChar)) {
        s += applyCase(ch, md.caseMode);
        ++i;
      } else {
        let n = this.find(i, maxLength, true, true, ch);
        if (n !== -1) {
          if (
            str.length !== 1 ||
            i === 0 ||
            (i > 0 && (!mask[i - 1]!.separator || mask[i - 1]!.maskChar !== ch))
          ) {
            s += fill.slice(i, n + 1);
            i = n + 1;
          }
        } else {
          n = this.find(i, maxLength, true, false, ch);
          if (n !== -1) {
            s += fill.slice(i, n);
            s += applyCase(ch, mask[n]!.caseMode);
            i = n + 1;
          }
        }
      }
      ++strIndex;
    }
    return s;
  }

  /** QQuickTextInputPrivate::clearString: the separators, blanks between them. */
  clearString(pos: number, len: number, maxLength: number): string {
    if (pos >= maxLength) return '';
    const mask = this.data;
    let s = '';
    const end = Math.min(maxLength, pos + len);
    for (let i = pos; i < end; ++i) s += mask[i]!.separator ? mask[i]!.maskChar : this.blank;
    return s;
  }

  /** QQuickTextInputPrivate::stripString: the text without its blanks. */
  stripString(str: string, maxLength: number): string {
    const mask = this.data;
    let s = '';
    const end = Math.min(maxLength, str.length);
    for (let i = 0; i < end; ++i) {
      if (mask[i]!.separator) s += mask[i]!.maskChar;
      else if (str[i] !== this.blank) s += str[i];
    }
    return s;
  }
}
