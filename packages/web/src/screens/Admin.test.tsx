import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AdminScreen } from './Admin.tsx';
import { mockApi, reply, type RouteTable } from '../test/mock-api.ts';
import { renderScreen } from '../test/render.tsx';

function routes(): RouteTable {
  const users = [
    { id: 'u1', email: 'admin@x.de', name: 'Ada Admin', role: 'admin', customerId: null, active: true },
    { id: 'u2', email: 'tim@x.de', name: 'Tim Technik', role: 'technician', customerId: null, active: true },
  ];
  const catalog = {
    currency: 'EUR',
    validityDays: 30,
    maintenanceItemIds: [],
    items: [
      {
        id: 'audit',
        kind: 'service',
        text: { de: 'Tech-Audit', en: 'Tech audit' },
        unit: { de: 'Pauschale', en: 'flat' },
        unitPriceNet: '490.00',
        vatRate: 19,
        includes: [],
      },
    ],
  };
  let stored: object | null = null;
  return {
    'GET /api/users': () => users,
    'PATCH /api/users/u1': reply(409, {
      code: 'CONFLICT',
      message: 'The last active admin cannot be removed',
      issues: [],
      hint: 'Das ist der letzte aktive Admin. Erst einen anderen Benutzer zum Admin machen.',
    }),
    'PATCH /api/users/u2': (body: unknown) => Object.assign(users[1]!, body),
    'POST /api/users': (body: unknown) => {
      const u = {
        id: `u${users.length + 1}`,
        customerId: null,
        active: true,
        ...(body as { email: string; name: string; role: string }),
      };
      users.push(u);
      return reply(201, u);
    },
    'GET /api/price-catalog': () =>
      stored ?? { source: 'default', updatedAt: null, updatedBy: null, catalog },
    'PUT /api/price-catalog': (body: unknown) => {
      stored = {
        source: 'database',
        updatedAt: '2026-11-23T12:00:00Z',
        updatedBy: 'admin@x.de',
        catalog: body,
      };
      return stored;
    },
    'GET /api/checks': [
      {
        id: 'net.gateway',
        area: 'network',
        severity: 'high',
        title: { de: 'Gateway erreichbar', en: 'Gateway reachable' },
        kbv: [],
      },
      {
        id: 'sec.admin',
        area: 'security',
        severity: 'medium',
        title: { de: 'Admin-Konten getrennt', en: 'Admin accounts separated' },
        kbv: ['A1-12'],
      },
    ],
  };
}

describe('AdminScreen', () => {
  it('lists users and creates one with a role', async () => {
    const { api, calls } = mockApi(routes());
    renderScreen(<AdminScreen />, api);
    expect(await screen.findByText('Ada Admin')).toBeTruthy();
    const form = screen.getByRole('heading', { name: 'Benutzer anlegen' }).nextElementSibling as HTMLElement;
    await userEvent.type(within(form).getByLabelText('Name'), 'Tim Berger');
    await userEvent.type(within(form).getByLabelText('E-Mail'), 'tim@x.de');
    await userEvent.selectOptions(within(form).getByLabelText('Rolle'), 'technician');
    await userEvent.type(within(form).getByLabelText(/Passwort/), 'lang-genug-123');
    await userEvent.click(within(form).getByRole('button', { name: 'Benutzer anlegen' }));
    expect(await screen.findByText('Tim Berger')).toBeTruthy();
    expect(calls.find((c) => c.route === 'POST /api/users')!.body).toEqual({
      email: 'tim@x.de',
      name: 'Tim Berger',
      role: 'technician',
      password: 'lang-genug-123',
    });
  });

  it('edits a price and saves the whole catalog', async () => {
    const { api, calls } = mockApi(routes());
    renderScreen(<AdminScreen />, api);
    expect(await screen.findByText('Eingebauter Standardkatalog', { exact: false })).toBeTruthy();
    expect(await screen.findByRole('cell', { name: 'Pauschale' })).toBeTruthy();
    const price = screen.getByLabelText('Netto (EUR) audit');
    await userEvent.clear(price);
    await userEvent.type(price, '520.00');
    await userEvent.click(
      within(screen.getByRole('region', { name: 'Preiskatalog' })).getByRole('button', { name: 'Speichern' }),
    );
    expect(await screen.findByRole('status')).toBeTruthy();
    const body = calls.find((c) => c.route === 'PUT /api/price-catalog')!.body as {
      items: { unitPriceNet: string }[];
      validityDays: number;
    };
    expect(body.items[0]!.unitPriceNet).toBe('520.00');
    expect(body.validityDays).toBe(30);
    await waitFor(() => expect(screen.getByText(/Gespeichert von admin@x\.de/)).toBeTruthy());
  });

  it('shows the check catalog read-only, filterable by area, and leaves out missing integrations', async () => {
    const { api } = mockApi(routes());
    renderScreen(<AdminScreen />, api);
    expect(await screen.findByText('Gateway erreichbar')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Prüfkatalog (nur lesen) (2)' })).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Bereich'), 'security');
    expect(screen.queryByText('Gateway erreichbar')).toBeNull();
    expect(screen.getByText('A1-12')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Integrationen' })).toBeNull();
  });

  it("shows the server's validation error when the catalog is refused", async () => {
    const r = routes();
    r['PUT /api/price-catalog'] = reply(422, {
      code: 'VALIDATION_FAILED',
      message: 'The price catalog is invalid',
      issues: [{ path: 'items.0.unitPriceNet', message: 'not a price' }],
    });
    const { api } = mockApi(r);
    renderScreen(<AdminScreen />, api);
    await screen.findByText('Eingebauter Standardkatalog', { exact: false });
    await userEvent.click(
      within(screen.getByRole('region', { name: 'Preiskatalog' })).getByRole('button', { name: 'Speichern' }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain('items.0.unitPriceNet');
  });

  it("changes a user's role, deactivates and reactivates, and shows the server's refusal for the last admin", async () => {
    const { api, calls } = mockApi(routes());
    renderScreen(<AdminScreen />, api);
    const role = await screen.findByLabelText('Rolle: Tim Technik');
    await userEvent.selectOptions(role, 'helpdesk');
    await userEvent.click(screen.getByRole('button', { name: 'Rolle übernehmen' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.route === 'PATCH /api/users/u2').map((c) => c.body)).toEqual([
        { role: 'helpdesk' },
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Rolle übernehmen' })).toBeNull());

    const tim = () => screen.getByRole('row', { name: /Tim Technik/ });
    await userEvent.click(
      within(tim()).getByRole('button', { name: 'Deaktivieren', description: 'Tim Technik' }),
    );
    expect(await within(tim()).findByRole('button', { name: 'Reaktivieren' })).toBeTruthy();
    expect(within(tim()).getByText('deaktiviert')).toBeTruthy();
    await userEvent.click(within(tim()).getByRole('button', { name: 'Reaktivieren' }));
    expect(await within(tim()).findByRole('button', { name: 'Deaktivieren' })).toBeTruthy();
    // the user's name names exactly one cell (the e2e finds users by it)
    expect(screen.getAllByRole('cell', { name: /Tim Technik/ })).toHaveLength(1);
    expect(calls.filter((c) => c.route === 'PATCH /api/users/u2').map((c) => c.body)).toEqual([
      { role: 'helpdesk' },
      { active: false },
      { active: true },
    ]);

    await userEvent.click(
      within(screen.getByRole('row', { name: /Ada Admin/ })).getByRole('button', { name: 'Deaktivieren' }),
    );
    const users = screen.getByRole('region', { name: 'Benutzer & Rollen' });
    expect((await within(users).findByRole('alert')).textContent).toContain('letzte aktive Admin');
  });

  it('edits the German and English text of a price item and saves them with the catalog', async () => {
    const { api, calls } = mockApi(routes());
    renderScreen(<AdminScreen />, api);
    const de = await screen.findByLabelText('Text (de) audit');
    await userEvent.clear(de);
    await userEvent.type(de, 'Tech-Audit vor Ort');
    const en = screen.getByLabelText('Text (en) audit');
    await userEvent.clear(en);
    await userEvent.type(en, 'On-site tech audit');
    await userEvent.click(
      within(screen.getByRole('region', { name: 'Preiskatalog' })).getByRole('button', { name: 'Speichern' }),
    );
    expect(await screen.findByRole('status')).toBeTruthy();
    const body = calls.find((c) => c.route === 'PUT /api/price-catalog')!.body as {
      items: { text: unknown; unitPriceNet: string }[];
    };
    expect(body.items[0]!.text).toEqual({ de: 'Tech-Audit vor Ort', en: 'On-site tech audit' });
    expect(body.items[0]!.unitPriceNet).toBe('490.00');
    expect(screen.getByLabelText<HTMLInputElement>('Text (de) audit').value).toBe('Tech-Audit vor Ort');
  });

  it('asks for the practice when a user becomes a customer user', async () => {
    const r = routes();
    r['GET /api/customers'] = [
      { id: 'k1', name: 'Praxis Dr. Sonnenschein', kind: 'bag', email: null, phone: null },
    ];
    const { api, calls } = mockApi(r);
    renderScreen(<AdminScreen />, api);
    await userEvent.selectOptions(await screen.findByLabelText('Rolle: Tim Technik'), 'customer');
    const apply = screen.getByRole('button', { name: 'Rolle übernehmen' });
    expect(apply).toHaveProperty('disabled', true);
    await userEvent.selectOptions(
      await screen.findByLabelText('Praxis des Kundenkontos: Tim Technik'),
      'Praxis Dr. Sonnenschein',
    );
    await userEvent.click(apply);
    await waitFor(() =>
      expect(calls.find((c) => c.route === 'PATCH /api/users/u2')?.body).toEqual({
        role: 'customer',
        customerId: 'k1',
      }),
    );
  });
});
