import { z } from 'zod';
import { roles } from '../policy/policy.js';

export const roleSchema = z.enum(roles);
export const localeSchema = z.enum(['id', 'en']);
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address.' }));
export const displayNameSchema = z.string().trim().min(1, 'Enter a name.').max(120);
export const uuidParam = z.object({ id: z.uuid() });
/** ISO 639-1/639-3 language codes such as id, jv, su, mad, min, bug, ban, en. */
export const languageCodes = z
  .array(z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, 'Use an ISO 639 language code such as id, jv or mad.'))
  .max(20)
  .transform((a) => [...new Set(a)]);
/** Kemendagri codes (province 33, regency 33.01, district, village) a case worker covers. */
export const areaCodeList = z
  .array(z.string().trim().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'Use a Kemendagri area code such as 33 or 33.01.'))
  .max(100)
  .transform((a) => [...new Set(a)]);

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    kind: z.enum(['person', 'service']),
    roles: z.array(roleSchema),
    status: z.enum(['pending', 'active', 'deactivated']),
    locale: localeSchema,
    /** Languages the user works in (ISO 639), for the assignment suggestion. */
    languages: z.array(z.string()),
    /** Kemendagri area codes the user covers, for the assignment suggestion. */
    areaCodes: z.array(z.string()),
    totpEnabled: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
    deactivatedAt: z.date().nullable(),
  })
  .meta({ id: 'User' });
export type UserOut = z.infer<typeof userSchema>;
