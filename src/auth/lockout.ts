// Brute-force guard: 5 failed logins within 15 minutes lock the account, and separately the client
// address, for 15 minutes. The answer is the same whether or not the account exists.
import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';
import { loginFailures } from '../platform/db/schema.js';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

const emailKey = (email: string) => email.trim().toLowerCase();

/** Locked when either the account or the address has reached the limit within the window. */
export async function isLockedOut(db: DbHandle, email: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - WINDOW_MS);
  const [byEmail] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.emailKey, emailKey(email)), gt(loginFailures.at, since)));
  if (byEmail.n >= MAX_FAILURES) return true;
  const [byIp] = await db.select({ n: count() }).from(loginFailures).where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, since)));
  return byIp.n >= MAX_FAILURES;
}

export async function recordFailure(db: DbHandle, email: string, ip: string) {
  await db.insert(loginFailures).values({ emailKey: emailKey(email), ip });
  // Old rows are of no further use.
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(Date.now() - 24 * 60 * 60 * 1000)));
}

export async function clearFailures(db: DbHandle, email: string) {
  await db.delete(loginFailures).where(eq(loginFailures.emailKey, emailKey(email)));
}
