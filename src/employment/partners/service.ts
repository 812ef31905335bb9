// The partner's code of conduct: a partner's user reads it and accepts its current version before
// doing anything else employment-related (gate.ts). Accepting is a person's signature: API tokens
// cannot (policy.ts scopeOfAction 'partner.acceptCode': null). A suspended partner's users get 403
// partner_suspended here too. Suspension itself is on the organisation (organizations/service.ts).
import { and, eq } from 'drizzle-orm';
import { codeOfConductAcceptances } from '../../platform/db/schema.js';
import type { DbHandle } from '../../platform/db/client.js';
import type { Ctx } from '../../platform/http/context.js';
import { conflict } from '../../platform/http/errors.js';
import { codeOfConduct } from '../vocabulary.js';
import { isSuspended, partnerSuspended } from './gate.js';
import type { CodeAcceptance, CodeOfConductOut } from './schema.js';

async function acceptanceOf(db: DbHandle, userId: string) {
  const [row] = await db
    .select({ acceptedAt: codeOfConductAcceptances.acceptedAt })
    .from(codeOfConductAcceptances)
    .where(and(eq(codeOfConductAcceptances.userId, userId), eq(codeOfConductAcceptances.version, codeOfConduct.version)));
  return row ?? null;
}

const shape = (acceptedAt: Date | null): CodeOfConductOut => ({
  version: codeOfConduct.version,
  points: [...codeOfConduct.points],
  accepted: !!acceptedAt,
  acceptedAt,
});

async function requireSelf(ctx: Ctx) {
  const me = ctx.who();
  await ctx.require('partner.acceptCode', { organizationId: me.organizationId, userId: me.userId, type: 'user', id: me.userId });
  if (await isSuspended(ctx.db, me.organizationId)) throw partnerSuspended();
  return me;
}

export async function read(ctx: Ctx): Promise<CodeOfConductOut> {
  const me = await requireSelf(ctx);
  return shape((await acceptanceOf(ctx.db, me.userId))?.acceptedAt ?? null);
}

export async function accept(ctx: Ctx, input: CodeAcceptance): Promise<CodeOfConductOut> {
  const me = await requireSelf(ctx);
  if (input.version !== codeOfConduct.version)
    throw conflict('The code of conduct has changed since it was read; read the current version and accept it.', 'code_version_outdated');
  return ctx.db.transaction(async (tx) => {
    // Accepting twice changes nothing: the first acceptance stands.
    const inserted = await tx
      .insert(codeOfConductAcceptances)
      .values({ userId: me.userId, organizationId: me.organizationId, version: codeOfConduct.version })
      .onConflictDoNothing()
      .returning({ acceptedAt: codeOfConductAcceptances.acceptedAt });
    if (inserted.length)
      await ctx.audit(tx, {
        action: 'partner.code.accept',
        outcome: 'success',
        targetType: 'user',
        targetId: me.userId,
        details: { version: codeOfConduct.version },
      });
    return shape(inserted[0]?.acceptedAt ?? (await acceptanceOf(tx, me.userId))!.acceptedAt);
  });
}
