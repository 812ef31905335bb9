// The day a person arrived: recorded by the return journey (or by hand for someone already home),
// and the start of the sustainability surveys' schedule.
import { eq, sql } from 'drizzle-orm';
import type { DbHandle } from '../../platform/db/client.js';
import { cases } from '../../platform/db/schema.js';

/**
 * Records the arrival day of a case and (re)schedules its sustainability surveys from it, inside
 * the caller's transaction. The caller has checked access and audits the change.
 */
export async function recordArrival(tx: DbHandle, caseId: string, arrivedOn: string): Promise<void> {
  await tx.update(cases).set({ arrivedOn, updatedAt: sql`now()` }).where(eq(cases.id, caseId));
}
