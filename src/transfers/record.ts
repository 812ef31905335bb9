// The sending organisation's read-only view of a transferred case: what its own users recorded up
// to the moment the receiver accepted (answeredAt), and nothing the receiving organisation added
// since. Records are kept per case, not per organisation, so "what the sender recorded" is chosen
// by author (a user of the sending organisation) and time (before the transfer); a state that may
// have changed since (a task done, a referral answered) is given as it stood at the transfer.
// No access check: the service calls requireTransferRecord first.
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { birthOf } from '../cases/derived.js';
import { homeAreas } from '../persons/dal.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { DbHandle } from '../platform/db/client.js';
import {
  caseConsents,
  caseEvents,
  caseNeeds,
  caseNotes,
  cases,
  caseScreenings,
  caseTasks,
  organizations,
  persons,
  referralEvents,
  referrals,
  services,
  users,
} from '../platform/db/schema.js';
import type { TransferHead } from './dal.js';
import type { TransferRecord } from './schema.js';

const later = (at: Date | null | undefined, moment: Date) => !!at && at.getTime() > moment.getTime();

export async function buildRecord(db: DbHandle, cipher: FieldCipher, h: TransferHead, callerId: string): Promise<TransferRecord> {
  const t = h.row;
  const at = t.answeredAt!;
  const from = t.fromOrganizationId;
  /** Users of the sending organisation: the authors whose records the view shows. */
  const senderUsers = db.select({ id: users.id }).from(users).where(eq(users.organizationId, from));

  const [c] = await db
    .select({ caseType: cases.caseType, direction: cases.direction, person: persons })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(eq(cases.id, t.caseId));
  const p = c!.person;
  const birth = birthOf(p);
  const area = p.homeVillageCode ? (await homeAreas(db, [p.homeVillageCode])).get(p.homeVillageCode) : undefined;

  // The stage when the case moved: the last stage event (or registration) before the answer.
  const [stageEvent] = await db
    .select({ toValue: caseEvents.toValue })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, t.caseId), inArray(caseEvents.kind, ['created', 'stage']), lte(caseEvents.at, at)))
    .orderBy(desc(caseEvents.at), desc(caseEvents.id))
    .limit(1);

  const author = alias(users, 'author');
  const notes = await db
    .select({ n: caseNotes, authorName: author.displayName })
    .from(caseNotes)
    .leftJoin(author, eq(author.id, caseNotes.authorId))
    .where(and(eq(caseNotes.caseId, t.caseId), lte(caseNotes.createdAt, at), inArray(caseNotes.authorId, senderUsers)))
    .orderBy(desc(caseNotes.createdAt), desc(caseNotes.id));

  const needs = await db
    .select()
    .from(caseNeeds)
    .where(and(eq(caseNeeds.caseId, t.caseId), lte(caseNeeds.createdAt, at), inArray(caseNeeds.createdById, senderUsers)))
    .orderBy(asc(caseNeeds.createdAt), asc(caseNeeds.id));

  const [screening] = await db.select().from(caseScreenings).where(eq(caseScreenings.caseId, t.caseId));

  const tasks = await db
    .select()
    .from(caseTasks)
    .where(and(eq(caseTasks.caseId, t.caseId), lte(caseTasks.createdAt, at), inArray(caseTasks.createdById, senderUsers)))
    .orderBy(asc(caseTasks.createdAt), asc(caseTasks.id));

  const recipient = alias(organizations, 'consent_recipient');
  const consents = await db
    .select({ c: caseConsents, recipientName: recipient.name })
    .from(caseConsents)
    .leftJoin(recipient, eq(recipient.id, caseConsents.recipientOrganizationId))
    .where(and(eq(caseConsents.caseId, t.caseId), lte(caseConsents.createdAt, at), inArray(caseConsents.recordedById, senderUsers)))
    .orderBy(desc(caseConsents.givenAt), desc(caseConsents.createdAt));

  const to = alias(organizations, 'referral_to');
  const sent = await db
    .select({
      r: referrals,
      toName: to.name,
      serviceName: services.name,
      // The status as it stood at the transfer: the last step before the answer.
      statusThen: sql<string | null>`(select ${referralEvents.toStatus} from ${referralEvents}
        where ${referralEvents.referralId} = ${referrals.id} and ${referralEvents.at} <= ${at.toISOString()}::timestamptz
        order by ${referralEvents.at} desc limit 1)`,
      needTypes: sql<string[]>`(select coalesce(array_agg(${caseNeeds.type} order by ${caseNeeds.createdAt}), '{}') from ${caseNeeds} where ${caseNeeds.id} = any(${referrals.needIds}))`,
    })
    .from(referrals)
    .innerJoin(to, eq(to.id, referrals.toOrganizationId))
    .leftJoin(services, eq(services.id, referrals.serviceId))
    .where(and(eq(referrals.caseId, t.caseId), lte(referrals.sentAt, at), inArray(referrals.sentById, senderUsers)))
    .orderBy(desc(referrals.sentAt), desc(referrals.id));

  const dec = (v: string | null) => (v ? cipher.decrypt(v) : null);
  return {
    transferId: t.id,
    caseReference: h.caseReference,
    caseType: c!.caseType as TransferRecord['caseType'],
    direction: c!.direction as TransferRecord['direction'],
    stageAtTransfer: (stageEvent?.toValue ?? h.caseStage) as TransferRecord['stageAtTransfer'],
    from: { id: from, name: h.fromName },
    to: { id: t.toOrganizationId, name: h.toName },
    transferredAt: at,
    person: {
      fullName: cipher.decrypt(p.fullNameEnc),
      sex: p.sex,
      birthDate: birth?.kind === 'exact' ? birth.date : p.birthYear !== null ? String(p.birthYear) : null,
      homeArea: p.homeVillageCode && area ? { code: p.homeVillageCode, ...area } : null,
    },
    // Sensitive notes only for their author: the view is not a way round case.readSensitive.
    notes: notes
      .filter(({ n }) => !n.sensitive || n.authorId === callerId)
      .map(({ n, authorName }) => ({
        id: n.id,
        type: n.type,
        sensitive: n.sensitive,
        body: cipher.decrypt(n.bodyEnc),
        contactAt: n.contactAt,
        author: n.authorId ? { id: n.authorId, displayName: authorName ?? '' } : null,
        createdAt: n.createdAt,
      })),
    needs: needs.map((n) => ({
      id: n.id,
      type: n.type,
      dimension: n.dimension,
      severity: n.severity,
      description: dec(n.descriptionEnc),
      status: later(n.updatedAt, at) ? null : n.status,
      createdAt: n.createdAt,
    })),
    // One row per case, versioned in place: shown only while it is still what the sender left.
    screening:
      screening && !later(screening.updatedAt, at)
        ? {
            exploitationTypes: screening.exploitationTypes,
            meansOfControl: screening.meansOfControl,
            recruitmentMethods: screening.recruitmentMethods,
            industries: screening.industries,
            exploitationCountries: screening.exploitationCountries,
            determination: screening.determination,
          }
        : null,
    tasks: tasks.map((k) => ({
      id: k.id,
      kind: k.kind,
      title: cipher.decrypt(k.titleEnc),
      dueOn: k.dueOn,
      // Done or cancelled before the transfer counts; anything after it was the receiver's doing.
      status: k.status !== 'open' && !later(k.completedAt ?? k.updatedAt, at) ? k.status : 'open',
      createdAt: k.createdAt,
    })),
    consents: consents.map(({ c: k, recipientName }) => ({
      id: k.id,
      purpose: k.purpose,
      decision: k.decision,
      method: k.method,
      recipientOrganization: k.recipientOrganizationId ? { id: k.recipientOrganizationId, name: recipientName ?? '' } : null,
      recipientOrganizationType: k.recipientOrganizationType,
      givenAt: k.givenAt,
      withdrawnAt: k.withdrawnAt && !later(k.withdrawnAt, at) ? k.withdrawnAt : null,
    })),
    referralsSent: sent.map(({ r, toName, serviceName, statusThen, needTypes }) => ({
      id: r.id,
      to: { id: r.toOrganizationId, name: toName },
      service: r.serviceId ? { id: r.serviceId, name: serviceName ?? '' } : null,
      needTypes: needTypes ?? [],
      urgency: r.urgency,
      status: statusThen ?? 'sent',
      sentAt: r.sentAt,
    })),
  };
}
