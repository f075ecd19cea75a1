import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GdtFolderAuditSchema } from '@praxisready/model';
import { parseGdt } from '@praxisready/gdt';
import { run } from '../test-run.ts';

const fixtures = fileURLToPath(new URL('../../../gdt/src/__fixtures__/', import.meta.url));
const sample = (prefix: string) =>
  join(
    fixtures,
    readdirSync(fixtures).find((n) => n.startsWith(prefix))!,
  );

interface InspectJson {
  version: string | null;
  charset: string;
  records: {
    satzart: string | null;
    length: number;
    fields: { line: number; id: string; name: string | null; value: string }[];
  }[];
  problems: { line: number; code: string; message: string; severity: string }[];
}
interface ValidateJson {
  issues: { code: string }[];
}
const inspectOf = (out: string) => JSON.parse(out) as InspectJson;
const validateOf = (out: string) => JSON.parse(out) as ValidateJson[];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-gdt-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('praxisready gdt inspect', () => {
  it('prints the issue-3 JSON shape for a real T2med 6302 (sample 10)', async () => {
    const r = await run(['gdt', 'inspect', sample('10_'), '--json']);
    expect(r.code).toBe(0);
    const j = inspectOf(r.out);
    expect(Object.keys(j)).toEqual(['version', 'charset', 'records', 'problems']);
    expect(j.version).toBe('02.10');
    expect(j.charset).toBe('cp437');
    expect(j.records).toHaveLength(1);
    expect(Object.keys(j.records[0]!)).toEqual(['satzart', 'length', 'fields']);
    expect(j.records[0]!.satzart).toBe('6302');
    expect(j.records[0]!.length).toBe(275);
    expect(j.records[0]!.fields[0]).toEqual({ line: 1, id: '8000', name: 'Satzart', value: '6302' });
    expect(j.records[0]!.fields.find((f) => f.id === '8315')!.value).toBe('BIMP_GDT');
    expect(j.problems).toEqual([]);
  });

  it('exits 0 with problems listed by line for a broken but readable file (sample 05)', async () => {
    const r = await run(['gdt', 'inspect', sample('05_'), '--json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const j = inspectOf(r.out);
    expect(j.records.map((x) => x.satzart)).toEqual(['6311', '6311']);
    const lm = j.problems.filter((p) => p.code === 'LENGTH_MISMATCH');
    expect(lm[0]).toMatchObject({ line: 10, code: 'LENGTH_MISMATCH' });
    expect(lm[0]!.message).toContain('LLL 14, actual 16');
  });

  it('speaks German by default in the human output', async () => {
    const r = await run(['gdt', 'inspect', sample('02_')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Satz 1: 6311 Daten einer Untersuchung zeigen');
    expect(r.out).toContain('Zeilenende nur LF statt CR LF');
  });

  it('reads standard input', async () => {
    const r = await run(['gdt', 'inspect', '-', '--json'], readFileSync(sample('12_')));
    expect(r.code).toBe(0);
    expect(inspectOf(r.out).records[0]!.satzart).toBe('6300');
  });

  it('exits 2 with PARSE_FAILED and no stack trace when nothing GDT-like is in the file', async () => {
    const path = join(dir, 'x.gdt');
    writeFileSync(path, '%PDF-1.7\nbinary\u0000stuff\n');
    const r = await run(['gdt', 'inspect', path]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('PARSE_FAILED');
    expect(r.err).not.toMatch(/\n\s+at /);
    const empty = join(dir, 'empty.gdt');
    writeFileSync(empty, '');
    expect((await run(['gdt', 'inspect', empty, '--json'])).code).toBe(2);
  });

  it('exits 2 for a missing file', async () => {
    const r = await run(['gdt', 'inspect', join(dir, 'fehlt.gdt')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('NOT_FOUND');
  });
});

describe('praxisready gdt validate', () => {
  it('0 for a valid file, 1 when a file has errors, 2 when one is unreadable', async () => {
    expect((await run(['gdt', 'validate', sample('10_')])).code).toBe(0);
    const bad = await run(['gdt', 'validate', sample('10_'), sample('07_')]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('INVALID_DATE');
    writeFileSync(join(dir, 'no.gdt'), 'kein GDT');
    expect((await run(['gdt', 'validate', sample('10_'), join(dir, 'no.gdt')])).code).toBe(2);
  });

  it('checks roles and the examination code against the options', async () => {
    const r = await run([
      'gdt',
      'validate',
      sample('10_'),
      '--json',
      '--receiver',
      'T2MED_PX',
      '--sender',
      'BIMP_GDT',
    ]);
    expect(r.code).toBe(1);
    expect(validateOf(r.out)[0]!.issues.map((i) => i.code)).toContain('ROLES_SWAPPED');
  });

  it('finds a missing attachment next to the GDT file', async () => {
    copyFileSync(sample('06_'), join(dir, 'idana.gdt'));
    const r = await run(['gdt', 'validate', join(dir, 'idana.gdt'), '--json']);
    expect(validateOf(r.out)[0]!.issues.map((i) => i.code)).toContain('ATTACHMENT_MISSING');
    writeFileSync(join(dir, '2020-12-16T1418-Nico-Graf-11.pdf'), '%PDF');
    const r2 = await run(['gdt', 'validate', join(dir, 'idana.gdt'), '--json']);
    expect(validateOf(r2.out)[0]!.issues.map((i) => i.code)).not.toContain('ATTACHMENT_MISSING');
  });
});

describe('praxisready gdt order', () => {
  const base = ['gdt', 'order', '--receiver', 'EKG1', '--sender', 'PRAXIS', '--patient', '4711'];
  it('writes a 6302 as <receiver><sender>.GDT and refuses to overwrite it while unread', async () => {
    const r = await run([
      ...base,
      '--to',
      dir,
      '--last-name',
      'Müller',
      '--birth-date',
      '01041961',
      '--exam',
      'EKG01',
    ]);
    expect(r.code).toBe(0);
    const path = join(dir, 'EKG1PRAX.GDT');
    expect(r.out).toContain(path);
    const file = parseGdt(readFileSync(path));
    expect(file.problems).toEqual([]);
    expect(file.records[0]!.satzart).toBe('6302');
    expect(file.records[0]!.value('3101')).toBe('Müller');
    expect(file.records[0]!.value('8402')).toBe('EKG01');
    expect(file.declaredCharset).toBe('cp437');
    const again = await run([...base, '--to', dir]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('CONFLICT');
  });

  it('counting mode and charset option', async () => {
    for (let i = 0; i < 2; i++) {
      expect((await run([...base, '--to', dir, '--counting', '--charset', 'iso-8859-1'])).code).toBe(0);
    }
    expect(readdirSync(dir).sort()).toEqual(['EKG1PRAX.000', 'EKG1PRAX.001']);
    expect(parseGdt(readFileSync(join(dir, 'EKG1PRAX.000'))).declaredCharset).toBe('iso-8859-1');
  });

  it('rejects a bad command line with 64 and a missing folder with 2', async () => {
    expect((await run(['gdt', 'order', '--to', dir])).code).toBe(64);
    expect((await run([...base, '--to', dir, '--charset', 'utf16'])).code).toBe(64);
    expect((await run([...base, '--to', join(dir, 'nope')])).code).toBe(2);
  });
});

describe('praxisready gdt watch', () => {
  it('--once shows each file and keeps it by default; --archive moves it', async () => {
    await run(['gdt', 'order', '--to', dir, '--receiver', 'EKG1', '--sender', 'PRAXIS', '--patient', '1']);
    const r = await run(['gdt', 'watch', dir, '--once', '--settle', '20', '--json']);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.out.trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ name: 'EKG1PRAX.GDT', satzart: '6302', receiver: 'EKG1', sender: 'PRAXIS' });
    expect(existsSync(join(dir, 'EKG1PRAX.GDT'))).toBe(true);
    const archive = join(dir, 'archiv');
    const r2 = await run(['gdt', 'watch', dir, '--once', '--settle', '20', '--archive', archive]);
    expect(r2.out).toContain('EKG1PRAX.GDT: 6302 PRAXIS → EKG1');
    expect(readdirSync(dir)).toEqual(['archiv']);
    expect(readdirSync(archive)).toHaveLength(1);
  });

  it('watches for a while with --duration and picks up a file that arrives', async () => {
    const pending = run([
      'gdt',
      'watch',
      dir,
      '--duration',
      '1.5',
      '--settle',
      '50',
      '--poll',
      '50',
      '--delete',
    ]);
    await new Promise((r) => setTimeout(r, 200));
    copyFileSync(sample('11_'), join(dir, 'PRAXLZBD.GDT'));
    const r = await pending;
    expect(r.code).toBe(0);
    expect(r.out).toContain('PRAXLZBD.GDT: 6310 LZBD_SYS → PRAX_EDP');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a missing folder is exit 2', async () => {
    expect((await run(['gdt', 'watch', join(dir, 'nope'), '--once'])).code).toBe(2);
  });
});

describe('praxisready gdt audit', () => {
  it('--json is a valid GdtFolderAudit without patient data; files with errors give exit 1', async () => {
    for (const p of ['03_', '07_', '10_', '14_']) {
      copyFileSync(sample(p), join(dir, `${p}x.gdt`));
    }
    const r = await run(['gdt', 'audit', dir, '--json', '--role', 'import']);
    expect(r.code).toBe(1);
    const audit = GdtFolderAuditSchema.parse(JSON.parse(r.out) as unknown);
    expect(audit.counts.gdtFiles).toBe(4);
    expect(audit.role).toBe('import');
    // Names, birth dates and patient numbers of samples 03, 07, 10, 14.
    for (const secret of [
      'Gültig',
      'Norbert',
      'Kienzle',
      'Thomas',
      '11111911',
      'Fuerst',
      'Stephanie',
      '28121976',
      'Müller',
      'PAT-100',
      '6060',
    ]) {
      expect(r.out).not.toContain(secret);
    }
  });

  it('human summary in German; a missing folder is a failure', async () => {
    copyFileSync(sample('10_'), join(dir, 'BIMPT2MD.GDT'));
    const ok = await run(['gdt', 'audit', dir]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('GDT-Dateien 1');
    expect(ok.out).toContain('Satzarten: 6302 ×1');
    const missing = await run(['gdt', 'audit', join(dir, 'fehlt')]);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('FEHLT');
  });
});
