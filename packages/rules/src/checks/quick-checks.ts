import type { Evidence } from '@praxisready/model';
import { QUICK_CHECKS, QUICK_CHECKS_REFERENCE as REF, type QuickCheck } from '../catalogs/quick-checks.ts';
import { daysUntil, evRaw, fail, manual, pass, t, unknown } from '../engine/helpers.ts';
import type { Check, CheckContext } from '../engine/types.ts';

/** found: the cause is present; clear: ruled out by data; undefined: no data (or only a person can tell). */
type Detection = { found: boolean; evidence: Evidence[] } | undefined;

function flag(found: boolean | undefined, path: string, value: unknown): Detection {
  return found === undefined ? undefined : { found, evidence: [evRaw(path, value)] };
}

/** Any of the items has the cause (true), none has it but all were measured (false), else undefined. */
function anyOf<T>(items: readonly T[], f: (x: T) => boolean | undefined, path: string): Detection {
  if (items.length === 0) {
    return undefined;
  }
  const r = items.map(f);
  if (r.some((x) => x === true)) {
    return { found: true, evidence: [evRaw(path, r)] };
  }
  return r.every((x) => x === false) ? { found: false, evidence: [evRaw(path, r)] } : undefined;
}

/** Detectors per `<symptom>.<cause>`; a cause without a detector can only be checked by a person. */
const DETECT: Record<string, (ctx: CheckContext) => Detection> = {
  'ti-handshake.port-443': (ctx) => {
    const r = ctx.sheet.ti.konnektor.reachable443?.value;
    return flag(r === undefined ? undefined : !r, 'ti.konnektor.reachable443', r);
  },
  'ti-handshake.certificate': (ctx) => {
    const tls = ctx.sheet.ti.konnektor.tls?.value;
    if (tls === undefined) {
      return undefined;
    }
    const expired = tls.notAfter !== undefined && daysUntil(tls.notAfter, ctx.now) < 0;
    return flag(expired || tls.trusted === false, 'ti.konnektor.tls', tls);
  },
  'ti-handshake.client-system-id': (ctx) => {
    const c = ctx.sheet.ti.context;
    if (c.clientSystemId === undefined && c.accepted === undefined) {
      return undefined;
    }
    return flag(
      c.clientSystemId === undefined || c.clientSystemId.value.trim() === '' || c.accepted?.value === false,
      'ti.context',
      {
        clientSystemId: c.clientSystemId?.value ?? null,
        accepted: c.accepted?.value ?? null,
      },
    );
  },
  'gdt-no-result.folder-path': (ctx) =>
    anyOf(
      ctx.sheet.gdt.devices,
      (d) => (d.import.folderExists === undefined ? undefined : !d.import.folderExists.value),
      'gdt.devices[].import.folderExists',
    ),
  'gdt-no-result.sync-folder': (ctx) =>
    anyOf(
      ctx.sheet.gdt.devices,
      (d) => (d.import.syncFolderConfigured === undefined ? undefined : !d.import.syncFolderConfigured.value),
      'gdt.devices[].import.syncFolderConfigured',
    ),
  'gdt-no-result.charset': (ctx) =>
    anyOf(
      ctx.sheet.gdt.devices,
      (d) =>
        d.charsetConfigured === undefined || d.charsetObserved === undefined
          ? undefined
          : d.charsetConfigured.value !== d.charsetObserved.value,
      'gdt.devices[].charset',
    ),
  'gdt-no-result.examination-code': (ctx) =>
    anyOf(
      ctx.sheet.gdt.devices,
      (d) => (d.examinationCode === undefined ? undefined : d.examinationCode.value.trim() === ''),
      'gdt.devices[].examinationCode',
    ),
  'mobile-reader.arm64-mac': (ctx) =>
    anyOf(
      ctx.sheet.mobileCardTerminals,
      (m) =>
        m.hostOs === undefined || m.hostArch === undefined
          ? undefined
          : m.hostOs.value === 'macos' && m.hostArch.value === 'arm64',
      'mobileCardTerminals[].hostArch',
    ),
  'mobile-reader.driver-path': (ctx) =>
    anyOf(
      ctx.sheet.mobileCardTerminals,
      (m) =>
        m.driverInstalled?.value === false || m.driverPath?.value.trim() === ''
          ? true
          : m.driverPath === undefined
            ? undefined
            : false,
      'mobileCardTerminals[].driverPath',
    ),
  'direct-print-incompatible.printer-address': (ctx) =>
    anyOf(
      ctx.sheet.print.printers,
      (p) => (p.reachable === undefined ? undefined : !p.reachable.value),
      'print.printers[].reachable',
    ),
  'direct-print-incompatible.ipp': (ctx) =>
    anyOf(
      ctx.sheet.print.printers,
      (p) => (p.ippSupported === undefined ? undefined : !p.ippSupported.value),
      'print.printers[].ippSupported',
    ),
  'direct-print-incompatible.pdf': (ctx) =>
    anyOf(
      ctx.sheet.print.printers,
      (p) => (p.pdfSupported === undefined ? undefined : !p.pdfSupported.value),
      'print.printers[].pdfSupported',
    ),
};

function quickCheck(q: QuickCheck): Check {
  return {
    id: `qc.${q.id}`,
    area: 'quick_checks',
    severity: 'medium',
    title: t(`Schneller Check: ${q.symptom.de}`, `Quick check: ${q.symptom.en}`),
    reference: REF,
    remediation: t(q.seedText, `${q.symptom.en}: ${q.causes.map((c) => c.text.en).join('; ')}.`),
    run: (ctx) => {
      const reported = (ctx.sheet.diagnostics.reportedSymptoms?.value ?? []).includes(q.id);
      const results = q.causes.map((c) => ({ cause: c, d: DETECT[`${q.id}.${c.id}`]?.(ctx) }));
      const found = results.filter((r) => r.d?.found === true);
      const evidence = [
        evRaw('diagnostics.reportedSymptoms', reported),
        ...results.flatMap((r) => r.d?.evidence ?? []),
      ];
      if (found.length > 0) {
        const de = found.map((r) => r.cause.text.de).join('; ');
        const en = found.map((r) => r.cause.text.en).join('; ');
        return [
          fail(
            t(
              `${q.symptom.de}${reported ? ' (von der Praxis gemeldet)' : ' (zu erwarten)'} – wahrscheinliche Ursache: ${de}.`,
              `${q.symptom.en}${reported ? ' (reported)' : ' (to be expected)'} – probable cause: ${en}.`,
            ),
            evidence,
          ),
        ];
      }
      const open = results.filter((r) => r.d === undefined).map((r) => r.cause);
      if (reported) {
        return [
          manual(
            t(
              `${q.symptom.de} gemeldet, keine Ursache in den Daten. Vor Ort prüfen: ${open.map((c) => c.text.de).join('; ') || q.seedText}.`,
              `${q.symptom.en} reported, no cause in the data. Check on site: ${open.map((c) => c.text.en).join('; ') || q.seedText}.`,
            ),
            evidence,
          ),
        ];
      }
      if (open.length === q.causes.length) {
        return [
          unknown(t('Keine Daten zu den bekannten Ursachen.', 'No data on the known causes.'), evidence),
        ];
      }
      return [
        pass(
          t(
            `Keine der bekannten Ursachen gefunden (${q.symptom.de}).`,
            `None of the known causes found (${q.symptom.en}).`,
          ),
          evidence,
        ),
      ];
    },
  };
}

export const quickChecks: Check[] = QUICK_CHECKS.map(quickCheck);
