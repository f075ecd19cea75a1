import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SheetScreen } from './Sheet.tsx';
import { mockApi, type MockApi } from '../test/mock-api.ts';
import { getPath } from '../sheet/paths.ts';
import { renderScreen } from '../test/render.tsx';
import { sheetFixture } from '../test/fixtures.ts';
import { gdtFolderAudit } from '../sheet/measured.fixture.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const base = '/api/cases/case-3';
const person = (value: unknown) => ({ value, source: 'person', at: NOW.toISOString() });
const probe = (value: unknown, evidence?: string) => ({
  value,
  source: 'probe',
  at: '2026-11-23T10:00:00Z',
  ...(evidence ? { evidence } : {}),
});

/** The body of the one PUT the save sent. */
async function savedBody(calls: MockApi['calls']) {
  await waitFor(() => expect(calls.some((c) => c.route === `PUT ${base}/sheet`)).toBe(true));
  const puts = calls.filter((c) => c.route === `PUT ${base}/sheet`);
  expect(puts).toHaveLength(1);
  return puts[0]!.body as { revision: number; sheet: Record<string, unknown> };
}

describe('SheetScreen', () => {
  it('marks the probe value with source and time, and shows the conflict with both values', async () => {
    const { api } = mockApi({ [`GET ${base}/sheet`]: sheetFixture() });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);
    const host = await screen.findByLabelText('Konnektor-Host/IP');
    expect(host.getAttribute('aria-describedby')).toBeTruthy();
    // nothing measured without an editor: no block
    expect(screen.queryByRole('region', { name: 'Von der Probe gemessen' })).toBeNull();
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('192.168.10.5');
    expect(note.textContent).toContain('192.168.10.6');
    await userEvent.click(screen.getByRole('button', { name: /Netzwerk/ }));
    const gateway = screen.getByLabelText('Gateway');
    expect((gateway as HTMLInputElement).value).toBe('192.168.10.1');
    const source = document.getElementById(gateway.getAttribute('aria-describedby')!)!;
    expect(source.textContent).toContain('von der Probe erfasst');
    expect(source.textContent).toContain('facts:doc-1#network.gateway');
  });

  it('re-evaluates findings and the area score while editing, before saving', async () => {
    const { api } = mockApi({ [`GET ${base}/sheet`]: sheetFixture() });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);
    await userEvent.click(await screen.findByRole('button', { name: /^IT-Sicherheit/ }));
    const findings = screen.getByRole('list', { name: 'Befunde (live)' });
    const item = () =>
      within(findings)
        .getAllByRole('listitem')
        .find((li) => li.textContent?.includes('Administrationskonten getrennt (Rechte)'))!;
    expect(item().textContent).toContain('offen');
    await userEvent.selectOptions(screen.getByLabelText('Admin-Konten getrennt'), 'false');
    await waitFor(() => expect(item().textContent).toContain('Mangel'));
    expect(screen.getByRole('heading', { level: 2, name: /Befunde/ }).textContent).toContain('0 %');
    await userEvent.selectOptions(screen.getByLabelText('Admin-Konten getrennt'), 'true');
    await waitFor(() => expect(item().textContent).toContain('erfüllt'));
    expect(screen.getByRole('heading', { level: 2, name: /Befunde/ }).textContent).toContain('100 %');
  });

  it('saves pending edits as one PUT of the edited sheet with the loaded revision', async () => {
    const { api, calls } = mockApi({
      [`GET ${base}/sheet`]: sheetFixture(),
      [`PUT ${base}/sheet`]: { revision: 5, findings: 1, scores: {} },
    });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);
    const save = await screen.findByRole('button', { name: 'Speichern' });
    expect(save).toHaveProperty('disabled', true);
    await userEvent.type(screen.getByLabelText('Mandant-ID'), 'M1');
    await userEvent.type(screen.getByLabelText('Konnektor-Port'), '443');
    expect(screen.getByText(/Nicht gespeichert \(2\)/)).toBeTruthy();
    await userEvent.click(save);
    const body = await savedBody(calls);
    expect(body.revision).toBe(4);
    expect(getPath(body.sheet, 'ti.context.mandantId')).toEqual(person('M1'));
    expect(getPath(body.sheet, 'ti.konnektor.port')).toEqual(person(443));
    // the probe's value travels unchanged
    expect(getPath(body.sheet, 'network.gateway')).toMatchObject({ value: '192.168.10.1', source: 'probe' });
    expect(await screen.findByText('Gespeichert')).toBeTruthy();
  });

  it('files an evidence photo in 03_Audit from the editor', async () => {
    const { api, calls } = mockApi({
      [`GET ${base}/sheet`]: sheetFixture(),
      [`POST ${base}/artifacts`]: { id: 'a1' },
    });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);
    const input = await screen.findByLabelText(/Nachweis/);
    await userEvent.upload(input, new File(['png'], 'Konnektor.png', { type: 'image/png' }));
    expect((await screen.findByRole('status')).textContent).toContain('Konnektor.png');
    const form = calls.find((c) => c.route === `POST ${base}/artifacts`)!.body as FormData;
    expect(form.get('folder')).toBe('03_Audit');
  });

  it('resolves a conflict by taking the probe value and reloads the sheet', async () => {
    let resolved = false;
    const { api, calls } = mockApi({
      [`GET ${base}/sheet`]: () => (resolved ? { ...sheetFixture(), conflicts: [] } : sheetFixture()),
      [`POST ${base}/sheet/conflicts/k1`]: () => {
        resolved = true;
        return { ok: true };
      },
    });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);
    await userEvent.click(await screen.findByRole('button', { name: 'Probe-Wert übernehmen' }));
    await waitFor(() => expect(screen.queryByRole('note')).toBeNull());
    expect(calls.find((c) => c.route === `POST ${base}/sheet/conflicts/k1`)!.body).toEqual({
      take: 'incoming',
    });
  });

  it('edits the practice profile, the TI-Gateway checklist and the backup protocol, saved with the model paths', async () => {
    const { api, calls } = mockApi({
      [`GET ${base}/sheet`]: sheetFixture(),
      [`PUT ${base}/sheet`]: { revision: 5, findings: 1, scores: {} },
    });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);
    await userEvent.click(await screen.findByRole('button', { name: /Praxisprofil/ }));
    expect(screen.getByRole('heading', { level: 2, name: 'Praxisprofil (Vorab-Info)' })).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Anzahl Arbeitsplätze'), '6');
    await userEvent.selectOptions(screen.getByLabelText('Medizinische Großgeräte (Anlage 4)'), 'no');
    await userEvent.click(screen.getByRole('button', { name: /TI-Gateway-Migration/ }));
    await userEvent.selectOptions(screen.getByLabelText('2-Faktor-App registriert'), 'true');
    await userEvent.click(screen.getByRole('button', { name: /Datensicherung/ }));
    const result = screen.getByLabelText('Testdatensicherung');
    expect(
      within(result)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['–', 'Erfolgreich', 'Nicht möglich', 'Nicht gewünscht']);
    await userEvent.selectOptions(result, 'not_possible');
    await userEvent.type(screen.getByLabelText('Sicherungssoftware'), 'Veeam');
    await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    const { sheet } = await savedBody(calls);
    expect(getPath(sheet, 'profile.workplaceCount')).toEqual(person(6));
    expect(getPath(sheet, 'profile.largeMedicalDevices')).toEqual(person('no'));
    expect(getPath(sheet, 'ti.tiGatewayMigration.twoFactorAppRegistered')).toEqual(person(true));
    expect(getPath(sheet, 'backup.test.result')).toEqual(person('not_possible'));
    expect(getPath(sheet, 'backup.details.software')).toEqual(person('Veeam'));
  });

  it('shows a removed row the probe reports again below its table; "Entfernt lassen" keeps it removed', async () => {
    const fixture = sheetFixture();
    fixture.conflicts = [
      {
        id: 'k-removed',
        path: 'machines[m9]',
        kept: { removed: true, path: 'machines', id: 'm9', at: '2026-11-23T09:00:00Z', by: 'Tina Technik' },
        incoming: { id: 'm9', computerName: probe('LABOR-PC') },
        sourceRef: 'probe:doc-2',
        createdAt: '2026-11-23T10:00:00Z',
      },
    ] as unknown as typeof fixture.conflicts;
    const { api, calls } = mockApi({
      [`GET ${base}/sheet`]: fixture,
      [`POST ${base}/sheet/conflicts/k-removed`]: { ok: true },
    });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);
    await userEvent.click(await screen.findByRole('button', { name: /Systemvoraussetzungen/ }));
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('LABOR-PC');
    expect(note.textContent).toContain('entfernt (Tina Technik');
    expect(note.textContent).toContain('die Probe meldet diese Zeile wieder');
    expect(within(screen.getByRole('table', { name: /Rechner/ })).queryByText('LABOR-PC')).toBeNull();
    await userEvent.click(within(note).getByRole('button', { name: 'Entfernt lassen' }));
    await waitFor(() =>
      expect(calls.find((c) => c.route === `POST ${base}/sheet/conflicts/k-removed`)?.body).toEqual({
        take: 'kept',
      }),
    );
  });

  it('edits a device table: probe rows keep their mark, an edited row becomes manual, rows are added and removed', async () => {
    const fixture = sheetFixture();
    fixture.sheet = {
      ...fixture.sheet,
      machines: [
        {
          id: 'm1',
          role: probe('workstation'),
          computerName: probe('EMPFANG-01', 'facts:doc-1#system.computerName'),
          os: { family: probe('windows'), name: probe('Microsoft Windows 11 Pro') },
          ramGb: probe(16),
          disks: probe([
            { mount: 'C:', sizeGb: 500, freeGb: 120.4, kind: 'ssd' },
            { mount: 'D:', sizeGb: 1000, freeGb: 640, kind: 'hdd', isDataDrive: true },
          ]),
        },
        { id: 'm2', role: probe('workstation'), computerName: person('ALT-PC') },
      ],
      ti: { terminals: probe([{ id: 'ct1', name: 'Empfang', productName: 'ORGA 6141', connected: true }]) },
    };
    const { api, calls } = mockApi({
      [`GET ${base}/sheet`]: fixture,
      [`PUT ${base}/sheet`]: { revision: 5, findings: 1, scores: {} },
    });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);

    // a sourced list (Konnektor terminals): one mark for the list, manual once edited
    const terminals = await screen.findByRole('table', { name: /Kartenterminals/ });
    expect(within(terminals).getByRole('caption').textContent).toContain('von der Probe erfasst');
    const name = within(terminals).getByLabelText('Name');
    expect((name as HTMLInputElement).value).toBe('Empfang');
    await userEvent.type(name, ' links');
    expect(within(terminals).getByRole('caption').textContent).toContain('manuell');

    await userEvent.click(screen.getByRole('button', { name: /Systemvoraussetzungen/ }));
    const machines = screen.getByRole('table', { name: /Rechner/ });
    const rowOf = (text: string) =>
      within(machines)
        .getAllByRole('row')
        .find((r) => r.querySelector('.row-head')?.textContent?.includes(text))!;
    const pc = rowOf('EMPFANG-01');
    expect(pc.querySelector('.row-head')!.textContent).toMatch(/von der Probe erfasst, .*23\.11\.2026/);
    expect(pc.querySelector('.row-head')!.textContent).not.toContain('manuell');
    expect(rowOf('ALT-PC').querySelector('.row-head')!.textContent).toContain('manuell');
    // typed per the model: a select of the model's roles, a number, the disks read-only (data drive)
    expect(
      within(within(pc).getByLabelText('Rolle'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Arbeitsplatz', 'Server', 'Terminalserver', 'Notebook']);
    expect(pc.textContent).toContain('D: 640 GB');
    expect(pc.textContent).not.toContain('C: 120 GB');

    const findings = screen.getByRole('list', { name: 'Befunde (live)' });
    const ramFinding = () =>
      within(findings)
        .getAllByRole('listitem')
        .filter((li) => li.textContent?.includes('Arbeitsplatz: Arbeitsspeicher mindestens 8 GB'));
    expect(ramFinding().some((li) => li.textContent?.includes('Mangel'))).toBe(false);
    const ram = within(pc).getByLabelText('RAM (GB)');
    await userEvent.clear(ram);
    await userEvent.type(ram, '4');
    await waitFor(() => expect(ramFinding().some((li) => li.textContent?.includes('Mangel'))).toBe(true));
    const head = rowOf('EMPFANG-01').querySelector('.row-head')!.textContent;
    expect(head).toContain('manuell');
    expect(head).toMatch(/übrige Werte: Probe von der Probe erfasst/);

    await userEvent.click(screen.getByRole('button', { name: 'ALT-PC entfernen' }));
    await userEvent.click(screen.getByRole('button', { name: '+ Rechner: Eintrag hinzufügen' }));
    const added = within(machines)
      .getAllByRole('row')
      .filter((r) => r.querySelector('.row-head'))
      .at(-1)!;
    expect(within(added).getByLabelText<HTMLSelectElement>('Rolle').value).toBe('workstation');
    await userEvent.type(within(added).getByLabelText('Computername'), 'LABOR-02');
    expect(screen.getByText(/Nicht gespeichert \(5\)/)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    const { sheet } = await savedBody(calls);
    const saved = sheet.machines as Record<string, unknown>[];
    expect(saved.map((m) => getPath(m, 'computerName.value'))).toEqual(['EMPFANG-01', 'LABOR-02']);
    expect(saved[0]!.ramGb).toEqual(person(4));
    // the cells nobody touched keep the probe's value and source
    expect(saved[0]!.computerName).toEqual(probe('EMPFANG-01', 'facts:doc-1#system.computerName'));
    expect(saved[1]).toMatchObject({ id: expect.stringMatching(/^pc-/), role: person('workstation') });
    expect(getPath(sheet, 'ti.terminals')).toEqual(
      person([{ id: 'ct1', name: 'Empfang links', productName: 'ORGA 6141', connected: true }]),
    );
  });

  it('edits list values: weekdays as a toggle group, instructed persons as chips; the live findings follow', async () => {
    const { api, calls } = mockApi({
      [`GET ${base}/sheet`]: sheetFixture(),
      [`PUT ${base}/sheet`]: { revision: 5, findings: 1, scores: {} },
    });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);
    await userEvent.click(await screen.findByRole('button', { name: /Datensicherung/ }));
    const protocol = () =>
      within(screen.getByRole('list', { name: 'Befunde (live)' }))
        .getAllByRole('listitem')
        .find((li) => li.textContent?.includes('Datensicherungsprotokoll vollständig'))!;
    expect(protocol().textContent).toContain('Kein Datensicherungsprotokoll erfasst');

    const days = screen.getByRole('group', { name: 'Sicherungstage' });
    await userEvent.click(within(days).getByRole('button', { name: 'Fr' }));
    await userEvent.click(within(days).getByRole('button', { name: 'Mo' }));
    expect(within(days).getByRole('button', { name: 'Mo' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(days).getByRole('button', { name: 'Di' }).getAttribute('aria-pressed')).toBe('false');
    await waitFor(() => expect(protocol().textContent).toContain('Im Protokoll fehlt'));
    // the rules name the gaps by their sheet labels
    expect(protocol().textContent).not.toContain('Sicherungstage');
    expect(protocol().textContent).toContain('Eingewiesene Personen');

    const persons = screen.getByRole('group', { name: 'Eingewiesene Personen' });
    const input = within(persons).getByLabelText('Eingewiesene Personen: neuer Eintrag');
    await userEvent.type(input, 'Anna Schulz{Enter}');
    await userEvent.type(input, 'Ben Roth');
    await userEvent.click(within(persons).getByRole('button', { name: 'Hinzufügen' }));
    expect(
      within(persons)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Anna Schulz×', 'Ben Roth×']);
    await userEvent.click(within(persons).getByRole('button', { name: 'Anna Schulz entfernen' }));
    await waitFor(() => expect(protocol().textContent).not.toContain('Eingewiesene Personen'));

    await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    const { sheet } = await savedBody(calls);
    // kept in the weekday order, not the click order
    expect(getPath(sheet, 'backup.settings.weekdays')).toEqual(person(['mo', 'fr']));
    expect(getPath(sheet, 'backup.instruction.persons')).toEqual(person(['Ben Roth']));
  });

  it('answers KBV requirements grouped by Anlage with counts; the finding follows the answer', async () => {
    const { api, calls } = mockApi({
      [`GET ${base}/sheet`]: sheetFixture(),
      [`PUT ${base}/sheet`]: { revision: 5, findings: 1, scores: {} },
    });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);
    await userEvent.click(await screen.findByRole('button', { name: /^KBV IT-Sicherheitsrichtlinie/ }));
    expect(screen.getByText(/Anlage 1: Anforderungen für Praxen/)).toBeTruthy();
    expect(screen.getByText(/Anlage 5: Dezentrale Komponenten/)).toBeTruthy();
    // only the open Anlage renders its items; opening another one (the browser's toggle event) shows them
    expect(screen.queryByText(/^A2-01 /, { selector: 'legend' })).toBeNull();
    const anlage2 = screen.getByText(/Anlage 2:/).closest('details')!;
    anlage2.open = true;
    fireEvent(anlage2, new Event('toggle'));
    expect(await screen.findByText(/^A2-01 /, { selector: 'legend' })).toBeTruthy();
    const counts = screen.getByTestId('counts-anlage-1');
    // (by its legend: a role query over the whole checklist is slow in jsdom)
    const a101 = screen
      .getByText(/^A1-01 Geregelte Einarbeitung/, { selector: 'legend' })
      .closest('fieldset')!;
    expect(within(a101).getByRole('radio', { name: 'offen' })).toHaveProperty('checked', true);
    expect(a101.textContent).toContain('Zielobjekt: Personal');
    const total = Number(/offen (\d+)$/.exec(counts.textContent ?? '')![1]);

    await userEvent.click(within(a101).getByRole('radio', { name: 'nicht erfüllt' }));
    expect(counts.textContent).toContain('nicht erfüllt 1');
    expect(counts.textContent).toContain(`offen ${total - 1}`);
    await waitFor(() => expect(within(a101).getByText('Mangel')).toBeTruthy());
    await userEvent.type(within(a101).getByLabelText('Notiz'), 'fehlt');

    // "offen" takes the answer back (and its note): the rules ask again
    await userEvent.click(within(a101).getByRole('radio', { name: 'offen' }));
    expect(within(a101).queryByLabelText('Notiz')).toBeNull();
    await waitFor(() => expect(within(a101).getByText('manuell')).toBeTruthy());
    await userEvent.click(within(a101).getByRole('radio', { name: 'erfüllt' }));
    await waitFor(() => expect(within(a101).getByText('erfüllt', { selector: '.badge' })).toBeTruthy());

    await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    const { sheet } = await savedBody(calls);
    expect(getPath(sheet, 'kbv.requirements.A1-01')).toEqual(person({ status: 'done' }));
  });

  it('a Zielobjekt the practice does not use makes its KBV requirements not applicable, live', async () => {
    const { api } = mockApi({ [`GET ${base}/sheet`]: sheetFixture() });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);
    await userEvent.click(await screen.findByRole('button', { name: /^KBV IT-Sicherheitsrichtlinie/ }));
    const a130 = screen
      .getByText(/^A1-30 Verwendung der SIM-Karten-PIN/, { selector: 'legend' })
      .closest('fieldset')!;
    expect(within(a130).getByText('manuell', { selector: '.badge' })).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Zielobjekt genutzt: Smartphone und Tablet'), 'no');
    await waitFor(() => expect(within(a130).getByText('n. z.', { selector: '.badge' })).toBeTruthy());
    expect(a130.textContent).toContain('wird nicht genutzt');
  });

  it('answers the operations checklist from the rules catalog', async () => {
    const { api } = mockApi({ [`GET ${base}/sheet`]: sheetFixture() });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);
    await userEvent.click(await screen.findByRole('button', { name: /Betriebs-Checkliste/ }));
    const item = screen.getByText(/^Notfallpfade: TI-Ausfall/, { selector: 'legend' }).closest('fieldset')!;
    await userEvent.click(within(item).getByRole('radio', { name: 'teilweise' }));
    await waitFor(() => expect(within(item).getByText('Warnung', { selector: '.badge' })).toBeTruthy());
    expect(screen.getByTestId('counts-operations').textContent).toContain('teilweise 1');
  });
});

describe('SheetScreen: structured values, observations, quick checks (issue 7, part 2)', () => {
  const me = { id: 'u1', email: 'tech@praxis.test', role: 'technician' };
  const artifact = {
    id: 'art-1',
    folder: '03_Audit',
    filename: 'Serverraum.jpg',
    contentType: 'image/jpeg',
    sizeBytes: 3,
    createdBy: 'u1',
    createdAt: '2026-11-23T09:00:00Z',
  };

  it("enters a server's disks by hand: a disk is taken over once complete, an HDD fails the SSD check live", async () => {
    const fixture = sheetFixture();
    fixture.sheet = {
      ...fixture.sheet,
      machines: [
        {
          id: 'srv',
          role: person('server'),
          computerName: person('PRAXIS-SRV'),
          dotnetVersions: probe(['4.8']),
        },
        { id: 'ws', role: person('workstation'), computerName: person('WS-2') },
      ],
      print: {
        printers: [
          { id: 'dr1', name: probe('Empfang'), resolutionsDpi: probe([300]), trays: probe(['Fach 1']) },
        ],
      },
    };
    const { api, calls } = mockApi({
      [`GET ${base}/sheet`]: fixture,
      [`PUT ${base}/sheet`]: { revision: 5, findings: 1, scores: {} },
    });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);
    await userEvent.click(await screen.findByRole('button', { name: /Systemvoraussetzungen/ }));
    const findings = screen.getByRole('list', { name: 'Befunde (live)' });
    const ssd = () =>
      within(findings)
        .getAllByRole('listitem')
        .find((li) => li.textContent?.includes('Server: Festplattensystem SSD'))!;
    expect(ssd().textContent).toContain('offen');

    // a row without structured values shows them folded to one line; a row with some, open
    const folded = screen.getByRole('group', { name: 'Festplatten – WS-2' }).closest('details')!;
    expect(folded.open).toBe(false);
    expect(folded.querySelector('summary')!.textContent).toMatch(
      /^Weitere Angaben: Festplatten, .*\(0 erfasst\)$/,
    );
    const disks = screen.getByRole('group', { name: 'Festplatten – PRAXIS-SRV' });
    expect(disks.closest('details')!.open).toBe(true);
    await userEvent.click(within(disks).getByRole('button', { name: '+ Festplatten: Eintrag hinzufügen' }));
    const disk = within(disks).getByRole('group', { name: 'Festplatten 1' });
    // incomplete: held back with a note, nothing pending yet
    expect(within(disks).getByRole('status').textContent).toContain('Laufwerk, Größe (GB), Frei (GB)');
    expect(screen.queryByText(/Nicht gespeichert/)).toBeNull();
    await userEvent.type(within(disk).getByLabelText(/Laufwerk/), 'D:');
    await userEvent.type(within(disks).getByLabelText(/Größe/), '2000');
    await userEvent.type(within(disks).getByLabelText(/Frei/), '800');
    await userEvent.selectOptions(within(disks).getByLabelText(/Art/), 'hdd');
    await userEvent.selectOptions(within(disks).getByLabelText('Datenlaufwerk'), 'true');
    expect(within(disks).queryByRole('status')).toBeNull();
    await waitFor(() => expect(ssd().textContent).toContain('Mangel'));
    const machines = screen.getByRole('table', { name: /Rechner/ });
    expect(machines.textContent).toContain('D: 800 GB');

    // a probe list becomes a person's value as a whole: .NET versions as chips
    const dotnet = screen.getByRole('group', { name: '.NET-Versionen – PRAXIS-SRV' });
    expect(dotnet.parentElement!.textContent).toContain('von der Probe erfasst');
    await userEvent.type(within(dotnet).getByLabelText('.NET-Versionen: neuer Eintrag'), '4.8.1{Enter}');
    expect(dotnet.parentElement!.textContent).toContain('manuell');
    // an object: Office with its bitness as a number
    const office = screen.getByRole('group', { name: 'Office – PRAXIS-SRV' });
    await userEvent.selectOptions(within(office).getByLabelText('Bitness'), '32');
    expect(within(office).getByRole('status').textContent).toContain('Produkt');
    await userEvent.type(within(office).getByLabelText(/Produkt/), 'Office 2019');

    // printers: resolutions only as positive whole numbers
    await userEvent.click(screen.getByRole('button', { name: /Direktdruck/ }));
    const dpi = screen.getByRole('group', { name: 'Auflösungen (dpi) – Empfang' });
    const add = within(dpi).getByLabelText('Auflösungen (dpi): neuer Eintrag');
    await userEvent.type(add, '0');
    expect(within(dpi).getByRole('button', { name: 'Hinzufügen' })).toHaveProperty('disabled', true);
    await userEvent.clear(add);
    await userEvent.type(add, '600{Enter}');

    await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    const { sheet } = await savedBody(calls);
    expect(getPath(sheet, 'machines[srv].disks')).toEqual(
      person([{ mount: 'D:', sizeGb: 2000, freeGb: 800, kind: 'hdd', isDataDrive: true }]),
    );
    expect(getPath(sheet, 'machines[srv].dotnetVersions')).toEqual(person(['4.8', '4.8.1']));
    expect(getPath(sheet, 'machines[srv].office')).toEqual(person({ product: 'Office 2019', bitness: 32 }));
    expect(getPath(sheet, 'print.printers[dr1].resolutionsDpi')).toEqual(person([300, 600]));
    expect(getPath(sheet, 'print.printers[dr1].trays')).toEqual(probe(['Fach 1']));
  });

  it("shows a conflict on a machine's disks beside the disks, not in the row head", async () => {
    const fixture = sheetFixture();
    const kept = {
      ...person([{ mount: 'D:', sizeGb: 2000, freeGb: 800, kind: 'hdd' }]),
      by: 'tech@praxis.test',
    };
    fixture.sheet = {
      ...fixture.sheet,
      machines: [{ id: 'srv', role: person('server'), computerName: person('PRAXIS-SRV'), disks: kept }],
    };
    fixture.conflicts = [
      {
        id: 'k9',
        path: 'machines[srv].disks',
        kept,
        incoming: probe([
          { mount: 'C:', sizeGb: 500, freeGb: 100, kind: 'ssd' },
          { mount: 'D:', sizeGb: 2000, freeGb: 790, kind: 'hdd' },
        ]),
        sourceRef: 'doc-2',
        createdAt: '2026-11-23T10:00:00Z',
      },
    ];
    const { api, calls } = mockApi({
      [`GET ${base}/sheet`]: fixture,
      [`POST ${base}/sheet/conflicts/k9`]: { ok: true },
    });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);
    await userEvent.click(await screen.findByRole('button', { name: /Systemvoraussetzungen/ }));
    const disks = screen.getByRole('group', { name: 'Festplatten – PRAXIS-SRV' });
    const field = disks.parentElement!;
    expect(field.textContent).toContain('manuell tech@praxis.test');
    const note = within(field).getByRole('note');
    expect(note.textContent).toMatch(/1 Einträge.*2 Einträge/);
    const machines = screen.getByRole('table', { name: /Rechner/ });
    expect(machines.querySelector('.row-head')!.textContent).not.toContain('Konflikte');
    await userEvent.click(within(note).getByRole('button', { name: 'Probe-Wert übernehmen' }));
    await waitFor(() =>
      expect(calls.find((c) => c.route === `POST ${base}/sheet/conflicts/k9`)?.body).toEqual({
        take: 'incoming',
      }),
    );
  });

  it('adds, edits and deletes observations of an area with author, time and evidence from 03_Audit', async () => {
    const fixture = sheetFixture();
    fixture.sheet = {
      ...fixture.sheet,
      observations: [{ area: 'ti', text: 'Konnektor im Keller', at: '2026-11-23T09:30:00Z', evidence: [] }],
    };
    const { api, calls } = mockApi({
      [`GET ${base}/sheet`]: fixture,
      [`PUT ${base}/sheet`]: { revision: 5, findings: 1, scores: {} },
      ['GET /api/auth/me']: me,
      [`GET ${base}/artifacts`]: [
        artifact,
        { ...artifact, id: 'art-2', folder: '01_Intake', filename: 'Mail.eml' },
      ],
    });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);
    await userEvent.click(await screen.findByRole('button', { name: /^Netzwerk/ }));
    const notes = screen.getByRole('region', { name: /Beobachtungen/ });
    // the TI note is not shown in the network section
    expect(notes.textContent).toContain('Noch keine Beobachtungen');
    const form = within(notes).getByRole('group', { name: 'Neue Beobachtung' });
    await userEvent.type(
      within(form).getByRole('textbox', { name: 'Neue Beobachtung' }),
      'Switch im Flur ohne USV',
    );
    // only 03_Audit files are offered as evidence
    await waitFor(() => within(form).getByRole('button', { name: 'Serverraum.jpg' }));
    expect(within(form).queryByRole('button', { name: 'Mail.eml' })).toBeNull();
    await userEvent.click(within(form).getByRole('button', { name: 'Serverraum.jpg' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Beobachtung hinzufügen' }));
    const item = within(notes).getAllByRole('listitem')[0]!;
    expect(item.textContent).toContain('Switch im Flur ohne USV');
    expect(item.textContent).toContain('tech@praxis.test, 23.11.2026');
    expect(item.textContent).toContain('Belege: Serverraum.jpg');

    await userEvent.click(within(notes).getByRole('button', { name: 'Beobachtung 1 bearbeiten' }));
    const editor = within(notes).getByRole('textbox', { name: 'Beobachtung bearbeiten' });
    await userEvent.clear(editor);
    await userEvent.type(editor, 'Switch im Flur ohne USV, unverschlossen');
    await userEvent.click(within(notes).getByRole('button', { name: 'Übernehmen' }));
    expect(within(notes).getAllByRole('listitem')[0]!.textContent).toContain('unverschlossen');

    await userEvent.click(screen.getByRole('button', { name: /^TI-Konformität/ }));
    const tiNotes = screen.getByRole('region', { name: /Beobachtungen/ });
    await userEvent.click(within(tiNotes).getByRole('button', { name: 'Beobachtung 1 löschen' }));
    expect(tiNotes.textContent).toContain('Noch keine Beobachtungen');

    await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    const { sheet } = await savedBody(calls);
    expect(sheet.observations).toEqual([
      {
        area: 'network',
        text: 'Switch im Flur ohne USV, unverschlossen',
        at: NOW.toISOString(),
        by: 'tech@praxis.test',
        evidence: ['art-1'],
      },
    ]);
  });

  it('records reported quick-check symptoms and network subnets; the quick-check finding appears live', async () => {
    const { api, calls } = mockApi({
      [`GET ${base}/sheet`]: sheetFixture(),
      [`PUT ${base}/sheet`]: { revision: 5, findings: 1, scores: {} },
    });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);
    await userEvent.click(await screen.findByRole('button', { name: /^Schnelle Checks/ }));
    const handshake = () =>
      within(screen.getByRole('list', { name: 'Befunde (live)' }))
        .getAllByRole('listitem')
        .find((li) => li.textContent?.includes('TI-Handshake'))!.textContent;
    expect(handshake()).toContain('Keine Daten zu den bekannten Ursachen');
    const symptoms = screen.getByRole('group', { name: 'Gemeldete Symptome' });
    await userEvent.click(within(symptoms).getByRole('button', { name: 'TI-Handshake schlägt fehl' }));
    // reported without a cause in the data: what to check on site
    await waitFor(() =>
      expect(handshake()).toContain('gemeldet, keine Ursache in den Daten. Vor Ort prüfen'),
    );

    await userEvent.click(screen.getByRole('button', { name: /^Netzwerk/ }));
    await userEvent.click(screen.getByRole('button', { name: '+ Subnetze / VLANs: Eintrag hinzufügen' }));
    const subnets = screen.getByRole('table', { name: /Subnetze/ });
    await userEvent.type(within(subnets).getByLabelText('Netz (CIDR)'), '192.168.20.0/24');
    await userEvent.selectOptions(within(subnets).getByLabelText('Zweck'), 'guest');
    await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    const { sheet } = await savedBody(calls);
    expect(getPath(sheet, 'diagnostics.reportedSymptoms')).toEqual(person(['ti-handshake']));
    expect(getPath(sheet, 'network.subnets')).toEqual(
      person([{ cidr: '192.168.20.0/24', purpose: 'guest' }]),
    );
  });

  it("shows the measured values without an editor as German summaries, each marked as the probe's, with its conflict", async () => {
    const fixture = sheetFixture();
    fixture.sheet = {
      ...fixture.sheet,
      ti: {
        konnektor: {
          tls: probe(
            { protocol: 'TLSv1.2', notAfter: '2027-03-12T00:00:00Z', trusted: false },
            'facts:doc-1#ti.konnektor.tls',
          ),
          product: probe({ vendor: 'secunet', productName: 'Konnektor', firmwareVersion: '5.1.2' }),
          faults: probe([
            { code: 'EC_CardTerminal_Not_Available', message: 'Kartenterminal nicht erreichbar' },
            { code: 'EC_Time_Sync_Not_Successful', message: 'Zeitabgleich fehlgeschlagen' },
          ]),
        },
      },
      gdt: { devices: [], folderAudits: probe([gdtFolderAudit()], 'facts:doc-1#gdt.folderAudits') },
      pvs: {
        serviceProvider: {
          installIni: probe({
            path: 'C:\\SP\\ServiceProvider.ini',
            found: true,
            text: '[SP]\r\nHostname=SRV\r\n',
          }),
        },
      },
    };
    fixture.conflicts = [
      {
        id: 'k2',
        path: 'ti.konnektor.product',
        kept: {
          value: { vendor: 'RISE', productName: 'Konnektor' },
          source: 'person',
          by: 'tech@example.org',
        },
        incoming: { value: { vendor: 'secunet' }, source: 'probe', at: '2026-11-23T10:00:00Z' },
        sourceRef: 'probe:doc-1',
        createdAt: '2026-11-23T10:00:00Z',
      },
    ];
    const { api } = mockApi({ [`GET ${base}/sheet`]: fixture });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);

    const measured = () => screen.getByRole('region', { name: 'Von der Probe gemessen' });
    const entry = (label: string) => within(measured()).getByText(label).parentElement!;
    const block = await screen.findByRole('region', { name: 'Von der Probe gemessen' });
    const tls = entry('TLS-Verbindung');
    expect(tls.textContent).toContain('TLS 1.2, Zertifikat gültig bis 12.03.2027, nicht vertrauenswürdig');
    expect(tls.textContent).toContain('von der Probe erfasst');
    expect(tls.textContent).toContain('facts:doc-1#ti.konnektor.tls');
    expect(entry('Konnektor-Produkt').textContent).toContain('secunet Konnektor, Firmware 5.1.2');
    const faults = within(entry('Fehlermeldungen')).getAllByRole('listitem');
    expect(faults.map((li) => li.textContent)).toEqual([
      'EC_CardTerminal_Not_Available: Kartenterminal nicht erreichbar',
      'EC_Time_Sync_Not_Successful: Zeitabgleich fehlgeschlagen',
    ]);
    // measured nothing: no entry
    expect(within(block).queryByText('VPN zur TI verbunden')).toBeNull();
    // the conflict about the product stands beside it, both sides summarised
    const note = within(entry('Konnektor-Produkt')).getByRole('note');
    expect(note.textContent).toContain('RISE Konnektor');
    expect(note.textContent).toContain('secunet');

    await userEvent.click(screen.getByRole('button', { name: /^GDT/ }));
    const audit = entry('GDT-Ordnerprüfung');
    expect(audit.textContent).toContain(
      'Import C:\\GDT\\EKG\\in: 3 GDT-Dateien, Satzarten 6310 (2), 6311 (1), Zeichensätze cp437 (2), ascii (1), 2 Probleme',
    );
    expect(audit.textContent).toContain('facts:doc-1#gdt.folderAudits');
    // the sheet stays valid: the values are shown, not turned into person values
    expect(screen.queryByRole('alert')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: /^PVS \/ DB-Server/ }));
    const ini = entry('ServiceProvider.ini (Installation)');
    expect(ini.textContent).toContain('C:\\SP\\ServiceProvider.ini: gefunden, 2 Zeilen');
    expect(within(ini).getByText('Text anzeigen')).toBeTruthy();
    expect(ini.querySelector('pre')!.textContent).toBe('[SP]\r\nHostname=SRV\r\n');
    expect(within(measured()).queryByText('PVS-Dienste')).toBeNull();
  });
});
