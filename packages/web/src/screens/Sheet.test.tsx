import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SheetScreen } from './Sheet.tsx';
import { mockApi } from '../test/mock-api.ts';
import { renderScreen } from '../test/render.tsx';
import { sheetFixture } from '../test/fixtures.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const base = '/api/cases/case-3';

describe('SheetScreen', () => {
  it('marks the probe value with source and time, and shows the conflict with both values', async () => {
    const { api } = mockApi({ [`GET ${base}/sheet`]: sheetFixture() });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);
    const host = await screen.findByLabelText('Konnektor-Host/IP');
    expect(host.getAttribute('aria-describedby')).toBeTruthy();
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
    await userEvent.click(await screen.findByRole('button', { name: /IT-Sicherheit/ }));
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

  it('saves pending edits as one PATCH with the loaded revision', async () => {
    const { api, calls } = mockApi({
      [`GET ${base}/sheet`]: sheetFixture(),
      [`PATCH ${base}/sheet`]: { revision: 5, findings: 1, scores: {} },
    });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);
    const save = await screen.findByRole('button', { name: 'Speichern' });
    expect(save).toHaveProperty('disabled', true);
    await userEvent.type(screen.getByLabelText('Mandant-ID'), 'M1');
    await userEvent.type(screen.getByLabelText('Konnektor-Port'), '443');
    expect(screen.getByText(/Nicht gespeichert \(2\)/)).toBeTruthy();
    await userEvent.click(save);
    await waitFor(() => expect(calls.some((c) => c.route === `PATCH ${base}/sheet`)).toBe(true));
    expect(calls.find((c) => c.route === `PATCH ${base}/sheet`)!.body).toEqual({
      revision: 4,
      set: [
        { path: 'ti.context.mandantId', value: 'M1' },
        { path: 'ti.konnektor.port', value: 443 },
      ],
    });
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
      [`PATCH ${base}/sheet`]: { revision: 5, findings: 1, scores: {} },
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
    await waitFor(() => expect(calls.some((c) => c.route === `PATCH ${base}/sheet`)).toBe(true));
    expect(calls.find((c) => c.route === `PATCH ${base}/sheet`)!.body).toEqual({
      revision: 4,
      set: [
        { path: 'profile.workplaceCount', value: 6 },
        { path: 'profile.largeMedicalDevices', value: 'no' },
        { path: 'ti.tiGatewayMigration.twoFactorAppRegistered', value: true },
        { path: 'backup.test.result', value: 'not_possible' },
        { path: 'backup.details.software', value: 'Veeam' },
      ],
    });
  });

  it('shows the device lists read-only with the probe mark and time on each probe value', async () => {
    const probe = (value: unknown, evidence?: string) => ({
      value,
      source: 'probe',
      at: '2026-11-23T10:00:00Z',
      ...(evidence ? { evidence } : {}),
    });
    const person = (value: unknown) => ({ value, source: 'person', at: '2026-11-23T11:00:00Z' });
    const fixture = sheetFixture();
    fixture.sheet = {
      ...fixture.sheet,
      machines: [
        {
          id: 'm1',
          role: probe('workstation'),
          computerName: probe('EMPFANG-01', 'facts:doc-1#system.computerName'),
          os: { name: probe('Microsoft Windows 11 Pro') },
          cpu: { model: person('Intel i5-12500') },
          ramGb: probe(16),
          disks: probe([
            { mount: 'C:', sizeGb: 500, freeGb: 120.4, kind: 'ssd' },
            { mount: 'D:', sizeGb: 1000, freeGb: 640, kind: 'hdd', isDataDrive: true },
          ]),
        },
      ],
      ti: {
        terminals: probe([{ id: 'ct1', name: 'Empfang', productName: 'ORGA 6141', connected: true }]),
      },
      print: { printers: [{ id: 'pr1', name: person('Brother HL-L5100'), reachable: probe(false) }] },
    };
    const { api } = mockApi({ [`GET ${base}/sheet`]: fixture });
    renderScreen(<SheetScreen caseId="case-3" now={NOW} />, api);

    const terminals = await screen.findByRole('table', { name: /Kartenterminals/ });
    expect(within(terminals).getByRole('caption').textContent).toContain('Probe');
    const terminalRow = within(terminals).getAllByRole('row')[1]!;
    expect(
      within(terminalRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Empfang', 'ORGA 6141', '', '', 'ja']);
    expect(within(screen.getByRole('table', { name: /Karten \(/ })).getByText('Keine Einträge')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: /Systemvoraussetzungen/ }));
    const machines = screen.getByRole('table', { name: /Rechner/ });
    const cells = within(within(machines).getAllByRole('row')[1]!).getAllByRole('cell');
    expect(cells[0]!.textContent).toContain('EMPFANG-01');
    expect(cells[0]!.textContent).toContain('Probe');
    expect(cells[0]!.textContent).toContain('facts:doc-1#system.computerName');
    expect(cells[0]!.textContent).toMatch(/23\.11\.2026/);
    expect(cells[3]!.textContent).toContain('16');
    // The data drive, not the system drive.
    expect(cells[4]!.textContent).toContain('D: 640 GB');
    expect(cells[4]!.textContent).not.toContain('C:');
    // A person's value has no probe mark.
    expect(cells[5]!.textContent).toBe('Intel i5-12500');
    expect(within(machines).queryByRole('textbox')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: /Direktdruck/ }));
    const printer = within(screen.getByRole('table', { name: /Drucker/ })).getAllByRole('row')[1]!;
    const printerCells = within(printer).getAllByRole('cell');
    expect(printerCells[0]!.textContent).toBe('Brother HL-L5100');
    expect(printerCells[3]!.textContent).toContain('nein');
    expect(printerCells[3]!.textContent).toContain('Probe');
  });
});
