// What a referral shares of the person now, and the person as the receiver sees it. The fields
// chosen at sending stay within what the person's current consent of the referral's purpose
// allows (referral_sharing, or job_matching for a candidacy put forward to an employer):
// withdrawing the consent (or a later refusal) stops sharing from then on. A supervisor's
// override stands as chosen. After an ended referral's grace period nothing personal is shown.
// Both sides see the same projection: the sender sees exactly what travels.
import { eq } from 'drizzle-orm';
import { activeConsent, type ActiveConsent } from '../case-records/consents.js';
import type { ConsentPurpose } from '../case-records/consent-vocabulary.js';
import { sharedSkillsProfile } from '../employment/profiles/shared.js';
import { birthOf, todayInJakarta } from '../cases/derived.js';
import { ageOn } from '../cases/priority.js';
import { homeAreas } from '../persons/dal.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { DbHandle } from '../platform/db/client.js';
import { caseScreenings, cases, personDocuments, persons } from '../platform/db/schema.js';
import { accessUntil } from './lifecycle.js';
import type { ReferralPerson } from './schema.js';
import { ageBandOf, fieldsAllowedBy, referralFieldCodes, type ReferralField } from './vocabulary.js';

/** Whether the receiver may still see anything personal: while open, and during the grace period after it ended. */
export function personalVisible(endedAt: Date | null, now = new Date()): boolean {
  const until = accessUntil(endedAt);
  return !until || now.getTime() <= until.getTime();
}

/**
 * The fields the receiver sees now: the chosen ones, within what the current consent allows
 * (the chosen ones as they are for an override), and none after the grace period.
 * `consentFields` are the consent-vocabulary codes of the decisive consent, or null when none is given.
 */
export function visibleFieldsOf(
  r: { sharedFields: readonly string[]; overridden: boolean; endedAt: Date | null },
  consentFields: readonly string[] | null,
  now = new Date(),
): ReferralField[] {
  if (!personalVisible(r.endedAt, now)) return [];
  const chosen = referralFieldCodes.filter((f) => r.sharedFields.includes(f));
  if (r.overridden) return chosen;
  if (!consentFields) return [];
  const allowed = fieldsAllowedBy(consentFields);
  return chosen.filter((f) => allowed.includes(f));
}

/** The purposes a referral can be sent under: an ordinary referral, or a candidacy (employment/candidacies). */
export type ReferralConsentPurpose = Extract<ConsentPurpose, 'referral_sharing' | 'job_matching'>;

/**
 * The decisive consent for sharing the case with the recipient now (the one rule: consents.ts),
 * for the purpose the referral was sent under (referrals.consent_purpose).
 */
export function currentConsent(
  db: DbHandle,
  caseId: string,
  to: { id: string; type: string },
  purpose: ReferralConsentPurpose | string = 'referral_sharing',
): Promise<ActiveConsent | null> {
  return activeConsent(db, caseId, purpose as ReferralConsentPurpose, { organizationId: to.id, organizationType: to.type });
}

/** The first word of a full name. */
export const firstNameOf = (fullName: string) => fullName.trim().split(/\s+/)[0] ?? '';

/**
 * The person (and the parts of the case) as far as `fields` reach: only those keys are present,
 * and only their values are decrypted. No access check: the caller has decided the side.
 */
export async function projectPerson(
  db: DbHandle,
  cipher: FieldCipher,
  caseId: string,
  fields: readonly ReferralField[],
  today = todayInJakarta(),
): Promise<ReferralPerson> {
  const has = (f: ReferralField) => fields.includes(f);
  const out: ReferralPerson = {};
  if (!fields.some((f) => f !== 'needs')) return out;
  const [p] = await db
    .select({ person: persons, summaryEnc: cases.summaryEnc })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(eq(cases.id, caseId));
  if (!p) return out;
  const person = p.person;
  if (has('first_name') || has('full_name')) {
    const fullName = cipher.decrypt(person.fullNameEnc);
    if (has('first_name')) out.firstName = firstNameOf(fullName) || null;
    if (has('full_name')) out.fullName = fullName;
  }
  if (has('sex')) out.sex = person.sex;
  const birth = birthOf(person);
  if (has('age_band')) out.ageBand = birth ? ageBandOf(ageOn(birth, today)) : null;
  if (has('birth_date')) out.birthDate = birth?.kind === 'exact' ? birth.date : person.birthYear !== null ? String(person.birthYear) : null;
  if (has('languages')) out.languages = person.languages;
  if (has('contact')) out.phones = person.phonesEnc ? (JSON.parse(cipher.decrypt(person.phonesEnc)) as string[]) : [];
  if (has('home_area')) {
    const code = person.homeVillageCode;
    const area = code ? (await homeAreas(db, [code])).get(code) : undefined;
    out.homeArea = code && area ? { code, ...area } : null;
  }
  if (has('home_address')) out.homeAddress = person.homeAddressEnc ? cipher.decrypt(person.homeAddressEnc) : null;
  if (has('identity_documents')) {
    const docs = await db
      .select({ type: personDocuments.type, numberEnc: personDocuments.numberEnc })
      .from(personDocuments)
      .where(eq(personDocuments.personId, person.id))
      .orderBy(personDocuments.createdAt, personDocuments.id);
    out.identityDocuments = docs.map((d) => ({ type: d.type, number: cipher.decrypt(d.numberEnc) }));
  }
  if (has('disabilities')) out.disabilities = person.disabilities;
  if (has('screening')) {
    const [s] = await db
      .select({ exploitationTypes: caseScreenings.exploitationTypes, determination: caseScreenings.determination })
      .from(caseScreenings)
      .where(eq(caseScreenings.caseId, caseId));
    out.screening = s ? { exploitationTypes: s.exploitationTypes, determination: s.determination } : null;
  }
  if (has('case_summary')) out.caseSummary = p.summaryEnc ? cipher.decrypt(p.summaryEnc) : null;
  // The work-related codes only (employment/profiles/shared.ts): never constraints or notes.
  if (has('skills_profile')) out.skillsProfile = await sharedSkillsProfile(db, caseId);
  return out;
}
