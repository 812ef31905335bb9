// Candidacies: putting a returnee forward to a partner for an opening, the partner's answers, the
// sender's withdrawal, and the views of both sides. A candidacy is a referral to the partner
// under the job_matching consent (referrals.consent_purpose): the referral carries the consent,
// the shared fields and the partner's access, and moves with the candidacy (vocabulary.ts
// referralStepFor). Every call starts with requireCase (the sending case) or requireCandidacy
// (access.ts); every write runs in one transaction with its events, history entry and audit entry.
import { eq, sql } from 'drizzle-orm';
import { requireCase } from '../../cases/access.js';
import { addCaseEvent } from '../../cases/dal.js';
import { versionConflict } from '../../case-records/common.js';
import { can } from '../../policy/policy.js';
import type { FieldCipher } from '../../platform/crypto/fields.js';
import type { DbHandle } from '../../platform/db/client.js';
import { candidacies, cases, referralEvents, referrals } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/http/context.js';
import { badRequest, conflict, type FieldErrors } from '../../platform/http/errors.js';
import { consentRequired } from '../../referrals/service.js';
import { currentConsent } from '../../referrals/sharing.js';
import { fieldsAllowedBy, referralFieldCodes, responseHours, type ReferralField } from '../../referrals/vocabulary.js';
import { seekingForKind } from '../matching/scoring.js';
import { requirePartnerReady } from '../partners/gate.js';
import type { CandidacyRejectReason, CandidacyStatus } from '../vocabulary.js';
import { caseTargetOf, readActions, requireCandidacy, type CandidacySide } from './access.js';
import {
  addCandidacyEvent,
  countPartner,
  findCandidacyHead,
  findOpening,
  findSkillsProfile,
  findView,
  moveReferral,
  partnerPage,
  standingCandidacy,
  viewsOfCase,
  type CandidacyHead,
  type ViewRow,
} from './dal.js';
import { matchOf } from './match.js';
import { asListItem, gather, present, visiblePerson, type Abilities } from './present.js';
import type { CandidacyAnswerInput, CandidacyCreate, CandidacyListItem, CandidacyListQuery, CandidacyOptions, CandidacyOut, CandidacyWithdrawInput } from './schema.js';
import { candidacyMoves, defaultCandidacyFields, historyFields, isWithdrawable, referralStepFor, type CandidacyAnswer, type CandidacyField } from './vocabulary.js';

/** What the caller may do with the candidacy now, on its side. */
export function abilitiesOf(ctx: Ctx, v: Pick<ViewRow, 'c'>, head: Pick<CandidacyHead, 'caseOrganizationId' | 'caseAssignedToId' | 'caseCreatedById'>, side: CandidacySide, hasPlacement: boolean): Abilities {
  const me = ctx.who();
  const status = v.c.status as CandidacyStatus;
  if (side === 'partner') {
    const respond = can(me, 'candidacy.respond', { organizationId: v.c.partnerOrganizationId });
    return { answers: respond ? [...candidacyMoves[status]] : [], withdraw: false, placement: respond && status === 'hired' && !hasPlacement };
  }
  return { answers: [], withdraw: isWithdrawable(status) && can(me, 'referral.send', caseTargetOf(head)), placement: false };
}

/** One candidacy in full for a side: the visible person, the events, the placement (and for the sender the follow-ups). */
export async function fullView(ctx: Ctx, db: DbHandle, cipher: FieldCipher, id: string, side: CandidacySide, now = new Date()): Promise<{ out: CandidacyOut; visible: ReferralField[] }> {
  const v = (await findView(db, id))!;
  const head = (await findCandidacyHead(db, id))!;
  const parts = await gather(db, [id], { events: true, followUps: side === 'sender' });
  const seen = await visiblePerson(db, cipher, v);
  const out = present(cipher, v, side, seen, abilitiesOf(ctx, v, head, side, parts.placements.has(id)), parts, now);
  return { out, visible: seen.visible };
}

// ---------------------------------------------------------------------------------------------
// Putting forward

/** What putting the case forward for an opening would carry: the consent, the fields it allows, the profile. */
export async function options(ctx: Ctx, caseId: string, openingId: string): Promise<CandidacyOptions> {
  await requireCase(ctx, caseId, 'referral.send');
  const opening = await findOpening(ctx.db, openingId);
  if (!opening) throw badRequest('No such opening.', { openingId: 'unknown_opening' });
  const consent = await currentConsent(ctx.db, caseId, { id: opening.organizationId, type: opening.organizationType }, 'job_matching');
  const allowed = consent ? (fieldsAllowedBy(consent.sharedFields).filter((f) => f !== 'needs') as CandidacyField[]) : [];
  const profile = await findSkillsProfile(ctx.db, caseId);
  const standing = await standingCandidacy(ctx.db, caseId, opening.id);
  await ctx.audit(ctx.db, {
    action: 'candidacy.options.read',
    outcome: 'success',
    targetType: 'case',
    targetId: caseId,
    details: { openingId: opening.id, consentId: consent?.id ?? null },
  });
  return {
    opening: { id: opening.id, title: opening.title, kind: opening.kind as CandidacyOptions['opening']['kind'], open: opening.open, organization: { id: opening.organizationId, name: opening.organizationName, type: opening.organizationType } },
    consent: consent ? { id: consent.id, sharedFields: consent.sharedFields, givenAt: consent.givenAt, named: !!consent.recipientOrganizationId } : null,
    allowedFields: allowed.filter((f) => !historyFields.includes(f)),
    defaultFields: defaultCandidacyFields.filter((f) => allowed.includes(f)),
    historyFields: allowed.filter((f) => historyFields.includes(f)),
    profile: !!profile,
    kindSought: !!profile && (seekingForKind[opening.kind] ?? []).some((k) => profile.seeking.includes(k)),
    standing: standing ? { id: standing.id, status: standing.status as CandidacyStatus } : null,
  };
}

export async function putForward(ctx: Ctx, cipher: FieldCipher, caseId: string, input: CandidacyCreate, now = new Date()): Promise<CandidacyOut> {
  const head = await requireCase(ctx, caseId, 'referral.send');
  const me = ctx.who();
  if (head.stage === 'closed') throw conflict('This case is closed; reopen it first.', 'case_closed');

  const { id, warnings } = await ctx.db.transaction(async (tx) => {
    // One at a time per case, so that a case is put forward for an opening only once.
    await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for('update');
    const opening = await findOpening(tx, input.openingId);
    if (!opening) throw badRequest('No such opening.', { openingId: 'unknown_opening' });
    if (!opening.open) throw badRequest('This opening is not open: it is a draft, closed, past its closing date, or its partner is suspended.', { openingId: 'opening_not_open' });
    const profile = await findSkillsProfile(tx, caseId);
    if (!profile) throw conflict('Fill in the skills profile of the case first.', 'profile_required');
    if (await standingCandidacy(tx, caseId, opening.id)) throw conflict('The person is already put forward for this opening.', 'already_put_forward');

    const chosen = input.sharedFields;
    if (chosen && !input.shareHistory && chosen.some((f) => historyFields.includes(f)))
      throw badRequest('The trafficking history is shared only when the person chose to share it with this employer (shareHistory).', { sharedFields: 'history_not_chosen' });
    const consent = await currentConsent(tx, caseId, { id: opening.organizationId, type: opening.organizationType }, 'job_matching');
    if (!consent) throw consentRequired();
    const allowed = fieldsAllowedBy(consent.sharedFields);
    if (chosen && chosen.some((f) => !allowed.includes(f))) throw badRequest('Some fields are not covered by the job_matching consent.', { sharedFields: 'not_consented' });
    const shared = referralFieldCodes.filter((f) => (chosen ?? defaultCandidacyFields.filter((d) => allowed.includes(d))).includes(f as never));

    const warnings: 'kind_not_sought'[] = (seekingForKind[opening.kind] ?? []).some((k) => profile.seeking.includes(k)) ? [] : ['kind_not_sought'];
    const match = await matchOf(tx, caseId, opening.id);

    const [referral] = await tx
      .insert(referrals)
      .values({
        caseId,
        fromOrganizationId: head.organizationId,
        toOrganizationId: opening.organizationId,
        serviceId: null,
        needIds: [],
        urgency: 'routine',
        respondBy: new Date(now.getTime() + responseHours.routine * 3_600_000),
        messageEnc: input.message ? cipher.encrypt(input.message) : null,
        contactPreference: input.contactPreference,
        sharedFields: shared,
        consentId: consent.id,
        consentPurpose: 'job_matching',
        status: 'sent',
        sentById: me.userId,
        sentAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: referrals.id });
    await tx.insert(referralEvents).values({ referralId: referral.id, fromStatus: null, toStatus: 'sent', actorId: me.userId, actorOrganizationId: me.organizationId, at: now });
    const [row] = await tx
      .insert(candidacies)
      .values({
        referralId: referral.id,
        openingId: opening.id,
        caseId,
        fromOrganizationId: head.organizationId,
        partnerOrganizationId: opening.organizationId,
        status: 'put_forward',
        historyShared: input.shareHistory,
        matchScore: match?.score ?? null,
        matchReasons: match?.reasons ?? null,
        putForwardById: me.userId,
        putForwardAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: candidacies.id });
    await addCandidacyEvent(tx, { candidacyId: row.id, fromStatus: null, toStatus: 'put_forward', actorId: me.userId, actorOrganizationId: me.organizationId, at: now });
    await addCaseEvent(tx, { caseId, kind: 'employment', fromValue: null, toValue: 'put_forward', byId: me.userId });
    await ctx.audit(tx, {
      action: 'candidacy.put_forward',
      outcome: 'success',
      targetType: 'candidacy',
      targetId: row.id,
      details: {
        caseId,
        openingId: opening.id,
        referralId: referral.id,
        partnerOrganizationId: opening.organizationId,
        sharedFields: shared,
        historyShared: input.shareHistory,
        consentId: consent.id,
        matchScore: match?.score ?? null,
      },
    });
    return { id: row.id, warnings };
  });
  const { out } = await fullView(ctx, ctx.db, cipher, id, 'sender');
  return { ...out, ...(warnings.length ? { warnings } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function listForCase(ctx: Ctx, cipher: FieldCipher, caseId: string): Promise<{ items: CandidacyOut[] }> {
  const head = await requireCase(ctx, caseId, 'case.read');
  const views = await viewsOfCase(ctx.db, caseId);
  const parts = await gather(
    ctx.db,
    views.map((v) => v.c.id),
    { events: true, followUps: true },
  );
  const caseHead = { caseOrganizationId: head.organizationId, caseAssignedToId: head.assignedToId, caseCreatedById: head.createdById };
  const items: CandidacyOut[] = [];
  for (const v of views) {
    const seen = await visiblePerson(ctx.db, cipher, v);
    items.push(present(cipher, v, 'sender', seen, abilitiesOf(ctx, v, caseHead, 'sender', parts.placements.has(v.c.id)), parts));
  }
  await ctx.audit(ctx.db, { action: 'candidacy.list', outcome: 'success', targetType: 'case', targetId: caseId, details: { count: items.length } });
  return { items };
}

/** What a list shows of each candidate: a few of the shared fields. */
const listFields: readonly ReferralField[] = ['first_name', 'sex', 'age_band', 'languages'];

export async function listForPartner(ctx: Ctx, cipher: FieldCipher, q: CandidacyListQuery): Promise<{ items: CandidacyListItem[]; total: number }> {
  await ctx.reach('candidacy.readIncoming');
  await requirePartnerReady(ctx);
  const me = ctx.who();
  const filter = { organizationId: me.organizationId, status: q.status, openingId: q.openingId };
  const [rows, total] = [await partnerPage(ctx.db, filter, q.limit, q.offset), await countPartner(ctx.db, filter)];
  const parts = await gather(
    ctx.db,
    rows.map((v) => v.c.id),
    { events: false, followUps: false },
  );
  const items: CandidacyListItem[] = [];
  for (const v of rows) {
    const seen = await visiblePerson(ctx.db, cipher, v, listFields);
    const head = { caseOrganizationId: '', caseAssignedToId: null, caseCreatedById: null };
    items.push(asListItem(present(cipher, v, 'partner', seen, abilitiesOf(ctx, v, head, 'partner', parts.placements.has(v.c.id)), parts)));
  }
  await ctx.audit(ctx.db, { action: 'candidacy.list', outcome: 'success', details: { status: q.status ?? null, openingId: q.openingId ?? null, count: items.length, total } });
  return { items, total };
}

export async function get(ctx: Ctx, cipher: FieldCipher, id: string): Promise<CandidacyOut> {
  const { side } = await requireCandidacy(ctx, id, readActions);
  const { out, visible } = await fullView(ctx, ctx.db, cipher, id, side);
  await ctx.audit(ctx.db, { action: 'candidacy.read', outcome: 'success', targetType: 'candidacy', targetId: id, details: { side, fields: visible } });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The partner's answers and the sender's withdrawal

async function stale(ctx: Ctx, tx: DbHandle, cipher: FieldCipher, id: string, side: CandidacySide) {
  return versionConflict('candidacy', (await fullView(ctx, tx, cipher, id, side)).out);
}

/** The fields an answer needs: a date for an interview, a reason (and for `other` a note) to reject. */
function checkAnswerInput(input: CandidacyAnswerInput): FieldErrors {
  const fields: FieldErrors = {};
  if (input.to === 'interview' && !input.interviewAt) fields.interviewAt = 'required';
  if (input.to !== 'interview' && input.interviewAt) fields.interviewAt = 'not_allowed';
  if (input.to === 'rejected') {
    if (!input.reason) fields.reason = 'required';
    else if (input.reason === 'other' && !input.note) fields.note = 'required';
  } else if (input.reason) fields.reason = 'not_allowed';
  return fields;
}

export async function answer(ctx: Ctx, cipher: FieldCipher, id: string, input: CandidacyAnswerInput, now = new Date()): Promise<CandidacyOut> {
  await requireCandidacy(ctx, id, { partner: 'candidacy.respond' });
  const me = ctx.who();
  await ctx.db.transaction(async (tx) => {
    const h = (await findCandidacyHead(tx, id, true))!;
    const c = h.row;
    if (c.version !== input.version) throw await stale(ctx, tx, cipher, id, 'partner');
    const from = c.status as CandidacyStatus;
    const allowed = candidacyMoves[from];
    if (!allowed.includes(input.to)) throw conflict(`A candidacy in ${from} cannot be answered with ${input.to}.`, 'transition_not_allowed', { allowed });
    const fields = checkAnswerInput(input);
    if (Object.keys(fields).length) throw badRequest('Some fields of this answer are missing or invalid.', fields);
    const reason = input.to === 'rejected' ? (input.reason as CandidacyRejectReason) : null;
    const noteEnc = input.note ? cipher.encrypt(input.note) : null;
    await tx
      .update(candidacies)
      .set({
        status: input.to,
        ...(reason ? { rejectReason: reason } : {}),
        ...(input.interviewAt ? { interviewAt: new Date(input.interviewAt) } : {}),
        version: sql`${candidacies.version} + 1`,
        updatedAt: now,
      })
      .where(eq(candidacies.id, id));
    await addCandidacyEvent(tx, { candidacyId: id, fromStatus: from, toStatus: input.to, reason, noteEnc, actorId: me.userId, actorOrganizationId: me.organizationId, at: now });
    const step = referralStepFor(from, input.to as CandidacyAnswer, reason);
    if (step) await moveReferral(tx, { id: c.referralId, status: h.referralStatus, answeredAt: h.referralAnsweredAt }, step, me, now);
    await addCaseEvent(tx, { caseId: c.caseId, kind: 'employment', fromValue: from, toValue: input.to, reason, byId: me.userId });
    await ctx.audit(tx, {
      action: 'candidacy.answer',
      outcome: 'success',
      targetType: 'candidacy',
      targetId: id,
      details: { caseId: c.caseId, openingId: c.openingId, from, to: input.to, reason, referralStatus: step?.status ?? null },
    });
  });
  return (await fullView(ctx, ctx.db, cipher, id, 'partner')).out;
}

export async function withdraw(ctx: Ctx, cipher: FieldCipher, id: string, input: CandidacyWithdrawInput, now = new Date()): Promise<CandidacyOut> {
  await requireCandidacy(ctx, id, { sender: 'referral.send' });
  const me = ctx.who();
  await ctx.db.transaction(async (tx) => {
    const h = (await findCandidacyHead(tx, id, true))!;
    const c = h.row;
    if (c.version !== input.version) throw await stale(ctx, tx, cipher, id, 'sender');
    const from = c.status as CandidacyStatus;
    if (!isWithdrawable(from)) throw conflict(`A candidacy in ${from} cannot be withdrawn.`, 'transition_not_allowed', { allowed: [] });
    const noteEnc = input.note ? cipher.encrypt(input.note) : null;
    await tx.update(candidacies).set({ status: 'withdrawn', version: sql`${candidacies.version} + 1`, updatedAt: now }).where(eq(candidacies.id, id));
    await addCandidacyEvent(tx, { candidacyId: id, fromStatus: from, toStatus: 'withdrawn', noteEnc, actorId: me.userId, actorOrganizationId: me.organizationId, at: now });
    if (!['declined', 'completed', 'closed', 'withdrawn'].includes(h.referralStatus))
      await moveReferral(tx, { id: c.referralId, status: h.referralStatus, answeredAt: h.referralAnsweredAt }, { status: 'withdrawn' }, me, now, noteEnc);
    await addCaseEvent(tx, { caseId: c.caseId, kind: 'employment', fromValue: from, toValue: 'withdrawn', byId: me.userId });
    await ctx.audit(tx, { action: 'candidacy.withdraw', outcome: 'success', targetType: 'candidacy', targetId: id, details: { caseId: c.caseId, openingId: c.openingId, from } });
  });
  return (await fullView(ctx, ctx.db, cipher, id, 'sender')).out;
}
