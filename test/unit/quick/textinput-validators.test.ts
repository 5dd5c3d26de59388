import { beforeAll, describe, expect, it } from 'vitest';
import { MatchResult, PartialMatcher } from '../../../src/quick/items/partial-match';
import {
  DoubleValidator,
  IntValidator,
  RegularExpressionValidator,
  RegularExpressionValidatorMeta,
} from '../../../src/quick/items/Validators';
import { ValidatorState } from '../../../src/quick/items/validator-base';
import { loadScene, qtLog } from './qt-dump';

const { Invalid, Intermediate, Acceptable } = ValidatorState;

function int(bottom: number, top: number, input: string): ValidatorState {
  const v = new IntValidator();
  v.bottom = bottom;
  v.top = top;
  return v.validate(input, input.length).state;
}

describe('IntValidator (QIntValidator::validate)', () => {
  it('tells acceptable, intermediate and invalid input apart', () => {
    expect(int(10, 500, '')).toBe(Intermediate);
    expect(int(10, 500, '5')).toBe(Intermediate);
    expect(int(10, 500, '50')).toBe(Acceptable);
    expect(int(10, 500, '5000')).toBe(Invalid);
    expect(int(10, 500, '-')).toBe(Invalid);
    expect(int(10, 500, 'a')).toBe(Invalid);
    expect(int(-100, 100, '-')).toBe(Intermediate);
    expect(int(-100, 100, '-50')).toBe(Acceptable);
    expect(int(-100, 100, '-500')).toBe(Invalid);
    expect(int(0, 100000, '1,000')).toBe(Acceptable);
    expect(int(0, 100000, '1,0')).toBe(Intermediate);
    expect(int(0, 100, '1.5')).toBe(Invalid);
  });
  it('fixes up to the plain number', () => {
    expect(new IntValidator().fixup('+007')).toBe('7');
  });
});

describe('DoubleValidator (QDoubleValidator::validate)', () => {
  const dbl = (input: string, standard = true, decimals = 2) => {
    const v = new DoubleValidator();
    v.bottom = -5;
    v.top = 5;
    v.decimals = decimals;
    v.notation = standard ? 0 : 1;
    return v.validate(input, input.length).state;
  };
  it('limits decimals and, in standard notation, digits', () => {
    expect(dbl('-1.23')).toBe(Acceptable);
    expect(dbl('-1.')).toBe(Acceptable);
    expect(dbl('-1.234')).toBe(Invalid);
    expect(dbl('-19')).toBe(Invalid);
    expect(dbl('7')).toBe(Intermediate);
    expect(dbl('1e2')).toBe(Invalid);
    expect(dbl('1e-1', false)).toBe(Acceptable);
    expect(dbl('1e', false)).toBe(Intermediate);
  });
});

describe('RegularExpressionValidator', () => {
  // Made here without a scene: its partial matcher (a chunk of its own) is loaded first,
  // as the engine does before compiling a file that names the type.
  beforeAll(async () => {
    await RegularExpressionValidatorMeta.preload?.();
  });
  const rx = (re: RegExp | string, input: string) => {
    const v = new RegularExpressionValidator();
    v.regularExpression = re;
    return v.validate(input, 0).state;
  };
  it('matches the whole input; prefixes of a match are intermediate', () => {
    expect(rx(/[a-c]{2}[0-9]+/, 'ab12')).toBe(Acceptable);
    expect(rx(/[a-c]{2}[0-9]+/, 'ab')).toBe(Intermediate);
    expect(rx(/[a-c]{2}[0-9]+/, 'ad')).toBe(Invalid);
    expect(rx(/[a-c]{2}[0-9]+/, 'ab1x')).toBe(Invalid);
    expect(rx(/[a-c]{2}[0-9]+/, '')).toBe(Intermediate);
    expect(rx(/^\d{3}-\d{4}$/, '555-')).toBe(Intermediate);
    expect(rx(/(?:red|green)+/i, 'ReDgR')).toBe(Intermediate);
    expect(rx('', 'anything')).toBe(Acceptable);
  });
});

describe('partial matching', () => {
  it('supports classes, escapes, groups, alternation and counted repeats', () => {
    const m = PartialMatcher.compile('([A-F0-9]{2}:){2}[A-F0-9]{2}|none')!;
    expect(m.match('0A:1')).toBe(MatchResult.Partial);
    expect(m.match('0A:1B:FF')).toBe(MatchResult.Complete);
    expect(m.match('0A:1B:FFF')).toBe(MatchResult.None);
    expect(m.match('no')).toBe(MatchResult.Partial);
    expect(PartialMatcher.compile('[^\\s]+\\.txt')!.match('a b')).toBe(MatchResult.None);
  });
  it('gives up on syntax it cannot run (backreferences, lookaround)', () => {
    expect(PartialMatcher.compile('(a)\\1')).toBeNull();
    expect(PartialMatcher.compile('a(?=b)')).toBeNull();
  });
});

describe('validators in a TextInput match Qt 6.4.2 (fixtures/qt/text/validators)', () => {
  it('prints the same state for every input', async () => {
    const run = await loadScene('validators.qml', 0);
    expect(run.output).toEqual(qtLog('validators'));
  });
});
