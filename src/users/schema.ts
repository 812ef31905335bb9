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
    totpEnabled: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
    deactivatedAt: z.date().nullable(),
  })
  .meta({ id: 'User' });
export type UserOut = z.infer<typeof userSchema>;
