import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { AppError } from '@praxisready/model';
import type { Actor } from '../context.ts';
import type { DbOrTx } from '../db/connect.ts';
import { auditEvents, cases, contacts, customers, searchDocs, sites, users } from '../db/schema.ts';
import { recordAudit } from '../audit/trail.ts';
import { notFound } from '../errors.ts';
import { contactDto, getCustomerRow, indexCustomer, siteDto } from './service.ts';
import { customerMatchKey, normalizePostalCode, siteMatchKey } from './normalize.ts';

/**
 * Editing master data (issue 7). The match keys stay the duplicate guard after every edit: a site's key is
 * customer name + street + postal code (as `matchOrCreatePractice` builds it), a customer's key is name +
 * postal code of its first site. An edit that would make a key another row already has is a 409 whose hint
 * names that row, so the person can open it (or merge) instead of creating a twin.
 */

type CustomerRow = typeof customers.$inferSelect;
type SiteRow = typeof sites.$inferSelect;
type ContactRow = typeof contacts.$inferSelect;

export const CustomerKinds = ['einzelpraxis', 'bag', 'mvz', 'other'] as const;

export interface CustomerPatch {
  name?: string | undefined;
  kind?: (typeof CustomerKinds)[number] | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  customerNumber?: string | null | undefined;
}

export interface SitePatch {
  name?: string | undefined;
  street?: string | undefined;
  postalCode?: string | undefined;
  city?: string | undefined;
  country?: string | undefined;
}

export interface ContactInput {
  name: string;
  role?: string | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  siteId?: string | null | undefined;
}

const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);

function address(s: Pick<SiteRow, 'name' | 'street' | 'postalCode' | 'city'>): string {
  return `${s.name}, ${s.street}, ${s.postalCode} ${s.city}`;
}

/** A unique-key race lost to another writer between our check and our write (PostgreSQL 23505). */
function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e; x instanceof Error; x = x.cause) {
    if ((x as { code?: unknown }).code === '23505') {
      return true;
    }
  }
  return false;
}

async function guardUnique<T>(work: () => Promise<T>, what: string): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError('CONFLICT', `${what} would duplicate an existing one`, {
        hint: `${what}: ein gleichnamiger Eintrag mit dieser Adresse wurde gerade angelegt; bitte neu laden.`,
      });
    }
    throw e;
  }
}

async function sitesOf(tx: DbOrTx, customerId: string) {
  return tx
    .select()
    .from(sites)
    .where(eq(sites.customerId, customerId))
    .orderBy(asc(sites.createdAt), asc(sites.id));
}

/** 409 when another customer already has `key`; the hint names it. */
async function assertCustomerKeyFree(tx: DbOrTx, key: string, selfId: string): Promise<void> {
  const other = (
    await tx
      .select()
      .from(customers)
      .where(and(eq(customers.matchKey, key), ne(customers.id, selfId)))
  )[0];
  if (other) {
    const site = (await sitesOf(tx, other.id))[0];
    const where = [
      site ? `${site.street}, ${site.postalCode} ${site.city}` : '',
      other.customerNumber ? `Kundennummer ${other.customerNumber}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    throw new AppError(
      'CONFLICT',
      `Customer "${other.name}" (${other.id}) already has this name and postal code`,
      {
        details: { existingCustomerId: other.id },
        hint: `Diese Praxis gibt es schon: „${other.name}“${where ? ` (${where})` : ''}. Bitte dort bearbeiten oder die Kunden zusammenführen.`,
      },
    );
  }
}

/** 409 when a site outside `selfIds` already has `key`; the hint names it and its customer. */
async function assertSiteKeyFree(tx: DbOrTx, key: string, selfIds: string[]): Promise<void> {
  const other = (await tx.select().from(sites).where(eq(sites.matchKey, key)))[0];
  if (other && !selfIds.includes(other.id)) {
    const owner = (await tx.select().from(customers).where(eq(customers.id, other.customerId)))[0];
    throw new AppError('CONFLICT', `Site "${address(other)}" (${other.id}) already exists`, {
      details: { existingSiteId: other.id, existingCustomerId: other.customerId },
      hint: `Diesen Standort gibt es schon: ${address(other)} (Kunde „${owner?.name ?? other.customerId}“).`,
    });
  }
}

/** The customer's key from its name and its first site's postal code (kept when it has no site). */
function customerKeyFor(name: string, firstSite: Pick<SiteRow, 'postalCode'> | undefined, oldKey: string) {
  const postal = firstSite ? normalizePostalCode(firstSite.postalCode) : (oldKey.split('|')[1] ?? '');
  return customerMatchKey(name, postal);
}

/**
 * Recomputes the keys of a customer and its sites after a name or address change, refusing (409) when one
 * would collide with another customer or site. Returns the rows whose key changes.
 */
async function rekey(tx: DbOrTx, customer: CustomerRow, name: string, siteRows: SiteRow[]) {
  const customerKey = customerKeyFor(name, siteRows[0], customer.matchKey);
  await assertCustomerKeyFree(tx, customerKey, customer.id);
  const siteKeys = siteRows.map((s) => ({ id: s.id, key: siteMatchKey(name, s.street, s.postalCode) }));
  const seen = new Set<string>();
  for (const { key } of siteKeys) {
    if (seen.has(key)) {
      throw new AppError('CONFLICT', 'Two sites of this customer would have the same address', {
        hint: 'Zwei Standorte dieses Kunden hätten dieselbe Adresse; bitte einen davon anpassen.',
      });
    }
    seen.add(key);
    await assertSiteKeyFree(
      tx,
      key,
      siteRows.map((s) => s.id),
    );
  }
  return { customerKey, siteKeys };
}

async function writeSiteKeys(tx: DbOrTx, siteKeys: { id: string; key: string }[], current: SiteRow[]) {
  const changed = siteKeys.filter((k) => current.find((s) => s.id === k.id)?.matchKey !== k.key);
  // Two passes so that swapping keys between sites of one customer never hits the unique index midway.
  for (const k of changed) {
    await tx
      .update(sites)
      .set({ matchKey: `rekey:${k.id}` })
      .where(eq(sites.id, k.id));
  }
  for (const k of changed) {
    await tx.update(sites).set({ matchKey: k.key }).where(eq(sites.id, k.id));
  }
}

export async function updateCustomer(tx: DbOrTx, actor: Actor, customerId: string, patch: CustomerPatch) {
  const before = await getCustomerRow(tx, customerId);
  const name = patch.name?.trim() ?? before.name;
  const siteRows = await sitesOf(tx, customerId);
  const { customerKey, siteKeys } = await rekey(tx, before, name, siteRows);
  const set = {
    name,
    matchKey: customerKey,
    ...(patch.kind === undefined ? {} : { kind: patch.kind }),
    ...(patch.email === undefined ? {} : { email: blankToNull(patch.email) }),
    ...(patch.phone === undefined ? {} : { phone: blankToNull(patch.phone) }),
    ...(patch.customerNumber === undefined ? {} : { customerNumber: blankToNull(patch.customerNumber) }),
    updatedAt: new Date(),
  };
  const after = await guardUnique(async () => {
    const row = (await tx.update(customers).set(set).where(eq(customers.id, customerId)).returning())[0]!;
    await writeSiteKeys(tx, siteKeys, siteRows);
    return row;
  }, 'Kunde');
  await recordAudit(tx, actor, {
    action: 'customer.updated',
    entityType: 'customer',
    entityId: customerId,
    before,
    after,
  });
  await indexCustomer(tx, customerId);
  return after;
}

async function getSiteOf(tx: DbOrTx, customerId: string, siteId: string): Promise<SiteRow> {
  const s = (
    await tx
      .select()
      .from(sites)
      .where(and(eq(sites.id, siteId), eq(sites.customerId, customerId)))
  )[0];
  if (!s) {
    throw notFound('Site');
  }
  return s;
}

export async function updateSite(
  tx: DbOrTx,
  actor: Actor,
  customerId: string,
  siteId: string,
  patch: SitePatch,
) {
  const customer = await getCustomerRow(tx, customerId);
  const before = await getSiteOf(tx, customerId, siteId);
  const next = {
    name: patch.name?.trim() ?? before.name,
    street: patch.street?.trim() ?? before.street,
    postalCode: patch.postalCode?.trim() ?? before.postalCode,
    city: patch.city?.trim() ?? before.city,
    country: patch.country?.trim().toUpperCase() ?? before.country,
  };
  const siteRows = (await sitesOf(tx, customerId)).map((s) => (s.id === siteId ? { ...s, ...next } : s));
  // The first site's postal code is part of the customer's key, so a site edit can re-key the customer too.
  const { customerKey, siteKeys } = await rekey(tx, customer, customer.name, siteRows);
  const after = await guardUnique(async () => {
    await writeSiteKeys(
      tx,
      siteKeys,
      siteRows.map((s) => (s.id === siteId ? before : s)),
    );
    const row = (await tx.update(sites).set(next).where(eq(sites.id, siteId)).returning())[0]!;
    if (customerKey !== customer.matchKey) {
      await tx
        .update(customers)
        .set({ matchKey: customerKey, updatedAt: new Date() })
        .where(eq(customers.id, customerId));
    }
    return row;
  }, 'Standort');
  await recordAudit(tx, actor, {
    action: 'site.updated',
    entityType: 'site',
    entityId: siteId,
    before,
    after,
  });
  await indexCustomer(tx, customerId);
  return siteDto(after);
}

async function assertSiteBelongs(tx: DbOrTx, customerId: string, siteId: string | null | undefined) {
  if (siteId) {
    await getSiteOf(tx, customerId, siteId).catch(() => {
      throw new AppError('VALIDATION_FAILED', 'The site does not belong to this customer', {
        issues: [
          { code: 'invalid', path: ['siteId'], message: 'not a site of this customer', severity: 'error' },
        ],
      });
    });
  }
}

export async function addContact(tx: DbOrTx, actor: Actor, customerId: string, c: ContactInput) {
  await getCustomerRow(tx, customerId);
  await assertSiteBelongs(tx, customerId, c.siteId);
  const row = {
    id: randomUUID(),
    customerId,
    siteId: c.siteId ?? null,
    name: c.name.trim(),
    role: c.role?.trim() || 'other',
    email: blankToNull(c.email) ?? null,
    phone: blankToNull(c.phone) ?? null,
  };
  await tx.insert(contacts).values(row);
  await recordAudit(tx, actor, {
    action: 'contact.created',
    entityType: 'contact',
    entityId: row.id,
    after: row,
  });
  await indexCustomer(tx, customerId);
  return contactDto({ ...row, createdAt: new Date() });
}

async function getContactOf(tx: DbOrTx, customerId: string, contactId: string): Promise<ContactRow> {
  const k = (
    await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, contactId), eq(contacts.customerId, customerId)))
  )[0];
  if (!k) {
    throw notFound('Contact');
  }
  return k;
}

export async function updateContact(
  tx: DbOrTx,
  actor: Actor,
  customerId: string,
  contactId: string,
  patch: Partial<ContactInput>,
) {
  const before = await getContactOf(tx, customerId, contactId);
  await assertSiteBelongs(tx, customerId, patch.siteId);
  const set = {
    ...(patch.name === undefined ? {} : { name: patch.name.trim() }),
    ...(patch.role === undefined ? {} : { role: patch.role.trim() || 'other' }),
    ...(patch.email === undefined ? {} : { email: blankToNull(patch.email) }),
    ...(patch.phone === undefined ? {} : { phone: blankToNull(patch.phone) }),
    ...(patch.siteId === undefined ? {} : { siteId: patch.siteId }),
  };
  const after =
    Object.keys(set).length === 0
      ? before
      : (await tx.update(contacts).set(set).where(eq(contacts.id, contactId)).returning())[0]!;
  await recordAudit(tx, actor, {
    action: 'contact.updated',
    entityType: 'contact',
    entityId: contactId,
    before,
    after,
  });
  await indexCustomer(tx, customerId);
  return contactDto(after);
}

/** Removes a contact; cases that named them as their contact keep the case but lose the link (audited there). */
export async function deleteContact(tx: DbOrTx, actor: Actor, customerId: string, contactId: string) {
  const before = await getContactOf(tx, customerId, contactId);
  const linked = await tx
    .update(cases)
    .set({ contactId: null, updatedAt: new Date() })
    .where(eq(cases.contactId, contactId))
    .returning({ id: cases.id });
  for (const c of linked) {
    await recordAudit(tx, actor, {
      action: 'case.contact_removed',
      entityType: 'case',
      entityId: c.id,
      caseId: c.id,
      before: { contactId },
      after: { contactId: null },
    });
  }
  await tx.delete(contacts).where(eq(contacts.id, contactId));
  await recordAudit(tx, actor, {
    action: 'contact.deleted',
    entityType: 'contact',
    entityId: contactId,
    before,
  });
  await indexCustomer(tx, customerId);
  return { deleted: contactId, casesUnlinked: linked.map((c) => c.id) };
}

/**
 * Merges a duplicate customer into another: its sites, contacts, cases and customer users move over; a site
 * with the same address as one of the target's becomes that one (its cases and contacts are re-pointed); the
 * duplicate is deleted. One audit event on each side with the moved ids.
 */
export async function mergeCustomers(tx: DbOrTx, actor: Actor, targetId: string, sourceId: string) {
  if (targetId === sourceId) {
    throw new AppError('VALIDATION_FAILED', 'A customer cannot be merged into itself', {
      issues: [
        { code: 'invalid', path: ['sourceCustomerId'], message: 'same as the target', severity: 'error' },
      ],
    });
  }
  const target = await getCustomerRow(tx, targetId);
  const source = await getCustomerRow(tx, sourceId);
  const targetSites = await sitesOf(tx, targetId);
  const sourceSites = await sitesOf(tx, sourceId);
  const byKey = new Map(targetSites.map((s) => [s.matchKey, s]));
  const movedSites: string[] = [];
  const mergedSites: { from: string; into: string }[] = [];
  for (const s of sourceSites) {
    const key = siteMatchKey(target.name, s.street, s.postalCode);
    const twin = byKey.get(key);
    if (twin) {
      await tx.update(cases).set({ siteId: twin.id }).where(eq(cases.siteId, s.id));
      await tx.update(contacts).set({ siteId: twin.id }).where(eq(contacts.siteId, s.id));
      await tx.delete(sites).where(eq(sites.id, s.id));
      mergedSites.push({ from: s.id, into: twin.id });
      continue;
    }
    await assertSiteKeyFree(tx, key, [s.id]);
    await tx.update(sites).set({ customerId: targetId, matchKey: key }).where(eq(sites.id, s.id));
    byKey.set(key, s);
    movedSites.push(s.id);
  }
  const movedContacts = await tx
    .update(contacts)
    .set({ customerId: targetId })
    .where(eq(contacts.customerId, sourceId))
    .returning({ id: contacts.id });
  const movedCases = await tx
    .update(cases)
    .set({ customerId: targetId, updatedAt: new Date() })
    .where(eq(cases.customerId, sourceId))
    .returning({ id: cases.id });
  const movedUsers = await tx
    .update(users)
    .set({ customerId: targetId })
    .where(eq(users.customerId, sourceId))
    .returning({ id: users.id });
  await tx.delete(searchDocs).where(and(eq(searchDocs.kind, 'customer'), eq(searchDocs.refId, sourceId)));
  await tx.delete(customers).where(eq(customers.id, sourceId));
  const moved = {
    sites: movedSites,
    mergedSites,
    contacts: movedContacts.map((x) => x.id),
    cases: movedCases.map((x) => x.id),
    users: movedUsers.map((x) => x.id),
  };
  await recordAudit(tx, actor, {
    action: 'customer.merged_away',
    entityType: 'customer',
    entityId: sourceId,
    before: source,
    after: { mergedInto: targetId, ...moved },
  });
  await recordAudit(tx, actor, {
    action: 'customer.merged',
    entityType: 'customer',
    entityId: targetId,
    before: { customerId: targetId, sites: targetSites.map((s) => s.id) },
    after: { mergedFrom: sourceId, ...moved },
  });
  for (const c of movedCases) {
    await recordAudit(tx, actor, {
      action: 'case.customer_merged',
      entityType: 'case',
      entityId: c.id,
      caseId: c.id,
      before: { customerId: sourceId },
      after: { customerId: targetId },
    });
  }
  await indexCustomer(tx, targetId);
  return { customerId: targetId, mergedFrom: sourceId, ...moved };
}

/**
 * Who changed this customer's master data, newest first: the customer's own events and those of its sites and
 * contacts (found by the customerId in their before/after rows, so deleted contacts and merged-away sites stay
 * listed). Unindexed JSON match over the audit table: fine for the sizes of a Systemhaus, bounded by `limit`.
 */
export async function customerAuditTrail(tx: DbOrTx, customerId: string, limit = 200) {
  await getCustomerRow(tx, customerId);
  const rows = await tx
    .select()
    .from(auditEvents)
    .where(
      or(
        and(eq(auditEvents.entityType, 'customer'), eq(auditEvents.entityId, customerId)),
        and(
          inArray(auditEvents.entityType, ['site', 'contact']),
          or(
            sql`${auditEvents.after} ->> 'customerId' = ${customerId}`,
            sql`${auditEvents.before} ->> 'customerId' = ${customerId}`,
          ),
        ),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actorLabel,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
  }));
}
