import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GdtFolderAuditSchema } from '@praxisready/model';
import { createRecord } from '../codec/gdt-file.ts';
import { buildOrder } from '../codec/order.ts';
import { writeGdtFile } from '../exchange/writer.ts';
import { auditGdtFolder } from './audit.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gdt-audit-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const NOW = new Date('2026-11-23T10:00:00Z');
const setAge = (name: string, seconds: number) => {
  const t = new Date(NOW.getTime() - seconds * 1000);
  utimesSync(join(dir, name), t, t);
};

describe('auditGdtFolder', () => {
  it('a missing folder is a finding, not an exception', async () => {
    const a = await auditGdtFolder(join(dir, 'fehlt'), { now: NOW });
    expect(a.exists).toBe(false);
    expect(a.folderProblems.map((p) => p.code)).toEqual(['FOLDER_MISSING']);
    expect(GdtFolderAuditSchema.safeParse(a).success).toBe(true);
  });

  it('counts files, ages, versions, charsets, record types, ids and problems', async () => {
    await writeGdtFile(
      dir,
      buildOrder({ receiverId: 'EKG1', senderId: 'PRAX', patient: { number: '1' }, examination: 'EKG01' }),
      { receiver: 'EKG1', sender: 'PRAX' },
    );
    setAge('EKG1PRAX.GDT', 30);
    // Wrong charset: declares CP437 (9206=2), bytes are ISO-8859-1.
    const wrong = createRecord(
      '6310',
      [
        ['8315', 'PRAX'],
        ['8316', 'EKG1'],
        ['9206', '2'],
        ['9218', '02.10'],
        ['3000', '2'],
        ['3101', 'Müller'],
      ],
      { charset: 'iso-8859-1' },
    );
    await writeGdtFile(dir, wrong, { receiver: 'PRAX', sender: 'EKG1', mode: 'counting' });
    setAge('PRAXEKG1.000', 2 * 86_400);
    writeFileSync(join(dir, 'befund.pdf'), 'x');
    writeFileSync(join(dir, '.X.GDT.1.ab.tmp'), 'half');
    writeFileSync(join(dir, 'kaputt.gdt'), 'Dies ist kein GDT\n');
    setAge('kaputt.gdt', 10);
    mkdirSync(join(dir, 'archiv'));

    const a = await auditGdtFolder(dir, { now: NOW, staleAfterSeconds: 3600 });
    expect(GdtFolderAuditSchema.safeParse(a).success).toBe(true);
    expect(a.exists && a.isDirectory && a.readable).toBe(true);
    expect(a.counts).toMatchObject({
      gdtFiles: 3,
      tempFiles: 1,
      otherFiles: 1,
      subdirectories: 1,
      records: 2,
      notGdtFiles: 1,
      staleFiles: 1,
    });
    expect(a.naming).toEqual({ fixed: 2, counting: 1 });
    expect(a.recordTypes).toEqual({ '6302': 1, '6310': 1 });
    expect(a.versions).toEqual({ '02.10': 2, none: 1 });
    expect(a.charsets.declared).toEqual({ cp437: 2, none: 1 });
    expect(a.charsets.detected).toEqual({ ascii: 2, 'iso-8859-1': 1 });
    expect(a.receivers).toEqual({ EKG1: 1, PRAX: 1 });
    expect(a.senders).toEqual({ PRAX: 1, EKG1: 1 });
    expect(a.examinationCodes).toEqual({ EKG01: 1 });
    expect(a.otherExtensions).toEqual({ pdf: 1 });
    expect(a.problems.CHARSET_MISMATCH).toEqual({ files: 1, occurrences: 1, severity: 'error' });
    expect(a.problems.STALE_FILE?.files).toBe(1);
    expect(a.problems.TEMP_FILE_LEFT?.files).toBe(1);
    expect(a.problems.NOT_GDT?.files).toBe(1);
    expect(a.ages.oldestSeconds).toBe(2 * 86_400);
    expect(a.ages.buckets.under7d).toBe(1);
    // oldest first; names never listed
    expect(a.files[0]!.nameKind).toBe('counting');
    expect(a.files.find((f) => f.nameKind === 'fixed' && f.records === 1)!.nameMatchesIds).toBe(true);
  });

  it('reports a folder without write permission', async () => {
    if (process.getuid?.() === 0) {
      // root may write anywhere; check the shape only
      const a = await auditGdtFolder(dir, { now: NOW });
      expect(a.writable).toBe(true);
      return;
    }
    chmodSync(dir, 0o555);
    const a = await auditGdtFolder(dir, { now: NOW });
    chmodSync(dir, 0o755);
    expect(a.writable).toBe(false);
    expect(a.folderProblems.map((p) => p.code)).toContain('FOLDER_NOT_WRITABLE');
  });

  it('reads all real samples and reports their anomalies by code', async () => {
    const fixtures = new URL('../__fixtures__/', import.meta.url);
    for (const name of readdirSync(fixtures).filter((n) => n.endsWith('.gdt'))) {
      copyFileSync(new URL(name, fixtures), join(dir, name));
    }
    const a = await auditGdtFolder(dir, { now: NOW });
    expect(a.counts.gdtFiles).toBe(14);
    expect(a.counts.notGdtFiles).toBe(0);
    expect(a.problems.UNDECLARED_UTF8?.files).toBe(2); // samples 06, 07
    expect(a.problems.CHARSET_MISMATCH?.files).toBe(1); // sample 05
    expect(a.problems.MULTIPLE_RECORDS?.files).toBe(2); // samples 05, 13
    expect(a.recordTypes).toMatchObject({ '6300': 2, '6301': 3, '6302': 2, '6310': 2, '6311': 4 });
    expect(a.lineEndings).toMatchObject({ crlf: 4 });
    // IDANA (sample 06) is withheld: the same word occurs in the file's 6305 path (leak guard, conservative).
    expect(a.senders).toMatchObject({ RED: 1, T2MED_PX: 1, T2MED: 1, LUFU_SYS: 2, '(ungültig)': 1 });
    expect(a.examinationCodes).toMatchObject({ EKG04: 1, ALLG0: 1, SONO00: 2, BDM01: 1 });
  });

  it('canary: patient names, birth dates, patient numbers and free text never appear in the output', async () => {
    const patients = [
      {
        number: 'PN77881',
        last: 'Schnabelweid',
        first: 'Kunigunde',
        birth: '17031944',
        text: 'Vorhofflimmern',
      },
      {
        number: 'PN55432',
        last: 'Grünwaldsen',
        first: 'Bartholomäus',
        birth: '02111988',
        text: 'Sinusrhythmus',
      },
      {
        number: '9911223344',
        last: 'Öztürk-Lindqvist',
        first: 'Żaneta',
        birth: '29021996',
        text: 'Belastungsdyspnoe',
      },
    ];
    const secrets = patients.flatMap((p) => [p.number, p.last, p.first, p.birth, p.text]);
    let i = 0;
    for (const p of patients) {
      // Clean 6310 in ISO-8859-1 where representable, UTF-8 otherwise (a mismatch case), plus a broken file.
      const charset = /^[\x20-\xff]*$/.test(p.first) ? 'iso-8859-1' : 'utf8';
      const rec = createRecord(
        '6310',
        [
          ['8315', 'PRAX'],
          ['8316', 'EKG1'],
          ['9206', charset === 'utf8' ? '3' : '3'],
          ['9218', '02.10'],
          ['3000', p.number],
          ['3101', p.last],
          ['3102', p.first],
          ['3103', p.birth],
          ['6220', p.text],
          ['8402', p.last.slice(0, 6)],
          ['8410', p.first],
          ['6305', `C:\\Befunde\\${p.last}_${p.first}.pdf`],
        ],
        { charset },
      );
      await writeGdtFile(dir, rec, { receiver: 'PRAX', sender: 'EKG1', mode: 'counting' });
      // Patient data in the wrong fields and in a file name, too.
      writeFileSync(
        join(dir, `${p.last}_${p.first}.gdt`),
        `01380006310\r\n${String(9 + Buffer.byteLength(p.last)).padStart(3, '0')}8315${p.last}\r\n0149218${p.birth.slice(0, 5)}\r\n0${p.text.length + 9}8000${p.text}\r\n`,
      );
      writeFileSync(join(dir, `${p.number}.pdf`), p.text);
      i++;
    }
    expect(i).toBe(3);
    const a = await auditGdtFolder(dir, { now: NOW, maxListedFiles: 1000 });
    expect(a.counts.gdtFiles).toBe(6);
    const json = JSON.stringify(a);
    for (const secret of secrets) {
      expect(json).not.toContain(secret);
      expect(json.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    // Parts of names (the 8402 slice of a last name is 6 characters) and the date pieces must not leak either.
    for (const p of patients) {
      expect(json).not.toContain(p.last.slice(0, 6));
      expect(json).not.toContain(p.birth.slice(0, 5));
    }
  });
});
