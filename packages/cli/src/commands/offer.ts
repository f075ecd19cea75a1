import { AppError, ExitCode } from '@praxisready/model';
import {
  buildOffer,
  defaultPriceCatalog,
  formatEuro,
  parsePriceCatalog,
  renderOffer,
  type PriceCatalog,
} from '@praxisready/documents';
import type { Command } from '../command.ts';
import { parseJsonInput, readInput } from '../io.ts';
import { caseFromInput, nowOption, writeOut } from './report.ts';

export const offerCommand: Command = {
  name: 'offer',
  summary: 'Render the offer PDF ("PVS-Ready" package) from the failing findings and a price catalog',
  usage: '<CASE-or-SHEET.json | -> --out offer.pdf [--catalog FILE] [--now DATE] [--lang en]',
  description:
    'Positions come from the offer items of failing findings, priced with the catalog (JSON, see the documents README).\nOffer items missing from the catalog are listed as warnings and left out.',
  options: {
    out: { type: 'string', short: 'o', arg: 'FILE', description: 'where to write the PDF' },
    catalog: {
      type: 'string',
      arg: 'FILE',
      description: 'price catalog JSON (default: the built-in catalog)',
    },
    now: { type: 'string', arg: 'DATE', description: 'offer date (ISO); validity counts from it' },
  },
  exitCodes: {
    [ExitCode.OK]: 'offer written',
    [ExitCode.INPUT]: 'input or catalog missing or invalid (the JSON path is printed)',
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
    let catalog: PriceCatalog = defaultPriceCatalog();
    if (typeof ctx.values.catalog === 'string') {
      const r = parsePriceCatalog(
        parseJsonInput(await readInput(ctx.io, ctx.values.catalog), ctx.values.catalog),
      );
      if (!r.success) {
        throw new AppError('VALIDATION_FAILED', `${ctx.values.catalog} is not a valid price catalog`, {
          issues: r.issues,
          hint: 'Preise als Text mit Punkt angeben, z. B. "149.00"; jede id nur einmal.',
        });
      }
      catalog = r.data;
    }
    const { sheet, findings } = caseFromInput(parseJsonInput(await readInput(ctx.io, path), path), path, now);
    const built = buildOffer(sheet, findings, catalog, { now });
    for (const issue of built.issues) {
      ctx.err(`Warnung: ${issue.message}`);
    }
    const pdf = await renderOffer({ sheet, findings, catalog }, { now, lang: ctx.lang });
    const out = await writeOut(ctx, pdf);
    const gross = built.success ? formatEuro(built.data.grossCents, ctx.lang) : '';
    ctx.out(
      ctx.lang === 'de'
        ? `Angebot geschrieben: ${out} (brutto ${gross})`
        : `Offer written: ${out} (gross ${gross})`,
    );
    return ExitCode.OK;
  },
};
