// The case page's own calls: the parts of a case (screening, needs, notes, tasks, consents,
// attachments) and a transition that keeps the `allowed` list of a refused move. The case itself,
// its history and the shared types come from ../api.ts.
import { queryOptions } from '@tanstack/react-query';
import { api, ApiError, type FieldErrors } from '../../api/client';
import type { OrganizationType, Stage } from '../../api/types';
import type { CaseOut, CaseTask, UserRef } from '../api';

const base = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;

// ---------------------------------------------------------------------------------------------
// Screening

export interface ScreeningInput {
  exploitationTypes: string[];
  meansOfControl: string[];
  recruitmentMethods: string[];
  recruiterRelationship: string | null;
  industries: string[];
  exploitationCountries: string[];
  exploitationStart: string | null;
  exploitationEnd: string | null;
  notes: string | null;
}

export interface Screening extends ScreeningInput {
  determination: string | null;
  determinedBy: UserRef | null;
  determinedAt: string | null;
  updatedBy?: UserRef | null;
  /** 0 while nothing has been saved. */
  version: number;
  updatedAt?: string | null;
}

export const emptyScreening: Screening = {
  exploitationTypes: [],
  meansOfControl: [],
  recruitmentMethods: [],
  recruiterRelationship: null,
  industries: [],
  exploitationCountries: [],
  exploitationStart: null,
  exploitationEnd: null,
  notes: null,
  determination: null,
  determinedBy: null,
  determinedAt: null,
  version: 0,
};

// ---------------------------------------------------------------------------------------------
// Needs, notes, tasks, consents, attachments

export const needStatuses = ['open', 'met', 'no_longer_needed'] as const;
export type NeedStatus = (typeof needStatuses)[number];
export interface Need {
  id: string;
  type: string;
  dimension: string;
  severity: string;
  status: NeedStatus;
  description: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const noteTypes = ['contact', 'home_visit', 'phone_call', 'case_conference', 'observation', 'other'] as const;
export type NoteType = (typeof noteTypes)[number];
/** Types that record a contact with the person (and so take a contact date). */
export const contactNoteTypes: readonly NoteType[] = ['contact', 'home_visit', 'phone_call'];
export interface Note {
  id: string;
  type: NoteType;
  sensitive: boolean;
  restricted?: boolean;
  body?: string;
  contactAt?: string | null;
  author: UserRef | null;
  version?: number;
  createdAt: string;
  updatedAt?: string;
}

export const taskKinds = ['task', 'follow_up'] as const;
export type TaskKind = (typeof taskKinds)[number];
export type Task = CaseTask & { createdAt?: string; updatedAt?: string };

export {
  consentDecisions,
  consentMethods,
  consentPurposes,
  consentSharedFields,
  namesRecipient,
  sharesFields,
  type ConsentDecision,
  type ConsentMethod,
  type ConsentPurpose,
} from '../../../../src/case-records/consent-vocabulary';
import type { ConsentDecision, ConsentMethod, ConsentPurpose } from '../../../../src/case-records/consent-vocabulary';
export interface Consent {
  id: string;
  purpose: ConsentPurpose;
  recipientOrganizationId: string | null;
  recipientOrganizationName: string | null;
  recipientOrganizationType: OrganizationType | null;
  sharedFields: string[];
  decision: ConsentDecision;
  method: ConsentMethod;
  givenBy: string | null;
  witness: string | null;
  givenAt: string;
  evidenceAttachmentId: string | null;
  recordedBy: UserRef | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  active: boolean;
  createdAt?: string;
}
export interface ConsentInput {
  purpose: ConsentPurpose;
  recipientOrganizationId?: string | null;
  recipientOrganizationType?: OrganizationType | null;
  sharedFields?: string[];
  decision: ConsentDecision;
  method: ConsentMethod;
  givenBy?: string | null;
  witness?: string | null;
  givenAt: string;
  evidenceAttachmentId?: string | null;
}

export const attachmentCategories = ['consent_form', 'identity_document', 'medical', 'legal', 'photo', 'other'] as const;
export type AttachmentCategory = (typeof attachmentCategories)[number];
export const acceptedMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const maxAttachmentBytes = 10 * 1024 * 1024;
export interface Attachment {
  id: string;
  category: AttachmentCategory;
  fileName: string;
  mediaType: string;
  size: number;
  uploadedBy: UserRef | null;
  createdAt: string;
}

export const attachmentContentUrl = (caseId: string, attachmentId: string) =>
  `/api/v1${base(caseId)}/attachments/${encodeURIComponent(attachmentId)}/content`;

// ---------------------------------------------------------------------------------------------
// Queries

export const partKeys = {
  screening: (id: string) => ['cases', 'detail', id, 'screening'] as const,
  needs: (id: string) => ['cases', 'detail', id, 'needs'] as const,
  notes: (id: string) => ['cases', 'detail', id, 'notes'] as const,
  tasks: (id: string) => ['cases', 'detail', id, 'tasks'] as const,
  consents: (id: string) => ['cases', 'detail', id, 'consents'] as const,
  attachments: (id: string) => ['cases', 'detail', id, 'attachments'] as const,
};

export const screeningQuery = (caseId: string) =>
  queryOptions({
    queryKey: partKeys.screening(caseId),
    queryFn: async ({ signal }) => {
      const s = await api<Screening | null>(`${base(caseId)}/screening`, { signal });
      return s ?? emptyScreening;
    },
  });

const listQuery = <T,>(key: readonly unknown[], path: string) =>
  queryOptions({
    queryKey: key,
    queryFn: ({ signal }) => api<{ items: T[] }>(path, { signal }).then((r) => r.items),
  });

export const needsQuery = (caseId: string) => listQuery<Need>(partKeys.needs(caseId), `${base(caseId)}/needs`);
export const notesQuery = (caseId: string) => listQuery<Note>(partKeys.notes(caseId), `${base(caseId)}/notes`);
export const tasksQuery = (caseId: string) => listQuery<Task>(partKeys.tasks(caseId), `${base(caseId)}/tasks`);
export const consentsQuery = (caseId: string) => listQuery<Consent>(partKeys.consents(caseId), `${base(caseId)}/consents`);
export const attachmentsQuery = (caseId: string) => listQuery<Attachment>(partKeys.attachments(caseId), `${base(caseId)}/attachments`);

// ---------------------------------------------------------------------------------------------
// Writes

export const saveScreening = (caseId: string, body: ScreeningInput & { version: number }) =>
  api<Screening>(`${base(caseId)}/screening`, { method: 'PUT', body });
export const recordDetermination = (caseId: string, body: { version: number; determination: string }) =>
  api<Screening>(`${base(caseId)}/screening/determination`, { method: 'POST', body });

export const addNeed = (caseId: string, body: { type: string; severity: string; description?: string | null }) =>
  api<Need>(`${base(caseId)}/needs`, { method: 'POST', body });
export const updateNeed = (caseId: string, needId: string, body: { version: number; severity?: string; status?: NeedStatus; description?: string | null }) =>
  api<Need>(`${base(caseId)}/needs/${encodeURIComponent(needId)}`, { method: 'PATCH', body });

export const addNote = (caseId: string, body: { type: NoteType; sensitive: boolean; body: string; contactAt?: string | null }) =>
  api<Note>(`${base(caseId)}/notes`, { method: 'POST', body });

export const addTask = (
  caseId: string,
  body: { kind: TaskKind; title: string; details?: string | null; dueOn?: string | null; assigneeId?: string | null },
) => api<Task>(`${base(caseId)}/tasks`, { method: 'POST', body });
export const updateTask = (
  caseId: string,
  taskId: string,
  body: { version: number; status?: Task['status']; title?: string; dueOn?: string | null; assigneeId?: string | null; details?: string | null },
) => api<Task>(`${base(caseId)}/tasks/${encodeURIComponent(taskId)}`, { method: 'PATCH', body });

export const addConsent = (caseId: string, body: ConsentInput) => api<Consent>(`${base(caseId)}/consents`, { method: 'POST', body });
export const withdrawConsent = (caseId: string, consentId: string, reason: string) =>
  api<Consent>(`${base(caseId)}/consents/${encodeURIComponent(consentId)}/withdraw`, { method: 'POST', body: { reason } });

export const deleteAttachment = (caseId: string, attachmentId: string) =>
  api<void>(`${base(caseId)}/attachments/${encodeURIComponent(attachmentId)}`, { method: 'DELETE' });

/** A refused stage move: the ApiError also carries the moves that are allowed now. */
export class TransitionError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldErrors | undefined,
    current: unknown,
    readonly allowed: Stage[] | undefined,
  ) {
    super(status, code, message, fields, current);
  }
}

/** Sends a request with a raw or JSON body and turns an error answer into an ApiError (keeping `allowed`). */
async function send<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached.');
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string; fields?: FieldErrors; current?: unknown; allowed?: Stage[] } } | undefined)?.error;
    const code = e?.code ?? (res.status === 413 ? 'file_too_large' : res.status >= 500 ? 'server_error' : 'http_error');
    throw new TransitionError(res.status, code, e?.message ?? res.statusText, e?.fields, e?.current, e?.allowed);
  }
  return json as T;
}

export const transitionCase = (caseId: string, body: { version: number; to: Stage; reason?: string; closureReason?: string }) =>
  send<CaseOut>(`${base(caseId)}/transitions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Uploads a file as the raw request body; the server checks the type by content and the size. */
export const uploadAttachment = (caseId: string, file: File, category: AttachmentCategory) =>
  send<Attachment>(
    `${base(caseId)}/attachments?${new URLSearchParams({ category, fileName: file.name }).toString()}`,
    { method: 'POST', headers: { 'content-type': file.type || 'application/octet-stream' }, body: file },
  );
