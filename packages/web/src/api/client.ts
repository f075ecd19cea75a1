import type {
  Appointment,
  Artifact,
  Board,
  CaseDetail,
  CheckInfo,
  Contact,
  ContactInput,
  CustomerDetail,
  CustomerPatch,
  CustomerSummary,
  DocumentCreated,
  DocumentSent,
  Followup,
  ThreadMessage,
  Enrollment,
  FindingsResponse,
  LoginResult,
  LogbookEntry,
  PatchResult,
  PreinfoAnswers,
  PreinfoForm,
  PreinfoLink,
  SearchHit,
  SheetResponse,
  Site,
  SitePatch,
  TrailEntry,
  User,
  UserPatch,
} from './types.ts';

/** The server's body for every 4xx/5xx (packages/server/src/http/app.ts ErrorBody). */
export interface ErrorBody {
  code: string;
  message: string;
  issues: { path: string; message: string }[];
  hint?: string;
}

/** A failed API call: HTTP status plus the server's error body (or a synthetic one for network failures). */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;
  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function isErrorBody(x: unknown): x is ErrorBody {
  return typeof x === 'object' && x !== null && typeof (x as ErrorBody).code === 'string';
}

/** A body that is not JSON (an HTML error page of a proxy) reads as null. */
function parseJson(text: string): unknown {
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function errorOf(status: number, data: unknown): ApiError {
  return new ApiError(
    status,
    isErrorBody(data) ? data : { code: 'INTERNAL', message: `HTTP ${status}`, issues: [] },
  );
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  fetch?: FetchLike;
  /** The bearer token of the session (or of a form link); read on every call. */
  token?: () => string | null;
  baseUrl?: string;
}

/** Typed client over fetch for the routes the UI uses. */
export function createApiClient(options: ApiClientOptions = {}) {
  const doFetch: FetchLike = options.fetch ?? ((i, init) => fetch(i, init));
  const base = options.baseUrl ?? '';

  function headersFor(token?: string): Record<string, string> {
    const headers: Record<string, string> = {};
    const bearer = token ?? options.token?.() ?? null;
    if (bearer) {
      headers.authorization = `Bearer ${bearer}`;
    }
    return headers;
  }

  /** A binary download (PDF preview): the bytes as a Blob, errors as ApiError like every other call. */
  async function blob(path: string): Promise<Blob> {
    let res: Response;
    try {
      res = await doFetch(base + path, { method: 'GET', headers: headersFor() });
    } catch (cause) {
      throw new ApiError(0, {
        code: 'UNREACHABLE',
        message: cause instanceof Error ? cause.message : 'Network error',
        issues: [],
      });
    }
    if (!res.ok) {
      throw errorOf(res.status, parseJson(await res.text()));
    }
    return res.blob();
  }

  async function call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...headersFor(token) };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let res: Response;
    try {
      res = await doFetch(base + path, { method, headers, body: payload });
    } catch (cause) {
      throw new ApiError(0, {
        code: 'UNREACHABLE',
        message: cause instanceof Error ? cause.message : 'Network error',
        issues: [],
      });
    }
    const data = parseJson(await res.text());
    if (!res.ok) {
      throw errorOf(res.status, data);
    }
    return data as T;
  }

  const c = (id: string) => `/api/cases/${encodeURIComponent(id)}`;
  const k = (id: string) => `/api/customers/${encodeURIComponent(id)}`;
  return {
    login: (email: string, password: string) =>
      call<LoginResult>('POST', '/api/auth/login', { email, password }),
    logout: () => call<unknown>('POST', '/api/auth/logout'),
    me: () => call<Pick<User, 'id' | 'email' | 'role' | 'customerId'>>('GET', '/api/auth/me'),
    users: () => call<User[]>('GET', '/api/users'),
    board: () => call<Board>('GET', '/api/board?perStage=50'),
    caseDetail: (id: string) => call<CaseDetail>('GET', c(id)),
    transition: (id: string, to: string) => call<unknown>('POST', `${c(id)}/transition`, { to }),
    setTask: (id: string, key: string, done: boolean) =>
      call<unknown>('POST', `${c(id)}/tasks/${encodeURIComponent(key)}`, { done }),
    auditTrail: (id: string) => call<TrailEntry[]>('GET', `${c(id)}/audit-trail`),
    logbook: (id: string) => call<LogbookEntry[]>('GET', `${c(id)}/logbook`),
    addLogbook: (id: string, text: string) => call<LogbookEntry>('POST', `${c(id)}/logbook`, { text }),
    appointments: (id: string) => call<Appointment[]>('GET', `${c(id)}/appointments`),
    proposeAppointment: (id: string, a: { startsAt: string; endsAt: string; mode: 'on_site' | 'remote' }) =>
      call<Appointment>('POST', `${c(id)}/appointments`, a),
    artifacts: (id: string) => call<Artifact[]>('GET', `${c(id)}/artifacts`),
    uploadArtifact: (id: string, folder: string, file: File) => {
      const form = new FormData();
      form.set('folder', folder);
      form.set('file', file);
      return call<Artifact>('POST', `${c(id)}/artifacts`, form);
    },
    sheet: (id: string) => call<SheetResponse>('GET', `${c(id)}/sheet`),
    patchSheet: (id: string, revision: number, set: { path: string; value: unknown }[]) =>
      call<PatchResult>('PATCH', `${c(id)}/sheet`, { revision, set }),
    /** The whole edited sheet (rows added/removed, lists, checklists), optimistic on the revision read. */
    putSheet: (id: string, revision: number, sheet: Record<string, unknown>) =>
      call<PatchResult>('PUT', `${c(id)}/sheet`, { revision, sheet }),
    search: (q: string) => call<SearchHit[]>('GET', `/api/search?q=${encodeURIComponent(q)}`),
    resolveConflict: (id: string, conflictId: string, take: 'kept' | 'incoming') =>
      call<unknown>('POST', `${c(id)}/sheet/conflicts/${encodeURIComponent(conflictId)}`, { take }),
    findings: (id: string) => call<FindingsResponse>('GET', `${c(id)}/findings`),
    enrollProbe: (id: string) => call<Enrollment>('POST', `${c(id)}/probe-enrollments`),
    createPreinfoLink: (id: string) => call<PreinfoLink>('POST', `${c(id)}/preinfo-links`),
    preinfoForm: (token: string) => call<PreinfoForm>('GET', '/api/preinfo/form', undefined, token),
    submitPreinfo: (token: string, answers: PreinfoAnswers) =>
      call<unknown>('PUT', '/api/preinfo/form', answers, token),
    assign: (id: string, role: string, userId: string) =>
      call<unknown>('PUT', `${c(id)}/assignments/${encodeURIComponent(role)}`, { userId }),
    linkCustomer: (
      id: string,
      practice: {
        name: string;
        street: string;
        postalCode: string;
        city: string;
        email?: string;
        phone?: string;
      },
    ) => call<{ customerId: string; siteId: string }>('PUT', `${c(id)}/customer`, { practice }),
    setSales: (id: string, status: string, note?: string) =>
      call<CaseDetail>('PUT', `${c(id)}/sales`, note ? { status, note } : { status }),
    answerAppointment: (id: string, appointmentId: string, status: 'accepted' | 'declined' | 'cancelled') =>
      call<Appointment>('PUT', `${c(id)}/appointments/${encodeURIComponent(appointmentId)}`, { status }),
    resolveLogbook: (id: string, entryId: string) =>
      call<LogbookEntry>('POST', `${c(id)}/logbook/${encodeURIComponent(entryId)}/resolve`),
    followups: (id: string) => call<Followup[]>('GET', `${c(id)}/followups`),
    addFollowup: (id: string, f: { title: string; dueAt: string }) =>
      call<Followup>('POST', `${c(id)}/followups`, f),
    doneFollowup: (id: string, followupId: string) =>
      call<Followup>('POST', `${c(id)}/followups/${encodeURIComponent(followupId)}/done`),
    artifactBlob: (id: string, artifactId: string) =>
      blob(`${c(id)}/artifacts/${encodeURIComponent(artifactId)}`),
    createDocument: (id: string, kind: 'report' | 'offer', lang: 'de' | 'en') =>
      call<DocumentCreated>('POST', `${c(id)}/documents/${kind}`, { lang }),
    sendDocuments: (id: string, d: { reportArtifactId: string; offerArtifactId?: string }) =>
      call<DocumentSent>('POST', `${c(id)}/documents/send`, d),
    thread: (id: string) => call<ThreadMessage[]>('GET', `${c(id)}/thread`),
    customers: () => call<CustomerSummary[]>('GET', '/api/customers'),
    customer: (customerId: string) =>
      call<CustomerDetail>('GET', `/api/customers/${encodeURIComponent(customerId)}`),
    createUser: (u: { email: string; name: string; role: string; password: string; customerId?: string }) =>
      call<User>('POST', '/api/users', u),
    updateUser: (userId: string, patch: UserPatch) =>
      call<User>('PATCH', `/api/users/${encodeURIComponent(userId)}`, patch),
    updateCustomer: (customerId: string, patch: CustomerPatch) =>
      call<CustomerDetail>('PATCH', k(customerId), patch),
    updateSite: (customerId: string, siteId: string, patch: SitePatch) =>
      call<Site>('PATCH', `${k(customerId)}/sites/${encodeURIComponent(siteId)}`, patch),
    addContact: (customerId: string, contact: ContactInput) =>
      call<Contact>('POST', `${k(customerId)}/contacts`, contact),
    updateContact: (customerId: string, contactId: string, patch: Partial<ContactInput>) =>
      call<Contact>('PATCH', `${k(customerId)}/contacts/${encodeURIComponent(contactId)}`, patch),
    deleteContact: (customerId: string, contactId: string) =>
      call<unknown>('DELETE', `${k(customerId)}/contacts/${encodeURIComponent(contactId)}`),
    customerTrail: (customerId: string) => call<TrailEntry[]>('GET', `${k(customerId)}/audit-trail`),
    mergeCustomer: (customerId: string, sourceCustomerId: string) =>
      call<CustomerDetail>('POST', `${k(customerId)}/merge`, { sourceCustomerId }),
    priceCatalog: () => call<unknown>('GET', '/api/price-catalog'),
    savePriceCatalog: (catalog: unknown) => call<unknown>('PUT', '/api/price-catalog', catalog),
    checks: () => call<CheckInfo[]>('GET', '/api/checks'),
    integrations: () => call<unknown>('GET', '/api/admin/integrations'),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
