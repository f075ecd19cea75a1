import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  AppError,
  AuditSheetSchema,
  ContactRole,
  computeScores,
  validateWith,
  type AuditSheet,
  type Finding,
} from '@praxisready/model';
import {
  buildArtifactBundle,
  buildOffer,
  centralRowOf,
  composeReportMail,
  defaultPriceCatalog,
  exportCentralSheet,
  importCentralSheet,
  parsePriceCatalog,
  renderOffer,
  renderReport,
  type Artifact,
  type CentralSheetRow,
  type DocLang,
  type EvidenceImage,
  type PriceCatalog,
  type PriceCatalogInput,
} from '@praxisready/documents';
import { parseIntakeMail, sendMail, type MailPerson } from '@praxisready/mail';
import { checks } from '@praxisready/rules';
import type { Actor, AppContext } from '../context.ts';
import type { DbOrTx } from '../db/connect.ts';
import {
  artifacts,
  caseAssignments,
  caseMails,
  cases,
  contacts,
  customers,
  findings,
  settings,
  sites,
  users,
} from '../db/schema.ts';
import { recordAudit } from '../audit/trail.ts';
import { addArtifact, readArtifact } from '../artifacts/service.ts';
import { autoTick, loadCase, updateSales, type CaseRow } from '../cases/service.ts';
import { readSheet } from '../sheets/service.ts';
import { SALES_MOVES, type SalesStatus } from '../cases/workflow.ts';

const PRICE_CATALOG_KEY = 'price_catalog';
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const OUT_FOLDER = '04_Nacharbeit' as const;

/** "1490.00" from integer cents; no floating point on amounts. */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The catalog back in the JSON form an admin edits (prices as decimal strings). */
export function catalogToJson(c: PriceCatalog): PriceCatalogInput {
  return {
    currency: 'EUR',
    validityDays: c.validityDays,
    ...(c.packageItemId === undefined ? {} : { packageItemId: c.packageItemId }),
    maintenanceItemIds: [...c.maintenanceItemIds],
    items: [...c.items.values()].map((i) => ({
      id: i.id,
      kind: i.kind,
      text: i.text,
      ...(i.description === undefined ? {} : { description: i.description }),
      unit: i.unit,
      unitPriceNet: centsToDecimal(i.unitCents),
      vatRate: i.vatBasisPoints / 100,
      includes: [...i.includes],
      ...(i.period === undefined ? {} : { period: i.period }),
    })),
  };
}

function validateCatalog(json: unknown): PriceCatalog {
  const r = parsePriceCatalog(json);
  if (!r.success) {
    throw new AppError('VALIDATION_FAILED', 'The price catalog is invalid', { issues: r.issues });
  }
  return r.data;
}

/** The stored price catalog (admin-edited JSON), or the documents package's default. */
export async function readPriceCatalog(db: DbOrTx) {
  const row = (await db.select().from(settings).where(eq(settings.key, PRICE_CATALOG_KEY)))[0];
  if (!row) {
    return {
      source: 'default' as const,
      updatedAt: null,
      updatedBy: null,
      catalog: catalogToJson(defaultPriceCatalog()),
    };
  }
  return {
    source: 'database' as const,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    catalog: row.value as PriceCatalogInput,
  };
}

async function priceCatalog(db: DbOrTx): Promise<PriceCatalog> {
  return validateCatalog((await readPriceCatalog(db)).catalog);
}

type CatalogItemJson = PriceCatalogInput['items'][number];

/**
 * What a catalog write changed, for the audit trail: before/after of each added, removed or edited item
 * (whole item JSON) and of the catalog-level fields, instead of only the item counts.
 */
function catalogDiff(before: PriceCatalogInput | null, after: PriceCatalogInput) {
  const was = new Map((before?.items ?? []).map((i) => [i.id, i]));
  const now = new Map(after.items.map((i) => [i.id, i]));
  const items: { id: string; before: CatalogItemJson | null; after: CatalogItemJson | null }[] = [];
  for (const id of new Set([...was.keys(), ...now.keys()])) {
    const b = was.get(id) ?? null;
    const a = now.get(id) ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) {
      items.push({ id, before: b, after: a });
    }
  }
  const head = (c: PriceCatalogInput | null) =>
    c && {
      validityDays: c.validityDays,
      packageItemId: c.packageItemId,
      maintenanceItemIds: c.maintenanceItemIds,
    };
  return {
    before: { ...head(before), items: Object.fromEntries(items.map((i) => [i.id, i.before])) },
    after: { ...head(after), items: Object.fromEntries(items.map((i) => [i.id, i.after])) },
  };
}

/** Read-modify-write of the stored catalog with its row locked, so two item edits never lose one another. */
async function storeCatalog(
  ctx: AppContext,
  actor: Actor,
  action: string,
  build: (current: PriceCatalogInput) => PriceCatalogInput,
) {
  await ctx.db.transaction(async (tx) => {
    const row = (
      await tx.select().from(settings).where(eq(settings.key, PRICE_CATALOG_KEY)).for('update')
    )[0];
    // Against the default when nothing is stored yet, so the first edit shows what it changed.
    const before = row ? (row.value as PriceCatalogInput) : catalogToJson(defaultPriceCatalog());
    const value = build(before);
    await tx
      .insert(settings)
      .values({ key: PRICE_CATALOG_KEY, value, updatedBy: actor.label })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value, updatedAt: new Date(), updatedBy: actor.label },
      });
    await recordAudit(tx, actor, {
      action,
      entityType: 'settings',
      entityId: PRICE_CATALOG_KEY,
      ...catalogDiff(before, value),
    });
  });
  return readPriceCatalog(ctx.db);
}

/** Validates with the documents package's schema and stores the catalog; audited (changed items before/after). */
export async function writePriceCatalog(ctx: AppContext, actor: Actor, json: unknown) {
  const value = catalogToJson(validateCatalog(json));
  return storeCatalog(ctx, actor, 'price_catalog.updated', () => value);
}

export interface PriceItemPatch {
  text?: { de: string; en: string } | undefined;
  description?: { de: string; en: string } | null | undefined;
  unit?: { de: string; en: string } | undefined;
  unitPriceNet?: string | undefined;
  vatRate?: number | undefined;
}

/** Edits one item's texts (de/en) and/or price; the whole catalog is validated again before it is stored. */
export async function updatePriceItem(ctx: AppContext, actor: Actor, itemId: string, patch: PriceItemPatch) {
  return storeCatalog(ctx, actor, 'price_item.updated', (current) => {
    const item = current.items.find((i) => i.id === itemId);
    if (!item) {
      throw new AppError('NOT_FOUND', `Price item ${itemId} not found`);
    }
    const { description, ...rest } = patch;
    const edited: CatalogItemJson = {
      ...item,
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    };
    if (description === null) {
      delete edited.description;
    } else if (description !== undefined) {
      edited.description = description;
    }
    return catalogToJson(
      validateCatalog({ ...current, items: current.items.map((i) => (i.id === itemId ? edited : i)) }),
    );
  });
}

/** The read-only check catalog of the rules package. */
export function checkCatalog() {
  return checks.map((c) => ({
    id: c.id,
    area: c.area,
    severity: c.severity,
    title: { de: c.title.de, en: c.title.en },
    kbv: [...(c.kbvRefs ?? [])],
  }));
}

function parseSheet(data: unknown): AuditSheet {
  const r = validateWith(AuditSheetSchema, data);
  if (!r.success) {
    throw new AppError('VALIDATION_FAILED', 'The audit sheet of the case does not match its schema', {
      issues: r.issues,
    });
  }
  return r.data;
}

/**
 * The sheet as the documents show it: what the technician recorded, with gaps filled from the case (linked
 * customer and site, the case's contact person, the assigned technician). Recorded values always win.
 */
async function documentSheet(db: DbOrTx, c: CaseRow): Promise<AuditSheet> {
  const sheet = parseSheet((await readSheet(db, c)).sheet);
  const [cust, site, contact, tech] = await Promise.all([
    c.customerId ? db.select().from(customers).where(eq(customers.id, c.customerId)) : [],
    c.siteId ? db.select().from(sites).where(eq(sites.id, c.siteId)) : [],
    c.contactId ? db.select().from(contacts).where(eq(contacts.id, c.contactId)) : [],
    db
      .select({ name: users.name })
      .from(caseAssignments)
      .innerJoin(users, eq(users.id, caseAssignments.userId))
      .where(and(eq(caseAssignments.caseId, c.id), eq(caseAssignments.role, 'technician'))),
  ]);
  const customer = cust[0];
  const s = site[0];
  const k = contact[0];
  const practice = { ...sheet.practice };
  if (customer) {
    if (practice.id === 'unknown') {
      practice.id = customer.id;
    }
    practice.customerNumber ??= customer.customerNumber ?? undefined;
    practice.email ??= customer.email ?? undefined;
    practice.phone ??= customer.phone ?? undefined;
  }
  const address = s
    ? { street: s.street, postalCode: s.postalCode, city: s.city, country: s.country }
    : undefined;
  if (address && /^\d{5}$/.test(address.postalCode)) {
    practice.address ??= address;
  }
  if (k?.email && !practice.contacts.some((x) => x.email)) {
    practice.contacts = [
      ...practice.contacts,
      {
        id: k.id,
        name: k.name,
        role: k.role in ContactRole ? (k.role as ContactRole) : 'other',
        email: k.email,
        ...(k.phone ? { phone: k.phone } : {}),
      },
    ];
  }
  // Last resort for the recipient: the address the request came from (intake).
  const requester = (c.intake as { email?: string }).email;
  if (!practice.email && !practice.contacts.some((x) => x.email) && requester && EMAIL.test(requester)) {
    practice.email = requester;
  }
  return {
    ...sheet,
    caseId: c.id,
    stage: sheet.stage,
    practice,
    ...(sheet.site === undefined && s
      ? {
          site: {
            id: s.id,
            practiceId: practice.id,
            name: s.name,
            ...(practice.address ? { address: practice.address } : {}),
          },
        }
      : {}),
    ...(sheet.technician === undefined && tech[0] ? { technician: tech[0].name } : {}),
  };
}

/** Stored findings of the case; evaluated from the sheet when none were stored yet. */
async function caseFindings(ctx: AppContext, caseId: string, sheet: AuditSheet): Promise<Finding[]> {
  const rows = await ctx.db
    .select({ data: findings.data })
    .from(findings)
    .where(eq(findings.caseId, caseId))
    .orderBy(asc(findings.id));
  if (rows.length > 0) {
    return rows.map((r) => r.data as Finding);
  }
  return ctx.evaluate(sheet, ctx.now());
}

/** PNG/JPEG files in 03_Audit become the report's evidence appendix. */
async function evidenceImages(ctx: AppContext, caseId: string): Promise<EvidenceImage[]> {
  const rows = await ctx.db
    .select()
    .from(artifacts)
    .where(
      and(
        eq(artifacts.caseId, caseId),
        eq(artifacts.folder, '03_Audit'),
        inArray(artifacts.contentType, ['image/png', 'image/jpeg']),
      ),
    )
    .orderBy(asc(artifacts.createdAt));
  return Promise.all(
    rows.slice(0, 40).map(async (r) => ({
      title: r.filename,
      data: await ctx.store.get(r.storageKey),
      takenAt: r.createdAt.toISOString(),
    })),
  );
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'Praxis';

function stamp(now: Date): string {
  return now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

interface CreatedDocument {
  artifactId: string;
  folder: typeof OUT_FOLDER;
  name: string;
  size: number;
}

async function fileDocument(
  ctx: AppContext,
  actor: Actor,
  c: CaseRow,
  kind: 'report' | 'offer',
  pdf: Buffer,
  name: string,
  details: Record<string, unknown>,
): Promise<CreatedDocument> {
  return ctx.db.transaction(async (tx) => {
    const a = await addArtifact(
      ctx,
      actor,
      c.id,
      { folder: OUT_FOLDER, filename: name, contentType: 'application/pdf', bytes: pdf },
      tx,
    );
    await recordAudit(tx, actor, {
      action: `document.${kind}_created`,
      entityType: 'artifact',
      entityId: a.id,
      caseId: c.id,
      after: { name: a.filename, size: a.sizeBytes, ...details },
    });
    return { artifactId: a.id, folder: OUT_FOLDER, name: a.filename, size: a.sizeBytes };
  });
}

/** Renders the report PDF of the case's current sheet and findings and files it in 04_Nacharbeit. */
export async function createReport(ctx: AppContext, actor: Actor, caseId: string, lang: DocLang = 'de') {
  const c = await loadCase(ctx.db, actor, caseId);
  const sheet = await documentSheet(ctx.db, c);
  const list = await caseFindings(ctx, caseId, sheet);
  const now = ctx.now();
  const pdf = await renderReport(
    { sheet, findings: list, scores: computeScores(list), images: await evidenceImages(ctx, caseId) },
    { lang, now },
  );
  const name = `${lang === 'de' ? 'Bericht' : 'Report'}_${c.number}_${slug(sheet.practice.name)}_${stamp(now)}.pdf`;
  return fileDocument(ctx, actor, c, 'report', pdf, name, { lang, findings: list.length });
}

/** Renders the offer PDF from the findings and the stored price catalog; files it in 04_Nacharbeit. */
export async function createOffer(ctx: AppContext, actor: Actor, caseId: string, lang: DocLang = 'de') {
  const c = await loadCase(ctx.db, actor, caseId);
  const sheet = await documentSheet(ctx.db, c);
  const list = await caseFindings(ctx, caseId, sheet);
  const catalog = await priceCatalog(ctx.db);
  const now = ctx.now();
  const number = `ANG-${c.number}-${stamp(now)}`;
  const offer = buildOffer(sheet, list, catalog, { now, number });
  if (!offer.success) {
    throw new AppError('VALIDATION_FAILED', 'The offer could not be built', { issues: offer.issues });
  }
  const pdf = await renderOffer({ sheet, findings: list, catalog }, { lang, now, number });
  const totals = {
    net: centsToDecimal(offer.data.netCents),
    vat: centsToDecimal(offer.data.vatCents),
    gross: centsToDecimal(offer.data.grossCents),
    currency: 'EUR',
  };
  const name = `${lang === 'de' ? 'Angebot' : 'Offer'}_${c.number}_${slug(sheet.practice.name)}_${stamp(now)}.pdf`;
  const doc = await fileDocument(ctx, actor, c, 'offer', pdf, name, {
    lang,
    number,
    lines: offer.data.lines.length,
    totals,
  });
  return { ...doc, number, totals };
}

const fmt = (p: MailPerson | string) =>
  typeof p === 'string' ? p : p.name ? `${p.name} <${p.address}>` : p.address;

async function assigned(
  db: DbOrTx,
  caseId: string,
  role: 'dispatcher' | 'ranger',
): Promise<MailPerson | undefined> {
  const r = await db
    .select({ name: users.name, email: users.email })
    .from(caseAssignments)
    .innerJoin(users, eq(users.id, caseAssignments.userId))
    .where(and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.role, role)));
  return r[0] ? { name: r[0].name, address: r[0].email } : undefined;
}

async function pdfArtifact(ctx: AppContext, actor: Actor, caseId: string, id: string, field: string) {
  const a = await readArtifact(ctx, actor, caseId, id);
  if (a.meta.contentType !== 'application/pdf') {
    throw new AppError('VALIDATION_FAILED', `${field} is not a PDF artifact`, {
      issues: [{ code: 'not_pdf', path: [field], message: 'expected a PDF artifact', severity: 'error' }],
    });
  }
  return a;
}

/**
 * Sends report (and offer) to the practice contact, CC dispatcher and ranger of the case, through the
 * configured SMTP relay; keeps the sent bytes as `.eml` in 04_Nacharbeit and in the case thread. With an offer
 * attached the "offer sent" task is ticked and the sales pipeline moves to offer_sent where the workflow allows.
 */
export async function sendDocuments(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: { reportArtifactId: string; offerArtifactId?: string | undefined; to?: string | undefined },
) {
  const smtp = ctx.config.smtpOut;
  const from = ctx.config.mailFrom;
  if (!smtp || !from) {
    throw new AppError('NOT_SUPPORTED', 'Sending mail is not configured on this server', {
      hint: 'PRAXISREADY_SMTP_URL und PRAXISREADY_MAIL_FROM setzen (siehe packages/server/README.md).',
    });
  }
  const c = await loadCase(ctx.db, actor, caseId);
  const report = await pdfArtifact(ctx, actor, caseId, input.reportArtifactId, 'reportArtifactId');
  const offer = input.offerArtifactId
    ? await pdfArtifact(ctx, actor, caseId, input.offerArtifactId, 'offerArtifactId')
    : undefined;
  const sheet = await documentSheet(ctx.db, c);
  const [dispatcher, ranger, thread] = await Promise.all([
    assigned(ctx.db, caseId, 'dispatcher'),
    assigned(ctx.db, caseId, 'ranger'),
    caseThread(ctx, actor, caseId),
  ]);
  const last = thread.at(-1);
  const sender = { name: 'Praxisready', address: from };
  const composed = composeReportMail({
    sheet,
    reportPdf: report.bytes,
    ...(offer ? { offerPdf: offer.bytes } : {}),
    from: sender,
    ...(input.to ? { to: { address: input.to } } : {}),
    // Placeholders: composeReportMail always names both; the CC list is set below from the assignments.
    dispatcher: dispatcher ?? sender,
    ranger: ranger ?? sender,
    ...(last ? { parent: { messageId: last.messageId } } : {}),
    date: ctx.now(),
  });
  const cc = [dispatcher, ranger].filter((p): p is MailPerson => p !== undefined);
  const message = {
    ...composed,
    cc,
    attachments: (composed.attachments ?? []).map((a, i) => ({
      ...a,
      filename: i === 0 ? report.meta.filename : (offer?.meta.filename ?? a.filename),
    })),
  };
  const sent = await sendMail(smtp, message);
  const sentAt = ctx.now();
  const to = [message.to].flat().map((p) => fmt(p as MailPerson));
  const ccList = cc.map(fmt);
  const eml = await ctx.db.transaction(async (tx) => {
    const a = await addArtifact(
      ctx,
      actor,
      caseId,
      {
        folder: OUT_FOLDER,
        filename: `Mail_${c.number}_${stamp(sentAt)}.eml`,
        contentType: 'message/rfc822',
        bytes: sent.raw,
      },
      tx,
    );
    await tx.insert(caseMails).values({
      id: randomUUID(),
      caseId,
      direction: 'out',
      messageId: sent.messageId,
      subject: message.subject,
      from: fmt(sender),
      to,
      cc: ccList,
      artifactId: a.id,
      sentAt,
      createdBy: actor.label,
    });
    await recordAudit(tx, actor, {
      action: 'document.mail_sent',
      entityType: 'case_mail',
      entityId: sent.messageId,
      caseId,
      after: {
        to,
        cc: ccList,
        subject: message.subject,
        report: report.meta.id,
        offer: offer?.meta.id ?? null,
        accepted: sent.accepted.length,
        rejected: sent.rejected.length,
      },
    });
    if (offer) {
      await autoTick(tx, actor, caseId, 'offer_sent');
    }
    return a;
  });
  if (offer) {
    const from = (c.salesStatus ?? 'none') as SalesStatus | 'none';
    if (from !== 'offer_sent' && SALES_MOVES[from].includes('offer_sent')) {
      await updateSales(ctx, actor, caseId, 'offer_sent', 'Angebot per E-Mail versandt');
    }
  }
  return {
    messageId: sent.messageId,
    to: to.join(', '),
    cc: ccList,
    sentAt: sentAt.toISOString(),
    artifactId: eml.id,
  };
}

export interface ThreadEntry {
  direction: 'in' | 'out';
  subject: string;
  from: string;
  to: string[];
  cc: string[];
  date: string;
  messageId: string;
  artifactId?: string;
}

/** The case's mail thread: the intake mail(s) filed in 01_Intake ('in') and the mails we sent ('out'). */
export async function caseThread(ctx: AppContext, actor: Actor, caseId: string): Promise<ThreadEntry[]> {
  const c = await loadCase(ctx.db, actor, caseId);
  const [inbound, outbound] = await Promise.all([
    ctx.db
      .select()
      .from(artifacts)
      .where(
        and(
          eq(artifacts.caseId, caseId),
          eq(artifacts.folder, '01_Intake'),
          eq(artifacts.contentType, 'message/rfc822'),
        ),
      )
      .orderBy(asc(artifacts.createdAt)),
    ctx.db.select().from(caseMails).where(eq(caseMails.caseId, caseId)).orderBy(asc(caseMails.sentAt)),
  ]);
  const entries: ThreadEntry[] = [];
  for (const a of inbound) {
    const m = await parseIntakeMail(await ctx.store.get(a.storageKey));
    const addr = (x: { name?: string; address: string }) => fmt(x);
    entries.push({
      direction: 'in',
      subject: m.subject ?? '',
      from: m.from ? addr(m.from) : '',
      to: m.to.map(addr),
      cc: m.cc.map(addr),
      date: m.date ?? a.createdAt.toISOString(),
      messageId: m.messageId,
      artifactId: a.id,
    });
  }
  if (entries.length === 0 && c.messageId) {
    // Intake without the raw mail (POST /api/intake): the case still knows the request's Message-ID.
    const i = c.intake as { subject?: string; from?: string; receivedAt?: string };
    entries.push({
      direction: 'in',
      subject: i.subject ?? c.title,
      from: i.from ?? '',
      to: [],
      cc: [],
      date: i.receivedAt ?? c.createdAt.toISOString(),
      messageId: c.messageId,
    });
  }
  for (const m of outbound) {
    entries.push({
      direction: 'out',
      subject: m.subject,
      from: m.from,
      to: m.to as string[],
      cc: m.cc as string[],
      date: m.sentAt.toISOString(),
      messageId: m.messageId,
      ...(m.artifactId ? { artifactId: m.artifactId } : {}),
    });
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date));
}

/** Sheet and evaluation of every case, as rows of the central sheet. */
async function centralRows(ctx: AppContext): Promise<CentralSheetRow[]> {
  const all = await ctx.db.select().from(cases).orderBy(asc(cases.number));
  const rows: CentralSheetRow[] = [];
  for (const c of all) {
    const sheet = await documentSheet(ctx.db, c);
    const f = await ctx.db.select({ data: findings.data }).from(findings).where(eq(findings.caseId, c.id));
    const list = f.map((r) => r.data as Finding);
    rows.push({
      ...centralRowOf({ ...sheet, stage: c.stage as AuditSheet['stage'] }, { findings: list }),
      caseId: c.id,
    });
  }
  return rows;
}

/** The central sheet (XLSX) of all cases. */
export async function exportCases(ctx: AppContext): Promise<Buffer> {
  return exportCentralSheet(await centralRows(ctx));
}

/**
 * Reads a central sheet back (round trip) and compares it with the cases: which rows name a known case, and
 * which columns differ from the current state. It changes nothing; the sheet stays the source of truth.
 */
export async function importCases(ctx: AppContext, bytes: Buffer) {
  const r = await importCentralSheet(bytes);
  if (!r.success) {
    throw new AppError('VALIDATION_FAILED', 'The central sheet could not be imported', { issues: r.issues });
  }
  const current = new Map((await centralRows(ctx)).map((x) => [x.caseId, x]));
  const rows = r.data.map((row) => {
    const now = current.get(row.caseId);
    const keys = new Set([...Object.keys(row), ...Object.keys(now ?? {})]) as Set<keyof CentralSheetRow>;
    const differences = now
      ? [...keys]
          .filter((k) => JSON.stringify(row[k]) !== JSON.stringify(now[k]))
          .map((k) => ({ column: k, sheet: row[k] ?? null, current: now[k] ?? null }))
      : [];
    return { caseId: row.caseId, practice: row.practice, known: now !== undefined, differences };
  });
  return {
    rows: rows.length,
    known: rows.filter((x) => x.known).length,
    unknown: rows.filter((x) => !x.known).map((x) => x.caseId),
    unchanged: rows.filter((x) => x.known && x.differences.length === 0).length,
    changed: rows.filter((x) => x.known && x.differences.length > 0),
    warnings: r.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}

/** The case's artifact bundle: the four folders with every file, plus the sheet JSON. */
export async function caseBundle(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await loadCase(ctx.db, actor, caseId);
  const sheet = await documentSheet(ctx.db, c);
  const rows = await ctx.db
    .select()
    .from(artifacts)
    .where(eq(artifacts.caseId, caseId))
    .orderBy(asc(artifacts.createdAt));
  const used = new Set<string>([`${OUT_FOLDER}/Audit-Sheet_final.json`]);
  const files: Artifact[] = [];
  for (const r of rows) {
    let name = r.filename;
    for (let i = 2; used.has(`${r.folder}/${name}`); i++) {
      const dot = r.filename.lastIndexOf('.');
      name = dot > 0 ? `${r.filename.slice(0, dot)}_${i}${r.filename.slice(dot)}` : `${r.filename}_${i}`;
    }
    used.add(`${r.folder}/${name}`);
    files.push({
      folder: r.folder as Artifact['folder'],
      name,
      data: await ctx.store.get(r.storageKey),
    });
  }
  const zip = await buildArtifactBundle({ sheet, artifacts: files, now: ctx.now() });
  return { zip, filename: `${c.number}_${slug(sheet.practice.name)}.zip` };
}
