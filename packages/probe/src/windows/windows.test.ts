// Fixtures: hand-written in the documented ConvertTo-Json shape of each query, NOT recorded on a real machine;
// see src/__fixtures__/windows/README.md for the Microsoft documentation each one follows. Outputs recorded on real
// machines are tested in recorded.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWindowsHardware, linkSpeedMbit, mediaTypeKind } from './hardware.ts';
import { parseWindowsCaption, parseWindowsOs } from './os.ts';
import {
  decodeProductState,
  parseWindowsAntivirus,
  parseWindowsBitlocker,
  parseWindowsFirewall,
  parseWindowsUpdates,
} from './security.ts';
import { dotnetVersionOfRelease, parseWindowsSoftware, wordVersionOf } from './software.ts';
import { parseWindowsPvs, sqlMarketingVersion } from './pvs.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../__fixtures__/windows/${name}`, import.meta.url), 'utf8'));

describe('Windows OS', () => {
  it('reads a Windows 11 Pro workstation in a workgroup (Version says 10.0, the build says 11)', () => {
    expect(parseWindowsOs(fixture('os-win11-pro.json'))).toEqual({
      computerName: 'EMPFANG-01',
      domainOrWorkgroup: 'PRAXIS',
      role: 'workstation',
      os: {
        family: 'windows',
        name: 'Microsoft Windows 11 Pro',
        edition: 'Pro',
        version: '11',
        build: '22631.4460',
        arch: 'x64',
      },
      ramGb: 15.9,
    });
  });

  it('reads a domain member server', () => {
    const s = parseWindowsOs(fixture('os-server2019-domain.json'));
    expect(s.role).toBe('server');
    expect(s.domainOrWorkgroup).toBe('praxis.local');
    expect(s.os).toMatchObject({ version: '2019', edition: 'Standard', build: '17763.5936' });
  });

  it.each([
    ['Microsoft Windows 10 Home', '10', 'Home'],
    ['Microsoft Windows 11 Pro for Workstations', '11', 'Pro for Workstations'],
    ['Microsoft Windows Server 2012 R2 Essentials', '2012 R2', 'Essentials'],
    ['Microsoft Windows Server 2022 Datacenter', '2022', 'Datacenter'],
  ])('caption %s → %s %s', (caption, version, edition) => {
    expect(parseWindowsCaption(caption)).toMatchObject({ version, edition });
  });

  it('survives garbage', () => {
    expect(parseWindowsOs(null).os?.family).toBe('windows');
    expect(parseWindowsOs('x').computerName).toBeUndefined();
  });
});

describe('Windows hardware', () => {
  it('maps logical disks to the media type of their physical disk', () => {
    expect(parseWindowsHardware(fixture('hardware-workstation.json'))).toEqual({
      cpu: { model: 'Intel(R) Core(TM) i5-10500 CPU @ 3.10GHz', clockGhz: 3.1, cores: 6 },
      disks: [
        { mount: 'C:', sizeGb: 475.7, freeGb: 320, kind: 'ssd' },
        { mount: 'D:', sizeGb: 931.5, freeGb: 698.6, kind: 'hdd' },
      ],
      display: { width: 1920, height: 1080 },
      nicSpeedMbit: 1000,
    });
  });

  it('decodes media types and link speeds in number and text form', () => {
    expect([mediaTypeKind(4), mediaTypeKind('SSD'), mediaTypeKind(3), mediaTypeKind(0)]).toEqual([
      'ssd',
      'ssd',
      'hdd',
      'unknown',
    ]);
    expect([
      linkSpeedMbit('100 Mbps'),
      linkSpeedMbit('2,5 Gbps'),
      linkSpeedMbit(1e9),
      linkSpeedMbit('?'),
    ]).toEqual([100, 2500, 1000, undefined]);
  });
});

describe('Windows software', () => {
  it('finds .NET 4.8.1, Microsoft 365 x64, Veeam and x.concept (Service-Provider is not a PVS)', () => {
    const { apps, facts } = parseWindowsSoftware(fixture('software-c2r.json'));
    expect(apps).toHaveLength(5); // duplicate Veeam entry from both Uninstall keys removed
    expect(facts).toEqual({
      dotnetVersions: ['4.8.1'],
      office: { product: 'O365BusinessRetail', wordVersion: '365', bitness: 64 },
      backupSoftware: ['Veeam'],
      pvsInstalled: [{ product: 'x.concept', version: '24.2.0.1' }],
    });
  });

  it('reads MSI Office 2016 32-bit from the WOW6432Node path and .NET 3.5 + 4.8', () => {
    const { facts } = parseWindowsSoftware(fixture('software-msi-office.json'));
    expect(facts.office).toEqual({
      product: 'Microsoft Office Professional Plus 2016',
      wordVersion: '2016',
      bitness: 32,
    });
    expect(facts.dotnetVersions).toEqual(['3.5', '4.8']);
    expect(facts.backupSoftware).toEqual(['Acronis']);
  });

  it('maps documented .NET Release values and Office release ids', () => {
    expect(dotnetVersionOfRelease(461814)).toBe('4.7.2');
    expect(dotnetVersionOfRelease(378389)).toBe('4.5');
    expect(dotnetVersionOfRelease(1000)).toBeUndefined();
    expect(wordVersionOf('ProPlus2021Volume')).toBe('2021');
    expect(wordVersionOf('Standard', '15.0.1')).toBe('2013');
  });
});

describe('Windows security', () => {
  it('decodes productState', () => {
    expect(decodeProductState(397568)).toEqual({ enabled: true, upToDate: true });
    expect(decodeProductState(393472)).toEqual({ enabled: false, upToDate: true });
    expect(decodeProductState(266256)).toEqual({ enabled: true, upToDate: false });
  });

  it('lists AV products with their state', () => {
    expect(parseWindowsAntivirus(fixture('antivirus.json'))).toEqual([
      { product: 'Windows Defender', enabled: false, upToDate: true, kind: 'av' },
      { product: 'G DATA Security Client', enabled: true, upToDate: false, kind: 'av' },
    ]);
    expect(parseWindowsAntivirus({ av: [], sense: { Name: 'Sense', Status: 4 } })).toEqual([
      { product: 'Microsoft Defender for Endpoint', enabled: true, kind: 'edr' },
    ]);
  });

  it('firewall is on only when every profile is on', () => {
    const fw = parseWindowsFirewall(fixture('firewall-mixed.json'));
    expect(fw.enabled).toBe(false);
    expect(fw.profiles.map((p) => p.enabled)).toEqual([true, true, false]);
    expect(parseWindowsFirewall([{ Name: 'Domain', Enabled: true }]).enabled).toBe(true);
    expect(parseWindowsFirewall(null).enabled).toBe(false);
  });

  it('BitLocker: OS volume on, data volume off → partial; removable ignored', () => {
    expect(parseWindowsBitlocker(fixture('bitlocker-partial.json'))).toBe('partial');
    expect(parseWindowsBitlocker([{ VolumeType: 0, ProtectionStatus: 1 }])).toBe('on');
    expect(parseWindowsBitlocker([{ VolumeType: 0, ProtectionStatus: 0 }])).toBe('off');
    expect(parseWindowsBitlocker([])).toBe('unsupported');
  });

  it('updates: newest hotfix date and pending count', () => {
    expect(parseWindowsUpdates(fixture('updates.json'))).toEqual({
      lastUpdateInstalled: '2026-11-15',
      pendingUpdates: 3,
      rebootRequired: true,
    });
  });
});

describe('Windows PVS services and SQL Server', () => {
  it('reads services, the SQL instance and the Azure extension', () => {
    const pvs = parseWindowsPvs(fixture('pvs-server.json'));
    expect(pvs.services).toEqual([
      {
        name: 'DeService',
        running: true,
        path: 'C:\\Program Files (x86)\\docexpert\\deservice\\DeService.exe',
      },
      {
        name: 'ServiceProvider_8330F1B9-514D-409F-B4E3-80ADE4076DA0',
        running: false,
        path: 'C:\\Program Files (x86)\\medatixx GmbH & Co. KG\\ServiceProvider_8330F1B9-514D-409F-B4E3-80ADE4076DA0\\ServiceProvider.exe',
      },
      {
        name: 'MSSQL$DCONCEPT',
        running: true,
        path: 'C:\\Program Files\\Microsoft SQL Server\\MSSQL16.DCONCEPT\\MSSQL\\Binn\\sqlservr.exe',
      },
    ]);
    expect(pvs.sqlServer).toEqual({
      instance: 'DCONCEPT',
      version: '2022',
      edition: 'Express Edition (64-bit)',
      azureExtensionEnabled: true,
    });
  });

  it('maps SQL Server builds to marketing versions', () => {
    expect(sqlMarketingVersion('15.0.2000.5')).toBe('2019');
    expect(sqlMarketingVersion('12.0.6024.0')).toBe('2014');
    expect(sqlMarketingVersion('junk')).toBeUndefined();
  });
});
