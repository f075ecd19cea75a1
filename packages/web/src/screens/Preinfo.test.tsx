import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PreinfoScreen, parseDevices } from './Preinfo.tsx';
import { mockApi, reply } from '../test/mock-api.ts';
import { renderScreen } from '../test/render.tsx';

describe('PreinfoScreen', () => {
  it('submits the answers with the link token, dropping unanswered fields', async () => {
    const { api, calls } = mockApi({
      'GET /api/preinfo/form': { answers: { pvsInUse: 'x.concept' }, submittedAt: null },
      'PUT /api/preinfo/form': { ok: true },
    });
    renderScreen(<PreinfoScreen token="prp_link" />, api);
    expect(await screen.findByDisplayValue('x.concept')).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), 'Maria Schmidt');
    await userEvent.type(screen.getByLabelText('Anzahl Arbeitsplätze'), '4');
    await userEvent.selectOptions(screen.getByLabelText(/Großgeräte/), 'no');
    await userEvent.type(screen.getByLabelText(/Geräteliste/), 'Drucker, Brother HL-L5100{enter}EKG');
    await userEvent.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      expect.stringContaining('Vielen Dank'),
    );
    const put = calls.find((c) => c.route === 'PUT /api/preinfo/form')!;
    expect(put.auth).toBe('Bearer prp_link');
    expect(put.body).toEqual({
      pvsInUse: 'x.concept',
      contactPerson: { name: 'Maria Schmidt' },
      workplaces: 4,
      largeMedicalDevices: 'no',
      devices: [{ kind: 'Drucker', model: 'Brother HL-L5100' }, { kind: 'EKG' }],
    });
  });

  it('shows the server error for an expired link', async () => {
    const { api } = mockApi({
      'GET /api/preinfo/form': reply(401, {
        code: 'UNAUTHENTICATED',
        message: 'Unknown, expired or revoked token',
        issues: [],
      }),
    });
    renderScreen(<PreinfoScreen token="prp_old" />, api);
    expect((await screen.findByRole('alert')).textContent).toContain('expired');
  });

  it('parses the device list line by line', () => {
    expect(parseDevices(' Scanner , Fujitsu fi-7160 \n\nKartenterminal, ORGA 6141, online\n')).toEqual([
      { kind: 'Scanner', model: 'Fujitsu fi-7160' },
      { kind: 'Kartenterminal', model: 'ORGA 6141, online' },
    ]);
  });
});
