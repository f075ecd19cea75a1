import {
  AUDIT_AREA_LABELS,
  AUDIT_SHEET_KIND,
  AppError,
  AuditSheetSchema,
  ExitCode,
  FACTS_KIND,
  FactsDocumentSchema,
  sheetFromFacts,
  validateWith,
  type AreaScore,
  type AuditSheet,
  type Finding,
  type FindingStatus,
  type ScoreSummary,
} from '@praxisready/model';
import { evaluate } from '@praxisready/rules';
import type { Command } from '../command.ts';
import { parseJsonInput, readInput } from '../io.ts';

const SYMBOL: Record<FindingStatus, string> = {
  pass: '✓',
  fail: '✗',
  warn: '!',
  manual: '✎',
  unknown: '?',
  not_applicable: '–',
};

const TEXT = {
  de: {
    checks: 'Prüfungen',
    overall: 'Gesamt',
    coverage: 'Abdeckung',
    remediation: 'Maßnahme',
    notApplicable: 'nicht zutreffend',
    noScore: 'keine Bewertung',
    evaluatedAt: 'ausgewertet am',
    legend: '✓ erfüllt  ✗ nicht erfüllt  ! Warnung  ✎ manuell prüfen  ? Daten fehlen  – nicht zutreffend',
  },
  en: {
    checks: 'checks',
    overall: 'Overall',
    coverage: 'coverage',
    remediation: 'Remediation',
    notApplicable: 'not applicable',
    noScore: 'no score',
    evaluatedAt: 'evaluated on',
    legend: '✓ pass  ✗ fail  ! warning  ✎ manual check  ? data missing  – not applicable',
  },
} as const;

function invalid(
  what: string,
  result: {
    issues: {
      code: string;
      path: (string | number)[];
      message: string;
      severity: 'error' | 'warning' | 'info';
    }[];
  },
): AppError {
  return new AppError('VALIDATION_FAILED', `${what} is not valid (${result.issues.length} problem(s))`, {
    issues: result.issues,
    hint: 'Die Pfade zeigen, welche Felder fehlen oder falsch sind (JSON-Pfad: Feld.Unterfeld[Index]).',
  });
}

/** Accepts an audit sheet or a facts document (converted with sheetFromFacts) and returns a parsed sheet. */
export function sheetFromInput(json: unknown, name: string): AuditSheet {
  const kind = (json as { kind?: unknown } | null)?.kind;
  if (kind === FACTS_KIND) {
    const facts = validateWith(FactsDocumentSchema, json);
    if (!facts.success) {
      throw invalid(`${name} (facts document)`, facts);
    }
    const sheet = validateWith(AuditSheetSchema, sheetFromFacts(facts.data));
    if (!sheet.success) {
      throw new AppError('INTERNAL', 'sheetFromFacts produced an invalid sheet', { issues: sheet.issues });
    }
    return sheet.data;
  }
  if (kind !== AUDIT_SHEET_KIND) {
    throw new AppError('VALIDATION_FAILED', `${name} is neither an audit sheet nor a facts document`, {
      issues: [
        {
          code: 'invalid_kind',
          path: ['kind'],
          message: `expected "${AUDIT_SHEET_KIND}" or "${FACTS_KIND}", got ${JSON.stringify(kind ?? null)}`,
          severity: 'error',
        },
      ],
    });
  }
  const sheet = validateWith(AuditSheetSchema, json);
  if (!sheet.success) {
    throw invalid(`${name} (audit sheet)`, sheet);
  }
  return sheet.data;
}

function parseNow(value: string | boolean | string[] | undefined): Date {
  if (typeof value !== 'string') {
    return new Date();
  }
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(d.getTime())) {
    throw new AppError('BAD_REQUEST', `--now takes an ISO date or timestamp, got "${value}"`);
  }
  return d;
}

function counts(s: AreaScore): string {
  return (['pass', 'fail', 'warn', 'manual', 'unknown', 'not_applicable'] as const)
    .filter((k) => s.counts[k] > 0)
    .map((k) => `${SYMBOL[k]} ${s.counts[k]}`)
    .join('  ');
}

function scoreText(s: AreaScore, lang: 'de' | 'en'): string {
  const score = s.score === null ? TEXT[lang].noScore : `${s.score.toFixed(1)}/100`;
  const cov = s.coverage === null ? '' : ` · ${TEXT[lang].coverage} ${Math.round(s.coverage * 100)} %`;
  return `${score} · ${counts(s)}${cov}`;
}

function findingLines(f: Finding, lang: 'de' | 'en'): string[] {
  const head = `  ${SYMBOL[f.status]} ${f.checkId}${f.subject ? ` [${f.subject}]` : ''}: ${f.title[lang]}`;
  if (f.status === 'pass') {
    return [head];
  }
  const lines = [head, `      ${f.explanation[lang]}`];
  if (f.remediation && (f.status === 'fail' || f.status === 'warn')) {
    lines.push(`      → ${TEXT[lang].remediation}: ${f.remediation[lang]}`);
  }
  return lines;
}

/** Prints findings grouped by area with the score per area and overall (the human output of `check`). */
export function printEvaluation(
  out: (line?: string) => void,
  practiceName: string,
  { findings, scores }: { findings: readonly Finding[]; scores: ScoreSummary },
  now: Date,
  lang: 'de' | 'en',
): void {
  const tx = TEXT[lang];
  out(
    `${practiceName} – ${findings.length} ${tx.checks}, ${tx.evaluatedAt} ${now.toISOString().slice(0, 10)}`,
  );
  out(`${tx.overall}: ${scoreText(scores.overall, lang)}`);
  out(tx.legend);
  for (const area of scores.areas) {
    if (area.area === 'overall') {
      continue;
    }
    out();
    out(`${AUDIT_AREA_LABELS[area.area][lang]} — ${scoreText(area, lang)}`);
    for (const f of findings) {
      if (f.area === area.area && f.status !== 'not_applicable') {
        for (const line of findingLines(f, lang)) {
          out(line);
        }
      }
    }
  }
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'Evaluate an audit sheet or a facts document against the rule catalogs',
  usage: '<file.json | -> [--json] [--now DATE]',
  description: [
    'Reads an audit sheet (kind "praxisready.audit-sheet") or a facts document from the probe',
    '(kind "praxisready.facts", converted to a sheet first) and prints the findings grouped by area',
    'with a score per area and overall. Expiry rules ("within 90 days") use today unless --now is given.',
  ].join('\n'),
  options: {
    json: { type: 'boolean', description: 'print {findings, scores} as JSON' },
    now: { type: 'string', arg: 'DATE', description: 'evaluate as of this ISO date/time instead of now' },
  },
  exitCodes: {
    [ExitCode.OK]: 'no check failed',
    [ExitCode.FAILURES]: 'at least one check failed',
    [ExitCode.INPUT]:
      'file missing, not JSON, or not a valid sheet / facts document (the JSON path is printed)',
  },
  async run(ctx) {
    const path = ctx.positionals[0];
    if (path === undefined) {
      throw new AppError('BAD_REQUEST', 'Missing <file.json> (or - for standard input)');
    }
    const now = parseNow(ctx.values.now);
    const sheet = sheetFromInput(parseJsonInput(await readInput(ctx.io, path), path), path);
    const { findings, scores } = evaluate(sheet, { now });
    const failed = findings.some((f) => f.status === 'fail');
    if (ctx.values.json === true) {
      ctx.out(JSON.stringify({ findings, scores }, null, 2));
      return failed ? ExitCode.FAILURES : ExitCode.OK;
    }
    printEvaluation(ctx.out, sheet.practice.name, { findings, scores }, now, ctx.lang);
    return failed ? ExitCode.FAILURES : ExitCode.OK;
  },
};
