// Signing in and out, activation, first-run setup, password changes and two-factor enrolment.
import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import { hashToken, newToken } from '../platform/crypto/tokens.js';
import { oneTimeTokens, organizations, recoveryCodes, users } from '../platform/db/schema.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest, conflict, HttpError, notFound } from '../platform/http/errors.js';
import { assignableRoles, permissionsOf, scopesUsableBy, totpRequiredFor } from '../policy/policy.js';
import { findUser, findUserByEmail } from '../users/dal.js';
import { clearFailures, isLockedOut, recordFailure } from './lockout.js';
import { burnPasswordCheck, hashPassword, passwordMessages, passwordProblem, verifyPassword } from './passwords.js';
import { createSession, listLiveSessions, revokeAllSessions, revokeOwnSession, revokeSession } from './sessions.js';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, totpEnrolment } from './totp.js';

export const ACTIVATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const invalidCredentials = () => new HttpError(401, 'invalid_credentials', 'The email or password is not correct.');

/** Refuses a weak password with a reason under `fields[field]`. */
export function assertPasswordAcceptable(password: string, userInputs: string[], field = 'password') {
  const problem = passwordProblem(password, userInputs);
  if (problem) throw badRequest(passwordMessages[problem], { [field]: problem });
}


export async function login(ctx: Ctx, input: { email: string; password: string; totp?: string }, cipher: FieldCipher) {
  const { db } = ctx;
  const fail = async (reason: string, userId?: string, orgId?: string) => {
    await recordFailure(db, input.email, ctx.ip);
    const target = userId ? { targetType: 'user', targetId: userId, organizationId: orgId } : {};
    await ctx.audit(db, { action: 'auth.login', outcome: 'failure', ...target, details: { reason } });
  };
  if (await isLockedOut(db, input.email, ctx.ip)) {
    await ctx.audit(db, { action: 'auth.login', outcome: 'failure', details: { reason: 'locked_out' } });
    throw new HttpError(401, 'locked_out', 'Too many failed attempts. Try again in 15 minutes.');
  }
  const user = await findUserByEmail(db, input.email);
  const orgActive = user ? await organizationActive(db, user.organizationId) : false;
  if (!user || !orgActive || user.kind !== 'person' || user.status !== 'active' || !user.passwordHash) {
    await burnPasswordCheck(input.password);
    await fail('invalid_credentials');
    throw invalidCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await fail('invalid_credentials', user.id, user.organizationId);
    throw invalidCredentials();
  }
  if (user.totpSecret) {
    if (!input.totp) throw new HttpError(401, 'totp_required', 'Enter the code from your authenticator app.');
    const ok = await useSecondFactor(db, user, input.totp, cipher);
    if (!ok) {
      await fail('totp_invalid', user.id, user.organizationId);
      throw new HttpError(401, 'totp_invalid', 'The authentication code is not correct.');
    }
  }
  await clearFailures(db, input.email);
  return db.transaction(async (tx) => {
    const session = await createSession(tx, user.id, { ip: ctx.ip, userAgent: ctx.userAgent });
    await appendFor(ctx, tx, user, { action: 'auth.login', outcome: 'success', targetType: 'session', targetId: session.id });
    return { session, userId: user.id };
  });
}

type UserRow = typeof users.$inferSelect;

async function organizationActive(db: DbHandle, id: string) {
  const [o] = await db.select({ active: organizations.active }).from(organizations).where(eq(organizations.id, id));
  return !!o?.active;
}

function appendFor(ctx: Ctx, tx: DbHandle, user: Pick<UserRow, 'id' | 'organizationId'>, event: Parameters<Ctx['audit']>[1]) {
  return ctx.audit(tx, { actorId: user.id, actorKind: 'user', organizationId: user.organizationId, ...event });
}

/** A TOTP code (never the same one twice) or an unused recovery code. */
async function useSecondFactor(db: DbHandle, user: UserRow, code: string, cipher: FieldCipher): Promise<boolean> {
  // Recovery codes have ten characters (xxxxx-xxxxx); TOTP codes six digits.
  if (normaliseRecoveryCode(code).length === 10) {
    const [rc] = await db
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    return !!rc;
  }
  const step = await checkTotp(cipher.decrypt(user.totpSecret!), code, user.totpLastStep);
  if (step === null) return false;
  await db.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
  return true;
}

export async function logout(ctx: Ctx) {
  const actor = ctx.who();
  if (!actor.sessionId) return;
  await ctx.db.transaction(async (tx) => {
    await revokeSession(tx, actor.sessionId!);
    await ctx.audit(tx, { action: 'auth.logout', outcome: 'success', targetType: 'session', targetId: actor.sessionId });
  });
}

export async function issueOneTimeToken(db: DbHandle, purpose: 'activation' | 'setup', userId: string | null, ttlMs: number) {
  const token = newToken();
  // A new token replaces any earlier unused one for the same purpose and user.
  await db
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(
      and(eq(oneTimeTokens.purpose, purpose), userId ? eq(oneTimeTokens.userId, userId) : isNull(oneTimeTokens.userId), isNull(oneTimeTokens.usedAt)),
    );
  await db.insert(oneTimeTokens).values({ tokenHash: hashToken(token), purpose, userId, expiresAt: new Date(Date.now() + ttlMs) });
  return token;
}

/** Marks a one-time token used and returns it, or null when unknown, used or expired. */
async function consumeToken(tx: DbHandle, purpose: string, token: string) {
  const [t] = await tx
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashToken(token)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, sql`now()`),
      ),
    )
    .returning();
  return t ?? null;
}

const invalidToken = () => new HttpError(400, 'invalid_token', 'This link is invalid, expired or already used.', { token: 'invalid_token' });

export async function activate(ctx: Ctx, input: { token: string; password: string }) {
  await ctx.db.transaction(async (tx) => {
    const t = await consumeToken(tx, 'activation', input.token);
    if (!t?.userId) throw invalidToken();
    const [user] = await tx.select().from(users).where(eq(users.id, t.userId));
    if (!user || user.status === 'deactivated' || user.kind !== 'person') throw invalidToken();
    assertPasswordAcceptable(input.password, [user.email, user.displayName]);
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(input.password), passwordChangedAt: new Date(), status: 'active', updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    await revokeAllSessions(tx, user.id);
    await appendFor(ctx, tx, user, { action: 'auth.activate', outcome: 'success', targetType: 'user', targetId: user.id });
  });
}

export async function hasAnyUser(db: DbHandle) {
  const [{ n }] = await db.select({ n: count() }).from(users);
  return n > 0;
}

export async function setupStatus(db: DbHandle, token: string) {
  if (await hasAnyUser(db)) return false;
  const [t] = await db
    .select({ h: oneTimeTokens.tokenHash })
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.tokenHash, hashToken(token)), eq(oneTimeTokens.purpose, 'setup'), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, sql`now()`)));
  return !!t;
}

export interface FirstAdmin {
  organization: { name: string; acronym?: string | null };
  displayName: string;
  email: string;
  password: string;
}

/** Creates the first organisation and system administrator; refuses once any user exists. */
export async function createFirstAdmin(tx: DbHandle, input: FirstAdmin) {
  if (await hasAnyUser(tx)) throw conflict('Pulang is already set up.', 'already_set_up');
  assertPasswordAcceptable(input.password, [input.email, input.displayName]);
  const [org] = await tx
    .insert(organizations)
    .values({ name: input.organization.name, acronym: input.organization.acronym ?? null, type: 'ministry', level: 'national' })
    .returning();
  const [user] = await tx
    .insert(users)
    .values({
      organizationId: org.id,
      email: input.email,
      displayName: input.displayName,
      roles: ['system_admin'],
      passwordHash: await hashPassword(input.password),
      passwordChangedAt: new Date(),
      status: 'active',
    })
    .returning();
  return { org, user };
}

export async function setup(ctx: Ctx, input: FirstAdmin & { token: string }) {
  await ctx.db.transaction(async (tx) => {
    // Serialise concurrent attempts: only the first visitor creates the account.
    await tx.execute(sql`select pg_advisory_xact_lock(815020002)`);
    if (await hasAnyUser(tx)) throw invalidToken();
    if (!(await consumeToken(tx, 'setup', input.token))) throw invalidToken();
    const { org, user } = await createFirstAdmin(tx, input);
    await appendFor(ctx, tx, user, { action: 'auth.setup', outcome: 'success', targetType: 'user', targetId: user.id, details: { organizationId: org.id } });
  });
}

export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }) {
  const actor = ctx.who();
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, actor.userId));
    if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
      throw badRequest('The current password is not correct.', { currentPassword: 'wrong_password' });
    assertPasswordAcceptable(input.newPassword, [user.email, user.displayName], 'newPassword');
    if (await verifyPassword(user.passwordHash, input.newPassword)) throw badRequest('Choose a password you have not used here.', { newPassword: 'same_as_current' });
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(input.newPassword), passwordChangedAt: new Date(), updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    // Every other session ends; the one that changed the password stays signed in.
    await revokeAllSessions(tx, user.id, actor.sessionId);
    await ctx.audit(tx, { action: 'auth.password.change', outcome: 'success', targetType: 'user', targetId: user.id });
  });
}

async function requirePassword(tx: DbHandle, userId: string, password: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound();
  if (!(await verifyPassword(user.passwordHash, password))) throw badRequest('The password is not correct.', { password: 'wrong_password' });
  return user;
}

export async function enrolTotp(ctx: Ctx, cipher: FieldCipher) {
  const actor = ctx.who();
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (user.totpSecret) throw conflict('Two-factor authentication is already on.', 'totp_already_enabled');
  const secret = newTotpSecret();
  await ctx.db.update(users).set({ totpPendingSecret: cipher.encrypt(secret) }).where(eq(users.id, user.id));
  return totpEnrolment(secret, user.email);
}

async function replaceRecoveryCodes(tx: DbHandle, userId: string) {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })));
  return codes;
}

export async function confirmTotp(ctx: Ctx, code: string, cipher: FieldCipher) {
  const actor = ctx.who();
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, actor.userId));
    if (!user.totpPendingSecret) throw conflict('Start the enrolment first.', 'totp_not_enrolling');
    const step = await checkTotp(cipher.decrypt(user.totpPendingSecret), code);
    if (step === null) throw badRequest('The authentication code is not correct.', { code: 'totp_invalid' });
    await tx
      .update(users)
      .set({ totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step, updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    const codes = await replaceRecoveryCodes(tx, user.id);
    await ctx.audit(tx, { action: 'auth.totp.enable', outcome: 'success', targetType: 'user', targetId: user.id });
    return codes;
  });
}

export async function disableTotp(ctx: Ctx, password: string) {
  const actor = ctx.who();
  if (totpRequiredFor(actor.roles)) throw conflict('Two-factor authentication is required for your role.', 'totp_required_for_role');
  await ctx.db.transaction(async (tx) => {
    await requirePassword(tx, actor.userId, password);
    await clearTotp(tx, actor.userId);
    await ctx.audit(tx, { action: 'auth.totp.disable', outcome: 'success', targetType: 'user', targetId: actor.userId });
  });
}

export async function clearTotp(tx: DbHandle, userId: string) {
  await tx
    .update(users)
    .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: new Date(), version: sql`${users.version} + 1` })
    .where(eq(users.id, userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

export async function regenerateRecoveryCodes(ctx: Ctx, password: string) {
  const actor = ctx.who();
  return ctx.db.transaction(async (tx) => {
    const user = await requirePassword(tx, actor.userId, password);
    if (!user.totpSecret) throw conflict('Turn on two-factor authentication first.', 'totp_not_enabled');
    const codes = await replaceRecoveryCodes(tx, user.id);
    await ctx.audit(tx, { action: 'auth.recovery_codes.regenerate', outcome: 'success', targetType: 'user', targetId: user.id });
    return codes;
  });
}

/** The caller's own live sessions, the current one marked. */
export async function mySessions(ctx: Ctx) {
  const actor = ctx.who();
  const rows = await listLiveSessions(ctx.db, actor.userId);
  return rows.map((r) => ({ ...r, current: r.id === actor.sessionId }));
}

export async function endMySession(ctx: Ctx, id: string) {
  const actor = ctx.who();
  await ctx.db.transaction(async (tx) => {
    // Only one's own sessions: anyone else's answers as if it did not exist.
    if (!(await revokeOwnSession(tx, actor.userId, id))) throw notFound();
    await ctx.audit(tx, { action: 'auth.session.revoke', outcome: 'success', targetType: 'session', targetId: id });
  });
}

export async function endMyOtherSessions(ctx: Ctx) {
  const actor = ctx.who();
  return ctx.db.transaction(async (tx) => {
    const revoked = await revokeAllSessions(tx, actor.userId, actor.sessionId);
    await ctx.audit(tx, { action: 'auth.session.revoke_others', outcome: 'success', targetType: 'user', targetId: actor.userId, details: { revoked } });
    return revoked;
  });
}

/** The signed-in user, organisation, roles and what they may do: everything the web app needs to draw itself. */
export async function me(ctx: Ctx) {
  const actor = ctx.who();
  const user = await findUser(ctx.db, actor.userId);
  const [org] = await ctx.db
    .select({ id: organizations.id, name: organizations.name, acronym: organizations.acronym })
    .from(organizations)
    .where(eq(organizations.id, actor.organizationId));
  return {
    user: user!,
    organization: org,
    roles: [...actor.roles],
    permissions: permissionsOf(actor),
    assignableRoles: assignableRoles(actor),
    apiScopes: scopesUsableBy(actor),
    totpRequired: totpRequiredFor(actor.roles),
    session: actor.sessionId ? { expiresAt: actor.sessionExpiresAt ?? null } : null,
  };
}

/** Own display name and language. */
export async function updateOwnProfile(ctx: Ctx, input: { displayName?: string; locale?: 'id' | 'en' }) {
  const actor = ctx.who();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ ...input, updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, actor.userId));
    await ctx.audit(tx, { action: 'user.update', outcome: 'success', targetType: 'user', targetId: actor.userId, details: { fields: Object.keys(input) } });
  });
  return me(ctx);
}
