// services.search_text: the lower-cased words a search matches (trigram index): the service's
// name, alternate name and description, its organisation's name and acronym, and the names of its
// taxonomy terms in Indonesian and English. Rebuilt in SQL, in the transaction of every write to a
// service, and for all of an organisation's services when the organisation's name changes.
import { sql, type SQL } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';

async function rebuild(db: DbHandle, where: SQL, touch: boolean) {
  await db.execute(sql`
    update services s
       set search_text = lower(concat_ws(' ', s.name, s.alternate_name, s.description, o.name, o.acronym,
             (select string_agg(t.name_id || ' ' || t.name_en, ' ' order by t.sort)
                from taxonomy_terms t where t.id = any(s.term_ids))))
           ${touch ? sql`, updated_at = now()` : sql``}
      from organizations o
     where o.id = s.organization_id and ${where}`);
}

/** Rebuilds the search text of one service (call after writing it, in the same transaction). */
export function refreshServiceSearchText(db: DbHandle, serviceId: string) {
  return rebuild(db, sql`s.id = ${serviceId}`, false);
}

/** Rebuilds the search text of many services at once (bulk loads: the demo directory, the benchmark). */
export function refreshSearchTextOf(db: DbHandle, serviceIds: readonly string[]) {
  return rebuild(db, sql`s.id = any(${`{${serviceIds.join(',')}}`}::uuid[])`, false);
}

/**
 * An organisation's name or acronym changed: rebuilds the search text of its services and moves
 * their updated_at, since published service records (HSDS) carry the organisation's name and
 * harvesters ask for what changed after a moment.
 */
export function organizationRenamed(db: DbHandle, organizationId: string) {
  return rebuild(db, sql`s.organization_id = ${organizationId}`, true);
}
