/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of API responses are read loosely in this test */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import {
  startDovecot,
  startSmtpSink,
  type DovecotServer,
  type SmtpSink,
} from '@praxisready/mail/test-support';
import { ENGINES, createTestDatabase, type TestDatabase } from '../test-support/db.ts';
import { createFixture, type Fixture } from '../test-support/fixture.ts';

const FIXTURES = new URL('../../../mail/src/__fixtures__/intake/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) {
      return v;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(ENGINES)('mail intake and scheduling through the server on %s', (engine) => {
  let tdb: TestDatabase;
  let f: Fixture;
  let sink: SmtpSink;
  let transport: ReturnType<typeof nodemailer.createTransport>;

  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    sink = await startSmtpSink();
    f = await createFixture(tdb.database, {
      smtpIntake: { host: '127.0.0.1', port: 0 },
      smtpOut: { host: sink.host, port: sink.port, secure: false, auth: undefined },
      mailFrom: 'termine@systemhaus.test',
    });
    const port = f.server.integrations.smtpIntake!.port;
    transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  });
  afterAll(async () => {
    transport.close();
    await f.server.close();
    await sink.close();
    await tdb.drop();
  });

  const cases = async () =>
    (await f.server.ctx.database.executeSql('select id, message_id, intake from cases order by number')).rows;

  it("listens on the configured port (0 = a free one) and turns a real SMTP session's mail into one case", async () => {
    expect(f.server.integrations.smtpIntake!.port).toBeGreaterThan(0);
    const status = await (await f.req('GET', '/api/admin/integrations', f.tokens.admin)).json();
    expect(status).toMatchObject({
      smtpIntake: { configured: true, listening: true, port: f.server.integrations.smtpIntake!.port },
      smtpOut: { configured: true, authenticated: false, from: 'termine@systemhaus.test' },
      imap: { configured: false },
      jobs: { enabled: false, running: false },
      artifacts: { kind: 'disk' },
    });
    const before = (await cases()).length;
    const raw = fixture('01-einzelpraxis-plain.eml');
    await transport.sendMail({ envelope: { from: 'a@b.test', to: ['audit@systemhaus.test'] }, raw });
    await transport.sendMail({ envelope: { from: 'a@b.test', to: ['audit@systemhaus.test'] }, raw });
    const rows = await cases();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)!.message_id).toBe('20261110081419.4711@praxis-dr-hoffmann.de');
    expect((rows.at(-1)!.intake as any).practiceName).toBe('Praxis Dr. med. Katrin Hoffmann');
  });

  it('keeps a malformed mail as a case with the reason', async () => {
    const before = (await cases()).length;
    const raw = Buffer.from(
      'Subject: =?x?Q?kaputt\r\nContent-Type: multipart/mixed\r\n\r\nkein Boundary\r\n',
    );
    await transport.sendMail({ envelope: { from: 'a@b.test', to: ['audit@systemhaus.test'] }, raw });
    const rows = await cases();
    expect(rows).toHaveLength(before + 1);
    const intake = rows.at(-1)!.intake as { problems?: string[] };
    expect(intake.problems?.length ?? 0).toBeGreaterThan(0);
  });

  it('sends an iCalendar invite for a proposed appointment and records the reply on it, not as a case', async () => {
    const rows = await cases();
    const caseId = String(rows[0]!.id);
    const sent = sink.messages.length;
    const res = await f.req('POST', `/api/cases/${caseId}/appointments`, f.tokens.helpdesk, {
      startsAt: '2026-12-01T09:00:00+01:00',
      endsAt: '2026-12-01T11:00:00+01:00',
      mode: 'on_site',
      location: 'Praxis',
    });
    expect(res.status).toBe(201);
    const appt = (await res.json()) as { id: string };
    const [mail] = (await sink.waitFor(sent + 1)).slice(sent);
    const text = mail!.raw.toString('utf8');
    // no contact or customer address yet: the invite goes to the sender of the intake mail
    expect(mail!.envelope.rcptTo).toEqual(['info@praxis-dr-hoffmann.de']);
    expect(text).toMatch(/text\/calendar; ?charset=utf-8; ?method=REQUEST/i);
    const uid = /UID:(\S+)/.exec(text.replace(/\r\n /g, ''))![1]!;
    expect(uid).toBe(`appointment-${appt.id}@praxisready`);

    const reply = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Praxis//Outlook//DE',
      'METHOD:REPLY',
      'BEGIN:VEVENT',
      `UID:${uid}`,
      'SEQUENCE:0',
      'DTSTAMP:20261120T100000Z',
      'DTSTART:20261201T080000Z',
      'DTEND:20261201T100000Z',
      `ATTENDEE;PARTSTAT=ACCEPTED;CN=Katrin Hoffmann:mailto:${mail!.envelope.rcptTo[0]}`,
      'ORGANIZER:mailto:termine@systemhaus.test',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const before = (await cases()).length;
    const answer = {
      from: mail!.envelope.rcptTo[0]!,
      to: 'termine@systemhaus.test',
      subject: 'Angenommen: Tech-Audit',
      text: 'Passt.',
      icalEvent: { method: 'REPLY', content: reply },
    };
    await transport.sendMail(answer);
    await transport.sendMail(answer); // delivered twice: still one answer, no case
    expect(await cases()).toHaveLength(before);
    const list = (await (
      await f.req('GET', `/api/cases/${caseId}/appointments`, f.tokens.helpdesk)
    ).json()) as any[];
    expect(list.find((a) => a.id === appt.id)).toMatchObject({ status: 'accepted' });
    const trail = await f.server.ctx.database.executeSql(
      `select action from audit_events where entity_id = $1 order by id`,
      [appt.id],
    );
    expect(trail.rows.map((r) => r.action)).toEqual([
      'appointment.proposed',
      'appointment.invite_sent',
      'appointment.accepted',
    ]);
  });
});

describe.each(ENGINES)('IMAP poll as a pg-boss job on %s', (engine) => {
  let tdb: TestDatabase;
  let f: Fixture;
  let dovecot: DovecotServer;
  const user = { user: 'zentrale', pass: 'imap-test-passwort' };

  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    dovecot = await startDovecot({ users: [user] });
    // the same mail delivered twice (a retrying relay) before the server starts
    await dovecot.append(user.user, fixture('02-gemeinschaftspraxis-html.eml'));
    await dovecot.append(user.user, fixture('02-gemeinschaftspraxis-html.eml'));
    f = await createFixture(tdb.database, {
      jobs: true,
      imap: {
        host: dovecot.host,
        port: dovecot.port,
        secure: false,
        mailbox: 'INBOX',
        user: user.user,
        password: user.pass,
        intervalMs: 1000,
      },
    });
  });
  afterAll(async () => {
    await f.server.close();
    await dovecot.stop();
    await tdb.drop();
  });

  const caseCount = async () =>
    Number((await f.server.ctx.database.executeSql('select count(*) as n from cases')).rows[0]!.n);

  it('polls the mailbox: a twice-delivered mail makes one case, a later mail the next poll', async () => {
    expect(f.server.integrations.imap?.mode).toBe('pg-boss');
    await until('first poll', async () => ((await caseCount()) >= 1 ? true : undefined));
    await until('both mails seen', async () => {
      const c = await dovecot.client(user.user);
      try {
        const s = await c.status('INBOX', { unseen: true });
        return s !== false && s.unseen === 0 ? true : undefined;
      } finally {
        await c.logout();
      }
    });
    expect(await caseCount()).toBe(1);
    expect(f.server.integrations.imap?.last).toMatchObject({ ok: true });
    const status = await f.req('GET', '/api/admin/integrations', f.tokens.admin);
    const text = await status.text();
    expect(JSON.parse(text)).toMatchObject({
      database: { engine },
      imap: { configured: true, mode: 'pg-boss', mailbox: 'INBOX', lastPoll: { ok: true } },
      jobs: { enabled: true, running: true },
      smtpIntake: { configured: false },
    });
    expect(text).not.toContain(user.pass);
    expect(text).not.toContain(user.user);
    expect((await f.req('GET', '/api/admin/integrations', f.tokens.helpdesk)).status).toBe(403);

    await dovecot.append(user.user, fixture('05-short-mobile.eml'));
    await until('second case', async () => ((await caseCount()) === 2 ? true : undefined));
    const ids = await f.server.ctx.database.executeSql('select message_id from cases order by number');
    expect(ids.rows.map((r) => r.message_id)).toEqual([
      'CAF=4a7b9c@gp-schmidt-partner.de',
      'CAKx8z=9f1@mail.gmail.com',
    ]);
  });
});
