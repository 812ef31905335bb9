// The consent vocabularies, free of imports so that the web app reads the same lists the API validates.

export const consentPurposes = ['case_management', 'referral_sharing', 'case_transfer', 'job_matching', 'follow_up_contact', 'statistics'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
/** Purposes whose consent names who receives: an organisation, or any organisation of a type. */
export const recipientPurposes = ['referral_sharing', 'case_transfer', 'job_matching'] as const satisfies readonly ConsentPurpose[];
export const namesRecipient = (purpose: string) => (recipientPurposes as readonly string[]).includes(purpose);
/**
 * Purposes whose consent lists the fields that may be shared. job_matching: to be put forward to
 * employers and training providers (a named partner, or every private-sector partner).
 */
export const fieldSharingPurposes = ['referral_sharing', 'job_matching'] as const satisfies readonly ConsentPurpose[];
export const sharesFields = (purpose: string) => (fieldSharingPurposes as readonly string[]).includes(purpose);
export const consentDecisions = ['given', 'refused'] as const;
export type ConsentDecision = (typeof consentDecisions)[number];
export const consentMethods = ['signed', 'verbal_witnessed', 'guardian'] as const;
export type ConsentMethod = (typeof consentMethods)[number];
/** What a referral may carry about the person, when a referral_sharing consent names it. */
export const consentSharedFields = [
  'name',
  'sex',
  'age',
  'birth_date',
  'contact',
  'home_area',
  'home_address',
  'languages',
  'skills',
  'identity_documents',
  'disabilities',
  'needs',
  'screening',
  'case_summary',
] as const;
