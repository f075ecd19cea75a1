import { describe, expect, it } from 'vitest';
import { createRecord, GdtFile, parseGdt, type GdtRecord } from '../codec/gdt-file.ts';
import { validateGdt, validateRecords, type ValidateOptions } from './validate.ts';
import { rulesFor } from './tables.ts';

const HEADER: [string, string][] = [
  ['8315', 'EKG1'],
  ['8316', 'PRAXIS'],
  ['9206', '2'],
  ['9218', '02.10'],
];
const PATIENT: [string, string][] = [
  ['3000', '4711'],
  ['3101', 'Muster'],
  ['3102', 'Erika'],
  ['3103', '01041961'],
];

const fileOf = (...records: GdtRecord[]) => parseGdt(GdtFile.fromRecords(records).serialize());
const codesOf = (file: GdtFile, options?: ValidateOptions) =>
  validateRecords(file, options).map((p) => p.code);

describe('mandatory and optional fields (gdt.md §4.1)', () => {
  it('a complete 6302 is valid', () => {
    const r = validateGdt(fileOf(createRecord('6302', [...HEADER, ...PATIENT, ['8402', 'EKG01']])));
    expect(r.success).toBe(true);
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it.each([
    ['6300', ['3000']],
    ['6301', ['3000', '3101', '3102', '3103']],
    ['6302', ['3000', '3101', '3102', '3103']],
    ['6310', ['3000']],
    ['6311', ['3000']],
  ])('%s requires %j', (satzart, mandatory) => {
    const r = validateGdt(fileOf(createRecord(satzart, HEADER)));
    expect(r.success).toBe(false);
    const missing = validateRecords(fileOf(createRecord(satzart, HEADER)))
      .filter((p) => p.code === 'MISSING_FIELD' && p.severity === 'error')
      .map((p) => p.message.match(/\((\d{4})\)/)?.[1]);
    expect(missing).toEqual(mandatory);
  });

  it('6310 without name and birth date: warning only (S3 says M, S4 writes them only if set)', () => {
    const r = validateGdt(fileOf(createRecord('6310', [...HEADER, ['3000', '1']])));
    expect(r.success).toBe(true);
    expect(r.issues.filter((i) => i.code === 'MISSING_FIELD').map((i) => i.severity)).toEqual([
      'warning',
      'warning',
      'warning',
    ]);
  });

  it('missing 9218 is MISSING_VERSION', () => {
    expect(codesOf(fileOf(createRecord('6300', [['3000', '1']])))).toContain('MISSING_VERSION');
  });

  it('6303 exists only from GDT 3.0 on', () => {
    const v21 = createRecord('6303', [...HEADER, ['3000', '1']]);
    expect(codesOf(fileOf(v21))).toContain('SATZART_NOT_IN_VERSION');
    const v30 = createRecord('6303', [
      ['9218', '03.00'],
      ['3000', '1'],
      ['8310', 'A1'],
      ['8314', 'UID-1'],
    ]);
    expect(validateGdt(fileOf(v30)).success).toBe(true);
  });

  it('GDT 3.0 6302 needs 8310, 8314 and 8402 (Obj_Anforderung, S3)', () => {
    const rec = createRecord('6302', [['9218', '03.00'], ...PATIENT]);
    const missing = validateRecords(fileOf(rec)).filter((p) => p.code === 'MISSING_FIELD');
    expect(missing.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('8310'),
        expect.stringContaining('8314'),
        expect.stringContaining('8402'),
      ]),
    );
    expect(rulesFor('03.00').header).not.toContain('8100');
  });

  it('unknown fields and fields not listed for the record type are info', () => {
    const rec = createRecord('6300', [...HEADER, ['3000', '1'], ['6228', 'x'], ['1234', 'y']]);
    const issues = validateRecords(fileOf(rec));
    expect(issues.find((p) => p.code === 'FIELD_NOT_EXPECTED')?.severity).toBe('info');
    expect(issues.find((p) => p.code === 'UNKNOWN_FIELD')?.severity).toBe('info');
  });

  it('a non-repeatable field twice is DUPLICATE_FIELD; repeatable 6228 is fine', () => {
    const rec = createRecord('6310', [...HEADER, ...PATIENT, ['3000', '2'], ['6228', 'a'], ['6228', 'b']]);
    const dups = validateRecords(fileOf(rec)).filter((p) => p.code === 'DUPLICATE_FIELD');
    expect(dups).toHaveLength(1);
  });
});

describe('field formats', () => {
  const with3103 = (v: string) =>
    fileOf(createRecord('6301', [...HEADER, ['3000', '1'], ['3101', 'a'], ['3102', 'b'], ['3103', v]]));
  it.each(['01041961', '29022000', '11111911'])('date %s is valid', (v) => {
    expect(codesOf(with3103(v))).not.toContain('INVALID_DATE');
  });
  it.each(['19610401', '31022000', '0104196', 'xx041961'])('date %s is invalid', (v) => {
    expect(codesOf(with3103(v))).toContain('INVALID_DATE');
  });
  it('says when a date looks like JJJJMMTT, without quoting it', () => {
    const p = validateRecords(with3103('19800531')).find((x) => x.code === 'INVALID_DATE')!;
    expect(p.message).toContain('JJJJMMTT');
    expect(p.message).not.toContain('19800531');
  });
  it('times HHMMSS', () => {
    const f = (t: string) => fileOf(createRecord('6310', [...HEADER, ...PATIENT, ['6201', t]]));
    expect(codesOf(f('235959'))).not.toContain('INVALID_TIME');
    expect(codesOf(f('2359'))).toContain('INVALID_TIME');
    expect(codesOf(f('246000'))).toContain('INVALID_TIME');
  });
  it('value lists (3110) and lengths (3101 ≤ 28)', () => {
    const rec = createRecord('6301', [...HEADER, ...PATIENT, ['3110', 'M'], ['3101', 'x'.repeat(29)]]);
    const c = codesOf(fileOf(rec));
    expect(c).toContain('INVALID_VALUE');
    expect(c).toContain('FIELD_TOO_LONG');
  });
  it('unknown version', () => {
    const rec = createRecord('6300', [
      ['9218', '9.9'],
      ['3000', '1'],
    ]);
    expect(codesOf(fileOf(rec))).toContain('UNKNOWN_VERSION');
  });
});

describe('receiver/sender roles (8315/8316)', () => {
  const rec = (receiver: string, sender: string) =>
    fileOf(createRecord('6302', [['8315', receiver], ['8316', sender], ['9218', '02.10'], ...PATIENT]));
  it('same id on both sides', () => {
    expect(codesOf(rec('EKG1', 'EKG1'))).toContain('SENDER_EQUALS_RECEIVER');
  });
  it('swapped against the configuration', () => {
    const c = codesOf(rec('PRAXIS', 'EKG1'), { expectedReceiver: 'EKG1', expectedSender: 'PRAXIS' });
    expect(c).toContain('ROLES_SWAPPED');
  });
  it('other ids than configured', () => {
    const c = codesOf(rec('SONO', 'PRAXIS'), { expectedReceiver: 'EKG1', expectedSender: 'PRAXIS' });
    expect(c).toContain('ROLE_MISMATCH');
    expect(
      codesOf(rec('EKG1', 'PRAXIS'), { expectedReceiver: 'EKG1', expectedSender: 'PRAXIS' }),
    ).not.toContain('ROLE_MISMATCH');
  });
});

describe('8402 examination code', () => {
  const rec = (code: string) => fileOf(createRecord('6302', [...HEADER, ...PATIENT, ['8402', code]]));
  it('format letters + 2 digits', () => {
    expect(codesOf(rec('EKG01'))).not.toContain('EXAMINATION_CODE_FORMAT');
    expect(codesOf(rec('ALLG0'))).toContain('EXAMINATION_CODE_FORMAT');
  });
  it('group not in the spec list is info', () => {
    expect(codesOf(rec('KR800'))).toContain('EXAMINATION_CODE_FORMAT');
    expect(codesOf(rec('XYZ01'))).toContain('EXAMINATION_CODE_UNKNOWN');
    expect(codesOf(rec('LUFU02'))).not.toContain('EXAMINATION_CODE_UNKNOWN');
  });
  it('mismatch against the device configuration', () => {
    expect(codesOf(rec('EKG01'), { expectedExamination: 'EKG04' })).toContain('EXAMINATION_CODE_MISMATCH');
  });
});

describe('attachments (6302–6305)', () => {
  const rec = fileOf(
    createRecord('6310', [
      ...HEADER,
      ...PATIENT,
      ['6302', '001'],
      ['6303', 'PDF'],
      ['6305', 'C:\\GDT\\befund.pdf'],
      ['6302', '002'],
      ['6303', 'PDF'],
    ]),
  );
  it('checks that the referenced file exists', () => {
    const seen: string[] = [];
    const c = codesOf(rec, { attachmentExists: (ref) => (seen.push(ref), false) });
    expect(seen).toEqual(['C:\\GDT\\befund.pdf']);
    expect(c).toContain('ATTACHMENT_MISSING');
    expect(codesOf(rec, { attachmentExists: () => true })).not.toContain('ATTACHMENT_MISSING');
  });
  it('reports a group without 6305', () => {
    expect(validateRecords(rec).filter((p) => p.code === 'ATTACHMENT_INCOMPLETE')).toHaveLength(1);
  });
});

describe('validateGdt', () => {
  it('includes the parser problems with their line as path', () => {
    const bytes = Buffer.from('01380006310\n014810000027\n0203000Muster\n', 'latin1');
    const r = validateGdt(parseGdt(bytes));
    expect(r.issues.find((i) => i.code === 'LF_ONLY')?.path).toEqual([1]);
    expect(r.issues.find((i) => i.code === 'LENGTH_MISMATCH')?.path).toEqual([3]);
  });
});
