// Server-side sessions: the browser holds a random token; the database holds only its hash.
// Idle timeout 30 minutes, absolute lifetime 12 hours, revocable one by one or all at once.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';
import { hashToken, newToken } from '../platform/crypto/tokens.js';
import { sessions } from '../platform/db/schema.js';

export const SESSION_COOKIE = 'pulang_session';
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
// last_seen_at is written at most this often, so reads do not turn into writes on every request.
const TOUCH_EVERY_MS = 60 * 1000;

export async function createSession(db: DbHandle, userId: string, meta: { ip?: string; userAgent?: string }) {
  const token = newToken();
  const now = Date.now();
  const [row] = await db
    .insert(sessions)
    .values({
      tokenHash: hashToken(token),
      userId,
      expiresAt: new Date(now + ABSOLUTE_TIMEOUT_MS),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300),
    })
    .returning({ id: sessions.id, expiresAt: sessions.expiresAt });
  return { token, id: row.id, expiresAt: row.expiresAt };
}

/** The live session for a token, touched; null when unknown, revoked, idle too long or past its lifetime. */
export async function resolveSession(db: DbHandle, token: string) {
  const [s] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)));
  if (!s) return null;
  const now = Date.now();
  if (now - s.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) {
    await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, s.id));
    return null;
  }
  if (now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, s.id));
  return s;
}

export async function revokeSession(db: DbHandle, id: string) {
  await db.update(sessions).set({ revokedAt: new Date() }).where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/** Ends every session of a user (password change, deactivation, 2FA reset); optionally keeps the caller's own. */
export async function revokeAllSessions(db: DbHandle, userId: string, exceptId?: string): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), exceptId ? sql`${sessions.id} <> ${exceptId}` : undefined))
    .returning({ id: sessions.id });
  return rows.length;
}

/** The user's live sessions: not revoked, not past their lifetime, not idle too long. */
export async function listLiveSessions(db: DbHandle, userId: string) {
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt, ip: sessions.ip, userAgent: sessions.userAgent })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, new Date(Date.now() - IDLE_TIMEOUT_MS)),
      ),
    )
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}

/** Ends one of the user's own sessions; false when there is no such live session of theirs. */
export async function revokeOwnSession(db: DbHandle, userId: string, id: string) {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}
