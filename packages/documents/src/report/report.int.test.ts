import { describe, expect, it } from 'vitest';
import { AuditSheetSchema, computeScores } from '@praxisready/model';
import { evaluate } from '@praxisready/rules';
import {
  demoFindings,
  demoSheet,
  fixtureBytes,
  pdfFonts,
  pdfPages,
  pdfText,
} from '../test-support/fixtures.ts';
import { formatScore } from '../common/format.ts';
import { renderReport } from './render.ts';

const now = new Date('2026-11-20T12:00:00Z');

describe('report PDF (pdftotext / pdftoppm)', () => {
  it('contains cover, scores, a known remediation, umlauts and the Konnektor expiry (German)', async () => {
    const sheet = demoSheet();
    const findings = demoFindings();
    const scores = computeScores(findings);
    const pdf = await renderReport(
      {
        sheet,
        findings,
        images: [
          {
            title: 'Netzskizze vor Ort',
            data: fixtureBytes('evidence-sketch.png'),
            caption: 'Foto des Netzwerkschranks',
            area: 'network',
          },
          { title: 'Angebot (Scan)', data: fixtureBytes('evidence-photo.jpg') },
        ],
      },
      { now },
    );
    const text = await pdfText(pdf);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Hausarztpraxis Dr. Jürgen Weiß & Kollegen');
    expect(flat).toContain('Standort Köln-Altstadt – Goethestraße 12, 50667 Köln');
    expect(flat).toContain('Jörg Schäfer');
    expect(flat).toContain(`${formatScore(scores.overall.score, 'de')} / 100`);
    for (const a of scores.areas) {
      expect(flat).toContain(formatScore(a.score, 'de'));
    }
    const gdt = findings.find((f) => f.checkId === 'gdt.import.folder' && f.status === 'fail')!;
    // The remediation text as a whole, line breaks in the PDF aside.
    expect(flat).toContain(gdt.remediation!.de);
    expect(flat).toContain('28.02.2027 (99 Tage verbleibend)');
    expect(flat).toContain('Betriebs-Checkliste und Notfallpfade');
    expect(flat).toContain('Notfallpfade: TI-Ausfall (Ersatzverfahren), Offline-Token, Backup-KIM');
    expect(flat).toContain('VLAN 10 · Praxisnetz · 192.168.10.0/24'); // drawn in the network sketch
    expect(flat).toContain('kein Kartenterminal zugeordnet');
    expect(flat).toContain('A1-20');
    expect(flat).toContain('Abbildung 1: Netzskizze vor Ort');
    expect(flat).toMatch(/Probe · 20\.11\.2026 09:30 UTC/);
    expect(flat).not.toMatch(/[ÃÂ]/); // no mojibake
    const fonts = await pdfFonts(pdf);
    expect(fonts).toMatch(/Roboto-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(10);
    for (const png of pages) {
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('renders English on request', async () => {
    const pdf = await renderReport({ sheet: demoSheet(), findings: demoFindings() }, { now, lang: 'en' });
    const flat = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(flat).toContain('IT audit report');
    expect(flat).toContain('Create the import folder, register it as a synchronised folder');
    expect(flat).toContain('2027-02-28 (99 days left)');
    expect(flat).not.toContain('Zusammenfassung');
  });

  it('renders the findings of the real rule catalog', async () => {
    const sheet = demoSheet();
    const ev = evaluate(sheet, { now });
    const pdf = await renderReport({ sheet, findings: ev.findings, scores: ev.scores }, { now });
    const text = await pdfText(pdf);
    expect(text.replace(/\s+/g, ' ')).toContain(`${formatScore(ev.scores.overall.score, 'de')} / 100`);
    // Whitespace-free comparison: a line break after a hyphen must not matter; arrows print as "›".
    const squash = (s: string) => s.replace(/\s+/g, '').replace(/→/g, '›');
    const failing = ev.findings.filter((f) => (f.status === 'fail' || f.status === 'warn') && f.remediation);
    expect(failing.length).toBeGreaterThan(0);
    for (const f of failing) {
      expect(squash(text)).toContain(squash(f.remediation!.de));
    }
  });

  it('renders a minimal sheet without findings (nothing recorded yet)', async () => {
    const sheet = AuditSheetSchema.parse({
      kind: 'praxisready.audit-sheet',
      schemaVersion: 1,
      id: 's-min',
      practice: { id: 'p', name: 'Praxis Öztürk' },
    });
    const pdf = await renderReport({ sheet, findings: [] }, { now, lang: 'en' });
    const flat = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(flat).toContain('Praxis Öztürk');
    expect(flat).toContain('LAN (no subnets/VLANs recorded)');
    expect(flat).toContain('No failures or warnings found.');
    expect(flat).toContain('Konnektor expiry (gSMC-K) not recorded');
  });

  it('rejects an evidence image that is neither PNG nor JPEG', async () => {
    await expect(
      renderReport(
        { sheet: demoSheet(), findings: [], images: [{ title: 'x', data: Buffer.from('GIF89a....') }] },
        { now },
      ),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});
