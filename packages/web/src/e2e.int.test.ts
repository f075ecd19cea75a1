/**
 * End to end: the built UI served by a real server (PGlite in a temp dir, loopback only), driven by headless
 * Debian chromium through playwright-core, at tablet width. The whole case, each role in its own session:
 * intake mail over real SMTP → dispatcher (review, assign helpdesk, move) → helpdesk (customer, appointment and
 * the practice's answer, pre-information link, technician) → the practice's form on a phone → technician (probe
 * hand-off and upload from the lab, sheet conflict, live findings, save, findings, post-processing, report)
 * → sales (offer sent, negotiating, follow-up, won, "PVS gebucht") → customers and admin screens.
 * Screenshots of every screen go to test-output/screenshots/ for a human to look at.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { ensureWebBuild } from './build/ensure-build.ts';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/src/db/connect.ts';
import { createFixture, PASSWORD, type Fixture } from '../../server/src/test-support/fixture.ts';
import { startMailIntake } from '../../server/src/intake/mail.ts';
import { startSmtpSink, type SmtpSink } from '../../mail/src/test-support/index.ts';
import nodemailer from 'nodemailer';

const webRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const repoRoot = resolve(webRoot, '../..');
const dist = join(webRoot, 'dist');
const shots = join(repoRoot, 'test-output', 'screenshots');
const CHROMIUM = process.env.PRAXISREADY_CHROMIUM ?? '/usr/bin/chromium';
const facts = JSON.parse(
  readFileSync(join(repoRoot, 'packages/server/src/__fixtures__/facts-empfang.json'), 'utf8'),
) as Record<string, unknown>;

describe('web UI end to end (chromium)', () => {
  let dir: string;
  let database: Database;
  let f: Fixture;
  let sink: SmtpSink;
  let base: string;
  let browser: Browser;
  let page: Page;
  /** Uncaught errors in the page: a screen that crashed renders nothing, so every one fails the test. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // A stale build is rebuilt, so the test sees this code.
    const build = await ensureWebBuild();
    expect(build).toMatchObject({ status: 'ready', dir: dist });
    mkdirSync(shots, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'praxisready-web-e2e-'));
    // the practice's mailbox and the CCs: every mail the server sends lands here (loopback SMTP)
    sink = await startSmtpSink({ port: 0 });
    database = await openDatabase({ pgliteDir: join(dir, 'pglite') });
    f = await createFixture(database, {
      staticDir: dist,
      dataDir: dir,
      memoryDb: false,
      smtpOut: { host: '127.0.0.1', port: sink.port, secure: false, auth: undefined },
      mailFrom: 'Praxisready Audit <audit@systemhaus.test>',
    });
    base = await f.server.listen();
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    // Tablet in portrait (≈ 800 px): the technician's device on site.
    page = await browser.newPage({ viewport: { width: 820, height: 1180 }, locale: 'de-DE' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
        pageErrors.push(m.text());
      }
    });
    // Loopback only: any request to another host fails the test.
    await page.route('**/*', (route) =>
      route.request().url().startsWith(base) ? route.continue() : route.abort(),
    );
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await f?.server.close();
    await sink?.close();
    await database?.close();
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** A full-page screenshot; at tablet width no screen may scroll sideways. */
  async function shot(name: string) {
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(820);
  }

  async function loginAs(role: string) {
    if (await page.getByRole('button', { name: 'Abmelden' }).isVisible()) {
      await page.getByRole('button', { name: 'Abmelden' }).click();
    }
    await page.getByLabel('E-Mail').fill(`${role}@praxisready.test`);
    await page.getByLabel('Passwort').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fallübersicht' }).waitFor();
  }
  const task = (name: RegExp) => page.getByRole('checkbox', { name });
  const stage = () => page.locator('p', { hasText: 'Phase:' }).locator('strong');
  async function move(to: string) {
    await page.getByRole('button', { name: `Weiter nach: ${to}` }).click();
    await expect.poll(() => stage().textContent()).toBe(to);
  }
  async function setSales(label: string) {
    await page.getByLabel('Neuer Status').selectOption({ label });
    await page.getByRole('button', { name: 'Status setzen' }).click();
    await expect.poll(() => page.getByTestId('sales-status').textContent()).toBe(label);
  }

  it('intake mail → dispatch → schedule → pre-information → probe → sheet → report → send → sales → PVS booked', async () => {
    // 1. intake: the practice's request arrives over SMTP at the central mailbox
    const intake = await startMailIntake(f.server.ctx, { port: 0 });
    try {
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port: intake.port,
        secure: false,
        ignoreTLS: true,
      });
      await transport.sendMail({
        from: 'Maria Schmidt <info@praxis-sonnenschein.de>',
        to: 'audit@systemhaus.test',
        subject: 'Anfrage Tech-Audit Praxis Sonnenschein',
        messageId: '<e2e-web@praxis-sonnenschein.de>',
        text: [
          'Guten Tag,',
          'wir möchten Doctolib mit TI-Anbindung nutzen und bitten um einen Tech-Audit.',
          '',
          'Mit freundlichen Grüßen',
          'Maria Schmidt',
          'Praxis Dr. Sonnenschein',
          'Hauptstraße 5',
          '10115 Berlin',
          'Tel. 030 1234567',
        ].join('\n'),
      });
      transport.close();
    } finally {
      await intake.close();
    }

    // 2. dispatcher: board → case; review, move to dispatch, assign the helpdesk, move to scheduling
    await page.goto(`${base}/login`);
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await shot('01-login');
    await loginAs('dispatcher');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).count()).toBe(8);
    const card = page.getByRole('link', { name: /Sonnenschein/ });
    await card.waitFor();
    await shot('02-board');
    await card.click();
    await page.getByRole('heading', { level: 1, name: /Sonnenschein/ }).waitFor();
    const caseId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
    await expect.poll(() => stage().textContent()).toBe('Anfrage eingegangen');
    expect(await page.locator('dd', { hasText: 'Maria Schmidt' }).count()).toBeGreaterThan(0);
    await task(/Anfrage gesichtet/).click();
    await expect.poll(() => task(/Anfrage gesichtet/).isChecked()).toBe(true);
    await move('Weiterleitung an Helpdesk');
    await page.getByLabel('Helpdesk', { exact: true }).selectOption({ label: 'Test helpdesk' });
    await page
      .getByRole('listitem')
      .filter({ has: page.getByLabel('Helpdesk', { exact: true }) })
      .getByRole('button', { name: 'Zuweisen' })
      .click();
    await expect.poll(() => task(/An Helpdesk weitergeleitet/).isChecked()).toBe(true);
    await shot('03-case-dispatch');
    await move('Kunde angelegt & terminiert');

    // 3. helpdesk: finds the case by search; customer and site, appointment with the practice's answer,
    //    pre-information link, technician
    await loginAs('helpdesk');
    await page.getByRole('searchbox', { name: 'Fälle, Sheets, Dateien durchsuchen' }).fill('Sonnenschein');
    await page.keyboard.press('Enter');
    const hit = page.getByRole('link', { name: /#1 .*Sonnenschein/ }).first();
    await hit.waitFor();
    await shot('04-search');
    await hit.click();
    await page.getByRole('button', { name: /Kund\*in und Standort aus der Anfrage/ }).click();
    await expect.poll(() => task(/Kund\*in und Standort angelegt/).isChecked()).toBe(true);
    await page.getByLabel('Beginn', { exact: true }).fill('2026-12-01T09:00');
    await page.getByLabel('Ende', { exact: true }).fill('2026-12-01T12:00');
    await page.getByRole('button', { name: 'Termin vorschlagen' }).click();
    await page.getByText('vorgeschlagen', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Zusage eintragen' }).click();
    await page.getByText('zugesagt', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Link für die Praxis erzeugen' }).click();
    const href = await page.getByRole('link', { name: /vorab-info#prp_/ }).getAttribute('href');
    const formToken = href!.split('#')[1]!;
    await page.getByLabel('Techniker/in', { exact: true }).selectOption({ label: 'Test technician' });
    await page
      .getByRole('listitem')
      .filter({ has: page.getByLabel('Techniker/in', { exact: true }) })
      .getByRole('button', { name: 'Zuweisen' })
      .click();
    await expect.poll(() => task(/Termin vorgeschlagen/).isChecked()).toBe(true);
    await page.getByRole('heading', { level: 2, name: 'Verlauf (Audit-Trail)' }).waitFor();
    await shot('05-case-scheduling');
    await move('Tech-Audit vor Ort / remote');

    // 4. the practice opens its link on a phone and answers the pre-information form
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
    await phone.route('**/*', (route) =>
      route.request().url().startsWith(base) ? route.continue() : route.abort(),
    );
    await phone.goto(`${base}/vorab-info#${formToken}`);
    await phone.getByRole('heading', { level: 1, name: 'Technische Vorab-Informationen' }).waitFor();
    await phone.getByRole('textbox', { name: 'Name' }).fill('Maria Schmidt');
    await phone.getByLabel('Eingesetztes PVS').fill('x.concept');
    await phone.getByLabel('Anzahl Arbeitsplätze').fill('4');
    await phone.getByLabel(/Großgeräte/).selectOption('no');
    await phone.getByLabel(/Geräteliste/).fill('Drucker, Brother HL-L5100\nKartenterminal, ORGA 6141');
    await phone.screenshot({ path: join(shots, '06-preinfo-phone.png'), fullPage: true });
    await phone.getByRole('button', { name: 'Absenden' }).click();
    await phone.getByRole('status').filter({ hasText: 'Vielen Dank' }).waitFor();
    await phone.screenshot({ path: join(shots, '07-preinfo-sent.png') });
    await phone.close();
    const pre = (await (await f.req('GET', `/api/cases/${caseId}/preinfo`, f.tokens.helpdesk)).json()) as {
      answers: Record<string, unknown>;
    };
    expect(pre.answers).toMatchObject({
      contactPerson: { name: 'Maria Schmidt' },
      pvsInUse: 'x.concept',
      workplaces: 4,
      largeMedicalDevices: 'no',
      devices: [
        { kind: 'Drucker', model: 'Brother HL-L5100' },
        { kind: 'Kartenterminal', model: 'ORGA 6141' },
      ],
    });

    // 5. technician: probe hand-off on the case page, then the probe uploads from the lab with that token
    await loginAs('technician');
    await page.goto(`${base}/faelle/${encodeURIComponent(caseId)}`);
    await page.getByRole('heading', { level: 1, name: /Sonnenschein/ }).waitFor();
    await page.getByRole('button', { name: 'Einschreibe-Token erzeugen' }).click();
    const command = await page.getByLabel('Auf dem Praxis-PC ausführen').inputValue();
    const token = /PRAXISREADY_TOKEN="([^"]+)"/.exec(command)?.[1];
    expect(token).toMatch(/^pre_/);
    expect(command).toContain('praxisready probe --upload');
    await shot('08-case-probe');
    // the technician had already typed a gateway: the probe's differing value becomes a conflict
    const sheet0 = (await (await f.req('GET', `/api/cases/${caseId}/sheet`, f.tokens.technician)).json()) as {
      revision: number;
    };
    const typed = await f.req('PATCH', `/api/cases/${caseId}/sheet`, f.tokens.technician, {
      revision: sheet0.revision,
      set: [{ path: 'network.gateway', value: '192.168.10.254' }],
    });
    expect(typed.status).toBe(200);
    const upload = await fetch(`${base}/api/probe/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(facts),
    });
    expect(upload.status, await upload.clone().text()).toBe(200);

    // 6. audit sheet: the probe's value is marked, a person edit changes findings live, save persists it
    await page.getByRole('button', { name: 'Audit-Sheet öffnen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit-Sheet' }).waitFor();
    await page.getByRole('button', { name: /Netzwerk/ }).click();
    const gateway = page.getByLabel('Gateway');
    await expect.poll(() => gateway.inputValue()).toBe('192.168.10.254');
    const conflict = page.getByRole('note');
    expect(await conflict.textContent()).toContain('192.168.10.1');
    await shot('09-sheet-conflict');
    await conflict.getByRole('button', { name: 'Probe-Wert übernehmen' }).click();
    await expect.poll(() => gateway.inputValue()).toBe('192.168.10.1');
    const sourceId = await gateway.getAttribute('aria-describedby');
    expect(await page.locator(`#${sourceId}`).textContent()).toContain('von der Probe erfasst');
    await shot('10-sheet-network-probe');

    await page.getByRole('button', { name: /^IT-Sicherheit/ }).click();
    const finding = page
      .getByRole('list', { name: 'Befunde (live)' })
      .getByRole('listitem')
      .filter({ hasText: 'Administrationskonten getrennt (Rechte)' });
    await expect.poll(() => finding.textContent()).toContain('offen');
    await page.getByLabel('Admin-Konten getrennt').selectOption('false');
    await expect.poll(() => finding.textContent()).toContain('Mangel');
    await shot('11-sheet-live-findings');

    // a device row: the probe's machine, RAM corrected by the technician → the row turns manual
    await page.getByRole('button', { name: /Systemvoraussetzungen/ }).click();
    const pc = page
      .getByRole('table', { name: /Rechner/ })
      .getByRole('row')
      .filter({ hasText: 'EMPFANG-01' });
    expect(await pc.locator('.row-head').textContent()).toContain('von der Probe erfasst');
    await pc.getByLabel('RAM (GB)').fill('16');
    await expect.poll(() => pc.locator('.row-head').textContent()).toContain('manuell');
    await shot('11a-sheet-device-row');
    // the probe ran on one PC only: the technician adds the server and its disks by hand; an HDD data drive
    // fails "Server: Festplattensystem SSD" live
    await page.getByRole('button', { name: '+ Rechner: Eintrag hinzufügen' }).click();
    const srv = page
      .getByRole('table', { name: /Rechner/ })
      .getByRole('row')
      .filter({ has: page.locator('.row-head') })
      .last();
    await srv.getByLabel('Computername').fill('PRAXIS-SRV');
    await srv.getByLabel('Rolle').selectOption('server');
    // a new row's structured values are folded to one line until opened
    await page
      .getByRole('table', { name: /Rechner/ })
      .locator('details.row-more')
      .last()
      .locator('summary')
      .click();
    const disks = page.getByRole('group', { name: 'Festplatten – PRAXIS-SRV' });
    await disks.getByRole('button', { name: '+ Festplatten: Eintrag hinzufügen' }).click();
    await disks.getByLabel(/^Laufwerk/).fill('D:');
    await disks.getByLabel(/^Größe/).fill('2000');
    await disks.getByLabel(/^Frei/).fill('800');
    await disks.getByLabel(/^Art/).selectOption('hdd');
    await disks.getByLabel('Datenlaufwerk').selectOption('true');
    const ssd = page
      .getByRole('list', { name: 'Befunde (live)' })
      .getByRole('listitem')
      .filter({ hasText: 'Server: Festplattensystem SSD' });
    await expect.poll(() => ssd.textContent()).toContain('Mangel');
    await disks.scrollIntoViewIfNeeded();
    await shot('11d-sheet-server-disk');
    // the technician's own note on the area, with author and time
    const notes = page.getByRole('region', { name: /Beobachtungen/ });
    await notes
      .getByRole('textbox', { name: 'Neue Beobachtung' })
      .fill('Server steht im Abstellraum, keine USV angeschlossen');
    await notes.getByRole('button', { name: 'Beobachtung hinzufügen' }).click();
    await expect.poll(() => notes.getByRole('listitem').first().textContent()).toContain('keine USV');
    await notes.scrollIntoViewIfNeeded();
    await shot('11e-sheet-observation');
    // list values: backup weekdays as toggles, an instructed person as a chip
    await page.getByRole('button', { name: /Datensicherung/ }).click();
    const days = page.getByRole('group', { name: 'Sicherungstage' });
    for (const day of ['Mo', 'Di', 'Mi', 'Do', 'Fr']) {
      await days.getByRole('button', { name: day, exact: true }).click();
    }
    expect(await days.getByRole('button', { name: 'Fr', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    const persons = page.getByRole('group', { name: 'Eingewiesene Personen' });
    await persons.getByLabel('Eingewiesene Personen: neuer Eintrag').fill('Anna Schulz');
    await persons.getByRole('button', { name: 'Hinzufügen' }).click();
    await persons.getByRole('listitem').filter({ hasText: 'Anna Schulz' }).waitFor();
    await shot('11b-sheet-list-values');
    // one KBV requirement, answered in its Anlage group; its live finding follows
    await page.getByRole('button', { name: /^KBV IT-Sicherheitsrichtlinie/ }).click();
    const a101 = page.getByRole('group', { name: /^A1-01 Geregelte Einarbeitung/ });
    await a101.getByRole('radio', { name: 'erfüllt', exact: true }).check();
    await a101.getByLabel('Notiz').fill('Einarbeitungs-Checkliste liegt vor');
    await expect.poll(() => a101.locator('.badge').textContent()).toBe('erfüllt');
    expect(await page.getByTestId('counts-anlage-1').textContent()).toContain('erfüllt 1');
    await shot('11c-sheet-kbv');

    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert', { exact: true }).waitFor();
    const sheet = (await (await f.req('GET', `/api/cases/${caseId}/sheet`, f.tokens.technician)).json()) as {
      sheet: {
        security: { adminAccountsSeparated: { value: unknown; source: string } };
        machines: { id: string; ramGb: unknown; computerName: { value: unknown }; disks?: unknown }[];
        observations: { area: string; text: string; by?: string }[];
        backup: { settings: { weekdays: unknown }; instruction: { persons: unknown } };
        kbv: { requirements: Record<string, unknown> };
      };
    };
    expect(sheet.sheet.security.adminAccountsSeparated).toMatchObject({ value: false, source: 'person' });
    const saved = sheet.sheet.machines.find((m) => m.id === 'EMPFANG-01')!;
    // the server stamps who entered it; the cells nobody touched stay the probe's
    expect(saved.ramGb).toMatchObject({
      value: 16,
      source: 'person',
      by: expect.stringContaining('technician'),
    });
    expect(saved.computerName).toMatchObject({ value: 'EMPFANG-01', source: 'probe' });
    const srvRow = sheet.sheet.machines.find((m) => m.computerName.value === 'PRAXIS-SRV')!;
    expect(srvRow.disks).toMatchObject({
      value: [{ mount: 'D:', sizeGb: 2000, freeGb: 800, kind: 'hdd', isDataDrive: true }],
      source: 'person',
      by: expect.stringContaining('technician'),
    });
    expect(sheet.sheet.observations).toEqual([
      expect.objectContaining({
        area: 'system_requirements',
        text: 'Server steht im Abstellraum, keine USV angeschlossen',
        by: expect.stringContaining('technician'),
      }),
    ]);
    expect(sheet.sheet.backup.settings.weekdays).toMatchObject({ value: ['mo', 'di', 'mi', 'do', 'fr'] });
    expect(sheet.sheet.backup.instruction.persons).toMatchObject({
      value: ['Anna Schulz'],
      source: 'person',
    });
    expect(sheet.sheet.kbv.requirements['A1-01']).toMatchObject({
      value: { status: 'done', note: 'Einarbeitungs-Checkliste liegt vor' },
      source: 'person',
    });
    // the browser's live score is the server's score for the saved sheet (same engine, same input)
    const server = (await (
      await f.req('GET', `/api/cases/${caseId}/findings`, f.tokens.technician)
    ).json()) as {
      scores: { overall: { score: number | null } };
    };
    await expect
      .poll(() => page.locator('.sheet-status .score').first().textContent())
      .toBe(`${Math.round(server.scores.overall.score!)} %`);

    // English switch
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit sheet' }).waitFor();
    await page.getByRole('button', { name: 'Deutsch' }).click();

    // findings view (server findings after the save)
    await page.getByRole('link', { name: /Zurück zum Fall/ }).click();
    await page.getByRole('button', { name: 'Befunde anzeigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Befunde' }).waitFor();
    // the row whose title is the check (KBV rows name it in their explanation too)
    await page
      .getByRole('row')
      .filter({ has: page.getByText('Administrationskonten getrennt (Rechte)', { exact: true }) })
      .waitFor();
    await shot('12-findings');
    await page.getByRole('link', { name: /Zurück zum Fall/ }).click();

    // 7. post-processing, then report and offer as PDFs, previewed, and sent to the practice
    await expect.poll(() => task(/Audit-Sheet ausgefüllt/).isChecked()).toBe(true);
    await move('Interne Nachbearbeitung');
    await task(/Audit-Sheet finalisiert/).click();
    await expect.poll(() => task(/Audit-Sheet finalisiert/).isChecked()).toBe(true);
    await move('Bericht & Angebot');
    const docs = page.getByRole('region', { name: 'Bericht & Angebot' });
    await docs.getByRole('button', { name: 'Bericht erstellen' }).click();
    const reportFrame = docs.locator('iframe[title^="Bericht: "]');
    await reportFrame.waitFor();
    expect(await reportFrame.getAttribute('src')).toMatch(/^blob:/);
    await docs.getByRole('button', { name: 'Angebot erstellen' }).click();
    await docs.locator('iframe[title^="Angebot: "]').waitFor();
    await shot('13-case-report-offer');
    await docs.getByRole('button', { name: 'Senden' }).click();
    const sentNote = docs.getByRole('status').filter({ hasText: 'Gesendet an' });
    await sentNote.waitFor();
    expect(await sentNote.textContent()).toContain('info@praxis-sonnenschein.de');
    // the practice's mailbox (the SMTP sink) received the mail with the PDFs
    await expect
      .poll(() => sink.messages.filter((m) => m.raw.toString('latin1').includes('application/pdf')).length)
      .toBeGreaterThan(0);
    const sentMail = sink.messages.find((m) => m.raw.toString('latin1').includes('application/pdf'))!;
    expect(sentMail.envelope.rcptTo).toContain('info@praxis-sonnenschein.de');
    await docs.getByRole('cell', { name: 'ausgehend' }).waitFor();
    await expect.poll(() => task(/Bericht an Praxis/).isChecked()).toBe(true);
    await shot('14-case-sent-thread');
    // sending the offer moved the sales pipeline to "offer sent": the technician hands over to sales
    await move('Vertrieb');

    // 8. sales: negotiating, a follow-up, the maintenance contact, won, and the PVS booked
    await loginAs('sales');
    await page.goto(`${base}/faelle/${encodeURIComponent(caseId)}`);
    await expect.poll(() => stage().textContent()).toBe('Vertrieb');
    await expect.poll(() => page.getByTestId('sales-status').textContent()).toBe('Angebot versendet');
    await setSales('In Verhandlung');
    await page.getByLabel('Wiedervorlage', { exact: true }).fill('Wartungsvertrag nachfassen');
    await page.getByLabel('Fällig', { exact: true }).fill('2026-12-10T09:00');
    await page.getByRole('button', { name: 'Wiedervorlage anlegen' }).click();
    await page.getByRole('button', { name: 'Erledigt: Wartungsvertrag nachfassen' }).waitFor();
    await task(/Kontakt zum Wartungsvertrag/).click();
    await expect.poll(() => task(/Kontakt zum Wartungsvertrag/).isChecked()).toBe(true);
    await shot('15-case-sales');
    await move('Follow-up bis PVS-Buchung');
    await page.getByLabel('Neuer Eintrag').fill('Kartenterminal Sprechzimmer 2 fehlt noch');
    await page.getByRole('button', { name: 'Eintrag hinzufügen' }).click();
    await page.getByText('Kartenterminal Sprechzimmer 2 fehlt noch').waitFor();
    await setSales('Gewonnen');
    await setSales('PVS gebucht');
    await page.getByText('Fall abgeschlossen: PVS gebucht', { exact: true }).waitFor();
    await shot('16-case-pvs-booked');
    const closed = (await (await f.req('GET', `/api/cases/${caseId}`, f.tokens.dispatcher)).json()) as {
      status: string;
      salesStatus: string;
      stage: string;
    };
    expect(closed).toMatchObject({ stage: 'follow_up', status: 'pvs_booked', salesStatus: 'pvs_booked' });

    // 9. customers and sites, admin (users, price catalog, check catalog)
    await loginAs('admin');
    await page.getByRole('link', { name: 'Kunden', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kunden & Standorte' }).waitFor();
    await page.getByRole('link', { name: 'Praxis Dr. Sonnenschein' }).click();
    await page.getByRole('heading', { level: 1, name: 'Praxis Dr. Sonnenschein' }).waitFor();
    await page.getByText(/Hauptstra(ß|ss)e 5, 10115 Berlin/).waitFor();
    await shot('17-customer');
    await page.getByRole('link', { name: 'Verwaltung', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Verwaltung' }).waitFor();
    await page.getByRole('cell', { name: 'Test technician' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Prüfkatalog/ }).waitFor();
    await page.getByRole('cell', { name: 'Administrationskonten getrennt (Rechte)' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Preiskatalog' }).waitFor();
    // the check catalog is long: the first screen is enough to look at
    await page.screenshot({ path: join(shots, '18-admin.png') });
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
