import type { SystemFacts } from '@praxisready/model';
import { asList, bool, num, str } from './json.ts';

/** Antivirus/EDR products as Windows Security Center knows them (client editions only), plus Defender status. */
export const WINDOWS_ANTIVIRUS_SCRIPT = [
  '$av = @(Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct -ErrorAction SilentlyContinue | Select-Object displayName,productState,timestamp)',
  '$sense = Get-Service -Name Sense -ErrorAction SilentlyContinue | Select-Object Name,Status',
  '@{ av = $av; sense = $sense } | ConvertTo-Json -Depth 3 -Compress',
].join('; ');

export const WINDOWS_FIREWALL_SCRIPT =
  'Get-NetFirewallProfile | Select-Object Name,Enabled | ConvertTo-Json -Compress';

export const WINDOWS_BITLOCKER_SCRIPT =
  'Get-BitLockerVolume | Select-Object MountPoint,VolumeType,ProtectionStatus,VolumeStatus | ConvertTo-Json -Compress';

/**
 * Installed hotfixes (newest date) and pending updates from the local Windows Update cache only
 * (`Online = $false`: no connection to Windows Update, nothing is downloaded or installed).
 */
export const WINDOWS_UPDATES_SCRIPT = [
  "$qfe = @(Get-CimInstance Win32_QuickFixEngineering | Select-Object HotFixID,@{n='InstalledOn';e={ if ($_.InstalledOn) { ([datetime]$_.InstalledOn).ToString('yyyy-MM-dd') } }})",
  '$pending = $null',
  "try { $s = (New-Object -ComObject Microsoft.Update.Session).CreateUpdateSearcher(); $s.Online = $false; $pending = $s.Search('IsInstalled=0 and IsHidden=0').Updates.Count } catch { }",
  "$reboot = Test-Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired'",
  '@{ qfe = $qfe; pending = $pending; rebootRequired = $reboot } | ConvertTo-Json -Depth 3 -Compress',
].join('; ');

/** Names of products that are EDR rather than classic AV. */
const EDR_NAMES =
  /crowdstrike|falcon|sentinelone|defender for endpoint|cortex xdr|sophos intercept|carbon black|trend micro apex|harmony endpoint|eset inspect/i;

/**
 * Decodes SecurityCenter2 `productState`. Microsoft does not document the bit layout; the reading used by
 * practitioners (and by Microsoft's own sample scripts in the TechNet gallery) is: the middle byte says whether
 * real-time protection is on (0x10 set), the low byte whether signatures are out of date (0x10 set).
 */
export function decodeProductState(state: number): { enabled: boolean; upToDate: boolean } {
  const middle = Math.floor(state / 0x100) % 0x100;
  const low = state % 0x100;
  return { enabled: (middle & 0x10) !== 0, upToDate: (low & 0x10) === 0 };
}

export function parseWindowsAntivirus(raw: unknown): SystemFacts['antivirus'] {
  const root = asList(raw)[0] ?? {};
  const list: NonNullable<SystemFacts['antivirus']> = asList(root.av).flatMap((p) => {
    const product = str(p.displayName);
    const state = num(p.productState);
    if (!product || state === undefined) {
      return [];
    }
    return [
      {
        product,
        ...decodeProductState(state),
        kind: EDR_NAMES.test(product) ? ('edr' as const) : ('av' as const),
      },
    ];
  });
  const sense = asList(root.sense)[0];
  const senseStatus = sense?.Status;
  // Defender for Endpoint's sensor service "Sense": Status 4 = Running.
  if (sense && (senseStatus === 4 || senseStatus === 'Running')) {
    list.push({ product: 'Microsoft Defender for Endpoint', enabled: true, kind: 'edr' });
  }
  return list;
}

export interface FirewallProfiles {
  enabled: boolean;
  profiles: { name: string; enabled: boolean }[];
}

/** All of Domain, Private and Public must be on for `enabled`. */
export function parseWindowsFirewall(raw: unknown): FirewallProfiles {
  const profiles = asList(raw).map((p) => ({ name: str(p.Name) ?? '?', enabled: bool(p.Enabled) ?? false }));
  return { enabled: profiles.length > 0 && profiles.every((p) => p.enabled), profiles };
}

/**
 * BitLocker state of the fixed volumes. ProtectionStatus: 1 = On (documented `BitLockerVolumeProtectionStatus`),
 * VolumeType: 0 = OperatingSystem, 1 = Data (fixed), 2 = Removable (ignored).
 */
export function parseWindowsBitlocker(raw: unknown): NonNullable<SystemFacts['bitlocker']> {
  const volumes = asList(raw).filter((v) => {
    const t = v.VolumeType;
    return !(t === 2 || t === 'Removable');
  });
  if (volumes.length === 0) {
    return 'unsupported';
  }
  const on = volumes.filter((v) => v.ProtectionStatus === 1 || v.ProtectionStatus === 'On').length;
  return on === 0 ? 'off' : on === volumes.length ? 'on' : 'partial';
}

export function parseWindowsUpdates(
  raw: unknown,
): Pick<SystemFacts, 'pendingUpdates' | 'lastUpdateInstalled'> & { rebootRequired?: boolean } {
  const root = asList(raw)[0] ?? {};
  const dates = asList(root.qfe)
    .map((q) => str(q.InstalledOn))
    .filter((d): d is string => d !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort();
  const pending = num(root.pending);
  const reboot = bool(root.rebootRequired);
  return {
    ...(dates.length > 0 ? { lastUpdateInstalled: dates.at(-1) } : {}),
    ...(pending !== undefined ? { pendingUpdates: pending } : {}),
    ...(reboot !== undefined ? { rebootRequired: reboot } : {}),
  };
}
