import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, ensureDevAuthSecret } from '../src/index.js';
import { load, PRODUCTION, tempDir, thrown } from './support.js';

describe('TRUST_PROXY, to the edges', () => {
  it.each([
    ['off', false],
    ['no', false],
    ['32', 32],
    ['10', 10],
    ['10.0.0.0/16', ['10.0.0.0/16']],
    ['10.0.0.0/32', ['10.0.0.0/32']],
    ['::1/64', ['::1/64']],
    ['::1/128', ['::1/128']],
    ['10.0.0.1,', ['10.0.0.1']],
  ])('reads %s', (value, expected) => {
    expect(load({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['nonsense', 'kickoff', '10.0.0.0/ 8', '10.0.0.1,proxy.example.com'])('refuses %s', (value) => {
    expect(String(thrown(() => load({ TRUST_PROXY: value })))).toContain('TRUST_PROXY: expected');
  });

  it('trims the value itself when read through the schema, and says why it refuses one', () => {
    expect(configSchema.shape.TRUST_PROXY.parse(' false ')).toBe(false);
    expect(configSchema.shape.TRUST_PROXY.safeParse('proxy').error?.issues[0]?.message).toBe(
      'not a hop count or address list',
    );
    expect(configSchema.shape.RATE_LIMIT_ENABLED.safeParse('maybe').error?.issues[0]?.message).toBe('not a boolean');
  });
});

describe('URLs', () => {
  it('reads an origin list with spaces around its entries', () => {
    expect(load({ ALLOWED_ORIGINS: ' https://a.example.com , https://b.example.com,' }).allowedOrigins).toEqual([
      'https://a.example.com',
      'https://b.example.com',
    ]);
  });

  it('drops every trailing slash of an http URL', () => {
    expect(load({ APP_URL: 'https://app.example.com//' }).appUrl).toBe('https://app.example.com');
  });
});

describe('the production AUTH_SECRET', () => {
  it('refuses one under 32 bytes even when its characters are all different', () => {
    const distinct = 'abcdefghijklmnopqrstuvwxyz01234'; // 31 characters, about 154 bits by the estimate
    expect(String(thrown(() => load({ ...PRODUCTION, AUTH_SECRET: distinct })))).toContain(
      'AUTH_SECRET: expected a random secret',
    );
  });

  it('accepts an estimate of exactly 80 bits and refuses less', () => {
    // 8 + 8 + 4 + 4 + 4 + 4 characters: 2.5 bits each by the estimate, 80 bits in all.
    expect(load({ ...PRODUCTION, AUTH_SECRET: 'aaaaaaaabbbbbbbbccccddddeeeeffff' }).authSecret).toBe(
      'aaaaaaaabbbbbbbbccccddddeeeeffff',
    );
    expect(String(thrown(() => load({ ...PRODUCTION, AUTH_SECRET: 'aaaaaaaabbbbbbbbccccddddeeeeeeee' })))).toContain(
      'AUTH_SECRET: expected',
    );
  });
});

describe('the generated dev AUTH_SECRET', () => {
  it('reports a secret file it cannot read instead of replacing it', () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'auth-secret'));
    expect(() => ensureDevAuthSecret(dataDir)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});
