/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return -- JSON bodies of API responses are read loosely in this test */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKFLOW_STAGES } from '@praxisready/model';
import { ENGINES, createTestDatabase, type TestDatabase } from './test-support/db.ts';
import { createFixture, type Fixture } from './test-support/fixture.ts';
import { intakeMail } from './intake/service.ts';
import { systemActor } from './context.ts';
import nodemailer from 'nodemailer';
import { startMailIntake } from './intake/mail.ts';

const facts = JSON.parse(
  readFileSync(new URL('./__fixtures__/facts-empfang.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe.each(ENGINES)('case workflow end to end on %s', (engine) => {
  let tdb: TestDatabase;
  let f: Fixture;
  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    f = await createFixture(tdb.database);
  });
  afterAll(async () => {
    await f.server.close();
    await tdb.drop();
  });

  const call = async (
    method: string,
    path: string,
    role: string | undefined,
    body?: unknown,
    status = 200,
  ) => {
    const token = role === undefined ? undefined : ((f.tokens as Record<string, string>)[role] ?? role);
    const r = await f.req(method, path, token, body);
    const text = await r.text();
    expect(r.status, `${method} ${path} as ${String(role)}: ${text}`).toBe(status);
    return (text ? JSON.parse(text) : null) as Record<string, any>;
  };

  it('walks an intake mail through all 8 stages to "PVS booked" with a complete audit trail', async () => {
    const { ctx } = f.server;
    // 1. intake (the mail layer calls this service; the same Message-ID twice makes one case)
    const mail = {
      messageId: '<anfrage-4711@praxis-sonnenschein.de>',
      subject: 'Anfrage Tech-Audit Praxis Sonnenschein',
      data: {
        practiceName: 'Praxis Dr. Sonnenschein',
        contactName: 'Maria Schmidt',
        phone: '030 1234567',
        email: 'info@praxis-sonnenschein.de',
        street: 'Hauptstraße 5',
        postalCode: '10115',
        city: 'Berlin',
        text: 'Wir möchten Doctolib mit TI-Anbindung nutzen. Konnektor steht im Serverraum.',
      },
      attachments: [
        {
          filename: 'Netzplan.txt',
          contentType: 'text/plain',
          content: Buffer.from('Konnektor 192.168.10.5:443'),
        },
      ],
    };
    // a real SMTP session to our intake endpoint; the same mail twice makes one case
    const smtp = await startMailIntake(ctx, { port: 0 });
    try {
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        ignoreTLS: true,
      });
      const message = {
        from: 'Maria Schmidt <info@praxis-sonnenschein.de>',
        to: 'audit@systemhaus.test',
        subject: mail.subject,
        messageId: mail.messageId,
        text: [
          'Guten Tag,',
          'wir möchten Doctolib mit TI-Anbindung nutzen und bitten um einen Tech-Audit.',
          'Der Konnektor steht im Serverraum.',
          '',
          'Mit freundlichen Grüßen',
          'Maria Schmidt',
          'Praxis Dr. Sonnenschein',
          'Hauptstraße 5',
          '10115 Berlin',
          'Tel. 030 1234567',
        ].join('\n'),
        attachments: [
          { filename: 'Netzplan.txt', content: 'Konnektor 192.168.10.5:443', contentType: 'text/plain' },
        ],
      };
      await transport.sendMail(message);
      await transport.sendMail(message);
      transport.close();
    } finally {
      await smtp.close();
    }
    const made = await ctx.database.executeSql('select id from cases where message_id like $1', [
      'anfrage-4711@%',
    ]);
    expect(made.rows).toHaveLength(1);
    const direct = await intakeMail(ctx, systemActor('smtp'), mail);
    const first = { caseId: String(made.rows[0]!.id) };
    // the same Message-ID handed over directly (with angle brackets) finds the same case
    expect(direct).toMatchObject({ created: false, caseId: first.caseId });
    const id = first.caseId;
    const base = `/api/cases/${id}`;

    let c = await call('GET', base, 'dispatcher');
    expect(c.stage).toBe('intake');
    expect(c.intake.phone).toMatch(/30\s*1234567$/);
    expect(c.intake.practiceName).toContain('Sonnenschein');

    // a forward move with open tasks is refused, naming them
    const refused = await call('POST', `${base}/transition`, 'dispatcher', { to: 'dispatch' }, 409);
    expect(refused.issues.map((i: { path: string }) => i.path)).toEqual(['tasks.intake.review']);
    // the wrong role may not move it at all
    await call('POST', `${base}/transition`, 'technician', { to: 'dispatch' }, 403);

    await call('POST', `${base}/tasks/intake.review`, 'dispatcher', { done: true });
    await call('POST', `${base}/transition`, 'dispatcher', { to: 'dispatch' });

    // 2. dispatch: assign helpdesk (ticks the task)
    await call('PUT', `${base}/assignments/helpdesk`, 'dispatcher', { userId: f.userIds.helpdesk });
    await call('POST', `${base}/transition`, 'dispatcher', { to: 'scheduling' });

    // 3. customer + site (matched: a second spelling finds the same site), appointment, pre-information
    const practice = {
      name: 'Praxis Dr. Sonnenschein',
      street: 'Hauptstraße 5',
      postalCode: '10115',
      city: 'Berlin',
    };
    const linked = await call('PUT', `${base}/customer`, 'helpdesk', { practice });
    expect(linked.createdSite).toBe(true);
    // the mail's sender became the customer's contact and the case's
    const customer = await call('GET', `/api/customers/${linked.customerId}`, 'helpdesk');
    expect(customer.contacts).toEqual([
      expect.objectContaining({
        name: 'Maria Schmidt',
        email: 'info@praxis-sonnenschein.de',
        siteId: linked.siteId,
      }),
    ]);
    expect((await call('GET', base, 'helpdesk')).contact).toMatchObject({
      id: customer.contacts[0].id,
      phone: '+49301234567', // as the intake parser normalised it
    });
    const rematch = await call('POST', '/api/customers/match', 'helpdesk', {
      ...practice,
      name: 'praxis dr. sonnenschein',
      street: 'Hauptstr. 5',
    });
    expect(rematch).toMatchObject({
      customerId: linked.customerId,
      siteId: linked.siteId,
      createdSite: false,
    });
    await call(
      'POST',
      `${base}/appointments`,
      'helpdesk',
      { startsAt: '2026-12-01T09:00:00Z', endsAt: '2026-12-01T12:00:00Z', mode: 'on_site' },
      201,
    );
    const link = await call('POST', `${base}/preinfo-links`, 'helpdesk', undefined, 201);
    // the practice fills the form through its link and sees nothing else of the case
    const form = await call('GET', '/api/preinfo/form', link.token);
    expect(Object.keys(form).sort()).toEqual(['answers', 'submittedAt']);
    await call('GET', base, link.token, undefined, 403);
    await call('PUT', '/api/preinfo/form', link.token, {
      contactPerson: { name: 'Maria Schmidt' },
      pvsInUse: 'x.concept',
      workplaces: 4,
      largeMedicalDevices: 'no',
    });
    await call('PUT', '/api/preinfo/form', link.token, { title: 'nope' }, 400);
    await call(
      'POST',
      `${base}/secrets`,
      'helpdesk',
      { kind: 'konnektor', label: 'Konnektor Admin', value: 'Sonnen-Konnektor-Geheim-99' },
      201,
    );
    await call('PUT', `${base}/assignments/technician`, 'helpdesk', { userId: f.userIds.technician });
    await call('POST', `${base}/transition`, 'helpdesk', { to: 'audit' });

    // 4. audit: a person value, then the probe upload (idempotent, conflict kept), evidence
    const sheet0 = await call('GET', `${base}/sheet`, 'technician');
    await call('PATCH', `${base}/sheet`, 'technician', {
      revision: sheet0.revision,
      set: [{ path: 'network.gateway', value: '192.168.10.254' }],
    });
    const enrollment = await call('POST', `${base}/probe-enrollments`, 'technician', undefined, 201);
    const up1 = await call('POST', '/api/probe/uploads', enrollment.token, facts);
    const up2 = await call('POST', '/api/probe/uploads', enrollment.token, facts);
    expect(up1.duplicate).toBe(false);
    expect(up2).toMatchObject({ duplicate: true, documentId: up1.documentId, revision: up1.revision });
    expect(up1.conflicts.map((k: { path: string }) => k.path)).toEqual(['network.gateway']);
    await call(
      'POST',
      '/api/probe/uploads',
      enrollment.token,
      { ...facts, collectedAt: '2026-11-23T11:00:00Z' },
      409,
    );
    const sheet1 = await call('GET', `${base}/sheet`, 'technician');
    expect(sheet1.sheet.network.gateway).toMatchObject({ value: '192.168.10.254', source: 'person' });
    expect(sheet1.sheet.machines[0].ramGb).toMatchObject({ value: 8, source: 'probe' });
    expect(sheet1.conflicts).toHaveLength(1);
    const findings = await call('GET', `${base}/findings`, 'technician');
    expect(findings.findings.length).toBeGreaterThan(0);
    expect(findings.scores.overall).toBeDefined();
    await call('POST', `${base}/transition`, 'technician', { to: 'post_processing' });

    // 5. post-processing
    await call('POST', `${base}/tasks/post.final_sheet`, 'technician', { done: true });
    await call('POST', `${base}/transition`, 'technician', { to: 'report_offer' });

    // 6. report (a file in 04_Nacharbeit ticks it) and offer (sales pipeline offer_sent ticks it)
    const form4 = new FormData();
    form4.set('folder', '04_Nacharbeit');
    form4.set(
      'file',
      new File(['Auditbericht Praxis Sonnenschein: Arbeitsspeicher zu klein'], 'Bericht.txt', {
        type: 'text/plain',
      }),
    );
    const up = await f.server.app.request(`${base}/artifacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${f.tokens.technician}` },
      body: form4,
    });
    expect(up.status, await up.clone().text()).toBe(201);
    await call('PUT', `${base}/sales`, 'sales', { status: 'offer_sent' });
    await call('POST', `${base}/transition`, 'technician', { to: 'sales' });

    // 7. sales
    await call('PUT', `${base}/sales`, 'sales', { status: 'pvs_booked' }, 409);
    await call('PUT', `${base}/sales`, 'sales', { status: 'negotiating' });
    await call(
      'POST',
      `${base}/followups`,
      'sales',
      { title: 'Wartungsvertrag nachfassen', dueAt: '2026-12-10T09:00:00Z' },
      201,
    );
    await call('POST', `${base}/tasks/sales.contact`, 'sales', { done: true });
    await call('POST', `${base}/transition`, 'sales', { to: 'follow_up' });

    // 8. follow-up until the PVS is booked
    await call('POST', `${base}/logbook`, 'sales', { text: 'Kartenterminal Sprechzimmer 2 fehlt noch' }, 201);
    await call('PUT', `${base}/sales`, 'sales', { status: 'won' });
    await call('PUT', `${base}/sales`, 'sales', { status: 'pvs_booked' });
    c = await call('GET', base, 'dispatcher');
    expect(c).toMatchObject({ stage: 'follow_up', status: 'pvs_booked', salesStatus: 'pvs_booked' });
    expect(c.closedAt).not.toBeNull();
    await call('POST', `${base}/transition`, 'sales', { to: 'sales' }, 409);

    // the audit trail has every step, with who and before/after
    const trail = (await call('GET', `${base}/audit-trail`, 'dispatcher')) as unknown as {
      action: string;
      actor: string;
      before: any;
      after: any;
    }[];
    const stages = trail.filter((e) => e.action === 'case.stage_changed').map((e) => e.after.stage);
    expect(['intake', ...stages]).toEqual(WORKFLOW_STAGES);
    const actions = new Set(trail.map((e) => e.action));
    for (const a of [
      'case.created',
      'artifact.added',
      'case.assigned',
      'case.customer_linked',
      'appointment.proposed',
      'preinfo.link_created',
      'preinfo.submitted',
      'secret.stored',
      'sheet.patched',
      'sheet.probe_merged',
      'findings.recomputed',
      'probe.uploaded',
      'case.sales_changed',
      'followup.created',
      'logbook.added',
    ]) {
      expect(actions, a).toContain(a);
    }
    expect(
      trail.find((e) => e.action === 'case.sales_changed' && e.after.salesStatus === 'pvs_booked'),
    ).toMatchObject({
      actor: 'sales@praxisready.test',
      before: { salesStatus: 'won', status: 'open' },
    });
    expect(JSON.stringify(trail)).not.toContain('Sonnen-Konnektor-Geheim-99');

    // searchable: case, customer, artifact text, notes
    const hits = await call('GET', '/api/search?q=Arbeitsspeicher', 'dispatcher');
    expect(hits.some((h: { kind: string; caseId: string }) => h.kind === 'artifact' && h.caseId === id)).toBe(
      true,
    );
    const notes = await call('GET', '/api/search?q=Kartenterminals', 'dispatcher');
    expect(notes.some((h: { kind: string }) => h.kind === 'note')).toBe(true);
    const board = await call('GET', '/api/board', 'ranger');
    expect(board.stages.map((s: { stage: string }) => s.stage)).toEqual(WORKFLOW_STAGES);
  });
});
