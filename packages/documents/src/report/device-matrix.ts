import type { AuditSheet, DeviceKind, ValueSource } from '@praxisready/model';
import type { DocLang } from '../common/lang.ts';
import { t, tr } from '../common/lang.ts';

export interface DeviceRow {
  kind: string;
  name: string;
  model: string;
  location: string;
  connection: string;
  source?: ValueSource;
}

const KIND_LABEL: Record<DeviceKind, { de: string; en: string }> = {
  printer: t('Drucker', 'Printer'),
  scanner: t('Scanner', 'Scanner'),
  card_terminal: t('Kartenterminal (TI)', 'Card terminal (TI)'),
  mobile_card_terminal: t('Mobiles Kartenterminal', 'Mobile card terminal'),
  ec_terminal: t('EC-Terminal', 'EC terminal'),
  lab_device: t('Laborgerät', 'Lab device'),
  diagnostic_device: t('Diagnosegerät', 'Diagnostic device'),
  large_medical_device: t('Großgerät', 'Large medical device'),
  konnektor: t('Konnektor', 'Konnektor'),
  router: t('Router', 'Router'),
  firewall: t('Firewall', 'Firewall'),
  switch: t('Switch', 'Switch'),
  nas: t('NAS', 'NAS'),
  ups: t('USV', 'UPS'),
  other: t('Sonstiges', 'Other'),
};

/**
 * The device matrix (seed 000: Drucker, Scanner, Kartenleser TI/eGK/EC, Labor, Diagnose): the peripherals of the
 * sheet plus the printers, card terminals and mobile terminals recorded in their own sections, without duplicates.
 */
export function deviceMatrixRows(sheet: AuditSheet, lang: DocLang): DeviceRow[] {
  const wpName = (id: string | undefined) =>
    id === undefined ? undefined : (sheet.workplaces.find((w) => w.id === id)?.name.value ?? id);
  const rows: DeviceRow[] = [];
  const seenIps = new Set<string>();
  const k = sheet.ti.konnektor;
  if (k.host || k.product) {
    rows.push({
      kind: tr(KIND_LABEL.konnektor, lang),
      name: k.product?.value.productName ?? 'Konnektor',
      model: [
        k.product?.value.vendor,
        k.product?.value.firmwareVersion ? `FW ${k.product.value.firmwareVersion}` : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
      location: '',
      connection: k.host ? `LAN ${k.host.value}` : '',
      ...(k.host ? { source: k.host.source } : {}),
    });
    if (k.host) {
      seenIps.add(k.host.value);
    }
  }
  for (const ct of sheet.ti.terminals?.value ?? []) {
    rows.push({
      kind: tr(KIND_LABEL.card_terminal, lang),
      name: ct.name ?? ct.id,
      model: [ct.productName, ct.firmware ? `FW ${ct.firmware}` : undefined].filter(Boolean).join(' · '),
      location: ct.workplaceIds.join(', '),
      connection: ct.ip ? `LAN ${ct.ip}` : '',
      source: sheet.ti.terminals!.source,
    });
    if (ct.ip) {
      seenIps.add(ct.ip);
    }
  }
  for (const m of sheet.mobileCardTerminals) {
    rows.push({
      kind: tr(KIND_LABEL.mobile_card_terminal, lang),
      name: m.model.value,
      model: m.model.value,
      location: m.hostComputer?.value ?? '',
      connection: [m.hostOs?.value, m.hostArch?.value].filter(Boolean).join(' / ') || 'USB',
      source: m.model.source,
    });
  }
  for (const p of sheet.print.printers) {
    rows.push({
      kind: tr(KIND_LABEL.printer, lang),
      name: p.name?.value ?? p.id,
      model: p.makeAndModel?.value ?? '',
      location: '',
      connection: [
        p.host ? `LAN ${p.host.value}` : undefined,
        p.ippSupported?.value ? 'IPP' : undefined,
        p.pdfSupported?.value ? 'PDF' : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
      ...(p.host ? { source: p.host.source } : {}),
    });
    if (p.host) {
      seenIps.add(p.host.value);
    }
  }
  for (const p of sheet.peripherals) {
    if (p.ip && seenIps.has(p.ip.value)) {
      continue;
    }
    rows.push({
      kind: tr(KIND_LABEL[p.kind], lang),
      name: p.name.value,
      model: [p.manufacturer?.value, p.model?.value].filter(Boolean).join(' '),
      location: [p.location?.value, wpName(p.workplaceId?.value)]
        .filter((v, i, a) => v !== undefined && a.indexOf(v) === i)
        .join(' / '),
      connection: [p.connection?.value.toUpperCase(), p.ip?.value].filter(Boolean).join(' '),
      source: p.name.source,
    });
  }
  for (const d of sheet.gdt.devices) {
    if (
      sheet.peripherals.some(
        (p) =>
          p.connection?.value === 'gdt' &&
          p.workplaceId?.value === d.workplaceId?.value &&
          p.name.value.includes(d.name?.value ?? '\u0000'),
      )
    ) {
      continue;
    }
    rows.push({
      kind: tr(KIND_LABEL.diagnostic_device, lang),
      name: d.name?.value ?? d.id,
      model: d.deviceType?.value ?? '',
      location: wpName(d.workplaceId?.value) ?? '',
      connection: `GDT ${d.gdtVersion?.value ?? ''}`.trim(),
      ...(d.name ? { source: d.name.source } : {}),
    });
  }
  return rows;
}
