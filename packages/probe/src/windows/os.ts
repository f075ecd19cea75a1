import type { SystemFacts } from '@praxisready/model';
import { asList, bool, GB, num, round1, str } from './json.ts';

/** One PowerShell call for the OS, the computer system and the edition data of the registry. */
export const WINDOWS_OS_SCRIPT = [
  '$os = Get-CimInstance Win32_OperatingSystem | Select-Object Caption,Version,BuildNumber,OSArchitecture,CSName,ProductType,TotalVisibleMemorySize',
  '$cs = Get-CimInstance Win32_ComputerSystem | Select-Object Name,Domain,PartOfDomain,Workgroup,TotalPhysicalMemory,PCSystemType',
  "$nt = Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion' | Select-Object DisplayVersion,EditionID,UBR,CurrentBuild,InstallationType",
  '@{ os = $os; cs = $cs; nt = $nt } | ConvertTo-Json -Depth 3 -Compress',
].join('; ');

const EDITIONS = [
  'Pro for Workstations',
  'Pro Education',
  'Pro',
  'Home',
  'Enterprise',
  'Education',
  'Essentials',
  'Standard',
  'Datacenter',
  'Foundation',
  'IoT Enterprise',
];

/** "Microsoft Windows 11 Pro" → version "11", edition "Pro"; "Microsoft Windows Server 2019 Standard" → "2019", "Standard". */
export function parseWindowsCaption(caption: string): {
  version?: string;
  edition?: string;
  server: boolean;
} {
  const server = /Windows Server/i.test(caption);
  const version = server
    ? /Server (\d{4}(?: R2)?)/i.exec(caption)?.[1]
    : /Windows (\d+(?:\.\d)?)/i.exec(caption)?.[1];
  // German captions say "Microsoft Windows 11 Pro" too; the localised part is at most "N"/"KN" suffixes.
  const edition = EDITIONS.find((e) => new RegExp(`\\b${e}\\b`, 'i').test(caption));
  return { ...(version ? { version } : {}), ...(edition ? { edition } : {}), server };
}

/** Parses the JSON of {@link WINDOWS_OS_SCRIPT}. */
export function parseWindowsOs(raw: unknown): Partial<SystemFacts> {
  const root = asList(raw)[0] ?? {};
  const os = asList(root.os)[0] ?? {};
  const cs = asList(root.cs)[0] ?? {};
  const nt = asList(root.nt)[0] ?? {};
  const caption = str(os.Caption) ?? '';
  const parsed = parseWindowsCaption(caption);
  // Windows 11 still reports Version 10.0.x; the build number (≥ 22000) tells them apart.
  const buildNo = num(os.BuildNumber);
  let version = parsed.version;
  if (!parsed.server && version === '10' && buildNo !== undefined && buildNo >= 22000) {
    version = '11';
  }
  const ubr = num(nt.UBR);
  const build = buildNo !== undefined ? `${buildNo}${ubr !== undefined ? `.${ubr}` : ''}` : undefined;
  const archText = str(os.OSArchitecture) ?? '';
  const arch = /arm/i.test(archText)
    ? 'arm64'
    : /64/.test(archText)
      ? 'x64'
      : /32/.test(archText)
        ? 'x86'
        : undefined;
  const productType = num(os.ProductType);
  const mobile = num(cs.PCSystemType) === 2;
  const role = productType === 2 || productType === 3 ? 'server' : mobile ? 'laptop' : 'workstation';
  const partOfDomain = bool(cs.PartOfDomain);
  const domainOrWorkgroup = partOfDomain ? str(cs.Domain) : (str(cs.Workgroup) ?? str(cs.Domain));
  const ramBytes = num(cs.TotalPhysicalMemory) ?? (num(os.TotalVisibleMemorySize) ?? 0) * 1024;
  const edition = parsed.edition ?? str(nt.EditionID);
  return {
    computerName: str(cs.Name) ?? str(os.CSName),
    ...(domainOrWorkgroup ? { domainOrWorkgroup } : {}),
    role,
    os: {
      family: 'windows',
      ...(caption ? { name: caption } : {}),
      ...(edition ? { edition } : {}),
      ...(version ? { version } : {}),
      ...(build ? { build } : {}),
      ...(arch ? { arch } : {}),
    },
    ...(ramBytes > 0 ? { ramGb: round1(ramBytes / GB) } : {}),
  };
}

/** Display version (23H2) for the summary line, if the registry had it. */
export function windowsDisplayVersion(raw: unknown): string | undefined {
  const root = asList(raw)[0] ?? {};
  return str(asList(root.nt)[0]?.DisplayVersion);
}
