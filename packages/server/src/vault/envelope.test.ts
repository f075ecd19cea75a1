import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isAppError } from '@praxisready/model';
import { open, seal } from './envelope.ts';

describe('envelope encryption', () => {
  const key = randomBytes(32);

  it('round-trips any text and never stores it in the clear (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), (plain) => {
        const sealed = seal(key, 's1', plain);
        expect(open(key, 's1', sealed)).toBe(plain);
        const stored = Buffer.concat([sealed.wrappedKey, sealed.iv, sealed.ciphertext, sealed.tag]);
        expect(stored.includes(Buffer.from(plain, 'utf8'))).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it('uses a fresh data key and iv per secret', () => {
    const a = seal(key, 's1', 'Konnektor-Passwort');
    const b = seal(key, 's1', 'Konnektor-Passwort');
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
    expect(a.wrappedKey.equals(b.wrappedKey)).toBe(false);
  });

  it('rejects another secret id (rows cannot be swapped) and a tampered ciphertext', () => {
    const sealed = seal(key, 's1', 'geheim');
    expect(() => open(key, 's2', sealed)).toThrow(/decrypted/);
    const tampered = { ...sealed, ciphertext: Buffer.from(sealed.ciphertext) };
    tampered.ciphertext[0] = tampered.ciphertext[0]! ^ 1;
    expect(() => open(key, 's1', tampered)).toThrow(/decrypted/);
  });

  it('names a wrong master key as a configuration error', () => {
    const sealed = seal(key, 's1', 'geheim');
    try {
      open(randomBytes(32), 's1', sealed);
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('CONFIG_INVALID');
    }
  });
});
