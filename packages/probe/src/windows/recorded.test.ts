// Parsers against outputs RECORDED on real Windows machines (not written by hand). Sources, machines and every
// change are listed in src/__fixtures__/windows/README.md; in short:
//
// - firewall-recorded-ws2022.json: `Get-NetFirewallProfile | ConvertTo-Json` on a live Windows Server 2022 host
//   (host name "WIN-SRV2022" already synthetic in the source), unchanged. mondoohq/cnquery,
//   https://github.com/mondoohq/cnquery/blob/63a147fab66110ca3e9450c4d42781951fcf6ef0/providers/os/resources/windows/testdata/firewall-profiles-2022.json
// - antivirus-recorded-win10-desktop.json: `Get-CimInstance -Namespace root/SecurityCenter2 -Classname
//   AntiVirusProduct` inside a ConvertTo-Json envelope on a Windows 10 desktop (April 2022); host name replaced.
//   https://github.com/mondoohq/cnquery/blob/f2644a0928596e50eb7721e859b464165a4d9cf7/providers/os/resources/windows/testdata/security_products_antivirus.json
// - bitlocker-recorded-win-vm.json: `Get-BitLockerVolume | ConvertTo-Json` on a VM named "WIN-VM" (given as sample
//   output in fleetdm/fleet's test); the recovery password is zeroed.
//   https://github.com/fleetdm/fleet/blob/69c2ab5b74907edeca7fef4e6d76c3eec9518351/orbit/pkg/table/bitlocker_key_protectors/bitlocker_key_protectors_test.go
// - software-recorded-uninstall-keys.json: Uninstall keys via `Get-ItemProperty … | Select-Object DisplayName,… |
//   ConvertTo-Json -Compress` on a Windows host with Python, VMware Tools and Mondoo; unchanged.
//   https://github.com/mondoohq/cnquery/blob/f2644a0928596e50eb7721e859b464165a4d9cf7/providers/os/resources/packages/testdata/windows_packages.json
// - os-recorded-ws2019-wmic-os.csv + os-recorded-ws2019-currentversion.json: `wmic os get * /format:csv`
//   (Win32_OperatingSystem) and `Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' | ConvertTo-Json`
//   on a Windows Server 2019 Datacenter Evaluation Vagrant VM; unchanged (TOML string escapes resolved).
//   https://github.com/mondoohq/cnquery/blob/f2644a0928596e50eb7721e859b464165a4d9cf7/providers/os/detector/testdata/detect-windows2019.toml
// - computerinfo-recorded-ws2022-ec2.json: excerpt of `Get-ComputerInfo | ConvertTo-Json` on a live Windows Server
//   2022 EC2 t3.large (host name synthetic in the source); only unused properties left out, values unchanged.
//   https://github.com/mondoohq/cnquery/blob/7be3cb3371965c5dedc5a5c1d52f5ba994f00196/providers/os/resources/windows/testdata/computer-info-2022.json
// - nic-recorded-hyperv-netadapter.json: `Get-NetAdapter | Select-Object … LinkSpeed, ReceiveLinkSpeed … |
//   ConvertTo-Json` in a Hyper-V guest (Windows Server 2019); unchanged.
//   https://github.com/mondoohq/cnquery/blob/f2644a0928596e50eb7721e859b464165a4d9cf7/providers/os/resources/networkinterface/testdata/windows.toml
// - network-recorded-vpn-up-wmic.txt, physicaldisk-recorded-latitude7480-wmic.txt, physicaldisk-recorded-vbox-wmic.txt,
//   video-recorded-intel-nvidia-wmic.txt: `wmic path <class> get /format:list` dumps of Win32_NetworkAdapterConfiguration
//   (laptop on Wi-Fi with a Fortinet SSL VPN up), MSFT_PhysicalDisk (Dell Latitude 7480 NVMe; VirtualBox disk of a
//   French Windows 10 Education VM) and Win32_VideoController (Intel HD 4600 + GeForce GTX 950, with an RDP adapter),
//   "anonymized real datas" in glpi-project/glpi-agent; re-encoded UTF-16LE/CRLF → UTF-8/LF, serials and an owner's
//   name in the disk ObjectId masked. https://github.com/glpi-project/glpi-agent/tree/77f7cdda24aa6d14ba8800f6bb71a18b98f4526d/resources/win32/wmi
// - logicaldisk-recorded-ws2008-wmic.txt: `wmic path Win32_LogicalDisk get /format:list` on a Windows Server 2008
//   Enterprise VMware VM with two local and three network drives (fusioninventory/fusioninventory-agent
//   resources/win32/wmi/2008-Enterprise-Win32_LogicalDisk.wmi); re-encoded, host name and volume serials masked.
//   https://github.com/fusioninventory/fusioninventory-agent/blob/b839fd5d82774564432d4fe35aab6f05947507f9/resources/win32/wmi/2008-Enterprise-Win32_LogicalDisk.wmi
// - sql-instances-recorded-glpi.reg: `HKLM\SOFTWARE\Microsoft\Microsoft SQL Server\Instance Names\SQL` exported by
//   regedit on a server with two instances (glpi-agent resources/win32/registry/mssql-SQL.reg, same commit), re-encoded.
// - sql-setup-recorded-glpi-mssql10_50.reg, sql-setup-recorded-glpi-mssql11.reg: the `<InstanceId>\Setup` keys of the
//   same two instances (glpi-agent mssql-Setup.reg, mssql_engine-Setup.reg); re-encoded, product id masked.
// - dotnet-recorded-rjcp-*.txt: what jcurl/RJCP.DLL.Environment's NetVersion tool printed on Windows 7, 8.1 RT,
//   10 22H2, 11 21H2/22H2 and Server 2019 (the `Release` it read from NDP\v4\Full); re-encoded UTF-16 → UTF-8.
//   dotnet-recorded-rjcp-winxp-*.reg: excerpts (NDP\v3.5, NDP\v4\Full) of two regedit exports of Windows XP there.
//   https://github.com/jcurl/RJCP.DLL.Environment/tree/b3d2b3a9bcd350771acc8d981d4537a5aa150e9e/doc/NetVersion
// - updates-pending-recorded-ws2019.json: Microsoft.Update.Session searcher results (`IsInstalled=0 and
//   Type='Software'`) as ConvertTo-Json on a Windows Server 2019 in March 2020; rebootrequired-recorded-ws2019-testpath.txt:
//   `Test-Path '…\WindowsUpdate\Auto Update\RebootRequired'`; services-recorded-ws2019-getservice.json:
//   `Get-Service | Select-Object Status, Name, DisplayName, StartType | ConvertTo-Json`; all mondoohq/cnquery, unchanged.
//   https://github.com/mondoohq/cnquery/tree/f2644a0928596e50eb7721e859b464165a4d9cf7/providers/os/resources
// - qfe-recorded-xp-wmic.txt: `wmic path Win32_QuickFixEngineering get /format:list` on a Windows XP PC (glpi-agent
//   resources/win32/wmi/xp-Win32_QuickFixEngineering.wmi, same commit as above); re-encoded, host name masked.
//
// Where a recording's shape differs from what our script prints, the helpers below rebuild our envelope from the
// recorded values (renames and format conversions only, said at each helper); expected values are read off the recordings.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linkSpeedMbit, mediaTypeKind, parseWindowsHardware } from './hardware.ts';
import { parseWindowsNetwork } from './network.ts';
import { parseWindowsPvs } from './pvs.ts';
import { parseWindowsOs, windowsDisplayVersion } from './os.ts';
import {
  parseWindowsAntivirus,
  parseWindowsBitlocker,
  parseWindowsFirewall,
  parseWindowsUpdates,
} from './security.ts';
import { parseWindowsSoftware } from './software.ts';

const text = (name: string): string =>
  readFileSync(new URL(`../__fixtures__/windows/${name}`, import.meta.url), 'utf8');
const recorded = (name: string): Record<string, unknown> => JSON.parse(text(name)) as Record<string, unknown>;
const recordedList = (name: string): Record<string, unknown>[] =>
  JSON.parse(text(name)) as Record<string, unknown>[];

/** `wmic … /format:csv` prints a header line and one line per instance; the recorded values hold no commas. */
function wmicCsv(csv: string): Record<string, string>[] {
  const [header, ...rows] = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const keys = (header ?? '').split(',');
  return rows.map((row) => {
    const values = row.split(',');
    expect(values).toHaveLength(keys.length);
    return Object.fromEntries(keys.map((k, i) => [k, values[i] ?? '']));
  });
}

/**
 * `wmic … get /format:list`: `Key=Value` lines, one block per instance. Converted to what ConvertTo-Json prints for
 * the same CIM instance: empty → null, TRUE/FALSE → booleans, `{"a","b"}` → string arrays; other values stay text.
 */
function wmicList(list: string): Record<string, unknown>[] {
  return list
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').filter((l) => l.includes('=')))
    .filter((lines) => lines.length > 0)
    .map((lines) =>
      Object.fromEntries(
        lines.map((line) => {
          const at = line.indexOf('=');
          const value = line.slice(at + 1);
          const array = /^\{(.*)\}$/.exec(value);
          const parsed: unknown =
            value === ''
              ? null
              : value === 'TRUE' || value === 'FALSE'
                ? value === 'TRUE'
                : array
                  ? (array[1] ?? '').split(',').map((v) => v.replace(/^"|"$/g, ''))
                  : value;
          return [line.slice(0, at), parsed];
        }),
      ),
    );
}

const pick = (o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(keys.map((k) => [k, o[k] ?? null]));

// The properties WINDOWS_OS_SCRIPT selects from each source.
const OS_KEYS = [
  'Caption',
  'Version',
  'BuildNumber',
  'OSArchitecture',
  'CSName',
  'ProductType',
  'TotalVisibleMemorySize',
];
const NT_KEYS = ['DisplayVersion', 'EditionID', 'UBR', 'CurrentBuild', 'InstallationType'];

describe('recorded: Get-NetFirewallProfile (Windows Server 2022, live host)', () => {
  it('reads all three profiles as enabled (recorded Enabled = 1 each)', () => {
    const fw = parseWindowsFirewall(recordedList('firewall-recorded-ws2022.json'));
    expect(fw).toEqual({
      enabled: true,
      profiles: [
        { name: 'Domain', enabled: true },
        { name: 'Private', enabled: true },
        { name: 'Public', enabled: true },
      ],
    });
  });

  it('one recorded profile switched off (Enabled 1 → 0) turns the whole result off', () => {
    const profiles = recordedList('firewall-recorded-ws2022.json');
    const publicOff = profiles.map((p) => (p.Name === 'Public' ? { ...p, Enabled: 0 } : p));
    expect(parseWindowsFirewall(publicOff).enabled).toBe(false);
  });
});

describe('recorded: SecurityCenter2 AntiVirusProduct (Windows 10 desktop)', () => {
  // Recorded envelope is { firewall, antiVirus, antiSpyware }; ours is { av, sense }. Sense was not queried there.
  const raw = recorded('antivirus-recorded-win10-desktop.json');

  it('Windows Defender with productState 397568 (0x061100): real-time on, signatures current', () => {
    expect(parseWindowsAntivirus({ av: raw.antiVirus, sense: null })).toEqual([
      { product: 'Windows Defender', enabled: true, upToDate: true, kind: 'av' },
    ]);
  });
});

describe('recorded: Get-BitLockerVolume (VM "WIN-VM")', () => {
  const volumes = recordedList('bitlocker-recorded-win-vm.json');

  it('OS volume C: protected, fixed data volume E: not protected → partial', () => {
    expect(volumes.map((v) => [v.MountPoint, v.VolumeType, v.ProtectionStatus])).toEqual([
      ['C:', 0, 1],
      ['E:', 1, 0],
    ]);
    expect(parseWindowsBitlocker(volumes)).toBe('partial');
  });

  it('the recorded OS volume alone is on, the data volume alone is off', () => {
    expect(parseWindowsBitlocker(volumes.slice(0, 1))).toBe('on');
    expect(parseWindowsBitlocker(volumes.slice(1))).toBe('off');
  });
});

describe('recorded: Uninstall keys (Windows host with Python 3.10.4, VMware Tools, Mondoo)', () => {
  // Recorded as the bare ConvertTo-Json list of the Uninstall entries; ours wraps it as { apps, ndp, … }.
  const { apps, facts } = parseWindowsSoftware({
    apps: recordedList('software-recorded-uninstall-keys.json'),
    ndp: null,
    ndp35: null,
    c2r: null,
    msi: [],
  });

  it('keeps the 20 named entries and drops the 4 without DisplayName', () => {
    expect(apps).toHaveLength(20);
    expect(apps.find((a) => a.name === 'Mondoo')).toEqual({
      name: 'Mondoo',
      version: '7.4.0',
      publisher: 'Mondoo, Inc.',
    });
    // Recorded with Publisher null.
    expect(apps.find((a) => a.name === 'Microsoft Edge Update')).toEqual({
      name: 'Microsoft Edge Update',
      version: '1.3.171.37',
    });
    expect(apps.filter((a) => a.name.startsWith('Python 3.10.4'))).toHaveLength(10);
  });

  it('finds no backup software, no PVS and no Office on that host', () => {
    expect(facts).toEqual({ backupSoftware: [], pvsInstalled: [] });
  });
});

describe('recorded: Win32_OperatingSystem + CurrentVersion (Windows Server 2019 Vagrant VM)', () => {
  // wmic prints every value as text; only the columns our Select-Object keeps are passed on. No Win32_ComputerSystem
  // was recorded, so `cs` is empty and the parser falls back to CSName and TotalVisibleMemorySize.
  const [os] = wmicCsv(text('os-recorded-ws2019-wmic-os.csv'));
  const nt = recorded('os-recorded-ws2019-currentversion.json');

  it('reads server role, Datacenter edition, build with UBR, architecture and RAM', () => {
    expect(os?.Caption).toBe('Microsoft Windows Server 2019 Datacenter Evaluation');
    const raw = { os: pick(os ?? {}, OS_KEYS), cs: null, nt: pick(nt, NT_KEYS) };
    expect(parseWindowsOs(raw)).toEqual({
      computerName: 'VAGRANT',
      role: 'server',
      os: {
        family: 'windows',
        name: 'Microsoft Windows Server 2019 Datacenter Evaluation',
        edition: 'Datacenter',
        version: '2019',
        build: '17763.6414',
        arch: 'x64',
      },
      ramGb: 2, // TotalVisibleMemorySize 2096692 KiB
    });
    expect(windowsDisplayVersion(raw)).toBeUndefined(); // DisplayVersion recorded as null on Server 2019
  });
});

describe('recorded: Get-ComputerInfo (Windows Server 2022, EC2 t3.large, live host)', () => {
  const ci = recorded('computerinfo-recorded-ws2022-ec2.json');

  it('OS facts from the Os*/Cs*/Windows* properties (renamed to the Win32_* names our script selects)', () => {
    const raw = {
      os: {
        Caption: ci.OsName,
        Version: ci.OsVersion,
        BuildNumber: ci.OsBuildNumber,
        OSArchitecture: ci.OsArchitecture,
        CSName: ci.CsName,
        ProductType: ci.OsProductType,
        TotalVisibleMemorySize: ci.OsTotalVisibleMemorySize,
      },
      cs: {
        Name: ci.CsName,
        Domain: ci.CsDomain,
        PartOfDomain: ci.CsPartOfDomain,
        Workgroup: ci.CsWorkgroup,
        TotalPhysicalMemory: ci.CsTotalPhysicalMemory,
        PCSystemType: ci.CsPCSystemType,
      },
      // Get-ComputerInfo has no UBR; the others come from the same CurrentVersion key.
      nt: {
        DisplayVersion: ci.OSDisplayVersion,
        EditionID: ci.WindowsEditionId,
        UBR: null,
        CurrentBuild: ci.OsBuildNumber,
        InstallationType: ci.WindowsInstallationType,
      },
    };
    expect(parseWindowsOs(raw)).toEqual({
      computerName: 'WIN-FIXTURE05',
      domainOrWorkgroup: 'WORKGROUP',
      role: 'server',
      os: {
        family: 'windows',
        name: 'Microsoft Windows Server 2022 Datacenter',
        edition: 'Datacenter',
        version: '2022',
        build: '20348',
        arch: 'x64',
      },
      ramGb: 7.9, // CsTotalPhysicalMemory 8482484224 bytes
    });
    expect(windowsDisplayVersion(raw)).toBe('21H2');
  });

  it('CPU from CsProcessors (the Win32_Processor values)', () => {
    const cpu = (ci.CsProcessors as Record<string, unknown>[]).map((p) =>
      pick(p, ['Name', 'MaxClockSpeed', 'NumberOfCores', 'NumberOfLogicalProcessors']),
    );
    expect(parseWindowsHardware({ cpu, logicalDisks: null, physical: [], video: null, nics: null })).toEqual({
      cpu: { model: 'Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz', clockGhz: 2.5, cores: 1 },
    });
  });

  it('last update date from OsHotFixes (Win32_QuickFixEngineering), once InstalledOn is ISO as our script prints it', () => {
    const hotfixes = ci.OsHotFixes as Record<string, unknown>[];
    // Recorded as en-US M/d/yyyy; WINDOWS_UPDATES_SCRIPT formats the same date as yyyy-MM-dd.
    const iso = (d: unknown) => {
      const [m, day, y] = String(d).split('/');
      return `${y}-${(m ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
    };
    const qfe = hotfixes.map((h) => ({ HotFixID: h.HotFixID, InstalledOn: iso(h.InstalledOn) }));
    expect(qfe.map((q) => q.InstalledOn)).toEqual([
      '2026-08-12',
      '2022-08-10',
      '2026-08-12',
      '2026-08-12',
      '2026-07-15',
    ]);
    expect(parseWindowsUpdates({ qfe, pending: null, rebootRequired: false })).toEqual({
      lastUpdateInstalled: '2026-08-12',
      rebootRequired: false,
    });
    // The locale-formatted text itself is not taken for a date (hence the formatting in the script).
    expect(parseWindowsUpdates({ qfe: hotfixes }).lastUpdateInstalled).toBeUndefined();
  });
});

describe('recorded: Get-NetAdapter (Hyper-V guest, Windows Server 2019)', () => {
  // Recorded as a single bare object (one adapter); ConvertTo-Json prints it that way in our script too.
  const nic = recorded('nic-recorded-hyperv-netadapter.json');

  it('reads the link speed the adapter reported: 866.5 Mbps', () => {
    expect([nic.LinkSpeed, nic.ReceiveLinkSpeed]).toEqual(['866.5 Mbps', 866500000]);
    expect(linkSpeedMbit(nic.LinkSpeed)).toBe(866.5);
    expect(
      parseWindowsHardware({
        cpu: null,
        logicalDisks: null,
        physical: [],
        video: null,
        nics: pick(nic, ['Name', 'LinkSpeed', 'ReceiveLinkSpeed']),
      }),
    ).toEqual({ nicSpeedMbit: 866.5 });
  });
});

describe('recorded: Win32_NetworkAdapterConfiguration (laptop, Wi-Fi + Fortinet SSL VPN up)', () => {
  // Our WQL filter IPEnabled=True, applied to the recorded instances: the Wi-Fi and the VPN adapter remain.
  const adapters = wmicList(text('network-recorded-vpn-up-wmic.txt')).filter((a) => a.IPEnabled === true);

  it('the Wi-Fi adapter with the gateway is the main one; DNS and DHCP server from it, the VPN listed too', () => {
    expect(adapters.map((a) => a.Description)).toEqual([
      'Intel(R) Wi-Fi 6 AX201 160MHz',
      'Fortinet SSL VPN Virtual Ethernet Adapter',
    ]);
    const raw = adapters.map((a) =>
      pick(a, [
        'Description',
        'IPAddress',
        'DefaultIPGateway',
        'DNSServerSearchOrder',
        'DHCPEnabled',
        'DHCPServer',
        'MACAddress',
      ]),
    );
    expect(parseWindowsNetwork(raw)).toEqual({
      interfaces: [
        {
          name: 'Intel(R) Wi-Fi 6 AX201 160MHz',
          addresses: ['192.168.0.254', 'fe80::3a27:1bd1:1148:0d87'],
          mac: '45:00:00:00:FF:14',
          dhcp: true,
        },
        {
          name: 'Fortinet SSL VPN Virtual Ethernet Adapter',
          addresses: ['10.177.0.17', 'fe80::485a:6ef8:5cc4:45e1'],
          mac: '00:00:A0:00:00:01',
          dhcp: false,
        },
      ],
      gateway: '192.168.0.102',
      dnsServers: ['127.0.0.1'],
      dhcpServer: '192.168.0.102',
    });
  });
});

describe('recorded: MSFT_PhysicalDisk MediaType', () => {
  it('Dell Latitude 7480 NVMe (MediaType 4, BusType 17) is an SSD', () => {
    const [disk] = wmicList(text('physicaldisk-recorded-latitude7480-wmic.txt'));
    expect([disk?.FriendlyName, disk?.MediaType, disk?.BusType]).toEqual([
      'PC300 NVMe SK hynix 512GB',
      '4',
      '17',
    ]);
    expect(mediaTypeKind(disk?.MediaType)).toBe('ssd');
  });

  it('a VirtualBox disk reports MediaType 0 (unspecified) and stays unknown', () => {
    const [disk] = wmicList(text('physicaldisk-recorded-vbox-wmic.txt'));
    expect([disk?.FriendlyName, disk?.MediaType]).toEqual(['VBOX HARDDISK', '0']);
    expect(mediaTypeKind(disk?.MediaType)).toBe('unknown');
  });
});

describe('recorded: Win32_VideoController (Intel HD 4600 + GeForce GTX 950, RDP adapter listed first)', () => {
  const video = wmicList(text('video-recorded-intel-nvidia-wmic.txt')).map((v) =>
    pick(v, ['Name', 'CurrentHorizontalResolution', 'CurrentVerticalResolution']),
  );

  it('reports the local displays (1920×1200), not the Remote Display Adapter (1920×1080)', () => {
    expect(video.map((v) => [v.Name, v.CurrentHorizontalResolution, v.CurrentVerticalResolution])).toEqual([
      ['Microsoft Remote Display Adapter', '1920', '1080'],
      ['Intel(R) HD Graphics 4600', '1920', '1200'],
      ['NVIDIA GeForce GTX 950', '1920', '1200'],
    ]);
    expect(parseWindowsHardware({ cpu: null, logicalDisks: null, physical: [], video, nics: null })).toEqual({
      display: { width: 1920, height: 1200 },
    });
    // Only the remote adapter left (a PC without local driver output): its resolution is still reported.
    expect(
      parseWindowsHardware({
        cpu: null,
        logicalDisks: null,
        physical: [],
        video: video.slice(0, 1),
        nics: null,
      }),
    ).toEqual({ display: { width: 1920, height: 1080 } });
  });
});

describe('recorded: SQL Server Instance Names key (regedit export, two instances)', () => {
  // Our script turns each value of that key into { Instance, Id, Version, Edition, PatchLevel }; here without the
  // `<Id>\Setup` keys (as when they cannot be read), so those stay null. The join with them is tested further below.
  const values = [...text('sql-instances-recorded-glpi.reg').matchAll(/^"([^"]+)"="([^"]+)"$/gm)].map(
    (m) => ({
      Instance: m[1],
      Id: m[2],
      Version: null,
      Edition: null,
      PatchLevel: null,
    }),
  );

  it('lists both instances; the first is the one reported, without a version it cannot name', () => {
    expect(values.map((v) => [v.Instance, v.Id])).toEqual([
      ['QUINTIQSQL', 'MSSQL10_50.QUINTIQSQL'],
      ['SQLEXPRESS', 'MSSQL11.SQLEXPRESS'],
    ]);
    const pvs = parseWindowsPvs({ services: [], sql: values });
    expect(pvs.sqlInstances).toEqual([{ instance: 'QUINTIQSQL' }, { instance: 'SQLEXPRESS' }]);
    expect(pvs.sqlServer).toEqual({ instance: 'QUINTIQSQL' });
    expect(pvs.services).toEqual([]);
  });
});

describe('recorded: Win32_LogicalDisk (Windows Server 2008 Enterprise VM, local and network drives)', () => {
  // Our query filters DriveType=3 (local fixed disks); applied to the recorded instances, C: and D: remain.
  const fixed = wmicList(text('logicaldisk-recorded-ws2008-wmic.txt'))
    .filter((d) => d.DriveType === '3')
    .map((d) => pick(d, ['DeviceID', 'Size', 'FreeSpace']));

  it('reports size and free space in GiB; without a physical-disk record the kind stays unknown', () => {
    expect(fixed).toEqual([
      { DeviceID: 'C:', Size: '42949668864', FreeSpace: '21440266240' },
      { DeviceID: 'D:', Size: '10735316992', FreeSpace: '10506776576' },
    ]);
    expect(
      parseWindowsHardware({ cpu: null, logicalDisks: fixed, physical: [], video: null, nics: null }),
    ).toEqual({
      disks: [
        { mount: 'C:', sizeGb: 40, freeGb: 20, kind: 'unknown' },
        { mount: 'D:', sizeGb: 10, freeGb: 9.8, kind: 'unknown' },
      ],
    });
  });
});

/**
 * A regedit export (`Windows Registry Editor Version 5.00`) as key path → values, the way `Get-ItemProperty` hands
 * them to ConvertTo-Json: REG_SZ as text (regedit's `\\` escapes resolved), REG_DWORD as a number. Other types
 * (hex:…, continued over several lines) are left out; our scripts select none of them.
 */
function regKeys(reg: string): Map<string, Record<string, string | number>> {
  const keys = new Map<string, Record<string, string | number>>();
  let current: Record<string, string | number> | undefined;
  for (const line of reg.split('\n')) {
    const key = /^\[(.+)\]$/.exec(line);
    if (key) {
      current = {};
      keys.set(key[1] ?? '', current);
      continue;
    }
    const sz = /^"([^"]+)"="(.*)"$/.exec(line);
    const dword = /^"([^"]+)"=dword:([0-9a-f]{8})$/.exec(line);
    if (current && sz) {
      current[sz[1] ?? ''] = (sz[2] ?? '').replace(/\\\\/g, '\\');
    } else if (current && dword) {
      current[dword[1] ?? ''] = parseInt(dword[2] ?? '', 16);
    }
  }
  return keys;
}

const SQL_ROOT = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Microsoft SQL Server';

describe('recorded: SQL Server Instance Names + <InstanceId>\\Setup keys (French server, 2008 R2 and 2012 Express)', () => {
  // What WINDOWS_PVS_SCRIPT does on the machine, done on the exports: for each value of `Instance Names\SQL`
  // (name → id), read Version, Edition, PatchLevel from `<id>\Setup`.
  const names =
    regKeys(text('sql-instances-recorded-glpi.reg')).get(`${SQL_ROOT}\\Instance Names\\SQL`) ?? {};
  const setup = new Map([
    ...regKeys(text('sql-setup-recorded-glpi-mssql10_50.reg')),
    ...regKeys(text('sql-setup-recorded-glpi-mssql11.reg')),
  ]);
  const sql = Object.entries(names).map(([instance, id]) => {
    const s = setup.get(`${SQL_ROOT}\\${id}\\Setup`);
    return {
      Instance: instance,
      Id: id,
      Version: s?.Version ?? null,
      Edition: s?.Edition ?? null,
      PatchLevel: s?.PatchLevel ?? null,
    };
  });

  it('reads version, build and edition of both instances; MSSQL10_50 (10.53) is 2008 R2, not 2008', () => {
    expect(sql).toEqual([
      {
        Instance: 'QUINTIQSQL',
        Id: 'MSSQL10_50.QUINTIQSQL',
        Version: '10.53.6000.34',
        Edition: 'Standard Edition',
        PatchLevel: '10.53.6000.34',
      },
      {
        Instance: 'SQLEXPRESS',
        Id: 'MSSQL11.SQLEXPRESS',
        Version: '11.0.2100.60',
        Edition: 'Express Edition',
        PatchLevel: '11.0.2100.60',
      },
    ]);
    const pvs = parseWindowsPvs({ services: [], sql });
    expect(pvs.sqlInstances).toEqual([
      { instance: 'QUINTIQSQL', version: '2008 R2', build: '10.53.6000.34', edition: 'Standard Edition' },
      { instance: 'SQLEXPRESS', version: '2012', build: '11.0.2100.60', edition: 'Express Edition' },
    ]);
    expect(pvs.sqlServer).toEqual({
      instance: 'QUINTIQSQL',
      version: '2008 R2',
      edition: 'Standard Edition',
    });
  });
});

describe('recorded: .NET Framework NDP\\v4\\Full Release (RJCP NetVersion samples, six Windows machines)', () => {
  // The tool printed the `Release` DWORD it read from NDP\v4\Full; WINDOWS_SOFTWARE_SCRIPT selects Release,Version
  // of that key. The tool printed Version parsed (leading zeros dropped), so Version is not passed on.
  const releaseOf = (name: string): number => {
    const m = /^\s*Release: (\d+);/m.exec(text(name));
    expect(m).not.toBeNull();
    return Number(m?.[1]);
  };
  const dotnetOf = (release: number) =>
    parseWindowsSoftware({
      apps: [],
      ndp: { Release: release, Version: null },
      ndp35: null,
      c2r: null,
      msi: [],
    }).facts.dotnetVersions;

  it.each([
    ['dotnet-recorded-rjcp-win-7-sp1.txt', 528049, '4.8'],
    ['dotnet-recorded-rjcp-win-8.1-rt.txt', 378675, '4.5.1'],
    ['dotnet-recorded-rjcp-win-10-22h2.txt', 533325, '4.8.1'],
    ['dotnet-recorded-rjcp-win-11-21h2.txt', 528449, '4.8'],
    ['dotnet-recorded-rjcp-win-11-22h2.txt', 533320, '4.8.1'],
    ['dotnet-recorded-rjcp-win-2019-1809-ad.txt', 461814, '4.7.2'],
  ])('%s: Release %i → .NET Framework %s (as the tool itself named it)', (file, release, version) => {
    expect(releaseOf(file)).toBe(release);
    expect(text(file)).toContain(`Version .NET: ${version} (.NET Framework v${version}, Release ${release}`);
    expect(dotnetOf(release)).toEqual([version]);
  });
});

describe('recorded: NDP\\v3.5 and NDP\\v4\\Full keys (regedit exports, Windows XP)', () => {
  const NDP = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP';
  // Get-ItemProperty … | Select-Object Install,Version (v3.5) and Release,Version (v4\Full), as our script selects.
  const software = (reg: string) => {
    const keys = regKeys(text(reg));
    const v35 = keys.get(`${NDP}\\v3.5`);
    const full = keys.get(`${NDP}\\v4\\Full`);
    return parseWindowsSoftware({
      apps: [],
      ndp: full ? { Release: full.Release ?? null, Version: full.Version ?? null } : null,
      ndp35: v35 ? { Install: v35.Install ?? null, Version: v35.Version ?? null } : null,
      c2r: null,
      msi: [],
    }).facts.dotnetVersions;
  };

  it('.NET 3.5 SP1 and 4.0: the v4\\Full key has no Release (4.0 predates it) and is still reported as 4.0', () => {
    expect(regKeys(text('dotnet-recorded-rjcp-winxp-net4.reg')).get(`${NDP}\\v4\\Full`)).toEqual({
      Version: '4.0.30319',
      TargetVersion: '4.0.0',
      Install: 1,
      MSI: 1,
      Servicing: 0,
      InstallPath: 'c:\\WINDOWS\\Microsoft.NET\\Framework\\v4.0.30319\\',
    });
    expect(software('dotnet-recorded-rjcp-winxp-net4.reg')).toEqual(['3.5', '4.0']);
  });

  it('.NET 3.5 only (Install = 1, no v4 key)', () => {
    expect(software('dotnet-recorded-rjcp-winxp-net35.reg')).toEqual(['3.5']);
  });
});

describe('recorded: Windows Update searcher and RebootRequired (Windows Server 2019, cnquery test data)', () => {
  it('six updates not installed → pendingUpdates 6 (our script prints only the count)', () => {
    const updates = recordedList('updates-pending-recorded-ws2019.json');
    expect(updates.map((u) => u.KBArticleIDs)).toEqual([
      ['4462930'],
      ['4537759'],
      ['4538156'],
      ['4494174'],
      ['890830'],
      ['4538461'],
    ]);
    expect(parseWindowsUpdates({ qfe: [], pending: updates.length, rebootRequired: false })).toEqual({
      pendingUpdates: 6,
      rebootRequired: false,
    });
  });

  it('Test-Path on the RebootRequired key printed "True" → rebootRequired', () => {
    const printed = text('rebootrequired-recorded-ws2019-testpath.txt');
    expect(printed).toBe('True');
    // Inside our ConvertTo-Json envelope the same boolean prints as true; the text form is accepted too.
    expect(parseWindowsUpdates({ qfe: [], pending: null, rebootRequired: printed === 'True' })).toEqual({
      rebootRequired: true,
    });
    expect(parseWindowsUpdates({ rebootRequired: printed }).rebootRequired).toBe(true);
  });
});

describe('recorded: Win32_QuickFixEngineering (Windows XP, wmic list)', () => {
  // Our script prints InstalledOn as yyyy-MM-dd and null where WMI has none; wmic printed en-US M/d/yyyy.
  const iso = (d: unknown) => {
    if (typeof d !== 'string') {
      return null;
    }
    const [m, day, y] = d.split('/');
    return `${y}-${(m ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
  };
  const qfe = wmicList(text('qfe-recorded-xp-wmic.txt')).map((q) => ({
    HotFixID: q.HotFixID,
    InstalledOn: iso(q.InstalledOn),
  }));

  it('16 entries; the "File 1" rows and XpsEPSC without a date are skipped; newest date 2011-01-15', () => {
    expect(qfe).toHaveLength(16);
    expect(qfe.filter((q) => q.InstalledOn === null).map((q) => q.HotFixID)).toEqual([
      'File 1',
      'File 1',
      'File 1',
      'File 1',
      'File 1',
      'XpsEPSC',
    ]);
    expect(parseWindowsUpdates({ qfe, pending: null, rebootRequired: false })).toEqual({
      lastUpdateInstalled: '2011-01-15',
      rebootRequired: false,
    });
  });
});

describe('recorded: Get-Service Status encoding (Windows Server 2019, cnquery test data)', () => {
  // The Sense service itself was not on that machine. Our antivirus script runs `Get-Service -Name Sense |
  // Select-Object Name,Status` in the same ConvertTo-Json: the recording shows Status printed as a number.
  const services = recordedList('services-recorded-ws2019-getservice.json');
  const running = services.find((s) => s.Name === 'CryptSvc') ?? {};
  const stopped = services.find((s) => s.Name === 'wuauserv') ?? {};

  it('Status 4 (Running) is read as running, Status 1 (Stopped) is not', () => {
    expect([running.Status, stopped.Status]).toEqual([4, 1]);
    expect(parseWindowsAntivirus({ av: [], sense: pick(running, ['Name', 'Status']) })).toEqual([
      { product: 'Microsoft Defender for Endpoint', enabled: true, kind: 'edr' },
    ]);
    expect(parseWindowsAntivirus({ av: [], sense: pick(stopped, ['Name', 'Status']) })).toEqual([]);
  });
});
