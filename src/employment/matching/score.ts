// The match of one case with one opening, as the candidacies record it when a person is put
// forward. The scoring itself is scoring.ts (pure, shared with the web app); this file reads the
// profile and the opening and re-exports it.
import { todayInJakarta } from '../../case-records/common.js';
import type { DbHandle } from '../../platform/db/client.js';
import { caseProvince, findProfile } from '../profiles/dal.js';
import { findOpening, profileForMatch } from './dal.js';
import { scoreMatch, type MatchResult } from './scoring.js';

export * from './scoring.js';

/**
 * The score (0–100) and reasons of the case's skills profile against the opening, whatever the
 * opening's status; null when the case has no profile or the opening does not exist. No access
 * check: the caller has passed requireCase.
 */
export async function matchOne(db: DbHandle, caseId: string, openingId: string): Promise<MatchResult | null> {
  const row = await findProfile(db, caseId);
  const opening = row ? await findOpening(db, openingId, todayInJakarta()) : null;
  if (!row || !opening) return null;
  return scoreMatch(profileForMatch(row, await caseProvince(db, caseId)), opening);
}
