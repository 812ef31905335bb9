// The match as it stands when a person is put forward, kept with the candidacy (score 0–100 and
// the reasons): the matching helper's matchOne (src/employment/matching/score.ts).
import type { DbHandle } from '../../platform/db/client.js';
import { matchOne } from '../matching/score.js';

export interface MatchAtPutForward {
  score: number;
  reasons: { code: string; detail?: Record<string, unknown> }[];
}

/** The current match of the case for the opening, or null when it cannot be computed. */
export async function matchOf(db: DbHandle, caseId: string, openingId: string): Promise<MatchAtPutForward | null> {
  const m = await matchOne(db, caseId, openingId);
  return m ? { score: Math.round(m.score), reasons: m.reasons } : null;
}
