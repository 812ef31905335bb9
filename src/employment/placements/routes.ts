// Placements and their follow-ups at 1, 3 and 6 months.
import type { App, Deps } from '../../platform/http/types.js';

export async function placementRoutes(app: App, deps: Deps) {
  void app;
  void deps;
}
