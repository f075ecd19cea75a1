import { defineCollector } from '../collector.ts';
import {
  parseWindowsAntivirus,
  parseWindowsBitlocker,
  parseWindowsFirewall,
  parseWindowsUpdates,
  WINDOWS_ANTIVIRUS_SCRIPT,
  WINDOWS_BITLOCKER_SCRIPT,
  WINDOWS_FIREWALL_SCRIPT,
  WINDOWS_UPDATES_SCRIPT,
} from '../windows/security.ts';
import { parseWindowsSoftware, WINDOWS_SOFTWARE_SCRIPT } from '../windows/software.ts';

export const softwareCollector = defineCollector({
  id: 'system.software',
  title: '.NET, Office, installierte PVS- und Backup-Software',
  fills: [
    'machines[].dotnetVersions',
    'machines[].office',
    'machines[].pvsInstalled',
    'machines[].backupSoftware',
  ],
  platforms: ['win32'],
  timeoutMs: 15_000,
  why: 'The PVS needs .NET 4.8 and a 32/64-bit Office that matches; backup software is the first question of the 3-2-1 check.',
  async collect(ctx) {
    const { apps, facts } = parseWindowsSoftware(await ctx.powershell(WINDOWS_SOFTWARE_SCRIPT));
    const office = facts.office
      ? `${facts.office.product} ${facts.office.bitness ?? '?'}-Bit`
      : 'kein Office';
    return {
      status: 'ok',
      message: `${apps.length} Programme; .NET ${facts.dotnetVersions?.join(', ') ?? '–'}; ${office}; Backup: ${facts.backupSoftware?.join(', ') || 'keins erkannt'}`,
      facts: { system: facts },
      shared: { apps },
    };
  },
});

export const antivirusCollector = defineCollector({
  id: 'security.antivirus',
  title: 'Virenschutz / EDR',
  fills: ['machines[].antivirus'],
  platforms: ['win32'],
  timeoutMs: 10_000,
  why: 'KBV IT-Sicherheitsrichtlinie: current malware protection on every endpoint.',
  async collect(ctx) {
    const antivirus = parseWindowsAntivirus(await ctx.powershell(WINDOWS_ANTIVIRUS_SCRIPT)) ?? [];
    if (antivirus.length === 0) {
      return {
        status: 'partial',
        message: 'Sicherheitscenter meldet kein Produkt (auf Windows Server gibt es kein SecurityCenter2)',
        facts: { system: { antivirus } },
      };
    }
    return {
      status: 'ok',
      message: antivirus
        .map(
          (a) =>
            `${a.product} (${a.enabled ? 'aktiv' : 'inaktiv'}${a.upToDate === false ? ', veraltet' : ''})`,
        )
        .join(', '),
      facts: { system: { antivirus } },
    };
  },
});

export const firewallCollector = defineCollector({
  id: 'security.firewall',
  title: 'Windows-Firewall-Profile',
  fills: ['machines[].firewallEnabled'],
  platforms: ['win32'],
  timeoutMs: 8000,
  why: 'A disabled profile exposes the PVS ports to the whole network; an enabled one may block 23174 (seed 004).',
  async collect(ctx) {
    const fw = parseWindowsFirewall(await ctx.powershell(WINDOWS_FIREWALL_SCRIPT));
    return {
      status: fw.profiles.length > 0 ? 'ok' : 'partial',
      message: fw.profiles.map((p) => `${p.name}: ${p.enabled ? 'an' : 'aus'}`).join(', '),
      facts: { system: { firewallEnabled: fw.enabled } },
    };
  },
});

export const bitlockerCollector = defineCollector({
  id: 'security.bitlocker',
  title: 'BitLocker-Verschlüsselung',
  fills: ['machines[].bitlocker'],
  platforms: ['win32'],
  timeoutMs: 8000,
  why: 'Encrypted disks protect patient data on stolen laptops and servers (KBV requirement for mobile devices).',
  async collect(ctx) {
    const bitlocker = parseWindowsBitlocker(await ctx.powershell(WINDOWS_BITLOCKER_SCRIPT));
    return { status: 'ok', message: `BitLocker: ${bitlocker}`, facts: { system: { bitlocker } } };
  },
});

export const updatesCollector = defineCollector({
  id: 'security.updates',
  title: 'Windows-Updates (installiert, ausstehend)',
  fills: ['machines[].pendingUpdates', 'machines[].lastUpdateInstalled'],
  platforms: ['win32'],
  timeoutMs: 20_000,
  why: 'KBV IT-Sicherheitsrichtlinie: security updates installed promptly.',
  async collect(ctx) {
    const u = parseWindowsUpdates(await ctx.powershell(WINDOWS_UPDATES_SCRIPT));
    const { rebootRequired, ...facts } = u;
    return {
      status: facts.pendingUpdates === undefined ? 'partial' : 'ok',
      message: `letztes Update ${facts.lastUpdateInstalled ?? 'unbekannt'}, ausstehend ${facts.pendingUpdates ?? 'unbekannt'}${rebootRequired ? ', Neustart erforderlich' : ''}`,
      facts: { system: facts },
    };
  },
});
