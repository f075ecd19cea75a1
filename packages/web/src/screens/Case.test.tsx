import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CaseScreen } from './Case.tsx';
import { mockApi, reply } from '../test/mock-api.ts';
import { renderScreen } from '../test/render.tsx';
import { caseFixture } from '../test/fixtures.ts';

const base = '/api/cases/case-3';
function routes() {
  const appointments: object[] = [];
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
    expect(screen.getByText('case.created')).toBeTruthy();
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
    expect(await screen.findByText(/Kartenterminal fehlt/)).toBeTruthy();
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
    expect(await screen.findByText('proposed')).toBeTruthy();
    const body = calls.find((c) => c.route === `POST ${base}/appointments`)!.body as {
      mode: string;
      startsAt: string;
      endsAt: string;
    };
    expect(body.mode).toBe('remote');
    expect(new Date(body.endsAt).getTime() - new Date(body.startsAt).getTime()).toBe(3 * 3600_000);
  });
});
