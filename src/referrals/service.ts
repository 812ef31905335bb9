// Referrals between organisations: the sending options of a case, sending (under consent or a
// supervisor's override), the life cycle, the review of overrides, the lists and counts of both
// boxes, and one referral from either side. Every call starts with requireCase (the sender's
// case) or requireReferral (access.ts: which side the caller is on); every write runs in one
// transaction with its event, history entry and audit entry, and writes nothing on any error.
import { and, eq, sql } from 'drizzle-orm';
import { caseUsers, requireCase } from '../cases/access.js';
import { addCaseEvent } from '../cases/dal.js';
import { openNeeds } from '../case-records/needs.js';
import { versionConflict } from '../case-records/common.js';
import { can, reachOf } from '../policy/policy.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { DbHandle } from '../platform/db/client.js';
import { caseConsents, organizations, referrals, services } from '../platform/db/schema.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest, conflict, HttpError, type FieldErrors } from '../platform/http/errors.js';
import { candidacyStatusOfReferral, withdrawCandidacyOfReferral } from '../employment/candidacies/dal.js';
import { isWithdrawable } from '../employment/candidacies/vocabulary.js';
import { requireReferral } from './access.js';
import { boxCounts, countBox, eventsOf, findReferralHead, findView, listPage, viewsOfCase, addEvent, type BoxScope, type ViewRow } from './dal.js';
import { accessUntil, allowedMoves, checkMove, hoursBetween, isAnswer, isEndedStatus } from './lifecycle.js';
import type {
  ReferralCounts,
  ReferralCreate,
  ReferralListItem,
  ReferralListQuery,
  ReferralOptions,
  ReferralOut,
  ReferralPerson,
  ReferralReviewInput,
  ReferralTransitionInput,
} from './schema.js';
import { currentConsent, personalVisible, projectPerson, visibleFieldsOf } from './sharing.js';
import {
  fieldsAllowedBy,
  minimumFields,
  referralFieldCodes,
  responseHours,
  type ContactPreference,
  type DeclineReason,
  type Outcome,
  type OverrideReason,
  type ReferralField,
  type ReferralStatus,
  type Side,
  type Urgency,
} from './vocabulary.js';

/** The service statuses a referral may name: only a service that is taking people in. */
export const referableServiceStatuses = ['active'] as const;

type EventRow = Awaited<ReturnType<typeof eventsOf>>[number];
/** The decisive consent now: its consent-vocabulary fields when given, null when none allows sharing. */
type ConsentNow = { sharedFields: readonly string[] } | null;

const ref = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);

/** A view row as the caller's side may see it. `person` and `events` only for one referral. */
function present(
  cipher: FieldCipher,
  v: ViewRow,
  side: Side,
  consent: ConsentNow,
  canAct: boolean,
  extra: { person?: ReferralPerson; events?: EventRow[] } = {},
  now = new Date(),
): ReferralOut {
  const sender = side === 'sender';
  const visibleFields = visibleFieldsOf({ sharedFields: v.sharedFields, overridden: !!v.overrideReason, endedAt: v.endedAt }, consent?.sharedFields ?? null, now);
  // The receiver's view of anything written about the person ends with the grace period.
  const personal = sender || personalVisible(v.endedAt, now);
  const needsDetail = sender || visibleFields.includes('needs');
  const dec = (x: string | null) => (x ? cipher.decrypt(x) : null);
  return {
    id: v.id,
    side,
    caseId: sender ? v.caseId : null,
    caseReference: v.caseReference,
    from: { id: v.fromOrganizationId, name: v.fromName },
    to: { id: v.toOrganizationId, name: v.toName, type: v.toType as ReferralOut['to']['type'] },
    service: v.serviceId ? { id: v.serviceId, name: v.serviceName ?? '' } : null,
    needs: v.needs.map((n) => ({
      id: n.id,
      type: n.type as ReferralOut['needs'][number]['type'],
      dimension: n.dimension as ReferralOut['needs'][number]['dimension'],
      severity: needsDetail ? (n.severity as ReferralOut['needs'][number]['severity']) : null,
      description: needsDetail ? dec(n.descriptionEnc) : null,
    })),
    urgency: v.urgency as Urgency,
    respondBy: new Date(v.respondBy),
    overdue: !!v.overdue,
    message: personal ? dec(v.messageEnc) : null,
    contactPreference: v.contactPreference as ContactPreference,
    status: v.status,
    declineReason: v.declineReason as DeclineReason | null,
    outcome: v.outcome as Outcome | null,
    allowedTransitions: canAct ? movesOf(v, side) : [],
    sharedFields: referralFieldCodes.filter((f) => v.sharedFields.includes(f)),
    visibleFields,
    accessUntil: accessUntil(v.endedAt ? new Date(v.endedAt) : null),
    consent: v.consentId ? { id: v.consentId, active: !!consent } : null,
    consentPurpose: v.consentPurpose === 'job_matching' ? 'job_matching' : 'referral_sharing',
    candidacyId: v.candidacyId ?? null,
    override: v.overrideReason
      ? {
          reason: v.overrideReason as OverrideReason,
          justification: sender ? dec(v.overrideJustificationEnc) : null,
          by: ref(v.overrideById, v.overrideByName),
          reviewedAt: v.reviewedAt ? new Date(v.reviewedAt) : null,
          reviewedBy: ref(v.reviewedById, v.reviewedByName),
          reviewNote: sender ? dec(v.reviewNoteEnc) : null,
        }
      : null,
    sentBy: ref(v.sentById, v.sentByName),
    sentAt: new Date(v.sentAt),
    answeredAt: v.answeredAt ? new Date(v.answeredAt) : null,
    endedAt: v.endedAt ? new Date(v.endedAt) : null,
    version: v.version,
    ...(extra.person !== undefined ? { person: extra.person } : { person: {} }),
    ...(extra.events
      ? {
          events: extra.events.map((e) => ({
            id: e.id,
            fromStatus: e.fromStatus as ReferralStatus | null,
            toStatus: e.toStatus as ReferralStatus,
            by: ref(e.actorId, e.actorName),
            organization: e.organizationId ? { id: e.organizationId, name: e.organizationName ?? '' } : null,
            reason: e.reason,
            note: personal ? dec(e.noteEnc) : null,
            at: e.at,
          })),
        }
      : {}),
  };
}

/**
 * The moves of a side. A candidacy's referral moves with the candidacy (employment/candidacies):
 * its receiver answers the candidacy, never the referral; its sender may only withdraw it, while
 * the candidacy can still be withdrawn (until hired).
 */
function movesOf(v: Pick<ViewRow, 'status' | 'candidacyId' | 'candidacyStatus'>, side: Side): ReferralStatus[] {
  const moves = allowedMoves(v.status, side);
  if (!v.candidacyId) return moves;
  if (side === 'receiver' || !isWithdrawable(v.candidacyStatus ?? '')) return [];
  return moves.filter((m) => m === 'withdrawn');
}

export const answerAsCandidacy = () =>
  conflict('This referral puts the person forward for an opening: answer it as a candidacy (/api/v1/candidacies).', 'answer_as_candidacy');

const asConsentNow = (c: { sharedFields: string[] } | null): ConsentNow => (c ? { sharedFields: c.sharedFields } : null);

/** One referral in full for a side: the current consent (consents.ts), the visible person, and the events. */
async function fullView(ctx: Ctx, db: DbHandle, cipher: FieldCipher, id: string, side: Side, canAct: boolean, withEvents = true) {
  const v = (await findView(db, id))!;
  const consent = asConsentNow(await currentConsent(db, v.caseId, { id: v.toOrganizationId, type: v.toType }, v.consentPurpose));
  const visible = visibleFieldsOf({ sharedFields: v.sharedFields, overridden: !!v.overrideReason, endedAt: v.endedAt }, consent?.sharedFields ?? null);
  const person = await projectPerson(db, cipher, v.caseId, visible);
  const events = withEvents ? await eventsOf(db, id) : undefined;
  return { view: v, out: present(cipher, v, side, consent, canAct, { person, events }), visible };
}

/** Whether the caller may make moves on its side (respond, or send and withdraw), for allowedTransitions. */
const mayAct = (ctx: Ctx, side: Side, target: { organizationId: string; userIds?: string[] }) =>
  can(ctx.who(), side === 'sender' ? 'referral.send' : 'referral.respond', target);

// ---------------------------------------------------------------------------------------------
// Sending

interface Recipient {
  id: string;
  name: string;
  type: string;
}

/** The recipient and the service, checked: another active organisation, one of its active services. */
async function checkRecipient(db: DbHandle, caseOrganizationId: string, organizationId: string, serviceId: string | null | undefined, fields: FieldErrors) {
  const [org] = await db
    .select({ id: organizations.id, name: organizations.name, type: organizations.type, active: organizations.active })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) fields.organizationId = 'unknown_organization';
  else if (org.id === caseOrganizationId) fields.organizationId = 'own_organization';
  else if (!org.active) fields.organizationId = 'organization_inactive';
  let service: { id: string; name: string } | null = null;
  if (serviceId) {
    const [s] = await db
      .select({ id: services.id, name: services.name, organizationId: services.organizationId, status: services.status })
      .from(services)
      .where(eq(services.id, serviceId));
    if (!s || s.organizationId !== organizationId) fields.serviceId = 'service_not_of_organization';
    else if (!(referableServiceStatuses as readonly string[]).includes(s.status)) fields.serviceId = 'service_not_active';
    else service = { id: s.id, name: s.name };
  }
  return { recipient: org && !fields.organizationId ? (org as Recipient) : null, service };
}

export async function options(ctx: Ctx, caseId: string, q: { organizationId: string; serviceId?: string }): Promise<ReferralOptions> {
  const head = await requireCase(ctx, caseId, 'referral.send');
  const fields: FieldErrors = {};
  const { recipient, service } = await checkRecipient(ctx.db, head.organizationId, q.organizationId, q.serviceId, fields);
  if (Object.keys(fields).length || !recipient) throw badRequest('The recipient cannot take this referral.', fields);
  const consent = await currentConsent(ctx.db, caseId, recipient);
  const canOverride = !consent && can(ctx.who(), 'referral.override', { organizationId: head.organizationId, userIds: caseUsers(head) });
  const allowedFields = consent ? fieldsAllowedBy(consent.sharedFields) : canOverride ? [...referralFieldCodes] : [];
  const needs = await openNeeds(ctx.db, caseId);
  await ctx.audit(ctx.db, {
    action: 'referral.options.read',
    outcome: 'success',
    targetType: 'case',
    targetId: caseId,
    details: { organizationId: recipient.id, serviceId: service?.id ?? null, consentId: consent?.id ?? null },
  });
  return {
    recipient: { id: recipient.id, name: recipient.name, type: recipient.type as ReferralOptions['recipient']['type'] },
    service,
    consent: consent ? { id: consent.id, sharedFields: consent.sharedFields, givenAt: consent.givenAt } : null,
    allowedFields,
    defaultFields: minimumFields.filter((f) => allowedFields.includes(f)),
    canOverride,
    needs: needs.map((n) => ({ id: n.id, type: n.type, dimension: n.dimension, severity: n.severity })),
    responseHours: { ...responseHours },
  };
}

export const consentRequired = () =>
  new HttpError(400, 'consent_required', 'The person has not consented to sharing with this organisation; record their consent first (or, for a supervisor, an override).');

export async function send(ctx: Ctx, cipher: FieldCipher, caseId: string, input: ReferralCreate, now = new Date()): Promise<ReferralOut> {
  const head = await requireCase(ctx, caseId, 'referral.send');
  const me = ctx.who();
  // Only those who may override may send without consent; a case worker trying is refused outright.
  if (input.override) await ctx.require('referral.override', { type: 'case', id: caseId, organizationId: head.organizationId, userIds: caseUsers(head) });
  if (head.stage === 'closed') throw conflict('This case is closed; reopen it first.', 'case_closed');

  const id = await ctx.db.transaction(async (tx) => {
    const fields: FieldErrors = {};
    const { recipient, service } = await checkRecipient(tx, head.organizationId, input.organizationId, input.serviceId, fields);
    const open = new Set((await openNeeds(tx, caseId)).map((n) => n.id));
    if (input.needIds.some((n) => !open.has(n))) fields.needIds = 'unknown_need';
    const respondBy = input.respondBy ? new Date(input.respondBy) : new Date(now.getTime() + responseHours[input.urgency] * 3_600_000);
    if (respondBy.getTime() <= now.getTime()) fields.respondBy = 'in_past';
    const consent = recipient ? await currentConsent(tx, caseId, recipient) : null;
    if (consent) {
      const allowed = fieldsAllowedBy(consent.sharedFields);
      if (input.sharedFields.some((f) => !allowed.includes(f as ReferralField))) fields.sharedFields = 'not_consented';
      if (input.override) fields.override = 'not_needed';
    }
    if (Object.keys(fields).length || !recipient) throw badRequest('Some referral fields are invalid.', fields);
    if (!consent && !input.override) throw consentRequired();

    const override = !consent && input.override ? input.override : null;
    const [row] = await tx
      .insert(referrals)
      .values({
        caseId,
        fromOrganizationId: head.organizationId,
        toOrganizationId: recipient.id,
        serviceId: service?.id ?? null,
        needIds: input.needIds,
        urgency: input.urgency,
        respondBy,
        messageEnc: input.message ? cipher.encrypt(input.message) : null,
        contactPreference: input.contactPreference,
        sharedFields: referralFieldCodes.filter((f) => input.sharedFields.includes(f)),
        consentId: consent?.id ?? null,
        overrideReason: override?.reason ?? null,
        overrideJustificationEnc: override ? cipher.encrypt(override.justification) : null,
        overrideById: override ? me.userId : null,
        status: 'sent',
        sentById: me.userId,
        sentAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: referrals.id });
    await addEvent(tx, { referralId: row.id, fromStatus: null, toStatus: 'sent', actorId: me.userId, actorOrganizationId: me.organizationId, reason: override?.reason ?? null, at: now });
    await addCaseEvent(tx, { caseId, kind: 'referral', fromValue: null, toValue: 'sent', reason: override?.reason ?? null, byId: me.userId });
    await ctx.audit(tx, {
      action: 'referral.send',
      outcome: 'success',
      targetType: 'referral',
      targetId: row.id,
      details: {
        caseId,
        toOrganizationId: recipient.id,
        serviceId: service?.id ?? null,
        needIds: input.needIds,
        urgency: input.urgency,
        sharedFields: input.sharedFields,
        consentId: consent?.id ?? null,
        override: override?.reason ?? null,
      },
    });
    if (override)
      await ctx.audit(tx, { action: 'referral.override', outcome: 'success', targetType: 'referral', targetId: row.id, details: { caseId, reason: override.reason } });
    return row.id;
  });
  return (await fullView(ctx, ctx.db, cipher, id, 'sender', true)).out;
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function listForCase(ctx: Ctx, cipher: FieldCipher, caseId: string): Promise<{ items: ReferralOut[] }> {
  const head = await requireCase(ctx, caseId, 'case.read');
  const canAct = mayAct(ctx, 'sender', { organizationId: head.organizationId, userIds: caseUsers(head) });
  const views = await viewsOfCase(ctx.db, caseId);
  const items: ReferralOut[] = [];
  for (const v of views) {
    const consent = asConsentNow(await currentConsent(ctx.db, caseId, { id: v.toOrganizationId, type: v.toType }, v.consentPurpose));
    const visible = visibleFieldsOf({ sharedFields: v.sharedFields, overridden: !!v.overrideReason, endedAt: v.endedAt }, consent?.sharedFields ?? null);
    items.push(present(cipher, v, 'sender', consent, canAct, { person: await projectPerson(ctx.db, cipher, caseId, visible) }));
  }
  await ctx.audit(ctx.db, { action: 'referral.list', outcome: 'success', targetType: 'case', targetId: caseId, details: { count: items.length } });
  return { items };
}

export async function get(ctx: Ctx, cipher: FieldCipher, id: string): Promise<ReferralOut> {
  const { head, side } = await requireReferral(ctx, id, 'read');
  const canAct = mayAct(ctx, side, side === 'sender' ? senderTarget(head) : { organizationId: head.row.toOrganizationId });
  const { out, visible } = await fullView(ctx, ctx.db, cipher, id, side, canAct);
  await ctx.audit(ctx.db, { action: 'referral.read', outcome: 'success', targetType: 'referral', targetId: id, details: { side, fields: visible } });
  return out;
}

const senderTarget = (head: Awaited<ReturnType<typeof requireReferral>>['head']) => ({
  organizationId: head.caseOrganizationId,
  userIds: caseUsers({ assignedToId: head.caseAssignedToId, createdById: head.caseCreatedById }),
});

/** The box a list reads, as the caller reaches it: the organisation's inbox, or the sent referrals of the cases they reach. */
async function boxScope(ctx: Ctx, box: 'incoming' | 'outgoing'): Promise<BoxScope> {
  const me = ctx.who();
  if (box === 'incoming') {
    await ctx.reach('referral.readIncoming');
    return { box, organizationId: me.organizationId };
  }
  const reach = await ctx.reach('case.read');
  return { box, organizationId: me.organizationId, selfUserId: reach === 'self' ? me.userId : null };
}

export async function list(ctx: Ctx, cipher: FieldCipher, q: ReferralListQuery): Promise<{ items: ReferralListItem[]; total: number }> {
  const me = ctx.who();
  const box = q.box ?? (reachOf(me, 'referral.readIncoming') ? 'incoming' : 'outgoing');
  const scope = await boxScope(ctx, box);
  const side: Side = box === 'incoming' ? 'receiver' : 'sender';
  const [rows, total] = await Promise.all([listPage(ctx.db, scope, q.status, q.q, q.limit, q.offset), countBox(ctx.db, scope, q.status, q.q)]);
  // Lists never carry the person; the reach of the moves is the reach of the box (the same roles).
  const canAct = !!reachOf(me, side === 'sender' ? 'referral.send' : 'referral.respond');
  const now = new Date();
  const items = rows.map((v) => {
    const c = v.currentConsent;
    const { person: _person, events: _events, ...item } = present(cipher, v, side, c && c.decision === 'given' ? { sharedFields: c.sharedFields } : null, canAct, {}, now);
    return item;
  });
  await ctx.audit(ctx.db, { action: 'referral.list', outcome: 'success', details: { box, status: q.status, count: items.length, total } });
  return { items, total };
}

export async function counts(ctx: Ctx): Promise<ReferralCounts> {
  const me = ctx.who();
  const incoming = reachOf(me, 'referral.readIncoming') ? await boxCounts(ctx.db, await boxScope(ctx, 'incoming')) : null;
  const outgoing = reachOf(me, 'case.read') ? await boxCounts(ctx.db, await boxScope(ctx, 'outgoing')) : null;
  return {
    incoming: incoming && { awaiting: incoming.awaiting, overdue: incoming.overdue, inProgress: incoming.inProgress, total: incoming.total },
    outgoing: outgoing && { awaiting: outgoing.awaiting, overdue: outgoing.overdue, inProgress: outgoing.inProgress, review: reachOf(me, 'referral.review') ? outgoing.review : 0 },
  };
}

// ---------------------------------------------------------------------------------------------
// The life cycle and the review

async function staleConflict(ctx: Ctx, tx: DbHandle, cipher: FieldCipher, id: string, side: Side) {
  return versionConflict('referral', (await fullView(ctx, tx, cipher, id, side, true)).out);
}

export async function transition(ctx: Ctx, cipher: FieldCipher, id: string, input: ReferralTransitionInput, now = new Date()): Promise<ReferralOut> {
  const { side } = await requireReferral(ctx, id, 'act');
  const me = ctx.who();
  await ctx.db.transaction(async (tx) => {
    const head = (await findReferralHead(tx, id, true))!;
    const r = head.row;
    // A candidacy's referral: the receiver answers the candidacy; the sender may withdraw it until hired.
    const candidacyStatus = r.consentPurpose === 'job_matching' ? await candidacyStatusOfReferral(tx, id) : null;
    if (candidacyStatus && side === 'receiver') throw answerAsCandidacy();
    if (r.version !== input.version) throw await staleConflict(ctx, tx, cipher, id, side);
    const from = r.status as ReferralStatus;
    if (candidacyStatus && (input.to !== 'withdrawn' || !isWithdrawable(candidacyStatus)))
      throw conflict(`This candidacy (${candidacyStatus}) cannot be moved to ${input.to} through its referral.`, 'transition_not_allowed', {
        allowed: isWithdrawable(candidacyStatus) && allowedMoves(from, side).includes('withdrawn') ? ['withdrawn'] : [],
      });
    const check = checkMove(from, input.to, side, input);
    if (!check.ok && check.code === 'transition_not_allowed')
      throw conflict(`A referral in ${from} cannot be moved to ${input.to} by the ${side}.`, 'transition_not_allowed', { allowed: check.allowed });
    if (!check.ok) throw badRequest('Some fields of this move are missing or invalid.', check.code === 'invalid_input' ? check.fields : undefined);
    const firstAnswer = isAnswer(input.to) && !r.answeredAt;
    const [updated] = await tx
      .update(referrals)
      .set({
        status: input.to,
        ...(check.reason ? { declineReason: check.reason } : {}),
        ...(check.outcome ? { outcome: check.outcome } : {}),
        ...(firstAnswer ? { answeredAt: now } : {}),
        ...(isEndedStatus(input.to) ? { endedAt: now } : {}),
        version: sql`${referrals.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(referrals.id, id), eq(referrals.version, input.version)))
      .returning({ id: referrals.id });
    if (!updated) throw await staleConflict(ctx, tx, cipher, id, side);
    await addEvent(tx, {
      referralId: id,
      fromStatus: from,
      toStatus: input.to,
      actorId: me.userId,
      actorOrganizationId: me.organizationId,
      reason: check.reason ?? check.outcome,
      noteEnc: input.note ? cipher.encrypt(input.note) : null,
      at: now,
    });
    // The provider's record: answers, acceptances and hours to the first answer.
    if (firstAnswer && r.serviceId)
      await tx
        .update(services)
        .set({
          referralsAnswered: sql`${services.referralsAnswered} + 1`,
          referralsAccepted: sql`${services.referralsAccepted} + ${input.to === 'accepted' ? 1 : 0}`,
          responseHoursTotal: sql`${services.responseHoursTotal} + ${hoursBetween(r.sentAt, now)}`,
        })
        .where(eq(services.id, r.serviceId));
    await addCaseEvent(tx, { caseId: r.caseId, kind: 'referral', fromValue: from, toValue: input.to, reason: check.reason ?? check.outcome, byId: me.userId });
    if (candidacyStatus && input.to === 'withdrawn') {
      const moved = await withdrawCandidacyOfReferral(tx, id, me, now, input.note ? cipher.encrypt(input.note) : null);
      if (moved) {
        await addCaseEvent(tx, { caseId: r.caseId, kind: 'employment', fromValue: moved.from, toValue: 'withdrawn', byId: me.userId });
        await ctx.audit(tx, { action: 'candidacy.withdraw', outcome: 'success', targetType: 'candidacy', targetId: moved.id, details: { caseId: r.caseId, referralId: id, from: moved.from } });
      }
    }
    await ctx.audit(tx, {
      action: 'referral.transition',
      outcome: 'success',
      targetType: 'referral',
      targetId: id,
      details: { caseId: r.caseId, side, from, to: input.to, reason: check.reason, outcome: check.outcome },
    });
  });
  return (await fullView(ctx, ctx.db, cipher, id, side, true)).out;
}

export async function review(ctx: Ctx, cipher: FieldCipher, id: string, input: ReferralReviewInput, now = new Date()): Promise<ReferralOut> {
  const { head } = await requireReferral(ctx, id, 'read');
  // A supervisor of the sending organisation; the receiver's supervisors reach no such target (404).
  await ctx.require('referral.review', { type: 'referral', id, organizationId: head.row.fromOrganizationId });
  const me = ctx.who();
  await ctx.db.transaction(async (tx) => {
    const r = (await findReferralHead(tx, id, true))!.row;
    if (r.version !== input.version) throw await staleConflict(ctx, tx, cipher, id, 'sender');
    if (!r.overrideReason) throw conflict('Only a referral sent under an override is reviewed.', 'not_overridden');
    if (r.reviewedAt) throw conflict('This override has already been reviewed.', 'already_reviewed');
    const [updated] = await tx
      .update(referrals)
      .set({ reviewedAt: now, reviewedById: me.userId, reviewNoteEnc: cipher.encrypt(input.note), version: sql`${referrals.version} + 1`, updatedAt: now })
      .where(and(eq(referrals.id, id), eq(referrals.version, input.version)))
      .returning({ id: referrals.id });
    if (!updated) throw await staleConflict(ctx, tx, cipher, id, 'sender');
    await addEvent(tx, {
      referralId: id,
      fromStatus: r.status,
      toStatus: r.status,
      actorId: me.userId,
      actorOrganizationId: me.organizationId,
      reason: 'reviewed',
      noteEnc: cipher.encrypt(input.note),
      at: now,
    });
    await ctx.audit(tx, { action: 'referral.review', outcome: 'success', targetType: 'referral', targetId: id, details: { caseId: r.caseId, reason: r.overrideReason } });
  });
  return (await fullView(ctx, ctx.db, cipher, id, 'sender', mayAct(ctx, 'sender', senderTarget(head)))).out;
}

/** One referral for the letter: the caller's side, what travels (the visible fields), audited as a letter. */
export async function forLetter(ctx: Ctx, cipher: FieldCipher, id: string, lang: string) {
  const { side } = await requireReferral(ctx, id, 'read');
  const { view, out, visible } = await fullView(ctx, ctx.db, cipher, id, side, false, false);
  const consent = view.consentId ? await findConsentDate(ctx.db, view.consentId) : null;
  await ctx.audit(ctx.db, { action: 'referral.letter', outcome: 'success', targetType: 'referral', targetId: id, details: { side, lang, fields: visible } });
  return { referral: out, consentGivenAt: consent };
}

async function findConsentDate(db: DbHandle, consentId: string): Promise<Date | null> {
  const [c] = await db.select({ givenAt: caseConsents.givenAt }).from(caseConsents).where(eq(caseConsents.id, consentId));
  return c?.givenAt ?? null;
}
