// Matching both ways: openings for a returnee, candidates for an opening, each with its reasons.
import type { App, Deps } from '../../platform/http/types.js';

export async function matchingRoutes(app: App, deps: Deps) {
  void app;
  void deps;
}
