import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { isAppError } from '@praxisready/model';
import { createRecord, GdtFile, parseGdt } from './gdt-file.ts';
import { buildOrder } from './order.ts';
import { detectCharset, type GdtCharset } from './charset.ts';

const crlf = (...lines: string[]) => Buffer.from(lines.map((l) => `${l}\r\n`).join(''), 'latin1');
const codes = (f: GdtFile) => f.problems.map((p) => p.code);

describe('createRecord', () => {
  it('computes LLL per line and 8100 over the whole record, CRLF, 8100 second', () => {
    const rec = createRecord('6302', [
      ['9218', '02.10'],
      ['3000', '4711'],
    ]);
    const text = rec.serialize().toString('latin1');
    // LLL counts CR LF, and 8100 counts its own 14-byte line: 13 + 14 + 14 + 13 = 54.
    expect(text).toBe('01380006302\r\n014810000054\r\n014921802.10\r\n01330004711\r\n');
    expect(rec.length).toBe(Buffer.byteLength(text, 'latin1'));
    expect(rec.declaredLength).toBe(rec.length);
  });

  it('counts bytes of the charset: ü is 1 byte in CP437 and ISO-8859-1', () => {
    for (const charset of ['cp437', 'iso-8859-1'] as const) {
      const rec = createRecord('6301', [['3101', 'Müller']], { charset });
      const line = rec.fields[2]!;
      expect(line.raw.length).toBe(7 + 6);
      expect(line.declaredLength).toBe(15);
      const back = parseGdt(rec.serialize());
      expect(back.records[0]!.value('3101')).toBe(charset === 'cp437' ? 'Müller' : 'Müller');
    }
  });

  it('writes the CP437 and Windows-1252 bytes for umlauts', () => {
    const cp = createRecord('6301', [['3101', 'äöüß']], { charset: 'cp437' }).fields[2]!.valueBytes;
    expect([...cp]).toEqual([0x84, 0x94, 0x81, 0xe1]);
    const latin = createRecord('6301', [['3101', 'äöüß']], { charset: 'iso-8859-1' }).fields[2]!.valueBytes;
    expect([...latin]).toEqual([0xe4, 0xf6, 0xfc, 0xdf]);
  });

  it('uses 7 digits for 8100 in GDT 3.0 records', () => {
    const rec = createRecord('6303', [['9218', '03.00']]);
    expect(rec.value('8100')).toMatch(/^\d{7}$/);
    expect(rec.declaredLength).toBe(rec.length);
  });

  it.each([
    ['line break', '3101', 'a\nb'],
    ['unrepresentable character', '3101', '€ 5'],
    ['too long', '6228', 'x'.repeat(991)],
    ['bad field id', '31', 'x'],
  ])('rejects %s with VALIDATION_FAILED', (_label, id, value) => {
    try {
      createRecord('6310', [[id, value]], { charset: 'cp437' });
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('parse', () => {
  it('gives fields with line numbers, ids and names', () => {
    const f = parseGdt(crlf('01380006310', '014810000040', '0133000ABC1'));
    expect(f.fields.map((x) => [x.line, x.id, x.name])).toEqual([
      [1, '8000', 'Satzart'],
      [2, '8100', 'Satzlänge'],
      [3, '3000', 'Patientennummer'],
    ]);
    expect(codes(f)).toEqual([]);
  });

  it('reports a missing 8100', () => {
    const f = parseGdt(crlf('01380006310', '0133000ABC1'));
    expect(codes(f)).toContain('MISSING_SATZLAENGE');
  });

  it('does not require 8100 in GDT 3.0', () => {
    const f = parseGdt(crlf('01380006310', '014921803.00', '0133000ABC1'));
    expect(codes(f)).not.toContain('MISSING_SATZLAENGE');
  });

  it('reports a truncated last line', () => {
    const bytes = Buffer.concat([
      crlf('01380006310', '014810000040'),
      Buffer.from('0203101Muster', 'latin1'),
    ]);
    const f = parseGdt(bytes);
    expect(f.problems.find((p) => p.code === 'TRUNCATED_LINE')?.line).toBe(3);
    expect(f.records[0]!.value('3101')).toBe('Muster');
    expect(f.serialize().equals(bytes)).toBe(true);
  });

  it('reads CR-only and mixed line ends', () => {
    const cr = Buffer.from('01380006310\r014810000027\r', 'latin1');
    expect(codes(parseGdt(cr))).toContain('CR_ONLY');
    const mixed = Buffer.from('01380006310\r\n014810000027\n', 'latin1');
    const f = parseGdt(mixed);
    expect(codes(f)).toContain('MIXED_LINE_ENDINGS');
    expect(f.records[0]!.satzart).toBe('6310');
  });

  it('accepts a 4-digit LLL for a value over 990 bytes', () => {
    const value = 'x'.repeat(1000);
    const bytes = Buffer.concat([crlf('01380006310'), Buffer.from(`1010${'6228'}${value}\r\n`, 'latin1')]);
    const f = parseGdt(bytes);
    expect(f.records[0]!.value('6228')).toBe(value);
    expect(codes(f)).toContain('LLL_FOUR_DIGITS');
    expect(codes(f)).not.toContain('LENGTH_MISMATCH');
  });

  it('lets a plausible LLL win over an embedded line break', () => {
    const bytes = crlf('01380006310', '0216220zeile1\r\nzwei', '0133000ABC1');
    const f = parseGdt(bytes);
    expect(f.records[0]!.value('6220')).toBe('zeile1\r\nzwei');
    expect(f.records[0]!.get('3000')!.line).toBe(4);
    expect(codes(f)).toContain('EMBEDDED_LINE_BREAK');
    expect(f.serialize().equals(bytes)).toBe(true);
  });

  it('skips a UTF-8 BOM and reports it', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), crlf('01380006310', '014810000027')]);
    const f = parseGdt(bytes);
    expect(f.records[0]!.satzart).toBe('6310');
    expect(codes(f)).toContain('UTF8_BOM');
    expect(f.serialize().equals(bytes)).toBe(true);
  });

  it('reports invalid lines but keeps reading', () => {
    const f = parseGdt(crlf('01380006310', 'hello world', '0133000ABC1'));
    expect(f.problems.find((p) => p.code === 'INVALID_LINE')?.line).toBe(2);
    expect(f.records[0]!.value('3000')).toBe('ABC1');
    expect(f.isGdtLike).toBe(true);
  });

  it('is not GDT-like for empty, text or binary input', () => {
    expect(parseGdt(Buffer.alloc(0)).isGdtLike).toBe(false);
    expect(codes(parseGdt(Buffer.alloc(0)))).toEqual(['EMPTY_FILE']);
    expect(parseGdt(Buffer.from('Hallo Welt\nnoch eine Zeile\n')).isGdtLike).toBe(false);
    expect(parseGdt(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10])).isGdtLike).toBe(false);
  });

  it('unknown record types and 9206 values are problems, not failures', () => {
    const f = parseGdt(crlf('01380009999', '01092069'));
    expect(codes(f)).toEqual(expect.arrayContaining(['UNKNOWN_SATZART', 'UNKNOWN_CHARSET']));
  });

  it('accepts 9106 as the charset field', () => {
    const bytes = Buffer.concat([
      crlf('01380006310', '01091062'),
      Buffer.from('0123101M\x81ller\r\n', 'latin1'),
    ]);
    const f = parseGdt(bytes);
    expect(f.declaredCharset).toBe('cp437');
    expect(codes(f)).toContain('CHARSET_FIELD_9106');
  });
});

describe('charsets', () => {
  const withName = (charsetCode: string | undefined, nameBytes: number[]) =>
    Buffer.concat([
      crlf('01380006301', ...(charsetCode ? [`0109206${charsetCode}`] : [])),
      Buffer.from('0153101M', 'latin1'),
      Buffer.from(nameBytes),
      Buffer.from('ller\r\n', 'latin1'),
    ]);

  it('flags Windows-1252 bytes in a file declaring CP437 (the lab’s wrong-charset case)', () => {
    const f = parseGdt(withName('2', [0xfc]));
    expect(codes(f)).toContain('CHARSET_MISMATCH');
    expect(f.charset).toBe('iso-8859-1');
    expect(f.records[0]!.value('3101')).toBe('Müller');
  });

  it('flags CP437 bytes in a file declaring ISO-8859-1', () => {
    const f = parseGdt(withName('3', [0x81]));
    expect(codes(f)).toContain('CHARSET_MISMATCH');
    expect(f.records[0]!.value('3101')).toBe('Müller');
  });

  it('flags 8-bit bytes in a 7-bit file and undeclared UTF-8', () => {
    expect(codes(parseGdt(withName('1', [0x81])))).toContain('CHARSET_MISMATCH');
    const utf = parseGdt(withName(undefined, [0xc3, 0xbc]));
    expect(codes(utf)).toContain('UNDECLARED_UTF8');
    expect(utf.records[0]!.value('3101')).toBe('Müller');
  });

  it('assumes CP437 without 9206 and says so', () => {
    const f = parseGdt(withName(undefined, [0x81]));
    expect(f.charset).toBe('cp437');
    expect(codes(f)).toContain('MISSING_CHARSET');
    expect(codes(f)).not.toContain('CHARSET_MISMATCH');
  });

  it('matches declared and actual bytes without problems', () => {
    expect(codes(parseGdt(withName('2', [0x81])))).not.toContain('CHARSET_MISMATCH');
    expect(codes(parseGdt(withName('3', [0xfc])))).not.toContain('CHARSET_MISMATCH');
  });

  it('detects byte classes', () => {
    expect(detectCharset(Buffer.from('abc'))).toBe('ascii');
    expect(detectCharset(Buffer.from('Größe', 'utf8'))).toBe('utf8');
    expect(detectCharset(iconv.encode('Größe', 'cp437'))).toBe('cp437');
    expect(detectCharset(iconv.encode('Größe', 'windows-1252'))).toBe('iso-8859-1');
  });
});

describe('buildOrder', () => {
  it('writes a 6302 with header, patient and 8402 that parses back without problems', () => {
    const rec = buildOrder({
      receiverId: 'EKG1',
      senderId: 'PRAXIS',
      patient: { number: '4711', lastName: 'Müller', firstName: 'Jürgen', birthDate: '01041961', sex: '1' },
      examination: 'EKG01',
    });
    const f = parseGdt(rec.serialize());
    expect(f.problems).toEqual([]);
    expect(f.records[0]!.fields.map((x) => x.id)).toEqual([
      '8000',
      '8100',
      '8315',
      '8316',
      '9206',
      '9218',
      '3000',
      '3101',
      '3102',
      '3103',
      '3110',
      '8402',
    ]);
    expect(f.records[0]!.value('3101')).toBe('Müller');
  });
});

// --- properties --------------------------------------------------------------------------------------------

const charsetArb = fc.constantFrom<GdtCharset>('cp437', 'iso-8859-1');
const textArb = fc
  .array(fc.constantFrom(...'abcXYZ 0123456789.,-/äöüÄÖÜßé'.split('')), { maxLength: 80 })
  .map((a) => a.join(''));
const idArb = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'));
const fieldsArb = fc.array(
  fc.tuple(idArb, textArb).filter(([id]) => id !== '8000' && id !== '8100'),
  { maxLength: 30 },
);

describe('properties', () => {
  it('built records parse back to the same fields with correct lengths, and serialise byte for byte', () => {
    fc.assert(
      fc.property(charsetArb, fieldsArb, (charset, fields) => {
        const code = charset === 'cp437' ? '2' : '3';
        const rec = createRecord(
          '6310',
          [['9206', code], ...fields.filter(([id]) => id !== '9206' && id !== '9106')],
          {
            charset,
          },
        );
        const bytes = rec.serialize();
        const file = parseGdt(bytes);
        expect(file.serialize().equals(bytes)).toBe(true);
        expect(file.records).toHaveLength(1);
        const back = file.records[0]!;
        expect(back.fields.map((f) => [f.id, f.value])).toEqual(rec.fields.map((f) => [f.id, f.value]));
        expect(back.declaredLength).toBe(bytes.length);
        expect(file.problems.filter((p) => p.code !== 'UNKNOWN_SATZART')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('parse → serialize is the identity on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const f = parseGdt(bytes);
        expect(f.serialize().equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('several built records in one file come back as the same records', () => {
    fc.assert(
      fc.property(fc.array(fieldsArb, { minLength: 1, maxLength: 4 }), (records) => {
        const built = records.map((fields) =>
          createRecord(
            '6311',
            fields.filter(([id]) => !['9206', '9106', '9218'].includes(id)),
          ),
        );
        const file = GdtFile.fromRecords(built);
        const back = parseGdt(file.serialize());
        expect(back.records.map((r) => r.serialize().toString('latin1'))).toEqual(
          built.map((r) => r.serialize().toString('latin1')),
        );
      }),
      { numRuns: 200 },
    );
  });
});
