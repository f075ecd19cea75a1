/** Shapes of the server's JSON responses (the DTOs of packages/server), as far as the UI reads them. */
import type { AreaScore, Finding, ScoreSummary } from '@praxisready/model';

export interface Localized {
  de: string;
  en: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  customerId: string | null;
  active: boolean;
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: User;
}

export interface BoardCard {
  id: string;
  number: number;
  title: string;
  customer: string | null;
  salesStatus: string | null;
  /** role → user name */
  assignees: Record<string, string>;
  openFollowups: number;
  updatedAt: string;
  /** Earliest open due date (follow-up or appointment), when the server provides it. */
  nextDueAt?: string | null;
}

export interface BoardColumn {
  stage: string;
  label: Localized;
  total: number;
  cards: BoardCard[];
}

export interface Board {
  stages: BoardColumn[];
}

export interface CaseTask {
  key: string;
  stage: string;
  title: Localized;
  required: boolean;
  roles: string[];
  doneAt: string | null;
  doneBy: string | null;
}

export interface CaseDetail {
  id: string;
  number: number;
  title: string;
  stage: string;
  stageLabel: Localized;
  status: string;
  salesStatus: string | null;
  source: string;
  intake: Record<string, string | undefined> | null;
  customer: { id: string; name: string } | null;
  site: {
    id: string;
    name?: string | null;
    street?: string | null;
    postalCode?: string | null;
    city?: string | null;
  } | null;
  contact: { id: string; name: string; email?: string | null; phone?: string | null } | null;
  assignments: { role: string; userId: string; name?: string }[];
  tasks: CaseTask[];
}

export interface TrailEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  /** Rows before/after the change (redacted by the server); present on customer trails. */
  before?: unknown;
  after?: unknown;
}

export interface LogbookEntry {
  id: string;
  text: string;
  status: string;
  createdBy: string;
  createdAt: string;
}

export interface Artifact {
  id: string;
  folder: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  createdBy: string;
  createdAt: string;
}

export interface Sourced {
  value: unknown;
  source: string;
  at?: string;
  by?: string;
  evidence?: string;
}

export interface SheetConflict {
  id: string;
  path: string;
  kept: Sourced;
  incoming: Sourced;
  sourceRef: string;
  createdAt: string;
}

export interface SheetResponse {
  revision: number;
  sheet: Record<string, unknown>;
  conflicts: SheetConflict[];
}

export interface PatchResult {
  revision: number;
  findings: number;
  scores: ScoreSummary;
}

export interface FindingsResponse {
  scores: { overall: AreaScore; areas: AreaScore[] };
  findings: Finding[];
}

export interface Enrollment {
  id: string;
  token: string;
  expiresAt: string;
  uploadUrl: string;
}

export interface PreinfoLink {
  id: string;
  token: string;
  expiresAt: string;
  url: string;
}

export interface PreinfoAnswers {
  contactPerson?: { name: string; phone?: string; email?: string };
  devices?: { kind: string; model?: string; count?: number }[];
  credentialsDelivery?: 'on_site' | 'phone' | 'secure_link' | 'password_manager' | 'other';
  credentialsNote?: string;
  networkAccess?: string;
  pvsInUse?: string;
  konnektor?: string;
  tiGateway?: 'yes' | 'no' | 'planned' | 'unknown';
  workplaces?: number;
  staffInDataProcessing?: number;
  largeMedicalDevices?: 'yes' | 'no' | 'unknown';
  largeMedicalDevicesNote?: string;
}

export interface PreinfoForm {
  answers: PreinfoAnswers;
  submittedAt: string | null;
}

export interface SearchHit {
  kind: string;
  refId: string;
  caseId: string | null;
  caseNumber: number | null;
  title: string;
  /** Plain text with the matched words wrapped in <b>…</b> (PostgreSQL ts_headline). */
  snippet: string;
  rank: number;
}

export interface Appointment {
  id: string;
  startsAt: string;
  endsAt: string;
  mode: 'on_site' | 'remote';
  location: string | null;
  status: string;
  respondedAt: string | null;
}

export interface Followup {
  id: string;
  title: string;
  dueAt: string;
  remindAt: string | null;
  assigneeId: string | null;
  doneAt: string | null;
  remindedAt: string | null;
  createdBy: string;
}

/** POST /api/cases/{id}/documents/report|offer → the stored PDF. */
export interface DocumentCreated {
  artifactId: string;
  folder: string;
  name: string;
  size: number;
}

export interface DocumentSent {
  messageId: string;
  to: string[] | string;
  cc?: string[] | string;
  sentAt: string;
}

export interface ThreadMessage {
  direction: 'in' | 'out';
  subject: string;
  from: string;
  to: string[] | string;
  cc?: string[] | string;
  date: string;
  messageId: string;
}

export interface CustomerSummary {
  id: string;
  name: string;
  kind: string;
  email: string | null;
  phone: string | null;
}

export interface Site {
  id: string;
  name: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country?: string | null;
}

export interface Contact {
  id: string;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  /** The site the person works at; null/absent = the whole customer. */
  siteId?: string | null;
}

export interface CustomerDetail extends CustomerSummary {
  customerNumber: string | null;
  createdAt: string;
  sites: Site[];
  contacts: Contact[];
}

/** PATCH /api/customers/{id}: "" or null clears an optional value. */
export interface CustomerPatch {
  name?: string;
  kind?: string;
  email?: string | null;
  phone?: string | null;
  customerNumber?: string | null;
}

export interface SitePatch {
  name?: string;
  street?: string;
  postalCode?: string;
  city?: string;
}

export interface ContactInput {
  name: string;
  role?: string;
  email?: string | null;
  phone?: string | null;
  siteId?: string | null;
}

/** PATCH /api/users/{id} (admin): role, name, active; the server keeps the last admin and refuses self-deactivation. */
export interface UserPatch {
  name?: string;
  role?: string;
  customerId?: string | null;
  active?: boolean;
}

/** GET /api/checks: the rule catalog, read-only. Fields beyond id/area/title vary by server version. */
export interface CheckInfo {
  id: string;
  area: string;
  title: Localized | string;
  severity?: string;
  kbv?: string[];
}
