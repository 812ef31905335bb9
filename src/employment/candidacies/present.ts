// A candidacy as the caller's side may see it. The partner gets the opening, the answers, the
// shared fields of the person (within the current job_matching consent, and nothing after the
// referral's grace period), the message and the contact preference; never the case ID or its
// reference, the referral, the match, or the follow-ups. The sender sees all of its candidacy.
import { addDays } from '../../reintegration/sustainability/schedule.js';
import { todayInJakarta } from '../../cases/derived.js';
import type { FieldCipher } from '../../platform/crypto/fields.js';
import type { DbHandle } from '../../platform/db/client.js';
import { accessUntil } from '../../referrals/lifecycle.js';
import type { ReferralPerson } from '../../referrals/schema.js';
import { currentConsent, personalVisible, projectPerson, visibleFieldsOf } from '../../referrals/sharing.js';
import { referralFieldCodes, type ContactPreference, type ReferralField, type ReferralStatus } from '../../referrals/vocabulary.js';
import type { FollowUpOut, PlacementOut } from '../placements/schema.js';
import { followUpLeadDays, type CandidacyRejectReason, type CandidacyStatus, type OpeningKind, type OpeningStatus } from '../vocabulary.js';
import type { CandidacySide } from './access.js';
import { eventsOf, followUpsOf, placementsOf, type EventRow, type FollowUpRow, type PlacementRow, type ViewRow } from './dal.js';
import type { CandidacyListItem, CandidacyOut } from './schema.js';
import type { CandidacyAnswer } from './vocabulary.js';

/** Days after its date when an unrecorded follow-up shows as overdue (it stays scheduled: never missed on its own). */
export const followUpOverdueDays = 30;

const ref = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);
const dec = (cipher: FieldCipher, x: string | null) => (x ? cipher.decrypt(x) : null);

/** Whether a follow-up reported trouble: any problem, or conditions not as promised. */
export const followUpAlerts = (f: { status: string; problems: string[]; conditionsAsPromised: boolean | null }) =>
  f.status === 'done' && (f.problems.length > 0 || f.conditionsAsPromised === false);

export function presentFollowUp(cipher: FieldCipher, r: FollowUpRow, today = todayInJakarta()): FollowUpOut {
  const f = r.f;
  const scheduled = f.status === 'scheduled';
  return {
    id: f.id,
    month: f.month,
    dueOn: f.dueOn,
    status: f.status as FollowUpOut['status'],
    due: scheduled && today >= addDays(f.dueOn, -followUpLeadDays),
    overdue: scheduled && today > addDays(f.dueOn, followUpOverdueDays),
    stillEmployed: f.stillEmployed,
    conditionsAsPromised: f.conditionsAsPromised,
    problems: f.problems as FollowUpOut['problems'],
    note: dec(cipher, f.noteEnc),
    conductedOn: f.conductedOn,
    conductedBy: ref(f.conductedById, r.conductedByName),
    alert: followUpAlerts(f),
    version: f.version,
  };
}

export function presentPlacement(cipher: FieldCipher, p: PlacementRow, followUps: FollowUpRow[] | null, today = todayInJakarta()): PlacementOut {
  return {
    id: p.p.id,
    startOn: p.p.startOn,
    monthlyWageIdr: p.p.monthlyWageIdr,
    contractType: p.p.contractType as PlacementOut['contractType'],
    endedOn: p.p.endedOn,
    endReason: p.p.endReason as PlacementOut['endReason'],
    recordedBy: ref(p.p.recordedById, p.recordedByName),
    recordedAt: p.p.createdAt,
    version: p.p.version,
    ...(followUps ? { followUps: followUps.map((f) => presentFollowUp(cipher, f, today)) } : {}),
  };
}

export interface Abilities {
  answers: CandidacyAnswer[];
  withdraw: boolean;
  placement: boolean;
}

/** The parts a view is built from, gathered for several candidacies at once. */
export interface Gathered {
  events: Map<string, EventRow[]>;
  placements: Map<string, PlacementRow>;
  followUps: Map<string, FollowUpRow[]>;
}

export async function gather(db: DbHandle, ids: string[], opts: { events: boolean; followUps: boolean }): Promise<Gathered> {
  const events = new Map<string, EventRow[]>();
  if (opts.events) for (const e of await eventsOf(db, ids)) events.set(e.candidacyId, [...(events.get(e.candidacyId) ?? []), e]);
  const placements = new Map<string, PlacementRow>();
  for (const p of await placementsOf(db, ids)) placements.set(p.p.candidacyId, p);
  const followUps = new Map<string, FollowUpRow[]>();
  if (opts.followUps)
    for (const f of await followUpsOf(db, [...placements.values()].map((p) => p.p.id)))
      followUps.set(f.f.placementId, [...(followUps.get(f.f.placementId) ?? []), f]);
  return { events, placements, followUps };
}

/** The fields the partner sees now, and the person as far as they reach. */
export async function visiblePerson(
  db: DbHandle,
  cipher: FieldCipher,
  v: ViewRow,
  only?: readonly ReferralField[],
): Promise<{ consent: { id: string; sharedFields: string[] } | null; visible: ReferralField[]; person: ReferralPerson }> {
  const consent = await currentConsent(db, v.c.caseId, { id: v.c.partnerOrganizationId, type: v.partnerType }, v.referral.consentPurpose);
  const visible = visibleFieldsOf(
    { sharedFields: v.referral.sharedFields, overridden: !!v.referral.overrideReason, endedAt: v.referral.endedAt },
    consent?.sharedFields ?? null,
  );
  const person = await projectPerson(db, cipher, v.c.caseId, only ? visible.filter((f) => only.includes(f)) : visible);
  return { consent, visible, person };
}

export function present(
  cipher: FieldCipher,
  v: ViewRow,
  side: CandidacySide,
  seen: { consent: { id: string } | null; visible: ReferralField[]; person: ReferralPerson },
  can: Abilities,
  parts: Gathered,
  now = new Date(),
): CandidacyOut {
  const sender = side === 'sender';
  const c = v.c;
  const personal = sender || personalVisible(v.referral.endedAt, now);
  const placementRow = parts.placements.get(c.id) ?? null;
  const followUps = sender && placementRow ? (parts.followUps.get(placementRow.p.id) ?? []) : null;
  const today = todayInJakarta(now);
  const alert =
    sender && !!placementRow && ((followUps ?? []).some((f) => followUpAlerts(f.f)) || placementRow.p.endReason === 'dismissed');
  return {
    id: c.id,
    side,
    caseId: sender ? c.caseId : null,
    caseReference: sender ? v.caseReference : null,
    referral: sender ? { id: c.referralId, status: v.referral.status as ReferralStatus, version: v.referral.version } : null,
    opening: {
      id: v.opening.id,
      title: v.opening.title,
      kind: v.opening.kind as OpeningKind,
      status: v.opening.status as OpeningStatus,
      organization: { id: v.opening.organizationId, name: v.opening.organizationName },
      sector: v.opening.sector,
      occupation: v.opening.occupation,
      areaCode: v.opening.areaCode,
      remote: v.opening.remote,
      closesOn: v.opening.closesOn,
    },
    from: { id: c.fromOrganizationId, name: v.fromName },
    partner: { id: c.partnerOrganizationId, name: v.partnerName },
    status: c.status as CandidacyStatus,
    rejectReason: c.rejectReason as CandidacyRejectReason | null,
    interviewAt: c.interviewAt,
    historyShared: c.historyShared,
    matchScore: sender ? c.matchScore : null,
    matchReasons: sender ? ((c.matchReasons as { code: string; detail?: Record<string, unknown> }[] | null) ?? null) : null,
    sharedFields: referralFieldCodes.filter((f) => v.referral.sharedFields.includes(f)),
    visibleFields: seen.visible,
    person: seen.person,
    message: personal ? dec(cipher, v.referral.messageEnc) : null,
    contactPreference: v.referral.contactPreference as ContactPreference,
    consent: v.referral.consentId ? { id: v.referral.consentId, active: !!seen.consent } : null,
    putForwardBy: ref(c.putForwardById, v.putForwardByName),
    putForwardAt: c.putForwardAt,
    respondBy: v.referral.respondBy,
    accessUntil: accessUntil(v.referral.endedAt),
    allowedAnswers: can.answers,
    canWithdraw: can.withdraw,
    canRecordPlacement: can.placement,
    placement: placementRow ? presentPlacement(cipher, placementRow, followUps, today) : null,
    alert,
    version: c.version,
    events: (parts.events.get(c.id) ?? []).map((e) => ({
      id: e.id,
      fromStatus: e.fromStatus as CandidacyStatus | null,
      toStatus: e.toStatus as CandidacyStatus,
      reason: e.reason,
      note: personal ? dec(cipher, e.noteEnc) : null,
      by: ref(e.actorId, e.actorName),
      organization: e.organizationId ? { id: e.organizationId, name: e.organizationName ?? '' } : null,
      at: e.at,
    })),
  };
}

export const asListItem = (o: CandidacyOut): CandidacyListItem => {
  const { events: _events, warnings: _warnings, ...item } = o;
  return item;
};
