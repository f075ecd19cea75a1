import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProbe } from '../run/run-probe.ts';
import { iniValue } from './service-provider.ts';
import { resolveWindowsPath, splitWindowsPath } from './windows-paths.ts';

/** A Windows drive tree in a temp dir, as `--windows-root` sees it (the seed 004 x.concept example). */
function practiceTree(pvsIni: string | null): string {
  const root = mkdtempSync(join(tmpdir(), 'probe-sp-'));
  const install = join(
    root,
    'C',
    'Program Files (x86)',
    'medatixx GmbH & Co. KG',
    'ServiceProvider_8330F1B9-514D-409F-B4E3-80ADE4076DA0',
  );
  mkdirSync(install, { recursive: true });
  writeFileSync(
    join(install, 'ServiceProvider.ini'),
    '[Install]\r\nInstalled=1\r\nTCPPort=23174\r\nPVSDDataPath=C:\\DCONCEPT\\DEDATA\r\n',
    'latin1',
  );
  mkdirSync(join(root, 'C', 'DConcept', 'DeData'), { recursive: true });
  if (pvsIni !== null) {
    writeFileSync(join(root, 'C', 'DConcept', 'DeData', 'ServiceProvider.ini'), pvsIni, 'latin1');
  }
  return root;
}

describe('Service-Provider collector (with --windows-root)', () => {
  it('finds both INI files case-insensitively, follows PVSDDataPath and checks the data path', async () => {
    const root = practiceTree('[INSTALL]\r\nHostname = PRAXIS-SRV01\r\nTCPPort = 23174\r\n');
    const { facts } = await runProbe({
      policy: 'loopback',
      windowsRoot: root,
      only: ['pvs.service-provider'],
    });
    const sp = facts.serviceProvider;
    expect(sp?.installIni?.path).toBe(
      'C:\\Program Files (x86)\\medatixx GmbH & Co. KG\\ServiceProvider_8330F1B9-514D-409F-B4E3-80ADE4076DA0\\ServiceProvider.ini',
    );
    expect(sp?.dataIni).toMatchObject({ found: true, path: 'C:\\DConcept\\DeData\\ServiceProvider.ini' });
    expect(sp).toMatchObject({ host: 'PRAXIS-SRV01', port: 23174, dataPathExists: true });
    // The host name is not resolvable in loopback mode without --host: reachability stays unknown.
    expect(sp?.reachable).toBeUndefined();
  });

  it('reports a missing PVS-ServiceProvider.ini as not found', async () => {
    const { facts, runs } = await runProbe({
      policy: 'loopback',
      windowsRoot: practiceTree(null),
      only: ['pvs.service-provider'],
    });
    expect(facts.serviceProvider?.dataIni?.found).toBe(false);
    expect(runs.find((r) => r.id === 'pvs.service-provider')?.message).toContain('Installations-INI');
  });

  it('is not applicable on Linux without --windows-root', async () => {
    const { runs } = await runProbe({ policy: 'loopback', only: ['pvs'] }, { platform: 'linux' });
    expect(runs.filter((r) => r.id.startsWith('pvs.')).map((r) => r.status)).toEqual([
      'not_applicable',
      'not_applicable',
    ]);
  });

  it('helpers: INI values with spaces, Windows path splitting, glob segments', async () => {
    expect(iniValue('[A]\r\nHostname = SRV\r\n', 'hostname')).toBe('SRV');
    expect(iniValue('x=1', 'y')).toBeUndefined();
    expect(splitWindowsPath('c:\\a\\b')).toEqual({ drive: 'C', segments: ['a', 'b'] });
    expect(splitWindowsPath('relative')).toBeNull();
    const root = practiceTree(null);
    expect(
      await resolveWindowsPath(
        'C:\\PROGRAM FILES (X86)\\medatixx GmbH & Co. KG\\ServiceProvider_*',
        'linux',
        root,
      ),
    ).toHaveLength(1);
    expect(await resolveWindowsPath('D:\\x', 'linux', root)).toEqual([]);
  });
});
