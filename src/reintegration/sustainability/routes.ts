// Sustainability surveys of a case, their schedule and trend, and the scoring models.
import type { App, Deps } from '../../platform/http/types.js';

export async function sustainabilityRoutes(app: App, deps: Deps) {
  void app;
  void deps;
}
