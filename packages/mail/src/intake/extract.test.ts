import { describe, expect, it } from 'vitest';
import { extractIntakeFields, normalizeGermanPhone } from './extract.ts';

describe('normalizeGermanPhone', () => {
  it.each([
    ['0221 / 92 34 56-0', '+492219234560'],
    ['+49 (0)30 2888 1100', '+493028881100'],
    ['0049 89 1234567', '+49891234567'],
    ['(0341) 2 11 22 33', '+493412112233'],
    ['0171 2345678', '+491712345678'],
    ['040/30 20 10', '+494030201' + '0'],
    ['+43 1 5551234', '+4315551234'],
  ])('%s → %s', (written, e164) => {
    expect(normalizeGermanPhone(written)).toBe(e164);
  });

  it.each(['12345', '0 12', '+49 0221 1234', '50674 Köln', '0221-12'])('rejects %s', (written) => {
    expect(normalizeGermanPhone(written)).toBeUndefined();
  });
});

describe('extractIntakeFields', () => {
  it('does not take "unsere Praxis" for a practice name', () => {
    const out = extractIntakeFields({
      text: 'Hallo,\nunsere Praxis ist ab Montag geschlossen.\nDie Praxis hat 3 PCs.',
    });
    expect(out.practiceName).toBeUndefined();
  });

  it('skips a fax number even when it comes first', () => {
    const out = extractIntakeFields({ text: 'Gruß\nAnna Berg\nFax: 030 1111111\nTelefon: 030 2222222' });
    expect(out.phone?.value).toBe('+49302222222');
  });

  it('does not read a postal code as a phone number', () => {
    const out = extractIntakeFields({ text: 'Grüße\nPraxis Dr. Kern\nRingweg 4\n12345 Berlin' });
    expect(out.phone).toBeUndefined();
    expect(out.address?.value).toEqual({ street: 'Ringweg 4', postalCode: '12345', city: 'Berlin' });
  });

  it('rejects postal codes starting with 00', () => {
    const out = extractIntakeFields({ text: 'Grüße\nRingweg 4\n00999 Nirgendwo' });
    expect(out.address).toBeUndefined();
  });

  it('prefers the labelled contact over the signature name', () => {
    const out = extractIntakeFields({
      text: 'Ansprechpartnerin ist Frau Eva Lind.\n\nViele Grüße\nTom Berg',
    });
    expect(out.contactName?.value).toBe('Eva Lind');
    expect(out.contactName?.confidence).toBeGreaterThan(0.85);
  });

  it('turns "Nachname, Vorname" display names around', () => {
    const out = extractIntakeFields({ text: 'Hallo', fromName: 'Lind, Eva', fromAddress: 'eva@lind.de' });
    expect(out.contactName?.value).toBe('Eva Lind');
    expect(out.contactName?.source).toBe('header');
  });

  it('maps the practice kind from the name', () => {
    const kinds = [
      'MVZ Mitte GmbH',
      'Gemeinschaftspraxis Dr. A & Dr. B',
      'Praxisgemeinschaft Nord',
      'Praxis Dr. Solo',
    ].map((name) => extractIntakeFields({ text: `Grüße\n${name}` }).practiceKind?.value);
    expect(kinds).toEqual(['mvz', 'bag', 'other', 'einzelpraxis']);
  });

  it('stays linear on pathological lines', () => {
    const text = `${'Praxis '.repeat(5000)}\n${'1 '.repeat(20000)}\n${'Straße '.repeat(5000)}12`;
    const started = performance.now();
    extractIntakeFields({ text, subject: 'x'.repeat(10000) });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
