import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '@praxisready/model';
import { buildOrder } from '../codec/order.ts';
import { parseGdt } from '../codec/gdt-file.ts';
import { attachmentResolver, classifyFileName, exchangeFileName, isGdtFileName } from './names.ts';
import { writeGdtFile } from './writer.ts';
import { GdtWatcher, type GdtImport } from './watcher.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gdt-ex-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const order = (n = '1') => buildOrder({ receiverId: 'EKG1', senderId: 'PRAX', patient: { number: n } });

describe('file names', () => {
  it('fixed and counting names', () => {
    expect(exchangeFileName('EKG1', 'PRAX')).toBe('EKG1PRAX.GDT');
    expect(exchangeFileName('EKG1', 'PRAX', 0)).toBe('EKG1PRAX.000');
    expect(exchangeFileName('EKG1', 'PRAX', 12)).toBe('EKG1PRAX.012');
    expect(() => exchangeFileName('../x', 'PRAX')).toThrow();
  });
  it('classifies names case-insensitively', () => {
    expect(classifyFileName('t2mdbef.gdt')).toBe('fixed');
    expect(classifyFileName('EKG1PRAX.GDT')).toBe('fixed');
    expect(classifyFileName('EKG1PRAX.007')).toBe('counting');
    expect(classifyFileName('.EKG1PRAX.GDT.123.ab.tmp')).toBe('temp');
    expect(classifyFileName('befund.pdf')).toBe('other');
    expect(isGdtFileName('befund.pdf')).toBe(false);
  });
});

describe('writeGdtFile', () => {
  it('writes <receiver><sender>.GDT atomically with the record bytes and leaves no temp file', async () => {
    const rec = order();
    const w = await writeGdtFile(dir, rec, { receiver: 'EKG1', sender: 'PRAX' });
    expect(w.name).toBe('EKG1PRAX.GDT');
    expect(readFileSync(w.path).equals(rec.serialize())).toBe(true);
    expect(readdirSync(dir)).toEqual(['EKG1PRAX.GDT']);
  });

  it('never overwrites an unread file (also with another case of the name)', async () => {
    writeFileSync(join(dir, 'ekg1prax.gdt'), 'unread');
    try {
      await writeGdtFile(dir, order(), { receiver: 'EKG1', sender: 'PRAX' });
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('CONFLICT');
    }
    expect(readFileSync(join(dir, 'ekg1prax.gdt'), 'utf8')).toBe('unread');
    expect(readdirSync(dir)).toEqual(['ekg1prax.gdt']);
  });

  it('counting mode takes .000, .001, … and skips taken numbers', async () => {
    writeFileSync(join(dir, 'EKG1PRAX.001'), 'x');
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      names.push(
        (await writeGdtFile(dir, order(String(i)), { receiver: 'EKG1', sender: 'PRAX', mode: 'counting' }))
          .name,
      );
    }
    expect(names).toEqual(['EKG1PRAX.000', 'EKG1PRAX.002', 'EKG1PRAX.003']);
    expect(parseGdt(readFileSync(join(dir, 'EKG1PRAX.002'))).records[0]!.value('3000')).toBe('1');
  });

  it('concurrent writers in counting mode get distinct files', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        writeGdtFile(dir, order(String(i)), { receiver: 'EKG1', sender: 'PRAX', mode: 'counting' }),
      ),
    );
    expect(new Set(results.map((r) => r.name)).size).toBe(8);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes raw bytes, an explicit name and an mtime (lab use)', async () => {
    const old = new Date('2020-01-01T00:00:00Z');
    const w = await writeGdtFile(dir, Buffer.from('x'), { fileName: 'export.gdt', mtime: old });
    expect(w.name).toBe('export.gdt');
    const { statSync } = await import('node:fs');
    expect(statSync(w.path).mtime.getTime()).toBe(old.getTime());
  });

  it('a missing folder is NOT_FOUND', async () => {
    await expect(
      writeGdtFile(join(dir, 'nope'), order(), { receiver: 'A', sender: 'B' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('attachmentResolver', () => {
  it('finds a Windows-path reference by its base name next to the GDT file', () => {
    writeFileSync(join(dir, 'befund.pdf'), 'pdf');
    const exists = attachmentResolver(join(dir, 'X.GDT'));
    expect(exists('C:\\GDT\\befund.pdf')).toBe(true);
    expect(exists('befund.pdf')).toBe(true);
    expect(exists('C:\\GDT\\fehlt.pdf')).toBe(false);
    expect(exists('')).toBe(false);
  });
});

describe('GdtWatcher', () => {
  const collect = (options: Partial<ConstructorParameters<typeof GdtWatcher>[1]> = {}) => {
    const got: GdtImport[] = [];
    const errors: string[] = [];
    const w = new GdtWatcher(dir, {
      settleMs: 60,
      pollMs: 40,
      onFile: (i) => {
        got.push(i);
      },
      onError: (e) => errors.push(e.code),
      ...options,
    });
    return { w, got, errors };
  };
  const until = async (cond: () => boolean, ms = 3000) => {
    const end = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > end) {
        throw new Error('timeout');
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('imports a new file once, then deletes it (default)', async () => {
    const { w, got } = collect();
    w.start();
    await writeGdtFile(dir, order('42'), { receiver: 'PRAX', sender: 'EKG1' });
    await until(() => got.length === 1 && !existsSync(join(dir, 'PRAXEKG1.GDT')));
    await new Promise((r) => setTimeout(r, 150));
    await w.close();
    expect(got).toHaveLength(1);
    expect(got[0]!.file.records[0]!.value('3000')).toBe('42');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('waits until the size has settled (a file still being written is not read early)', async () => {
    const { w, got } = collect({ settleMs: 250 });
    w.start();
    const path = join(dir, 'PRAXEKG1.GDT');
    const bytes = order('7').serialize();
    writeFileSync(path, bytes.subarray(0, 10));
    for (let i = 10; i < bytes.length; i += 10) {
      await new Promise((r) => setTimeout(r, 60));
      writeFileSync(path, bytes.subarray(0, Math.min(bytes.length, i + 10)));
    }
    await until(() => got.length === 1);
    await w.close();
    expect(got[0]!.bytes.equals(bytes)).toBe(true);
  });

  it('polling alone finds files (network shares without change events), archives them', async () => {
    const archive = join(dir, 'done');
    const { w, got } = collect({ useFsWatch: false, afterImport: 'archive', archiveDir: archive });
    w.start();
    expect(w.usesFsWatch).toBe(false);
    writeFileSync(join(dir, 'A.001'), order('1').serialize());
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    await until(() => got.length === 1 && readdirSync(archive).length === 1);
    await w.close();
    expect(readdirSync(dir).sort()).toEqual(['done', 'notes.txt']);
    expect(readdirSync(archive)[0]).toMatch(/^A_\d{8}T\d{6}_\w+\.001$/);
  });

  it('a failing handler leaves the file and does not loop; drain() imports the backlog oldest first', async () => {
    const { utimesSync } = await import('node:fs');
    writeFileSync(join(dir, 'B.GDT'), order('2').serialize());
    writeFileSync(join(dir, 'A.GDT'), order('1').serialize());
    utimesSync(join(dir, 'B.GDT'), new Date(1000), new Date(1000));
    let calls = 0;
    const { w, got, errors } = collect({
      afterImport: 'keep',
      onFile: (i) => {
        calls++;
        if (i.name === 'A.GDT') {
          throw new Error('PVS busy');
        }
        got.push(i);
      },
    });
    await w.drain();
    await w.drain();
    await w.close();
    expect(got.map((g) => g.name)).toEqual(['B.GDT']);
    expect(calls).toBe(2);
    expect(errors).toEqual(['INTERNAL']);
    expect(readdirSync(dir).sort()).toEqual(['A.GDT', 'B.GDT']);
  });
});
