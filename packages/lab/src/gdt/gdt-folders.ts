import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRecord, type GdtCharset } from '@praxisready/gdt';
import type { GdtDeviceDefinition, GdtFileDefinition } from '../scenarios/types.ts';

/** The gdt package's charset name for the encoding a scenario asks for. */
const CHARSET: Record<GdtFileDefinition['encoding'], GdtCharset> = {
  cp437: 'cp437',
  'windows-1252': 'iso-8859-1',
};

/** GDT-ID (8315/8316) and file abbreviation of the lab's PVS. */
export const PVS_GDT_ID = 'XCONCEPT';
export const PVS_ABBREVIATION = 'XCON';

/** Synthetic test patient (never a real person); the umlauts exercise the character set. */
const PATIENT = [
  ['3000', '1001'],
  ['3101', 'Müller'],
  ['3102', 'Jürgen'],
  ['3103', '01041961'],
  ['3110', '1'],
] as const;

/** What the lab wrote into one GDT file: the facts a folder audit should find. */
export interface GdtFileFacts {
  path: string;
  fileName: string;
  bytes: number;
  satzart: '6302' | '6310';
  /** Value of 9206 in the file, null when absent. */
  declaredCharset: '1' | '2' | '3' | null;
  /** Code page of the bytes. */
  encoding: 'cp437' | 'windows-1252';
  /** 8402 value, null when absent. */
  examinationCode: string | null;
  /** 8100 value (bytes of the record). */
  recordLength: number;
  lineCount: number;
}

export interface GdtDeviceFacts {
  id: string;
  name: string;
  gdtId: string;
  configuredCharset: '1' | '2' | '3';
  examinationCode: string;
  exportDir: { path: string; exists: boolean; files: GdtFileFacts[] };
  importDir: { path: string; exists: boolean; files: GdtFileFacts[] };
}

function recordFields(device: GdtDeviceDefinition, file: GdtFileDefinition): [string, string][] {
  const toDevice = file.satzart === '6302';
  const fields: [string, string][] = [
    ['8315', toDevice ? device.gdtId : PVS_GDT_ID],
    ['8316', toDevice ? PVS_GDT_ID : device.gdtId],
  ];
  if (file.declaredCharset !== null) {
    fields.push(['9206', file.declaredCharset]);
  }
  fields.push(['9218', '02.10'], ...PATIENT.map(([k, v]): [string, string] => [k, v]));
  if (file.withExaminationCode) {
    fields.push(['8402', device.examinationCode]);
  }
  if (!toDevice) {
    fields.push(
      ['6200', '23112026'],
      ['6201', '093000'],
      ['6220', 'Sinusrhythmus, Lagetyp überdrehter Linkstyp'],
      ['6220', 'Keine Erregungsrückbildungsstörungen'],
    );
  }
  return fields;
}

function writeGdtFile(
  dir: string,
  name: string,
  device: GdtDeviceDefinition,
  file: GdtFileDefinition,
): GdtFileFacts {
  const fields = recordFields(device, file);
  // The gdt package writes exactly the fields given, so a mis-declared 9206 or a missing 8402 stays as designed.
  const bytes = createRecord(file.satzart, fields, { charset: CHARSET[file.encoding] }).serialize();
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return {
    path,
    fileName: name,
    bytes: bytes.length,
    satzart: file.satzart,
    declaredCharset: file.declaredCharset,
    encoding: file.encoding,
    examinationCode: file.withExaminationCode ? device.examinationCode : null,
    recordLength: bytes.length,
    lineCount: fields.length + 2,
  };
}

/**
 * Creates the export (PVS → device) and import (device → PVS) folder of each device under `root` and writes the
 * order / result files, named `<receiver><sender>.gdt` with the 4-character abbreviations.
 */
export function writeGdtFolders(root: string, devices: readonly GdtDeviceDefinition[]): GdtDeviceFacts[] {
  return devices.map((device) => {
    const exportPath = join(root, device.id, 'export');
    const importPath = join(root, device.id, 'import');
    mkdirSync(exportPath, { recursive: true });
    if (device.importFolderExists) {
      mkdirSync(importPath, { recursive: true });
    }
    const exportFiles =
      device.exportFile === null
        ? []
        : [
            writeGdtFile(
              exportPath,
              `${device.abbreviation}${PVS_ABBREVIATION}.gdt`,
              device,
              device.exportFile,
            ),
          ];
    const importFiles =
      device.importFile === null || !device.importFolderExists
        ? []
        : [
            writeGdtFile(
              importPath,
              `${PVS_ABBREVIATION}${device.abbreviation}.gdt`,
              device,
              device.importFile,
            ),
          ];
    return {
      id: device.id,
      name: device.name,
      gdtId: device.gdtId,
      configuredCharset: device.configuredCharset,
      examinationCode: device.examinationCode,
      exportDir: { path: exportPath, exists: true, files: exportFiles },
      importDir: { path: importPath, exists: device.importFolderExists, files: importFiles },
    };
  });
}
