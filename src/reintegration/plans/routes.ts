// Reintegration plans: versions, items, submission and approval.
import type { App, Deps } from '../../platform/http/types.js';

export async function planRoutes(app: App, deps: Deps) {
  void app;
  void deps;
}
