// Assignment of a case to a case worker (or a supervisor), back to the queue, and the suggestion
// of whom to give it to.
import { eq } from 'drizzle-orm';
import { persons, users } from '../platform/db/schema.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest, notFound } from '../platform/http/errors.js';
import { requireCase } from './access.js';
import { caseHolders, loadsOf } from './caseloads.js';
import { addCaseEvent } from './dal.js';
import type { AssignmentInput, CaseOut } from './schema.js';
import { holdsCases } from '../policy/policy.js';
import { changeCase, type CaseDeps } from './service.js';

export async function assign(ctx: Ctx, deps: CaseDeps, id: string, input: AssignmentInput): Promise<CaseOut> {
  const head = await requireCase(ctx, id, 'case.assign');
  return changeCase(ctx, deps, id, input.version, async (tx, current) => {
    if (input.assigneeId) {
      const [u] = await tx
        .select({ organizationId: users.organizationId, status: users.status, kind: users.kind, roles: users.roles })
        .from(users)
        .where(eq(users.id, input.assigneeId));
      const ok = u && u.organizationId === head.organizationId && u.status === 'active' && u.kind === 'person' && holdsCases(u.roles);
      if (!ok) throw badRequest('This person cannot be given cases of this organisation.', { assigneeId: 'not_assignable' });
    }
    if (current.assignedToId === input.assigneeId) return null;
    const me = ctx.who();
    await addCaseEvent(tx, { caseId: id, kind: 'assignment', fromValue: current.assignedToId, toValue: input.assigneeId, byId: me.userId });
    await ctx.audit(tx, {
      action: 'case.assign',
      outcome: 'success',
      targetType: 'case',
      targetId: id,
      details: { from: current.assignedToId, to: input.assigneeId },
    });
    return { assignedToId: input.assigneeId, assignedAt: input.assigneeId ? new Date() : null };
  });
}

/** A Kemendagri code covers a village when it is the village or one of the areas above it. */
export const covers = (areaCode: string, villageCode: string) => villageCode === areaCode || villageCode.startsWith(`${areaCode}.`);

/**
 * How much speaking the person's language and covering their home area are worth, in weighted
 * caseload points: a worker who speaks the person's language is preferred over one with up to
 * four more routine cases (an interpreter at every contact costs more than that), one who
 * covers the area over one with up to two more (home visits are cheaper nearby). A worker with
 * much more work than the others still loses.
 */
export const languageBonus = 4;
export const areaBonus = 2;

export async function suggestions(ctx: Ctx, id: string) {
  const head = await requireCase(ctx, id, 'case.assign');
  const [p] = await ctx.db
    .select({ languages: persons.languages, homeVillageCode: persons.homeVillageCode })
    .from(persons)
    .where(eq(persons.id, head.personId));
  if (!p) throw notFound();
  const holders = await caseHolders(ctx.db, head.organizationId, ['case_worker']);
  const loads = await loadsOf(
    ctx.db,
    head.organizationId,
    holders.map((h) => h.id),
  );
  const ranked = holders
    .map((h) => {
      const load = loads.get(h.id)!;
      const speaksLanguage = h.languages.some((l) => p.languages.includes(l));
      const coversArea = !!p.homeVillageCode && h.areaCodes.some((a) => covers(a, p.homeVillageCode!));
      return {
        userId: h.id,
        displayName: h.displayName,
        openCases: load.openCases,
        weightedCaseload: load.weightedCaseload,
        speaksLanguage,
        coversArea,
        rank: load.weightedCaseload - (speaksLanguage ? languageBonus : 0) - (coversArea ? areaBonus : 0),
      };
    })
    .sort((a, b) => a.rank - b.rank || a.openCases - b.openCases || a.displayName.localeCompare(b.displayName) || a.userId.localeCompare(b.userId));
  await ctx.audit(ctx.db, { action: 'case.assignment.suggest', outcome: 'success', targetType: 'case', targetId: id });
  return { items: ranked.map(({ rank: _rank, ...s }, i) => ({ ...s, recommended: i === 0 })) };
}
