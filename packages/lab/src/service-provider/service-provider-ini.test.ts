import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioById } from '../scenarios/scenarios.ts';
import { renderIni, writeServiceProviderInis } from './service-provider-ini.ts';

describe('Service-Provider INI pair', () => {
  it('renders the seed 004 installation INI with CRLF', () => {
    const text = renderIni(scenarioById('ready').serviceProvider.installationIni);
    expect(text).toBe(
      [
        '[Install]',
        'Installed=1',
        'UniqueIdentifizier=8330F1B9-514D-409F-B4E3-80ADE4076DA0',
        'TCPPort=23174',
        'PVSTName=X.CONCEPT',
        'PVSDDataPath=C:\\DCONCEPT\\DEDATA',
        'Kundennummer=123456',
        '',
      ].join('\r\n'),
    );
  });

  it('writes both files at the mirrored Windows paths', () => {
    const root = mkdtempSync(join(tmpdir(), 'lab-sp-'));
    const facts = writeServiceProviderInis(root, scenarioById('typical-problems').serviceProvider);
    expect(facts.installationIni.windowsPath).toBe(
      'C:\\Program Files (x86)\\medatixx GmbH & Co. KG\\ServiceProvider_8330F1B9-514D-409F-B4E3-80ADE4076DA0\\ServiceProvider.ini',
    );
    expect(readFileSync(facts.installationIni.path, 'latin1')).toContain('Installed=0\r\n');
    expect(facts.pvsIni?.windowsPath).toBe('C:\\DCONCEPT\\DEDATA\\ServiceProvider.ini');
    expect(readFileSync(facts.pvsIni!.path, 'latin1')).toBe(
      '[INSTALL]\r\nHostname=PRAXIS-SRV01\r\nUniqueIdentifizier=8330F1B9-514D-409F-B4E3-80ADE4076DA0\r\nInstalled=1\r\nTCPPort=23174\r\n',
    );
  });

  it('writes the broken data-dir INI with spaces and another identifier, without Kundennummer', () => {
    const root = mkdtempSync(join(tmpdir(), 'lab-sp-'));
    const facts = writeServiceProviderInis(root, scenarioById('broken').serviceProvider);
    const pvs = readFileSync(facts.pvsIni!.path, 'latin1');
    expect(pvs).toContain('UniqueIdentifizier = 51EC3B21-1884-424E-A9F0-A417B5160505\r\n');
    expect(facts.installationIni.entries.Kundennummer).toBeUndefined();
  });
});
