import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditGdtFolder, parseGdt } from '@praxisready/gdt';
import { describe, expect, it } from 'vitest';
import { scenarioById } from '../scenarios/scenarios.ts';
import type { ScenarioId } from '../scenarios/types.ts';
import { writeGdtFolders } from './gdt-folders.ts';

function write(id: ScenarioId) {
  return writeGdtFolders(mkdtempSync(join(tmpdir(), 'lab-gdt-')), scenarioById(id).gdtDevices);
}

describe('lab GDT exchange folders', () => {
  it('writes order and result files whose facts match what the gdt codec reads back', () => {
    for (const device of write('ready')) {
      for (const file of [...device.exportDir.files, ...device.importDir.files]) {
        const parsed = parseGdt(readFileSync(file.path));
        const record = parsed.records[0]!;
        expect(parsed.records).toHaveLength(1);
        expect(record.satzart).toBe(file.satzart);
        expect(record.value('9206')).toBe(file.declaredCharset);
        expect(record.value('8402')).toBe(file.examinationCode);
        expect(record.declaredLength).toBe(file.bytes);
        expect(record.value('3101')).toBe('Müller');
      }
    }
  });

  it('names files <receiver><sender>.gdt with the 4-character abbreviations', () => {
    const ekg = write('ready').find((d) => d.id === 'ekg')!;
    expect(ekg.exportDir.files.map((f) => f.fileName)).toEqual(['EKG0XCON.gdt']);
    expect(ekg.importDir.files.map((f) => f.fileName)).toEqual(['XCONEKG0.gdt']);
  });

  it('typical-problems: the folder audit sees the wrong charset and the missing examination code', async () => {
    const devices = write('typical-problems');
    const ekgImport = await auditGdtFolder(devices.find((d) => d.id === 'ekg')!.importDir.path);
    expect(ekgImport.files[0]).toMatchObject({ declaredCharset: 'cp437', detectedCharset: 'iso-8859-1' });
    const spiroExport = await auditGdtFolder(devices.find((d) => d.id === 'spiro')!.exportDir.path);
    expect(spiroExport.files[0]).toMatchObject({ examinationCode: null, recordTypes: ['6302'] });
  });

  it('ready: declared and detected charsets agree in every folder', async () => {
    for (const device of write('ready')) {
      for (const dir of [device.exportDir, device.importDir]) {
        const audit = await auditGdtFolder(dir.path);
        expect(audit.files).toHaveLength(1);
        expect(audit.files[0]!.declaredCharset).toBe(audit.files[0]!.detectedCharset);
      }
    }
  });

  it('broken: the spirometer import folder is missing', async () => {
    const spiro = write('broken').find((d) => d.id === 'spiro')!;
    expect(spiro.importDir.exists).toBe(false);
    expect((await auditGdtFolder(spiro.importDir.path)).exists).toBe(false);
  });
});
