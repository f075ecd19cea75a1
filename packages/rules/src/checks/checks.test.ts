import { describe, expect, it } from 'vitest';
import type { FindingStatus, GdtFolderAudit } from '@praxisready/model';
import { checks } from './index.ts';
import { evaluate } from '../evaluate.ts';
import { KBV_CATALOG } from '../catalogs/kbv.ts';
import { OPERATIONS_CHECKLIST } from '../catalogs/operations.ts';
import { TI_GATEWAY_CHECKLIST } from '../catalogs/ti-gateway.ts';
import { kbvCheckId } from './kbv.ts';
import {
  DATA_INI,
  INSTALL_INI,
  TEST_NOW,
  first,
  machine,
  parseDraft,
  readyPracticeInput,
  v,
  type SheetDraft,
} from '../test-support/sheet-builder.ts';

type Mutate = (s: SheetDraft) => void;
interface Case {
  id: string;
  /** Changes to the ready practice that must still pass (boundary values of the seed); default none. */
  pass?: Mutate;
  fail: Mutate;
  /** Status the fail case must produce; default 'fail'. */
  expect?: FindingStatus;
  /** Text the failing explanation must contain (seed wording). */
  says?: string;
}

const ws = (s: SheetDraft) => machine(s, 'ws-empfang');
const srv = (s: SheetDraft) => machine(s, 'srv01');
const sp = (s: SheetDraft) => s.pvs.serviceProvider;
const cards = (s: SheetDraft) => s.ti.cards.value;
const gdt = (s: SheetDraft) => first(s.gdt.devices);
const mct = (s: SheetDraft) => first(s.mobileCardTerminals);
const printer = (s: SheetDraft) => first(s.print.printers);
/** A folder audit as the GDT engine reports it: two files, declared CP437, with the given problem tally. */
function folderAudit(problems: GdtFolderAudit['problems']): GdtFolderAudit {
  const tally = { cp437: 2 };
  return {
    path: 'C:/GDT/EKG/import',
    role: 'import',
    scannedAt: '2026-11-23T09:00:00Z',
    durationMs: 3,
    exists: true,
    isDirectory: true,
    readable: true,
    writable: true,
    truncated: false,
    counts: {
      gdtFiles: 2,
      tempFiles: 0,
      otherFiles: 0,
      subdirectories: 0,
      records: 2,
      unreadableFiles: 0,
      notGdtFiles: 0,
      staleFiles: 0,
      filesWithErrors: Object.keys(problems).length > 0 ? 1 : 0,
    },
    totalBytes: 600,
    ages: {
      oldestSeconds: 60,
      newestSeconds: 10,
      staleAfterSeconds: 86_400,
      buckets: { under1h: 2, under1d: 0, under7d: 0, older: 0 },
    },
    naming: { fixed: 2, counting: 0 },
    versions: { '02.10': 2 },
    charsets: {
      declared: tally,
      detected: Object.keys(problems).length > 0 ? { 'iso-8859-1': 1, cp437: 1 } : tally,
    },
    lineEndings: { crlf: 2 },
    recordTypes: { '6310': 2 },
    receivers: { PVS: 2 },
    senders: { EKG1: 2 },
    examinationCodes: { EKG: 2 },
    otherExtensions: {},
    problems,
    folderProblems: [],
    files: [],
  };
}
const daysFromNow = (d: number) => new Date(TEST_NOW.getTime() + d * 86_400_000).toISOString().slice(0, 10);

/** A practice in the middle of the TI-Gateway migration (seed 002), swap done, everything ticked. */
function migrating(s: SheetDraft) {
  Object.assign(s.ti.tiGatewayMigration, {
    required: v(true),
    vpnBoxDeliveryChecked: v(true),
    firewallPortsOpened: v(true),
    twoFactorAppRegistered: v(true),
    contactPerson: v('Petra Weber'),
    adminPasswords: {
      windows: v(true),
      pvs: v(true),
      tiGateway: v(true),
      firewall: v(true),
      router: v(true),
    },
    ownDhcpServerKnown: v('yes'),
    kimMailsFetched: v(true),
    appointment: v('2026-11-01'),
    oldKonnektorDecommissioned: v(true),
    oldKonnektorReturned: v(true),
  });
  s.ti.konnektor.gsmcKExpiry = v('2027-03-31');
}

const MIGRATION_FAIL: Record<string, Mutate> = {
  contactPerson: (s) => Object.assign(s.ti.tiGatewayMigration, { contactPerson: v('') }),
  ownDhcpServerKnown: (s) => Object.assign(s.ti.tiGatewayMigration, { ownDhcpServerKnown: v('unknown') }),
};

const CASES: Case[] = [
  {
    id: 'sysreq.cpu.clock',
    pass: (s) => (ws(s).cpu.clockGhz = v(2.5)),
    fail: (s) => (ws(s).cpu.clockGhz = v(2.4)),
  },
  {
    id: 'sysreq.workstation.ram',
    pass: (s) => (ws(s).ramGb = v(8)),
    fail: (s) => (ws(s).ramGb = v(4)),
    says: '4 GB',
  },
  {
    id: 'sysreq.server.ram',
    pass: (s) => Object.assign(srv(s), { ramGb: v(34), rdpSessions: v(2) }),
    fail: (s) => Object.assign(srv(s), { ramGb: v(33), rdpSessions: v(2) }),
    says: 'mindestens 34 GB',
  },
  {
    id: 'sysreq.workstation.disk-free',
    pass: (s) => (ws(s).disks = v([{ mount: 'C:', sizeGb: 256, freeGb: 100, kind: 'ssd' }])),
    fail: (s) => (ws(s).disks = v([{ mount: 'C:', sizeGb: 256, freeGb: 99, kind: 'ssd' }])),
  },
  {
    id: 'sysreq.server.disk-free',
    pass: (s) =>
      (srv(s).disks = v([{ mount: 'D:', sizeGb: 1000, freeGb: 500, kind: 'ssd', isDataDrive: true }])),
    fail: (s) =>
      (srv(s).disks = v([{ mount: 'D:', sizeGb: 1000, freeGb: 499, kind: 'ssd', isDataDrive: true }])),
  },
  {
    id: 'sysreq.server.ssd',
    fail: (s) =>
      Object.assign(srv(s), {
        disks: v([{ mount: 'D:', sizeGb: 2000, freeGb: 1500, kind: 'hdd', isDataDrive: true }]),
      }),
    says: 'HDD',
  },
  {
    id: 'sysreq.nic',
    pass: (s) => (ws(s).nicSpeedMbit = v(1000)),
    fail: (s) => (ws(s).nicSpeedMbit = v(100)),
  },
  { id: 'sysreq.display.fhd', fail: (s) => (ws(s).display = v({ width: 1366, height: 768 })) },
  { id: 'sysreq.server.ups', fail: (s) => Object.assign(srv(s), { ups: v(false) }) },
  {
    id: 'sysreq.workstation.os',
    pass: (s) => Object.assign(ws(s).os, { version: v('8.1'), edition: v('Pro') }),
    fail: (s) => Object.assign(ws(s).os, { edition: v('Home') }),
    says: 'Windows-Home-Editionen werden nicht unterstützt',
  },
  {
    id: 'sysreq.server.os',
    pass: (s) => Object.assign(srv(s).os, { version: v('2022'), edition: v('Essentials') }),
    fail: (s) => Object.assign(srv(s).os, { version: v('2019'), edition: v('Essentials') }),
    says: 'ausschließlich beim Windows Server 2022',
  },
  {
    id: 'sysreq.workstation.word',
    pass: (s) => (ws(s).office = v({ product: 'Office 2016', wordVersion: '2016', bitness: 32 })),
    fail: (s) => (ws(s).office = v({ product: 'Office 2013', wordVersion: '2013', bitness: 32 })),
  },
  {
    id: 'sysreq.dotnet',
    pass: (s) => (srv(s).dotnetVersions = v(['4.8'])),
    fail: (s) => (srv(s).dotnetVersions = v(['4.7.2', '6.0.3'])),
  },
  {
    id: 'sysreq.sql-server.version',
    pass: (s) => Object.assign(s.pvs, { product: v('medatixx'), sqlServer: { version: v('2014') } }),
    fail: (s) => (s.pvs.sqlServer.version = v('2014')),
  },
  {
    id: 'sysreq.sql-server.azure-extension',
    pass: (s) => Object.assign(s.pvs.sqlServer, { version: v('2022'), azureExtensionEnabled: v(false) }),
    fail: (s) => Object.assign(s.pvs.sqlServer, { version: v('2022'), azureExtensionEnabled: v(true) }),
  },
  {
    id: 'sysreq.computer-name',
    pass: (s) => (ws(s).computerName = v('EMPFANG-PC-0001')),
    fail: (s) => (ws(s).computerName = v('EMPFANG-RÄUME-01')),
  },
  {
    id: 'sysreq.server.internet',
    pass: (s) => (s.network.internetDownMbit = v(16)),
    fail: (s) => (s.network.internetDownMbit = v(15)),
    says: '16 Mbit',
  },
  { id: 'sysreq.server.remote-access', fail: (s) => (s.network.serverRemoteAccess = v(false)) },
  {
    id: 'sysreq.peripherals.os-approved',
    fail: (s) => Object.assign(first(s.peripherals), { approvedForOs: v('no') }),
  },
  {
    id: 'ports.pvs-reachability',
    fail: (s) => Object.assign(first(s.network.portChecks.value), { state: 'closed' }),
    says: 'Serviceprovider',
  },
  {
    id: 'pvs.inventory',
    fail: (s) => delete (s.pvs as Partial<SheetDraft['pvs']>).serverName,
    expect: 'manual',
    says: 'Servername',
  },
  {
    id: 'sp.reachable',
    fail: (s) => (sp(s).reachable = v(false)),
    says: 'Der Service-Provider ist nicht erreichbar.',
  },
  { id: 'sp.up-to-date', fail: (s) => (sp(s).upToDate = v(false)), says: 'nicht auf dem aktuellen Stand' },
  {
    id: 'sp.installed',
    fail: (s) => (sp(s).installIni.value.text = INSTALL_INI.replace('Installed=1', 'Installed=0')),
    says: 'Installed ist nicht auf 1 gesetzt',
  },
  {
    id: 'sp.data-ini-found',
    fail: (s) =>
      (sp(s).dataIni.value = { path: 'D:\\DConcept\\DeData\\ServiceProvider.ini', found: false, text: '' }),
    says: 'service-provider.ini nicht gefunden',
  },
  { id: 'sp.data-path-exists', fail: (s) => (sp(s).dataPathExists = v(false)), says: 'existiert nicht' },
  {
    id: 'sp.pvs-name',
    fail: (s) => (sp(s).installIni.value.text = INSTALL_INI.replace('X.CONCEPT', 'X.KONZEPT')),
    says: 'unbekanntes Praxisverwaltungssystem',
  },
  {
    id: 'sp.ini.spaces',
    fail: (s) => (sp(s).dataIni.value.text = DATA_INI.replace('Installed=1', 'Installed = 1')),
    says: 'Zeile 4',
  },
  {
    id: 'sp.ini.kundennummer',
    fail: (s) => (sp(s).installIni.value.text = INSTALL_INI.replace('Kundennummer=123456', 'Kundennummer=')),
  },
  {
    id: 'sp.ini.port-match',
    fail: (s) => (sp(s).dataIni.value.text = DATA_INI.replace('TCPPort=23174', 'TCPPort=23175')),
  },
  {
    id: 'sp.ini.unique-id-match',
    fail: (s) => (sp(s).dataIni.value.text = DATA_INI.replace('8330F1B9', '51EC3B21')),
  },
  { id: 'sp.mapped-drive', fail: (s) => (sp(s).installedOnMappedDrive = v(true)), expect: 'warn' },
  {
    id: 'sp.isynet-sql-host',
    pass: (s) => {
      s.pvs.product = v('x.isynet') as never;
      Object.assign(sp(s), { onSqlServerHost: v(true) });
    },
    fail: (s) => {
      s.pvs.product = v('x.isynet') as never;
      Object.assign(sp(s), { onSqlServerHost: v(false) });
    },
  },
  { id: 'ti.konnektor.reachable-443', fail: (s) => (s.ti.konnektor.reachable443 = v(false)) },
  {
    id: 'ti.konnektor.tls',
    fail: (s) => (s.ti.konnektor.tls.value.notAfter = '2026-01-01T00:00:00Z'),
    says: 'abgelaufen',
  },
  { id: 'ti.konnektor.sds', fail: (s) => (s.ti.konnektor.sdsReadable = v(false)) },
  { id: 'ti.context.mandant', fail: (s) => (s.ti.context.mandantId = v(' ')) },
  { id: 'ti.context.client-system', fail: (s) => (s.ti.context.accepted = v(false)) },
  { id: 'ti.context.workplaces', fail: (s) => (s.ti.context.workplaceIds = v([])) },
  {
    id: 'ti.terminals.connected',
    fail: (s) => (first(s.ti.terminals.value).connected = false),
    says: 'nicht verbunden',
  },
  { id: 'ti.terminals.per-workplace', fail: (s) => s.ti.terminals.value.pop(), says: 'Sprechzimmer 1' },
  { id: 'ti.smcb.present', fail: (s) => cards(s).shift() },
  {
    id: 'ti.smcb.expiry',
    pass: (s) => (first(cards(s)).certificateExpiry = daysFromNow(90)),
    fail: (s) => (first(cards(s)).certificateExpiry = daysFromNow(60)),
    says: 'läuft in 60 Tagen ab',
  },
  { id: 'ti.cards.pin', fail: (s) => Object.assign(first(cards(s)), { pinStatus: 'TRANSPORT_PIN' }) },
  { id: 'ti.hba.per-doctor', fail: (s) => (cards(s)[1]!.doctorId = 'someone-else') },
  { id: 'ti.hba.expiry', fail: (s) => (cards(s)[1]!.certificateExpiry = '2026-10-31') },
  {
    id: 'ti.gsmck.expiry',
    pass: (s) => (s.ti.konnektor.gsmcKExpiry = v(daysFromNow(180))),
    fail: (s) => (s.ti.konnektor.gsmcKExpiry = v('2026-10-01')),
  },
  {
    id: 'ti.konnektor.operating-state',
    fail: (s) =>
      (s.ti.konnektor.operatingStates = v([{ type: 'EC_CardTerminal_Not_Available', severity: 'Error' }])),
  },
  ...TI_GATEWAY_CHECKLIST.map((item): Case => ({
    id: `tig.${item.id}`,
    pass: migrating,
    fail: (s) => {
      migrating(s);
      const key = item.field.split('.').at(-1) ?? '';
      const special = MIGRATION_FAIL[key];
      if (special) {
        special(s);
      } else if (item.field.startsWith('adminPasswords.')) {
        const m = s.ti.tiGatewayMigration as unknown as { adminPasswords: Record<string, unknown> };
        Object.assign(m.adminPasswords, { [key]: v(false) });
      } else {
        Object.assign(s.ti.tiGatewayMigration, { [key]: v(false) });
      }
    },
  })),
  {
    id: 'tig.appointment-before-expiry',
    pass: migrating,
    fail: (s) => {
      migrating(s);
      Object.assign(s.ti.tiGatewayMigration, { appointment: v('2027-04-15') });
    },
  },
  { id: 'gdt.paths.exist', fail: (s) => (gdt(s).import.folderExists = v(false)) },
  { id: 'gdt.paths.writable', fail: (s) => (gdt(s).export.writable = v(false)) },
  { id: 'gdt.paths.differ', fail: (s) => (gdt(s).import.fileName = v('PVSEKG1.gdt')) },
  {
    id: 'gdt.files.charset-consistent',
    pass: (s) => Object.assign(s.gdt, { folderAudits: v([folderAudit({})]) }),
    fail: (s) =>
      Object.assign(s.gdt, {
        folderAudits: v([folderAudit({ CHARSET_MISMATCH: { files: 1, occurrences: 3, severity: 'error' } })]),
      }),
    says: 'passen nicht zum deklarierten Zeichensatz',
  },
  {
    id: 'gdt.charset',
    fail: (s) => (gdt(s).charsetObserved = v('iso-8859-1') as never),
    says: 'Falscher Zeichensatz',
  },
  { id: 'gdt.examination-code', fail: (s) => (gdt(s).examinationCode = v('')) },
  { id: 'gdt.import.sync-folder', fail: (s) => (gdt(s).import.syncFolderConfigured = v(false)) },
  {
    id: 'mct.no-arm64-mac',
    fail: (s) => Object.assign(mct(s), { hostOs: v('macos'), hostArch: v('arm64') }),
  },
  { id: 'mct.driver', fail: (s) => (mct(s).driverInstalled = v(false)) },
  { id: 'mct.local-component', fail: (s) => (mct(s).localComponentConfigured = v(false)) },
  { id: 'print.ipp', fail: (s) => (printer(s).ippSupported = v(false)) },
  { id: 'print.pdf', fail: (s) => (printer(s).pdfSupported = v(false)) },
  {
    id: 'print.resolution',
    pass: (s) => (printer(s).resolutionsDpi = v([300])),
    fail: (s) => (printer(s).resolutionsDpi = v([200])),
    says: '300 dpi',
  },
  { id: 'print.profiles', fail: (s) => s.print.profiles.pop(), says: 'Rezept' },
  { id: 'net.guest-separation', fail: (s) => (s.network.guestSeparated = v('no') as never) },
  { id: 'net.remote-access-secured', fail: (s) => (s.network.vpnSecured = v(false)) },
  { id: 'net.ip-plan', fail: (s) => (s.network.ipPlanDocumented = v(false)) },
  { id: 'net.dhcp-dns', fail: (s) => (s.network.dnsDocumented = v(false)) },
  { id: 'net.konnektor-admin-port', fail: (s) => (s.network.konnektorAdminPortExposed = v(true)) },
  { id: 'net.nat-acls', fail: (s) => (s.network.natAclsDocumented = v(false)), expect: 'warn' },
  { id: 'backup.3-2-1', fail: (s) => (s.backup.copies = v(2)) },
  { id: 'backup.offsite', fail: (s) => (s.backup.offsiteCopy = v(false)) },
  { id: 'backup.encryption', fail: (s) => (s.backup.details.encryptionOffsite = v(false)) },
  { id: 'backup.restore-tested', fail: (s) => (s.backup.test.restoreVerified = v(false)) },
  {
    id: 'backup.protocol-complete',
    fail: (s) => {
      delete (s.backup.instruction as Partial<SheetDraft['backup']['instruction']>).persons;
      s.backup.instruction.confirmed = v(false);
    },
    // in the sheet's words, not its paths: the text reaches the report
    says: 'Im Protokoll fehlt: Eingewiesene Personen, Einweisung nicht bestätigt.',
  },
  { id: 'backup.sql', fail: (s) => (s.backup.content.sqlPluginPresent = v(false)) },
  {
    id: 'backup.recent',
    pass: (s) => Object.assign(s.backup, { lastSuccessfulBackup: v('2026-11-22') }),
    fail: (s) => Object.assign(s.backup, { lastSuccessfulBackup: v('2026-11-10') }),
  },
  { id: 'sec.av', fail: (s) => (ws(s).antivirus.value.upToDate = false) },
  { id: 'sec.updates', fail: (s) => Object.assign(ws(s), { lastUpdateInstalled: v('2026-08-01') }) },
  {
    id: 'sec.os-support',
    fail: (s) => Object.assign(ws(s).os, { version: v('10') }),
    says: 'Supportende am 14.10.2025',
  },
  { id: 'sec.firewall', fail: (s) => (ws(s).firewallEnabled = v(false)) },
  { id: 'sec.admin-separation', fail: (s) => (s.security.adminAccountsSeparated = v(false)) },
  { id: 'sec.individual-accounts', fail: (s) => (s.security.individualUserAccounts = v(false)) },
  { id: 'sec.logging', fail: (s) => (s.security.loggingEnabled = v(false)) },
  { id: 'sec.awareness', fail: (s) => (s.security.staffAwarenessTraining = v(false)) },
  ...OPERATIONS_CHECKLIST.map((item): Case => ({
    id: `ops.${item.id}`,
    fail: (s) => (s.operations.items[item.id] = v({ status: 'open' })),
  })),
  {
    id: 'qc.ti-handshake',
    fail: (s) => (s.ti.konnektor.reachable443 = v(false)),
    says: 'wahrscheinliche Ursache: Port 443',
  },
  {
    id: 'qc.gdt-no-result',
    fail: (s) => (gdt(s).import.syncFolderConfigured = v(false)),
    says: 'Kein Sync-Ordner in DDV',
  },
  {
    id: 'qc.mobile-reader',
    fail: (s) => Object.assign(mct(s), { hostOs: v('macos'), hostArch: v('arm64') }),
    says: 'ARM64',
  },
  { id: 'qc.direct-print-incompatible', fail: (s) => (printer(s).pdfSupported = v(false)), says: 'kein PDF' },
];

/** A large practice that uses every Zielobjekt: all 92 KBV requirements apply. */
function everyKbvApplies(s: SheetDraft) {
  Object.assign(s.profile, { staffInDataProcessing: v(25), largeMedicalDevices: v('yes') });
  for (const r of KBV_CATALOG) {
    s.kbv.zielobjekte[r.zielobjekt] = v('yes');
  }
}

const KBV_CASES: Case[] = KBV_CATALOG.map((r) => ({
  id: kbvCheckId(r),
  pass: everyKbvApplies,
  fail: (s) => {
    everyKbvApplies(s);
    s.kbv.requirements[r.id] = v({ status: 'open' });
  },
  says: r.title,
}));

function statusesOf(id: string, mutate: Mutate | undefined) {
  const draft = readyPracticeInput();
  mutate?.(draft);
  const { findings } = evaluate(parseDraft(draft), { now: TEST_NOW });
  return findings.filter((f) => f.checkId === id);
}

describe('every check has a pass and a fail case', () => {
  it('covers the whole catalog (adding a check needs a case here)', () => {
    const covered = new Set([...CASES, ...KBV_CASES].map((c) => c.id));
    expect(checks.map((c) => c.id).filter((id) => !covered.has(id))).toEqual([]);
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
  });

  it.each([...CASES, ...KBV_CASES].map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const passing = statusesOf(c.id, c.pass);
    expect(passing.length).toBeGreaterThan(0);
    expect(passing.map((f) => f.status).filter((s) => s !== 'pass' && s !== 'not_applicable')).toEqual([]);
    expect(passing.some((f) => f.status === 'pass')).toBe(true);

    const failing = statusesOf(c.id, c.fail).filter((f) => f.status === (c.expect ?? 'fail'));
    expect(failing.length).toBeGreaterThan(0);
    const f = failing[0]!;
    if (f.status === 'fail' || f.status === 'warn') {
      expect(f.remediation?.de.length ?? 0).toBeGreaterThan(0);
    }
    if (c.says) {
      expect(`${f.title.de} ${f.explanation.de}`).toContain(c.says);
    }
  });
});
