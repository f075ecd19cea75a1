import { describe, expect, it } from 'vitest';
import { describeGematikCode, GEMATIK_CODES } from './fault-codes.ts';
import { faultError } from './envelope.ts';

describe('gematik fault codes', () => {
  it('covers the documented context and access codes (konnektor.md §1.6)', () => {
    expect(Object.keys(GEMATIK_CODES)).toEqual(
      expect.arrayContaining([
        '4000',
        '4004',
        '4005',
        '4006',
        '4010',
        '4011',
        '4012',
        '4014',
        '4021',
        '4047',
        '4204',
      ]),
    );
    expect(GEMATIK_CODES['4004'].text).toBe('Ungültige Mandanten-ID');
    expect(GEMATIK_CODES['4021'].hint).toContain('--workplace');
  });

  it('gives a generic hint for unknown codes and keeps them in the error', () => {
    expect(describeGematikCode('4999').text).toBe('Unbekannter Fehlercode');
    expect(describeGematikCode(undefined).hint).toContain('Handbuch');
    const e = faultError('GetCards', 'Irgendwas', { code: '4999', errorText: 'Spezialfehler' });
    expect(e.code).toBe('PEER_FAULT');
    expect(e.message).toBe('Konnektor-Fehler bei GetCards (4999): Spezialfehler');
    expect(e.details).toMatchObject({
      gematikCode: '4999',
      knownText: 'Unbekannter Fehlercode',
      operation: 'GetCards',
    });
  });

  it('builds the error from the fault string when no gematik detail exists', () => {
    const e = faultError('GetCards', 'Server busy', undefined);
    expect(e.message).toBe('Konnektor-Fehler bei GetCards: Server busy');
    expect(e.details.gematikCode).toBeNull();
  });
});
