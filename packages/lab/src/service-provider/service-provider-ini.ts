import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IniDefinition, ServiceProviderDefinition } from '../scenarios/types.ts';

/** INI text with CRLF line ends, as Windows Notepad saves it (seed 004 screenshots). */
export function renderIni(ini: IniDefinition): string {
  const eq = ini.spacesAroundEquals ? ' = ' : '=';
  return [`[${ini.section}]`, ...ini.entries.map(([k, v]) => `${k}${eq}${v}`), ''].join('\r\n');
}

export interface IniFileFacts {
  /** Path in the lab directory. */
  path: string;
  /** The Windows path this file stands for. */
  windowsPath: string;
  section: string;
  entries: Record<string, string>;
  spacesAroundEquals: boolean;
}

export interface ServiceProviderFacts {
  uniqueIdentifier: string;
  installationIni: IniFileFacts;
  /** null when the scenario has no PVS-ServiceProvider.ini. */
  pvsIni: IniFileFacts | null;
  /** Windows path of the PVS-ServiceProvider.ini even when it is missing. */
  pvsIniWindowsPath: string;
}

/**
 * Writes the Service-Provider INI pair of seed 004 under `root`, mirroring the Windows paths of the PVS server:
 * `C/Program Files (x86)/medatixx GmbH & Co. KG/ServiceProvider_<id>/ServiceProvider.ini` (installation) and
 * `C/DCONCEPT/DEDATA/ServiceProvider.ini` (x.concept data directory).
 */
export function writeServiceProviderInis(root: string, sp: ServiceProviderDefinition): ServiceProviderFacts {
  const installDirParts = [
    'C',
    'Program Files (x86)',
    'medatixx GmbH & Co. KG',
    `ServiceProvider_${sp.uniqueIdentifier}`,
  ];
  const dataDirParts = ['C', 'DCONCEPT', 'DEDATA'];
  const installation = writeIni(root, installDirParts, sp.installationIni);
  const pvs = sp.pvsIni === null ? null : writeIni(root, dataDirParts, sp.pvsIni);
  if (sp.pvsIni === null) {
    mkdirSync(join(root, ...dataDirParts), { recursive: true });
  }
  return {
    uniqueIdentifier: sp.uniqueIdentifier,
    installationIni: installation,
    pvsIni: pvs,
    pvsIniWindowsPath: windowsPath([...dataDirParts, 'ServiceProvider.ini']),
  };
}

function windowsPath(parts: string[]): string {
  const [drive, ...rest] = parts;
  return `${drive ?? 'C'}:\\${rest.join('\\')}`;
}

function writeIni(root: string, dirParts: string[], ini: IniDefinition): IniFileFacts {
  const dir = join(root, ...dirParts);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'ServiceProvider.ini');
  writeFileSync(path, renderIni(ini), 'latin1');
  return {
    path,
    windowsPath: windowsPath([...dirParts, 'ServiceProvider.ini']),
    section: ini.section,
    entries: Object.fromEntries(ini.entries),
    spacesAroundEquals: ini.spacesAroundEquals,
  };
}
