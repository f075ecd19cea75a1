import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CustomerScreen, CustomersScreen } from './Customers.tsx';
import { mockApi, reply } from '../test/mock-api.ts';
import { renderScreen } from '../test/render.tsx';

const customers = [
  { id: 'k1', name: 'Praxis Dr. Sonnenschein', kind: 'practice', email: 'info@sonne.de', phone: null },
  { id: 'k2', name: 'MVZ Lindenhof', kind: 'mvz', email: null, phone: '030 1' },
];

describe('CustomersScreen', () => {
  it('lists customers, filters by name and opens one', async () => {
    const { api } = mockApi({ 'GET /api/customers': customers });
    const { navigations } = renderScreen(<CustomersScreen />, api);
    expect(await screen.findByRole('link', { name: 'MVZ Lindenhof' })).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Name filtern'), 'sonnen');
    expect(screen.queryByRole('link', { name: 'MVZ Lindenhof' })).toBeNull();
    await userEvent.click(screen.getByRole('link', { name: 'Praxis Dr. Sonnenschein' }));
    expect(navigations).toEqual(['/kunden/k1']);
  });

  it('shows sites and contacts of a customer', async () => {
    const { api } = mockApi({
      'GET /api/customers/k1': {
        ...customers[0],
        customerNumber: 'K-1001',
        createdAt: '2026-11-20T10:00:00Z',
        sites: [{ id: 's1', name: null, street: 'Hauptstraße 5', postalCode: '10115', city: 'Berlin' }],
        contacts: [
          { id: 'p1', name: 'Maria Schmidt', role: 'Praxismanagerin', email: 'm@sonne.de', phone: null },
        ],
      },
    });
    renderScreen(<CustomerScreen customerId="k1" />, api);
    expect(await screen.findByRole('heading', { level: 1, name: 'Praxis Dr. Sonnenschein' })).toBeTruthy();
    expect(screen.getByText('Hauptstraße 5, 10115 Berlin')).toBeTruthy();
    expect(screen.getByText('Maria Schmidt')).toBeTruthy();
    expect(screen.getByText(/Kundennummer K-1001/)).toBeTruthy();
  });

  it("shows the server's refusal", async () => {
    const { api } = mockApi({
      'GET /api/customers': reply(403, { code: 'FORBIDDEN', message: 'Not allowed', issues: [] }),
    });
    renderScreen(<CustomersScreen />, api);
    expect((await screen.findByRole('alert')).textContent).toContain('Not allowed');
  });
});
