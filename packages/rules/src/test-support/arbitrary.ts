/**
 * A fast-check arbitrary for audit sheets: random inputs shaped like the schema (every section, optional fields
 * left out at random, odd values such as empty strings, zero, far-away dates), parsed with AuditSheetSchema so
 * that only schema-valid sheets reach the rules.
 */
import fc from 'fast-check';
import { AuditSheetSchema, type AuditSheet } from '@praxisready/model';
import { KBV_CATALOG } from '../catalogs/kbv.ts';
import { OPERATIONS_CHECKLIST } from '../catalogs/operations.ts';
import { QUICK_CHECKS } from '../catalogs/quick-checks.ts';
import { PORT_LIST } from '../catalogs/ports.ts';

const at = fc.constantFrom('2026-11-20T09:00:00Z', '2020-01-01T00:00:00+01:00');
const src = fc.constantFrom('probe', 'person', 'import');
const s = <T>(a: fc.Arbitrary<T>) => fc.record({ value: a, source: src, at });
const opt = <T extends Record<string, fc.Arbitrary<unknown>>>(r: T) => fc.record(r, { requiredKeys: [] });

const date = fc.oneof(
  fc.constantFrom('2020-01-01', '2025-10-14', '2026-11-23', '2027-02-21', '2031-12-31', '1999-12-31'),
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const ts = date.map((d) => `${d}T12:00:00Z`);
const str = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'SRV01',
    'Ä-ÜBERLANGER-RECHNERNAME',
    'x.concept',
    '2022',
    '10',
    '11',
    '2012 R2',
    'Home',
    'Pro',
    'Essentials',
  ),
  fc.string({ maxLength: 20 }),
);
const tri = fc.constantFrom('yes', 'no', 'unknown');
const bool = fc.boolean();
const num = fc.oneof(
  fc.constantFrom(0, 1, 2.5, 8, 16, 32, 100, 500, 1000),
  fc.double({ min: 0, max: 5000, noNaN: true }),
);
const int = fc.nat({ max: 40 });
const id = fc.constantFrom('a', 'b', 'c', 'wp-1', 'srv');
const checklist = s(
  fc.record(
    { status: fc.constantFrom('done', 'partial', 'open', 'not_applicable') },
    { requiredKeys: ['status'] },
  ),
);
const portState = fc.constantFrom('open', 'closed', 'filtered', 'unknown');
const iniText = fc.oneof(
  fc.constantFrom(
    '[Install]\r\nInstalled=1\r\nTCPPort=23174\r\nPVSTName=X.CONCEPT\r\n',
    '[INSTALL]\nInstalled = 0\n',
    '',
  ),
  fc.string({ maxLength: 200 }),
);

const machine = opt({
  id,
  role: s(fc.constantFrom('workstation', 'server', 'terminal_server', 'laptop')),
  computerName: s(str),
  os: opt({
    family: s(fc.constantFrom('windows', 'macos', 'linux', 'other')),
    edition: s(str),
    version: s(str),
    name: s(str),
    arch: s(fc.constantFrom('x64', 'x86', 'arm64', 'other')),
  }),
  cpu: opt({
    clockGhz: s(fc.double({ min: 0.1, max: 6, noNaN: true })),
    cores: s(fc.integer({ min: 1, max: 64 })),
  }),
  ramGb: s(num),
  disks: s(
    fc.array(
      fc.record(
        {
          mount: str,
          sizeGb: num,
          freeGb: num,
          kind: fc.constantFrom('ssd', 'hdd', 'unknown'),
          isDataDrive: bool,
        },
        { requiredKeys: ['mount', 'sizeGb', 'freeGb', 'kind'] },
      ),
      { maxLength: 3 },
    ),
  ),
  nicSpeedMbit: s(num),
  display: s(
    fc.record({ width: fc.integer({ min: 1, max: 8000 }), height: fc.integer({ min: 1, max: 5000 }) }),
  ),
  ups: s(bool),
  rdpSessions: s(int),
  dotnetVersions: s(fc.array(fc.constantFrom('4.8', '4.8.1', '4.7.2', '6.0', '', 'x'), { maxLength: 3 })),
  office: s(
    fc.record(
      { product: str, wordVersion: str, bitness: fc.constantFrom(32, 64) },
      { requiredKeys: ['product'] },
    ),
  ),
  antivirus: s(
    fc.record({ product: str, enabled: bool, upToDate: bool }, { requiredKeys: ['product', 'enabled'] }),
  ),
  firewallEnabled: s(bool),
  pendingUpdates: s(int),
  lastUpdateInstalled: s(date),
  autoUpdates: s(bool),
}).filter((m) => m.id !== undefined && m.role !== undefined);

const card = fc.record(
  {
    type: fc.constantFrom('SMC-B', 'HBA', 'EGK', 'UNKNOWN'),
    iccsn: str,
    certificateExpiry: date,
    pinStatus: fc.constantFrom('VERIFIED', 'TRANSPORT_PIN', 'BLOCKED', 'VERIFIABLE'),
    doctorId: id,
  },
  { requiredKeys: ['type'] },
);

const dir = opt({ folder: s(str), fileName: s(str), folderExists: s(bool), writable: s(bool) });

const sheetInput = fc.record(
  {
    kind: fc.constant('praxisready.audit-sheet'),
    schemaVersion: fc.constant(1),
    id: fc.constant('sheet'),
    practice: fc.record({
      id: fc.constant('p'),
      name: fc.constant('Praxis'),
      contacts: fc.array(
        fc.record({ id, name: fc.constantFrom('Dr. A', 'B'), role: fc.constantFrom('doctor', 'staff') }),
        { maxLength: 3 },
      ),
    }),
    profile: opt({
      staffInDataProcessing: s(int),
      extensiveDataProcessing: s(tri),
      largeMedicalDevices: s(tri),
      decentralTiComponents: s(tri),
      doctors: s(int),
      doctolib: s(bool),
    }),
    workplaces: fc.array(
      fc.record(
        { id, name: s(str), tiWorkplaceId: s(str), needsCardTerminal: s(bool) },
        { requiredKeys: ['id', 'name'] },
      ),
      { maxLength: 3 },
    ),
    machines: fc.array(machine, { maxLength: 3 }),
    ti: opt({
      connection: s(fc.constantFrom('konnektor', 'ti_gateway', 'hosted_konnektor', 'none')),
      konnektor: opt({
        host: s(str),
        reachable443: s(bool),
        tls: s(opt({ notAfter: ts, trusted: bool })),
        sdsReadable: s(bool),
        gsmcKExpiry: s(date),
        operatingStates: s(
          fc.array(fc.record({ type: str, severity: fc.constantFrom('Error', 'Info', 'Fatal') }), {
            maxLength: 2,
          }),
        ),
      }),
      context: opt({
        mandantId: s(str),
        clientSystemId: s(str),
        workplaceIds: s(fc.array(str, { maxLength: 3 })),
        accepted: s(bool),
      }),
      terminals: s(
        fc.array(fc.record({ id, workplaceIds: fc.array(str, { maxLength: 2 }) }), { maxLength: 3 }),
      ),
      cards: s(fc.array(card, { maxLength: 4 })),
      kim: opt({ kimAddressActive: s(bool) }),
      tiGatewayMigration: opt({
        required: s(bool),
        contactPerson: s(str),
        ownDhcpServerKnown: s(tri),
        appointment: s(date),
        kimMailsFetched: s(bool),
        adminPasswords: opt({ windows: s(bool), router: s(bool) }),
      }),
    }),
    gdt: opt({
      devices: fc.array(
        fc.record(
          {
            id,
            name: s(str),
            export: dir,
            import: dir,
            charsetConfigured: s(fc.constantFrom('7bit', 'cp437', 'iso-8859-1', 'utf8')),
            charsetObserved: s(fc.constantFrom('7bit', 'cp437', 'iso-8859-1', 'utf8')),
            examinationCode: s(str),
          },
          { requiredKeys: ['id'] },
        ),
        { maxLength: 2 },
      ),
    }),
    mobileCardTerminals: fc.array(
      fc.record(
        {
          id,
          model: s(str),
          hostOs: s(fc.constantFrom('windows', 'macos')),
          hostArch: s(fc.constantFrom('x64', 'arm64')),
          driverPath: s(str),
          driverInstalled: s(bool),
        },
        { requiredKeys: ['id', 'model'] },
      ),
      { maxLength: 2 },
    ),
    print: opt({
      printers: fc.array(
        fc.record(
          {
            id,
            reachable: s(bool),
            ippSupported: s(bool),
            pdfSupported: s(bool),
            resolutionsDpi: s(fc.array(fc.integer({ min: 1, max: 2400 }), { maxLength: 3 })),
          },
          { requiredKeys: ['id'] },
        ),
        { maxLength: 2 },
      ),
      profiles: fc.array(
        fc.record({ documentType: fc.constantFrom('AU', 'Rezept', 'BTM'), printerId: s(id) }),
        { maxLength: 3 },
      ),
      requiredDocumentTypes: s(fc.array(fc.constantFrom('AU', 'Rezept', 'Labor'), { maxLength: 3 })),
    }),
    network: opt({
      guestSeparated: s(tri),
      remoteVpn: s(bool),
      vpnSecured: s(bool),
      internetDownMbit: s(num),
      internetReachable: s(bool),
      konnektorAdminPortExposed: s(bool),
      portChecks: s(
        fc.array(
          fc.record({
            host: fc.constantFrom('SRV01', 'webtermin.medatixx.de', '10.0.0.1'),
            port: fc.constantFrom(
              ...PORT_LIST.flatMap((r) => r.ports.map((p) => (typeof p === 'number' ? p : p[0]))),
              1,
              65535,
            ),
            protocol: fc.constantFrom('tcp', 'udp'),
            state: portState,
            role: fc.constantFrom('pvs_server', 'konnektor', 'printer'),
          }),
          { maxLength: 4 },
        ),
      ),
    }),
    pvs: opt({
      product: s(
        fc.constantFrom('x.concept', 'x.comfort', 'x.isynet', 'x.vianova', 'medatixx', 'doctolib', 'other'),
      ),
      sqlServer: opt({ version: s(str), azureExtensionEnabled: s(bool) }),
      serviceProvider: opt({
        installIni: s(
          fc.record({ path: str, found: bool, text: iniText }, { requiredKeys: ['path', 'found'] }),
        ),
        dataIni: s(fc.record({ path: str, found: bool, text: iniText }, { requiredKeys: ['path', 'found'] })),
        reachable: s(bool),
        upToDate: s(bool),
        dataPathExists: s(bool),
        onSqlServerHost: s(bool),
      }),
    }),
    security: opt({ adminAccountsSeparated: s(bool), loggingEnabled: s(bool), mfaRemoteAccess: s(tri) }),
    backup: opt({
      copies: s(int),
      mediaTypes: s(int),
      offsiteCopy: s(bool),
      lastSuccessfulBackup: s(date),
      details: opt({
        encryptionOffsite: s(bool),
        encryptionOnsite: s(bool),
        practiceDeclinesEncryption: s(bool),
      }),
      test: opt({
        result: s(fc.constantFrom('success', 'not_possible', 'not_wanted')),
        restoreVerified: s(bool),
      }),
    }),
    kbv: opt({
      zielobjekte: fc.dictionary(fc.constantFrom(...new Set(KBV_CATALOG.map((r) => r.zielobjekt))), s(tri), {
        maxKeys: 4,
      }),
      requirements: fc.dictionary(fc.constantFrom(...KBV_CATALOG.map((r) => r.id)), checklist, {
        maxKeys: 6,
      }),
    }),
    operations: opt({
      items: fc.dictionary(fc.constantFrom(...OPERATIONS_CHECKLIST.map((i) => i.id)), checklist, {
        maxKeys: 3,
      }),
    }),
    diagnostics: opt({
      reportedSymptoms: s(
        fc.array(fc.constantFrom(...QUICK_CHECKS.map((q) => q.id), 'other'), { maxLength: 2 }),
      ),
    }),
  },
  { requiredKeys: ['kind', 'schemaVersion', 'id', 'practice'] },
);

/** Schema-valid audit sheets (inputs the schema rejects are dropped). */
export const arbitrarySheet: fc.Arbitrary<AuditSheet> = sheetInput
  .map((input) => AuditSheetSchema.safeParse(input))
  .filter((r) => r.success)
  .map((r) => (r as { success: true; data: AuditSheet }).data);

/** Evaluation times around the interesting dates (Windows 10 end of support, today, far future). */
export const arbitraryNow = fc.oneof(
  fc.constantFrom(new Date('2025-10-14T00:00:00Z'), new Date('2026-11-23T10:00:00Z')),
  fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
);
