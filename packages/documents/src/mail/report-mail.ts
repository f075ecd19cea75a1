import type { AuditSheet, Contact } from '@praxisready/model';
import { AppError } from '@praxisready/model';
import type { MailPerson, OutgoingMessage, ThreadRef } from '@praxisready/mail';
import { threadAfter } from '@praxisready/mail';
import type { DocLang } from '../common/lang.ts';
import { formatDate } from '../common/format.ts';
import { reportFileName, offerFileName } from '../bundle/names.ts';

export interface ReportMailInput {
  sheet: AuditSheet;
  reportPdf: Buffer;
  offerPdf?: Buffer;
  /** Sender: the technician or the Systemhaus mailbox. */
  from: MailPerson;
  /** Practice contact; defaults to the sheet's owner or practice manager with an e-mail address. */
  to?: MailPerson;
  /** Dispatcher ("CK") and ranger in CC (seed 000 step 6). */
  dispatcher: MailPerson;
  ranger: MailPerson;
  /** The last mail of the case thread (e.g. the intake mail or the appointment invite): this mail replies to it. */
  parent?: { messageId: string; references?: readonly string[] };
  /** Fix for reproducible `.eml` output. */
  messageId?: string;
  date?: Date;
  lang?: DocLang;
  /** Signature lines below the text. */
  signature?: string;
}

function practiceContact(sheet: AuditSheet): Contact | undefined {
  const withMail = sheet.practice.contacts.filter((c) => c.email !== undefined);
  return (
    withMail.find((c) => c.role === 'owner') ??
    withMail.find((c) => c.role === 'practice_manager') ??
    withMail[0]
  );
}

/**
 * The report mail of seed 000 step 6: report PDF (and offer PDF) to the practice, CC dispatcher and ranger,
 * threaded onto the case's previous mail (In-Reply-To/References) so that report and offer sit in one thread.
 * Returns the message for `sendMail` / `exportEml` of @praxisready/mail.
 */
export function composeReportMail(input: ReportMailInput): OutgoingMessage {
  const lang = input.lang ?? 'de';
  const { sheet } = input;
  const contact =
    input.to ??
    (() => {
      const c = practiceContact(sheet);
      if (c?.email) {
        return { name: c.name, address: c.email };
      }
      return sheet.practice.email ? { name: sheet.practice.name, address: sheet.practice.email } : undefined;
    })();
  if (!contact) {
    throw new AppError('VALIDATION_FAILED', 'No e-mail address of the practice to send the report to', {
      issues: [
        {
          code: 'missing_email',
          path: ['practice', 'contacts'],
          message: 'no contact with an e-mail address',
          severity: 'error',
        },
      ],
      hint: 'E-Mail-Adresse einer Ansprechperson der Praxis im Audit-Sheet eintragen.',
    });
  }
  const date = formatDate(sheet.auditDate ?? (input.date ?? new Date()).toISOString(), lang);
  const subject =
    lang === 'de'
      ? `Tech-Audit ${sheet.practice.name} vom ${date}: Bericht${input.offerPdf ? ' und Angebot „Doctolib-PVS-Ready“' : ''}`
      : `Tech audit ${sheet.practice.name} of ${date}: report${input.offerPdf ? ' and "Doctolib PVS-Ready" offer' : ''}`;
  const greeting =
    lang === 'de'
      ? `Guten Tag ${contact.name ?? ''},`.replace(' ,', ',')
      : `Dear ${contact.name ?? 'Sir or Madam'},`;
  const body =
    lang === 'de'
      ? [
          greeting,
          '',
          `anbei erhalten Sie den Bericht zum Tech-Audit vom ${date}${sheet.technician ? ` (Techniker:in: ${sheet.technician})` : ''}.`,
          input.offerPdf
            ? 'Ebenfalls anbei ist unser Angebot für das Paket „Doctolib-PVS-Ready“ mit den Maßnahmen aus den Befunden und einer Option für einen Wartungsvertrag.'
            : '',
          '',
          'Bei Fragen antworten Sie einfach auf diese E-Mail; unser Vertrieb meldet sich zum Angebot.',
        ]
      : [
          greeting,
          '',
          `please find attached the report of the tech audit of ${date}${sheet.technician ? ` (technician: ${sheet.technician})` : ''}.`,
          input.offerPdf
            ? 'Also attached is our offer for the "Doctolib PVS-Ready" package with the measures from the findings and a maintenance contract option.'
            : '',
          '',
          'If you have questions, just reply to this e-mail; our sales team will contact you about the offer.',
        ];
  const text =
    [
      ...body.filter((l, i, a) => !(l === '' && a[i - 1] === '')),
      '',
      input.signature ?? input.from.name ?? '',
    ]
      .join('\n')
      .trimEnd() + '\n';
  const thread: ThreadRef | undefined = input.parent ? threadAfter(input.parent) : undefined;
  return {
    from: input.from,
    to: contact,
    cc: [input.dispatcher, input.ranger],
    subject,
    text,
    attachments: [
      { filename: reportFileName(sheet, lang), content: input.reportPdf, contentType: 'application/pdf' },
      ...(input.offerPdf
        ? [{ filename: offerFileName(sheet, lang), content: input.offerPdf, contentType: 'application/pdf' }]
        : []),
    ],
    ...(thread ? { thread } : {}),
    ...(input.messageId ? { messageId: input.messageId } : {}),
    ...(input.date ? { date: input.date } : {}),
    headers: { 'X-Praxisready-Case': sheet.caseId ?? sheet.id },
  };
}
