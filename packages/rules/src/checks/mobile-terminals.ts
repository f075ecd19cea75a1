import type { MobileCardTerminal } from '@praxisready/model';
import { ev, fail, missing, pass, t, unknown } from '../engine/helpers.ts';
import type { Check, CheckContext, Outcome } from '../engine/types.ts';

const REF = 'Seed 000, Schritt 4 (Mobile Kartenterminals) und Stolpersteine („Mobiler Leser tut nicht“)';

function has(ctx: CheckContext) {
  return ctx.sheet.mobileCardTerminals.length > 0
    ? (true as const)
    : t('Keine mobilen Kartenterminals.', 'No mobile card terminals.');
}

function each(ctx: CheckContext, fn: (m: MobileCardTerminal, p: string) => Outcome): Outcome[] {
  return ctx.sheet.mobileCardTerminals.map((m, i) => ({
    ...fn(m, `mobileCardTerminals[${i}]`),
    subject: `${m.model.value} (${m.id})`,
  }));
}

export const mobileTerminalChecks: Check[] = [
  {
    id: 'mct.no-arm64-mac',
    area: 'mobile_card_terminals',
    severity: 'high',
    title: t(
      'Kein ARM64-Mac als Host (Apple Silicon nicht unterstützt)',
      'No ARM64 Mac as host (Apple Silicon not supported)',
    ),
    reference: REF,
    remediation: t(
      'Mobiles Kartenterminal an einem Windows-PC oder Intel-Mac betreiben: keine ARM64-Unterstützung auf Apple Silicon.',
      'Run the mobile card terminal on a Windows PC or Intel Mac: no ARM64 support on Apple Silicon.',
    ),
    appliesTo: has,
    run: (ctx) =>
      each(ctx, (m, p) => {
        const e = [ev(`${p}.hostOs`, m.hostOs), ev(`${p}.hostArch`, m.hostArch)];
        if (m.hostOs === undefined || m.hostArch === undefined) {
          return unknown(
            t(
              'Betriebssystem/Architektur des Host-Rechners nicht erfasst.',
              'Host OS/architecture not recorded.',
            ),
            e,
          );
        }
        return m.hostOs.value === 'macos' && m.hostArch.value === 'arm64'
          ? fail(
              t(
                'Host ist ein ARM64-Mac (Apple Silicon): nicht unterstützt.',
                'Host is an ARM64 Mac (Apple Silicon): not supported.',
              ),
              e,
            )
          : pass(
              t(
                `Host ${m.hostOs.value}/${m.hostArch.value} wird unterstützt.`,
                `Host ${m.hostOs.value}/${m.hostArch.value} is supported.`,
              ),
              e,
            );
      }),
  },
  {
    id: 'mct.driver',
    area: 'mobile_card_terminals',
    severity: 'high',
    title: t('Treiberpfad vorhanden und Treiber installiert', 'Driver path present and driver installed'),
    reference: REF,
    remediation: t(
      'Treiber des Herstellers installieren und den Treiberpfad in der lokalen Komponente prüfen; das Gerät erst nach der Treiberinstallation anstecken.',
      'Install the vendor driver and check the driver path in the local component; plug the device in only after installing the driver.',
    ),
    appliesTo: has,
    run: (ctx) =>
      each(ctx, (m, p) => {
        const e = [ev(`${p}.driverPath`, m.driverPath), ev(`${p}.driverInstalled`, m.driverInstalled)];
        if (
          m.driverInstalled?.value === false ||
          (m.driverPath !== undefined && m.driverPath.value.trim() === '')
        ) {
          return fail(
            t(
              'Treiber nicht installiert bzw. Treiberpfad leer.',
              'Driver not installed or driver path empty.',
            ),
            e,
          );
        }
        if (m.driverPath === undefined) {
          return missing(`${p}.driverPath`, t('Treiberpfad', 'driver path'));
        }
        return pass(t(`Treiber unter ${m.driverPath.value}.`, `Driver at ${m.driverPath.value}.`), e);
      }),
  },
  {
    id: 'mct.local-component',
    area: 'mobile_card_terminals',
    severity: 'medium',
    title: t(
      'Lokale Komponente (DDV) für das Terminal konfiguriert',
      'Local component (DDV) configured for the terminal',
    ),
    reference: REF,
    remediation: t(
      'Mobiles Kartenterminal in der lokalen Komponente (DDV) einrichten.',
      'Configure the mobile card terminal in the local component (DDV).',
    ),
    appliesTo: has,
    run: (ctx) =>
      each(ctx, (m, p) => {
        const c = m.localComponentConfigured;
        if (c === undefined) {
          return missing(`${p}.localComponentConfigured`, t('DDV-Konfiguration', 'DDV configuration'));
        }
        const e = [ev(`${p}.localComponentConfigured`, c)];
        return c.value
          ? pass(t('In der DDV konfiguriert.', 'Configured in the DDV.'), e)
          : fail(t('Nicht in der DDV konfiguriert.', 'Not configured in the DDV.'), e);
      }),
  },
];
