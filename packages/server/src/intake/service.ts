import { eq } from 'drizzle-orm';
import { isAppError } from '@praxisready/model';
import { normalizeMessageId } from '@praxisready/mail';
import { cases } from '../db/schema.ts';
import type { Actor, AppContext } from '../context.ts';
import { addArtifact } from '../artifacts/service.ts';
import { createCase, type IntakeData } from '../cases/service.ts';

/** A request as the mail layer (or a person) hands it over: extracted fields, attachments, the raw message. */
export interface IntakeMail {
  messageId?: string | undefined;
  subject?: string | undefined;
  data: IntakeData;
  attachments?: { filename: string; contentType: string; content: Buffer }[] | undefined;
  /** The raw RFC 822 message, kept in 01_Intake. */
  raw?: Buffer | undefined;
}

/**
 * Turns a request into a case (seed 000 step 1). The same Message-ID never makes two cases; attachments and the
 * raw mail are filed in 01_Intake; an attachment that cannot be stored is listed in `intake.problems` instead
 * of failing the whole mail.
 */
export async function intakeMail(ctx: AppContext, actor: Actor, mail: IntakeMail) {
  const problems = [...(mail.data.problems ?? [])];
  const result = await ctx.db.transaction(async (tx) => {
    const { caseRow, created } = await createCase(
      ctx,
      actor,
      {
        source: 'mail',
        messageId: normalizeMessageId(mail.messageId),
        title: mail.data.practiceName ?? mail.subject,
        intake: { ...mail.data, subject: mail.data.subject ?? mail.subject },
      },
      tx,
    );
    if (!created) {
      return { caseId: caseRow.id, number: caseRow.number, created };
    }
    const files = [
      ...(mail.raw ? [{ filename: 'anfrage.eml', contentType: 'message/rfc822', content: mail.raw }] : []),
      ...(mail.attachments ?? []),
    ];
    for (const f of files) {
      try {
        await tx.transaction(async (sp) => {
          await addArtifact(
            ctx,
            actor,
            caseRow.id,
            { folder: '01_Intake', filename: f.filename, contentType: f.contentType, bytes: f.content },
            sp,
          );
        });
      } catch (e) {
        problems.push(`Anhang ${f.filename} nicht abgelegt: ${isAppError(e) ? e.message : String(e)}`);
      }
    }
    if (problems.length > (mail.data.problems?.length ?? 0)) {
      await tx
        .update(cases)
        .set({ intake: { ...(caseRow.intake as IntakeData), problems } })
        .where(eq(cases.id, caseRow.id));
    }
    return { caseId: caseRow.id, number: caseRow.number, created };
  });
  return { ...result, problems };
}
