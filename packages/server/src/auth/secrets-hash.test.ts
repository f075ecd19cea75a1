import { describe, expect, it } from 'vitest';
import { hashPassword, newToken, tokenHash, verifyPassword } from './secrets-hash.ts';

describe('password hashing', () => {
  it('verifies the right password only and salts every hash', async () => {
    const h = await hashPassword('Korrekt-Pferd-Batterie');
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(h).not.toContain('Korrekt');
    expect(await verifyPassword('Korrekt-Pferd-Batterie', h)).toBe(true);
    expect(await verifyPassword('korrekt-pferd-batterie', h)).toBe(false);
    expect(await hashPassword('Korrekt-Pferd-Batterie')).not.toBe(h);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });

  it('makes distinct prefixed tokens and stores only their hash', () => {
    const a = newToken('prs');
    expect(a).toMatch(/^prs_[A-Za-z0-9_-]{43}$/);
    expect(newToken('prs')).not.toBe(a);
    expect(tokenHash(a)).toHaveLength(64);
    expect(tokenHash(a)).not.toContain(a.slice(4));
    // hex SHA-256 (FIPS 180-2 test vector): hashes stored by earlier versions keep matching
    expect(tokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
