import { and, eq } from 'drizzle-orm';
import { buildInvite, sendMail, type InviteReplyMail } from '@praxisready/mail';
import { systemActor, type AppContext } from '../context.ts';
import { appointments, cases, contacts, customers } from '../db/schema.ts';
import { recordAudit } from '../audit/trail.ts';
import { addArtifact } from '../artifacts/service.ts';
import type { IntakeData } from './service.ts';

/** iCalendar UID of an appointment; replies name it, so it must stay stable across updates. */
export function appointmentUid(appointmentId: string): string {
  return `appointment-${appointmentId}@praxisready`;
}

const UID = /^appointment-([0-9a-f-]{36})@praxisready$/i;

const MODE_DE: Record<string, string> = { on_site: 'vor Ort', remote: 'per Fernwartung' };

/** The practice's address for invites: the case contact, else the customer, else the intake sender. */
async function recipientOf(ctx: AppContext, caseRow: typeof cases.$inferSelect): Promise<string | undefined> {
  if (caseRow.contactId) {
    const c = (await ctx.db.select().from(contacts).where(eq(contacts.id, caseRow.contactId)))[0];
    if (c?.email) {
      return c.email;
    }
  }
  if (caseRow.customerId) {
    const c = (await ctx.db.select().from(customers).where(eq(customers.id, caseRow.customerId)))[0];
    if (c?.email) {
      return c.email;
    }
  }
  const intake = caseRow.intake as IntakeData;
  return intake.email ?? intake.from;
}

/**
 * Sends the iCalendar invite of a proposed appointment to the practice (when outgoing SMTP is configured).
 * The outcome — sent (with the Message-ID), skipped (no address) or failed — goes to the audit trail; a
 * failure never undoes the proposal, the helpdesk sees it and can phone instead.
 */
export async function sendAppointmentInvite(
  ctx: AppContext,
  event: { caseId: string; appointmentId: string },
  log: (line: string) => void,
): Promise<void> {
  const smtp = ctx.config.smtpOut;
  const from = ctx.config.mailFrom;
  if (!smtp || !from) {
    return;
  }
  const actor = systemActor('invite');
  const appt = (await ctx.db.select().from(appointments).where(eq(appointments.id, event.appointmentId)))[0];
  const caseRow = (await ctx.db.select().from(cases).where(eq(cases.id, event.caseId)))[0];
  if (!appt || !caseRow) {
    return;
  }
  const audit = (action: string, after: Record<string, unknown>) =>
    recordAudit(ctx.db, actor, {
      action,
      entityType: 'appointment',
      entityId: appt.id,
      caseId: caseRow.id,
      after,
    });
  const to = await recipientOf(ctx, caseRow);
  if (!to) {
    await audit('appointment.invite_skipped', { reason: 'no e-mail address of the practice' });
    return;
  }
  const summary = `Tech-Audit ${caseRow.title} (#${caseRow.number})`;
  const ics = buildInvite({
    uid: appointmentUid(appt.id),
    start: appt.startsAt,
    end: appt.endsAt,
    summary,
    description: `Terminvorschlag für den Tech-Audit ${MODE_DE[appt.mode] ?? appt.mode}. Bitte zusagen oder absagen.`,
    ...(appt.location ? { location: appt.location } : {}),
    organizer: { email: from },
    attendees: [{ email: to }],
    sequence: 0,
    method: 'REQUEST',
  });
  try {
    const sent = await sendMail(smtp, {
      from,
      to,
      subject: `Terminvorschlag: ${summary}`,
      text: [
        'Guten Tag,',
        '',
        `wir schlagen für den Tech-Audit folgenden Termin vor: ${appt.startsAt.toLocaleString('de-DE', { timeZone: 'Europe/Berlin' })} (${MODE_DE[appt.mode] ?? appt.mode}).`,
        'Bitte nehmen Sie die Einladung an oder lehnen Sie sie ab.',
      ].join('\n'),
      invite: { ics, method: 'REQUEST' },
      headers: { 'X-Praxisready-Case': String(caseRow.number) },
    });
    await audit('appointment.invite_sent', { to, messageId: sent.messageId });
  } catch (e) {
    log(`invite for appointment ${appt.id} not sent: ${(e as Error).message}`);
    await audit('appointment.invite_failed', { to, error: (e as Error).message });
  }
}

const STATUS_OF = { ACCEPTED: 'accepted', DECLINED: 'declined', TENTATIVE: 'tentative' } as const;

/**
 * Records the practice's answer to one of our invites on the appointment (not as a new case). Returns the
 * case id, or undefined when the UID is not one of our appointments (the mail is then an ordinary intake).
 * The raw reply is filed in 01_Intake of the case; a repeated delivery changes nothing.
 */
export async function recordInviteReply(
  ctx: AppContext,
  reply: InviteReplyMail,
  raw: Buffer,
): Promise<{ caseId: string; appointmentId: string; status: string } | undefined> {
  const id = UID.exec(reply.uid)?.[1];
  if (!id) {
    return undefined;
  }
  const actor = systemActor('invite-reply');
  return ctx.db.transaction(async (tx) => {
    const appt = (await tx.select().from(appointments).where(eq(appointments.id, id)))[0];
    if (!appt) {
      return undefined;
    }
    const status = STATUS_OF[reply.partstat];
    if (appt.status === status || appt.status === 'cancelled') {
      return { caseId: appt.caseId, appointmentId: appt.id, status: appt.status };
    }
    await tx
      .update(appointments)
      .set({ status, respondedAt: reply.repliedAt ? new Date(reply.repliedAt) : ctx.now() })
      .where(and(eq(appointments.id, appt.id), eq(appointments.caseId, appt.caseId)));
    await recordAudit(tx, actor, {
      action: `appointment.${status}`,
      entityType: 'appointment',
      entityId: appt.id,
      caseId: appt.caseId,
      before: { status: appt.status },
      after: {
        status,
        by: reply.attendee.email,
        via: 'mail',
        ...(reply.comment ? { comment: reply.comment } : {}),
      },
    });
    // Keeping the reply is a courtesy; a store failure must not lose the recorded answer (savepoint).
    await tx
      .transaction((sp) =>
        addArtifact(
          ctx,
          actor,
          appt.caseId,
          { folder: '01_Intake', filename: 'terminantwort.eml', contentType: 'message/rfc822', bytes: raw },
          sp,
        ),
      )
      .catch(() => undefined);
    await tx.update(cases).set({ updatedAt: new Date() }).where(eq(cases.id, appt.caseId));
    return { caseId: appt.caseId, appointmentId: appt.id, status };
  });
}
