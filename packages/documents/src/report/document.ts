import type { AuditArea, AuditSheet, Evidence, Finding, ScoreSummary } from '@praxisready/model';
import { AUDIT_AREA_LABELS, AuditArea as AuditAreas } from '@praxisready/model';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { DocLang } from '../common/lang.ts';
import { t, tr } from '../common/lang.ts';
import { daysUntil, formatDate, formatDateTime, formatNumber, formatScore } from '../common/format.ts';
import { COLOR, PAGE_MARGINS, STYLES, ZEBRA, scoreColor } from '../pdf/theme.ts';
import { factsOf, formatValue, tiConnectionLabel, type FactRow } from './facts.ts';
import {
  L,
  SEVERITY_LABEL,
  SEVERITY_ORDER,
  SOURCE_LABEL,
  STATUS_COLOR,
  STATUS_LABEL,
  STATUS_ORDER,
} from './labels.ts';
import { networkSketch } from './network-sketch.ts';
import { kbvRows, kbvSizeClass, operationsRows, type ChecklistItemDef } from './checklists.ts';
import { imageDataUrl, type EvidenceImage } from './images.ts';
import { deviceMatrixRows } from './device-matrix.ts';
import { tiGatewaySteps } from './ti-gateway.ts';

/** Who writes the report (the Systemhaus); shown on the cover and in the footer. */
export interface Issuer {
  name: string;
  address?: string;
  email?: string;
  phone?: string;
  web?: string;
}

export interface ReportModel {
  sheet: AuditSheet;
  findings: readonly Finding[];
  scores: ScoreSummary;
  images: readonly EvidenceImage[];
  operationsChecklist: readonly ChecklistItemDef[];
  lang: DocLang;
  now: Date;
  issuer: Issuer;
  topFindings: number;
}

/**
 * Areas with their own chapter after the area sections; their area section points there. The findings of kbv,
 * ti_gateway and operations are shown in the chapter only (the device matrix has no findings, so peripherals
 * keeps its findings in the area section).
 */
const CHAPTER_AREAS: Partial<Record<AuditArea, 'kbv' | 'tigw' | 'ops' | 'devices'>> = {
  kbv: 'kbv',
  ti_gateway: 'tigw',
  operations: 'ops',
  peripherals: 'devices',
};

function byPriority(a: Finding, b: Finding): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.checkId.localeCompare(b.checkId) ||
    (a.subject ?? '').localeCompare(b.subject ?? '')
  );
}

function th(text: string, extra: Partial<Record<string, unknown>> = {}): TableCell {
  return { text, style: 'th', ...extra };
}

function statusCell(status: Finding['status'], lang: DocLang): TableCell {
  return { text: tr(STATUS_LABEL[status], lang), color: STATUS_COLOR[status], bold: true, fontSize: 8 };
}

function sourceText(source: string | undefined, at: string | undefined, lang: DocLang): string {
  if (source === undefined) {
    return '';
  }
  const label = source in SOURCE_LABEL ? tr(SOURCE_LABEL[source as keyof typeof SOURCE_LABEL], lang) : source;
  return at ? `${label} · ${formatDateTime(at, lang)}` : label;
}

function evidenceLine(e: Evidence, lang: DocLang): string {
  const value = e.value === undefined ? '' : ` = ${formatValue(e.value, lang)}`;
  const text = `${e.path}${value}`;
  const clipped = text.length > 140 ? `${text.slice(0, 139)}…` : text;
  const src = sourceText(e.source, e.at, lang);
  return src ? `${clipped} (${src})` : clipped;
}

function heading(text: string, id: string, pageBreak = true): Content {
  return { text, style: 'h1', tocItem: true, id, ...(pageBreak ? { pageBreak: 'before' as const } : {}) };
}

function scoreBar(score: number | null, width = 70): Content {
  const w = score === null ? 0 : (width * score) / 100;
  return {
    canvas: [
      { type: 'rect', x: 0, y: 2, w: width, h: 6, color: COLOR.zebra, lineColor: COLOR.rule },
      ...(w > 0 ? [{ type: 'rect' as const, x: 0, y: 2, w, h: 6, color: scoreColor(score) }] : []),
    ],
  };
}

function cover(m: ReportModel): Content[] {
  const { sheet, lang } = m;
  const addr = sheet.site?.address ?? sheet.practice.address;
  const rows: [string, string][] = [
    [tr(L.practice, lang), sheet.practice.name],
    [
      tr(L.site, lang),
      [sheet.site?.name, addr ? `${addr.street}, ${addr.postalCode} ${addr.city}` : undefined]
        .filter(Boolean)
        .join(' – ') || '–',
    ],
    [
      tr(L.auditDate, lang),
      `${formatDate(sheet.auditDate, lang)}${sheet.mode ? ` (${tr(sheet.mode === 'on_site' ? L.onSite : L.remote, lang)})` : ''}`,
    ],
    [tr(L.technician, lang), sheet.technician ?? '–'],
    ...(sheet.caseId ? [[tr(L.caseId, lang), sheet.caseId] as [string, string]] : []),
    ...(sheet.practice.customerNumber
      ? [[tr(L.customerNumber, lang), sheet.practice.customerNumber] as [string, string]]
      : []),
    [tr(L.createdAt, lang), formatDate(m.now, lang)],
  ];
  const overall = m.scores.overall.score;
  return [
    { text: m.issuer.name, color: COLOR.muted, fontSize: 10, margin: [0, 0, 0, 90] },
    { text: tr(L.reportTitle, lang), fontSize: 28, bold: true, color: COLOR.primary },
    { text: tr(L.reportSubtitle, lang), fontSize: 12, color: COLOR.muted, margin: [0, 4, 0, 30] },
    { text: sheet.practice.name, fontSize: 18, bold: true, margin: [0, 0, 0, 16] },
    {
      table: {
        widths: [110, '*'],
        body: rows.map(([k, v]) => [
          { text: k, style: 'label' },
          { text: v, fontSize: 10 },
        ]),
      },
      layout: 'noBorders',
    },
    {
      margin: [0, 40, 0, 0],
      table: {
        widths: [180],
        body: [
          [
            {
              stack: [
                { text: tr(L.overallScore, lang), color: '#FFFFFF', fontSize: 9 },
                { text: `${formatScore(overall, lang)} / 100`, color: '#FFFFFF', fontSize: 24, bold: true },
              ],
              fillColor: scoreColor(overall),
              margin: [8, 6, 8, 6],
            },
          ],
        ],
      },
      layout: 'noBorders',
    },
    {
      text: [m.issuer.address, m.issuer.phone, m.issuer.email, m.issuer.web].filter(Boolean).join(' · '),
      style: 'small',
      absolutePosition: { x: 40, y: 780 },
    },
  ];
}

function summary(m: ReportModel): Content[] {
  const { lang, scores } = m;
  const body: TableCell[][] = [
    [
      th(tr(L.area, lang)),
      th(tr(L.score, lang), { alignment: 'right' }),
      th(''),
      th(tr(L.coverage, lang), { alignment: 'right' }),
      th(tr(L.failed, lang), { alignment: 'right' }),
      th(tr(L.warnings, lang), { alignment: 'right' }),
      th(tr(L.passed, lang), { alignment: 'right' }),
      th(tr(L.open, lang), { alignment: 'right' }),
    ],
  ];
  const row = (label: string, s: ScoreSummary['overall'], bold = false): TableCell[] => [
    { text: label, bold, fontSize: 8.5 },
    {
      text: formatScore(s.score, lang),
      alignment: 'right',
      bold: true,
      color: scoreColor(s.score),
      fontSize: 8.5,
    },
    scoreBar(s.score),
    {
      text: s.coverage === null ? '–' : `${formatNumber(s.coverage * 100, lang, 0)} %`,
      alignment: 'right',
      fontSize: 8,
    },
    {
      text: String(s.counts.fail),
      alignment: 'right',
      fontSize: 8,
      color: s.counts.fail > 0 ? COLOR.bad : COLOR.text,
    },
    { text: String(s.counts.warn), alignment: 'right', fontSize: 8 },
    { text: String(s.counts.pass), alignment: 'right', fontSize: 8 },
    { text: String(s.counts.manual + s.counts.unknown), alignment: 'right', fontSize: 8 },
  ];
  for (const a of scores.areas) {
    body.push(row(tr(AUDIT_AREA_LABELS[a.area as AuditArea], lang), a));
  }
  body.push(row(tr(L.overall, lang), scores.overall, true));
  const top = m.findings
    .filter((f) => f.status === 'fail' || f.status === 'warn')
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        a.checkId.localeCompare(b.checkId),
    )
    .slice(0, m.topFindings);
  const topBody: TableCell[][] = [
    [th('#'), th(tr(L.findings, lang)), th(tr(L.severity, lang)), th(tr(L.remediation, lang))],
  ];
  top.forEach((f, i) => {
    topBody.push([
      { text: String(i + 1), fontSize: 8 },
      {
        stack: [
          { text: titleOf(f, lang), bold: true, fontSize: 8 },
          { text: tr(AUDIT_AREA_LABELS[f.area], lang), style: 'small' },
        ],
      },
      {
        text: `${tr(SEVERITY_LABEL[f.severity], lang)}\n${tr(STATUS_LABEL[f.status], lang)}`,
        fontSize: 8,
        color: STATUS_COLOR[f.status],
      },
      { text: f.remediation ? tr(f.remediation, lang) : tr(f.explanation, lang), fontSize: 8 },
    ]);
  });
  return [
    heading(`1 ${tr(L.summary, lang)}`, 'summary'),
    { table: { headerRows: 1, widths: ['*', 32, 74, 48, 34, 38, 34, 30], body }, layout: ZEBRA },
    { text: tr(L.scoreExplained, lang), style: 'small', margin: [0, 6, 0, 0] },
    { text: tr(L.topFindings, lang), style: 'h2' },
    top.length === 0
      ? { text: tr(L.noTopFindings, lang), fontSize: 9 }
      : {
          table: { headerRows: 1, widths: [12, 150, 50, '*'], body: topBody, dontBreakRows: true },
          layout: ZEBRA,
        },
  ];
}

function factsTable(rows: FactRow[], lang: DocLang): Content {
  return {
    table: {
      headerRows: 1,
      widths: [150, '*', 105],
      dontBreakRows: true,
      body: [
        [th(tr(L.item, lang)), th(tr(L.value, lang)), th(tr(L.sourceCol, lang))],
        ...rows.map((r): TableCell[] => [
          { text: r.label, fontSize: 8, color: COLOR.muted },
          { text: r.value, fontSize: 8 },
          { text: sourceText(r.source, r.at, lang), fontSize: 7, color: COLOR.muted },
        ]),
      ],
    },
    layout: ZEBRA,
  };
}

function findingBlock(f: Finding, lang: DocLang): Content {
  const color = STATUS_COLOR[f.status];
  const stack: Content[] = [
    {
      columns: [
        { text: titleOf(f, lang), bold: true, fontSize: 9, width: '*' },
        {
          text: `${tr(STATUS_LABEL[f.status], lang)} · ${tr(SEVERITY_LABEL[f.severity], lang)}`,
          color,
          bold: true,
          fontSize: 8,
          width: 'auto',
        },
      ],
    },
    { text: tr(f.explanation, lang), fontSize: 8.5, margin: [0, 2, 0, 0] },
  ];
  if (f.remediation) {
    stack.push({
      text: [{ text: `${tr(L.remediation, lang)}: `, bold: true }, tr(f.remediation, lang)],
      fontSize: 8.5,
      margin: [0, 2, 0, 0],
    });
  }
  const ev = f.evidence.map((e) => evidenceLine(e, lang));
  if (ev.length > 0 || f.reference) {
    stack.push({
      text: [
        ev.length > 0 ? `${tr(L.evidence, lang)}: ${ev.join('; ')}` : '',
        f.reference ? `${ev.length > 0 ? ' · ' : ''}${tr(L.reference, lang)}: ${f.reference}` : '',
      ].join(''),
      style: 'small',
      margin: [0, 2, 0, 0],
    });
  }
  return {
    unbreakable: true,
    margin: [0, 0, 0, 5],
    table: { widths: ['*'], body: [[{ stack, fillColor: '#FBFCFC' }]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i) => (i === 0 ? 3 : 0),
      vLineColor: () => color,
      paddingLeft: () => 7,
      paddingRight: () => 5,
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
  };
}

function furtherChecks(findings: readonly Finding[], lang: DocLang): Content {
  return {
    table: {
      headerRows: 1,
      widths: ['*', 62, 40],
      dontBreakRows: true,
      body: [
        [th(tr(L.check, lang)), th(tr(L.status, lang)), th(tr(L.severity, lang))],
        ...findings.map((f): TableCell[] => [
          {
            stack: [
              { text: titleOf(f, lang), fontSize: 8 },
              { text: tr(f.explanation, lang), style: 'small' },
            ],
          },
          statusCell(f.status, lang),
          { text: tr(SEVERITY_LABEL[f.severity], lang), fontSize: 8 },
        ]),
      ],
    },
    layout: ZEBRA,
  };
}

const CHAPTER_TITLE: Record<'kbv' | 'tigw' | 'ops' | 'devices', { de: string; en: string }> = {
  kbv: L.kbvTable,
  tigw: L.tiGateway,
  ops: L.operations,
  devices: L.deviceMatrix,
};

function areaSections(m: ReportModel, chapterNo: Record<string, string>): Content[] {
  const { sheet, lang } = m;
  const out: Content[] = [heading(`3 ${tr(t('Ergebnisse nach Bereich', 'Results by area'), lang)}`, 'areas')];
  let n = 0;
  for (const area of Object.keys(AuditAreas) as AuditArea[]) {
    const chapter = CHAPTER_AREAS[area];
    const all = m.findings.filter((f) => f.area === area).sort(byPriority);
    const findings = chapter && chapter !== 'devices' ? [] : all;
    const facts = chapter ? [] : factsOf(area, sheet, lang);
    const observations = sheet.observations.filter((o) => o.area === area);
    if (all.length === 0 && facts.length === 0 && observations.length === 0) {
      continue;
    }
    n++;
    const score = m.scores.areas.find((a) => a.area === area);
    out.push({
      columns: [
        {
          text: `3.${n} ${tr(AUDIT_AREA_LABELS[area], lang)}`,
          style: 'h2',
          tocItem: true,
          tocMargin: [12, 0, 0, 0],
          width: '*',
        },
        {
          text: score ? `${tr(L.score, lang)}: ${formatScore(score.score, lang)}` : '',
          color: scoreColor(score?.score ?? null),
          bold: true,
          fontSize: 10,
          width: 'auto',
          margin: [0, 13, 0, 0],
        },
      ],
    });
    if (chapter) {
      const c = score?.counts;
      const counts = c
        ? `${c.fail} ${tr(L.failed, lang)}, ${c.warn} ${tr(L.warnings, lang)}, ${c.pass} ${tr(L.passed, lang)}. `
        : '';
      out.push({
        text: `${counts}${tr(L.seeChapter, lang)} ${chapterNo[chapter]} „${tr(CHAPTER_TITLE[chapter], lang)}“.`,
        fontSize: 8.5,
        margin: [0, 0, 0, 4],
      });
    }
    if (facts.length > 0) {
      out.push({ text: tr(L.facts, lang), style: 'h3' }, factsTable(facts, lang));
    }
    if (observations.length > 0) {
      out.push(
        { text: tr(L.observations, lang), style: 'h3' },
        {
          ul: observations.map((o) => ({
            text: [
              o.text,
              {
                text: `  (${[o.by, formatDateTime(o.at, lang)].filter(Boolean).join(', ')}${o.evidence.length > 0 ? `; ${o.evidence.join(', ')}` : ''})`,
                style: 'small',
              },
            ],
            fontSize: 8.5,
          })),
        },
      );
    }
    out.push(...findingsContent(findings, lang));
  }
  return out;
}

/** Failures and warnings as blocks with remediation, everything else as a compact table. */
function findingsContent(findings: readonly Finding[], lang: DocLang): Content[] {
  const out: Content[] = [];
  const action = findings.filter((f) => f.status === 'fail' || f.status === 'warn');
  const rest = findings.filter((f) => f.status !== 'fail' && f.status !== 'warn');
  if (action.length > 0) {
    out.push({ text: tr(L.findings, lang), style: 'h3' }, ...action.map((f) => findingBlock(f, lang)));
  }
  if (rest.length > 0) {
    out.push({ text: tr(L.furtherChecks, lang), style: 'h3' }, furtherChecks(rest, lang));
  }
  return out;
}

/** Title with the subject, unless the title already names it (KBV items carry their id in the title). */
function titleOf(f: Finding, lang: DocLang): string {
  const title = tr(f.title, lang);
  return f.subject && !title.includes(f.subject) ? `${title} – ${f.subject}` : title;
}

function deviceMatrix(m: ReportModel, no: string): Content[] {
  const { lang } = m;
  const rows = deviceMatrixRows(m.sheet, lang);
  return [
    heading(`${no} ${tr(L.deviceMatrix, lang)}`, 'devices'),
    rows.length === 0
      ? { text: tr(L.noDevices, lang), fontSize: 9 }
      : {
          table: {
            headerRows: 1,
            widths: [70, 95, 95, 85, '*', 62],
            dontBreakRows: true,
            body: [
              [
                th(tr(L.kind, lang)),
                th(tr(L.device, lang)),
                th(tr(L.manufacturerModel, lang)),
                th(tr(L.location, lang)),
                th(tr(L.connection, lang)),
                th(tr(L.sourceCol, lang)),
              ],
              ...rows.map((r): TableCell[] => [
                { text: r.kind, fontSize: 8, color: COLOR.muted },
                { text: r.name, fontSize: 8, bold: true },
                { text: r.model, fontSize: 8 },
                { text: r.location, fontSize: 8 },
                { text: r.connection, fontSize: 8 },
                { text: sourceText(r.source, undefined, lang), fontSize: 7, color: COLOR.muted },
              ]),
            ],
          },
          layout: ZEBRA,
        },
  ];
}

function kbvChapter(m: ReportModel, no: string): Content[] {
  const { lang } = m;
  const { rows, notApplicable } = kbvRows(m.sheet, m.findings);
  const size = kbvSizeClass(m.sheet);
  const zielobjekte = Object.entries(m.sheet.kbv.zielobjekte)
    .filter(([, v]) => v.value === 'yes')
    .map(([k]) => k);
  const out: Content[] = [
    heading(`${no} ${tr(L.kbvTable, lang)}`, 'kbv'),
    { text: tr(L.kbvIntro, lang), fontSize: 9, margin: [0, 0, 0, 4] },
    {
      text: [
        { text: `${tr(L.sizeClass, lang)}: `, bold: true },
        size ? tr(size, lang) : tr(L.notRecorded, lang),
        m.sheet.profile.largeMedicalDevices?.value === 'yes'
          ? tr(t(' · medizinische Großgeräte (Anlage 4)', ' · large medical devices (Annex 4)'), lang)
          : '',
        m.sheet.profile.decentralTiComponents?.value === 'yes'
          ? tr(t(' · dezentrale TI-Komponenten (Anlage 5)', ' · decentral TI components (Annex 5)'), lang)
          : '',
      ],
      fontSize: 9,
    },
  ];
  if (zielobjekte.length > 0) {
    out.push({
      text: [
        { text: `${tr(t('Zielobjekte in Nutzung', 'Target objects in use'), lang)}: `, bold: true },
        zielobjekte.join(', '),
      ],
      fontSize: 9,
    });
  }
  if (rows.length === 0) {
    out.push({ text: tr(L.noKbv, lang), fontSize: 9, margin: [0, 6, 0, 0] });
    return out;
  }
  out.push({
    margin: [0, 6, 0, 0],
    table: {
      headerRows: 1,
      widths: [32, '*', 54, 170],
      dontBreakRows: true,
      body: [
        [th(tr(L.nr, lang)), th(tr(L.requirement, lang)), th(tr(L.status, lang)), th(tr(L.evidence, lang))],
        ...rows.map((r): TableCell[] => [
          { text: r.id, fontSize: 8, bold: true },
          {
            stack: [
              { text: tr(r.title, lang), fontSize: 8 },
              ...(r.explanation ? [{ text: tr(r.explanation, lang), style: 'small' }] : []),
              ...(r.remediation
                ? [
                    {
                      text: [{ text: `${tr(L.remediation, lang)}: `, bold: true }, tr(r.remediation, lang)],
                      fontSize: 7.5,
                    },
                  ]
                : []),
            ],
          },
          statusCell(r.status, lang),
          {
            stack: [
              ...r.evidence
                // Evidence pointing at other findings is listed below with the finding's title and status.
                .filter((e) => r.related.length === 0 || !e.path.startsWith('finding:'))
                .map((e) => ({ text: evidenceLine(e, lang), fontSize: 7, color: COLOR.muted })),
              ...r.related.map((g) => ({
                text: `${tr(g.title, lang)}${g.subject ? ` (${g.subject})` : ''}: ${tr(STATUS_LABEL[g.status], lang)}`,
                fontSize: 7,
                color: STATUS_COLOR[g.status],
              })),
            ],
          },
        ]),
      ],
    },
    layout: ZEBRA,
  });
  if (notApplicable > 0) {
    out.push({
      text: `${notApplicable} ${tr(L.kbvNotApplicable, lang)}.`,
      style: 'small',
      margin: [0, 4, 0, 0],
    });
  }
  return out;
}

function tiGatewayChapter(m: ReportModel, no: string): Content[] {
  const { sheet, lang, now } = m;
  const expiry = sheet.ti.konnektor.gsmcKExpiry;
  const days = expiry ? daysUntil(expiry.value, now) : Number.NaN;
  const expiryText = expiry
    ? `${formatDate(expiry.value, lang)} (${days < 0 ? tr(L.expired, lang) : `${days} ${tr(L.daysLeft, lang)}`})`
    : tr(L.notRecorded, lang);
  const expiryColor = !expiry ? COLOR.muted : days < 0 ? COLOR.bad : days <= 180 ? COLOR.mid : COLOR.good;
  const mig = sheet.ti.tiGatewayMigration;
  const steps = tiGatewaySteps(sheet, lang);
  const findings = m.findings.filter((f) => f.area === 'ti_gateway').sort(byPriority);
  const conn = sheet.ti.connection?.value;
  return [
    heading(`${no} ${tr(L.tiGateway, lang)}`, 'tigw'),
    {
      table: {
        widths: [170, '*'],
        body: [
          [
            { text: tr(t('Aktuelle TI-Anbindung', 'Current TI connection'), lang), style: 'label' },
            { text: conn ? tiConnectionLabel(conn, lang) : tr(L.notRecorded, lang), fontSize: 10 },
          ],
          [
            { text: tr(L.konnektorExpiry, lang), style: 'label' },
            { text: expiryText, fontSize: 12, bold: true, color: expiryColor },
          ],
          [
            { text: tr(L.migrationRequired, lang), style: 'label' },
            {
              text: mig.required ? formatValue(mig.required.value, lang) : tr(L.notRecorded, lang),
              fontSize: 10,
            },
          ],
          [
            { text: tr(t('Termin', 'Appointment'), lang), style: 'label' },
            { text: mig.appointment ? formatDate(mig.appointment.value, lang) : '–', fontSize: 10 },
          ],
        ],
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 8],
    },
    {
      text: tr(
        t(
          'Wichtig: Den Konnektor nicht selbst ohne Anleitung tauschen. Bis zum Ablaufdatum muss der Konnektor getauscht sein; vor dem Tausch KIM-Mails abrufen.',
          'Important: never swap the Konnektor yourself without instructions. It must be replaced before the expiry date; fetch KIM mails before the swap.',
        ),
        lang,
      ),
      fontSize: 8.5,
      color: COLOR.bad,
      margin: [0, 0, 0, 6],
    },
    {
      table: {
        headerRows: 1,
        widths: [16, '*', 70, 110],
        dontBreakRows: true,
        body: [
          [th('#'), th(tr(L.migrationStep, lang)), th(tr(L.status, lang)), th(tr(L.sourceCol, lang))],
          ...steps.map((s, i): TableCell[] => [
            { text: String(i + 1), fontSize: 8 },
            { text: s.title, fontSize: 8 },
            {
              text: s.statusText,
              fontSize: 8,
              bold: true,
              color: s.done === true ? COLOR.good : s.done === false ? COLOR.bad : COLOR.muted,
            },
            { text: sourceText(s.source, s.at, lang), fontSize: 7, color: COLOR.muted },
          ]),
        ],
      },
      layout: ZEBRA,
    },
    ...findingsContent(findings, lang),
  ];
}

function operationsChapter(m: ReportModel, no: string): Content[] {
  const { lang } = m;
  const rows = operationsRows(m.sheet, m.operationsChecklist);
  const label = {
    done: t('erledigt', 'done'),
    partial: t('teilweise', 'partial'),
    open: t('offen', 'open'),
    not_applicable: t('n. a.', 'n/a'),
    not_recorded: t('nicht erfasst', 'not recorded'),
  } as const;
  const color = {
    done: COLOR.good,
    partial: COLOR.mid,
    open: COLOR.bad,
    not_applicable: COLOR.muted,
    not_recorded: COLOR.muted,
  } as const;
  const findings = m.findings.filter((f) => f.area === 'operations').sort(byPriority);
  return [
    heading(`${no} ${tr(L.operations, lang)}`, 'ops'),
    { text: tr(L.operationsIntro, lang), fontSize: 9, margin: [0, 0, 0, 6] },
    {
      table: {
        headerRows: 1,
        widths: ['*', 58, 130],
        dontBreakRows: true,
        body: [
          [th(tr(L.item, lang)), th(tr(L.status, lang)), th(tr(L.note, lang))],
          ...rows.map((r): TableCell[] => [
            { text: tr(r.title, lang), fontSize: 8.5 },
            { text: tr(label[r.status], lang), bold: true, fontSize: 8, color: color[r.status] },
            {
              stack: [
                { text: r.note ?? '', fontSize: 8 },
                { text: sourceText(r.source, r.at, lang), fontSize: 7, color: COLOR.muted },
              ],
            },
          ]),
        ],
      },
      layout: ZEBRA,
    },
    ...findingsContent(findings, lang),
  ];
}

function appendix(m: ReportModel, no: string): Content[] {
  const { lang } = m;
  const out: Content[] = [heading(`${no} ${tr(L.appendix, lang)}`, 'appendix')];
  if (m.images.length === 0) {
    out.push({ text: tr(L.noImages, lang), fontSize: 9 });
    return out;
  }
  m.images.forEach((img, i) => {
    out.push({
      unbreakable: true,
      margin: [0, 0, 0, 12],
      stack: [
        { text: `${tr(t('Abbildung', 'Figure'), lang)} ${i + 1}: ${img.title}`, style: 'h3' },
        { image: imageDataUrl(img, i), fit: [515, 330] },
        {
          text: [
            img.caption,
            img.area ? tr(AUDIT_AREA_LABELS[img.area], lang) : undefined,
            img.takenAt ? formatDateTime(img.takenAt, lang) : undefined,
          ]
            .filter(Boolean)
            .join(' · '),
          style: 'small',
          margin: [0, 3, 0, 0],
        },
      ],
    });
  });
  return out;
}

/** Builds the pdfmake document of the report. Pure: the same model gives the same definition. */
export function reportDefinition(m: ReportModel): TDocumentDefinitions {
  const { sheet, lang } = m;
  const chapterNo = { devices: '4', kbv: '5', tigw: '6', ops: '7', appendix: '8' };
  const sketch = networkSketch(sheet, lang);
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    info: {
      title: `${tr(L.reportTitle, lang)} – ${sheet.practice.name}`,
      author: m.issuer.name,
      subject: sheet.caseId ?? sheet.id,
      creator: 'Praxisready',
      producer: 'Praxisready (pdfmake)',
      creationDate: m.now,
    },
    defaultStyle: { font: 'Roboto', fontSize: 9, color: COLOR.text, lineHeight: 1.15 },
    styles: STYLES,
    header: (page) =>
      page === 1
        ? ''
        : {
            margin: [40, 22, 40, 0],
            columns: [
              { text: sheet.practice.name, style: 'small' },
              {
                text: `${tr(L.reportTitle, lang)} · ${formatDate(sheet.auditDate ?? m.now, lang)}`,
                style: 'small',
                alignment: 'right',
              },
            ],
          },
    footer: (page, pages) => ({
      margin: [40, 16, 40, 0],
      columns: [
        { text: m.issuer.name, style: 'small' },
        {
          text: `${tr(L.page, lang)} ${page} ${tr(L.of, lang)} ${pages}`,
          style: 'small',
          alignment: 'right',
        },
      ],
    }),
    content: [
      ...cover(m),
      { toc: { title: { text: tr(L.contents, lang), style: 'h1' } }, pageBreak: 'before' },
      ...summary(m),
      heading(`2 ${tr(L.networkSketch, lang)}`, 'sketch'),
      { text: tr(L.networkSketchNote, lang), style: 'small', margin: [0, 0, 0, 8] },
      { svg: sketch.svg, width: 515 },
      ...areaSections(m, chapterNo),
      ...deviceMatrix(m, chapterNo.devices),
      ...kbvChapter(m, chapterNo.kbv),
      ...tiGatewayChapter(m, chapterNo.tigw),
      ...operationsChapter(m, chapterNo.ops),
      ...appendix(m, chapterNo.appendix),
    ],
  };
}
