/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- JSON bodies of API responses are read loosely in this test */
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../test-support/db.ts';
import { useFixture } from '../test-support/lifecycle.ts';

describe.each(ENGINES)('price item texts and prices on %s', (engine) => {
  const fixture = useFixture(engine);

  it('edits the texts (de/en) and price of one item; the audit trail has the item before/after', async () => {
    const cat: any = await (await fixture().req('GET', '/api/price-catalog', fixture().tokens.admin)).json();
    const item = cat.catalog.items[0];
    const res = await fixture().req('PATCH', `/api/price-catalog/items/${item.id}`, fixture().tokens.admin, {
      text: { de: 'Tech-Audit vor Ort (neu)', en: 'On-site tech audit (new)' },
      description: { de: 'inkl. Bericht', en: 'incl. report' },
      unitPriceNet: '512.50',
    });
    expect(res.status).toBe(200);
    const after: any = await res.json();
    expect(after.source).toBe('database');
    const edited = after.catalog.items.find((i: any) => i.id === item.id);
    expect(edited).toMatchObject({
      text: { de: 'Tech-Audit vor Ort (neu)', en: 'On-site tech audit (new)' },
      description: { de: 'inkl. Bericht', en: 'incl. report' },
      unitPriceNet: '512.50',
      unit: item.unit,
    });
    // the other items are untouched
    expect(after.catalog.items.slice(1)).toEqual(cat.catalog.items.slice(1));
    const ev = (
      await fixture().server.ctx.database.executeSql(
        "select before, after from audit_events where action = 'price_item.updated' order by id desc limit 1",
      )
    ).rows[0] as any;
    expect(Object.keys(ev.after.items)).toEqual([item.id]);
    expect(ev.before.items[item.id].text).toEqual(item.text);
    expect(ev.after.items[item.id].unitPriceNet).toBe('512.50');
  });

  it('refuses empty texts, invalid prices, unknown items and non-admins', async () => {
    const cat: any = await (await fixture().req('GET', '/api/price-catalog', fixture().tokens.admin)).json();
    const id = cat.catalog.items[0].id;
    const empty = await fixture().req('PATCH', `/api/price-catalog/items/${id}`, fixture().tokens.admin, {
      text: { de: '', en: 'x' },
    });
    expect(empty.status).toBe(400);
    const price = await fixture().req('PATCH', `/api/price-catalog/items/${id}`, fixture().tokens.admin, {
      unitPriceNet: '12,5',
    });
    expect(price.status).toBe(400);
    expect(JSON.stringify(await price.json())).toContain('unitPriceNet');
    expect(
      (await fixture().req('PATCH', '/api/price-catalog/items/gibts-nicht', fixture().tokens.admin, {}))
        .status,
    ).toBe(404);
    for (const role of ['technician', 'sales', 'helpdesk'] as const) {
      expect(
        (
          await fixture().req('PATCH', `/api/price-catalog/items/${id}`, fixture().tokens[role], {
            unitPriceNet: '1.00',
          })
        ).status,
      ).toBe(403);
    }
    const still: any = await (
      await fixture().req('GET', '/api/price-catalog', fixture().tokens.admin)
    ).json();
    expect(still.catalog.items[0].unitPriceNet).not.toBe('1.00');
  });
});
