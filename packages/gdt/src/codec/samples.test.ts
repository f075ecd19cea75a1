// Every real sample file, with the facts stated in __fixtures__/README.md (the sample collection's README):
// record type, version, patient number, charset, line endings and the anomalies it lists.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGdt, type GdtFile } from './gdt-file.ts';
import { validateRecords } from '../validate/validate.ts';
import type { GdtProblemCode } from '../problems.ts';

const dir = new URL('../__fixtures__/', import.meta.url);
const load = (prefix: string) => {
  const name = readdirSync(dir).find((n) => n.startsWith(prefix) && n.endsWith('.gdt'))!;
  const bytes = readFileSync(new URL(name, dir));
  return { bytes, file: parseGdt(bytes) };
};
const codes = (f: GdtFile) => f.problems.map((p) => p.code);
const linesWith = (f: GdtFile, code: GdtProblemCode) =>
  f.problems.filter((p) => p.code === code).map((p) => p.line);
const value = (f: GdtFile, id: string, record = 0) => f.records[record]!.value(id);

describe('all samples', () => {
  const names = readdirSync(dir).filter((n) => n.endsWith('.gdt'));
  it('there are the 14 samples', () => {
    expect(names).toHaveLength(14);
  });
  it.each(names)('%s reads as GDT and round-trips byte for byte', (name) => {
    const bytes = readFileSync(new URL(name, dir));
    const file = parseGdt(bytes);
    expect(file.isGdtLike).toBe(true);
    expect(file.serialize().equals(bytes)).toBe(true);
  });
});

describe('01 lenz/pygdt test.gdt – clean reference', () => {
  const { bytes, file } = load('01_');
  it('6311, 02.10, 9206=3 with ASCII bytes, CRLF, no problems', () => {
    expect(file.records.map((r) => r.satzart)).toEqual(['6311']);
    expect(file.version).toBe('02.10');
    expect(file.declaredCharset).toBe('iso-8859-1');
    expect(file.detectedCharset).toBe('ascii');
    expect(file.problems).toEqual([]);
  });
  it('8100=00176 equals the file size', () => {
    expect(value(file, '8100')).toBe('00176');
    expect(file.records[0]!.length).toBe(176);
    expect(bytes.length).toBe(176);
  });
  it('patient Testmann Thorsten, 8402 SONO00, exam identified by 6200/8432/8439', () => {
    expect(value(file, '3101')).toBe('Testmann');
    expect(value(file, '3102')).toBe('Thorsten');
    expect(value(file, '8402')).toBe('SONO00');
    for (const id of ['6200', '8432', '8439']) {
      expect(file.records[0]!.get(id)).toBeDefined();
    }
  });
});

describe('02 lenz/pygdt test3.gdt – LF, no final newline, no 9206', () => {
  const { bytes, file } = load('02_');
  it('6311, no 9206 → CP437 default', () => {
    expect(file.records[0]!.satzart).toBe('6311');
    expect(file.declaredCharset).toBeUndefined();
    expect(file.charset).toBe('cp437');
  });
  it('LLL counts CRLF: 8100=00176 matches the CRLF size, not the 163 bytes on disk', () => {
    expect(bytes.length).toBe(163);
    expect(file.records[0]!.declaredLength).toBe(176);
    expect(file.records[0]!.length).toBe(176);
    expect(codes(file)).not.toContain('SATZLAENGE_MISMATCH');
    expect(codes(file)).not.toContain('LENGTH_MISMATCH');
  });
  it('reports LF line ends and the missing final newline', () => {
    expect(codes(file)).toContain('LF_ONLY');
    expect(linesWith(file, 'NO_FINAL_LINE_BREAK')).toEqual([12]);
    expect(codes(file)).not.toContain('TRUNCATED_LINE');
  });
  it('8402 EKG01, 6201 092341', () => {
    expect(value(file, '8402')).toBe('EKG01');
    expect(value(file, '6201')).toBe('092341');
  });
});

describe('03 gnumed APW-cp850.gdt – real PVS export in CP437', () => {
  const { file } = load('03_');
  it('6301, 9206=2 and the bytes are CP437 (0x81 ü, 0x94 ö)', () => {
    expect(file.records[0]!.satzart).toBe('6301');
    expect(file.declaredCharset).toBe('cp437');
    expect(file.detectedCharset).toBe('cp437');
    expect(file.charset).toBe('cp437');
    expect(codes(file)).not.toContain('CHARSET_MISMATCH');
    expect(value(file, '3101')).toBe('Gültig');
    expect(value(file, '3106')).toBe('50677 Köln');
  });
  it('stored LF, but LLL and 8100=00203 prove CRLF originally', () => {
    expect(codes(file)).toContain('LF_ONLY');
    expect(file.records[0]!.declaredLength).toBe(203);
    expect(file.records[0]!.length).toBe(203);
    expect(codes(file)).not.toContain('LENGTH_MISMATCH');
  });
  it('3105 Versichertennummer, 3108=1, 3110=1 and a patient number', () => {
    // README says "3000 10 digits"; the bytes hold `0183000101071445`, i.e. 9 digits (LLL 18 = 9 + 9).
    expect(value(file, '3000')).toMatch(/^\d{9,10}$/);
    expect(file.records[0]!.get('3105')).toBeDefined();
    expect(value(file, '3108')).toBe('1');
    expect(value(file, '3110')).toBe('1');
  });
});

describe('04 CrescNet example1.gdt – same content as 01, LF', () => {
  const { file } = load('04_');
  const ref = load('01_').file;
  it('has the same fields as 01', () => {
    expect(file.fields.map((f) => [f.id, f.value])).toEqual(ref.fields.map((f) => [f.id, f.value]));
  });
  it('LF, no final newline; 8100 refers to the CRLF size', () => {
    expect(codes(file)).toContain('LF_ONLY');
    expect(codes(file)).toContain('NO_FINAL_LINE_BREAK');
    expect(codes(file)).not.toContain('SATZLAENGE_MISMATCH');
  });
});

describe('05 CrescNet example2.gdt – negative test', () => {
  const { file } = load('05_');
  it('two 6311 records separated by an empty line', () => {
    expect(file.records.map((r) => r.satzart)).toEqual(['6311', '6311']);
    expect(codes(file)).toContain('MULTIPLE_RECORDS');
    expect(linesWith(file, 'BLANK_LINE')).toEqual([20]);
  });
  it('9206=3 declared but UTF-8 bytes (Größe)', () => {
    expect(file.declaredCharset).toBe('iso-8859-1');
    expect(file.detectedCharset).toBe('utf8');
    expect(codes(file)).toContain('CHARSET_MISMATCH');
    expect(value(file, '8410')).toBe('Größe');
  });
  it('8100=00176 copied into both records; the real sums of LLL are 255', () => {
    for (const r of file.records) {
      expect(r.declaredLength).toBe(176);
      expect(r.fields.reduce((s, f) => s + f.declaredLength, 0)).toBe(255);
    }
    expect(linesWith(file, 'SATZLAENGE_MISMATCH')).toHaveLength(2);
  });
  it('wrong LLL values: the UTF-8 umlaut lines, the Traude line and the 009820119 lines', () => {
    // README: "7 wrong LLL values"; counting by hand (LLL vs bytes + 2) gives 6 lines: 10 and 30 (Größe),
    // 27 (Traude), 35 (72.5), 19 and 39 (`009820119`, LLL excludes CRLF).
    expect(linesWith(file, 'LENGTH_MISMATCH')).toEqual([10, 19, 27, 30, 35, 39]);
    const f8201 = file.fields.filter((f) => f.id === '8201');
    expect(f8201.map((f) => [f.declaredLength, f.value])).toEqual([
      [9, '19'],
      [9, '19'],
    ]);
  });
  it('8420 with a decimal point', () => {
    expect(file.records[1]!.getAll('8420').map((f) => f.value)).toContain('72.5');
  });
});

describe('06 Idana example – UTF-8 without 9206, attachment block', () => {
  const { file } = load('06_');
  const rec = file.records[0]!;
  it('6310, no 8315, no 9206, UTF-8', () => {
    expect(rec.satzart).toBe('6310');
    expect(rec.get('8315')).toBeUndefined();
    expect(rec.value('8316')).toBe('IDANA');
    expect(file.declaredCharset).toBeUndefined();
    expect(codes(file)).toContain('UNDECLARED_UTF8');
    expect(file.charset).toBe('utf8');
  });
  it('attachment block 6302 001, 6303 PDF, 6304/6305 with 88/80 characters (> 60)', () => {
    expect(rec.value('6302')).toBe('001');
    expect(rec.value('6303')).toBe('PDF');
    expect([...rec.value('6304')!].length).toBe(88);
    expect([...rec.value('6305')!].length).toBe(80);
    const tooLong = validateRecords(file).filter((p) => p.code === 'FIELD_TOO_LONG');
    expect(tooLong.map((p) => p.line)).toEqual(
      expect.arrayContaining([rec.get('6304')!.line, rec.get('6305')!.line]),
    );
  });
  it('8402 ALLG00, empty 6228 values', () => {
    expect(rec.value('8402')).toBe('ALLG00');
    expect(rec.getAll('6228').filter((f) => f.value === '').length).toBeGreaterThan(0);
  });
  it('LLL and 8100=00819 count characters with CRLF, not bytes', () => {
    for (const f of rec.fields) {
      expect(f.declaredLength).toBe([...f.value].length + 9);
    }
    expect(rec.declaredLength).toBe(819);
    expect(rec.fields.reduce((s, f) => s + [...f.value].length + 9, 0)).toBe(819);
    expect(codes(file)).toContain('SATZLAENGE_MISMATCH');
    expect(codes(file)).toContain('LENGTH_MISMATCH');
  });
});

describe('07 MEDISTAR sample-gdt-utf8 – malformed', () => {
  const { file } = load('07_');
  it('no 8000/8100/9218', () => {
    expect(file.records).toHaveLength(1);
    expect(file.records[0]!.satzart).toBeUndefined();
    expect(file.version).toBeUndefined();
    expect(codes(file)).toContain('MISSING_SATZART');
    expect(file.records[0]!.get('8100')).toBeUndefined();
  });
  it('UTF-8 and LLL without CRLF on every line', () => {
    expect(codes(file)).toContain('UNDECLARED_UTF8');
    expect(linesWith(file, 'LENGTH_MISMATCH')).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('3103 YYYYMMDD and 3110 M are reported by the validator', () => {
    const v = validateRecords(file).map((p) => p.code);
    expect(v).toContain('INVALID_DATE');
    expect(v).toContain('INVALID_VALUE');
    expect(value(file, '3110')).toBe('M');
  });
});

describe('08 MEDISTAR sample-gdt-ansi – umlaut bytes missing', () => {
  const { file } = load('08_');
  it('pure ASCII with the umlauts dropped', () => {
    expect(file.detectedCharset).toBe('ascii');
    expect(value(file, '3101')).toBe('Mller');
    expect(value(file, '3102')).toBe('Jrg');
    expect(codes(file)).toContain('MISSING_SATZART');
    expect(linesWith(file, 'LENGTH_MISMATCH')).toHaveLength(6);
  });
});

describe('09 T2med 6301 – anonymised without fixing LLL', () => {
  const { file } = load('09_');
  it('6301, 8315 sono, 8316 T2MED, 9206=3 ASCII, CRLF', () => {
    expect(file.records[0]!.satzart).toBe('6301');
    expect(value(file, '8315')).toBe('sono');
    expect(value(file, '8316')).toBe('T2MED');
    expect(file.declaredCharset).toBe('iso-8859-1');
    expect(file.detectedCharset).toBe('ascii');
    expect(codes(file)).not.toContain('LF_ONLY');
  });
  it('Nachname/Vorname lines have wrong LLL; 8100=00196 is the original size', () => {
    expect(linesWith(file, 'LENGTH_MISMATCH')).toEqual([8, 9]);
    expect(file.records[0]!.declaredLength).toBe(196);
    expect(codes(file)).toContain('SATZLAENGE_MISMATCH');
  });
  it('keeps the double blank in 3107', () => {
    expect(value(file, '3107')).toBe('Eichenstr.  4');
  });
});

describe('10 T2med 6302 – fully consistent request', () => {
  const { file } = load('10_');
  it('6302, BIMP_GDT ← T2MED_PX, 9206=2 ASCII, CRLF, no parser problems', () => {
    expect(file.records[0]!.satzart).toBe('6302');
    expect(value(file, '8315')).toBe('BIMP_GDT');
    expect(value(file, '8316')).toBe('T2MED_PX');
    expect(file.declaredCharset).toBe('cp437');
    expect(file.problems).toEqual([]);
    expect(file.records[0]!.length).toBe(275);
  });
  it('software fields, height/weight, 3103 11111911, 8402 ALLG0 (5 chars)', () => {
    for (const id of ['0102', '0103', '0132', '3622', '3623']) {
      expect(file.records[0]!.get(id)).toBeDefined();
    }
    expect(value(file, '3103')).toBe('11111911');
    expect(value(file, '8402')).toBe('ALLG0');
    const v = validateRecords(file);
    expect(v.map((p) => p.code)).toContain('EXAMINATION_CODE_FORMAT');
    expect(v.map((p) => p.code)).not.toContain('INVALID_DATE');
    expect(v.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('11 OIE test-data-transfer – 6310 with test blocks', () => {
  const { file } = load('11_');
  const rec = file.records[0]!;
  it('6310, ASCII, LF, 8100=00529 = CRLF size', () => {
    expect(rec.satzart).toBe('6310');
    expect(file.declaredCharset).toBeUndefined();
    expect(codes(file)).toContain('LF_ONLY');
    expect(rec.declaredLength).toBe(529);
    expect(rec.length).toBe(529);
  });
  it('repeated 6220, 6227, two test blocks, 8402 BDM01', () => {
    expect(rec.getAll('6220')).toHaveLength(2);
    expect(rec.getAll('6227')).toHaveLength(1);
    expect(rec.getAll('8410').map((f) => f.value)).toEqual(['SYSMXTG', 'SYSMNTG']);
    expect(rec.value('8402')).toBe('BDM01');
    expect(validateRecords(file).filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('12 OIE root-data-request – minimal 6300', () => {
  const { file } = load('12_');
  it('6300 from LUFU_SYS, 3000 = 0', () => {
    expect(file.records[0]!.satzart).toBe('6300');
    expect(value(file, '8316')).toBe('LUFU_SYS');
    expect(value(file, '3000')).toBe('0');
    expect(file.records[0]!.length).toBe(85);
    expect(codes(file)).not.toContain('SATZLAENGE_MISMATCH');
  });
});

describe('13 OIE two-sets – two records, no separator', () => {
  const { file } = load('13_');
  it('6300 + 6301, each with its own correct 8100 (85, 171)', () => {
    expect(file.records.map((r) => r.satzart)).toEqual(['6300', '6301']);
    expect(file.records.map((r) => r.declaredLength)).toEqual([85, 171]);
    expect(file.records.map((r) => r.length)).toEqual([85, 171]);
    expect(codes(file)).toContain('MULTIPLE_RECORDS');
    expect(codes(file)).not.toContain('SATZLAENGE_MISMATCH');
    expect(codes(file)).not.toContain('BLANK_LINE');
  });
});

describe('14 RED Medical 6302 – transcribed, ISO-8859-1', () => {
  const { file } = load('14_');
  it('6302, EKG ← RED, 8402 EKG04, 9206=3 with ISO-8859-1 bytes', () => {
    expect(file.records[0]!.satzart).toBe('6302');
    expect(value(file, '8315')).toBe('EKG');
    expect(value(file, '8316')).toBe('RED');
    expect(value(file, '8402')).toBe('EKG04');
    expect(file.declaredCharset).toBe('iso-8859-1');
    expect(file.detectedCharset).toBe('iso-8859-1');
    expect(codes(file)).not.toContain('CHARSET_MISMATCH');
    expect(value(file, '3107')).toBe('Lützowplatz 6');
  });
  it('one wrong line (0203, LLL 91 vs 56); 8100=00530 = sum of LLL', () => {
    expect(linesWith(file, 'LENGTH_MISMATCH')).toEqual([21]);
    expect(file.fields.find((f) => f.line === 21)!.id).toBe('0203');
    expect(file.records[0]!.fields.reduce((s, f) => s + f.declaredLength, 0)).toBe(530);
  });
  it('GDT-3-style doctor fields in a 2.10 file are reported, not rejected', () => {
    const notExpected = validateRecords(file).filter((p) => p.code === 'FIELD_NOT_EXPECTED');
    expect(notExpected.length).toBeGreaterThanOrEqual(5);
  });
});
