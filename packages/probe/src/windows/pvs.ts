import { asList, str } from './json.ts';

/**
 * Services of the PVS world (seed 004 "Übersicht Dienste") and the SQL Server instances from the registry
 * (`Instance Names\SQL` → `<id>\Setup`: Version, Edition).
 */
export const WINDOWS_PVS_SCRIPT = [
  "$svc = @(Get-CimInstance Win32_Service | Where-Object { $_.Name -match '^(DeService|ServiceProvider|MSSQL|SQLBrowser|SQLServerExtension|mediDOK|Kommunikation|x\\.signer|xsigner)' -or $_.DisplayName -match 'Service-?Provider|medatixx|x\\.archiv|Kommunikationsserver' } | Select-Object Name,DisplayName,State,StartMode,PathName)",
  "$root = 'HKLM:\\SOFTWARE\\Microsoft\\Microsoft SQL Server'",
  '$names = Get-ItemProperty "$root\\Instance Names\\SQL" -ErrorAction SilentlyContinue',
  '$sql = @(); if ($names) { foreach ($p in $names.PSObject.Properties | Where-Object { $_.Name -notlike \'PS*\' }) { $setup = Get-ItemProperty "$root\\$($p.Value)\\Setup" -ErrorAction SilentlyContinue; $sql += [pscustomobject]@{ Instance = $p.Name; Id = $p.Value; Version = $setup.Version; Edition = $setup.Edition; PatchLevel = $setup.PatchLevel } } }',
  '@{ services = $svc; sql = $sql } | ConvertTo-Json -Depth 3 -Compress',
].join('; ');

/** SQL Server major version → marketing version (Microsoft's documented build numbers). */
const SQL_MARKETING: Record<string, string> = {
  '10': '2008',
  '11': '2012',
  '12': '2014',
  '13': '2016',
  '14': '2017',
  '15': '2019',
  '16': '2022',
  '17': '2025',
};

export function sqlMarketingVersion(version: string): string | undefined {
  const m = /^(\d+)\.(\d+)/.exec(version);
  // 2008 and 2008 R2 share major 10; R2 builds are 10.50 and up (glpi-agent's recorded MSSQL10_50 Setup key: 10.53.6000.34).
  if (m?.[1] === '10' && Number(m[2]) >= 50) {
    return '2008 R2';
  }
  return m?.[1] ? SQL_MARKETING[m[1]] : undefined;
}

export interface WindowsPvs {
  services: { name: string; running: boolean; path?: string }[];
  sqlServer?: { instance?: string; version?: string; edition?: string; azureExtensionEnabled?: boolean };
  sqlInstances: { instance: string; version?: string; build?: string; edition?: string }[];
}

/** Parses the JSON of {@link WINDOWS_PVS_SCRIPT}. */
export function parseWindowsPvs(raw: unknown): WindowsPvs {
  const root = asList(raw)[0] ?? {};
  const services = asList(root.services).map((s) => {
    const path = str(s.PathName)?.replace(/^"([^"]+)".*$/, '$1');
    const state = s.State;
    return {
      name: str(s.Name) ?? '?',
      running: state === 'Running' || state === 4,
      ...(path ? { path } : {}),
    };
  });
  const sqlInstances = asList(root.sql).map((i) => {
    const build = str(i.PatchLevel) ?? str(i.Version);
    const version = build ? sqlMarketingVersion(build) : undefined;
    const edition = str(i.Edition);
    return {
      instance: str(i.Instance) ?? '?',
      ...(version ? { version } : {}),
      ...(build ? { build } : {}),
      ...(edition ? { edition } : {}),
    };
  });
  const ext = services.find((s) => /^SQLServerExtension/i.test(s.name));
  const first = sqlInstances[0];
  return {
    services: services.filter((s) => !/^SQLServerExtension/i.test(s.name)),
    sqlInstances,
    ...(first
      ? {
          sqlServer: {
            instance: first.instance,
            ...(first.version ? { version: first.version } : {}),
            ...(first.edition ? { edition: first.edition } : {}),
            ...(first.version === '2022' ? { azureExtensionEnabled: ext?.running ?? false } : {}),
          },
        }
      : {}),
  };
}
