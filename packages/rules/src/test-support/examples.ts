/**
 * The two example practices of `examples/`: the ready practice, and a practice with the typical problems the
 * seeds describe. `scripts/write-examples.ts` writes them as JSON; a test checks the files are current.
 */
import { DATA_INI, INSTALL_INI, first, machine, readyPracticeInput, v } from './sheet-builder.ts';

export function problemPracticeInput() {
  const s = readyPracticeInput();
  s.id = 'sheet-problem-practice';
  s.caseId = 'case-2026-0043';
  s.practice.id = 'praxis-lindenstrasse';
  s.practice.name = 'Gemeinschaftspraxis Lindenstraße';
  s.practice.address = { street: 'Lindenstraße 12', postalCode: '65189', city: 'Wiesbaden', country: 'DE' };

  // Seed 004: Windows Home editions are not supported; 8 GB RAM minimum (Windows 10 also past end of support).
  const ws = machine(s, 'ws-empfang');
  Object.assign(ws.os, {
    name: v('Microsoft Windows 10 Home', 'probe'),
    edition: v('Home', 'probe'),
    version: v('10', 'probe'),
  });
  ws.ramGb = v(4, 'probe');
  // Seed 004: "Festplattensystem SSD" on the server.
  Object.assign(machine(s, 'srv01'), {
    disks: v(
      [
        { mount: 'C:', sizeGb: 240, freeGb: 90, kind: 'ssd' },
        { mount: 'D:', sizeGb: 2000, freeGb: 1200, kind: 'hdd', isDataDrive: true },
      ],
      'probe',
    ),
  });

  // Seed 004 Service-Provider: Installed=0 in the installation ini, spaces around "=" in the data ini,
  // and port 23174 closed on the server.
  s.pvs.serviceProvider.installIni.value.text = INSTALL_INI.replace('Installed=1', 'Installed=0');
  s.pvs.serviceProvider.dataIni.value.text = DATA_INI.replace('Installed=1', 'Installed = 1').replace(
    'TCPPort=23174',
    'TCPPort= 23174',
  );
  s.pvs.serviceProvider.reachable = v(false, 'probe');
  Object.assign(first(s.network.portChecks.value), { state: 'closed' });

  // SMC-B expiring 60 days after the audit (2026-11-23): fails "not within 90 days"; later it is expired.
  Object.assign(first(s.ti.cards.value), { certificateExpiry: '2027-01-22' });
  // No card terminal for Sprechzimmer 1.
  s.ti.terminals.value.pop();

  // Direct print: no PDF, 200 dpi (eRezept needs 300 dpi).
  Object.assign(first(s.print.printers), {
    name: v('Brother HL-1110 Empfang'),
    makeAndModel: v('Brother HL-1110'),
    pdfSupported: v(false, 'probe'),
    resolutionsDpi: v([200], 'probe'),
  });

  // GDT: device writes ISO-8859-1, PVS expects CP437 (umlauts break).
  Object.assign(first(s.gdt.devices), { charsetObserved: v('iso-8859-1', 'probe') });

  // Backup: no offsite copy (RDX stays in the practice).
  s.backup.offsiteCopy = v(false);
  s.backup.copies = v(2);
  s.diagnostics.reportedSymptoms = v(['gdt-no-result', 'direct-print-incompatible']);
  return s;
}

export const EXAMPLES = {
  'ready-practice.json': readyPracticeInput,
  'problem-practice.json': problemPracticeInput,
} as const;

export function exampleJson(make: () => unknown): string {
  return `${JSON.stringify(make(), null, 2)}\n`;
}
