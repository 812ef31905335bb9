// The partner's gate: before a partner's user does anything employment-related, their organisation
// must not be suspended and they must have accepted the current code of conduct. Every employment
// service a partner calls passes here after its policy check; others pass straight through.
import { and, eq } from 'drizzle-orm';
import type { DbHandle } from '../../platform/db/client.js';
import { codeOfConductAcceptances, organizations } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/http/context.js';
import { HttpError } from '../../platform/http/errors.js';
import { reachOf } from '../../policy/policy.js';
import { codeOfConduct } from '../vocabulary.js';

export const codeOfConductRequired = () =>
  new HttpError(403, 'code_of_conduct_required', 'Read and accept the code of conduct for partners first.');
export const partnerSuspended = () =>
  new HttpError(403, 'partner_suspended', 'Your organisation is suspended from the employment network; contact the network administrator.');

export async function hasAcceptedCode(db: DbHandle, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: codeOfConductAcceptances.id })
    .from(codeOfConductAcceptances)
    .where(and(eq(codeOfConductAcceptances.userId, userId), eq(codeOfConductAcceptances.version, codeOfConduct.version)));
  return !!row;
}

export async function isSuspended(db: DbHandle, organizationId: string): Promise<boolean> {
  const [row] = await db.select({ suspendedAt: organizations.suspendedAt }).from(organizations).where(eq(organizations.id, organizationId));
  return !!row?.suspendedAt;
}

/** Throws 403 partner_suspended or code_of_conduct_required for a partner's user who may not act yet. */
export async function requirePartnerReady(ctx: Ctx): Promise<void> {
  const me = ctx.who();
  // The code binds those the policy lets sign it (partners); everyone else passes straight through.
  if (!reachOf(me, 'partner.acceptCode')) return;
  if (await isSuspended(ctx.db, me.organizationId)) throw partnerSuspended();
  // A partner's own system (an API token) acts under the organisation; the code binds the people.
  if (me.kind === 'service') return;
  if (!(await hasAcceptedCode(ctx.db, me.userId))) throw codeOfConductRequired();
}
