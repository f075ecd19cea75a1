/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return -- JSON bodies of API responses are read loosely in this test */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIntakeMail } from '@praxisready/mail';
import { startSmtpSink, type SmtpSink } from '@praxisready/mail/test-support';
import { ENGINES, createTestDatabase, type TestDatabase } from '../test-support/db.ts';
import { createFixture, type Fixture } from '../test-support/fixture.ts';
import { intakeMail } from '../intake/service.ts';
import { systemActor } from '../context.ts';

const run = promisify(execFile);

/** The documents package's demo practice (Hausarztpraxis Dr. Jürgen Weiß & Kollegen, Köln). */
const demoSheet = JSON.parse(
  readFileSync(new URL('../../../documents/src/__fixtures__/demo-sheet.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'praxisready-doc-'));
  try {
    await writeFile(join(dir, 'a.pdf'), pdf);
    return (await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { maxBuffer: 64 << 20 }))
      .stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const INTAKE_RAW = Buffer.from(
  [
    'From: Jürgen Weiß <j.weiss@praxis-weiss.example>',
    'To: audit@systemhaus.test',
    'Subject: Anfrage Tech-Audit',
    'Date: Mon, 02 Nov 2026 09:00:00 +0100',
    'Message-ID: <anfrage-weiss-1@praxis-weiss.example>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Wir möchten Doctolib nutzen. Hausarztpraxis Dr. Jürgen Weiß, Goethestraße 12, 50667 Köln',
    '',
  ].join('\r\n'),
);

describe.each(ENGINES)('documents on %s', (engine) => {
  let tdb: TestDatabase;
  let f: Fixture;
  let sink: SmtpSink;
  let caseId: string;

  const call = async (method: string, path: string, role: string, body?: unknown, status = 200) => {
    const r = await f.req(method, path, (f.tokens as Record<string, string>)[role], body);
    const text = await r.text();
    expect(r.status, `${method} ${path} as ${role}: ${text}`).toBe(status);
    return text ? JSON.parse(text) : null;
  };
  const bytes = async (path: string, role: string) => {
    const r = await f.req('GET', path, (f.tokens as Record<string, string>)[role]);
    expect(r.status, path).toBe(200);
    return { type: r.headers.get('content-type'), body: Buffer.from(await r.arrayBuffer()) };
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    tdb = await createTestDatabase(engine);
    f = await createFixture(tdb.database, {
      smtpOut: { host: sink.host, port: sink.port, secure: false, auth: undefined },
      mailFrom: 'audit@systemhaus.test',
    });
    const { ctx } = f.server;
    const r = await intakeMail(ctx, systemActor('test'), {
      messageId: 'anfrage-weiss-1@praxis-weiss.example',
      subject: 'Anfrage Tech-Audit',
      data: { practiceName: 'Hausarztpraxis Dr. Jürgen Weiß' },
      raw: INTAKE_RAW,
    });
    caseId = r.caseId;
    for (const role of ['dispatcher', 'ranger', 'technician', 'sales']) {
      await call('PUT', `/api/cases/${caseId}/assignments/${role}`, 'admin', {
        userId: f.userIds[role as 'ranger'],
      });
    }
    await call('PUT', `/api/cases/${caseId}/sheet`, 'technician', { revision: 0, sheet: demoSheet });
  });
  afterAll(async () => {
    await f.server.close();
    await tdb.drop();
    await sink.close();
  });

  let report: any;
  let offer: any;

  it('renders the report PDF into 04_Nacharbeit with the practice on it', async () => {
    report = await call('POST', `/api/cases/${caseId}/documents/report`, 'technician', {}, 201);
    expect(report).toMatchObject({ folder: '04_Nacharbeit' });
    expect(report.name).toMatch(/^Bericht_\d+_.*\.pdf$/);
    const pdf = await bytes(`/api/cases/${caseId}/artifacts/${report.artifactId}`, 'technician');
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body.length).toBe(report.size);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf.body);
    expect(text).toContain('Hausarztpraxis Dr. Jürgen Weiß');
    const trail = await call('GET', `/api/cases/${caseId}/audit-trail`, 'admin');
    expect(trail.map((e: any) => e.action)).toContain('document.report_created');
    // the report is the 04_Nacharbeit file that ticks "report sent" (workflow: artifact_04)
    const detail = await call('GET', `/api/cases/${caseId}`, 'technician');
    expect(detail.tasks.find((t: any) => t.key === 'report.report').doneAt).not.toBeNull();
  });

  it('renders the English report on request', async () => {
    const en = await call('POST', `/api/cases/${caseId}/documents/report`, 'admin', { lang: 'en' }, 201);
    expect(en.name).toMatch(/^Report_/);
    await call('POST', `/api/cases/${caseId}/documents/report`, 'technician', { lang: 'fr' }, 400);
  });

  it('renders the offer PDF with totals from the price catalog', async () => {
    offer = await call('POST', `/api/cases/${caseId}/documents/offer`, 'sales', {}, 201);
    expect(offer.folder).toBe('04_Nacharbeit');
    const cents = (s: string) => Number(s.replace('.', ''));
    expect(offer.totals.net).toMatch(/^\d+\.\d{2}$/);
    expect(cents(offer.totals.net)).toBeGreaterThanOrEqual(149000); // the PVS-Ready package alone is 1490.00
    expect(cents(offer.totals.net) + cents(offer.totals.vat)).toBe(cents(offer.totals.gross));
    const pdf = await bytes(`/api/cases/${caseId}/artifacts/${offer.artifactId}`, 'sales');
    const text = await pdfText(pdf.body);
    expect(text).toContain('Angebot');
    expect(text).toContain('Hausarztpraxis Dr. Jürgen Weiß');
  });

  it('sends report and offer over SMTP to the practice, CC dispatcher and ranger, and threads it', async () => {
    const sent = await call('POST', `/api/cases/${caseId}/documents/send`, 'sales', {
      reportArtifactId: report.artifactId,
      offerArtifactId: offer.artifactId,
    });
    expect(sent.cc).toEqual([
      'Test dispatcher <dispatcher@praxisready.test>',
      'Test ranger <ranger@praxisready.test>',
    ]);
    const [got] = await sink.waitFor(1);
    const m = await parseIntakeMail(got!.raw);
    expect(m.to.map((x) => x.address)).toEqual(['j.weiss@praxis-weiss.example']);
    expect(m.cc.map((x) => x.address).sort()).toEqual([
      'dispatcher@praxisready.test',
      'ranger@praxisready.test',
    ]);
    expect([...got!.envelope.rcptTo].sort()).toEqual([
      'dispatcher@praxisready.test',
      'j.weiss@praxis-weiss.example',
      'ranger@praxisready.test',
    ]);
    expect(m.attachments.map((a) => a.filename)).toEqual([report.name, offer.name]);
    for (const a of m.attachments) {
      expect(a.content.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(m.messageId).toBe(sent.messageId);
    expect(m.inReplyTo).toBe('anfrage-weiss-1@praxis-weiss.example');

    const thread = await call('GET', `/api/cases/${caseId}/thread`, 'dispatcher');
    expect(thread.map((x: any) => x.direction)).toEqual(['in', 'out']);
    expect(thread[0]).toMatchObject({
      messageId: 'anfrage-weiss-1@praxis-weiss.example',
      subject: 'Anfrage Tech-Audit',
    });
    expect(thread[1]).toMatchObject({ messageId: sent.messageId, cc: sent.cc, artifactId: sent.artifactId });
    const eml = await bytes(`/api/cases/${caseId}/artifacts/${sent.artifactId}`, 'dispatcher');
    // the kept .eml is the message as composed for sending: same id, recipients and attachments
    const kept = await parseIntakeMail(eml.body);
    expect(kept.messageId).toBe(sent.messageId);
    expect(kept.cc.map((x) => x.address)).toEqual(m.cc.map((x) => x.address));
    expect(kept.attachments.map((a) => a.sha256)).toEqual(m.attachments.map((a) => a.sha256));

    const detail = await call('GET', `/api/cases/${caseId}`, 'sales');
    expect(detail.tasks.find((t: any) => t.key === 'report.offer').doneAt).not.toBeNull();
    expect(detail.salesStatus).toBe('offer_sent');
  });

  it('sends to the requester of the intake mail when the sheet names no address', async () => {
    const other = await intakeMail(f.server.ctx, systemActor('test'), {
      messageId: 'anfrage-2@praxis-ohne-sheet.example',
      subject: 'Anfrage',
      data: { practiceName: 'Praxis ohne Sheet', email: 'kontakt@praxis-ohne-sheet.example' },
    });
    const doc = await call(
      'POST',
      `/api/cases/${other.caseId}/documents/report`,
      'technician',
      undefined,
      201,
    );
    const sent = await call('POST', `/api/cases/${other.caseId}/documents/send`, 'technician', {
      reportArtifactId: doc.artifactId,
    });
    expect(sent.to).toBe('Praxis ohne Sheet <kontakt@praxis-ohne-sheet.example>');
    expect(sent.cc).toEqual([]); // nobody assigned: no CC
    const [, got] = await sink.waitFor(2);
    expect([...got!.envelope.rcptTo]).toEqual(['kontakt@praxis-ohne-sheet.example']);
    const thread = await call('GET', `/api/cases/${other.caseId}/thread`, 'technician');
    expect(thread.map((x: any) => [x.direction, x.messageId])).toEqual([
      ['in', 'anfrage-2@praxis-ohne-sheet.example'],
      ['out', sent.messageId],
    ]);
  });

  it('refuses to send without SMTP configured, with a clear code', async () => {
    const { ctx } = f.server;
    const saved = ctx.config;
    ctx.config = { ...saved, smtpOut: undefined };
    try {
      const body = await call(
        'POST',
        `/api/cases/${caseId}/documents/send`,
        'technician',
        { reportArtifactId: report.artifactId },
        501,
      );
      expect(body.code).toBe('NOT_SUPPORTED');
      expect(body.message).toMatch(/not configured/);
    } finally {
      ctx.config = saved;
    }
    // an artifact that is no PDF is refused
    const eml = (await call('GET', `/api/cases/${caseId}/artifacts`, 'technician')).find(
      (a: any) => a.contentType === 'message/rfc822',
    );
    await call(
      'POST',
      `/api/cases/${caseId}/documents/send`,
      'technician',
      { reportArtifactId: eml.id },
      400,
    );
  });

  it('keeps the price catalog in the database, validated, admin-only to change', async () => {
    const before = await call('GET', '/api/price-catalog', 'sales');
    expect(before.source).toBe('default');
    const pkg = before.catalog.items.find((i: any) => i.id === before.catalog.packageItemId);
    expect(pkg.unitPriceNet).toBe('1490.00');
    const edited = structuredClone(before.catalog);
    edited.items.find((i: any) => i.id === pkg.id).unitPriceNet = '1990.00';
    await call('PUT', '/api/price-catalog', 'sales', edited, 403);
    const bad = structuredClone(edited);
    bad.items[0].unitPriceNet = '19,90';
    const err = await call('PUT', '/api/price-catalog', 'admin', bad, 400);
    expect(err.issues[0].path).toBe('items.0.unitPriceNet');
    const after = await call('PUT', '/api/price-catalog', 'admin', edited);
    expect(after.source).toBe('database');
    expect((await call('GET', '/api/price-catalog', 'technician')).catalog).toEqual(after.catalog);
    const offer2 = await call('POST', `/api/cases/${caseId}/documents/offer`, 'sales', {}, 201);
    const cents = (s: string) => Number(s.replace('.', ''));
    expect(cents(offer2.totals.net) - cents(offer.totals.net)).toBe(50000);
  });

  it('lists the check catalog of the rules', async () => {
    const list = await call('GET', '/api/checks', 'ranger');
    expect(list.length).toBeGreaterThan(20);
    for (const c of list) {
      expect(typeof c.id).toBe('string');
      expect(typeof c.title.de).toBe('string');
      expect(Array.isArray(c.kbv)).toBe(true);
    }
    expect(list.some((c: any) => c.kbv.length > 0)).toBe(true);
  });

  it('exports the central sheet and imports the same file back unchanged', async () => {
    const xlsx = await bytes('/api/export/cases.xlsx', 'technician');
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    const r = await f.server.app.request('/api/import/cases.xlsx', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${f.tokens.technician}`,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      body: new Uint8Array(xlsx.body),
    });
    const back = await r.json();
    expect(r.status, JSON.stringify(back)).toBe(200);
    expect(back).toMatchObject({ rows: 2, known: 2, unchanged: 2, unknown: [], changed: [] });
    const form = new FormData();
    form.set('file', new File([new Uint8Array(Buffer.from('not a workbook'))], 'x.xlsx'));
    const bad = await f.server.app.request('/api/import/cases.xlsx', {
      method: 'POST',
      headers: { authorization: `Bearer ${f.tokens.technician}` },
      body: form,
    });
    expect(bad.status).toBe(400);
  });

  it('bundles every file of the case in the four folders as ZIP', async () => {
    const zip = await bytes(`/api/cases/${caseId}/bundle.zip`, 'ranger');
    expect(zip.type).toBe('application/zip');
    const names = zip.body.toString('latin1');
    for (const part of [
      '/01_Intake/anfrage.eml',
      '/04_Nacharbeit/Audit-Sheet_final.json',
      `/04_Nacharbeit/${report.name}`,
      '/02_Vorbereitung/',
    ]) {
      expect(names).toContain(part);
    }
  });
});
