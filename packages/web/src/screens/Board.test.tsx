import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BoardScreen, cardMatches } from './Board.tsx';
import { mockApi } from '../test/mock-api.ts';
import { renderScreen } from '../test/render.tsx';
import { boardFixture } from '../test/fixtures.ts';

describe('BoardScreen', () => {
  it('shows the 8 stages as columns with their cases, and opens a case', async () => {
    const { api } = mockApi({ 'GET /api/board': boardFixture() });
    const { navigations } = renderScreen(<BoardScreen />, api);
    const intake = await screen.findByRole('region', { name: /Anfrage eingegangen/ });
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(8);
    expect(
      within(intake)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([expect.stringContaining('Praxis Sonnenschein'), expect.stringContaining('Praxis Dr. Mond')]);
    await userEvent.click(screen.getByRole('link', { name: /MVZ Lindenhof/ }));
    expect(navigations).toEqual(['/faelle/case-3']);
  });

  it('filters by role, by assignee and by due date', async () => {
    const { api } = mockApi({ 'GET /api/board': boardFixture() });
    renderScreen(<BoardScreen />, api);
    await screen.findByRole('link', { name: /Praxis Sonnenschein/ });
    await userEvent.selectOptions(screen.getByLabelText('Rolle'), 'technician');
    expect(screen.queryByRole('link', { name: /Praxis Sonnenschein/ })).toBeNull();
    expect(screen.getByRole('link', { name: /MVZ Lindenhof/ })).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Rolle'), '');
    await userEvent.selectOptions(screen.getByLabelText('Zuständig'), 'Carla Kaiser');
    expect(screen.getAllByRole('link', { name: /#/ }).map((a) => a.textContent)).toEqual([
      expect.stringContaining('Praxis Dr. Mond'),
    ]);
    await userEvent.selectOptions(screen.getByLabelText('Zuständig'), '');
    await userEvent.type(screen.getByLabelText('Fällig bis'), '2026-12-05');
    expect(screen.getAllByRole('link', { name: /#/ }).map((a) => a.textContent)).toEqual([
      expect.stringContaining('Praxis Dr. Mond'),
    ]);
  });

  it('cardMatches treats a card without due date as not due', () => {
    const card = boardFixture().stages[0]!.cards[0]!;
    expect(cardMatches(card, { role: '', assignee: '', dueBy: '' })).toBe(true);
    expect(cardMatches(card, { role: '', assignee: '', dueBy: '2030-01-01' })).toBe(false);
  });
});
