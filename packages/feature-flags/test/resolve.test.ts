import { describe, expect, it } from 'vitest';
import {
  BOOLEAN_EXPECTATION,
  ENVIRONMENT_MODES,
  FEATURE_FLAGS,
  FLAG_PRESETS,
  FlagValueError,
  parseBoolean,
  resolveFlags,
} from '../src/index.js';

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    [' Yes ', true],
    ['1', true],
    ['false', false],
    ['False', false],
    ['NO', false],
    ['0', false],
  ])('reads %j as %s', (text, expected) => {
    expect(parseBoolean(text)).toBe(expected);
  });

  it.each(['', 'on', 'off', '2', 'truthy', 'y'])('refuses %j', (text) => {
    expect(parseBoolean(text)).toBeUndefined();
  });

  it('describes the accepted words', () => {
    expect(BOOLEAN_EXPECTATION).toBe('a boolean: true | false | 1 | 0 | yes | no');
  });
});

describe('resolveFlags', () => {
  it('uses the presets when nothing is set', () => {
    expect(resolveFlags('dev', {})).toEqual({
      ENABLE_SUPABASE: { value: false, source: 'preset' },
      ENABLE_PAYMENTS: { value: false, source: 'preset' },
    });
    expect(resolveFlags('test', {})).toEqual({
      ENABLE_SUPABASE: { value: true, source: 'preset' },
      ENABLE_PAYMENTS: { value: false, source: 'preset' },
    });
    expect(resolveFlags('production', {})).toEqual({
      ENABLE_SUPABASE: { value: true, source: 'preset' },
      ENABLE_PAYMENTS: { value: true, source: 'preset' },
    });
  });

  it('lets explicit values override the preset', () => {
    expect(resolveFlags('production', { ENABLE_SUPABASE: 'false', ENABLE_PAYMENTS: 'no' })).toEqual({
      ENABLE_SUPABASE: { value: false, source: 'environment' },
      ENABLE_PAYMENTS: { value: false, source: 'environment' },
    });
    expect(resolveFlags('dev', { ENABLE_PAYMENTS: ' YES ' })).toEqual({
      ENABLE_SUPABASE: { value: false, source: 'preset' },
      ENABLE_PAYMENTS: { value: true, source: 'environment' },
    });
  });

  it('treats a blank value as unset', () => {
    expect(resolveFlags('test', { ENABLE_SUPABASE: '  ', ENABLE_PAYMENTS: '' })).toEqual(resolveFlags('test', {}));
  });

  it('ignores unrelated variables', () => {
    expect(resolveFlags('dev', { PORT: '3000', ENABLE_OTHER: 'true' })).toEqual(resolveFlags('dev', {}));
  });

  it('refuses a non-boolean value, naming the variable', () => {
    expect(() => resolveFlags('dev', { ENABLE_PAYMENTS: 'maybe' })).toThrow(
      'ENABLE_PAYMENTS: expected a boolean: true | false | 1 | 0 | yes | no, got "maybe"',
    );
    try {
      resolveFlags('dev', { ENABLE_SUPABASE: 'on' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FlagValueError);
      expect((error as FlagValueError).variable).toBe('ENABLE_SUPABASE');
      expect((error as FlagValueError).name).toBe('FlagValueError');
    }
  });

  it('returns frozen objects', () => {
    const flags = resolveFlags('dev', {});
    expect(Object.isFrozen(flags)).toBe(true);
    expect(Object.isFrozen(flags.ENABLE_SUPABASE)).toBe(true);
  });
});

describe('constants', () => {
  it('lists every flag and mode, frozen', () => {
    expect(FEATURE_FLAGS).toEqual(['ENABLE_SUPABASE', 'ENABLE_PAYMENTS']);
    expect(ENVIRONMENT_MODES).toEqual(['dev', 'test', 'production']);
    expect(Object.isFrozen(FEATURE_FLAGS)).toBe(true);
    expect(Object.isFrozen(ENVIRONMENT_MODES)).toBe(true);
    expect(Object.isFrozen(FLAG_PRESETS.production)).toBe(true);
  });
});
