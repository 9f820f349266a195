import { describe, expect, it } from 'vitest';
import {
  createFeatureFlags,
  resolveFlags,
  type FeatureFlag,
  type FlagEvaluation,
  type FlagSource,
} from '../src/index.js';

describe('createFeatureFlags', () => {
  it('answers isEnabled from the resolved flags', () => {
    const flags = createFeatureFlags(resolveFlags('test', { ENABLE_PAYMENTS: 'true' }));
    expect(flags.isEnabled('ENABLE_SUPABASE')).toBe(true);
    expect(flags.isEnabled('ENABLE_PAYMENTS')).toBe(true);
  });

  it('reports every evaluation with flag, value and source', () => {
    const entries: FlagEvaluation[] = [];
    const flags = createFeatureFlags(resolveFlags('dev', { ENABLE_PAYMENTS: '1' }), (entry) => entries.push(entry));
    flags.isEnabled('ENABLE_SUPABASE');
    flags.isEnabled('ENABLE_PAYMENTS');
    flags.isEnabled('ENABLE_PAYMENTS');
    expect(entries).toEqual([
      { flag: 'ENABLE_SUPABASE', value: false, source: 'preset' },
      { flag: 'ENABLE_PAYMENTS', value: true, source: 'environment' },
      { flag: 'ENABLE_PAYMENTS', value: true, source: 'environment' },
    ]);
  });

  it('snapshot returns every flag without reporting an evaluation', () => {
    const entries: FlagEvaluation[] = [];
    const resolved = resolveFlags('production', {});
    const flags = createFeatureFlags(resolved, (entry) => entries.push(entry));
    expect(flags.snapshot()).toEqual(resolved);
    expect(entries).toEqual([]);
  });

  it('keeps its own frozen copy of the flags', () => {
    const resolved: Record<FeatureFlag, { value: boolean; source: FlagSource }> = {
      ENABLE_SUPABASE: { value: true, source: 'environment' },
      ENABLE_PAYMENTS: { value: false, source: 'preset' },
    };
    const flags = createFeatureFlags(resolved);
    resolved.ENABLE_SUPABASE.value = false;
    expect(flags.isEnabled('ENABLE_SUPABASE')).toBe(true);
    const snapshot = flags.snapshot();
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(Object.isFrozen(snapshot.ENABLE_SUPABASE)).toBe(true);
    expect(Object.isFrozen(flags)).toBe(true);
  });

  it('refuses a name that is not a flag', () => {
    const flags = createFeatureFlags(resolveFlags('dev', {}));
    expect(() => flags.isEnabled('ENABLE_MAGIC' as FeatureFlag)).toThrow(
      new TypeError('unknown feature flag "ENABLE_MAGIC"'),
    );
  });
});
