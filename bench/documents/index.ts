// Report rendering speed: a report of at least 20 pages (the demo practice, evaluated with the full rule
// catalog) must render in ≤ 2 s. Prints cold and warm times, pages and bytes.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditSheetSchema } from '@praxisready/model';
import { evaluate } from '@praxisready/rules';
import { renderOffer, renderReport, warmUpDocuments } from '@praxisready/documents';

const sheet = AuditSheetSchema.parse(
  JSON.parse(
    readFileSync(
      new URL('../../packages/documents/src/__fixtures__/demo-sheet.json', import.meta.url),
      'utf8',
    ),
  ),
);
const now = new Date('2026-11-20T12:00:00Z');
const { findings, scores } = evaluate(sheet, { now });

function pages(pdf: Buffer): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-docs-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    const info = execFileSync('pdfinfo', [join(dir, 'r.pdf')], { encoding: 'utf8' });
    return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  } catch {
    return Number.NaN;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

const [cold, pdf] = await time(() => renderReport({ sheet, findings, scores }, { now }));
const warm: number[] = [];
const [warmUpMs] = await time(() => warmUpDocuments());
for (let i = 0; i < 5; i++) {
  warm.push((await time(() => renderReport({ sheet, findings, scores }, { now })))[0]);
}
warm.sort((a, b) => a - b);
const median = warm[2]!;
const n = pages(pdf);
const [offerMs] = await time(() => renderOffer({ sheet, findings }, { now }));
console.log(`report: ${n} pages, ${findings.length} findings, ${(pdf.length / 1024).toFixed(0)} KiB`);
console.log(
  `report render: cold ${cold.toFixed(0)} ms (fonts, JIT), warm median ${median.toFixed(0)} ms (min ${warm[0]!.toFixed(0)}, max ${warm[4]!.toFixed(0)})`,
);
console.log(`warmUpDocuments() after the cold render: ${warmUpMs.toFixed(0)} ms (call it at server start)`);
console.log(`offer render (warm): ${offerMs.toFixed(0)} ms`);
console.log(
  `target: ${n >= 20 ? '≥ 20 pages' : 'FEWER THAN 20 PAGES'} in ≤ 2000 ms warm: ${median <= 2000 && n >= 20 ? 'met' : 'NOT met'}`,
);
process.exitCode = median <= 2000 && n >= 20 ? 0 : 1;
