// Every encrypted column, and re-encryption of all of them under the current key (key rotation).
// A domain that adds an encrypted column registers it here, so rotation never misses one.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { FieldCipher } from './fields.js';

export const encryptedColumns: { table: string; id: string; columns: string[] }[] = [
  { table: 'users', id: 'id', columns: ['totp_secret', 'totp_pending_secret'] },
  {
    table: 'persons',
    id: 'id',
    columns: ['full_name_enc', 'other_names_enc', 'phones_enc', 'home_address_enc', 'emergency_contact_enc', 'disability_note_enc'],
  },
  { table: 'person_documents', id: 'id', columns: ['number_enc'] },
  { table: 'cases', id: 'id', columns: ['summary_enc'] },
  { table: 'case_events', id: 'id', columns: ['note_enc'] },
  { table: 'case_screenings', id: 'case_id', columns: ['notes_enc'] },
  { table: 'case_needs', id: 'id', columns: ['description_enc'] },
  { table: 'case_notes', id: 'id', columns: ['body_enc'] },
  { table: 'case_tasks', id: 'id', columns: ['title_enc', 'details_enc'] },
  { table: 'case_attachments', id: 'id', columns: ['file_name_enc'] },
  { table: 'case_consents', id: 'id', columns: ['given_by_enc', 'witness_enc', 'withdrawal_reason_enc'] },
  { table: 'referrals', id: 'id', columns: ['message_enc', 'override_justification_enc', 'review_note_enc'] },
  { table: 'referral_events', id: 'id', columns: ['note_enc'] },
  {
    table: 'return_journeys',
    id: 'id',
    columns: ['medical_note_enc', 'escort_name_enc', 'received_by_enc', 'handover_contact_enc', 'handover_note_enc', 'notes_enc'],
  },
  { table: 'journey_documents', id: 'id', columns: ['number_enc'] },
  { table: 'journey_legs', id: 'id', columns: ['reference_enc'] },
  { table: 'journey_events', id: 'id', columns: ['note_enc'] },
  { table: 'case_transfers', id: 'id', columns: ['reason_enc', 'answer_note_enc'] },
  { table: 'reintegration_plans', id: 'id', columns: ['goal_enc', 'change_note_enc', 'decision_note_enc'] },
  { table: 'plan_items', id: 'id', columns: ['what_enc', 'outcome_enc'] },
  { table: 'sustainability_surveys', id: 'id', columns: ['answers_enc'] },
  { table: 'legal_tracks', id: 'id', columns: ['police_report_number_enc', 'protection_note_enc'] },
  { table: 'legal_events', id: 'id', columns: ['note_enc'] },
  { table: 'case_closures', id: 'id', columns: ['reason_enc', 'decision_note_enc'] },
  { table: 'organizations', id: 'id', columns: ['suspension_note_enc'] },
  { table: 'skills_profiles', id: 'id', columns: ['constraints_note_enc', 'notes_enc'] },
  { table: 'candidacy_events', id: 'id', columns: ['note_enc'] },
  { table: 'placement_follow_ups', id: 'id', columns: ['note_enc'] },
];

/** Binary encrypted columns (FieldCipher.encryptBytes), each with the column holding its key version. */
export const encryptedBinaryColumns: { table: string; id: string; column: string; versionColumn: string }[] = [
  { table: 'case_attachments', id: 'id', column: 'content', versionColumn: 'content_key_version' },
];

type Row = Record<string, string | null>;

/** Re-encrypts, in batches, every value not yet under the current key; returns how many values changed. */
export async function reencryptAll(db: Db, cipher: FieldCipher, batch = 500): Promise<number> {
  const prefix = `v${cipher.current}:`;
  let changed = 0;
  for (const { table, id, columns } of encryptedColumns) {
    const stale = sql.join(
      columns.map((c) => sql`(${sql.identifier(c)} is not null and ${sql.identifier(c)} not like ${`${prefix}%`})`),
      sql` or `,
    );
    for (;;) {
      const n = await db.transaction(async (tx) => {
        const res = (await tx.execute(
          sql`select ${sql.identifier(id)} as id, ${sql.join(columns.map((c) => sql.identifier(c)), sql`, `)} from ${sql.identifier(table)} where ${stale} limit ${batch} for update`,
        )) as unknown as { rows: Row[] };
        for (const row of res.rows) {
          const set = columns.map((c) => {
            const v = row[c];
            const next = v && !v.startsWith(prefix) ? cipher.encrypt(cipher.decrypt(v)) : v;
            if (next !== v) changed++;
            return sql`${sql.identifier(c)} = ${next}`;
          });
          await tx.execute(sql`update ${sql.identifier(table)} set ${sql.join(set, sql`, `)} where ${sql.identifier(id)} = ${row.id}`);
        }
        return res.rows.length;
      });
      if (n < batch) break;
    }
  }
  for (const { table, id, column, versionColumn } of encryptedBinaryColumns) {
    for (;;) {
      const n = await db.transaction(async (tx) => {
        const res = (await tx.execute(
          sql`select ${sql.identifier(id)} as id, ${sql.identifier(column)} as content, ${sql.identifier(versionColumn)} as version from ${sql.identifier(table)} where ${sql.identifier(versionColumn)} <> ${cipher.current} limit ${Math.max(1, Math.floor(batch / 50))} for update`,
        )) as unknown as { rows: { id: string; content: Buffer | Uint8Array; version: number }[] };
        for (const row of res.rows) {
          const plain = cipher.decryptBytes(Buffer.from(row.content), Number(row.version));
          await tx.execute(
            sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${cipher.encryptBytes(plain)}, ${sql.identifier(versionColumn)} = ${cipher.current} where ${sql.identifier(id)} = ${row.id}`,
          );
          changed++;
        }
        return res.rows.length;
      });
      if (n === 0) break;
    }
  }
  return changed;
}
