import type { SystemFacts } from '@praxisready/model';
import { asList, num, str } from './json.ts';

/** Installed programs from both Uninstall keys (64-bit and WOW6432Node) plus per-machine .NET and Office data. */
export const WINDOWS_SOFTWARE_SCRIPT = [
  "$keys = 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*','HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*'",
  '$apps = Get-ItemProperty $keys -ErrorAction SilentlyContinue | Where-Object DisplayName | Select-Object DisplayName,DisplayVersion,Publisher,InstallLocation',
  "$ndp = Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full' -ErrorAction SilentlyContinue | Select-Object Release,Version",
  "$ndp35 = Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v3.5' -ErrorAction SilentlyContinue | Select-Object Install,Version",
  "$c2r = Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Office\\ClickToRun\\Configuration' -ErrorAction SilentlyContinue | Select-Object Platform,VersionToReport,ProductReleaseIds",
  "$msi = Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Office\\*\\Outlook','HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\*\\Word\\InstallRoot','HKLM:\\SOFTWARE\\Microsoft\\Office\\*\\Word\\InstallRoot' -ErrorAction SilentlyContinue | Select-Object PSPath,Bitness,Path",
  '@{ apps = $apps; ndp = $ndp; ndp35 = $ndp35; c2r = $c2r; msi = $msi } | ConvertTo-Json -Depth 3 -Compress',
].join('; ');

export interface InstalledApp {
  name: string;
  version?: string;
  publisher?: string;
  location?: string;
}

/**
 * .NET Framework 4.x Release values → version, from Microsoft's documented table ("How to: Determine which .NET
 * Framework versions are installed"); the smallest Release of each version (Windows editions differ above it).
 */
export const DOTNET_RELEASES: readonly (readonly [number, string])[] = [
  [533320, '4.8.1'],
  [528040, '4.8'],
  [461808, '4.7.2'],
  [461308, '4.7.1'],
  [460798, '4.7'],
  [394802, '4.6.2'],
  [394254, '4.6.1'],
  [393295, '4.6'],
  [379893, '4.5.2'],
  [378675, '4.5.1'],
  [378389, '4.5'],
];

export function dotnetVersionOfRelease(release: number): string | undefined {
  return DOTNET_RELEASES.find(([min]) => release >= min)?.[1];
}

/** Office release ids (ClickToRun ProductReleaseIds) → Word version label. */
export function wordVersionOf(productReleaseIds: string, version?: string): string | undefined {
  const ids = productReleaseIds.toLowerCase();
  if (/o365|microsoft365/.test(ids)) {
    return '365';
  }
  const year = /(2016|2019|2021|2024)/.exec(ids)?.[1];
  if (year) {
    return year;
  }
  const major = version ? /^(\d+)\./.exec(version)?.[1] : undefined;
  return major ? ({ '15': '2013', '14': '2010', '16': '2016' } as Record<string, string>)[major] : undefined;
}

export interface WindowsSoftware {
  apps: InstalledApp[];
  facts: Partial<SystemFacts>;
}

/** Known backup products (names as they appear in the Uninstall keys). */
export const BACKUP_PRODUCTS = [
  'Veeam',
  'Acronis',
  'Datto',
  'Synology Active Backup',
  'Macrium',
  'Veritas',
  'Backup Exec',
  'Arcserve',
  'Iperius',
  'NovaBACKUP',
  'AOMEI Backupper',
  'Carbonite',
  'Uranium Backup',
  'Ahsay',
  'Cobian',
  'Paragon Backup',
  'EaseUS Todo Backup',
  'Altaro',
  'NAKIVO',
  'Bacula',
] as const;

/** PVS and medatixx components (seed 004 product names). */
export const PVS_PRODUCTS = ['x.concept', 'x.comfort', 'x.isynet', 'x.vianova', 'medatixx', 'psyx'] as const;

/** Parses the JSON of {@link WINDOWS_SOFTWARE_SCRIPT}. */
export function parseWindowsSoftware(raw: unknown): WindowsSoftware {
  const root = asList(raw)[0] ?? {};
  const seen = new Set<string>();
  const apps: InstalledApp[] = [];
  for (const a of asList(root.apps)) {
    const name = str(a.DisplayName);
    if (!name) {
      continue;
    }
    const version = str(a.DisplayVersion);
    const key = `${name}|${version ?? ''}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    const publisher = str(a.Publisher);
    const location = str(a.InstallLocation);
    apps.push({
      name,
      ...(version ? { version } : {}),
      ...(publisher ? { publisher } : {}),
      ...(location ? { location } : {}),
    });
  }
  const dotnet: string[] = [];
  const ndp35 = asList(root.ndp35)[0];
  if (num(ndp35?.Install) === 1) {
    dotnet.push('3.5');
  }
  const ndp = asList(root.ndp)[0];
  const release = num(ndp?.Release);
  // .NET 4.0 predates the Release value: its v4\Full key has only Version 4.0.30319 (recorded on Windows XP).
  const v4 =
    release !== undefined
      ? dotnetVersionOfRelease(release)
      : /^4\.0\./.test(str(ndp?.Version) ?? '')
        ? '4.0'
        : undefined;
  if (v4) {
    dotnet.push(v4);
  }
  const c2r = asList(root.c2r)[0];
  let office: SystemFacts['office'];
  if (c2r && str(c2r.ProductReleaseIds)) {
    const ids = str(c2r.ProductReleaseIds) ?? '';
    const wordVersion = wordVersionOf(ids, str(c2r.VersionToReport));
    const platform = str(c2r.Platform)?.toLowerCase();
    office = {
      product: ids.split(',')[0] ?? ids,
      ...(wordVersion ? { wordVersion } : {}),
      ...(platform ? { bitness: platform === 'x64' ? 64 : 32 } : {}),
    };
  } else {
    const msi = asList(root.msi);
    const bitnessText = msi.map((m) => str(m.Bitness)).find(Boolean);
    const officeApp = apps.find((a) =>
      /^Microsoft Office (Professional|Standard|Home|Small Business)/i.test(a.name),
    );
    if (officeApp) {
      const wordVersion = wordVersionOf(officeApp.name, officeApp.version);
      const wow = msi.some((m) => /WOW6432Node/i.test(str(m.PSPath) ?? ''));
      office = {
        product: officeApp.name,
        ...(wordVersion ? { wordVersion } : {}),
        bitness: bitnessText ? (bitnessText === 'x64' ? 64 : 32) : wow ? 32 : 64,
      };
    }
  }
  const lower = (s: string) => s.toLowerCase();
  const backupSoftware = [
    ...new Set(BACKUP_PRODUCTS.filter((b) => apps.some((a) => lower(a.name).includes(lower(b))))),
  ];
  const pvsInstalled = apps
    .filter(
      (a) => PVS_PRODUCTS.some((p) => lower(a.name).startsWith(p)) && !/service-?provider/i.test(a.name),
    )
    .map((a) => ({ product: a.name, ...(a.version ? { version: a.version } : {}) }));
  return {
    apps,
    facts: {
      ...(dotnet.length > 0 ? { dotnetVersions: dotnet } : {}),
      ...(office ? { office } : {}),
      backupSoftware,
      pvsInstalled,
    },
  };
}
