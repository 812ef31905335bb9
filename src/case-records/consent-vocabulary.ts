// The consent vocabularies, free of imports so that the web app reads the same lists the API validates.

export const consentPurposes = ['case_management', 'referral_sharing', 'follow_up_contact', 'statistics'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
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
  'identity_documents',
  'disabilities',
  'needs',
  'screening',
  'case_summary',
] as const;
