import { randomBytes } from 'node:crypto';
import { sendMail } from '@praxisready/mail';
import { AppError, type FactsDocument } from '@praxisready/model';
import { postFacts } from '@praxisready/probe';

/** The practice the lab simulates, as the intake mail of the demo case names it. */
export const DEMO_PRACTICE = {
  practiceName: 'Hausarztpraxis Dr. Muster (Praxis-Labor)',
  contactName: 'Anna Muster',
  email: 'praxis@muster.example',
  phone: '030 5550100',
  street: 'Laborweg 1',
  postalCode: '10115',
  city: 'Berlin',
} as const;

/** The demo team: one user per role of seed 000 that works on a case. */
export const DEMO_ROLES = ['dispatcher', 'helpdesk', 'technician', 'sales', 'ranger'] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];

export interface DemoLogin {
  role: 'admin' | DemoRole;
  email: string;
}

export interface DemoCase {
  caseId: string;
  password: string;
  logins: DemoLogin[];
  revision: number;
  conflicts: number;
}

type Json = Record<string, unknown>;

/** A tiny client for the server's own API: the demo walks the case the way people in the UI would. */
function apiClient(base: string) {
  return async function api(method: string, path: string, token?: string, body?: unknown): Promise<Json> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) {
      throw new AppError(
        'INTERNAL',
        `Demo set-up: ${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`,
      );
    }
    return (text ? JSON.parse(text) : {}) as Json;
  };
}

/**
 * Creates the demo team and walks a case through intake, dispatch and scheduling into the audit, where the
 * probe's facts of the lab are uploaded with an enrollment token — exactly the hand-off a technician uses on
 * site. Returns what the person at the keyboard needs to log in.
 */
export async function seedDemoCase(
  base: string,
  admin: { email: string; password: string },
  facts: FactsDocument,
  now: Date,
  intakePort: number,
): Promise<DemoCase> {
  const api = apiClient(base);
  const session = (email: string, password: string) =>
    api('POST', '/api/auth/login', undefined, { email, password }).then((r) => String(r.token));
  const adminToken = await session(admin.email, admin.password);
  const password = `Demo-${randomBytes(6).toString('base64url')}`;
  const tokens = {} as Record<DemoRole, string>;
  const userIds = {} as Record<DemoRole, string>;
  const logins: DemoLogin[] = [{ role: 'admin', email: admin.email }];
  for (const role of DEMO_ROLES) {
    const email = `${role}@demo.praxisready.local`;
    const user = await api('POST', '/api/users', adminToken, {
      email,
      name: `Demo ${role}`,
      role,
      password,
    });
    userIds[role] = String(user.id);
    tokens[role] = await session(email, password);
    logins.push({ role, email });
  }

  // The practice's request arrives as a real e-mail at the server's SMTP intake, as in production.
  await sendMail(
    { host: '127.0.0.1', port: intakePort },
    {
      from: { name: DEMO_PRACTICE.contactName, address: DEMO_PRACTICE.email },
      to: { address: 'audit@demo.praxisready.local' },
      subject: 'Anfrage Tech-Audit für Doctolib und TI-Anbindung',
      text: [
        'Guten Tag,',
        '',
        'wir möchten Doctolib nutzen und auf ein TI-angebundenes PVS wechseln und bitten um einen Tech-Audit.',
        '',
        'Mit freundlichen Grüßen',
        DEMO_PRACTICE.contactName,
        DEMO_PRACTICE.practiceName,
        DEMO_PRACTICE.street,
        `${DEMO_PRACTICE.postalCode} ${DEMO_PRACTICE.city}`,
        `Tel. ${DEMO_PRACTICE.phone}`,
      ].join('\n'),
      date: now,
    },
  );
  const board = (await api('GET', '/api/board', tokens.dispatcher)) as {
    stages?: { stage: string; cards: { id: string }[] }[];
  };
  const caseId = board.stages?.find((s) => s.stage === 'intake')?.cards[0]?.id;
  if (!caseId) {
    throw new AppError('INTERNAL', 'Demo set-up: the intake mail did not make a case');
  }
  const c = `/api/cases/${caseId}`;
  await api('POST', `${c}/tasks/intake.review`, tokens.dispatcher, { done: true });
  await api('POST', `${c}/transition`, tokens.dispatcher, { to: 'dispatch' });
  await api('PUT', `${c}/assignments/helpdesk`, tokens.dispatcher, { userId: userIds.helpdesk });
  await api('PUT', `${c}/assignments/ranger`, tokens.dispatcher, { userId: userIds.ranger });
  await api('POST', `${c}/transition`, tokens.dispatcher, { to: 'scheduling' });
  await api('PUT', `${c}/customer`, tokens.helpdesk, {
    practice: {
      name: DEMO_PRACTICE.practiceName,
      street: DEMO_PRACTICE.street,
      postalCode: DEMO_PRACTICE.postalCode,
      city: DEMO_PRACTICE.city,
    },
  });
  const day = new Date(now);
  day.setUTCHours(8, 0, 0, 0);
  await api('POST', `${c}/appointments`, tokens.helpdesk, {
    startsAt: day.toISOString(),
    endsAt: new Date(day.getTime() + 3 * 3_600_000).toISOString(),
    mode: 'on_site',
  });
  await api('POST', `${c}/preinfo-links`, tokens.helpdesk);
  await api('PUT', `${c}/assignments/technician`, tokens.helpdesk, { userId: userIds.technician });
  await api('PUT', `${c}/assignments/sales`, tokens.dispatcher, { userId: userIds.sales });
  await api('POST', `${c}/transition`, tokens.helpdesk, { to: 'audit' });

  const enrollment = await api('POST', `${c}/probe-enrollments`, tokens.technician);
  await postFacts(facts, {
    url: String(enrollment.uploadUrl),
    token: String(enrollment.token),
    policy: 'loopback',
    attempts: 2,
    backoffMs: 200,
  });
  const sheet = await api('GET', `${c}/sheet`, tokens.technician);
  return {
    caseId,
    password,
    logins,
    revision: Number(sheet.revision),
    conflicts: Array.isArray(sheet.conflicts) ? sheet.conflicts.length : 0,
  };
}
