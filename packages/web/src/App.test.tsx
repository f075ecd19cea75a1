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
});
