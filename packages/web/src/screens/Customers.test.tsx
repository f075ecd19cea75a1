import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CustomerScreen, CustomersScreen } from './Customers.tsx';
import { mockApi, reply, type RouteTable } from '../test/mock-api.ts';
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
      'GET /api/customers/k1/audit-trail': reply(403, { code: 'FORBIDDEN', message: 'no', issues: [] }),
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
    // a role without the audit-trail permission gets no change log section (and no error)
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Änderungsprotokoll' })).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("shows the server's refusal", async () => {
    const { api } = mockApi({
      'GET /api/customers': reply(403, { code: 'FORBIDDEN', message: 'Not allowed', issues: [] }),
    });
    renderScreen(<CustomersScreen />, api);
    expect((await screen.findByRole('alert')).textContent).toContain('Not allowed');
  });
});

/** A customer held in memory: PATCH/POST/DELETE change it, GET returns the current state. */
function customerRoutes(role = 'helpdesk'): RouteTable {
  const d = {
    ...customers[0]!,
    kind: 'einzelpraxis',
    customerNumber: null as string | null,
    createdAt: '2026-11-20T10:00:00Z',
    sites: [
      {
        id: 's1',
        name: 'Praxis Dr. Sonnenschein',
        street: 'Hauptstraße 5',
        postalCode: '10115',
        city: 'Berlin',
      },
      { id: 's2', name: 'Filiale Nord', street: 'Nordweg 1', postalCode: '13347', city: 'Berlin' },
    ],
    contacts: [
      {
        id: 'p1',
        name: 'Maria Schmidt',
        role: 'Praxismanagerin',
        email: 'm@sonne.de',
        phone: null,
        siteId: null,
      },
    ] as {
      id: string;
      name: string;
      role: string | null;
      email: string | null;
      phone: string | null;
      siteId: string | null;
    }[],
  };
  const trail: object[] = [];
  return {
    'GET /api/customers/k1': () => d,
    'GET /api/customers': customers,
    'PATCH /api/customers/k1': (body: unknown) => {
      trail.unshift({
        id: trail.length + 1,
        at: '2026-11-23T10:00:00Z',
        actor: 'dispatcher@x.de',
        action: 'customer.updated',
        entityType: 'customer',
        entityId: 'k1',
        before: { name: d.name, updatedAt: 'a' },
        after: { name: (body as { name: string }).name, updatedAt: 'b' },
      });
      return Object.assign(d, body);
    },
    'PATCH /api/customers/k1/sites/s2': (body: unknown) => Object.assign(d.sites[1]!, body),
    'POST /api/customers/k1/contacts': (body: unknown) => {
      const k = {
        id: `p${d.contacts.length + 1}`,
        role: null,
        email: null,
        phone: null,
        siteId: null,
        ...(body as { name: string }),
      };
      d.contacts.push(k);
      return reply(201, k);
    },
    'PATCH /api/customers/k1/contacts/p1': (body: unknown) => Object.assign(d.contacts[0]!, body),
    'DELETE /api/customers/k1/contacts/p1': () => {
      d.contacts = d.contacts.filter((k) => k.id !== 'p1');
      return { deleted: 'p1', casesUnlinked: [] };
    },
    'POST /api/customers/k1/merge': () => d,
    'GET /api/customers/k1/audit-trail': () => trail,
    'GET /api/auth/me': () => ({ id: 'u1', email: 'h@x.de', role, customerId: null }),
  };
}

describe('CustomerScreen editing', () => {
  it('edits the customer and shows the 409 hint next to the form', async () => {
    const r = customerRoutes();
    const { api, calls } = mockApi(r);
    renderScreen(<CustomerScreen customerId="k1" />, api);
    await userEvent.click(await screen.findByRole('button', { name: 'Kund*in bearbeiten' }));
    const form = screen.getByRole('form', { name: 'Kund*in bearbeiten' });
    const name = within(form).getByLabelText('Name');
    expect(document.activeElement).toBe(name);
    await userEvent.clear(name);
    await userEvent.type(name, 'Praxis Dr. Sonnenschein & Kollegen');
    await userEvent.selectOptions(within(form).getByLabelText('Art'), 'Berufsausübungsgemeinschaft');
    await userEvent.type(within(form).getByLabelText('Kundennummer'), 'K-42');
    await userEvent.click(within(form).getByRole('button', { name: 'Speichern' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Praxis Dr. Sonnenschein & Kollegen' }),
    ).toBeTruthy();
    expect(calls.find((c) => c.route === 'PATCH /api/customers/k1')!.body).toEqual({
      name: 'Praxis Dr. Sonnenschein & Kollegen',
      kind: 'bag',
      email: 'info@sonne.de',
      phone: '',
      customerNumber: 'K-42',
    });
    expect(screen.getByText(/Kundennummer K-42/)).toBeTruthy();
    // the change log shows who changed what (bookkeeping columns left out)
    const log = screen.getByRole('region', { name: 'Änderungsprotokoll' });
    expect(
      await within(log).findByText('name: Praxis Dr. Sonnenschein → Praxis Dr. Sonnenschein & Kollegen'),
    ).toBeTruthy();
    expect(within(log).getByText('dispatcher@x.de')).toBeTruthy();

    r['PATCH /api/customers/k1'] = reply(409, {
      code: 'CONFLICT',
      message: 'Customer exists',
      issues: [],
      hint: 'Diese Praxis gibt es schon: „MVZ Lindenhof“ (Kunde K-7).',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Kund*in bearbeiten' }));
    const again = screen.getByRole('form', { name: 'Kund*in bearbeiten' });
    await userEvent.click(within(again).getByRole('button', { name: 'Speichern' }));
    expect((await within(again).findByRole('alert')).textContent).toContain('MVZ Lindenhof');
    // the form stays open with the entered values; Abbrechen closes it
    await userEvent.click(within(again).getByRole('button', { name: 'Abbrechen' }));
    expect(screen.queryByRole('form', { name: 'Kund*in bearbeiten' })).toBeNull();
  });

  it('edits a site address by keyboard; a duplicate site is refused with the existing one named', async () => {
    const r = customerRoutes();
    r['PATCH /api/customers/k1/sites/s2'] = reply(409, {
      code: 'CONFLICT',
      message: 'Site exists',
      issues: [],
      hint: 'Diesen Standort gibt es schon: Praxis Dr. Sonnenschein, Hauptstraße 5, 10115 Berlin.',
    });
    const { api, calls } = mockApi(r);
    renderScreen(<CustomerScreen customerId="k1" />, api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Standort bearbeiten: Filiale Nord, Nordweg 1' }),
    );
    const form = screen.getByRole('form', { name: 'Standort bearbeiten' });
    await userEvent.clear(within(form).getByLabelText('Straße und Hausnummer'));
    await userEvent.type(within(form).getByLabelText('Straße und Hausnummer'), 'Hauptstr. 5{Enter}');
    expect((await within(form).findByRole('alert')).textContent).toContain('Hauptstraße 5, 10115 Berlin');
    expect(calls.find((c) => c.route === 'PATCH /api/customers/k1/sites/s2')!.body).toMatchObject({
      street: 'Hauptstr. 5',
      postalCode: '13347',
    });
  });

  it('adds a contact at a site, edits one and deletes one after confirming', async () => {
    const { api, calls } = mockApi(customerRoutes());
    renderScreen(<CustomerScreen customerId="k1" />, api);
    await userEvent.click(await screen.findByRole('button', { name: 'Ansprechpartner*in hinzufügen' }));
    const form = screen.getByRole('form', { name: 'Ansprechpartner*in hinzufügen' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Jonas Weber');
    await userEvent.type(within(form).getByLabelText('Funktion'), 'IT-Beauftragter');
    await userEvent.type(within(form).getByLabelText('Telefon'), '030 777');
    await userEvent.selectOptions(within(form).getByLabelText('Standort'), 'Filiale Nord, Nordweg 1');
    await userEvent.click(within(form).getByRole('button', { name: 'Ansprechpartner*in hinzufügen' }));
    expect(await screen.findByText('Jonas Weber')).toBeTruthy();
    expect(calls.find((c) => c.route === 'POST /api/customers/k1/contacts')!.body).toEqual({
      name: 'Jonas Weber',
      role: 'IT-Beauftragter',
      phone: '030 777',
      email: '',
      siteId: 's2',
    });

    await userEvent.click(screen.getByRole('button', { name: 'Bearbeiten: Maria Schmidt' }));
    const edit = screen.getByRole('form', { name: 'Ansprechpartner*in bearbeiten' });
    await userEvent.type(within(edit).getByLabelText('Telefon'), '030 123');
    await userEvent.click(within(edit).getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('m@sonne.de · 030 123')).toBeTruthy();
    expect(calls.find((c) => c.route === 'PATCH /api/customers/k1/contacts/p1')!.body).toMatchObject({
      phone: '030 123',
      siteId: null,
    });

    await userEvent.click(screen.getByRole('button', { name: 'Löschen: Maria Schmidt' }));
    expect(calls.some((c) => c.route === 'DELETE /api/customers/k1/contacts/p1')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Wirklich löschen: Maria Schmidt' }));
    await screen.findByText('Jonas Weber');
    expect(calls.some((c) => c.route === 'DELETE /api/customers/k1/contacts/p1')).toBe(true);
    expect(screen.queryByText('Maria Schmidt')).toBeNull();
  });

  it('offers no merge to the dispatcher (the server allows it to helpdesk and admin)', async () => {
    const { api, calls } = mockApi(customerRoutes('dispatcher'));
    renderScreen(<CustomerScreen customerId="k1" />, api);
    expect(await screen.findByRole('button', { name: 'Kund*in bearbeiten' })).toBeTruthy();
    await waitFor(() =>
      expect(
        calls.filter((c) => c.route === 'GET /api/auth/me' || c.route === 'GET /api/customers'),
      ).toHaveLength(2),
    );
    // both answers are in (the mock answers at once): the section would show by now for helpdesk
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('region', { name: 'Dublette zusammenführen' })).toBeNull();
  });

  it('shows the technician the customer read-only: no edit, add or delete buttons (the server would answer 403)', async () => {
    const { api, calls } = mockApi(customerRoutes('technician'));
    renderScreen(<CustomerScreen customerId="k1" />, api);
    expect(await screen.findByText('Maria Schmidt')).toBeTruthy();
    await waitFor(() => expect(calls.some((c) => c.route === 'GET /api/auth/me')).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button', { name: 'Kund*in bearbeiten' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Löschen: Maria Schmidt' })).toBeNull();
    expect(screen.queryByRole('button', { name: /bearbeiten|hinzufügen|Löschen/ })).toBeNull();
  });

  it('merges a chosen duplicate into this customer', async () => {
    const { api, calls } = mockApi(customerRoutes());
    renderScreen(<CustomerScreen customerId="k1" />, api);
    const merge = await screen.findByRole('region', { name: 'Dublette zusammenführen' });
    await userEvent.selectOptions(
      await within(merge).findByLabelText('Doppelt angelegte*r Kund*in (wird aufgelöst)'),
      'MVZ Lindenhof',
    );
    await userEvent.click(within(merge).getByRole('button', { name: 'Zusammenführen' }));
    expect(calls.find((c) => c.route === 'POST /api/customers/k1/merge')?.body).toEqual({
      sourceCustomerId: 'k2',
    });
  });
});
