import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DocumentsPanel } from './Documents.tsx';
import { mockApi, reply } from '../../test/mock-api.ts';
import { renderScreen } from '../../test/render.tsx';

const base = '/api/cases/case-3';
const thread = [
  {
    direction: 'in',
    subject: 'Anfrage Tech-Audit',
    from: 'info@praxis.de',
    to: 'audit@systemhaus.de',
    date: '2026-11-20T10:00:00Z',
    messageId: '<m1@praxis.de>',
  },
];

describe('DocumentsPanel', () => {
  beforeEach(() => {
    // jsdom has no object URLs; the preview only needs a string to put into the iframe.
    URL.createObjectURL = vi.fn(() => 'blob:preview-1');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => vi.restoreAllMocks());

  it('creates report and offer, previews the PDF, sends both and shows the thread', async () => {
    const sent: unknown[] = [];
    const { api, calls } = mockApi({
      [`GET ${base}/thread`]: () => thread,
      [`POST ${base}/documents/report`]: reply(201, {
        artifactId: 'r1',
        folder: '04_Nacharbeit',
        name: 'Bericht-3.pdf',
        size: 40960,
      }),
      [`POST ${base}/documents/offer`]: reply(201, {
        artifactId: 'o1',
        folder: '04_Nacharbeit',
        name: 'Angebot-3.pdf',
        size: 20480,
      }),
      [`GET ${base}/artifacts/r1`]: () => '%PDF-1.7',
      [`GET ${base}/artifacts/o1`]: () => '%PDF-1.7',
      [`POST ${base}/documents/send`]: (body: unknown) => {
        sent.push(body);
        thread.push({ ...thread[0]!, direction: 'out', subject: 'Ihr Audit-Bericht', messageId: '<m2@x>' });
        return {
          messageId: '<m2@x>',
          to: ['info@praxis.de'],
          cc: ['vertrieb@systemhaus.de'],
          sentAt: '2026-11-23T12:00:00Z',
        };
      },
    });
    let changes = 0;
    renderScreen(<DocumentsPanel caseId="case-3" onChange={() => changes++} />, api);
    expect(await screen.findByText('Anfrage Tech-Audit')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Senden' })).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByRole('button', { name: 'Bericht erstellen' }));
    const frame = await screen.findByTitle('Bericht: Bericht-3.pdf');
    expect(frame.getAttribute('src')).toBe('blob:preview-1');
    expect(calls.find((c) => c.route === `POST ${base}/documents/report`)!.body).toEqual({ lang: 'de' });
    await userEvent.click(screen.getByRole('button', { name: 'Angebot erstellen' }));
    expect(await screen.findByTitle('Angebot: Angebot-3.pdf')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Senden' }));
    expect((await screen.findByText(/Gesendet an/)).textContent).toContain('info@praxis.de');
    expect(sent).toEqual([{ reportArtifactId: 'r1', offerArtifactId: 'o1' }]);
    expect(await screen.findByText('Ihr Audit-Bericht')).toBeTruthy();
    expect(screen.getByText('ausgehend')).toBeTruthy();
    expect(changes).toBe(3);
  });

  it("shows the server's error when the documents endpoint is missing or fails", async () => {
    const { api } = mockApi({
      [`GET ${base}/thread`]: [],
      [`POST ${base}/documents/report`]: reply(422, {
        code: 'VALIDATION',
        message: 'Sheet incomplete',
        issues: [{ path: 'sheet.network', message: 'missing' }],
        hint: 'Bericht nicht möglich: Audit-Sheet unvollständig',
      }),
    });
    renderScreen(<DocumentsPanel caseId="case-3" onChange={() => undefined} />, api);
    expect(await screen.findByText('Keine E-Mails zu diesem Fall')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Bericht erstellen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Audit-Sheet unvollständig');
    expect(alert.textContent).toContain('sheet.network');
    // without a route the mock answers 404 like a server that lacks the endpoint: shown, not swallowed
    await userEvent.click(screen.getByRole('button', { name: 'Angebot erstellen' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('No mock for POST'));
    expect(screen.queryByTitle(/Angebot:/)).toBeNull();
  });
});
