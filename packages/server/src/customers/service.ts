import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../context.ts';
import type { DbOrTx } from '../db/connect.ts';
import { contacts, customers, sites } from '../db/schema.ts';
import { recordAudit } from '../audit/trail.ts';
import { indexDoc } from '../search/index-docs.ts';
import { notFound } from '../errors.ts';
import { customerMatchKey, siteMatchKey } from './normalize.ts';

export interface PracticeInput {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  kind?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  siteName?: string | undefined;
}

export interface MatchResult {
  customerId: string;
  siteId: string;
  createdCustomer: boolean;
  createdSite: boolean;
}

/**
 * Finds the site by its normalised name + address, or creates customer and site. The unique match keys make
 * this safe under concurrency: a second writer's insert does nothing and it reads the first one's row.
 */
export async function matchOrCreatePractice(
  tx: DbOrTx,
  actor: Actor,
  p: PracticeInput,
): Promise<MatchResult> {
  const sKey = siteMatchKey(p.name, p.street, p.postalCode);
  const existingSite = await tx.select().from(sites).where(eq(sites.matchKey, sKey)).limit(1);
  if (existingSite[0]) {
    return {
      customerId: existingSite[0].customerId,
      siteId: existingSite[0].id,
      createdCustomer: false,
      createdSite: false,
    };
  }
  const cKey = customerMatchKey(p.name, p.postalCode);
  let createdCustomer = false;
  const newCustomer = {
    id: randomUUID(),
    name: p.name.trim(),
    matchKey: cKey,
    kind: p.kind ?? 'einzelpraxis',
    email: p.email ?? null,
    phone: p.phone ?? null,
  };
  const inserted = await tx.insert(customers).values(newCustomer).onConflictDoNothing().returning();
  let customerId: string;
  if (inserted[0]) {
    createdCustomer = true;
    customerId = inserted[0].id;
    await recordAudit(tx, actor, {
      action: 'customer.created',
      entityType: 'customer',
      entityId: customerId,
      after: inserted[0],
    });
  } else {
    const found = await tx.select({ id: customers.id }).from(customers).where(eq(customers.matchKey, cKey));
    customerId = found[0]!.id;
  }
  const site = {
    id: randomUUID(),
    customerId,
    name: (p.siteName ?? p.name).trim(),
    street: p.street.trim(),
    postalCode: p.postalCode.trim(),
    city: p.city.trim(),
    matchKey: sKey,
  };
  const insertedSite = await tx.insert(sites).values(site).onConflictDoNothing().returning();
  if (!insertedSite[0]) {
    const found = await tx.select().from(sites).where(eq(sites.matchKey, sKey));
    return { customerId: found[0]!.customerId, siteId: found[0]!.id, createdCustomer, createdSite: false };
  }
  await recordAudit(tx, actor, {
    action: 'site.created',
    entityType: 'site',
    entityId: site.id,
    after: insertedSite[0],
  });
  await indexCustomer(tx, customerId);
  return { customerId, siteId: site.id, createdCustomer, createdSite: true };
}

export async function getCustomerRow(tx: DbOrTx, id: string) {
  const row = (await tx.select().from(customers).where(eq(customers.id, id)))[0];
  if (!row) {
    throw notFound('Customer');
  }
  return row;
}

export async function getCustomer(tx: DbOrTx, id: string) {
  const c = await getCustomerRow(tx, id);
  const [s, k] = await Promise.all([
    tx.select().from(sites).where(eq(sites.customerId, id)).orderBy(asc(sites.createdAt)),
    tx.select().from(contacts).where(eq(contacts.customerId, id)).orderBy(asc(contacts.createdAt)),
  ]);
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    email: c.email,
    phone: c.phone,
    customerNumber: c.customerNumber,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    sites: s.map(siteDto),
    contacts: k.map(contactDto),
  };
}

export function contactDto(x: typeof contacts.$inferSelect) {
  return { id: x.id, name: x.name, role: x.role, email: x.email, phone: x.phone, siteId: x.siteId };
}

export function siteDto(s: typeof sites.$inferSelect) {
  return {
    id: s.id,
    name: s.name,
    street: s.street,
    postalCode: s.postalCode,
    city: s.city,
    country: s.country,
  };
}

export async function listCustomers(tx: DbOrTx, limit = 100) {
  const rows = await tx.select().from(customers).orderBy(asc(customers.name)).limit(limit);
  return rows.map((c) => ({ id: c.id, name: c.name, kind: c.kind, email: c.email, phone: c.phone }));
}

export async function sitesByIds(tx: DbOrTx, ids: string[]) {
  return ids.length === 0 ? [] : tx.select().from(sites).where(inArray(sites.id, ids));
}

export async function indexCustomer(tx: DbOrTx, customerId: string) {
  const c = await getCustomerRow(tx, customerId);
  const [s, k] = await Promise.all([
    tx.select().from(sites).where(eq(sites.customerId, customerId)),
    tx.select().from(contacts).where(eq(contacts.customerId, customerId)),
  ]);
  await indexDoc(tx, {
    kind: 'customer',
    refId: customerId,
    caseId: null,
    title: c.name,
    body: [
      c.email ?? '',
      c.phone ?? '',
      ...s.map((x) => `${x.name} ${x.street} ${x.postalCode} ${x.city}`),
      ...k.map((x) => `${x.name} ${x.email ?? ''} ${x.phone ?? ''}`),
    ].join('\n'),
  });
}
