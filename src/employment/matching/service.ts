// Matching both ways. For a case: the openings (or training places) open for matching that fit its
// skills profile, ranked, with the reasons, whether the person's job_matching consent covers each
// partner, and any candidacy already made. For an opening: the cases of the caller's organisation
// that seek this kind of work and consented to be put forward to its partner, ranked, with the
// reasons and who holds each case, never a name or a personal field of the person.
//
// Both rank in SQL by an upper bound of the score (estimate.ts, over the GIN-indexed match keys) and
// score exactly in TypeScript only the best rows: the bound never falls below the exact score, so
// the list is complete as soon as the k-th exact score reaches the bound of the first row left
// out; otherwise more rows are read (twice at most, then the list is the best of those read).
import { caseUsers, requireCase } from '../../cases/access.js';
import { displayNames, refFrom, todayInJakarta } from '../../case-records/common.js';
import { can } from '../../policy/policy.js';
import type { Ctx } from '../../platform/http/context.js';
import { conflict, HttpError, notFound } from '../../platform/http/errors.js';
import { caseProvince, findProfile } from '../profiles/dal.js';
import {
  areaNames,
  candidaciesFor,
  consentCovers,
  findOpening,
  profileForMatch,
  rankOpenings,
  rankProfiles,
  standingJobMatchingConsents,
  type OpeningRow,
} from './dal.js';
import { profileSearchKeys, scopedSearchKeys } from './keys.js';
import type { CaseMatchesOut, CaseMatchesQuery, OpeningCandidatesOut, OpeningCandidatesQuery } from './schema.js';
import { kindForSeeking, scoreMatch, seekingForKind, type MatchResult } from './scoring.js';

/**
 * The best `k` rows by exact score, reading rows by their bound (never below the exact score) until
 * the k-th exact score reaches the bound of the first row not read.
 */
export async function bestByScore<T extends { est: number }>(
  k: number,
  read: (n: number) => Promise<T[]>,
  score: (row: T) => MatchResult,
): Promise<(T & MatchResult)[]> {
  let n = Math.max(3 * k, k + 40);
  for (let round = 0; ; round++) {
    const rows = await read(n + 1);
    const scored = rows
      .slice(0, n)
      .map((r, i) => ({ ...r, ...score(r), i }))
      .sort((a, b) => b.score - a.score || a.i - b.i);
    const next = rows[n];
    const kth = scored[k - 1];
    if (!next || round >= 2 || (kth && kth.score >= Math.round(next.est))) return scored.slice(0, k).map(({ i: _i, ...r }) => r as T & MatchResult);
    n *= 5;
  }
}

const notOpen = () => conflict('This opening is not open for matching (closed, past its closing day, or its partner is suspended).', 'opening_not_open');
const profileRequired = () => conflict('Fill the skills profile of the case first.', 'profile_required');

function areaOf(names: Map<string, string>, code: string | null) {
  if (!code) return null;
  return { province: names.get(code.slice(0, 2)) ?? null, regency: code.length >= 5 ? (names.get(code.slice(0, 5)) ?? null) : null };
}

export async function matchesForCase(ctx: Ctx, caseId: string, q: CaseMatchesQuery, now = new Date()): Promise<CaseMatchesOut> {
  await requireCase(ctx, caseId, 'case.read');
  const row = await findProfile(ctx.db, caseId);
  if (!row) throw profileRequired();
  const profile = profileForMatch(row, await caseProvince(ctx.db, caseId));
  const kind = q.kind ?? kindForSeeking(profile.seeking);
  const today = todayInJakarta(now);
  const searchKeys = profileSearchKeys(profile);
  const best = await bestByScore(
    q.limit,
    (n) => rankOpenings(ctx.db, profile, { kind, searchKeys, n, today }),
    (o) => scoreMatch(profile, o),
  );
  const standing = await standingJobMatchingConsents(ctx.db, caseId);
  const made = await candidaciesFor(ctx.db, { caseIds: [caseId], openingIds: best.map((o) => o.id) });
  const names = await areaNames(
    ctx.db,
    best.map((o) => o.areaCode),
  );
  await ctx.audit(ctx.db, {
    action: 'case.matches.read',
    outcome: 'success',
    targetType: 'case',
    targetId: caseId,
    details: { kind, count: best.length },
  });
  return {
    kind,
    profileVersion: row.version,
    items: best.map((o) => ({
      opening: {
        id: o.id,
        title: o.title,
        kind: o.kind as 'job' | 'training',
        organization: { id: o.organization.id, name: o.organization.name, partnerKind: o.organization.partnerKind },
        sector: o.sector,
        occupation: o.occupation,
        areaCode: o.areaCode,
        area: areaOf(names, o.areaCode),
        remote: o.remote,
        startOn: o.startOn,
        closesOn: o.closesOn,
        wageMinIdr: o.wageMinIdr,
        wageMaxIdr: o.wageMaxIdr,
        contractType: o.contractType,
        durationWeeks: o.durationWeeks,
        costIdr: o.costIdr,
      },
      score: o.score,
      reasons: o.reasons,
      consent: { covers: consentCovers(standing, o.organization) },
      candidacy: made.get(`${caseId}:${o.id}`) ?? null,
    })),
  };
}

/** The opening if the caller may read it: drafts only of their own organisation. */
async function readableOpening(ctx: Ctx, openingId: string, today: string): Promise<OpeningRow & { open: boolean }> {
  const me = ctx.who();
  const o = await findOpening(ctx.db, openingId, today);
  if (!o || (o.status === 'draft' && o.organization.id !== me.organizationId) || !can(me, 'opening.read', { organizationId: o.organization.id })) {
    await ctx.audit(ctx.db, { action: 'permission.denied', outcome: 'denied', targetType: 'employment_opening', targetId: openingId, details: { action: 'opening.read' } });
    throw notFound();
  }
  return o;
}

export async function candidatesForOpening(ctx: Ctx, openingId: string, q: OpeningCandidatesQuery, now = new Date()): Promise<OpeningCandidatesOut> {
  const me = ctx.who();
  // Those who hold no cases (partners, administrators) learn nothing, not even that the opening exists.
  try {
    await ctx.require('opening.matchCases', { type: 'employment_opening', id: openingId, organizationId: me.organizationId });
  } catch (e) {
    if (e instanceof HttpError && e.statusCode === 403) throw notFound();
    throw e;
  }
  const today = todayInJakarta(now);
  const opening = await readableOpening(ctx, openingId, today);
  if (!opening.open) throw notOpen();
  const best = await bestByScore(
    q.limit,
    (n) =>
      rankProfiles(ctx.db, opening, {
        organizationId: me.organizationId,
        seeking: seekingForKind[opening.kind === 'training' ? 'training' : 'job'],
        searchKeys: scopedSearchKeys(opening, me.organizationId),
        n,
      }),
    (c) => scoreMatch(c.profile, opening),
  );
  const names = await displayNames(
    ctx.db,
    best.map((c) => c.assignedToId),
  );
  const made = await candidaciesFor(ctx.db, { caseIds: best.map((c) => c.caseId), openingIds: [openingId] });
  const areas = await areaNames(ctx.db, [opening.areaCode]);
  await ctx.audit(ctx.db, {
    action: 'opening.candidates.read',
    outcome: 'success',
    targetType: 'employment_opening',
    targetId: openingId,
    details: { count: best.length, caseIds: best.map((c) => c.caseId) },
  });
  return {
    opening: {
      id: opening.id,
      title: opening.title,
      kind: opening.kind as 'job' | 'training',
      organization: { id: opening.organization.id, name: opening.organization.name },
      areaCode: opening.areaCode,
      area: areaOf(areas, opening.areaCode),
      remote: opening.remote,
    },
    items: best.map((c) => ({
      case: { id: c.caseId, reference: c.reference },
      score: c.score,
      reasons: c.reasons,
      assignedTo: refFrom(names, c.assignedToId),
      canOpen: can(me, 'case.read', { organizationId: c.organizationId, userIds: caseUsers(c) }),
      candidacy: made.get(`${c.caseId}:${openingId}`) ?? null,
    })),
  };
}
