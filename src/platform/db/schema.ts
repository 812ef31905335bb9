// The platform's tables. Domain areas add theirs here so that one drizzle-kit run
// produces one ordered set of migrations for both engines.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    type: text('type').notNull(),
    level: text('level').notNull(),
    areaCode: text('area_code'),
    parentId: uuid('parent_id'),
    /** Public profile for the service directory (HSDS organization). */
    description: text('description'),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    /** Months after arrival when sustainability surveys fall due; null: the default (3, 6, 12). */
    surveyMonths: integer('survey_months').array(),
    /** Private-sector partners only: employer | recruitment_agency | vocational_school | business_development. */
    partnerKind: text('partner_kind'),
    /** A suspended partner's openings leave matching and its users can do nothing employment-related. */
    suspendedAt: ts('suspended_at'),
    suspendedById: uuid('suspended_by_id'),
    suspensionNoteEnc: text('suspension_note_enc'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organizations_name_key').on(sql`lower(${t.name})`), index('organizations_parent_idx').on(t.parentId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    // 'person' logs in with a password; 'service' is a partner system using API tokens only.
    kind: text('kind').notNull().default('person'),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    roles: text('roles').array().notNull(),
    locale: text('locale').notNull().default('id'),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    /** Kemendagri codes (province, regency…) a case worker covers, for the assignment suggestion. */
    areaCodes: text('area_codes').array().notNull().default(sql`'{}'::text[]`),
    passwordHash: text('password_hash'),
    passwordChangedAt: ts('password_changed_at'),
    // pending → active (after activation) → deactivated; never deleted.
    status: text('status').notNull().default('pending'),
    totpSecret: text('totp_secret'),
    totpPendingSecret: text('totp_pending_secret'),
    totpEnabledAt: ts('totp_enabled_at'),
    // Last accepted TOTP time step: a code is never accepted twice.
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deactivatedAt: ts('deactivated_at'),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`), index('users_org_idx').on(t.organizationId)],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

// One-time tokens: account activation, first-administrator setup, password reset by an admin.
export const oneTimeTokens = pgTable('one_time_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  purpose: text('purpose').notNull(),
  userId: uuid('user_id').references(() => users.id),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [uniqueIndex('sessions_token_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    createdById: uuid('created_by_id').notNull().references(() => users.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    expiresAt: ts('expires_at').notNull(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

// Failed logins, per account and per client address, for the lockout window.
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    emailKey: text('email_key').notNull(),
    ip: text('ip').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('login_failures_email_idx').on(t.emailKey, t.at), index('login_failures_ip_idx').on(t.ip, t.at)],
);

// Append-only and hash-chained; a trigger (custom migration) refuses UPDATE, DELETE and TRUNCATE.
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorKind: text('actor_kind').notNull(),
    organizationId: uuid('organization_id'),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_actor_idx').on(t.actorId, t.at),
    index('audit_events_org_idx').on(t.organizationId, t.at),
    index('audit_events_target_idx').on(t.targetType, t.targetId),
  ],
);

// Kemendagri administrative areas: province (2 digits), regency (xx.xx), district (xx.xx.xx), village (xx.xx.xx.xxxx).
export const areas = pgTable(
  'areas',
  {
    code: text('code').primaryKey(),
    parentCode: text('parent_code'),
    level: text('level').notNull(),
    name: text('name').notNull(),
  },
  (t) => [index('areas_parent_idx').on(t.parentCode), index('areas_level_idx').on(t.level)],
);

export const countries = pgTable('countries', {
  code: text('code').primaryKey(),
  nameId: text('name_id').notNull(),
  nameEn: text('name_en').notNull(),
});

// Which programmatic data loads (reference data) have run, next to drizzle's own journal.
export const dataLoads = pgTable('data_loads', {
  name: text('name').primaryKey(),
  version: text('version').notNull(),
  loadedAt: ts('loaded_at').notNull().defaultNow(),
});

// ---------------------------------------------------------------------------------------------
// Persons and cases. Columns named *_enc hold FieldCipher ciphertext (registered in
// crypto/reencrypt.ts); *_hash columns hold keyed HMACs (crypto/blind-index.ts) for exact look-up
// without decrypting, never a plain digest.

const day = (name: string) => date(name, { mode: 'string' });

export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The organisation that registered the person; cases give other organisations their reach. */
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    fullNameEnc: text('full_name_enc').notNull(),
    /** JSON array of other names and spellings, encrypted as one value. */
    otherNamesEnc: text('other_names_enc'),
    sex: text('sex').notNull(),
    genderIdentity: text('gender_identity'),
    /** exact | estimated_year | estimated_age (see cases/priority.ts BirthDate). */
    birthKind: text('birth_kind'),
    birthDate: day('birth_date'),
    /** Always set when anything is known of the birth: the year of birthDate, the estimate, or statedOn year minus age. */
    birthYear: integer('birth_year'),
    birthAge: integer('birth_age'),
    birthAgeStatedOn: day('birth_age_stated_on'),
    nationality: text('nationality').notNull(),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    /** JSON array of E.164 numbers, encrypted. */
    phonesEnc: text('phones_enc'),
    /** Kemendagri village code; plain so that cases can be filtered and assigned by area. */
    homeVillageCode: text('home_village_code'),
    homeProvinceCode: text('home_province_code'),
    homeAddressEnc: text('home_address_enc'),
    /** JSON {name, relationship, phone}, encrypted. */
    emergencyContactEnc: text('emergency_contact_enc'),
    disabilities: text('disabilities').array().notNull().default(sql`'{}'::text[]`),
    disabilityNoteEnc: text('disability_note_enc'),
    /** Set when a supervisor merged this record into another; the record stays for history. */
    mergedIntoId: uuid('merged_into_id'),
    mergedAt: ts('merged_at'),
    createdById: uuid('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('persons_org_idx').on(t.organizationId), index('persons_birth_year_idx').on(t.birthYear)],
);

export const personDocuments = pgTable(
  'person_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => persons.id),
    /** nik | passport | splp | other */
    type: text('type').notNull(),
    numberEnc: text('number_enc').notNull(),
    /** Keyed HMAC of the normalised number, per type: exact look-up without decrypting. */
    numberHash: text('number_hash').notNull(),
    issuingCountry: text('issuing_country'),
    expiresOn: day('expires_on'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('person_documents_person_idx').on(t.personId), index('person_documents_hash_idx').on(t.type, t.numberHash)],
);

/**
 * Blocking keys for duplicate detection: keyed, truncated HMACs of name and birth features
 * (crypto/blind-index.ts), so that candidates are found by index without the names being
 * readable from this table. Truncation makes the keys collide on purpose.
 */
export const personMatchKeys = pgTable(
  'person_match_keys',
  {
    personId: uuid('person_id').notNull().references(() => persons.id),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.personId] }), index('person_match_keys_person_idx').on(t.personId)],
);

export const caseReferenceCounters = pgTable('case_reference_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** PUL-YYYY-NNNNNN */
    reference: text('reference').notNull(),
    personId: uuid('person_id').notNull().references(() => persons.id),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    assignedToId: uuid('assigned_to_id').references(() => users.id),
    assignedAt: ts('assigned_at'),
    createdById: uuid('created_by_id').references(() => users.id),
    caseType: text('case_type').notNull(),
    /** inbound: an Indonesian coming home; outbound: a foreign national returning from Indonesia. */
    direction: text('direction').notNull(),
    stage: text('stage').notNull().default('intake'),
    destinationCountries: text('destination_countries').array().notNull().default(sql`'{}'::text[]`),
    riskLevel: text('risk_level').notNull().default('low'),
    /** Flags set by people (urgent_medical, security_risk); `child` is derived and stored for filtering. */
    flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
    priorityScore: integer('priority_score').notNull().default(0),
    priorityBand: text('priority_band').notNull().default('routine'),
    priorityReasons: text('priority_reasons').array().notNull().default(sql`'{}'::text[]`),
    /** Copied from the person for worklist filters and the assignment suggestion. */
    provinceCode: text('province_code'),
    summaryEnc: text('summary_enc'),
    /** Earliest due date of the open tasks and follow-ups; null when none. Kept by the task service. */
    nextDueOn: day('next_due_on'),
    lastContactAt: ts('last_contact_at'),
    /** The day the person arrived home (or in the country of origin): the surveys' schedule counts from it. */
    arrivedOn: day('arrived_on'),
    openedAt: ts('opened_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
    closureReason: text('closure_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_reference_key').on(t.reference),
    index('cases_person_idx').on(t.personId),
    // Worklists and the queue read open cases in priority order; these partial indexes hold that
    // order (and, for the organisation view, the filter columns), so a page is an index scan
    // rather than a sort of every open case (bench/cases.bench.ts, BENCHMARKS.md).
    index('cases_org_idx').on(t.organizationId, t.stage, t.priorityScore.desc()),
    index('cases_open_org_order_idx')
      .on(t.organizationId, t.priorityScore.desc(), t.nextDueOn.asc().nullsLast(), t.openedAt, t.id, t.caseType, t.provinceCode, t.assignedToId, t.destinationCountries)
      .where(sql`${t.stage} <> 'closed'`),
    index('cases_open_assignee_order_idx').on(t.assignedToId, t.priorityScore.desc(), t.nextDueOn.asc().nullsLast(), t.openedAt, t.id).where(sql`${t.stage} <> 'closed'`),
    index('cases_open_unassigned_creator_idx')
      .on(t.createdById, t.priorityScore.desc(), t.nextDueOn.asc().nullsLast(), t.openedAt, t.id)
      .where(sql`${t.assignedToId} is null and ${t.stage} <> 'closed'`),
    index('cases_queue_order_idx')
      .on(t.organizationId, t.priorityScore.desc(), t.nextDueOn.asc().nullsLast(), t.openedAt, t.id)
      .where(sql`${t.assignedToId} is null and ${t.stage} <> 'closed'`),
    // The unique index above uses the database collation; a reference prefix search (LIKE 'PUL-2026-00%') needs pattern ops.
    index('cases_reference_pattern_idx').on(t.reference.op('text_pattern_ops')),
  ],
);

/** Everything that happened to a case that is not itself a record: stage moves, assignments, merges. Codes and IDs only. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    kind: text('kind').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    reason: text('reason'),
    noteEnc: text('note_enc'),
    byId: uuid('by_id').references(() => users.id),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

/** The trafficking screening of a case (HTCDS picklists), one per case, versioned. */
export const caseScreenings = pgTable('case_screenings', {
  caseId: uuid('case_id').primaryKey().references(() => cases.id),
  exploitationTypes: text('exploitation_types').array().notNull().default(sql`'{}'::text[]`),
  meansOfControl: text('means_of_control').array().notNull().default(sql`'{}'::text[]`),
  recruitmentMethods: text('recruitment_methods').array().notNull().default(sql`'{}'::text[]`),
  recruiterRelationship: text('recruiter_relationship'),
  industries: text('industries').array().notNull().default(sql`'{}'::text[]`),
  exploitationCountries: text('exploitation_countries').array().notNull().default(sql`'{}'::text[]`),
  exploitationStart: day('exploitation_start'),
  exploitationEnd: day('exploitation_end'),
  notesEnc: text('notes_enc'),
  determination: text('determination'),
  determinedById: uuid('determined_by_id').references(() => users.id),
  determinedAt: ts('determined_at'),
  updatedById: uuid('updated_by_id').references(() => users.id),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const caseNeeds = pgTable(
  'case_needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    type: text('type').notNull(),
    dimension: text('dimension').notNull(),
    severity: text('severity').notNull(),
    /** open | met | no_longer_needed */
    status: text('status').notNull().default('open'),
    descriptionEnc: text('description_enc'),
    createdById: uuid('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('case_needs_case_idx').on(t.caseId, t.status)],
);

export const caseNotes = pgTable(
  'case_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    type: text('type').notNull(),
    /** Sensitive notes are shown only to their author, the assigned case worker and supervisors. */
    sensitive: boolean('sensitive').notNull().default(false),
    bodyEnc: text('body_enc').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    /** When a contact with the person happened (for contact notes); feeds the priority. */
    contactAt: ts('contact_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.createdAt)],
);

export const caseTasks = pgTable(
  'case_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    /** task | follow_up */
    kind: text('kind').notNull(),
    titleEnc: text('title_enc').notNull(),
    detailsEnc: text('details_enc'),
    dueOn: day('due_on'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    /** open | done | cancelled */
    status: text('status').notNull().default('open'),
    completedAt: ts('completed_at'),
    completedById: uuid('completed_by_id').references(() => users.id),
    createdById: uuid('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('case_tasks_case_idx').on(t.caseId, t.status, t.dueOn), index('case_tasks_assignee_idx').on(t.assigneeId, t.status, t.dueOn)],
);

/** Encrypted files kept in the database, so that every app server and one backup cover them. */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    /** consent_form | identity_document | medical | legal | photo | other */
    category: text('category').notNull(),
    fileNameEnc: text('file_name_enc').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** FieldCipher.encryptBytes output; the key version is kept beside it for rotation. */
    content: bytea('content').notNull(),
    contentKeyVersion: integer('content_key_version').notNull(),
    uploadedById: uuid('uploaded_by_id').references(() => users.id),
    deletedAt: ts('deleted_at'),
    deletedById: uuid('deleted_by_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('case_attachments_case_idx').on(t.caseId)],
);

export const caseConsents = pgTable(
  'case_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    /** case_management | referral_sharing | case_transfer | job_matching | follow_up_contact | statistics */
    purpose: text('purpose').notNull(),
    /** For referral_sharing, case_transfer and job_matching: a named organisation, or a type of organisation. */
    recipientOrganizationId: uuid('recipient_organization_id').references(() => organizations.id),
    recipientOrganizationType: text('recipient_organization_type'),
    /** For referral_sharing and job_matching: which person fields may be shared. */
    sharedFields: text('shared_fields').array().notNull().default(sql`'{}'::text[]`),
    /** given | refused */
    decision: text('decision').notNull(),
    /** signed | verbal_witnessed | guardian */
    method: text('method').notNull(),
    /** Who gave it (the person, or a guardian for a child), and a witness for verbal consent. */
    givenByEnc: text('given_by_enc'),
    witnessEnc: text('witness_enc'),
    givenAt: ts('given_at').notNull(),
    evidenceAttachmentId: uuid('evidence_attachment_id').references(() => caseAttachments.id),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnById: uuid('withdrawn_by_id').references(() => users.id),
    withdrawalReasonEnc: text('withdrawal_reason_enc'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('case_consents_case_idx').on(t.caseId, t.purpose)],
);

// ---------------------------------------------------------------------------------------------
// The service directory (Open Referral HSDS 3.0). Public data: nothing here is personal, and
// nothing here is encrypted. Provider statistics are counters kept by the referral service.

export const taxonomyTerms = pgTable('taxonomy_terms', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  parentId: uuid('parent_id'),
  nameId: text('name_id').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionId: text('description_id').notNull(),
  descriptionEn: text('description_en').notNull(),
  sort: integer('sort').notNull(),
});

export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    alternateName: text('alternate_name'),
    description: text('description').notNull().default(''),
    url: text('url'),
    email: text('email'),
    /** HSDS status: active | inactive | defunct | temporarily closed */
    status: text('status').notNull().default('active'),
    termIds: uuid('term_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** ISO 639 codes of the languages the service is given in. */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    /** Eligibility; an empty list or a null bound means no limit. */
    eligibleSexes: text('eligible_sexes').array().notNull().default(sql`'{}'::text[]`),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    eligibleCaseTypes: text('eligible_case_types').array().notNull().default(sql`'{}'::text[]`),
    eligibleDirections: text('eligible_directions').array().notNull().default(sql`'{}'::text[]`),
    eligibilityNote: text('eligibility_note'),
    /** free | fee | sliding_scale */
    costKind: text('cost_kind').notNull().default('free'),
    costNote: text('cost_note'),
    /** Opening hours: [{ days: [1..7], opens: 'HH:MM', closes: 'HH:MM' }], Monday = 1. */
    hours: jsonb('hours').notNull().default(sql`'[]'::jsonb`),
    hoursNote: text('hours_note'),
    /** [{ number (E.164), kind, description }] */
    phones: jsonb('phones').notNull().default(sql`'[]'::jsonb`),
    /** [{ name, title, email, phone }]: the service's public contact people. */
    contacts: jsonb('contacts').notNull().default(sql`'[]'::jsonb`),
    /** Areas served: Kemendagri codes (province, regency or district), or the whole country. */
    nationwide: boolean('nationwide').notNull().default(false),
    areaCodes: text('area_codes').array().notNull().default(sql`'{}'::text[]`),
    requiredDocuments: text('required_documents').array().notNull().default(sql`'{}'::text[]`),
    requiredDocumentsNote: text('required_documents_note'),
    /** Capacity: places in total and free, or a limit of open referrals. Never published. */
    capacityTotal: integer('capacity_total'),
    capacityFree: integer('capacity_free'),
    maxOpenReferrals: integer('max_open_referrals'),
    capacityUpdatedAt: ts('capacity_updated_at'),
    /** The provider's record, kept by the referral service: answers, acceptances, hours to answer. */
    referralsAnswered: integer('referrals_answered').notNull().default(0),
    referralsAccepted: integer('referrals_accepted').notNull().default(0),
    responseHoursTotal: doublePrecision('response_hours_total').notNull().default(0),
    /** Lower-cased words of the name, description, organisation and terms, for search. */
    searchText: text('search_text').notNull().default(''),
    lastConfirmedAt: ts('last_confirmed_at').notNull().defaultNow(),
    lastConfirmedById: uuid('last_confirmed_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('services_org_idx').on(t.organizationId),
    index('services_terms_idx').using('gin', t.termIds),
    index('services_areas_idx').using('gin', t.areaCodes),
    index('services_languages_idx').using('gin', t.languages),
    index('services_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('services_updated_idx').on(t.updatedAt, t.id),
  ],
);

export const locations = pgTable(
  'locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    description: text('description'),
    address: text('address').notNull(),
    /** Kemendagri village or district code: gives the city and province of the address. */
    areaCode: text('area_code').notNull(),
    postalCode: text('postal_code'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** How to get there: public transport, landmarks. */
    transportation: text('transportation'),
    accessibility: text('accessibility'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('locations_org_idx').on(t.organizationId), index('locations_area_idx').on(t.areaCode)],
);

export const serviceAtLocations = pgTable(
  'service_at_locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => services.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id').notNull().references(() => locations.id),
    description: text('description'),
  },
  (t) => [uniqueIndex('service_at_locations_key').on(t.serviceId, t.locationId), index('service_at_locations_location_idx').on(t.locationId)],
);

// ---------------------------------------------------------------------------------------------
// Referrals between organisations. A referral belongs to the sending case; the receiving
// organisation reaches it only through referrals/access.ts, and then only the shared fields.

export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    fromOrganizationId: uuid('from_organization_id').notNull().references(() => organizations.id),
    toOrganizationId: uuid('to_organization_id').notNull().references(() => organizations.id),
    serviceId: uuid('service_id').references(() => services.id),
    /** The case_needs this referral addresses. */
    needIds: uuid('need_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** emergency | urgent | routine */
    urgency: text('urgency').notNull(),
    respondBy: ts('respond_by').notNull(),
    messageEnc: text('message_enc'),
    /** through_case_worker | phone | home_visit | office_visit */
    contactPreference: text('contact_preference').notNull(),
    /** Referral field codes (referrals/vocabulary.ts) chosen at sending. */
    sharedFields: text('shared_fields').array().notNull().default(sql`'{}'::text[]`),
    /** The consent it was sent under, or null when a supervisor overrode. */
    consentId: uuid('consent_id').references(() => caseConsents.id),
    /** child_best_interest | threat_to_life; with a justification, flagged for review. */
    overrideReason: text('override_reason'),
    overrideJustificationEnc: text('override_justification_enc'),
    overrideById: uuid('override_by_id').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    reviewedById: uuid('reviewed_by_id').references(() => users.id),
    reviewNoteEnc: text('review_note_enc'),
    status: text('status').notNull().default('sent'),
    declineReason: text('decline_reason'),
    outcome: text('outcome'),
    sentById: uuid('sent_by_id').notNull().references(() => users.id),
    sentAt: ts('sent_at').notNull().defaultNow(),
    /** The consent purpose that governs what the receiver sees: referral_sharing, or job_matching for a candidacy. */
    consentPurpose: text('consent_purpose').notNull().default('referral_sharing'),
    /** First answer (accepted or declined), for the provider's response time. */
    answeredAt: ts('answered_at'),
    /** When it reached declined, completed, closed or withdrawn: starts the grace period. */
    endedAt: ts('ended_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('referrals_case_idx').on(t.caseId, t.sentAt),
    // Inbox pages read each status in order: open ones by deadline, ended ones newest first.
    index('referrals_inbox_idx').on(t.toOrganizationId, t.status, t.respondBy, t.id),
    index('referrals_outbox_idx').on(t.fromOrganizationId, t.status, t.respondBy, t.id),
    index('referrals_inbox_sent_idx').on(t.toOrganizationId, t.status, t.sentAt.desc(), t.id),
    index('referrals_outbox_sent_idx').on(t.fromOrganizationId, t.status, t.sentAt.desc(), t.id),
    index('referrals_service_idx').on(t.serviceId, t.status),
  ],
);

/** Every step of a referral: who moved it, from where to where, when, and why. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id').notNull().references(() => referrals.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    actorOrganizationId: uuid('actor_organization_id').references(() => organizations.id),
    /** A decline reason, an outcome, or a review. */
    reason: text('reason'),
    noteEnc: text('note_enc'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.at)],
);

// ---------------------------------------------------------------------------------------------
// Issue 5: the journey home, case transfer, the reintegration plan, sustainability surveys, the
// legal track and closure. Each belongs to a case and is reached only through the case's access.

/** A return journey, in either direction. The case's direction says which way it goes. */
export const returnJourneys = pgTable(
  'return_journeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    /** planned | documents_ready | departed | arrived | reached_home | handed_over | cancelled (returns/vocabulary.ts) */
    status: text('status').notNull().default('planned'),
    /** not_needed | pending | cleared | not_fit */
    medicalClearance: text('medical_clearance').notNull().default('pending'),
    medicalNoteEnc: text('medical_note_enc'),
    /** none | case_worker | medical | police | family | other */
    escort: text('escort').notNull().default('none'),
    escortNameEnc: text('escort_name_enc'),
    pocketMoneyIdr: bigint('pocket_money_idr', { mode: 'number' }),
    // Inbound: reception at an Indonesian point of entry (returns/points-of-entry.ts), then onward travel home.
    arrivalPointCode: text('arrival_point_code'),
    expectedArrivalAt: ts('expected_arrival_at'),
    /** The organisation whose team meets the person at the point of entry; it sees the journey in its returns-due list. */
    receptionOrganizationId: uuid('reception_organization_id').references(() => organizations.id),
    receivedByEnc: text('received_by_enc'),
    arrivedAt: ts('arrived_at'),
    reachedHomeAt: ts('reached_home_at'),
    // Outbound: the hand-over to the receiving organisation in the country of origin (not a Pulang organisation).
    handoverCountryCode: text('handover_country_code'),
    handoverOrganizationName: text('handover_organization_name'),
    handoverContactEnc: text('handover_contact_enc'),
    /** What was sent with the person (returns/vocabulary.ts handoverItems). */
    handoverItems: text('handover_items').array().notNull().default(sql`'{}'::text[]`),
    handoverNoteEnc: text('handover_note_enc'),
    handedOverAt: ts('handed_over_at'),
    notesEnc: text('notes_enc'),
    createdById: uuid('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('return_journeys_case_idx').on(t.caseId, t.createdAt),
    // The returns-due lists read journeys still on their way, by expected arrival.
    index('return_journeys_due_idx').on(t.expectedArrivalAt).where(sql`${t.arrivedAt} is null and ${t.status} not in ('cancelled', 'handed_over')`),
    index('return_journeys_reception_idx').on(t.receptionOrganizationId, t.expectedArrivalAt),
  ],
);

/** Travel documents of a journey: passport, emergency travel document (SPLP), exit permit. */
export const journeyDocuments = pgTable(
  'journey_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    journeyId: uuid('journey_id').notNull().references(() => returnJourneys.id, { onDelete: 'cascade' }),
    /** passport | splp | exit_permit | visa | laissez_passer | other */
    kind: text('kind').notNull(),
    /** needed | applied | issued | not_needed */
    status: text('status').notNull(),
    numberEnc: text('number_enc'),
    issuer: text('issuer'),
    issuedOn: day('issued_on'),
    expiresOn: day('expires_on'),
  },
  (t) => [index('journey_documents_journey_idx').on(t.journeyId)],
);

/** The legs of a journey, in order; `segment` separates the way to the point of entry from the onward travel home. */
export const journeyLegs = pgTable(
  'journey_legs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    journeyId: uuid('journey_id').notNull().references(() => returnJourneys.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    /** return | onward */
    segment: text('segment').notNull(),
    /** air | sea | bus | car | train | other */
    mode: text('mode').notNull(),
    fromPlace: text('from_place').notNull(),
    fromCountryCode: text('from_country_code'),
    toPlace: text('to_place').notNull(),
    toCountryCode: text('to_country_code'),
    departAt: ts('depart_at'),
    arriveAt: ts('arrive_at'),
    carrier: text('carrier'),
    /** Flight or voyage number and booking code: encrypted, a booking code finds the person. */
    referenceEnc: text('reference_enc'),
  },
  (t) => [index('journey_legs_journey_idx').on(t.journeyId, t.seq)],
);

/** The milestones a journey reached, with who recorded them and when. */
export const journeyEvents = pgTable(
  'journey_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    journeyId: uuid('journey_id').notNull().references(() => returnJourneys.id, { onDelete: 'cascade' }),
    milestone: text('milestone').notNull(),
    happenedAt: ts('happened_at').notNull(),
    noteEnc: text('note_enc'),
    byId: uuid('by_id').references(() => users.id),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('journey_events_journey_idx').on(t.journeyId, t.at)],
);

/** Moving a case to another organisation: it moves only when that organisation accepts. */
export const caseTransfers = pgTable(
  'case_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    fromOrganizationId: uuid('from_organization_id').notNull().references(() => organizations.id),
    toOrganizationId: uuid('to_organization_id').notNull().references(() => organizations.id),
    /** proposed | accepted | declined | withdrawn */
    status: text('status').notNull().default('proposed'),
    reasonEnc: text('reason_enc'),
    /** The case_transfer consent it was proposed under. */
    consentId: uuid('consent_id').notNull().references(() => caseConsents.id),
    /** The person agreed that the sending organisation keeps a read-only view of what it recorded. */
    senderKeepsView: boolean('sender_keeps_view').notNull().default(false),
    requestedById: uuid('requested_by_id').notNull().references(() => users.id),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    answeredById: uuid('answered_by_id').references(() => users.id),
    answeredAt: ts('answered_at'),
    /** no_capacity | outside_area | not_our_mandate | other */
    declineReason: text('decline_reason'),
    answerNoteEnc: text('answer_note_enc'),
    /** Who the receiving organisation assigned the case to on accepting, if anyone. */
    assignedToId: uuid('assigned_to_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('case_transfers_case_idx').on(t.caseId, t.requestedAt),
    index('case_transfers_to_idx').on(t.toOrganizationId, t.status, t.requestedAt),
    index('case_transfers_from_idx').on(t.fromOrganizationId, t.status, t.requestedAt),
  ],
);

/** Group activities an organisation runs, that plan items can enrol a person in. Not personal. */
export const groupActivities = pgTable(
  'group_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    /** peer_group | community_business | awareness_session */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    areaCode: text('area_code'),
    startsOn: day('starts_on'),
    endsOn: day('ends_on'),
    capacity: integer('capacity'),
    /** active | ended */
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('group_activities_org_idx').on(t.organizationId, t.status)],
);

/**
 * A version of a case's reintegration plan. Drafts are edited; a supervisor approves one, which
 * supersedes the approved version before it. Changing an approved plan starts a new draft.
 */
export const reintegrationPlans = pgTable(
  'reintegration_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    /** 1, 2, 3…: the plan's version number within the case. */
    number: integer('number').notNull(),
    /** draft | submitted | approved | superseded | returned */
    status: text('status').notNull().default('draft'),
    goalEnc: text('goal_enc'),
    basedOnId: uuid('based_on_id'),
    changeNoteEnc: text('change_note_enc'),
    createdById: uuid('created_by_id').references(() => users.id),
    submittedById: uuid('submitted_by_id').references(() => users.id),
    submittedAt: ts('submitted_at'),
    decidedById: uuid('decided_by_id').references(() => users.id),
    decidedAt: ts('decided_at'),
    decisionNoteEnc: text('decision_note_enc'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reintegration_plans_case_number_key').on(t.caseId, t.number), index('reintegration_plans_status_idx').on(t.status, t.submittedAt)],
);

export const planItems = pgTable(
  'plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull().references(() => reintegrationPlans.id, { onDelete: 'cascade' }),
    /** The same item in the version this one was copied from: an item's history across versions. */
    originItemId: uuid('origin_item_id'),
    seq: integer('seq').notNull(),
    /** economic | social | psychosocial | health | legal | housing | education | documentation */
    dimension: text('dimension').notNull(),
    whatEnc: text('what_enc').notNull(),
    /** The need it answers. */
    needId: uuid('need_id').references(() => caseNeeds.id),
    /** direct | referral | group */
    delivery: text('delivery').notNull(),
    referralId: uuid('referral_id').references(() => referrals.id),
    groupActivityId: uuid('group_activity_id').references(() => groupActivities.id),
    budgetIdr: bigint('budget_idr', { mode: 'number' }),
    startOn: day('start_on'),
    endOn: day('end_on'),
    /** planned | in_progress | completed | cancelled */
    status: text('status').notNull().default('planned'),
    outcomeEnc: text('outcome_enc'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('plan_items_plan_idx').on(t.planId, t.seq), index('plan_items_group_idx').on(t.groupActivityId)],
);

/** Scoring models for sustainability surveys, as data (reintegration/sustainability/model.ts), versioned. */
export const sustainabilityModels = pgTable(
  'sustainability_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    /** The model new surveys are scored with; one at a time. */
    active: boolean('active').notNull().default(false),
    loadedById: uuid('loaded_by_id').references(() => users.id),
    loadedAt: ts('loaded_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sustainability_models_code_version_key').on(t.code, t.version)],
);

/** One sustainability survey of a case: due on a date after arrival, then done with its answers and scores. */
export const sustainabilitySurveys = pgTable(
  'sustainability_surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    /** 1 for the first scheduled survey; null for one done outside the schedule. */
    round: integer('round'),
    monthsAfterArrival: integer('months_after_arrival'),
    dueOn: day('due_on'),
    /** scheduled | done | missed | cancelled */
    status: text('status').notNull().default('scheduled'),
    /** The task created when the survey fell due. */
    taskId: uuid('task_id').references(() => caseTasks.id),
    modelId: uuid('model_id').references(() => sustainabilityModels.id),
    /** The answers as encrypted JSON {questionCode: optionCode}. */
    answersEnc: text('answers_enc'),
    /** {economic, social, psychosocial, composite, answered}: numbers only, for trends and reports. */
    scores: jsonb('scores'),
    conductedOn: day('conducted_on'),
    conductedById: uuid('conducted_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('sustainability_surveys_case_idx').on(t.caseId, t.dueOn),
    // The sweep that creates tasks reads scheduled surveys by due date.
    index('sustainability_surveys_due_idx').on(t.dueOn).where(sql`${t.status} = 'scheduled' and ${t.taskId} is null`),
  ],
);

/** The legal track of a case: one per case. */
export const legalTracks = pgTable(
  'legal_tracks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    policeReportNumberEnc: text('police_report_number_enc'),
    policeReportedOn: day('police_reported_on'),
    /** polri_bareskrim | polda | polres | kejaksaan | ppns | foreign_authority | other */
    investigatingAgency: text('investigating_agency'),
    investigatingUnit: text('investigating_unit'),
    /** reported | investigation | prosecution | verdict | appeal | closed */
    stage: text('stage').notNull(),
    restitutionClaimedIdr: bigint('restitution_claimed_idr', { mode: 'number' }),
    restitutionAwardedIdr: bigint('restitution_awarded_idr', { mode: 'number' }),
    /** none | requested | granted | refused (witness and victim protection, LPSK) */
    protectionStatus: text('protection_status').notNull().default('none'),
    protectionNoteEnc: text('protection_note_enc'),
    /** The last time anything on the track changed: 60 days without one flags it as stalled. */
    lastUpdateAt: ts('last_update_at').notNull().defaultNow(),
    createdById: uuid('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('legal_tracks_case_key').on(t.caseId), index('legal_tracks_stalled_idx').on(t.lastUpdateAt).where(sql`${t.stage} <> 'closed'`)],
);

/** Steps on a legal track: stage changes and other updates, with the date they happened. */
export const legalEvents = pgTable(
  'legal_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    trackId: uuid('track_id').notNull().references(() => legalTracks.id, { onDelete: 'cascade' }),
    /** stage | update */
    kind: text('kind').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    happenedOn: day('happened_on').notNull(),
    noteEnc: text('note_enc'),
    byId: uuid('by_id').references(() => users.id),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('legal_events_track_idx').on(t.trackId, t.at)],
);

/** A request to close a case, decided by a supervisor against the closure checklist. */
export const caseClosures = pgTable(
  'case_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    /** cases/workflow.ts closureReasons */
    closureReason: text('closure_reason').notNull(),
    reasonEnc: text('reason_enc').notNull(),
    /** pending | approved | returned | withdrawn */
    status: text('status').notNull().default('pending'),
    requestedById: uuid('requested_by_id').notNull().references(() => users.id),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    decidedById: uuid('decided_by_id').references(() => users.id),
    decidedAt: ts('decided_at'),
    decisionNoteEnc: text('decision_note_enc'),
    /** The checklist as it stood when decided: [{code, met, detail}]. */
    checklist: jsonb('checklist'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('case_closures_case_idx').on(t.caseId, t.requestedAt), index('case_closures_pending_idx').on(t.status, t.requestedAt)],
);

// ---------------------------------------------------------------------------------------------
// Issue 6: employment. Private-sector partners, their openings and training places, the skills
// profile of a case, candidacies (a referral to the partner for an opening), placements and their
// follow-ups. A partner reaches a case only through a candidacy's referral, and only its shared fields.

/** A partner user's acceptance of a version of the code of conduct (employment/vocabulary.ts codeOfConduct). */
export const codeOfConductAcceptances = pgTable(
  'code_of_conduct_acceptances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    version: text('version').notNull(),
    acceptedAt: ts('accepted_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('code_of_conduct_acceptances_user_version_key').on(t.userId, t.version)],
);

/** A job opening or a training place a partner offers. Not personal data: stored in the clear. */
export const employmentOpenings = pgTable(
  'employment_openings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    /** job | training */
    kind: text('kind').notNull(),
    /** draft | published | closed */
    status: text('status').notNull().default('draft'),
    title: text('title').notNull(),
    description: text('description'),
    /** ISIC Rev. 4 section or division (vocabulary.ts isicSectors). */
    sector: text('sector').notNull(),
    /** ISCO-08 major or unit group (vocabulary.ts iscoOccupations). */
    occupation: text('occupation').notNull(),
    /** Kemendagri code of the workplace; null when remote only. provinceCode is its first two digits. */
    areaCode: text('area_code'),
    provinceCode: text('province_code'),
    remote: boolean('remote').notNull().default(false),
    places: integer('places').notNull().default(1),
    wageMinIdr: bigint('wage_min_idr', { mode: 'number' }),
    wageMaxIdr: bigint('wage_max_idr', { mode: 'number' }),
    /** vocabulary.ts contractTypes */
    contractType: text('contract_type'),
    hoursPerWeek: integer('hours_per_week'),
    workingHours: text('working_hours'),
    /** [{code, level}] of vocabulary.ts skillCodes / skillLevels. */
    requiredSkills: jsonb('required_skills').notNull().default(sql`'[]'::jsonb`),
    requiredLanguages: text('required_languages').array().notNull().default(sql`'{}'::text[]`),
    minEducation: text('min_education'),
    requiredCertificates: text('required_certificates').array().notNull().default(sql`'{}'::text[]`),
    /** vocabulary.ts accommodationOptions */
    accommodation: text('accommodation'),
    startOn: day('start_on'),
    closesOn: day('closes_on'),
    /** vocabulary.ts decentWorkCommitments the partner makes for this opening. */
    commitments: text('commitments').array().notNull().default(sql`'{}'::text[]`),
    /** Training places: length, cost to the trainee (0: free) and the certificate awarded. */
    durationWeeks: integer('duration_weeks'),
    costIdr: bigint('cost_idr', { mode: 'number' }),
    certificateAwarded: text('certificate_awarded'),
    /** Keys the matching index reads (employment/matching): occupation, sector, skills, area. */
    matchKeys: text('match_keys').array().notNull().default(sql`'{}'::text[]`),
    publishedAt: ts('published_at'),
    closedAt: ts('closed_at'),
    createdById: uuid('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('employment_openings_org_idx').on(t.organizationId, t.status, t.updatedAt.desc()),
    index('employment_openings_published_idx').on(t.kind, t.closesOn).where(sql`${t.status} = 'published'`),
    index('employment_openings_match_keys_idx').using('gin', t.matchKeys),
  ],
);

/** The skills profile of a case, filled with the returnee: one per case. Codes in the clear for matching; notes encrypted. */
export const skillsProfiles = pgTable(
  'skills_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    /** The case's organisation, kept in step with it (transfers move it), for candidate search. */
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    /** vocabulary.ts seekingKinds: employment, self_employment, training. Empty: not looking. */
    seeking: text('seeking').array().notNull().default(sql`'{}'::text[]`),
    /** [{country, sector, occupation, years, abroad}] */
    workHistory: jsonb('work_history').notNull().default(sql`'[]'::jsonb`),
    /** [{code, level}] */
    skills: jsonb('skills').notNull().default(sql`'[]'::jsonb`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    education: text('education'),
    /** [{code, country, year}]: country set when earned abroad. */
    certificates: jsonb('certificates').notNull().default(sql`'[]'::jsonb`),
    preferredSectors: text('preferred_sectors').array().notNull().default(sql`'{}'::text[]`),
    /** Kemendagri codes where the person would work. */
    preferredAreaCodes: text('preferred_area_codes').array().notNull().default(sql`'{}'::text[]`),
    willingToRelocate: boolean('willing_to_relocate').notNull().default(false),
    /** vocabulary.ts workConstraints */
    constraints: text('constraints').array().notNull().default(sql`'{}'::text[]`),
    constraintsNoteEnc: text('constraints_note_enc'),
    availableFrom: day('available_from'),
    /** The first day the person earned an income after return (a job, their own business), for the reports. */
    incomeSince: day('income_since'),
    notesEnc: text('notes_enc'),
    /** Keys the matching index reads (employment/matching). */
    matchKeys: text('match_keys').array().notNull().default(sql`'{}'::text[]`),
    updatedById: uuid('updated_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('skills_profiles_case_key').on(t.caseId),
    index('skills_profiles_seeking_org_idx').on(t.organizationId).where(sql`cardinality(${t.seeking}) > 0`),
    index('skills_profiles_match_keys_idx').using('gin', t.matchKeys),
  ],
);

/** A returnee put forward to a partner for an opening. Its referral carries consent, shared fields and access. */
export const candidacies = pgTable(
  'candidacies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id').notNull().references(() => referrals.id),
    openingId: uuid('opening_id').notNull().references(() => employmentOpenings.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    fromOrganizationId: uuid('from_organization_id').notNull().references(() => organizations.id),
    partnerOrganizationId: uuid('partner_organization_id').notNull().references(() => organizations.id),
    /** vocabulary.ts candidacyStatuses */
    status: text('status').notNull().default('put_forward'),
    rejectReason: text('reject_reason'),
    interviewAt: ts('interview_at'),
    /** The person chose to share their trafficking history with this partner (screening, case summary). */
    historyShared: boolean('history_shared').notNull().default(false),
    /** The match as it stood when put forward: score 0–100 and reason codes. */
    matchScore: integer('match_score'),
    matchReasons: jsonb('match_reasons'),
    putForwardById: uuid('put_forward_by_id').notNull().references(() => users.id),
    putForwardAt: ts('put_forward_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('candidacies_referral_key').on(t.referralId),
    // One standing candidacy per case and opening; a rejected or withdrawn one may be followed by another.
    uniqueIndex('candidacies_standing_key').on(t.caseId, t.openingId).where(sql`${t.status} not in ('rejected', 'withdrawn')`),
    index('candidacies_partner_idx').on(t.partnerOrganizationId, t.status, t.putForwardAt.desc()),
    index('candidacies_case_idx').on(t.caseId, t.putForwardAt),
    index('candidacies_opening_idx').on(t.openingId, t.status),
  ],
);

/** Every step of a candidacy: who moved it, where to, when, and why. */
export const candidacyEvents = pgTable(
  'candidacy_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    candidacyId: uuid('candidacy_id').notNull().references(() => candidacies.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    noteEnc: text('note_enc'),
    actorId: uuid('actor_id').references(() => users.id),
    actorOrganizationId: uuid('actor_organization_id').references(() => organizations.id),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('candidacy_events_candidacy_idx').on(t.candidacyId, t.at)],
);

/** A job (or training place) taken up: recorded by the partner, followed up by the case worker. */
export const placements = pgTable(
  'placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    candidacyId: uuid('candidacy_id').notNull().references(() => candidacies.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    openingId: uuid('opening_id').notNull().references(() => employmentOpenings.id),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    startOn: day('start_on').notNull(),
    monthlyWageIdr: bigint('monthly_wage_idr', { mode: 'number' }),
    contractType: text('contract_type'),
    endedOn: day('ended_on'),
    /** vocabulary.ts placementEndReasons */
    endReason: text('end_reason'),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('placements_candidacy_key').on(t.candidacyId), index('placements_case_idx').on(t.caseId), index('placements_org_idx').on(t.organizationId, t.startOn)],
);

/** The checks on a placement at 1, 3 and 6 months. */
export const placementFollowUps = pgTable(
  'placement_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placementId: uuid('placement_id').notNull().references(() => placements.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    month: integer('month').notNull(),
    dueOn: day('due_on').notNull(),
    /** scheduled | done | missed | cancelled */
    status: text('status').notNull().default('scheduled'),
    /** The task created a week before it falls due. */
    taskId: uuid('task_id').references(() => caseTasks.id),
    stillEmployed: boolean('still_employed'),
    conditionsAsPromised: boolean('conditions_as_promised'),
    /** vocabulary.ts workProblems; any one alerts the case worker. */
    problems: text('problems').array().notNull().default(sql`'{}'::text[]`),
    noteEnc: text('note_enc'),
    conductedOn: day('conducted_on'),
    conductedById: uuid('conducted_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('placement_follow_ups_month_key').on(t.placementId, t.month),
    index('placement_follow_ups_case_idx').on(t.caseId, t.dueOn),
    index('placement_follow_ups_due_idx').on(t.dueOn).where(sql`${t.status} = 'scheduled' and ${t.taskId} is null`),
  ],
);
