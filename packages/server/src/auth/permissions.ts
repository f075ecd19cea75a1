/**
 * Roles and permissions as ONE declarative table, following the RACI of seed 000:
 * - Anfrage/Weiterleitung: Kunde → CK (R/A)                      → dispatcher creates and dispatches cases
 * - Ticket/Terminierung: Helpdesk (R), CK (C)                    → helpdesk: customer, site, schedule, pre-info
 * - Audit vor Ort/remote: Techniker (R), Kunde (A Zugänge), CK (C) → technician: sheet, probe, secrets
 * - Nachbearbeitung: Techniker (R), CK (C)                       → technician: artifacts, sheet final
 * - Bericht/Angebot: Techniker (R Bericht), Vertrieb (R Angebot)  → report/offer stage
 * - Vertrieb & Nachfassen: Vertrieb (R), CK (C), Kunde (A)         → sales pipeline, follow-ups
 * "C" (consulted) becomes read access; the ranger receives the report in CC, so reads the case and findings.
 * Two token principals exist besides the roles: the practice's pre-information link and the probe enrollment.
 */
export const Role = {
  dispatcher: 'dispatcher',
  helpdesk: 'helpdesk',
  technician: 'technician',
  sales: 'sales',
  ranger: 'ranger',
  customer: 'customer',
  admin: 'admin',
} as const;
export type Role = keyof typeof Role;
export const ROLES = Object.keys(Role) as Role[];

/** Who can call a route: a user role, or a bearer token that is not a user. */
export const TokenPrincipal = {
  /** The practice's per-case pre-information link. */
  preinfo_token: 'preinfo_token',
  /** The probe's per-case enrollment token. */
  probe_token: 'probe_token',
} as const;
export type TokenPrincipal = keyof typeof TokenPrincipal;
export type PrincipalKind = Role | TokenPrincipal;
export const PRINCIPAL_KINDS: readonly PrincipalKind[] = [...ROLES, 'preinfo_token', 'probe_token'];

const STAFF = ['dispatcher', 'helpdesk', 'technician', 'sales', 'ranger', 'admin'] as const;
const WORKERS = ['dispatcher', 'helpdesk', 'technician', 'sales', 'admin'] as const;

/** Action → who may do it. Route definitions name an action; the authorization tests read this table. */
export const PERMISSIONS = {
  'auth.me': [...STAFF, 'customer'],
  'users.manage': ['admin'],
  'users.list': ['dispatcher', 'helpdesk', 'admin'],
  'customers.read': STAFF,
  'customers.write': ['helpdesk', 'admin'],
  /** Correcting master data (customer, sites, contacts): helpdesk (R) and the dispatcher, who takes the intake data. */
  'customers.edit': ['dispatcher', 'helpdesk', 'admin'],
  'cases.create': ['dispatcher', 'helpdesk', 'admin'],
  'cases.read': [...STAFF, 'customer'],
  'cases.board': STAFF,
  'cases.assign': ['dispatcher', 'helpdesk', 'admin'],
  'cases.link_customer': ['helpdesk', 'admin'],
  /** Route-level gate; each transition names its own roles in the workflow table. */
  'cases.transition': WORKERS,
  'cases.tasks': WORKERS,
  'cases.audit_trail': ['dispatcher', 'helpdesk', 'admin'],
  'appointments.write': ['helpdesk', 'admin'],
  'appointments.read': STAFF,
  'sheet.read': STAFF,
  'sheet.write': ['technician', 'admin'],
  'sheet.conflicts.resolve': ['technician', 'admin'],
  'findings.read': [...STAFF, 'customer'],
  'logbook.read': STAFF,
  'logbook.write': WORKERS,
  'followups.read': STAFF,
  'followups.write': WORKERS,
  'sales.update': ['sales', 'admin'],
  'preinfo.link': ['helpdesk', 'admin'],
  'preinfo.read': STAFF,
  /** The practice fills the form through its link; nobody else uses these routes. */
  'preinfo.form': ['preinfo_token'],
  'secrets.list': ['helpdesk', 'technician', 'admin'],
  'secrets.write': ['helpdesk', 'technician', 'admin'],
  /** Route-level gate; each secret narrows it further by its own allowed roles. */
  'secrets.reveal': ['technician', 'helpdesk', 'admin'],
  'probe.enroll': ['helpdesk', 'technician', 'admin'],
  'probe.upload': ['probe_token'],
  'artifacts.read': STAFF,
  'artifacts.write': WORKERS,
  search: STAFF,
  'intake.mail': ['dispatcher', 'admin'],
  /** Report (technician, R) and offer (sales, R); both may send them to the practice. */
  'documents.create': ['technician', 'sales', 'admin'],
  'documents.send': ['technician', 'sales', 'admin'],
  'thread.read': STAFF,
  'prices.read': ['technician', 'sales', 'admin'],
  'prices.write': ['admin'],
  'checks.read': STAFF,
  'central_sheet.export': WORKERS,
  /** The technician transfers the final sheet into the central sheet (post-processing task). */
  'central_sheet.import': ['technician', 'admin'],
  /** Status of database, mail, jobs and storage (no secrets). */
  'integrations.read': ['admin'],
} as const satisfies Record<string, readonly PrincipalKind[]>;
export type Action = keyof typeof PERMISSIONS;

/** True when the principal may perform the action. */
export function can(principal: PrincipalKind, action: Action): boolean {
  return (PERMISSIONS[action] as readonly PrincipalKind[]).includes(principal);
}

/** Default roles that may reveal a secret of a kind (admin always may). */
export const SECRET_REVEAL_DEFAULT: readonly Role[] = ['technician'];
