// Case references: PUL-YYYY-NNNNNN, numbered per year (the year of registration in Indonesia's
// western time zone). The counter row is incremented by one statement inside the creating
// transaction, so two concurrent registrations wait for each other on the row lock and never
// get the same number; a rolled-back registration leaves a gap, which is harmless.
import { sql } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';
import { todayInJakarta } from './derived.js';

export const referencePattern = /^PUL-\d{4}-\d{6,}$/;

export function formatReference(year: number, n: number): string {
  return `PUL-${year}-${String(n).padStart(6, '0')}`;
}

/** The next reference of the year; call inside the transaction that inserts the case. */
export async function nextReference(tx: DbHandle, year = Number(todayInJakarta().slice(0, 4))): Promise<string> {
  const res = (await tx.execute(
    sql`insert into case_reference_counters (year, last) values (${year}, 1)
        on conflict (year) do update set last = case_reference_counters.last + 1
        returning last`,
  )) as unknown as { rows: { last: number }[] };
  return formatReference(year, Number(res.rows[0]!.last));
}
