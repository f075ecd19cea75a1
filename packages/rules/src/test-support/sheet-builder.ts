/**
 * Builds audit sheets for tests and the examples: `readyPracticeInput()` is a practice that passes every check
 * (the figures of seed 004 with headroom), and the helpers find the parts tests mutate. Dates are fixed, chosen
 * so that the ready practice stays valid for years (certificates until 2030/2031, no "last backup" date).
 */
import type { AuditSheetInput, ValueSource } from '@praxisready/model';
import { AuditSheetSchema } from '@praxisready/model';
import { KBV_CATALOG } from '../catalogs/kbv.ts';
import { OPERATIONS_CHECKLIST } from '../catalogs/operations.ts';

/** The evaluation time every rules test uses. */
export const TEST_NOW = new Date('2026-11-23T10:00:00Z');
/** When the example values were recorded. */
export const AT = '2026-11-20T09:00:00Z';

/** A sourced value. */
export function v<T>(value: T, source: ValueSource = 'person') {
  return { value, source, at: AT };
}

export const INSTALL_INI = [
  '[Install]',
  'Installed=1',
  'UniqueIdentifizier=8330F1B9-514D-409F-B4E3-80ADE4076DA0',
  'TCPPort=23174',
  'PVSTName=X.CONCEPT',
  'PVSDDataPath=C:\\DCONCEPT\\DEDATA',
  'Kundennummer=123456',
  '',
].join('\r\n');

export const DATA_INI = [
  '[INSTALL]',
  'Hostname=SRV01',
  'UniqueIdentifizier=8330F1B9-514D-409F-B4E3-80ADE4076DA0',
  'Installed=1',
  'TCPPort=23174',
  '',
].join('\r\n');

function workstation(id: string, name: string) {
  return {
    id,
    role: v('workstation' as const, 'probe'),
    computerName: v(name, 'probe'),
    os: {
      family: v('windows' as const, 'probe'),
      name: v('Microsoft Windows 11 Pro', 'probe'),
      edition: v('Pro', 'probe'),
      version: v('11', 'probe'),
      build: v('26100', 'probe'),
      arch: v('x64' as const, 'probe'),
    },
    cpu: { model: v('Intel Core i5-13500', 'probe'), clockGhz: v(2.5, 'probe'), cores: v(14, 'probe') },
    ramGb: v(16, 'probe'),
    disks: v([{ mount: 'C:', sizeGb: 512, freeGb: 380, kind: 'ssd' as const }], 'probe'),
    nicSpeedMbit: v(1000, 'probe'),
    display: v({ width: 1920, height: 1080 }, 'probe'),
    dotnetVersions: v(['4.8.1'], 'probe'),
    office: v({ product: 'Microsoft Office LTSC Standard 2021', wordVersion: '2021', bitness: 32 }, 'probe'),
    antivirus: v(
      { product: 'G DATA Endpoint Protection', enabled: true, upToDate: true, kind: 'av' as const },
      'probe',
    ),
    firewallEnabled: v(true, 'probe'),
    pendingUpdates: v(0, 'probe'),
    autoUpdates: v(true, 'probe'),
  };
}

/** A practice that passes every check (input form, as written in a JSON file). */
export function readyPracticeInput() {
  const server = {
    ...workstation('srv01', 'SRV01'),
    role: v('server' as const, 'probe'),
    os: {
      family: v('windows' as const, 'probe'),
      name: v('Microsoft Windows Server 2022 Standard', 'probe'),
      edition: v('Standard', 'probe'),
      version: v('2022', 'probe'),
      build: v('20348', 'probe'),
      arch: v('x64' as const, 'probe'),
    },
    cpu: { model: v('Intel Xeon E-2388G', 'probe'), clockGhz: v(3.2, 'probe'), cores: v(8, 'probe') },
    ramGb: v(64, 'probe'),
    rdpSessions: v(2, 'probe'),
    disks: v(
      [
        { mount: 'C:', sizeGb: 240, freeGb: 120, kind: 'ssd' as const },
        { mount: 'D:', sizeGb: 1920, freeGb: 1400, kind: 'ssd' as const, isDataDrive: true },
      ],
      'probe',
    ),
    ups: v(true),
    office: undefined,
  };
  const sheet = {
    kind: 'praxisready.audit-sheet' as const,
    schemaVersion: 1 as const,
    id: 'sheet-ready-practice',
    caseId: 'case-2026-0042',
    stage: 'audit' as const,
    practice: {
      id: 'praxis-sonnenhof',
      name: 'Hausarztpraxis am Sonnenhof',
      kind: 'einzelpraxis' as const,
      specialty: 'Allgemeinmedizin',
      address: { street: 'Sonnenhof 3', postalCode: '65343', city: 'Eltville am Rhein', country: 'DE' },
      contacts: [
        { id: 'dr-sommer', name: 'Dr. med. Lena Sommer', role: 'doctor' as const },
        { id: 'pm-weber', name: 'Petra Weber', role: 'practice_manager' as const },
      ],
    },
    technician: 'M. Keller',
    auditDate: '2026-11-20',
    mode: 'on_site' as const,
    profile: {
      staffInDataProcessing: v(4),
      extensiveDataProcessing: v('no' as const),
      largeMedicalDevices: v('no' as const),
      decentralTiComponents: v('yes' as const),
      doctors: v(1),
      workplaceCount: v(3),
      doctolib: v(true),
    },
    workplaces: [
      {
        id: 'wp-empfang',
        name: v('Empfang'),
        machineId: 'ws-empfang',
        tiWorkplaceId: v('AP-Empfang'),
        needsCardTerminal: v(true),
      },
      {
        id: 'wp-sprech1',
        name: v('Sprechzimmer 1'),
        machineId: 'ws-sprech1',
        tiWorkplaceId: v('AP-Sprech1'),
        needsCardTerminal: v(true),
      },
      { id: 'wp-labor', name: v('Labor'), needsCardTerminal: v(false) },
    ],
    machines: [server, workstation('ws-empfang', 'EMPFANG01'), workstation('ws-sprech1', 'SPRECH01')],
    ti: {
      connection: v('konnektor' as const),
      konnektor: {
        host: v('10.0.10.5'),
        port: v(443),
        reachable443: v(true, 'probe'),
        tls: v(
          {
            protocol: 'TLSv1.2',
            subjectCn: 'konnektor.praxis.local',
            notAfter: '2031-05-31T23:59:59Z',
            trusted: true,
          },
          'probe',
        ),
        sdsReadable: v(true, 'probe'),
        product: v(
          { vendor: 'secunet', productName: 'secunet konnektor 2.1.0', firmwareVersion: '5.50.4' },
          'probe',
        ),
        gsmcKExpiry: v('2030-09-30'),
        vpnTiOnline: v(true, 'probe'),
        operatingStates: v([] as { type: string; severity?: string }[], 'probe'),
      },
      context: {
        mandantId: v('Mandant1'),
        clientSystemId: v('PVS-xconcept'),
        workplaceIds: v(['AP-Empfang', 'AP-Sprech1']),
        standort: v('Eltville'),
        accepted: v(true, 'probe'),
      },
      terminals: v(
        [
          { id: 'KT-01', name: 'ORGA 6141 Empfang', workplaceIds: ['AP-Empfang'], connected: true },
          { id: 'KT-02', name: 'Cherry ST-1506 Sprech1', workplaceIds: ['AP-Sprech1'], connected: true },
        ],
        'probe',
      ),
      cards: v(
        [
          {
            type: 'SMC-B' as const,
            iccsn: '80276883110000117001',
            holder: 'Hausarztpraxis am Sonnenhof',
            certificateExpiry: '2031-03-31',
            terminalId: 'KT-01',
            pinStatus: 'VERIFIED' as const,
          },
          {
            type: 'HBA' as const,
            iccsn: '80276001011699900001',
            holder: 'Dr. med. Lena Sommer',
            certificateExpiry: '2030-08-31',
            terminalId: 'KT-02',
            pinStatus: 'VERIFIABLE' as const,
            doctorId: 'dr-sommer',
          },
        ],
        'probe',
      ),
      kim: { clientModuleInstalled: v(true), reachable: v(true), kimAddressActive: v(true) },
      tiGatewayMigration: { required: v(false) },
    },
    gdt: {
      devices: [
        {
          id: 'gdt-ekg',
          name: v('EKG Schiller AT-102'),
          deviceType: v('EKG'),
          gdtVersion: v('02.10' as const),
          receiverId: v('EKG1'),
          senderId: v('PVS1'),
          export: {
            folder: v('C:\\GDT\\EKG'),
            fileName: v('PVSEKG1.gdt'),
            folderExists: v(true, 'probe'),
            writable: v(true, 'probe'),
          },
          import: {
            folder: v('C:\\GDT\\EKG'),
            fileName: v('EKG1PVS.gdt'),
            folderExists: v(true, 'probe'),
            writable: v(true, 'probe'),
            syncFolderConfigured: v(true),
          },
          charsetConfigured: v('cp437' as const),
          charsetObserved: v('cp437' as const, 'probe'),
          examinationCode: v('EKG01'),
        },
      ],
    },
    mobileCardTerminals: [
      {
        id: 'mkt-1',
        model: v('ORGA 930 M online'),
        hostComputer: v('EMPFANG01'),
        hostOs: v('windows' as const),
        hostArch: v('x64' as const),
        driverPath: v('C:\\Program Files\\Ingenico Healthcare\\ORGA 930 M online'),
        driverInstalled: v(true),
        localComponentConfigured: v(true),
      },
    ],
    print: {
      printers: [
        {
          id: 'pr-empfang',
          name: v('Kyocera P3045dn Empfang'),
          host: v('10.0.20.31'),
          uri: v('ipp://10.0.20.31/ipp/print'),
          makeAndModel: v('Kyocera ECOSYS P3045dn'),
          reachable: v(true, 'probe'),
          ippSupported: v(true, 'probe'),
          pdfSupported: v(true, 'probe'),
          resolutionsDpi: v([300, 600, 1200], 'probe'),
          trays: v(['Fach 1', 'Fach 2'], 'probe'),
        },
      ],
      profiles: [
        { documentType: 'AU' as const, printerId: v('pr-empfang'), tray: v('Fach 2') },
        { documentType: 'Rezept' as const, printerId: v('pr-empfang'), tray: v('Fach 1') },
      ],
    },
    network: {
      ipPlanDocumented: v(true),
      subnets: v([
        { cidr: '10.0.20.0/24', vlanId: 20, purpose: 'medical' as const, name: 'Praxis' },
        { cidr: '10.0.10.0/24', vlanId: 10, purpose: 'ti' as const, name: 'TI' },
        { cidr: '192.168.50.0/24', vlanId: 50, purpose: 'guest' as const, name: 'Gast-WLAN' },
      ]),
      guestSeparated: v('yes' as const),
      dhcpServer: v('10.0.20.1'),
      dhcpDocumented: v(true),
      dnsServers: v(['10.0.20.1']),
      dnsDocumented: v(true),
      natAclsDocumented: v(true),
      firewallProduct: v('Sophos XGS 87'),
      siteToSiteVpn: v(false),
      remoteVpn: v(true),
      vpnSecured: v(true),
      internetReachable: v(true, 'probe'),
      internetDownMbit: v(100, 'probe'),
      internetUpMbit: v(40, 'probe'),
      portChecks: v(
        [
          {
            host: 'SRV01',
            port: 23174,
            protocol: 'tcp' as const,
            state: 'open' as const,
            role: 'pvs_server',
          },
          { host: 'SRV01', port: 1434, protocol: 'tcp' as const, state: 'open' as const, role: 'pvs_server' },
          { host: 'SRV01', port: 9910, protocol: 'tcp' as const, state: 'open' as const, role: 'pvs_server' },
          {
            host: '10.0.10.5',
            port: 443,
            protocol: 'tcp' as const,
            state: 'open' as const,
            role: 'konnektor',
          },
        ],
        'probe',
      ),
      konnektorAdminPortExposed: v(false),
      serverRemoteAccess: v(true),
    },
    pvs: {
      product: v('x.concept' as const),
      productName: v('x.concept'),
      version: v('25.2'),
      serverName: v('SRV01'),
      dbConnection: v('SRV01\\XCONCEPT'),
      sqlServer: { version: v('2019'), edition: v('Standard'), instance: v('XCONCEPT'), host: v('SRV01') },
      dataPaths: v([
        'D:\\dconcept\\dedata',
        'D:\\dconcept\\detext',
        'D:\\dconcept\\deziff',
        'D:\\dconcept\\ivm\\dedata',
      ]),
      serviceProvider: {
        installIni: v(
          {
            path: 'C:\\Program Files (x86)\\medatixx GmbH & Co. KG\\ServiceProvider_8330F1B9-514D-409F-B4E3-80ADE4076DA0\\ServiceProvider.ini',
            found: true,
            text: INSTALL_INI,
          },
          'probe',
        ),
        dataIni: v(
          { path: 'D:\\DConcept\\DeData\\ServiceProvider.ini', found: true, text: DATA_INI },
          'probe',
        ),
        reachable: v(true, 'probe'),
        upToDate: v(true),
        dataPathExists: v(true, 'probe'),
        installedOnMappedDrive: v(false, 'probe'),
        serviceRunning: v(true, 'probe'),
      },
    },
    peripherals: [
      {
        id: 'scan-1',
        kind: 'scanner' as const,
        name: v('Fujitsu fi-8170'),
        approvedForOs: v('yes' as const),
      },
    ],
    security: {
      updatesManaged: v(true),
      avCentrallyManaged: v(true),
      adminAccountsSeparated: v(true),
      individualUserAccounts: v(true),
      loggingEnabled: v(true),
      passwordPolicy: v(true),
      mfaRemoteAccess: v('yes' as const),
      staffAwarenessTraining: v(true),
      emergencyPlan: v(true),
    },
    backup: {
      details: {
        device: v('Tandberg RDX QuikStor + Synology DS224+'),
        software: v('BackupAssist Classic inkl. SQL-Plugin'),
        medium: v('RDX 2 TB, NAS RAID1'),
        mediaCount: v(5),
        encryptionOffsite: v(true),
        encryptionOnsite: v(true),
        encryptionPasswordDeposited: v(true),
        practiceDeclinesEncryption: v(false),
      },
      settings: {
        kind: v('file_and_image' as const),
        weekdays: v(['mo', 'di', 'mi', 'do', 'fr'] as ('mo' | 'di' | 'mi' | 'do' | 'fr' | 'sa' | 'so')[]),
        start: v('22:00'),
        protocol: v('backup_software_log' as const),
        monitoring: v(true),
      },
      content: {
        paths: v([
          'D:\\dconcept\\dedata',
          'D:\\dconcept\\detext',
          'D:\\dconcept\\deziff',
          'D:\\dconcept\\ivm\\dedata',
        ]),
        sqlDatabases: v(['XCONCEPT']),
        sqlPluginPresent: v(true),
      },
      copies: v(3),
      mediaTypes: v(2),
      offsiteCopy: v(true),
      test: { result: v('success' as const), restoreVerified: v(true), date: v('2026-11-20') },
      instruction: { persons: v(['Petra Weber', 'Jonas Brandt']), confirmed: v(true), date: v('2026-11-20') },
    },
    kbv: {
      zielobjekte: {
        'Smartphone und Tablet': v('yes'),
        Mobiltelefon: v('yes'),
        'Wechseldatenträger / Speichermedien': v('yes'),
        'E-Mail-Client und -Server': v('yes'),
        'Mobile Anwendungen (Apps)': v('yes'),
        'Internet-Anwendungen - Anbieter': v('no'),
        'Internet-Anwendungen - Anwender': v('yes'),
        'Cloud-Anwendungen - Anbieter': v('no'),
        'Mobile Device Management (MDM)': v('no'),
      } as Record<string, ReturnType<typeof v<'yes' | 'no' | 'unknown'>>>,
      requirements: Object.fromEntries(KBV_CATALOG.map((r) => [r.id, v({ status: 'done' })])) as Record<
        string,
        ReturnType<typeof v<{ status: 'done' | 'partial' | 'open' | 'not_applicable'; note?: string }>>
      >,
    },
    operations: {
      items: Object.fromEntries(OPERATIONS_CHECKLIST.map((i) => [i.id, v({ status: 'done' })])) as Record<
        string,
        ReturnType<typeof v<{ status: 'done' | 'partial' | 'open' | 'not_applicable'; note?: string }>>
      >,
    },
    diagnostics: { reportedSymptoms: v([] as string[]) },
    observations: [],
  };
  return sheet;
}

export type SheetDraft = ReturnType<typeof readyPracticeInput>;

/** Parses a draft with the model schema (throws on an invalid draft: a broken test fixture). */
export function parseDraft(draft: SheetDraft | AuditSheetInput) {
  return AuditSheetSchema.parse(JSON.parse(JSON.stringify(draft)));
}

/** The machine with this id (throws when absent: a broken test). */
export function machine(s: SheetDraft, id: string) {
  const m = s.machines.find((x) => x.id === id);
  if (!m) {
    throw new Error(`no machine ${id}`);
  }
  return m;
}

export function first<T>(list: readonly T[]): T {
  const x = list[0];
  if (x === undefined) {
    throw new Error('empty list');
  }
  return x;
}
