// Matching both ways: openings for a returnee, candidates for an opening, each with its reasons.
// Access is decided in the service (requireCase for a case; opening.matchCases for candidates).
import { createCtx } from '../../platform/http/context.js';
import { errors } from '../../platform/http/errors.js';
import type { App, Deps } from '../../platform/http/types.js';
import { caseMatchesQuery, caseMatchesSchema, caseParam, openingCandidatesQuery, openingCandidatesSchema, openingParam } from './schema.js';
import * as matching from './service.js';

const tags = ['matching'];

export async function matchingRoutes(app: App, deps: Deps) {
  const { db } = deps.database;

  app.get(
    '/cases/:id/matches',
    {
      schema: {
        tags,
        summary: "Openings or training places open for matching that fit the case's skills profile, ranked, with the reasons (case.read)",
        description:
          'Each with its score (0–100), the reasons (codes with details), whether an active job_matching consent covers its organisation, and the case’s candidacy for it, if any. Only openings sharing something with the profile (occupation group, sector, a skill or certificate, a province the person would work in, or remote work). 409 `profile_required` when the case has no skills profile.',
        params: caseParam,
        querystring: caseMatchesQuery,
        response: { 200: caseMatchesSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => matching.matchesForCase(createCtx(db, req), req.params.id, req.query),
  );

  app.get(
    '/openings/:id/candidates',
    {
      schema: {
        tags,
        summary: "Cases of the caller's organisation that fit the opening, ranked, with the reasons (opening.matchCases)",
        description:
          'Open cases whose skills profile seeks this kind of opening (employment for a job; training or self-employment for a training place), share something with it, and whose decisive job_matching consent (named partner first, then its organisation type) is given. Each: the case reference, score, reasons, the assigned case worker and whether the caller may open the case; never a name or any personal field of the person. 404 to those without opening.matchCases and for another organisation’s draft; 409 `opening_not_open` when it is closed, past its closing day or its partner is suspended.',
        params: openingParam,
        querystring: openingCandidatesQuery,
        response: { 200: openingCandidatesSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => matching.candidatesForOpening(createCtx(db, req), req.params.id, req.query),
  );
}
