import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LoginScreen } from './Login.tsx';
import { mockApi, reply } from '../test/mock-api.ts';
import { renderScreen } from '../test/render.tsx';

describe('LoginScreen', () => {
  it('logs in with e-mail and password and hands the token on', async () => {
    const { api, calls } = mockApi({
      'POST /api/auth/login': { token: 'prs_new', expiresAt: '', user: { id: 'u1', role: 'technician' } },
    });
    const onLogin = vi.fn();
    renderScreen(<LoginScreen onLogin={onLogin} />, api);
    await userEvent.type(screen.getByLabelText('E-Mail'), 'tech@praxisready.test');
    await userEvent.type(screen.getByLabelText('Passwort'), 'geheim-123');
    await userEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
    await waitFor(() => expect(onLogin).toHaveBeenCalledWith('prs_new'));
    expect(calls[0]!.body).toEqual({ email: 'tech@praxisready.test', password: 'geheim-123' });
  });

  it('shows the server message on a failed login and stays on the form', async () => {
    const { api } = mockApi({
      'POST /api/auth/login': reply(401, {
        code: 'UNAUTHENTICATED',
        message: 'E-Mail oder Passwort falsch',
        issues: [],
      }),
    });
    const onLogin = vi.fn();
    renderScreen(<LoginScreen onLogin={onLogin} />, api);
    await userEvent.type(screen.getByLabelText('E-Mail'), 'x@y.de');
    await userEvent.type(screen.getByLabelText('Passwort'), 'falsch');
    await userEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('E-Mail oder Passwort falsch'),
    );
    expect(onLogin).not.toHaveBeenCalled();
  });
});
