import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  AppError,
  ExitCode,
  FindingSchema,
  validateWith,
  type AuditSheet,
  type Finding,
} from '@praxisready/model';
import { evaluate } from '@praxisready/rules';
import { renderReport, type EvidenceImage } from '@praxisready/documents';
import type { Command, CommandContext } from '../command.ts';
import { parseJsonInput, readInput } from '../io.ts';
import { sheetFromInput } from './check.ts';

/**
 * A case file: `{ "sheet": <audit sheet>, "findings"?: [...] }` as the case server exports it. Plain audit
 * sheets and facts documents are accepted too; findings are then evaluated with the rule catalogs at `now`.
 */
export function caseFromInput(
  json: unknown,
  name: string,
  now: Date,
): { sheet: AuditSheet; findings: Finding[] } {
  const obj = json as { sheet?: unknown; findings?: unknown } | null;
  const isCase = obj !== null && typeof obj === 'object' && 'sheet' in obj && !('kind' in obj);
  const sheet = sheetFromInput(isCase ? obj.sheet : json, name);
  if (isCase && obj.findings !== undefined) {
    const r = validateWith(FindingSchema.array(), obj.findings);
    if (!r.success) {
      throw new AppError('VALIDATION_FAILED', `${name}: findings are not valid`, {
        issues: r.issues.map((i) => ({ ...i, path: ['findings', ...i.path] })),
      });
    }
    return { sheet, findings: r.data };
  }
  return { sheet, findings: evaluate(sheet, { now }).findings };
}

/** `--now` as a Date; a bare date means noon UTC of that day. */
export function nowOption(value: CommandContext['values'][string]): Date {
  if (typeof value !== 'string') {
    return new Date();
  }
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(d.getTime())) {
    throw new AppError('BAD_REQUEST', `--now takes an ISO date or timestamp, got "${value}"`);
  }
  return d;
}

/** Writes the output file; `--out` is required. */
export async function writeOut(ctx: CommandContext, bytes: Buffer): Promise<string> {
  const out = ctx.values.out;
  if (typeof out !== 'string' || out === '') {
    throw new AppError('BAD_REQUEST', 'Missing --out FILE');
  }
  const path = resolve(ctx.io.cwd, out);
  await writeFile(path, bytes);
  return out;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'Render the audit report PDF (German; --lang en for English) from a case or sheet file',
  usage: '<CASE-or-SHEET.json | -> --out report.pdf [--now DATE] [--image FILE]… [--lang en]',
  description:
    'The input is a case file ({ "sheet": …, "findings": … }), an audit sheet or a facts document. Without findings the\nsheet is evaluated with the rule catalogs at --now. Evidence images (PNG/JPEG) go to the appendix.',
  options: {
    out: { type: 'string', short: 'o', arg: 'FILE', description: 'where to write the PDF' },
    now: { type: 'string', arg: 'DATE', description: 'evaluation and creation date (ISO), default: now' },
    image: {
      type: 'string',
      multiple: true,
      arg: 'FILE',
      description: 'evidence image (PNG/JPEG) for the appendix',
    },
  },
  exitCodes: {
    [ExitCode.OK]: 'report written',
    [ExitCode.INPUT]: 'input missing or invalid (the JSON path is printed), image not PNG/JPEG',
  },
  async run(ctx) {
    const path = ctx.positionals[0];
    if (path === undefined) {
      throw new AppError('BAD_REQUEST', 'Missing <CASE-or-SHEET.json>');
    }
    if (typeof ctx.values.out !== 'string') {
      throw new AppError('BAD_REQUEST', 'Missing --out FILE');
    }
    const now = nowOption(ctx.values.now);
    const { sheet, findings } = caseFromInput(parseJsonInput(await readInput(ctx.io, path), path), path, now);
    const images: EvidenceImage[] = [];
    for (const file of (ctx.values.image as string[] | undefined) ?? []) {
      images.push({ title: file.split(/[\\/]/).pop() ?? file, data: await readInput(ctx.io, file) });
    }
    const pdf = await renderReport({ sheet, findings, images }, { now, lang: ctx.lang });
    const out = await writeOut(ctx, pdf);
    ctx.out(
      ctx.lang === 'de'
        ? `Bericht geschrieben: ${out} (${pdf.length} Bytes)`
        : `Report written: ${out} (${pdf.length} bytes)`,
    );
    return ExitCode.OK;
  },
};
