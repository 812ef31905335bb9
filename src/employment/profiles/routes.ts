// The skills profile of a case, filled with the returnee. Access is the case's (requireCase in the
// service); the routes declare shapes and hand over.
import { createCtx } from '../../platform/http/context.js';
import { errors } from '../../platform/http/errors.js';
import type { App, Deps } from '../../platform/http/types.js';
import { caseParam, skillsProfileEnvelope, skillsProfileSchema, skillsProfileWrite } from './schema.js';
import * as profiles from './service.js';

const tags = ['skills profiles'];

export async function skillsProfileRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const { cipher } = deps;

  app.get(
    '/cases/:id/skills-profile',
    {
      schema: {
        tags,
        summary: "The case's skills profile (case.read), or `{profile: null}` when none was filled yet",
        params: caseParam,
        response: { 200: skillsProfileEnvelope, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => profiles.get(createCtx(db, req), cipher, req.params.id),
  );

  app.put(
    '/cases/:id/skills-profile',
    {
      schema: {
        tags,
        summary: "Create the case's skills profile or replace it (with the stored version) (case.update)",
        description:
          'Without `version` it creates the profile; with it, it replaces the stored one. 409 `version_conflict` with `current` when the version is stale, or when a profile exists already and no version was given. 409 `case_closed` on a closed case. Field codes: `unknown_country` (workHistory.<i>.country, certificates.<i>.country), `half_years_only` (workHistory.<i>.years), `duplicate` (skills.<i>.code), `in_future` (certificates.<i>.year), `unknown_area` / `area_too_detailed` (preferredAreaCodes), `invalid_choice` (a code not in the vocabulary).',
        params: caseParam,
        body: skillsProfileWrite,
        response: { 200: skillsProfileSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      // One success status for a PUT: the body says whether it was new (version 1).
      const { profile } = await profiles.save(createCtx(db, req), cipher, req.params.id, req.body);
      return profile;
    },
  );
}
