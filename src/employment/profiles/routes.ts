// The skills profile of a case, filled with the returnee.
import type { App, Deps } from '../../platform/http/types.js';

export async function skillsProfileRoutes(app: App, deps: Deps) {
  void app;
  void deps;
}
