// The hash chain: each entry's hash covers its own fields and the hash of the entry before,
// so an altered, inserted or deleted row breaks every hash after it.
import { createHash } from 'node:crypto';

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

export function entryHash(prevHash: string, e: ChainedFields): string {
  // Only the chained fields: a row read back also carries prev_hash and hash, which must not count.
  const { seq, at, actorId, actorKind, organizationId, action, outcome, targetType, targetId, ip, requestId, details } = e;
  const body = canonical({ seq, at: at.toISOString(), actorId, actorKind, organizationId, action, outcome, targetType, targetId, ip, requestId, details });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
