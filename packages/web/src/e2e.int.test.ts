/**
 * End to end: the built UI served by a real server (PGlite in a temp dir, loopback only), driven by headless
 * Debian chromium through playwright-core. Flow: login → board → case → probe hand-off and upload → sheet edit
 * with live findings → save → findings view → search → pre-information form on its token link (phone width). Screenshots go to
 * test-output/web/ for a human to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/src/db/connect.ts';
import { createFixture, PASSWORD, type Fixture } from '../../server/src/test-support/fixture.ts';
import { intakeMail } from '../../server/src/intake/service.ts';
import { systemActor } from '../../server/src/context.ts';

const webRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const repoRoot = resolve(webRoot, '../..');
const dist = join(webRoot, 'dist');
const shots = join(repoRoot, 'test-output', 'web');
const CHROMIUM = process.env.PRAXISREADY_CHROMIUM ?? '/usr/bin/chromium';
const facts = JSON.parse(
  readFileSync(join(repoRoot, 'packages/server/src/__fixtures__/facts-empfang.json'), 'utf8'),
) as Record<string, unknown>;

/** Newest modification time under src/ and index.html: a stale build is rebuilt, so the test sees this code. */
function newestSource(): number {
  const walk = (d: string): number =>
    Math.max(
      0,
      ...readdirSync(d, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? walk(join(d, e.name)) : statSync(join(d, e.name)).mtimeMs,
      ),
    );
  return Math.max(walk(join(webRoot, 'src')), statSync(join(webRoot, 'index.html')).mtimeMs);
}

describe('web UI end to end (chromium)', () => {
  let dir: string;
  let database: Database;
  let f: Fixture;
  let base: string;
  let browser: Browser;
  let page: Page;
  let caseId: string;

  beforeAll(async () => {
    if (
      !existsSync(join(dist, 'index.html')) ||
      newestSource() > statSync(join(dist, 'index.html')).mtimeMs
    ) {
      execFileSync(join(repoRoot, 'node_modules/.bin/vite'), ['build'], { cwd: webRoot, stdio: 'pipe' });
    }
    mkdirSync(shots, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'praxisready-web-e2e-'));
    database = await openDatabase({ pgliteDir: join(dir, 'pglite') });
    f = await createFixture(database, { staticDir: dist, dataDir: dir, memoryDb: false });
    base = await f.server.listen();
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const created = await intakeMail(f.server.ctx, systemActor('smtp'), {
      messageId: '<e2e-web@praxis-sonnenschein.de>',
      subject: 'Anfrage Tech-Audit Praxis Sonnenschein',
      data: {
        practiceName: 'Praxis Dr. Sonnenschein',
        contactName: 'Maria Schmidt',
        phone: '030 1234567',
        email: 'info@praxis-sonnenschein.de',
        street: 'Hauptstraße 5',
        postalCode: '10115',
        city: 'Berlin',
      },
      attachments: [],
    });
    caseId = created.caseId;
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
    // Tablet in landscape: the technician's device on site.
    page = await browser.newPage({ viewport: { width: 1180, height: 820 }, locale: 'de-DE' });
    // Loopback only: any request to another host fails the test.
    await page.route('**/*', (route) =>
      route.request().url().startsWith(base) ? route.continue() : route.abort(),
    );
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await f?.server.close();
    await database?.close();
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('login → board → case → probe → sheet with live findings → pre-information form', async () => {
    // login
    await page.goto(`${base}/login`);
    await page.getByLabel('E-Mail').fill('technician@praxisready.test');
    await page.getByLabel('Passwort').fill(PASSWORD);
    await page.screenshot({ path: join(shots, '01-login.png') });
    await page.getByRole('button', { name: 'Anmelden' }).click();

    // board
    await page.getByRole('heading', { level: 1, name: 'Fallübersicht' }).waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).count()).toBe(8);
    const card = page.getByRole('link', { name: /Praxis Dr\. Sonnenschein/ });
    await card.waitFor();
    await page.screenshot({ path: join(shots, '02-board.png'), fullPage: true });
    await card.click();

    // case page: probe hand-off, then the probe uploads from the lab with that token
    await page.getByRole('heading', { level: 1, name: /Praxis Dr\. Sonnenschein/ }).waitFor();
    await page.getByRole('button', { name: 'Einschreibe-Token erzeugen' }).click();
    const command = await page.getByLabel('Auf dem Praxis-PC ausführen').inputValue();
    const token = /PRAXISREADY_TOKEN="([^"]+)"/.exec(command)?.[1];
    expect(token).toMatch(/^pre_/);
    expect(command).toContain('praxisready probe --upload');
    await page.getByRole('heading', { level: 2, name: 'Logbuch' }).waitFor();
    await page.screenshot({ path: join(shots, '03-case.png'), fullPage: true });
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

    // audit sheet: the probe's value is marked, a person edit changes findings live, save persists it
    await page.getByRole('button', { name: 'Audit-Sheet öffnen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit-Sheet' }).waitFor();
    await page.getByRole('button', { name: /Netzwerk/ }).click();
    const gateway = page.getByLabel('Gateway');
    await expect.poll(() => gateway.inputValue()).toBe('192.168.10.254');
    const conflict = page.getByRole('note');
    expect(await conflict.textContent()).toContain('192.168.10.1');
    await page.screenshot({ path: join(shots, '04-sheet-conflict.png'), fullPage: true });
    await conflict.getByRole('button', { name: 'Probe-Wert übernehmen' }).click();
    await expect.poll(() => gateway.inputValue()).toBe('192.168.10.1');
    const sourceId = await gateway.getAttribute('aria-describedby');
    expect(await page.locator(`#${sourceId}`).textContent()).toContain('von der Probe erfasst');
    await page.screenshot({ path: join(shots, '04-sheet-network-probe.png'), fullPage: true });

    await page.getByRole('button', { name: /IT-Sicherheit/ }).click();
    const finding = page
      .getByRole('list', { name: 'Befunde (live)' })
      .getByRole('listitem')
      .filter({ hasText: 'Administrationskonten getrennt (Rechte)' });
    await expect.poll(() => finding.textContent()).toContain('offen');
    await page.getByLabel('Admin-Konten getrennt').selectOption('false');
    await expect.poll(() => finding.textContent()).toContain('Mangel');
    await page.screenshot({ path: join(shots, '05-sheet-live-findings.png'), fullPage: true });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert', { exact: true }).waitFor();
    const sheet = (await (await f.req('GET', `/api/cases/${caseId}/sheet`, f.tokens.technician)).json()) as {
      sheet: { security: { adminAccountsSeparated: { value: unknown; source: string } } };
    };
    expect(sheet.sheet.security.adminAccountsSeparated).toMatchObject({ value: false, source: 'person' });
    // the browser's live score is the server's score for the saved sheet (same engine, same input)
    const server = (await (
      await f.req('GET', `/api/cases/${caseId}/findings`, f.tokens.technician)
    ).json()) as {
      scores: { overall: { score: number | null } };
    };
    const liveOverall = await page.locator('.sheet-status .score').first().textContent();
    expect(liveOverall).toBe(`${Math.round(server.scores.overall.score!)} %`);

    // findings view (server findings after the save), failing ones by default
    await page.getByRole('link', { name: /Zurück zum Fall/ }).click();
    await page.getByRole('button', { name: 'Befunde anzeigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Befunde' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Administrationskonten getrennt (Rechte)' }).waitFor();
    await page.screenshot({ path: join(shots, '06-findings.png'), fullPage: true });
    await page.getByRole('link', { name: /Zurück zum Fall/ }).click();
    await page.getByRole('button', { name: 'Audit-Sheet öffnen' }).click();

    // English switch
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit sheet' }).waitFor();
    await page.getByRole('button', { name: 'Deutsch' }).click();

    // pre-information: the helpdesk makes the link on the case page; the practice opens it on a phone
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByLabel('E-Mail').fill('helpdesk@praxisready.test');
    await page.getByLabel('Passwort').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fallübersicht' }).waitFor();
    // global search finds the case (and its sheet) by the practice name
    await page.getByRole('searchbox', { name: 'Fälle, Sheets, Dateien durchsuchen' }).fill('Sonnenschein');
    await page.keyboard.press('Enter');
    const hit = page.getByRole('link', { name: /#1 Praxis Dr\. Sonnenschein/ });
    await hit.waitFor();
    await page.screenshot({ path: join(shots, '07-search.png'), fullPage: true });
    await hit.click();
    await page.getByLabel('Beginn', { exact: true }).fill('2026-12-01T09:00');
    await page.getByLabel('Ende', { exact: true }).fill('2026-12-01T12:00');
    await page.getByRole('button', { name: 'Termin vorschlagen' }).click();
    await page.getByText('vorgeschlagen', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Link für die Praxis erzeugen' }).click();
    const href = await page.getByRole('link', { name: /vorab-info#prp_/ }).getAttribute('href');
    const formToken = href!.split('#')[1]!;
    // The helpdesk sees the audit trail, including the technician's sheet edit and the probe upload.
    await page.getByRole('heading', { level: 2, name: 'Verlauf (Audit-Trail)' }).waitFor();
    await page.screenshot({ path: join(shots, '08-case-helpdesk.png'), fullPage: true });
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
    await phone.screenshot({ path: join(shots, '09-preinfo-phone.png'), fullPage: true });
    await phone.getByRole('button', { name: 'Absenden' }).click();
    await phone.getByRole('status').filter({ hasText: 'Vielen Dank' }).waitFor();
    await phone.screenshot({ path: join(shots, '10-preinfo-sent.png') });
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
    await phone.close();
  }, 120_000);
});
