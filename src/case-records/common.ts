// Small helpers shared by the parts of a case: user references, encryption of optional values,
// the version-conflict answer, and the clock.
import { eq, inArray } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';
import { users } from '../platform/db/schema.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import { conflict } from '../platform/http/errors.js';

export { todayInJakarta } from '../cases/derived.js';

export type UserRef = { id: string; displayName: string };

/** Display names of a set of users, by ID. */
export async function displayNames(db: DbHandle, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

export const refFrom = (names: Map<string, string>, id: string | null | undefined): UserRef | null =>
  id && names.has(id) ? { id, displayName: names.get(id)! } : null;

export const encOpt = (cipher: FieldCipher, v: string | null | undefined) => (v === null || v === undefined || v === '' ? null : cipher.encrypt(v));
export const decOpt = (cipher: FieldCipher, v: string | null) => (v === null ? null : cipher.decrypt(v));

export const versionConflict = (what: string, current: unknown) =>
  conflict(`Someone else changed this ${what}; review the current values.`, 'version_conflict', { current });

/** Accepts a moment up to this much ahead of the server clock, for clients whose clocks run a little fast. */
const clockSkewMs = 5 * 60 * 1000;
export const isFutureMoment = (at: Date, now = new Date()) => at.getTime() > now.getTime() + clockSkewMs;

/** An active user of the organisation, for task assignees. */
export async function isActiveMember(db: DbHandle, userId: string, organizationId: string) {
  const [u] = await db.select({ organizationId: users.organizationId, status: users.status, kind: users.kind }).from(users).where(eq(users.id, userId));
  return !!u && u.organizationId === organizationId && u.status === 'active' && u.kind === 'person';
}
