import { z } from '@hono/zod-openapi';
import { AppError, WorkflowStageSchema } from '@praxisready/model';
import type { Api } from './env.ts';
import { actorOf, defineRoute } from './env.ts';
import { ROLES, type Role } from '../auth/permissions.ts';
import { createUser, listUsers, login, logout } from '../auth/service.ts';
import { getCustomer, listCustomers, matchOrCreatePractice } from '../customers/service.ts';
import { registerCustomerRoutes } from '../customers/routes.ts';
import { registerUserRoutes } from '../auth/routes.ts';
import {
  assign,
  caseDetail,
  completeTask,
  createCase,
  linkCustomer,
  proposeAppointment,
  respondAppointment,
  transition,
  updateSales,
} from '../cases/service.ts';
import { board } from '../cases/board.ts';
import {
  addFollowup,
  addLogbookEntry,
  completeFollowup,
  listFollowups,
  listLogbook,
  resolveLogbookEntry,
} from '../cases/logbook.ts';
import { caseAuditTrail } from '../audit/trail.ts';
import { loadCase } from '../cases/service.ts';
import { getSheet, listFindings, patchSheet, putSheet, resolveConflict } from '../sheets/service.ts';
import { createEnrollment, uploadFacts } from '../probe/service.ts';
import { PreInfoSchema } from '../preinfo/schema.ts';
import { createPreinfoLink, readPreinfo, readPreinfoForm, submitPreinfo } from '../preinfo/service.ts';
import { SecretKind, listSecrets, revealSecret, storeSecret } from '../vault/service.ts';
import {
  ARTIFACT_FOLDERS,
  ArtifactFolder,
  addArtifact,
  listArtifacts,
  readArtifact,
} from '../artifacts/service.ts';
import { search } from '../search/search.ts';
import { intakeMail } from '../intake/service.ts';
import { integrationStatus } from '../intake/integrations.ts';
import { SalesStatus } from '../cases/workflow.ts';
import { ReadCache } from './cache.ts';
import { cachedJson, sendCachedJson, type CachedJson } from './cached-json.ts';
import { CaseParams, Id, created, json, ok } from './openapi.ts';

const Iso = z.iso.datetime({ offset: true });
const RoleSchema = z.enum(ROLES as [Role, ...Role[]]);
const bearer = (h: string | undefined) => (h?.startsWith('Bearer ') ? h.slice(7).trim() : '');

const PracticeInputSchema = z
  .object({
    name: z.string().min(1).max(200),
    street: z.string().min(1).max(200),
    postalCode: z.string().regex(/^\s*\d{5}\s*$/, 'German postal code: five digits'),
    city: z.string().min(1).max(100),
    kind: z.enum(['einzelpraxis', 'bag', 'mvz', 'other']).optional(),
    email: z.email().optional(),
    phone: z.string().max(50).optional(),
    siteName: z.string().max(200).optional(),
  })
  .openapi('PracticeInput');

const IntakeDataSchema = z
  .object({
    practiceName: z.string().max(200).optional(),
    contactName: z.string().max(200).optional(),
    email: z.string().max(320).optional(),
    phone: z.string().max(50).optional(),
    street: z.string().max(200).optional(),
    postalCode: z.string().max(10).optional(),
    city: z.string().max(100).optional(),
    subject: z.string().max(500).optional(),
    text: z.string().max(100_000).optional(),
    from: z.string().max(320).optional(),
    receivedAt: z.string().max(40).optional(),
    problems: z.array(z.string().max(500)).max(50).optional(),
  })
  .openapi('IntakeData');

/** Registers every route. Each names its permission (see PERMISSIONS); the list is the OpenAPI document. */
export function registerRoutes(app: Api): void {
  // Cached as serialised (and gzipped) JSON: a cache hit then costs no JSON.stringify of 160 cards.
  const boardCache = new ReadCache<CachedJson>();
  const searchCache = new ReadCache<CachedJson>();

  // ---- auth & users
  app.openapi(
    defineRoute('public', {
      method: 'post',
      path: '/api/auth/login',
      tags: ['auth'],
      summary: 'Log in with e-mail and password; returns a bearer token',
      request: json(z.object({ email: z.email(), password: z.string().min(1).max(200) }).openapi('Login')),
      responses: { ...ok('Session'), 401: { description: 'Wrong e-mail or password' } },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const ip = c.req.header('x-forwarded-for') ?? 'local';
      if (!c.get('ctx').limits.login.hit(`${ip}|${email.toLowerCase()}`)) {
        throw new AppError('RATE_LIMITED', 'Too many login attempts; wait a minute');
      }
      return c.json(await login(c.get('ctx'), email, password), 200);
    },
  );
  app.openapi(
    defineRoute('auth.me', {
      method: 'post',
      path: '/api/auth/logout',
      tags: ['auth'],
      summary: 'End the session',
      responses: ok('Empty'),
    }),
    async (c) => {
      await logout(c.get('ctx'), bearer(c.req.header('authorization')));
      return c.json({}, 200);
    },
  );
  app.openapi(
    defineRoute('auth.me', {
      method: 'get',
      path: '/api/auth/me',
      tags: ['auth'],
      summary: 'Who am I',
      responses: ok('Me'),
    }),
    (c) => {
      const a = actorOf(c);
      return c.json({ id: a.id, email: a.label, role: a.role, customerId: a.customerId }, 200);
    },
  );
  app.openapi(
    defineRoute('users.manage', {
      method: 'post',
      path: '/api/users',
      tags: ['users'],
      summary: 'Create a user (admin)',
      request: json(
        z
          .object({
            email: z.email(),
            name: z.string().min(1).max(200),
            role: RoleSchema,
            password: z.string().min(12).max(200),
            customerId: Id.optional(),
          })
          .openapi('NewUser'),
      ),
      responses: created('User'),
    }),
    async (c) => c.json(await createUser(c.get('ctx'), actorOf(c), c.req.valid('json')), 201),
  );
  app.openapi(
    defineRoute('users.list', {
      method: 'get',
      path: '/api/users',
      tags: ['users'],
      summary: 'List users',
      responses: ok('Users'),
    }),
    async (c) => c.json(await listUsers(c.get('ctx')), 200),
  );

  // ---- customers
  app.openapi(
    defineRoute('customers.read', {
      method: 'get',
      path: '/api/customers',
      tags: ['customers'],
      summary: 'List customers',
      responses: ok('Customers'),
    }),
    async (c) => c.json(await listCustomers(c.get('ctx').db), 200),
  );
  app.openapi(
    defineRoute('customers.write', {
      method: 'post',
      path: '/api/customers/match',
      tags: ['customers'],
      summary:
        'Find the practice by normalised name + address, or create customer and site (never duplicates)',
      request: json(PracticeInputSchema),
      responses: ok('MatchResult'),
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const r = await ctx.db.transaction((tx) => matchOrCreatePractice(tx, actorOf(c), c.req.valid('json')));
      return c.json(r, 200);
    },
  );
  app.openapi(
    defineRoute('customers.read', {
      method: 'get',
      path: '/api/customers/{customerId}',
      tags: ['customers'],
      summary: 'A customer with sites and contacts',
      request: { params: z.object({ customerId: Id }) },
      responses: ok('Customer'),
    }),
    async (c) => c.json(await getCustomer(c.get('ctx').db, c.req.valid('param').customerId), 200),
  );
  registerCustomerRoutes(app);
  registerUserRoutes(app);

  // ---- intake & cases
  app.openapi(
    defineRoute('intake.mail', {
      method: 'post',
      path: '/api/intake',
      tags: ['cases'],
      summary:
        'Take a request that came in by mail (extracted fields); the same Message-ID never makes two cases',
      request: json(
        z
          .object({
            messageId: z.string().min(1).max(998).optional(),
            subject: z.string().max(998).optional(),
            data: IntakeDataSchema,
          })
          .openapi('IntakeRequest'),
      ),
      responses: {
        200: {
          description: 'Existing case (same Message-ID)',
          content: { 'application/json': { schema: z.any() } },
        },
        201: { description: 'New case', content: { 'application/json': { schema: z.any() } } },
      },
    }),
    async (c) => {
      const r = await intakeMail(c.get('ctx'), actorOf(c), c.req.valid('json'));
      if (r.created) {
        return c.json(r, 201);
      }
      return c.json(r, 200);
    },
  );
  app.openapi(
    defineRoute('cases.create', {
      method: 'post',
      path: '/api/cases',
      tags: ['cases'],
      summary: 'Create a case by hand',
      request: json(
        z
          .object({ title: z.string().min(1).max(200).optional(), intake: IntakeDataSchema.default({}) })
          .openapi('NewCase'),
      ),
      responses: created('CaseDetail'),
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const actor = actorOf(c);
      const body = c.req.valid('json');
      const { caseRow } = await ctx.db.transaction((tx) =>
        createCase(ctx, actor, { source: 'manual', title: body.title, intake: body.intake }, tx),
      );
      return c.json(await caseDetail(ctx.db, actor, caseRow.id), 201);
    },
  );
  app.openapi(
    defineRoute('cases.board', {
      method: 'get',
      path: '/api/board',
      tags: ['cases'],
      summary: 'Open cases per stage (the board); filter by assignee, role, due date',
      request: {
        query: z.object({
          perStage: z.coerce.number().int().min(1).max(100).default(20),
          assignee: Id.optional(),
          role: RoleSchema.optional(),
          dueBefore: Iso.optional(),
        }),
      },
      responses: ok('Board'),
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { perStage, assignee, role, dueBefore } = c.req.valid('query');
      const filter = { assignee, role, dueBefore: dueBefore === undefined ? undefined : new Date(dueBefore) };
      const key = `board:${perStage}:${assignee ?? ''}:${role ?? ''}:${dueBefore ?? ''}`;
      return sendCachedJson(
        c,
        await boardCache.get(ctx, key, async () => cachedJson(await board(ctx, perStage, filter))),
      );
    },
  );
  app.openapi(
    defineRoute('cases.read', {
      method: 'get',
      path: '/api/cases/{caseId}',
      tags: ['cases'],
      summary: 'A case with tasks, assignments, appointments',
      request: { params: CaseParams },
      responses: ok('CaseDetail'),
    }),
    async (c) => c.json(await caseDetail(c.get('ctx').db, actorOf(c), c.req.valid('param').caseId), 200),
  );
  app.openapi(
    defineRoute('cases.transition', {
      method: 'post',
      path: '/api/cases/{caseId}/transition',
      tags: ['cases'],
      summary: 'Move the case to another stage (allowed moves and roles: workflow table)',
      request: { params: CaseParams, ...json(z.object({ to: WorkflowStageSchema }).openapi('Transition')) },
      responses: { ...ok('CaseDetail'), 409: { description: 'Move not allowed or open tasks' } },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { caseId } = c.req.valid('param');
      await transition(ctx, actorOf(c), caseId, c.req.valid('json').to);
      return c.json(await caseDetail(ctx.db, actorOf(c), caseId), 200);
    },
  );
  app.openapi(
    defineRoute('cases.tasks', {
      method: 'post',
      path: '/api/cases/{caseId}/tasks/{taskKey}',
      tags: ['cases'],
      summary: 'Tick (or reopen) a stage task',
      request: {
        params: CaseParams.extend({ taskKey: z.string().min(1).max(64) }),
        ...json(z.object({ done: z.boolean().default(true) }).openapi('TaskState')),
      },
      responses: ok('Empty'),
    }),
    async (c) => {
      const { caseId, taskKey } = c.req.valid('param');
      await completeTask(c.get('ctx'), actorOf(c), caseId, taskKey, c.req.valid('json').done);
      return c.json({}, 200);
    },
  );
  app.openapi(
    defineRoute('cases.assign', {
      method: 'put',
      path: '/api/cases/{caseId}/assignments/{role}',
      tags: ['cases'],
      summary: 'Assign a user in a role (helpdesk, technician, sales, ranger …)',
      request: {
        params: CaseParams.extend({ role: RoleSchema }),
        ...json(z.object({ userId: Id }).openapi('Assignment')),
      },
      responses: ok('Empty'),
    }),
    async (c) => {
      const { caseId, role } = c.req.valid('param');
      await assign(c.get('ctx'), actorOf(c), caseId, role, c.req.valid('json').userId);
      return c.json({}, 200);
    },
  );
  app.openapi(
    defineRoute('cases.link_customer', {
      method: 'put',
      path: '/api/cases/{caseId}/customer',
      tags: ['cases'],
      summary: 'Set customer/site/contact (by id, or matched from practice name + address)',
      request: {
        params: CaseParams,
        ...json(
          z
            .object({
              customerId: Id.optional(),
              siteId: Id.optional(),
              contactId: Id.optional(),
              practice: PracticeInputSchema.optional(),
            })
            .openapi('CaseCustomer'),
        ),
      },
      responses: ok('CaseCustomerResult'),
    }),
    async (c) =>
      c.json(
        await linkCustomer(c.get('ctx'), actorOf(c), c.req.valid('param').caseId, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    defineRoute('sales.update', {
      method: 'put',
      path: '/api/cases/{caseId}/sales',
      tags: ['sales'],
      summary: 'Move the sales pipeline (offer_sent, negotiating, won, lost, parked, pvs_booked)',
      request: {
        params: CaseParams,
        ...json(
          z
            .object({ status: z.enum(SalesStatus), note: z.string().max(2000).optional() })
            .openapi('SalesMove'),
        ),
      },
      responses: { ...ok('CaseDetail'), 409: { description: 'Move not allowed' } },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { caseId } = c.req.valid('param');
      const b = c.req.valid('json');
      await updateSales(ctx, actorOf(c), caseId, b.status, b.note);
      return c.json(await caseDetail(ctx.db, actorOf(c), caseId), 200);
    },
  );
  app.openapi(
    defineRoute('cases.audit_trail', {
      method: 'get',
      path: '/api/cases/{caseId}/audit-trail',
      tags: ['cases'],
      summary: 'Who did what, when, before/after',
      request: { params: CaseParams },
      responses: ok('AuditTrail'),
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { caseId } = c.req.valid('param');
      await loadCase(ctx.db, actorOf(c), caseId);
      return c.json(await caseAuditTrail(ctx.db, caseId), 200);
    },
  );

  // ---- appointments
  app.openapi(
    defineRoute('appointments.read', {
      method: 'get',
      path: '/api/cases/{caseId}/appointments',
      tags: ['scheduling'],
      summary: 'Appointments of a case',
      request: { params: CaseParams },
      responses: ok('Appointments'),
    }),
    async (c) => {
      const d = await caseDetail(c.get('ctx').db, actorOf(c), c.req.valid('param').caseId);
      return c.json(d.appointments, 200);
    },
  );
  app.openapi(
    defineRoute('appointments.write', {
      method: 'post',
      path: '/api/cases/{caseId}/appointments',
      tags: ['scheduling'],
      summary: 'Propose an audit appointment (sent as iCalendar invite by the mail layer)',
      request: {
        params: CaseParams,
        ...json(
          z
            .object({
              startsAt: Iso,
              endsAt: Iso,
              mode: z.enum(['on_site', 'remote']),
              location: z.string().max(500).optional(),
            })
            .openapi('NewAppointment'),
        ),
      },
      responses: created('Appointment'),
    }),
    async (c) =>
      c.json(
        await proposeAppointment(c.get('ctx'), actorOf(c), c.req.valid('param').caseId, c.req.valid('json')),
        201,
      ),
  );
  app.openapi(
    defineRoute('appointments.write', {
      method: 'put',
      path: '/api/cases/{caseId}/appointments/{appointmentId}',
      tags: ['scheduling'],
      summary: "Record the practice's answer (accepted, declined) or cancel",
      request: {
        params: CaseParams.extend({ appointmentId: Id }),
        ...json(
          z.object({ status: z.enum(['accepted', 'declined', 'cancelled']) }).openapi('AppointmentAnswer'),
        ),
      },
      responses: ok('Appointment'),
    }),
    async (c) => {
      const { caseId, appointmentId } = c.req.valid('param');
      return c.json(
        await respondAppointment(c.get('ctx'), actorOf(c), caseId, appointmentId, c.req.valid('json').status),
        200,
      );
    },
  );

  // ---- logbook & follow-ups
  app.openapi(
    defineRoute('logbook.read', {
      method: 'get',
      path: '/api/cases/{caseId}/logbook',
      tags: ['follow-up'],
      summary: 'Open points',
      request: { params: CaseParams },
      responses: ok('Logbook'),
    }),
    async (c) => c.json(await listLogbook(c.get('ctx'), actorOf(c), c.req.valid('param').caseId), 200),
  );
  app.openapi(
    defineRoute('logbook.write', {
      method: 'post',
      path: '/api/cases/{caseId}/logbook',
      tags: ['follow-up'],
      summary: 'Add an open point',
      request: {
        params: CaseParams,
        ...json(z.object({ text: z.string().min(1).max(5000) }).openapi('NewLogbookEntry')),
      },
      responses: created('LogbookEntry'),
    }),
    async (c) =>
      c.json(
        await addLogbookEntry(
          c.get('ctx'),
          actorOf(c),
          c.req.valid('param').caseId,
          c.req.valid('json').text,
        ),
        201,
      ),
  );
  app.openapi(
    defineRoute('logbook.write', {
      method: 'post',
      path: '/api/cases/{caseId}/logbook/{entryId}/resolve',
      tags: ['follow-up'],
      summary: 'Resolve an open point',
      request: { params: CaseParams.extend({ entryId: Id }) },
      responses: ok('LogbookEntry'),
    }),
    async (c) => {
      const { caseId, entryId } = c.req.valid('param');
      return c.json(await resolveLogbookEntry(c.get('ctx'), actorOf(c), caseId, entryId), 200);
    },
  );
  app.openapi(
    defineRoute('followups.read', {
      method: 'get',
      path: '/api/cases/{caseId}/followups',
      tags: ['follow-up'],
      summary: 'Follow-up tasks',
      request: { params: CaseParams },
      responses: ok('Followups'),
    }),
    async (c) => c.json(await listFollowups(c.get('ctx'), actorOf(c), c.req.valid('param').caseId), 200),
  );
  app.openapi(
    defineRoute('followups.write', {
      method: 'post',
      path: '/api/cases/{caseId}/followups',
      tags: ['follow-up'],
      summary: 'Add a follow-up task with due date and optional reminder',
      request: {
        params: CaseParams,
        ...json(
          z
            .object({
              title: z.string().min(1).max(500),
              dueAt: Iso,
              remindAt: Iso.optional(),
              assigneeId: Id.optional(),
            })
            .openapi('NewFollowup'),
        ),
      },
      responses: created('Followup'),
    }),
    async (c) =>
      c.json(
        await addFollowup(c.get('ctx'), actorOf(c), c.req.valid('param').caseId, c.req.valid('json')),
        201,
      ),
  );
  app.openapi(
    defineRoute('followups.write', {
      method: 'post',
      path: '/api/cases/{caseId}/followups/{followupId}/done',
      tags: ['follow-up'],
      summary: 'Mark a follow-up done',
      request: { params: CaseParams.extend({ followupId: Id }) },
      responses: ok('Followup'),
    }),
    async (c) => {
      const { caseId, followupId } = c.req.valid('param');
      return c.json(await completeFollowup(c.get('ctx'), actorOf(c), caseId, followupId), 200);
    },
  );

  // ---- sheet, findings, probe
  app.openapi(
    defineRoute('sheet.read', {
      method: 'get',
      path: '/api/cases/{caseId}/sheet',
      tags: ['audit'],
      summary: 'The audit sheet with open conflicts',
      request: { params: CaseParams },
      responses: ok('SheetState'),
    }),
    async (c) => c.json(await getSheet(c.get('ctx'), actorOf(c), c.req.valid('param').caseId), 200),
  );
  app.openapi(
    defineRoute('sheet.write', {
      method: 'put',
      path: '/api/cases/{caseId}/sheet',
      tags: ['audit'],
      summary: 'Save the whole sheet (optimistic: give the revision you read)',
      request: {
        params: CaseParams,
        ...json(
          z
            .object({ revision: z.number().int().nonnegative(), sheet: z.record(z.string(), z.unknown()) })
            .openapi('SheetPut'),
        ),
      },
      responses: { ...ok('SheetSaved'), 409: { description: 'Revision changed' } },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json(
        await putSheet(c.get('ctx'), actorOf(c), c.req.valid('param').caseId, b.sheet, b.revision),
        200,
      );
    },
  );
  app.openapi(
    defineRoute('sheet.write', {
      method: 'patch',
      path: '/api/cases/{caseId}/sheet',
      tags: ['audit'],
      summary: 'Set single values as entered by a person (source: person)',
      request: {
        params: CaseParams,
        ...json(
          z
            .object({
              revision: z.number().int().nonnegative(),
              set: z
                .array(z.object({ path: z.string().min(1).max(300), value: z.unknown() }))
                .min(1)
                .max(500),
            })
            .openapi('SheetPatch'),
        ),
      },
      responses: { ...ok('SheetSaved'), 409: { description: 'Revision changed' } },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json(
        await patchSheet(c.get('ctx'), actorOf(c), c.req.valid('param').caseId, b.set, b.revision),
        200,
      );
    },
  );
  app.openapi(
    defineRoute('sheet.conflicts.resolve', {
      method: 'post',
      path: '/api/cases/{caseId}/sheet/conflicts/{conflictId}',
      tags: ['audit'],
      summary: "Resolve a conflict: keep the person's value or take the probe's",
      request: {
        params: CaseParams.extend({ conflictId: Id }),
        ...json(z.object({ take: z.enum(['kept', 'incoming']) }).openapi('ConflictResolution')),
      },
      responses: ok('ConflictResolved'),
    }),
    async (c) => {
      const { caseId, conflictId } = c.req.valid('param');
      return c.json(
        await resolveConflict(c.get('ctx'), actorOf(c), caseId, conflictId, c.req.valid('json').take),
        200,
      );
    },
  );
  app.openapi(
    defineRoute('findings.read', {
      method: 'get',
      path: '/api/cases/{caseId}/findings',
      tags: ['audit'],
      summary: 'Findings and scores',
      request: { params: CaseParams },
      responses: ok('Findings'),
    }),
    async (c) => c.json(await listFindings(c.get('ctx'), actorOf(c), c.req.valid('param').caseId), 200),
  );
  app.openapi(
    defineRoute('probe.enroll', {
      method: 'post',
      path: '/api/cases/{caseId}/probe-enrollments',
      tags: ['probe'],
      summary: 'Create an enrollment token for the probe (shown once)',
      request: { params: CaseParams },
      responses: created('Enrollment'),
    }),
    async (c) => c.json(await createEnrollment(c.get('ctx'), actorOf(c), c.req.valid('param').caseId), 201),
  );
  app.openapi(
    defineRoute('probe.upload', {
      method: 'post',
      path: '/api/probe/uploads',
      tags: ['probe'],
      summary: 'Upload a facts document (Bearer: enrollment token); idempotent by documentId',
      request: json(z.record(z.string(), z.unknown()).openapi('FactsDocument')),
      responses: { ...ok('UploadResult'), 409: { description: 'Same documentId with other content' } },
    }),
    async (c) => c.json(await uploadFacts(c.get('ctx'), actorOf(c), c.req.valid('json')), 200),
  );

  // ---- pre-information
  app.openapi(
    defineRoute('preinfo.link', {
      method: 'post',
      path: '/api/cases/{caseId}/preinfo-links',
      tags: ['pre-information'],
      summary: 'Create the secure link for the practice (token shown once)',
      request: { params: CaseParams },
      responses: created('PreinfoLink'),
    }),
    async (c) => c.json(await createPreinfoLink(c.get('ctx'), actorOf(c), c.req.valid('param').caseId), 201),
  );
  app.openapi(
    defineRoute('preinfo.read', {
      method: 'get',
      path: '/api/cases/{caseId}/preinfo',
      tags: ['pre-information'],
      summary: "The practice's answers",
      request: { params: CaseParams },
      responses: ok('PreinfoState'),
    }),
    async (c) => c.json(await readPreinfo(c.get('ctx'), actorOf(c), c.req.valid('param').caseId), 200),
  );
  app.openapi(
    defineRoute('preinfo.form', {
      method: 'get',
      path: '/api/preinfo/form',
      tags: ['pre-information'],
      summary: 'The form as the practice sees it (Bearer: link token)',
      responses: ok('PreinfoForm'),
    }),
    async (c) => c.json(await readPreinfoForm(c.get('ctx'), actorOf(c)), 200),
  );
  app.openapi(
    defineRoute('preinfo.form', {
      method: 'put',
      path: '/api/preinfo/form',
      tags: ['pre-information'],
      summary: 'Submit the form (Bearer: link token)',
      request: json(PreInfoSchema),
      responses: ok('PreinfoForm'),
    }),
    async (c) => c.json(await submitPreinfo(c.get('ctx'), actorOf(c), c.req.valid('json')), 200),
  );

  // ---- secrets
  app.openapi(
    defineRoute('secrets.list', {
      method: 'get',
      path: '/api/cases/{caseId}/secrets',
      tags: ['vault'],
      summary: 'Secrets of a case (metadata only)',
      request: { params: CaseParams },
      responses: ok('SecretList'),
    }),
    async (c) => c.json(await listSecrets(c.get('ctx'), actorOf(c), c.req.valid('param').caseId), 200),
  );
  app.openapi(
    defineRoute('secrets.write', {
      method: 'post',
      path: '/api/cases/{caseId}/secrets',
      tags: ['vault'],
      summary: 'Store a credential (encrypted at rest)',
      request: {
        params: CaseParams,
        ...json(
          z
            .object({
              kind: z.enum(SecretKind),
              label: z.string().min(1).max(200),
              value: z.string().min(1).max(10_000).openapi({ format: 'password', example: '********' }),
              allowedRoles: z.array(RoleSchema).max(7).optional(),
            })
            .openapi('NewSecret'),
        ),
      },
      responses: created('SecretMeta'),
    }),
    async (c) =>
      c.json(
        await storeSecret(c.get('ctx'), actorOf(c), c.req.valid('param').caseId, c.req.valid('json')),
        201,
      ),
  );
  app.openapi(
    defineRoute('secrets.reveal', {
      method: 'post',
      path: '/api/cases/{caseId}/secrets/{secretId}/reveal',
      tags: ['vault'],
      summary: 'Decrypt one secret (role-gated per secret; every read is audited)',
      request: { params: CaseParams.extend({ secretId: Id }) },
      responses: ok('SecretValue'),
    }),
    async (c) => {
      const { caseId, secretId } = c.req.valid('param');
      c.header('Cache-Control', 'no-store');
      return c.json(await revealSecret(c.get('ctx'), actorOf(c), caseId, secretId), 200);
    },
  );

  // ---- artifacts
  app.openapi(
    defineRoute('artifacts.read', {
      method: 'get',
      path: '/api/cases/{caseId}/artifacts',
      tags: ['artifacts'],
      summary: 'Files of a case by folder',
      request: { params: CaseParams },
      responses: ok('ArtifactList'),
    }),
    async (c) => c.json(await listArtifacts(c.get('ctx'), actorOf(c), c.req.valid('param').caseId), 200),
  );
  app.openapi(
    defineRoute('artifacts.write', {
      method: 'post',
      path: '/api/cases/{caseId}/artifacts',
      tags: ['artifacts'],
      summary: `Upload a file (multipart: folder = ${ARTIFACT_FOLDERS.join(' | ')}, file)`,
      request: {
        params: CaseParams,
        body: {
          content: {
            'multipart/form-data': {
              schema: z.object({
                folder: z.enum(ArtifactFolder),
                file: z.any().openapi({ type: 'string', format: 'binary' }),
              }),
            },
          },
          required: true,
        },
      },
      responses: {
        ...created('Artifact'),
        413: { description: 'Too large' },
        415: { description: 'Content does not match its type' },
      },
    }),
    async (c) => {
      const form: { folder: ArtifactFolder; file: unknown } = c.req.valid('form');
      const file = form.file;
      if (!(file instanceof File)) {
        throw new AppError('VALIDATION_FAILED', 'file must be a file part', {
          issues: [{ code: 'invalid_type', path: ['file'], message: 'expected a file', severity: 'error' }],
        });
      }
      const bytes = Buffer.from(await file.arrayBuffer());
      const r = await addArtifact(c.get('ctx'), actorOf(c), c.req.valid('param').caseId, {
        folder: form.folder,
        filename: file.name,
        contentType: file.type || 'application/octet-stream',
        bytes,
      });
      return c.json(r, 201);
    },
  );
  app.openapi(
    defineRoute('artifacts.read', {
      method: 'get',
      path: '/api/cases/{caseId}/artifacts/{artifactId}',
      tags: ['artifacts'],
      summary: 'Download a file',
      request: { params: CaseParams.extend({ artifactId: Id }) },
      responses: { 200: { description: 'The file' } },
    }),
    async (c) => {
      const { caseId, artifactId } = c.req.valid('param');
      const { meta, bytes } = await readArtifact(c.get('ctx'), actorOf(c), caseId, artifactId);
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': meta.contentType,
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(meta.filename)}`,
        'X-Content-Type-Options': 'nosniff',
      });
    },
  );

  // ---- admin
  app.openapi(
    defineRoute('integrations.read', {
      method: 'get',
      path: '/api/admin/integrations',
      tags: ['admin'],
      summary: 'Status of database, SMTP out, SMTP intake, IMAP, jobs and artifact storage (no secrets)',
      responses: ok('IntegrationStatus'),
    }),
    (c) => c.json(integrationStatus(c.get('ctx')), 200),
  );

  // ---- search
  app.openapi(
    defineRoute('search', {
      method: 'get',
      path: '/api/search',
      tags: ['search'],
      summary: 'German full-text search over cases, customers, sheets, findings, notes, artifact text',
      request: {
        query: z.object({
          q: z.string().min(1).max(200),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
      responses: ok('SearchHits'),
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { q, limit } = c.req.valid('query');
      return sendCachedJson(
        c,
        await searchCache.get(ctx, `${limit}:${q}`, async () => cachedJson(await search(ctx, q, limit))),
      );
    },
  );
}
