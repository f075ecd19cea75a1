import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { demoSheet } from '../test-support/fixtures.ts';
import { buildArtifactBundle } from './bundle.ts';

function entries(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err) {
        reject(err);
        return;
      }
      const out = new Map<string, Buffer>();
      file.on('entry', (e: yauzl.Entry) => {
        file.openReadStream(e, (err2, stream) => {
          if (err2) {
            reject(err2);
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(e.fileName, Buffer.concat(chunks));
            file.readEntry();
          });
        });
      });
      file.on('end', () => resolve(out));
      file.readEntry();
    });
  });
}

describe('buildArtifactBundle', () => {
  it('files the four folders, the final sheet JSON and the PDFs', async () => {
    const sheet = demoSheet();
    const zip = await buildArtifactBundle({
      sheet,
      reportPdf: Buffer.from('%PDF-report'),
      offerPdf: Buffer.from('%PDF-offer'),
      artifacts: [
        { folder: '01_Intake', name: 'Anfrage.eml', data: 'Subject: Tech-Audit\r\n\r\nBitte um Termin' },
        { folder: '03_Audit', name: 'TI-Einstellungen.png', data: Buffer.from([0x89, 0x50]) },
      ],
      now: new Date('2026-11-20T12:00:00Z'),
    });
    const e = await entries(zip);
    const root = 'CASE-2026-0042-Hausarztpraxis-Dr-Juergen-Weiss-Kollegen';
    expect([...e.keys()].sort()).toEqual(
      [
        `${root}/01_Intake/`,
        `${root}/01_Intake/Anfrage.eml`,
        `${root}/02_Vorbereitung/`,
        `${root}/03_Audit/`,
        `${root}/03_Audit/TI-Einstellungen.png`,
        `${root}/04_Nacharbeit/`,
        `${root}/04_Nacharbeit/Angebot_Hausarztpraxis-Dr-Juergen-Weiss-Kollegen_2026-11-20.pdf`,
        `${root}/04_Nacharbeit/Audit-Sheet_final.json`,
        `${root}/04_Nacharbeit/Bericht_Hausarztpraxis-Dr-Juergen-Weiss-Kollegen_2026-11-20.pdf`,
      ].sort(),
    );
    expect(JSON.parse(e.get(`${root}/04_Nacharbeit/Audit-Sheet_final.json`)!.toString('utf8'))).toEqual(
      JSON.parse(JSON.stringify(sheet)),
    );
    expect(
      e
        .get(`${root}/04_Nacharbeit/Bericht_Hausarztpraxis-Dr-Juergen-Weiss-Kollegen_2026-11-20.pdf`)!
        .toString(),
    ).toBe('%PDF-report');
  });

  it('rejects names that would leave their folder', async () => {
    await expect(
      buildArtifactBundle({
        sheet: demoSheet(),
        artifacts: [{ folder: '03_Audit', name: '../../etc/passwd', data: 'x' }],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('is reproducible with a fixed time', async () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const a = await buildArtifactBundle({ sheet: demoSheet(), now });
    const b = await buildArtifactBundle({ sheet: demoSheet(), now });
    expect(a.equals(b)).toBe(true);
  });
});
