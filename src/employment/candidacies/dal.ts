// Data access for candidacies. Every function takes the handle it must run on (db or tx).
// Ciphertext comes back as is; the service decrypts only what the caller's side may see.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbHandle } from '../../platform/db/client.js';
import {
  candidacies,
  candidacyEvents,
  cases,
  employmentOpenings,
  organizations,
  placementFollowUps,
  placements,
  referralEvents,
  referrals,
  skillsProfiles,
  users,
} from '../../platform/db/schema.js';
import { openForMatchingSql } from '../openings/dal.js';
import type { CandidacyStatus } from '../vocabulary.js';
import { isWithdrawable } from './vocabulary.js';

export type CandidacyRow = typeof candidacies.$inferSelect;

/** An opening with its organisation, and whether it is open for matching now. */
export async function findOpening(db: DbHandle, id: string) {
  const [o] = await db
    .select({
      id: employmentOpenings.id,
      kind: employmentOpenings.kind,
      title: employmentOpenings.title,
      organizationId: employmentOpenings.organizationId,
      organizationName: organizations.name,
      organizationType: organizations.type,
      open: sql<boolean>`${openForMatchingSql('employment_openings')}`,
    })
    .from(employmentOpenings)
    .innerJoin(organizations, eq(organizations.id, employmentOpenings.organizationId))
    .where(eq(employmentOpenings.id, id));
  return o ?? null;
}

export async function findSkillsProfile(db: DbHandle, caseId: string) {
  const [p] = await db
    .select({ id: skillsProfiles.id, seeking: skillsProfiles.seeking, incomeSince: skillsProfiles.incomeSince })
    .from(skillsProfiles)
    .where(eq(skillsProfiles.caseId, caseId));
  return p ?? null;
}

/** A standing candidacy (put forward, interview, offer or hired) of the case for the opening. */
export async function standingCandidacy(db: DbHandle, caseId: string, openingId: string) {
  const [c] = await db
    .select({ id: candidacies.id, status: candidacies.status })
    .from(candidacies)
    .where(and(eq(candidacies.caseId, caseId), eq(candidacies.openingId, openingId), sql`${candidacies.status} not in ('rejected', 'withdrawn')`))
    .limit(1);
  return c ?? null;
}

/** The candidacy with what decides who reaches it: the case's organisation and users, and its referral. */
export interface CandidacyHead {
  row: CandidacyRow;
  caseOrganizationId: string;
  caseAssignedToId: string | null;
  caseCreatedById: string | null;
  caseStage: string;
  referralStatus: string;
  referralVersion: number;
  referralAnsweredAt: Date | null;
}

export async function findCandidacyHead(db: DbHandle, id: string, forUpdate = false): Promise<CandidacyHead | null> {
  const q = db
    .select({
      row: candidacies,
      caseOrganizationId: cases.organizationId,
      caseAssignedToId: cases.assignedToId,
      caseCreatedById: cases.createdById,
      caseStage: cases.stage,
      referralStatus: referrals.status,
      referralVersion: referrals.version,
      referralAnsweredAt: referrals.answeredAt,
    })
    .from(candidacies)
    .innerJoin(cases, eq(cases.id, candidacies.caseId))
    .innerJoin(referrals, eq(referrals.id, candidacies.referralId))
    .where(eq(candidacies.id, id));
  const [r] = forUpdate ? await q.for('update', { of: [candidacies, referrals] }) : await q;
  return r ?? null;
}

// ---------------------------------------------------------------------------------------------
// Views

const partnerOrg = alias(organizations, 'partner_org');
const fromOrg = alias(organizations, 'from_org');
const openingOrg = alias(organizations, 'opening_org');

const viewColumns = {
  c: candidacies,
  caseReference: cases.reference,
  partnerName: partnerOrg.name,
  partnerType: partnerOrg.type,
  fromName: fromOrg.name,
  putForwardByName: users.displayName,
  opening: {
    id: employmentOpenings.id,
    title: employmentOpenings.title,
    kind: employmentOpenings.kind,
    status: employmentOpenings.status,
    sector: employmentOpenings.sector,
    occupation: employmentOpenings.occupation,
    areaCode: employmentOpenings.areaCode,
    remote: employmentOpenings.remote,
    closesOn: employmentOpenings.closesOn,
    organizationId: employmentOpenings.organizationId,
    organizationName: openingOrg.name,
  },
  referral: {
    status: referrals.status,
    respondBy: referrals.respondBy,
    sharedFields: referrals.sharedFields,
    messageEnc: referrals.messageEnc,
    contactPreference: referrals.contactPreference,
    consentId: referrals.consentId,
    consentPurpose: referrals.consentPurpose,
    overrideReason: referrals.overrideReason,
    answeredAt: referrals.answeredAt,
    endedAt: referrals.endedAt,
    version: referrals.version,
  },
};

export type ViewRow = Awaited<ReturnType<typeof viewRows>>[number];

function viewRows(db: DbHandle, where: SQL | undefined, order: SQL[] = [desc(candidacies.putForwardAt), asc(candidacies.id)], limit?: number, offset?: number) {
  const q = db
    .select(viewColumns)
    .from(candidacies)
    .innerJoin(cases, eq(cases.id, candidacies.caseId))
    .innerJoin(referrals, eq(referrals.id, candidacies.referralId))
    .innerJoin(employmentOpenings, eq(employmentOpenings.id, candidacies.openingId))
    .innerJoin(openingOrg, eq(openingOrg.id, employmentOpenings.organizationId))
    .innerJoin(partnerOrg, eq(partnerOrg.id, candidacies.partnerOrganizationId))
    .innerJoin(fromOrg, eq(fromOrg.id, candidacies.fromOrganizationId))
    .leftJoin(users, eq(users.id, candidacies.putForwardById))
    .where(where)
    .orderBy(...order);
  return limit !== undefined ? q.limit(limit).offset(offset ?? 0) : q;
}

export async function findView(db: DbHandle, id: string): Promise<ViewRow | null> {
  const [r] = await viewRows(db, eq(candidacies.id, id));
  return r ?? null;
}

export async function viewsOfCase(db: DbHandle, caseId: string): Promise<ViewRow[]> {
  return viewRows(db, eq(candidacies.caseId, caseId));
}

export interface PartnerFilter {
  organizationId: string;
  status?: CandidacyStatus;
  openingId?: string;
}

const partnerWhere = (f: PartnerFilter) =>
  and(
    eq(candidacies.partnerOrganizationId, f.organizationId),
    f.status ? eq(candidacies.status, f.status) : undefined,
    f.openingId ? eq(candidacies.openingId, f.openingId) : undefined,
  );

/** One page of the partner's candidates, newest first (candidacies_partner_idx). */
export async function partnerPage(db: DbHandle, f: PartnerFilter, limit: number, offset: number): Promise<ViewRow[]> {
  return viewRows(db, partnerWhere(f), [desc(candidacies.putForwardAt), asc(candidacies.id)], limit, offset);
}

export async function countPartner(db: DbHandle, f: PartnerFilter): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(candidacies).where(partnerWhere(f));
  return r?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Events, placements and follow-ups of candidacies

export async function eventsOf(db: DbHandle, candidacyIds: string[]) {
  if (!candidacyIds.length) return [];
  return db
    .select({
      id: candidacyEvents.id,
      candidacyId: candidacyEvents.candidacyId,
      fromStatus: candidacyEvents.fromStatus,
      toStatus: candidacyEvents.toStatus,
      reason: candidacyEvents.reason,
      noteEnc: candidacyEvents.noteEnc,
      actorId: candidacyEvents.actorId,
      actorName: users.displayName,
      organizationId: candidacyEvents.actorOrganizationId,
      organizationName: organizations.name,
      at: candidacyEvents.at,
    })
    .from(candidacyEvents)
    .leftJoin(users, eq(users.id, candidacyEvents.actorId))
    .leftJoin(organizations, eq(organizations.id, candidacyEvents.actorOrganizationId))
    .where(inArray(candidacyEvents.candidacyId, candidacyIds))
    .orderBy(asc(candidacyEvents.at), asc(candidacyEvents.id));
}
export type EventRow = Awaited<ReturnType<typeof eventsOf>>[number];

export async function addCandidacyEvent(
  db: DbHandle,
  e: { candidacyId: string; fromStatus: string | null; toStatus: string; reason?: string | null; noteEnc?: string | null; actorId: string | null; actorOrganizationId: string | null; at?: Date },
) {
  await db.insert(candidacyEvents).values(e);
}

export async function placementsOf(db: DbHandle, candidacyIds: string[]) {
  if (!candidacyIds.length) return [];
  return db
    .select({ p: placements, recordedByName: users.displayName })
    .from(placements)
    .leftJoin(users, eq(users.id, placements.recordedById))
    .where(inArray(placements.candidacyId, candidacyIds));
}
export type PlacementRow = Awaited<ReturnType<typeof placementsOf>>[number];

export async function followUpsOf(db: DbHandle, placementIds: string[]) {
  if (!placementIds.length) return [];
  return db
    .select({ f: placementFollowUps, conductedByName: users.displayName })
    .from(placementFollowUps)
    .leftJoin(users, eq(users.id, placementFollowUps.conductedById))
    .where(inArray(placementFollowUps.placementId, placementIds))
    .orderBy(asc(placementFollowUps.month));
}
export type FollowUpRow = Awaited<ReturnType<typeof followUpsOf>>[number];

// ---------------------------------------------------------------------------------------------
// Moving the candidacy's referral

/** Sets the referral's status (and what comes with it), with its event. Inside the caller's transaction. */
export async function moveReferral(
  tx: DbHandle,
  r: { id: string; status: string; answeredAt: Date | null },
  step: { status: string; declineReason?: string | null; outcome?: string | null },
  actor: { userId: string | null; organizationId: string | null },
  now: Date,
  noteEnc: string | null = null,
) {
  const firstAnswer = (step.status === 'accepted' || step.status === 'declined') && !r.answeredAt;
  const ended = ['declined', 'completed', 'closed', 'withdrawn'].includes(step.status);
  await tx
    .update(referrals)
    .set({
      status: step.status,
      ...(step.declineReason ? { declineReason: step.declineReason } : {}),
      ...(step.outcome ? { outcome: step.outcome } : {}),
      ...(firstAnswer ? { answeredAt: now } : {}),
      ...(ended ? { endedAt: now } : {}),
      version: sql`${referrals.version} + 1`,
      updatedAt: now,
    })
    .where(eq(referrals.id, r.id));
  await tx.insert(referralEvents).values({
    referralId: r.id,
    fromStatus: r.status,
    toStatus: step.status,
    actorId: actor.userId,
    actorOrganizationId: actor.organizationId,
    reason: step.declineReason ?? step.outcome ?? null,
    noteEnc,
    at: now,
  });
}

/**
 * The sender withdrew a candidacy's referral through the referral routes: the candidacy follows
 * (status withdrawn, with its event). Inside the referral's transaction. Returns whether it moved.
 */
export async function withdrawCandidacyOfReferral(
  tx: DbHandle,
  referralId: string,
  actor: { userId: string; organizationId: string },
  now: Date,
  noteEnc: string | null,
): Promise<{ id: string; caseId: string; from: string } | null> {
  const [c] = await tx
    .select({ id: candidacies.id, caseId: candidacies.caseId, status: candidacies.status })
    .from(candidacies)
    .where(eq(candidacies.referralId, referralId))
    .for('update');
  if (!c || !isWithdrawable(c.status)) return null;
  await tx
    .update(candidacies)
    .set({ status: 'withdrawn', version: sql`${candidacies.version} + 1`, updatedAt: now })
    .where(eq(candidacies.id, c.id));
  await addCandidacyEvent(tx, { candidacyId: c.id, fromStatus: c.status, toStatus: 'withdrawn', noteEnc, actorId: actor.userId, actorOrganizationId: actor.organizationId, at: now });
  return { id: c.id, caseId: c.caseId, from: c.status };
}

/** The status of the candidacy a referral carries, or null for an ordinary referral. */
export async function candidacyStatusOfReferral(db: DbHandle, referralId: string): Promise<string | null> {
  const [c] = await db.select({ status: candidacies.status }).from(candidacies).where(eq(candidacies.referralId, referralId));
  return c?.status ?? null;
}
