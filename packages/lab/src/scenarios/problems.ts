import type { ProblemArea, ScenarioDefinition } from './types.ts';

/**
 * The part of the Konnektor simulator config the problem detectors read. Structural on purpose: it matches
 * `SimulatorConfigInput` of @praxisready/konnektor without depending on its internals.
 */
export interface KonnektorConfigView {
  readonly contexts?: readonly { readonly workplaceId: string }[];
  readonly terminals?: readonly {
    readonly ctId: string;
    readonly workplaceIds: readonly string[];
    readonly connected?: boolean;
  }[];
  readonly cards?: readonly {
    readonly type: string;
    readonly expires: string;
    readonly pins?: Partial<Record<string, { readonly status: string }>>;
  }[];
  readonly connector?: {
    readonly certificateNotAfter?: string;
    readonly vpnTi?: string;
    readonly errorStates?: readonly { readonly condition: string; readonly active: boolean }[];
  };
  readonly faults?: { readonly faultCodes?: Partial<Record<string, string | number>> };
}

/** A problem found in a scenario, as written to the ground truth. */
export interface DetectedProblem {
  /** `<area>.<kind>` or `<area>.<kind>:<subject>`. */
  id: string;
  area: ProblemArea;
  /** German, technician-facing. */
  title: string;
}

export interface ProblemContext {
  scenario: ScenarioDefinition;
  /** null when the Konnektor simulator is not available. */
  konnektor: KonnektorConfigView | null;
  /** "Today" for certificate expiry. */
  now: Date;
}

interface Detector {
  kind: string;
  area: ProblemArea;
  /** Subjects the problem applies to; `[undefined]` for a problem without subject, `[]` for none. */
  detect(ctx: ProblemContext): (string | undefined)[];
  title(subject: string | undefined): string;
}

const DAY_MS = 86_400_000;
/** The audit warns about card certificates that expire within 90 days. */
export const EXPIRY_WARNING_DAYS = 90;

/** Whole calendar days (UTC) from today to `date`. */
function daysUntil(date: string, now: Date): number {
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  return Math.round((Date.parse(`${date.slice(0, 10)}T00:00:00Z`) - today) / DAY_MS);
}

const once = (cond: boolean): (string | undefined)[] => (cond ? [undefined] : []);

/** The detectors, one per kind of problem. Adding a problem kind = one entry. */
const DETECTORS: readonly Detector[] = [
  {
    kind: 'smcb-certificate-expiring',
    area: 'konnektor',
    detect: ({ konnektor, now }) =>
      once(
        (konnektor?.cards ?? []).some((c) => {
          const d = daysUntil(c.expires, now);
          return c.type === 'SMC-B' && d >= 0 && d < EXPIRY_WARNING_DAYS;
        }),
      ),
    title: () => `SMC-B-Zertifikat läuft in weniger als ${EXPIRY_WARNING_DAYS} Tagen ab`,
  },
  {
    kind: 'smcb-certificate-expired',
    area: 'konnektor',
    detect: ({ konnektor, now }) =>
      once((konnektor?.cards ?? []).some((c) => c.type === 'SMC-B' && daysUntil(c.expires, now) < 0)),
    title: () => 'SMC-B-Zertifikat abgelaufen',
  },
  {
    kind: 'gsmck-certificate-expired',
    area: 'konnektor',
    detect: ({ konnektor, now }) => {
      const notAfter = konnektor?.connector?.certificateNotAfter;
      return once(notAfter !== undefined && daysUntil(notAfter, now) < 0);
    },
    title: () => 'gSMC-K-Zertifikat des Konnektors abgelaufen',
  },
  {
    kind: 'workplace-without-terminal',
    area: 'konnektor',
    detect: ({ konnektor }) => {
      const workplaces = [...new Set((konnektor?.contexts ?? []).map((c) => c.workplaceId))];
      const covered = new Set((konnektor?.terminals ?? []).flatMap((t) => t.workplaceIds));
      return workplaces.filter((w) => !covered.has(w));
    },
    title: (w) => `Arbeitsplatz ${w ?? ''} hat kein Kartenterminal`,
  },
  {
    kind: 'terminal-disconnected',
    area: 'konnektor',
    detect: ({ konnektor }) => once((konnektor?.terminals ?? []).some((t) => t.connected === false)),
    title: () => 'Ein Kartenterminal ist nicht mit dem Konnektor verbunden',
  },
  {
    kind: 'pin-transport',
    area: 'konnektor',
    detect: ({ konnektor }) => pinSubjects(konnektor, 'TRANSPORT_PIN'),
    title: (t) => `${t ?? 'Karte'}: PIN noch nicht gesetzt (Transport-PIN)`,
  },
  {
    kind: 'pin-blocked',
    area: 'konnektor',
    detect: ({ konnektor }) => pinSubjects(konnektor, 'BLOCKED'),
    title: (t) => `${t ?? 'Karte'}: PIN gesperrt`,
  },
  {
    kind: 'vpn-ti-offline',
    area: 'konnektor',
    detect: ({ konnektor }) => once(konnektor?.connector?.vpnTi === 'Offline'),
    title: () => 'VPN zur TI ist offline',
  },
  {
    kind: 'error-state',
    area: 'konnektor',
    detect: ({ konnektor }) =>
      (konnektor?.connector?.errorStates ?? []).filter((e) => e.active).map((e) => e.condition),
    title: (c) => `Konnektor meldet Fehlerzustand ${c ?? ''}`,
  },
  {
    kind: 'fault',
    area: 'konnektor',
    detect: ({ konnektor }) =>
      Object.entries(konnektor?.faults?.faultCodes ?? {})
        .filter(([, code]) => code !== undefined)
        .map(([op, code]) => `${op}:${String(code)}`),
    title: (s) => `Konnektor antwortet mit SOAP-Fault (${s ?? ''})`,
  },
  {
    kind: 'no-pdf',
    area: 'printers',
    detect: ({ scenario }) =>
      scenario.printers.filter((p) => p.reachable && !p.formats.includes('application/pdf')).map((p) => p.id),
    title: (id) => `Drucker ${id ?? ''} kann kein PDF (Direktdruck nicht möglich)`,
  },
  {
    kind: 'unreachable',
    area: 'printers',
    detect: ({ scenario }) => scenario.printers.filter((p) => !p.reachable).map((p) => p.id),
    title: (id) => `Drucker ${id ?? ''} nicht erreichbar (IPP)`,
  },
  {
    kind: 'pvs-port-closed',
    area: 'network',
    detect: ({ scenario }) => scenario.closedPvsPorts.map(String),
    title: (port) => `PVS-Server: Port ${port ?? ''} geschlossen`,
  },
  {
    kind: 'unreachable',
    area: 'kim',
    detect: ({ scenario }) => once(!scenario.kimReachable),
    title: () => 'KIM-Clientmodul nicht erreichbar',
  },
  {
    kind: 'charset-mismatch',
    area: 'gdt',
    detect: ({ scenario }) =>
      scenario.gdtDevices
        .filter((d) =>
          [d.exportFile, d.importFile].some(
            (f) =>
              f !== null &&
              (f.declaredCharset !== d.configuredCharset ||
                CHARSET_OF_ENCODING[f.encoding] !== (f.declaredCharset ?? '2')),
          ),
        )
        .map((d) => d.id),
    title: (id) => `GDT ${id ?? ''}: Zeichensatz (9206) passt nicht zu Datei oder PVS-Einstellung`,
  },
  {
    kind: 'missing-examination-code',
    area: 'gdt',
    detect: ({ scenario }) =>
      scenario.gdtDevices
        .filter((d) => [d.exportFile, d.importFile].some((f) => f !== null && !f.withExaminationCode))
        .map((d) => d.id),
    title: (id) => `GDT ${id ?? ''}: Untersuchungscode (8402) fehlt`,
  },
  {
    kind: 'import-folder-missing',
    area: 'gdt',
    detect: ({ scenario }) => scenario.gdtDevices.filter((d) => !d.importFolderExists).map((d) => d.id),
    title: (id) => `GDT ${id ?? ''}: Importordner existiert nicht`,
  },
  {
    kind: 'installed-not-1',
    area: 'service-provider',
    detect: ({ scenario }) => {
      const sp = scenario.serviceProvider;
      return once(
        [sp.installationIni, sp.pvsIni].some((ini) => ini !== null && iniValue(ini, 'Installed') !== '1'),
      );
    },
    title: () => 'ServiceProvider.ini: Installed ist nicht auf 1 gesetzt',
  },
  {
    kind: 'port-closed',
    area: 'service-provider',
    detect: ({ scenario }) => once(!scenario.serviceProvider.listening),
    title: () => 'Service-Provider nicht erreichbar (Port 23174)',
  },
  {
    kind: 'pvs-ini-missing',
    area: 'service-provider',
    detect: ({ scenario }) => once(scenario.serviceProvider.pvsIni === null),
    title: () => 'PVS-ServiceProvider.ini im Datenverzeichnis fehlt',
  },
  {
    kind: 'customer-number-missing',
    area: 'service-provider',
    detect: ({ scenario }) => once(!iniValue(scenario.serviceProvider.installationIni, 'Kundennummer')),
    title: () => 'Installations-ServiceProvider.ini ohne Kundennummer',
  },
  {
    kind: 'ini-spaces',
    area: 'service-provider',
    detect: ({ scenario }) => once(scenario.serviceProvider.pvsIni?.spacesAroundEquals === true),
    title: () => 'PVS-ServiceProvider.ini enthält Leerzeichen um das Gleichheitszeichen',
  },
  {
    kind: 'identifier-mismatch',
    area: 'service-provider',
    detect: ({ scenario }) => {
      const { installationIni, pvsIni } = scenario.serviceProvider;
      return once(
        pvsIni !== null &&
          (iniValue(pvsIni, 'UniqueIdentifizier') !== iniValue(installationIni, 'UniqueIdentifizier') ||
            iniValue(pvsIni, 'TCPPort') !== iniValue(installationIni, 'TCPPort')),
      );
    },
    title: () => 'Die beiden ServiceProvider.ini nennen verschiedene Unique Identifier oder Ports',
  },
];

/** 9206 value that matches an encoding. */
const CHARSET_OF_ENCODING = { cp437: '2', 'windows-1252': '3' } as const;

function iniValue(
  ini: ScenarioDefinition['serviceProvider']['installationIni'],
  key: string,
): string | undefined {
  return ini.entries.find(([k]) => k === key)?.[1];
}

function pinSubjects(konnektor: KonnektorConfigView | null, status: string): string[] {
  const types = (konnektor?.cards ?? [])
    .filter((c) => Object.values(c.pins ?? {}).some((p) => p?.status === status))
    .map((c) => c.type);
  return [...new Set(types)];
}

/** All problems of a scenario, derived from its data and its Konnektor config. */
export function detectProblems(ctx: ProblemContext): DetectedProblem[] {
  return DETECTORS.flatMap((d) =>
    d.detect(ctx).map((subject) => ({
      id: `${d.area}.${d.kind}${subject === undefined ? '' : `:${subject}`}`,
      area: d.area,
      title: d.title(subject),
    })),
  );
}
