import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { AppError, WORKFLOW_STAGE_LABELS, type WorkflowStage } from '@praxisready/model';
import type { Actor, AppContext } from '../context.ts';
import type { DbOrTx } from '../db/connect.ts';
import {
  appointments,
  caseAssignments,
  caseTasks,
  cases,
  contacts,
  counters,
  customers,
  sites,
  users,
} from '../db/schema.ts';
import { recordAudit } from '../audit/trail.ts';
import { indexDoc } from '../search/index-docs.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { matchOrCreatePractice, siteDto, type PracticeInput } from '../customers/service.ts';
import type { Role } from '../auth/permissions.ts';
import {
  CLOSING_SALES_STATUS,
  SALES_MOVES,
  STAGE_TASKS,
  findTransition,
  taskByKey,
  tasksOf,
  type AutoEvent,
  type SalesStatus,
} from './workflow.ts';

export type CaseRow = typeof cases.$inferSelect;

/** What intake extracted from a request (mail or manual). All optional: a malformed mail still makes a case. */
export interface IntakeData {
  practiceName?: string | undefined;
  contactName?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  street?: string | undefined;
  postalCode?: string | undefined;
  city?: string | undefined;
  subject?: string | undefined;
  text?: string | undefined;
  from?: string | undefined;
  receivedAt?: string | undefined;
  /** Why the request could not be read fully (malformed mail); kept with the case. */
  problems?: string[] | undefined;
}

export interface CreateCaseInput {
  title?: string | undefined;
  source: 'mail' | 'manual';
  messageId?: string | undefined;
  intake: IntakeData;
}

async function nextCaseNumber(tx: DbOrTx): Promise<number> {
  const r = await tx
    .insert(counters)
    .values({ name: 'case', value: 1 })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value });
  return r[0]!.value;
}

/**
 * Creates a case in stage intake with all stage tasks. With a Message-ID the same mail never makes two cases:
 * the existing case is returned with `created: false`.
 */
export async function createCase(
  ctx: AppContext,
  actor: Actor,
  input: CreateCaseInput,
  tx: DbOrTx = ctx.db,
): Promise<{ caseRow: CaseRow; created: boolean }> {
  if (input.messageId) {
    const existing = await tx.select().from(cases).where(eq(cases.messageId, input.messageId));
    if (existing[0]) {
      return { caseRow: existing[0], created: false };
    }
  }
  const id = randomUUID();
  const number = await nextCaseNumber(tx);
  const title =
    input.title?.trim() ||
    input.intake.practiceName?.trim() ||
    input.intake.subject?.trim() ||
    `Tech-Audit-Anfrage ${number}`;
  const inserted = await tx
    .insert(cases)
    .values({
      id,
      number,
      title,
      stage: 'intake',
      source: input.source,
      messageId: input.messageId ?? null,
      intake: input.intake,
    })
    .onConflictDoNothing()
    .returning();
  const row = inserted[0];
  if (!row) {
    // A concurrent intake of the same Message-ID won.
    const existing = await tx
      .select()
      .from(cases)
      .where(eq(cases.messageId, input.messageId ?? ''));
    if (existing[0]) {
      return { caseRow: existing[0], created: false };
    }
    throw new AppError('INTERNAL', 'Case insert did nothing');
  }
  await tx
    .insert(caseTasks)
    .values(STAGE_TASKS.map((t) => ({ id: randomUUID(), caseId: id, stage: t.stage, key: t.key })));
  await recordAudit(tx, actor, {
    action: 'case.created',
    entityType: 'case',
    entityId: id,
    caseId: id,
    after: row,
  });
  await indexCase(tx, row);
  return { caseRow: row, created: true };
}

export async function indexCase(tx: DbOrTx, row: CaseRow): Promise<void> {
  const i = row.intake as IntakeData;
  await indexDoc(tx, {
    kind: 'case',
    refId: row.id,
    caseId: row.id,
    title: `#${row.number} ${row.title}`,
    body: [
      i.practiceName,
      i.contactName,
      i.email,
      i.phone,
      i.street,
      i.postalCode,
      i.city,
      i.subject,
      i.text,
      i.from,
    ]
      .filter((x) => x)
      .join('\n'),
  });
}

/** Loads a case the actor may see; for customer users and token holders, other cases do not exist (404). */
export async function loadCase(tx: DbOrTx, actor: Actor, caseId: string): Promise<CaseRow> {
  const row = (await tx.select().from(cases).where(eq(cases.id, caseId)))[0];
  if (!row) {
    throw notFound('Case');
  }
  if (actor.role === 'customer' && row.customerId !== actor.customerId) {
    throw notFound('Case');
  }
  if ((actor.kind === 'preinfo_token' || actor.kind === 'probe_token') && actor.caseId !== caseId) {
    throw notFound('Case');
  }
  return row;
}

/** Same, locking the row for the rest of the transaction (transitions, sales moves). */
async function lockCase(tx: DbOrTx, actor: Actor, caseId: string): Promise<CaseRow> {
  await tx.execute(sql`select 1 from ${cases} where ${cases.id} = ${caseId} for update`);
  return loadCase(tx, actor, caseId);
}

async function touch(
  tx: DbOrTx,
  caseId: string,
  set: Partial<typeof cases.$inferInsert> = {},
): Promise<CaseRow> {
  const r = await tx
    .update(cases)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(cases.id, caseId))
    .returning();
  return r[0]!;
}

/** Ticks the tasks bound to a domain event (e.g. a 03_Audit artifact ticks `audit.evidence`). */
export async function autoTick(tx: DbOrTx, actor: Actor, caseId: string, event: AutoEvent): Promise<void> {
  const keys = STAGE_TASKS.filter((t) => t.auto === event).map((t) => t.key);
  if (keys.length === 0) {
    return;
  }
  const done = await tx
    .update(caseTasks)
    .set({ doneAt: new Date(), doneBy: actor.label })
    .where(and(eq(caseTasks.caseId, caseId), inArray(caseTasks.key, keys), isNull(caseTasks.doneAt)))
    .returning({ key: caseTasks.key });
  for (const d of done) {
    await recordAudit(tx, actor, {
      action: 'task.done',
      entityType: 'case_task',
      entityId: `${caseId}:${d.key}`,
      caseId,
      after: { key: d.key, auto: event },
    });
  }
}

export async function caseDetail(tx: DbOrTx, actor: Actor, caseId: string) {
  const row = await loadCase(tx, actor, caseId);
  const [tasks, assigned, appts, customer, site, contact] = await Promise.all([
    tx.select().from(caseTasks).where(eq(caseTasks.caseId, caseId)),
    tx
      .select({
        role: caseAssignments.role,
        userId: caseAssignments.userId,
        name: users.name,
        email: users.email,
      })
      .from(caseAssignments)
      .innerJoin(users, eq(users.id, caseAssignments.userId))
      .where(eq(caseAssignments.caseId, caseId)),
    tx.select().from(appointments).where(eq(appointments.caseId, caseId)).orderBy(asc(appointments.startsAt)),
    row.customerId
      ? tx.select().from(customers).where(eq(customers.id, row.customerId))
      : Promise.resolve([]),
    row.siteId ? tx.select().from(sites).where(eq(sites.id, row.siteId)) : Promise.resolve([]),
    row.contactId ? tx.select().from(contacts).where(eq(contacts.id, row.contactId)) : Promise.resolve([]),
  ]);
  const taskState = new Map(tasks.map((t) => [t.key, t]));
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    stage: row.stage as WorkflowStage,
    stageLabel: WORKFLOW_STAGE_LABELS[row.stage as WorkflowStage],
    status: row.status,
    salesStatus: row.salesStatus,
    source: row.source,
    intake: row.intake as IntakeData,
    ticketRef: row.ticketRef,
    customer: customer[0] ? { id: customer[0].id, name: customer[0].name } : null,
    site: site[0] ? siteDto(site[0]) : null,
    contact: contact[0]
      ? { id: contact[0].id, name: contact[0].name, email: contact[0].email, phone: contact[0].phone }
      : null,
    assignments: assigned,
    tasks: STAGE_TASKS.map((t) => ({
      key: t.key,
      stage: t.stage,
      title: t.title,
      required: t.required,
      roles: [...t.roles],
      doneAt: taskState.get(t.key)?.doneAt?.toISOString() ?? null,
      doneBy: taskState.get(t.key)?.doneBy ?? null,
    })),
    appointments: appts.map(appointmentDto),
    preinfoSubmittedAt: row.preinfoSubmittedAt?.toISOString() ?? null,
    scores: row.scores,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}
export type CaseDetail = Awaited<ReturnType<typeof caseDetail>>;

export function appointmentDto(a: typeof appointments.$inferSelect) {
  return {
    id: a.id,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    mode: a.mode,
    location: a.location,
    status: a.status,
    respondedAt: a.respondedAt?.toISOString() ?? null,
  };
}

/** Assigns a user to the case in a role (helpdesk, technician, sales, ranger …); replaces the previous one. */
export async function assign(ctx: AppContext, actor: Actor, caseId: string, role: Role, userId: string) {
  return ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, caseId);
    const user = (await tx.select().from(users).where(eq(users.id, userId)))[0];
    if (!user?.active) {
      throw notFound('User');
    }
    if (user.role !== role && user.role !== 'admin') {
      throw conflict(`User ${user.email} has role ${user.role}, not ${role}`);
    }
    const before = (
      await tx
        .select()
        .from(caseAssignments)
        .where(and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.role, role)))
    )[0];
    await tx
      .insert(caseAssignments)
      .values({ caseId, role, userId })
      .onConflictDoUpdate({
        target: [caseAssignments.caseId, caseAssignments.role],
        set: { userId, assignedAt: new Date() },
      });
    await recordAudit(tx, actor, {
      action: 'case.assigned',
      entityType: 'case',
      entityId: caseId,
      caseId,
      before: before ? { role, userId: before.userId } : null,
      after: { role, userId },
    });
    if (role === 'helpdesk') {
      await autoTick(tx, actor, caseId, 'assigned_helpdesk');
    }
    await touch(tx, caseId);
  });
}

/**
 * Moves a case to another stage. Allowed moves and who may make them come from the TRANSITIONS table; a
 * forward move needs the required tasks of the current stage done.
 */
export async function transition(ctx: AppContext, actor: Actor, caseId: string, to: WorkflowStage) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, actor, caseId);
    const from = row.stage as WorkflowStage;
    if (row.status !== 'open') {
      throw conflict(`Case is closed (${row.status})`);
    }
    const t = findTransition(from, to);
    if (!t) {
      throw conflict(`No transition from ${from} to ${to}`, { from, to });
    }
    if (actor.role !== 'admin' && !(actor.role && t.roles.includes(actor.role))) {
      throw forbidden(`Only ${t.roles.join(', ')} may move a case from ${from} to ${to}`);
    }
    const forward = STAGE_ORDER.indexOf(to) > STAGE_ORDER.indexOf(from);
    if (forward) {
      const tasks = await tx.select().from(caseTasks).where(eq(caseTasks.caseId, caseId));
      const done = new Set(tasks.filter((x) => x.doneAt).map((x) => x.key));
      const open = tasksOf(from).filter((x) => x.required && !done.has(x.key));
      if (open.length > 0) {
        throw new AppError('CONFLICT', `Open tasks in stage ${from}: ${open.map((x) => x.key).join(', ')}`, {
          issues: open.map((x) => ({
            code: 'task_open',
            path: ['tasks', x.key],
            message: x.title.en,
            severity: 'error' as const,
          })),
          hint: `Offene Aufgaben: ${open.map((x) => x.title.de).join('; ')}`,
        });
      }
    }
    const updated = await touch(tx, caseId, { stage: to });
    await recordAudit(tx, actor, {
      action: 'case.stage_changed',
      entityType: 'case',
      entityId: caseId,
      caseId,
      before: { stage: from },
      after: { stage: to },
    });
    return updated;
  });
}

const STAGE_ORDER: readonly WorkflowStage[] = [
  'intake',
  'dispatch',
  'scheduling',
  'audit',
  'post_processing',
  'report_offer',
  'sales',
  'follow_up',
];

/** Ticks a stage task by hand; only the task's roles (and admin) may. */
export async function completeTask(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  key: string,
  done: boolean,
) {
  const task = taskByKey(key);
  if (!task) {
    throw notFound('Task');
  }
  if (actor.role !== 'admin' && !(actor.role && task.roles.includes(actor.role))) {
    throw forbidden(`Task ${key} is done by ${task.roles.join(', ')}`);
  }
  return ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, caseId);
    const before = (
      await tx
        .select()
        .from(caseTasks)
        .where(and(eq(caseTasks.caseId, caseId), eq(caseTasks.key, key)))
    )[0];
    await tx
      .update(caseTasks)
      .set(done ? { doneAt: new Date(), doneBy: actor.label } : { doneAt: null, doneBy: null })
      .where(and(eq(caseTasks.caseId, caseId), eq(caseTasks.key, key)));
    await recordAudit(tx, actor, {
      action: done ? 'task.done' : 'task.reopened',
      entityType: 'case_task',
      entityId: `${caseId}:${key}`,
      caseId,
      before: { doneAt: before?.doneAt ?? null },
      after: { key, done },
    });
    await touch(tx, caseId);
  });
}

/**
 * The person who wrote the intake mail becomes the case's contact when the case is linked to a customer: an
 * existing contact of that customer with the same e-mail or name is reused, else one is created (audited).
 */
async function contactFromIntake(
  tx: DbOrTx,
  actor: Actor,
  row: CaseRow,
  customerId: string,
  siteId: string | null,
): Promise<string | null> {
  const i = row.intake as IntakeData;
  const name = i.contactName?.trim();
  if (!name) {
    return null;
  }
  const email = i.email?.trim().toLowerCase() || null;
  const known = await tx.select().from(contacts).where(eq(contacts.customerId, customerId));
  const same = known.find(
    (k) =>
      (email !== null && k.email?.toLowerCase() === email) ||
      k.name.trim().toLowerCase() === name.toLowerCase(),
  );
  if (same) {
    return same.id;
  }
  const created = (
    await tx
      .insert(contacts)
      .values({ id: randomUUID(), customerId, siteId, name, email, phone: i.phone?.trim() || null })
      .returning()
  )[0]!;
  await recordAudit(tx, actor, {
    action: 'contact.created',
    entityType: 'contact',
    entityId: created.id,
    caseId: row.id,
    after: created,
  });
  return created.id;
}

/** Sets customer, site and contact of a case: matched by name + address, never duplicated. */
export async function linkCustomer(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: {
    customerId?: string | undefined;
    siteId?: string | undefined;
    practice?: PracticeInput | undefined;
    contactId?: string | undefined;
  },
) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadCase(tx, actor, caseId);
    let customerId = input.customerId;
    let siteId = input.siteId;
    let match = null;
    if (input.practice) {
      match = await matchOrCreatePractice(tx, actor, input.practice);
      customerId = match.customerId;
      siteId = match.siteId;
    }
    if (!customerId) {
      throw new AppError('VALIDATION_FAILED', 'Give customerId (and siteId) or practice', {
        issues: [
          {
            code: 'missing',
            path: ['practice'],
            message: 'customerId or practice required',
            severity: 'error',
          },
        ],
      });
    }
    const cust = (await tx.select().from(customers).where(eq(customers.id, customerId)))[0];
    if (!cust) {
      throw notFound('Customer');
    }
    if (siteId) {
      const s = (await tx.select().from(sites).where(eq(sites.id, siteId)))[0];
      if (s?.customerId !== customerId) {
        throw notFound('Site');
      }
    }
    if (input.contactId) {
      const k = (await tx.select().from(contacts).where(eq(contacts.id, input.contactId)))[0];
      if (k?.customerId !== customerId) {
        throw notFound('Contact');
      }
    }
    const contactId =
      input.contactId ??
      row.contactId ??
      (await contactFromIntake(tx, actor, row, customerId, siteId ?? null));
    const updated = await touch(tx, caseId, {
      customerId,
      siteId: siteId ?? null,
      contactId,
    });
    await recordAudit(tx, actor, {
      action: 'case.customer_linked',
      entityType: 'case',
      entityId: caseId,
      caseId,
      before: { customerId: row.customerId, siteId: row.siteId, contactId: row.contactId },
      after: { customerId: updated.customerId, siteId: updated.siteId, contactId: updated.contactId },
    });
    await autoTick(tx, actor, caseId, 'customer_linked');
    return {
      customerId,
      siteId: siteId ?? null,
      createdCustomer: match?.createdCustomer ?? false,
      createdSite: match?.createdSite ?? false,
    };
  });
}

/**
 * Moves the sales pipeline. `pvs_booked` (after won) and `lost` close the case; they are only possible in the
 * follow-up stage, the end of seed 000.
 */
export async function updateSales(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  status: SalesStatus,
  note?: string,
) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, actor, caseId);
    const from = (row.salesStatus ?? 'none') as SalesStatus | 'none';
    if (!SALES_MOVES[from].includes(status)) {
      throw conflict(`Sales status cannot move from ${from} to ${status}`, { from, to: status });
    }
    const closing = CLOSING_SALES_STATUS[status];
    if (closing && row.stage !== 'follow_up') {
      throw conflict(`${status} closes the case and is only possible in stage follow_up`);
    }
    const updated = await touch(tx, caseId, {
      salesStatus: status,
      ...(closing ? { status: closing, closedAt: new Date() } : {}),
    });
    await recordAudit(tx, actor, {
      action: 'case.sales_changed',
      entityType: 'case',
      entityId: caseId,
      caseId,
      before: { salesStatus: row.salesStatus, status: row.status },
      after: { salesStatus: status, status: updated.status, ...(note ? { note } : {}) },
    });
    if (status === 'offer_sent') {
      await autoTick(tx, actor, caseId, 'offer_sent');
    }
    return updated;
  });
}

/** Proposes an appointment (audit date); the mail package sends the iCalendar invite via the hook. */
export async function proposeAppointment(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  a: { startsAt: string; endsAt: string; mode: 'on_site' | 'remote'; location?: string | undefined },
) {
  const starts = new Date(a.startsAt);
  const ends = new Date(a.endsAt);
  if (!(ends > starts)) {
    throw new AppError('VALIDATION_FAILED', 'endsAt must be after startsAt', {
      issues: [{ code: 'range', path: ['endsAt'], message: 'must be after startsAt', severity: 'error' }],
    });
  }
  const row = await ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, caseId);
    const appt = {
      id: randomUUID(),
      caseId,
      startsAt: starts,
      endsAt: ends,
      mode: a.mode,
      location: a.location ?? null,
      createdBy: actor.label,
    };
    const inserted = (await tx.insert(appointments).values(appt).returning())[0]!;
    await recordAudit(tx, actor, {
      action: 'appointment.proposed',
      entityType: 'appointment',
      entityId: appt.id,
      caseId,
      after: inserted,
    });
    await autoTick(tx, actor, caseId, 'appointment_proposed');
    await touch(tx, caseId);
    return inserted;
  });
  await ctx.hooks.appointmentProposed?.({ caseId, appointmentId: row.id });
  return appointmentDto(row);
}

/** Records the practice's answer to an invite (from the reply mail or entered by the helpdesk). */
export async function respondAppointment(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  appointmentId: string,
  status: 'accepted' | 'declined' | 'cancelled',
) {
  return ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, caseId);
    const before = (
      await tx
        .select()
        .from(appointments)
        .where(and(eq(appointments.id, appointmentId), eq(appointments.caseId, caseId)))
    )[0];
    if (!before) {
      throw notFound('Appointment');
    }
    const after = (
      await tx
        .update(appointments)
        .set({ status, respondedAt: new Date() })
        .where(eq(appointments.id, appointmentId))
        .returning()
    )[0]!;
    await recordAudit(tx, actor, {
      action: `appointment.${status}`,
      entityType: 'appointment',
      entityId: appointmentId,
      caseId,
      before: { status: before.status },
      after: { status },
    });
    await touch(tx, caseId);
    return appointmentDto(after);
  });
}
