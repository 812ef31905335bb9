// The directory's closed lists, free of imports so that the web app reads the same lists the API
// validates. Labels live in the web catalogues (directory/locale) under the same codes.

/** HSDS service status values, as HSDS spells them. */
export const serviceStatuses = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];

export const costKinds = ['free', 'fee', 'sliding_scale'] as const;
export type CostKind = (typeof costKinds)[number];

/** Documents a provider may ask for. */
export const requiredDocumentCodes = [
  'ktp',
  'family_card',
  'birth_certificate',
  'passport',
  'splp',
  'referral_letter',
  'police_report',
  'medical_certificate',
  'bpjs_card',
  'photo',
  'village_letter',
] as const;
export type RequiredDocument = (typeof requiredDocumentCodes)[number];

/** Sexes a service may be limited to; none listed means everyone. */
export const eligibleSexes = ['female', 'male'] as const;

/** Days of the week, ISO order (1 = Monday), for opening hours. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** Languages services commonly offer (ISO 639-1 or 639-3 where no two-letter code exists). */
export const serviceLanguages = ['id', 'jv', 'su', 'mad', 'ban', 'bug', 'min', 'sas', 'en', 'ms', 'ar', 'zh', 'tl', 'km', 'my', 'vi', 'th', 'bn'] as const;

/** Kinds of a service's phone number. */
export const phoneKinds = ['voice', 'whatsapp', 'sms', 'hotline'] as const;
export type PhoneKind = (typeof phoneKinds)[number];

/** A service not confirmed for this many days is shown as due for a check. */
export const confirmationDueDays = 90;
