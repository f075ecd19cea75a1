import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';

/** iTIP methods we send: a proposal/update, or its cancellation. */
export const InviteMethod = { REQUEST: 'REQUEST', CANCEL: 'CANCEL' } as const;
export type InviteMethod = (typeof InviteMethod)[keyof typeof InviteMethod];

export interface InvitePerson {
  name?: string;
  email: string;
}

export interface InviteInput {
  /** Stable per appointment (e.g. `case-123-audit@praxisready`); updates and the cancel reuse it. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  organizer: InvitePerson;
  attendees: readonly InvitePerson[];
  /** Increase on every change of time or place (RFC 5546); a cancel carries the latest sequence + 1. */
  sequence: number;
  method: InviteMethod;
  /** DTSTAMP; defaults to now. Fix it for byte-stable output in tests and .eml exports. */
  stamp?: Date;
}

const METHODS = {
  REQUEST: { method: ICalCalendarMethod.REQUEST, status: ICalEventStatus.CONFIRMED },
  CANCEL: { method: ICalCalendarMethod.CANCEL, status: ICalEventStatus.CANCELLED },
} as const satisfies Record<InviteMethod, unknown>;

/**
 * Builds the iCalendar text (RFC 5545, iTIP RFC 5546) of an appointment proposal or its cancellation.
 * Times are written in UTC, which every calendar client converts to local time. Send it with
 * {@link inviteAttachment} so Outlook, Apple Mail and Gmail show accept/decline buttons.
 */
export function buildInvite(input: InviteInput): string {
  const spec = METHODS[input.method];
  const cal = ical({
    prodId: { company: 'Praxisready', product: 'Scheduling', language: 'DE' },
    method: spec.method,
  });
  cal.createEvent({
    id: input.uid,
    sequence: input.sequence,
    start: input.start,
    end: input.end,
    stamp: input.stamp ?? new Date(),
    summary: input.summary,
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.location === undefined ? {} : { location: input.location }),
    organizer: { name: input.organizer.name ?? input.organizer.email, email: input.organizer.email },
    attendees: input.attendees.map((a) => ({
      ...(a.name === undefined ? {} : { name: a.name }),
      email: a.email,
      rsvp: input.method === 'REQUEST',
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
    })),
    status: spec.status,
  });
  // RFC 5545: every content line ends with CRLF, the last one too.
  return `${cal.toString()}\r\n`;
}

/** The nodemailer `icalEvent` for an invite: a text/calendar alternative with the right METHOD parameter. */
export function inviteAttachment(
  ics: string,
  method: InviteMethod,
): { method: string; content: string; filename: string } {
  return { method, content: ics, filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics' };
}
