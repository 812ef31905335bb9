// Worklists: "my cases", the organisation's cases (supervisors) and the queue of unassigned
// cases (supervisors). One query per page in index order (see dal.ts listCaseRows); only the
// names of the page's persons are decrypted.
import { and, arrayContains, eq, isNull, like, sql, type SQL } from 'drizzle-orm';
import { cases } from '../platform/db/schema.js';
import type { Ctx } from '../platform/http/context.js';
import { forbidden } from '../platform/http/errors.js';
import { referencePattern } from './reference.js';
import { listCaseRows } from './dal.js';
import { todayInJakarta } from './derived.js';
import type { CaseQuery } from './schema.js';
import { toListItem, type CaseDeps } from './service.js';

interface Scope {
  /** Alternatives, each served by one index in worklist order. */
  branches: SQL[];
  /** The organisation, checked again on the page's rows. */
  guard: SQL;
}

/** Which cases a scope covers, for this caller; 403 (audited) when the caller's roles do not reach that far. */
async function scopeOf(ctx: Ctx, scope: CaseQuery['scope']): Promise<Scope> {
  const me = ctx.who();
  const guard = eq(cases.organizationId, me.organizationId);
  if (scope === 'queue') {
    await ctx.reach('case.assign');
    return { branches: [and(guard, isNull(cases.assignedToId), sql`${cases.stage} <> 'closed'`)!], guard };
  }
  const reach = await ctx.reach('case.read');
  if (scope === 'organization') {
    if (reach === 'self') {
      await ctx.audit(ctx.db, { action: 'permission.denied', outcome: 'denied', details: { action: 'case.read', scope } });
      throw forbidden();
    }
    return { branches: [guard], guard };
  }
  // Mine: the same cases as access.ts visibleCases(ctx, 'self'), as two index-friendly branches.
  // A case is only ever registered by and assigned to users of its organisation, so the branches
  // need no organisation condition (which would only tempt the planner into the organisation's
  // index); the guard re-checks it on the page's rows.
  return {
    branches: [eq(cases.assignedToId, me.userId), and(isNull(cases.assignedToId), eq(cases.createdById, me.userId))!],
    guard,
  };
}

export async function list(ctx: Ctx, deps: CaseDeps, q: CaseQuery) {
  const today = todayInJakarta();
  const scope = await scopeOf(ctx, q.scope);
  const where: SQL[] = [];
  if (q.stage) where.push(eq(cases.stage, q.stage));
  // Closed cases leave the worklists unless asked for (by stage, person or reference).
  else if (!q.personId && !q.q) where.push(sql`${cases.stage} <> 'closed'`);
  if (q.type) where.push(eq(cases.caseType, q.type));
  if (q.province) where.push(eq(cases.provinceCode, q.province));
  if (q.country) where.push(arrayContains(cases.destinationCountries, [q.country]));
  if (q.overdue === 'true') where.push(sql`${cases.nextDueOn} < ${today}`);
  if (q.overdue === 'false') where.push(sql`(${cases.nextDueOn} is null or ${cases.nextDueOn} >= ${today})`);
  if (q.personId) where.push(eq(cases.personId, q.personId));
  if (q.q) {
    // "PUL-2026-000123", "2026-0001" and "pul-2026" all mean the same beginning; a whole reference is looked up exactly (unique index).
    const ref = q.q.toUpperCase().startsWith('PUL') ? q.q.toUpperCase() : `PUL-${q.q.toUpperCase()}`;
    if (referencePattern.test(ref)) where.push(eq(cases.reference, ref));
    else where.push(like(cases.reference, `${ref.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  }
  const page = await listCaseRows(ctx.db, { ...scope, filters: where, limit: q.limit, offset: q.offset });
  const items = page.items.map((r) => toListItem(r, deps.cipher, today));
  // A list of persons' cases is a read of personal data: recorded with the IDs it returned.
  await ctx.audit(ctx.db, {
    action: 'case.list',
    outcome: 'success',
    targetType: 'case',
    details: { scope: q.scope, ids: items.map((i) => i.id), total: page.total },
  });
  return { items, total: page.total, totalCapped: page.totalCapped };
}
