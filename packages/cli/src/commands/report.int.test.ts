import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../test-run.ts';

const exec = promisify(execFile);
const fixtures = new URL('../../../documents/src/__fixtures__/', import.meta.url);

async function text(pdf: string): Promise<string> {
  return (await exec('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).stdout.replace(/\s+/g, ' ');
}

describe('praxisready report / offer', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'praxisready-cli-docs-'));
    const sheet = JSON.parse(await readFile(new URL('demo-sheet.json', fixtures), 'utf8')) as unknown;
    const findings = JSON.parse(await readFile(new URL('demo-findings.json', fixtures), 'utf8')) as unknown;
    await writeFile(join(dir, 'sheet.json'), JSON.stringify(sheet));
    await writeFile(join(dir, 'case.json'), JSON.stringify({ sheet, findings }));
    await writeFile(join(dir, 'evidence.png'), await readFile(new URL('evidence-sketch.png', fixtures)));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('renders a report from a sheet, evaluating it at --now', async () => {
    const r = await run(
      ['report', 'sheet.json', '--out', 'report.pdf', '--now', '2026-11-20', '--image', 'evidence.png'],
      '',
      dir,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Bericht geschrieben: report.pdf');
    const t = await text(join(dir, 'report.pdf'));
    expect(t).toContain('Hausarztpraxis Dr. Jürgen Weiß & Kollegen');
    expect(t).toContain('Abbildung 1: evidence.png');
  });

  it('renders an English report from a case file with its findings', async () => {
    const r = await run(
      ['report', 'case.json', '--out', 'report-en.pdf', '--lang', 'en', '--now', '2026-11-20'],
      '',
      dir,
    );
    expect(r.code).toBe(0);
    const t = await text(join(dir, 'report-en.pdf'));
    expect(t).toContain('Create the import folder, register it as a synchronised folder');
  });

  it('renders an offer with a custom catalog and warns about items it does not price', async () => {
    const catalog = {
      packageItemId: 'pvs-ready',
      items: [
        {
          id: 'pvs-ready',
          kind: 'package',
          text: { de: 'Paket „PVS-Ready“ Spezial', en: 'PVS-Ready special' },
          unit: { de: 'Pauschale', en: 'flat fee' },
          unitPriceNet: '999.99',
          vatRate: 19,
        },
        {
          id: 'ti.card-terminal',
          text: { de: 'Kartenterminal', en: 'Card terminal' },
          unit: { de: 'Stück', en: 'piece' },
          unitPriceNet: '400.00',
          vatRate: 19,
        },
      ],
    };
    await writeFile(join(dir, 'catalog.json'), JSON.stringify(catalog));
    const r = await run(
      ['offer', 'sheet.json', '--out', 'offer.pdf', '--catalog', 'catalog.json', '--now', '2026-11-20'],
      '',
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.err).toContain('Warnung: Offer item');
    const t = await text(join(dir, 'offer.pdf'));
    expect(t).toContain('Paket „PVS-Ready“ Spezial');
    expect(t).toContain('999,99 €');
    // 999.99 + 400.00 = 1399.99 net; VAT 266.00 (265.9981); gross 1665.99
    expect(t).toContain('1.665,99 €');
  });

  it('rejects an invalid catalog with the JSON path and exit code 2', async () => {
    await writeFile(
      join(dir, 'bad-catalog.json'),
      JSON.stringify({
        items: [
          {
            id: 'a',
            text: { de: 'A', en: 'A' },
            unit: { de: 'x', en: 'x' },
            unitPriceNet: '1,50',
            vatRate: 19,
          },
        ],
      }),
    );
    const r = await run(['offer', 'sheet.json', '--out', 'x.pdf', '--catalog', 'bad-catalog.json'], '', dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('items[0].unitPriceNet');
  });

  it('requires --out', async () => {
    const r = await run(['report', 'sheet.json'], '', dir);
    expect(r.code).toBe(64);
    expect(r.err).toContain('--out');
  });
});
