// The platform's tables. Domain areas add theirs here so that one drizzle-kit run
// produces one ordered set of migrations for both engines.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

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
