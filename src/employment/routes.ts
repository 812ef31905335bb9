// Employment: partners, openings, skills profiles, matching, candidacies, placements and reports.
import type { App, Deps } from '../platform/http/types.js';
import { candidacyRoutes } from './candidacies/routes.js';
import { matchingRoutes } from './matching/routes.js';
import { openingRoutes } from './openings/routes.js';
import { partnerRoutes } from './partners/routes.js';
import { placementRoutes } from './placements/routes.js';
import { skillsProfileRoutes } from './profiles/routes.js';
import { employmentReportRoutes } from './report/routes.js';

export async function employmentRoutes(app: App, deps: Deps) {
  await partnerRoutes(app, deps);
  await openingRoutes(app, deps);
  await skillsProfileRoutes(app, deps);
  await matchingRoutes(app, deps);
  await candidacyRoutes(app, deps);
  await placementRoutes(app, deps);
  await employmentReportRoutes(app, deps);
}
