import type { GroundTruth } from '../ground-truth/schema.ts';

/** "What runs where" for a technician: one line per machine and service, then the scenario's problems. */
export function formatLabSummary(gt: GroundTruth, startupMs?: number): string[] {
  const lines: string[] = [
    `Praxis-Labor "${gt.scenario}": ${gt.title}`,
    `Adressen: ${gt.addressing.mode === 'multi' ? `${gt.addressing.block ?? ''}.0/24, eine Adresse je Gerät` : '127.0.0.1 mit wechselnden Ports'}${startupMs === undefined ? '' : ` - bereit nach ${startupMs} ms`}`,
    '',
    `Konnektor       ${gt.konnektor.url}  (Mandant ${gt.konnektor.context.mandantId}, Clientsystem ${gt.konnektor.context.clientSystemId}, Arbeitsplatz ${gt.konnektor.context.workplaceId})`,
  ];
  for (const t of gt.cardTerminals) {
    lines.push(
      `Kartenterminal  ${t.address}:${t.port ?? `${t.nominalPort} (geschlossen)`}  ${t.ctId} ${t.name} -> ${t.workplaceIds.join(', ')}${t.connected ? '' : ' [nicht verbunden]'}`,
    );
  }
  for (const p of gt.printers) {
    lines.push(
      `Drucker         ${p.uri ?? `(aus) ${p.name}`}  ${p.attributes.makeAndModel}, ${p.attributes.pdf ? 'PDF' : 'kein PDF'}, ${p.implementation}${p.pid === null ? '' : ` pid ${p.pid}`}`,
    );
  }
  const pvs = gt.openPorts.filter((p) => p.host === 'pvs-server');
  lines.push(
    `PVS-Server      ${gt.pvs.serverAddress} (${gt.pvs.serverName}, ${gt.pvs.product}): ${pvs.length} TCP-Ports offen: ${pvs.map((p) => p.port).join(' ')}`,
  );
  const kim = gt.openPorts.filter((p) => p.host === 'kim');
  lines.push(
    `KIM-Clientmodul ${gt.kim.address}: ${kim.length > 0 ? kim.map((p) => p.port).join(' ') : 'nicht erreichbar'}`,
  );
  if (gt.closedPorts.length > 0) {
    lines.push(
      `Geschlossen     ${gt.closedPorts.map((c) => `${c.address}:${c.nominalPort} (${c.service})`).join(', ')}`,
    );
  }
  lines.push(`GDT-Ordner      ${gt.gdt.root}`);
  lines.push(`ServiceProvider ${gt.pvs.serviceProvider.installationIni.path}`);
  lines.push(
    `                ${gt.pvs.serviceProvider.pvsIni?.path ?? `${gt.pvs.serviceProvider.pvsIniWindowsPath} fehlt`}`,
  );
  lines.push('', `Probleme im Szenario (${gt.problems.length}):`);
  for (const p of gt.problems) {
    lines.push(`  - [${p.area}] ${p.title}`);
  }
  lines.push('', `Ground truth: ${gt.dir}/ground-truth.json`);
  return lines;
}
