// The referral life cycle and its closed lists, free of imports so that the web app reads the same
// rules the API enforces.

export const referralStatuses = ['sent', 'acknowledged', 'accepted', 'declined', 'in_progress', 'completed', 'closed', 'withdrawn'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** Who may make a move: the receiving organisation or the sending one. */
export type Side = 'receiver' | 'sender';

/**
 * The allowed moves: from a status, to a status, by which side. Sent → acknowledged → accepted or
 * declined → in progress → completed (with an outcome) or closed; the sender can withdraw until
 * the work is done. Declining, completing, closing and withdrawing end the referral.
 */
export const referralTransitions: readonly { from: ReferralStatus; to: ReferralStatus; by: Side }[] = [
  { from: 'sent', to: 'acknowledged', by: 'receiver' },
  { from: 'sent', to: 'accepted', by: 'receiver' },
  { from: 'sent', to: 'declined', by: 'receiver' },
  { from: 'acknowledged', to: 'accepted', by: 'receiver' },
  { from: 'acknowledged', to: 'declined', by: 'receiver' },
  { from: 'accepted', to: 'in_progress', by: 'receiver' },
  { from: 'accepted', to: 'completed', by: 'receiver' },
  { from: 'accepted', to: 'closed', by: 'receiver' },
  { from: 'in_progress', to: 'completed', by: 'receiver' },
  { from: 'in_progress', to: 'closed', by: 'receiver' },
  { from: 'sent', to: 'withdrawn', by: 'sender' },
  { from: 'acknowledged', to: 'withdrawn', by: 'sender' },
  { from: 'accepted', to: 'withdrawn', by: 'sender' },
  { from: 'in_progress', to: 'withdrawn', by: 'sender' },
];

export const endedStatuses: readonly ReferralStatus[] = ['declined', 'completed', 'closed', 'withdrawn'];
/** Statuses in which the receiver has not yet answered (accept or decline): these can be overdue. */
export const awaitingAnswer: readonly ReferralStatus[] = ['sent', 'acknowledged'];
export const isEnded = (s: ReferralStatus) => endedStatuses.includes(s);

export const declineReasons = ['no_capacity', 'not_eligible', 'outside_area', 'other'] as const;
export type DeclineReason = (typeof declineReasons)[number];
export const outcomes = ['delivered', 'partly_delivered', 'not_delivered'] as const;
export type Outcome = (typeof outcomes)[number];
/** Why a supervisor may send without consent. */
export const overrideReasons = ['child_best_interest', 'threat_to_life'] as const;
export type OverrideReason = (typeof overrideReasons)[number];

export const urgencies = ['emergency', 'urgent', 'routine'] as const;
export type Urgency = (typeof urgencies)[number];
/** Hours the receiver has to answer, from the moment of sending. */
export const responseHours: Readonly<Record<Urgency, number>> = { emergency: 24, urgent: 72, routine: 168 };

export const contactPreferences = ['through_case_worker', 'phone', 'home_visit', 'office_visit'] as const;
export type ContactPreference = (typeof contactPreferences)[number];

/** Days after a referral ends during which the receiver still sees what was shared. */
export const graceDays = 14;

/**
 * What a referral can carry about the person, field by field. The reference, the needs addressed,
 * urgency, message and contact preference belong to the referral itself and always travel.
 * `minimum` is the default selection; `consent` is the consent field (case-records/consent-vocabulary.ts)
 * that must allow it.
 */
export const referralFields = [
  { code: 'first_name', consent: 'name', minimum: true },
  { code: 'sex', consent: 'sex', minimum: true },
  { code: 'age_band', consent: 'age', minimum: true },
  { code: 'languages', consent: 'languages', minimum: true },
  { code: 'needs', consent: 'needs', minimum: true },
  { code: 'full_name', consent: 'name', minimum: false },
  { code: 'birth_date', consent: 'birth_date', minimum: false },
  { code: 'contact', consent: 'contact', minimum: false },
  { code: 'home_area', consent: 'home_area', minimum: false },
  { code: 'home_address', consent: 'home_address', minimum: false },
  { code: 'identity_documents', consent: 'identity_documents', minimum: false },
  { code: 'disabilities', consent: 'disabilities', minimum: false },
  /** Work history, skills, languages, education, certificates and preferences (employment/profiles). */
  { code: 'skills_profile', consent: 'skills', minimum: false },
  { code: 'screening', consent: 'screening', minimum: false },
  { code: 'case_summary', consent: 'case_summary', minimum: false },
] as const;
export type ReferralField = (typeof referralFields)[number]['code'];
export const referralFieldCodes = referralFields.map((f) => f.code) as ReferralField[];
export const minimumFields = referralFields.filter((f) => f.minimum).map((f) => f.code) as ReferralField[];

/** The referral fields a consent's shared fields allow. */
export const fieldsAllowedBy = (consentFields: readonly string[]): ReferralField[] =>
  referralFields.filter((f) => consentFields.includes(f.consent)).map((f) => f.code);

/** Age bands shared instead of an age. */
export const ageBands = ['0-5', '6-11', '12-14', '15-17', '18-24', '25-34', '35-44', '45-59', '60+'] as const;
export function ageBandOf(age: number): (typeof ageBands)[number] {
  if (age < 6) return '0-5';
  if (age < 12) return '6-11';
  if (age < 15) return '12-14';
  if (age < 18) return '15-17';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 60) return '45-59';
  return '60+';
}

/** The two boxes of the referral list: what the organisation received, and what its cases sent. */
export const referralBoxes = ['incoming', 'outgoing'] as const;
export type ReferralBox = (typeof referralBoxes)[number];
/**
 * Filters of the referral list. open: not ended; awaiting: waiting for an answer (accept or
 * decline), overdue ones included; overdue: waiting past the deadline; ended: declined,
 * completed, closed or withdrawn; review: sent under a supervisor's override that no supervisor
 * has reviewed yet; all.
 */
export const referralStatusFilters = ['open', 'awaiting', 'overdue', 'ended', 'review', 'all'] as const;
export type ReferralStatusFilter = (typeof referralStatusFilters)[number];

/** Letter languages. */
export const letterLanguages = ['id', 'en'] as const;
export type LetterLanguage = (typeof letterLanguages)[number];

/**
 * Why a service ranks where it does in the suggestions, each with the ranking component it
 * belongs to. `area_unknown`: the person's home village is not recorded, so coverage cannot be judged.
 */
export const suggestionReasonCodes = [
  'serves_need',
  'covers_village',
  'covers_district',
  'covers_regency',
  'covers_province',
  'nationwide',
  'outside_area',
  'area_unknown',
  'speaks_language',
  'language_unknown',
  'no_common_language',
  'eligible',
  'not_eligible',
  'has_capacity',
  'no_capacity',
  'capacity_unknown',
  'accepts_often',
  'accepts_rarely',
  'answers_quickly',
  'answers_slowly',
  'no_record',
] as const;
export type SuggestionReasonCode = (typeof suggestionReasonCodes)[number];
/** Details of `not_eligible`: which rule of the service the person does not meet. */
export const ineligibilityDetails = ['sex', 'age', 'case_type', 'direction'] as const;
