import { stat } from 'node:fs/promises';
import { arch } from 'node:os';
import type { FactsDocument } from '@praxisready/model';
import { defineCollector } from '../collector.ts';
import type { InstalledApp } from '../windows/software.ts';
import { cpuArchOf } from './system.ts';

/**
 * Mobile card terminals of seed 000/003 and where their drivers usually live. The seeds name the models but no
 * paths; these paths and name patterns are the vendors' default install locations as we know them and must be
 * confirmed in the field (the facts say where the probe looked).
 */
export const MOBILE_TERMINALS: readonly {
  model: string;
  names: RegExp;
  paths: Partial<Record<'win32' | 'darwin', readonly string[]>>;
}[] = [
  {
    model: 'ORGA 930 M online',
    names: /orga\s*930/i,
    paths: {
      win32: [
        'C:\\Program Files (x86)\\Ingenico Healthcare',
        'C:\\Program Files\\Ingenico Healthcare',
        'C:\\Program Files (x86)\\Worldline Healthcare',
      ],
      darwin: ['/Library/Application Support/Ingenico Healthcare', '/Applications/ORGA 930 M online.app'],
    },
  },
  {
    model: 'Cherry ST-1530',
    names: /st-?1530|cherry.*ehealth|ehealth.*cherry/i,
    paths: {
      win32: [
        'C:\\Program Files (x86)\\Cherry\\eHealth',
        'C:\\Program Files\\Cherry\\eHealth',
        'C:\\Program Files (x86)\\CHERRY',
      ],
      darwin: ['/Library/Application Support/Cherry', '/Applications/CHERRY eHealth.app'],
    },
  },
];

type MobileFacts = NonNullable<FactsDocument['mobileCardTerminals']>;

export const mobileTerminalsCollector = defineCollector({
  id: 'ti.mobile-terminals',
  title: 'Mobile Kartenterminals: Treiber, Architektur',
  fills: [
    'mobileCardTerminals[].model',
    'mobileCardTerminals[].driverPath',
    'mobileCardTerminals[].driverInstalled',
    'mobileCardTerminals[].hostArch',
    'mobileCardTerminals[].hostOs',
  ],
  platforms: ['win32', 'darwin'],
  timeoutMs: 5000,
  why: 'Seed 000: wrong driver path or an ARM64 Mac (not supported) is the usual reason a mobile reader fails.',
  async collect(ctx) {
    const platform = ctx.platform === 'darwin' ? 'darwin' : 'win32';
    const hostArch = cpuArchOf(arch());
    const apps = ((await ctx.resultOf('system.software'))?.shared?.apps ?? []) as InstalledApp[];
    const mobile: MobileFacts = [];
    for (const t of MOBILE_TERMINALS) {
      let driverPath: string | undefined;
      for (const p of t.paths[platform] ?? []) {
        if (
          await stat(p).then(
            () => true,
            () => false,
          )
        ) {
          driverPath = p;
          break;
        }
      }
      const app = apps.find((a) => t.names.test(a.name));
      driverPath ??= app?.location;
      mobile.push({
        model: t.model,
        driverInstalled: driverPath !== undefined || app !== undefined,
        ...(driverPath ? { driverPath } : {}),
        hostArch,
        hostOs: platform === 'darwin' ? 'macos' : 'windows',
      });
    }
    const armMac = platform === 'darwin' && hostArch === 'arm64';
    return {
      status: 'ok',
      message: `${
        mobile
          .filter((m) => m.driverInstalled)
          .map((m) => m.model)
          .join(', ') || 'kein Treiber gefunden'
      }${armMac ? '; ARM64-Mac: mobile Kartenterminals nicht unterstützt' : ''}`,
      facts: { mobileCardTerminals: mobile },
    };
  },
});
