import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CaseScreen } from './Case.tsx';
import { mockApi, reply, type RouteTable } from '../test/mock-api.ts';
import { renderScreen } from '../test/render.tsx';
import { caseFixture } from '../test/fixtures.ts';

const base = '/api/cases/case-3';
function routes(): RouteTable {
  const appointments: Record<string, unknown>[] = [];
  const followups: { id: string; doneAt: string | null }[] = [];
  const logbook: { id: string; text: string; status: string; createdBy: string; createdAt: string }[] = [];
  return {
    [`GET ${base}`]: caseFixture(),
    [`GET ${base}/audit-trail`]: [
      {
        id: 1,
        at: '2026-11-20T10:00:00Z',
        actor: 'system:smtp',
        action: 'case.created',
        entityType: 'case',
        entityId: 'case-3',
      },
    ],
    [`GET ${base}/logbook`]: () => logbook,
    [`POST ${base}/logbook`]: (body: unknown) => {
      const e = {
        id: `l${logbook.length}`,
        text: (body as { text: string }).text,
        status: 'open',
        createdBy: 'x',
        createdAt: '2026-11-23T10:00:00Z',
      };
      logbook.push(e);
      return e;
    },
    [`GET ${base}/artifacts`]: [
      {
        id: 'a1',
        folder: '01_Intake',
        filename: 'Netzplan.txt',
        contentType: 'text/plain',
        sizeBytes: 2048,
        createdBy: 'x',
        createdAt: '2026-11-20T10:00:00Z',
      },
    ],
    [`POST ${base}/artifacts`]: { id: 'a2' },
    [`POST ${base}/probe-enrollments`]: {
      id: 'e1',
      token: 'pre_TOKEN123',
      expiresAt: '',
      uploadUrl: 'http://127.0.0.1:8470/api/probe/uploads',
    },
    [`POST ${base}/transition`]: reply(409, {
      code: 'CONFLICT',
      message: 'Open tasks',
      issues: [{ path: 'tasks.audit.sheet', message: 'Audit sheet completed' }],
      hint: 'Offene Aufgaben: Audit-Sheet ausgefüllt',
    }),
    [`POST ${base}/tasks/audit.sheet`]: { ok: true },
    [`GET ${base}/thread`]: [],
    [`GET ${base}/followups`]: () => followups,
    [`POST ${base}/followups`]: (body: unknown) => {
      const f = { id: `f${followups.length}`, ...(body as object), doneAt: null, remindAt: null };
      followups.push(f);
      return f;
    },
    [`POST ${base}/followups/f0/done`]: () => {
      followups[0]!.doneAt = '2026-11-24T10:00:00Z';
      return followups[0];
    },
    'GET /api/users': [
      { id: 'u1', email: 't@x', name: 'Tim Berger', role: 'technician', customerId: null, active: true },
      { id: 'u2', email: 't2@x', name: 'Tina Roth', role: 'technician', customerId: null, active: true },
      { id: 'u3', email: 's@x', name: 'Sven Sale', role: 'sales', customerId: null, active: true },
    ],
    [`PUT ${base}/assignments/technician`]: {},
    [`PUT ${base}/sales`]: (body: unknown) => ({
      ...caseFixture(),
      salesStatus: (body as { status: string }).status,
    }),
    [`PUT ${base}/appointments/ap0`]: (body: unknown) => {
      Object.assign(appointments[0]!, body);
      return appointments[0];
    },
    [`GET ${base}/appointments`]: () => appointments,
    [`POST ${base}/appointments`]: (body: unknown) => {
      const a = {
        id: `ap${appointments.length}`,
        ...(body as object),
        location: null,
        status: 'proposed',
        respondedAt: null,
      };
      appointments.push(a);
      return a;
    },
  };
}

describe('CaseScreen', () => {
  it('shows stage, tasks of the stage, contacts, files by folder and the audit trail', async () => {
    const { api } = mockApi(routes());
    renderScreen(<CaseScreen caseId="case-3" />, api);
    expect(await screen.findByRole('heading', { level: 1, name: '#3 MVZ Lindenhof' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /Audit-Sheet ausgefüllt/ })).toHaveProperty('checked', false);
    expect(screen.queryByRole('checkbox', { name: /Anfrage gesichtet/ })).toBeNull();
    expect(screen.getByText('Maria Schmidt', { exact: false })).toBeTruthy();
    expect(await screen.findByText('Netzplan.txt')).toBeTruthy();
    expect(screen.getByText('Fall angelegt').getAttribute('title')).toBe('case.created');
    // linked case: the customer's record names practice and contact; the mail keeps only its own fields
    expect(screen.getByRole('link', { name: '030 1234567' }).getAttribute('href')).toBe('tel:030 1234567');
    expect(screen.getAllByText('MVZ Lindenhof')).toHaveLength(1);
  });

  it('creates the probe enrollment and shows the one command with token and upload URL', async () => {
    const { api } = mockApi(routes());
    renderScreen(<CaseScreen caseId="case-3" />, api);
    await userEvent.click(await screen.findByRole('button', { name: 'Einschreibe-Token erzeugen' }));
    const cmd = await screen.findByLabelText('Auf dem Praxis-PC ausführen');
    expect((cmd as HTMLTextAreaElement).value).toBe(
      '$env:PRAXISREADY_TOKEN="pre_TOKEN123"; praxisready probe --upload http://127.0.0.1:8470/api/probe/uploads',
    );
  });

  it('shows the German hint when a move is refused, ticks a task, adds a logbook entry and uploads a file', async () => {
    const { api, calls } = mockApi(routes());
    renderScreen(<CaseScreen caseId="case-3" />, api);
    await userEvent.click(await screen.findByRole('button', { name: /Weiter nach/ }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Offene Aufgaben: Audit-Sheet ausgefüllt',
    );
    await userEvent.click(screen.getByRole('checkbox', { name: /Audit-Sheet ausgefüllt/ }));
    await userEvent.type(screen.getByLabelText('Neuer Eintrag'), 'Kartenterminal fehlt');
    await userEvent.click(screen.getByRole('button', { name: 'Eintrag hinzufügen' }));
    expect(await screen.findByRole('button', { name: 'Erledigt: Kartenterminal fehlt' })).toBeTruthy();
    await userEvent.upload(
      screen.getByLabelText('Datei'),
      new File(['x'], 'Foto.png', { type: 'image/png' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Hochladen' }));
    await waitFor(() => expect(calls.some((c) => c.route === `POST ${base}/artifacts`)).toBe(true));
    const upload = calls.find((c) => c.route === `POST ${base}/artifacts`)!.body as FormData;
    expect(upload.get('folder')).toBe('03_Audit');
    expect((upload.get('file') as File).name).toBe('Foto.png');
    expect(calls.find((c) => c.route === `POST ${base}/tasks/audit.sheet`)!.body).toEqual({ done: true });
  });

  it('proposes an appointment and lists it', async () => {
    const { api, calls } = mockApi(routes());
    renderScreen(<CaseScreen caseId="case-3" />, api);
    expect(await screen.findByText('Noch kein Termin')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Beginn'), '2026-12-01T09:00');
    await userEvent.type(screen.getByLabelText('Ende'), '2026-12-01T12:00');
    await userEvent.selectOptions(screen.getByLabelText('Art'), 'remote');
    await userEvent.click(screen.getByRole('button', { name: 'Termin vorschlagen' }));
    expect(await screen.findByText('vorgeschlagen')).toBeTruthy();
    const body = calls.find((c) => c.route === `POST ${base}/appointments`)!.body as {
      mode: string;
      startsAt: string;
      endsAt: string;
    };
    expect(body.mode).toBe('remote');
    expect(new Date(body.endsAt).getTime() - new Date(body.startsAt).getTime()).toBe(3 * 3600_000);
    await userEvent.click(screen.getByRole('button', { name: 'Zusage eintragen' }));
    expect(await screen.findByText('zugesagt')).toBeTruthy();
    expect(calls.find((c) => c.route === `PUT ${base}/appointments/ap0`)!.body).toEqual({
      status: 'accepted',
    });
    expect(screen.queryByRole('button', { name: 'Zusage eintragen' })).toBeNull();
  });

  it('assigns a technician from the users of that role', async () => {
    const { api, calls } = mockApi(routes());
    renderScreen(<CaseScreen caseId="case-3" />, api);
    const select = await screen.findByLabelText('Techniker/in');
    await waitFor(() => expect(screen.getByRole('option', { name: 'Tina Roth' })).toBeTruthy());
    // only users with the role are offered
    expect(screen.queryByRole('option', { name: 'Sven Sale' })?.closest('select')).not.toBe(select);
    await userEvent.selectOptions(select, 'u2');
    const row = select.closest('li')!;
    await userEvent.click(within(row).getByRole('button', { name: 'Zuweisen' }));
    await waitFor(() =>
      expect(calls.find((c) => c.route === `PUT ${base}/assignments/technician`)?.body).toEqual({
        userId: 'u2',
      }),
    );
  });

  it('sends the chosen sales status with its note', async () => {
    const { api, calls } = mockApi(routes());
    renderScreen(<CaseScreen caseId="case-3" />, api);
    expect((await screen.findByTestId('sales-status')).textContent).toBe('noch kein Angebot');
    await userEvent.selectOptions(screen.getByLabelText('Neuer Status'), 'pvs_booked');
    await userEvent.type(screen.getByLabelText('Notiz (optional)'), 'x.concept gebucht');
    await userEvent.click(screen.getByRole('button', { name: 'Status setzen' }));
    await waitFor(() =>
      expect(calls.find((c) => c.route === `PUT ${base}/sales`)?.body).toEqual({
        status: 'pvs_booked',
        note: 'x.concept gebucht',
      }),
    );
  });

  it('shows a closed case as closed with the PVS booked', async () => {
    const r = routes();
    r[`GET ${base}`] = {
      ...caseFixture(),
      stage: 'follow_up',
      salesStatus: 'pvs_booked',
      status: 'pvs_booked',
    };
    const { api } = mockApi(r);
    renderScreen(<CaseScreen caseId="case-3" />, api);
    expect((await screen.findByTestId('sales-status')).textContent).toBe('PVS gebucht');
    expect(screen.getByText('Fall abgeschlossen: PVS gebucht')).toBeTruthy();
  });

  it('shows the server refusal of a sales move', async () => {
    const r = routes();
    r[`PUT ${base}/sales`] = reply(409, {
      code: 'CONFLICT',
      message: 'Sales move not allowed',
      issues: [],
      hint: 'Vertriebsstatus: von „kein Angebot“ nicht nach „PVS gebucht“',
    });
    const { api } = mockApi(r);
    renderScreen(<CaseScreen caseId="case-3" />, api);
    await userEvent.selectOptions(await screen.findByLabelText('Neuer Status'), 'pvs_booked');
    await userEvent.click(screen.getByRole('button', { name: 'Status setzen' }));
    expect((await screen.findByRole('alert')).textContent).toContain('nicht nach „PVS gebucht“');
  });

  it('adds a follow-up with due date and marks it done', async () => {
    const { api, calls } = mockApi(routes());
    renderScreen(<CaseScreen caseId="case-3" />, api);
    expect(await screen.findByText('Keine Wiedervorlagen')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Wiedervorlage'), 'Angebot nachfassen');
    await userEvent.type(screen.getByLabelText('Fällig'), '2026-12-10T09:00');
    await userEvent.click(screen.getByRole('button', { name: 'Wiedervorlage anlegen' }));
    expect(await screen.findByText('Angebot nachfassen')).toBeTruthy();
    const body = calls.find((c) => c.route === `POST ${base}/followups`)!.body as { dueAt: string };
    expect(body.dueAt).toBe(new Date('2026-12-10T09:00').toISOString());
    await userEvent.click(screen.getByRole('button', { name: 'Erledigt: Angebot nachfassen' }));
    await waitFor(() => expect(calls.some((c) => c.route === `POST ${base}/followups/f0/done`)).toBe(true));
  });
});
