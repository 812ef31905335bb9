// The hash chain: each entry's hash covers its own fields and the hash of the entry before,
// so an altered, inserted or deleted row breaks every hash after it. The hash is keyed
// (HMAC-SHA256) with a secret kept outside the database, so someone who can write to the
// database cannot recompute a consistent chain after changing it.
import { createHmac } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: Date;
  actorId: string | null;
  actorKind: string;
  organizationId: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  requestId: string | null;
  details: unknown;
}

/** JSON with object keys sorted, so the same content always hashes the same (jsonb reorders keys). */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}

export function entryHash(key: Buffer, prevHash: string, e: ChainedFields): string {
  // Only the chained fields: a row read back also carries prev_hash and hash, which must not count.
  const { seq, at, actorId, actorKind, organizationId, action, outcome, targetType, targetId, ip, requestId, details } = e;
  const body = canonical({ seq, at: at.toISOString(), actorId, actorKind, organizationId, action, outcome, targetType, targetId, ip, requestId, details });
  return createHmac('sha256', key).update(prevHash).update('\n').update(body).digest('hex');
}

let chainKey: Buffer | undefined;

/** Sets the process's audit-chain key; done once at start-up (server, command-line tools, tests). */
export function setAuditKey(key: Buffer) {
  if (key.length < 32) throw new Error('The audit key must be at least 32 bytes.');
  chainKey = key;
}

export function auditKey(): Buffer {
  if (!chainKey) throw new Error('The audit-chain key was not set (setAuditKey) before the audit log was used.');
  return chainKey;
}
