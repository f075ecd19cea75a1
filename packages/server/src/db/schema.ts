/**
 * The one database schema, applied by the same drizzle-kit migration folder on PGlite and on PostgreSQL.
 * Ids are text (random UUIDs made by the app) so rows can be dumped and restored across both engines.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** bytea as Buffer on node-postgres and Uint8Array on PGlite; normalised to Buffer on read. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});

/** A stored German tsvector, written with its document so searches never recompute it. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const created = () => ts('created_at').notNull().defaultNow();

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  /** A user of role `customer` sees the cases of this customer only. */
  customerId: text('customer_id'),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: created(),
});

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    /** SHA-256 of the bearer token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: created(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const customers = pgTable('customers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Normalised name + postal code: the duplicate guard. */
  matchKey: text('match_key').notNull().unique(),
  kind: text('kind').notNull().default('einzelpraxis'),
  email: text('email'),
  phone: text('phone'),
  customerNumber: text('customer_number'),
  createdAt: created(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const sites = pgTable(
  'sites',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    name: text('name').notNull(),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    country: text('country').notNull().default('DE'),
    /** Normalised name + street + postal code: a site is matched, never duplicated. */
    matchKey: text('match_key').notNull().unique(),
    createdAt: created(),
  },
  (t) => [index('sites_customer_idx').on(t.customerId)],
);

export const contacts = pgTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    /** The site the person works at; null = the whole customer. */
    siteId: text('site_id').references(() => sites.id),
    name: text('name').notNull(),
    role: text('role').notNull().default('other'),
    email: text('email'),
    phone: text('phone'),
    createdAt: created(),
  },
  (t) => [index('contacts_customer_idx').on(t.customerId)],
);

export const cases = pgTable(
  'cases',
  {
    id: text('id').primaryKey(),
    number: integer('number').notNull().unique(),
    title: text('title').notNull(),
    stage: text('stage').notNull(),
    /** open, or the end state: pvs_booked, lost, parked. */
    status: text('status').notNull().default('open'),
    salesStatus: text('sales_status'),
    source: text('source').notNull(),
    customerId: text('customer_id').references(() => customers.id),
    siteId: text('site_id').references(() => sites.id),
    contactId: text('contact_id').references(() => contacts.id),
    /** Message-ID of the intake mail: the same mail never makes two cases. */
    messageId: text('message_id').unique(),
    /** What intake extracted (practice, contact, phone, address, subject); shown until customer/site are set. */
    intake: jsonb('intake').notNull().default({}),
    ticketRef: text('ticket_ref'),
    preinfo: jsonb('preinfo'),
    preinfoSubmittedAt: ts('preinfo_submitted_at'),
    scores: jsonb('scores'),
    createdAt: created(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
  },
  (t) => [
    // The board reads the newest open cards per stage straight from this index.
    index('cases_open_stage_idx')
      .on(t.stage, t.updatedAt.desc(), t.id)
      .where(sql`${t.status} = 'open'`),
    index('cases_customer_idx').on(t.customerId),
  ],
);

export const caseAssignments = pgTable(
  'case_assignments',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    role: text('role').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    assignedAt: created(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.role] }), index('case_assignments_user_idx').on(t.userId)],
);

export const caseTasks = pgTable(
  'case_tasks',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    stage: text('stage').notNull(),
    key: text('key').notNull(),
    doneAt: ts('done_at'),
    doneBy: text('done_by'),
  },
  (t) => [uniqueIndex('case_tasks_case_key_idx').on(t.caseId, t.key)],
);

export const logbookEntries = pgTable(
  'logbook_entries',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    text: text('text').notNull(),
    status: text('status').notNull().default('open'),
    createdBy: text('created_by').notNull(),
    createdAt: created(),
    resolvedBy: text('resolved_by'),
    resolvedAt: ts('resolved_at'),
  },
  (t) => [index('logbook_case_idx').on(t.caseId)],
);

export const followups = pgTable(
  'followups',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    title: text('title').notNull(),
    dueAt: ts('due_at').notNull(),
    remindAt: ts('remind_at'),
    assigneeId: text('assignee_id').references(() => users.id),
    doneAt: ts('done_at'),
    remindedAt: ts('reminded_at'),
    createdBy: text('created_by').notNull(),
    createdAt: created(),
  },
  (t) => [index('followups_case_idx').on(t.caseId), index('followups_remind_idx').on(t.remindAt)],
);

export const appointments = pgTable(
  'appointments',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    mode: text('mode').notNull(),
    location: text('location'),
    /** proposed, accepted, declined, cancelled. */
    status: text('status').notNull().default('proposed'),
    createdBy: text('created_by').notNull(),
    createdAt: created(),
    respondedAt: ts('responded_at'),
  },
  (t) => [index('appointments_case_idx').on(t.caseId)],
);

export const sheets = pgTable('sheets', {
  caseId: text('case_id')
    .primaryKey()
    .references(() => cases.id),
  revision: integer('revision').notNull().default(0),
  data: jsonb('data').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

export const sheetConflicts = pgTable(
  'sheet_conflicts',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    path: text('path').notNull(),
    kept: jsonb('kept').notNull(),
    incoming: jsonb('incoming').notNull(),
    /** Where the incoming value came from, e.g. `probe:<documentId>`. */
    sourceRef: text('source_ref').notNull(),
    createdAt: created(),
    resolvedAt: ts('resolved_at'),
    resolvedBy: text('resolved_by'),
    resolution: text('resolution'),
  },
  (t) => [index('sheet_conflicts_case_idx').on(t.caseId)],
);

export const findings = pgTable(
  'findings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    checkId: text('check_id').notNull(),
    subject: text('subject'),
    area: text('area').notNull(),
    status: text('status').notNull(),
    severity: text('severity').notNull(),
    data: jsonb('data').notNull(),
    computedAt: ts('computed_at').notNull(),
  },
  (t) => [index('findings_case_idx').on(t.caseId)],
);

export const probeEnrollments = pgTable('probe_enrollments', {
  id: text('id').primaryKey(),
  caseId: text('case_id')
    .notNull()
    .references(() => cases.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: text('created_by').notNull(),
  createdAt: created(),
  expiresAt: ts('expires_at').notNull(),
  revokedAt: ts('revoked_at'),
});

export const probeUploads = pgTable(
  'probe_uploads',
  {
    documentId: text('document_id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    enrollmentId: text('enrollment_id').notNull(),
    contentSha256: text('content_sha256').notNull(),
    facts: jsonb('facts').notNull(),
    result: jsonb('result').notNull(),
    receivedAt: created(),
  },
  (t) => [index('probe_uploads_case_idx').on(t.caseId)],
);

export const preinfoLinks = pgTable('preinfo_links', {
  id: text('id').primaryKey(),
  caseId: text('case_id')
    .notNull()
    .references(() => cases.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: text('created_by').notNull(),
  createdAt: created(),
  expiresAt: ts('expires_at').notNull(),
  revokedAt: ts('revoked_at'),
});

export const secrets = pgTable(
  'secrets',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    /** Roles that may reveal the value (besides admin). */
    allowedRoles: jsonb('allowed_roles').notNull(),
    /** Id of the master key that wrapped the data key (for rotation). */
    keyId: text('key_id').notNull(),
    wrappedKey: bytea('wrapped_key').notNull(),
    iv: bytea('iv').notNull(),
    ciphertext: bytea('ciphertext').notNull(),
    tag: bytea('tag').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: created(),
  },
  (t) => [index('secrets_case_idx').on(t.caseId)],
);

export const artifacts = pgTable(
  'artifacts',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    folder: text('folder').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: created(),
  },
  (t) => [index('artifacts_case_idx').on(t.caseId)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    caseId: text('case_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_events_case_idx').on(t.caseId, t.id)],
);

/** One searchable text per entity (case, customer, sheet, findings of a case, note, artifact). */
export const searchDocs = pgTable(
  'search_docs',
  {
    kind: text('kind').notNull(),
    refId: text('ref_id').notNull(),
    caseId: text('case_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** `to_tsvector('german', title || ' ' || body)`, set by `indexDoc` on every write. */
    tsv: tsvector('tsv'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.refId] }), index('search_docs_tsv_idx').using('gin', t.tsv)],
);

/** Counters (case numbers); one row per name. */
export const counters = pgTable('counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});

/**
 * Open cases per stage (the board's totals), kept by statement triggers on `cases` in the writing transaction
 * (migration 0004): every write path counts, and the board reads 8 rows instead of counting all open cases.
 */
export const caseStageCounts = pgTable('case_stage_counts', {
  stage: text('stage').primaryKey(),
  open: integer('open').notNull().default(0),
});

/** Settings an admin edits (e.g. the price catalog), one JSON value per key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
});

/** Mails we sent for a case (report, offer): the outgoing half of the case thread; the .eml is an artifact. */
export const caseMails = pgTable(
  'case_mails',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    direction: text('direction').notNull(),
    messageId: text('message_id').notNull(),
    subject: text('subject').notNull(),
    from: text('from_address').notNull(),
    to: jsonb('to_addresses').notNull(),
    cc: jsonb('cc_addresses').notNull(),
    artifactId: text('artifact_id').references(() => artifacts.id),
    sentAt: ts('sent_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('case_mails_case_idx').on(t.caseId, t.sentAt)],
);
