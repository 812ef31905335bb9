// Consent per purpose: given or refused, how (signed, verbal with a witness, by a guardian for a
// child), by whom and when, with evidence. Consents are never edited: a new decision is a new
// record, and a withdrawal takes effect at once for all future sharing (`activeConsent`).
import { and, desc, eq, isNull } from 'drizzle-orm';
import { requireCase } from '../cases/access.js';
import { birthOf, todayInJakarta } from '../cases/derived.js';
import { isChild } from '../cases/priority.js';
import type { DbHandle } from '../platform/db/client.js';
import { caseAttachments, caseConsents, cases, organizations, persons } from '../platform/db/schema.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest, conflict, notFound, type FieldErrors } from '../platform/http/errors.js';
import { namesRecipient, sharesFields } from './consent-vocabulary.js';
import { decOpt, displayNames, encOpt, isFutureMoment, refFrom } from './common.js';
import type { ConsentCreate, ConsentOut, ConsentPurpose } from './schema.js';

type Row = typeof caseConsents.$inferSelect;
type RowWithOrg = Row & { recipientOrganizationName: string | null };

const newestFirst = [desc(caseConsents.givenAt), desc(caseConsents.createdAt)];

async function rowsOf(db: DbHandle, caseId: string, consentId?: string): Promise<RowWithOrg[]> {
  const rows = await db
    .select({ c: caseConsents, recipientOrganizationName: organizations.name })
    .from(caseConsents)
    .leftJoin(organizations, eq(organizations.id, caseConsents.recipientOrganizationId))
    .where(and(eq(caseConsents.caseId, caseId), consentId ? eq(caseConsents.id, consentId) : undefined))
    .orderBy(...newestFirst);
  return rows.map((r) => ({ ...r.c, recipientOrganizationName: r.recipientOrganizationName }));
}

/** Consents answering the same question: same purpose and, for sharing, the same named organisation or type. */
const sameQuestion = (a: Row, b: Row) =>
  a.purpose === b.purpose && a.recipientOrganizationId === b.recipientOrganizationId && a.recipientOrganizationType === b.recipientOrganizationType;

/** Given, not withdrawn, and no newer standing decision (given or refused) answers the same question. `all` is newest first. */
const isActive = (r: Row, all: Row[]) =>
  r.decision === 'given' && !r.withdrawnAt && !all.some((o) => o !== r && !o.withdrawnAt && sameQuestion(o, r) && newer(o, r));

const newer = (a: Row, b: Row) =>
  a.givenAt.getTime() > b.givenAt.getTime() || (a.givenAt.getTime() === b.givenAt.getTime() && a.createdAt.getTime() > b.createdAt.getTime());

async function present(db: DbHandle, cipher: FieldCipher, rows: RowWithOrg[], all: Row[] = rows): Promise<ConsentOut[]> {
  const names = await displayNames(
    db,
    rows.flatMap((r) => [r.recordedById, r.withdrawnById]),
  );
  return rows.map((r) => ({
    id: r.id,
    purpose: r.purpose as ConsentOut['purpose'],
    recipientOrganizationId: r.recipientOrganizationId,
    recipientOrganizationName: r.recipientOrganizationName,
    recipientOrganizationType: r.recipientOrganizationType as ConsentOut['recipientOrganizationType'],
    sharedFields: r.sharedFields,
    decision: r.decision as ConsentOut['decision'],
    method: r.method as ConsentOut['method'],
    givenBy: decOpt(cipher, r.givenByEnc),
    witness: decOpt(cipher, r.witnessEnc),
    givenAt: r.givenAt,
    evidenceAttachmentId: r.evidenceAttachmentId,
    recordedBy: refFrom(names, r.recordedById),
    withdrawnAt: r.withdrawnAt,
    withdrawnBy: refFrom(names, r.withdrawnById),
    withdrawalReason: decOpt(cipher, r.withdrawalReasonEnc),
    active: isActive(r, all),
    createdAt: r.createdAt,
  }));
}

async function check(db: DbHandle, caseId: string, input: ConsentCreate): Promise<Date> {
  const fields: FieldErrors = {};
  const givenAt = new Date(input.givenAt);
  if (isFutureMoment(givenAt)) fields.givenAt = 'in_future';

  if (namesRecipient(input.purpose)) {
    if (!sharesFields(input.purpose) && input.sharedFields.length) fields.sharedFields = 'not_allowed';
    if (!input.recipientOrganizationId && !input.recipientOrganizationType) fields.recipientOrganizationId = 'required';
    else if (input.recipientOrganizationId && input.recipientOrganizationType) fields.recipientOrganizationType = 'not_allowed';
    else if (input.recipientOrganizationId) {
      const [o] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, input.recipientOrganizationId));
      if (!o) fields.recipientOrganizationId = 'unknown_organization';
    }
  } else {
    if (input.recipientOrganizationId) fields.recipientOrganizationId = 'not_allowed';
    if (input.recipientOrganizationType) fields.recipientOrganizationType = 'not_allowed';
    if (input.sharedFields.length) fields.sharedFields = 'not_allowed';
  }

  if (input.method === 'verbal_witnessed' && !input.witness) fields.witness = 'witness_required';
  if (input.method === 'guardian') {
    if (!input.givenBy) fields.givenBy = 'required';
    // A guardian decides for a child; an adult whose age is known decides for themselves.
    const [p] = await db
      .select({
        birthKind: persons.birthKind,
        birthDate: persons.birthDate,
        birthYear: persons.birthYear,
        birthAge: persons.birthAge,
        birthAgeStatedOn: persons.birthAgeStatedOn,
      })
      .from(cases)
      .innerJoin(persons, eq(persons.id, cases.personId))
      .where(eq(cases.id, caseId));
    const birth = p ? birthOf(p) : null;
    if (birth && !isChild(birth, todayInJakarta(givenAt))) fields.method = 'guardian_only_for_child';
  }

  if (input.evidenceAttachmentId) {
    const [a] = await db
      .select({ id: caseAttachments.id })
      .from(caseAttachments)
      .where(and(eq(caseAttachments.id, input.evidenceAttachmentId), eq(caseAttachments.caseId, caseId), isNull(caseAttachments.deletedAt)));
    if (!a) fields.evidenceAttachmentId = 'unknown_attachment';
  }
  if (Object.keys(fields).length) throw badRequest('Some consent fields are invalid.', fields);
  return givenAt;
}

export async function list(ctx: Ctx, cipher: FieldCipher, caseId: string) {
  await requireCase(ctx, caseId, 'case.read');
  const rows = await rowsOf(ctx.db, caseId);
  const items = await present(ctx.db, cipher, rows);
  await ctx.audit(ctx.db, { action: 'case.consents.read', outcome: 'success', targetType: 'case', targetId: caseId, details: { count: items.length } });
  return { items, total: items.length };
}

export async function create(ctx: Ctx, cipher: FieldCipher, caseId: string, input: ConsentCreate): Promise<ConsentOut> {
  await requireCase(ctx, caseId, 'case.update');
  const me = ctx.who();
  const givenAt = await check(ctx.db, caseId, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(caseConsents)
      .values({
        caseId,
        purpose: input.purpose,
        recipientOrganizationId: input.recipientOrganizationId ?? null,
        recipientOrganizationType: input.recipientOrganizationType ?? null,
        sharedFields: [...new Set(input.sharedFields)],
        decision: input.decision,
        method: input.method,
        givenByEnc: encOpt(cipher, input.givenBy),
        witnessEnc: encOpt(cipher, input.witness),
        givenAt,
        evidenceAttachmentId: input.evidenceAttachmentId ?? null,
        recordedById: me.userId,
      })
      .returning({ id: caseConsents.id });
    await ctx.audit(tx, {
      action: 'case.consent.create',
      outcome: 'success',
      targetType: 'case_consent',
      targetId: row.id,
      details: {
        caseId,
        purpose: input.purpose,
        decision: input.decision,
        method: input.method,
        recipientOrganizationId: input.recipientOrganizationId ?? null,
        recipientOrganizationType: input.recipientOrganizationType ?? null,
      },
    });
    const all = await rowsOf(tx, caseId);
    return (await present(tx, cipher, [all.find((r) => r.id === row.id)!], all))[0];
  });
}

/** Withdraws a given consent at once; a second withdrawal, or withdrawing a refusal, is a conflict. */
export async function withdraw(ctx: Ctx, cipher: FieldCipher, caseId: string, consentId: string, reason: string): Promise<ConsentOut> {
  await requireCase(ctx, caseId, 'case.update');
  const me = ctx.who();
  return ctx.db.transaction(async (tx) => {
    const [current] = await rowsOf(tx, caseId, consentId);
    if (!current) throw notFound();
    if (current.withdrawnAt)
      throw conflict('This consent has already been withdrawn.', 'already_withdrawn', { current: (await present(tx, cipher, [current], await rowsOf(tx, caseId)))[0] });
    if (current.decision !== 'given') throw conflict('Only a consent that was given can be withdrawn.', 'consent_not_given');
    const done = await tx
      .update(caseConsents)
      .set({ withdrawnAt: new Date(), withdrawnById: me.userId, withdrawalReasonEnc: cipher.encrypt(reason) })
      .where(and(eq(caseConsents.id, consentId), isNull(caseConsents.withdrawnAt)))
      .returning({ id: caseConsents.id });
    if (!done.length) throw conflict('This consent has already been withdrawn.', 'already_withdrawn');
    await ctx.audit(tx, {
      action: 'case.consent.withdraw',
      outcome: 'success',
      targetType: 'case_consent',
      targetId: consentId,
      details: { caseId, purpose: current.purpose },
    });
    const all = await rowsOf(tx, caseId);
    return (await present(tx, cipher, [all.find((r) => r.id === consentId)!], all))[0];
  });
}

export interface ActiveConsent {
  id: string;
  purpose: ConsentPurpose;
  recipientOrganizationId: string | null;
  recipientOrganizationType: string | null;
  sharedFields: string[];
  method: string;
  givenAt: Date;
  evidenceAttachmentId: string | null;
}

/**
 * The consent that currently allows `purpose` for the case, or null. The newest standing
 * (not withdrawn) decision counts: a later refusal overrides an earlier consent. For
 * referral_sharing with a recipient, a decision naming the organisation comes before one
 * about its type of organisation; without a recipient, only sharing consents are considered
 * as they are. No access check: the caller has already passed `requireCase`.
 */
export async function activeConsent(
  db: DbHandle,
  caseId: string,
  purpose: ConsentPurpose,
  recipient?: { organizationId: string; organizationType: string },
): Promise<ActiveConsent | null> {
  const standing = await db
    .select()
    .from(caseConsents)
    .where(and(eq(caseConsents.caseId, caseId), eq(caseConsents.purpose, purpose), isNull(caseConsents.withdrawnAt)))
    .orderBy(...newestFirst);
  let decisive: Row | undefined;
  if (namesRecipient(purpose) && recipient) {
    decisive =
      standing.find((r) => r.recipientOrganizationId === recipient.organizationId) ??
      standing.find((r) => !r.recipientOrganizationId && r.recipientOrganizationType === recipient.organizationType);
  } else {
    decisive = standing[0];
  }
  if (!decisive || decisive.decision !== 'given') return null;
  return {
    id: decisive.id,
    purpose: decisive.purpose as ConsentPurpose,
    recipientOrganizationId: decisive.recipientOrganizationId,
    recipientOrganizationType: decisive.recipientOrganizationType,
    sharedFields: decisive.sharedFields,
    method: decisive.method,
    givenAt: decisive.givenAt,
    evidenceAttachmentId: decisive.evidenceAttachmentId,
  };
}
