// Group activities an organisation runs, that plan items enrol people in.
import type { App, Deps } from '../../platform/http/types.js';

export async function groupActivityRoutes(app: App, deps: Deps) {
  void app;
  void deps;
}
