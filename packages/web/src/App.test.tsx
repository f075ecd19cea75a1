import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import { mockApi } from './test/mock-api.ts';
import { boardFixture } from './test/fixtures.ts';

describe('App', () => {
  it('routes to the board and switches the whole UI to English and back', async () => {
    const { api } = mockApi({ 'GET /api/board': boardFixture() });
    render(
      <I18nProvider>
        <App api={api} initialPath="/" />
      </I18nProvider>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Fallübersicht' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Case board' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: /Request received/ })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    await userEvent.click(screen.getByRole('button', { name: 'Deutsch' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Fallübersicht' })).toBeTruthy();
  });

  it('navigates from the top bar to customers and to the admin screen, in English too', async () => {
    const { api } = mockApi({
      'GET /api/board': boardFixture(),
      'GET /api/customers': [{ id: 'k1', name: 'MVZ Lindenhof', kind: 'mvz', email: null, phone: null }],
      'GET /api/users': [],
      'GET /api/price-catalog': {
        source: 'default',
        updatedAt: null,
        updatedBy: null,
        catalog: { items: [] },
      },
      'GET /api/checks': [],
    });
    render(
      <I18nProvider>
        <App api={api} initialPath="/" />
      </I18nProvider>,
    );
    await screen.findByRole('heading', { level: 1, name: 'Fallübersicht' });
    await userEvent.click(screen.getByRole('link', { name: 'Kunden' }));
    expect(await screen.findByRole('link', { name: 'MVZ Lindenhof' })).toBeTruthy();
    expect(window.location.pathname).toBe('/kunden');
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    await userEvent.click(screen.getByRole('link', { name: 'Admin' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Administration' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Users & roles' })).toBeTruthy();
    expect(window.location.pathname).toBe('/admin');
  });
});
