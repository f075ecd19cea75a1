import type { AuditSheet, Workplace } from '@praxisready/model';
import type { DocLang } from '../common/lang.ts';
import { t, tr } from '../common/lang.ts';
import { formatDate, formatNumber } from '../common/format.ts';

/**
 * The network sketch as an SVG drawing (vector, rendered by pdfmake with the embedded Roboto):
 * internet and TI on top, router/firewall and Konnektor/TI-Gateway below, the VLANs as bars, then servers and
 * printers, then one box per workplace with its card terminals, mobile terminals and GDT devices.
 * Everything is computed from the sheet; missing parts are drawn in red with a note.
 */

const W = 515;
const COLORS = {
  line: '#34495E',
  box: '#F4F6F8',
  boxStroke: '#5D6D7E',
  ti: '#E8F1FB',
  tiStroke: '#2E5C8A',
  missing: '#B03A2E',
  vlan: ['#D6EAF8', '#FDEBD0', '#E8DAEF', '#D5F5E3', '#FADBD8'],
  text: '#1B2631',
  muted: '#566573',
};

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Cuts text to fit a width (Roboto averages under 0.47 em per character). */
function fit(text: string, width: number, size: number): string {
  const max = Math.floor(width / (size * 0.47));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

class Svg {
  private readonly parts: string[] = [];
  rect(
    x: number,
    y: number,
    w: number,
    h: number,
    fill: string,
    stroke: string,
    opts: { rx?: number; dash?: boolean } = {},
  ): void {
    this.parts.push(
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${opts.rx ?? 3}" fill="${fill}" stroke="${stroke}" stroke-width="0.8"${opts.dash ? ' stroke-dasharray="3,2"' : ''}/>`,
    );
  }
  line(
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    opts: { dash?: boolean; color?: string; width?: number } = {},
  ): void {
    this.parts.push(
      `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${opts.color ?? COLORS.line}" stroke-width="${opts.width ?? 1}"${opts.dash ? ' stroke-dasharray="4,3"' : ''}/>`,
    );
  }
  circle(x: number, y: number, r: number, fill: string): void {
    this.parts.push(`<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}"/>`);
  }
  text(
    x: number,
    y: number,
    s: string,
    opts: {
      size?: number;
      bold?: boolean;
      color?: string;
      anchor?: 'start' | 'middle' | 'end';
      width?: number;
    } = {},
  ): void {
    const size = opts.size ?? 7;
    const content = opts.width === undefined ? s : fit(s, opts.width, size);
    this.parts.push(
      `<text x="${x}" y="${y}" font-family="Roboto" font-size="${size}"${opts.bold ? ' font-weight="bold"' : ''} fill="${opts.color ?? COLORS.text}" text-anchor="${opts.anchor ?? 'start'}">${esc(content)}</text>`,
    );
  }
  cloud(x: number, y: number, w: number, h: number, fill: string, stroke: string): void {
    // A rounded capsule reads as "cloud" in network sketches and stays legible in black and white.
    this.rect(x, y, w, h, fill, stroke, { rx: h / 2 });
  }
  toString(height: number): string {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}">${this.parts.join('')}</svg>`;
  }
}

interface Node {
  title: string;
  lines: { text: string; missing?: boolean }[];
}

const NODE_LINE = 9;

function nodeHeight(n: Node): number {
  return 16 + n.lines.length * NODE_LINE + 4;
}

function drawNode(svg: Svg, n: Node, x: number, y: number, w: number, h: number): void {
  svg.rect(x, y, w, h, COLORS.box, COLORS.boxStroke);
  svg.text(x + 5, y + 11, n.title, { bold: true, size: 7.5, width: w - 10 });
  n.lines.forEach((l, i) => {
    svg.text(x + 5, y + 22 + i * NODE_LINE, l.text, {
      size: 6.5,
      color: l.missing ? COLORS.missing : COLORS.muted,
      width: w - 10,
    });
  });
}

function workplaceNode(sheet: AuditSheet, wp: Workplace, lang: DocLang): Node {
  const lines: Node['lines'] = [];
  const machine = sheet.machines.find((m) => m.id === wp.machineId);
  if (machine) {
    lines.push({ text: machine.computerName?.value ?? machine.id });
    const os = machine.os.name?.value ?? machine.os.version?.value;
    if (os) {
      lines.push({ text: os.replace(/^Microsoft /, '') });
    }
  }
  const tiIds = new Set([wp.id, wp.tiWorkplaceId?.value].filter((v): v is string => v !== undefined));
  const terminals = (sheet.ti.terminals?.value ?? []).filter((ct) =>
    ct.workplaceIds.some((id) => tiIds.has(id)),
  );
  for (const ct of terminals) {
    lines.push({
      text: `${tr(t('KT', 'CT'), lang)}: ${ct.productName ?? ct.name ?? ct.id}${ct.ip ? ` (${ct.ip})` : ''}`,
    });
  }
  if (terminals.length === 0 && wp.needsCardTerminal?.value === true) {
    lines.push({
      text: tr(t('kein Kartenterminal zugeordnet', 'no card terminal assigned'), lang),
      missing: true,
    });
  }
  const hostName = machine?.computerName?.value;
  for (const m of sheet.mobileCardTerminals) {
    if (hostName !== undefined && m.hostComputer?.value === hostName) {
      const arm = m.hostArch?.value === 'arm64';
      lines.push({
        text: `${tr(t('mobil', 'mobile'), lang)}: ${m.model.value}${arm ? ' (ARM64!)' : ''}`,
        missing: arm,
      });
    }
  }
  for (const d of sheet.gdt.devices) {
    if (d.workplaceId?.value === wp.id) {
      lines.push({ text: `GDT: ${d.name?.value ?? d.id}${d.deviceType ? ` (${d.deviceType.value})` : ''}` });
    }
  }
  return { title: wp.name.value, lines };
}

/** Draws a row of nodes (wrapping) starting at y; returns the node boxes' top-centre points and the next y. */
function drawRows(
  svg: Svg,
  nodes: Node[],
  y: number,
  perRow: number,
): { anchors: { x: number; y: number }[]; bottom: number } {
  const gap = 8;
  const w = (W - 2 - gap * (perRow - 1)) / perRow;
  const anchors: { x: number; y: number }[] = [];
  let top = y;
  for (let i = 0; i < nodes.length; i += perRow) {
    const row = nodes.slice(i, i + perRow);
    const h = Math.max(...row.map(nodeHeight));
    row.forEach((n, j) => {
      const x = 1 + j * (w + gap);
      drawNode(svg, n, x, top, w, h);
      anchors.push({ x: x + w / 2, y: top });
    });
    top += h + 12;
  }
  return { anchors, bottom: top };
}

/** The network sketch of a sheet as an SVG string plus its height in pt. */
export function networkSketch(sheet: AuditSheet, lang: DocLang): { svg: string; height: number } {
  const svg = new Svg();
  const n = sheet.network;
  const conn = sheet.ti.connection?.value;

  // Row 1: internet and TI.
  const bw = n.internetDownMbit
    ? `${formatNumber(n.internetDownMbit.value, lang)}/${n.internetUpMbit ? formatNumber(n.internetUpMbit.value, lang) : '–'} Mbit/s`
    : tr(t('Bandbreite nicht erfasst', 'bandwidth not recorded'), lang);
  svg.cloud(40, 4, 150, 30, '#FFFFFF', COLORS.boxStroke);
  svg.text(115, 17, 'Internet', { bold: true, size: 8, anchor: 'middle' });
  svg.text(115, 27, bw, { size: 6.5, anchor: 'middle', color: COLORS.muted });
  svg.cloud(320, 4, 190, 30, COLORS.ti, COLORS.tiStroke);
  svg.text(415, 17, tr(t('Telematikinfrastruktur (TI)', 'Telematics infrastructure (TI)'), lang), {
    bold: true,
    size: 8,
    anchor: 'middle',
  });
  svg.text(415, 27, 'KIM · eRezept · ePA · VSDM', { size: 6.5, anchor: 'middle', color: COLORS.muted });

  // Row 2: router/firewall and Konnektor / TI-Gateway.
  const fwY = 52;
  const fwName = n.firewallProduct?.value;
  svg.rect(
    40,
    fwY,
    150,
    34,
    COLORS.box,
    fwName ? COLORS.boxStroke : COLORS.missing,
    fwName ? {} : { dash: true },
  );
  svg.text(115, fwY + 13, tr(t('Router / Firewall', 'Router / firewall'), lang), {
    bold: true,
    size: 8,
    anchor: 'middle',
  });
  svg.text(115, fwY + 24, fwName ?? tr(t('nicht erfasst', 'not recorded'), lang), {
    size: 6.5,
    anchor: 'middle',
    width: 140,
    color: fwName ? COLORS.muted : COLORS.missing,
  });
  const vpn = [n.remoteVpn?.value ? 'Remote-VPN' : undefined, n.siteToSiteVpn?.value ? 'S2S-VPN' : undefined]
    .filter(Boolean)
    .join(', ');
  if (vpn) {
    svg.text(115, fwY + 32, vpn, { size: 6, anchor: 'middle', color: COLORS.muted });
  }
  svg.line(115, 34, 115, fwY);

  const k = sheet.ti.konnektor;
  const kTitle =
    conn === 'ti_gateway'
      ? tr(t('TI-Gateway (VPN-Box)', 'TI-Gateway (VPN box)'), lang)
      : conn === 'hosted_konnektor'
        ? tr(t('Konnektor (gehostet)', 'Konnektor (hosted)'), lang)
        : conn === 'none'
          ? tr(t('keine TI-Anbindung', 'no TI connection'), lang)
          : 'Konnektor';
  const vendor = k.product?.value.vendor;
  const productName = k.product?.value.productName;
  const kLine1 =
    (vendor && productName?.toLowerCase().startsWith(vendor.toLowerCase())
      ? productName
      : [vendor, productName].filter(Boolean).join(' ')) ||
    (k.host ? '' : tr(t('nicht erfasst', 'not recorded'), lang));
  const kLine2 = [
    k.host?.value,
    k.gsmcKExpiry ? `gSMC-K ${formatDate(k.gsmcKExpiry.value, lang)}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const kMissing = conn === undefined && k.host === undefined;
  svg.rect(
    320,
    fwY,
    190,
    34,
    COLORS.ti,
    kMissing ? COLORS.missing : COLORS.tiStroke,
    kMissing ? { dash: true } : {},
  );
  svg.text(415, fwY + 12, kTitle, { bold: true, size: 8, anchor: 'middle' });
  svg.text(415, fwY + 22, kLine1, {
    size: 6.5,
    anchor: 'middle',
    width: 180,
    color: kMissing ? COLORS.missing : COLORS.muted,
  });
  svg.text(415, fwY + 31, kLine2, { size: 6.5, anchor: 'middle', width: 180, color: COLORS.muted });
  svg.line(415, 34, 415, fwY, { dash: true, color: COLORS.tiStroke });
  svg.text(420, 45, 'VPN', { size: 6, color: COLORS.tiStroke });

  // Row 3: VLAN bars; the medical network last so that devices hang from it.
  const subnets = [...(n.subnets?.value ?? [])].sort(
    (a, b) => (a.purpose === 'medical' ? 1 : 0) - (b.purpose === 'medical' ? 1 : 0),
  );
  let y = fwY + 50;
  const barH = 14;
  if (subnets.length === 0) {
    svg.rect(1, y, W - 2, barH, COLORS.vlan[0]!, COLORS.missing, { dash: true });
    svg.text(
      200,
      y + 9.5,
      tr(t('LAN (keine Netze/VLANs erfasst)', 'LAN (no subnets/VLANs recorded)'), lang),
      {
        size: 7,
        color: COLORS.missing,
      },
    );
    y += barH + 3;
  } else {
    subnets.forEach((s, i) => {
      svg.rect(1, y, W - 2, barH, COLORS.vlan[i % COLORS.vlan.length]!, COLORS.boxStroke);
      const label = [s.vlanId === undefined ? undefined : `VLAN ${s.vlanId}`, s.name ?? s.purpose, s.cidr]
        .filter(Boolean)
        .join(' · ');
      svg.text(200, y + 9.5, label, { size: 7, bold: s.purpose === 'medical' });
      y += barH + 3;
    });
  }
  const busBottom = y - 3;
  svg.line(115, fwY + 34, 115, busBottom);
  svg.line(415, fwY + 34, 415, busBottom);
  for (let by = fwY + 50; by < busBottom; by += barH + 3) {
    svg.circle(115, by + barH / 2, 1.8, COLORS.line);
    svg.circle(415, by + barH / 2, 1.8, COLORS.line);
  }
  if (n.guestSeparated?.value === 'no') {
    svg.text(8, busBottom + 9, tr(t('Gastnetz NICHT getrennt', 'guest network NOT separated'), lang), {
      size: 6.5,
      color: COLORS.missing,
      bold: true,
    });
  }
  y = busBottom + 16;

  // Row 4: servers and printers.
  const infra: Node[] = [];
  for (const m of sheet.machines.filter(
    (x) => x.role.value === 'server' || x.role.value === 'terminal_server',
  )) {
    const isPvs =
      sheet.pvs.serverName?.value !== undefined && sheet.pvs.serverName.value === m.computerName?.value;
    const lines: Node['lines'] = [
      { text: (m.os.name?.value ?? m.os.version?.value ?? '').replace(/^Microsoft /, '') },
    ];
    if (isPvs) {
      lines.push({
        text: [sheet.pvs.productName?.value ?? sheet.pvs.product?.value, sheet.pvs.version?.value]
          .filter(Boolean)
          .join(' '),
      });
      if (sheet.pvs.sqlServer.version) {
        lines.push({
          text: `SQL Server ${sheet.pvs.sqlServer.version.value}${sheet.pvs.sqlServer.edition ? ` ${sheet.pvs.sqlServer.edition.value}` : ''}`,
        });
      }
    }
    infra.push({
      title: `${isPvs ? tr(t('PVS-Server', 'PVS server'), lang) : 'Server'} ${m.computerName?.value ?? m.id}`,
      lines,
    });
  }
  if (infra.length === 0 && sheet.pvs.serverName) {
    infra.push({
      title: `${tr(t('PVS-Server', 'PVS server'), lang)} ${sheet.pvs.serverName.value}`,
      lines: [{ text: sheet.pvs.productName?.value ?? '' }],
    });
  }
  for (const p of sheet.print.printers) {
    const lines: Node['lines'] = [p.makeAndModel?.value, p.host?.value]
      .filter((v): v is string => v !== undefined)
      .map((text) => ({ text }));
    if (p.pdfSupported?.value === false) {
      lines.push({ text: tr(t('kein PDF über IPP', 'no PDF over IPP'), lang), missing: true });
    }
    infra.push({ title: `${tr(t('Drucker', 'Printer'), lang)} ${p.name?.value ?? p.id}`, lines });
  }
  const rows4 = drawRows(svg, infra, y, 4);
  const rows5 = drawRows(
    svg,
    sheet.workplaces.map((w) => workplaceNode(sheet, w, lang)),
    rows4.bottom,
    4,
  );
  // Short drops from the medical bar to each node's top edge keep the drawing readable.
  for (const a of [...rows4.anchors, ...rows5.anchors]) {
    svg.line(a.x, a.y - 6, a.x, a.y, { color: COLORS.boxStroke });
    svg.circle(a.x, a.y - 6, 1.5, COLORS.boxStroke);
  }
  // One access line per row of boxes, fed by a trunk from the medical VLAN through the middle gap of the grid.
  const busYs = [...new Set([...rows4.anchors, ...rows5.anchors].map((a) => a.y - 6))];
  for (const by of busYs) {
    svg.line(1, by, W - 1, by, { color: COLORS.boxStroke, width: 0.6 });
  }
  if (busYs.length > 0) {
    svg.line(W / 2, busBottom, W / 2, Math.max(...busYs), { color: COLORS.boxStroke, width: 0.6 });
  }
  const height = Math.max(rows5.bottom, rows4.bottom) + 12;
  svg.text(
    1,
    height - 4,
    tr(
      t(
        'Legende: durchgezogen = Netz · gestrichelt = VPN · rot = fehlt / Problem · KT = Kartenterminal',
        'Legend: solid = network · dashed = VPN · red = missing / problem · CT = card terminal',
      ),
      lang,
    ),
    {
      size: 6,
      color: COLORS.muted,
    },
  );
  return { svg: svg.toString(height), height };
}
