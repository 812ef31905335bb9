// Writing, reading and verifying the audit log. Entries name who, what, when, from where and
// the outcome, with record IDs only: personal data is never copied into the log.
import { and, asc, desc, eq, gt, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';
import { auditEvents } from '../platform/db/schema.js';
import { auditKey, entryHash, GENESIS } from './chain.js';

export interface AuditEvent {
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  actorId?: string | null;
  actorKind?: 'user' | 'service' | 'anonymous' | 'system';
  organizationId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  requestId?: string | null;
  /** Codes and IDs only (reason codes, changed field names), never personal data. */
  details?: Record<string, unknown>;
}

// Serialises writers across processes and app servers; held until the surrounding transaction ends.
const CHAIN_LOCK = 815_020_001;

/** Appends one entry. Runs inside the caller's transaction when given one, so the entry commits or rolls back with the write it describes. */
export async function appendAudit(handle: DbHandle, event: AuditEvent): Promise<void> {
  const write = async (tx: DbHandle) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
    const [last] = await tx
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    const fields = {
      seq: (last?.seq ?? 0) + 1,
      at: new Date(),
      actorId: event.actorId ?? null,
      actorKind: event.actorKind ?? (event.actorId ? 'user' : 'anonymous'),
      organizationId: event.organizationId ?? null,
      action: event.action,
      outcome: event.outcome,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      ip: event.ip ?? null,
      requestId: event.requestId ?? null,
      details: event.details ?? {},
    };
    const prevHash = last?.hash ?? GENESIS;
    await tx.insert(auditEvents).values({ ...fields, prevHash, hash: entryHash(auditKey(), prevHash, fields) });
  };
  if ('rollback' in handle) await write(handle);
  else await handle.transaction(write);
}

export interface AuditFilter {
  organizationId?: string;
  actorId?: string;
  action?: string;
  outcome?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  /** Keyset paging: entries before this sequence number. */
  before?: number;
  limit: number;
}

export async function listAudit(db: DbHandle, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.organizationId) where.push(eq(auditEvents.organizationId, f.organizationId));
  if (f.actorId) where.push(eq(auditEvents.actorId, f.actorId));
  if (f.action) where.push(f.action.endsWith('.') ? sql`${auditEvents.action} like ${`${f.action}%`}` : eq(auditEvents.action, f.action));
  if (f.outcome) where.push(eq(auditEvents.outcome, f.outcome));
  if (f.targetType) where.push(eq(auditEvents.targetType, f.targetType));
  if (f.targetId) where.push(eq(auditEvents.targetId, f.targetId));
  if (f.from) where.push(gte(auditEvents.at, f.from));
  if (f.to) where.push(lte(auditEvents.at, f.to));
  if (f.before) where.push(lt(auditEvents.seq, f.before));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.seq))
    .limit(f.limit + 1);
  return { items: rows.slice(0, f.limit), nextBefore: rows.length > f.limit ? rows[f.limit - 1].seq : null };
}

export interface VerifyResult {
  intact: boolean;
  checked: number;
  lastSeq: number | null;
  brokenAt?: number;
  reason?: 'hash_mismatch' | 'chain_mismatch' | 'sequence_gap';
}

/** Walks the whole chain in order; reports the first entry that was altered, inserted or follows a deleted one. */
export async function verifyAudit(db: DbHandle, batch = 5000): Promise<VerifyResult> {
  const key = auditKey();
  let prevHash = GENESIS;
  let expectSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, expectSeq - 1))
      .orderBy(asc(auditEvents.seq))
      .limit(batch);
    for (const r of rows) {
      const broken = (reason: VerifyResult['reason']): VerifyResult => ({ intact: false, checked, lastSeq: r.seq, brokenAt: r.seq, reason });
      if (r.seq !== expectSeq) return broken('sequence_gap');
      if (r.prevHash !== prevHash) return broken('chain_mismatch');
      if (entryHash(key, prevHash, r) !== r.hash) return broken('hash_mismatch');
      prevHash = r.hash;
      expectSeq++;
      checked++;
    }
    if (rows.length < batch) return { intact: true, checked, lastSeq: checked ? expectSeq - 1 : null };
  }
}
