import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SearchScreen, snippetParts } from './Search.tsx';
import { mockApi } from '../test/mock-api.ts';
import { renderScreen } from '../test/render.tsx';

describe('SearchScreen', () => {
  it('shows hits with marked words and opens the case', async () => {
    const { api, calls } = mockApi({
      'GET /api/search': [
        {
          kind: 'case',
          refId: 'c1',
          caseId: 'c1',
          caseNumber: 1,
          title: '#1 Praxis Sonne',
          snippet: 'Praxis <b>Sonne</b> Berlin',
          rank: 0.1,
        },
      ],
    });
    const { navigations } = renderScreen(<SearchScreen query="Sonne" />, api);
    const link = await screen.findByRole('link', { name: '#1 Praxis Sonne' });
    expect(screen.getByText('Sonne', { selector: 'mark' })).toBeTruthy();
    expect(calls[0]!.route).toBe('GET /api/search');
    await userEvent.click(link);
    expect(navigations).toEqual(['/faelle/c1']);
  });

  it('renders markup in snippets as text, only <b> becomes a mark', () => {
    expect(snippetParts('a <b>x</b> <img src=y> <b>z</b>')).toEqual([
      { text: 'a ', mark: false },
      { text: 'x', mark: true },
      { text: ' <img src=y> ', mark: false },
      { text: 'z', mark: true },
    ]);
  });
});
