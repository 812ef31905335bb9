// Closing a case with a supervisor's approval against the checklist, and reopening it.
import type { App, Deps } from '../platform/http/types.js';

export async function closureRoutes(app: App, deps: Deps) {
  void app;
  void deps;
}
