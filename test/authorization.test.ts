// The authorisation table: every /api/v1 route × every role × a target in the caller's own
// organisation and in another one, plus an anonymous caller. The expected statuses below are
// the specification of who may do what, written out literally; nothing is read from the policy
// module. A route the table does not list fails the coverage test, so a new route needs a row.
//
// Conventions the rows follow:
// - an action the caller's roles never allow answers 403, whatever the record; a record out of the
//   caller's reach (another organisation, a system administrator) answers 404, so IDs cannot be probed;
// - every refusal (NOT_FOUND / FORBIDDEN below) is recorded in audit_events as 'permission.denied',
//   and an allowed request (2xx) records no denial;
// - anonymous callers get 401 on every route that is not public.
// Every case runs twice: with the callers of organisation A (the other organisation being B) and
// with those of B, so nothing can depend on which organisation came first.
import { createHash, randomBytes } from 'node:crypto';
import { eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATION_TTL_MS, issueOneTimeToken } from '../src/auth/service.js';
import { createSession, SESSION_COOKIE } from '../src/auth/sessions.js';
import { newTotpSecret } from '../src/auth/totp.js';
import { hashToken, newToken } from '../src/platform/crypto/tokens.js';
import type { PgTable } from 'drizzle-orm/pg-core';
import { tinyPdf } from '../src/case-records/test-fixtures.js';
import {
  apiTokens,
  auditEvents,
  caseAttachments,
  caseClosures,
  caseConsents,
  caseNeeds,
  caseNotes,
  cases,
  caseScreenings,
  caseTasks,
  caseTransfers,
  candidacies,
  employmentOpenings,
  placementFollowUps,
  placements,
  codeOfConductAcceptances,
  groupActivities,
  legalTracks,
  locations,
  organizations,
  persons,
  planItems,
  referrals,
  reintegrationPlans,
  returnJourneys,
  sustainabilityModels,
  sustainabilitySurveys,
  services,
  users,
} from '../src/platform/db/schema.js';
import { termByCode } from '../src/directory/taxonomy.js';
import { defaultModel } from '../src/reintegration/sustainability/default-model.js';
import { codeOfConduct } from '../src/employment/vocabulary.js';
import { PASSWORD, startServer, totpCode, type TestServer } from './support/server.js';

const roles = ['system_admin', 'org_admin', 'supervisor', 'case_worker', 'service_focal_point', 'private_partner', 'analyst', 'auditor'] as const;
type Role = (typeof roles)[number];

/** Where the record a request acts on sits, seen from the caller. */
type TargetKind = 'none' | 'own' | 'other' | 'self' | 'admin' | 'received';
const targetLabel: Record<TargetKind, string> = {
  none: 'no record',
  own: 'own organisation',
  other: 'another organisation',
  self: 'self',
  admin: 'a system administrator of own organisation',
  received: 'a referral to own organisation',
};

/** A status the policy allowed (any outcome of the handler), or a refusal by the policy. */
type Outcome = number | { denied: 403 | 404 };
type Expectation = Record<Role, Outcome>;
const NOT_FOUND = { denied: 404 } as const;
const FORBIDDEN = { denied: 403 } as const;
const all = (o: Outcome): Expectation => Object.fromEntries(roles.map((r) => [r, o])) as Expectation;
/** The listed roles get their status; every other role gets `rest`. */
const by = (listed: Partial<Record<Role, Outcome>>, rest: Outcome): Expectation =>
  Object.fromEntries(roles.map((r) => [r, listed[r] ?? rest])) as Expectation;

interface Caller {
  ip: string;
  cookie?: string;
  bearer?: string;
}
interface Actor extends Caller {
  role: Role;
  id: string;
  home: OrgKey;
  orgId: string;
  email: string;
  password: string;
}
type OrgKey = 'A' | 'B';
interface OrgFixture {
  id: string;
  actors: Record<Role, Actor>;
  /** A person with an ordinary role, acted upon by the user rows. */
  target: { id: string };
  /** A service account (roles: org_admin) and an API token for it (scopes users:read, organizations:read). */
  service: { id: string; token: string };
  /** A system administrator who is not signed in, and a service account holding system_admin. */
  admin: { id: string };
  adminService: { id: string };
}

interface Req {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** Sends as this caller instead of the actor (e.g. a second session of the actor for sign-out). */
  caller?: Caller;
  /** Runs after an allowed request succeeded (2xx), to keep fixture state (the actor's password) true. */
  done?: () => void;
  /** A raw body (file uploads) instead of JSON. */
  raw?: { type: string; data: Buffer };
}
interface Args {
  actor: Actor;
  target: TargetKind;
}
interface Row {
  route: string;
  /** The status for a caller without credentials; 401 unless the route is public. */
  anonymous: number;
  targets: Partial<Record<TargetKind, Expectation>>;
  request?: (a: Args) => Promise<Req> | Req;
}

let s: TestServer;
let fx: Record<OrgKey, OrgFixture>;
let loginUser: { email: string };
const db = () => s.database.db;
const uniq = () => randomBytes(4).toString('hex');
const away = (k: OrgKey): OrgKey => (k === 'A' ? 'B' : 'A');

// ---- resolving targets -------------------------------------------------------------------------

/** The organisation of a target: the caller's own unless `other`. */
const orgOf = (a: Args) => (a.target === 'other' ? fx[away(a.actor.home)].id : a.actor.orgId);
const orgFx = (a: Args) => fx[a.target === 'other' ? away(a.actor.home) : a.actor.home];

/** The fixture person the user rows read or edit. */
function userOf(a: Args) {
  if (a.target === 'self') return a.actor.id;
  if (a.target === 'admin') return fx[a.actor.home].admin.id;
  return orgFx(a).target.id;
}

/** A new person in the target's organisation (or the actor when `self`), for rows that change its state. */
async function freshUserOf(a: Args, opts: { totp?: boolean; status?: 'active' | 'deactivated' } = {}) {
  if (a.target === 'self') return a.actor.id;
  const u = await s.user({ organizationId: orgOf(a), roles: a.target === 'admin' ? ['system_admin'] : ['case_worker'], totp: opts.totp });
  if (opts.status === 'deactivated') await db().update(users).set({ status: 'deactivated', deactivatedAt: new Date() }).where(eq(users.id, u.id));
  return u.id;
}

/** The service account whose API tokens the token rows manage (the actor when `self`). */
function serviceOf(a: Args) {
  if (a.target === 'self') return a.actor.id;
  if (a.target === 'admin') return fx[a.actor.home].adminService.id;
  return orgFx(a).service.id;
}

async function freshToken(userId: string, createdById = userId) {
  const token = `pul_${newToken()}`;
  const [row] = await db()
    .insert(apiTokens)
    .values({ userId, createdById, name: `t-${uniq()}`, prefix: token.slice(0, 12), tokenHash: hashToken(token), scopes: ['users:read'], expiresAt: new Date(Date.now() + 86_400_000) })
    .returning({ id: apiTokens.id });
  return row.id;
}

async function versionOfUser(id: string) {
  const [u] = await db().select({ v: users.version }).from(users).where(eq(users.id, id));
  return u.v;
}
async function versionOfOrg(id: string) {
  const [o] = await db().select({ v: organizations.version }).from(organizations).where(eq(organizations.id, id));
  return o.v;
}
// ---- cases and persons ------------------------------------------------------------------------
// Targets for case rows: `self` is a case assigned to the actor, `own` a case of the actor's
// organisation assigned to a colleague (the fixture case worker), `other` a case of the other
// organisation. Persons follow their cases.

/** A person and a case written straight into the database, placed as the target kind says. */
async function freshCase(a: Args) {
  const orgId = orgOf(a);
  const assignee = a.target === 'self' ? a.actor.id : orgFx(a).target.id;
  const [p] = await db()
    .insert(persons)
    .values({ organizationId: orgId, fullNameEnc: s.cipher.encrypt('Sri Wahyuni'), sex: 'female', nationality: 'ID', birthKind: 'estimated_year', birthYear: 1994 })
    .returning({ id: persons.id, version: persons.version });
  const [c] = await db()
    .insert(cases)
    .values({ reference: `PUL-1999-${String(++caseSeq).padStart(6, '0')}`, personId: p.id, organizationId: orgId, assignedToId: assignee, caseType: 'presumed_victim', direction: 'inbound' })
    .returning({ id: cases.id, version: cases.version });
  return { id: c.id, version: c.version, personId: p.id, personVersion: p.version, orgId };
}
let caseSeq = 0;

async function freshAttachment(a: Args) {
  const data = tinyPdf();
  return freshPart(
    caseAttachments,
    (caseId) => ({
      caseId,
      category: 'other',
      fileNameEnc: s.cipher.encrypt('surat.pdf'),
      mediaType: 'application/pdf',
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      content: s.cipher.encryptBytes(data),
      contentKeyVersion: s.cipher.current,
    }),
    a,
  );
}

async function freshPart<T extends PgTable>(table: T, values: (caseId: string) => T['$inferInsert'], a: Args) {
  const c = await freshCase(a);
  const [row] = (await db().insert(table).values(values(c.id)).returning()) as { id: string; version?: number }[];
  return { case: c, id: row.id, version: row.version ?? 1 };
}

/**
 * Roles that reach cases: supervisors their organisation's, case workers the ones assigned to them.
 * Roles that never read cases get 404 on a case or person record too (cases/access.ts).
 */
const onCase = (status: number) => ({
  self: by({ supervisor: status, case_worker: status }, NOT_FOUND),
  own: by({ supervisor: status, case_worker: NOT_FOUND }, NOT_FOUND),
  other: by({ supervisor: NOT_FOUND, case_worker: NOT_FOUND }, NOT_FOUND),
});
/** Supervisor-only actions on a case (assignment, determination, merge): a case worker's roles lack them. */
const supervisorOnCase = (status: number) => ({
  self: by({ supervisor: status, case_worker: FORBIDDEN }, NOT_FOUND),
  own: by({ supervisor: status, case_worker: FORBIDDEN }, NOT_FOUND),
  other: by({ supervisor: NOT_FOUND, case_worker: FORBIDDEN }, NOT_FOUND),
});
const caseRoles = (status: number) => by({ supervisor: status, case_worker: status }, FORBIDDEN);

// ---- the service directory ---------------------------------------------------------------------
// Organisation administrators keep their organisation's services and locations; those who take
// referrals in (focal points, supervisors) read them and keep capacity.

async function freshService(a: Args) {
  const [r] = await db()
    .insert(services)
    .values({ organizationId: orgOf(a), name: `Layanan ${uniq()}`, termIds: [termByCode.get('shelter')!.id] })
    .returning({ id: services.id, version: services.version });
  return r;
}
async function freshLocation(a: Args) {
  const [r] = await db()
    .insert(locations)
    .values({ organizationId: orgOf(a), name: `Kantor ${uniq()}`, address: 'Jl. Uji 1', areaCode: '35.78.01.1001' })
    .returning({ id: locations.id, version: locations.version });
  return r;
}
const directoryReaders = (status: number) => ({
  own: by({ system_admin: status, org_admin: status, supervisor: status, service_focal_point: status }, FORBIDDEN),
  other: by({ system_admin: status, org_admin: NOT_FOUND, supervisor: NOT_FOUND, service_focal_point: NOT_FOUND }, FORBIDDEN),
});
const directoryKeepers = (status: number) => ({
  own: by({ system_admin: status, org_admin: status }, FORBIDDEN),
  other: by({ system_admin: status, org_admin: NOT_FOUND }, FORBIDDEN),
});

// ---- referrals ---------------------------------------------------------------------------------
// Targets for referral rows: `self` is a referral from a case assigned to the actor, `own` one from
// a colleague's case of the actor's organisation, `received` one sent to the actor's organisation
// from the other organisation's case, `other` one between the other organisation and a third.

let thirdOrgId: string | undefined;
async function thirdOrg() {
  thirdOrgId ??= (await db().insert(organizations).values({ name: `Lembaga Ketiga ${uniq()}`, type: 'ngo', level: 'national' }).returning({ id: organizations.id }))[0].id;
  return thirdOrgId;
}

/** A case (placed as `target` says) with an open need and, optionally, a consent to share with `to`. */
async function caseForReferral(a: Args, to?: string) {
  const c = await freshCase(a);
  const [need] = await db().insert(caseNeeds).values({ caseId: c.id, type: 'counselling', dimension: 'psychosocial', severity: 'high' }).returning({ id: caseNeeds.id });
  if (to)
    await db()
      .insert(caseConsents)
      .values({ caseId: c.id, purpose: 'referral_sharing', recipientOrganizationId: to, sharedFields: ['name', 'sex', 'age'], decision: 'given', method: 'signed', givenAt: new Date('2026-11-01T00:00:00Z') });
  return { ...c, needId: need.id };
}

async function freshReferral(a: Args, opts: { override?: boolean } = {}) {
  const sentFromOwn = a.target === 'self' || a.target === 'own';
  const c = await freshCase({ ...a, target: sentFromOwn ? a.target : 'other' });
  const to = sentFromOwn ? fx[away(a.actor.home)].id : a.target === 'received' ? a.actor.orgId : await thirdOrg();
  const [sender] = await db().select({ id: cases.assignedToId }).from(cases).where(eq(cases.id, c.id));
  const [r] = await db()
    .insert(referrals)
    .values({
      caseId: c.id,
      fromOrganizationId: c.orgId,
      toOrganizationId: to,
      urgency: 'routine',
      respondBy: new Date(Date.now() + 7 * 86400_000),
      contactPreference: 'through_case_worker',
      sharedFields: ['first_name'],
      sentById: sender.id!,
      ...(opts.override ? { overrideReason: 'threat_to_life', overrideJustificationEnc: s.cipher.encrypt('Ancaman dari perekrut.'), overrideById: sender.id! } : {}),
    })
    .returning({ id: referrals.id, version: referrals.version });
  return r;
}

/** Case routes of referrals: those who send them (case holders) on cases in their reach. */
const referralSenders = onCase;
/** One referral, seen from the sending side (its case in reach) or the receiving organisation. */
// Partners see candidacies, never referrals: a referral ID answers them 404 like any record out of reach.
const onReferral = (status: number) => ({
  self: by({ supervisor: status, case_worker: status, service_focal_point: NOT_FOUND, private_partner: NOT_FOUND }, FORBIDDEN),
  own: by({ supervisor: status, case_worker: NOT_FOUND, service_focal_point: NOT_FOUND, private_partner: NOT_FOUND }, FORBIDDEN),
  received: by({ supervisor: status, service_focal_point: status, case_worker: NOT_FOUND, private_partner: NOT_FOUND }, FORBIDDEN),
  other: by({ supervisor: NOT_FOUND, case_worker: NOT_FOUND, service_focal_point: NOT_FOUND, private_partner: NOT_FOUND }, FORBIDDEN),
});

// ---- issue 5: plans, group activities --------------------------------------------------------

async function freshPlan(a: Args, status: 'draft' | 'submitted' | 'approved' = 'draft') {
  const c = await freshCase(a);
  const [p] = await db()
    .insert(reintegrationPlans)
    .values({ caseId: c.id, number: 1, status, ...(status !== 'draft' ? { submittedAt: new Date() } : {}) })
    .returning({ id: reintegrationPlans.id, version: reintegrationPlans.version });
  const [i] = await db()
    .insert(planItems)
    .values({ planId: p.id, seq: 1, dimension: 'economic', whatEnc: s.cipher.encrypt('Modal usaha warung'), delivery: 'direct', budgetIdr: 2_500_000 })
    .returning({ id: planItems.id, version: planItems.version });
  return { caseId: c.id, id: p.id, version: p.version, itemId: i.id, itemVersion: i.version };
}
async function freshActivity(a: Args) {
  const [r] = await db()
    .insert(groupActivities)
    .values({ organizationId: orgOf(a), kind: 'peer_group', name: `Kelompok sebaya ${uniq()}` })
    .returning({ id: groupActivities.id, version: groupActivities.version });
  return r;
}
const activityReaders = (status: number) => ({
  own: by({ org_admin: status, supervisor: status, case_worker: status }, FORBIDDEN),
  other: by({ org_admin: NOT_FOUND, supervisor: NOT_FOUND, case_worker: NOT_FOUND }, FORBIDDEN),
});
const activityKeepers = (status: number) => ({
  own: by({ org_admin: status, supervisor: status }, FORBIDDEN),
  other: by({ org_admin: NOT_FOUND, supervisor: NOT_FOUND }, FORBIDDEN),
});

async function freshJourney(a: Args) {
  const c = await freshCase(a);
  const [j] = await db().insert(returnJourneys).values({ caseId: c.id, medicalClearance: 'not_needed' }).returning({ id: returnJourneys.id, version: returnJourneys.version });
  return j;
}

// ---- issue 5: transfers, closure, surveys, the legal track ------------------------------------
// Transfer targets, as for referrals: `self` a transfer of a case assigned to the actor (who proposed
// it), `own` one of a colleague's case, `received` one proposed to the actor's organisation by the
// other, `other` one between the other organisation and a third.

async function freshTransfer(a: Args, opts: { accepted?: boolean } = {}) {
  const fromOwn = a.target === 'self' || a.target === 'own';
  const c = await freshCase({ ...a, target: fromOwn ? a.target : 'other' });
  const to = fromOwn ? fx[away(a.actor.home)].id : a.target === 'received' ? a.actor.orgId : await thirdOrg();
  const [proposer] = await db().select({ id: cases.assignedToId }).from(cases).where(eq(cases.id, c.id));
  const [consent] = await db()
    .insert(caseConsents)
    .values({ caseId: c.id, purpose: 'case_transfer', recipientOrganizationId: to, decision: 'given', method: 'signed', givenAt: new Date('2026-11-01T00:00:00Z') })
    .returning({ id: caseConsents.id });
  const answeredAt = new Date();
  const [t] = await db()
    .insert(caseTransfers)
    .values({
      caseId: c.id,
      fromOrganizationId: c.orgId,
      toOrganizationId: to,
      consentId: consent.id,
      senderKeepsView: true,
      requestedById: proposer.id!,
      reasonEnc: s.cipher.encrypt('Kembali ke daerah asal.'),
      ...(opts.accepted ? { status: 'accepted', answeredAt } : {}),
    })
    .returning({ id: caseTransfers.id, version: caseTransfers.version });
  if (opts.accepted) {
    await db().update(cases).set({ organizationId: to, assignedToId: null }).where(eq(cases.id, c.id));
    await db().update(persons).set({ organizationId: to }).where(eq(persons.id, c.personId));
  }
  return t;
}
const onTransfer = (status: number) => ({
  self: by({ supervisor: status, case_worker: status }, NOT_FOUND),
  own: by({ supervisor: status }, NOT_FOUND),
  received: by({ supervisor: status }, NOT_FOUND),
  other: all(NOT_FOUND),
});
/** Accepting or declining: the receiving organisation's supervisors; the sending side may not. */
const answeringTransfer = (status: number) => ({
  self: by({ supervisor: FORBIDDEN, case_worker: FORBIDDEN }, NOT_FOUND),
  own: by({ supervisor: FORBIDDEN }, NOT_FOUND),
  received: by({ supervisor: status }, NOT_FOUND),
  other: all(NOT_FOUND),
});

async function freshClosure(a: Args) {
  const c = await freshCase(a);
  const [r] = await db()
    .insert(caseClosures)
    .values({ caseId: c.id, closureReason: 'unreachable', reasonEnc: s.cipher.encrypt('Nomor telepon tidak aktif.'), requestedById: a.actor.id })
    .returning({ id: caseClosures.id, version: caseClosures.version });
  return r;
}

async function activeModelId() {
  const [m] = await db().select({ id: sustainabilityModels.id }).from(sustainabilityModels).where(eq(sustainabilityModels.active, true));
  return m.id;
}
const modelReaders = (status: number) => by({ system_admin: status, supervisor: status, case_worker: status }, FORBIDDEN);
async function freshSurvey(a: Args) {
  const c = await freshCase(a);
  await db().update(cases).set({ arrivedOn: '2026-03-01' }).where(eq(cases.id, c.id));
  const [r] = await db()
    .insert(sustainabilitySurveys)
    .values({ caseId: c.id, round: 1, monthsAfterArrival: 3, dueOn: '2026-06-01' })
    .returning({ id: sustainabilitySurveys.id, version: sustainabilitySurveys.version });
  return { ...r, caseId: c.id };
}
/** Every question answered with its first option. */
const someAnswers = () => Object.fromEntries(defaultModel.questions.map((q) => [q.code, q.options[0].code]));
async function freshLegalTrack(a: Args) {
  const c = await freshCase(a);
  const [r] = await db().insert(legalTracks).values({ caseId: c.id, stage: 'reported' }).returning({ id: legalTracks.id, version: legalTracks.version });
  return { ...r, caseId: c.id };
}

// ---- issue 6: employment --------------------------------------------------------------------------
// Openings: `own` one of the actor's organisation, `other` one of the other organisation. Candidacies,
// as for referrals: `self` one put forward from a case assigned to the actor, `own` from a colleague's
// case, `received` one put forward to the actor's organisation, `other` between the other
// organisation and a third.

async function freshOpening(a: Args, status: 'draft' | 'published' = 'published', organizationId = orgOf(a)) {
  const [o] = await db()
    .insert(employmentOpenings)
    .values({
      organizationId,
      kind: 'job',
      status,
      title: `Operator jahit ${uniq()}`,
      sector: 'C14',
      occupation: '8153',
      areaCode: '32.12',
      provinceCode: '32',
      places: 3,
      commitments: ['no_fees', 'no_document_retention', 'written_contract'],
      closesOn: '2099-12-31',
      publishedAt: status === 'published' ? new Date() : null,
    })
    .returning({ id: employmentOpenings.id, version: employmentOpenings.version });
  return o;
}
const openingBody = () => ({
  kind: 'job',
  title: `Pengemas ${uniq()}`,
  sector: 'C10',
  occupation: '9321',
  areaCode: '32.12',
  places: 2,
  commitments: ['no_fees', 'no_document_retention', 'written_contract'],
});
/** Case workers and supervisors read published openings network-wide; partners only their own organisation's. */
const openingReaders = (status: number) => ({
  own: by({ private_partner: status, case_worker: status, supervisor: status }, FORBIDDEN),
  other: by({ private_partner: NOT_FOUND, case_worker: status, supervisor: status }, FORBIDDEN),
});
const openingKeepers = (status: number) => ({
  own: by({ private_partner: status }, FORBIDDEN),
  other: by({ private_partner: NOT_FOUND }, FORBIDDEN),
});

async function freshPartnerOrg(suspended = false) {
  const [o] = await db()
    .insert(organizations)
    .values({ name: `PT Mitra ${uniq()}`, type: 'private_sector', level: 'regency', areaCode: '32.12', partnerKind: 'employer', ...(suspended ? { suspendedAt: new Date() } : {}) })
    .returning({ id: organizations.id, version: organizations.version });
  return o;
}

async function freshCandidacy(a: Args, opts: { status?: 'put_forward' | 'hired'; placement?: boolean } = {}) {
  const fromOwn = a.target === 'self' || a.target === 'own';
  const c = await freshCase({ ...a, target: fromOwn ? a.target : 'other' });
  const to = fromOwn ? fx[away(a.actor.home)].id : a.target === 'received' ? a.actor.orgId : await thirdOrg();
  const [sender] = await db().select({ id: cases.assignedToId }).from(cases).where(eq(cases.id, c.id));
  const opening = await freshOpening(a, 'published', to);
  const [consent] = await db()
    .insert(caseConsents)
    .values({ caseId: c.id, purpose: 'job_matching', recipientOrganizationId: to, sharedFields: ['name', 'sex', 'age', 'skills'], decision: 'given', method: 'signed', givenAt: new Date('2026-11-01T00:00:00Z') })
    .returning({ id: caseConsents.id });
  const hired = opts.status === 'hired' || opts.placement;
  const [r] = await db()
    .insert(referrals)
    .values({
      caseId: c.id,
      fromOrganizationId: c.orgId,
      toOrganizationId: to,
      urgency: 'routine',
      respondBy: new Date(Date.now() + 7 * 86400_000),
      contactPreference: 'through_case_worker',
      sharedFields: ['first_name', 'skills_profile'],
      consentId: consent.id,
      consentPurpose: 'job_matching',
      sentById: sender.id!,
      status: hired ? 'in_progress' : 'sent',
      answeredAt: hired ? new Date() : null,
    })
    .returning({ id: referrals.id });
  const [k] = await db()
    .insert(candidacies)
    .values({ referralId: r.id, openingId: opening.id, caseId: c.id, fromOrganizationId: c.orgId, partnerOrganizationId: to, status: hired ? 'hired' : 'put_forward', putForwardById: sender.id! })
    .returning({ id: candidacies.id, version: candidacies.version });
  if (!opts.placement) return { ...k, caseId: c.id, placementId: '', placementVersion: 0, followUpVersion: 0 };
  const [pl] = await db()
    .insert(placements)
    .values({ candidacyId: k.id, caseId: c.id, openingId: opening.id, organizationId: to, startOn: '2026-09-01', monthlyWageIdr: 3_000_000, contractType: 'fixed_term' })
    .returning({ id: placements.id, version: placements.version });
  const [f] = await db()
    .insert(placementFollowUps)
    .values({ placementId: pl.id, caseId: c.id, month: 1, dueOn: '2026-10-01' })
    .returning({ version: placementFollowUps.version });
  return { ...k, caseId: c.id, placementId: pl.id, placementVersion: pl.version, followUpVersion: f.version };
}
/** One candidacy, seen from the sending side (its case in reach) or the receiving partner. */
const onCandidacy = (status: number) => ({
  self: by({ supervisor: status, case_worker: status }, NOT_FOUND),
  own: by({ supervisor: status }, NOT_FOUND),
  received: by({ private_partner: status }, NOT_FOUND),
  other: all(NOT_FOUND),
});
/** The partner's moves: the sending side's case holders may read the candidacy but not answer it. */
const answeringCandidacy = (status: number) => ({
  self: by({ supervisor: FORBIDDEN, case_worker: FORBIDDEN }, NOT_FOUND),
  own: by({ supervisor: FORBIDDEN }, NOT_FOUND),
  received: by({ private_partner: status }, NOT_FOUND),
  other: all(NOT_FOUND),
});
/** The sending side's moves: the receiving partner may read the candidacy but not make them. */
const sendingCandidacy = (status: number) => ({
  self: by({ supervisor: status, case_worker: status }, NOT_FOUND),
  own: by({ supervisor: status }, NOT_FOUND),
  received: by({ private_partner: FORBIDDEN }, NOT_FOUND),
  other: all(NOT_FOUND),
});
/** Placement follow-ups: the case side only; the partner never reaches them. */
const onPlacementCase = (status: number) => ({
  self: by({ supervisor: status, case_worker: status }, NOT_FOUND),
  own: by({ supervisor: status }, NOT_FOUND),
  received: all(NOT_FOUND),
  other: all(NOT_FOUND),
});

// Letters only: digits invite the strength estimator's l33t matching, which takes about half a second per check.
const letters = () => Array.from(randomBytes(8), (b) => 'abcdefghjkmnpqrstuvwxyz'[b % 23]).join('');
const strongPassword = () => `Sawah-${letters()}-${letters()}`;
const noTotp = { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null };

// ---- the table -------------------------------------------------------------------------------

const table: Row[] = [
  // Authentication: public entry points, and what every signed-in person may do for themself.
  {
    route: 'POST /auth/login',
    anonymous: 200,
    targets: { none: all(200) },
    request: () => ({ body: { email: loginUser.email, password: PASSWORD } }),
  },
  {
    route: 'POST /auth/logout',
    anonymous: 401,
    targets: { none: all(204) },
    // A second session of the actor, so that the actor's own stays signed in for the other rows.
    request: async ({ actor }) => ({ caller: { ip: actor.ip, cookie: (await createSession(db(), actor.id, { ip: actor.ip })).token } }),
  },
  { route: 'GET /auth/me', anonymous: 401, targets: { none: all(200) } },
  { route: 'PATCH /auth/me', anonymous: 401, targets: { none: all(200) }, request: () => ({ body: { displayName: `Nama ${uniq()}` } }) },
  {
    route: 'POST /auth/password',
    anonymous: 401,
    targets: { none: all(204) },
    request: ({ actor }) => {
      const newPassword = strongPassword();
      return { body: { currentPassword: actor.password, newPassword }, done: () => (actor.password = newPassword) };
    },
  },
  {
    route: 'POST /auth/activate',
    anonymous: 204,
    targets: { none: all(204) },
    request: async ({ actor }) => {
      const u = await s.user({ organizationId: actor.orgId, roles: ['case_worker'] });
      return { body: { token: await issueOneTimeToken(db(), 'activation', u.id, ACTIVATION_TTL_MS), password: strongPassword() } };
    },
  },
  { route: 'GET /auth/setup/status', anonymous: 200, targets: { none: all(200) }, request: () => ({ query: `token=${uniq()}` }) },
  {
    route: 'POST /auth/setup',
    // Reachable by anyone, and closed for good once a user exists.
    anonymous: 400,
    targets: { none: all(400) },
    request: () => ({
      body: { token: uniq(), organization: { name: `Org ${uniq()}` }, displayName: 'Admin', email: `setup.${uniq()}@example.org`, password: strongPassword() },
    }),
  },
  { route: 'GET /auth/sessions', anonymous: 401, targets: { none: all(200) } },
  {
    route: 'DELETE /auth/sessions/{id}',
    anonymous: 401,
    // Self: a second session of the actor. Own/other: a session of someone else, which nobody may end (not even a system administrator: deactivation does that).
    targets: { self: all(204), own: all(404), other: all(404) },
    request: async (a) => ({ params: { id: (await createSession(db(), a.target === 'self' ? a.actor.id : orgFx(a).target.id, { ip: a.actor.ip })).id } }),
  },
  { route: 'POST /auth/sessions/revoke-others', anonymous: 401, targets: { none: all(200) } },
  {
    route: 'POST /auth/totp/enrol',
    anonymous: 401,
    // System administrators always have two-factor on.
    targets: { none: by({ system_admin: 409 }, 200) },
    request: async ({ actor }) => {
      if (actor.role !== 'system_admin') await db().update(users).set(noTotp).where(eq(users.id, actor.id));
      return {};
    },
  },
  {
    route: 'POST /auth/totp/confirm',
    anonymous: 401,
    targets: { none: all(200) },
    request: async ({ actor }) => {
      const secret = newTotpSecret();
      await db().update(users).set({ totpPendingSecret: s.cipher.encrypt(secret) }).where(eq(users.id, actor.id));
      return { body: { code: await totpCode(secret) } };
    },
  },
  {
    route: 'POST /auth/totp/disable',
    anonymous: 401,
    // Not for a role that requires two-factor.
    targets: { none: by({ system_admin: 409 }, 204) },
    request: ({ actor }) => ({ body: { password: actor.password } }),
  },
  {
    route: 'POST /auth/recovery-codes',
    anonymous: 401,
    targets: { none: all(200) },
    request: async ({ actor }) => {
      if (actor.role !== 'system_admin')
        await db().update(users).set({ totpSecret: s.cipher.encrypt(newTotpSecret()), totpEnabledAt: new Date() }).where(eq(users.id, actor.id));
      return { body: { password: actor.password } };
    },
  },

  // Organisations: everyone reads all of them; an organisation administrator updates its own;
  // only a system administrator creates, deactivates and reactivates.
  { route: 'GET /organizations', anonymous: 401, targets: { none: all(200) } },
  {
    route: 'POST /organizations',
    anonymous: 401,
    targets: { none: by({ system_admin: 201 }, FORBIDDEN) },
    request: () => ({ body: { name: `Yayasan ${uniq()}`, type: 'ngo', level: 'national' } }),
  },
  { route: 'GET /organizations/{id}', anonymous: 401, targets: { own: all(200), other: all(200) }, request: (a) => ({ params: { id: orgOf(a) } }) },
  {
    route: 'PATCH /organizations/{id}',
    anonymous: 401,
    targets: { own: by({ system_admin: 200, org_admin: 200 }, FORBIDDEN), other: by({ system_admin: 200, org_admin: NOT_FOUND }, FORBIDDEN) },
    request: async (a) => ({ params: { id: orgOf(a) }, body: { acronym: `A${uniq()}`, version: await versionOfOrg(orgOf(a)) } }),
  },
  {
    route: 'POST /organizations/{id}/deactivate',
    anonymous: 401,
    // Own: one's own organisation (a system administrator may not deactivate it: 409). Other: a new organisation.
    targets: { own: by({ system_admin: 409 }, FORBIDDEN), other: by({ system_admin: 200 }, FORBIDDEN) },
    request: async (a) => ({ params: { id: a.target === 'own' ? a.actor.orgId : (await s.org()).id } }),
  },
  {
    route: 'POST /organizations/{id}/reactivate',
    anonymous: 401,
    targets: { own: by({ system_admin: 200 }, FORBIDDEN), other: by({ system_admin: 200 }, FORBIDDEN) },
    request: async (a) => ({ params: { id: a.target === 'own' ? a.actor.orgId : (await s.org({ active: false })).id } }),
  },

  // Users: an organisation administrator manages its own organisation's users (but never a system
  // administrator); a supervisor reads them; everyone else sees only themself.
  { route: 'GET /users', anonymous: 401, targets: { none: all(200) } },
  {
    route: 'POST /users',
    anonymous: 401,
    // Roles that may never create users are refused (403); an organisation administrator asking for
    // another organisation gets 404, as for any record out of reach.
    targets: { own: by({ system_admin: 201, org_admin: 201 }, FORBIDDEN), other: by({ system_admin: 201, org_admin: NOT_FOUND }, FORBIDDEN) },
    request: (a) => ({ body: { email: `baru.${uniq()}@example.org`, displayName: 'Pengguna Baru', organizationId: orgOf(a), roles: ['case_worker'] } }),
  },
  {
    route: 'GET /users/{id}',
    anonymous: 401,
    targets: {
      own: by({ system_admin: 200, org_admin: 200, supervisor: 200 }, NOT_FOUND),
      other: by({ system_admin: 200 }, NOT_FOUND),
      self: all(200),
      admin: by({ system_admin: 200, org_admin: 200, supervisor: 200 }, NOT_FOUND),
    },
    request: (a) => ({ params: { id: userOf(a) } }),
  },
  {
    route: 'PATCH /users/{id}',
    anonymous: 401,
    targets: {
      own: by({ system_admin: 200, org_admin: 200 }, FORBIDDEN),
      other: by({ system_admin: 200, org_admin: NOT_FOUND }, FORBIDDEN),
      self: by({ system_admin: 200, org_admin: 200 }, FORBIDDEN),
      admin: by({ system_admin: 200, org_admin: NOT_FOUND }, FORBIDDEN),
    },
    request: async (a) => ({ params: { id: userOf(a) }, body: { displayName: `Nama ${uniq()}`, version: await versionOfUser(userOf(a)) } }),
  },
  {
    route: 'POST /users/{id}/deactivate',
    anonymous: 401,
    targets: {
      own: by({ system_admin: 200, org_admin: 200 }, FORBIDDEN),
      other: by({ system_admin: 200, org_admin: NOT_FOUND }, FORBIDDEN),
      // Nobody deactivates their own account.
      self: by({ system_admin: 409, org_admin: 409 }, FORBIDDEN),
      admin: by({ system_admin: 200, org_admin: NOT_FOUND }, FORBIDDEN),
    },
    request: async (a) => ({ params: { id: await freshUserOf(a) } }),
  },
  {
    route: 'POST /users/{id}/reactivate',
    anonymous: 401,
    targets: {
      own: by({ system_admin: 200, org_admin: 200 }, FORBIDDEN),
      other: by({ system_admin: 200, org_admin: NOT_FOUND }, FORBIDDEN),
      self: by({ system_admin: 409, org_admin: 409 }, FORBIDDEN),
      admin: by({ system_admin: 200, org_admin: NOT_FOUND }, FORBIDDEN),
    },
    request: async (a) => ({ params: { id: await freshUserOf(a, { status: 'deactivated' }) } }),
  },
  {
    route: 'POST /users/{id}/activation',
    anonymous: 401,
    targets: {
      own: by({ system_admin: 200, org_admin: 200 }, FORBIDDEN),
      other: by({ system_admin: 200, org_admin: NOT_FOUND }, FORBIDDEN),
      admin: by({ system_admin: 200, org_admin: NOT_FOUND }, FORBIDDEN),
    },
    request: async (a) => ({ params: { id: await freshUserOf(a) } }),
  },
  {
    route: 'POST /users/{id}/totp/reset',
    anonymous: 401,
    targets: {
      own: by({ system_admin: 204, org_admin: 204 }, FORBIDDEN),
      other: by({ system_admin: 204, org_admin: NOT_FOUND }, FORBIDDEN),
      admin: by({ system_admin: 204, org_admin: NOT_FOUND }, FORBIDDEN),
    },
    request: async (a) => ({ params: { id: await freshUserOf(a, { totp: true }) } }),
  },

  // API tokens: everyone manages their own (in a session); an organisation administrator manages
  // the service accounts of its own organisation, except those holding a role it could not grant.
  { route: 'GET /api-tokens', anonymous: 401, targets: { none: all(200) } },
  {
    route: 'POST /api-tokens',
    anonymous: 401,
    targets: { none: all(201) },
    request: () => ({ body: { name: `mine ${uniq()}`, scopes: ['organizations:read'] } }),
  },
  {
    route: 'DELETE /api-tokens/{tokenId}',
    anonymous: 401,
    // Self: one's own token. Own/other: a service account's token, which this route never reaches
    // (it looks only among the caller's own tokens), so even a system administrator gets 404.
    targets: { self: all(204), own: all(404), other: all(404) },
    request: async (a) => ({ params: { tokenId: await freshToken(serviceOf(a)) } }),
  },
  {
    route: 'GET /users/{id}/api-tokens',
    anonymous: 401,
    targets: {
      own: by({ system_admin: 200, org_admin: 200 }, FORBIDDEN),
      other: by({ system_admin: 200, org_admin: NOT_FOUND }, FORBIDDEN),
      self: all(200),
      admin: by({ system_admin: 200, org_admin: NOT_FOUND }, FORBIDDEN),
    },
    request: (a) => ({ params: { id: serviceOf(a) } }),
  },
  {
    route: 'POST /users/{id}/api-tokens',
    anonymous: 401,
    targets: {
      own: by({ system_admin: 201, org_admin: 201 }, FORBIDDEN),
      other: by({ system_admin: 201, org_admin: NOT_FOUND }, FORBIDDEN),
      self: all(201),
      admin: by({ system_admin: 201, org_admin: NOT_FOUND }, FORBIDDEN),
    },
    request: (a) => ({ params: { id: serviceOf(a) }, body: { name: `svc ${uniq()}`, scopes: ['users:read'] } }),
  },
  {
    route: 'DELETE /users/{id}/api-tokens/{tokenId}',
    anonymous: 401,
    targets: {
      own: by({ system_admin: 204, org_admin: 204 }, FORBIDDEN),
      other: by({ system_admin: 204, org_admin: NOT_FOUND }, FORBIDDEN),
      self: all(204),
      admin: by({ system_admin: 204, org_admin: NOT_FOUND }, FORBIDDEN),
    },
    request: async (a) => ({ params: { id: serviceOf(a), tokenId: await freshToken(serviceOf(a)) } }),
  },

  // The audit log: system administrators and auditors (auditors: their own organisation's events).
  { route: 'GET /audit-events', anonymous: 401, targets: { none: by({ system_admin: 200, auditor: 200 }, FORBIDDEN) } },
  { route: 'GET /audit-events/verify', anonymous: 401, targets: { none: by({ system_admin: 200, auditor: 200 }, FORBIDDEN) } },

  // Persons: supervisors reach their organisation's, case workers the persons of their own cases;
  // administrators, analysts, auditors, focal points and partners never read case records.
  { route: 'POST /persons', anonymous: 401, targets: { none: caseRoles(201) }, request: () => ({ body: { fullName: 'Dewi Lestari', sex: 'female' } }) },
  {
    route: 'GET /persons',
    anonymous: 401,
    targets: { none: caseRoles(200) },
    request: () => ({ query: 'documentType=passport&documentNumber=C1234567' }),
  },
  { route: 'POST /persons/match', anonymous: 401, targets: { none: caseRoles(200) }, request: () => ({ body: { fullName: 'Nur Haliza' } }) },
  { route: 'GET /persons/{id}', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshCase(a)).personId } }) },
  {
    route: 'PATCH /persons/{id}',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => {
      const c = await freshCase(a);
      return { params: { id: c.personId }, body: { version: c.personVersion, genderIdentity: 'perempuan' } };
    },
  },
  {
    route: 'POST /persons/{id}/merge',
    anonymous: 401,
    targets: supervisorOnCase(200),
    request: async (a) => {
      const keep = await freshCase(a);
      const duplicate = await freshCase(a);
      return { params: { id: keep.personId }, body: { duplicateId: duplicate.personId, version: keep.personVersion } };
    },
  },

  // Cases.
  {
    route: 'POST /cases',
    anonymous: 401,
    targets: { none: caseRoles(201) },
    request: () => ({ body: { person: { fullName: 'Wayan Sudarsana', sex: 'male' }, caseType: 'vulnerable_migrant', direction: 'inbound' } }),
  },
  { route: 'GET /cases', anonymous: 401, targets: { none: caseRoles(200) } },
  { route: 'GET /cases/{id}', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshCase(a)).id } }) },
  {
    route: 'PATCH /cases/{id}',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => {
      const c = await freshCase(a);
      return { params: { id: c.id }, body: { version: c.version, riskLevel: 'high' } };
    },
  },
  {
    route: 'POST /cases/{id}/transitions',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => {
      const c = await freshCase(a);
      return { params: { id: c.id }, body: { version: c.version, to: 'screening' } };
    },
  },
  { route: 'GET /cases/{id}/history', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshCase(a)).id } }) },
  {
    route: 'POST /cases/{id}/assignment',
    anonymous: 401,
    targets: supervisorOnCase(200),
    request: async (a) => {
      const c = await freshCase(a);
      return { params: { id: c.id }, body: { version: c.version, assigneeId: orgFx(a).target.id } };
    },
  },
  {
    route: 'GET /cases/{id}/assignment/suggestions',
    anonymous: 401,
    targets: supervisorOnCase(200),
    request: async (a) => ({ params: { id: (await freshCase(a)).id } }),
  },
  { route: 'GET /caseloads', anonymous: 401, targets: { none: by({ supervisor: 200 }, FORBIDDEN) } },

  // Parts of a case: reachable exactly as the case is; the determination is a supervisor's.
  { route: 'GET /cases/{id}/screening', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshCase(a)).id } }) },
  {
    route: 'PUT /cases/{id}/screening',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => ({ params: { id: (await freshCase(a)).id }, body: { version: 0, exploitationTypes: ['forced_labour'] } }),
  },
  {
    route: 'POST /cases/{id}/screening/determination',
    anonymous: 401,
    targets: supervisorOnCase(200),
    request: async (a) => {
      const c = await freshCase(a);
      await db().insert(caseScreenings).values({ caseId: c.id, exploitationTypes: ['forced_labour'] });
      return { params: { id: c.id }, body: { version: 1, determination: 'presumed' } };
    },
  },
  { route: 'GET /cases/{id}/needs', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshCase(a)).id } }) },
  {
    route: 'POST /cases/{id}/needs',
    anonymous: 401,
    targets: onCase(201),
    request: async (a) => ({ params: { id: (await freshCase(a)).id }, body: { type: 'counselling', severity: 'high' } }),
  },
  {
    route: 'PATCH /cases/{id}/needs/{needId}',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => {
      const n = await freshPart(caseNeeds, (caseId) => ({ caseId, type: 'counselling', dimension: 'psychosocial', severity: 'high' }), a);
      return { params: { id: n.case.id, needId: n.id }, body: { version: n.version, status: 'met' } };
    },
  },
  { route: 'GET /cases/{id}/notes', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshCase(a)).id } }) },
  {
    route: 'POST /cases/{id}/notes',
    anonymous: 401,
    targets: onCase(201),
    request: async (a) => ({ params: { id: (await freshCase(a)).id }, body: { type: 'observation', body: 'Kondisi stabil.' } }),
  },
  {
    route: 'PATCH /cases/{id}/notes/{noteId}',
    anonymous: 401,
    // Only a note's author changes it: the actor writes the note here.
    targets: onCase(200),
    request: async (a) => {
      const n = await freshPart(caseNotes, (caseId) => ({ caseId, type: 'observation', bodyEnc: s.cipher.encrypt('Catatan awal.'), authorId: a.actor.id }), a);
      return { params: { id: n.case.id, noteId: n.id }, body: { version: n.version, body: 'Catatan diperbarui.' } };
    },
  },
  { route: 'GET /cases/{id}/tasks', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshCase(a)).id } }) },
  {
    route: 'POST /cases/{id}/tasks',
    anonymous: 401,
    targets: onCase(201),
    request: async (a) => ({ params: { id: (await freshCase(a)).id }, body: { kind: 'follow_up', title: 'Kunjungan rumah', dueOn: '2026-12-15' } }),
  },
  {
    route: 'PATCH /cases/{id}/tasks/{taskId}',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => {
      const t = await freshPart(caseTasks, (caseId) => ({ caseId, kind: 'task', titleEnc: s.cipher.encrypt('Telepon keluarga'), dueOn: '2026-12-01' }), a);
      return { params: { id: t.case.id, taskId: t.id }, body: { version: t.version, status: 'done' } };
    },
  },
  { route: 'GET /tasks', anonymous: 401, targets: { none: caseRoles(200) }, request: () => ({ query: 'mine=true' }) },
  { route: 'GET /cases/{id}/consents', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshCase(a)).id } }) },
  {
    route: 'POST /cases/{id}/consents',
    anonymous: 401,
    targets: onCase(201),
    request: async (a) => ({
      params: { id: (await freshCase(a)).id },
      body: { purpose: 'case_management', decision: 'given', method: 'signed', givenAt: '2026-11-20T03:00:00Z' },
    }),
  },
  {
    route: 'POST /cases/{id}/consents/{consentId}/withdraw',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => {
      const c = await freshPart(caseConsents, (caseId) => ({ caseId, purpose: 'follow_up_contact', decision: 'given', method: 'signed', givenAt: new Date('2026-11-01T00:00:00Z') }), a);
      return { params: { id: c.case.id, consentId: c.id }, body: { reason: 'Tidak ingin dihubungi lagi.' } };
    },
  },
  { route: 'GET /cases/{id}/attachments', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshCase(a)).id } }) },
  {
    route: 'POST /cases/{id}/attachments',
    anonymous: 401,
    targets: onCase(201),
    request: async (a) => ({ params: { id: (await freshCase(a)).id }, query: 'category=consent_form&fileName=persetujuan.pdf', raw: { type: 'application/pdf', data: tinyPdf() } }),
  },
  {
    route: 'GET /cases/{id}/attachments/{attachmentId}/content',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => {
      const f = await freshAttachment(a);
      return { params: { id: f.case.id, attachmentId: f.id } };
    },
  },
  {
    route: 'DELETE /cases/{id}/attachments/{attachmentId}',
    anonymous: 401,
    targets: onCase(204),
    request: async (a) => {
      const f = await freshAttachment(a);
      return { params: { id: f.case.id, attachmentId: f.id } };
    },
  },

  // Reference data is public.
  { route: 'GET /areas', anonymous: 200, targets: { none: all(200) } },
  { route: 'GET /countries', anonymous: 200, targets: { none: all(200) } },
  // The service directory.
  { route: 'GET /services', anonymous: 401, targets: directoryReaders(200), request: (a) => ({ query: `organizationId=${orgOf(a)}` }) },
  {
    route: 'POST /services',
    anonymous: 401,
    targets: directoryKeepers(201),
    request: (a) => ({ body: { organizationId: orgOf(a), name: `Layanan ${uniq()}`, termCodes: ['shelter'] } }),
  },
  { route: 'GET /services/{id}', anonymous: 401, targets: directoryReaders(200), request: async (a) => ({ params: { id: (await freshService(a)).id } }) },
  {
    route: 'PATCH /services/{id}',
    anonymous: 401,
    targets: directoryKeepers(200),
    request: async (a) => {
      const sv = await freshService(a);
      return { params: { id: sv.id }, body: { version: sv.version, status: 'temporarily closed' } };
    },
  },
  {
    route: 'POST /services/{id}/confirm',
    anonymous: 401,
    targets: directoryKeepers(200),
    request: async (a) => {
      const sv = await freshService(a);
      return { params: { id: sv.id }, body: { version: sv.version } };
    },
  },
  {
    route: 'PATCH /services/{id}/capacity',
    anonymous: 401,
    targets: directoryReaders(200),
    request: async (a) => {
      const sv = await freshService(a);
      return { params: { id: sv.id }, body: { version: sv.version, total: 10, free: 2 } };
    },
  },
  { route: 'GET /locations', anonymous: 401, targets: directoryReaders(200), request: (a) => ({ query: `organizationId=${orgOf(a)}` }) },
  {
    route: 'POST /locations',
    anonymous: 401,
    targets: directoryKeepers(201),
    request: (a) => ({ body: { organizationId: orgOf(a), name: `Kantor ${uniq()}`, address: 'Jl. Uji 2', areaCode: '35.78.01' } }),
  },
  { route: 'GET /locations/{id}', anonymous: 401, targets: directoryReaders(200), request: async (a) => ({ params: { id: (await freshLocation(a)).id } }) },
  {
    route: 'PATCH /locations/{id}',
    anonymous: 401,
    targets: directoryKeepers(200),
    request: async (a) => {
      const l = await freshLocation(a);
      return { params: { id: l.id }, body: { version: l.version, transportation: 'Angkot dari terminal' } };
    },
  },
  // Referrals.
  {
    route: 'GET /cases/{id}/referral-options',
    anonymous: 401,
    targets: referralSenders(200),
    request: async (a) => ({ params: { id: (await freshCase(a)).id }, query: `organizationId=${fx[away(a.actor.home)].id}` }),
  },
  {
    route: 'GET /cases/{id}/service-suggestions',
    anonymous: 401,
    targets: referralSenders(200),
    request: async (a) => {
      const c = await caseForReferral(a);
      return { params: { id: c.id }, query: `needId=${c.needId}` };
    },
  },
  { route: 'GET /cases/{id}/referrals', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshCase(a)).id } }) },
  {
    route: 'POST /cases/{id}/referrals',
    anonymous: 401,
    targets: referralSenders(201),
    request: async (a) => {
      const to = fx[away(a.actor.home)].id;
      const c = await caseForReferral(a, to);
      return {
        params: { id: c.id },
        body: { organizationId: to, needIds: [c.needId], urgency: 'routine', contactPreference: 'through_case_worker', sharedFields: ['first_name', 'sex'] },
      };
    },
  },
  { route: 'GET /referrals', anonymous: 401, targets: { none: by({ supervisor: 200, case_worker: 200, service_focal_point: 200 }, FORBIDDEN) } },
  { route: 'GET /referrals/counts', anonymous: 401, targets: { none: all(200) } },
  { route: 'GET /referrals/{id}', anonymous: 401, targets: onReferral(200), request: async (a) => ({ params: { id: (await freshReferral(a)).id } }) },
  {
    route: 'GET /referrals/{id}/letter',
    anonymous: 401,
    targets: onReferral(200),
    request: async (a) => ({ params: { id: (await freshReferral(a)).id }, query: 'lang=id' }),
  },
  {
    route: 'POST /referrals/{id}/transitions',
    anonymous: 401,
    targets: onReferral(200),
    // The sender withdraws; the receiver acknowledges.
    request: async (a) => {
      const r = await freshReferral(a);
      return { params: { id: r.id }, body: { version: r.version, to: a.target === 'received' ? 'acknowledged' : 'withdrawn' } };
    },
  },
  {
    route: 'POST /referrals/{id}/review',
    anonymous: 401,
    targets: {
      self: by({ supervisor: 200, case_worker: FORBIDDEN, service_focal_point: NOT_FOUND, private_partner: NOT_FOUND }, FORBIDDEN),
      own: by({ supervisor: 200, case_worker: NOT_FOUND, service_focal_point: NOT_FOUND, private_partner: NOT_FOUND }, FORBIDDEN),
      received: by({ supervisor: NOT_FOUND, service_focal_point: FORBIDDEN, case_worker: NOT_FOUND, private_partner: NOT_FOUND }, FORBIDDEN),
      other: by({ supervisor: NOT_FOUND, case_worker: NOT_FOUND, service_focal_point: NOT_FOUND, private_partner: NOT_FOUND }, FORBIDDEN),
    },
    request: async (a) => {
      const r = await freshReferral(a, { override: true });
      return { params: { id: r.id }, body: { version: r.version, note: 'Ditinjau: ancaman nyata, rujukan tepat.' } };
    },
  },
  // Reintegration plans and group activities.
  { route: 'GET /cases/{caseId}/plans', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { caseId: (await freshCase(a)).id } }) },
  { route: 'POST /cases/{caseId}/plans', anonymous: 401, targets: onCase(201), request: async (a) => ({ params: { caseId: (await freshCase(a)).id }, body: { goal: 'Usaha sendiri' } }) },
  { route: 'GET /plans', anonymous: 401, targets: { none: by({ supervisor: 200 }, FORBIDDEN) }, request: () => ({ query: 'status=submitted' }) },
  { route: 'GET /plans/{id}', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshPlan(a)).id } }) },
  {
    route: 'PATCH /plans/{id}',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => {
      const p = await freshPlan(a);
      return { params: { id: p.id }, body: { version: p.version, goal: 'Tujuan baru' } };
    },
  },
  {
    route: 'POST /plans/{id}/submit',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => {
      const p = await freshPlan(a);
      return { params: { id: p.id }, body: { version: p.version } };
    },
  },
  {
    route: 'POST /plans/{id}/approve',
    anonymous: 401,
    targets: supervisorOnCase(200),
    request: async (a) => {
      const p = await freshPlan(a, 'submitted');
      return { params: { id: p.id }, body: { version: p.version } };
    },
  },
  {
    route: 'POST /plans/{id}/return',
    anonymous: 401,
    targets: supervisorOnCase(200),
    request: async (a) => {
      const p = await freshPlan(a, 'submitted');
      return { params: { id: p.id }, body: { version: p.version, note: 'Lengkapi anggaran.' } };
    },
  },
  {
    route: 'POST /plans/{id}/items',
    anonymous: 401,
    targets: onCase(201),
    request: async (a) => ({ params: { id: (await freshPlan(a)).id }, body: { dimension: 'social', what: 'Mediasi keluarga', delivery: 'direct' } }),
  },
  {
    route: 'PATCH /plans/{id}/items/{itemId}',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => {
      const p = await freshPlan(a);
      return { params: { id: p.id, itemId: p.itemId }, body: { version: p.itemVersion, budgetIdr: 3_000_000 } };
    },
  },
  {
    route: 'DELETE /plans/{id}/items/{itemId}',
    anonymous: 401,
    targets: onCase(204),
    request: async (a) => {
      const p = await freshPlan(a);
      return { params: { id: p.id, itemId: p.itemId } };
    },
  },
  {
    route: 'PATCH /plans/{id}/items/{itemId}/progress',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => {
      const p = await freshPlan(a, 'approved');
      return { params: { id: p.id, itemId: p.itemId }, body: { version: p.itemVersion, status: 'in_progress' } };
    },
  },
  { route: 'GET /group-activities', anonymous: 401, targets: { none: by({ org_admin: 200, supervisor: 200, case_worker: 200 }, FORBIDDEN) } },
  {
    route: 'POST /group-activities',
    anonymous: 401,
    targets: { none: by({ org_admin: 201, supervisor: 201 }, FORBIDDEN) },
    request: () => ({ body: { kind: 'peer_group', name: `Kelompok ${uniq()}` } }),
  },
  { route: 'GET /group-activities/{id}', anonymous: 401, targets: activityReaders(200), request: async (a) => ({ params: { id: (await freshActivity(a)).id } }) },
  {
    route: 'PATCH /group-activities/{id}',
    anonymous: 401,
    targets: activityKeepers(200),
    request: async (a) => {
      const g = await freshActivity(a);
      return { params: { id: g.id }, body: { version: g.version, capacity: 15 } };
    },
  },
  // Return journeys and the returns due.
  { route: 'GET /points-of-entry', anonymous: 200, targets: { none: all(200) } },
  { route: 'GET /cases/{id}/journeys', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshCase(a)).id } }) },
  {
    route: 'POST /cases/{id}/journeys',
    anonymous: 401,
    targets: onCase(201),
    request: async (a) => ({ params: { id: (await freshCase(a)).id }, body: { medicalClearance: 'not_needed', arrivalPointCode: 'SUB' } }),
  },
  { route: 'GET /journeys/{id}', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshJourney(a)).id } }) },
  {
    route: 'PATCH /journeys/{id}',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => {
      const j = await freshJourney(a);
      return { params: { id: j.id }, body: { version: j.version, pocketMoneyIdr: 250000 } };
    },
  },
  {
    route: 'POST /journeys/{id}/milestones',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => {
      const j = await freshJourney(a);
      return { params: { id: j.id }, body: { version: j.version, milestone: 'documents_ready', happenedAt: new Date(Date.now() - 60_000).toISOString() } };
    },
  },
  { route: 'GET /returns/due', anonymous: 401, targets: { none: by({ supervisor: 200, case_worker: 200, service_focal_point: 200 }, FORBIDDEN) } },
  // Case transfer.
  { route: 'GET /cases/{caseId}/transfers', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { caseId: (await freshCase(a)).id } }) },
  {
    route: 'POST /cases/{caseId}/transfers',
    anonymous: 401,
    targets: onCase(201),
    request: async (a) => {
      const c = await freshCase(a);
      const to = fx[away(a.actor.home)].id;
      await db()
        .insert(caseConsents)
        .values({ caseId: c.id, purpose: 'case_transfer', recipientOrganizationId: to, decision: 'given', method: 'signed', givenAt: new Date('2026-11-01T00:00:00Z') });
      return { params: { caseId: c.id }, body: { toOrganizationId: to, reason: 'Pulang ke kabupaten asal.', senderKeepsView: true } };
    },
  },
  { route: 'GET /transfers', anonymous: 401, targets: { none: caseRoles(200) } },
  { route: 'GET /transfers/{id}', anonymous: 401, targets: onTransfer(200), request: async (a) => ({ params: { id: (await freshTransfer(a)).id } }) },
  {
    route: 'POST /transfers/{id}/accept',
    anonymous: 401,
    targets: answeringTransfer(200),
    request: async (a) => {
      const t = await freshTransfer(a);
      return { params: { id: t.id }, body: { version: t.version } };
    },
  },
  {
    route: 'POST /transfers/{id}/decline',
    anonymous: 401,
    targets: answeringTransfer(200),
    request: async (a) => {
      const t = await freshTransfer(a);
      return { params: { id: t.id }, body: { version: t.version, reason: 'no_capacity' } };
    },
  },
  {
    route: 'POST /transfers/{id}/withdraw',
    anonymous: 401,
    targets: {
      self: by({ supervisor: 200, case_worker: 200 }, NOT_FOUND),
      own: by({ supervisor: 200 }, NOT_FOUND),
      received: by({ supervisor: FORBIDDEN }, NOT_FOUND),
      other: all(NOT_FOUND),
    },
    request: async (a) => {
      const t = await freshTransfer(a);
      return { params: { id: t.id }, body: { version: t.version } };
    },
  },
  {
    route: 'GET /transfers/{id}/record',
    anonymous: 401,
    targets: { self: by({ supervisor: 200, case_worker: 200 }, NOT_FOUND), own: by({ supervisor: 200 }, NOT_FOUND), received: all(NOT_FOUND), other: all(NOT_FOUND) },
    request: async (a) => ({ params: { id: (await freshTransfer(a, { accepted: true })).id } }),
  },
  // Closure.
  { route: 'GET /cases/{caseId}/closure', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { caseId: (await freshCase(a)).id } }) },
  {
    route: 'POST /cases/{caseId}/closure',
    anonymous: 401,
    targets: onCase(201),
    request: async (a) => ({ params: { caseId: (await freshCase(a)).id }, body: { closureReason: 'unreachable', reason: 'Tidak dapat dihubungi tiga bulan.' } }),
  },
  { route: 'GET /closures', anonymous: 401, targets: { none: by({ supervisor: 200 }, FORBIDDEN) }, request: () => ({ query: 'status=pending' }) },
  {
    route: 'POST /closures/{id}/approve',
    anonymous: 401,
    targets: supervisorOnCase(200),
    request: async (a) => {
      const r = await freshClosure(a);
      return { params: { id: r.id }, body: { version: r.version, acknowledgeIncomplete: true } };
    },
  },
  {
    route: 'POST /closures/{id}/return',
    anonymous: 401,
    targets: supervisorOnCase(200),
    request: async (a) => {
      const r = await freshClosure(a);
      return { params: { id: r.id }, body: { version: r.version, note: 'Coba hubungi keluarga dulu.' } };
    },
  },
  {
    route: 'POST /closures/{id}/withdraw',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => {
      const r = await freshClosure(a);
      return { params: { id: r.id }, body: { version: r.version } };
    },
  },
  // Sustainability surveys and their models.
  { route: 'GET /sustainability/models', anonymous: 401, targets: { none: modelReaders(200) } },
  { route: 'GET /sustainability/models/active', anonymous: 401, targets: { none: modelReaders(200) } },
  { route: 'GET /sustainability/models/{id}', anonymous: 401, targets: { none: modelReaders(200) }, request: async () => ({ params: { id: await activeModelId() } }) },
  {
    route: 'POST /sustainability/models',
    anonymous: 401,
    targets: { none: by({ system_admin: 201 }, FORBIDDEN) },
    request: () => ({ body: { model: { ...defaultModel, code: `uji_${uniq()}` } } }),
  },
  {
    route: 'POST /sustainability/models/{id}/activate',
    anonymous: 401,
    targets: { none: by({ system_admin: 200 }, FORBIDDEN) },
    request: async () => ({ params: { id: await activeModelId() } }),
  },
  { route: 'GET /cases/{id}/surveys', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshCase(a)).id } }) },
  {
    route: 'PUT /cases/{id}/arrival',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => ({ params: { id: (await freshCase(a)).id }, body: { arrivedOn: '2026-05-02' } }),
  },
  {
    route: 'POST /cases/{id}/surveys',
    anonymous: 401,
    targets: onCase(201),
    request: async (a) => {
      const sv = await freshSurvey(a);
      return { params: { id: sv.caseId }, body: { surveyId: sv.id, conductedOn: '2026-06-03', answers: someAnswers() } };
    },
  },
  { route: 'GET /surveys/{id}', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshSurvey(a)).id } }) },
  {
    route: 'PATCH /surveys/{id}',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => {
      const sv = await freshSurvey(a);
      return { params: { id: sv.id }, body: { version: sv.version, status: 'missed', reason: 'Tidak di rumah saat kunjungan.' } };
    },
  },
  // The legal track.
  { route: 'GET /cases/{id}/legal', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshCase(a)).id } }) },
  {
    route: 'PUT /cases/{id}/legal',
    anonymous: 401,
    targets: onCase(201),
    request: async (a) => ({ params: { id: (await freshCase(a)).id }, body: { investigatingAgency: 'polda', policeReportedOn: '2026-10-01' } }),
  },
  {
    route: 'PATCH /cases/{id}/legal',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => {
      const l = await freshLegalTrack(a);
      return { params: { id: l.caseId }, body: { version: l.version, investigatingUnit: 'Ditreskrimum Polda Jawa Timur' } };
    },
  },
  {
    route: 'POST /cases/{id}/legal/events',
    anonymous: 401,
    targets: onCase(201),
    request: async (a) => {
      const l = await freshLegalTrack(a);
      return { params: { id: l.caseId }, body: { kind: 'update', happenedOn: '2026-11-02', note: 'Berkas perkara dilengkapi.' } };
    },
  },
  { route: 'GET /legal/stalled', anonymous: 401, targets: { none: caseRoles(200) } },
  // issue 6: partners, openings, candidacies, placements
  { route: 'GET /partner/code-of-conduct', anonymous: 401, targets: { none: by({ private_partner: 200 }, FORBIDDEN) } },
  {
    route: 'POST /partner/code-of-conduct/acceptance',
    anonymous: 401,
    targets: { none: by({ private_partner: 200 }, FORBIDDEN) },
    request: () => ({ body: { version: codeOfConduct.version } }),
  },
  {
    route: 'POST /organizations/{id}/suspension',
    anonymous: 401,
    targets: { other: by({ system_admin: 200 }, FORBIDDEN) },
    request: async () => ({ params: { id: (await freshPartnerOrg()).id }, body: { note: 'Memungut biaya dari pekerja.' } }),
  },
  {
    route: 'DELETE /organizations/{id}/suspension',
    anonymous: 401,
    targets: { other: by({ system_admin: 200 }, FORBIDDEN) },
    request: async () => ({ params: { id: (await freshPartnerOrg(true)).id }, body: {} }),
  },
  { route: 'GET /openings', anonymous: 401, targets: { none: by({ private_partner: 200, case_worker: 200, supervisor: 200 }, FORBIDDEN) } },
  { route: 'POST /openings', anonymous: 401, targets: { none: by({ private_partner: 201 }, FORBIDDEN) }, request: () => ({ body: openingBody() }) },
  { route: 'GET /openings/{id}', anonymous: 401, targets: openingReaders(200), request: async (a) => ({ params: { id: (await freshOpening(a)).id } }) },
  {
    route: 'PATCH /openings/{id}',
    anonymous: 401,
    targets: openingKeepers(200),
    request: async (a) => {
      const o = await freshOpening(a);
      return { params: { id: o.id }, body: { places: 4, version: o.version } };
    },
  },
  {
    route: 'POST /openings/{id}/publish',
    anonymous: 401,
    targets: openingKeepers(200),
    request: async (a) => {
      const o = await freshOpening(a, 'draft');
      return { params: { id: o.id }, body: { version: o.version } };
    },
  },
  {
    route: 'POST /openings/{id}/close',
    anonymous: 401,
    targets: openingKeepers(200),
    request: async (a) => {
      const o = await freshOpening(a);
      return { params: { id: o.id }, body: { version: o.version } };
    },
  },
  {
    route: 'GET /cases/{id}/candidacy-options',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => ({ params: { id: (await freshCase(a)).id }, query: `openingId=${(await freshOpening({ ...a, target: 'other' })).id}` }),
  },
  { route: 'GET /cases/{id}/candidacies', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshCase(a)).id } }) },
  {
    route: 'POST /cases/{id}/candidacies',
    anonymous: 401,
    // Allowed callers get past the policy to the rules: this case has no skills profile yet.
    targets: onCase(409),
    request: async (a) => ({ params: { id: (await freshCase(a)).id }, body: { openingId: (await freshOpening({ ...a, target: 'other' })).id } }),
  },
  { route: 'GET /candidacies', anonymous: 401, targets: { none: by({ private_partner: 200 }, FORBIDDEN) } },
  { route: 'GET /candidacies/{id}', anonymous: 401, targets: onCandidacy(200), request: async (a) => ({ params: { id: (await freshCandidacy(a)).id } }) },
  {
    route: 'POST /candidacies/{id}/answers',
    anonymous: 401,
    targets: answeringCandidacy(200),
    request: async (a) => {
      const k = await freshCandidacy(a);
      return { params: { id: k.id }, body: { to: 'interview', version: k.version, interviewAt: new Date(Date.now() + 3 * 86400_000).toISOString() } };
    },
  },
  {
    route: 'POST /candidacies/{id}/withdraw',
    anonymous: 401,
    targets: sendingCandidacy(200),
    request: async (a) => {
      const k = await freshCandidacy(a);
      return { params: { id: k.id }, body: { version: k.version } };
    },
  },
  {
    route: 'POST /candidacies/{id}/placement',
    anonymous: 401,
    targets: answeringCandidacy(201),
    request: async (a) => ({ params: { id: (await freshCandidacy(a, { status: 'hired' })).id }, body: { startOn: '2026-11-02', monthlyWageIdr: 3_100_000, contractType: 'fixed_term' } }),
  },
  {
    route: 'POST /placements/{id}/follow-ups/{month}',
    anonymous: 401,
    targets: onPlacementCase(200),
    request: async (a) => {
      const k = await freshCandidacy(a, { placement: true });
      return {
        params: { id: k.placementId, month: '1' },
        body: { version: k.followUpVersion, stillEmployed: true, conditionsAsPromised: true, problems: [], conductedOn: '2026-10-02' },
      };
    },
  },
  {
    route: 'POST /placements/{id}/end',
    anonymous: 401,
    targets: { ...onPlacementCase(200), received: by({ private_partner: 200 }, NOT_FOUND) },
    request: async (a) => {
      const k = await freshCandidacy(a, { placement: true });
      return { params: { id: k.placementId }, body: { version: k.placementVersion, endedOn: '2026-11-01', reason: 'contract_ended' } };
    },
  },
  { route: 'GET /cases/{id}/skills-profile', anonymous: 401, targets: onCase(200), request: async (a) => ({ params: { id: (await freshCase(a)).id } }) },
  {
    route: 'PUT /cases/{id}/skills-profile',
    anonymous: 401,
    targets: onCase(200),
    request: async (a) => ({ params: { id: (await freshCase(a)).id }, body: { seeking: ['employment'], skills: [{ code: 'sewing', level: 'intermediate' }], languages: ['id'] } }),
  },
  // Allowed callers get past the policy to the rules: this case has no skills profile yet.
  { route: 'GET /cases/{id}/matches', anonymous: 401, targets: onCase(409), request: async (a) => ({ params: { id: (await freshCase(a)).id } }) },
  // Candidates come from the caller's own organisation, whichever partner's opening it is; those who
  // hold no cases learn nothing, not even that the opening exists.
  {
    route: 'GET /openings/{id}/candidates',
    anonymous: 401,
    targets: { other: by({ case_worker: 200, supervisor: 200 }, NOT_FOUND) },
    request: async (a) => ({ params: { id: (await freshOpening(a)).id } }),
  },
  // The employment report is de-identified; its scope follows the caller's reach, so there is no record to miss.
  { route: 'GET /employment/report', anonymous: 401, targets: { none: by({ system_admin: 200, org_admin: 200, supervisor: 200, private_partner: 200, analyst: 200 }, FORBIDDEN) } },
  { route: 'GET /employment/report.csv', anonymous: 401, targets: { none: by({ system_admin: 200, org_admin: 200, supervisor: 200, private_partner: 200, analyst: 200 }, FORBIDDEN) } },
];

// ---- running requests ------------------------------------------------------------------------

const anonymous: Caller = { ip: '10.250.0.1' };

async function send(caller: Caller, method: string, path: string, body?: unknown, raw?: Req['raw']) {
  const headers: Record<string, string> = { 'x-forwarded-for': caller.ip };
  if (caller.cookie) headers.cookie = `${SESSION_COOKIE}=${caller.cookie}`;
  if (caller.bearer) headers.authorization = `Bearer ${caller.bearer}`;
  // Every POST and PATCH sends a JSON body (an empty object when the route takes none).
  const payload = raw ? raw.data : method === 'POST' || method === 'PATCH' || method === 'PUT' ? JSON.stringify(body ?? {}) : undefined;
  if (payload) headers['content-type'] = raw ? raw.type : 'application/json';
  const res = await fetch(`${s.url}/api/v1${path}`, { method, headers, body: payload });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: json, text };
}

function buildPath(template: string, req: Req) {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = req.params?.[name];
    if (!v) throw new Error(`no value for {${name}} in ${template}`);
    return encodeURIComponent(v);
  });
  return req.query ? `${path}?${req.query}` : path;
}

/** The audit log's last sequence number when the previous table case finished. */
let auditCursor = 0;
/** Denials the actor caused since the previous table case, each in the actor's name and organisation; moves the cursor on. */
async function denialsSinceLastCase(actor: Actor) {
  const [r] = await db()
    .select({
      last: sql<string>`coalesce(max(${auditEvents.seq}), 0)`,
      denied: sql<string>`count(*) filter (where ${auditEvents.action} = 'permission.denied' and ${auditEvents.actorId} = ${actor.id})`,
      wellFormed: sql<string>`count(*) filter (where ${auditEvents.action} = 'permission.denied' and ${auditEvents.actorId} = ${actor.id}
        and ${auditEvents.outcome} = 'denied' and ${auditEvents.organizationId} = ${actor.orgId})`,
    })
    .from(auditEvents)
    .where(gt(auditEvents.seq, auditCursor));
  auditCursor = Math.max(auditCursor, Number(r.last));
  return { denied: Number(r.denied), wellFormed: Number(r.wellFormed) };
}

/** Every status the table saw per route, checked against the OpenAPI document at the end. */
const observed = new Map<string, Set<number>>();
const observe = (route: string, status: number) => observed.set(route, (observed.get(route) ?? new Set()).add(status));

// ---- fixtures --------------------------------------------------------------------------------

async function orgFixture(key: OrgKey): Promise<OrgFixture> {
  const org = await s.org({ name: `Organisasi ${key} ${uniq()}` });
  const actors = {} as Record<Role, Actor>;
  let n = 0;
  for (const role of roles) {
    const c = await s.signedIn({ organizationId: org.id, roles: [role] });
    const cookie = c.cookies.get(SESSION_COOKIE);
    if (!cookie) throw new Error('no session cookie');
    actors[role] = { role, id: c.user.id, home: key, orgId: org.id, email: c.user.email, password: PASSWORD, cookie, ip: `10.${key === 'A' ? 201 : 202}.0.${++n}` };
  }
  const target = await s.user({ organizationId: org.id, roles: ['case_worker'] });
  const admin = await s.user({ organizationId: org.id, roles: ['system_admin'] });
  const service = await s.user({ organizationId: org.id, roles: ['org_admin'], kind: 'service' });
  const adminService = await s.user({ organizationId: org.id, roles: ['system_admin'], kind: 'service', totp: false });
  // The service account's token, made the way an administrator makes it.
  const made = await send(actors.system_admin, 'POST', `/users/${service.id}/api-tokens`, { name: `partner ${key}`, scopes: ['users:read', 'organizations:read'] });
  if (made.status !== 201) throw new Error(`token fixture: ${made.status} ${made.text}`);
  return { id: org.id, actors, target, admin, adminService, service: { id: service.id, token: made.body.token } };
}

beforeAll(async () => {
  s = await startServer();
  fx = { A: await orgFixture('A'), B: await orgFixture('B') };
  // Partners accept the code of conduct before anything else (employment/partners/gate.ts).
  for (const k of ['A', 'B'] as const)
    await db().insert(codeOfConductAcceptances).values({ userId: fx[k].actors.private_partner.id, organizationId: fx[k].id, version: codeOfConduct.version });
  loginUser = await s.user({ organizationId: fx.A.id, roles: ['case_worker'] });
  await denialsSinceLastCase(fx.A.actors.case_worker);
});
afterAll(() => s?.close());

// ---- the tests -------------------------------------------------------------------------------

const split = (route: string) => {
  const [method, path] = route.split(' ');
  return { method, path };
};

describe('the authorisation table', () => {
  it('has exactly one row per /api/v1 route of the OpenAPI document', async () => {
    const doc = (await (await fetch(`${s.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/v1/'))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.slice('/api/v1'.length)}`))
      .sort();
    const rows = table.map((r) => r.route);
    expect(new Set(rows).size, 'a route has two rows').toBe(rows.length);
    expect([...rows].sort()).toEqual(served);
  });

  describe.each(table)('$route', (row) => {
    const { method, path } = split(row.route);

    it(`anonymous → ${row.anonymous}`, async () => {
      const [target] = Object.keys(row.targets) as TargetKind[];
      const req = (await row.request?.({ actor: fx.A.actors.case_worker, target })) ?? {};
      const res = await send(anonymous, method, buildPath(path, req), req.body, req.raw);
      observe(row.route, res.status);
      expect(res.status, res.text).toBe(row.anonymous);
      if (res.status === 401 && row.anonymous === 401) expect(res.body.error.code).toBe('unauthorized');
    });

    const cases = (['A', 'B'] as const).flatMap((home) =>
      (Object.entries(row.targets) as [TargetKind, Expectation][]).flatMap(([target, expected]) =>
        roles.map((role) => {
          const o = expected[role];
          const status = typeof o === 'number' ? o : o.denied;
          const name = `${role} of org ${home} · ${targetLabel[target]} → ${status}${typeof o === 'number' ? '' : ' (denied)'}`;
          return { name, home, target, role, outcome: o };
        }),
      ),
    );

    it.each(cases)('$name', async ({ home, target, role, outcome }) => {
      const actor = fx[home].actors[role];
      const req = (await row.request?.({ actor, target })) ?? {};
      const res = await send(req.caller ?? actor, method, buildPath(path, req), req.body, req.raw);
      observe(row.route, res.status);
      // Read (and move past) the audit entries first, so that a failing case leaves none behind for the next.
      const audit = await denialsSinceLastCase(actor);
      const status = typeof outcome === 'number' ? outcome : outcome.denied;
      expect(res.status, `${row.route} as ${role} on ${targetLabel[target]}: ${res.text}`).toBe(status);
      if (typeof outcome === 'number') {
        if (status < 300) {
          expect(audit.denied, 'an allowed request recorded a denial').toBe(0);
          req.done?.();
        }
      } else {
        expect(res.body.error.code).toBe(status === 404 ? 'not_found' : 'forbidden');
        expect(audit.denied, "the denial was not recorded in the audit log as 'permission.denied'").toBeGreaterThan(0);
        expect(audit.wellFormed, "the denial's audit entry does not name the caller's organisation or outcome 'denied'").toBe(audit.denied);
      }
    });
  });

  it('declares in the OpenAPI document every status the table saw', async () => {
    const doc = (await (await fetch(`${s.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const undeclared: string[] = [];
    for (const [route, statuses] of observed) {
      const { method, path } = split(route);
      const declared = Object.keys(doc.paths[`/api/v1${path}`][method.toLowerCase()].responses);
      for (const st of statuses) if (!declared.includes(String(st))) undeclared.push(`${route} ${st}`);
    }
    expect(undeclared).toEqual([]);
  });
});

// ---- what the table cannot show: how far lists reach, roles, API tokens ------------------------

describe('reach of lists and role grants', () => {
  it('lists users by reach: self, own organisation, or everyone', async () => {
    const ids = async (who: Actor, q = '') => ((await send(who, 'GET', `/users?limit=200${q}`)).body.items as { id: string; organizationId: string }[]);
    const cw = await ids(fx.A.actors.case_worker);
    expect(cw.map((u) => u.id)).toEqual([fx.A.actors.case_worker.id]);
    const sup = await ids(fx.A.actors.supervisor);
    expect(sup.length).toBeGreaterThan(1);
    expect(sup.every((u) => u.organizationId === fx.A.id)).toBe(true);
    expect(await ids(fx.A.actors.supervisor, `&organizationId=${fx.B.id}`)).toEqual([]);
    expect(await ids(fx.A.actors.org_admin, `&organizationId=${fx.B.id}`)).toEqual([]);
    const sa = await ids(fx.A.actors.system_admin, `&organizationId=${fx.B.id}`);
    expect(sa.length).toBeGreaterThan(1);
    expect(sa.every((u) => u.organizationId === fx.B.id)).toBe(true);
  });

  it("shows an auditor only its own organisation's audit events, whatever it asks for", async () => {
    const res = await send(fx.A.actors.auditor, 'GET', `/audit-events?limit=500&organizationId=${fx.B.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((e: { organizationId: string }) => e.organizationId === fx.A.id)).toBe(true);
  });

  it('lets an organisation administrator grant any role but system administrator', async () => {
    const oa = fx.A.actors.org_admin;
    const make = (roles: string[], kind = 'person') =>
      send(oa, 'POST', '/users', { email: `r.${uniq()}@example.org`, displayName: 'Peran', organizationId: fx.A.id, roles, kind });
    expect((await make(['system_admin'])).body.error.fields).toEqual({ roles: 'role_not_grantable' });
    expect((await make(['system_admin'], 'service')).status).toBe(400);
    expect((await make(['org_admin', 'auditor'])).status).toBe(201);
    const version = await versionOfUser(fx.A.target.id);
    const promote = await send(oa, 'PATCH', `/users/${fx.A.target.id}`, { roles: ['case_worker', 'system_admin'], version });
    expect(promote.status).toBe(400);
    expect(promote.body.error.fields).toEqual({ roles: 'role_not_grantable' });
  });
});

describe('API tokens as callers', () => {
  // The service account holds org_admin; its token carries users:read and organizations:read only.
  const token = (k: OrgKey): Caller => ({ ip: `10.203.0.${k === 'A' ? 1 : 2}`, bearer: fx[k].service.token });

  it('act within both the account’s roles and the token’s scopes', async () => {
    const t = token('A');
    expect((await send(t, 'GET', `/users/${fx.A.target.id}`)).status).toBe(200);
    expect((await send(t, 'GET', `/users/${fx.B.target.id}`)).status).toBe(404);
    expect((await send(t, 'GET', '/organizations')).status).toBe(200);
    // The roles would allow these; the scopes do not, so the action itself is refused.
    expect((await send(t, 'PATCH', `/users/${fx.A.target.id}`, { displayName: 'X', version: await versionOfUser(fx.A.target.id) })).status).toBe(403);
    expect((await send(t, 'PATCH', `/organizations/${fx.A.id}`, { acronym: 'X', version: await versionOfOrg(fx.A.id) })).status).toBe(403);
    expect((await send(t, 'GET', '/audit-events')).status).toBe(403);
  });

  it.each([
    ['GET', '/api-tokens'],
    ['POST', '/api-tokens'],
    ['POST', '/auth/logout'],
    ['PATCH', '/auth/me'],
    ['POST', '/auth/password'],
    ['POST', '/auth/totp/enrol'],
  ])('are refused by the session-only route %s %s (403)', async (method, path) => {
    const res = await send(token('B'), method, path, {});
    expect(res.status, res.text).toBe(403);
  });

  it('never mint tokens, even for the account itself', async () => {
    const res = await send(token('A'), 'POST', `/users/${fx.A.service.id}/api-tokens`, { name: 'self', scopes: ['users:read'] });
    expect(res.status).toBe(403);
  });

  it('stop working when their account is deactivated', async () => {
    const svc = await s.user({ organizationId: fx.B.id, roles: ['analyst'], kind: 'service' });
    const made = await send(fx.B.actors.org_admin, 'POST', `/users/${svc.id}/api-tokens`, { name: 'short-lived', scopes: ['organizations:read'] });
    expect(made.status).toBe(201);
    const caller = { ip: '10.203.0.3', bearer: made.body.token as string };
    expect((await send(caller, 'GET', '/organizations')).status).toBe(200);
    expect((await send(fx.B.actors.org_admin, 'POST', `/users/${svc.id}/deactivate`)).status).toBe(200);
    expect((await send(caller, 'GET', '/organizations')).status).toBe(401);
  });
});
