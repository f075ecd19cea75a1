import { AppError } from '@praxisready/model';
import type {
  GdtDeviceDefinition,
  GdtFileDefinition,
  IniDefinition,
  PrinterDefinition,
  ScenarioDefinition,
  ScenarioId,
  ServiceProviderDefinition,
} from './types.ts';

// The building blocks every scenario starts from: a small x.concept practice that is fine in every respect.
// Each scenario below is this practice with its problems put in, written out as data.

/** Unique identifier of the seed 004 example installation (x.concept). */
const SP_ID = '8330F1B9-514D-409F-B4E3-80ADE4076DA0';

const PDF_PRINTER: PrinterDefinition = {
  id: 'empfang',
  name: 'Empfang',
  // A Blankoformulardrucker from the seed 004 printer list.
  make: 'Brother',
  model: 'HL-L5100DN',
  location: 'Empfang',
  formats: ['application/pdf', 'image/pwg-raster', 'image/jpeg'],
  reachable: true,
};

const SECOND_PRINTER: PrinterDefinition = {
  id: 'behandlung-1',
  name: 'Behandlung 1',
  make: 'Kyocera',
  model: 'P2040dn',
  location: 'Behandlung 1',
  formats: ['application/pdf', 'image/pwg-raster'],
  reachable: true,
};

/** Installation-ServiceProvider.ini of seed 004 (x.concept), with the Kundennummer the seed asks for. */
function installationIni(overrides: Record<string, string | null> = {}): IniDefinition {
  const base: [string, string][] = [
    ['Installed', '1'],
    ['UniqueIdentifizier', SP_ID],
    ['TCPPort', '23174'],
    ['PVSTName', 'X.CONCEPT'],
    ['PVSDDataPath', 'C:\\DCONCEPT\\DEDATA'],
    ['Kundennummer', '123456'],
  ];
  return { section: 'Install', entries: applyOverrides(base, overrides), spacesAroundEquals: false };
}

/** PVS-ServiceProvider.ini of seed 004 (data directory, x.concept). */
function pvsIni(overrides: Record<string, string | null> = {}, spacesAroundEquals = false): IniDefinition {
  const base: [string, string][] = [
    ['Hostname', 'PRAXIS-SRV01'],
    ['UniqueIdentifizier', SP_ID],
    ['Installed', '1'],
    ['TCPPort', '23174'],
  ];
  return { section: 'INSTALL', entries: applyOverrides(base, overrides), spacesAroundEquals };
}

function applyOverrides(
  base: [string, string][],
  overrides: Record<string, string | null>,
): [string, string][] {
  return base
    .filter(([k]) => overrides[k] !== null)
    .map(([k, v]): [string, string] => [k, overrides[k] ?? v]);
}

const SERVICE_PROVIDER_OK: ServiceProviderDefinition = {
  uniqueIdentifier: SP_ID,
  installationIni: installationIni(),
  pvsIni: pvsIni(),
  listening: true,
};

const EKG_RESULT = {
  satzart: '6310',
  declaredCharset: '3',
  encoding: 'windows-1252',
  withExaminationCode: true,
} as const satisfies GdtFileDefinition;

const SPIRO_ORDER = {
  satzart: '6302',
  declaredCharset: '2',
  encoding: 'cp437',
  withExaminationCode: true,
} as const satisfies GdtFileDefinition;

const EKG: GdtDeviceDefinition = {
  id: 'ekg',
  name: 'Ruhe-EKG (Schiller AT-102 plus)',
  gdtId: 'AT102',
  abbreviation: 'EKG0',
  examinationCode: 'EKG',
  configuredCharset: '3',
  exportFile: { satzart: '6302', declaredCharset: '3', encoding: 'windows-1252', withExaminationCode: true },
  importFile: EKG_RESULT,
  importFolderExists: true,
};

const SPIRO: GdtDeviceDefinition = {
  id: 'spiro',
  name: 'Spirometer (ndd EasyOne)',
  gdtId: 'EASYONE',
  abbreviation: 'SPIR',
  examinationCode: 'SPIRO',
  configuredCharset: '2',
  exportFile: SPIRO_ORDER,
  importFile: { satzart: '6310', declaredCharset: '2', encoding: 'cp437', withExaminationCode: true },
  importFolderExists: true,
};

/**
 * The scenarios, as one list. `problems` names what each carries; `scenarios.test.ts` derives the problems from
 * the data (and from the Konnektor simulator preset) and checks that both agree.
 */
export const SCENARIOS: readonly ScenarioDefinition[] = [
  {
    id: 'ready',
    title: 'Alles in Ordnung: eine Praxis, die bereit für Doctolib und ein TI-angebundenes PVS ist',
    konnektorPreset: 'ready',
    printers: [PDF_PRINTER, SECOND_PRINTER],
    pvsProduct: 'x.concept',
    closedPvsPorts: [],
    kimReachable: true,
    serviceProvider: SERVICE_PROVIDER_OK,
    gdtDevices: [EKG, SPIRO],
    problems: [],
  },
  {
    id: 'typical-problems',
    title:
      'Die typischen Stolpersteine aus den Seeds (Zertifikat läuft ab, Drucker ohne PDF, GDT, Service-Provider)',
    konnektorPreset: 'typical-problems',
    printers: [PDF_PRINTER, { ...SECOND_PRINTER, formats: ['image/pwg-raster', 'image/jpeg'] }],
    pvsProduct: 'x.concept',
    closedPvsPorts: [],
    kimReachable: true,
    serviceProvider: {
      ...SERVICE_PROVIDER_OK,
      installationIni: installationIni({ Installed: '0' }),
      listening: false,
    },
    gdtDevices: [
      {
        ...EKG,
        // The device writes Windows bytes but declares CP 437: umlauts arrive garbled.
        importFile: { ...EKG_RESULT, declaredCharset: '2' },
      },
      { ...SPIRO, exportFile: { ...SPIRO_ORDER, withExaminationCode: false } },
    ],
    problems: [
      'konnektor.smcb-certificate-expiring',
      'konnektor.workplace-without-terminal:Empfang',
      'konnektor.pin-transport:HBA',
      'konnektor.terminal-disconnected',
      'konnektor.error-state:EC_NK_Certificate_Expiring',
      'konnektor.error-state:EC_FW_Update_Available',
      'printers.no-pdf:behandlung-1',
      'gdt.charset-mismatch:ekg',
      'gdt.missing-examination-code:spiro',
      'service-provider.installed-not-1',
      'service-provider.port-closed',
    ],
  },
  {
    id: 'broken',
    title: 'Gestört: Konnektor mit Fehlern, VPN offline, Teile der Praxis nicht erreichbar',
    konnektorPreset: 'broken',
    printers: [PDF_PRINTER, { ...SECOND_PRINTER, reachable: false }],
    pvsProduct: 'x.concept',
    // SQL Server down (1433, 1434) and the CardManager ports closed by a firewall.
    closedPvsPorts: [1433, 1434, 5555, 5556],
    kimReachable: false,
    serviceProvider: {
      ...SERVICE_PROVIDER_OK,
      installationIni: installationIni({ Kundennummer: null }),
      pvsIni: pvsIni({ UniqueIdentifizier: '51EC3B21-1884-424E-A9F0-A417B5160505' }, true),
    },
    gdtDevices: [EKG, { ...SPIRO, importFile: null, importFolderExists: false }],
    problems: [
      'konnektor.smcb-certificate-expired',
      'konnektor.gsmck-certificate-expired',
      'konnektor.pin-blocked:SMC-B',
      'konnektor.vpn-ti-offline',
      'konnektor.error-state:EC_No_VPN_TI_Connection',
      'konnektor.error-state:EC_NK_Certificate_Expired',
      'konnektor.error-state:EC_TSL_Out_Of_Date_Beyond_Grace_Period',
      'konnektor.fault:GetCardTerminals:4000',
      'printers.unreachable:behandlung-1',
      'network.pvs-port-closed:1433',
      'network.pvs-port-closed:1434',
      'network.pvs-port-closed:5555',
      'network.pvs-port-closed:5556',
      'kim.unreachable',
      'gdt.import-folder-missing:spiro',
      'service-provider.customer-number-missing',
      'service-provider.ini-spaces',
      'service-provider.identifier-mismatch',
    ],
  },
];

/** The scenario with this id. */
export function scenarioById(id: ScenarioId): ScenarioDefinition {
  const found = SCENARIOS.find((s) => s.id === id);
  if (!found) {
    throw new AppError('BAD_REQUEST', `Unknown scenario ${id}`, {
      hint: `Szenarien: ${SCENARIOS.map((s) => s.id).join(', ')}`,
    });
  }
  return found;
}
