/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return -- JSON bodies of API responses are read loosely in this test */
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../test-support/db.ts';
import { useFixture } from '../test-support/lifecycle.ts';
import { systemActor } from '../context.ts';
import { createCase, linkCustomer } from '../cases/service.ts';

describe.each(ENGINES)('editing customers, sites and contacts on %s', (engine) => {
  const fixture = useFixture(engine);
  const match = async (name: string, street: string, postalCode = '50667', city = 'Köln') =>
    (await (
      await fixture().req('POST', '/api/customers/match', fixture().tokens.helpdesk, {
        name,
        street,
        postalCode,
        city,
      })
    ).json()) as { customerId: string; siteId: string; createdCustomer: boolean; createdSite: boolean };
  const trail = async (entityId: string) =>
    (
      await fixture().server.ctx.database.executeSql(
        'select action, before, after, actor_label from audit_events where entity_id = $1 order by id',
        [entityId],
      )
    ).rows as { action: string; before: any; after: any; actor_label: string }[];

  it('renames a customer; the match keys follow, so the next intake under the new name matches', async () => {
    const a = await match('Praxis Dr. Alt', 'Domstraße 1');
    const res = await fixture().req('PATCH', `/api/customers/${a.customerId}`, fixture().tokens.dispatcher, {
      name: 'Praxis Dr. Neu',
      phone: '0221 123',
      customerNumber: 'K-77',
    });
    expect(res.status).toBe(200);
    const body: any = await res.json();
    expect(body).toMatchObject({ name: 'Praxis Dr. Neu', phone: '0221 123', customerNumber: 'K-77' });
    const again = await match('praxis dr neu', 'Domstr. 1');
    expect(again).toMatchObject({ customerId: a.customerId, siteId: a.siteId, createdSite: false });
    const events = await trail(a.customerId);
    const upd = events.find((e) => e.action === 'customer.updated')!;
    expect(upd.before.name).toBe('Praxis Dr. Alt');
    expect(upd.after.name).toBe('Praxis Dr. Neu');
    expect(upd.actor_label).toBe('dispatcher@praxisready.test');
    // clearing a value
    const cleared: any = await (
      await fixture().req('PATCH', `/api/customers/${a.customerId}`, fixture().tokens.helpdesk, { phone: '' })
    ).json();
    expect(cleared.phone).toBeNull();
  });

  it('refuses a rename or address edit that would duplicate another practice (409 naming it)', async () => {
    const one = await match('Hausarztpraxis Sonne', 'Ringstraße 3');
    const two = await match('Hausarztpraxis Mond', 'Ringstraße 3');
    const rename = await fixture().req(
      'PATCH',
      `/api/customers/${two.customerId}`,
      fixture().tokens.helpdesk,
      {
        name: 'Hausarztpraxis  sonne',
      },
    );
    expect(rename.status).toBe(409);
    const err: any = await rename.json();
    expect(err.code).toBe('CONFLICT');
    expect(err.hint).toContain('Hausarztpraxis Sonne');
    // the same customer's second site moved onto the address of its first: also a duplicate
    const extra = await match('Hausarztpraxis Sonne', 'Nebenweg 9');
    expect(extra).toMatchObject({ customerId: one.customerId, createdSite: true });
    const move = await fixture().req(
      'PATCH',
      `/api/customers/${one.customerId}/sites/${extra.siteId}`,
      fixture().tokens.helpdesk,
      { street: 'Ring Str. 3' },
    );
    expect(move.status).toBe(409);
    // nothing changed
    const c: any = await (
      await fixture().req('GET', `/api/customers/${two.customerId}`, fixture().tokens.helpdesk)
    ).json();
    expect(c.name).toBe('Hausarztpraxis Mond');
  });

  it('edits a site address; matching uses the new address, the old one no longer matches', async () => {
    const p = await match('Zahnarzt Weiß', 'Altstraße 2', '50668');
    const res = await fixture().req(
      'PATCH',
      `/api/customers/${p.customerId}/sites/${p.siteId}`,
      fixture().tokens.helpdesk,
      {
        street: 'Neustraße 10',
        postalCode: '50670',
        city: 'Köln-Nord',
      },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      street: 'Neustraße 10',
      postalCode: '50670',
      city: 'Köln-Nord',
    });
    expect(await match('Zahnarzt Weiss', 'Neustr. 10', '50670')).toMatchObject({
      customerId: p.customerId,
      siteId: p.siteId,
    });
    const events = await trail(p.siteId);
    expect(events.map((e) => e.action)).toEqual(['site.created', 'site.updated']);
    expect(events[1]!.before.street).toBe('Altstraße 2');
    // a site of another customer is not reachable through this one
    const other = await match('Praxis Fremd', 'Fremdweg 1');
    expect(
      (
        await fixture().req(
          'PATCH',
          `/api/customers/${p.customerId}/sites/${other.siteId}`,
          fixture().tokens.helpdesk,
          {},
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await fixture().req(
          'PATCH',
          `/api/customers/${p.customerId}/sites/${p.siteId}`,
          fixture().tokens.helpdesk,
          {
            postalCode: '123',
          },
        )
      ).status,
    ).toBe(400);
  });

  it('creates, edits and deletes contacts per customer and site; a case keeps itself but loses the contact', async () => {
    const p = await match('MVZ Kontakt', 'Kontaktallee 5');
    const res = await fixture().req(
      'POST',
      `/api/customers/${p.customerId}/contacts`,
      fixture().tokens.dispatcher,
      {
        name: 'Maria Schmidt',
        role: 'Praxismanagerin',
        phone: '0221 555',
        email: 'm.schmidt@mvz.example',
        siteId: p.siteId,
      },
    );
    expect(res.status).toBe(201);
    const k: any = await res.json();
    expect(k).toMatchObject({ name: 'Maria Schmidt', siteId: p.siteId });
    const other = await match('Praxis Anders', 'Andersweg 1');
    expect(
      (
        await fixture().req('POST', `/api/customers/${p.customerId}/contacts`, fixture().tokens.helpdesk, {
          name: 'X',
          siteId: other.siteId,
        })
      ).status,
    ).toBe(400);
    const upd = await fixture().req(
      'PATCH',
      `/api/customers/${p.customerId}/contacts/${k.id}`,
      fixture().tokens.helpdesk,
      {
        phone: '0221 556',
        siteId: null,
      },
    );
    expect(await upd.json()).toMatchObject({
      phone: '0221 556',
      siteId: null,
      email: 'm.schmidt@mvz.example',
    });
    const admin = { ...systemActor('test'), role: 'admin' as const };
    const caseId = (await createCase(fixture().server.ctx, admin, { source: 'manual', intake: {} })).caseRow
      .id;
    await linkCustomer(fixture().server.ctx, admin, caseId, { customerId: p.customerId, contactId: k.id });
    const del = await fixture().req(
      'DELETE',
      `/api/customers/${p.customerId}/contacts/${k.id}`,
      fixture().tokens.helpdesk,
    );
    expect(del.status).toBe(200);
    expect(await del.json()).toMatchObject({ deleted: k.id, casesUnlinked: [caseId] });
    const c: any = await (
      await fixture().req('GET', `/api/customers/${p.customerId}`, fixture().tokens.helpdesk)
    ).json();
    expect(c.contacts).toEqual([]);
    expect((await trail(k.id)).map((e) => e.action)).toEqual([
      'contact.created',
      'contact.updated',
      'contact.deleted',
    ]);
    const caseTrail: any[] = await (
      await fixture().req('GET', `/api/cases/${caseId}/audit-trail`, fixture().tokens.helpdesk)
    ).json();
    expect(caseTrail.map((e) => e.action)).toContain('case.contact_removed');
    expect(
      (
        await fixture().req(
          'DELETE',
          `/api/customers/${p.customerId}/contacts/${k.id}`,
          fixture().tokens.helpdesk,
        )
      ).status,
    ).toBe(404);
  });

  it('merges a duplicate customer: same-address sites become one, contacts and cases move, the twin is gone', async () => {
    const keep = await match('Praxis Doppelt', 'Doppelweg 1');
    // the twin: spelled differently enough to escape matching, at the same street plus one more site
    const twin = await match('Praxis Doppelt GbR', 'Doppelweg 1');
    const twin2 = await match('Praxis Doppelt GbR', 'Zweitweg 2');
    expect(twin.customerId).not.toBe(keep.customerId);
    await fixture().req('POST', `/api/customers/${twin.customerId}/contacts`, fixture().tokens.helpdesk, {
      name: 'Tom Twin',
      siteId: twin.siteId,
    });
    const admin = { ...systemActor('test'), role: 'admin' as const };
    const caseId = (await createCase(fixture().server.ctx, admin, { source: 'manual', intake: {} })).caseRow
      .id;
    await linkCustomer(fixture().server.ctx, admin, caseId, {
      customerId: twin.customerId,
      siteId: twin.siteId,
    });
    expect(
      (
        await fixture().req('POST', `/api/customers/${keep.customerId}/merge`, fixture().tokens.dispatcher, {
          sourceCustomerId: twin.customerId,
        })
      ).status,
    ).toBe(403);
    const res = await fixture().req(
      'POST',
      `/api/customers/${keep.customerId}/merge`,
      fixture().tokens.helpdesk,
      {
        sourceCustomerId: twin.customerId,
      },
    );
    expect(res.status).toBe(200);
    const merged: any = await res.json();
    expect(merged.sites.map((s: any) => s.id).sort()).toEqual([keep.siteId, twin2.siteId].sort());
    expect(merged.contacts).toEqual([expect.objectContaining({ name: 'Tom Twin', siteId: keep.siteId })]);
    const kase: any = await (
      await fixture().req('GET', `/api/cases/${caseId}`, fixture().tokens.helpdesk)
    ).json();
    expect(JSON.stringify(kase)).toContain(keep.customerId);
    expect(
      (await fixture().req('GET', `/api/customers/${twin.customerId}`, fixture().tokens.helpdesk)).status,
    ).toBe(404);
    expect((await trail(twin.customerId)).map((e) => e.action)).toContain('customer.merged_away');
    expect(
      (
        await fixture().req('POST', `/api/customers/${keep.customerId}/merge`, fixture().tokens.helpdesk, {
          sourceCustomerId: keep.customerId,
        })
      ).status,
    ).toBe(400);
  });

  it('lets dispatcher, helpdesk and admin edit; technician, sales, ranger and customer are refused', async () => {
    const p = await match('Praxis Rechte', 'Rechteweg 1');
    for (const role of ['technician', 'sales', 'ranger', 'customer'] as const) {
      const res = await fixture().req('PATCH', `/api/customers/${p.customerId}`, fixture().tokens[role], {
        name: 'Hack',
      });
      expect(res.status, role).toBe(403);
    }
    for (const role of ['dispatcher', 'helpdesk', 'admin'] as const) {
      const res = await fixture().req('PATCH', `/api/customers/${p.customerId}`, fixture().tokens[role], {
        kind: 'mvz',
      });
      expect(res.status, role).toBe(200);
    }
  });

  it("lists the customer's master-data trail (customer, sites, contacts incl. deleted), newest first", async () => {
    const p = await match('Praxis Protokoll', 'Protokollweg 1');
    await fixture().req('PATCH', `/api/customers/${p.customerId}`, fixture().tokens.dispatcher, {
      phone: '0221 9',
    });
    const k: any = await (
      await fixture().req('POST', `/api/customers/${p.customerId}/contacts`, fixture().tokens.helpdesk, {
        name: 'Eva Protokoll',
      })
    ).json();
    await fixture().req(
      'DELETE',
      `/api/customers/${p.customerId}/contacts/${k.id}`,
      fixture().tokens.helpdesk,
    );
    await fixture().req('PATCH', `/api/customers/${p.customerId}/sites/${p.siteId}`, fixture().tokens.admin, {
      city: 'Köln-Süd',
    });
    // another customer's events stay out
    const other = await match('Praxis Andere', 'Andereweg 1');
    await fixture().req('PATCH', `/api/customers/${other.customerId}`, fixture().tokens.helpdesk, {
      phone: '1',
    });
    const res = await fixture().req(
      'GET',
      `/api/customers/${p.customerId}/audit-trail`,
      fixture().tokens.dispatcher,
    );
    expect(res.status).toBe(200);
    const trail: any[] = await res.json();
    expect(trail.map((e) => `${e.action} ${e.actor}`)).toEqual([
      'site.updated admin@praxisready.test',
      'contact.deleted helpdesk@praxisready.test',
      'contact.created helpdesk@praxisready.test',
      'customer.updated dispatcher@praxisready.test',
      'site.created helpdesk@praxisready.test',
      'customer.created helpdesk@praxisready.test',
    ]);
    expect(trail[0].before.city).toBe('Köln');
    expect(trail[0].after.city).toBe('Köln-Süd');
    expect(
      (await fixture().req('GET', `/api/customers/${p.customerId}/audit-trail`, fixture().tokens.technician))
        .status,
    ).toBe(403);
  });
});
