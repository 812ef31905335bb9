// Case transfers: a proposal from the organisation that holds a case to another one, which accepts
// (the case, its person and its open referrals move there in one transaction) or declines; the
// sender may withdraw while it waits. After acceptance the sending organisation no longer reaches
// the case at all; if the person agreed, it keeps a read-only view of what it recorded (record.ts).
// Every call starts with requireCase (the case) or requireTransfer (access.ts: the caller's side);
// every write runs in one transaction with its case event and audit entries, and writes nothing
// on any refusal.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { activeConsent } from '../case-records/consents.js';
import { isActiveMember, versionConflict } from '../case-records/common.js';
import { openNeeds } from '../case-records/needs.js';
import { caseUsers, findCaseHead, requireCase } from '../cases/access.js';
import { addCaseEvent } from '../cases/dal.js';
import { birthOf, refreshCase, todayInJakarta } from '../cases/derived.js';
import { ageOn } from '../cases/priority.js';
import { areaCodesOf } from '../persons/dal.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { DbHandle } from '../platform/db/client.js';
import { areas, candidacies, caseClosures, caseEvents, cases, caseTasks, caseTransfers, organizations, persons, referrals, users } from '../platform/db/schema.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest, conflict, HttpError, notFound, type FieldErrors } from '../platform/http/errors.js';
import { can, holdsCases, reachOf, rolesWith } from '../policy/policy.js';
import { firstNameOf } from '../referrals/sharing.js';
import { ageBandOf, endedStatuses as endedReferralStatuses } from '../referrals/vocabulary.js';
import { allowedActions, caseTargetOf, readTransferredTargetOf, requireTransfer, requireTransferRecord, sideOf } from './access.js';
import { boxCounts, findTransferHead, listPage, lockTransfer, otherOpenCases, pendingClosureOf, pendingTransferOf, transfersOfCase, type TransferHead, type TransferScope } from './dal.js';
import { buildRecord } from './record.js';
import { refreshSkillsProfileKeys } from '../employment/profiles/dal.js';
import type { TransferAcceptInput, TransferCreate, TransferDeclineInput, TransferListItem, TransferListQuery, TransferOut, TransferRecord } from './schema.js';
import type { TransferDeclineReason, TransferSide, TransferStatus } from './vocabulary.js';
import { pgArray } from '../platform/db/arrays.js';

const ref = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);

// ---------------------------------------------------------------------------------------------
// Shaping

/** The summary the receiver decides on: no names beyond the first, no contact, no address, no notes. */
async function summaryOf(db: DbHandle, cipher: FieldCipher, caseId: string): Promise<TransferOut['summary']> {
  const [c] = await db
    .select({ caseType: cases.caseType, direction: cases.direction, stage: cases.stage, person: persons })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(eq(cases.id, caseId));
  if (!c) return null;
  const p = c.person;
  const birth = birthOf(p);
  const [provinceCode, regencyCode] = p.homeVillageCode ? areaCodesOf(p.homeVillageCode) : [p.homeProvinceCode ?? undefined, undefined];
  const codes = [provinceCode, regencyCode].filter((x): x is string => !!x);
  const names = new Map(codes.length ? (await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, codes))).map((a) => [a.code, a.name]) : []);
  const area = (code: string | undefined) => (code ? { code, name: names.get(code) ?? null } : null);
  const needs = await openNeeds(db, caseId);
  return {
    caseType: c.caseType as NonNullable<TransferOut['summary']>['caseType'],
    direction: c.direction as NonNullable<TransferOut['summary']>['direction'],
    stage: c.stage as NonNullable<TransferOut['summary']>['stage'],
    firstName: firstNameOf(cipher.decrypt(p.fullNameEnc)) || null,
    sex: p.sex,
    ageBand: birth ? ageBandOf(ageOn(birth, todayInJakarta())) : null,
    homeProvince: area(provinceCode),
    homeRegency: area(regencyCode),
    openNeeds: [...new Set(needs.map((n) => n.type))],
  };
}

function item(ctx: Ctx, h: TransferHead, side: TransferSide): TransferListItem {
  const t = h.row;
  const me = ctx.who();
  const reachesCase = can(me, 'case.read', caseTargetOf(h));
  return {
    id: t.id,
    side,
    status: t.status as TransferStatus,
    caseId: reachesCase ? t.caseId : null,
    caseReference: h.caseReference,
    from: { id: t.fromOrganizationId, name: h.fromName },
    to: { id: t.toOrganizationId, name: h.toName },
    senderKeepsView: t.senderKeepsView,
    requestedBy: ref(t.requestedById, h.requestedByName),
    requestedAt: t.requestedAt,
    answeredBy: ref(t.answeredById, h.answeredByName),
    answeredAt: t.answeredAt,
    declineReason: t.declineReason as TransferDeclineReason | null,
    allowedActions: allowedActions(ctx, h, side),
    recordAvailable:
      side === 'sender' && t.status === 'accepted' && t.senderKeepsView && can(me, 'case.readTransferred', readTransferredTargetOf(h)),
    updatedAt: t.updatedAt,
    version: t.version,
  };
}

/**
 * The whole transfer for a side. The summary goes to the receiver (to decide, and after accepting:
 * the case is its own), and to the sender only while the case is still its own. After a decline or
 * a withdrawal the receiver keeps the answer but no longer anything of the person.
 */
async function full(ctx: Ctx, db: DbHandle, cipher: FieldCipher, h: TransferHead, side: TransferSide, withSummary = true): Promise<TransferOut> {
  const t = h.row;
  const showSummary =
    withSummary &&
    (side === 'receiver' ? t.status === 'proposed' || t.status === 'accepted' : h.caseOrganizationId === t.fromOrganizationId && can(ctx.who(), 'case.read', caseTargetOf(h)));
  return {
    ...item(ctx, h, side),
    reason: t.reasonEnc ? cipher.decrypt(t.reasonEnc) : null,
    answerNote: t.answerNoteEnc ? cipher.decrypt(t.answerNoteEnc) : null,
    assignedTo: side === 'receiver' ? ref(t.assignedToId, h.assignedToName) : null,
    summary: showSummary ? await summaryOf(db, cipher, t.caseId) : null,
  };
}

const stale = async (ctx: Ctx, tx: DbHandle, cipher: FieldCipher, id: string, side: TransferSide) =>
  versionConflict('transfer', await full(ctx, tx, cipher, (await findTransferHead(tx, id))!, side, false));

const notOpen = (status: string) => conflict(`A transfer that is ${status} cannot be answered or withdrawn.`, 'transition_not_allowed', { allowed: [] });

// ---------------------------------------------------------------------------------------------
// Proposing

export const transferConsentRequired = () =>
  new HttpError(400, 'consent_required', 'The person has not consented to transferring the case to this organisation; record their consent first.');

/** The receiving organisation, checked: another active organisation with an active supervisor to answer. */
async function checkRecipient(db: DbHandle, ownOrganizationId: string, organizationId: string) {
  const fields: FieldErrors = {};
  const [org] = await db
    .select({ id: organizations.id, name: organizations.name, type: organizations.type, active: organizations.active })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) fields.toOrganizationId = 'unknown_organization';
  else if (org.id === ownOrganizationId) fields.toOrganizationId = 'own_organization';
  else if (!org.active) fields.toOrganizationId = 'cannot_receive';
  else {
    const [answerer] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.organizationId, org.id), eq(users.status, 'active'), eq(users.kind, 'person'), sql`${users.roles} && ${pgArray(rolesWith('transfer.respond'))}::text[]`))
      .limit(1);
    if (!answerer) fields.toOrganizationId = 'cannot_receive';
  }
  if (Object.keys(fields).length || !org) throw badRequest('This organisation cannot receive the case.', fields);
  return org;
}

export async function propose(ctx: Ctx, cipher: FieldCipher, caseId: string, input: TransferCreate, now = new Date()): Promise<TransferOut> {
  const head = await requireCase(ctx, caseId, 'case.transfer');
  const me = ctx.who();
  const id = await ctx.db.transaction(async (tx) => {
    // Row lock: two proposals for one case run one after the other, and the second sees the first.
    await tx.execute(sql`select 1 from ${cases} where ${cases.id} = ${caseId} for update`);
    const c = (await findCaseHead(tx, caseId))!;
    if (c.organizationId !== head.organizationId) throw notFound();
    if (c.stage === 'closed') throw conflict('This case is closed; reopen it first.', 'case_closed');
    if (await pendingTransferOf(tx, caseId)) throw conflict('A transfer of this case is already waiting for an answer.', 'transfer_pending');
    if (await pendingClosureOf(tx, caseId)) throw conflict('A request to close this case is pending; withdraw it first.', 'closure_pending');
    const org = await checkRecipient(tx, c.organizationId, input.toOrganizationId);
    const consent = await activeConsent(tx, caseId, 'case_transfer', { organizationId: org.id, organizationType: org.type });
    if (!consent) throw transferConsentRequired();
    // The person record moves with the case: a person belongs to one organisation (persons.organization_id),
    // and a supervisor or case worker reaches a person through that organisation's cases. If the person had
    // another open case here, moving them would take that case's person out of this organisation's reach
    // (and leave it half-visible to the receiver), so such a case is finished or moved first.
    if ((await otherOpenCases(tx, c.personId, caseId, c.organizationId)) > 0)
      throw conflict('The person has another open case in this organisation; close or transfer it first.', 'person_has_other_open_cases');

    const [row] = await tx
      .insert(caseTransfers)
      .values({
        caseId,
        fromOrganizationId: c.organizationId,
        toOrganizationId: org.id,
        status: 'proposed',
        reasonEnc: cipher.encrypt(input.reason),
        consentId: consent.id,
        senderKeepsView: input.senderKeepsView,
        requestedById: me.userId,
        requestedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: caseTransfers.id });
    await addCaseEvent(tx, { caseId, kind: 'transfer', fromValue: null, toValue: 'proposed', byId: me.userId });
    await ctx.audit(tx, {
      action: 'case.transfer.propose',
      outcome: 'success',
      targetType: 'case_transfer',
      targetId: row.id,
      details: { caseId, fromOrganizationId: c.organizationId, toOrganizationId: org.id, consentId: consent.id, senderKeepsView: input.senderKeepsView },
    });
    return row.id;
  });
  return full(ctx, ctx.db, cipher, (await findTransferHead(ctx.db, id))!, 'sender');
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function get(ctx: Ctx, cipher: FieldCipher, id: string): Promise<TransferOut> {
  const { head, side } = await requireTransfer(ctx, id, 'read');
  const out = await full(ctx, ctx.db, cipher, head, side);
  await ctx.audit(ctx.db, {
    action: 'case.transfer.read',
    outcome: 'success',
    targetType: 'case_transfer',
    targetId: id,
    details: { caseId: head.row.caseId, side, summary: !!out.summary },
  });
  return out;
}

export async function listForCase(ctx: Ctx, cipher: FieldCipher, caseId: string): Promise<{ items: TransferOut[]; canPropose: boolean }> {
  const c = await requireCase(ctx, caseId, 'case.read');
  const heads = await transfersOfCase(ctx.db, caseId, c.organizationId);
  const items: TransferOut[] = [];
  for (const h of heads) {
    const side = sideOf(ctx, h) ?? (h.row.fromOrganizationId === c.organizationId ? 'sender' : 'receiver');
    items.push(await full(ctx, ctx.db, cipher, h, side, false));
  }
  const canPropose =
    c.stage !== 'closed' &&
    !heads.some((h) => h.row.status === 'proposed') &&
    can(ctx.who(), 'case.transfer', { organizationId: c.organizationId, userIds: caseUsers(c) });
  await ctx.audit(ctx.db, { action: 'case.transfer.list', outcome: 'success', targetType: 'case', targetId: caseId, details: { count: items.length } });
  return { items, canPropose };
}

async function scopeOf(ctx: Ctx, box: 'incoming' | 'outgoing'): Promise<TransferScope> {
  const me = ctx.who();
  if (box === 'incoming') {
    await ctx.reach('transfer.respond');
    return { box, organizationId: me.organizationId };
  }
  const reach = await ctx.reach('case.transfer');
  return { box, organizationId: me.organizationId, selfUserId: reach === 'self' ? me.userId : null };
}

export async function list(ctx: Ctx, q: TransferListQuery) {
  const me = ctx.who();
  const box = q.box ?? (reachOf(me, 'transfer.respond') ? 'incoming' : 'outgoing');
  const scope = await scopeOf(ctx, box);
  const [rows, counts] = await Promise.all([listPage(ctx.db, scope, q.status, q.limit, q.offset), boxCounts(ctx.db, scope)]);
  const side: TransferSide = box === 'incoming' ? 'receiver' : 'sender';
  const items = rows.map((h) => item(ctx, h, side));
  const total = q.status === 'proposed' ? counts.proposed : q.status === 'ended' ? counts.ended : counts.all;
  await ctx.audit(ctx.db, { action: 'case.transfer.list', outcome: 'success', details: { box, status: q.status, count: items.length, total } });
  return { items, total, counts };
}

export async function record(ctx: Ctx, cipher: FieldCipher, id: string): Promise<TransferRecord> {
  const head = await requireTransferRecord(ctx, id);
  const out = await buildRecord(ctx.db, cipher, head, ctx.who().userId);
  // A read of personal data: audited with what was shown, by count.
  await ctx.audit(ctx.db, {
    action: 'case.transfer.record.read',
    outcome: 'success',
    targetType: 'case_transfer',
    targetId: id,
    details: {
      caseId: head.row.caseId,
      personId: head.personId,
      notes: out.notes.length,
      needs: out.needs.length,
      tasks: out.tasks.length,
      consents: out.consents.length,
      referrals: out.referralsSent.length,
      screening: !!out.screening,
    },
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Answering and withdrawing

export async function accept(ctx: Ctx, cipher: FieldCipher, id: string, input: TransferAcceptInput, now = new Date()): Promise<TransferOut> {
  await requireTransfer(ctx, id, 'accept');
  const me = ctx.who();
  await ctx.db.transaction(async (tx) => {
    await lockTransfer(tx, id);
    const h = (await findTransferHead(tx, id))!;
    const t = h.row;
    if (t.version !== input.version) throw await stale(ctx, tx, cipher, id, 'receiver');
    if (t.status !== 'proposed') throw notOpen(t.status);
    await tx.execute(sql`select 1 from ${cases} where ${cases.id} = ${t.caseId} for update`);
    const c = (await findCaseHead(tx, t.caseId))!;
    if (c.organizationId !== t.fromOrganizationId) throw notOpen('stale');
    if (c.stage === 'closed') throw conflict('This case was closed meanwhile.', 'case_closed');
    const consent = await activeConsent(tx, t.caseId, 'case_transfer', { organizationId: t.toOrganizationId, organizationType: h.toType });
    if (!consent) throw conflict('The person no longer consents to this transfer; it cannot be accepted.', 'consent_withdrawn');
    // See propose(): the person moves with the case.
    if ((await otherOpenCases(tx, c.personId, t.caseId, c.organizationId)) > 0)
      throw conflict('The person has another open case in the sending organisation.', 'person_has_other_open_cases');
    const assignTo = input.assignToId ?? null;
    if (assignTo) {
      const [u] = await tx.select({ roles: users.roles }).from(users).where(eq(users.id, assignTo));
      if (!u || !(await isActiveMember(tx, assignTo, t.toOrganizationId)) || !holdsCases(u.roles))
        throw badRequest('Assign the case to a case worker or supervisor of your organisation.', { assignToId: 'not_assignable' });
    }

    // The case and its person change organisation; the case lands with the chosen case holder or in the queue.
    await tx
      .update(cases)
      .set({
        organizationId: t.toOrganizationId,
        assignedToId: assignTo,
        assignedAt: assignTo ? now : null,
        version: sql`${cases.version} + 1`,
        updatedAt: now,
      })
      .where(eq(cases.id, t.caseId));
    await tx
      .update(persons)
      .set({ organizationId: t.toOrganizationId, version: sql`${persons.version} + 1`, updatedAt: now })
      .where(eq(persons.id, c.personId));
    // The skills profile and the candidacies go with the case: candidate search and the sending side follow the owner.
    await refreshSkillsProfileKeys(tx, t.caseId);
    await tx.update(candidacies).set({ fromOrganizationId: t.toOrganizationId }).where(eq(candidacies.caseId, t.caseId));
    // Open referrals sent for the case follow it: the referral's sending side is decided by the case
    // (referrals/access.ts), and the outgoing box and the provider's view by from_organization_id, so
    // the case's new owner sees them, answers the receiver and can withdraw them; the old owner no longer does.
    const moved = await tx
      .update(referrals)
      .set({ fromOrganizationId: t.toOrganizationId, updatedAt: now })
      .where(and(eq(referrals.caseId, t.caseId), sql`${referrals.status} not in (${sql.join(endedReferralStatuses.map((s) => sql`${s}`), sql`, `)})`))
      .returning({ id: referrals.id });
    // Open tasks were assigned to people of the sending organisation, who no longer reach the case.
    const tasks = await tx
      .update(caseTasks)
      .set({ assigneeId: assignTo, updatedAt: now })
      .where(and(eq(caseTasks.caseId, t.caseId), eq(caseTasks.status, 'open')))
      .returning({ id: caseTasks.id });
    // A closure the sender requested is moot once the case is someone else's.
    const closure = await pendingClosureOf(tx, t.caseId);
    if (closure) {
      await tx
        .update(caseClosures)
        .set({ status: 'withdrawn', decidedById: me.userId, decidedAt: now, version: sql`${caseClosures.version} + 1` })
        .where(eq(caseClosures.id, closure.id));
      await addCaseEvent(tx, { caseId: t.caseId, kind: 'closure', fromValue: 'pending', toValue: 'withdrawn', reason: closure.closureReason, byId: me.userId });
      await ctx.audit(tx, { action: 'case.closure.withdraw', outcome: 'success', targetType: 'case_closure', targetId: closure.id, details: { caseId: t.caseId, cause: 'transfer_accepted', transferId: id } });
    }

    await tx
      .update(caseTransfers)
      .set({ status: 'accepted', answeredById: me.userId, answeredAt: now, assignedToId: assignTo, version: sql`${caseTransfers.version} + 1`, updatedAt: now })
      .where(eq(caseTransfers.id, id));
    await addCaseEvent(tx, { caseId: t.caseId, kind: 'transfer', fromValue: 'proposed', toValue: 'accepted', byId: me.userId });
    // Written at exactly the moment of the answer: dal.ts reads the sending side's assignee at the transfer from it.
    if (c.assignedToId || assignTo)
      await tx.insert(caseEvents).values({ caseId: t.caseId, kind: 'assignment', fromValue: c.assignedToId, toValue: assignTo, byId: me.userId, at: now });
    await refreshCase(tx, t.caseId);
    const details = {
      caseId: t.caseId,
      personId: c.personId,
      fromOrganizationId: t.fromOrganizationId,
      toOrganizationId: t.toOrganizationId,
      assignedToId: assignTo,
      previousAssigneeId: c.assignedToId,
      referralsMoved: moved.map((r) => r.id),
      tasksReassigned: tasks.length,
    };
    // On both sides: the receiver's entry, and one in the sending organisation's log (its auditors read their organisation's entries).
    await ctx.audit(tx, { action: 'case.transfer.accept', outcome: 'success', targetType: 'case_transfer', targetId: id, details });
    await ctx.audit(tx, { action: 'case.transfer.handover', outcome: 'success', organizationId: t.fromOrganizationId, targetType: 'case_transfer', targetId: id, details });
  });
  return full(ctx, ctx.db, cipher, (await findTransferHead(ctx.db, id))!, 'receiver');
}

export async function decline(ctx: Ctx, cipher: FieldCipher, id: string, input: TransferDeclineInput, now = new Date()): Promise<TransferOut> {
  await requireTransfer(ctx, id, 'decline');
  const me = ctx.who();
  await ctx.db.transaction(async (tx) => {
    await lockTransfer(tx, id);
    const t = (await findTransferHead(tx, id))!.row;
    if (t.version !== input.version) throw await stale(ctx, tx, cipher, id, 'receiver');
    if (t.status !== 'proposed') throw notOpen(t.status);
    if (input.reason === 'other' && !input.note) throw badRequest('Say why the case is declined.', { note: 'required' });
    await tx
      .update(caseTransfers)
      .set({
        status: 'declined',
        declineReason: input.reason,
        answerNoteEnc: input.note ? cipher.encrypt(input.note) : null,
        answeredById: me.userId,
        answeredAt: now,
        version: sql`${caseTransfers.version} + 1`,
        updatedAt: now,
      })
      .where(eq(caseTransfers.id, id));
    await addCaseEvent(tx, { caseId: t.caseId, kind: 'transfer', fromValue: 'proposed', toValue: 'declined', reason: input.reason, byId: me.userId });
    await ctx.audit(tx, {
      action: 'case.transfer.decline',
      outcome: 'success',
      targetType: 'case_transfer',
      targetId: id,
      details: { caseId: t.caseId, fromOrganizationId: t.fromOrganizationId, toOrganizationId: t.toOrganizationId, reason: input.reason },
    });
  });
  return full(ctx, ctx.db, cipher, (await findTransferHead(ctx.db, id))!, 'receiver');
}

export async function withdraw(ctx: Ctx, cipher: FieldCipher, id: string, input: { version: number }, now = new Date()): Promise<TransferOut> {
  await requireTransfer(ctx, id, 'withdraw');
  const me = ctx.who();
  await ctx.db.transaction(async (tx) => {
    await lockTransfer(tx, id);
    const t = (await findTransferHead(tx, id))!.row;
    if (t.version !== input.version) throw await stale(ctx, tx, cipher, id, 'sender');
    if (t.status !== 'proposed') throw notOpen(t.status);
    await tx
      .update(caseTransfers)
      .set({ status: 'withdrawn', version: sql`${caseTransfers.version} + 1`, updatedAt: now })
      .where(eq(caseTransfers.id, id));
    await addCaseEvent(tx, { caseId: t.caseId, kind: 'transfer', fromValue: 'proposed', toValue: 'withdrawn', byId: me.userId });
    await ctx.audit(tx, {
      action: 'case.transfer.withdraw',
      outcome: 'success',
      targetType: 'case_transfer',
      targetId: id,
      details: { caseId: t.caseId, fromOrganizationId: t.fromOrganizationId, toOrganizationId: t.toOrganizationId },
    });
  });
  return full(ctx, ctx.db, cipher, (await findTransferHead(ctx.db, id))!, 'sender');
}
