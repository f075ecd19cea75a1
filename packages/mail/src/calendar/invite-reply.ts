import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { fail, ok, type Issue, type Result } from '@praxisready/model';
import { normalizeMessageId } from '../intake/message-id.ts';

/** Answers an attendee can give to an invite (RFC 5545 PARTSTAT). */
export const PartStat = { ACCEPTED: 'ACCEPTED', DECLINED: 'DECLINED', TENTATIVE: 'TENTATIVE' } as const;
export type PartStat = (typeof PartStat)[keyof typeof PartStat];

export interface InviteReply {
  /** UID of the appointment the reply answers (our `buildInvite` uid). */
  uid: string;
  /** Sequence the attendee answered; an answer to an outdated sequence may be stale. */
  sequence: number;
  attendee: { email: string; name?: string };
  partstat: PartStat;
  /** Free text some clients add ("Passt leider nicht, ginge Dienstag?"). */
  comment?: string;
  /** DTSTAMP of the reply, ISO 8601. */
  repliedAt?: string;
}

export interface InviteReplyMail extends InviteReply {
  /** Normalised Message-ID of the reply mail and the sender, for the case thread. */
  messageId: string | undefined;
  inReplyTo: string | undefined;
  from: string | undefined;
}

const MAX_ICS = 1024 * 1024;

function issue(code: string, message: string): Issue {
  return { code, path: [], message, severity: 'error' };
}

/**
 * Reads an iTIP REPLY (METHOD:REPLY) from iCalendar text. Pure; never throws. Fails with issues when the text
 * is not a calendar, not a reply, or has no attendee with an answer.
 */
export function parseCalendarReply(ics: string): Result<InviteReply> {
  if (ics.length > MAX_ICS) {
    return fail([issue('ICS_TOO_LARGE', `Calendar text has ${ics.length} characters`)]);
  }
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  } catch (error) {
    return fail([
      issue('ICS_PARSE_FAILED', `Not iCalendar: ${error instanceof Error ? error.message : String(error)}`),
    ]);
  }
  const method = String(root.getFirstPropertyValue('method') ?? '').toUpperCase();
  if (method !== 'REPLY') {
    return fail([issue('ICS_NOT_A_REPLY', `METHOD is ${method === '' ? 'missing' : method}, not REPLY`)]);
  }
  const event = root.getFirstSubcomponent('vevent');
  if (event === null) {
    return fail([issue('ICS_NO_EVENT', 'No VEVENT in the reply')]);
  }
  const uid = event.getFirstPropertyValue('uid');
  if (typeof uid !== 'string' || uid === '') {
    return fail([issue('ICS_NO_UID', 'The reply has no UID')]);
  }
  for (const prop of event.getAllProperties('attendee')) {
    const partstat = String(prop.getParameter('partstat') ?? '').toUpperCase();
    if (!(partstat in PartStat)) {
      continue;
    }
    const email = String(prop.getFirstValue() ?? '')
      .replace(/^mailto:/i, '')
      .trim()
      .toLowerCase();
    const cn = prop.getParameter('cn');
    const sequence = Number(event.getFirstPropertyValue('sequence') ?? 0);
    const comment = event.getFirstPropertyValue('comment');
    const stamp = event.getFirstPropertyValue('dtstamp');
    return ok({
      uid,
      sequence: Number.isFinite(sequence) ? sequence : 0,
      attendee: { email, ...(typeof cn === 'string' && cn !== '' ? { name: cn } : {}) },
      partstat: partstat as PartStat,
      ...(typeof comment === 'string' && comment !== '' ? { comment } : {}),
      ...(stamp instanceof ICAL.Time ? { repliedAt: stamp.toJSDate().toISOString() } : {}),
    });
  }
  return fail([issue('ICS_NO_ANSWER', 'No ATTENDEE with PARTSTAT ACCEPTED, DECLINED or TENTATIVE')]);
}

/**
 * Finds the iTIP REPLY in a mail (a text/calendar part or .ics attachment) and reads it. Never throws; a mail
 * without a reply fails with issues, so the intake can treat it as an ordinary mail.
 */
export async function parseInviteReply(raw: Uint8Array | string): Promise<Result<InviteReplyMail>> {
  let parsed;
  try {
    parsed = await simpleParser(typeof raw === 'string' ? raw : Buffer.from(raw), {
      skipTextToHtml: true,
      maxChildNodes: 100,
    });
  } catch (error) {
    return fail([issue('MAIL_PARSE_FAILED', error instanceof Error ? error.message : String(error))]);
  }
  const calendars = parsed.attachments.filter(
    (a) => /^(?:text\/calendar|application\/ics)$/i.test(a.contentType) || /\.ics$/i.test(a.filename ?? ''),
  );
  if (calendars.length === 0) {
    return fail([issue('NO_CALENDAR', 'The mail has no text/calendar part')]);
  }
  const issues: Issue[] = [];
  for (const part of calendars) {
    const reply = parseCalendarReply(part.content.toString('utf8'));
    if (reply.success) {
      return ok({
        ...reply.data,
        messageId: normalizeMessageId(parsed.messageId),
        inReplyTo: normalizeMessageId(parsed.inReplyTo),
        from: parsed.from?.value[0]?.address?.toLowerCase(),
      });
    }
    issues.push(...reply.issues);
  }
  return fail(issues);
}
